//! Dates and times as news sites write them, normalised to `YYYY-MM-DD` and 24-hour `HH:MM`.
//!
//! A *stamp* is a whole line (or attribute value) that says when an article was published:
//!
//! - an optional prefix: "Updated", "Published", "Posted", "Last updated", "First published",
//!   "Modified", each optionally followed by "on"/"at" and a colon;
//! - then one of
//!   - an ISO 8601 date, optionally with a time: "2011-08-07", "2011-08-07T19:24:00-04:00",
//!     "2011-08-07 19:24";
//!   - a written date, optionally after a weekday and optionally followed by a time:
//!     "Sunday, August 7, 2011, 7:24 PM", "Aug. 7, 2011", "Aug 7 2011", "Sept. 7, 2011",
//!     "August 7th, 2011", "7 August 2011", "Sunday 7 August 2011",
//!     "August 7, 2011 at 7:24 p.m. ET";
//!   - a time followed by a date: "7:24 PM, Aug. 7, 2011";
//!   - a time alone: "7:24 PM", "19:24".
//!
//! Between a date and a time any of `, | • · — – - / @`, the word "at", or white space (the
//! no-break space included) may stand. A time is `H:MM` or `HH:MM` with optional seconds and
//! fraction, an optional "AM"/"PM"/"a.m."/"p.m." in any case, and an optional zone ("ET",
//! "GMT", "Z", "-04:00"). The zone is read and dropped: the time kept is the wall-clock time the
//! article states, because converting zones would need a zone database and the contract asks
//! for the time as published.
//!
//! Numeric dates with slashes are read month first ("8/7/2011" is August 7), the order of US
//! news sites, which write most English-language news; when the first number cannot be a month
//! ("25/12/2011") they are read day first. Two-digit years ("8/7/11") and dotted numeric dates
//! ("07.08.2011", day first in most of Europe) are rejected: the century or order is a guess.
//!
//! Impossible dates and times are rejected, not clamped: February 30, month 13, hour 25,
//! "13:05 PM". Years must have four digits. A failed parse means only "not a stamp", so the
//! parsers use `()` as their error type: there is nothing to report.

use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{tag_no_case, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{all_consuming, map_opt, not, opt, recognize, value, verify};
use nom::sequence::{preceded, terminated};
use nom::{Finish, IResult, Parser};

/// Parser result. The error is `()`: a failed parse only means "not a date here".
type Res<'a, T> = IResult<&'a str, T, ()>;

/// A calendar date that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Date {
    // Invariant: 1000 <= year <= 9999, 1 <= month <= 12, 1 <= day <= days in that month.
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists in the Gregorian calendar (four-digit years only).
    fn new(year: u32, month: u32, day: u32) -> Option<Date> {
        let leap =
            year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if !(1000..=9999).contains(&year) || day == 0 || day > days {
            return None;
        }
        Some(Date {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        })
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A time of day, minutes precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Time {
    // Invariant: hour <= 23, minute <= 59.
    hour: u8,
    minute: u8,
}

impl Time {
    /// The time from a clock reading; `pm` is `None` for a 24-hour clock, else whether it was
    /// "PM". On the 12-hour clock 12 AM is midnight and 12 PM is noon.
    fn new(hour: u32, minute: u32, pm: Option<bool>) -> Option<Time> {
        let hour = match pm {
            None if hour <= 23 => hour,
            Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
            _ => return None,
        };
        if minute > 59 {
            return None;
        }
        Some(Time {
            hour: u8::try_from(hour).ok()?,
            minute: u8::try_from(minute).ok()?,
        })
    }
}

impl fmt::Display for Time {
    /// `HH:MM`, 24-hour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour, self.minute)
    }
}

/// What a stamp line says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The date, if the stamp has one (a bare time has none).
    pub(crate) date: Option<Date>,
    /// The time, if given.
    pub(crate) time: Option<Time>,
    /// Whether the stamp is an update ("Updated …", "Last updated …", "Modified …") rather than
    /// the publication.
    pub(crate) updated: bool,
}

/// Parses `s` as a whole as a stamp (see the module docs); surrounding white space is allowed.
pub(crate) fn stamp_line(s: &str) -> Option<Stamp> {
    let line = (ws0, opt(prefix), stamp, ws0);
    let (_, (_, updated, (date, time), _)) = all_consuming(line).parse(s).finish().ok()?;
    Some(Stamp {
        date,
        time,
        updated: updated.unwrap_or(false),
    })
}

/// "Updated:", "Published on", "Last updated at": whether it announces an update.
fn prefix(i: &str) -> Res<'_, bool> {
    let word = alt((
        value(true, (tag_no_case("last"), ws, tag_no_case("updated"))),
        value(false, (tag_no_case("first"), ws, tag_no_case("published"))),
        value(true, tag_no_case("updated")),
        value(true, tag_no_case("modified")),
        value(false, tag_no_case("published")),
        value(false, tag_no_case("posted")),
    ));
    let on = opt((ws, alt((tag_no_case("on"), tag_no_case("at"))), end_of_word));
    terminated(word, (end_of_word, on, ws0, opt(char(':')), ws0)).parse(i)
}

/// A date with or without time, or a time alone.
fn stamp(i: &str) -> Res<'_, (Option<Date>, Option<Time>)> {
    alt((
        // "2011-08-07T19:24:00-04:00"
        (terminated(iso_date, one_of("Tt")).map(Some), time.map(Some)),
        // "7:24 PM, Aug. 7, 2011"
        (terminated(time, (sep, opt(weekday))), date.map(Some)).map(|(t, d)| (d, Some(t))),
        // "Sunday, August 7, 2011, 7:24 PM", "2011-08-07 19:24", "7 August 2011"
        (
            preceded(opt(weekday), date).map(Some),
            opt(preceded(sep, time)),
        ),
        // "7:24 PM"
        time.map(|t| (None, Some(t))),
    ))
    .parse(i)
}

/// Any date form.
fn date(i: &str) -> Res<'_, Date> {
    alt((iso_date, month_day_year, day_month_year, slashed_date)).parse(i)
}

/// "2011-08-07".
fn iso_date(i: &str) -> Res<'_, Date> {
    map_opt(
        (
            number(4, 4),
            char('-'),
            number(2, 2),
            char('-'),
            number(2, 2),
        ),
        |(y, _, m, _, d)| Date::new(y, m, d),
    )
    .parse(i)
}

/// "August 7, 2011", "Aug. 7, 2011", "Aug 7 2011", "August 7th, 2011".
fn month_day_year(i: &str) -> Res<'_, Date> {
    map_opt(
        (month, ws0, day, comma_or_space, year),
        |(m, _, d, _, y)| Date::new(y, m, d),
    )
    .parse(i)
}

/// "7 August 2011", "7th of August, 2011".
fn day_month_year(i: &str) -> Res<'_, Date> {
    map_opt(
        (
            day,
            ws,
            opt((tag_no_case("of"), ws)),
            month,
            comma_or_space,
            year,
        ),
        |(d, _, _, m, _, y)| Date::new(y, m, d),
    )
    .parse(i)
}

/// "8/7/2011": month first unless the first number cannot be a month (module docs).
fn slashed_date(i: &str) -> Res<'_, Date> {
    map_opt(
        (number(1, 2), char('/'), number(1, 2), char('/'), year),
        |(a, _, b, _, y)| {
            if a > 12 {
                Date::new(y, b, a)
            } else {
                Date::new(y, a, b)
            }
        },
    )
    .parse(i)
}

/// "7:24", "7:24 PM", "19:24:00.000Z", "7:24 p.m. ET".
fn time(i: &str) -> Res<'_, Time> {
    let clock = (
        number(1, 2),
        char(':'),
        number(2, 2),
        opt((char(':'), number(2, 2), opt((char('.'), digits)))),
    );
    map_opt(
        (
            clock,
            opt(preceded(ws0, meridiem)),
            opt(preceded(ws0, zone)),
        ),
        |((h, _, m, _), pm, _)| Time::new(h, m, pm),
    )
    .parse(i)
}

/// "AM"/"PM", "a.m."/"p.m." in any case: whether it is PM.
fn meridiem(i: &str) -> Res<'_, bool> {
    terminated(
        alt((
            value(false, tag_no_case("a.m.")),
            value(true, tag_no_case("p.m.")),
            value(false, tag_no_case("am")),
            value(true, tag_no_case("pm")),
        )),
        end_of_word,
    )
    .parse(i)
}

/// A time zone: a UTC offset ("-04:00", "+0100") or a common abbreviation ("ET", "GMT", "Z").
fn zone(i: &str) -> Res<'_, ()> {
    const ZONES: &[&str] = &[
        "Z", "UTC", "GMT", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
        "PDT", "AKST", "AKDT", "HST", "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "WEST",
        "MSK", "JST", "KST", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT",
    ];
    let two = || take_while_m_n(2, 2, |c: char| c.is_ascii_digit());
    let offset = (
        one_of("+-\u{2212}"),
        two(),
        opt(char(':')),
        opt(two()),
        not(digit),
    );
    alt((
        value((), offset),
        value(
            (),
            verify(letters, |w: &str| {
                ZONES.iter().any(|z| z.eq_ignore_ascii_case(w))
            }),
        ),
    ))
    .parse(i)
}

/// A month name or abbreviation, with an optional full stop: its number.
fn month(i: &str) -> Res<'_, u32> {
    terminated(map_opt(letters, month_number), opt(char('.'))).parse(i)
}

/// The number of the month named `word` ("August", "aug", "Sept"), in any case.
fn month_number(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &[&str]); 12] = [
        ("january", &["jan"]),
        ("february", &["feb"]),
        ("march", &["mar"]),
        ("april", &["apr"]),
        ("may", &[]),
        ("june", &["jun"]),
        ("july", &["jul"]),
        ("august", &["aug"]),
        ("september", &["sep", "sept"]),
        ("october", &["oct"]),
        ("november", &["nov"]),
        ("december", &["dec"]),
    ];
    let n = MONTHS.iter().position(|(full, short)| {
        full.eq_ignore_ascii_case(word) || short.iter().any(|s| s.eq_ignore_ascii_case(word))
    })?;
    u32::try_from(n + 1).ok()
}

/// A weekday name or abbreviation with what separates it from the date: "Sunday, ", "Sun. ".
fn weekday(i: &str) -> Res<'_, ()> {
    const WEEKDAYS: &[&str] = &[
        "monday",
        "mon",
        "tuesday",
        "tue",
        "tues",
        "wednesday",
        "wed",
        "thursday",
        "thu",
        "thur",
        "thurs",
        "friday",
        "fri",
        "saturday",
        "sat",
        "sunday",
        "sun",
    ];
    let name = verify(letters, |w: &str| {
        WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
    });
    value((), (name, opt(char('.')), comma_or_space)).parse(i)
}

/// A day of the month with an optional ordinal suffix: "7", "07", "7th".
fn day(i: &str) -> Res<'_, u32> {
    let suffix = verify(letters, |w: &str| {
        ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(w))
    });
    terminated(number(1, 2), opt(suffix)).parse(i)
}

/// A four-digit year.
fn year(i: &str) -> Res<'_, u32> {
    number(4, 4).parse(i)
}

/// Between a date and a time: punctuation, "at" or white space (at least one of them).
fn sep(i: &str) -> Res<'_, ()> {
    let mark = one_of(",|•·—–-/@");
    let at = (tag_no_case("at"), end_of_word, ws0);
    value(
        (),
        verify(recognize((ws0, opt(mark), ws0, opt(at))), |s: &str| {
            !s.is_empty()
        }),
    )
    .parse(i)
}

/// A comma with optional white space around it, or white space alone.
fn comma_or_space(i: &str) -> Res<'_, ()> {
    alt((value((), (ws0, char(','), ws0)), value((), ws))).parse(i)
}

/// Between `min` and `max` ASCII digits, not followed by another digit: their value.
fn number<'a>(min: usize, max: usize) -> impl Parser<&'a str, Output = u32, Error = ()> {
    map_opt(
        terminated(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            not(digit),
        ),
        |s: &str| s.parse().ok(),
    )
}

fn digit(i: &str) -> Res<'_, char> {
    satisfy(|c: char| c.is_ascii_digit()).parse(i)
}

fn digits(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(i)
}

fn letters(i: &str) -> Res<'_, &str> {
    take_while1(char::is_alphabetic).parse(i)
}

/// Succeeds when no letter follows: "am" in "7 am" but not in "7 amber".
fn end_of_word(i: &str) -> Res<'_, ()> {
    not(satisfy(char::is_alphabetic)).parse(i)
}

/// White space, the no-break spaces included.
fn ws(i: &str) -> Res<'_, &str> {
    take_while1(char::is_whitespace).parse(i)
}

fn ws0(i: &str) -> Res<'_, &str> {
    take_while(char::is_whitespace).parse(i)
}

/// Parses a date, optionally with a time, as news sites write them, into `YYYY-MM-DD` and
/// 24-hour `HH:MM` (the forms are listed in the module documentation). A time without a date gives `None`.
pub(crate) fn parse_datetime(s: &str) -> Option<(String, Option<String>)> {
    let stamp = stamp_line(s)?;
    let date = stamp.date?;
    Some((date.to_string(), stamp.time.map(|t| t.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The normalised date and time of `s`, as `("YYYY-MM-DD", "HH:MM")` with "" for missing.
    fn norm(s: &str) -> Option<(String, String)> {
        let stamp = stamp_line(s)?;
        Some((
            stamp.date.map(|d| d.to_string()).unwrap_or_default(),
            stamp.time.map(|t| t.to_string()).unwrap_or_default(),
        ))
    }

    #[track_caller]
    fn check(s: &str, date: &str, time: &str) {
        assert_eq!(
            norm(s),
            Some((date.to_owned(), time.to_owned())),
            "parsing {s:?}"
        );
    }

    #[test]
    fn written_dates() {
        check("August 7, 2011", "2011-08-07", "");
        check("Aug. 7, 2011", "2011-08-07", "");
        check("Aug 7 2011", "2011-08-07", "");
        check("Sept. 7, 2011", "2011-09-07", "");
        check("SEPT 7, 2011", "2011-09-07", "");
        check("7 August 2011", "2011-08-07", "");
        check("7th of August, 2011", "2011-08-07", "");
        check("Sunday 7 August 2011", "2011-08-07", "");
        check("Sun., Aug. 7, 2011", "2011-08-07", "");
        check("Published August 7th, 2011", "2011-08-07", "");
        check("May 1, 2020", "2020-05-01", "");
        check("Feb 29, 2012", "2012-02-29", "");
    }

    #[test]
    fn dates_with_times() {
        check("Sunday, August 7, 2011, 7:24 PM", "2011-08-07", "19:24");
        check("August 7, 2011 at 7:24 p.m. ET", "2011-08-07", "19:24");
        check("August 7, 2011, at 7:24 a.m.", "2011-08-07", "07:24");
        check("7:24 PM, Aug. 7, 2011", "2011-08-07", "19:24");
        check("Updated: Aug. 7, 2011 7:24 pm", "2011-08-07", "19:24");
        check("Aug. 7, 2011 | 7:24 PM EDT", "2011-08-07", "19:24");
        check("07 Aug 2011 19:24 BST", "2011-08-07", "19:24");
        check("Last updated on August 8, 2011", "2011-08-08", "");
        // No-break spaces, as pages copied from the web have them.
        check(
            "Sunday,\u{a0}August\u{a0}7,\u{a0}2011, 7:24\u{202f}PM",
            "2011-08-07",
            "19:24",
        );
    }

    #[test]
    fn iso_forms() {
        check("2011-08-07", "2011-08-07", "");
        check("2011-08-07T19:24:00-04:00", "2011-08-07", "19:24");
        check("2011-08-07T19:24:00.000Z", "2011-08-07", "19:24");
        check("2011-08-07T19:24+0100", "2011-08-07", "19:24");
        check("2011-08-07 19:24", "2011-08-07", "19:24");
    }

    #[test]
    fn times_alone() {
        check("12:05 AM", "", "00:05");
        check("12:30 PM", "", "12:30");
        check("12:00 a.m.", "", "00:00");
        check("1:00 pm", "", "13:00");
        check("19:24", "", "19:24");
        check("0:00", "", "00:00");
    }

    #[test]
    fn numeric_dates_read_month_first() {
        check("07/08/2011", "2011-07-08", "");
        check("8/7/2011", "2011-08-07", "");
        check("25/12/2011", "2011-12-25", "");
        assert_eq!(norm("8/7/11"), None);
        assert_eq!(norm("07.08.2011"), None);
    }

    #[test]
    fn impossible_dates_and_times() {
        for s in [
            "February 30, 2011",
            "Feb 29, 2011",
            "2011-13-01",
            "2011-00-10",
            "2011-04-31",
            "April 0, 2011",
            "August 32, 2011",
            "25:00",
            "19:60",
            "13:05 PM",
            "0:30 AM",
            "13/13/2011",
            "Aug 7, 11",
            "2011-08-07T25:00",
        ] {
            assert_eq!(norm(s), None, "{s:?}");
        }
    }

    #[test]
    fn not_dates() {
        for s in [
            "",
            "   ",
            "August",
            "2011",
            "By Robert Chesney",
            "May we all agree, 2011",
            "Mayor 7, 2011",
            "August 7, 2011 was a Sunday",
            "Sunday",
            "7:24 PMX",
            "In August 7, 2011",
            "Updated",
        ] {
            assert_eq!(norm(s), None, "{s:?}");
        }
    }

    #[test]
    fn updated_flag() {
        assert!(stamp_line("Updated Aug. 7, 2011").is_some_and(|s| s.updated));
        assert!(stamp_line("Published Aug. 7, 2011").is_some_and(|s| !s.updated));
        assert!(stamp_line("Aug. 7, 2011").is_some_and(|s| !s.updated));
    }
}
