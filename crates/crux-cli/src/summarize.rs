//! `crux summarize`: what a corpus of reports says as a whole, read from the JSON Lines that
//! `crux analyze --format jsonl` writes: the balance's distribution, the most-quoted speakers
//! and sources, the most frequent risk and benefit targets and terms, the writer's caveats
//! beside the hedges held by others and who holds those; as text, JSON or an
//! HTML page with charts. Reports are read one line at a time: a corpus of any size streams.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use serde::Serialize;
use serde_json::Value;

use crate::ExitStatus;
use crate::args::{SummarizeArgs, SummaryFormat};
use crate::html::escape;

/// How many names each ranking shows.
const TOP: usize = 10;

/// The edges of the net balance's bins: `net < -0.5`, `-0.5 <= net < -0.05`, … `net >= 0.5`.
const BINS: [(f64, &str); 5] = [
    (-0.5, "below −0.5"),
    (-0.05, "−0.5 to −0.05"),
    (0.05, "−0.05 to +0.05"),
    (0.5, "+0.05 to +0.5"),
    (f64::INFINITY, "+0.5 and above"),
];

const VERDICTS: [&str; 6] = [
    "negative",
    "mostly negative",
    "mixed",
    "neutral",
    "mostly positive",
    "positive",
];

/// What is counted, line by line.
#[derive(Default)]
struct Tally {
    reports: usize,
    errors: usize,
    unreadable: usize,
    verdicts: HashMap<String, usize>,
    bins: [usize; BINS.len()],
    net_sum: f64,
    /// The writer's caveats (`caveats`) and those held by others (`attributed_caveats`),
    /// counted apart.
    caveats: usize,
    held_by_others: usize,
    others_hedge_holders: HashMap<String, usize>,
    speakers: HashMap<String, usize>,
    sources: HashMap<String, usize>,
    risk_targets: HashMap<String, usize>,
    benefit_targets: HashMap<String, usize>,
    risk_terms: HashMap<String, usize>,
    benefit_terms: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, report: &Value) {
        if report.get("error").is_some() {
            self.errors += 1;
            return;
        }
        let Some(balance) = report.get("balance") else {
            self.unreadable += 1;
            return;
        };
        self.reports += 1;
        let net = balance["net"].as_f64().unwrap_or(0.0);
        self.net_sum += net;
        let bin = BINS
            .iter()
            .position(|&(edge, _)| net < edge)
            .unwrap_or(BINS.len() - 1);
        self.bins[bin] += 1;
        if let Some(v) = balance["verdict"].as_str() {
            *self.verdicts.entry(v.to_owned()).or_default() += 1;
        }
        let count = |map: &mut HashMap<String, usize>, name: Option<&str>| {
            if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
                *map.entry(name.to_owned()).or_default() += 1;
            }
        };
        for q in report["quotes"].as_array().into_iter().flatten() {
            let speaker = &q["speaker"];
            count(
                &mut self.speakers,
                speaker["canonical"].as_str().or(speaker["text"].as_str()),
            );
            count(&mut self.sources, q["source"]["text"].as_str());
        }
        self.caveats += report["caveats"].as_array().map_or(0, Vec::len);
        for c in report["attributed_caveats"]
            .as_array()
            .into_iter()
            .flatten()
        {
            self.held_by_others += 1;
            count(&mut self.others_hedge_holders, c["holder"].as_str());
        }
        for a in report["assessments"].as_array().into_iter().flatten() {
            let risk = a["kind"] == "risk";
            let (targets, terms, term_role) = if risk {
                (&mut self.risk_targets, &mut self.risk_terms, "risk_term")
            } else {
                (
                    &mut self.benefit_targets,
                    &mut self.benefit_terms,
                    "benefit_term",
                )
            };
            count(targets, a["target"].as_str());
            for cue in a["cues"].as_array().into_iter().flatten() {
                if cue["role"] == term_role {
                    let term = cue["text"].as_str().map(str::to_lowercase);
                    count(terms, term.as_deref());
                }
            }
        }
    }
}

/// A ranking: the most frequent names, most frequent first, ties by name.
fn top(map: &HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut all: Vec<(String, usize)> = map.iter().map(|(k, v)| (k.clone(), *v)).collect();
    all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    all.truncate(TOP);
    all
}

/// The summary, as `--format json` prints it.
#[derive(Serialize)]
struct Summary {
    reports: usize,
    errors: usize,
    mean_net: f64,
    caveats: usize,
    held_by_others: usize,
    verdicts: Vec<(String, usize)>,
    net_bins: Vec<(String, usize)>,
    speakers: Vec<(String, usize)>,
    sources: Vec<(String, usize)>,
    risk_targets: Vec<(String, usize)>,
    benefit_targets: Vec<(String, usize)>,
    risk_terms: Vec<(String, usize)>,
    benefit_terms: Vec<(String, usize)>,
    others_hedge_holders: Vec<(String, usize)>,
}

impl Summary {
    fn of(t: &Tally) -> Summary {
        Summary {
            reports: t.reports,
            errors: t.errors,
            mean_net: if t.reports == 0 {
                0.0
            } else {
                // Rounded as the reports round, and never -0.0.
                (t.net_sum / t.reports as f64 * 1000.0).round() / 1000.0 + 0.0
            },
            caveats: t.caveats,
            held_by_others: t.held_by_others,
            verdicts: VERDICTS
                .iter()
                .map(|v| ((*v).to_owned(), t.verdicts.get(*v).copied().unwrap_or(0)))
                .collect(),
            net_bins: BINS
                .iter()
                .zip(t.bins)
                .map(|(&(_, name), n)| (name.to_owned(), n))
                .collect(),
            speakers: top(&t.speakers),
            sources: top(&t.sources),
            risk_targets: top(&t.risk_targets),
            benefit_targets: top(&t.benefit_targets),
            risk_terms: top(&t.risk_terms),
            benefit_terms: top(&t.benefit_terms),
            others_hedge_holders: top(&t.others_hedge_holders),
        }
    }

    fn sections(&self) -> [(&'static str, &[(String, usize)]); 9] {
        [
            ("Verdicts", &self.verdicts),
            ("Net balance", &self.net_bins),
            ("Most-quoted speakers", &self.speakers),
            ("Most-cited sources", &self.sources),
            ("Risk targets", &self.risk_targets),
            ("Benefit targets", &self.benefit_targets),
            ("Risk terms", &self.risk_terms),
            ("Benefit terms", &self.benefit_terms),
            ("Holders of others' hedges", &self.others_hedge_holders),
        ]
    }
}

pub(crate) fn summarize_command(
    args: &SummarizeArgs,
    quiet: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitStatus> {
    let mut tally = Tally::default();
    let mut status = ExitStatus::Success;
    let paths = if args.paths.is_empty() {
        vec!["-".into()]
    } else {
        args.paths.clone()
    };
    for path in &paths {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(std::io::stdin().lock())
        } else {
            match std::fs::File::open(path) {
                Ok(f) => Box::new(std::io::BufReader::new(f)),
                Err(e) => {
                    writeln!(err, "crux: error: reading {}: {e}", path.display())?;
                    status = ExitStatus::InputFailed;
                    continue;
                }
            }
        };
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(&line) {
                Ok(v) if v.is_object() => tally.add(&v),
                _ => {
                    tally.unreadable += 1;
                    if !quiet {
                        writeln!(
                            err,
                            "crux: warning: {}:{}: not a crux report (a JSON object); skipped",
                            path.display(),
                            n + 1
                        )?;
                    }
                }
            }
        }
    }
    let summary = Summary::of(&tally);
    match args.format {
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
        }
        SummaryFormat::Text => out.write_all(text(&summary).as_bytes())?,
        SummaryFormat::Html => out.write_all(html(&summary).as_bytes())?,
    }
    if tally.unreadable > 0 && status == ExitStatus::Success {
        status = ExitStatus::InputFailed;
    }
    Ok(status)
}

fn text(s: &Summary) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} reports, {} error lines; mean net balance {:+.3}; {} caveats, {} hedges held by others",
        s.reports, s.errors, s.mean_net, s.caveats, s.held_by_others
    );
    let width = s
        .sections()
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(n, _)| n.chars().count()))
        .max()
        .unwrap_or(0)
        .min(40);
    for (title, rows) in s.sections() {
        let _ = writeln!(o, "\n{title}");
        if rows.is_empty() {
            let _ = writeln!(o, "  (none)");
        }
        let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
        for (name, n) in rows {
            let bar = "█".repeat((n * 20).div_ceil(most).min(20));
            let name: String = name.chars().take(40).collect();
            let _ = writeln!(o, "  {name:<width$}  {n:>6}  {bar}");
        }
    }
    o
}

fn html(s: &Summary) -> String {
    let mut page = Vec::new();
    let _ = crate::html::html_head(&mut page, "crux summary");
    let mut o = String::from_utf8(page).unwrap_or_default();
    let _ = writeln!(
        o,
        "<h1>crux summary</h1>\n<p class=\"meta\">{} reports, {} error lines; mean net \
         balance {:+.3}; {} caveats, {} hedges held by others</p>",
        s.reports, s.errors, s.mean_net, s.caveats, s.held_by_others
    );
    for (title, rows) in s.sections() {
        let _ = writeln!(o, "<h2>{}</h2>", escape(title));
        if rows.is_empty() {
            let _ = writeln!(o, "<p class=\"meta\">none</p>");
            continue;
        }
        let most = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1) as f64;
        let height = 20 * rows.len();
        let _ = writeln!(
            o,
            "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
             viewBox=\"0 0 640 {height}\" width=\"640\" height=\"{height}\" aria-label=\"{}\">",
            escape(title)
        );
        for (i, (name, n)) in rows.iter().enumerate() {
            let y = 20 * i;
            let w = (*n as f64 / most * 360.0).max(1.0);
            let _ = writeln!(
                o,
                "<g class=\"bar\"><title>{}: {n}</title><text x=\"236\" y=\"{}\" \
                 text-anchor=\"end\">{}</text><rect x=\"240\" y=\"{}\" width=\"{w:.1}\" \
                 height=\"14\" fill=\"#4a7\"></rect><text x=\"{:.1}\" y=\"{}\">{n}</text></g>",
                escape(name),
                y + 12,
                escape(&name.chars().take(36).collect::<String>()),
                y + 2,
                244.0 + w,
                y + 12,
            );
        }
        let _ = writeln!(o, "</svg></figure>");
    }
    let mut foot = Vec::new();
    let _ = crate::html::html_foot(&mut foot);
    o.push_str(&String::from_utf8(foot).unwrap_or_default());
    o
}
