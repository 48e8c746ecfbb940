//! End-to-end tests over the fixture articles: the JSON and text reports are snapshot-tested,
//! and every JSON output is checked against the contract's span invariant.

use std::path::Path;

use crux_cli::{
    ExitStatus, analyze_text, html_foot, html_head, render_html, render_markdown, render_text,
};
use crux_parser::InputFormat;
use serde_json::Value;

#[path = "../crates/crux-cli/tests/common/inprocess.rs"]
mod inprocess;
use inprocess::crux_text as crux;

/// Checks the span invariant of contract version 1 on a whole JSON report with the contract's
/// one checker ([`crux_report::check_spans`]); returns how many spans were checked.
fn check_spans(report: &Value) -> usize {
    let check = crux_report::check_spans(report);
    assert!(check.is_ok(), "{:?}", check.problems);
    check.checked
}

/// Checks the shape that contract version 1 requires: every top-level field, and the values its
/// enumerations allow.
fn check_contract(report: &Value) {
    assert_eq!(report["version"], "1");
    assert!(report["source"].is_string());
    assert!(["text", "markdown", "html"].contains(&report["format"].as_str().unwrap()));
    let meta = &report["meta"];
    for key in ["title", "date", "time", "section"] {
        assert!(meta[key].is_null() || meta[key].is_string(), "meta.{key}");
    }
    assert!(meta["authors"].is_array());
    if let Some(date) = meta["date"].as_str() {
        let b = date.as_bytes();
        assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-', "date {date}");
    }
    if let Some(time) = meta["time"].as_str() {
        assert!(time.len() == 5 && time.as_bytes()[2] == b':', "time {time}");
    }
    let one_of = |value: &Value, allowed: &[&str]| {
        let v = value
            .as_str()
            .unwrap_or_else(|| panic!("{value} is not a string"));
        assert!(allowed.contains(&v), "{v} not in {allowed:?}");
    };
    let paragraphs = report["paragraphs"].as_array().unwrap();
    for p in paragraphs {
        one_of(&p["kind"], &["meta", "heading", "body", "list"]);
        one_of(&p["voice"], &["author", "quoted"]);
        assert!(p["quote"].is_null() || p["quote"].is_string());
    }
    let mut previous_end = 0;
    for s in report["sentences"].as_array().unwrap() {
        let p = s["paragraph"].as_u64().unwrap() as usize;
        assert!(p < paragraphs.len());
        assert_ne!(
            paragraphs[p]["kind"], "meta",
            "sentences come from non-meta paragraphs"
        );
        let (start, end) = as_span(&s["span"]).unwrap();
        assert!(start >= previous_end, "sentences in order, not overlapping");
        previous_end = end;
    }
    for q in report["quotes"].as_array().unwrap() {
        one_of(
            &q["kind"],
            &["direct", "partial", "scare", "block", "reported"],
        );
    }
    for c in report["caveats"].as_array().unwrap() {
        one_of(
            &c["kind"],
            &["hedge", "concession", "condition", "limitation"],
        );
        let strength = c["strength"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&strength));
    }
    for c in report["claims"].as_array().unwrap() {
        one_of(
            &c["type"],
            &["evaluation", "prediction", "causal", "normative", "factual"],
        );
        assert!(c["holder"].is_string() && c["caveats"].is_array());
    }
    for a in report["assessments"].as_array().unwrap() {
        one_of(&a["kind"], &["risk", "benefit"]);
        for key in ["magnitude", "likelihood", "confidence", "score"] {
            assert!((0.0..=1.0).contains(&a[key].as_f64().unwrap()), "{key}");
        }
    }
    let balance = &report["balance"];
    for key in ["risk", "benefit", "net"] {
        assert!(balance[key].is_number(), "balance.{key}");
    }
    one_of(
        &balance["verdict"],
        &[
            "positive",
            "mostly positive",
            "mixed",
            "mostly negative",
            "negative",
            "neutral",
        ],
    );
}

fn as_span(value: &Value) -> Option<(usize, usize)> {
    let pair = value.as_array()?;
    if pair.len() != 2 {
        return None;
    }
    Some((pair[0].as_u64()? as usize, pair[1].as_u64()? as usize))
}

fn format_of(path: &Path) -> InputFormat {
    match path.extension().and_then(|e| e.to_str()) {
        Some("md") => InputFormat::Markdown,
        Some("html") => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

/// The name a fixture goes by in reports: its path from the repository root.
fn source_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn fixture_reports() {
    insta::glob!("fixtures/articles/**/*.{txt,md,html}", |path| {
        let input = std::fs::read_to_string(path).unwrap();
        let report = analyze_text(&source_name(path), &input, format_of(path));
        let json = serde_json::to_value(&report).unwrap();
        check_contract(&json);
        assert!(check_spans(&json) > 0, "no spans checked");
        if format_of(path) == InputFormat::Text {
            assert_eq!(
                json["text"].as_str(),
                Some(input.as_str()),
                "plain text kept byte for byte"
            );
        }
        insta::assert_json_snapshot!("json", json);
        let mut text = Vec::new();
        render_text(&report, &mut text).unwrap();
        insta::assert_snapshot!("text", String::from_utf8(text).unwrap());
        let mut markdown = Vec::new();
        render_markdown(&report, &mut markdown).unwrap();
        insta::assert_snapshot!("markdown", String::from_utf8(markdown).unwrap());
        let mut page = Vec::new();
        html_head(&mut page, "crux").unwrap();
        render_html(&report, 1, &mut page).unwrap();
        html_foot(&mut page).unwrap();
        let page = String::from_utf8(page).unwrap();
        check_html(&page);
        if format_of(path) == InputFormat::Text {
            insta::assert_snapshot!("html", page);
        }
    });
}

/// The HTML report's elements nest properly, and its text section holds every word of the
/// article's body paragraphs.
fn check_html(page: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>').expect("tag closed");
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if tag.starts_with('!') {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap();
        if name == "meta" {
            continue;
        }
        if tag.starts_with('/') {
            assert_eq!(
                stack.pop(),
                Some(name),
                "</{name}> closes the wrong element"
            );
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("crux-e2e-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn missing_file_is_an_input_failure() {
    let (status, out, err) = crux(&["analyze", "no/such/article.txt"]);
    assert_eq!(status, ExitStatus::InputFailed);
    assert!(out.is_empty());
    assert!(
        err.starts_with("crux: error: reading no/such/article.txt: "),
        "{err}"
    );
}

#[test]
fn invalid_utf8_names_file_and_byte() {
    let dir = temp_dir("utf8");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"Fine text, then \xc3\x28 broken.").unwrap();
    let (status, _, err) = crux(&["analyze", bad.to_str().unwrap()]);
    assert_eq!(status, ExitStatus::InputFailed);
    assert!(err.contains("bad.txt: invalid UTF-8 at byte 16"), "{err}");
}

#[test]
fn empty_file_is_an_empty_analysis() {
    let dir = temp_dir("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let (status, out, err) = crux(&["analyze", empty.to_str().unwrap(), "--format", "json"]);
    assert_eq!(status, ExitStatus::Success, "{err}");
    let json: Value = serde_json::from_str(&out).unwrap();
    check_contract(&json);
    assert_eq!(json["text"], "");
    assert_eq!(json["paragraphs"], Value::Array(vec![]));
    assert_eq!(json["balance"]["verdict"], "neutral");
}

#[test]
fn one_bad_file_in_a_folder_keeps_the_others() {
    let dir = temp_dir("batch");
    std::fs::write(dir.join("a.txt"), "First article. It is short.").unwrap();
    // Not UTF-8 (and not FF FE, which is UTF-16's byte-order mark).
    std::fs::write(dir.join("b.txt"), b"\xff\xff binary").unwrap();
    std::fs::write(dir.join("c.txt"), "Third article.").unwrap();
    std::fs::write(dir.join("ignored.bin"), "not an article").unwrap();
    let (status, out, err) = crux(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(status, ExitStatus::InputFailed);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    check_contract(&lines[0]);
    check_spans(&lines[0]);
    assert_eq!(lines[0]["text"], "First article. It is short.");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte 0")
    );
    assert_eq!(lines[2]["text"], "Third article.");
    assert!(err.contains("b.txt"), "{err}");
}

#[test]
fn jsonl_records_answer_line_by_line() {
    let dir = temp_dir("records");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\": \"a\", \"text\": \"One. Two.\"}\n{\"id\": \"b\"}\n\n{\"id\": \"c\", \"text\": \"Three.\", \"extra\": 1}\n",
    )
    .unwrap();
    let (status, out, _) = crux(&["analyze", input.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(status, ExitStatus::InputFailed);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // One line out per line in: the blank line is answered by an error line too (issue 15).
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["source"], "a");
    assert_eq!(lines[0]["sentences"].as_array().unwrap().len(), 2);
    assert_eq!(lines[1]["source"], "b");
    assert!(lines[1]["error"].is_string());
    assert!(lines[2]["error"].as_str().unwrap().contains("blank line"));
    assert_eq!(lines[3]["source"], "c");
}

#[test]
fn json_format_takes_one_input() {
    let fixture = "tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt";
    let (status, out, err) = crux(&["analyze", fixture, fixture, "--format", "json"]);
    assert_eq!(status, ExitStatus::Error);
    assert!(out.is_empty());
    assert!(err.contains("--format jsonl"), "{err}");
}

#[test]
fn folder_without_articles_is_reported() {
    let dir = temp_dir("nothing");
    let (status, _, err) = crux(&["analyze", dir.to_str().unwrap()]);
    assert_eq!(status, ExitStatus::InputFailed);
    assert!(err.contains("holds no article files"), "{err}");
}

#[test]
fn html_page_holds_every_article_with_its_own_ids() {
    let dir = temp_dir("html");
    std::fs::write(
        dir.join("a.txt"),
        "<script>alert(1)</script> The plan is a risk. But it will protect the coast.\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "The plan is a \"danger\" to the town.\n").unwrap();
    std::fs::write(dir.join("c.txt"), b"broken \xff").unwrap();
    let (status, out, err) = crux(&["analyze", dir.to_str().unwrap(), "--format", "html"]);
    assert_eq!(status, ExitStatus::InputFailed, "{err}");
    assert!(err.contains("c.txt: invalid UTF-8"), "{err}");
    check_html(&out);
    assert_eq!(out.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(out.matches("<article ").count(), 2);
    assert!(!out.contains("<script>"), "text is escaped");
    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(out.contains("id=\"d1-a1\"") && out.contains("id=\"d2-a1\""));
    assert!(out.contains("href=\"#d1-t-a1\""));

    let a = dir.join("a.txt");
    let (status, out, _) = crux(&["analyze", a.to_str().unwrap(), "-f", "markdown"]);
    assert_eq!(status, ExitStatus::Success);
    assert!(out.starts_with(&format!("# {}\n", a.display())), "{out}");
    assert!(out.contains("1 paragraph, 2 sentences"), "{out}");
    assert!(out.contains("| a1 | risk |"), "{out}");
}

/// docs/scoring.md works a news report, an editorial and the bundled article through with the
/// text report's own lines: they must be what crux prints.
#[test]
fn scoring_docs_show_the_report_as_printed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The section, the text it works through, and which of its `text` blocks is the report
    // (the news report and the editorial show their text first).
    let worked_through = [
        (
            "## A news report, worked through",
            "crates/crux-analysis/tests/fixtures/news-report.txt",
            1,
        ),
        (
            "## An editorial, worked through",
            "crates/crux-analysis/tests/fixtures/editorial.txt",
            1,
        ),
        (
            "## The bundled article, worked through",
            "tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt",
            0,
        ),
    ];
    for (heading, fixture, block) in worked_through {
        let docs = std::fs::read_to_string(root.join("docs/scoring.md")).unwrap();
        let section = docs.find(heading).unwrap();
        let mut start = section;
        for _ in 0..=block {
            start += docs[start..].find("```text\n").unwrap() + "```text\n".len();
        }
        let shown = &docs[start..start + docs[start..].find("```").unwrap()];

        let path = root.join(fixture);
        let input = std::fs::read_to_string(&path).unwrap();
        let report = analyze_text(fixture, &input, InputFormat::Text);
        let mut text = Vec::new();
        render_text(&report, &mut text).unwrap();
        let text = String::from_utf8(text).unwrap();
        let from = text.find("Risks and benefits\n").unwrap() + "Risks and benefits\n".len();
        let printed: String = text[from..]
            .lines()
            .take_while(|l| !l.starts_with("Balance"))
            .chain(text.lines().filter(|l| l.starts_with("Balance")))
            .map(|l| format!("{}\n", l.strip_prefix("  ").unwrap_or(l)))
            .collect();
        // After an intended change to the report (or a merge that conflicts in this block):
        // CRUX_UPDATE_DOCS=1 cargo test -p crux-tests scoring_docs rewrites it; review the diff.
        if std::env::var_os("CRUX_UPDATE_DOCS").is_some() && shown != printed {
            let updated = format!(
                "{}{printed}{}",
                &docs[..start],
                &docs[start + shown.len()..]
            );
            std::fs::write(root.join("docs/scoring.md"), updated).unwrap();
            continue;
        }
        assert_eq!(shown, printed, "{heading}");
    }
}
