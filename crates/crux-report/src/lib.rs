//! The JSON report of crux's output contract, version 1: one article's text analysed into the
//! object that `crux analyze --format json` prints and that the Python package returns.
//!
//! Brief overview: [`analyze_text_with`] parses and analyses a text into a [`Report`], which
//! serialises (serde) to the contract's top-level object ([`write_compact`] and [`write_pretty`]
//! write the same bytes faster, straight to a writer); [`json_schema`] is that object's
//! JSON Schema; [`load_lexicon`] merges users' lexicon files into the built-in lexicon, with the
//! error messages the command line prints ([`LexiconFileError`]); [`check_spans`] checks the
//! contract's span invariant on any JSON crux prints.
//!
//! ```
//! use crux_parser::InputFormat;
//!
//! let report = crux_report::analyze_text("-", "“It will fail,” she said.", InputFormat::Text);
//! let json = serde_json::to_value(&report)?;
//! assert_eq!(json["version"], "1");
//! assert_eq!(json["source"], "-");
//! assert_eq!(json["quotes"][0]["kind"], "direct");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod spans;

use std::borrow::Cow;
use std::path::PathBuf;

mod json;

pub use json::{write_compact, write_pretty};

use crux_analysis::{Analysis, Lexicon, LexiconError};
use crux_parser::{Diagnostic, InputFormat};
use schemars::JsonSchema;
use serde::Serialize;

pub use spans::{SpanCheck, SpanFault, SpanProblem, check_spans};

/// One article's full output, serialised as the contract's top-level object.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(title = "crux analysis report, output contract version 1")]
pub struct Report {
    /// The output contract version, `"1"`.
    #[schemars(extend("const" = "1"))]
    pub version: String,
    /// The path given, `"-"` for standard input, or the record's `id` for JSON Lines input.
    pub source: String,
    /// The document, its assessments and balance.
    #[serde(flatten)]
    pub analysis: Analysis,
    /// Problems met while reading and parsing (an addition to the contract).
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// The report of one analysed article.
    #[must_use]
    pub fn new(source: &str, mut analysis: Analysis, diagnostics: Vec<Diagnostic>) -> Report {
        // A sum of no scores is -0.0 in Rust (`Sum for f64` starts there): written as such it
        // reads as a negative zero. Adding 0.0 turns -0.0 into 0.0 and leaves all else as is.
        let balance = &mut analysis.balance;
        balance.risk += 0.0;
        balance.benefit += 0.0;
        balance.net += 0.0;
        Report {
            version: "1".to_owned(),
            source: source.to_owned(),
            analysis,
            diagnostics,
        }
    }
}

/// The JSON Schema of [`Report`], pretty-printed.
#[must_use]
pub fn json_schema() -> String {
    // The schema of what crux writes: with the serialize contract, fields that are always
    // written (options as `null`) are required.
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// Analyses one article's text with the built-in lexicon.
#[must_use]
pub fn analyze_text(source: &str, text: &str, format: InputFormat) -> Report {
    analyze_text_with(source, text, format, Lexicon::builtin())
}

/// Analyses one article's text with the given risk and benefit lexicon: `source` names it in
/// the report, `format` is the reader to use (see [`crux_parser::sniff`] to guess it).
#[must_use]
pub fn analyze_text_with(
    source: &str,
    text: &str,
    format: InputFormat,
    lexicon: &Lexicon,
) -> Report {
    lexicon.scope(|| {
        let (parsed, tokens) = crux_parser::parse_as_with_tokens(text, format);
        let analysis = crux_analysis::analyze_with_tokens(parsed.document, tokens, lexicon);
        Report::new(source, analysis, parsed.diagnostics)
    })
}

/// As [`analyze_text_with`], taking the text: plain text becomes the document's text itself
/// instead of a copy ([`crux_parser::parse_owned`]), so that a large document is not held twice.
#[must_use]
pub fn analyze_owned_with(
    source: &str,
    text: String,
    format: InputFormat,
    lexicon: &Lexicon,
) -> Report {
    // The user's entries of the parser's lists are in use for the parse and the analysis.
    lexicon.scope(|| {
        // The sentences' tokens serve the analysis too, which drops them once read.
        let (parsed, tokens) = crux_parser::parse_owned_with_tokens(text, format);
        let analysis = crux_analysis::analyze_with_tokens(parsed.document, tokens, lexicon);
        Report::new(source, analysis, parsed.diagnostics)
    })
}

/// A lexicon file that could not be loaded. Its `Display` is the message the command line
/// prints after `crux: error: `, the causes (here an I/O error's) following as `: cause`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LexiconFileError {
    /// The file could not be read.
    #[error("{name}: cannot read lexicon")]
    Read {
        /// The path as given.
        name: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{name}: lexicon is not UTF-8 text ({error})")]
    NotUtf8 {
        /// The path as given.
        name: String,
        /// Where the first bad byte is.
        error: std::str::Utf8Error,
    },
    /// A line of the file is malformed.
    #[error(transparent)]
    Entries(#[from] LexiconError),
}

/// The built-in lexicon with the users' files merged in, in order; the built-in one itself,
/// not a copy, when there are none. Errors name the file, the line and the reason.
///
/// # Errors
///
/// A file that cannot be read, is not UTF-8, or has a malformed line.
pub fn load_lexicon(paths: &[PathBuf]) -> Result<Cow<'static, Lexicon>, LexiconFileError> {
    let mut lexicon = Cow::Borrowed(Lexicon::builtin());
    for path in paths {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(source) => return Err(LexiconFileError::Read { name, source }),
        };
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let error = e.utf8_error();
                return Err(LexiconFileError::NotUtf8 { name, error });
            }
        };
        lexicon = Cow::Owned(lexicon.with_entries(&name, &text)?);
    }
    Ok(lexicon)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message with its causes, as the command line prints it (`anyhow`'s `{:#}`).
    fn chain(e: &dyn std::error::Error) -> String {
        let mut out = e.to_string();
        let mut cause = e.source();
        while let Some(c) = cause {
            out.push_str(": ");
            out.push_str(&c.to_string());
            cause = c.source();
        }
        out
    }

    fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("crux-report-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn no_files_is_the_builtin_lexicon_itself() {
        let lexicon = load_lexicon(&[]).unwrap();
        assert!(matches!(lexicon, Cow::Borrowed(_)));
    }

    #[test]
    fn a_missing_file_names_itself_and_the_cause() {
        let e = load_lexicon(&[PathBuf::from("no/such.tsv")]).unwrap_err();
        let message = chain(&e);
        assert!(
            message.starts_with("no/such.tsv: cannot read lexicon: "),
            "{message}"
        );
    }

    #[test]
    fn a_file_not_in_utf8_names_the_byte() {
        let path = temp_file("latin1.tsv", b"caf\xe9\trisk\t0.5\n");
        let e = load_lexicon(std::slice::from_ref(&path)).unwrap_err();
        assert_eq!(
            chain(&e),
            format!(
                "{}: lexicon is not UTF-8 text (invalid utf-8 sequence of 1 bytes from index 3)",
                path.display()
            )
        );
    }

    #[test]
    fn a_malformed_line_names_the_file_and_line() {
        let path = temp_file("bad.tsv", b"# mine\nboondoggle\trisk\n");
        let e = load_lexicon(std::slice::from_ref(&path)).unwrap_err();
        let message = chain(&e);
        assert!(
            message.starts_with(&format!("{}:2: ", path.display())),
            "{message}"
        );
    }

    #[test]
    fn a_users_entry_reaches_the_report() {
        // An invented word, in no built-in list.
        let path = temp_file("mine.tsv", b"flurbishment\trisk\t0.6\n");
        let lexicon = load_lexicon(std::slice::from_ref(&path)).unwrap();
        let text = "The merger is a flurbishment.";
        let cued = |report: &Report| {
            report.analysis.assessments.iter().any(|a| {
                a.cues
                    .iter()
                    .any(|c| c.text.eq_ignore_ascii_case("flurbishment"))
            })
        };
        assert!(!cued(&analyze_text("-", text, InputFormat::Text)));
        assert!(cued(&analyze_text_with(
            "-",
            text,
            InputFormat::Text,
            &lexicon
        )));
    }
}
