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
pub use lexicon::same_word;
pub use read::sniff;
pub use sentences::split_sentences;
pub use span::{InvalidSpan, Span, Spanned, span_of, starting_within};
pub use words::{Token, Tokens, capitalised, tokens};

use read::BlockKind;

/// A parsed document with the problems met while parsing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// The document.
    pub document: Document,
    /// Problems met on the way, in text order where they have a place.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses plain text.
///
/// The text is analysed byte for byte as given: spans index `text` itself.
#[must_use]
pub fn parse(text: &str) -> Parsed {
    parse_as(text, InputFormat::Text)
}

/// Parses `input` read as `format`.
///
/// For [`InputFormat::Text`] the analysed text is `input` itself; for Markdown and HTML it is
/// the extracted plain text, returned in [`Document::text`].
#[must_use]
pub fn parse_as(input: &str, format: InputFormat) -> Parsed {
    let extracted = read::read(input, format);
    let mut diagnostics = extracted.diagnostics;
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
    // Every stage reads the same words: tokenise each sentence once.
    let sentence_tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| {
            // News prose runs about six bytes a token: room for that from the start, rather
            // than growing each vector four or five times.
            let mut toks = Vec::with_capacity(s.span.len() / 5 + 4);
            toks.extend(tokens(&text, s.span));
            toks
        })
        .collect();
    let found = quotes::find(
        &text,
        &mut paragraphs,
        &groups,
        &sentences,
        &sentence_tokens,
    );
    diagnostics.extend(found.diagnostics);
    let cues = caveats::find(
        &text,
        &paragraphs,
        &sentences,
        &sentence_tokens,
        &found.quotes,
    );
    let claims = claims::find(
        &text,
        &paragraphs,
        &sentences,
        &sentence_tokens,
        &found.quotes,
        &cues.caveats,
    );
    diagnostics.extend(control_characters(&text));

    Parsed {
        document: Document {
            format,
            text,
            meta,
            paragraphs,
            sentences,
            quotes: found.quotes,
            caveats: cues.caveats,
            claims,
            links: extracted.links,
            boosters: cues.boosters,
            approximations: cues.approximations,
        },
        diagnostics,
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
