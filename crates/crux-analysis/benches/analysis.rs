//! Throughput of the analysis (assessments and their weighing) on documents already parsed,
//! so that a change to it can be compared apart from the parser's.
//!
//! By default over the bundled fixture article; with `CRUX_BENCH_CORPUS=FILE.jsonl` over the
//! first 100 `{"text": …}` records of that file as well (read at run time, never kept in the
//! repository). Run with `cargo bench -p crux-analysis --bench analysis`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crux_analysis::Lexicon;

const ARTICLE: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

/// The texts to measure: a name, and the articles.
fn inputs() -> Vec<(String, Vec<String>)> {
    let mut out = vec![("lawfare".to_owned(), vec![ARTICLE.to_owned()])];
    if let Ok(path) = std::env::var("CRUX_BENCH_CORPUS") {
        let file = std::fs::read_to_string(&path).expect("CRUX_BENCH_CORPUS names a readable file");
        let texts: Vec<String> = file
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(100)
            .filter_map(|l| {
                let record: serde_json::Value = serde_json::from_str(l).ok()?;
                Some(record["text"].as_str()?.to_owned())
            })
            .collect();
        out.push(("corpus100".to_owned(), texts));
    }
    out
}

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
