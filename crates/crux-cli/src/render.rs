//! Output: the readable text report. The JSON report of contract version 1 and its schema are
//! `crux-report`'s, shared with the Python package.

use std::io::{self, Write};

use crux_analysis::{AssessmentKind, Verdict, WeightReason};
use crux_parser::{ParagraphKind, Span, Voice};
pub use crux_report::{Report, json_schema};
use serde::Serialize;

/// How many characters of a paragraph the text report shows.
const EXCERPT: usize = 64;

/// A one-line excerpt of `text`: white space folded, cut at `max` characters with an ellipsis.
fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            count += 1;
            space = false;
        }
        if count >= max {
            out.push('…');
            return out;
        }
        out.push(c);
        count += 1;
    }
    out
}

/// A value's name as the JSON output spells it (`"risk_term"`, `"concession"`).
pub(crate) fn name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Why an assessment's weight is not 1, in words, for the reports.
pub(crate) fn weight_reason(reason: WeightReason) -> &'static str {
    match reason {
        WeightReason::OthersView => "others' view",
        WeightReason::Reported => "reported, not weighed",
        WeightReason::ReportedFact => "a report's fact, not weighed",
        WeightReason::Conceded => "conceded",
        WeightReason::StatedBalance => "stated balance",
    }
}

/// A verdict's name as the contract spells it ("mostly positive").
pub(crate) fn verdict_name(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Positive => "positive",
        Verdict::MostlyPositive => "mostly positive",
        Verdict::Mixed => "mixed",
        Verdict::MostlyNegative => "mostly negative",
        Verdict::Negative => "negative",
        Verdict::Neutral => "neutral",
    }
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Writes the readable report of one article.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn render_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = &report.analysis.document;
    let text = &doc.text;
    writeln!(
        out,
        "{}  ({}, {})",
        report.source,
        doc.format.as_str(),
        plural(text.len(), "byte", "bytes")
    )?;
    writeln!(out)?;
    let meta = &doc.meta;
    let field = |out: &mut dyn Write, name: &str, value: Option<&str>| -> io::Result<()> {
        writeln!(out, "  {name:<8}  {}", value.unwrap_or("—"))
    };
    field(out, "Section", meta.section.as_deref())?;
    field(out, "Title", meta.title.as_deref())?;
    let authors = meta.authors.join(", ");
    field(
        out,
        "Authors",
        (!authors.is_empty()).then_some(authors.as_str()),
    )?;
    let when = match (&meta.date, &meta.time) {
        (Some(d), Some(t)) => Some(format!("{d} {t}")),
        (Some(d), None) => Some(d.clone()),
        (None, Some(t)) => Some(t.clone()),
        (None, None) => None,
    };
    field(out, "Date", when.as_deref())?;
    writeln!(out)?;

    let count = |kind| doc.paragraphs.iter().filter(|p| p.kind == kind).count();
    let assessments = &report.analysis.assessments;
    let risks = assessments
        .iter()
        .filter(|a| a.kind == AssessmentKind::Risk)
        .count();
    writeln!(
        out,
        "  {} ({} meta, {} body, {} heading, {} list) · {} · {} · {} · {} · {} · {}",
        plural(doc.paragraphs.len(), "paragraph", "paragraphs"),
        count(ParagraphKind::Meta),
        count(ParagraphKind::Body),
        count(ParagraphKind::Heading),
        count(ParagraphKind::List),
        plural(doc.sentences.len(), "sentence", "sentences"),
        plural(doc.quotes.len(), "quote", "quotes"),
        plural(doc.caveats.len(), "caveat", "caveats"),
        plural(doc.claims.len(), "claim", "claims"),
        plural(risks, "risk", "risks"),
        plural(assessments.len() - risks, "benefit", "benefits"),
    )?;

    if !doc.paragraphs.is_empty() {
        writeln!(out)?;
        writeln!(out, "Paragraphs")?;
        // Sentences per paragraph, counted in one pass (not one pass per paragraph).
        let mut per_paragraph = vec![0usize; doc.paragraphs.len()];
        for s in &doc.sentences {
            if let Some(n) = per_paragraph.get_mut(s.paragraph) {
                *n += 1;
            }
        }
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let sentences = per_paragraph[i];
            let kind = match p.kind {
                ParagraphKind::Meta => "meta",
                ParagraphKind::Heading => "heading",
                ParagraphKind::Body => "body",
                ParagraphKind::List => "list",
            };
            let voice = match (p.voice, &p.quote) {
                (Voice::Author, _) => "author".to_owned(),
                (Voice::Quoted, Some(id)) => format!("quoted {id}"),
                (Voice::Quoted, None) => "quoted".to_owned(),
            };
            writeln!(
                out,
                "  ¶{:<3} {kind:<7} {voice:<10} {:>3}s  {}",
                i + 1,
                sentences,
                excerpt(&text[p.span], EXCERPT)
            )?;
        }
    }

    if !doc.quotes.is_empty() {
        writeln!(out)?;
        writeln!(out, "Quotes")?;
        for q in &doc.quotes {
            let speaker = q
                .speaker
                .as_ref()
                .map_or("—".to_owned(), |s| match &s.canonical {
                    Some(c) if *c != s.text => format!("{} ({c})", s.text),
                    _ => s.text.clone(),
                });
            writeln!(
                out,
                "  {:<4} {:<8} {}  — {speaker}",
                q.id,
                format!("{:?}", q.kind).to_lowercase(),
                excerpt(&q.text, EXCERPT)
            )?;
        }
    }

    if !doc.caveats.is_empty() {
        writeln!(out)?;
        writeln!(out, "Caveats")?;
        for c in &doc.caveats {
            let holder = if c.holder == "author" {
                String::new()
            } else {
                format!("  — {}", c.holder)
            };
            writeln!(
                out,
                "  {:<4} {:<10} {:.2}  {}{holder}",
                c.id,
                format!("{:?}", c.kind).to_lowercase(),
                c.strength,
                excerpt(&c.text, EXCERPT)
            )?;
        }
    }

    if !doc.claims.is_empty() {
        writeln!(out)?;
        writeln!(out, "Claims")?;
        for c in &doc.claims {
            writeln!(
                out,
                "  {:<4} {:<10} {}",
                c.id,
                format!("{:?}", c.kind).to_lowercase(),
                excerpt(&c.text, EXCERPT)
            )?;
        }
    }

    if !assessments.is_empty() {
        writeln!(out)?;
        writeln!(out, "Risks and benefits")?;
        for a in assessments {
            // The weight in the balance and why, when it is not 1: "×0.25 others, conceded".
            let weight = if a.weighting.is_empty() {
                String::new()
            } else {
                let reasons: Vec<&str> = a
                    .weighting
                    .iter()
                    .map(|w| weight_reason(w.reason))
                    .collect();
                format!("×{:.2} {}", a.weight, reasons.join(", "))
            };
            writeln!(
                out,
                "  {:<4} {:<7} {:.2} = {:.2}×{:.2}×{:.2} {:<28} {}",
                a.id,
                format!("{:?}", a.kind).to_lowercase(),
                a.score,
                a.magnitude,
                a.likelihood,
                a.confidence,
                weight,
                excerpt(&a.text, EXCERPT)
            )?;
        }
    }

    let balance = &report.analysis.balance;
    writeln!(out)?;
    let verdict = verdict_name(balance.verdict);
    if assessments.is_empty() {
        writeln!(out, "Balance   {verdict} (no risks or benefits found)")?;
    } else {
        writeln!(
            out,
            "Balance   {verdict}: net {:+.2} (benefit {:.2}, risk {:.2})",
            balance.net, balance.benefit, balance.risk
        )?;
    }

    if !report.diagnostics.is_empty() {
        writeln!(out)?;
        writeln!(out, "Diagnostics")?;
        for d in &report.diagnostics {
            let at = d.span.map_or(String::new(), |s: Span| format!(" at {s:?}"));
            let severity = format!("{:?}", d.severity).to_lowercase();
            writeln!(out, "  {severity}[{}]{at}: {}", d.code, d.message)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_folds_and_cuts() {
        assert_eq!(excerpt(" a\u{a0}\n b ", 10), "a b");
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("abc", 3), "abc");
    }
}
