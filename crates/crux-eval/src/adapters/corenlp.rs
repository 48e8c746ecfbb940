//! `corenlp_quote_tests`: Stanford CoreNLP's `QuoteAnnotatorITest` cases, quotation
//! boundaries under several annotator options.
//!
//! crux has one behaviour, closest to CoreNLP's default `pipeline` (single quotes on, no
//! embedded quotes of the same kind, no maximum length, no ASCII-only quotes). Every case is
//! scored, and the results are reported per option set (`pipeline` first), since the expected
//! answers differ between them. A case passes when the number of crux's top-level inline quotes
//! (direct, partial and scare quotes inside no other one) equals `expected_num_quotes`, each
//! expected quote span equals a crux inline quote's span byte for byte, and each expected
//! (outer, inner) pair is a pair of crux inline quotes with the inner inside the outer.
//! `no_embedded_in` and `unclosed_quotes` are informative only.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crux_parser::Quote;
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, is_inline, range};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "corenlp_quote_tests";

/// The option set crux is compared with first.
const DEFAULT_PIPELINE: &str = "pipeline";

#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    pipeline: String,
    #[serde(default)]
    pipeline_options: BTreeMap<String, String>,
    expected_num_quotes: usize,
    #[serde(default)]
    quotes: Vec<Expected>,
    #[serde(default)]
    embedded: Vec<Pair>,
}

#[derive(Deserialize)]
struct Expected {
    span: JsonSpan,
}

#[derive(Deserialize)]
struct Pair {
    outer: JsonSpan,
    inner: JsonSpan,
}

#[derive(Default)]
struct Group {
    options: String,
    cases: usize,
    passed: usize,
    count_right: usize,
    spans: usize,
    spans_right: usize,
    pairs: usize,
    pairs_right: usize,
}

/// Quotes inside no other quote of the list (a quote with the same span as another is kept
/// once).
fn top_level(quotes: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut top: Vec<(usize, usize)> = quotes
        .iter()
        .copied()
        .filter(|&(s, e)| {
            !quotes
                .iter()
                .any(|&(os, oe)| (os, oe) != (s, e) && os <= s && e <= oe)
        })
        .collect();
    top.dedup();
    top
}

/// crux reports a quotation that runs over several paragraphs as one part per paragraph
/// (each but the last without a closing mark, as the hand-annotated articles count them);
/// CoreNLP reports it as one. Parts are joined here: a part whose text does not end with a
/// closing quotation mark, followed after white space only by the next part.
fn join_continued(text: &str, top: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in top {
        if let Some(last) = out.last_mut()
            && text.get(last.0..last.1).is_some_and(|q| {
                !q.ends_with(['"', '\'', '”', '’', '»', '›', '」', '』']) && !q.ends_with("''")
            })
            && text.get(last.1..s).is_some_and(|gap| gap.trim().is_empty())
        {
            last.1 = e;
            continue;
        }
        out.push((s, e));
    }
    out
}

fn score(case: &Case, group: &mut Group) -> Result<(), String> {
    let analysis = analyse(&case.text);
    let mut inline: Vec<(usize, usize)> = analysis
        .document
        .quotes
        .iter()
        .filter(|q: &&Quote| is_inline(q))
        .map(range)
        .collect();
    inline.sort_unstable();
    let top = join_continued(&case.text, &top_level(&inline));
    let mut problems = Vec::new();
    if top.len() == case.expected_num_quotes {
        group.count_right += 1;
    } else {
        problems.push(format!(
            "{} top-level quotes, expected {}",
            top.len(),
            case.expected_num_quotes
        ));
    }
    for q in &case.quotes {
        group.spans += 1;
        if inline.contains(&q.span.range()) || top.contains(&q.span.range()) {
            group.spans_right += 1;
        } else {
            problems.push(format!("no quote at {:?}", q.span.range()));
        }
    }
    for pair in &case.embedded {
        group.pairs += 1;
        let (outer, inner) = (pair.outer.range(), pair.inner.range());
        let nested = outer.0 <= inner.0 && inner.1 <= outer.1 && outer != inner;
        if nested && inline.contains(&outer) && inline.contains(&inner) {
            group.pairs_right += 1;
        } else {
            problems.push(format!("no pair {outer:?} ⊃ {inner:?}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, case: Case| {
        let group = groups.entry(case.pipeline.clone()).or_default();
        if group.options.is_empty() {
            group.options = case
                .pipeline_options
                .iter()
                .filter(|(k, _)| *k != "attributeQuotes")
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(", ");
        }
        group.cases += 1;
        match score(&case, group) {
            Ok(()) => group.passed += 1,
            Err(why) => failures.push(format!("{} [{}]: {why}", case.id, case.pipeline)),
        }
    })?;

    let mut rows = Vec::new();
    // The default option set first, then the others by name.
    let mut names: Vec<&String> = groups.keys().collect();
    names.sort_by_key(|n| (n.as_str() != DEFAULT_PIPELINE, n.as_str()));
    for name in names {
        let g = &groups[name];
        let label = if name == DEFAULT_PIPELINE {
            format!("cases: {name} (default)")
        } else {
            format!("cases: {name}")
        };
        rows.push(Row::accuracy(NAME, &label, g.passed, g.cases).with_note(g.options.clone()));
        if name == DEFAULT_PIPELINE {
            rows.push(Row::accuracy(
                NAME,
                "  quote count right",
                g.count_right,
                g.cases,
            ));
            rows.push(Row::accuracy(
                NAME,
                "  quote spans exact",
                g.spans_right,
                g.spans,
            ));
            rows.push(Row::accuracy(
                NAME,
                "  embedded pairs",
                g.pairs_right,
                g.pairs,
            ));
        }
    }
    let total = groups.values().map(|g| g.cases).sum();
    let passed = groups.values().map(|g| g.passed).sum();
    rows.push(
        Row::accuracy(NAME, "cases: all option sets", passed, total)
            .with_note("crux has one behaviour; other option sets expect other answers"),
    );
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows,
        failures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continued_parts_are_one_quotation() {
        let text = "He said \"one.\n\n\"two.\n\n\"three.\" Done \"x\"";
        let parts = [(8, 13), (15, 20), (22, 30), (36, 39)];
        assert_eq!(join_continued(text, &parts), [(8, 30), (36, 39)]);
    }

    #[test]
    fn top_level_drops_nested_and_duplicates() {
        let quotes = [(0, 10), (0, 10), (2, 5), (12, 20), (12, 20)];
        assert_eq!(top_level(&quotes), [(0, 10), (12, 20)]);
    }
}
