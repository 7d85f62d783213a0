//! URL-safe identifiers for careers (and, later, colleges and posts).

use crate::Problem;
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use utoipa::ToSchema;

/// A lowercase, hyphenated identifier: `backend-developer`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, example = "backend-developer", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$")]
pub struct Slug(String);

/// Longest slug we accept; keeps URLs and index keys short.
pub const MAX_SLUG_LEN: usize = 80;

impl Slug {
    /// Parses a slug: 2–80 characters, lowercase ASCII letters and digits in words joined by single hyphens.
    ///
    /// # Errors
    /// What is wrong, for a field error.
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        if raw.len() < 2 || raw.len() > MAX_SLUG_LEN {
            return Err(Problem::length(2, MAX_SLUG_LEN, raw.chars().count()));
        }
        let well_formed = raw.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if well_formed {
            Ok(Self(raw.to_owned()))
        } else {
            Err(Problem::format(
                "lowercase letters and digits joined by single hyphens",
            ))
        }
    }

    /// A slug built by this crate from lowercase ASCII words joined by single hyphens.
    pub(crate) fn from_words(s: String) -> Self {
        debug_assert!(Self::parse(&s).is_ok(), "{s}");
        Self(s)
    }

    /// The slug as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Slug {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Slug::parse(&raw).map_err(|m| serde::de::Error::custom(format!("slug {raw:?} {m}")))
    }
}

#[cfg(test)]
mod tests {
    use super::Slug;

    #[test]
    fn accepts_hyphenated_lowercase_words() {
        assert_eq!(
            Slug::parse("backend-developer").map(|s| s.to_string()),
            Ok("backend-developer".to_owned())
        );
        assert!(Slug::parse("b2").is_ok());
    }

    #[test]
    fn rejects_uppercase_spaces_and_stray_hyphens() {
        for bad in [
            "Backend", "back end", "-lead", "trail-", "dou--ble", "a", "", "ä-b", "x/y",
        ] {
            assert!(Slug::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Slug::parse(&"a".repeat(81)).is_err());
    }
}
