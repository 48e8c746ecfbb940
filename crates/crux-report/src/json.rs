//! The report's JSON written straight to a writer: the bytes serde would write for a [`Report`],
//! without serde's generic machinery for the structure.
//!
//! The layout (objects, arrays, and for pretty output serde_json's `PrettyFormatter` layout:
//! a line per member or item, indented two spaces a level, `": "` after a key) is written here
//! into a buffer of our own, each separator and indentation as one piece; integers are written
//! here too, and floats and enum names through serde_json's serializer, so that their bytes
//! are serde_json's by construction. Keys are written as they are (none needs escaping), and
//! strings are escaped by [`Json::string`], which scans eight bytes at a time for the bytes
//! JSON escapes and copies each run of plain bytes in one piece. The buffer goes to the writer
//! whenever it passes [`FLUSH_AT`] bytes between two items of an array, and at the end. The
//! derive stays the contract's definition (`crux schema`, the Python package): the tests below
//! check that the two agree byte for byte.

use std::io::{self, Write};

use crux_analysis::{Analysis, Assessment, Balance, Cue, Weighting};
use crux_parser::{
    Approximation, Booster, Caveat, Claim, Diagnostic, Document, Link, Meta, Paragraph, Quote,
    Sentence, Span, Speaker, TextSpan,
};
use serde::Serialize;

use crate::Report;

/// Writes `report` as one line of JSON (no line break), the bytes of `serde_json::to_writer`.
///
/// # Errors
///
/// The writer's.
pub fn write_compact<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    Json::<W, false>::new(out).whole(report)
}

/// Writes `report` as indented JSON (no final line break), the bytes of
/// `serde_json::to_writer_pretty`.
///
/// # Errors
///
/// The writer's.
pub fn write_pretty<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    Json::<W, true>::new(out).whole(report)
}

/// How many bytes the buffer gathers before it goes to the writer (checked between items).
const FLUSH_AT: usize = 1 << 16;

/// A line break, then spaces to indent by: `",\n"` and the indentation of a member or item
/// at depth `d` is `SEPARATOR[..2 + 2 * d]`, without the comma `SEPARATOR[1..2 + 2 * d]`.
const SEPARATOR: &[u8; 66] = b",\n                                                                ";

/// The two digits of each number below 100, in order.
const DIGITS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The hexadecimal digits serde_json writes in a `\u00XX` escape.
const HEX: &[u8; 16] = b"0123456789abcdef";

/// A writer, the buffer in front of it, and (for pretty output) how deep the writing is.
/// `PRETTY` picks serde_json's pretty layout, else its compact one.
struct Json<'w, W: Write, const PRETTY: bool> {
    w: &'w mut W,
    buf: Vec<u8>,
    depth: usize,
}

/// Which bytes JSON escapes: the C0 controls, `"` and `\`.
const fn escaped(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes of `x` may be one JSON escapes. Never false when one is;
/// rarely true when none is (a borrow past a byte that is), which only costs a closer look.
fn may_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `v` that is zero (or follows a borrow from one that is).
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    // Bytes below 0x20; bytes of 0x80 and above have their high bit set in `x`, cleared by `!x`.
    let control = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let quote = zero(x ^ (ONES * 0x22));
    let backslash = zero(x ^ (ONES * 0x5c));
    control | quote | backslash != 0
}

impl<'w, W: Write, const PRETTY: bool> Json<'w, W, PRETTY> {
    fn new(w: &'w mut W) -> Self {
        Json {
            w,
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            depth: 0,
        }
    }

    /// The whole report, then whatever the buffer still holds.
    fn whole(mut self, report: &Report) -> io::Result<()> {
        self.report(report)?;
        self.flush()
    }

    /// Hands the buffer to the writer.
    fn flush(&mut self) -> io::Result<()> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Hands the buffer to the writer once it holds enough.
    fn maybe_flush(&mut self) -> io::Result<()> {
        if self.buf.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    /// A float, enum name or other leaf, as serde_json writes it (compact and pretty write
    /// leaves alike).
    fn leaf<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        value
            .serialize(&mut serde_json::Serializer::new(&mut self.buf))
            .map_err(io::Error::from)
    }

    /// An unsigned integer, in decimal, two digits at a time.
    fn integer(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        while n >= 100 {
            let pair = usize::try_from(n % 100).unwrap_or(0) * 2;
            n /= 100;
            at -= 2;
            digits[at..at + 2].copy_from_slice(&DIGITS[pair..pair + 2]);
        }
        if n >= 10 {
            let pair = usize::try_from(n).unwrap_or(0) * 2;
            at -= 2;
            digits[at..at + 2].copy_from_slice(&DIGITS[pair..pair + 2]);
        } else {
            at -= 1;
            digits[at] = b'0' + u8::try_from(n).unwrap_or(0);
        }
        self.buf.extend_from_slice(&digits[at..]);
    }

    /// An offset or index.
    fn offset(&mut self, n: usize) {
        self.integer(u64::try_from(n).unwrap_or(u64::MAX));
    }

    fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
    }

    /// What comes before a member or item: a comma unless it is the first, and in pretty
    /// output a line break and the indentation.
    fn separator(&mut self, first: bool) {
        if PRETTY {
            let from = usize::from(first);
            let to = 2 + 2 * self.depth;
            if let Some(piece) = SEPARATOR.get(from..to) {
                self.buf.extend_from_slice(piece);
            } else {
                self.buf.extend_from_slice(&SEPARATOR[from..2]);
                for _ in 0..self.depth {
                    self.buf.extend_from_slice(b"  ");
                }
            }
        } else if !first {
            self.buf.push(b',');
        }
    }

    /// Opens an object or array (`open` is its bracket).
    fn open(&mut self, open: u8) {
        self.depth += 1;
        self.buf.push(open);
    }

    /// Closes an object or array (`close` is its bracket); `empty` is whether it had no member
    /// or item.
    fn close(&mut self, close: u8, empty: bool) {
        self.depth -= 1;
        if PRETTY && !empty {
            self.separator(true);
        }
        self.buf.push(close);
    }

    /// A JSON string of `s`, escaped as serde_json escapes it.
    fn string(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.buf.reserve(bytes.len() + 2);
        self.buf.push(b'"');
        let mut start = 0;
        let mut chunks = bytes.chunks_exact(8);
        let mut i = 0;
        for chunk in &mut chunks {
            if let Ok(word) = <[u8; 8]>::try_from(chunk)
                && may_escape(u64::from_le_bytes(word))
            {
                for (k, &b) in word.iter().enumerate() {
                    if escaped(b) {
                        self.escape(&bytes[start..i + k], b);
                        start = i + k + 1;
                    }
                }
            }
            i += 8;
        }
        for (k, &b) in chunks.remainder().iter().enumerate() {
            if escaped(b) {
                self.escape(&bytes[start..i + k], b);
                start = i + k + 1;
            }
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    /// The plain bytes `run` before an escaped byte `b`, then `b`'s escape as serde_json
    /// writes it.
    fn escape(&mut self, run: &[u8], b: u8) {
        self.buf.extend_from_slice(run);
        let short = match b {
            b'"' => b'"',
            b'\\' => b'\\',
            b'\x08' => b'b',
            b'\x0c' => b'f',
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            _ => {
                let hex = |d: u8| HEX[usize::from(d & 0xf)];
                self.buf
                    .extend_from_slice(&[b'\\', b'u', b'0', b'0', hex(b >> 4), hex(b)]);
                return;
            }
        };
        self.buf.extend_from_slice(&[b'\\', short]);
    }

    fn begin_object(&mut self) {
        self.open(b'{');
    }

    /// Objects here always have members.
    fn end_object(&mut self) {
        self.close(b'}', false);
    }

    /// The key of a member and what comes between it and its value; `first` is whether it is
    /// the object's first member. Keys are plain ASCII words: nothing to escape.
    fn key(&mut self, first: bool, key: &str) {
        self.separator(first);
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        if PRETTY {
            self.buf.extend_from_slice(b"\": ");
        } else {
            self.buf.extend_from_slice(b"\":");
        }
    }

    /// A member whose value is a leaf.
    fn leaf_member<T: Serialize + ?Sized>(
        &mut self,
        first: bool,
        key: &str,
        value: &T,
    ) -> io::Result<()> {
        self.key(first, key);
        self.leaf(value)
    }

    /// A member whose value is an offset or index.
    fn offset_member(&mut self, first: bool, key: &str, n: usize) {
        self.key(first, key);
        self.offset(n);
    }

    /// A member whose value is a string.
    fn string_member(&mut self, first: bool, key: &str, value: &str) {
        self.key(first, key);
        self.string(value);
    }

    /// A member whose value is a string or `null`.
    fn option_string_member(&mut self, first: bool, key: &str, value: Option<&str>) {
        self.key(first, key);
        match value {
            Some(s) => self.string(s),
            None => self.null(),
        }
    }

    /// A span, `[start, end]`.
    fn span(&mut self, span: Span) {
        self.open(b'[');
        self.separator(true);
        self.offset(span.start());
        self.separator(false);
        self.offset(span.end());
        self.close(b']', false);
    }

    fn span_member(&mut self, first: bool, key: &str, span: Span) {
        self.key(first, key);
        self.span(span);
    }

    /// A member whose value is an array, each item written by `item`.
    fn array_member<T>(
        &mut self,
        first: bool,
        key: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.key(first, key);
        self.open(b'[');
        for (i, x) in items.iter().enumerate() {
            self.separator(i == 0);
            item(self, x)?;
            self.maybe_flush()?;
        }
        self.close(b']', items.is_empty());
        Ok(())
    }

    /// A member whose value is an object or `null`.
    fn option_member<T>(
        &mut self,
        first: bool,
        key: &str,
        value: Option<&T>,
        object: impl FnOnce(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.key(first, key);
        match value {
            Some(x) => object(self, x),
            None => {
                self.null();
                Ok(())
            }
        }
    }

    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "version", &report.version);
        self.string_member(false, "source", &report.source);
        self.analysis(&report.analysis)?;
        self.array_member(false, "diagnostics", &report.diagnostics, Self::diagnostic)?;
        self.end_object();
        Ok(())
    }

    /// The members of an analysis, flattened into the report's object.
    fn analysis(&mut self, analysis: &Analysis) -> io::Result<()> {
        self.document(&analysis.document)?;
        self.array_member(
            false,
            "assessments",
            &analysis.assessments,
            Self::assessment,
        )?;
        self.key(false, "balance");
        self.balance(&analysis.balance)
    }

    /// The members of a document, flattened into the report's object.
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.leaf_member(false, "format", &doc.format)?;
        self.string_member(false, "text", &doc.text);
        self.maybe_flush()?;
        self.key(false, "meta");
        self.meta(&doc.meta)?;
        self.array_member(false, "paragraphs", &doc.paragraphs, Self::paragraph)?;
        self.array_member(false, "sentences", &doc.sentences, Self::sentence)?;
        self.array_member(false, "quotes", &doc.quotes, Self::quote)?;
        self.array_member(false, "caveats", &doc.caveats, Self::caveat)?;
        self.array_member(false, "claims", &doc.claims, Self::claim)?;
        self.array_member(false, "links", &doc.links, Self::link)?;
        self.array_member(false, "boosters", &doc.boosters, Self::booster)?;
        self.array_member(
            false,
            "approximations",
            &doc.approximations,
            Self::approximation,
        )?;
        self.array_member(
            false,
            "attributed_caveats",
            &doc.attributed_caveats,
            Self::caveat,
        )
    }

    fn meta(&mut self, meta: &Meta) -> io::Result<()> {
        self.begin_object();
        self.option_string_member(true, "title", meta.title.as_deref());
        self.array_member(false, "authors", &meta.authors, |j, a| {
            j.string(a);
            Ok(())
        })?;
        self.option_string_member(false, "date", meta.date.as_deref());
        self.option_string_member(false, "time", meta.time.as_deref());
        self.option_string_member(false, "section", meta.section.as_deref());
        self.end_object();
        Ok(())
    }

    fn paragraph(&mut self, p: &Paragraph) -> io::Result<()> {
        self.begin_object();
        self.span_member(true, "span", p.span);
        self.leaf_member(false, "kind", &p.kind)?;
        self.leaf_member(false, "voice", &p.voice)?;
        self.option_string_member(false, "quote", p.quote.as_deref());
        self.end_object();
        Ok(())
    }

    fn sentence(&mut self, s: &Sentence) -> io::Result<()> {
        self.begin_object();
        self.span_member(true, "span", s.span);
        self.offset_member(false, "paragraph", s.paragraph);
        self.end_object();
        Ok(())
    }

    fn text_span(&mut self, t: &TextSpan) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "text", &t.text);
        self.span_member(false, "span", t.span);
        self.end_object();
        Ok(())
    }

    fn speaker(&mut self, s: &Speaker) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "text", &s.text);
        self.span_member(false, "span", s.span);
        self.option_string_member(false, "canonical", s.canonical.as_deref());
        // `skip_serializing_if = "Option::is_none"`.
        if let Some(resolution) = &s.resolution {
            self.leaf_member(false, "resolution", resolution)?;
        }
        self.end_object();
        Ok(())
    }

    fn quote(&mut self, q: &Quote) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "id", &q.id);
        self.leaf_member(false, "kind", &q.kind)?;
        self.span_member(false, "span", q.span);
        self.string_member(false, "text", &q.text);
        self.option_member(false, "speaker", q.speaker.as_ref(), Self::speaker)?;
        self.option_member(false, "source", q.source.as_ref(), Self::text_span)?;
        self.option_member(false, "cue", q.cue.as_ref(), Self::text_span)?;
        self.end_object();
        Ok(())
    }

    fn caveat(&mut self, c: &Caveat) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "id", &c.id);
        self.leaf_member(false, "kind", &c.kind)?;
        self.span_member(false, "span", c.span);
        self.string_member(false, "text", &c.text);
        self.span_member(false, "scope", c.scope);
        self.leaf_member(false, "strength", &c.strength)?;
        self.string_member(false, "holder", &c.holder);
        self.end_object();
        Ok(())
    }

    fn claim(&mut self, c: &Claim) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "id", &c.id);
        self.span_member(false, "span", c.span);
        self.string_member(false, "text", &c.text);
        self.string_member(false, "holder", &c.holder);
        self.leaf_member(false, "type", &c.kind)?;
        self.array_member(false, "caveats", &c.caveats, |j, id| {
            j.string(id);
            Ok(())
        })?;
        self.end_object();
        Ok(())
    }

    fn link(&mut self, l: &Link) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "text", &l.text);
        self.span_member(false, "span", l.span);
        self.string_member(false, "href", &l.href);
        self.end_object();
        Ok(())
    }

    fn booster(&mut self, b: &Booster) -> io::Result<()> {
        self.begin_object();
        self.span_member(true, "span", b.span);
        self.string_member(false, "text", &b.text);
        self.span_member(false, "scope", b.scope);
        self.leaf_member(false, "strength", &b.strength)?;
        self.end_object();
        Ok(())
    }

    fn approximation(&mut self, a: &Approximation) -> io::Result<()> {
        self.begin_object();
        self.span_member(true, "span", a.span);
        self.string_member(false, "text", &a.text);
        self.span_member(false, "scope", a.scope);
        self.string_member(false, "holder", &a.holder);
        self.end_object();
        Ok(())
    }

    fn cue(&mut self, c: &Cue) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "text", &c.text);
        self.span_member(false, "span", c.span);
        self.leaf_member(false, "role", &c.role)?;
        self.end_object();
        Ok(())
    }

    fn weighting(&mut self, w: &Weighting) -> io::Result<()> {
        self.begin_object();
        self.leaf_member(true, "reason", &w.reason)?;
        self.leaf_member(false, "factor", &w.factor)?;
        self.option_member(false, "cue", w.cue.as_ref(), Self::text_span)?;
        self.end_object();
        Ok(())
    }

    fn assessment(&mut self, a: &Assessment) -> io::Result<()> {
        self.begin_object();
        self.string_member(true, "id", &a.id);
        self.leaf_member(false, "kind", &a.kind)?;
        self.span_member(false, "span", a.span);
        self.string_member(false, "text", &a.text);
        self.string_member(false, "holder", &a.holder);
        self.option_string_member(false, "target", a.target.as_deref());
        self.leaf_member(false, "magnitude", &a.magnitude)?;
        self.leaf_member(false, "likelihood", &a.likelihood)?;
        self.leaf_member(false, "confidence", &a.confidence)?;
        self.leaf_member(false, "score", &a.score)?;
        self.array_member(false, "cues", &a.cues, Self::cue)?;
        self.leaf_member(false, "weight", &a.weight)?;
        self.array_member(false, "weighting", &a.weighting, Self::weighting)?;
        self.end_object();
        Ok(())
    }

    fn balance(&mut self, b: &Balance) -> io::Result<()> {
        self.begin_object();
        self.leaf_member(true, "risk", &b.risk)?;
        self.leaf_member(false, "benefit", &b.benefit)?;
        self.leaf_member(false, "net", &b.net)?;
        self.leaf_member(false, "verdict", &b.verdict)?;
        self.end_object();
        Ok(())
    }

    fn diagnostic(&mut self, d: &Diagnostic) -> io::Result<()> {
        self.begin_object();
        self.leaf_member(true, "severity", &d.severity)?;
        self.string_member(false, "code", &d.code);
        self.string_member(false, "message", &d.message);
        self.key(false, "span");
        match d.span {
            Some(span) => self.span(span),
            None => self.null(),
        }
        self.end_object();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze_text;
    use crux_parser::InputFormat;

    /// Invented articles that reach every member: quotes with speakers, sources and cues,
    /// caveats, boosters, approximations, claims with caveats, assessments with cues and
    /// weightings, links (Markdown), diagnostics (an unmatched quotation mark, control
    /// characters), and strings that need every kind of escape.
    const ARTICLES: &[(&str, InputFormat)] = &[
        (
            "Budget Fight Looms\n\nBy Ana Rivas\nMarch 3, 2024\n\n\
             \u{201c}The plan may fail if rates rise,\u{201d} said the finance minister, Tomas Berg. \
             According to the central bank\u{2019}s report, growth could slow to about 1 percent.\n\n\
             Critics warn that the reform would certainly raise costs and cut jobs, but supporters \
             argue it will lower prices. Economists expect inflation to ease. Berg added that the \
             risk was \u{201c}very real.\u{201d}\n\n\
             Although the benefits are real, they may take years to appear. The government should \
             act quickly to protect savers from a dangerous collapse.\n",
            InputFormat::Text,
        ),
        (
            "# A heading\n\nThe [report](https://example.invalid/r?a=1&b=\"2\") says prices \
             will probably rise by roughly 5 percent, a serious threat to growth.\n\n\
             > \u{201c}It is a disaster,\u{201d} she said.\n",
            InputFormat::Markdown,
        ),
        (
            "The plan will undoubtedly fail.\n\n\"It is a disaster.\"\n\n\
             Tabs\there, a back\\slash, a \"quote\", a form\u{c}feed, a bell\u{7} and a \
             carriage\r\nreturn. \u{201c}An unmatched quotation. Caf\u{e9} \u{1f600}.\n",
            InputFormat::Text,
        ),
        ("", InputFormat::Text),
    ];

    fn check(report: &Report) {
        let mut ours = Vec::new();
        write_compact(&mut ours, report).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string(report).unwrap()
        );
        let mut ours = Vec::new();
        write_pretty(&mut ours, report).unwrap();
        assert_eq!(
            String::from_utf8(ours).unwrap(),
            serde_json::to_string_pretty(report).unwrap()
        );
    }

    #[test]
    fn the_bytes_are_serdes() {
        for &(text, format) in ARTICLES {
            check(&analyze_text("a \"named\" source\\", text, format));
        }
    }

    #[test]
    fn the_bundled_article_is_written_as_serde_writes_it() {
        let text = include_str!(
            "../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt"
        );
        check(&analyze_text("-", text, InputFormat::Text));
    }

    #[test]
    fn every_member_is_reached() {
        // The invented articles reach every optional member the writer has a branch for, so
        // that the tests above compare each branch with serde's.
        let reports: Vec<serde_json::Value> = ARTICLES
            .iter()
            .map(|&(text, format)| serde_json::to_value(analyze_text("-", text, format)).unwrap())
            .collect();
        let any = |f: &dyn Fn(&serde_json::Value) -> bool| reports.iter().any(f);
        let nonempty =
            |v: &serde_json::Value, key: &str| v[key].as_array().is_some_and(|a| !a.is_empty());
        for key in [
            "quotes",
            "caveats",
            "claims",
            "links",
            "boosters",
            "approximations",
            "attributed_caveats",
            "assessments",
            "diagnostics",
        ] {
            assert!(any(&|r| nonempty(r, key)), "no article has {key}");
        }
        let quotes = || reports.iter().flat_map(|r| r["quotes"].as_array().unwrap());
        assert!(quotes().any(|q| q["speaker"]["resolution"].is_string()));
        assert!(quotes().any(|q| q["speaker"].is_null()));
        assert!(quotes().any(|q| q["cue"].is_object()));
        let assessments = || {
            reports
                .iter()
                .flat_map(|r| r["assessments"].as_array().unwrap())
        };
        assert!(assessments().any(|a| nonempty(a, "weighting")));
        assert!(any(&|r| r["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["span"].is_array())));
    }

    #[test]
    fn escaping_agrees_with_serde_at_every_offset() {
        // Each escaped byte at each position of an eight-byte word, and bytes just above the
        // escaped ones (0x20, 0x7f, the bytes of multi-byte characters).
        let mut samples = Vec::new();
        for special in [
            "\"", "\\", "\n", "\u{1}", "\u{1f}", " ", "\u{7f}", "é", "\u{201c}",
        ] {
            for at in 0..17 {
                let mut s = "a".repeat(at);
                s.push_str(special);
                s.push_str(&"b".repeat(17 - at));
                samples.push(s);
            }
        }
        // Several escapes in one word and in the tail, and runs of plain bytes between them.
        samples.push("\"\"\\\n\ta\u{1}b\"\r\u{8}\u{c}\u{1f}caf\u{e9}\"".to_owned());
        samples.push("plain words long enough for several words\n\"end\"\\".to_owned());
        for s in &samples {
            let mut ours = Vec::new();
            let mut json = Json::<_, false>::new(&mut ours);
            json.string(s);
            json.flush().unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
