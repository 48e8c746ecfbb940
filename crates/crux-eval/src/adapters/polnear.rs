//! `polnear`: PolNeAR attributions in political news (Newell, Margolin & Ruths, LREC 2018).
//!
//! One annotator per article: the first record of each `article` in file order (agreement-study
//! articles have six). Every split in the file is scored, and the development split again on
//! its own (rows `dev: …`); the articles per split are reported. Four measures, each with
//! content P/R/F1 and speaker accuracy (docs/evaluation.md): all attributions with content
//! against every crux quote but scare quotes, and the attributions whose content is in
//! quotation marks (`content_in_quotes_derived`) against crux's direct and partial quotes, each
//! at overlap 0.3 (the Gender Gap Tracker's criterion) and 0.8 of the shorter span.
//!
//! Contents are scored by their fragments: a content split around its tag (`"…," he said,
//! "…"`) is two gold pieces, each to be found. A crux item is right when it touches any gold
//! piece or lies inside a gold content (a partial quote within a paraphrase). A speaker is right
//! when the crux speaker of the best-overlapping item overlaps the gold source span, or names
//! the same speaker ([`crate::metrics::same_speaker`] on its words or its resolved `canonical`
//! name); for a gold source that is a pronoun, a name-level check also counts crux right when
//! it names the person the article named last as a source before it (the pronoun's
//! antecedent in the annotation), reported on its own row.

use std::collections::{BTreeMap, HashSet};
use std::io::BufRead;
use std::path::Path;

use crux_parser::{Quote, QuoteKind};
use serde::Deserialize;

use crate::corpus::{JsonSpan, analyse, for_each_record, range};
use crate::metrics::{overlap, prf, same_speaker, touches};
use crate::{DatasetResult, EvalError, Row};

const NAME: &str = "polnear";

/// The Gender Gap Tracker's overlap criterion.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    split: String,
    article: String,
    text: String,
    #[serde(default)]
    attributions: Vec<Attribution>,
}

#[derive(Deserialize)]
struct Attribution {
    source: Option<JsonSpan>,
    content: Option<Content>,
    #[serde(default)]
    content_in_quotes_derived: bool,
}

/// A content span, with its pieces when it is discontinuous.
#[derive(Deserialize)]
struct Content {
    start_byte: usize,
    end_byte: usize,
    #[serde(default)]
    fragments: Vec<JsonSpan>,
}

impl Content {
    fn range(&self) -> (usize, usize) {
        (self.start_byte, self.end_byte)
    }

    /// The pieces to be found: the fragments, or the whole span.
    fn pieces(&self) -> Vec<(usize, usize)> {
        if self.fragments.is_empty() {
            vec![self.range()]
        } else {
            self.fragments.iter().map(JsonSpan::range).collect()
        }
    }
}

/// Byte ranges of a content's pieces.
type Pieces = Vec<(usize, usize)>;

/// Pronouns a source may be (then the name-level check applies).
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "him", "her", "them", "we", "i", "his", "their", "its",
];

fn is_pronoun(words: &str) -> bool {
    PRONOUNS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(words.trim()))
}

/// The antecedents of the gold pronoun sources of one record: for each attribution, the last
/// source before it (in text order) that is not a pronoun and has a capitalised word.
fn antecedents<'t>(text: &'t str, attributions: &[Attribution]) -> Vec<Option<&'t str>> {
    let mut named: Vec<(usize, &str)> = attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .filter_map(|s| Some((s.start_byte, text.get(s.start_byte..s.end_byte)?)))
        .filter(|(_, w)| !is_pronoun(w) && w.split(' ').any(crux_parser::capitalised))
        .collect();
    named.sort_unstable_by_key(|&(at, _)| at);
    attributions
        .iter()
        .map(|a| {
            let source = a.source.as_ref()?;
            let words = text.get(source.start_byte..source.end_byte)?;
            if !is_pronoun(words) {
                return None;
            }
            let i = named.partition_point(|&(at, _)| at < source.start_byte);
            i.checked_sub(1).map(|i| named[i].1)
        })
        .collect()
}

/// Which attributions and which crux items a measure compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Every attribution with content; every crux quote but scare quotes.
    All,
    /// Attributions whose content is in quotation marks; crux's direct and partial quotes.
    Direct,
}

/// Counts for one (scope, overlap) measure.
#[derive(Debug, Clone, Copy)]
struct Measure {
    scope: Scope,
    min_share: f64,
    gold: usize,
    found: usize,
    predicted: usize,
    right_predictions: usize,
    sources: usize,
    sources_right: usize,
    /// Matched attributions whose source is a pronoun with a named antecedent, and those
    /// crux names right at the name level.
    pronouns: usize,
    pronouns_right: usize,
}

impl Measure {
    const fn new(scope: Scope, min_share: f64) -> Measure {
        Measure {
            scope,
            min_share,
            gold: 0,
            found: 0,
            predicted: 0,
            right_predictions: 0,
            sources: 0,
            sources_right: 0,
            pronouns: 0,
            pronouns_right: 0,
        }
    }

    fn add(&mut self, text: &str, attributions: &[Attribution], quotes: &[Quote]) {
        let items: Vec<&Quote> = quotes
            .iter()
            .filter(|q| match self.scope {
                Scope::All => q.kind != QuoteKind::Scare,
                Scope::Direct => matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial),
            })
            .collect();
        // (index, attribution, content pieces) of the attributions this measure scores.
        let gold: Vec<(usize, &Attribution, Pieces)> = attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| self.scope == Scope::All || a.content_in_quotes_derived)
            .filter_map(|(i, a)| a.content.as_ref().map(|c| (i, a, c.pieces())))
            .collect();
        self.gold += gold
            .iter()
            .map(|(_, _, pieces)| pieces.len())
            .sum::<usize>();
        self.predicted += items.len();
        // A crux item is right when it matches any attribution's piece, or lies inside any
        // attribution's content: a partial quote inside an attribution of paraphrase is right
        // even when that content is not all in quotation marks.
        self.right_predictions += items
            .iter()
            .filter(|q| {
                let r = range(q);
                attributions
                    .iter()
                    .filter_map(|a| a.content.as_ref())
                    .any(|c| {
                        let whole = c.range();
                        (whole.0 <= r.0 && r.1 <= whole.1)
                            || c.pieces().iter().any(|&p| touches(p, r, self.min_share))
                    })
            })
            .count();
        let antecedents = antecedents(text, attributions);
        for (index, attribution, pieces) in &gold {
            let mut best: Option<(&Quote, usize)> = None;
            for &piece in pieces {
                let found = items
                    .iter()
                    .filter(|q| touches(piece, range(q), self.min_share))
                    .max_by_key(|q| overlap(piece, range(q)));
                let Some(found) = found else { continue };
                self.found += 1;
                let o = overlap(piece, range(found));
                if best.is_none_or(|(_, b)| o > b) {
                    best = Some((found, o));
                }
            }
            let (Some((best, _)), Some(source)) = (best, &attribution.source) else {
                continue;
            };
            self.sources += 1;
            let gold_source = text.get(source.start_byte..source.end_byte).unwrap_or("");
            let named = best
                .speaker
                .as_ref()
                .map(|s| format!("{} {}", s.text, s.canonical.as_deref().unwrap_or_default()));
            let by_span = best.speaker.as_ref().is_some_and(|s| {
                overlap(source.range(), (s.span.start(), s.span.end())) > 0
                    || named
                        .as_deref()
                        .is_some_and(|n| same_speaker(gold_source, n))
            });
            // The name-level check for a pronoun source: crux names its antecedent.
            let by_name = antecedents[*index].map(|antecedent| {
                named
                    .as_deref()
                    .is_some_and(|n| same_speaker(antecedent, n))
            });
            if let Some(right) = by_name {
                self.pronouns += 1;
                self.pronouns_right += usize::from(right || by_span);
            }
            self.sources_right += usize::from(by_span || by_name == Some(true));
        }
    }

    fn rows(&self, prefix: &str, articles: usize) -> [Row; 3] {
        let (what, crux) = match self.scope {
            Scope::All => ("all attributions", "crux: all but scare quotes"),
            Scope::Direct => (
                "quoted content",
                "content_in_quotes_derived; crux: direct and partial quotes",
            ),
        };
        let share = self.min_share;
        [
            Row::prf(
                NAME,
                &format!("{prefix}{what}: content @{share}"),
                prf(
                    self.right_predictions,
                    self.predicted,
                    self.found,
                    self.gold,
                ),
                articles,
            )
            .with_note(format!("overlap >= {share} of the shorter span; {crux}")),
            Row::accuracy(
                NAME,
                &format!("{prefix}{what}: speaker @{share}"),
                self.sources_right,
                self.sources,
            )
            .with_note("over matched attributions with a source; span overlap or same name"),
            Row::accuracy(
                NAME,
                &format!("{prefix}{what}: pronoun sources by name @{share}"),
                self.pronouns_right,
                self.pronouns,
            )
            .with_note("gold source a pronoun: crux names the last named source before it"),
        ]
    }
}

struct Tally {
    splits: BTreeMap<String, usize>,
    measures: [Measure; 4],
    /// The same measures over the development split only.
    dev: [Measure; 4],
}

fn measures() -> [Measure; 4] {
    [
        Measure::new(Scope::All, 0.3),
        Measure::new(Scope::All, 0.8),
        Measure::new(Scope::Direct, 0.3),
        Measure::new(Scope::Direct, 0.8),
    ]
}

impl Tally {
    fn new() -> Tally {
        Tally {
            splits: BTreeMap::new(),
            measures: measures(),
            dev: measures(),
        }
    }

    fn article(&mut self, record: &Record) {
        *self.splits.entry(record.split.clone()).or_default() += 1;
        let analysis = analyse(&record.text);
        let dev = record.split == "dev";
        for m in self
            .measures
            .iter_mut()
            .chain(self.dev.iter_mut().filter(|_| dev))
        {
            m.add(
                &record.text,
                &record.attributions,
                &analysis.document.quotes,
            );
        }
    }
}

pub(crate) fn run(path: &Path, reader: &mut dyn BufRead) -> Result<DatasetResult, EvalError> {
    let mut seen = HashSet::new();
    let mut t = Tally::new();
    for_each_record(path, reader, |_, record: Record| {
        if seen.insert(record.article.clone()) {
            t.article(&record);
        }
    })?;
    let articles = seen.len();
    let mut rows: Vec<Row> = t
        .measures
        .iter()
        .flat_map(|m| m.rows("", articles))
        .collect();
    let dev_articles = t.splits.get("dev").copied().unwrap_or(0);
    if dev_articles > 0 {
        rows.extend(t.dev.iter().flat_map(|m| m.rows("dev: ", dev_articles)));
    }
    for (split, n) in &t.splits {
        #[expect(clippy::cast_precision_loss, reason = "article counts are small")]
        rows.push(
            Row::value(NAME, &format!("articles: {split}"), *n as f64, *n)
                .with_note("first annotator of each article"),
        );
    }
    Ok(DatasetResult {
        dataset: NAME.to_owned(),
        path: path.display().to_string(),
        article: None,
        published: Some(
            "annotator agreement 92.3%; on other news sets: Gender Gap Tracker quote F1 0.837 \
             (overlap 0.3), speaker accuracy 0.865; citron (PARC 3.0) content overlap F1 0.833"
                .to_owned(),
        ),
        rows,
        failures: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gold span of `text` at the first occurrence of `words` (from byte `from`).
    fn span(text: &str, words: &str, from: usize) -> serde_json::Value {
        let start = from + text[from..].find(words).unwrap();
        serde_json::json!({"start_byte": start, "end_byte": start + words.len()})
    }

    #[test]
    fn fragments_inside_and_pronoun_sources() {
        let text = "Ann Cole said the town would grow. \"We will win,\" she said, \"and soon.\"";
        let first = span(text, "\"We will win,\"", 0);
        let second = span(text, "\"and soon.\"", 0);
        let whole = serde_json::json!({
            "start_byte": first["start_byte"],
            "end_byte": second["end_byte"],
            "fragments": [first, second],
        });
        let attributions: Vec<Attribution> = serde_json::from_value(serde_json::json!([
            {"source": span(text, "Ann Cole", 0), "content": span(text, "the town would grow", 0)},
            {"source": span(text, "she", 40), "content": whole, "content_in_quotes_derived": true},
        ]))
        .unwrap();
        assert_eq!(antecedents(text, &attributions), [None, Some("Ann Cole")]);
        let quotes = analyse(text).document.quotes;
        let mut all = Measure::new(Scope::All, 0.3);
        all.add(text, &attributions, &quotes);
        // Three pieces to find: the report and the two halves of the split quotation.
        assert_eq!((all.gold, all.found), (3, 3));
        assert_eq!((all.sources, all.sources_right), (2, 2));
        assert_eq!((all.pronouns, all.pronouns_right), (1, 1));
        assert_eq!(all.right_predictions, all.predicted);
    }
}
