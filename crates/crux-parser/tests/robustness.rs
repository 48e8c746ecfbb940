//! No input may panic, and every span the parser reports must be valid: inside the text, on
//! character boundaries, and equal to its `text` where it has one. Property tests over arbitrary
//! strings, plus hand-made hostile inputs in every format.

use crux_parser::{Document, InputFormat, Parsed, parse_as};
use proptest::prelude::*;

/// The document's structure (paragraphs trimmed and non-empty, sentences in order inside their
/// paragraphs), and every span and `text` of its JSON through the contract's one checker.
fn check_document(doc: &Document) {
    let text = &doc.text;
    for p in &doc.paragraphs {
        assert!(!p.span.is_empty(), "empty paragraph");
        assert!(p.span.end() <= text.len(), "paragraph beyond the text");
        assert_eq!(text[p.span].trim(), &text[p.span], "paragraph not trimmed");
    }
    let mut previous = 0;
    for s in &doc.sentences {
        assert!(!s.span.is_empty(), "empty sentence");
        assert!(s.span.start() >= previous, "sentences out of order");
        previous = s.span.end();
        assert!(
            doc.paragraphs[s.paragraph].span.contains_span(s.span),
            "sentence outside its paragraph"
        );
    }
    let json = serde_json::to_value(doc).expect("a document serialises");
    let check = crux_report::check_spans(&json);
    assert!(check.is_ok(), "{:?}", check.problems);
}

fn check(parsed: &Parsed) {
    check_document(&parsed.document);
    let diagnostics = serde_json::json!({
        "text": parsed.document.text,
        "diagnostics": parsed.diagnostics,
    });
    let check = crux_report::check_spans(&diagnostics);
    assert!(check.is_ok(), "{:?}", check.problems);
}

const FORMATS: [InputFormat; 3] = [InputFormat::Text, InputFormat::Markdown, InputFormat::Html];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_string_any_format(input in any::<String>()) {
        for format in FORMATS {
            check(&parse_as(&input, format));
        }
    }

    #[test]
    fn article_like_strings(input in r#"([A-Za-z.,;:!?"“”‘’'()\[\]<>/#*>\- \n\u{a0}]|U\.S\.|Mr\. |\.\.\.|\n\n|<p>|</p>|<blockquote>|> ){0,200}"#) {
        for format in FORMATS {
            check(&parse_as(&input, format));
        }
    }
}

#[test]
fn plain_text_is_kept_byte_for_byte() {
    let input = "Title\r\n\r\nBody\u{a0}text “quoted\" here.\r\n";
    let parsed = parse_as(input, InputFormat::Text);
    assert_eq!(parsed.document.text, input);
}

#[test]
fn hostile_inputs() {
    let long_word = "a".repeat(1_000_000);
    let dots = ".".repeat(200_000);
    let sentence = "word ".repeat(100_000);
    let parens = "(".repeat(50_000) + &")".repeat(10_000);
    let quotes = "\"“'‘".repeat(20_000);
    let nested_quotes_deep = "“".repeat(30_000) + "x" + &"”".repeat(30_000);
    let attributions =
        "Officials said the plan was \"a disaster,\" he said, according to the Times. "
            .repeat(5_000);
    let caveats =
        "It might perhaps be, though, that if we may, yet still, of course, the risk may be high. "
            .repeat(5_000);
    let introductions =
        "According to the piece in the Times:\n\nOfficials said it.\n\n".repeat(5_000);
    // One line of many quotations under dashes and in dashed asides (issue #12's tags).
    let dashed = "“a b” ― Dana Whit - said \"x\" ".repeat(20_000);
    // A subject broken by a dashed aside that holds a quotation, then a cue: the speaker
    // place once held no word and indexed an empty list.
    let dashed_subject =
        "A friend of the brand - a shop pitched as \"the best place\" - noted that it works.";
    let newlines = "\n".repeat(100_000);
    let lines = "short line\n".repeat(20_000);
    let nested_html = "<div>".repeat(10_000) + "text" + &"</div>".repeat(10_000);
    let nested_quotes = "<blockquote>".repeat(5_000) + "deep";
    let nested_md = "> ".repeat(5_000) + "deep";
    let binary: String = (0u8..=255).cycle().take(100_000).map(char::from).collect();
    let cases = [
        "",
        " ",
        "\u{feff}",
        "\0\0\0",
        &long_word,
        &dots,
        &sentence,
        &parens,
        &quotes,
        &nested_quotes_deep,
        &attributions,
        &introductions,
        &dashed,
        dashed_subject,
        &caveats,
        &newlines,
        &lines,
        &nested_html,
        &nested_quotes,
        &nested_md,
        &binary,
    ];
    for case in cases {
        for format in FORMATS {
            check(&parse_as(case, format));
        }
    }
}

#[test]
fn binary_data_is_flagged() {
    let parsed = parse_as("text\0with\u{1}control", InputFormat::Text);
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| d.code == "control-characters")
    );
}

/// "according to X’s Y": the curly possessive is four bytes, not two. Offsets computed for the
/// straight "'s" once cut a character in half and panicked on ordinary news text.
#[test]
fn curly_possessive_after_according_to() {
    for input in [
        "According to Fox News’s Ed Henry, the plan will fail.\n",
        "According to the Herald's reporter, the plan will fail.\n",
        "According to Jane’s, the ship sank.\n",
        "According to ’s, nothing.\n",
    ] {
        let parsed = parse_as(input, InputFormat::Text);
        check(&parsed);
        if input.contains("Fox") {
            let speaker = parsed
                .document
                .quotes
                .iter()
                .find_map(|q| q.speaker.as_ref());
            let speaker = speaker.expect("a speaker for the according-to report");
            assert!(!speaker.text.ends_with('’'), "{:?}", speaker.text);
        }
    }
}

/// A speaker candidate that holds no word (a dash aside between the noun and its verb leaves
/// only punctuation in the speaker's place) once indexed the first of no words and panicked.
#[test]
fn speaker_place_without_words() {
    for input in [
        "A spokesman for the Acme brand - a small business sold as \"the best shop for People Who Cook\" - noted that the firm offers paid leave.\n",
        "A clerk - \"a quiet one\" - said that it rained.\n",
    ] {
        check(&parse_as(input, InputFormat::Text));
    }
}
