//! `webis_editorials16`: Webis-Editorials-16 (Al-Khatib et al., COLING 2016), 266 news
//! editorials whose segments are labelled as argumentative units: `assumption` (roughly the
//! author's own claim), `anecdote`, `testimony` (a cited statement), `statistics`,
//! `common-ground`, `other`, and `title`. The text was reconstructed from the segments.
//!
//! crux reads each editorial as plain text (docs/evaluation.md):
//!
//! - **assumptions as author claims**: an assumption unit is found when one crux claim held by
//!   the author covers at least half of the unit; a crux author claim is right when at least
//!   half of it lies inside one assumption unit. A second row asks the same of every non-title
//!   unit (any label): are crux's author claims argumentative units at all?
//! - **testimony as cited statements**: a testimony unit is found when a crux statement of
//!   someone else's shares at least 0.3 of the shorter span with it; such a statement is right
//!   when it does so with some testimony unit. A statement is a quotation (direct, partial or
//!   block) of at least three words, or a report whose cue is a verb of speech or writing
//!   (`reporting_verbs.tsv`) and whose speaker is neither the writer ("I", "we") nor a generic
//!   holder ("some argue", "critics say"): the corpus's testimony is a statement cited from an
//!   identifiable source, and a quoted term ("pigs"), a reported belief, finding or intention,
//!   or a view the writer lends to "some" are its assumptions, anecdotes and statistics.
//!   A report without quotation marks in it must also have a verb that states an assertion
//!   (`statement-verb` in cue_words.tsv: "said", "noted", "argued", "according to"): a verb
//!   that names an act of speech ("demanded a probe", "rejected the plan", "announced an
//!   investment") tells what someone did, Webis-16's anecdote. A report under a modal ("some
//!   would argue", "they will say") is the writer's supposition, and one whose speaker is a
//!   poll, a survey or a share of a sample ("52 percent said") gives statistics; neither is
//!   testimony.
//!   An unquoted report by a participle ("went to court arguing that …") tells the speech as
//!   the circumstance of a narrated act, the corpus's anecdote ("according to the report",
//!   whose source follows it, is a preposition, no participle).
//!   A generic holder is also a bare plural ("experts warn", "press reports"), a class
//!   referred to as a whole, when the report quotes none of its words; the pronoun "one" is
//!   one, "one witness" is not. A partial quotation lent to a generic holder is no testimony
//!   either.
//!   A quotation with no speaker must have at least six words: a shorter one is a name, a
//!   slogan or a term quoted, which the corpus labels with the unit around it.
//!   A second row counts every crux quote but scare quotes, as before.
//! - Per label, the share of units covered (as above) by an author claim: high for assumptions
//!   is good, high for testimony means crux takes cited statements for the author's own.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::Path;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crux_lexicon::{Cue as CueClass, Kind};
use crux_parser::{Claim, Quote, QuoteKind};
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, range};
use crate::metrics::{covers, prf, touches};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "webis_editorials16";

#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: String,
    text: String,
    #[serde(default)]
    spans: Vec<Unit>,
}

#[derive(Deserialize)]
struct Unit {
    #[serde(flatten)]
    span: JsonSpan,
    label: String,
}

/// The category of each reporting verb or phrase of `reporting_verbs.tsv` (`speech`,
/// `writing`, `belief`, `finding`, `intention`), by its lower-case form.
fn reporting_category(cue: &str) -> Option<&'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crux_lexicon::entries_of(Kind::ReportingVerb)
            .map(|e| (e.form.to_lowercase(), e.category))
            .collect()
    });
    let key: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    table.get(&key.join(" ")).copied()
}

/// Whether a reporting cue (one word or a phrase) is a verb of saying that states what its
/// source asserted (`statement-verb` of cue_words.tsv), by its lower-case words.
fn statement_verb(cue: &str) -> bool {
    static TABLE: OnceLock<HashSet<String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        crux_lexicon::cue_entries(CueClass::StatementVerb)
            .map(|e| e.words.join(" "))
            .collect()
    });
    let key: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    table.contains(&key.join(" "))
}

/// Whether a report's verb is hypothetical or future: a modal right before it, adverbs
/// between allowed ("Some would argue", "they will say", "could hardly call for").
fn hypothetical(text: &str, cue: usize) -> bool {
    let before = text.get(..cue).unwrap_or("");
    let modal = before
        .split_whitespace()
        .rev()
        .find(|w| !(w.eq_ignore_ascii_case("have") || (w.len() > 4 && w.ends_with("ly"))))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'));
    modal.is_some_and(|w| {
        (crux_lexicon::is(w, CueClass::Auxiliary) && !crux_lexicon::is(w, CueClass::EmphaticDo))
            || w.ends_with("'d")
            || w.ends_with("’d")
    })
}

/// Whether a speaker is a quantitative source or a share of a sample ("a Gallup poll", "35
/// percent of respondents", "52 percent"): Webis-16 labels what it gives statistics.
fn quantitative(speaker: &str) -> bool {
    speaker.split_whitespace().any(|w| {
        w.starts_with(|c: char| c.is_ascii_digit())
            || crux_lexicon::is(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                CueClass::QuantitativeSource,
            )
    })
}

/// The fewest words of a quotation with no speaker that stands for a cited statement. On the
/// Webis-16 development editorials, of the quotations without a speaker of three to five
/// words 7 of 28 overlap a testimony unit, of the longer ones 77 of 130.
const UNSOURCED_QUOTE_WORDS: usize = 6;

/// Whether a crux quote stands for a statement cited from someone else (see the module
/// documentation): a quotation of at least three words, or a report of speech or writing
/// whose speaker is neither the writer nor a generic holder nor a quantitative source, and
/// that is no hypothesis; without quotation marks in it, its verb must state an assertion.
/// Neither is the writer's own words, quoted ("\u{201c}How did we survive?\u{201d} I asked")
/// or reported.
fn cited_statement(text: &str, q: &Quote) -> bool {
    let speaker = q.speaker.as_ref().map_or("", |s| s.text.as_str());
    if quantitative(speaker) {
        return false;
    }
    let words: Vec<&str> = speaker.split_whitespace().take(2).collect();
    // "I", "we", or their contractions ("I'd say", "we’ve argued").
    let writer = words.len() == 1 && {
        let head = words[0].split(['\'', '’']).next().unwrap_or(words[0]);
        ["i", "we"].iter().any(|w| head.eq_ignore_ascii_case(w))
    };
    match q.kind {
        QuoteKind::Scare => false,
        QuoteKind::Block => true,
        // A quotation with no speaker must be long enough to state something: a few quoted
        // words that nobody is named for are a name, a slogan or a term ("very high readiness
        // joint task force"), the writer's use of someone's wording, not a cited statement.
        QuoteKind::Direct | QuoteKind::Partial => {
            let least = if speaker.is_empty() {
                UNSOURCED_QUOTE_WORDS
            } else {
                3
            };
            // A partial quotation lent to a generic holder ("some suggest \u{201c}…\u{201d}")
            // is the writer's report of a view, as its unquoted report is.
            let generic = q.kind == QuoteKind::Partial && generic_holder(text, q);
            !writer && !generic && q.text.split_whitespace().nth(least - 1).is_some()
        }
        QuoteKind::Reported => {
            let Some(cue) = q.cue.as_ref() else {
                return false;
            };
            let said =
                reporting_category(&cue.text).is_some_and(|c| matches!(c, "speech" | "writing"));
            let quoted = q.text.contains(['"', '“', '”']);
            let generic = generic_holder(text, q);
            // "went to court arguing that …", "…, explaining the law to them": a participle
            // tells the speech as the circumstance of an act the main clause narrates, the
            // corpus's anecdote, unless it carries the speaker's words in quotation marks.
            // Its speaker is the main clause's subject, before the cue: a phrase in "-ing"
            // with its speaker after it ("according to the report, …") is a complex
            // preposition (Quirk et al. 1985, §9.10), no participle clause.
            let preposition = cue.text.split_whitespace().nth(1).is_some()
                && q.speaker
                    .as_ref()
                    .is_some_and(|s| s.span.start() > cue.span.start());
            let participle = !preposition
                && cue
                    .text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ing"));
            said && !writer
                && !generic
                && !speaker.is_empty()
                && (quoted || (statement_verb(&cue.text) && !participle))
                && !hypothetical(text, cue.span.start())
                && !names_what_was_said(text, q)
        }
    }
}

/// Whether a quote's speaker is a generic holder rather than an identifiable source: a word
/// of `generic-holder` (cue_words.tsv: "some", "many", "critics", the pronoun "one"; "one"
/// before a noun is a numeral, "one witness" a person), or a bare plural, a plural common
/// noun with no determiner and no name in its phrase ("experts warn", "press reports",
/// "Journalists labeled"), which refers to a class generically (Quirk et al. 1985, §5.52),
/// unless the report quotes their words.
fn generic_holder(text: &str, q: &Quote) -> bool {
    let Some(sp) = q.speaker.as_ref() else {
        return false;
    };
    let words: Vec<&str> = sp
        .text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let holder = words.iter().take(2).enumerate().any(|(i, w)| {
        crux_lexicon::is(w, CueClass::GenericHolder)
            && !(i == 0 && words.len() > 1 && w.eq_ignore_ascii_case("one"))
    });
    // A report that quotes the class's words ("Residents said the park was \u{201c}quite
    // safe\u{201d}") cites what some of them said, as a participle's quoted report does.
    let quoted = q.text.contains(['"', '\u{201c}', '\u{201d}']);
    holder || (!quoted && bare_plural(text, sp.span.start(), &words))
}

/// Whether a speaker phrase is a bare plural: its head (last word) a plural in "-s", its first
/// word no determiner, and no capitalised word in it but a sentence's first word when that
/// word is itself a plural speaker noun ("Journalists", not "Reuters" or "US officials").
fn bare_plural(text: &str, start: usize, words: &[&str]) -> bool {
    let (Some(first), Some(head)) = (words.first(), words.last()) else {
        return false;
    };
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase());
    let plural = head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("'s")
        && !head.ends_with("’s");
    let sentence_start = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\''))
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | ';'));
    let speaker_noun = |w: &str| {
        crux_lexicon::lookup(&w.to_lowercase())
            .is_some_and(|e| e.of(Kind::SpeakerNoun).next().is_some())
    };
    plural
        && !crux_lexicon::is(first, CueClass::MentionDeterminer)
        && words.iter().skip(1).all(|w| !capitalised(w))
        && (!capitalised(first) || (words.len() == 1 && sentence_start && speaker_noun(first)))
}

/// Whether a report's speaker follows "what", so that the report names what was said as a
/// thing in the writer's clause ("regardless of what the media says", "reflect what the
/// composer described as a spiritual awakening"), rather than stating it.
fn names_what_was_said(text: &str, q: &Quote) -> bool {
    let Some(sp) = q.speaker.as_ref() else {
        return false;
    };
    text.get(..sp.span.start())
        .and_then(|before| before.split_whitespace().next_back())
        .is_some_and(|w| w.eq_ignore_ascii_case("what"))
}

fn claim_range(c: &Claim) -> (usize, usize) {
    (c.span.start(), c.span.end())
}

/// Found-of-gold and right-of-predicted counts.
#[derive(Default)]
struct Counts {
    gold: usize,
    found: usize,
    predicted: usize,
    right: usize,
}

impl Counts {
    fn row(&self, category: &str, n: usize) -> Row {
        Row::prf(
            NAME,
            category,
            prf(self.right, self.predicted, self.found, self.gold),
            n,
        )
    }
}

#[derive(Default)]
struct Tally {
    editorials: usize,
    assumptions: Counts,
    units: Counts,
    testimony: Counts,
    testimony_any_quote: Counts,
    /// Per label: (covered by an author claim, units).
    covered: BTreeMap<String, (usize, usize)>,
    /// Testimony units no cited statement touches, and cited statements touching no testimony
    /// unit, for `--show-failures`.
    failures: Vec<String>,
}

/// A text for a failure line: white space collapsed, cut after 120 characters.
fn excerpt(text: &str) -> String {
    let mut out = String::new();
    for (i, w) in text.split_whitespace().enumerate() {
        if out.chars().count() > 120 {
            out.push_str(" …");
            break;
        }
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// How a failure line names a crux quote: its kind, cue and speaker.
fn describe(q: &Quote) -> String {
    format!(
        "{:?} cue {:?} speaker {:?}",
        q.kind,
        q.cue.as_ref().map_or("", |c| c.text.as_str()),
        q.speaker.as_ref().map_or("", |s| s.text.as_str())
    )
}

impl Tally {
    fn editorial(&mut self, record: &Record) {
        self.editorials += 1;
        let analysis = analyse(&record.text);
        let d = &analysis.document;
        let claims: Vec<(usize, usize)> = d
            .claims
            .iter()
            .filter(|c| c.holder == "author")
            .map(claim_range)
            .collect();
        let units: Vec<&Unit> = record.spans.iter().filter(|u| u.label != "title").collect();
        let assumptions: Vec<&Unit> = units
            .iter()
            .copied()
            .filter(|u| u.label == "assumption")
            .collect();
        let covered = |u: &Unit| claims.iter().any(|&c| covers(u.span.range(), c, 0.5));
        let inside = |c: (usize, usize), among: &[&Unit]| {
            among.iter().any(|u| covers(c, u.span.range(), 0.5))
        };

        for (counts, among) in [
            (&mut self.assumptions, &assumptions),
            (&mut self.units, &units),
        ] {
            counts.gold += among.len();
            counts.found += among.iter().filter(|u| covered(u)).count();
            counts.predicted += claims.len();
            counts.right += claims.iter().filter(|&&c| inside(c, among)).count();
        }
        for u in &units {
            let entry = self.covered.entry(u.label.clone()).or_default();
            entry.0 += usize::from(covered(u));
            entry.1 += 1;
        }

        let testimony: Vec<(usize, usize)> = units
            .iter()
            .filter(|u| u.label == "testimony")
            .map(|u| u.span.range())
            .collect();
        let cited: Vec<&Quote> = d
            .quotes
            .iter()
            .filter(|q| cited_statement(&d.text, q))
            .collect();
        let statements: Vec<(usize, usize)> = cited.iter().map(|q| range(q)).collect();
        for q in &cited {
            let r = range(q);
            if !testimony.iter().any(|&u| touches(u, r, 0.3)) {
                let unit = units
                    .iter()
                    .find(|u| touches(u.span.range(), r, 0.3))
                    .map_or("none", |u| u.label.as_str());
                self.failures.push(format!(
                    "{}: false testimony (unit {unit}; {}): {}",
                    record.id,
                    describe(q),
                    excerpt(&q.text)
                ));
            }
        }
        for &(a, b) in &testimony {
            if !statements.iter().any(|&q| touches((a, b), q, 0.3)) {
                let near = d
                    .quotes
                    .iter()
                    .find(|q| touches((a, b), range(q), 0.3))
                    .map_or_else(|| "no crux quote".to_owned(), describe);
                self.failures.push(format!(
                    "{}: missed testimony ({near}): {}",
                    record.id,
                    excerpt(record.text.get(a..b).unwrap_or(""))
                ));
            }
        }
        let quotes: Vec<(usize, usize)> = d
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .map(range)
            .collect();
        for (t, predicted) in [
            (&mut self.testimony, &statements),
            (&mut self.testimony_any_quote, &quotes),
        ] {
            t.gold += testimony.len();
            t.found += testimony
                .iter()
                .filter(|&&u| predicted.iter().any(|&q| touches(u, q, 0.3)))
                .count();
            t.predicted += predicted.len();
            t.right += predicted
                .iter()
                .filter(|&&q| testimony.iter().any(|&u| touches(u, q, 0.3)))
                .count();
        }
    }

    fn rows(&self) -> Vec<Row> {
        let n = self.editorials;
        let mut rows = vec![
            self.assumptions
                .row("assumptions: author claims", n)
                .with_note(
                    "found: one author claim covers >= 0.5 of the unit; \
                     right: >= 0.5 of the claim inside one unit",
                ),
            self.units
                .row("any unit: author claims", n)
                .with_note("as above, against every non-title unit"),
            self.testimony
                .row("testimony: cited statements", n)
                .with_note(
                    "crux: quotations of >= 3 words (>= 6 without a speaker), reports of speech or writing by a \
                     named source (unquoted: a verb of assertion; no modal, no poll); \
                     overlap >= 0.3 of the shorter span",
                ),
            self.testimony_any_quote
                .row("testimony: any quote", n)
                .with_note("crux: all but scare quotes; overlap >= 0.3 of the shorter span"),
        ];
        for (label, (covered, units)) in &self.covered {
            rows.push(
                Row::accuracy(
                    NAME,
                    &format!("units covered by an author claim: {label}"),
                    *covered,
                    *units,
                )
                .with_note("one author claim covers >= 0.5 of the unit"),
            );
        }
        rows
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut t = Tally::default();
    for_each_record(path, reader, |_, record: Record| t.editorial(&record))?;
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: None,
        rows: t.rows(),
        failures: std::mem::take(&mut t.failures),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the quotes in `text` that stand for cited statements.
    fn statements(text: &str) -> Vec<String> {
        analyse(text)
            .document
            .quotes
            .iter()
            .filter(|q| cited_statement(text, q))
            .map(|q| q.text.clone())
            .collect()
    }

    #[test]
    fn a_cited_statement_is_someone_named_saying_or_writing_a_clause() {
        // The writer's own words, a view lent to "some", a belief: no testimony.
        for text in [
            "I'd say the plan is a failure.",
            "Some argue that the plan is a failure.",
            "Residents believe that the park is safe.",
        ] {
            assert!(statements(text).is_empty(), "{text}");
        }
        // A named source's statement, reported or quoted; a quoted term is none.
        assert_eq!(statements("The mayor said the park was safe.").len(), 1);
        let text = "\u{201c}We will keep every park open,\u{201d} the mayor said.";
        assert_eq!(statements(text).len(), 1);
        // An act of speech told without its words, a hypothetical or future report, and a
        // poll's or a sample's figures are no cited statement; a verb of saying is.
        for text in [
            "The mayor demanded a new bridge for the harbour.",
            "The mayor rejected the plan of the council.",
            "The mayor would say the bridge is safe.",
            "A harbour poll says the bridge is safe.",
            "Fifty-two percent of respondents said the bridge was safe.",
            "52 percent said the bridge was safe.",
        ] {
            assert!(
                statements(text).is_empty(),
                "{text}: {:?}",
                statements(text)
            );
        }
        // The writer's own words, quoted, and a report that names what was said: no
        // testimony.
        for text in [
            "\u{201c}Where is the ferry?\u{201d} I asked the guard at the gate.",
            "The bridge reflects what the mayor described as a triumph of design.",
            "The bridge is safe, regardless of what the mayor says.",
        ] {
            assert!(
                statements(text).is_empty(),
                "{text}: {:?}",
                statements(text)
            );
        }
        // A participle without quotation marks tells the speech as part of an act; with
        // them, the report carries the speaker's words.
        let text = "The mayor walked out of the meeting, saying that the bridge was safe.";
        assert!(
            statements(text).is_empty(),
            "{text}: {:?}",
            statements(text)
        );
        let text = "The mayor walked out of the meeting, saying that the bridge was \u{201c}as safe as any in the country\u{201d}.";
        assert!(
            statements(text)
                .iter()
                .any(|s| s.starts_with("The mayor walked")),
            "{text}: {:?}",
            statements(text)
        );
        for text in [
            "The mayor noted that the bridge was safe.",
            "Ann Lee told the council that the bridge was safe.",
        ] {
            assert_eq!(statements(text).len(), 1, "{text}");
        }
        // "According to" with its source after it is a complex preposition, no participle;
        // a bare plural ("Experts warn"), the pronoun "one" and "some" before a partial
        // quotation are generic holders; "one" before a noun is a numeral.
        for text in [
            "According to the harbour report, the ferry will stop running in May.",
            "One pilot said that the ferry was late again.",
        ] {
            assert_eq!(statements(text).len(), 1, "{text}: {:?}", statements(text));
        }
        for text in [
            "Experts warn that the ferry will stop running in May.",
            "On Monday, harbour pilots said the ferry was late.",
            "In the end, press reports claimed that the ferry sank.",
            "Some suggest the ferry is \u{201c}a floating disgrace to the town\u{201d}.",
        ] {
            assert!(
                statements(text).is_empty(),
                "{text}: {:?}",
                statements(text)
            );
        }
        // A few quoted words that nobody is named for are a name or a term; a longer
        // quotation is a statement even when crux finds no speaker for it.
        let text = "The plan set up a \u{201c}rapid harbour response team\u{201d} last year.";
        assert!(statements(text).is_empty(), "{:?}", statements(text));
        let text = "The sign on the door read: \u{201c}The harbour will stay open to every boat all winter.\u{201d}";
        assert_eq!(statements(text).len(), 1, "{:?}", statements(text));
        assert!(
            statements("The council wants a \u{201c}green lung\u{201d} there.")
                .iter()
                .all(|s| s.split_whitespace().count() >= 3)
        );
    }
}
