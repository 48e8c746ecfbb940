//! The arithmetic every adapter shares: precision/recall/F1, span overlap, word sets.
//!
//! These follow `score.py` (the scorer of crux's gold format) exactly, so that a figure means
//! the same thing whichever data set it comes from.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// Precision, recall and F1 with the counts they came from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Share of predictions that are right.
    pub precision: f64,
    /// Share of (required) gold items that were found.
    pub recall: f64,
    /// Harmonic mean of the two, 0 when both are 0.
    pub f1: f64,
    /// Gold items counted for recall.
    pub gold: usize,
    /// Predictions counted for precision.
    pub predicted: usize,
}

/// Precision, recall and F1 from hit counts.
///
/// `tp_pred` of `n_pred` predictions are right; `tp_gold` of `n_gold` gold items were found.
/// The two hit counts differ when matching is not one-to-one (one long prediction can cover
/// two gold items). Zero denominators follow `score.py`: with no predictions, precision is 1
/// when there was nothing to find and 0 otherwise; with no gold items, recall is 1.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::prf;
///
/// let m = prf(3, 4, 3, 6);
/// assert_eq!((m.precision, m.recall), (0.75, 0.5));
/// assert_eq!(prf(0, 0, 0, 0).f1, 1.0);
/// assert_eq!(prf(0, 0, 0, 5).f1, 0.0);
/// ```
#[must_use]
pub fn prf(tp_pred: usize, n_pred: usize, tp_gold: usize, n_gold: usize) -> Prf {
    let precision = if n_pred > 0 {
        ratio(tp_pred, n_pred)
    } else if n_gold == 0 {
        1.0
    } else {
        0.0
    };
    let recall = if n_gold > 0 {
        ratio(tp_gold, n_gold)
    } else {
        1.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Prf {
        precision,
        recall,
        f1,
        gold: n_gold,
        predicted: n_pred,
    }
}

/// `a / b` as a float; callers guarantee `b > 0`.
#[expect(
    clippy::cast_precision_loss,
    reason = "counts of items are far below 2^52"
)]
pub(crate) fn ratio(a: usize, b: usize) -> f64 {
    a as f64 / b as f64
}

/// Share `correct / n`, or 1 when there is nothing to score (as `score.py` does).
#[must_use]
pub fn accuracy(correct: usize, n: usize) -> f64 {
    if n == 0 { 1.0 } else { ratio(correct, n) }
}

/// How many bytes two half-open ranges `[start, end)` share.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::overlap;
///
/// assert_eq!(overlap((0, 10), (5, 20)), 5);
/// assert_eq!(overlap((0, 5), (5, 9)), 0);
/// ```
#[must_use]
pub fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Whether two ranges touch enough: they share at least one byte, and at least `min_share` of
/// the shorter one (`score.py`'s `touches(min_share)`).
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::touches;
///
/// assert!(touches((0, 10), (5, 20), 0.5)); // 5 of the shorter 10
/// assert!(!touches((0, 10), (6, 20), 0.5)); // 4 of 10
/// assert!(!touches((0, 0), (0, 4), 0.0)); // nothing shared
/// ```
#[must_use]
pub fn touches(a: (usize, usize), b: (usize, usize), min_share: f64) -> bool {
    let o = overlap(a, b);
    let shorter = (a.1.saturating_sub(a.0)).min(b.1.saturating_sub(b.0));
    #[expect(
        clippy::cast_precision_loss,
        reason = "span lengths are far below 2^52"
    )]
    let enough = o as f64 >= min_share * shorter as f64;
    o > 0 && enough
}

/// Words that say nothing about who a speaker is (`score.py`'s `STOP`).
const STOP: &[&str] = &["the", "a", "an", "of", "one", "some", "several", "former"];

/// The content words of a phrase, as `score.py`'s `words`: lower-cased, full stops removed (so
/// `D.E.A.` is `dea`), runs of ASCII letters and digits, stop words dropped.
#[must_use]
pub fn words(s: &str) -> BTreeSet<String> {
    let lower = s.to_lowercase().replace('.', "");
    lower
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(str::to_owned)
        .collect()
}

/// Whether a predicted speaker names the gold one: at least half of the gold speaker's content
/// words are among the prediction's (`score.py`'s `same_speaker`). A gold speaker with no
/// content words is never matched.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::same_speaker;
///
/// assert!(same_speaker("one American military official", "an American official"));
/// assert!(!same_speaker("the officials", "Thompson"));
/// ```
#[must_use]
pub fn same_speaker(gold: &str, predicted: &str) -> bool {
    let g = words(gold);
    if g.is_empty() {
        return false;
    }
    let p = words(predicted);
    let shared = g.intersection(&p).count();
    2 * shared >= g.len()
}

/// Collapses runs of white space to one space and trims: how sentence texts are compared with
/// the golden rules, exactly as `crates/crux-parser/tests/golden_rules.rs` compares them.
#[must_use]
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_counts() {
        let m = prf(2, 4, 1, 2);
        assert_eq!(m.precision, 0.5);
        assert_eq!(m.recall, 0.5);
        assert_eq!(m.f1, 0.5);
        assert_eq!((m.gold, m.predicted), (2, 4));
    }

    #[test]
    fn prf_zero_denominators() {
        // Nothing to find, nothing found: perfect.
        let m = prf(0, 0, 0, 0);
        assert_eq!((m.precision, m.recall, m.f1), (1.0, 1.0, 1.0));
        // Something to find, nothing found.
        let m = prf(0, 0, 0, 3);
        assert_eq!((m.precision, m.recall, m.f1), (0.0, 0.0, 0.0));
        // Nothing to find, something found: every prediction is wrong.
        let m = prf(0, 2, 0, 0);
        assert_eq!((m.precision, m.recall, m.f1), (0.0, 1.0, 0.0));
        // Predictions but no hits.
        let m = prf(0, 2, 0, 2);
        assert_eq!(m.f1, 0.0);
    }

    #[test]
    fn accuracy_of_nothing_is_one() {
        assert_eq!(accuracy(0, 0), 1.0);
        assert_eq!(accuracy(1, 4), 0.25);
    }

    #[test]
    fn overlap_rules() {
        assert_eq!(overlap((0, 10), (10, 20)), 0);
        assert_eq!(overlap((3, 7), (0, 20)), 4);
        assert_eq!(
            overlap((5, 2), (0, 20)),
            0,
            "a reversed range shares nothing"
        );
        // Half of the shorter span, inclusive.
        assert!(touches((0, 4), (2, 100), 0.5));
        assert!(!touches((0, 4), (3, 100), 0.5));
        // The Gender Gap Tracker's 0.3.
        assert!(touches((0, 10), (7, 30), 0.3));
        assert!(!touches((0, 10), (8, 30), 0.3));
        // Any shared byte with a tiny share.
        assert!(touches((0, 1000), (999, 1001), 0.01) == (1.0 >= 0.01 * 2.0));
        // Empty spans never touch.
        assert!(!touches((5, 5), (0, 10), 0.0));
    }

    #[test]
    fn words_as_score_py() {
        let w = words("Several former D.E.A. officials");
        assert_eq!(w.into_iter().collect::<Vec<_>>(), ["dea", "officials"]);
        assert!(words("the").is_empty());
        assert_eq!(
            words("Thompson’s piece").into_iter().collect::<Vec<_>>(),
            ["piece", "s", "thompson"]
        );
    }

    #[test]
    fn speaker_matching() {
        assert!(same_speaker("Ginger Thompson", "Thompson"));
        assert!(same_speaker("the Americans", "Americans"));
        assert!(!same_speaker("the", "the"));
        assert!(!same_speaker("Ginger Thompson", ""));
    }

    #[test]
    fn whitespace_collapsed() {
        assert_eq!(
            collapse_whitespace("  It was a cold \nnight. "),
            "It was a cold night."
        );
    }
}
