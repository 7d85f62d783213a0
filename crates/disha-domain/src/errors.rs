//! Field-keyed validation errors, shared by every parser so that pages and the API can point at the field.
//!
//! An error is a stable code with named parameters, not a sentence: the API returns the code, and pages turn
//! it into words through the message catalog (`field-error-<code>`), so every language can phrase it its own
//! way. `Display` gives plain English for logs and for the catalog checker's terminal output.

use serde::Serialize;
use std::fmt;
use utoipa::ToSchema;

/// What is wrong with a field, as a stable machine-readable code.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    ToSchema,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum FieldCode {
    /// Given but empty. No parameters.
    Empty,
    /// Text of the wrong length: `min`, `max`, `actual` (characters).
    Length,
    /// A list with the wrong number of items: `min`, `max`, `actual`.
    Count,
    /// Not a whole number in range: `min`, `max`.
    Range,
    /// Not one of the allowed values: `allowed` (comma-separated).
    OneOf,
    /// Not in the expected shape: `expected` (a short description such as `YYYY-MM-DD`).
    Format,
    /// A key the format does not have: `expected` (the allowed keys).
    Unknown,
    /// Two values contradict each other: `other` (the field it conflicts with).
    Inconsistent,
    /// Anything else, described in English by `detail` (parser messages, editor-only rules).
    Invalid,
}

impl FieldCode {
    /// The code as the API spells it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

/// What is wrong with a value, before it is known which field held it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong.
    pub code: FieldCode,
    /// The code's parameters, by name.
    pub params: Vec<(&'static str, String)>,
}

impl Problem {
    /// A whole number outside `min..=max`.
    #[must_use]
    pub fn range(min: impl fmt::Display, max: impl fmt::Display) -> Self {
        Self {
            code: FieldCode::Range,
            params: vec![("min", min.to_string()), ("max", max.to_string())],
        }
    }

    /// Text of the wrong length.
    #[must_use]
    pub fn length(min: usize, max: usize, actual: usize) -> Self {
        Self {
            code: FieldCode::Length,
            params: vec![
                ("min", min.to_string()),
                ("max", max.to_string()),
                ("actual", actual.to_string()),
            ],
        }
    }

    /// Not in the expected shape, described briefly (`YYYY-MM-DD`).
    #[must_use]
    pub fn format(expected: &str) -> Self {
        Self {
            code: FieldCode::Format,
            params: vec![("expected", expected.to_owned())],
        }
    }

    /// Breaks a rule that has no code of its own, described in English.
    #[must_use]
    pub fn invalid(detail: &str) -> Self {
        Self {
            code: FieldCode::Invalid,
            params: vec![("detail", detail.to_owned())],
        }
    }

    /// Not one of the keys of the enum `T` (in declaration order).
    #[must_use]
    pub fn one_of_variants<T>() -> Self
    where
        T: strum::VariantArray + Copy + Into<&'static str>,
    {
        let keys: Vec<&str> = T::VARIANTS.iter().map(|&v| v.into()).collect();
        Self::one_of(&keys)
    }

    /// Not one of the allowed values.
    #[must_use]
    pub fn one_of(allowed: &[&str]) -> Self {
        Self {
            code: FieldCode::OneOf,
            params: vec![("allowed", allowed.join(", "))],
        }
    }

    /// The same problem, in the named field.
    #[must_use]
    pub fn at(self, field: impl Into<String>) -> FieldError {
        FieldError::new(field, self.code, self.params)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.clone().at("").english())
    }
}

impl std::error::Error for Problem {}

/// One problem with one named input field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the user sent it (`level`, `jobs[2].salary.min_lpa`).
    pub field: String,
    /// What is wrong.
    pub code: FieldCode,
    /// The code's parameters, by name.
    pub params: Vec<(&'static str, String)>,
}

impl FieldError {
    /// Builds an error for `field`.
    pub fn new(
        field: impl Into<String>,
        code: FieldCode,
        params: Vec<(&'static str, String)>,
    ) -> Self {
        Self {
            field: field.into(),
            code,
            params,
        }
    }

    /// A parameter's value, or an empty string.
    #[must_use]
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(k, _)| *k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The problem in plain English, without the field name.
    #[must_use]
    pub fn english(&self) -> String {
        let p = |n| self.param(n);
        match self.code {
            FieldCode::Empty => "must not be empty; leave it out instead".to_owned(),
            FieldCode::Length => format!(
                "must be {} to {} characters (is {})",
                p("min"),
                p("max"),
                p("actual")
            ),
            FieldCode::Count => format!(
                "must have {} to {} items (has {})",
                p("min"),
                p("max"),
                p("actual")
            ),
            FieldCode::Range => format!("must be a whole number from {} to {}", p("min"), p("max")),
            FieldCode::OneOf => format!("must be one of: {}", p("allowed")),
            FieldCode::Format => format!("must be written as {}", p("expected")),
            FieldCode::Unknown => {
                format!("is not a known field; expected one of {}", p("expected"))
            }
            FieldCode::Inconsistent => format!("does not agree with {}", p("other")),
            FieldCode::Invalid => p("detail").to_owned(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.english())
    }
}

/// Every problem found in one input; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// Records a problem with its code and parameters.
    pub fn add(
        &mut self,
        field: impl Into<String>,
        code: FieldCode,
        params: Vec<(&'static str, String)>,
    ) {
        self.0.push(FieldError::new(field, code, params));
    }

    /// Records a problem described in English (`FieldCode::Invalid`), for rules only editors meet.
    pub fn push(&mut self, field: impl Into<String>, detail: impl Into<String>) {
        self.add(field, FieldCode::Invalid, vec![("detail", detail.into())]);
    }

    /// Records a number outside `min..=max`.
    pub fn range(
        &mut self,
        field: impl Into<String>,
        min: impl fmt::Display,
        max: impl fmt::Display,
    ) {
        self.add(
            field,
            FieldCode::Range,
            vec![("min", min.to_string()), ("max", max.to_string())],
        );
    }

    /// Records a problem found in `field`.
    pub fn at(&mut self, field: impl Into<String>, problem: Problem) {
        self.0.push(problem.at(field));
    }

    /// True when nothing was recorded.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was recorded, otherwise the errors.
    ///
    /// # Errors
    /// Returns `self` when at least one problem was recorded.
    pub fn into_result<T>(self, value: T) -> Result<T, Self> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl From<FieldError> for FieldErrors {
    fn from(e: FieldError) -> Self {
        Self(vec![e])
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_snake_case_and_english_fills_parameters() {
        let mut e = FieldErrors::default();
        e.range("level", 1, 5);
        assert_eq!(e.0[0].code.as_str(), "range");
        assert_eq!(e.to_string(), "level: must be a whole number from 1 to 5");
        assert_eq!(FieldCode::OneOf.as_str(), "one_of");
    }
}
