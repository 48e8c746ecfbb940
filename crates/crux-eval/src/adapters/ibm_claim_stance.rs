//! `ibm_claim_stance`: IBM Debater Claim Stance (Bar-Haim et al., EACL 2017), claims from
//! Wikipedia on debate topics, each with `claim_sentiment`: +1 when the claim speaks well of its
//! target, −1 when it speaks ill of it (null for the claims whose target the annotators did not
//! find compatible with the topic's; those are counted and left out).
//!
//! crux reads each claim's text on its own, as plain text; its polarity is the one of
//! [`crate::corpus::polarity`] (benefits → positive, risks → negative, both → the sign of net,
//! neither → neutral). A neutral prediction is a claim crux does not cover. Rows, per split
//! (every split but `test`; the file holds `train` only) and then all together: **coverage**
//! (the share with a non-neutral prediction), **accuracy on covered** claims, **accuracy**
//! counting uncovered claims as wrong, and the positive and negative classes' P/R/F1; the same
//! for VADER's sign on the same claims (compound ≥ 0.05 positive, ≤ −0.05 negative).

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use vader_parity::SentimentIntensityAnalyzer;

use crate::adapters::polar::{Tables, TwoSided, splits_and_all, two_sided_rows};
use crate::corpus::{VADER_THRESHOLD, analyse, describe, for_each_record, polarity, polarity_name};
use crate::metrics::Polarity;
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "ibm_claim_stance";

/// The split kept for independent measurement, if the file has one.
const HELD_BACK: &str = "test";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    split: String,
    text: String,
    claim_sentiment: Option<Sentiment>,
}

/// `claim_sentiment`: 1 or −1; any other number is a format error.
#[derive(Deserialize, Clone, Copy)]
#[serde(try_from = "i64")]
struct Sentiment(Polarity);

impl TryFrom<i64> for Sentiment {
    type Error = String;

    fn try_from(n: i64) -> Result<Sentiment, String> {
        match n {
            1 => Ok(Sentiment(Polarity::Positive)),
            -1 => Ok(Sentiment(Polarity::Negative)),
            _ => Err(format!("claim_sentiment {n}: expected 1, -1 or null")),
        }
    }
}

const LABEL: TwoSided<'static> = TwoSided {
    dataset: NAME,
    sides: ["positive", "negative"],
    answered: "share with a non-neutral prediction",
    rules: [
        "crux: benefit -> positive, risk -> negative, both -> sign of net",
        "VADER compound >= 0.05 positive, <= -0.05 negative",
    ],
};

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let mut splits: BTreeMap<String, Tables> = BTreeMap::new();
    let (mut held_back, mut no_sentiment, mut header_only) = (0_usize, 0_usize, 0_usize);
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Record| {
        if record.split == HELD_BACK {
            held_back += 1;
            return;
        }
        let Some(Sentiment(gold)) = record.claim_sentiment else {
            no_sentiment += 1;
            return;
        };
        let analysis = analyse(&record.text);
        if analysis.document.sentences.is_empty() && !record.text.trim().is_empty() {
            header_only += 1;
        }
        let crux = polarity(&analysis);
        let compound = vader.polarity_scores(&record.text).compound;
        let by_vader = Polarity::of(compound, VADER_THRESHOLD);
        let t = splits.entry(record.split.clone()).or_default();
        t.crux.add(gold, crux);
        t.vader.add(gold, by_vader);
        if crux != gold {
            failures.push(format!(
                "{}: gold {}, crux {} ({}), VADER {} ({compound:.2}): {}",
                record.id,
                polarity_name(gold),
                polarity_name(crux),
                describe(&analysis),
                polarity_name(by_vader),
                record.text.trim()
            ));
        }
    })?;
    let mut rows = splits_and_all(&splits, |k, t| two_sided_rows(k, t, &LABEL));
    let scored: usize = splits.values().map(|t| t.crux.total()).sum();
    rows.push(Row::header_lines(NAME, "claims", header_only, scored));
    rows.push(
        Row::value(
            NAME,
            "claims without claim_sentiment: not scored",
            no_sentiment as f64,
            no_sentiment,
        )
        .with_note("target not compatible with the topic's"),
    );
    if held_back > 0 {
        rows.push(Row::held_back(NAME, held_back));
    }
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows,
        failures,
    })
}
