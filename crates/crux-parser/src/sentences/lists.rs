//! Lists inside a paragraph: enumerated items run together on one line ("1. The first item
//! 2. The second item") and short unpunctuated lines ("features\ncontact manager\n").

use memchr::{memchr, memchr2_iter};

/// An enumeration marker ("2.", "2.)", "2)", "b.") that opens a list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Marker {
    /// Where the item starts: the marker itself, or the bullet in front of it ("• 10.").
    pub(super) cut: usize,
    /// One past the marker's punctuation: the full stop in "2." is no sentence end.
    pub(super) end: usize,
}

/// Characters that mark a list item wherever they follow white space.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '‣'
            | '⁃'
            | '◦'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '➢'
            | '➤'
            | '►'
    )
}

/// How a marker is written; items of one list share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Digits or a lower-case letter,
    Digits,
    Letter,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    marker: Marker,
    style: Style,
    /// The punctuation after the number: `.`, `.)` or `)`.
    punct: &'static str,
    value: u32,
    /// Whether the marker stands where an item can start a list: at the start of the text or
    /// a line, after a bullet, or after a colon ("Steps: 1) ...").
    opens: bool,
}

/// The enumeration markers of `text` that belong to a list, in order.
///
/// A marker is 1–2 digits or one lower-case letter followed by `.`, `.)` or `)` and white
/// space, with white space, a bullet or the start of the text before it. Markers count as a
/// list only as a run of at least two with the same style and consecutive values whose first
/// one opens a line or follows a colon. This keeps "He got 1. She got 2." and the initial in
/// "turn to p. 55" out, at the price of single-item lists.
pub(super) fn markers(text: &str) -> Vec<Marker> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut run: Vec<Candidate> = Vec::new();
    for p in memchr2_iter(b'.', b')', bytes) {
        let Some(c) = candidate(text, p) else {
            continue;
        };
        let continues = run.last().is_some_and(|last| {
            last.style == c.style && last.punct == c.punct && last.value + 1 == c.value
        });
        if !continues {
            flush(&mut run, &mut out);
        }
        if continues || c.opens {
            run.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

fn flush(run: &mut Vec<Candidate>, out: &mut Vec<Marker>) {
    if run.len() >= 2 {
        out.extend(run.iter().map(|c| c.marker));
    }
    run.clear();
}

/// The marker whose punctuation starts at byte `p` (a `.` or `)`), if any.
fn candidate(text: &str, p: usize) -> Option<Candidate> {
    let bytes = text.as_bytes();
    // "2.)" is found at its full stop; skip the bracket so it is not read a second time.
    if bytes[p] == b')' && p > 0 && bytes[p - 1] == b'.' {
        return None;
    }
    let (punct, end) = if bytes[p] == b'.' && bytes.get(p + 1) == Some(&b')') {
        (".)", p + 2)
    } else if bytes[p] == b'.' {
        (".", p + 1)
    } else {
        (")", p + 1)
    };
    // White space and then more text after the marker.
    let rest = &text[end..];
    let body = rest.trim_start();
    if body.len() == rest.len() || body.is_empty() {
        return None;
    }
    // The number or letter before the punctuation (three digits are enough to reject it).
    let digits = bytes[..p]
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let (style, start, value) = match digits {
        1 | 2 => {
            let start = p - digits;
            let value = text[start..p].parse().ok()?;
            (Style::Digits, start, value)
        }
        0 if p > 0 && bytes[p - 1].is_ascii_lowercase() => {
            (Style::Letter, p - 1, u32::from(bytes[p - 1] - b'a') + 1)
        }
        _ => return None,
    };
    // What comes before the marker: white space, a bullet or nothing.
    let before = &text[..start];
    let mut cut = start;
    let mut opens = false;
    match before.chars().next_back() {
        None => opens = true,
        Some(c) if is_bullet(c) => {
            cut = start - c.len_utf8();
            opens = true;
        }
        Some(c) if c.is_whitespace() => {
            let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
            match trimmed.chars().next_back() {
                None | Some('\n' | ':') => opens = true,
                Some(b) if is_bullet(b) => {
                    cut = trimmed.len() - b.len_utf8();
                    opens = true;
                }
                Some(_) => {}
            }
        }
        Some(_) => return None,
    }
    Some(Candidate {
        marker: Marker { cut, end },
        style,
        punct,
        value,
        opens,
    })
}

/// Lines longer than this (in bytes) are never read as list items: hard-wrapped prose has
/// lines of 60–80 columns, while the items of a plain list are short.
const MAX_ITEM_LINE: usize = 50;

/// Whether the line breaks of `text` separate list items rather than wrap prose: at least two
/// non-blank lines, all short and none ending in punctuation. Prose cut by a hard wrap or a PDF
/// ("This is a sentence\ncut off in the middle because pdf.") ends its last line with a full
/// stop; a list of short lines ("features\ncontact manager\nevents, activities") ends none.
pub(super) fn lines_are_items(text: &str) -> bool {
    if memchr(b'\n', text.as_bytes()).is_none() {
        return false;
    }
    let mut count = 0;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if line.len() > MAX_ITEM_LINE {
            return false;
        }
        let last = line
            .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
            .chars()
            .next_back();
        if matches!(
            last,
            None | Some('.' | '!' | '?' | '…' | ':' | ';' | ',' | '-' | '–' | '—')
        ) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cuts(text: &str) -> Vec<usize> {
        markers(text).iter().map(|m| m.cut).collect()
    }

    #[test]
    fn numbered_runs() {
        assert_eq!(cuts("1. The first item 2. The second item"), [0, 18]);
        assert_eq!(cuts("1.) One. 2.) Two."), [0, 9]);
        assert_eq!(cuts("1) One 2) Two 3) Three"), [0, 7, 14]);
        assert_eq!(cuts("• 9. One • 10. Two"), [0, 11]);
        assert_eq!(cuts("a. One b. Two c. Three"), [0, 7, 14]);
        assert_eq!(cuts("Steps: 1) mix 2) bake"), [7, 14]);
    }

    #[test]
    fn prose_is_no_list() {
        assert!(cuts("He got 1. She got 2. They left.").is_empty());
        assert!(cuts("Please turn to p. 55.").is_empty());
        assert!(cuts("1. Only one item").is_empty());
        assert!(cuts("costs 1.5 and 2.5 now").is_empty());
    }

    #[test]
    fn item_lines() {
        assert!(lines_are_items(
            "features\ncontact manager\nevents, activities\n"
        ));
        assert!(!lines_are_items(
            "This is a sentence\ncut off in the middle because pdf."
        ));
        assert!(!lines_are_items("It was a cold \nnight in the city."));
        assert!(!lines_are_items("one line only"));
        assert!(!lines_are_items(
            "Hard-wrapped prose runs to about seventy columns before it\nbreaks and goes on"
        ));
    }
}
