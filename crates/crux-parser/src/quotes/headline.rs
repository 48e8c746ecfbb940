//! Reports in a headline. Headlines report in their own grammar: a speaker and a colon before
//! the words ("Poll: Voters Abandon the Party", "Sanders: Clinton needs to act"), a cue verb in
//! the present tense, capitalised in headline style ("Obama Says Museum Will Open", "Union
//! endorses Clinton", "Senator urges retaliation on Russia"), or a tag closing the headline
//! ("Energy Plan Could Work, Senator Says"). The sentence rules miss them: a header line has no
//! sentences, a capitalised cue inside a sentence is a name to them, and an object after
//! "urges" or "calls" is no content clause. Each clause of a headline ("…; Member of panel
//! says …") is read on its own, and a line some report already covers is left alone.

use crate::document::{Paragraph, ParagraphKind, QuoteKind};
use crate::lexicon::{self, Cue as Class};
use crate::span::Span;
use crate::words::{Token, capitalised, tokens};

use super::{Draft, SpeakerDraft, speaker};

/// Longest headline, in words: a longer first line is a sentence of the body.
const MAX_WORDS: usize = 30;
/// Longest speaker phrase of a headline, in words.
const MAX_SPEAKER: usize = 7;

/// The reports of the headlines of `text`, in text order: of the header lines before the body
/// and, when the text opens with a one-line paragraph of at most [`MAX_WORDS`] words before
/// other paragraphs, of that line. `drafts` are the quotes and reports found so far.
pub(super) fn headline_reports(
    text: &str,
    paragraphs: &[Paragraph],
    drafts: &[Draft],
) -> Vec<Draft> {
    let first_body = paragraphs
        .iter()
        .position(|p| p.kind != ParagraphKind::Meta)
        .unwrap_or(paragraphs.len());
    let mut lines: Vec<Span> = paragraphs[..first_body].iter().map(|p| p.span).collect();
    // A text of one paragraph is a sentence, not a headline over a body.
    if first_body == 0
        && paragraphs.len() > 1
        && let Some(p) = paragraphs.first()
    {
        lines.push(p.span);
    }
    let mut found = Vec::new();
    for line in lines {
        if text[line].contains('\n') {
            continue;
        }
        let toks: Vec<Token> = tokens(text, line).collect();
        if toks.iter().filter(|t| t.word).count() > MAX_WORDS {
            continue;
        }
        let mut start = 0;
        for end in (0..=toks.len()).filter(|&i| i == toks.len() || is(text, &toks[i], ";")) {
            // A clause that a sentence rule already reports is left to it.
            if let Some(d) = clause_report(text, &toks[start..end])
                && !drafts
                    .iter()
                    .any(|q| q.kind == QuoteKind::Reported && q.span.overlaps(d.span))
            {
                found.push(d);
            }
            start = end + 1;
        }
    }
    found
}

fn is(text: &str, t: &Token, p: &str) -> bool {
    !t.word && &text[t.span] == p
}

/// The report of one clause of a headline, by the first of its forms that fits.
fn clause_report(text: &str, clause: &[Token]) -> Option<Draft> {
    // Trailing full stop or other punctuation is no part of the clause's words.
    let last = clause.iter().rposition(|t| t.word)?;
    let clause = &clause[..=last];
    let found = by_colon(text, clause)
        .map(|found| (0, found))
        .or_else(|| closing_tag(text, clause).map(|found| (0, found)))
        .or_else(|| by_verb(text, clause).map(|found| (0, found)))
        .or_else(|| {
            // "The Latest: Trump urges supporters to …": after a label before a colon, the
            // rest is a headline of its own.
            let colon = clause
                .iter()
                .take(MAX_SPEAKER + 1)
                .position(|t| is(text, t, ":"))?;
            let rest = &clause[colon + 1..];
            closing_tag(text, rest)
                .or_else(|| by_verb(text, rest))
                .map(|found| (colon + 1, found))
        });
    let (from, (speaker, cue)) = found?;
    let span = clause[from].span.cover(clause[last].span);
    Some(Draft {
        kind: QuoteKind::Reported,
        span,
        speaker: Some(SpeakerDraft::new(speaker)),
        source: None,
        cue: Some(cue),
        paragraphs: None,
        mention: false,
    })
}

/// "Pence: Flowers Won't Be at Debate": a speaker before a colon, at least two words after it.
fn by_colon(text: &str, clause: &[Token]) -> Option<(Span, Span)> {
    let colon = clause
        .iter()
        .take(MAX_SPEAKER + 1)
        .position(|t| is(text, t, ":"))?;
    let words = &clause[..colon];
    let after = clause[colon + 1..].iter().filter(|t| t.word).count();
    (after >= 2 && headline_speaker(text, words)).then(|| {
        (
            words[0].span.cover(words[colon - 1].span),
            clause[colon].span,
        )
    })
}

/// "Energy Plan Could Work, Senator Says": the cue closes the clause, its speaker between it
/// and the comma, the content before the comma.
fn closing_tag(text: &str, clause: &[Token]) -> Option<(Span, Span)> {
    let n = clause.len();
    let cue = (n.saturating_sub(2)..n).find_map(|i| cue_at(text, clause, i))?;
    if cue.1 != n {
        return None;
    }
    let comma = clause[..cue.0].iter().rposition(|t| is(text, t, ","))?;
    let words = &clause[comma + 1..cue.0];
    let content = clause[..comma].iter().filter(|t| t.word).count();
    (content >= 3 && headline_speaker(text, words)).then(|| {
        (
            words[0].span.cover(words[words.len() - 1].span),
            clause[cue.0].span.cover(clause[cue.1 - 1].span),
        )
    })
}

/// "Obama Says Museum Will Open", "Union endorses Clinton": the speaker opens the clause, the
/// first cue follows it (adverbs between allowed: "Trump Finally Endorses Ryan"), and a word
/// that is no particle follows the cue.
fn by_verb(text: &str, clause: &[Token]) -> Option<(Span, Span)> {
    let (first, next) = (1..clause.len()).find_map(|i| cue_at(text, clause, i))?;
    // Something is reported: a word after the cue that is no particle ("Readers wrote in").
    let content = |t: &Token| {
        let w = &text[t.span];
        t.word && !super::mentions::function_word(w) && !lexicon::is(w, Class::SpeakerPreposition)
    };
    if !clause[next..].iter().any(content) {
        return None;
    }
    let end = speaker::skip_between(text, clause, first);
    // "Railing Against Trump, Sanders Vows To …": a phrase set off by a comma opens the
    // headline before its speaker.
    let start = clause[..end]
        .iter()
        .rposition(|t| is(text, t, ","))
        .map_or(0, |c| c + 1);
    let words = &clause[start..end];
    (!words.is_empty() && headline_speaker(text, words)).then(|| {
        (
            words[0].span.cover(words[words.len() - 1].span),
            clause[first].span.cover(clause[next - 1].span),
        )
    })
}

/// The reporting cue at token `i` of a headline, in any case: its first token and the token
/// after it.
fn cue_at(text: &str, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let t = tokens.get(i).filter(|t| t.word)?;
    let word = &text[t.span];
    // Headlines state plans in the present as reports ("Mayor Seeks New Ferry", "Sanders
    // Vows To Cut Fares").
    if lexicon::is(word, Class::PlanVerb) {
        return Some((i, i + 1));
    }
    let cue = lexicon::cue_word(word)?;
    if cue.pair
        && let Some(n) = tokens.get(i + 1).filter(|n| n.word)
        && lexicon::reporting_pair(word, &text[n.span]).is_some()
    {
        return Some((i, i + 2));
    }
    cue.single.map(|_| (i, i + 1))
}

/// Whether the words before a headline's cue or colon name a speaker: at most
/// [`MAX_SPEAKER`] words that read as a speaker phrase, neither a headline's section label
/// ("The Latest", "Breaking", "Update") nor a question ("Why Voters Say …").
fn headline_speaker(text: &str, words: &[Token]) -> bool {
    // Words, and the marks inside a name or a plural possessive ("Flight attendants' union",
    // "E.U. leaders").
    let inside = |t: &Token| t.word || matches!(&text[t.span], "'" | "’" | "." | "-" | "&");
    if words.is_empty()
        || words.iter().filter(|t| t.word).count() > MAX_SPEAKER
        || !words.iter().all(inside)
        || !words[words.len() - 1].word
    {
        return false;
    }
    let first = &text[words[0].span];
    // A preposition shows a phrase of the headline's own ("Big Win For Bernie: …",
    // "Party Boosts Spending In Battleground States"), but for the "of" of a post-modified
    // speaker ("Member of House panel says …").
    if words.iter().any(|t| {
        let w = &text[t.span];
        lexicon::is(w, Class::HeadlineLabel)
            || (lexicon::is(w, Class::SpeakerPreposition) && !w.eq_ignore_ascii_case("of"))
    }) || lexicon::is(first, Class::ContentOpener)
    {
        return false;
    }
    // In headline capitals every word is capitalised: a phrase that opens with an article
    // names a speaker only when a speaker noun heads it ("The Newspaper: …", not "The Big
    // Picture: …").
    let head = &text[words[words.len() - 1].span];
    let described = lexicon::speaker_noun(head).is_some() || super::mentions::role_word(head);
    if super::mentions::is_determiner(first) && !described {
        return false;
    }
    described
        || words.iter().all(|t| !t.word || capitalised(&text[t.span]))
        || speaker::speaker_like(text, words)
}

#[cfg(test)]
mod tests {
    use crate::quotes::test_reports as reports;

    const BODY: &str = "\n\nThe harbour board met on Tuesday evening in the town hall.\n\nIt will meet again in May.";

    fn headline(title: &str) -> Option<(String, Option<String>, Option<String>)> {
        reports(&format!("{title}{BODY}"))
            .into_iter()
            .find(|r| title.contains(&r.0))
    }

    #[test]
    fn a_speaker_before_a_colon_reports_the_headline() {
        let got = headline("Mayor Ruiz: Ferry Fares Will Rise in Spring").expect("a report");
        assert_eq!(got.0, "Mayor Ruiz: Ferry Fares Will Rise in Spring");
        assert_eq!(got.1.as_deref(), Some("Mayor Ruiz"));
        assert_eq!(got.2.as_deref(), Some(":"));
        // A text noun speaks too, in sentence case.
        let got = headline("Harbour survey: most fishermen want a new quay").expect("a report");
        assert_eq!(got.1.as_deref(), Some("Harbour survey"));
        // A section label or a topic before the colon names no speaker.
        assert_eq!(
            headline("The Latest: Ferry Fares Will Rise in Spring"),
            None
        );
        assert_eq!(headline("Breaking: Ferry Fares Will Rise in Spring"), None);
        assert_eq!(headline("Harbour talks: moving beyond old quarrels"), None);
    }

    #[test]
    fn a_capitalised_cue_verb_reports_in_a_headline() {
        let got = headline("Mayor Ruiz Says Ferry Fares Will Rise").expect("a report");
        assert_eq!(got.1.as_deref(), Some("Mayor Ruiz"));
        assert_eq!(got.2.as_deref(), Some("Says"));
        // A verb of planning reports in a headline.
        let got = headline("Mayor Ruiz Seeks New Ferry for the Harbour").expect("a report");
        assert_eq!(got.2.as_deref(), Some("Seeks"));
        // A verb that takes an object reports its object in headlinese.
        let got = headline("Fishermen's union urges boycott of ferry").expect("a report");
        assert_eq!(got.1.as_deref(), Some("Fishermen's union"));
        // A phrase set off before the speaker is not the speaker.
        let got = headline("Angered by Fares, Mayor Ruiz Vows To Cut Them").expect("a report");
        assert_eq!(got.1.as_deref(), Some("Mayor Ruiz"));
        // After a section label the rest is read as a headline.
        let got = headline("The Latest: Mayor Ruiz urges calm at the harbour").expect("a report");
        assert_eq!(got.0, "Mayor Ruiz urges calm at the harbour");
        // A cue word that is a noun inside a title-case phrase is no cue.
        assert_eq!(headline("Harbour Board Raises Fees In Five States"), None);
        assert_eq!(headline("Why Fishermen Say No to the Quay"), None);
    }

    #[test]
    fn a_closing_tag_reports_the_headline_before_it() {
        let got =
            headline("Ferry Fares Will Rise in Spring, Harbour Master Says").expect("a report");
        assert_eq!(got.1.as_deref(), Some("Harbour Master"));
        assert_eq!(got.2.as_deref(), Some("Says"));
    }

    #[test]
    fn each_clause_of_a_headline_is_read_alone() {
        let got = reports(&format!(
            "Union endorses Ruiz; members of board say the race is open{BODY}"
        ));
        let speakers: Vec<_> = got.iter().filter_map(|r| r.1.as_deref()).collect();
        assert!(speakers.contains(&"Union"), "{got:?}");
        assert!(speakers.contains(&"members of board"), "{got:?}");
    }
}
