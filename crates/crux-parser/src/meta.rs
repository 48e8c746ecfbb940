//! Article metadata: the header lines (section, title, byline, dateline) and date parsing.

use crate::document::Meta;
use crate::read::Block;
use crate::span::Span;

/// The header found at the top of an article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// What the header says.
    pub(crate) meta: Meta,
    /// Each header line (section, title, byline, dateline), in order: each becomes a paragraph
    /// of kind `meta`.
    pub(crate) lines: Vec<Span>,
    /// Byte offset where the body begins: blocks, or parts of blocks, before it are header.
    pub(crate) end: usize,
}

/// Finds the header among the leading `blocks` of `text`.
pub(crate) fn header(_text: &str, _blocks: &[Block]) -> Header {
    Header::default()
}
