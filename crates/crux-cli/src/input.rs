//! Finding and reading inputs: files, folders, standard input and JSON Lines records.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use crux_parser::InputFormat;

use crate::args::{EncodingArg, InputFormatArg};

/// The file extensions crux reads (in lower case), and how: the one list behind folder walks,
/// the choice of reader for a named file, and the help.
pub(crate) const EXTENSIONS: &[(&str, Reading)] = &[
    ("txt", Reading::Article(InputFormat::Text)),
    ("text", Reading::Article(InputFormat::Text)),
    ("md", Reading::Article(InputFormat::Markdown)),
    ("markdown", Reading::Article(InputFormat::Markdown)),
    ("mdown", Reading::Article(InputFormat::Markdown)),
    ("mkd", Reading::Article(InputFormat::Markdown)),
    ("html", Reading::Article(InputFormat::Html)),
    ("htm", Reading::Article(InputFormat::Html)),
    ("xhtml", Reading::Article(InputFormat::Html)),
    ("jsonl", Reading::Records),
    ("ndjson", Reading::Records),
];

/// How a file with this extension is read, if crux reads it.
fn reading_of_extension(extension: &str) -> Option<Reading> {
    let lower = extension.to_ascii_lowercase();
    EXTENSIONS
        .iter()
        .find(|(e, _)| *e == lower)
        .map(|&(_, reading)| reading)
}

/// The extensions as the help and messages list them: `.txt, .text, …`.
pub(crate) fn extension_list() -> String {
    EXTENSIONS
        .iter()
        .map(|(e, _)| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(", ")
}

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
/// the first files are analysed (and printed) before the last folder is read. Folders are
/// walked as ripgrep walks them (the `ignore` crate): hidden files and folders are left out,
/// and so is what `.gitignore`, `.ignore` and git's exclude files name, in a git repository or
/// not; `globs` (`--glob`) keep only the files they match, or leave out those a `!glob`
/// matches. A folder or file that cannot be read is one [`Found::Error`] naming it, and the
/// walk goes on. Special files in folders (FIFOs, sockets, devices) are skipped, never
/// opened: opening a FIFO blocks until something writes to it. A path named on the command
/// line is opened whatever it is, for `<(command)` is a pipe.
pub(crate) fn expand(paths: &[PathBuf], globs: &[String]) -> Expand {
    Expand {
        paths: paths.iter().cloned().collect(),
        globs: globs.to_vec(),
        folder: None,
    }
}

/// Checks `--glob` patterns before any input is read: a bad one is a usage error.
pub(crate) fn check_globs(globs: &[String]) -> Result<()> {
    overrides(Path::new("."), globs).map(|_| ())
}

fn overrides(root: &Path, globs: &[String]) -> Result<ignore::overrides::Override> {
    let mut builder = ignore::overrides::OverrideBuilder::new(root);
    for glob in globs {
        builder
            .add(glob)
            .with_context(|| format!("--glob {glob}: not a glob"))?;
    }
    Ok(builder.build()?)
}

/// The iterator [`expand`] returns.
#[derive(Debug)]
pub(crate) struct Expand {
    paths: std::collections::VecDeque<PathBuf>,
    globs: Vec<String>,
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
                        "reading {}: the folder holds no article files ({}) but those its \
                         ignore files or --glob leave out",
                        folder.root.display(),
                        extension_list()
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
                    let overrides = match overrides(&path, &self.globs) {
                        Ok(o) => o,
                        Err(e) => return Some(Found::Error(e)),
                    };
                    let walk = ignore::WalkBuilder::new(&path)
                        .require_git(false)
                        .follow_links(false)
                        .max_depth(Some(MAX_DEPTH))
                        .overrides(overrides)
                        .sort_by_file_name(std::cmp::Ord::cmp)
                        .build();
                    self.folder = Some(Folder {
                        walk,
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
struct Folder {
    root: PathBuf,
    walk: ignore::Walk,
    /// Article files found.
    files: usize,
    /// Whether something below could not be read (then "no article files" would mislead).
    troubled: bool,
}

impl std::fmt::Debug for Folder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Folder")
            .field("root", &self.root)
            .field("files", &self.files)
            .finish_non_exhaustive()
    }
}

impl Folder {
    fn next(&mut self) -> Option<Found> {
        loop {
            let entry = match self.walk.next()? {
                Ok(entry) => entry,
                Err(e) => {
                    self.troubled = true;
                    return Some(Found::Error(anyhow::anyhow!("reading folder {e}; skipped")));
                }
            };
            let path = entry.path();
            // Not followed: a link back up cannot loop, and a link to a folder is not walked.
            let Some(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() || !has_article_extension(path) {
                continue;
            }
            // A link to a file is read; what it points to decides.
            let meta = match fs::metadata(path) {
                Ok(meta) => meta,
                Err(e) => return Some(self.trouble(e, "reading", path)),
            };
            if meta.is_file() {
                self.files += 1;
                return Some(Found::Input(Origin::File(entry.into_path())));
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

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| reading_of_extension(e).is_some())
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
    known_reading(origin, given).unwrap_or_else(|| {
        if looks_like_records(text.as_bytes(), false) {
            Reading::Records
        } else {
            Reading::Article(crux_parser::sniff(text))
        }
    })
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
    origin.extension().as_deref().and_then(reading_of_extension)
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

/// Whether a stream holds JSON Lines records: its first line that is not blank is a JSON
/// object with a string `text`. Looks only at what one buffer holds (64 KiB), consuming
/// nothing; a first line longer than that counts when it opens an object and names `"text"`.
pub(crate) fn sniff_records(reader: &mut dyn BufRead) -> std::io::Result<bool> {
    let buf = reader.fill_buf()?;
    Ok(looks_like_records(buf, true))
}

/// Whether `head`, the start of an input, begins with a JSON Lines record; `partial`: `head`
/// may stop inside the first line.
fn looks_like_records(head: &[u8], partial: bool) -> bool {
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    if rest.first() != Some(&b'{') {
        return false;
    }
    match rest.iter().position(|&b| b == b'\n') {
        Some(end) => serde_json::from_slice::<serde_json::Value>(&rest[..end])
            .is_ok_and(|v| v.get("text").is_some_and(serde_json::Value::is_string)),
        None if partial && rest.len() >= 1 << 16 => rest.windows(6).any(|w| w == b"\"text\""),
        None => serde_json::from_slice::<serde_json::Value>(rest)
            .is_ok_and(|v| v.get("text").is_some_and(serde_json::Value::is_string)),
    }
}

/// Reads the rest of a stream opened with [`open`], refusing more than `max` bytes.
pub(crate) fn read_rest(
    reader: BufReader<Box<dyn Read>>,
    label: &str,
    max: u64,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .with_context(|| format!("reading {label}"))?;
    if bytes.len() as u64 > max {
        return Err(too_big(label, None, max));
    }
    Ok(bytes)
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
            anyhow::bail!(
                "reading {label}: invalid UTF-8 at byte {at}; crux reads UTF-8 text (for \
                 Latin-1 or Windows-1252 text, give --encoding windows-1252)"
            )
        }
    }
}

/// Decodes an input in the encoding `--encoding` names. UTF-8 is checked as without the flag;
/// the others decode every byte sequence (a malformed one, in UTF-16, becomes U+FFFD with a
/// warning naming how many).
pub(crate) fn decode_as(label: &str, bytes: Vec<u8>, encoding: EncodingArg) -> Result<Decoded> {
    let (codec, name) = match encoding {
        EncodingArg::Utf8 => {
            return match String::from_utf8(bytes) {
                Ok(text) => Ok(Decoded { text, note: None }),
                Err(e) => anyhow::bail!(
                    "reading {label}: invalid UTF-8 at byte {} (--encoding utf-8)",
                    e.utf8_error().valid_up_to()
                ),
            };
        }
        EncodingArg::Utf16Le => (encoding_rs::UTF_16LE, "UTF-16LE"),
        EncodingArg::Utf16Be => (encoding_rs::UTF_16BE, "UTF-16BE"),
        EncodingArg::Windows1252 => (encoding_rs::WINDOWS_1252, "Windows-1252"),
    };
    // A byte-order mark of the encoding named is dropped; no other is obeyed.
    let (text, malformed) = codec.decode_with_bom_removal(&bytes);
    let replaced = if malformed {
        text.matches('\u{FFFD}').count()
    } else {
        0
    };
    let mut note = format!(
        "crux: warning: {label}: decoded from {name} (--encoding); spans count bytes of the \
         UTF-8 text"
    );
    if replaced > 0 {
        note.push_str(&format!(
            "; {replaced} malformed sequences were replaced with U+FFFD"
        ));
    }
    Ok(Decoded {
        text: text.into_owned(),
        note: Some(note),
    })
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
            "reading a.txt: invalid UTF-8 at byte 3; crux reads UTF-8 text (for Latin-1 or \
             Windows-1252 text, give --encoding windows-1252)"
        );
    }

    #[test]
    fn every_extension_read_by_name_is_walked_in_folders() {
        for ext in ["ndjson", "xhtml", "mdown", "MKD", "txt"] {
            let path = PathBuf::from(format!("a.{ext}"));
            assert!(has_article_extension(&path), "{ext}");
            assert!(known_reading(&Origin::File(path), None).is_some(), "{ext}");
        }
        assert!(!has_article_extension(Path::new("a.json")));
        assert_eq!(
            reading_of_extension("NDJSON"),
            Some(Reading::Records),
            "case is ignored"
        );
    }

    #[test]
    fn chosen_encodings_decode_to_utf8() {
        let latin1 = b"Caf\xe9 \x93quoted\x94 \xa3".to_vec();
        assert!(
            decode("l.txt", latin1.clone())
                .unwrap_err()
                .to_string()
                .contains("--encoding")
        );
        let d = decode_as("l.txt", latin1, EncodingArg::Windows1252).unwrap();
        assert_eq!(d.text, "Café “quoted” £");
        assert!(d.note.unwrap().contains("Windows-1252"));
        let utf16: Vec<u8> = "Hé".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode_as("u", utf16, EncodingArg::Utf16Be).unwrap().text,
            "Hé"
        );
        let odd = vec![b'H', 0, b'i'];
        let d = decode_as("u", odd, EncodingArg::Utf16Le).unwrap();
        assert_eq!(d.text, "H\u{FFFD}");
        assert!(d.note.unwrap().contains("1 malformed"));
        assert!(decode_as("u", b"\xff".to_vec(), EncodingArg::Utf8).is_err());
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
        // JSON Lines told by the first line: an object with a string "text".
        let records = "\n{\"id\": 1, \"text\": \"Hi.\"}\n{\"text\": \"Bye.\"}\n";
        assert_eq!(reading(&Origin::Stdin, None, records), Reading::Records);
        let unknown = Origin::File("corpus.json".into());
        assert_eq!(reading(&unknown, None, records), Reading::Records);
        for not in [
            "{\"title\": \"x\"}\n",
            "{ a brace opens this text\n",
            "text {\"text\": \"x\"}",
        ] {
            assert_eq!(
                reading(&Origin::Stdin, None, not),
                Reading::Article(InputFormat::Text),
                "{not}"
            );
        }
    }
}
