//! The courses that lead to careers, and the names AICTE's list gives each course, kept as data in
//! `catalog/courses.toml`: a career links to its courses, and a course to the institutions that offer it.

use crate::{ProgrammeLevel, Slug};
use serde::Deserialize;
use std::collections::HashSet;

/// A course as students know it.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseLink {
    /// Its address on the site.
    pub slug: Slug,
    /// Its name as students say it.
    pub name: String,
    /// Its level.
    pub level: ProgrammeLevel,
    /// How long it usually takes.
    pub years: f32,
    /// The careers it leads to.
    pub careers: Vec<Slug>,
    /// The names AICTE's list gives it, as spelled there.
    pub aicte_courses: Vec<String>,
}

/// Every curated course.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CourseMap {
    courses: Vec<CourseLink>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    course: Vec<RawCourse>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    slug: String,
    name: String,
    level: String,
    years: f32,
    careers: Vec<String>,
    aicte_level: String,
    aicte_programme: String,
    aicte_courses: Vec<String>,
}

impl CourseMap {
    /// Parses `courses.toml`, checking each course against `careers` (the slugs of the career profiles).
    ///
    /// # Errors
    /// Every problem found, one per line.
    pub fn parse(text: &str, careers: &HashSet<String>) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| format!("courses.toml: {e}"))?;
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut courses = Vec::with_capacity(file.course.len());
        for c in file.course {
            let at = format!("course {:?}", c.slug);
            let slug = Slug::parse(&c.slug).map_err(|p| problems.push(format!("{at}: slug {p}")));
            if !seen.insert(c.slug.clone()) {
                problems.push(format!("{at}: slug used twice"));
            }
            let level = c.level.parse::<ProgrammeLevel>().map_err(|_unknown| {
                problems.push(format!(
                    "{at}: level {:?} is not a programme level",
                    c.level
                ));
            });
            if ProgrammeLevel::from_aicte(&c.aicte_level).is_none() {
                problems.push(format!(
                    "{at}: aicte_level {:?} is not AICTE's",
                    c.aicte_level
                ));
            }
            if !(3..=120).contains(&c.name.chars().count()) {
                problems.push(format!("{at}: name must be 3–120 characters"));
            }
            if !(0.5..=7.0).contains(&c.years) {
                problems.push(format!("{at}: years must be 0.5–7"));
            }
            if c.aicte_courses.is_empty() || c.aicte_programme.trim().is_empty() {
                problems.push(format!(
                    "{at}: name at least one AICTE course and its programme"
                ));
            }
            let mut links = Vec::with_capacity(c.careers.len());
            for career in &c.careers {
                if careers.contains(career) {
                    if let Ok(s) = Slug::parse(career) {
                        links.push(s);
                    }
                } else {
                    problems.push(format!("{at}: no career {career:?}"));
                }
            }
            if let (Ok(slug), Ok(level)) = (slug, level) {
                courses.push(CourseLink {
                    slug,
                    name: c.name,
                    level,
                    years: c.years,
                    careers: links,
                    aicte_courses: c.aicte_courses,
                });
            }
        }
        if problems.is_empty() {
            Ok(Self { courses })
        } else {
            Err(problems.join("\n"))
        }
    }

    /// The course with this slug.
    #[must_use]
    pub fn get(&self, slug: &str) -> Option<&CourseLink> {
        self.courses.iter().find(|c| c.slug.as_str() == slug)
    }

    /// The courses that lead to a career, in the file's order.
    pub fn for_career<'a>(&'a self, career: &'a str) -> impl Iterator<Item = &'a CourseLink> + 'a {
        self.courses
            .iter()
            .filter(move |c| c.careers.iter().any(|s| s.as_str() == career))
    }

    /// Every course.
    #[must_use]
    pub fn all(&self) -> &[CourseLink] {
        &self.courses
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_course_names_real_careers_and_a_known_level() {
        let careers: HashSet<String> = ["backend-developer".to_owned()].into();
        let good = r#"
[[course]]
slug = "btech-computer-science"
name = "B.E./B.Tech in Computer Science and Engineering"
level = "ug"
years = 4
careers = ["backend-developer"]
aicte_level = "UNDER GRADUATE"
aicte_programme = "ENGINEERING AND TECHNOLOGY"
aicte_courses = ["COMPUTER SCIENCE AND ENGINEERING"]
"#;
        let map = CourseMap::parse(good, &careers).expect("valid");
        assert_eq!(map.for_career("backend-developer").count(), 1);
        assert_eq!(
            map.get("btech-computer-science").map(|c| c.level),
            Some(ProgrammeLevel::Ug)
        );
        let bad = good
            .replace("\"backend-developer\"]", "\"astronaut\"]")
            .replace("\"ug\"", "\"phd\"");
        let err = CourseMap::parse(&bad, &careers).expect_err("invalid");
        assert!(err.contains("astronaut") && err.contains("phd"), "{err}");
    }
}
