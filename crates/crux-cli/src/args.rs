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
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles and print a report.
    Analyze(AnalyzeArgs),
    /// Print the JSON Schema of the `--format json` output.
    Schema,
    /// Print the risk and benefit lexicon in use (the built-in one, with any `--lexicon`
    /// files merged in), one `phrase<TAB>role<TAB>weight` entry a line: the format a
    /// `--lexicon` file takes.
    Lexicon(LexiconArgs),
    /// Measure crux on labelled data sets and on crux gold annotations: precision, recall and
    /// F1 (or accuracy) per data set and category.
    Eval(EvalArgs),
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
    /// Article files or folders (searched for .txt, .md, .markdown, .html, .htm and .jsonl
    /// files, in path order); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format: a readable report, one JSON object (one input only), one JSON object
    /// per line, a Markdown report, or an HTML page.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    /// How to read the input. By default, chosen from the file extension, else from the
    /// content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormatArg>,

    /// How many articles to analyse at once, from 1 to 256. By default, one per core; 1
    /// analyses them one after another. The output is the same, in input order, whatever the
    /// number.
    #[arg(long, short = 'j', value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=i64::from(MAX_THREADS)))]
    pub threads: Option<u16>,

    /// The largest document analysed, in bytes, or with a suffix K, M or G (powers of 1024).
    /// A larger one is refused with an error naming it, never cut short; the others are still
    /// analysed. For JSON Lines, each record's line counts on its own.
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Add to or override the risk and benefit lexicon with this file (repeatable; later files
    /// win): `phrase<TAB>role<TAB>weight` lines, `#` comments; the role `off` removes an entry.
    /// `crux lexicon` prints the built-in entries. See docs/scoring.md.
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
}

/// The most threads `--threads` accepts: far more than the cores of any machine crux runs on
/// (each analyses one article; more only cost memory and start-up time).
pub(crate) const MAX_THREADS: u16 = 256;

/// Parses a size: a number of bytes, or with a suffix K, M or G (powers of 1024), at least 1.
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
    /// claims, quotes and caveats.
    Markdown,
    /// One self-contained HTML page: per input, the text with quotes, caveats and risks and
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
