//! Quotations, their speakers and sources, reported speech and block quotes.
//!
//! One pass pairs the quotation marks of the whole text ([`marks`]); each quotation is then
//! typed and attributed from the words around it ([`speaker`]); each sentence is checked for
//! reported speech; and block quotes come from the markup or, in plain text, are inferred from
//! the paragraph that introduces them ([`block`]).
//!
//! Kinds:
//! - `direct`: a quotation tied to a speaker by a cue next to it ("…," said X / X said, "…"),
//!   or one that reads as a whole sentence;
//! - `partial`: a quoted phrase inside a sentence whose own reporting clause names the speaker
//!   ("the officials said the compound had been modeled after “fusion intelligence centers”");
//! - `scare`: a short term (at most four words, not a sentence) with no speaker and no cue;
//! - `reported`: indirect speech, the reporting clause with its content;
//! - `block`: whole paragraphs reproduced from another text.

pub(crate) mod block;
mod forms;
mod headline;
pub(crate) mod marks;
pub(crate) mod mentions;
pub(crate) mod speaker;

use std::collections::HashSet;

use crate::document::{
    Diagnostic, Paragraph, ParagraphKind, Quote, QuoteKind, Resolution, Sentence, Speaker,
    TextSpan, Voice,
};
use crate::lexicon::{self, Reporting, SpeakerNoun};
use crate::span::Span;
use crate::words::{Token, tokens};

use mentions::{Kind, Mentions};
use speaker::Place;

/// Longest quotation (in words) still taken as a scare quote.
const SCARE_WORDS: usize = 4;

/// How many tokens of a quotation are looked at to judge its length and shape: enough for
/// any title or scare quote, and a bound that keeps deeply nested quotations linear.
const LOOK_TOKENS: usize = 64;

/// What the quote stage found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Quotes in text order, with ids `q1`, `q2`, ….
    pub(crate) quotes: Vec<Quote>,
    /// Unmatched quotation marks.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// A sentence with its tokens.
struct Tokenised<'a> {
    span: Span,
    paragraph: usize,
    tokens: &'a [Token],
    /// The sentence's attributions, found once when a quotation in it first asks.
    attributions: std::cell::OnceCell<Vec<Attribution>>,
}

/// A speaker as first found: its words, and (once resolved) its fullest name and how it was
/// resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct SpeakerDraft {
    pub(super) span: Span,
    pub(super) canonical: Option<String>,
    pub(super) resolution: Option<Resolution>,
}

impl SpeakerDraft {
    pub(super) const fn new(span: Span) -> SpeakerDraft {
        SpeakerDraft {
            span,
            canonical: None,
            resolution: None,
        }
    }
}

pub(super) struct Draft {
    kind: QuoteKind,
    span: Span,
    speaker: Option<SpeakerDraft>,
    source: Option<Span>,
    cue: Option<Span>,
    /// For block quotes: the paragraphs it covers.
    paragraphs: Option<(usize, usize)>,
    /// A term named, not used ("the definition of "combat""): it stays a scare quote inside a
    /// report.
    mention: bool,
}

/// Finds the quotes of `text`. `groups[i]` is the block-quote group the markup gave paragraph
/// `i`; paragraphs found to be quoted get `voice: quoted` and their block's id.
pub(crate) fn find(
    text: &str,
    paragraphs: &mut [Paragraph],
    groups: &[Option<usize>],
    sentences: &[Sentence],
    sentence_tokens: &[&[Token]],
) -> Found {
    let body: Vec<Span> = paragraphs
        .iter()
        .filter(|p| p.kind != ParagraphKind::Meta)
        .map(|p| p.span)
        .collect();
    let marks = marks::pair(text, &body);
    let mut found = Found::default();
    if let Some(span) = marks.too_deep {
        found.diagnostics.push(Diagnostic::warning(
            "quotes-too-deep",
            format!(
                "quotations nested more than {} deep are not reported one by one",
                marks::MAX_DEPTH
            ),
            Some(span),
        ));
    }
    for u in &marks.unmatched {
        found.diagnostics.push(Diagnostic::warning(
            "unmatched-quote",
            if u.open {
                "this quotation mark opens a quotation that is never closed"
            } else {
                "this quotation mark closes a quotation that was never opened"
            },
            Some(u.span),
        ));
    }

    let tokenised: Vec<Tokenised> = sentences
        .iter()
        .zip(sentence_tokens)
        .map(|(s, toks)| Tokenised {
            span: s.span,
            paragraph: s.paragraph,
            tokens: toks,
            attributions: std::cell::OnceCell::new(),
        })
        .collect();
    // Names inside a quotation are the speaker's words, never an antecedent.
    let top: Vec<Span> = marks
        .pairs
        .iter()
        .filter(|p| p.depth == 0)
        .map(|p| p.span)
        .collect();
    let quoted = |span: Span| {
        let i = top.partition_point(|q| q.start() <= span.start());
        i > 0 && top[i - 1].contains_span(span)
    };
    let mut names = Mentions::default();
    for s in &tokenised {
        names.add_sentence(text, s.tokens, &quoted);
    }

    let mut drafts = Vec::new();
    let mut direct_cues: HashSet<Span> = HashSet::new();
    inline_quotes(
        text,
        &marks,
        &tokenised,
        &names,
        &mut drafts,
        &mut direct_cues,
    );
    let inline = drafts.len();
    reported_speech(text, &marks, &tokenised, &direct_cues, &mut drafts);
    let more = forms::noun_and_passive_reports(text, &marks, &tokenised, &drafts[inline..]);
    merge_reports(&mut drafts, inline, more);
    // Headlines come before the body: their reports open the reports' run.
    let headlines = headline::headline_reports(text, paragraphs, &drafts);
    drafts.splice(inline..inline, headlines);
    quotes_in_reports(text, &mut drafts, inline);
    block::block_quotes(
        text,
        paragraphs,
        groups,
        &tokenised_view(&tokenised),
        &mut drafts,
    );

    tagline_quotes(text, paragraphs, &mut drafts);

    // Text order; a block before the quotes inside it.
    drafts.sort_by_key(|d| (d.span.start(), std::cmp::Reverse(d.span.end())));
    resolve_speakers(text, &tokenised, &mut names, &mut drafts);
    for (n, d) in drafts.into_iter().enumerate() {
        let id = format!("q{}", n + 1);
        if let Some((first, last)) = d.paragraphs {
            for p in &mut paragraphs[first..=last] {
                p.voice = Voice::Quoted;
                p.quote = Some(id.clone());
            }
        }
        found.quotes.push(Quote {
            id,
            kind: d.kind,
            span: d.span,
            text: text[d.span].to_owned(),
            speaker: d.speaker.map(|sp| Speaker {
                text: text[sp.span].to_owned(),
                span: sp.span,
                canonical: sp.canonical,
                resolution: sp.resolution,
            }),
            source: d.source.map(|s| TextSpan::new(text, s)),
            cue: d.cue.map(|s| TextSpan::new(text, s)),
        });
    }
    found
}

/// (text, speaker, cue) of the reports of `text`: what the report forms' tests compare.
#[cfg(test)]
pub(crate) fn test_reports(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    crate::parse(text)
        .document
        .quotes
        .into_iter()
        .filter(|q| q.kind == crate::QuoteKind::Reported)
        .map(|q| (q.text, q.speaker.map(|s| s.text), q.cue.map(|c| c.text)))
        .collect()
}

/// Merges `more` (reports in text order) into the reports `drafts[inline..]`, keeping both
/// orders: each goes before the first report that starts after it.
fn merge_reports(drafts: &mut Vec<Draft>, inline: usize, more: Vec<Draft>) {
    if more.is_empty() {
        return;
    }
    let reports: Vec<Draft> = drafts.drain(inline..).collect();
    let mut more = more.into_iter().peekable();
    for d in reports {
        while let Some(m) = more.next_if(|m| m.span.start() < d.span.start()) {
            drafts.push(m);
        }
        drafts.push(d);
    }
    drafts.extend(more);
}

/// Quotations in a meta paragraph after the body has begun (an op-ed's closing tagline: "John
/// Roe is the host of \"Roe Tonight\"", "the author of \"Less Is More\"") name a show, a book, a
/// term: scare quotes, nobody's words. Header lines are left alone: a headline's quotation is
/// someone's words, attributed in the body.
fn tagline_quotes(text: &str, paragraphs: &[Paragraph], drafts: &mut Vec<Draft>) {
    let Some(first_body) = paragraphs
        .iter()
        .position(|p| p.kind != ParagraphKind::Meta)
    else {
        return;
    };
    let tail: Vec<Span> = paragraphs[first_body..]
        .iter()
        .filter(|p| p.kind == ParagraphKind::Meta)
        .map(|p| p.span)
        .collect();
    if tail.is_empty() {
        return;
    }
    let marks = marks::pair(text, &tail);
    // Pairing reads the whole text (paragraph spans only mark the breaks): keep the tail's own.
    let in_tail = |p: &&marks::Pair| tail.iter().any(|t| t.contains_span(p.span));
    for pair in marks.pairs.iter().filter(|p| p.depth == 0).filter(in_tail) {
        drafts.push(Draft {
            kind: QuoteKind::Scare,
            span: pair.span,
            speaker: None,
            source: None,
            cue: None,
            paragraphs: None,
            mention: false,
        });
    }
}

/// A quotation inside a report ("Chirac has called the rebate "unjustified"") holds the
/// reported speaker's words: it takes that speaker, and a short one is a partial quote, not a
/// scare quote. Titles and terms named as terms stay scare quotes. `drafts[..inline]` are the quotations, the rest the
/// reports, each in text order.
fn quotes_in_reports(text: &str, drafts: &mut [Draft], inline: usize) {
    let (quotes, reports) = drafts.split_at_mut(inline);
    let mut r = 0;
    for q in quotes.iter_mut() {
        if q.speaker.is_some()
            || q.mention
            || !matches!(q.kind, QuoteKind::Scare | QuoteKind::Direct)
        {
            continue;
        }
        while r < reports.len() && reports[r].span.end() <= q.span.start() {
            r += 1;
        }
        let Some(report) = reports[r..]
            .iter()
            .take_while(|rep| rep.span.start() <= q.span.start())
            .find(|rep| rep.span.contains_span(q.span) && rep.speaker.is_some())
        else {
            continue;
        };
        if title_case(text, inner_span(text, q.span, true), true) {
            continue;
        }
        q.kind = QuoteKind::Partial;
        q.speaker.clone_from(&report.speaker);
        q.cue = report.cue;
    }
}

/// Whether a speaker phrase names a group: a list ("Smith and Jones"), or its last word is a plural speaker noun
/// ("officials", "the Americans") or a lower-case plural ("some observers").
fn plural_speaker(words: &str) -> bool {
    let last = words.rsplit(' ').next().unwrap_or(words);
    // "Smith and Jones", "the UK, France and Germany": a list is a group.
    words.contains(" and ")
        || last.ends_with('s')
            && !last.ends_with("'s")
            && !last.ends_with("’s")
            && (crate::lexicon::speaker_noun(last).is_some() || !crate::words::capitalised(last))
}

/// Gives every speaker its fullest name (`canonical`) and says how it was found, in text
/// order: a name maps to the fullest form the article gives it; "he" and "she" to the nearest
/// person of fitting gender named before them (never a word inside a quotation); "they" to the
/// last group that spoke, or the nearest organisation; "it" to the nearest organisation; a
/// description to the person given that role ("the chancellor"), the organisation last named
/// ("the company"), or the fuller description that introduced the same speaker ("a spokesman
/// for the Home Office" … "the spokesman"). A continued quotation takes its first part's.
fn resolve_speakers(
    text: &str,
    sentences: &[Tokenised],
    names: &mut Mentions,
    drafts: &mut [Draft],
) {
    // The last plural speaker ("the officials", "Democrats"), for "they".
    let mut last_group: Option<String> = None;
    // The fullest description given so far per head noun ("spokesman" → "A spokesman for the
    // Home Office").
    let mut descriptions: std::collections::HashMap<String, String> =
        std::collections::HashMap::new();
    // Resolved speakers by their words' span, for the parts of a continued quotation.
    let mut resolved: std::collections::HashMap<Span, Option<String>> =
        std::collections::HashMap::new();
    // The person who last spoke: the likeliest "he said" when no other person was named since.
    let mut last_person: Option<usize> = None;
    // The person who last spoke under a description only ("A spokesman for the Home Office"),
    // with the gender its noun shows: "he" when the article names no person before it.
    let mut last_described: Option<(String, mentions::Gender)> = None;
    for d in drafts.iter_mut() {
        let Some(sp) = &mut d.speaker else {
            continue;
        };
        if sp.resolution == Some(Resolution::Continued) {
            continue;
        }
        let words = &text[sp.span];
        let at = sp.span.start();
        // The phrase before a post-modifier ("A spokesman | for the Home Office", "Laura
        // Brownlees | of Save the Children") is what names or describes the speaker.
        let core = [" of ", " for ", " at ", " from "]
            .iter()
            .filter_map(|p| words.find(p))
            .min()
            .map_or(words, |i| &words[..i]);
        let (canonical, resolution) = if crate::lexicon::one_of(words, &["he", "she"]) {
            let gender = mentions::pronoun_gender(words);
            // "Trump made the remark as he toured …", "One refugee put it well when he told
            // …": the subject that opens the pronoun's own sentence is its likeliest
            // antecedent, a name or a person described.
            let subject =
                own_subject(text, sentences, sp.span).filter(|s| !plural_speaker(&text[*s]));
            let subject_entity = subject
                .and_then(|s| names.named(&text[s], s.start()))
                .filter(|&e| {
                    names.entity(e).kind != Kind::Organisation
                        && names.entity(e).gender.fits(gender)
                });
            let subject_described = subject.filter(|s| {
                let head = text[*s].rsplit(' ').next().unwrap_or_default();
                lexicon::speaker_noun(head) == Some(SpeakerNoun::Person)
                    && mentions::noun_gender(head).fits(gender)
            });
            let near = names.person_before(at, gender);
            let e = match (near, last_person) {
                _ if subject_entity.is_some() => subject_entity,
                _ if subject_described.is_some() => None,
                // A name not known to be a person's ("Golden Kinnaree") does not displace the
                // person who was speaking.
                (Some(n), Some(p))
                    if names.entity(n).kind != Kind::Person
                        && names.entity(p).gender.fits(gender) =>
                {
                    Some(p)
                }
                (None, Some(p)) if names.entity(p).gender.fits(gender) => Some(p),
                (n, _) => n,
            };
            if let Some(e) = e {
                names.note_gender(e, gender);
                last_person = Some(e);
            }
            let described = || {
                subject_described.map(|s| text[s].to_owned()).or_else(|| {
                    last_described
                        .as_ref()
                        .filter(|(_, g)| g.fits(gender))
                        .map(|(words, _)| words.clone())
                })
            };
            (
                e.map(|e| names.entity(e).name.clone()).or_else(described),
                Resolution::Pronoun,
            )
        } else if crate::lexicon::one_of(words, &["they"]) {
            (
                group_subject(text, sentences, sp.span)
                    .map(|g| text[g].to_owned())
                    .or_else(|| last_group.clone())
                    .or_else(|| {
                        names
                            .organisation_before(at)
                            .map(|e| names.entity(e).name.clone())
                    }),
                Resolution::Pronoun,
            )
        } else if crate::lexicon::one_of(words, &["it"]) {
            (
                names
                    .organisation_before(at)
                    .map(|e| names.entity(e).name.clone()),
                Resolution::Pronoun,
            )
        } else if crate::lexicon::one_of(words, &["i", "we"]) {
            (None, Resolution::Pronoun)
        } else if core.contains(" and ") {
            // A list of speakers ("Smith and Jones") names each one; none is the whole.
            (None, Resolution::Named)
        } else if let Some(e) = core
            .rsplit(' ')
            .next()
            .filter(|w| crate::words::capitalised(w))
            .and_then(|_| names.named(core, at))
        {
            names.is_speaker(e);
            if names.entity(e).kind == Kind::Person {
                last_person = Some(e);
            }
            let name = &names.entity(e).name;
            let fuller = name.len() > core.trim_end_matches("'s").trim_end_matches("’s").len();
            (fuller.then(|| name.clone()), Resolution::Named)
        } else if crate::words::capitalised(core.rsplit(' ').next().unwrap_or(core)) {
            (None, Resolution::Named)
        } else {
            let head = core.rsplit(' ').next().unwrap_or(core);
            let definite = core
                .split(' ')
                .next()
                .is_some_and(|w| lexicon::is(w, lexicon::Cue::AnaphoricDeterminer));
            let canonical = match lexicon::speaker_noun(head) {
                // "The company said": the organisation that spoke last, or one whose name has
                // the noun ("the bank" → "Bank of England").
                Some(SpeakerNoun::Organisation) => names
                    .organisation_before(at)
                    .filter(|&e| {
                        let name = &names.entity(e).name;
                        names.spoke(e) || name.to_lowercase().contains(&head.to_lowercase())
                    })
                    .map(|e| names.entity(e).name.clone()),
                // "the article", "the report": a text, not a person.
                Some(SpeakerNoun::Text) => None,
                _ => names
                    .with_role(head, at)
                    .or_else(|| {
                        // "the British actor said": a singular definite description next to
                        // the quotation refers back to the person in view.
                        (definite && !plural_speaker(words))
                            .then(|| {
                                let gender = mentions::noun_gender(head);
                                last_person
                                    .filter(|&p| names.entity(p).gender.fits(gender))
                                    .or_else(|| names.person_before(at, gender))
                            })
                            .flatten()
                            .filter(|&e| names.entity(e).kind == Kind::Person)
                    })
                    .map(|e| names.entity(e).name.clone())
                    .or_else(|| {
                        definite
                            .then(|| descriptions.get(&head.to_lowercase()).cloned())
                            .flatten()
                            .filter(|full| full.len() > words.len())
                    }),
            };
            // A single person described ("a spokesman for the Home Office"), the antecedent
            // of a later "he" or "she" when no person is named.
            if lexicon::speaker_noun(head) == Some(SpeakerNoun::Person) && !plural_speaker(words) {
                last_described = Some((
                    canonical.clone().unwrap_or_else(|| words.to_owned()),
                    mentions::noun_gender(head),
                ));
            }
            let entry = descriptions.entry(head.to_lowercase()).or_default();
            if words.len() > entry.len() && canonical.is_none() {
                words.clone_into(entry);
            }
            (canonical, Resolution::Description)
        };
        if plural_speaker(words) {
            last_group = Some(words.to_owned());
        }
        sp.canonical = canonical;
        sp.resolution = Some(resolution);
        resolved.insert(sp.span, sp.canonical.clone());
    }
    for sp in drafts.iter_mut().filter_map(|d| d.speaker.as_mut()) {
        if sp.resolution == Some(Resolution::Continued)
            && let Some(c) = resolved.get(&sp.span)
        {
            sp.canonical.clone_from(c);
        }
    }
}

/// The group "they" at `pronoun` most likely refers to: a plural subject that opens its own
/// sentence before it, or the sentence before it in the same paragraph ("Residents of Harbour
/// Road met the Water Authority. They said …": the group just named in a subject's place, not
/// the organisation named after it).
fn group_subject(text: &str, sentences: &[Tokenised], pronoun: Span) -> Option<Span> {
    let plural = |sub: &Span| plural_speaker(&text[*sub]);
    if let Some(sub) = own_subject(text, sentences, pronoun).filter(plural) {
        return Some(sub);
    }
    let i = sentence_at(sentences, pronoun.start())?;
    let prev = &sentences[i.checked_sub(1)?];
    if prev.paragraph != sentences[i].paragraph {
        return None;
    }
    sentence_subject(text, prev.tokens, prev.tokens.len()).filter(plural)
}

/// The subject that opens the sentence of a speaker pronoun at `pronoun`, when it stands before
/// it: a name or a description ("Trump", "One refugee").
fn own_subject(text: &str, sentences: &[Tokenised], pronoun: Span) -> Option<Span> {
    let s = &sentences[sentence_at(sentences, pronoun.start())?];
    let k = token_from(s.tokens, pronoun.start());
    // Two words in capitals are a heading run into the sentence ("THE BORROWING Back when
    // he …"), not its subject.
    let heading = |sub: &Span| {
        text[*sub]
            .split(' ')
            .filter(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()))
            .count()
            >= 2
    };
    sentence_subject(text, s.tokens, k).filter(|sub| sub.end() <= pronoun.start() && !heading(sub))
}

/// A sentence's tokens, as the block-quote stage sees them.
pub(crate) struct SentenceView<'a> {
    pub(crate) paragraph: usize,
    pub(crate) tokens: &'a [Token],
}

fn tokenised_view<'a>(t: &'a [Tokenised<'a>]) -> Vec<SentenceView<'a>> {
    t.iter()
        .map(|s| SentenceView {
            paragraph: s.paragraph,
            tokens: s.tokens,
        })
        .collect()
}

/// The index of the sentence that contains byte `at`.
fn sentence_at(sentences: &[Tokenised], at: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.span.end() <= at);
    (i < sentences.len() && sentences[i].span.start() <= at).then_some(i)
}

/// Index of the first token starting at or after `at`.
fn token_from(tokens: &[Token], at: usize) -> usize {
    tokens.partition_point(|t| t.span.start() < at)
}

/// A cue and speaker tied to a quotation by position.
#[derive(Debug, Clone, Copy)]
pub(super) struct Attribution {
    pub(super) speaker: Span,
    pub(super) cue: Span,
}

/// "…," said X / "…," X said / "…" insists X.
fn attribution_after(text: &str, tokens: &[Token], from: usize) -> Option<Attribution> {
    let mut i = token_from(tokens, from);
    let mut dash = None;
    while let Some(t) = tokens
        .get(i)
        .filter(|t| !t.word && matches!(&text[t.span], "," | "-" | "—" | "–" | "―" | "--"))
    {
        if &text[t.span] != "," {
            dash = Some(t.span);
        }
        i += 1;
    }
    if let Some(a) = dash.and_then(|d| attribution_by_dash(text, tokens, d, i)) {
        return Some(a);
    }
    if let Some(cue) =
        speaker::cue_at(text, tokens, i).filter(|c| speaker::inverts(text, tokens, c))
    {
        let speaker = speaker::after(text, tokens, cue.next, Place::NextToQuote)?;
        return Some(Attribution {
            speaker: named_after_role(text, tokens, speaker).unwrap_or(speaker),
            cue: cue.span,
        });
    }
    // "…," the Interfax news agency quoted Mr Khodorkovsky as saying: the person quoted
    // speaks, not the one quoting.
    if let Some(a) = quoted_as_saying(text, tokens, i) {
        return Some(a);
    }
    // "…?" they would think you were crazy, says Epstein. — a tag of speech that closes the
    // sentence after a comma is the quotation's, whatever clause stands between.
    let end = (i + 24).min(tokens.len());
    if let Some(a) = (i + 1..end).find_map(|j| {
        if tokens[j - 1].word || &text[tokens[j - 1].span] != "," {
            return None;
        }
        let cue = speaker::cue_at(text, tokens, j)?;
        if cue.category != crate::lexicon::Reporting::Speech
            || cue.according
            || !speaker::inverts(text, tokens, &cue)
            || crux_lexicon::is_exactly(&text[cue.span], lexicon::Cue::ObjectCue)
        {
            return None;
        }
        let speaker = speaker::after(text, tokens, cue.next, Place::Clause)?;
        let next = token_from(tokens, speaker.end());
        tokens
            .get(next)
            .is_none_or(|t| matches!(&text[t.span], "." | "!" | "?"))
            .then_some(Attribution {
                speaker,
                cue: cue.span,
            })
    }) && !tokens[i..end].iter().any(|t| {
        t.span.start() < a.cue.start() && matches!(&text[t.span], "\"" | "“" | "”" | "." | "?")
    }) {
        return Some(a);
    }
    // X said: the speaker first, its cue within a few words (an apposition may stand
    // between: "…," Graham, a former candidate, told CBS News).
    let end = (i + 24).min(tokens.len());
    let cue = (i..end).find_map(|j| speaker::cue_at(text, tokens, j))?;
    // Commas may stand between, and a party-and-place label ("Rep. Ann Lee (D-Md.) said",
    // "Ann Lee, R-Ky., said").
    if (i..cue.first).any(|k| {
        let t = tokens[k];
        !t.word && &text[t.span] != "," && !speaker::in_affiliation(text, tokens, k)
    }) || cue.according
    {
        return None;
    }
    let speaker = speaker::before(text, tokens, cue.first, Place::NextToQuote)?;
    // The speaker stands right after the quotation ("…," Graham, a former candidate, told
    // CBS News); a cue further on belongs to another clause ("…" In the past, IBM has …,
    // although critics have said …).
    if tokens
        .get(i)
        .is_none_or(|t| t.span.start() != speaker.start())
    {
        return None;
    }
    // The cue ends the attribution ("…," he said. / "…," police said in a statement / "…,"
    // Sessions told CNN.) unless a content clause follows it: "…," he said that …, or the
    // object of a verb that judges, describes or cites, a noun phrase opened by a determiner
    // ("…," the committee rejected the plan): the quotation is not what it took.
    if tokens.get(cue.next).is_some_and(|t| {
        let w = &text[t.span];
        lexicon::is(w, lexicon::Cue::ContentOpener)
            || (t.word
                && lexicon::is(&text[tokens[cue.first].span], lexicon::Cue::TargetVerb)
                && (lexicon::is(w, lexicon::Cue::NounDeterminer)
                    || lexicon::is(w, lexicon::Cue::SpeakerDeterminer)))
    }) {
        return None;
    }
    Some(Attribution {
        speaker,
        cue: cue.span,
    })
}

/// "“…” ― Dana Whit": a dash after the quotation and a name that ends the line, as under an
/// epigraph or a reader's comment; the dash is the cue.
fn attribution_by_dash(text: &str, tokens: &[Token], dash: Span, i: usize) -> Option<Attribution> {
    // No cue follows the dash: a name alone.
    if speaker::cue_at(text, tokens, i).is_some() {
        return None;
    }
    let speaker = speaker::after(text, tokens, i, Place::Clause)
        .filter(|sp| crate::words::capitalised(&text[*sp]))?;
    // The name ends its line: nothing but a full stop and spaces before the line break or the
    // end of the text (a few characters looked at, however long the line).
    let ends_line = text[speaker.end()..]
        .chars()
        .take(8)
        .find(|&c| c != '.' && !(c.is_whitespace() && c != '\n'))
        .is_none_or(|c| c == '\n');
    ends_line.then_some(Attribution { speaker, cue: dash })
}

/// "\"WALLACE: Let's start …": a transcript's label, a speaker's name in capitals and a
/// colon, opening the quoted words; the colon is the cue.
fn transcript_label(text: &str, inner: Span) -> Option<Attribution> {
    let mut words = tokens(text, inner).take(5);
    let mut label: Option<Span> = None;
    for t in words.by_ref() {
        let w = &text[t.span];
        if t.word && w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
            label = Some(label.map_or(t.span, |l| l.cover(t.span)));
        } else if !t.word && w == ":" {
            return label.map(|speaker| Attribution {
                speaker,
                cue: t.span,
            });
        } else {
            return None;
        }
    }
    None
}

/// "X quoted NAME as saying" within the clause that starts at token `from`.
fn quoted_as_saying(text: &str, tokens: &[Token], from: usize) -> Option<Attribution> {
    let end = (from + 16).min(tokens.len());
    let quoted = (from..end).find(|&j| {
        tokens[j].word && lexicon::is(&text[tokens[j].span], lexicon::Cue::QuotingVerb)
    })?;
    let speaker = speaker::after(text, tokens, quoted + 1, Place::Clause)?;
    let next = token_from(tokens, speaker.end());
    let (as_, saying) = (tokens.get(next)?, tokens.get(next + 1)?);
    (crate::lexicon::one_of(&text[as_.span], &["as"]) && text[saying.span].ends_with("ing")).then(
        || Attribution {
            speaker,
            cue: tokens[quoted].span.cover(saying.span),
        },
    )
}

/// "said the festival's executive director, Craig Prater." — a description of a role followed
/// by the name, at the end of the tag: the name is the speaker.
fn named_after_role(text: &str, tokens: &[Token], speaker: Span) -> Option<Span> {
    let end = token_from(tokens, speaker.end());
    let head = tokens.get(end.checked_sub(1)?)?;
    // A description ends in a lower-case noun; a name there is already the speaker.
    if !head.word || crate::words::capitalised(&text[head.span]) {
        return None;
    }
    if tokens.get(end).is_none_or(|t| &text[t.span] != ",") {
        return None;
    }
    let first = end + 1;
    let mut last = first;
    while tokens
        .get(last)
        .is_some_and(|t| t.word && crate::words::capitalised(&text[t.span]))
        && last - first < 5
    {
        last += 1;
    }
    (last > first
        && tokens
            .get(last)
            .is_none_or(|t| matches!(&text[t.span], "." | "," | "!" | "?" | ";")))
    .then(|| tokens[first].span.cover(tokens[last - 1].span))
}

/// Where the subject of a sentence may start, before token `before`: after clause words ("And
/// then"), and past an opening phrase set off by a comma that is no subject: a participle
/// ("Chastened by the analyses, Trump revised …"), a sentence adverb ("Recently, however, it
/// issued …") or a prepositional phrase ("In a statement announcing the pick, the union
/// called …").
fn subject_start(text: &str, tokens: &[Token], before: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).filter(|t| t.word).map(|t| &text[t.span]);
    let comma = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| !t.word && &text[t.span] == ",")
    };
    let mut start = tokens[..before]
        .iter()
        .position(|t| !t.word || !lexicon::is(&text[t.span], lexicon::Cue::ClauseConnective))?;
    let first = word(start)?;
    let lower_next = word(start + 1).is_some_and(|w| !crate::words::capitalised(w));
    // "Earlier in the day, Clinton held …", "Once in my early 20s, …": a function word that
    // heads no noun phrase, and is no determiner opening one, opens an adverbial before the
    // subject.
    let closed = lower_next
        && speaker::no_head(text, &tokens[start..=start])
        && !lexicon::token_is(text, &tokens[start], lexicon::Cue::NounDeterminer);
    let opener = closed
        || lexicon::is(first, lexicon::Cue::SpeakerPreposition)
        || (crate::words::capitalised(first)
            && first.len() > 4
            && ((first.ends_with("ly") && comma(start + 1))
                || ((first.ends_with("ed") || first.ends_with("ing")) && lower_next)));
    if opener && let Some(c) = (start + 1..before).find(|&i| comma(i)) {
        start = c + 1;
        // "…, however, it issued": a sentence adverb set off after the opening phrase.
        if word(start).is_some_and(|w| lexicon::is(w, lexicon::Cue::SpeakerLeading))
            && comma(start + 1)
        {
            start += 2;
        }
        // "Later on, particularly during the war, the revisionists challenged …": a second
        // adverbial set off by commas, opened by an adverb in "-ly" or a preposition.
        let adverbial = word(start).is_some_and(|w| {
            lexicon::is(w, lexicon::Cue::SpeakerPreposition)
                || (w.len() > 4 && w.ends_with("ly") && !crate::words::capitalised(w))
        });
        if adverbial && let Some(c) = (start + 1..before).find(|&i| comma(i)) {
            start = c + 1;
        }
    }
    (start < before).then_some(start)
}

/// The name that opens a sentence (after clause words such as "And then"), when it is one.
fn sentence_subject(text: &str, tokens: &[Token], before: usize) -> Option<Span> {
    let start = subject_start(text, tokens, before)?;
    // A name, or a description ending in one ("Band member Flea"): capitalised words, speaker
    // nouns and determiners, up to the first other word (the verb).
    let end = start
        + tokens[start..before]
            .iter()
            .take_while(|t| {
                let w = &text[t.span];
                // "Farmers' groups": a plural possessive's apostrophe stays in the name.
                if !t.word {
                    return matches!(w, "'" | "’");
                }
                t.word
                    && (crate::words::capitalised(w)
                        || crate::lexicon::speaker_noun(w).is_some()
                        || lexicon::is(w, lexicon::Cue::Article))
            })
            .count();
    // "Children's charities have reacted …": a possessive does not end a noun phrase; its
    // head, the lower-case noun after it, does.
    if end > start
        && end < before
        && (text[tokens[end - 1].span].ends_with("'s")
            || text[tokens[end - 1].span].ends_with("’s"))
        && tokens[end].word
        && !crate::words::capitalised(&text[tokens[end].span])
        && !lexicon::is(&text[tokens[end].span], lexicon::Cue::SpeakerExcluded)
        && !lexicon::is(&text[tokens[end].span], lexicon::Cue::Auxiliary)
        && speaker::speaker_like(text, &tokens[start..end])
    {
        return Some(tokens[start].span.cover(tokens[end].span));
    }
    (end > start && speaker::speaker_like(text, &tokens[start..end]))
        .then(|| tokens[start].span.cover(tokens[end - 1].span))
}

/// "Bush: "The mission is …"" — a name and a colon before a quotation, with no verb.
fn attribution_by_colon(text: &str, tokens: &[Token], to: usize) -> Option<Attribution> {
    let end = token_from(tokens, to);
    let colon = end
        .checked_sub(1)
        .filter(|&i| &text[tokens[i].span] == ":")?;
    let start = tokens[..colon]
        .iter()
        .rposition(|t| !t.word)
        .map_or(0, |i| i + 1);
    if start == colon || colon - start > 6 {
        return None;
    }
    let words = &tokens[start..colon];
    (words
        .iter()
        .all(|t| crate::words::capitalised(&text[t.span]))
        && speaker::speaker_like(text, words))
    .then(|| Attribution {
        speaker: words[0].span.cover(words[words.len() - 1].span),
        cue: tokens[colon].span,
    })
}

/// The attribution of the sentence before a quotation that opens its own sentence, when that
/// sentence introduces it with a colon ("Courtney Johnson said:").
fn attribution_by_introduction(
    text: &str,
    sentences: &[Tokenised],
    si: usize,
    open: usize,
) -> Option<Attribution> {
    let s = &sentences[si];
    if s.tokens.first().is_some_and(|t| t.span.start() < open) {
        return None;
    }
    let prev = &sentences[si.checked_sub(1)?];
    if prev.paragraph + 1 < s.paragraph || !text[prev.span].trim_end().ends_with(':') {
        return None;
    }
    prev.attributions
        .get_or_init(|| attributions(text, prev.tokens))
        .last()
        .copied()
        .or_else(|| {
            // "Cruz called them on it:": no reporting verb, but the sentence's subject
            // introduces the quotation.
            let colon = prev.tokens.len().checked_sub(1)?;
            sentence_subject(text, prev.tokens, colon).map(|speaker| Attribution {
                speaker,
                cue: prev.tokens[colon].span,
            })
        })
}

/// "…?" Biden said. — the splitter ends a sentence after a quotation that ends with its own
/// sentence mark when a capital follows; the attribution then opens the next sentence of the
/// paragraph, and must end there or at a comma.
fn attribution_in_next(
    text: &str,
    sentences: &[Tokenised],
    si: usize,
    close: usize,
) -> Option<Attribution> {
    let s = &sentences[si];
    if s.tokens.last().is_some_and(|t| t.span.start() >= close) {
        return None;
    }
    let next = sentences
        .get(si + 1)
        .filter(|n| n.paragraph == s.paragraph)?;
    // A quotation can close past the next sentence's start (the splitter and the quote
    // scanner disagree on odd text): then nothing lies between them to be read.
    if text
        .get(close..next.span.start())
        .is_none_or(|gap| !gap.trim().is_empty())
    {
        return None;
    }
    let a = attribution_after(text, next.tokens, next.span.start())?;
    let tail = token_from(next.tokens, a.speaker.end().max(a.cue.end()));
    next.tokens
        .get(tail)
        .is_none_or(|t| {
            let w = &text[t.span];
            // The attribution ends its line ("“…” ― Dana Whit⏎“…"): what follows is another.
            if text
                .get(a.speaker.end().max(a.cue.end())..t.span.start())
                .is_some_and(|gap| gap.contains('\n'))
            {
                return true;
            }
            if t.word {
                lexicon::is(w, lexicon::Cue::SpeakerTrailing)
            } else {
                matches!(w, "." | "," | "!" | "?" | ";")
            }
        })
        .then_some(a)
}

/// X said, "…" / X said: "…" / According to X, "…"
fn attribution_before(text: &str, tokens: &[Token], to: usize) -> Option<Attribution> {
    let mut end = token_from(tokens, to);
    while end > 0 && !tokens[end - 1].word && matches!(&text[tokens[end - 1].span], "," | ":") {
        end -= 1;
    }
    // The cue closes the run before the quotation ("X said,") or, for "according to X,", the
    // speaker does.
    let start = end.saturating_sub(12);
    for j in (start..end).rev() {
        let Some(cue) = speaker::cue_at(text, tokens, j)
            .filter(|c| !speaker::noun_position(text, tokens, c.first))
        else {
            continue;
        };
        if cue.according {
            let speaker = speaker::after(text, tokens, cue.next, Place::NextToQuote)?;
            return (token_from(tokens, speaker.end()) == end).then_some(Attribution {
                speaker,
                cue: cue.span,
            });
        }
        // "Trump went on the attack, saying, …": a participle's speaker is the subject that
        // opens the sentence.
        if participle(text, tokens, cue)
            && cue.first > 0
            && &text[tokens[cue.first - 1].span] == ","
        {
            // Next to a quotation a short description will do ("the revisionists (…)
            // challenged that view, arguing that: "…""): the words from the subject's start
            // to a bracket or comma that sets off an apposition, three at most.
            let subject = sentence_subject(text, tokens, cue.first).or_else(|| {
                let start = subject_start(text, tokens, cue.first)?;
                let end = start
                    + tokens[start..cue.first]
                        .iter()
                        .take_while(|t| t.word)
                        .count();
                let apposition = tokens
                    .get(end)
                    .is_some_and(|t| matches!(&text[t.span], "(" | ","));
                (apposition
                    && end - start <= 3
                    && speaker::speaker_like_next_to_quote(text, &tokens[start..end]))
                .then(|| tokens[start].span.cover(tokens[end - 1].span))
            })?;
            return Some(Attribution {
                speaker: subject,
                cue: cue.span,
            });
        }
        // "X said, …" or, for a verb with an object, "X told reporters, …".
        let object = end - cue.next;
        let object_ok = crux_lexicon::is_exactly(&text[cue.span], lexicon::Cue::ObjectCue)
            && object <= 3
            && tokens[cue.next..end].iter().all(|t| t.word);
        if cue.next != end && !object_ok {
            // "Trump said Tuesday, …" has its speaker before the cue; "…," said the Florida
            // senator, "because …" after it.
            if let Some(speaker) = speaker::before(text, tokens, cue.first, Place::NextToQuote) {
                return (object <= 4).then_some(Attribution {
                    speaker,
                    cue: cue.span,
                });
            }
            let speaker = speaker::after(text, tokens, cue.next, Place::NextToQuote)
                .filter(|_| speaker::inverts(text, tokens, &cue))?;
            return (token_from(tokens, speaker.end()) == end).then_some(Attribution {
                speaker,
                cue: cue.span,
            });
        }
        // "Carson did not mention them, but told his supporters, …": after a conjunction the
        // speaker is the sentence's subject.
        let speaker = speaker::before(text, tokens, cue.first, Place::NextToQuote)
            .or_else(|| first_conjunct_subject(text, tokens, cue.first, Place::NextToQuote))
            .or_else(|| {
                let conjunction = tokens.get(cue.first.checked_sub(1)?)?;
                crate::lexicon::one_of(&text[conjunction.span], &["and", "but"])
                    .then(|| sentence_subject(text, tokens, cue.first))
                    .flatten()
            })?;
        return Some(Attribution {
            speaker,
            cue: cue.span,
        });
    }
    None
}

/// "I laughed and said, …", "Trump paused and added …": the subject of a cue coordinated
/// with a one-word verb right before its "and" is that verb's subject, a pronoun or a name
/// right before it, whatever opens the sentence before them.
fn first_conjunct_subject(
    text: &str,
    tokens: &[Token],
    first: usize,
    place: Place,
) -> Option<Span> {
    let and = speaker::skip_between(text, tokens, first).checked_sub(1)?;
    let verb = and.checked_sub(1)?;
    let w = &text[tokens[verb].span];
    let is_verb = tokens[verb].word
        && !crate::words::capitalised(w)
        && !mentions::token_function_word(text, &tokens[verb])
        && !lexicon::token_is(text, &tokens[verb], lexicon::Cue::SpeakerExcluded)
        && !lexicon::token_is(text, &tokens[verb], lexicon::Cue::SpeakerDeterminer);
    if !(tokens[and].word && text[tokens[and].span].eq_ignore_ascii_case("and") && is_verb) {
        return None;
    }
    let subject = speaker::before(text, tokens, verb, place)?;
    let words: Vec<&Token> = tokens[..verb]
        .iter()
        .filter(|t| subject.contains_span(t.span))
        .collect();
    let adjacent = tokens[verb - 1].span.end() == subject.end();
    let named = words
        .iter()
        .all(|t| crate::words::capitalised(&text[t.span]))
        || (words.len() == 1 && lexicon::token_is(text, words[0], lexicon::Cue::SpeakerPronoun));
    (adjacent && named).then_some(subject)
}

/// The speaker of a reporting clause in the sentence, outside `skip` (the quotation itself).
pub(super) fn sentence_attribution(
    text: &str,
    tokens: &[Token],
    skip: Span,
) -> Option<Attribution> {
    attributions(text, tokens)
        .into_iter()
        .find(|a| !skip.contains_span(a.cue))
}

/// Every reporting cue of a sentence that has a speaker, in order.
fn attributions(text: &str, tokens: &[Token]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let Some(cue) = speaker::cue_at(text, tokens, i) else {
            continue;
        };
        let speaker = if cue.according {
            speaker::after(text, tokens, cue.next, Place::Clause)
        } else {
            speaker::before(text, tokens, cue.first, Place::Clause)
        };
        if let Some(speaker) = speaker {
            out.push(Attribution {
                speaker,
                cue: cue.span,
            });
        }
    }
    out
}

fn inline_quotes(
    text: &str,
    marks: &marks::Marks,
    sentences: &[Tokenised],
    names: &Mentions,
    drafts: &mut Vec<Draft>,
    direct_cues: &mut HashSet<Span>,
) {
    // The last attributed direct quotation, for the one that follows it in the same paragraph
    // with no attribution of its own ("…," said X. "…").
    let mut last: Option<(usize, SpeakerDraft, Span)> = None;
    // The drafts of the parts of a quotation that runs on (each part but the last has no
    // closing mark), for giving all parts the speaker that one of them is tagged with.
    let mut chain: Vec<usize> = Vec::new();
    // The last quotation taken for a name, for one coordinated with it.
    let mut last_name: Option<Span> = None;
    for pair in &marks.pairs {
        if pair.depth == 0 && !pair.continues {
            chain.clear();
        }
        let Some(si) = sentence_at(sentences, pair.span.start()) else {
            continue;
        };
        let s = &sentences[si];
        let end_si = sentence_at(sentences, pair.span.end().saturating_sub(1)).unwrap_or(si);
        let inner = inner_span(text, pair.span, pair.closed);
        let content = &text[inner];
        // Counting stops past the scare-quote limit: a quotation's length beyond it does not
        // matter, and counting it all would make nested quotations quadratic.
        let words = tokens(text, inner)
            .take(LOOK_TOKENS)
            .filter(|t| t.word)
            .take(SCARE_WORDS + 1)
            .count();
        let sentence_like = content.chars().next().is_some_and(char::is_uppercase)
            && (words > SCARE_WORDS || content.trim_end().ends_with(['.', '!', '?', ',']))
            && !title_case(text, inner, false);

        let after = attribution_after(text, sentences[end_si].tokens, pair.span.end())
            .or_else(|| attribution_in_next(text, sentences, end_si, pair.span.end()))
            .filter(|_| pair.depth == 0 && pair.closed);
        let before = attribution_before(text, s.tokens, pair.span.start())
            .or_else(|| attribution_by_colon(text, s.tokens, pair.span.start()))
            .or_else(|| attribution_by_introduction(text, sentences, si, pair.span.start()))
            .filter(|_| pair.depth == 0);
        let direct = transcript_label(text, inner)
            .filter(|_| pair.depth == 0)
            .or(after)
            .or(before);
        // "The foreign secretary meanwhile said the "justice" of the rebate remained. "We
        // have …": a quotation that opens its sentence, untagged, right after a sentence of the
        // paragraph that reports someone's words, is that speaker's.
        let opens_sentence = s
            .tokens
            .first()
            .is_some_and(|t| t.span.start() >= pair.span.start());
        // "That shouldn't offend anyone, says Epstein. We should be glad that humans "create
        // technology to master climate."": a quotation longer than a term, in a sentence of the
        // writer's with no tag of its own, right after a sentence of the paragraph that
        // reports someone's words, holds that speaker's words too.
        let runs_on = pair.depth == 0 && pair.closed && words > SCARE_WORDS;
        // A quotation that opens its paragraph, untagged, after a paragraph that ends by
        // reporting someone's words is theirs too: news runs a speaker's quotation on from
        // the paragraph that introduced them ("Minister Jo Kay says the cuts will hurt.⏎⏎"I
        // am very disappointed …").
        let opens_paragraph = opens_sentence
            && sentence_like
            && pair.depth == 0
            && si
                .checked_sub(1)
                .is_some_and(|p| sentences[p].paragraph + 1 == s.paragraph);
        let reported_before = ((opens_sentence && sentence_like && pair.depth == 0) || runs_on)
            .then(|| si.checked_sub(1))
            .flatten()
            .filter(|&p| sentences[p].paragraph == s.paragraph || opens_paragraph)
            .and_then(|p| {
                let prev = &sentences[p];
                prev.attributions
                    .get_or_init(|| attributions(text, prev.tokens))
                    .iter()
                    .rev()
                    .find(|a| !inside_quotation(marks, a.cue))
                    .copied()
                    .or_else(|| {
                        // "…, says Epstein.": a tag closing the sentence, its speaker after
                        // the verb.
                        let (cue, speaker) = closing_tag(text, marks, prev.tokens)?;
                        Some(Attribution {
                            speaker,
                            cue: cue.span,
                        })
                    })
            })
            .filter(|a| {
                last.as_ref()
                    .is_none_or(|(_, _, cue)| cue.start() < a.cue.start())
            })
            // Across a paragraph break, only a verb of speech or writing hands its speaker on
            // ("says", "told", "wrote"), not a finding or a view ("the show", "believes").
            .filter(|a| sentences[si - 1].paragraph == s.paragraph || speech_cue(text, a.cue));

        // A name: a title in title case with no speech tag ("One Hundred Years of Solitude",
        // "the film "Kings Row,""), a quotation where a title stands, or one joined by "and"
        // or "or" to a name just before it ("End of War" and "U.S. formally ends the war").
        let place = name_place(text, s.tokens, pair.span, inner, words);
        let named = pair.closed
            && (place == NamePlace::Slot
                || (direct.is_none()
                    && (title_case(text, inner, true)
                        || (place == NamePlace::Apposition
                            && (words <= SCARE_WORDS
                                || apposition_in_subject(text, s.tokens, pair.span, inner)))))
                || last_name.is_some_and(|n| joined_to(text, s.tokens, n, pair.span, inner)));
        let mention = named
            || (pair.closed
                && after.is_none()
                && mentioned_term(text, s.tokens, pair.span.start(), words));
        // (kind, speaker, cue) of the quotation, in order of the evidence's strength.
        let (kind, speaker, cue) = if named {
            // A title, a show, a law's name: a name held in quotation marks, not anyone's
            // words.
            last_name = Some(pair.span);
            (QuoteKind::Scare, None, None)
        } else if mention {
            // "the definition of "combat"", "the term "militant"": a term named, not used,
            // whoever's sentence it stands in (a tag right after it would make it theirs).
            (QuoteKind::Scare, None, None)
        } else if let Some(a) = direct {
            direct_cues.insert(a.cue);
            let speaker = SpeakerDraft::new(a.speaker);
            // The attribution stands where the quotation ends, which may be a later
            // paragraph than where it opened.
            last = Some((sentences[end_si].paragraph, speaker.clone(), a.cue));
            let kind = if sentence_like || words > SCARE_WORDS {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            (kind, Some(speaker), Some(a.cue))
        } else if let Some((speaker, cue)) = pair
            .continues
            .then(|| chain.last())
            .flatten()
            .and_then(|&k| Some((drafts[k].speaker.clone()?, drafts[k].cue?)))
        {
            // The next part of a quotation that runs on: its speaker goes on.
            let speaker = SpeakerDraft {
                resolution: Some(Resolution::Continued),
                ..speaker
            };
            last = Some((sentences[end_si].paragraph, speaker.clone(), cue));
            (QuoteKind::Direct, Some(speaker), Some(cue))
        } else if let Some(a) = reported_before.filter(|_| opens_sentence && sentence_like) {
            let speaker = SpeakerDraft::new(a.speaker);
            last = Some((s.paragraph, speaker.clone(), a.cue));
            (QuoteKind::Direct, Some(speaker), Some(a.cue))
        } else if let Some((_, speaker, cue)) = last.clone().filter(|(p, _, _)| {
            // The same speaker goes on in the paragraph, or in the next one when the quotation
            // opens it ("…," Adelson said.⏎⏎"It's changing every day …").
            let opens_paragraph = s
                .tokens
                .first()
                .is_some_and(|t| t.span.start() >= pair.span.start())
                && sentences[..si]
                    .last()
                    .is_none_or(|prev| prev.paragraph != s.paragraph);
            (*p == s.paragraph || (*p + 1 == s.paragraph && opens_paragraph))
                && sentence_like
                && pair.depth == 0
        }) {
            let speaker = SpeakerDraft {
                resolution: Some(Resolution::Continued),
                ..speaker
            };
            (QuoteKind::Direct, Some(speaker), Some(cue))
        } else if let Some(a) = partial_attribution(text, s, pair.span) {
            let speaker = SpeakerDraft::new(a.speaker);
            if pair.depth == 0 {
                last = Some((s.paragraph, speaker.clone(), a.cue));
            }
            (QuoteKind::Partial, Some(speaker), Some(a.cue))
        } else if words <= SCARE_WORDS && !sentence_like && pair.closed && !pair.continues {
            (QuoteKind::Scare, None, None)
        } else if let Some(a) = reported_before {
            let kind = if opens_sentence && sentence_like {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            (kind, Some(SpeakerDraft::new(a.speaker)), Some(a.cue))
        } else if let Some(name) = (opens_paragraph
            && !cue_outside(text, sentences[end_si].tokens, pair.span))
        .then(|| introduced_before(text, sentences, names, si))
        .flatten()
        {
            // "Jane Doe, 42, runs the bakery.⏎⏎"We have lost half our trade."": the one
            // person the paragraph before introduced, with no verb of speech, speaks.
            (QuoteKind::Direct, Some(SpeakerDraft::new(name)), None)
        } else {
            (QuoteKind::Direct, None, None)
        };
        // A later part tagged where earlier parts were not: "…cut rates. "Dismal …," he said.
        if pair.depth == 0
            && pair.continues
            && let (Some(sp), Some(c)) = (&speaker, cue)
        {
            for &k in &chain {
                // An untagged part: no speaker, or only the one a paragraph before introduced.
                if drafts[k].cue.is_none() {
                    drafts[k].kind = QuoteKind::Direct;
                    drafts[k].speaker = Some(SpeakerDraft {
                        resolution: Some(Resolution::Continued),
                        ..sp.clone()
                    });
                    drafts[k].cue = Some(c);
                }
            }
        }
        if pair.depth == 0 && (!pair.closed || pair.continues) {
            chain.push(drafts.len());
        }
        drafts.push(Draft {
            kind,
            span: pair.span,
            speaker,
            source: None,
            cue,
            paragraphs: None,
            mention,
        });
    }
}

/// The name of the one person that the paragraph right before sentence `si` introduces
/// without a verb of speech ("Jane Doe, 42, runs the bakery on Main Street."): the only name
/// in a subject's place there, no organisation, in a paragraph of at most a few sentences that
/// holds no quotation mark and no reporting cue (a cue there hands on its own speaker, or
/// none). News introduces a person so before quoting them.
fn introduced_before(
    text: &str,
    sentences: &[Tokenised],
    names: &Mentions,
    si: usize,
) -> Option<Span> {
    const MAX_SENTENCES: usize = 3;
    let last = si.checked_sub(1)?;
    let paragraph = sentences[last].paragraph;
    if paragraph + 1 != sentences[si].paragraph {
        return None;
    }
    let mut first = last;
    while first > 0 && sentences[first - 1].paragraph == paragraph {
        first -= 1;
        if last - first >= MAX_SENTENCES {
            return None;
        }
    }
    let span = sentences[first].span.cover(sentences[last].span);
    if text[span].contains(['"', '“', '”']) {
        return None;
    }
    let cue = sentences[first..=last]
        .iter()
        .any(|s| (0..s.tokens.len()).any(|i| speaker::cue_at(text, s.tokens, i).is_some()));
    if cue {
        return None;
    }
    let (at, _) = names.only_subject_in(span)?;
    // The name opens its sentence, as its subject, and a lower-case word (its verb) follows:
    // not a heading ("FULL TEXT.") nor one of a list.
    let s = &sentences[sentence_at(sentences, at)?];
    let start = token_from(s.tokens, at);
    if subject_start(text, s.tokens, s.tokens.len()) != Some(start) {
        return None;
    }
    let run = s.tokens[start..]
        .iter()
        .take_while(|t| t.word && crate::words::capitalised(&text[t.span]))
        .count();
    let verb = s.tokens[start + run..]
        .iter()
        .any(|t| t.word && !crate::words::capitalised(&text[t.span]));
    (run >= 2 && verb).then(|| s.tokens[start].span.cover(s.tokens[start + run - 1].span))
}

/// Whether a reporting cue stands in the sentence `tokens` outside the quotation at `quote`
/// (a tag that the quotation's own rules read, or a report that holds it).
fn cue_outside(text: &str, tokens: &[Token], quote: Span) -> bool {
    (0..tokens.len())
        .any(|i| !quote.contains_span(tokens[i].span) && speaker::cue_at(text, tokens, i).is_some())
}

/// Whether a cue (one word or a phrase) is a verb of speech or writing.
fn speech_cue(text: &str, cue: Span) -> bool {
    let mut words = text[cue].split(' ');
    let Some(first) = words.next().and_then(crux_lexicon::lookup) else {
        return false;
    };
    let category = match words.next() {
        None => lexicon::cue_word_of(first).and_then(|c| c.single),
        Some(second) => lexicon::reporting_pair_of(first, second),
    };
    matches!(category, Some(Reporting::Speech | Reporting::Writing))
}

/// The attribution of a quoted phrase inside a sentence: the first reporting clause of the
/// sentence outside the quotation, unless the quotation stands in an aside opened by a dash or
/// a semicolon that has a tag of its own ("A spokesperson emphasized … - not to mention that
/// the troops are under "regular" fire, according to CNN").
fn partial_attribution(text: &str, s: &Tokenised, quote: Span) -> Option<Attribution> {
    let all = s.attributions.get_or_init(|| attributions(text, s.tokens));
    let mut outside = all.iter().filter(|a| !quote.contains_span(a.cue));
    // The aside's dash is looked for a bounded number of tokens back, so that a sentence of
    // many quotations stays linear.
    let at = token_from(s.tokens, quote.start());
    let aside = s.tokens[at.saturating_sub(LOOK_TOKENS)..at]
        .iter()
        .rev()
        .find(|t| !t.word && matches!(&text[t.span], "-" | "—" | "–" | "--" | ";"))
        .map(|t| t.span.end());
    aside
        .and_then(|d| outside.clone().find(|a| a.cue.start() > d))
        .or_else(|| outside.next())
        .copied()
}

/// Whether the quotation opening at `open` (of `words` words, counted up to the scare-quote
/// limit) names an expression instead of using it: right after a metalinguistic noun of the
/// sentence ("the term "militant"", "so-called "experts"", "the slogan, "Violent men
/// beware!"") or after "of"/"as" following one ("the definition of "combat"", "the meaning of
/// "win""). "word" and "words" name only a short quotation: before a longer one they
/// introduce speech ("in her words, "he knows how to do it"").
fn mentioned_term(text: &str, tokens: &[Token], open: usize, words: usize) -> bool {
    let at = tokens.partition_point(|t| t.span.start() < open);
    let mut before = tokens[..at].iter().rev().filter(|t| t.word);
    let noun = |t: &Token| {
        let w = &text[t.span];
        lexicon::is(w, lexicon::Cue::MentionNoun)
            || (words <= SCARE_WORDS && lexicon::is(w, lexicon::Cue::WordNoun))
    };
    match before.next() {
        Some(t) if noun(t) => true,
        Some(t) => lexicon::one_of(&text[t.span], &["of", "as"]) && before.next().is_some_and(noun),
        None => false,
    }
}

/// Whether the words in `span` are a title: two or more capitalised words, every word
/// capitalised but for short function words and numbers ("Sex and the City 2"), and no
/// closing punctuation. With `trailing`, a comma or full stop at the end is allowed: American
/// style sets it inside the closing mark ("the film "Kings Row," …", "… calls "The Tyranny of
/// Silence."").
fn title_case(text: &str, span: Span, trailing: bool) -> bool {
    let content = text[span].trim_end();
    let content = if trailing {
        content.strip_suffix([',', '.']).unwrap_or(content)
    } else {
        content
    };
    if content.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let span = Span::new(span.start(), span.start() + content.len());
    let mut words = 0;
    let mut capitals = 0;
    for t in tokens(text, span).take(LOOK_TOKENS) {
        if !t.word {
            continue;
        }
        // Titles are short; a long capitalised run is something else, and stopping here keeps
        // nested quotations linear.
        if words == 16 {
            return false;
        }
        let w = &text[t.span];
        if crate::words::capitalised(w) {
            capitals += 1;
        } else if !w.starts_with(|c: char| c.is_ascii_digit())
            && !crux_lexicon::is_exactly(w, lexicon::Cue::TitleSmallWord)
        {
            return false;
        }
        words += 1;
    }
    capitals >= 2
}

/// Where a quotation stands, when that makes it a name (a title, a show, a law, a campaign)
/// rather than anyone's words (issue #12).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamePlace {
    /// Nowhere a name stands.
    None,
    /// In apposition to a noun for a work, after a comma ("Laura Hillenbrand's bestseller,
    /// "Unbroken,""): a name when short or in title case and tagged by no one, since "According
    /// to the newspaper, "America's gun laws …"" quotes the newspaper.
    Apposition,
    /// Where only a name stands: right after a noun for a work ("the film "Selma,"", "Rolling
    /// Stone's article "A Rape on Campus""), after a verb that names or titles ("a campaign
    /// called the "Nuns on the Bus"", "known as an "Apostolic Visitation"", "His book is
    /// titled, "…""), after "On" or "In" opening the sentence ("On "Stossel" my show …") or
    /// after "on"/"in" anywhere when in title case ("said on "Meet the Press""), or with its
    /// author after it (""Steps towards change", by the feminist academics …").
    Slot,
}

/// Where the quotation at `quote` stands (its words at `inner`, `words` of them counted up to
/// the scare-quote limit), among the places of a name.
fn name_place(text: &str, tokens: &[Token], quote: Span, inner: Span, words: usize) -> NamePlace {
    let capitalised = text[inner].chars().next().is_some_and(char::is_uppercase);
    let at = tokens.partition_point(|t| t.span.start() < quote.start());
    let mut before = tokens[..at].iter().rev();
    let (punct, prev) = match before.next() {
        Some(t) if !t.word && matches!(&text[t.span], "," | ":") => (Some(t), before.next()),
        other => (None, other),
    };
    let is = |t: &Token, cue: lexicon::Cue| t.word && lexicon::is(&text[t.span], cue);
    if let Some(w) = prev.filter(|t| t.word) {
        if is(w, lexicon::Cue::TitleVerb) {
            return NamePlace::Slot;
        }
        if is(w, lexicon::Cue::WorkNoun) && capitalised {
            match punct {
                None => return NamePlace::Slot,
                // "In his book, "Make Your Kid a Millionaire," he …": in title case, a title
                // even when a tag follows it.
                Some(p) if &text[p.span] == "," && title_case(text, inner, true) => {
                    return NamePlace::Slot;
                }
                Some(p) if &text[p.span] == "," => return NamePlace::Apposition,
                Some(_) => {}
            }
        }
        if punct.is_none() && capitalised && title_case(text, inner, true) {
            let word = &text[w.span];
            // "MSNBC's "Morning Joe"", "on CBS's "Face the Nation,"": a title right after a
            // capitalised possessive is a work of its owner, a programme or a book.
            let owner =
                crate::words::capitalised(word) && (word.ends_with("'s") || word.ends_with("’s"));
            // "this weekend's broadcast of "Fox News Sunday"": a title after a work noun and
            // "of".
            let of_work = lexicon::one_of(word, &["of"])
                && before
                    .clone()
                    .next()
                    .is_some_and(|t| is(t, lexicon::Cue::WorkNoun));
            if owner || of_work {
                return NamePlace::Slot;
            }
        }
        if punct.is_none() {
            // "called "Pride"", "called the "…"", "known as an "…"", "known as "…"": a name
            // opens with a capital or follows an article ("what it called a "patent
            // commons"" has a subject; "called "liberal Democrat lingo"" is someone's words).
            let mut rest = before.clone().filter(|t| t.word);
            let mut verb = Some(w);
            let article = is(w, lexicon::Cue::Article);
            if article {
                verb = rest.next();
            }
            if verb.is_some_and(|t| lexicon::one_of(&text[t.span], &["as"])) {
                verb = rest.next();
            }
            if (article || capitalised)
                && verb.is_some_and(|v| {
                    is(v, lexicon::Cue::NamingVerb) && names_by_participle(text, tokens, v)
                })
            {
                return NamePlace::Slot;
            }
            if is(w, lexicon::Cue::TitlePreposition) && capitalised {
                let opens = tokens[..at].iter().filter(|t| t.word).count() == 1;
                if title_case(text, inner, true) || (opens && words <= SCARE_WORDS) {
                    return NamePlace::Slot;
                }
            }
        }
    }
    // ""…", by the feminist academics Liz Kelly and …": a title and its author.
    let mut after = tokens[at..]
        .iter()
        .skip_while(|t| t.span.start() < quote.end());
    let mut next = after.next();
    let comma = next.is_some_and(|t| !t.word && &text[t.span] == ",");
    if comma {
        next = after.next();
    }
    // Without the comma only a name may follow: "Yes" by a margin of 63 to 30 is no title.
    let authored = capitalised
        && next.is_some_and(|t| t.word && lexicon::one_of(&text[t.span], &["by"]))
        && after.next().is_some_and(|t| {
            t.word
                && (crate::words::capitalised(&text[t.span])
                    || (comma && is(t, lexicon::Cue::Article)))
        });
    if authored {
        NamePlace::Slot
    } else {
        NamePlace::None
    }
}

/// Whether a quotation in apposition to a noun for a work (at `quote`, its words at `inner`)
/// is closed by a comma and followed by a lower-case word that is no pronoun: the sentence's
/// verb goes on past it ("Smith's letter, "One bad apple spoils the barrel," criticized the
/// council"), so the quotation sits inside the subject as the work's title, not as anyone's
/// words ("In his essay, "…," he argues" has its tag).
fn apposition_in_subject(text: &str, tokens: &[Token], quote: Span, inner: Span) -> bool {
    let at = token_from(tokens, quote.end());
    let mut rest = tokens[at..].iter();
    let mut next = rest.next();
    let mut comma = text[inner].trim_end().ends_with(',');
    if next.is_some_and(|t| !t.word && &text[t.span] == ",") {
        comma = true;
        next = rest.next();
    }
    comma
        && next.is_some_and(|t| {
            let w = &text[t.span];
            t.word && !crate::words::capitalised(w) && !lexicon::is(w, lexicon::Cue::SubjectPronoun)
        })
}

/// Whether the naming verb `verb` gives a name rather than reports someone's word for a
/// thing: "a campaign called the "…"", "the law is known as "…"", but not "what it called a
/// "patent commons"" nor "Chirac called the rebate "unjustified"" (a subject before the verb:
/// a pronoun, a wh-word or a name; adverbs in "-ly" between are skipped).
fn names_by_participle(text: &str, tokens: &[Token], verb: &Token) -> bool {
    let at = tokens.partition_point(|t| t.span.start() < verb.span.start());
    let subject = tokens[..at]
        .iter()
        .rev()
        .find(|t| !t.word || !text[t.span].ends_with("ly"));
    subject.is_none_or(|t| {
        let w = &text[t.span];
        !t.word
            || !(crate::words::capitalised(w)
                || lexicon::is(w, lexicon::Cue::SubjectPronoun)
                || lexicon::is(w, lexicon::Cue::ContentOpener))
    })
}

/// Whether the quotation at `quote` (its words at `inner`) is joined to the name at `name`
/// before it in the same sentence by "and", "or" or commas alone, and opens with a capital:
/// one more item of a list of titles or headlines.
fn joined_to(text: &str, tokens: &[Token], name: Span, quote: Span, inner: Span) -> bool {
    if name.end() > quote.start() || !text[inner].chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let from = tokens.partition_point(|t| t.span.start() < name.end());
    let to = tokens.partition_point(|t| t.span.start() < quote.start());
    if from == 0 || from > to || to - from > 3 {
        return false;
    }
    let between = &tokens[from..to];
    between
        .iter()
        .any(|t| t.word && lexicon::one_of(&text[t.span], &["and", "or"]))
        && between.iter().all(|t| {
            if t.word {
                lexicon::one_of(&text[t.span], &["and", "or"])
            } else {
                &text[t.span] == ","
            }
        })
}

/// The span inside a quotation's marks (a part of a quotation that runs on has no closing
/// mark).
fn inner_span(text: &str, span: Span, closed: bool) -> Span {
    let s = &text[span];
    let open = s.chars().next().map_or(0, char::len_utf8);
    // LaTeX ``…'' and the doubled straight marks some papers print (''…'', as the New York
    // Times' archive does) open and close with two characters.
    let doubled = (s.starts_with("``") || s.starts_with("''")) && s.ends_with("''");
    let open = if doubled { 2 } else { open };
    let close = s.chars().next_back().map_or(0, char::len_utf8);
    let close = if doubled {
        2
    } else if closed {
        close
    } else {
        0
    };
    if open + close > span.len() {
        return Span::empty(span.start());
    }
    Span::new(span.start() + open, span.end() - close)
}

/// Whether `span` lies inside a quotation.
fn inside_quotation(marks: &marks::Marks, span: Span) -> bool {
    let i = marks
        .pairs
        .partition_point(|p| p.span.start() < span.start());
    marks.pairs[..i]
        .iter()
        .rev()
        .take(8)
        .any(|p| p.span.contains_span(span))
}

/// Clause boundaries inside a sentence, for the extent of a reported clause.
fn clause_bounds(text: &str, tokens: &[Token], sentence: Span, cue: usize) -> Span {
    let is_break = |i: usize| {
        let t = tokens[i];
        if t.word {
            let w = &text[t.span];
            // ", but I …" starts another clause.
            return lexicon::is_exactly(w, lexicon::Cue::ContrastBreak)
                && i > 0
                && &text[tokens[i - 1].span] == ",";
        }
        matches!(&text[t.span], ";" | "(" | ")" | ":")
    };
    let start = (0..cue)
        .rev()
        .find(|&i| is_break(i))
        .map_or(sentence.start(), |i| {
            if tokens[i].word {
                tokens[i - 1].span.start()
            } else {
                tokens[i].span.end()
            }
        });
    let end = (cue + 1..tokens.len())
        .find(|&i| is_break(i))
        .map_or(sentence.end(), |i| {
            if tokens[i].word {
                tokens[i - 1].span.start()
            } else {
                tokens[i].span.start()
            }
        });
    Span::new(start, end.max(start)).trim(text)
}

fn reported_speech(
    text: &str,
    marks: &marks::Marks,
    sentences: &[Tokenised],
    direct_cues: &HashSet<Span>,
    drafts: &mut Vec<Draft>,
) {
    // The cues of a sentence, found once: the closing tag reads the last, the loop all.
    let mut cues: Vec<(usize, speaker::Cue)> = Vec::new();
    for s in sentences {
        let tokens = s.tokens;
        cues.clear();
        cues.extend((0..tokens.len()).filter_map(|i| Some((i, speaker::cue_at(text, tokens, i)?))));
        // Several reports may stand in one sentence ("X said …, but Y said …"); each is its
        // clause, and a later cue inside the clause of an earlier report adds nothing.
        let mut taken: Option<Span> = None;
        let first_draft = drafts.len();
        // "…they would think you were crazy, says Epstein.": a tag closing the sentence holds
        // the whole clause before it, so a cue inside that clause is part of its content.
        let tag = cues
            .last()
            .and_then(|&(_, cue)| closing_tag_at(text, marks, tokens, cue));
        let closing = tag.map(|(c, _)| (c.first, clause_bounds(text, tokens, s.span, c.first)));
        for &(i, cue) in &cues {
            // "Trump's claim that …": after a possessive the word is a noun, whose report
            // `forms` reads.
            if forms::held_noun(text, tokens, i).is_some() {
                continue;
            }
            // "the states that border the lake", "Mrs Hodge's remarks": after an article, a
            // possessive determiner or a name's possessive the word is a noun, not a verb of
            // report.
            if speaker::noun_position(text, tokens, cue.first) {
                continue;
            }
            if inside_quotation(marks, cue.span) {
                continue;
            }
            // "an analysis of campaign-finance reports shows": a form in "-s" right before a
            // reporting verb is a plural noun, the verb's subject.
            if (cue.next == cue.first + 1
                && text[cue.span].ends_with('s')
                && speaker::cue_at(text, tokens, cue.next).is_some())
                || names_after_indefinite(text, tokens, cue)
                || passive(text, tokens, cue)
            {
                continue;
            }
            // "Keeps saying she opposed …": an "-ing" form right after the word that opens the
            // sentence, with no form of "be" or comma between, is no finite verb; the sentence
            // leaves its subject out, and the word before the cue is no speaker.
            let opening = tokens.iter().position(|t| t.word);
            if !cue.according
                && participle(text, tokens, cue)
                && opening.is_some_and(|k| k + 1 == cue.first)
                && speaker::skip_between(text, tokens, cue.first) == cue.first
            {
                continue;
            }
            let split = taken.is_some_and(|t| t.contains_span(cue.span));
            // Where the clause that a closing "according to" reports starts, when it was cut
            // off an earlier report.
            let mut tail_from = None;
            if split {
                // "Some economists have predicted …, although others feel …": a clause of its
                // own subject and reporting verb after a comma and a conjunction is another
                // report; the earlier one ends before it.
                let Some(cut) = own_report_break(text, tokens, cue) else {
                    continue;
                };
                let (cut, subordinate) = match cut {
                    Break::Conjunction(k) => (k, false),
                    Break::Comma(k) => (k, true),
                    Break::Tail(k) => {
                        tail_from = Some(tokens[k].span.end());
                        (k, false)
                    }
                };
                let at = tokens[cut].span.start();
                // "While his aides have suggested …": the earlier subject right after a
                // subordinator that opens the sentence.
                let opened_by_subordinator = |sp: Span| {
                    let k = token_from(tokens, sp.start());
                    k == 1
                        && lexicon::is(&text[tokens[0].span], lexicon::Cue::ClauseBreak)
                        && !lexicon::one_of(&text[tokens[0].span], &["and", "but", "yet"])
                };
                let mut cut_any = false;
                for d in &mut drafts[first_draft..] {
                    if d.span.start() < at
                        && d.span.contains_span(cue.span)
                        && d.cue.is_some_and(|c| c.end() <= at)
                        && d.speaker.as_ref().is_some_and(|sp| {
                            sp.span.end() <= at && (!subordinate || opened_by_subordinator(sp.span))
                        })
                    {
                        d.span = Span::new(d.span.start(), at).trim(text);
                        cut_any = true;
                    }
                }
                if !cut_any {
                    continue;
                }
                taken = drafts[first_draft..]
                    .iter()
                    .map(|d| d.span)
                    .reduce(|a, b| a.cover(b));
            }
            if closing.is_some_and(|(first, clause)| i < first && clause.contains_span(cue.span)) {
                continue;
            }
            // A cue that introduces a quotation reports nothing more, unless its clause has
            // words of its own outside the quotation ("said the economy had "slowed …"").
            // A tag closing the sentence reports the words before it that stand outside the
            // quotation ("\"…?\" they would think you were crazy, says Epstein.").
            let closes_own_words = closing.is_some_and(|(first, clause)| {
                first == i
                    && tokens[..i]
                        .iter()
                        .filter(|t| {
                            t.word
                                && clause.contains_span(t.span)
                                && !inside_quotation(marks, t.span)
                        })
                        .take(3)
                        .count()
                        == 3
            });
            if direct_cues.contains(&cue.span)
                && !closes_own_words
                && !own_content(text, marks, tokens, cue.next)
            {
                // "African-Americans, he said, can "rock like Jimi"": the writer's words that
                // open the sentence before a tag set off by commas are the first piece of the
                // content the quotation after the tag goes on with.
                if let Some((speaker, source)) = reported_speaker(text, tokens, cue)
                    && let Some(piece) = piece_before_tag(text, marks, tokens, cue, speaker)
                {
                    taken = Some(taken.map_or(piece, |t| t.cover(piece)));
                    drafts.push(Draft {
                        kind: QuoteKind::Reported,
                        span: piece,
                        speaker: Some(SpeakerDraft::new(speaker)),
                        source,
                        cue: Some(cue.span),
                        paragraphs: None,
                        mention: false,
                    });
                }
                continue;
            }
            // A closing tag names its speaker even where the speaker rules of a cue alone
            // refuse it ("…, Mr. Obama said in his interview.").
            let closing_speaker = tag
                .filter(|(c, _)| c.first == i && closes_words(marks, tokens, i))
                .map(|(_, sp)| (sp, None));
            // "\"…,\" he said, adding he would …": a participle after a tag has the tag's
            // speaker, and its report starts at the participle.
            let after_tag = || participle_after_tag(text, marks, tokens, cue);
            let mut from_tag = false;
            let Some((speaker, source)) = reported_speaker(text, tokens, cue)
                .or(closing_speaker)
                .or_else(|| clause_report(text, tokens, cue).map(|sp| (sp, None)))
                .or_else(|| {
                    from_tag = true;
                    after_tag().map(|sp| (sp, None))
                })
            else {
                continue;
            };
            let Some(speaker) = checked_speaker(text, tokens, speaker) else {
                continue;
            };
            let mut span = clause_bounds(text, tokens, s.span, cue.first);
            // "care what legal experts believe: this war is illegal": the content follows the
            // colon after the cue, and the report opens at the wh-word of its clause.
            if tokens.get(cue.next).is_some_and(|t| &text[t.span] == ":")
                && tokens.get(cue.next + 1).is_some_and(|t| t.word)
                && !inside_quotation(marks, tokens[cue.next + 1].span)
            {
                let after = clause_bounds(text, tokens, s.span, cue.next + 1);
                let at = token_from(tokens, speaker.start());
                let start = if at > 0
                    && lexicon::is(&text[tokens[at - 1].span], lexicon::Cue::ContentOpener)
                {
                    tokens[at - 1].span.start()
                } else {
                    speaker.start().min(span.start().max(speaker.start()))
                };
                span = Span::new(start, after.end().max(start));
            }
            if from_tag {
                let span = Span::new(cue.span.start(), span.end().max(cue.span.start())).trim(text);
                taken = Some(taken.map_or(span, |t| t.cover(span)));
                drafts.push(Draft {
                    kind: QuoteKind::Reported,
                    span,
                    speaker: Some(SpeakerDraft::new(speaker)),
                    source,
                    cue: Some(cue.span),
                    paragraphs: None,
                    mention: false,
                });
                continue;
            }
            // "IBM will keep the patents but it has pledged to …", "there was more gloomy
            // news, as the statistics revealed …": a subject right after a conjunction opens
            // the report's own clause; the clause before it is the writer's. A report split
            // off an earlier one's content starts at its subject too.
            let at = token_from(tokens, speaker.start());
            let after_conjunction = at > 0
                && tokens[at - 1].word
                && lexicon::is(&text[tokens[at - 1].span], lexicon::Cue::SpeakerLeading)
                // "…, as analysts had expected.": a tag that ends its clause reports what
                // came before it.
                && tokens.get(cue.next).is_some_and(|t| t.word);
            // "The UK and France want the budget capped at 1% - the Commission has urged an
            // increase": a subject right after a dash opens a clause of its own too.
            let after_dash = at > 0
                && !tokens[at - 1].word
                && matches!(&text[tokens[at - 1].span], "-" | "–" | "—" | "--")
                && tokens.get(cue.next).is_some_and(|t| t.word);
            if let Some(from) = tail_from {
                span = Span::new(from, span.end().max(from));
            } else if span.start() < speaker.start() && (split || after_conjunction || after_dash) {
                span = Span::new(speaker.start(), span.end().max(speaker.start()));
            }
            let span = if span.contains_span(speaker) {
                span
            } else {
                span.cover(speaker)
            };
            // "WASHINGTON (AP) — The bridge will reopen, officials said.": the dash that ends a
            // dateline opens no content.
            let span = span.trim(text);
            let dash = text[span]
                .strip_prefix(['—', '–', '―', '-'])
                .map_or(0, |rest| text[span].len() - rest.trim_start().len());
            let span = Span::new(span.start() + dash, span.end().max(span.start() + dash));
            taken = Some(taken.map_or(span, |t| t.cover(span)));
            drafts.push(Draft {
                kind: QuoteKind::Reported,
                span,
                speaker: Some(SpeakerDraft::new(speaker)),
                source,
                cue: Some(cue.span),
                paragraphs: None,
                mention: false,
            });
        }
    }
}

/// The speaker phrase found in a speaker's place, checked for a piece of a clause, which a
/// noun phrase is not: `None` for a phrase of no word, a lone conjunction or adverb ("…, and say that …", "Just
/// say …", "Nonetheless, …, saying …": an imperative, or a participle whose subject lies
/// elsewhere; a capitalised one inside the sentence is a name, "as Will wrote"). After a
/// pronoun with a contracted verb ("It's hard to know … and say …", "It's a dynamic Greenberg
/// said") the speaker is a run of words that looks like one, if any. A phrase that ends in a preposition or "to" holds a verb ("Small groups of
/// protesters continued to call for …", "She started off by emphasizing …"): its speaker is
/// the longest run of words from its start that looks like one and ends in a name, a pronoun
/// or a speaker noun, if any ("I'll settle for telling …" has none).
pub(super) fn checked_speaker(text: &str, tokens: &[Token], speaker: Span) -> Option<Span> {
    let words: Vec<Token> = tokens
        .iter()
        .filter(|t| t.word && t.span.overlaps(speaker))
        .copied()
        .collect();
    let word = |t: &Token| &text[t.span];
    let lone_connective = |w: &str| {
        lexicon::is(w, lexicon::Cue::SpeakerLeading)
            || lexicon::is(w, lexicon::Cue::SpeakerBetween)
            || lexicon::is(w, lexicon::Cue::Counter)
    };
    let preposition = |w: &str| {
        lexicon::is(w, lexicon::Cue::SpeakerPreposition)
            || lexicon::is(w, lexicon::Cue::CuePreposition)
    };
    // "It's hard", "they're sure": a subject pronoun and a contracted verb, with more words
    // after it (alone, "He's said …" keeps its speaker: the verb is the cue's auxiliary).
    let contracted = |w: &str| {
        w.split_once(['\'', '’']).is_some_and(|(stem, rest)| {
            !rest.is_empty()
                && lexicon::is(rest, lexicon::Cue::Elision)
                && (lexicon::is(stem, lexicon::Cue::SubjectPronoun)
                    || lexicon::is(stem, lexicon::Cue::SpeakerPronoun))
        })
    };
    // A run of the words that ends in a name, a pronoun or a speaker noun and looks like a
    // speaker.
    let speaker_run = |run: &[Token]| {
        run.last().is_some_and(|t| {
            let head = word(t);
            crate::words::capitalised(head)
                || lexicon::is(head, lexicon::Cue::SpeakerPronoun)
                || lexicon::speaker_noun(head).is_some()
        }) && speaker::speaker_like(text, run)
    };
    let cover = |run: &[Token]| run[0].span.cover(run[run.len() - 1].span);
    // "…, as Will wrote": a capitalised word inside a sentence is a name.
    let sentence_start =
        matches!((tokens.first(), words.first()), (Some(t), Some(w)) if t.span == w.span);
    match words.as_slice() {
        // Only marks ("-" left of a cue after a dash-bounded aside): no speaker.
        [] => None,
        [one]
            if lone_connective(word(one))
                && (sentence_start || !crate::words::capitalised(word(one))) =>
        {
            None
        }
        // "It's a dynamic Greenberg said": the speaker after the contracted clause, if any.
        _ if words.len() > 1 => {
            if let Some(c) = words.iter().rposition(|t| contracted(word(t))) {
                return (c + 1..words.len())
                    .find(|&k| speaker_run(&words[k..]))
                    .map(|k| cover(&words[k..]));
            }
            if preposition(word(&words[words.len() - 1])) {
                return (1..words.len())
                    .rev()
                    .find(|&k| speaker_run(&words[..k]))
                    .map(|k| cover(&words[..k]));
            }
            Some(speaker)
        }
        _ => Some(speaker),
    }
}

/// Where a later report's clause starts inside an earlier report's content.
#[derive(Debug, Clone, Copy)]
enum Break {
    /// At this comma or conjunction token, before a conjunction and the later subject.
    Conjunction(usize),
    /// At this comma right before the later subject: a break only after an earlier clause
    /// opened by a subordinator ("While his aides have suggested …, the governor is …").
    Comma(usize),
    /// At this dash, or comma before a conjunction, that opens the clause a closing
    /// "according to" reports ("… - not to mention that the troops are under fire, according to
    /// the network.").
    Tail(usize),
}

/// Where a report's own clause breaks off the clause of an earlier report: the comma before a
/// conjunction ("…, although others feel …", "…, and Republicans want …") that the cue's
/// subject follows, when the cue has a subject before it. `None` when the cue has no subject
/// of its own there ("…, although several warned that …": "several" names nobody), which
/// leaves its clause in the earlier report's content.
fn own_report_break(text: &str, tokens: &[Token], cue: speaker::Cue) -> Option<Break> {
    let dash =
        |i: usize| !tokens[i].word && matches!(&text[tokens[i].span], "-" | "–" | "—" | "--");
    let comma = |i: usize| !tokens[i].word && &text[tokens[i].span] == ",";
    if cue.according {
        // ", according to the network.": a tag closing the sentence after a comma.
        let np = speaker::after(text, tokens, cue.next, Place::Clause)
            .or_else(|| speaker::after_phrase(text, tokens, cue.next))
            .filter(|&np| !speaker::measure_phrase(text, tokens, np))?;
        let end = token_from(tokens, np.end());
        let closes = tokens
            .get(end)
            .is_none_or(|t| matches!(&text[t.span], "." | "!" | "?"));
        if cue.first < 2 || !comma(cue.first - 1) || !closes {
            return None;
        }
        return (0..cue.first - 1)
            .rev()
            .find(|&k| {
                dash(k)
                    || (k + 1 < cue.first
                        && comma(k)
                        && tokens[k + 1].word
                        && lexicon::is(&text[tokens[k + 1].span], lexicon::Cue::ClauseBreak))
            })
            .map(|k| {
                if dash(k) {
                    Break::Tail(k)
                } else {
                    Break::Tail(k + 1)
                }
            });
    }
    let (speaker, _) = reported_speaker(text, tokens, cue)
        .or_else(|| clause_report(text, tokens, cue).map(|sp| (sp, None)))?;
    if speaker.end() > cue.span.start() {
        return None;
    }
    let at = token_from(tokens, speaker.start());
    if at >= 2
        && tokens[at - 1].word
        && lexicon::is(&text[tokens[at - 1].span], lexicon::Cue::ClauseBreak)
    {
        if comma(at - 2) {
            return Some(Break::Conjunction(at - 2));
        }
        // "Senators said they are convinced the agency erred and Democrats accused them": a
        // coordinator without a comma, when its subject is a name or a speaker noun's phrase.
        if lexicon::one_of(&text[tokens[at - 1].span], &["and", "but"]) {
            return Some(Break::Conjunction(at - 1));
        }
    }
    // "…, which, as various scholars have been screaming for years, represent …": a comment
    // clause of "as" set off by commas (Quirk et al. 1985, §15.54) reports the clause around
    // it, not the earlier report's. One before a quotation ("…, as Joe Biden put it, been
    // "left behind."") tags the quotation instead.
    let quotation_after = tokens[cue.next..]
        .iter()
        .any(|t| !t.word && matches!(&text[t.span], "\"" | "“" | "”" | "''"));
    if at >= 2
        && comma(at - 2)
        && tokens[at - 1].word
        && text[tokens[at - 1].span].eq_ignore_ascii_case("as")
        && !quotation_after
    {
        return Some(Break::Conjunction(at - 2));
    }
    (at >= 1 && comma(at - 1)).then(|| Break::Comma(at - 1))
}

/// A tag closing the sentence after a comma: its cue and its speaker. "…, says Epstein.",
/// "…, he said.", and with a trailing phrase after the tag: "…, Mr. Obama said in his
/// interview.", "…, said one source in the room.", "…, said Ann Lee, an adviser to the
/// family.", "…, other studies have shown.", "…, a survey of 900 firms shows.".
fn closing_tag(text: &str, marks: &marks::Marks, tokens: &[Token]) -> Option<(speaker::Cue, Span)> {
    let cue = (0..tokens.len())
        .rev()
        .find_map(|i| speaker::cue_at(text, tokens, i))?;
    closing_tag_at(text, marks, tokens, cue)
}

/// [`closing_tag`] with the sentence's last cue found.
fn closing_tag_at(
    text: &str,
    marks: &marks::Marks,
    tokens: &[Token],
    cue: speaker::Cue,
) -> Option<(speaker::Cue, Span)> {
    if cue.according || inside_quotation(marks, cue.span) || cue.first == 0 {
        return None;
    }
    let is = |i: usize, p: &str| tokens.get(i).is_some_and(|t| &text[t.span] == p);
    // ", says Epstein.": the speaker after the verb, then the end of the sentence or a
    // trailing phrase.
    if is(cue.first - 1, ",")
        && speaker::inverts(text, tokens, &cue)
        && let Some(sp) = speaker::after(text, tokens, cue.next, Place::NextToQuote)
        && tail_ends_sentence(text, marks, tokens, token_from(tokens, sp.end()))
    {
        return Some((cue, sp));
    }
    // ", he said.": the speaker between the comma and the verb, adverbs and auxiliaries
    // allowed between them ("…, other studies have shown.").
    if !tail_ends_sentence(text, marks, tokens, cue.next) {
        return None;
    }
    let sp = speaker::before(text, tokens, cue.first, Place::NextToQuote)
        .filter(|sp| {
            let start = token_from(tokens, sp.start());
            start > 0 && is(start - 1, ",")
        })
        .or_else(|| tag_subject(text, tokens, cue.first))?;
    Some((cue, sp))
}

/// The speaker of a verb of speech, writing or belief whose content clause follows it, where
/// the speaker rules of the cue alone find none or take the words after the verb for no
/// content: "that" or a subject pronoun opens the clause, right after the verb or after a
/// prepositional phrase ("Trump said after the convention he would …"), and the subject is a
/// noun phrase the speaker rules do not know ("The network said it would …", "A study that
/// appeared in the journal found that …" → "A study").
fn clause_report(text: &str, tokens: &[Token], cue: speaker::Cue) -> Option<Span> {
    if cue.according || matches!(cue.category, Reporting::Intention) {
        return None;
    }
    let word = |i: usize| tokens.get(i).filter(|t| t.word).map(|t| &text[t.span]);
    // "The engineer told the council that …": a verb that takes an object reports with a
    // noun-phrase subject only when its object, a few words without punctuation, is followed
    // by "that" and a clause; "told the story" or "told them to leave" report nothing here.
    if crux_lexicon::is_exactly(&text[cue.span], lexicon::Cue::ObjectCue) {
        if !hearer_then_clause(text, tokens, cue.next) {
            (cue.next + 1..(cue.next + 6).min(tokens.len()))
                .take_while(|&j| tokens[j].word)
                .find(|&j| {
                    word(j).is_some_and(|w| w.eq_ignore_ascii_case("that")) && word(j + 1).is_some()
                })?;
        }
        if coordinated(text, tokens, cue.first) {
            return None;
        }
        return noun_phrase_subject(text, tokens, cue.first, false);
    }
    // "that …", "he would …", "it was …": a clause opens at token `i`.
    let opens_clause = |i: usize| {
        let (Some(w), Some(next)) = (word(i), word(i + 1)) else {
            return false;
        };
        w.eq_ignore_ascii_case("that")
            || ((lexicon::is(w, lexicon::Cue::SpeakerPronoun) || lexicon::one_of(w, &["we", "I"]))
                && (w != "it"
                    || lexicon::is(next, lexicon::Cue::Auxiliary)
                    || lexicon::one_of(next, &["is", "was", "has", "had"])))
    };
    let first = word(cue.next)?;
    let after_phrase = lexicon::is(first, lexicon::Cue::CuePreposition);
    if after_phrase {
        // "said after the convention he would …": a clause after a prepositional phrase.
        (cue.next + 1..(cue.next + 8).min(tokens.len()))
            .take_while(|&j| tokens[j].word)
            .find(|&j| opens_clause(j))?;
        if let Some(sp) = speaker::before(text, tokens, cue.first, Place::Clause) {
            return Some(sp);
        }
    }
    // A bare clause or an object may follow the verb ("said the test could change that"),
    // as for a speaker the speaker rules know; a wh-word only opens a content clause after
    // the verb ("explained how …"), it is no subject.
    // Without a speaker the rules know, only an object or a clause that opens with a
    // determiner, a name or a number is taken ("said the test …", "claimed Baikal was …"):
    // "many news reports lump in …" is a noun, not the verb "reports".
    // A verb in "-ed" may be a participle after a noun ("the rules proposed last year"), one
    // in "-s" a plural noun; other forms ("said", "wrote", "thought") are finite verbs, and any
    // clause may follow them ("said federal officials were …").
    let verb = &text[cue.span];
    let unambiguous = !verb.ends_with("ed") && !verb.ends_with('s');
    let opens_phrase = unambiguous
        || lexicon::is(first, lexicon::Cue::SpeakerDeterminer)
        || mentions::is_determiner(first)
        || crate::words::capitalised(first)
        || first.starts_with(|c: char| c.is_ascii_digit());
    if !after_phrase && !opens_clause(cue.next) && !opens_phrase {
        return None;
    }
    if coordinated(text, tokens, cue.first) {
        return None;
    }
    // A finding's subject must be a source the speaker rules know ("the study"): "His record
    // shows that …" is the writer's inference.
    noun_phrase_subject(text, tokens, cue.first, cue.category == Reporting::Finding)
}

/// Whether a pronoun object at token `i` and a clause without "that" follow a verb that takes
/// an object ("told me he had come to regret it", "tells us they are ready"): the object
/// pronoun, then a subject pronoun or "there" and a word after it. "told them the news" and
/// "told them to leave" have no clause there.
fn hearer_then_clause(text: &str, tokens: &[Token], i: usize) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.word).map(|t| &text[t.span]);
    word(i).is_some_and(|w| lexicon::is(w, lexicon::Cue::ObjectPronoun))
        && word(i + 1).is_some_and(|w| {
            lexicon::is(w, lexicon::Cue::SubjectPronoun) || w.eq_ignore_ascii_case("there")
        })
        && word(i + 2).is_some()
}

/// The noun phrase before a reporting verb at token `first`, back to punctuation: without a
/// relative clause after its head ("A study that appeared in the journal" → "A study"), and
/// after a conjunction or a preposition that opens the clause ("After campaign aides", "and
/// the network"), unless the conjunction joins two nouns of the subject ("Experts on trade
/// and tariffs"). Accepted when it is a speaker phrase, or opens with a determiner, a number
/// or a capital, and has no clause word or reporting verb in it.
fn noun_phrase_subject(
    text: &str,
    tokens: &[Token],
    first: usize,
    known_source: bool,
) -> Option<Span> {
    const MAX: usize = 12;
    let end = speaker::skip_between(text, tokens, first);
    let start = (end.saturating_sub(MAX)..end)
        .rev()
        .find(|&i| !tokens[i].word && !matches!(&text[tokens[i].span], "'" | "’" | "-"))
        .map_or(end.saturating_sub(MAX), |i| i + 1);
    // The subject opens the sentence or follows a comma, a colon, a dash or a parenthesis:
    // not a quotation ("the \"positive\" thrust of the proposal described above").
    if start >= end
        || (start > 0
            && (tokens[start - 1].word
                || !matches!(
                    &text[tokens[start - 1].span],
                    "," | ";" | ":" | "(" | "-" | "–" | "—"
                )))
    {
        return None;
    }
    let run = &tokens[start..end];
    let first_word = tokens.iter().find(|t| t.word).map(|t| t.span);
    let is = |t: &Token, words: &[&str]| lexicon::one_of(&text[t.span], words);
    // A relative clause after the head: the phrase before the relative pronoun.
    let run = match run.iter().position(|t| is(t, &["that", "who", "which"])) {
        Some(0) => return None,
        Some(r) => &run[..r],
        None => run,
    };
    let accept = |words: &[Token]| {
        let Some(head) = words.first() else {
            return false;
        };
        let w = &text[head.span];
        let opens = (lexicon::is(w, lexicon::Cue::SpeakerDeterminer) && words.len() > 1)
            || crate::words::capitalised(w)
            || w.starts_with(|c: char| c.is_ascii_digit());
        // No clause word, auxiliary, reporting verb or conjunction but "and" / "or"; no
        // preposition at its head; no "-ing" form, which shows a verb phrase ("Obama in
        // letting the public think"; a capitalised one opening the sentence, after an
        // opening bracket or mark too: "(Having said that, …").
        let clean = !words.iter().any(|t| {
            let w = &text[t.span];
            let ing = w.len() > 4
                && w.ends_with("ing")
                && (!crate::words::capitalised(w) || Some(t.span) == first_word);
            lexicon::is(w, lexicon::Cue::SpeakerExcluded)
                || lexicon::is(w, lexicon::Cue::SpeakerBetween)
                || (lexicon::is(w, lexicon::Cue::SpeakerLeading)
                    && !lexicon::one_of(w, &["and", "or"]))
                || (t.span == head.span && lexicon::is(w, lexicon::Cue::SpeakerPreposition))
                || lexicon::cue_word(w).is_some_and(|c| c.single.is_some())
                || ing
        });
        let like = || speaker::speaker_like(text, words);
        clean
            && !speaker::no_head(text, words)
            && !speaker::writers_infinitive(text, words)
            && if known_source {
                like()
            } else {
                opens || like()
            }
    };
    // "After campaign aides insisted …": a subordinator opens the clause before its subject,
    // which must then be a speaker phrase.
    let run = match run.first() {
        Some(t)
            if run.len() > 1 && lexicon::is(&text[t.span], lexicon::Cue::SpeakerPreposition) =>
        {
            if !speaker::speaker_like(text, &run[1..]) {
                return None;
            }
            &run[1..]
        }
        _ => run,
    };
    // The clause opens after its last conjunction or subordinator; a preposition inside the
    // phrase post-modifies its head ("Experts on trade").
    let opener = run
        .iter()
        .rposition(|t| lexicon::is(&text[t.span], lexicon::Cue::SpeakerLeading));
    let words = match opener {
        Some(k) if accept(&run[k + 1..]) => &run[k + 1..],
        // "Experts on trade and tariffs": the conjunction joins nouns of the subject.
        Some(k) if is(&run[k], &["and", "or"]) && accept(run) => run,
        Some(_) => return None,
        None if accept(run) => run,
        None => return None,
    };
    Some(words[0].span.cover(words[words.len() - 1].span))
}

/// The speaker of a participle after a speech tag ("\"…,\" he said, adding he would …",
/// "…, said Ann Lee, noting that …"): the speaker of the nearest cue before the comma, within
/// the sentence and outside quotation marks.
fn participle_after_tag(
    text: &str,
    marks: &marks::Marks,
    tokens: &[Token],
    cue: speaker::Cue,
) -> Option<Span> {
    let is_participle =
        participle(text, tokens, cue) && cue.first > 1 && &text[tokens[cue.first - 1].span] == ",";
    if !is_participle || cue.category == Reporting::Intention && !infinitive(text, tokens, cue.next)
    {
        return None;
    }
    let tag = (cue.first.saturating_sub(14)..cue.first - 1)
        .rev()
        .filter_map(|j| speaker::cue_at(text, tokens, j))
        .find(|c| !c.according && !inside_quotation(marks, c.span))?;
    // A participle takes no subject after it: "blaming the US for the war, arguing …" names
    // the object of "blaming", not a speaker.
    speaker::before(text, tokens, tag.first, Place::NextToQuote)
        .or_else(|| {
            (!participle(text, tokens, tag))
                .then(|| speaker::after(text, tokens, tag.next, Place::NextToQuote))
                .flatten()
        })
        .filter(|sp| sp.end() < cue.span.start())
}

/// Whether at least three words stand before the closing tag at token `first` outside
/// quotation marks (else the tag belongs to a quotation before it).
fn closes_words(marks: &marks::Marks, tokens: &[Token], first: usize) -> bool {
    tokens[..first]
        .iter()
        .filter(|t| t.word && !inside_quotation(marks, t.span))
        .take(3)
        .count()
        == 3
}

/// The subject of a closing tag when it is no speaker phrase the speaker rules know ("a USA
/// TODAY analysis of newly filed reports shows"): the words between the comma and the verb,
/// a noun phrase of at most nine words opened by a determiner, a number or a capital, with no
/// clause word in it.
fn tag_subject(text: &str, tokens: &[Token], first: usize) -> Option<Span> {
    let end = speaker::skip_between(text, tokens, first);
    let comma = (end.saturating_sub(10)..end)
        .rev()
        .find(|&i| !tokens[i].word)
        .filter(|&i| &text[tokens[i].span] == ",")?;
    let words = &tokens[comma + 1..end];
    // "…, the festival has continued as planned.": an auxiliary, a conjunction or a
    // preposition shows a clause, not a subject.
    if words.iter().any(|t| {
        let w = &text[t.span];
        lexicon::is(w, lexicon::Cue::SpeakerBetween)
            || lexicon::is(w, lexicon::Cue::SpeakerLeading)
            || lexicon::is(w, lexicon::Cue::Auxiliary)
    }) || words
        .first()
        .is_some_and(|t| lexicon::is(&text[t.span], lexicon::Cue::SpeakerPreposition))
    {
        return None;
    }
    let opens = words.first().is_some_and(|t| {
        let w = &text[t.span];
        lexicon::is(w, lexicon::Cue::SpeakerDeterminer)
            || mentions::is_determiner(w)
            || crate::words::capitalised(w)
            || w.starts_with(|c: char| c.is_ascii_digit())
    });
    let clean = words.iter().all(|t| {
        let w = &text[t.span];
        !lexicon::is(w, lexicon::Cue::SpeakerExcluded)
            && !lexicon::is(w, lexicon::Cue::ContentOpener)
            && speaker::cue_at(text, tokens, token_from(tokens, t.span.start())).is_none()
    });
    (opens && clean && words.len() >= 2).then(|| words[0].span.cover(words[words.len() - 1].span))
}

/// Whether the sentence ends at token `i`, or only a trailing phrase of a tag stands before its
/// end: a prepositional phrase or a time ("in his interview", "on Tuesday", "last week"), or
/// an apposition after a comma (", an adviser to the family"), with no clause of its own (no
/// subject pronoun, complementiser, finite "be" or reporting verb) and no quotation.
fn tail_ends_sentence(text: &str, marks: &marks::Marks, tokens: &[Token], i: usize) -> bool {
    let ends = |t: &Token| !t.word && matches!(&text[t.span], "." | "!" | "?");
    let len = tokens[i.min(tokens.len())..]
        .iter()
        .take_while(|t| !ends(t))
        .count();
    if len == 0 {
        return true;
    }
    let tail = &tokens[i..i + len];
    let opens = {
        let w = &text[tail[0].span];
        w == ","
            || lexicon::is(w, lexicon::Cue::CuePreposition)
            || lexicon::is(w, lexicon::Cue::TimeOpener)
            || (crate::words::capitalised(w) && w.ends_with("day"))
    };
    opens
        && len <= 24
        && tail.iter().enumerate().all(|(k, t)| {
            let w = &text[t.span];
            if !t.word {
                return matches!(w, "," | "-" | "–" | "'" | "’" | ".")
                    && !inside_quotation(marks, t.span);
            }
            // "…, said Ann Lee, who runs the farm.": a relative clause of the speaker.
            if w == "who" {
                return k > 0;
            }
            !lexicon::is(w, lexicon::Cue::ContentOpener)
                && !lexicon::is(w, lexicon::Cue::SpeakerPronoun)
                && !lexicon::one_of(w, &["is", "are", "was", "were", "will", "would"])
                && speaker::cue_at(text, tokens, i + k).is_none()
                && !inside_quotation(marks, t.span)
        })
}

/// Whether the clause after a cue has at least three words of its own outside quotation marks
/// before the sentence or clause ends.
fn own_content(text: &str, marks: &marks::Marks, tokens: &[Token], from: usize) -> bool {
    let first = tokens.get(from);
    if first.is_none_or(|t| !t.word || inside_quotation(marks, t.span)) {
        return false;
    }
    // "believe that it \"puts people at risk\"": a complementiser and a subject of the
    // writer's own open indirect speech that quotes its predicate.
    let needed = if first.is_some_and(|t| text[t.span].eq_ignore_ascii_case("that")) {
        2
    } else {
        3
    };
    tokens[from..]
        .iter()
        .take_while(|t| t.word || !matches!(&text[t.span], "." | ";" | ":" | "!" | "?"))
        .filter(|t| t.word && !inside_quotation(marks, t.span))
        .take(needed)
        .count()
        == needed
}

/// Longest piece of content before a tag, in tokens.
const MAX_PIECE_TOKENS: usize = 30;

/// The writer's words that open the sentence before a tag set off by commas ("African-Americans,
/// he said, can …", "It was, the president said, "a stone …""): the words from the sentence's
/// start to the comma before the speaker, none inside quotation marks, when the tag's cue is
/// followed by a comma and the sentence goes on in lower case. `None` for a lone sentence
/// adverb or conjunction ("Then, he said, …").
fn piece_before_tag(
    text: &str,
    marks: &marks::Marks,
    tokens: &[Token],
    cue: speaker::Cue,
    speaker: Span,
) -> Option<Span> {
    let at = token_from(tokens, speaker.start());
    if !(2..=MAX_PIECE_TOKENS).contains(&at)
        || tokens.get(cue.next).is_none_or(|t| &text[t.span] != ",")
        || &text[tokens[at - 1].span] != ","
    {
        return None;
    }
    // The content goes on after the tag in lower case ("can …", "\"a stone …\""): the
    // sentence runs through the tag. A capital after it opens the quoted sentence, and the
    // words before the tag are an opening phrase ("In a statement, she said, \"We …").
    let goes_on = tokens[cue.next + 1..]
        .iter()
        .take(3)
        .find(|t| t.word)
        .is_some_and(|t| text[t.span].starts_with(|c: char| c.is_lowercase()));
    if !goes_on {
        return None;
    }
    let words = &tokens[..at - 1];
    let lone_adverb = match words {
        [one] => lexicon::is(&text[one.span], lexicon::Cue::SpeakerLeading),
        _ => false,
    };
    (!lone_adverb
        && words.first().is_some_and(|t| t.word)
        && words.iter().all(|t| {
            !inside_quotation(marks, t.span)
                && (t.word
                    || !matches!(
                        &text[t.span],
                        "\"" | "“" | "”" | "'" | "‘" | "’" | "." | ";" | ":"
                    ))
        }))
    .then(|| words[0].span.cover(words[words.len() - 1].span))
}

/// The speaker (and source) of a reporting cue that reports indirect speech, or `None` when
/// the cue reports nothing here (an object without a content clause, a preposition after
/// it, no speaker).
fn reported_speaker(
    text: &str,
    tokens: &[Token],
    cue: speaker::Cue,
) -> Option<(Span, Option<Span>)> {
    // "asked the United States for more access", "told them to leave": verbs that take an
    // object report speech only with a content clause ("told reporters that …").
    // "urged Republicans to join …": the content of an intention may be an object and an
    // infinitive.
    if crux_lexicon::is_exactly(&text[cue.span], lexicon::Cue::ObjectCue)
        && !tokens[cue.next..(cue.next + 6).min(tokens.len())]
            .iter()
            .any(|t| crux_lexicon::is_exactly(&text[t.span], lexicon::Cue::ContentOpener))
        && !hearer_then_clause(text, tokens, cue.next)
        // "has urged an increase to 1.26%": the object of a request after an article is the
        // thing requested, its content.
        && !(cue.category == Reporting::Intention
            && ((cue.next..(cue.next + 6).min(tokens.len())).any(|i| infinitive(text, tokens, i))
                || tokens.get(cue.next).is_some_and(|t| {
                    t.word && lexicon::is(&text[t.span], lexicon::Cue::Article)
                })))
    {
        return None;
    }
    let next = tokens.get(cue.next);
    let ends_sentence = |i: usize| {
        tokens
            .get(i)
            .is_none_or(|t| matches!(&text[t.span], "." | "!" | "?"))
    };
    let comma_before = cue.first > 0 && &text[tokens[cue.first - 1].span] == ",";
    if cue.according {
        let np = speaker::after(text, tokens, cue.next, Place::Clause)
            .or_else(|| speaker::after_phrase(text, tokens, cue.next))
            .filter(|&np| !speaker::measure_phrase(text, tokens, np))?;
        return Some(according_to(text, tokens, np));
    }
    // "…, said founder Mikhail Khodorkovsky." / "…, says Epstein.": the tag closes the
    // sentence, its speaker after the verb, the content before the comma.
    // A subject set off by an apposition before the verb ("Ann Lee, the mayor, said the
    // veto would fail.") is the speaker, not the clause after the verb.
    // A participle takes no subject after it ("…, citing her work on pensions.").
    // "Jesus, says St Paul, is the image …": the same tag between commas inside its content,
    // which goes on after it in lower case.
    let goes_on = |i: usize| {
        tokens.get(i).is_some_and(|t| &text[t.span] == ",")
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.word && text[t.span].starts_with(|c: char| c.is_lowercase()))
    };
    if comma_before
        && speaker::inverts(text, tokens, &cue)
        && let Some(sp) = speaker::after(text, tokens, cue.next, Place::NextToQuote)
        && let closes = ends_sentence(token_from(tokens, sp.end()))
        && (closes || goes_on(token_from(tokens, sp.end())))
        && (cue.first >= 3 || (!closes && cue.first == 2))
        && speaker::before(text, tokens, cue.first, Place::Clause).is_none()
    {
        return Some((named_after_role(text, tokens, sp).unwrap_or(sp), None));
    }
    // "Children's charities have reacted with alarm, saying the policy …": a participle's
    // speaker is the sentence's subject.
    if comma_before && participle(text, tokens, cue) {
        // "Recently, however, it issued a paper welcoming …": a pronoun subject.
        let pronoun = || {
            subject_start(text, tokens, cue.first)
                .filter(|&k| lexicon::is(&text[tokens[k].span], lexicon::Cue::SpeakerPronoun))
                .map(|k| tokens[k].span)
        };
        return sentence_subject(text, tokens, cue.first)
            .or_else(pronoun)
            .map(|sp| (sp, None));
    }
    if let Some(agent) = passive_agent(text, tokens, cue) {
        return Some((agent, None));
    }
    let sp = match speaker::before(text, tokens, cue.first, Place::Clause) {
        Some(sp) => sp,
        // "Authorities announced an arrest and said a curfew would continue": a verb
        // coordinated with an earlier one shares the sentence's subject.
        // "I laughed and said …": the subject of the verb before "and", when the content
        // follows the cue ("the speech it hates and fears." reports nothing).
        None if coordinated(text, tokens, cue.first) => next
            .filter(|t| t.word)
            .and_then(|_| first_conjunct_subject(text, tokens, cue.first, Place::Clause))
            .or_else(|| sentence_subject(text, tokens, cue.first))?,
        None => return None,
    };
    // A preposition after the verb ("explained from a podium", "asked about") means no
    // content clause follows, unless "that" opens one a few words on ("said in a statement
    // that …").
    // "said in a statement that …"; "says at a campaign stop in Toledo, Ohio, that …": a
    // "that" after a comma may stand further on, past a place.
    let content_later = || {
        let is_that = |t: &Token| text[t.span].eq_ignore_ascii_case("that");
        let window = &tokens[cue.next..(cue.next + 14).min(tokens.len())];
        window.iter().take(8).any(is_that)
            || window
                .windows(2)
                .any(|w| !w[0].word && &text[w[0].span] == "," && is_that(&w[1]))
    };
    // "But to prevent problems, he said, local officials should …": a tag between commas
    // inside its content.
    let parenthetical = comma_before && token_from(tokens, sp.start()) == cue.first
        || (token_from(tokens, sp.start()) > 0
            && &text[tokens[token_from(tokens, sp.start()) - 1].span] == ",");
    if parenthetical && next.is_some_and(|t| &text[t.span] == ",") {
        return Some((sp, None));
    }
    // "As several economists have pointed out, the levy will …", "The river, as one engineer
    // pointed out, rarely floods …": a clause of "as" and a report, opening the sentence or
    // set off by a comma, and closed by a comma (after a short phrase of time or place: "as
    // scholars have argued for years,"), reports the words of its sentence.
    let at = token_from(tokens, sp.start());
    let as_clause = at > 0
        && tokens[at - 1].word
        && text[tokens[at - 1].span].eq_ignore_ascii_case("as")
        && (at == 1 || &text[tokens[at - 2].span] == ",");
    if as_clause
        && let Some(c) = (cue.next..(cue.next + 4).min(tokens.len())).find(|&k| !tokens[k].word)
        && &text[tokens[c].span] == ","
        && (c == cue.next
            || lexicon::is(&text[tokens[cue.next].span], lexicon::Cue::CuePreposition))
    {
        return Some((sp, None));
    }
    // "what legal experts believe: this war is illegal": a colon after the cue opens a
    // content clause of the writer's words (a quotation after it is the quotation's).
    if next.is_some_and(|t| &text[t.span] == ":")
        && tokens.len() >= cue.next + 4
        && tokens[cue.next + 1..cue.next + 4].iter().all(|t| t.word)
    {
        return Some((sp, None));
    }
    // "Whole states are disintegrating", "UN member states have proposed", "Arab states and
    // organisations": a form in "-s" followed by a verb of its own or by "and" is a plural
    // noun, the head of its subject, not a verb of report.
    // A pronoun or "says" before such a word keeps it a verb ("that he says is maintained").
    let one_word = cue.next == cue.first + 1;
    let after_pronoun = cue.first > 0
        && lexicon::is(
            &text[tokens[cue.first - 1].span],
            lexicon::Cue::SubjectPronoun,
        );
    if one_word
        && !after_pronoun
        && text[cue.span].ends_with('s')
        && !text[cue.span].eq_ignore_ascii_case("says")
        && next.is_some_and(|t| {
            let w = &text[t.span];
            t.word
                && (lexicon::is(w, lexicon::Cue::PluralHeadFollower)
                    || lexicon::is(w, lexicon::Cue::Auxiliary))
        })
    {
        return None;
    }
    if !next.is_some_and(|t| {
        t.word
            && (!lexicon::is(&text[t.span], lexicon::Cue::CuePreposition)
                || content_later()
                || (cue.category == Reporting::Intention && infinitive(text, tokens, cue.next)))
    }) {
        // "…, the Americans said." closes the sentence: the content came first.
        if !ends_sentence(cue.next) || !tokens[..cue.first].iter().any(|t| &text[t.span] == ",") {
            return None;
        }
    }
    Some((sp, None))
}

/// Whether a cue is an "-ing" participle, alone or as the verb of a phrasal cue ("saying",
/// "calling for").
fn participle(text: &str, tokens: &[Token], cue: speaker::Cue) -> bool {
    text[tokens[cue.first].span].ends_with("ing")
}

/// The speaker of a passive cue, named in the by-phrase after it: "Her views were echoed by
/// Christine Rush", "as recommended by experts", "was first reported by The Washington Post".
fn passive_agent(text: &str, tokens: &[Token], cue: speaker::Cue) -> Option<Span> {
    let by = tokens.get(cue.next)?;
    if !(by.word && text[by.span].eq_ignore_ascii_case("by")) {
        return None;
    }
    // A form of "be" (adverbs between allowed: "was first reported"), or "as".
    let before = speaker::skip_between(text, tokens, cue.first);
    let aux = before
        .checked_sub(1)
        .map(|i| tokens[i])
        .filter(|t| t.word)
        .map(|t| text[t.span].to_ascii_lowercase())?;
    if !(aux == "as"
        || lexicon::is(&aux, lexicon::Cue::BeFinite)
        || lexicon::is(&aux, lexicon::Cue::BeNonfinite))
    {
        return None;
    }
    // "is expected by May", "was reported by 2020": "by" of a deadline, no agent. The time
    // nouns are the `time` class of caveat_senses.tsv.
    let deadline = tokens.get(cue.next + 1).is_some_and(|t| {
        // A month may carry the sentence's full stop as an abbreviation's ("May.").
        let w = text[t.span].trim_end_matches('.');
        w.starts_with(|c: char| c.is_ascii_digit())
            || crux_lexicon::lookup(w).is_some_and(|e| {
                e.of(crux_lexicon::Kind::CaveatSense)
                    .any(|s| s.words.len() == 1 && s.category == "time")
            })
    });
    if deadline {
        return None;
    }
    speaker::after(text, tokens, cue.next + 1, Place::Clause)
}

/// "a political party called Bodoland People's Front", "an organisation called Children
/// Against Carbide": a naming participle after an indefinite noun phrase gives a name; no one
/// speaks.
fn names_after_indefinite(text: &str, tokens: &[Token], cue: speaker::Cue) -> bool {
    lexicon::is(&text[cue.span], lexicon::Cue::NamingVerb)
        && (cue.first.saturating_sub(3)..cue.first).any(|k| {
            lexicon::one_of(&text[tokens[k].span], &["a", "an"])
                && tokens[k + 1..cue.first]
                    .iter()
                    .all(|t| t.word && !crate::words::capitalised(&text[t.span]))
        })
}

/// Whether a cue that is a past participle ("called", "reported"; "told", "said": "he is said
/// to have …") is a passive with no agent ("It's called diplomacy", "he was told to leave"),
/// which names no speaker: its subject is what was said or who heard it. It follows a form of "be", adverbs between allowed ("was first reported"), or a
/// pronoun contracted with "is" ("It's called").
fn passive(text: &str, tokens: &[Token], cue: speaker::Cue) -> bool {
    let verb = &text[tokens[cue.first].span];
    if !(verb.ends_with("ed") || lexicon::one_of(verb, &["told", "said"])) {
        return false;
    }
    let before = speaker::skip_between(text, tokens, cue.first);
    let Some(aux) = before.checked_sub(1).map(|i| tokens[i]).filter(|t| t.word) else {
        return false;
    };
    let w = &text[aux.span];
    let contracted = ["'s", "’s"].iter().any(|s| {
        w.strip_suffix(s)
            .is_some_and(|stem| lexicon::is(stem, lexicon::Cue::SubjectPronoun))
    });
    let by = tokens
        .get(cue.next)
        .is_some_and(|t| text[t.span].eq_ignore_ascii_case("by"));
    !by && (contracted
        || lexicon::is(w, lexicon::Cue::BeFinite)
        || lexicon::is(w, lexicon::Cue::BeNonfinite))
}

/// Whether token `i` opens an infinitive ("vowed to repeal", "urged them to join"): "to"
/// before a lower-case word that is no determiner, pronoun or other function word (which
/// would make "to" a preposition: "told to the press", "pledged to the fund").
fn infinitive(text: &str, tokens: &[Token], i: usize) -> bool {
    let is_to = tokens
        .get(i)
        .is_some_and(|t| t.word && text[t.span].eq_ignore_ascii_case("to"));
    is_to
        && tokens.get(i + 1).is_some_and(|t| {
            let w = &text[t.span];
            t.word
                && w.starts_with(|c: char| c.is_ascii_lowercase())
                && !mentions::function_word(w)
                && !mentions::is_determiner(w)
                && !lexicon::is(w, lexicon::Cue::SpeakerPronoun)
        })
}

/// Whether the cue at token `first` is a verb coordinated with an earlier one of its clause:
/// "and" (after a comma or not) right before it, adverbs between allowed ("and later said").
fn coordinated(text: &str, tokens: &[Token], first: usize) -> bool {
    let end = speaker::skip_between(text, tokens, first);
    end > 1 && tokens[end - 1].word && text[tokens[end - 1].span].eq_ignore_ascii_case("and")
}

/// Splits the phrase after "according to" into speaker and source: "Ginger Thompson's piece in
/// the New York Times" → speaker "Ginger Thompson", source "the New York Times".
pub(super) fn according_to(text: &str, tokens: &[Token], np: Span) -> (Span, Option<Span>) {
    let words: Vec<&Token> = tokens.iter().filter(|t| np.contains_span(t.span)).collect();
    // The possessor: "Ginger Thompson's piece".
    // The suffix's length comes from the text: the curly "’s" is four bytes, the straight "'s" two.
    let possessive_len = |t: &Token| {
        let w = &text[t.span];
        ["'s", "’s"]
            .iter()
            .find(|s| w.len() > s.len() && w.ends_with(*s))
            .map(|s| s.len())
    };
    let possessor = words
        .iter()
        .enumerate()
        .find_map(|(i, t)| possessive_len(t).map(|len| (i, len)));
    let speaker = match possessor {
        Some((p, len)) => Span::new(words[0].span.start(), words[p].span.end() - len),
        None => np,
    };
    let source = publication_after(text, tokens, np.end())
        .or_else(|| (possessor.is_none() && is_text_noun(text, &words)).then_some(np));
    (speaker, source)
}

fn is_text_noun(text: &str, words: &[&Token]) -> bool {
    words
        .last()
        .is_some_and(|t| lexicon::speaker_noun(&text[t.span]) == Some(SpeakerNoun::Text))
}

/// "in the New York Times": a publication named right after a speaker phrase.
pub(super) fn publication_after(text: &str, tokens: &[Token], from: usize) -> Option<Span> {
    let i = token_from(tokens, from);
    let prep = tokens.get(i)?;
    if !lexicon::is_exactly(&text[prep.span], lexicon::Cue::PublicationPreposition) {
        return None;
    }
    let mut j = i + 1;
    let start = j;
    if tokens
        .get(j)
        .is_some_and(|t| text[t.span].eq_ignore_ascii_case("the"))
    {
        j += 1;
    }
    let names_start = j;
    while tokens
        .get(j)
        .is_some_and(|t| t.word && crate::words::capitalised(&text[t.span]))
    {
        j += 1;
    }
    (j > names_start).then(|| tokens[start].span.cover(tokens[j - 1].span))
}

#[cfg(test)]
mod tests {
    /// (kind, text, speaker) of every quote of `text`.
    fn quotes(text: &str) -> Vec<(String, String, Option<String>)> {
        crate::parse(text)
            .document
            .quotes
            .into_iter()
            .map(|q| (format!("{:?}", q.kind), q.text, q.speaker.map(|s| s.text)))
            .collect()
    }

    #[test]
    fn doubled_straight_marks_continue_a_speaker() {
        // The New York Times archive prints quotation marks as two apostrophes.
        let got = quotes("''It's embarrassing,'' Mr. Rubel said. ''The stock didn't do well.''");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter()
                .all(|q| q.0 == "Direct" && q.2.as_deref() == Some("Mr. Rubel"))
        );
    }

    #[test]
    fn pronouns_resolve() {
        let doc = crate::parse(
            "Officials said the base was new. \"We will stay,\" they said. Ginger Thompson wrote \
             about it. \"It is big,\" she said.",
        )
        .document;
        let canonical: Vec<Option<String>> = doc
            .quotes
            .iter()
            .filter(|q| q.kind == crate::QuoteKind::Direct)
            .map(|q| q.speaker.as_ref().and_then(|s| s.canonical.clone()))
            .collect();
        assert_eq!(
            canonical,
            [
                Some("Officials".to_owned()),
                Some("Ginger Thompson".to_owned())
            ]
        );
    }

    /// (text, speaker text, canonical, resolution) of a direct or partial quote.
    type Attributed = (String, Option<String>, Option<String>, Option<String>);

    fn speakers(text: &str) -> Vec<Attributed> {
        crate::parse(text)
            .document
            .quotes
            .into_iter()
            .filter(|q| matches!(q.kind, crate::QuoteKind::Direct | crate::QuoteKind::Partial))
            .map(|q| {
                let sp = q.speaker.as_ref();
                (
                    q.text.clone(),
                    sp.map(|s| s.text.clone()),
                    sp.and_then(|s| s.canonical.clone()),
                    sp.and_then(|s| s.resolution).map(|r| format!("{r:?}")),
                )
            })
            .collect()
    }

    #[test]
    fn pronouns_find_people_not_organisations_or_quoted_words() {
        // "he" is the person named before, not the organisation named after him, nor a
        // name inside a quotation.
        let got = speakers(
            "Pat Quinlan, chief executive of Harbour Logistics Network, spoke on Monday. \
             \"Ask Maria Lopez about it,\" he said.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].2.as_deref(), Some("Pat Quinlan"), "{got:?}");
        assert_eq!(got[0].3.as_deref(), Some("Pronoun"));
        // Gender: "she" skips the man named last.
        let got = speakers(
            "Ms Dana Frye chairs the board, and Mr Olsen advises it. \"We will grow,\" she said.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Dana Frye"), "{got:?}");
    }

    #[test]
    fn an_untagged_quotation_paragraph_continues_the_report_before_it() {
        // News runs a speaker's quotation on from the paragraph that reported them.
        let got = speakers(
            "Forestry Minister Jo Kay says the job losses will hurt the town.\n\n\"I am \
             very disappointed when people lose their jobs.\n\n\"It is a commercial decision.\"",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        for g in &got {
            assert_eq!(g.1.as_deref(), Some("Forestry Minister Jo Kay"), "{got:?}");
        }
        // A finding is not speech: its subject does not speak the next paragraph's words.
        let got = speakers(
            "A new survey shows that rents rose again.\n\n\"Nobody expected this to last.\"",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, None, "{got:?}");
    }

    #[test]
    fn a_speakers_place_of_marks_alone_names_nobody_and_does_not_panic() {
        // The words before the cue end in a dash-bounded aside: what is left in the speaker's
        // place is the closing dash, no word (this panicked on a PolNeAR train article).
        let got =
            quotes("The brand - pitched as \"the place for Women\" - noted that it offers leave.");
        assert!(
            got.iter()
                .all(|(_, _, speaker)| speaker.as_deref() != Some("-")),
            "{got:?}"
        );
    }

    #[test]
    fn a_verb_form_after_a_names_possessive_is_a_noun() {
        // "Mrs Vane's remarks were …": "remarks" is a noun; the quotation is the reporting
        // sentence's, whose speaker is "He".
        let got =
            speakers("He said Mrs Vane's remarks were \"the words of a minister out of touch\".");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("He"), "{got:?}");
        // A pronoun's or a deictic's "'s" is a contraction: the verb after it still reports.
        let got = super::test_reports("That's according to officials at the port.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("officials"), "{got:?}");
        let got = super::test_reports("The Gazette's reports say the port will close.");
        assert!(
            got.iter().all(|r| r.2.as_deref() != Some("reports")),
            "{got:?}"
        );
    }

    #[test]
    fn pronouns_skip_names_in_an_object_or_oblique_place() {
        // A name after a lower-case word ("the Mill Green ward", "skilled Vane Motors staff",
        // "including Harbour Forums") is not where a pronoun's antecedent stands; the person
        // named as a subject before it is.
        for (text, who) in [
            (
                "East Vale MP Karen Doyle, who also sits for the Mill Green ward, said the \
                 charge was unfair.\n\n\"It will hit those who can least afford it,\" she said.",
                "Karen Doyle",
            ),
            (
                "Mrs Ruth Allen spoke to the Herald. She was asked whether skilled Vane Motors \
                 staff should apply.\n\nShe said: \"They will find work.\"",
                "Ruth Allen",
            ),
            (
                "Board chairman Tom Reyes has promised talks through bodies including Harbour \
                 Forums.\n\n\"We will listen,\" he said.",
                "Tom Reyes",
            ),
        ] {
            let got = speakers(text);
            let q = got.iter().rfind(|g| g.1.is_some()).expect("a speaker");
            assert_eq!(q.2.as_deref(), Some(who), "{text}: {got:?}");
        }
        // A name that opens its sentence is still the likeliest "he", though not yet a speaker.
        let got =
            speakers("Dr Ann Reed spoke first. Tom Gale arrived later. \"I agree,\" he said.");
        assert_eq!(got[0].2.as_deref(), Some("Tom Gale"), "{got:?}");
    }

    #[test]
    fn a_name_in_apposition_after_a_description_is_the_speaker() {
        // The description only says what the speaker is; the name says who.
        let text = "\"The plan is sound,\" said a farmer. The harbour master, Ida Cole, said \
                    \"the quay will close\" in May.";
        let got = speakers(text);
        let cole = got
            .iter()
            .find(|g| g.0.contains("quay"))
            .expect("the quotation");
        assert_eq!(cole.1.as_deref(), Some("Ida Cole"), "{got:?}");
        // A name before its description stays the speaker.
        let got = speakers("Mr Olsen, the treasurer, said \"we will grow\" next year.");
        assert_eq!(got[0].1.as_deref(), Some("Mr Olsen"), "{got:?}");
    }

    #[test]
    fn a_plural_possessive_stays_in_the_speaker() {
        for (text, speaker) in [
            (
                "Tenants' groups said that they feared the rent rise.",
                "Tenants' groups",
            ),
            (
                "The drivers’ union said the new rota was unsafe.",
                "The drivers’ union",
            ),
        ] {
            let parsed = crate::parse(text);
            let got = parsed
                .document
                .quotes
                .iter()
                .find_map(|q| q.speaker.as_ref());
            assert_eq!(got.map(|s| s.text.as_str()), Some(speaker), "{text}");
        }
    }

    #[test]
    fn titles_roles_and_surnames_are_one_speaker() {
        let text = "Treasury chancellor Gordon Brown spoke. \"Rates stay,\" said Mr Brown. \
                    \"Growth is strong,\" the chancellor said.";
        let got = speakers(text);
        assert_eq!(got[0].2.as_deref(), Some("Gordon Brown"), "{got:?}");
        assert_eq!(got[0].3.as_deref(), Some("Named"));
        assert_eq!(got[1].2.as_deref(), Some("Gordon Brown"), "{got:?}");
        assert_eq!(got[1].3.as_deref(), Some("Description"));
    }

    #[test]
    fn quotation_continued_over_paragraphs_keeps_its_speaker() {
        // News style: each paragraph of one quotation opens with a mark and only the last
        // closes; the parts are one speaker's words.
        let text = "Ruth Adler, a farmer, was angry.\n\n\"The rain came late this year.\n\n\
                    \"We lost the harvest,\" she said.\n\n\"Nobody helped us.\"\n\nThe town met.";
        let got = speakers(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[0].0, "\"The rain came late this year.");
        for q in &got {
            assert_eq!(q.2.as_deref(), Some("Ruth Adler"), "{got:?}");
        }
        assert_eq!(got[0].3.as_deref(), Some("Continued"));
        assert_eq!(got[2].3.as_deref(), Some("Continued"));
    }

    #[test]
    fn continued_sentence_without_paragraph_break() {
        let got = speakers(
            "\"Costs rose,\" said Ian Moss, the firm's director. \"We cut jobs. \"Then we cut pay.\"",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got.iter().all(|q| q.1.as_deref() == Some("Ian Moss")),
            "{got:?}"
        );
    }

    #[test]
    fn post_posed_tags() {
        let cases = [
            (
                "\"It works,\" said the agency's chief engineer, Tom Hale.",
                "Tom Hale",
            ),
            ("\"Is it safe?\" people would ask you, says Hale.", "Hale"),
            ("He said:\"We are ready.\"", "He"),
            (
                "The minister meanwhile said the plan was fair. \"Nobody loses.\"",
                "The minister",
            ),
        ];
        for (text, speaker) in cases {
            let got = speakers(text);
            assert!(
                got.iter().any(|q| q.1.as_deref() == Some(speaker)),
                "{text}: {got:?}"
            );
        }
    }

    /// (text, speaker) of every reported statement.
    /// Asserts that `text` holds one attribution, whose speaker (of those `got`) is `speaker`.
    fn one_speaker(text: &str, got: Vec<Option<String>>, speaker: &str) {
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        assert_eq!(got[0].as_deref(), Some(speaker), "{text}: {got:?}");
    }

    /// Asserts that one of the reports of `text` has `speaker` as its speaker.
    fn has_speaker(text: &str, speaker: &str) {
        let got = reports(text);
        assert!(
            got.iter().any(|r| r.1.as_deref() == Some(speaker)),
            "{text}: {got:?}"
        );
    }

    fn reports(text: &str) -> Vec<(String, Option<String>)> {
        crate::parse(text)
            .document
            .quotes
            .into_iter()
            .filter(|q| q.kind == crate::QuoteKind::Reported)
            .map(|q| (q.text, q.speaker.map(|s| s.text)))
            .collect()
    }

    #[test]
    fn a_clause_with_its_own_subject_and_cue_is_its_own_report() {
        let cases: [(&str, &[(&str, &str)]); 4] = [
            (
                "Some analysts have predicted fares will fall, although others argue the airlines may raise them first.",
                &[
                    (
                        "Some analysts have predicted fares will fall",
                        "Some analysts",
                    ),
                    ("others argue the airlines may raise them first.", "others"),
                ],
            ),
            (
                "Senators said they were convinced the agency erred and Democrats accused them of delay.",
                &[
                    (
                        "Senators said they were convinced the agency erred",
                        "Senators",
                    ),
                    ("Democrats accused them of delay.", "Democrats"),
                ],
            ),
            (
                "While his aides have suggested the plan is a compromise, the governor said it would pass.",
                &[
                    (
                        "his aides have suggested the plan is a compromise",
                        "his aides",
                    ),
                    ("the governor said it would pass.", "the governor"),
                ],
            ),
            // Without a subject of its own the clause stays in the first report's content.
            (
                "Residents said they were relieved, although several warned that rents could rise.",
                &[(
                    "Residents said they were relieved, although several warned that rents could rise.",
                    "Residents",
                )],
            ),
        ];
        for (text, want) in cases {
            let got = reports(text);
            let want: Vec<(String, Option<String>)> = want
                .iter()
                .map(|(t, s)| (t.to_string(), Some(s.to_string())))
                .collect();
            assert_eq!(got, want, "{text}");
        }
        // A participle takes no subject after it, and "including" opens no speaker.
        for text in [
            "The mayor praised the plan, citing her work on pensions.",
            "Tom Reyes answered with attacks on Lee, including Friday's posts calling her a liar.",
        ] {
            let got = reports(text);
            assert!(
                got.iter()
                    .all(|r| r.1.as_deref() != Some("her work on pensions")
                        && !r.1.as_deref().is_some_and(|s| s.starts_with("including"))),
                "{text}: {got:?}"
            );
        }
        // A closing "according to" after a dash reports the clause after the dash.
        assert_eq!(
            reports(
                "A council spokesman stressed these are temporary repairs - not to mention that the road is already closed at night, according to the local paper."
            ),
            vec![
                (
                    "A council spokesman stressed these are temporary repairs".to_string(),
                    Some("A council spokesman".to_string())
                ),
                (
                    "not to mention that the road is already closed at night, according to the local paper.".to_string(),
                    Some("the local paper".to_string())
                ),
            ]
        );
        // The content of a cue before a colon follows the colon.
        assert_eq!(
            reports(
                "Few listen to what doctors across the region think: the clinic must stay open."
            ),
            vec![(
                "what doctors across the region think: the clinic must stay open.".to_string(),
                Some("doctors across the region".to_string())
            )]
        );
        // A subordinate clause first splits off only where a subordinator opens the sentence.
        let got = reports(
            "When the mayor said the bridge was safe, the engineers warned that it was not.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn reported_speech_classes() {
        let cases = [
            // Words between subject and verb.
            (
                "The mayor on Friday said the bridge would reopen.",
                "The mayor",
            ),
            ("The agency this week said prices had risen.", "The agency"),
            // A post-modified speaker.
            (
                "Tom Reyes of the Farmers Union said the harvest was poor.",
                "Tom Reyes of the Farmers Union",
            ),
            // The tag after the content, the speaker after the verb.
            (
                "The harvest was the worst in years, said farmer Tom Reyes.",
                "farmer Tom Reyes",
            ),
            // A participle whose speaker is the sentence's subject.
            (
                "Farmers' groups reacted angrily, saying the subsidy was too small.",
                "Farmers' groups",
            ),
            // A pronoun after an opening phrase.
            (
                "Speaking after the vote he said the fight would go on.",
                "he",
            ),
            // "according to" with a plain noun phrase.
            (
                "According to research published today, most towns grew.",
                "research published today",
            ),
            // A short description before a one-word name.
            (
                "Retail giant Omnimart says sales fell.",
                "Retail giant Omnimart",
            ),
            // A phrasal participle's subject is the sentence's.
            (
                "A group of bakers in 2019 sent a letter to the mayor, calling for his resignation.",
                "A group",
            ),
            // A participle's subject after an opening phrase set off by a comma.
            (
                "Alarmed by the polls, the mayor revised her plan, promising to cut fares.",
                "the mayor",
            ),
            (
                "At a rally on Monday, the Union of Bakers called the tax unfair, citing its cost to small shops.",
                "the Union of Bakers",
            ),
            (
                "Lately, however, it issued a report, saying the plan would work.",
                "it",
            ),
            // A speaker post-modified by a participle.
            (
                "A Harbor College survey released in late June found that most tenants want repairs.",
                "A Harbor College survey released in late June",
            ),
            // An initialism in brackets inside the speaker phrase.
            (
                "There was more bad news, as the National Farmers Union (NFU) survey showed that yields fell.",
                "the National Farmers Union (NFU) survey",
            ),
            // A speaker post-modified by a phrase of place or domain.
            (
                "Few listen to what doctors across the region think: the clinic must stay open.",
                "doctors across the region",
            ),
            (
                "Experts on trade said the tariff would raise prices.",
                "Experts on trade",
            ),
        ];
        for (text, speaker) in cases {
            has_speaker(text, speaker);
        }
    }

    #[test]
    fn as_clauses_light_verbs_requests_and_manner_of_speaking_report() {
        for (text, speaker) in [
            // An "as" clause of report opening the sentence, or set off inside it.
            (
                "As several economists have pointed out, the new levy will fall hardest on renters.",
                "several economists",
            ),
            (
                "The river, as an official pointed out, rarely floods twice in a year.",
                "an official",
            ),
            (
                "The fees, which, as local historians shouted at the time, broke the town charter, were raised again.",
                "local historians",
            ),
            // A light-verb report phrase.
            (
                "At the same time she made it clear she would block any new tax on farms.",
                "she",
            ),
            (
                "Ms. Okafor made clear that she will not back the plan.",
                "Ms. Okafor",
            ),
            // A request whose object is the thing requested.
            (
                "The European Council has urged an increase in the fisheries budget.",
                "The European Council",
            ),
            // A possessive does not end the subject of a participle.
            (
                "Children's charities have reacted with alarm, saying the policy goes too far.",
                "Children's charities",
            ),
            // A verb of manner of speaking.
            (
                "Ms. Okafor muttered that the count was wrong.",
                "Ms. Okafor",
            ),
        ] {
            has_speaker(text, speaker);
        }
        // A subject after a dash opens a report of its own; the clause before it is the
        // writer's.
        let text = "Farmers want the levy capped at 2% - the Fisheries Council has urged an increase to 3%.";
        let got = reports(text);
        assert_eq!(
            got,
            [(
                "the Fisheries Council has urged an increase to 3%.".to_owned(),
                Some("the Fisheries Council".to_owned())
            )],
            "{text}"
        );
        // The base form after "to" or a modal reports nothing; nor does "as" in a
        // comparison.
        for text in [
            "We need to make it clear to voters.",
            "The harbour is as busy as the officials had said.",
            "The council urged.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn the_words_before_a_mid_sentence_tag_are_a_piece_of_the_content() {
        // The sentence runs on through the tag in lower case: the words before it are the
        // content's first piece, held by the tag's speaker.
        for (text, piece, speaker) in [
            (
                "Farmers, he said, can \"grow like weeds\" this year.",
                "Farmers",
                "he",
            ),
            (
                "It was, the mayor said, \"a mess from start to finish.\"",
                "It was",
                "the mayor",
            ),
        ] {
            let got = reports(text);
            assert!(
                got.iter()
                    .any(|r| r.0 == piece && r.1.as_deref() == Some(speaker)),
                "{text}: {got:?}"
            );
        }
        // An opening phrase before a tag whose quotation opens a sentence, or a lone
        // adverb, is no piece.
        for text in [
            "In a statement, the mayor said, \"We will rebuild the pier.\"",
            "Then, he said, \"we will see.\"",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn evidence_and_filings_state_findings_and_a_noun_before_a_cue_is_no_cue() {
        for (text, speaker) in [
            (
                "Another chart shows that nine of ten pears eaten in the region are grown abroad.",
                "Another chart",
            ),
            (
                "The state average shows the mayor likewise ahead by four points.",
                "The state average",
            ),
            (
                "The lawsuit says the company hid the losses for years.",
                "The lawsuit",
            ),
            // "reports" before "shows" is the plural noun of the subject.
            (
                "Donations to the fund hit a record in May, a Gazette analysis of newly filed campaign reports shows.",
                "a Gazette analysis of newly filed campaign reports",
            ),
        ] {
            has_speaker(text, speaker);
            let got = reports(text);
            assert!(
                got.iter().all(|r| r.1.as_deref() == Some(speaker)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn evidence_nouns_state_findings() {
        // Data, figures and statistics state a finding, with a noun-phrase content too.
        for (text, speaker) in [
            (
                "Recent data has pointed to a slump in orders for farm machinery.",
                "Recent data",
            ),
            (
                "The latest figures show a steep fall in rents.",
                "The latest figures",
            ),
            (
                "Official statistics suggest that fewer ferries sailed this winter.",
                "Official statistics",
            ),
        ] {
            one_speaker(
                text,
                reports(text).into_iter().map(|g| g.1).collect(),
                speaker,
            );
        }
    }

    #[test]
    fn according_to_a_source_with_a_time_in_it() {
        let got = reports(
            "Ferry fares rose sharply, according to a survey earlier this month from the \
             Harbour Pilots Association.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].1.as_deref(),
            Some("a survey earlier this month from the Harbour Pilots Association"),
            "{got:?}"
        );
        // "this" with no noun after it is no time: no speaker phrase.
        assert!(reports("Ferry fares rose, according to this.").is_empty());
    }

    #[test]
    fn an_initialism_takes_the_full_name_it_stands_for() {
        let canonical = |text: &str| -> Vec<Option<String>> {
            crate::parse(text)
                .document
                .quotes
                .into_iter()
                .filter_map(|q| q.speaker.map(|s| s.canonical))
                .collect()
        };
        assert_eq!(
            canonical(
                "The Harbour Pilots Association met on Monday. The HPA said fares would rise."
            ),
            [Some("Harbour Pilots Association".to_owned())]
        );
        // Named only after it: no antecedent.
        assert_eq!(
            canonical("The HPA said fares would rise. The Harbour Pilots Association agreed."),
            [None]
        );
    }

    #[test]
    fn subjects_with_members_colons_and_wh_clauses() {
        // A dashed "including" parenthesis names the speaker's members; another aside does not.
        let got = reports("Local groups - including Osk and Lind - believe the fares will rise.");
        assert_eq!(
            got[0].1.as_deref(),
            Some("Local groups - including Osk and Lind"),
            "{got:?}"
        );
        let got = reports("Local groups - there are nine - believe the fares will rise.");
        assert_eq!(got[0].1.as_deref(), Some("Local groups"), "{got:?}");
        // A colon after the cue opens the content.
        let got = reports("Harbour officials believe: the new quay is too shallow.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Harbour officials"), "{got:?}");
        // A wh-word opens the clause the subject stands in.
        let got = speakers(
            "The boats take what the harbour pilots are calling the \"worst route on the coast\".",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("the harbour pilots"), "{got:?}");
    }

    #[test]
    fn party_and_place_labels_stand_between_speaker_and_cue() {
        for (text, speaker) in [
            (
                "\"The ferry must stay,\" Rep. Ann Lee (D-Md.) said in an interview.",
                "Rep. Ann Lee",
            ),
            (
                "\"The ferry must stay,\" Sen. Tim Osk, R-Ky., said Tuesday.",
                "Sen. Tim Osk",
            ),
        ] {
            one_speaker(
                text,
                speakers(text).into_iter().map(|g| g.1).collect(),
                speaker,
            );
        }
    }

    #[test]
    fn the_clause_after_a_verb_is_no_speaker() {
        // An apposition before the verb: its subject speaks, not the clause after it.
        for text in [
            "Tim Osk, the harbour master, said the ferry would stop.",
            "Tim Osk, R-Ky., said the economy had slowed.",
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some("Tim Osk"), "{text}: {got:?}");
        }
        // A modal shows a clause; capitalised, the same word may be a name.
        let got = speakers("\"It is over,\" said Will Osk.");
        assert_eq!(got[0].1.as_deref(), Some("Will Osk"), "{got:?}");
    }

    #[test]
    fn a_quotation_after_a_reporting_sentence_is_its_speakers() {
        // No tag in its own sentence: the sentence before, in the same paragraph, names the
        // speaker (here in a tag closing that sentence).
        let got = speakers(
            "Fares went up again. That should worry nobody, says Dana Whit. We should be glad \
             that the boats \"carry more people than ever before and run on time.\"",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Dana Whit"), "{got:?}");
        // A term stays a term, and a new paragraph is not the speaker's.
        let got = speakers(
            "That should worry nobody, says Dana Whit.\n\nWe should be glad that the boats \
             \"carry more people than ever before and run on time.\"",
        );
        assert!(got.iter().all(|q| q.1.is_none()), "{got:?}");
    }

    #[test]
    fn a_pronoun_refers_to_the_subject_of_its_own_sentence() {
        let canonical = |text: &str| -> Vec<Option<String>> {
            crate::parse(text)
                .document
                .quotes
                .into_iter()
                .filter_map(|q| q.speaker)
                .filter(|s| s.text == "he")
                .map(|s| s.canonical)
                .collect()
        };
        // The person who spoke before is not the antecedent when the pronoun's own sentence
        // opens with another name.
        assert_eq!(
            canonical(
                "Ben Ostrow said the port was open. Carl Dunn arrived later. Dunn closed the \
                 meeting as he said that the bridge was cheap."
            ),
            [Some("Carl Dunn".to_owned())]
        );
        // A heading in capitals run into the sentence is no subject.
        assert_eq!(
            canonical(
                "Ben Ostrow said the port was open. THE BRIDGE Later when he spoke again, he \
                 said that the bridge was cheap."
            )
            .last(),
            Some(&Some("Ben Ostrow".to_owned()))
        );
    }

    #[test]
    fn a_list_of_subjects_speaks_together() {
        for (text, speaker) in [
            (
                "Nora Vale and Tim Osk said the ferry would stop running.",
                "Nora Vale and Tim Osk",
            ),
            (
                "Ada Kirr, Bo Lund and other scholars have shown that the dam leaks.",
                "Ada Kirr, Bo Lund and other scholars",
            ),
            // A phrase of time before the list is no conjunct.
            (
                "Late on Tuesday, Nora Vale and Tim Osk said the ferry would stop.",
                "Nora Vale and Tim Osk",
            ),
        ] {
            one_speaker(
                text,
                reports(text).into_iter().map(|g| g.1).collect(),
                speaker,
            );
        }
        // A list is a group: "they" refers back to it, and it names no one person.
        let doc = crate::parse(
            "Nora Vale and Tim Osk said the ferry would stop. \"It is over,\" they said.",
        )
        .document;
        let they = doc
            .quotes
            .iter()
            .find(|q| q.kind == crate::QuoteKind::Direct)
            .and_then(|q| q.speaker.as_ref())
            .and_then(|s| s.canonical.clone());
        assert_eq!(they.as_deref(), Some("Nora Vale and Tim Osk"));
    }

    #[test]
    fn a_report_after_a_conjunction_starts_at_its_subject() {
        // The clause before "as" is the writer's; the report is the statistics'.
        let got = reports(
            "There was more bad news for the port, as the harbour statistics revealed that \
             cargo volumes fell again.",
        );
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].0.starts_with("the harbour statistics revealed"),
            "{got:?}"
        );
        // A tag that ends its clause reports what came before it: the clause is kept whole.
        let got = reports("Cargo volumes fell again, as analysts had expected.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("Cargo volumes"), "{got:?}");
    }

    #[test]
    fn a_closing_tag_holds_the_cues_of_its_content() {
        // A cue inside the content ("think", "believe") does not take the pronoun or noun
        // before it as the speaker: the tag closing the sentence names the speaker.
        let got = reports("They would think the price was a mistake, says Dana Whit.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Dana Whit"), "{got:?}");
        let got = reports("Farmers believe the rain will come late this year, she said.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("she"), "{got:?}");
        // The tag of a quotation also reports the writer's words before it.
        let got = reports("\"Is it safe?\" they would ask you every day, says Dana Whit.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Dana Whit"), "{got:?}");
        // Without a closing tag the cue keeps its own speaker.
        let got = reports("The officials think the price was a mistake.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("The officials"), "{got:?}");
    }

    #[test]
    fn closing_tags_with_a_trailing_phrase_or_a_plain_subject() {
        for (text, speaker) in [
            (
                "Ferry fares could double by spring, Mayor Lind said in her address.",
                "Mayor Lind",
            ),
            (
                "The vote was rigged from the start, said one union steward in the hall.",
                "one union steward",
            ),
            (
                "The harvest will be late, said Tom Reyes, a grower near the lake.",
                "Tom Reyes",
            ),
            (
                "Small towns lose a tenth of their shops each decade, two surveys have shown.",
                "two surveys",
            ),
            (
                "Half the boats in the harbour are older than forty years, one chart says.",
                "one chart",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, text, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
        // A clause after the tag is no trailing phrase: the tag does not close the sentence.
        let got = reports("The boats were old, the skipper said in May that they would sink.");
        assert!(
            got.iter().all(|r| r.1.as_deref() == Some("the skipper")),
            "{got:?}"
        );
        // A quotation before the tag is its direct quote, not a report.
        assert!(reports("\"We will sail,\" Mayor Lind said in her address.").is_empty());
    }

    #[test]
    fn noun_phrase_subjects_of_a_content_clause() {
        for (text, speaker) in [
            // A subject the speaker nouns do not know, before a clause.
            (
                "The ferry line said it would cut the night service.",
                "The ferry line",
            ),
            (
                "Lindport's newspapers claimed that the mayor had sold the pier.",
                "Lindport's newspapers",
            ),
            // Two nouns joined inside the subject.
            (
                "Experts on tides and harbour silt said the channel could close by May.",
                "Experts on tides and harbour silt",
            ),
            // A relative clause after the head; a finding needs a source noun.
            (
                "A survey that ran in the Lindport Herald found that rents had doubled.",
                "A survey",
            ),
            // A prepositional phrase between the verb and its clause; "long" between subject
            // and verb.
            ("Reyes said after the vote she would run again.", "Reyes"),
            (
                "Mayor Lind has long said that the pier is safe.",
                "Mayor Lind",
            ),
            // A subordinator before the subject.
            (
                "After harbour officials insisted that the pier was safe, it fell.",
                "harbour officials",
            ),
            // A verb that takes an object, its object, then "that" and the clause.
            (
                "The surveyor told the harbour board that the pier was safe.",
                "The surveyor",
            ),
            (
                "A ferry pilot warned the port that the channel was silting up.",
                "A ferry pilot",
            ),
        ] {
            has_speaker(text, speaker);
        }
        for text in [
            // An inference of the writer's, a participle after a noun, a plural noun.
            "His record shows that he cannot be trusted.",
            "But note the \"quiet\" thrust of the plan described above.",
            "In fact, many news reports lump in the storms with the floods.",
            "But the proposed rules have nothing to do with the storms.",
            "They are as guilty as the mayor in letting the public think we are safe.",
            // A clause before a closing verb is no subject.
            "Apart from this, however, the fair has continued as originally planned.",
            // A verb that takes an object without "that" after the object reports nothing.
            "The surveyor told the harbour board to close the pier.",
            "The ferry pilot asked the port for a new berth.",
        ] {
            let got = reports(text);
            assert!(got.is_empty(), "{text}: {got:?}");
        }
    }

    #[test]
    fn cues_grown_from_polnear_report() {
        // Verbs of judgement and speech acts take a noun-phrase content.
        let got = reports("The council dismissed the ferry plan as too costly.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("The council"), "{got:?}");
        let got = reports("Mayor Lind denounced the tolls on the old bridge.");
        assert_eq!(got[0].1.as_deref(), Some("Mayor Lind"), "{got:?}");
        // An inflection of a listed verb.
        let got = reports("The harbour board defends the tolls on the old bridge.");
        assert_eq!(got[0].1.as_deref(), Some("The harbour board"), "{got:?}");
        // A verb that names a topic is no report of a statement.
        assert!(reports("The mayor talked about the tolls on the old bridge.").is_empty());
    }

    #[test]
    fn a_participle_after_a_speech_tag_reports_for_the_tags_speaker() {
        for (text, report, speaker) in [
            (
                "\"The pier is safe,\" she said, adding she would walk on it herself.",
                "adding she would walk on it herself.",
                "she",
            ),
            (
                "\"We will sail,\" said Ann Lee, noting that the ferry had run for a century.",
                "noting that the ferry had run for a century.",
                "Ann Lee",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, report, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_inverted_tag_between_commas_inside_its_content() {
        for (text, speaker) in [
            ("The ferry, says Ann Lee, is late again.", "Ann Lee"),
            (
                "Moreover, say the pilots, the harbour will close in May.",
                "the pilots",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].0, text, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
        // A capital after the tag opens a sentence of its own: no content runs through it.
        assert!(reports("Yesterday, said Ann Lee, Bob left.").is_empty());
    }

    #[test]
    fn according_to_a_measure_names_no_source() {
        for text in [
            "Seats on the ferry are given according to height.",
            "Grants are paid according to financial need.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
        for (text, speaker) in [
            ("Fares will rise, according to officials.", "officials"),
            ("According to him, the ferry is late.", "him"),
            (
                "Fares rose, according to ferry-fares.org, a harbour site.",
                "ferry-fares.org",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_reporting_noun_after_a_common_nouns_possessive() {
        for text in [
            "The professor's remarks ooze with scorn for the town.",
            "Chief among the mayor's reported failings is the ferry.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn tags_between_commas_and_inside_relative_clauses() {
        let got = reports("But to cut costs, he said, the town should merge its schools.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("he"));
        let got = reports("It was the third time NUTA said it had held such a strike.");
        assert!(
            got.iter().any(|r| r.1.as_deref() == Some("NUTA")),
            "{got:?}"
        );
        let got = reports("He paid an architect who said he was owed money.");
        assert!(
            got.iter().any(|r| r.1.as_deref() == Some("an architect")),
            "{got:?}"
        );
    }

    #[test]
    fn names_passives_plural_nouns_and_the_writers_infinitives_report_nobody() {
        for text in [
            // A naming participle after an indefinite noun phrase.
            "The council set up a fund called Green Streets.",
            // An agentless passive: its subject said nothing.
            "It's called patience, and it works.",
            "The mayor was told that the quay was unsafe.",
            // An infinitive after an expletive or the writer.
            "That is not to say that the ferry was late.",
            "It is hard to say that the plan failed.",
            "I'm pleased to say that the quay reopened.",
            // A plural noun in "-s" before a verb of its own or "and".
            "Coastal states are flooding and inland states have dried up.",
            "Member states and agencies met in June.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
        // The verbs themselves still report.
        for (text, speaker) in [
            (
                "The harbour board states that the quay is safe.",
                "The harbour board",
            ),
            ("Critics called the plan a gamble.", "Critics"),
            ("She said the quay was safe.", "She"),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}");
        }
    }

    #[test]
    fn junk_speakers_are_refused() {
        // A day, a prepositional phrase or a lone "-ing" word is no speaker; a sentence adverb
        // before the subject is not part of it.
        let got = speakers("\"We will veto it,\" the senator, R-Ky., said Tuesday.");
        assert!(
            got.iter().all(|q| q.1.as_deref() != Some("Tuesday")),
            "{got:?}"
        );
        let got = reports("Having said that, some economists argue that taxes should fall.");
        assert!(
            got.iter().all(|r| r.1.as_deref() != Some("Having")),
            "{got:?}"
        );
        let got = reports("Earlier Senator Ada Moss said the bill was dead.");
        assert_eq!(got[0].1.as_deref(), Some("Senator Ada Moss"), "{got:?}");
    }

    #[test]
    fn a_piece_of_a_clause_in_the_speakers_place_names_nobody() {
        // An imperative after "and", a lone adverb, a participle after a sentence adverb, a
        // pronoun with a contracted verb: no speaker, so no report.
        for text in [
            "Let the council wait, and say that the bridge is safe.",
            "Just say you have changed your mind!",
            "Nonetheless, the fans will keep on cheering, saying that the coach is right.",
            "It's hard to be sure, but I will take a guess and say the mayor was wrong.",
            "I could list many stories, but I'll settle for telling you just one.",
        ] {
            let got = reports(text);
            assert!(
                got.iter().all(|r| r.1.as_deref().is_none_or(|sp| {
                    !["and", "Just", "Nonetheless", "It's hard", "I'll settle for"].contains(&sp)
                })),
                "{text}: {got:?}"
            );
        }
        // A verb and a preposition or "to" before the cue: the speaker is the noun phrase
        // before them.
        let got = reports("The residents continued to call for more information about the fire.");
        assert_eq!(got[0].1.as_deref(), Some("The residents"), "{got:?}");
        let got = reports("The mayor went on to say that the budget was too small.");
        assert_eq!(got[0].1.as_deref(), Some("The mayor"), "{got:?}");
        let got = reports("She started off by saying that the budget was too small.");
        assert_eq!(got[0].1.as_deref(), Some("She"), "{got:?}");
        // "He's said": the contracted verb is the cue's auxiliary; a capitalised word inside
        // the sentence is a name, not the auxiliary.
        let got = reports("He's said that the budget was too small.");
        assert_eq!(got.len(), 1, "{got:?}");
        let got = reports("The budget, as Will noted, was too small.");
        assert_eq!(got[0].1.as_deref(), Some("Will"), "{got:?}");
    }

    #[test]
    fn a_hearer_and_a_clause_without_that_follow_an_object_verb() {
        for (text, speaker) in [
            ("He told me he had come to regret the vote.", "He"),
            (
                "The harbour master tells us there is no room left.",
                "The harbour master",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
        // The object with no clause after it, or an infinitive: no report of speech.
        for text in [
            "He told them the news before lunch.",
            "She told him about the storm.",
        ] {
            assert!(reports(text).is_empty(), "{text}: {:?}", reports(text));
        }
    }

    #[test]
    fn manner_of_speaking_in_the_perfect_progressive_and_as_comment_clauses_report() {
        // "been" + a manner-of-speaking "-ing" form is a finite verb of report.
        has_speaker(
            "Critics had been shouting that the bridge would fall.",
            "Critics",
        );
        // Its "-ing" form after a noun describes ("screaming fans"), no report.
        assert!(reports("The screaming fans left the hall early.").is_empty());
        // A comment clause of "as" inside an earlier report's content is its own report of
        // the clause around it; the earlier report ends before it.
        let text = "The mayor said the ferry will run at a loss, which, as several experts have been shouting for years, breaks the harbour law.";
        let got = reports(text);
        assert!(
            got.iter().any(|r| r.1.as_deref() == Some("several experts")
                && r.0.contains("breaks the harbour law")),
            "{got:?}"
        );
        // Before a quotation the "as" clause tags the quotation and cuts no report.
        let text = "The figures show that the town has, as Mayor Lin put it, been \"left to rot.\"";
        let got = reports(text);
        assert!(
            got.iter()
                .any(|r| r.1.as_deref() == Some("The figures") && r.0.contains("as Mayor Lin")),
            "{got:?}"
        );
    }

    #[test]
    fn closed_class_words_and_verb_forms_head_no_speaker() {
        // A participle opening the sentence after a bracket is no subject.
        let got = reports("(Having said that, there are bakers who argue that rye is best.)");
        assert!(
            got.iter().all(|r| r.1.as_deref() != Some("Having")),
            "{got:?}"
        );
        // A subordinator or adverb opening the sentence names nobody; the subject of the verb
        // coordinated with the cue does ("I laughed and said").
        let text = "Once in my teens, when my aunt mentioned ghosts, I laughed and said, \"I don't believe in ghosts.\"";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("I"), "{got:?}");
        let text = "Later in the day, Mayor Ruth Dole toured the pier and said, \"It will hold.\"";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("Mayor Ruth Dole"), "{got:?}");
        // Before an adverbial set off by a comma, the subject after it is the participle's.
        let text = "Earlier in the week, the ferry union praised the deal, saying it kept jobs.";
        has_speaker(text, "the ferry union");
        // An "-ing" cue right after the word opening the sentence has no subject there
        // (a list of deeds leaving out its subject); a quantifier alone still speaks.
        let got =
            reports("Keeps saying she opposed the toll, when there are tapes of her backing it.");
        assert!(
            got.iter().all(|r| r.1.as_deref() != Some("Keeps")),
            "{got:?}"
        );
        has_speaker("Both claim that the toll is fair.", "Both");
        // A reporting verb before a name in inversion is no part of the speaker.
        let text =
            "\"The levy is too high,\" said Mr. Olander, who stressed that the port would suffer.";
        for r in reports(text) {
            assert!(
                !r.1.as_deref().is_some_and(|s| s.starts_with("said")),
                "{r:?}"
            );
        }
        // Two adverbials before the subject of a participle next to a quotation.
        let text = "Later on, particularly during the long strike, the dockers (Ann Roe among them) blamed the owners, arguing that: \"Nobody listened to us.\"";
        let got = speakers(text);
        assert_eq!(got[0].1.as_deref(), Some("the dockers"), "{got:?}");
    }

    #[test]
    fn apposed_names_and_initialisms_are_speakers() {
        // A description named by its apposition: the name speaks.
        let got = reports("The farmers' lobby, the NFU, said prices were too low.");
        assert_eq!(got[0].1.as_deref(), Some("the NFU"), "{got:?}");
        // "US" is a country here, not the pronoun "us"; "as X put it" is a tag.
        let got = speakers("Costs will stay in \"double digits\" as US trade officials put it.");
        assert_eq!(got[0].1.as_deref(), Some("US trade officials"), "{got:?}");
    }

    #[test]
    fn subject_before_a_dashed_parenthesis() {
        let got =
            reports("The study - which also asked teachers - finds that classes are too big.");
        assert_eq!(got[0].1.as_deref(), Some("The study"), "{got:?}");
    }

    #[test]
    fn a_description_refers_back_to_its_fuller_form() {
        let text = "A spokesman for the Port Authority said the dock would close. \
                    \"We regret it,\" the spokesman said.";
        let got = speakers(text);
        assert_eq!(
            got[0].2.as_deref(),
            Some("A spokesman for the Port Authority"),
            "{got:?}"
        );
        assert_eq!(got[0].3.as_deref(), Some("Description"));
    }

    #[test]
    fn quoted_as_saying_names_the_person_quoted() {
        let got = speakers("\"The sale was a theft,\" the Tass agency quoted Mr Petrov as saying.");
        assert_eq!(got[0].1.as_deref(), Some("Mr Petrov"), "{got:?}");
    }

    #[test]
    fn a_number_with_a_thousands_comma_does_not_end_an_aside() {
        for (text, speaker) in [
            (
                "The dockers' union, which has 45,000 members, said that pay must rise.",
                "The dockers' union",
            ),
            (
                "Harbour Freight, which employs 2,300 people, found last year that costs fell.",
                "Harbour Freight",
            ),
        ] {
            one_speaker(
                text,
                reports(text).into_iter().map(|g| g.1).collect(),
                speaker,
            );
        }
    }

    #[test]
    fn several_reports_in_one_sentence() {
        let got =
            reports("The union said pay must rise, but the company said it could not pay more.");
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("the company"));
    }

    #[test]
    fn a_term_named_as_a_term_is_a_scare_quote_even_inside_a_report() {
        let kinds = |text: &str| -> Vec<(String, crate::QuoteKind)> {
            crate::parse(text)
                .document
                .quotes
                .iter()
                .filter(|q| q.kind != crate::QuoteKind::Reported)
                .map(|q| (q.text.clone(), q.kind))
                .collect()
        };
        for text in [
            "The minister said the ferries run, despite the council's definition of \"service\" being narrow.",
            "Officials said the term \"recovery\" no longer fits the harbour.",
            "The mayor insisted that so-called \"experts\" had misread the tide tables.",
            "Critics say the meaning of \"affordable\" has drifted.",
        ] {
            let got = kinds(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, crate::QuoteKind::Scare, "{text}: {got:?}");
        }
        // A word the speaker uses is still the speaker's partial quote.
        let got = kinds("The mayor said the tide tables were \"misread\" by the council.");
        assert_eq!(got[0].1, crate::QuoteKind::Partial, "{got:?}");
    }

    /// (text, kind) of every quotation of `text` (no reports).
    fn kinds(text: &str) -> Vec<(String, crate::QuoteKind)> {
        crate::parse(text)
            .document
            .quotes
            .iter()
            .filter(|q| q.kind != crate::QuoteKind::Reported)
            .map(|q| (q.text.clone(), q.kind))
            .collect()
    }

    /// The kind of the quotation whose text is `quoted`.
    fn kind_of(text: &str, quoted: &str) -> crate::QuoteKind {
        let got = kinds(text);
        got.iter()
            .find(|(t, _)| t == quoted)
            .map(|(_, k)| *k)
            .unwrap_or_else(|| panic!("{quoted} not found in {text}: {got:?}"))
    }

    #[test]
    fn titles_shows_and_names_are_scare_quotes() {
        use crate::QuoteKind::Scare;
        for (text, quoted) in [
            // A title after a capitalised possessive, after a work noun and "of", or in
            // apposition to a work noun in title case, even with a tag after it.
            (
                "Ruiz told KNBC's \"Morning Coffee\" that the race was close.",
                "\"Morning Coffee\"",
            ),
            (
                "\"We will win,\" Ruiz said on WXRT's \"The Sunday Hour.\"",
                "\"The Sunday Hour.\"",
            ),
            (
                "On this week's broadcast of \"Harbor Talk Tonight,\" Ruiz said the race was close.",
                "\"Harbor Talk Tonight,\"",
            ),
            (
                "In his 2010 book, \"Save Your Way to a Boat,\" Mr. Ruiz suggested a plan.",
                "\"Save Your Way to a Boat,\"",
            ),
            // Title case, the comma or full stop inside the closing mark, a number.
            (
                "In the film \"Harbour Lights 2,\" a ferryman loses his boat.",
                "\"Harbour Lights 2,\"",
            ),
            (
                "Nobody forgets the night they first read \"The Quiet Tide.\"",
                "\"The Quiet Tide.\"",
            ),
            // A noun for a work, in apposition.
            (
                "Maria Lopez's memoir, \"Saltwater,\" is a classic.",
                "\"Saltwater,\"",
            ),
            // A verb that names, after a noun or with an article.
            (
                "Residents formed a campaign called the \"Friends of the Pier,\" which met weekly.",
                "\"Friends of the Pier,\"",
            ),
            (
                "The levy, known as a \"harbour due,\" was dropped.",
                "\"harbour due,\"",
            ),
            (
                "They sailed on a boat called \"Gull\" all summer.",
                "\"Gull\"",
            ),
            // A verb that titles, with its comma.
            (
                "Her report is titled, \"Why the tide turns and what the town can do.\"",
                "\"Why the tide turns and what the town can do.\"",
            ),
            // A show after "On" opening the sentence, and after "on" in title case.
            (
                "On \"Dockside\" my radio show this week, she argues that ferries matter.",
                "\"Dockside\"",
            ),
            (
                "Ms Lopez said on \"Harbour Weekly\" that fares would rise.",
                "\"Harbour Weekly\"",
            ),
            // A title and its author.
            (
                "\"Ferries and the public purse: a study\", by the economists Ana Ruiz and Tom Hale, is out.",
                "\"Ferries and the public purse: a study\"",
            ),
            // A slogan of any length.
            (
                "The council ran a campaign with the slogan, \"Keep the ferries running and the town alive\".",
                "\"Keep the ferries running and the town alive\"",
            ),
            // A title inside a quotation.
            (
                "\"I watched 'Harbour Lights' every week,\" she said.",
                "'Harbour Lights'",
            ),
        ] {
            assert_eq!(kind_of(text, quoted), Scare, "{text}");
        }
        // Headlines in a list: the third, in sentence case, is one more of them.
        let got = kinds(
            "The headlines read: \"Ferry Saved\" and \"Pier Reopens\" and \"Council finds money for the harbour\", as the town cheered.",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|(_, k)| *k == Scare), "{got:?}");
    }

    #[test]
    fn words_where_a_name_could_stand_are_still_speech() {
        use crate::QuoteKind::Scare;
        for (text, quoted) in [
            // A newspaper quoted, not named.
            (
                "According to the newspaper, \"The harbour will close next year because nobody pays for it.\"",
                "\"The harbour will close next year because nobody pays for it.\"",
            ),
            // A speech tag beside a capitalised short quotation after a work noun.
            (
                "Mr Hale said of the episode, \"I don't like it,\" and left.",
                "\"I don't like it,\"",
            ),
            // A subject before the naming verb: the subject's word for the thing.
            (
                "The company said it wanted firms to pool patents in what it called a \"shared harbour\".",
                "\"shared harbour\"",
            ),
            // A lower-case phrase after "called": someone's words.
            (
                "Veterans backed the plan, despite charges that Ana Ruiz, for one, called \"dockside fantasy.\"",
                "\"dockside fantasy.\"",
            ),
            // "by" without a comma and no name after it.
            (
                "People answered \"Yes\" by a margin of 60 to 30 percent.",
                "\"Yes\"",
            ),
            // "words" before a clause introduce speech.
            (
                "In her words, \"the ferries are the town's lifeline and must stay.\"",
                "\"the ferries are the town's lifeline and must stay.\"",
            ),
        ] {
            assert_ne!(kind_of(text, quoted), Scare, "{text}");
        }
    }

    #[test]
    fn partial_quote_inside_a_report_is_the_speakers() {
        // The quoted word is the reported speaker's, not a scare quote, and the clause around
        // it is still a report of her words.
        let text = "Senator Ada Moss said the new rules were \"reckless\" and should go.";
        let doc = crate::parse(text).document;
        let quoted: Vec<_> = doc
            .quotes
            .iter()
            .filter(|q| q.text == "\"reckless\"")
            .collect();
        assert_eq!(quoted.len(), 1);
        assert_eq!(quoted[0].kind, crate::QuoteKind::Partial);
        assert!(
            doc.quotes
                .iter()
                .any(|q| q.kind == crate::QuoteKind::Reported)
        );
        let got = speakers("Critics called the new rules \"reckless\".");
        assert_eq!(got[0].1.as_deref(), Some("Critics"), "{got:?}");
    }

    #[test]
    fn that_and_a_subject_before_a_quoted_predicate_are_a_report() {
        // The writer's "that it" opens indirect speech whose predicate is quoted.
        let got = reports("Most voters believe that it \"makes towns poorer.\"");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Most voters"), "{got:?}");
        // Without "that", two words before the quotation are still too few.
        let got = reports("Most voters believe it \"makes towns poorer.\"");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn coordinated_verbs_progressives_and_intentions_report() {
        let cases = [
            // A cue coordinated with an earlier verb shares the sentence's subject.
            (
                "The company closed the bridge on Monday and said it would reopen in May.",
                "The company",
            ),
            (
                "Mr. Olsen left the party in 2019, and later said he regretted it.",
                "Mr. Olsen",
            ),
            // The progressive's "is" between subject and cue.
            (
                "The ministry is saying that exports fell in March.",
                "The ministry",
            ),
            // An intention's content is an infinitive, with or without an object.
            (
                "The governor vowed to repeal the ferry tax.",
                "The governor",
            ),
            ("Mayor Lind urged residents to stay indoors.", "Mayor Lind"),
            // A role the mention model knows heads a speaker; so does a description named by
            // "of" and a name.
            (
                "The harbour commissioner says the quay will close.",
                "The harbour commissioner",
            ),
            (
                "The city of Lindport is demanding that the ferry stop at night.",
                "The city of Lindport",
            ),
            // A "that" after a comma, past a place.
            (
                "Reyes says at a rally in Lindport, Maine, that she will run.",
                "Reyes",
            ),
            // A passive cue names its speaker in the by-phrase.
            (
                "Her doubts were echoed by Tom Reyes, who runs the ferry.",
                "Tom Reyes",
            ),
            (
                "The closure was first reported by the Harbour Gazette.",
                "the Harbour Gazette",
            ),
            // A phrasal cue takes its object as the content.
            (
                "The union called for an inquiry into the crash.",
                "The union",
            ),
        ];
        for (text, speaker) in cases {
            has_speaker(text, speaker);
        }
        // An aspectual verb before an infinitive reports nothing, nor does a request verb of
        // speech whose object and infinitive are no content clause.
        for text in [
            "The company continues to build houses by the river.",
            "They asked the newspaper not to print the address.",
            "The ferry pledged to the fund was sold.",
            // A "that" of another clause far on opens no content.
            "People argue about whether the cost of the ferry is that high.",
            // "by" after an active cue is no agent.
            "She explained by letter.",
            // After an article or a possessive determiner a cue's form is a noun.
            "Ferries sail between the states that border the lake.",
            "Their claims that afternoon were loud.",
            // "by" of a deadline names no agent.
            "The new quay is expected by May.",
            "The timetable was announced by 2020.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_dash_and_a_name_ending_the_line_or_a_transcript_label_name_the_speaker() {
        let text = "Readers wrote in.\n\n“The ferry is late every day and nobody cares.” ― Dana Whit\n“I walk to work now, it is quicker than the boat.”― Omar Pell\n";
        let got = quotes(text);
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(
            speakers,
            vec![Some("Dana Whit"), Some("Omar Pell")],
            "{got:?}"
        );
        // A dash inside running text is no tag.
        let got = quotes("The plan “will never work” — Whit's view — was dropped.");
        assert!(got.iter().all(|q| q.2.is_none()), "{got:?}");
        let text = "A partial transcript:\n\n\"HOST: Why did the mayor close the bridge?\n\n\"LIND: Because it was unsafe for anyone to cross it.\"\n";
        let got = quotes(text);
        let speakers: Vec<Option<&str>> = got.iter().map(|q| q.2.as_deref()).collect();
        assert_eq!(speakers, vec![Some("HOST"), Some("LIND")], "{got:?}");
    }

    #[test]
    fn a_tag_in_the_quotations_own_aside_and_a_name_before_two_appositions() {
        let got = quotes(
            "A council spokesman stressed the works were minor - not to mention that the road is under \"regular\" repair, according to the Gazette.",
        );
        assert!(
            got.iter()
                .any(|q| q.1 == "\"regular\"" && q.2.as_deref() == Some("the Gazette")),
            "{got:?}"
        );
        // Without an aside, the sentence's reporting clause holds the quoted phrase.
        let got = quotes("A council spokesman said the road is under \"regular\" repair.");
        assert!(
            got.iter()
                .any(|q| q.1 == "\"regular\"" && q.2.as_deref() == Some("A council spokesman")),
            "{got:?}"
        );
        let got = quotes(
            "In a statement, Dr Ann Reyes, Omnimart senior vice president, Research and Patents, said: \"We will share the patents with everyone.\"",
        );
        assert!(
            got.iter()
                .any(|q| q.0 == "Direct" && q.2.as_deref() == Some("Dr Ann Reyes")),
            "{got:?}"
        );
    }

    #[test]
    fn he_with_no_person_named_is_the_person_described_before() {
        let got = speakers(
            "A spokesman for the ferry company said the boat was late. \"It will sail at noon,\" he said.",
        );
        assert_eq!(
            got,
            vec![(
                "\"It will sail at noon,\"".to_owned(),
                Some("he".to_owned()),
                Some("A spokesman for the ferry company".to_owned()),
                Some("Pronoun".to_owned()),
            )]
        );
        // A named person still wins.
        let got = speakers(
            "A spokesman said the boat was late. Tom Reyes, the captain, agreed. \"It will sail at noon,\" he said.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Tom Reyes"), "{got:?}");
    }

    #[test]
    fn attribution_patterns() {
        let cases = [
            (
                "\"We will act,\" said Sen. Elizabeth Warren.",
                "Sen. Elizabeth Warren",
            ),
            ("\"We will act,\" Gov. Kasich replied.", "Gov. Kasich"),
            (
                "\"We will act,\" Graham, a former candidate, told CBS News.",
                "Graham",
            ),
            ("Bush: \"The mission is to destroy ISIS.\"", "Bush"),
            (
                "Trump went on the attack, saying, \"Is the president weak?\"",
                "Trump",
            ),
        ];
        for (text, speaker) in cases {
            let got = quotes(text);
            assert!(
                got.iter()
                    .any(|q| q.0 == "Direct" && q.2.as_deref() == Some(speaker)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_verb_that_judges_or_a_participle_after_a_quotation_takes_no_speaker_after_it() {
        // The noun phrase after "criticized", "described", "blaming" is their object.
        for text in [
            "\"The vote was rushed,\" criticized the council for its haste.",
            "\"It was a disgrace,\" blaming the weather.",
            "\"We were misled,\" described the process as unfair.",
        ] {
            let got = speakers(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, None, "{text}: {got:?}");
        }
        // A participle or a judging verb after the speaker's own tag leaves it the speaker.
        let got = speakers("He said the vote was \"a disgrace,\" describing the count.");
        assert_eq!(got[0].1.as_deref(), Some("He"), "{got:?}");
        // A verb of saying inverts.
        for (text, speaker) in [
            ("\"We lost,\" admitted the coach.", "the coach"),
            ("\"No entry,\" reads the sign on the gate.", "the sign"),
            ("\"We will rebuild,\" said the mayor.", "the mayor"),
        ] {
            let got = speakers(text);
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
        }
        // A judging verb with an object of its own did not take the quotation, nor did a verb
        // that reports nothing.
        let text = "On his new record, \"Streets of Fog and Salt,\" the singer discussed the \
                    decline of the harbour.";
        assert_eq!(
            kind_of(text, "\"Streets of Fog and Salt,\""),
            crate::QuoteKind::Scare
        );
        let got = speakers("\"We will not pay,\" the mayor's office ignored the request.");
        assert_eq!(got[0].1, None, "{got:?}");
        // A closing tag: the words after a participle are no speaker.
        let got = reports("The board approved the budget, citing the rise in rents.");
        assert!(
            got.iter().all(|r| r.1.as_deref() != Some("the rise")),
            "{got:?}"
        );
    }

    #[test]
    fn a_title_in_apposition_inside_the_subject_names_the_work() {
        // The quotation between commas after "letter" is the letter's title, and the verb
        // after it is the sentence's, not a tag.
        for (text, quoted) in [
            (
                "Ann Berry's letter, \"A Town Betrayed,\" criticized the council for its vote.",
                "\"A Town Betrayed,\"",
            ),
            (
                "Ann Berry's letter, \"One bad apple spoils the barrel,\" criticized the council.",
                "\"One bad apple spoils the barrel,\"",
            ),
            (
                "Her latest column, \"Why the suburbs will save us all,\" drew many replies.",
                "\"Why the suburbs will save us all,\"",
            ),
        ] {
            assert_eq!(kind_of(text, quoted), crate::QuoteKind::Scare, "{text}");
            assert!(speakers(text).is_empty(), "{text}: {:?}", speakers(text));
        }
        // With a tag after it the quotation is the writer's words.
        let got = speakers(
            "In his essay, \"Free speech is dying on campus,\" he argues that rules changed.",
        );
        assert_eq!(got[0].1.as_deref(), Some("he"), "{got:?}");
    }

    #[test]
    fn a_quotation_paragraph_after_a_person_is_introduced_is_theirs() {
        let got = speakers(
            "Jane Doe, 42, runs the bakery on Main Street.\n\n\"We have lost half our trade \
             since the road closed.\"",
        );
        assert_eq!(got[0].1.as_deref(), Some("Jane Doe"), "{got:?}");
        // Two people named, or none in a subject's place: no one speaks.
        for text in [
            "Jane Doe runs the bakery. Her husband Tom Doe bakes the bread.\n\n\"We have lost \
             half our trade.\"",
            "The road to the bakery of Jane Doe closed in May.\n\n\"We have lost half our \
             trade.\"",
            "FULL TEXT.\n\n\"We have lost half our trade.\"",
        ] {
            let got = speakers(text);
            assert_eq!(got[0].1, None, "{text}: {got:?}");
        }
        // A tag of its own wins.
        let got = speakers(
            "Jane Doe runs the bakery.\n\n\"We have lost half our trade,\" said Tom Hale.",
        );
        assert_eq!(got[0].1.as_deref(), Some("Tom Hale"), "{got:?}");
    }

    #[test]
    fn they_is_the_group_just_named_as_a_subject_not_an_organisation_after_it() {
        let doc = crate::parse(
            "Residents of Harbour Road met the Coastal Water Authority on Monday. They said \
             the pipes had burst twice.",
        )
        .document;
        let got: Vec<Option<String>> = doc
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.canonical.clone()))
            .collect();
        assert_eq!(got, [Some("Residents".to_owned())]);
        // With no group named just before, the organisation stays the antecedent.
        let doc = crate::parse(
            "The Coastal Water Authority met on Monday. In a statement they said the pipes \
             had burst twice.",
        )
        .document;
        let got: Vec<Option<String>> = doc
            .quotes
            .iter()
            .map(|q| q.speaker.as_ref().and_then(|s| s.canonical.clone()))
            .collect();
        assert_eq!(got, [Some("Coastal Water Authority".to_owned())]);
    }

    #[test]
    fn a_datelines_dash_opens_no_report() {
        for text in [
            "WASHINGTON (AP) — The bridge will reopen in May, officials said.",
            "LONDON, Feb 2 (Reuters) - The bridge will reopen in May, officials said.",
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].0.starts_with("The bridge"), "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some("officials"), "{text}: {got:?}");
        }
    }
}
