//! Article metadata: the header lines at the top of an article (section, title, byline,
//! dateline), and the dates, times and bylines inside them.
//!
//! # Where the header is looked for
//!
//! Only the leading blocks count: blocks of kind paragraph or meta, and a heading if it is the
//! very first block. A list item, a block quote or a later heading ends the search. Blocks are
//! split into their lines, because plain text joins short lines into one block ("By Robert
//! Chesney\nSunday, August 7, 2011, 7:24 PM" arrives as one block). At most [`MAX_LINES`] lines
//! starting in the first [`MAX_BYTES`] bytes are looked at, so the work is bounded whatever the
//! input: a header is a handful of short lines.
//!
//! # How each line is classified
//!
//! - **body**: longer than [`MAX_LINE_CHARS`] characters, starting with a lower-case letter (the
//!   continuation of a wrapped sentence), with no letter or digit at all (a rule such as
//!   `* * *`), or ending like a sentence (`.`, `,`, `;`, `:`, or `?`/`!` after more than twelve
//!   words; an abbreviation such as "U.S." at the end does not count). The first body line ends
//!   the header; in a block of several lines, a body line also drops the lines before it in
//!   that block unless they are bylines or datelines (they were a wrapped sentence).
//! - **dateline**: the whole line is a date and/or time, possibly after "Updated",
//!   "Published"… (see [`crate::date`]).
//! - **byline**: "By" and names, possibly with an affiliation and a date (see [`byline`](mod@byline)).
//! - **role line**: right under a byline, a short line with a role or affiliation word
//!   ("Staff Writer", "Special to The Times"): part of the byline.
//! - **title-like** (plain): any other line. A meta block from the markup that is neither a
//!   byline nor a dateline stays a header line but is never a title; a first heading is always
//!   title-like.
//!
//! # How the header is assembled
//!
//! The header is the leading run of title-like lines followed by the run of bylines and
//! datelines:
//!
//! - the title is the title-like line just above the byline or dateline; a short line above it
//!   (at most six words and 60 characters, and shorter than the title) is the section or kicker;
//!   with three title-like lines, the third is a standfirst (a header line, no field);
//! - when the byline comes first, the one title-like line after it is the title, and bylines or
//!   datelines after that title still belong to the header;
//! - with no byline or dateline the evidence is thin, so only one or two title-like lines can be
//!   a header, and two only when both are in headline capitalisation; a lone line is taken as
//!   the title only when body text follows it;
//! - more than three title-like lines before a byline is not a header (a poem, a list, a
//!   table of contents).
//!
//! The date is that of the first dateline or byline date that is not an update ("Updated …");
//! an update's date is used only when nothing else gives one. Authors come from every byline,
//! in order, without repeats.

mod byline;
mod tagline;

use crate::document::Meta;
use crate::read::{Block, BlockKind};
use crate::span::Span;

use crate::date::{Stamp, stamp_line};
use byline::{Byline, byline, is_role_line};
pub(crate) use tagline::tagline;

/// The most lines looked at for a header.
const MAX_LINES: usize = 8;
/// Header lines start within this many bytes of the text.
const MAX_BYTES: usize = 1500;
/// A longer line is body text: headlines and bylines are shorter.
const MAX_LINE_CHARS: usize = 150;
/// A section or kicker has at most this many words...
const MAX_KICKER_WORDS: usize = 6;
/// ...and characters.
const MAX_KICKER_CHARS: usize = 60;

/// The header found at the top of an article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    /// What the header says.
    pub(crate) meta: Meta,
    /// Each header line (section, title, byline, dateline), in order: each becomes a paragraph
    /// of kind `meta`.
    pub(crate) lines: Vec<Span>,
    /// Byte offset where the body begins: blocks, or parts of blocks, before it are header.
    pub(crate) end: usize,
}

/// What a candidate header line is.
#[derive(Debug, Clone)]
enum Role {
    /// Could be a title, section or standfirst.
    Plain,
    /// A dateline.
    Stamp(Stamp),
    /// A byline.
    Byline(Byline),
    /// A meta block from the markup that says nothing we can read.
    OtherMeta,
    /// Body text: the header has ended.
    Body,
}

impl Role {
    const fn is_meta(&self) -> bool {
        matches!(self, Role::Stamp(_) | Role::Byline(_) | Role::OtherMeta)
    }

    const fn is_plain(&self) -> bool {
        matches!(self, Role::Plain)
    }
}

/// A candidate header line.
#[derive(Debug, Clone)]
struct Line {
    /// Trimmed, non-empty.
    span: Span,
    role: Role,
}

/// Finds the header among the leading `blocks` of `text` (module docs). When the markup already
/// gave the title (`title_known`), a first heading is a section heading, not the title.
pub(crate) fn header(text: &str, blocks: &[Block], title_known: bool) -> Header {
    let headline_first = !title_known && stopped_headline(text, blocks);
    let leading = blocks.iter().enumerate().map(|(index, block)| {
        let kind = match block.kind {
            _ if block.quote_group.is_some() => Source::Other,
            BlockKind::Paragraph if index == 0 && headline_first => Source::Heading,
            BlockKind::Paragraph => Source::Text,
            BlockKind::Meta => Source::Meta,
            BlockKind::Heading if index == 0 && !title_known => Source::Heading,
            BlockKind::Heading | BlockKind::ListItem => Source::Other,
        };
        (block.span, kind)
    });
    let lines = candidates(text, leading);
    assemble(text, &lines)
}

/// The most words of a headline written with a full stop.
const MAX_STOPPED_HEADLINE_WORDS: usize = 20;

/// Whether the first block is a headline written as a sentence, full stop and all ("Why most
/// Americans oppose more gun control."), as scraped editorials and news corpora print them
/// (Webis-16 and PolNeAR put the title on its own line that way). A full stop alone cannot tell
/// a headline from a one-line opening paragraph, so the layout must: the block is one short line
/// (at most [`MAX_STOPPED_HEADLINE_WORDS`] words, at most two sentences), at least two blocks
/// follow it (an article, not a snippet), and the next block is longer than it.
fn stopped_headline(text: &str, blocks: &[Block]) -> bool {
    let [first, second, _, ..] = blocks else {
        return false;
    };
    if first.kind != BlockKind::Paragraph || first.quote_group.is_some() {
        return false;
    }
    let line = text[first.span].trim();
    let words = line.split_whitespace().count();
    if line.contains('\n') || words > MAX_STOPPED_HEADLINE_WORDS || line.len() > 4 * MAX_LINE_CHARS
    {
        return false;
    }
    let Some(first_char) = line.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    // Inner stops: "Fossil fuels are no catastrophe. They have made our lives better."
    let stops = line
        .trim_end_matches(['.', '!', '?', '"', '\'', '”', '’'])
        .split_whitespace()
        .filter(|w| w.ends_with(['.', '!', '?']) && !w.contains(|c: char| c.is_ascii_digit()))
        .count();
    // Dialogue or a quoted passage opens with a quotation mark (as in `title_like`); other
    // endings than the full stop are `title_like`'s to judge.
    let quoted = line.starts_with(['"', '\'', '“', '‘', '«', '`', '„'])
        && !(words >= 3 && headline_case(line));
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    first_char.is_uppercase()
        && !quoted
        && end.ends_with('.')
        && stops <= 1
        && !opens_with_dateline(line)
        && !line.ends_with([',', ';', ':'])
        && text[second.span].split_whitespace().count() > words
}

/// A news lede opening with a dateline: "WASHINGTON (AP) — …", "TRENTON, N.J. (AP) — …",
/// "NEW YORK, Dec. 11 (UPI) — …": a dash after a capitalised place and agency, early in the line.
fn opens_with_dateline(line: &str) -> bool {
    let head = line
        .char_indices()
        .take_while(|&(i, _)| i < 60)
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let head = &line[..head];
    let Some(dash) = head.find(['—', '–']).or_else(|| head.find("--")) else {
        return false;
    };
    let place = head[..dash].split(['(', ',']).next().unwrap_or("");
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase())
}

/// Where a block comes from, as far as the header rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A paragraph of text: its lines are classified by their words alone.
    Text,
    /// A block the markup marks as a byline or dateline: "By" is not needed.
    Meta,
    /// The first block, a heading: a title whatever its punctuation.
    Heading,
    /// A list item, block quote or later heading: the header has ended.
    Other,
}

/// The classified leading lines, up to and without the first body line.
fn candidates(text: &str, blocks: impl IntoIterator<Item = (Span, Source)>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (block, kind) in blocks {
        if kind == Source::Other {
            break;
        }
        let mut in_block: Vec<Line> = Vec::new();
        let mut stop = false;
        for span in lines_in(text, block) {
            if out.len() + in_block.len() >= MAX_LINES || span.start() >= MAX_BYTES {
                stop = true;
                break;
            }
            let role = classify(&text[span], kind);
            if let Role::Body = role {
                // Title-like lines wrapped onto a body line were the start of its sentence.
                let keep = in_block
                    .iter()
                    .rposition(|l| l.role.is_meta())
                    .map_or(0, |p| p + 1);
                in_block.truncate(keep);
                stop = true;
                break;
            }
            // "By Jane Doe\nStaff Writer": a role line under a byline belongs to it.
            let after_byline = matches!(
                in_block.last().or(out.last()).map(|l| &l.role),
                Some(Role::Byline(_))
            );
            let role = match role {
                Role::Plain if after_byline && is_role_line(&text[span]) => Role::OtherMeta,
                role => role,
            };
            in_block.push(Line { span, role });
        }
        out.extend(in_block);
        if stop {
            break;
        }
    }
    out
}

/// The trimmed, non-empty lines of `block`, lazily: only the lines looked at are scanned.
fn lines_in(text: &str, block: Span) -> impl Iterator<Item = Span> + '_ {
    text[block]
        .split('\n')
        .scan(block.start(), |offset, line| {
            let span = Span::new(*offset, *offset + line.len());
            *offset += line.len() + 1;
            Some(span)
        })
        .map(move |span| span.trim(text))
        .filter(|span| !span.is_empty())
}

/// What `line` (trimmed, non-empty), from a block of `kind`, is.
fn classify(line: &str, kind: Source) -> Role {
    // A char is at most 4 bytes: the byte test bounds the count on huge lines.
    if line.len() > 4 * MAX_LINE_CHARS || line.chars().count() > MAX_LINE_CHARS {
        return Role::Body;
    }
    if let Some(stamp) = stamp_line(line) {
        return Role::Stamp(stamp);
    }
    if let Some(byline) = byline(line, kind != Source::Meta) {
        return Role::Byline(byline);
    }
    match kind {
        Source::Meta => Role::OtherMeta,
        Source::Heading => Role::Plain,
        _ if title_like(line) => Role::Plain,
        _ => Role::Body,
    }
}

/// Whether a plain-text line could be a title or section rather than body text (module docs).
fn title_like(line: &str) -> bool {
    let Some(first) = line.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    if first.is_lowercase() {
        return false;
    }
    // A line that opens with a quotation mark is usually dialogue or a quoted passage
    // ("\"Where?\""); as a headline it would be written in headline case with a few words.
    if line.starts_with(['"', '\'', '“', '‘', '«', '`', '„'])
        && !(line.split_whitespace().count() >= 3 && headline_case(line))
    {
        return false;
    }
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    match end.chars().last() {
        Some('.' | '…') => ends_with_abbreviation(end),
        Some(',' | ';' | ':') => false,
        Some('?' | '!') => line.split_whitespace().count() <= 12,
        _ => true,
    }
}

/// "… in the U.S.": the last word is dotted letters, not a sentence end.
fn ends_with_abbreviation(line: &str) -> bool {
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    let inner = last.strip_suffix('.').unwrap_or(last);
    inner.contains('.')
        && inner
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

/// Whether most longer words of `line` are capitalised, as headlines are written.
fn headline_case(line: &str) -> bool {
    let words = line
        .split_whitespace()
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic));
    let (mut all, mut capitalised) = (0usize, 0usize);
    for w in words {
        all += 1;
        if w.chars().next().is_some_and(char::is_uppercase) {
            capitalised += 1;
        }
    }
    capitalised * 5 >= all * 4
}

fn kicker_like(text: &str, kicker: Span, title: Span) -> bool {
    let kicker = &text[kicker];
    let chars = kicker.chars().count();
    kicker.split_whitespace().count() <= MAX_KICKER_WORDS
        && chars <= MAX_KICKER_CHARS
        && chars < text[title].chars().count()
}

/// Builds the header from the candidate lines (module docs).
fn assemble(text: &str, lines: &[Line]) -> Header {
    let lead = lines.iter().take_while(|l| l.role.is_plain()).count();
    let meta_end = lead
        + lines[lead..]
            .iter()
            .take_while(|l| l.role.is_meta())
            .count();
    let (taken, plain) = if meta_end == lead {
        // No byline or dateline.
        match lead {
            1 => (1, 0..1),
            2 if lines.iter().all(|l| headline_case(&text[l.span])) => (2, 0..2),
            2 => (1, 0..1),
            _ => return Header::default(),
        }
    } else if lead == 0 {
        // Byline first: a title may follow it, then more bylines or datelines.
        if lines.get(meta_end).is_some_and(|l| l.role.is_plain()) {
            let after = meta_end + 1;
            let more = lines[after..]
                .iter()
                .take_while(|l| l.role.is_meta())
                .count();
            (after + more, meta_end..after)
        } else {
            (meta_end, 0..0)
        }
    } else if lead <= 3 {
        (meta_end, 0..lead)
    } else {
        return Header::default();
    };
    let taken = &lines[..taken];
    let end = taken.last().map_or(0, |l| l.span.end());
    if meta_end == lead && text[end..].trim().is_empty() {
        // A lone short line with nothing after it is not a title of anything.
        return Header::default();
    }

    let mut meta = Meta::default();
    let plain = &lines[plain];
    let (section, title) = match plain {
        [] => (None, None),
        [kicker, title, ..] if kicker_like(text, kicker.span, title.span) => {
            (Some(kicker), Some(title))
        }
        [title, ..] => (None, Some(title)),
    };
    meta.section = section.map(|l| collapse(&text[l.span]));
    meta.title = title.map(|l| collapse(&text[l.span]));

    let mut best: Option<Stamp> = None;
    let mut loose_time = None;
    let mut consider = |stamp: Stamp| match (stamp.date, &best) {
        (None, _) => loose_time = loose_time.or(stamp.time),
        (Some(_), None) => best = Some(stamp),
        (Some(_), Some(b)) if b.updated && !stamp.updated => best = Some(stamp),
        (Some(_), Some(_)) => {}
    };
    for line in taken {
        match &line.role {
            Role::Stamp(stamp) => consider(*stamp),
            Role::Byline(byline) => {
                for author in &byline.authors {
                    if !meta.authors.contains(author) {
                        meta.authors.push(author.clone());
                    }
                }
                if let Some(stamp) = byline.stamp {
                    consider(stamp);
                }
            }
            Role::Plain | Role::OtherMeta | Role::Body => {}
        }
    }
    meta.date = best.and_then(|s| s.date).map(|d| d.to_string());
    meta.time = best
        .and_then(|s| s.time)
        .or(loose_time)
        .map(|t| t.to_string());

    Header {
        meta,
        lines: taken.iter().map(|l| l.span).collect(),
        end,
    }
}

/// `s` with each run of white space (line breaks, no-break spaces) made one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests;
