//! Every output format, snapshot-tested on two fixture articles written for these tests (an
//! opinion piece in Markdown, a news report in plain text), with the text report at a fixed
//! width and without colour; and the help, so that a change to any of them shows in review.

mod common;

use clap::CommandFactory;
use common::inprocess::crux_text as crux;
use crux_cli::{Cli, ExitStatus};

const FIXTURES: [&str; 2] = [
    "tests/fixtures/harbour-opinion.md",
    "tests/fixtures/river-news.txt",
];

#[test]
fn every_format_on_the_fixtures() {
    for path in FIXTURES {
        let name = path.rsplit('/').next().unwrap();
        for format in ["text", "json", "jsonl", "markdown", "html"] {
            let (status, out, err) = crux(&[
                "analyze", path, "--format", format, "--width", "80", "--color", "never",
            ]);
            assert_eq!(status, ExitStatus::Success, "{err}");
            assert_eq!(err, "", "{format} {name}");
            assert!(!out.contains("-0.00"), "{format} {name}: a negative zero");
            insta::assert_snapshot!(format!("{format}@{name}"), out);
        }
    }
}

#[test]
fn colour_marks_kinds_only_when_asked() {
    let path = FIXTURES[1];
    let (_, plain, _) = crux(&["analyze", path, "--color", "never"]);
    assert!(!plain.contains('\u{1b}'));
    let (_, coloured, _) = crux(&["analyze", path, "--color", "always"]);
    // Risk in red, benefit in green, quotes in cyan, caveats in yellow.
    for code in ["\u{1b}[31m", "\u{1b}[32m", "\u{1b}[36m", "\u{1b}[33m"] {
        assert!(coloured.contains(code), "{code:?} missing");
    }
    // The same report under the escapes.
    let stripped = {
        let mut s = String::new();
        let mut chars = coloured.chars();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for c in chars.by_ref() {
                    if c == 'm' {
                        break;
                    }
                }
            } else {
                s.push(c);
            }
        }
        s
    };
    assert_eq!(stripped, plain);
}

#[test]
fn text_report_fits_the_width() {
    for width in ["40", "60", "120"] {
        for path in FIXTURES {
            let (_, out, _) = crux(&["analyze", path, "--width", width, "--color", "never"]);
            let max: usize = width.parse().unwrap();
            for line in out.lines() {
                // Locations (`--> path:line:col`) are kept whole, as compilers print them.
                if line.trim_start().starts_with("-->") || line.contains("tests/fixtures") {
                    continue;
                }
                assert!(
                    line.chars().count() <= max,
                    "{path} at {width}: {line:?} is {} columns",
                    line.chars().count()
                );
            }
        }
    }
}

#[test]
fn help() {
    let mut cmd = Cli::command().term_width(100);
    cmd.build();
    insta::assert_snapshot!("help", cmd.render_long_help().to_string());
    let analyze = cmd.find_subcommand_mut("analyze").unwrap();
    insta::assert_snapshot!("help_analyze", analyze.render_long_help().to_string());
}
