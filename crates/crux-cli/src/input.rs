//! Finding and reading inputs: files, folders, standard input and JSON Lines records.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
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
    /// The name the output gives this input: the path as given, or `-`.
    pub(crate) fn label(&self) -> String {
        match self {
            Origin::Stdin => "-".to_owned(),
            Origin::File(path) => path.display().to_string(),
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

/// Expands the paths given on the command line into inputs: folders become the article files
/// below them, sorted by path. An error names the path that could not be expanded.
pub(crate) fn expand(paths: &[PathBuf]) -> Vec<Result<Origin>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Ok(Origin::Stdin));
            continue;
        }
        match fs::metadata(path) {
            Err(e) => out.push(
                Err(anyhow::Error::new(e)).with_context(|| format!("reading {}", path.display())),
            ),
            Ok(meta) if meta.is_dir() => {
                let mut files = Vec::new();
                match walk(path, 0, &mut files) {
                    Err(e) => out.push(Err(e)),
                    Ok(()) if files.is_empty() => out.push(Err(anyhow::anyhow!(
                        "reading {}: the folder holds no article files ({})",
                        path.display(),
                        EXTENSIONS
                            .iter()
                            .map(|e| format!(".{e}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))),
                    Ok(()) => {
                        files.sort();
                        out.extend(files.into_iter().map(|f| Ok(Origin::File(f))));
                    }
                }
            }
            Ok(_) => out.push(Ok(Origin::File(path.clone()))),
        }
    }
    out
}

fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) -> Result<()> {
    if depth > MAX_DEPTH {
        bail!("reading {}: folders nested too deeply", dir.display());
    }
    let entries = fs::read_dir(dir).with_context(|| format!("reading folder {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading folder {}", dir.display()))?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        // `file_type` does not follow symbolic links, so a link back up cannot loop.
        let kind = entry
            .file_type()
            .with_context(|| format!("reading {}", path.display()))?;
        if kind.is_dir() {
            walk(&path, depth + 1, files)?;
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            files.push(path);
        }
    }
    Ok(())
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
pub(crate) fn open(origin: &Origin) -> Result<Box<dyn BufRead>> {
    match origin {
        Origin::Stdin => Ok(Box::new(std::io::stdin().lock())),
        Origin::File(path) => {
            let file =
                fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
            Ok(Box::new(BufReader::with_capacity(1 << 16, file)))
        }
    }
}

/// Reads the next line of `reader` into `line`, without its `\n` or `\r\n` (as
/// [`BufRead::lines`] does); returns the bytes read, 0 at the end of the input.
pub(crate) fn next_line(reader: &mut dyn BufRead, line: &mut Vec<u8>) -> std::io::Result<usize> {
    line.clear();
    let read = reader.read_until(b'\n', line)?;
    if line.last() == Some(&b'\n') {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    Ok(read)
}

/// Reads the whole input as bytes.
pub(crate) fn read_bytes(origin: &Origin) -> Result<Vec<u8>> {
    match origin {
        Origin::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("reading standard input")?;
            Ok(bytes)
        }
        Origin::File(path) => fs::read(path).with_context(|| format!("reading {}", path.display())),
    }
}

/// Decodes UTF-8, naming the first bad byte.
pub(crate) fn decode(label: &str, bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        anyhow::anyhow!("reading {label}: invalid UTF-8 at byte {at}; crux reads UTF-8 text")
    })
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
