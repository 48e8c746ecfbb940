//! What the tests that run the real `crux` binary share: running it, and a fresh folder.
//! Each test file uses what it needs (`mod common;`), so some items are unused in some.
#![allow(dead_code)]

pub(crate) mod inprocess;

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Runs `crux ARGS` with no standard input: its exit code, standard output and error.
pub(crate) fn crux(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(args)
        .output()
        .unwrap();
    decoded(&out)
}

/// Runs `crux ARGS` with `stdin` as its standard input.
pub(crate) fn crux_in(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crux"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // crux may exit before it reads standard input (a usage error): a broken pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    decoded(&child.wait_with_output().unwrap())
}

fn decoded(out: &std::process::Output) -> (i32, String, String) {
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

/// A fresh, empty folder for one test: `PREFIX-PID-NAME` in the system's temporary folder.
pub(crate) fn temp_dir(prefix: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("{prefix}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
