//! Reading AICTE's list of approved institutions: one JSON file per state, each a list of institutions with
//! their programmes. Names and states are normalised, an institution listed in two files is merged into one,
//! and a record that cannot be used is reported with its file, line and reason instead of stopping the rest.

use crate::import::{Rejection, digest};
use disha_domain::{
    InstitutionKind, Programme, ProgrammeLevel, name_slug, normalise_name, normalise_state,
};
use disha_store::InstitutionRecord;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashMap;

#[derive(Debug, Deserialize)]
struct RawInstitution {
    #[serde(default)]
    aicte_id: String,
    #[serde(default)]
    institute_name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    district: String,
    #[serde(default)]
    institution_type: String,
    #[serde(default)]
    women: String,
    #[serde(default)]
    minority: String,
    #[serde(default)]
    state: String,
    #[serde(default)]
    university: String,
    #[serde(default)]
    programmes: Vec<RawProgramme>,
}

#[derive(Debug, Deserialize)]
struct RawProgramme {
    #[serde(default)]
    programme: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    course: String,
    #[serde(default)]
    shift: String,
    #[serde(default)]
    availability: String,
    #[serde(default)]
    intake: String,
}

/// What one file held.
#[derive(Debug, Default)]
pub struct AicteFile {
    /// Institutions read, before merging.
    pub records: Vec<InstitutionRecord>,
    /// Records that could not be used.
    pub rejected: Vec<Rejection>,
    /// Records in the file.
    pub read: u64,
}

/// Counts lines as a file is walked front to back, so each record's line costs only the text since the last.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line on which `part`, a slice of the text after any asked before, starts.
    fn of(&mut self, part: &str) -> u64 {
        let offset = part
            .as_ptr()
            .addr()
            .saturating_sub(self.text.as_ptr().addr());
        let between = self.text.get(self.offset..offset).unwrap_or_default();
        self.line += u64::try_from(between.bytes().filter(|b| *b == b'\n').count()).unwrap_or(0);
        self.offset = offset.max(self.offset);
        self.line
    }
}

fn yes(flag: &str) -> bool {
    matches!(flag.trim(), "Y" | "y" | "Yes" | "YES" | "yes")
}

fn programme(p: &RawProgramme) -> Result<Programme, String> {
    let level = ProgrammeLevel::from_aicte(&p.level)
        .ok_or_else(|| format!("programme level {:?} is not one AICTE uses", p.level))?;
    let course = normalise_name(&p.course);
    if course.is_empty() {
        return Err("a programme has no course name".into());
    }
    let intake = match p.intake.trim() {
        "" => None,
        n => Some(
            n.parse::<u32>()
                .map_err(|_unknown| format!("intake {n:?} of {course} is not a whole number"))?,
        ),
    };
    Ok(Programme {
        level,
        discipline: normalise_name(&p.programme.to_uppercase()),
        course,
        shift: normalise_name(&p.shift),
        mode: normalise_name(&p.availability.to_uppercase()),
        intake,
    })
}

fn record(raw: &RawInstitution) -> Result<InstitutionRecord, String> {
    let source_id = raw.aicte_id.trim();
    if source_id.is_empty() {
        return Err("no aicte_id".into());
    }
    let name = normalise_name(&raw.institute_name);
    if name.is_empty() {
        return Err(format!("{source_id}: no institute_name"));
    }
    let state = normalise_state(&raw.state).ok_or_else(|| {
        format!(
            "{source_id}: state {:?} is not a state or union territory",
            raw.state
        )
    })?;
    let kind = InstitutionKind::from_aicte(&raw.institution_type).ok_or_else(|| {
        format!(
            "{source_id}: institution_type {:?} is not one AICTE uses",
            raw.institution_type
        )
    })?;
    let programmes = raw
        .programmes
        .iter()
        .map(programme)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("{source_id}: {e}"))?;
    let district = normalise_name(&raw.district);
    Ok(finish(InstitutionRecord {
        source_id: source_id.to_owned(),
        slug: name_slug(&format!("{name} {district}")),
        name,
        kind,
        address: normalise_name(&raw.address),
        district,
        state,
        university: normalise_name(&raw.university),
        women_only: yes(&raw.women),
        minority: yes(&raw.minority),
        programmes,
        digest: String::new(),
    }))
}

/// Sorts the programmes, drops exact repeats and computes the digest.
fn finish(mut r: InstitutionRecord) -> InstitutionRecord {
    r.programmes.sort_by(|a, b| {
        (
            a.level,
            &a.discipline,
            &a.course,
            &a.shift,
            &a.mode,
            a.intake,
        )
            .cmp(&(
                b.level,
                &b.discipline,
                &b.course,
                &b.shift,
                &b.mode,
                b.intake,
            ))
    });
    r.programmes.dedup();
    r.digest = digest(&r);
    r
}

/// Reads one state's file. A file that is not a JSON list is one rejection for the whole file.
#[must_use]
pub fn read_file(name: &str, text: &str) -> AicteFile {
    let mut out = AicteFile::default();
    let items: Vec<&RawValue> = match serde_json::from_str(text) {
        Ok(items) => items,
        Err(e) => {
            out.rejected.push(Rejection {
                file: name.to_owned(),
                line: u64::try_from(e.line()).unwrap_or(0),
                reason: format!("not a JSON list of institutions: {e}"),
            });
            return out;
        }
    };
    let mut lines = Lines::new(text);
    for item in items {
        out.read += 1;
        let line = lines.of(item.get());
        let parsed = serde_json::from_str::<RawInstitution>(item.get())
            .map_err(|e| format!("not an institution: {e}"))
            .and_then(|raw| record(&raw));
        match parsed {
            Ok(r) => out.records.push(r),
            Err(reason) => out.rejected.push(Rejection {
                file: name.to_owned(),
                line,
                reason,
            }),
        }
    }
    out
}

/// Merges the records of all files: an institution listed in two files (a state renamed, a territory merged)
/// becomes one, with the programmes of both and the first file's other details. The result is ordered by
/// AICTE id, so the same files always give the same list.
#[must_use]
pub fn merge(records: Vec<InstitutionRecord>) -> Vec<InstitutionRecord> {
    let mut by_id: HashMap<String, InstitutionRecord> = HashMap::with_capacity(records.len());
    for r in records {
        match by_id.get_mut(&r.source_id) {
            Some(first) => {
                first.programmes.extend(r.programmes);
                for (mine, theirs) in [
                    (&mut first.address, r.address),
                    (&mut first.district, r.district),
                    (&mut first.university, r.university),
                ] {
                    if mine.is_empty() {
                        *mine = theirs;
                    }
                }
                first.women_only |= r.women_only;
                first.minority |= r.minority;
            }
            None => {
                by_id.insert(r.source_id.clone(), r);
            }
        }
    }
    let mut merged: Vec<InstitutionRecord> = by_id.into_values().map(finish).collect();
    merged.sort_by(|a, b| a.source_id.cmp(&b.source_id));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = r#"[
  {"aicte_id": "1-1", "institute_name": "R.V. COLLEGE OF ENGINEERING", "address": "MYSORE ROAD",
   "district": "BENGALURU URBAN", "institution_type": "Private-Self Financing", "women": "N",
   "minority": "N", "state": "Karnataka", "university": "VISVESVARAYA TECHNOLOGICAL UNIVERSITY",
   "programmes": [
     {"programme": "ENGINEERING AND TECHNOLOGY", "level": "UNDER GRADUATE",
      "course": "COMPUTER SCIENCE AND ENGINEERING", "shift": "1st Shift", "availability": "FULL TIME",
      "intake": "180"},
     {"programme": "Management", "level": "POST GRADUATE", "course": "MASTER OF BUSINESS ADMINISTRATION",
      "shift": "1st Shift", "availability": "FULL TIME", "intake": ""}
   ]},
  {"aicte_id": "", "institute_name": "NO ID", "state": "Karnataka", "institution_type": "Government"},
  {"aicte_id": "1-3", "institute_name": "SOMEWHERE", "state": "Atlantis", "institution_type": "Government"},
  {"aicte_id": "1-4", "institute_name": "BAD INTAKE", "state": "Karnataka", "institution_type": "Government",
   "programmes": [{"level": "DIPLOMA", "course": "CIVIL", "intake": "sixty"}]}
]"#;

    #[test]
    fn a_file_gives_its_good_records_and_names_each_bad_one_by_line() {
        let f = read_file("karnataka.json", FILE);
        assert_eq!(f.read, 4);
        assert_eq!(f.records.len(), 1);
        let r = &f.records[0];
        assert_eq!(
            (r.name.as_str(), r.slug.as_str(), r.state, r.kind),
            (
                "R.V. College of Engineering",
                "r-v-college-of-engineering-bengaluru-urban",
                "Karnataka",
                InstitutionKind::PrivateSelfFinancing
            )
        );
        assert_eq!(r.programmes[0].course, "Computer Science and Engineering");
        assert_eq!(r.programmes[0].intake, Some(180));
        assert_eq!(r.programmes[1].discipline, "Management");
        assert_eq!(r.programmes[1].intake, None);
        let lines: Vec<u64> = f.rejected.iter().map(|x| x.line).collect();
        assert_eq!(lines, [12, 13, 14], "{:?}", f.rejected);
        assert!(f.rejected[1].reason.contains("Atlantis"));
        assert!(f.rejected[2].reason.contains("sixty"));
    }

    #[test]
    fn an_institution_in_two_files_becomes_one_with_both_files_programmes() {
        let a = read_file("a.json", FILE).records;
        let mut b = a.clone();
        b[0].programmes.truncate(1);
        b[0].programmes[0].course = "Civil Engineering".into();
        let merged = merge([a, b].concat());
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].programmes.len(), 3);
        assert_eq!(
            merge(merged.clone()),
            merged,
            "merging again changes nothing"
        );
    }

    #[test]
    fn a_file_that_is_not_a_list_is_one_rejection() {
        let f = read_file("broken.json", "{\"oops\": 1}");
        assert_eq!((f.read, f.rejected.len()), (0, 1));
    }
}
