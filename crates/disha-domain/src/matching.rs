//! Matching a student's six interest scores to every career that has an interest profile, with the reasons.
//! The method, and the test that shows how well it finds the right career, are in `docs/guidance.md`.

use crate::assessment::{Area, Scores};
use crate::{CareerSource, EducationLevel, SchoolStream, Slug};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A career as matching sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its page.
    pub slug: Slug,
    /// Its name.
    pub title: String,
    /// The O*NET-SOC code its profile comes from, when it has one.
    pub onet_code: Option<String>,
    /// Interest scores on O*NET's 1–7 scale, R, I, A, S, E, C.
    pub interests: [f64; 6],
    /// O*NET's Job Zone, 1–5, when known.
    pub job_zone: Option<u8>,
    /// The shortest usual Indian route to a first job.
    pub level: EducationLevel,
    /// The class-11 streams that lead to it; empty when not known (US occupations).
    pub streams: Vec<SchoolStream>,
    /// A curated Indian profile, or a US occupation.
    pub source: CareerSource,
}

/// What a student aims for, beyond their interests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Aim {
    /// How much preparation they mean to do, as an O*NET Job Zone 1–5.
    pub job_zone: Option<u8>,
    /// Their class-11 stream, when they have chosen one.
    pub stream: Option<SchoolStream>,
}

/// Why a career fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// Interest areas that are among both the student's three highest and the career's three highest.
    Interests {
        /// The shared areas, the student's strongest first.
        areas: Vec<Area>,
    },
    /// How the preparation the career needs compares with what the student aims for.
    Level {
        /// The career's Job Zone.
        job_zone: u8,
        /// The Job Zone aimed for.
        aimed: u8,
    },
    /// The student's stream leads to this career.
    Stream {
        /// The stream.
        stream: SchoolStream,
    },
}

/// A career's fit to a student.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Match {
    /// Its page: `/careers/{slug}`.
    #[schema(value_type = String)]
    pub slug: Slug,
    /// Its name.
    pub title: String,
    /// The O*NET-SOC code its profile comes from, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub onet_code: Option<String>,
    /// `curated` for a profile written for India, `onet` for a US occupation.
    #[serde(default)]
    pub source: CareerSource,
    /// How well it fits, 0–100.
    pub fit: u8,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// The usual Job Zone of an Indian route: used when a career has no O*NET Job Zone, and to turn a level a
/// student aims for into one.
#[must_use]
pub const fn job_zone_of(level: EducationLevel) -> u8 {
    match level {
        EducationLevel::After10 => 2,
        EducationLevel::After12 => 3,
        EducationLevel::Bachelors => 4,
        EducationLevel::Professional | EducationLevel::Masters | EducationLevel::Doctorate => 5,
    }
}

/// Pearson's correlation of two profiles: their shape, whatever their level; 0 when either is flat.
fn correlation(a: &[f64; 6], b: &[f64; 6]) -> f64 {
    let mean = |x: &[f64; 6]| x.iter().sum::<f64>() / 6.0;
    let (ma, mb) = (mean(a), mean(b));
    let (mut ab, mut aa, mut bb) = (0.0, 0.0, 0.0);
    for (x, y) in a.iter().zip(b) {
        ab += (x - ma) * (y - mb);
        aa += (x - ma) * (x - ma);
        bb += (y - mb) * (y - mb);
    }
    if aa <= f64::EPSILON || bb <= f64::EPSILON {
        0.0
    } else {
        ab / (aa * bb).sqrt()
    }
}

/// How close two profiles are on the 1–7 scale: 1 when equal, 0 when as far apart as the scale allows.
fn closeness(a: &[f64; 6], b: &[f64; 6]) -> f64 {
    let d: f64 = a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum();
    1.0 - d.sqrt() / (6.0 * 6.0_f64.sqrt())
}

/// How much of the shape-and-distance fit counts for shape.
pub const SHAPE_WEIGHT: f64 = 0.5;

/// How well two interest profiles agree, 0–1: half their shape (correlation) and half their distance.
#[must_use]
pub fn interest_fit(student: &[f64; 6], career: &[f64; 6]) -> f64 {
    let shape = f64::midpoint(correlation(student, career), 1.0);
    (SHAPE_WEIGHT * shape + (1.0 - SHAPE_WEIGHT) * closeness(student, career)).clamp(0.0, 1.0)
}

/// The share of the fit kept when the career needs `gap` Job Zones more or less preparation than aimed for.
#[must_use]
pub fn level_factor(gap: u8) -> f64 {
    match gap {
        0 => 1.0,
        1 => 0.9,
        2 => 0.7,
        3 => 0.5,
        _ => 0.35,
    }
}

/// The share of the fit kept for a career the student's stream does not lead to.
pub const OTHER_STREAM: f64 = 0.8;

fn top_three(interests: &[f64; 6]) -> [Area; 3] {
    let mut areas = Area::ALL;
    areas.sort_by(|a, b| {
        let (x, y) = (
            interests.get(a.index()).copied().unwrap_or_default(),
            interests.get(b.index()).copied().unwrap_or_default(),
        );
        y.total_cmp(&x)
    });
    [areas[0], areas[1], areas[2]]
}

/// A career's fit, 0–1, before rounding.
#[must_use]
pub fn fit(student: &[f64; 6], aim: &Aim, c: &Candidate) -> f64 {
    let mut f = interest_fit(student, &c.interests);
    if let Some(aimed) = aim.job_zone {
        let zone = c.job_zone.unwrap_or_else(|| job_zone_of(c.level));
        f *= level_factor(zone.abs_diff(aimed));
    }
    if let Some(s) = aim.stream
        && !c.streams.is_empty()
        && !c.streams.contains(&s)
    {
        f *= OTHER_STREAM;
    }
    f
}

/// The `top` careers that fit best, best first; equal fits in the candidates' order.
#[must_use]
pub fn rank(scores: &Scores, aim: &Aim, candidates: &[Candidate], top: usize) -> Vec<Match> {
    let student = scores.on_onet_scale();
    let mut scored: Vec<(f64, &Candidate)> = candidates
        .iter()
        .map(|c| (fit(&student, aim, c), c))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mine = scores.ranked();
    scored
        .into_iter()
        .take(top)
        .map(|(f, c)| {
            let theirs = top_three(&c.interests);
            let areas: Vec<Area> = mine
                .iter()
                .take(3)
                .filter(|a| theirs.contains(a))
                .copied()
                .collect();
            let mut reasons = Vec::new();
            if !areas.is_empty() {
                reasons.push(Reason::Interests { areas });
            }
            if let Some(aimed) = aim.job_zone {
                reasons.push(Reason::Level {
                    job_zone: c.job_zone.unwrap_or_else(|| job_zone_of(c.level)),
                    aimed,
                });
            }
            if let Some(stream) = aim.stream.filter(|s| c.streams.contains(s)) {
                reasons.push(Reason::Stream { stream });
            }
            Match {
                slug: c.slug.clone(),
                title: c.title.clone(),
                onet_code: c.onet_code.clone(),
                source: c.source,
                fit: percent(f),
                reasons,
            }
        })
        .collect()
}

fn percent(f: f64) -> u8 {
    let p = (f.clamp(0.0, 1.0) * 100.0).round();
    (0_u8..=100).find(|n| f64::from(*n) >= p).unwrap_or(100)
}

#[cfg(test)]
mod tests;
