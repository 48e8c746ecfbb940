//! The HTML report in a real browser: Debian's Chromium, headless, loads a page crux wrote
//! and the test reads the DOM it rendered (marks, the chart, links) and keeps a screenshot
//! (target/browser/). .ci/run installs Chromium and sets CRUX_BROWSER_TESTS=1, so that in CI
//! a missing browser fails the test; elsewhere it is skipped with a message. See issue 15.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The Chromium to drive, or `None` (with the reason printed) when the test is to be skipped.
#[expect(
    clippy::print_stderr,
    reason = "the skip is said where cargo test shows it"
)]
fn chromium() -> Option<PathBuf> {
    let required = std::env::var_os("CRUX_BROWSER_TESTS").is_some_and(|v| v == "1");
    let found = ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::var_os("PATH").and_then(|paths| {
            std::env::split_paths(&paths)
                .map(|dir| dir.join(name))
                .find(|p| p.is_file())
        })
    });
    match found {
        Some(path) => Some(path),
        None if required => panic!("CRUX_BROWSER_TESTS=1 but no chromium on PATH"),
        None => {
            eprintln!(
                "browser test skipped: no chromium on PATH (apt-get install chromium; CI sets \
                 CRUX_BROWSER_TESTS=1 and runs it)"
            );
            None
        }
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crux-browser-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium with a fresh profile on `url` with `args`, killed after 90 s.
fn headless(chromium: &Path, url: &str, args: &[&str]) -> String {
    // A profile of its own per run: the tests run in threads of one process.
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = temp_dir(&format!("profile-{run}"));
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium took over 90 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn html_report_renders_in_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let out_dir = temp_dir("reports");
    let status = Command::new(env!("CARGO_BIN_EXE_crux"))
        .arg("analyze")
        .arg(&input)
        .args(["-f", "html", "-q", "-o"])
        .arg(&out_dir)
        .status()
        .unwrap();
    assert!(status.success());
    let inside = input.strip_prefix("/").unwrap();
    let page = out_dir.join(inside).join("harbour-opinion.md.html");
    assert!(page.is_file(), "{page:?}");

    let dom = headless(
        &chromium,
        &format!("file://{}", page.display()),
        &["--dump-dom"],
    );
    // The text's marks, rendered.
    for class in [
        "class=\"q\"",
        "class=\"hedge\"",
        "class=\"risk",
        "class=\"benefit",
    ] {
        assert!(dom.contains(class), "no {class} in the rendered page");
    }
    // The chart: one bar per risk or benefit, each linking to its mark, and the balance.
    assert!(
        dom.contains("<svg") && dom.contains("id=\"d1-chart\""),
        "no chart"
    );
    let bars = dom.matches("class=\"bar risk-bar\"").count()
        + dom.matches("class=\"bar benefit-bar\"").count();
    // One bar per assessment of the JSON report of the same article, however many the
    // analysis finds (at least a risk and a benefit in this fixture).
    let json = Command::new(env!("CARGO_BIN_EXE_crux"))
        .arg("analyze")
        .arg(input.join("harbour-opinion.md"))
        .args(["-f", "json"])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let assessments = report["assessments"].as_array().unwrap();
    let ids: Vec<&str> = assessments
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let kinds = |k: &str| assessments.iter().filter(|a| a["kind"] == k).count();
    assert!(kinds("risk") >= 1 && kinds("benefit") >= 1, "{ids:?}");
    assert_eq!(bars, assessments.len(), "one bar per assessment");
    assert!(dom.contains("class=\"bar balance-bar\""));
    for id in ids {
        assert!(
            dom.contains(&format!("href=\"#d1-t-{id}\"")),
            "bar {id} links"
        );
        assert!(
            dom.contains(&format!("id=\"d1-t-{id}\"")),
            "mark {id} is there"
        );
    }
    assert!(dom.contains("<title>a1 risk, held by"), "hover details");

    // A screenshot kept for a person to look at.
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("harbour-opinion.png");
    let _ = std::fs::remove_file(&shot);
    headless(
        &chromium,
        &format!("file://{}", page.display()),
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1000,1400",
            "--hide-scrollbars",
        ],
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );

    // The index page, sorted by balance by its own script in the browser.
    let index = out_dir.join("index.html");
    let dom = headless(
        &chromium,
        &format!("file://{}#by-balance", index.display()),
        &["--dump-dom"],
    );
    assert!(
        dom.contains("aria-sort=\"ascending\""),
        "the script sorted the table"
    );
    let nets: Vec<f64> = dom
        .split("<td data-value=\"")
        .skip(1)
        .step_by(5)
        .map(|s| s[..s.find('"').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(nets.len(), 2, "{dom}");
    assert!(nets.windows(2).all(|w| w[0] <= w[1]), "{nets:?}");
}

/// Hedges held by others ("analysts believe", "asked whether") are marked in the rendered page
/// apart from the writer's caveats: their own class, drawn dashed, their holder on hover.
#[test]
fn hedges_held_by_others_render_apart_in_chromium() {
    let Some(chromium) = chromium() else {
        return;
    };
    let dir = temp_dir("held");
    let input = dir.join("ferry.txt");
    std::fs::write(
        &input,
        "The council will vote on the ferry plan in May. Analysts believe the fares could \
         rise, and reporters asked whether the route would close. The plan may fail.\n",
    )
    .unwrap();
    let run = |format: &str| {
        Command::new(env!("CARGO_BIN_EXE_crux"))
            .arg("analyze")
            .arg(&input)
            .args(["-f", format])
            .output()
            .unwrap()
            .stdout
    };
    let report: serde_json::Value = serde_json::from_slice(&run("json")).unwrap();
    let held = report["attributed_caveats"].as_array().unwrap();
    assert!(!held.is_empty(), "{report}");
    let page = dir.join("ferry.html");
    std::fs::write(&page, run("html")).unwrap();
    let dom = headless(
        &chromium,
        &format!("file://{}", page.display()),
        &["--dump-dom"],
    );
    assert!(
        dom.contains("<span class=\"held\">held by others</span>"),
        "legend"
    );
    assert!(
        dom.contains("Others' hedges (held by others)"),
        "their table"
    );
    for c in held {
        let id = c["id"].as_str().unwrap();
        let holder = c["holder"].as_str().unwrap();
        assert!(
            dom.contains(&format!(
                "id=\"d1-t-{id}\" href=\"#d1-{id}\" title=\"{} held by {holder}\"",
                c["kind"].as_str().unwrap()
            )),
            "mark {id} with its holder"
        );
        assert!(dom.contains(&format!("id=\"d1-{id}\"")), "row {id}");
    }
    assert!(
        dom.contains("held\">believe</span>"),
        "the cue is marked held"
    );
}
