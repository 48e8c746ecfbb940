//! crux's own gold format (`*.gold.json`) and its scorer, a faithful port of
//! `/work/shared/eval/score.py`: same items, same matching rules, same zero-denominator
//! conventions, so that the two give the same numbers on the same output.
//!
//! `docs/evaluation.md` describes every field of the format.
//!
//! # Examples
//!
//! ```
//! use crux_eval::gold::{Gold, score};
//!
//! let text = "Officials met. \"We agreed,\" one official said.";
//! let gold: Gold = serde_json::from_str(
//!     r#"{"article": "articles/x.txt", "verdict": "neutral",
//!         "quotes": [{"text": "\"We agreed,\"", "span": [15, 27], "kind": "direct",
//!                     "speaker": "one official"}]}"#,
//! )?;
//! let analysis = crux_analysis::analyze(crux_parser::parse(text).document);
//! let scores = score(&analysis, &gold);
//! assert_eq!(scores.quotes.recall, 1.0);
//! assert_eq!(scores.quote_speakers.accuracy, 1.0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::cmp::Reverse;
use std::fs;
use std::path::{Path, PathBuf};

use crux_analysis::{Analysis, AssessmentKind};
use crux_parser::{InputFormat, QuoteKind};
use serde::{Deserialize, Serialize};

use crate::metrics::{Prf, accuracy, collapse_whitespace, overlap, prf, same_speaker, touches};
use crate::{DatasetResult, EvalError, GOLD_DATASET, Row};

/// A gold annotation of one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// The article's path, relative to the folder above the gold file's folder.
    pub article: String,
    /// What the spans are (informative: "byte offsets [start, end) into the article file").
    #[serde(default)]
    pub spans: Option<String>,
    /// The article's metadata.
    #[serde(default)]
    pub meta: GoldMeta,
    /// Every paragraph with its voice.
    #[serde(default)]
    pub paragraphs: Vec<GoldParagraph>,
    /// Paragraphs reproduced from another text.
    #[serde(default)]
    pub block_quotes: Vec<GoldItem>,
    /// Direct, partial and scare quotes.
    #[serde(default)]
    pub quotes: Vec<GoldItem>,
    /// Indirect speech.
    #[serde(default)]
    pub reported_speech: Vec<GoldItem>,
    /// Hedges, concessions, conditions and limitations (the cue words).
    #[serde(default)]
    pub caveats: Vec<GoldItem>,
    /// Stated risks.
    #[serde(default)]
    pub risks: Vec<GoldItem>,
    /// Stated benefits.
    #[serde(default)]
    pub benefits: Vec<GoldItem>,
    /// The author's claims.
    #[serde(default)]
    pub claims: Vec<GoldItem>,
    /// The sign of the article's balance: `positive`, `negative` or `neutral`.
    #[serde(default)]
    pub verdict: Option<String>,
}

/// Gold metadata; each field absent when the article does not state it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldMeta {
    /// Section or kicker line.
    pub section: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The (first) author.
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// `HH:MM`, 24 h (not scored).
    pub time: Option<String>,
}

/// A gold paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldParagraph {
    /// 1-based number.
    #[serde(default)]
    pub n: usize,
    /// Byte span `[start, end)`.
    pub span: [usize; 2],
    /// `meta` (not scored), `author` or `quoted`.
    pub voice: String,
}

/// A gold item: a quote, a caveat, a claim, a risk or a benefit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldItem {
    /// Byte span `[start, end)`.
    pub span: [usize; 2],
    /// Its words.
    #[serde(default)]
    pub text: String,
    /// For quotes and caveats: the kind, as in the output contract.
    #[serde(default)]
    pub kind: Option<String>,
    /// For quotes and reported speech: who said it.
    #[serde(default)]
    pub speaker: Option<String>,
    /// For reported speech and block quotes: the publication.
    #[serde(default)]
    pub source: Option<String>,
    /// For block quotes: who wrote the quoted text (not scored).
    #[serde(default)]
    pub writer: Option<String>,
    /// For block quotes: the span of the sentence that introduces it (not scored).
    #[serde(default)]
    pub introduced_by: Option<[usize; 2]>,
    /// For risks and benefits: who holds the view (not scored).
    #[serde(default)]
    pub holder: Option<String>,
    /// An item that counts neither as a miss nor, when found, as a false alarm.
    #[serde(default)]
    pub optional: bool,
}

impl GoldItem {
    fn range(&self) -> (usize, usize) {
        (self.span[0], self.span[1])
    }
}

/// A share of items judged right.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Share {
    /// `correct / gold`, 1 when `gold` is 0.
    pub accuracy: f64,
    /// Items judged.
    pub gold: usize,
    /// Items right.
    pub correct: usize,
}

impl Share {
    fn new(correct: usize, gold: usize) -> Share {
        Share {
            accuracy: accuracy(correct, gold),
            gold,
            correct,
        }
    }
}

/// Which metadata fields are right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaFields {
    /// Title equal, white space and case aside.
    pub title: bool,
    /// The gold author among crux's authors.
    pub author: bool,
    /// Date equal.
    pub date: bool,
    /// Section equal, white space and case aside.
    pub section: bool,
}

/// Metadata accuracy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MetaScore {
    /// Share of the four fields right.
    pub accuracy: f64,
    /// Each field.
    pub fields: MetaFields,
}

/// The verdict's sign against the gold one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerdictScore {
    /// The gold verdict.
    pub gold: Option<String>,
    /// crux's net balance.
    pub net: f64,
    /// crux's verdict.
    pub verdict: String,
    /// Whether the sign of `net` (beyond ±0.05) is the gold verdict.
    pub correct: bool,
}

/// Spans whose text is not the document's text under them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mismatches {
    /// Spans and scopes checked.
    pub checked: usize,
    /// How many were wrong.
    pub bad: usize,
    /// Where the first five are and why (`$.quotes[3].speaker.span: ...`).
    pub first: Vec<String>,
}

/// Every score of one article, keyed as `score.py --json` keys them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldScore {
    /// Direct, partial and scare quotes against all gold quotes (overlap 0.5).
    pub quotes: Prf,
    /// Gold quotes with a speaker matched by a quote with the same speaker.
    pub quote_speakers: Share,
    /// Scare quotes alone.
    pub scare_quotes: Prf,
    /// Block quotes (overlap 0.8).
    pub block_quotes: Prf,
    /// Reported speech (overlap 0.3).
    pub reported_speech: Prf,
    /// Caveats (any overlap: 0.01).
    pub caveats: Prf,
    /// Risks (overlap 0.5).
    pub risks: Prf,
    /// Benefits (overlap 0.5).
    pub benefits: Prf,
    /// The author's claims (overlap 0.5).
    pub claims: Prf,
    /// Voice of the non-meta paragraphs.
    pub paragraph_voice: Share,
    /// Title, author, date, section.
    pub meta: MetaScore,
    /// The sign of the balance.
    pub verdict: VerdictScore,
    /// The contract's span invariant over every span of the output.
    pub span_text_mismatches: Mismatches,
}

/// `score.py`'s `match`: recall over the required gold items, precision over predictions, a
/// prediction being right when it is close to any gold item, optional ones included.
fn match_items<'a>(
    gold: impl IntoIterator<Item = &'a GoldItem> + Clone,
    predicted: &[(usize, usize)],
    min_share: f64,
) -> Prf {
    let required: Vec<&GoldItem> = gold.clone().into_iter().filter(|g| !g.optional).collect();
    let hit_gold = required
        .iter()
        .filter(|g| predicted.iter().any(|&p| touches(g.range(), p, min_share)))
        .count();
    let hit_pred = predicted
        .iter()
        .filter(|&&p| {
            gold.clone()
                .into_iter()
                .any(|g| touches(g.range(), p, min_share))
        })
        .count();
    prf(hit_pred, predicted.len(), hit_gold, required.len())
}

fn norm(s: Option<&str>) -> String {
    collapse_whitespace(s.unwrap_or("")).to_lowercase()
}

/// Scores crux's analysis of an article against its gold annotation, as `score.py` does.
#[must_use]
pub fn score(analysis: &Analysis, gold: &Gold) -> GoldScore {
    let doc = &analysis.document;
    let inline: Vec<_> = doc
        .quotes
        .iter()
        .filter(|q| {
            matches!(
                q.kind,
                QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Scare
            )
        })
        .collect();
    let spans = |kind: Option<QuoteKind>| -> Vec<(usize, usize)> {
        doc.quotes
            .iter()
            .filter(|q| kind.is_none_or(|k| q.kind == k))
            .map(|q| (q.span.start(), q.span.end()))
            .collect()
    };
    let inline_spans: Vec<_> = inline
        .iter()
        .map(|q| (q.span.start(), q.span.end()))
        .collect();

    let speech: Vec<&GoldItem> = gold
        .quotes
        .iter()
        .filter(|g| g.speaker.as_deref().is_some_and(|s| !s.is_empty()))
        .collect();
    let attributed = speech
        .iter()
        .filter(|g| {
            inline.iter().any(|p| {
                touches(g.range(), (p.span.start(), p.span.end()), 0.5)
                    && same_speaker(
                        g.speaker.as_deref().unwrap_or(""),
                        p.speaker.as_ref().map_or("", |s| s.text.as_str()),
                    )
            })
        })
        .count();
    let scare_gold = gold
        .quotes
        .iter()
        .filter(|g| g.kind.as_deref() == Some("scare"));
    let scare_pred: Vec<_> = inline
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .map(|q| (q.span.start(), q.span.end()))
        .collect();
    let caveats: Vec<_> = doc
        .caveats
        .iter()
        .map(|c| (c.span.start(), c.span.end()))
        .collect();
    let assessments = |kind: AssessmentKind| -> Vec<(usize, usize)> {
        analysis
            .assessments
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| (a.span.start(), a.span.end()))
            .collect()
    };
    let author_claims: Vec<_> = doc
        .claims
        .iter()
        .filter(|c| c.holder == "author")
        .map(|c| (c.span.start(), c.span.end()))
        .collect();
    // score.py rebuilds the gold claims as bare spans, so `optional` does not apply to them.
    let claims_gold: Vec<GoldItem> = gold
        .claims
        .iter()
        .map(|c| GoldItem {
            span: c.span,
            ..GoldItem::default()
        })
        .collect();

    let mut voice_ok = 0;
    let mut voice_n = 0;
    for gp in gold.paragraphs.iter().filter(|p| p.voice != "meta") {
        voice_n += 1;
        let g = (gp.span[0], gp.span[1]);
        let of = |p: &crux_parser::Paragraph| overlap((p.span.start(), p.span.end()), g);
        // Python's max() keeps the first of equal maxima.
        let best = doc.paragraphs.iter().min_by_key(|p| Reverse(of(p)));
        voice_ok += usize::from(
            best.is_some_and(|p| of(p) > 0 && voice_name(p.voice).as_deref() == Some(&gp.voice)),
        );
    }

    let meta = &doc.meta;
    let gm = &gold.meta;
    let fields = MetaFields {
        title: norm(meta.title.as_deref()) == norm(gm.title.as_deref()),
        author: meta
            .authors
            .iter()
            .any(|a| norm(Some(a)) == norm(gm.author.as_deref())),
        date: meta.date == gm.date,
        section: norm(meta.section.as_deref()) == norm(gm.section.as_deref()),
    };
    let right = [fields.title, fields.author, fields.date, fields.section]
        .into_iter()
        .filter(|&b| b)
        .count();

    let net = analysis.balance.net;
    let sign = if net > 0.05 {
        "positive"
    } else if net < -0.05 {
        "negative"
    } else {
        "neutral"
    };
    let verdict_name = serde_json::to_value(analysis.balance.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();

    GoldScore {
        quotes: match_items(&gold.quotes, &inline_spans, 0.5),
        quote_speakers: Share::new(attributed, speech.len()),
        scare_quotes: match_items(scare_gold, &scare_pred, 0.5),
        block_quotes: match_items(&gold.block_quotes, &spans(Some(QuoteKind::Block)), 0.8),
        reported_speech: match_items(
            &gold.reported_speech,
            &spans(Some(QuoteKind::Reported)),
            0.3,
        ),
        caveats: match_items(&gold.caveats, &caveats, 0.01),
        risks: match_items(&gold.risks, &assessments(AssessmentKind::Risk), 0.5),
        benefits: match_items(&gold.benefits, &assessments(AssessmentKind::Benefit), 0.5),
        claims: match_items(&claims_gold, &author_claims, 0.5),
        paragraph_voice: Share::new(voice_ok, voice_n),
        meta: MetaScore {
            accuracy: accuracy(right, 4),
            fields,
        },
        verdict: VerdictScore {
            gold: gold.verdict.clone(),
            net,
            verdict: verdict_name,
            correct: gold.verdict.as_deref() == Some(sign),
        },
        span_text_mismatches: check_spans(analysis),
    }
}

fn voice_name(voice: crux_parser::Voice) -> Option<String> {
    serde_json::to_value(voice)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
}

/// The contract's span invariant ([`crux_report::check_spans`]) over the analysis as it is
/// printed: every span and scope inside the text and on character boundaries, and every
/// object's `text` equal to its span's slice (`score.py`'s `check_spans` checks the last part,
/// under quotes, caveats, claims and assessments).
fn check_spans(analysis: &Analysis) -> Mismatches {
    let check = serde_json::to_value(analysis)
        .map(|value| crux_report::check_spans(&value))
        .unwrap_or_default();
    Mismatches {
        checked: check.checked,
        bad: check.problems.len(),
        first: check
            .problems
            .iter()
            .take(5)
            .map(ToString::to_string)
            .collect(),
    }
}

/// The table rows of a gold score.
#[must_use]
pub fn rows(s: &GoldScore) -> Vec<Row> {
    let d = GOLD_DATASET;
    let share = |name: &str, sh: Share| Row::accuracy(d, name, sh.correct, sh.gold);
    let wrong_fields: Vec<&str> = [
        ("title", s.meta.fields.title),
        ("author", s.meta.fields.author),
        ("date", s.meta.fields.date),
        ("section", s.meta.fields.section),
    ]
    .into_iter()
    .filter(|(_, ok)| !ok)
    .map(|(name, _)| name)
    .collect();
    let right = 4 - wrong_fields.len();
    #[expect(clippy::cast_precision_loss, reason = "a count of spans")]
    let bad = s.span_text_mismatches.bad as f64;
    let mut mismatches = Row::value(
        d,
        "span text mismatches",
        bad,
        s.span_text_mismatches.checked,
    )
    .with_note("spans whose text differs (value) of those checked (items)");
    if !s.span_text_mismatches.first.is_empty() {
        mismatches = mismatches.with_note(s.span_text_mismatches.first.join(", "));
    }
    vec![
        Row::prf(d, "quotes", s.quotes, 1).with_note("direct, partial, scare; overlap >= 0.5"),
        share("quote speakers", s.quote_speakers),
        Row::prf(d, "scare quotes", s.scare_quotes, 1),
        Row::prf(d, "block quotes", s.block_quotes, 1).with_note("overlap >= 0.8"),
        Row::prf(d, "reported speech", s.reported_speech, 1).with_note("overlap >= 0.3"),
        Row::prf(d, "caveats", s.caveats, 1).with_note("any overlap"),
        Row::prf(d, "risks", s.risks, 1),
        Row::prf(d, "benefits", s.benefits, 1),
        Row::prf(d, "claims", s.claims, 1).with_note("author's claims"),
        share("paragraph voice", s.paragraph_voice),
        Row::accuracy(d, "meta", right, 4).with_note(if wrong_fields.is_empty() {
            "title, author, date, section".to_owned()
        } else {
            format!("wrong: {}", wrong_fields.join(", "))
        }),
        Row::accuracy(d, "verdict", usize::from(s.verdict.correct), 1).with_note(format!(
            "gold {}, crux {} (net {:.3})",
            s.verdict.gold.as_deref().unwrap_or("none"),
            s.verdict.verdict,
            s.verdict.net
        )),
        mismatches,
    ]
}

/// Where the article of a gold file is: its `article` field, relative to the folder above the
/// gold file's folder (`gold/x.gold.json` with `articles/x.txt` is `articles/x.txt`).
#[must_use]
pub fn article_path(gold_path: &Path, gold: &Gold) -> PathBuf {
    let folder = gold_path.parent().unwrap_or(Path::new(""));
    let base = match folder.parent() {
        Some(up) if !folder.as_os_str().is_empty() => up.to_path_buf(),
        _ => folder.join(".."),
    };
    base.join(&gold.article)
}

fn format_of(path: &Path) -> InputFormat {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("md" | "markdown") => InputFormat::Markdown,
        Some("html" | "htm") => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

/// Reads a gold file and its article, runs crux on the article and scores it.
pub(crate) fn evaluate_file(
    gold_path: &Path,
    article: Option<&Path>,
) -> Result<DatasetResult, EvalError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| EvalError::Io { path, source }
    };
    let raw = fs::read_to_string(gold_path).map_err(io(gold_path))?;
    let gold: Gold = serde_json::from_str(&raw).map_err(|e| EvalError::Format {
        path: gold_path.to_path_buf(),
        line: None,
        message: format!("not a crux gold file: {e}"),
    })?;
    let article = article.map_or_else(|| article_path(gold_path, &gold), Path::to_path_buf);
    let text = fs::read_to_string(&article).map_err(io(&article))?;
    let parsed = crux_parser::parse_as(&text, format_of(&article));
    let analysis = crux_analysis::analyze(parsed.document);
    let scores = score(&analysis, &gold);
    Ok(DatasetResult {
        dataset: GOLD_DATASET.to_owned(),
        path: gold_path.display().to_string(),
        article: Some(article.display().to_string()),
        published: None,
        rows: rows(&scores),
        failures: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_is_beside_the_gold_folder() {
        let gold = Gold {
            article: "articles/x.txt".to_owned(),
            ..Gold::default()
        };
        assert_eq!(
            article_path(Path::new("../shared/gold/x.gold.json"), &gold),
            Path::new("../shared/articles/x.txt")
        );
        assert_eq!(
            article_path(Path::new("x.gold.json"), &gold),
            Path::new("../articles/x.txt")
        );
        assert_eq!(
            article_path(Path::new("gold/x.gold.json"), &gold),
            Path::new("articles/x.txt")
        );
    }

    #[test]
    fn optional_items_neither_miss_nor_false_alarm() {
        let item = |a, b, optional| GoldItem {
            span: [a, b],
            optional,
            ..GoldItem::default()
        };
        let gold = [item(0, 10, false), item(20, 30, true)];
        // Finding only the optional item: a right prediction, and the required one missed.
        let m = match_items(&gold, &[(20, 30)], 0.5);
        assert_eq!((m.precision, m.recall, m.gold), (1.0, 0.0, 1));
        // Finding the required one only: perfect.
        let m = match_items(&gold, &[(0, 10)], 0.5);
        assert_eq!((m.precision, m.recall), (1.0, 1.0));
    }
}
