//! The curated catalog of well-known institutes AICTE does not approve (`catalog/institutes/*.toml`): parsed,
//! checked against the rules in `catalog/institutes/README.md`, and matched to the colleges career profiles
//! name.

use crate::{
    CheckedOn, FieldErrors, InstitutionKind, Problem, ProgrammeLevel, STATES, Slug, SourceUrl,
};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A seat rule (by gender, domicile or category) with the official page that states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SeatNote {
    /// The rule, in plain words.
    pub note: String,
    /// The official page.
    pub source: SourceUrl,
}

/// An official page the facts come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstituteSource {
    /// What the page is.
    pub title: String,
    /// Where it is.
    pub url: SourceUrl,
}

/// What the catalog says about an institute beyond what a list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct InstituteDetails {
    /// The name students use ("IIT Bombay").
    pub short_name: Option<String>,
    /// The city or town of the main campus.
    pub city: String,
    /// The year it was founded.
    pub established: Option<u16>,
    /// Its own official website.
    pub website: SourceUrl,
    /// Its main programmes, as students name them.
    pub programmes: Vec<String>,
    /// How admission works, programme by programme.
    pub admission: String,
    /// Seats limited by gender, domicile or category.
    pub seat_notes: Vec<SeatNote>,
    /// The official pages these facts come from.
    pub sources: Vec<InstituteSource>,
    /// When the file was checked against its sources.
    #[schema(value_type = String, format = Date)]
    pub reviewed_on: CheckedOn,
    /// What is not yet confirmed, worded for a parent.
    pub pending: Vec<String>,
}

/// A curated institute, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogInstitute {
    /// Its address on the site (the file's name).
    pub slug: Slug,
    /// Its full official name.
    pub name: String,
    /// Its family.
    pub kind: InstitutionKind,
    /// Its state or union territory.
    pub state: &'static str,
    /// Admits women only.
    pub women_only: bool,
    /// The names career profiles use for it.
    pub aliases: Vec<String>,
    /// Everything else.
    pub details: InstituteDetails,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInstitute {
    slug: String,
    name: String,
    short_name: Option<String>,
    kind: String,
    city: String,
    state: String,
    established: Option<i64>,
    website: String,
    programmes: Vec<String>,
    admission: String,
    women_only: bool,
    aliases: Vec<String>,
    #[serde(default)]
    seat_notes: Vec<RawNote>,
    sources: Vec<RawSource>,
    reviewed_on: String,
    #[serde(default)]
    pending: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote {
    note: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: String,
    url: String,
}

fn text(e: &mut FieldErrors, field: &str, value: &str, min: usize, max: usize) -> String {
    let v = value.trim();
    let n = v.chars().count();
    if n < min || n > max {
        e.at(field, Problem::length(min, max, n));
    }
    v.to_owned()
}

fn count(e: &mut FieldErrors, field: &str, n: usize, min: usize, max: usize) {
    if n < min || n > max {
        e.push(field, format!("must have {min} to {max} items (has {n})"));
    }
}

fn url(e: &mut FieldErrors, field: &str, raw: &str) -> Option<SourceUrl> {
    match SourceUrl::parse(raw) {
        Ok(u) if raw.starts_with("https://") => Some(u),
        Ok(_) => {
            e.at(field, Problem::format("an https:// address"));
            None
        }
        Err(p) => {
            e.at(field, p);
            None
        }
    }
}

/// Parses and checks one file, named `<slug>.toml`.
///
/// # Errors
/// Every problem, keyed by field.
pub fn parse_institute(file_name: &str, toml_text: &str) -> Result<CatalogInstitute, FieldErrors> {
    let raw: RawInstitute = toml::from_str(toml_text).map_err(|err| {
        let mut e = FieldErrors::default();
        e.push("file", err.message().to_owned());
        e
    })?;
    let mut e = FieldErrors::default();
    let slug = match Slug::parse(&raw.slug) {
        Ok(s) => Some(s),
        Err(p) => {
            e.at("slug", p);
            None
        }
    };
    if file_name.strip_suffix(".toml") != Some(raw.slug.as_str()) {
        e.push("slug", format!("must equal the file name ({file_name})"));
    }
    let name = text(&mut e, "name", &raw.name, 3, 200);
    let short_name = raw
        .short_name
        .as_deref()
        .map(|s| text(&mut e, "short_name", s, 2, 60));
    let kind = raw.kind.parse::<InstitutionKind>().ok().filter(|k| {
        // The catalog's families, not AICTE's ways of running a college.
        *k >= InstitutionKind::CentralUniversity
            || *k == InstitutionKind::StateUniversity
            || *k == InstitutionKind::PrivateUniversity
    });
    if kind.is_none() {
        e.push("kind", format!("{:?} is not a catalog kind", raw.kind));
    }
    let city = text(&mut e, "city", &raw.city, 2, 80);
    let state = STATES.iter().find(|s| **s == raw.state).copied();
    if state.is_none() {
        e.at("state", Problem::one_of(&STATES));
    }
    let established = raw.established.and_then(|y| {
        let ok = u16::try_from(y).ok().filter(|y| (1800..=2030).contains(y));
        if ok.is_none() {
            e.at("established", Problem::range(1800, 2030));
        }
        ok
    });
    let website = url(&mut e, "website", &raw.website);
    count(&mut e, "programmes", raw.programmes.len(), 2, 12);
    let programmes = raw
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| text(&mut e, &format!("programmes[{i}]"), p, 2, 80))
        .collect();
    let admission = text(&mut e, "admission", &raw.admission, 80, 700);
    count(&mut e, "aliases", raw.aliases.len(), 0, 12);
    count(&mut e, "seat_notes", raw.seat_notes.len(), 0, 6);
    let seat_notes = raw
        .seat_notes
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let note = text(&mut e, &format!("seat_notes[{i}].note"), &n.note, 10, 300);
            url(&mut e, &format!("seat_notes[{i}].source"), &n.source)
                .map(|source| SeatNote { note, source })
        })
        .collect();
    count(&mut e, "sources", raw.sources.len(), 1, 4);
    let sources = raw
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let title = text(&mut e, &format!("sources[{i}].title"), &s.title, 5, 160);
            url(&mut e, &format!("sources[{i}].url"), &s.url)
                .map(|url| InstituteSource { title, url })
        })
        .collect();
    let reviewed_on = match CheckedOn::parse(&raw.reviewed_on) {
        Ok(d) => Some(d),
        Err(p) => {
            e.at("reviewed_on", p);
            None
        }
    };
    count(&mut e, "pending", raw.pending.len(), 0, 8);
    let pending = raw
        .pending
        .iter()
        .enumerate()
        .map(|(i, p)| text(&mut e, &format!("pending[{i}]"), p, 10, 400))
        .collect();
    match (slug, kind, state, website, reviewed_on) {
        (Some(slug), Some(kind), Some(state), Some(website), Some(reviewed_on))
            if e.0.is_empty() =>
        {
            Ok(CatalogInstitute {
                slug,
                name,
                kind,
                state,
                women_only: raw.women_only,
                aliases: raw.aliases.iter().map(|a| a.trim().to_owned()).collect(),
                details: InstituteDetails {
                    short_name,
                    city,
                    established,
                    website,
                    programmes,
                    admission,
                    seat_notes,
                    sources,
                    reviewed_on,
                    pending,
                },
            })
        }
        _ => Err(e),
    }
}

/// Which curated institute a career profile's college is: the one listing its name among its aliases (or as
/// its name or short name), and where several do, the one in the college's city.
#[must_use]
pub fn find_institute<'a>(
    institutes: &'a [CatalogInstitute],
    name: &str,
    city: &str,
) -> Option<&'a CatalogInstitute> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let named: Vec<&CatalogInstitute> = institutes
        .iter()
        .filter(|i| {
            same(&i.name, name)
                || i.details
                    .short_name
                    .as_deref()
                    .is_some_and(|s| same(s, name))
                || i.aliases.iter().any(|a| same(a, name))
        })
        .collect();
    match named.as_slice() {
        [one] => Some(one),
        [] => None,
        several => several
            .iter()
            .find(|i| {
                same(&i.details.city, city)
                    || city.to_lowercase().contains(&i.details.city.to_lowercase())
            })
            .copied(),
    }
}

/// The level of a programme as the catalog names it ("B.Tech", "MBA", "BA LLB (Hons)", "PhD"), when the
/// name makes it plain; an exam stage or a training course ("CA Final", "IPS basic course") has none.
#[must_use]
pub fn programme_level(name: &str) -> Option<ProgrammeLevel> {
    use ProgrammeLevel::{Diploma, Fellowship, Integrated, Pg, PgDiploma, Ug};
    let lower = name.to_lowercase();
    // Dots and brackets go, hyphens stay: "B.Sc-M.Sc" is one word, "bsc-msc".
    let plain: String = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '/')
        .collect();
    let words: Vec<&str> = plain.split_whitespace().collect();
    let first = words.first().copied()?.replace('/', "");
    let rest = words.get(1).copied().unwrap_or_default();
    if lower.contains("integrated") || lower.contains("dual degree") || first.starts_with("bs-ms") {
        return Some(Integrated);
    }
    if first.starts_with('b') && first.contains("-m") {
        return Some(Integrated);
    }
    if words.contains(&"llb") && first != "llb" {
        return Some(Integrated);
    }
    Some(match first.as_str() {
        "phd" | "fellow" => Fellowship,
        "executive" if rest.starts_with("pgd") => PgDiploma,
        "executive" if rest == "mba" => Pg,
        f if f.starts_with("pgd") || f == "pg" && rest == "diploma" => PgDiploma,
        f if f.starts_with("diploma") || f == "dpharm" => Diploma,
        "mbbs" | "bds" | "bums" | "bams" | "bhms" => Ug,
        "acharya" | "master" | "masters" | "llm" | "dm" | "dmmch" => Pg,
        "llb" | "bachelor" | "bachelors" => Ug,
        f if f.starts_with('m') => Pg,
        f if f.starts_with('b') => Ug,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_programme_name_gives_its_level_when_plain() {
        use ProgrammeLevel::{Diploma, Fellowship, Integrated, Pg, PgDiploma, Ug};
        for (name, level) in [
            ("B.Tech", Some(Ug)),
            ("B.Des (Industrial Design)", Some(Ug)),
            ("MBBS", Some(Ug)),
            ("LLB (3 years)", Some(Ug)),
            ("BA LLB (Hons)", Some(Integrated)),
            ("BA (Policy Science) LLB (Hons)", Some(Integrated)),
            ("Dual Degree (B.Tech + M.Tech)", Some(Integrated)),
            ("BS-MS (Dual Degree)", Some(Integrated)),
            ("B.Sc-M.Sc Forensic Science", Some(Integrated)),
            ("Integrated Programme in Management (IPM)", Some(Integrated)),
            ("M.Tech", Some(Pg)),
            ("MD/MS", Some(Pg)),
            ("DM/MCh", Some(Pg)),
            ("Executive MBA (EPGP)", Some(Pg)),
            ("Executive PGDM", Some(PgDiploma)),
            ("PGDBA (Business Analytics)", Some(PgDiploma)),
            ("Diploma in Sports Coaching", Some(Diploma)),
            ("D.Pharm", Some(Diploma)),
            ("PhD", Some(Fellowship)),
            (
                "Fellow Programme in Management (doctoral)",
                Some(Fellowship),
            ),
            ("CA Final", None),
            ("Class 8 to 10 (CBSE)", None),
        ] {
            assert_eq!(programme_level(name), level, "{name}");
        }
    }

    const IIT: &str = r#"
slug = "iit-bombay"
name = "Indian Institute of Technology Bombay"
short_name = "IIT Bombay"
kind = "iit"
city = "Mumbai"
state = "Maharashtra"
established = 1958
website = "https://www.iitb.ac.in"
programmes = ["B.Tech", "M.Tech"]
admission = "B.Tech seats go by JEE Advanced rank through JoSAA counselling; M.Tech seats go by GATE score through COAP."
women_only = false
aliases = ["IIT Bombay", "IDC School of Design, IIT Bombay"]
sources = [{ title = "IIT Bombay", url = "https://www.iitb.ac.in" }]
reviewed_on = "2026-11-29"
"#;

    #[test]
    fn a_good_file_is_read_whole() {
        let i = parse_institute("iit-bombay.toml", IIT).expect("valid");
        assert_eq!(i.kind, InstitutionKind::Iit);
        assert_eq!(i.state, "Maharashtra");
        assert_eq!(i.details.established, Some(1958));
        assert_eq!(i.details.reviewed_on.to_string(), "2026-11-29");
    }

    #[test]
    fn every_broken_rule_is_named() {
        let bad = IIT
            .replace("kind = \"iit\"", "kind = \"private-self-financing\"")
            .replace("state = \"Maharashtra\"", "state = \"Bombay\"")
            .replace(
                "https://www.iitb.ac.in\"\nprogrammes",
                "http://www.iitb.ac.in\"\nprogrammes",
            )
            .replace(
                "programmes = [\"B.Tech\", \"M.Tech\"]",
                "programmes = [\"B.Tech\"]",
            );
        let errs = parse_institute("iit-b.toml", &bad).expect_err("bad");
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["slug", "kind", "state", "website", "programmes"]);
    }

    #[test]
    fn a_profile_college_is_found_by_alias_and_by_city_when_names_repeat() {
        let a = parse_institute("iit-bombay.toml", IIT).expect("valid");
        let mut b = a.clone();
        b.slug = Slug::parse("iit-delhi").expect("slug");
        b.details.city = "New Delhi".into();
        b.aliases = vec!["IDC School of Design, IIT Bombay".into()];
        let all = [a, b];
        assert_eq!(
            find_institute(&all, "iit bombay", "Mumbai").map(|i| i.slug.as_str()),
            Some("iit-bombay")
        );
        assert_eq!(
            find_institute(&all, "IDC School of Design, IIT Bombay", "New Delhi")
                .map(|i| i.slug.as_str()),
            Some("iit-delhi")
        );
        assert_eq!(find_institute(&all, "Nowhere College", "Pune"), None);
    }
}
