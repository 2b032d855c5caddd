//! Numbers as the app shows them (ui/src/format/units.ts): the unit a person would say for a
//! duration, percentages with the digits that matter, thousands separators. The report and the
//! canvas must print the same figure the same way.

use crate::js::intl_number;

/// `1234.5` with at most `digits` decimals and thousands separators, as the app writes it
/// (`formatNumber`: `Intl.NumberFormat("en-US")`, no "-0"); "—" for a non-finite value.
pub fn number(value: f64, digits: usize) -> String {
    if value.is_finite() { intl_number(value, digits) } else { "—".to_owned() }
}

/// `39 s`, `10 min`, `4 h`, `2.5 d`: the unit a person would say.
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "—".to_owned();
    }
    let abs = seconds.abs();
    if abs < 600.0 {
        format!("{} s", number(seconds, 1))
    } else if abs < 2.0 * 3600.0 {
        format!("{} min", number(seconds / 60.0, 1))
    } else if abs < 2.0 * 86400.0 {
        format!("{} h", number(seconds / 3600.0, 1))
    } else {
        format!("{} d", number(seconds / 86400.0, 1))
    }
}

/// Days with one decimal, as the app's ladder and metrics strip print waits and the lead time
/// (`formatDays`): `23.6 d`, `1.8 d` — in the map's days (its day basis), never turned into hours.
pub fn days(days: f64) -> String {
    format!("{} d", number(days, 1))
}

/// The length in seconds of one of the map's days (its day basis), as the app's ladder derives
/// it: the lead time over the lead time in days; a calendar day where either is unknown.
pub fn day_length_s(report: &vsm_metrics::report::MapReport) -> f64 {
    match (report.lead_time_s, report.lead_time_days) {
        (Some(seconds), Some(days)) if days > 0.0 => seconds / days,
        _ => 86_400.0,
    }
}

/// A fraction as a percentage with the digits that matter (three below 1 %, one below 10 %, none
/// above): `3.6 %`, `75 %`, `0.009 %`; "—" for a non-finite fraction.
pub fn percent(fraction: f64) -> String {
    if !fraction.is_finite() {
        return "—".to_owned();
    }
    let percent = fraction * 100.0;
    let digits = if percent != 0.0 && percent.abs() < 1.0 {
        3
    } else if percent.abs() < 10.0 {
        1
    } else {
        0
    };
    format!("{} %", number(percent, digits))
}

/// A count or quantity: `18,400`, `2.5`.
pub fn quantity(value: f64) -> String {
    number(value, 1)
}

/// An optional figure, or "—".
pub fn or_dash(value: Option<f64>, format: fn(f64) -> String) -> String {
    value.map_or_else(|| "—".to_owned(), format)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_in_the_app() {
        assert_eq!(number(18400.0, 1), "18,400");
        assert_eq!(number(1234567.25, 1), "1,234,567.3");
        assert_eq!(number(-0.04, 1), "0");
        assert_eq!(number(-2.5, 1), "-2.5");
        assert_eq!(number(1.005, 2), "1.01");
        assert_eq!(number(f64::NAN, 1), "—");
        assert_eq!(duration(39.0), "39 s");
        assert_eq!(duration(600.0), "10 min");
        assert_eq!(duration(4.0 * 3600.0), "4 h");
        assert_eq!(duration(23.6 * 86400.0), "23.6 d");
        assert_eq!(days(1.84), "1.8 d");
        assert_eq!(days(23.62), "23.6 d");
        assert_eq!(percent(0.036), "3.6 %");
        assert_eq!(percent(0.75), "75 %");
        assert_eq!(percent(0.00009212), "0.009 %");
        assert_eq!(or_dash(None, duration), "—");
    }
}
