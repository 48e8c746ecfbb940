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

fn parse<T: Copy>(
    name: &str,
    data: &'static str,
    category: impl Fn(&str) -> Option<T>,
) -> HashMap<&'static str, T> {
    let mut map = HashMap::new();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (entry, cat) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{name}:{}: expected entry<TAB>category", n + 1));
        let cat = category(cat.trim())
            .unwrap_or_else(|| panic!("{name}:{}: unknown category {cat:?}", n + 1));
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

/// `word` in ASCII lower case, in `buf`; `None` when it is too long to be a listed entry.
pub(crate) fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..bytes.len()];
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
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
    let (first, second) = (lower(first, &mut a)?, lower(second, &mut b)?);
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
