//! How dates travel: `"2026-12-17"` and `"2026-12-17T18:30:00"` in JSON, as chrono writes
//! them, but read by hand rather than by chrono's general format parser (which also reads
//! RFC 2822, time zones, week dates… and weighed ~5 kB of the island's compressed bundle);
//! and as plain day or second counts in binary formats (the island's postcard data), which
//! need no parsing at all. Used as `#[serde(with = "crate::domain::wire::date")]` and
//! friends on every date field of a wire type.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Reads `YYYY-MM-DD`.
pub fn parse_day(raw: &str) -> Option<NaiveDate> {
    let mut parts = raw.splitn(3, '-');
    let mut number = |len: usize| -> Option<u32> {
        let part = parts.next()?;
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(4)?, number(2)?, number(2)?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Reads `YYYY-MM-DDTHH:MM:SS` with optional fractional seconds (as chrono writes them).
pub fn parse_moment(raw: &str) -> Option<NaiveDateTime> {
    let (day, time) = raw.split_once('T')?;
    let (clock, fraction) = time.split_once('.').unwrap_or((time, ""));
    let mut parts = clock.splitn(3, ':');
    let mut number = || -> Option<u32> {
        let part = parts.next()?;
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (hour, minute, second) = (number()?, number()?, number()?);
    let nanos = if fraction.is_empty() {
        0
    } else {
        if fraction.len() > 9 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits: u32 = fraction.parse().ok()?;
        digits * 10u32.pow(9 - fraction.len() as u32)
    };
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(parse_day(day)?.and_time(time))
}

/// A date as the wire carries it.
#[derive(Clone, Copy)]
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            serializer.collect_str(&self.0)
        } else {
            serializer.serialize_i32(self.0.num_days_from_ce())
        }
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            let raw = std::borrow::Cow::<str>::deserialize(deserializer)?;
            parse_day(&raw)
                .map(Day)
                .ok_or_else(|| D::Error::custom("a date written YYYY-MM-DD"))
        } else {
            NaiveDate::from_num_days_from_ce_opt(i32::deserialize(deserializer)?)
                .map(Day)
                .ok_or_else(|| D::Error::custom("a date out of range"))
        }
    }
}

/// `NaiveDate`.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(value: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        Day(*value).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        Day::deserialize(deserializer).map(|d| d.0)
    }
}

/// `Option<NaiveDate>`.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.map(Day).serialize(serializer)
    }

    /// In JSON, `null`, an absent field and `""` (an empty form field, as clients that send
    /// every field write "none") all mean no date.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        if !deserializer.is_human_readable() {
            return Option::<Day>::deserialize(deserializer).map(|d| d.map(|d| d.0));
        }
        match Option::<std::borrow::Cow<str>>::deserialize(deserializer)? {
            None => Ok(None),
            Some(raw) if raw.is_empty() => Ok(None),
            Some(raw) => parse_day(&raw)
                .map(Some)
                .ok_or_else(|| D::Error::custom("a date written YYYY-MM-DD")),
        }
    }
}

/// A collection of dates (`Vec`, `BTreeSet`), as a sequence.
pub mod dates {
    use super::*;

    pub fn serialize<'a, C, S>(value: &'a C, serializer: S) -> Result<S::Ok, S::Error>
    where
        &'a C: IntoIterator<Item = &'a NaiveDate>,
        S: Serializer,
    {
        serializer.collect_seq(value.into_iter().map(|d| Day(*d)))
    }

    pub fn deserialize<'de, C, D>(deserializer: D) -> Result<C, D::Error>
    where
        C: FromIterator<NaiveDate>,
        D: Deserializer<'de>,
    {
        Vec::<Day>::deserialize(deserializer).map(|days| days.into_iter().map(|d| d.0).collect())
    }
}

/// A map keyed by date (`BTreeMap<NaiveDate, V>`).
pub mod date_keys {
    use super::*;
    use std::collections::BTreeMap;

    pub fn serialize<V: Serialize, S: Serializer>(
        value: &BTreeMap<NaiveDate, V>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_map(value.iter().map(|(d, v)| (Day(*d), v)))
    }

    pub fn deserialize<'de, V: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<NaiveDate, V>, D::Error> {
        // A map type keyed by `Day` needs `Ord`; read pairs through a local wrapper.
        #[derive(PartialEq, Eq, PartialOrd, Ord)]
        struct Key(NaiveDate);
        impl<'de> Deserialize<'de> for Key {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                Day::deserialize(deserializer).map(|d| Key(d.0))
            }
        }
        BTreeMap::<Key, V>::deserialize(deserializer)
            .map(|map| map.into_iter().map(|(k, v)| (k.0, v)).collect())
    }
}

/// `NaiveDateTime`.
pub mod moment {
    use super::*;

    pub fn serialize<S: Serializer>(
        value: &NaiveDateTime,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            // chrono's own spelling (`Debug`), so JSON stays what it was.
            serializer.collect_str(&format_args!("{value:?}"))
        } else {
            let seconds = i64::from(value.date().num_days_from_ce()) * 86_400
                + i64::from(value.num_seconds_from_midnight());
            (seconds, value.nanosecond()).serialize(serializer)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<NaiveDateTime, D::Error> {
        if deserializer.is_human_readable() {
            let raw = std::borrow::Cow::<str>::deserialize(deserializer)?;
            parse_moment(&raw).ok_or_else(|| D::Error::custom("a time written YYYY-MM-DDTHH:MM:SS"))
        } else {
            let (seconds, nanos) = <(i64, u32)>::deserialize(deserializer)?;
            let day = i32::try_from(seconds.div_euclid(86_400)).ok();
            let second = u32::try_from(seconds.rem_euclid(86_400)).ok();
            day.and_then(NaiveDate::from_num_days_from_ce_opt)
                .zip(second.and_then(|s| NaiveTime::from_num_seconds_from_midnight_opt(s, nanos)))
                .map(|(d, t)| d.and_time(t))
                .ok_or_else(|| D::Error::custom("a time out of range"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        #[serde(with = "date")]
        day: NaiveDate,
        #[serde(with = "opt_date")]
        maybe: Option<NaiveDate>,
        #[serde(with = "dates")]
        days: Vec<NaiveDate>,
        #[serde(with = "date_keys")]
        amounts: BTreeMap<NaiveDate, u32>,
        #[serde(with = "moment")]
        at: NaiveDateTime,
    }

    /// The same fields with chrono's own serde: the JSON must not change.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Chrono {
        day: NaiveDate,
        maybe: Option<NaiveDate>,
        days: Vec<NaiveDate>,
        amounts: BTreeMap<NaiveDate, u32>,
        at: NaiveDateTime,
    }

    fn day(days: i32) -> NaiveDate {
        NaiveDate::from_num_days_from_ce_opt(days).expect("day")
    }

    #[test]
    fn an_empty_or_null_optional_date_is_none_and_a_bad_one_is_refused() {
        #[derive(Deserialize)]
        struct Maybe {
            #[serde(default, with = "opt_date")]
            to: Option<NaiveDate>,
        }
        let read = |json: &str| serde_json::from_str::<Maybe>(json).map(|m| m.to).ok();
        assert_eq!(read(r#"{"to": ""}"#), Some(None));
        assert_eq!(read(r#"{"to": null}"#), Some(None));
        assert_eq!(read("{}"), Some(None));
        assert_eq!(
            read(r#"{"to": "2026-12-17"}"#),
            Some(NaiveDate::from_ymd_opt(2026, 12, 17))
        );
        assert_eq!(read(r#"{"to": "17/12/2026"}"#), None);
    }

    proptest! {
        #[test]
        fn json_is_chronos_and_both_formats_round_trip(
            d in 700_000i32..800_000, n in 0i32..400, seconds in 0u32..86_400, nanos in 0u32..1_000_000_000,
            maybe in any::<bool>()
        ) {
            let at = day(d).and_time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, nanos).expect("time"));
            let sample = Sample {
                day: day(d), maybe: maybe.then(|| day(d + n)), days: vec![day(d), day(d + n)],
                amounts: BTreeMap::from([(day(d), 1), (day(d + n), 2)]), at,
            };
            let chrono = Chrono {
                day: sample.day, maybe: sample.maybe, days: sample.days.clone(),
                amounts: sample.amounts.clone(), at,
            };
            let json = serde_json::to_string(&sample).expect("json");
            prop_assert_eq!(&json, &serde_json::to_string(&chrono).expect("json"));
            prop_assert_eq!(serde_json::from_str::<Sample>(&json).expect("read"), sample);
            let bytes = postcard::to_allocvec(&Sample { ..serde_json::from_str(&json).expect("read") }).expect("postcard");
            prop_assert_eq!(postcard::from_bytes::<Sample>(&bytes).expect("read"), serde_json::from_str::<Sample>(&json).expect("read"));
        }
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "2026-13-01",
            "2026-2-01",
            "26-12-01",
            "2026-12-01x",
            "",
            "2026-02-30",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
        assert_eq!(parse_moment("2026-12-01T25:00:00"), None);
        assert_eq!(parse_moment("2026-12-01T18:30:00.1234567890"), None);
        assert_eq!(
            parse_moment("2026-12-01T18:30:00.5").map(|m| m.nanosecond()),
            Some(500_000_000)
        );
    }
}
