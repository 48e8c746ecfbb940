//! Reports whose cue is no verb with its speaker before it, which the sentence rules of
//! [`super::reported_speech`] do not read:
//! - a noun of communication or belief with its holder and a "that" clause: "Trump's claim
//!   that there were thousands of shootings", "his warning that Britain would suffer", "a
//!   Harbour Gazette report that the ferry was sold";
//! - the agentless passive of a verb of prediction before an infinitive, which reports a
//!   forecast whose makers go unnamed: "About one voter in nine is expected to be Latino",
//!   "The deficit is projected to grow";
//! - the agentless passive of a verb of judgement with its "of", "for" or "as": "They have
//!   often been criticized for being slow", "He was hailed as a reformer";
//! - a verb of wanting, planning, agreeing or refusing before an infinitive, with a name or a
//!   personal pronoun as its subject: "Clinton wants to triple the program".
//!
//! A clause that a report found before already covers is left to it.

use crate::document::QuoteKind;
use crate::lexicon::{self, Cue as Class};
use crate::span::Span;
use crate::words::{Token, capitalised};

use super::{
    Draft, SpeakerDraft, Tokenised, checked_speaker, clause_bounds, infinitive, inside_quotation,
    marks,
};

/// The reports of these forms in `sentences`, in text order. `reports` are the reports found
/// so far.
pub(super) fn noun_and_passive_reports(
    text: &str,
    marks: &marks::Marks,
    sentences: &[Tokenised],
    reports: &[Draft],
) -> Vec<Draft> {
    let covered = Covered::new(reports);
    let mut found: Vec<Draft> = Vec::new();
    for s in sentences {
        let tokens = s.tokens;
        for i in 0..tokens.len() {
            let Some((speaker, cue, from)) = report_noun(text, tokens, i)
                .or_else(|| intention(text, tokens, i))
                .map(|(sp, cue)| (Some(sp), cue, sp.start()))
                .or_else(|| prediction(text, tokens, i).map(|cue| (None, cue, 0)))
                .or_else(|| {
                    verb_and_that(text, tokens, i)
                        .map(|(sp, cue)| (sp, cue, sp.map_or(0, |sp| sp.start())))
                })
            else {
                continue;
            };
            if inside_quotation(marks, cue) {
                continue;
            }
            // A phrase in the speaker's place that is a piece of a clause names nobody.
            let speaker = match speaker {
                Some(sp) => match checked_speaker(text, tokens, sp) {
                    Some(sp) => Some(sp),
                    None => continue,
                },
                None => None,
            };
            let clause = clause_bounds(text, tokens, s.span, i);
            let span = Span::new(from.max(clause.start()), clause.end()).trim(text);
            if span.is_empty()
                || covered.any(span)
                || found.last().is_some_and(|d| d.span.overlaps(span))
            {
                continue;
            }
            found.push(Draft {
                kind: QuoteKind::Reported,
                span,
                speaker: speaker.map(SpeakerDraft::new),
                source: None,
                cue: Some(cue),
                paragraphs: None,
                mention: false,
            });
        }
    }
    found
}

/// The spans of the reports found before, for asking in logarithmic time whether one
/// overlaps a span.
struct Covered {
    /// Spans by start.
    spans: Vec<Span>,
    /// The furthest end of the spans up to each index.
    reach: Vec<usize>,
}

impl Covered {
    fn new(reports: &[Draft]) -> Covered {
        let mut spans: Vec<Span> = reports
            .iter()
            .filter(|d| d.kind == QuoteKind::Reported)
            .map(|d| d.span)
            .collect();
        spans.sort_by_key(|s| s.start());
        let reach = spans
            .iter()
            .scan(0, |far, s| {
                *far = (*far).max(s.end());
                Some(*far)
            })
            .collect();
        Covered { spans, reach }
    }

    fn any(&self, span: Span) -> bool {
        let before = self.spans.partition_point(|s| s.start() < span.end());
        before > 0 && self.reach[before - 1] > span.start()
    }
}

/// "Trump's claim that …", "his warning that …", "a Harbour Gazette report that …": a noun
/// of communication or belief at token `i`, "that", and a word that opens a clause (a
/// determiner, a pronoun, a name or a number: not the verb of a relative clause, "a claim
/// that is false"). Its holder is a possessive before it (adjectives between allowed: "his
/// stern warning"), or a name in the noun phrase ("a Harbour Gazette report"). The speaker
/// and the noun.
fn report_noun(text: &str, tokens: &[Token], i: usize) -> Option<(Span, Span)> {
    let speaker = held_noun(text, tokens, i)?;
    let that = tokens.get(i + 1).filter(|t| t.word)?;
    let opener = tokens.get(i + 2).filter(|t| t.word)?;
    (text[that.span].eq_ignore_ascii_case("that") && opens_clause(&text[opener.span]))
        .then_some((speaker, tokens[i].span))
}

/// The holder of a noun of report at token `i` ("Trump's claim", "his stern warning", "a
/// Harbour Gazette report"), whatever follows it: such a word is a noun, not a verb of report.
pub(super) fn held_noun(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    let noun = tokens.get(i).filter(|t| t.word)?;
    if !lexicon::token_is(text, noun, Class::ReportNoun) {
        return None;
    }
    // Up to two lower-case modifiers between the holder and the noun ("his stern warning").
    let mut k = i;
    while k > 0 && i - k < 2 && modifier(text, &tokens[k - 1]) {
        k -= 1;
    }
    // After names alone, a form in "-s" is the verb ("…, the Harbour Gazette reports.").
    holder(text, tokens, k.checked_sub(1)?)
        .or_else(|| (!text[noun.span].ends_with('s')).then(|| named_in_phrase(text, tokens, i))?)
}

fn opens_clause(word: &str) -> bool {
    capitalised(word)
        || word.starts_with(|c: char| c.is_ascii_digit())
        || super::mentions::is_determiner(word)
        || lexicon::is(word, Class::SpeakerPronoun)
        || lexicon::one_of(word, &["we", "you", "there", "it", "they", "he", "she"])
}

/// A lower-case adjective or noun between a holder and its noun: no function word, verb of
/// report or auxiliary.
fn modifier(text: &str, t: &Token) -> bool {
    let w = &text[t.span];
    t.word
        && !capitalised(w)
        && !super::mentions::token_function_word(text, t)
        && !super::mentions::is_determiner(w)
        && !lexicon::token_is(text, t, Class::Auxiliary)
        && lexicon::token_cue_word(text, t).is_none_or(|c| c.single.is_none())
        && !w.ends_with("'s")
        && !w.ends_with("’s")
}

/// The holder that ends at token `j`: a possessive pronoun ("his"), a possessive noun phrase
/// without its "'s" ("Donald Trump's" → "Donald Trump", "the harbour master's" → "the harbour
/// master"), or a plural possessive ("hawks'" → "hawks").
fn holder(text: &str, tokens: &[Token], j: usize) -> Option<Span> {
    let t = tokens[j];
    let w = &text[t.span];
    if t.word && lexicon::one_of(w, &["his", "her", "their", "its", "our", "my"]) {
        return Some(t.span);
    }
    // The possessive suffix, from the text: the curly "’s" is four bytes, the straight two.
    let (last, cut) = if let Some(len) = ["'s", "’s"]
        .iter()
        .find(|s| t.word && w.len() > s.len() && w.ends_with(*s))
        .map(|s| s.len())
    {
        (j, t.span.end() - len)
    } else if !t.word && matches!(w, "'" | "’") && j > 0 && tokens[j - 1].word {
        // "hawks’ warnings": an apostrophe glued to a plural.
        let p = tokens[j - 1];
        if p.span.end() != t.span.start() || !text[p.span].ends_with('s') {
            return None;
        }
        (j - 1, p.span.end())
    } else {
        return None;
    };
    // The names before it ("Donald Trump's"), or the article of a description ("the judge's").
    let mut first = last;
    while first > 0
        && last - first < 3
        && tokens[first - 1].word
        && capitalised(&text[tokens[first - 1].span])
        && capitalised(&text[tokens[first].span])
    {
        first -= 1;
    }
    // "the harbour master's": up to two modifiers back to an article.
    let mut k = first;
    while k > 0 && first - k < 2 && modifier(text, &tokens[k - 1]) {
        k -= 1;
    }
    if k > 0
        && tokens[k - 1].word
        && lexicon::is(&text[tokens[k - 1].span], Class::SpeakerDeterminer)
    {
        first = k - 1;
    }
    let start = tokens[first].span.start();
    (cut > start).then(|| Span::new(start, cut))
}

/// "a Harbour Gazette report that …": at most four names between an article and the noun at
/// `i`.
fn named_in_phrase(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    let mut k = i;
    while k > 0 && i - k < 4 && tokens[k - 1].word && capitalised(&text[tokens[k - 1].span]) {
        k -= 1;
    }
    let article = tokens.get(k.checked_sub(1)?)?;
    (k < i && lexicon::one_of(&text[article.span], &["the", "a", "an"]))
        .then(|| tokens[k].span.cover(tokens[i - 1].span))
}

/// "Clinton wants to triple the program", "He has long sought to end it", "Patriot agreed to
/// lend the money": a verb of wanting, planning, agreeing or refusing at token `i` before an
/// infinitive, which states its subject's intention, when that subject is a name or a
/// personal pronoun right before it (adverbs and auxiliaries between allowed, but no modal:
/// "Trump may want to check" is the writer's advice). A subject after "that" is in a clause
/// of the writer's own ("no sign that Congress wants to act"), one after "if" in a
/// hypothesis ("if the House and Senate want to act"). The speaker and the verb.
fn intention(text: &str, tokens: &[Token], i: usize) -> Option<(Span, Span)> {
    let verb = tokens.get(i).filter(|t| t.word)?;
    if !lexicon::token_is(text, verb, Class::PlanVerb) || !infinitive(text, tokens, i + 1) {
        return None;
    }
    let end = super::speaker::skip_between(text, tokens, i);
    if tokens[end..i]
        .iter()
        .any(|t| lexicon::token_is(text, t, Class::Irrealis))
    {
        return None;
    }
    // The subject: a person's pronoun, or a name of at most four capitalised words that
    // opens with no function word ("But Trump" is "Trump").
    let mut start = end;
    while start > 0
        && end - start < 4
        && tokens[start - 1].word
        && capitalised(&text[tokens[start - 1].span])
    {
        start -= 1;
    }
    while start < end && super::mentions::token_function_word(text, &tokens[start]) {
        start += 1;
    }
    let pronoun = end > 0
        && start == end
        && lexicon::one_of(&text[tokens[end - 1].span], &["he", "she", "they"]);
    if pronoun {
        start = end - 1;
    }
    // "if the House and Senate want to act": a conditional clause, back to its punctuation.
    let conditional = tokens[..start]
        .iter()
        .rev()
        .take_while(|t| t.word)
        .any(|t| lexicon::token_is(text, t, Class::Irrealis));
    if start >= end
        || conditional
        || (start > 0 && text[tokens[start - 1].span].eq_ignore_ascii_case("that"))
        || (start > 0
            && tokens[start - 1].word
            && !pronoun
            && !super::mentions::token_function_word(text, &tokens[start - 1]))
    {
        return None;
    }
    Some((tokens[start].span.cover(tokens[end - 1].span), verb.span))
}

/// "RT and its defenders say that the network …", "Those close to him say that …": a verb of
/// report at token `i` with "that" and a clause opener right after it reports whatever its
/// subject, where the speaker rules know none. A form in "-s" must follow a name or a
/// pronoun ("states that vote" is a noun), one in "-ed" no form of "be" ("It should be noted
/// that" is the writer's); no infinitive after an expletive or the writer ("It is hard to say
/// that"), no "-ing" form, no first or second person subject and no modal
/// before the verb. The speaker is the words from the clause's start to the verb (at most a
/// dozen), else none. The speaker and the verb.
fn verb_and_that(text: &str, tokens: &[Token], i: usize) -> Option<(Option<Span>, Span)> {
    let cue = super::speaker::cue_at(text, tokens, i)?;
    let that = tokens.get(cue.next).filter(|t| t.word)?;
    let opener = tokens.get(cue.next + 1).filter(|t| t.word)?;
    if cue.according
        || cue.category == crate::lexicon::Reporting::Intention
        || !text[that.span].eq_ignore_ascii_case("that")
        || !opens_clause(&text[opener.span])
        || i == 0
    {
        return None;
    }
    let verb = &text[cue.span];
    // A finite verb: "it is worth noting that" is the writer's aside.
    if verb.ends_with("ing") {
        return None;
    }
    let end = super::speaker::skip_between(text, tokens, i);
    let before = end.checked_sub(1).map(|j| &text[tokens[j].span]);
    // The writer and the reader ("I have found that", "You can argue that") are no source
    // here, nor is a hypothesis ("could argue").
    if tokens[end.saturating_sub(2)..i].iter().any(|t| {
        let w = &text[t.span];
        lexicon::one_of(w, &["I", "we", "you", "can"]) || lexicon::is(w, Class::Irrealis)
    }) {
        return None;
    }
    // "It is hard to say that", "That is not to say that": an infinitive reports nobody's
    // words; the sentence is the writer's.
    let start = tokens[..end]
        .iter()
        .rposition(|t| !t.word && !matches!(&text[t.span], "'" | "’" | "-"))
        .map_or(0, |k| k + 1);
    if super::speaker::writers_infinitive(text, &tokens[start..end]) {
        return None;
    }
    if verb.ends_with('s')
        && !before.is_some_and(|w| capitalised(w) || lexicon::is(w, Class::SpeakerPronoun))
    {
        return None;
    }
    if tokens[end.saturating_sub(1)..i]
        .iter()
        .any(|t| lexicon::one_of(&text[t.span], &["be", "been", "is", "are", "was", "were"]))
    {
        return None;
    }
    let words = end.saturating_sub(start);
    let speaker = (1..=12)
        .contains(&words)
        .then(|| tokens[start].span.cover(tokens[end - 1].span));
    Some((speaker, cue.span))
}

/// "is expected to", "are widely projected to": a form of "be" at token `i`, adverbs after it
/// allowed, a verb of prediction in the participle, and an infinitive. A pluperfect ("had been
/// expected to win … but") reports a forecast that events have overtaken, and is left out.
/// The cue: "be" to the participle.
fn prediction(text: &str, tokens: &[Token], i: usize) -> Option<Span> {
    let be = tokens.get(i).filter(|t| t.word)?;
    let b = &text[be.span];
    if !lexicon::one_of(b, &["is", "are", "was", "were", "be", "been"]) {
        return None;
    }
    if b.eq_ignore_ascii_case("been")
        && i > 0
        && text[tokens[i - 1].span].eq_ignore_ascii_case("had")
    {
        return None;
    }
    // "Buyers would be expected to pay more", "staff will also be expected to …": after a
    // modal of requirement or hypothesis the expectation is the writer's, no forecast. Only an
    // adverb or "not" stands between a modal and its "be": any one lower-case word.
    let modal = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.word && lexicon::token_is(text, t, Class::ExpectationModal))
    };
    let adverb = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.word && !crate::words::capitalised(&text[t.span]))
    };
    if b.eq_ignore_ascii_case("be")
        && i > 0
        && (modal(i - 1) || (i > 1 && adverb(i - 1) && modal(i - 2)))
    {
        return None;
    }
    let mut j = i + 1;
    while tokens.get(j).is_some_and(|t| {
        let w = &text[t.span];
        t.word
            && j - i <= 2
            && ((w.len() > 4 && w.ends_with("ly"))
                || lexicon::token_is(text, t, Class::SpeakerBetween))
    }) {
        j += 1;
    }
    let participle = tokens.get(j).filter(|t| t.word)?;
    let forecast = lexicon::token_is(text, participle, Class::PredictionParticiple)
        && infinitive(text, tokens, j + 1);
    // "have been accused of hurting civilians", "was hailed as a reformer": a judgement by
    // unnamed others, with its "of", "for" or "as"; not a possibility ("can be hailed as").
    let judged = lexicon::token_is(text, participle, Class::JudgementParticiple)
        && tokens
            .get(j + 1)
            .is_some_and(|t| lexicon::one_of(&text[t.span], &["of", "for", "as"]))
        && !tokens[i.saturating_sub(2)..i].iter().any(|t| {
            let w = &text[t.span];
            lexicon::is(w, Class::Irrealis) || w.eq_ignore_ascii_case("can")
        });
    (forecast || judged).then(|| be.span.cover(participle.span))
}

#[cfg(test)]
mod tests {
    use crate::quotes::test_reports as reports;

    #[test]
    fn a_noun_of_report_with_its_holder_and_a_that_clause_reports() {
        for (text, speaker, cue) in [
            (
                "Voters weighed Mayor Ruiz's claim that the ferry would be free.",
                "Mayor Ruiz",
                "claim",
            ),
            (
                "Few heeded his stern warning that the quay would flood.",
                "his",
                "warning",
            ),
            (
                "The council studied the harbour master’s suggestion that the fees be cut.",
                "the harbour master",
                "suggestion",
            ),
            (
                "Fishermen passed around a Harbour Gazette report that the ferry was sold.",
                "Harbour Gazette",
                "report",
            ),
            (
                "The board filed the sailors' complaints that the nets were cut.",
                "the sailors",
                "complaints",
            ),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
            assert_eq!(got[0].2.as_deref(), Some(cue), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_noun_of_report_without_a_holder_or_content_clause_does_not_report() {
        for text in [
            // A relative clause, not a content clause.
            "Voters weighed Mayor Ruiz's claim that is still unproved.",
            // No holder.
            "One should not jump to the conclusion that nothing can be done.",
            "Let us agree for the sake of argument that the quay is old.",
            // No "that".
            "Voters weighed Mayor Ruiz's claim about the ferry.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
    }

    #[test]
    fn an_agentless_passive_of_judgement_reports_a_view() {
        for text in [
            "The ferry company has often been criticized for raising fares.",
            "The old harbour master was widely praised for his care.",
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, None, "{text}: {got:?}");
        }
        // A possibility, or no "of", "for" or "as".
        for text in [
            "The quay could be described as a landmark.",
            "The ferry was described in the gazette.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_verb_of_intention_with_a_named_subject_and_an_infinitive_reports() {
        for (text, speaker, cue) in [
            (
                "Mayor Ruiz wants to triple the ferry fleet.",
                "Mayor Ruiz",
                "wants",
            ),
            (
                "But Ida Cole has long sought to close the quay.",
                "Ida Cole",
                "sought",
            ),
            ("He refused to sign the harbour lease.", "He", "refused"),
        ] {
            let got = reports(text);
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1.as_deref(), Some(speaker), "{text}: {got:?}");
            assert_eq!(got[0].2.as_deref(), Some(cue), "{text}: {got:?}");
        }
        for text in [
            // Advice, a hypothesis, a clause of the writer's, an object, a description.
            "Mayor Ruiz may want to check the tides.",
            "If the board wants to act, it can.",
            "There is no sign that Ruiz wants to act.",
            "Ruiz wants a new ferry.",
            "The old ferry wants to sink.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_verb_of_report_before_that_reports_whatever_its_subject() {
        let got = reports("Those close to the mayor say that the fares are too high.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Those close to the mayor"));
        assert_eq!(got[0].2.as_deref(), Some("say"));
        for text in [
            // The writer's asides and a hypothesis.
            "It is worth noting that the quay is old.",
            "You can argue that the quay is old.",
            "I have found that the quay is old.",
            "It should be noted that the quay is old.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
    }

    #[test]
    fn a_verb_in_s_after_a_name_stays_a_verb() {
        let got = reports("The ferry will be sold, the Harbour Gazette reports.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("the Harbour Gazette"));
        assert_eq!(got[0].2.as_deref(), Some("reports"));
    }

    #[test]
    fn an_agentless_passive_of_prediction_reports_a_forecast() {
        let got = reports("About one rider in nine is widely expected to be a student.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, None);
        assert_eq!(got[0].2.as_deref(), Some("is widely expected"));
        let got = reports("The deficit was projected to grow by a third.");
        assert_eq!(got.len(), 1, "{got:?}");
        // A forecast overtaken by events, a prediction noun, no infinitive: no report.
        for text in [
            "The ferry had been expected to win the contract but lost it.",
            "The expected rise came in May.",
            "Rain is expected in May.",
            // After a modal of requirement or hypothesis the expectation is the writer's.
            "Buyers would be expected to pay more for each home.",
            "Staff will also be expected to work weekends.",
            "Tenants would not be expected to pay the fee.",
        ] {
            assert_eq!(reports(text), vec![], "{text}");
        }
        // An epistemic modal keeps the forecast.
        let got = reports("The losing side could be expected to appeal.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
