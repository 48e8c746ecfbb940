//! crux as a filter in a pipeline: JSON Lines told on standard input, one output line per
//! input line (blank and bad lines answered by error lines that the published line schema
//! accepts), each record answered before the next arrives, and `--errors-as-records`.
//! See issue 15.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

mod common;
use common::crux_in as crux;

const RECORDS: &str = concat!(
    "{\"id\": \"a\", \"text\": \"The plan may fail.\"}\n",
    "\n",
    "not JSON at all\n",
    "{\"id\": \"d\", \"text\": \"Officials met. It could help.\"}\n",
    "{\"id\": \"e\"}\n",
);

/// Checks one output line against `crux schema --jsonl`: an error line has exactly the error
/// line's fields, as strings; a report has every field the report requires.
fn check_line(schema: &serde_json::Value, line: &serde_json::Value) -> bool {
    let defs = &schema["$defs"];
    let object = line.as_object().unwrap();
    if object.contains_key("error") {
        let allowed = defs["ErrorLine"]["properties"].as_object().unwrap();
        let required = defs["ErrorLine"]["required"].as_array().unwrap();
        assert_eq!(defs["ErrorLine"]["additionalProperties"], false);
        object
            .iter()
            .all(|(k, v)| allowed.contains_key(k) && v.is_string())
            && required
                .iter()
                .all(|k| object.contains_key(k.as_str().unwrap()))
    } else {
        defs["Report"]["required"]
            .as_array()
            .unwrap()
            .iter()
            .all(|k| object.contains_key(k.as_str().unwrap()))
    }
}

#[test]
fn json_lines_on_standard_input_are_records_one_answer_per_line() {
    let (code, out, err) = crux(&["analyze", "-", "--format", "jsonl"], RECORDS.as_bytes());
    assert_eq!(code, 1, "records failed: {err}");
    let (_, schema, _) = crux(&["schema", "--jsonl"], b"");
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    assert_eq!(schema["oneOf"].as_array().unwrap().len(), 2);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), RECORDS.lines().count(), "{out}");
    let sources: Vec<&str> = lines
        .iter()
        .map(|l| l["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["a", "-:2", "-:3", "d", "e"]);
    assert_eq!(lines[1]["error"], "line 2: a blank line, not a record");
    assert!(lines[3]["sentences"].as_array().unwrap().len() == 2);
    for line in &lines {
        assert!(check_line(&schema, line), "{line}");
    }
    // Each failure is named on standard error too.
    assert_eq!(err.lines().count(), 3, "{err}");
}

#[test]
fn errors_as_records_exit_zero_when_only_records_failed() {
    let args = ["analyze", "-", "--format", "jsonl", "--errors-as-records"];
    let (code, out, _) = crux(&args, RECORDS.as_bytes());
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 5);
    // A failure with no line to answer it (a missing file) still fails the run.
    let (code, _, err) = crux(
        &[
            "analyze",
            "no-such-file.jsonl",
            "--format",
            "jsonl",
            "--errors-as-records",
        ],
        b"",
    );
    assert_eq!(code, 1, "{err}");
}

#[test]
fn plain_text_on_standard_input_is_still_one_article() {
    let (code, out, _) = crux(
        &["analyze", "-", "--format", "jsonl"],
        b"{ this brace opens an article.\nIt is not a record.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn each_record_is_answered_before_the_next_arrives() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(["analyze", "-", "--format", "jsonl", "-j", "2"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..3 {
        writeln!(
            stdin,
            "{{\"id\": \"r{i}\", \"text\": \"Record {i} may fail.\"}}"
        )
        .unwrap();
        stdin.flush().unwrap();
        // The producer waits for the answer before it writes the next record: crux must not
        // hold it back for a batch.
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("no answer to record {i} while the input stays open"));
        let json: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(json["source"], format!("r{i}"));
    }
    drop(stdin);
    assert!(child.wait().unwrap().success());
    reader.join().unwrap();
}
