//! Finding and scoring the risks and benefits a document states (the model is described in
//! `docs/scoring.md`).
//!
//! Units are the document's claims, cut further at clause breaks (dashes, and before ", which",
//! ", yet", ", though", ", but") so that "X will enable Y, which one hopes will in
//! turn produce Z" gives two units, each with its own hedges. In each unit the terms of
//! `data/risk_benefit.tsv` are matched, longest first; a negation just before a term drops it
//! ("adds nothing useful"), a mitigating verb turns a risk into a benefit ("reduce the risk"),
//! an aggravating one raises it ("increase the risk"). Each unit gives at most one risk and one
//! benefit, scored:
//!
//! - magnitude: the strongest term's weight, plus intensifiers and aggravation, less
//!   downtoners, in [0.05, 1];
//! - likelihood: from the unit's first modal or tense marker (will, is: 0.8; would, should,
//!   ought: 0.6; may, might, could: 0.4; "worth watching", "lest": 0.35; none: 0.7);
//! - confidence: 0.8, times `1 − s/2` for each hedge, `1 − s` for each concession and
//!   condition whose scope overlaps the unit, and `1 + s/2` for each booster (capped at 1).

use crux_parser::{
    CaveatKind, Document, Quote, SentenceTokens, Span, TextSpan, Token, starting_within,
    tokens as tokens_of,
};

use crux_lexicon::{fold, folds_to};

use crate::lexicon::{Lexicon, Role, Words};
use crate::{
    Assessment, AssessmentKind, Cue, CueRole, STATED_BALANCE_WEIGHT, WeightReason, Weighting,
};

/// A matched term.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Term {
    pub(crate) span: Span,
    pub(crate) role: Role,
    pub(crate) weight: f64,
    /// Token index of its first word.
    pub(crate) at: usize,
    /// Its number of tokens.
    pub(crate) len: usize,
}

/// Whether a word, folded, ends in "n't" ("doesn't", "CAN’T").
pub(crate) fn ends_with_nt(word: &str) -> bool {
    let b = word.as_bytes();
    // Most words end in another letter: no other character lower-cases to "t".
    if !matches!(b.last(), Some(b't' | b'T')) {
        return false;
    }
    if b.len() >= 3 && b[b.len() - 3..].eq_ignore_ascii_case(b"n't") {
        return true;
    }
    if word.is_ascii() {
        return false;
    }
    match fold(word) {
        Some(f) => f.as_str().ends_with("n't"),
        // Too long to fold on the stack.
        None => word.to_lowercase().replace('’', "'").ends_with("n't"),
    }
}

pub(crate) fn terms(text: &str, toks: &[Token], lexicon: &Lexicon) -> Vec<Term> {
    let mut out = Vec::new();
    terms_into(text, toks, lexicon, &mut out);
    out
}

/// [`terms`] into `out` (cleared first), so that a buffer serves unit after unit.
fn terms_into(text: &str, toks: &[Token], lexicon: &Lexicon, out: &mut Vec<Term>) {
    out.clear();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        let word = &text[toks[i].span];
        // "n't" is the tail of a word ("doesn't", "can't").
        let tail = ends_with_nt(word);
        // A phrase that opens with the word itself comes first ("can't help" noting: a fixed
        // expression); else a word ending in "n't" is the negation. The entries found for the
        // word start with it (folded, the word is their key): their other words are compared.
        let phrase = |words: &Words| {
            (1..words.len()).all(|k| {
                toks.get(i + k).is_some_and(|t| {
                    t.word && words.get(k).is_some_and(|w| folds_to(&text[t.span], w))
                })
            })
        };
        let found = lexicon.for_token(text, &toks[i]).find(phrase).or_else(|| {
            tail.then(|| lexicon.starting_with("n't"))
                .and_then(|entries| entries.find(|words| words.len() == 1))
        });
        match found {
            Some(e) => {
                let len = e.words.len();
                // A degree word of excess states a downside only where it grades the word
                // after it ("too late", "too many"); "too" as "also" ("She too attended",
                // "a good thing, too") grades nothing.
                let role = match e.role {
                    Role::Excess if !grades(text, toks, i, i + len) => None,
                    // "Fortunately, …", "…; sadly, …": the writer's judgement of the clause.
                    Role::Attitude(gain) => stance_adverbial(text, toks, i, i + len)
                        .then_some(if gain { Role::Benefit } else { Role::Risk }),
                    role => Some(role),
                };
                if let Some(role) = role {
                    out.push(Term {
                        span: toks[i].span.cover(toks[i + len - 1].span),
                        role,
                        weight: e.weight,
                        at: i,
                        len,
                    });
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

/// Whether the phrase of tokens `at..next` is set off as a clause's stance adverbial (Biber et
/// al. 1999, §10.2.2, attitude stance adverbials): no word before it (it opens the text, or
/// punctuation stands before it) and a comma after it ("Fortunately, the bill passed"; "the
/// bill, sadly, failed"); "happily married" is a manner adverb.
fn stance_adverbial(text: &str, toks: &[Token], at: usize, next: usize) -> bool {
    !at.checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| t.word)
        && toks
            .get(next)
            .is_some_and(|t| !t.word && &text[t.span] == ",")
}

/// Whether a degree word of excess at token `at`, ending before token `next`, grades the word
/// there: a word
/// follows with no punctuation between, and the degree word does not stand right after a
/// subject pronoun, where "too" means "also" ("She too attended the convention"; Quirk et
/// al. 1985, §8.116, additive "too", against §7.88, "too" of excess). "only too" is "very"
/// ("only too glad to help").
fn grades(text: &str, toks: &[Token], at: usize, next: usize) -> bool {
    let word = |i: usize| toks.get(i).filter(|t| t.word).map(|t| &text[t.span]);
    let before = at.checked_sub(1).and_then(word);
    word(next).is_some()
        && !before.is_some_and(|w| {
            crux_lexicon::is(w, crux_lexicon::Cue::SubjectPronoun) || w.eq_ignore_ascii_case("only")
        })
}

/// Whether the term at token `at` lies inside a name: it is capitalised and so is a word next
/// to it, other than the unit's first word ("the Equal Employment Opportunity Commission",
/// "the Special Park Improvement District"), or the word before it is a word of the sentence
/// ("a company named Violator"). A capitalised first word is only the sentence's.
fn in_name(text: &str, toks: &[Token], at: usize, len: usize) -> bool {
    let capitalised = |i: usize| {
        toks.get(i).is_some_and(|t| {
            let w = &text[t.span];
            t.word && w != "I" && w.chars().next().is_some_and(char::is_uppercase)
        })
    };
    if !capitalised(at) {
        return false;
    }
    let first_word = toks.iter().position(|t| t.word);
    let before = at > 0 && capitalised(at - 1) && Some(at - 1) != first_word;
    let after = Some(at) != first_word && capitalised(at + len);
    // A capitalised word inside its sentence, after a word, is a proper name on its own too
    // ("a company named Violator"); after punctuation (a colon, a quotation mark, a dash) it
    // may open a clause or a title.
    let alone = Some(at) != first_word && at > 0 && toks[at - 1].word;
    before || after || alone
}

/// Whether every token between two token indices (exclusive) is a word: a shifter reaches a
/// term only within its clause.
fn no_break(toks: &[Token], from: usize, to: usize) -> bool {
    toks[from + 1..to].iter().all(|t| t.word)
}

/// A risk or benefit stated in a unit, with the words that turned or raised it.
#[derive(Debug, Clone, Copy)]
struct Stated {
    term: Term,
    kind: AssessmentKind,
    /// The mitigating verb or reversal that turned the term's polarity.
    shifter: Option<Span>,
    /// An aggravating verb that raised a risk.
    aggravation: Option<Term>,
    /// The comparison that weighs this term against one of the other kind ("more likely to
    /// prevent murder than"): the unit states a balance.
    weighed: Option<Span>,
}

/// Whether a term names a risk or benefit (the general evaluative words and the protective
/// verbs included), and whether it is positive.
fn polarity(term: &Term) -> Option<bool> {
    match term.role {
        Role::Risk | Role::Hazard | Role::Evaluative(false) | Role::Verdict(false) => Some(false),
        Role::Benefit | Role::Asset | Role::Evaluative(true) | Role::Verdict(true) => Some(true),
        Role::Mitigation if term.weight > 0.0 => Some(true),
        _ => None,
    }
}

/// What a downward change did to a term.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Turn {
    None,
    /// A harm turned into a benefit by the decline at this span ("deaths fell").
    By(Span),
    /// A decline that turned a harm, and so states nothing of its own.
    Absorbed,
}

/// How far back, in tokens, a decline reaches for the harm it lessens ("Those catastrophes,
/// measured in lost lives, are getting rarer"), and how far forward ("fewer of us die").
const DECLINE_BACK: usize = 12;
const DECLINE_AHEAD: usize = 6;

/// The turns the unit's declines make: a decline turns the harms before it in its unit (up to
/// [`DECLINE_BACK`] tokens) and the first harm after it in its clause (up to
/// [`DECLINE_AHEAD`]); a decline that turns none is a risk itself ("output dropped"). Linear:
/// each decline looks at a fixed number of terms.
/// The turns are written into `turns` (cleared first), a buffer that serves unit after unit.
fn declines(text: &str, toks: &[Token], found: &[Term], author: bool, turns: &mut Vec<Turn>) {
    turns.clear();
    turns.resize(found.len(), Turn::None);
    // A decline after an article is a noun naming the event ("the risk of a slowdown", "put
    // the drop down to"): it is what the words before it are about, and lessens none of them.
    // After "at" it is the state of what precedes it ("deaths were at a record low").
    let is = |i: usize, w: &str| toks[i].word && text[toks[i].span].eq_ignore_ascii_case(w);
    let named_event = |d: &Term| {
        (d.at.saturating_sub(2)..d.at).any(|i| {
            ["a", "an", "the"].into_iter().any(|w| is(i, w)) && !(i > 0 && is(i - 1, "at"))
        })
    };
    let harm = |t: &Term| match t.role {
        Role::Risk | Role::Hazard => true,
        Role::Evaluative(false) => author,
        _ => false,
    };
    for (n, d) in found.iter().enumerate() {
        if d.role != Role::Decline {
            continue;
        }
        let mut any = false;
        for k in (0..if named_event(d) { 0 } else { n }).rev() {
            let t = &found[k];
            if d.at - t.at > DECLINE_BACK {
                break;
            }
            if harm(t) && turns[k] == Turn::None {
                turns[k] = Turn::By(d.span);
                any = true;
            }
        }
        let end = d.at + d.len - 1;
        if let Some(k) = found[n + 1..]
            .iter()
            .take_while(|t| t.at - end <= DECLINE_AHEAD && no_break(toks, end, t.at))
            .position(harm)
        {
            turns[n + 1 + k] = Turn::By(d.span);
            any = true;
        }
        if any {
            turns[n] = Turn::Absorbed;
        }
    }
}

/// The risks and benefits a unit states, read from its terms in one pass over them:
///
/// - a term inside a name states nothing; a negation up to three words before a term drops
///   it; a dismissal anywhere in the unit drops them all;
/// - a mitigating verb turns the risks after it, up to ten words and no punctuation between,
///   into benefits ("reduce the risk", "protect the town from damage", "decrease the chances
///   of crisis escalation"), and a benefit just after it (three words) into a risk ("reduce
///   the benefits");
/// - a reversal ("failed to", "little", "less", "no longer") turns the term up to three words
///   after it;
/// - what a stated side outweighs is not stated ("the benefits of free trade outweigh the
///   losses" states no risk);
/// - general evaluative words count only in the writer's own units: in reported speech they
///   mostly describe the events reported ("when violence spiked"); a harm word a mitigating
///   verb lessens counts in every unit ("the lights would reduce violence").
///
/// They are written into `out` (cleared first); `turned_by` is scratch room for the turns of
/// the declines. Both are buffers that serve unit after unit.
fn stated(
    text: &str,
    toks: &[Token],
    found: &[Term],
    author: bool,
    turned_by: &mut Vec<Turn>,
    out: &mut Vec<Stated>,
) {
    out.clear();
    // Read once, when a hazard noun asks for it.
    let possible = std::cell::OnceCell::new();
    // A unit without terms states nothing (most units): its words are not read again.
    if found.is_empty() || found.iter().any(|t| t.role == Role::Dismissal) {
        // "the fears are overstated", "such a concern is not supported by the evidence"
        return;
    }
    let named = |t: &Term| in_name(text, toks, t.at, t.len);
    declines(text, toks, found, author, turned_by);
    // The "than" of a comparison of two clauses; "more than 200,000" compares quantities.
    // Looked for once, when a mitigating verb asks for it.
    let than = std::cell::OnceCell::new();
    let than = || {
        *than.get_or_init(|| {
            toks.iter().enumerate().position(|(i, t)| {
                t.word
                    && text[t.span].eq_ignore_ascii_case("than")
                    && !i.checked_sub(1).is_some_and(|p| {
                        ["more", "less", "fewer", "rather", "other"]
                            .into_iter()
                            .any(|w| text[toks[p].span].eq_ignore_ascii_case(w))
                    })
            })
        })
    };
    let mut mitigation: Option<Term> = None;
    let mut reversal: Option<Term> = None;
    let mut absence: Option<Term> = None;
    let mut excess: Option<Term> = None;
    // Whether a term of harm or gain follows the term at `n` within three words in its clause:
    // what a reversal or a degree of excess there grades.
    let grades_a_term = |n: usize| {
        let end = found[n].at + found[n].len - 1;
        found[n + 1..]
            .iter()
            .take_while(|t| t.at - end <= 3 && no_break(toks, end, t.at))
            .any(|t| polarity(t).is_some())
    };
    for (n, term) in found.iter().enumerate() {
        // The shifters in force before this term: the last of each kind, if it still reaches.
        let shifter_before = |s: Option<Term>, reach: usize| {
            s.filter(|s| {
                let end = s.at + s.len - 1;
                term.at - end <= reach && no_break(toks, end, term.at)
            })
        };
        // "than" opens the other side of a comparison: a verb before it does not govern what
        // follows it ("more likely to prevent a death than to cause an injury").
        let mitigated = shifter_before(mitigation, 10)
            .filter(|m| !than().is_some_and(|t| m.at < t && t < term.at));
        let reversed = shifter_before(reversal, 3);
        let excessive = shifter_before(excess, 3);
        let absent = shifter_before(absence, 3);
        // An absence turns the first term after it, its object's head or modifier ("no
        // harmful gases"); a term after that is the object of what is absent ("without
        // damaging the recovery": the recovery is not what is absent).
        if absent.is_some() && polarity(term).is_some() {
            absence = None;
        }
        // The nearest negation or mitigating verb within three words before the term: a
        // negation drops the term ("not a threat"), unless a mitigating verb stands between,
        // which the negation voids instead ("did not stop risky behaviour").
        let negation_before = found[..n]
            .iter()
            .rev()
            .take_while(|t| term.at - t.at <= 3)
            .find(|t| matches!(t.role, Role::Negation | Role::Mitigation));
        match term.role {
            Role::Mitigation => {
                mitigation = match negation_before {
                    Some(t) if t.role == Role::Negation => None,
                    // A passive ("prohibited by law because they are offensive", "foiled by a
                    // radar trap"): what follows "by" is its agent, not what it turns.
                    _ if term.weight == 0.0
                        && toks
                            .get(term.at + term.len)
                            .is_some_and(|t| t.word && text[t.span].eq_ignore_ascii_case("by")) =>
                    {
                        None
                    }
                    // A verb inside a name turns nothing: "the Environmental Protection Agency
                    // has determined the hazard is real".
                    _ if named(term) => None,
                    _ => Some(*term),
                };
            }
            // A verb that raises what follows takes it as its own object: "cutting the
            // budget will increase crime" does not lessen crime.
            Role::Aggravation => mitigation = None,
            Role::Reversal => reversal = Some(*term),
            Role::Excess => excess = Some(*term),
            Role::Absence => absence = Some(*term),
            _ => {}
        }
        let positive = match (term.role, turned_by[n]) {
            // A decline that turned a harm said all it had to say there.
            (Role::Decline, Turn::Absorbed) => continue,
            (Role::Decline, _) => Some(false),
            // A deficiency ("lack of", "the absence of") or a degree of excess ("too") that
            // grades no term is a downside itself ("the absence of subtitles", "took too
            // long"); before a term it only turns it (below).
            (Role::Reversal, _) if term.weight > 0.0 && !grades_a_term(n) => Some(false),
            (Role::Excess, _) if !grades_a_term(n) => Some(false),
            _ => polarity(term),
        };
        let Some(positive) = positive else {
            continue;
        };
        // A term after "until", "till" or "before" in its phrase is a time landmark: the
        // clause's content lies before it ("until his death she starred on stage", "till
        // death do us part"); it states no harm or gain of its own.
        if landmark(text, toks, term) {
            continue;
        }
        // A gain put at risk is the risk's target, not a benefit stated: "puts people's
        // safety at risk".
        if positive
            && found[n + 1..]
                .iter()
                .take_while(|t| t.at - (term.at + term.len) <= 2)
                .any(|t| t.role == Role::Risk && text[t.span].eq_ignore_ascii_case("at risk"))
        {
            continue;
        }
        // So is a gain that a harm word takes as its object, with only determiners between:
        // "the degrading of best interests", "threatens our safety", "undermine the recovery".
        if positive && harm_object(text, toks, &found[..n], term) {
            continue;
        }
        // A general harm word under a mitigating verb is the object of a stated gain ("the
        // lights would reduce violence"), not a description of reported events, so it counts
        // in reported units too.
        let lessened_harm = term.role == Role::Evaluative(false) && mitigated.is_some();
        // So is a general word of gain a causative verb brings about ("will lead to better
        // services"): the outcome of a stated gain.
        let caused = (term.role == Role::Evaluative(true))
            .then(|| {
                found[..n]
                    .iter()
                    .rev()
                    .take_while(|t| term.at - t.at <= 8)
                    .find(|t| t.role == Role::Aggravation)
                    .filter(|t| {
                        let end = t.at + t.len - 1;
                        term.at - end <= 4 && no_break(toks, end, term.at)
                    })
                    .copied()
            })
            .flatten();
        if matches!(term.role, Role::Evaluative(_)) && !author && !lessened_harm && caused.is_none()
        {
            continue;
        }
        // A negative question asks for agreement with the positive ("Is this not
        // dangerous?", "Isn't that a risk?"): its negation states the term.
        let negation = negation_before
            .filter(|t| t.role == Role::Negation)
            .filter(|t| !negative_question(text, toks, t.at) && !inverted(text, toks, t));
        // Negation is asymmetric (Taboada et al. 2011, "shift" negation; Horn 1989 on litotes):
        // a negated gain is a downside ("will not improve schools", "are not in the best
        // interests of the child"), while a denied harm states nothing ("is not a threat", "not
        // dangerous" is no gain). Only a harm that a negated verb does not do is a gain ("would
        // not cause any harm"). "nothing" is a pronoun ("adds nothing useful" says what is
        // added): it drops the term.
        let negated_action = negation.filter(|t| {
            !text[t.span].eq_ignore_ascii_case("nothing")
                && !corrected(text, toks, term)
                && if positive {
                    // "we should not be giving up on it" recommends; it states no downside. A
                    // negated manner adverb ("aren't easily regulated") modifies the verb
                    // after it, not the gain it names.
                    term.role != Role::Mitigation
                        && !prohibition(text, toks, t)
                        && !text[term.span].ends_with("ly")
                } else {
                    negated_verb_object(text, toks, t, term) && !copular(text, toks, t)
                }
        });
        if negation.is_some() && negated_action.is_none()
            || named(term)
            || topic_of(text, toks, found, n)
        {
            continue;
        }
        // "Fossil fuels are no catastrophe" denies, as "not a catastrophe" does; "produces no
        // harmful gases", "there is no protection" state the absence.
        if absent.is_some_and(|a| copular(text, toks, &a) && !existential(text, toks, a.at)) {
            continue;
        }
        let mut shifter = None;
        let mut positive = positive;
        if let Some(t) = negated_action {
            positive = !positive;
            shifter = Some(t.span);
        }
        // A mitigating verb turns the risks of its clause, and a benefit just after it; a
        // protective verb ("protect") is a benefit of its own and turns only risks.
        // A deficiency or excess that grades nothing names its own downside; a mitigating verb
        // further back does not take it as object ("had to cut rations due to a lack of
        // funding").
        if let Some(m) = mitigated
            && term.role != Role::Mitigation
            && !matches!(term.role, Role::Reversal | Role::Excess)
            && (!positive || (m.weight == 0.0 && term.at - m.at <= 3))
        {
            positive = !positive;
            shifter = Some(m.span);
        }
        if let Some(r) = reversed {
            positive = !positive;
            shifter = Some(r.span);
        }
        // Too much of a gain is a downside ("too great an advantage"); too much of a harm is
        // that harm ("too dangerous").
        if let Some(x) = excessive
            && positive
        {
            positive = false;
            shifter = Some(x.span);
        }
        if let Some(a) = absent {
            // "no harmful gases", "without damaging the recovery", "no protection"
            positive = !positive;
            shifter = Some(a.span);
        }
        if let Turn::By(d) = turned_by[n] {
            positive = !positive;
            shifter = Some(d);
        }
        if matches!(term.role, Role::Verdict(_)) && shifter.is_some() {
            // A turned stated balance ("reduce the net negative") is not a verdict.
            continue;
        }
        // A general word of gain a causative verb brings about is the outcome of a stated
        // gain ("contribute to health and a better life"), as a harm it raises is a stated
        // risk.
        let aggravation = if term.role == Role::Evaluative(true) {
            caused
        } else if positive {
            None
        } else {
            found[..n]
                .iter()
                .rev()
                .take_while(|t| term.at - t.at <= 4)
                .find(|t| t.role == Role::Aggravation)
                .copied()
        };
        // A noun of a harm domain ("war", "crime") is what the text is about; it states a risk
        // only where it may happen or is made worse ("could spark a war", "increase crime"),
        // a benefit where it is lessened ("reduce crime"). Alone it names a topic ("the
        // reality of war", "support for domestic violence").
        if term.role == Role::Hazard
            && shifter.is_none()
            && aggravation.is_none()
            && !*possible.get_or_init(|| possibility(text, toks))
        {
            continue;
        }
        // A noun of a gain domain ("safety", "security") is likewise what the text is about
        // ("safety standards", "a fair market price on safety", "children's safety is the
        // parents' responsibility"); it states a benefit only where it is raised ("increase
        // safety") or names whom it keeps safe ("the safety of women and children"), a risk
        // where it is negated, lessened or absent ("cannot guarantee the safety", "reduce
        // security", "no safety"): the shifter set above.
        if term.role == Role::Asset
            && shifter.is_none()
            && !found[..n]
                .iter()
                .rev()
                .take_while(|t| term.at - t.at <= 4)
                .any(|t| t.role == Role::Aggravation)
            && !toks.get(term.at + term.len).is_some_and(|t| {
                t.word
                    && (text[t.span].eq_ignore_ascii_case("of")
                        || text[t.span].eq_ignore_ascii_case("for"))
            })
        {
            continue;
        }
        out.push(Stated {
            term: *term,
            kind: if positive {
                AssessmentKind::Benefit
            } else {
                AssessmentKind::Risk
            },
            shifter,
            aggravation,
            weighed: None,
        });
    }
    // Nothing stated, nothing outweighed or compared.
    if out.is_empty() {
        return;
    }
    // "The benefits of free trade outweigh the losses": what is outweighed is weighed, not
    // stated.
    let outweigh = toks.iter().position(|t| {
        t.word
            && text[t.span]
                .get(..8)
                .is_some_and(|w| w.eq_ignore_ascii_case("outweigh"))
    });
    if let Some(o) = outweigh
        && let Some(heavier) = out.iter().rev().find(|s| s.term.at < o).map(|s| s.kind)
    {
        out.retain(|s| s.term.at < o || s.kind == heavier);
    }
    compared(text, toks, out);
}

/// How many tokens a comparison's "more" may stand before its "than": "far more likely to
/// prevent murder than".
const COMPARE_REACH: usize = 8;

/// A comparison of a term of one kind with a term of the other, "more A than B" ("that gun is
/// far more likely to prevent murder than it is to be used in an accidental shooting"), is the
/// writer's weighing of the two, as "A outweighs B" is: a stated balance for A's side, and B,
/// what is outweighed, is weighed rather than stated. "more" and "than" stand in one clause
/// (no punctuation between), at most [`COMPARE_REACH`] tokens apart, with a term between
/// them; "more than 20" compares numbers, not sides.
fn compared(text: &str, toks: &[Token], out: &mut Vec<Stated>) {
    let is = |i: usize, w: &str| toks[i].word && text[toks[i].span].eq_ignore_ascii_case(w);
    let Some(than) = (0..toks.len()).find(|&i| is(i, "than")) else {
        return;
    };
    let Some(more) = (than.saturating_sub(COMPARE_REACH)..than)
        .rev()
        .find(|&i| is(i, "more"))
        .filter(|&m| no_break(toks, m, than))
    else {
        return;
    };
    let Some(heavier) = out
        .iter()
        .find(|s| s.term.at > more && s.term.at < than)
        .map(|s| s.kind)
    else {
        return;
    };
    if !out.iter().any(|s| s.term.at > than && s.kind != heavier) {
        return;
    }
    let cue = toks[more].span.cover(toks[than].span);
    out.retain(|s| s.term.at < than || s.kind == heavier);
    for s in out.iter_mut().filter(|s| s.kind == heavier) {
        s.weighed = Some(cue);
    }
}

/// Whether the term `n` is the topic of what is said: a topic marker ("about") up to four
/// words before it, with no punctuation between ("talks about juvenile gun deaths", "argue
/// about how we gauge disasters"). "about" before a number is an approximation ("about 20
/// people died"), and after "be" a purpose ("it's about innovating to benefit customers"):
/// no topic.
fn topic_of(text: &str, toks: &[Token], found: &[Term], n: usize) -> bool {
    let term = &found[n];
    found[..n]
        .iter()
        .rev()
        .take_while(|t| term.at - t.at <= 4)
        .any(|t| {
            t.role == Role::Topic
                && !after_be(text, toks, t.at)
                && no_break(toks, t.at + t.len - 1, term.at)
                && !toks
                    .get(t.at + t.len)
                    .is_some_and(|next| text[next.span].starts_with(|c: char| c.is_ascii_digit()))
        })
}

/// Whether the word before token `at` is a form of "be": "it's about innovating to benefit
/// customers" says what a thing is for, not what is talked about.
fn after_be(text: &str, toks: &[Token], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| {
            let w = text[t.span].to_ascii_lowercase();
            w.ends_with("'s")
                || w.ends_with("’s")
                || matches!(w.as_str(), "is" | "are" | "was" | "were" | "be" | "been")
        })
}

/// How many words a time landmark's preposition may stand before its term: a determiner or a
/// possessive between ("until his death", "before the company's collapse").
const LANDMARK_REACH: usize = 3;

/// Whether the term is the object of a preposition of time that marks the end of the
/// clause's period (`time-landmark` in cue_words.tsv: "until", "till", "before"; Quirk et al.
/// 1985 on prepositions of time), up to [`LANDMARK_REACH`] words before it with no punctuation
/// between: "until his death", "before a fall". Not "after" or "since", whose object has
/// happened by the clause's time.
fn landmark(text: &str, toks: &[Token], term: &Term) -> bool {
    toks[term.at.saturating_sub(LANDMARK_REACH)..term.at]
        .iter()
        .rev()
        .take_while(|t| t.word)
        .any(|t| crux_lexicon::is(&text[t.span], crux_lexicon::Cue::TimeLandmark))
}

/// Whether a clausal negation (`neg`: "not", "never", "n't") negates a verb whose object the
/// harm `term` is: one verb between them, then a determiner or quantifier ("would not place
/// any restrictions", "did not cause the damage", "will not impose new costs" is not read: an
/// adjective stands between). The verb's negation states that the harm is not done: a benefit.
/// A prohibition ("must not jeopardise the chance", "should never lose sight of") warns of
/// the harm; a negated verb of knowing or saying ("we don't know who died") negates the
/// knowing; "nothing" is a pronoun ("adds nothing useful"): none of them is read.
fn negated_verb_object(text: &str, toks: &[Token], neg: &Term, term: &Term) -> bool {
    let is = |i: usize, words: &[&str]| {
        toks.get(i)
            .is_some_and(|t| t.word && words.iter().any(|w| text[t.span].eq_ignore_ascii_case(w)))
    };
    let verb = neg.at + neg.len;
    // "Why not make the risky trip?" suggests it: a question states no absence.
    let question = toks.last().is_some_and(|t| &text[t.span] == "?");
    !question
        && term.at == verb + 2
        && toks[neg.at..term.at].iter().all(|t| t.word)
        && is(verb + 1, &["any", "a", "an", "the", "much", "many"])
        && !prohibition(text, toks, neg)
}

/// Whether a negated auxiliary is inverted before its pronoun subject ("aren't they cute!",
/// "isn't it a risk"): a question or exclamation that asserts the positive (Quirk et al. 1985,
/// §11.7, §11.31 on exclamatory questions), not a negation.
fn inverted(text: &str, toks: &[Token], neg: &Term) -> bool {
    ends_with_nt(&text[neg.span])
        && toks.get(neg.at + neg.len).is_some_and(|t| {
            t.word
                && matches!(
                    text[t.span].to_ascii_lowercase().as_str(),
                    "i" | "you" | "he" | "she" | "it" | "we" | "they" | "there" | "that" | "this"
                )
        })
}

/// Whether the negated term is corrected by a "but" after it in its clause ("is not love but
/// food", "not a cost but an investment"): the corrective "not X but Y" (Quirk et al. 1985,
/// §13.40) replaces X with Y, and says nothing of X.
fn corrected(text: &str, toks: &[Token], term: &Term) -> bool {
    toks[term.at + term.len..]
        .iter()
        .take(4)
        .take_while(|t| t.word)
        .any(|t| text[t.span].eq_ignore_ascii_case("but"))
}

/// Whether a negation forbids or advises against ("must not", "should never", "mustn't"):
/// a prohibition warns of what it names or recommends, it states no absence.
fn prohibition(text: &str, toks: &[Token], neg: &Term) -> bool {
    let deontic = |i: usize| {
        toks.get(i).is_some_and(|t| {
            t.word
                && [
                    "must",
                    "should",
                    "mustn't",
                    "shouldn't",
                    "mustn\u{2019}t",
                    "shouldn\u{2019}t",
                ]
                .iter()
                .any(|w| text[t.span].eq_ignore_ascii_case(w))
        })
    };
    deontic(neg.at) || neg.at.checked_sub(1).is_some_and(deontic)
}

/// Whether a form of "be" stands next to the negation or absence `t` ("is not", "are no",
/// "isn't", "not be"): the negation denies a predication ("is not a threat") instead of
/// negating an action ("would not place restrictions").
fn copular(text: &str, toks: &[Token], t: &Term) -> bool {
    let be = |i: usize| {
        toks.get(i).is_some_and(|tok| {
            tok.word && {
                let w = text[tok.span].to_ascii_lowercase();
                matches!(
                    w.as_str(),
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
                ) || w.ends_with("'s")
                    || w.ends_with("\u{2019}s")
            }
        })
    };
    let word = text[t.span].to_ascii_lowercase();
    // "isn't", "aren't", "wasn't", "weren't", "ain't"
    let host_be = ["isn", "aren", "wasn", "weren", "ain"]
        .into_iter()
        .any(|h| word.starts_with(h));
    host_be || t.at.checked_sub(1).is_some_and(be) || be(t.at + t.len)
}

/// Whether the word before token `at` is "there" after a form of "be" ("there is no
/// protection"): an existential sentence states what exists or does not, not a predication.
fn existential(text: &str, toks: &[Token], at: usize) -> bool {
    at.checked_sub(2)
        .and_then(|i| toks.get(i))
        .is_some_and(|t| text[t.span].eq_ignore_ascii_case("there"))
}

/// Whether the gain `term` is the object of the harm term just before it (`before` are the
/// unit's terms before it): only determiners, possessives and "of" stand between ("the
/// degrading of best interests", "threatens our safety", "damage the recovery"). The harm
/// states the risk; its object is what is harmed, no benefit stated.
fn harm_object(text: &str, toks: &[Token], before: &[Term], term: &Term) -> bool {
    let Some(harm) = before.last() else {
        return false;
    };
    let gap = harm.at + harm.len..term.at;
    matches!(harm.role, Role::Risk | Role::Evaluative(false))
        && gap.len() <= 3
        && toks[gap].iter().all(|t| {
            t.word
                && [
                    "the", "a", "an", "of", "our", "their", "its", "his", "her", "my", "your",
                    "this", "that", "these", "those",
                ]
                .iter()
                .any(|w| text[t.span].eq_ignore_ascii_case(w))
        })
}

/// Whether a unit is a negative yes/no question whose negation is at token `at`: it ends with
/// a question mark and the negation stands among its first three words, after the verb that
/// opens it ("Is this not dangerous?", "Isn't it a risk?"): a question biased to the positive
/// answer (Quirk et al. 1985, §11.7).
fn negative_question(text: &str, toks: &[Token], at: usize) -> bool {
    toks.last().is_some_and(|t| &text[t.span] == "?")
        && toks.iter().take(at + 1).filter(|t| t.word).count() <= 3
        // "Why not try it?" suggests; it does not ask for agreement.
        && !toks
            .iter()
            .find(|t| t.word)
            .is_some_and(|t| text[t.span].eq_ignore_ascii_case("why"))
}

/// Whether a unit says something may or will happen: a modal of possibility or the future
/// ("may", "might", "could", "will", "would", "going to").
fn possibility(text: &str, toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        let is = |w: &str| t.word && text[t.span].eq_ignore_ascii_case(w);
        ["may", "might", "could", "will", "would"]
            .into_iter()
            .any(is)
            || (is("going")
                && toks
                    .get(i + 1)
                    .is_some_and(|n| text[n.span].eq_ignore_ascii_case("to")))
    })
}

/// The unit breaks inside a claim: token indices where a new clause unit starts.
fn units(text: &str, toks: &[Token], span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start();
    for (i, t) in toks.iter().enumerate() {
        let w = &text[t.span];
        // Parentheses stay inside their unit: a parenthetical ("I'm assuming Mexico has such
        // an advantage") qualifies its host, it does not state a risk or benefit of its own.
        let after_comma = i > 0 && &text[toks[i - 1].span] == ",";
        // A coordinated clause with its own subject states its own risk or benefit: "The plan
        // will cost billions and it could fail".
        let new_subject = || {
            toks.get(i + 1).is_some_and(|n| {
                n.word
                    && ["it", "they", "he", "she", "we", "there", "this"]
                        .into_iter()
                        .any(|s| text[n.span].eq_ignore_ascii_case(s))
            })
        };
        let cut_before = if !t.word {
            matches!(w, "—" | "–")
        } else {
            (after_comma && matches!(w, "which" | "yet" | "though" | "although" | "but"))
                || (i > 0
                    && ["and", "but", "or"]
                        .into_iter()
                        .any(|c| w.eq_ignore_ascii_case(c))
                    && new_subject())
        };
        if cut_before && t.span.start() > start {
            let end = if t.word && after_comma {
                toks[i - 1].span.start()
            } else {
                t.span.start()
            };
            out.push(Span::new(start, end.max(start)));
            start = if t.word { t.span.start() } else { t.span.end() };
        }
    }
    out.push(Span::new(start, span.end()));
    out.into_iter()
        .map(|s| s.trim(text))
        .filter(|s| !s.is_empty())
        .collect()
}

fn likelihood(text: &str, toks: &[Token]) -> (f64, Option<Span>) {
    let is = |t: Option<&Token>, w: &str| t.is_some_and(|t| text[t.span].eq_ignore_ascii_case(w));
    // A stated possibility ("a risk worth watching out for", "lest we fall") sets the
    // likelihood wherever it stands; else the first modal or tense marker does.
    for (i, t) in toks.iter().enumerate() {
        if (is(Some(t), "worth") && is(toks.get(i + 1), "watching")) || is(Some(t), "lest") {
            return (0.35, Some(t.span));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if !t.word || t.span.len() > 7 {
            continue;
        }
        let mut buf = [0u8; 7];
        let w = &mut buf[..t.span.len()];
        w.copy_from_slice(text[t.span].as_bytes());
        w.make_ascii_lowercase();
        let value = match &*w {
            b"may" | b"might" | b"could" => 0.4,
            b"would" | b"should" | b"ought" => 0.6,
            b"going" if is(toks.get(i + 1), "to") => 0.8,
            b"will" | b"is" | b"are" | b"was" | b"were" | b"does" | b"do" | b"did" | b"carries" => {
                0.8
            }
            _ => continue,
        };
        return (value, Some(t.span));
    }
    (0.7, None)
}

/// Who holds the view in a unit (`toks` are its tokens): "will strike some as", "get some
/// observers concerned".
fn holder<'a>(text: &str, unit: Span, toks: &[Token], claim_holder: &'a str) -> &'a str {
    let lower = text[unit].to_ascii_lowercase();
    if ["strike some", "some observers", "some critics", "critics"]
        .iter()
        .any(|p| lower.contains(p))
    {
        "some observers"
    } else if claim_holder == "author" && unheld_feeling(text, toks) {
        "unattributed"
    } else {
        claim_holder
    }
}

/// Whether a unit (`toks` are its tokens) reports a feeling no one is said to have: "there are
/// (also, growing) concerns about …", "there were fears that …". A concern or a fear is
/// someone's; stated without its experiencer it is an attribution without a source (PolNeAR's
/// Attribution-no-source), not the writer's own judgement, as "there are risks" is. Its first
/// 64 words are read, each compared in place (no copy of a word is made).
fn unheld_feeling(text: &str, toks: &[Token]) -> bool {
    let is = |t: &Token, w: &str| text[t.span].eq_ignore_ascii_case(w);
    // Whether the word starts with the stem (lower case ASCII), in any case.
    let starts = |t: &Token, stem: &str| {
        text[t.span]
            .as_bytes()
            .get(..stem.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(stem.as_bytes()))
    };
    let mut words = toks.iter().filter(|t| t.word).take(64);
    while let Some(first) = words.next() {
        if !is(first, "there") {
            continue;
        }
        let mut rest = words.clone();
        if rest
            .next()
            .is_some_and(|be| ["is", "are", "was", "were"].into_iter().any(|w| is(be, w)))
            && rest.take(3).any(|t| {
                ["concern", "fear", "worr", "anxiet", "unease"]
                    .into_iter()
                    .any(|stem| starts(t, stem))
            })
        {
            return true;
        }
    }
    false
}

/// What is at risk or gains: the words after "to", "for" or "of" that follow the term, or
/// the subject of "are at risk".
fn target(text: &str, toks: &[Token], term: &Term) -> Option<Span> {
    let end = term.at + term.len;
    let phrase = |from: usize| {
        let words: Vec<&Token> = toks[from..].iter().take_while(|t| t.word).take(8).collect();
        (!words.is_empty()).then(|| words[0].span.cover(words[words.len() - 1].span))
    };
    if let Some(next) = toks.get(end).filter(|t| t.word)
        && matches!(
            text[next.span].to_ascii_lowercase().as_str(),
            "to" | "for" | "of"
        )
    {
        return phrase(end + 1);
    }
    if text[term.span].eq_ignore_ascii_case("at risk") {
        // "the U.S. personnel involved of course are at risk"
        let verb = term.at.checked_sub(1)?;
        let start = toks[..verb]
            .iter()
            .rposition(|t| !t.word)
            .map_or(0, |i| i + 1);
        let words: Vec<&Token> = toks[start..verb]
            .iter()
            .filter(|t| {
                !matches!(
                    text[t.span].to_ascii_lowercase().as_str(),
                    "of" | "course" | "surely" | "obviously" | "clearly" | "most"
                )
            })
            .collect();
        return (!words.is_empty()).then(|| words[0].span.cover(words[words.len() - 1].span));
    }
    None
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// How many bytes two spans share.
fn shared(a: Span, b: Span) -> usize {
    a.end()
        .min(b.end())
        .saturating_sub(a.start().max(b.start()))
}

/// A stretch of text read for assessments, and whose view it states.
struct Segment<'a> {
    span: Span,
    holder: &'a str,
}

/// Whose words a quotation holds: its speaker's fullest name, else its source, else
/// `"unattributed"`.
fn quote_holder(q: &Quote) -> &str {
    q.speaker
        .as_ref()
        .map(|s| s.canonical.as_deref().unwrap_or(&s.text))
        .or_else(|| q.source.as_ref().map(|s| s.text.as_str()))
        .unwrap_or("unattributed")
}

/// The quotations that hold someone else's words as theirs: direct quotations, block quotes
/// and reported speech (not the scare quote, a term, nor the partial quote, a phrase the
/// writer's own sentence uses), sorted by start.
fn voiced(doc: &Document) -> Vec<&Quote> {
    let mut quotes: Vec<&Quote> = doc.quotes.iter().filter(|q| crate::voiced(q)).collect();
    quotes.sort_by_key(|q| q.span);
    quotes
}

/// For each quotation (sorted by start), the index of the one reaching furthest among it and
/// those before it: the outermost quotation that can cover a later unit, whatever nests in it.
fn furthest_reach(quotes: &[&Quote]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(quotes.len());
    for (i, q) in quotes.iter().enumerate() {
        let best = match out.last() {
            Some(&b) if quotes[b].span.end() >= q.span.end() => b,
            _ => i,
        };
        out.push(best);
    }
    out
}

/// Who holds the view of a unit: the speaker of the narrowest voiced quotation that covers at
/// least half of it (a direct quotation inside reported speech is the speaker's own words), else
/// the claim's holder. `quotes` are
/// sorted by start, `reach` is their [`furthest_reach`]: the candidates are the few last
/// quotations starting at or before the unit and the outermost one, so the search stays
/// logarithmic.
fn unit_holder<'a>(
    quotes: &[&'a Quote],
    reach: &[usize],
    unit: Span,
    claim_holder: &'a str,
) -> &'a str {
    let before = quotes.partition_point(|q| q.span.start() <= unit.start());
    let outer = before.checked_sub(1).map(|i| reach[i]);
    let covering = (before.saturating_sub(MAX_NESTING)..before)
        .chain(outer)
        .map(|i| quotes[i])
        .filter(|q| 2 * shared(q.span, unit) >= unit.len().max(1))
        .min_by_key(|q| q.span.len());
    match covering {
        Some(q) => quote_holder(q),
        None => claim_holder,
    }
}

/// How many quotations starting before a unit are tried as its cover.
const MAX_NESTING: usize = 4;

/// The segments of a document: its claims, and the sentences of voiced quotations that no
/// claim covers (the claims are the writer's sentences; gold and readers count the risks a
/// quoted speaker states as stated too, held by the speaker).
fn segments<'a>(doc: &'a Document, quotes: &[&Quote]) -> Vec<Segment<'a>> {
    let mut out: Vec<Segment> = doc
        .claims
        .iter()
        .map(|c| Segment {
            span: c.span,
            holder: &c.holder,
        })
        .collect();
    let mut claims: Vec<Span> = doc.claims.iter().map(|c| c.span).collect();
    claims.sort();
    let covered = |piece: Span| {
        let at = claims.partition_point(|c| c.end() <= piece.start());
        claims[at..]
            .iter()
            .take_while(|c| c.start() < piece.end())
            .map(|c| shared(*c, piece))
            .sum::<usize>()
            * 2
            >= piece.len()
    };
    let mut seen: Vec<Span> = Vec::new();
    for q in quotes {
        for s in starting_within(&doc.sentences, q.span, |s| s.span)
            .iter()
            .chain(
                // The sentence the quotation starts inside, when it starts mid-sentence.
                doc.sentences
                    .get(
                        doc.sentences
                            .partition_point(|s| s.span.end() <= q.span.start()),
                    )
                    .filter(|s| s.span.start() < q.span.start()),
            )
        {
            let piece = Span::new(
                s.span.start().max(q.span.start()),
                s.span
                    .end()
                    .min(q.span.end())
                    .max(s.span.start().max(q.span.start())),
            )
            .trim(&doc.text);
            if piece.is_empty() || covered(piece) {
                continue;
            }
            seen.push(piece);
        }
    }
    seen.sort();
    seen.dedup();
    // Nested quotations give overlapping pieces: keep the widest of each overlapping run.
    let mut last: Option<Span> = None;
    for piece in seen {
        match last {
            Some(l) if shared(l, piece) > 0 => {
                if piece.len() > l.len() {
                    last = Some(piece);
                }
            }
            _ => {
                if let Some(l) = last {
                    out.push(Segment {
                        span: l,
                        holder: "author",
                    });
                }
                last = Some(piece);
            }
        }
    }
    if let Some(l) = last {
        out.push(Segment {
            span: l,
            holder: "author",
        });
    }
    out
}

/// The assessments of a document, in text order: `tokens` are its sentences' tokens from its
/// parse, when the caller has them; they are dropped once the units are read, before the
/// assessments' words are copied out of the text.
pub(crate) fn assessments(
    doc: &Document,
    tokens: Option<SentenceTokens>,
    lexicon: &Lexicon,
) -> Vec<Assessment> {
    let text = &doc.text;
    // Another document's tokens are not read.
    let tokens = tokens.filter(|t| t.len() == doc.sentences.len());
    let quotes = voiced(doc);
    let reach = furthest_reach(&quotes);
    let mut drafts = Vec::new();
    let mut all_cues = Vec::new();
    {
        // One buffer for every claim's tokens, and one for each unit's terms, stated terms,
        // turns and cues, reused from unit to unit.
        let mut scratch: Vec<Token> = Vec::new();
        let (mut found, mut stated_terms, mut turns) = (Vec::new(), Vec::new(), Vec::new());
        let mut cues = Vec::new();
        for segment in segments(doc, &quotes) {
            let claim_tokens = segment_tokens(doc, tokens.as_ref(), segment.span, &mut scratch);
            for unit in units(text, claim_tokens, segment.span) {
                // Units are cut at token edges: a unit's tokens are the claim's tokens inside
                // it.
                let from = claim_tokens.partition_point(|t| t.span.start() < unit.start());
                let to = claim_tokens.partition_point(|t| t.span.end() <= unit.end());
                let toks = &claim_tokens[from..to.max(from)];
                let holder = unit_holder(&quotes, &reach, unit, segment.holder);
                terms_into(text, toks, lexicon, &mut found);
                stated(
                    text,
                    toks,
                    &found,
                    holder == "author",
                    &mut turns,
                    &mut stated_terms,
                );
                let stated = &stated_terms;
                // A unit that states a balance weighs the other side, it does not state it:
                // "the benefits outweigh the risks" is no risk.
                let balance = stated.iter().find_map(|s| match s.term.role {
                    Role::Verdict(_) if s.kind == AssessmentKind::Benefit => {
                        Some(AssessmentKind::Risk)
                    }
                    Role::Verdict(_) => Some(AssessmentKind::Benefit),
                    _ => None,
                });
                for kind in [AssessmentKind::Risk, AssessmentKind::Benefit] {
                    if balance == Some(kind) {
                        continue;
                    }
                    if let Some(d) = assess(
                        doc,
                        unit,
                        toks,
                        &found,
                        stated,
                        kind,
                        holder,
                        &mut cues,
                        &mut all_cues,
                    ) {
                        drafts.push(d);
                    }
                }
            }
        }
    }
    drop(tokens);
    // Sorted (stably) by keys and indices, then moved into place: a stable sort of the
    // drafts themselves takes scratch room for half of them or more.
    drafts.sort_by_cached_key(|d| (d.span, d.kind == AssessmentKind::Benefit));
    drafts.dedup_by(|b, a| a.span == b.span && a.kind == b.kind);
    drafts
        .iter()
        .enumerate()
        .map(|(n, d)| d.assessment(text, &all_cues, format!("a{}", n + 1)))
        .collect()
}

/// The tokens of a segment (a claim, or a piece of a quotation) of `doc`: the tokens its
/// parse gave the sentence it lies in, when the segment starts and ends at their edges, else
/// its text tokenised again into `scratch`.
///
/// Both are the same tokens: the tokeniser reads from where it stands, and looks past a word
/// only to decide whether a joiner or a comma continues it; a word that ends at the segment's
/// end ends there whether the text goes on or not, or it would run past it.
fn segment_tokens<'a>(
    doc: &Document,
    tokens: Option<&'a SentenceTokens>,
    span: Span,
    scratch: &'a mut Vec<Token>,
) -> &'a [Token] {
    let text = &doc.text;
    let sentence = doc.sentences.partition_point(|s| s.span.end() < span.end());
    let parsed = tokens
        .zip(doc.sentences.get(sentence))
        .filter(|(_, s)| s.span.contains_span(span))
        .and_then(|(tokens, s)| Some((tokens.sentence(sentence)?, s.span)))
        // Tokens that lie inside their sentence, on the text's character boundaries.
        .filter(|(toks, s)| {
            toks.first().is_none_or(|t| t.span.start() >= s.start())
                && toks.last().is_none_or(|t| t.span.end() <= s.end())
        })
        .and_then(|(toks, _)| {
            let from = toks.partition_point(|t| t.span.start() < span.start());
            let to = toks.partition_point(|t| t.span.end() <= span.end());
            let edges = from <= to
                && from
                    .checked_sub(1)
                    .is_none_or(|i| toks[i].span.end() <= span.start())
                && toks.get(to).is_none_or(|t| t.span.start() >= span.end());
            let inside = toks.get(from..to.max(from))?;
            (edges
                && inside.iter().all(|t| {
                    text.is_char_boundary(t.span.start()) && text.is_char_boundary(t.span.end())
                }))
            .then_some(inside)
        });
    match parsed {
        Some(toks) => toks,
        None => {
            scratch.clear();
            scratch.extend(tokens_of(text, span));
            scratch
        }
    }
}

/// How many cues of one role an assessment keeps: the nearest to its main term. A sentence of
/// thousands of hedged clauses must not give every clause every hedge (issue 10): the numbers
/// are set by the nearest words, and the output stays linear in the input.
pub(crate) const MAX_CUES_PER_ROLE: usize = 3;

/// Distance in bytes between a cue and the main term.
fn distance(a: Span, b: Span) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else {
        a.start().saturating_sub(b.end())
    }
}

/// The items near `at` in a list sorted by span start, whose scope overlaps `unit`, nearest
/// first, at most [`MAX_CUES_PER_ROLE`]: found by binary search and a window of fixed size, so
/// that a unit amid thousands of cues costs the same as one amid three.
fn nearest<T>(
    items: &[T],
    at: Span,
    span: impl Fn(&T) -> Span,
    keep: impl Fn(&T) -> bool,
) -> Vec<&T> {
    // Wide enough that the scope filter (another sentence's cue, a speaker's cue) still leaves
    // the nearest few.
    const WINDOW: usize = 4 * MAX_CUES_PER_ROLE;
    let pos = items.partition_point(|i| span(i).start() < at.start());
    let window = &items[pos.saturating_sub(WINDOW)..(pos + WINDOW).min(items.len())];
    let mut out: Vec<&T> = window.iter().filter(|i| keep(i)).collect();
    out.sort_by_key(|i| (distance(span(i), at), span(i)));
    out.truncate(MAX_CUES_PER_ROLE);
    out
}

/// An assessment as a unit's reading finds it, its words still spans of the text: made while
/// the tokens are at hand, it becomes an [`Assessment`] once they are gone
/// ([`Draft::assessment`]), so that the tokens and the assessments' strings are not held at
/// once.
struct Draft<'a> {
    kind: AssessmentKind,
    span: Span,
    holder: &'a str,
    target: Option<Span>,
    magnitude: f64,
    likelihood: f64,
    confidence: f64,
    /// Its cues: a range of the list of every draft's cues.
    cues: std::ops::Range<usize>,
    /// The words that state a balance, when it does.
    balance: Option<Span>,
}

impl Draft<'_> {
    /// The assessment, with its words; `cues` is the list of every draft's cues.
    fn assessment(&self, text: &str, cues: &[(Span, CueRole)], id: String) -> Assessment {
        let (magnitude, likelihood, confidence) =
            (self.magnitude, self.likelihood, self.confidence);
        Assessment {
            id,
            kind: self.kind,
            span: self.span,
            text: text[self.span].to_owned(),
            holder: self.holder.to_owned(),
            target: self.target.map(|t| text[t].to_owned()),
            magnitude: round(magnitude),
            likelihood: round(likelihood),
            confidence: round(confidence),
            score: round(magnitude * likelihood * confidence),
            cues: cues[self.cues.clone()]
                .iter()
                .map(|&(span, role)| Cue {
                    text: text[span].to_owned(),
                    span,
                    role,
                })
                .collect(),
            weight: 1.0,
            weighting: self
                .balance
                .map(|cue| Weighting {
                    reason: WeightReason::StatedBalance,
                    factor: STATED_BALANCE_WEIGHT,
                    cue: Some(TextSpan {
                        text: text[cue].to_owned(),
                        span: cue,
                    }),
                })
                .into_iter()
                .collect(),
        }
    }
}

/// The assessment of `kind` a unit states, if any, as a draft whose cues are appended to
/// `all_cues` (`cues` is scratch room, a buffer that serves unit after unit).
#[expect(
    clippy::too_many_arguments,
    reason = "a unit's reading, its kind and holder, and two buffers of cues"
)]
fn assess<'a>(
    doc: &Document,
    unit: Span,
    toks: &[Token],
    found: &[Term],
    stated: &[Stated],
    kind: AssessmentKind,
    claim_holder: &'a str,
    cues: &mut Vec<(Span, CueRole)>,
    all_cues: &mut Vec<(Span, CueRole)>,
) -> Option<Draft<'a>> {
    let text = &doc.text;
    cues.clear();
    let push = |cues: &mut Vec<(Span, CueRole)>, span: Span, role: CueRole| {
        cues.push((span, role));
    };
    let weight_of = |st: &Stated| st.term.weight + st.aggravation.map_or(0.0, |a| a.weight);
    // The main term: the strongest (first among equals).
    let main =
        stated
            .iter()
            .filter(|s| s.kind == kind)
            .fold(None::<&Stated>, |best, s| match best {
                Some(b) if weight_of(b) >= weight_of(s) => Some(b),
                _ => Some(s),
            })?;
    // A general evaluative word of gain is weak evidence and never states a benefit alone
    // ("the festival", "expected to win", "this is true"): a second term of the kind, a
    // frame that turned a harm into it ("prevent intense suffering"), or a causative verb that
    // brings it about ("contribute to a better life"), must back it. (Alone, the evaluative words of harm are right as often as not on the
    // development articles, and requiring a second one loses a third of the risks found:
    // docs/quality.md.)
    // The second word must be another word: "better … better" says one thing twice.
    let of_kind = || stated.iter().filter(|s| s.kind == kind);
    let main_word = &text[main.term.span];
    if kind == AssessmentKind::Benefit
        && of_kind().all(|s| {
            matches!(s.term.role, Role::Evaluative(_))
                && s.shifter.is_none()
                && s.aggravation.is_none()
        })
        && of_kind().all(|s| text[s.term.span].eq_ignore_ascii_case(main_word))
    {
        return None;
    }
    let mut magnitude = weight_of(main);
    let at = main.term.span;
    // The main term and the nearest others of the kind name it; their shifters and
    // aggravations with them.
    let mut named: Vec<&Stated> = stated.iter().filter(|s| s.kind == kind).collect();
    named.sort_by_key(|s| (distance(s.term.span, at), s.term.span));
    named.truncate(MAX_CUES_PER_ROLE);
    for st in named {
        if let Some(m) = st.shifter {
            push(cues, m, CueRole::Negation);
        }
        if let Some(a) = st.aggravation {
            push(cues, a.span, CueRole::Intensifier);
        }
        push(
            cues,
            st.term.span,
            match kind {
                AssessmentKind::Risk => CueRole::RiskTerm,
                AssessmentKind::Benefit => CueRole::BenefitTerm,
            },
        );
    }
    let degree = |t: &Term| matches!(t.role, Role::Intensifier | Role::Downtoner);
    let mut degrees: Vec<&Term> = found.iter().filter(|t| degree(t)).collect();
    degrees.sort_by_key(|t| (distance(t.span, at), t.span));
    degrees.truncate(MAX_CUES_PER_ROLE);
    for t in degrees {
        if t.role == Role::Intensifier {
            magnitude += t.weight;
            push(cues, t.span, CueRole::Intensifier);
        } else {
            magnitude -= t.weight;
            push(cues, t.span, CueRole::Downtoner);
        }
    }
    let magnitude = magnitude.clamp(0.05, 1.0);
    let (likelihood, modal) = likelihood(text, toks);
    if let Some(m) = modal {
        push(cues, m, CueRole::Modal);
    }
    // Caveats and boosters are in text order and their scopes lie inside their sentence; the
    // nearest few to the main term whose scope overlaps the unit set the confidence.
    let mut confidence = 0.8;
    // A speaker's caveat (one inside a quotation) is not the author's doubt.
    let caveats = nearest(
        &doc.caveats,
        at,
        |c| c.span,
        |c| c.holder == "author" && c.scope.overlaps(unit),
    );
    for c in caveats {
        let (factor, role) = match c.kind {
            CaveatKind::Hedge | CaveatKind::Limitation => (1.0 - c.strength / 2.0, CueRole::Hedge),
            CaveatKind::Concession | CaveatKind::Condition => {
                (1.0 - c.strength, CueRole::Concession)
            }
        };
        confidence *= factor;
        push(cues, c.span, role);
    }
    for b in nearest(&doc.boosters, at, |b| b.span, |b| b.scope.overlaps(unit)) {
        confidence *= 1.0 + b.strength / 2.0;
        push(cues, b.span, CueRole::Booster);
    }
    let confidence = confidence.clamp(0.0, 1.0);
    cues.sort_by_key(|c| c.0);
    cues.dedup_by_key(|c| c.0);
    let from = all_cues.len();
    all_cues.extend_from_slice(cues);
    let main = main.term;
    // A stated balance: a term that states it ("net positive"), or a comparison that weighs
    // this side against the other ("more likely to prevent murder than …").
    let balance_cue = match main.role {
        Role::Verdict(_) => Some(main.span),
        _ => stated
            .iter()
            .filter(|s| s.kind == kind)
            .find_map(|s| s.weighed),
    };
    Some(Draft {
        kind,
        span: unit,
        holder: holder(text, unit, toks, claim_holder),
        target: target(text, toks, &main),
        magnitude,
        likelihood,
        confidence,
        cues: from..all_cues.len(),
        balance: balance_cue,
    })
}

#[cfg(test)]
mod tests {
    use crux_parser::{InputFormat, Span};

    use crate::{AssessmentKind, analyze};

    #[test]
    fn negative_contractions_in_any_case_and_apostrophe() {
        for (w, nt) in [
            ("doesn't", true),
            ("CAN’T", true),
            ("won’t", true),
            ("DON'T", true),
            ("want", false),
            ("n't", true),
            ("t", false),
            ("café", false),
            ("", false),
        ] {
            assert_eq!(super::ends_with_nt(w), nt, "{w}");
        }
    }

    fn kinds(text: &str) -> Vec<(AssessmentKind, String)> {
        analyze(crux_parser::parse(text).document)
            .assessments
            .into_iter()
            .map(|a| (a.kind, a.text))
            .collect()
    }

    #[test]
    fn polarity() {
        assert_eq!(
            kinds("The plan will reduce the risk of escalation."),
            [(
                AssessmentKind::Benefit,
                "The plan will reduce the risk of escalation.".to_owned()
            )]
        );
        assert_eq!(
            kinds("The plan will increase the risk of escalation.")[0].0,
            AssessmentKind::Risk
        );
        assert!(kinds("This adds nothing useful to the story.").is_empty());
        assert!(kinds("The move is not a threat.").is_empty());
        assert!(kinds("Politics should not stand in the way.").is_empty());
        assert!(
            kinds("One should not jump to the conclusion that we face a slippery slope.")
                .is_empty()
        );
    }

    /// The kinds a text states, without the unit texts.
    fn only_kinds(text: &str) -> Vec<AssessmentKind> {
        kinds(text).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn a_credited_cause_and_a_chance_to_are_gains() {
        use AssessmentKind::Benefit;
        // An editorial sentence of our own: the cause credited with a good outcome.
        assert_eq!(
            only_kinds("Thanks to the new ferry, the island's shops stay open all winter."),
            [Benefit]
        );
        // A chance to do something is an opportunity; a chance of something, a probability.
        assert_eq!(
            only_kinds("The new timetable gives commuters a chance to travel after midnight."),
            [Benefit]
        );
        assert!(only_kinds("There is a chance of showers after midnight.").is_empty());
        // "because of" is neutral: no gain stated.
        assert!(
            only_kinds("Because of the new ferry, the island's shops stay open all winter.")
                .is_empty()
        );
    }

    #[test]
    fn a_time_landmark_states_no_harm() {
        use AssessmentKind::Risk;
        // An obituary of our own: the death dates the career, it is no harm stated.
        assert!(
            only_kinds("Until her death in May, she ran the village library with great care.")
                .is_empty()
        );
        assert!(only_kinds("He wrote the column every week before his death.").is_empty());
        // After "after" or "since" the harm has happened: it is stated.
        assert_eq!(
            only_kinds("The town was rebuilt after the flood destroyed the harbour."),
            [Risk]
        );
        // A harm of the clause itself still counts beside the landmark.
        assert_eq!(
            only_kinds("The storm will destroy the pier before winter."),
            [Risk]
        );
    }

    #[test]
    fn an_asset_noun_states_a_gain_only_in_a_frame() {
        use AssessmentKind::{Benefit, Risk};
        // A news report and an editorial of our own: the noun of a gain domain as the modifier
        // of another noun, or the topic of a judgement, states no benefit.
        assert!(only_kinds("Inspectors enforce the new safety code on every ferry.").is_empty());
        assert!(only_kinds("The port hired new security guards on Monday.").is_empty());
        assert!(
            only_kinds("Passenger safety is ultimately the operator's job, and ours.").is_empty()
        );
        // Raised or naming whom it keeps safe, it is a benefit.
        assert_eq!(
            only_kinds("The new rules will increase safety on the ferries."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The programme aims at the safety of women and children."),
            [Benefit]
        );
        // Negated, lessened or absent, a risk.
        assert_eq!(
            only_kinds("The ferry company could not guarantee the safety of its passengers."),
            [Risk]
        );
        assert_eq!(
            only_kinds("The cuts will reduce security at the port."),
            [Risk]
        );
        assert_eq!(
            only_kinds("There is no safety net for the tenants."),
            [Risk]
        );
    }

    #[test]
    fn lessening_a_risk_is_a_benefit() {
        use AssessmentKind::{Benefit, Risk};
        assert_eq!(only_kinds("The plan will decrease the cost."), [Benefit]);
        assert_eq!(
            only_kinds("Her speech will allay such concerns."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The treaty would decrease the chances of crisis escalation."),
            [Benefit]
        );
        // The whole object of the verb, not only its first risk word.
        assert_eq!(
            only_kinds(
                "Cloning could reduce the risk of diseases caused by combinations of genetic \
                 risk factors."
            ),
            [Benefit]
        );
        // What is protected against or deterred is averted.
        assert_eq!(
            only_kinds("The wall will protect the town from damage."),
            [Benefit]
        );
        assert_eq!(only_kinds("Strong alliances deter threats."), [Benefit]);
        // Lessening a benefit is a risk.
        assert_eq!(only_kinds("The plan will reduce the benefits."), [Risk]);
        // The verb reaches its clause only.
        assert_eq!(only_kinds("We reduced staff, and the risk grew."), [Risk]);
    }

    #[test]
    fn negation_turns_a_gain_and_denies_a_harm() {
        use AssessmentKind::{Benefit, Risk};
        // A negated gain is a downside, whether predicated or done.
        assert_eq!(only_kinds("The reform will not improve schools."), [Risk]);
        assert_eq!(
            only_kinds("Such transfers are not in the best interests of the child."),
            [Risk]
        );
        // A denied harm states nothing, with "not" or with "no" after "be".
        assert!(kinds("The new engine is not dangerous.").is_empty());
        assert!(kinds("Coal mines are no catastrophe.").is_empty());
        // A harm that a negated verb does not do, or that something lacks, is a gain.
        assert_eq!(
            only_kinds("The new engine will not cause any harm."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The new engine produces no harmful gases."),
            [Benefit]
        );
        // A prohibition warns or advises; it states no absence.
        assert!(kinds("Walkers must not cause any harm.").is_empty());
        assert!(kinds("We should not be giving up on the courts.").is_empty());
        // A negated verb of knowing negates the knowing: the harm stays as it was.
        assert_eq!(
            only_kinds("Nobody knows when the floods will destroy the bridge."),
            only_kinds("Everybody knows when the floods will destroy the bridge.")
        );
        // Not negations: an inverted exclamation, a corrective "not X but Y", a negated
        // manner adverb, and "no wonder".
        assert!(only_kinds("Ooh, aren't they adorable!").is_empty());
        assert!(only_kinds("What the cat wants is not love but food.").is_empty());
        assert!(only_kinds("Voters aren't easily persuaded.").is_empty());
        assert!(only_kinds("No wonder the pupils cherish their teacher.").is_empty());
        assert_eq!(
            only_kinds("The gunmen opened fire without warning."),
            only_kinds("The gunmen opened fire.")
        );
        // A protective verb inside a name turns nothing.
        assert_eq!(
            only_kinds("The Flood Protection Board says the danger is real."),
            [Risk]
        );
        // "cannot help doing" is being unable to refrain: no help, and no lack of it.
        assert!(kinds("I can't help noting that the train was late.").is_empty());
    }

    #[test]
    fn a_gain_with_its_beneficiary_is_stated_and_a_harmed_gain_is_not() {
        use AssessmentKind::{Benefit, Risk};
        // The adjective alone is a general word of gain; with whom it is good for, a benefit.
        assert!(kinds("The new rules are good.").is_empty());
        assert_eq!(
            only_kinds("The new rules are good for small farmers."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("Moving the school may be in the pupils' best interests."),
            [Benefit]
        );
        // What a harm damages is its object: the risk alone is stated.
        assert_eq!(only_kinds("The storm will threaten our safety."), [Risk]);
        assert_eq!(
            only_kinds("Critics fear the degrading of the best interests of patients."),
            [Risk]
        );
    }

    #[test]
    fn reversals_turn_the_term_after_them() {
        use AssessmentKind::{Benefit, Risk};
        assert_eq!(only_kinds("It failed to protect the town."), [Risk]);
        assert_eq!(only_kinds("The drug provides little benefit."), [Risk]);
        assert_eq!(
            only_kinds("The new drug is decreasingly effective."),
            [Risk]
        );
        assert_eq!(only_kinds("The vaccine is no longer effective."), [Risk]);
        assert_eq!(only_kinds("The new design is less dangerous."), [Benefit]);
    }

    #[test]
    fn a_decline_lessens_the_harm_near_it_and_is_a_harm_alone() {
        use AssessmentKind::{Benefit, Risk};
        assert_eq!(only_kinds("Road deaths fell last year."), [Benefit]);
        assert_eq!(
            only_kinds("Far fewer of us are likely to die of cold."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The injuries, counted by the hospitals, are getting rarer."),
            [Benefit]
        );
        assert_eq!(only_kinds("Factory output dropped in March."), [Risk]);
        // Other senses: refusal, quantity.
        assert!(kinds("The mayor declined to give details.").is_empty());
        assert!(kinds("Fewer than ten people came.").is_empty());
    }

    #[test]
    fn a_quoted_speaker_s_risk_is_stated_and_theirs() {
        let text = "The council met on Monday. \"The new road will destroy the village,\" said \
                    Ann Hope, a farmer.";
        let analysis = analyze(crux_parser::parse(text).document);
        let risks: Vec<_> = analysis
            .assessments
            .iter()
            .filter(|a| a.kind == AssessmentKind::Risk)
            .collect();
        assert_eq!(risks.len(), 1, "{:?}", analysis.assessments);
        assert_eq!(risks[0].holder, "Ann Hope");
        assert!(risks[0].text.contains("destroy the village"));
        // Not the writer's: half weight, or none in a report like this one (one sentence of
        // two in others' words, the writer's own a fact).
        assert_eq!(risks[0].weighting[0].reason, crate::WeightReason::Reported);
        assert_eq!(risks[0].weight, 0.0);
    }

    #[test]
    fn a_unit_deep_in_a_block_quote_is_its_speaker_s_however_many_quotations_nest_before_it() {
        use crux_parser::{Quote, QuoteKind, Span, Speaker};
        let quote = |start, end, kind, who: &str| Quote {
            id: String::new(),
            kind,
            span: Span::new(start, end),
            text: String::new(),
            speaker: Some(Speaker {
                text: who.to_owned(),
                span: Span::new(0, 0),
                canonical: None,
                resolution: None,
            }),
            source: None,
            cue: None,
        };
        let mut quotes = vec![quote(0, 200, QuoteKind::Block, "the reporter")];
        for k in 0..6 {
            quotes.push(quote(
                10 * k + 1,
                10 * k + 8,
                QuoteKind::Direct,
                "an official",
            ));
        }
        let quotes: Vec<&Quote> = quotes.iter().collect();
        let reach = super::furthest_reach(&quotes);
        let holder = |s, e| super::unit_holder(&quotes, &reach, Span::new(s, e), "author");
        assert_eq!(holder(100, 150), "the reporter");
        assert_eq!(holder(51, 58), "an official");
        assert_eq!(holder(210, 220), "author");
    }

    #[test]
    fn dismissals_drop_the_unit_s_terms_wherever_they_stand() {
        assert!(kinds("Such a concern is not supported by the evidence.").is_empty());
        assert!(kinds("The fears of war are overstated.").is_empty());
    }

    #[test]
    fn terms_inside_names_state_nothing() {
        assert!(kinds("The Equal Employment Opportunity Commission met.").is_empty());
        assert!(kinds("The board met at the Special Park Improvement District.").is_empty());
        // A capitalised first word is the sentence's, not a name's.
        assert_eq!(
            only_kinds("Dangerous Ideas are everywhere."),
            [AssessmentKind::Risk]
        );
    }

    #[test]
    fn what_is_outweighed_is_not_stated() {
        assert_eq!(
            only_kinds("The benefits of free trade outweigh the losses."),
            [AssessmentKind::Benefit]
        );
        assert_eq!(
            only_kinds("The dangers of the plan far outweigh its advantages."),
            [AssessmentKind::Risk]
        );
    }

    #[test]
    fn a_comparison_of_a_gain_with_a_harm_is_a_stated_balance() {
        use crate::WeightReason;
        let text = "A seat belt is far more likely to prevent a death than to cause an injury.";
        let analysis = analyze(crux_parser::parse(text).document);
        let found: Vec<_> = analysis.assessments.iter().map(|a| a.kind).collect();
        assert_eq!(found, [AssessmentKind::Benefit]);
        let w = &analysis.assessments[0].weighting[0];
        assert_eq!(w.reason, WeightReason::StatedBalance);
        assert_eq!(
            w.cue.as_ref().map(|c| c.text.as_str()),
            Some("more likely to prevent a death than")
        );
        // The other way round: the harm weighs more.
        assert_eq!(
            only_kinds("The dam is more likely to cause damage than to protect the valley."),
            [AssessmentKind::Risk]
        );
        // "more than" compares quantities, not sides; one side alone is no balance.
        assert_eq!(
            only_kinds("More than twenty people were injured and the repairs helped."),
            only_kinds("Twenty people were injured and the repairs helped.")
        );
        let one_side =
            analyze(crux_parser::parse("The storm was more dangerous than last year's.").document);
        assert!(one_side.assessments.iter().all(|a| a.weighting.is_empty()));
    }

    #[test]
    fn senses_that_state_nothing() {
        assert!(kinds("The law reflects a concern for human life.").is_empty());
    }

    #[test]
    fn general_evaluative_words_count_weaker_and_only_for_the_writer() {
        use AssessmentKind::{Benefit, Risk};
        assert_eq!(
            only_kinds("Barbaric tyrannies are unconstitutional."),
            [Risk]
        );
        assert_eq!(
            only_kinds("The open primary could destroy the party."),
            [Risk]
        );
        assert_eq!(only_kinds("Condoms are excellent protection."), [Benefit]);
        // A word of gain alone is weak evidence: it needs a second one.
        assert!(only_kinds("Small towns will thrive.").is_empty());
        assert_eq!(
            only_kinds("Small towns will thrive and prosper."),
            [Benefit]
        );
        assert!(only_kinds("The festival runs until Friday.").is_empty());
        // Weaker than a risk term proper.
        let weak = analyze(crux_parser::parse("The policy is cruel.").document);
        let strong = analyze(crux_parser::parse("The policy is dangerous.").document);
        assert!(weak.assessments[0].magnitude < strong.assessments[0].magnitude);
        // Reported speech describes events: "violence" there is no risk of the writer's.
        assert!(kinds("\"The violence was terrible,\" the mayor said.").is_empty());
    }

    #[test]
    fn a_stated_balance_is_not_also_the_other_side() {
        assert_eq!(
            kinds("The benefits outweigh the risks."),
            [(
                AssessmentKind::Benefit,
                "The benefits outweigh the risks.".to_owned()
            )]
        );
        assert_eq!(
            kinds("It would do more harm than good.")[0].0,
            AssessmentKind::Risk
        );
        assert_eq!(kinds("It is not worth the risk.").len(), 1);
    }

    #[test]
    fn a_cost_judged_worth_it_is_a_stated_balance() {
        use AssessmentKind::{Benefit, Risk};
        // The spending is judged against what it buys: a balance, not a cost.
        assert_eq!(
            only_kinds("The new library was money well spent."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The repairs were well worth the wait."),
            [Benefit]
        );
        assert_eq!(
            only_kinds("The second stadium is not worth the money."),
            [Risk]
        );
    }

    #[test]
    fn scores_are_explained() {
        let analysis =
            analyze(crux_parser::parse("This is certainly a serious risk to the troops.").document);
        let a = &analysis.assessments[0];
        assert_eq!(a.kind, AssessmentKind::Risk);
        assert_eq!(a.target.as_deref(), Some("the troops"));
        let roles: Vec<_> = a.cues.iter().map(|c| (c.text.as_str(), c.role)).collect();
        assert!(roles.contains(&("risk", crate::CueRole::RiskTerm)));
        assert!(roles.contains(&("serious", crate::CueRole::Intensifier)));
        assert!(roles.contains(&("certainly", crate::CueRole::Booster)));
        assert!((a.score - a.magnitude * a.likelihood * a.confidence).abs() < 0.002);
    }

    #[test]
    fn hedges_and_possibility_lower_the_score() {
        let firm = analyze(crux_parser::parse("The plan is a risk.").document);
        let soft = analyze(crux_parser::parse("The plan might be a risk worth watching.").document);
        assert!(soft.assessments[0].score < firm.assessments[0].score);
        assert!(soft.assessments[0].likelihood < firm.assessments[0].likelihood);
        assert!(soft.assessments[0].confidence < firm.assessments[0].confidence);
    }

    /// See: issue 10, item 3. Every hedge's scope is its whole sentence, and each assessment
    /// once collected every hedge of it as a cue: 2,000 "which might fail" clauses gave 210 MB.
    /// Cues are now the nearest few, so doubling the clauses doubles the output, no more.
    #[test]
    fn issue_10_output_is_linear_in_a_sentence_s_clauses() {
        let size = |clauses: usize| {
            let text = format!("The plan{}.", ", which might fail".repeat(clauses));
            let analysis = analyze(crux_parser::parse(&text).document);
            assert!(analysis.assessments.len() >= clauses);
            for a in &analysis.assessments {
                assert!(
                    a.cues.len() <= 4 * crate::assess::MAX_CUES_PER_ROLE,
                    "{a:?}"
                );
            }
            let json = serde_json::to_string(&analysis).unwrap_or_default();
            (text.len(), json.len())
        };
        let (small_in, small_out) = size(400);
        let (big_in, big_out) = size(1600);
        // Four times the clauses: about four times the output (quadratic would be sixteen).
        assert!(big_out * 10 <= small_out * 45, "{small_out} -> {big_out}");
        // And a bounded multiple of the input: the text, one claim, and per clause one caveat
        // and one assessment of a few cues.
        assert!(big_out <= 80 * big_in, "{big_in} -> {big_out}");
        assert!(small_out <= 80 * small_in, "{small_in} -> {small_out}");
    }

    #[test]
    fn others_views_count_less() {
        let analysis = analyze(
            crux_parser::parse("This will strike some observers as a serious danger.").document,
        );
        let a = &analysis.assessments[0];
        assert_eq!(a.holder, "some observers");
        assert!((analysis.balance.risk - a.score * crate::OTHERS_WEIGHT).abs() < 1e-9);
    }

    /// Texts of our own whose claims and quotation pieces start or end where a tokeniser
    /// could cut otherwise: abbreviations and initials with their stops, thousands, curly
    /// apostrophes, dashes, quotations inside sentences, reported speech cut out of a claim.
    const EDGES: &[&str] = &[
        "The U.S. will pay 1,200,000 dollars — a risk, officials said. It won’t help.",
        "“The plan is dangerous,” said Gov. Smith of the U.S. The cost, 3,5000 units, fell.",
        "Critics say the dam could fail; the mayor, Heather C., disagrees. What a benefit!",
        "He said the plan would reduce crime, but the cuts may harm schools in St. Louis.",
        "Officials warned that the storm “could destroy the pier” before winter. Sadly, it did.",
        "Prices rose 4.5% in the U.K.—a threat—while wages fell. Isn't that a risk?",
    ];

    #[test]
    fn segments_read_the_parse_tokens_as_a_new_tokenisation_would_cut_them() {
        let (mut parse_tokens_read, mut segments_read) = (0, 0);
        for text in EDGES {
            let (parsed, tokens) =
                crux_parser::parse_owned_with_tokens((*text).to_owned(), InputFormat::Text);
            let doc = &parsed.document;
            let quotes = super::voiced(doc);
            let segments = super::segments(doc, &quotes);
            assert!(!segments.is_empty(), "{text}");
            let mut scratch = Vec::new();
            for segment in segments {
                scratch.clear();
                let read: Vec<(Span, bool)> =
                    super::segment_tokens(doc, Some(&tokens), segment.span, &mut scratch)
                        .iter()
                        .map(|t| (t.span, t.word))
                        .collect();
                let again: Vec<(Span, bool)> = crux_parser::tokens(text, segment.span)
                    .map(|t| (t.span, t.word))
                    .collect();
                assert_eq!(read, again, "{text}: {:?}", &text[segment.span]);
                // Tokenised again only where the parse's tokens do not fit.
                parse_tokens_read += usize::from(scratch.is_empty());
                segments_read += 1;
            }
        }
        assert_eq!(parse_tokens_read, segments_read);
    }

    #[test]
    fn the_parse_tokens_give_the_same_analysis_and_anothers_are_not_read() {
        let lexicon = crate::Lexicon::builtin();
        for text in EDGES {
            let (parsed, tokens) =
                crux_parser::parse_owned_with_tokens((*text).to_owned(), InputFormat::Text);
            let sentences = tokens.len();
            let with = crate::analyze_with_tokens(parsed.document.clone(), tokens, lexicon);
            assert_eq!(with, crate::analyze_with(parsed.document.clone(), lexicon));
            // Another document's tokens, of as many sentences, shifted by a multi-byte
            // character: they do not lie where this document's words do.
            let other = format!("é{text}");
            let (_, shifted) = crux_parser::parse_owned_with_tokens(other, InputFormat::Text);
            assert_eq!(shifted.len(), sentences);
            assert_eq!(
                crate::analyze_with_tokens(parsed.document.clone(), shifted, lexicon),
                with
            );
        }
    }
}
