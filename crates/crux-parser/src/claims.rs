//! Claims: the assertions a text makes, one per sentence or per clause joined by a semicolon,
//! with their holder, type and caveats.
//!
//! A sentence in the author's voice is the author's claim, less what it only relays: reported
//! speech and attributed direct quotations are quotes, not author claims, so their spans are
//! cut out and the rest (if three words or more remain) is the claim ("Thompson notes that …,
//! but I can't help noting that …" claims the second clause); what a cut leaves is no claim
//! when it is a fragment (the speaker's apposition, a clause ending on "that" or a colon, a
//! verb phrase whose subject went with the quotation). A sentence that ends on a colon (it
//! introduces what follows), a question (unless rhetorical: a negation, "why not", or opening
//! with "perhaps"), a heading, and the closing line about the writer ("Jane Doe is a columnist
//! for …") and what follows it are not claims. Sentences inside a block quote are claims held
//! by the block's speaker; a sentence opening inside a quotation the quote stage did not close
//! is held by "quoted source".
//!
//! A sentence that only relays a source the quote stage did not mark is that source's claim
//! (see [`relayed_by`]): "X claimed that …", "…, analysts said.", "according to X". The words
//! that tell these frames apart are in `data/claim_frames.tsv`, each with its category.
//!
//! The type is the first of these a claim's words show, from `data/claim_cues.tsv`: normative
//! (a deontic modal: "should not stand in the way"), causal ("will enable", "result in"),
//! prediction ("is surely going to"), evaluation ("a laudable goal"); else factual. A "should"
//! that a caveat already read as epistemic ("it should be possible") is not normative. A causal
//! claim that also judges ("dangerous because …") is an evaluation. Evaluation cues are the
//! evaluative words of `data/evaluative_valence.tsv` less the event and topic words of
//! `data/event_words.txt` ("killed", "war", "profits": what happened, not a judgement of it),
//! and the stance adverbs, amplifiers and evaluative adjectives of `data/claim_cues.tsv`;
//! "right now", "the right to" and "kind of" do not judge. An evaluative word of the first kind
//! in a claim dated by a year narrates ("Pride went ahead peacefully in 2014"); the cues of
//! `claim_cues.tsv` judge wherever they stand. The writer's stance shows in sentence form too:
//! a first-person belief ("I believe …"), a distancing modifier ("so-called", "somehow", which
//! also keeps a report that holds it the writer's), an actuality adverbial ("in practice"), and
//! a rhetorical question or an exclamation are evaluations.

use std::collections::HashMap;

use crate::document::{
    Caveat, CaveatKind, Claim, ClaimType, Paragraph, ParagraphKind, Quote, QuoteKind, Sentence,
    Voice,
};
use crate::lexicon::{Entry, Kind, Word, phrases_at};
use crate::span::Span;
use crate::words::{Token, tokens};

/// The type a claim cue (`data/claim_cues.tsv`) gives a claim.
fn cue_type(e: &Entry) -> Option<ClaimType> {
    Some(match e.category {
        "normative" => ClaimType::Normative,
        "prediction" => ClaimType::Prediction,
        "causal" => ClaimType::Causal,
        // A distancing modifier ("so-called", "somehow") is the writer's judgement.
        "evaluation" | "distancing" => ClaimType::Evaluation,
        _ => return None,
    })
}

/// Whether a looked-up word is evaluative (`data/evaluative_valence.tsv`, less the event and
/// topic words of `data/event_words.txt`: "killed", "war", "profits" name what happened, not
/// the writer's judgement of it): a claim that uses it judges.
fn evaluative(w: &Word) -> bool {
    w.single(Kind::Valence) && !w.single(Kind::EventWord)
}

/// The classes of a word of `data/claim_frames.tsv`, as bits (a word may be several).
mod frame {
    pub(super) const SUBORDINATOR: u16 = 1;
    pub(super) const COORDINATOR: u16 = 2;
    pub(super) const AUXILIARY: u16 = 4;
    pub(super) const PARTICLE: u16 = 8;
    pub(super) const ANAPHORIC: u16 = 16;
    pub(super) const FIRST: u16 = 32;
    pub(super) const NOT_REPORTING: u16 = 64;
    pub(super) const BIO_ROLE: u16 = 128;
    pub(super) const JUDGING: u16 = 256;
    pub(super) const RHETORICAL: u16 = 512;
    pub(super) const RELATIVE: u16 = 1024;
    pub(super) const OPENER: u16 = 2048;
}

/// The frame classes of `w` (any case) in `data/claim_frames.tsv`, as bits.
fn frame_classes(w: &str) -> u16 {
    frame_classes_of(crate::lexicon::lookup(w))
}

/// The frame classes of a token's word, from its lookup.
fn token_classes(text: &str, t: &Token) -> u16 {
    frame_classes_of(t.lexicon(text))
}

/// The frame classes of a looked-up word.
fn frame_classes_of(word: Option<&crate::lexicon::Word>) -> u16 {
    let Some(word) = word else {
        return 0;
    };
    if !word.single(Kind::ClaimFrame) {
        return 0;
    }
    word.of(Kind::ClaimFrame)
        .filter(|e| e.words.len() == 1)
        .map(|e| frame_class(e.category))
        .fold(0, |a, b| a | b)
}

/// The bit of a `claim_frames.tsv` category; 0 for an unknown one (a test reads them all).
fn frame_class(category: &str) -> u16 {
    match category {
        "subordinator" => frame::SUBORDINATOR,
        "coordinator" => frame::COORDINATOR,
        "auxiliary" => frame::AUXILIARY,
        "particle" => frame::PARTICLE,
        "anaphoric" => frame::ANAPHORIC,
        "first" => frame::FIRST,
        "not-reporting" => frame::NOT_REPORTING,
        "bio-role" => frame::BIO_ROLE,
        "judging" => frame::JUDGING,
        "rhetorical" => frame::RHETORICAL,
        "relative" => frame::RELATIVE,
        "opener" => frame::OPENER,
        _ => 0,
    }
}

/// Whether `w` (any case) is of frame class `class`.
fn is(w: &str, class: u16) -> bool {
    frame_classes(w) & class != 0
}

/// Whether a token's word is of frame class `class` ([`is`], from the token's lookup).
fn token_is(text: &str, t: &Token, class: u16) -> bool {
    token_classes(text, t) & class != 0
}

/// Whether a token's word is a reporting verb (`data/reporting_verbs.tsv`, one word), less
/// the verbs that report no one in a sentence's own clause ("has continued"); from the token's
/// lookup.
fn token_reporting_verb(text: &str, t: &Token) -> bool {
    let word = t.lexicon(text);
    word.and_then(crate::lexicon::cue_word_of)
        .is_some_and(|c| c.single.is_some())
        && frame_classes_of(word) & frame::NOT_REPORTING == 0
}

/// The reporting category of a token's word when it is a one-category reporting verb ("said":
/// speech, "found": finding), else `None`.
fn reporting(text: &str, t: &Token) -> Option<crate::lexicon::Reporting> {
    crate::lexicon::token_cue_word(text, t).and_then(|c| c.single)
}

/// When a claim only relays a source, the span of who it relays (the claim's holder):
///
/// - "according to X" anywhere: X (to the next comma, eight words at most);
/// - a speech tag after the last comma ("…, analysts said.", "…, says Epstein."): the tag's
///   other words;
/// - a subject and a reporting verb opening the sentence ("Russia's newspapers claimed that
///   …", "The research found that …"): the subject. Not when the subject is the writer ("I",
///   "we", "you"), the writer's own discussion ("This finding shows …"), the verb is passive
///   ("is said") or takes a particle ("asked to"), or an evaluative adverb makes the report
///   the writer's judgement ("Epstein correctly says that …").
///
/// `words` are the claim's tokens outside quotations, in order.
fn relayed_by(text: &str, words: &[Token]) -> Option<Span> {
    let w = |i: usize| words.get(i).map(|t| &text[t.span]);
    // The frame classes of token `i` (none past the end).
    let classes = |i: usize| words.get(i).map_or(0, |t| token_classes(text, t));
    let is_word = |i: usize| words.get(i).is_some_and(|t| t.word);
    for i in 0..words.len() {
        if is_word(i)
            && w(i).is_some_and(|a| a.eq_ignore_ascii_case("according"))
            && w(i + 1).is_some_and(|b| b.eq_ignore_ascii_case("to"))
        {
            let from = i + 2;
            let to = (from..words.len().min(from + 8))
                .take_while(|&j| is_word(j))
                .last()?;
            return Some(words[from].span.cover(words[to].span));
        }
    }
    // A speech tag after the last comma.
    if let Some(comma) = words.iter().rposition(|t| !t.word && &text[t.span] == ",") {
        let tail = &words[comma + 1..];
        let tail_words: Vec<&Token> = tail.iter().filter(|t| t.word).collect();
        // The tag's verb opens it ("said founder Mikhail Khodorkovsky") or closes it, but for a
        // few words and no "that" ("analysts said", "she said on Tuesday"): a verb with a
        // content clause after it ("found last year that …") is a clause, not a tag.
        // A tag says or writes ("said", "reports"); a finding verb after a comma ("…, shows
        // the same thing") has an object, not a speaker.
        let tag_verb = tail_words.iter().position(|t| {
            token_reporting_verb(text, t)
                && matches!(
                    reporting(text, t),
                    Some(crate::lexicon::Reporting::Speech | crate::lexicon::Reporting::Writing)
                )
        });
        let is_tag = tag_verb.is_some_and(|v| {
            let after = &tail_words[v + 1..];
            // "said founder Mikhail Khodorkovsky", not "said on the channel".
            let opens_with_particle = v == 0
                && after
                    .first()
                    .is_some_and(|t| token_is(text, t, frame::PARTICLE));
            (v == 0 || after.len() <= 3)
                && !opens_with_particle
                && !after.iter().any(|t| token_is(text, t, frame::SUBORDINATOR))
        });
        if (1..=8).contains(&tail_words.len())
            && is_tag
            && !tail_words.iter().any(|t| token_is(text, t, frame::FIRST))
        {
            let others: Vec<&&Token> = tail_words
                .iter()
                .filter(|t| !token_reporting_verb(text, t))
                .collect();
            if let (Some(a), Some(b)) = (others.first(), others.last()) {
                return Some(a.span.cover(b.span));
            }
        }
    }
    // A subject and a reporting verb opening the sentence ("Yet X said …" too).
    let start = usize::from(classes(0) & frame::COORDINATOR != 0);
    w(start)?;
    if !is_word(start)
        || classes(start) & (frame::SUBORDINATOR | frame::FIRST | frame::ANAPHORIC) != 0
    {
        return None;
    }
    // A subject with commas in it ("Gary Kleck, Larry Southwick and others have shown …", "X,
    // which has …, found …") is read only when "that" follows the verb closely.
    let mut comma = false;
    // A relative clause set off by commas or dashes ("PoliceOne, which has …, found that …"),
    // skipped to its closing mark: its verbs are not the sentence's.
    let mut skip_to: Option<&str> = None;
    // Where the subject's head ends when a relative clause follows it.
    let mut head_end: Option<usize> = None;
    for i in start + 1..words.len().min(start + 28) {
        let t = &text[words[i].span];
        if let Some(close) = skip_to {
            if !is_word(i) && (t == close || close != "," && matches!(t, "—" | "–" | "-")) {
                skip_to = None;
                comma = true;
            }
            continue;
        }
        if is_word(i)
            && classes(i) & frame::RELATIVE != 0
            && i > start + 1
            && !is_word(i - 1)
            && matches!(&text[words[i - 1].span], "," | "—" | "–" | "-")
        {
            head_end.get_or_insert(i - 2);
            skip_to = Some(if &text[words[i - 1].span] == "," {
                ","
            } else {
                "—"
            });
            continue;
        }
        if !is_word(i) {
            match &text[words[i].span] {
                "," => comma = true,
                ";" | ":" | "(" | ")" => return None,
                _ => {}
            }
            continue;
        }
        let v = &text[words[i].span];
        if classes(i) & (frame::FIRST | frame::RELATIVE) != 0 {
            return None;
        }
        // A participle ("Anyone … claiming they know …") is no finite verb of the sentence.
        if !token_reporting_verb(text, &words[i])
            || v.len() > 4 && v.to_ascii_lowercase().ends_with("ing")
        {
            continue;
        }
        let prev = w(i - 1).unwrap_or("");
        let next = w(i + 1).unwrap_or("");
        // "Mr Frost added: …": the verb, then the words it reports.
        let colon = next == ":";
        let passive = classes(i - 1) & frame::AUXILIARY != 0
            && !prev.eq_ignore_ascii_case("has")
            && !prev.eq_ignore_ascii_case("have");
        let that_follows = (i + 1..words.len().min(i + 4))
            .any(|j| w(j).is_some_and(|x| x.eq_ignore_ascii_case("that")));
        // "from reports that …", "after reports", "the claims", "a proposed budget": a noun or
        // an attribute, after a particle, a subordinator or a central determiner.
        let noun = classes(i - 1) & (frame::PARTICLE | frame::SUBORDINATOR) != 0
            || crate::lexicon::token_is(text, &words[i - 1], crate::lexicon::Cue::NounDeterminer);
        if passive
            || noun
            || classes(i - 1) & frame::JUDGING != 0
            || !(colon
                || is_word(i + 1) && classes(i + 1) & frame::PARTICLE == 0
                || opens_quotation(&text[words[i].span.end()..]))
            || comma && !that_follows && !colon
        {
            return None;
        }
        let mut end = head_end.unwrap_or(i - 1).max(start);
        // "The council just says", "Officials have also said": the adverbs and auxiliaries
        // between the subject and its verb are not the holder's name.
        while end > start
            && crate::lexicon::token_is(text, &words[end], crate::lexicon::Cue::SpeakerBetween)
        {
            end -= 1;
        }
        // A verb of finding relays a source only when its subject names one: a person, a body
        // or a text ("The study found", "Gallup shows"); "The 15-year history of this project
        // shows nothing but delays" is the writer's own reading of the record.
        let names_source = |t: &Token| {
            let w = &text[t.span];
            let determiner = crate::lexicon::token_is(text, t, crate::lexicon::Cue::NounDeterminer)
                || crate::lexicon::token_is(text, t, crate::lexicon::Cue::SpeakerDeterminer);
            crate::lexicon::speaker_noun(w).is_some() || crate::words::capitalised(w) && !determiner
        };
        if reporting(text, &words[i]) == Some(crate::lexicon::Reporting::Finding)
            && !words[start..=end].iter().any(names_source)
        {
            return None;
        }
        return Some(words[start].span.cover(words[end].span));
    }
    None
}

/// Whether the text after a verb opens a quotation ("says “trust us.”", `says "we will"`); the
/// quotation's own tokens are not among a claim's words.
fn opens_quotation(after: &str) -> bool {
    after
        .trim_start_matches([' ', '\u{a0}'])
        .starts_with(['“', '"'])
}

/// Whether what is left of a clause once a relayed quotation is cut out is a fragment, not a
/// claim: the speaker's apposition after the quotation ("an analyst at Renaissance Capital."),
/// a clause cut before its content ("He is angered that"), a verb phrase whose subject went
/// with the quotation ("…, but were more likely to …"), or a subordinate clause ("when
/// arriving in Geneva."). `after_cut`: the remainder starts where a cut quotation ends.
fn fragment(text: &str, words: &[Token], after_cut: bool) -> bool {
    let mut iter = words.iter().filter(|t| t.word);
    let Some(first_token) = iter.next() else {
        return true;
    };
    let first = &text[first_token.span];
    let second_token = iter.next();
    let second = second_token.map_or("", |t| &text[t.span]);
    let classes = |t: Option<&Token>| t.map_or(0, |t| token_classes(text, t));
    let last = words.iter().rev().find(|t| t.word);
    let ends_open = words
        .last()
        .is_some_and(|t| !t.word && matches!(&text[t.span], ":" | ","))
        || classes(last) & frame::SUBORDINATOR != 0;
    if ends_open {
        return true;
    }
    if token_is(text, first_token, frame::COORDINATOR) {
        // "but I can't help noting …" has its own subject; "but were …", "but that …" and a
        // participle ("but attending a course …", the second term of "not X but Y") not.
        let participle = second.len() > 4
            && second.chars().next().is_some_and(char::is_lowercase)
            && second
                .get(second.len() - 3..)
                .is_some_and(|e| e.eq_ignore_ascii_case("ing"));
        return classes(second_token) & (frame::AUXILIARY | frame::SUBORDINATOR) != 0 || participle;
    }
    let lower_start = first.chars().next().is_some_and(char::is_lowercase);
    lower_start || after_cut
}

/// Whether a question is rhetorical, so a claim: it opens with a hedge or booster adverb
/// ("Perhaps …?"), holds a negation ("Is this not dangerous?", "shouldn't we …?"), or is a
/// full clause opening with a coordinator ("So, when is the next one due?": an auxiliary after
/// the coordinator; "Or an engineer?" has none).
fn rhetorical(text: &str, toks: &[Token]) -> bool {
    let mut words = toks.iter().filter(|t| t.word);
    let first = words.next();
    let opens = first.is_some_and(|f| {
        token_is(text, f, frame::RHETORICAL) && !text[f.span].eq_ignore_ascii_case("not")
    });
    let argued = first.is_some_and(|f| token_is(text, f, frame::OPENER))
        && words.any(|t| token_is(text, t, frame::AUXILIARY));
    opens
        || argued
        || toks.iter().filter(|t| t.word).any(|t| {
            let w = &text[t.span];
            token_is(text, t, frame::RHETORICAL)
                && (w.eq_ignore_ascii_case("not") || w.eq_ignore_ascii_case("never"))
                || w.ends_with("n't")
                || w.ends_with("n’t")
        })
}

/// Whether the paragraph is the closing line about the writer ("John Doe is a columnist for
/// …"): up to five capitalised words (a name), "is", then a role within ten words.
fn about_the_writer(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&Token> = toks.iter().filter(|t| t.word).collect();
    let Some(is_at) = words.iter().take(7).position(|t| &text[t.span] == "is") else {
        return false;
    };
    is_at >= 1
        && words[..is_at]
            .iter()
            .all(|t| text[t.span].chars().next().is_some_and(char::is_uppercase))
        && words[is_at + 1..]
            .iter()
            .take(10)
            .any(|t| token_is(text, t, frame::BIO_ROLE))
}

/// Whether a sentence opens inside a quotation that the quote stage did not close in it: it
/// starts with a quotation mark and no closing mark follows within its first four words.
fn opens_quoted(text: &str, span: Span) -> bool {
    let s = text[span].trim_start();
    let Some(open) = s.chars().next().filter(|c| matches!(c, '"' | '“' | '‘')) else {
        return false;
    };
    let rest = &s[open.len_utf8()..];
    let close = rest.find(['"', '”', '’']);
    let before = close.map_or(rest, |c| &rest[..c]);
    before.split_whitespace().count() > 4 || close.is_none()
}

const PRECEDENCE: [ClaimType; 4] = [
    ClaimType::Normative,
    ClaimType::Causal,
    ClaimType::Prediction,
    ClaimType::Evaluation,
];

/// Whether the word at `i` is in a sense that does not judge: "right now", "the right to",
/// "right after", "kind of", "sort of".
fn other_sense(text: &str, words: &[Token], i: usize) -> bool {
    let w = &text[words[i].span];
    let next = words.get(i + 1).map_or("", |t| &text[t.span]);
    (w.eq_ignore_ascii_case("right")
        && crate::lexicon::is(next, crate::lexicon::Cue::NotJudgingAfterRight))
        || (["kind", "sort"].iter().any(|k| w.eq_ignore_ascii_case(k))
            && next.eq_ignore_ascii_case("of"))
}

/// Whether a word is a calendar year: four digits from 1700 to 2099, or its decade ("1990s").
fn year(w: &str) -> bool {
    let digits = w.strip_suffix('s').unwrap_or(w);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1700..=2099).contains(&y))
}

/// Whether the words at `i` are the writer's own view, so the claim an evaluation: a first or
/// second person subject and a verb of belief ("I believe it falls short", "we think"): the
/// writer presents the claim as an opinion held, not a fact reported (Biber et al. 1999,
/// §10.2.1, stance complement clauses of a first-person belief verb).
fn own_view(text: &str, words: &[Token], i: usize) -> bool {
    token_is(text, &words[i], frame::FIRST)
        && words.get(i + 1).is_some_and(|v| {
            v.word && reporting(text, v) == Some(crate::lexicon::Reporting::Belief)
        })
}

/// The type of the claim over `words` (tokens of the claim, quotations excluded).
fn claim_type(text: &str, words: &[Token], hedged_should: &[Span]) -> ClaimType {
    let mut found = [false; 4];
    // An evaluative word of the valence lexicon, and whether the claim is dated by a year:
    // such a word in a dated narration describes the event ("In 2011 the journal published an
    // influential article", "Pride finally went ahead peacefully in 2014"), it does not
    // judge it.
    let mut valence = false;
    let mut dated = false;
    for i in 0..words.len() {
        if !words[i].word {
            continue;
        }
        dated |= year(&text[words[i].span]);
        let Some(sense) = words[i].lexicon(text) else {
            continue;
        };
        let other_sense = other_sense(text, words, i);
        valence |= evaluative(sense) && !other_sense;
        if own_view(text, words, i) {
            found[3] = true;
        }
        if !sense.has(Kind::ClaimCue) {
            continue;
        }
        // Every cue that matches here, whatever its length.
        for kind in phrases_at(text, words, i, Kind::ClaimCue).filter_map(|(_, e)| cue_type(e)) {
            let kind = &kind;
            if *kind == ClaimType::Normative
                && hedged_should.iter().any(|h| h.contains_span(words[i].span))
            {
                continue;
            }
            if *kind == ClaimType::Evaluation && other_sense {
                continue;
            }
            if let Some(slot) = PRECEDENCE.iter().position(|k| k == kind) {
                found[slot] = true;
            }
        }
    }
    found[3] |= valence && !dated;
    // A causal claim that also judges ("this is dangerous because …") is the writer's
    // evaluation: the judgement, not the mechanism, is what it asserts.
    if found[1] && found[3] && !found[0] {
        return ClaimType::Evaluation;
    }
    found
        .iter()
        .position(|&f| f)
        .map_or(ClaimType::Factual, |i| PRECEDENCE[i])
}

/// Whether a quote's words are someone else's, so not the author's claim.
fn relayed(q: &Quote) -> bool {
    match q.kind {
        QuoteKind::Reported | QuoteKind::Block => true,
        QuoteKind::Direct => q.speaker.is_some(),
        QuoteKind::Partial | QuoteKind::Scare => false,
    }
}

/// Whether a report is the writer's judgement of what it relays: a judging adverb right before
/// its cue ("Epstein correctly says that …"), so its words stay the writer's claim.
fn judged(text: &str, q: &Quote, sentences: &[Sentence], sentence_tokens: &[&[Token]]) -> bool {
    let Some(cue) = q.cue.as_ref().filter(|_| q.kind == QuoteKind::Reported) else {
        return false;
    };
    // "the committee made clear that …": the light verb's adjective presents what it relays as
    // plain fact, a factive report that commits the writer as well.
    let plain = text[cue.span]
        .rsplit(' ')
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("clear"));
    if plain
        || endorsed(text, q, cue.span).is_some()
        || distanced(text, q, sentences, sentence_tokens)
        || own(text, q)
    {
        return true;
    }
    let before = text[..cue.span.start()].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !word.is_empty() && is(word, frame::JUDGING)
}

/// Whether a report holds a distancing modifier of the writer's ("officials touted their
/// so-called reforms", "critics claim the phrase is somehow sinister"): the source would not
/// disown its own words, so the modifier, and the report, are the writer's judgement.
///
/// The report's words are read from the sentences' tokens, whose lexicon lookups were made
/// when they were found, not tokenised again.
fn distanced(text: &str, q: &Quote, sentences: &[Sentence], sentence_tokens: &[&[Token]]) -> bool {
    let first = sentences.partition_point(|s| s.span.end() <= q.span.start());
    sentences[first..]
        .iter()
        .zip(&sentence_tokens[first..])
        .take_while(|(s, _)| s.span.start() < q.span.end())
        .any(|(_, toks)| {
            crate::span::starting_within(toks, q.span, |t| t.span)
                .iter()
                .filter(|t| q.span.contains_span(t.span))
                .any(|t| distancing(text, t))
        })
}

/// Whether a report's speaker is the writer or the reader addressed ("It is my hope that …",
/// "we know that …"): every word of the speaker is a first- or second-person word, as
/// [`relayed_by`] reads a sentence's subject. What the writer reports of their own view is
/// their claim.
fn own(text: &str, q: &Quote) -> bool {
    q.speaker.as_ref().is_some_and(|sp| {
        let mut words = tokens(text, sp.span).filter(|t| t.word).peekable();
        words.peek().is_some() && words.all(|t| token_is(text, &t, frame::FIRST))
    })
}

/// Whether a token is a distancing modifier (`data/claim_cues.tsv`, category `distancing`).
fn distancing(text: &str, t: &Token) -> bool {
    t.word
        && t.lexicon(text).is_some_and(|w| {
            w.single(Kind::ClaimCue)
                && w.of(Kind::ClaimCue)
                    .any(|e| e.words.len() == 1 && e.category == "distancing")
        })
}

/// The tag of a report set in an "as" clause that opens its sentence or follows a comma ("As
/// Jesus said, it is …", "…, which, as the report argues, is …"), from "as" (or the comma
/// before it) to the cue, and whether the clause closes the sentence ("…, as Smith knows
/// very well."): such a parenthetical commits the writer to what it relays (Potts 2002,
/// as-parentheticals), so its words are the writer's claim as well as the source's report.
fn endorsed(text: &str, q: &Quote, cue: Span) -> Option<(Span, bool)> {
    let speaker = q.speaker.as_ref()?;
    // The clause ends at its cue, or a short phrase after it ("as scholars have argued for
    // years,"): "as the survey showed that yields fell" has a content of its own, and "as"
    // there is a conjunction of reason or time. Four words at most are read, so a long
    // sentence costs no more.
    let words = text[cue.end()..].split_whitespace().take(4).map(|w| {
        let end = w.find([',', '.', ';', ':', '!', '?', '(', ')', '"', '“', '”']);
        (end.map_or(w, |e| &w[..e]), end.map(|e| &w[e..]))
    });
    let mut closing = None;
    for (w, stop) in words {
        if w.eq_ignore_ascii_case("that") {
            return None;
        }
        if let Some(stop) = stop {
            closing = Some(stop.starts_with(['.', '!', '?']));
            break;
        }
    }
    let ends_sentence = closing?;
    let before = text[..speaker.span.start()].trim_end();
    let rest = before
        .strip_suffix("as")
        .or_else(|| before.strip_suffix("As"))?;
    // "has", "was", "such as": "as" must be a word of its own, after punctuation or at the
    // start.
    let open = rest.trim_end();
    if !(open.is_empty() || open.ends_with([',', '.', '!', '?', ';', ':', '"', '”', '\'', '’']))
    {
        return None;
    }
    let from = if ends_sentence && open.ends_with(',') {
        open.len() - 1
    } else {
        rest.len()
    };
    Some((Span::new(from, cue.end()), ends_sentence))
}

/// The longest part of `span` not covered by `cut` spans, trimmed.
fn remainder(text: &str, span: Span, cut: &[Span]) -> Option<Span> {
    let three_words = |p: &Span| tokens(text, *p).filter(|t| t.word).take(3).count() == 3;
    if !cut.iter().any(|c| c.overlaps(span)) {
        // Nothing cut, as in most clauses: the clause itself.
        return Some(trim_punctuation(text, span)).filter(three_words);
    }
    let mut pieces = vec![span];
    for c in cut.iter().filter(|c| c.overlaps(span)) {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if !c.overlaps(p) {
                    return vec![p];
                }
                let mut out = Vec::new();
                if c.start() > p.start() {
                    out.push(Span::new(p.start(), c.start()));
                }
                if c.end() < p.end() {
                    out.push(Span::new(c.end(), p.end()));
                }
                out
            })
            .collect();
    }
    pieces
        .into_iter()
        .map(|p| trim_open_end(text, trim_punctuation(text, p)))
        .filter(three_words)
        .max_by_key(|p| p.len())
}

/// "there was more gloomy news on the manufacturing front, as [the ONS revealed …]": a
/// subordinator after a comma, left at the end of a piece when the report it opens was cut
/// out, belongs to the report; the piece ends before the comma.
fn trim_open_end(text: &str, span: Span) -> Span {
    let mut last_two = [None, None];
    for t in tokens(text, span) {
        last_two = [last_two[1], Some(t)];
    }
    match last_two {
        [Some(comma), Some(word)]
            if !comma.word
                && &text[comma.span] == ","
                && word.word
                && token_is(text, &word, frame::SUBORDINATOR) =>
        {
            Span::new(span.start(), comma.span.start()).trim(text)
        }
        _ => span,
    }
}

/// Trims white space and the leading punctuation a cut leaves (", but I …" → "but I …").
fn trim_punctuation(text: &str, span: Span) -> Span {
    let s = span.trim(text);
    let slice = &text[s];
    let lead = slice.len()
        - slice
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | ';' | ')' | '—' | '–')
            })
            .len();
    Span::new(s.start() + lead, s.end()).trim(text)
}

/// Finds the claims.
// Out of line, so that profiles show the stage by name (one call per document).
#[inline(never)]
pub(crate) fn find(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[&[Token]],
    quotes: &[Quote],
    caveats: &[Caveat],
) -> Vec<Claim> {
    let by_id: HashMap<&str, usize> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Block)
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    // Whether each report is the writer's judgement ([`judged`]), read once per quote: a
    // report's words are scanned for distancing modifiers, and a sentence of many clauses
    // would otherwise read them once per clause.
    let judged_of: Vec<bool> = quotes
        .iter()
        .map(|q| judged(text, q, sentences, sentence_tokens))
        .collect();
    let mut claims = Vec::new();
    // Buffers reused from sentence to sentence.
    let mut clauses: Vec<Span> = Vec::new();
    let mut inside: Vec<Span> = Vec::new();
    let mut words: Vec<Token> = Vec::new();
    let mut hedged_should: Vec<Span> = Vec::new();
    let bio_from = closing_bio(text, paragraphs, sentences, sentence_tokens);
    for (si, s) in sentences.iter().enumerate() {
        let p = &paragraphs[s.paragraph];
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::List)
            || bio_from.is_some_and(|b| s.paragraph >= b)
        {
            continue;
        }
        let trimmed = text[s.span].trim_end_matches(['"', '”', '’', '\'', ')']);
        if trimmed.ends_with('?') && !rhetorical(text, sentence_tokens[si]) {
            continue;
        }
        // A sentence that ends on a colon introduces what follows (a quotation, a list): the
        // claim, if any, is what follows.
        if trimmed.ends_with(':') || trimmed.ends_with(":.") {
            continue;
        }
        // A caveat's scope lies inside its sentence, so only this sentence's caveats (found by
        // binary search: caveats are in text order) can qualify its claims.
        let in_sentence = crate::span::starting_within(caveats, s.span, |c| c.span);
        let holder: &str = match (p.voice, &p.quote) {
            // A sentence opening inside a quotation the quote stage did not close: someone
            // else's words.
            (Voice::Author, _) if opens_quoted(text, s.span) => "quoted source",
            (Voice::Author, _) => "author",
            (Voice::Quoted, id) => id
                .as_ref()
                .and_then(|id| by_id.get(id.as_str()).map(|&i| &quotes[i]))
                .and_then(|q| q.speaker.as_ref())
                .map_or("quoted source", |sp| {
                    sp.canonical.as_deref().unwrap_or(&sp.text)
                }),
        };
        let cut: Vec<Span> = if p.voice == Voice::Author {
            let i = quotes.partition_point(|q| q.span.start() < s.span.end());
            // A relayed quotation takes its attribution with it ("…," said the city
            // treasurer.): the cue and the speaker are not the author's claim either.
            // Relayed quotations that overlap an author's sentence are inline or reported
            // (block quotes hold quoted paragraphs), so the last few before it suffice.
            quotes[..i]
                .iter()
                .zip(&judged_of[..i])
                .rev()
                .take(64)
                .filter(|(q, _)| q.span.overlaps(s.span) && relayed(q))
                .filter_map(|(q, &judged)| {
                    // An "as" clause of report: at most its tag ("as Smith knows") is cut; the
                    // words it relays stay the writer's claim. Other judged reports keep all.
                    // Only a tag that closes the sentence is cut ("…, as Smith knows very
                    // well."): the claim before it stays whole.
                    if judged {
                        return q
                            .cue
                            .as_ref()
                            .and_then(|c| endorsed(text, q, c.span))
                            .filter(|&(tag, closes)| closes && s.span.contains_span(tag))
                            .map(|(tag, _)| tag);
                    }
                    let mut span = q.span;
                    for part in [
                        q.cue.as_ref().map(|c| c.span),
                        q.speaker.as_ref().map(|sp| sp.span),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        if s.span.contains_span(part) {
                            span = span.cover(part);
                        }
                    }
                    Some(span)
                })
                .collect()
        } else {
            Vec::new()
        };
        // One claim per clause joined by a semicolon outside parentheses. After a colon the
        // semicolons separate the items of a list ("five purposes: transit; streets and
        // sanitation; parks"), not clauses: one claim.
        let toks = sentence_tokens[si];
        let mut depth = 0i32;
        let mut listing = false;
        let mut start = s.span.start();
        clauses.clear();
        for t in toks {
            match &text[t.span] {
                "(" => depth += 1,
                ")" => depth = (depth - 1).max(0),
                ":" if depth == 0 && !t.word => listing = true,
                ";" if depth == 0 && !t.word && !listing => {
                    clauses.push(Span::new(start, t.span.start()));
                    start = t.span.end();
                }
                _ => {}
            }
        }
        clauses.push(Span::new(start, s.span.end()));
        for &clause in &clauses {
            let Some(span) = remainder(text, clause, &cut) else {
                continue;
            };
            let was_cut = cut.iter().any(|c| c.overlaps(clause));
            // Words inside quotation marks are someone else's: the inline quotations that
            // overlap this sentence, found once by binary search.
            let last = quotes.partition_point(|q| q.span.start() < span.end());
            // Inline quotations barely overlap one another, so the last few before the claim's
            // end are all that can hold its words; the bound keeps many quotes linear.
            inside.clear();
            inside.extend(
                quotes[..last]
                    .iter()
                    .zip(&judged_of[..last])
                    .rev()
                    .take(64)
                    // A judged or endorsed report leaves its words the writer's too.
                    .filter(|&(q, &judged)| {
                        q.kind != QuoteKind::Block
                            && q.span.overlaps(span)
                            && !(q.kind == QuoteKind::Reported && judged)
                    })
                    .map(|(q, _)| q.span),
            );
            // The claim's tokens, found by binary search (tokens are in text order), so that a
            // sentence of many clauses stays linear.
            words.clear();
            words.extend(
                crate::span::starting_within(toks, span, |t| t.span)
                    .iter()
                    .filter(|t| span.contains_span(t.span))
                    .filter(|t| !inside.iter().any(|q| q.contains_span(t.span))),
            );
            // The caveats that can qualify this clause: those whose cue lies in it, and a few
            // on either side whose scope may reach it (a sentence-wide concession); a bounded
            // window keeps a sentence of many clauses linear.
            let from = in_sentence
                .partition_point(|c| c.span.start() < span.start())
                .saturating_sub(16);
            let to = (in_sentence.partition_point(|c| c.span.start() < span.end()) + 16)
                .min(in_sentence.len());
            let near = &in_sentence[from..to.max(from)];
            hedged_should.clear();
            hedged_should.extend(
                near.iter()
                    .filter(|c| c.kind == CaveatKind::Hedge && span.contains_span(c.span))
                    .map(|c| c.span),
            );
            // A sentence inside a quotation that runs on past it ("… is “Why vote? They will do
            // what they want anyway.”") holds no word of the writer's: no claim.
            if !words.iter().any(|t| t.word) {
                continue;
            }
            if was_cut {
                let after_cut = cut
                    .iter()
                    .any(|c| c.end() <= span.start() && c.end() > clause.start());
                if fragment(text, &words, after_cut) {
                    continue;
                }
            }
            // A relay of a source the quote stage did not mark: the source's claim, unless the
            // writer disowns a term in it ([`distanced`]).
            let relay = (holder == "author" && !words.iter().any(|t| distancing(text, t)))
                .then(|| relayed_by(text, &words))
                .flatten();
            // A rhetorical question or an exclamation states the writer's attitude, whatever
            // its words (Quirk et al. 1985, §11.23, §11.31): an evaluation.
            let kind = if trimmed.ends_with('?') || trimmed.ends_with('!') {
                ClaimType::Evaluation
            } else {
                claim_type(text, &words, &hedged_should)
            };
            let ids = near
                .iter()
                // The claim's holder's own caveats: a speaker's, inside a quotation, qualify
                // the speaker's words, not the claim around them.
                .filter(|c| c.holder == holder && c.scope.overlaps(span))
                .map(|c| c.id.clone())
                .collect();
            claims.push(Claim {
                id: format!("k{}", claims.len() + 1),
                span,
                text: text[span].to_owned(),
                holder: relay.map_or_else(|| holder.to_owned(), |h| text[h].to_owned()),
                kind,
                caveats: ids,
            });
        }
    }
    claims
}

/// The paragraph from which the text is its closing lines about the writer ("John Doe is a
/// columnist for …"), if one of the last two body paragraphs opens that way.
fn closing_bio(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[&[Token]],
) -> Option<usize> {
    let mut found = None;
    let mut seen = 0;
    let mut last_paragraph = usize::MAX;
    // Sentences from the end: each paragraph's first sentence is the last one met for it.
    let mut first_of: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate().rev() {
        if s.paragraph != last_paragraph {
            if let Some((p, i)) = first_of.take()
                && paragraphs[p].kind == ParagraphKind::Body
            {
                seen += 1;
                if about_the_writer(text, sentence_tokens[i]) {
                    found = Some(p);
                }
                if seen == 2 {
                    return found;
                }
            }
            last_paragraph = s.paragraph;
        }
        first_of = Some((s.paragraph, si));
    }
    if let Some((p, i)) = first_of
        && paragraphs[p].kind == ParagraphKind::Body
        && about_the_writer(text, sentence_tokens[i])
    {
        found = Some(p);
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::ClaimType;

    fn claims(text: &str) -> Vec<(String, ClaimType, String)> {
        crate::parse(text)
            .document
            .claims
            .into_iter()
            .map(|c| (c.text, c.kind, c.holder))
            .collect()
    }

    #[test]
    fn types() {
        let got = claims(
            "This is a laudable goal. The law should not stand in the way. It will enable \
             arrests. This is going to worry people. The base is in Mexico.",
        );
        let kinds: Vec<ClaimType> = got.iter().map(|c| c.1).collect();
        assert_eq!(
            kinds,
            [
                ClaimType::Evaluation,
                ClaimType::Normative,
                ClaimType::Causal,
                ClaimType::Prediction,
                ClaimType::Factual
            ]
        );
        assert!(got.iter().all(|c| c.2 == "author"));
    }

    #[test]
    fn a_subordinator_that_opens_a_report_is_left_to_it() {
        let got = claims(
            "On Monday there was more bad news for farmers, as the National Farmers Union (NFU) \
             survey showed that yields fell again.",
        );
        let texts: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(texts, ["On Monday there was more bad news for farmers"]);
    }

    #[test]
    fn relayed_speech_is_cut_and_questions_skipped() {
        let got = claims(
            "Officials said the base was new. Is this wise? (Smith notes that it was secret, but \
             I can't help noting that it leaked.)",
        );
        let texts: Vec<&str> = got.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(texts, ["but I can't help noting that it leaked.)"]);
    }

    #[test]
    fn event_words_report_and_judgements_evaluate() {
        let kinds: Vec<ClaimType> = claims(
            "Two soldiers were killed in the attack on Monday. The plan is frankly absurd. \
             Right now the vote is due. This kind of vote is rare. \
             The vote was extremely close. The law is dangerous because it invites abuse. \
             Profits rose after the agreement.",
        )
        .into_iter()
        .map(|c| c.1)
        .collect();
        assert_eq!(
            kinds,
            [
                ClaimType::Factual,
                ClaimType::Evaluation,
                ClaimType::Factual,
                ClaimType::Factual,
                ClaimType::Evaluation,
                ClaimType::Evaluation,
                ClaimType::Factual
            ]
        );
    }

    #[test]
    fn event_words_are_listed_evaluative_words() {
        for e in crux_lexicon::entries_of(crate::lexicon::Kind::EventWord) {
            let w = crate::lexicon::lookup(e.form).expect("listed");
            assert!(
                w.single(crate::lexicon::Kind::Valence),
                "{} is not in evaluative_valence.tsv",
                e.form
            );
        }
    }

    #[test]
    fn every_cue_and_frame_has_a_known_category() {
        for e in crux_lexicon::entries_of(crate::lexicon::Kind::ClaimCue) {
            assert!(super::cue_type(e).is_some(), "{}:{}", e.file, e.line);
        }
        for e in crux_lexicon::entries_of(crate::lexicon::Kind::ClaimFrame) {
            assert_ne!(super::frame_class(e.category), 0, "{}:{}", e.file, e.line);
        }
    }

    fn authors(text: &str) -> Vec<String> {
        claims(text)
            .into_iter()
            .filter(|c| c.2 == "author")
            .map(|c| c.0)
            .collect()
    }

    #[test]
    fn relays_of_a_source_are_the_source_s() {
        let got = claims(
            "The ministry claimed that the dam was safe. The dam leaks, engineers said. \
             According to the mayor, the town is dry. The report found that costs doubled. \
             The dam is old.",
        );
        // Each relay is either a quote (cut by the quote stage) or a claim held by its source.
        let own: Vec<&str> = got
            .iter()
            .filter(|c| c.2 == "author")
            .map(|c| c.0.as_str())
            .collect();
        assert_eq!(own, ["The dam is old."]);
        assert!(got.iter().any(|c| c.2 == "engineers"), "{got:?}");
        // Read alone (the quote stage may take such sentences first): a relative clause
        // between commas is skipped to find the sentence's verb; a relative clause's own
        // reporting verb is not the sentence's.
        let relay = |text: &str| {
            let toks: Vec<crate::Token> =
                crate::tokens(text, crate::Span::new(0, text.len())).collect();
            super::relayed_by(text, &toks).map(|h| text[h].to_owned())
        };
        assert_eq!(
            relay("The union, which has ten thousand members, found last year that pay fell.")
                .as_deref(),
            Some("The union")
        );
        assert_eq!(
            relay("Gangs that experts warn are rich should worry us."),
            None
        );
        assert_eq!(relay("My research shows that pay fell."), None);
        // The writer's own reports, judged reports and nouns stay the writer's.
        assert_eq!(
            authors(
                "My research shows that crime fell. Smith correctly says that crime fell. \
                 This finding shows that crime fell. It fell after reports that it rose."
            )
            .len(),
            4
        );
        // A report in an "as" clause, and a factive "made clear", commit the writer too.
        for text in [
            "As Smith has pointed out, crime fell in every district.",
            "Crime, as Smith noted, fell in every district.",
            "The mayor made clear that crime fell in every district.",
        ] {
            assert_eq!(authors(text).len(), 1, "{text}: {:?}", authors(text));
        }
        // Not after "has": a plain report stays the source's.
        assert!(authors("Smith has said crime fell in every district.").is_empty());
        // A closing "as" tag is cut off the claim before it.
        assert_eq!(
            authors("Crime fell in every district, as Smith knows very well."),
            ["Crime fell in every district"]
        );
    }

    #[test]
    fn no_fragments_from_cut_quotations() {
        // The speaker's apposition after a quotation is no claim.
        let text = "\"The plan is dead,\" said Tom Ash, an analyst at Acme Bank in Leeds.";
        assert!(authors(text).is_empty(), "{:?}", authors(text));
        // A clause of its own after the cut stays.
        let text = "(Ash says that the bank was warned, but I doubt that it listened.)";
        assert_eq!(authors(text), ["but I doubt that it listened.)"]);
        // The second term of "not X but Y" after a cut report: a participle, no subject.
        let text = "According to a new study, it is not fines that help, but attending a course.";
        assert!(authors(text).is_empty(), "{:?}", authors(text));
        // A sentence introducing what follows, and one opening inside a quotation.
        assert!(authors("The minister put it this way:").is_empty());
        assert!(authors("\"The budget is gone and we are broke.").is_empty());
    }

    #[test]
    fn rhetorical_questions_are_claims() {
        assert_eq!(
            authors("Is this not dangerous? What time is it? Perhaps the rules help?").len(),
            2
        );
        // They and exclamations state an attitude: evaluations.
        let kinds: Vec<ClaimType> = claims("Why not let them vote? The vote was lost!")
            .into_iter()
            .map(|c| c.1)
            .collect();
        assert_eq!(kinds, [ClaimType::Evaluation, ClaimType::Evaluation]);
        assert_eq!(
            authors("Why not let them vote?"),
            ["Why not let them vote?"]
        );
    }

    #[test]
    fn questions_opening_with_a_coordinator_are_the_writer_s() {
        // A full interrogative clause after "and", "but", "or", "so", "yet": the writer's
        // rhetorical question, an evaluation.
        let got = claims(
            "The levy was raised twice. So, when is the next rise going to come? \
             Or are the ministers hoping nobody counts?",
        );
        let kinds: Vec<(&str, ClaimType)> = got.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds,
            [
                ("The levy was raised twice.", ClaimType::Factual),
                (
                    "So, when is the next rise going to come?",
                    ClaimType::Evaluation
                ),
                (
                    "Or are the ministers hoping nobody counts?",
                    ClaimType::Evaluation
                ),
            ]
        );
        // Verbless ones continue a list of alternatives or ask for a criterion; a plain
        // question asks.
        assert!(authors("Or a plumber? But by which measure? When is the vote?").is_empty());
    }

    #[test]
    fn actuality_adverbials_and_first_person_beliefs_evaluate() {
        let kinds: Vec<ClaimType> = claims(
            "The plan was announced in May. In practice the fund paid out nothing. \
             The tax would be a burden in fact. I believe the scheme falls short. \
             We met the mayor in May.",
        )
        .into_iter()
        .map(|c| c.1)
        .collect();
        assert_eq!(
            kinds,
            [
                ClaimType::Factual,
                ClaimType::Evaluation,
                ClaimType::Evaluation,
                ClaimType::Evaluation,
                ClaimType::Factual
            ]
        );
    }

    #[test]
    fn evaluative_words_in_a_dated_narration_do_not_judge() {
        let kinds: Vec<ClaimType> = claims(
            "In 2014 the march finally went ahead peacefully. The march went ahead peacefully. \
             In the 1990s the scheme was frankly absurd.",
        )
        .into_iter()
        .map(|c| c.1)
        .collect();
        // A year dates the first; the second judges; a claim cue ("frankly", "absurd") judges
        // whatever the date.
        assert_eq!(
            kinds,
            [
                ClaimType::Factual,
                ClaimType::Evaluation,
                ClaimType::Evaluation
            ]
        );
        assert!(super::year("1990s") && super::year("2014"));
        assert!(!super::year("1066") && !super::year("20140") && !super::year("12,000"));
    }

    #[test]
    fn distancing_modifiers_are_the_writer_s_judgement() {
        // Outside a report: an evaluation.
        let got = claims("The council passed its so-called reform of the parking rules.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, ClaimType::Evaluation);
        // Inside a report: the source would not disown its own words, so the report is the
        // writer's claim, an evaluation.
        for text in [
            "Officials have touted their self-styled rescue of the harbour fund.",
            "Critics claim the old name of the bridge is somehow offensive to visitors.",
        ] {
            let got = claims(text);
            assert_eq!(authors(text).len(), 1, "{text}: {got:?}");
            assert!(
                got.iter().all(|c| c.1 == ClaimType::Evaluation),
                "{text}: {got:?}"
            );
        }
        // A plain report stays the source's.
        assert!(authors("Critics claim the old name of the bridge is offensive.").is_empty());
    }

    #[test]
    fn a_report_of_the_writer_s_own_view_is_the_writer_s_claim() {
        // The quote stage reads "my" as the speaker of "hope that …": the writer's own.
        assert_eq!(
            authors("It is my hope that the council will act before the winter."),
            ["It is my hope that the council will act before the winter."]
        );
        assert!(authors("The mayor said that the council will act before the winter.").is_empty());
    }

    #[test]
    fn the_closing_line_about_the_writer_is_no_claim() {
        let text = "Taxes are too high.\n\nThe cuts will help.\n\nJane Roe is a columnist for \
                    the Daily Post. She lives in Leeds.";
        assert_eq!(
            authors(text),
            ["Taxes are too high.", "The cuts will help."]
        );
    }

    #[test]
    fn semicolons_split_claims() {
        let got = claims("This is serious; the optics are bad.");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn semicolons_after_a_colon_separate_list_items_not_claims() {
        let got = claims(
            "The grant pays for three things: roads and bridges; parks, pools, and libraries; \
             and new buses.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        // A semicolon before any colon still joins two clauses.
        let got = claims("The plan is late; the council has two aims: speed and cost.");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_finding_verb_relays_only_a_subject_that_names_a_source() {
        let got = claims("The long history of this bridge shows nothing but delays and debts.");
        assert_eq!(got[0].2, "author", "{got:?}");
        // With a source for its subject, the sentence is the source's report, no claim.
        assert!(claims("The study found that most riders pay.").is_empty());
    }

    #[test]
    fn a_sentence_inside_a_running_quotation_is_no_claim() {
        let got =
            claims("Ask why the mood of many is “Why vote? They will do what they want anyway.”");
        assert!(
            got.iter()
                .all(|(text, _, _)| !text.starts_with("They will")),
            "{got:?}"
        );
    }

    #[test]
    fn a_verb_of_saying_before_a_quotation_relays_it() {
        let got = claims("The council just says “trust us.”");
        assert!(
            got.iter().all(|(_, _, holder)| holder != "author"),
            "{got:?}"
        );
    }

    #[test]
    fn a_reporting_verb_after_a_determiner_is_no_relay() {
        let text = "The charter requires the mayor to submit a proposed budget, a capital \
                    budget, and a capital program.";
        let got = claims(text);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2, "author");
    }
}
