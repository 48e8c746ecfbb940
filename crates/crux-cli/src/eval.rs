//! `crux eval`: runs `crux_eval::evaluate` and prints its report as tables or JSON.

use std::io::Write;

use anyhow::Result;
use crux_eval::{DatasetResult, MetricKind, Options, Report, Row};

use crate::ExitStatus;
use crate::args::{EvalArgs, EvalFormat};

impl From<&EvalArgs> for Options {
    fn from(args: &EvalArgs) -> Options {
        Options {
            datasets: args.datasets.clone(),
            article: args.article.clone(),
        }
    }
}

pub(crate) fn eval_command(
    args: &EvalArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    if args.article.is_some() {
        let one_gold = args.paths.len() == 1
            && args.paths[0]
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".gold.json"));
        if !one_gold {
            writeln!(
                err,
                "crux: error: --article needs exactly one gold file (*.gold.json) as PATH"
            )?;
            return Ok(ExitStatus::Error);
        }
    }
    let report = crux_eval::evaluate(&args.paths, &Options::from(args));
    match args.format {
        EvalFormat::Text => render_eval_text(&report, args.show_failures, out)?,
        EvalFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &report)?;
            writeln!(out)?;
        }
    }
    for e in &report.errors {
        writeln!(err, "crux: error: {}", e.message)?;
    }
    if report.datasets.is_empty() && report.errors.is_empty() {
        writeln!(
            err,
            "crux: warning: no known data set among the given paths"
        )?;
    }
    Ok(if report.errors.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::InputFailed
    })
}

const HEADER: [&str; 10] = [
    "category", "P", "R", "F1", "acc", "value", "gold", "pred", "right", "items",
];

fn number(x: Option<f64>) -> String {
    x.map(|v| format!("{v:.3}")).unwrap_or_default()
}

fn count(n: Option<usize>) -> String {
    n.map(|v| v.to_string()).unwrap_or_default()
}

fn cells(row: &Row) -> [String; 10] {
    let value = match row.metric {
        // Counts print as integers, other values with three decimals.
        MetricKind::Value => row.value.map(|v| {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v:.3}")
            }
        }),
        // A correlation always has three decimals (1.000 is not a count); "n/a" when undefined.
        MetricKind::Correlation => Some(
            row.value
                .map_or_else(|| "n/a".to_owned(), |v| format!("{v:.3}")),
        ),
        _ => None,
    };
    [
        row.category.clone(),
        number(row.precision),
        number(row.recall),
        number(row.f1),
        number(row.accuracy),
        value.unwrap_or_default(),
        count(row.n_gold),
        count(row.n_predicted),
        count(row.n_correct),
        row.n_items.to_string(),
    ]
}

fn table(result: &DatasetResult, show_failures: bool, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "{}  {}", result.dataset, result.path)?;
    if let Some(article) = &result.article {
        writeln!(out, "  article: {article}")?;
    }
    if let Some(published) = &result.published {
        writeln!(out, "  published: {published}")?;
    }
    let body: Vec<[String; 10]> = result.rows.iter().map(cells).collect();
    let mut widths = HEADER.map(str::len);
    for line in &body {
        for (w, cell) in widths.iter_mut().zip(line) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let header = HEADER.map(str::to_owned);
    let notes = std::iter::once(Some("note")).chain(result.rows.iter().map(|r| r.note.as_deref()));
    for (line, note) in std::iter::once(&header).chain(&body).zip(notes) {
        let mut text = String::from("  ");
        for (i, (cell, w)) in line.iter().zip(widths).enumerate() {
            let pad = w - cell.chars().count();
            if i == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        if let Some(note) = note {
            text.push_str("  ");
            text.push_str(note);
        }
        writeln!(out, "{}", text.trim_end())?;
    }
    if !result.failures.is_empty() {
        if show_failures {
            writeln!(out, "  failures ({}):", result.failures.len())?;
            for f in &result.failures {
                writeln!(out, "    {f}")?;
            }
        } else {
            writeln!(
                out,
                "  {} failing (--show-failures lists them)",
                result.failures.len()
            )?;
        }
    }
    Ok(())
}

/// Writes an evaluation report as one aligned table per data set, then the skipped files.
///
/// # Errors
///
/// When writing to `out` fails.
pub fn render_eval_text(report: &Report, show_failures: bool, out: &mut dyn Write) -> Result<()> {
    for (i, result) in report.datasets.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        table(result, show_failures, out)?;
    }
    if !report.skipped.is_empty() {
        if !report.datasets.is_empty() {
            writeln!(out)?;
        }
        writeln!(out, "skipped:")?;
        for s in &report.skipped {
            writeln!(out, "  {} ({})", s.path, s.reason)?;
        }
    }
    Ok(())
}
