//! How much each assessment counts in the balance (docs/scoring.md, "Weights").
//!
//! - A view held by someone other than the writer counts [`OTHERS_WEIGHT`]; in a news report
//!   of others' views ([`is_report`]) it counts [`REPORTED_WEIGHT`]: relayed, not weighed; and
//!   the reporter's own assessments count nothing either when together they amount to less
//!   than [`REPORT_OWN_MIN`]: the reporter weighs nothing.
//! - A stated balance ("a net positive") counts [`STATED_BALANCE_WEIGHT`]; it is set where the
//!   assessment is made.
//! - **The writer's recommendation.** Outside news reports, where the writer recommends
//!   adopting the course the article weighs ("The city should build it"), the writer's own
//!   benefits count [`RECOMMENDED_WEIGHT`]; rejecting it ("must reject the plan", "should not
//!   build it"), the writer's own risks ([`recommendations`]). A relayed view the writer
//!   answers at once with "I agree." counts as the writer's own, with "I disagree." nothing
//!   ([`take_sides`]).
//! - **Concede, then counter.** A writer who grants a point and then answers it ("And that is a
//!   risk worth watching out for, to be sure. But note …") subordinates the point granted to
//!   the answer. A *counter* is a sentence opening with a contrastive connective (But, Yet,
//!   However, Nevertheless, Nonetheless, Even so, Still), a clause opening with ", but" or
//!   ", yet", or a ", though" clause that dismisses what precedes it ("…, though one should
//!   not jump to the conclusion …"). What it answers is the previous sentence (for a sentence
//!   opening) or the clauses before it in its sentence, reaching back to the paragraph's start
//!   when the writer marks the concession (a concession cue such as "to be sure" or
//!   "admittedly" before the counter, or the dismissing "though" itself). There, the
//!   assessments of the other kind than the counter's (or, when the counter states none, of
//!   the kind it answers) count [`CONCEDED_WEIGHT`], once however many counters follow.

use crux_parser::{
    CaveatKind, ClaimType, Document, ParagraphKind, Span, TextSpan, Token, Voice, starting_within,
    tokens,
};

use crux_lexicon::Cue;

use crate::{
    Assessment, AssessmentKind, CONCEDED_WEIGHT, CONCLUSION_WEIGHT, DISPUTED_WEIGHT,
    ENDORSED_WEIGHT, OTHERS_WEIGHT, RECOMMENDED_WEIGHT, REPORTED_WEIGHT, WeightReason, Weighting,
};

/// Where a counter stands and what it may answer.
struct Counter {
    /// The connective ("But", "though").
    cue: Span,
    /// Where the material it answers starts, before any reach back to the paragraph.
    answers_from: usize,
    /// The end of the counter's sentence: the counter's own assessments lie in `cue.start()..end`.
    end: usize,
    /// Whether the counter itself marks a concession (the dismissing "though").
    concessive: bool,
    /// The start of the paragraph that `answers_from` lies in.
    paragraph_start: usize,
}

fn lower_is(text: &str, t: &Token, word: &str) -> bool {
    text[t.span].eq_ignore_ascii_case(word)
}

/// Whether the words of a ", though" clause set aside what came before: "one should not jump
/// to the conclusion", "need not", "does not mean", "is no reason", "overstated".
fn dismisses(text: &str, words: &[&Token]) -> bool {
    words.iter().enumerate().any(|(i, t)| {
        let w = text[t.span].to_ascii_lowercase().replace('’', "'");
        let next = words.get(i + 1).map(|n| text[n.span].to_ascii_lowercase());
        let not_next = next.as_deref() == Some("not");
        match w.as_str() {
            "should" | "need" | "must" | "ought" => not_next,
            "shouldn't" | "needn't" | "mustn't" => true,
            "does" | "do" => {
                not_next && words.get(i + 2).is_some_and(|m| lower_is(text, m, "mean"))
            }
            "doesn't" | "don't" => next.as_deref() == Some("mean"),
            "no" => next.as_deref() == Some("reason"),
            _ => crux_lexicon::is_exactly(&w, Cue::DismissalPredicate),
        }
    })
}

/// The counters of one sentence.
fn counters_in(
    doc: &Document,
    sentence: Span,
    previous: Option<Span>,
    paragraph_start: usize,
    out: &mut Vec<Counter>,
) {
    let text = &doc.text;
    // Only the first words and the words after commas and semicolons matter: read those,
    // not every token of the sentence.
    let mut toks = tokens(text, sentence);
    // A sentence opening: the first word, after any opening bracket or quotation mark.
    if let Some(first) = toks.by_ref().find(|t| t.word) {
        let after_first = toks.next();
        let second = after_first
            .filter(|t| t.word)
            .or_else(|| toks.find(|t| t.word));
        let opens = match text[first.span].to_ascii_lowercase().as_str() {
            "but" | "yet" | "nevertheless" | "nonetheless" => true,
            // "However, …", "Still, …": the comma tells the connective from "however much" and
            // the adjective.
            "however" | "still" => after_first.is_some_and(|t| &text[t.span] == ","),
            "even" => second.is_some_and(|s| lower_is(text, &s, "so")),
            _ => false,
        };
        if opens && let Some(previous) = previous {
            out.push(Counter {
                cue: first.span,
                answers_from: previous.start(),
                end: sentence.end(),
                concessive: false,
                paragraph_start: paragraph_start.min(previous.start()),
            });
        }
    }
    // A clause opening: ", but", ", yet", "; but", and the dismissing ", though".
    // Both marks are ASCII: found among the bytes, without decoding characters.
    let body = &text[sentence];
    for at in memchr::memchr2_iter(b',', b';', body.as_bytes()) {
        let mark_end = sentence.start() + at + 1;
        let rest = Span::new(mark_end, sentence.end());
        let Some(t) = tokens(text, rest).next().filter(|t| t.word) else {
            continue;
        };
        let concessive = match text[t.span].to_ascii_lowercase().as_str() {
            "but" | "yet" => false,
            "though" | "although" => {
                // The though-clause: up to the next comma or semicolon, so that a sentence of
                // many clauses is still read once.
                let clause_end = text[t.span.end()..sentence.end()]
                    .find([',', ';'])
                    .map_or(sentence.end(), |e| t.span.end() + e);
                let words: Vec<Token> = tokens(text, Span::new(t.span.end(), clause_end))
                    .filter(|t| t.word)
                    .collect();
                let words: Vec<&Token> = words.iter().collect();
                if !dismisses(text, &words) {
                    continue;
                }
                true
            }
            _ => continue,
        };
        out.push(Counter {
            cue: t.span,
            answers_from: sentence.start(),
            end: sentence.end(),
            concessive,
            paragraph_start,
        });
    }
}

/// The share of a document's sentences in others' words (direct, block or reported) from which
/// it may be a report of others' views rather than the writer's own argument.
pub(crate) const REPORT_QUOTED_SHARE: f64 = 0.4;

/// The largest share of the writer's own claims that are judgements (evaluations and
/// recommendations) in a report: a reporter states facts, causes and forecasts, and leaves the
/// judging to the people quoted.
pub(crate) const REPORT_JUDGEMENT_SHARE: f64 = 0.4;

/// Whether a document is a news report of others' views: at least [`REPORT_QUOTED_SHARE`] of
/// its sentences lie (at least half) in others' words, and at most [`REPORT_JUDGEMENT_SHARE`]
/// of the writer's own claims are evaluations or recommendations. An analysis or an editorial
/// that quotes at length still judges in its own sentences. Linear: the sentences and the
/// sorted quotations are swept once together.
pub(crate) fn is_report(doc: &Document) -> bool {
    let mut quotes: Vec<Span> = doc
        .quotes
        .iter()
        .filter(|q| crate::voiced(q))
        .map(|q| q.span)
        .collect();
    quotes.sort();
    let mut quoted = 0;
    let mut next = 0;
    // The quotation reaching furthest among those started so far: nested ones lie inside it.
    let mut reach: Option<Span> = None;
    for s in &doc.sentences {
        while next < quotes.len() && quotes[next].start() < s.span.end() {
            if reach.is_none_or(|r| quotes[next].end() > r.end()) {
                reach = Some(quotes[next]);
            }
            next += 1;
        }
        let inside = reach.map_or(0, |r| {
            r.end()
                .min(s.span.end())
                .saturating_sub(r.start().max(s.span.start()))
        });
        if 2 * inside >= s.span.len().max(1) {
            quoted += 1;
        }
    }
    let own: Vec<_> = doc.claims.iter().filter(|c| c.holder == "author").collect();
    let judgements = own
        .iter()
        .filter(|c| matches!(c.kind, ClaimType::Evaluation | ClaimType::Normative))
        .count();
    let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
    share(quoted, doc.sentences.len()) >= REPORT_QUOTED_SHARE
        && share(judgements, own.len()) <= REPORT_JUDGEMENT_SHARE
}

/// Sets each assessment's `weighting` and `weight`. `assessments` are in text order.
pub(crate) fn weigh(doc: &Document, assessments: &mut [Assessment]) {
    let report = assessments.iter().any(|a| a.holder != "author") && is_report(doc);
    for a in assessments.iter_mut() {
        if a.holder != "author" && report && names_a_text(&a.holder) {
            a.weighting.push(Weighting {
                reason: WeightReason::Evidence,
                factor: 1.0,
                cue: None,
            });
        } else if a.holder != "author" {
            a.weighting.push(if report {
                // A news report relays others' views without weighing them: the verdict is
                // the reporter's own, neutral when the reporter weighs nothing.
                Weighting {
                    reason: WeightReason::Reported,
                    factor: REPORTED_WEIGHT,
                    cue: None,
                }
            } else {
                Weighting {
                    reason: WeightReason::OthersView,
                    factor: OTHERS_WEIGHT,
                    cue: None,
                }
            });
        }
    }
    let text = &doc.text;
    let mut counters = Vec::new();
    for (n, sentence) in doc.sentences.iter().enumerate() {
        let paragraph = doc.paragraphs.get(sentence.paragraph).map(|p| p.span);
        let paragraph_start = paragraph.map_or(sentence.span.start(), |p| p.start());
        // A counter can only subordinate an assessment of its own or the previous paragraph.
        let reach = Span::new(
            n.checked_sub(1)
                .map_or(paragraph_start, |p| doc.sentences[p].span.start())
                .min(paragraph_start),
            sentence.span.end(),
        );
        if starting_within(assessments, reach, |a| a.span).is_empty() {
            continue;
        }
        let previous = n.checked_sub(1).map(|p| doc.sentences[p].span);
        counters_in(doc, sentence.span, previous, paragraph_start, &mut counters);
    }
    let mut conceded = vec![false; assessments.len()];
    for counter in &counters {
        let before_cue = Span::new(counter.answers_from, counter.cue.start());
        let marked = counter.concessive
            || starting_within(&doc.caveats, before_cue, |c| c.span)
                .iter()
                .any(|c| c.kind == CaveatKind::Concession);
        let from = if marked {
            counter.paragraph_start.min(counter.answers_from)
        } else {
            counter.answers_from
        };
        let region = Span::new(from, counter.cue.start());
        let own = Span::new(counter.cue.start(), counter.end);
        let first = assessments.partition_point(|a| a.span.start() < region.start());
        let mut split = assessments.partition_point(|a| a.span.start() < own.start());
        // An assessment whose span holds the cue is the counter's own, not what it answers: a
        // quotation that opens with the connective starts at its quotation mark ("\"However,
        // the recovery depends on …\"").
        if split > first && assessments[split - 1].span.end() > counter.cue.start() {
            split -= 1;
        }
        let answered: Option<AssessmentKind> = match assessments[split..]
            .iter()
            .take_while(|a| a.span.start() < own.end())
            .next()
        {
            Some(a) => Some(match a.kind {
                AssessmentKind::Risk => AssessmentKind::Benefit,
                AssessmentKind::Benefit => AssessmentKind::Risk,
            }),
            None => assessments[first..split].last().map(|a| a.kind),
        };
        let Some(answered) = answered else {
            continue;
        };
        for k in first..split {
            if assessments[k].kind == answered && !conceded[k] {
                conceded[k] = true;
                assessments[k].weighting.push(Weighting {
                    reason: WeightReason::Conceded,
                    factor: CONCEDED_WEIGHT,
                    cue: Some(TextSpan {
                        text: text[counter.cue].to_owned(),
                        span: counter.cue,
                    }),
                });
            }
        }
    }
    if !report {
        conclude(doc, assessments, &conceded);
        recommend(doc, assessments, &conceded);
        take_sides(doc, assessments);
    }
    for a in assessments.iter_mut() {
        a.weight = a.weighting.iter().map(|w| w.factor).product();
    }
    // A reporter whose own assessments amount to less than one firmly stated risk or benefit
    // weighs nothing: its few words of harm or gain are the events reported ("children who
    // have failed asylum claims"), and the report is neutral.
    if report {
        // The reporter's own and the evidence it relays.
        let facts = |a: &Assessment| {
            a.holder == "author"
                || a.weighting
                    .iter()
                    .any(|w| w.reason == WeightReason::Evidence)
        };
        let own: f64 = assessments
            .iter()
            .filter(|a| facts(a))
            .map(|a| a.score * a.weight)
            .sum();
        if own < REPORT_OWN_MIN {
            for a in assessments.iter_mut().filter(|a| facts(a)) {
                a.weighting.push(Weighting {
                    reason: WeightReason::ReportedFact,
                    factor: REPORTED_WEIGHT,
                    cue: None,
                });
                a.weight = 0.0;
            }
        }
    }
}

/// Whether a holder names a text rather than a person or an organisation: the first of its
/// words that `speaker_nouns.tsv` lists is one of the category `text` (data, statistics,
/// figures, study, survey, poll, report, research, evidence): "Recent data", "statistics", "a
/// report earlier this week from the British Retail Consortium". A text relays evidence; a
/// person or a body takes a side ("CBI chief economist Ian McCafferty": a person noun first).
fn names_a_text(holder: &str) -> bool {
    let single = |w: &str| {
        crux_lexicon::lookup(w).and_then(|w| {
            w.of(crux_lexicon::Kind::SpeakerNoun)
                .find(|e| e.words.len() == 1)
                .map(|e| e.category == "text")
        })
    };
    holder.split_whitespace().find_map(single).unwrap_or(false)
}

/// Marks the writer's own assessments in the concluding paragraph: the last body paragraph, when
/// it is in the writer's voice (a closing quotation concludes nothing; an author's biography is
/// a meta paragraph, not body) and follows at least one other body paragraph.
/// A point the writer grants there and counters is no part of the judgement: it keeps its
/// `conceded` weight alone.
fn conclude(doc: &Document, assessments: &mut [Assessment], conceded: &[bool]) {
    let mut body = doc
        .paragraphs
        .iter()
        .rev()
        .filter(|p| p.kind == ParagraphKind::Body);
    let Some(last) = body.next().filter(|p| p.voice == Voice::Author) else {
        return;
    };
    // A conclusion follows an argument: a text of one paragraph has none apart from it.
    if body.next().is_none() {
        return;
    }
    let first = assessments.partition_point(|a| a.span.start() < last.span.start());
    for (a, _) in assessments[first..]
        .iter_mut()
        .zip(&conceded[first..])
        .take_while(|(a, _)| a.span.start() < last.span.end())
        .filter(|(a, granted)| a.holder == "author" && !**granted)
    {
        a.weighting.push(Weighting {
            reason: WeightReason::Conclusion,
            factor: CONCLUSION_WEIGHT,
            cue: None,
        });
    }
}

/// A recommendation of the writer's: whether it favours adopting the course it names, and
/// the words that make it (the modal to the verb: "should build").
struct Recommendation {
    adopt: bool,
    cue: Span,
}

/// How many words may stand between a deontic modal and its verb: a negation and adverbs
/// ("should not simply build", "must now reject").
const MODAL_REACH: usize = 3;

/// How many words may stand before a recommendation's modal in its clause: its subject ("Pilot
/// programmes in every county should be rolled out").
const SUBJECT_WORDS: usize = 6;

/// How many words after the verb its object may hold, for the topic test.
const OBJECT_WORDS: usize = 8;

/// The writer's recommendations: in each normative claim of the writer's, a deontic modal
/// (`deontic-modal` in cue_words.tsv: "should", "must", "ought to", "need to"), after a subject
/// of at most [`SUBJECT_WORDS`] words in its clause, whose verb, up
/// to [`MODAL_REACH`] words on, is a verb of adopting or of rejecting a proposal
/// (`adopt-verb`, `reject-verb`), active ("should build it") or passive ("should be
/// scrapped"). A negation between them, or a negated modal ("shouldn't"), turns it ("should
/// not build it" rejects, "must not reject it" adopts). It counts only where what it adopts
/// or rejects is the topic the article weighs: a pronoun object ("build it"), or a word of
/// the title (of the first sentence when there is none) in the object, or for a passive in
/// its subject. "Europe needs to adopt a more strategic policy" recommends an alternative,
/// not the course weighed, unless the title names it.
fn recommendations(doc: &Document) -> Vec<Recommendation> {
    let text = &doc.text;
    let topic = doc
        .meta
        .title
        .as_deref()
        .or_else(|| doc.sentences.first().map(|s| &text[s.span]))
        .unwrap_or("");
    let stem = |w: &str| {
        let w = w.to_lowercase();
        w.strip_suffix('s').map(str::to_owned).unwrap_or(w)
    };
    // The topic's words of four characters or more, stemmed once for every word asked about.
    let topic_stems: Vec<String> = topic
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| t.chars().count() >= 4)
        .map(stem)
        .collect();
    let topical = |word: &str| word.chars().count() >= 4 && topic_stems.contains(&stem(word));
    let pronoun = |word: &str| {
        matches!(
            word.to_ascii_lowercase().as_str(),
            "it" | "this" | "them" | "these"
        )
    };
    let mut out = Vec::new();
    for claim in doc
        .claims
        .iter()
        .filter(|c| c.holder == "author" && c.kind == ClaimType::Normative)
    {
        let toks: Vec<Token> = tokens(text, claim.span).collect();
        let word = |i: usize| toks.get(i).filter(|t| t.word).map(|t| &text[t.span]);
        for (i, t) in toks.iter().enumerate() {
            let w = &text[t.span];
            if !t.word || !crux_lexicon::is(w, Cue::DeonticModal) {
                continue;
            }
            // A main clause's modal follows its subject ("The city should build it"); one
            // further on is inside another clause ("working on a bill to ensure the congress
            // must approve"), no recommendation of the writer's.
            let clause = toks[..i].iter().rposition(|t| !t.word).map_or(0, |p| p + 1);
            if i - clause > SUBJECT_WORDS {
                continue;
            }
            let mut j = i + 1;
            let lower = w.to_ascii_lowercase();
            if matches!(lower.as_str(), "ought" | "need" | "needs") {
                if !word(j).is_some_and(|n| n.eq_ignore_ascii_case("to")) {
                    continue;
                }
                j += 1;
            }
            let mut negated = crate::assess::ends_with_nt(w);
            let mut passive = false;
            let mut verb = None;
            while j <= i + 1 + MODAL_REACH {
                let Some(n) = word(j) else { break };
                if n.eq_ignore_ascii_case("not") || n.eq_ignore_ascii_case("never") {
                    negated = !negated;
                } else if n.eq_ignore_ascii_case("be") {
                    passive = true;
                } else if crux_lexicon::is(n, Cue::AdoptVerb) {
                    verb = Some((j, true));
                    break;
                } else if crux_lexicon::is(n, Cue::RejectVerb) {
                    verb = Some((j, false));
                    break;
                } else if !n.ends_with("ly") || passive {
                    break;
                }
                j += 1;
            }
            let Some((v, adopts)) = verb else { continue };
            // What it adopts or rejects: the object after an active verb, the subject before
            // the modal of a passive one, within the clause.
            let object: Vec<&str> = if passive {
                let start = toks[..i].iter().rposition(|t| !t.word).map_or(0, |p| p + 1);
                toks[start..i].iter().map(|t| &text[t.span]).collect()
            } else {
                toks[v + 1..]
                    .iter()
                    .take_while(|t| t.word)
                    .take(OBJECT_WORDS)
                    .map(|t| &text[t.span])
                    .collect()
            };
            let on_topic = (!passive && object.first().is_some_and(|w| pronoun(w)))
                || object.iter().any(|w| topical(w));
            if on_topic {
                out.push(Recommendation {
                    adopt: adopts != negated,
                    cue: t.span.cover(toks[v].span),
                });
            }
        }
    }
    out
}

/// Weighs the side the writer recommends: where the writer's recommendations of the course
/// the article weighs (see [`recommendations`]) favour adopting it, the writer's own benefits
/// count [`RECOMMENDED_WEIGHT`]; where they favour rejecting it, the writer's own risks. Not a
/// point the writer grants and counters, and not on top of a conclusion or a stated balance,
/// which are the writer's weighing already. Recommendations both ways cancel.
fn recommend(doc: &Document, assessments: &mut [Assessment], conceded: &[bool]) {
    let recs = recommendations(doc);
    let adopt = recs.iter().filter(|r| r.adopt).count();
    let reject = recs.len() - adopt;
    let side = match adopt.cmp(&reject) {
        std::cmp::Ordering::Greater => AssessmentKind::Benefit,
        std::cmp::Ordering::Less => AssessmentKind::Risk,
        std::cmp::Ordering::Equal => return,
    };
    let Some(cue) = recs
        .iter()
        .find(|r| r.adopt == (side == AssessmentKind::Benefit))
        .map(|r| r.cue)
    else {
        return;
    };
    for (a, _) in assessments
        .iter_mut()
        .zip(conceded)
        .filter(|(a, granted)| a.holder == "author" && a.kind == side && !**granted)
    {
        if a.weighting.iter().any(|w| {
            matches!(
                w.reason,
                WeightReason::Conclusion | WeightReason::StatedBalance
            )
        }) {
            continue;
        }
        a.weighting.push(Weighting {
            reason: WeightReason::Recommended,
            factor: RECOMMENDED_WEIGHT,
            cue: Some(TextSpan {
                text: doc.text[cue].to_owned(),
                span: cue,
            }),
        });
    }
}

/// How many words a sentence that takes a side on the view before it may have: "I disagree.",
/// "We could not agree more." A longer sentence says more than its side.
const SIDE_WORDS: usize = 6;

/// The writer's agreement or disagreement with the view just relayed: a short sentence
/// (at most [`SIDE_WORDS`] words) of the writer's whose subject is "I" or "we" and whose verb
/// is a verb of agreeing or disagreeing (`assent-verb`, `dissent-verb`), a negation turning
/// it ("I don't agree"; "could not agree more" agrees). The other holders' assessments of the
/// sentence before it are endorsed ([`ENDORSED_WEIGHT`]) or disputed ([`DISPUTED_WEIGHT`]).
fn take_sides(doc: &Document, assessments: &mut [Assessment]) {
    let text = &doc.text;
    for (n, sentence) in doc.sentences.iter().enumerate().skip(1) {
        // The sentence's first words, on the stack: most sentences are given up after their
        // first two words, which hold no subject "I" or "we".
        let mut first = [""; SIDE_WORDS + 1];
        let mut count = 0;
        let mut subject = None;
        for t in tokens(text, sentence.span).filter(|t| t.word) {
            let w = &text[t.span];
            if subject.is_none() && (w == "I" || w.eq_ignore_ascii_case("we")) {
                subject = Some(count);
            }
            first[count] = w;
            count += 1;
            // The subject opens the sentence, after a connective at most ("But I disagree").
            if count > SIDE_WORDS || subject.is_none() && count > 1 {
                break;
            }
        }
        if count > SIDE_WORDS {
            continue;
        }
        let Some(subject) = subject else {
            continue;
        };
        let words = &first[..count];
        let mut negated = false;
        let mut side = None;
        for (k, w) in words.iter().enumerate().skip(subject + 1) {
            if w.eq_ignore_ascii_case("not") || crate::assess::ends_with_nt(w) {
                negated = true;
            } else if crux_lexicon::is(w, Cue::AssentVerb) {
                let more = words
                    .get(k + 1)
                    .is_some_and(|m| m.eq_ignore_ascii_case("more"));
                side = Some(!negated || more);
                break;
            } else if crux_lexicon::is(w, Cue::DissentVerb) {
                side = Some(negated);
                break;
            }
        }
        let Some(agrees) = side else { continue };
        // The writer's own sentence, not a quoted speaker's.
        if doc.quotes.iter().any(|q| {
            crate::voiced(q)
                && q.span.start() <= sentence.span.start()
                && sentence.span.end() <= q.span.end()
        }) {
            continue;
        }
        let previous = doc.sentences[n - 1].span;
        for a in assessments.iter_mut().filter(|a| {
            a.holder != "author"
                && previous.start() <= a.span.start()
                && a.span.start() < previous.end()
        }) {
            a.weighting.push(if agrees {
                Weighting {
                    reason: WeightReason::Endorsed,
                    factor: ENDORSED_WEIGHT,
                    cue: Some(TextSpan {
                        text: text[sentence.span].to_owned(),
                        span: sentence.span,
                    }),
                }
            } else {
                Weighting {
                    reason: WeightReason::Disputed,
                    factor: DISPUTED_WEIGHT,
                    cue: Some(TextSpan {
                        text: text[sentence.span].to_owned(),
                        span: sentence.span,
                    }),
                }
            });
        }
    }
}

/// The least a reporter's own assessments must sum to (score × weight) for a news report to
/// weigh anything itself: about one firmly stated risk or benefit (a strong term, likely and
/// unhedged, scores 0.7 × 0.8 × 0.8 ≈ 0.45).
pub(crate) const REPORT_OWN_MIN: f64 = 0.5;

#[cfg(test)]
mod tests {
    use crate::{AssessmentKind, Verdict, WeightReason, analyze};

    fn weights(text: &str) -> Vec<(AssessmentKind, f64)> {
        analyze(crux_parser::parse(text).document)
            .assessments
            .into_iter()
            .map(|a| (a.kind, a.weight))
            .collect()
    }

    #[test]
    fn a_countered_risk_counts_half() {
        assert_eq!(
            weights("The plan is costly. But it will protect the coast."),
            [(AssessmentKind::Risk, 0.5), (AssessmentKind::Benefit, 1.0)]
        );
        assert_eq!(
            weights("The plan is costly, but it will protect the coast."),
            [(AssessmentKind::Risk, 0.5), (AssessmentKind::Benefit, 1.0)]
        );
        // Without a counter both count fully.
        assert_eq!(
            weights("The plan is costly. It will protect the coast."),
            [(AssessmentKind::Risk, 1.0), (AssessmentKind::Benefit, 1.0)]
        );
    }

    #[test]
    fn a_marked_concession_reaches_back_to_the_paragraph() {
        let text = "The plan is costly. It is a danger to the budget. And that is a risk, to be \
                    sure. But it will protect the coast.";
        assert_eq!(
            weights(text),
            [
                (AssessmentKind::Risk, 0.5),
                (AssessmentKind::Risk, 0.5),
                (AssessmentKind::Risk, 0.5),
                (AssessmentKind::Benefit, 1.0)
            ]
        );
        // Unmarked, a "But" answers only the sentence before it.
        let text =
            "The plan is costly. It is a danger to the budget. But it will protect the coast.";
        assert_eq!(
            weights(text),
            [
                (AssessmentKind::Risk, 1.0),
                (AssessmentKind::Risk, 0.5),
                (AssessmentKind::Benefit, 1.0)
            ]
        );
    }

    #[test]
    fn a_dismissing_though_concedes_the_paragraph() {
        let text = "The stakes are high. Troops are at risk. That is a serious consideration, \
                    though one should not jump to the conclusion that we must withdraw.";
        assert!(weights(text).iter().all(|&(_, w)| w == 0.5));
        // A though-clause that does not dismiss is itself the concession: nothing is countered.
        let text = "The plan will protect the coast, though it is costly.";
        assert!(weights(text).iter().all(|&(_, w)| w == 1.0));
    }

    #[test]
    fn evidence_a_report_relays_counts_as_its_facts() {
        // A news report of our own writing: its figures come from texts (data, a survey), its
        // views from people. The evidence counts; the views do not.
        let text = "Factories slow down\n\nRecent data has indicated a sharp slowdown in factory \
                    output and a fall in orders.\n\n\"The outlook is bleak,\" said Ann Hope, \
                    an economist.\n\n\"We will recover strongly,\" said Tom Reed, a minister.\n\n\
                    A survey published on Monday found that confidence has collapsed.\n\n\
                    The figures come out each month.";
        let analysis = analyze(crux_parser::parse(text).document);
        let reasons: Vec<(String, Vec<WeightReason>)> = analysis
            .assessments
            .iter()
            .map(|a| {
                (
                    a.holder.clone(),
                    a.weighting.iter().map(|w| w.reason).collect(),
                )
            })
            .collect();
        assert!(
            reasons
                .iter()
                .any(|(h, r)| h == "Recent data" && r == &[WeightReason::Evidence]),
            "{reasons:?}"
        );
        assert!(
            reasons
                .iter()
                .filter(|(h, _)| h == "Ann Hope" || h == "Tom Reed")
                .all(|(_, r)| r == &[WeightReason::Reported]),
            "{reasons:?}"
        );
        assert!(analysis.balance.net < 0.0, "{:?}", analysis.balance);
        // The same report with its evidence given as a minister's view is balanced: neutral.
        let views = text.replace("Recent data has indicated", "Tom Reed said there was");
        let views = views.replace("A survey published on Monday found", "Ann Hope said");
        let analysis = analyze(crux_parser::parse(&views).document);
        assert_eq!(
            analysis.balance.verdict,
            Verdict::Neutral,
            "{:?}",
            analysis.balance
        );
    }

    #[test]
    fn a_stated_balance_counts_double() {
        let analysis = analyze(
            crux_parser::parse("This will be a net positive. The plan is a risk.").document,
        );
        let a = &analysis.assessments[0];
        assert_eq!(a.weight, crate::STATED_BALANCE_WEIGHT);
        assert_eq!(a.weighting[0].reason, WeightReason::StatedBalance);
        assert_eq!(
            a.weighting[0].cue.as_ref().map(|c| c.text.as_str()),
            Some("net positive")
        );
        assert_eq!(analysis.balance.verdict, Verdict::Positive);
    }

    #[test]
    fn others_conceded_views_multiply() {
        let text = "Critics call the plan a danger, to be sure. But it will protect the coast.";
        let analysis = analyze(crux_parser::parse(text).document);
        let risk = &analysis.assessments[0];
        assert_eq!(risk.holder, "some observers");
        assert_eq!(risk.weight, crate::OTHERS_WEIGHT * crate::CONCEDED_WEIGHT);
        let sum = risk.score * risk.weight;
        assert!((analysis.balance.risk - sum).abs() < 1e-3);
    }

    #[test]
    fn a_quotation_opening_with_the_counter_is_the_counter_s_own() {
        // An editorial quoting a harbour master, of our own writing: her second quotation
        // opens with "However" and answers nothing of its own kind before it; neither benefit
        // is conceded.
        let text = "The council has backed the sea wall.\n\n\"The wall will protect the \
                    harbour,\" the harbour master said.\n\n\"However, the wall will also \
                    improve the beach,\" she added.";
        let got = reasons(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            got.iter()
                .all(|(_, r)| !r.contains(&WeightReason::Conceded)),
            "{got:?}"
        );
    }

    /// The reasons of each assessment's weighting, in text order.
    fn reasons(text: &str) -> Vec<(AssessmentKind, Vec<WeightReason>)> {
        analyze(crux_parser::parse(text).document)
            .assessments
            .iter()
            .map(|a| (a.kind, a.weighting.iter().map(|w| w.reason).collect()))
            .collect()
    }

    /// An editorial of our own: the case for a sea wall against its cost, then the writer's
    /// recommendation (the last sentence, swapped per test).
    fn sea_wall(last: &str) -> String {
        format!(
            "The Sea Wall Is Worth Building\n\nThe wall is costly, and the borrowing is a risk \
             to the budget.\n\nIt will protect the harbour from storm damage.\n\nThe \
             council meets on Monday. {last}"
        )
    }

    #[test]
    fn the_writers_recommendation_weighs_its_side() {
        use AssessmentKind::{Benefit, Risk};
        let recommended = |text: &str| -> Vec<AssessmentKind> {
            reasons(text)
                .into_iter()
                .filter(|(_, r)| r.contains(&WeightReason::Recommended))
                .map(|(k, _)| k)
                .collect()
        };
        // Adopting the course weighed: its benefits count double.
        let text = sea_wall("The council should build it.");
        assert_eq!(recommended(&text), [Benefit]);
        let analysis = analyze(crux_parser::parse(&text).document);
        assert_eq!(analysis.balance.verdict, Verdict::MostlyPositive);
        let cue = analysis.assessments[1].weighting[0]
            .cue
            .as_ref()
            .map(|c| c.text.clone());
        assert_eq!(cue.as_deref(), Some("should build"));
        for (sentence, expected) in [
            // Rejecting it, or a negated adoption: its risks.
            ("The council must reject the wall.", &[Risk][..]),
            ("The council should not build it.", &[Risk]),
            // A passive names what it adopts as its subject.
            ("The wall should be approved without delay.", &[Benefit]),
            // A negated rejection adopts.
            ("The council must not abandon the wall.", &[Benefit]),
            // An alternative the title does not name is not the course weighed.
            ("The council should adopt a flood insurance scheme.", &[]),
            // A modal inside another clause is no recommendation of the writer's.
            (
                "A councillor is drafting a motion saying the council must approve the wall.",
                &[],
            ),
        ] {
            assert_eq!(recommended(&sea_wall(sentence)), expected, "{sentence}");
        }
        // Without a recommendation the balance is even.
        let text = sea_wall("The vote is open to the public.");
        assert!(recommended(&text).is_empty());
        assert_eq!(
            analyze(crux_parser::parse(&text).document).balance.verdict,
            Verdict::Mixed
        );
    }

    #[test]
    fn a_news_report_recommends_nothing() {
        // A report of our own writing: a speaker's recommendation is the speaker's, and the
        // report weighs nothing.
        let text = "Sea wall vote\n\nThe council meets on Monday to vote on the sea wall.\n\n\
                    \"The wall will protect the harbour,\" said Ann Hope, the mayor. \"The \
                    council should build it.\"\n\n\"It is a risk to the budget,\" said Tom \
                    Reed, a councillor.\n\nThe vote is at noon.";
        let analysis = analyze(crux_parser::parse(text).document);
        assert!(
            analysis.assessments.iter().all(|a| a
                .weighting
                .iter()
                .all(|w| w.reason != WeightReason::Recommended)),
            "{:?}",
            analysis.assessments
        );
        assert_eq!(analysis.balance.verdict, Verdict::Neutral);
    }

    #[test]
    fn the_writer_takes_a_side_on_a_relayed_view() {
        let text = "The sea wall\n\nCritics warn that the wall will be a danger to the \
                    beach. I disagree.\n\nIt will protect the harbour.";
        let r = reasons(text);
        assert_eq!(
            r[0],
            (
                AssessmentKind::Risk,
                vec![WeightReason::OthersView, WeightReason::Disputed]
            )
        );
        let analysis = analyze(crux_parser::parse(text).document);
        assert_eq!(analysis.balance.risk, 0.0);
        // Agreement makes the view the writer's own: full weight.
        let agreed = text.replace("I disagree.", "I agree.");
        let analysis = analyze(crux_parser::parse(&agreed).document);
        assert_eq!(analysis.assessments[0].weight, 1.0);
        // "could not agree more" agrees; "don't agree" disagrees.
        let more = text.replace("I disagree.", "I could not agree more.");
        assert_eq!(
            analyze(crux_parser::parse(&more).document).assessments[0].weight,
            1.0
        );
        let not = text.replace("I disagree.", "I don't agree.");
        assert_eq!(
            analyze(crux_parser::parse(&not).document).assessments[0].weight,
            0.0
        );
        // A longer sentence says more than its side: no side taken.
        let long = text.replace(
            "I disagree.",
            "I disagree with them about the beach but not the harbour.",
        );
        assert_eq!(
            analyze(crux_parser::parse(&long).document).assessments[0].weight,
            crate::OTHERS_WEIGHT
        );
    }

    #[test]
    fn the_writers_conclusion_counts_double() {
        let reasons = |text: &str| -> Vec<Vec<WeightReason>> {
            analyze(crux_parser::parse(text).document)
                .assessments
                .iter()
                .map(|a| a.weighting.iter().map(|w| w.reason).collect())
                .collect()
        };
        let text = "The sea wall\n\nThe plan is costly. It is a danger to the budget.\n\nIt will protect the coast.";
        assert_eq!(
            reasons(text),
            [vec![], vec![], vec![WeightReason::Conclusion]]
        );
        // A point granted and countered in the conclusion keeps its half weight.
        let text = "The sea wall\n\nIt will protect the coast.\n\nThe plan is costly, to be sure. \
                    But it will protect the coast.";
        assert_eq!(
            reasons(text),
            [
                vec![],
                vec![WeightReason::Conceded],
                vec![WeightReason::Conclusion]
            ]
        );
        // A closing quotation concludes nothing of the writer's.
        let text =
            "The sea wall\n\nThe plan is costly.\n\n\"It will protect the coast,\" said Ann Hope.";
        assert!(
            reasons(text)
                .iter()
                .all(|r| !r.contains(&WeightReason::Conclusion)),
            "{:?}",
            reasons(text)
        );
        // One paragraph is all conclusion and nothing: no paragraph before it to weigh.
        assert_eq!(
            weights("The plan is costly. It will protect the coast."),
            [(AssessmentKind::Risk, 1.0), (AssessmentKind::Benefit, 1.0)]
        );
    }
}
