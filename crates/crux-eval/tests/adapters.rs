//! Each adapter on its hand-made fixture file (`tests/fixtures/corpora/`, a few records in the
//! shape of the real corpus), with numbers worked out by hand.

use std::path::{Path, PathBuf};

use crux_eval::{DatasetResult, Options, Report, Row, evaluate};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora")
}

fn report() -> Report {
    evaluate(&[fixtures()], &Options::default())
}

fn dataset<'a>(report: &'a Report, name: &str) -> &'a DatasetResult {
    report
        .datasets
        .iter()
        .find(|d| d.dataset == name)
        .unwrap_or_else(|| panic!("{name} not scored: {report:#?}"))
}

fn row<'a>(result: &'a DatasetResult, category: &str) -> &'a Row {
    result
        .rows
        .iter()
        .find(|r| r.category == category)
        .unwrap_or_else(|| panic!("no row {category:?} in {:#?}", result.rows))
}

#[test]
fn folder_scores_known_files_and_skips_others() {
    let report = report();
    let names: Vec<&str> = report.datasets.iter().map(|d| d.dataset.as_str()).collect();
    assert_eq!(
        names,
        [
            "corenlp_quote_tests",
            "golden_rules_en",
            "polnear",
            "textacy_quote_tests"
        ]
    );
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].path.ends_with("notes.txt"));
    assert!(report.errors.is_empty());
}

#[test]
fn golden_rules() {
    let report = report();
    let rules = dataset(&report, "golden_rules_en");
    let r = row(rules, "sentences: rules passed");
    // Rule 41's errant line break is accepted (white space collapsed); rule 3's expectation is
    // deliberately wrong.
    assert_eq!((r.n_correct, r.n_items), (Some(2), 3));
    assert_eq!(rules.failures.len(), 1);
    assert!(rules.failures[0].starts_with("golden_rules_en:3"));
}

#[test]
fn textacy() {
    let report = report();
    let t = dataset(&report, "textacy_quote_tests");
    let content = row(t, "quotes: content");
    assert_eq!((content.n_gold, content.n_predicted), (Some(1), Some(1)));
    assert_eq!(content.f1, Some(1.0));
    assert_eq!(row(t, "quotes: speaker").accuracy, Some(1.0));
    assert_eq!(row(t, "quotes: cue").accuracy, Some(1.0));
    assert_eq!(row(t, "speakers (PR #382 cases)").n_correct, Some(1));
    assert_eq!(row(t, "cases passed").n_items, 3);
}

#[test]
fn corenlp_groups_option_sets() {
    let report = report();
    let c = dataset(&report, "corenlp_quote_tests");
    let default = row(c, "cases: pipeline (default)");
    assert_eq!((default.n_correct, default.n_items), (Some(2), 2));
    assert_eq!(row(c, "  embedded pairs").n_items, 2);
    // maxLength=5 expects the long quote dropped; crux keeps it.
    let max = row(c, "cases: pipelineMaxFive");
    assert_eq!((max.n_correct, max.n_items), (Some(0), 1));
    assert_eq!(row(c, "cases: all option sets").n_items, 3);
    assert_eq!(c.failures.len(), 1);
}

#[test]
fn polnear_first_annotator_per_article() {
    let report = report();
    let p = dataset(&report, "polnear");
    let content = row(p, "all attributions: content @0.3");
    // Article "a" is scored once, from its first annotator (two attributions), and "b" once.
    assert_eq!(content.n_items, 2);
    assert_eq!(content.n_gold, Some(3));
    assert_eq!(row(p, "articles: train").value, Some(1.0));
    assert_eq!(row(p, "articles: dev").value, Some(1.0));
    let quoted = row(p, "quoted content: content @0.3");
    assert_eq!((quoted.n_gold, quoted.recall), (Some(1), Some(1.0)));
    assert_eq!(row(p, "quoted content: speaker @0.8").accuracy, Some(1.0));
    assert!(row(p, "all attributions: content @0.8").f1.is_some());
    // Every row's precision and recall lie in [0, 1].
    for r in &p.rows {
        for x in [r.precision, r.recall, r.f1, r.accuracy]
            .into_iter()
            .flatten()
        {
            assert!((0.0..=1.0).contains(&x), "{r:?}");
        }
    }
}

#[test]
fn dataset_filter_and_renamed_file() {
    let options = Options {
        datasets: vec!["golden_rules_en".to_owned()],
        ..Options::default()
    };
    let report = evaluate(&[fixtures()], &options);
    assert_eq!(report.datasets.len(), 1);
    assert!(
        report
            .skipped
            .iter()
            .any(|s| s.reason == "polnear not selected")
    );

    // A file named on the command line is recognised by its records' `dataset` field.
    let dir = std::env::temp_dir().join(format!("crux-eval-renamed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let renamed = dir.join("rules-copy.jsonl");
    std::fs::copy(fixtures().join("golden_rules_en.jsonl"), &renamed).unwrap();
    let report = evaluate(&[renamed], &Options::default());
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(report.datasets[0].dataset, "golden_rules_en");
}

#[test]
fn unreadable_and_malformed_files_are_errors_others_still_scored() {
    let dir = std::env::temp_dir().join(format!("crux-eval-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("polnear.jsonl"), "{\"not\": \"a record\"}\n").unwrap();
    let report = evaluate(
        &[
            dir.join("polnear.jsonl"),
            dir.join("missing.jsonl"),
            fixtures().join("golden_rules_en.jsonl"),
        ],
        &Options::default(),
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(report.errors.len(), 2, "{:#?}", report.errors);
    assert!(report.errors[0].message.contains("polnear.jsonl:1: "));
    assert_eq!(report.datasets.len(), 1);
}
