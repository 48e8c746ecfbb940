//! Bylines: the line that names an article's authors.
//!
//! A byline is read in four steps:
//!
//! 1. **Prefix.** It starts with "By" (or "Written by", "Words by", "Story by", "Reporting by",
//!    "Posted by", in any case, optionally followed by a colon). A line of names without "By"
//!    ("Jane Doe and John Roe") is too easily a title or a sentence fragment, so plain text
//!    needs the prefix; only a block the markup already marks as a byline may omit it.
//! 2. **Date.** A stamp at the end, after `,`, `|`, `—`, `–`, ` - `, `•`, `·`, `/` or "on",
//!    gives the date: "By Robert Chesney | August 7, 2011", "By Robert Chesney — Aug. 7, 2011".
//! 3. **Affiliation.** The first of `|`, `—`, `–`, ` - `, `•`, `·`, `/` ends the names: what
//!    follows ("Reuters", "The New York Times") is dropped.
//! 4. **Names.** The rest is split at commas and at the words "and" and "&" ("By A, B, and C").
//!    Each piece must be a personal name (see [`is_name`]), a role or affiliation ("Staff
//!    Writer", "The New York Times", "Reuters": a piece with a word from
//!    `data/byline-roles.txt`, or after the first name any capitalised piece that is not a name),
//!    or a suffix ("Jr.") that joins the name before it. Any other piece (lower-case words, a
//!    clause) means the line is a sentence, not a byline: "By the time we arrived, …" is
//!    rejected because "the time we arrived" is neither a name nor a role.
//!
//! Names are kept as written, only with their white space collapsed: "By JANE DOE" gives
//! "JANE DOE". Re-casing cannot be done right without a dictionary ("MCDONALD" → "McDonald",
//! "VAN DER BERG" → "van der Berg"), and a wrong re-casing is worse than the site's own style.

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while, take_while1};
use nom::character::complete::{char, satisfy};
use nom::combinator::{not, opt, recognize};
use nom::{IResult, Parser};

use crate::date::{Stamp, stamp_line};

/// Parser result. The error is `()`: a failed parse only means "not a byline".
type Res<'a, T> = IResult<&'a str, T, ()>;

/// What a byline says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Byline {
    /// The authors, in order, as written (white space collapsed). May be empty for a byline
    /// that names only a role ("By the Editorial Board").
    pub(crate) authors: Vec<String>,
    /// The stamp at its end, if any.
    pub(crate) stamp: Option<Stamp>,
}

/// Reads `line` as a byline. With `need_by`, it must start with "By" (module docs).
pub(crate) fn byline(line: &str, need_by: bool) -> Option<Byline> {
    let line = line.trim();
    let rest = match by_prefix(line) {
        Ok((rest, _)) => rest,
        Err(_) if !need_by => line,
        Err(_) => return None,
    };
    let (names, stamp) = split_stamp(rest);
    let names = names
        .split(['|', '—', '–', '•', '·', '/'])
        .next()
        .unwrap_or("")
        .split(" - ")
        .next()
        .unwrap_or("");
    let mut authors: Vec<String> = Vec::new();
    let mut roles = 0usize;
    for comma_piece in names.split(',') {
        for piece in and_pieces(comma_piece) {
            match piece.as_slice() {
                [] => {}
                words if is_suffix(words) => {
                    let last = authors.last_mut()?;
                    for w in words {
                        last.push(' ');
                        last.push_str(w);
                    }
                }
                words if has_role_word(words) => roles += 1,
                words if is_name(words) => authors.push(words.join(" ")),
                words if !authors.is_empty() && is_affiliation(words) => roles += 1,
                _ => return None,
            }
        }
    }
    if authors.is_empty() && roles == 0 {
        return None;
    }
    Some(Byline { authors, stamp })
}

/// A line of its own under a byline that only gives a role or affiliation: "Staff Writer",
/// "Washington Post Staff Writer", "Special to The Times" (at most six words, one of them from
/// `data/byline-roles.txt`).
pub(crate) fn is_role_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().take(7).collect();
    words.len() <= 6 && has_role_word(&words)
}

/// "By", "BY:", "Written by": the prefix up to the names.
fn by_prefix(i: &str) -> Res<'_, &str> {
    let lead = alt((
        tag_no_case("written"),
        tag_no_case("words"),
        tag_no_case("story"),
        tag_no_case("reporting"),
        tag_no_case("posted"),
    ));
    recognize((
        opt((lead, ws)),
        tag_no_case("by"),
        not(satisfy(char::is_alphanumeric)),
        take_while(char::is_whitespace),
        opt(char(':')),
        take_while(char::is_whitespace),
    ))
    .parse(i)
}

fn ws(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

/// Splits a stamp off the end of `rest`: the earliest separator after which the rest of the
/// line is a stamp with a date. Bylines are short (the header caps lines at 150 characters), so
/// trying each separator is cheap.
fn split_stamp(rest: &str) -> (&str, Option<Stamp>) {
    const SEPARATORS: &[&str] = &[",", "|", "—", "–", " - ", "•", "·", "/", " on ", " On "];
    for (at, _) in rest.char_indices() {
        let tail = &rest[at..];
        for sep in SEPARATORS {
            if let Some(after) = tail.strip_prefix(sep)
                && let Some(stamp) = stamp_line(after).filter(|s| s.date.is_some())
            {
                return (&rest[..at], Some(stamp));
            }
        }
    }
    (rest, None)
}

/// The words of `piece` grouped at "and" and "&": "Jane Doe and John Roe" gives two groups;
/// " and C" (after an Oxford comma) gives an empty group and "C".
fn and_pieces(piece: &str) -> Vec<Vec<&str>> {
    let mut groups = vec![Vec::new()];
    for word in piece.split_whitespace() {
        if word == "&" || word.eq_ignore_ascii_case("and") {
            groups.push(Vec::new());
        } else if let Some(group) = groups.last_mut() {
            group.push(word);
        }
    }
    groups
}

/// "Jr.", "Sr.", "II", "III", "IV", "PhD": a suffix written after a comma.
fn is_suffix(words: &[&str]) -> bool {
    matches!(
        words,
        [w] if ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "PhD", "Ph.D.", "M.D."].contains(w)
    )
}

fn has_role_word(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        crate::lexicon::lookup(w).is_some_and(|w| w.single(crate::lexicon::Kind::BylineRole))
    })
}

/// A personal name: two to six words, each a capitalised word ("Chesney", "O'Brien",
/// "Smith-Jones", "DOE", "Jr."), an initial ("J.", "J.R.", "J") or a particle ("de", "van",
/// "bin"; "al-Assad"), starting with a capitalised word or initial and ending with one or a
/// joined particle ("Bashar al-Assad"). A single word is
/// not enough: "By Reuters" names an agency, "By Staff" a role.
pub(crate) fn is_name(words: &[&str]) -> bool {
    if !(2..=6).contains(&words.len()) {
        return false;
    }
    let capital = |w: &str| is_capitalised(w) || is_initial(w);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    capital(first)
        && (capital(last) || is_particle_compound(last))
        && words
            .iter()
            .all(|w| capital(w) || is_particle(w) || is_particle_compound(w))
}

/// "Chesney", "O'Brien", "McDonald", "Smith-Jones", "DOE", "St.": an upper-case letter, then
/// letters, apostrophes, hyphens and at most a final full stop.
fn is_capitalised(w: &str) -> bool {
    let body = w.strip_suffix('.').unwrap_or(w);
    let mut chars = body.chars();
    chars.next().is_some_and(char::is_uppercase)
        && body.chars().count() >= 2
        && chars.all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// "J.", "J.R.", "J": one to three single capital letters, each with an optional full stop.
fn is_initial(w: &str) -> bool {
    let mut letters = 0;
    let mut chars = w.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
        if chars.peek() == Some(&'.') {
            chars.next();
        }
    }
    (1..=3).contains(&letters)
}

fn is_particle(w: &str) -> bool {
    crux_lexicon::is_exactly_of(w, crate::lexicon::Kind::NameParticle)
}

/// "al-Assad", "d'Alembert": a particle joined to a capitalised word.
fn is_particle_compound(w: &str) -> bool {
    w.split_once(['-', '\'', '’'])
        .is_some_and(|(p, rest)| (is_particle(p) || p == "d" || p == "l") && is_capitalised(rest))
}

/// After a name: a publication or place ("Reuters", "The New York Times", "Mexico City"), up to
/// eight words starting with a capital letter or a digit.
fn is_affiliation(words: &[&str]) -> bool {
    words.len() <= 8
        && words
            .first()
            .and_then(|w| w.chars().next())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str) -> Option<Vec<String>> {
        byline(line, true).map(|b| b.authors)
    }

    #[track_caller]
    fn check(line: &str, expected: &[&str]) {
        assert_eq!(
            authors(line),
            Some(expected.iter().map(|s| (*s).to_owned()).collect()),
            "{line:?}"
        );
    }

    #[test]
    fn names() {
        check("By Robert Chesney", &["Robert Chesney"]);
        check("BY: Robert Chesney", &["Robert Chesney"]);
        check("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]);
        check("By Jane Doe & John Roe", &["Jane Doe", "John Roe"]);
        check(
            "By Ann Lee, Bo Chan and Cy Diaz",
            &["Ann Lee", "Bo Chan", "Cy Diaz"],
        );
        check(
            "By Ann Lee, Bo Chan, and Cy Diaz",
            &["Ann Lee", "Bo Chan", "Cy Diaz"],
        );
        check("By JANE DOE", &["JANE DOE"]);
        check("BY JANE DOE AND JOHN ROE", &["JANE DOE", "JOHN ROE"]);
        check("By J.R. Smith", &["J.R. Smith"]);
        check("By J. K. Rowling", &["J. K. Rowling"]);
        check("By Ludwig van Beethoven", &["Ludwig van Beethoven"]);
        check("By Bashar al-Assad", &["Bashar al-Assad"]);
        check("By Conan O'Brien", &["Conan O'Brien"]);
        check("By José Calderón", &["José Calderón"]);
        check("By Martin Luther King, Jr.", &["Martin Luther King Jr."]);
        check("Written by Jane\u{a0}Doe", &["Jane Doe"]);
    }

    #[test]
    fn roles_and_affiliations_are_dropped() {
        check("By Jane Doe, Staff Writer", &["Jane Doe"]);
        check("By Jane Doe | Reuters", &["Jane Doe"]);
        check("By Jane Doe, The New York Times", &["Jane Doe"]);
        check("By Jane Doe, Reuters", &["Jane Doe"]);
        check("By Jane Doe - Associated Press", &["Jane Doe"]);
        check(
            "By Jane Doe, Staff Writer, and John Roe, Correspondent",
            &["Jane Doe", "John Roe"],
        );
        check("By the Editorial Board", &[]);
    }

    #[test]
    fn with_a_date() {
        for line in [
            "By Robert Chesney | August 7, 2011",
            "By Robert Chesney — Aug. 7, 2011",
            "By Robert Chesney, Aug. 7, 2011",
            "By Robert Chesney on August 7, 2011 at 7:24 PM",
        ] {
            let b = byline(line, true).expect(line);
            assert_eq!(b.authors, ["Robert Chesney"], "{line:?}");
            let date = b.stamp.and_then(|s| s.date).map(|d| d.to_string());
            assert_eq!(date.as_deref(), Some("2011-08-07"), "{line:?}");
        }
    }

    #[test]
    fn sentences_are_not_bylines() {
        for line in [
            "By the time we arrived, the shop was closed.",
            "By then, officials had left",
            "By 2012 the program had grown",
            "By contrast, Mexico",
            "Bypass the system",
            "By",
            "By Robert",
            "By Jane Doe, who covered Mexico for years",
            "Jane Doe and John Roe",
            "",
        ] {
            assert_eq!(authors(line), None, "{line:?}");
        }
    }

    #[test]
    fn markup_bylines_may_omit_by() {
        let b = byline("Jane Doe and John Roe", false).expect("byline");
        assert_eq!(b.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(byline("the time we arrived", false), None);
    }
}
