//! crux's one lexicon layer: every word list of the parser and the analysis, as data files in
//! `data/` (each entry with its category and its source), folded by one rule ([`fold`]) and
//! compiled into one table at build time (`build.rs`): for a folded word, [`lookup`] gives
//! every entry, in every lexicon, that starts with it. Nothing is built at start-up.
//!
//! ```
//! use crux_lexicon::{Cue, Kind, lookup};
//!
//! let said = lookup("Said").expect("a reporting verb");
//! assert!(said.has(Kind::ReportingVerb));
//! assert!(crux_lexicon::is("However", Cue::Counter));
//! ```

#![forbid(unsafe_code)]

mod fold;
mod fx;
mod user;

pub use fx::{FxHashMap, FxHasher};
pub use user::{Overlay, UserLines, read, with_overlay};

pub use fold::{Folded, MAX_WORD, fold, short_hash, short_key, word_hash};

include!(concat!(env!("OUT_DIR"), "/table.rs"));

/// Which lexicon (data file) an entry belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// `abbreviations.txt`: abbreviations, by what the full stop after them means.
    Abbreviation,
    /// `sentence_starters.txt`: words that commonly open a sentence.
    SentenceStarter,
    /// `byline-roles.txt`: role and affiliation words of bylines.
    BylineRole,
    /// `name-particles.txt`: particles inside personal names (matched exactly).
    NameParticle,
    /// `tagline-roles.txt`: occupation nouns of contributor taglines.
    TaglineRole,
    /// `caveat_senses.tsv`: context words that decide a caveat cue's sense.
    CaveatSense,
    /// `caveats.tsv`: caveat and booster cues.
    Caveat,
    /// `claim_cues.tsv`: words that type a claim.
    ClaimCue,
    /// `claim_frames.tsv`: function words of claim frames.
    ClaimFrame,
    /// `evaluative_valence.tsv`: evaluative words with their valence.
    Valence,
    /// `event_words.txt`: event and topic words.
    EventWord,
    /// `mention_words.tsv`: words of the mention model.
    MentionWord,
    /// `partitives.tsv`: words of a quantity phrase before "of".
    Partitive,
    /// `reporting_verbs.tsv`: reporting verbs and phrases.
    ReportingVerb,
    /// `speaker_nouns.tsv`: nouns that can head a speaker's description.
    SpeakerNoun,
    /// `risk_benefit.tsv`, `evaluative.tsv`, `harm_gain.tsv`: the analysis's risk and benefit
    /// lexicon.
    Assessment,
    /// `cue_words.tsv`: closed classes tested by the parser's rules (see [`Cue`]).
    Cue,
}

impl Kind {
    #[inline]
    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// One entry of a lexicon.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Entry {
    /// Its lexicon.
    pub kind: Kind,
    /// Its cue category, for an entry of [`Kind::Cue`].
    pub cue: Option<Cue>,
    /// The entry as written in its file.
    pub form: &'static str,
    /// Its words, folded.
    pub words: &'static [&'static str],
    /// Its category (for a one-column file, the kind's name: `event-word`).
    pub category: &'static str,
    /// The columns after the category (a strength, a rule, a weight).
    pub fields: &'static [&'static str],
    /// The first of `fields` as a number, when it is one (a strength, a weight).
    pub value: Option<f64>,
    /// Where it comes from (its `# source:` line).
    pub source: &'static str,
    /// Its data file.
    pub file: &'static str,
    /// Its line in that file, from 1.
    pub line: u32,
}

impl Entry {
    /// Whether the entry is written folded (lower case): it then matches a word in any case.
    /// An entry written with capitals ("Americans" of `speaker_nouns.tsv`) is, for the
    /// lexicons that say so, matched only as written.
    #[must_use]
    pub fn is_folded(&self) -> bool {
        self.words.len() == 1 && self.form == self.words[0]
            || self.form.split_whitespace().eq(self.words.iter().copied())
    }
}

/// Everything the lexicons hold for one folded word.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    key: &'static str,
    /// The key as one number when it has at most eight bytes ([`short_key`]).
    short: u64,
    /// The kinds with an entry starting with this word, as bits.
    kinds: u32,
    /// The kinds with a one-word entry for this word, as bits.
    single: u32,
    /// The kinds with an entry of several words starting with this word, as bits.
    multi: u32,
    /// The cue categories with a one-word entry for this word, as bits.
    cues: u128,
    entries: &'static [&'static Entry],
}

impl Word {
    /// The folded word.
    #[must_use]
    pub fn key(&self) -> &'static str {
        self.key
    }

    /// Whether an entry of `kind` starts with this word.
    #[must_use]
    #[inline]
    pub fn has(&self, kind: Kind) -> bool {
        self.kinds & kind.bit() != 0
    }

    /// Whether `kind` has this word as a one-word entry.
    #[must_use]
    #[inline]
    pub fn single(&self, kind: Kind) -> bool {
        self.single & kind.bit() != 0
    }

    /// Whether `kind` has an entry of several words starting with this word.
    #[must_use]
    #[inline]
    pub fn begins_phrase(&self, kind: Kind) -> bool {
        self.multi & kind.bit() != 0
    }

    /// Whether the cue category `cue` has this word as a one-word entry.
    #[must_use]
    #[inline]
    pub fn is(&self, cue: Cue) -> bool {
        self.cues & (1 << (cue as u128)) != 0
    }

    /// Every entry that starts with this word: by kind, longest first, then in file order.
    pub fn entries(&self) -> impl Iterator<Item = &'static Entry> + use<> {
        self.entries.iter().copied()
    }

    /// The entries of `kind` that start with this word, longest first, then in file order.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &'static Entry> + use<> {
        let has = self.has(kind);
        self.entries()
            .skip_while(move |e| has && e.kind != kind)
            .take_while(move |e| has && e.kind == kind)
    }
}

/// The built-in word for an already folded key.
#[must_use]
#[inline]
pub fn lookup_folded(key: &str) -> Option<&'static Word> {
    if let Some(overlay) = user::current() {
        return user::overlay_word(overlay, key).or_else(|| find(key.as_bytes(), false));
    }
    find(key.as_bytes(), false)
}

/// The word whose key is `bytes`, compared exactly or, when `ascii` (an ASCII word, not
/// folded), in ASCII lower case: one hash, folded as it is computed, and a probe.
#[inline]
fn find(bytes: &[u8], ascii: bool) -> Option<&'static Word> {
    find_index(bytes, ascii).map(|i| &WORDS[i])
}

/// [`find`]'s word as its index in `WORDS`.
#[inline]
fn find_index(bytes: &[u8], ascii: bool) -> Option<usize> {
    if bytes.len() > MAX_KEY {
        return None;
    }
    let (hash, short) = if bytes.len() <= 8 {
        let short = short_key(bytes);
        (fold::short_hash(short, bytes.len()), short)
    } else {
        (word_hash(bytes), 0)
    };
    probe(hash, |w| {
        let key = w.key.as_bytes();
        key.len() == bytes.len()
            && if bytes.len() <= 8 {
                w.short == short
            } else if ascii {
                key.eq_ignore_ascii_case(bytes)
            } else {
                key == bytes
            }
    })
}

/// The index of the word of the table's probe sequence for `hash` that `matches`: the slots
/// from the hash's home on, those whose 16-bit tag is the hash's asked, up to an empty one.
#[inline(always)]
fn probe(hash: u64, matches: impl Fn(&Word) -> bool) -> Option<usize> {
    let tag = (hash & 0xffff) as u32;
    let mut s = usize::try_from(hash >> 32).unwrap_or_default() & MASK;
    loop {
        let slot = SLOTS[s];
        if slot == 0 {
            return None;
        }
        if slot >> 16 == tag {
            let index = (slot & 0xffff) as usize - 1;
            if matches(&WORDS[index]) {
                return Some(index);
            }
        }
        s = (s + 1) & MASK;
    }
}

/// [`find_index`] of a word of one to eight bytes given as its [`short_key`] and its length.
#[inline]
fn find_short(short: u64, len: usize) -> Option<usize> {
    probe(fold::short_hash(short, len), |w| {
        w.short == short && w.key.len() == len
    })
}

/// Everything the built-in lexicons hold for `word` (folded by [`fold`]); `None` for most
/// words. An ASCII word is looked up without a copy.
#[must_use]
#[inline]
pub fn lookup(word: &str) -> Option<&'static Word> {
    if let Some(overlay) = user::current()
        && let Some(w) = fold(word).and_then(|key| user::overlay_word(overlay, key.as_str()))
    {
        return Some(w);
    }
    let bytes = word.as_bytes();
    if bytes.is_ascii() {
        return find(bytes, true);
    }
    if bytes.len() > MAX_KEY * 4 {
        return None;
    }
    lookup_folded(fold(word)?.as_str())
}

/// A word's lookup, done once and kept beside it in 16 bits (a token of the parser carries
/// one), so that the stages that ask about the same word ask the table once: [`Probe::word`]
/// gives what [`lookup`] gives for that word.
///
/// A probe taken while a user's overlay is in use ([`with_overlay`]) keeps nothing, and one
/// read while an overlay is in use looks the word up again: the overlay's words are not in
/// the built-in table.
///
/// ```
/// use crux_lexicon::{Cue, Probe, lookup};
///
/// let probe = Probe::new("However");
/// assert!(probe.word("However").is_some_and(|w| w.is(Cue::Counter)));
/// assert!(Probe::new("zzzqqq").word("zzzqqq").is_none());
/// assert_eq!(Probe::UNKNOWN.word("said").map(|w| w.key()), lookup("said").map(|w| w.key()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Probe(u16);

impl Probe {
    /// No lookup kept: [`Probe::word`] looks the word up.
    pub const UNKNOWN: Probe = Probe(0);
    /// Looked up: not in the table.
    const ABSENT: Probe = Probe(1);

    /// `word` looked up in the built-in table, unless a user's overlay is in use.
    #[must_use]
    #[inline]
    pub fn new(word: &str) -> Probe {
        if user::current().is_some() {
            return Probe::UNKNOWN;
        }
        let bytes = word.as_bytes();
        let index = if bytes.is_ascii() {
            find_index(bytes, true)
        } else if bytes.len() > MAX_KEY * 4 {
            None
        } else {
            fold(word).and_then(|f| find_index(f.as_str().as_bytes(), false))
        };
        // `build.rs` keeps the words fewer than 2^16 - 2.
        index
            .and_then(|i| u16::try_from(i + 2).ok())
            .map_or(Probe::ABSENT, Probe)
    }

    /// Whether probes taken now keep their lookups: not while a user's overlay is in use
    /// (then [`Probe::new`] gives [`Probe::UNKNOWN`]). A caller that probes many words asks
    /// this once and then takes [`Probe::ascii`] of each ASCII word.
    #[must_use]
    #[inline]
    pub fn keeps() -> bool {
        user::current().is_none()
    }

    /// [`Probe::new`] of an ASCII word (`bytes`, in any case), when [`Probe::keeps`]: without
    /// asking for the overlay again or scanning the word for other bytes. A word of at most
    /// eight bytes is hashed from two loads of its bytes and compared with a key in one
    /// instruction.
    #[must_use]
    #[inline]
    pub fn ascii(bytes: &[u8]) -> Probe {
        debug_assert!(bytes.is_ascii());
        let index = if bytes.len() <= 8 {
            find_short(short_key(bytes), bytes.len())
        } else {
            find_index(bytes, true)
        };
        index
            .and_then(|i| u16::try_from(i + 2).ok())
            .map_or(Probe::ABSENT, Probe)
    }

    /// What the lexicons hold for `word`, the word this probe was taken of: [`lookup`]'s
    /// answer, without a second lookup when the probe kept one.
    #[must_use]
    #[inline]
    pub fn word(self, word: &str) -> Option<&'static Word> {
        self.kept().unwrap_or_else(|| lookup(word))
    }

    /// The answer the probe kept, when it kept one and no user's overlay is in use: then it
    /// is what [`lookup`] gives for its word. `None` when the word must be looked up.
    #[must_use]
    #[inline]
    pub fn kept(self) -> Option<Option<&'static Word>> {
        if self == Probe::UNKNOWN || user::current().is_some() {
            return None;
        }
        if self == Probe::ABSENT {
            return Some(None);
        }
        WORDS.get(usize::from(self.0) - 2).map(Some)
    }
}

/// Whether `word` folds to `key` (a folded word), without a copy when it is ASCII.
#[must_use]
#[inline]
pub fn folds_to(word: &str, key: &str) -> bool {
    if word.is_ascii() {
        word.len() == key.len() && word.eq_ignore_ascii_case(key)
    } else {
        fold(word).is_some_and(|f| f.as_str() == key)
    }
}

/// Whether `word` (folded) is a one-word entry of the cue category `cue`.
#[must_use]
#[inline]
pub fn is(word: &str, cue: Cue) -> bool {
    lookup(word).is_some_and(|w| w.is(cue))
}

/// Whether `word`, exactly as written (case and apostrophe style), is an entry of `cue`.
#[must_use]
pub fn is_exactly(word: &str, cue: Cue) -> bool {
    lookup(word).is_some_and(|w| {
        w.of(Kind::Cue)
            .any(|e| e.cue == Some(cue) && e.form == word)
    })
}

/// Whether `word`, exactly as written, is an entry of `kind`.
#[must_use]
pub fn is_exactly_of(word: &str, kind: Kind) -> bool {
    lookup(word).is_some_and(|w| w.of(kind).any(|e| e.form == word))
}

/// The entries of a cue category, in file order (a user's after the built-in ones).
pub fn cue_entries(cue: Cue) -> impl Iterator<Item = &'static Entry> {
    let user = user::current().and_then(|o| user::overlay_cue(o, cue));
    let builtin = user.is_none().then(|| cue_entries_builtin(cue));
    builtin
        .into_iter()
        .flatten()
        .chain(user.into_iter().flatten().copied())
}

/// The built-in entries of a cue category, in file order.
fn cue_entries_builtin(cue: Cue) -> impl Iterator<Item = &'static Entry> {
    CUE_ENTRIES[cue as usize]
        .iter()
        .map(|&i| &ENTRIES[i as usize])
}

/// Every built-in word, each with its entries.
#[must_use]
pub fn words() -> &'static [Word] {
    &WORDS
}

/// A line of a lexicon file that could not be read: the file, the line and the reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
#[non_exhaustive]
pub struct LexiconError {
    /// The name the lexicon was given (its file name).
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl LexiconError {
    /// An error at `line` of `file`.
    #[must_use]
    pub fn new(file: &str, line: usize, reason: impl Into<String>) -> LexiconError {
        LexiconError {
            file: file.to_owned(),
            line,
            reason: reason.into(),
        }
    }
}

/// Every built-in entry, in file order.
#[must_use]
pub fn entries() -> &'static [Entry] {
    &ENTRIES
}

/// The built-in entries of `kind`, in file order.
pub fn entries_of(kind: Kind) -> impl Iterator<Item = &'static Entry> {
    ENTRIES.iter().filter(move |e| e.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_category_and_a_source() {
        assert!(ENTRIES.len() > 9000);
        for e in entries() {
            assert!(!e.category.is_empty(), "{}:{}", e.file, e.line);
            assert!(!e.source.is_empty(), "{}:{}", e.file, e.line);
            assert!(!e.words.is_empty(), "{}:{}", e.file, e.line);
        }
    }

    #[test]
    fn every_word_is_found_with_its_entries() {
        for e in entries() {
            let w = lookup_folded(e.words[0]).expect("listed");
            assert!(w.has(e.kind));
            assert!(w.entries().any(|x| x == e) || e.kind == Kind::Assessment);
        }
        assert!(lookup("zzzqqq").is_none());
        assert!(lookup(&"x".repeat(500)).is_none());
    }

    #[test]
    fn a_probe_answers_as_a_lookup() {
        let key = |w: Option<&Word>| w.map(Word::key);
        for w in WORDS
            .iter()
            .map(|w| w.key)
            .chain([
                "", "Said", "SAID", "Don’t", "NAÏVE", "zzzqqq", ",", "é", "Saids",
            ])
            .chain(["ABCDEFGH", "abcdefghi", "Nevertheless", "a", "zz", "q9"])
        {
            assert_eq!(key(Probe::new(w).word(w)), key(lookup(w)), "{w}");
            assert_eq!(key(Probe::UNKNOWN.word(w)), key(lookup(w)), "{w}");
            if w.is_ascii() {
                let upper = w.to_ascii_uppercase();
                for v in [w, upper.as_str()] {
                    assert_eq!(
                        key(Probe::ascii(v.as_bytes()).word(v)),
                        key(lookup(v)),
                        "{v}"
                    );
                }
            }
        }
        let long = "x".repeat(500);
        assert!(Probe::new(&long).word(&long).is_none());
        // Under a user's overlay a probe keeps nothing, and one kept before looks up again.
        let lines = read("u.tsv", "[cue_words]\nnatch\tcounter\nhowever\toff\n").expect("ok");
        let overlay = Overlay::new(&lines.entries);
        let before = Probe::new("However");
        assert!(Probe::keeps());
        with_overlay(Some(overlay), || {
            assert!(!Probe::keeps());
            assert_eq!(Probe::new("natch"), Probe::UNKNOWN);
            assert!(
                Probe::new("Natch")
                    .word("Natch")
                    .is_some_and(|w| w.is(Cue::Counter))
            );
            assert!(!before.word("However").is_some_and(|w| w.is(Cue::Counter)));
        });
        assert!(before.word("However").is_some_and(|w| w.is(Cue::Counter)));
    }

    #[test]
    fn a_short_word_hashes_as_any_word() {
        for w in WORDS
            .iter()
            .map(|w| w.key)
            .chain(["", "a", "Said", "ABCDEFGH", "n't"])
        {
            let b = w.as_bytes();
            if b.len() <= 8 {
                assert_eq!(fold::short_hash(short_key(b), b.len()), word_hash(b), "{w}");
            }
        }
    }

    #[test]
    fn folding_is_one_rule() {
        assert_eq!(
            fold("Don’t").map(|f| f.as_str().to_owned()),
            Some("don't".into())
        );
        assert_eq!(
            fold("NAÏVE").map(|f| f.as_str().to_owned()),
            Some("naïve".into())
        );
        assert_eq!(
            fold("SAID").map(|f| f.as_str().to_owned()),
            Some("said".into())
        );
        assert!(fold(&"é".repeat(MAX_WORD)).is_none());
        assert!(is("However", Cue::Counter));
        assert!(!is("however", Cue::SpeakerPronoun));
        assert!(is_exactly("I’m", Cue::FirstPerson));
        assert!(!is_exactly("MY", Cue::FirstPerson));
        assert!(lookup("Said").is_some_and(|w| w.single(Kind::ReportingVerb)));
        let according = lookup("according").expect("listed");
        assert!(according.has(Kind::ReportingVerb) && !according.single(Kind::ReportingVerb));
    }

    #[test]
    fn a_user_overlay_adds_and_removes_entries_in_its_scope() {
        let text = "boondoggle\trisk\t0.7\n[cue_words]\nnatch\tcounter\nhowever\toff\n\
                    [reporting_verbs]\nopined\tspeech\tsource: a test\n";
        let lines = read("u.tsv", text).expect("well-formed");
        assert_eq!(lines.assessment.len(), 1);
        assert_eq!(lines.entries.len(), 3);
        assert_eq!(lines.entries[2].source, "a test");
        assert_eq!(lines.entries[0].source, "user lexicon u.tsv");
        let overlay = Overlay::new(&lines.entries);
        assert!(!is("natch", Cue::Counter));
        with_overlay(Some(overlay), || {
            assert!(is("Natch", Cue::Counter));
            assert!(!is("however", Cue::Counter));
            assert!(is("but", Cue::Counter));
            assert!(lookup("opined").is_some_and(|w| w.single(Kind::ReportingVerb)));
            assert!(cue_entries(Cue::Counter).any(|e| e.form == "natch"));
            assert!(!cue_entries(Cue::Counter).any(|e| e.form == "however"));
        });
        assert!(is("however", Cue::Counter));
        assert!(lookup("opined").is_none());
        let err = |t: &str| read("u.tsv", t).expect_err("malformed");
        assert_eq!(err("[nope]\n").line, 1);
        assert!(
            err("[cue_words]\nx\tnope\n")
                .reason
                .contains("unknown category")
        );
        assert_eq!(
            err("[caveats]\nx\thedge\t2\n").to_string(),
            "u.tsv:2: column 3 of section [caveats] must be a number in [0, 1], found \"2\""
        );
        assert!(
            err("[caveats]\nx\thedge\t0.5\tnope\n")
                .reason
                .contains("unknown value")
        );
    }
}
