//! Caveats (hedges, concessions, conditions, limitations) and boosters, with their scope.
//!
//! Cues come from `data/caveats.tsv`, matched as whole-word phrases, longest first. Words with
//! more than one sense pass a rule first (the `rule` column): "May" the month, "military
//! might", "could not" (past ability), deontic "should" (which makes a normative claim, not a
//! hedge), approximators before numbers only, concessive "yet"/"still" at a clause start only,
//! "if"/"assuming" as subordinators only. Cues inside quotations and block quotes belong to
//! their speaker, not the author, and are not reported as the author's caveats.
//!
//! The scope of a cue is its clause: the stretch of the sentence between `;`, `:`, parentheses
//! and dashes around it (so a parenthetical "as I understand it" takes its host clause). A
//! concession or condition that opens a subordinate clause ("though one should not jump …")
//! takes the rest of that clause. `strength` is the cue's base weight, raised by other caveats in
//! the same scope: `1 − (1 − base) × Π (1 − other / 2)`.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::document::{
    Booster, Caveat, CaveatKind, Paragraph, ParagraphKind, Quote, Sentence, Voice,
};
use crate::lexicon::data_lines;
use crate::span::Span;
use crate::words::{Token, capitalised, tokens};

/// What a cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// A caveat of this kind.
    Caveat(CaveatKind),
    /// Raises commitment.
    Booster,
}

/// A sense rule (see `data/caveats.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    None,
    ModalMay,
    ModalMight,
    ModalCould,
    Epistemic,
    Number,
    Concessive,
    Clause,
}

#[derive(Debug)]
struct Entry {
    words: Vec<&'static str>,
    kind: CueKind,
    strength: f64,
    rule: Rule,
}

/// Entries by their first word (lower case), longest phrase first.
static CUES: LazyLock<HashMap<String, Vec<Entry>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<Entry>> = HashMap::new();
    for line in data_lines(include_str!("../data/caveats.tsv")) {
        let mut fields = line.split('\t').map(str::trim);
        let (Some(phrase), Some(kind), Some(strength)) =
            (fields.next(), fields.next(), fields.next())
        else {
            panic!("caveats.tsv: expected phrase<TAB>kind<TAB>strength in {line:?}");
        };
        let kind = match kind {
            "hedge" => CueKind::Caveat(CaveatKind::Hedge),
            "concession" => CueKind::Caveat(CaveatKind::Concession),
            "condition" => CueKind::Caveat(CaveatKind::Condition),
            "limitation" => CueKind::Caveat(CaveatKind::Limitation),
            "booster" => CueKind::Booster,
            other => panic!("caveats.tsv: unknown kind {other:?}"),
        };
        let strength: f64 = strength
            .parse()
            .unwrap_or_else(|_| panic!("caveats.tsv: bad strength in {line:?}"));
        let rule = match fields.next() {
            None | Some("") => Rule::None,
            Some("modal-may") => Rule::ModalMay,
            Some("modal-might") => Rule::ModalMight,
            Some("modal-could") => Rule::ModalCould,
            Some("epistemic") => Rule::Epistemic,
            Some("number") => Rule::Number,
            Some("concessive") => Rule::Concessive,
            Some("clause" | "final") => Rule::Clause,
            Some(other) => panic!("caveats.tsv: unknown rule {other:?}"),
        };
        let words: Vec<&'static str> = phrase.split(' ').collect();
        map.entry(words[0].to_lowercase()).or_default().push(Entry {
            words,
            kind,
            strength,
            rule,
        });
    }
    for entries in map.values_mut() {
        entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    }
    map
});

/// What the caveat stage found.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub(crate) caveats: Vec<Caveat>,
    pub(crate) boosters: Vec<Booster>,
}

/// Two words equal ignoring ASCII case and apostrophe style.
fn same_word(a: &str, b: &str) -> bool {
    let mut x = a.chars().map(|c| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    });
    let mut y = b.chars().map(|c| {
        if c == '’' {
            '\''
        } else {
            c.to_ascii_lowercase()
        }
    });
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(p), Some(q)) if p == q => {}
            _ => return false,
        }
    }
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> Option<&'a str> {
    tokens.get(i).filter(|t| t.word).map(|t| &text[t.span])
}

fn is_number(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '$')
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "a"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "half"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "million"
                | "billion"
        )
}

/// Adjectives after "should be" / "ought to be" that make the modal epistemic.
const EPISTEMIC_AFTER_BE: &[&str] = &[
    "possible",
    "able",
    "likely",
    "enough",
    "easy",
    "easier",
    "clear",
    "fine",
    "ready",
    "a",
    "an",
    "sufficient",
    "feasible",
    "manageable",
    "straightforward",
    "obvious",
    "apparent",
    "no",
    "the",
    "safe",
    "available",
];

/// Whether the cue at `i` (an entry of `rule`) has its caveat sense here.
fn sense(text: &str, tokens: &[Token], i: usize, len: usize, rule: Rule) -> bool {
    let prev = i.checked_sub(1).and_then(|p| word(text, tokens, p));
    let next = word(text, tokens, i + len);
    let at_clause_start = i == 0
        || tokens
            .get(i - 1)
            .is_some_and(|t| !t.word && matches!(&text[t.span], "," | ";" | ":" | "(" | "—" | "–"));
    match rule {
        Rule::None => true,
        Rule::ModalMay => {
            let w = &text[tokens[i].span];
            // "May" inside a sentence, or before a number, is the month.
            !(next.is_some_and(is_number) || (i > 0 && capitalised(w)))
        }
        Rule::ModalMight => !prev.is_some_and(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "the"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "military"
                    | "economic"
                    | "naval"
                    | "full"
                    | "all"
                    | "with"
                    | "of"
                    | "american"
                    | "russian"
                    | "chinese"
                    | "sheer"
            )
        }),
        Rule::ModalCould => {
            !next.is_some_and(|n| same_word(n, "not")) && {
                let w = &text[tokens[i].span];
                !w.contains('\'') && !w.contains('’')
            }
        }
        Rule::Epistemic => {
            // should be possible / ought to be a net positive
            next.is_some_and(|n| same_word(n, "be"))
                && word(text, tokens, i + len + 1)
                    .is_some_and(|a| EPISTEMIC_AFTER_BE.iter().any(|e| same_word(a, e)))
        }
        Rule::Number => next.is_some_and(is_number),
        Rule::Concessive => {
            (at_clause_start || prev.is_some_and(|p| same_word(p, "but")))
                && !prev.is_some_and(|p| {
                    matches!(p.to_ascii_lowercase().as_str(), "not" | "as" | "and")
                })
                && !next.is_some_and(|n| {
                    matches!(
                        n.to_ascii_lowercase().as_str(),
                        "another" | "more" | "again"
                    )
                })
        }
        Rule::Clause => !prev.is_some_and(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "as" | "even" | "ask" | "asked" | "asks" | "wonder" | "wondered" | "see" | "know"
            )
        }),
    }
}

/// The clause around tokens `[i, i + len)`: between `;`, `:`, parentheses and dashes.
fn clause(text: &str, tokens: &[Token], sentence: Span, i: usize, len: usize) -> Span {
    let boundary =
        |t: &Token| !t.word && matches!(&text[t.span], ";" | ":" | "(" | ")" | "—" | "–");
    let start = tokens[..i]
        .iter()
        .rposition(boundary)
        .map_or(sentence.start(), |b| tokens[b].span.end());
    let end = tokens[i + len..]
        .iter()
        .position(boundary)
        .map_or(sentence.end(), |b| tokens[i + len + b].span.start());
    Span::new(start, end.max(start)).trim(text)
}

/// Openers that grant a point when a counter follows ("Yes, it's annoying … But still …";
/// "Of course, first they'd need to be caught, but …").
const CONCESSIVE_OPENERS: &[&str] = &[
    "yes",
    "sure",
    "granted",
    "admittedly",
    "true",
    "of course",
    "certainly",
    "indeed",
    "clearly",
    "obviously",
    "to be sure",
    "it is true that",
    "it's true that",
    "no doubt",
];

/// Words that counter what came before.
const COUNTERS: &[&str] = &[
    "but",
    "however",
    "yet",
    "still",
    "nevertheless",
    "nonetheless",
    "even so",
    "though",
];

fn starts_with_phrase(text: &str, toks: &[Token], phrases: &[&str]) -> Option<usize> {
    phrases.iter().find_map(|p| {
        let words: Vec<&str> = p.split(' ').collect();
        words
            .iter()
            .enumerate()
            .all(|(k, w)| word(text, toks, k).is_some_and(|t| same_word(t, w)))
            .then_some(words.len())
    })
}

/// The concede-then-counter structure: a sentence that opens by granting a point ("Yes,",
/// "Of course,", "Granted,") and is countered, in its own second clause (", but …") or by the
/// next sentence of the paragraph ("But …", "However, …"), is a concession: its opener is the
/// cue (a booster such as "of course" is read as conceding there), its scope the sentence.
fn concede_then_counter(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token>],
    boosters: &mut Vec<Booster>,
    drafts: &mut Vec<(CaveatKind, Span, Span, f64)>,
) {
    let sorted = drafts.len();
    // Boosters read as conceding here ("Of course, …, but …"), removed once at the end.
    let mut conceding: Vec<Span> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let p = &paragraphs[s.paragraph];
        if p.voice != Voice::Author || p.kind != ParagraphKind::Body {
            continue;
        }
        let toks = &sentence_tokens[i][..sentence_tokens[i].len().min(64)];
        let Some(len) = starts_with_phrase(text, toks, CONCESSIVE_OPENERS) else {
            continue;
        };
        // A counter in the sentence's own clauses, not inside a parenthesis.
        let mut depth = 0i32;
        let countered_inside = toks.windows(2).skip(len).any(|w| {
            match &text[w[0].span] {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
            depth == 0
                && !w[0].word
                && matches!(&text[w[0].span], "," | ";")
                && word(text, &w[1..], 0).is_some_and(|t| COUNTERS.iter().any(|c| same_word(t, c)))
        });
        let countered_next = sentences
            .get(i + 1)
            .filter(|n| n.paragraph == s.paragraph)
            .is_some_and(|n| {
                let next: Vec<Token> = tokens(text, n.span).take(4).collect();
                starts_with_phrase(text, &next, COUNTERS).is_some()
            });
        if !(countered_inside || countered_next) {
            continue;
        }
        let cue = toks[0].span.cover(toks[len - 1].span);
        // The drafts before `sorted` are in text order: a binary search finds any at the cue.
        let at = drafts[..sorted].partition_point(|d| d.1.end() <= cue.start());
        if drafts[..sorted].get(at).is_some_and(|d| d.1.overlaps(cue)) {
            continue;
        }
        conceding.push(cue);
        drafts.push((CaveatKind::Concession, cue, s.span, 0.3));
    }
    if !conceding.is_empty() {
        // Both lists are in text order: one merge pass.
        let mut c = conceding.iter().peekable();
        boosters.retain(|b| {
            while c.peek().is_some_and(|x| x.end() <= b.span.start()) {
                c.next();
            }
            !c.peek().is_some_and(|x| x.overlaps(b.span))
        });
    }
}

/// Finds the caveats and boosters of the author's text: body and list paragraphs in the
/// author's voice, outside quotations.
pub(crate) fn find(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token>],
    quotes: &[Quote],
) -> Found {
    let mut found = Found::default();
    let mut drafts: Vec<(CaveatKind, Span, Span, f64)> = Vec::new();
    // Quotations sorted by start, for a bounded look-back.
    let inside_quote = |span: Span| {
        let i = quotes.partition_point(|q| q.span.start() <= span.start());
        quotes[..i]
            .iter()
            .rev()
            .take(16)
            .any(|q| q.span.contains_span(span))
    };
    for s in sentences {
        let p = &paragraphs[s.paragraph];
        if p.voice != Voice::Author || !matches!(p.kind, ParagraphKind::Body | ParagraphKind::List)
        {
            continue;
        }
        let toks: Vec<Token> = tokens(text, s.span).collect();
        let mut i = 0;
        while i < toks.len() {
            let Some(w) = word(text, &toks, i) else {
                i += 1;
                continue;
            };
            let key = w.to_lowercase().replace('’', "'");
            let matched =
                CUES.get(&key).and_then(|entries| {
                    entries.iter().find(|e| {
                        e.words.iter().enumerate().all(|(k, ew)| {
                            word(text, &toks, i + k).is_some_and(|tw| same_word(tw, ew))
                        }) && sense(text, &toks, i, e.words.len(), e.rule)
                    })
                });
            let Some(entry) = matched else {
                i += 1;
                continue;
            };
            let len = entry.words.len();
            let span = toks[i].span.cover(toks[i + len - 1].span);
            i += len;
            if inside_quote(span) {
                continue;
            }
            let mut scope = clause(text, &toks, s.span, i - len, len);
            if matches!(
                entry.kind,
                CueKind::Caveat(CaveatKind::Concession | CaveatKind::Condition)
            ) && span.start() > scope.start()
                && !matches!(entry.rule, Rule::Concessive)
                && !entry.words[0].eq_ignore_ascii_case("notwithstanding")
            {
                // "…, though one should not jump …": the subordinate clause from the cue on.
                scope = Span::new(span.start(), scope.end());
            }
            match entry.kind {
                CueKind::Caveat(kind) => drafts.push((kind, span, scope, entry.strength)),
                CueKind::Booster => found.boosters.push(Booster {
                    span,
                    text: text[span].to_owned(),
                    scope,
                    strength: entry.strength,
                }),
            }
        }
    }
    concede_then_counter(
        text,
        paragraphs,
        sentences,
        sentence_tokens,
        &mut found.boosters,
        &mut drafts,
    );
    drafts.sort_by_key(|d| d.1);
    // Stacking: other caveats in the same scope raise a caveat's strength.
    // Scopes lie inside their sentence, so the caveats that can share one are those whose cue
    // lies inside this scope's sentence: a window found by binary search (drafts are sorted by
    // cue), at most eight of them counted, which keeps a paragraph of caveats linear.
    for (n, &(kind, span, scope, base)) in drafts.iter().enumerate() {
        let sentence = sentences
            .get(sentences.partition_point(|s| s.span.end() <= span.start()))
            .map_or(scope, |s| s.span);
        let others: f64 = crate::span::starting_within(&drafts, sentence, |d| d.1)
            .iter()
            .filter(|d| d.1 != span && d.2.overlaps(scope))
            .take(8)
            .map(|d| 1.0 - d.3 / 2.0)
            .product();
        let strength = (1.0 - (1.0 - base) * others).clamp(0.0, 1.0);
        found.caveats.push(Caveat {
            id: format!("c{}", n + 1),
            kind,
            span,
            text: text[span].to_owned(),
            scope,
            strength: (strength * 1000.0).round() / 1000.0,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(sentence: &str) -> Vec<(&str, CaveatKind)> {
        let parsed = crate::parse(sentence);
        parsed
            .document
            .caveats
            .iter()
            .map(|c| (&sentence[c.span], c.kind))
            .collect()
    }

    #[test]
    fn senses() {
        assert_eq!(
            cues("The vote may slip to May 5."),
            [("may", CaveatKind::Hedge)]
        );
        assert!(cues("Russia showed its military might.").is_empty());
        assert!(cues("He could not attend the meeting.").is_empty());
        assert!(cues("The U.S. should act now.").is_empty());
        assert_eq!(
            cues("It should be possible to do it."),
            [("should", CaveatKind::Hedge)]
        );
        assert_eq!(
            cues("About 20 people came."),
            [("About", CaveatKind::Hedge)]
        );
        assert!(cues("They talked about the plan.").is_empty());
        assert_eq!(
            cues("It is not yet adopted."),
            [("not yet", CaveatKind::Limitation)]
        );
        assert_eq!(
            cues("The plan failed, yet the idea was sound."),
            [("yet", CaveatKind::Concession)]
        );
        assert!(cues("They acted as if nothing happened.").is_empty());
    }

    #[test]
    fn phrases_and_scope() {
        let text = "Mexican law (as I understand it, would preclude it) matters.";
        let parsed = crate::parse(text);
        let c = &parsed.document.caveats[0];
        assert_eq!(&text[c.span], "as I understand it");
        assert_eq!(&text[c.scope], "as I understand it, would preclude it");
        let text = "That is serious, though one should not jump to conclusions.";
        let parsed = crate::parse(text);
        let c = &parsed.document.caveats[0];
        assert_eq!(&text[c.span], "though");
        assert_eq!(&text[c.scope], "though one should not jump to conclusions.");
    }

    #[test]
    fn quotations_belong_to_their_speaker() {
        assert!(cues("\"It might rain,\" he said.").is_empty());
    }

    #[test]
    fn concede_then_counter() {
        assert_eq!(
            cues("Yes, it's annoying to sort rubbish. But still we produce too much."),
            [
                ("Yes", CaveatKind::Concession),
                ("still", CaveatKind::Concession)
            ]
        );
        assert_eq!(
            cues("Of course, they must first be caught, but fines then work."),
            [("Of course", CaveatKind::Concession)]
        );
        assert!(cues("Of course it works. It is cheap.").is_empty());
    }

    #[test]
    fn boosters_are_not_caveats() {
        let parsed = crate::parse("It is of course very significant.");
        assert!(parsed.document.caveats.is_empty());
        assert_eq!(parsed.document.boosters.len(), 1);
    }
}
