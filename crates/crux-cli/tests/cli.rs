//! A few tests that run the real `crux` binary: standard input, exit statuses, help.

mod common;
use common::crux_in as crux;

#[test]
fn standard_input_is_source_dash() {
    let (code, out, err) = crux(
        &["analyze", "-", "--format", "json"],
        b"Officials met. They agreed.",
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["source"], "-");
    assert_eq!(json["format"], "text");
    assert_eq!(json["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn standard_input_html_is_sniffed() {
    let (code, out, err) = crux(
        &["analyze", "-", "--format", "json"],
        b"<!DOCTYPE html><html><body><article><p>Officials met.</p></article></body></html>",
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["format"], "html");
}

#[test]
fn invalid_utf8_on_standard_input() {
    let (code, out, err) = crux(&["analyze", "-"], b"abc\xffdef");
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "crux: error: reading -: invalid UTF-8 at byte 3; crux reads UTF-8 text (for Latin-1 or \
         Windows-1252 text, give --encoding windows-1252)\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, err) = crux(&["analyze", "--format", "yaml", "x.txt"], b"");
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'yaml'"), "{err}");
    let (code, _, _) = crux(&["analyze"], b"");
    assert_eq!(code, 2);
}

#[test]
fn text_report_on_standard_input() {
    let (code, out, _) = crux(&["analyze", "-"], b"One sentence. Two sentences.\n");
    assert_eq!(code, 0);
    assert!(out.starts_with("-  (text, 29 bytes)\n"), "{out}");
    assert!(out.contains("2 sentences"), "{out}");
}

fn lexicon_file(name: &str, body: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("crux-cli-lexicon-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn user_lexicon_adds_and_overrides_entries() {
    let text = b"The merger is a boondoggle. It is also a risk.";
    let (code, out, err) = crux(&["analyze", "-", "--format", "json"], text);
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["assessments"].as_array().unwrap().len(), 1);

    let path = lexicon_file(
        "user.tsv",
        "# my terms\nboondoggle\trisk\t0.7\nrisk\toff\t0\n",
    );
    let (code, out, err) = crux(
        &[
            "analyze",
            "-",
            "--format",
            "json",
            "--lexicon",
            path.to_str().unwrap(),
        ],
        text,
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let assessments = json["assessments"].as_array().unwrap();
    assert_eq!(assessments.len(), 1);
    assert_eq!(assessments[0]["magnitude"], 0.7);
    let term = assessments[0]["cues"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["role"] == "risk_term")
        .unwrap();
    assert_eq!(term["text"], "boondoggle");

    // `crux lexicon` prints what is in use, in the file format.
    let (code, out, _) = crux(&["lexicon", "--lexicon", path.to_str().unwrap()], b"");
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l == "boondoggle\trisk\t0.7"));
    assert!(!out.lines().any(|l| l.starts_with("risk\t")));
}

#[test]
fn malformed_user_lexicon_names_file_line_and_reason() {
    let path = lexicon_file("bad.tsv", "peril\trisk\t0.6\nhazardous\tdanger\t0.6\n");
    let (code, out, err) = crux(
        &["analyze", "-", "--lexicon", path.to_str().unwrap()],
        b"Some text.",
    );
    assert_eq!(code, 2);
    assert!(out.is_empty());
    let name = path.display().to_string();
    assert!(
        err.starts_with(&format!("crux: error: {name}:2: unknown role \"danger\"")),
        "{err}"
    );
    let (code, _, err) = crux(&["analyze", "-", "--lexicon", "no/such.tsv"], b"x");
    assert_eq!(code, 2);
    assert!(err.contains("no/such.tsv: cannot read lexicon"), "{err}");
}

/// A user lexicon adds entries to the parser's lists too, one section per list: a reporting
/// verb and a speaker noun make a reported quotation, a caveat cue a hedge; `off` removes a
/// built-in entry.
#[test]
fn user_lexicon_adds_cues_of_every_kind() {
    let text = b"The dam is safe, boffins opined. Mayhaps the river will rise. It may not.";
    let run = |lexicon: Option<&std::path::Path>| {
        let mut args = vec!["analyze", "-", "--format", "json"];
        if let Some(path) = lexicon {
            args.extend(["--lexicon", path.to_str().unwrap()]);
        }
        let (code, out, err) = crux(&args, text);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let plain = run(None);
    assert!(plain["quotes"].as_array().unwrap().is_empty());
    let cues: Vec<&str> = plain["caveats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(cues, ["may"]);

    let path = lexicon_file(
        "kinds.tsv",
        "# risk and benefit entries first, as before\nboondoggle\trisk\t0.7\n\n\
         [reporting_verbs]\nopined\tspeech\n\
         [speaker_nouns]\nboffins\tperson\n\
         [caveats]\nmayhaps\thedge\t0.4\nmay\toff\n",
    );
    let json = run(Some(&path));
    let quotes = json["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0]["speaker"]["text"], "boffins");
    assert_eq!(quotes[0]["cue"]["text"], "opined");
    let caveats = json["caveats"].as_array().unwrap();
    assert_eq!(caveats.len(), 1, "{caveats:?}");
    assert_eq!(caveats[0]["text"], "Mayhaps");
    assert_eq!(caveats[0]["strength"], 0.4);

    // Without the speaker noun, a bare plural "boffins" closing the sentence is no speaker (a
    // noun phrase with a determiner, or one before a content clause, needs no listed noun):
    // each section is used.
    let path = lexicon_file("verbs.tsv", "[reporting_verbs]\nopined\tspeech\n");
    assert!(run(Some(&path))["quotes"].as_array().unwrap().is_empty());
}

#[test]
fn malformed_user_sections_name_file_line_and_reason() {
    let cases = [
        ("[quotes]\nx\ty\n", 1, "unknown section [quotes]"),
        (
            "[speaker_nouns]\nboffins\tnerd\n",
            2,
            "unknown category \"nerd\"",
        ),
        (
            "[caveats]\nmayhaps\thedge\tlots\n",
            2,
            "column 3 of section [caveats] must be a number",
        ),
        (
            "[reporting_verbs]\nopined\n",
            2,
            "expected entry<TAB>category",
        ),
    ];
    for (body, line, reason) in cases {
        let path = lexicon_file("bad-section.tsv", body);
        let (code, out, err) = crux(
            &["analyze", "-", "--lexicon", path.to_str().unwrap()],
            b"Some text.",
        );
        assert_eq!(code, 2, "{body}");
        assert!(out.is_empty());
        let name = path.display().to_string();
        assert!(
            err.starts_with(&format!("crux: error: {name}:{line}: {reason}")),
            "{err}"
        );
    }
}

/// A Latin-1 article is read with --encoding, and its spans index the decoded text that the
/// JSON holds (issue 15).
#[test]
fn latin1_with_encoding_is_decoded_and_spans_index_the_decoded_text() {
    // A quotation in Windows-1252 curly marks (0x93, 0x94) and an é (0xE9).
    let latin1 = b"The caf\xe9 owners said: \x93The rent rise could ruin us.\x94\n";
    let (code, _, err) = crux(&["analyze", "-", "-f", "json"], latin1);
    assert_eq!(code, 1);
    assert!(err.contains("--encoding windows-1252"), "{err}");
    for name in ["latin1", "windows-1252"] {
        let (code, out, err) = crux(&["analyze", "-", "-f", "json", "--encoding", name], latin1);
        assert_eq!(code, 0, "{err}");
        assert!(err.contains("decoded from Windows-1252"), "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = json["text"].as_str().unwrap();
        assert_eq!(
            text,
            "The café owners said: “The rent rise could ruin us.”\n"
        );
        let quote = &json["quotes"][0];
        let (start, end) = (
            quote["span"][0].as_u64().unwrap() as usize,
            quote["span"][1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[start..end], quote["text"].as_str().unwrap());
        assert!(quote["text"].as_str().unwrap().starts_with('“'));
    }
}

/// `crux completions SHELL` and `crux man` describe the command as it is (issue 15).
#[test]
fn completions_and_man_page_name_every_subcommand_and_flag() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = crux(&["completions", shell], b"");
        assert_eq!(code, 0, "{shell}: {err}");
        for word in ["analyze", "summarize", "errors-as-records", "output-dir"] {
            assert!(out.contains(word), "{shell} completion lacks {word}");
        }
    }
    let (code, _, _) = crux(&["completions", "tcsh"], b"");
    assert_eq!(code, 2, "an unknown shell is a usage error");
    let (code, man, _) = crux(&["man"], b"");
    assert_eq!(code, 0);
    assert!(man.contains(".TH crux 1"), "{man}");
    for word in ["analyze", "summarize", "completions"] {
        assert!(man.contains(word), "the man page lacks {word}");
    }
}

/// `crux summarize` reads what `crux analyze --format jsonl` wrote, from standard input, and
/// counts it (issue 15).
#[test]
fn summarize_counts_reports_speakers_and_terms() {
    let records = concat!(
        "{\"id\": \"a\", \"text\": \"\\\"The dam will fail,\\\" said Ana Ruiz. The flooding could kill.\"}\n",
        "{\"id\": \"b\", \"text\": \"\\\"It is safe,\\\" said Ana Ruiz. The dam brings cheap power and jobs.\"}\n",
        "not a record\n",
    );
    let (_, jsonl, _) = crux(&["analyze", "-", "-f", "jsonl"], records.as_bytes());
    assert_eq!(jsonl.lines().count(), 3);
    let (code, out, err) = crux(&["summarize", "-f", "json"], jsonl.as_bytes());
    assert_eq!(code, 0, "{err}");
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["reports"], 2);
    assert_eq!(s["errors"], 1);
    assert_eq!(s["speakers"][0], serde_json::json!(["Ana Ruiz", 2]));
    let verdicts: u64 = s["verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v[1].as_u64().unwrap())
        .sum();
    assert_eq!(verdicts, 2, "every report has one verdict");
    assert!(!s["risk_terms"].as_array().unwrap().is_empty(), "{s}");
    // Text and HTML say the same.
    let (_, text, _) = crux(&["summarize"], jsonl.as_bytes());
    assert!(text.starts_with("2 reports, 1 error lines"), "{text}");
    assert!(text.contains("Ana Ruiz"), "{text}");
    let (_, html, _) = crux(&["summarize", "-f", "html"], jsonl.as_bytes());
    assert!(html.contains("<svg") && html.contains("Ana Ruiz"));
    // A line that is no report is named, and fails the run.
    let (code, _, err) = crux(&["summarize"], b"[1, 2]\n");
    assert_eq!(code, 1);
    assert!(err.contains("-:1: not a crux report"), "{err}");
}

/// `crux summarize` counts the writer's caveats and the hedges held by others apart, and
/// ranks who holds the latter.
#[test]
fn summarize_counts_hedges_held_by_others() {
    let record = "{\"id\": \"a\", \"text\": \"Analysts believe the fares could rise, and \
                  reporters asked whether the route would close. The plan may fail.\"}\n";
    let (_, jsonl, _) = crux(&["analyze", "-", "-f", "jsonl"], record.as_bytes());
    let report: serde_json::Value = serde_json::from_str(jsonl.trim()).unwrap();
    let held = report["attributed_caveats"].as_array().unwrap();
    let caveats = report["caveats"].as_array().unwrap().len();
    assert!(!held.is_empty(), "{report}");
    let (code, out, err) = crux(&["summarize", "-f", "json"], jsonl.as_bytes());
    assert_eq!(code, 0, "{err}");
    let s: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(s["caveats"], caveats);
    assert_eq!(s["held_by_others"], held.len());
    let holders = s["others_hedge_holders"].as_array().unwrap();
    for c in held {
        assert!(
            holders.iter().any(|h| h[0] == c["holder"]),
            "{} in {holders:?}",
            c["holder"]
        );
    }
    let (_, text, _) = crux(&["summarize"], jsonl.as_bytes());
    assert!(
        text.lines().next().unwrap().ends_with(&format!(
            "; {caveats} caveats, {} hedges held by others",
            held.len()
        )),
        "{text}"
    );
    assert!(text.contains("\nHolders of others' hedges\n"), "{text}");
}

/// The README's Quick start works as written: installing comes first, the report command runs
/// on the bundled article, and every `crux` command it lists is one crux accepts (issue 15).
#[test]
fn readme_quick_start_works_as_written() {
    use clap::Parser;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme.find("## Quick start").expect("a Quick start");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let blocks: Vec<&str> = section
        .split("```sh\n")
        .skip(1)
        .map(|b| &b[..b.find("```").unwrap()])
        .collect();
    assert!(blocks.len() >= 2, "{section}");
    let first: Vec<&str> = blocks[0].lines().collect();
    assert_eq!(
        first[0], "cargo install --path crates/crux-cli",
        "install first"
    );
    let words: Vec<&str> = first[1].split_whitespace().collect();
    assert_eq!(&words[..2], ["crux", "analyze"]);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(&words[1..])
        .current_dir(&root)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A located report: findings as `--> file:line:col`.
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("--> tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt:"),
        "{report}"
    );
    let mut checked = 0;
    for line in blocks[1].lines() {
        let command = line.split(" #").next().unwrap();
        let command = command.rsplit("| ").next().unwrap();
        let command = command.split(" > ").next().unwrap();
        let words: Vec<&str> = command.split_whitespace().collect();
        assert_eq!(words.first(), Some(&"crux"), "{line}");
        if let Err(e) = crux_cli::Cli::try_parse_from(&words) {
            panic!("README: {line}: {e}");
        }
        checked += 1;
    }
    assert!(checked >= 10, "{checked} commands");
}
