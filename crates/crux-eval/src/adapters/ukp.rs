//! `ukp_sentential`: the UKP Sentential Argument Mining Corpus (Stab et al., EMNLP 2018),
//! web sentences on eight controversial topics labelled `Argument_for`, `Argument_against` or
//! `NoArgument` with respect to their topic (two topics are held back from the corpora folder).
//!
//! crux reads each sentence on its own, as plain text, and its argument model
//! (`crux_analysis::argument`, a logistic regression over crux's own features and words,
//! fitted on UKP's train split: docs/scoring.md, "Argument") gives the label. Beside it, the
//! rules alone (docs/evaluation.md): benefits only → for, risks only → against, both → the sign
//! of the balance's net (a net of exactly 0 → no argument), neither → no argument. The rules do
//! not read the topic: they say whether a sentence states a risk or a benefit, not of what, so an
//! argument for nuclear energy that names a risk of coal counts as "against"; the model reads
//! whether the sentence names the record's topic (`argument_about`). Beside it, in the same
//! run, VADER's sign on the same sentences: compound ≥ 0.05 → for, ≤ −0.05 → against, else no
//! argument.
//!
//! The development splits are scored (`train`, `val`, then both together as `all`); records
//! of the `test` split are counted and left out. Per split: macro-F1 over the three classes,
//! per-class P/R/F1 and accuracy, for crux and for VADER; then per topic, over both splits,
//! each one's macro-F1.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use serde::Deserialize;
use vader_parity::SentimentIntensityAnalyzer;

use crate::adapters::polar::{Tables, splits_and_all};
use crate::corpus::{VADER_THRESHOLD, analyse, describe, for_each_record, polarity};
use crate::metrics::{Confusion3, Polarity};
use crate::{DatasetResult, EvalError, Row};
use crux_analysis::argument::{ArgumentLabel, argument_about};

const NAME: &str = "ukp_sentential";

/// The split kept for independent measurement: counted, never scored.
const HELD_BACK: &str = "test";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    split: String,
    text: String,
    label: Label,
}

#[derive(Deserialize, Clone, Copy)]
enum Label {
    #[serde(rename = "Argument_for")]
    For,
    #[serde(rename = "Argument_against")]
    Against,
    #[serde(rename = "NoArgument")]
    None,
}

impl Label {
    fn polarity(self) -> Polarity {
        match self {
            Label::For => Polarity::Positive,
            Label::Against => Polarity::Negative,
            Label::None => Polarity::Neutral,
        }
    }
}

/// The corpus's name for a polarity.
fn label_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "Argument_for",
        Polarity::Negative => "Argument_against",
        Polarity::Neutral => "NoArgument",
    }
}

const CRUX_RULE: &str = "crux: the argument model (logistic regression over crux's features and words, fitted on train)";
const RULES_RULE: &str =
    "crux rules alone: benefit -> for, risk -> against, both -> sign of net, neither -> NoArgument";
const VADER_RULE: &str = "VADER compound >= 0.05 -> for, <= -0.05 -> against, else NoArgument";

fn split_rows(split: &str, t: &Tables, rules: Option<&Confusion3>) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(r) = rules {
        rows.push(
            Row::value(
                NAME,
                &format!("{split}: macro-F1 (rules alone)"),
                r.macro_f1(),
                r.total(),
            )
            .with_note(RULES_RULE),
        );
        rows.push(Row::accuracy(
            NAME,
            &format!("{split}: accuracy (rules alone)"),
            r.correct(),
            r.total(),
        ));
    }
    for (who, c, note) in [("", &t.crux, CRUX_RULE), (" (VADER)", &t.vader, VADER_RULE)] {
        let n = c.total();
        rows.push(
            Row::value(NAME, &format!("{split}: macro-F1{who}"), c.macro_f1(), n).with_note(note),
        );
        for (class, p) in [
            ("for", Polarity::Positive),
            ("against", Polarity::Negative),
            ("no argument", Polarity::Neutral),
        ] {
            rows.push(Row::prf(
                NAME,
                &format!("{split}: {class}{who}"),
                c.class(p),
                n,
            ));
        }
        rows.push(Row::accuracy(
            NAME,
            &format!("{split}: accuracy{who}"),
            c.correct(),
            n,
        ));
        // Of the arguments called an argument, how many on the right side: the direction of
        // the polarity apart from finding arguments at all.
        let (pos, neg) = (Polarity::Positive, Polarity::Negative);
        let right = c.count(pos, pos) + c.count(neg, neg);
        let sided = right + c.count(pos, neg) + c.count(neg, pos);
        rows.push(
            Row::accuracy(NAME, &format!("{split}: side right{who}"), right, sided)
                .with_note("over arguments predicted for or against"),
        );
    }
    rows
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let mut splits: BTreeMap<String, Tables> = BTreeMap::new();
    let mut topics: BTreeMap<String, Tables> = BTreeMap::new();
    let mut rules_of: BTreeMap<String, Confusion3> = BTreeMap::new();
    let (mut held_back, mut header_only) = (0_usize, 0_usize);
    let mut failures = Vec::new();
    for_each_record(path, reader, |_, record: Record| {
        if record.split == HELD_BACK {
            held_back += 1;
            return;
        }
        let analysis = analyse(&record.text);
        if analysis.document.sentences.is_empty() && !record.text.trim().is_empty() {
            header_only += 1;
        }
        let gold = record.label.polarity();
        let rules = polarity(&analysis);
        let call = argument_about(&analysis, &record.topic);
        let crux = match call.label {
            ArgumentLabel::For => Polarity::Positive,
            ArgumentLabel::Against => Polarity::Negative,
            ArgumentLabel::None => Polarity::Neutral,
        };
        for key in [
            record.split.clone(),
            format!("topic {}", record.topic),
            "all".to_owned(),
        ] {
            rules_of.entry(key).or_default().add(gold, rules);
        }
        let compound = vader.polarity_scores(&record.text).compound;
        let by_vader = Polarity::of(compound, VADER_THRESHOLD);
        for t in [
            splits.entry(record.split.clone()).or_default(),
            topics.entry(record.topic.clone()).or_default(),
        ] {
            t.crux.add(gold, crux);
            t.vader.add(gold, by_vader);
        }
        if crux != gold {
            failures.push(format!(
                "{} [{}]: gold {}, crux {} (moved by {}; rules {}: {}), VADER {} ({compound:.2}): {}",
                record.id,
                record.topic,
                label_name(gold),
                label_name(crux),
                call.moved_by
                    .iter()
                    .map(|(f, d)| format!("{f} {d:+.2}"))
                    .collect::<Vec<_>>()
                    .join(", "),
                label_name(rules),
                describe(&analysis),
                label_name(by_vader),
                record.text.trim()
            ));
        }
    })?;
    let mut rows = splits_and_all(&splits, |split, t| {
        split_rows(split, t, rules_of.get(split))
    });
    for (topic, t) in &topics {
        if let Some(r) = rules_of.get(&format!("topic {topic}")) {
            rows.push(Row::value(
                NAME,
                &format!("topic {topic}: macro-F1 (rules alone)"),
                r.macro_f1(),
                r.total(),
            ));
        }
        rows.push(
            Row::value(
                NAME,
                &format!("topic {topic}: macro-F1"),
                t.crux.macro_f1(),
                t.crux.total(),
            )
            .with_note("development splits together"),
        );
        rows.push(Row::value(
            NAME,
            &format!("topic {topic}: macro-F1 (VADER)"),
            t.vader.macro_f1(),
            t.vader.total(),
        ));
    }
    let scored: usize = splits.values().map(|t| t.crux.total()).sum();
    rows.push(Row::header_lines(NAME, "sentences", header_only, scored));
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
