//! An op-ed's closing tagline: the paragraph after the article that says who wrote it ("John
//! Stossel is the host of …", "Jane Doe, Jr. is a columnist for …"). It is about the writer, not
//! part of the argument: its paragraph is meta, and its name is an author.
//!
//! A paragraph is a tagline when it opens with a personal name (two to six capitalised words or
//! initials, optionally with a suffix after a comma: "John R Lott, Jr"), then "is a", "is an" or
//! "is the", and one of the next three words is an occupation noun from
//! `data/tagline-roles.txt` ("columnist", "host", "professor"). Body sentences of that shape
//! ("Mike Pence is a model of humility") are told apart by the occupation noun; a single name
//! ("Carson is a …") is not enough, since news reports describe the people they quote that way.

use super::byline::is_name;

/// How many words after the article are looked at for the occupation noun.
const ROLE_WINDOW: usize = 3;

/// The writer's name when `paragraph` is a closing tagline (module docs), white space collapsed.
pub(crate) fn tagline(paragraph: &str) -> Option<String> {
    // Bounded: a tagline names its writer in the first few words.
    let head: Vec<&str> = paragraph.split_whitespace().take(16).collect();
    let is = head.iter().position(|w| *w == "is")?;
    let (name, rest) = (&head[..is], &head[is + 1..]);
    let article = rest.first()?;
    if !["a", "an", "the"].contains(article) {
        return None;
    }
    let occupation = rest[1..].iter().take(ROLE_WINDOW).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        crate::lexicon::lookup(w).is_some_and(|w| w.single(crate::lexicon::Kind::TaglineRole))
    });
    if !occupation {
        return None;
    }
    // "John R Lott, Jr": a suffix after a comma joins the name.
    let comma = name.iter().position(|w| w.ends_with(','));
    let (person, suffix) = match comma {
        Some(c) if c + 1 < name.len() => (&name[..=c], Some(&name[c + 1..])),
        Some(_) => return None,
        None => (name, None),
    };
    let person: Vec<&str> = person.iter().map(|w| w.trim_end_matches(',')).collect();
    let suffix_ok = suffix.is_none_or(
        |s| matches!(s, [w] if ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV", "PhD"].contains(w)),
    );
    if !suffix_ok || !is_name(&person) {
        return None;
    }
    let mut out = person.join(" ");
    if let Some(suffix) = suffix {
        out.push_str(", ");
        out.push_str(&suffix.join(" "));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::tagline;

    #[test]
    fn taglines_name_the_writer() {
        let cases = [
            (
                "Jane Q Roe is a columnist for the Daily Planet. She lives in Ohio.",
                "Jane Q Roe",
            ),
            (
                "Sam  Poe, Jr  is an economist and business professor.",
                "Sam Poe, Jr",
            ),
            (
                "Ann Lee is the host of \"Lee Tonight\", a weekly show.",
                "Ann Lee",
            ),
            (
                "Dr  Max Weir is a psychiatrist and member of a panel.",
                "Dr Max Weir",
            ),
        ];
        for (text, name) in cases {
            assert_eq!(tagline(text).as_deref(), Some(name), "{text}");
        }
    }

    #[test]
    fn body_sentences_of_the_same_shape_are_not() {
        for text in [
            "Max Weir is a model of restraint and calm.",
            "Weir is a columnist who rarely writes about money.",
            "The plan is a columnist's dream.",
            "Jane Roe said she is a writer.",
            "Jane Roe, the mayor, is a lawyer by training.",
        ] {
            assert_eq!(tagline(text), None, "{text}");
        }
    }
}
