//! `szeged_uncertainty_factbank` and `szeged_uncertainty_wiki`: the news and Wikipedia parts of
//! the Szeged Uncertainty Corpus (Szarvas et al., Computational Linguistics 2012), one record
//! per sentence with its uncertainty cues (`spans`, `label_short` such as `modal_probable` or
//! `hypo_condition`) and `uncertain` (at least one cue).
//!
//! crux reads each sentence on its own, as plain text. The corpus's cue types are semantic
//! uncertainty (modality, belief, conditions, investigation), which crux's hedges and
//! conditions stand for; its concessions and limitations are other things, so the main rule
//! counts hedges and conditions only and a variant counts every caveat kind
//! (docs/evaluation.md):
//!
//! - **sentences**: crux says a sentence is uncertain when it finds at least one caveat of kind
//!   hedge or condition in it; P/R/F1 of the "uncertain" class.
//! - **cues**: a gold cue is found when a crux hedge or condition caveat's cue shares a byte with
//!   it; precision counts crux's hedge and condition caveats that share a byte with some gold
//!   cue. Recall is also broken down by `label_short`.
//! - The corpus marks cues whoever holds them, so every crux caveat counts, the author's and
//!   the speakers' (cues inside quotations and reported speech, with the speaker as `holder`),
//!   and so do the beliefs, expectations and questions crux ascribes to a third party
//!   (`attributed_caveats`: "analysts believe", "reporters asked whether").
//!   Cue-level P/R/F1 is also given over the gold cues that lie in no crux quote (of any kind).

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crux_parser::{Caveat, CaveatKind};
use serde::Deserialize;

use crate::corpus::{analyse, for_each_record};
use crate::metrics::{Confusion, overlap, prf};
use crate::{DatasetResult, EvalError, Row};

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    spans: Vec<Cue>,
    uncertain: bool,
}

#[derive(Deserialize)]
struct Cue {
    start_byte: usize,
    end_byte: usize,
    #[serde(default)]
    text: String,
    #[serde(default)]
    label_short: String,
}

impl Cue {
    fn range(&self) -> (usize, usize) {
        (self.start_byte, self.end_byte)
    }
}

/// The caveat kinds that stand for the corpus's semantic uncertainty.
fn uncertain_kind(c: &Caveat) -> bool {
    matches!(c.kind, CaveatKind::Hedge | CaveatKind::Condition)
}

fn caveat_range(c: &Caveat) -> (usize, usize) {
    (c.span.start(), c.span.end())
}

/// Cue-level counts for one set of crux caveats.
#[derive(Default)]
struct Cues {
    gold: usize,
    found: usize,
    predicted: usize,
    right: usize,
}

impl Cues {
    fn add<G: std::borrow::Borrow<Cue>>(&mut self, gold: &[G], caveats: &[&Caveat]) {
        self.gold += gold.len();
        self.found += gold
            .iter()
            .filter(|g| caveats.iter().any(|c| hit(g.borrow(), c)))
            .count();
        self.predicted += caveats.len();
        self.right += caveats
            .iter()
            .filter(|c| gold.iter().any(|g| hit(g.borrow(), c)))
            .count();
    }
}

fn hit(g: &Cue, c: &Caveat) -> bool {
    overlap(g.range(), caveat_range(c)) > 0
}

#[derive(Default)]
struct Tally {
    sentences: Confusion,
    any_kind: Confusion,
    cues: Cues,
    cues_any_kind: Cues,
    cues_outside_quotes: Cues,
    /// Per `label_short`: (found, gold).
    labels: BTreeMap<String, (usize, usize)>,
    /// Sentences in which crux found no body sentence (it read the line as a title or byline).
    header_only: usize,
    failures: Vec<String>,
}

impl Tally {
    fn sentence(&mut self, record: &Record) {
        let analysis = analyse(&record.text);
        let document = &analysis.document;
        if document.sentences.is_empty() && !record.text.trim().is_empty() {
            self.header_only += 1;
        }
        // The corpus marks everyone's uncertainty: the caveats and the beliefs, expectations
        // and questions crux ascribes to a third party.
        let mut all: Vec<&Caveat> = document
            .caveats
            .iter()
            .chain(&document.attributed_caveats)
            .collect();
        all.sort_by_key(|c| c.span);
        let uncertain: Vec<&Caveat> = all.iter().copied().filter(|c| uncertain_kind(c)).collect();
        let predicted = !uncertain.is_empty();
        self.sentences.add(record.uncertain, predicted);
        self.any_kind.add(record.uncertain, !all.is_empty());
        self.cues.add(&record.spans, &uncertain);
        self.cues_any_kind.add(&record.spans, &all);
        let outside: Vec<&Cue> = record
            .spans
            .iter()
            .filter(|g| {
                !document
                    .quotes
                    .iter()
                    .any(|q| q.span.start() <= g.start_byte && g.end_byte <= q.span.end())
            })
            .collect();
        // Outside quotations: the author's caveats against the gold cues crux does not quote.
        let authors: Vec<&Caveat> = uncertain
            .iter()
            .copied()
            .filter(|c| c.holder == "author")
            .collect();
        self.cues_outside_quotes.add(&outside, &authors);
        for g in &record.spans {
            let entry = self.labels.entry(g.label_short.clone()).or_default();
            entry.0 += usize::from(uncertain.iter().any(|c| hit(g, c)));
            entry.1 += 1;
        }
        if predicted != record.uncertain {
            let gold: Vec<String> = record
                .spans
                .iter()
                .map(|g| format!("{:?} ({})", g.text, g.label_short))
                .collect();
            let crux: Vec<String> = all
                .iter()
                .map(|c| format!("{:?} ({})", c.text, format!("{:?}", c.kind).to_lowercase()))
                .collect();
            self.failures.push(format!(
                "{}: gold cues [{}], crux caveats [{}]",
                record.id,
                gold.join(", "),
                crux.join(", ")
            ));
        }
    }

    fn rows(&self, name: &str) -> Vec<Row> {
        let n = self.sentences.total();
        let c = &self.cues;
        let a = &self.cues_any_kind;
        let o = &self.cues_outside_quotes;
        let mut rows = vec![
            Row::prf(name, "sentences: uncertain", self.sentences.positive(), n)
                .with_note("crux: >= 1 hedge or condition caveat in the sentence"),
            Row::accuracy(
                name,
                "sentences: accuracy",
                self.sentences.correct(),
                self.sentences.total(),
            )
            .with_note("uncertain or not, crux: hedge or condition"),
            Row::prf(
                name,
                "sentences: uncertain (any caveat)",
                self.any_kind.positive(),
                n,
            )
            .with_note("crux: >= 1 caveat of any kind"),
            Row::prf(name, "cues", prf(c.right, c.predicted, c.found, c.gold), n)
                .with_note("a crux hedge or condition cue shares a byte with the gold cue"),
            Row::prf(
                name,
                "cues (any caveat)",
                prf(a.right, a.predicted, a.found, a.gold),
                n,
            )
            .with_note("crux caveats of every kind"),
            Row::prf(
                name,
                "cues outside crux quotes",
                prf(o.right, o.predicted, o.found, o.gold),
                n,
            )
            .with_note("gold cues in no crux quote or reported speech; crux: the author's hedges and conditions"),
        ];
        for (label, (found, gold)) in &self.labels {
            rows.push(
                Row::accuracy(name, &format!("cues: recall, {label}"), *found, *gold)
                    .with_note("share of these gold cues found (hedge or condition)"),
            );
        }
        rows.push(Row::header_lines(name, "sentences", self.header_only, n));
        rows
    }
}

fn run(name: &str, path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut t = Tally::default();
    for_each_record(path, reader, |_, record: Record| t.sentence(&record))?;
    Ok(DatasetResult {
        dataset: name.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows: t.rows(name),
        failures: t.failures,
    })
}

pub(crate) fn run_factbank(
    path: &Path,
    reader: &mut dyn BufRead,
) -> Result<DatasetResult, EvalError> {
    run("szeged_uncertainty_factbank", path, reader)
}

pub(crate) fn run_wiki(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    run("szeged_uncertainty_wiki", path, reader)
}
