//! `ibm_evidence_sentences`: IBM Debater Evidence Sentences (Shnarch et al., ACL 2018),
//! (topic, Wikipedia sentence) pairs labelled 1 when the sentence is evidence for or against
//! the topic (a study's finding, an expert's statement), 0 otherwise; the label is the majority
//! of ten crowd labels.
//!
//! crux has no notion of evidence, and it does not read the topic. What it does find is the
//! two things an evidence sentence usually has, so the rows are **proxies** (docs/evaluation.md):
//!
//! - **relays a source** (the main proxy; its misses and false alarms are the failures): crux
//!   finds a quote of any kind but scare (direct, partial, block,
//!   reported speech; "according to …", "a study found that …" when its parser reads a
//!   speaker) in the sentence;
//! - **states a risk or benefit**: crux's analysis finds an assessment in it;
//! - **either**, and **both**.
//!
//! Each is scored as P/R/F1 of the evidence class, beside the base rate and the F1 of calling
//! every sentence evidence, which a proxy has to beat to say anything. Every split but `test` is
//! scored (the file holds `train` and `test`); `test` records are counted and left out.

use std::io::BufRead;
use std::path::Path;

use crux_parser::QuoteKind;
use serde::Deserialize;

use crate::corpus::{analyse, for_each_record};
use crate::metrics::{Confusion, prf, ratio};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "ibm_evidence_sentences";

/// The split kept for independent measurement: counted, never scored.
const HELD_BACK: &str = "test";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    split: String,
    text: String,
    label: Label,
}

/// `label`: 1 evidence, 0 not; any other number is a format error.
#[derive(Deserialize, Clone, Copy)]
#[serde(try_from = "i64")]
struct Label(bool);

impl TryFrom<i64> for Label {
    type Error = String;

    fn try_from(n: i64) -> Result<Label, String> {
        match n {
            1 => Ok(Label(true)),
            0 => Ok(Label(false)),
            _ => Err(format!("label {n}: expected 1 or 0")),
        }
    }
}

/// The proxies, in the order of the rows.
const PROXIES: [(&str, &str); 4] = [
    (
        "relays a source",
        "crux finds a quote or reported speech (not a scare quote) in the sentence",
    ),
    (
        "states a risk or benefit",
        "crux finds an assessment in the sentence",
    ),
    ("either", "a source relayed or a risk or benefit stated"),
    ("both", "a source relayed and a risk or benefit stated"),
];

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut tables = [Confusion::default(); PROXIES.len()];
    let mut held_back = 0_usize;
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Record| {
        if record.split == HELD_BACK {
            held_back += 1;
            return;
        }
        let Label(gold) = record.label;
        let analysis = analyse(&record.text);
        let source = analysis
            .document
            .quotes
            .iter()
            .any(|q| q.kind != QuoteKind::Scare);
        let assessed = !analysis.assessments.is_empty();
        let said = [source, assessed, source || assessed, source && assessed];
        for (t, s) in tables.iter_mut().zip(said) {
            t.add(gold, s);
        }
        if source != gold {
            failures.push(format!(
                "{}: gold {}, crux: source {source}, risk or benefit {assessed}: {}",
                record.id,
                if gold { "evidence" } else { "not evidence" },
                record.text.trim()
            ));
        }
    })?;
    let n = tables[0].total();
    let evidence = tables[0].positive().gold;
    let base = if n == 0 { 0.0 } else { ratio(evidence, n) };
    let mut rows = vec![
        Row::value(NAME, "evidence sentences (base rate)", base, n)
            .with_note(format!("{evidence} labelled evidence of {n}")),
        Row::prf(
            NAME,
            "every sentence called evidence",
            prf(evidence, n, evidence, evidence),
            n,
        )
        .with_note("the trivial baseline a proxy has to beat"),
    ];
    for ((name, note), t) in PROXIES.iter().zip(&tables) {
        rows.push(
            Row::prf(NAME, &format!("evidence ~ {name}"), t.positive(), n)
                .with_note(format!("proxy: {note}")),
        );
    }
    rows.push(Row::held_back(NAME, held_back));
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows,
        failures,
    })
}
