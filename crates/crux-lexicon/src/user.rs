//! A user's lexicon: entries of any kind, read from a file in the data files' format, added to
//! the built-in ones at run time through an overlay that lookups consult first.
//!
//! A file is read in sections: lines before any section header are the risk and benefit
//! lexicon's (`phrase<TAB>role<TAB>weight`, read by crux-analysis); a line `[name]` starts the
//! section of the data file `name` (`[caveats]`, `[reporting_verbs]`, `[speaker_nouns]`,
//! `[claim_cues]`, `[cue_words]`, ...), whose lines have that file's columns. A category `off`
//! removes the built-in entries of that section with the same words.

use std::cell::Cell;
use std::collections::HashSet;

use crate::{Cue, ENTRIES, Entry, FxHashMap, Kind, LexiconError, SECTIONS, Word, fold};

/// A user's entries, by section: what [`read`] gives.
#[derive(Debug, Default)]
pub struct UserLines<'t> {
    /// The lines of the risk and benefit section, with their line numbers (from 1).
    pub assessment: Vec<(usize, &'t str)>,
    /// The entries of the other sections.
    pub entries: Vec<&'static Entry>,
}

/// What the built-in entries of a kind allow in a user's entry of that kind.
struct Schema {
    categories: HashSet<&'static str>,
    numeric_category: bool,
    /// For each column after the category: `None` when it is a number, else the values used.
    columns: Vec<Option<HashSet<&'static str>>>,
}

fn schema(kind: Kind) -> Schema {
    let mut categories = HashSet::new();
    let mut columns: Vec<Option<HashSet<&'static str>>> = Vec::new();
    let mut numeric: Vec<bool> = Vec::new();
    for e in ENTRIES.iter().filter(|e| e.kind == kind) {
        categories.insert(e.category);
        for (j, f) in e.fields.iter().enumerate() {
            if columns.len() <= j {
                columns.push(Some(HashSet::new()));
                numeric.push(true);
            }
            numeric[j] &= f.parse::<f64>().is_ok();
            if let Some(set) = &mut columns[j] {
                set.insert(*f);
            }
        }
    }
    for (c, n) in columns.iter_mut().zip(numeric) {
        if n {
            *c = None;
        }
    }
    let numeric_category = categories.iter().all(|c| c.parse::<f64>().is_ok());
    Schema {
        categories,
        numeric_category,
        columns,
    }
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

/// Reads a user's lexicon file into its sections; the entries outside the risk and benefit
/// section are checked against what their section's built-in entries allow, and kept for
/// the life of the process (a user lexicon is read once).
///
/// # Errors
///
/// An unknown section, a line without the section's columns, an unknown category or a value
/// that the section's column does not take, with `file`, its line and the reason.
pub fn read<'t>(file: &str, text: &'t str) -> Result<UserLines<'t>, LexiconError> {
    let mut out = UserLines::default();
    let mut section: Option<(&'static str, Kind, bool, Schema)> = None;
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let error = |reason: String| LexiconError::new(file, line_no, reason);
        let trimmed = raw.trim();
        if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let name = name.trim();
            if matches!(name, "risk_benefit" | "evaluative" | "harm_gain") {
                section = None;
                continue;
            }
            let Some(&(stem, kind, has_category)) = SECTIONS
                .iter()
                .find(|(stem, kind, _)| *stem == name && *kind != Kind::Assessment)
            else {
                let names: Vec<&str> = SECTIONS.iter().map(|s| s.0).collect();
                return Err(error(format!(
                    "unknown section [{name}]: expected one of {}",
                    names.join(", ")
                )));
            };
            section = Some((stem, kind, has_category, schema(kind)));
            continue;
        }
        let Some((stem, kind, has_category, schema)) = &section else {
            out.assessment.push((line_no, raw));
            continue;
        };
        let line = raw.split('#').next().unwrap_or("");
        if line.trim().is_empty() {
            continue;
        }
        let mut fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let mut source = None;
        fields.retain(|f| match f.strip_prefix("source:") {
            Some(s) => {
                source = Some(s.trim());
                false
            }
            None => true,
        });
        let mut form = fields.remove(0);
        if form.len() >= 2 && form.starts_with('"') && form.ends_with('"') {
            form = &form[1..form.len() - 1];
        }
        let words = form
            .split_whitespace()
            .map(|w| {
                fold(w)
                    .map(|f| leak(f.as_str()))
                    .ok_or_else(|| error(format!("word too long: {w:?}")))
            })
            .collect::<Result<Vec<&'static str>, LexiconError>>()?;
        if words.is_empty() {
            return Err(error("empty entry".to_owned()));
        }
        let category = if *has_category {
            if fields.is_empty() {
                return Err(error(format!(
                    "expected entry<TAB>category in section [{stem}]"
                )));
            }
            let c = fields.remove(0);
            let known = c == "off"
                || schema.categories.contains(c)
                || (schema.numeric_category && c.parse::<f64>().is_ok_and(f64::is_finite));
            if !known {
                let mut cats: Vec<&str> = schema.categories.iter().copied().collect();
                cats.sort_unstable();
                return Err(error(format!(
                    "unknown category {c:?} in section [{stem}]: expected {} or off",
                    if schema.numeric_category {
                        "a number".to_owned()
                    } else {
                        cats.join(", ")
                    }
                )));
            }
            leak(c)
        } else {
            // One-column lists take their kind's name, as the built-in entries do.
            ENTRIES
                .iter()
                .find(|e| e.kind == *kind)
                .map_or("", |e| e.category)
        };
        if category != "off" {
            if fields.len() > schema.columns.len() {
                return Err(error(format!(
                    "too many columns for section [{stem}]: at most {}",
                    schema.columns.len() + 1 + usize::from(*has_category)
                )));
            }
            for (j, f) in fields.iter().enumerate() {
                match &schema.columns[j] {
                    None if f.parse::<f64>().is_ok_and(|v| (0.0..=1.0).contains(&v)) => {}
                    None => {
                        return Err(error(format!(
                            "column {} of section [{stem}] must be a number in [0, 1], found {f:?}",
                            j + 2 + usize::from(*has_category)
                        )));
                    }
                    Some(values) if values.contains(f) || f.is_empty() => {}
                    Some(values) => {
                        let mut v: Vec<&str> = values.iter().copied().collect();
                        v.sort_unstable();
                        return Err(error(format!(
                            "unknown value {f:?} in section [{stem}]: expected {}",
                            v.join(", ")
                        )));
                    }
                }
            }
            // A numeric first column (a strength) is required where the built-in entries
            // all have one.
            if fields.is_empty() && schema.columns.first().is_some_and(Option::is_none) {
                return Err(error(format!(
                    "section [{stem}] needs a number in [0, 1] after the category"
                )));
            }
        }
        let cue = if *kind == Kind::Cue {
            Cue::ALL.iter().copied().find(|c| c.name() == category)
        } else {
            None
        };
        let fields: Vec<&'static str> = fields.iter().map(|f| leak(f)).collect();
        let value = fields
            .first()
            .and_then(|f| f.parse::<f64>().ok())
            .filter(|v| v.is_finite());
        let entry = Entry {
            kind: *kind,
            cue,
            form: leak(form),
            words: Box::leak(words.into_boxed_slice()),
            category,
            fields: Box::leak(fields.into_boxed_slice()),
            value,
            source: source.map_or_else(|| leak(&format!("user lexicon {file}")), leak),
            file: leak(file),
            line: u32::try_from(line_no).unwrap_or(u32::MAX),
        };
        out.entries.push(Box::leak(Box::new(entry)));
    }
    Ok(out)
}

/// The built-in words with a user's entries merged in: what lookups consult first while the
/// overlay is in use ([`with_overlay`]).
#[derive(Debug, Default)]
pub struct Overlay {
    words: FxHashMap<&'static str, &'static Word>,
    /// Each cue category's entries, when a user's entry changed it.
    cues: FxHashMap<Cue, Vec<&'static Entry>>,
}

impl Overlay {
    /// An overlay of `entries` (from [`read`]) over the built-in entries, kept for the life of
    /// the process.
    #[must_use]
    pub fn new(entries: &[&'static Entry]) -> &'static Overlay {
        let off = |e: &Entry| {
            entries
                .iter()
                .any(|u| u.category == "off" && u.kind == e.kind && u.words == e.words)
        };
        let mut keys: Vec<&'static str> = entries.iter().map(|e| e.words[0]).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut words = FxHashMap::default();
        for key in keys {
            let mut list: Vec<&'static Entry> = lookup_folded_builtin(key)
                .map(|w| w.entries().filter(|e| !off(e)).collect())
                .unwrap_or_default();
            list.extend(
                entries
                    .iter()
                    .copied()
                    .filter(|e| e.words[0] == key && e.category != "off"),
            );
            list.sort_by_key(|e| (e.kind, std::cmp::Reverse(e.words.len())));
            let mut word = Word {
                key,
                short: crate::short_key(key.as_bytes()),
                kinds: 0,
                single: 0,
                multi: 0,
                cues: 0,
                entries: &[],
            };
            for e in &list {
                word.kinds |= e.kind.bit();
                if e.words.len() > 1 {
                    word.multi |= e.kind.bit();
                }
                if e.words.len() == 1 {
                    word.single |= e.kind.bit();
                    if let Some(c) = e.cue.filter(|_| e.form == e.form.trim()) {
                        word.cues |= 1 << (c as u128);
                    }
                }
            }
            word.entries = Box::leak(list.into_boxed_slice());
            words.insert(key, &*Box::leak(Box::new(word)));
        }
        // The cue categories a user's entry adds to, or removes a word from.
        let mut touched: Vec<Cue> = Vec::new();
        for e in entries.iter().filter(|e| e.kind == Kind::Cue) {
            for &c in Cue::ALL {
                let hit = e.cue == Some(c)
                    || e.category == "off"
                        && crate::cue_entries_builtin(c).any(|b| b.words == e.words);
                if hit && !touched.contains(&c) {
                    touched.push(c);
                }
            }
        }
        let mut cues = FxHashMap::default();
        for cue in touched {
            let mut list: Vec<&'static Entry> = crate::cue_entries_builtin(cue)
                .filter(|b| !off(b))
                .collect();
            list.extend(
                entries
                    .iter()
                    .copied()
                    .filter(|u| u.cue == Some(cue) && u.category != "off"),
            );
            cues.insert(cue, list);
        }
        Box::leak(Box::new(Overlay { words, cues }))
    }

    /// Whether it holds no entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

fn lookup_folded_builtin(key: &str) -> Option<&'static Word> {
    crate::find(key.as_bytes(), false)
}

thread_local! {
    static CURRENT: Cell<Option<&'static Overlay>> = const { Cell::new(None) };
}

/// Runs `f` with `overlay` consulted by every lookup of this thread (`None`: the built-in
/// entries alone), then restores the overlay in use before, even if `f` panics.
pub fn with_overlay<R>(overlay: Option<&'static Overlay>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<&'static Overlay>);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(overlay)));
    f()
}

/// The overlay in use on this thread.
#[inline]
pub(crate) fn current() -> Option<&'static Overlay> {
    CURRENT.with(Cell::get)
}

/// The overlay's word for a folded key.
#[inline]
pub(crate) fn overlay_word(overlay: &Overlay, key: &str) -> Option<&'static Word> {
    overlay.words.get(key).copied()
}

/// The overlay's entries of a cue category, when a user's entry changed it.
pub(crate) fn overlay_cue(overlay: &Overlay, cue: Cue) -> Option<&[&'static Entry]> {
    overlay.cues.get(&cue).map(Vec::as_slice)
}
