//! Blocks of plain text, found from its layout.
//!
//! Blank lines (lines of white space only, the no-break space included) separate blocks. Inside
//! a block of several lines:
//! - lines that start with a list marker (`-`, `*`, `•`, `1.`, `a)`) make one list item each,
//!   with the indented or unmarked lines after them as their continuation;
//! - lines that were hard-wrapped (every line but the last at most [`WRAP_WIDTH`] characters)
//!   stay one paragraph, their line breaks read as spaces;
//! - otherwise each line is its own paragraph: text whose paragraphs are single long lines
//!   separated by single line breaks.

use super::{Block, BlockKind};
use crate::span::Span;

/// The widest line (in characters) that still counts as hard-wrapped prose. Hard wrapping
/// is usually done at 72–80 columns; 100 leaves room for long words pushed over.
pub(crate) const WRAP_WIDTH: usize = 100;

/// One line of the input: its span without the line terminator.
#[derive(Debug, Clone, Copy)]
struct Line {
    span: Span,
}

fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// The blocks of plain `text`, in order.
pub(crate) fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut group: Vec<Line> = Vec::new();
    for span in lines(text) {
        let content = &text[span];
        if is_blank(content) {
            flush(text, &mut group, &mut out);
        } else {
            group.push(Line { span });
        }
    }
    flush(text, &mut group, &mut out);
    out
}

/// The lines of `text`, each without its terminator: a line feed, CR LF, or a carriage return
/// alone (classic Mac OS line ends, still met in old files and some exports).
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(i) => {
                let end = start + i;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    end + 2
                } else {
                    end + 1
                };
                let span = Span::new(start, end);
                start = next;
                Some(span)
            }
            None => {
                done = true;
                Some(Span::new(start, bytes.len()))
            }
        }
    })
}

fn flush(text: &str, group: &mut Vec<Line>, out: &mut Vec<Block>) {
    if group.is_empty() {
        return;
    }
    let whole = |lines: &[Line]| {
        Span::new(lines[0].span.start(), lines[lines.len() - 1].span.end()).trim(text)
    };
    if group
        .iter()
        .any(|l| list_marker_len(&text[l.span]).is_some())
        && is_list(text, group)
    {
        let mut start = 0;
        for i in 1..=group.len() {
            if i == group.len() || list_marker_len(&text[group[i].span]).is_some() {
                out.push(Block::new(whole(&group[start..i]), BlockKind::ListItem));
                start = i;
            }
        }
    } else if group.len() > 1 && !hard_wrapped(text, group) {
        for line in group.iter() {
            out.push(Block::new(line.span.trim(text), BlockKind::Paragraph));
        }
    } else {
        out.push(Block::new(whole(group), BlockKind::Paragraph));
    }
    group.clear();
}

/// A group is a list when its first line carries a list marker.
fn is_list(text: &str, group: &[Line]) -> bool {
    list_marker_len(&text[group[0].span]).is_some()
}

fn hard_wrapped(text: &str, group: &[Line]) -> bool {
    group[..group.len() - 1]
        .iter()
        .all(|l| text[l.span].chars().count() <= WRAP_WIDTH)
}

/// The length of the list marker (with its following space) that `line` starts with.
pub(crate) fn list_marker_len(line: &str) -> Option<usize> {
    let t = line.trim_start();
    let indent = line.len() - t.len();
    for bullet in ["- ", "* ", "+ ", "• ", "◦ ", "‣ ", "⁃ ", "– ", "— "] {
        if t.starts_with(bullet) {
            return Some(indent + bullet.len());
        }
    }
    // "1. ", "12) ", "a. ", "b) ", "(iv) ": a short enumerator, then a space.
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let enumerator = if digits > 0 && digits <= 3 {
        digits
    } else {
        let letters = t.bytes().take_while(u8::is_ascii_lowercase).count();
        if letters == 1 { 1 } else { 0 }
    };
    if enumerator > 0 {
        let rest = &t.as_bytes()[enumerator..];
        if rest.len() >= 2 && (rest[0] == b'.' || rest[0] == b')') && rest[1] == b' ' {
            return Some(indent + enumerator + 2);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(&str, BlockKind)> {
        blocks(text)
            .into_iter()
            .map(|b| (&text[b.span], b.kind))
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        let text = "One.\n\nTwo.\r\n \u{a0}\r\nThree.";
        let got: Vec<_> = texts(text).into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        // Classic Mac OS line ends: a blank line between paragraphs is two CRs.
        let text = "First paragraph, its one line.\r\rSecond one.\r \rThird.\r";
        let got: Vec<_> = texts(text).into_iter().map(|t| t.0).collect();
        assert_eq!(
            got,
            ["First paragraph, its one line.", "Second one.", "Third."]
        );
        // Mixed ends, and a CR LF is one end, not two.
        let text = "A.\r\nB.\rC.\n\r\nD.";
        let got: Vec<_> = texts(text).into_iter().map(|t| t.0).collect();
        assert_eq!(got, ["A.\r\nB.\rC.", "D."]);
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "This paragraph was wrapped at a narrow\nwidth by an editor and goes on\nto a third line.";
        assert_eq!(texts(text), [(text, BlockKind::Paragraph)]);
    }

    #[test]
    fn long_lines_are_paragraphs() {
        let long = "x".repeat(150);
        let text = format!("{long}\n{long}\n");
        assert_eq!(blocks(&text).len(), 2);
    }

    #[test]
    fn list_items() {
        let text = "- first item\n  continues here\n- second item\n3. third";
        let got = texts(text);
        assert_eq!(got.len(), 3);
        assert_eq!(
            got[0],
            ("- first item\n  continues here", BlockKind::ListItem)
        );
        assert_eq!(got[2], ("3. third", BlockKind::ListItem));
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(blocks("").is_empty());
        assert!(blocks("\n \n\t\n").is_empty());
    }

    #[test]
    fn markers() {
        assert_eq!(list_marker_len("1. The first"), Some(3));
        assert_eq!(list_marker_len("a) x"), Some(3));
        assert_eq!(list_marker_len("U.S. troops"), None);
        assert_eq!(list_marker_len("2011. A year"), None);
    }
}
