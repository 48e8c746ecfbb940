//! Throughput of each stage of the pipeline over the fixture articles: reading and parsing
//! (text, Markdown, HTML), the analysis, and JSON output (serde's and the command line's
//! writer). Run with `cargo bench -p crux-cli`; the parser's stages one by one are in
//! `cargo bench -p crux-parser --bench stages`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crux_parser::InputFormat;

const TEXT: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");
const MARKDOWN: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.md");
const HTML: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.html");

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    for (name, input, format) in [
        ("text", TEXT, InputFormat::Text),
        ("markdown", MARKDOWN, InputFormat::Markdown),
        ("html", HTML, InputFormat::Html),
    ] {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(name, |b| b.iter(|| crux_parser::parse_as(input, format)));
    }
    group.finish();
}

fn analysis(c: &mut Criterion) {
    let document = crux_parser::parse(TEXT).document;
    let mut group = c.benchmark_group("analysis");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("analyze", |b| {
        b.iter(|| crux_analysis::analyze(document.clone()))
    });
    group.finish();
}

fn output(c: &mut Criterion) {
    let report = crux_cli::analyze_text("bench", TEXT, InputFormat::Text);
    let mut group = c.benchmark_group("output");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    // serde's derive, which defines the contract, and the writer the command line uses (the
    // same bytes).
    group.bench_function("json", |b| {
        b.iter(|| serde_json::to_vec(&report).expect("a report serialises"))
    });
    group.bench_function("json_writer", |b| {
        b.iter(|| {
            let mut out = Vec::new();
            crux_report::write_compact(&mut out, &report).expect("a Vec takes every byte");
            out
        })
    });
    group.bench_function("end_to_end_jsonl", |b| {
        b.iter(|| {
            let report = crux_cli::analyze_text("bench", TEXT, InputFormat::Text);
            let mut out = Vec::new();
            crux_report::write_compact(&mut out, &report).expect("a Vec takes every byte");
            out
        })
    });
    group.finish();
}

criterion_group!(benches, parse, analysis, output);
criterion_main!(benches);
