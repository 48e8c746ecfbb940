//! `crux eval` end to end: the binary on the hand-made corpus fixtures of crux-eval and on the
//! bundled gold annotation.

use std::path::{Path, PathBuf};

mod common;
use common::crux;

fn path(relative: &str) -> String {
    let p: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    p.display().to_string()
}

fn corpora() -> String {
    path("../crux-eval/tests/fixtures/corpora")
}

#[test]
fn eval_folder_prints_a_table_per_data_set() {
    let (code, out, err) = crux(&["eval", &corpora()]);
    assert_eq!(code, 0, "{err}");
    for name in [
        "corenlp_quote_tests",
        "golden_rules_en",
        "polnear",
        "textacy_quote_tests",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(name)),
            "{name} missing:\n{out}"
        );
    }
    let rules = out
        .lines()
        .find(|l| l.contains("sentences: rules passed"))
        .unwrap();
    assert!(rules.contains("0.667"), "{rules}");
    assert!(out.contains("1 failing (--show-failures lists them)"));
    assert!(out.contains("notes.txt (not a known data set)"));

    let (_, out, _) = crux(&["eval", &corpora(), "--show-failures"]);
    assert!(out.contains("golden_rules_en:3 (Hand-made wrong expectation)"));
}

#[test]
fn eval_json_is_the_report() {
    let (code, out, err) = crux(&[
        "eval",
        &corpora(),
        "--format",
        "json",
        "--dataset",
        "polnear",
    ]);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let datasets = report["datasets"].as_array().unwrap();
    assert_eq!(datasets.len(), 1);
    let row = &datasets[0]["rows"][0];
    assert_eq!(row["dataset"], "polnear");
    assert_eq!(row["metric"], "prf");
    assert_eq!(row["n_gold"], 3);
    assert!(row["f1"].is_number());
    assert!(row["accuracy"].is_null());
}

#[test]
fn eval_gold_file_finds_its_article() {
    let gold = path("../../tests/fixtures/gold/lawfare-2011-08-07-us-mexico-cartels.gold.json");
    let (code, out, err) = crux(&["eval", &gold]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("crux_gold"), "{out}");
    assert!(out.contains("lawfare-2011-08-07-us-mexico-cartels.txt"));
    assert!(
        out.lines()
            .any(|l| l.trim_start().starts_with("block quotes"))
    );

    let article = path("../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");
    let (code, _, err) = crux(&["eval", &gold, "--article", &article]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn eval_exit_statuses() {
    // No PATH, an unknown data set name, --article without one gold file: usage errors.
    assert_eq!(crux(&["eval"]).0, 2);
    assert_eq!(crux(&["eval", &corpora(), "--dataset", "nope"]).0, 2);
    let (code, _, err) = crux(&["eval", &corpora(), "--article", "x.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--article needs exactly one gold file"),
        "{err}"
    );

    // A missing file: reported, the others still scored, exit 1.
    let rules = format!("{}/golden_rules_en.jsonl", corpora());
    let (code, out, err) = crux(&["eval", "no-such-file.jsonl", &rules]);
    assert_eq!(code, 1);
    assert!(err.contains("no-such-file.jsonl"), "{err}");
    assert!(out.contains("golden_rules_en"));
}
