//! `polnear`: PolNeAR attributions in political news (Newell, Margolin & Ruths, LREC 2018).
//!
//! One annotator per article: the first record of each `article` in file order (agreement-study
//! articles have six). Every split in the file is scored and the articles per split reported.
//! Four measures, each with content P/R/F1 and speaker accuracy (docs/evaluation.md): all
//! attributions with content against every crux quote but scare quotes, and the attributions
//! whose content is in quotation marks (`content_in_quotes_derived`) against crux's direct and
//! partial quotes, each at overlap 0.3 (the Gender Gap Tracker's criterion) and 0.8 of the
//! shorter span. A speaker is right when the crux speaker of the best-overlapping item overlaps
//! the gold source span or shares at least half of its content words
//! ([`crate::metrics::same_speaker`]).

use std::collections::{BTreeMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use crux_parser::{Quote, QuoteKind};
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, range};
use crate::metrics::{overlap, prf, same_speaker, touches};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "polnear";

/// The Gender Gap Tracker's overlap criterion.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    split: String,
    article: String,
    text: String,
    #[serde(default)]
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    source: Option<JsonSpan>,
    content: Option<JsonSpan>,
    #[serde(default)]
    content_in_quotes_derived: bool,
}

/// Which attributions and which crux items a measure compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every attribution with content; every crux quote but scare quotes.
    All,
    /// Attributions whose content is in quotation marks; crux's direct and partial quotes.
    Direct,
}

/// Counts for one (scope, overlap) measure.
#[derive(Debug, Clone, Copy)]
struct Measure {
    scope: Scope,
    min_share: f64,
    gold: usize,
    found: usize,
    predicted: usize,
    right_predictions: usize,
    sources: usize,
    sources_right: usize,
}

impl Measure {
    const fn new(scope: Scope, min_share: f64) -> Measure {
        Measure {
            scope,
            min_share,
            gold: 0,
            found: 0,
            predicted: 0,
            right_predictions: 0,
            sources: 0,
            sources_right: 0,
        }
    }

    fn add(&mut self, text: &str, attributions: &[Attribution], quotes: &[Quote]) {
        let items: Vec<&Quote> = quotes
            .iter()
            .filter(|q| match self.scope {
                Scope::All => q.kind != QuoteKind::Scare,
                Scope::Direct => matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial),
            })
            .collect();
        let gold: Vec<(&Attribution, (usize, usize))> = attributions
            .iter()
            .filter(|a| self.scope == Scope::All || a.content_in_quotes_derived)
            .filter_map(|a| a.content.as_ref().map(|c| (a, c.range())))
            .collect();
        self.gold += gold.len();
        self.predicted += items.len();
        // A crux item is right when it matches any attribution: a partial quote inside an
        // attribution of paraphrase is right even when that content is not all in quotation
        // marks.
        self.right_predictions += items
            .iter()
            .filter(|q| {
                attributions.iter().any(|a| {
                    a.content
                        .as_ref()
                        .is_some_and(|c| touches(c.range(), range(q), self.min_share))
                })
            })
            .count();
        for (attribution, content) in &gold {
            let best = items
                .iter()
                .filter(|q| touches(*content, range(q), self.min_share))
                .max_by_key(|q| overlap(*content, range(q)));
            let Some(best) = best else { continue };
            self.found += 1;
            let Some(source) = &attribution.source else {
                continue;
            };
            self.sources += 1;
            let gold_source = text.get(source.start_byte..source.end_byte).unwrap_or("");
            let right = best.speaker.as_ref().is_some_and(|s| {
                overlap(source.range(), (s.span.start(), s.span.end())) > 0
                    || same_speaker(gold_source, &s.text)
            });
            self.sources_right += usize::from(right);
        }
    }

    fn rows(&self, articles: usize) -> [Row; 2] {
        let (what, crux) = match self.scope {
            Scope::All => ("all attributions", "crux: all but scare quotes"),
            Scope::Direct => (
                "quoted content",
                "content_in_quotes_derived; crux: direct and partial quotes",
            ),
        };
        let share = self.min_share;
        [
            Row::prf(
                NAME,
                &format!("{what}: content @{share}"),
                prf(
                    self.right_predictions,
                    self.predicted,
                    self.found,
                    self.gold,
                ),
                articles,
            )
            .with_note(format!("overlap >= {share} of the shorter span; {crux}")),
            Row::accuracy(
                NAME,
                &format!("{what}: speaker @{share}"),
                self.sources_right,
                self.sources,
            )
            .with_note("over matched attributions with a source"),
        ]
    }
}

struct Tally {
    splits: BTreeMap<String, usize>,
    measures: [Measure; 4],
}

impl Tally {
    fn new() -> Tally {
        Tally {
            splits: BTreeMap::new(),
            measures: [
                Measure::new(Scope::All, 0.3),
                Measure::new(Scope::All, 0.8),
                Measure::new(Scope::Direct, 0.3),
                Measure::new(Scope::Direct, 0.8),
            ],
        }
    }

    fn article(&mut self, record: &Record) {
        *self.splits.entry(record.split.clone()).or_default() += 1;
        let analysis = analyse(&record.text);
        for m in &mut self.measures {
            m.add(
                &record.text,
                &record.attributions,
                &analysis.document.quotes,
            );
        }
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut seen = HashSet::new();
    let mut t = Tally::new();
    for_each_record(path, reader, |_, record: Record| {
        if seen.insert(record.article.clone()) {
            t.article(&record);
        }
    })?;
    let articles = seen.len();
    let mut rows: Vec<Row> = t.measures.iter().flat_map(|m| m.rows(articles)).collect();
    for (split, n) in &t.splits {
        #[expect(clippy::cast_precision_loss, reason = "article counts are small")]
        rows.push(
            Row::value(NAME, &format!("articles: {split}"), *n as f64, *n)
                .with_note("first annotator of each article"),
        );
    }
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(
            "annotator agreement 92.3%; on other news sets: Gender Gap Tracker quote F1 0.837 \
             (overlap 0.3), speaker accuracy 0.865; citron (PARC 3.0) content overlap F1 0.833"
                .to_owned(),
        ),
        rows,
        failures: Vec::new(),
    })
}
