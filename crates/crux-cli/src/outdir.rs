//! `--output-dir`: one file per report, each written whole or not at all (a temporary file in
//! the same folder, then renamed over the name), and for HTML an index page of them all.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::args::OutputFormat;
use crate::html::escape;
use crate::render::{Report, verdict_name};

/// What the index page says of one report.
pub(crate) struct Entry {
    /// The input's name: its path, `-`, or the record's id.
    pub(crate) source: String,
    title: String,
    verdict: &'static str,
    net: f64,
    risk: f64,
    benefit: f64,
    assessments: usize,
    quotes: usize,
}

impl Entry {
    pub(crate) fn of(report: &Report) -> Entry {
        let a = &report.analysis;
        let balance = &a.balance;
        Entry {
            source: report.source.clone(),
            title: a.document.meta.title.clone().unwrap_or_default(),
            verdict: verdict_name(balance.verdict),
            net: balance.net,
            risk: balance.risk,
            benefit: balance.benefit,
            assessments: a.assessments.len(),
            quotes: a.document.quotes.len(),
        }
    }
}

/// The file extension of a report in `format`.
fn extension(format: OutputFormat) -> &'static str {
    match format {
        OutputFormat::Text => "txt",
        OutputFormat::Json | OutputFormat::Jsonl => "json",
        OutputFormat::Markdown => "md",
        OutputFormat::Html => "html",
    }
}

/// The path, relative to the output folder, of the report of `source` (a path as given, `-`,
/// or a record's id): its components kept, but for `.`, `..` and empty ones, each character
/// that is not a letter, digit, `.`, `-` or `_` written `_`; then the format's extension.
/// `a/b.txt` gives `a/b.txt.html`; `/tmp/x.md` gives `tmp/x.md.html`; `-` gives `stdin`.
pub(crate) fn relative_path(source: &str, format: OutputFormat) -> PathBuf {
    let mut path = PathBuf::new();
    let source = if source == "-" { "stdin" } else { source };
    for part in source.split(['/', '\\']) {
        if part.is_empty() || part == "." || part == ".." {
            continue;
        }
        let clean: String = part
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        // A name of dots only would climb or stay: keep it, but not as `.` or `..`.
        path.push(if clean.chars().all(|c| c == '.') {
            clean.replace('.', "_")
        } else {
            clean
        });
    }
    if path.as_os_str().is_empty() {
        path.push("stdin");
    }
    let mut name = path.into_os_string();
    name.push(".");
    name.push(extension(format));
    PathBuf::from(name)
}

/// Writes `bytes` to `path` whole or not at all: into a temporary file beside it, then
/// renamed over it (a rename within a folder is atomic), so that a reader never sees half a
/// report, and a run stopped midway leaves no half-written file under the final name.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating folder {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(anyhow::Error::new(e).context(format!("writing {}", path.display())));
    }
    Ok(())
}

/// The index page of an `--output-dir` HTML run: one row per report, linked, with its
/// verdict and balance; a click on a column's heading sorts by it.
pub(crate) fn index_page(entries: &[(PathBuf, Entry)], failed: usize) -> String {
    let mut page = Vec::new();
    let _ = crate::html::html_head(&mut page, "crux reports");
    let mut s = String::from_utf8(page).unwrap_or_default();
    let _ = writeln!(
        s,
        "<h1>crux reports</h1>\n<p class=\"meta\">{} {}{}. Click a heading to sort; \
         the balance is benefit − risk.</p>",
        entries.len(),
        if entries.len() == 1 {
            "article"
        } else {
            "articles"
        },
        if failed > 0 {
            format!(", {failed} failed (named on standard error)")
        } else {
            String::new()
        }
    );
    s.push_str(
        "<table id=\"index\"><thead><tr><th data-key=\"text\">article</th>\
         <th data-key=\"text\">verdict</th><th data-key=\"num\">balance</th>\
         <th data-key=\"num\">risk</th><th data-key=\"num\">benefit</th>\
         <th data-key=\"num\">risks and benefits</th><th data-key=\"num\">quotes</th>\
         </tr></thead>\n<tbody>\n",
    );
    for (path, e) in entries {
        let href: Vec<String> = path
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let label = if e.title.is_empty() {
            escape(&e.source)
        } else {
            format!(
                "{}<br><small>{}</small>",
                escape(&e.title),
                escape(&e.source)
            )
        };
        let _ = writeln!(
            s,
            "<tr><td><a href=\"{}\">{label}</a></td><td class=\"v-{}\">{}</td>\
             <td data-value=\"{:.4}\">{}</td><td data-value=\"{:.4}\">{:.2}</td>\
             <td data-value=\"{:.4}\">{:.2}</td><td data-value=\"{}\">{}</td>\
             <td data-value=\"{}\">{}</td></tr>",
            escape(&href.join("/")),
            e.verdict.replace(' ', "-"),
            e.verdict,
            e.net + 0.0,
            crate::render::signed(e.net),
            e.risk,
            e.risk,
            e.benefit,
            e.benefit,
            e.assessments,
            e.assessments,
            e.quotes,
            e.quotes,
        );
    }
    s.push_str("</tbody></table>\n");
    s.push_str(SORT_SCRIPT);
    let mut foot = Vec::new();
    let _ = crate::html::html_foot(&mut foot);
    s.push_str(&String::from_utf8(foot).unwrap_or_default());
    s
}

/// Sorts the index table by the clicked column; a second click reverses.
const SORT_SCRIPT: &str = "<script>
document.querySelectorAll('#index th').forEach(function (th, col) {
  th.style.cursor = 'pointer';
  th.addEventListener('click', function () {
    var body = document.querySelector('#index tbody');
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    var num = th.dataset.key === 'num';
    rows.sort(function (a, b) {
      var x = a.cells[col], y = b.cells[col];
      var d = num ? parseFloat(x.dataset.value) - parseFloat(y.dataset.value)
                  : x.textContent.localeCompare(y.textContent);
      return asc ? d : -d;
    });
    document.querySelectorAll('#index th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
// index.html#by-balance opens sorted by balance, most negative first.
if (location.hash === '#by-balance') {
  document.querySelectorAll('#index th')[2].click();
}
</script>
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_stay_inside_the_folder() {
        let html = OutputFormat::Html;
        assert_eq!(relative_path("a/b.txt", html), Path::new("a/b.txt.html"));
        assert_eq!(relative_path("/tmp/x.md", html), Path::new("tmp/x.md.html"));
        assert_eq!(
            relative_path("../../etc/passwd", OutputFormat::Json),
            Path::new("etc/passwd.json")
        );
        assert_eq!(
            relative_path("-", OutputFormat::Text),
            Path::new("stdin.txt")
        );
        assert_eq!(
            relative_path("id 7: \"x\"", OutputFormat::Jsonl),
            Path::new("id_7___x_.json")
        );
        assert_eq!(relative_path("...", html), Path::new("___.html"));
    }
}
