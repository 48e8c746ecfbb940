//! The texts the per-stage benches measure, shared by this crate's `stages` and
//! `crux-analysis`'s `analysis` benches (each includes this file by path): the bundled fixture
//! article, and with `CRUX_BENCH_CORPUS=FILE.jsonl` the first 100 `{"text": …}` records of that
//! file too, read at run time and never kept in the repository.

const ARTICLE: &str =
    include_str!("../../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

/// The texts to measure: a name, and the articles.
pub(crate) fn inputs() -> Vec<(String, Vec<String>)> {
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
