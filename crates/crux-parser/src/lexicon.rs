//! Word lists embedded at build time from `data/`, parsed once.
//!
//! Each list is a tab-separated file of `entry <TAB> category` lines with `#` comments; its
//! source is documented at its top and in `data/README.md`. Lookups lower-case ASCII on the
//! stack, so they never allocate, and hash with [`FxHasher`], a multiply-rotate hash far cheaper
//! than the standard library's SipHash on short words (the keys are our own word lists, not
//! input, so hash flooding is no concern).
//!
//! [`Phrases`] is the shared matcher for the stages that look up multi-word cues at every
//! token (caveats, claims, the analysis): see its documentation.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A fast, non-cryptographic hasher for short keys (the `FxHash` of rustc and Firefox):
/// eight bytes at a time, one rotate, xor and multiply each. Deterministic across runs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` hashed with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Eight bytes in ASCII lower case at once (bytes outside ASCII unchanged): the bit trick of
/// the standard library's `make_ascii_lowercase`.
#[inline]
fn lower_u64(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let heptets = w & !HIGH;
    // Each byte's high bit: set when the byte is at least 'A', and when it is above 'Z'.
    let at_least_a = heptets + 0x3f3f_3f3f_3f3f_3f3f;
    let above_z = heptets + 0x2525_2525_2525_2525;
    let upper = !w & (at_least_a ^ above_z) & HIGH;
    w | (upper >> 2)
}

/// The hash of `bytes`, in ASCII lower case when `lower`, without copying them.
#[inline]
fn word_hash(bytes: &[u8], lower: bool) -> u64 {
    let mut h = FxHasher::default();
    let fold = |w: u64| if lower { lower_u64(w) } else { w };
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        h.add(fold(u64::from_le_bytes(b)));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h.add(fold(tail(rest)));
    }
    h.add(bytes.len() as u64);
    h.hash
}

/// The last one to seven bytes of a word as one `u64`, read in at most two loads rather
/// than a copy of variable length (which calls `memcpy`). Each byte keeps its own lane, so
/// that [`lower_u64`] folds them; with the length hashed too, different tails of one length
/// give different values.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        // Two overlapping four-byte loads.
        let mut lo = [0u8; 4];
        lo.copy_from_slice(&rest[..4]);
        let mut hi = [0u8; 4];
        hi.copy_from_slice(&rest[n - 4..]);
        u64::from(u32::from_le_bytes(lo)) | u64::from(u32::from_le_bytes(hi)) << 32
    } else {
        // One to three bytes: the first, the middle and the last.
        u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
    }
}

/// A map from words to values for the lookups done at every word: looked up as given
/// ([`WordMap::get`]) or in ASCII lower case ([`WordMap::get_lower`]) with neither a copy
/// nor an allocation of the word. An open-addressed table at most a quarter full, hashed with
/// [`FxHasher`], so that a word that is not listed (most words) usually costs one hash and
/// one empty slot; words longer than the longest entry are answered before hashing. Its keys
/// are `K`: borrowed from the embedded lists, or owned (the folded words of [`Phrases`]).
#[derive(Debug)]
pub(crate) struct Table<K, T> {
    slots: Box<[Option<(K, T)>]>,
    mask: usize,
    max_len: usize,
}

/// A [`Table`] of words from the embedded lists.
pub(crate) type WordMap<T> = Table<&'static [u8], T>;

impl<K: AsRef<[u8]> + Clone, T: Clone> Table<K, T> {
    /// A table of `(key, value)` entries; a key listed twice keeps its last value.
    fn build(entries: Vec<(K, T)>) -> Table<K, T> {
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut map: Table<K, T> = Table {
            slots: vec![None; size].into_boxed_slice(),
            mask: size - 1,
            max_len: 0,
        };
        for (key, value) in entries {
            let bytes = key.as_ref();
            map.max_len = map.max_len.max(bytes.len());
            let mut i = map.slot(word_hash(bytes, false));
            loop {
                match &mut map.slots[i] {
                    Some((k, v)) if k.as_ref() == key.as_ref() => {
                        *v = value;
                        break;
                    }
                    Some(_) => i = (i + 1) & map.mask,
                    slot @ None => {
                        *slot = Some((key, value));
                        break;
                    }
                }
            }
        }
        map
    }
}

impl<K: AsRef<[u8]>, T> Table<K, T> {
    /// The first slot to probe for a hash: its high bits, which a multiplicative hash mixes
    /// well (its low bits depend on the low bits of the last word hashed alone, so that words
    /// of one length would crowd into a few slots).
    #[inline]
    fn slot(&self, hash: u64) -> usize {
        usize::try_from(hash >> 32).unwrap_or_default() & self.mask
    }

    /// The value of `word`, as given or in ASCII lower case.
    #[inline]
    fn find(&self, word: &[u8], lower: bool) -> Option<&T> {
        if word.len() > self.max_len {
            return None;
        }
        let mut i = self.slot(word_hash(word, lower));
        // The table is at most a quarter full: there is always an empty slot to stop at.
        while let Some((key, value)) = &self.slots[i] {
            let key = key.as_ref();
            let same = if lower {
                key.len() == word.len()
                    && key
                        .iter()
                        .zip(word)
                        .all(|(k, w)| *k == w.to_ascii_lowercase())
            } else {
                key == word
            };
            if same {
                return Some(value);
            }
            i = (i + 1) & self.mask;
        }
        None
    }
}

impl<T: Copy> WordMap<T> {
    /// A map of `(word, value)` entries; a word listed twice keeps its last value.
    pub(crate) fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> WordMap<T> {
        Table::build(
            entries
                .into_iter()
                .map(|(word, value)| (word.as_bytes(), value))
                .collect(),
        )
    }

    /// The value of `word` exactly as listed.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<T> {
        self.find(word.as_bytes(), false).copied()
    }

    /// The value of `word` in ASCII lower case ("Said" finds "said", never "Said").
    #[inline]
    pub(crate) fn get_lower(&self, word: &str) -> Option<T> {
        self.find(word.as_bytes(), true).copied()
    }

    /// The listed words and their values, in no particular order.
    fn entries(&self) -> impl Iterator<Item = (&'static [u8], T)> + '_ {
        self.slots.iter().flatten().copied()
    }
}

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

/// The entries of an embedded data file: its lines without `#` comments (whole-line or
/// trailing), trimmed, blank ones skipped.
pub(crate) fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
}

/// Parses an `entry <TAB> category` data file into a map.
///
/// # Panics
///
/// Panics on a malformed line or an unknown category: the files are embedded at build time,
/// and a unit test loads every one, so a bad edit fails the tests, never a user's run.
fn parse<T: Copy>(
    name: &str,
    data: &'static str,
    category: impl Fn(&str) -> Option<T>,
) -> WordMap<T> {
    WordMap::new(data_lines(data).map(|line| {
        let (entry, cat) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{name}: expected entry<TAB>category in {line:?}"));
        let cat = category(cat.trim())
            .unwrap_or_else(|| panic!("{name}: unknown category {cat:?} in {line:?}"));
        (entry.trim(), cat)
    }))
}

static REPORTING: LazyLock<WordMap<Reporting>> = LazyLock::new(|| {
    parse(
        "reporting_verbs.tsv",
        include_str!("../data/reporting_verbs.tsv"),
        |c| match c {
            "speech" => Some(Reporting::Speech),
            "writing" => Some(Reporting::Writing),
            "belief" => Some(Reporting::Belief),
            "finding" => Some(Reporting::Finding),
            "intention" => Some(Reporting::Intention),
            _ => None,
        },
    )
});

static SPEAKER_NOUNS: LazyLock<WordMap<SpeakerNoun>> = LazyLock::new(|| {
    parse(
        "speaker_nouns.tsv",
        include_str!("../data/speaker_nouns.tsv"),
        |c| match c {
            "person" => Some(SpeakerNoun::Person),
            "organisation" => Some(SpeakerNoun::Organisation),
            "text" => Some(SpeakerNoun::Text),
            _ => None,
        },
    )
});

/// What a word can be in a reporting cue: a one-word cue, and the first word of a two-word one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct CueWord {
    /// Its category as a one-word cue ("said").
    pub(crate) single: Option<Reporting>,
    /// Whether it begins a two-word cue ("according" of "according to").
    pub(crate) pair: bool,
}

/// Every word that can begin a reporting cue: one lookup tells most words (which begin none)
/// from the rest.
static CUE_WORDS: LazyLock<WordMap<CueWord>> = LazyLock::new(|| {
    let mut words: FxHashMap<&'static [u8], CueWord> = FxHashMap::default();
    for (key, category) in REPORTING.entries() {
        match key.iter().position(|&b| b == b' ') {
            Some(space) => words.entry(&key[..space]).or_default().pair = true,
            None => words.entry(key).or_default().single = Some(category),
        }
    }
    let mut entries: Vec<(&'static [u8], CueWord)> = words.into_iter().collect();
    // Sorted, so that the table is built the same way on every run.
    entries.sort_unstable_by_key(|&(k, _)| k);
    WordMap::new(
        entries
            .into_iter()
            // The keys are parts of `&'static str` entries, cut at a space: valid UTF-8.
            .filter_map(|(k, v)| Some((std::str::from_utf8(k).ok()?, v))),
    )
});

/// `word` in ASCII lower case, in `buf`; `None` when it is longer than the buffer, and so
/// longer than any listed entry. Lookups use this instead of allocating a lower-case copy.
pub(crate) fn lower<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let out = lower_bytes(word, buf)?;
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).ok()
}

/// `word`'s bytes in ASCII lower case, in `buf`; `None` when it is longer than the buffer.
#[inline]
fn lower_bytes<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(out)
}

/// What `word` (in any ASCII case) can be in a reporting cue; `None` for most words.
pub(crate) fn cue_word(word: &str) -> Option<CueWord> {
    CUE_WORDS.get_lower(word)
}

/// The category of a one-word reporting verb ("said", "notes").
#[cfg(test)]
pub(crate) fn reporting(word: &str) -> Option<Reporting> {
    REPORTING.get_lower(word)
}

/// The category of a two-word reporting phrase ("according to", "points out").
pub(crate) fn reporting_pair(first: &str, second: &str) -> Option<Reporting> {
    let mut a = [0; 32];
    let first = lower_bytes(first, &mut a)?;
    let mut b = [0; 32];
    let second = lower_bytes(second, &mut b)?;
    let mut joined = [0u8; 65];
    let len = first.len() + 1 + second.len();
    joined[..first.len()].copy_from_slice(first);
    joined[first.len()] = b' ';
    joined[first.len() + 1..len].copy_from_slice(second);
    REPORTING.find(&joined[..len], false).copied()
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

static PARTITIVES: LazyLock<WordMap<Partitive>> = LazyLock::new(|| {
    parse(
        "partitives.tsv",
        include_str!("../data/partitives.tsv"),
        |c| match c {
            "quantifier" => Some(Partitive::Quantifier),
            "number" => Some(Partitive::Number),
            "modifier" => Some(Partitive::Modifier),
            _ => None,
        },
    )
});

/// The role of a word in a quantity phrase before a partitive "of", if it has one.
pub(crate) fn partitive(word: &str) -> Option<Partitive> {
    PARTITIVES.get(word).or_else(|| PARTITIVES.get_lower(word))
}

/// The category of a noun that can name a speaker ("officials", "article").
pub(crate) fn speaker_noun(word: &str) -> Option<SpeakerNoun> {
    SPEAKER_NOUNS
        .get(word)
        .or_else(|| SPEAKER_NOUNS.get_lower(word))
}

/// Longest word, in bytes, that a [`Folded`] key holds; longer words match no entry.
pub(crate) const MAX_WORD: usize = 48;

/// A word folded for comparison, on the stack: ASCII lower case, and the typographic
/// apostrophe `’` as `'` (so "don’t" and "don't" are one key). Non-ASCII letters are kept as
/// they are, as `same_word` in the caveat stage does.
#[derive(Clone, Copy)]
pub(crate) struct Folded {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl std::fmt::Debug for Folded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Folded").field(&self.as_bytes()).finish()
    }
}

impl Folded {
    /// Folds `word`; `None` when the folded word is longer than [`MAX_WORD`] bytes.
    #[must_use]
    #[inline]
    pub(crate) fn new(word: &str) -> Option<Folded> {
        let mut buf = [0u8; MAX_WORD];
        let bytes = word.as_bytes();
        if bytes.is_ascii() {
            // No `’`, as in most words: a copy in lower case.
            let out = buf.get_mut(..bytes.len())?;
            out.copy_from_slice(bytes);
            out.make_ascii_lowercase();
            return Some(Folded {
                buf,
                len: bytes.len(),
            });
        }
        let mut len = 0;
        let mut i = 0;
        while i < bytes.len() {
            let (b, step) = if bytes[i..].starts_with("’".as_bytes()) {
                (b'\'', 3)
            } else {
                (bytes[i].to_ascii_lowercase(), 1)
            };
            *buf.get_mut(len)? = b;
            len += 1;
            i += step;
        }
        Some(Folded { buf, len })
    }

    /// The folded bytes (valid UTF-8).
    #[must_use]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Whether `word` folds to `folded` (a [`Folded`] word's bytes), without copying it when it is
/// ASCII.
#[inline]
fn folds_to(word: &str, folded: &[u8]) -> bool {
    if word.is_ascii() {
        word.len() == folded.len()
            && word
                .bytes()
                .zip(folded)
                .all(|(w, f)| w.to_ascii_lowercase() == *f)
    } else {
        Folded::new(word).is_some_and(|f| f.as_bytes() == folded)
    }
}

/// Whether two words are equal ignoring ASCII case and apostrophe style, without allocating.
///
/// ```
/// assert!(crux_parser::same_word("Don’t", "don't"));
/// assert!(!crux_parser::same_word("of", "off"));
/// ```
#[must_use]
pub fn same_word(a: &str, b: &str) -> bool {
    if a.len() == b.len() && a.eq_ignore_ascii_case(b) {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        // Neither holds `’`: the fold is ASCII lower case alone, compared above.
        return false;
    }
    match (Folded::new(a), Folded::new(b)) {
        (Some(x), Some(y)) => x.as_bytes() == y.as_bytes(),
        // A word too long to fold: compare char by char.
        _ => {
            let fold = |c: char| {
                if c == '’' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                }
            };
            a.chars().map(fold).eq(b.chars().map(fold))
        }
    }
}

/// A case-insensitive table of word phrases ("of course", "at least", "may"), each with a
/// value, matched over the tokens of a sentence with no allocation per word.
///
/// Built once (in a `LazyLock`) from `(phrase, value)` pairs, the phrase's words separated by
/// single spaces. Lookup folds the token at `i` on the stack (ASCII lower case, `’` as `'`,
/// as [`same_word`] compares), finds the phrases that start with that word through one
/// multiply-rotate hash probe, and compares the following tokens word by word; punctuation
/// tokens never match a word. Phrases sharing a first word are tried longest first, then in
/// the order given, so a caller that takes the first match whose sense it accepts gets
/// "longest match first" for free.
///
/// ```
/// use crux_parser::{Phrases, Span, Token, tokens};
///
/// let cues = Phrases::new([("of course", "booster"), ("of", "none"), ("may", "hedge")]);
/// let text = "Of course, it MAY rain.";
/// let toks: Vec<Token> = tokens(text, Span::new(0, text.len())).collect();
/// // At token 0: "of course" (2 tokens) first, then "of".
/// let at_0: Vec<_> = cues.at(text, &toks, 0).collect();
/// assert_eq!(at_0, [(2, &"booster"), (1, &"none")]);
/// // The longest match that a caller's own test accepts, at every token.
/// let found: Vec<(usize, usize, &str)> = (0..toks.len())
///     .filter_map(|i| cues.at(text, &toks, i).find(|_| true).map(|(n, v)| (i, n, *v)))
///     .collect();
/// assert_eq!(found, [(0, 2, "booster"), (4, 1, "hedge")]);
/// ```
///
/// The caveat and claim stages match their cues with it; the analysis `LEXICON` (keyed the
/// same way) can be this table too.
#[derive(Debug)]
pub struct Phrases<T> {
    /// Each folded first word, with the index of its entries in `groups`.
    index: Table<Box<[u8]>, usize>,
    /// For each first word, the entries that start with it, longest first.
    groups: Vec<Vec<PhraseEntry<T>>>,
}

#[derive(Debug)]
struct PhraseEntry<T> {
    /// The folded words after the first.
    rest: Vec<Box<[u8]>>,
    value: T,
}

impl<T> Phrases<T> {
    /// A table of `(phrase, value)` pairs.
    ///
    /// # Panics
    ///
    /// Panics on an empty phrase or a word longer than 48 bytes: the phrases are
    /// embedded data, loaded by a unit test, so a bad entry fails the tests, never a user's run.
    /// For phrases from users' files, [`Phrases::try_new`] reports them instead.
    #[must_use]
    pub fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, T)>) -> Phrases<T> {
        Phrases::try_new(entries).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A table of `(phrase, value)` pairs, the phrases borrowed or owned (a user's lexicon).
    ///
    /// # Errors
    ///
    /// An empty phrase, or one with a word longer than 48 bytes (which no word of a text
    /// could match), is an error that names it.
    ///
    /// ```
    /// use crux_parser::Phrases;
    ///
    /// let user = vec![(String::from("at risk"), 1), (String::from("n't"), 2)];
    /// assert!(Phrases::try_new(user).is_ok());
    /// assert!(Phrases::try_new([("  ", 1)]).is_err());
    /// ```
    pub fn try_new<S: AsRef<str>>(
        entries: impl IntoIterator<Item = (S, T)>,
    ) -> Result<Phrases<T>, String> {
        let mut index: FxHashMap<Box<[u8]>, usize> = FxHashMap::default();
        let mut groups: Vec<Vec<PhraseEntry<T>>> = Vec::new();
        for (phrase, value) in entries {
            let phrase = phrase.as_ref();
            let mut words: Vec<Box<[u8]>> = Vec::new();
            for w in phrase.split(' ').filter(|w| !w.is_empty()) {
                let folded =
                    Folded::new(w).ok_or_else(|| format!("phrase word too long: {w:?}"))?;
                words.push(folded.as_bytes().into());
            }
            let mut words = words.into_iter();
            let first = words
                .next()
                .ok_or_else(|| format!("empty phrase {phrase:?}"))?;
            let rest = words.collect();
            let next = groups.len();
            let g = *index.entry(first).or_insert(next);
            if g == next {
                groups.push(Vec::new());
            }
            groups[g].push(PhraseEntry { rest, value });
        }
        for entries in &mut groups {
            // Stable: equal lengths keep the order given.
            entries.sort_by_key(|e| std::cmp::Reverse(e.rest.len()));
        }
        Ok(Phrases {
            // Each word once: the order they go in does not change what a lookup finds.
            index: Table::build(index.into_iter().collect()),
            groups,
        })
    }

    /// The entries whose folded first word is `word` folded: one hash probe over the word's
    /// own bytes, folded as they are hashed (a word with a `’` is folded on the stack first).
    #[inline]
    fn first(&self, word: &str) -> &[PhraseEntry<T>] {
        let bytes = word.as_bytes();
        let group = if bytes.is_ascii() {
            self.index.find(bytes, true).copied()
        } else {
            Folded::new(word).and_then(|f| self.index.find(f.as_bytes(), false).copied())
        };
        group.map_or(&[][..], |g| &self.groups[g])
    }

    /// The phrases that match the tokens from `i` on, longest first, each with its length in
    /// tokens.
    pub fn at<'s, 't>(
        &'s self,
        text: &'t str,
        tokens: &'t [crate::words::Token],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'s T)> + use<'s, 't, T> {
        let word = |k: usize| tokens.get(k).filter(|t| t.word).map(|t| &text[t.span]);
        let entries = word(i).map_or(&[][..], |w| self.first(w));
        entries.iter().filter_map(move |e| {
            e.rest
                .iter()
                .enumerate()
                .all(|(k, w)| word(i + 1 + k).is_some_and(|t| folds_to(t, w)))
                .then_some((e.rest.len() + 1, &e.value))
        })
    }

    /// Every phrase whose first word is `word` (folded), longest first, each with its length in
    /// words, the words after the first not checked: for callers with their own rule for
    /// the rest (the analysis reads any word ending in "n't" as the entry "n't").
    pub fn starting_with(&self, word: &str) -> impl Iterator<Item = (usize, &T)> + '_ {
        self.first(word)
            .iter()
            .map(|e| (e.rest.len() + 1, &e.value))
    }

    /// The longest phrase that matches the tokens from `i` on: its length in tokens and value.
    #[must_use]
    pub fn longest_at(
        &self,
        text: &str,
        tokens: &[crate::words::Token],
        i: usize,
    ) -> Option<(usize, &T)> {
        self.at(text, tokens, i).next()
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
    fn word_map_agrees_with_a_hash_map() {
        let words = [
            "said",
            "Said",
            "SAID",
            "says",
            "according",
            "Americans",
            "americans",
            "AMERICANS",
            "officials",
            "x",
            "",
            "naïve",
            "ÉCRIT",
            "abcdefghijklmnopqrstuvwxyz",
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{",
            "wrote",
            "Wrote9",
        ];
        let entries = [
            ("said", 1),
            ("Americans", 2),
            ("naïve", 3),
            ("abcdefghijklmnopqrstuvwxyz", 4),
            ("said", 5),
        ];
        let map = WordMap::new(entries);
        let reference: HashMap<&str, i32> = entries.into_iter().collect();
        for w in words {
            assert_eq!(map.get(w), reference.get(w).copied(), "{w}");
            let lower = w.to_ascii_lowercase();
            assert_eq!(
                map.get_lower(w),
                reference.get(lower.as_str()).copied(),
                "{w}"
            );
        }
        for (n, b) in (0..=255u8).enumerate() {
            let w = u64::from_le_bytes([b; 8]);
            assert_eq!(
                lower_u64(w),
                u64::from_le_bytes([b.to_ascii_lowercase(); 8]),
                "{n}"
            );
        }
    }

    #[test]
    fn folded_words_compare_without_case_or_apostrophe_style() {
        assert!(same_word("Don’t", "don't"));
        assert!(same_word("OF", "of"));
        assert!(!same_word("of", "off"));
        assert!(same_word(&"É".repeat(40), &"É".repeat(40)));
        assert!(Folded::new(&"x".repeat(MAX_WORD + 1)).is_none());
    }

    #[test]
    fn phrases_match_longest_first() {
        let phrases = Phrases::new([("of course", 1), ("of", 2), ("at least", 3), ("don't", 4)]);
        let text = "Of course, at least OF it; don’t.";
        let toks: Vec<_> =
            crate::words::tokens(text, crate::span::Span::new(0, text.len())).collect();
        let found: Vec<_> = (0..toks.len())
            .filter_map(|i| phrases.longest_at(text, &toks, i).map(|(n, v)| (i, n, *v)))
            .collect();
        assert_eq!(found, [(0, 2, 1), (3, 2, 3), (5, 1, 2), (8, 1, 4)]);
        assert_eq!(phrases.at(text, &toks, 0).count(), 2);
        assert_eq!(phrases.at(text, &toks, 2).count(), 0);
        // A curly apostrophe in the first word or a later one, in any case.
        let phrases = Phrases::new([("it's true that", 1), ("don't know", 2)]);
        let text = "IT’S True that I DON’T KNOW; naïve don’t knoW.";
        let toks: Vec<_> =
            crate::words::tokens(text, crate::span::Span::new(0, text.len())).collect();
        let found: Vec<_> = (0..toks.len())
            .filter_map(|i| phrases.longest_at(text, &toks, i).map(|(n, v)| (i, n, *v)))
            .collect();
        assert_eq!(found, [(0, 3, 1), (4, 2, 2), (8, 2, 2)]);
        assert!(!same_word("naïve", "NAÏVE"));
        assert!(same_word("naïve", "NAïVE"));
    }
}
