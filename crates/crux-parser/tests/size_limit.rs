//! The parser's one size limit: spans store 32-bit offsets, so a text of 4 GiB or more is
//! refused whole, with an error or an empty document and a warning, never parsed cut short
//! and never a panic.

#![cfg(target_pointer_width = "64")]
// A test that skips says so on standard error.
#![allow(clippy::print_stderr)]

use crux_parser::{
    InputFormat, MAX_TEXT_BYTES, Severity, TooLarge, parse, parse_as, parse_owned, try_parse,
    try_parse_as, try_parse_owned,
};

/// Whether the system will hand out a 4 GiB zeroed block: under Linux's default (heuristic)
/// overcommit, a request larger than memory and swap together is refused, and a refused
/// allocation aborts the test process. Read from `/proc/meminfo`; elsewhere assumed.
fn room_for_4_gib() -> bool {
    let Ok(info) = std::fs::read_to_string("/proc/meminfo") else {
        return true;
    };
    let kib = |key: &str| -> u64 {
        info.lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (kib("MemTotal:") + kib("SwapTotal:")) * 1024 > 5 << 30
}

#[test]
fn texts_of_4_gib_or_more_are_refused_at_every_entry_point() {
    if !room_for_4_gib() {
        eprintln!("skipped: less than 5 GiB of memory and swap for the lazily mapped 4 GiB text");
        return;
    }
    // 4 GiB of NUL bytes: zeroed memory the system maps lazily, so the test holds next to
    // nothing (the UTF-8 check reads the pages, which stay shared zero pages).
    let len = MAX_TEXT_BYTES + 1;
    let text = String::from_utf8(vec![0; len]).expect("NUL bytes are UTF-8");
    let too_large = Err(TooLarge { len });

    assert_eq!(try_parse(&text), too_large);
    for format in [InputFormat::Text, InputFormat::Markdown, InputFormat::Html] {
        assert_eq!(try_parse_as(&text, format), too_large);
        let refused = parse_as(&text, format);
        assert!(refused.document.text.is_empty());
        assert!(refused.document.sentences.is_empty());
        assert_eq!(refused.diagnostics.len(), 1);
        let warning = &refused.diagnostics[0];
        assert_eq!(
            (warning.severity, warning.code.as_str()),
            (Severity::Warning, "too-large")
        );
        assert!(
            warning.message.contains("4294967295"),
            "{}",
            warning.message
        );
    }
    assert_eq!(parse(&text), parse_as(&text, InputFormat::Text));
    assert_eq!(try_parse_owned(text, InputFormat::Html), too_large);
    let text = String::from_utf8(vec![0; len]).expect("NUL bytes are UTF-8");
    let refused = parse_owned(text, InputFormat::Text);
    assert!(refused.document.text.is_empty());
    assert_eq!(refused.diagnostics[0].code, "too-large");
}

#[test]
fn texts_under_the_limit_parse_as_before() {
    let text = "“It may fail,” she said. Officials met.";
    let parsed = try_parse(text).expect("a short text fits");
    assert_eq!(parsed, parse(text));
    assert_eq!(
        try_parse_owned(text.to_owned(), InputFormat::Text).as_ref(),
        Ok(&parsed)
    );
    for quote in &parsed.document.quotes {
        assert_eq!(&text[quote.span], quote.text);
    }
}
