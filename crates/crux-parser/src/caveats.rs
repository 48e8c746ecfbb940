//! Caveats (hedges, concessions, conditions, limitations) and boosters, with their scope.
//!
//! Cues come from `data/caveats.tsv`, matched as whole-word phrases, longest first. Words with
//! more than one sense pass a rule first (the `rule` column): "May" the month, "military
//! might", "could not" (past ability), deontic "should" (which makes a normative claim, not a
//! hedge) and inverted "should" (a condition: "should they be traced"), concessive
//! "yet"/"still" opening a clause inside a sentence only, "if"/"assuming" as subordinators
//! only; "whether" opens an embedded question, a hedge held by whoever asks ("officials are
//! investigating whether" is the officials', "it is not clear whether" the writer's), except
//! in a concessive conditional ("whether rich or poor", "regardless of whether"); "if" after
//! a predicate of not knowing is a hedge, after a verb of asking no caveat; verbs of belief
//! ("many historians believe", "some thought", "he considered it a fake") are hedges held by
//! their subject, except in other senses ("believe in", "think tank", "highly regarded",
//! "considered selling", "believe his father.") and with a survey share as subject ("57
//! percent believe": a measured fact); "could" of ability or permission ("so that he could",
//! "nobody could", "could only") is none; attributive "the likely pace", "appears
//! regularly on", "had been expected", "possible to". The context words these rules read are in
//! `data/caveat_senses.tsv`, each with its category.
//!
//! Approximators before a quantity ("about 20", "some 200", "nearly half") are no caveats:
//! vagueness of a number is not doubt about the claim. They are reported apart
//! ([`crate::Approximation`]) and lower no confidence. Cues inside quotations, reported speech and block
//! quotes belong to their speaker, not the author: they are reported with the speaker as their
//! `holder` (the author's are held by `"author"`). Boosters are read in the author's voice only.
//!
//! A belief, expectation or question that the text ascribes rather than voices goes apart, to
//! `attributed_caveats`: a verb of belief whose subject is a third party ("analysts expect",
//! "with most voters now believing"), a verb of belief that is itself a report's cue, and an
//! embedded question that is asked or discussed, not framed as doubt ("reporters asked
//! whether", "nothing to do with whether"; "it is unclear whether" stays a caveat). They are
//! everyone's uncertainty (the Szeged corpus marks them) but qualify neither the writer's words
//! nor a quoted speaker's own. "kind of"/"sort of" after a determiner or quantifier ("some kind
//! of drum") name a kind, no hedge.
//!
//! A sentence that grants a point and is countered (", but …" in it, or the next sentence of the
//! paragraph opening "But", "However", "Yet", … or holding ", however,") is a concession: when
//! it opens with a granting word ("Yes,", "Of course,", "It is true that"), a view voiced
//! through others ("Critics say …", "Some argue …", "Dog owners may think …", held by them),
//! the emphatic "do" ("They do offer …"), or when a short first clause with a granting word is
//! countered by ", but" ("This is true, but …").
//!
//! The scope of a cue is its clause: the stretch of the sentence between `;`, `:`, parentheses
//! and dashes around it (so a parenthetical "as I understand it" takes its host clause). A
//! concession or condition that opens a subordinate clause ("though one should not jump …")
//! takes the rest of that clause. `strength` is the cue's base weight, raised by other caveats in
//! the same scope: `1 − (1 − base) × Π (1 − other / 2)`.

use std::collections::HashMap;

use crate::document::{
    Approximation, Booster, Caveat, CaveatKind, Paragraph, ParagraphKind, Quote, QuoteKind,
    Sentence, Voice,
};
use crate::lexicon::{Cue as CueClass, Kind, cues_at, one_of, phrases_at, same_word};
use crate::span::Span;
use crate::words::{Token, capitalised};

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A caveat of this kind.
    Caveat(CaveatKind),
    /// Raises commitment.
    Booster,
    /// Makes a quantity vague ("about 20"): no caveat.
    Approximation,
}

/// A sense rule (see `data/caveats.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    None,
    ModalMay,
    ModalMight,
    ModalCould,
    Epistemic,
    Number,
    Concessive,
    Clause,
    Question,
    Opener,
    Attributive,
    Appear,
    Stance,
    Expectation,
    Possible,
    Inverted,
    ClauseStart,
    Doxastic,
    Belief,
    BeliefComplement,
    Predicative,
    ConcessiveConditional,
    Until,
}

/// What a context word of `data/caveat_senses.tsv` can be, as bits (a word may be several).
mod sense_class {
    pub(super) const UNCERTAIN: u32 = 1;
    pub(super) const ASKING: u32 = 2;
    pub(super) const DETERMINER: u32 = 4;
    pub(super) const PLACEMENT: u32 = 8;
    pub(super) const ABOUTNESS: u32 = 16;
    pub(super) const NUMBER: u32 = 32;
    pub(super) const GRANTING: u32 = 64;
    pub(super) const AFTER_SUBJECT: u32 = 128;
    pub(super) const TIME: u32 = 256;
    pub(super) const PAST: u32 = 512;
    pub(super) const PASSIVE: u32 = 1024;
    pub(super) const COMPARATIVE: u32 = 2048;
    pub(super) const CLAUSE: u32 = 4096;
    pub(super) const OUTCOME: u32 = 8192;
    pub(super) const CONCESSIVE_MODAL: u32 = 16384;
    pub(super) const IRREALIS: u32 = 32768;
    pub(super) const NARRATIVE_FUTURE: u32 = 65536;
    pub(super) const BE: u32 = 131_072;
    pub(super) const FREE_CHOICE: u32 = 262_144;
    pub(super) const NOT_BELIEF_AFTER: u32 = 524_288;
    pub(super) const NOT_BELIEF_BEFORE: u32 = 1_048_576;
    pub(super) const ABILITY_FRAME: u32 = 2_097_152;
    pub(super) const NEGATIVE_SUBJECT: u32 = 4_194_304;
    pub(super) const ABILITY_AFTER: u32 = 8_388_608;
    pub(super) const DEFINITE: u32 = 16_777_216;
    pub(super) const SURVEY_SHARE: u32 = 33_554_432;
    pub(super) const ELLIPTIC: u32 = 67_108_864;
    pub(super) const LIMIT: u32 = 134_217_728;
    pub(super) const FEASIBLE_WHERE: u32 = 268_435_456;
    pub(super) const LINKING: u32 = 536_870_912;
    pub(super) const QUANTIFIER: u32 = 1_073_741_824;
}

/// The context-word classes of `w` (any case) in `data/caveat_senses.tsv`, as bits.
fn sense_classes(w: &str) -> u32 {
    sense_classes_of(crate::lexicon::lookup(w))
}

/// The context-word classes of a looked-up word.
fn sense_classes_of(word: Option<&crate::lexicon::Word>) -> u32 {
    let Some(word) = word else {
        return 0;
    };
    if !word.single(Kind::CaveatSense) {
        return 0;
    }
    word.of(Kind::CaveatSense)
        .filter(|e| e.words.len() == 1)
        .map(|e| match e.category {
            "uncertain" => sense_class::UNCERTAIN,
            "asking" => sense_class::ASKING,
            "determiner" => sense_class::DETERMINER,
            "quantifier" => sense_class::QUANTIFIER,
            "placement" => sense_class::PLACEMENT,
            "aboutness" => sense_class::ABOUTNESS,
            "number" => sense_class::NUMBER,
            "granting" => sense_class::GRANTING,
            "after-subject" => sense_class::AFTER_SUBJECT,
            "time" => sense_class::TIME,
            "past" => sense_class::PAST,
            "passive" => sense_class::PASSIVE,
            "comparative" => sense_class::COMPARATIVE,
            "clause" => sense_class::CLAUSE,
            "outcome" => sense_class::OUTCOME,
            "concessive-modal" => sense_class::CONCESSIVE_MODAL,
            "irrealis" => sense_class::IRREALIS,
            "narrative-future" => sense_class::NARRATIVE_FUTURE,
            "be" => sense_class::BE,
            "free-choice" => sense_class::FREE_CHOICE,
            "not-belief-after" => sense_class::NOT_BELIEF_AFTER,
            "not-belief-before" => sense_class::NOT_BELIEF_BEFORE,
            "ability-frame" => sense_class::ABILITY_FRAME,
            "negative-subject" => sense_class::NEGATIVE_SUBJECT,
            "ability-after" => sense_class::ABILITY_AFTER,
            "definite" => sense_class::DEFINITE,
            "survey-share" => sense_class::SURVEY_SHARE,
            "elliptic" => sense_class::ELLIPTIC,
            "limit" => sense_class::LIMIT,
            "feasible-where" => sense_class::FEASIBLE_WHERE,
            "linking" => sense_class::LINKING,
            // `no-believer`: read by `no_believer`.
            _ => 0,
        })
        .fold(0, |a, b| a | b)
}

/// Whether `w` is a `no-believer` word of `data/caveat_senses.tsv`.
fn no_believer(w: &str) -> bool {
    crate::lexicon::lookup(w).is_some_and(|word| {
        word.of(Kind::CaveatSense)
            .any(|e| e.words.len() == 1 && e.category == "no-believer")
    })
}

/// Whether `w` (any case) is a context word of class `class`.
fn is(w: &str, class: u32) -> bool {
    sense_classes(w) & class != 0
}

/// Whether a token's word is a context word of class `class` ([`is`], from the token's
/// lookup).
fn token_is(text: &str, t: &Token, class: u32) -> bool {
    sense_classes_of(t.lexicon(text)) & class != 0
}

/// What a cue's context makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sense {
    /// Not a caveat here.
    No,
    /// The cue's listed kind.
    Listed,
    /// A hedge, whatever kind is listed ("it is not clear if").
    Hedge,
}

/// The class of the words just before token `i` within its clause (up to four words back),
/// with the index of the word that gave it: a verb of asking, else a predicate of not knowing,
/// else neither.
fn question_frame(text: &str, tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let mut uncertain = None;
    for (k, t) in tokens[..i].iter().enumerate().rev().take(4) {
        if !t.word {
            break;
        }
        let w = &text[t.span];
        if is(w, sense_class::ASKING) {
            return Some((sense_class::ASKING, k));
        }
        if uncertain.is_none() && is(w, sense_class::UNCERTAIN) {
            uncertain = Some((sense_class::UNCERTAIN, k));
        }
    }
    uncertain
}

/// Whether "whether" at token `i` opens a concessive conditional, no question: after a comma,
/// a parenthesis, a dash or "but" ("Farmers, whether rich or poor, pay"), or after a
/// `free-choice` word of `data/caveat_senses.tsv` ("regardless of whether", "depending on
/// whether", "no matter whether").
fn free_choice(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(p) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    if !p.word {
        return matches!(&text[p.span], "," | "(" | "—" | "–" | "-" | "--");
    }
    if same_word(&text[p.span], "but") {
        return true;
    }
    tokens[..i]
        .iter()
        .rev()
        .take(3)
        .take_while(|t| t.word)
        .any(|t| is(&text[t.span], sense_class::FREE_CHOICE))
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The phrase's first word as listed.
    first: &'static str,
    kind: CueKind,
    strength: f64,
    rule: Rule,
}

impl Entry {
    /// A `caveats.tsv` entry in the stage's terms; `None` for a malformed one (the lexicon's
    /// tests read every entry through this).
    fn of(e: &crux_lexicon::Entry) -> Option<Entry> {
        let kind = match e.category {
            "hedge" => CueKind::Caveat(CaveatKind::Hedge),
            "concession" => CueKind::Caveat(CaveatKind::Concession),
            "condition" => CueKind::Caveat(CaveatKind::Condition),
            "limitation" => CueKind::Caveat(CaveatKind::Limitation),
            "booster" => CueKind::Booster,
            "approximation" => CueKind::Approximation,
            _ => return None,
        };
        let strength = e.value?;
        let rule = match e.fields.get(1).copied() {
            None | Some("") => Rule::None,
            Some("modal-may") => Rule::ModalMay,
            Some("modal-might") => Rule::ModalMight,
            Some("modal-could") => Rule::ModalCould,
            Some("epistemic") => Rule::Epistemic,
            Some("number") => Rule::Number,
            Some("concessive") => Rule::Concessive,
            Some("clause" | "final") => Rule::Clause,
            Some("question") => Rule::Question,
            Some("opener") => Rule::Opener,
            Some("attributive") => Rule::Attributive,
            Some("appear") => Rule::Appear,
            Some("stance") => Rule::Stance,
            Some("expectation") => Rule::Expectation,
            Some("possible") => Rule::Possible,
            Some("inverted") => Rule::Inverted,
            Some("clause-start") => Rule::ClauseStart,
            Some("doxastic") => Rule::Doxastic,
            Some("belief") => Rule::Belief,
            Some("belief-complement") => Rule::BeliefComplement,
            Some("predicative") => Rule::Predicative,
            Some("concessive-conditional") => Rule::ConcessiveConditional,
            Some("until") => Rule::Until,
            Some(_) => return None,
        };
        let first = e.form.split(' ').next().unwrap_or(e.form);
        Some(Entry {
            first,
            kind,
            strength,
            rule,
        })
    }
}

/// A caveat before its strength is stacked and its id given.
#[derive(Debug, Clone)]
struct Draft {
    kind: CaveatKind,
    cue: Span,
    scope: Span,
    base: f64,
    /// `None` for the author, else the speaker's words.
    holder: Option<String>,
    /// A belief, expectation or question that the text ascribes to a third party ("analysts
    /// expect", "reporters asked whether"): the holder's attitude, reported, not a hedge of the
    /// words that carry it (see `Found::attributed`).
    attributed: bool,
}

/// Who holds what a quote says: its speaker's fullest name, its words, or, with no speaker
/// found, "quoted source" (as for claims).
fn speaker_of(q: &Quote) -> String {
    q.speaker.as_ref().map_or_else(
        || "quoted source".to_owned(),
        |sp| sp.canonical.clone().unwrap_or_else(|| sp.text.clone()),
    )
}

/// What the caveat stage found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) caveats: Vec<Caveat>,
    /// Beliefs, expectations and questions held by a third party named as the subject of the
    /// verb ("analysts believe", "reporters asked whether") or by the speaker of the report
    /// they cue: everyone's uncertainty, but not a qualification of the writer's words or the
    /// quoted speaker's own, so apart from `caveats`.
    pub(crate) attributed: Vec<Caveat>,
    pub(crate) boosters: Vec<Booster>,
    pub(crate) approximations: Vec<Approximation>,
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> Option<&'a str> {
    tokens.get(i).filter(|t| t.word).map(|t| &text[t.span])
}

fn is_number(w: &str) -> bool {
    // "three-quarters", "two-thirds": the word before the hyphen.
    let head = w.split(['-', '–']).next().unwrap_or(w);
    w.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, '$' | '£' | '€'))
        || is(head, sense_class::NUMBER)
}

/// Whether the cue at `i` (an entry of `rule`) has its caveat sense here, and which.
fn sense(text: &str, tokens: &[Token], i: usize, len: usize, rule: Rule) -> Sense {
    match rule {
        Rule::Question => {
            // An embedded question, the writer's ("it is not clear whether") or someone's
            // ("officials are investigating whether", "asked whether"): what it asks is not
            // asserted. A concessive conditional ("whether rich or poor") asks nothing.
            return if question_frame(text, tokens, i).is_some() || !free_choice(text, tokens, i) {
                Sense::Hedge
            } else {
                Sense::No
            };
        }
        Rule::Clause => match question_frame(text, tokens, i) {
            Some((sense_class::ASKING, _)) => return Sense::No,
            Some(_) => return Sense::Hedge,
            None => {}
        },
        _ => {}
    }
    if listed_sense(text, tokens, i, len, rule) {
        Sense::Listed
    } else {
        Sense::No
    }
}

/// The token of the verb whose subject holds the cue at `i` (an entry of `rule`), if its holder
/// is a subject: a verb of belief or expectation itself ("analysts expect"), or the verb of
/// asking before an embedded question ("reporters asked whether").
fn holding_verb(text: &str, tokens: &[Token], i: usize, rule: Rule) -> Option<usize> {
    match rule {
        Rule::Doxastic | Rule::Expectation | Rule::Belief | Rule::BeliefComplement => Some(i),
        Rule::Question => match question_frame(text, tokens, i) {
            Some((sense_class::ASKING, k)) => Some(k),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the cue at `i` (an entry of `rule`) has its listed sense here.
fn listed_sense(text: &str, tokens: &[Token], i: usize, len: usize, rule: Rule) -> bool {
    let prev = i.checked_sub(1).and_then(|p| word(text, tokens, p));
    let next = word(text, tokens, i + len);
    let at_clause_start = i == 0
        || tokens
            .get(i - 1)
            .is_some_and(|t| !t.word && matches!(&text[t.span], "," | ";" | ":" | "(" | "—" | "–"));
    match rule {
        Rule::None | Rule::Question | Rule::Doxastic | Rule::ConcessiveConditional => true,
        Rule::Predicative => {
            // "His whereabouts remain unknown", "the cause is still unknown": a predicate
            // after a form of "be" or a linking verb, an adverb at most between; not "a
            // relatively unknown actor".
            let before = i.checked_sub(2).and_then(|p| word(text, tokens, p));
            let linking = |w: &str| is(w, sense_class::BE) || is(w, sense_class::LINKING);
            prev.is_some_and(linking)
                || before.is_some_and(linking)
                    && prev.is_some_and(|p| {
                        p.len() > 4
                            && p.get(p.len() - 2..)
                                .is_some_and(|e| e.eq_ignore_ascii_case("ly"))
                            || is(p, sense_class::AFTER_SUBJECT)
                    })
        }
        Rule::Belief | Rule::BeliefComplement => belief(text, tokens, i, len, rule),
        Rule::Opener => {
            at_clause_start
                && tokens
                    .get(i + len)
                    .is_some_and(|t| &text[t.span] == "," || same_word(&text[t.span], "that"))
        }
        Rule::Attributive => {
            let before = i.checked_sub(2).and_then(|p| word(text, tokens, p));
            // "some kind of act", "all sort of things": a kind named, after a quantifier too.
            let phrase = len > 1;
            !(prev.is_some_and(|p| {
                is(p, sense_class::DETERMINER) || phrase && is(p, sense_class::QUANTIFIER)
            }) || prev.is_some_and(|p| crate::lexicon::is(p, CueClass::Comparative))
                && before.is_some_and(|b| is(b, sense_class::DETERMINER)))
        }
        Rule::Appear => {
            // Being seen, not seeming: "appears in an episode", "appears as a character",
            // "appear wearing crowns", "the theme appears again", "… appears." (a clause end).
            let gerund = next.is_some_and(|n| {
                n.len() > 4
                    && n.get(n.len() - 3..)
                        .is_some_and(|e| e.eq_ignore_ascii_case("ing"))
            });
            let clause_end = tokens
                .get(i + len)
                .is_none_or(|t| !t.word && matches!(&text[t.span], "." | "," | ";" | ")"));
            !(next.is_some_and(|n| is(n, sense_class::PLACEMENT)) || gerund || clause_end)
        }
        Rule::Stance => !next.is_some_and(|n| is(n, sense_class::ABOUTNESS)),
        Rule::Expectation => {
            // "had been expected" (its outcome known), "than expected", "as expected", "the
            // expected gain", "the purchase was expected.": no expectation still open.
            let before = i.checked_sub(2).and_then(|p| word(text, tokens, p));
            let ends = tokens
                .get(i + len)
                .is_none_or(|t| !t.word && matches!(&text[t.span], "." | "!" | "?"));
            !(prev.is_some_and(|p| same_word(p, "been"))
                && before.is_some_and(|b| same_word(b, "had"))
                || prev.is_some_and(|p| {
                    is(p, sense_class::COMPARATIVE) || is(p, sense_class::DETERMINER)
                })
                || ends)
        }
        Rule::ClauseStart => at_clause_start,
        Rule::Until => until_condition(text, tokens, i, i + len),
        Rule::Inverted => {
            // "…, should they be traced, …": a clause opening on "should", then its subject.
            // The sentence's own end: its last tokens, past closing quotes and parentheses
            // (a bounded look, so that many cues in one sentence stay linear).
            let question = tokens
                .iter()
                .rev()
                .take(4)
                .find(|t| !matches!(&text[t.span], "\"" | "”" | "’" | "'" | ")"))
                .is_some_and(|t| &text[t.span] == "?");
            at_clause_start
                && !question
                && next.is_some_and(|n| {
                    is(n, sense_class::DETERMINER)
                        || crate::lexicon::is(n, CueClass::SubjectPronoun)
                })
        }
        Rule::Possible => {
            // Feasibility or a limit, no doubt: "the highest possible score", "made
            // possible", "is possible in a frame", "boarding is not possible." (a clause end).
            let clause_end = tokens
                .get(i + len)
                .is_none_or(|t| !t.word && matches!(&text[t.span], "." | "," | ";" | ")"));
            !(next.is_some_and(|n| one_of(n, &["to", "for"]) || is(n, sense_class::FEASIBLE_WHERE))
                || prev.is_some_and(|p| {
                    is(p, sense_class::DETERMINER)
                        || same_word(p, "as")
                        || is(p, sense_class::LIMIT)
                })
                || clause_end)
        }
        Rule::ModalMay => {
            let w = &text[tokens[i].span];
            // "May" inside a sentence, or before a number, is the month.
            !(next.is_some_and(is_number) || (i > 0 && capitalised(w)))
        }
        Rule::ModalMight => !prev.is_some_and(|p| crate::lexicon::is(p, CueClass::NotModalMight)),
        Rule::ModalCould => {
            // "could not", and "could n't" as tokenised news text writes it.
            let negated = next.is_some_and(|n| same_word(n, "not") || same_word(n, "n't"))
                || tokens.get(i + 1).is_some_and(|t| {
                    let t = &text[t.span];
                    t == "n" || same_word(t, "n't")
                });
            !negated
                && {
                    let w = &text[tokens[i].span];
                    !w.contains('\'') && !w.contains('’')
                }
                && !could_of_ability(text, tokens, i, next)
        }
        Rule::Epistemic => {
            // should be possible / ought to be a net positive
            let before_be = next.is_some_and(|n| same_word(n, "be"))
                && word(text, tokens, i + len + 1)
                    .is_some_and(|a| crate::lexicon::is(a, CueClass::EpistemicAfterBe));
            // "the move should improve liquidity", "profit should not fall": a verb of change
            // of state or amount, so an expected outcome, not an obligation.
            let verb = if next.is_some_and(|n| same_word(n, "not") || same_word(n, "n't")) {
                word(text, tokens, i + len + 1)
            } else {
                next
            };
            before_be || verb.is_some_and(|v| is(v, sense_class::OUTCOME))
        }
        Rule::Number => next.is_some_and(is_number),
        Rule::Concessive => {
            // Opening a sentence ("Yet …", "Still, …") it counters the sentence before; the
            // concession is what that sentence granted, read by `concede_then_counter`.
            i > 0
                && (at_clause_start || prev.is_some_and(|p| same_word(p, "but")))
                && !prev.is_some_and(|p| crate::lexicon::is(p, CueClass::NotConcessiveBefore))
                && !next.is_some_and(|n| crate::lexicon::is(n, CueClass::NotConcessiveAfter))
        }
        Rule::Clause => {
            // "if and only if" (a definition), "if any", "if anything", "if possible" (an
            // elliptic aside): no condition.
            let before = i.checked_sub(2).and_then(|p| word(text, tokens, p));
            let biconditional = next.is_some_and(|n| same_word(n, "and"))
                && word(text, tokens, i + len + 1).is_some_and(|n| same_word(n, "only"))
                || prev.is_some_and(|p| same_word(p, "only"))
                    && before.is_some_and(|b| same_word(b, "and"));
            !(prev.is_some_and(|p| crate::lexicon::is(p, CueClass::NotClauseBefore))
                || biconditional
                || next.is_some_and(|n| is(n, sense_class::ELLIPTIC)))
        }
    }
}

/// Whether a verb of belief at `i` (an entry of `rule`) states a belief: not "believe in",
/// "think of/about" (the `aboutness` words after it), "thought out", "thought highly" (the
/// `not-belief-after` words), "highly regarded", "well thought" (the `not-belief-before`
/// words), "than (previously) thought" (a comparative: the belief is over), nor a deliberation
/// before a gerund ("considered calling"). Of rule `belief-complement` ("think", "thought",
/// which are also nouns: "a think tank", "the thought of", "schools of thought", "legal
/// thought"), only with a complement after it: "that", a determiner, a subject pronoun or a
/// name ("Many thought the game …", "some think it was …").
fn belief(text: &str, tokens: &[Token], i: usize, len: usize, rule: Rule) -> bool {
    let prev = i.checked_sub(1).and_then(|p| word(text, tokens, p));
    let before = i.checked_sub(2).and_then(|p| word(text, tokens, p));
    let next = word(text, tokens, i + len);
    let gerund = next.is_some_and(|n| {
        n.len() > 4
            && n.get(n.len() - 3..)
                .is_some_and(|e| e.eq_ignore_ascii_case("ing"))
    });
    let excluded = next
        .is_some_and(|n| is(n, sense_class::ABOUTNESS) || is(n, sense_class::NOT_BELIEF_AFTER))
        || prev.is_some_and(|p| is(p, sense_class::NOT_BELIEF_BEFORE))
        || prev.is_some_and(|p| is(p, sense_class::COMPARATIVE))
        || before.is_some_and(|b| same_word(b, "than"))
        || gerund
        || object_only(text, tokens, i + len);
    if excluded {
        return false;
    }
    rule != Rule::BeliefComplement
        || !prev.is_some_and(|p| is(p, sense_class::DETERMINER) || same_word(p, "of"))
            && next.is_some_and(|n| {
                same_word(n, "that")
                    || is(n, sense_class::DETERMINER)
                    || crate::lexicon::is(n, CueClass::SubjectPronoun)
                    || capitalised(n)
            })
}

/// Whether the words from token `at` are a short noun phrase that ends its sentence, a plain
/// object ("considered the offer.", "does not believe his father."): a deliberation or trust,
/// no belief in a proposition. It opens on a `definite` word of `data/caveat_senses.tsv` (a
/// definite determiner or possessive; not "a", a predicate: "considered a fake"; not "that", a
/// clause) and the sentence ends within five
/// tokens, with no "as", "to" or verb before ("considered the franc as counterfeit", "thought
/// the ferry was unsafe" are beliefs).
fn object_only(text: &str, tokens: &[Token], at: usize) -> bool {
    if !word(text, tokens, at).is_some_and(|w| is(w, sense_class::DEFINITE)) {
        return false;
    }
    for t in tokens.iter().skip(at + 1).take(5) {
        let w = &text[t.span];
        if !t.word {
            return matches!(w, "." | "!" | "?");
        }
        // "as", "to", or a verb: a complement clause ("thought the ferry was unsafe").
        let verb = is(w, sense_class::PASSIVE)
            || is(w, sense_class::CLAUSE)
            || is(w, sense_class::PAST)
            || w.len() > 3
                && w.get(w.len() - 2..)
                    .is_some_and(|e| e.eq_ignore_ascii_case("ed"));
        if same_word(w, "as") || same_word(w, "to") || verb {
            return false;
        }
    }
    false
}

/// Whether "could" at `i` (followed by the word `next`) is past ability or permission, no
/// hedge: in a clause of purpose or manner ("so that he could be held", "how the dispute
/// could be resolved", "where fans could meet": an `ability-frame` word of
/// `data/caveat_senses.tsv` up to four words back), after a negative subject ("nobody could
/// argue", "no one could doubt": impossibility, as "could not"), or before "only" ("could only
/// be visited by").
fn could_of_ability(text: &str, tokens: &[Token], i: usize, next: Option<&str>) -> bool {
    let prev = i.checked_sub(1).and_then(|p| word(text, tokens, p));
    let negative = prev.is_some_and(|p| {
        is(p, sense_class::NEGATIVE_SUBJECT)
            || same_word(p, "one")
                && i.checked_sub(2)
                    .and_then(|b| word(text, tokens, b))
                    .is_some_and(|b| same_word(b, "no"))
    });
    let frame = tokens[..i]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| t.word)
        .any(|t| is(&text[t.span], sense_class::ABILITY_FRAME));
    negative || frame || next.is_some_and(|n| is(n, sense_class::ABILITY_AFTER))
}

/// Whether "until" ending before token `after` opens a condition: a clause of an event still
/// to come ("will remain until it complies", "until an offer is made"), not a point in time
/// or an event named by a noun phrase ("until 1994", "until now", "until the end of the year",
/// "until his death"), nor a past event ("until they became sell programs"). A clause is a
/// subject pronoun or a finite auxiliary within eight words, up to the first comma or clause
/// boundary; a past tense there (a listed irregular form, or a word in -ed among the first
/// four, neither after a form of "be", "have" or "get") tells when something happened.
fn until_condition(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    // "mid-November": the word before the hyphen; "they're": the word before the apostrophe.
    let head = |w: &'_ str| -> String {
        w.split(['-', '–', '\'', '’'])
            .next()
            .unwrap_or(w)
            .to_owned()
    };
    let Some(first) = word(text, tokens, after) else {
        return false;
    };
    // "a" and "an" are number words too ("a dozen"): as determiners they open a noun phrase.
    if is_number(first) && !is(first, sense_class::DETERMINER)
        || is(&head(first), sense_class::TIME)
    {
        return false;
    }
    if is(first, sense_class::DETERMINER)
        && word(text, tokens, after + 1)
            .is_some_and(|n| is(&head(n), sense_class::TIME) || is_number(n))
    {
        return false;
    }
    let mut prev: Option<&str> = None;
    let mut clause = false;
    for (n, t) in tokens[after.min(tokens.len())..].iter().take(8).enumerate() {
        if !t.word {
            if matches!(&text[t.span], "," | ";" | ":" | "(" | ")" | "—" | "–") {
                break;
            }
            continue;
        }
        let w = &text[t.span];
        let after_auxiliary = prev.is_some_and(|p| is(p, sense_class::PASSIVE));
        let regular_past = n < 4
            && w.len() > 3
            && w.get(w.len() - 2..)
                .is_some_and(|e| e.eq_ignore_ascii_case("ed"));
        if (is(w, sense_class::PAST) || regular_past) && !after_auxiliary {
            return false;
        }
        clause |= is(&head(w), sense_class::CLAUSE);
        prev = Some(w);
    }
    clause || irrealis_before(text, tokens, at)
}

/// Whether the clause before token `at` (sixteen words back at most) holds a future, a modal or
/// a present negation and no past tense: "troops will remain until Iraq complies", "details
/// won't be final until regulators approve" (the words are the `irrealis` and `past` entries
/// of `data/caveat_senses.tsv`; "would" is left out, the past's future in narrative: "the
/// goal would not be achieved until the launch of …").
fn irrealis_before(text: &str, tokens: &[Token], at: usize) -> bool {
    let mut irrealis = false;
    // The words back to the clause start, nearest first.
    let words: Vec<&str> = tokens[..at.min(tokens.len())]
        .iter()
        .rev()
        .take(16)
        .take_while(|t| t.word || !matches!(&text[t.span], "," | ";" | ":" | "(" | ")" | "—" | "–"))
        .filter(|t| t.word)
        .map(|t| &text[t.span])
        .collect();
    for (k, w) in words.iter().enumerate() {
        // A participle after a form of "be" or "have" ("won't be made final") is no past.
        let participle = words
            .get(k + 1)
            .is_some_and(|p| is(p, sense_class::PASSIVE));
        if is(w, sense_class::PAST) && !participle || is(w, sense_class::NARRATIVE_FUTURE) {
            return false;
        }
        irrealis |= is(w, sense_class::IRREALIS);
    }
    irrealis
}

/// The clause around tokens `[i, i + len)`: between `;`, `:`, parentheses and dashes.
/// `boundaries` holds the indices of those tokens in the sentence, in order (see
/// [`boundaries`]), so that each cue finds its clause by binary search, not by a rescan.
fn clause(tokens: &[Token], boundaries: &[usize], sentence: Span, i: usize, len: usize) -> Span {
    let at = boundaries.partition_point(|&b| b < i);
    let start = at
        .checked_sub(1)
        .map_or(sentence.start(), |b| tokens[boundaries[b]].span.end());
    let after = boundaries.partition_point(|&b| b < i + len);
    let end = boundaries
        .get(after)
        .map_or(sentence.end(), |&b| tokens[b].span.start());
    Span::new(start, end.max(start))
}

/// The indices of the clause boundaries among a sentence's tokens.
fn boundaries(text: &str, tokens: &[Token]) -> Vec<usize> {
    tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.word && matches!(&text[t.span], ";" | ":" | "(" | ")" | "—" | "–"))
        .map(|(b, _)| b)
        .collect()
}

/// Whether the word at `i` voices a view: a reporting or stance verb ("say", "point out",
/// "worry"); the number of words it takes.
fn voicing_verb(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    word(text, toks, i)?;
    // The token's lookup tells most words, which begin no reporting cue, from the rest.
    let entry = toks[i].lexicon(text);
    let cue = entry
        .and_then(crate::lexicon::cue_word_of)
        .unwrap_or_default();
    if cue.pair
        && let Some(n) = word(text, toks, i + 1)
        && entry.is_some_and(|e| crate::lexicon::reporting_pair_of(e, n).is_some())
    {
        return Some(2);
    }
    (cue.single.is_some() || entry.is_some_and(|e| e.is(CueClass::StanceVerb))).then_some(1)
}

/// How a sentence grants a point, when it does: `(cue start, cue end)` in tokens and the
/// holder's span (`None` for the author).
///
/// - an opener ("Yes,", "Of course,", "Granted,", "It is true that");
/// - a view voiced through others: a generic holder, or any holder with a modal or emphatic
///   "do", and a reporting or stance verb among the first words ("Critics say …", "Some argue
///   that …", "Dog owners may think …", "Ralf does insist …"): held by them;
/// - the emphatic "do" ("They do offer a benefit, but …"): held by the author.
///
/// The token of the author's hedge of possibility ("may", "might", "perhaps": the
/// `concessive-modal` words of `data/caveat_senses.tsv`) in the first twelve tokens of a
/// sentence, when the caveat stage read it as a hedge held by the author. `drafts` are the
/// caveats found so far, in text order.
fn hedged_clause(text: &str, toks: &[Token], drafts: &[Draft], sentence: Span) -> Option<usize> {
    let lo = drafts.partition_point(|d| d.cue.end() <= sentence.start());
    let hedges: Vec<&Draft> = drafts[lo..]
        .iter()
        .take_while(|d| d.cue.start() < sentence.end())
        .filter(|d| d.kind == CaveatKind::Hedge && d.holder.is_none())
        .take(8)
        .collect();
    // The overlap first: a comparison, where the class is a lookup.
    toks.iter().take(12).position(|t| {
        t.word
            && hedges.iter().any(|d| d.cue.overlaps(t.span))
            && token_is(text, t, sense_class::CONCESSIVE_MODAL)
    })
}

/// Only the first eight tokens are read.
fn conceding_frame(text: &str, toks: &[Token]) -> Option<(usize, usize, Option<Span>)> {
    if let Some(len) = starts_with_phrase(text, toks, CueClass::ConcessiveOpener) {
        return Some((0, len, None));
    }
    let first = word(text, toks, 0)?;
    if crate::lexicon::token_is(text, &toks[0], CueClass::Counter)
        || crate::lexicon::token_is(text, &toks[0], CueClass::NotConcedingOpener)
    {
        return None;
    }
    let head = &toks[..toks.len().min(8)];
    // The subject runs to the first auxiliary or voicing verb, over words only.
    let mut aux: Option<usize> = None;
    for i in 1..head.len() {
        if !head[i].word {
            return None;
        }
        // "Several substances are considered carcinogens": a passive, no holder voicing a view
        // (the doxastic frame stays the author's hedge).
        if token_is(text, &head[i], sense_class::BE) {
            return None;
        }
        if aux.is_none()
            && let Some(len) = voicing_verb(text, head, i)
        {
            let generic = crate::lexicon::token_is(text, &toks[0], CueClass::GenericHolder)
                || (i == 2 && crate::lexicon::token_is(text, &head[1], CueClass::GenericHolder))
                || one_of(first, &["my", "our"]) && i == 2;
            if !generic {
                return None;
            }
            return Some((0, i + len, Some(toks[0].span.cover(toks[i - 1].span))));
        }
        if let Some(a) = aux {
            // Subject, auxiliary, then (an adverb at most) a voicing verb.
            if let Some(len) = voicing_verb(text, head, i) {
                let holder = toks[0].span.cover(toks[a - 1].span);
                let first_person = one_of(first, &["i", "we"]) && a == 1;
                return Some((0, i + len, (!first_person).then_some(holder)));
            }
            if i > a + 1 {
                break;
            }
            continue;
        }
        if crate::lexicon::token_is(text, &head[i], CueClass::Auxiliary) {
            aux = Some(i);
        }
    }
    // The emphatic "do": "They do offer …", "Patients do often report …".
    let a = aux?;
    let w = &text[head[a].span];
    let next = word(text, head, a + 1)?;
    (crate::lexicon::is(w, CueClass::EmphaticDo)
        && !crate::lexicon::is(next, CueClass::NotEmphatic))
    .then_some((a, a + 1, None))
}

/// A short first clause that grants a point before ", but" ("This is true, but …", "These
/// deaths are also tragic, but …"): the index of its comma. Twelve words at most, no other
/// comma, and a granting word (`data/caveat_senses.tsv`) in it.
fn granting_clause(text: &str, toks: &[Token]) -> Option<usize> {
    let comma = toks
        .iter()
        .take(16)
        .position(|t| !t.word && &text[t.span] == ",")?;
    let next_is_but = word(text, toks, comma + 1).is_some_and(|w| same_word(w, "but"));
    let clause = &toks[..comma];
    (next_is_but
        && clause
            .iter()
            .all(|t| t.word || &text[t.span] == "'" || &text[t.span] == "’")
        && clause.iter().filter(|t| t.word).count() <= 12
        && clause
            .iter()
            .any(|t| t.word && is(&text[t.span], sense_class::GRANTING)))
    .then_some(comma)
}

/// A granting word set off by commas inside a clause, right before its counter ("Taxpayers
/// would like a tunnel, sure, but …", "It costs more, of course, but …"): a concessive
/// disjunct used parenthetically grants the clause it follows. The cue's first token and the
/// token after it.
fn granting_aside(text: &str, toks: &[Token]) -> Option<(usize, usize)> {
    (1..toks.len()).find_map(|c| {
        if toks[c].word || &text[toks[c].span] != "," || !toks[c - 1].word {
            return None;
        }
        let (len, _) = cues_at(text, toks, c + 1, CueClass::ConcessiveOpener).next()?;
        let end = c + 1 + len;
        let comma = toks
            .get(end)
            .is_some_and(|t| !t.word && &text[t.span] == ",");
        let counter = word(text, toks, end + 1).is_some_and(|w| same_word(w, "but"));
        (comma && counter).then_some((c + 1, end))
    })
}

/// The length in tokens of the longest entry of `cue` that the tokens start with, if any.
fn starts_with_phrase(text: &str, toks: &[Token], cue: CueClass) -> Option<usize> {
    cues_at(text, toks, 0, cue).map(|(len, _)| len).next()
}

/// The concede-then-counter structure: a sentence that opens by granting a point ("Yes,",
/// "Of course,", "Granted,") and is countered, in its own second clause (", but …") or by the
/// next sentence of the paragraph ("But …", "However, …"), is a concession: its opener is the
/// cue (a booster such as "of course" is read as conceding there), its scope the sentence.
fn concede_then_counter(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[&[Token]],
    boosters: &mut Vec<Booster>,
    drafts: &mut Vec<Draft>,
) {
    let sorted = drafts.len();
    // Boosters read as conceding here ("Of course, …, but …"), removed once at the end.
    let mut conceding: Vec<Span> = Vec::new();
    // Frames of others' views that replace the author's cues inside them, in text order.
    let mut replaced: Vec<Span> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let p = &paragraphs[s.paragraph];
        if p.voice != Voice::Author || p.kind != ParagraphKind::Body {
            continue;
        }
        let toks = &sentence_tokens[i][..sentence_tokens[i].len().min(64)];
        let frame = conceding_frame(text, toks)
            .or_else(|| granting_clause(text, toks).map(|c| (0, c, None)))
            .or_else(|| granting_aside(text, toks).map(|(a, b)| (a, b, None)));
        // "Fines may not be ideal, but …", "Perhaps it is less thrilling, but …": the author's
        // own hedge of possibility, countered, grants the point it hedges.
        let (frame, hedged) = match frame {
            Some(f) => (Some(f), false),
            None => (
                hedged_clause(text, toks, &drafts[..sorted], s.span).map(|m| (m, m + 1, None)),
                true,
            ),
        };
        let Some((from, len, holder)) = frame else {
            continue;
        };
        // A counter in the sentence's own clauses, not inside a parenthesis.
        let mut depth = 0i32;
        let countered_inside = toks.windows(2).skip(len).any(|w| {
            match &text[w[0].span] {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            depth == 0
                && !w[0].word
                && matches!(&text[w[0].span], "," | ";")
                // A one-word counter ("but"); the phrases' later words are never one word.
                && word(text, &w[1..], 0)
                    .is_some_and(|t| crate::lexicon::is(t, CueClass::Counter))
        });
        let countered_next = sentences
            .get(i + 1)
            .is_some_and(|n| n.paragraph == s.paragraph)
            && {
                let next = sentence_tokens[i + 1];
                let next = &next[..next.len().min(12)];
                // "But …", "However, …", or "The work, however, …".
                starts_with_phrase(text, next, CueClass::Counter).is_some()
                    || next.windows(3).any(|w| {
                        &text[w[0].span] == ","
                            && same_word(&text[w[1].span], "however")
                            && &text[w[2].span] == ","
                    })
            };
        if !(countered_inside || countered_next) {
            continue;
        }
        let cue = toks[from].span.cover(toks[len - 1].span);
        // The drafts before `sorted` are in text order: a binary search finds any at the cue.
        let at = drafts[..sorted].partition_point(|d| d.cue.end() <= cue.start());
        if !hedged
            && drafts[..sorted]
                .get(at)
                .is_some_and(|d| d.cue.overlaps(cue))
        {
            if holder.is_none() {
                continue;
            }
            // "Dog owners may think …": the modal is part of the others' view, not the
            // author's hedge; the frame replaces it.
            replaced.push(cue);
        }
        conceding.push(cue);
        drafts.push(Draft {
            kind: CaveatKind::Concession,
            cue,
            scope: s.span,
            base: 0.3,
            holder: holder.map(|h| text[h].to_owned()),
            attributed: false,
        });
    }
    if !replaced.is_empty() {
        let mut n = 0;
        drafts.retain(|d| {
            n += 1;
            let at = replaced.partition_point(|r| r.end() <= d.cue.start());
            n > sorted || !replaced.get(at).is_some_and(|r| r.overlaps(d.cue))
        });
    }
    if !conceding.is_empty() {
        // Both lists are in text order: one merge pass.
        let mut c = conceding.iter().peekable();
        boosters.retain(|b| {
            while c.peek().is_some_and(|x| x.end() <= b.span.start()) {
                c.next();
            }
            !c.peek().is_some_and(|x| x.overlaps(b.span))
        });
    }
}

/// Finds the caveats of body and list paragraphs, each with its holder (the author, or the
/// speaker of the quotation, reported speech or block quote it lies in), and the boosters of
/// the author's text.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[&[Token]],
    quotes: &[Quote],
) -> Found {
    let mut found = Found::default();
    let mut drafts: Vec<Draft> = Vec::new();
    let block_speaker: HashMap<&str, String> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Block)
        .map(|q| (q.id.as_str(), speaker_of(q)))
        .collect();
    // The innermost inline quotation or reported speech holding a span: quotes are sorted by
    // start, so the last one starting before it that contains it, in a bounded look-back.
    let quote_at = |span: Span| {
        let i = quotes.partition_point(|q| q.span.start() <= span.start());
        quotes[..i]
            .iter()
            .rev()
            .take(16)
            .find(|q| q.kind != QuoteKind::Block && q.span.contains_span(span))
    };
    for (si, s) in sentences.iter().enumerate() {
        let p = &paragraphs[s.paragraph];
        if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::List) {
            continue;
        }
        let paragraph_holder = match (p.voice, &p.quote) {
            (Voice::Author, _) => None,
            (Voice::Quoted, id) => Some(
                id.as_deref()
                    .and_then(|id| block_speaker.get(id).cloned())
                    .unwrap_or_else(|| "quoted source".to_owned()),
            ),
        };
        let toks = sentence_tokens[si];
        // The sentence's clause boundaries, found once when it has a cue.
        let mut bounds: Option<Vec<usize>> = None;
        let mut i = 0;
        while i < toks.len() {
            if !toks[i].word {
                i += 1;
                continue;
            }
            let matched = phrases_at(text, toks, i, Kind::Caveat).find_map(|(len, e)| {
                let e = Entry::of(e)?;
                match sense(text, toks, i, len, e.rule) {
                    Sense::No => None,
                    Sense::Listed => Some((len, e, e.kind)),
                    Sense::Hedge => Some((len, e, CueKind::Caveat(CaveatKind::Hedge))),
                }
            });
            let Some((len, entry, cue_kind)) = matched else {
                i += 1;
                continue;
            };
            let span = toks[i].span.cover(toks[i + len - 1].span);
            i += len;
            if matches!(
                entry.rule,
                Rule::Belief | Rule::BeliefComplement | Rule::Doxastic
            ) && survey_figure(text, toks, i - len)
            {
                continue;
            }
            // "The company is expected to report a loss": a report without a speaker whose cue
            // is this very hedge names no one who holds it; the writer relays the expectation,
            // so it stays the writer's hedge, as with no report at all.
            let quote = quote_at(span).filter(|q| {
                q.speaker.is_some() || !q.cue.as_ref().is_some_and(|c| c.span.overlaps(span))
            });
            // The reporting verb ("Thompson suggests that …") is the author's report of the
            // speaker, not the speaker's words: not a caveat. A verb of belief or expectation
            // ("analysts expect") is both: the speaker's uncertainty, held by the speaker.
            if !matches!(
                entry.rule,
                Rule::Doxastic | Rule::Expectation | Rule::Belief | Rule::BeliefComplement
            ) && quote.is_some_and(|q| q.cue.as_ref().is_some_and(|c| c.span.overlaps(span)))
            {
                continue;
            }
            // "Analysts expect …", "reporters asked whether …": the belief or the question is
            // its subject's, a third party's (never "I" or "we", nor a passive's).
            let believed_by =
                holding_verb(text, toks, i - len, entry.rule).and_then(|v| believer(text, toks, v));
            // The verb of belief that is itself the cue of a report ("Critics - including
            // France - believe …"): the reported speaker's belief.
            let report_cue = quote.is_some_and(|q| {
                q.kind == QuoteKind::Reported
                    && q.cue.as_ref().is_some_and(|c| c.span.overlaps(span))
            });
            // An embedded question that is asked, debated or discussed ("asked whether",
            // "instead of debating whether", "nothing to do with whether"), not framed as the
            // writer's or the speaker's own doubt ("it is unclear whether"): what it asks is not
            // asserted, but it qualifies nothing that is.
            let asked = entry.rule == Rule::Question
                && !matches!(
                    question_frame(text, toks, i - len),
                    Some((sense_class::UNCERTAIN, _))
                );
            let attributed = believed_by.is_some() || report_cue || asked;
            let holder = quote
                .map(speaker_of)
                .or_else(|| paragraph_holder.clone())
                .or(believed_by);
            let bounds = bounds.get_or_insert_with(|| boundaries(text, toks));
            let mut scope = clause(toks, bounds, s.span, i - len, len).trim(text);
            if let Some(q) = quote {
                // A speaker's caveat qualifies the speaker's words, not the author's around them.
                scope = intersect(scope, q.span).unwrap_or(scope);
            }
            if matches!(
                cue_kind,
                CueKind::Caveat(CaveatKind::Concession | CaveatKind::Condition)
            ) && span.start() > scope.start()
                && !matches!(entry.rule, Rule::Concessive)
                && !entry.first.eq_ignore_ascii_case("notwithstanding")
            {
                // "…, though one should not jump …": the subordinate clause from the cue on.
                scope = Span::new(span.start(), scope.end());
            }
            match cue_kind {
                CueKind::Approximation => found.approximations.push(Approximation {
                    span,
                    text: text[span].to_owned(),
                    scope,
                    holder: holder.unwrap_or_else(|| "author".to_owned()),
                }),
                CueKind::Caveat(kind) => {
                    if entry.rule == Rule::ConcessiveConditional {
                        // "even if": a condition that is granted at once.
                        drafts.push(Draft {
                            kind: CaveatKind::Condition,
                            cue: span,
                            scope,
                            base: entry.strength,
                            holder: holder.clone(),
                            attributed,
                        });
                    }
                    drafts.push(Draft {
                        kind,
                        cue: span,
                        scope,
                        base: entry.strength,
                        holder,
                        attributed,
                    });
                }
                // Boosters raise the writer's commitment: the author's only.
                CueKind::Booster if holder.is_none() => found.boosters.push(Booster {
                    span,
                    text: text[span].to_owned(),
                    scope,
                    strength: entry.strength,
                }),
                CueKind::Booster => {}
            }
        }
    }
    concede_then_counter(
        text,
        paragraphs,
        sentences,
        sentence_tokens,
        &mut found.boosters,
        &mut drafts,
    );
    drafts.sort_by_key(|d| d.cue);
    // Stacking: other caveats of the same holder in the same scope raise a caveat's strength.
    // Scopes lie inside their sentence, so the caveats that can share one are those whose cue
    // lies inside this scope's sentence: a window found by binary search (drafts are sorted by
    // cue), at most eight of them counted.
    let mut caveats = Vec::with_capacity(drafts.len());
    let mut attributed = Vec::new();
    for (n, d) in drafts.iter().enumerate() {
        let sentence = sentences
            .get(sentences.partition_point(|s| s.span.end() <= d.cue.start()))
            .map_or(d.scope, |s| s.span);
        // The sentence's caveats near this one (32 on either side): scopes that overlap are
        // neighbours, and the bound keeps a sentence of many clauses linear.
        let lo = drafts.partition_point(|o| o.cue.start() < sentence.start());
        let hi = drafts.partition_point(|o| o.cue.start() < sentence.end());
        let start = lo.max(n.saturating_sub(32));
        let window = &drafts[start..hi.min(n + 33).max(start)];
        let others: f64 = window
            .iter()
            .filter(|o| o.cue != d.cue && o.holder == d.holder && o.scope.overlaps(d.scope))
            .take(8)
            .map(|o| 1.0 - o.base / 2.0)
            .product();
        let strength = (1.0 - (1.0 - d.base) * others).clamp(0.0, 1.0);
        let (list, prefix) = if d.attributed {
            (&mut attributed, "ac")
        } else {
            (&mut caveats, "c")
        };
        list.push(Caveat {
            id: format!("{prefix}{}", list.len() + 1),
            kind: d.kind,
            span: d.cue,
            text: text[d.cue].to_owned(),
            scope: d.scope,
            strength: (strength * 1000.0).round() / 1000.0,
            holder: d.holder.clone().unwrap_or_else(|| "author".to_owned()),
        });
    }
    found.caveats = caveats;
    found.attributed = attributed;
    found
}

/// Whether the subject of a verb of belief at token `v` is a share of those surveyed ("57
/// percent of voters believe", "Thirty-eight percent think"): a survey figure, which the writer
/// reports as a measured fact, not a belief held with doubt. Six tokens back at most, to the
/// clause start; the share is a `survey-share` word of `data/caveat_senses.tsv` or "%".
fn survey_figure(text: &str, toks: &[Token], v: usize) -> bool {
    toks[v.saturating_sub(6)..v]
        .iter()
        .rev()
        .take_while(|t| t.word || text[t.span].contains('%'))
        .any(|t| text[t.span].contains('%') || is(&text[t.span], sense_class::SURVEY_SHARE))
}

/// The subject before a verb of belief at token `v` ("Some economists have predicted"): up to
/// six words back to the clause start, less trailing auxiliaries and adverbs; `None` when
/// there is none or it is the writer ("I", "we").
fn believer(text: &str, toks: &[Token], v: usize) -> Option<String> {
    // Six tokens back at most: many cues in one sentence stay linear.
    let window = v.saturating_sub(6);
    let from = toks[window..v]
        .iter()
        .rposition(|t| !t.word)
        .map_or(window, |p| window + p + 1);
    // The nearest word before the verb past auxiliaries and adverbs in -ly ("traditionally").
    let auxiliary_before = toks[from..v].iter().rev().map(|t| &text[t.span]).find(|w| {
        !(is(w, sense_class::AFTER_SUBJECT)
            || !capitalised(w)
                && w.len() > 4
                && w.get(w.len() - 2..)
                    .is_some_and(|e| e.eq_ignore_ascii_case("ly")))
    });
    let be_before = auxiliary_before.is_some_and(|w| is(w, sense_class::BE));
    let verb = &text[toks[v].span];
    let ing = verb.len() > 4
        && verb
            .get(verb.len() - 3..)
            .is_some_and(|e| e.eq_ignore_ascii_case("ing"));
    // A passive ("is now considered", "were asked whether"): no subject holds it. A form in
    // -ing after no form of "be" is a gerund ("Instead of debating whether"): none either,
    // unless "with" opens an absolute clause whose subject comes between ("with most voters
    // now believing …", "with analysts expecting …").
    let mut from = from;
    if be_before && !ing {
        return None;
    }
    if ing && !be_before {
        let with = toks[from..v]
            .iter()
            .position(|t| t.word && same_word(&text[t.span], "with"))?;
        from += with + 1;
    }
    let mut words = &toks[from..v];
    while let Some((last, rest)) = words.split_last() {
        let w = &text[last.span];
        // "are investigating": the progressive's auxiliary is no part of the subject.
        if is(w, sense_class::AFTER_SUBJECT) || is(w, sense_class::BE) {
            words = rest;
        } else {
            break;
        }
    }
    let (first, last) = (words.first()?, words.last()?);
    let w = &text[first.span];
    (!no_believer(w)).then(|| text[first.span.cover(last.span)].to_owned())
}

/// The overlap of two spans, if any.
fn intersect(a: Span, b: Span) -> Option<Span> {
    let (start, end) = (a.start().max(b.start()), a.end().min(b.end()));
    (start < end).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Everyone's cues, in text order: the caveats and the attributed beliefs and questions.
    fn cues(sentence: &str) -> Vec<(&str, CaveatKind)> {
        let parsed = crate::parse(sentence);
        let d = parsed.document;
        let mut all: Vec<Caveat> = d.caveats.into_iter().chain(d.attributed_caveats).collect();
        all.sort_by_key(|c| c.span);
        all.iter().map(|c| (&sentence[c.span], c.kind)).collect()
    }

    #[test]
    fn until_opens_a_condition_before_a_clause_still_to_come() {
        use CaveatKind::Condition;
        // A clause with a subject pronoun or a finite auxiliary: a condition.
        assert_eq!(
            cues("The bakery will stay shut until it passes the inspection."),
            vec![("until", Condition)]
        );
        assert_eq!(
            cues("No refund is paid until a claim is filed."),
            vec![("until", Condition)]
        );
        // A future or a present negation before it: a condition.
        assert_eq!(
            cues("The gates will stay shut until inspectors approve the repairs."),
            vec![("until", Condition)]
        );
        assert_eq!(
            cues("Tenants don't pay rent until landlords fix the roof."),
            vec![("until", Condition)]
        );
        // A time, a noun phrase or a past event: no condition.
        for sentence in [
            "The shop stays open until 9 p.m.",
            "The road was closed until now.",
            "The fair runs until the end of the month.",
            "The mayor stayed in office until his retirement.",
            "The ferry ran until mid-October.",
            "Nobody noticed until they became a nuisance.",
            "The bridge carried cars until it collapsed.",
            "The plan would not work until the launch of the new line.",
            "The club did not admit women until the rules changed.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn an_expectation_over_is_no_hedge() {
        use CaveatKind::Hedge;
        assert_eq!(
            cues("Analysts expected the merger to close in spring."),
            vec![("expected", Hedge)]
        );
        for sentence in [
            "Sales were lower than expected.",
            "As expected, the council voted no.",
            "The mill did not report the expected gain.",
            "The strike was expected.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn should_before_a_change_of_amount_is_an_expected_outcome() {
        use CaveatKind::Hedge;
        assert_eq!(
            cues("The new line should increase output next year."),
            vec![("should", Hedge)]
        );
        assert_eq!(
            cues("Prices should not fall before spring."),
            vec![("should", Hedge)]
        );
        // An obligation is no hedge (it makes a normative claim).
        assert!(cues("The council should repair the bridge.").is_empty());
    }

    #[test]
    fn an_accusation_is_a_hedge() {
        assert_eq!(
            cues("Two clerks accused of fraud left the firm."),
            vec![("accused", CaveatKind::Hedge)]
        );
    }

    #[test]
    fn a_hedged_clause_countered_is_a_concession() {
        use CaveatKind::{Concession, Hedge};
        assert_eq!(
            cues("Late buses may be annoying, but they are cheap."),
            vec![("may", Hedge), ("may", Concession)]
        );
        assert_eq!(
            cues("Perhaps the park is small. However, it is quiet."),
            vec![("Perhaps", Hedge), ("Perhaps", Concession)]
        );
        // Not countered: a hedge only.
        assert_eq!(cues("The park may close early."), vec![("may", Hedge)]);
        // "could" of ability is no granting.
        assert_eq!(
            cues("Anyone could apply, but few did."),
            vec![("could", Hedge)]
        );
    }

    #[test]
    fn indirect_evidence_is_a_hedge() {
        use CaveatKind::Hedge;
        assert_eq!(
            cues("It has been suggested that the mill closed early."),
            vec![("suggested", Hedge)]
        );
        assert_eq!(
            cues("There is no evidence that the dam leaked."),
            vec![("no evidence", Hedge)]
        );
    }

    #[test]
    fn a_passive_belief_countered_stays_a_hedge() {
        use CaveatKind::Hedge;
        // No generic holder voices it: the frame is the author's hedge, not others' view.
        assert_eq!(
            cues("Several old dyes are considered toxic, but their harm is small."),
            vec![("are considered", Hedge)]
        );
    }

    #[test]
    fn a_hypothetical_option_is_a_hedge() {
        assert_eq!(
            cues("The cheapest fix would be to close the lane."),
            vec![("would be to", CaveatKind::Hedge)]
        );
        assert!(cues("The council would meet on Monday.").is_empty());
    }

    #[test]
    fn unclear_said_of_a_fact_is_a_hedge() {
        assert_eq!(
            cues("The result of the vote was unclear."),
            vec![("unclear", CaveatKind::Hedge)]
        );
        assert!(cues("The singer left the stage.").is_empty());
    }

    #[test]
    fn senses() {
        assert_eq!(
            cues("The vote may slip to May 5."),
            [("may", CaveatKind::Hedge)]
        );
        assert!(cues("Russia showed its military might.").is_empty());
        assert!(cues("He could not attend the meeting.").is_empty());
        assert!(cues("He could n't be reached.").is_empty());
        assert!(cues("The U.S. should act now.").is_empty());
        assert_eq!(
            cues("It should be possible to do it."),
            [("should", CaveatKind::Hedge)]
        );
        // An approximator is no caveat (see `approximations_are_not_caveats`).
        assert!(cues("About 20 people came.").is_empty());
        assert!(cues("They talked about the plan.").is_empty());
        assert_eq!(
            cues("It is not yet adopted."),
            [("not yet", CaveatKind::Limitation)]
        );
        assert_eq!(
            cues("The plan failed, yet the idea was sound."),
            [("yet", CaveatKind::Concession)]
        );
        assert!(cues("They acted as if nothing happened.").is_empty());
    }

    #[test]
    fn phrases_and_scope() {
        let text = "Mexican law (as I understand it, would preclude it) matters.";
        let parsed = crate::parse(text);
        let c = &parsed.document.caveats[0];
        assert_eq!(&text[c.span], "as I understand it");
        assert_eq!(&text[c.scope], "as I understand it, would preclude it");
        let text = "That is serious, though one should not jump to conclusions.";
        let parsed = crate::parse(text);
        let c = &parsed.document.caveats[0];
        assert_eq!(&text[c.span], "though");
        assert_eq!(&text[c.scope], "though one should not jump to conclusions.");
    }

    fn holders(text: &str) -> Vec<(&str, String)> {
        crate::parse(text)
            .document
            .caveats
            .into_iter()
            .map(|c| (&text[c.span], c.holder))
            .collect()
    }

    /// The beliefs and questions ascribed to someone, with their holder.
    fn attributed(text: &str) -> Vec<(&str, String)> {
        crate::parse(text)
            .document
            .attributed_caveats
            .into_iter()
            .map(|c| (&text[c.span], c.holder))
            .collect()
    }

    #[test]
    fn quotations_belong_to_their_speaker() {
        let text = "\"It might rain,\" said Jane Smith. It may not.";
        let parsed = crate::parse(text);
        let c = &parsed.document.caveats;
        assert_eq!(c.len(), 2);
        assert_eq!(
            (&text[c[0].span], c[0].holder.as_str()),
            ("might", "Jane Smith")
        );
        // The speaker's caveat qualifies the quotation only.
        assert_eq!(&text[c[0].scope], "\"It might rain,\"");
        assert_eq!((&text[c[1].span], c[1].holder.as_str()), ("may", "author"));
        // Reported speech: the speaker's; the reporting verb is no caveat.
        assert_eq!(
            holders("Officials suggested that the talks could resume."),
            [("could", "Officials".to_owned())]
        );
        // Speakers' caveats do not lower the author's confidence and are not boosters.
        assert!(
            crate::parse("\"It will surely rain,\" he said.")
                .document
                .boosters
                .is_empty()
        );
    }

    #[test]
    fn concede_then_counter() {
        assert_eq!(
            cues("Yes, it's annoying to sort rubbish. But still we produce too much."),
            [
                ("Yes", CaveatKind::Concession),
                ("still", CaveatKind::Concession)
            ]
        );
        assert_eq!(
            cues("Of course, they must first be caught, but fines then work."),
            [("Of course", CaveatKind::Concession)]
        );
        assert!(cues("Of course it works. It is cheap.").is_empty());
    }

    #[test]
    fn concessions_voiced_through_others() {
        assert_eq!(
            holders("Critics say it is costly, but it works."),
            [("Critics say", "Critics".to_owned())]
        );
        assert_eq!(
            cues("Critics say it is costly, but it works."),
            [("Critics say", CaveatKind::Concession)]
        );
        assert_eq!(
            holders("Some argue that the tax is unfair. But it pays for schools."),
            [("Some argue", "Some".to_owned())]
        );
        // The sentence-opening "Yet" counters; the concession is the frame it counters.
        assert_eq!(
            holders("Dog owners may think it is harmless. Yet it is a hazard."),
            [("Dog owners may think", "Dog owners".to_owned())]
        );
        assert_eq!(
            holders("It is true that fees rise, but quality does too."),
            [("It is true that", "author".to_owned())]
        );
        // Not countered, or a named source in the news: no concession.
        assert!(cues("Critics say it is costly.").is_empty());
        assert!(cues("The minister said taxes would rise, but not this year.").is_empty());
    }

    #[test]
    fn emphatic_do_concedes_when_countered() {
        assert_eq!(
            holders("They do offer a benefit. Nevertheless few want them."),
            [("do", "author".to_owned())]
        );
        assert!(cues("They did the work, but late.").is_empty());
        assert!(cues("They do offer a benefit.").is_empty());
    }

    #[test]
    fn countered_by_an_inner_however() {
        assert_eq!(
            cues("Of course secrecy is needed. Unregulated work, however, is a danger."),
            [("Of course", CaveatKind::Concession)]
        );
    }

    #[test]
    fn beliefs_without_their_holder_hedge() {
        assert_eq!(
            cues("The castle is widely regarded as the oldest in Wales."),
            [("is widely regarded as", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("He was considered a reformer."),
            [("was considered", CaveatKind::Hedge)]
        );
        assert!(cues("He considered the offer.").is_empty());
    }

    #[test]
    fn many_beliefs_stay_linear() {
        let text = format!("Analysts {}rates.", "expect ".repeat(20_000));
        assert_eq!(
            crate::parse(&text).document.attributed_caveats.len(),
            20_000
        );
    }

    #[test]
    fn many_inverted_conditions_stay_linear() {
        // Each clause-opening "should" looks at the sentence's end: a bounded look, or 20,000
        // of them before a long unpunctuated tail would take minutes.
        let text = format!(
            "A{} {}.",
            ", should they".repeat(20_000),
            "word ".repeat(20_000)
        );
        assert_eq!(crate::parse(&text).document.caveats.len(), 20_000);
    }

    #[test]
    fn many_cues_in_one_sentence_stay_linear() {
        // Each cue finds its clause by binary search: 20,000 cues in one clause-less sentence
        // would take minutes if each rescanned the sentence.
        let text = format!("It {}rains.", "may perhaps ".repeat(10_000));
        assert_eq!(crate::parse(&text).document.caveats.len(), 20_000);
        // And as many clauses, each with its own cue, whose scopes do not stack.
        let text = format!("It {}rains.", "may rain; ".repeat(20_000));
        assert_eq!(crate::parse(&text).document.caveats.len(), 20_000);
    }

    fn approximations(text: &str) -> Vec<(&str, String)> {
        crate::parse(text)
            .document
            .approximations
            .into_iter()
            .map(|a| (&text[a.span], a.holder))
            .collect()
    }

    #[test]
    fn approximations_are_not_caveats() {
        let text = "Some 300 boats sailed, nearly half of them from Tunis, about a month ago.";
        assert!(cues(text).is_empty());
        assert_eq!(
            approximations(text),
            [
                ("Some", "author".to_owned()),
                ("nearly", "author".to_owned()),
                ("about", "author".to_owned())
            ]
        );
        // Inside a quotation the speaker's; "almost three-quarters" is one quantity.
        let text = "\"Almost three-quarters stayed,\" said Ann Lee.";
        assert_eq!(approximations(text), [("Almost", "Ann Lee".to_owned())]);
        // "some" and "about" before no number are neither.
        assert!(approximations("Some voters care about the budget.").is_empty());
    }

    #[test]
    fn embedded_questions() {
        // The writer's own open question: a hedge, "if" included.
        assert_eq!(
            cues("It is not clear whether the ceasefire will hold."),
            [("whether", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("It remains to be seen if the plan works."),
            [("if", CaveatKind::Hedge)]
        );
        // Someone asks or debates: a question held by the asker; "if" after a verb of asking
        // stays no caveat, and a concessive "whether … or" asks nothing.
        assert_eq!(
            attributed("Voters debated whether the tax was fair."),
            [("whether", "Voters".to_owned())]
        );
        assert!(cues("The board asked staff if they felt safe.").is_empty());
        assert!(cues("Farmers, whether rich or poor, pay the levy.").is_empty());
        // A plain "if" still makes a condition.
        assert_eq!(
            cues("If prices fall, the bank will cut rates."),
            [("If", CaveatKind::Condition)]
        );
    }

    #[test]
    fn a_kind_named_after_a_quantifier_is_no_hedge() {
        for sentence in [
            "The tribe used some kind of drum at feasts.",
            "Guests brought all sort of gifts.",
            "He was some other sort of mystic.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
        // The hedging adverb stays; a quantifier before other cues keeps their sense.
        assert_eq!(
            cues("The plan is kind of vague."),
            [("kind of", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("Another possible cause is the drought."),
            [("possible", CaveatKind::Hedge)]
        );
    }

    #[test]
    fn others_beliefs_and_asked_questions_are_not_the_writers_caveats() {
        // A verb of belief that cues the report, a belief inside reported speech, a question
        // someone asks or that is only discussed: attributed, not caveats.
        for text in [
            "Critics - including two mayors - believe that the flour tax could rise.",
            "The union said it expected the talks to fail.",
            "She said she had wondered whether the gala should go ahead.",
            "The storm has nothing to do with whether the pier was safe.",
        ] {
            assert!(holders(text).iter().all(|(w, _)| *w == "could"), "{text}");
            assert!(!attributed(text).is_empty(), "{text}");
        }
        // The writer's own open question, a passive belief and the writer's belief stay.
        for text in [
            "It is unclear whether the pier was safe.",
            "The pier is thought to be unsafe.",
            "I believe the pier is unsafe.",
        ] {
            assert!(!holders(text).is_empty(), "{text}");
            assert!(attributed(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn open_questions_are_hedges_held_by_whoever_asks() {
        use CaveatKind::Hedge;
        assert_eq!(
            attributed("Inspectors checked whether the pipe leaked."),
            [("whether", "Inspectors".to_owned())]
        );
        // In the progressive, the asker is the subject; after a gerund, no one is.
        assert_eq!(
            attributed("Police are checking whether the van was stolen."),
            [("whether", "Police".to_owned())]
        );
        // After "with", the -ing form's subject holds it: an absolute clause.
        assert_eq!(
            attributed("Rents rose, with most tenants now expecting more rises."),
            [("expecting", "most tenants".to_owned())]
        );
        assert_eq!(
            attributed("Instead of debating whether taxes rise, act."),
            [("whether", "author".to_owned())]
        );
        // Asked in the passive, or with no verb of asking: the writer's report of an open
        // question.
        assert_eq!(
            attributed("The mayor was asked whether the bridge would reopen."),
            [("whether", "author".to_owned())]
        );
        assert_eq!(
            cues("Whether the dam holds is the question."),
            [("Whether", Hedge)]
        );
        // Concessive conditionals ask nothing.
        for sentence in [
            "Every tenant, whether young or old, pays the fee.",
            "The fee is due regardless of whether the flat is let.",
            "The route changes depending on whether the river is high.",
            "The fee is due (whether paid early or late) in June.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn beliefs_are_hedges_held_by_their_believers() {
        use CaveatKind::Hedge;
        assert_eq!(
            attributed("Many farmers believe that the frost will come early."),
            [("believe", "Many farmers".to_owned())]
        );
        assert_eq!(
            attributed("Some thought the ferry was unsafe."),
            [("thought", "Some".to_owned())]
        );
        assert_eq!(
            attributed("Locals regarded the tower as a bad omen."),
            [("regarded", "Locals".to_owned())]
        );
        assert_eq!(
            attributed("Geologists speculated that the cave was older."),
            [("speculated", "Geologists".to_owned())]
        );
        // A passive belief, with an adverb between: no subject holds it.
        assert_eq!(
            holders("The breed is now considered rare."),
            [("considered", "author".to_owned())]
        );
        assert_eq!(cues("They think it works."), [("think", Hedge)]);
        // Other senses: no belief.
        for sentence in [
            "Few people believe in ghosts.",
            "She thinks of the garden as a refuge.",
            "The plan was well thought out.",
            "A local think tank wrote the report.",
            "The school of thought faded.",
            "The hall is highly regarded by critics.",
            "The river was longer than previously thought.",
            "The board considered selling the land.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
    }

    #[test]
    fn definitions_asides_and_feasibility_are_no_caveats() {
        for sentence in [
            "A knot is trivial if and only if it bounds a disc.",
            "The map shows few, if any, roads.",
            "The highest possible score is ninety.",
            "The new bridge was made possible by a grant.",
            "Parking is not possible.",
            "A detour is possible in dry weather.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
        assert_eq!(
            cues("It is possible that the ice melts."),
            [("It is possible that", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("Possible causes include the drought."),
            [("Possible", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("If the ice melts, the road floods."),
            [("If", CaveatKind::Condition)]
        );
    }

    #[test]
    fn accusations_unknowns_and_concessive_conditions() {
        use CaveatKind::{Concession, Condition, Hedge};
        // The accuser's claim, even as the reporting verb.
        assert_eq!(
            attributed("The regulator has alleged that the bank hid losses."),
            [("alleged that", "The regulator".to_owned())]
        );
        assert_eq!(
            attributed("Neighbours allege the mill dumps waste."),
            [("allege", "Neighbours".to_owned())]
        );
        // "unknown" as a predicate only.
        assert_eq!(cues("The cause remains unknown."), [("unknown", Hedge)]);
        assert_eq!(cues("The cause is still unknown."), [("unknown", Hedge)]);
        assert!(cues("A relatively unknown band won.").is_empty());
        // "even if" grants and conditions at once.
        assert_eq!(
            cues("The pier stays open even if it rains."),
            [("even if", Condition), ("even if", Concession)]
        );
    }

    #[test]
    fn until_after_a_passive_future_is_a_condition() {
        assert_eq!(
            cues("The plans won't be made public until the board approves them."),
            [("until", CaveatKind::Condition)]
        );
        // A past tense before it is narrative, no condition.
        assert!(cues("The gate stayed shut until the keeper came back.").is_empty());
    }

    #[test]
    fn survey_figures_are_no_beliefs() {
        for sentence in [
            "A poll found that 61 percent of tenants believe rents are too high.",
            "Forty per cent think the park should close.",
            "In the survey, 35% expect prices to rise.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
        assert_eq!(
            cues("Most tenants believe rents are too high."),
            [("believe", CaveatKind::Hedge)]
        );
    }

    #[test]
    fn could_of_ability_or_permission_is_no_hedge() {
        for sentence in [
            "The gate was widened so that lorries could pass.",
            "Nobody knew how the fire could spread so fast.",
            "Nobody could doubt his courage.",
            "No one could enter the vault.",
            "The tower could only be climbed by guides.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
        // A possibility stays a hedge.
        assert_eq!(
            cues("The storm could close the port."),
            [("could", CaveatKind::Hedge)]
        );
    }

    #[test]
    fn senses_of_granted_likely_appear_and_think() {
        assert!(cues("The firm was granted 40 patents last year.").is_empty());
        assert_eq!(
            cues("Granted, the rules are strict, but they work."),
            [("Granted", CaveatKind::Concession)]
        );
        assert!(cues("The likely cost of the bridge is known.").is_empty());
        assert!(cues("Its potential buyers met on Monday.").is_empty());
        assert_eq!(
            cues("The bridge is likely to cost more."),
            [("likely", CaveatKind::Hedge)]
        );
        assert!(cues("She appears regularly on the evening news.").is_empty());
        for sentence in [
            "The mayor appears as a guest in the film.",
            "The opening tune appears again at the end.",
            "Both kings appear wearing crowns.",
            "In the last chapter the ghost appears.",
        ] {
            assert!(cues(sentence).is_empty(), "{sentence}");
        }
        assert_eq!(
            cues("Its end appears nowhere in sight."),
            [("appears", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("The scheme appears to work."),
            [("appears", CaveatKind::Hedge)]
        );
        assert!(cues("I think of the river as a road.").is_empty());
        assert_eq!(
            cues("I think the river will flood."),
            [("I think", CaveatKind::Hedge)]
        );
        assert!(cues("We lack this sort of money.").is_empty());
        // "should be ready" is deontic: no hedge.
        assert!(cues("The bank should be ready to act.").is_empty());
    }

    #[test]
    fn beliefs_expectations_and_possibility() {
        assert_eq!(
            cues("Economists expect the rate to rise."),
            [("expect", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("There is a possibility of rain."),
            [("possibility", CaveatKind::Hedge)]
        );
        // The belief is its subject's.
        assert_eq!(
            attributed("Analysts expect that rates will rise."),
            [("expect", "Analysts".to_owned())]
        );
        assert_eq!(
            holders("We expect rates to rise."),
            [("expect", "author".to_owned())]
        );
        // An agentless "is expected to" is a report without a speaker: the writer's hedge.
        assert_eq!(
            holders("The ferry company is expected to raise its fares."),
            [("is expected to", "author".to_owned())]
        );
        // An expectation whose outcome is known, and feasibility, are no hedges.
        assert!(cues("The team had been expected to win.").is_empty());
        assert!(cues("It is possible to return the goods.").is_empty());
        assert!(cues("Write back as soon as possible.").is_empty());
    }

    #[test]
    fn inverted_conditions_and_other_frames() {
        assert_eq!(
            cues("The boys could go home, should they be found, or stay."),
            [
                ("could", CaveatKind::Hedge),
                ("should", CaveatKind::Condition)
            ]
        );
        // A question opening on "should" asks; deontic "should" is no caveat.
        assert!(cues("Should the council act now?").is_empty());
        assert!(cues("The council should act now.").is_empty());
        assert_eq!(
            cues("Otherwise the plan fails."),
            [("Otherwise", CaveatKind::Condition)]
        );
        assert!(cues("He was otherwise healthy.").is_empty());
        assert_eq!(
            cues("Let's agree that the roads are bad."),
            [("Let's agree", CaveatKind::Concession)]
        );
        assert_eq!(
            cues("Hopefully, the rain stops. Such storms tend to pass."),
            [
                ("Hopefully", CaveatKind::Hedge),
                ("tend to", CaveatKind::Hedge)
            ]
        );
    }

    #[test]
    fn a_granting_clause_countered_by_but() {
        assert_eq!(
            cues("This is true, but few pay the fine."),
            [("This is true", CaveatKind::Concession)]
        );
        assert_eq!(
            cues("The costs are also real, but the gains are larger."),
            [("The costs are also real", CaveatKind::Concession)]
        );
        // No granting word, or no counter: no concession.
        assert!(cues("The costs are real, but the gains are larger.").is_empty());
        assert!(cues("This is true, and it matters.").is_empty());
    }

    #[test]
    fn a_granting_word_set_off_by_commas_before_but_concedes() {
        assert_eq!(
            cues("Drivers would like a new bridge, sure, but the town cannot pay for one."),
            [("sure", CaveatKind::Concession)]
        );
        assert_eq!(
            cues("The scheme costs more, of course, but it saves lives."),
            [("of course", CaveatKind::Concession)]
        );
        // No counter after the aside: no concession.
        assert!(cues("The scheme costs more, of course, and it saves lives.").is_empty());
    }

    #[test]
    fn a_writers_tentative_belief_verb_hedges() {
        assert_eq!(
            cues("We suspect it will be money well spent."),
            [("suspect", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("I suppose that means a longer wait."),
            [("suppose", CaveatKind::Hedge)]
        );
        // The nouns are no hedges.
        assert!(cues("The suspect was arrested on Monday.").is_empty());
        assert!(cues("Police named a suspect in the case.").is_empty());
    }

    #[test]
    fn boosters_are_not_caveats() {
        let parsed = crate::parse("It is of course very significant.");
        assert!(parsed.document.caveats.is_empty());
        assert_eq!(parsed.document.boosters.len(), 1);
    }
}
