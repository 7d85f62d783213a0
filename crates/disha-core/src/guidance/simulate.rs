//! The recovery test: simulated students, each built from one O*NET occupation's interest profile, answer
//! the sixty items with noise; how often does the occupation they were built from come back among the top
//! twenty? Run for Disha's matching and for O*NET's own listing (occupations whose first interest letter is
//! the student's top area, within the chosen Job Zone, A to Z). The noise model is in `docs/guidance.md`.

use disha_domain::assessment::{Area, ITEMS_PER_AREA, MAX_ANSWER, Scores};
use disha_domain::matching::{self, Aim, Candidate};
use disha_domain::{EducationLevel, Slug};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use rand_distr::Normal;

/// How far a simulated student strays from the occupation they were built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Noise {
    /// Standard deviation of a person's liking for each area around the occupation's (on 0–1, where 1 is
    /// O*NET's 7).
    pub person: f64,
    /// Standard deviation of each answer around the person's liking (in answer points, 0–4).
    pub item: f64,
}

/// An occupation as the test uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// Its page, for the candidate list.
    pub slug: Slug,
    /// Its O*NET title, for O*NET's A-to-Z order.
    pub title: String,
    /// Interest scores, 1–7, R, I, A, S, E, C.
    pub interests: [f64; 6],
    /// Its Job Zone.
    pub job_zone: u8,
    /// The first of O*NET's high-point letters.
    pub top: Area,
}

/// What the test found.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovery {
    /// The noise used.
    pub noise: Noise,
    /// Simulated students.
    pub students: usize,
    /// Share whose occupation Disha ranked in its top 20 (ties counted against Disha).
    pub disha_top_20: f64,
    /// Share whose occupation was among the first 20 of O*NET's listing.
    pub onet_top_20: f64,
    /// Share whose occupation was anywhere in O*NET's listing, however long.
    pub onet_listed: f64,
    /// The mean length of O*NET's listing.
    pub onet_mean_length: f64,
}

fn answers(
    rng: &mut StdRng,
    interests: &[f64; 6],
    noise: Noise,
) -> Result<Scores, rand_distr::NormalError> {
    let person = Normal::new(0.0, noise.person)?;
    let item = Normal::new(0.0, noise.item)?;
    let mut sums = [0_u8; 6];
    for (sum, oi) in sums.iter_mut().zip(interests) {
        let liking = ((oi - 1.0) / 6.0 + rng.sample(person)).clamp(0.0, 1.0);
        for _ in 0..ITEMS_PER_AREA {
            let raw = (liking * f64::from(MAX_ANSWER) + rng.sample(item)).round();
            let answer = (0..=MAX_ANSWER)
                .rev()
                .find(|n| f64::from(*n) <= raw)
                .unwrap_or(0);
            *sum += answer;
        }
    }
    Ok(Scores(sums))
}

/// Runs the test: `per_occupation` students from each occupation, from a fixed seed so a run can be
/// repeated.
///
/// # Errors
/// When a noise level is not a finite, non-negative number.
pub fn recovery(
    occupations: &[Occupation],
    noise: Noise,
    per_occupation: usize,
    seed: u64,
) -> Result<Recovery, rand_distr::NormalError> {
    let mut rng = StdRng::seed_from_u64(seed);
    let candidates: Vec<Candidate> = occupations
        .iter()
        .map(|o| Candidate {
            slug: o.slug.clone(),
            title: o.title.clone(),
            onet_code: None,
            interests: o.interests,
            job_zone: Some(o.job_zone),
            level: EducationLevel::Bachelors,
            streams: Vec::new(),
            source: disha_domain::CareerSource::Onet,
        })
        .collect();
    let mut alphabetical: Vec<usize> = (0..occupations.len()).collect();
    alphabetical.sort_by(|a, b| {
        let title = |n: &usize| occupations.get(*n).map_or("", |o| o.title.as_str());
        title(a).cmp(title(b))
    });
    let (mut students, mut disha, mut onet20, mut listed, mut length) =
        (0_u32, 0_u32, 0_u32, 0_u32, 0_u64);
    for (truth, o) in occupations.iter().enumerate() {
        for _ in 0..per_occupation {
            let scores = answers(&mut rng, &o.interests, noise)?;
            let aim = Aim {
                job_zone: Some(o.job_zone),
                stream: None,
            };
            let student = scores.on_onet_scale();
            let fits: Vec<f64> = candidates
                .iter()
                .map(|c| matching::fit(&student, &aim, c))
                .collect();
            let own = fits.get(truth).copied().unwrap_or_default();
            let ahead = fits
                .iter()
                .enumerate()
                .filter(|(n, f)| *n != truth && **f >= own)
                .count();
            if ahead < 20 {
                disha += 1;
            }
            let top = scores.ranked()[0];
            let list: Vec<usize> = alphabetical
                .iter()
                .copied()
                .filter(|n| {
                    occupations
                        .get(*n)
                        .is_some_and(|x| x.top == top && x.job_zone == o.job_zone)
                })
                .collect();
            length += u64::try_from(list.len()).unwrap_or(u64::MAX);
            match list.iter().position(|n| *n == truth) {
                Some(p) if p < 20 => {
                    onet20 += 1;
                    listed += 1;
                }
                Some(_) => listed += 1,
                None => {}
            }
            students += 1;
        }
    }
    let share = |n: u32| f64::from(n) / f64::from(students.max(1));
    Ok(Recovery {
        noise,
        students: usize::try_from(students).unwrap_or(usize::MAX),
        disha_top_20: share(disha),
        onet_top_20: share(onet20),
        onet_listed: share(listed),
        onet_mean_length: f64::from(u32::try_from(length).unwrap_or(u32::MAX))
            / f64::from(students.max(1)),
    })
}
