//! Claims: the assertions a text makes, one per sentence or per clause joined by a semicolon,
//! with their holder, type and caveats.
//!
//! A sentence in the author's voice is the author's claim, less what it only relays: reported
//! speech and attributed direct quotations are quotes, not author claims, so their spans are
//! cut out and the rest (if three words or more remain) is the claim ("Thompson notes that …,
//! but I can't help noting that …" claims the second clause). A sentence that introduces a
//! block quote with a colon, a question, and a heading are not claims. Sentences inside a block
//! quote are claims held by the block's speaker.
//!
//! The type is the first of these a claim's words show, from `data/claim_cues.tsv`: normative
//! (a deontic modal: "should not stand in the way"), causal ("will enable", "result in"),
//! prediction ("is surely going to"), evaluation ("a laudable goal"); else factual. A "should"
//! that a caveat already read as epistemic ("it should be possible") is not normative. A causal
//! claim that also judges ("dangerous because …") is an evaluation. Evaluation cues are the
//! evaluative words of `data/evaluative.tsv` less the event and topic words of
//! `data/event_words.txt` ("killed", "war", "profits": what happened, not a judgement of it),
//! and the stance adverbs, amplifiers and evaluative adjectives of `data/claim_cues.tsv`;
//! "right now", "the right to" and "kind of" do not judge.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::{
    Caveat, CaveatKind, Claim, ClaimType, Paragraph, ParagraphKind, Quote, QuoteKind, Sentence,
    Voice,
};
use crate::lexicon::{FxHashMap, Phrases, WordMap, data_lines};
use crate::span::Span;
use crate::words::{Token, tokens};

/// The claim cues (`data/claim_cues.tsv`), each with the type it gives a claim.
static CUES: LazyLock<Phrases<ClaimType>> = LazyLock::new(|| {
    Phrases::new(cue_lines().map(|(phrase, kind)| {
        let kind = match kind {
            "normative" => ClaimType::Normative,
            "prediction" => ClaimType::Prediction,
            "causal" => ClaimType::Causal,
            "evaluation" => ClaimType::Evaluation,
            other => panic!("claim_cues.tsv: unknown type {other:?}"),
        };
        (phrase, kind)
    }))
});

/// The `(phrase, type)` lines of `data/claim_cues.tsv`.
fn cue_lines() -> impl Iterator<Item = (&'static str, &'static str)> {
    data_lines(include_str!("../data/claim_cues.tsv")).map(|line| {
        let (phrase, kind) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("claim_cues.tsv: expected phrase<TAB>type in {line:?}"));
        (phrase, kind.trim())
    })
}

/// Event and topic words (data/event_words.txt): VADER entries that name what happened
/// ("killed", "war", "profits"), not the writer's judgement of it.
fn event_words() -> impl Iterator<Item = &'static str> {
    data_lines(include_str!("../data/event_words.txt"))
}

/// What a word (in ASCII lower case) is to a claim's type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct WordSense {
    /// Evaluative (data/evaluative.tsv, less the event words): a claim that uses it judges.
    evaluative: bool,
    /// The first word of a claim cue.
    cue: bool,
}

/// The evaluative words and the first words of the cues, in one table: one lookup a word
/// tells the many words that are neither from the rest.
static WORDS: LazyLock<WordMap<WordSense>> = LazyLock::new(|| {
    let events: FxHashMap<&str, ()> = event_words().map(|w| (w, ())).collect();
    let mut words: FxHashMap<&'static str, WordSense> = FxHashMap::default();
    for w in data_lines(include_str!("../data/evaluative.tsv"))
        .filter_map(|line| line.split('\t').next())
        .filter(|w| !events.contains_key(w))
    {
        words.entry(w).or_default().evaluative = true;
    }
    for (phrase, _) in cue_lines() {
        let first = phrase.split(' ').next().unwrap_or(phrase);
        words.entry(first).or_default().cue = true;
    }
    // Each word once: the order they go in does not change what a lookup finds.
    WordMap::new(words)
});

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
        && [
            "now", "to", "away", "after", "before", "here", "there", "wing", "in",
        ]
        .iter()
        .any(|n| next.eq_ignore_ascii_case(n)))
        || (["kind", "sort"].iter().any(|k| w.eq_ignore_ascii_case(k))
            && next.eq_ignore_ascii_case("of"))
}

/// The type of the claim over `words` (tokens of the claim, quotations excluded).
fn claim_type(text: &str, words: &[Token], hedged_should: &[Span]) -> ClaimType {
    let mut found = [false; 4];
    for i in 0..words.len() {
        if !words[i].word {
            continue;
        }
        let Some(sense) = WORDS.get_lower(&text[words[i].span]) else {
            continue;
        };
        let other_sense = other_sense(text, words, i);
        if sense.evaluative && !other_sense {
            found[3] = true;
        }
        if !sense.cue {
            continue;
        }
        // Every cue that matches here, whatever its length.
        for (_, kind) in CUES.at(text, words, i) {
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
        .map(|p| trim_punctuation(text, p))
        .filter(three_words)
        .max_by_key(|p| p.len())
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
    sentence_tokens: &[Vec<Token>],
    quotes: &[Quote],
    caveats: &[Caveat],
) -> Vec<Claim> {
    let by_id: HashMap<&str, usize> = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.kind == QuoteKind::Block)
        .map(|(i, q)| (q.id.as_str(), i))
        .collect();
    let mut claims = Vec::new();
    // Buffers reused from sentence to sentence.
    let mut clauses: Vec<Span> = Vec::new();
    let mut inside: Vec<Span> = Vec::new();
    let mut words: Vec<Token> = Vec::new();
    let mut hedged_should: Vec<Span> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let p = &paragraphs[s.paragraph];
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::List) {
            continue;
        }
        let trimmed = text[s.span].trim_end_matches(['"', '”', '’', '\'', ')']);
        if trimmed.ends_with('?') {
            continue;
        }
        // The sentence that introduces a block quote: the quote, not a claim.
        let last_in_paragraph = sentences
            .get(si + 1)
            .is_none_or(|n| n.paragraph != s.paragraph);
        let introduces = last_in_paragraph
            && trimmed.ends_with(':')
            && paragraphs
                .get(s.paragraph + 1)
                .is_some_and(|n| n.voice == Voice::Quoted);
        if introduces {
            continue;
        }
        // A caveat's scope lies inside its sentence, so only this sentence's caveats (found by
        // binary search: caveats are in text order) can qualify its claims.
        let in_sentence = crate::span::starting_within(caveats, s.span, |c| c.span);
        let holder: &str = match (p.voice, &p.quote) {
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
                .rev()
                .take(64)
                .filter(|q| relayed(q) && q.span.overlaps(s.span))
                .map(|q| {
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
                    span
                })
                .collect()
        } else {
            Vec::new()
        };
        // One claim per clause joined by a semicolon outside parentheses.
        let toks = &sentence_tokens[si];
        let mut depth = 0i32;
        let mut start = s.span.start();
        clauses.clear();
        for t in toks {
            match &text[t.span] {
                "(" => depth += 1,
                ")" => depth = (depth - 1).max(0),
                ";" if depth == 0 && !t.word => {
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
            // Words inside quotation marks are someone else's: the inline quotations that
            // overlap this sentence, found once by binary search.
            let last = quotes.partition_point(|q| q.span.start() < span.end());
            // Inline quotations barely overlap one another, so the last few before the claim's
            // end are all that can hold its words; the bound keeps many quotes linear.
            inside.clear();
            inside.extend(
                quotes[..last]
                    .iter()
                    .rev()
                    .take(64)
                    .filter(|q| q.kind != QuoteKind::Block && q.span.overlaps(span))
                    .map(|q| q.span),
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
            let kind = claim_type(text, &words, &hedged_should);
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
                holder: holder.to_owned(),
                kind,
                caveats: ids,
            });
        }
    }
    claims
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
        for w in crate::lexicon::data_lines(include_str!("../data/event_words.txt")) {
            assert!(
                crate::lexicon::data_lines(include_str!("../data/evaluative.tsv"))
                    .any(|l| l.split('\t').next() == Some(w)),
                "{w} is not in evaluative.tsv"
            );
        }
    }

    #[test]
    fn cues_are_lower_case_and_later_words_hold_no_apostrophe() {
        // `WORDS` finds a cue's first word in ASCII lower case, and `CUES` reads a curly
        // apostrophe as a straight one: lower-case cues whose later words hold no apostrophe
        // match exactly the words the list names, in any ASCII case.
        for (phrase, _) in super::cue_lines() {
            assert_eq!(phrase, phrase.to_ascii_lowercase());
            assert!(
                phrase.split(' ').skip(1).all(|w| !w.contains(['\'', '’'])),
                "{phrase}"
            );
        }
    }

    #[test]
    fn semicolons_split_claims() {
        let got = claims("This is serious; the optics are bad.");
        assert_eq!(got.len(), 2);
    }
}
