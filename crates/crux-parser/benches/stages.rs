//! Throughput of each parser stage, so that a change can be compared stage by stage:
//! `prepare` (reading, header, paragraphs, sentences, tokens), then the quote, caveat and
//! claim stages, each timed alone on a document already prepared.
//!
//! By default over the bundled fixture article; with `CRUX_BENCH_CORPUS=FILE.jsonl` over the
//! first 100 `{"text": …}` records of that file as well (read at run time, never kept in the
//! repository). Run with `cargo bench -p crux-parser --bench stages`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crux_parser::InputFormat;
use crux_parser::stages::{self, Stages};

#[path = "support/inputs.rs"]
mod inputs;
use inputs::inputs;

fn parser_stages(c: &mut Criterion) {
    for (name, texts) in inputs() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let prepared: Vec<Stages> = texts
            .iter()
            .map(|t| Stages::new(t, InputFormat::Text))
            .collect();
        let mut group = c.benchmark_group(format!("stages/{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("prepare", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| stages::prepare(t, InputFormat::Text))
                    .sum::<usize>()
            })
        });
        group.bench_function("quotes", |b| {
            b.iter(|| prepared.iter().map(Stages::quotes).sum::<usize>())
        });
        group.bench_function("caveats", |b| {
            b.iter(|| prepared.iter().map(Stages::caveats).sum::<usize>())
        });
        group.bench_function("claims", |b| {
            b.iter(|| prepared.iter().map(Stages::claims).sum::<usize>())
        });
        group.bench_function("parse", |b| {
            b.iter(|| {
                texts
                    .iter()
                    .map(|t| crux_parser::parse(t).document.sentences.len())
                    .sum::<usize>()
            })
        });
        group.finish();
    }
}

criterion_group!(benches, parser_stages);
criterion_main!(benches);
