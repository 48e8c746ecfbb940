//! What an evaluation returns: one [`DatasetResult`] per scored file, each a list of [`Row`]s.

use serde::{Deserialize, Serialize};

use crate::metrics::{Prf, accuracy};

/// Everything one run measured.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// One result per scored file, in the order the files were met.
    pub datasets: Vec<DatasetResult>,
    /// Files that were looked at but not scored: no data set has that name, or `--dataset`
    /// left it out.
    pub skipped: Vec<Skipped>,
    /// Files that could not be read or scored; the others were still scored.
    pub errors: Vec<FileError>,
}

/// A file not scored, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file.
    pub path: String,
    /// Why it was left out, in lower case.
    pub reason: String,
}

/// A file that could not be read or scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileError {
    /// The file.
    pub path: String,
    /// What went wrong, in lower case.
    pub message: String,
}

/// The scores of one data set file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetResult {
    /// The data set's name (`golden_rules_en`, `polnear`, `crux_gold`, …).
    pub dataset: String,
    /// The file scored.
    pub path: String,
    /// For a gold file, the article it annotates.
    pub article: Option<String>,
    /// What others measured on the same data, to compare with, when known.
    pub published: Option<String>,
    /// The scores, one row per category.
    pub rows: Vec<Row>,
    /// Ids of the items that failed (cases, rules), for `--show-failures`.
    pub failures: Vec<String>,
}

/// What a row measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MetricKind {
    /// Precision, recall and F1 over gold and predicted items.
    Prf,
    /// A share of items judged right (`n_correct / n_items`).
    Accuracy,
    /// A plain number (`value`): a count, a net score.
    Value,
    /// A correlation coefficient in [-1, 1] (`value`) over `n_items` pairs; `value` is null
    /// when it is undefined (a series that does not vary).
    Correlation,
}

/// One measured category of one data set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The data set's name.
    pub dataset: String,
    /// What was measured ("quotes: content", "speaker", "cases passed").
    pub category: String,
    /// Which of the number fields are set.
    pub metric: MetricKind,
    /// For [`MetricKind::Prf`].
    pub precision: Option<f64>,
    /// For [`MetricKind::Prf`].
    pub recall: Option<f64>,
    /// For [`MetricKind::Prf`].
    pub f1: Option<f64>,
    /// For [`MetricKind::Accuracy`].
    pub accuracy: Option<f64>,
    /// For [`MetricKind::Value`] and [`MetricKind::Correlation`].
    pub value: Option<f64>,
    /// Gold items (recall's denominator), where there are gold items.
    pub n_gold: Option<usize>,
    /// Predicted items (precision's denominator), where there are predictions.
    pub n_predicted: Option<usize>,
    /// Items judged right, for accuracies.
    pub n_correct: Option<usize>,
    /// Items (cases, records, articles, pairs) the row is computed over.
    pub n_items: usize,
    /// Anything needed to read the number right.
    pub note: Option<String>,
}

impl Row {
    /// A precision/recall/F1 row over `n_items` items (documents, cases).
    #[must_use]
    pub fn prf(dataset: &str, category: &str, m: Prf, n_items: usize) -> Row {
        Row {
            precision: Some(m.precision),
            recall: Some(m.recall),
            f1: Some(m.f1),
            n_gold: Some(m.gold),
            n_predicted: Some(m.predicted),
            ..Row::empty(dataset, category, MetricKind::Prf, n_items)
        }
    }

    /// An accuracy row: `correct` of `n` right.
    #[must_use]
    pub fn accuracy(dataset: &str, category: &str, correct: usize, n: usize) -> Row {
        Row {
            accuracy: Some(accuracy(correct, n)),
            n_correct: Some(correct),
            ..Row::empty(dataset, category, MetricKind::Accuracy, n)
        }
    }

    /// A row holding one number.
    #[must_use]
    pub fn value(dataset: &str, category: &str, value: f64, n_items: usize) -> Row {
        Row {
            value: Some(value),
            ..Row::empty(dataset, category, MetricKind::Value, n_items)
        }
    }

    /// A correlation row: `value` over `n_pairs` pairs, `None` when undefined.
    #[must_use]
    pub fn correlation(dataset: &str, category: &str, value: Option<f64>, n_pairs: usize) -> Row {
        Row {
            value,
            ..Row::empty(dataset, category, MetricKind::Correlation, n_pairs)
        }
    }

    /// The row counting the `n` items of a split held back for independent measurement.
    #[must_use]
    pub fn held_back(dataset: &str, n: usize) -> Row {
        Row::value(dataset, "test split: not scored", n as f64, n)
            .with_note("held back for independent measurement")
    }

    /// The row counting the `n` of `of` texts (`what`: "sentences", "claims") that crux read
    /// as a header line, finding no body sentence in them.
    #[must_use]
    pub fn header_lines(dataset: &str, what: &str, n: usize, of: usize) -> Row {
        Row::value(
            dataset,
            &format!("{what} read as a header line"),
            n as f64,
            of,
        )
        .with_note("crux found no body sentence: the line was taken for a title or byline")
    }

    /// The same row with a note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Row {
        self.note = Some(note.into());
        self
    }

    fn empty(dataset: &str, category: &str, metric: MetricKind, n_items: usize) -> Row {
        Row {
            dataset: dataset.to_owned(),
            category: category.to_owned(),
            metric,
            precision: None,
            recall: None,
            f1: None,
            accuracy: None,
            value: None,
            n_gold: None,
            n_predicted: None,
            n_correct: None,
            n_items,
            note: None,
        }
    }
}
