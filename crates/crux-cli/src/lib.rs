//! The `crux` command: reads articles, runs the parser and the analysis, prints reports.
//!
//! `main.rs` only parses arguments and calls [`run`], so everything here can be tested by
//! writing into a `Vec<u8>`.

#![forbid(unsafe_code)]

mod args;
mod eval;
mod html;
mod input;
mod markdown;
mod render;

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use crux_analysis::Lexicon;
use crux_parser::InputFormat;

pub use args::{
    AnalyzeArgs, Cli, Command, EvalArgs, EvalFormat, InputFormatArg, LexiconArgs, OutputFormat,
};
pub use crux_report::{analyze_text, analyze_text_with};
pub use eval::render_eval_text;
pub use html::{html_foot, html_head, render_html};
pub use markdown::render_markdown;
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
        Command::Lexicon(args) => load_lexicon(&args.lexicons).and_then(|lexicon| {
            out.write_all(lexicon.to_tsv().as_bytes())?;
            Ok(ExitStatus::Success)
        }),
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

/// The built-in lexicon with the users' files merged in, in order; the built-in one itself,
/// not a copy, when there are none. Errors name the file, the line and the reason.
fn load_lexicon(paths: &[PathBuf]) -> Result<Cow<'static, Lexicon>> {
    Ok(crux_report::load_lexicon(paths)?)
}

/// Articles per thread, and input bytes per thread, gathered before a batch is analysed: the
/// bound on what is held in memory at once, whatever the size of the corpus. Enough articles
/// per thread that the threads finish a batch at nearly the same time.
const BATCH_JOBS_PER_THREAD: usize = 32;
const BATCH_BYTES_PER_THREAD: usize = 1 << 20;
/// The most input bytes in one batch, however many threads: with its rendered output (about
/// four times the text) it stays near 20 MB, so that peak memory stays under 50 MB on any
/// machine.
const BATCH_BYTES_MAX: usize = 4 << 20;

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
        /// Its place among the jobs, from 1: the HTML report's ids are unique by it.
        n: usize,
        label: String,
        text: String,
        format: InputFormat,
    },
    /// One line of a JSON Lines input, parsed by the worker that analyses it.
    Record {
        n: usize,
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

/// What a job produced.
enum Done {
    /// A report, rendered on a worker thread.
    Rendered(Vec<u8>),
    /// A report not yet rendered, with its number: it is written straight to the output.
    Report(Box<Report>, usize),
    /// A failure.
    Failed(Failure),
}

/// A failed job: its line in JSON Lines output (else empty), and its message for standard
/// error.
struct Failure {
    line: Vec<u8>,
    message: String,
}

impl Failure {
    /// In JSON Lines output a failed input still gets its line, so that line `n` of the output
    /// answers input `n`; `source: None` gets none.
    fn new(format: OutputFormat, source: Option<&str>, message: String, error: &str) -> Failure {
        let line = match source {
            Some(source) if format == OutputFormat::Jsonl => {
                let mut line = serde_json::json!({ "source": source, "error": error }).to_string();
                line.push('\n');
                line.into_bytes()
            }
            _ => Vec::new(),
        };
        Failure { line, message }
    }
}

/// Writes a report in the chosen output format; `n` numbers it among the inputs.
fn write_report<W: Write>(
    format: OutputFormat,
    report: &Report,
    n: usize,
    out: &mut W,
) -> Result<()> {
    match format {
        OutputFormat::Text => render_text(report, out)?,
        OutputFormat::Markdown => render_markdown(report, out)?,
        OutputFormat::Html => render_html(report, n, out)?,
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            serde_json::to_writer(&mut *out, report)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// Analyses one job: its report, its number and the length of its text, or why it failed.
fn analyse(
    format: OutputFormat,
    job: Job,
    lexicon: &Lexicon,
) -> std::result::Result<(Report, usize, usize), Failure> {
    match job {
        Job::Failed {
            source,
            message,
            error,
        } => Err(Failure::new(format, source.as_deref(), message, &error)),
        Job::Article {
            n,
            label,
            text,
            format: input_format,
        } => Ok((
            analyze_text_with(&label, &text, input_format, lexicon),
            n,
            text.len(),
        )),
        Job::Record {
            n,
            label,
            line_number,
            line,
        } => {
            let record = input::record(&label, line_number, &line);
            match record.text {
                Ok(text) => Ok((
                    analyze_text_with(&record.id, &text, InputFormat::Text, lexicon),
                    n,
                    text.len(),
                )),
                Err(e) => Err(Failure::new(
                    format,
                    Some(&record.id),
                    format!("crux: error: {label}: {e:#}"),
                    &format!("{e:#}"),
                )),
            }
        }
    }
}

/// Analyses one job and renders its report, on a worker thread.
fn process(format: OutputFormat, job: Job, lexicon: &Lexicon) -> Done {
    let (report, n, text_len) = match analyse(format, job, lexicon) {
        Ok(r) => r,
        Err(failure) => return Done::Failed(failure),
    };
    // The JSON of an article is about four times its text: reserve that once rather than
    // grow the buffer a dozen times.
    let mut out = Vec::with_capacity(text_len.saturating_mul(4).saturating_add(4096));
    match write_report(format, &report, n, &mut out) {
        Ok(()) => Done::Rendered(out),
        Err(e) => Done::Failed(Failure::new(
            format,
            Some(&report.source),
            format!("crux: error: {}: {e:#}", report.source),
            &format!("{e:#}"),
        )),
    }
}

/// Gathers jobs into batches, analyses each batch on the thread pool, and writes the results
/// in input order.
struct Batches<'a> {
    format: OutputFormat,
    lexicon: &'a Lexicon,
    /// Jobs numbered so far.
    numbered: usize,
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
    fn push(&mut self, mut job: Job) -> Result<()> {
        if let Job::Article { n, .. } | Job::Record { n, .. } = &mut job {
            self.numbered += 1;
            *n = self.numbered;
        }
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
        let lexicon = self.lexicon;
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
                        .map(|job| process(format, job, lexicon))
                        .collect()
                })
            }
            // Without a pool (one thread asked for, or none to be had) the jobs are run one by
            // one on this thread, to the same output, each report written straight out rather
            // than held whole in memory.
            _ => {
                for job in jobs {
                    let done = match analyse(format, job, lexicon) {
                        Ok((report, n, _)) => Done::Report(Box::new(report), n),
                        Err(failure) => Done::Failed(failure),
                    };
                    self.write(done)?;
                }
                return Ok(());
            }
        };
        for done in done {
            self.write(done)?;
        }
        Ok(())
    }

    /// Writes what a job produced, in its place in the output.
    fn write(&mut self, done: Done) -> Result<()> {
        if let Done::Failed(failure) = &done {
            self.failed = true;
            writeln!(self.err, "{}", failure.message)?;
            self.out.write_all(&failure.line)?;
            return Ok(());
        }
        if self.written > 0 {
            match self.format {
                OutputFormat::Text => writeln!(self.out)?,
                OutputFormat::Markdown => writeln!(self.out, "\n---\n")?,
                _ => {}
            }
        }
        self.written += 1;
        match done {
            Done::Rendered(bytes) => self.out.write_all(&bytes)?,
            Done::Report(report, n) => {
                // serde writes in small pieces: into a buffer of a known type, not through
                // `dyn Write` piece by piece (a third of the cost of JSON output).
                let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *self.out);
                write_report(self.format, &report, n, &mut out)?;
                out.flush()?;
            }
            Done::Failed(_) => {}
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
    let lexicon = match load_lexicon(&args.lexicons) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "crux: error: {e:#}")?;
            return Ok(ExitStatus::Error);
        }
    };
    if args.format == OutputFormat::Html {
        html_head(out, "crux report")?;
    }
    let threads = thread_count(args.threads);
    let mut batches = Batches {
        format: args.format,
        lexicon: &lexicon,
        numbered: 0,
        threads,
        pool: None,
        jobs: Vec::new(),
        bytes: 0,
        max_jobs: BATCH_JOBS_PER_THREAD * threads,
        max_bytes: (BATCH_BYTES_PER_THREAD * threads).min(BATCH_BYTES_MAX),
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
    let failed = batches.failed;
    if args.format == OutputFormat::Html {
        html_foot(out)?;
    }
    Ok(if failed {
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
            n: 0,
            label,
            text,
            format,
        }),
        Reading::Records => {
            for (n, line) in text.lines().enumerate() {
                if !line.trim().is_empty() {
                    batches.push(Job::Record {
                        n: 0,
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
                n: 0,
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
