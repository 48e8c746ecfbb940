//! Words: a small tokenizer over spans of the analysed text, for the stages that look at words
//! (quotes, and later caveats and claims). It never allocates per word.

use crate::span::Span;

/// A word of the text: letters and digits with the apostrophes, hyphens and dots that stand
/// inside words ("Mexico's", "drug-trafficking", "D.E.A.", "U.S."), or one punctuation
/// character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it lies.
    pub span: Span,
    /// Whether it is a word (else a single punctuation character).
    pub word: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// The tokens of `text[span]`, white space skipped, spans into `text`.
///
/// # Examples
///
/// ```
/// use crux_parser::{tokens, Span};
///
/// let text = "The U.S. said: no.";
/// let words: Vec<&str> = tokens(text, Span::new(0, text.len())).map(|t| &text[t.span]).collect();
/// assert_eq!(words, ["The", "U.S.", "said", ":", "no", "."]);
/// ```
#[must_use]
pub fn tokens(text: &str, span: Span) -> Tokens<'_> {
    Tokens {
        text,
        pos: span.start(),
        end: span.end(),
    }
}

/// Iterator over the tokens of a span, from [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
}

impl Tokens<'_> {
    /// The character at byte `i`, if `i` is before the end of the span (ASCII without
    /// decoding).
    #[inline]
    fn char_at(&self, i: usize) -> Option<char> {
        if i >= self.end {
            return None;
        }
        let b = self.text.as_bytes()[i];
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            self.text[i..self.end].chars().next()
        }
    }
}

/// `is_word_char` with the ASCII answer first.
#[inline]
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_word_char(c)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // White space skipped (as `str::trim_start` does).
        let first = loop {
            let c = self.char_at(self.pos)?;
            if !c.is_whitespace() {
                break c;
            }
            self.pos += c.len_utf8();
        };
        let start = self.pos;
        if !word_char(first) {
            self.pos += first.len_utf8();
            return Some(Token {
                span: Span::new(start, self.pos),
                word: false,
            });
        }
        let bytes = self.text.as_bytes();
        let mut end = start;
        let mut i = start;
        loop {
            // A run of ASCII letters and digits, the bulk of any word, byte by byte.
            let run = i;
            while i < self.end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i > run {
                end = i;
            }
            let Some(c) = self.char_at(i) else {
                break;
            };
            let next = i + c.len_utf8();
            if word_char(c) {
                end = next;
            } else if is_joiner(c) {
                // A joiner stays inside the word when a letter or digit follows it ("U.S",
                // "it's"); a final dot stays when the word is a dotted abbreviation ("U.S.").
                if !self.char_at(next).is_some_and(word_char) {
                    // "U.S." keeps its final dot, and so does an initial ("Heather C.").
                    let word = &self.text[start..end];
                    let initial = word.chars().count() == 1
                        && word.chars().next().is_some_and(char::is_uppercase);
                    // "Gov. Kasich", "Mr. Smith": a known abbreviation keeps its stop.
                    let abbreviation = || {
                        word.chars().next().is_some_and(char::is_uppercase)
                            && crate::sentences::is_abbreviation(word)
                    };
                    if c == '.' && (word.contains('.') || initial || abbreviation()) {
                        end = i + 1;
                    }
                    break;
                }
            } else {
                break;
            }
            i = next;
        }
        self.pos = end;
        Some(Token {
            span: Span::new(start, end),
            word: true,
        })
    }
}

/// Whether a word starts with an upper-case letter.
#[must_use]
pub fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokens(text, Span::new(0, text.len()))
            .map(|t| &text[t.span])
            .collect()
    }

    #[test]
    fn words_and_punctuation() {
        assert_eq!(
            words("Several former D.E.A. officials said: Mexico’s “drug-trafficking” U.S. end."),
            [
                "Several",
                "former",
                "D.E.A.",
                "officials",
                "said",
                ":",
                "Mexico’s",
                "“",
                "drug-trafficking",
                "”",
                "U.S.",
                "end",
                "."
            ]
        );
        assert_eq!(words("  "), Vec::<&str>::new());
        assert_eq!(words("Jones' cow"), ["Jones", "'", "cow"]);
        assert_eq!(
            words("Heather C. Briccetti"),
            ["Heather", "C.", "Briccetti"]
        );
    }
}
