//! The learned part of claim typing: whether a claim is subjective (an evaluation, prediction
//! or recommendation of the writer's) or states a fact, where the cue rules of `claims.rs`
//! cannot tell ("they shriek", "smart and natural", "That's a lot of hungry kids.").
//!
//! A logistic regression over the claim's own features: the claim-typing cues that fired and
//! the type the rules gave, the evaluative words in it (with their sign and strength), its
//! caveats and boosters, a rhetorical question or exclamation, first and second person,
//! negation, quotations inside it, numbers, names, reporting verbs, its length, and its
//! lower-cased words. The weights are data (`data/subjectivity.tsv`), trained by
//! `cargo run --release -p crux-parser --example train_subjectivity` on the development
//! splits of NewsSD-ENG (docs/evaluation.md, "The learned subjectivity model"). The score is
//! deterministic, and each claim lists the features that moved it most.

use std::borrow::Cow;
use std::sync::OnceLock;

use crux_lexicon::FxHashMap;

use crate::document::{ClaimType, FeatureWeight, Subjectivity};

/// The model's file: `feature<TAB>weight` lines, `#` comments, and two reserved names, the
/// intercept `(bias)` and the decision `(threshold)`.
const WEIGHTS: &str = include_str!("../data/subjectivity.tsv");

/// How many of a claim's features its output lists: those that moved the score most.
const LISTED: usize = 5;

/// A feature's contribution under which the output does not list it.
const LISTED_MIN: f64 = 0.05;

/// A feature of a claim: its name and value (1 for present, a count or a share).
pub(crate) type Feature = (Cow<'static, str>, f64);

/// The trained model.
#[derive(Debug)]
struct Model {
    bias: f64,
    threshold: f64,
    weights: FxHashMap<&'static str, f64>,
}

/// Reads the model file; a line that does not parse is skipped (a unit test checks that none
/// is).
fn read(file: &'static str) -> Model {
    let mut model = Model {
        bias: 0.0,
        threshold: 0.5,
        weights: FxHashMap::default(),
    };
    for line in file.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((name, weight)) = line.split_once('\t') else {
            continue;
        };
        let Ok(weight) = weight.trim().parse::<f64>() else {
            continue;
        };
        match name {
            "(bias)" => model.bias = weight,
            "(threshold)" => model.threshold = weight,
            _ => {
                model.weights.insert(name, weight);
            }
        }
    }
    model
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| read(WEIGHTS))
}

/// The model's probability that a claim with these features is subjective, whether it is
/// over the model's threshold, and the features that moved it most (largest contribution in
/// absolute value first).
pub(crate) fn score(features: &[Feature]) -> Subjectivity {
    let m = model();
    let mut moved: Vec<(&str, f64)> = features
        .iter()
        .filter_map(|(name, value)| {
            m.weights
                .get(name.as_ref())
                .map(|w| (name.as_ref(), w * value))
        })
        .collect();
    let p = sigmoid(m.bias + moved.iter().map(|(_, c)| c).sum::<f64>());
    moved.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(b.0)));
    let features = moved
        .into_iter()
        .filter(|(_, c)| c.abs() >= LISTED_MIN)
        .take(LISTED)
        .map(|(name, c)| FeatureWeight {
            feature: name.to_owned(),
            weight: round(c),
        })
        .collect();
    Subjectivity {
        score: round(p),
        subjective: p >= m.threshold,
        features,
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Rounds to three decimals, as the output prints scores.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The name of a claim type's rule feature.
pub(crate) fn rule_feature(kind: ClaimType) -> Option<&'static str> {
    match kind {
        ClaimType::Evaluation => Some("rule: evaluation"),
        ClaimType::Prediction => Some("rule: prediction"),
        ClaimType::Normative => Some("rule: normative"),
        ClaimType::Causal => Some("rule: causal"),
        ClaimType::Factual => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weights_file_parses_whole() {
        let mut entries = 0;
        for line in WEIGHTS.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, weight) = line.split_once('\t').expect("feature<TAB>weight");
            assert!(!name.is_empty(), "{line}");
            assert!(weight.trim().parse::<f64>().is_ok(), "{line}");
            entries += 1;
        }
        let m = model();
        assert_eq!(m.weights.len() + 2, entries);
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
    }

    #[test]
    fn a_score_lists_what_moved_it() {
        let m = model();
        let name = |k: ClaimType| rule_feature(k).expect("a rule feature");
        let features: Vec<Feature> = vec![(Cow::Borrowed(name(ClaimType::Evaluation)), 1.0)];
        let s = score(&features);
        let w = m.weights.get(name(ClaimType::Evaluation)).copied();
        assert!((0.0..=1.0).contains(&s.score));
        if let Some(w) = w.filter(|w| w.abs() >= LISTED_MIN) {
            assert_eq!(s.features.len(), 1);
            assert!((s.features[0].weight - w).abs() < 1e-3);
        }
    }
}
