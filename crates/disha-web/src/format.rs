//! Numbers and dates the way Indian readers expect them.

use time::OffsetDateTime;

/// Whole rupees with Indian digit grouping: 1,20,000 (one lakh twenty thousand).
#[must_use]
pub fn inr(n: u32) -> String {
    let digits = n.to_string();
    if digits.len() <= 3 {
        return digits;
    }
    let (head, last3) = digits.split_at(digits.len() - 3);
    let mut groups: Vec<&str> = Vec::new();
    let mut rest = head;
    while rest.len() > 2 {
        let (a, b) = rest.split_at(rest.len() - 2);
        groups.push(b);
        rest = a;
    }
    groups.push(rest);
    groups.reverse();
    format!("{},{last3}", groups.join(","))
}

/// A whole number grouped in thousands, as US figures are written: 1,656,880.
#[must_use]
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// US dollars: $132,270.
#[must_use]
pub fn usd(n: u32) -> String {
    format!("${}", thousands(u64::from(n)))
}

/// A decimal without trailing zeros: 8 → "8", 3.5 → "3.5", 12.25 → "12.25".
#[must_use]
pub fn decimal(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// "25 Nov 2026".
#[must_use]
pub fn date(t: OffsetDateTime) -> String {
    day(t.date())
}

/// "25 Nov 2026", for a calendar date.
#[must_use]
pub fn day(d: time::Date) -> String {
    let month = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ][usize::from(u8::from(d.month())) - 1];
    format!("{} {month} {}", d.day(), d.year())
}

/// "2026-11-25", for sitemaps.
#[must_use]
pub fn iso_date(t: OffsetDateTime) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_use_thousands_grouping() {
        assert_eq!(usd(0), "$0");
        assert_eq!(usd(999), "$999");
        assert_eq!(usd(132_270), "$132,270");
        assert_eq!(thousands(1_656_880), "1,656,880");
    }

    #[test]
    fn rupees_use_lakh_and_crore_grouping() {
        assert_eq!(inr(0), "0");
        assert_eq!(inr(999), "999");
        assert_eq!(inr(1_000), "1,000");
        assert_eq!(inr(90_000), "90,000");
        assert_eq!(inr(120_000), "1,20,000");
        assert_eq!(inr(2_500_000), "25,00,000");
        assert_eq!(inr(12_345_678), "1,23,45,678");
    }

    #[test]
    fn decimals_drop_trailing_zeros() {
        assert_eq!(decimal(8.0), "8");
        assert_eq!(decimal(3.5), "3.5");
        assert_eq!(decimal(12.25), "12.25");
        assert_eq!(decimal(0.333), "0.33");
    }

    #[test]
    fn dates_read_naturally() {
        let t = time::macros::datetime!(2026-11-05 10:00 UTC);
        assert_eq!(date(t), "5 Nov 2026");
        assert_eq!(iso_date(t), "2026-11-05");
    }
}
