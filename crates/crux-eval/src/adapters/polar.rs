//! What the polarity adapters share: crux's and VADER's three-way tables side by side, and the
//! rows of a two-sided label (positive/negative, support/contest) where "neutral" means the
//! method gave no answer.

use std::collections::BTreeMap;

use crate::Row;
use crate::metrics::{Confusion3, Polarity};

/// crux's and VADER's tables for one split or topic.
#[derive(Default, Clone, Copy)]
pub(crate) struct Tables {
    pub(crate) crux: Confusion3,
    pub(crate) vader: Confusion3,
}

impl Tables {
    pub(crate) fn merge(&mut self, other: &Tables) {
        self.crux.merge(&other.crux);
        self.vader.merge(&other.vader);
    }
}

/// Each split's rows, then, when there are several, the rows of all of them together.
pub(crate) fn splits_and_all(
    splits: &BTreeMap<String, Tables>,
    rows_of: impl Fn(&str, &Tables) -> Vec<Row>,
) -> Vec<Row> {
    let mut rows: Vec<Row> = splits.iter().flat_map(|(k, t)| rows_of(k, t)).collect();
    if splits.len() > 1 {
        let mut all = Tables::default();
        for t in splits.values() {
            all.merge(t);
        }
        rows.extend(rows_of("all", &all));
    }
    rows
}

/// How a two-sided label is named and how each method reads it.
pub(crate) struct TwoSided<'a> {
    /// The data set's name.
    pub(crate) dataset: &'a str,
    /// The names of the positive and the negative side ("support", "contest").
    pub(crate) sides: [&'a str; 2],
    /// The note on coverage: what counts as an answer.
    pub(crate) answered: &'a str,
    /// crux's rule and VADER's rule, as notes.
    pub(crate) rules: [&'a str; 2],
}

/// Coverage, accuracy on the covered items, accuracy counting the uncovered as wrong, and
/// each side's P/R/F1, for crux and then for VADER.
pub(crate) fn two_sided_rows(split: &str, t: &Tables, label: &TwoSided<'_>) -> Vec<Row> {
    let name = label.dataset;
    let mut rows = Vec::new();
    for (who, c, note) in [
        ("", &t.crux, label.rules[0]),
        (" (VADER)", &t.vader, label.rules[1]),
    ] {
        let n = c.total();
        let (pos, neg, neu) = (Polarity::Positive, Polarity::Negative, Polarity::Neutral);
        let uncovered = c.count(pos, neu) + c.count(neg, neu);
        let covered = n - uncovered;
        rows.push(
            Row::accuracy(name, &format!("{split}: coverage{who}"), covered, n)
                .with_note(format!("{}; {note}", label.answered)),
        );
        rows.push(Row::accuracy(
            name,
            &format!("{split}: accuracy on covered{who}"),
            c.correct(),
            covered,
        ));
        rows.push(
            Row::accuracy(name, &format!("{split}: accuracy{who}"), c.correct(), n)
                .with_note("uncovered claims count as wrong"),
        );
        for (class, p) in [(label.sides[0], pos), (label.sides[1], neg)] {
            rows.push(Row::prf(
                name,
                &format!("{split}: {class}{who}"),
                c.class(p),
                n,
            ));
        }
    }
    rows
}
