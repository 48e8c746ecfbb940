//! Output: the readable text report. The JSON report of contract version 1 and its schema are
//! `crux-report`'s, shared with the Python package.
//!
//! Every finding is located as `source:line:col` (lines and columns from 1, columns counted in
//! characters of the analysed text) and shown in its sentence with its span underlined, so that
//! a reader can check it against the words; colour by kind when asked for, and every line fitted
//! to a width.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use crux_analysis::{AssessmentKind, Verdict, WeightReason};
use crux_parser::{Document, ParagraphKind, Span, Voice};
pub use crux_report::{Report, json_schema};
use serde::Serialize;
use unicode_width::UnicodeWidthChar;

/// How the text report is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Whether to colour by kind with ANSI escapes. By default, off.
    pub color: bool,
    /// The width to fit lines to, in terminal columns (at least 40). By default, 100.
    pub width: usize,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            color: false,
            width: 100,
        }
    }
}

/// The narrowest width the report is laid out for; a smaller one is taken as this.
const MIN_WIDTH: usize = 40;
/// The most rows of a finding's sentence shown; longer ones are elided around the span.
const MAX_ROWS: usize = 4;

/// A value's name as the JSON output spells it (`"risk_term"`, `"concession"`).
pub(crate) fn name<T: Serialize>(value: T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Why an assessment's weight is not 1, every reason in words and joined ("others' view,
/// conceded"), or `None` when its weight is 1: the text, Markdown and HTML reports all say it so.
pub(crate) fn weight_reasons(a: &crux_analysis::Assessment) -> Option<String> {
    (!a.weighting.is_empty()).then(|| {
        a.weighting
            .iter()
            .map(|w| weight_reason(w.reason))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

/// Why an assessment's weight is not 1, in words, for the reports.
pub(crate) fn weight_reason(reason: WeightReason) -> &'static str {
    match reason {
        WeightReason::OthersView => "others' view",
        WeightReason::Reported => "reported, not weighed",
        WeightReason::ReportedFact => "a report's fact, not weighed",
        WeightReason::Evidence => "evidence the report relays",
        WeightReason::Conceded => "conceded",
        WeightReason::StatedBalance => "stated balance",
        WeightReason::Conclusion => "conclusion",
        WeightReason::Recommended => "recommended",
        WeightReason::Endorsed => "endorsed by the writer",
        WeightReason::Disputed => "disputed by the writer",
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

/// A net balance with its sign, to two places, never `-0.00`: a value that rounds to zero is
/// written `+0.00` whatever its sign (issue 15: `-0.00` in 435 of 2,225 BBC reports).
pub(crate) fn signed(x: f64) -> String {
    let rounded = (x * 100.0).round() / 100.0 + 0.0;
    format!("{rounded:+.2}")
}

pub(crate) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The colours of the report, one per kind of finding; all plain when colour is off.
struct Palette {
    heading: Style,
    dim: Style,
    quote: Style,
    caveat: Style,
    /// Caveats held by others (`attributed_caveats`): a colour of their own, not the writer's.
    held: Style,
    claim: Style,
    risk: Style,
    benefit: Style,
    warning: Style,
    note: Style,
}

impl Palette {
    fn new(color: bool) -> Palette {
        let fg = |c: AnsiColor| {
            if color {
                Style::new().fg_color(Some(c.into()))
            } else {
                Style::new()
            }
        };
        let plain = |s: Style| if color { s } else { Style::new() };
        Palette {
            heading: plain(Style::new().bold()),
            dim: plain(Style::new().dimmed()),
            quote: fg(AnsiColor::Cyan),
            caveat: fg(AnsiColor::Yellow),
            held: fg(AnsiColor::Magenta),
            claim: fg(AnsiColor::Blue),
            risk: fg(AnsiColor::Red),
            benefit: fg(AnsiColor::Green),
            warning: plain(fg(AnsiColor::Yellow).bold()),
            note: fg(AnsiColor::Cyan),
        }
    }
}

/// `text` in `style` (the style's escapes vanish when it is plain).
fn paint(style: Style, text: &str) -> String {
    if style == Style::new() {
        text.to_owned()
    } else {
        format!("{}{text}{}", style.render(), style.render_reset())
    }
}

/// A line built from characters in styles: each run of one style painted once.
#[derive(Default)]
struct Runs {
    done: String,
    run: String,
    style: Style,
}

impl Runs {
    /// Adds `c`, `n` times, in `style`.
    fn push(&mut self, c: char, n: usize, style: Style) {
        if style != self.style {
            self.done.push_str(&paint(self.style, &self.run));
            self.run.clear();
            self.style = style;
        }
        self.run.extend(std::iter::repeat_n(c, n));
    }

    /// The line, trailing white space dropped.
    fn finish(mut self) -> String {
        let trimmed = self.run.trim_end().len();
        self.run.truncate(trimmed);
        if !self.run.is_empty() {
            self.done.push_str(&paint(self.style, &self.run));
        }
        let trimmed = self.done.trim_end().len();
        self.done.truncate(trimmed);
        self.done
    }
}

/// Display width of a string in terminal columns.
fn width_of(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// A one-line excerpt of `text`: white space folded, cut to at most `max` columns, an
/// ellipsis included.
fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    // Where the text is cut when it does not fit: after the last character that leaves room
    // for the ellipsis.
    let mut cut = None;
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        let w = c.width().unwrap_or(0) + usize::from(space);
        if used + w > max {
            let at = cut.unwrap_or(0);
            out.truncate(at);
            out.push('…');
            return out;
        }
        if used + w < max {
            cut = Some(out.len() + usize::from(space) + c.len_utf8());
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        used += w;
    }
    out
}

/// Words of `text` (split at single spaces) laid out in lines of at most `width` columns, the
/// first after `first` columns already used, the others indented by `indent` spaces.
fn wrap(text: &str, first: usize, indent: usize, width: usize) -> String {
    let mut out = String::new();
    let mut col = first;
    let mut line_empty = true;
    // A word wider than a whole line (a long URL) is cut into pieces that fit.
    let room = width.saturating_sub(indent).max(1);
    let pieces = text.split(' ').filter(|w| !w.is_empty()).flat_map(|word| {
        let mut parts = Vec::new();
        let (mut start, mut used) = (0, 0);
        for (i, c) in word.char_indices() {
            let w = c.width().unwrap_or(0);
            if used + w > room && i > start {
                parts.push(&word[start..i]);
                (start, used) = (i, 0);
            }
            used += w;
        }
        parts.push(&word[start..]);
        parts
    });
    for word in pieces {
        let w = width_of(word);
        if !line_empty && col + 1 + w > width {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            col = indent;
            line_empty = true;
        }
        if !line_empty {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
        line_empty = false;
    }
    out
}

/// Finds lines and columns in a text, each in time bounded by a constant: line starts are
/// found by binary search, and characters are counted from the nearest checkpoint.
struct Locator<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// Characters before each multiple of [`CHECKPOINT`] bytes (or the char boundary just
    /// after it).
    checkpoints: Vec<(usize, usize)>,
}

const CHECKPOINT: usize = 1024;

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Locator<'a> {
        let mut line_starts = vec![0];
        let mut checkpoints = vec![(0, 0)];
        for (chars, (i, c)) in text.char_indices().enumerate() {
            if i >= checkpoints.last().map_or(0, |&(b, _)| b) + CHECKPOINT {
                checkpoints.push((i, chars));
            }
            if c == '\n' {
                line_starts.push(i + 1);
            }
        }
        Locator {
            text,
            line_starts,
            checkpoints,
        }
    }

    /// Characters before byte `offset` (a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let i = self.checkpoints.partition_point(|&(b, _)| b <= offset) - 1;
        let (b, n) = self.checkpoints[i];
        n + self.text.get(b..offset).map_or(0, |s| s.chars().count())
    }

    /// Line and column (from 1; the column in characters) of byte `offset`.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        (
            line,
            self.chars_before(offset) - self.chars_before(start) + 1,
        )
    }
}

/// Everything the report needs to place findings: the text, its lines, its sentences.
struct Place<'a> {
    source: &'a str,
    doc: &'a Document,
    locator: Locator<'a>,
    width: usize,
    palette: Palette,
}

impl Place<'_> {
    /// `source:line:col` of a span's start.
    fn location(&self, span: Span) -> String {
        let (line, col) = self.locator.line_col(span.start());
        format!("{}:{line}:{col}", self.source)
    }

    /// The stretch of text shown around a span: the sentences it touches, else its line;
    /// bounded so that a long span or line costs no more than the rows shown.
    fn context(&self, span: Span) -> Span {
        let text = &self.doc.text;
        let sentences = &self.doc.sentences;
        let first = sentences.partition_point(|s| s.span.end() <= span.start());
        let last = sentences.partition_point(|s| s.span.start() < span.end().max(span.start() + 1));
        let (mut start, mut end) = if first < last {
            (
                sentences[first].span.start().min(span.start()),
                sentences[last - 1].span.end().max(span.end()),
            )
        } else {
            let line = text[..span.start()].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[span.end()..]
                .find('\n')
                .map_or(text.len(), |i| span.end() + i);
            (line, line_end)
        };
        let reach = self.width * 4 * (MAX_ROWS + 1);
        if span.start() - start > reach {
            start = floor_boundary(text, span.start() - reach);
        }
        if end - span.start() > reach * 2 {
            end = floor_boundary(text, span.start() + reach * 2);
        }
        Span::new(start, end.max(start))
    }

    /// Writes a finding's sentence, wrapped after a gutter, with `marks` underlined: each mark
    /// a span and the character that underlines it. Rows far from the first mark are elided.
    fn snippet(&self, out: &mut dyn Write, marks: &[(Span, char, Style)]) -> io::Result<()> {
        let Some(&(main, _, _)) = marks.first() else {
            return Ok(());
        };
        let context = self.context(main);
        let text = &self.doc.text;
        let gutter = "    │ ";
        let avail = self.width.saturating_sub(width_of(gutter)).max(10);
        // Characters of the context, white space folded to one space, with their offsets.
        let mut cells: Vec<(char, usize)> = Vec::new();
        for (i, c) in text[context.start()..context.end()].char_indices() {
            let at = context.start() + i;
            if c.is_whitespace() {
                if cells.last().is_some_and(|&(p, _)| p != ' ') {
                    cells.push((' ', at));
                }
            } else {
                cells.push((c, at));
            }
        }
        while cells.last().is_some_and(|&(c, _)| c == ' ') {
            cells.pop();
        }
        // Rows: break after the last space that fits, else anywhere.
        let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
        let mut start = 0;
        while start < cells.len() {
            let mut col = 0;
            let mut end = start;
            let mut last_space = None;
            while end < cells.len() {
                let w = cells[end].0.width().unwrap_or(0);
                if col + w > avail {
                    break;
                }
                if cells[end].0 == ' ' {
                    last_space = Some(end);
                }
                col += w;
                end += 1;
            }
            if end < cells.len()
                && let Some(space) = last_space.filter(|&s| s > start)
            {
                end = space + 1;
            }
            let end = end.max(start + 1);
            rows.push(start..end);
            start = end;
        }
        // Later marks (a speaker, a cue) are drawn over the first (the finding's span).
        let marked = |at: usize| {
            marks
                .iter()
                .rev()
                .find(|(s, _, _)| s.start() <= at && at < s.end())
                .map(|&(_, c, style)| (c, style))
        };
        let row_of = |offset: usize| {
            rows.iter()
                .position(|r| cells[r.end - 1].1 >= offset)
                .unwrap_or(rows.len().saturating_sub(1))
        };
        let (mut from, mut to) = (0, rows.len());
        if rows.len() > MAX_ROWS {
            from = row_of(main.start()).saturating_sub(1);
            to = (from + MAX_ROWS).min(rows.len());
            from = to.saturating_sub(MAX_ROWS);
        }
        let dim = self.palette.dim;
        if from > 0 {
            writeln!(out, "{}…", paint(dim, gutter))?;
        }
        for row in &rows[from..to] {
            let (mut line, mut under) = (Runs::default(), Runs::default());
            for &(c, at) in &cells[row.clone()] {
                let w = c.width().unwrap_or(0);
                match marked(at) {
                    Some((mark, style)) => {
                        line.push(c, 1, style);
                        under.push(mark, w, style);
                    }
                    None => {
                        line.push(c, 1, Style::new());
                        under.push(' ', w, Style::new());
                    }
                }
            }
            writeln!(out, "{}{}", paint(dim, gutter), line.finish())?;
            let under = under.finish();
            if !under.is_empty() {
                writeln!(out, "{}{under}", paint(dim, gutter))?;
            }
        }
        if to < rows.len() {
            writeln!(out, "{}…", paint(dim, gutter))?;
        }
        Ok(())
    }

    /// A finding's heading line, its location, and its sentence with its span underlined.
    /// The heading begins with `tag` (an id, a severity), painted in `style`.
    fn finding(
        &self,
        out: &mut dyn Write,
        (tag, style): (&str, Style),
        rest: &str,
        marks: &[(Span, char, Style)],
    ) -> io::Result<()> {
        let heading = wrap(&format!("{tag} {rest}"), 2, 4, self.width);
        writeln!(out, "  {}{}", paint(style, tag), &heading[tag.len()..])?;
        // Spans index the text on character boundaries (the contract); one that did not would
        // be named, not shown, rather than stop the report.
        let text = &self.doc.text;
        let valid = |s: Span| {
            s.end() <= text.len()
                && text.is_char_boundary(s.start())
                && text.is_char_boundary(s.end())
        };
        if let Some(&(span, _, _)) = marks.first() {
            if !marks.iter().all(|&(s, _, _)| valid(s)) {
                writeln!(out, "    (span {span:?} does not index the text)")?;
                return Ok(());
            }
            writeln!(
                out,
                "    {} {}",
                paint(self.palette.dim, "-->"),
                self.location(span)
            )?;
            self.snippet(out, marks)?;
        }
        Ok(())
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The balance as a small bar: risk grows left of the axis, benefit right, both scaled to the
/// larger.
fn balance_bar(risk: f64, benefit: f64, half: usize, palette: &Palette) -> String {
    let top = risk.max(benefit);
    let cells = |v: f64| {
        if top > 0.0 && v > 0.0 {
            // At least one cell for anything above zero, so that a small side still shows.
            (((v / top) * half as f64).round() as usize).clamp(1, half)
        } else {
            0
        }
    };
    let (r, b) = (cells(risk), cells(benefit));
    format!(
        "risk {}{}│{}{} benefit",
        paint(palette.dim, &"·".repeat(half - r)),
        paint(palette.risk, &"█".repeat(r)),
        paint(palette.benefit, &"█".repeat(b)),
        paint(palette.dim, &"·".repeat(half - b)),
    )
}

/// Writes the readable report of one article, without colour, 100 columns wide.
///
/// # Errors
///
/// Fails when `out` fails.
pub fn render_text(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    render_text_with(report, TextOptions::default(), out)
}

/// Writes the readable report of one article, laid out as `options` say.
///
/// # Errors
///
/// Fails when `out` fails.
#[expect(
    clippy::too_many_lines,
    reason = "one section after another, in report order"
)]
pub fn render_text_with(
    report: &Report,
    options: TextOptions,
    out: &mut dyn Write,
) -> io::Result<()> {
    let doc = &report.analysis.document;
    let text = &doc.text;
    let width = options.width.max(MIN_WIDTH);
    let place = Place {
        source: &report.source,
        doc,
        locator: Locator::new(text),
        width,
        palette: Palette::new(options.color),
    };
    let p = &place.palette;
    writeln!(
        out,
        "{}  ({}, {})",
        paint(p.heading, &report.source),
        doc.format.as_str(),
        plural(text.len(), "byte", "bytes")
    )?;
    if doc.format != crux_parser::InputFormat::Text {
        // Only plain text is analysed byte for byte; other formats are read into text first.
        writeln!(
            out,
            "{}",
            paint(
                p.dim,
                &wrap(
                    &format!(
                        "(lines and columns count in the text read from this {} file, which \
                         the JSON report holds as `text`)",
                        doc.format.as_str()
                    ),
                    0,
                    0,
                    width
                )
            )
        )?;
    }
    writeln!(out)?;
    let meta = &doc.meta;
    let field = |out: &mut dyn Write, name: &str, value: Option<&str>| -> io::Result<()> {
        writeln!(
            out,
            "  {name:<8}  {}",
            wrap(value.unwrap_or("—"), 12, 12, width)
        )
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
    // Each number is kept on a line with its word: the spaces between them do not break.
    let nb = |n: usize, one: &str, many: &str| plural(n, one, many).replace(' ', "\u{a0}");
    let counts = [
        format!(
            "{} ({}, {}, {}, {})",
            nb(doc.paragraphs.len(), "paragraph", "paragraphs"),
            nb(count(ParagraphKind::Meta), "meta", "meta"),
            nb(count(ParagraphKind::Body), "body", "body"),
            nb(count(ParagraphKind::Heading), "heading", "heading"),
            nb(count(ParagraphKind::List), "list", "list"),
        ),
        nb(doc.sentences.len(), "sentence", "sentences"),
        nb(doc.quotes.len(), "quote", "quotes"),
        nb(doc.caveats.len(), "caveat", "caveats"),
        nb(
            doc.attributed_caveats.len(),
            "hedge held by others",
            "hedges held by others",
        ),
        nb(doc.claims.len(), "claim", "claims"),
        nb(risks, "risk", "risks"),
        nb(assessments.len() - risks, "benefit", "benefits"),
    ];
    let joined = counts.join(" · ");
    writeln!(
        out,
        "  {}",
        wrap(&joined, 2, 2, width).replace('\u{a0}', " ")
    )?;

    let balance = &report.analysis.balance;
    writeln!(out)?;
    let verdict = verdict_name(balance.verdict);
    if assessments.is_empty() {
        writeln!(
            out,
            "{}   {}",
            paint(p.heading, "Balance"),
            wrap(
                &format!("{verdict} (no risks or benefits found)"),
                10,
                10,
                width
            )
        )?;
    } else {
        let line = format!(
            "{verdict}: net {} (benefit {:.2}, risk {:.2})",
            signed(balance.net),
            balance.benefit,
            balance.risk
        );
        writeln!(
            out,
            "{}   {}",
            paint(p.heading, "Balance"),
            wrap(&line, 10, 10, width)
        )?;
        writeln!(
            out,
            "          {}",
            balance_bar(balance.risk, balance.benefit, ((width - 24) / 2).min(12), p)
        )?;
    }

    if !doc.paragraphs.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Paragraphs"))?;
        // Sentences per paragraph, counted in one pass (not one pass per paragraph).
        let mut per_paragraph = vec![0usize; doc.paragraphs.len()];
        for s in &doc.sentences {
            if let Some(n) = per_paragraph.get_mut(s.paragraph) {
                *n += 1;
            }
        }
        for (i, para) in doc.paragraphs.iter().enumerate() {
            let sentences = per_paragraph[i];
            let kind = match para.kind {
                ParagraphKind::Meta => "meta",
                ParagraphKind::Heading => "heading",
                ParagraphKind::Body => "body",
                ParagraphKind::List => "list",
            };
            let voice = match (para.voice, &para.quote) {
                (Voice::Author, _) => "author".to_owned(),
                (Voice::Quoted, Some(id)) => format!("quoted {id}"),
                (Voice::Quoted, None) => "quoted".to_owned(),
            };
            let (line, _) = place.locator.line_col(para.span.start());
            let head = format!(
                "  ¶{:<3} {:<6} {kind:<7} {voice:<10} {:>3}s  ",
                i + 1,
                format!("L{line}"),
                sentences,
            );
            let room = width.saturating_sub(width_of(&head));
            if room >= 16 {
                writeln!(out, "{head}{}", excerpt(&text[para.span], room))?;
            } else {
                // Too narrow for both on one line: the excerpt goes below.
                writeln!(out, "{}", head.trim_end())?;
                writeln!(out, "      {}", excerpt(&text[para.span], width - 6))?;
            }
        }
    }

    if !doc.quotes.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Quotes"))?;
        for q in &doc.quotes {
            let speaker = q
                .speaker
                .as_ref()
                .map_or("no speaker found".to_owned(), |s| match &s.canonical {
                    Some(c) if *c != s.text => format!("{} ({c})", s.text),
                    _ => s.text.clone(),
                });
            let kind = name(q.kind);
            let heading = format!(
                "{kind} quote — {speaker}{}",
                if q.speaker.is_some() { " (-)" } else { "" }
            );
            let mut marks = vec![(q.span, '^', p.quote)];
            if let Some(s) = &q.speaker {
                marks.push((s.span, '-', p.dim));
            }
            place.finding(out, (&q.id, p.quote), &heading, &marks)?;
        }
    }

    if !doc.caveats.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Caveats"))?;
        for c in &doc.caveats {
            let holder = if c.holder == "author" {
                String::new()
            } else {
                format!(" — {}", c.holder)
            };
            let heading = format!("{} {:.2}{holder}", name(c.kind), c.strength);
            place.finding(out, (&c.id, p.caveat), &heading, &[(c.span, '^', p.caveat)])?;
        }
    }

    if !doc.attributed_caveats.is_empty() {
        // Beside the writer's caveats, never among them: beliefs and questions the text
        // ascribes to someone ("analysts believe", "asked whether"), each with its holder, and
        // its scope underlined under the cue.
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint(
                p.heading,
                "Others' hedges (held by others, not the writer's)"
            )
        )?;
        for c in &doc.attributed_caveats {
            let heading = format!(
                "{} {:.2} — held by {} (scope -)",
                name(c.kind),
                c.strength,
                c.holder
            );
            // The cue first (it is the finding's location), then its scope on either side
            // of it, so that neither is drawn over the other.
            let (cue, scope) = (c.span, c.scope);
            let before = Span::new(scope.start(), cue.start().clamp(scope.start(), scope.end()));
            let after = Span::new(cue.end().clamp(scope.start(), scope.end()), scope.end());
            let marks = [
                (cue, '^', p.held),
                (before, '-', p.dim),
                (after, '-', p.dim),
            ];
            place.finding(out, (&c.id, p.held), &heading, &marks)?;
        }
    }

    if !doc.claims.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Claims"))?;
        for c in &doc.claims {
            // A claim is its own sentence: it is shown whole, wrapped, under its location.
            writeln!(
                out,
                "  {} {:<10} {}",
                paint(p.claim, &c.id),
                name(c.kind),
                place.location(c.span)
            )?;
            let folded = excerpt(&c.text, usize::MAX);
            writeln!(out, "      {}", wrap(&folded, 6, 6, width))?;
        }
    }

    if !assessments.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Risks and benefits"))?;
        for a in assessments {
            // The weight in the balance and why, when it is not 1: "×0.25 others, conceded".
            let weight = weight_reasons(a)
                .map(|why| format!(", weight ×{:.2} ({why})", a.weight))
                .unwrap_or_default();
            let style = match a.kind {
                AssessmentKind::Risk => p.risk,
                AssessmentKind::Benefit => p.benefit,
            };
            let heading = format!(
                "{} {:.2} = {:.2}×{:.2}×{:.2}{weight}",
                name(a.kind),
                a.score,
                a.magnitude,
                a.likelihood,
                a.confidence,
            );
            let mut marks = vec![(a.span, '^', style)];
            marks.extend(a.cues.iter().map(|cue| (cue.span, '-', p.dim)));
            place.finding(out, (&a.id, style), &heading, &marks)?;
            if !a.cues.is_empty() {
                let cues: Vec<String> = a
                    .cues
                    .iter()
                    .map(|c| format!("{} ({})", c.text, name(c.role)).replace(' ', "\u{a0}"))
                    .collect();
                let cues = wrap(&cues.join(", "), 14, 14, width).replace('\u{a0}', " ");
                writeln!(out, "    cues (-): {cues}")?;
            }
        }
    }

    if !report.diagnostics.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", paint(p.heading, "Diagnostics"))?;
        for d in &report.diagnostics {
            let severity = name(d.severity);
            let style = if severity == "warning" {
                p.warning
            } else {
                p.note
            };
            let tag = format!("{severity}[{}]:", d.code);
            let marks = d.span.map(|span| [(span, '^', style)]);
            place.finding(
                out,
                (&tag, style),
                &d.message,
                marks.as_ref().map_or(&[], |m| &m[..]),
            )?;
            if d.span.is_none() {
                writeln!(out, "    {} {}", paint(p.dim, "-->"), report.source)?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_negative_zero() {
        assert_eq!(signed(-0.004), "+0.00");
        assert_eq!(signed(-0.0), "+0.00");
        assert_eq!(signed(-0.005 - 1e-9), "-0.01");
        assert_eq!(signed(0.196), "+0.20");
    }

    #[test]
    fn excerpt_folds_and_cuts() {
        assert_eq!(excerpt(" a\u{a0}\n b ", 10), "a b");
        assert_eq!(excerpt("abcdef", 3), "ab…");
        assert_eq!(excerpt("abc", 3), "abc");
        assert_eq!(excerpt("ab cd", 4), "ab…");
        // Wide characters take two columns.
        assert_eq!(excerpt("日本語", 5), "日本…");
        assert_eq!(excerpt("日本語", 4), "日…");
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\n“c” d\n\ne";
        let at = Locator::new(text);
        assert_eq!(at.line_col(0), (1, 1));
        assert_eq!(at.line_col(3), (2, 1));
        // After a curly quote (3 bytes), a letter (1), a curly quote (3) and a space: column 4.
        assert_eq!(at.line_col(text.find('d').unwrap()), (2, 5));
        assert_eq!(at.line_col(text.len() - 1), (4, 1));
        let long = "é".repeat(3000) + "\nx";
        let at = Locator::new(&long);
        assert_eq!(at.line_col(long.len() - 1), (2, 1));
        assert_eq!(at.line_col(2 * 2500), (1, 2501));
    }

    /// Lines stay within the width whatever the text: wide characters, long words, tabs,
    /// carriage returns, combining marks, emoji.
    #[test]
    fn every_line_fits_whatever_the_text() {
        let texts = [
            "Officials said the plan \u{201c}could fail badly\u{201d}, critics warned.\r\n\r\nIt may help.",
            "東京の計画は危険だと専門家は言った。 \"It will fail,\" said Aiko Tanaka. The risk is high.",
            "See https://example.invalid/a/very/long/path/that/never/ends/and/keeps/going/on/and/on/forever.html for the risk.",
            "Cafe\u{301} owners\tsaid\tthe rent rise may ruin them 🌊🌊🌊 and could threaten jobs.",
        ];
        for text in texts {
            let report = crux_report::analyze_text("t", text, crux_parser::InputFormat::Text);
            for width in [40, 57, 80] {
                let mut out = Vec::new();
                render_text_with(
                    &report,
                    TextOptions {
                        color: false,
                        width,
                    },
                    &mut out,
                )
                .unwrap();
                let out = String::from_utf8(out).unwrap();
                for line in out.lines().filter(|l| !l.trim_start().starts_with("-->")) {
                    assert!(width_of(line) <= width, "{width}: {line:?}");
                }
            }
        }
    }

    #[test]
    fn a_span_outside_the_text_is_named_not_shown() {
        let report =
            crux_report::analyze_text("t", "The plan may fail.", crux_parser::InputFormat::Text);
        let place = Place {
            source: "t",
            doc: &report.analysis.document,
            locator: Locator::new(&report.analysis.document.text),
            width: 80,
            palette: Palette::new(false),
        };
        let mut out = Vec::new();
        let bad = Span::new(5, 500);
        place
            .finding(
                &mut out,
                ("x1", Style::new()),
                "test",
                &[(bad, '^', Style::new())],
            )
            .unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("does not index the text"), "{out}");
    }

    /// Beliefs and questions the text ascribes to others are shown beside the writer's caveats,
    /// in a section of their own with their holder, kind and scope, and counted apart.
    #[test]
    fn hedges_held_by_others_have_their_own_section() {
        let report = crate::test_support::report_with_others_hedges();
        let doc = &report.analysis.document;
        let mut out = Vec::new();
        render_text(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let n = doc.attributed_caveats.len();
        assert!(
            out.contains(&format!("{n}\u{a0}hedges held by others").replace('\u{a0}', " ")),
            "{out}"
        );
        let others = out
            .find("\nOthers' hedges (held by others, not the writer's)\n")
            .expect("a section of their own");
        let caveats = out.find("\nCaveats\n").expect("the writer's caveats");
        let claims = out.find("\nClaims\n").expect("claims");
        assert!(caveats < others && others < claims, "{out}");
        for c in &doc.attributed_caveats {
            let heading = format!(
                "  {} {} {:.2} — held by {} (scope -)\n",
                c.id,
                name(c.kind),
                c.strength,
                c.holder
            );
            let at = out
                .find(&heading)
                .unwrap_or_else(|| panic!("{heading:?} in {out}"));
            assert!(
                others < at && at < claims,
                "{heading:?} outside its section"
            );
            // The cue is underlined with ^, its scope around it with -.
            let shown = &out[at..claims];
            let rows: Vec<&str> = shown.lines().skip(2).take(2).collect();
            let (line, under) = (rows[0], rows[1]);
            let col = line.find(&c.text).expect("the cue in its sentence");
            assert_eq!(
                &under[col..col + c.text.len()],
                "^".repeat(c.text.len()),
                "{shown}"
            );
            assert!(under.contains('-'), "the scope is marked: {shown}");
        }
        // None of them is among the writer's caveats.
        for c in &doc.attributed_caveats {
            assert!(
                !out[caveats..others].contains(&format!("  {} ", c.id)),
                "{out}"
            );
        }
    }

    #[test]
    fn wrap_keeps_words_whole() {
        assert_eq!(wrap("aa bb cc dd", 0, 2, 7), "aa bb\n  cc dd");
        // A word wider than the line is cut to fit.
        assert_eq!(wrap("abcdefghijk x", 0, 0, 5), "abcde\nfghij\nk x");
        assert_eq!(wrap("日本語です", 0, 2, 6), "日本\n  語で\n  す");
    }

    #[test]
    fn balance_bar_scales_to_the_larger_side() {
        let p = Palette::new(false);
        assert_eq!(balance_bar(1.0, 0.5, 4, &p), "risk ████│██·· benefit");
        assert_eq!(balance_bar(0.0, 0.01, 4, &p), "risk ····│████ benefit");
        assert_eq!(balance_bar(0.0, 0.0, 2, &p), "risk ··│·· benefit");
    }
}
