//! Analysing on several threads gives the same bytes, in the same order, as on one: for JSON
//! Lines records (more than one batch of them, bad records among them) and for a folder of
//! files with a bad one.

mod common;

use common::inprocess::crux_bytes as crux;
use crux_cli::ExitStatus;

const ARTICLE: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

/// Runs `args` with `--threads 1`, then 2 and 3, and checks that every run gives the same
/// status, output and errors; returns the single-threaded run.
fn same_on_any_thread_count(args: &[&str]) -> (ExitStatus, Vec<u8>, Vec<u8>) {
    let one = crux(&[args, &["--threads", "1"]].concat());
    for n in ["2", "3"] {
        let many = crux(&[args, &["--threads", n]].concat());
        assert_eq!(one.0, many.0, "status with --threads {n}");
        assert!(one.1 == many.1, "output differs with --threads {n}");
        assert_eq!(
            String::from_utf8_lossy(&one.2),
            String::from_utf8_lossy(&many.2),
            "errors with --threads {n}"
        );
    }
    one
}

const ROUNDS: usize = 8;

#[test]
fn records_in_input_order_on_any_thread_count() {
    let dir = common::temp_dir("crux-threads", "records");
    let input = dir.join("corpus.jsonl");
    let mut corpus = Vec::new();
    // Every paragraph a record, eight times over: several batches (of 32 records a thread) of
    // varied sizes.
    for round in 0..ROUNDS {
        for (n, paragraph) in ARTICLE.split("\n\n").enumerate() {
            let record = serde_json::json!({ "id": format!("{round}-{n}"), "text": paragraph });
            corpus.extend_from_slice(record.to_string().as_bytes());
            corpus.push(b'\n');
        }
        corpus.extend_from_slice(b"{\"id\": \"no-text\"}\n\nnot json\n\xff\xfe\n");
    }
    let whole = serde_json::json!({ "id": "whole", "text": ARTICLE });
    corpus.extend_from_slice(whole.to_string().as_bytes());
    std::fs::write(&input, &corpus).unwrap();

    let (status, out, err) =
        same_on_any_thread_count(&["analyze", input.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(status, ExitStatus::InputFailed);
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let records = ARTICLE.split("\n\n").count();
    // One line out per line in: the blank line is answered too.
    assert_eq!(lines.len(), ROUNDS * (records + 4) + 1);
    assert_eq!(lines[0]["source"], "0-0");
    assert_eq!(lines[records]["source"], "no-text");
    assert!(
        lines[records + 1]["error"]
            .as_str()
            .unwrap()
            .contains("blank line")
    );
    assert!(
        lines[records + 3]["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8")
    );
    assert_eq!(lines.last().unwrap()["source"], "whole");
    assert_eq!(lines.last().unwrap()["text"], ARTICLE);
    let err = String::from_utf8(err).unwrap();
    assert_eq!(err.lines().count(), 4 * ROUNDS, "{err}");
    assert!(err.contains("corpus.jsonl: line"), "{err}");

    // The text report too.
    same_on_any_thread_count(&["analyze", input.to_str().unwrap(), "--format", "text"]);
}

#[test]
fn files_in_input_order_on_any_thread_count() {
    let dir = common::temp_dir("crux-threads", "files");
    for (n, paragraph) in ARTICLE.split("\n\n").enumerate() {
        std::fs::write(dir.join(format!("{n:03}.txt")), paragraph).unwrap();
    }
    std::fs::write(dir.join("050-bad.txt"), b"\xc3\x28").unwrap();
    let (status, out, err) =
        same_on_any_thread_count(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(status, ExitStatus::InputFailed);
    assert_eq!(
        String::from_utf8(out).unwrap().lines().count(),
        ARTICLE.split("\n\n").count() + 1
    );
    assert!(String::from_utf8(err).unwrap().contains("050-bad.txt"));
    same_on_any_thread_count(&["analyze", dir.to_str().unwrap()]);
    // The reports for people too: the HTML page numbers its articles in input order.
    let (_, page, _) =
        same_on_any_thread_count(&["analyze", dir.to_str().unwrap(), "--format", "html"]);
    let page = String::from_utf8(page).unwrap();
    assert_eq!(
        page.matches("<article ").count(),
        ARTICLE.split("\n\n").count()
    );
    same_on_any_thread_count(&["analyze", dir.to_str().unwrap(), "--format", "markdown"]);
}
