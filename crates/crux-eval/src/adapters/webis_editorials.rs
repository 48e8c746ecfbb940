//! `webis_editorials16`: Webis-Editorials-16 (Al-Khatib et al., COLING 2016), 266 news
//! editorials whose segments are labelled as argumentative units: `assumption` (roughly the
//! author's own claim), `anecdote`, `testimony` (a cited statement), `statistics`,
//! `common-ground`, `other`, and `title`. The text was reconstructed from the segments.
//!
//! crux reads each editorial as plain text (docs/evaluation.md):
//!
//! - **assumptions as author claims**: an assumption unit is found when one crux claim held by
//!   the author covers at least half of the unit; a crux author claim is right when at least
//!   half of it lies inside one assumption unit. A second row asks the same of every non-title
//!   unit (any label): are crux's author claims argumentative units at all?
//! - **testimony as quotes**: a testimony unit is found when a crux quote of any kind but scare
//!   shares at least 0.3 of the shorter span with it; such a quote is right when it does so with
//!   some testimony unit.
//! - Per label, the share of units covered (as above) by an author claim: high for assumptions
//!   is good, high for testimony means crux takes cited statements for the author's own.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use crux_parser::{Claim, QuoteKind};
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, range};
use crate::metrics::{covers, prf, touches};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "webis_editorials16";

#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    spans: Vec<Unit>,
}

#[derive(Deserialize)]
struct Unit {
    #[serde(flatten)]
    span: JsonSpan,
    label: String,
}

fn claim_range(c: &Claim) -> (usize, usize) {
    (c.span.start(), c.span.end())
}

/// Found-of-gold and right-of-predicted counts.
#[derive(Default)]
struct Counts {
    gold: usize,
    found: usize,
    predicted: usize,
    right: usize,
}

impl Counts {
    fn row(&self, category: &str, n: usize) -> Row {
        Row::prf(
            NAME,
            category,
            prf(self.right, self.predicted, self.found, self.gold),
            n,
        )
    }
}

#[derive(Default)]
struct Tally {
    editorials: usize,
    assumptions: Counts,
    units: Counts,
    testimony: Counts,
    /// Per label: (covered by an author claim, units).
    covered: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn editorial(&mut self, record: &Record) {
        self.editorials += 1;
        let analysis = analyse(&record.text);
        let d = &analysis.document;
        let claims: Vec<(usize, usize)> = d
            .claims
            .iter()
            .filter(|c| c.holder == "author")
            .map(claim_range)
            .collect();
        let units: Vec<&Unit> = record.spans.iter().filter(|u| u.label != "title").collect();
        let assumptions: Vec<&Unit> = units
            .iter()
            .copied()
            .filter(|u| u.label == "assumption")
            .collect();
        let covered = |u: &Unit| claims.iter().any(|&c| covers(u.span.range(), c, 0.5));
        let inside = |c: (usize, usize), among: &[&Unit]| {
            among.iter().any(|u| covers(c, u.span.range(), 0.5))
        };

        for (counts, among) in [
            (&mut self.assumptions, &assumptions),
            (&mut self.units, &units),
        ] {
            counts.gold += among.len();
            counts.found += among.iter().filter(|u| covered(u)).count();
            counts.predicted += claims.len();
            counts.right += claims.iter().filter(|&&c| inside(c, among)).count();
        }
        for u in &units {
            let entry = self.covered.entry(u.label.clone()).or_default();
            entry.0 += usize::from(covered(u));
            entry.1 += 1;
        }

        let quotes: Vec<(usize, usize)> = d
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .map(range)
            .collect();
        let testimony: Vec<(usize, usize)> = units
            .iter()
            .filter(|u| u.label == "testimony")
            .map(|u| u.span.range())
            .collect();
        let t = &mut self.testimony;
        t.gold += testimony.len();
        t.found += testimony
            .iter()
            .filter(|&&u| quotes.iter().any(|&q| touches(u, q, 0.3)))
            .count();
        t.predicted += quotes.len();
        t.right += quotes
            .iter()
            .filter(|&&q| testimony.iter().any(|&u| touches(u, q, 0.3)))
            .count();
    }

    fn rows(&self) -> Vec<Row> {
        let n = self.editorials;
        let mut rows = vec![
            self.assumptions
                .row("assumptions: author claims", n)
                .with_note(
                    "found: one author claim covers >= 0.5 of the unit; \
                     right: >= 0.5 of the claim inside one unit",
                ),
            self.units
                .row("any unit: author claims", n)
                .with_note("as above, against every non-title unit"),
            self.testimony
                .row("testimony: quotes", n)
                .with_note("crux: all but scare quotes; overlap >= 0.3 of the shorter span"),
        ];
        for (label, (covered, units)) in &self.covered {
            rows.push(
                Row::accuracy(
                    NAME,
                    &format!("units covered by an author claim: {label}"),
                    *covered,
                    *units,
                )
                .with_note("one author claim covers >= 0.5 of the unit"),
            );
        }
        rows
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut t = Tally::default();
    for_each_record(path, reader, |_, record: Record| t.editorial(&record))?;
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows: t.rows(),
        failures: Vec::new(),
    })
}
