//! The 52 English Golden Rules of Pragmatic Segmenter (see `tests/data/README.md`).
//!
//! One test runs every rule and fails listing all the rules that fail, so a regression shows
//! its whole extent at once.

use crux_parser::split_sentences;

const RULES: &str = include_str!("data/golden_rules_en.jsonl");

/// Collapses runs of white space to one space and trims.
///
/// Spans index the original text, so the splitter cannot delete characters. Rule 41 ("It was
/// a cold \nnight in the city.") expects the errant line break removed; our sentence holds
/// it, which is the same text modulo white space. Comparing normalised text accepts exactly
/// that difference and nothing else.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn golden_rules_en() {
    let mut count = 0;
    let mut failures = Vec::new();
    for line in RULES.lines().filter(|l| !l.trim().is_empty()) {
        let rule: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
        count += 1;
        let number = rule["rule_number"].as_u64().expect("rule_number");
        let name = rule["rule_name"].as_str().expect("rule_name");
        let text = rule["text"].as_str().expect("text");
        let expected: Vec<String> = rule["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .map(|s| normalise(s.as_str().expect("expected string")))
            .collect();
        let got: Vec<String> = split_sentences(text)
            .into_iter()
            .map(|span| normalise(&text[span]))
            .collect();
        if got != expected {
            failures.push(format!(
                "rule {number} ({name}):\n  text:     {text:?}\n  expected: {expected:?}\n  got:      {got:?}"
            ));
        }
    }
    assert_eq!(count, 52, "the golden rule file should hold 52 rules");
    assert!(
        failures.is_empty(),
        "{} of {count} golden rules fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
