//! `newssd_eng`: NewsSD-ENG (Antici et al., LREC-COLING 2024), news sentences labelled
//! subjective (`SUBJ`) or objective (`OBJ`), a proxy for "the author's own opinion" against
//! reporting.
//!
//! crux reads each sentence on its own, as plain text, and two rules turn what it finds into a
//! label (docs/evaluation.md):
//!
//! - **author opinion** (the main rule): subjective when crux finds a claim held by the author
//!   whose type is evaluation, prediction or normative; objective otherwise (the author's claims
//!   are factual or causal, or there is no author claim: the sentence is a quote or reported
//!   speech).
//! - **any signal** (a variant, to show which signal helps): subjective when crux finds any
//!   caveat or booster, or an author claim whose type is not factual (causal included).
//! - **learned** (the subjectivity model of claim typing, trained on the train split: its train
//!   figure is in-sample): subjective when an author claim's `subjectivity.subjective` is set.
//!
//! Every split in the file is scored (the test split is held back), each with macro-F1 over the
//! two classes, per-class P/R/F1 and accuracy, then all splits together.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crux_parser::{ClaimType, Document};
use serde::Deserialize;

use crate::corpus::{analyse, for_each_record};
use crate::metrics::Confusion;
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "newssd_eng";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    split: String,
    text: String,
    subjective: bool,
}

/// The main rule: an author claim of type evaluation, prediction or normative.
fn author_opinion(d: &Document) -> bool {
    d.claims.iter().any(|c| {
        c.holder == "author"
            && matches!(
                c.kind,
                ClaimType::Evaluation | ClaimType::Prediction | ClaimType::Normative
            )
    })
}

/// The variant: any caveat of the author's or booster, or an author claim that is not factual.
fn any_signal(d: &Document) -> bool {
    d.caveats.iter().any(|c| c.holder == "author")
        || !d.boosters.is_empty()
        || d.claims
            .iter()
            .any(|c| c.holder == "author" && c.kind != ClaimType::Factual)
}

/// The learned variant: an author claim the subjectivity model reads as subjective.
fn learned(d: &Document) -> bool {
    d.claims
        .iter()
        .any(|c| c.holder == "author" && c.subjectivity.subjective)
}

/// The three rules' tables for one split.
#[derive(Default, Clone, Copy)]
struct Split {
    opinion: Confusion,
    signal: Confusion,
    learned: Confusion,
}

fn split_rows(split: &str, s: &Split) -> Vec<Row> {
    let n = s.opinion.total();
    let mut rows = Vec::new();
    for (rule, c, note) in [
        (
            "",
            &s.opinion,
            "subjective: an author claim of type evaluation, prediction or normative",
        ),
        (
            " (any signal)",
            &s.signal,
            "subjective: any author caveat or booster, or a non-factual author claim",
        ),
        (
            " (learned)",
            &s.learned,
            "subjective: an author claim the subjectivity model reads as subjective (fitted on train)",
        ),
    ] {
        rows.push(
            Row::value(NAME, &format!("{split}: macro-F1{rule}"), c.macro_f1(), n).with_note(note),
        );
        rows.push(Row::prf(
            NAME,
            &format!("{split}: subjective{rule}"),
            c.positive(),
            n,
        ));
        rows.push(Row::prf(
            NAME,
            &format!("{split}: objective{rule}"),
            c.negative(),
            n,
        ));
        rows.push(Row::accuracy(
            NAME,
            &format!("{split}: accuracy{rule}"),
            c.correct(),
            c.total(),
        ));
    }
    rows
}

fn label(subjective: bool) -> &'static str {
    if subjective { "SUBJ" } else { "OBJ" }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut splits: BTreeMap<String, Split> = BTreeMap::new();
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Record| {
        let analysis = analyse(&record.text);
        let d = &analysis.document;
        let (opinion, signal) = (author_opinion(d), any_signal(d));
        let s = splits.entry(record.split.clone()).or_default();
        s.opinion.add(record.subjective, opinion);
        s.signal.add(record.subjective, signal);
        s.learned.add(record.subjective, learned(d));
        if opinion != record.subjective {
            let claims: Vec<String> = d
                .claims
                .iter()
                .map(|c| format!("{} {}", c.holder, format!("{:?}", c.kind).to_lowercase()))
                .collect();
            failures.push(format!(
                "{}: gold {}, crux {} (claims: [{}])",
                record.id,
                label(record.subjective),
                label(opinion),
                claims.join(", ")
            ));
        }
    })?;
    let mut rows: Vec<Row> = splits.iter().flat_map(|(k, s)| split_rows(k, s)).collect();
    if splits.len() > 1 {
        let mut all = Split::default();
        for s in splits.values() {
            all.opinion.merge(&s.opinion);
            all.signal.merge(&s.signal);
            all.learned.merge(&s.learned);
        }
        rows.extend(split_rows("all", &all));
    }
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(
            "best English test macro-F1 0.82 (fine-tuned mBERT); the test split is held back"
                .to_owned(),
        ),
        rows,
        failures,
    })
}
