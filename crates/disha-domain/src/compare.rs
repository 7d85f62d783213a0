//! Which careers to put side by side, parsed from the repeated `c` values of `/careers/compare`.

use crate::{FieldCode, FieldErrors, Problem, Slug};

/// The most careers a comparison shows: three columns still fit a phone.
pub const MAX_COMPARED: usize = 3;

/// Two or three distinct careers to compare, in the order asked; or fewer, which means "still choosing".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompareRequest(Vec<Slug>);

impl CompareRequest {
    /// Reads every `c` value. Blank values (an unchosen menu) are skipped and a repeated career counts once,
    /// so a half-filled form still works; more than three, or a value that cannot be a career's address, is
    /// an error on `c`.
    ///
    /// # Errors
    /// The problems, all on the field `c`.
    pub fn parse<'a>(values: impl IntoIterator<Item = &'a str>) -> Result<Self, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut slugs: Vec<Slug> = Vec::new();
        for raw in values.into_iter().map(str::trim).filter(|v| !v.is_empty()) {
            match Slug::parse(raw) {
                Ok(s) if !slugs.contains(&s) => slugs.push(s),
                Ok(_) => {}
                Err(_) => e.at("c", Problem::format("a career's address, such as nurse")),
            }
        }
        if slugs.len() > MAX_COMPARED {
            e.add(
                "c",
                FieldCode::Count,
                vec![
                    ("min", "2".to_owned()),
                    ("max", MAX_COMPARED.to_string()),
                    ("actual", slugs.len().to_string()),
                ],
            );
        }
        e.into_result(Self(slugs))
    }

    /// The careers asked for, in order.
    #[must_use]
    pub fn slugs(&self) -> &[Slug] {
        &self.0
    }

    /// True when there are enough careers to compare (two or three).
    #[must_use]
    pub fn is_ready(&self) -> bool {
        self.0.len() >= 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slugs(r: &CompareRequest) -> Vec<&str> {
        r.slugs().iter().map(Slug::as_str).collect()
    }

    #[test]
    fn two_or_three_careers_are_ready_in_the_order_given() {
        let r = CompareRequest::parse(["nurse", "doctor"]).expect("valid");
        assert_eq!(slugs(&r), ["nurse", "doctor"]);
        assert!(r.is_ready());
        let r = CompareRequest::parse(["nurse", "", "doctor", "nurse", "dentist"]).expect("valid");
        assert_eq!(
            slugs(&r),
            ["nurse", "doctor", "dentist"],
            "blanks and repeats are dropped"
        );
    }

    #[test]
    fn one_career_is_still_choosing_not_an_error() {
        let r = CompareRequest::parse(["nurse"]).expect("valid");
        assert!(!r.is_ready());
        assert!(!CompareRequest::default().is_ready());
    }

    #[test]
    fn four_careers_or_a_bad_address_are_errors_on_c() {
        let errs = CompareRequest::parse(["a1", "b1", "c1", "d1"]).expect_err("too many");
        assert_eq!(errs.0[0].field, "c");
        assert_eq!(errs.0[0].code, FieldCode::Count);
        let errs = CompareRequest::parse(["nurse", "<script>"]).expect_err("bad slug");
        assert_eq!(errs.0[0].field, "c");
        assert_eq!(errs.0[0].code, FieldCode::Format);
    }
}
