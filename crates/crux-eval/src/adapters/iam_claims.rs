//! `iam_claims`: IAM (Cheng et al., ACL 2022), web articles on debate topics whose every
//! sentence is labelled `claim` or `other`, with a stance towards the article's topic (+1
//! support, −1 contest, 0 for the others). The text was reconstructed: the sentences joined
//! with `\n`.
//!
//! crux reads each article as plain text (docs/evaluation.md):
//!
//! - **claims**: a gold sentence is predicted a claim when one crux claim held by the author
//!   covers at least half of it; P/R/F1 of the claim class over the sentences, for any author
//!   claim and for the non-factual types only (evaluation, prediction, normative, causal).
//! - **stance** of the gold claims: crux's polarity of the sentence, from the assessments lying
//!   at least half inside it ([`crate::corpus::polarity_within`]: benefits → support, risks →
//!   contest, neither → no stance), against the gold stance; macro-F1 over support and contest,
//!   coverage, accuracy on covered; beside VADER's sign on the same sentences. The topic is not
//!   read.
//! - **claim and stance, 3-way**: every sentence labelled support claim, contest claim or
//!   other; crux says support or contest when it finds an author claim (by either rule) with a
//!   polarity, other otherwise. The nearest thing here to the paper's task, not the same.
//!
//! The `dev` split is scored; `test` articles are counted and left out, as are articles of any
//! other split (the file has none: the train split was not in the snapshot).

use std::io::BufRead;
use std::path::Path;

use crux_parser::ClaimType;
use serde::Deserialize;
use vader_parity::SentimentIntensityAnalyzer;

use crate::corpus::{JsonSpan, VADER_THRESHOLD, analyse, for_each_record, polarity_within};
use crate::metrics::{Confusion, Confusion3, Polarity, covers, macro_f1, prf, ratio};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "iam_claims";

/// The split scored.
const SCORED: &str = "dev";

/// The split kept for independent measurement: counted, never scored.
const HELD_BACK: &str = "test";

/// The published figure the corpora README gives, and how it differs from what is measured.
const PUBLISHED: &str = "claim extraction with stance (IAM's CESC task), macro-F1 60.25 with a \
    fine-tuned model reading the topic, on the test split (Cheng et al. 2022); not the same \
    setup as the rows here (crux is not trained and does not read the topic; dev split)";

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    split: String,
    text: String,
    #[serde(default)]
    spans: Vec<Sentence>,
}

#[derive(Deserialize)]
struct Sentence {
    #[serde(flatten)]
    span: JsonSpan,
    label: Label,
    stance: Stance,
    #[serde(default)]
    sent_index: Option<usize>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Label {
    Claim,
    Other,
}

/// `stance`: 1, −1 or 0; any other number is a format error.
#[derive(Deserialize, Clone, Copy)]
#[serde(try_from = "i64")]
struct Stance(Polarity);

impl TryFrom<i64> for Stance {
    type Error = String;

    fn try_from(n: i64) -> Result<Stance, String> {
        match n {
            1 => Ok(Stance(Polarity::Positive)),
            -1 => Ok(Stance(Polarity::Negative)),
            0 => Ok(Stance(Polarity::Neutral)),
            _ => Err(format!("stance {n}: expected 1, -1 or 0")),
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

/// The two claim rules.
const ANY: usize = 0;
const NON_FACTUAL: usize = 1;

#[derive(Default)]
struct Tally {
    articles: usize,
    held_back: usize,
    /// Articles of another split (the train split is not in the snapshot).
    other_split: usize,
    /// Claim detection per rule: gold claim vs predicted claim, per sentence.
    claims: [Confusion; 2],
    /// Stance of the gold claims: crux, VADER.
    stance: [Confusion3; 2],
    /// Support claim / contest claim / other, per sentence, per claim rule.
    joint: [Confusion3; 2],
}

impl Tally {
    fn article(
        &mut self,
        record: &Record,
        vader: &SentimentIntensityAnalyzer,
        failures: &mut Vec<String>,
    ) {
        self.articles += 1;
        let analysis = analyse(&record.text);
        let claims: Vec<((usize, usize), ClaimType)> = analysis
            .document
            .claims
            .iter()
            .filter(|c| c.holder == "author")
            .map(|c| ((c.span.start(), c.span.end()), c.kind))
            .collect();
        for (i, s) in record.spans.iter().enumerate() {
            let range = s.span.range();
            let covering: Vec<ClaimType> = claims
                .iter()
                .filter(|(c, _)| covers(range, *c, 0.5))
                .map(|&(_, kind)| kind)
                .collect();
            let predicted = [
                !covering.is_empty(),
                covering.iter().any(|&k| k != ClaimType::Factual),
            ];
            let is_claim = s.label == Label::Claim;
            let crux = polarity_within(&analysis, range);
            for rule in [ANY, NON_FACTUAL] {
                self.claims[rule].add(is_claim, predicted[rule]);
                let gold = if is_claim {
                    s.stance.0
                } else {
                    Polarity::Neutral
                };
                let said = if predicted[rule] {
                    crux
                } else {
                    Polarity::Neutral
                };
                self.joint[rule].add(gold, said);
            }
            if !is_claim {
                continue;
            }
            let gold = s.stance.0;
            let text = record.text.get(range.0..range.1).unwrap_or_default();
            let compound = vader.polarity_scores(text).compound;
            let by_vader = Polarity::of(compound, VADER_THRESHOLD);
            self.stance[0].add(gold, crux);
            self.stance[1].add(gold, by_vader);
            if !predicted[ANY] || crux != gold {
                let found = if predicted[ANY] {
                    "an author claim"
                } else {
                    "no author claim"
                };
                failures.push(format!(
                    "{}#{}: gold claim, {}; crux {found}, {}; VADER {} ({compound:.2}): {}",
                    record.id,
                    s.sent_index.unwrap_or(i),
                    stance_name(gold),
                    stance_name(crux),
                    stance_name(by_vader),
                    text.trim()
                ));
            }
        }
    }

    fn rows(&self) -> Vec<Row> {
        let n = self.claims[ANY].total();
        let gold_claims = self.claims[ANY].positive().gold;
        let mut rows = vec![
            Row::value(
                NAME,
                "dev: claim sentences (base rate)",
                if n == 0 { 0.0 } else { ratio(gold_claims, n) },
                n,
            )
            .with_note(format!(
                "{gold_claims} gold claims in {n} sentences, {} articles",
                self.articles
            )),
            Row::prf(
                NAME,
                "dev: claims, every sentence called a claim",
                prf(gold_claims, n, gold_claims, gold_claims),
                n,
            )
            .with_note("the trivial baseline"),
            Row::prf(
                NAME,
                "dev: claims, any author claim",
                self.claims[ANY].positive(),
                n,
            )
            .with_note("claim: one author claim covers >= 0.5 of the sentence"),
            Row::prf(
                NAME,
                "dev: claims, non-factual author claim",
                self.claims[NON_FACTUAL].positive(),
                n,
            )
            .with_note("as above, the claim typed evaluation, prediction, normative or causal"),
        ];
        for (who, c, note) in [
            (
                "",
                &self.stance[0],
                "crux: assessments at least half inside the sentence; benefit -> support, \
                 risk -> contest, both -> sign of their net",
            ),
            (
                " (VADER)",
                &self.stance[1],
                "VADER compound >= 0.05 support, <= -0.05 contest",
            ),
        ] {
            let claims = c.total();
            let (pos, neg, neu) = (Polarity::Positive, Polarity::Negative, Polarity::Neutral);
            let covered = claims - c.count(pos, neu) - c.count(neg, neu);
            rows.push(
                Row::value(
                    NAME,
                    &format!("dev: stance of gold claims, macro-F1{who}"),
                    macro_f1(&[c.class(pos), c.class(neg)]),
                    claims,
                )
                .with_note(format!("over support and contest; {note}")),
            );
            rows.push(Row::prf(
                NAME,
                &format!("dev: stance: support{who}"),
                c.class(pos),
                claims,
            ));
            rows.push(Row::prf(
                NAME,
                &format!("dev: stance: contest{who}"),
                c.class(neg),
                claims,
            ));
            rows.push(
                Row::accuracy(
                    NAME,
                    &format!("dev: stance: coverage{who}"),
                    covered,
                    claims,
                )
                .with_note("share of gold claims with a support or contest prediction"),
            );
            rows.push(Row::accuracy(
                NAME,
                &format!("dev: stance: accuracy on covered{who}"),
                c.correct(),
                covered,
            ));
        }
        // Every sentence "other": the trivial baseline of the three-way rows.
        let mut other = Confusion3::default();
        for gold in Polarity::ALL {
            for _ in 0..self.joint[ANY].class(gold).gold {
                other.add(gold, Polarity::Neutral);
            }
        }
        rows.push(
            Row::value(
                NAME,
                "dev: claim and stance, 3-way macro-F1 (every sentence other)",
                other.macro_f1(),
                other.total(),
            )
            .with_note("the trivial baseline"),
        );
        for (rule, c) in [
            ("any author claim", &self.joint[ANY]),
            ("non-factual author claim", &self.joint[NON_FACTUAL]),
        ] {
            rows.push(
                Row::value(
                    NAME,
                    &format!("dev: claim and stance, 3-way macro-F1 ({rule})"),
                    c.macro_f1(),
                    c.total(),
                )
                .with_note(
                    "support claim / contest claim / other per sentence; crux: a claim with \
                     a polarity, else other",
                ),
            );
        }
        rows.push(Row::held_back(NAME, self.held_back));
        if self.other_split > 0 {
            rows.push(
                Row::value(
                    NAME,
                    "other splits: not scored",
                    self.other_split as f64,
                    self.other_split,
                )
                .with_note("only dev is scored"),
            );
        }
        rows
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let vader = SentimentIntensityAnalyzer::new();
    let mut t = Tally::default();
    let mut failures = Vec::new();
    let mut bad: Option<EvalError> = None;
    for_each_record(path, reader, |line, record: Record| {
        if bad.is_some() {
            return;
        }
        if record.split == HELD_BACK {
            t.held_back += 1;
            return;
        }
        if record.split != SCORED {
            t.other_split += 1;
            return;
        }
        if record.spans.iter().any(|s| {
            record
                .text
                .get(s.span.start_byte..s.span.end_byte)
                .is_none()
        }) {
            bad = Some(EvalError::Format {
                path: path.to_path_buf(),
                line: Some(line),
                message: "a sentence span is not inside the text".to_owned(),
            });
            return;
        }
        t.article(&record, &vader, &mut failures);
    })?;
    if let Some(e) = bad {
        return Err(e);
    }
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(PUBLISHED.to_owned()),
        rows: t.rows(),
        failures,
    })
}
