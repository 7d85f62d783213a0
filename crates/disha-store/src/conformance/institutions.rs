//! Conformance cases for the institutions store.

use crate::decode::course_key;
use crate::{ImportCounts, InstitutionFilter, InstitutionRecord, InstitutionSort, Store, scopes};
use disha_domain::{InstitutionKind, Programme, ProgrammeLevel, Slug};

fn programme(level: ProgrammeLevel, course: &str, intake: Option<u32>) -> Programme {
    Programme {
        level,
        discipline: "Engineering and Technology".into(),
        course: course.into(),
        shift: "1st Shift".into(),
        mode: "Full Time".into(),
        intake,
    }
}

fn record(
    id: &str,
    name: &str,
    state: &'static str,
    programmes: Vec<Programme>,
) -> InstitutionRecord {
    InstitutionRecord {
        source_id: id.into(),
        slug: disha_domain::name_slug(name),
        name: name.into(),
        kind: InstitutionKind::Government,
        address: String::new(),
        district: "Pune".into(),
        state,
        university: String::new(),
        women_only: false,
        minority: false,
        digest: format!("{name}{}", programmes.len()),
        programmes,
    }
}

async fn colleges_version(store: &dyn Store) -> i64 {
    store
        .content_versions()
        .await
        .expect("versions")
        .into_iter()
        .find(|(s, _)| s == scopes::COLLEGES)
        .map_or(0, |(_, v)| v)
}

fn filter() -> InstitutionFilter {
    InstitutionFilter {
        limit: 20,
        ..InstitutionFilter::default()
    }
}

/// Case.
pub async fn an_import_inserts_updates_and_removes_and_a_second_run_changes_nothing(
    store: &dyn Store,
) {
    let cse = |n| {
        programme(
            ProgrammeLevel::Ug,
            "Computer Science and Engineering",
            Some(n),
        )
    };
    let first = vec![
        record(
            "1-1",
            "College of Engineering",
            "Maharashtra",
            vec![cse(120)],
        ),
        record(
            "1-2",
            "College of Engineering",
            "Maharashtra",
            vec![cse(60)],
        ),
        record(
            "1-3",
            "Polytechnic",
            "Goa",
            vec![programme(
                ProgrammeLevel::Diploma,
                "Civil Engineering",
                None,
            )],
        ),
    ];
    let v0 = colleges_version(store).await;
    assert_eq!(
        store.import_aicte(&first).await.expect("import"),
        ImportCounts {
            inserted: 3,
            ..ImportCounts::default()
        }
    );
    let v1 = colleges_version(store).await;
    assert!(v1 > v0);
    assert_eq!(
        store.import_aicte(&first).await.expect("again"),
        ImportCounts {
            unchanged: 3,
            ..ImportCounts::default()
        }
    );
    assert_eq!(
        colleges_version(store).await,
        v1,
        "nothing changed, nothing bumped"
    );
    let (all, n) = store.list_institutions(&filter()).await.expect("list");
    assert_eq!(n, 3);
    let slugs: Vec<&str> = all.iter().map(|s| s.slug.as_str()).collect();
    assert!(
        slugs.contains(&"college-of-engineering") && slugs.contains(&"college-of-engineering-2"),
        "same names get distinct slugs: {slugs:?}"
    );
    let twin = all
        .iter()
        .find(|s| s.slug.as_str() == "college-of-engineering-2")
        .expect("twin");
    let twin_intake = twin.intake;

    let mut second = first.clone();
    second[0].programmes.push(programme(
        ProgrammeLevel::Pg,
        "Structural Engineering",
        Some(18),
    ));
    second[0].digest = "changed".into();
    second.remove(2);
    assert_eq!(
        store.import_aicte(&second).await.expect("import"),
        ImportCounts {
            updated: 1,
            unchanged: 1,
            removed: 1,
            ..ImportCounts::default()
        }
    );
    let (all, n) = store.list_institutions(&filter()).await.expect("list");
    assert_eq!(n, 2);
    assert_eq!(
        all.iter()
            .find(|s| s.intake == twin_intake)
            .map(|s| s.slug.as_str()),
        Some("college-of-engineering-2"),
        "slugs stay with their institutions across imports"
    );
    let one = store
        .institution(&Slug::parse("college-of-engineering").expect("slug"))
        .await
        .expect("read")
        .expect("found");
    assert_eq!(one.programmes.len(), 2);
    assert_eq!(one.total_intake(), 138);
    assert!(
        store
            .institution(&Slug::parse("polytechnic").expect("slug"))
            .await
            .expect("read")
            .is_none(),
        "removed"
    );
}

/// Case.
pub async fn the_college_list_filters_by_place_kind_level_course_women_and_name(store: &dyn Store) {
    let mut women = record(
        "2-1",
        "Government College of Engineering for Women",
        "Kerala",
        vec![programme(
            ProgrammeLevel::Ug,
            "Computer Science and Engineering",
            Some(60),
        )],
    );
    women.women_only = true;
    women.district = "Thrissur".into();
    let mut private = record(
        "2-2",
        "Sunrise Institute of Technology",
        "Kerala",
        vec![
            programme(ProgrammeLevel::Ug, "Mechanical Engineering", Some(120)),
            programme(
                ProgrammeLevel::Pg,
                "Master of Business Administration",
                Some(60),
            ),
        ],
    );
    private.kind = InstitutionKind::PrivateSelfFinancing;
    private.district = "Ernakulam".into();
    let poly = record(
        "2-3",
        "Government Polytechnic",
        "Goa",
        vec![programme(
            ProgrammeLevel::Diploma,
            "Computer Engineering",
            Some(90),
        )],
    );
    store
        .import_aicte(&[women, private, poly])
        .await
        .expect("import");
    let names = |list: Vec<crate::InstitutionSummary>| -> Vec<String> {
        list.into_iter().map(|s| s.name).collect()
    };
    let run = |f: InstitutionFilter| async move {
        let (items, n) = store.list_institutions(&f).await.expect("list");
        assert!(u64::try_from(items.len()).is_ok_and(|len| len <= n));
        (names(items), n)
    };
    assert_eq!(
        run(InstitutionFilter {
            state: Some("Kerala"),
            ..filter()
        })
        .await
        .1,
        2
    );
    assert_eq!(
        run(InstitutionFilter {
            state: Some("Kerala"),
            district: Some("ERNAKULAM".into()),
            ..filter()
        })
        .await
        .0,
        ["Sunrise Institute of Technology"]
    );
    assert_eq!(
        run(InstitutionFilter {
            kind: Some(InstitutionKind::PrivateSelfFinancing),
            ..filter()
        })
        .await
        .0,
        ["Sunrise Institute of Technology"]
    );
    assert_eq!(
        run(InstitutionFilter {
            level: Some(ProgrammeLevel::Diploma),
            ..filter()
        })
        .await
        .0,
        ["Government Polytechnic"]
    );
    assert_eq!(
        run(InstitutionFilter {
            courses: vec![
                "COMPUTER SCIENCE AND ENGINEERING".into(),
                "COMPUTER ENGINEERING".into()
            ],
            ..filter()
        })
        .await
        .0,
        [
            "Government College of Engineering for Women",
            "Government Polytechnic"
        ]
    );
    assert_eq!(
        run(InstitutionFilter {
            courses: vec![course_key("Computer Engineering")],
            level: Some(ProgrammeLevel::Ug),
            ..filter()
        })
        .await
        .1,
        0,
        "the course at that level"
    );
    assert_eq!(
        run(InstitutionFilter {
            women_only: true,
            ..filter()
        })
        .await
        .0,
        ["Government College of Engineering for Women"]
    );
    assert_eq!(
        run(InstitutionFilter {
            text: Some("SUNRISE  institute".into()),
            ..filter()
        })
        .await
        .0,
        ["Sunrise Institute of Technology"]
    );
    assert_eq!(
        run(InstitutionFilter {
            sort: InstitutionSort::Intake,
            limit: 1,
            ..filter()
        })
        .await,
        (vec!["Sunrise Institute of Technology".to_owned()], 3),
        "most seats first, one to a page"
    );
    assert_eq!(
        run(InstitutionFilter {
            limit: 2,
            offset: 2,
            ..filter()
        })
        .await
        .0,
        ["Sunrise Institute of Technology"]
    );
    assert_eq!(
        store.districts("Kerala").await.expect("districts"),
        ["Ernakulam", "Thrissur"]
    );
}
