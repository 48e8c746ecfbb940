//! `iam_stance`: the (topic, claim) pairs of IAM (Cheng et al., ACL 2022), each claim sentence
//! with its stance towards the topic: +1 support, −1 contest.
//!
//! crux reads each claim on its own, as plain text; its polarity is the one of
//! [`crate::corpus::polarity`] (benefits → support, risks → contest, both → the sign of net,
//! neither → no stance, a claim crux does not cover). The topic is not read. Rows, per split
//! (every split but `test`: `train` and `dev`) and then all together: **coverage**, **accuracy
//! on covered** claims, **accuracy** counting uncovered claims as wrong, and the support and
//! contest classes' P/R/F1; the same for VADER's sign on the same claims (compound ≥ 0.05
//! support, ≤ −0.05 contest).

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use vader_parity::SentimentIntensityAnalyzer;

use crate::adapters::polar::{Tables, TwoSided, splits_and_all, two_sided_rows};
use crate::corpus::{VADER_THRESHOLD, analyse, describe, for_each_record, polarity};
use crate::metrics::Polarity;
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "iam_stance";

/// The split kept for independent measurement: counted, never scored.
const HELD_BACK: &str = "test";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    split: String,
    #[serde(default)]
    topic: String,
    text: String,
    stance: Stance,
}

/// `stance`: 1 or −1; any other number is a format error.
#[derive(Deserialize, Clone, Copy)]
#[serde(try_from = "i64")]
struct Stance(Polarity);

impl TryFrom<i64> for Stance {
    type Error = String;

    fn try_from(n: i64) -> Result<Stance, String> {
        match n {
            1 => Ok(Stance(Polarity::Positive)),
            -1 => Ok(Stance(Polarity::Negative)),
            _ => Err(format!("stance {n}: expected 1 or -1")),
        }
    }
}

fn stance_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "support",
        Polarity::Negative => "contest",
        Polarity::Neutral => "none",
    }
}

const LABEL: TwoSided<'static> = TwoSided {
    dataset: NAME,
    sides: ["support", "contest"],
    answered: "share with a support or contest prediction",
    rules: [
        "crux: benefit -> support, risk -> contest, both -> sign of net",
        "VADER compound >= 0.05 support, <= -0.05 contest",
    ],
};

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let mut splits: BTreeMap<String, Tables> = BTreeMap::new();
    let (mut held_back, mut header_only) = (0_usize, 0_usize);
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Record| {
        if record.split == HELD_BACK {
            held_back += 1;
            return;
        }
        let Stance(gold) = record.stance;
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
                "{} [{}]: gold {}, crux {} ({}), VADER {} ({compound:.2}): {}",
                record.id,
                record.topic,
                stance_name(gold),
                stance_name(crux),
                describe(&analysis),
                stance_name(by_vader),
                record.text.trim()
            ));
        }
    })?;
    let mut rows = splits_and_all(&splits, |k, t| two_sided_rows(k, t, &LABEL));
    let scored: usize = splits.values().map(|t| t.crux.total()).sum();
    rows.push(Row::header_lines(NAME, "claims", header_only, scored));
    rows.push(Row::held_back(NAME, held_back));
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows,
        failures,
    })
}
