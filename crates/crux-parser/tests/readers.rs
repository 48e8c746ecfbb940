//! Tests of the Markdown and HTML readers through the public pipeline ([`parse_as`]): what
//! text is extracted, how it is cut into paragraphs, which metadata and links are found, and
//! that odd input neither panics nor takes long.

use crux_parser::{Document, InputFormat, ParagraphKind, Parsed, QuoteKind, Voice, parse_as};

const HTML: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.html");
const MARKDOWN: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.md");
const TEXT: &str =
    include_str!("../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

const NYT: &str = "https://www.nytimes.com/2011/08/07/world/americas/07drugs.html";

fn html(input: &str) -> Parsed {
    checked(parse_as(input, InputFormat::Html))
}

fn markdown(input: &str) -> Parsed {
    checked(parse_as(input, InputFormat::Markdown))
}

/// Checks the span invariants on every parse: paragraphs are non-empty, trimmed, on char
/// boundaries and in order; links and sentences index the text.
fn checked(parsed: Parsed) -> Parsed {
    let doc = &parsed.document;
    let text = doc.text.as_str();
    let mut previous_end = 0;
    for p in &doc.paragraphs {
        let (start, end) = (p.span.start(), p.span.end());
        assert!(end <= text.len(), "{p:?} out of range");
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
        let words = &text[p.span];
        assert!(!words.is_empty(), "empty paragraph {p:?}");
        assert_eq!(words, words.trim(), "untrimmed paragraph {p:?}");
        assert!(start >= previous_end, "paragraphs out of order");
        assert!(!words.contains("\n\n"), "blank line inside {words:?}");
        previous_end = end;
    }
    for link in &doc.links {
        assert_eq!(link.text, &text[link.span]);
        assert_eq!(link.text, link.text.trim());
        assert!(!link.text.is_empty());
    }
    for s in &doc.sentences {
        assert!(text.is_char_boundary(s.span.start()) && text.is_char_boundary(s.span.end()));
    }
    parsed
}

/// The paragraphs' words with their kinds and block quotes, the block quotes named `b1`, `b2`,
/// … in order of appearance (their ids are the quote ids the quote stage gives). Checks that each
/// id names a quote of kind `block` covering the paragraph.
fn paragraphs(doc: &Document) -> Vec<(ParagraphKind, Option<&'static str>, &str)> {
    const NAMES: [&str; 8] = ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "b8"];
    let mut seen: Vec<&str> = Vec::new();
    doc.paragraphs
        .iter()
        .map(|p| {
            let name = p.quote.as_deref().map(|id| {
                let quote = doc.quotes.iter().find(|q| q.id == id).expect("quote id");
                assert_eq!(quote.kind, QuoteKind::Block);
                assert!(quote.span.contains_span(p.span));
                assert_eq!(p.voice, Voice::Quoted);
                let n = seen.iter().position(|s| *s == id).unwrap_or_else(|| {
                    seen.push(id);
                    seen.len() - 1
                });
                NAMES[n]
            });
            (p.kind, name, &doc.text[p.span])
        })
        .collect()
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.paragraphs.iter().map(|p| &doc.text[p.span]).collect()
}

/// The body paragraphs of the plain-text fixture, in order.
fn article_body() -> Vec<&'static str> {
    TEXT.split("\n\n").skip(3).collect()
}

/// Quote ids of the body paragraphs: which belong to which block quote.
fn expected_quotes() -> Vec<Option<&'static str>> {
    let mut quotes = vec![None; 14];
    for (i, q) in [
        (1, "b1"),
        (2, "b1"),
        (3, "b1"),
        (4, "b1"),
        (6, "b2"),
        (12, "b3"),
    ] {
        quotes[i] = Some(q);
    }
    quotes
}

#[test]
fn html_fixture_paragraphs() {
    let parsed = html(HTML);
    let doc = &parsed.document;
    let all = paragraphs(doc);
    assert_eq!(
        &all[..4],
        [
            (
                ParagraphKind::Meta,
                None,
                "Transnational Criminal Organizations"
            ),
            (
                ParagraphKind::Meta,
                None,
                "U.S. Involvement in Mexico's Cartel Wars Deepens, in a Largely Positive Way"
            ),
            (ParagraphKind::Meta, None, "By Robert Chesney"),
            (ParagraphKind::Meta, None, "Sunday, August 7, 2011, 7:24 PM"),
        ]
    );
    let body = &all[4..];
    // The article's words come out exactly as in the plain-text version, curly quotes and
    // no-break spaces included.
    assert_eq!(body.iter().map(|b| b.2).collect::<Vec<_>>(), article_body());
    assert!(body.iter().all(|b| b.0 == ParagraphKind::Body));
    assert_eq!(
        body.iter().map(|b| b.1).collect::<Vec<_>>(),
        expected_quotes()
    );
    let quoted = doc.paragraphs.iter().filter(|p| p.voice == Voice::Quoted);
    assert_eq!(quoted.count(), 6);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn html_fixture_drops_boilerplate() {
    let text = html(HTML).document.text;
    for junk in [
        "Skip to main",
        "Topics",
        "Podcasts",
        "Search",
        "cookies",
        "Share on Twitter",
        "Email this",
        "Comments",
        "Related Posts",
        "Reading List",
        "inbox",
        "Privacy Policy",
        "All rights reserved",
        "gtag",
        "font-family",
        "tracking pixel",
        "| Lawfare",
    ] {
        assert!(!text.contains(junk), "{junk:?} leaked into the text");
    }
}

#[test]
fn html_fixture_meta_and_links() {
    let doc = html(HTML).document;
    let meta = &doc.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("U.S. Involvement in Mexico's Cartel Wars Deepens, in a Largely Positive Way")
    );
    assert_eq!(meta.authors, ["Robert Chesney"]);
    assert_eq!(meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(meta.time.as_deref(), Some("19:24"));
    assert_eq!(
        meta.section.as_deref(),
        Some("Transnational Criminal Organizations")
    );
    let piece = doc
        .links
        .iter()
        .find(|l| l.href == NYT)
        .expect("the New York Times link");
    assert_eq!(piece.text, "Ginger Thompson's piece");
    assert_eq!(&doc.text[piece.span], "Ginger Thompson's piece");
    // The no-break space after the link stays outside it.
    assert_eq!(&doc.text[piece.span.end()..piece.span.end() + 2], "\u{a0}");
    assert_eq!(doc.links.len(), 3, "{:?}", doc.links);
}

#[test]
fn markdown_fixture() {
    let parsed = markdown(MARKDOWN);
    let doc = &parsed.document;
    let all = paragraphs(doc);
    assert_eq!(all.iter().map(|b| b.2).collect::<Vec<_>>(), article_body());
    assert!(all.iter().all(|b| b.0 == ParagraphKind::Body));
    assert_eq!(
        all.iter().map(|b| b.1).collect::<Vec<_>>(),
        expected_quotes()
    );
    let meta = &doc.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("U.S. Involvement in Mexico's Cartel Wars Deepens, in a Largely Positive Way")
    );
    assert_eq!(meta.authors, ["Robert Chesney"]);
    assert_eq!(meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(meta.time.as_deref(), Some("19:24"));
    assert_eq!(
        meta.section.as_deref(),
        Some("Transnational Criminal Organizations")
    );
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].text, "Ginger Thompson's piece");
    assert_eq!(doc.links[0].href, NYT);
    assert!(!doc.text.contains("title:") && !doc.text.contains("](") && !doc.text.contains("> "));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn html_q_elements_become_curly_quotes() {
    let doc = html("<p>He said <q>we are <q>nearly</q> done</q> today.</p>").document;
    assert_eq!(doc.text, "He said “we are ‘nearly’ done” today.");
}

#[test]
fn html_inline_flattening_breaks_and_entities() {
    let doc = html(
        "<article><p>One  <b>bold</b>\n  <i>move</i>&nbsp;&amp; <span>more</span>.<br>Next line.</p>\
         <p>A &bogus; &#0; &#x110000; &amp entity.</p></article>",
    )
    .document;
    assert_eq!(
        texts(&doc),
        [
            "One bold move\u{a0}& more.\nNext line.",
            "A &bogus; \u{fffd} \u{fffd} & entity."
        ]
    );
}

#[test]
fn html_double_br_separates_paragraphs() {
    let doc = html("<div>First para.<br><br>Second para.<br></div>").document;
    assert_eq!(texts(&doc), ["First para.", "Second para."]);
}

#[test]
fn html_headings_lists_pre_tables() {
    let doc = html(
        "<main><h1>Title</h1><p>Intro.</p><h2>Part</h2>\
         <ul><li>One<ul><li>One a</li></ul></li><li><p>Two</p><p>more</p></li></ul>\
         <pre>  let x = 1;\n\n\n  let y = 2;\n</pre>\
         <table><tr><th>Year</th><th>Cases</th></tr><tr><td>2011</td><td>12</td></tr></table>\
         <h1>Second h1</h1></main>",
    )
    .document;
    let kinds: Vec<_> = paragraphs(&doc).iter().map(|p| (p.0, p.2)).collect();
    assert_eq!(
        kinds,
        [
            (ParagraphKind::Meta, "Title"),
            (ParagraphKind::Body, "Intro."),
            (ParagraphKind::Heading, "Part"),
            (ParagraphKind::List, "One"),
            (ParagraphKind::List, "One a"),
            (ParagraphKind::List, "Two\nmore"),
            (ParagraphKind::Body, "let x = 1;\n  let y = 2;"),
            (ParagraphKind::Body, "Year\tCases"),
            (ParagraphKind::Body, "2011\t12"),
            (ParagraphKind::Heading, "Second h1"),
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("Title"));
}

#[test]
fn html_title_tag_and_byline_fallbacks() {
    let doc = html(
        "<html><head><title>Why It Matters - The Daily Site</title></head><body>\
         <div class=\"content\"><p class=\"byline\">By Ann Lee, Bo Diaz and Cy Roe</p>\
         <p>The first paragraph of prose is long enough to count as the article body.</p>\
         <p>A second paragraph.</p></div></body></html>",
    )
    .document;
    assert_eq!(doc.meta.title.as_deref(), Some("Why It Matters"));
    assert_eq!(doc.meta.authors, ["Ann Lee", "Bo Diaz", "Cy Roe"]);
    assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Meta);
    assert_eq!(doc.paragraphs[1].kind, ParagraphKind::Body);
}

#[test]
fn html_densest_container_without_article() {
    let doc = html(
        "<body><div class=\"menu-ish\"><a href=\"/a\">Home</a> <a href=\"/b\">World</a></div>\
         <div id=\"story\"><p>First real paragraph of the story.</p><p>Second real paragraph.</p></div>\
         <div class=\"promo-box\"><p>Buy now</p></div></body>",
    );
    assert_eq!(
        texts(&doc.document),
        [
            "First real paragraph of the story.",
            "Second real paragraph."
        ]
    );
    assert!(doc.diagnostics.is_empty());
}

#[test]
fn html_without_article_content_warns() {
    let parsed = html("<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
    assert!(parsed.document.text.is_empty());
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "no-article-content")
    );
}

#[test]
fn markdown_blocks() {
    let parsed = markdown(
        "# The Title\n\nSome *emphasis*, **strong**, ~~struck~~ and `code`, a [link](https://a.example/x \"t\")\n\
         wrapped.  \nHard break.\n\n## Section\n\n- one\n  - nested\n- two\n\n  still two\n\n\
         ![alt text](img.png) after image\n\n<div class=\"x\">html block</div>\n\n\
         Footnote ref[^1] and <span>inline</span> html.\n\n[^1]: The note.\n\n[ref]: https://b.example\n\n\
         ```rust\nfn main() {}\n\n\nlet x = 1;\n```\n\n---\n\n> quote one\n>\n> > nested\n\n> quote two\n",
    );
    let doc = &parsed.document;
    assert_eq!(
        paragraphs(doc),
        [
            (ParagraphKind::Meta, None, "The Title"),
            (
                ParagraphKind::Body,
                None,
                "Some emphasis, strong, struck and code, a link wrapped.\nHard break."
            ),
            (ParagraphKind::Heading, None, "Section"),
            (ParagraphKind::List, None, "one"),
            (ParagraphKind::List, None, "nested"),
            (ParagraphKind::List, None, "two\nstill two"),
            (ParagraphKind::Body, None, "after image"),
            (ParagraphKind::Body, None, "Footnote ref and inline html."),
            (ParagraphKind::Body, None, "fn main() {}\nlet x = 1;"),
            (ParagraphKind::Body, Some("b1"), "quote one"),
            (ParagraphKind::Body, Some("b1"), "nested"),
            (ParagraphKind::Body, Some("b2"), "quote two"),
        ]
    );
    assert_eq!(doc.meta.title.as_deref(), Some("The Title"));
    assert_eq!(doc.links.len(), 1);
    assert_eq!(doc.links[0].text, "link");
    assert_eq!(doc.links[0].href, "https://a.example/x");
}

#[test]
fn markdown_front_matter_title_wins_over_heading() {
    let doc = markdown("---\ntitle: Real\n---\n# Other\n\nBody.\n").document;
    assert_eq!(doc.meta.title.as_deref(), Some("Real"));
    assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Heading);
    let doc = markdown("---\ntitle: Same\n---\n# Same\n\nBody.\n").document;
    assert_eq!(doc.paragraphs[0].kind, ParagraphKind::Meta);
}

// Robustness: none of these may panic. (Speed is measured by the benches, not here.)

#[test]
fn empty_and_blank_inputs() {
    for format in [InputFormat::Html, InputFormat::Markdown] {
        for input in ["", "   \n\n ", "\u{feff}"] {
            let parsed = checked(parse_as(input, format));
            assert!(parsed.document.text.is_empty());
            assert!(parsed.document.paragraphs.is_empty());
            assert!(parsed.diagnostics.is_empty());
        }
    }
}

#[test]
fn html_without_body_or_closing_tags() {
    let doc = html("Just some text").document;
    assert_eq!(doc.text, "Just some text");
    let doc = html("<div><p>One<p>Two<blockquote><p>Three<li>Four").document;
    assert_eq!(texts(&doc), ["One", "Two", "Three", "Four"]);
    assert_eq!(paragraphs(&doc)[2].1, Some("b1"));
}

#[test]
fn html_deep_nesting() {
    let depth = 10_000;
    for tag in ["div", "blockquote", "q", "li", "a href=\"x\""] {
        let name = tag.split(' ').next().unwrap();
        let input = format!(
            "{}deep text{}",
            format!("<{tag}>").repeat(depth),
            format!("</{name}>").repeat(depth)
        );
        let parsed = html(&input);
        assert!(parsed.document.text.contains("deep text"), "{tag}");
        if matches!(name, "div" | "blockquote") {
            assert!(parsed.diagnostics.iter().any(|d| d.code == "deep-nesting"));
        }
    }
}

#[test]
fn markdown_deep_nesting() {
    let input = format!("{} deep\n", ">".repeat(10_000));
    let doc = markdown(&input).document;
    assert_eq!(doc.text, "deep");
    let input: String = (0..2_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect();
    let doc = markdown(&input).document;
    assert_eq!(doc.paragraphs.len(), 2_000);
}

#[test]
fn binary_junk() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    let junk = String::from_utf8_lossy(&bytes);
    for format in [InputFormat::Html, InputFormat::Markdown] {
        let parsed = checked(parse_as(&junk, format));
        assert!(!parsed.document.text.is_empty());
    }
}

#[test]
fn many_rule_lines_are_not_quadratic() {
    // pulldown-cmark's own metadata-block scan is quadratic on this input.
    let input = "---\ntext\n".repeat(20_000);
    markdown(&input);
}

/// A page of `bytes` bytes of short paragraphs in an `<article>`.
fn big_page(bytes: usize) -> String {
    let paragraph = "<p>Officials said the <a href=\"/x\">programme</a> would <q>help</q>.</p>\n";
    format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat(bytes / paragraph.len())
    )
}

#[test]
fn large_documents() {
    // Both readers are linear; a debug build reads about 1 MB of HTML a second (html5ever and
    // the sentence splitter are not optimised), so the in-suite size is kept small. See
    // `twenty_megabytes` for the full size.
    let doc = html(&big_page(512 << 10)).document;
    assert!(doc.paragraphs.len() > 5_000);
    let md = "Officials said the [programme](/x) would *help*.\n\n".repeat(10_000);
    let doc = markdown(&md).document;
    assert_eq!(doc.paragraphs.len(), 10_000);
}

#[test]
#[ignore = "20 s in a debug build; run with `cargo test --release -- --ignored`"]
fn twenty_megabytes() {
    let doc = html(&big_page(20 << 20)).document;
    assert!(doc.paragraphs.len() > 200_000);
    let flat = "x".repeat(20 << 20);
    assert_eq!(html(&flat).document.text.len(), 20 << 20);
    assert_eq!(markdown(&flat).document.text.len(), 20 << 20);
}

/// An op-ed's closing tagline names the writer, is a meta paragraph (not the writer's claims),
/// and the titles quoted in it are scare quotes.
#[test]
fn closing_tagline() {
    let text = "Cities should pay for buses.\n\nA bus lane costs less than a road and moves more people. The council should build more of them.\n\nJane Q Roe is a columnist for the Daily Planet and the author of \"Wheels of Fortune.\"\n";
    let parsed = crux_parser::parse(text);
    let doc = &parsed.document;
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Cities should pay for buses.")
    );
    assert_eq!(doc.meta.authors, ["Jane Q Roe"]);
    let last = doc.paragraphs.last().expect("paragraphs");
    assert_eq!(last.kind, ParagraphKind::Meta);
    assert!(
        doc.sentences
            .iter()
            .all(|s| !text[s.span].contains("columnist"))
    );
    assert!(doc.claims.iter().all(|c| !c.text.contains("columnist")));
    let quote = doc.quotes.iter().find(|q| q.text.contains("Wheels"));
    let quote = quote.expect("the book title is reported");
    assert_eq!(quote.kind, QuoteKind::Scare);
    assert!(quote.speaker.is_none());
}
