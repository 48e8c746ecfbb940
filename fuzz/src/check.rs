//! The properties every input must keep, checked by the fuzz targets and by the regression
//! tests: no panic (a panic fails the run), spans inside the text and on character boundaries,
//! each `text` field equal to the slice its `span` names, finite numbers and never -0 in the
//! output, and output linear in the input.

use crux_parser::{Document, InputFormat, parse_as};
use serde_json::Value;

/// JSON bytes allowed per input byte, over [`OUTPUT_BASE`]. Ordinary articles give about 4 to
/// 6; hostile text (a sentence or a quotation every few bytes) more; 2,000 hedged clauses gave
/// thousands before the cues were bounded (issue 10, item 3).
pub const OUTPUT_PER_BYTE: usize = 160;
/// JSON bytes allowed whatever the input: the fixed fields of a report.
pub const OUTPUT_BASE: usize = 16 * 1024;

/// What the JSON cannot show: each sentence belongs to a paragraph. The spans themselves are
/// checked on the JSON ([`spans`]), as they are printed.
pub fn document(doc: &Document) {
    for s in &doc.sentences {
        assert!(
            s.paragraph < doc.paragraphs.len(),
            "sentence of no paragraph"
        );
    }
}

/// Parses `input` as `format` and checks the document and the size of its JSON.
pub fn parse(input: &str, format: InputFormat) {
    let parsed = parse_as(input, format);
    document(&parsed.document);
    let json = serde_json::to_vec(&parsed.document).expect("a document serialises");
    linear(input.len(), json.len());
    let value = serde_json::from_slice(&json).expect("its JSON reads back");
    spans(&value);
    values(&value);
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
    spans(&value);
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

/// Every `span` and `scope` in the JSON inside its `text` and on boundaries, and every object's
/// `text` equal to its span's slice: the contract's one checker.
fn spans(value: &Value) {
    let check = crux_report::check_spans(value);
    assert!(check.is_ok(), "{:?}", check.problems);
}
