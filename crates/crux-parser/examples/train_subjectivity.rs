//! Trains the subjectivity model of claim typing (`src/subjectivity.rs`) and writes its
//! weights to `data/subjectivity.tsv`.
//!
//! ```text
//! cargo run --release -p crux-parser --example train_subjectivity -- ../shared/corpora/newssd_eng.jsonl
//! ```
//!
//! Data: NewsSD-ENG (news sentences labelled subjective or objective), its `train` split only;
//! the `val` split is read only to report the final figure, and any other split (the held-back
//! test) is refused. Each of a sentence's author claims is one example, labelled with its
//! sentence's label; its features are those crux computes at run time
//! (`crux_parser::claim_features`).
//!
//! Model: L2-regularised logistic regression, fitted by full-batch gradient descent from zero
//! weights (deterministic: same data, same weights). Word features are kept when their word
//! occurs in at least `min_df` training sentences. The two classes weigh alike in the
//! loss (the share of subjective sentences differs from split to split: a third of train, more
//! than half of val) and a claim is subjective from a probability of 0.5. The regularisation
//! and `min_df` are chosen by five-fold cross-validation on the training split (folds are runs
//! of consecutive sentences, so mostly unseen articles), for the sentence-level macro-F1 that
//! `crux eval` reports (a sentence is subjective when one of its author claims is). The model
//! is then fitted on the whole training split.
//!
//! `--dump` prints each val sentence with its probability and the features that moved it.
//!
//! `--dry-run` prints the figures without writing the weights.

// A command-line tool: its figures go to standard error, the `--dump` listing to standard
// output.
#![allow(clippy::print_stderr, clippy::print_stdout)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::BufRead;

/// One sentence: its label and the feature vectors of its author claims.
struct Sentence {
    text: String,
    subjective: bool,
    claims: Vec<Vec<(String, f64)>>,
}

/// A sparse example: feature indices and values.
type Example = Vec<(usize, f64)>;

const LAMBDAS: [f64; 4] = [0.003, 0.01, 0.03, 0.1];
const MIN_DFS: [usize; 4] = [3, 5, 10, usize::MAX];
const FOLDS: usize = 5;
const ITERATIONS: usize = 1500;
const STEP: f64 = 0.5;
/// The probability from which a claim is subjective.
const THRESHOLD: f64 = 0.5;

fn is_word(name: &str) -> bool {
    name.starts_with("word: ")
}

/// The feature index of a training set: every non-word feature, and the words of at least
/// `min_df` sentences.
fn vocabulary(train: &[&Sentence], min_df: usize) -> BTreeMap<String, usize> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for s in train {
        let names: BTreeSet<&str> = s.claims.iter().flatten().map(|(n, _)| n.as_str()).collect();
        for n in names {
            *df.entry(n).or_default() += 1;
        }
    }
    df.into_iter()
        .filter(|(n, d)| !is_word(n) || *d >= min_df)
        .enumerate()
        .map(|(i, (n, _))| (n.to_owned(), i))
        .collect()
}

fn encode(claim: &[(String, f64)], vocab: &BTreeMap<String, usize>) -> Example {
    claim
        .iter()
        .filter_map(|(n, v)| vocab.get(n).map(|&i| (i, *v)))
        .collect()
}

/// Fits the weights (last one the bias) by gradient descent on the mean log loss plus
/// `lambda / 2` times the squared weights (not the bias).
fn fit(examples: &[(Example, bool)], dims: usize, lambda: f64) -> Vec<f64> {
    let mut w = vec![0.0; dims + 1];
    let n = examples.len().max(1) as f64;
    // Each class weighs half of the loss, whatever its share of the examples: macro-F1 counts
    // the two classes alike, and the share of subjective sentences differs from split to split.
    let positives = examples.iter().filter(|(_, y)| *y).count().max(1) as f64;
    let negatives = examples.iter().filter(|(_, y)| !*y).count().max(1) as f64;
    let class_weight = |y: bool| {
        if y {
            n / (2.0 * positives)
        } else {
            n / (2.0 * negatives)
        }
    };
    let mut grad = vec![0.0; dims + 1];
    for _ in 0..ITERATIONS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (x, y) in examples {
            let p = predict(&w, x);
            let err = (p - f64::from(u8::from(*y))) * class_weight(*y);
            for &(i, v) in x {
                grad[i] += err * v;
            }
            grad[dims] += err;
        }
        for i in 0..dims {
            w[i] -= STEP * (grad[i] / n + lambda * w[i]);
        }
        w[dims] -= STEP * grad[dims] / n;
    }
    w
}

fn predict(w: &[f64], x: &Example) -> f64 {
    let z = w[w.len() - 1] + x.iter().map(|&(i, v)| w[i] * v).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// Macro-F1 over the two classes of (gold, predicted) pairs.
fn macro_f1(pairs: &[(bool, bool)]) -> f64 {
    let f1 = |pos: bool| {
        let tp = pairs.iter().filter(|(g, p)| *g == pos && *p == pos).count() as f64;
        let fp = pairs.iter().filter(|(g, p)| *g != pos && *p == pos).count() as f64;
        let fn_ = pairs.iter().filter(|(g, p)| *g == pos && *p != pos).count() as f64;
        if tp == 0.0 {
            0.0
        } else {
            2.0 * tp / (2.0 * tp + fp + fn_)
        }
    };
    (f1(true) + f1(false)) / 2.0
}

/// Whether the rules type a claim subjective (evaluation, prediction or normative): a feature
/// of the claim.
fn rule_subjective(claim: &[(String, f64)]) -> bool {
    claim.iter().any(|(n, _)| {
        matches!(
            n.as_str(),
            "rule: evaluation" | "rule: prediction" | "rule: normative"
        )
    })
}

/// Each sentence's gold label and the highest probability of its author claims (0 with
/// none).
fn sentence_scores(
    w: &[f64],
    sentences: &[&Sentence],
    vocab: &BTreeMap<String, usize>,
) -> Vec<(bool, f64)> {
    sentences
        .iter()
        .map(|s| {
            let p = s
                .claims
                .iter()
                .map(|c| predict(w, &encode(c, vocab)))
                .fold(0.0, f64::max);
            (s.subjective, p)
        })
        .collect()
}

/// Sentence macro-F1 when a sentence is subjective as one of its author claims has a
/// probability of `threshold` or more.
fn at(scores: &[(bool, f64)], threshold: f64) -> f64 {
    let pairs: Vec<(bool, bool)> = scores
        .iter()
        .map(|&(g, p)| (g, p > 0.0 && p >= threshold))
        .collect();
    macro_f1(&pairs)
}

fn examples_of(sentences: &[&Sentence], vocab: &BTreeMap<String, usize>) -> Vec<(Example, bool)> {
    sentences
        .iter()
        .flat_map(|s| s.claims.iter().map(|c| (encode(c, vocab), s.subjective)))
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dry = args.iter().any(|a| a == "--dry-run");
    let path = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: train_subjectivity PATH/newssd_eng.jsonl [--dry-run]")?;
    let file = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut train = Vec::new();
    let mut val = Vec::new();
    for line in file.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value = serde_json::from_str(&line)?;
        let split = record["split"].as_str().unwrap_or("");
        let into = match split {
            "train" => &mut train,
            "val" => &mut val,
            other => return Err(format!("split {other:?}: only train and val are read").into()),
        };
        let text = record["text"].as_str().ok_or("a record without text")?;
        let subjective = record["subjective"]
            .as_bool()
            .ok_or("a record without subjective")?;
        let claims = crux_parser::claim_features(text)
            .into_iter()
            .filter(|(c, _)| c.holder == "author")
            .map(|(_, f)| f)
            .collect();
        into.push(Sentence {
            text: text.trim().to_owned(),
            subjective,
            claims,
        });
    }
    let train: Vec<&Sentence> = train.iter().collect();
    let val: Vec<&Sentence> = val.iter().collect();
    eprintln!(
        "{} training sentences, {} validation",
        train.len(),
        val.len()
    );
    // The rules alone: a sentence is subjective when the rules type one of its author claims
    // evaluation, prediction or normative.
    let rules = |sentences: &[&Sentence]| {
        let pairs: Vec<(bool, bool)> = sentences
            .iter()
            .map(|s| (s.subjective, s.claims.iter().any(|c| rule_subjective(c))))
            .collect();
        macro_f1(&pairs)
    };
    eprintln!(
        "rules alone: train macro-F1 {:.3}, val {:.3}",
        rules(&train),
        rules(&val)
    );

    // Cross-validation on the training split: for each setting, the out-of-fold scores of
    // every sentence, read at the threshold 0.5 (the classes weigh alike in the fit).

    let mut best: Option<(f64, f64, usize, f64)> = None;
    for &min_df in &MIN_DFS {
        for &lambda in &LAMBDAS {
            let mut scores = Vec::new();
            for k in 0..FOLDS {
                // Folds are runs of consecutive sentences, so that a held-out fold is mostly
                // articles the fit did not see, as new text will be.
                let fold = |i: usize| i * FOLDS / train.len();
                let fit_on: Vec<&Sentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold(*i) != k)
                    .map(|(_, s)| *s)
                    .collect();
                let held: Vec<&Sentence> = train
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| fold(*i) == k)
                    .map(|(_, s)| *s)
                    .collect();
                let vocab = vocabulary(&fit_on, min_df);
                let w = fit(&examples_of(&fit_on, &vocab), vocab.len(), lambda);
                scores.extend(sentence_scores(&w, &held, &vocab));
            }
            let (f1, threshold) = (at(&scores, THRESHOLD), THRESHOLD);
            let vocab = vocabulary(&train, min_df);
            let w = fit(&examples_of(&train, &vocab), vocab.len(), lambda);
            let val_f1 = at(&sentence_scores(&w, &val, &vocab), threshold);
            eprintln!(
                "min_df {} lambda {lambda}: cross-validated macro-F1 {f1:.3} at threshold {threshold} (val {val_f1:.3})",
                if min_df == usize::MAX {
                    "none".to_owned()
                } else {
                    min_df.to_string()
                }
            );
            if best.is_none_or(|b| f1 > b.0) {
                best = Some((f1, lambda, min_df, threshold));
            }
        }
    }
    let (cv, lambda, min_df, threshold) = best.ok_or("no setting")?;
    let vocab = vocabulary(&train, min_df);
    let w = fit(&examples_of(&train, &vocab), vocab.len(), lambda);
    let train_f1 = at(&sentence_scores(&w, &train, &vocab), threshold);
    let val_f1 = at(&sentence_scores(&w, &val, &vocab), threshold);
    let words = if min_df == usize::MAX {
        "no word features".to_owned()
    } else {
        format!("words of at least {min_df} training sentences")
    };
    eprintln!(
        "chosen: lambda {lambda}, {words}, threshold {threshold}: cross-validated {cv:.3}, \
         train {train_f1:.3}, val {val_f1:.3}"
    );
    if args.iter().any(|a| a == "--dump") {
        for (s, (g, p)) in val.iter().zip(sentence_scores(&w, &val, &vocab)) {
            let top: Vec<String> = s
                .claims
                .iter()
                .flatten()
                .filter_map(|(n, v)| vocab.get(n).map(|&i| (n, w[i] * v)))
                .filter(|(_, c)| c.abs() > 0.15)
                .map(|(n, c)| format!("{n} {c:+.2}"))
                .collect();
            println!("{g}\t{p:.2}\t{}\t{}", s.text, top.join("; "));
        }
    }
    if dry {
        return Ok(());
    }
    let mut out = String::new();
    writeln!(
        out,
        "# Weights of the subjectivity model of claim typing (src/subjectivity.rs): a logistic\n\
         # regression reading whether a claim is subjective (evaluation, prediction, normative)\n\
         # or not (factual, causal). Columns: feature <TAB> weight; `(bias)` is the intercept and\n\
         # `(threshold)` the probability from which a claim is subjective.\n\
         # Written by `cargo run --release -p crux-parser --example train_subjectivity --\n\
         # PATH/newssd_eng.jsonl` (docs/evaluation.md); do not edit by hand.\n\
         # source: trained on the train split of NewsSD-ENG (Antici et al. 2024, CC BY 4.0),\n\
         # {} sentences; settings chosen by five-fold cross-validation on it: L2 {lambda},\n\
         # {words}, threshold {threshold}. Sentence macro-F1: cross-validated\n\
         # {cv:.3}, train {train_f1:.3}, val {val_f1:.3} (val read only for this figure; the test\n\
         # split is never read).",
        train.len()
    )?;
    writeln!(out, "(bias)\t{:.4}", w[vocab.len()])?;
    writeln!(out, "(threshold)\t{threshold}")?;
    for (name, &i) in &vocab {
        if w[i].abs() >= 0.0005 {
            writeln!(out, "{name}\t{:.4}", w[i])?;
        }
    }
    let dest = concat!(env!("CARGO_MANIFEST_DIR"), "/data/subjectivity.tsv");
    std::fs::write(dest, out)?;
    eprintln!("wrote {dest}");
    Ok(())
}
