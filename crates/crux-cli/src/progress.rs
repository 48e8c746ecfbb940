//! What a batch says on standard error while it runs and when it ends: a progress line on a
//! terminal (indicatif) and a closing summary.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::ProgressArg;

/// Counts a batch's inputs as they are written out, and shows them.
pub(crate) struct Progress {
    /// The line drawn on standard error; `None` when progress is not shown.
    bar: Option<ProgressBar>,
    /// Whether the closing summary is printed.
    summary: bool,
    started: Instant,
    done: u64,
    failed: u64,
    bytes: u64,
}

impl Progress {
    /// Progress as `--progress` says: `auto` shows it when standard error is a terminal and
    /// `--quiet` is not given, and the reports do not go to the terminal themselves
    /// (`reports_to_terminal`): there they are the progress.
    pub(crate) fn new(arg: ProgressArg, quiet: bool, reports_to_terminal: bool) -> Progress {
        let show = match arg {
            ProgressArg::Never => false,
            ProgressArg::Always => !quiet,
            ProgressArg::Auto => !quiet && !reports_to_terminal && std::io::stderr().is_terminal(),
        };
        // indicatif draws only on a terminal, whatever is asked: a log file gets the summary.
        let bar = show.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(4));
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} analysed {msg} [{elapsed}]")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            summary: show,
            started: Instant::now(),
            done: 0,
            failed: 0,
            bytes: 0,
        }
    }

    /// An input of `bytes` bytes is to be analysed.
    pub(crate) fn queued(&mut self, bytes: usize) {
        self.bytes += bytes as u64;
    }

    /// An input was written out, or failed.
    pub(crate) fn finished(&mut self, failed: bool) {
        self.done += 1;
        self.failed += u64::from(failed);
        if let Some(bar) = &self.bar {
            if failed {
                bar.set_message(format!("· {} failed", self.failed));
            }
            bar.inc(1);
        }
    }

    /// How many inputs failed so far.
    pub(crate) fn failures(&self) -> usize {
        usize::try_from(self.failed).unwrap_or(usize::MAX)
    }

    /// Writes to standard error with the progress line cleared first, so that a message and
    /// the line never mix.
    pub(crate) fn suspend<T>(&self, f: impl FnOnce() -> T) -> T {
        match &self.bar {
            Some(bar) => bar.suspend(f),
            None => f(),
        }
    }

    /// Clears the progress line and prints the summary: inputs, failures, time and speed.
    pub(crate) fn finish(&self, err: &mut dyn Write) -> std::io::Result<()> {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
        if self.summary {
            writeln!(
                err,
                "{}",
                summary(self.done, self.failed, self.bytes, self.started.elapsed())
            )?;
        }
        Ok(())
    }
}

/// `crux: 12 inputs analysed, 1 failed, 0.4 MB in 0.21 s (1.9 MB/s)`.
fn summary(done: u64, failed: u64, bytes: u64, elapsed: Duration) -> String {
    let mb = bytes as f64 / 1e6;
    let secs = elapsed.as_secs_f64();
    let rate = if secs > 0.0 { mb / secs } else { 0.0 };
    format!(
        "crux: {done} {} analysed, {failed} failed, {mb:.1} MB in {secs:.2} s ({rate:.1} MB/s)",
        if done == 1 { "input" } else { "inputs" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_names_counts_and_speed() {
        assert_eq!(
            summary(12, 1, 3_000_000, Duration::from_secs(2)),
            "crux: 12 inputs analysed, 1 failed, 3.0 MB in 2.00 s (1.5 MB/s)"
        );
        assert_eq!(
            summary(1, 0, 0, Duration::ZERO),
            "crux: 1 input analysed, 0 failed, 0.0 MB in 0.00 s (0.0 MB/s)"
        );
    }
}
