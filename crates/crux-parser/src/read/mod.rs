//! Input readers: plain text, Markdown and HTML, each turned into an [`Extracted`] text with its
//! blocks.
//!
//! Plain text is analysed byte for byte as given; its blocks are found from the layout
//! ([`text::blocks`]). Markdown ([`markdown`]) and HTML ([`html`]) are reduced to plain text (one
//! block per paragraph, heading, list item or block-quote paragraph, separated by blank lines)
//! and their blocks come from the markup.
//!
//! Both markup readers write through one [`TextBuilder`], so that the two formats lay out their
//! text the same way: blocks are trimmed and separated by exactly one blank line (`"\n\n"`),
//! a block never holds a blank line itself, and link spans are taken as the words are written,
//! so no span ever needs to be recomputed or searched for.

use crate::document::{Diagnostic, InputFormat, Link, Meta};
use crate::span::Span;

mod html;
mod markdown;
pub(crate) mod text;

/// What a block of the extracted text is, as far as the reader can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// Running prose, or a line whose role is not known yet (plain text).
    Paragraph,
    /// A heading (Markdown `#`, HTML `<h1>`–`<h6>`).
    Heading,
    /// A list item.
    ListItem,
    /// Known to be metadata by the markup: the title, a kicker, a byline or dateline element.
    Meta,
}

/// A block of the extracted text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Block {
    /// Where it lies in the extracted text, trimmed of surrounding white space.
    pub(crate) span: Span,
    /// What it is.
    pub(crate) kind: BlockKind,
    /// For paragraphs inside a marked block quote (`>` or `<blockquote>`): the number of that
    /// block quote, counted from 0 in document order. Adjacent paragraphs of one block quote
    /// share the number.
    pub(crate) quote_group: Option<usize>,
}

impl Block {
    pub(crate) const fn new(span: Span, kind: BlockKind) -> Block {
        Block {
            span,
            kind,
            quote_group: None,
        }
    }
}

/// The text to analyse, with what the reader learnt about its structure.
#[derive(Debug, Clone, Default)]
pub(crate) struct Extracted {
    /// The analysed text.
    pub(crate) text: String,
    /// Blocks in document order. Empty for plain text, whose blocks are found from the layout.
    pub(crate) blocks: Vec<Block>,
    /// Metadata the markup states (`<title>`, author and date `<meta>`, `<time>`); fields not
    /// stated stay empty and are looked for in the text.
    pub(crate) meta: Meta,
    /// Hyperlinks, with spans into `text`.
    pub(crate) links: Vec<Link>,
    /// Problems met while reading.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// White space waiting to be written before the next words of a block.
///
/// It is written lazily, so that white space at the end of a block, before a block boundary or
/// between blocks never reaches the text. A stronger gap absorbs a weaker one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Nothing pending.
    None,
    /// One space (collapsed HTML white space, a Markdown soft break).
    Space,
    /// A tab, between the cells of a table row.
    Tab,
    /// A line break (`<br>`, a Markdown hard break, a line of preformatted text).
    Newline,
}

/// A link whose words are being written.
#[derive(Debug)]
struct OpenLink {
    href: String,
    /// Where its first word starts, once one has been written.
    start: Option<usize>,
}

/// A block whose words are being written.
#[derive(Debug, Clone, Copy)]
struct OpenBlock {
    start: usize,
    kind: BlockKind,
    quote_group: Option<usize>,
}

/// Writes the extracted text block by block, with the blocks' and links' spans.
///
/// Readers call [`TextBuilder::push_collapsed`] / [`TextBuilder::push_literal`] for words,
/// [`TextBuilder::flush`] at block boundaries and set [`TextBuilder::kind`] /
/// [`TextBuilder::quote_group`] to describe the block that the next words open. Everything is
/// appended once, so building is linear in the size of the output.
#[derive(Debug)]
pub(crate) struct TextBuilder {
    /// The text written so far.
    pub(crate) text: String,
    /// The finished blocks.
    pub(crate) blocks: Vec<Block>,
    /// The finished links.
    pub(crate) links: Vec<Link>,
    /// The kind the next block will have (read when its first word is written).
    pub(crate) kind: BlockKind,
    /// The block quote the next block belongs to (read when its first word is written).
    pub(crate) quote_group: Option<usize>,
    block: Option<OpenBlock>,
    gap: Gap,
    link: Option<OpenLink>,
}

impl TextBuilder {
    pub(crate) fn new() -> TextBuilder {
        TextBuilder {
            text: String::new(),
            blocks: Vec::new(),
            links: Vec::new(),
            kind: BlockKind::Paragraph,
            quote_group: None,
            block: None,
            gap: Gap::None,
            link: None,
        }
    }

    /// The white space waiting to be written.
    pub(crate) fn gap(&self) -> Gap {
        self.gap
    }

    /// Asks for at least `gap` before the next words. Ignored outside a block: blocks start
    /// with their first word.
    pub(crate) fn set_gap(&mut self, gap: Gap) {
        if self.block.is_some() {
            self.gap = self.gap.max(gap);
        }
    }

    /// Writes `s` with HTML white-space collapsing: every run of ASCII white space becomes one
    /// space (written only between words). Other white space, such as the no-break space, is
    /// kept as a character, except at the edges of a block.
    pub(crate) fn push_collapsed(&mut self, s: &str) {
        for (i, run) in s.split(|c: char| c.is_ascii_whitespace()).enumerate() {
            if i > 0 {
                self.set_gap(Gap::Space);
            }
            if !run.is_empty() {
                self.write(run);
            }
        }
    }

    /// Writes preformatted `s` line by line: spaces inside a line are kept, each line feed
    /// becomes a line break, and lines that are blank or only white space are dropped, so that
    /// a block never holds a blank line.
    pub(crate) fn push_literal(&mut self, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.set_gap(Gap::Newline);
            }
            let line = line.strip_suffix('\r').unwrap_or(line);
            if self.gap == Gap::Newline && line.trim().is_empty() {
                continue;
            }
            if !line.is_empty() {
                self.write(line);
            }
        }
    }

    /// Writes words (no line feeds): opens a block if none is open, writes the pending gap,
    /// starts a pending link.
    pub(crate) fn write(&mut self, run: &str) {
        let run = if self.block.is_none() {
            // A block is trimmed: leading white space (a no-break space, a tab in
            // preformatted text) cannot start it.
            let run = run.trim_start();
            if run.is_empty() {
                return;
            }
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            self.block = Some(OpenBlock {
                start: self.text.len(),
                kind: self.kind,
                quote_group: self.quote_group,
            });
            self.gap = Gap::None;
            run
        } else {
            match self.gap {
                Gap::None => {}
                Gap::Space => self.text.push(' '),
                Gap::Tab => self.text.push('\t'),
                Gap::Newline => {
                    // Spaces before a line break are invisible; dropping them keeps a
                    // white-space-only line from looking like a blank line.
                    self.truncate_trailing_space();
                    self.text.push('\n');
                }
            }
            self.gap = Gap::None;
            run
        };
        if let Some(link) = &mut self.link
            && link.start.is_none()
        {
            link.start = Some(self.text.len());
        }
        self.text.push_str(run);
    }

    /// Cuts white space from the end of the open block.
    fn truncate_trailing_space(&mut self) {
        if let Some(block) = self.block {
            let end = block.start + self.text[block.start..].trim_end().len();
            self.text.truncate(end);
        }
    }

    /// Starts a link to `href`; its span starts at its first written word.
    pub(crate) fn open_link(&mut self, href: &str) {
        self.close_link();
        self.link = Some(OpenLink {
            href: href.to_owned(),
            start: None,
        });
    }

    /// Ends the open link, if any, recording it when it has words.
    pub(crate) fn close_link(&mut self) {
        self.end_link_here();
        self.link = None;
    }

    /// Records the open link up to here; a link that continues (its words run over a block
    /// boundary) starts again at its next word.
    fn end_link_here(&mut self) {
        if let Some(link) = &mut self.link
            && let Some(start) = link.start.take()
        {
            let start = start.min(self.text.len());
            let span = Span::new(start, self.text.len()).trim(&self.text);
            if !span.is_empty() {
                self.links.push(Link {
                    text: self.text[span].to_owned(),
                    span,
                    href: link.href.clone(),
                });
            }
        }
    }

    /// Ends the open block, if any, and returns its index in [`TextBuilder::blocks`].
    pub(crate) fn flush(&mut self) -> Option<usize> {
        let block = self.block.take()?;
        self.gap = Gap::None;
        let end = block.start + self.text[block.start..].trim_end().len();
        self.text.truncate(end);
        self.end_link_here();
        // Invariant: the block is non-empty and trimmed, because it was opened by a word that
        // does not start with white space and its trailing white space was just cut.
        self.blocks.push(Block {
            span: Span::new(block.start, end),
            kind: block.kind,
            quote_group: block.quote_group,
        });
        Some(self.blocks.len() - 1)
    }

    /// The words of block `index`.
    pub(crate) fn block_text(&self, index: usize) -> &str {
        &self.text[self.blocks[index].span]
    }

    /// Flushes and hands over the text, blocks and links.
    pub(crate) fn finish(mut self) -> (String, Vec<Block>, Vec<Link>) {
        self.flush();
        self.close_link();
        (self.text, self.blocks, self.links)
    }
}

/// Splits a byline into author names: strips a leading "By" and splits "A and B",
/// "A, B and C", "A, B, & C". Words after a line break or a `|` (a dateline on the same line)
/// are not names and are left out.
pub(crate) fn split_authors(byline: &str) -> Vec<String> {
    let line = byline
        .split(['\n', '|', '•', '·'])
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let line = match line.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &line[3..],
        _ => line,
    };
    let mut names = Vec::new();
    for part in line.split(',') {
        for name in split_on_words(part, &[" and ", " & ", " And "]) {
            let name = name.trim();
            let name = name
                .strip_prefix("and ")
                .or_else(|| name.strip_prefix("& "))
                .unwrap_or(name)
                .trim();
            if !name.is_empty() && !names.iter().any(|n: &String| n == name) {
                names.push(name.to_owned());
            }
        }
    }
    names
}

/// Splits `s` at each of the separators.
fn split_on_words<'s>(s: &'s str, separators: &[&str]) -> Vec<&'s str> {
    let mut parts = vec![s];
    for sep in separators {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
}

/// A "no article content" warning when markup gave no text at all although the input was not
/// blank.
pub(crate) fn check_nonempty(input: &str, extracted: &mut Extracted) {
    let reported = extracted
        .diagnostics
        .iter()
        .any(|d| d.code == "no-article-content");
    if extracted.text.is_empty()
        && !reported
        && !input.trim_start_matches('\u{feff}').trim().is_empty()
    {
        extracted.diagnostics.push(Diagnostic::warning(
            "no-article-content",
            "no text was found in the markup",
            None,
        ));
    }
}

/// Reads `input` in the given format.
pub(crate) fn read(input: &str, format: InputFormat) -> Extracted {
    match format {
        InputFormat::Text => Extracted {
            text: input.to_owned(),
            ..Extracted::default()
        },
        InputFormat::Markdown => markdown::read(input),
        InputFormat::Html => html::read(input),
    }
}

/// Guesses the format of `input` from its content: HTML when it starts (after white space and
/// a byte-order mark) with a tag, doctype or comment and contains a structural element; Markdown
/// when Markdown block syntax (ATX headings, `>` quotes, fenced code, setext underlines, links)
/// is frequent; else plain text.
///
/// # Examples
///
/// ```
/// use crux_parser::{sniff, InputFormat};
///
/// assert_eq!(sniff("<!DOCTYPE html><html><body><p>Hi</p></body></html>"), InputFormat::Html);
/// assert_eq!(sniff("# Title\n\nSome *text*.\n\n> quoted\n"), InputFormat::Markdown);
/// assert_eq!(sniff("Just some words.\n"), InputFormat::Text);
/// ```
#[must_use]
pub fn sniff(input: &str) -> InputFormat {
    let head = input.trim_start_matches('\u{feff}').trim_start();
    let probe = &head[..floor_char_boundary(head, 4096)];
    let lower = probe.to_ascii_lowercase();
    if lower.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<body",
            "<p",
            "<div",
            "<article",
            "<head",
        ]
        .iter()
        .any(|tag| lower.contains(tag))
    {
        return InputFormat::Html;
    }
    // Front matter (YAML `---` or TOML `+++`, closed by its fence) is Markdown's.
    for fence in ["---", "+++"] {
        if let Some(rest) = probe.strip_prefix(fence)
            && let Some(rest) = rest
                .strip_prefix('\n')
                .or_else(|| rest.strip_prefix("\r\n"))
            && rest.lines().any(|l| l.trim_end() == fence)
        {
            return InputFormat::Markdown;
        }
    }
    let mut lines = 0usize;
    let mut markdown = 0usize;
    let mut previous_nonblank = false;
    for line in probe.lines() {
        lines += 1;
        let t = line.trim_start();
        let atx = t.starts_with('#') && t.trim_start_matches('#').starts_with(' ');
        let setext = previous_nonblank
            && !t.is_empty()
            && (t.bytes().all(|b| b == b'=') || (t.len() >= 3 && t.bytes().all(|b| b == b'-')));
        if atx || setext || t.starts_with("> ") || t.starts_with("```") || t.contains("](") {
            markdown += 1;
        }
        previous_nonblank = !t.is_empty();
    }
    if markdown >= 2 || (markdown == 1 && lines <= 40) {
        InputFormat::Markdown
    } else {
        InputFormat::Text
    }
}

/// The largest char boundary of `s` at or below `index`.
pub(crate) fn floor_char_boundary(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    let mut i = index;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const HTML: &str = include_str!(
        "../../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.html"
    );
    const MARKDOWN: &str =
        include_str!("../../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.md");

    /// The layout promise of the markup readers: the text is exactly the blocks joined by one
    /// blank line, each block trimmed and free of blank lines.
    fn assert_layout(extracted: &Extracted) {
        let joined: Vec<&str> = extracted
            .blocks
            .iter()
            .map(|b| &extracted.text[b.span])
            .collect();
        assert_eq!(joined.join("\n\n"), extracted.text);
        for words in joined {
            assert!(!words.is_empty() && words == words.trim() && !words.contains("\n\n"));
        }
    }

    #[test]
    fn readers_lay_out_blocks() {
        for input in [
            HTML,
            "<p> a <br> <br> b\u{a0}</p><pre>\n x \n\n y</pre><ul><li><p>c</p><p>d</p></li></ul>",
            "<div>\u{a0}<a href=x> </a> <a href=y>\u{a0}z\u{a0}</a>\u{a0}</div>",
        ] {
            let extracted = read(input, InputFormat::Html);
            assert_layout(&extracted);
        }
        for input in [MARKDOWN, "a  \n  \nb\n\n```\n\n x\n\n```\n\n- c\n\n  d\n"] {
            assert_layout(&read(input, InputFormat::Markdown));
        }
    }

    #[test]
    fn links_are_trimmed_and_split_at_block_ends() {
        let extracted = read(
            "<div>\u{a0}<a href=x> </a> <a href=y>\u{a0}z\u{a0}</a>\u{a0}</div><a href=w><p>one</p><p>two</p></a>",
            InputFormat::Html,
        );
        let links: Vec<_> = extracted
            .links
            .iter()
            .map(|l| (l.text.as_str(), l.href.as_str()))
            .collect();
        assert_eq!(links, [("z", "y"), ("one", "w"), ("two", "w")]);
    }

    #[test]
    fn authors_are_split() {
        assert_eq!(split_authors("By Robert Chesney"), ["Robert Chesney"]);
        assert_eq!(
            split_authors("by A. Lee, B. Diaz, and C. Roe | Aug. 7"),
            ["A. Lee", "B. Diaz", "C. Roe"]
        );
        assert_eq!(split_authors("Ann Lee & Bo Diaz"), ["Ann Lee", "Bo Diaz"]);
        assert!(split_authors("").is_empty());
    }
}
