use super::{CollegeFilter, CollegeListing, CollegeSort};
use crate::InstitutePage;
use disha_domain::{
    CheckedOn, CourseMap, InstituteDetails, InstitutionKind, ProgrammeLevel, Slug, SourceUrl,
};
use disha_store::decode::course_key;
use disha_store::{IndexedInstitution, InstitutionSummary};
use std::collections::HashSet;

const COURSES: &str = r#"
[[course]]
slug = "btech-computer-science"
name = "B.E./B.Tech in Computer Science and Engineering"
level = "ug"
years = 4
careers = ["backend-developer"]
aicte_level = "UNDER GRADUATE"
aicte_programme = "ENGINEERING AND TECHNOLOGY"
aicte_courses = ["COMPUTER SCIENCE AND ENGINEERING", "COMPUTER ENGINEERING"]
institutes = { programmes = ["B.Tech"], kinds = ["iit"] }
"#;

fn courses() -> CourseMap {
    let careers: HashSet<String> = ["backend-developer".to_owned()].into();
    CourseMap::parse(COURSES, &careers).expect("courses")
}

fn aicte(
    name: &str,
    kind: InstitutionKind,
    district: &str,
    state: &'static str,
    intake: u64,
    offers: &[(ProgrammeLevel, &str)],
) -> IndexedInstitution {
    IndexedInstitution {
        summary: InstitutionSummary {
            slug: disha_domain::name_slug(name),
            name: name.into(),
            kind,
            district: district.into(),
            state,
            women_only: false,
            programmes: u32::try_from(offers.len()).expect("few"),
            intake,
        },
        offers: offers.iter().map(|(l, c)| (*l, course_key(c))).collect(),
    }
}

fn institute(
    slug: &str,
    name: &str,
    short: &str,
    kind: InstitutionKind,
    programmes: &[&str],
) -> InstitutePage {
    InstitutePage {
        slug: Slug::parse(slug).expect("slug"),
        name: name.into(),
        kind,
        state: "Maharashtra",
        women_only: false,
        details: InstituteDetails {
            short_name: Some(short.into()),
            city: "Mumbai".into(),
            established: None,
            website: SourceUrl::parse("https://example.ac.in").expect("url"),
            programmes: programmes.iter().map(|p| (*p).to_owned()).collect(),
            admission: "By entrance exam.".into(),
            seat_notes: Vec::new(),
            sources: Vec::new(),
            reviewed_on: CheckedOn::parse("2026-11-29").expect("date"),
            pending: Vec::new(),
        },
    }
}

fn listing() -> CollegeListing {
    use InstitutionKind::{Government, Iit, PrivateSelfFinancing};
    use ProgrammeLevel::{Diploma, Pg, Ug};
    let mut women = aicte(
        "Government College of Engineering for Women",
        Government,
        "Thrissur",
        "Kerala",
        60,
        &[(Ug, "Computer Science and Engineering")],
    );
    women.summary.women_only = true;
    let index = vec![
        women,
        aicte(
            "Sunrise Institute of Technology",
            PrivateSelfFinancing,
            "Ernakulam",
            "Kerala",
            180,
            &[
                (Ug, "Mechanical Engineering"),
                (Pg, "Master of Business Administration"),
            ],
        ),
        aicte(
            "Government Polytechnic",
            Government,
            "North Goa",
            "Goa",
            90,
            &[(Diploma, "Computer Engineering")],
        ),
        aicte(
            "Ftii",
            Government,
            "Pune",
            "Maharashtra",
            100,
            &[(Pg, "Film Direction")],
        ),
    ];
    let institutes = [
        institute(
            "iit-bombay",
            "Indian Institute of Technology Bombay",
            "IIT Bombay",
            Iit,
            &["B.Tech", "M.Tech", "PhD"],
        ),
        institute(
            "ftii",
            "Film and Television Institute of India",
            "FTII",
            InstitutionKind::InstituteOfNationalImportance,
            &["PG Diploma in Direction"],
        ),
    ];
    CollegeListing::new(index, &institutes, &courses())
}

fn names(l: &CollegeListing, f: &CollegeFilter) -> Vec<String> {
    l.page(f, 0, 20).0.into_iter().map(|s| s.name).collect()
}

#[test]
fn the_list_holds_aicte_colleges_and_curated_institutes_by_name() {
    let l = listing();
    assert_eq!(
        names(&l, &CollegeFilter::default()),
        [
            "Film and Television Institute of India",
            "Government College of Engineering for Women",
            "Government Polytechnic",
            "Indian Institute of Technology Bombay",
            "Sunrise Institute of Technology",
        ]
    );
    let iit = l
        .all()
        .find(|s| s.slug.as_str() == "iit-bombay")
        .expect("curated");
    assert!(iit.curated && !iit.aicte);
    assert_eq!(
        (iit.district.as_str(), iit.programmes, iit.intake),
        ("Mumbai", 3, 0)
    );
}

#[test]
fn a_curated_institute_aicte_also_lists_is_one_line_with_both_sets_of_facts() {
    let l = listing();
    let ftii: Vec<_> = l.all().filter(|s| s.slug.as_str() == "ftii").collect();
    assert_eq!(ftii.len(), 1, "one line, not two");
    let f = ftii[0];
    assert!(f.aicte && f.curated);
    assert_eq!(f.name, "Film and Television Institute of India");
    assert_eq!(
        (f.district.as_str(), f.intake),
        ("Pune", 100),
        "AICTE's place and seats"
    );
    let by_old_name = CollegeFilter {
        text: Some("ftii".into()),
        ..CollegeFilter::default()
    };
    assert_eq!(
        names(&l, &by_old_name),
        ["Film and Television Institute of India"]
    );
}

#[test]
fn every_filter_narrows_the_list() {
    let l = listing();
    let run = |f: CollegeFilter| names(&l, &f);
    assert_eq!(
        run(CollegeFilter {
            state: Some("Kerala"),
            district: Some("ERNAKULAM".into()),
            ..CollegeFilter::default()
        }),
        ["Sunrise Institute of Technology"]
    );
    assert_eq!(
        run(CollegeFilter {
            kind: Some(InstitutionKind::Iit),
            ..CollegeFilter::default()
        }),
        ["Indian Institute of Technology Bombay"]
    );
    assert_eq!(
        run(CollegeFilter {
            level: Some(ProgrammeLevel::Diploma),
            ..CollegeFilter::default()
        }),
        ["Government Polytechnic"]
    );
    assert_eq!(
        run(CollegeFilter {
            level: Some(ProgrammeLevel::Ug),
            state: Some("Maharashtra"),
            ..CollegeFilter::default()
        }),
        ["Indian Institute of Technology Bombay"],
        "a curated institute's levels come from its programme names"
    );
    assert_eq!(
        run(CollegeFilter {
            women_only: true,
            ..CollegeFilter::default()
        }),
        ["Government College of Engineering for Women"]
    );
    assert_eq!(
        run(CollegeFilter {
            text: Some("iit  BOMBAY".into()),
            ..CollegeFilter::default()
        }),
        ["Indian Institute of Technology Bombay"],
        "the short name counts"
    );
}

#[test]
fn a_course_finds_aicte_colleges_by_its_names_at_its_level_and_institutes_by_their_rule() {
    let l = listing();
    let cse = |level| CollegeFilter {
        course: Some("btech-computer-science".into()),
        level,
        ..CollegeFilter::default()
    };
    assert_eq!(
        names(&l, &cse(Some(ProgrammeLevel::Ug))),
        [
            "Government College of Engineering for Women",
            "Indian Institute of Technology Bombay",
        ],
        "the polytechnic's computer engineering is a diploma, not this degree"
    );
    let unknown = CollegeFilter {
        course: Some("astronaut-school".into()),
        ..CollegeFilter::default()
    };
    assert_eq!(l.page(&unknown, 0, 20).1, 0);
}

#[test]
fn the_intake_order_puts_most_seats_first_and_pages_count_every_match() {
    let l = listing();
    let f = CollegeFilter {
        sort: CollegeSort::Intake,
        ..CollegeFilter::default()
    };
    let (first, total) = l.page(&f, 0, 2);
    assert_eq!(total, 5);
    assert_eq!(
        first.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(),
        [
            "Sunrise Institute of Technology",
            "Film and Television Institute of India"
        ]
    );
    let (last, total) = l.page(&CollegeFilter::default(), 4, 2);
    assert_eq!((last.len(), total), (1, 5));
}
