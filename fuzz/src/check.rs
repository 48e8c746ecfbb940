//! The properties every input must keep, checked by the fuzz targets and by the regression
//! tests: no panic (a panic fails the run), spans inside the text and on character boundaries,
//! each `text` field equal to the slice its `span` names, finite numbers and never -0 in the
//! output, and output linear in the input.

use crux_parser::{Document, InputFormat, Span, parse_as};
use serde_json::Value;

/// JSON bytes allowed per input byte, over [`OUTPUT_BASE`]. Ordinary articles give about 4 to
/// 6; hostile text (a sentence or a quotation every few bytes) more; 2,000 hedged clauses gave
/// thousands before the cues were bounded (issue 10, item 3).
pub const OUTPUT_PER_BYTE: usize = 160;
/// JSON bytes allowed whatever the input: the fixed fields of a report.
pub const OUTPUT_BASE: usize = 16 * 1024;

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start() <= span.end() && span.end() <= text.len(),
        "{what} {span:?} beyond {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
        "{what} {span:?} not on char boundaries"
    );
}

/// Every span of a parsed document checked, and the typed `text` fields compared with their
/// slices.
pub fn document(doc: &Document) {
    let text = &doc.text;
    for p in &doc.paragraphs {
        check_span(text, p.span, "paragraph");
    }
    for s in &doc.sentences {
        check_span(text, s.span, "sentence");
        assert!(
            s.paragraph < doc.paragraphs.len(),
            "sentence of no paragraph"
        );
    }
    for q in &doc.quotes {
        check_span(text, q.span, "quote");
        assert_eq!(q.text, &text[q.span], "quote text");
    }
    for c in &doc.caveats {
        check_span(text, c.span, "caveat");
        check_span(text, c.scope, "caveat scope");
        assert_eq!(c.text, &text[c.span], "caveat text");
    }
    for c in &doc.claims {
        check_span(text, c.span, "claim");
        assert_eq!(c.text, &text[c.span], "claim text");
    }
    for l in &doc.links {
        check_span(text, l.span, "link");
        assert_eq!(l.text, &text[l.span], "link text");
    }
}

/// Parses `input` as `format` and checks the document and the size of its JSON.
pub fn parse(input: &str, format: InputFormat) {
    let parsed = parse_as(input, format);
    document(&parsed.document);
    let json = serde_json::to_vec(&parsed.document).expect("a document serialises");
    linear(input.len(), json.len());
    values(&serde_json::from_slice(&json).expect("its JSON reads back"));
}

/// Runs the whole pipeline as `crux analyze` does on one document (format sniffed) and checks
/// the report: typed spans, every span and `text` in its JSON, finite numbers, its size.
pub fn pipeline(input: &str) {
    let format = crux_parser::sniff(input);
    let report = crux_cli::analyze_text("fuzz", input, format);
    document(&report.analysis.document);
    let balance = &report.analysis.balance;
    for x in [balance.risk, balance.benefit, balance.net] {
        finite(x, "balance");
    }
    for a in &report.analysis.assessments {
        for x in [a.magnitude, a.likelihood, a.confidence, a.score, a.weight] {
            finite(x, "assessment");
        }
        for w in &a.weighting {
            finite(w.factor, "weighting");
        }
    }
    let json = serde_json::to_vec(&report).expect("a report serialises");
    linear(input.len(), json.len());
    let value: Value = serde_json::from_slice(&json).expect("its JSON reads back");
    let text = value["text"].as_str().expect("the report has its text");
    spans(&value, text, true);
    values(&value);
}

fn finite(x: f64, what: &str) {
    assert!(x.is_finite(), "{what}: {x} is not finite");
}

fn linear(input: usize, output: usize) {
    assert!(
        output <= OUTPUT_PER_BYTE * input + OUTPUT_BASE,
        "{output} bytes of JSON for {input} bytes of input"
    );
}

/// Every number finite and not -0 (serde_json writes NaN and infinities as `null`, which
/// `finite` catches in the typed values).
fn values(node: &Value) {
    match node {
        Value::Number(n) => {
            if let Some(x) = n.as_f64() {
                assert!(x.is_finite(), "{x} in the output");
                assert!(!(x == 0.0 && x.is_sign_negative()), "-0 in the output");
            }
        }
        Value::Array(items) => items.iter().for_each(values),
        Value::Object(map) => map.values().for_each(values),
        _ => {}
    }
}

fn as_span(value: &Value) -> Option<(usize, usize)> {
    let pair = value.as_array()?;
    if pair.len() != 2 {
        return None;
    }
    Some((
        usize::try_from(pair[0].as_u64()?).ok()?,
        usize::try_from(pair[1].as_u64()?).ok()?,
    ))
}

/// Every `span` and `scope` in the report's JSON inside `text` and on boundaries, and every
/// object's `text` equal to its span's slice.
fn spans(node: &Value, text: &str, top: bool) {
    match node {
        Value::Object(map) => {
            for key in ["span", "scope"] {
                if let Some(value) = map.get(key).filter(|v| !v.is_null()) {
                    let (start, end) = as_span(value).expect("a span is a pair");
                    assert!(start <= end && end <= text.len(), "{key} out of range");
                    assert!(
                        text.is_char_boundary(start) && text.is_char_boundary(end),
                        "{key} not on a char boundary"
                    );
                    if key == "span"
                        && !top
                        && let Some(words) = map.get("text").and_then(Value::as_str)
                    {
                        assert_eq!(words, &text[start..end], "text != text[span]");
                    }
                }
            }
            for (key, value) in map {
                if !(top && key == "text") {
                    spans(value, text, false);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| spans(v, text, false)),
        _ => {}
    }
}
