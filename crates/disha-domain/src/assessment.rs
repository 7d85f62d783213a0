//! The interest assessment: sixty work activities, ten for each RIASEC (Holland) area, each answered on a
//! five-point scale from "strongly dislike" (0) to "strongly like" (4). An area's score is the sum of its
//! ten answers, 0–40; the Holland code is the three highest areas.

use crate::{FieldCode, FieldErrors, Problem};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use utoipa::ToSchema;

/// Items in each area.
pub const ITEMS_PER_AREA: usize = 10;
/// The highest answer ("strongly like").
pub const MAX_ANSWER: u8 = 4;
/// The highest area score.
pub const MAX_SCORE: u8 = 40;
/// Longest item text, in characters.
const MAX_TEXT: usize = 80;

/// The items Disha asks, compiled in: the scoring and the API's schema depend on them, so they ship with
/// the code.
pub const ITEMS_TOML: &str = include_str!("../../../catalog/assessment/items.toml");

/// One of the six Holland interest areas.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantArray,
    Serialize,
    Deserialize,
    ToSchema,
)]
pub enum Area {
    /// Realistic: hands-on work with tools, machines, plants and animals.
    R,
    /// Investigative: finding out how things work.
    I,
    /// Artistic: making, designing, writing and performing.
    A,
    /// Social: helping, teaching and caring for people.
    S,
    /// Enterprising: leading, persuading and running things.
    E,
    /// Conventional: records, numbers and set ways of working.
    C,
}

impl Area {
    /// The six areas in R, I, A, S, E, C order.
    pub const ALL: [Self; 6] = [Self::R, Self::I, Self::A, Self::S, Self::E, Self::C];

    /// Its position in R, I, A, S, E, C order.
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            Self::R => 0,
            Self::I => 1,
            Self::A => 2,
            Self::S => 3,
            Self::E => 4,
            Self::C => 5,
        }
    }

    /// Its letter.
    #[must_use]
    pub fn letter(self) -> &'static str {
        self.into()
    }
}

/// One activity to rate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Its id, e.g. `r01`.
    pub id: String,
    /// The area it measures.
    pub area: Area,
    /// The activity, e.g. "Repair a bicycle or a ceiling fan".
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    item: Vec<Item>,
}

/// The sixty items, in the order they are asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemBank {
    items: Vec<Item>,
}

/// The six area scores, each 0–40, in R, I, A, S, E, C order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Scores(pub [u8; 6]);

impl Scores {
    /// An area's score.
    #[must_use]
    pub fn get(&self, area: Area) -> u8 {
        self.0.get(area.index()).copied().unwrap_or_default()
    }

    /// The areas from highest score to lowest; equal scores keep R, I, A, S, E, C order.
    #[must_use]
    pub fn ranked(&self) -> [Area; 6] {
        let mut areas = Area::ALL;
        areas.sort_by_key(|a| std::cmp::Reverse(self.get(*a)));
        areas
    }

    /// The Holland code: the three highest areas' letters, e.g. `IAS`.
    #[must_use]
    pub fn code(&self) -> String {
        self.ranked().iter().take(3).map(|a| a.letter()).collect()
    }

    /// Each score on O*NET's 1–7 interest scale, to set beside an occupation's profile.
    #[must_use]
    pub fn on_onet_scale(&self) -> [f64; 6] {
        self.0
            .map(|s| 1.0 + 6.0 * f64::from(s) / f64::from(MAX_SCORE))
    }
}

/// A JSON number that is a whole number from 0 to 255 (`3` or `3.0`, as JSON Schema counts integers).
#[must_use]
pub fn whole(v: &serde_json::Value) -> Option<u8> {
    if let Some(n) = v.as_u64() {
        return u8::try_from(n).ok();
    }
    let f = v.as_f64()?;
    (0_u8..=u8::MAX).find(|n| f64::from(*n) == f)
}

impl ItemBank {
    /// Parses the items file, checking there are ten items for each area with distinct ids and short texts.
    ///
    /// # Errors
    /// Every problem found, one per line.
    pub fn parse(text: &str) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| format!("items: {e}"))?;
        let mut problems = Vec::new();
        let mut ids = HashSet::new();
        for i in &file.item {
            if !ids.insert(i.id.as_str()) {
                problems.push(format!("item {:?} is there twice", i.id));
            }
            let len = i.text.chars().count();
            if !(3..=MAX_TEXT).contains(&len) {
                problems.push(format!(
                    "item {:?}: text must be 3–{MAX_TEXT} characters",
                    i.id
                ));
            }
        }
        for area in Area::ALL {
            let n = file.item.iter().filter(|i| i.area == area).count();
            if n != ITEMS_PER_AREA {
                problems.push(format!(
                    "area {}: {n} items, not {ITEMS_PER_AREA}",
                    area.letter()
                ));
            }
        }
        if problems.is_empty() {
            Ok(Self { items: file.item })
        } else {
            Err(problems.join("\n"))
        }
    }

    /// Every item, in the order they are asked.
    #[must_use]
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The six scores from answers keyed by item id, each a whole number 0–4, every item answered once.
    ///
    /// # Errors
    /// One error per bad item, naming it (`answers.r01`): not answered, unknown, or not a whole number 0–4.
    pub fn score(
        &self,
        answers: &BTreeMap<String, serde_json::Value>,
    ) -> Result<Scores, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut sums = [0_u8; 6];
        for item in &self.items {
            let field = format!("answers.{}", item.id);
            match answers.get(&item.id) {
                None => e.at(field, Problem::invalid("not answered: give 0 to 4")),
                Some(v) => match whole(v) {
                    Some(n) if n <= MAX_ANSWER => {
                        if let Some(s) = sums.get_mut(item.area.index()) {
                            *s = s.saturating_add(n);
                        }
                    }
                    _ => e.at(field, Problem::range(0, MAX_ANSWER)),
                },
            }
        }
        for id in answers.keys() {
            if !self.items.iter().any(|i| i.id == *id) {
                e.add(
                    format!("answers.{id}"),
                    FieldCode::Unknown,
                    vec![(
                        "expected",
                        "the ids from GET /api/assessment/items".to_owned(),
                    )],
                );
            }
        }
        e.into_result(Scores(sums))
    }
}

#[cfg(test)]
mod tests;
