//! Speakers: the noun phrase tied to a reporting cue ("one American military official said"),
//! the cue itself, and the fullest name the article gives a speaker.
//!
//! There is no part-of-speech tagger here: a speaker is found next to a cue from the
//! reporting-verb list, as the run of words up to a clause boundary, and accepted only when it
//! looks like a speaker: a name (capitalised words), a pronoun, or a phrase headed by a noun
//! from the speaker-noun list ("officials", "the article").

use crate::lexicon::{self, Cue as Class, Reporting};
use crate::span::Span;
use crate::words::{Token, capitalised};

/// A reporting cue found among tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The cue words.
    pub(crate) span: Span,
    /// Index of the cue's first token.
    pub(crate) first: usize,
    /// Index one past the cue's last token.
    pub(crate) next: usize,
    /// What it reports.
    pub(crate) category: Reporting,
    /// Whether it is "according to", which takes its speaker after it.
    pub(crate) according: bool,
}

/// The cue that starts at token `i`, if any.
pub(crate) fn cue_at(text: &str, tokens: &[Token], i: usize) -> Option<Cue> {
    let t = tokens.get(i)?;
    if !t.word {
        return None;
    }
    // The token's lookup answers most words, which begin no cue.
    let entry = t.lexicon(text)?;
    let cue_word = lexicon::cue_word_of(entry)?;
    let word = &text[t.span];
    // A capitalised cue only opens a sentence ("According to"); inside one it is a name
    // ("the United States").
    if i > 0 && crate::words::capitalised(word) {
        return None;
    }
    // "made it clear": a light verb, its object and an adjective.
    if cue_word.pair
        && let (Some(n), Some(m)) = (
            tokens.get(i + 1).filter(|n| n.word),
            tokens.get(i + 2).filter(|m| m.word),
        )
        && let Some(category) = lexicon::reporting_triple_of(entry, &text[n.span], &text[m.span])
    {
        return Some(Cue {
            span: t.span.cover(m.span),
            first: i,
            next: i + 3,
            category,
            according: false,
        });
    }
    if cue_word.pair
        && let Some(n) = tokens.get(i + 1).filter(|n| n.word)
        && let Some(category) = lexicon::reporting_pair_of(entry, &text[n.span])
    {
        return Some(Cue {
            span: t.span.cover(n.span),
            first: i,
            next: i + 2,
            category,
            according: word.eq_ignore_ascii_case("according"),
        });
    }
    let category = cue_word.single?;
    Some(Cue {
        span: t.span,
        first: i,
        next: i + 1,
        category,
        according: false,
    })
}

/// Whether a cue may stand before its speaker, in an inverted tag ("…," said the mayor /
/// "…," wrote Ann Lee): a finite verb whose object is the quotation. An "-ing" participle
/// heads a clause whose subject stands before it ("…," blaming the weather), and a verb whose
/// object is the person or thing it judges, describes or cites (`target-verb`: "…," criticized
/// the council) takes the noun phrase after it as that object. "According to" takes its
/// speaker after it as a preposition does, and is read apart.
pub(crate) fn inverts(text: &str, tokens: &[Token], cue: &Cue) -> bool {
    let verb = &text[tokens[cue.first].span];
    cue.according || !(verb.ends_with("ing") || lexicon::is(verb, Class::TargetVerb))
}

/// Whether the word at token `i` stands where a noun does, so that a form of a reporting verb
/// there is a noun: after an article or a possessive determiner ("the states that border",
/// "his claims"), or after a noun's possessive ("Mrs Hodge's remarks were", "the professor's
/// remarks"; the "'s" of a pronoun or a deictic word is a contraction: "He's said", "That's
/// according to").
pub(crate) fn noun_position(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| &tokens[k]).filter(|t| t.word) else {
        return false;
    };
    let w = &text[prev.span];
    if lexicon::is(w, Class::NounDeterminer) {
        return true;
    }
    let stem = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    stem.is_some_and(|stem| !stem.is_empty() && !lexicon::is(stem, Class::ContractionHost))
}

/// A manner or time adverb by its form: a lower-case word in "-ly" ("repeatedly"), or
/// "meanwhile".
fn adverb(word: &str) -> bool {
    (word.len() > 4 && word.ends_with("ly") && !capitalised(word))
        || word.eq_ignore_ascii_case("meanwhile")
}

/// A word that shows a phrase is a clause, not a speaker; an initialism in capitals is a name
/// ("US administration officials", not "us").
/// Read from the token's lookup.
fn not_in_speaker(text: &str, t: &Token) -> bool {
    let word = &text[t.span];
    let Some(entry) = t.lexicon(text) else {
        return false;
    };
    (entry.is(Class::SpeakerExcluded)
        && !(word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())))
        // A modal shows a clause ("…, said the veto would fail."); capitalised it may be a
        // name ("Will Osk").
        || (!capitalised(word) && entry.is(Class::Auxiliary))
}

/// Longest speaker phrase, in words.
const MAX_WORDS: usize = 9;

/// How strictly a phrase must look like a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// Anywhere in a sentence: a name, a pronoun, or a speaker noun.
    Clause,
    /// Right next to a quotation: any short description will do.
    NextToQuote,
}

fn accepts(place: Place, text: &str, words: &[Token]) -> bool {
    if junk(text, words) {
        return false;
    }
    match place {
        Place::Clause => speaker_like(text, words),
        Place::NextToQuote => speaker_like_next_to_quote(text, words),
    }
}

/// The speaker phrase that ends just before token `end` (exclusive), back to a clause
/// boundary.
pub(crate) fn before(text: &str, tokens: &[Token], end: usize, place: Place) -> Option<Span> {
    let between = skip_between(text, tokens, end);
    let speaker = before_at(text, tokens, between, place).or_else(|| {
        // "the family said": a noun in "-ly" is the subject, not an adverb.
        (between != end)
            .then(|| before_at(text, tokens, end, place))
            .flatten()
    })?;
    Some(with_inclusion(text, tokens, speaker, between).unwrap_or(speaker))
}

/// "Critics - including Germany and France - believe": a parenthesis between dashes that
/// opens with "including" right after the speaker names its members; the speaker takes it in.
fn with_inclusion(text: &str, tokens: &[Token], speaker: Span, end: usize) -> Option<Span> {
    let dash =
        |i: usize| !tokens[i].word && matches!(&text[tokens[i].span], "-" | "–" | "—" | "--");
    let open = tokens.partition_point(|t| t.span.start() < speaker.end());
    (open + 2 < end
        && dash(open)
        && dash(end - 1)
        && text[tokens[open + 1].span].eq_ignore_ascii_case("including")
        && tokens[open + 1..end - 1]
            .iter()
            .all(|t| t.word || &text[t.span] == ","))
    .then(|| speaker.cover(tokens[end - 2].span))
}

/// Where the subject ends when adverbs and times stand between it and token `end`.
pub(crate) fn skip_between(text: &str, tokens: &[Token], end: usize) -> usize {
    let mut last = end;
    // "The White House is saying", "Trump was warning": the progressive's form of "be"
    // stands between the subject and an "-ing" cue.
    let word_at = |i: usize| tokens.get(i).filter(|t| t.word).map(|t| &text[t.span]);
    if word_at(end).is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        && last > 1
        && word_at(last - 1).is_some_and(|w| lexicon::is_exactly(w, Class::BeFinite))
    {
        last -= 1;
    }
    loop {
        // "The foreign secretary meanwhile said", "Trump on Friday said", "The IMF this week
        // said": adverbs and times between a subject and its verb.
        let word = |i: usize| tokens[i].word.then(|| &text[tokens[i].span]);
        match last.checked_sub(1).and_then(word) {
            Some(w) if lexicon::is(w, Class::SpeakerBetween) || adverb(w) => last -= 1,
            Some(w)
                if last >= 2
                    && capitalised(w)
                    && w.ends_with("day")
                    && word(last - 2).is_some_and(|p| p == "on") =>
            {
                last -= 2;
            }
            Some(w)
                if last >= 2
                    && !capitalised(w)
                    && word(last - 2).is_some_and(|p| lexicon::one_of(p, &["this", "last"])) =>
            {
                last -= 2;
            }
            _ => break,
        }
    }
    last
}

/// Whether a word is a party-and-place label of US news ("R-Ky", "D-Md", "D-Newport"): a
/// capital, a hyphen, a capitalised word.
fn affiliation_label(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3 && b[0].is_ascii_uppercase() && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// Whether token `k` is part of a party-and-place label set off after a name ("(D-Md.)",
/// ", R-Ky.,"): the label's words, its full stop, or the brackets around it.
pub(crate) fn in_affiliation(text: &str, tokens: &[Token], k: usize) -> bool {
    let w = |i: usize| tokens.get(i).map_or("", |t| &text[t.span]);
    let label_at = |i: usize| affiliation_label(w(i));
    match w(k) {
        "(" => label_at(k + 1),
        ")" => (k.saturating_sub(4)..k).any(label_at),
        "." => {
            k > 0 && tokens[k - 1].span.end() == tokens[k].span.start() && label_at(k - 1)
                || (k >= 2 && label_at(k - 2))
        }
        _ => tokens[k].word && (k.saturating_sub(2)..=k).any(label_at),
    }
}

/// Where a speaker's name ends before a label set off by commas ("Ann Lee, R-Ky., said"):
/// the index of the comma that opens the label, when the tokens before `last` end with one.
fn before_affiliation(text: &str, tokens: &[Token], last: usize) -> Option<usize> {
    let comma = |i: usize| !tokens[i].word && &text[tokens[i].span] == ",";
    if last < 3 || !comma(last - 1) {
        return None;
    }
    let open = (last.saturating_sub(6)..last - 1)
        .rev()
        .find(|&i| comma(i))?;
    (open + 1 < last - 1
        && affiliation_label(&text[tokens[open + 1].span])
        && (open + 1..last - 1).all(|k| in_affiliation(text, tokens, k)))
    .then_some(open)
}

fn before_at(text: &str, tokens: &[Token], mut last: usize, place: Place) -> Option<Span> {
    let punct = |i: usize, p: &str| !tokens[i].word && &text[tokens[i].span] == p;
    if let Some(open) = before_affiliation(text, tokens, last) {
        last = open;
    }
    // "Govs. Bush and Christie, who say …": the speaker is the relative pronoun's antecedent,
    // as it is for "an architect who said he was stiffed".
    if last >= 2
        && lexicon::one_of(&text[tokens[last - 1].span], &["who", "which"])
        && punct(last - 2, ",")
    {
        last -= 2;
    } else if last >= 2
        && lexicon::one_of(&text[tokens[last - 1].span], &["who"])
        && tokens[last - 2].word
    {
        last -= 1;
        // The antecedent is the noun phrase before "who": from its determiner on.
        if let Some(det) = (last.saturating_sub(5)..last)
            .rev()
            .take_while(|&i| tokens[i].word)
            .find(|&i| super::mentions::is_determiner(&text[tokens[i].span]))
            && speaker_like_next_to_quote(text, &tokens[det..last])
        {
            return Some(tokens[det].span.cover(tokens[last - 1].span));
        }
    }
    // "The research - which also draws on … - finds that": a parenthesis between dashes.
    if last > 1
        && !tokens[last - 1].word
        && matches!(&text[tokens[last - 1].span], "-" | "–" | "—" | "--")
    {
        let dash = &text[tokens[last - 1].span];
        if let Some(open) = (last.saturating_sub(40)..last - 1)
            .rev()
            .find(|&i| !tokens[i].word && &text[tokens[i].span] == dash)
        {
            last = open;
        }
    }
    // "Rep. Elijah E. Cummings (D-Md.) said": a parenthesis between speaker and cue.
    if last > 0 && punct(last - 1, ")") {
        let open = (last.saturating_sub(12)..last - 1)
            .rev()
            .find(|&i| punct(i, "("))?;
        last = open;
    }
    // "Mr. Conant, the Republican consultant, said": an apposition between speaker and cue.
    // The name before it is the speaker when it is one; else the apposition itself ("One
    // Republican hopeful, Carly Fiorina, says").
    if last > 0 && punct(last - 1, ",") {
        // Appositions run long ("co-director of the Liberty and National Security Program at
        // New York University's Brennan Center for Justice"); 40 tokens still bounds the work.
        let comma = (last.saturating_sub(40)..last - 1)
            .rev()
            .find(|&i| {
                !tokens[i].word
                    && matches!(
                        &text[tokens[i].span],
                        "," | "." | ";" | ":" | "“" | "\"" | "(" | ")"
                    )
            })
            .filter(|&i| punct(i, ","))?;
        let apposition = run_before(text, tokens, last - 1);
        // "Manufacturers' organisation, the EEF, said": a description named by its
        // apposition; the name is the speaker.
        let named_apposition = apposition.filter(|&(first, end)| {
            first == comma + 1
                && capitalised(&text[tokens[end - 1].span])
                && speaker_like(text, &tokens[first..end])
        });
        if let Some(head) = run_before(text, tokens, comma)
            && speaker_like(text, &tokens[head.0..head.1])
        {
            let description = !capitalised(&text[tokens[head.1 - 1].span]);
            if let Some((first, end)) = named_apposition.filter(|_| description) {
                return Some(tokens[first].span.cover(tokens[end - 1].span));
            }
            // "Dr Jo Kell, IBM senior vice president, Technology, said": a role of two
            // appositions; the name before the first one is the speaker.
            if description
                && head.0 > 1
                && punct(head.0 - 1, ",")
                && let Some((first, end)) = run_before(text, tokens, head.0 - 1)
                && capitalised(&text[tokens[end - 1].span])
                && speaker_like(text, &tokens[first..end])
            {
                return Some(tokens[first].span.cover(tokens[end - 1].span));
            }
            return Some(tokens[head.0].span.cover(tokens[head.1 - 1].span));
        }
        let (first, end) = apposition?;
        return (first == comma + 1 && accepts(place, text, &tokens[first..end]))
            .then(|| tokens[first].span.cover(tokens[end - 1].span));
    }
    // "Speaking after a summit meeting he said": a pronoun right before the verb is its
    // subject, whatever opens the clause.
    if last > 0
        && tokens[last - 1].word
        && lexicon::is(&text[tokens[last - 1].span], Class::SpeakerPronoun)
    {
        return Some(tokens[last - 1].span);
    }
    let run = run_before(text, tokens, last).map(|(mut first, last)| {
        while first + 1 < last && leading_adverb(&text[tokens[first].span]) {
            first += 1;
        }
        (first, last)
    });
    if let Some((first, last)) = run
        && accepts(place, text, &tokens[first..last])
    {
        let first = coordinated_start(text, tokens, first);
        return Some(tokens[first].span.cover(tokens[last - 1].span));
    }
    // "the third time AROS said it had …": a clause's subject name right before the verb,
    // after words that are no speaker.
    let name = tokens[..last]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.word && capitalised(&text[t.span]))
        .count();
    let first = last - name;
    (name > 0
        && name < last.min(MAX_WORDS)
        && tokens[first - 1].word
        && !capitalised(&text[tokens[first - 1].span])
        && !super::mentions::function_word(&text[tokens[first - 1].span])
        && !lexicon::is(&text[tokens[first - 1].span], Class::SpeakerPreposition)
        && speaker_like(text, &tokens[first..last]))
    .then(|| tokens[first].span.cover(tokens[last - 1].span))
}

/// Most conjuncts taken before a subject ("A, B, C and D said").
const MAX_CONJUNCTS: usize = 6;

/// "Smith and Jones said", "Kim Lee, Ann Park and other scholars have shown that": the subject
/// that starts at token `first` may be the last of a list joined by "and" (and commas before
/// it). Each conjunct before it must be a name or a short description headed by a speaker
/// noun; returns the index where the whole list starts (`first` when there is none).
fn coordinated_start(text: &str, tokens: &[Token], first: usize) -> usize {
    let punct = |i: usize, p: &str| !tokens[i].word && &text[tokens[i].span] == p;
    if first < 2
        || !tokens[first - 1].word
        || !text[tokens[first - 1].span].eq_ignore_ascii_case("and")
    {
        return first;
    }
    let Some((start, _)) =
        run_before(text, tokens, first - 1).filter(|&(a, b)| conjunct(text, &tokens[a..b]))
    else {
        return first;
    };
    let mut start = start;
    for _ in 0..MAX_CONJUNCTS {
        if start < 2 || !punct(start - 1, ",") {
            break;
        }
        match run_before(text, tokens, start - 1).filter(|&(a, b)| conjunct(text, &tokens[a..b])) {
            Some((a, _)) => start = a,
            None => break,
        }
    }
    start
}

/// A conjunct of a listed subject: at most four words, each capitalised (a name, "the UK"), a
/// name particle, a determiner or a speaker noun ("other scholars"), and no day ("Earlier
/// Tuesday").
fn conjunct(text: &str, words: &[Token]) -> bool {
    words.len() <= 4
        && !junk(text, words)
        && speaker_like(text, words)
        && words.iter().all(|t| {
            let w = &text[t.span];
            (capitalised(w) && !w.ends_with("day"))
                || lexicon::is(w, Class::SpeakerNameParticle)
                || lexicon::is(w, Class::SpeakerDeterminer)
                || lexicon::speaker_noun(w).is_some()
        })
}

/// Longest phrase after "according to", in words: a source with a time and a post-modifier
/// ("a report earlier this week from the British Retail Consortium") runs longer than a
/// speaker phrase.
const MAX_ACCORDING_WORDS: usize = 12;

/// After "according to": the phrase up to the next punctuation, when it has no verb or clause
/// word ("research published today", "figures from the census"); a time of "this" or "last"
/// and a noun ("this week") may stand in it.
pub(crate) fn after_phrase(text: &str, tokens: &[Token], start: usize) -> Option<Span> {
    let end = start
        + tokens[start..]
            .iter()
            .take(MAX_ACCORDING_WORDS + 1)
            .take_while(|t| t.word)
            .count();
    let time = |k: usize| {
        lexicon::one_of(&text[tokens[k].span], &["this", "last"])
            && tokens
                .get(k + 1)
                .is_some_and(|n| k + 1 < end && !capitalised(&text[n.span]))
    };
    (end > start
        && end - start <= MAX_ACCORDING_WORDS
        && !(start..end).any(|k| not_in_speaker(text, &tokens[k]) && !time(k)))
    .then(|| tokens[start].span.cover(tokens[end - 1].span))
}

/// "according to weight", "according to financial need": one or two lower-case words (letters
/// only) with no determiner, no pronoun and no speaker noun, and a head that is no plural, are
/// the measure something is done by ("in accordance with", Quirk et al. 1985, §9.10), not a
/// source ("according to officials", "according to him", "according to the report" are).
pub(crate) fn measure_phrase(text: &str, tokens: &[Token], np: Span) -> bool {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.word && np.contains_span(t.span))
        .map(|t| &text[t.span])
        .collect();
    let Some(head) = words.last() else {
        return false;
    };
    // Only letters: "cov-lineages.org" is a web site's name.
    (1..=2).contains(&words.len())
        && text[np].chars().all(|c| c.is_alphabetic() || c == ' ')
        && !head.ends_with('s')
        && lexicon::speaker_noun(head).is_none()
        && words.iter().all(|w| {
            w.starts_with(char::is_lowercase)
                && ![
                    Class::MentionDeterminer,
                    Class::ObjectPronoun,
                    Class::SubjectPronoun,
                    Class::SpeakerPronoun,
                    Class::SpeakerExcluded,
                ]
                .into_iter()
                .any(|c| lexicon::is(w, c))
        })
}

/// A word that opens the clause a subject stands in: a conjunction or sentence adverb, or a
/// wh-word or complementiser ("care what legal experts believe"; "who" is read apart, as the
/// relative pronoun of an antecedent).
/// Read from the token's lookup.
fn opens_clause(text: &str, t: &Token) -> bool {
    let Some(entry) = t.lexicon(text) else {
        return false;
    };
    entry.is(Class::SpeakerLeading)
        || (entry.is(Class::ContentOpener) && !lexicon::one_of(&text[t.span], &["who", "if"]))
}

/// The run of words that ends before token `last`, back to a clause boundary: `(first, last)`
/// token indices, or `None` when there is none or it was cut at the length limit.
fn run_before(text: &str, tokens: &[Token], last: usize) -> Option<(usize, usize)> {
    let mut first = last;
    while first > 0 && last - first < MAX_WORDS {
        let t = tokens[first - 1];
        // A plural possessive is part of the phrase ("Residents' groups", "the workers’
        // union"): its apostrophe is a token of its own, glued to a word ending in "s".
        if !t.word
            && matches!(&text[t.span], "'" | "’")
            && first >= 2
            && tokens[first - 2].word
            && tokens[first - 2].span.end() == t.span.start()
            && text[tokens[first - 2].span].ends_with(['s', 'S'])
            && last - first + 1 < MAX_WORDS
        {
            first -= 2;
            continue;
        }
        // "the National Farmers Union (NFU) president": an initialism in brackets inside the
        // phrase, a word on either side of it.
        if first >= 4
            && first < last
            && in_initialism(text, tokens, first - 1)
            && tokens[first - 4].word
            && last - first + 1 < MAX_WORDS
        {
            first -= 3;
            continue;
        }
        // Inside a name: "Sen. Elizabeth Warren", "D.E.A. officials"; punctuation and clause
        // words end it.
        if !t.word || opens_clause(text, &t) {
            break;
        }
        first -= 1;
    }
    if first == last {
        return None;
    }
    // A subject longer than the limit was cut in the middle: no clean speaker.
    if first > 0 && tokens[first - 1].word && !opens_clause(text, &tokens[first - 1]) {
        return None;
    }
    Some((first, last))
}

/// Whether token `k` is one of the three tokens of an initialism in brackets ("(NFU)"): the
/// brackets or the capitals between them.
fn in_initialism(text: &str, tokens: &[Token], k: usize) -> bool {
    let is = |i: usize, p: &str| tokens.get(i).is_some_and(|t| !t.word && &text[t.span] == p);
    let caps = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            let w = &text[t.span];
            t.word && (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase())
        })
    };
    (is(k, "(") && caps(k + 1) && is(k + 2, ")"))
        || (k >= 1 && is(k - 1, "(") && caps(k) && is(k + 1, ")"))
        || (k >= 2 && is(k - 2, "(") && caps(k - 1) && is(k, ")"))
}

/// The speaker phrase that starts at token `start`, up to a clause boundary or a word that
/// ends it.
pub(crate) fn after(text: &str, tokens: &[Token], start: usize, place: Place) -> Option<Span> {
    let mut last = start;
    while last < tokens.len() && last - start < MAX_WORDS {
        let t = tokens[last];
        if !t.word || (last > start && lexicon::is(&text[t.span], Class::SpeakerTrailing)) {
            break;
        }
        last += 1;
    }
    if last == start {
        return None;
    }
    let span = tokens[start].span.cover(tokens[last - 1].span);
    accepts(place, text, &tokens[start..last]).then_some(span)
}

/// A looser test for a phrase in the speaker's place right next to a quotation ("…," the clown
/// said): there the position says enough, so any short description will do.
pub(crate) fn speaker_like_next_to_quote(text: &str, words: &[Token]) -> bool {
    if speaker_like(text, words) {
        return true;
    }
    // "“Your Honor,” I said": a writer quoting their own words.
    if let [one] = words
        && matches!(&text[one.span], "I" | "we" | "We")
    {
        return true;
    }
    let clean = !words.iter().any(|t| !t.word || not_in_speaker(text, t));
    // A determiner and at least one word after it ("the clown"), never a bare "the".
    clean
        && (2..=6).contains(&words.len())
        && words
            .first()
            .is_some_and(|t| lexicon::is(&text[t.span], Class::SpeakerDeterminer))
}

/// Sentence adverbs and conjunctions that may open a clause before its subject ("Earlier
/// Conservative Graham Brady said", "Even Mark Glaze conceded"): not part of the speaker.
fn leading_adverb(word: &str) -> bool {
    super::mentions::function_word(word)
        && !super::mentions::is_determiner(word)
        && !lexicon::is(word, Class::SpeakerPreposition)
        && !lexicon::is(word, Class::SpeakerPronoun)
}

/// Whether the words cannot head a noun phrase: a lone closed-class word, capitalised only
/// because it opens a sentence ("Once in my early 20s, …", "Earlier in the day, …", "Their
/// fear that …"): a possessive determiner, which a noun always follows, or a function word
/// (conjunction, preposition, subordinator, adverb) that is no determiner or quantifier able
/// to stand alone as a subject ("Both claim", "Several said", "This shows", "Critics argue"
/// stay speakers); or a verb in
/// inversion before a name ("said Mr. Kamin, who …"): a lower-case reporting verb opening
/// the phrase with a capital after it.
pub(crate) fn no_head(text: &str, words: &[Token]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    let w = &text[first.span];
    if let [_] = words {
        return lexicon::token_is(text, first, Class::NounDeterminer)
            || (super::mentions::token_function_word(text, first)
                && !lexicon::token_is(text, first, Class::MentionDeterminer)
                && !lexicon::token_is(text, first, Class::SpeakerDeterminer)
                && !lexicon::token_is(text, first, Class::GenericHolder));
    }
    !capitalised(w)
        && words.get(1).is_some_and(|t| capitalised(&text[t.span]))
        && lexicon::cue_word(w).is_some_and(|c| c.single.is_some())
}

/// Phrases that stand where a speaker would but name nobody: a phrase opened by a preposition
/// or a clause word ("On July 26", "In a statement", "After"), a day ("Tuesday"), a
/// capitalised "-ing" form ("Having said that"), a lone determiner ("The"), and words that
/// head no noun phrase ([`no_head`]).
fn junk(text: &str, words: &[Token]) -> bool {
    let Some(first) = words.first() else {
        return true;
    };
    if no_head(text, words) {
        return true;
    }
    let w = &text[first.span];
    let capital_ing = capitalised(w) && w.len() > 4 && w.ends_with("ing");
    let day = words.len() == 1 && capitalised(w) && w.ends_with("day");
    lexicon::is(w, Class::SpeakerPreposition)
        || capital_ing
        || day
        || (words.len() == 1 && super::mentions::is_determiner(w))
        // "Meanwhile", "Indeed", "Still": a sentence adverb or conjunction alone.
        || (words.len() == 1 && lexicon::is(w, Class::SpeakerLeading))
}

/// Whether the words are a quantity with a quantifier or number in it ("over half", "sixty
/// percent", "a third", "91 percent", "most"), hyphenated numbers ("thirty-eight") included.
fn quantity(text: &str, words: &[Token]) -> bool {
    let role = |w: &str| {
        if w.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && !w.is_empty()
        {
            return Some(lexicon::Partitive::Number);
        }
        if w.contains('-') {
            // "thirty-eight": every part a number word.
            return w
                .split('-')
                .all(|p| lexicon::partitive(p) == Some(lexicon::Partitive::Number))
                .then_some(lexicon::Partitive::Number);
        }
        lexicon::partitive(w)
    };
    let mut counted = false;
    for t in words {
        match role(&text[t.span]) {
            Some(lexicon::Partitive::Modifier) => {}
            Some(_) => counted = true,
            None => return false,
        }
    }
    counted
}

/// Whether the words look like a speaker: a pronoun, a name, or a phrase headed by a speaker
/// noun, and nothing that shows a clause.
pub(crate) fn speaker_like(text: &str, words: &[Token]) -> bool {
    if junk(text, words) || writers_infinitive(text, words) {
        return false;
    }
    let Some(head) = words.last() else {
        return false;
    };
    if words.len() == 1 && lexicon::is(&text[head.span], Class::SpeakerPronoun) {
        return true;
    }
    // Punctuation ends a speaker phrase, but for a plural possessive's apostrophe inside it
    // ("Farmers' groups").
    let possessive = |t: &Token| matches!(&text[t.span], "'" | "’") && t.span.start() > 0;
    // "the Office for National (ONS) statistics": an initialism in brackets inside the phrase.
    let initialism = |k: usize| k > 0 && k + 1 < words.len() && in_initialism(text, words, k);
    if !head.word
        || words
            .iter()
            .enumerate()
            .any(|(k, t)| (!t.word && !possessive(t) && !initialism(k)) || not_in_speaker(text, t))
    {
        return false;
    }
    // "A Harbor University poll released in late August": a past participle after the head
    // opens its post-modifier; the phrase before it is the speaker.
    if let Some(k) = words.iter().skip(2).position(|t| {
        let w = &text[t.span];
        w.len() > 4 && w.ends_with("ed") && !capitalised(w)
    }) && k + 2 + 1 < words.len()
        && lexicon::is(&text[words[k + 3].span], Class::SpeakerPreposition)
        && lexicon::speaker_noun(&text[words[k + 1].span]).is_some()
        && speaker_like(text, &words[..k + 2])
    {
        return true;
    }
    // A post-modified speaker: "Laura Brownlees of Save the Children", "a spokesman for the
    // embassy in London": the phrase before the preposition is the speaker's head.
    if let Some(k) = words
        .iter()
        .skip(1)
        .position(|t| lexicon::token_is(text, t, Class::SpeakerPostModifier))
        .map(|k| k + 1)
        && k < words.len() - 1
    {
        // "Over half of the women", "sixty percent of gun owners": a quantity before a
        // partitive "of" is no head; the noun phrase after it is the speaker's.
        if text[words[k].span].eq_ignore_ascii_case("of") && quantity(text, &words[..k]) {
            return speaker_like(text, &words[k + 1..]);
        }
        // "The city of Phoenix", "the government of Chile": a description that a name after
        // "of" makes an organisation's or a place's.
        let named_of = text[words[k].span].eq_ignore_ascii_case("of")
            && lexicon::is(&text[words[0].span], Class::SpeakerDeterminer)
            && words[k + 1..].iter().all(|t| capitalised(&text[t.span]));
        if named_of {
            return true;
        }
        // The post-modifier is a noun phrase: no "-ing" form ("Obama in letting the public").
        return words[k + 1..]
            .iter()
            .all(|t| !text[t.span].ends_with("ing"))
            && speaker_like(text, &words[..k]);
    }
    let head_word = text[head.span]
        .trim_end_matches("'s")
        .trim_end_matches("’s");
    // A speaker noun, or a role the mention model knows a person by ("the tax commissioner",
    // "the judge").
    if lexicon::speaker_noun(head_word).is_some() || super::mentions::role_word(head_word) {
        return true;
    }
    // A description ending in a name: "State spokesman Mark Toner", "election law expert
    // Rick Hasen", "strategist Cardenas".
    let trailing_caps = words
        .iter()
        .rev()
        .take_while(|t| capitalised(&text[t.span]))
        .count();
    if trailing_caps >= 2 && trailing_caps < words.len() {
        return true;
    }
    if trailing_caps == 1 && words.len() >= 2 {
        let before = &text[words[words.len() - 2].span];
        if lexicon::speaker_noun(before).is_some() {
            return true;
        }
        // "Computer giant IBM": a short lower-case description before a one-word name.
        if words.len() <= 4
            && words[1..words.len() - 1]
                .iter()
                .all(|t| !capitalised(&text[t.span]))
        {
            return true;
        }
    }
    // A name: every word from the first capitalised one on is capitalised or a name particle.
    let Some(first_cap) = words.iter().position(|t| capitalised(&text[t.span])) else {
        return false;
    };
    words[first_cap..].iter().all(|t| {
        let w = &text[t.span];
        capitalised(w) || lexicon::is(w, Class::SpeakerNameParticle)
    }) && first_cap <= 2
}

/// Whether the words before a reporting verb end in the "to" of an infinitive after an
/// expletive or the writer ("It is hard to say that …", "That is not to say …", "I'm pleased
/// to say …"): nobody is said to speak; the sentence is the writer's.
pub(crate) fn writers_infinitive(text: &str, words: &[Token]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let stem = text[first.span].split(['\'', '’']).next().unwrap_or("");
    words.len() > 1
        && text[last.span].eq_ignore_ascii_case("to")
        && (lexicon::is(stem, Class::WriterInfinitiveSubject)
            || crux_lexicon::is_exactly(stem, Class::FirstPerson))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::tokens;

    fn toks(text: &str) -> Vec<Token> {
        tokens(text, Span::new(0, text.len())).collect()
    }

    fn before_cue(text: &str) -> Option<&str> {
        let t = toks(text);
        let cue = (0..t.len()).find(|&i| cue_at(text, &t, i).is_some())?;
        before(text, &t, cue, Place::Clause).map(|s| &text[s])
    }

    fn after_cue(text: &str) -> Option<&str> {
        let t = toks(text);
        let cue = (0..t.len()).find_map(|i| cue_at(text, &t, i))?;
        after(text, &t, cue.next, Place::Clause).map(|s| &text[s])
    }

    #[test]
    fn speakers_before_cues() {
        assert_eq!(
            before_cue("But the officials said the compound"),
            Some("the officials")
        );
        assert_eq!(
            before_cue("Several former D.E.A. officials said the two"),
            Some("Several former D.E.A. officials")
        );
        assert_eq!(
            before_cue("Earlier in the piece, Thompson suggests that"),
            Some("Thompson")
        );
        assert_eq!(
            before_cue("Thompson also describes a separate"),
            Some("Thompson")
        );
        assert_eq!(before_cue("the proposal described above"), None);
        assert_eq!(before_cue("I can't help noting that"), None);
        // A sentence adverb alone names nobody.
        assert_eq!(before_cue("Meanwhile said the compound"), None);
        assert_eq!(before_cue("it is worth noting that"), None);
        assert_eq!(before_cue("\"I love cats,\" he said."), Some("he"));
    }

    #[test]
    fn a_quantity_before_of_leaves_the_head_after_it() {
        for subject in [
            "Over half of the women",
            "Most of the officials",
            "Nearly a third of the voters",
            "Thirty-eight percent of voters",
            "Over 90 percent of members",
        ] {
            let text = format!("{subject} said the course helped.");
            assert_eq!(before_cue(&text), Some(subject), "{text}");
        }
        // The noun after "of" must still be a speaker's.
        assert_eq!(before_cue("Most of the bridges said nothing."), None);
    }

    #[test]
    fn speakers_after_cues() {
        assert_eq!(
            after_cue("said one American military official."),
            Some("one American military official")
        );
        assert_eq!(after_cue("insists Burton. More"), Some("Burton"));
        assert_eq!(
            after_cue("according to Ginger Thompson's piece in the New York Times"),
            Some("Ginger Thompson's piece")
        );
        assert_eq!(after_cue("said the compound had been"), None);
    }
}
