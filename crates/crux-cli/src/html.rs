//! The HTML report: one self-contained page (inline style, no script, nothing fetched) with, per
//! article, its metadata and balance, the text with every quote, caveat, caveat held by others,
//! booster and stated risk or benefit marked where it stands, and the tables behind the marks. Each mark carries
//! the id of its row, and each row links back to its place in the text.

use std::fmt::Write as _;
use std::io::{self, Write};

use crux_analysis::AssessmentKind;
use crux_parser::{CaveatKind, ClaimType, ParagraphKind, QuoteKind, Span};

use crate::render::{Report, name, signed, verdict_name, weight_reason, weight_reasons};

/// The page's start: doctype, style, and the heading of a page of `n` articles.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn html_head(out: &mut dyn Write, title: &str) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"crux {}\">\n<title>{}</title>\n<style>{STYLE}</style>\n\
         </head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(title)
    )
}

/// The page's end.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn html_foot(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "</body>\n</html>")
}

const STYLE: &str = "
body{font:16px/1.55 Georgia,serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem;line-height:1.25}h2{font:600 1.05rem system-ui,sans-serif;margin-top:2rem}
article+article{border-top:3px double #999;margin-top:3rem}
.meta,.legend,table,.verdict{font:14px/1.4 system-ui,sans-serif}
.meta{color:#555}.verdict{font-size:1rem;padding:.4rem .7rem;border-radius:4px;display:inline-block}
.v-positive,.v-mostly-positive{background:#e3f4e1}.v-negative,.v-mostly-negative{background:#fbe3e1}
.v-mixed,.v-neutral{background:#eee}
.text p,.text blockquote{margin:.6rem 0}.text blockquote{border-left:3px solid #bbb;padding-left:1rem;color:#444}
.text .heading{font-weight:bold}
.q{background:#fff3c4}.q-scare{background:#f1ecff}.q-reported{background:#e8f1fb}
.hedge{border-bottom:2px dotted #a66}.concession{border-bottom:2px dotted #36a}
.condition,.limitation{border-bottom:2px dotted #777}.booster{border-bottom:2px solid #7a7}
.held{border-bottom:2px dashed #93c;color:#529}
.risk{text-decoration:underline 2px #c33;text-underline-offset:4px}
.benefit{text-decoration:underline 2px #2a2;text-underline-offset:4px}
.risk.benefit{text-decoration-color:#a70}
a.id{font:11px system-ui,sans-serif;vertical-align:super;color:#666;text-decoration:none;margin:0 1px}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25rem .4rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.cue{background:#f4f4f4;border-radius:3px;padding:0 2px;white-space:nowrap}
.chart{margin:1rem 0}.chart svg{max-width:100%;height:auto;font:11px system-ui,sans-serif}
.chart .bar:hover rect{opacity:.7}.chart figcaption{font:13px system-ui,sans-serif;color:#555}
";

/// Writes the chart of the risks and benefits: one bar per assessment in text order, its
/// length the score as weighed in the balance (score × weight), risks leftwards in red,
/// benefits rightwards in green, and the balance's net last; each bar links to its mark in
/// the text and tells, on hover, its kind, holder, numbers, weight and cues.
fn chart(s: &mut String, report: &Report, p: &str) {
    let assessments = &report.analysis.assessments;
    if assessments.is_empty() {
        return;
    }
    let balance = &report.analysis.balance;
    const WIDTH: f64 = 640.0;
    const HALF: f64 = 260.0;
    const ROW: f64 = 18.0;
    let weighed = |a: &crux_analysis::Assessment| a.score * a.weight;
    let top = assessments
        .iter()
        .map(weighed)
        .chain([balance.net.abs()])
        .fold(0.0_f64, f64::max)
        .max(1e-9);
    let rows = assessments.len() + 1;
    let height = ROW * rows as f64 + 36.0;
    let mid = WIDTH / 2.0;
    let _ = writeln!(
        s,
        "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" \
         id=\"{p}chart\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" \
         aria-label=\"risks and benefits by weighed score, and the balance\">"
    );
    let _ = writeln!(
        s,
        "<line x1=\"{mid}\" y1=\"0\" x2=\"{mid}\" y2=\"{}\" stroke=\"#999\"></line>",
        ROW * rows as f64
    );
    for (i, a) in assessments.iter().enumerate() {
        let y = ROW * i as f64;
        let len = weighed(a) / top * HALF;
        let (x, kind, colour) = match a.kind {
            AssessmentKind::Risk => (mid - len, "risk", "#c33"),
            AssessmentKind::Benefit => (mid, "benefit", "#2a2"),
        };
        let weight = weight_reasons(a)
            .map(|why| format!(", weight {:.2} ({why})", a.weight))
            .unwrap_or_default();
        let cues: Vec<String> = a
            .cues
            .iter()
            .map(|c| format!("{} ({})", c.text, name(c.role)))
            .collect();
        let tip = format!(
            "{} {kind}, held by {}: score {:.2} = {:.2} magnitude × {:.2} likelihood × {:.2} \
             confidence{weight}; cues: {}\n{}",
            a.id,
            a.holder,
            a.score,
            a.magnitude,
            a.likelihood,
            a.confidence,
            if cues.is_empty() {
                "none".to_owned()
            } else {
                cues.join(", ")
            },
            a.text
        );
        let label_x = if a.kind == AssessmentKind::Risk {
            mid + 6.0
        } else {
            mid - 6.0
        };
        let anchor = if a.kind == AssessmentKind::Risk {
            "start"
        } else {
            "end"
        };
        let _ = writeln!(
            s,
            "<a href=\"#{p}t-{id}\" class=\"bar {kind}-bar\" data-id=\"{id}\" data-kind=\"{kind}\" \
             data-score=\"{:.4}\"><title>{}</title><rect x=\"{x:.1}\" y=\"{:.1}\" \
             width=\"{:.1}\" height=\"{:.1}\" fill=\"{colour}\"></rect><text x=\"{label_x}\" \
             y=\"{:.1}\" text-anchor=\"{anchor}\">{id}</text></a>",
            weighed(a),
            escape(&tip),
            y + 2.0,
            len.max(1.0),
            ROW - 4.0,
            y + ROW - 5.0,
            id = escape(&a.id),
        );
    }
    let y = ROW * assessments.len() as f64;
    let len = balance.net.abs() / top * HALF;
    let x = if balance.net < 0.0 { mid - len } else { mid };
    let verdict = verdict_name(balance.verdict);
    let _ = writeln!(
        s,
        "<g class=\"bar balance-bar\" data-net=\"{:.4}\"><title>balance: {verdict}, net {} \
         (benefit {:.2} − risk {:.2})</title><rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" \
         height=\"{:.1}\" fill=\"#555\"></rect><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{}\">\
         balance</text></g>",
        balance.net + 0.0,
        signed(balance.net),
        balance.benefit,
        balance.risk,
        y + 2.0,
        len.max(1.0),
        ROW - 4.0,
        if balance.net < 0.0 {
            mid + 6.0
        } else {
            mid - 6.0
        },
        y + ROW - 5.0,
        if balance.net < 0.0 { "start" } else { "end" },
    );
    let legend_y = ROW * rows as f64 + 20.0;
    let _ = writeln!(
        s,
        "<g class=\"chart-legend\"><rect x=\"0\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"#c33\"></rect>\
         <text x=\"16\" y=\"{ty}\">risk (score × weight), leftwards</text>\
         <rect x=\"230\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"#2a2\"></rect>\
         <text x=\"246\" y=\"{ty}\">benefit, rightwards</text>\
         <rect x=\"400\" y=\"{ly}\" width=\"12\" height=\"12\" fill=\"#555\"></rect>\
         <text x=\"416\" y=\"{ty}\">balance: net {}</text></g></svg>\
         <figcaption>Each bar is a risk or benefit in text order; hover for its numbers and \
         cues, click to find it in the text.</figcaption></figure>",
        signed(balance.net),
        ly = legend_y - 10.0,
        ty = legend_y,
    );
}

/// Text for HTML: `&`, `<`, `>` and `"` escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// The kinds of mark, each a CSS class; a stretch of text carries every kind whose span
/// covers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Quote,
    Scare,
    Reported,
    Hedge,
    Concession,
    Condition,
    Limitation,
    /// A caveat held by others (`attributed_caveats`), not the writer's.
    Held,
    Booster,
    Risk,
    Benefit,
}

const MARKS: [Mark; 11] = [
    Mark::Quote,
    Mark::Scare,
    Mark::Reported,
    Mark::Hedge,
    Mark::Concession,
    Mark::Condition,
    Mark::Limitation,
    Mark::Held,
    Mark::Booster,
    Mark::Risk,
    Mark::Benefit,
];

impl Mark {
    fn class(self) -> &'static str {
        match self {
            Mark::Quote => "q",
            Mark::Scare => "q-scare",
            Mark::Reported => "q-reported",
            Mark::Hedge => "hedge",
            Mark::Concession => "concession",
            Mark::Condition => "condition",
            Mark::Limitation => "limitation",
            Mark::Held => "held",
            Mark::Booster => "booster",
            Mark::Risk => "risk",
            Mark::Benefit => "benefit",
        }
    }
}

/// An edge of a marked span: where it opens or closes, and, at an opening, the id to show
/// and what hovering it tells.
struct Edge<'a> {
    at: usize,
    mark: Mark,
    open: bool,
    id: Option<&'a str>,
    tip: Option<String>,
}

/// Writes one article's section of the page. `n` numbers the article on the page, so that
/// its ids stay unique when the page holds several.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn render_html(report: &Report, n: usize, out: &mut dyn Write) -> io::Result<()> {
    let doc = &report.analysis.document;
    let text = &doc.text;
    let balance = &report.analysis.balance;
    let mut page = String::new();
    let p = format!("d{n}-");
    let s = &mut page;
    let title = doc.meta.title.as_deref().unwrap_or(&report.source);
    let _ = writeln!(
        s,
        "<article class=\"crux\" id=\"d{n}\">\n<h1>{}</h1>",
        escape(title)
    );
    let mut meta: Vec<String> = Vec::new();
    if !doc.meta.authors.is_empty() {
        meta.push(format!("By {}", escape(&doc.meta.authors.join(", "))));
    }
    match (&doc.meta.date, &doc.meta.time) {
        (Some(d), Some(t)) => meta.push(format!("{} {}", escape(d), escape(t))),
        (Some(d), None) => meta.push(escape(d)),
        _ => {}
    }
    if let Some(section) = &doc.meta.section {
        meta.push(escape(section));
    }
    meta.push(format!("<code>{}</code>", escape(&report.source)));
    let _ = writeln!(s, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let verdict = verdict_name(balance.verdict);
    let _ = writeln!(
        s,
        "<p class=\"verdict v-{}\">Balance: <b>{verdict}</b>, net {} (benefit {:.2}, risk {:.2}; \
         {} assessments)</p>",
        verdict.replace(' ', "-"),
        signed(balance.net),
        balance.benefit,
        balance.risk,
        report.analysis.assessments.len()
    );
    chart(s, report, &p);
    let _ = writeln!(
        s,
        "<p class=\"legend\">Marks: <span class=\"q\">quotation</span> \
         <span class=\"q-reported\">reported speech</span> <span class=\"q-scare\">scare quote</span> \
         <span class=\"hedge\">hedge</span> <span class=\"concession\">concession</span> \
         <span class=\"condition\">condition or limitation</span> \
         <span class=\"held\">held by others</span> <span class=\"booster\">booster</span> \
         <span class=\"risk\">risk</span> <span class=\"benefit\">benefit</span>; small ids link \
         to the tables below.</p>"
    );

    // The text, marked.
    let mut edges: Vec<Edge<'_>> = Vec::new();
    for q in &doc.quotes {
        let mark = match q.kind {
            QuoteKind::Direct | QuoteKind::Partial => Mark::Quote,
            QuoteKind::Scare => Mark::Scare,
            QuoteKind::Reported => Mark::Reported,
            // A block quote is shown as a block quotation.
            QuoteKind::Block => continue,
        };
        add(&mut edges, q.span, mark, Some(&q.id));
    }
    for c in &doc.caveats {
        let mark = match c.kind {
            CaveatKind::Hedge => Mark::Hedge,
            CaveatKind::Concession => Mark::Concession,
            CaveatKind::Condition => Mark::Condition,
            CaveatKind::Limitation => Mark::Limitation,
        };
        add(&mut edges, c.span, mark, Some(&c.id));
    }
    for c in &doc.attributed_caveats {
        let tip = format!("{} held by {}", name(c.kind), c.holder);
        let before = edges.len();
        add(&mut edges, c.span, Mark::Held, Some(&c.id));
        // Its opening (none for an empty span) tells whose it is on hover.
        if let Some(opening) = edges.get_mut(before) {
            opening.tip = Some(tip);
        }
    }
    for b in &doc.boosters {
        add(&mut edges, b.span, Mark::Booster, None);
    }
    for a in &report.analysis.assessments {
        let mark = match a.kind {
            AssessmentKind::Risk => Mark::Risk,
            AssessmentKind::Benefit => Mark::Benefit,
        };
        add(&mut edges, a.span, mark, Some(&a.id));
    }
    // Closings before openings at the same offset, so that adjacent marks do not nest.
    edges.sort_by_key(|e| (e.at, e.open));
    let mut active = [0usize; MARKS.len()];
    let mut next = 0;
    let _ = writeln!(s, "<section class=\"text\">");
    for para in &doc.paragraphs {
        if para.kind == ParagraphKind::Meta {
            continue;
        }
        let (open, close) = match (para.kind, para.voice) {
            (_, crux_parser::Voice::Quoted) => ("<blockquote>", "</blockquote>"),
            (ParagraphKind::Heading, _) => ("<p class=\"heading\">", "</p>"),
            _ => ("<p>", "</p>"),
        };
        s.push_str(open);
        // Apply the edges before the paragraph, then walk it.
        while next < edges.len() && edges[next].at < para.span.start() {
            apply(&mut active, &edges[next]);
            next += 1;
        }
        let mut at = para.span.start();
        loop {
            let stop = edges
                .get(next)
                .map_or(para.span.end(), |e| e.at.min(para.span.end()))
                .max(at);
            if stop > at {
                let classes: Vec<&str> = MARKS
                    .iter()
                    .zip(active)
                    .filter(|&(_, n)| n > 0)
                    .map(|(m, _)| m.class())
                    .collect();
                if classes.is_empty() {
                    push_escaped(s, &text[at..stop]);
                } else {
                    let _ = write!(s, "<span class=\"{}\">", classes.join(" "));
                    push_escaped(s, &text[at..stop]);
                    s.push_str("</span>");
                }
                at = stop;
            }
            if at >= para.span.end() || next >= edges.len() {
                break;
            }
            let e = &edges[next];
            apply(&mut active, e);
            if let Some(id) = e.id {
                let title = e
                    .tip
                    .as_ref()
                    .map(|t| format!(" title=\"{}\"", escape(t)))
                    .unwrap_or_default();
                let _ = write!(
                    s,
                    "<a class=\"id\" id=\"{p}t-{id}\" href=\"#{p}{id}\"{title}>{id}</a>"
                );
            }
            next += 1;
        }
        s.push_str(close);
        s.push('\n');
    }
    let _ = writeln!(s, "</section>");

    // The tables.
    let link = |id: &str| format!("<a href=\"#{p}t-{id}\" id=\"{p}{id}\">{id}</a>");
    let assessments = &report.analysis.assessments;
    if !assessments.is_empty() {
        let _ = writeln!(
            s,
            "<h2>Risks and benefits</h2>\n<table>\n<tr><th>id</th><th>kind</th><th>score</th>\
             <th>magnitude × likelihood × confidence</th><th>weight</th><th>holder</th>\
             <th>target</th><th>text</th><th>cues</th></tr>"
        );
        for a in assessments {
            let weight = if a.weighting.is_empty() {
                "1".to_owned()
            } else {
                let why: Vec<String> = a
                    .weighting
                    .iter()
                    .map(|w| {
                        let reason = weight_reason(w.reason);
                        match &w.cue {
                            Some(c) => {
                                format!("{reason} (<span class=\"cue\">{}</span>)", escape(&c.text))
                            }
                            None => reason.to_owned(),
                        }
                    })
                    .collect();
                format!("{:.2}: {}", a.weight, why.join(", "))
            };
            let cues: Vec<String> = a
                .cues
                .iter()
                .map(|c| {
                    let role = name(c.role);
                    format!(
                        "<span class=\"cue\" title=\"{role}\">{}</span>",
                        escape(&c.text)
                    )
                })
                .collect();
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{:.2}</td><td class=\"n\">{:.2} × {:.2} × \
                 {:.2}</td><td>{weight}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                link(&a.id),
                match a.kind {
                    AssessmentKind::Risk => "risk",
                    AssessmentKind::Benefit => "benefit",
                },
                a.score,
                a.magnitude,
                a.likelihood,
                a.confidence,
                escape(&a.holder),
                escape(a.target.as_deref().unwrap_or("—")),
                escape(&a.text),
                cues.join(" ")
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !doc.claims.is_empty() {
        let _ = writeln!(
            s,
            "<h2>Claims</h2>\n<table>\n<tr><th>id</th><th>type</th><th>holder</th><th>text</th>\
             <th>caveats</th></tr>"
        );
        for k in &doc.claims {
            let kind = match k.kind {
                ClaimType::Evaluation => "evaluation",
                ClaimType::Prediction => "prediction",
                ClaimType::Causal => "causal",
                ClaimType::Normative => "normative",
                ClaimType::Factual => "factual",
            };
            let caveats: Vec<String> = k
                .caveats
                .iter()
                .map(|c| format!("<a href=\"#{p}{c}\">{c}</a>"))
                .collect();
            let _ = writeln!(
                s,
                "<tr><td id=\"{p}{}\">{}</td><td>{kind}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                k.id,
                k.id,
                escape(&k.holder),
                escape(&k.text),
                caveats.join(" ")
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !doc.quotes.is_empty() {
        let _ = writeln!(
            s,
            "<h2>Quotes</h2>\n<table>\n<tr><th>id</th><th>kind</th><th>speaker</th><th>source</th>\
             <th>cue</th><th>text</th></tr>"
        );
        for q in &doc.quotes {
            let kind = name(q.kind);
            let speaker = q
                .speaker
                .as_ref()
                .map_or("—".to_owned(), |sp| match &sp.canonical {
                    Some(c) if *c != sp.text => format!("{} ({})", escape(&sp.text), escape(c)),
                    _ => escape(&sp.text),
                });
            let id = if q.kind == QuoteKind::Block {
                format!("<span id=\"{p}{}\">{}</span>", q.id, q.id)
            } else {
                link(&q.id)
            };
            let _ = writeln!(
                s,
                "<tr><td>{id}</td><td>{kind}</td><td>{speaker}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(q.source.as_ref().map_or("—", |t| t.text.as_str())),
                escape(q.cue.as_ref().map_or("—", |t| t.text.as_str())),
                escape(&q.text)
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !doc.caveats.is_empty() {
        let _ = writeln!(
            s,
            "<h2>Caveats</h2>\n<table>\n<tr><th>id</th><th>kind</th><th>strength</th><th>cue</th>\
             <th>scope</th></tr>"
        );
        for c in &doc.caveats {
            let kind = name(c.kind);
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{kind}</td><td class=\"n\">{:.2}</td><td><span class=\"cue\">{}</span></td>\
                 <td>{}</td></tr>",
                link(&c.id),
                c.strength,
                escape(&c.text),
                escape(&text[c.scope])
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !doc.attributed_caveats.is_empty() {
        // Beside the writer's caveats, not among them: beliefs and questions the text ascribes
        // to someone ("analysts believe", "asked whether").
        let _ = writeln!(
            s,
            "<h2>Others' hedges (held by others)</h2>\n<table class=\"held-by-others\">\n<tr>\
             <th>id</th><th>kind</th><th>holder</th><th>strength</th><th>cue</th><th>scope</th></tr>"
        );
        for c in &doc.attributed_caveats {
            let kind = name(c.kind);
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{kind}</td><td>{}</td><td class=\"n\">{:.2}</td><td><span \
                 class=\"cue held\">{}</span></td><td>{}</td></tr>",
                link(&c.id),
                escape(&c.holder),
                c.strength,
                escape(&c.text),
                escape(text.get(c.scope.start()..c.scope.end()).unwrap_or(""))
            );
        }
        let _ = writeln!(s, "</table>");
    }
    if !report.diagnostics.is_empty() {
        let _ = writeln!(s, "<h2>Diagnostics</h2>\n<ul>");
        for d in &report.diagnostics {
            let _ = writeln!(
                s,
                "<li><code>{}</code>: {}</li>",
                escape(&d.code),
                escape(&d.message)
            );
        }
        let _ = writeln!(s, "</ul>");
    }
    let _ = writeln!(s, "</article>");
    out.write_all(page.as_bytes())
}

fn add<'a>(edges: &mut Vec<Edge<'a>>, span: Span, mark: Mark, id: Option<&'a str>) {
    if !span.is_empty() {
        edges.push(Edge {
            at: span.start(),
            mark,
            open: true,
            id,
            tip: None,
        });
        edges.push(Edge {
            at: span.end(),
            mark,
            open: false,
            id: None,
            tip: None,
        });
    }
}

fn apply(active: &mut [usize; MARKS.len()], e: &Edge<'_>) {
    let k = MARKS.iter().position(|&m| m == e.mark).unwrap_or(0);
    if e.open {
        active[k] += 1;
    } else {
        active[k] = active[k].saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hedges held by others are marked in the text with a class of their own (styled apart
    /// from the writer's caveats, and in the legend), their holder told on hover, and listed
    /// in a table of their own after the writer's caveats.
    #[test]
    fn hedges_held_by_others_are_marked_apart() {
        let report = crate::test_support::report_with_others_hedges();
        let doc = &report.analysis.document;
        let mut out = Vec::new();
        render_html(&report, 1, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        // Their own style, not a writer's caveat's.
        let held = STYLE
            .lines()
            .find(|l| l.starts_with(".held{"))
            .expect("a style for .held");
        assert!(
            !held.contains(".hedge") && held.contains("dashed"),
            "{held}"
        );
        assert!(
            out.contains("<span class=\"held\">held by others</span>"),
            "legend"
        );
        let table = out
            .find("<h2>Others' hedges (held by others)</h2>")
            .expect("a table of their own");
        assert!(out.find("<h2>Caveats</h2>").is_some_and(|c| c < table));
        for c in &doc.attributed_caveats {
            let mark = format!(
                "<a class=\"id\" id=\"d1-t-{id}\" href=\"#d1-{id}\" title=\"{} held by {}\">{id}</a>",
                name(c.kind),
                escape(&c.holder),
                id = c.id
            );
            let at = out.find(&mark).unwrap_or_else(|| panic!("{mark} in {out}"));
            // The cue right after its id, in a span classed `held` (and no caveat class).
            let after = &out[at + mark.len()..];
            let span = &after[..after.find('>').unwrap()];
            assert!(span.contains("held") && !span.contains("hedge"), "{span}");
            assert!(after.contains(&format!(">{}</span>", escape(&c.text))));
            let row = format!(
                "<tr><td><a href=\"#d1-t-{id}\" id=\"d1-{id}\">{id}</a></td><td>{}</td><td>{}</td>\
                 <td class=\"n\">{:.2}</td><td><span class=\"cue held\">{}</span></td><td>{}</td></tr>",
                name(c.kind),
                escape(&c.holder),
                c.strength,
                escape(&c.text),
                escape(&doc.text[c.scope]),
                id = c.id
            );
            assert!(out[table..].contains(&row), "{row} in {out}");
        }
    }
}
