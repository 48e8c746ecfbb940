//! The risk and benefit lexicon: the built-in list (`data/risk_benefit.tsv`, embedded at build
//! time) and the user's additions and overrides, in the same format.
//!
//! One entry a line: `phrase<TAB>role<TAB>weight`; `#` starts a comment. Roles: `risk`,
//! `benefit`, `verdict+`, `verdict-` (a stated balance: "net positive"), `evaluative+`,
//! `evaluative-` (a general word of gain or harm, weaker than a risk or benefit term),
//! `intensifier`, `downtoner`, `mitigation`, `aggravation`, `reversal` ("failed to", "little"),
//! `decline` ("fell", "fewer": turns a harm near it into a benefit, else a risk),
//! `negation`, `absence` ("no", "without": turns the term after it), `dismissal` ("overstated"),
//! `hazard` (a noun of a harm domain, "war", "crime": a risk only in a frame), `neutral` (a phrase that states nothing and hides the
//! terms inside it: "concern for"), and `off`, which removes a built-in entry
//! (`positive<TAB>off<TAB>0`). A user's entry replaces the built-in entry with the same
//! phrase (compared without regard to case).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, LazyLock};

/// What a lexicon entry does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Risk,
    Benefit,
    /// A stated balance ("net positive", "the benefits outweigh"): `true` for a positive one.
    Verdict(bool),
    /// A general evaluative word ("cruel", "excellent"): `true` for gain. It states a benefit or
    /// a risk, weaker than a risk or benefit term, and only in the writer's own units.
    Evaluative(bool),
    Intensifier,
    Downtoner,
    Mitigation,
    Aggravation,
    /// Turns the polarity of a term just after it: "failed to protect", "little benefit".
    Reversal,
    /// A downward change ("fell", "slowdown", "fewer"): near a harm it turns it into a benefit
    /// ("deaths fell"); alone it is a risk ("output dropped").
    Decline,
    Negation,
    /// Turns a term just after it: the absence of a harm is a benefit ("no harmful gases"),
    /// the absence of a gain a risk ("no protection").
    Absence,
    /// Sets aside every risk or benefit of its unit, before or after it: "overstated", "is not
    /// supported by".
    Dismissal,
    /// States nothing; it only keeps the terms inside it from matching ("concern for").
    Neutral,
    /// A noun naming a domain of harm ("war", "crime", "poverty"): the topic an article is
    /// about, a risk only in a frame that states it happens or may happen to something (a
    /// modal of possibility or future, an aggravating verb), or a benefit when a mitigating
    /// verb, decline or absence turns it ("reduce crime").
    Hazard,
}

impl Role {
    /// The role's name in the lexicon file.
    fn name(self) -> &'static str {
        match self {
            Role::Risk => "risk",
            Role::Benefit => "benefit",
            Role::Verdict(true) => "verdict+",
            Role::Verdict(false) => "verdict-",
            Role::Evaluative(true) => "evaluative+",
            Role::Evaluative(false) => "evaluative-",
            Role::Intensifier => "intensifier",
            Role::Downtoner => "downtoner",
            Role::Mitigation => "mitigation",
            Role::Aggravation => "aggravation",
            Role::Reversal => "reversal",
            Role::Decline => "decline",
            Role::Negation => "negation",
            Role::Absence => "absence",
            Role::Dismissal => "dismissal",
            Role::Neutral => "neutral",
            Role::Hazard => "hazard",
        }
    }

    fn parse(name: &str) -> Option<Option<Role>> {
        Some(Some(match name {
            "risk" => Role::Risk,
            "benefit" => Role::Benefit,
            "verdict+" => Role::Verdict(true),
            "verdict-" => Role::Verdict(false),
            "evaluative+" => Role::Evaluative(true),
            "evaluative-" => Role::Evaluative(false),
            "intensifier" => Role::Intensifier,
            "downtoner" => Role::Downtoner,
            "mitigation" => Role::Mitigation,
            "aggravation" => Role::Aggravation,
            "reversal" => Role::Reversal,
            "decline" => Role::Decline,
            "negation" => Role::Negation,
            "absence" => Role::Absence,
            "dismissal" => Role::Dismissal,
            "neutral" => Role::Neutral,
            "hazard" => Role::Hazard,
            "off" => return Some(None),
            _ => return None,
        }))
    }
}

const ROLES: &str = "risk, benefit, verdict+, verdict-, evaluative+, evaluative-, intensifier, \
                     downtoner, mitigation, aggravation, reversal, decline, negation, absence, dismissal, neutral, \
                     hazard or off";

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The phrase's words, lower case, with ’ written as '.
    pub(crate) words: Vec<Box<str>>,
    pub(crate) role: Role,
    pub(crate) weight: f64,
}

/// A risk and benefit lexicon: the built-in one ([`Lexicon::builtin`]), or it with a user's
/// entries merged in ([`Lexicon::with_entries`]).
///
/// # Examples
///
/// ```
/// use crux_analysis::{Lexicon, analyze_with};
///
/// let text = "The merger is a boondoggle.";
/// let plain = crux_analysis::analyze(crux_parser::parse(text).document);
/// assert!(plain.assessments.is_empty());
///
/// let lexicon = Lexicon::builtin().with_entries("my.tsv", "boondoggle\trisk\t0.6\n")?;
/// let analysis = analyze_with(crux_parser::parse(text).document, &lexicon);
/// assert_eq!(analysis.assessments.len(), 1);
/// # Ok::<(), crux_analysis::LexiconError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Entries by their first word, longest phrase first. Shared, so that a copy of the
    /// built-in lexicon (some 5,700 entries) costs nothing until it is changed.
    by_first: Arc<HashMap<Box<str>, Vec<Entry>>>,
}

static BUILTIN: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon {
        by_first: Arc::new(HashMap::new()),
    }
    .with_entries("risk_benefit.tsv", include_str!("../data/risk_benefit.tsv"))
    .and_then(|l| l.with_entries("evaluative.tsv", include_str!("../data/evaluative.tsv")))
    .and_then(|l| l.with_entries("harm_gain.tsv", include_str!("../data/harm_gain.tsv")))
    .unwrap_or_else(|e| panic!("the built-in lexicon is malformed: {e}"))
});

/// A line of a lexicon file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LexiconError {
    /// The name the lexicon was given (its file name).
    pub source: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.source, self.line, self.reason)
    }
}

impl std::error::Error for LexiconError {}

/// Lower case, with the typographic apostrophe written as a straight one, as lexicon keys are.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if c == '’' {
            out.push('\'');
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

impl Lexicon {
    /// The built-in lexicon, `data/risk_benefit.tsv` (its sources are in `docs/scoring.md`).
    #[must_use]
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// This lexicon with the entries of a lexicon file (`phrase<TAB>role<TAB>weight` a line, in
    /// the built-in file's format) added; an entry whose phrase is already present replaces it,
    /// and the role `off` removes it.
    ///
    /// # Errors
    ///
    /// A line that is not three tab-separated fields, has an unknown role, or a weight that is
    /// not a number in [0, 1] is rejected with `source`, its line number and the reason.
    pub fn with_entries(&self, source: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let mut by_first = HashMap::clone(&self.by_first);
        by_first.reserve(text.len() / 24);
        let mut key = String::new();
        for (n, raw) in text.lines().enumerate() {
            let error = |reason: String| LexiconError {
                source: source.to_owned(),
                line: n + 1,
                reason,
            };
            let line = raw.split('#').next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [phrase, role, weight] = fields[..] else {
                return Err(error(format!(
                    "expected phrase<TAB>role<TAB>weight, found {} field{}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" }
                )));
            };
            let words: Vec<Box<str>> = phrase
                .split_whitespace()
                .map(|w| {
                    fold_into(w, &mut key);
                    key.as_str().into()
                })
                .collect();
            let Some(first) = words.first().cloned() else {
                return Err(error("empty phrase".to_owned()));
            };
            let role = Role::parse(role)
                .ok_or_else(|| error(format!("unknown role {role:?}: expected {ROLES}")))?;
            let weight: f64 = weight
                .parse()
                .ok()
                .filter(|w: &f64| (0.0..=1.0).contains(w))
                .ok_or_else(|| error(format!("weight {weight:?} is not a number in [0, 1]")))?;
            let entries = by_first.entry(first).or_default();
            entries.retain(|e| e.words != words);
            if let Some(role) = role {
                entries.push(Entry {
                    words,
                    role,
                    weight,
                });
                // Longest phrase first; stable, so file order breaks ties.
                entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
            }
        }
        by_first.retain(|_, entries| !entries.is_empty());
        Ok(Lexicon {
            by_first: Arc::new(by_first),
        })
    }

    /// The entries whose first word is `key` (folded by [`fold_into`]), longest first.
    pub(crate) fn starting_with(&self, key: &str) -> &[Entry] {
        self.by_first.get(key).map_or(&[], Vec::as_slice)
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.by_first.values().map(Vec::len).sum()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// The entries as lexicon-file lines, sorted: what a user's file can override.
    #[must_use]
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .by_first
            .values()
            .flatten()
            .map(|e| format!("{}\t{}\t{}", e.words.join(" "), e.role.name(), e.weight))
            .collect();
        lines.sort();
        lines.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 100);
        assert!(
            lex.starting_with("net")
                .iter()
                .any(|e| e.role == Role::Verdict(true))
        );
    }

    #[test]
    fn user_entries_add_override_and_remove() {
        let lex = Lexicon::builtin()
            .with_entries(
                "user.tsv",
                "# mine\nboondoggle\trisk\t0.7\nRisk\trisk\t0.9\npositive\toff\t0\n",
            )
            .unwrap();
        assert_eq!(lex.starting_with("boondoggle")[0].weight, 0.7);
        let risk: Vec<_> = lex
            .starting_with("risk")
            .iter()
            .filter(|e| e.words.len() == 1)
            .collect();
        assert_eq!(risk.len(), 1);
        assert_eq!(risk[0].weight, 0.9);
        assert!(lex.starting_with("positive").is_empty());
        assert_eq!(lex.len(), Lexicon::builtin().len());
    }

    #[test]
    fn malformed_lines_name_file_line_and_reason() {
        let err = |text: &str| Lexicon::builtin().with_entries("u.tsv", text).unwrap_err();
        let e = err("ok\trisk\t0.5\nbad line\n");
        assert_eq!((e.source.as_str(), e.line), ("u.tsv", 2));
        assert!(e.reason.contains("found 1 field"), "{e}");
        assert!(err("x\tperil\t0.5").reason.contains("unknown role"));
        assert!(err("x\trisk\tlots").reason.contains("not a number"));
        assert!(err("x\trisk\t1.5").reason.contains("[0, 1]"));
        assert!(err(" \trisk\t0.5").reason.contains("empty phrase"));
        assert_eq!(
            err("x\trisk\tNaN").to_string(),
            "u.tsv:1: weight \"NaN\" is not a number in [0, 1]"
        );
    }

    #[test]
    fn round_trips_through_tsv() {
        let lex = Lexicon::builtin();
        let again = Lexicon::builtin()
            .with_entries("again", &lex.to_tsv())
            .unwrap();
        assert_eq!(again.to_tsv(), lex.to_tsv());
    }
}
