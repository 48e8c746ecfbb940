//! What every corpus file shares: JSON Lines records and labelled spans.

use std::io::BufRead;
use std::path::Path;

use crux_parser::{InputFormat, Quote, QuoteKind};
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::EvalError;

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

/// Reads JSON Lines records one at a time, calling `each(line_number, record)`; blank lines
/// are skipped. Streams, so a 21 MB file never sits in memory whole.
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
        each(n, record);
    }
}

/// Runs crux (parser and analysis) on a plain text, as `crux analyze` does.
pub(crate) fn analyse(text: &str) -> crux_analysis::Analysis {
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
