//! `arg_microtexts_en`: the English argumentative microtexts, part 1 (Peldszus & Stede), 112
//! short texts split into argumentative discourse units (ADUs) with their role (`pro` or `opp`)
//! and function (`central_claim`, `sup`, `exa`, `reb`, `und`, `add`). `concession_derived` marks
//! the opponent's units that the author grants and then rebuts or undercuts ("Yes, it's
//! annoying … But still …").
//!
//! crux reads each text as plain text (docs/evaluation.md):
//!
//! - **concessions**: a conceded unit is found when a crux caveat of kind concession either has
//!   a scope that shares a byte with the unit, or has its cue in the unit or in the unit that
//!   follows it (the next ADU in the text: "But still …" comes after what it grants). A crux
//!   concession is right when it finds some conceded unit by the same rule.
//! - **central claims**: a `central_claim` unit is found when one crux claim held by the author
//!   covers at least half of it.

use std::io::BufRead;
use std::path::Path;

use crux_parser::{Caveat, CaveatKind};
use serde::Deserialize;

use crate::corpus::{analyse, for_each_record};
use crate::metrics::{covers, overlap, prf};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "arg_microtexts_en";

#[derive(Deserialize)]
struct Record {
    id: String,
    text: String,
    #[serde(default)]
    spans: Vec<Adu>,
}

#[derive(Deserialize)]
struct Adu {
    start_byte: usize,
    end_byte: usize,
    #[serde(default)]
    adu_id: String,
    #[serde(default)]
    function: String,
    #[serde(default)]
    concession_derived: bool,
}

impl Adu {
    fn range(&self) -> (usize, usize) {
        (self.start_byte, self.end_byte)
    }
}

/// Whether concession caveat `c` finds unit `i` of `units` (in text order).
fn finds(c: &Caveat, units: &[&Adu], i: usize) -> bool {
    let cue = (c.span.start(), c.span.end());
    let scope = (c.scope.start(), c.scope.end());
    overlap(scope, units[i].range()) > 0
        || overlap(cue, units[i].range()) > 0
        || units
            .get(i + 1)
            .is_some_and(|next| overlap(cue, next.range()) > 0)
}

#[derive(Default)]
struct Tally {
    texts: usize,
    conceded: usize,
    conceded_found: usize,
    concessions: usize,
    concessions_right: usize,
    central: usize,
    central_found: usize,
    failures: Vec<String>,
}

impl Tally {
    fn text(&mut self, record: &Record) {
        self.texts += 1;
        let analysis = analyse(&record.text);
        let d = &analysis.document;
        let mut units: Vec<&Adu> = record.spans.iter().collect();
        units.sort_by_key(|u| u.range());
        let concessions: Vec<&Caveat> = d
            .caveats
            .iter()
            .filter(|c| c.kind == CaveatKind::Concession)
            .collect();
        let conceded: Vec<usize> = (0..units.len())
            .filter(|&i| units[i].concession_derived)
            .collect();
        self.conceded += conceded.len();
        for &i in &conceded {
            if concessions.iter().any(|c| finds(c, &units, i)) {
                self.conceded_found += 1;
            } else {
                self.failures.push(format!(
                    "{}: conceded unit {} not found",
                    record.id, units[i].adu_id
                ));
            }
        }
        self.concessions += concessions.len();
        for c in &concessions {
            if conceded.iter().any(|&i| finds(c, &units, i)) {
                self.concessions_right += 1;
            } else {
                self.failures.push(format!(
                    "{}: concession {:?} next to no conceded unit",
                    record.id, c.text
                ));
            }
        }
        let claims: Vec<(usize, usize)> = d
            .claims
            .iter()
            .filter(|c| c.holder == "author")
            .map(|c| (c.span.start(), c.span.end()))
            .collect();
        for u in units.iter().filter(|u| u.function == "central_claim") {
            self.central += 1;
            if claims.iter().any(|&c| covers(u.range(), c, 0.5)) {
                self.central_found += 1;
            } else {
                self.failures.push(format!(
                    "{}: central claim {} not found",
                    record.id, u.adu_id
                ));
            }
        }
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut t = Tally::default();
    for_each_record(path, reader, |_, record: Record| t.text(&record))?;
    let concessions = prf(
        t.concessions_right,
        t.concessions,
        t.conceded_found,
        t.conceded,
    );
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows: vec![
            Row::prf(NAME, "concessions", concessions, t.texts).with_note(
                "crux concession: scope overlaps the conceded unit, or cue in it or in the next unit",
            ),
            Row::accuracy(
                NAME,
                "central claims: recall",
                t.central_found,
                t.central,
            )
            .with_note("one author claim covers >= 0.5 of the unit"),
        ],
        failures: t.failures,
    })
}
