//! The Markdown report: per article, a heading, its metadata and balance, and the risks and
//! benefits, claims, quotes, caveats and others' hedges as GitHub-flavoured tables, ready to
//! paste into an issue, a wiki or a notebook.

use crux_parser::Caveat;
use std::io::{self, Write};

use crate::render::{Report, name, plural, verdict_name, weight_reasons};

/// Text for a Markdown table cell: white space folded, `|` and the characters Markdown would
/// read as markup escaped.
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if matches!(
            c,
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if out.is_empty() {
        out.push('—');
    }
    out
}

/// Writes one article's Markdown report.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn render_markdown(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let doc = &report.analysis.document;
    let balance = &report.analysis.balance;
    let title = doc.meta.title.as_deref().unwrap_or(&report.source);
    writeln!(out, "# {}\n", cell(title))?;
    let mut meta = Vec::new();
    if !doc.meta.authors.is_empty() {
        meta.push(format!("By {}", cell(&doc.meta.authors.join(", "))));
    }
    match (&doc.meta.date, &doc.meta.time) {
        (Some(d), Some(t)) => meta.push(format!("{d} {t}")),
        (Some(d), None) => meta.push(d.clone()),
        _ => {}
    }
    if let Some(section) = &doc.meta.section {
        meta.push(cell(section));
    }
    meta.push(format!("`{}`", report.source.replace('`', "'")));
    writeln!(out, "{}\n", meta.join(" · "))?;
    writeln!(
        out,
        "**Balance: {}**, net {} (benefit {:.2}, risk {:.2}). {}, {}, {}, {}, {}, {}, {}.",
        verdict_name(balance.verdict),
        crate::render::signed(balance.net),
        balance.benefit,
        balance.risk,
        plural(doc.paragraphs.len(), "paragraph", "paragraphs"),
        plural(doc.sentences.len(), "sentence", "sentences"),
        plural(doc.quotes.len(), "quote", "quotes"),
        plural(doc.caveats.len(), "caveat", "caveats"),
        plural(
            doc.attributed_caveats.len(),
            "hedge held by others",
            "hedges held by others"
        ),
        plural(doc.claims.len(), "claim", "claims"),
        plural(
            report.analysis.assessments.len(),
            "assessment",
            "assessments"
        )
    )?;

    let assessments = &report.analysis.assessments;
    if !assessments.is_empty() {
        writeln!(out, "\n## Risks and benefits\n")?;
        writeln!(
            out,
            "| id | kind | score | m × l × c | weight | holder | target | text | cues |"
        )?;
        writeln!(out, "|---|---|--:|--:|---|---|---|---|---|")?;
        for a in assessments {
            let weight = weight_reasons(a)
                .map_or_else(|| "1".to_owned(), |why| format!("{:.2} ({why})", a.weight));
            let cues: Vec<String> = a
                .cues
                .iter()
                .map(|c| format!("{} ({})", cell(&c.text), name(c.role)))
                .collect();
            writeln!(
                out,
                "| {} | {} | {:.2} | {:.2} × {:.2} × {:.2} | {weight} | {} | {} | {} | {} |",
                a.id,
                name(a.kind),
                a.score,
                a.magnitude,
                a.likelihood,
                a.confidence,
                cell(&a.holder),
                cell(a.target.as_deref().unwrap_or("")),
                cell(&a.text),
                cues.join(", ")
            )?;
        }
    }
    if !doc.claims.is_empty() {
        writeln!(out, "\n## Claims\n")?;
        writeln!(out, "| id | type | holder | text | caveats |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for k in &doc.claims {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                k.id,
                name(k.kind),
                cell(&k.holder),
                cell(&k.text),
                cell(&k.caveats.join(", "))
            )?;
        }
    }
    if !doc.quotes.is_empty() {
        writeln!(out, "\n## Quotes\n")?;
        writeln!(out, "| id | kind | speaker | source | cue | text |")?;
        writeln!(out, "|---|---|---|---|---|---|")?;
        for q in &doc.quotes {
            let speaker = q
                .speaker
                .as_ref()
                .map_or(String::new(), |s| match &s.canonical {
                    Some(c) if *c != s.text => format!("{} ({c})", s.text),
                    _ => s.text.clone(),
                });
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                q.id,
                name(q.kind),
                cell(&speaker),
                cell(q.source.as_ref().map_or("", |t| t.text.as_str())),
                cell(q.cue.as_ref().map_or("", |t| t.text.as_str())),
                cell(&q.text)
            )?;
        }
    }
    caveat_table(out, &doc.text, "Caveats", &doc.caveats, false)?;
    // Beside the writer's caveats, not among them: beliefs and questions the text ascribes to
    // someone ("analysts believe", "asked whether"), with their holder.
    caveat_table(
        out,
        &doc.text,
        "Others' hedges (held by others)",
        &doc.attributed_caveats,
        true,
    )?;
    if !report.diagnostics.is_empty() {
        writeln!(out, "\n## Diagnostics\n")?;
        for d in &report.diagnostics {
            writeln!(out, "- `{}`: {}", d.code, cell(&d.message))?;
        }
    }
    Ok(())
}

/// A table of caveats under `title` (none when there are none), with a holder column for
/// those held by others.
fn caveat_table(
    out: &mut dyn Write,
    text: &str,
    title: &str,
    caveats: &[Caveat],
    holder: bool,
) -> io::Result<()> {
    if caveats.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n## {title}\n")?;
    if holder {
        writeln!(out, "| id | kind | holder | strength | cue | scope |")?;
        writeln!(out, "|---|---|---|--:|---|---|")?;
    } else {
        writeln!(out, "| id | kind | strength | cue | scope |")?;
        writeln!(out, "|---|---|--:|---|---|")?;
    }
    for c in caveats {
        let held = if holder {
            format!(" {} |", cell(&c.holder))
        } else {
            String::new()
        };
        writeln!(
            out,
            "| {} | {} |{held} {:.2} | {} | {} |",
            c.id,
            name(c.kind),
            c.strength,
            cell(&c.text),
            cell(text.get(c.scope.start()..c.scope.end()).unwrap_or(""))
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hedges held by others get a table of their own, after the writer's caveats, with their
    /// holder, kind and scope, and are counted in the summary line.
    #[test]
    fn hedges_held_by_others_have_their_own_table() {
        let report = crate::test_support::report_with_others_hedges();
        let doc = &report.analysis.document;
        let mut out = Vec::new();
        render_markdown(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let n = doc.attributed_caveats.len();
        assert!(
            out.contains(&format!(", {n} hedges held by others, ")),
            "{out}"
        );
        let table = out
            .find("\n## Others' hedges (held by others)\n")
            .expect("a table of their own");
        assert!(
            out.find("\n## Caveats\n").is_some_and(|c| c < table),
            "{out}"
        );
        assert!(out[table..].contains("| id | kind | holder | strength | cue | scope |"));
        for c in &doc.attributed_caveats {
            let row = format!(
                "| {} | {} | {} | {:.2} | {} | {} |",
                c.id,
                name(c.kind),
                cell(&c.holder),
                c.strength,
                cell(&c.text),
                cell(&doc.text[c.scope])
            );
            assert!(out[table..].contains(&row), "{row} in {out}");
            assert!(!out[..table].contains(&format!("| {} |", c.id)), "{out}");
        }
    }
}
