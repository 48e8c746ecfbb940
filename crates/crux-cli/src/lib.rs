//! The `crux` command: reads articles, runs the parser and the analysis, prints reports.
//!
//! `main.rs` only parses arguments and calls [`run`], so everything here can be tested by
//! writing into a `Vec<u8>`.

#![forbid(unsafe_code)]

mod args;
mod eval;
mod input;
mod render;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use crux_parser::InputFormat;

pub use args::{AnalyzeArgs, Cli, Command, EvalArgs, EvalFormat, InputFormatArg, OutputFormat};
pub use eval::render_eval_text;
pub use render::{Report, json_schema, render_text};

use input::{Origin, Reading};

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Every input was analysed.
    Success,
    /// At least one input could not be read or analysed; the others were.
    InputFailed,
    /// The command line asked for something impossible, or output could not be written.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::InputFailed => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// Runs a parsed command line, writing results to `out` and errors to `err`.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus {
    let result = match &cli.command {
        Command::Analyze(args) => analyze_command(args, out, err),
        Command::Schema => writeln!(out, "{}", json_schema())
            .map(|()| ExitStatus::Success)
            .map_err(anyhow::Error::from),
        Command::Eval(args) => eval::eval_command(args, out, err),
    };
    match result {
        Ok(status) => status,
        Err(e) if is_broken_pipe(&e) => ExitStatus::Success,
        Err(e) => {
            let _ = writeln!(err, "crux: error: {e:#}");
            ExitStatus::Error
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Analyses one article's text.
#[must_use]
pub fn analyze_text(source: &str, text: &str, format: InputFormat) -> Report {
    let parsed = crux_parser::parse_as(text, format);
    let analysis = crux_analysis::analyze(parsed.document);
    Report::new(source, analysis, parsed.diagnostics)
}

/// Articles per thread, and input bytes per thread, gathered before a batch is analysed: the
/// bound on what is held in memory at once, whatever the size of the corpus.
const BATCH_JOBS_PER_THREAD: usize = 32;
const BATCH_BYTES_PER_THREAD: usize = 1 << 20;

/// One unit of work, in input order.
enum Job {
    /// An input that failed before it could be analysed.
    Failed {
        /// The `source` of its JSON Lines failure line; `None` writes none.
        source: Option<String>,
        /// The message for standard error.
        message: String,
        /// The error, for the failure line.
        error: String,
    },
    /// A whole article.
    Article {
        label: String,
        text: String,
        format: InputFormat,
    },
    /// One line of a JSON Lines input, parsed by the worker that analyses it.
    Record {
        label: String,
        line_number: usize,
        line: String,
    },
}

impl Job {
    fn failed(source: Option<&str>, error: &anyhow::Error) -> Job {
        Job::Failed {
            source: source.map(str::to_owned),
            message: format!("crux: error: {error:#}"),
            error: format!("{error:#}"),
        }
    }

    fn size(&self) -> usize {
        match self {
            Job::Failed { .. } => 0,
            Job::Article { text, .. } => text.len(),
            Job::Record { line, .. } => line.len(),
        }
    }
}

/// What a job produced: its output, rendered.
struct Done {
    /// The bytes for standard output: a report, a failure line, or nothing.
    out: Vec<u8>,
    /// Whether `out` is a report (text reports are set apart by a blank line).
    report: bool,
    /// The message for standard error when it failed.
    error: Option<String>,
}

/// Renders a report in the chosen output format.
fn render(format: OutputFormat, report: &Report, text_len: usize) -> Result<Vec<u8>> {
    // The JSON of an article is about four times its text: reserve that once rather than
    // grow the buffer a dozen times.
    let mut out = Vec::with_capacity(text_len.saturating_mul(4).saturating_add(4096));
    match format {
        OutputFormat::Text => render_text(report, &mut out)?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, report)?;
            out.push(b'\n');
        }
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut out, report)?;
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// In JSON Lines output a failed input still gets its line, so that line `n` of the output
/// answers input `n`.
fn failure_line(format: OutputFormat, source: &str, error: &str) -> Vec<u8> {
    if format != OutputFormat::Jsonl {
        return Vec::new();
    }
    let mut line = serde_json::json!({ "source": source, "error": error }).to_string();
    line.push('\n');
    line.into_bytes()
}

/// Runs one job: analyses and renders it.
fn process(format: OutputFormat, job: Job) -> Done {
    let failed = |source: Option<&str>, message: String, error: &str| Done {
        out: source.map_or_else(Vec::new, |s| failure_line(format, s, error)),
        report: false,
        error: Some(message),
    };
    let (source, text, input_format) = match job {
        Job::Failed {
            source,
            message,
            error,
        } => return failed(source.as_deref(), message, &error),
        Job::Article {
            label,
            text,
            format,
        } => (label, text, format),
        Job::Record {
            label,
            line_number,
            line,
        } => {
            let record = input::record(&label, line_number, &line);
            match record.text {
                Ok(text) => (record.id, text, InputFormat::Text),
                Err(e) => {
                    let message = format!("crux: error: {label}: {e:#}");
                    return failed(Some(&record.id), message, &format!("{e:#}"));
                }
            }
        }
    };
    match render(
        format,
        &analyze_text(&source, &text, input_format),
        text.len(),
    ) {
        Ok(out) => Done {
            out,
            report: true,
            error: None,
        },
        Err(e) => failed(
            Some(&source),
            format!("crux: error: {source}: {e:#}"),
            &format!("{e:#}"),
        ),
    }
}

/// Gathers jobs into batches, analyses each batch on the thread pool, and writes the results
/// in input order.
struct Batches<'a> {
    format: OutputFormat,
    threads: usize,
    pool: Option<rayon::ThreadPool>,
    jobs: Vec<Job>,
    bytes: usize,
    max_jobs: usize,
    max_bytes: usize,
    out: &'a mut dyn Write,
    err: &'a mut dyn Write,
    written: usize,
    failed: bool,
}

impl Batches<'_> {
    fn push(&mut self, job: Job) -> Result<()> {
        self.bytes += job.size();
        self.jobs.push(job);
        if self.jobs.len() >= self.max_jobs || self.bytes >= self.max_bytes {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let jobs = std::mem::take(&mut self.jobs);
        self.bytes = 0;
        let format = self.format;
        // The pool is made when a batch first has work for more than one thread: one article
        // (the common command line) starts no threads.
        if self.threads > 1 && jobs.len() > 1 && self.pool.is_none() {
            self.pool = rayon::ThreadPoolBuilder::new()
                .num_threads(self.threads)
                .build()
                .ok();
        }
        let done: Vec<Done> = match &self.pool {
            Some(pool) if jobs.len() > 1 => {
                use rayon::prelude::*;
                pool.install(|| {
                    jobs.into_par_iter()
                        .with_max_len(1)
                        .map(|job| process(format, job))
                        .collect()
                })
            }
            // Without a pool (one thread asked for, or none to be had) the jobs are run one by
            // one on this thread, to the same output.
            _ => jobs.into_iter().map(|job| process(format, job)).collect(),
        };
        for done in done {
            if let Some(message) = &done.error {
                self.failed = true;
                writeln!(self.err, "{message}")?;
            }
            if done.report {
                if self.format == OutputFormat::Text && self.written > 0 {
                    writeln!(self.out)?;
                }
                self.written += 1;
            }
            self.out.write_all(&done.out)?;
        }
        Ok(())
    }
}

/// The number of threads to analyse with: the one asked for, else one per core.
fn thread_count(asked: Option<u16>) -> usize {
    asked.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    )
}

fn analyze_command(
    args: &AnalyzeArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let origins = input::expand(&args.paths);
    let records_possible = args.input_format == Some(InputFormatArg::Jsonl)
        || origins.iter().any(|o| {
            matches!(o, Ok(Origin::File(p)) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")))
        });
    if args.format == OutputFormat::Json && (origins.len() != 1 || records_possible) {
        writeln!(
            err,
            "crux: error: --format json prints one article; use --format jsonl for several inputs or JSON Lines records"
        )?;
        return Ok(ExitStatus::Error);
    }
    let threads = thread_count(args.threads);
    let mut batches = Batches {
        format: args.format,
        threads,
        pool: None,
        jobs: Vec::new(),
        bytes: 0,
        max_jobs: BATCH_JOBS_PER_THREAD * threads,
        max_bytes: BATCH_BYTES_PER_THREAD * threads,
        out,
        err,
        written: 0,
        failed: false,
    };
    for origin in origins {
        match origin {
            Ok(origin) => add_origin(&origin, args, &mut batches)?,
            Err(e) => batches.push(Job::failed(None, &e))?,
        }
    }
    batches.flush()?;
    Ok(if batches.failed {
        ExitStatus::InputFailed
    } else {
        ExitStatus::Success
    })
}

/// Adds the jobs of one input: the article, or each of its JSON Lines records, read line by
/// line so that a corpus of any size is never held whole.
fn add_origin(origin: &Origin, args: &AnalyzeArgs, batches: &mut Batches<'_>) -> Result<()> {
    let label = origin.label();
    if input::known_reading(origin, args.input_format) == Some(Reading::Records) {
        return add_records(origin, label, batches);
    }
    let text = match input::read_bytes(origin).and_then(|bytes| input::decode(&label, bytes)) {
        Ok(t) => t,
        Err(e) => return batches.push(Job::failed(Some(&label), &e)),
    };
    match input::reading(origin, args.input_format, &text) {
        Reading::Article(format) => batches.push(Job::Article {
            label,
            text,
            format,
        }),
        Reading::Records => {
            for (n, line) in text.lines().enumerate() {
                if !line.trim().is_empty() {
                    batches.push(Job::Record {
                        label: label.clone(),
                        line_number: n + 1,
                        line: line.to_owned(),
                    })?;
                }
            }
            Ok(())
        }
    }
}

fn add_records(origin: &Origin, label: String, batches: &mut Batches<'_>) -> Result<()> {
    let mut reader = match input::open(origin) {
        Ok(r) => r,
        Err(e) => return batches.push(Job::failed(Some(&label), &e)),
    };
    let mut bytes = Vec::new();
    let mut offset = 0;
    let mut line_number = 0;
    loop {
        let start = offset;
        match input::next_line(&mut *reader, &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(read) => offset += read,
            Err(e) => {
                let e = anyhow::Error::new(e).context(format!("reading {label}"));
                return batches.push(Job::failed(Some(&label), &e));
            }
        }
        line_number += 1;
        match std::str::from_utf8(&bytes) {
            Ok(line) if line.trim().is_empty() => {}
            Ok(line) => batches.push(Job::Record {
                label: label.clone(),
                line_number,
                line: line.to_owned(),
            })?,
            Err(e) => {
                let at = start + e.valid_up_to();
                let error = format!(
                    "line {line_number}: invalid UTF-8 at byte {at}; crux reads UTF-8 text"
                );
                batches.push(Job::Failed {
                    source: Some(format!("{label}:{line_number}")),
                    message: format!("crux: error: {label}: {error}"),
                    error,
                })?;
            }
        }
    }
}
