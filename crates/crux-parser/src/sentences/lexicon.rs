//! The word lists the splitter consults: abbreviations with their category, and common
//! sentence starters. Both live as data files in `crates/crux-lexicon/data/` (see the README
//! there for their sources), are embedded with `include_str!` and parsed once.

use crux_lexicon::{Kind, lookup};

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

/// The longest key worth looking up, in bytes. Longer words are never abbreviations.
pub(super) const MAX_KEY: usize = 16;

/// The category of `word` (without its final full stop) when it is a known abbreviation
/// (`data/abbreviations.txt`, any case).
pub(super) fn abbreviation(word: &str) -> Option<Category> {
    if word.len() > MAX_KEY {
        return None;
    }
    let w = lookup(word)?;
    if !w.single(Kind::Abbreviation) {
        return None;
    }
    w.of(Kind::Abbreviation)
        .filter(|e| e.words.len() == 1)
        .last()
        .and_then(|e| Category::parse(e.category))
}

/// Whether `word` is on the list of common sentence starters (case-insensitive).
pub(super) fn is_starter(word: &str) -> bool {
    word.len() <= MAX_KEY && lookup(word).is_some_and(|w| w.single(Kind::SentenceStarter))
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
    let Some(key) = buf.get_mut(..word.len()) else {
        return false;
    };
    key.copy_from_slice(word.as_bytes());
    key.make_ascii_lowercase();
    WORDS.iter().any(|w| w.as_bytes() == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every entry parses: a typo in a category name would otherwise drop the entry
    /// silently.
    #[test]
    fn every_abbreviation_entry_parses() {
        let mut keys = Vec::new();
        for e in crux_lexicon::entries_of(Kind::Abbreviation) {
            let key = e.form;
            assert!(
                Category::parse(e.category).is_some(),
                "{key}: {}",
                e.category
            );
            assert!(key.len() <= MAX_KEY, "{key} is longer than MAX_KEY");
            assert_eq!(key, key.to_lowercase(), "{key} must be lower case");
            assert!(!key.ends_with('.'), "{key} must not end in a full stop");
            keys.push(key);
        }
        keys.sort_unstable();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate abbreviation");
    }

    #[test]
    fn starters_are_single_lower_case_words() {
        for e in crux_lexicon::entries_of(Kind::SentenceStarter) {
            assert!(e.form.len() <= MAX_KEY);
            assert!(e.form.bytes().all(|b| b.is_ascii_lowercase()), "{}", e.form);
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
