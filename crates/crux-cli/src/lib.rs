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
mod outdir;
mod progress;
mod render;
mod summarize;
#[cfg(test)]
mod test_support;

use std::borrow::Cow;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use crux_analysis::Lexicon;
use crux_parser::InputFormat;

pub use args::{
    AnalyzeArgs, Cli, ColorArg, Command, CompletionsArgs, EncodingArg, EvalArgs, EvalFormat,
    InputFormatArg, LexiconArgs, OutputFormat, ProgressArg, SchemaArgs,
};
pub use crux_report::{analyze_text, analyze_text_with};
pub use eval::render_eval_text;
pub use html::{html_foot, html_head, render_html};
pub use markdown::render_markdown;
pub use render::{Report, TextOptions, json_schema, render_text, render_text_with};

use input::{Found, Origin, Reading};

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
        Command::Analyze(args) => analyze_command(args, cli.quiet, out, err),
        Command::Schema(args) => writeln!(
            out,
            "{}",
            if args.jsonl {
                jsonl_schema()
            } else {
                json_schema()
            }
        )
        .map(|()| ExitStatus::Success)
        .map_err(anyhow::Error::from),
        Command::Eval(args) => eval::eval_command(args, out, err),
        Command::Summarize(args) => summarize::summarize_command(args, cli.quiet, out, err),
        Command::Completions(args) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            // Into a buffer first: clap_complete panics when its writer fails (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut cmd, "crux", &mut script);
            out.write_all(&script)
                .map(|()| ExitStatus::Success)
                .map_err(anyhow::Error::from)
        }
        Command::Man => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd)
                .render(out)
                .map(|()| ExitStatus::Success)
                .map_err(anyhow::Error::from)
        }
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

/// The JSON Schema of one line of `--format jsonl` output: the report of `crux schema`, or
/// the error line an input or record that failed gets.
#[must_use]
pub fn jsonl_schema() -> String {
    let mut report: serde_json::Value =
        serde_json::from_str(&json_schema()).unwrap_or(serde_json::Value::Null);
    let defs = report
        .as_object_mut()
        .and_then(|o| o.remove("$defs"))
        .unwrap_or_else(|| serde_json::json!({}));
    if let Some(o) = report.as_object_mut() {
        o.remove("$schema");
    }
    let mut defs = match defs {
        serde_json::Value::Object(map) => map,
        _ => serde_json::Map::new(),
    };
    defs.insert("Report".to_owned(), report);
    defs.insert(
        "ErrorLine".to_owned(),
        serde_json::json!({
            "description": "An input or record that could not be read or analysed: its line \
                            in the output, so that line n of the output answers input n.",
            "type": "object",
            "properties": {
                "source": {
                    "description": "The record's id, the path given, or FILE:LINE.",
                    "type": "string"
                },
                "error": {
                    "description": "Why it failed, as standard error says.",
                    "type": "string"
                }
            },
            "required": ["source", "error"],
            "additionalProperties": false
        }),
    );
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "crux JSON Lines output line, output contract version 1",
        "oneOf": [
            { "$ref": "#/$defs/Report" },
            { "$ref": "#/$defs/ErrorLine" }
        ],
        "$defs": defs
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// Whether writing failed because the reader went away (`crux … | head`): that is success.
/// serde_json wraps the I/O error in its own, whose `source` skips it, so its kind is asked
/// too.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// What analyses one article, taking its text: [`crux_report::analyze_owned_with`], or in
/// tests one that fails on purpose.
type Analyser = fn(&str, String, InputFormat, &Lexicon) -> Report;

/// Runs `f` behind a panic boundary: a panic becomes an error naming `label`, so that one
/// input that trips a bug costs its own report only. (The panic's message and place are also
/// printed on standard error by the panic hook, for a bug report.)
fn isolated<T>(label: &str, f: impl FnOnce() -> T) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_owned());
        anyhow::anyhow!(
            "{label}: crux failed on this input (an internal error: {what}); the other inputs \
             are reported; please report this one"
        )
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
    /// A warning for standard error, in its place among the inputs' messages.
    Warning(String),
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
            Job::Failed { .. } | Job::Warning(_) => 0,
            Job::Article { text, .. } => text.len(),
            Job::Record { line, .. } => line.len(),
        }
    }
}

/// What a job produced.
enum Done {
    /// A report, rendered on a worker thread; for a JSON Lines record, where it stands; what
    /// the index page says of it (its `source` is the record's id).
    Rendered(Vec<u8>, Option<String>, Box<outdir::Entry>),
    /// A report not yet rendered, with its number: it is written straight to the output; for
    /// a JSON Lines record, where it stands.
    Report(Box<Report>, usize, Option<String>),
    /// A failure.
    Failed(Failure),
    /// A warning.
    Warning(String),
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
    text: TextOptions,
    report: &Report,
    n: usize,
    out: &mut W,
) -> Result<()> {
    match format {
        OutputFormat::Text => render_text_with(report, text, out)?,
        OutputFormat::Markdown => render_markdown(report, out)?,
        OutputFormat::Html => render_html(report, n, out)?,
        OutputFormat::Json => {
            crux_report::write_pretty(out, report)?;
            writeln!(out)?;
        }
        OutputFormat::Jsonl => {
            crux_report::write_compact(out, report)?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// How jobs are analysed: the same for every job of a run.
#[derive(Clone, Copy)]
struct Analysis<'a> {
    format: OutputFormat,
    /// How a text report is laid out.
    text: TextOptions,
    lexicon: &'a Lexicon,
    analyser: Analyser,
}

/// What analysing a job gave.
enum Analysed {
    /// Its report, its number, the length of its text, and for a JSON Lines record where it
    /// stands (`file:line`).
    Report(Box<Report>, usize, usize, Option<String>),
    Failed(Failure),
    Warning(String),
}

impl Analysis<'_> {
    /// The failure of an input named `source`, for its JSON Lines line and standard error.
    fn failure(&self, source: &str, e: &anyhow::Error) -> Failure {
        Failure::new(
            self.format,
            Some(source),
            format!("crux: error: {e:#}"),
            &format!("{e:#}"),
        )
    }

    /// Analyses one job, behind a panic boundary.
    fn analyse(&self, job: Job) -> Analysed {
        let analyser = self.analyser;
        let lexicon = self.lexicon;
        match job {
            Job::Failed {
                source,
                message,
                error,
            } => Analysed::Failed(Failure::new(
                self.format,
                source.as_deref(),
                message,
                &error,
            )),
            Job::Warning(message) => Analysed::Warning(message),
            Job::Article {
                n,
                label,
                text,
                format,
            } => {
                let len = text.len();
                match isolated(&label, || analyser(&label, text, format, lexicon)) {
                    Ok(report) => Analysed::Report(Box::new(report), n, len, None),
                    Err(e) => Analysed::Failed(self.failure(&label, &e)),
                }
            }
            Job::Record {
                n,
                label,
                line_number,
                line,
            } => {
                let record = input::record(&label, line_number, &line);
                match record.text {
                    Ok(text) => {
                        let at = format!("{label}:{line_number}");
                        let named = format!("{at} (id {})", record.id);
                        let len = text.len();
                        match isolated(&named, || {
                            analyser(&record.id, text, InputFormat::Text, lexicon)
                        }) {
                            Ok(report) => Analysed::Report(Box::new(report), n, len, Some(at)),
                            Err(e) => Analysed::Failed(self.failure(&record.id, &e)),
                        }
                    }
                    Err(e) => Analysed::Failed(Failure::new(
                        self.format,
                        Some(&record.id),
                        format!("crux: error: {label}: {e:#}"),
                        &format!("{e:#}"),
                    )),
                }
            }
        }
    }

    /// Analyses one job and renders its report, on a worker thread; a panic while rendering
    /// is caught too.
    fn process(&self, job: Job) -> Done {
        let (report, n, text_len, at) = match self.analyse(job) {
            Analysed::Report(report, n, len, at) => (report, n, len, at),
            Analysed::Failed(failure) => return Done::Failed(failure),
            Analysed::Warning(message) => return Done::Warning(message),
        };
        let (format, text) = (self.format, self.text);
        let rendered = isolated(&report.source, || {
            // The JSON of an article is about four times its text: reserve that once rather
            // than grow the buffer a dozen times.
            let mut out = Vec::with_capacity(text_len.saturating_mul(4).saturating_add(4096));
            write_report(format, text, &report, n, &mut out).map(|()| out)
        })
        .and_then(|r| r);
        match rendered {
            Ok(out) => Done::Rendered(out, at, Box::new(outdir::Entry::of(&report))),
            Err(e) => Done::Failed(self.failure(&report.source, &e)),
        }
    }
}

/// Gathers jobs into batches, analyses each batch on the thread pool, and writes the results
/// in input order.
struct Batches<'a> {
    format: OutputFormat,
    analysis: Analysis<'a>,
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
    /// `--quiet`: warnings are not printed.
    quiet: bool,
    /// `--errors-as-records` with JSON Lines output: a failure answered by its error line
    /// does not fail the run.
    errors_as_records: bool,
    /// The progress line and summary on standard error.
    progress: progress::Progress,
    /// `--output-dir`: each report goes to its own file there, not to `out`.
    output_dir: Option<PathBuf>,
    /// The reports written there, for the index page.
    index: Vec<(PathBuf, outdir::Entry)>,
    /// Hashes of the JSON Lines record ids met so far.
    ids: std::collections::HashSet<(u64, u64)>,
}

impl Batches<'_> {
    fn push(&mut self, mut job: Job) -> Result<()> {
        if let Job::Article { n, .. } | Job::Record { n, .. } = &mut job {
            self.numbered += 1;
            *n = self.numbered;
        }
        self.bytes += job.size();
        self.progress.queued(job.size());
        self.jobs.push(job);
        if self.jobs.len() >= self.max_jobs || self.bytes >= self.max_bytes {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let jobs = std::mem::take(&mut self.jobs);
        self.bytes = 0;
        let analysis = self.analysis;
        // The pool is made when a batch first has work for more than one thread: one article
        // (the common command line) starts no threads.
        if self.threads > 1 && jobs.len() > 1 && self.pool.is_none() {
            self.pool = rayon::ThreadPoolBuilder::new()
                .num_threads(self.threads)
                .build()
                .ok();
        }
        if jobs.len() > 1
            && let Some(pool) = self.pool.take()
        {
            let written = self.write_in_order(&pool, jobs, analysis);
            self.pool = Some(pool);
            return written;
        }
        // Without a pool (one thread asked for, or none to be had) the jobs are run one by one
        // on this thread, to the same output, each report written straight out rather than
        // held whole in memory.
        for job in jobs {
            let done = match analysis.analyse(job) {
                Analysed::Report(report, n, _, at) => Done::Report(report, n, at),
                Analysed::Failed(failure) => Done::Failed(failure),
                Analysed::Warning(message) => Done::Warning(message),
            };
            self.write(done)?;
        }
        // What was found is printed as each batch is done, not when the run ends: a run
        // stopped or stuck later loses nothing already analysed.
        self.out.flush()?;
        Ok(())
    }

    /// Analyses a batch on the pool and writes each result as soon as it and every one
    /// before it are done: in input order, a slow article holding back only those after it,
    /// and never more than one batch ahead of the output (the bounded look-ahead).
    fn write_in_order(
        &mut self,
        pool: &rayon::ThreadPool,
        jobs: Vec<Job>,
        analysis: Analysis<'_>,
    ) -> Result<()> {
        use rayon::prelude::*;
        let (tx, rx) = std::sync::mpsc::channel::<(usize, Done)>();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                pool.install(|| {
                    jobs.into_par_iter()
                        .enumerate()
                        .with_max_len(1)
                        .for_each_with(tx, |tx, (i, job)| {
                            // The receiver is gone only when writing failed: then the rest of
                            // the batch is not wanted.
                            let _ = tx.send((i, analysis.process(job)));
                        });
                });
            });
            // Owned here, so that an error below drops it and the workers' sends fail fast.
            let rx = rx;
            let mut pending = std::collections::BTreeMap::new();
            let mut next = 0;
            while let Ok(first) = rx.recv() {
                pending.insert(first.0, first.1);
                while let Ok((i, done)) = rx.try_recv() {
                    pending.insert(i, done);
                }
                while let Some(done) = pending.remove(&next) {
                    self.write(done)?;
                    next += 1;
                }
                self.out.flush()?;
            }
            Ok(())
        })
    }

    /// Writes one report into the `--output-dir` folder, whole or not at all, and keeps its
    /// entry for the index page. A report that cannot be written fails that input only.
    fn emit(&mut self, bytes: Vec<u8>, entry: outdir::Entry) -> Result<()> {
        let Some(dir) = &self.output_dir else {
            return Ok(());
        };
        let relative = outdir::relative_path(&entry.source, self.format);
        let bytes = if self.format == OutputFormat::Html {
            let mut page = Vec::with_capacity(bytes.len() + 4096);
            html_head(&mut page, &entry.source)?;
            page.extend_from_slice(&bytes);
            html_foot(&mut page)?;
            page
        } else {
            bytes
        };
        match outdir::write_atomic(&dir.join(&relative), &bytes) {
            Ok(()) => self.index.push((relative, entry)),
            Err(e) => {
                self.failed = true;
                writeln!(self.err, "crux: error: {e:#}")?;
            }
        }
        Ok(())
    }

    /// Warns when a JSON Lines record's id was met before in this run: the output's `source`
    /// is the id, so two records with one id cannot be told apart there. Ids are kept as
    /// 128-bit hashes, so that a corpus of millions of records costs megabytes, not its ids.
    fn check_id(&mut self, id: &str, at: &str) -> Result<()> {
        use std::hash::{Hash, Hasher};
        let half = |salt: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            salt.hash(&mut h);
            id.hash(&mut h);
            h.finish()
        };
        if !self.ids.insert((half(0), half(1))) && !self.quiet {
            writeln!(
                self.err,
                "crux: warning: {at}: the id {} was given to an earlier record too",
                serde_json::Value::from(id)
            )?;
        }
        Ok(())
    }

    /// Writes what a job produced, in its place in the output.
    fn write(&mut self, done: Done) -> Result<()> {
        match &done {
            Done::Failed(failure) => {
                // With --errors-as-records, a failure answered by its own line fails no run.
                if !self.errors_as_records || failure.line.is_empty() {
                    self.failed = true;
                }
                self.progress.finished(true);
                let err = &mut *self.err;
                self.progress
                    .suspend(|| writeln!(err, "{}", failure.message))?;
                if self.output_dir.is_none() {
                    self.out.write_all(&failure.line)?;
                }
                return Ok(());
            }
            Done::Warning(message) => {
                if !self.quiet {
                    let err = &mut *self.err;
                    self.progress.suspend(|| writeln!(err, "{message}"))?;
                }
                return Ok(());
            }
            Done::Rendered(..) | Done::Report(..) => {}
        }
        if self.written > 0 && self.output_dir.is_none() {
            match self.format {
                OutputFormat::Text => writeln!(self.out)?,
                OutputFormat::Markdown => writeln!(self.out, "\n---\n")?,
                _ => {}
            }
        }
        self.written += 1;
        self.progress.finished(false);
        match done {
            Done::Rendered(bytes, at, entry) => {
                if let Some(at) = at {
                    self.check_id(&entry.source, &at)?;
                }
                if self.output_dir.is_some() {
                    self.emit(bytes, *entry)?;
                } else {
                    self.out.write_all(&bytes)?;
                }
            }
            Done::Report(report, n, at) => {
                if let Some(at) = at {
                    self.check_id(&report.source, &at)?;
                }
                if self.output_dir.is_some() {
                    let text = self.analysis.text;
                    let mut bytes = Vec::new();
                    let written = isolated(&report.source, || {
                        write_report(self.format, text, &report, n, &mut bytes)
                    });
                    match written {
                        Ok(written) => {
                            written?;
                            self.emit(bytes, outdir::Entry::of(&report))?;
                        }
                        Err(e) => {
                            self.failed = true;
                            writeln!(self.err, "crux: error: {e:#}")?;
                        }
                    }
                    return Ok(());
                }
                // serde writes in small pieces: into a buffer of a known type, not through
                // `dyn Write` piece by piece (a third of the cost of JSON output).
                let (format, text) = (self.format, self.analysis.text);
                let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut *self.out);
                // A panic while rendering is caught here too, though what was written of the
                // report before it stays written.
                let written = isolated(&report.source, || {
                    write_report(format, text, &report, n, &mut out)
                });
                match written {
                    Ok(written) => written?,
                    Err(e) => {
                        self.failed = true;
                        writeln!(self.err, "crux: error: {e:#}")?;
                    }
                }
                out.flush()?;
            }
            Done::Failed(_) | Done::Warning(_) => {}
        }
        Ok(())
    }
}

/// How the text report is laid out: colour as `--color` says (`auto`: standard output is a
/// terminal and NO_COLOR is not set), fitted to `--width`, else to the terminal, else 100
/// columns.
fn text_options(args: &AnalyzeArgs) -> TextOptions {
    let stdout = std::io::stdout();
    // Reports written to files (--output-dir) are not for this terminal.
    let to_terminal = args.output_dir.is_none();
    let color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            to_terminal
                && anstream::AutoStream::<std::io::Stdout>::choice(&stdout)
                    != anstream::ColorChoice::Never
        }
    };
    let width = args.width.map_or_else(
        || {
            terminal_size::terminal_size_of(&stdout)
                .filter(|_| to_terminal)
                .map_or(TextOptions::default().width, |(w, _)| usize::from(w.0))
        },
        usize::from,
    );
    TextOptions { color, width }
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
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    analyze_command_with(args, quiet, out, err, crux_report::analyze_owned_with)
}

fn analyze_command_with(
    args: &AnalyzeArgs,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    analyser: Analyser,
) -> Result<ExitStatus> {
    if let Err(e) = input::check_globs(&args.globs) {
        writeln!(err, "crux: error: {e:#}")?;
        return Ok(ExitStatus::Error);
    }
    let mut found: Box<dyn Iterator<Item = Found>> =
        Box::new(input::expand(&args.paths, &args.globs));
    if args.format == OutputFormat::Json && args.output_dir.is_none() {
        // One article only: the inputs are counted first (a folder's files are listed whole).
        let all: Vec<Found> = found.collect();
        let inputs = all
            .iter()
            .filter(|f| !matches!(f, Found::Skipped(_)))
            .count();
        let records_possible = args.input_format == Some(InputFormatArg::Jsonl)
            || all.iter().any(|f| {
                matches!(f, Found::Input(Origin::File(p)) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl")))
            });
        if inputs != 1 || records_possible {
            writeln!(
                err,
                "crux: error: --format json prints one article; use --format jsonl for several inputs or JSON Lines records"
            )?;
            return Ok(ExitStatus::Error);
        }
        found = Box::new(all.into_iter());
    }
    let lexicon = match load_lexicon(&args.lexicons) {
        Ok(l) => l,
        Err(e) => {
            writeln!(err, "crux: error: {e:#}")?;
            return Ok(ExitStatus::Error);
        }
    };
    if args.format == OutputFormat::Html && args.output_dir.is_none() {
        html_head(out, "crux report")?;
    }
    let threads = thread_count(args.threads);
    let mut batches = Batches {
        format: args.format,
        analysis: Analysis {
            format: args.format,
            text: text_options(args),
            lexicon: &lexicon,
            analyser,
        },
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
        quiet,
        errors_as_records: args.errors_as_records && args.format == OutputFormat::Jsonl,
        output_dir: args.output_dir.clone(),
        index: Vec::new(),
        progress: progress::Progress::new(
            args.progress,
            quiet,
            args.output_dir.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()),
        ),
        ids: std::collections::HashSet::new(),
    };
    for found in found {
        match found {
            Found::Input(origin) => add_origin(&origin, args, &mut batches)?,
            Found::Error(e) => batches.push(Job::failed(None, &e))?,
            Found::Skipped(message) => batches.push(Job::Warning(message))?,
        }
    }
    batches.flush()?;
    if let Some(dir) = &args.output_dir {
        if args.format == OutputFormat::Html {
            let failures = batches.progress.failures();
            let page = outdir::index_page(&batches.index, failures);
            if let Err(e) = outdir::write_atomic(&dir.join("index.html"), page.as_bytes()) {
                batches.failed = true;
                writeln!(batches.err, "crux: error: {e:#}")?;
            }
        }
        if !quiet {
            let err = &mut *batches.err;
            let n = batches.index.len();
            batches.progress.suspend(|| {
                writeln!(
                    err,
                    "crux: {} written to {}{}",
                    render::plural(n, "report", "reports"),
                    dir.display(),
                    if args.format == OutputFormat::Html {
                        ", with index.html"
                    } else {
                        ""
                    }
                )
            })?;
        }
    }
    batches.progress.finish(batches.err)?;
    let failed = batches.failed;
    if args.format == OutputFormat::Html && args.output_dir.is_none() {
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
    if origin.label_is_escaped() {
        batches.push(Job::Warning(format!(
            "crux: warning: the file name {label} is not UTF-8: its source writes each byte \
             that is not as \\xNN (and a backslash as \\\\)"
        )))?;
    }
    // Reading standard input or a pipe may wait for a writer: what was analysed so far is
    // printed first, so that a stalled input never holds back the others' results.
    if input::may_block(origin) {
        batches.flush()?;
    }
    if input::known_reading(origin, args.input_format) == Some(Reading::Records) {
        return add_records(origin, label, args.max_bytes, batches);
    }
    // Standard input without --input-format: JSON Lines records are told by their first line,
    // then streamed line by line like a .jsonl file (not read whole first).
    if *origin == Origin::Stdin && args.input_format.is_none() {
        let mut reader = match input::open(origin) {
            Ok(r) => r,
            Err(e) => return batches.push(Job::failed(Some(&label), &e)),
        };
        match input::sniff_records(&mut reader) {
            Ok(true) => return add_records_from(origin, label, reader, args.max_bytes, batches),
            Ok(false) => {
                let bytes = input::read_rest(reader, &label, args.max_bytes);
                return add_article(origin, label, bytes, args, batches);
            }
            Err(e) => {
                let e = anyhow::Error::new(e).context(format!("reading {label}"));
                return batches.push(Job::failed(Some(&label), &e));
            }
        }
    }
    let bytes = input::read_bytes(origin, &label, args.max_bytes);
    add_article(origin, label, bytes, args, batches)
}

/// Adds one input read whole: an article, or JSON Lines records when its content says so.
fn add_article(
    origin: &Origin,
    label: String,
    bytes: Result<Vec<u8>>,
    args: &AnalyzeArgs,
    batches: &mut Batches<'_>,
) -> Result<()> {
    let decoded = match bytes.and_then(|bytes| match args.encoding {
        Some(encoding) => input::decode_as(&label, bytes, encoding),
        None => input::decode(&label, bytes),
    }) {
        Ok(d) => d,
        Err(e) => return batches.push(Job::failed(Some(&label), &e)),
    };
    if let Some(note) = decoded.note {
        batches.push(Job::Warning(note))?;
    }
    let text = decoded.text;
    match input::reading(origin, args.input_format, &text) {
        Reading::Article(format) => batches.push(Job::Article {
            n: 0,
            label,
            text,
            format,
        }),
        Reading::Records => {
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    batches.push(blank_line(&label, n + 1))?;
                } else {
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

/// A blank line of a JSON Lines input: answered by an error line, so that line `n` of the
/// output still answers line `n` of the input.
fn blank_line(label: &str, line_number: usize) -> Job {
    let error = format!("line {line_number}: a blank line, not a record");
    Job::Failed {
        source: Some(format!("{label}:{line_number}")),
        message: format!("crux: error: {label}: {error}"),
        error,
    }
}

fn add_records(
    origin: &Origin,
    label: String,
    max_bytes: u64,
    batches: &mut Batches<'_>,
) -> Result<()> {
    let reader = match input::open(origin) {
        Ok(r) => r,
        Err(e) => return batches.push(Job::failed(Some(&label), &e)),
    };
    add_records_from(origin, label, reader, max_bytes, batches)
}

/// Adds each line of `reader` as a JSON Lines record.
fn add_records_from(
    origin: &Origin,
    label: String,
    mut reader: std::io::BufReader<Box<dyn std::io::Read>>,
    max_bytes: u64,
    batches: &mut Batches<'_>,
) -> Result<()> {
    let may_block = input::may_block(origin);
    let mut bytes = Vec::new();
    let mut offset = 0;
    let mut line_number = 0;
    loop {
        // A pipe's next record may be long in coming: the records before it are printed
        // first.
        if may_block && reader.buffer().is_empty() {
            batches.flush()?;
        }
        let start = offset;
        match input::next_line(&mut reader, &mut bytes, max_bytes) {
            Ok((0, _)) => return Ok(()),
            Ok((read, over)) => {
                offset += read;
                line_number += 1;
                if over {
                    let e = input::too_big(&format!("{label}:{line_number}"), None, max_bytes);
                    batches.push(Job::Failed {
                        source: Some(format!("{label}:{line_number}")),
                        message: format!("crux: error: {e:#}"),
                        error: format!("{e:#}"),
                    })?;
                    continue;
                }
            }
            Err(e) => {
                let e = anyhow::Error::new(e).context(format!("reading {label}"));
                return batches.push(Job::failed(Some(&label), &e));
            }
        }
        match std::str::from_utf8(&bytes) {
            Ok(line) if line.trim().is_empty() => batches.push(blank_line(&label, line_number))?,
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

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    /// Analyses as crux does, but panics on any text holding `PANIC`: a stand-in for a bug
    /// that one input trips.
    fn panics_on_marker(
        source: &str,
        text: String,
        format: InputFormat,
        lexicon: &Lexicon,
    ) -> Report {
        assert!(!text.contains("PANIC"), "a bug tripped by {source}");
        crux_report::analyze_owned_with(source, text, format, lexicon)
    }

    fn run_with(args: &[&str], analyser: Analyser) -> (ExitStatus, String, String) {
        let cli = Cli::try_parse_from(std::iter::once("crux").chain(args.iter().copied())).unwrap();
        let Command::Analyze(analyze) = &cli.command else {
            panic!("not analyze");
        };
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status =
            analyze_command_with(analyze, cli.quiet, &mut out, &mut err, analyser).unwrap();
        (
            status,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("crux-lib-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_panic_on_one_record_costs_that_record_only() {
        let dir = temp_dir("records");
        let input = dir.join("in.jsonl");
        let mut lines = String::new();
        for i in 0..100 {
            let text = if i == 41 {
                "It will PANIC here."
            } else {
                "Officials met. It may fail."
            };
            lines.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"{text}\"}}\n"));
        }
        std::fs::write(&input, lines).unwrap();
        let mut outputs = Vec::new();
        for threads in ["1", "3"] {
            let (status, out, err) = run_with(
                &[
                    "analyze",
                    input.to_str().unwrap(),
                    "--format",
                    "jsonl",
                    "-j",
                    threads,
                ],
                panics_on_marker,
            );
            assert_eq!(status, ExitStatus::InputFailed);
            let lines: Vec<serde_json::Value> = out
                .lines()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            assert_eq!(
                lines.len(),
                100,
                "one line per record, on {threads} threads"
            );
            assert_eq!(lines[41]["source"], "r41");
            assert!(
                lines[41]["error"]
                    .as_str()
                    .unwrap()
                    .contains("internal error")
            );
            assert!(lines[40]["sentences"].is_array() && lines[42]["sentences"].is_array());
            assert!(
                err.contains("in.jsonl:42 (id r41): crux failed on this input"),
                "{err}"
            );
            outputs.push(out);
        }
        assert_eq!(outputs[0], outputs[1]);
    }

    #[test]
    fn a_panic_on_one_file_costs_that_file_only() {
        let dir = temp_dir("files");
        for (name, text) in [
            ("a.txt", "One. Two."),
            ("b.txt", "A PANIC."),
            ("c.md", "# T\n\nThree."),
        ] {
            std::fs::write(dir.join(name), text).unwrap();
        }
        for format in ["jsonl", "text", "markdown", "html"] {
            for threads in ["1", "2"] {
                let (status, out, err) = run_with(
                    &[
                        "analyze",
                        dir.to_str().unwrap(),
                        "-f",
                        format,
                        "-j",
                        threads,
                    ],
                    panics_on_marker,
                );
                assert_eq!(status, ExitStatus::InputFailed, "{format}");
                assert!(
                    out.contains("a.txt") && out.contains("c.md"),
                    "{format}: {out}"
                );
                assert!(err.contains("b.txt: crux failed on this input"), "{err}");
            }
        }
        // One article alone, as --format json prints it: the failure is still an error.
        let (status, out, err) = run_with(
            &["analyze", dir.join("b.txt").to_str().unwrap(), "-f", "json"],
            panics_on_marker,
        );
        assert_eq!(status, ExitStatus::InputFailed);
        assert!(out.is_empty());
        assert!(err.contains("b.txt: crux failed on this input"), "{err}");
    }

    /// Analyses as crux does, but takes 3 s over any text holding `SLOW`.
    fn slow_on_marker(
        source: &str,
        text: String,
        format: InputFormat,
        lexicon: &Lexicon,
    ) -> Report {
        if text.contains("SLOW") {
            std::thread::sleep(std::time::Duration::from_secs(3));
        }
        crux_report::analyze_owned_with(source, text, format, lexicon)
    }

    /// Output that notes when each line was written.
    #[derive(Default)]
    struct Timed {
        bytes: Vec<u8>,
        lines: Vec<std::time::Instant>,
    }

    impl Write for Timed {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let now = std::time::Instant::now();
            self.lines
                .extend(buf.iter().filter(|&&b| b == b'\n').map(|_| now));
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Issue 15: each record is written as soon as it and those before it are done, not when
    /// its whole batch is; the order is kept.
    #[test]
    fn records_are_written_as_soon_as_those_before_them_are_done() {
        let dir = temp_dir("slow");
        let input = dir.join("in.jsonl");
        let mut lines = String::new();
        for i in 0..8 {
            let text = if i == 2 {
                "It is SLOW."
            } else {
                "It may fail."
            };
            lines.push_str(&format!("{{\"id\": \"r{i}\", \"text\": \"{text}\"}}\n"));
        }
        std::fs::write(&input, lines).unwrap();
        let cli = Cli::try_parse_from([
            "crux",
            "analyze",
            input.to_str().unwrap(),
            "-f",
            "jsonl",
            "-j",
            "4",
        ])
        .unwrap();
        let Command::Analyze(args) = &cli.command else {
            panic!("not analyze");
        };
        let (mut out, mut err) = (Timed::default(), Vec::new());
        let status = analyze_command_with(args, false, &mut out, &mut err, slow_on_marker).unwrap();
        assert_eq!(status, ExitStatus::Success);
        let sources: Vec<String> = String::from_utf8(out.bytes)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["source"].to_string())
            .collect();
        let expected: Vec<String> = (0..8).map(|i| format!("\"r{i}\"")).collect();
        assert_eq!(sources, expected, "in input order");
        let before_slow = out.lines[2].duration_since(out.lines[1]);
        assert!(
            before_slow >= std::time::Duration::from_millis(1500),
            "r0 and r1 were written {before_slow:?} before the slow r2, not with it"
        );
    }

    #[test]
    fn broken_pipe_inside_serde_json_is_recognised() {
        struct Closed;
        impl Write for Closed {
            fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
                Err(std::io::ErrorKind::BrokenPipe.into())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let e = serde_json::to_writer(Closed, &[1, 2, 3]).unwrap_err();
        assert!(is_broken_pipe(&anyhow::Error::from(e)));
        let e = serde_json::to_writer(Closed, &[1, 2, 3]).unwrap_err();
        assert!(is_broken_pipe(
            &anyhow::Error::from(e).context("writing the report")
        ));
        let other = anyhow::Error::from(std::io::Error::other("disk full"));
        assert!(!is_broken_pipe(&other));
    }
}
