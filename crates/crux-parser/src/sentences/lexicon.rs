//! The word lists the splitter consults: abbreviations with their category, and common
//! sentence starters. Both live as data files in `crates/crux-parser/data/` (see the README
//! there for their sources), are embedded with `include_str!` and parsed once.

use std::sync::LazyLock;

use crate::lexicon::{data_lines, lower};

/// What the full stop after an abbreviation means; see `data/abbreviations.txt` for the
/// definitions and examples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Category {
    /// Prepositive title or rank before a name ("Mr.", "Gen."): never sentence-final.
    Title,
    /// Only found inside a sentence ("e.g.", "vs."): never sentence-final.
    Inner,
    /// Prefix of a number ("No.", "p."): no boundary before a number.
    Number,
    /// Month name ("Jan."): no boundary before a number.
    Month,
    /// Multi-period initialism ("U.S."): sentence-final only before a sentence starter.
    Multi,
    /// "a.m." / "p.m.": sentence-final when the sentence has words before the time.
    Time,
    /// Company suffix ("Inc.", "Co."): may end a sentence.
    Company,
    /// Any other abbreviation: may end a sentence.
    General,
}

impl Category {
    fn parse(name: &str) -> Option<Category> {
        Some(match name {
            "title" => Category::Title,
            "inner" => Category::Inner,
            "number" => Category::Number,
            "month" => Category::Month,
            "multi" => Category::Multi,
            "time" => Category::Time,
            "company" => Category::Company,
            "general" => Category::General,
            _ => return None,
        })
    }
}

const ABBREVIATIONS_TXT: &str = include_str!("../../data/abbreviations.txt");
const STARTERS_TXT: &str = include_str!("../../data/sentence_starters.txt");

/// The longest key worth looking up, in bytes. Longer words are never abbreviations, so the
/// caller can lower-case into a stack buffer of this size instead of allocating.
pub(super) const MAX_KEY: usize = 16;

/// Abbreviations sorted by key, for binary search. A sorted slice beats hashing for a few
/// hundred short keys and needs no hasher state.
static ABBREVIATIONS: LazyLock<Vec<(&'static str, Category)>> = LazyLock::new(|| {
    let mut list: Vec<(&'static str, Category)> = data_lines(ABBREVIATIONS_TXT)
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let key = fields.next()?;
            let category = Category::parse(fields.next()?)?;
            Some((key, category))
        })
        .collect();
    list.sort_unstable_by(|a, b| a.0.cmp(b.0));
    list
});

static STARTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut list: Vec<&'static str> = data_lines(STARTERS_TXT).collect();
    list.sort_unstable();
    list
});

/// The category of `word` (without its final full stop) when it is a known abbreviation.
pub(super) fn abbreviation(word: &str) -> Option<Category> {
    let mut buf = [0; MAX_KEY];
    let key = lower(word, &mut buf)?;
    let list = &*ABBREVIATIONS;
    list.binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| list[i].1)
}

/// Whether `word` is on the list of common sentence starters (case-insensitive).
pub(super) fn is_starter(word: &str) -> bool {
    let mut buf = [0; MAX_KEY];
    let Some(key) = lower(word, &mut buf) else {
        return false;
    };
    STARTERS.binary_search_by(|k| (*k).cmp(key)).is_ok()
}

/// Whether `word` names a weekday, a month or a time zone: after "a.m."/"p.m." these continue
/// the sentence ("at 9 a.m. Tuesday", "at 5 p.m. EST").
pub(super) fn is_time_context(word: &str) -> bool {
    const WORDS: [&str; 35] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "et",
        "est",
        "edt",
        "ct",
        "cst",
        "cdt",
        "mt",
        "mst",
        "mdt",
        "pt",
        "pst",
        "pdt",
        "gmt",
        "utc",
        "bst",
        "cet",
    ];
    let mut buf = [0; MAX_KEY];
    let Some(key) = lower(word, &mut buf) else {
        return false;
    };
    WORDS.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every data line parses: a typo in a category name would otherwise drop the entry
    /// silently.
    #[test]
    fn every_abbreviation_line_parses() {
        let lines: Vec<_> = data_lines(ABBREVIATIONS_TXT).collect();
        assert_eq!(lines.len(), ABBREVIATIONS.len());
        for (key, _) in ABBREVIATIONS.iter() {
            assert!(key.len() <= MAX_KEY, "{key} is longer than MAX_KEY");
            assert_eq!(*key, key.to_lowercase(), "{key} must be lower case");
            assert!(!key.ends_with('.'), "{key} must not end in a full stop");
        }
        let mut keys: Vec<_> = ABBREVIATIONS.iter().map(|(k, _)| k).collect();
        keys.dedup();
        assert_eq!(keys.len(), ABBREVIATIONS.len(), "duplicate abbreviation");
    }

    #[test]
    fn starters_are_single_lower_case_words() {
        for word in STARTERS.iter() {
            assert!(word.len() <= MAX_KEY);
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
    }

    #[test]
    fn lookups_ignore_case() {
        assert_eq!(abbreviation("Mr"), Some(Category::Title));
        assert_eq!(abbreviation("U.S"), Some(Category::Multi));
        assert_eq!(abbreviation("P.M"), Some(Category::Time));
        assert_eq!(abbreviation("N°"), Some(Category::Number));
        assert_eq!(abbreviation("Smith"), None);
        assert_eq!(abbreviation("a-very-long-word-indeed"), None);
        assert!(is_starter("How"));
        assert!(!is_starter("Government"));
        assert!(is_time_context("Tuesday"));
    }
}
