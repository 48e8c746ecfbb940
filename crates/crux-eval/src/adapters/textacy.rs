//! `textacy_quote_tests`: textacy's direct-quotation tests, 6 from its main branch (content
//! span, speaker and cue tokens per quote) and 7 from its unmerged PR #382 (only the speaker
//! tokens of all quotes, as one flat list).
//!
//! A gold quote is found when a crux inline quote (direct, partial or scare) shares at least
//! half of the shorter span with it. Its speaker is right when the crux speaker's words include
//! every expected speaker token, and its cue likewise. Precision counts crux's direct and
//! partial quotes (the ones crux attributes to someone) plus scare quotes that matched: textacy
//! expects no quotation where crux may rightly see a scare quote ("cuties"), so an unmatched
//! scare quote is not held against it.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crux_parser::{Quote, QuoteKind};
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, is_inline, range};
use crate::metrics::{overlap, prf, touches};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "textacy_quote_tests";

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    quotes: Option<Vec<GoldQuote>>,
    expected_speaker_tokens: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct GoldQuote {
    content: JsonSpan,
    #[serde(default)]
    speaker_tokens: Vec<String>,
    #[serde(default)]
    cue_tokens: Option<Vec<String>>,
}

/// A word for token comparison: lower case, punctuation around it dropped ("C." is "c").
fn token(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether `phrase` holds every one of `tokens` as a word, a token named twice needing two
/// such words (so that one speaker cannot stand for two quotes' worth of tokens).
pub(crate) fn has_tokens(phrase: &str, tokens: &[String]) -> bool {
    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    for w in phrase.split_whitespace() {
        *words.entry(token(w)).or_default() += 1;
    }
    tokens
        .iter()
        .map(|t| token(t))
        .filter(|t| !t.is_empty())
        .all(|t| match words.get_mut(&t) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        })
}

fn speaker_text(q: &Quote) -> &str {
    q.speaker.as_ref().map_or("", |s| s.text.as_str())
}

fn attributed(q: &Quote) -> bool {
    matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial)
}

#[derive(Default)]
struct Tally {
    cases: usize,
    passed: usize,
    main_cases: usize,
    gold: usize,
    found: usize,
    predicted: usize,
    right_predictions: usize,
    speakers_right: usize,
    cues: usize,
    cues_right: usize,
    pr_cases: usize,
    pr_right: usize,
    failures: Vec<String>,
}

impl Tally {
    fn main_case(&mut self, case: &Case, gold: &[GoldQuote]) {
        let analysis = analyse(&case.text);
        let inline: Vec<&Quote> = analysis
            .document
            .quotes
            .iter()
            .filter(|q| is_inline(q))
            .collect();
        self.main_cases += 1;
        let mut pass = true;
        let mut why = Vec::new();
        for g in gold {
            self.gold += 1;
            let best = inline
                .iter()
                .filter(|q| touches(g.content.range(), range(q), 0.5))
                .max_by_key(|q| overlap(g.content.range(), range(q)));
            let Some(best) = best else {
                pass = false;
                why.push(format!("missed {:?}", g.content.range()));
                continue;
            };
            self.found += 1;
            if has_tokens(speaker_text(best), &g.speaker_tokens) {
                self.speakers_right += 1;
            } else {
                pass = false;
                why.push(format!("speaker {:?}", speaker_text(best)));
            }
            if let Some(cue) = g.cue_tokens.as_ref().filter(|c| !c.is_empty()) {
                self.cues += 1;
                let text = best.cue.as_ref().map_or("", |c| c.text.as_str());
                if has_tokens(text, cue) {
                    self.cues_right += 1;
                } else {
                    pass = false;
                    why.push(format!("cue {text:?}"));
                }
            }
        }
        for q in &inline {
            let right = gold
                .iter()
                .any(|g| touches(g.content.range(), range(q), 0.5));
            if attributed(q) || right {
                self.predicted += 1;
                self.right_predictions += usize::from(right);
                if !right {
                    pass = false;
                    why.push(format!("extra {:?} {:?}", q.kind, q.text));
                }
            }
        }
        self.finish(case, pass, &why.join("; "));
    }

    /// PR #382 cases give only the speaker tokens of all quotes, as one list in text order
    /// (textacy's test compares the concatenation). The case passes when that list can be cut
    /// into one consecutive, non-empty group per quote crux attributes (outermost ones only), in order, each group's
    /// tokens all among that quote's speaker words: the same "holds every token" rule as the
    /// main cases, and the same number of attributed quotes.
    fn speaker_case(&mut self, case: &Case, expected: &[String]) {
        let analysis = analyse(&case.text);
        let quotes: Vec<&Quote> = analysis
            .document
            .quotes
            .iter()
            .filter(|q| attributed(q))
            .collect();
        // A quotation inside another one is part of the outer speech, not a quote of its own.
        let speakers: Vec<&str> = quotes
            .iter()
            .filter(|q| {
                !quotes
                    .iter()
                    .any(|o| o.span != q.span && o.span.contains_span(q.span))
            })
            .map(|q| speaker_text(q))
            .collect();
        let pass = segments(&speakers, expected);
        self.pr_cases += 1;
        self.pr_right += usize::from(pass);
        let why = format!("crux speakers {speakers:?}, expected tokens {expected:?}");
        self.finish(case, pass, &why);
    }

    fn finish(&mut self, case: &Case, pass: bool, why: &str) {
        self.cases += 1;
        if pass {
            self.passed += 1;
        } else {
            self.failures.push(format!("{}: {why}", case.id));
        }
    }
}

/// Whether `expected` cuts into one non-empty run per speaker, in order, each run's tokens
/// all among its speaker's words.
fn segments(speakers: &[&str], expected: &[String]) -> bool {
    if speakers.is_empty() {
        return false;
    }
    // reach[j]: the first i speakers can take exactly the first j tokens.
    let n = expected.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for speaker in speakers {
        let mut next = vec![false; n + 1];
        for start in (0..n).filter(|&j| reach[j]) {
            for end in start + 1..=n {
                if has_tokens(speaker, &expected[start..end]) {
                    next[end] = true;
                } else {
                    break;
                }
            }
        }
        reach = next;
    }
    reach[n]
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut t = Tally::default();
    for_each_record(path, reader, |_, case: Case| {
        match (&case.quotes, &case.expected_speaker_tokens) {
            (Some(gold), _) => t.main_case(&case, gold),
            (None, Some(expected)) => t.speaker_case(&case, expected),
            (None, None) => t.main_case(&case, &[]),
        }
    })?;
    let content = prf(t.right_predictions, t.predicted, t.found, t.gold);
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows: vec![
            Row::prf(NAME, "quotes: content", content, t.main_cases)
                .with_note("overlap >= 0.5 of the shorter span; main-branch cases"),
            Row::accuracy(NAME, "quotes: speaker", t.speakers_right, t.found)
                .with_note("over found quotes"),
            Row::accuracy(NAME, "quotes: cue", t.cues_right, t.cues).with_note("over found quotes"),
            Row::accuracy(NAME, "speakers (PR #382 cases)", t.pr_right, t.pr_cases),
            Row::accuracy(NAME, "cases passed", t.passed, t.cases),
        ],
        failures: t.failures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_ignore_case_and_punctuation() {
        let tokens = [
            "Heather".to_owned(),
            "C.".to_owned(),
            "Briccetti".to_owned(),
        ];
        assert!(has_tokens("Heather C. Briccetti, president", &tokens));
        assert!(!has_tokens("Briccetti", &tokens));
        assert!(has_tokens("he", &["He".to_owned()]));
        assert!(!has_tokens("the head", &["he".to_owned()]));
    }

    #[test]
    fn speaker_tokens_cut_per_quote() {
        let expected: Vec<String> = ["Paul", "Martin", "Paul", "Martin"]
            .map(str::to_owned)
            .to_vec();
        assert!(segments(
            &["Paul Martin", "Paul Martin, a detective"],
            &expected
        ));
        assert!(!segments(&["Paul Martin"], &expected), "one quote too few");
        assert!(!segments(&["Paul", "Martin"], &expected));
        assert!(!segments(&[], &expected));
    }
}
