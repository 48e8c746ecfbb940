//! Word lists embedded at build time from `data/`, parsed once.
//!
//! Each list is a tab-separated file of `entry <TAB> category` lines with `#` comments; its
//! source is documented at its top and in `data/README.md`. Lookups lower-case ASCII on the
//! stack, so they never allocate.

use std::collections::HashMap;
use std::sync::LazyLock;

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
) -> HashMap<&'static str, T> {
    let mut map = HashMap::new();
    for line in data_lines(data) {
        let (entry, cat) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{name}: expected entry<TAB>category in {line:?}"));
        let cat = category(cat.trim())
            .unwrap_or_else(|| panic!("{name}: unknown category {cat:?} in {line:?}"));
        map.insert(entry.trim(), cat);
    }
    map
}

static REPORTING: LazyLock<HashMap<&'static str, Reporting>> = LazyLock::new(|| {
    parse(
        "reporting_verbs.tsv",
        include_str!("../data/reporting_verbs.tsv"),
        |c| match c {
            "speech" => Some(Reporting::Speech),
            "writing" => Some(Reporting::Writing),
            "belief" => Some(Reporting::Belief),
            "finding" => Some(Reporting::Finding),
            _ => None,
        },
    )
});

static SPEAKER_NOUNS: LazyLock<HashMap<&'static str, SpeakerNoun>> = LazyLock::new(|| {
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

/// The first words of the multi-word reporting phrases ("according" of "according to").
static PAIR_FIRST_WORDS: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
    REPORTING
        .keys()
        .filter_map(|k| k.split_once(' ').map(|(first, _)| first))
        .collect()
});

/// `word` in ASCII lower case, in `buf`; `None` when it is longer than the buffer, and so
/// longer than any listed entry. Lookups use this instead of allocating a lower-case copy.
pub(crate) fn lower<'b, const N: usize>(word: &str, buf: &'b mut [u8; N]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    // Lower-casing ASCII bytes keeps UTF-8 valid.
    std::str::from_utf8(out).ok()
}

/// The category of a one-word reporting verb ("said", "notes").
pub(crate) fn reporting(word: &str) -> Option<Reporting> {
    let mut buf = [0; 32];
    REPORTING.get(lower(word, &mut buf)?).copied()
}

/// The category of a two-word reporting phrase ("according to", "points out").
pub(crate) fn reporting_pair(first: &str, second: &str) -> Option<Reporting> {
    let mut a = [0; 32];
    let mut b = [0; 32];
    let first = lower(first, &mut a)?;
    // Most words begin no phrase: answer those without building a key.
    if !PAIR_FIRST_WORDS.contains(first) {
        return None;
    }
    let second = lower(second, &mut b)?;
    let mut joined = [0u8; 65];
    let len = first.len() + 1 + second.len();
    joined[..first.len()].copy_from_slice(first.as_bytes());
    joined[first.len()] = b' ';
    joined[first.len() + 1..len].copy_from_slice(second.as_bytes());
    let key = std::str::from_utf8(&joined[..len]).ok()?;
    REPORTING.get(key).copied()
}

/// The category of a noun that can name a speaker ("officials", "article").
pub(crate) fn speaker_noun(word: &str) -> Option<SpeakerNoun> {
    if let Some(kind) = SPEAKER_NOUNS.get(word) {
        return Some(*kind);
    }
    let mut buf = [0; 32];
    SPEAKER_NOUNS.get(lower(word, &mut buf)?).copied()
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
        assert_eq!(speaker_noun("officials"), Some(SpeakerNoun::Person));
        assert_eq!(speaker_noun("Americans"), Some(SpeakerNoun::Person));
        assert_eq!(speaker_noun("article"), Some(SpeakerNoun::Text));
        assert_eq!(speaker_noun("x".repeat(100).as_str()), None);
    }
}
