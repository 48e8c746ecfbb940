//! Rule-based English sentence splitting.
//!
//! [`split_sentences`] passes the 52 English "Golden Rules" of Pragmatic Segmenter
//! (<https://github.com/diasks2/pragmatic_segmenter>) and is tuned on news and blog prose.
//! Unlike Pragmatic Segmenter it never rewrites the text: it only chooses cut positions, so
//! every sentence is a [`Span`] of the input.
//!
//! # Algorithm
//!
//! One left-to-right pass over the bytes. Bytes that cannot matter (letters, digits, most
//! punctuation) are skipped through a 256-entry table; the pass stops at `.`, `!`, `?`, line
//! feeds and the lead bytes of the few non-ASCII characters that matter (`…`, bullets, CJK
//! full stops). At each candidate the splitter looks at a bounded window around it:
//!
//! - **Terminator run**: `!?` runs ("?!", "!!"), a full stop, or an ellipsis (`...`, `…`,
//!   spaced `. . .`), then closing quotes and brackets. The run must be followed by white space
//!   (Unicode, so the no-break space counts); otherwise the mark is inside a token ("100.00",
//!   "example.com", "Jr.'s", "advantage...),"). The one exception is the missing space after a
//!   full stop ("Hello world.Today"), accepted when a word and a capitalised word meet and the
//!   token is no e-mail address or URL.
//! - **Next word**: after the white space and any opening quotes or brackets, a lower-case
//!   letter continues the sentence ("Yahoo! in", "'This is great.' she said"). A capital, a
//!   digit or another symbol may start a new one, subject to the word before the full stop:
//! - **Word before a full stop** (at most 32 bytes back): an abbreviation from
//!   `data/abbreviations.txt` decides by its category (titles never end a sentence, "No." not
//!   before a number, "U.S." only before a common sentence starter, "a.m." by the words before
//!   it); an unlisted chain of single letters ("C.I.A.") is treated like "U.S."; a single
//!   capital letter is a middle initial ("George W. Bush") unless a sentence starter follows or
//!   it is the pronoun "I" after a lower-case word ("you and I. Did").
//! - **Ellipses**: three dots before a capital end a sentence when written `...` or `…` and not
//!   when spaced (`. . .`, the "omission" style); four dots end one; a full stop glued to a word
//!   and followed by a spaced ellipsis ends the sentence before the ellipsis
//!   ("compounds. . . . The"); an ellipsis in brackets ("[...]") never does.
//! - **Lists**: enumeration markers ("1.", "2.)", "b)") that form a numbered run start an item
//!   each, and their full stops end nothing; a bullet after white space starts an item.
//! - **Line breaks** are white space, so hard-wrapped prose and PDF breaks stay in one
//!   sentence, except: a blank line always separates; when every line is short and none ends in
//!   punctuation the lines are list items; a line that starts with `- ` or `* ` is an item when
//!   the line before it is one too or ends in a colon.
//!
//! Quotations are not protected: a quotation that holds several sentences is split at its inner
//! boundaries (“It’s their show. We’re all about technical support.” gives two sentences).
//! Pragmatic Segmenter masks punctuation between paired quotes instead; real articles mix
//! curly and straight quotes ("“The Mexicans are in charge,\" said...") and leave quotes
//! unbalanced, so pairing them is fragile, and claims are easier to read one sentence at a
//! time.
//!
//! Every look-around is bounded or consumes what it reads (spaced ellipses, dot runs, the
//! white space after a terminator, the token checked for URLs is cached), so the pass is linear
//! in the input, and it allocates only the output (and a list of markers when there is a
//! list).

mod lexicon;
mod lists;
#[cfg(test)]
mod tests;

use crate::span::Span;
use lexicon::Category;
use lists::Marker;

/// Whether `word` (without its final full stop) is an abbreviation that takes a full stop
/// inside a sentence ("Gov", "Mr", "No"), so that a tokenizer keeps the stop with it.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    lexicon::abbreviation(word).is_some()
}

/// Splits `text` into sentences, returning their spans (relative to `text`), trimmed of
/// surrounding white space, in order.
///
/// The spans are non-empty, do not overlap, lie on character boundaries and together cover
/// every character of `text` that is not white space. Line breaks inside `text` are read as
/// white space (hard-wrapped prose), except for blank lines, which always separate, and lists
/// of short unpunctuated lines (the rules are described in `docs/ARCHITECTURE.md` and the
/// module source).
///
/// # Examples
///
/// ```
/// use crux_parser::split_sentences;
///
/// let text = "Mr. Smith lives in the U.S. He works for the U.S. Government.";
/// let got: Vec<&str> = split_sentences(text).into_iter().map(|s| &text[s]).collect();
/// assert_eq!(got, ["Mr. Smith lives in the U.S.", "He works for the U.S. Government."]);
/// ```
#[must_use]
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut splitter = Splitter {
        text,
        bytes: text.as_bytes(),
        start: 0,
        out: Vec::new(),
        lines_are_items: lists::lines_are_items(text),
        token: None,
    };
    splitter.run(&lists::markers(text));
    splitter.finish()
}

/// Bytes at which the pass stops: ASCII terminators, the line feed, and the lead bytes of
/// `…` `‼` `⁇` `⁈` `⁉` and most bullets (0xE2), `。` (0xE3) and `！` `？` (0xEF).
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[b'\n' as usize] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table[0xEF] = true;
    table
};

/// The first byte at or after `i` that [`INTERESTING`] marks (the length when there is none;
/// `i` itself when it is past the end). Eight bytes are ruled out at a time when none is a full
/// stop, `!`, `?`, a line feed or a byte outside ASCII, as in most of a text.
fn next_interesting(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Whether a byte of `x` is zero (exactly: a borrow reaches a high bit only past a zero).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let any = |w: u64, b: u8| zero(w ^ (ONES * u64::from(b)));
    loop {
        while let Some(chunk) = bytes.get(i..i + 8) {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let w = u64::from_le_bytes(eight);
            if (w & HIGH) | any(w, b'.') | any(w, b'!') | any(w, b'?') | any(w, b'\n') != 0 {
                break;
            }
            i += 8;
        }
        let stop = (i + 8).min(bytes.len());
        while i < stop {
            if INTERESTING[usize::from(bytes[i])] {
                return i;
            }
            i += 1;
        }
        if i >= bytes.len() {
            return i;
        }
    }
}

/// Longest word (in bytes) looked at before a full stop; longer ones are never abbreviations.
const WORD_WINDOW: usize = 32;

/// What starts the text after a terminator and its white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// A lower-case letter: the sentence goes on.
    Lower,
    /// A capital (or a letter of a script without case); the word spans these bytes.
    Upper(usize, usize),
    /// A digit or a currency or number sign.
    Digit,
    /// Anything else.
    Other,
}

struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Start of the sentence being built.
    start: usize,
    out: Vec<Span>,
    /// Every line break ends a sentence (see [`lists::lines_are_items`]).
    lines_are_items: bool,
    /// The last white-space delimited token checked for being a URL or e-mail address:
    /// `(start, end, is_address)`. Cached so that a long token full of dots is scanned once.
    token: Option<(usize, usize, bool)>,
}

impl Splitter<'_> {
    fn run(&mut self, markers: &[Marker]) {
        let len = self.bytes.len();
        let mut markers = markers.iter().peekable();
        let mut i = 0;
        loop {
            i = next_interesting(self.bytes, i);
            // List items start at their markers, whose full stops end nothing.
            while let Some(m) = markers.next_if(|m| m.cut <= i) {
                self.cut(m.cut);
                i = i.max(m.end);
            }
            if i >= len {
                break;
            }
            if !INTERESTING[usize::from(self.bytes[i])] {
                continue;
            }
            i = self.step(i);
        }
    }

    /// Handles the interesting byte at `i`; returns where to go on (always after `i`).
    fn step(&mut self, i: usize) -> usize {
        match self.bytes[i] {
            b'.' => self.full_stop(i),
            b'!' | b'?' => self.exclamation(i),
            b'\n' => self.line_feed(i),
            _ => {
                let Some(c) = self.text[i..].chars().next() else {
                    return i + 1;
                };
                match c {
                    '…' => {
                        let end = self.dots_end(i);
                        self.ellipsis(i, end, self.dot_count(i, end), false, false)
                    }
                    '‼' | '⁇' | '⁈' | '⁉' => self.exclamation(i),
                    '。' | '！' | '？' => {
                        // CJK writing puts no space after its full stop.
                        let end = self.skip_closers(i + c.len_utf8());
                        self.cut(end);
                        end
                    }
                    c if lists::is_bullet(c) => {
                        if self.text[..i]
                            .chars()
                            .next_back()
                            .is_none_or(char::is_whitespace)
                        {
                            self.cut(i);
                        }
                        i + c.len_utf8()
                    }
                    c => i + c.len_utf8(),
                }
            }
        }
    }

    /// Ends the current sentence at byte `at` (if it is past the start) and starts the next.
    fn cut(&mut self, at: usize) {
        if at <= self.start {
            return;
        }
        let span = Span::new(self.start, at).trim(self.text);
        if !span.is_empty() {
            self.out.push(span);
        }
        self.start = at;
    }

    fn finish(mut self) -> Vec<Span> {
        self.cut(self.bytes.len());
        self.out
    }

    fn char_at(&self, i: usize) -> Option<char> {
        self.text.get(i..)?.chars().next()
    }

    fn char_before(&self, i: usize) -> Option<char> {
        self.text.get(..i)?.chars().next_back()
    }

    /// Skips closing quotes and brackets from `i`.
    fn skip_closers(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if !is_closer(c) {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// Skips white space from `i`.
    fn skip_white(&self, mut i: usize) -> usize {
        while let Some(c) = self.char_at(i) {
            if !c.is_whitespace() {
                break;
            }
            i += c.len_utf8();
        }
        i
    }

    /// End of the run of full stops and `…` that starts at `i`.
    fn dots_end(&self, mut i: usize) -> usize {
        while let Some(c @ ('.' | '…')) = self.char_at(i) {
            i += c.len_utf8();
        }
        i
    }

    /// What follows the terminator run ending at `end` (closers included): `None` when no
    /// white space follows (the mark is inside a token) or only white space is left; else the
    /// position after the white space and the kind of the next word.
    fn after(&self, end: usize) -> Option<(usize, Next)> {
        let white_end = self.skip_white(end);
        if white_end == end || white_end == self.bytes.len() {
            return None;
        }
        Some((white_end, self.next_word(white_end)))
    }

    /// Classifies the word at `i`, after any opening quotes or brackets.
    fn next_word(&self, mut i: usize) -> Next {
        while let Some(c) = self.char_at(i) {
            if !is_opener(c) {
                break;
            }
            i += c.len_utf8();
        }
        let Some(c) = self.char_at(i) else {
            return Next::Other;
        };
        if c.is_lowercase() {
            Next::Lower
        } else if c.is_alphabetic() {
            let end = i + self.bytes[i..]
                .iter()
                .take(lexicon::MAX_KEY + 1)
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
            Next::Upper(i, end.max(i + c.len_utf8()))
        } else if c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥' | '#') {
            Next::Digit
        } else {
            Next::Other
        }
    }

    /// `!`, `?` and their runs ("?!", "!!"): a boundary unless a lower-case word follows
    /// ("Yahoo! in the accounting department").
    fn exclamation(&mut self, i: usize) -> usize {
        let mut end = i;
        while let Some(c @ ('!' | '?' | '‼' | '⁇' | '⁈' | '⁉')) = self.char_at(end) {
            end += c.len_utf8();
        }
        let end = self.skip_closers(end);
        if let Some((_, next)) = self.after(end)
            && next != Next::Lower
        {
            self.cut(end);
        }
        end
    }

    /// A line feed: white space inside a paragraph, but a boundary at a blank line, between
    /// list lines, and before a `- ` / `* ` item.
    fn line_feed(&mut self, i: usize) -> usize {
        let next_line = i + 1;
        let rest = &self.text[next_line..];
        let content = rest.trim_start_matches(|c: char| c.is_whitespace() && c != '\n');
        if content.starts_with('\n') || self.lines_are_items {
            self.cut(next_line);
        } else if let Some(marker @ ('-' | '*')) = content.chars().next()
            && content[1..].starts_with(' ')
        {
            let line_start = memchr::memrchr(b'\n', &self.bytes[..i]).map_or(0, |p| p + 1);
            let line = self.text[line_start..i].trim();
            let same_marker = line.starts_with(marker) && line[1..].starts_with(' ');
            if same_marker || line.ends_with(':') {
                self.cut(next_line);
            }
        }
        next_line
    }

    /// A full stop at `p`.
    fn full_stop(&mut self, p: usize) -> usize {
        let dots_end = self.dots_end(p);
        if dots_end > p + 1 {
            return self.ellipsis(p, dots_end, self.dot_count(p, dots_end), false, false);
        }
        // A spaced ellipsis (". . .") starting here or right after a word's full stop.
        let spaced_end = self.spaced_dots_end(dots_end);
        if spaced_end > dots_end {
            let extra = (spaced_end - dots_end) / 2;
            let glued = self.char_before(p).is_some_and(|c| !c.is_whitespace());
            return self.ellipsis(p, spaced_end, extra + 1, true, glued);
        }
        match self.char_at(p + 1) {
            Some(c) if c.is_alphanumeric() => {
                if self.glued_boundary(p) {
                    self.cut(p + 1);
                }
                return p + 1;
            }
            _ => {}
        }
        let end = self.skip_closers(p + 1);
        let Some((_, next)) = self.after(end) else {
            return end;
        };
        if next != Next::Lower && self.ends_sentence(p, next) {
            self.cut(end);
        }
        end
    }

    /// The number of dots in the run of full stops and `…` between `p` and `end`.
    fn dot_count(&self, p: usize, end: usize) -> usize {
        self.text[p..end]
            .chars()
            .map(|c| if c == '…' { 3 } else { 1 })
            .sum()
    }

    /// End of a run of " ." pairs starting at `i` (a spaced ellipsis after its first dot).
    fn spaced_dots_end(&self, mut i: usize) -> usize {
        while self.bytes.get(i) == Some(&b' ') && self.bytes.get(i + 1) == Some(&b'.') {
            i += 2;
        }
        i
    }

    /// An ellipsis of `dots` dots from `p` to `end`, `spaced` when written ". . .", and
    /// `glued` when spaced and its first dot is attached to the word before (a full stop
    /// followed by an ellipsis).
    fn ellipsis(&mut self, p: usize, end: usize, dots: usize, spaced: bool, glued: bool) -> usize {
        // "[...]" and "(...)" mark an omission inside a quotation.
        if matches!(self.char_before(p), Some('[' | '('))
            && matches!(self.char_at(end), Some(']' | ')'))
        {
            return end;
        }
        let closed = self.skip_closers(end);
        let Some((_, next)) = self.after(closed) else {
            return closed;
        };
        if next == Next::Lower {
            return closed;
        }
        if glued && dots >= 4 {
            // "compounds. . . . The": the full stop ends the sentence, the ellipsis opens the
            // next one (Golden Rule 51).
            self.cut(p + 1);
        } else if !spaced || dots >= 4 {
            // "that.... She", "so... Then", and a spaced four-dot ellipsis (". . . . Next").
            // A spaced three-dot ellipsis marks an omission mid-sentence ("the thing is . . . I
            // didn't mean it").
            self.cut(closed);
        }
        closed
    }

    /// "Hello world.Today": whether the full stop at `p`, with a letter or digit right after
    /// it, ends a sentence although no space follows.
    fn glued_boundary(&mut self, p: usize) -> bool {
        // A capitalised word must follow ("Today", "Mr"), not an initial ("U.S.A") or a
        // lower-case domain part ("example.com").
        let mut after = self.text[p + 1..].chars();
        let (Some(first), Some(second)) = (after.next(), after.next()) else {
            return false;
        };
        if !first.is_uppercase() || !second.is_lowercase() {
            return false;
        }
        // The word before must be a plain word or number, not an abbreviation or initial.
        let Some(word) = self.word_before(p) else {
            return false;
        };
        if word.contains('.') || word.chars().count() < 2 || lexicon::abbreviation(word).is_some() {
            return false;
        }
        if !word
            .chars()
            .next_back()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        {
            return false;
        }
        !self.in_address(p)
    }

    /// Whether the white-space delimited token around byte `p` is an e-mail address or URL.
    fn in_address(&mut self, p: usize) -> bool {
        if let Some((start, end, address)) = self.token
            && start <= p
            && p < end
        {
            return address;
        }
        let start = self.text[..p]
            .char_indices()
            .rev()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = self.text[p..]
            .char_indices()
            .find(|&(_, c)| c.is_whitespace())
            .map_or(self.bytes.len(), |(i, _)| p + i);
        let token = &self.bytes[start..end];
        let address = memchr::memchr(b'@', token).is_some()
            || memchr::memmem::find(token, b"://").is_some()
            || memchr::memmem::find(token, b"www.").is_some();
        self.token = Some((start, end, address));
        address
    }

    /// The word right before the full stop at `p`: letters, digits, apostrophes, inner full
    /// stops and `°` ("U.S", "N°", "Mexico's"), at most [`WORD_WINDOW`] bytes. `None` when the
    /// word is longer or glued to other letters (then it is no abbreviation).
    fn word_before(&self, p: usize) -> Option<&str> {
        let head = &self.text[..p];
        let mut start = p;
        for (i, c) in head.char_indices().rev() {
            if !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '°' | 'º')) {
                break;
            }
            if p - i > WORD_WINDOW {
                return None;
            }
            start = i;
        }
        // A word may not start with a full stop or apostrophe ("...Smith" is "Smith").
        let word = head[start..].trim_start_matches(['.', '\'', '’']);
        Some(word)
    }

    /// Whether the full stop at `p`, followed by white space and a word of kind `next` (not
    /// lower-case), ends the sentence.
    fn ends_sentence(&self, p: usize, next: Next) -> bool {
        let Some(word) = self.word_before(p) else {
            return true;
        };
        if word.is_empty() {
            // After a closing bracket or quote: "(... involved). And".
            return true;
        }
        // An initialism ("C.I.A", "D.E.A", unlisted) behaves like "U.S". Another dotted word is
        // judged by its last part: "Tuesday.Mr" (a missing space) by "Mr", "example.com" and
        // "100.00" as ordinary words.
        let initialism = word.contains('.')
            && word
                .split('.')
                .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
        let word = if word.contains('.') && !initialism && lexicon::abbreviation(word).is_none() {
            word.rsplit('.').next().unwrap_or(word)
        } else {
            word
        };
        let starter = |next: Next| match next {
            Next::Upper(s, e) => lexicon::is_starter(&self.text[s..e]),
            _ => false,
        };
        if let Some(category) = lexicon::abbreviation(word) {
            return match category {
                // "Mr. Smith", "St. Michael's", "e.g. Mexico".
                Category::Title | Category::Inner => false,
                // "No. 5", "p. 55", "Jan. 5"; but "I said no. Then".
                Category::Number | Category::Month => next != Next::Digit,
                Category::Multi => starter(next),
                Category::Time => self.time_ends_sentence(p - word.len(), next),
                Category::Company | Category::General => true,
            };
        }
        if initialism {
            return starter(next);
        }
        let mut chars = word.chars();
        if let (Some(letter), None) = (chars.next(), chars.next())
            && letter.is_uppercase()
        {
            if letter == 'I' && self.previous_word_is_lower(p - 1) {
                // The pronoun: "you and I. Did you see...".
                return true;
            }
            // A middle initial ("Jonas E. Smith", "George W. Bush") unless the next word
            // clearly opens a sentence ("Plan B. The next step").
            return match next {
                Next::Upper(..) => starter(next),
                _ => true,
            };
        }
        true
    }

    /// "a.m."/"p.m." (starting at `word_start`) before a capital: the end of the sentence
    /// when the sentence has at least three words before the time ("He left the bank at 6
    /// P.M. Mr. Smith..."), not when the time opens it ("At 5 a.m. Mr. Smith went") or a
    /// weekday, month or time zone follows ("at 9 a.m. Tuesday").
    fn time_ends_sentence(&self, word_start: usize, next: Next) -> bool {
        let Next::Upper(s, e) = next else {
            return false;
        };
        if lexicon::is_time_context(&self.text[s..e]) {
            return false;
        }
        // Count at most the last 64 bytes: a longer stretch has enough words anyway.
        const WINDOW: usize = 64;
        if word_start.saturating_sub(self.start) > WINDOW {
            return true;
        }
        self.text
            .get(self.start..word_start)
            .is_some_and(|before| before.split_whitespace().count() >= 3)
    }

    /// Whether the word before the one-letter word ending at `letter_end` starts with a
    /// lower-case letter ("and I." as against "Albert I.").
    fn previous_word_is_lower(&self, letter_end: usize) -> bool {
        // Bounded: look at most WORD_WINDOW bytes back (from a character boundary).
        let mut from = letter_end.saturating_sub(WORD_WINDOW);
        while !self.text.is_char_boundary(from) {
            from += 1;
        }
        let Some(head) = self.text.get(from..letter_end) else {
            return false;
        };
        head.split_whitespace()
            .next_back()
            .and_then(|w| w.trim_start_matches(is_opener).chars().next())
            .is_some_and(char::is_lowercase)
    }
}

/// Closing quotes and brackets that may follow a sentence's final mark.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}' | '」' | '』' | '）'
    )
}

/// Opening quotes and brackets that may precede a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡'
    )
}
