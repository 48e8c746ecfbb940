//! Runs a `crux` command line in this process, through the library's [`run`], as the binary
//! does after parsing: the tests that snapshot or compare outputs use it (the end-to-end tests of
//! the workspace root include this file by path).

use clap::Parser;
use crux_cli::{Cli, ExitStatus, run};

/// Runs `crux ARGS` in process: its status, standard output and standard error as bytes.
///
/// # Panics
///
/// When `args` is not a valid command line: a test's own mistake.
pub(crate) fn crux_bytes(args: &[&str]) -> (ExitStatus, Vec<u8>, Vec<u8>) {
    let cli = Cli::try_parse_from(std::iter::once("crux").chain(args.iter().copied()))
        .unwrap_or_else(|e| panic!("{args:?}: {e}"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run(&cli, &mut out, &mut err);
    (status, out, err)
}

/// Runs `crux ARGS` in process: its status, standard output and standard error as text.
pub(crate) fn crux_text(args: &[&str]) -> (ExitStatus, String, String) {
    let (status, out, err) = crux_bytes(args);
    (
        status,
        String::from_utf8(out).expect("output is UTF-8"),
        String::from_utf8(err).expect("errors are UTF-8"),
    )
}
