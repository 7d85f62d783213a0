//! Reading the O*NET text release (tab-separated files with a header row) into occupations.
//!
//! `Occupation Data.txt` names the occupations; every other file adds to them by code. A row that cannot be
//! used (wrong number of columns, a bad code or number, an occupation the release does not list) is
//! rejected with its file and line, and the rest are read.

use crate::import::Rejection;
use disha_domain::{
    EducationShare, InterestScores, JobZone, Occupation, OnetCode, Technology, UsEducation,
};
use std::collections::BTreeMap;

/// The files read, in the order they must be given: occupations first.
pub const FILES: [&str; 8] = [
    "Occupation Data.txt",
    "Interests.txt",
    "Job Zones.txt",
    "Education, Training, and Experience.txt",
    "Task Statements.txt",
    "Alternate Titles.txt",
    "Related Occupations.txt",
    "Technology Skills.txt",
];

/// What one file gave.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileCount {
    /// Data rows read.
    pub read: u64,
    /// Rows rejected.
    pub rejected: usize,
}

#[derive(Default)]
struct Partial {
    occupation: Option<Occupation>,
    scores: [Option<f64>; 6],
    high_points: [u8; 3],
    core_tasks: Vec<String>,
    other_tasks: Vec<String>,
    related: Vec<(u8, u32, OnetCode)>,
}

/// Builds occupations from the release's files.
#[derive(Default)]
pub struct Reader {
    by_code: BTreeMap<OnetCode, Partial>,
    /// Rows read across files.
    pub read: u64,
    /// Rows not used, with file, line and reason.
    pub rejected: Vec<Rejection>,
}

/// One file's rows as columns found by header name.
struct Table<'a> {
    file: &'a str,
    columns: Vec<&'a str>,
}

impl Reader {
    /// Adds one file of the release, named as in [`FILES`].
    ///
    /// # Errors
    /// When the file lacks a column this reader needs: the file is not the one named, and nothing is read.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<FileCount, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let table = Table {
            file: name,
            columns: header,
        };
        let before = self.rejected.len();
        let mut read = 0;
        let wanted: &[&str] = match name {
            "Occupation Data.txt" => &["O*NET-SOC Code", "Title", "Description"],
            "Interests.txt" => &["O*NET-SOC Code", "Element Name", "Scale ID", "Data Value"],
            "Job Zones.txt" => &["O*NET-SOC Code", "Job Zone"],
            "Education, Training, and Experience.txt" => {
                &["O*NET-SOC Code", "Scale ID", "Category", "Data Value"]
            }
            "Task Statements.txt" => &["O*NET-SOC Code", "Task", "Task Type"],
            "Alternate Titles.txt" => &["O*NET-SOC Code", "Alternate Title"],
            "Related Occupations.txt" => &[
                "O*NET-SOC Code",
                "Related O*NET-SOC Code",
                "Relatedness Tier",
                "Index",
            ],
            "Technology Skills.txt" => &[
                "O*NET-SOC Code",
                "Example",
                "Commodity Title",
                "Hot Technology",
            ],
            other => return Err(format!("{other} is not a file this import reads")),
        };
        let idx: Vec<usize> = wanted
            .iter()
            .map(|w| {
                table
                    .columns
                    .iter()
                    .position(|c| c == w)
                    .ok_or_else(|| format!("{name} has no column {w:?}"))
            })
            .collect::<Result<_, _>>()?;
        for (n, line) in lines.enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            read += 1;
            let line_no = u64::try_from(n).unwrap_or(u64::MAX).saturating_add(2);
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != table.columns.len() {
                self.reject(
                    table.file,
                    line_no,
                    format!(
                        "{} columns where the header has {}",
                        cells.len(),
                        table.columns.len()
                    ),
                );
                continue;
            }
            let field: Vec<&str> = idx
                .iter()
                .map(|&i| cells.get(i).copied().unwrap_or_default().trim())
                .collect();
            if let Err(reason) = self.add_row(name, &field) {
                self.reject(table.file, line_no, reason);
            }
        }
        self.read += read;
        Ok(FileCount {
            read,
            rejected: self.rejected.len() - before,
        })
    }

    fn reject(&mut self, file: &str, line: u64, reason: String) {
        self.rejected.push(Rejection {
            file: file.to_owned(),
            line,
            reason,
        });
    }

    fn known(&mut self, code: &str) -> Result<&mut Partial, String> {
        let code = OnetCode::parse(code).map_err(|e| format!("O*NET-SOC Code {code:?}: {e}"))?;
        match self.by_code.get_mut(&code) {
            Some(p) if p.occupation.is_some() => Ok(p),
            _ => Err(format!("occupation {code} is not in Occupation Data.txt")),
        }
    }

    fn add_row(&mut self, file: &str, f: &[&str]) -> Result<(), String> {
        let cell = |i: usize| f.get(i).copied().unwrap_or_default();
        match file {
            "Occupation Data.txt" => {
                let code = OnetCode::parse(cell(0))
                    .map_err(|e| format!("O*NET-SOC Code {:?}: {e}", cell(0)))?;
                if cell(1).is_empty() {
                    return Err("the title is empty".into());
                }
                let slot = self.by_code.entry(code.clone()).or_default();
                if slot.occupation.is_some() {
                    return Err(format!("occupation {code} is listed twice"));
                }
                slot.occupation = Some(Occupation {
                    code,
                    title: cell(1).to_owned(),
                    description: cell(2).to_owned(),
                    interests: None,
                    high_point: String::new(),
                    job_zone: None,
                    tasks: Vec::new(),
                    alternate_titles: Vec::new(),
                    related: Vec::new(),
                    technology: Vec::new(),
                    education: Vec::new(),
                });
            }
            "Interests.txt" => {
                let value: f64 = number(cell(3))?;
                let p = self.known(cell(0))?;
                match (cell(2), cell(1)) {
                    ("OI", area) => {
                        let i = [
                            "Realistic",
                            "Investigative",
                            "Artistic",
                            "Social",
                            "Enterprising",
                            "Conventional",
                        ]
                        .iter()
                        .position(|a| *a == area)
                        .ok_or_else(|| format!("unknown interest area {area:?}"))?;
                        if !(1.0..=7.0).contains(&value) {
                            return Err(format!("interest score {value} is outside 1–7"));
                        }
                        if let Some(s) = p.scores.get_mut(i) {
                            *s = Some(value);
                        }
                    }
                    ("IH", which) => {
                        let i = [
                            "First Interest High-Point",
                            "Second Interest High-Point",
                            "Third Interest High-Point",
                        ]
                        .iter()
                        .position(|a| *a == which)
                        .ok_or_else(|| format!("unknown high-point {which:?}"))?;
                        let v = whole(value, 0, 6)?;
                        if let Some(h) = p.high_points.get_mut(i) {
                            *h = v;
                        }
                    }
                    (scale, _) => return Err(format!("unknown scale {scale:?}")),
                }
            }
            "Job Zones.txt" => {
                let zone = JobZone::new(i64::from(whole(number(cell(1))?, 1, 5)?))
                    .map_err(|e| format!("Job Zone: {e}"))?;
                if let Some(o) = self.known(cell(0))?.occupation.as_mut() {
                    o.job_zone = Some(zone);
                }
            }
            "Education, Training, and Experience.txt" => {
                if cell(1) != "RL" {
                    return Ok(());
                }
                let category = whole(number(cell(2))?, 1, 12)?;
                let level = UsEducation::from_category(category)
                    .ok_or_else(|| format!("unknown education category {category}"))?;
                let percent = number(cell(3))?;
                if !(0.0..=100.0).contains(&percent) {
                    return Err(format!("share {percent} is outside 0–100"));
                }
                if percent > 0.0
                    && let Some(o) = self.known(cell(0))?.occupation.as_mut()
                {
                    o.education.push(EducationShare { level, percent });
                }
            }
            "Task Statements.txt" => {
                let p = self.known(cell(0))?;
                if cell(1).is_empty() {
                    return Err("the task is empty".into());
                }
                if cell(2) == "Core" {
                    p.core_tasks.push(cell(1).to_owned());
                } else {
                    p.other_tasks.push(cell(1).to_owned());
                }
            }
            "Alternate Titles.txt" => {
                let title = cell(1).to_owned();
                if let Some(o) = self.known(cell(0))?.occupation.as_mut()
                    && !title.is_empty()
                    && !o.alternate_titles.contains(&title)
                {
                    o.alternate_titles.push(title);
                }
            }
            "Related Occupations.txt" => {
                let other = OnetCode::parse(cell(1))
                    .map_err(|e| format!("Related O*NET-SOC Code {:?}: {e}", cell(1)))?;
                let tier = match cell(2) {
                    "Primary-Short" => 0,
                    "Primary-Long" => 1,
                    _ => 2,
                };
                let index = whole(number(cell(3))?, 0, u8::MAX)?;
                self.known(cell(0))?
                    .related
                    .push((tier, u32::from(index), other));
            }
            "Technology Skills.txt" => {
                let tech = Technology {
                    name: cell(1).to_owned(),
                    kind: cell(2).to_owned(),
                    in_demand: cell(3) == "Y",
                };
                if let Some(o) = self.known(cell(0))?.occupation.as_mut() {
                    o.technology.push(tech);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// The occupations, by code, with what every file added.
    #[must_use]
    pub fn finish(self) -> Vec<Occupation> {
        let known: std::collections::HashSet<OnetCode> = self
            .by_code
            .iter()
            .filter(|(_, p)| p.occupation.is_some())
            .map(|(c, _)| c.clone())
            .collect();
        self.by_code
            .into_values()
            .filter_map(|mut p| {
                let mut o = p.occupation.take()?;
                if let [Some(r), Some(i), Some(a), Some(s), Some(e), Some(c)] = p.scores {
                    o.interests = Some(InterestScores {
                        realistic: r,
                        investigative: i,
                        artistic: a,
                        social: s,
                        enterprising: e,
                        conventional: c,
                    });
                }
                o.high_point = p
                    .high_points
                    .iter()
                    .filter_map(|&h| "RIASEC".chars().nth(usize::from(h).checked_sub(1)?))
                    .collect();
                o.tasks = p.core_tasks;
                o.tasks.append(&mut p.other_tasks);
                p.related.sort_by_key(|(tier, index, _)| (*tier, *index));
                o.related = p
                    .related
                    .into_iter()
                    .map(|(_, _, c)| c)
                    .filter(|c| known.contains(c))
                    .collect();
                // In-demand first; otherwise O*NET's order.
                o.technology.sort_by_key(|t| !t.in_demand);
                o.education
                    .sort_by(|a, b| b.percent.total_cmp(&a.percent).then(a.level.cmp(&b.level)));
                Some(o)
            })
            .collect()
    }
}

fn number(raw: &str) -> Result<f64, String> {
    raw.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("{raw:?} is not a number"))
}

fn whole(v: f64, min: u8, max: u8) -> Result<u8, String> {
    (f64::from(min)..=f64::from(max))
        .contains(&v)
        .then(|| (min..=max).find(|n| (f64::from(*n) - v).abs() < f64::EPSILON))
        .flatten()
        .ok_or_else(|| format!("{v} is not a whole number from {min} to {max}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const OCCUPATIONS: &str = "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tResearch, design, and develop computer and network software. Analyze user needs.\n29-1141.00\tRegistered Nurses\tAssess patient health problems.\n";

    fn reader() -> Reader {
        let mut r = Reader::default();
        r.add_file("Occupation Data.txt", OCCUPATIONS)
            .expect("columns");
        r
    }

    #[test]
    fn every_file_adds_to_the_occupations_it_names() {
        let mut r = reader();
        let interests = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source\n\
            15-1252.00\t1.B.1.a\tRealistic\tOI\t2.00\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.b\tInvestigative\tOI\t6.50\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.c\tArtistic\tOI\t3.00\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.d\tSocial\tOI\t1.50\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.e\tEnterprising\tOI\t1.25\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.f\tConventional\tOI\t4.00\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.g\tFirst Interest High-Point\tIH\t2.00\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.h\tSecond Interest High-Point\tIH\t6.00\t06/2008\tAnalyst\n\
            15-1252.00\t1.B.1.i\tThird Interest High-Point\tIH\t0.00\t06/2008\tAnalyst\n";
        r.add_file("Interests.txt", interests).expect("columns");
        let tasks = "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n\
            15-1252.00\t1\tA supplemental task.\tSupplemental\t1\t07/2014\tIncumbent\n\
            15-1252.00\t2\tA core task.\tCore\t1\t07/2014\tIncumbent\n";
        r.add_file("Task Statements.txt", tasks).expect("columns");
        let related = "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n\
            15-1252.00\t15-1299.08\tPrimary-Short\t1\n\
            15-1252.00\t29-1141.00\tSupplemental\t3\n\
            29-1141.00\t15-1252.00\tPrimary-Long\t2\n";
        r.add_file("Related Occupations.txt", related)
            .expect("columns");
        let education = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tN\n\
            29-1141.00\t2.D.1\tRequired Level of Education\tRL\t5\t30.00\t27\n\
            29-1141.00\t2.D.1\tRequired Level of Education\tRL\t6\t61.00\t27\n\
            29-1141.00\t2.D.1\tRequired Level of Education\tRL\t2\t0.00\t27\n\
            29-1141.00\t3.A.1\tRelated Work Experience\tRW\t2\t50.00\t27\n";
        r.add_file("Education, Training, and Experience.txt", education)
            .expect("columns");
        let all = r.finish();
        let dev = all.first().expect("developers");
        let scores = dev.interests.expect("all six scores");
        assert!((scores.investigative - 6.5).abs() < f64::EPSILON);
        assert_eq!(dev.high_point, "IC");
        assert_eq!(dev.tasks, ["A core task.", "A supplemental task."]);
        let related: Vec<&str> = dev.related.iter().map(OnetCode::as_str).collect();
        assert_eq!(
            related,
            ["29-1141.00"],
            "codes the release does not list are dropped"
        );
        let nurse = all.get(1).expect("nurses");
        assert_eq!(nurse.interests, None, "no scores, no profile");
        let levels: Vec<UsEducation> = nurse.education.iter().map(|e| e.level).collect();
        assert_eq!(levels, [UsEducation::Bachelors, UsEducation::Associates]);
    }

    #[test]
    fn bad_rows_are_named_by_file_and_line_and_the_rest_are_read() {
        let mut r = reader();
        let zones = "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n\
            15-1252.00\t4\t07/2014\tAnalyst\n\
            99-9999.00\t3\t07/2014\tAnalyst\n\
            29-1141.00\t9\t07/2014\tAnalyst\n\
            29-1141.00\t3\n";
        let count = r.add_file("Job Zones.txt", zones).expect("columns");
        assert_eq!(
            count,
            FileCount {
                read: 4,
                rejected: 3
            }
        );
        let lines: Vec<u64> = r.rejected.iter().map(|x| x.line).collect();
        assert_eq!(lines, [3, 4, 5]);
        assert!(r.rejected.iter().all(|x| x.file == "Job Zones.txt"));
        assert!(
            r.rejected
                .first()
                .is_some_and(|x| x.reason.contains("not in Occupation Data"))
        );
        let all = r.finish();
        assert_eq!(
            all.first().and_then(|o| o.job_zone).map(JobZone::get),
            Some(4)
        );
    }

    #[test]
    fn a_file_without_the_needed_columns_is_refused_whole() {
        let mut r = reader();
        let err = r
            .add_file("Job Zones.txt", "Code\tZone\n15-1252.00\t4\n")
            .expect_err("wrong header");
        assert!(err.contains("O*NET-SOC Code"));
        assert_eq!(r.read, 2, "only the occupations were read");
    }
}
