//! The report's JSON written straight to a writer: the bytes serde would write for a [`Report`],
//! without serde's generic machinery for the structure.
//!
//! The layout (objects, arrays, indentation) goes through serde_json's own [`Formatter`]s,
//! compact or pretty, and every leaf (numbers, enum names, `null`) through serde_json's
//! serializer, so that the bytes are those of `serde_json::to_writer(_pretty)` by
//! construction; keys are written as they are (none needs escaping), and strings are escaped
//! by [`Json::string`], which scans eight bytes at a time for the bytes JSON escapes and hands
//! those to the formatter. The derive stays the contract's definition (`crux schema`, the
//! Python package): the tests below check that the two agree byte for byte.

use std::io::{self, Write};

use crux_analysis::{Analysis, Assessment, Balance, Cue, Weighting};
use crux_parser::{
    Approximation, Booster, Caveat, Claim, Diagnostic, Document, Link, Meta, Paragraph, Quote,
    Sentence, Span, Speaker, TextSpan,
};
use serde::Serialize;
use serde_json::ser::{CharEscape, CompactFormatter, Formatter, PrettyFormatter};

use crate::Report;

/// Writes `report` as one line of JSON (no line break), the bytes of `serde_json::to_writer`.
///
/// # Errors
///
/// The writer's.
pub fn write_compact<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    Json {
        w: out,
        f: CompactFormatter,
    }
    .report(report)
}

/// Writes `report` as indented JSON (no final line break), the bytes of
/// `serde_json::to_writer_pretty`.
///
/// # Errors
///
/// The writer's.
pub fn write_pretty<W: Write>(out: &mut W, report: &Report) -> io::Result<()> {
    Json {
        w: out,
        f: PrettyFormatter::new(),
    }
    .report(report)
}

/// A writer and the formatter that lays out its objects and arrays.
struct Json<'w, W: Write, F: Formatter> {
    w: &'w mut W,
    f: F,
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

/// The writer's own error back (a broken pipe stays one), from serde_json's around it.
fn io_error(e: serde_json::Error) -> io::Error {
    io::Error::from(e)
}

impl<W: Write, F: Formatter> Json<'_, W, F> {
    /// A number, enum name, `null` or other leaf, as serde_json writes it (compact and pretty
    /// write leaves alike).
    fn leaf<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        value
            .serialize(&mut serde_json::Serializer::new(&mut *self.w))
            .map_err(io_error)
    }

    /// A JSON string of `s`, escaped as serde_json escapes it.
    fn string(&mut self, s: &str) -> io::Result<()> {
        self.f.begin_string(self.w)?;
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Whole words of plain bytes are skipped eight at a time.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut word = [0u8; 8];
                word.copy_from_slice(chunk);
                if !may_escape(u64::from_le_bytes(word)) {
                    i += 8;
                    continue;
                }
            }
            let end = (i + 8).min(bytes.len());
            while i < end {
                let b = bytes[i];
                if escaped(b) {
                    if start < i {
                        self.f.write_string_fragment(self.w, &s[start..i])?;
                    }
                    let escape = match b {
                        b'"' => CharEscape::Quote,
                        b'\\' => CharEscape::ReverseSolidus,
                        b'\x08' => CharEscape::Backspace,
                        b'\x0c' => CharEscape::FormFeed,
                        b'\n' => CharEscape::LineFeed,
                        b'\r' => CharEscape::CarriageReturn,
                        b'\t' => CharEscape::Tab,
                        _ => CharEscape::AsciiControl(b),
                    };
                    self.f.write_char_escape(self.w, escape)?;
                    start = i + 1;
                }
                i += 1;
            }
        }
        if start < bytes.len() {
            self.f.write_string_fragment(self.w, &s[start..])?;
        }
        self.f.end_string(self.w)
    }

    fn begin_object(&mut self) -> io::Result<()> {
        self.f.begin_object(self.w)
    }

    /// The key of a member and what comes between it and its value; `first` is whether it is
    /// the object's first member. Keys are plain ASCII words: nothing to escape.
    fn key(&mut self, first: bool, key: &str) -> io::Result<()> {
        self.f.begin_object_key(self.w, first)?;
        self.f.begin_string(self.w)?;
        self.f.write_string_fragment(self.w, key)?;
        self.f.end_string(self.w)?;
        self.f.end_object_key(self.w)?;
        self.f.begin_object_value(self.w)
    }

    fn end_value(&mut self) -> io::Result<()> {
        self.f.end_object_value(self.w)
    }

    fn end_object(&mut self) -> io::Result<()> {
        self.f.end_object(self.w)
    }

    /// A member whose value is a leaf.
    fn leaf_member<T: Serialize + ?Sized>(
        &mut self,
        first: bool,
        key: &str,
        value: &T,
    ) -> io::Result<()> {
        self.key(first, key)?;
        self.leaf(value)?;
        self.end_value()
    }

    /// A member whose value is a string.
    fn string_member(&mut self, first: bool, key: &str, value: &str) -> io::Result<()> {
        self.key(first, key)?;
        self.string(value)?;
        self.end_value()
    }

    /// A member whose value is a string or `null`.
    fn option_string_member(
        &mut self,
        first: bool,
        key: &str,
        value: Option<&str>,
    ) -> io::Result<()> {
        self.key(first, key)?;
        match value {
            Some(s) => self.string(s)?,
            None => self.f.write_null(self.w)?,
        }
        self.end_value()
    }

    /// A span, `[start, end]`.
    fn span(&mut self, span: Span) -> io::Result<()> {
        self.f.begin_array(self.w)?;
        for (first, n) in [(true, span.start()), (false, span.end())] {
            self.f.begin_array_value(self.w, first)?;
            self.leaf(&n)?;
            self.f.end_array_value(self.w)?;
        }
        self.f.end_array(self.w)
    }

    fn span_member(&mut self, first: bool, key: &str, span: Span) -> io::Result<()> {
        self.key(first, key)?;
        self.span(span)?;
        self.end_value()
    }

    /// A member whose value is an array, each item written by `item`.
    fn array_member<T>(
        &mut self,
        first: bool,
        key: &str,
        items: &[T],
        mut item: impl FnMut(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.key(first, key)?;
        self.f.begin_array(self.w)?;
        for (i, x) in items.iter().enumerate() {
            self.f.begin_array_value(self.w, i == 0)?;
            item(self, x)?;
            self.f.end_array_value(self.w)?;
        }
        self.f.end_array(self.w)?;
        self.end_value()
    }

    /// A member whose value is an object or `null`.
    fn option_member<T>(
        &mut self,
        first: bool,
        key: &str,
        value: Option<&T>,
        object: impl FnOnce(&mut Self, &T) -> io::Result<()>,
    ) -> io::Result<()> {
        self.key(first, key)?;
        match value {
            Some(x) => object(self, x)?,
            None => self.f.write_null(self.w)?,
        }
        self.end_value()
    }

    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "version", &report.version)?;
        self.string_member(false, "source", &report.source)?;
        self.analysis(&report.analysis)?;
        self.array_member(false, "diagnostics", &report.diagnostics, Self::diagnostic)?;
        self.end_object()
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
        self.key(false, "balance")?;
        self.balance(&analysis.balance)?;
        self.end_value()
    }

    /// The members of a document, flattened into the report's object.
    fn document(&mut self, doc: &Document) -> io::Result<()> {
        self.leaf_member(false, "format", &doc.format)?;
        self.string_member(false, "text", &doc.text)?;
        self.key(false, "meta")?;
        self.meta(&doc.meta)?;
        self.end_value()?;
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
        self.begin_object()?;
        self.option_string_member(true, "title", meta.title.as_deref())?;
        self.array_member(false, "authors", &meta.authors, |j, a| j.string(a))?;
        self.option_string_member(false, "date", meta.date.as_deref())?;
        self.option_string_member(false, "time", meta.time.as_deref())?;
        self.option_string_member(false, "section", meta.section.as_deref())?;
        self.end_object()
    }

    fn paragraph(&mut self, p: &Paragraph) -> io::Result<()> {
        self.begin_object()?;
        self.span_member(true, "span", p.span)?;
        self.leaf_member(false, "kind", &p.kind)?;
        self.leaf_member(false, "voice", &p.voice)?;
        self.option_string_member(false, "quote", p.quote.as_deref())?;
        self.end_object()
    }

    fn sentence(&mut self, s: &Sentence) -> io::Result<()> {
        self.begin_object()?;
        self.span_member(true, "span", s.span)?;
        self.leaf_member(false, "paragraph", &s.paragraph)?;
        self.end_object()
    }

    fn text_span(&mut self, t: &TextSpan) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "text", &t.text)?;
        self.span_member(false, "span", t.span)?;
        self.end_object()
    }

    fn speaker(&mut self, s: &Speaker) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "text", &s.text)?;
        self.span_member(false, "span", s.span)?;
        self.option_string_member(false, "canonical", s.canonical.as_deref())?;
        // `skip_serializing_if = "Option::is_none"`.
        if let Some(resolution) = &s.resolution {
            self.leaf_member(false, "resolution", resolution)?;
        }
        self.end_object()
    }

    fn quote(&mut self, q: &Quote) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "id", &q.id)?;
        self.leaf_member(false, "kind", &q.kind)?;
        self.span_member(false, "span", q.span)?;
        self.string_member(false, "text", &q.text)?;
        self.option_member(false, "speaker", q.speaker.as_ref(), Self::speaker)?;
        self.option_member(false, "source", q.source.as_ref(), Self::text_span)?;
        self.option_member(false, "cue", q.cue.as_ref(), Self::text_span)?;
        self.end_object()
    }

    fn caveat(&mut self, c: &Caveat) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "id", &c.id)?;
        self.leaf_member(false, "kind", &c.kind)?;
        self.span_member(false, "span", c.span)?;
        self.string_member(false, "text", &c.text)?;
        self.span_member(false, "scope", c.scope)?;
        self.leaf_member(false, "strength", &c.strength)?;
        self.string_member(false, "holder", &c.holder)?;
        self.end_object()
    }

    fn claim(&mut self, c: &Claim) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "id", &c.id)?;
        self.span_member(false, "span", c.span)?;
        self.string_member(false, "text", &c.text)?;
        self.string_member(false, "holder", &c.holder)?;
        self.leaf_member(false, "type", &c.kind)?;
        self.array_member(false, "caveats", &c.caveats, |j, id| j.string(id))?;
        self.end_object()
    }

    fn link(&mut self, l: &Link) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "text", &l.text)?;
        self.span_member(false, "span", l.span)?;
        self.string_member(false, "href", &l.href)?;
        self.end_object()
    }

    fn booster(&mut self, b: &Booster) -> io::Result<()> {
        self.begin_object()?;
        self.span_member(true, "span", b.span)?;
        self.string_member(false, "text", &b.text)?;
        self.span_member(false, "scope", b.scope)?;
        self.leaf_member(false, "strength", &b.strength)?;
        self.end_object()
    }

    fn approximation(&mut self, a: &Approximation) -> io::Result<()> {
        self.begin_object()?;
        self.span_member(true, "span", a.span)?;
        self.string_member(false, "text", &a.text)?;
        self.span_member(false, "scope", a.scope)?;
        self.string_member(false, "holder", &a.holder)?;
        self.end_object()
    }

    fn cue(&mut self, c: &Cue) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "text", &c.text)?;
        self.span_member(false, "span", c.span)?;
        self.leaf_member(false, "role", &c.role)?;
        self.end_object()
    }

    fn weighting(&mut self, w: &Weighting) -> io::Result<()> {
        self.begin_object()?;
        self.leaf_member(true, "reason", &w.reason)?;
        self.leaf_member(false, "factor", &w.factor)?;
        self.option_member(false, "cue", w.cue.as_ref(), Self::text_span)?;
        self.end_object()
    }

    fn assessment(&mut self, a: &Assessment) -> io::Result<()> {
        self.begin_object()?;
        self.string_member(true, "id", &a.id)?;
        self.leaf_member(false, "kind", &a.kind)?;
        self.span_member(false, "span", a.span)?;
        self.string_member(false, "text", &a.text)?;
        self.string_member(false, "holder", &a.holder)?;
        self.option_string_member(false, "target", a.target.as_deref())?;
        self.leaf_member(false, "magnitude", &a.magnitude)?;
        self.leaf_member(false, "likelihood", &a.likelihood)?;
        self.leaf_member(false, "confidence", &a.confidence)?;
        self.leaf_member(false, "score", &a.score)?;
        self.array_member(false, "cues", &a.cues, Self::cue)?;
        self.leaf_member(false, "weight", &a.weight)?;
        self.array_member(false, "weighting", &a.weighting, Self::weighting)?;
        self.end_object()
    }

    fn balance(&mut self, b: &Balance) -> io::Result<()> {
        self.begin_object()?;
        self.leaf_member(true, "risk", &b.risk)?;
        self.leaf_member(false, "benefit", &b.benefit)?;
        self.leaf_member(false, "net", &b.net)?;
        self.leaf_member(false, "verdict", &b.verdict)?;
        self.end_object()
    }

    fn diagnostic(&mut self, d: &Diagnostic) -> io::Result<()> {
        self.begin_object()?;
        self.leaf_member(true, "severity", &d.severity)?;
        self.string_member(false, "code", &d.code)?;
        self.string_member(false, "message", &d.message)?;
        self.key(false, "span")?;
        match d.span {
            Some(span) => self.span(span)?,
            None => self.f.write_null(self.w)?,
        }
        self.end_value()?;
        self.end_object()
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
        for s in &samples {
            let mut ours = Vec::new();
            Json {
                w: &mut ours,
                f: CompactFormatter,
            }
            .string(s)
            .unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }
}
