//! The starter catalog: one TOML file per career, checked as a whole before anything is written.

use disha_domain::{CareerProfile, FieldCode, FieldError, Slug, Synonyms};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One catalog file: its name (for error messages) and its text.
#[derive(Debug, Clone)]
pub struct CatalogFile {
    /// The file name, e.g. `backend-developer.toml`.
    pub name: String,
    /// Its contents.
    pub text: String,
}

/// One problem in one catalog file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    /// The file at fault.
    pub file: String,
    /// The field and what is wrong with it.
    pub error: FieldError,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.error)
    }
}

/// Parses and checks every file; returns the profiles only if every file is sound, so a loader can write
/// all of them or none. Besides each file's own rules: the slug must match the file name, slugs must be
/// unique, and every related career must be in the catalog.
///
/// # Errors
/// Every problem in every file, in file order.
pub fn parse_catalog(files: &[CatalogFile]) -> Result<Vec<CareerProfile>, Vec<CatalogError>> {
    let mut errors = Vec::new();
    let mut profiles: BTreeMap<Slug, (String, CareerProfile)> = BTreeMap::new();
    let mut sorted: Vec<&CatalogFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    for file in sorted {
        let fail = |field: &str, message: String| CatalogError {
            file: file.name.clone(),
            error: FieldError::new(field, FieldCode::Invalid, vec![("detail", message)]),
        };
        let profile = match CareerProfile::from_toml(&file.text) {
            Ok(p) => p,
            Err(errs) => {
                errors.extend(errs.0.into_iter().map(|error| CatalogError {
                    file: file.name.clone(),
                    error,
                }));
                continue;
            }
        };
        let stem = file.name.strip_suffix(".toml").unwrap_or(&file.name);
        if profile.slug.as_str() != stem {
            errors.push(fail(
                "slug",
                format!(
                    "is {:?} but the file is named {:?}",
                    profile.slug.as_str(),
                    file.name
                ),
            ));
            continue;
        }
        if let Some((other, _)) = profiles.get(&profile.slug) {
            errors.push(fail(
                "slug",
                format!("{:?} is also used by {other}", profile.slug.as_str()),
            ));
            continue;
        }
        profiles.insert(profile.slug.clone(), (file.name.clone(), profile));
    }
    // A file that failed to parse still names a career, so its slug does not count as unknown here.
    let stems: BTreeSet<&str> = files
        .iter()
        .map(|f| f.name.strip_suffix(".toml").unwrap_or(&f.name))
        .collect();
    let known: BTreeSet<&Slug> = profiles.keys().collect();
    for (name, p) in profiles.values() {
        for (i, r) in p.related.iter().enumerate() {
            if !known.contains(r) && !stems.contains(r.as_str()) {
                errors.push(CatalogError {
                    file: name.clone(),
                    error: FieldError::new(
                        format!("related[{i}]"),
                        FieldCode::Invalid,
                        vec![(
                            "detail",
                            format!("{:?} is not a career in the catalog", r.as_str()),
                        )],
                    ),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(profiles.into_values().map(|(_, p)| p).collect())
    } else {
        Err(errors)
    }
}

/// Parses the synonym table (`synonyms.toml`) and checks that every career it names is among `profiles`.
///
/// # Errors
/// Every problem, against the file name `synonyms.toml`.
pub fn parse_synonyms(
    text: &str,
    profiles: &[CareerProfile],
) -> Result<Synonyms, Vec<CatalogError>> {
    let at = |error| CatalogError {
        file: "synonyms.toml".to_owned(),
        error,
    };
    let synonyms =
        Synonyms::from_toml(text).map_err(|e| e.0.into_iter().map(at).collect::<Vec<_>>())?;
    let known: BTreeSet<&Slug> = profiles.iter().map(|p| &p.slug).collect();
    let mut unknown: Vec<&str> = synonyms
        .careers()
        .into_iter()
        .filter(|s| !known.contains(s))
        .map(Slug::as_str)
        .collect();
    unknown.sort_unstable();
    if unknown.is_empty() {
        Ok(synonyms)
    } else {
        Err(unknown
            .into_iter()
            .map(|s| {
                at(FieldError::new(
                    "careers",
                    FieldCode::Invalid,
                    vec![("detail", format!("{s:?} is not a career in the catalog"))],
                ))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_may_name_only_careers_in_the_catalog() {
        let profiles = parse_catalog(&pair()).expect("valid");
        let ok = "[[term]]\nwords = [\"llb\"]\ncareers = [\"lawyer\"]\n";
        assert!(parse_synonyms(ok, &profiles).is_ok());
        let errs = parse_synonyms(&ok.replace("\"lawyer\"", "\"pilot\""), &profiles)
            .expect_err("unknown career");
        assert_eq!(errs[0].file, "synonyms.toml");
        assert!(
            errs[0].to_string().contains("\"pilot\" is not a career"),
            "{}",
            errs[0]
        );
    }

    const VALID: &str = include_str!("../../disha-domain/tests/fixtures/valid.toml");

    fn file(name: &str, text: &str) -> CatalogFile {
        CatalogFile {
            name: name.into(),
            text: text.into(),
        }
    }

    fn pair() -> Vec<CatalogFile> {
        let lawyer = VALID
            .replace("slug = \"test-career\"", "slug = \"lawyer\"")
            .replace("related = [\"lawyer\"]", "related = [\"test-career\"]");
        vec![
            file("test-career.toml", VALID),
            file("lawyer.toml", &lawyer),
        ]
    }

    #[test]
    fn a_sound_catalog_yields_every_profile() {
        let got = parse_catalog(&pair()).expect("valid");
        let slugs: Vec<_> = got.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["lawyer", "test-career"]);
    }

    #[test]
    fn a_bad_file_is_named_with_its_field_and_nothing_is_returned() {
        let mut files = pair();
        files[1].text = files[1].text.replace(
            "education_level = \"professional\"",
            "education_level = \"high\"",
        );
        let errs = parse_catalog(&files).expect_err("must fail");
        // The broken file is reported once; a reference to it from another file is not a second error.
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].file, "lawyer.toml");
        assert_eq!(errs[0].error.field, "education_level");
    }

    #[test]
    fn the_slug_must_match_the_file_name() {
        let errs = parse_catalog(&[file("other.toml", VALID)]).expect_err("must fail");
        assert_eq!(
            (errs[0].file.as_str(), errs[0].error.field.as_str()),
            ("other.toml", "slug")
        );
    }

    #[test]
    fn the_shipped_catalog_is_sound() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../catalog/careers");
        let files: Vec<CatalogFile> = std::fs::read_dir(dir)
            .expect("catalog dir")
            .map(|e| {
                let path = e.expect("entry").path();
                file(
                    &path.file_name().expect("name").to_string_lossy(),
                    &std::fs::read_to_string(&path).expect("read"),
                )
            })
            .collect();
        let profiles = parse_catalog(&files).unwrap_or_else(|errs| {
            panic!(
                "{}",
                errs.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert!(
            profiles.len() >= 40,
            "the starter catalog needs at least 40 careers"
        );
        let streams: BTreeSet<_> = profiles.iter().map(|p| p.stream).collect();
        assert!(
            streams.len() >= 10,
            "the starter catalog needs at least 10 streams"
        );
        assert!(
            profiles
                .iter()
                .any(|p| p.slug.as_str() == "backend-developer")
        );
    }
}
