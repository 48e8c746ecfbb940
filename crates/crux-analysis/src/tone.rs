//! The tone of a text: the general evaluative words (and the risk, benefit, harm and gain
//! terms), signed and summed, with a negation just before a word of gain turning it and one
//! before a word of harm dropping it, and each question asked as weak evidence of challenge.
//! Sentiment-like
//! evidence for polarity tasks, kept apart from the assessments: an evaluative word alone is
//! weak evidence of a writer's stance and never states a benefit by itself
//! (docs/scoring.md, "Tone").

use crux_parser::{Document, Span, tokens};

use crate::lexicon::{Lexicon, Role};
use crate::{Cue, CueRole};

/// The evaluative evidence of a text, for polarity tasks (not part of the balance).
#[derive(Debug, Clone, PartialEq)]
pub struct Tone {
    /// Summed weights of the words of gain.
    pub positive: f64,
    /// Summed weights of the words of harm.
    pub negative: f64,
    /// `(positive − negative) / (positive + negative)` to three decimals, 0 when both are 0.
    pub net: f64,
    /// The words, in text order, with the role they played (a negated word of gain is listed
    /// as a risk term, and the negation beside it; a negated word of harm is not listed).
    pub cues: Vec<Cue>,
}

/// The weight of a question as evidence of challenge: the weakest evaluative word's (0.17 to
/// 0.38, data/evaluative.tsv).
const QUESTION_WEIGHT: f64 = 0.2;

/// How far before a word a negation reaches, in words ("not very good").
const NEGATION_REACH: usize = 3;

/// The tone of a document's text (every sentence, quoted or not), with the built-in lexicon.
///
/// # Examples
///
/// ```
/// let doc = crux_parser::parse("What a wonderful, generous gift.").document;
/// assert!(crux_analysis::tone(&doc).net > 0.0);
/// let doc = crux_parser::parse("The service was not good.").document;
/// assert!(crux_analysis::tone(&doc).net < 0.0);
/// ```
#[must_use]
pub fn tone(doc: &Document) -> Tone {
    let lexicon = Lexicon::builtin();
    let text = &doc.text;
    let (mut positive, mut negative) = (0.0, 0.0);
    let mut cues = Vec::new();
    let toks: Vec<_> = tokens(text, Span::new(0, text.len())).collect();
    let found = crate::assess::terms(text, &toks, lexicon);
    let mut last_negation: Option<(usize, Span)> = None;
    for t in &found {
        let sign = match t.role {
            // An absence ("no", "without") negates as "not" does ("no benefit", "without
            // success"); an inverted negated auxiliary ("aren't they cute!", "isn't it a
            // shame") asks for agreement with the positive and negates nothing.
            Role::Negation | Role::Absence => {
                if inverted(text, &toks, t.at, t.len) {
                    continue;
                }
                last_negation = Some((t.at + t.len, t.span));
                continue;
            }
            Role::Risk
            | Role::Hazard
            | Role::Evaluative(false)
            | Role::Verdict(false)
            | Role::Decline
            | Role::Excess => -1.0,
            Role::Benefit | Role::Asset | Role::Evaluative(true) | Role::Verdict(true) => 1.0,
            _ => continue,
        };
        let negated = last_negation.filter(|&(end, _)| {
            t.at >= end && t.at - end <= NEGATION_REACH && toks[end..t.at].iter().all(|k| k.word)
        });
        // Negation is asymmetric, as in the assessments: a negated word of gain counts as harm
        // ("not good"), a denied harm says nothing ("not dangerous" is no praise).
        if negated.is_some() && sign < 0.0 {
            continue;
        }
        let sign = if negated.is_some() { -sign } else { sign };
        if let Some((_, span)) = negated {
            cues.push(Cue {
                text: text[span].to_owned(),
                span,
                role: CueRole::Negation,
            });
        }
        if sign > 0.0 {
            positive += t.weight;
        } else {
            negative += t.weight;
        }
        cues.push(Cue {
            text: text[t.span].to_owned(),
            span: t.span,
            role: if sign > 0.0 {
                CueRole::BenefitTerm
            } else {
                CueRole::RiskTerm
            },
        });
    }
    // A question the text asks is weak evidence of doubt or challenge: in opinion writing a
    // question is mostly rhetorical, a challenge put as a question (Quirk et al. 1985, §11.23,
    // rhetorical questions). On the NYT opinion sentences of VADER, 60 of the 95 sentences
    // ending in a question mark were rated negative and 6 positive.
    for s in &doc.sentences {
        let body = text[s.span].trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
        let at = s.span.start() + body.len();
        if body.ends_with('?') && at > 0 {
            negative += QUESTION_WEIGHT;
            let span = Span::new(at - 1, at);
            cues.push(Cue {
                text: text[span].to_owned(),
                span,
                role: CueRole::RiskTerm,
            });
        }
    }
    cues.sort_by_key(|c| c.span);
    cues.dedup_by_key(|c| c.span);
    let sum: f64 = positive + negative;
    let net = if sum > 0.0 {
        ((positive - negative) / sum * 1000.0).round() / 1000.0
    } else {
        0.0
    };
    Tone {
        positive,
        negative,
        net,
        cues,
    }
}

/// Whether the negation of `len` tokens at token `at` is a negated auxiliary before its
/// pronoun subject: an inverted question or exclamation (Quirk et al. 1985, §11.7, §11.31).
fn inverted(text: &str, toks: &[crux_parser::Token], at: usize, len: usize) -> bool {
    crate::assess::ends_with_nt(&text[toks[at].span])
        && toks.get(at + len).is_some_and(|n| {
            n.word
                && matches!(
                    text[n.span].to_ascii_lowercase().as_str(),
                    "i" | "you" | "he" | "she" | "it" | "we" | "they" | "there" | "that" | "this"
                )
        })
}

#[cfg(test)]
mod tests {
    use super::tone;

    fn net(text: &str) -> f64 {
        tone(&crux_parser::parse(text).document).net
    }

    #[test]
    fn words_of_gain_and_harm_set_the_sign() {
        assert!(net("A wonderful, generous gift.") > 0.0);
        assert!(net("A cruel and dangerous plan.") < 0.0);
        assert_eq!(net("The meeting took place on Monday."), 0.0);
    }

    #[test]
    fn a_negation_turns_the_word_after_it() {
        assert!(net("The service was not good.") < 0.0);
        // A denied harm is no gain: it counts for neither side.
        assert_eq!(net("The trip was not dangerous."), 0.0);
        assert!(net("The trip was not dangerous. It was wonderful.") > 0.0);
        // An absence negates too; an inverted exclamation does not.
        assert!(net("The plan brought no benefit.") < 0.0);
        assert!(net("Ooh, aren't they adorable!") > 0.0);
        // Punctuation stops it.
        assert!(net("Not now. It is good.") > 0.0);
    }

    #[test]
    fn a_question_is_weak_evidence_of_challenge() {
        // An editorial's questions of our own.
        assert!(net("Why should the town pay for the new stadium?") < 0.0);
        assert!(net("Who will pay for it, \"the taxpayers?\"") < 0.0);
        // Weak: a word of gain outweighs it.
        assert!(net("Isn't this a wonderful, generous gift?") > 0.0);
        assert_eq!(net("The meeting is on Monday."), 0.0);
    }
}
