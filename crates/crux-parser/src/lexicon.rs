//! The parser's view of the lexicon layer (the `crux-lexicon` crate): every word list is a
//! data file there, folded by one rule and compiled into one table at build time. This module
//! turns its entries into the parser's types (a reporting verb's category, a speaker noun's
//! kind) and matches multi-word entries over a sentence's tokens. Nothing is built at start-up.

pub(crate) use crux_lexicon::{Cue, Entry, Kind, Word, fold, is, is_exactly, lookup};

use crate::words::Token;

/// What a reporting verb or phrase reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Reporting {
    /// Said aloud or in a statement.
    Speech,
    /// Written in a text.
    Writing,
    /// A view held.
    Belief,
    /// A result found.
    Finding,
    /// A plan, promise, wish, request or refusal, whose content may be an infinitive.
    Intention,
}

impl Reporting {
    fn of(category: &str) -> Option<Reporting> {
        Some(match category {
            "speech" => Reporting::Speech,
            "writing" => Reporting::Writing,
            "belief" => Reporting::Belief,
            "finding" => Reporting::Finding,
            "intention" => Reporting::Intention,
            _ => return None,
        })
    }
}

/// What kind of speaker a noun names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SpeakerNoun {
    /// A person or group of people.
    Person,
    /// An organisation.
    Organisation,
    /// A document or publication.
    Text,
}

/// What a word can be in a reporting cue: a one-word cue, and the first word of a two-word one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CueWord {
    /// Its category as a one-word cue ("said").
    pub(crate) single: Option<Reporting>,
    /// Whether it begins a two-word cue ("according" of "according to").
    pub(crate) pair: bool,
}

/// The category of `word`'s one-word entry of `kind` (the last one listed, as a map keeps).
fn single(word: &Word, kind: Kind) -> Option<&'static str> {
    if !word.single(kind) {
        return None;
    }
    word.of(kind)
        .filter(|e| e.words.len() == 1)
        .last()
        .map(|e| e.category)
}

/// What `word` (folded) can be in a reporting cue; `None` for most words.
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    cue_word_of(crux_lexicon::lookup(word)?)
}

/// What a token's word can be in a reporting cue ([`cue_word`]), from its lookup.
#[inline]
pub(crate) fn token_cue_word(text: &str, t: &Token) -> Option<CueWord> {
    cue_word_of(t.lexicon(text)?)
}

/// What a looked-up word can be in a reporting cue.
#[inline]
pub(crate) fn cue_word_of(w: &Word) -> Option<CueWord> {
    if !w.has(Kind::ReportingVerb) {
        return None;
    }
    Some(CueWord {
        single: single(w, Kind::ReportingVerb).and_then(Reporting::of),
        pair: w.begins_phrase(Kind::ReportingVerb),
    })
}

/// The category of a one-word reporting verb ("said", "notes").
#[cfg(test)]
pub(crate) fn reporting(word: &str) -> Option<Reporting> {
    single(crux_lexicon::lookup(word)?, Kind::ReportingVerb).and_then(Reporting::of)
}

/// The category of a two-word reporting phrase ("according to", "points out").
pub(crate) fn reporting_pair(first: &str, second: &str) -> Option<Reporting> {
    reporting_pair_of(crux_lexicon::lookup(first)?, second)
}

/// [`reporting_pair`] with the first word looked up.
pub(crate) fn reporting_pair_of(w: &Word, second: &str) -> Option<Reporting> {
    if !w.begins_phrase(Kind::ReportingVerb) {
        return None;
    }
    w.of(Kind::ReportingVerb)
        .filter(|e| e.words.len() == 2 && crux_lexicon::folds_to(second, e.words[1]))
        .last()
        .and_then(|e| Reporting::of(e.category))
}

/// The category of a three-word reporting phrase ("made it clear"), its first word looked up.
pub(crate) fn reporting_triple_of(w: &Word, second: &str, third: &str) -> Option<Reporting> {
    if !w.begins_phrase(Kind::ReportingVerb) {
        return None;
    }
    w.of(Kind::ReportingVerb)
        .filter(|e| {
            e.words.len() == 3
                && crux_lexicon::folds_to(second, e.words[1])
                && crux_lexicon::folds_to(third, e.words[2])
        })
        .last()
        .and_then(|e| Reporting::of(e.category))
}

/// What a word does in a quantity phrase before a partitive "of" ("over half of the women").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Partitive {
    /// A quantifier or fraction noun: "half", "most", "percent".
    Quantifier,
    /// A number word: "sixty", "dozens".
    Number,
    /// An approximator or article inside the quantity: "over", "nearly", "a".
    Modifier,
}

/// The role of a word in a quantity phrase before a partitive "of", if it has one.
pub(crate) fn partitive(word: &str) -> Option<Partitive> {
    match single(crux_lexicon::lookup(word)?, Kind::Partitive)? {
        "quantifier" => Some(Partitive::Quantifier),
        "number" => Some(Partitive::Number),
        "modifier" => Some(Partitive::Modifier),
        _ => None,
    }
}

/// The category of a noun that can name a speaker ("officials", "article"). An entry written
/// with capitals ("Americans") matches only as written.
pub(crate) fn speaker_noun(word: &str) -> Option<SpeakerNoun> {
    let w = crux_lexicon::lookup(word)?;
    if !w.single(Kind::SpeakerNoun) {
        return None;
    }
    let e = w
        .of(Kind::SpeakerNoun)
        .filter(|e| e.words.len() == 1 && (e.is_folded() || e.form == word))
        .last()?;
    speaker_noun_category(e)
}

/// The category of a `speaker_nouns.tsv` entry.
pub(crate) fn speaker_noun_category(e: &Entry) -> Option<SpeakerNoun> {
    match e.category {
        "person" => Some(SpeakerNoun::Person),
        "organisation" => Some(SpeakerNoun::Organisation),
        "text" => Some(SpeakerNoun::Text),
        _ => None,
    }
}

/// The lexicon's word for token `i`, if it is a word token with entries.
#[inline]
pub(crate) fn word_at(text: &str, tokens: &[Token], i: usize) -> Option<&'static Word> {
    tokens
        .get(i)
        .filter(|t| t.word)
        .and_then(|t| t.lexicon(text))
}

/// Whether token `t` is a word that is a one-word entry of the cue category `cue` ([`is`] of
/// its word, from the token's lookup).
#[inline]
pub(crate) fn token_is(text: &str, t: &Token, cue: Cue) -> bool {
    t.lexicon(text).is_some_and(|w| w.is(cue))
}

/// Whether the words of `entry` after its first are the word tokens from `i + 1` on (folded);
/// punctuation tokens never match a word.
pub(crate) fn rest_matches(text: &str, tokens: &[Token], i: usize, entry: &Entry) -> bool {
    entry.words[1..].iter().enumerate().all(|(k, w)| {
        tokens
            .get(i + 1 + k)
            .is_some_and(|t| t.word && crux_lexicon::folds_to(&text[t.span], w))
    })
}

/// The entries of `kind` that match the tokens from `i` on, longest first (then in file
/// order), each with its length in tokens.
pub(crate) fn phrases_at<'t>(
    text: &'t str,
    tokens: &'t [Token],
    i: usize,
    kind: Kind,
) -> impl Iterator<Item = (usize, &'static Entry)> + use<'t> {
    word_at(text, tokens, i)
        .into_iter()
        .flat_map(move |w| w.of(kind))
        .filter(move |e| rest_matches(text, tokens, i, e))
        .map(|e| (e.words.len(), e))
}

/// The entries of cue category `cue` that match the tokens from `i` on, longest first.
pub(crate) fn cues_at<'t>(
    text: &'t str,
    tokens: &'t [Token],
    i: usize,
    cue: Cue,
) -> impl Iterator<Item = (usize, &'static Entry)> + use<'t> {
    phrases_at(text, tokens, i, Kind::Cue).filter(move |(_, e)| e.cue == Some(cue))
}

/// Whether `word` is one of the one or two words a rule names in its own logic ("he" or "she",
/// "who"), ignoring ASCII case. Lists of words are data (`cue_words.tsv`), not arguments here.
pub(crate) fn one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Whether two words are equal once folded (case, and apostrophe style), without allocating.
#[must_use]
pub(crate) fn same_word(a: &str, b: &str) -> bool {
    if a.len() == b.len() && a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        // Neither holds `’`: the fold is ASCII lower case alone, compared above.
        return false;
    }
    match (fold(a), fold(b)) {
        (Some(x), Some(y)) => x.as_str() == y.as_str(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_look_up() {
        assert_eq!(reporting("Said"), Some(Reporting::Speech));
        assert_eq!(reporting("notes"), Some(Reporting::Writing));
        assert_eq!(reporting("table"), None);
        assert_eq!(reporting_pair("According", "to"), Some(Reporting::Speech));
        assert_eq!(
            cue_word("ACCORDING"),
            Some(CueWord {
                single: None,
                pair: true
            })
        );
        assert_eq!(
            cue_word("said").map(|c| c.single),
            Some(Some(Reporting::Speech))
        );
        assert_eq!(cue_word("table"), None);
        assert_eq!(speaker_noun("officials"), Some(SpeakerNoun::Person));
        assert_eq!(speaker_noun("Americans"), Some(SpeakerNoun::Person));
        assert_eq!(speaker_noun("article"), Some(SpeakerNoun::Text));
        assert_eq!(speaker_noun("x".repeat(100).as_str()), None);
        assert_eq!(reporting_pair("x".repeat(40).as_str(), "to"), None);
        assert_eq!(reporting_pair("according", "x".repeat(40).as_str()), None);
    }

    #[test]
    fn folded_words_compare_without_case_or_apostrophe_style() {
        assert!(same_word("Don’t", "don't"));
        assert!(same_word("OF", "of"));
        assert!(!same_word("of", "off"));
        assert!(same_word(&"É".repeat(20), &"é".repeat(20)));
        assert!(same_word("naïve", "NAÏVE"));
    }

    #[test]
    fn phrases_match_longest_first() {
        let text = "Of course, it’s true that even so: even, so";
        let toks: Vec<_> =
            crate::words::tokens(text, crate::span::Span::new(0, text.len())).collect();
        let opener = |i| {
            cues_at(text, &toks, i, Cue::ConcessiveOpener)
                .map(|(n, _)| n)
                .next()
        };
        assert_eq!(opener(0), Some(2));
        assert_eq!(opener(3), Some(3));
        let counter: Vec<_> = (0..toks.len())
            .filter_map(|i| {
                cues_at(text, &toks, i, Cue::Counter)
                    .next()
                    .map(|(n, _)| (i, n))
            })
            .collect();
        // "even so" matches; "even , so" does not, "so" alone is no counter.
        assert_eq!(counter, [(6, 2)]);
    }
}
