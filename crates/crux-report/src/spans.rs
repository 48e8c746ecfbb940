//! The contract's span invariant, checked on any JSON that crux prints: a report, a record of
//! JSON Lines, a parsed document or an analysis. This is the one checker; the end-to-end tests,
//! the fuzz targets, the parser's property tests and `crux eval`'s gold scoring all call it.
//!
//! The invariant (`CONTRACT.md`, version 1): every `span` and `scope` is a `[start, end]` pair
//! of byte offsets with `start <= end <= text.len()`, both on UTF-8 character boundaries of the
//! top-level `text`; and every object below the top that has both a `span` and a `text` has
//! `text == top.text[span]`.
//!
//! ```
//! let json = serde_json::json!({
//!     "text": "It may rain.",
//!     "caveats": [{ "span": [3, 6], "text": "may", "scope": [0, 12] }],
//! });
//! let check = crux_report::check_spans(&json);
//! assert_eq!(check.checked, 2);
//! assert!(check.problems.is_empty());
//! ```

use std::fmt;

use serde_json::Value;

/// A span that breaks the invariant: where it is, as a JSON path (`$.quotes[3].span`), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanProblem {
    /// The path of the offending `span` or `scope` (or `$.text` when the text is missing).
    pub path: String,
    /// What is wrong with it.
    pub reason: SpanFault,
}

/// What is wrong with a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanFault {
    /// The top-level object has no `text` string to check against.
    NoText,
    /// The value is not a pair of non-negative integers.
    NotAPair,
    /// The start lies after the end, or the end after the text.
    OutOfRange,
    /// An offset falls inside a character's UTF-8 bytes.
    NotOnCharBoundary,
    /// The object's `text` differs from the slice its `span` names.
    TextDiffers,
}

impl fmt::Display for SpanProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self.reason {
            SpanFault::NoText => "no top-level `text` string",
            SpanFault::NotAPair => "not a [start, end] pair of offsets",
            SpanFault::OutOfRange => "start after end, or end beyond the text",
            SpanFault::NotOnCharBoundary => "an offset inside a UTF-8 character",
            SpanFault::TextDiffers => "its `text` is not the slice of the span",
        };
        write!(f, "{}: {why}", self.path)
    }
}

/// How many spans [`check_spans`] checked, and those that break the invariant, in the order
/// the JSON is walked (object keys as `serde_json` orders them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanCheck {
    /// Spans and scopes checked.
    pub checked: usize,
    /// Those that break the invariant.
    pub problems: Vec<SpanProblem>,
}

impl SpanCheck {
    /// Whether every span checked keeps the invariant.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Checks every `span` and `scope` in `json` against its top-level `text` (see the module
/// documentation). Linear in the size of `json`; paths are formatted only for problems.
#[must_use]
pub fn check_spans(json: &Value) -> SpanCheck {
    let mut check = SpanCheck::default();
    let Some(text) = json.get("text").and_then(Value::as_str) else {
        check.problems.push(SpanProblem {
            path: "$.text".to_owned(),
            reason: SpanFault::NoText,
        });
        return check;
    };
    let mut path = Vec::new();
    visit(json, text, &mut path, &mut check);
    check
}

/// One step of a JSON path.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn path_string(path: &[Step<'_>], last: &str) -> String {
    let mut s = String::from("$");
    for step in path {
        match step {
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s.push('.');
    s.push_str(last);
    s
}

fn as_pair(value: &Value) -> Option<(usize, usize)> {
    match value.as_array()?.as_slice() {
        [a, b] => Some((
            usize::try_from(a.as_u64()?).ok()?,
            usize::try_from(b.as_u64()?).ok()?,
        )),
        _ => None,
    }
}

fn visit<'a>(node: &'a Value, text: &str, path: &mut Vec<Step<'a>>, check: &mut SpanCheck) {
    match node {
        Value::Object(map) => {
            let top = path.is_empty();
            for key in ["span", "scope"] {
                let Some(value) = map.get(key).filter(|v| !v.is_null()) else {
                    continue;
                };
                check.checked += 1;
                let fault = match as_pair(value) {
                    None => Some(SpanFault::NotAPair),
                    Some((s, e)) if s > e || e > text.len() => Some(SpanFault::OutOfRange),
                    Some((s, e)) if !text.is_char_boundary(s) || !text.is_char_boundary(e) => {
                        Some(SpanFault::NotOnCharBoundary)
                    }
                    Some((s, e)) => match map.get("text").and_then(Value::as_str) {
                        Some(words) if key == "span" && !top && words != &text[s..e] => {
                            Some(SpanFault::TextDiffers)
                        }
                        _ => None,
                    },
                };
                if let Some(reason) = fault {
                    check.problems.push(SpanProblem {
                        path: path_string(path, key),
                        reason,
                    });
                }
            }
            for (key, value) in map {
                if top && key == "text" {
                    continue;
                }
                path.push(Step::Key(key));
                visit(value, text, path, check);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                visit(item, text, path, check);
                path.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn faults(json: &Value) -> Vec<(String, SpanFault)> {
        check_spans(json)
            .problems
            .into_iter()
            .map(|p| (p.path, p.reason))
            .collect()
    }

    #[test]
    fn each_fault_is_named_with_its_path() {
        let json = json!({
            "text": "Él dijo “no”.",
            "quotes": [
                { "span": [9, 17], "text": "“no”" },
                { "span": [1, 2], "text": "l" },
                { "span": [0, 99] },
                { "span": [3, 1] },
                { "span": "0-3" },
                { "span": [0, 3], "text": "Él", "speaker": { "span": [4, 8], "text": "dijo" } },
            ],
            "caveats": [{ "span": [0, 3], "scope": [0, 1] }],
        });
        assert_eq!(
            faults(&json),
            [
                (
                    "$.caveats[0].scope".to_owned(),
                    SpanFault::NotOnCharBoundary
                ),
                ("$.quotes[1].span".to_owned(), SpanFault::NotOnCharBoundary),
                ("$.quotes[2].span".to_owned(), SpanFault::OutOfRange),
                ("$.quotes[3].span".to_owned(), SpanFault::OutOfRange),
                ("$.quotes[4].span".to_owned(), SpanFault::NotAPair),
            ]
        );
        assert_eq!(check_spans(&json).checked, 9);
    }

    #[test]
    fn a_text_that_differs_from_its_slice_is_caught_below_the_top_only() {
        let json = json!({
            "text": "It may rain.",
            "span": [0, 2],
            "claims": [{ "span": [0, 2], "text": "If" }],
        });
        assert_eq!(
            faults(&json),
            [("$.claims[0].span".to_owned(), SpanFault::TextDiffers)]
        );
    }

    #[test]
    fn a_report_without_text_is_one_problem() {
        let check = check_spans(&json!({ "quotes": [] }));
        assert_eq!(check.checked, 0);
        assert_eq!(
            check.problems[0].to_string(),
            "$.text: no top-level `text` string"
        );
    }
}
