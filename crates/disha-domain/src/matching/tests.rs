use super::*;
use crate::CareerSource;
use crate::assessment::Scores;
use proptest::prelude::*;

fn career(slug: &str, interests: [f64; 6], job_zone: u8) -> Candidate {
    Candidate {
        slug: Slug::parse(slug).expect("slug"),
        title: slug.into(),
        onet_code: None,
        interests,
        job_zone: Some(job_zone),
        level: EducationLevel::Bachelors,
        streams: Vec::new(),
        source: CareerSource::Curated,
    }
}

fn careers() -> Vec<Candidate> {
    vec![
        career("electrician", [6.5, 3.0, 1.5, 2.0, 2.5, 3.0], 3),
        career("physicist", [3.0, 7.0, 2.5, 1.5, 1.5, 2.5], 5),
        career("lab-technician", [3.5, 6.0, 1.5, 2.0, 1.5, 4.0], 3),
        career("dancer", [2.0, 1.5, 7.0, 3.0, 3.0, 1.0], 2),
        career("teacher", [1.5, 3.0, 3.0, 7.0, 3.0, 2.5], 4),
        career("accountant", [1.5, 3.0, 1.0, 2.0, 4.0, 7.0], 4),
    ]
}

#[test]
fn a_student_who_likes_science_gets_science_careers_first_with_the_reason() {
    let scores = Scores([12, 38, 8, 6, 6, 14]);
    let m = rank(&scores, &Aim::default(), &careers(), 3);
    assert_eq!(m[0].slug.as_str(), "physicist");
    assert_eq!(m[1].slug.as_str(), "lab-technician");
    assert!(m[0].fit > m[2].fit);
    assert!(matches!(&m[0].reasons[0], Reason::Interests { areas } if areas[0] == Area::I));
}

#[test]
fn the_level_aimed_for_moves_careers_needing_about_that_much_study_up() {
    let scores = Scores([12, 38, 8, 6, 6, 14]);
    let aim = Aim {
        job_zone: Some(3),
        stream: None,
    };
    let m = rank(&scores, &aim, &careers(), 2);
    assert_eq!(m[0].slug.as_str(), "lab-technician");
    assert!(m[0].reasons.contains(&Reason::Level {
        job_zone: 3,
        aimed: 3
    }));
}

#[test]
fn a_career_the_stream_does_not_lead_to_fits_less() {
    let mut list = careers();
    for c in &mut list {
        c.streams = vec![SchoolStream::Commerce];
    }
    list[1].streams = vec![SchoolStream::Pcm];
    let scores = Scores([12, 38, 8, 6, 6, 14]);
    let pcm = Aim {
        job_zone: None,
        stream: Some(SchoolStream::Pcm),
    };
    let commerce = Aim {
        job_zone: None,
        stream: Some(SchoolStream::Commerce),
    };
    let physicist = |aim: &Aim| {
        rank(&scores, aim, &list, 6)
            .into_iter()
            .find(|m| m.slug.as_str() == "physicist")
            .map(|m| m.fit)
    };
    assert!(physicist(&pcm) > physicist(&commerce));
}

proptest! {
    #[test]
    fn fits_are_percentages_best_first_and_every_career_is_ranked(
        s in proptest::array::uniform6(0_u8..=40),
        zone in proptest::option::of(1_u8..=5)
    ) {
        let aim = Aim { job_zone: zone, stream: None };
        let m = rank(&Scores(s), &aim, &careers(), 100);
        prop_assert_eq!(m.len(), careers().len());
        prop_assert!(m.iter().all(|x| x.fit <= 100));
        prop_assert!(m.windows(2).all(|w| w[0].fit >= w[1].fit));
    }

    #[test]
    fn a_profile_fits_itself_best(i in proptest::array::uniform6(1.0_f64..7.0)) {
        let own = interest_fit(&i, &i);
        prop_assert!((own - 1.0).abs() < 1e-9 || i.iter().all(|x| (x - i[0]).abs() < 1e-9));
        let other = [7.0 - i[0] + 1.0, i[1], i[2], i[3], i[4], i[5]];
        prop_assert!(interest_fit(&i, &other) <= own + 1e-9);
    }
}
