//! `golden_rules_en`: the 52 English Golden Rules of Pragmatic Segmenter.
//!
//! A rule passes when crux's sentences, white space collapsed, equal the expected ones: the
//! comparison of `crates/crux-parser/tests/golden_rules.rs`, which explains why white space is
//! collapsed (rule 41 expects a line break removed, and crux's spans cannot delete bytes).

use std::io::BufRead;
use std::path::Path;

use crux_parser::split_sentences;
use serde::Deserialize;

use crate::corpus::for_each_record;
use crate::metrics::collapse_whitespace;
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "golden_rules_en";

#[derive(Deserialize)]
struct Rule {
    id: String,
    #[serde(default)]
    rule_name: String,
    text: String,
    expected: Vec<String>,
}

/// Whether crux splits `text` into exactly `expected`.
pub(crate) fn passes(text: &str, expected: &[String]) -> bool {
    let got = split_sentences(text)
        .into_iter()
        .map(|span| collapse_whitespace(&text[span]));
    got.eq(expected.iter().map(|s| collapse_whitespace(s)))
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut total = 0;
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, rule: Rule| {
        total += 1;
        if !passes(&rule.text, &rule.expected) {
            failures.push(format!("{} ({})", rule.id, rule.rule_name));
        }
    })?;
    let passed = total - failures.len();
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(
            "Pragmatic Segmenter 98.08%, pySBD 97.92%, OpenNLP and CoreNLP 59.62%, Punkt 46.15%"
                .to_owned(),
        ),
        rows: vec![
            Row::accuracy(NAME, "sentences: rules passed", passed, total)
                .with_note("sentence texts compared with white space collapsed"),
        ],
        failures,
    })
}
