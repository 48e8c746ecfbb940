//! crux-parser reads an opinion or analysis article and lays out its structure: metadata,
//! paragraphs, sentences, quotations, caveats and claims, each with a byte [`Span`] into the
//! analysed text.
//!
//! # Brief overview
//!
//! [`parse`] reads plain text; [`parse_as`] reads text, Markdown or HTML ([`InputFormat`]).
//! Both return a [`Parsed`]: the [`Document`] plus the [`Diagnostic`]s met on the way. Parsing
//! never fails as a whole: odd input yields a document and diagnostics, never an error. Every
//! object with a span satisfies `&document.text[span] == text`.
//!
//! The one limit is size: spans store 32-bit offsets, so a text of 4 GiB or more
//! ([`MAX_TEXT_BYTES`]) is refused. [`try_parse`], [`try_parse_as`] and [`try_parse_owned`]
//! return [`TooLarge`] for it; [`parse`], [`parse_as`] and [`parse_owned`] return an empty
//! document with one warning, `too-large`, never a cut-short text.
//!
//! The crate does no I/O: callers read files and hand over `&str`.
//!
//! # Example
//!
//! ```
//! use crux_parser::{parse, ParagraphKind};
//!
//! let article = "Cartel Wars Deepen\n\nBy Jane Doe\nAugust 7, 2011, 7:24 PM\n\n\
//!                Officials met. They agreed.\n";
//! let parsed = parse(article);
//! let doc = &parsed.document;
//!
//! // The header: title, byline and dateline, each a paragraph of kind `meta`.
//! assert_eq!(doc.meta.title.as_deref(), Some("Cartel Wars Deepen"));
//! assert_eq!(doc.meta.authors, ["Jane Doe"]);
//! assert_eq!(doc.meta.date.as_deref(), Some("2011-08-07"));
//! assert_eq!(doc.meta.time.as_deref(), Some("19:24"));
//!
//! // The body after it.
//! let body = doc
//!     .paragraphs
//!     .iter()
//!     .find(|p| p.kind == ParagraphKind::Body)
//!     .ok_or("no body paragraph")?;
//! assert_eq!(&article[body.span], "Officials met. They agreed.");
//! assert_eq!(doc.sentences.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod caveats;
mod claims;
mod date;
mod document;
mod lexicon;
mod meta;
mod quotes;
mod read;
mod sentences;
mod span;
mod words;

pub use document::{
    Approximation, Booster, Caveat, CaveatKind, Claim, ClaimType, Diagnostic, Document,
    InputFormat, Link, Meta, Paragraph, ParagraphKind, Quote, QuoteKind, Resolution, Sentence,
    Severity, Speaker, TextSpan, Voice,
};
pub use read::sniff;
pub use sentences::split_sentences;
pub use span::{InvalidSpan, Span, Spanned, starting_within};
pub use words::{Token, capitalised, tokens};

use read::BlockKind;

/// A parsed document with the problems met while parsing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The document.
    pub document: Document,
    /// Problems met on the way, in text order where they have a place.
    pub diagnostics: Vec<Diagnostic>,
}

/// The longest text parsed, in bytes: 4 GiB − 1 (`u32::MAX`). A [`Span`] stores its offsets
/// in 32 bits, which halves the memory of the tokens and of every structure that holds spans;
/// a longer text is refused whole ([`TooLarge`]), never cut short.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// A text of 4 GiB or more, which the parser refuses: its offsets would not fit a [`Span`].
///
/// ```
/// use crux_parser::{MAX_TEXT_BYTES, TooLarge};
///
/// let err = TooLarge { len: MAX_TEXT_BYTES + 1 };
/// assert!(err.to_string().contains("4294967295"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "the text is {len} bytes, over the limit of {max} bytes (4 GiB - 1) for one document: \
     spans are 32-bit byte offsets",
    max = MAX_TEXT_BYTES
)]
pub struct TooLarge {
    /// The length of the refused text, in bytes.
    pub len: usize,
}

/// `Ok` when a text of `len` bytes fits the parser's spans.
const fn check_len(len: usize) -> Result<(), TooLarge> {
    if len > MAX_TEXT_BYTES {
        Err(TooLarge { len })
    } else {
        Ok(())
    }
}

/// What [`parse`], [`parse_as`] and [`parse_owned`] return for a text they refuse: an empty
/// document (nothing cut short, nothing guessed) and one warning naming the limit.
fn refused(err: TooLarge, format: InputFormat) -> Parsed {
    let (mut parsed, _) = parse_extracted(read::Extracted::default(), format);
    parsed
        .diagnostics
        .push(Diagnostic::warning("too-large", err.to_string(), None));
    parsed
}

/// Parses plain text.
///
/// The text is analysed byte for byte as given: spans index `text` itself. A text of
/// [`MAX_TEXT_BYTES`] + 1 bytes or more gives an empty document with a `too-large` warning;
/// [`try_parse`] returns the error instead.
#[must_use]
pub fn parse(text: &str) -> Parsed {
    parse_as(text, InputFormat::Text)
}

/// Parses plain text, refusing a text of 4 GiB or more with [`TooLarge`].
///
/// # Errors
///
/// [`TooLarge`] when `text` is longer than [`MAX_TEXT_BYTES`].
pub fn try_parse(text: &str) -> Result<Parsed, TooLarge> {
    try_parse_as(text, InputFormat::Text)
}

/// Parses `input` read as `format`.
///
/// For [`InputFormat::Text`] the analysed text is `input` itself; for Markdown and HTML it is
/// the extracted plain text, returned in [`Document::text`]. A text of 4 GiB or more gives an
/// empty document with a `too-large` warning; [`try_parse_as`] returns the error instead.
#[must_use]
pub fn parse_as(input: &str, format: InputFormat) -> Parsed {
    try_parse_as(input, format).unwrap_or_else(|err| refused(err, format))
}

/// Parses `input` read as `format`, refusing a text of 4 GiB or more with [`TooLarge`].
///
/// # Errors
///
/// [`TooLarge`] when `input`, or the text extracted from it, is longer than
/// [`MAX_TEXT_BYTES`].
pub fn try_parse_as(input: &str, format: InputFormat) -> Result<Parsed, TooLarge> {
    check_len(input.len())?;
    try_parse_extracted(read::read(input, format), format).map(|(parsed, _)| parsed)
}

/// Parses `input` read as `format`, taking the text: as [`parse_as`], but plain text becomes
/// [`Document::text`] itself instead of a copy, so that a large document is not held twice.
///
/// ```
/// use crux_parser::{parse_as, parse_owned, InputFormat};
///
/// let text = "“It may fail,” she said.";
/// assert_eq!(parse_owned(text.to_owned(), InputFormat::Text), parse_as(text, InputFormat::Text));
/// ```
///
/// A text of 4 GiB or more gives an empty document with a `too-large` warning;
/// [`try_parse_owned`] returns the error instead.
#[must_use]
pub fn parse_owned(input: String, format: InputFormat) -> Parsed {
    try_parse_owned(input, format).unwrap_or_else(|err| refused(err, format))
}

/// As [`parse_owned`], refusing a text of 4 GiB or more with [`TooLarge`].
///
/// # Errors
///
/// [`TooLarge`] when `input`, or the text extracted from it, is longer than
/// [`MAX_TEXT_BYTES`].
pub fn try_parse_owned(input: String, format: InputFormat) -> Result<Parsed, TooLarge> {
    try_parse_owned_with_tokens(input, format).map(|(parsed, _)| parsed)
}

/// As [`parse_owned`], with every sentence's tokens as the stages read them, for a later
/// stage that reads the same words (the analysis, `crux_analysis::analyze_with_tokens`):
/// it takes them instead of tokenising the text again.
///
/// ```
/// use crux_parser::{parse_owned, parse_owned_with_tokens, InputFormat};
///
/// let text = "“It may fail,” she said. It did.";
/// let (parsed, tokens) = parse_owned_with_tokens(text.to_owned(), InputFormat::Text);
/// assert_eq!(parsed, parse_owned(text.to_owned(), InputFormat::Text));
/// assert_eq!(tokens.len(), parsed.document.sentences.len());
/// let words: Vec<&str> = tokens.sentence(1).unwrap().iter().map(|t| &text[t.span]).collect();
/// assert_eq!(words, ["It", "did", "."]);
/// ```
#[must_use]
pub fn parse_owned_with_tokens(input: String, format: InputFormat) -> (Parsed, SentenceTokens) {
    try_parse_owned_with_tokens(input, format)
        .unwrap_or_else(|err| (refused(err, format), SentenceTokens::default()))
}

/// As [`parse_as`], with every sentence's tokens as the stages read them (see
/// [`parse_owned_with_tokens`]).
#[must_use]
pub fn parse_as_with_tokens(input: &str, format: InputFormat) -> (Parsed, SentenceTokens) {
    check_len(input.len())
        .and_then(|()| try_parse_extracted(read::read(input, format), format))
        .unwrap_or_else(|err| (refused(err, format), SentenceTokens::default()))
}

/// [`try_parse_owned`] with the sentences' tokens.
fn try_parse_owned_with_tokens(
    input: String,
    format: InputFormat,
) -> Result<(Parsed, SentenceTokens), TooLarge> {
    check_len(input.len())?;
    let extracted = match format {
        InputFormat::Text => read::Extracted {
            text: input,
            ..read::Extracted::default()
        },
        InputFormat::Markdown | InputFormat::Html => read::read(&input, format),
    };
    try_parse_extracted(extracted, format)
}

/// [`parse_extracted`] once the analysed text is known to fit the spans: every span the
/// stages make indexes `extracted.text`, so this one check covers them all.
fn try_parse_extracted(
    extracted: read::Extracted,
    format: InputFormat,
) -> Result<(Parsed, SentenceTokens), TooLarge> {
    check_len(extracted.text.len())?;
    Ok(parse_extracted(extracted, format))
}

/// Runs every stage on what a reader extracted; the sentences' tokens are returned beside
/// the parse.
fn parse_extracted(extracted: read::Extracted, format: InputFormat) -> (Parsed, SentenceTokens) {
    let Prepared {
        format,
        text,
        meta,
        mut paragraphs,
        groups,
        sentences,
        sentence_tokens,
        links,
        mut diagnostics,
    } = prepare(extracted, format);
    let views = sentence_tokens.views();
    let found = quotes::find(&text, &mut paragraphs, &groups, &sentences, &views);
    diagnostics.extend(found.diagnostics);
    let cues = caveats::find(&text, &paragraphs, &sentences, &views, &found.quotes);
    let claims = claims::find(
        &text,
        &paragraphs,
        &sentences,
        &views,
        &found.quotes,
        &cues.caveats,
    );
    drop(views);
    diagnostics.extend(control_characters(&text));

    let mut document = Document {
        format,
        text,
        meta,
        paragraphs,
        sentences,
        quotes: found.quotes,
        caveats: cues.caveats,
        claims,
        links,
        boosters: cues.boosters,
        approximations: cues.approximations,
        attributed_caveats: cues.attributed,
    };
    shrink(&mut document);
    let parsed = Parsed {
        document,
        diagnostics,
    };
    (parsed, sentence_tokens)
}

/// Gives back the room the stages' vectors grew for items they did not find: a vector grown
/// by doubling holds up to twice its items, and the document is kept through the analysis
/// and the report (on 2.3 MB of news, the quotations' and claims' vectors held 1.9 MB unused).
fn shrink(document: &mut Document) {
    document.paragraphs.shrink_to_fit();
    document.sentences.shrink_to_fit();
    document.quotes.shrink_to_fit();
    document.caveats.shrink_to_fit();
    document.claims.shrink_to_fit();
    document.boosters.shrink_to_fit();
    document.approximations.shrink_to_fit();
    document.attributed_caveats.shrink_to_fit();
}

/// What the quote, caveat and claim stages read: the text read, its header, paragraphs,
/// sentences and each sentence's tokens.
#[derive(Debug, Clone)]
struct Prepared {
    format: InputFormat,
    text: String,
    meta: Meta,
    paragraphs: Vec<Paragraph>,
    /// Each paragraph's block-quote group, from the reader.
    groups: Vec<Option<usize>>,
    sentences: Vec<Sentence>,
    sentence_tokens: SentenceTokens,
    links: Vec<Link>,
    diagnostics: Vec<Diagnostic>,
}

/// Every sentence's tokens, tokenised once for every stage, each word with its lookup in the
/// lexicon layer ([`Token::lexicon`]): one buffer for the document, each sentence's tokens a
/// range of it. One allocation, sized to the tokens, instead of a vector per sentence reserved
/// on a guess (each with its allocator overhead, and grown twofold when the guess fell short).
///
/// The stages read them; [`parse_owned_with_tokens`] and [`parse_as_with_tokens`] hand them on
/// to a later stage that reads the same words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SentenceTokens {
    buffer: Vec<Token>,
    /// Where each sentence's tokens end in `buffer`.
    ends: Vec<usize>,
}

impl SentenceTokens {
    /// The tokens of each of `sentences` of `text`, each word looked up in the lexicon layer.
    #[must_use]
    pub fn new(text: &str, sentences: &[Sentence]) -> SentenceTokens {
        // News prose runs about five bytes a token (5.35 over PolNeAR's texts): room for a
        // token every four bytes from the start, so that the buffer is not grown (and copied)
        // on the way, and what is left over given back at the end.
        let mut buffer = Vec::with_capacity(text.len() / 4 + 16);
        let mut ends = Vec::with_capacity(sentences.len());
        for s in sentences {
            buffer.extend(words::probed_tokens(text, s.span));
            ends.push(buffer.len());
        }
        buffer.shrink_to_fit();
        SentenceTokens { buffer, ends }
    }

    /// The number of sentences.
    #[must_use]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no sentences.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The tokens of sentence `index` (an index of [`Document::sentences`]), in text order.
    #[must_use]
    pub fn sentence(&self, index: usize) -> Option<&[Token]> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
        self.buffer.get(start..end)
    }

    /// Each sentence's tokens, in sentence order.
    fn views(&self) -> Vec<&[Token]> {
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let view = &self.buffer[start..end];
                start = end;
                view
            })
            .collect()
    }
}

/// Finds the header, paragraphs and sentences of what a reader extracted, and tokenises each
/// sentence.
fn prepare(extracted: read::Extracted, format: InputFormat) -> Prepared {
    let diagnostics = extracted.diagnostics;
    let text = extracted.text;
    let blocks = if format == InputFormat::Text || extracted.blocks.is_empty() {
        read::text::blocks(&text)
    } else {
        extracted.blocks
    };

    let header = meta::header(&text, &blocks, extracted.meta.title.is_some());
    let mut meta = extracted.meta;
    fill_missing(&mut meta, header.meta);

    let mut paragraphs: Vec<Paragraph> = header
        .lines
        .iter()
        .map(|&span| Paragraph {
            span,
            kind: ParagraphKind::Meta,
            voice: Voice::Author,
            quote: None,
        })
        .collect();
    // An op-ed's closing tagline ("Jane Doe is a columnist for …") is about the writer: meta,
    // and its name an author. Only the last two blocks are looked at.
    let mut taglines = Vec::new();
    for (index, block) in blocks.iter().enumerate().rev().take(2) {
        if block.kind != BlockKind::Paragraph
            || block.quote_group.is_some()
            || block.span.start() < header.end
        {
            break;
        }
        let Some(name) = meta::tagline(&text[block.span]) else {
            break;
        };
        taglines.push(index);
        if !meta.authors.contains(&name) {
            meta.authors.push(name);
        }
    }
    let mut sentences = Vec::new();
    let mut groups: Vec<Option<usize>> = Vec::new();
    for (block_index, block) in blocks.iter().enumerate() {
        if block.span.end() <= header.end {
            continue;
        }
        let span = if block.span.start() < header.end {
            Span::new(header.end, block.span.end()).trim(&text)
        } else {
            block.span
        };
        if span.is_empty() {
            continue;
        }
        let kind = match block.kind {
            _ if taglines.contains(&block_index) => ParagraphKind::Meta,
            BlockKind::Paragraph => ParagraphKind::Body,
            BlockKind::Heading => ParagraphKind::Heading,
            BlockKind::ListItem => ParagraphKind::List,
            BlockKind::Meta => ParagraphKind::Meta,
        };
        let index = paragraphs.len();
        // Voice and block-quote id are set by the quote stage, which sees the whole text.
        paragraphs.push(Paragraph {
            span,
            kind,
            voice: Voice::Author,
            quote: None,
        });
        groups.resize(index, None);
        groups.push(block.quote_group);
        if kind != ParagraphKind::Meta {
            sentences.extend(split_sentences(&text[span]).into_iter().map(|s| Sentence {
                span: s.shift(span.start()),
                paragraph: index,
            }));
        }
    }
    groups.resize(paragraphs.len(), None);
    let sentence_tokens = SentenceTokens::new(&text, &sentences);
    Prepared {
        format,
        text,
        meta,
        paragraphs,
        groups,
        sentences,
        sentence_tokens,
        links: extracted.links,
        diagnostics,
    }
}

/// The parser's stages one at a time, for the per-stage benchmarks
/// (`cargo bench -p crux-parser --bench stages`); not a stable interface.
#[doc(hidden)]
pub mod stages {
    use super::{InputFormat, Prepared, caveats, claims, quotes};
    use crate::document::{Caveat, Quote};

    /// A document read, split and tokenised, with what each stage needs from the stages
    /// before it.
    #[derive(Debug, Clone)]
    pub struct Stages {
        prepared: Prepared,
        quotes: Vec<Quote>,
        caveats: Vec<Caveat>,
    }

    /// Reads, finds the header, paragraphs and sentences, and tokenises: everything before
    /// the quote stage.
    #[must_use]
    pub fn prepare(input: &str, format: InputFormat) -> usize {
        super::prepare(crate::read::read(input, format), format)
            .sentences
            .len()
    }

    impl Stages {
        /// Prepares `input` and runs every stage once, keeping what later stages read.
        #[must_use]
        pub fn new(input: &str, format: InputFormat) -> Stages {
            let mut prepared = super::prepare(crate::read::read(input, format), format);
            let p = &mut prepared;
            let sentence_tokens = p.sentence_tokens.views();
            let found = quotes::find(
                &p.text,
                &mut p.paragraphs,
                &p.groups,
                &p.sentences,
                &sentence_tokens,
            );
            let cues = caveats::find(
                &p.text,
                &p.paragraphs,
                &p.sentences,
                &sentence_tokens,
                &found.quotes,
            );
            Stages {
                prepared,
                quotes: found.quotes,
                caveats: cues.caveats,
            }
        }

        /// The quote stage; the number of quotations found.
        #[must_use]
        pub fn quotes(&self) -> usize {
            let p = &self.prepared;
            let mut paragraphs = p.paragraphs.clone();
            quotes::find(
                &p.text,
                &mut paragraphs,
                &p.groups,
                &p.sentences,
                &p.sentence_tokens.views(),
            )
            .quotes
            .len()
        }

        /// The caveat stage; the number of caveats found.
        #[must_use]
        pub fn caveats(&self) -> usize {
            let p = &self.prepared;
            caveats::find(
                &p.text,
                &p.paragraphs,
                &p.sentences,
                &p.sentence_tokens.views(),
                &self.quotes,
            )
            .caveats
            .len()
        }

        /// The claim stage; the number of claims found.
        #[must_use]
        pub fn claims(&self) -> usize {
            let p = &self.prepared;
            claims::find(
                &p.text,
                &p.paragraphs,
                &p.sentences,
                &p.sentence_tokens.views(),
                &self.quotes,
                &self.caveats,
            )
            .len()
        }
    }
}

/// Fills the fields of `meta` that the markup left empty from what the text says.
fn fill_missing(meta: &mut Meta, found: Meta) {
    if meta.title.is_none() {
        meta.title = found.title;
    }
    if meta.authors.is_empty() {
        meta.authors = found.authors;
    }
    if meta.date.is_none() {
        meta.date = found.date;
    }
    if meta.time.is_none() {
        meta.time = found.time;
    }
    if meta.section.is_none() {
        meta.section = found.section;
    }
}

/// One note for text that holds control characters other than tab, line feed and carriage
/// return (binary data, or a file in another encoding read as UTF-8).
fn control_characters(text: &str) -> Option<Diagnostic> {
    // Control characters are C0 (below 0x20), DEL, and C1 (U+0080 to U+009F, which UTF-8
    // writes with the lead byte C2): text without those bytes has none, and most text passes
    // this byte scan.
    let maybe = |b: &u8| {
        (*b < 0x20 && !matches!(*b, b'\t' | b'\n' | b'\r' | 0x0c)) || matches!(*b, 0x7f | 0xc2)
    };
    if !text.as_bytes().iter().any(maybe) {
        return None;
    }
    let mut found = text
        .char_indices()
        .filter(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    let (first, c) = found.next()?;
    let count = 1 + found.count();
    Some(Diagnostic::warning(
        "control-characters",
        format!("the text holds {count} control character(s); is it binary data?"),
        Some(Span::new(first, first + c.len_utf8())),
    ))
}

#[cfg(test)]
mod tests {
    use super::{MAX_TEXT_BYTES, TooLarge, check_len};

    #[test]
    fn the_limit_is_the_last_offset_a_span_stores() {
        assert_eq!(MAX_TEXT_BYTES, 4 * 1024 * 1024 * 1024 - 1);
        assert_eq!(check_len(0), Ok(()));
        assert_eq!(check_len(MAX_TEXT_BYTES), Ok(()));
        assert_eq!(
            check_len(MAX_TEXT_BYTES + 1),
            Err(TooLarge {
                len: MAX_TEXT_BYTES + 1
            })
        );
        // The longest accepted text's last offset fits a span unchanged.
        let last = crate::Span::new(MAX_TEXT_BYTES, MAX_TEXT_BYTES);
        assert_eq!(last.end(), MAX_TEXT_BYTES);
    }
}
