//! Input readers: plain text, Markdown and HTML, each turned into an [`Extracted`] text with its
//! blocks.
//!
//! Plain text is analysed byte for byte as given; its blocks are found from the layout
//! ([`text::blocks`]). Markdown and HTML are reduced to plain text (one block per paragraph,
//! heading, list item or block-quote paragraph, separated by blank lines) and their blocks come
//! from the markup.

use crate::document::{Diagnostic, InputFormat, Link, Meta};
use crate::span::Span;

pub(crate) mod text;

/// What a block of the extracted text is, as far as the reader can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running prose, or a line whose role is not known yet (plain text).
    Paragraph,
    /// A heading (Markdown `#`, HTML `<h1>`–`<h6>`).
    #[expect(
        dead_code,
        reason = "made by the Markdown and HTML readers, still to come"
    )]
    Heading,
    /// A list item.
    ListItem,
    /// Known to be metadata by the markup: a byline or dateline element.
    #[expect(
        dead_code,
        reason = "made by the Markdown and HTML readers, still to come"
    )]
    Meta,
}

/// A block of the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    /// Where it lies in the extracted text, trimmed of surrounding white space.
    pub(crate) span: Span,
    /// What it is.
    pub(crate) kind: BlockKind,
    /// For paragraphs inside a marked block quote (`>` or `<blockquote>`): the number of that
    /// block quote, counted from 0 in document order. Adjacent paragraphs of one block quote
    /// share the number.
    pub(crate) quote_group: Option<usize>,
}

impl Block {
    pub(crate) const fn new(span: Span, kind: BlockKind) -> Block {
        Block {
            span,
            kind,
            quote_group: None,
        }
    }
}

/// The text to analyse, with what the reader learnt about its structure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extracted {
    /// The analysed text.
    pub(crate) text: String,
    /// Blocks in document order. Empty for plain text, whose blocks are found from the layout.
    pub(crate) blocks: Vec<Block>,
    /// Metadata the markup states (`<title>`, author and date `<meta>`, `<time>`); fields not
    /// stated stay empty and are looked for in the text.
    pub(crate) meta: Meta,
    /// Hyperlinks, with spans into `text`.
    pub(crate) links: Vec<Link>,
    /// Problems met while reading.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Reads `input` in the given format.
pub(crate) fn read(input: &str, format: InputFormat) -> Extracted {
    match format {
        InputFormat::Text => Extracted {
            text: input.to_owned(),
            ..Extracted::default()
        },
        InputFormat::Markdown | InputFormat::Html => Extracted {
            // Replaced by the Markdown and HTML readers.
            text: input.to_owned(),
            ..Extracted::default()
        },
    }
}

/// Guesses the format of `input` from its content: HTML when it starts (after white space and
/// a byte-order mark) with a tag, doctype or comment and contains a structural element; Markdown
/// when Markdown block syntax (ATX headings, `>` quotes, fenced code, setext underlines, links)
/// is frequent; else plain text.
///
/// # Examples
///
/// ```
/// use crux_parser::{sniff, InputFormat};
///
/// assert_eq!(sniff("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), InputFormat::Html);
/// assert_eq!(sniff("# Title\n\nSome *text*.\n\n> quoted\n"), InputFormat::Markdown);
/// assert_eq!(sniff("Just some words.\n"), InputFormat::Text);
/// ```
#[must_use]
pub fn sniff(input: &str) -> InputFormat {
    let head = input.trim_start_matches('\u{feff}').trim_start();
    let probe = &head[..floor_char_boundary(head, 4096)];
    let lower = probe.to_ascii_lowercase();
    if lower.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<body",
            "<p",
            "<div",
            "<article",
            "<head",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
    {
        return InputFormat::Html;
    }
    let mut lines = 0usize;
    let mut markdown = 0usize;
    let mut previous_nonblank = false;
    for line in probe.lines() {
        lines += 1;
        let t = line.trim_start();
        let atx = t.starts_with('#') && t.trim_start_matches('#').starts_with(' ');
        let setext = previous_nonblank
            && !t.is_empty()
            && (t.bytes().all(|b| b == b'=') || (t.len() >= 3 && t.bytes().all(|b| b == b'-')));
        if atx || setext || t.starts_with("> ") || t.starts_with("```") || t.contains("](") {
            markdown += 1;
        }
        previous_nonblank = !t.is_empty();
    }
    if markdown >= 2 || (markdown == 1 && lines <= 40) {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

/// The largest char boundary of `s` at or below `index`.
pub(crate) fn floor_char_boundary(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    let mut i = index;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
