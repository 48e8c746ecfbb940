//! Replays what the fuzzers found (`fuzz/regressions/<target>/`) and their seeds
//! (`fuzz/seeds/<target>/`) through the same checks the fuzz targets make, so that
//! `cargo test --workspace` fails if a fixed case comes back. docs/robustness.md lists the
//! cases and how to add one.

use std::path::{Path, PathBuf};

#[allow(unreachable_pub, dead_code)]
#[path = "../../../fuzz/src/check.rs"]
mod check;

fn files(kind: &str, target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fuzz")
        .join(kind)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort();
    files
}

/// Runs `check` on every case of `target`; returns how many were run.
fn replay(target: &str, check: fn(&str)) -> usize {
    let mut n = 0;
    for kind in ["regressions", "seeds"] {
        for path in files(kind, target) {
            let bytes = std::fs::read(&path).unwrap();
            // The targets skip what is not UTF-8, as crux refuses it before parsing.
            if let Ok(text) = std::str::from_utf8(&bytes) {
                let outcome = std::panic::catch_unwind(|| check(text));
                assert!(outcome.is_ok(), "{} fails its checks", path.display());
                n += 1;
            }
        }
    }
    n
}

#[test]
fn text_reader_cases() {
    assert!(
        replay("read_text", |s| check::parse(
            s,
            crux_parser::InputFormat::Text
        )) > 0
    );
}

#[test]
fn markdown_reader_cases() {
    assert!(
        replay("read_markdown", |s| check::parse(
            s,
            crux_parser::InputFormat::Markdown
        )) > 0
    );
}

#[test]
fn html_reader_cases() {
    assert!(
        replay("read_html", |s| check::parse(
            s,
            crux_parser::InputFormat::Html
        )) > 0
    );
}

#[test]
fn pipeline_cases() {
    assert!(replay("pipeline", check::pipeline) > 0);
}
