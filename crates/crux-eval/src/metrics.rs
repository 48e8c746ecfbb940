//! The arithmetic every adapter shares: precision/recall/F1, two- and three-class tables and
//! macro-F1, rank correlation, span overlap, word sets.
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

/// Whether `b` covers at least `min_share` of `a` (and shares at least one byte with it): the
/// one-sided test for "a claim overlaps at least half of the unit", where [`touches`] would
/// also accept a short claim lying inside a long unit.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::covers;
///
/// assert!(covers((0, 10), (0, 5), 0.5)); // half of the unit
/// assert!(!covers((0, 10), (2, 6), 0.5)); // inside it, but only 4 of its 10 bytes
/// assert!(!covers((0, 0), (0, 4), 0.0)); // nothing shared
/// ```
#[must_use]
pub fn covers(a: (usize, usize), b: (usize, usize), min_share: f64) -> bool {
    let o = overlap(a, b);
    #[expect(
        clippy::cast_precision_loss,
        reason = "span lengths are far below 2^52"
    )]
    let enough = o as f64 >= min_share * a.1.saturating_sub(a.0) as f64;
    o > 0 && enough
}

/// Counts of a yes/no decision (subjective, uncertain) against yes/no labels.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::Confusion;
///
/// let mut c = Confusion::default();
/// for (gold, predicted) in [(true, true), (true, false), (false, false), (false, false)] {
///     c.add(gold, predicted);
/// }
/// assert_eq!(c.positive().recall, 0.5);
/// assert_eq!(c.negative().precision, 2.0 / 3.0);
/// assert_eq!((c.correct(), c.total()), (3, 4));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    /// Labelled yes, predicted yes.
    pub true_positives: usize,
    /// Labelled no, predicted yes.
    pub false_positives: usize,
    /// Labelled yes, predicted no.
    pub false_negatives: usize,
    /// Labelled no, predicted no.
    pub true_negatives: usize,
}

impl Confusion {
    /// Counts one item.
    pub fn add(&mut self, gold: bool, predicted: bool) {
        match (gold, predicted) {
            (true, true) => self.true_positives += 1,
            (false, true) => self.false_positives += 1,
            (true, false) => self.false_negatives += 1,
            (false, false) => self.true_negatives += 1,
        }
    }

    /// Adds another table's counts.
    pub fn merge(&mut self, other: &Confusion) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
        self.true_negatives += other.true_negatives;
    }

    /// Precision, recall and F1 of the "yes" class.
    #[must_use]
    pub fn positive(&self) -> Prf {
        let tp = self.true_positives;
        prf(tp, tp + self.false_positives, tp, tp + self.false_negatives)
    }

    /// Precision, recall and F1 of the "no" class.
    #[must_use]
    pub fn negative(&self) -> Prf {
        let tn = self.true_negatives;
        prf(tn, tn + self.false_negatives, tn, tn + self.false_positives)
    }

    /// Items decided right.
    #[must_use]
    pub fn correct(&self) -> usize {
        self.true_positives + self.true_negatives
    }

    /// Items counted.
    #[must_use]
    pub fn total(&self) -> usize {
        self.correct() + self.false_positives + self.false_negatives
    }

    /// The mean F1 of the two classes ([`macro_f1`]).
    #[must_use]
    pub fn macro_f1(&self) -> f64 {
        macro_f1(&[self.positive(), self.negative()])
    }
}

/// The mean of the classes' F1, over the classes that occur among the gold labels or the
/// predictions: a class neither labelled nor predicted is left out, as scikit-learn does when
/// it takes the labels from the data, rather than counted as a perfect 1 (what [`prf`] gives
/// it). A class labelled but never predicted, or predicted but never labelled, counts 0. With
/// no class at all (nothing scored) the mean is 1, like an accuracy over no items.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::{macro_f1, prf};
///
/// let subj = prf(1, 2, 1, 1); // F1 2/3
/// let obj = prf(1, 1, 1, 2); // F1 2/3
/// assert!((macro_f1(&[subj, obj]) - 2.0 / 3.0).abs() < 1e-12);
/// // No subjective sentence labelled or predicted: only the objective class counts.
/// assert_eq!(macro_f1(&[prf(0, 0, 0, 0), prf(3, 3, 3, 3)]), 1.0);
/// ```
#[must_use]
pub fn macro_f1(classes: &[Prf]) -> f64 {
    let present: Vec<f64> = classes
        .iter()
        .filter(|c| c.gold > 0 || c.predicted > 0)
        .map(|c| c.f1)
        .collect();
    if present.is_empty() {
        1.0
    } else {
        present.iter().sum::<f64>() / ratio(present.len(), 1)
    }
}

/// A three-way polarity label: for or against (positive or negative), or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Polarity {
    /// For, positive, a benefit.
    Positive,
    /// Against, negative, a risk.
    Negative,
    /// Neither: no argument, neutral.
    Neutral,
}

impl Polarity {
    /// The three labels, in the order [`Confusion3`] reports them.
    pub const ALL: [Polarity; 3] = [Polarity::Positive, Polarity::Negative, Polarity::Neutral];

    /// The label of a score by VADER's rule: positive at `threshold` or above, negative at
    /// `-threshold` or below, neutral in between (VADER uses 0.05 on its compound score).
    ///
    /// # Examples
    ///
    /// ```
    /// use crux_eval::metrics::Polarity;
    ///
    /// assert_eq!(Polarity::of(0.05, 0.05), Polarity::Positive);
    /// assert_eq!(Polarity::of(-0.2, 0.05), Polarity::Negative);
    /// assert_eq!(Polarity::of(0.049, 0.05), Polarity::Neutral);
    /// ```
    #[must_use]
    pub fn of(score: f64, threshold: f64) -> Polarity {
        if score >= threshold {
            Polarity::Positive
        } else if score <= -threshold {
            Polarity::Negative
        } else {
            Polarity::Neutral
        }
    }

    fn index(self) -> usize {
        match self {
            Polarity::Positive => 0,
            Polarity::Negative => 1,
            Polarity::Neutral => 2,
        }
    }
}

/// Counts of a three-way decision (for / against / neither) against three-way labels.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::{Confusion3, Polarity::*};
///
/// let mut c = Confusion3::default();
/// c.add(Positive, Positive);
/// c.add(Negative, Neutral);
/// c.add(Neutral, Neutral);
/// assert_eq!(c.class(Neutral).precision, 0.5);
/// assert_eq!(c.class(Negative).recall, 0.0);
/// assert_eq!((c.correct(), c.total()), (2, 3));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion3 {
    /// `counts[gold][predicted]`, in the order of [`Polarity::ALL`].
    counts: [[usize; 3]; 3],
}

impl Confusion3 {
    /// Counts one item.
    pub fn add(&mut self, gold: Polarity, predicted: Polarity) {
        let row = &mut self.counts[gold.index()];
        row[predicted.index()] += 1;
    }

    /// Adds another table's counts.
    pub fn merge(&mut self, other: &Confusion3) {
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += t;
            }
        }
    }

    /// Items labelled `gold` and predicted `predicted`.
    #[must_use]
    pub fn count(&self, gold: Polarity, predicted: Polarity) -> usize {
        self.counts[gold.index()][predicted.index()]
    }

    /// Precision, recall and F1 of one class against the other two.
    #[must_use]
    pub fn class(&self, label: Polarity) -> Prf {
        let i = label.index();
        let right = self.counts[i][i];
        let gold = self.counts[i].iter().sum();
        let predicted = self.counts.iter().map(|row| row[i]).sum();
        prf(right, predicted, right, gold)
    }

    /// Items decided right.
    #[must_use]
    pub fn correct(&self) -> usize {
        (0..3).map(|i| self.counts[i][i]).sum()
    }

    /// Items counted.
    #[must_use]
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// The mean F1 of the three classes ([`macro_f1`]).
    #[must_use]
    pub fn macro_f1(&self) -> f64 {
        macro_f1(&Polarity::ALL.map(|p| self.class(p)))
    }
}

/// The ranks of `values`, from 1, ties given the mean of the ranks they span (so `[10, 20, 20,
/// 30]` ranks `[1, 2.5, 2.5, 4]`).
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::ranks;
///
/// assert_eq!(ranks(&[0.3, 0.1, 0.3, 0.2]), [3.5, 1.0, 3.5, 2.0]);
/// ```
#[must_use]
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end (0-based) hold ranks start+1..=end: their mean.
        let mean = ratio(start + 1 + end, 2);
        for &i in &order[start..end] {
            out[i] = mean;
        }
        start = end;
    }
    out
}

/// Pearson's correlation coefficient of two equally long series, or `None` when it is
/// undefined: fewer than two pairs, lengths that differ, or a series that does not vary.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::pearson;
///
/// assert_eq!(pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]), Some(1.0));
/// assert_eq!(pearson(&[1.0, 2.0, 3.0], &[5.0, 5.0, 5.0]), None);
/// ```
#[must_use]
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let n = ratio(xs.len(), 1);
    let (mx, my) = (xs.iter().sum::<f64>() / n, ys.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in xs.iter().zip(ys) {
        let (dx, dy) = (x - mx, y - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some((sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation: Pearson's coefficient of the two series' [`ranks`], ties given
/// their mean rank (as `scipy.stats.spearmanr` does). `None` when it is undefined (see
/// [`pearson`]), for instance when every prediction is the same number.
///
/// # Examples
///
/// ```
/// use crux_eval::metrics::spearman;
///
/// // Monotone but not linear: a perfect rank correlation.
/// assert_eq!(spearman(&[1.0, 2.0, 3.0, 4.0], &[1.0, 4.0, 9.0, 100.0]), Some(1.0));
/// assert_eq!(spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
/// ```
#[must_use]
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    pearson(&ranks(xs), &ranks(ys))
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
    fn covers_is_one_sided() {
        assert!(covers((0, 10), (5, 100), 0.5), "half of the first span");
        assert!(!covers((0, 10), (6, 100), 0.5));
        assert!(
            !covers((0, 10), (3, 7), 0.5),
            "a short span inside a long one"
        );
        assert!(
            covers((3, 7), (0, 10), 0.5),
            "the long one covers the short one"
        );
        assert!(
            !covers((5, 5), (0, 10), 0.0),
            "empty spans are never covered"
        );
    }

    #[test]
    fn confusion_classes() {
        let mut c = Confusion::default();
        c.add(true, true);
        c.add(true, true);
        c.add(true, false);
        c.add(false, true);
        c.add(false, false);
        let yes = c.positive();
        assert_eq!((yes.precision, yes.recall), (2.0 / 3.0, 2.0 / 3.0));
        assert_eq!((yes.gold, yes.predicted), (3, 3));
        let no = c.negative();
        assert_eq!((no.precision, no.recall), (0.5, 0.5));
        assert_eq!((no.gold, no.predicted), (2, 2));
        assert!((c.macro_f1() - (2.0 / 3.0 + 0.5) / 2.0).abs() < 1e-12);
        assert_eq!((c.correct(), c.total()), (3, 5));
        let mut d = Confusion::default();
        d.merge(&c);
        d.merge(&c);
        assert_eq!(d.total(), 10);
    }

    #[test]
    fn macro_f1_with_empty_classes() {
        // Every sentence labelled and predicted objective: the subjective class is absent from
        // both and left out, rather than counted as a perfect 1.
        let mut c = Confusion::default();
        c.add(false, false);
        c.add(false, false);
        assert_eq!(c.macro_f1(), 1.0);
        // A class labelled but never predicted counts 0.
        let mut c = Confusion::default();
        c.add(true, false);
        c.add(false, false);
        assert_eq!(c.negative().f1, 2.0 / 3.0);
        assert!((c.macro_f1() - 1.0 / 3.0).abs() < 1e-12);
        // A class predicted but never labelled counts 0 too.
        let mut c = Confusion::default();
        c.add(false, true);
        c.add(false, false);
        assert!((c.macro_f1() - 1.0 / 3.0).abs() < 1e-12);
        // Nothing scored.
        assert_eq!(Confusion::default().macro_f1(), 1.0);
        assert_eq!(macro_f1(&[]), 1.0);
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

    #[test]
    fn three_classes() {
        use Polarity::{Negative, Neutral, Positive};
        let mut c = Confusion3::default();
        for (gold, predicted) in [
            (Positive, Positive),
            (Positive, Negative),
            (Negative, Negative),
            (Neutral, Neutral),
            (Neutral, Positive),
            (Neutral, Neutral),
        ] {
            c.add(gold, predicted);
        }
        let pos = c.class(Positive);
        assert_eq!((pos.gold, pos.predicted), (2, 2));
        assert_eq!((pos.precision, pos.recall), (0.5, 0.5));
        let neg = c.class(Negative);
        assert_eq!((neg.precision, neg.recall), (0.5, 1.0));
        let neu = c.class(Neutral);
        assert_eq!((neu.precision, neu.recall), (1.0, 2.0 / 3.0));
        let expected = (0.5 + 2.0 / 3.0 + 0.8) / 3.0;
        assert!((c.macro_f1() - expected).abs() < 1e-12);
        assert_eq!((c.correct(), c.total()), (4, 6));
        let mut d = Confusion3::default();
        d.merge(&c);
        d.merge(&c);
        assert_eq!((d.correct(), d.total()), (8, 12));
        // A class neither labelled nor predicted is left out of the mean.
        let mut e = Confusion3::default();
        e.add(Positive, Positive);
        e.add(Neutral, Neutral);
        assert_eq!(e.macro_f1(), 1.0);
        assert_eq!(Confusion3::default().macro_f1(), 1.0);
    }

    #[test]
    fn ranks_average_ties() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 30.0]), [1.0, 2.5, 2.5, 4.0]);
        assert_eq!(ranks(&[5.0, 5.0, 5.0]), [2.0, 2.0, 2.0]);
        assert_eq!(ranks(&[3.0, -1.0, 0.0]), [3.0, 1.0, 2.0]);
        assert!(ranks(&[]).is_empty());
    }

    #[test]
    fn spearman_as_scipy() {
        // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233
        let r = spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0]).unwrap();
        assert!((r - 0.820_782_681_668_123_3).abs() < 1e-12, "{r}");
        // Ties on both sides: ranks [1.5, 1.5, 3, 4] and [1, 2.5, 2.5, 4], whose Pearson
        // coefficient is 5/6 (spearmanr([0, 0, 1, 2], [1, 2, 2, 3]) = 0.8333333333333334).
        let r = spearman(&[0.0, 0.0, 1.0, 2.0], &[1.0, 2.0, 2.0, 3.0]).unwrap();
        let (a, b) = ([1.5, 1.5, 3.0, 4.0], [1.0, 2.5, 2.5, 4.0]);
        assert!((r - pearson(&a, &b).unwrap()).abs() < 1e-12);
        assert!((r - 5.0 / 6.0).abs() < 1e-12, "{r}");
        // Undefined: a constant series, too few pairs, lengths that differ.
        assert_eq!(spearman(&[0.0, 0.0, 0.0], &[1.0, 2.0, 3.0]), None);
        assert_eq!(spearman(&[1.0], &[1.0]), None);
        assert_eq!(spearman(&[1.0, 2.0], &[1.0]), None);
    }

    #[test]
    fn pearson_values() {
        let r = pearson(&[1.0, 2.0, 3.0, 4.0], &[2.0, 1.0, 4.0, 3.0]).unwrap();
        assert!((r - 0.6).abs() < 1e-12, "{r}");
        assert_eq!(pearson(&[1.0, 2.0], &[2.0, 1.0]), Some(-1.0));
    }
}
