//! Block quotes: whole paragraphs reproduced from another text.
//!
//! Markdown `>` and HTML `<blockquote>` mark them; plain text does not. There a block quote is
//! inferred the way a reader does it: a paragraph in the author's voice that introduces a
//! source and ends with a colon ("according to Ginger Thompson's piece in the New York Times
//! today:") is followed by paragraphs in another voice, until the author's voice returns. The
//! signals used:
//! - the author's voice: first-person singular words outside quotation marks ("I", "I'm",
//!   "my"), the author's discourse markers at a paragraph's start ("This is", "Note", "First,"),
//!   and a new introducing colon;
//! - another voice: typography unlike the author's (curly apostrophes or quotation marks where
//!   the author's own paragraphs use straight ones, or the reverse), and news-style reporting
//!   ("officials said").
//!
//! The first paragraph after an introduction is quoted unless it shows the author's voice;
//! each further one is quoted only if it shows another voice and not the author's.

use crate::document::{Paragraph, ParagraphKind, QuoteKind};
use crate::lexicon::{self, SpeakerNoun};
use crate::span::Span;
use crate::words::Token;

use super::speaker;
use super::{Draft, SentenceView};

/// Typography of a paragraph: how its apostrophes and double quotation marks are written.
#[derive(Debug, Clone, Copy, Default)]
struct Typography {
    straight_apostrophes: usize,
    curly_apostrophes: usize,
    straight_quotes: usize,
    curly_quotes: usize,
}

impl Typography {
    fn of(text: &str) -> Typography {
        let mut t = Typography::default();
        let bytes = text.as_bytes();
        // Only ' and " and the marks that start with the byte E2 (’ “ ”) count: jump between
        // them, and read the characters around each.
        for at in memchr::memchr3_iter(b'\'', b'"', 0xe2, bytes) {
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            let prev = || text[..at].chars().next_back().unwrap_or(' ');
            let next = || text[at + c.len_utf8()..].chars().next().unwrap_or(' ');
            match c {
                '\'' if prev().is_alphabetic() && next().is_alphabetic() => {
                    t.straight_apostrophes += 1;
                }
                '’' if prev().is_alphabetic() && next().is_alphabetic() => {
                    t.curly_apostrophes += 1;
                }
                '"' => t.straight_quotes += 1,
                '“' | '”' => t.curly_quotes += 1,
                _ => {}
            }
        }
        t
    }

    fn add(&mut self, o: Typography) {
        self.straight_apostrophes += o.straight_apostrophes;
        self.curly_apostrophes += o.curly_apostrophes;
        self.straight_quotes += o.straight_quotes;
        self.curly_quotes += o.curly_quotes;
    }

    /// Whether this paragraph writes its marks unlike `author` does.
    fn differs_from(self, author: Typography) -> bool {
        let apostrophes = (self.curly_apostrophes > 0
            && author.straight_apostrophes > author.curly_apostrophes)
            || (self.straight_apostrophes > 0
                && author.curly_apostrophes > author.straight_apostrophes);
        let quotes = (self.curly_quotes > 0 && author.straight_quotes > author.curly_quotes)
            || (self.straight_quotes > 0 && author.curly_quotes > author.straight_quotes);
        apostrophes || quotes
    }
}

fn author_voice(text: &str, span: Span, sentences: &[&SentenceView<'_>]) -> bool {
    let body = &text[span];
    let head = body
        .char_indices()
        .nth(24)
        .map_or(body, |(end, _)| &body[..end]);
    let opens = if head.is_ascii() {
        // ASCII lower case is all the lower case there is: compare in place.
        crux_lexicon::cue_entries(lexicon::Cue::AuthorOpening).any(|o| {
            let o = o.form;
            head.as_bytes()
                .get(..o.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(o.as_bytes()))
        })
    } else {
        let lower_start = head.to_lowercase();
        crux_lexicon::cue_entries(lexicon::Cue::AuthorOpening)
            .any(|o| lower_start.starts_with(o.form))
    };
    if opens {
        return true;
    }
    if body.trim_end().ends_with(':') {
        return true;
    }
    // First person outside quotation marks.
    let mut depth = 0i32;
    for s in sentences {
        for t in s.tokens {
            let w = &text[t.span];
            if !t.word {
                match w {
                    "“" => depth += 1,
                    "”" => depth = (depth - 1).max(0),
                    _ => {}
                }
                continue;
            }
            if depth == 0
                && matches!(w.as_bytes().first(), Some(b'I' | b'm' | b'M'))
                && crux_lexicon::is_exactly(w, lexicon::Cue::FirstPerson)
            {
                return true;
            }
        }
    }
    false
}

fn reports(text: &str, sentences: &[&SentenceView<'_>]) -> bool {
    sentences.iter().any(|s| {
        (0..s.tokens.len()).any(|i| {
            speaker::cue_at(text, s.tokens, i).is_some_and(|c| {
                speaker::before(text, s.tokens, c.first, speaker::Place::Clause).is_some()
                    || c.according
            })
        })
    })
}

fn introduces_source(text: &str, span: Span, sentences: &[&SentenceView<'_>]) -> bool {
    if !text[span].trim_end().ends_with(':') {
        return false;
    }
    let Some(last) = sentences.last() else {
        return false;
    };
    let tokens: &[Token] = last.tokens;
    (0..tokens.len()).any(|i| speaker::cue_at(text, tokens, i).is_some())
        || tokens
            .iter()
            .any(|t| lexicon::speaker_noun(&text[t.span]) == Some(SpeakerNoun::Text))
}

/// Adds block quotes: those the markup marks (`groups`) and those inferred in the author's
/// paragraphs.
pub(super) fn block_quotes(
    text: &str,
    paragraphs: &[Paragraph],
    groups: &[Option<usize>],
    sentences: &[SentenceView<'_>],
    drafts: &mut Vec<Draft>,
) {
    let mut by_paragraph: Vec<Vec<&SentenceView<'_>>> = vec![Vec::new(); paragraphs.len()];
    for s in sentences {
        if let Some(v) = by_paragraph.get_mut(s.paragraph) {
            v.push(s);
        }
    }
    let is_body = |i: usize| paragraphs[i].kind == ParagraphKind::Body;

    // Marked block quotes: consecutive paragraphs of one group.
    let mut i = 0;
    while i < paragraphs.len() {
        let Some(group) = groups.get(i).copied().flatten() else {
            i += 1;
            continue;
        };
        let first = i;
        while i + 1 < paragraphs.len() && groups.get(i + 1).copied().flatten() == Some(group) {
            i += 1;
        }
        let intro = first.checked_sub(1).filter(|&p| groups[p].is_none());
        push_block(text, paragraphs, &by_paragraph, intro, first, i, drafts);
        i += 1;
    }

    // Inferred block quotes, in plain author paragraphs.
    let mut author = Typography::default();
    let mut after_intro = vec![false; paragraphs.len()];
    for p in 0..paragraphs.len() {
        if is_body(p)
            && groups.get(p).copied().flatten().is_none()
            && introduces_source(text, paragraphs[p].span, &by_paragraph[p])
            && let Some(n) = after_intro.get_mut(p + 1)
        {
            *n = true;
        }
    }
    for p in 0..paragraphs.len() {
        let first_person = author_voice(text, paragraphs[p].span, &by_paragraph[p]);
        if is_body(p) && (!after_intro[p] || first_person) {
            author.add(Typography::of(&text[paragraphs[p].span]));
        }
    }
    let mut p = 0;
    while p < paragraphs.len() {
        if !(after_intro[p] && is_body(p) && groups.get(p).copied().flatten().is_none()) {
            p += 1;
            continue;
        }
        if author_voice(text, paragraphs[p].span, &by_paragraph[p]) {
            p += 1;
            continue;
        }
        let first = p;
        let mut last = p;
        while last + 1 < paragraphs.len()
            && is_body(last + 1)
            && groups.get(last + 1).copied().flatten().is_none()
        {
            let q = last + 1;
            let span = paragraphs[q].span;
            if author_voice(text, span, &by_paragraph[q]) {
                break;
            }
            let other =
                Typography::of(&text[span]).differs_from(author) || reports(text, &by_paragraph[q]);
            if !other {
                break;
            }
            last = q;
        }
        push_block(
            text,
            paragraphs,
            &by_paragraph,
            Some(first - 1),
            first,
            last,
            drafts,
        );
        p = last + 1;
    }
}

fn push_block(
    text: &str,
    paragraphs: &[Paragraph],
    by_paragraph: &[Vec<&SentenceView<'_>>],
    intro: Option<usize>,
    first: usize,
    last: usize,
    drafts: &mut Vec<Draft>,
) {
    let span = paragraphs[first].span.cover(paragraphs[last].span);
    let mut speaker = None;
    let mut source = None;
    let mut cue = None;
    if let Some(s) = intro.and_then(|i| by_paragraph[i].last())
        && let Some(a) = super::sentence_attribution(text, s.tokens, Span::empty(0))
    {
        let (sp, src) = if text[a.cue].to_ascii_lowercase().starts_with("according") {
            super::according_to(text, s.tokens, a.speaker)
        } else {
            (
                a.speaker,
                super::publication_after(text, s.tokens, a.speaker.end()),
            )
        };
        speaker = Some(super::SpeakerDraft::new(sp));
        source = src;
        cue = Some(a.cue);
    }
    drafts.push(Draft {
        kind: QuoteKind::Block,
        span,
        speaker,
        source,
        cue,
        paragraphs: Some((first, last)),
        mention: false,
    });
}
