//! Trains the argument model of `crux_analysis::argument` (docs/scoring.md, "Argument") on the
//! UKP Sentential Argument Mining Corpus and writes its weights file.
//!
//! ```sh
//! cargo run --release -p crux-analysis --example train_argument -- \
//!     ../shared/corpora/ukp_sentential.jsonl crates/crux-analysis/data/argument_weights.tsv
//! ```
//!
//! Reads only the `train` and `val` splits (the `test` split and the topics held back from the
//! corpora folder are never read): fits on `train`, chooses the L2 penalty and the class
//! weighting on `val`'s macro-F1, and prints a leave-one-topic-out estimate on `train` (each
//! development topic predicted by a model fitted on the other five), the nearest thing here to
//! the unseen topics it is measured on. Multinomial logistic regression by full-batch gradient
//! descent from zero, features in sorted order: the same input gives the same file.

// A training command: its progress and the figures it chose by go to standard error.
#![allow(clippy::print_stderr)]

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fmt::Write as _;

use crux_analysis::argument::{ArgumentLabel, classify, features_about, parse_weights};

struct Row {
    topic: String,
    split: String,
    label: usize,
    features: BTreeMap<String, f64>,
}

/// Words used in every topic fitted on but at most this many enter the vocabulary (all but one
/// of the six development topics; all but one of five when one is left out).
const MISSING_TOPICS: usize = 1;
/// In at least this many sentences of each such topic.
const MIN_PER_TOPIC: usize = 3;
const EPOCHS: usize = 400;
const RATE: f64 = 0.5;

fn label_of(s: &str) -> Option<usize> {
    match s {
        "Argument_for" => Some(0),
        "Argument_against" => Some(1),
        "NoArgument" => Some(2),
        _ => None,
    }
}

/// Fits the weights of the features in `index` on `rows`.
fn fit(rows: &[&Row], index: &BTreeMap<String, usize>, l2: f64, balanced: bool) -> Vec<[f64; 3]> {
    let n = rows.len() as f64;
    let mut counts = [0.0f64; 3];
    for r in rows {
        counts[r.label] += 1.0;
    }
    let class_weight = counts.map(|c| {
        if balanced && c > 0.0 {
            n / (3.0 * c)
        } else {
            1.0
        }
    });
    let sparse: Vec<Vec<(usize, f64)>> = rows
        .iter()
        .map(|r| {
            r.features
                .iter()
                .filter_map(|(k, &v)| index.get(k).map(|&i| (i, v)))
                .collect()
        })
        .collect();
    let mut w = vec![[0.0f64; 3]; index.len()];
    // AdaGrad on the full batch: a step per feature that shrinks with its history, so that
    // rare words and the bias learn at their own pace; deterministic.
    let mut history = vec![[1e-8f64; 3]; index.len()];
    for _ in 0..EPOCHS {
        let mut grad = vec![[0.0f64; 3]; index.len()];
        for (x, r) in sparse.iter().zip(rows) {
            let mut score = [0.0f64; 3];
            for &(i, v) in x {
                for k in 0..3 {
                    score[k] += w[i][k] * v;
                }
            }
            let p = crux_analysis::argument::softmax(score);
            let cw = class_weight[r.label];
            for &(i, v) in x {
                for k in 0..3 {
                    let y = if k == r.label { 1.0 } else { 0.0 };
                    grad[i][k] += cw * (p[k] - y) * v / n;
                }
            }
        }
        for (i, g) in grad.iter().enumerate() {
            for k in 0..3 {
                let g = g[k] + l2 * w[i][k];
                history[i][k] += g * g;
                w[i][k] -= RATE * g / history[i][k].sqrt();
            }
        }
    }
    w
}

fn weights_map(
    index: &BTreeMap<String, usize>,
    w: &[[f64; 3]],
) -> std::collections::HashMap<String, [f64; 3]> {
    index
        .iter()
        .map(|(k, &i)| (k.clone(), w[i].map(|x| (x * 10_000.0).round() / 10_000.0)))
        .collect()
}

fn macro_f1(rows: &[&Row], weights: &std::collections::HashMap<String, [f64; 3]>) -> f64 {
    let mut m = [[0usize; 3]; 3];
    for r in rows {
        let call = classify(&r.features, weights);
        let p = ArgumentLabel::ALL
            .iter()
            .position(|l| *l == call.label)
            .unwrap_or(2);
        m[r.label][p] += 1;
    }
    (0..3)
        .map(|k| {
            let tp = m[k][k] as f64;
            let pred: usize = (0..3).map(|g| m[g][k]).sum();
            let gold: usize = m[k].iter().sum();
            let (p, r) = (tp / pred.max(1) as f64, tp / gold.max(1) as f64);
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        })
        .sum::<f64>()
        / 3.0
}

/// The vocabulary and the crux features of some rows, as an index.
fn index_of(rows: &[&Row]) -> BTreeMap<String, usize> {
    let topics = rows
        .iter()
        .map(|r| r.topic.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    let min_topics = topics.saturating_sub(MISSING_TOPICS).max(1);
    let mut per_topic: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    let mut names = BTreeSet::new();
    for r in rows {
        for k in r.features.keys() {
            if k.starts_with("word:") {
                *per_topic
                    .entry(k)
                    .or_default()
                    .entry(r.topic.as_str())
                    .or_default() += 1;
            } else {
                names.insert(k.clone());
            }
        }
    }
    for (word, topics) in per_topic {
        if topics.values().filter(|&&c| c >= MIN_PER_TOPIC).count() >= min_topics {
            names.insert(word.to_owned());
        }
    }
    names.into_iter().enumerate().map(|(i, k)| (k, i)).collect()
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let input = args
        .get(1)
        .ok_or("usage: train_argument UKP_JSONL [WEIGHTS_OUT]")?;
    let output = args.get(2).map_or(
        "crates/crux-analysis/data/argument_weights.tsv",
        String::as_str,
    );
    let mut rows = Vec::new();
    for line in std::fs::read_to_string(input)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let split = v["split"].as_str().unwrap_or_default();
        if split != "train" && split != "val" {
            continue;
        }
        let Some(label) = v["label"].as_str().and_then(label_of) else {
            continue;
        };
        let text = v["text"].as_str().unwrap_or_default();
        let analysis = crux_analysis::analyze(crux_parser::parse(text).document);
        let topic = v["topic"].as_str().unwrap_or_default();
        rows.push(Row {
            topic: topic.to_owned(),
            split: split.to_owned(),
            label,
            features: features_about(&analysis, Some(topic)),
        });
    }
    let train: Vec<&Row> = rows.iter().filter(|r| r.split == "train").collect();
    let val: Vec<&Row> = rows.iter().filter(|r| r.split == "val").collect();
    eprintln!("{} train, {} val sentences", train.len(), val.len());
    let index = index_of(&train);
    eprintln!("{} features", index.len());
    let mut best: Option<(f64, f64, bool, Vec<[f64; 3]>)> = None;
    for balanced in [false, true] {
        for l2 in [0.0, 1e-4, 1e-3, 1e-2] {
            let w = fit(&train, &index, l2, balanced);
            let f1 = macro_f1(&val, &weights_map(&index, &w));
            eprintln!("l2 {l2:e} balanced {balanced}: val macro-F1 {f1:.3}");
            if best.as_ref().is_none_or(|b| f1 > b.0) {
                best = Some((f1, l2, balanced, w));
            }
        }
    }
    let (val_f1, l2, balanced, w) = best.ok_or("no setting")?;
    let weights = weights_map(&index, &w);
    let train_f1 = macro_f1(&train, &weights);
    // Leave one topic out, on train: each topic predicted by a model fitted on the others,
    // with a vocabulary chosen from the others too.
    let topics: BTreeSet<&str> = train.iter().map(|r| r.topic.as_str()).collect();
    let mut loto = Vec::new();
    for t in &topics {
        let fit_on: Vec<&Row> = train.iter().copied().filter(|r| r.topic != *t).collect();
        let held: Vec<&Row> = train.iter().copied().filter(|r| r.topic == *t).collect();
        // The vocabulary from the five topics fitted on (a word in each of them).
        let idx0 = index_of(&fit_on);
        let wt = fit(&fit_on, &idx0, l2, balanced);
        let f1 = macro_f1(&held, &weights_map(&idx0, &wt));
        eprintln!("leave out {t}: macro-F1 {f1:.3}");
        loto.push((t.to_string(), f1));
    }
    let loto_mean = loto.iter().map(|x| x.1).sum::<f64>() / loto.len() as f64;
    let mut out = String::new();
    writeln!(
        out,
        "# Weights of crux_analysis::argument (docs/scoring.md, \"Argument\"): feature<TAB>for<TAB>against<TAB>none."
    )?;
    writeln!(
        out,
        "# source: fitted on the UKP Sentential Argument Mining Corpus (Stab et al. 2018, CC BY-NC), train split only,"
    )?;
    writeln!(
        out,
        "# by `cargo run --release -p crux-analysis --example train_argument -- ukp_sentential.jsonl`; do not edit by hand."
    )?;
    writeln!(
        out,
        "# Words: those in at least {MIN_PER_TOPIC} train sentences of each of all but {MISSING_TOPICS} of the six development topics."
    )?;
    writeln!(
        out,
        "# Chosen on val: L2 {l2:e}, class-balanced {balanced}; macro-F1 train {train_f1:.3}, val {val_f1:.3}, leave-one-topic-out on train {loto_mean:.3} ({})",
        loto.iter()
            .map(|(t, f)| format!("{t} {f:.3}"))
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    for (name, &i) in &index {
        let v = w[i].map(|x| (x * 10_000.0).round() / 10_000.0);
        if v.iter().all(|x| *x == 0.0) {
            continue;
        }
        writeln!(out, "{name}\t{}\t{}\t{}", v[0], v[1], v[2])?;
    }
    std::fs::write(output, &out)?;
    // The file as written reads back to the same decisions.
    let back = parse_weights(&out);
    eprintln!(
        "wrote {output}: val macro-F1 {:.3} as read back",
        macro_f1(&val, &back)
    );
    Ok(())
}
