//! Quotation marks: finding them, telling them from apostrophes, and pairing them.
//!
//! Real text mixes its marks: straight and curly in one quotation (`“The Mexicans are in
//! charge,"`), single quotes nested in double, apostrophes that look like closing single quotes
//! (`It’s`, `students' books`, `the '90s`, `rock 'n' roll`), LaTeX marks, guillemets and low-9
//! marks, and quotations that run over several paragraphs. The pairing here is one pass with a
//! stack:
//!
//! 1. Each candidate mark is classified by its *family* (double, single, guillemet, single
//!    guillemet, corner bracket) and by what it *can* do, from its shape and its neighbours: a
//!    mark after white space and before a word can open, one after a word and before white space
//!    or punctuation can close, a mark between two letters is an apostrophe. Curly marks say
//!    which way they face, but misused ones (`“Hello,“ he said`) are judged by their neighbours
//!    like straight ones.
//! 2. A mark that can close looks for an open mark of its family on the stack (a count per
//!    family says at once whether there is one); marks above it were never closed and are
//!    dropped. A mark that cannot close, or finds nothing to close, opens if it can. A single
//!    mark that neither opens nor closes is an apostrophe; a double mark is unmatched.
//! 3. At a paragraph break, a quotation still open carries on when the next paragraph starts
//!    with an opening mark of the same family (the printers' convention for quotations of several
//!    paragraphs) or with a lower-case letter (a break inside a sentence); otherwise it was never
//!    closed, and its mark is reported.
//!
//! Every mark is pushed and popped at most once, so the pass is linear in the text.

use crate::span::Span;

/// Which marks pair with which.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// `"`, `“`, `”`, `„`, and LaTeX ``` `` ``` / `''`.
    Double,
    /// `'`, `‘`, `’`, `‚`, and LaTeX `` ` ``.
    Single,
    /// `«` `»`.
    Guillemet,
    /// `‹` `›`.
    SingleGuillemet,
    /// `「` `」` and `『` `』`.
    Corner,
}

impl Family {
    const ALL: usize = 5;

    const fn index(self) -> usize {
        self as usize
    }
}

/// A quotation found by pairing marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// From the opening mark through the closing mark.
    pub(crate) span: Span,
    /// The family of the opening mark.
    pub(crate) family: Family,
    /// How many quotations enclose this one.
    pub(crate) depth: usize,
    /// The index (in the returned list) of the innermost enclosing quotation.
    pub(crate) parent: Option<usize>,
    /// Whether a closing mark ends it. A part of a quotation that runs on into a new paragraph
    /// or a new opening mark (`"… cut rates. "Dismal …`) has none: its span ends with its
    /// words, and the next part continues it.
    pub(crate) closed: bool,
    /// Whether it continues the quotation before it (it opens the next paragraph, or a new
    /// sentence, of the same quotation).
    pub(crate) continues: bool,
}

/// A mark that pairs with nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unmatched {
    /// The mark.
    pub(crate) span: Span,
    /// Whether it was left open (else it closed nothing).
    pub(crate) open: bool,
}

/// What pairing a text found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    /// Quotations, ordered by where they start (outer before inner).
    pub(crate) pairs: Vec<Pair>,
    /// Double-family and guillemet marks that pair with nothing. (A lone single mark is taken
    /// as an apostrophe, not reported.)
    pub(crate) unmatched: Vec<Unmatched>,
    /// The first quotation nested [`MAX_DEPTH`] deep or more, when there is one: such
    /// quotations are left out of `pairs`.
    pub(crate) too_deep: Option<Span>,
}

/// How deeply quotations may nest and still be reported (a quotation inside a quotation inside
/// a quotation is already rare).
pub(crate) const MAX_DEPTH: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    /// Curly or directed: says which way it faces.
    Opening,
    Closing,
    /// Straight: the neighbours decide.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    span: Span,
    family: Family,
    facing: Facing,
    /// A LaTeX opening ``` `` ```, which a later `''` may close.
    latex_open: bool,
}

/// Bytes that can begin a quotation mark: ASCII marks, and the lead bytes of U+00AB/U+00BB,
/// U+2018–U+203A and U+300C–U+300F.
const fn lead(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3)
}

fn classify(c: char) -> Option<(Family, Facing)> {
    Some(match c {
        '"' => (Family::Double, Facing::Either),
        '“' => (Family::Double, Facing::Opening),
        '”' => (Family::Double, Facing::Closing),
        '„' => (Family::Double, Facing::Opening),
        '\'' => (Family::Single, Facing::Either),
        '‘' => (Family::Single, Facing::Opening),
        '’' => (Family::Single, Facing::Closing),
        '‚' => (Family::Single, Facing::Opening),
        '`' => (Family::Single, Facing::Opening),
        '«' => (Family::Guillemet, Facing::Opening),
        '»' => (Family::Guillemet, Facing::Closing),
        '‹' => (Family::SingleGuillemet, Facing::Opening),
        '›' => (Family::SingleGuillemet, Facing::Closing),
        '「' | '『' => (Family::Corner, Facing::Opening),
        '」' | '』' => (Family::Corner, Facing::Closing),
        _ => return None,
    })
}

/// The marks of `text`, with a LaTeX ``` `` ``` read as one double mark. (Its closing `''`
/// is two single marks here: whether they close it depends on what is open, so [`pair`]
/// decides.)
fn candidates(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !lead(bytes[i]) {
            i += 1;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        if let Some((mut family, facing)) = classify(c) {
            let mut end = i + width;
            let latex_open = c == '`' && bytes.get(i + 1) == Some(&b'`');
            if latex_open {
                family = Family::Double;
                end += 1;
            }
            out.push(Mark {
                span: Span::new(i, end),
                family,
                facing,
                latex_open,
            });
            i = end;
        } else {
            i += width;
        }
    }
    out
}

/// What stands next to a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Start or end of text, or white space.
    Space,
    Letter,
    Digit,
    /// `(`, `[`, `{`, dashes, slashes: what a quotation can follow directly.
    OpenPunct,
    /// Other punctuation: `.`, `,`, `;`, `)`, `!`, …
    Punct,
    /// Another quotation mark.
    Mark,
}

fn side(c: Option<char>) -> Side {
    match c {
        None => Side::Space,
        Some(c) if c.is_whitespace() => Side::Space,
        Some(c) if c.is_alphabetic() => Side::Letter,
        Some(c) if c.is_numeric() => Side::Digit,
        Some(c) if classify(c).is_some() => Side::Mark,
        Some('(' | '[' | '{' | '-' | '–' | '—' | '/' | '…' | '*' | '_') => Side::OpenPunct,
        Some(_) => Side::Punct,
    }
}

/// What a mark can do, given its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Can {
    open: bool,
    close: bool,
    apostrophe: bool,
}

fn word_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(rest.len(), |(i, _)| i);
    &rest[..end]
}

fn abilities(text: &str, mark: Mark) -> Can {
    let before = text[..mark.span.start()].chars().next_back();
    let after = text[mark.span.end()..].chars().next();
    let (b, a) = (side(before), side(after));
    // Left-flanking: nothing word-like before, something word-like after.
    let opens =
        matches!(b, Side::Space | Side::OpenPunct | Side::Mark) && !matches!(a, Side::Space);
    // Right-flanking: something word-like or final punctuation before, a break after.
    let closes = !matches!(b, Side::Space | Side::OpenPunct)
        && matches!(a, Side::Space | Side::Punct | Side::OpenPunct | Side::Mark);
    let inner = matches!(b, Side::Letter | Side::Digit) && matches!(a, Side::Letter | Side::Digit);
    let single = mark.family == Family::Single;
    // `said,"We`, `states:"I`: a double mark glued to the comma or colon of a tag, as scraped
    // text prints it, opens; so does one before the writer's bracketed insertion or an
    // ellipsis that opens the quoted words (`said:"[Police] are`, `reads:"... no man`).
    let rest = &text[mark.span.end()..];
    let inserted = rest
        .strip_prefix('[')
        .is_some_and(|r| r.starts_with(char::is_alphabetic))
        || rest.starts_with("...")
        || rest.starts_with('…');
    let glued = !single
        && matches!(before, Some(',' | ':' | ';'))
        && (matches!(a, Side::Letter | Side::Digit) || inserted);
    // `in the country, " he said`: a double mark set off by spaces after a sentence's or a
    // clause's final punctuation closes (a typing slip of scraped and wire text).
    let detached = !single
        && b == Side::Space
        && a == Side::Space
        && text[..mark.span.start()]
            .trim_end_matches([' ', '\u{a0}'])
            .ends_with([',', '.', '?', '!']);
    let mut can = match mark.facing {
        Facing::Either => Can {
            open: opens || glued || (inner && !single),
            close: closes || detached || (inner && !single),
            apostrophe: false,
        },
        // A directed mark keeps its direction unless its neighbours plainly say otherwise.
        Facing::Opening => Can {
            open: !closes || opens,
            close: closes && !opens,
            apostrophe: false,
        },
        Facing::Closing => Can {
            open: opens && !closes,
            close: !opens || closes,
            apostrophe: false,
        },
    };
    if single {
        let word = word_after(text, mark.span.end());
        let lower = word.to_ascii_lowercase();
        if inner {
            // It’s, Mexico's, dog‘s: between two letters (or digits) is an apostrophe.
            can = Can {
                open: false,
                close: false,
                apostrophe: true,
            };
        } else if a == Side::Digit
            && word.len() == 3
            && word.ends_with('s')
            && word[..2].bytes().all(|b| b.is_ascii_digit())
        {
            // the '90s
            can = Can {
                open: false,
                close: false,
                apostrophe: true,
            };
        } else if a == Side::Letter
            && matches!(b, Side::Space | Side::Mark | Side::OpenPunct)
            && crate::lexicon::is(&lower, crate::lexicon::Cue::Elision)
            && (lower != "n" || text[mark.span.end() + 1..].starts_with(['\'', '’']))
        {
            // 'tis, 'em, rock 'n' roll
            can = Can {
                open: false,
                close: false,
                apostrophe: true,
            };
        } else if b == Side::Letter
            && text[..mark.span.start()].ends_with('n')
            && text[..mark.span.start()]
                .strip_suffix('n')
                .is_some_and(|s| s.ends_with(['\'', '’']))
        {
            // the closing mark of 'n'
            can = Can {
                open: false,
                close: false,
                apostrophe: true,
            };
        }
    }
    can
}

/// Ends the one open quotation at byte `end` without a closing mark: one part of a quotation
/// that runs on.
fn end_part(
    stack: &mut Vec<(Mark, usize)>,
    slots: &mut [Option<Pair>],
    continues: &[bool],
    open_count: &mut [usize; Family::ALL],
    end: usize,
) {
    if let Some((top, slot)) = stack.pop() {
        open_count[top.family.index()] -= 1;
        slots[slot] = Some(Pair {
            span: Span::new(top.span.start(), end.max(top.span.end())),
            family: top.family,
            depth: 0,
            parent: None,
            closed: false,
            continues: continues[slot],
        });
    }
}

/// Finds and pairs the quotation marks of `text`; `paragraphs` are the paragraph spans in
/// order (quotations are checked at each paragraph break).
pub(crate) fn pair(text: &str, paragraphs: &[Span]) -> Marks {
    let marks = candidates(text);
    let mut out = Marks::default();
    // Open marks not yet closed: (mark, index of the pair slot reserved for it).
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    let mut open_count = [0usize; Family::ALL];
    // Pairs are recorded when they close; `slots` reserves their place in start order.
    let mut slots: Vec<Option<Pair>> = Vec::new();
    // Whether the quotation of each slot continues the one before it.
    let mut continues: Vec<bool> = Vec::new();
    // Set when a part of a quotation ended without a closing mark: the next opening mark
    // starts its continuation.
    let mut next_continues = false;
    let mut next_paragraph = 0;
    let mut skip_mark: Option<usize> = None;

    let mut skip_next = false;
    for (index, &mark) in marks.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        // `''` right after the innermost open mark's matching context closes a LaTeX ``` `` ```.
        let mut mark = mark;
        if text[mark.span] == *"'"
            && stack.last().is_some_and(|(top, _)| top.latex_open)
            && marks
                .get(index + 1)
                .is_some_and(|next| next.span.start() == mark.span.end() && text[next.span] == *"'")
        {
            mark = Mark {
                span: Span::new(mark.span.start(), mark.span.end() + 1),
                family: Family::Double,
                facing: Facing::Closing,
                latex_open: false,
            };
            skip_next = true;
        }
        // Paragraph breaks passed since the last mark.
        while next_paragraph < paragraphs.len()
            && paragraphs[next_paragraph].start() <= mark.span.start()
        {
            if next_paragraph > 0 && !stack.is_empty() {
                let para = paragraphs[next_paragraph];
                let first = text[para].chars().next();
                let continued_by_mark = marks[index..]
                    .iter()
                    .take_while(|m| m.span.start() <= para.start())
                    .find(|m| m.span.start() == para.start())
                    .filter(|m| m.family == stack[0].0.family && m.facing != Facing::Closing);
                if continued_by_mark.is_some() && stack.len() == 1 {
                    // One quotation open: its part in the paragraph before ends there, and the
                    // new paragraph's mark opens the next part.
                    let end = text[..para.start()].trim_end().len();
                    end_part(&mut stack, &mut slots, &continues, &mut open_count, end);
                    next_continues = true;
                } else if let Some(m) = continued_by_mark {
                    // Nested quotations open: the whole goes on as one quotation.
                    skip_mark = Some(m.span.start());
                } else if !first.is_some_and(char::is_lowercase) {
                    for (m, _) in stack.drain(..) {
                        open_count[m.family.index()] -= 1;
                        if m.family != Family::Single {
                            out.unmatched.push(Unmatched {
                                span: m.span,
                                open: true,
                            });
                        }
                    }
                }
            }
            next_paragraph += 1;
        }
        if skip_mark == Some(mark.span.start()) {
            skip_mark = None;
            continue;
        }

        let can = abilities(text, mark);
        if can.apostrophe {
            continue;
        }
        let family = mark.family.index();
        // `"… cut rates. "Dismal …`: a new sentence opening with a mark while the same
        // quotation is open is the next paragraph of that quotation, its break lost (scraped
        // news prints it so). The part before ends with its sentence.
        if mark.family == Family::Double
            && can.open
            && !can.close
            && stack.len() == 1
            && stack[0].0.family == Family::Double
        {
            let before = &text[..mark.span.start()];
            let trimmed = before.trim_end();
            if trimmed.len() < before.len()
                && trimmed.ends_with(['.', '!', '?'])
                && trimmed.len() > stack[0].0.span.end()
            {
                end_part(
                    &mut stack,
                    &mut slots,
                    &continues,
                    &mut open_count,
                    trimmed.len(),
                );
                next_continues = true;
            }
        }
        if can.close && open_count[family] > 0 {
            // Close the innermost open mark of this family; anything above it was never closed.
            while let Some((top, slot)) = stack.pop() {
                open_count[top.family.index()] -= 1;
                if top.family == mark.family {
                    let depth = stack.len();
                    let parent = stack.last().map(|&(_, s)| s);
                    slots[slot] = Some(Pair {
                        span: Span::new(top.span.start(), mark.span.end()),
                        family: top.family,
                        depth,
                        parent,
                        closed: true,
                        continues: continues[slot],
                    });
                    break;
                }
                if top.family != Family::Single {
                    out.unmatched.push(Unmatched {
                        span: top.span,
                        open: true,
                    });
                }
            }
        } else if can.open {
            slots.push(None);
            continues.push(std::mem::take(&mut next_continues) && stack.is_empty());
            stack.push((mark, slots.len() - 1));
            open_count[family] += 1;
        } else if mark.family != Family::Single {
            out.unmatched.push(Unmatched {
                span: mark.span,
                open: false,
            });
        }
    }
    for (m, _) in stack {
        if m.family != Family::Single {
            out.unmatched.push(Unmatched {
                span: m.span,
                open: true,
            });
        }
    }

    // Keep the closed pairs, renumbering parents; a pair whose parent was never closed hangs
    // from the nearest closed ancestor, or from nothing.
    let mut renumber = vec![None; slots.len()];
    for (i, slot) in slots.iter().enumerate() {
        if let Some(pair) = slot {
            renumber[i] = Some(out.pairs.len());
            out.pairs.push(*pair);
        }
    }
    for pair in &mut out.pairs {
        let mut parent = pair.parent;
        while let Some(p) = parent {
            if renumber[p].is_some() {
                break;
            }
            parent = slots[p].and_then(|s| s.parent);
        }
        pair.parent = parent.and_then(|p| renumber[p]);
    }
    // Depth counts closed ancestors only.
    for i in 0..out.pairs.len() {
        out.pairs[i].depth = out.pairs[i].parent.map_or(0, |p| out.pairs[p].depth + 1);
    }
    // Quotations nested deeper than real text nests them are not reported one by one: each
    // carries its own text in the output, so thousands of nested levels would make the output
    // quadratic in the input. (Their ancestors are shallower, so parents stay.)
    out.too_deep = out
        .pairs
        .iter()
        .find(|p| p.depth >= MAX_DEPTH)
        .map(|p| p.span);
    // ''…'' (two apostrophes for a double mark, as the New York Times archive prints them)
    // pairs as a single quotation inside another one byte wider on each side: one quotation.
    let doubled = |pair: &Pair| {
        pair.family == Family::Single
            && pair.parent.is_some_and(|p| {
                let outer = out.pairs[p].span;
                outer.start() + 1 == pair.span.start() && pair.span.end() + 1 == outer.end()
            })
    };
    if out.too_deep.is_some() || out.pairs.iter().any(doubled) {
        let drop: Vec<bool> = out
            .pairs
            .iter()
            .map(|p| p.depth >= MAX_DEPTH || doubled(p))
            .collect();
        let mut new_index = vec![None; out.pairs.len()];
        let mut kept = Vec::new();
        for (i, pair) in out.pairs.iter().enumerate() {
            if !drop[i] {
                // The nearest kept ancestor (a dropped doubled mark's children belong to the
                // quotation it doubles).
                let mut parent = pair.parent;
                while let Some(p) = parent.filter(|&p| drop[p]) {
                    parent = out.pairs[p].parent;
                }
                new_index[i] = Some(kept.len());
                kept.push(Pair {
                    parent: parent.and_then(|p| new_index[p]),
                    ..*pair
                });
            }
        }
        for i in 0..kept.len() {
            kept[i].depth = kept[i].parent.map_or(0, |p| kept[p].depth + 1);
        }
        out.pairs = kept;
    }
    out.unmatched.sort_by_key(|u| u.span);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The top-level quotations of `text`, one paragraph per blank-line block.
    fn top(text: &str) -> Vec<&str> {
        let marks = pair(text, &paragraphs(text));
        marks
            .pairs
            .iter()
            .filter(|p| p.depth == 0)
            .map(|p| &text[p.span])
            .collect()
    }

    fn nested(text: &str) -> Vec<(&str, &str)> {
        let marks = pair(text, &paragraphs(text));
        marks
            .pairs
            .iter()
            .filter_map(|p| {
                p.parent
                    .map(|q| (&text[marks.pairs[q].span], &text[p.span]))
            })
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices("\n\n") {
            out.push(Span::new(start, i).trim(text));
            start = i + 2;
        }
        out.push(Span::new(start, text.len()).trim(text));
        out
    }

    #[test]
    fn mixed_curly_and_straight() {
        let text = "“The Mexicans are in charge,\" said one American military official. “It’s their show. We’re all about technical support.”";
        assert_eq!(
            top(text),
            [
                "“The Mexicans are in charge,\"",
                "“It’s their show. We’re all about technical support.”"
            ]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for text in [
            "It’s Mexico's show, and the students' books, from the '90s, rock 'n' roll.",
            "Jones' cow is cuter.",
            "'Tis the season, 'til dawn.",
        ] {
            let marks = pair(text, &paragraphs(text));
            assert!(marks.pairs.is_empty(), "{text}: {:?}", marks.pairs);
            assert!(marks.unmatched.is_empty(), "{text}");
        }
    }

    #[test]
    fn nesting() {
        assert_eq!(
            nested("\"'Hello,' he said, 'how are you doing?'\""),
            [
                ("\"'Hello,' he said, 'how are you doing?'\"", "'Hello,'"),
                (
                    "\"'Hello,' he said, 'how are you doing?'\"",
                    "'how are you doing?'"
                )
            ]
        );
        assert_eq!(
            top("“Hello,” he said, “how “are” you doing?”"),
            ["“Hello,”", "“how “are” you doing?”"]
        );
    }

    #[test]
    fn misused_curly_mark() {
        assert_eq!(
            top("“Hello,“ he said, “how are you doing?”"),
            ["“Hello,“", "“how are you doing?”"]
        );
    }

    #[test]
    fn unclosed_is_reported_and_inner_kept() {
        let text = "Hello,   \" he said, 'how are you doing?'";
        let marks = pair(text, &paragraphs(text));
        assert_eq!(top(text), ["'how are you doing?'"]);
        assert_eq!(marks.unmatched.len(), 1);
        let text = "\"Hello,\" he said, \"how are you doing?";
        assert_eq!(top(text), ["\"Hello,\""]);
        assert_eq!(
            pair(text, &paragraphs(text)).unmatched,
            [Unmatched {
                span: Span::new(18, 19),
                open: true
            }]
        );
    }

    #[test]
    fn quotation_over_several_paragraphs() {
        let text = "Words blah bla \"Hello,\n\n \"I am the second paragraph.\n\n\"I am the last.\" followed by more words";
        // One part per paragraph: each but the last has no closing mark, and each after the
        // first continues the one before.
        assert_eq!(
            top(text),
            [
                "\"Hello,",
                "\"I am the second paragraph.",
                "\"I am the last.\""
            ]
        );
        let marks = pair(text, &paragraphs(text));
        let flags: Vec<(bool, bool)> = marks
            .pairs
            .iter()
            .map(|p| (p.closed, p.continues))
            .collect();
        assert_eq!(flags, [(false, false), (false, true), (true, true)]);
    }

    #[test]
    fn continued_paragraph_without_its_break() {
        // Scraped news loses the break between the paragraphs of one quotation.
        let text = "He said: \"We will cut rates. \"Sales are weak.\" Then he left.";
        assert_eq!(top(text), ["\"We will cut rates.", "\"Sales are weak.\""]);
        assert!(pair(text, &paragraphs(text)).unmatched.is_empty());
    }

    #[test]
    fn quote_glued_to_its_tag() {
        assert_eq!(
            top("He said:\"We will win.\" She said,\"No.\""),
            ["\"We will win.\"", "\"No.\""]
        );
        // The quoted words may open with the writer's insertion in brackets or an ellipsis.
        assert_eq!(
            top("She wrote:\"[Ferries] are late.\" The sign reads:\"... no boats today.\""),
            ["\"[Ferries] are late.\"", "\"... no boats today.\""]
        );
        // A footnote after a closing mark is no insertion.
        assert_eq!(top("It was \"late,\"[3] she wrote."), ["\"late,\""]);
    }

    #[test]
    fn closing_mark_set_off_by_spaces() {
        // Wire copy types a space before the closing mark after the tag's comma.
        let text = "\"We will vote. It is the first scheme in the country, \" he said.";
        assert_eq!(
            top(text),
            ["\"We will vote. It is the first scheme in the country, \""]
        );
        assert!(pair(text, &paragraphs(text)).unmatched.is_empty());
        // A lone mark between spaces with no quotation open stays unmatched.
        let text = "The sign read , \" and nothing else.";
        assert!(top(text).is_empty());
    }

    #[test]
    fn unclosed_at_paragraph_end_is_dropped() {
        let text = "He said \"this is open.\n\nA new paragraph \"with a quote\" here.";
        assert_eq!(top(text), ["\"with a quote\""]);
        assert_eq!(pair(text, &paragraphs(text)).unmatched.len(), 1);
    }

    #[test]
    fn latex_and_guillemets() {
        assert_eq!(
            top("`Hello,' he said, ``how are you doing?''"),
            ["`Hello,'", "``how are you doing?''"]
        );
        assert_eq!(
            top("“Hel «lo “how” are you» doing?”"),
            ["“Hel «lo “how” are you» doing?”"]
        );
        assert_eq!(
            top("''Tis nobler' Words blah bla 'I went to the house yesterday,' he said"),
            ["''Tis nobler'", "'I went to the house yesterday,'"]
        );
    }

    #[test]
    fn dashes() {
        assert_eq!(top("\"Hello\"--said Mr. Cornwallaby"), ["\"Hello\""]);
        assert_eq!(
            top("I was shocked--\"My cow is better than any one of Jones' bovines!\""),
            ["\"My cow is better than any one of Jones' bovines!\""]
        );
    }

    #[test]
    fn deep_nesting_is_cut() {
        let text = format!("{}x{}", "“".repeat(10), "”".repeat(10));
        let marks = pair(&text, &[Span::new(0, text.len())]);
        assert_eq!(marks.pairs.len(), MAX_DEPTH);
        assert!(marks.too_deep.is_some());
        assert!(
            marks
                .pairs
                .iter()
                .all(|p| p.parent.is_none_or(|q| q < MAX_DEPTH))
        );
    }

    #[test]
    fn hostile() {
        let many = "\"“'‘«".repeat(10_000);
        let _ = pair(&many, &[Span::new(0, many.len())]);
        let _ = pair("", &[]);
        let _ = pair("'", &[Span::new(0, 1)]);
    }
}
