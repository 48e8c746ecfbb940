//! What every corpus file shares: JSON Lines records and labelled spans, and the polarity
//! crux and VADER give a text.

use std::cell::RefCell;
use std::io::BufRead;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crux_analysis::{Analysis, AssessmentKind, Balance, CueRole};
use crux_parser::{InputFormat, Quote, QuoteKind};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::EvalError;
use crate::metrics::{Polarity, covers};

/// A labelled span as the corpora give it. Only the byte offsets are used: they are what Rust
/// string indexing needs, and crux's spans are bytes too.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct JsonSpan {
    pub(crate) start_byte: usize,
    pub(crate) end_byte: usize,
}

impl JsonSpan {
    pub(crate) fn range(&self) -> (usize, usize) {
        (self.start_byte, self.end_byte)
    }
}

thread_local! {
    /// The records of the file being scored whose scoring panicked: line and message. Taken
    /// by [`take_failed_records`] once the file is scored.
    static FAILED: RefCell<Vec<(usize, String)>> = const { RefCell::new(Vec::new()) };
}

/// The records left out of the file just scored because crux panicked on them, each with its
/// line and the panic's message; empties the list.
pub(crate) fn take_failed_records() -> Vec<(usize, String)> {
    FAILED.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

/// The message a panic carried.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned())
}

/// Reads JSON Lines records one at a time, calling `each(line_number, record)`; blank lines
/// are skipped. Streams, so a 21 MB file never sits in memory whole.
///
/// Each call runs behind a panic boundary: a record that trips a bug in crux is left out and
/// listed ([`take_failed_records`]), and the others are still scored. The adapters analyse a
/// record before they count it, so a panic in crux leaves no count half made.
pub(crate) fn for_each_record<T: DeserializeOwned>(
    path: &Path,
    reader: &mut dyn BufRead,
    mut each: impl FnMut(usize, T),
) -> Result<(), EvalError> {
    let mut line = String::new();
    let mut n = 0;
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .map_err(|source| EvalError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let record = serde_json::from_str(&line).map_err(|e| EvalError::Format {
            path: path.to_path_buf(),
            line: Some(n),
            message: format!("not a record of this data set: {e}"),
        })?;
        if let Err(payload) = catch_unwind(AssertUnwindSafe(|| each(n, record))) {
            let message = panic_message(&*payload);
            FAILED.with(|f| f.borrow_mut().push((n, message)));
        }
    }
}

/// Runs crux (parser and analysis) on a plain text, as `crux analyze` does.
pub(crate) fn analyse(text: &str) -> crux_analysis::Analysis {
    // The tests' stand-in for a bug that one record trips.
    #[cfg(test)]
    assert!(
        !text.contains("CRUX-TEST-PANIC"),
        "a bug tripped on purpose"
    );
    let parsed = crux_parser::parse_as(text, InputFormat::Text);
    crux_analysis::analyze(parsed.document)
}

/// A quote's span as a pair.
pub(crate) fn range(q: &Quote) -> (usize, usize) {
    (q.span.start(), q.span.end())
}

/// Quotations inside a sentence: direct, partial and scare quotes (not block quotes or
/// reported speech).
pub(crate) fn is_inline(q: &Quote) -> bool {
    matches!(
        q.kind,
        QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Scare
    )
}

/// VADER's threshold on its compound score: positive at 0.05 or above, negative at −0.05 or
/// below, neutral between (Hutto & Gilbert 2014; the corpora's `polarity_3way_derived`).
pub(crate) const VADER_THRESHOLD: f64 = 0.05;

/// crux's polarity of an analysed text: benefits only → positive (for), risks only →
/// negative (against), both → the sign of the balance's net; neither → the sign of the text's
/// tone ([`crux_analysis::tone`]: its general evaluative words, weak evidence that states no
/// risk or benefit), neutral when that is 0 too. Any holder counts, as in the balance.
pub(crate) fn polarity(a: &Analysis) -> Polarity {
    let sign = |x: f64| {
        if x > 0.0 {
            Polarity::Positive
        } else if x < 0.0 {
            Polarity::Negative
        } else {
            Polarity::Neutral
        }
    };
    let has = |kind| a.assessments.iter().any(|x| x.kind == kind);
    match (has(AssessmentKind::Benefit), has(AssessmentKind::Risk)) {
        (false, false) => sign(crux_analysis::tone(&a.document).net),
        (true, false) => Polarity::Positive,
        (false, true) => Polarity::Negative,
        (true, true) => sign(a.balance.net),
    }
}

/// crux's graded polarity of an analysed text, for rank correlations: the balance's net when
/// it weighs a risk or benefit, else half its tone's net (weaker evidence than any stated
/// assessment), in [−1, 1]. A text weighs nothing when it states no risk or benefit, and also
/// when all it states is others' view relayed in a news report (weight 0), as in
/// [`with_tone`]: its net would be 0, a neutral reading the words do not give.
pub(crate) fn graded(a: &Analysis) -> f64 {
    if a.assessments.iter().any(|x| x.score * x.weight > 0.0) {
        a.balance.net
    } else {
        crux_analysis::tone(&a.document).net / 2.0
    }
}

/// crux's balance with its tone beside it, for sentiment tasks, in [−1.5, 1.5]: where the
/// balance weighs something, `balance.net` plus half the tone's net (the stated risks and
/// benefits weigh first; the general evaluative words, weak evidence, grade within them);
/// where it weighs nothing, the tone's net alone. A text weighs nothing when it states no
/// risk or benefit, and also when all it states is others' view relayed in a news report,
/// which the balance counts at weight 0 (the reporter does not weigh it). A sentiment rating
/// is of the text's words, whoever holds them, as VADER's is: there the words' tone is the
/// evidence, at full strength, since nothing stronger stands beside it (docs/evaluation.md,
/// "NYT documents").
pub(crate) fn with_tone(a: &Analysis) -> f64 {
    let tone = crux_analysis::tone(&a.document).net;
    let weighed = a.assessments.iter().any(|x| x.score * x.weight > 0.0);
    if weighed {
        a.balance.net + tone / 2.0
    } else {
        tone
    }
}

/// crux's polarity of one part of an analysed text (a sentence of an article), by the rule of
/// [`polarity`] applied to the assessments lying at least half inside `within`: benefits only →
/// positive, risks only → negative, both → the sign of their own balance (weighed scores, as
/// the document's balance is made), neither → neutral.
pub(crate) fn polarity_within(a: &Analysis, within: (usize, usize)) -> Polarity {
    let (mut risk, mut benefit) = (None::<f64>, None::<f64>);
    for x in &a.assessments {
        if !covers((x.span.start(), x.span.end()), within, 0.5) {
            continue;
        }
        let total = match x.kind {
            AssessmentKind::Risk => &mut risk,
            AssessmentKind::Benefit => &mut benefit,
        };
        *total.get_or_insert(0.0) += x.score * x.weight;
    }
    match (benefit, risk) {
        (None, None) => Polarity::Neutral,
        (Some(_), None) => Polarity::Positive,
        (None, Some(_)) => Polarity::Negative,
        (Some(b), Some(r)) => {
            let net = Balance::from_totals(r, b).net;
            if net > 0.0 {
                Polarity::Positive
            } else if net < 0.0 {
                Polarity::Negative
            } else {
                Polarity::Neutral
            }
        }
    }
}

/// The label a polarity is written with in failure lists.
pub(crate) fn polarity_name(p: Polarity) -> &'static str {
    match p {
        Polarity::Positive => "positive",
        Polarity::Negative => "negative",
        Polarity::Neutral => "neutral",
    }
}

/// crux's assessments in a few words, for failure lists: `net 0.42: risk "crash", benefit
/// "gains"` (each with the terms that named it).
pub(crate) fn describe(a: &Analysis) -> String {
    let items: Vec<String> = a
        .assessments
        .iter()
        .map(|x| {
            let terms: Vec<&str> = x
                .cues
                .iter()
                .filter(|c| matches!(c.role, CueRole::RiskTerm | CueRole::BenefitTerm))
                .map(|c| c.text.as_str())
                .collect();
            let kind = match x.kind {
                AssessmentKind::Risk => "risk",
                AssessmentKind::Benefit => "benefit",
            };
            let holder = if x.holder == "author" {
                String::new()
            } else {
                format!(" ({})", x.holder)
            };
            format!("{kind} \"{}\"{holder}", terms.join("/"))
        })
        .collect();
    format!("net {:.2}: [{}]", a.balance.net, items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::{analyse, graded, with_tone};

    #[test]
    fn a_text_that_weighs_nothing_is_read_by_its_tone() {
        // A report of one speaker's risk: the balance counts it at weight 0.
        let relayed = analyse(
            "The council met on Monday. \"The new road will destroy the village,\" said Ann \
             Hope, a farmer.",
        );
        assert!(relayed.assessments.iter().all(|a| a.weight == 0.0));
        let tone = crux_analysis::tone(&relayed.document).net;
        assert!(tone < 0.0);
        assert!((with_tone(&relayed) - tone).abs() < 1e-9);
        // The graded net reads it by half its tone, as a text that states nothing.
        assert!((graded(&relayed) - tone / 2.0).abs() < 1e-9);
        // The writer's own risk is weighed: its net leads and the tone grades it.
        let own = analyse("The new road will destroy the village.");
        let tone = crux_analysis::tone(&own.document).net;
        assert!((with_tone(&own) - (own.balance.net + tone / 2.0)).abs() < 1e-9);
        assert!((graded(&own) - own.balance.net).abs() < 1e-9);
    }
}
