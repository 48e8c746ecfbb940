//! The risk and benefit lexicon: the built-in entries (`risk_benefit.tsv`, `evaluative.tsv` and
//! `harm_gain.tsv` of the lexicon layer, `crux-lexicon`, compiled into its table at build time)
//! and the user's additions and overrides, in the same format, kept in an overlay.
//!
//! One entry a line: `phrase<TAB>role<TAB>weight`; `#` starts a comment. Roles: `risk`,
//! `benefit`, `verdict+`, `verdict-` (a stated balance: "net positive"), `evaluative+`,
//! `evaluative-` (a general word of gain or harm, weaker than a risk or benefit term),
//! `intensifier`, `downtoner`, `mitigation`, `aggravation`, `reversal` ("failed to", "little"),
//! `decline` ("fell", "fewer": turns a harm near it into a benefit, else a risk),
//! `negation`, `absence` ("no", "without": turns the term after it), `dismissal` ("overstated"),
//! `hazard` (a noun of a harm domain, "war", "crime": a risk only in a frame), `asset` (a noun
//! of a gain domain, "safety": a benefit only in a frame), `excess` (a degree word of excess,
//! "too": a risk where it grades the word after it), `attitude+`, `attitude-` (an attitude
//! stance adverbial, "fortunately": a benefit or risk where a comma sets it off at the opening
//! of a clause), `neutral` (a phrase that states nothing and hides the
//! terms inside it: "concern for"), and `off`, which removes a built-in entry
//! (`positive<TAB>off<TAB>0`). A user's entry replaces the built-in entry with the same
//! phrase (compared without regard to case).

use std::sync::Arc;

use crux_lexicon::{FxHashMap, Kind, fold};
use crux_parser::Token;

pub use crux_lexicon::LexiconError;

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
    /// Turns the polarity of a term just after it: "failed to protect", "little benefit". With
    /// a weight above 0 it is a deficiency, a risk of that weight where it turns no term ("the
    /// absence of subtitles").
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
    /// Makes the term just after it the topic of what is said, not a harm or gain stated:
    /// "talks about juvenile gun deaths", "argue about how we gauge disasters".
    Topic,
    /// States nothing; it only keeps the terms inside it from matching ("concern for").
    Neutral,
    /// A noun naming a domain of harm ("war", "crime", "poverty"): the topic an article is
    /// about, a risk only in a frame that states it happens or may happen to something (a
    /// modal of possibility or future, an aggravating verb), or a benefit when a mitigating
    /// verb, decline or absence turns it ("reduce crime").
    Hazard,
    /// A noun naming a domain of gain ("safety", "security"): what is talked about ("safety
    /// standards", "a price on safety"), a benefit only where it is raised ("increase
    /// safety"), a risk where it is negated, lessened or absent ("cannot guarantee the
    /// safety", "no security").
    Asset,
    /// A degree word of excess ("too", "overly"): before the word it grades it states a
    /// downside, more than is wanted ("too late", "too many", "overly cautious"); "too" in the
    /// sense "also" ("She too attended", "a good thing, too") states nothing. Before a word
    /// of gain it turns it ("too great an advantage"); grading no term, it is a risk of its
    /// weight ([`crate::assess`]).
    Excess,
    /// An attitude stance adverbial ("fortunately", "sadly", "to his credit"): set off by a
    /// comma at the opening of a clause it is the writer's judgement of what the clause says,
    /// a benefit (`true`) or a risk of its weight; elsewhere it grades a word and states
    /// nothing ("happily married") ([`crate::assess`]).
    Attitude(bool),
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
            Role::Topic => "topic",
            Role::Neutral => "neutral",
            Role::Hazard => "hazard",
            Role::Asset => "asset",
            Role::Excess => "excess",
            Role::Attitude(true) => "attitude+",
            Role::Attitude(false) => "attitude-",
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
            "topic" => Role::Topic,
            "neutral" => Role::Neutral,
            "hazard" => Role::Hazard,
            "asset" => Role::Asset,
            "excess" => Role::Excess,
            "attitude+" => Role::Attitude(true),
            "attitude-" => Role::Attitude(false),
            "off" => return Some(None),
            _ => return None,
        }))
    }
}

const ROLES: &str = "risk, benefit, verdict+, verdict-, evaluative+, evaluative-, intensifier, \
                     downtoner, mitigation, aggravation, reversal, decline, negation, absence, dismissal, topic, \
                     neutral, hazard, asset, excess, attitude+, attitude- or off";

/// An entry's folded words: the built-in table's, or a user's.
#[derive(Debug, Clone)]
pub(crate) enum Words {
    Builtin(&'static [&'static str]),
    /// Shared: entries are handed out by value, cheaply.
    User(Arc<[Box<str>]>),
}

impl Words {
    pub(crate) fn len(&self) -> usize {
        match self {
            Words::Builtin(w) => w.len(),
            Words::User(w) => w.len(),
        }
    }

    pub(crate) fn get(&self, k: usize) -> Option<&str> {
        match self {
            Words::Builtin(w) => w.get(k).copied(),
            Words::User(w) => w.get(k).map(|w| &**w),
        }
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).filter_map(|k| self.get(k))
    }
}

impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.iter().eq(other.iter())
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The phrase's words, folded (lower case, with ’ written as ').
    pub(crate) words: Words,
    pub(crate) role: Role,
    pub(crate) weight: f64,
}

impl Entry {
    /// A built-in entry of the table; `None` for a malformed one (a test reads them all).
    fn builtin(e: &'static crux_lexicon::Entry) -> Option<Entry> {
        Some(Entry {
            words: Words::Builtin(e.words),
            role: Role::parse(e.category)??,
            weight: e.value?,
        })
    }
}

/// The entries whose first word is a folded key, longest first: the built-in ones, or a
/// user's overlay of them.
#[derive(Debug)]
pub(crate) enum Entries<'a> {
    Builtin(Option<&'static crux_lexicon::Word>),
    User(&'a [Entry]),
}

impl Entries<'_> {
    /// The first entry whose words `matches` accepts, as [`Entries::iter`] gives them: the
    /// words are tested before a built-in entry is read into an [`Entry`] (its role parsed
    /// from its category), so that only the entry found is.
    pub(crate) fn find(&self, matches: impl Fn(&Words) -> bool) -> Option<Entry> {
        match self {
            Entries::Builtin(Some(w)) => w
                .of(Kind::Assessment)
                .filter(|e| matches(&Words::Builtin(e.words)))
                .find_map(Entry::builtin),
            Entries::Builtin(None) => None,
            Entries::User(list) => list.iter().find(|e| matches(&e.words)).cloned(),
        }
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = Entry> + '_ {
        let builtin = match self {
            Entries::Builtin(Some(w)) => Some(w.of(Kind::Assessment).filter_map(Entry::builtin)),
            _ => None,
        };
        let user = match self {
            Entries::User(list) => Some(list.iter().cloned()),
            Entries::Builtin(_) => None,
        };
        builtin
            .into_iter()
            .flatten()
            .chain(user.into_iter().flatten())
    }
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
    /// The user's entries by their folded first word, longest phrase first: each replaces the
    /// built-in entries of its first word (copied in when the first user entry came). Shared,
    /// so that a copy costs nothing until it is changed; `None` for the built-in lexicon.
    overlay: Option<Arc<FxHashMap<Box<str>, Vec<Entry>>>>,
    /// The user's entries of the other lexicons (caveat cues, reporting verbs, speaker nouns,
    /// claim cues, cue words ...), in file order, and their overlay over the built-in table,
    /// which [`Lexicon::scope`] puts in use.
    cues: Option<(
        Arc<[&'static crux_lexicon::Entry]>,
        &'static crux_lexicon::Overlay,
    )>,
}

static BUILTIN: Lexicon = Lexicon {
    overlay: None,
    cues: None,
};

impl Lexicon {
    /// The built-in lexicon, compiled into the lexicon layer's table (its sources are in
    /// `docs/scoring.md`).
    #[must_use]
    pub fn builtin() -> &'static Lexicon {
        &BUILTIN
    }

    /// This lexicon with the entries of a lexicon file added. Lines before any section
    /// header are risk and benefit entries (`phrase<TAB>role<TAB>weight`, the built-in file's
    /// format): an entry whose phrase is already present replaces it, and the role `off`
    /// removes it. A line `[name]` starts the entries of another built-in list, in its data
    /// file's format: `[caveats]`, `[reporting_verbs]`, `[speaker_nouns]`, `[claim_cues]`,
    /// `[cue_words]` ... (see `docs/lexicon.md`); they are added to that list (a category
    /// `off` removes the built-in entry) for the parse and analysis run in [`Lexicon::scope`].
    ///
    /// # Errors
    ///
    /// A line that is not three tab-separated fields, has an unknown role, or a weight that is
    /// not a number in [0, 1] is rejected with `source`, its line number and the reason; so
    /// are an unknown section and a line its section does not take.
    ///
    /// ```
    /// use crux_analysis::{Lexicon, analyze_with};
    ///
    /// let text = "The plan, Jones opined, is sound.";
    /// let lexicon = Lexicon::builtin().with_entries("my.tsv", "[reporting_verbs]\nopined\tspeech\n")?;
    /// let analysis = lexicon.scope(|| analyze_with(crux_parser::parse(text).document, &lexicon));
    /// assert_eq!(analysis.document.quotes.len(), 1);
    /// # Ok::<(), crux_analysis::LexiconError>(())
    /// ```
    pub fn with_entries(&self, source: &str, text: &str) -> Result<Lexicon, LexiconError> {
        let lines = crux_lexicon::read(source, text)?;
        let mut overlay = self.overlay.as_deref().cloned().unwrap_or_default();
        for (line_no, raw) in lines.assessment {
            let error = |reason: String| LexiconError::new(source, line_no, reason);
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
            let words = phrase
                .split_whitespace()
                .map(|w| {
                    fold(w)
                        .map(|f| Box::<str>::from(f.as_str()))
                        .ok_or_else(|| error(format!("word too long: {w:?}")))
                })
                .collect::<Result<Arc<[Box<str>]>, LexiconError>>()?;
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
            let entries = overlay.entry(first).or_insert_with_key(|key| {
                Entries::Builtin(crux_lexicon::lookup_folded(key))
                    .iter()
                    .collect()
            });
            let words = Words::User(words);
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
        let cues = if lines.entries.is_empty() {
            self.cues.clone()
        } else {
            let mut all: Vec<&'static crux_lexicon::Entry> = self
                .cues
                .as_ref()
                .map(|(entries, _)| entries.to_vec())
                .unwrap_or_default();
            all.extend(lines.entries);
            let overlay = crux_lexicon::Overlay::new(&all);
            Some((Arc::from(all), overlay))
        };
        Ok(Lexicon {
            overlay: Some(Arc::new(overlay)),
            cues,
        })
    }

    /// Runs `f` (a parse and an analysis) with this lexicon's entries of the parser's lists in
    /// use on this thread: the user's caveat cues, reporting verbs, speaker nouns ... The
    /// risk and benefit entries need no scope (they are read from `self`).
    pub fn scope<R>(&self, f: impl FnOnce() -> R) -> R {
        crux_lexicon::with_overlay(self.cues.as_ref().map(|(_, o)| *o), f)
    }

    /// The entries whose first word is `key` (folded by [`fold`]), longest first.
    pub(crate) fn starting_with(&self, key: &str) -> Entries<'_> {
        if let Some(list) = self.overlay.as_ref().and_then(|o| o.get(key)) {
            return Entries::User(list);
        }
        Entries::Builtin(crux_lexicon::lookup_folded(key).filter(|w| w.has(Kind::Assessment)))
    }

    /// The entries whose first word is `word` once folded, longest first.
    pub(crate) fn for_word(&self, word: &str) -> Entries<'_> {
        if self.overlay.is_none() {
            return Entries::Builtin(
                crux_lexicon::lookup(word).filter(|w| w.has(Kind::Assessment)),
            );
        }
        match fold(word) {
            Some(key) => self.starting_with(key.as_str()),
            None => Entries::Builtin(None),
        }
    }

    /// [`Lexicon::for_word`] of a word token of `text`, read from the lookup the token
    /// carries when it has one ([`Token::lexicon`]).
    pub(crate) fn for_token(&self, text: &str, token: &Token) -> Entries<'_> {
        if self.overlay.is_none() {
            return Entries::Builtin(token.lexicon(text).filter(|w| w.has(Kind::Assessment)));
        }
        self.for_word(&text[token.span])
    }

    /// Every entry, by first word.
    fn all(&self) -> impl Iterator<Item = Entry> + '_ {
        let builtin = crux_lexicon::words()
            .iter()
            .filter(|w| w.has(Kind::Assessment))
            .filter(|w| {
                !self
                    .overlay
                    .as_ref()
                    .is_some_and(|o| o.contains_key(w.key()))
            })
            .flat_map(|w| Entries::Builtin(Some(w)).iter().collect::<Vec<_>>());
        let user = self
            .overlay
            .iter()
            .flat_map(|o| o.values())
            .flat_map(|list| list.iter().cloned());
        builtin.chain(user)
    }

    /// The number of entries.
    #[must_use]
    pub fn len(&self) -> usize {
        self.all().count()
    }

    /// Whether there are no entries.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.all().next().is_none()
    }

    /// The entries as lexicon-file lines, sorted: what a user's file can override.
    #[must_use]
    pub fn to_tsv(&self) -> String {
        let mut lines: Vec<String> = self
            .all()
            .map(|e| {
                let words: Vec<&str> = e.words.iter().collect();
                format!("{}\t{}\t{}", words.join(" "), e.role.name(), e.weight)
            })
            .collect();
        lines.sort();
        lines.join("\n") + "\n"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starting_with(lex: &Lexicon, key: &str) -> Vec<Entry> {
        lex.starting_with(key).iter().collect()
    }

    #[test]
    fn builtin_loads() {
        let lex = Lexicon::builtin();
        assert!(lex.len() > 100);
        assert!(
            starting_with(lex, "net")
                .iter()
                .any(|e| e.role == Role::Verdict(true))
        );
        for e in crux_lexicon::entries_of(Kind::Assessment) {
            assert!(Role::parse(e.category).is_some(), "{}:{}", e.file, e.line);
            assert!(
                e.fields
                    .first()
                    .and_then(|w| w.parse::<f64>().ok())
                    .is_some_and(|w| (0.0..=1.0).contains(&w)),
                "{}:{}",
                e.file,
                e.line
            );
        }
    }

    #[test]
    fn user_entries_add_override_and_remove() {
        let lex = Lexicon::builtin()
            .with_entries(
                "user.tsv",
                "# mine\nboondoggle\trisk\t0.7\nRisk\trisk\t0.9\npositive\toff\t0\n",
            )
            .unwrap();
        assert_eq!(starting_with(&lex, "boondoggle")[0].weight, 0.7);
        let risk: Vec<_> = starting_with(&lex, "risk")
            .into_iter()
            .filter(|e| e.words.len() == 1)
            .collect();
        assert_eq!(risk.len(), 1);
        assert_eq!(risk[0].weight, 0.9);
        assert!(starting_with(&lex, "positive").is_empty());
        assert_eq!(lex.len(), Lexicon::builtin().len());
    }

    #[test]
    fn malformed_lines_name_file_line_and_reason() {
        let err = |text: &str| Lexicon::builtin().with_entries("u.tsv", text).unwrap_err();
        let e = err("ok\trisk\t0.5\nbad line\n");
        assert_eq!((e.file.as_str(), e.line), ("u.tsv", 2));
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
