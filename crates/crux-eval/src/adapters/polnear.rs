//! `polnear`: PolNeAR attributions in political news (Newell, Margolin & Ruths, LREC 2018).
//!
//! One annotator per article: the first record of each `article` in file order (agreement-study
//! articles have six). Every split in the file is scored and the articles per split reported.
//! Gold items are the attributions that have a content span; crux items are all its quotes
//! except scare quotes (direct, partial, block, reported). A gold and a crux item match when
//! they share at least 0.3 of the shorter span, the Gender Gap Tracker's criterion; precision
//! counts crux items matching some gold item, recall gold items matched by some crux item.
//! PolNeAR also labels indirect attribution of beliefs and paraphrase, which crux reports only
//! partly as reported speech, so recall is expected to sit well below precision.
//!
//! Source accuracy is over matched gold items that have a source span: for each, the crux item
//! with the largest overlap is taken, and its speaker is right when its span overlaps the gold
//! source span or when the two share at least half of the gold source's content words
//! ([`crate::metrics::same_speaker`]). For the attributions whose content starts and ends with
//! a quotation mark (`content_in_quotes_derived`), the recall of crux's direct quotes is
//! reported as well.

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
const MIN_SHARE: f64 = 0.3;

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

#[derive(Default)]
struct Tally {
    splits: BTreeMap<String, usize>,
    gold: usize,
    found: usize,
    predicted: usize,
    right_predictions: usize,
    sources: usize,
    sources_right: usize,
    quoted: usize,
    quoted_by_direct: usize,
    quoted_by_any: usize,
}

impl Tally {
    fn article(&mut self, record: &Record) {
        *self.splits.entry(record.split.clone()).or_default() += 1;
        let text = &record.text;
        let analysis = analyse(text);
        let items: Vec<&Quote> = analysis
            .document
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .collect();
        let gold: Vec<(&Attribution, (usize, usize))> = record
            .attributions
            .iter()
            .filter_map(|a| a.content.as_ref().map(|c| (a, c.range())))
            .collect();
        self.gold += gold.len();
        self.predicted += items.len();
        self.right_predictions += items
            .iter()
            .filter(|q| gold.iter().any(|(_, g)| touches(*g, range(q), MIN_SHARE)))
            .count();
        for (attribution, content) in &gold {
            let best = items
                .iter()
                .filter(|q| touches(*content, range(q), MIN_SHARE))
                .max_by_key(|q| overlap(*content, range(q)));
            if attribution.content_in_quotes_derived {
                self.quoted += 1;
                self.quoted_by_any += usize::from(best.is_some());
                self.quoted_by_direct += usize::from(items.iter().any(|q| {
                    q.kind == QuoteKind::Direct && touches(*content, range(q), MIN_SHARE)
                }));
            }
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
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut seen = HashSet::new();
    let mut t = Tally::default();
    for_each_record(path, reader, |_, record: Record| {
        if seen.insert(record.article.clone()) {
            t.article(&record);
        }
    })?;
    let articles = seen.len();
    let mut rows = vec![
        Row::prf(
            NAME,
            "attribution: content",
            prf(t.right_predictions, t.predicted, t.found, t.gold),
            articles,
        )
        .with_note("overlap >= 0.3 of the shorter span; crux: all but scare quotes"),
        Row::accuracy(NAME, "attribution: source", t.sources_right, t.sources)
            .with_note("over matched attributions with a source"),
        Row::accuracy(
            NAME,
            "quoted content: recall, direct",
            t.quoted_by_direct,
            t.quoted,
        )
        .with_note("content_in_quotes_derived, found by a crux direct quote"),
        Row::accuracy(
            NAME,
            "quoted content: recall, any",
            t.quoted_by_any,
            t.quoted,
        )
        .with_note("content_in_quotes_derived, found by any crux item"),
    ];
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
