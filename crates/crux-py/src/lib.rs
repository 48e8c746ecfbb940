//! `crux._crux`, the extension module of the Python package `crux`: the analysis of
//! `crux-report` behind a few functions that take Python strings and give back the JSON the
//! `crux` command prints.
//!
//! Brief overview (the module's Python names): `analyze_json` analyses one text,
//! `analyze_many_json` many on a thread pool with the GIL released, `Lexicon` holds a risk
//! and benefit lexicon loaded once, `byte_to_str_offsets` turns the report's byte offsets
//! into Python string indices. The Python side (`python/crux/__init__.py`) parses the JSON and
//! adds the typed accessors and the pandas and Spark helpers.
//!
//! No panic crosses into Python: every analysis runs under [`std::panic::catch_unwind`], and a
//! panic becomes a `crux.CruxError` (or, in a batch, that item's error), like any other
//! failure. Errors carry the message the command line prints after `crux: error: `.

#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use crux_analysis::Lexicon;
use crux_parser::InputFormat;
use crux_report::Report;
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

create_exception!(
    _crux,
    CruxError,
    PyValueError,
    "An input, option or lexicon that crux cannot use; the message is the one the crux command prints after `crux: error: `."
);

/// The message of an error with its causes, `outer: inner`, as the command line prints it.
fn chain(error: &dyn std::error::Error) -> String {
    let mut out = error.to_string();
    let mut cause = error.source();
    while let Some(c) = cause {
        out.push_str(": ");
        out.push_str(&c.to_string());
        cause = c.source();
    }
    out
}

/// The text of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

/// Runs `f`, turning a panic into an error message.
fn guarded<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(format!(
            "internal error: crux panicked: {}",
            panic_message(&*payload)
        )),
    }
}

/// The reader named by `format`: `None` sniffs the content, as the command line does for
/// standard input.
fn input_format(format: Option<&str>) -> PyResult<Option<InputFormat>> {
    match format.map(str::to_ascii_lowercase).as_deref() {
        None => Ok(None),
        Some("text") => Ok(Some(InputFormat::Text)),
        Some("markdown") => Ok(Some(InputFormat::Markdown)),
        Some("html") => Ok(Some(InputFormat::Html)),
        Some(other) => Err(CruxError::new_err(format!(
            "unknown input format '{other}': expected 'text', 'markdown' or 'html' (or None to guess from the content)"
        ))),
    }
}

/// Text to analyse, taken out of a Python object while the GIL is held.
enum Input<'a> {
    /// The text of a `str` or `bytes` object, borrowed.
    Borrowed(&'a str),
    /// Why the text cannot be analysed, in the command line's words.
    Failed(String),
    /// The object is not text: what it is instead.
    NotText(String),
}

/// The UTF-8 text of a `str` or `bytes` object. Invalid UTF-8 (in bytes, or a lone surrogate
/// in a `str`, counted in its `surrogatepass` encoding) is reported as the command line
/// reports a file: `reading SOURCE: invalid UTF-8 at byte N; crux reads UTF-8 text`, then the
/// way out: where the command line names its `--encoding` flag, this names `bytes.decode`.
fn input<'a>(object: &'a Bound<'_, PyAny>, source: &str) -> Input<'a> {
    let invalid = |e: std::str::Utf8Error| {
        format!(
            "reading {source}: invalid UTF-8 at byte {}; crux reads UTF-8 text (decode other \
             encodings to str first, as data.decode(\"windows-1252\"))",
            e.valid_up_to()
        )
    };
    if let Ok(string) = object.cast::<PyString>() {
        return match string.to_str() {
            Ok(text) => Input::Borrowed(text),
            Err(_) => {
                let encoded = string
                    .call_method1("encode", ("utf-8", "surrogatepass"))
                    .ok()
                    .and_then(|b| b.cast_into::<PyBytes>().ok());
                Input::Failed(
                    encoded
                        .and_then(|b| std::str::from_utf8(b.as_bytes()).err().map(invalid))
                        .unwrap_or_else(|| format!("reading {source}: the text is not Unicode")),
                )
            }
        };
    }
    if let Ok(bytes) = object.cast::<PyBytes>() {
        return match std::str::from_utf8(bytes.as_bytes()) {
            Ok(text) => Input::Borrowed(text),
            Err(e) => Input::Failed(invalid(e)),
        };
    }
    let kind = object
        .get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string());
    Input::NotText(format!("crux analyses str or bytes, not {kind}"))
}

/// One text analysed into its report.
fn report(
    source: &str,
    text: &str,
    format: Option<InputFormat>,
    lexicon: &Lexicon,
) -> Result<Report, String> {
    guarded(|| {
        let format = format.unwrap_or_else(|| crux_parser::sniff(text));
        Ok(crux_report::analyze_text_with(
            source, text, format, lexicon,
        ))
    })
}

/// A report as JSON, compact (one line, as in `--format jsonl`).
fn to_json(report: &Report) -> Result<String, String> {
    guarded(|| serde_json::to_string(report).map_err(|e| format!("{}: {e}", report.source)))
}

/// The JSON Lines failure line of the output contract: `{"source": ..., "error": ...}`.
fn failure_json(source: &str, error: &str) -> String {
    serde_json::json!({ "source": source, "error": error }).to_string()
}

/// A risk and benefit lexicon: the built-in one with users' files merged in, loaded once and
/// shared by every analysis that is given it.
#[pyclass(name = "Lexicon", module = "crux", frozen)]
#[derive(Debug, Clone)]
struct PyLexicon {
    lexicon: Cow<'static, Lexicon>,
}

#[pymethods]
impl PyLexicon {
    /// The built-in lexicon with the files at `paths` merged in, in order, as the command line
    /// does with `--lexicon FILE` given once per path.
    #[new]
    #[pyo3(signature = (*paths))]
    fn new(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<PyLexicon> {
        let loaded =
            py.detach(|| guarded(|| crux_report::load_lexicon(&paths).map_err(|e| chain(&e))));
        loaded
            .map(|lexicon| PyLexicon { lexicon })
            .map_err(CruxError::new_err)
    }

    /// The built-in lexicon with the entries of a lexicon file's text merged in; `name` is
    /// what error messages call it.
    #[staticmethod]
    #[pyo3(signature = (text, name = "<string>"))]
    fn from_tsv(text: &str, name: &str) -> PyResult<PyLexicon> {
        guarded(|| {
            Lexicon::builtin()
                .with_entries(name, text)
                .map_err(|e| chain(&e))
        })
        .map(|lexicon| PyLexicon {
            lexicon: Cow::Owned(lexicon),
        })
        .map_err(CruxError::new_err)
    }

    /// The lexicon in its file format, as `crux lexicon` prints it.
    fn to_tsv(&self) -> String {
        self.lexicon.to_tsv()
    }

    /// The number of entries.
    fn __len__(&self) -> usize {
        self.lexicon.len()
    }

    fn __repr__(&self) -> String {
        format!("<crux.Lexicon of {} entries>", self.lexicon.len())
    }
}

/// The lexicon to use: the one given, else the built-in one.
fn lexicon_of(given: Option<&PyLexicon>) -> &Lexicon {
    match given {
        Some(l) => &l.lexicon,
        None => Lexicon::builtin(),
    }
}

/// One text's report, made with the GIL released, or the error `analyze_json` raises.
fn analyze_one(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: Option<&str>,
    lexicon: Option<&PyLexicon>,
    source: &str,
) -> PyResult<Report> {
    let format = input_format(format)?;
    let lexicon = lexicon_of(lexicon);
    match input(text, source) {
        Input::Failed(message) => Err(CruxError::new_err(message)),
        Input::NotText(message) => Err(PyTypeError::new_err(message)),
        Input::Borrowed(text) => py
            .detach(|| report(source, text, format, lexicon))
            .map_err(CruxError::new_err),
    }
}

/// Analyses one text (`str`, or `bytes` holding UTF-8) and returns its report as JSON, the
/// object `crux analyze --format json` prints (on one line).
#[pyfunction]
#[pyo3(signature = (text, *, format = None, lexicon = None, source = "-"))]
fn analyze_json(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    format: Option<&str>,
    lexicon: Option<PyRef<'_, PyLexicon>>,
    source: &str,
) -> PyResult<String> {
    let report = analyze_one(py, text, format, lexicon.as_deref(), source)?;
    py.detach(|| to_json(&report)).map_err(CruxError::new_err)
}

/// One item of a batch: its source, and its text or why it has none.
type Job = (String, Result<String, String>);

/// Reads a batch's texts (and their sources) out of Python, while the GIL is held: every text
/// is copied, so that none is read without it.
fn jobs(texts: &Bound<'_, PyAny>, sources: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Job>> {
    let mut names = match sources {
        None => None,
        Some(s) => Some(s.try_iter()?),
    };
    let mut jobs = Vec::new();
    for item in texts.try_iter()? {
        let item = item?;
        let source = match names.as_mut().map(Iterator::next) {
            None => "-".to_owned(),
            Some(Some(name)) => name?.str()?.to_string(),
            Some(None) => return Err(CruxError::new_err("sources: fewer names than texts")),
        };
        let text = match input(&item, &source) {
            Input::Borrowed(text) => Ok(text.to_owned()),
            Input::Failed(message) => Err(message),
            Input::NotText(message) => Err(format!("reading {source}: {message}")),
        };
        jobs.push((source, text));
    }
    if names.is_some_and(|mut n| n.next().is_some()) {
        return Err(CruxError::new_err("sources: more names than texts"));
    }
    Ok(jobs)
}

/// Runs `one` over the jobs on `threads` threads (default: one per core), with the GIL
/// released; the results in input order.
fn run_batch<T: Send>(
    py: Python<'_>,
    jobs: &[Job],
    threads: Option<usize>,
    one: impl Fn(&Job) -> T + Sync,
) -> PyResult<Vec<T>> {
    if threads == Some(0) {
        return Err(CruxError::new_err("threads must be at least 1"));
    }
    let threads = threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    Ok(py.detach(|| {
        let pool = (threads > 1 && jobs.len() > 1)
            .then(|| {
                rayon::ThreadPoolBuilder::new()
                    .num_threads(threads)
                    .build()
                    .ok()
            })
            .flatten();
        match pool {
            Some(pool) => {
                use rayon::prelude::*;
                pool.install(|| jobs.par_iter().with_max_len(1).map(&one).collect())
            }
            None => jobs.iter().map(&one).collect(),
        }
    }))
}

/// Analyses many texts on `threads` threads (default: one per core) with the GIL released,
/// and returns one JSON string per text, in input order. A text that cannot be analysed gets
/// the contract's failure object `{"source": ..., "error": ...}` in its place; the others are
/// analysed all the same.
#[pyfunction]
#[pyo3(signature = (texts, threads = None, *, format = None, lexicon = None, sources = None))]
fn analyze_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
    format: Option<&str>,
    lexicon: Option<PyRef<'_, PyLexicon>>,
    sources: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<String>> {
    let format = input_format(format)?;
    let lexicon = lexicon_of(lexicon.as_deref());
    let jobs = jobs(texts, sources)?;
    run_batch(py, &jobs, threads, |(source, text)| {
        text.as_ref()
            .map_err(String::clone)
            .and_then(|text| report(source, text, format, lexicon))
            .and_then(|report| to_json(&report))
            .unwrap_or_else(|error| failure_json(source, &error))
    })
}

/// Python string indices for byte offsets into `text`: the number of characters (code points)
/// before each offset. An offset that is past the end or inside a character is an error.
#[pyfunction]
fn byte_to_str_offsets(py: Python<'_>, text: &str, offsets: Vec<usize>) -> PyResult<Vec<usize>> {
    if text.is_ascii() {
        return match offsets.iter().find(|&&o| o > text.len()) {
            Some(o) => Err(CruxError::new_err(format!(
                "byte offset {o} is past the end of the text ({} bytes)",
                text.len()
            ))),
            None => Ok(offsets),
        };
    }
    py.detach(|| {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![0; offsets.len()];
        let mut chars = text.char_indices().map(|(at, _)| at).enumerate();
        // The next character's index and its byte offset; past the end, the text's length.
        let mut next = chars.next();
        for i in order {
            let offset = offsets[i];
            while let Some((_, at)) = next
                && at < offset
            {
                next = chars.next();
            }
            out[i] = match next {
                Some((index, at)) if at == offset => index,
                None if offset == text.len() => text.chars().count(),
                _ if offset > text.len() => {
                    return Err(CruxError::new_err(format!(
                        "byte offset {offset} is past the end of the text ({} bytes)",
                        text.len()
                    )));
                }
                _ => {
                    return Err(CruxError::new_err(format!(
                        "byte offset {offset} is inside a character of the text"
                    )));
                }
            };
        }
        Ok(out)
    })
}

/// The JSON Schema of the report, as `crux schema` prints it.
#[pyfunction]
fn json_schema() -> String {
    crux_report::json_schema()
}

/// Panics inside the guard, for the tests that check that no panic reaches Python.
#[pyfunction]
fn _panic_for_tests() -> PyResult<()> {
    guarded(|| -> Result<(), String> { panic!("a test of the panic guard") })
        .map_err(CruxError::new_err)
}

/// The extension module.
#[pymodule]
fn _crux(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CruxError", m.py().get_type::<CruxError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<PyLexicon>()?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_many_json, m)?)?;
    m.add_function(wrap_pyfunction!(byte_to_str_offsets, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    Ok(())
}
