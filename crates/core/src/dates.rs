//! Calendar dates as files keep them (ISO 8601 `YYYY-MM-DD`) and as people read them
//! (2026年11月30日 in Japanese), whatever the browser's locale.

use crate::i18n::Lang;

/// A valid calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// The year of the Gregorian calendar, four digits in a file.
    pub year: u32,
    /// 1 to 12.
    pub month: u32,
    /// 1 to the month's last day.
    pub day: u32,
}

impl Date {
    /// The date `days` days after 1970-01-01 (before it, when negative), by Howard Hinnant's
    /// days-to-civil algorithm; none before year 0.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(Date {
            year: u32::try_from(year).ok()?,
            month: u32::try_from(month).ok()?,
            day: u32::try_from(day).ok()?,
        })
    }

    /// Reads `YYYY-MM-DD`, or the date part of an RFC 3339 time; `None` for anything else or
    /// a day the month does not have.
    pub fn parse(text: &str) -> Option<Date> {
        let date = text.get(..10)?;
        if text.len() > 10 && !text[10..].starts_with('T') {
            return None;
        }
        let bytes = date.as_bytes();
        if bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &date[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        ((1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// Reads a date as a person types it: `2026年4月1日`, `2026/4/1`, `2026-04-01` or
    /// `2026.4.1`, in full-width digits too, and in the Japanese eras as sheets write them:
    /// `令和8年4月1日`, `R8.4.1`, `平成31年4月1日`, `令和元年5月1日`. Stored dates are always
    /// written back as ISO.
    pub fn parse_loose(text: &str) -> Option<Date> {
        let ascii: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                    char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
                }
                '年' | '月' | '/' | '.' | '／' | '．' | '－' => '-',
                '日' => ' ',
                other => other,
            })
            .collect();
        let parts: Vec<&str> = ascii.trim().split('-').map(str::trim).collect();
        let [year, month, day] = parts.as_slice() else {
            return Date::parse(text.trim());
        };
        let year = if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            year.parse().ok()?
        } else {
            era_year(year)?
        };
        if month.is_empty() || day.is_empty() || month.len() > 2 || day.len() > 2 {
            return None;
        }
        Date::parse(&format!("{year:04}-{month:0>2}-{day:0>2}"))
    }

    /// ISO 8601, as files keep it.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date as a person writes it: 2026年11月30日, or 2026-11-30 in English.
    pub fn display(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => format!("{}年{}月{}日", self.year, self.month, self.day),
            Lang::En => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// The Western year of a year in the Reiwa or Heisei era (`令和8`, `R8`, `平成元`, `H31`).
fn era_year(text: &str) -> Option<u32> {
    const ERAS: [(&str, u32); 6] = [
        ("令和", 2018),
        ("R", 2018),
        ("r", 2018),
        ("平成", 1988),
        ("H", 1988),
        ("h", 1988),
    ];
    let (base, number) = ERAS
        .iter()
        .find_map(|(name, base)| text.strip_prefix(name).map(|rest| (*base, rest.trim())))?;
    let number = match number {
        "元" => 1,
        digits if (1..=2).contains(&digits.len()) => digits.parse().ok()?,
        _ => return None,
    };
    (number >= 1).then_some(base + number)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A stored date for reading; text that is not a date is shown as it is.
pub fn display_date(text: &str, lang: Lang) -> String {
    Date::parse(text).map_or_else(|| text.to_owned(), |date| date.display(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_iso_dates_and_refuses_impossible_days() {
        assert_eq!(
            Date::parse("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("2026/11/30"), None);
        assert_eq!(Date::parse("２０２６-11-30"), None);
        assert!(Date::parse("2026-11-30T09:00:00+09:00").is_some());
        assert_eq!(display_date("2026-04-01", Lang::Ja), "2026年4月1日");
        assert_eq!(display_date("未定", Lang::Ja), "未定");
        for typed in [
            "2026年4月1日",
            "2026/4/1",
            "２０２６年４月１日",
            "2026-04-01",
            "2026.4.1",
        ] {
            assert_eq!(
                Date::parse_loose(typed).map(|d| d.iso()),
                Some("2026-04-01".to_owned()),
                "{typed}"
            );
        }
        for (typed, iso) in [
            ("令和8年4月1日", "2026-04-01"),
            ("R8.4.1", "2026-04-01"),
            ("Ｒ８．４．１", "2026-04-01"),
            ("令和元年5月1日", "2019-05-01"),
            ("平成31年4月30日", "2019-04-30"),
            ("H30/3/31", "2018-03-31"),
        ] {
            assert_eq!(
                Date::parse_loose(typed).map(|d| d.iso()),
                Some(iso.to_owned()),
                "{typed}"
            );
        }
        for (days, iso) in [
            (0, "1970-01-01"),
            (20_422, "2025-11-30"),
            (-1, "1969-12-31"),
            (11_016, "2000-02-29"),
        ] {
            assert_eq!(
                Date::from_days_since_epoch(days).map(|d| d.iso()),
                Some(iso.to_owned()),
                "{days}"
            );
        }
        assert_eq!(Date::parse_loose("令和0年4月1日"), None);
        assert_eq!(Date::parse_loose("昭和60年4月1日"), None);
        assert_eq!(Date::parse_loose("4月1日"), None);
        assert_eq!(Date::parse_loose("2026/2/30"), None);
    }
}
