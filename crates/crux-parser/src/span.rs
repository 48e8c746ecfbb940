//! Byte spans into the analysed text.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the analysed document text.
///
/// Every position the parser reports is a `Span`, so that `&text[span]` gives back exactly the
/// words it describes. Spans serialise as a two-element JSON array `[start, end]`.
///
/// Offsets are stored in 32 bits, which halves the memory of the parser's tokens and of every
/// structure that holds spans; the parse entry points refuse a text of 4 GiB or more
/// ([`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES)), so every offset into a parsed text fits. The
/// interface takes and returns `usize` all the same.
///
/// # Examples
///
/// ```
/// use crux_parser::Span;
///
/// let text = "The Mexicans are in charge.";
/// let span = Span::new(4, 12);
/// assert_eq!(&text[span], "Mexicans");
/// assert_eq!(span.len(), 8);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "[usize; 2]", into = "[usize; 2]")]
pub struct Span {
    // Invariant: start <= end. Stored in 32 bits (see `narrow`).
    start: u32,
    end: u32,
}

/// The largest offset a span stores: `u32::MAX`, the length of the longest text the parser
/// accepts ([`MAX_TEXT_BYTES`](crate::MAX_TEXT_BYTES)).
const MAX_OFFSET: usize = u32::MAX as usize;

/// `offset` as a span stores it. It cannot overflow for a span into a parsed text: the parse
/// entry points refuse a text longer than [`MAX_OFFSET`] bytes, and an offset into a text is at
/// most its length. An offset past that is a caller's bug (a span built by hand, or moved past
/// any text the parser accepts): caught by the assertion in debug builds, and in release
/// builds saturated to `u32::MAX`, never wrapped, so the span lies past the end of any parsed
/// text and slicing with it fails instead of silently pointing elsewhere. Saturating keeps
/// `start <= end`.
#[allow(clippy::cast_possible_truncation)]
const fn narrow(offset: usize) -> u32 {
    debug_assert!(
        offset <= MAX_OFFSET,
        "span offset past 4 GiB: the parser refuses such texts"
    );
    if offset > MAX_OFFSET {
        u32::MAX
    } else {
        offset as u32
    }
}

impl Span {
    /// Creates the span `[start, end)`.
    ///
    /// # Panics
    ///
    /// Panics when `start > end`.
    #[must_use]
    #[track_caller]
    pub const fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start must not exceed its end");
        Span {
            start: narrow(start),
            end: narrow(end),
        }
    }

    /// The empty span at `offset`.
    #[must_use]
    pub const fn empty(offset: usize) -> Span {
        Span {
            start: narrow(offset),
            end: narrow(offset),
        }
    }

    /// The first byte of the span.
    #[must_use]
    pub const fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the span.
    #[must_use]
    pub const fn end(self) -> usize {
        self.end as usize
    }

    /// The length in bytes.
    #[must_use]
    pub const fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[must_use]
    pub const fn contains_span(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[must_use]
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// This span moved `offset` bytes to the right.
    #[must_use]
    pub const fn shift(self, offset: usize) -> Span {
        Span {
            start: narrow(self.start().saturating_add(offset)),
            end: narrow(self.end().saturating_add(offset)),
        }
    }

    /// The span with leading and trailing white space of `text[self]` removed (Unicode white
    /// space, which includes the no-break space).
    #[must_use]
    pub fn trim(self, text: &str) -> Span {
        let slice = &text[self];
        let start = self.start() + (slice.len() - slice.trim_start().len());
        let end = self.start() + slice.trim_end().len();
        Span::new(start, end.max(start))
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Range<usize> {
        span.start()..span.end()
    }
}

impl From<Span> for [usize; 2] {
    fn from(span: Span) -> [usize; 2] {
        [span.start(), span.end()]
    }
}

impl TryFrom<[usize; 2]> for Span {
    type Error = InvalidSpan;

    fn try_from([start, end]: [usize; 2]) -> Result<Span, InvalidSpan> {
        if start <= end && end <= MAX_OFFSET {
            Ok(Span::new(start, end))
        } else {
            Err(InvalidSpan { start, end })
        }
    }
}

/// A `[start, end]` pair whose start lies after its end, or whose end is past the longest text
/// the parser accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error(
    "invalid span [{start}, {end}]: the start must not be after the end, and offsets must be \
     below 4 GiB (at most 4294967295)"
)]
pub struct InvalidSpan {
    /// The offending start.
    pub start: usize,
    /// The offending end.
    pub end: usize,
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start()..span.end()]
    }
}

impl Index<Span> for String {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.start()..span.end()]
    }
}

impl schemars::JsonSchema for Span {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Span".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Half-open byte range [start, end) into the document `text`; start <= end, both on UTF-8 character boundaries.",
            "type": "array",
            "items": { "type": "integer", "minimum": 0 },
            "minItems": 2,
            "maxItems": 2
        })
    }
}

/// Anything that covers a stretch of the document text.
pub trait Spanned {
    /// Where it lies in the analysed text.
    fn span(&self) -> Span;
}

impl Spanned for Span {
    fn span(&self) -> Span {
        *self
    }
}

/// The items of `items` (ordered by where they start) whose span starts inside `range`, found
/// by binary search: the stages look up a sentence's caveats or cues this way, which keeps
/// long documents linear.
///
/// # Examples
///
/// ```
/// use crux_parser::{Span, starting_within};
///
/// let spans = [Span::new(0, 2), Span::new(5, 7), Span::new(9, 12)];
/// assert_eq!(starting_within(&spans, Span::new(3, 10), |s| *s), &spans[1..]);
/// ```
pub fn starting_within<T>(items: &[T], range: Span, span: impl Fn(&T) -> Span) -> &[T] {
    let from = items.partition_point(|i| span(i).start() < range.start());
    let to = items.partition_point(|i| span(i).start() < range.end());
    &items[from..to.max(from)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_and_trim() {
        let text = "  \u{a0}hello world\n";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(&text[span], "hello world");
        assert_eq!(format!("{span:?}"), "4..15");
    }

    #[test]
    fn serde_round_trip() {
        let span = Span::new(3, 9);
        let json = serde_json::to_string(&span).unwrap();
        assert_eq!(json, "[3,9]");
        assert_eq!(serde_json::from_str::<Span>(&json).unwrap(), span);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
    }

    #[test]
    #[should_panic = "span start must not exceed its end"]
    fn new_checks_order() {
        let _ = Span::new(2, 1);
    }

    #[test]
    fn offsets_are_32_bits() {
        assert_eq!(size_of::<Span>(), 8);
        let last = Span::new(MAX_OFFSET - 1, MAX_OFFSET);
        assert_eq!(
            (last.start(), last.end(), last.len()),
            (MAX_OFFSET - 1, MAX_OFFSET, 1)
        );
        assert_eq!(Span::new(0, 3).cover(last), Span::new(0, MAX_OFFSET));
        // Deserialising refuses an offset no parsed text can have, instead of cutting it.
        let json = format!("[0,{}]", MAX_OFFSET + 1);
        let err = serde_json::from_str::<Span>(&json).unwrap_err();
        assert!(err.to_string().contains("below 4 GiB"), "{err}");
        assert_eq!(
            Span::try_from([1, MAX_OFFSET + 1]),
            Err(InvalidSpan {
                start: 1,
                end: MAX_OFFSET + 1
            })
        );
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic = "span offset past 4 GiB")]
    fn offsets_past_4_gib_saturate_in_release() {
        // A hand-built span past any text the parser accepts: an assertion in debug builds;
        // in release, saturated (never wrapped to a small offset), so slicing fails.
        let span = Span::new(0, MAX_OFFSET + 10);
        assert_eq!(span.end(), MAX_OFFSET);
        assert_eq!(
            Span::new(5, 6).shift(MAX_OFFSET),
            Span::new(MAX_OFFSET, MAX_OFFSET)
        );
    }

    #[test]
    fn trim_of_blank_is_empty() {
        let text = "   ";
        assert!(Span::new(0, 3).trim(text).is_empty());
    }
}
