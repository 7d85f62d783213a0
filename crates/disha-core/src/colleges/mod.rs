//! The college finder: institutions listed with filters and pages, one institution's programmes, a few side
//! by side, and the courses that link careers to the institutions offering them.

mod listing;

pub use listing::{CollegeFilter, CollegeListing, CollegeSort, CollegeSummary};

use crate::freshness::Memo;
use crate::import::ImportSummary;
use crate::{CoreError, InstitutePage, Library};
use disha_domain::{
    CourseLink, CourseMap, FieldErrors, Institution, InstitutionKind, InstitutionSource, Problem,
    Programme, ProgrammeLevel, Slug, normalise_state, programme_level,
};
use disha_store::{InstitutionRecord, Store, scopes};
use std::sync::Arc;

/// Institutions on one page of a list.
pub const PER_PAGE: u32 = 20;
/// Most institutions compared at once.
pub const MAX_COMPARED: usize = 4;
/// Longest text filter, in characters.
const MAX_TEXT: usize = 100;
/// Longest course slug.
const MAX_COURSE: usize = 80;
/// Furthest page.
const MAX_PAGE: u32 = 1_000;

/// A list request as sent; every field optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
pub struct RawCollegeQuery {
    /// State or union territory.
    pub state: Option<String>,
    /// District.
    pub district: Option<String>,
    /// Kind (`government`, `iit` …).
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Programme level (`ug`, `pg`, `diploma` …).
    pub level: Option<String>,
    /// A course's slug from the curated courses.
    pub course: Option<String>,
    /// `true` for women's institutions only.
    pub women: Option<String>,
    /// Words in the name.
    pub q: Option<String>,
    /// `name` or `intake`.
    pub sort: Option<String>,
    /// Page, from 1.
    pub page: Option<String>,
}

/// A page of the list, with the filters it was made with.
#[derive(Debug, Clone)]
pub struct CollegePage {
    /// The colleges on this page.
    pub items: Vec<CollegeSummary>,
    /// How many match in all.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// How many pages there are.
    pub pages: u32,
    /// The filters, parsed.
    pub filter: CollegeFilter,
    /// The course filtered on, if any.
    pub course: Option<CourseLink>,
}

/// A college's page: AICTE's record or, for a curated institute AICTE does not list, one made from the
/// catalog; and the catalog's checked facts when it has them.
#[derive(Debug, Clone)]
pub struct College {
    /// What AICTE lists, or the catalog's name, kind, city and main programmes.
    pub institution: Institution,
    /// The catalog's facts: admission, seats kept for some students, sources.
    pub curated: Option<InstitutePage>,
}

impl College {
    fn from_catalog(i: InstitutePage) -> Self {
        let programmes = i
            .details
            .programmes
            .iter()
            .filter_map(|p| {
                programme_level(p).map(|level| Programme {
                    level,
                    discipline: String::new(),
                    course: p.clone(),
                    shift: String::new(),
                    mode: String::new(),
                    intake: None,
                })
            })
            .collect();
        Self {
            institution: Institution {
                slug: i.slug.clone(),
                name: i.name.clone(),
                kind: i.kind,
                address: String::new(),
                district: i.details.city.clone(),
                state: i.state,
                university: String::new(),
                women_only: i.women_only,
                minority: false,
                source: InstitutionSource::Catalog,
                programmes,
            },
            curated: Some(i),
        }
    }
}

/// The college-finder use cases.
#[derive(Clone)]
pub struct Colleges {
    store: Arc<dyn Store>,
    library: Library,
    courses: Arc<CourseMap>,
    listing: Arc<Memo<CollegeListing>>,
}

impl std::fmt::Debug for Colleges {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Colleges").finish_non_exhaustive()
    }
}

fn blank(raw: Option<&String>) -> Option<&str> {
    raw.map(|s| s.trim()).filter(|s| !s.is_empty())
}

impl Colleges {
    /// The use cases over `store`, with the library's curated courses.
    #[must_use]
    pub fn new(store: Arc<dyn Store>, library: Library) -> Self {
        Self {
            store,
            courses: library.courses(),
            library,
            listing: Arc::default(),
        }
    }

    /// The curated courses.
    #[must_use]
    pub fn courses(&self) -> &CourseMap {
        &self.courses
    }

    /// Makes the stored AICTE institutions exactly `records` (all or nothing), and says what changed.
    ///
    /// # Errors
    /// When the store fails; then nothing was written.
    pub async fn import_aicte(
        &self,
        records: &[InstitutionRecord],
        mut summary: ImportSummary,
    ) -> Result<ImportSummary, CoreError> {
        summary.counts = self.store.import_aicte(records).await?;
        self.library.observe_writes().await;
        Ok(summary)
    }

    /// Parses a list request.
    ///
    /// # Errors
    /// `Invalid` naming each bad field.
    pub fn parse_query(
        &self,
        raw: &RawCollegeQuery,
    ) -> Result<(CollegeFilter, Option<CourseLink>, u32), CoreError> {
        let mut e = FieldErrors::default();
        let state = blank(raw.state.as_ref()).and_then(|s| {
            normalise_state(s).or_else(|| {
                e.at(
                    "state",
                    Problem::invalid("not a state or union territory of India"),
                );
                None
            })
        });
        let kind = blank(raw.kind.as_ref()).and_then(|k| {
            k.parse::<InstitutionKind>()
                .map_err(|_unknown| e.at("type", Problem::one_of_variants::<InstitutionKind>()))
                .ok()
        });
        let mut level = blank(raw.level.as_ref()).and_then(|l| {
            l.parse::<ProgrammeLevel>()
                .map_err(|_unknown| e.at("level", Problem::one_of_variants::<ProgrammeLevel>()))
                .ok()
        });
        let wanted_course = blank(raw.course.as_ref());
        if wanted_course.is_some_and(|c| c.chars().count() > MAX_COURSE) {
            e.at("course", Problem::length(0, MAX_COURSE, MAX_COURSE + 1));
        }
        let course = wanted_course.and_then(|c| self.courses.get(c).cloned());
        let wanted_course = wanted_course.map(str::to_owned);
        if let Some(c) = &course {
            level = Some(c.level);
        }
        let women_only = match blank(raw.women.as_ref()) {
            None | Some("false" | "0") => false,
            Some("true" | "1" | "on") => true,
            Some(_) => {
                e.at("women", Problem::one_of(&["true", "false"]));
                false
            }
        };
        let mut words = |field: &str, raw: Option<&String>| {
            let sent = raw.map_or(0, |r| r.chars().count());
            if sent > MAX_TEXT {
                e.at(field, Problem::length(0, MAX_TEXT, sent));
            } else if raw.is_some_and(|r| r.chars().any(char::is_control)) {
                e.at(field, Problem::invalid("contains a control character"));
            }
            blank(raw).map(str::to_owned)
        };
        let text = words("q", raw.q.as_ref());
        let district = words("district", raw.district.as_ref());
        let sort = match blank(raw.sort.as_ref()) {
            None => CollegeSort::Name,
            Some(s) => s.parse().unwrap_or_else(|_unknown| {
                e.at("sort", Problem::one_of(&["name", "intake"]));
                CollegeSort::Name
            }),
        };
        let page = match blank(raw.page.as_ref()) {
            None => 1,
            Some(p) => match p.parse::<u32>() {
                Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                _ => {
                    e.at("page", Problem::range(1, MAX_PAGE));
                    1
                }
            },
        };
        if !e.is_empty() {
            return Err(CoreError::Invalid(e));
        }
        let filter = CollegeFilter {
            state,
            district,
            kind,
            level,
            course: wanted_course,
            women_only,
            text,
            sort,
        };
        Ok((filter, course, page))
    }

    /// Every college, read from the store once per colleges-scope version.
    async fn listing(&self) -> Result<Arc<CollegeListing>, CoreError> {
        let version = self.library.content_version(scopes::COLLEGES);
        self.listing
            .get(version, async || {
                let index = self.store.institution_index().await?;
                let institutes = self.library.institutes().await?;
                Ok(CollegeListing::new(index, &institutes, &self.courses))
            })
            .await
    }

    /// A page of colleges.
    ///
    /// # Errors
    /// `Invalid` naming each bad field; store failures.
    pub async fn list(&self, raw: &RawCollegeQuery) -> Result<CollegePage, CoreError> {
        let (filter, course, page) = self.parse_query(raw)?;
        let per_page = usize::try_from(PER_PAGE).unwrap_or(usize::MAX);
        let offset = usize::try_from(page - 1)
            .unwrap_or(usize::MAX)
            .saturating_mul(per_page);
        let (items, total) = self.listing().await?.page(&filter, offset, per_page);
        let pages = u32::try_from(total.div_ceil(u64::from(PER_PAGE))).unwrap_or(u32::MAX);
        Ok(CollegePage {
            items,
            total,
            page,
            pages,
            filter,
            course,
        })
    }

    /// The list lines of these colleges, in the order given; unknown ones are left out.
    ///
    /// # Errors
    /// Store failures.
    pub async fn summaries(&self, slugs: &[Slug]) -> Result<Vec<CollegeSummary>, CoreError> {
        let listing = self.listing().await?;
        Ok(slugs
            .iter()
            .filter_map(|s| listing.all().find(|c| c.slug == *s).cloned())
            .collect())
    }

    /// One college.
    ///
    /// # Errors
    /// `NotFound` when no college has the slug.
    pub async fn college(&self, raw_slug: &str) -> Result<College, CoreError> {
        let slug = Slug::parse(raw_slug).map_err(|_unknown| CoreError::NotFound)?;
        let curated = self.library.institute(&slug).await?;
        match (self.store.institution(&slug).await?, curated) {
            (Some(mut institution), curated) => {
                if let Some(c) = &curated {
                    // The catalog's name is the one students know ("Ftii" in AICTE's list).
                    institution.name.clone_from(&c.name);
                    institution.kind = c.kind;
                }
                Ok(College {
                    institution,
                    curated,
                })
            }
            (None, Some(c)) => Ok(College::from_catalog(c)),
            (None, None) => Err(CoreError::NotFound),
        }
    }

    /// The slugs a comparison asks for, in order, each once: checked without reading anything, so a cached
    /// comparison is served without touching the store.
    ///
    /// # Errors
    /// `Invalid` naming `c` when there are none or more than four.
    pub fn compare_request(raw: &[String]) -> Result<Vec<String>, CoreError> {
        let mut slugs: Vec<String> = Vec::new();
        for s in raw.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            if !slugs.iter().any(|x| x == s) {
                slugs.push(s.to_owned());
            }
        }
        if slugs.is_empty() || slugs.len() > MAX_COMPARED {
            let mut e = FieldErrors::default();
            e.at("c", Problem::range(1, MAX_COMPARED));
            return Err(CoreError::Invalid(e));
        }
        Ok(slugs)
    }

    /// The institutions of a checked comparison (see [`Colleges::compare_request`]), in its order.
    ///
    /// # Errors
    /// `NotFound` when one is unknown.
    pub async fn compare(&self, slugs: &[String]) -> Result<Vec<College>, CoreError> {
        let mut out = Vec::with_capacity(slugs.len());
        for s in slugs {
            out.push(self.college(s).await?);
        }
        Ok(out)
    }

    /// Every college page's slug: AICTE's institutions and the curated institutes.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn all_slugs(&self) -> Result<Vec<Slug>, CoreError> {
        Ok(self.listing().await?.slugs().cloned().collect())
    }
}
