//! Batches you can watch: folders walked as ripgrep walks them (ignore files, hidden files,
//! --glob, one list of extensions), and the closing summary. See issue 15.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::crux;

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn sources(out: &str, root: &Path) -> Vec<String> {
    out.lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let s = v["source"].as_str().unwrap().to_owned();
            s.strip_prefix(&format!("{}/", root.display()))
                .map_or(s.clone(), str::to_owned)
        })
        .collect()
}

/// A folder as a project keeps it: articles, a .gitignore naming node_modules/ and a build
/// folder, hidden files, and every extension crux reads.
fn project(name: &str) -> PathBuf {
    let dir = temp_dir(name);
    write(&dir, ".gitignore", "node_modules/\nbuild/\n*.draft.md\n");
    write(&dir, "a.txt", "Officials met.");
    write(
        &dir,
        "b.ndjson",
        "{\"id\": \"r1\", \"text\": \"It may fail.\"}\n",
    );
    write(
        &dir,
        "c.xhtml",
        "<html><body><p>The plan helps.</p></body></html>",
    );
    write(&dir, "d.mdown", "# T\n\nThe plan may fail.\n");
    write(&dir, "e.draft.md", "Not yet.");
    write(&dir, "node_modules/pkg/readme.md", "A package.");
    write(&dir, "build/out.txt", "Built.");
    write(&dir, ".hidden/h.txt", "Hidden.");
    write(&dir, "sub/f.md", "# F\n\nMore text.\n");
    dir
}

#[test]
fn folders_honour_ignore_files_and_every_extension() {
    let dir = project("walk");
    let (code, out, err) = crux(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sources(&out, &dir),
        ["a.txt", "r1", "c.xhtml", "d.mdown", "sub/f.md"]
    );
}

#[test]
fn globs_choose_files_in_folders() {
    let dir = project("globs");
    let root = dir.to_str().unwrap();
    // As ripgrep's: a file a glob names is read even when an ignore file names it too, but
    // an ignored folder is not walked.
    let (code, out, _) = crux(&["analyze", root, "-f", "jsonl", "--glob", "*.md"]);
    assert_eq!(code, 0);
    assert_eq!(sources(&out, &dir), ["e.draft.md", "sub/f.md"]);
    let (_, out, _) = crux(&[
        "analyze", root, "-f", "jsonl", "-g", "!sub/**", "-g", "!*.txt",
    ]);
    assert_eq!(sources(&out, &dir), ["r1", "c.xhtml", "d.mdown"]);
    let (code, _, err) = crux(&["analyze", root, "-g", "[oops"]);
    assert_eq!(code, 2, "a bad glob is a usage error");
    assert!(err.contains("--glob [oops"), "{err}");
}

#[test]
fn a_batch_closes_with_a_summary_unless_quiet() {
    let dir = project("summary");
    write(
        &dir,
        "b.ndjson",
        "{\"id\": \"r1\", \"text\": \"It may fail.\"}\nnot JSON\n",
    );
    let root = dir.to_str().unwrap();
    let (code, _, err) = crux(&["analyze", root, "-f", "jsonl", "--progress", "always"]);
    assert_eq!(code, 1);
    let last = err.lines().last().unwrap();
    assert!(
        last.starts_with("crux: 6 inputs, 5 analysed, 1 failed, 0.0 MB in ")
            && last.ends_with(" MB/s)"),
        "{err}"
    );
    // Not on a terminal, and so not when piped, unless asked for; never with --quiet.
    let (_, _, err) = crux(&["analyze", root, "-f", "jsonl"]);
    assert!(!err.contains("analysed"), "{err}");
    let (_, _, err) = crux(&["analyze", root, "-f", "jsonl", "-q", "--progress", "always"]);
    assert!(!err.contains("analysed"), "{err}");
}

#[test]
fn output_dir_holds_one_report_per_input_and_an_index() {
    let dir = project("outdir");
    let out_dir = temp_dir("outdir-reports");
    let root = dir.to_str().unwrap();
    let target = out_dir.to_str().unwrap();
    let (code, out, err) = crux(&["analyze", root, "-f", "html", "-o", target]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "reports go to files, not standard output");
    assert!(err.contains("5 reports written to"), "{err}");
    let inside = dir.strip_prefix("/").unwrap();
    for name in ["a.txt", "c.xhtml", "d.mdown", "sub/f.md"] {
        let page = out_dir.join(inside).join(format!("{name}.html"));
        let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{page:?}: {e}"));
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    }
    // A record is named by its id.
    assert!(out_dir.join("r1.html").is_file());
    let index = std::fs::read_to_string(out_dir.join("index.html")).unwrap();
    assert_eq!(index.matches("<tr><td><a href=").count(), 5, "{index}");
    assert!(index.contains(&format!("href=\"{}/sub/f.md.html\"", inside.display())));
    assert!(index.contains("aria-sort"), "the table sorts");
    // Written whole, then renamed: no temporary file is left.
    let mut stack = vec![out_dir.clone()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            assert!(!p.to_string_lossy().ends_with(".tmp"), "{p:?}");
            if p.is_dir() {
                stack.push(p);
            }
        }
    }
    // The JSON of an article in the folder is what standard output gets for it alone.
    let (_, alone, _) = crux(&["analyze", dir.join("a.txt").to_str().unwrap(), "-f", "json"]);
    let (code, _, _) = crux(&["analyze", root, "-f", "json", "-o", target, "-q"]);
    assert_eq!(code, 0);
    let kept = std::fs::read_to_string(out_dir.join(inside).join("a.txt.json")).unwrap();
    assert_eq!(kept, alone);
}

/// On a real terminal (a pseudo-terminal made by util-linux's `script`): the text report is
/// coloured unless NO_COLOR is set, and a batch whose reports go to a file shows its progress
/// line and summary on the terminal. Skipped with a message where `script` is missing.
#[test]
#[expect(
    clippy::print_stderr,
    reason = "the skip is said where cargo test shows it"
)]
fn on_a_terminal_colour_and_progress_show() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("terminal test skipped: no `script` (util-linux) to make a pseudo-terminal");
        return;
    }
    let crux = env!("CARGO_BIN_EXE_crux");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/river-news.txt");
    let on_terminal = |command: String, no_color: bool| {
        let mut script = Command::new("script");
        script.args(["-qec", &command, "/dev/null"]);
        if no_color {
            script.env("NO_COLOR", "1");
        } else {
            script.env_remove("NO_COLOR");
        }
        let out = script.env("TERM", "xterm").output().unwrap();
        assert!(out.status.success(), "{command}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let report = format!("{crux} analyze {}", fixture.display());
    let coloured = on_terminal(report.clone(), false);
    assert!(coloured.contains("\u{1b}[31m"), "risk in red on a terminal");
    assert!(coloured.contains("river-news.txt:9:1"), "{coloured}");
    let plain = on_terminal(report, true);
    assert!(!plain.contains("\u{1b}[3"), "NO_COLOR: no colour");

    let dir = project("terminal");
    let out_file = dir.join("out.jsonl");
    let batch = format!(
        "{crux} analyze {} -f jsonl > {}",
        dir.display(),
        out_file.display()
    );
    let screen = on_terminal(batch.clone(), false);
    // The progress line ("⠁ 1 analysed  [0s]"), redrawn in place, then the summary.
    assert!(
        screen.contains(" 1 analysed  ["),
        "a progress line: {screen:?}"
    );
    assert!(
        screen.contains("crux: 5 inputs, 5 analysed, 0 failed"),
        "{screen:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap().lines().count(),
        5
    );
    let quiet = on_terminal(format!("{batch} -q"), false);
    assert!(!quiet.contains("analysed"), "{quiet:?}");
}

fn temp_dir(name: &str) -> PathBuf {
    common::temp_dir("crux-batches", name)
}
