//! Throughput of the analysis (assessments and their weighing) on documents already parsed,
//! so that a change to it can be compared apart from the parser's.
//!
//! By default over the bundled fixture article; with `CRUX_BENCH_CORPUS=FILE.jsonl` over the
//! first 100 `{"text": …}` records of that file as well (read at run time, never kept in the
//! repository). Run with `cargo bench -p crux-analysis --bench analysis`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crux_analysis::Lexicon;

#[path = "../../crux-parser/benches/support/inputs.rs"]
mod inputs;
use inputs::inputs;

fn analysis(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    for (name, texts) in inputs() {
        let bytes: usize = texts.iter().map(String::len).sum();
        let documents: Vec<crux_parser::Document> = texts
            .iter()
            .map(|t| crux_parser::parse(t).document)
            .collect();
        let mut group = c.benchmark_group(format!("analysis/{name}"));
        group.throughput(Throughput::Bytes(bytes as u64));
        // `analyze_with` takes the document: each iteration gets a copy made outside the
        // timing.
        group.bench_function("analyze", |b| {
            b.iter_batched(
                || documents.clone(),
                |documents| {
                    documents
                        .into_iter()
                        .map(|d| crux_analysis::analyze_with(d, lexicon).assessments.len())
                        .sum::<usize>()
                },
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, analysis);
criterion_main!(benches);
