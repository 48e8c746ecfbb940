//! Finding and reading inputs: files, folders, standard input and JSON Lines records.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use crux_parser::InputFormat;

use crate::args::InputFormatArg;

/// File extensions searched for in folders.
pub(crate) const EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "jsonl"];

/// How deep a folder is searched.
const MAX_DEPTH: usize = 64;

/// One place to read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    /// Standard input.
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Origin {
    /// The name the output gives this input: the path as given, or `-`; a path that is not
    /// UTF-8 as [`escaped_path`] writes it.
    pub(crate) fn label(&self) -> String {
        match self {
            Origin::Stdin => "-".to_owned(),
            Origin::File(path) => escaped_path(path),
        }
    }

    /// Whether [`Origin::label`] had to escape bytes that are not UTF-8.
    pub(crate) fn label_is_escaped(&self) -> bool {
        match self {
            Origin::Stdin => false,
            Origin::File(path) => path.to_str().is_none(),
        }
    }

    fn extension(&self) -> Option<String> {
        match self {
            Origin::Stdin => None,
            Origin::File(path) => path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase),
        }
    }
}

/// A path as text: itself when it is UTF-8. A Unix file name may be any bytes, and JSON
/// strings cannot hold those that are not UTF-8: then each such byte is written `\xNN` and
/// each backslash `\\`, so that every byte is kept and no two such names give the same text
/// (replacing them with U+FFFD, as `Path::display` does, would lose them). The caller says so
/// on standard error ([`Origin::label_is_escaped`]).
pub(crate) fn escaped_path(path: &Path) -> String {
    if let Some(s) = path.to_str() {
        return s.to_owned();
    }
    let bytes = path.as_os_str().as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// What a walk over the command line's paths found, in path order.
#[derive(Debug)]
pub(crate) enum Found {
    /// An input to read.
    Input(Origin),
    /// Something that could not be read or expanded; the walk goes on.
    Error(anyhow::Error),
    /// Something left out on purpose (a FIFO or a device in a folder), said on standard error.
    Skipped(String),
}

/// Expands the paths given on the command line into inputs, lazily and in order: folders
/// become the article files below them, sorted by path, found one folder at a time so that
/// the first files are analysed (and printed) before the last folder is read. A folder or
/// file that cannot be read is one [`Found::Error`] naming it, and the walk goes on. Special
/// files in folders (FIFOs, sockets, devices) are skipped, never opened: opening a FIFO
/// blocks until something writes to it. A path named on the command line is opened whatever
/// it is, for `<(command)` is a pipe.
pub(crate) fn expand(paths: &[PathBuf]) -> Expand {
    Expand {
        paths: paths.iter().cloned().collect(),
        folder: None,
    }
}

/// The iterator [`expand`] returns.
#[derive(Debug)]
pub(crate) struct Expand {
    paths: std::collections::VecDeque<PathBuf>,
    folder: Option<Folder>,
}

impl Iterator for Expand {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        loop {
            if let Some(folder) = &mut self.folder {
                if let Some(found) = folder.next() {
                    return Some(found);
                }
                let folder = self.folder.take()?;
                if folder.files == 0 && !folder.troubled {
                    return Some(Found::Error(anyhow::anyhow!(
                        "reading {}: the folder holds no article files ({})",
                        folder.root.display(),
                        EXTENSIONS
                            .iter()
                            .map(|e| format!(".{e}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )));
                }
                continue;
            }
            let path = self.paths.pop_front()?;
            if path.as_os_str() == "-" {
                return Some(Found::Input(Origin::Stdin));
            }
            match fs::metadata(&path) {
                Err(e) => {
                    return Some(Found::Error(
                        anyhow::Error::new(e).context(format!("reading {}", path.display())),
                    ));
                }
                Ok(meta) if meta.is_dir() => {
                    self.folder = Some(Folder {
                        stack: vec![vec![path.clone()].into_iter()],
                        root: path,
                        files: 0,
                        troubled: false,
                    });
                }
                Ok(_) => return Some(Found::Input(Origin::File(path))),
            }
        }
    }
}

/// A folder walked depth first, each folder's entries sorted by name: the order of the sorted
/// paths (paths compare component by component), found one folder at a time.
#[derive(Debug)]
struct Folder {
    root: PathBuf,
    /// The entries not yet looked at, of each folder from the root down (the root itself
    /// first).
    stack: Vec<std::vec::IntoIter<PathBuf>>,
    /// Article files found.
    files: usize,
    /// Whether something below could not be read (then "no article files" would mislead).
    troubled: bool,
}

impl Folder {
    fn next(&mut self) -> Option<Found> {
        loop {
            let depth = self.stack.len();
            let Some(path) = self.stack.last_mut()?.next() else {
                self.stack.pop();
                continue;
            };
            // Not followed: a link back up cannot loop, and a link to a folder is not walked.
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return Some(self.trouble(e, "reading", &path)),
            };
            if meta.is_dir() {
                if depth > MAX_DEPTH {
                    self.troubled = true;
                    return Some(Found::Error(anyhow::anyhow!(
                        "reading folder {}: nested too deeply (over {MAX_DEPTH} levels); skipped",
                        path.display()
                    )));
                }
                match sorted_entries(&path) {
                    Ok(entries) => self.stack.push(entries.into_iter()),
                    Err(e) => return Some(self.trouble(e, "reading folder", &path)),
                }
                continue;
            }
            if !has_article_extension(&path) {
                continue;
            }
            // A link to a file is read; what it points to decides.
            let meta = if meta.file_type().is_symlink() {
                match fs::metadata(&path) {
                    Ok(meta) => meta,
                    Err(e) => return Some(self.trouble(e, "reading", &path)),
                }
            } else {
                meta
            };
            if meta.is_file() {
                self.files += 1;
                return Some(Found::Input(Origin::File(path)));
            }
            if !meta.is_dir() {
                return Some(Found::Skipped(format!(
                    "crux: warning: skipping {}: not a regular file (a FIFO, socket or device)",
                    path.display()
                )));
            }
        }
    }

    fn trouble(&mut self, e: std::io::Error, what: &str, path: &Path) -> Found {
        self.troubled = true;
        Found::Error(anyhow::Error::new(e).context(format!("{what} {}; skipped", path.display())))
    }
}

/// The entries of a folder but hidden ones (`.name`), sorted by name.
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().as_encoded_bytes().first() != Some(&b'.') {
            entries.push(entry.path());
        }
    }
    entries.sort();
    Ok(entries)
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// How an input is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// One article in this format.
    Article(InputFormat),
    /// JSON Lines records, each an article in plain text.
    Records,
}

/// Chooses how to read an input: the `--input-format` given, else the file extension, else
/// the content.
pub(crate) fn reading(origin: &Origin, given: Option<InputFormatArg>, text: &str) -> Reading {
    known_reading(origin, given).unwrap_or_else(|| Reading::Article(crux_parser::sniff(text)))
}

/// How to read an input when the `--input-format` given or the file extension tells; `None`
/// when only the content can.
pub(crate) fn known_reading(origin: &Origin, given: Option<InputFormatArg>) -> Option<Reading> {
    if let Some(arg) = given {
        return Some(match arg {
            InputFormatArg::Text => Reading::Article(InputFormat::Text),
            InputFormatArg::Markdown => Reading::Article(InputFormat::Markdown),
            InputFormatArg::Html => Reading::Article(InputFormat::Html),
            InputFormatArg::Jsonl => Reading::Records,
        });
    }
    match origin.extension().as_deref() {
        Some("txt" | "text") => Some(Reading::Article(InputFormat::Text)),
        Some("md" | "markdown" | "mdown" | "mkd") => Some(Reading::Article(InputFormat::Markdown)),
        Some("html" | "htm" | "xhtml") => Some(Reading::Article(InputFormat::Html)),
        Some("jsonl" | "ndjson") => Some(Reading::Records),
        _ => None,
    }
}

/// Opens an input to be read line by line (JSON Lines), without reading it whole.
pub(crate) fn open(origin: &Origin) -> Result<BufReader<Box<dyn Read>>> {
    let read: Box<dyn Read> = match origin {
        Origin::Stdin => Box::new(std::io::stdin()),
        Origin::File(path) => {
            Box::new(fs::File::open(path).with_context(|| format!("reading {}", path.display()))?)
        }
    };
    Ok(BufReader::with_capacity(1 << 16, read))
}

/// Whether reading `origin` may wait for a writer: standard input, a pipe, a device. A
/// regular file never does.
pub(crate) fn may_block(origin: &Origin) -> bool {
    match origin {
        Origin::Stdin => true,
        Origin::File(path) => fs::metadata(path).map_or(true, |m| !m.is_file()),
    }
}

/// Reads the next line of `reader` into `line`, without its `\n` or `\r\n` (as
/// [`BufRead::lines`] does); returns the bytes read, 0 at the end of the input, and whether
/// the line was longer than `max` bytes: then `line` holds its first `max` bytes only, and
/// the rest was read past without being held.
pub(crate) fn next_line(
    reader: &mut dyn BufRead,
    line: &mut Vec<u8>,
    max: u64,
) -> std::io::Result<(usize, bool)> {
    line.clear();
    let mut read = (&mut *reader)
        .take(max.saturating_add(1))
        .read_until(b'\n', line)?;
    let mut over = false;
    if line.last() != Some(&b'\n') && line.len() as u64 > max {
        over = true;
        line.truncate(usize::try_from(max).unwrap_or(usize::MAX));
        // Read past the rest of the line without holding it.
        loop {
            let buf = reader.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let (used, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (i + 1, true),
                None => (buf.len(), false),
            };
            reader.consume(used);
            read += used;
            if done {
                break;
            }
        }
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Ok((read, over))
}

/// Why an input was refused for its size: the message names the flag that sets the limit.
pub(crate) fn too_big(label: &str, size: Option<u64>, max: u64) -> anyhow::Error {
    let size = size.map_or_else(
        || format!("more than {max} bytes"),
        |n| format!("{n} bytes"),
    );
    anyhow::anyhow!(
        "reading {label}: {size}, over the --max-bytes limit of {max} bytes for one document; \
         crux analyses a document whole or not at all: raise --max-bytes to analyse it"
    )
}

/// Reads the whole input as bytes, refusing more than `max` bytes (before reading them, when
/// the file says its size).
pub(crate) fn read_bytes(origin: &Origin, label: &str, max: u64) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match origin {
        Origin::Stdin => {
            std::io::stdin()
                .lock()
                .take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
        }
        Origin::File(path) => {
            let file = fs::File::open(path).with_context(|| format!("reading {label}"))?;
            let meta = file
                .metadata()
                .with_context(|| format!("reading {label}"))?;
            if meta.is_file() && meta.len() > max {
                return Err(too_big(label, Some(meta.len()), max));
            }
            if meta.is_file() {
                bytes.reserve(usize::try_from(meta.len()).unwrap_or(0));
            }
            file.take(max.saturating_add(1))
                .read_to_end(&mut bytes)
                .with_context(|| format!("reading {label}"))?;
        }
    }
    if bytes.len() as u64 > max {
        return Err(too_big(label, None, max));
    }
    Ok(bytes)
}

/// A decoded input, and what standard error should be told about how.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) text: String,
    /// Said on standard error when the text was not UTF-8 to begin with.
    pub(crate) note: Option<String>,
}

/// Decodes UTF-8 (a leading byte-order mark is kept, so that spans count from the file's first
/// byte), or UTF-16 that starts with its byte-order mark; names the first bad byte, and says when text without a
/// byte-order mark looks like UTF-16.
pub(crate) fn decode(label: &str, bytes: Vec<u8>) -> Result<Decoded> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(("UTF-16LE", u16::from_le_bytes as fn([u8; 2]) -> u16)),
        Some([0xFE, 0xFF]) => Some(("UTF-16BE", u16::from_be_bytes as fn([u8; 2]) -> u16)),
        _ => None,
    };
    if let Some((name, unit)) = utf16 {
        return decode_utf16(label, &bytes[2..], name, unit).map(|text| Decoded {
            text,
            note: Some(format!(
                "crux: warning: {label}: decoded from {name} (it starts with a byte-order mark); \
                 spans count bytes of the UTF-8 text"
            )),
        });
    }
    if let Some(name) = looks_like_utf16(&bytes) {
        anyhow::bail!(
            "reading {label}: this looks like {name} text without a byte-order mark (every other \
             byte is 0); crux reads UTF-8, or UTF-16 that starts with its byte-order mark"
        );
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, note: None }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            anyhow::bail!("reading {label}: invalid UTF-8 at byte {at}; crux reads UTF-8 text")
        }
    }
}

fn decode_utf16(label: &str, bytes: &[u8], name: &str, unit: fn([u8; 2]) -> u16) -> Result<String> {
    if bytes.len() % 2 == 1 {
        anyhow::bail!(
            "reading {label}: {name} text of an odd number of bytes ({}); it is cut short",
            bytes.len() + 2
        );
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) => anyhow::bail!(
                "reading {label}: invalid {name}: an unpaired surrogate near byte {}",
                2 + 2 * i
            ),
        }
    }
    Ok(text)
}

/// `Some("UTF-16LE")` or `Some("UTF-16BE")` when, over the first 4 KiB, at least 8 byte pairs
/// are there, half or more have a 0 byte on one side and almost none on the other: ASCII
/// letters in UTF-16. UTF-8 text has no 0 bytes.
fn looks_like_utf16(bytes: &[u8]) -> Option<&'static str> {
    let head = &bytes[..bytes.len().min(4096)];
    let pairs = head.len() / 2;
    if pairs < 8 {
        return None;
    }
    let (mut even, mut odd) = (0, 0);
    for pair in head.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    match (even * 2 >= pairs, odd * 2 >= pairs) {
        (false, true) if even * 10 < pairs => Some("UTF-16LE"),
        (true, false) if odd * 10 < pairs => Some("UTF-16BE"),
        _ => None,
    }
}

/// One JSON Lines record: `{"id": …, "text": …}`, other fields ignored.
#[derive(Debug)]
pub(crate) struct Record {
    /// The record's id, or `label:line` when it has none.
    pub(crate) id: String,
    /// Its text, or why it cannot be analysed.
    pub(crate) text: Result<String>,
}

/// Parses one line of a JSON Lines input (`line_number` counts from 1).
pub(crate) fn record(label: &str, line_number: usize, line: &str) -> Record {
    let fallback = format!("{label}:{line_number}");
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => {
            return Record {
                id: fallback,
                text: Err(anyhow::anyhow!("line {line_number}: not JSON: {e}")),
            };
        }
    };
    if !value.is_object() {
        let kind = match value {
            serde_json::Value::Array(_) => "an array",
            serde_json::Value::String(_) => "a string",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::Bool(_) => "a boolean",
            _ => "null",
        };
        return Record {
            id: fallback,
            text: Err(anyhow::anyhow!(
                "line {line_number}: the record is {kind}, not an object with a \"text\" field"
            )),
        };
    }
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(serde_json::Value::Null) | None => fallback,
        Some(other) => other.to_string(),
    };
    let text = match value.get("text") {
        Some(serde_json::Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(anyhow::anyhow!(
            "line {line_number}: the field \"text\" is not a string"
        )),
        None => Err(anyhow::anyhow!(
            "line {line_number}: the record has no \"text\" field"
        )),
    };
    Record { id, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_names_the_byte() {
        let err = decode("a.txt", b"ok \xff bad".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "reading a.txt: invalid UTF-8 at byte 3; crux reads UTF-8 text"
        );
    }

    #[test]
    fn records() {
        let r = record("in", 1, r#"{"id": 7, "text": "Hi."}"#);
        assert_eq!(r.id, "7");
        assert_eq!(r.text.unwrap(), "Hi.");
        let r = record("in", 2, r#"{"text": 3}"#);
        assert_eq!(r.id, "in:2");
        assert!(r.text.is_err());
        let r = record("in", 3, "{oops");
        assert!(
            r.text
                .unwrap_err()
                .to_string()
                .starts_with("line 3: not JSON")
        );
    }

    #[test]
    fn reading_by_extension_then_content() {
        let md = Origin::File("a.MD".into());
        assert_eq!(
            reading(&md, None, ""),
            Reading::Article(InputFormat::Markdown)
        );
        assert_eq!(
            reading(&md, Some(InputFormatArg::Text), ""),
            Reading::Article(InputFormat::Text)
        );
        assert_eq!(
            reading(&Origin::Stdin, None, "<html><p>x</p></html>"),
            Reading::Article(InputFormat::Html)
        );
    }
}
