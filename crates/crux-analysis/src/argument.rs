//! Whether a sentence argues for or against what it is about, or argues nothing: a small
//! learned component beside the rules (docs/scoring.md, "Argument").
//!
//! The rules say whether a text states a risk or a benefit; they do not say whether a sentence
//! is an argument at all. On UKP's sentences (Stab et al. 2018) most sentences that name a harm
//! or a gain in passing are no argument, and many arguments state neither. A multinomial
//! logistic regression reads crux's own features of the analysed text (its risks, benefits,
//! balance, tone, claim types, caveats, boosters, quotations) and its words, and gives one of
//! three labels with the features that moved it.
//!
//! The weights are `data/argument_weights.tsv`, embedded at build time, written by
//! `cargo run --release -p crux-analysis --example train_argument -- PATH/ukp_sentential.jsonl`
//! from UKP's `train` split only, with the regularisation chosen on its `val` split. The words
//! are only those used in at least five of the six development topics, so that the model
//! reads how a sentence argues, not what it is about. Deterministic: full-batch gradient
//! descent from zero, features in a fixed order.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use crux_parser::{CaveatKind, ClaimType, Span, tokens};

use crate::{Analysis, AssessmentKind};

/// The three labels, in the order of the weight columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ArgumentLabel {
    /// An argument for (a benefit of what it is about, or against its opponents).
    For,
    /// An argument against.
    Against,
    /// No argument.
    None,
}

impl ArgumentLabel {
    /// All labels, in the weight file's column order.
    pub const ALL: [ArgumentLabel; 3] = [
        ArgumentLabel::For,
        ArgumentLabel::Against,
        ArgumentLabel::None,
    ];
}

/// One decision of the model, with the features that moved it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArgumentCall {
    /// The label with the highest score.
    pub label: ArgumentLabel,
    /// The probability of each label, in [`ArgumentLabel::ALL`] order.
    pub probabilities: [f64; 3],
    /// The features that moved the decision most: for each, its contribution to the chosen
    /// label's score less its contribution to the runner-up's, largest first (at most
    /// [`MOVED_BY`]).
    pub moved_by: Vec<(String, f64)>,
}

/// How many features a decision lists.
pub const MOVED_BY: usize = 6;

/// The weights file: `feature<TAB>for<TAB>against<TAB>none`, `#` comments.
const WEIGHTS: &str = include_str!("../data/argument_weights.tsv");

fn weights() -> &'static HashMap<String, [f64; 3]> {
    static W: OnceLock<HashMap<String, [f64; 3]>> = OnceLock::new();
    W.get_or_init(|| parse_weights(WEIGHTS))
}

/// Reads a weights file (`feature<TAB>for<TAB>against<TAB>none`, `#` comments); malformed
/// lines are skipped (the embedded file is checked by a test).
pub fn parse_weights(text: &str) -> HashMap<String, [f64; 3]> {
    let mut out = HashMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let Some(name) = cols.next() else { continue };
        let vals: Vec<f64> = cols.filter_map(|c| c.trim().parse().ok()).collect();
        if let [a, b, c] = vals[..] {
            out.insert(name.to_owned(), [a, b, c]);
        }
    }
    out
}

/// The features of an analysed text, by name, in a fixed order: crux's own (`crux:…`) and its
/// words (`word:…`, each once, lower-cased). Words outside the model's vocabulary are listed
/// too (the trainer chooses the vocabulary; the classifier ignores what has no weight).
#[must_use]
pub fn features(analysis: &Analysis) -> BTreeMap<String, f64> {
    features_about(analysis, None)
}

/// The features of an analysed text said of a topic ("gun control"), when the topic is known:
/// those of [`features`] and whether the text names the topic (`topic:named`), and with it the
/// risks and benefits it states (`topic:risk`, `topic:benefit`, `topic:net`). A harm said of
/// the topic argues against it, a gain for it; a harm named beside no mention of the topic is
/// more often a description of something else. The topic's own words never enter as words:
/// the model reads that the topic is named, not which.
#[must_use]
pub fn features_about(analysis: &Analysis, topic: Option<&str>) -> BTreeMap<String, f64> {
    let mut f = BTreeMap::new();
    let doc = &analysis.document;
    let text = &doc.text;
    let mut put = |name: &str, value: f64| {
        if value != 0.0 {
            *f.entry(name.to_owned()).or_insert(0.0) += value;
        }
    };
    put("bias", 1.0);
    let sum = |kind| {
        analysis
            .assessments
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.score * a.weight)
            .sum::<f64>()
    };
    let has = |kind| analysis.assessments.iter().any(|a| a.kind == kind);
    put("crux:risk", f64::from(u8::from(has(AssessmentKind::Risk))));
    put(
        "crux:benefit",
        f64::from(u8::from(has(AssessmentKind::Benefit))),
    );
    put("crux:risk_score", sum(AssessmentKind::Risk));
    put("crux:benefit_score", sum(AssessmentKind::Benefit));
    put("crux:net", analysis.balance.net);
    let tone = crate::tone(doc);
    put("crux:tone_net", tone.net);
    put("crux:tone_positive", tone.positive.min(2.0));
    put("crux:tone_negative", tone.negative.min(2.0));
    if doc.claims.is_empty() {
        put("crux:no_claim", 1.0);
    }
    // Presence features: each once, however often it occurs.
    let mut present = std::collections::BTreeSet::new();
    for c in &doc.claims {
        present.insert(match c.kind {
            ClaimType::Evaluation => "crux:claim_evaluation",
            ClaimType::Prediction => "crux:claim_prediction",
            ClaimType::Causal => "crux:claim_causal",
            ClaimType::Normative => "crux:claim_normative",
            ClaimType::Factual => "crux:claim_factual",
        });
        if c.holder != "author" {
            present.insert("crux:claim_others");
        }
    }
    for c in &doc.caveats {
        present.insert(match c.kind {
            CaveatKind::Hedge => "crux:hedge",
            CaveatKind::Concession => "crux:concession",
            CaveatKind::Condition => "crux:condition",
            CaveatKind::Limitation => "crux:limitation",
        });
    }
    for name in present {
        put(name, 1.0);
    }
    if !doc.boosters.is_empty() {
        put("crux:booster", 1.0);
    }
    if !doc.quotes.is_empty() {
        put("crux:quote", 1.0);
    }
    let mut words = 0usize;
    let mut seen: Vec<String> = Vec::new();
    let mut digit = false;
    for t in tokens(text, Span::new(0, text.len())) {
        let w = &text[t.span];
        if w == "?" {
            put("crux:question", 1.0);
        }
        if !t.word {
            continue;
        }
        words += 1;
        digit |= w.starts_with(|c: char| c.is_ascii_digit());
        let lower = w.to_lowercase();
        if !seen.contains(&lower) && seen.len() < 200 {
            seen.push(lower);
        }
    }
    if digit {
        put("crux:number", 1.0);
    }
    put("crux:words_log", ((1 + words) as f64).ln() / 4.0);
    let stems = topic.map(topic_stems).unwrap_or_default();
    let named = seen.iter().any(|w| names_topic(w, &stems));
    if named {
        put("topic:named", 1.0);
        put("topic:risk", f64::from(u8::from(has(AssessmentKind::Risk))));
        put(
            "topic:benefit",
            f64::from(u8::from(has(AssessmentKind::Benefit))),
        );
        put("topic:net", analysis.balance.net);
    }
    for w in seen {
        if !names_topic(&w, &stems) {
            put(&format!("word:{w}"), 1.0);
        }
    }

    f
}

/// The stems of a topic's words: each lower-cased, with a derivational or inflectional ending
/// cut (-ization, -ation, -ing, -ion, -ty, -s, after Porter 1980's suffix steps), so that the
/// stem begins its other forms ("abortion": "abortions", "aborted"; "cloning": "clone",
/// "clones"; "legalization": "legalize", "legal"; "penalty": "penalties"). Stems under three
/// letters are dropped.
fn topic_stems(topic: &str) -> Vec<String> {
    topic
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter_map(|w| {
            let cut = ["ization", "ation", "ing", "ion", "ty", "s"]
                .into_iter()
                .find_map(|end| w.strip_suffix(end).filter(|s| s.len() >= 4))
                .unwrap_or(&w);
            (cut.len() >= 3).then(|| cut.to_owned())
        })
        .collect()
}

/// Whether a lower-case word names one of the topic's stems.
fn names_topic(word: &str, stems: &[String]) -> bool {
    stems.iter().any(|s| word.starts_with(s.as_str()))
}

/// The model's decision on an analysed text, with the built-in weights.
#[must_use]
pub fn argument(analysis: &Analysis) -> ArgumentCall {
    classify(&features(analysis), weights())
}

/// The model's decision on an analysed text said of a topic, with the built-in weights.
#[must_use]
pub fn argument_about(analysis: &Analysis, topic: &str) -> ArgumentCall {
    classify(&features_about(analysis, Some(topic)), weights())
}

/// The decision of the model with the given weights on the given features.
#[must_use]
pub fn classify(
    features: &BTreeMap<String, f64>,
    weights: &HashMap<String, [f64; 3]>,
) -> ArgumentCall {
    let mut score = [0.0; 3];
    let mut parts: Vec<(&str, [f64; 3])> = Vec::new();
    for (name, &x) in features {
        if let Some(w) = weights.get(name) {
            let c = [w[0] * x, w[1] * x, w[2] * x];
            for k in 0..3 {
                score[k] += c[k];
            }
            parts.push((name, c));
        }
    }
    let probabilities = softmax(score);
    // The first of the highest, in the fixed label order: ties go the same way every time.
    let mut order = [0usize, 1, 2];
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
    let (best, second) = (order[0], order[1]);
    let mut moved_by: Vec<(String, f64)> = parts
        .iter()
        .map(|(name, c)| ((*name).to_owned(), c[best] - c[second]))
        .filter(|(_, d)| *d > 0.0)
        .collect();
    moved_by.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    moved_by.truncate(MOVED_BY);
    ArgumentCall {
        label: ArgumentLabel::ALL[best],
        probabilities,
        moved_by,
    }
}

/// The probabilities of three scores.
#[must_use]
pub fn softmax(score: [f64; 3]) -> [f64; 3] {
    let top = score.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = score.map(|s| (s - top).exp());
    let total: f64 = e.iter().sum();
    e.map(|x| x / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(text: &str) -> ArgumentCall {
        argument(&crate::analyze(crux_parser::parse(text).document))
    }

    #[test]
    fn the_embedded_weights_parse_and_cover_crux_s_features() {
        let w = weights();
        let data_lines = WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(w.len(), data_lines, "every weight line reads");
        for name in ["bias", "crux:risk", "crux:benefit", "crux:tone_net"] {
            assert!(w.contains_key(name), "{name}");
        }
        assert!(WEIGHTS.contains("# source:"));
    }

    #[test]
    fn each_decision_lists_the_features_that_moved_it() {
        let c = call("Nuclear plants are dangerous and should be shut down.");
        assert!(!c.moved_by.is_empty());
        assert!(c.moved_by.len() <= MOVED_BY);
        assert!(c.moved_by.windows(2).all(|p| p[0].1 >= p[1].1));
        assert!((c.probabilities.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // Deterministic: the same text, the same decision.
        assert_eq!(
            c,
            call("Nuclear plants are dangerous and should be shut down.")
        );
    }

    #[test]
    fn arguments_and_statements_of_our_own() {
        assert_eq!(
            call("Wind farms kill thousands of birds and ruin the landscape.").label,
            ArgumentLabel::Against
        );
        assert_eq!(
            call("Wind farms create jobs and reduce pollution, which benefits everyone.").label,
            ArgumentLabel::For
        );
        assert_eq!(
            call("The report was published in March by the ministry.").label,
            ArgumentLabel::None
        );
    }

    #[test]
    fn a_topic_named_in_another_form_is_read_as_named_not_as_words() {
        let analysis = crate::analyze(
            crux_parser::parse("Legalizing the drug would cut crime and save lives.").document,
        );
        let about = features_about(&analysis, Some("drug legalization"));
        assert_eq!(about.get("topic:named"), Some(&1.0));
        assert_eq!(about.get("topic:benefit"), Some(&1.0));
        assert!(!about.contains_key("word:legalizing"));
        assert!(!about.contains_key("word:drug"));
        // Without the topic, or of another topic, the words are words and nothing is named.
        let plain = features(&analysis);
        assert!(plain.contains_key("word:drug"));
        assert!(!plain.keys().any(|k| k.starts_with("topic:")));
        let other = features_about(&analysis, Some("school uniforms"));
        assert!(!other.keys().any(|k| k.starts_with("topic:")));
        assert_eq!(topic_stems("death penalty"), ["death", "penal"]);
        assert_eq!(topic_stems("cloning"), ["clon"]);
    }

    #[test]
    fn classify_uses_only_weighted_features() {
        let mut w = HashMap::new();
        w.insert("bias".to_owned(), [0.0, 0.0, 1.0]);
        w.insert("word:good".to_owned(), [2.0, 0.0, 0.0]);
        let mut f = BTreeMap::new();
        f.insert("bias".to_owned(), 1.0);
        f.insert("word:good".to_owned(), 1.0);
        f.insert("word:unknown".to_owned(), 1.0);
        let c = classify(&f, &w);
        assert_eq!(c.label, ArgumentLabel::For);
        assert_eq!(c.moved_by, [("word:good".to_owned(), 2.0)]);
    }
}
