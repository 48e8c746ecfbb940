//! The Markdown reader: CommonMark (with strikethrough, tables, footnotes and task lists) read
//! with `pulldown-cmark` and reduced to plain text.
//!
//! # What is kept
//!
//! - Paragraphs, one block each; ATX and setext headings as [`BlockKind::Heading`]; list items
//!   as [`BlockKind::ListItem`], one block per item (the paragraphs of a loose item are joined
//!   by a line break; nested lists are flattened in document order); table rows, one block per
//!   row with the cells separated by a tab.
//! - `>` block quotes: each paragraph a block whose `quote_group` numbers the outermost block
//!   quote it belongs to (0-based, in document order). A nested quote belongs to its outer one.
//! - Code blocks, as a paragraph of their literal text (blank lines inside dropped, so a block
//!   never holds a blank line). They are kept rather than dropped because an article's code
//!   sample is still part of what it says, and the HTML reader keeps `<pre>` the same way.
//! - Inline code as its text; emphasis, strong and strikethrough as their text without markers.
//! - Links as their words, each recorded as a [`Link`](crate::Link) whose span covers them and
//!   whose `href` is the destination (reference links resolved).
//! - Hard breaks (and an inline `<br>`) as a line feed. Soft breaks (a line feed inside a
//!   paragraph) as one space, as a browser renders them: the line wrapping of a Markdown source
//!   says nothing about the article.
//! - YAML front matter (a `---` block on the first line) or TOML front matter (a `+++`
//!   block, as Hugo and Zola write it): `title`, `author`/`authors` (a string, a flow list
//!   `[A, B]` or a YAML block list), `date` (through
//!   [`parse_datetime`]), `section`/`category`/`categories`.
//! - A level-1 heading that is the first block becomes the title (a [`BlockKind::Meta`] block
//!   and `meta.title`) when the front matter gives none; if it repeats the front-matter title it
//!   is a meta block too.
//!
//! # What is dropped
//!
//! Images (their alt text describes a picture, it is not the writer's prose), HTML blocks and
//! inline HTML, footnote definitions and references, link reference definitions, task-list
//! markers, thematic breaks, and the front matter itself.
//!
//! The front matter is split off by hand rather than with pulldown-cmark's
//! `ENABLE_YAML_STYLE_METADATA_BLOCKS`: that option also takes a `---` rule in the middle of
//! the document for the start of a metadata block, and scans to the end of the input for the
//! closing fence at every such line, which is quadratic on a document of many `---` lines.
//! Source offsets are not needed either: every span indexes the extracted text and is taken as
//! it is written (see `TextBuilder`), so events are read with the plain iterator.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{BlockKind, Extracted, Gap, TextBuilder, check_nonempty, split_authors};
use crate::date::parse_datetime;
use crate::document::{Diagnostic, Meta};

/// Reads a Markdown document.
pub(crate) fn read(input: &str) -> Extracted {
    let source = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut meta = Meta::default();
    let mut diagnostics = Vec::new();
    let body = match split_front_matter(source) {
        Some((syntax, fields, body)) => {
            front_matter(fields, syntax, &mut meta, &mut diagnostics);
            body
        }
        None => source,
    };
    let options = Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS;
    let mut reader = Reader {
        out: TextBuilder::new(),
        kinds: Vec::new(),
        quote_depth: 0,
        quote_groups: 0,
        skip: 0,
        code: false,
        title: None,
        meta,
    };
    for event in Parser::new_ext(body, options) {
        reader.event(event);
    }
    reader.flush();
    let Reader { out, meta, .. } = reader;
    let (text, blocks, links) = out.finish();
    let mut extracted = Extracted {
        text,
        blocks,
        links,
        meta,
        diagnostics,
    };
    check_nonempty(source, &mut extracted);
    extracted
}

/// What the first-heading title rule decided for the heading being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Title {
    /// It is the title: set `meta.title` from it.
    Set,
    /// It is a meta block if it repeats the front-matter title, else a heading.
    Repeat,
}

#[derive(Debug)]
struct Reader {
    out: TextBuilder,
    /// The kinds of the open containers (item, heading, code block, block quote); the
    /// innermost gives the kind of the next block.
    kinds: Vec<BlockKind>,
    /// How many block quotes are open.
    quote_depth: usize,
    /// How many outermost block quotes have been opened.
    quote_groups: usize,
    /// Inside a dropped element (image, HTML block, footnote definition): how many of the
    /// tags opened since are still open, plus one.
    skip: usize,
    /// Inside a code block.
    code: bool,
    /// The open heading is a title candidate.
    title: Option<Title>,
    meta: Meta,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        if self.skip > 0 {
            match event {
                Event::Start(_) => self.skip += 1,
                Event::End(_) => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.code => self.out.push_literal(&text),
            Event::Text(text) | Event::Code(text) => self.out.push_collapsed(&text),
            Event::InlineMath(text) | Event::DisplayMath(text) => self.out.push_collapsed(&text),
            Event::SoftBreak => self.out.set_gap(Gap::Space),
            Event::HardBreak => self.out.set_gap(Gap::Newline),
            Event::InlineHtml(html) => {
                if is_br(&html) {
                    self.out.set_gap(Gap::Newline);
                }
            }
            Event::Rule => self.flush(),
            Event::Html(_) | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Paragraph => {
                // A loose list item's paragraphs stay one block.
                if self.kinds.last() == Some(&BlockKind::ListItem) {
                    self.out.set_gap(Gap::Newline);
                } else {
                    self.flush();
                }
            }
            Tag::Heading { level, .. } => {
                self.flush();
                let first = self.out.blocks.is_empty();
                self.title = (first && level == HeadingLevel::H1).then(|| {
                    if self.meta.title.is_none() {
                        Title::Set
                    } else {
                        Title::Repeat
                    }
                });
                self.push_kind(if self.title == Some(Title::Set) {
                    BlockKind::Meta
                } else {
                    BlockKind::Heading
                });
            }
            Tag::BlockQuote(_) => {
                self.flush();
                if self.quote_depth == 0 {
                    self.out.quote_group = Some(self.quote_groups);
                    self.quote_groups += 1;
                }
                self.quote_depth += 1;
                // Paragraphs of a quote inside a list item are paragraphs, not items.
                self.push_kind(BlockKind::Paragraph);
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = true;
                self.push_kind(BlockKind::Paragraph);
            }
            Tag::Item => {
                self.flush();
                self.push_kind(BlockKind::ListItem);
            }
            Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow => self.flush(),
            Tag::Link { dest_url, .. } => self.out.open_link(&dest_url),
            Tag::Image { .. }
            | Tag::HtmlBlock
            | Tag::FootnoteDefinition(_)
            | Tag::MetadataBlock(_) => {
                self.skip = 1;
            }
            Tag::TableCell
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph if self.kinds.last() != Some(&BlockKind::ListItem) => self.flush(),
            TagEnd::Heading(_) | TagEnd::Item => {
                self.flush();
                self.pop_kind();
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    self.out.quote_group = None;
                }
                self.pop_kind();
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.code = false;
                self.pop_kind();
            }
            TagEnd::List(_) | TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow => {
                self.flush();
            }
            TagEnd::TableCell => self.out.set_gap(Gap::Tab),
            TagEnd::Link => self.out.close_link(),
            _ => {}
        }
    }

    fn push_kind(&mut self, kind: BlockKind) {
        self.kinds.push(kind);
        self.out.kind = kind;
    }

    fn pop_kind(&mut self) {
        self.kinds.pop();
        self.out.kind = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
    }

    /// Ends the open block; settles the title rule when it was a first-level-1 heading.
    fn flush(&mut self) {
        let Some(index) = self.out.flush() else {
            return;
        };
        match self.title.take() {
            Some(Title::Set) => {
                self.meta.title = Some(self.out.block_text(index).to_owned());
            }
            Some(Title::Repeat)
                if self.meta.title.as_deref() == Some(self.out.block_text(index)) =>
            {
                self.out.blocks[index].kind = BlockKind::Meta;
            }
            _ => {}
        }
    }
}

/// Whether an inline HTML fragment is a line break tag.
fn is_br(html: &str) -> bool {
    let tag = html.trim();
    let Some(inner) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let inner = inner.trim_end_matches('/').trim();
    inner.eq_ignore_ascii_case("br")
}

/// The language of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontMatter {
    /// YAML between `---` lines (Jekyll, Hugo, Pandoc): `key: value`.
    Yaml,
    /// TOML between `+++` lines (Hugo, Zola): `key = value`.
    Toml,
}

/// Splits front matter from the document: a `---` first line up to a `---` or `...` line
/// (YAML), or a `+++` first line up to a `+++` line (TOML). Returns its language, the lines
/// between and the rest. Without a closing line there is no front matter (a `---` is a rule,
/// a `+++` text).
fn split_front_matter(source: &str) -> Option<(FrontMatter, &str, &str)> {
    let first_end = source.find('\n')?;
    let syntax = match source[..first_end].trim_end() {
        "---" => FrontMatter::Yaml,
        "+++" => FrontMatter::Toml,
        _ => return None,
    };
    let mut at = first_end + 1;
    while at < source.len() {
        let line_end = source[at..].find('\n').map_or(source.len(), |i| at + i);
        let line = source[at..line_end].trim_end();
        let closes = match syntax {
            FrontMatter::Yaml => line == "---" || line == "...",
            FrontMatter::Toml => line == "+++",
        };
        if closes {
            let rest = source.get(line_end + 1..).unwrap_or("");
            return Some((syntax, &source[first_end + 1..at], rest));
        }
        at = line_end + 1;
    }
    None
}

/// Reads the fields crux knows from front matter. Only the flat subset that front matter
/// uses is understood: `key: value` (YAML) or `key = value` (TOML), quoted values, `[a, b]`
/// lists (in TOML over several lines too) and, in YAML, `- item` block lists under a key.
/// TOML keys after the first `[table]` header belong to that table and are not read. Anything
/// else is skipped.
fn front_matter(
    fields: &str,
    syntax: FrontMatter,
    meta: &mut Meta,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let separator = match syntax {
        FrontMatter::Yaml => ':',
        FrontMatter::Toml => '=',
    };
    let mut lines = fields.lines().peekable();
    while let Some(line) = lines.next() {
        if syntax == FrontMatter::Toml && line.trim_start().starts_with('[') {
            break;
        }
        if line.starts_with([' ', '\t', '#', '-']) || line.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = line.split_once(separator) else {
            continue;
        };
        let key = key.trim().trim_matches('"').to_ascii_lowercase();
        let mut value = value.trim().to_owned();
        // A TOML array may span lines, up to the line that closes it.
        if syntax == FrontMatter::Toml && value.starts_with('[') {
            while !value.trim_end().ends_with(']') {
                let Some(next) = lines.next() else { break };
                value.push(' ');
                value.push_str(next.trim());
            }
        }
        let value = value.as_str();
        let mut values = Vec::new();
        if value.is_empty() {
            // A block list follows, indented or not.
            while let Some(item) = lines
                .peek()
                .and_then(|next| next.trim_start().strip_prefix('-'))
            {
                values.push(unquote(item.trim()).to_owned());
                lines.next();
            }
        } else if let Some(list) = value
            .strip_prefix('[')
            .and_then(|v| v.trim_end().strip_suffix(']'))
        {
            values.extend(
                list.split(',')
                    .map(|v| unquote(v.trim()).to_owned())
                    .filter(|v| !v.is_empty()),
            );
        } else {
            values.push(unquote(value).to_owned());
        }
        let Some(first) = values.first().filter(|v| !v.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "title" => meta.title = Some(first.clone()),
            "author" | "authors" | "byline" => {
                meta.authors = values.iter().flat_map(|v| split_authors(v)).collect();
            }
            "date" | "published" | "pubdate" => match parse_datetime(first) {
                Some((date, time)) => {
                    meta.date = Some(date);
                    meta.time = time;
                }
                None => diagnostics.push(Diagnostic::note(
                    "unrecognised-date",
                    format!("the front matter date {first:?} was not understood"),
                    None,
                )),
            },
            "section" | "category" | "categories" if meta.section.is_none() => {
                meta.section = Some(first.clone());
            }
            _ => {}
        }
    }
}

/// Strips one pair of surrounding YAML quotes. Escapes are rare in these fields; only `\"`
/// and `''` are worth knowing, and they are left as written.
fn unquote(value: &str) -> &str {
    // A trailing comment is not part of a plain value.
    let value = match value.find(" #") {
        Some(i) if !value.starts_with(['"', '\'']) => value[..i].trim_end(),
        _ => value,
    };
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_only_when_closed() {
        assert_eq!(
            split_front_matter("---\ntitle: A\n---\nBody\n"),
            Some((FrontMatter::Yaml, "title: A\n", "Body\n"))
        );
        assert_eq!(
            split_front_matter("+++\ntitle = \"A\"\n+++\nBody\n"),
            Some((FrontMatter::Toml, "title = \"A\"\n", "Body\n"))
        );
        assert_eq!(split_front_matter("+++\ntitle = \"A\"\n---\nBody\n"), None);
        assert_eq!(split_front_matter("---\nNo close\n"), None);
        assert_eq!(split_front_matter("Text\n---\n"), None);
    }

    #[test]
    fn front_matter_fields() {
        let mut meta = Meta::default();
        let mut diagnostics = Vec::new();
        front_matter(
            "title: \"A: B\"\nauthors:\n  - Ann Lee\n  - Bo Diaz\ndate: 2011-08-07T19:24\ncategory: Law # note\n",
            FrontMatter::Yaml,
            &mut meta,
            &mut diagnostics,
        );
        assert_eq!(meta.title.as_deref(), Some("A: B"));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Diaz"]);
        assert_eq!(meta.date.as_deref(), Some("2011-08-07"));
        assert_eq!(meta.time.as_deref(), Some("19:24"));
        assert_eq!(meta.section.as_deref(), Some("Law"));
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn flow_list_and_bad_date() {
        let mut meta = Meta::default();
        let mut diagnostics = Vec::new();
        front_matter(
            "author: [Ann Lee, 'Bo Diaz']\ndate: someday\n",
            FrontMatter::Yaml,
            &mut meta,
            &mut diagnostics,
        );
        assert_eq!(meta.authors, ["Ann Lee", "Bo Diaz"]);
        assert_eq!(meta.date, None);
        assert_eq!(diagnostics[0].code, "unrecognised-date");
    }

    #[test]
    fn toml_front_matter() {
        let mut meta = Meta::default();
        let mut diagnostics = Vec::new();
        front_matter(
            "title = \"Rates: A View\"\nauthors = [\n  \"Ann Lee\",\n  \"Bo Diaz\",\n]\ndate = 2011-08-07T19:24:00Z\n\n[taxonomies]\ncategory = \"Not top level\"\n",
            FrontMatter::Toml,
            &mut meta,
            &mut diagnostics,
        );
        assert_eq!(meta.title.as_deref(), Some("Rates: A View"));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Diaz"]);
        assert_eq!(meta.date.as_deref(), Some("2011-08-07"));
        assert_eq!(meta.section, None);
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn toml_front_matter_is_not_body_text() {
        let extracted = read("+++\ntitle = \"T\"\n+++\n\nThe body.\n");
        assert_eq!(extracted.meta.title.as_deref(), Some("T"));
        assert_eq!(extracted.text.trim(), "The body.");
    }

    #[test]
    fn br_tags() {
        assert!(is_br("<br>"));
        assert!(is_br("<BR />"));
        assert!(!is_br("<b>"));
    }
}
