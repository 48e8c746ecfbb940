//! Segmentation throughput (paragraphs, metadata, sentences and tokens) over real articles.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const ARTICLE: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

fn segmentation(c: &mut Criterion) {
    let mut group = c.benchmark_group("segmentation");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("parse/lawfare", |b| b.iter(|| crux_parser::parse(ARTICLE)));
    group.bench_function("split_sentences/lawfare", |b| {
        b.iter(|| crux_parser::split_sentences(ARTICLE))
    });
    // The tokeniser, which the quote, caveat and claim stages and the analysis all run.
    group.bench_function("tokens/lawfare", |b| {
        b.iter(|| crux_parser::tokens(ARTICLE, crux_parser::Span::new(0, ARTICLE.len())).count())
    });
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
