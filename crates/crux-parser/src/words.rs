//! Words: a small tokenizer over spans of the analysed text, for the stages that look at words
//! (quotes, and later caveats and claims). It never allocates per word.

use crux_lexicon::{Probe, Word};

use crate::span::Span;

/// A word of the text: letters and digits with the apostrophes, hyphens and dots that stand
/// inside words ("Mexico's", "drug-trafficking", "D.E.A.", "U.S."), or one punctuation
/// character.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    /// Where it lies.
    pub span: Span,
    /// Whether it is a word (else a single punctuation character).
    pub word: bool,
    /// A word's lookup in the lexicon layer, done once when the parser tokenises a sentence
    /// so that every stage that asks about the word asks the table once (it sits in the
    /// padding: a token stays 12 bytes). [`tokens`] leaves it unknown.
    lex: Probe,
}

/// Tokens are equal when they cover the same span the same way: whether a word was looked up
/// is no part of what it is.
impl PartialEq for Token {
    fn eq(&self, other: &Token) -> bool {
        self.span == other.span && self.word == other.word
    }
}

impl Eq for Token {}

impl Token {
    /// A token of `text`; a word's is looked up in the lexicon layer here when `probe`.
    #[inline]
    fn new(text: &str, span: Span, word: bool, probe: bool) -> Token {
        Token {
            span,
            word,
            lex: if word && probe {
                Probe::new(&text[span])
            } else {
                Probe::UNKNOWN
            },
        }
    }

    /// What the lexicons hold for this token (`text` is the text it was taken from):
    /// [`crux_lexicon::lookup`] of it, without a second lookup for a word (punctuation, which
    /// the tokeniser does not look up, is looked up here).
    #[must_use]
    #[inline]
    pub fn lexicon(&self, text: &str) -> Option<&'static Word> {
        // The word is cut from the text only when it must be looked up.
        self.lex
            .kept()
            .unwrap_or_else(|| crux_lexicon::lookup(&text[self.span]))
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// Whether the comma at byte `comma` separates thousands: a digit right before it, exactly
/// three digits after it, and no ASCII letter or digit after those ("450,000", "1,200,000"; not
/// "1,2", "3,5000" or the list "1,2,3"). Bytes from `limit` on are outside the span.
fn thousands_group(bytes: &[u8], comma: usize, limit: usize) -> bool {
    let digit = |i: usize| i < limit && bytes[i].is_ascii_digit();
    comma > 0
        && digit(comma - 1)
        && (comma + 1..comma + 4).all(digit)
        && !(comma + 4 < limit && ascii_word(bytes[comma + 4]))
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
pub fn tokens(text: &str, span: Span) -> impl Iterator<Item = Token> + Clone + use<'_> {
    Tokens {
        text,
        pos: span.start(),
        end: span.end(),
        probe: false,
    }
}

/// The tokens of `text[span]` as [`tokens`] gives them, each word looked up in the lexicon
/// layer once ([`Token::lexicon`] then answers without a lookup): the sentences' tokens, which
/// every stage reads.
pub(crate) fn probed_tokens(text: &str, span: Span) -> Tokens<'_> {
    Tokens {
        text,
        pos: span.start(),
        end: span.end(),
        // Under a user's overlay a probe keeps nothing: the words are then looked up when
        // asked about, as `Probe::new` would have it.
        probe: Probe::keeps(),
    }
}

/// Iterator over the tokens of a span, from [`tokens`].
#[derive(Debug, Clone)]
pub(crate) struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    end: usize,
    /// Whether each word is looked up as it is cut.
    probe: bool,
}

/// Classes of the bytes, for the tokeniser's inner loops: an ASCII letter or digit, ASCII
/// white space, a byte of a character outside ASCII, or another ASCII character ([`ENDS`]:
/// one that ends a word, or a joiner or comma that may stay inside it).
const WORD: u8 = 1;
const SPACE: u8 = 2;
const HIGH: u8 = 3;
const ENDS: u8 = 4;
const INSIDE: u8 = 5;
static CLASS: [u8; 256] = {
    let mut table = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            // `char::is_whitespace` in ASCII: space, tab, LF, VT, FF, CR.
            SPACE
        } else if matches!(c, b'\'' | b'-' | b'.' | b'&' | b',') {
            // The ASCII joiners (`is_joiner`) and the thousands separator.
            INSIDE
        } else {
            ENDS
        };
        b += 1;
    }
    table
};

/// Whether a byte is an ASCII letter or digit.
#[inline]
fn ascii_word(b: u8) -> bool {
    CLASS[usize::from(b)] == WORD
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

/// `is_word_char` with the common answers first: ASCII from a table, and the General
/// Punctuation block (curly quotation marks, dashes, U+2000 to U+206F), which holds no letter
/// or digit, without the Unicode tables.
#[inline]
fn word_char(c: char) -> bool {
    if c.is_ascii() {
        ascii_word(c as u8)
    } else if ('\u{2000}'..='\u{206f}').contains(&c) {
        false
    } else {
        is_word_char(c)
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // The span's bytes: an index below their length needs no other bound.
        let bytes = &self.text.as_bytes()[..self.end];
        // White space skipped (as `str::trim_start` does), ASCII from the table.
        let first = loop {
            let &b = bytes.get(self.pos)?;
            match CLASS[usize::from(b)] {
                SPACE => self.pos += 1,
                HIGH => {
                    let c = self.char_at(self.pos)?;
                    if !c.is_whitespace() {
                        break c;
                    }
                    self.pos += c.len_utf8();
                }
                _ => break char::from(b),
            }
        };
        let start = self.pos;
        if !word_char(first) {
            self.pos += first.len_utf8();
            return Some(Token::new(
                self.text,
                Span::new(start, self.pos),
                false,
                false,
            ));
        }
        let mut end = start;
        let mut i = start;
        // Whether the word's bytes are all ASCII (then its probe is taken without a scan).
        let mut ascii = true;
        loop {
            // A run of ASCII letters and digits, the bulk of any word.
            let run = i;
            while bytes.get(i).is_some_and(|&b| ascii_word(b)) {
                i += 1;
            }
            if i > run {
                end = i;
            }
            // An ASCII character that is neither a joiner nor a comma ends the word.
            match bytes.get(i).map(|&b| CLASS[usize::from(b)]) {
                None => break,
                Some(SPACE | ENDS) => break,
                _ => {}
            }
            let Some(c) = self.char_at(i) else {
                break;
            };
            let next = i + c.len_utf8();
            if word_char(c) {
                ascii &= c.is_ascii();
                end = next;
            } else if is_joiner(c) {
                ascii &= c.is_ascii();
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
            } else if c == ',' && end == i && thousands_group(bytes, i, self.end) {
                // "450,000": a thousands separator stays inside the number.
                end = next;
            } else {
                break;
            }
            i = next;
        }
        self.pos = end;
        let span = Span::new(start, end);
        Some(Token {
            span,
            word: true,
            lex: match (self.probe, ascii) {
                (false, _) => Probe::UNKNOWN,
                (true, true) => Probe::ascii(&bytes[start..end]),
                (true, false) => Probe::new(&self.text[span]),
            },
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

    /// The tokeniser as it was before its fast paths, to hold the fast one to.
    struct Reference<'a> {
        text: &'a str,
        pos: usize,
        end: usize,
    }

    impl Iterator for Reference<'_> {
        type Item = Token;

        fn next(&mut self) -> Option<Token> {
            let slice = &self.text[self.pos..self.end];
            let skip = slice.len() - slice.trim_start().len();
            self.pos += skip;
            let rest = &self.text[self.pos..self.end];
            let first = rest.chars().next()?;
            let start = self.pos;
            if !is_word_char(first) {
                self.pos += first.len_utf8();
                return Some(Token::new(
                    self.text,
                    Span::new(start, self.pos),
                    false,
                    false,
                ));
            }
            let mut end = start;
            let mut chars = rest.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if is_word_char(c) {
                    end = start + i + c.len_utf8();
                } else if c == ','
                    && end == start + i
                    && thousands_group(self.text.as_bytes(), start + i, self.end)
                {
                    end = start + i + 1;
                } else if is_joiner(c) {
                    // A joiner stays inside the word when a letter or digit follows it ("U.S",
                    // "it's"); a final dot stays when the word is a dotted abbreviation ("U.S.").
                    match chars.peek() {
                        Some(&(_, n)) if is_word_char(n) => {}
                        _ => {
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
                                end = start + i + 1;
                            }
                            break;
                        }
                    }
                } else {
                    break;
                }
            }
            self.pos = end;
            Some(Token::new(self.text, Span::new(start, end), true, false))
        }
    }

    fn both(text: &str) -> (Vec<Token>, Vec<Token>) {
        let fast = tokens(text, Span::new(0, text.len())).collect();
        let reference = Reference {
            text,
            pos: 0,
            end: text.len(),
        }
        .collect();
        (fast, reference)
    }

    #[test]
    fn general_punctuation_holds_no_word_characters() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!is_word_char(c), "{c:?}");
        }
        for b in 0..128u8 {
            assert_eq!(word_char(char::from(b)), is_word_char(char::from(b)));
            assert_eq!(
                CLASS[usize::from(b)] == SPACE,
                char::from(b).is_whitespace()
            );
            assert_eq!(
                CLASS[usize::from(b)] == INSIDE,
                is_joiner(char::from(b)) || b == b','
            );
        }
    }

    #[test]
    fn a_probed_token_answers_as_a_lookup_of_its_word() {
        let text = "However, Mr. Smith SAID the naïve U.S. officials don’t zzqx — 450,000.";
        let span = Span::new(0, text.len());
        let probed: Vec<Token> = probed_tokens(text, span).collect();
        let plain: Vec<Token> = tokens(text, span).collect();
        assert_eq!(probed.len(), plain.len());
        for (p, t) in probed.iter().zip(&plain) {
            assert_eq!((p.span, p.word), (t.span, t.word));
            let want = crux_lexicon::lookup(&text[t.span]).map(Word::key);
            assert_eq!(p.lexicon(text).map(Word::key), want, "{}", &text[t.span]);
            assert_eq!(t.lexicon(text).map(Word::key), want, "{}", &text[t.span]);
        }
        assert!(probed.iter().any(|t| t.lexicon(text).is_some()));
    }

    #[test]
    fn a_thousands_separator_stays_inside_its_number() {
        assert_eq!(words("450,000 staff"), ["450,000", "staff"]);
        assert_eq!(words("1,200,000."), ["1,200,000", "."]);
        assert_eq!(words("1,2,3"), ["1", ",", "2", ",", "3"]);
        assert_eq!(words("3,5000"), ["3", ",", "5000"]);
        assert_eq!(words("2011,000x"), ["2011", ",", "000x"]);
    }

    #[test]
    fn same_tokens_as_the_reference() {
        for text in [
            "Several former D.E.A. officials said: Mexico’s “drug-trafficking” U.S. end.",
            "Heather C. Briccetti, Gov. Kasich\u{a0}and\u{2003}Mr. Smith — it’s 3.5% ‘odd’.",
            "naïve café Ωmega 東京 x\u{85}y a.b. A. 1,000.5 don't-stop & co. ...",
            "450,000 and 1,200,000, not 1,2,3 or 3,5000 or 12,000x; 7,000",
            "\u{b}\u{c}tabs\there\r\nend.",
        ] {
            let (fast, reference) = both(text);
            assert_eq!(fast, reference, "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_probed_token_answers_as_a_lookup_on_any_text(
            text in "([a-zA-Z .,'’&\\-“”—\u{a0}À-ÿ]|said|However|Mr\\.|don’t|DON'T|naïve){0,48}"
        ) {
            let span = Span::new(0, text.len());
            for t in probed_tokens(&text, span) {
                let want = crux_lexicon::lookup(&text[t.span]).map(Word::key);
                proptest::prop_assert_eq!(t.lexicon(&text).map(Word::key), want);
            }
        }

        #[test]
        fn same_tokens_as_the_reference_on_any_text(
            text in "([a-zA-Z0-9 .,'’&\\-“”—\u{a0}\u{2003}\t\nÀ-ÿΩ東]|Mr\\.|U\\.S\\.){0,64}"
        ) {
            let (fast, reference) = both(&text);
            proptest::prop_assert_eq!(fast, reference);
        }
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
