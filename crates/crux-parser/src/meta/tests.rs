use super::*;
use crate::read::text::blocks;

use proptest::prelude::*;

/// The bundled Lawfare article (plain text, with no-break spaces in its body).
const LAWFARE: &str =
    include_str!("../../../../tests/fixtures/articles/lawfare-2011-08-07-us-mexico-cartels.txt");

fn plain(text: &str) -> Header {
    header(text, &blocks(text), false)
}

/// The text of each header line.
fn line_texts<'a>(text: &'a str, h: &Header) -> Vec<&'a str> {
    h.lines.iter().map(|&s| &text[s]).collect()
}

#[test]
fn lawfare_header() {
    let h = plain(LAWFARE);
    assert_eq!(
        h.meta.section.as_deref(),
        Some("Transnational Criminal Organizations")
    );
    assert_eq!(
        h.meta.title.as_deref(),
        Some("U.S. Involvement in Mexico's Cartel Wars Deepens, in a Largely Positive Way")
    );
    assert_eq!(h.meta.authors, ["Robert Chesney"]);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.time.as_deref(), Some("19:24"));
    let spans: Vec<[usize; 2]> = h.lines.iter().map(|&s| s.into()).collect();
    assert_eq!(spans, [[0, 36], [38, 113], [115, 132], [133, 164]]);
    assert_eq!(
        line_texts(LAWFARE, &h),
        [
            "Transnational Criminal Organizations",
            "U.S. Involvement in Mexico's Cartel Wars Deepens, in a Largely Positive Way",
            "By Robert Chesney",
            "Sunday, August 7, 2011, 7:24 PM",
        ]
    );
    assert_eq!(h.end, 164);
    // The body starts at the next paragraph.
    let body = blocks(LAWFARE)
        .into_iter()
        .find(|b| b.span.start() >= h.end)
        .map(|b| b.span.start());
    assert_eq!(body, Some(166));
}

#[test]
fn lawfare_through_the_pipeline() {
    let doc = crate::parse(LAWFARE).document;
    assert_eq!(doc.meta.authors, ["Robert Chesney"]);
    let meta: Vec<_> = doc
        .paragraphs
        .iter()
        .filter(|p| p.kind == crate::ParagraphKind::Meta)
        .map(|p| <[usize; 2]>::from(p.span))
        .collect();
    assert_eq!(meta, [[0, 36], [38, 113], [115, 132], [133, 164]]);
    let first_body = doc
        .paragraphs
        .iter()
        .find(|p| p.kind == crate::ParagraphKind::Body)
        .map(|p| p.span.start());
    assert_eq!(first_body, Some(166));
}

#[test]
fn title_only_then_body() {
    let text =
        "Mexico Asks for Help\n\nThe government asked the United States for help. It got it.\n";
    let h = plain(text);
    assert_eq!(h.meta.title.as_deref(), Some("Mexico Asks for Help"));
    assert_eq!(h.meta.section, None);
    assert!(h.meta.authors.is_empty());
    assert_eq!(line_texts(text, &h), ["Mexico Asks for Help"]);
    assert_eq!(h.end, 20);
}

#[test]
fn no_header_when_the_first_block_is_prose() {
    for text in [
        "The government asked the United States for help. It got it.\n\nMore text.",
        "Officials met.\n\nBy the time we arrived, the shop was closed.",
        "By the time we arrived, the shop was closed.\n\nIt was late.",
        // A hard-wrapped paragraph: its short first line is not a title.
        "The government asked the United\nStates for help, and it got\nit in the end.\n\nMore.",
        "the lower-case start of something\n\nMore.",
        &format!(
            "{}\n\nMore.",
            "A very long first line without a full stop ".repeat(5)
        ),
    ] {
        let h = plain(text);
        assert!(h.lines.is_empty(), "{text:?}: {:?}", line_texts(text, &h));
        assert_eq!(h.end, 0);
        assert_eq!(h.meta, Meta::default());
    }
}

#[test]
fn title_and_date_without_byline() {
    let text = "Cartel Wars Deepen\nAug. 7, 2011\n\nThe United States is more involved.";
    let h = plain(text);
    assert_eq!(h.meta.title.as_deref(), Some("Cartel Wars Deepen"));
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.time, None);
    assert!(h.meta.authors.is_empty());
    assert_eq!(line_texts(text, &h), ["Cartel Wars Deepen", "Aug. 7, 2011"]);
}

#[test]
fn byline_before_title() {
    let text = "By Jane Doe and John Roe\n\nCartel Wars Deepen\n\nUpdated: Aug. 8, 2011\n\nThe United States is more involved.";
    let h = plain(text);
    assert_eq!(h.meta.title.as_deref(), Some("Cartel Wars Deepen"));
    assert_eq!(h.meta.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-08"));
    assert_eq!(h.lines.len(), 3);
}

#[test]
fn combined_byline_and_date() {
    let text = "Cartel Wars Deepen\n\nBy Robert Chesney | August 7, 2011\n\nThe United States is more involved.";
    let h = plain(text);
    assert_eq!(h.meta.title.as_deref(), Some("Cartel Wars Deepen"));
    assert_eq!(h.meta.authors, ["Robert Chesney"]);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
}

#[test]
fn publication_date_beats_update() {
    let text = "Title Here\nUpdated Aug. 9, 2011 10:00 AM\nPublished Aug. 7, 2011 7:24 PM\n\nBody text here.";
    let h = plain(text);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.time.as_deref(), Some("19:24"));
}

#[test]
fn body_line_after_the_header_ends_it() {
    // A title-like line after the byline when the title is known is body.
    let text = "Cartel Wars Deepen\nBy Jane Doe\nShort first paragraph\n\nMore.";
    let h = plain(text);
    assert_eq!(line_texts(text, &h), ["Cartel Wars Deepen", "By Jane Doe"]);
    assert_eq!(h.end, 30);
}

#[test]
fn two_plain_lines_need_headline_case() {
    let text = "World News\nMexico Asks for Help\n\nThe government asked.";
    let h = plain(text);
    assert_eq!(h.meta.section.as_deref(), Some("World News"));
    assert_eq!(h.meta.title.as_deref(), Some("Mexico Asks for Help"));

    let text = "Mexico Asks for Help\n\nand then some more words here\n\nThe government asked.";
    let h = plain(text);
    assert_eq!(line_texts(text, &h), ["Mexico Asks for Help"]);
}

#[test]
fn too_many_plain_lines_are_not_a_header() {
    let text = "One Line\nTwo Line\nRed Line\nBlue Line\nBy Jane Doe\n\nBody.";
    assert!(plain(text).lines.is_empty());
}

#[test]
fn markup_blocks() {
    // From an HTML reader: a heading, then meta blocks known to be byline and dateline.
    let text = "Cartel Wars Deepen\n\nJane Doe and John Roe\n\n2011-08-07T19:24:00-04:00\n\nThe United States is more involved.";
    // (The reader's block kinds are mapped to `Source` by `header`; building `Source`s here
    // keeps the tests independent of which readers exist yet.)
    let blocks = [
        (Span::new(0, 18), Source::Heading),
        (Span::new(20, 41), Source::Meta),
        (Span::new(43, 68), Source::Meta),
        (Span::new(70, text.len()), Source::Text),
    ];
    let h = assemble(text, &candidates(text, blocks));
    assert_eq!(h.meta.title.as_deref(), Some("Cartel Wars Deepen"));
    assert_eq!(h.meta.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.time.as_deref(), Some("19:24"));
    assert_eq!(h.end, 68);

    // Without "By", names in a text paragraph are no byline.
    let blocks = [
        (Span::new(0, 18), Source::Heading),
        (Span::new(20, 41), Source::Text),
        (Span::new(70, text.len()), Source::Text),
    ];
    let h = assemble(text, &candidates(text, blocks));
    assert!(h.meta.authors.is_empty());
}

#[test]
fn empty_inputs() {
    assert!(plain("").lines.is_empty());
    assert!(header("Some text", &[], false).lines.is_empty());
    assert!(plain("\n\n  \n").lines.is_empty());
    // A lone short line with nothing after it is not a title.
    assert!(plain("Hello World").lines.is_empty());
}

#[test]
fn huge_first_line_is_body() {
    let text = format!("{}\n\nBy Jane Doe", "word ".repeat(200_000));
    let h = plain(&text);
    assert!(h.lines.is_empty());
}

#[test]
fn many_short_lines_bounded() {
    let mut text = String::from("Cartel Wars Deepen\nBy Jane Doe\n");
    text.push_str(&"Short Line\n".repeat(10_000));
    let h = plain(&text);
    assert_eq!(line_texts(&text, &h), ["Cartel Wars Deepen", "By Jane Doe"]);
    let h = plain(&"Short Line\n".repeat(10_000));
    assert!(h.lines.is_empty());
    let h = plain(&"By Jane Doe\n".repeat(10_000));
    assert_eq!(h.lines.len(), MAX_LINES);
    assert_eq!(h.meta.authors, ["Jane Doe"]);
}

#[test]
fn role_line_under_byline() {
    let text =
        "Cartel Wars Deepen\nBy Jane Doe\nWashington Post Staff Writer\nAug. 7, 2011\n\nBody text.";
    let h = plain(text);
    assert_eq!(h.lines.len(), 4);
    assert_eq!(h.meta.authors, ["Jane Doe"]);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.title.as_deref(), Some("Cartel Wars Deepen"));
}

#[test]
fn time_only_line() {
    let text = "Cartel Wars Deepen\nBy Jane Doe\nAug. 7, 2011\n12:05 AM\n\nBody text.";
    let h = plain(text);
    assert_eq!(h.meta.date.as_deref(), Some("2011-08-07"));
    assert_eq!(h.meta.time.as_deref(), Some("00:05"));
    assert_eq!(h.lines.len(), 4);
}

fn check_invariants(text: &str, blocks: &[Block]) -> Result<(), TestCaseError> {
    let h = header(text, blocks, false);
    prop_assert!(h.end <= text.len());
    let mut previous_end = 0;
    for &span in &h.lines {
        prop_assert!(span.end() <= text.len());
        prop_assert!(text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()));
        prop_assert!(!span.is_empty());
        prop_assert_eq!(span.trim(text), span);
        prop_assert!(span.start() >= previous_end);
        previous_end = span.end();
    }
    prop_assert_eq!(h.end, previous_end);
    Ok(())
}

proptest! {
    #[test]
    fn any_unicode(text in "\\PC*") {
        check_invariants(&text, &blocks(&text))?;
    }

    #[test]
    fn header_shaped(text in "((By |Sunday, |Aug\\. |7, |2011|7:24 PM|Jane |Doe|and |The |Title|\u{a0}| |\\.|,|é|\n|\n\n))*") {
        check_invariants(&text, &blocks(&text))?;
    }

    #[test]
    fn dates_never_panic(text in "\\PC{0,40}") {
        let _ = stamp_line(&text);
        let _ = byline(&text, false);
    }
}

/// Scraped editorials print the headline as a sentence, full stop and all, on its own line.
#[test]
fn headline_with_a_full_stop() {
    let text = "Why small towns need more libraries.\n\nEvery town that closed its library in the last decade has lost something it cannot buy back.\n\nThe council should reopen them.\n";
    assert_eq!(
        plain(text).meta.title.as_deref(),
        Some("Why small towns need more libraries.")
    );
    // Two short sentences still make one headline.
    let text = "Trains are no luxury. They are how a city breathes.\n\nCommuters in the city spent more hours on the road this year than in any year before.\n\nThat is a choice.\n";
    assert_eq!(
        plain(text).meta.title.as_deref(),
        Some("Trains are no luxury. They are how a city breathes.")
    );
}

#[test]
fn a_one_line_opening_paragraph_is_not_always_a_headline() {
    // A dateline lede.
    let text = "LONDON (Reuters) — The bank held its rate at 4.75% on Thursday.\n\nEconomists had expected as much after a month of weak figures from the shops.\n\nMore follows.\n";
    assert_eq!(plain(text).meta.title, None);
    // Nothing after it but one paragraph: a snippet, not an article.
    let text = "The bank held its rate.\n\nEconomists had expected as much after weak figures.\n";
    assert_eq!(plain(text).meta.title, None);
    // The next paragraph is no longer than it.
    let text = "The bank held its rate on Thursday after a long meeting.\n\nIt was expected.\n\nMore follows.\n";
    assert_eq!(plain(text).meta.title, None);
    // A sentence ending in a colon introduces what follows.
    let text = "Here is what the minister told the committee on Monday:\n\nWe will not raise taxes on working families this year or next, whatever happens.\n\nMore follows.\n";
    assert_eq!(plain(text).meta.title, None);
}
