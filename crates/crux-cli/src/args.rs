//! Command-line arguments (clap derive). Doc comments are the help text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// crux lays bare the argument of an opinion or analysis article: its metadata, paragraphs and
/// sentences, who is quoted, what is hedged or conceded, what it claims, and the risks and
/// benefits it weighs.
#[derive(Debug, Parser)]
#[command(name = "crux", version, about, max_term_width = 100)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,

    /// Print no progress, summary or warnings on standard error: only errors.
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print a report.
    Analyze(AnalyzeArgs),
    /// Print the JSON Schema of the `--format json` output.
    Schema(SchemaArgs),
    /// Print the risk and benefit lexicon in use (the built-in one, with any `--lexicon`
    /// files merged in), one `phrase<TAB>role<TAB>weight` entry a line: the format a
    /// `--lexicon` file takes.
    Lexicon(LexiconArgs),
    /// Summarise JSON Lines reports (`crux analyze --format jsonl` output): the balance's
    /// distribution, the most-quoted speakers and sources, the most frequent risk and
    /// benefit targets and terms.
    Summarize(SummarizeArgs),
    /// Print a shell completion script: `crux completions bash > ~/.local/share/bash-completion/completions/crux`
    /// (zsh: into a folder on `$fpath` as `_crux`; fish: `~/.config/fish/completions/crux.fish`).
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `crux man > crux.1 && man ./crux.1`.
    Man,
    /// Measure crux on labelled data sets and on crux gold annotations: precision, recall and
    /// F1 (or accuracy) per data set and category.
    Eval(EvalArgs),
}

/// Arguments of `crux summarize`.
#[derive(Debug, Args)]
pub struct SummarizeArgs {
    /// JSON Lines files of reports; `-` (or none) reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: aligned lists with bars, one JSON object, or an HTML page with charts.
    #[arg(long, short = 'f', value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

/// Output formats of `crux summarize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Aligned lists with bars.
    Text,
    /// One JSON object.
    Json,
    /// An HTML page with a chart per list.
    Html,
}

/// Arguments of `crux completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `crux schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of one line of `--format jsonl` output instead: a report, or an error line
    /// `{"source": …, "error": …}` for an input or record that failed.
    #[arg(long)]
    pub jsonl: bool,
}

/// Arguments of `crux eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Data set files or folders holding them (the labelled sets of docs/evaluation.md, named
    /// as distributed: golden_rules_en.jsonl, textacy_quote_tests.jsonl,
    /// corenlp_quote_tests.jsonl, polnear.jsonl, szeged_uncertainty_factbank.jsonl,
    /// szeged_uncertainty_wiki.jsonl, newssd_eng.jsonl, webis_editorials16.jsonl,
    /// arg_microtexts_en.jsonl, ukp_sentential.jsonl, ibm_claim_stance.jsonl,
    /// vader_nyt_documents.jsonl, vader_nyt_sentences.jsonl, iam_claims.jsonl, iam_stance.jsonl,
    /// ibm_evidence_sentences.jsonl; other files are listed as skipped), or crux gold files
    /// (*.gold.json).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: aligned tables, or the whole report as one JSON object.
    #[arg(long, short = 'f', value_enum, default_value_t = EvalFormat::Text)]
    pub format: EvalFormat,

    /// Score only this data set (repeatable). By default, every recognised file is scored.
    #[arg(long = "dataset", value_name = "NAME",
          value_parser = clap::builder::PossibleValuesParser::new(crux_eval::dataset_names()))]
    pub datasets: Vec<String>,

    /// The article a gold file annotates (one gold file only). By default, the gold file's
    /// `article` field, relative to the folder above the gold file's folder.
    #[arg(long, value_name = "FILE")]
    pub article: Option<PathBuf>,

    /// List the failing cases and rules under each table.
    #[arg(long)]
    pub show_failures: bool,
}

/// Output formats of `crux eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EvalFormat {
    /// Aligned tables, one per data set.
    Text,
    /// The report as one JSON object.
    Json,
}

/// Arguments of `crux analyze`.
#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Article files or folders (searched for .txt, .text, .md, .markdown, .mdown, .mkd,
    /// .html, .htm, .xhtml, .jsonl and .ndjson files, in path order); `-` reads standard input
    /// (JSON Lines records when its first line is an object with a "text" field).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: a readable report, one JSON object (one input only), one JSON object
    /// per line, a Markdown report, or an HTML page.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// In folders, read only the files this glob matches, or with `!` leave out those it
    /// matches (repeatable; as ripgrep's --glob, relative to the folder). Folders are walked
    /// without hidden files and what `.gitignore` or `.ignore` files name, but a file a glob
    /// matches is read all the same.
    #[arg(long = "glob", short = 'g', value_name = "GLOB")]
    pub globs: Vec<String>,

    /// How to read the input. By default, chosen from the file extension, else from the
    /// content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,

    /// The character encoding of the inputs read as articles. By default, UTF-8, or UTF-16
    /// when the input starts with its byte-order mark. Spans index the decoded text, which
    /// the JSON report holds as `text`. JSON Lines records are always UTF-8.
    #[arg(long, value_enum, value_name = "ENCODING")]
    pub encoding: Option<EncodingArg>,

    /// How many articles to analyse at once, from 1 to 256. By default, one per core; 1
    /// analyses them one after another. The output is the same, in input order, whatever the
    /// number.
    #[arg(long, short = 'j', value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=i64::from(MAX_THREADS)))]
    pub threads: Option<u16>,

    /// The largest document analysed, in bytes, or with a suffix K, M or G (powers of 1024),
    /// at most 4294967295 (4 GiB - 1: spans are 32-bit offsets). A larger document is refused
    /// with an error naming it, never cut short; the others are still analysed. For JSON
    /// Lines, each record's line counts on its own.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Add to or override the lexicons with this file (repeatable; later files win):
    /// `phrase<TAB>role<TAB>weight` risk and benefit lines, `#` comments; the role `off` removes
    /// an entry. A line `[caveats]`, `[reporting_verbs]`, `[speaker_nouns]`, `[claim_cues]`,
    /// `[cue_words]` ... starts entries of that list, in its data file's columns. `crux
    /// lexicon` prints the built-in risk and benefit entries. See docs/lexicon.md.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,

    /// Write each report to its own file in this folder (created if need be), named after its
    /// input (`a/b.txt` gives `a/b.txt.html`), each written whole or not at all; for HTML,
    /// with an index page `index.html` that links them all and sorts by balance.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output_dir: Option<PathBuf>,

    /// Colour the text report by kind: `auto` when standard output is a terminal and
    /// NO_COLOR is not set.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Fit the text report to this many columns (at least 40). By default, the terminal's
    /// width, or 100 when the output is not a terminal.
    #[arg(long, value_name = "COLUMNS",
          value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,

    /// Show a progress line on standard error while a batch runs, and a summary at its end
    /// (inputs, failures, MB/s): `auto` when standard error is a terminal and --quiet is not
    /// given.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ProgressArg::Auto)]
    pub progress: ProgressArg,

    /// With --format jsonl, a record or input that fails is answered by its error line only:
    /// the exit status stays 0, as a pipeline (Spark's `RDD.pipe`, GNU parallel) wants.
    #[arg(long)]
    pub errors_as_records: bool,
}

/// Character encodings `--encoding` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8 (a leading byte-order mark is kept, so that spans count from the file's first
    /// byte).
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// UTF-16, little-endian (a leading byte-order mark is dropped).
    #[value(name = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (a leading byte-order mark is dropped).
    #[value(name = "utf-16be")]
    Utf16Be,
    /// Windows-1252, the superset of Latin-1 (ISO-8859-1) that web pages labelled Latin-1 are
    /// decoded as.
    #[value(
        name = "windows-1252",
        alias = "latin1",
        alias = "latin-1",
        alias = "iso-8859-1",
        alias = "cp1252"
    )]
    Windows1252,
}

/// When to show progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProgressArg {
    /// When standard error is a terminal and --quiet is not given.
    Auto,
    /// Always (the line itself is drawn on a terminal only; the summary is printed anyway).
    Always,
    /// Never.
    Never,
}

/// When to colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The most threads `--threads` accepts: far more than the cores of any machine crux runs on
/// (each analyses one article; more only cost memory and start-up time).
pub(crate) const MAX_THREADS: u16 = 256;

/// Parses a size: a number of bytes, or with a suffix K, M or G (powers of 1024), at least 1
/// and at most [`crux_parser::MAX_TEXT_BYTES`], the longest text the parser accepts.
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let shift = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kb" | "kib" => 10,
        "m" | "mb" | "mib" => 20,
        "g" | "gb" | "gib" => 30,
        _ => {
            return Err(format!(
                "'{s}' is not a size: write bytes, or a number with K, M or G"
            ));
        }
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("'{s}' is not a size: write bytes, or a number with K, M or G"))?;
    let bytes = n
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("'{s}' is too large"))?;
    if bytes == 0 {
        return Err("the limit must be at least 1 byte".to_owned());
    }
    let max = crux_parser::MAX_TEXT_BYTES as u64;
    if bytes > max {
        return Err(format!(
            "'{s}' is over the limit of {max} bytes (4 GiB - 1): crux's spans are 32-bit byte \
             offsets, so it cannot analyse a document of 4 GiB or more"
        ));
    }
    Ok(bytes)
}

/// Arguments of `crux lexicon`.
#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Lexicon files to merge into the built-in one, as `crux analyze --lexicon` does.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A readable report.
    Text,
    /// One JSON object (output contract version 1).
    Json,
    /// One JSON object per input, one per line.
    Jsonl,
    /// A Markdown report per input: metadata, balance, and tables of the risks and benefits,
    /// claims, quotes, caveats and hedges held by others.
    Markdown,
    /// One self-contained HTML page: per input, the text with quotes, caveats (the writer's and
    /// others') and risks and
    /// benefits marked where they stand, and the tables behind the marks.
    Html,
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// Plain text, analysed byte for byte.
    Text,
    /// Markdown.
    Markdown,
    /// HTML.
    Html,
    /// JSON Lines: one `{"id": …, "text": …}` record per line, each analysed as plain text.
    Jsonl,
}
