//! Sentence splitting.

use crate::span::Span;

/// Splits `text` into sentences, returning their spans (relative to `text`), trimmed of
/// surrounding white space, in order.
///
/// # Examples
///
/// ```
/// use crux_parser::split_sentences;
///
/// let text = "Hello World. My name is Jonas.";
/// let got: Vec<&str> = split_sentences(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(got, ["Hello World.", "My name is Jonas."]);
/// ```
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Span> {
    // First cut: a terminator followed by white space and a capital letter.
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'!' | b'?')
            && bytes.get(i + 1) == Some(&b' ')
            && bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase)
        {
            let span = Span::new(start, i + 1).trim(text);
            if !span.is_empty() {
                out.push(span);
            }
            start = i + 1;
        }
    }
    let span = Span::new(start, text.len()).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
    out
}
