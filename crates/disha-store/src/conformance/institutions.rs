//! Conformance cases for the institutions store.

use crate::decode::course_key;
use crate::{ImportCounts, InstitutionRecord, InstitutionSummary, Store, scopes};
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

async fn summaries(store: &dyn Store) -> Vec<InstitutionSummary> {
    let mut all: Vec<InstitutionSummary> = store
        .institution_index()
        .await
        .expect("index")
        .into_iter()
        .map(|i| i.summary)
        .collect();
    all.sort_by(|a, b| a.slug.cmp(&b.slug));
    all
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
    let all = summaries(store).await;
    assert_eq!(all.len(), 3);
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
    let all = summaries(store).await;
    assert_eq!(all.len(), 2);
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
pub async fn the_finder_index_holds_every_institution_with_each_course_it_offers_once(
    store: &dyn Store,
) {
    let mut women = record(
        "2-1",
        "Government College of Engineering for Women",
        "Kerala",
        vec![
            programme(
                ProgrammeLevel::Ug,
                "Computer Science and Engineering",
                Some(60),
            ),
            // The same course in a second shift is offered once.
            programme(
                ProgrammeLevel::Ug,
                "Computer  Science and Engineering",
                Some(30),
            ),
            programme(ProgrammeLevel::Pg, "Computer Science and Engineering", None),
        ],
    );
    women.women_only = true;
    women.district = "Thrissur".into();
    women.kind = InstitutionKind::GovernmentAided;
    let poly = record("2-3", "Government Polytechnic", "Goa", Vec::new());
    store.import_aicte(&[women, poly]).await.expect("import");
    let mut index = store.institution_index().await.expect("index");
    index.sort_by(|a, b| a.summary.name.cmp(&b.summary.name));
    assert_eq!(index.len(), 2);
    let w = &index[0];
    assert_eq!(
        w.summary,
        InstitutionSummary {
            slug: Slug::parse("government-college-of-engineering-for-women").expect("slug"),
            name: "Government College of Engineering for Women".into(),
            kind: InstitutionKind::GovernmentAided,
            district: "Thrissur".into(),
            state: "Kerala",
            women_only: true,
            programmes: 3,
            intake: 90,
        }
    );
    let mut offers = w.offers.clone();
    offers.sort();
    let cse = course_key("Computer Science and Engineering");
    assert_eq!(
        offers,
        [(ProgrammeLevel::Ug, cse.clone()), (ProgrammeLevel::Pg, cse)]
    );
    assert!(index[1].offers.is_empty(), "no programmes, no offers");
}
