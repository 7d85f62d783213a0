use super::*;
use crate::{EducationLevel, PageRequest, SchoolStream, Synonyms, TitlePrefix};
use time::OffsetDateTime;
use time::macros::datetime;

fn summary(
    slug: &str,
    title: &str,
    stream: Stream,
    level: i64,
    updated: OffsetDateTime,
) -> CareerSummary {
    CareerSummary {
        slug: Slug::parse(slug).expect("slug"),
        title: title.to_owned(),
        stream,
        summary: format!("{title} in one line."),
        education_level: self::level(level),
        school_streams: match stream {
            Stream::MedicineHealth => vec![SchoolStream::Pcb],
            Stream::HospitalityTourism => vec![
                SchoolStream::Commerce,
                SchoolStream::Humanities,
                SchoolStream::Pcm,
            ],
            _ => vec![SchoolStream::Pcm],
        },
        revision: 1,
        updated_at: updated,
        source: crate::CareerSource::Curated,
    }
}

/// The fixture the storage suite used when lists were filtered in SQL, so the answers carry over.
fn fixture() -> CareerListing {
    let t = datetime!(2026-01-01 0:00 UTC);
    CareerListing::new(vec![
        summary(
            "backend-developer",
            "Back-end Developer",
            Stream::EngineeringTechnology,
            4,
            t,
        ),
        summary(
            "frontend-developer",
            "Front-end Developer",
            Stream::EngineeringTechnology,
            3,
            t,
        ),
        summary(
            "civil-engineer",
            "Civil Engineer",
            Stream::EngineeringTechnology,
            4,
            t,
        ),
        summary("doctor", "Doctor", Stream::MedicineHealth, 5, t),
        summary("dietitian", "Dietitian", Stream::MedicineHealth, 4, t),
        summary(
            "chef",
            "Chef",
            Stream::HospitalityTourism,
            2,
            datetime!(2026-02-01 0:00 UTC),
        ),
    ])
}

fn titles(p: &Paged<CareerSummary>) -> Vec<&str> {
    p.items.iter().map(|c| c.title.as_str()).collect()
}

fn prefix(t: &str) -> Option<TitlePrefix> {
    TitlePrefix::parse(t).expect("prefix")
}

/// The fixture's old 1–5 scale as Indian levels, keeping the same order and ties.
fn level(n: i64) -> EducationLevel {
    match n {
        ..=3 => EducationLevel::After12,
        4 => EducationLevel::Bachelors,
        _ => EducationLevel::Professional,
    }
}

#[test]
fn lists_filter_by_field_level_and_word_prefix() {
    let l = fixture();
    let q = CareerQuery {
        stream: Some(Stream::EngineeringTechnology),
        ..CareerQuery::default()
    };
    let page = l.page(&q);
    assert_eq!(
        titles(&page),
        [
            "Back-end Developer",
            "Civil Engineer",
            "Front-end Developer"
        ]
    );
    assert_eq!(page.total, 3);
    let q = CareerQuery {
        level: Some(level(4)),
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q)),
        ["Back-end Developer", "Civil Engineer", "Dietitian"]
    );
    let q = CareerQuery {
        prefix: prefix("DEV"),
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q)),
        ["Back-end Developer", "Front-end Developer"]
    );
    let q = CareerQuery {
        prefix: prefix("d"),
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q)),
        [
            "Back-end Developer",
            "Dietitian",
            "Doctor",
            "Front-end Developer"
        ],
        "a prefix matches the start of any word"
    );
    let q = CareerQuery {
        prefix: prefix("eloper"),
        ..CareerQuery::default()
    };
    assert_eq!(l.page(&q).total, 0, "the middle of a word is not a prefix");
    let q = CareerQuery {
        stream: Some(Stream::MedicineHealth),
        level: Some(level(5)),
        prefix: prefix("doc"),
        ..CareerQuery::default()
    };
    assert_eq!(titles(&l.page(&q)), ["Doctor"]);
}

#[test]
fn a_hyphenated_prefix_matches_hyphenated_titles() {
    let l = fixture();
    for (typed, want) in [
        ("back-end", vec!["Back-end Developer"]),
        ("front end", vec!["Front-end Developer"]),
        ("end dev", vec!["Back-end Developer", "Front-end Developer"]),
        ("o'", vec![]),
    ] {
        let q = CareerQuery {
            prefix: prefix(typed),
            ..CareerQuery::default()
        };
        assert_eq!(titles(&l.page(&q)), want, "typed {typed:?}");
    }
}

#[test]
fn lists_sort_and_page_with_a_total() {
    let l = fixture();
    let q = CareerQuery {
        sort: CareerSort::Level,
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q)),
        [
            "Chef",
            "Front-end Developer",
            "Back-end Developer",
            "Civil Engineer",
            "Dietitian",
            "Doctor"
        ]
    );
    let q = CareerQuery {
        page: PageRequest {
            page: 2,
            per_page: 4,
        },
        ..CareerQuery::default()
    };
    let page = l.page(&q);
    assert_eq!(titles(&page), ["Doctor", "Front-end Developer"]);
    assert_eq!(
        (page.total, page.page, page.per_page, page.total_pages()),
        (6, 2, 4, 2)
    );
    let q = CareerQuery {
        page: PageRequest {
            page: 9,
            per_page: 4,
        },
        ..CareerQuery::default()
    };
    let page = l.page(&q);
    assert!(page.items.is_empty());
    assert_eq!(page.total, 6, "the total is known even past the last page");
    let q = CareerQuery {
        sort: CareerSort::Updated,
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q))[0],
        "Chef",
        "the newest edit comes first"
    );
}

#[test]
fn titles_sort_without_regard_to_ascii_case_then_by_slug() {
    let t = datetime!(2026-01-01 0:00 UTC);
    let l = CareerListing::new(vec![
        summary("b-two", "beta", Stream::Law, 3, t),
        summary("a-one", "Alpha", Stream::Law, 3, t),
        summary("b-one", "Beta", Stream::Law, 3, t),
    ]);
    let slugs: Vec<_> = l
        .page(&CareerQuery::default())
        .items
        .into_iter()
        .map(|c| c.slug)
        .collect();
    let slugs: Vec<&str> = slugs.iter().map(Slug::as_str).collect();
    assert_eq!(slugs, ["a-one", "b-one", "b-two"]);
}

#[test]
fn picks_keep_the_requested_order_and_skip_unknown_slugs() {
    let l = fixture();
    let want =
        ["doctor", "nobody", "chef", "backend-developer"].map(|s| Slug::parse(s).expect("slug"));
    let got: Vec<_> = l
        .pick(&want)
        .into_iter()
        .map(|c| c.slug.as_str().to_owned())
        .collect();
    assert_eq!(got, ["doctor", "chef", "backend-developer"]);
    assert!(l.pick(&[]).is_empty());
}

#[test]
fn stream_counts_and_slugs_cover_every_listed_career() {
    let l = fixture();
    assert_eq!(
        l.stream_counts(),
        [
            StreamCount {
                stream: Stream::EngineeringTechnology,
                careers: 3
            },
            StreamCount {
                stream: Stream::MedicineHealth,
                careers: 2
            },
            StreamCount {
                stream: Stream::HospitalityTourism,
                careers: 1
            },
        ]
    );
    let slugs: Vec<&str> = l.by_slug().iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(
        slugs,
        [
            "backend-developer",
            "chef",
            "civil-engineer",
            "dietitian",
            "doctor",
            "frontend-developer"
        ]
    );
}

#[test]
fn lists_filter_by_the_stream_chosen_after_class_10() {
    let l = fixture();
    let q = CareerQuery {
        school_stream: Some(SchoolStream::Pcb),
        ..CareerQuery::default()
    };
    assert_eq!(titles(&l.page(&q)), ["Dietitian", "Doctor"]);
    let q = CareerQuery {
        school_stream: Some(SchoolStream::Pcm),
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q)),
        [
            "Back-end Developer",
            "Chef",
            "Civil Engineer",
            "Front-end Developer"
        ]
    );
    let q = CareerQuery {
        school_stream: Some(SchoolStream::Vocational),
        ..CareerQuery::default()
    };
    assert_eq!(l.page(&q).total, 0);
}

#[test]
fn school_stream_counts_count_a_career_under_each_stream_that_leads_to_it() {
    let counts = fixture().school_stream_counts();
    let get = |s| counts.iter().find(|(k, _)| *k == s).map(|(_, n)| *n);
    // Three engineering careers and the chef (PCM among its streams); the two health careers are PCB.
    assert_eq!(get(SchoolStream::Pcm), Some(4));
    assert_eq!(get(SchoolStream::Pcb), Some(2));
    assert_eq!(get(SchoolStream::Commerce), Some(1));
    assert_eq!(get(SchoolStream::Vocational), Some(0));
    assert_eq!(
        counts.len(),
        5,
        "every stream is offered, even with no careers yet"
    );
}

#[test]
fn a_synonym_finds_careers_without_the_word_in_their_title() {
    let syn = Synonyms::from_toml(
        "[[term]]\nwords = [\"software\"]\ncareers = [\"backend-developer\", \"frontend-developer\"]\n\n[[term]]\nwords = [\"mbbs\"]\ncareers = [\"doctor\", \"retired-career\"]\n",
    )
    .expect("valid");
    let l = fixture().with_synonyms(std::sync::Arc::new(syn));
    let q = |t: &str| CareerQuery {
        prefix: prefix(t),
        ..CareerQuery::default()
    };
    assert_eq!(
        titles(&l.page(&q("soft"))),
        ["Back-end Developer", "Front-end Developer"]
    );
    assert_eq!(
        titles(&l.page(&q("MBBS"))),
        ["Doctor"],
        "a named career that is not listed is skipped"
    );
    assert_eq!(
        titles(&l.page(&q("d"))),
        [
            "Back-end Developer",
            "Dietitian",
            "Doctor",
            "Front-end Developer"
        ],
        "title prefixes still match as before"
    );
    assert_eq!(
        fixture().page(&q("soft")).total,
        0,
        "without the table, no match"
    );
}

#[test]
fn a_search_that_finds_nothing_suggests_titles_a_slip_away() {
    let l = fixture();
    let s = |t: &str| -> Vec<String> {
        l.suggest(&prefix(t).expect("text"))
            .into_iter()
            .map(|c| c.title)
            .collect()
    };
    assert_eq!(s("docter"), ["Doctor"]);
    assert_eq!(s("enginer"), ["Civil Engineer"]);
    assert_eq!(s("developr"), ["Back-end Developer", "Front-end Developer"]);
    assert!(s("pilot").is_empty(), "nothing close is nothing suggested");
}
