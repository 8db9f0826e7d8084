//! Field parsers every form shares: trimmed text without control characters, bounded numbers, check boxes, dates, lists, ids, names from a closed list.

use super::*;

/// Trimmed free text. Control characters are refused (a NUL byte cannot even be stored by
/// PostgreSQL); line breaks and tabs are allowed in long texts only.
pub(crate) fn text(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    max: usize,
    required: bool,
) -> String {
    let value = raw.trim();
    let multiline = max > 200;
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        problems.push(Problem::new(field, ProblemCode::Malformed));
    } else if required && value.is_empty() {
        problems.push(Problem::new(field, ProblemCode::Required));
    } else if value.chars().count() > max {
        problems.push(Problem::with_limit(field, ProblemCode::TooLong, max as u32));
    }
    value.to_owned()
}

pub(crate) fn number(problems: &mut Problems, field: &str, raw: &str, max: u32) -> Option<u32> {
    let value = raw.trim();
    if value.is_empty() {
        return Some(0);
    }
    match value.parse::<u32>() {
        Ok(n) if n <= max => Some(n),
        Ok(_) => {
            problems.push(Problem::with_limit(field, ProblemCode::AtMost, max));
            None
        }
        Err(_) => {
            problems.push(Problem::new(field, ProblemCode::Malformed));
            None
        }
    }
}

pub(crate) fn checked(raw: &Option<String>) -> bool {
    raw.as_deref()
        .is_some_and(|v| matches!(v, "on" | "true" | "1" | "yes"))
}

pub(crate) fn date(problems: &mut Problems, field: &str, raw: &str) -> Option<NaiveDate> {
    let value = raw.trim();
    if value.is_empty() {
        problems.push(Problem::new(field, ProblemCode::Required));
        return None;
    }
    parse_date(value).or_else(|| {
        problems.push(Problem::new(field, ProblemCode::InvalidDate));
        None
    })
}

/// `2026-12-03` (what `<input type="date">` sends) or `03/12/2026` (what people type).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    // Read by hand rather than with a chrono format string: this runs in the browser's
    // island too, and chrono's format parser is a large part of a small bundle.
    let number = |part: &str| -> Option<u32> {
        (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let raw = raw.trim();
    let (year, month, day) = if let Some((y, rest)) = raw.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (y, m, d)
    } else {
        let (d, rest) = raw.split_once('/')?;
        let (m, y) = rest.split_once('/')?;
        (y, m, d)
    };
    if year.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(number(year)?).ok()?,
        number(month)?,
        number(day)?,
    )
}

/// A free list of dates separated by spaces, commas, semicolons or new lines.
pub(crate) fn date_list(problems: &mut Problems, field: &str, raw: &str) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    for part in raw
        .split([' ', ',', ';', '\n', '\r', '\t'])
        .filter(|p| !p.is_empty())
    {
        match parse_date(part) {
            Some(d) => dates.push(d),
            None => problems.push(Problem::new(field, ProblemCode::InvalidDate)),
        }
    }
    normalize(dates)
}

pub(crate) fn id_list(problems: &mut Problems, field: &str, raw: &str) -> Vec<ProductId> {
    let mut ids = Vec::new();
    for part in raw.split([' ', ',', ';']).filter(|p| !p.is_empty()) {
        match part.parse::<i64>() {
            Ok(id) => ids.push(ProductId(id)),
            Err(_) => problems.push(Problem::new(field, ProblemCode::Malformed)),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// One of the listed wire names; empty is `Required`, anything else `UnknownValue`.
pub(crate) fn one_of<T: Copy>(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    choices: &[(&str, T)],
) -> Option<T> {
    let raw = raw.trim();
    let found = choices
        .iter()
        .find(|(name, _)| *name == raw)
        .map(|(_, value)| *value);
    if found.is_none() {
        let code = if raw.is_empty() {
            ProblemCode::Required
        } else {
            ProblemCode::UnknownValue
        };
        problems.push(Problem::new(field, code));
    }
    found
}

/// One of an enum's names (the domain's one list); empty is `Required`, anything else
/// `UnknownValue`.
pub(crate) fn named<T: Copy>(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let raw = raw.trim();
    let found = parse(raw);
    if found.is_none() {
        let code = if raw.is_empty() {
            ProblemCode::Required
        } else {
            ProblemCode::UnknownValue
        };
        problems.push(Problem::new(field, code));
    }
    found
}

pub(crate) fn product_id(problems: &mut Problems, field: &str, raw: &str) -> Option<ProductId> {
    match raw.trim().parse::<i64>() {
        Ok(id) => Some(ProductId(id)),
        Err(_) if raw.trim().is_empty() => {
            problems.push(Problem::new(field, ProblemCode::Required));
            None
        }
        Err(_) => {
            problems.push(Problem::new(field, ProblemCode::UnknownValue));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn dates_are_read_in_iso_and_french_forms_and_nothing_else() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 17);
        assert_eq!(parse_date("2026-12-17"), day);
        assert_eq!(parse_date(" 17/12/2026 "), day);
        assert_eq!(parse_date("2026-2-3"), NaiveDate::from_ymd_opt(2026, 2, 3));
        for bad in [
            "2026-02-30",
            "26-12-17",
            "2026-12",
            "2026/12/17",
            "+2026-12-17",
            "2026-12-17x",
            "",
            "17/12/26",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_date_reads_back_from_its_iso_form(days in 365_000_i32..800_000) {
            let date = NaiveDate::from_num_days_from_ce_opt(days).expect("in range");
            proptest::prop_assume!(date.year() >= 1000);
            proptest::prop_assert_eq!(parse_date(&date.to_string()), Some(date));
        }
    }
}
