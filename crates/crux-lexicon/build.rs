//! Builds the lexicon table at compile time: parses every data file in `data/`, folds each
//! entry's words with the one folding rule (`src/fold.rs`), and writes `table.rs` into
//! `OUT_DIR`: every entry in file order, the words (an open-addressed table hashed with the
//! same hash the library looks words up with) and, for each word, every entry that starts with
//! it, in every lexicon. A malformed line or an entry without a `# source:` fails the build.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code, unreachable_pub)]
mod fold {
    include!("src/fold.rs");
}

/// The data files, in load order, with the kind of their entries (a variant of `Kind`) and
/// whether they have a category column (one-column files take the kind as category).
const FILES: &[(&str, &str, bool)] = &[
    ("abbreviations.txt", "Abbreviation", true),
    ("sentence_starters.txt", "SentenceStarter", false),
    ("byline-roles.txt", "BylineRole", false),
    ("name-particles.txt", "NameParticle", false),
    ("tagline-roles.txt", "TaglineRole", false),
    ("caveat_senses.tsv", "CaveatSense", true),
    ("caveats.tsv", "Caveat", true),
    ("claim_cues.tsv", "ClaimCue", true),
    ("claim_frames.tsv", "ClaimFrame", true),
    ("evaluative_valence.tsv", "Valence", true),
    ("event_words.txt", "EventWord", false),
    ("mention_words.tsv", "MentionWord", true),
    ("partitives.tsv", "Partitive", true),
    ("reporting_verbs.tsv", "ReportingVerb", true),
    ("speaker_nouns.tsv", "SpeakerNoun", true),
    ("risk_benefit.tsv", "Assessment", true),
    ("evaluative.tsv", "Assessment", true),
    ("harm_gain.tsv", "Assessment", true),
    ("cue_words.tsv", "Cue", true),
];

/// The order of the kinds, as in `Kind` (its discriminants).
const KINDS: &[&str] = &[
    "Abbreviation",
    "SentenceStarter",
    "BylineRole",
    "NameParticle",
    "TaglineRole",
    "CaveatSense",
    "Caveat",
    "ClaimCue",
    "ClaimFrame",
    "Valence",
    "EventWord",
    "MentionWord",
    "Partitive",
    "ReportingVerb",
    "SpeakerNoun",
    "Assessment",
    "Cue",
];

struct Entry {
    kind: usize,
    file: &'static str,
    line: usize,
    form: String,
    words: Vec<String>,
    category: String,
    fields: Vec<String>,
    source: String,
}

fn kebab_to_camel(s: &str) -> String {
    s.split(['-', '+'])
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    // The manifest directory of this build, read when the script runs: `env!` would bake in
    // the directory the script was compiled in, and a target directory shared between
    // checkouts (a worktree seeded from another's target/) would then read the other
    // checkout's data files.
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = Path::new(&manifest).join("data");
    println!("cargo::rerun-if-changed=src/fold.rs");
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    for &(file, kind, has_category) in FILES {
        let path = dir.join(file);
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let kind_index = KINDS.iter().position(|k| *k == kind).expect("known kind");
        let mut source: Option<String> = None;
        for (n, raw) in text.lines().enumerate() {
            let line_no = n + 1;
            if let Some(s) = raw.trim_start().strip_prefix("# source:") {
                source = Some(s.trim().to_owned());
                continue;
            }
            let line = raw.split('#').next().unwrap_or("");
            if line.trim().is_empty() {
                continue;
            }
            let mut fields: Vec<String> = line.split('\t').map(|f| f.trim().to_owned()).collect();
            let mut own_source = None;
            fields.retain(|f| match f.strip_prefix("source:") {
                Some(s) => {
                    own_source = Some(s.trim().to_owned());
                    false
                }
                None => true,
            });
            let Some(source) = own_source
                .or_else(|| source.clone())
                .filter(|s| !s.is_empty())
            else {
                errors.push(format!(
                    "{file}:{line_no}: entry with no `# source:` above it"
                ));
                continue;
            };
            let mut form = fields.remove(0);
            if form.len() >= 2 && form.starts_with('"') && form.ends_with('"') {
                form = form[1..form.len() - 1].to_owned();
            }
            let category = if has_category {
                if fields.is_empty() {
                    errors.push(format!("{file}:{line_no}: expected entry<TAB>category"));
                    continue;
                }
                fields.remove(0)
            } else {
                let mut k = String::new();
                for (i, c) in kind.chars().enumerate() {
                    if c.is_ascii_uppercase() && i > 0 {
                        k.push('-');
                    }
                    k.push(c.to_ascii_lowercase());
                }
                k
            };
            let mut words = Vec::new();
            for w in form.split_whitespace() {
                match fold::fold(w) {
                    Some(f) => words.push(f.as_str().to_owned()),
                    None => errors.push(format!("{file}:{line_no}: word too long: {w:?}")),
                }
            }
            if words.is_empty() {
                errors.push(format!("{file}:{line_no}: empty entry"));
                continue;
            }
            entries.push(Entry {
                kind: kind_index,
                file,
                line: line_no,
                form,
                words,
                category,
                fields,
                source,
            });
        }
    }
    assert!(
        errors.is_empty(),
        "malformed lexicon data:\n{}",
        errors.join("\n")
    );

    // The cue categories, in the order they first appear: the variants of `Cue`.
    let cue_kind = KINDS.iter().position(|k| *k == "Cue").expect("Cue");
    let mut cues: Vec<String> = Vec::new();
    for e in entries.iter().filter(|e| e.kind == cue_kind) {
        if !cues.contains(&e.category) {
            cues.push(e.category.clone());
        }
    }
    assert!(cues.len() <= 64, "more than 64 cue categories");

    // Each first word's entries: by kind, longest first, then in file order.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let list = by_word.entry(e.words[0].clone()).or_insert_with(|| {
            order.push(e.words[0].clone());
            Vec::new()
        });
        list.push(i);
    }
    let assessment = KINDS
        .iter()
        .position(|k| *k == "Assessment")
        .expect("Assessment");
    for list in by_word.values_mut() {
        // An assessment entry listed again (same words) replaces the earlier one, and takes
        // the place of the later one, as a user's entry does (see crux-analysis).
        let mut kept: Vec<usize> = Vec::new();
        for &i in list.iter() {
            if entries[i].kind == assessment {
                kept.retain(|&k| {
                    entries[k].kind != assessment || entries[k].words != entries[i].words
                });
                if entries[i].category == "off" {
                    continue;
                }
            }
            kept.push(i);
        }
        kept.sort_by_key(|&i| (entries[i].kind, std::cmp::Reverse(entries[i].words.len())));
        *list = kept;
    }

    let mut out = String::new();
    out.push_str("// Generated by build.rs from data/: do not edit.\n\n");
    // The cue enum.
    out.push_str(
        "/// A category of `data/cue_words.tsv`: a closed class of words a parser rule tests.\n",
    );
    out.push_str(
        "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]\n#[non_exhaustive]\npub enum Cue {\n",
    );
    for c in &cues {
        let _ = writeln!(out, "    /// `{c}`\n    {},", kebab_to_camel(c));
    }
    out.push_str("}\n\nimpl Cue {\n    /// Every cue category, in file order.\n    pub const ALL: &'static [Cue] = &[");
    for c in &cues {
        let _ = write!(out, "Cue::{}, ", kebab_to_camel(c));
    }
    out.push_str("];\n\n    /// Its category name in the data file.\n    #[must_use]\n    pub fn name(self) -> &'static str {\n        match self {\n");
    for c in &cues {
        let _ = writeln!(out, "            Cue::{} => {c:?},", kebab_to_camel(c));
    }
    out.push_str("        }\n    }\n}\n\n");

    // Every entry.
    let _ = writeln!(out, "static ENTRIES: [Entry; {}] = [", entries.len());
    for e in &entries {
        let cue = if e.kind == cue_kind {
            let i = cues.iter().position(|c| *c == e.category).unwrap_or(0);
            format!("Some(Cue::{})", kebab_to_camel(&cues[i]))
        } else {
            "None".to_owned()
        };
        let value = match e.fields.first().and_then(|f| f.parse::<f64>().ok()) {
            Some(v) if v.is_finite() => format!("Some({v:?}_f64)"),
            _ => "None".to_owned(),
        };
        let _ = writeln!(
            out,
            "    Entry {{ kind: Kind::{}, cue: {cue}, form: {:?}, words: &{:?}, category: {:?}, fields: &{:?}, value: {value}, source: {:?}, file: {:?}, line: {} }},",
            KINDS[e.kind], e.form, e.words, e.category, e.fields, e.source, e.file, e.line
        );
    }
    out.push_str("];\n\n");

    // The words and the table.
    let _ = writeln!(out, "static WORDS: [Word; {}] = [", order.len());
    let mut max_len = 0;
    for w in &order {
        let list = &by_word[w];
        max_len = max_len.max(w.len());
        let mut kinds = 0u32;
        let mut single = 0u32;
        let mut multi = 0u32;
        let mut cue_bits = 0u64;
        for &i in list {
            let e = &entries[i];
            kinds |= 1 << e.kind;
            if e.words.len() > 1 {
                multi |= 1 << e.kind;
            }
            if e.words.len() == 1 {
                single |= 1 << e.kind;
                if e.kind == cue_kind && e.form == e.form.trim() {
                    cue_bits |= 1 << cues.iter().position(|c| *c == e.category).unwrap_or(0);
                }
            }
        }
        let short = fold::short_key(w.as_bytes());
        let refs: Vec<String> = list.iter().map(|i| format!("&ENTRIES[{i}]")).collect();
        let _ = writeln!(
            out,
            "    Word {{ key: {w:?}, short: {short}, kinds: {kinds}, single: {single}, multi: {multi}, cues: {cue_bits}, entries: &[{}] }},",
            refs.join(", ")
        );
    }
    out.push_str("];\n\n");
    // At most a quarter full: a word that is not listed (most words) usually meets an empty
    // slot at once.
    let size = (order.len() * 4).next_power_of_two().max(16);
    let mask = size - 1;
    let mut slots = vec![0u32; size];
    for (i, w) in order.iter().enumerate() {
        let h = fold::word_hash(w.as_bytes());
        let mut s = usize::try_from(h >> 32).unwrap_or_default() & mask;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        // The word's index, from 1, and 16 more bits of its hash to tell most other words
        // in the slot without reading the word.
        let index = u32::try_from(i + 1).expect("fewer than 2^32 words");
        // Fewer than 2^16 - 2 words: a `Probe` keeps an index in 16 bits beside two marks.
        assert!(index < (1 << 16) - 2, "fewer than 65534 words");
        slots[s] = index | (u32::try_from(h & 0xffff).unwrap_or(0) << 16);
    }
    let _ = writeln!(out, "const MAX_KEY: usize = {max_len};");
    let _ = writeln!(out, "const MASK: usize = {mask};");
    let _ = writeln!(out, "static SLOTS: [u32; {size}] = {slots:?};");
    // Each cue's entries, in file order.
    out.push_str("static CUE_ENTRIES: [&[u32]; ");
    let _ = write!(out, "{}] = [", cues.len());
    for c in &cues {
        let idx: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == cue_kind && e.category == *c)
            .map(|(i, _)| i)
            .collect();
        let _ = write!(out, "&{idx:?}, ");
    }
    out.push_str("];\n");
    // The sections of a user's lexicon: each data file's name without its extension.
    out.push_str("static SECTIONS: &[(&str, Kind, bool)] = &[");
    for &(file, kind, has_category) in FILES {
        let stem = file.split('.').next().unwrap_or(file);
        let _ = write!(out, "({stem:?}, Kind::{kind}, {has_category}), ");
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("table.rs");
    std::fs::write(dest, out).expect("write table.rs");
}
