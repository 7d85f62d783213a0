//! The college finder's list in memory: AICTE's institutions and the curated institutes as one list, read
//! from the store once per colleges-scope version and filtered for each request without touching it.

use crate::InstitutePage;
use disha_domain::{CourseMap, InstitutionKind, ProgrammeLevel, Slug, programme_level};
use disha_store::IndexedInstitution;
use disha_store::decode::{course_key, name_key};
use std::collections::HashMap;

/// How a list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum CollegeSort {
    /// By name, A to Z.
    #[default]
    Name,
    /// Most seats a year first.
    Intake,
}

/// Which colleges a list shows; every filter given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollegeFilter {
    /// Only in this state.
    pub state: Option<&'static str>,
    /// Only in this district (compared without case; a curated institute's city counts as its district).
    pub district: Option<String>,
    /// Only of this kind.
    pub kind: Option<InstitutionKind>,
    /// Only running a programme at this level.
    pub level: Option<ProgrammeLevel>,
    /// Only teaching this curated course (its slug); a slug no course has matches nothing.
    pub course: Option<String>,
    /// Only women's institutions.
    pub women_only: bool,
    /// Only those whose name (or, for a curated institute, short name) contains this, without case.
    pub text: Option<String>,
    /// Order.
    pub sort: CollegeSort,
}

/// A college's line in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollegeSummary {
    /// Its address: `/colleges/{slug}`.
    pub slug: Slug,
    /// Name.
    pub name: String,
    /// How it is run, or its family.
    pub kind: InstitutionKind,
    /// District (a curated institute's city).
    pub district: String,
    /// State.
    pub state: &'static str,
    /// Admits women only.
    pub women_only: bool,
    /// Programmes it runs: AICTE's count, or the curated main programmes.
    pub programmes: u32,
    /// Seats a year where AICTE gives them; 0 for a curated institute AICTE does not list.
    pub intake: u64,
    /// In AICTE's list of approved institutions.
    pub aicte: bool,
    /// Has checked facts from Disha's catalog on its page.
    pub curated: bool,
}

#[derive(Debug)]
struct Entry {
    summary: CollegeSummary,
    /// Lower-case name (and short name), what the text filter searches.
    text_key: String,
    /// Lower-case name, what the list is sorted by.
    sort_key: String,
    district_key: String,
    /// One bit per [`ProgrammeLevel`] it runs.
    levels: u16,
    /// The curated courses it teaches, as positions in [`CourseMap::all`].
    courses: Vec<usize>,
}

fn bit(level: ProgrammeLevel) -> u16 {
    use strum::VariantArray;
    ProgrammeLevel::VARIANTS
        .iter()
        .position(|l| *l == level)
        .and_then(|n| u32::try_from(n).ok())
        .map_or(0, |n| 1 << n)
}

/// Every college, sorted once by name and once by seats.
#[derive(Debug, Default)]
pub struct CollegeListing {
    entries: Vec<Entry>,
    by_intake: Vec<usize>,
    course_slugs: Vec<Slug>,
}

impl CollegeListing {
    /// One list from AICTE's institutions and the curated institutes; a curated institute with the slug of
    /// an AICTE institution (FTII, MICA) is one line with the curated name and AICTE's programmes.
    #[must_use]
    pub fn new(
        index: Vec<IndexedInstitution>,
        institutes: &[InstitutePage],
        courses: &CourseMap,
    ) -> Self {
        let mut by_course_key: HashMap<String, Vec<(usize, ProgrammeLevel)>> = HashMap::new();
        for (n, c) in courses.all().iter().enumerate() {
            for name in &c.aicte_courses {
                by_course_key
                    .entry(course_key(name))
                    .or_default()
                    .push((n, c.level));
            }
        }
        let mut entries: Vec<Entry> = index
            .into_iter()
            .map(|i| {
                let mut levels = 0;
                let mut taught = Vec::new();
                for (level, key) in &i.offers {
                    levels |= bit(*level);
                    for (n, at) in by_course_key.get(key).into_iter().flatten() {
                        if at == level && !taught.contains(n) {
                            taught.push(*n);
                        }
                    }
                }
                let s = i.summary;
                Entry {
                    text_key: name_key(&s.name),
                    sort_key: name_key(&s.name),
                    district_key: name_key(&s.district),
                    levels,
                    courses: taught,
                    summary: CollegeSummary {
                        slug: s.slug,
                        name: s.name,
                        kind: s.kind,
                        district: s.district,
                        state: s.state,
                        women_only: s.women_only,
                        programmes: s.programmes,
                        intake: s.intake,
                        aicte: true,
                        curated: false,
                    },
                }
            })
            .collect();
        let by_slug: HashMap<Slug, usize> = entries
            .iter()
            .enumerate()
            .map(|(n, e)| (e.summary.slug.clone(), n))
            .collect();
        for i in institutes {
            let d = &i.details;
            let levels = d
                .programmes
                .iter()
                .filter_map(|p| programme_level(p))
                .fold(0, |acc, l| acc | bit(l));
            let taught: Vec<usize> = courses
                .all()
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.institutes
                        .as_ref()
                        .is_some_and(|r| r.matches(i.kind, &d.programmes))
                })
                .map(|(n, _)| n)
                .collect();
            let text_key = name_key(&format!(
                "{} {}",
                i.name,
                d.short_name.as_deref().unwrap_or_default()
            ));
            if let Some(e) = by_slug.get(&i.slug).and_then(|n| entries.get_mut(*n)) {
                e.text_key = format!("{} {}", text_key, e.text_key);
                e.sort_key = name_key(&i.name);
                e.levels |= levels;
                for n in taught {
                    if !e.courses.contains(&n) {
                        e.courses.push(n);
                    }
                }
                let s = &mut e.summary;
                s.name.clone_from(&i.name);
                s.kind = i.kind;
                s.women_only |= i.women_only;
                s.curated = true;
                continue;
            }
            entries.push(Entry {
                text_key,
                sort_key: name_key(&i.name),
                district_key: name_key(&d.city),
                levels,
                courses: taught,
                summary: CollegeSummary {
                    slug: i.slug.clone(),
                    name: i.name.clone(),
                    kind: i.kind,
                    district: d.city.clone(),
                    state: i.state,
                    women_only: i.women_only,
                    programmes: u32::try_from(d.programmes.len()).unwrap_or(u32::MAX),
                    intake: 0,
                    aicte: false,
                    curated: true,
                },
            });
        }
        entries.sort_by(|a, b| {
            a.sort_key
                .cmp(&b.sort_key)
                .then_with(|| a.summary.slug.cmp(&b.summary.slug))
        });
        let mut by_intake: Vec<usize> = (0..entries.len()).collect();
        by_intake
            .sort_by_key(|n| std::cmp::Reverse(entries.get(*n).map_or(0, |e| e.summary.intake)));
        Self {
            entries,
            by_intake,
            course_slugs: courses.all().iter().map(|c| c.slug.clone()).collect(),
        }
    }

    /// A page of the colleges `f` lets through, `per_page` to a page from `offset`, and how many there are.
    #[must_use]
    pub fn page(
        &self,
        f: &CollegeFilter,
        offset: usize,
        per_page: usize,
    ) -> (Vec<CollegeSummary>, u64) {
        // An unknown course gets a position past every course: no college teaches it.
        let course = f.course.as_ref().map(|slug| {
            self.course_slugs
                .iter()
                .position(|c| c.as_str() == slug)
                .unwrap_or(usize::MAX)
        });
        let district = f.district.as_deref().map(name_key);
        let text = f.text.as_deref().map(name_key);
        let keep = |e: &Entry| {
            let s = &e.summary;
            f.state.is_none_or(|st| s.state == st)
                && district.as_ref().is_none_or(|d| e.district_key == *d)
                && f.kind.is_none_or(|k| s.kind == k)
                && f.level.is_none_or(|l| e.levels & bit(l) != 0)
                && course.is_none_or(|c| e.courses.contains(&c))
                && (!f.women_only || s.women_only)
                && text
                    .as_ref()
                    .is_none_or(|t| e.text_key.contains(t.as_str()))
        };
        let order: Box<dyn Iterator<Item = &Entry>> = match f.sort {
            CollegeSort::Name => Box::new(self.entries.iter()),
            CollegeSort::Intake => {
                Box::new(self.by_intake.iter().filter_map(|n| self.entries.get(*n)))
            }
        };
        let mut total = 0_u64;
        let mut items = Vec::new();
        for e in order.filter(|e| keep(e)) {
            if usize::try_from(total).is_ok_and(|t| t >= offset) && items.len() < per_page {
                items.push(e.summary.clone());
            }
            total += 1;
        }
        (items, total)
    }

    /// Every college's slug, by name.
    pub fn slugs(&self) -> impl Iterator<Item = &Slug> {
        self.entries.iter().map(|e| &e.summary.slug)
    }

    /// Every college's line, by name.
    pub fn all(&self) -> impl Iterator<Item = &CollegeSummary> {
        self.entries.iter().map(|e| &e.summary)
    }
}

#[cfg(test)]
mod tests;
