//! The courses that lead to careers, and the names AICTE's list gives each course, kept as data in
//! `catalog/courses.toml`: a career links to its courses, and a course to the institutions that offer it.

use crate::{InstitutionKind, ProgrammeLevel, Slug};
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
    /// Which curated institutes teach it, by the names of their programmes.
    pub institutes: Option<InstituteRule>,
}

/// The curated institutes that teach a course: those listing one of `programmes` (alone, or followed by a
/// bracket: "B.Des (Industrial Design)" is a "B.Des"), and, when `kinds` is not empty, only of those kinds.
/// The catalog names degrees, not branches, so a branch (computer science) is matched only in families that
/// all teach it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstituteRule {
    /// Degree names as the catalog spells them.
    pub programmes: Vec<String>,
    /// Kinds of institute, or empty for any.
    pub kinds: Vec<InstitutionKind>,
}

impl InstituteRule {
    /// Whether an institute of `kind` running `programmes` teaches the course.
    #[must_use]
    pub fn matches(&self, kind: InstitutionKind, programmes: &[String]) -> bool {
        (self.kinds.is_empty() || self.kinds.contains(&kind))
            && programmes.iter().any(|p| {
                self.programmes.iter().any(|want| {
                    p.strip_prefix(want.as_str())
                        .is_some_and(|tail| tail.is_empty() || tail.starts_with(" ("))
                })
            })
    }
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
    #[serde(default)]
    institutes: Option<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    programmes: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
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
            let institutes = c.institutes.map(|r| {
                if r.programmes.is_empty() {
                    problems.push(format!("{at}: institutes need at least one programme"));
                }
                InstituteRule {
                    programmes: r.programmes,
                    kinds: r
                        .kinds
                        .iter()
                        .filter_map(|k| {
                            k.parse()
                                .map_err(|_unknown| {
                                    problems.push(format!("{at}: no kind of institute {k:?}"));
                                })
                                .ok()
                        })
                        .collect(),
                }
            });
            if let (Ok(slug), Ok(level)) = (slug, level) {
                courses.push(CourseLink {
                    slug,
                    name: c.name,
                    level,
                    years: c.years,
                    careers: links,
                    aicte_courses: c.aicte_courses,
                    institutes,
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
        let ruled = format!(
            "{good}institutes = {{ programmes = [\"B.Tech\"], kinds = [\"iit\", \"nit\"] }}\n"
        );
        let rule = CourseMap::parse(&ruled, &careers)
            .expect("valid")
            .get("btech-computer-science")
            .and_then(|c| c.institutes.clone())
            .expect("rule");
        let names = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(rule.matches(InstitutionKind::Iit, &names(&["B.Tech", "PhD"])));
        assert!(!rule.matches(InstitutionKind::CentralUniversity, &names(&["B.Tech"])));
        assert!(!rule.matches(InstitutionKind::Nit, &names(&["B.Tech Dairy Technology"])));
        let bad_kind = ruled.replace("\"nit\"", "\"polytechnic\"");
        assert!(
            CourseMap::parse(&bad_kind, &careers)
                .expect_err("invalid")
                .contains("polytechnic")
        );
    }

    #[test]
    fn a_degree_matches_with_its_bracketed_branch_but_not_as_part_of_another() {
        let rule = InstituteRule {
            programmes: vec!["B.Des".into(), "BBA".into()],
            kinds: Vec::new(),
        };
        let one = |p: &str| rule.matches(InstitutionKind::Nid, &[p.to_owned()]);
        assert!(one("B.Des (Industrial Design)"));
        assert!(one("BBA"));
        assert!(!one("BBA LLB (Hons)"));
        assert!(!one("B.Design"));
    }
}
