//! How much each assessment counts in the balance (docs/scoring.md, "Weights").
//!
//! - A view held by someone other than the writer counts [`OTHERS_WEIGHT`]; in a news report
//!   of others' views ([`is_report`]) it counts [`REPORTED_WEIGHT`]: relayed, not weighed; and
//!   the reporter's own assessments count nothing either when together they amount to less
//!   than [`REPORT_OWN_MIN`]: the reporter weighs nothing.
//! - A stated balance ("a net positive") counts [`STATED_BALANCE_WEIGHT`]; it is set where the
//!   assessment is made.
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

use crate::{
    Assessment, AssessmentKind, CONCEDED_WEIGHT, CONCLUSION_WEIGHT, OTHERS_WEIGHT, REPORTED_WEIGHT,
    WeightReason, Weighting,
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
            "overstated" | "exaggerated" | "overblown" => true,
            _ => false,
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
    let body = &text[sentence];
    for (at, mark) in body.match_indices([',', ';']) {
        let mark_end = sentence.start() + at + mark.len();
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
        let split = assessments.partition_point(|a| a.span.start() < own.start());
        let answered: Option<AssessmentKind> =
            match starting_within(assessments, own, |a| a.span).first() {
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
