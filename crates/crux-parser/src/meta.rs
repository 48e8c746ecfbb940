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

/// Parses a date, optionally with a time, as news sites write them, into `YYYY-MM-DD` and
/// 24-hour `HH:MM`.
pub(crate) fn parse_datetime(s: &str) -> Option<(String, Option<String>)> {
    // ISO 8601 only, for now: "2011-08-07" or "2011-08-07T19:24...".
    let s = s.trim();
    let date = s.get(..10)?;
    let b = date.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)) {
        return None;
    }
    let time = s
        .get(10..16)
        .filter(|t| t.as_bytes()[0] == b'T' || t.as_bytes()[0] == b' ')
        .map(|t| t[1..].to_owned())
        .filter(|t| t.len() == 5 && t.as_bytes()[2] == b':');
    Some((date.to_owned(), time))
}
