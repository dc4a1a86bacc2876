//! Calendar days written `YYYY-MM-DD`, as designs record observed dates (access keys, IAM
//! users' activity), and the number of days between two of them.

/// The day number of a `YYYY-MM-DD` date (days since 1970-01-01), or `None` when the text is
/// not a real calendar day. Days are counted with the proleptic Gregorian calendar
/// (days-from-civil), so that differences are exact across months and leap years.
pub fn day_number(date: &str) -> Option<i64> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let text = &date[range];
        text.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| text.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let month_length = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > month_length {
        return None;
    }
    // Howard Hinnant's days_from_civil, with March as the first month of the year.
    let shifted_year = if month <= 2 { year - 1 } else { year };
    let era = shifted_year.div_euclid(400);
    let year_of_era = shifted_year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// Whole days from `earlier` to `later` (negative when `later` comes first), or `None` when
/// either is not a `YYYY-MM-DD` day.
pub fn days_between(earlier: &str, later: &str) -> Option<i64> {
    Some(day_number(later)? - day_number(earlier)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(days_between("2024-02-28", "2024-03-01"), Some(2));
        assert_eq!(days_between("2023-02-28", "2023-03-01"), Some(1));
        assert_eq!(days_between("2026-09-02", "2026-12-01"), Some(90));
        assert_eq!(days_between("2026-12-01", "2026-09-02"), Some(-90));
    }

    #[test]
    fn rejects_what_is_not_a_day() {
        for text in [
            "2023-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-01",
            "26-01-01x",
            "2026/01/01",
            "",
        ] {
            assert_eq!(day_number(text), None, "{text}");
        }
    }
}
