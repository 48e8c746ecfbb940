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
pub(crate) mod marks;
pub(crate) mod speaker;

use std::collections::HashSet;

use crate::document::{
    Diagnostic, Paragraph, ParagraphKind, Quote, QuoteKind, Sentence, Speaker, TextSpan, Voice,
};
use crate::lexicon::{self, SpeakerNoun};
use crate::span::Span;
use crate::words::{Token, tokens};

use speaker::{Names, Place};

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

pub(super) struct Draft {
    kind: QuoteKind,
    span: Span,
    speaker: Option<(Span, Option<String>)>,
    source: Option<Span>,
    cue: Option<Span>,
    /// For block quotes: the paragraphs it covers.
    paragraphs: Option<(usize, usize)>,
}

/// Finds the quotes of `text`. `groups[i]` is the block-quote group the markup gave paragraph
/// `i`; paragraphs found to be quoted get `voice: quoted` and their block's id.
pub(crate) fn find(
    text: &str,
    paragraphs: &mut [Paragraph],
    groups: &[Option<usize>],
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token>],
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
    let mut names = Names::default();
    for s in &tokenised {
        names.add_sentence(text, s.tokens);
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
    reported_speech(text, &marks, &tokenised, &names, &direct_cues, &mut drafts);
    block::block_quotes(
        text,
        paragraphs,
        groups,
        &tokenised_view(&tokenised),
        &names,
        &mut drafts,
    );

    tagline_quotes(text, paragraphs, &mut drafts);

    // Text order; a block before the quotes inside it.
    drafts.sort_by_key(|d| (d.span.start(), std::cmp::Reverse(d.span.end())));
    resolve_pronouns(text, &names, &mut drafts);
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
            speaker: d.speaker.map(|(span, canonical)| Speaker {
                text: text[span].to_owned(),
                span,
                canonical,
            }),
            source: d.source.map(|s| TextSpan::new(text, s)),
            cue: d.cue.map(|s| TextSpan::new(text, s)),
        });
    }
    found
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
        });
    }
}

/// Whether a speaker phrase names a group: its last word is a plural speaker noun
/// ("officials", "the Americans") or a lower-case plural ("some observers").
fn plural_speaker(words: &str) -> bool {
    let last = words.rsplit(' ').next().unwrap_or(words);
    last.ends_with('s')
        && !last.ends_with("'s")
        && !last.ends_with("’s")
        && (crate::lexicon::speaker_noun(last).is_some() || !crate::words::capitalised(last))
}

/// Gives a pronoun speaker its antecedent as `canonical`: "he"/"she" the nearest singular named
/// speaker before it or the nearest full name the text mentions, whichever is closer; "they"
/// the nearest plural speaker before it ("the officials").
fn resolve_pronouns(text: &str, names: &Names, drafts: &mut [Draft]) {
    let mut last_named: Option<(usize, String)> = None;
    // The last plural speaker ("the officials", "Democrats"), for "they".
    let mut last_group: Option<String> = None;
    for d in drafts.iter_mut() {
        let Some((span, canonical)) = &mut d.speaker else {
            continue;
        };
        let words = &text[*span];
        if speaker::is_in(&["they"], words) {
            *canonical = last_group.clone();
        } else if speaker::is_in(&["he", "she"], words) {
            let mention = names.nearest_before(span.start());
            let named = last_named.clone();
            *canonical = match (named, mention) {
                (Some((a, n)), Some((b, m))) => Some(if a >= b { n } else { m }),
                (Some((_, n)), None) => Some(n),
                (None, Some((_, m))) => Some(m),
                (None, None) => None,
            };
        } else if plural_speaker(words) {
            last_group = Some(words.to_owned());
        } else if crate::words::capitalised(words) {
            last_named = Some((
                span.start(),
                canonical.clone().unwrap_or_else(|| words.to_owned()),
            ));
        }
    }
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

fn speaker_with_name(names: &Names, text: &str, span: Span) -> (Span, Option<String>) {
    (span, names.canonical(&text[span], span.start()))
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
    while tokens
        .get(i)
        .is_some_and(|t| !t.word && matches!(&text[t.span], "," | "-" | "—" | "–"))
    {
        i += 1;
    }
    if let Some(cue) = speaker::cue_at(text, tokens, i) {
        let speaker = speaker::after(text, tokens, cue.next, Place::NextToQuote)?;
        return Some(Attribution {
            speaker,
            cue: cue.span,
        });
    }
    // X said: the speaker first, its cue within a few words (an apposition may stand
    // between: "…," Graham, a former candidate, told CBS News).
    let end = (i + 24).min(tokens.len());
    let cue = (i..end).find_map(|j| speaker::cue_at(text, tokens, j))?;
    if tokens[i..cue.first]
        .iter()
        .any(|t| !t.word && &text[t.span] != ",")
        || cue.according
    {
        return None;
    }
    let speaker = speaker::before(text, tokens, cue.first, Place::NextToQuote)?;
    // The cue ends the attribution ("…," he said. / "…," police said in a statement / "…,"
    // Sessions told CNN.) unless a content clause follows it: "…," he said that ….
    if tokens
        .get(cue.next)
        .is_some_and(|t| speaker::is_in(CONTENT_WORDS, &text[t.span]))
    {
        return None;
    }
    Some(Attribution {
        speaker,
        cue: cue.span,
    })
}

/// The name that opens a sentence (after clause words such as "And then"), when it is one.
fn sentence_subject(text: &str, tokens: &[Token], before: usize) -> Option<Span> {
    let start = tokens[..before].iter().position(|t| {
        !t.word || !speaker::is_in(&["and", "but", "then", "so", "yet"], &text[t.span])
    })?;
    // A name, or a description ending in one ("Band member Flea"): capitalised words, speaker
    // nouns and determiners, up to the first other word (the verb).
    let end = start
        + tokens[start..before]
            .iter()
            .take_while(|t| {
                let w = &text[t.span];
                t.word
                    && (crate::words::capitalised(w)
                        || crate::lexicon::speaker_noun(w).is_some()
                        || speaker::is_in(&["the", "a", "an"], w))
            })
            .count();
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
            if t.word {
                speaker::is_in(speaker::TRAILING, w)
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
        let Some(cue) = speaker::cue_at(text, tokens, j) else {
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
        if text[cue.span].ends_with("ing")
            && cue.first > 0
            && &text[tokens[cue.first - 1].span] == ","
        {
            let subject = sentence_subject(text, tokens, cue.first)?;
            return Some(Attribution {
                speaker: subject,
                cue: cue.span,
            });
        }
        // "X said, …" or, for a verb with an object, "X told reporters, …".
        let object = end - cue.next;
        let object_ok = OBJECT_CUES.contains(&&text[cue.span])
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
            let speaker = speaker::after(text, tokens, cue.next, Place::NextToQuote)?;
            return (token_from(tokens, speaker.end()) == end).then_some(Attribution {
                speaker,
                cue: cue.span,
            });
        }
        // "Carson did not mention them, but told his supporters, …": after a conjunction the
        // speaker is the sentence's subject.
        let speaker =
            speaker::before(text, tokens, cue.first, Place::NextToQuote).or_else(|| {
                let conjunction = tokens.get(cue.first.checked_sub(1)?)?;
                speaker::is_in(&["and", "but"], &text[conjunction.span])
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
    names: &Names,
    drafts: &mut Vec<Draft>,
    direct_cues: &mut HashSet<Span>,
) {
    // The last attributed direct quotation, for the one that follows it in the same paragraph
    // with no attribution of its own ("…," said X. "…").
    let mut last: Option<(usize, (Span, Option<String>), Span)> = None;
    for pair in &marks.pairs {
        let Some(si) = sentence_at(sentences, pair.span.start()) else {
            continue;
        };
        let s = &sentences[si];
        let end_si = sentence_at(sentences, pair.span.end().saturating_sub(1)).unwrap_or(si);
        let inner = inner_span(text, pair.span);
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
            && !title_case(text, inner);

        let after = attribution_after(text, sentences[end_si].tokens, pair.span.end())
            .or_else(|| attribution_in_next(text, sentences, end_si, pair.span.end()))
            .filter(|_| pair.depth == 0);
        let before = attribution_before(text, s.tokens, pair.span.start())
            .or_else(|| attribution_by_colon(text, s.tokens, pair.span.start()))
            .or_else(|| attribution_by_introduction(text, sentences, si, pair.span.start()))
            .filter(|_| pair.depth == 0);
        let direct = after.or(before);

        // (kind, speaker, cue) of the quotation, in order of the evidence's strength.
        let (kind, speaker, cue) = if title_case(text, inner) && direct.is_none() {
            // A title ("One Hundred Years of Solitude") is a name held in quotation marks, not
            // anyone's words.
            (QuoteKind::Scare, None, None)
        } else if let Some(a) = direct {
            direct_cues.insert(a.cue);
            let speaker = speaker_with_name(names, text, a.speaker);
            // The attribution stands where the quotation ends, which may be a later
            // paragraph than where it opened.
            last = Some((sentences[end_si].paragraph, speaker.clone(), a.cue));
            let kind = if sentence_like || words > SCARE_WORDS {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
            (kind, Some(speaker), Some(a.cue))
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
            (QuoteKind::Direct, Some(speaker), Some(cue))
        } else if let Some(a) = s
            .attributions
            .get_or_init(|| attributions(text, s.tokens))
            .iter()
            .find(|a| !pair.span.contains_span(a.cue))
        {
            let speaker = speaker_with_name(names, text, a.speaker);
            (QuoteKind::Partial, Some(speaker), Some(a.cue))
        } else if words <= SCARE_WORDS && !sentence_like {
            (QuoteKind::Scare, None, None)
        } else {
            (QuoteKind::Direct, None, None)
        };
        drafts.push(Draft {
            kind,
            span: pair.span,
            speaker,
            source: None,
            cue,
            paragraphs: None,
        });
    }
}

/// Whether the words in `span` are a title: two or more words, each capitalised but for short
/// function words, and no closing punctuation.
fn title_case(text: &str, span: Span) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "or",
    ];
    let content = text[span].trim_end();
    if content.ends_with(['.', '!', '?', ',', ';', ':']) {
        return false;
    }
    let mut words = 0;
    for t in tokens(text, span).take(LOOK_TOKENS) {
        if !t.word {
            continue;
        }
        // Titles are short; a long capitalised run is something else, and stopping here keeps
        // nested quotations linear.
        if words == 12 {
            return false;
        }
        let w = &text[t.span];
        if !crate::words::capitalised(w) && !SMALL.contains(&w) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// The span inside a quotation's marks.
fn inner_span(text: &str, span: Span) -> Span {
    let s = &text[span];
    let open = s.chars().next().map_or(0, char::len_utf8);
    // LaTeX ``…'' and the doubled straight marks some papers print (''…'', as the New York
    // Times' archive does) open and close with two characters.
    let doubled = (s.starts_with("``") || s.starts_with("''")) && s.ends_with("''");
    let open = if doubled { 2 } else { open };
    let close = s.chars().next_back().map_or(0, char::len_utf8);
    let close = if doubled { 2 } else { close };
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
            return matches!(w, "but" | "yet") && i > 0 && &text[tokens[i - 1].span] == ",";
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

/// Reporting verbs that take an object before their content.
const OBJECT_CUES: &[&str] = &[
    "asked", "asks", "told", "tells", "urged", "urges", "promised", "promises", "warned", "warns",
];

/// Prepositions that show a reporting verb has no content clause after it.
const PREPOSITIONS: &[&str] = &[
    "to", "from", "in", "on", "at", "for", "with", "by", "about", "of", "into", "during", "after",
    "before", "over", "under", "through", "without", "against",
];

/// Words that open a content clause.
const CONTENT_WORDS: &[&str] = &[
    "that", "whether", "if", "why", "how", "what", "when", "where", "who",
];

fn reported_speech(
    text: &str,
    marks: &marks::Marks,
    sentences: &[Tokenised],
    names: &Names,
    direct_cues: &HashSet<Span>,
    drafts: &mut Vec<Draft>,
) {
    for s in sentences {
        let tokens = s.tokens;
        for i in 0..tokens.len() {
            let Some(cue) = speaker::cue_at(text, tokens, i) else {
                continue;
            };
            if direct_cues.contains(&cue.span) || inside_quotation(marks, cue.span) {
                continue;
            }
            // "asked the United States for more access", "told them to leave": verbs that take
            // an object report speech only with a content clause ("told reporters that …").
            if OBJECT_CUES.contains(&&text[cue.span])
                && !tokens[cue.next..(cue.next + 6).min(tokens.len())]
                    .iter()
                    .any(|t| CONTENT_WORDS.contains(&&text[t.span]))
            {
                continue;
            }
            // The content follows the cue: a word, not a quotation mark (that is a direct
            // quotation, handled above) and not "to" ("asked them to leave" is a request).
            let next = tokens.get(cue.next);
            let (speaker, source) = if cue.according {
                let Some(np) = speaker::after(text, tokens, cue.next, Place::Clause) else {
                    continue;
                };
                according_to(text, tokens, np)
            } else if let Some(sp) = speaker::before(text, tokens, cue.first, Place::Clause) {
                // A preposition after the verb ("explained from a podium", "asked about")
                // means no content clause follows, unless "that" opens one a few words on
                // ("said in a statement that …").
                let content_later = || {
                    tokens[cue.next..(cue.next + 8).min(tokens.len())]
                        .iter()
                        .any(|t| text[t.span].eq_ignore_ascii_case("that"))
                };
                if !next.is_some_and(|t| {
                    t.word && (!speaker::is_in(PREPOSITIONS, &text[t.span]) || content_later())
                }) {
                    // "…, the Americans said." closes the sentence: the content came first.
                    if !next.is_some_and(|t| matches!(&text[t.span], "." | "!" | "?"))
                        || !tokens[..cue.first].iter().any(|t| &text[t.span] == ",")
                    {
                        continue;
                    }
                }
                (sp, None)
            } else {
                continue;
            };
            let span = clause_bounds(text, tokens, s.span, cue.first);
            let span = if span.contains_span(speaker) {
                span
            } else {
                span.cover(speaker)
            };
            drafts.push(Draft {
                kind: QuoteKind::Reported,
                span: span.trim(text),
                speaker: Some(speaker_with_name(names, text, speaker)),
                source,
                cue: Some(cue.span),
                paragraphs: None,
            });
            break;
        }
    }
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
    if !matches!(&text[prep.span], "in" | "for" | "from" | "to") {
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
}
