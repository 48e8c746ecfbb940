//! The document model: what the parser finds in an article, as the output contract names it.
//!
//! Every type here serialises to exactly the JSON of contract version 1 (see `docs/output.md`).
//! Fields that a later stage fills (quotes, caveats, claims) are present and empty until then.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::span::{Span, Spanned};

/// How the input was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum InputFormat {
    /// Plain text, analysed byte for byte as read.
    Text,
    /// Markdown (CommonMark); the analysed text is the extracted plain text.
    Markdown,
    /// HTML; the analysed text is the article's extracted plain text.
    Html,
}

impl InputFormat {
    /// The name used in the JSON output and on the command line.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
        }
    }
}

/// A parsed article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// How the input was read.
    pub format: InputFormat,
    /// The analysed text. Every span indexes this string.
    pub text: String,
    /// Title, authors, date, time and section, where found.
    pub meta: Meta,
    /// Every paragraph, in order, metadata lines included.
    pub paragraphs: Vec<Paragraph>,
    /// Every sentence of every non-meta paragraph, in order.
    pub sentences: Vec<Sentence>,
    /// Quotations, block quotes and reported speech.
    pub quotes: Vec<Quote>,
    /// Hedges, concessions, conditions and limitations.
    pub caveats: Vec<Caveat>,
    /// Assertions the text makes.
    pub claims: Vec<Claim>,
    /// Hyperlinks of HTML and Markdown input: the linked words and where they point.
    pub links: Vec<Link>,
    /// Boosters in the author's voice ("of course", "surely"): not caveats, they raise the
    /// writer's commitment; the analysis reads them.
    pub boosters: Vec<Booster>,
    /// Approximators before a quantity ("about 20", "nearly half"), whoever holds them: not
    /// caveats, vagueness of a number is not doubt about the claim, so they lower no
    /// confidence; reported so that a reader sees them.
    #[serde(default)]
    pub approximations: Vec<Approximation>,
    /// Beliefs, expectations and questions the text ascribes to a third party, the subject of
    /// the verb ("analysts believe that …", "reporters asked whether …") or the speaker of the
    /// report the verb cues: their uncertainty, not a caveat of the writer's words nor of a
    /// quoted speaker's own, so not in `caveats`. Same shape as a caveat (ids `ac1`, `ac2`, …),
    /// `holder` never `"author"`; they qualify no claim and lower no confidence.
    #[serde(default)]
    pub attributed_caveats: Vec<Caveat>,
}

/// Article metadata. Each field is `null` (or empty) when it was not found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The authors named in the byline, in order.
    pub authors: Vec<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication time as 24-hour `HH:MM`.
    pub time: Option<String>,
    /// The section or kicker line above the headline ("Transnational Criminal Organizations").
    pub section: Option<String>,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// A metadata line: section, title, byline, dateline.
    Meta,
    /// A heading inside the body.
    Heading,
    /// Running prose.
    Body,
    /// A list item.
    List,
}

/// Whose words a paragraph carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// The writer's own words.
    Author,
    /// Reproduced from another text: part of a block quote.
    Quoted,
}

/// A paragraph of the analysed text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Paragraph {
    /// Where it lies, without surrounding white space.
    pub span: Span,
    /// What it is.
    pub kind: ParagraphKind,
    /// Whose words it carries.
    pub voice: Voice,
    /// The id of the block quote a quoted paragraph belongs to, else `null`.
    pub quote: Option<String>,
}

impl Spanned for Paragraph {
    fn span(&self) -> Span {
        self.span
    }
}

/// A sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Sentence {
    /// Where it lies, without surrounding white space.
    pub span: Span,
    /// Index of its paragraph in [`Document::paragraphs`] (0-based).
    pub paragraph: usize,
}

impl Spanned for Sentence {
    fn span(&self) -> Span {
        self.span
    }
}

/// A stretch of the text with its words, such as a speaker, a source or a cue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct TextSpan {
    /// The words, equal to `document.text[span]`.
    pub text: String,
    /// Where they lie.
    pub span: Span,
}

impl TextSpan {
    /// The words of `text` under `span`.
    #[must_use]
    pub fn new(text: &str, span: Span) -> TextSpan {
        TextSpan {
            text: text[span].to_owned(),
            span,
        }
    }
}

impl Spanned for TextSpan {
    fn span(&self) -> Span {
        self.span
    }
}

/// Who said or wrote a quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Speaker {
    /// The words naming the speaker ("one American military official").
    pub text: String,
    /// Where they lie.
    pub span: Span,
    /// The fullest name the article gives that speaker ("Thompson" → "Ginger Thompson"), or
    /// `null`.
    pub canonical: Option<String>,
    /// How the speaker was found, so a reader can check it: named in the tag, a pronoun or a
    /// description resolved to an earlier mention, or carried on from the quotation this one
    /// continues. Absent in output written before it was added.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<Resolution>,
}

/// How a quotation's speaker was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Resolution {
    /// A name in the tag ("said Gordon Brown", "Mr Brown said"); `canonical` is the fullest
    /// form of that name in the article.
    Named,
    /// A pronoun ("he said"); `canonical` is its antecedent: the nearest person (or, for "it"
    /// and "they", organisation or group) of fitting gender and number named before it, never
    /// a word inside a quotation; for "he" or "she" with no person named before it, the
    /// description of the person who last spoke ("a spokesman for the Home Office").
    Pronoun,
    /// A description ("the chancellor", "the company"); `canonical` is the person given that
    /// role ("Chancellor Gordon Brown"), the person in view for a singular definite
    /// description ("the British actor"), the organisation that last spoke or whose name has
    /// the noun ("the bank"), or the fuller description that introduced the same speaker ("a
    /// spokesman for the Home Office"), when the article gives one.
    Description,
    /// No tag of its own: the quotation continues one in an earlier paragraph or sentence,
    /// or follows it untagged in the same run, and has its speaker.
    Continued,
}

/// The kind of a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Quoted speech or writing, in quotation marks.
    Direct,
    /// A quoted phrase inside the writer's own sentence that is still someone's words.
    Partial,
    /// A term held at a distance ("jointness"), with no speaker.
    Scare,
    /// One or more whole paragraphs reproduced from another text.
    Block,
    /// Indirect speech: the reporting clause with its content.
    Reported,
}

/// A quotation, block quote or piece of reported speech.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quote {
    /// Stable id within the document (`q1`, `q2`, …).
    pub id: String,
    /// What kind of quotation.
    pub kind: QuoteKind,
    /// Where it lies.
    pub span: Span,
    /// Its words, equal to `document.text[span]`.
    pub text: String,
    /// Who said or wrote it.
    pub speaker: Option<Speaker>,
    /// The publication or document it comes from.
    pub source: Option<TextSpan>,
    /// The verb or phrase that ties speaker to words.
    pub cue: Option<TextSpan>,
}

impl Spanned for Quote {
    fn span(&self) -> Span {
        self.span
    }
}

/// The kind of a caveat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum CaveatKind {
    /// Lowers the writer's commitment ("might", "as I understand it").
    Hedge,
    /// Grants a counterpoint ("to be sure", "notwithstanding").
    Concession,
    /// Makes the statement conditional ("if", "unless").
    Condition,
    /// Limits its reach ("not yet", "in part").
    Limitation,
}

/// A hedge, concession, condition or limitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Caveat {
    /// Stable id within the document (`c1`, `c2`, …).
    pub id: String,
    /// What kind of caveat.
    pub kind: CaveatKind,
    /// The cue itself.
    pub span: Span,
    /// The cue's words, equal to `document.text[span]`.
    pub text: String,
    /// What the cue qualifies (at least its clause).
    pub scope: Span,
    /// How much it weakens what it qualifies, in [0, 1].
    pub strength: f64,
    /// Whose caveat it is: `"author"` for the writer's own, else the speaker's words, as for
    /// claims: a cue inside a quotation or reported speech is the speaker's, and a concession
    /// voiced through others ("Critics say …, but …") is theirs.
    #[serde(default = "author")]
    pub holder: String,
}

fn author() -> String {
    "author".to_owned()
}

impl Spanned for Caveat {
    fn span(&self) -> Span {
        self.span
    }
}

/// A word or phrase that raises the writer's commitment ("of course", "surely").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Booster {
    /// The cue.
    pub span: Span,
    /// The cue's words, equal to `document.text[span]`.
    pub text: String,
    /// What it strengthens: its clause.
    pub scope: Span,
    /// How much it raises commitment, in [0, 1].
    pub strength: f64,
}

impl Spanned for Booster {
    fn span(&self) -> Span {
        self.span
    }
}

/// An approximator: a word that makes a quantity vague ("about 20", "some 200", "nearly
/// half"), not the claim uncertain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Approximation {
    /// The cue.
    pub span: Span,
    /// The cue's words, equal to `document.text[span]`.
    pub text: String,
    /// What it qualifies: its clause.
    pub scope: Span,
    /// Whose words: `"author"`, else the speaker's, as for caveats.
    pub holder: String,
}

impl Spanned for Approximation {
    fn span(&self) -> Span {
        self.span
    }
}

/// The type of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ClaimType {
    /// A judgement ("this is a laudable goal").
    Evaluation,
    /// A statement about what will happen.
    Prediction,
    /// X causes, enables or produces Y.
    Causal,
    /// What should or should not be done.
    Normative,
    /// A checkable statement of fact.
    Factual,
}

/// An assertion made in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Claim {
    /// Stable id within the document (`k1`, `k2`, …).
    pub id: String,
    /// Where it lies.
    pub span: Span,
    /// Its words, equal to `document.text[span]`.
    pub text: String,
    /// `"author"` for the writer's own claims, else the speaker's words.
    pub holder: String,
    /// What kind of assertion.
    #[serde(rename = "type")]
    pub kind: ClaimType,
    /// Ids of the caveats whose scope overlaps it.
    pub caveats: Vec<String>,
}

impl Spanned for Claim {
    fn span(&self) -> Span {
        self.span
    }
}

/// A hyperlink kept from HTML or Markdown input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Link {
    /// The linked words.
    pub text: String,
    /// Where they lie in the analysed text.
    pub span: Span,
    /// The link target as written in the input.
    pub href: String,
}

impl Spanned for Link {
    fn span(&self) -> Span {
        self.span
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Something was probably misread; the rest of the analysis stands.
    Warning,
    /// Worth knowing, nothing was lost.
    Note,
}

/// A problem met while parsing. Parsing never fails as a whole; it reports these instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How serious it is.
    pub severity: Severity,
    /// A stable, machine-readable code (`unmatched-quote`, `control-characters`, …).
    pub code: String,
    /// What happened, in lower case with no trailing period.
    pub message: String,
    /// Where, when it has a place in the text.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning.
    #[must_use]
    pub fn warning(code: &str, message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            code: code.to_owned(),
            message: message.into(),
            span,
        }
    }

    /// A note.
    #[must_use]
    pub fn note(code: &str, message: impl Into<String>, span: Option<Span>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Note,
            code: code.to_owned(),
            message: message.into(),
            span,
        }
    }
}
