//! The `crux` binary against hostile folders and pipes: special files, unreadable folders, a
//! reader that goes away, inputs over the limits. Each test would hang or lose output if what
//! it guards regressed; a hang is caught by a deadline. What a machine cannot check (no
//! `mkfifo`; privileges that read a mode-000 folder) is said on standard error.

#![allow(clippy::print_stderr)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crux-robust-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for `child` at most `secs` seconds; kills it and fails the test if it is still
/// running then. Output is read on threads, so a full pipe cannot stall it.
fn finish(mut child: Child, secs: u64) -> (i32, String, String) {
    let stdout = child.stdout.take();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(mut stdout) = stdout {
            stdout.read_to_end(&mut s).unwrap();
        }
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        stderr.read_to_end(&mut s).unwrap();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("crux still running after {secs} s: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().unwrap(),
        String::from_utf8(out.join().unwrap()).unwrap(),
        String::from_utf8(err.join().unwrap()).unwrap(),
    )
}

fn crux(args: &[&str]) -> (i32, String, String) {
    finish(spawn(args), 60)
}

fn sources(jsonl: &str) -> Vec<String> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["source"].as_str().unwrap().to_owned()
        })
        .collect()
}

/// The file names (without folders) of the sources of a JSON Lines output, in order.
fn file_names(jsonl: &str) -> Vec<String> {
    sources(jsonl)
        .iter()
        .map(|s| {
            Path::new(s)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

fn write_articles(dir: &Path, names: &[&str]) {
    for name in names {
        std::fs::write(
            dir.join(name),
            "Officials met on Monday. The plan may fail.",
        )
        .unwrap();
    }
}

#[test]
fn a_fifo_in_a_folder_is_skipped_not_waited_for() {
    let dir = temp_dir("fifo");
    write_articles(&dir, &["a.txt", "c.txt"]);
    let fifo = dir.join("b.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available here: the FIFO test is skipped");
        return;
    }
    let (code, out, err) = finish(
        spawn(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]),
        20,
    );
    assert_eq!(code, 0, "{err}");
    let names = file_names(&out);
    assert_eq!(names, ["a.txt", "c.txt"]);
    assert!(err.contains("skipping") && err.contains("b.txt"), "{err}");
    assert!(err.contains("not a regular file"), "{err}");
}

#[test]
fn a_socket_in_a_folder_is_skipped() {
    let dir = temp_dir("socket");
    write_articles(&dir, &["a.txt"]);
    let _listener = std::os::unix::net::UnixListener::bind(dir.join("b.txt")).unwrap();
    let (code, out, err) = crux(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(sources(&out).len(), 1);
    assert!(err.contains("b.txt: not a regular file"), "{err}");
}

#[test]
fn what_cannot_be_read_in_a_folder_is_named_and_the_rest_reported() {
    let dir = temp_dir("unreadable");
    write_articles(&dir, &["a.txt", "z.txt"]);
    // A link to nothing: unreadable for anyone, root included.
    std::os::unix::fs::symlink(dir.join("nowhere.txt"), dir.join("m-dangling.txt")).unwrap();
    // A folder without read permission: unreadable unless crux runs as root.
    let locked = dir.join("k-locked");
    std::fs::create_dir(&locked).unwrap();
    write_articles(&locked, &["inside.txt"]);
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o000);
    std::fs::set_permissions(&locked, perms).unwrap();
    let root_reads_anyway = std::fs::read_dir(&locked).is_ok();

    let (code, out, err) = crux(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]);
    let mut perms = std::fs::metadata(&locked).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o755);
    std::fs::set_permissions(&locked, perms).unwrap();

    assert_eq!(code, 1, "an input was lost: exit 1\n{err}");
    let names = file_names(&out);
    assert!(err.contains("m-dangling.txt"), "{err}");
    if root_reads_anyway {
        eprintln!(
            "running with privileges that read a mode-000 folder: its assertion is skipped, \
             the dangling link is checked"
        );
        assert_eq!(names, ["a.txt", "inside.txt", "z.txt"]);
    } else {
        assert_eq!(names, ["a.txt", "z.txt"]);
        assert!(
            err.contains("reading folder") && err.contains("k-locked"),
            "{err}"
        );
    }
}

#[test]
fn results_before_a_stalled_pipe_are_printed_before_it() {
    let dir = temp_dir("stall");
    write_articles(&dir, &["a.txt"]);
    let fifo = dir.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo is not available here: the stalled-pipe test is skipped");
        return;
    }
    // A named pipe given on the command line is read (it is what `<(command)` gives), and
    // waits for its writer; the first file's result must be out before that.
    let mut child = spawn(&[
        "analyze",
        dir.join("a.txt").to_str().unwrap(),
        fifo.to_str().unwrap(),
        "-f",
        "jsonl",
        "--input-format",
        "text",
    ]);
    let mut stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut first = Vec::new();
        let mut byte = [0u8];
        while stdout.read(&mut byte).unwrap_or(0) == 1 {
            first.push(byte[0]);
            if byte[0] == b'\n' {
                break;
            }
        }
        tx.send(first).unwrap();
        let mut rest = Vec::new();
        let _ = stdout.read_to_end(&mut rest);
    });
    let first = rx.recv_timeout(Duration::from_secs(20));
    // Now feed the pipe, so that crux ends.
    std::fs::write(&fifo, "Late text arrived.").unwrap();
    let status = child.wait().unwrap();
    let first = String::from_utf8(first.expect("the first result waited for the pipe")).unwrap();
    assert!(first.contains("a.txt"), "{first}");
    assert!(status.success());
}

#[test]
fn a_reader_that_goes_away_is_success() {
    let dir = temp_dir("pipe");
    let big = dir.join("big.txt");
    let sentence = "According to officials, the plan “may fail”, which could cost jobs. ";
    std::fs::write(&big, sentence.repeat(20_000)).unwrap();
    for format in ["json", "jsonl", "text"] {
        let mut child = spawn(&["analyze", big.to_str().unwrap(), "-f", format]);
        let mut head = [0u8; 100];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut head)
            .unwrap();
        drop(child.stdout.take());
        let (code, _, err) = finish(child, 60);
        assert_eq!(code, 0, "--format {format}: {err}");
        assert_eq!(err, "", "--format {format}");
    }
}

#[test]
fn threads_are_capped_with_a_message_naming_the_flag() {
    let (code, _, err) = crux(&["analyze", "-", "--threads", "65535"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--threads") && err.contains("1..=256"),
        "{err}"
    );
    let (code, _, err) = crux(&["analyze", "-", "--threads", "256"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn documents_over_max_bytes_are_refused_by_name_and_the_others_analysed() {
    let dir = temp_dir("max-bytes");
    std::fs::write(dir.join("a-small.txt"), "Short. Fine.").unwrap();
    std::fs::write(dir.join("b-large.txt"), "Long sentence here. ".repeat(100)).unwrap();
    let (code, out, err) = crux(&[
        "analyze",
        dir.to_str().unwrap(),
        "-f",
        "jsonl",
        "--max-bytes",
        "1K",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["sentences"].is_array());
    assert!(lines[1]["error"].as_str().unwrap().contains("--max-bytes"));
    assert!(
        err.contains("b-large.txt: 2000 bytes, over the --max-bytes limit of 1024 bytes"),
        "{err}"
    );

    // Standard input has no size to ask: it is read up to the limit, then refused.
    let mut child = Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(["analyze", "-", "--max-bytes", "100"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(&[b'x'; 5000]);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("more than 100 bytes, over the --max-bytes limit"),
        "{err}"
    );

    // A JSON Lines record counts on its own: a long line is refused, the next one read.
    let records = dir.join("r.jsonl");
    let long = "word ".repeat(400);
    std::fs::write(
        &records,
        format!("{{\"id\": \"long\", \"text\": \"{long}\"}}\n{{\"id\": \"short\", \"text\": \"Fine.\"}}\n"),
    )
    .unwrap();
    let (code, out, err) = crux(&[
        "analyze",
        records.to_str().unwrap(),
        "-f",
        "jsonl",
        "--max-bytes",
        "1K",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        sources(&out),
        [format!("{}:1", records.display()), "short".to_owned()]
    );
    assert!(err.contains(":1: more than 1024 bytes"), "{err}");

    let (code, _, err) = crux(&["analyze", "-", "--max-bytes", "lots"]);
    assert_eq!(code, 2);
    assert!(err.contains("--max-bytes"), "{err}");

    // Spans are 32-bit offsets: the limit can be raised to 4 GiB - 1 and no further, and a
    // larger value is a usage error naming the limit, not a limit silently lowered.
    for too_large in ["4G", "4294967296", "5000M"] {
        let (code, _, err) = crux(&["analyze", "-", "--max-bytes", too_large]);
        assert_eq!(code, 2, "{too_large}");
        assert!(
            err.contains("--max-bytes") && err.contains("limit of 4294967295 bytes"),
            "{err}"
        );
    }
    let (code, out, _) = crux(&[
        "analyze",
        records.to_str().unwrap(),
        "-f",
        "jsonl",
        "--max-bytes",
        "4294967295",
    ]);
    assert_eq!(code, 0);
    assert_eq!(sources(&out), ["long", "short"]);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_and_without_one_named() {
    let dir = temp_dir("utf16");
    let text = "Officials said the plan “may fail”.";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(dir.join("le.txt"), &le).unwrap();
    std::fs::write(dir.join("be.txt"), &be).unwrap();
    let (code, out, err) = crux(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["text"], text);
    }
    assert!(err.contains("be.txt: decoded from UTF-16BE"), "{err}");
    assert!(err.contains("le.txt: decoded from UTF-16LE"), "{err}");

    std::fs::write(dir.join("le.txt"), &le[2..]).unwrap();
    let (code, _, err) = crux(&["analyze", dir.join("le.txt").to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        err.contains("looks like UTF-16LE text without a byte-order mark"),
        "{err}"
    );
}

#[test]
fn a_file_name_that_is_not_utf8_keeps_its_bytes() {
    use std::os::unix::ffi::OsStrExt;
    let dir = temp_dir("names");
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 \\ note.txt");
    if std::fs::write(dir.join(name), "One sentence.").is_err() {
        eprintln!("this file system refuses names that are not UTF-8: the test is skipped");
        return;
    }
    let (code, out, err) = crux(&["analyze", dir.to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        sources(&out),
        [format!("{}/caf\\xE9 \\\\ note.txt", dir.display())]
    );
    assert!(err.contains("is not UTF-8"), "{err}");
}

#[test]
fn repeated_ids_and_records_that_are_not_objects_are_told() {
    let dir = temp_dir("ids");
    let records = dir.join("r.jsonl");
    std::fs::write(
        &records,
        "{\"id\": \"x\", \"text\": \"One.\"}\n[1, 2]\n{\"id\": \"x\", \"text\": \"Two.\"}\n\"text\"\n",
    )
    .unwrap();
    let (code, out, err) = crux(&[
        "analyze",
        records.to_str().unwrap(),
        "-f",
        "jsonl",
        "-j",
        "2",
    ]);
    assert_eq!(code, 1);
    assert_eq!(out.lines().count(), 4);
    assert!(
        err.contains("r.jsonl:3: the id \"x\" was given to an earlier record too"),
        "{err}"
    );
    assert!(
        err.contains("line 2: the record is an array, not an object"),
        "{err}"
    );
    assert!(
        err.contains("line 4: the record is a string, not an object"),
        "{err}"
    );
}
