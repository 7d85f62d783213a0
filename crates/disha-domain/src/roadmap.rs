//! A student's progress along a career's numbered steps.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a student is with a step.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    Serialize,
    Deserialize,
    ToSchema,
)]
#[strum(serialize_all = "kebab-case")]
#[serde(rename_all = "kebab-case")]
pub enum StepStatus {
    /// Not begun.
    #[default]
    NotStarted,
    /// Working on it.
    Learning,
    /// Finished.
    Done,
    /// Decided not to do it.
    Skipped,
}

impl StepStatus {
    /// Whether the step no longer stands in the way.
    #[must_use]
    pub const fn finished(self) -> bool {
        matches!(self, Self::Done | Self::Skipped)
    }
}

/// Longest personal note on a step, in characters.
pub const MAX_NOTE: usize = 1_000;

/// The key a step's status is kept under: its title in lower case with only letters and digits, words
/// separated by single hyphens. Careers that share a step by title share its status.
#[must_use]
pub fn step_key(title: &str) -> String {
    title
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_with_the_same_title_share_a_key_whatever_the_spacing_and_punctuation() {
        assert_eq!(
            step_key("Choose Science with PCB after class 10"),
            step_key("choose  science with PCB — after class 10.")
        );
        assert_eq!(
            step_key("Class 11–12: prepare for JEE"),
            "class-11-12-prepare-for-jee"
        );
    }
}
