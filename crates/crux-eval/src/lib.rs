//! crux-eval measures crux against labelled data: public data sets converted to JSON Lines
//! (`/work/shared/corpora/README.md` describes them) and crux's own gold annotations
//! (`*.gold.json`). It runs the parser and the analysis on each item, compares what they find
//! with the labels, and returns the scores as a value; it never prints.
//!
//! # Brief overview
//!
//! [`evaluate`] takes files and folders and returns a [`Report`]: one [`DatasetResult`] per
//! scored file, each a list of [`Row`]s (precision/recall/F1, an accuracy or a plain value,
//! with the counts behind it). Files are recognised by name ([`DATASETS`]; `*.gold.json` is a
//! crux gold file, scored by [`gold::score`]); others are listed as skipped. A file that cannot
//! be read is listed in [`Report::errors`] and the others are still scored. [`metrics`] holds
//! the shared arithmetic. How each data set is scored is in `docs/evaluation.md`.
//!
//! Unlike the parser and the analysis, this crate reads files: reading data sets is its job.
//! Large files are streamed line by line.
//!
//! # Example
//!
//! ```
//! use std::io::Write;
//!
//! let dir = std::env::temp_dir().join(format!("crux-eval-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let rule = r#"{"id": "golden_rules_en:1", "rule_name": "Simple period", "text": "Hello World. My name is Jonas.", "expected": ["Hello World.", "My name is Jonas."]}"#;
//! let mut file = std::fs::File::create(dir.join("golden_rules_en.jsonl"))?;
//! writeln!(file, "{rule}")?;
//!
//! let report = crux_eval::evaluate(&[dir.clone()], &crux_eval::Options::default());
//! let rules = &report.datasets[0];
//! assert_eq!(rules.dataset, "golden_rules_en");
//! assert_eq!(rules.rows[0].accuracy, Some(1.0));
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod adapters;
mod corpus;
pub mod gold;
pub mod metrics;
mod report;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

pub use report::{DatasetResult, FileError, MetricKind, Report, Row, Skipped};

/// The name under which crux gold files (`*.gold.json`) are reported and selected.
pub const GOLD_DATASET: &str = "crux_gold";

/// What to evaluate and how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Score only these data sets (names as in [`DATASETS`], or [`GOLD_DATASET`]). By default,
    /// empty: every recognised file is scored.
    pub datasets: Vec<String>,
    /// The article a gold file annotates. By default, `None`: found from the gold file's
    /// `article` field, relative to the folder above the gold file's folder.
    pub article: Option<PathBuf>,
}

impl Options {
    fn wants(&self, name: &str) -> bool {
        self.datasets.is_empty() || self.datasets.iter().any(|d| d == name)
    }
}

/// Scores one data set file read line by line.
type Runner = fn(&Path, &mut dyn BufRead) -> Result<DatasetResult, EvalError>;

/// A data set this crate knows how to score.
#[derive(Debug, Clone, Copy)]
pub struct Dataset {
    /// Its name, as reported and as `--dataset` selects it.
    pub name: &'static str,
    /// The file name it is recognised by.
    pub file_name: &'static str,
    /// What it measures, in a few words.
    pub about: &'static str,
    run: Runner,
}

/// Every data set with an adapter. Adding one means writing a module under `adapters/` and a
/// line here (see `docs/evaluation.md`).
pub const DATASETS: &[Dataset] = &[
    Dataset {
        name: "golden_rules_en",
        file_name: "golden_rules_en.jsonl",
        about: "sentence splitting: the 52 English Golden Rules",
        run: adapters::golden_rules::run,
    },
    Dataset {
        name: "textacy_quote_tests",
        file_name: "textacy_quote_tests.jsonl",
        about: "direct quotations with speaker and cue: textacy's tests",
        run: adapters::textacy::run,
    },
    Dataset {
        name: "corenlp_quote_tests",
        file_name: "corenlp_quote_tests.jsonl",
        about: "quotation boundaries and nesting: CoreNLP's QuoteAnnotator tests",
        run: adapters::corenlp::run,
    },
    Dataset {
        name: "polnear",
        file_name: "polnear.jsonl",
        about: "attribution content and source in political news: PolNeAR",
        run: adapters::polnear::run,
    },
    Dataset {
        name: "szeged_uncertainty_factbank",
        file_name: "szeged_uncertainty_factbank.jsonl",
        about: "uncertainty cues and uncertain sentences in news: Szeged Uncertainty (FactBank)",
        run: adapters::szeged::run_factbank,
    },
    Dataset {
        name: "szeged_uncertainty_wiki",
        file_name: "szeged_uncertainty_wiki.jsonl",
        about: "uncertainty cues and uncertain sentences in Wikipedia: Szeged Uncertainty (wiki)",
        run: adapters::szeged::run_wiki,
    },
    Dataset {
        name: "newssd_eng",
        file_name: "newssd_eng.jsonl",
        about: "subjective vs objective news sentences: NewsSD-ENG",
        run: adapters::newssd::run,
    },
    Dataset {
        name: "webis_editorials16",
        file_name: "webis_editorials16.jsonl",
        about: "the author's claims and cited testimony in editorials: Webis-Editorials-16",
        run: adapters::webis_editorials::run,
    },
    Dataset {
        name: "arg_microtexts_en",
        file_name: "arg_microtexts_en.jsonl",
        about: "concessions and central claims: argumentative microtexts (English)",
        run: adapters::microtexts::run,
    },
    Dataset {
        name: "ukp_sentential",
        file_name: "ukp_sentential.jsonl",
        about: "for/against/no-argument sentences on a topic: UKP Sentential Argument Mining",
        run: adapters::ukp::run,
    },
    Dataset {
        name: "ibm_claim_stance",
        file_name: "ibm_claim_stance.jsonl",
        about: "the sentiment of claims towards their target: IBM Debater Claim Stance",
        run: adapters::ibm_claim_stance::run,
    },
    Dataset {
        name: "iam_claims",
        file_name: "iam_claims.jsonl",
        about: "claim sentences and their stance in web articles: IAM",
        run: adapters::iam_claims::run,
    },
    Dataset {
        name: "iam_stance",
        file_name: "iam_stance.jsonl",
        about: "the stance of claims towards their topic: IAM (topic, claim) pairs",
        run: adapters::iam_stance::run,
    },
    Dataset {
        name: "ibm_evidence_sentences",
        file_name: "ibm_evidence_sentences.jsonl",
        about: "evidence sentences, by proxy (a source relayed, a risk or benefit): IBM Debater",
        run: adapters::ibm_evidence::run,
    },
    Dataset {
        name: "vader_nyt_documents",
        file_name: "vader_nyt_documents.jsonl",
        about: "rated polarity of NYT opinion snippets, per document: VADER NYT",
        run: adapters::vader_nyt::run_documents,
    },
    Dataset {
        name: "vader_nyt_sentences",
        file_name: "vader_nyt_sentences.jsonl",
        about: "rated polarity of NYT opinion snippets, per sentence: VADER NYT",
        run: adapters::vader_nyt::run_sentences,
    },
];

/// Names `--dataset` accepts: every entry of [`DATASETS`], then [`GOLD_DATASET`].
#[must_use]
pub fn dataset_names() -> Vec<&'static str> {
    DATASETS
        .iter()
        .map(|d| d.name)
        .chain([GOLD_DATASET])
        .collect()
}

/// Why a file could not be scored.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    /// The file could not be opened or read.
    #[error("reading {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// A line or the whole file is not what the data set's format says.
    #[error("{path}{}: {message}", line.map(|n| format!(":{n}")).unwrap_or_default())]
    Format {
        /// The file.
        path: PathBuf,
        /// The 1-based line, for JSON Lines files.
        line: Option<usize>,
        /// What is wrong, in lower case.
        message: String,
    },
}

/// Scores every recognised file among `paths` (files, or folders whose files are looked at in
/// name order, not recursively).
///
/// Never fails as a whole: unreadable files go to [`Report::errors`], unrecognised ones to
/// [`Report::skipped`].
#[must_use]
pub fn evaluate(paths: &[PathBuf], options: &Options) -> Report {
    let mut report = Report::default();
    for path in paths {
        match fs::metadata(path) {
            Err(source) => report.errors.push(error_entry(&EvalError::Io {
                path: path.clone(),
                source,
            })),
            Ok(meta) if meta.is_dir() => match folder_files(path) {
                Err(source) => report.errors.push(error_entry(&EvalError::Io {
                    path: path.clone(),
                    source,
                })),
                Ok(files) => {
                    for file in files {
                        evaluate_file(&file, false, options, &mut report);
                    }
                }
            },
            Ok(_) => evaluate_file(path, true, options, &mut report),
        }
    }
    report
}

fn folder_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

fn error_entry(e: &EvalError) -> FileError {
    let path = match e {
        EvalError::Io { path, .. } | EvalError::Format { path, .. } => path.display().to_string(),
    };
    FileError {
        path,
        message: e.to_string(),
    }
}

/// What kind of file `path` is: a known data set, a gold file, or neither.
enum Kind {
    Dataset(&'static Dataset),
    Gold,
}

fn kind_of(path: &Path, named: bool) -> Option<Kind> {
    let name = path.file_name()?.to_str()?;
    if name.ends_with(".gold.json") {
        return Some(Kind::Gold);
    }
    if let Some(d) = DATASETS.iter().find(|d| d.file_name == name) {
        return Some(Kind::Dataset(d));
    }
    // A file named on the command line may have been renamed: its records say which data
    // set they belong to.
    if named && name.ends_with(".jsonl") {
        let first = BufReader::new(fs::File::open(path).ok()?)
            .lines()
            .next()?
            .ok()?;
        let value: serde_json::Value = serde_json::from_str(&first).ok()?;
        let dataset = value.get("dataset")?.as_str()?;
        return DATASETS
            .iter()
            .find(|d| d.name == dataset)
            .map(Kind::Dataset);
    }
    None
}

fn evaluate_file(path: &Path, named: bool, options: &Options, report: &mut Report) {
    let shown = path.display().to_string();
    let (name, result) = match kind_of(path, named) {
        None => {
            report.skipped.push(Skipped {
                path: shown,
                reason: "not a known data set".to_owned(),
            });
            return;
        }
        Some(Kind::Gold) => (GOLD_DATASET, None),
        Some(Kind::Dataset(d)) => (d.name, Some(d)),
    };
    if !options.wants(name) {
        report.skipped.push(Skipped {
            path: shown,
            reason: format!("{name} not selected"),
        });
        return;
    }
    // A panic while scoring the file (in crux, or in an adapter) costs this file only; one
    // on a single record costs that record only (`corpus::for_each_record`).
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match result {
        None => gold::evaluate_file(path, options.article.as_deref()),
        Some(d) => fs::File::open(path)
            .map_err(|source| EvalError::Io {
                path: path.to_path_buf(),
                source,
            })
            .and_then(|f| (d.run)(path, &mut BufReader::with_capacity(1 << 16, f))),
    }))
    .unwrap_or_else(|payload| {
        Err(EvalError::Format {
            path: path.to_path_buf(),
            line: None,
            message: format!(
                "crux failed on this file (an internal error: {}); the other files are scored",
                corpus::panic_message(&*payload)
            ),
        })
    });
    let failed = corpus::take_failed_records();
    match outcome {
        Ok(result) => report.datasets.push(result),
        Err(e) => report.errors.push(error_entry(&e)),
    }
    for (line, message) in failed {
        report.errors.push(error_entry(&EvalError::Format {
            path: path.to_path_buf(),
            line: Some(line),
            message: format!(
                "crux failed on this record (an internal error: {message}); it is left out of \
                 the scores, the other records are scored"
            ),
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_on_one_record_costs_that_record_only() {
        let dir = std::env::temp_dir().join(format!("crux-eval-panic-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let record = |i: usize, text: &str, subjective: bool| {
            format!(
                "{{\"id\": \"n:{i}\", \"split\": \"test\", \"text\": \"{text}\", \"subjective\": {subjective}}}\n"
            )
        };
        let lines = [
            record(0, "The government should resign at once.", true),
            record(1, "CRUX-TEST-PANIC in this one.", true),
            record(2, "The report was published on Monday.", false),
        ]
        .concat();
        fs::write(dir.join("newssd_eng.jsonl"), lines).unwrap();
        fs::write(dir.join("golden_rules_en.jsonl"), "{\"id\": \"g:1\", \"rule_name\": \"r\", \"text\": \"A. B.\", \"expected\": [\"A.\", \"B.\"]}\n").unwrap();
        let report = evaluate(std::slice::from_ref(&dir), &Options::default());
        let _ = fs::remove_dir_all(&dir);

        // Both files scored; the bad record named by file and line, and left out.
        assert_eq!(report.datasets.len(), 2, "{report:?}");
        let newssd = report
            .datasets
            .iter()
            .find(|d| d.dataset == "newssd_eng")
            .unwrap();
        let accuracy = newssd
            .rows
            .iter()
            .find(|r| r.category == "test: accuracy")
            .unwrap();
        assert_eq!(accuracy.n_items, 2);
        assert_eq!(report.errors.len(), 1);
        assert!(report.errors[0].path.ends_with("newssd_eng.jsonl"));
        assert!(
            report.errors[0]
                .message
                .contains("newssd_eng.jsonl:2: crux failed on this record"),
            "{}",
            report.errors[0].message
        );
        assert!(corpus::take_failed_records().is_empty());
    }
}
