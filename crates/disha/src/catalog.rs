//! Reading the career catalog: the copy compiled into the binary, or a folder of files.

use anyhow::Context;
use disha_core::{CatalogFile, parse_catalog, parse_synonyms};
use disha_domain::{CareerProfile, Synonyms};
use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The synonym table compiled into the binary: it ships with the code that reads it.
const STARTER_SYNONYMS: &str = include_str!("../../../catalog/synonyms.toml");

/// The curated courses compiled into the binary.
const STARTER_COURSES: &str = include_str!("../../../catalog/courses.toml");

/// The interest assessment's items, checked.
///
/// # Errors
/// Every problem found, one per line.
pub fn items() -> Result<disha_domain::assessment::ItemBank, String> {
    disha_domain::assessment::ItemBank::parse(disha_domain::assessment::ITEMS_TOML)
}

/// The curated courses compiled into the binary, checked against `profiles`.
///
/// # Errors
/// Every problem found, one per line.
pub fn courses(profiles: &[CareerProfile]) -> Result<disha_domain::CourseMap, String> {
    let careers = profiles
        .iter()
        .map(|p| p.slug.as_str().to_owned())
        .collect();
    disha_domain::CourseMap::parse(STARTER_COURSES, &careers)
}

/// The curated institutes compiled into the binary, checked, and every college a profile names found among
/// them.
///
/// # Errors
/// Every problem found, one per line, naming the file and field or the profile and college.
pub fn institutes(
    profiles: &[CareerProfile],
) -> Result<Vec<disha_domain::CatalogInstitute>, String> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (name, text) in STARTER_INSTITUTES {
        match disha_domain::parse_institute(name, text) {
            Ok(i) => out.push(i),
            Err(errs) => problems.extend(errs.0.iter().map(|e| format!("institutes/{name}: {e}"))),
        }
    }
    for p in profiles {
        for c in &p.colleges {
            if disha_domain::institutes::find_institute(&out, &c.name, &c.city).is_none() {
                problems.push(format!(
                    "careers/{}.toml: the college {:?} ({}) is in no institute's aliases",
                    p.slug, c.name, c.city
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(format!(
            "the curated institutes have {} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        ))
    }
}

/// The synonym table compiled into the binary, checked against `profiles`.
///
/// # Errors
/// Every problem found, one per line.
pub fn synonyms(profiles: &[CareerProfile]) -> Result<Synonyms, String> {
    parse_synonyms(STARTER_SYNONYMS, profiles).map_err(|errs| {
        let lines: Vec<String> = errs.iter().map(ToString::to_string).collect();
        format!(
            "the synonym table has {} problem(s):\n{}",
            lines.len(),
            lines.join("\n")
        )
    })
}

fn check(files: &[CatalogFile]) -> Result<Vec<CareerProfile>, String> {
    parse_catalog(files).map_err(|errs| {
        let lines: Vec<String> = errs.iter().map(ToString::to_string).collect();
        format!(
            "the catalog has {} problem(s); nothing was written:\n{}",
            lines.len(),
            lines.join("\n")
        )
    })
}

/// The starter catalog compiled into the binary, checked.
///
/// # Errors
/// Every problem found, one per line, naming the file and field.
pub fn embedded() -> Result<Vec<CareerProfile>, String> {
    let files: Vec<CatalogFile> = STARTER_CATALOG
        .iter()
        .map(|(name, text)| CatalogFile {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
        })
        .collect();
    check(&files)
}

/// Every `*.toml` file in `dir`, checked.
///
/// # Errors
/// When the folder cannot be read, or every problem found, naming the file and field.
pub fn from_dir(dir: &Path) -> anyhow::Result<Vec<CareerProfile>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            files.push(CatalogFile { name, text });
        }
    }
    check(&files).map_err(anyhow::Error::msg)
}
