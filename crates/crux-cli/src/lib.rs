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

use std::io::{BufRead, Write};
use std::process::ExitCode;

use std::path::PathBuf;

use anyhow::{Context, Result};
use crux_analysis::Lexicon;
use crux_parser::InputFormat;

pub use args::{
    AnalyzeArgs, Cli, Command, EvalArgs, EvalFormat, InputFormatArg, LexiconArgs, OutputFormat,
};
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

/// Analyses one article's text with the built-in lexicon.
#[must_use]
pub fn analyze_text(source: &str, text: &str, format: InputFormat) -> Report {
    analyze_text_with(source, text, format, Lexicon::builtin())
}

/// Analyses one article's text with the given risk and benefit lexicon.
#[must_use]
pub fn analyze_text_with(
    source: &str,
    text: &str,
    format: InputFormat,
    lexicon: &Lexicon,
) -> Report {
    let parsed = crux_parser::parse_as(text, format);
    let analysis = crux_analysis::analyze_with(parsed.document, lexicon);
    Report::new(source, analysis, parsed.diagnostics)
}

/// The built-in lexicon with the users' files merged in, in order. Errors name the file, the
/// line and the reason.
fn load_lexicon(paths: &[PathBuf]) -> Result<Lexicon> {
    let mut lexicon = Lexicon::builtin().clone();
    for path in paths {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read lexicon"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| anyhow::anyhow!("{name}: lexicon is not UTF-8 text ({e})"))?;
        lexicon = lexicon.with_entries(&name, &text)?;
    }
    Ok(lexicon)
}

/// Where results go, in the chosen output format.
struct Sink<'a> {
    format: OutputFormat,
    out: &'a mut dyn Write,
    written: usize,
}

impl Sink<'_> {
    fn report(&mut self, report: &Report) -> Result<()> {
        match self.format {
            OutputFormat::Text => {
                if self.written > 0 {
                    writeln!(self.out)?;
                }
                render_text(report, self.out)?;
            }
            OutputFormat::Json => {
                serde_json::to_writer_pretty(&mut *self.out, report)?;
                writeln!(self.out)?;
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut *self.out, report)?;
                writeln!(self.out)?;
            }
            OutputFormat::Markdown => {
                if self.written > 0 {
                    writeln!(self.out, "\n---\n")?;
                }
                render_markdown(report, self.out)?;
            }
            OutputFormat::Html => {
                if self.written == 0 {
                    let title = report.analysis.document.meta.title.as_deref();
                    html_head(
                        self.out,
                        &format!("crux: {}", title.unwrap_or(&report.source)),
                    )?;
                }
                render_html(report, self.written + 1, self.out)?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the output: the HTML page's end (and its start, when nothing was reported).
    fn finish(&mut self) -> Result<()> {
        if self.format == OutputFormat::Html {
            if self.written == 0 {
                html_head(self.out, "crux")?;
            }
            html_foot(self.out)?;
        }
        Ok(())
    }

    /// In JSON Lines output a failed input still gets its line, so that line `n` of the output
    /// answers input `n`.
    fn failure(&mut self, source: &str, error: &anyhow::Error) -> Result<()> {
        if self.format == OutputFormat::Jsonl {
            let line = serde_json::json!({ "source": source, "error": format!("{error:#}") });
            serde_json::to_writer(&mut *self.out, &line)?;
            writeln!(self.out)?;
        }
        Ok(())
    }
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
    let mut sink = Sink {
        format: args.format,
        out,
        written: 0,
    };
    let mut failed = false;
    for origin in origins {
        let outcome =
            origin.and_then(|origin| analyze_origin(&origin, args, &lexicon, &mut sink, err));
        match outcome {
            Ok(ok) => failed |= !ok,
            Err(e) if is_broken_pipe(&e) => return Err(e),
            Err(e) => {
                writeln!(err, "crux: error: {e:#}")?;
                failed = true;
            }
        }
    }
    sink.finish()?;
    Ok(if failed {
        ExitStatus::InputFailed
    } else {
        ExitStatus::Success
    })
}

/// Analyses one input; `Ok(false)` when some of its records failed (already reported).
fn analyze_origin(
    origin: &Origin,
    args: &AnalyzeArgs,
    lexicon: &Lexicon,
    sink: &mut Sink<'_>,
    err: &mut dyn Write,
) -> Result<bool> {
    let label = origin.label();
    let bytes = match input::read_bytes(origin) {
        Ok(b) => b,
        Err(e) => {
            sink.failure(&label, &e)?;
            return Err(e);
        }
    };
    let text = match input::decode(&label, bytes) {
        Ok(t) => t,
        Err(e) => {
            sink.failure(&label, &e)?;
            return Err(e);
        }
    };
    match input::reading(origin, args.input_format, &text) {
        Reading::Article(format) => {
            sink.report(&analyze_text_with(&label, &text, format, lexicon))?;
            Ok(true)
        }
        Reading::Records => {
            let mut all_ok = true;
            for (n, line) in text.as_bytes().lines().enumerate() {
                let line = line?;
                if line.trim().is_empty() {
                    continue;
                }
                let record = input::record(&label, n + 1, &line);
                match record.text {
                    Ok(t) => sink.report(&analyze_text_with(
                        &record.id,
                        &t,
                        InputFormat::Text,
                        lexicon,
                    ))?,
                    Err(e) => {
                        writeln!(err, "crux: error: {label}: {e:#}")?;
                        sink.failure(&record.id, &e)?;
                        all_ok = false;
                    }
                }
            }
            Ok(all_ok)
        }
    }
}
