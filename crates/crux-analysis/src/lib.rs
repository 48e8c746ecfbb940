//! crux-analysis weighs what an article says: the risks and benefits it states, each scored
//! for magnitude, likelihood and confidence with the cue words that set the numbers, summed into
//! one [`Balance`].
//!
//! # Brief overview
//!
//! [`analyze`] takes a [`crux_parser::Document`] and returns an [`Analysis`]: the document, its
//! [`Assessment`]s and the [`Balance`]. An article with no stated risk or benefit has the
//! verdict [`Verdict::Neutral`].
//!
//! # Example
//!
//! ```
//! use crux_analysis::{analyze, Verdict};
//!
//! let parsed = crux_parser::parse("The meeting took place on Monday.");
//! let analysis = analyze(parsed.document);
//! assert!(analysis.assessments.is_empty());
//! assert_eq!(analysis.balance.verdict, Verdict::Neutral);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod argument;
mod assess;
mod lexicon;
mod tone;
mod weigh;

pub use lexicon::{Lexicon, LexiconError};
pub use tone::{Tone, tone};

use crux_parser::{Document, Quote, QuoteKind, SentenceTokens, Span, Spanned};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Whether an assessment states a risk or a benefit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum AssessmentKind {
    /// Something could go wrong.
    Risk,
    /// Something gains or goes well.
    Benefit,
}

/// What a cue word did to an assessment's numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CueRole {
    /// Names a risk.
    RiskTerm,
    /// Names a benefit.
    BenefitTerm,
    /// Raises magnitude.
    Intensifier,
    /// Lowers magnitude.
    Downtoner,
    /// Lowers confidence.
    Hedge,
    /// Raises confidence.
    Booster,
    /// Grants a counterpoint, lowering the weight.
    Concession,
    /// Turns the polarity.
    Negation,
    /// Sets likelihood.
    Modal,
}

/// A word that moved an assessment's numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Cue {
    /// The word or phrase, equal to `document.text[span]`.
    pub text: String,
    /// Where it lies.
    pub span: Span,
    /// What it did.
    pub role: CueRole,
}

/// A stated risk or benefit, scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    /// Stable id within the document (`a1`, `a2`, …).
    pub id: String,
    /// Risk or benefit.
    pub kind: AssessmentKind,
    /// The clause or sentence that states it.
    pub span: Span,
    /// Its words, equal to `document.text[span]`.
    pub text: String,
    /// `"author"`, or who holds the view.
    pub holder: String,
    /// What is at risk or gains, when stated.
    pub target: Option<String>,
    /// How large, in [0, 1].
    pub magnitude: f64,
    /// How likely, in [0, 1].
    pub likelihood: f64,
    /// How firmly stated, in [0, 1].
    pub confidence: f64,
    /// `magnitude × likelihood × confidence`.
    pub score: f64,
    /// Every word that moved the numbers.
    pub cues: Vec<Cue>,
    /// How much the score counts in the balance: the product of the `weighting` factors, 1
    /// when there are none.
    pub weight: f64,
    /// Why the assessment counts more or less than its score in the balance.
    pub weighting: Vec<Weighting>,
}

/// Why an assessment counts more or less than its score in the balance (docs/scoring.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WeightReason {
    /// The view is someone else's: the article reports it without making it its own.
    OthersView,
    /// The view is someone else's, relayed by a news report (many of its sentences others'
    /// words, few of the writer's own claims judgements): the report does not weigh it.
    Reported,
    /// The writer's own, in a news report whose writer's assessments together amount to less
    /// than one firmly stated risk or benefit: words of harm or gain in passing, no weighing.
    ReportedFact,
    /// Evidence a news report relays (data, statistics, figures, a study, a survey, a report):
    /// not a view of one side but what the report is about, so it counts as the reporter's own
    /// facts do (factor 1).
    Evidence,
    /// The writer grants the point, then counters it ("…, to be sure. But …").
    Conceded,
    /// The writer states the balance itself ("a net positive"): a verdict on the other
    /// assessments, not one of them.
    StatedBalance,
    /// The writer's own, in the article's concluding paragraph (its last body paragraph in the
    /// writer's voice): the judgement the argument arrives at.
    Conclusion,
    /// The writer's own, of the side the writer recommends: a benefit where the writer says
    /// the course the article weighs should be taken ("The city should build it"), a risk
    /// where it should be rejected ("The council must reject the plan", "should not build
    /// it").
    Recommended,
    /// Someone else's view that the writer endorses right after relaying it ("Critics call
    /// the plan a danger. I agree."): it counts as the writer's own.
    Endorsed,
    /// Someone else's view that the writer disputes right after relaying it ("Critics call
    /// the plan a danger. I disagree."): it is not weighed.
    Disputed,
}

/// One factor of an assessment's weight in the balance, with the words that set it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Weighting {
    /// Why.
    pub reason: WeightReason,
    /// The factor the score is multiplied by.
    pub factor: f64,
    /// The words that set it ("But", "net positive"), or null when no single word does.
    pub cue: Option<crux_parser::TextSpan>,
}

impl Spanned for Assessment {
    fn span(&self) -> Span {
        self.span
    }
}

/// The overall verdict of a balance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Verdict {
    /// Benefits clearly outweigh risks.
    #[serde(rename = "positive")]
    Positive,
    /// Benefits outweigh risks.
    #[serde(rename = "mostly positive")]
    MostlyPositive,
    /// Neither side clearly outweighs the other.
    #[serde(rename = "mixed")]
    Mixed,
    /// Risks outweigh benefits.
    #[serde(rename = "mostly negative")]
    MostlyNegative,
    /// Risks clearly outweigh benefits.
    #[serde(rename = "negative")]
    Negative,
    /// No assessments at all.
    #[serde(rename = "neutral")]
    Neutral,
}

/// The weighed sum of an article's assessments.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Balance {
    /// Summed scores of the risks.
    pub risk: f64,
    /// Summed scores of the benefits.
    pub benefit: f64,
    /// `(benefit − risk) / (benefit + risk)` to three decimals, 0 when both are 0.
    pub net: f64,
    /// The verdict.
    pub verdict: Verdict,
}

impl Balance {
    /// The balance of the given risk and benefit totals.
    ///
    /// # Examples
    ///
    /// ```
    /// use crux_analysis::{Balance, Verdict};
    ///
    /// assert_eq!(Balance::from_totals(0.0, 0.0).verdict, Verdict::Neutral);
    /// assert_eq!(Balance::from_totals(0.1, 0.9).verdict, Verdict::Positive);
    /// ```
    #[must_use]
    pub fn from_totals(risk: f64, benefit: f64) -> Balance {
        let sum = risk + benefit;
        // Three decimals, like the scores: more would be noise of the arithmetic.
        let net = if sum > 0.0 {
            ((benefit - risk) / sum * 1000.0).round() / 1000.0
        } else {
            0.0
        };
        let verdict = if sum == 0.0 {
            Verdict::Neutral
        } else if net >= 0.5 {
            Verdict::Positive
        } else if net >= 0.15 {
            Verdict::MostlyPositive
        } else if net > -0.15 {
            Verdict::Mixed
        } else if net > -0.5 {
            Verdict::MostlyNegative
        } else {
            Verdict::Negative
        };
        Balance {
            risk,
            benefit,
            net,
            verdict,
        }
    }
}

/// A document with its assessments and balance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Analysis {
    /// The parsed document.
    #[serde(flatten)]
    pub document: Document,
    /// Stated risks and benefits, in text order.
    pub assessments: Vec<Assessment>,
    /// Their weighed sum.
    pub balance: Balance,
}

/// How much an assessment held by someone other than the author counts in the balance: the
/// article reports the view without making it its own (docs/scoring.md).
pub const OTHERS_WEIGHT: f64 = 0.5;

/// How much an assessment held by someone other than the author counts in a news report of
/// others' views: nothing, since the report relays it without weighing it; the verdict is then
/// the reporter's own, neutral when the reporter weighs nothing (docs/scoring.md).
pub const REPORTED_WEIGHT: f64 = 0.0;

/// How much a conceded assessment counts in the balance: the writer grants it only to set it
/// aside for the point that follows (docs/scoring.md).
pub const CONCEDED_WEIGHT: f64 = 0.5;

/// How much a stated balance ("this ought to be a net positive") counts: it is the writer's
/// own verdict on the other assessments, so it counts as two of them (docs/scoring.md).
pub const STATED_BALANCE_WEIGHT: f64 = 2.0;

/// How much the writer's own assessment in the concluding paragraph counts: the conclusion is
/// where the writer weighs what came before, so it counts as two (docs/scoring.md). Not in a
/// news report, whose last paragraph is one more fact or quotation.
pub const CONCLUSION_WEIGHT: f64 = 2.0;

/// How much the writer's own assessments of the side the writer recommends count: the
/// recommendation ("The city should build it") is the writer's verdict on the course the
/// article weighs, so its side counts as two, as the conclusion does (docs/scoring.md). Not on
/// top of the conclusion's or a stated balance's factor, nor in a news report.
pub const RECOMMENDED_WEIGHT: f64 = 2.0;

/// How much someone else's view counts when the writer endorses it right after relaying it
/// ("I agree."): the writer makes it its own, so it counts fully (1 / [`OTHERS_WEIGHT`]
/// undoes the factor of others' views).
pub const ENDORSED_WEIGHT: f64 = 1.0 / OTHERS_WEIGHT;

/// How much someone else's view counts when the writer disputes it right after relaying it
/// ("I disagree."): nothing. A denied harm states no gain, and a denied gain is not read as a
/// stated harm here either (docs/scoring.md).
pub const DISPUTED_WEIGHT: f64 = 0.0;

/// Analyses a parsed document with the built-in lexicon: its stated risks and benefits,
/// scored, and their balance.
#[must_use]
pub fn analyze(document: Document) -> Analysis {
    analyze_with(document, Lexicon::builtin())
}

/// Analyses a parsed document with the given lexicon (the built-in one with a user's entries,
/// say).
#[must_use]
pub fn analyze_with(document: Document, lexicon: &Lexicon) -> Analysis {
    analyze_words(document, None, lexicon)
}

/// As [`analyze_with`], reading the tokens of the document's sentences that its parse gave
/// ([`crux_parser::parse_owned_with_tokens`]) instead of tokenising the claims again: each
/// word's lookup in the lexicon layer comes with them. The analysis is the same. The tokens
/// are dropped once read, before the assessments' words are copied out of the text, so that
/// both are not held at once.
///
/// `tokens` must come from the parse that made `document`; a sentence whose tokens do not lie
/// inside it (another document's) is tokenised again.
///
/// ```
/// use crux_analysis::{Lexicon, analyze_with, analyze_with_tokens};
/// use crux_parser::{InputFormat, parse_owned_with_tokens};
///
/// let text = "The plan will reduce the risk of floods. Critics say it may fail.";
/// let (parsed, tokens) = parse_owned_with_tokens(text.to_owned(), InputFormat::Text);
/// let lexicon = Lexicon::builtin();
/// let analysis = analyze_with_tokens(parsed.document.clone(), tokens, lexicon);
/// assert_eq!(analysis, analyze_with(parsed.document, lexicon));
/// assert!(!analysis.assessments.is_empty());
/// ```
#[must_use]
pub fn analyze_with_tokens(
    document: Document,
    tokens: SentenceTokens,
    lexicon: &Lexicon,
) -> Analysis {
    analyze_words(document, Some(tokens), lexicon)
}

fn analyze_words(
    document: Document,
    tokens: Option<SentenceTokens>,
    lexicon: &Lexicon,
) -> Analysis {
    let mut assessments = assess::assessments(&document, tokens, lexicon);
    weigh::weigh(&document, &mut assessments);
    let total = |kind| {
        assessments
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.score * a.weight)
            .sum::<f64>()
    };
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let balance = Balance::from_totals(
        round(total(AssessmentKind::Risk)),
        round(total(AssessmentKind::Benefit)),
    );
    Analysis {
        document,
        assessments,
        balance,
    }
}

// The README's library example compiles and runs as a doctest, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct ReadmeDoctests;

/// Whether a quotation holds someone else's words as theirs: a direct quotation, a block quote or
/// reported speech (not the scare quote, a term, nor the partial quote, a phrase the writer's
/// own sentence uses). Assessment holders and the news-report test both read these.
pub(crate) fn voiced(q: &Quote) -> bool {
    matches!(
        q.kind,
        QuoteKind::Direct | QuoteKind::Block | QuoteKind::Reported
    )
}
