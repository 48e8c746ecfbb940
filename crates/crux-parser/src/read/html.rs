//! The HTML reader: a readability-style extractor built on `scraper` (html5ever's
//! spec-compliant parser and an `ego-tree` DOM).
//!
//! # How it works
//!
//! 1. The page is parsed into a DOM; html5ever repairs unclosed and misnested tags and decodes
//!    entities, so the reader never sees raw markup.
//! 2. Metadata is gathered in one flat pass over all nodes: `og:title`, `<title>` (with a
//!    trailing " | Site" or " - Site" cut off), `author` / `article:author` / `[rel=author]` /
//!    `[itemprop=author]` / `.byline`, `article:published_time` / `[itemprop=datePublished]` /
//!    `meta[name=date]` / `<time datetime>`, `article:section`.
//! 3. The main content is chosen: the largest `<article>`, else `[role=main]` / `<main>`, else
//!    the element whose paragraphs hold the most text (their words count fully for their
//!    parent and half for their grandparent, as in Mozilla's Readability), else `<body>` with a
//!    `no-article-content` warning. Boilerplate is left out of the counts.
//! 4. The content is walked in document order and written through `TextBuilder`: `<p>`,
//!    `<div>` and the other block elements delimit blocks; `<h1>`–`<h6>` are headings (the
//!    first `<h1>` before any body text is the title: a meta block and `meta.title`); `<li>`,
//!    `<dt>`, `<dd>` list items; each paragraph of a `<blockquote>` a block with its
//!    `quote_group`; `<pre>` keeps its lines; `<br>` is a line feed (two in a row end the
//!    paragraph, as old blogs use them); table rows are blocks with tab-separated cells;
//!    `<q>` is written inside curly quotation marks (“…”, and ‘…’ when nested) so that quote
//!    detection sees it; `<a href>` becomes a [`Link`](crate::Link). Inline elements are
//!    flattened with HTML white-space collapsing (the no-break space is not collapsible and
//!    is kept).
//! 5. Elements marked as a byline, dateline or kicker (by class, id, `rel` or `itemprop`), and
//!    short blocks holding a `<time>`, become [`BlockKind::Meta`] blocks; a kicker also gives
//!    the section when no `article:section` does.
//!
//! # What is dropped
//!
//! `script`, `style`, `noscript`, `template`, `nav`, `aside`, `form`, `button` and other form
//! controls, `iframe`, embedded media and images, `figcaption`, `footer`, `<header>` outside an
//! article-like container, comments; elements that are `hidden`, `aria-hidden`, styled
//! `display: none`, or have a landmark role other than main (`navigation`, `banner`,
//! `contentinfo`, `complementary`, `search`, dialogs); and elements whose class or id names
//! boilerplate (share and social widgets, related links, comments, cookie and consent banners,
//! newsletters, ads, sidebars, breadcrumbs, pagination, paywalls).
//!
//! # Why scraper and not dom_smoothie
//!
//! dom_smoothie's `Readability` returns the article as cleaned HTML, which would have to be
//! parsed a second time to get the structure back, and its cleaning rewrites the very elements
//! crux needs (bylines, kickers and `<time>` are removed as unlikely candidates; `<q>` and
//! block-quote boundaries are not its concern). The selection rules above are the part of
//! Readability that matters for articles, and owning them keeps the output stable and
//! explainable.
//!
//! # Robustness
//!
//! Every walk is iterative (an explicit stack or sibling/parent links), so 10,000 nested
//! elements cannot overflow the stack; every pass is linear in the number of nodes.

use std::borrow::Cow;

use memchr::memchr;
use scraper::{ElementRef, Html, Node};

use super::{
    BlockKind, Extracted, Gap, TextBuilder, check_nonempty, floor_char_boundary, split_authors,
};
use crate::date::parse_datetime;
use crate::document::{Diagnostic, Meta};

/// The input without the internal subset of its DOCTYPE (`<!DOCTYPE html [<!ENTITY …>]>`, as
/// XHTML pages written by XML tools carry). HTML has no internal subsets: html5ever ends the
/// DOCTYPE at its first `>`, inside the subset, and the rest (`]>` at least) would be read as
/// text of the article. The subset declares nothing the reader uses, so it is dropped.
fn without_internal_subset(input: &str) -> Cow<'_, str> {
    let start = input.len()
        - input
            .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
            .len();
    let rest = &input[start..];
    let is_doctype = rest
        .get(..9)
        .is_some_and(|d| d.eq_ignore_ascii_case("<!doctype"));
    if !is_doctype {
        return Cow::Borrowed(input);
    }
    // The subset opens before the DOCTYPE's first `>` …
    let Some(open) = rest
        .find(['[', '>'])
        .filter(|&i| rest.as_bytes()[i] == b'[')
    else {
        return Cow::Borrowed(input);
    };
    // … and ends at a `]` followed, after white space, by `>`.
    let bytes = rest.as_bytes();
    let mut at = open;
    while let Some(i) = memchr(b']', &bytes[at + 1..]) {
        let close = at + 1 + i;
        let after = rest[close + 1..].trim_start();
        if after.starts_with('>') {
            let end = rest.len() - after.len() + 1;
            let mut out = String::with_capacity(input.len());
            out.push_str(&input[..start]);
            out.push_str(rest[..open].trim_end());
            out.push('>');
            out.push_str(&rest[end..]);
            return Cow::Owned(out);
        }
        at = close;
    }
    Cow::Borrowed(input)
}

/// Reads an HTML document.
pub(crate) fn read(input: &str) -> Extracted {
    let mut diagnostics = Vec::new();
    let cleaned = without_internal_subset(input);
    let limited = limit_depth(&cleaned);
    if let Cow::Owned(_) = limited {
        diagnostics.push(Diagnostic::warning(
            "deep-nesting",
            format!("elements nested deeper than {MAX_DEPTH} were flattened"),
            None,
        ));
    }
    let document = Html::parse_document(&limited);
    let head = HeadMeta::collect(&document);

    let Some(html) = document.tree.root().children().find_map(ElementRef::wrap) else {
        let mut extracted = Extracted::default();
        check_nonempty(input, &mut extracted);
        return extracted;
    };
    let body = html
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(html);
    let (root, semantic) = match choose_content(body) {
        Some(choice) => choice,
        None => {
            if !input.trim_start_matches('\u{feff}').trim().is_empty() {
                diagnostics.push(Diagnostic::warning(
                    "no-article-content",
                    "no article, main element or paragraph text was found; the whole page was read",
                    None,
                ));
            }
            (body, false)
        }
    };

    let mut walker = Walker::new(semantic);
    walk(root, &mut walker);
    walker.flush();
    let Walker {
        out,
        title,
        kicker,
        content_authors,
        byline_authors,
        content_time,
        ..
    } = walker;
    let (text, blocks, links) = out.finish();

    let meta = head.resolve(
        title,
        kicker,
        content_authors,
        byline_authors,
        content_time,
        &mut diagnostics,
    );
    let mut extracted = Extracted {
        text,
        blocks,
        links,
        meta,
        diagnostics,
    };
    check_nonempty(input, &mut extracted);
    extracted
}

/// Deepest element nesting handed to the HTML parser.
///
/// html5ever follows the HTML standard, whose "has an element in scope" checks walk the whole
/// stack of open elements at every block-level start tag: 10,000 nested `<div>`s cost 5·10⁷
/// steps (seconds in a debug build), 100,000 cost a hundred times more. No article nests
/// anywhere near this deep, so deeper tags are cut before parsing (their text is kept).
const MAX_DEPTH: usize = 512;

/// Elements that have no end tag, or whose end tag is usually implied by the next sibling:
/// they do not deepen the parser's stack for long, so they are not counted.
fn uncounted(name: &str) -> bool {
    [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
        "tbody", "tfoot", "rt", "rp", "colgroup", "caption", "param", "keygen",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// Elements whose content is raw text, in which `<` starts no tag.
fn raw_text(name: &str) -> bool {
    [
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// Removes start tags nested deeper than [`MAX_DEPTH`], with their end tags, in one linear
/// scan. The scan is a rough tokenizer (it does not parse attributes or comments), which is
/// enough: it only counts, and only inputs nested beyond the limit are changed at all.
fn limit_depth(input: &str) -> Cow<'_, str> {
    let bytes = input.as_bytes();
    if memchr::memchr_iter(b'<', bytes).nth(MAX_DEPTH).is_none() {
        return Cow::Borrowed(input);
    }
    let (mut depth, mut excess) = (0usize, 0usize);
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            at = lt + 1;
            continue;
        }
        let Some(gt) = memchr(b'>', &bytes[name_start..]) else {
            break;
        };
        let tag_end = name_start + gt + 1;
        let name = &input[name_start..name_start + name_len];
        at = tag_end;
        if uncounted(name) || (!closing && bytes[tag_end - 2] == b'/') {
            continue;
        }
        if !closing && raw_text(name) {
            // Skip to the end tag: a script's "<div" is not a tag.
            at = find_end_tag(bytes, tag_end, name).unwrap_or(bytes.len());
            continue;
        }
        let drop = if closing {
            if excess > 0 {
                excess -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            let out = out.get_or_insert_with(|| String::with_capacity(input.len()));
            out.push_str(&input[copied..lt]);
            copied = tag_end;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&input[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(input),
    }
}

/// Where `</name` starts at or after `from`, matching the name without regard to case.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut at = from;
    while let Some(found) = memchr(b'<', &bytes[at..]) {
        let lt = at + found;
        let after = &bytes[lt + 1..];
        if after.first() == Some(&b'/')
            && after
                .get(1..=name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

/// Something that follows a walk through the DOM.
trait Visitor<'a> {
    /// An element starts; returns whether to go inside it. An element not entered gets no
    /// [`Visitor::close`].
    fn open(&mut self, element: ElementRef<'a>) -> bool;
    /// An entered element ends.
    fn close(&mut self, element: ElementRef<'a>);
    /// A text node.
    fn text(&mut self, text: &'a str);
}

/// Walks the subtree of `root` in document order without recursion: the position moves by
/// first-child, next-sibling and parent links, so the depth of the tree costs no stack.
fn walk<'a>(root: ElementRef<'a>, visitor: &mut impl Visitor<'a>) {
    if !visitor.open(root) {
        return;
    }
    let mut node = *root;
    // Whether the children of `node` are to be visited (and `node` closed after them).
    let mut entered = true;
    loop {
        if entered && let Some(child) = node.first_child() {
            node = child;
            entered = visit(node.value(), ElementRef::wrap(node), visitor);
            continue;
        }
        // `node` is done: close it, then move on to the next sibling of it or of the nearest
        // ancestor that has one.
        loop {
            if entered && let Some(element) = ElementRef::wrap(node) {
                visitor.close(element);
            }
            if node.id() == root.id() {
                return;
            }
            if let Some(sibling) = node.next_sibling() {
                node = sibling;
                entered = visit(node.value(), ElementRef::wrap(node), visitor);
                break;
            }
            let Some(parent) = node.parent() else {
                return;
            };
            node = parent;
            // Every ancestor below `root` on the path was entered.
            entered = true;
        }
    }
}

/// Hands one node to the visitor; returns whether its children are to be visited.
fn visit<'a>(
    value: &'a Node,
    element: Option<ElementRef<'a>>,
    visitor: &mut impl Visitor<'a>,
) -> bool {
    match value {
        Node::Element(_) => element.is_some_and(|e| visitor.open(e)),
        Node::Text(text) => {
            visitor.text(text);
            false
        }
        _ => false,
    }
}

/// The attributes the reader looks at, read in one pass over an element's attributes.
#[derive(Debug, Default, Clone, Copy)]
struct Attrs<'a> {
    class: &'a str,
    id: &'a str,
    role: &'a str,
    itemprop: &'a str,
    rel: &'a str,
    style: &'a str,
    href: Option<&'a str>,
    datetime: Option<&'a str>,
    hidden: bool,
    aria_hidden: bool,
}

impl<'a> Attrs<'a> {
    fn of(element: ElementRef<'a>) -> Attrs<'a> {
        let mut attrs = Attrs::default();
        for (name, value) in element.value().attrs() {
            match name {
                "class" => attrs.class = value,
                "id" => attrs.id = value,
                "role" => attrs.role = value,
                "itemprop" => attrs.itemprop = value,
                "rel" => attrs.rel = value,
                "style" => attrs.style = value,
                "href" => attrs.href = Some(value),
                "datetime" => attrs.datetime = Some(value),
                "hidden" => attrs.hidden = true,
                "aria-hidden" => attrs.aria_hidden = value.eq_ignore_ascii_case("true"),
                _ => {}
            }
        }
        attrs
    }

    /// The words of the class and id: `"share-bar sidebar_left"` gives `share`, `bar`,
    /// `sidebar`, `left`.
    fn name_tokens(&self) -> impl Iterator<Item = &'a str> {
        self.class
            .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .chain(
                self.id
                    .split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_'),
            )
            .filter(|t| !t.is_empty())
    }

    fn has_token(list: &str, word: &str) -> bool {
        list.split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(word))
    }
}

/// Elements that never hold article prose.
const DROPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "label",
    "option",
    "datalist",
    "output",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "canvas",
    "svg",
    "math",
    "video",
    "audio",
    "picture",
    "img",
    "map",
    "figcaption",
    "footer",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "dialog",
    "noembed",
    "noframes",
];

/// Landmark roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Class and id words that name boilerplate when they are a whole word.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "nav",
    "menu",
    "footer",
    "modal",
    "overlay",
    "pager",
    "skip",
    "sr",
    "hidden",
    "toolbar",
    "trending",
    "recommended",
    "masthead",
];

/// Class and id word beginnings that name boilerplate ("sharebar", "relatedPosts",
/// "cookieBanner").
const BOILERPLATE_PREFIXES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "cookie",
    "consent",
    "gdpr",
    "comment",
    "newsletter",
    "subscri",
    "signup",
    "sidebar",
    "widget",
    "popup",
    "breadcrumb",
    "paginat",
    "disqus",
    "outbrain",
    "taboola",
    "paywall",
    "advert",
    "sponsor",
    "promo",
    "navbar",
    "navigation",
];

/// Whether a class or id word names boilerplate.
fn boilerplate_word(token: &str) -> bool {
    let starts = |prefix: &str| {
        token
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    // "commentary" is an article genre, not a comment thread.
    if starts("commentar") {
        return false;
    }
    BOILERPLATE_WORDS
        .iter()
        .any(|w| token.eq_ignore_ascii_case(w))
        || BOILERPLATE_PREFIXES.iter().any(|p| starts(p))
}

/// Whether `element` (with `attrs`) is left out with everything inside it. `keep_header`
/// keeps `<header>`, which inside an article holds its title and byline.
fn is_dropped(name: &str, attrs: &Attrs<'_>, keep_header: bool) -> bool {
    if matches!(name, "html" | "body") {
        return false;
    }
    if DROPPED_TAGS.contains(&name) || (name == "header" && !keep_header) {
        return true;
    }
    if attrs.hidden || attrs.aria_hidden {
        return true;
    }
    let style = attrs.style;
    if !style.is_empty() {
        let compact = style.split_ascii_whitespace().collect::<String>();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    if DROPPED_ROLES
        .iter()
        .any(|role| Attrs::has_token(attrs.role, role))
    {
        return true;
    }
    // The article container itself is never boilerplate, whatever its classes say
    // ("single-post has-sidebar").
    if matches!(name, "article" | "main") || Attrs::has_token(attrs.role, "main") {
        return false;
    }
    attrs.name_tokens().any(boilerplate_word)
}

/// Elements that start and end a block.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figure"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "caption"
            | "ul"
    )
}

/// What marks an element as article metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// A byline or dateline.
    Byline,
    /// A kicker: the section or category line above the headline.
    Kicker,
}

fn marker(name: &str, attrs: &Attrs<'_>) -> Option<Marker> {
    let is = |list: &str, words: &[&str]| words.iter().any(|w| Attrs::has_token(list, w));
    if name == "address"
        || is(attrs.rel, &["author"])
        || is(attrs.itemprop, &["author", "datePublished", "dateModified"])
        || attrs.name_tokens().any(|t| {
            [
                "byline",
                "dateline",
                "author",
                "authors",
                "posted",
                "pubdate",
                "timestamp",
                "date",
            ]
            .iter()
            .any(|w| t.eq_ignore_ascii_case(w))
        })
    {
        return Some(Marker::Byline);
    }
    if is(attrs.itemprop, &["articleSection"])
        || is(attrs.rel, &["category"])
        || attrs.name_tokens().any(|t| {
            ["kicker", "eyebrow", "rubric", "overline", "category"]
                .iter()
                .any(|w| t.eq_ignore_ascii_case(w))
        })
    {
        return Some(Marker::Kicker);
    }
    None
}

/// Longest block that a byline or kicker marker can make a meta block: longer text is prose
/// that happens to sit in a marked container.
const MAX_MARKED_META: usize = 300;
/// Longest block that a `<time>` alone makes a meta block ("Sunday, August 7, 2011, 7:24 PM").
const MAX_TIME_META: usize = 120;
/// Longest kicker taken for the section.
const MAX_KICKER: usize = 100;

/// Picks the element holding the article. Returns it and whether it is a semantic container
/// (`<article>`, `<main>`, `[role=main]`), inside which `<header>` is kept.
fn choose_content(body: ElementRef<'_>) -> Option<(ElementRef<'_>, bool)> {
    let mut measure = Measure::default();
    walk(body, &mut measure);
    let dense = measure.dense;
    let enough = |(_, total): (ElementRef<'_>, usize)| {
        total > 0 && dense.is_none_or(|(_, _, dense_total)| total * 2 >= dense_total)
    };
    if let Some((article, _)) = measure.article.filter(|&c| enough(c)) {
        return Some((article, true));
    }
    if let Some((main, _)) = measure.main.filter(|&c| enough(c)) {
        return Some((main, true));
    }
    dense.map(|(element, _, _)| (element, false))
}

/// Text counts of one open element during [`Measure`].
#[derive(Debug)]
struct Frame<'a> {
    element: ElementRef<'a>,
    /// Bytes of text inside it.
    total: usize,
    /// Of which inside links.
    linked: usize,
    /// Paragraph text credited to it: all of its child paragraphs', half of its
    /// grandchildren's.
    score: usize,
}

/// Measures where the text of a page is, leaving boilerplate out.
#[derive(Debug, Default)]
struct Measure<'a> {
    frames: Vec<Frame<'a>>,
    links: usize,
    /// The `<article>` with the most text.
    article: Option<(ElementRef<'a>, usize)>,
    /// The `<main>` or `[role=main]` with the most text.
    main: Option<(ElementRef<'a>, usize)>,
    /// The element with the highest paragraph score, its score and its text.
    dense: Option<(ElementRef<'a>, usize, usize)>,
}

impl<'a> Visitor<'a> for Measure<'a> {
    fn open(&mut self, element: ElementRef<'a>) -> bool {
        let name = element.value().name();
        let attrs = Attrs::of(element);
        if is_dropped(name, &attrs, true) {
            return false;
        }
        if name == "a" {
            self.links += 1;
        }
        self.frames.push(Frame {
            element,
            total: 0,
            linked: 0,
            score: 0,
        });
        true
    }

    fn close(&mut self, element: ElementRef<'a>) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let name = element.value().name();
        if name == "a" {
            self.links = self.links.saturating_sub(1);
        }
        let n = self.frames.len();
        if let Some(parent) = self.frames.last_mut() {
            parent.total += frame.total;
            parent.linked += frame.linked;
        }
        if matches!(name, "p" | "pre" | "td") {
            // Link text says little about where the article is (link lists are menus).
            let own = frame.total - frame.linked;
            if n >= 1 {
                self.frames[n - 1].score += own;
            }
            if n >= 2 {
                self.frames[n - 2].score += own / 2;
            }
        }
        if frame.score > 0 && self.dense.is_none_or(|(_, best, _)| frame.score > best) {
            self.dense = Some((frame.element, frame.score, frame.total));
        }
        let attrs = Attrs::of(element);
        let slot = match name {
            "article" => Some(&mut self.article),
            "main" => Some(&mut self.main),
            _ if Attrs::has_token(attrs.role, "main") => Some(&mut self.main),
            _ => None,
        };
        if let Some(slot) = slot
            && slot.is_none_or(|(_, best)| frame.total > best)
        {
            *slot = Some((frame.element, frame.total));
        }
    }

    fn text(&mut self, text: &'a str) {
        let len = text.trim().len();
        if let Some(frame) = self.frames.last_mut() {
            frame.total += len;
            if self.links > 0 {
                frame.linked += len;
            }
        }
    }
}

/// What to undo when an entered element closes.
#[derive(Debug, Default, Clone, Copy)]
struct Open {
    block: bool,
    kind: bool,
    quote: bool,
    pre: bool,
    q: bool,
    link: bool,
    marker: bool,
    /// In a list item, a paragraph ends with a line break rather than a new block.
    item_paragraph: bool,
    cell: bool,
    capture: Option<(Capture, usize)>,
}

/// Text taken from an element as it is written: where it started in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capture {
    Author,
    Time,
}

/// What the block being written has met.
#[derive(Debug, Default, Clone, Copy)]
struct BlockFlags {
    byline: bool,
    kicker: bool,
    time: bool,
    title: bool,
}

/// Writes the content element's text.
#[derive(Debug)]
struct Walker {
    out: TextBuilder,
    keep_header: bool,
    stack: Vec<Open>,
    kinds: Vec<BlockKind>,
    quote_depth: usize,
    quote_groups: usize,
    q_depth: usize,
    pre_depth: usize,
    markers: Vec<Marker>,
    flags: BlockFlags,
    title_done: bool,
    body_seen: bool,
    /// The text of the title `<h1>`.
    title: Option<String>,
    /// The text of the first kicker before the body.
    kicker: Option<String>,
    /// Names from `[rel=author]` and `[itemprop=author]` inside the content.
    content_authors: Vec<String>,
    /// Names from the first byline block.
    byline_authors: Vec<String>,
    /// The first `<time>` inside the content: its `datetime`, else its text.
    content_time: Option<String>,
}

impl Walker {
    fn new(keep_header: bool) -> Walker {
        Walker {
            out: TextBuilder::new(),
            keep_header,
            stack: Vec::new(),
            kinds: Vec::new(),
            quote_depth: 0,
            quote_groups: 0,
            q_depth: 0,
            pre_depth: 0,
            markers: Vec::new(),
            flags: BlockFlags::default(),
            title_done: false,
            body_seen: false,
            title: None,
            kicker: None,
            content_authors: Vec::new(),
            byline_authors: Vec::new(),
            content_time: None,
        }
    }

    fn set_context(&mut self) {
        self.out.kind = self.kinds.last().copied().unwrap_or(BlockKind::Paragraph);
        if self.quote_depth == 0 {
            self.out.quote_group = None;
        }
    }

    /// Ends the open block and decides from what it met whether it is metadata.
    fn flush(&mut self) {
        let flags = std::mem::take(&mut self.flags);
        let Some(index) = self.out.flush() else {
            return;
        };
        let in_marker = self.markers.last().copied();
        let byline = flags.byline || in_marker == Some(Marker::Byline);
        let kicker = flags.kicker || in_marker == Some(Marker::Kicker);
        let len = self.out.blocks[index].span.len();
        let marked = (byline || kicker) && len <= MAX_MARKED_META;
        let kind = if flags.title || marked || flags.time && len <= MAX_TIME_META {
            BlockKind::Meta
        } else if self.out.blocks[index].kind == BlockKind::Meta {
            // Meta only by context (an empty title `<h1>` before it): prose after all.
            BlockKind::Paragraph
        } else {
            self.out.blocks[index].kind
        };
        self.out.blocks[index].kind = kind;
        let text = self.out.block_text(index);
        if flags.title {
            self.title = Some(text.to_owned());
        } else if kind == BlockKind::Meta {
            if kicker && !byline && len <= MAX_KICKER && self.kicker.is_none() && !self.body_seen {
                self.kicker = Some(text.to_owned());
            }
            if byline && self.byline_authors.is_empty() && !flags.time {
                self.byline_authors = split_authors(text);
            }
        } else {
            self.body_seen = true;
        }
    }

    /// Takes the text written since `start`, trimmed.
    fn captured(&self, start: usize) -> &str {
        let start = floor_char_boundary(&self.out.text, start);
        self.out.text[start..].trim()
    }
}

impl<'a> Visitor<'a> for Walker {
    fn open(&mut self, element: ElementRef<'a>) -> bool {
        let name = element.value().name();
        let attrs = Attrs::of(element);
        if is_dropped(name, &attrs, self.keep_header) {
            return false;
        }
        match name {
            "br" => {
                // Two line breaks in a row separate paragraphs in old blog markup.
                if self.out.gap() == Gap::Newline {
                    self.flush();
                } else {
                    self.out.set_gap(Gap::Newline);
                }
                return false;
            }
            "hr" => {
                self.flush();
                return false;
            }
            "wbr" => return false,
            _ => {}
        }
        let mut open = Open::default();
        let in_item = self.kinds.last() == Some(&BlockKind::ListItem);
        if name == "p" && in_item {
            self.out.set_gap(Gap::Newline);
            open.item_paragraph = true;
        } else if is_block(name) {
            self.flush();
            open.block = true;
        }
        let kind = match name {
            "h1" if !self.title_done && !self.body_seen => {
                self.title_done = true;
                self.flags.title = true;
                Some(BlockKind::Meta)
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Some(BlockKind::Heading),
            "li" | "dt" | "dd" => Some(BlockKind::ListItem),
            // Inside a list item, these hold paragraphs, not items.
            "blockquote" | "pre" | "table" => Some(BlockKind::Paragraph),
            _ => None,
        };
        if let Some(kind) = kind {
            self.kinds.push(kind);
            open.kind = true;
        }
        match name {
            "blockquote" => {
                if self.quote_depth == 0 {
                    self.out.quote_group = Some(self.quote_groups);
                    self.quote_groups += 1;
                }
                self.quote_depth += 1;
                open.quote = true;
            }
            "pre" => {
                self.pre_depth += 1;
                open.pre = true;
            }
            "q" => {
                self.out.write(if self.q_depth.is_multiple_of(2) {
                    "“"
                } else {
                    "‘"
                });
                self.q_depth += 1;
                open.q = true;
            }
            "a" => {
                if let Some(href) = attrs.href {
                    self.out.open_link(href.trim());
                    open.link = true;
                }
            }
            "td" | "th" => open.cell = true,
            "time" => {
                self.flags.time = true;
                if self.content_time.is_none() {
                    match attrs.datetime {
                        Some(datetime) => self.content_time = Some(datetime.trim().to_owned()),
                        None => open.capture = Some((Capture::Time, self.out.text.len())),
                    }
                }
            }
            _ => {}
        }
        if let Some(marker) = marker(name, &attrs) {
            match marker {
                Marker::Byline => self.flags.byline = true,
                Marker::Kicker => self.flags.kicker = true,
            }
            self.markers.push(marker);
            open.marker = true;
            let author =
                Attrs::has_token(attrs.rel, "author") || Attrs::has_token(attrs.itemprop, "author");
            if author && open.capture.is_none() {
                open.capture = Some((Capture::Author, self.out.text.len()));
            }
        }
        self.set_context();
        self.stack.push(open);
        true
    }

    fn close(&mut self, _element: ElementRef<'a>) {
        let Some(open) = self.stack.pop() else {
            return;
        };
        match open.capture {
            Some((Capture::Author, start)) => {
                let names = split_authors(self.captured(start));
                for name in names {
                    if !self.content_authors.contains(&name) {
                        self.content_authors.push(name);
                    }
                }
            }
            Some((Capture::Time, start)) => {
                let text = self.captured(start);
                if !text.is_empty() {
                    self.content_time = Some(text.to_owned());
                }
            }
            None => {}
        }
        if open.q {
            self.q_depth -= 1;
            self.out.write(if self.q_depth.is_multiple_of(2) {
                "”"
            } else {
                "’"
            });
        }
        if open.link {
            self.out.close_link();
        }
        if open.cell {
            self.out.set_gap(Gap::Tab);
        }
        if open.item_paragraph {
            self.out.set_gap(Gap::Newline);
        }
        if open.block {
            self.flush();
        }
        if open.marker {
            self.markers.pop();
        }
        if open.pre {
            self.pre_depth -= 1;
        }
        if open.quote {
            self.quote_depth -= 1;
        }
        if open.kind {
            self.kinds.pop();
        }
        self.set_context();
    }

    fn text(&mut self, text: &'a str) {
        if self.pre_depth > 0 {
            self.out.push_literal(text);
        } else {
            self.out.push_collapsed(text);
        }
    }
}

/// Metadata the page states outside the article text.
#[derive(Debug, Default)]
struct HeadMeta {
    og_title: Option<String>,
    title_tag: Option<String>,
    first_h1: Option<String>,
    /// `author` / `article:author` / `dc.creator` meta values, in order.
    authors: Vec<String>,
    /// The first `[rel=author]`, `[itemprop=author]` and `.byline` texts anywhere.
    fallback_bylines: Vec<String>,
    /// Publication dates, most trusted first.
    dates: Vec<String>,
    /// The first `<time datetime>` anywhere.
    first_time: Option<String>,
    section: Option<String>,
}

/// Publication-time meta names and properties, most trusted first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

impl HeadMeta {
    /// Reads the metadata in one pass over the nodes, in the order the parser created them
    /// (document order, but for repaired markup). Only the first of each element kind is read
    /// for its text, so the pass stays linear.
    fn collect(document: &Html) -> HeadMeta {
        let mut head = HeadMeta::default();
        let mut dates: Vec<(usize, String)> = Vec::new();
        let (mut rel_author, mut itemprop_author, mut byline) = (None, None, None);
        for node in document.tree.nodes() {
            let Some(element) = ElementRef::wrap(node) else {
                continue;
            };
            let name = element.value().name();
            let attrs = Attrs::of(element);
            match name {
                "meta" => {
                    let value = |n: &str| element.value().attr(n);
                    let key = value("property")
                        .or_else(|| value("name"))
                        .or_else(|| value("itemprop"));
                    let (Some(key), Some(content)) = (key, value("content")) else {
                        continue;
                    };
                    let content = collapse(content);
                    if content.is_empty() {
                        continue;
                    }
                    let key = key.trim().to_ascii_lowercase();
                    match key.as_str() {
                        "og:title" | "twitter:title" if head.og_title.is_none() => {
                            head.og_title = Some(content);
                        }
                        "author" | "article:author" | "dc.creator" | "sailthru.author"
                        | "parsely-author" => {
                            // `article:author` is often a profile URL, which names nobody.
                            if !content.contains("://") {
                                head.authors.push(content);
                            }
                        }
                        "article:section" | "section" | "parsely-section"
                            if head.section.is_none() =>
                        {
                            head.section = Some(content);
                        }
                        _ => {
                            if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
                                dates.push((rank, content));
                            }
                        }
                    }
                }
                "title" if head.title_tag.is_none() => {
                    let in_head = element
                        .parent()
                        .and_then(ElementRef::wrap)
                        .is_some_and(|p| p.value().name() == "head");
                    if in_head {
                        head.title_tag = Some(collapse(&element.text().collect::<String>()));
                    }
                }
                "h1" if head.first_h1.is_none() => {
                    head.first_h1 = Some(collapse(&element.text().collect::<String>()))
                        .filter(|t| !t.is_empty());
                }
                "time" if head.first_time.is_none() => {
                    head.first_time = attrs.datetime.map(|d| d.trim().to_owned());
                }
                _ => {}
            }
            if Attrs::has_token(attrs.itemprop, "datePublished") && name != "meta" {
                let value = attrs
                    .datetime
                    .or_else(|| element.value().attr("content"))
                    .map(str::to_owned)
                    .unwrap_or_else(|| element.text().collect());
                dates.push((2, collapse(&value)));
            }
            let text_of = |slot: &mut Option<String>| {
                if slot.is_none() {
                    *slot = Some(collapse(&element.text().collect::<String>()));
                }
            };
            if Attrs::has_token(attrs.rel, "author") {
                text_of(&mut rel_author);
            }
            if Attrs::has_token(attrs.itemprop, "author") {
                text_of(&mut itemprop_author);
            }
            if attrs
                .class
                .split_ascii_whitespace()
                .any(|c| c.eq_ignore_ascii_case("byline"))
            {
                text_of(&mut byline);
            }
        }
        dates.sort_by_key(|(rank, _)| *rank);
        head.dates = dates.into_iter().map(|(_, d)| d).collect();
        head.fallback_bylines = [rel_author, itemprop_author, byline]
            .into_iter()
            .flatten()
            .filter(|t| !t.is_empty())
            .collect();
        head
    }

    /// Settles each field from the most trusted source that has it.
    fn resolve(
        self,
        content_title: Option<String>,
        kicker: Option<String>,
        content_authors: Vec<String>,
        byline_authors: Vec<String>,
        content_time: Option<String>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Meta {
        let title = self
            .og_title
            .or(content_title)
            .or(self.first_h1)
            .or_else(|| {
                self.title_tag
                    .as_deref()
                    .map(|t| strip_site_suffix(t).to_owned())
            })
            .filter(|t| !t.is_empty());

        let mut authors: Vec<String> = Vec::new();
        for value in &self.authors {
            for name in split_authors(value) {
                if !authors.contains(&name) {
                    authors.push(name);
                }
            }
        }
        if authors.is_empty() {
            authors = content_authors;
        }
        if authors.is_empty() {
            authors = byline_authors;
        }
        if authors.is_empty()
            && let Some(first) = self.fallback_bylines.first()
        {
            authors = split_authors(first);
        }

        let candidates: Vec<&String> = self
            .dates
            .iter()
            .chain(content_time.iter())
            .chain(self.first_time.iter())
            .collect();
        let parsed: Vec<(String, Option<String>)> = candidates
            .iter()
            .filter_map(|value| parse_datetime(value))
            .collect();
        let (date, time) = match parsed.first() {
            Some((date, time)) => {
                // A date without a time takes the time of another source for the same day.
                let time = time.clone().or_else(|| {
                    parsed
                        .iter()
                        .find(|(d, t)| d == date && t.is_some())
                        .and_then(|(_, t)| t.clone())
                });
                (Some(date.clone()), time)
            }
            None => {
                if let Some(first) = candidates.first() {
                    diagnostics.push(Diagnostic::note(
                        "unrecognised-date",
                        format!("the page's date {first:?} was not understood"),
                        None,
                    ));
                }
                (None, None)
            }
        };

        Meta {
            title,
            authors,
            date,
            time,
            section: self.section.or(kicker),
        }
    }
}

/// `s` with runs of ASCII white space collapsed to one space and trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_owned()
}

/// Cuts a trailing site name from a `<title>`: "Headline | Lawfare" gives "Headline". The
/// suffix must be short (at most four words) and leave at least two words, so that a dash
/// inside a headline survives.
fn strip_site_suffix(title: &str) -> &str {
    let title = title.trim();
    for separator in [" | ", " — ", " – ", " - ", " :: ", " · ", " » "] {
        if let Some(at) = title.rfind(separator) {
            let (head, site) = (&title[..at], &title[at + separator.len()..]);
            if site.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return head.trim();
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_is_limited_only_when_deep() {
        let shallow = "<div><p>One<div>Two</div></div>";
        assert!(matches!(limit_depth(shallow), Cow::Borrowed(_)));
        let deep = format!("{}x{}", "<div>".repeat(600), "</div>".repeat(600));
        let limited = limit_depth(&deep);
        assert_eq!(limited.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(limited.matches("</div>").count(), MAX_DEPTH);
        let script = format!("<script>{}</script><p>x</p>", "<div>".repeat(600));
        assert!(matches!(limit_depth(&script), Cow::Borrowed(_)));
    }

    #[test]
    fn doctype_internal_subset_is_dropped() {
        let page = "\u{feff} <!DOCTYPE html PUBLIC \"x\" [\n<!ENTITY e \"v\">\n<!ATTLIST p a CDATA #IMPLIED>\n] >\n<html><body><p>After the subset.</p></body></html>";
        let cleaned = without_internal_subset(page);
        assert_eq!(
            cleaned,
            "\u{feff} <!DOCTYPE html PUBLIC \"x\">\n<html><body><p>After the subset.</p></body></html>"
        );
        assert_eq!(read(page).text, "After the subset.");
        for plain in [
            "<!DOCTYPE html><p>[x]></p>",
            "<p>No doctype [ ]></p>",
            "<!DOCTYPE html [ never closed",
        ] {
            assert!(
                matches!(without_internal_subset(plain), Cow::Borrowed(_)),
                "{plain}"
            );
        }
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(strip_site_suffix("A Big Story | Lawfare"), "A Big Story");
        assert_eq!(
            strip_site_suffix("A Big Story - The Daily Site"),
            "A Big Story"
        );
        assert_eq!(strip_site_suffix("Lawfare"), "Lawfare");
        assert_eq!(
            strip_site_suffix("Self-Defense - A Long And Winding Legal History Of It"),
            "Self-Defense - A Long And Winding Legal History Of It"
        );
    }

    #[test]
    fn boilerplate_words() {
        assert!(boilerplate_word("sharebar"));
        assert!(boilerplate_word("relatedPosts"));
        assert!(boilerplate_word("comments"));
        assert!(!boilerplate_word("commentary"));
        assert!(!boilerplate_word("content"));
        assert!(!boilerplate_word("address"));
    }
}
