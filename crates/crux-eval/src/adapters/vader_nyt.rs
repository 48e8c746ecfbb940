//! `vader_nyt_documents`, `vader_nyt_sentences`: the NYT opinion snippets of VADER (Hutto &
//! Gilbert, ICWSM 2014), each sentence rated −4..+4 by 20 people. The documents file joins an
//! article's snippets with one space and gives the mean of its sentences' mean ratings
//! (`doc_mean_of_sentence_means_derived`); the sentences file gives each sentence's
//! `mean_rating` and `polarity_3way_derived` (the paper's ±0.05 threshold on mean / 4).
//!
//! How well crux's balance ranks what people rated (docs/evaluation.md), beside VADER itself
//! (the `vader-parity` crate, a port of vaderSentiment 3.3.2):
//!
//! - **documents**: Spearman rank correlation (ties at their mean rank) of the document's mean
//!   rating with crux's `balance.net` of the whole document, with the mean of crux's nets of
//!   each sentence read alone, with VADER's compound of the whole document, and with the mean
//!   of VADER's compounds of each sentence (the paper's way of scoring a document); and the same
//!   for crux's net with its tone beside it (`balance.net + tone / 2`: the general evaluative
//!   words as weak evidence, issue 13; the tone alone where the balance weighs nothing, as in
//!   a sentence whose only assessments are others' views relayed in a report).
//! - **sentences**: Spearman and Pearson correlation of `mean_rating` with crux's net of the
//!   sentence read alone and with VADER's compound; and the three-way label (positive,
//!   negative, neutral) against `polarity_3way_derived`: crux by
//!   [`crate::corpus::polarity`], VADER by its ±0.05 threshold on the compound.

use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use vader_parity::SentimentIntensityAnalyzer;

use crate::corpus::{
    VADER_THRESHOLD, analyse, describe, for_each_record, graded, polarity, polarity_name, with_tone,
};
use crate::metrics::{Confusion3, Polarity, pearson, ratio, spearman};
use crate::{DatasetResult, EvalError, Row};

const DOCUMENTS: &str = "vader_nyt_documents";
const SENTENCES: &str = "vader_nyt_sentences";

const PUBLISHED: &str = "VADER r 0.492 against the mean human rating, 3-class F1 0.55; a single \
    human rater r 0.745, F1 0.65 (Hutto & Gilbert 2014, table 4: sentences, all 5,190 \
    snippets; here the development part)";

#[derive(Deserialize)]
struct Document {
    id: String,
    text: String,
    #[serde(default)]
    spans: Vec<SentenceSpan>,
    doc_mean_of_sentence_means_derived: f64,
}

#[derive(Deserialize)]
struct SentenceSpan {
    start_byte: usize,
    end_byte: usize,
}

#[derive(Deserialize)]
struct Sentence {
    id: String,
    text: String,
    mean_rating: f64,
    polarity_3way_derived: Label,
}

#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum Label {
    Positive,
    Negative,
    Neutral,
}

impl Label {
    fn polarity(self) -> Polarity {
        match self {
            Label::Positive => Polarity::Positive,
            Label::Negative => Polarity::Negative,
            Label::Neutral => Polarity::Neutral,
        }
    }
}

/// The mean of some numbers, 0 for none.
fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / ratio(xs.len(), 1)
    }
}

/// The human label of a rating on −4..+4: the paper's ±0.05 threshold on the rating / 4.
fn human(rating: f64) -> Polarity {
    Polarity::of(rating / 4.0, VADER_THRESHOLD)
}

/// Whether two labels are opposite (one positive, the other negative).
fn opposite(a: Polarity, b: Polarity) -> bool {
    matches!(
        (a, b),
        (Polarity::Positive, Polarity::Negative) | (Polarity::Negative, Polarity::Positive)
    )
}

pub(crate) fn run_documents(
    path: &Path,
    reader: &mut dyn BufRead,
) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let mut rated = Vec::new();
    // crux: whole document, mean of sentences; VADER: whole document, mean of sentences.
    let mut scores: [Vec<f64>; 6] = Default::default();
    let mut covered = 0;
    let mut failures = Vec::new();
    let mut bad: Option<EvalError> = None;
    for_each_record(path, reader, |line, record: Document| {
        if bad.is_some() {
            return;
        }
        let sentences: Option<Vec<&str>> = record
            .spans
            .iter()
            .map(|s| record.text.get(s.start_byte..s.end_byte))
            .collect();
        let Some(sentences) = sentences else {
            bad = Some(EvalError::Format {
                path: path.to_path_buf(),
                line: Some(line),
                message: "a sentence span is not inside the text".to_owned(),
            });
            return;
        };
        let analysis = analyse(&record.text);
        if !analysis.assessments.is_empty() {
            covered += 1;
        }
        let sentence_analyses: Vec<_> = sentences.iter().map(|s| analyse(s)).collect();
        let crux_sentences: Vec<f64> = sentence_analyses.iter().map(graded).collect();
        let toned_sentences: Vec<f64> = sentence_analyses.iter().map(with_tone).collect();
        let vader_sentences: Vec<f64> = sentences
            .iter()
            .map(|s| vader.polarity_scores(s).compound)
            .collect();
        let vader_document = vader.polarity_scores(&record.text).compound;
        let rating = record.doc_mean_of_sentence_means_derived;
        rated.push(rating);
        for (list, x) in scores.iter_mut().zip([
            graded(&analysis),
            mean(&crux_sentences),
            vader_document,
            mean(&vader_sentences),
            with_tone(&analysis),
            mean(&toned_sentences),
        ]) {
            list.push(x);
        }
        let crux = polarity(&analysis);
        if opposite(crux, human(rating)) {
            failures.push(format!(
                "{}: mean rating {rating:.2}, crux {} ({}), VADER mean of sentences {:.2}",
                record.id,
                polarity_name(crux),
                describe(&analysis),
                mean(&vader_sentences)
            ));
        }
    })?;
    if let Some(e) = bad {
        return Err(e);
    }
    let n = rated.len();
    let mut rows = Vec::new();
    for (scores, category, note) in [
        (
            &scores[0],
            "documents: Spearman, crux net",
            "crux balance.net of the whole document (its tone / 2 when it weighs no risk or benefit) vs the mean rating",
        ),
        (
            &scores[1],
            "documents: Spearman, crux mean of sentence nets",
            "each sentence read alone",
        ),
        (
            &scores[2],
            "documents: Spearman, VADER compound",
            "VADER on the whole document",
        ),
        (
            &scores[3],
            "documents: Spearman, VADER mean of sentence compounds",
            "the paper's way",
        ),
        (
            &scores[4],
            "documents: Spearman, crux net + tone",
            "balance.net + tone / 2 of the whole document (the tone alone where the balance weighs nothing): the general evaluative words as weak evidence beside the stated risks and benefits",
        ),
        (
            &scores[5],
            "documents: Spearman, crux mean of sentence nets + tone",
            "each sentence read alone",
        ),
    ] {
        rows.push(
            Row::correlation(DOCUMENTS, category, spearman(scores, &rated), n).with_note(note),
        );
    }
    rows.push(
        Row::accuracy(DOCUMENTS, "documents: crux coverage", covered, n)
            .with_note("share with at least one risk or benefit"),
    );
    Ok(DatasetResult {
        dataset: DOCUMENTS.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(PUBLISHED.to_owned()),
        rows,
        failures,
    })
}

pub(crate) fn run_sentences(
    path: &Path,
    reader: &mut dyn BufRead,
) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let (mut rated, mut nets, mut compounds) = (Vec::new(), Vec::new(), Vec::new());
    let mut toned = Vec::new();
    let (mut crux_table, mut vader_table) = (Confusion3::default(), Confusion3::default());
    let (mut covered, mut header_only) = (0_usize, 0_usize);
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Sentence| {
        let analysis = analyse(&record.text);
        if analysis.document.sentences.is_empty() && !record.text.trim().is_empty() {
            header_only += 1;
        }
        if !analysis.assessments.is_empty() {
            covered += 1;
        }
        let compound = vader.polarity_scores(&record.text).compound;
        rated.push(record.mean_rating);
        nets.push(graded(&analysis));
        toned.push(with_tone(&analysis));
        compounds.push(compound);
        let gold = record.polarity_3way_derived.polarity();
        let (crux, by_vader) = (polarity(&analysis), Polarity::of(compound, VADER_THRESHOLD));
        crux_table.add(gold, crux);
        vader_table.add(gold, by_vader);
        if crux != gold {
            failures.push(format!(
                "{}: gold {} ({:.2}), crux {} ({}), VADER {} ({compound:.2}): {}",
                record.id,
                polarity_name(gold),
                record.mean_rating,
                polarity_name(crux),
                describe(&analysis),
                polarity_name(by_vader),
                record.text.trim()
            ));
        }
    })?;
    let n = rated.len();
    let mut rows = Vec::new();
    for (who, scores) in [
        ("crux net", &nets),
        ("crux net + tone", &toned),
        ("VADER compound", &compounds),
    ] {
        rows.push(
            Row::correlation(
                SENTENCES,
                &format!("sentences: Spearman, {who}"),
                spearman(scores, &rated),
                n,
            )
            .with_note("vs mean_rating"),
        );
        rows.push(Row::correlation(
            SENTENCES,
            &format!("sentences: Pearson r, {who}"),
            pearson(scores, &rated),
            n,
        ));
    }
    for (who, c, note) in [
        (
            "",
            &crux_table,
            "crux: benefit -> positive, risk -> negative, both -> sign of net",
        ),
        (
            " (VADER)",
            &vader_table,
            "VADER compound >= 0.05 positive, <= -0.05 negative",
        ),
    ] {
        rows.push(
            Row::value(SENTENCES, &format!("3-way: macro-F1{who}"), c.macro_f1(), n)
                .with_note(format!("vs polarity_3way_derived; {note}")),
        );
        for (class, p) in [
            ("positive", Polarity::Positive),
            ("negative", Polarity::Negative),
            ("neutral", Polarity::Neutral),
        ] {
            rows.push(Row::prf(
                SENTENCES,
                &format!("3-way: {class}{who}"),
                c.class(p),
                n,
            ));
        }
        rows.push(Row::accuracy(
            SENTENCES,
            &format!("3-way: accuracy{who}"),
            c.correct(),
            n,
        ));
    }
    rows.push(
        Row::accuracy(SENTENCES, "sentences: crux coverage", covered, n)
            .with_note("share with at least one risk or benefit"),
    );
    rows.push(Row::header_lines(SENTENCES, "sentences", header_only, n));
    Ok(DatasetResult {
        dataset: SENTENCES.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(PUBLISHED.to_owned()),
        rows,
        failures,
    })
}
