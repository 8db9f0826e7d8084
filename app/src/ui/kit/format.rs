//! Dates and times as people read them (lists, headings, calendars): "jeudi 17 décembre 2026",
//! "décembre 2026", "17/12/2026 à 23:14" in the AMAP's time zone. Forms keep numbers
//! (`dd/mm/yyyy`, ISO in date inputs): that is what people type.

use super::labels::month_name;
use crate::i18n::{Locale, td_string};
use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

fn weekday_name(locale: Locale, date: NaiveDate) -> &'static str {
    match date.weekday().number_from_monday() {
        1 => td_string!(locale, dates.weekday_1),
        2 => td_string!(locale, dates.weekday_2),
        3 => td_string!(locale, dates.weekday_3),
        4 => td_string!(locale, dates.weekday_4),
        5 => td_string!(locale, dates.weekday_5),
        6 => td_string!(locale, dates.weekday_6),
        _ => td_string!(locale, dates.weekday_7),
    }
}

/// The day of the month as it is written: French says "1er janvier", then "2 janvier".
fn day_of_month(locale: Locale, date: NaiveDate) -> String {
    match date.day() {
        1 => td_string!(locale, dates.first_of_month).to_owned(),
        day => day.to_string(),
    }
}

/// "jeudi 17 décembre 2026" / "Thursday 17 December 2026".
pub fn long_date(locale: Locale, date: NaiveDate) -> String {
    td_string!(
        locale,
        dates.long,
        weekday = weekday_name(locale, date),
        day = day_of_month(locale, date),
        month = month_name(locale, date.month()),
        year = date.year()
    )
    .to_string()
}

/// "17 décembre 2026" / "17 December 2026" (a date among others: spans, lists).
pub fn short_date(locale: Locale, date: NaiveDate) -> String {
    td_string!(
        locale,
        dates.short,
        day = day_of_month(locale, date),
        month = month_name(locale, date.month()),
        year = date.year()
    )
    .to_string()
}

/// "décembre 2026" / "December 2026".
pub fn month_year(locale: Locale, date: NaiveDate) -> String {
    td_string!(
        locale,
        dates.month_year,
        month = month_name(locale, date.month()),
        year = date.year()
    )
    .to_string()
}

/// The first letter in capitals, for a heading ("Décembre 2026").
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An instant in the AMAP's time zone (an IANA name; Paris when unknown): "17/12/2026 à
/// 23:14". The server renders every page, so this runs there, with the time zone database.
pub fn local_time(locale: Locale, time_zone: &str, at: DateTime<Utc>) -> String {
    #[cfg(feature = "ssr")]
    let local = {
        let zone: chrono_tz::Tz = time_zone.parse().unwrap_or(chrono_tz::Europe::Paris);
        at.with_timezone(&zone).naive_local()
    };
    #[cfg(not(feature = "ssr"))]
    let local = {
        let _ = time_zone;
        at.naive_utc()
    };
    let date = crate::domain::contract::agenda::day_month_year(local.date());
    let time = format!("{:02}:{:02}", local.time().hour(), local.time().minute());
    td_string!(locale, dates.at, date = date, time = time).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn dates_read_in_words_in_both_languages() {
        assert_eq!(
            long_date(Locale::fr, day(2026, 12, 17)),
            "jeudi 17 décembre 2026"
        );
        assert_eq!(
            long_date(Locale::en, day(2026, 12, 17)),
            "Thursday 17 December 2026"
        );
        assert_eq!(month_year(Locale::fr, day(2027, 2, 1)), "février 2027");
        assert_eq!(
            long_date(Locale::fr, day(2027, 4, 1)),
            "jeudi 1er avril 2027"
        );
        assert_eq!(short_date(Locale::en, day(2027, 4, 1)), "1 April 2027");
        assert_eq!(
            capitalized(&month_year(Locale::fr, day(2027, 2, 1))),
            "Février 2027"
        );
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn instants_are_shown_in_the_amap_s_time_zone() {
        let at = DateTime::parse_from_rfc3339("2026-12-17T23:14:00Z")
            .expect("instant")
            .with_timezone(&Utc);
        assert_eq!(
            local_time(Locale::fr, "Europe/Paris", at),
            "18/12/2026 à 00:14"
        );
        assert_eq!(
            local_time(Locale::en, "America/Cayenne", at),
            "17/12/2026 at 20:14"
        );
    }
}
