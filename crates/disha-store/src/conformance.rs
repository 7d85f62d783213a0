//! One behaviour suite for every back end. Each backend's tests call [`conformance_suite!`] with a function
//! that returns a fresh, migrated store; every case below then runs against it.
#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "test support: a failed expectation is a failed test"
)]

mod community;
mod guidance;
mod institutions;
mod open_data;

pub use community::*;
pub use guidance::*;
pub use institutions::*;
pub use open_data::*;

use crate::Store;
use disha_domain::{
    AsOf, CareerProfile, CheckedOn, College, Course, CourseLevel, EducationLevel, Faq, FeePer,
    FeeRange, Job, JobZone, RestrictedSeats, Riasec, Route, SalaryBasis, SalaryRange, SchoolStream,
    SeatBasis, Slug, Source, SourceTopic, SourceUrl, Status, Step, Stream, StreamFit,
};

/// Generates one `#[tokio::test]` per conformance case, each with its own fresh store from `$fresh`
/// (anything that dereferences to a store, so a test can keep its temporary files alive beside it).
#[macro_export]
macro_rules! conformance_suite {
    ($fresh:path) => {
        $crate::conformance_suite!(@cases $fresh;
            a_new_profile_is_stored_at_revision_one,
            storing_identical_content_again_changes_nothing,
            an_edited_profile_gets_the_next_revision_and_a_new_content_version,
            drafts_are_hidden_from_every_public_read,
            a_batch_with_one_bad_profile_writes_nothing,
            summaries_carry_what_lists_filter_and_sort_on,
            ping_and_pool_stats_report_a_live_database,
            a_rate_limit_admits_its_maximum_then_refuses_until_the_window_ends,
            a_mistake_report_stays_open_until_an_editor_closes_it,
            an_account_is_unique_by_email_and_by_username_without_case,
            a_session_signs_in_until_it_ends_or_expires,
            ending_a_session_or_changing_an_account_bumps_the_sessions_scope,
            each_message_is_claimed_by_one_dispatcher_at_a_time,
            an_expired_lease_frees_a_message_and_failures_retry_then_die,
            a_reset_link_is_single_use_ends_sessions_and_goes_out_with_its_mail,
            a_registration_is_verified_by_its_link_and_a_verified_address_stays_unique,
            articles_show_by_status_edits_keep_revisions_and_only_owners_change_them,
            follows_make_the_feed_and_favourites_and_tags_are_counted,
            a_readers_marks_name_only_their_own_favourites_follows_and_unpublished_articles,
            a_changed_public_profile_refreshes_the_articles_and_threads_that_show_it,
            guest_comments_wait_for_an_editor_and_replies_stay_one_level_deep,
            only_confirmed_readers_get_issues_and_unsubscribing_forgets_the_address,
            an_import_inserts_updates_and_removes_and_a_second_run_changes_nothing,
            the_finder_index_holds_every_institution_with_each_course_it_offers_once,
            a_data_set_import_is_exact_keeps_slugs_and_a_second_run_changes_nothing,
            results_saved_together_are_each_counted_against_their_limit_in_one_transaction,
            a_result_is_claimed_once_and_a_student_keeps_careers_steps_and_colleges,
            deleting_an_account_removes_everything_it_kept_and_nothing_of_anyone_else
        );
    };
    (@cases $fresh:path; $($case:ident),+ $(,)?) => {
        $(
            #[tokio::test]
            async fn $case() {
                let store = $fresh().await;
                $crate::conformance::$case(&*store).await;
                $crate::SystemStore::close(&*store).await;
            }
        )+
    };
}

pub(crate) fn slug(s: &str) -> Slug {
    Slug::parse(s).unwrap_or_else(|e| panic!("bad test slug {s}: {e}"))
}

/// Sample levels by number, shortest route first, so the cases below read compactly.
fn level(n: i64) -> EducationLevel {
    match n {
        ..=1 => EducationLevel::After10,
        2 => EducationLevel::After12,
        3 => EducationLevel::Bachelors,
        4 => EducationLevel::Professional,
        _ => EducationLevel::Masters,
    }
}

fn as_of() -> AsOf {
    AsOf::parse("2025").unwrap_or_else(|e| panic!("{e}"))
}

/// A complete published profile with the given identity; the rest is filler that passes every check.
#[must_use]
pub fn sample(slug_text: &str, title: &str, stream: Stream, education_level: i64) -> CareerProfile {
    CareerProfile {
        slug: slug(slug_text),
        title: title.to_owned(),
        stream,
        summary: format!("{title}: a sample profile for the storage conformance suite."),
        education_level: level(education_level),
        status: Status::Published,
        reviewed_on: CheckedOn::parse("2026-11-28").ok(),
        reviewed_by: "Conformance suite".into(),
        overview:
            "A paragraph of **Markdown** long enough to pass the overview rule for sample profiles."
                .repeat(2),
        responsibilities: vec![
            "First duty".into(),
            "Second duty".into(),
            "Third duty".into(),
        ],
        skills: vec!["Reading".into(), "Writing".into(), "Arithmetic".into()],
        related: vec![slug("somewhere-else")],
        interests: Riasec {
            onet_code: "15-1252.00".into(),
            onet_title: "Software Developers".into(),
            occupation_code: None,
            occupation_title: None,
            job_zone: JobZone::new(4).unwrap_or_else(|e| panic!("{e}")),
            realistic: 2.0,
            investigative: 6.0,
            artistic: 3.0,
            social: 2.5,
            enterprising: 3.5,
            conventional: 4.0,
        },
        steps: vec![
            Step {
                title: "Finish class 10".into(),
                detail: "Pick the stream that fits.".into(),
            },
            Step {
                title: "Finish class 12".into(),
                detail: "Sit the entrance exams.".into(),
            },
            Step {
                title: "Get a degree".into(),
                detail: "Three or four years of study.".into(),
            },
        ],
        courses: vec![Course {
            level: CourseLevel::Ug,
            name: "B.Sc".into(),
            duration_years: 3.0,
            entrance_exams: vec!["CUET-UG".into()],
            fee: FeeRange {
                min_inr: 20_000,
                max_inr: 200_000,
                per: FeePer::Year,
                source: "Test".into(),
                as_of: as_of(),
            },
        }],
        colleges: vec![College {
            name: "Somewhere College".into(),
            city: "Pune".into(),
        }],
        jobs: vec![Job {
            title: "Trainee".into(),
            experience: "0–2 years".into(),
            salary: SalaryRange {
                min_lpa: 3.0,
                max_lpa: 6.5,
                basis: SalaryBasis::Ctc,
                source: "Test".into(),
                as_of: as_of(),
                illustrative: true,
            },
        }],
        faqs: vec![
            Faq {
                question: "Is it hard?".into(),
                answer: "It takes steady work.".into(),
            },
            Faq {
                question: "Is it paid well?".into(),
                answer: "It depends on the employer.".into(),
            },
        ],
        route_years: Some(3.0),
        route_summary: "A three-year B.Sc after class 12".into(),
        main_exams: vec!["CUET-UG".into()],
        school_streams: vec![StreamFit {
            stream: SchoolStream::Pcm,
            note: String::new(),
        }],
        total_cost: None,
        starting_pay: None,
        routes: vec![Route {
            name: "B.Sc".into(),
            path: "Class 12, CUET-UG, a three-year B.Sc".into(),
            years: 3.0,
        }],
        pending: vec!["A rule that is still being confirmed.".into()],
        sources: vec![Source {
            name: "The exam body".into(),
            url: SourceUrl::parse("https://exams.example.in/").unwrap_or_else(|e| panic!("{e}")),
            covers: vec![
                SourceTopic::Exams,
                SourceTopic::Eligibility,
                SourceTopic::Regulator,
            ],
            checked: CheckedOn::parse("2026-11-28").unwrap_or_else(|e| panic!("{e}")),
        }],
        restricted_seats: vec![RestrictedSeats {
            basis: SeatBasis::Gender,
            applies_to: "One college".into(),
            rule: "Admits women only.".into(),
            source: SourceUrl::parse("https://college.example.in/")
                .unwrap_or_else(|e| panic!("{e}")),
        }],
    }
}

/// The careers scope's version, or 0 before the first write.
pub(crate) async fn careers_version(store: &dyn Store) -> i64 {
    store
        .content_versions()
        .await
        .expect("versions")
        .into_iter()
        .find(|(scope, _)| scope == crate::scopes::CAREERS)
        .map_or(0, |(_, v)| v)
}

/// Case.
pub async fn a_new_profile_is_stored_at_revision_one(store: &dyn Store) {
    let p = sample(
        "backend-developer",
        "Back-end Developer",
        Stream::EngineeringTechnology,
        4,
    );
    let v0 = careers_version(store).await;
    let out = store
        .put_careers(std::slice::from_ref(&p))
        .await
        .expect("put");
    assert_eq!((out.created, out.updated, out.unchanged), (1, 0, 0));
    let got = store
        .published_career(&p.slug)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(got.profile, p, "every section must round-trip unchanged");
    assert_eq!(got.revision, 1);
    assert_eq!(got.created_at, got.updated_at);
    assert!(careers_version(store).await > v0);
    assert_eq!(store.career_count().await.expect("count"), 1);
    assert!(
        store
            .published_career(&slug("nobody"))
            .await
            .expect("read")
            .is_none()
    );
}

/// Case.
pub async fn storing_identical_content_again_changes_nothing(store: &dyn Store) {
    let p = sample("lawyer", "Lawyer", Stream::Law, 4);
    store
        .put_careers(std::slice::from_ref(&p))
        .await
        .expect("put");
    let before = store
        .published_career(&p.slug)
        .await
        .expect("read")
        .expect("found");
    let v = careers_version(store).await;
    let out = store
        .put_careers(std::slice::from_ref(&p))
        .await
        .expect("put again");
    assert_eq!((out.created, out.updated, out.unchanged), (0, 0, 1));
    assert!(!out.changed());
    let after = store
        .published_career(&p.slug)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(after.revision, 1);
    assert_eq!(after.updated_at, before.updated_at);
    assert_eq!(careers_version(store).await, v);
}

/// Case.
pub async fn an_edited_profile_gets_the_next_revision_and_a_new_content_version(store: &dyn Store) {
    let mut p = sample("chef", "Chef", Stream::HospitalityTourism, 3);
    store
        .put_careers(std::slice::from_ref(&p))
        .await
        .expect("put");
    let v = careers_version(store).await;
    p.jobs[0].salary.max_lpa = 9.5;
    let out = store
        .put_careers(std::slice::from_ref(&p))
        .await
        .expect("edit");
    assert_eq!((out.created, out.updated, out.unchanged), (0, 1, 0));
    let got = store
        .published_career(&p.slug)
        .await
        .expect("read")
        .expect("found");
    assert_eq!(got.revision, 2);
    assert!((got.profile.jobs[0].salary.max_lpa - 9.5).abs() < f64::EPSILON);
    assert!(got.updated_at >= got.created_at);
    assert!(careers_version(store).await > v);
}

/// Case.
pub async fn drafts_are_hidden_from_every_public_read(store: &dyn Store) {
    let mut draft = sample("actuary", "Actuary", Stream::CommerceFinance, 5);
    draft.status = Status::Draft;
    let public = sample("economist", "Economist", Stream::CommerceFinance, 5);
    store
        .put_careers(&[draft.clone(), public.clone()])
        .await
        .expect("put");
    assert!(
        store
            .published_career(&draft.slug)
            .await
            .expect("read")
            .is_none()
    );
    let sums = store.published_summaries().await.expect("summaries");
    let titles: Vec<&str> = sums.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["Economist"], "a draft has no summary");
    assert_eq!(
        store.career_count().await.expect("count"),
        2,
        "drafts still count as content"
    );

    draft.status = Status::Published;
    let out = store
        .put_careers(std::slice::from_ref(&draft))
        .await
        .expect("publish");
    assert_eq!(out.updated, 1);
    let got = store
        .published_career(&draft.slug)
        .await
        .expect("read")
        .expect("now public");
    assert_eq!(got.revision, 2);
}

/// Case.
pub async fn a_batch_with_one_bad_profile_writes_nothing(store: &dyn Store) {
    let good = sample("nurse", "Nurse", Stream::MedicineHealth, 3);
    let mut bad = sample("dentist", "Dentist", Stream::MedicineHealth, 5);
    bad.title = String::new();
    let v = careers_version(store).await;
    assert!(
        store.put_careers(&[good.clone(), bad]).await.is_err(),
        "an empty title must be refused"
    );
    assert!(
        store
            .published_career(&good.slug)
            .await
            .expect("read")
            .is_none(),
        "the good half must not land"
    );
    assert_eq!(store.career_count().await.expect("count"), 0);
    assert_eq!(careers_version(store).await, v);
}

/// Case.
pub async fn summaries_carry_what_lists_filter_and_sort_on(store: &dyn Store) {
    let batch = [
        sample(
            "backend-developer",
            "Back-end Developer",
            Stream::EngineeringTechnology,
            4,
        ),
        sample("doctor", "Doctor", Stream::MedicineHealth, 5),
        sample("chef", "Chef", Stream::HospitalityTourism, 2),
    ];
    store.put_careers(&batch).await.expect("put");
    let mut sums = store.published_summaries().await.expect("summaries");
    sums.sort_by(|a, b| a.slug.as_str().cmp(b.slug.as_str()));
    let got: Vec<(&str, &str, Stream, EducationLevel, i64)> = sums
        .iter()
        .map(|s| {
            (
                s.slug.as_str(),
                s.title.as_str(),
                s.stream,
                s.education_level,
                s.revision,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "backend-developer",
                "Back-end Developer",
                Stream::EngineeringTechnology,
                level(4),
                1
            ),
            ("chef", "Chef", Stream::HospitalityTourism, level(2), 1),
            ("doctor", "Doctor", Stream::MedicineHealth, level(5), 1),
        ]
    );
    assert!(
        sums.iter()
            .all(|s| s.summary.ends_with("conformance suite."))
    );

    // Timestamps have microsecond resolution; make sure the edit lands in a later one.
    std::thread::sleep(std::time::Duration::from_millis(2));
    let mut chef = sample("chef", "Chef", Stream::HospitalityTourism, 2);
    chef.summary.push_str(" Edited.");
    store.put_careers(&[chef]).await.expect("edit");
    let sums = store.published_summaries().await.expect("summaries");
    let newest = sums.iter().max_by_key(|s| s.updated_at).expect("some");
    assert_eq!(
        (newest.slug.as_str(), newest.revision),
        ("chef", 2),
        "the edit moves updated_at"
    );
}

/// Case.
pub async fn ping_and_pool_stats_report_a_live_database(store: &dyn Store) {
    store.ping().await.expect("ping");
    let stats = store.pool_stats();
    assert!(!stats.is_empty());
    assert!(stats.iter().all(|s| s.max >= 1 && s.idle <= s.size));
    assert!(matches!(store.backend(), "sqlite" | "postgres"));
}

/// Case.
pub async fn a_rate_limit_admits_its_maximum_then_refuses_until_the_window_ends(store: &dyn Store) {
    use crate::{Admission, RateLimit};
    // 10 s into a 60 s window (1,800,000,000 is a multiple of 60).
    let t =
        time::OffsetDateTime::from_unix_timestamp(1_800_000_010).unwrap_or_else(|e| panic!("{e}"));
    let limit = |bucket: &str| RateLimit {
        bucket: bucket.into(),
        max: 2,
        window_secs: 60,
    };
    let hit = |l: RateLimit, at| async move { store.hit_rate_limit(&l, at).await.expect("hit") };
    assert_eq!(hit(limit("report:a"), t).await, Admission::Allowed);
    assert_eq!(hit(limit("report:a"), t).await, Admission::Allowed);
    assert_eq!(
        hit(limit("report:a"), t).await,
        Admission::Limited {
            retry_after_secs: 50
        },
        "the third hit in the window is refused with the time left"
    );
    assert_eq!(
        hit(limit("report:a"), t).await,
        Admission::Limited {
            retry_after_secs: 50
        },
        "a refused hit is not counted as a success"
    );
    assert_eq!(
        hit(limit("report:b"), t).await,
        Admission::Allowed,
        "buckets are separate"
    );
    let next = t + time::Duration::seconds(50);
    assert_eq!(
        hit(limit("report:a"), next).await,
        Admission::Allowed,
        "a new window starts empty"
    );
}

/// Case.
pub async fn a_mistake_report_stays_open_until_an_editor_closes_it(store: &dyn Store) {
    use disha_domain::{MistakeReport, ProfileSection, RawMistakeReport};
    store
        .put_careers(&[sample("nurse", "Nurse", Stream::MedicineHealth, 2)])
        .await
        .expect("put");
    let raw = RawMistakeReport {
        section: Some("courses".into()),
        message: Some("The GNM fee shown is from an old notice.".into()),
        evidence_url: Some("https://nursing.example.in/fees".into()),
    };
    let report = MistakeReport::parse(slug("nurse"), &raw).expect("valid");
    let id = store.add_mistake_report(&report).await.expect("add");
    let open = store.open_mistake_reports().await.expect("open");
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, id);
    assert_eq!(open[0].career.as_str(), "nurse");
    assert_eq!(open[0].section, ProfileSection::Courses);
    assert_eq!(open[0].message, "The GNM fee shown is from an old notice.");
    assert_eq!(
        open[0].evidence_url.as_deref(),
        Some("https://nursing.example.in/fees")
    );

    let unknown = MistakeReport::parse(slug("pilot"), &raw).expect("valid");
    assert!(
        store.add_mistake_report(&unknown).await.is_err(),
        "a report must name a stored career"
    );
    assert_eq!(store.open_mistake_reports().await.expect("open").len(), 1);

    assert!(store.close_mistake_report(id).await.expect("close"));
    assert!(
        !store.close_mistake_report(id).await.expect("close again"),
        "closing twice finds nothing open"
    );
    assert!(store.open_mistake_reports().await.expect("open").is_empty());
}

pub(crate) fn new_account(email: &str, username: &str) -> crate::NewAccountRecord {
    crate::NewAccountRecord {
        email: disha_domain::Email::parse(email).unwrap_or_else(|e| panic!("{e}")),
        username: disha_domain::Username::parse(username).unwrap_or_else(|e| panic!("{e}")),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g".into(),
        role: disha_domain::Role::Editor,
        verified: true,
    }
}

/// Case.
pub async fn an_account_is_unique_by_email_and_by_username_without_case(store: &dyn Store) {
    let id = store
        .create_account(&new_account("asha@example.in", "AshaK"))
        .await
        .expect("create");
    let email = disha_domain::Email::parse("ASHA@example.in").unwrap_or_else(|e| panic!("{e}"));
    let login = store
        .login_record(&email)
        .await
        .expect("login")
        .expect("found");
    assert_eq!(
        (login.account.id, login.account.username.as_str()),
        (id, "AshaK")
    );
    assert!(login.password_hash.starts_with("$argon2id$"));

    let err = store
        .create_account(&new_account("asha@example.in", "other"))
        .await
        .expect_err("same email");
    assert!(
        matches!(&err, crate::StoreError::Conflict { field, .. } if field == "email"),
        "{err:?}"
    );
    let err = store
        .create_account(&new_account("other@example.in", "ashak"))
        .await
        .expect_err("same username, other case");
    assert!(
        matches!(&err, crate::StoreError::Conflict { field, .. } if field == "username"),
        "{err:?}"
    );
    let nobody = disha_domain::Email::parse("nobody@example.in").unwrap_or_else(|e| panic!("{e}"));
    assert!(store.login_record(&nobody).await.expect("login").is_none());
}

/// The sessions scope's version.
async fn sessions_version(store: &dyn Store) -> i64 {
    store
        .content_versions()
        .await
        .expect("versions")
        .into_iter()
        .find(|(scope, _)| scope == crate::scopes::SESSIONS)
        .map_or(0, |(_, v)| v)
}

/// Case.
pub async fn ending_a_session_or_changing_an_account_bumps_the_sessions_scope(store: &dyn Store) {
    let id = store
        .create_account(&new_account("ravi@example.in", "ravi"))
        .await
        .expect("create");
    let now = time::OffsetDateTime::now_utc();
    let hour = time::Duration::hours(1);
    let v0 = sessions_version(store).await;
    store
        .start_session(id, "aaaa", now + hour)
        .await
        .expect("start");
    store.end_session("nothing").await.expect("end none");
    assert_eq!(
        sessions_version(store).await,
        v0,
        "starting a session, or ending none, changes no one's session"
    );
    store.end_session("aaaa").await.expect("end");
    let v1 = sessions_version(store).await;
    assert!(v1 > v0, "an ended session: {v0} -> {v1}");
    store
        .update_account(
            id,
            &crate::AccountChanges {
                bio: Some("Class 11, PCM".into()),
                ..crate::AccountChanges::default()
            },
        )
        .await
        .expect("update");
    assert!(sessions_version(store).await > v1, "a changed account");
}

/// Case.
pub async fn a_session_signs_in_until_it_ends_or_expires(store: &dyn Store) {
    let id = store
        .create_account(&new_account("ravi@example.in", "ravi"))
        .await
        .expect("create");
    let now = time::OffsetDateTime::now_utc();
    let hour = time::Duration::hours(1);
    store
        .start_session(id, "aaaa", now + hour)
        .await
        .expect("start");
    store
        .start_session(id, "bbbb", now + hour)
        .await
        .expect("second device");
    let who = store
        .session_account("aaaa", now)
        .await
        .expect("read")
        .expect("live");
    assert_eq!(
        (who.id, who.username.as_str(), who.role),
        (id, "ravi", disha_domain::Role::Editor)
    );
    assert_eq!(who.email.as_str(), "ravi@example.in");
    assert!(
        store
            .session_account("aaaa", now + hour + hour)
            .await
            .expect("read")
            .is_none(),
        "expired"
    );
    assert!(
        store
            .session_account("cccc", now)
            .await
            .expect("read")
            .is_none(),
        "unknown"
    );
    store.end_session("aaaa").await.expect("end");
    assert!(
        store
            .session_account("aaaa", now)
            .await
            .expect("read")
            .is_none(),
        "ended"
    );
    assert!(
        store
            .session_account("bbbb", now)
            .await
            .expect("read")
            .is_some(),
        "ending one session leaves the others"
    );
    store
        .end_session("aaaa")
        .await
        .expect("ending twice is fine");
}

fn mail(n: usize) -> crate::NewMail {
    crate::NewMail {
        to: format!("reader{n}@example.in"),
        subject: format!("Message {n}"),
        text: "Hello.".into(),
        headers: vec![(
            "List-Unsubscribe".into(),
            "<https://disha.example/u/1>".into(),
        )],
        kind: "test".into(),
    }
}

/// Case.
pub async fn each_message_is_claimed_by_one_dispatcher_at_a_time(store: &dyn Store) {
    for n in 0..10 {
        store.enqueue_mail(&mail(n)).await.expect("enqueue");
    }
    let now = time::OffsetDateTime::now_utc() + time::Duration::seconds(1);
    let until = now + time::Duration::minutes(5);
    let (a, b) = tokio::join!(
        store.claim_mail("lease-a", 6, now, until),
        store.claim_mail("lease-b", 6, now, until)
    );
    let (a, b) = (a.expect("claim a"), b.expect("claim b"));
    let mut ids: Vec<i64> = a.iter().chain(&b).map(|m| m.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(
        ids.len(),
        10,
        "every message claimed, none twice: {} + {}",
        a.len(),
        b.len()
    );
    assert_eq!(a.len() + b.len(), 10);
    assert!(
        store
            .claim_mail("lease-c", 10, now, until)
            .await
            .expect("claim")
            .is_empty()
    );
    let first = a.first().or(b.first()).expect("a message");
    assert_eq!(first.mail.headers[0].0, "List-Unsubscribe");
    assert_eq!(first.attempts, 1);
    assert!(
        !store
            .mail_sent(first.id, "lease-x", now)
            .await
            .expect("sent"),
        "another lease cannot mark it"
    );
    assert!(
        store
            .mail_sent(first.id, &first.lease, now)
            .await
            .expect("sent")
    );
    let counts = store.outbox_counts().await.expect("counts");
    assert_eq!((counts.pending, counts.sent, counts.dead), (9, 1, 0));
}

/// Case.
pub async fn an_expired_lease_frees_a_message_and_failures_retry_then_die(store: &dyn Store) {
    let id = store.enqueue_mail(&mail(1)).await.expect("enqueue");
    let now = time::OffsetDateTime::now_utc() + time::Duration::seconds(1);
    let minute = time::Duration::minutes(1);
    let a = store
        .claim_mail("lease-a", 5, now, now + minute)
        .await
        .expect("claim");
    assert_eq!(a.len(), 1);
    assert!(
        store
            .claim_mail("lease-b", 5, now, now + minute)
            .await
            .expect("claim")
            .is_empty()
    );
    // The first dispatcher stalls past its lease; another takes the message over.
    let later = now + minute * 2;
    let b = store
        .claim_mail("lease-b", 5, later, later + minute)
        .await
        .expect("claim");
    assert_eq!((b.len(), b[0].id, b[0].attempts), (1, id, 2));
    assert!(
        !store.mail_sent(id, "lease-a", later).await.expect("sent"),
        "a lapsed lease cannot mark the message sent"
    );
    assert!(
        store
            .mail_failed(
                id,
                "lease-b",
                "connection refused",
                Some(later + minute * 10)
            )
            .await
            .expect("fail")
    );
    assert!(
        store
            .claim_mail("lease-c", 5, later + minute * 5, later + minute * 6)
            .await
            .expect("claim")
            .is_empty()
    );
    let c = store
        .claim_mail("lease-c", 5, later + minute * 11, later + minute * 12)
        .await
        .expect("claim");
    assert_eq!((c.len(), c[0].attempts), (1, 3));
    assert!(
        store
            .mail_failed(id, "lease-c", "mailbox unavailable", None)
            .await
            .expect("fail")
    );
    assert!(
        store
            .claim_mail("lease-d", 5, later + minute * 60, later + minute * 61)
            .await
            .expect("claim")
            .is_empty()
    );
    let counts = store.outbox_counts().await.expect("counts");
    assert_eq!((counts.pending, counts.sent, counts.dead), (0, 0, 1));
}

/// Case.
pub async fn a_reset_link_is_single_use_ends_sessions_and_goes_out_with_its_mail(
    store: &dyn Store,
) {
    let id = store
        .create_account(&new_account("lata@example.in", "lata"))
        .await
        .expect("create");
    let now = time::OffsetDateTime::now_utc();
    let hour = time::Duration::hours(1);
    store
        .start_session(id, "sess", now + hour)
        .await
        .expect("session");
    let email = |s: &str| disha_domain::Email::parse(s).unwrap_or_else(|e| panic!("{e}"));
    let m = mail(7);
    assert!(
        !store
            .start_password_reset(&email("nobody@example.in"), "t0", now + hour, &m)
            .await
            .expect("start"),
        "no account, no token"
    );
    assert_eq!(
        store.outbox_counts().await.expect("counts").pending,
        0,
        "and no mail"
    );
    assert!(
        store
            .start_password_reset(&email("lata@example.in"), "t1", now + hour, &m)
            .await
            .expect("start")
    );
    assert!(
        store
            .start_password_reset(&email("lata@example.in"), "t2", now + hour, &m)
            .await
            .expect("start")
    );
    assert_eq!(
        store.outbox_counts().await.expect("counts").pending,
        2,
        "each link goes out by mail"
    );
    assert!(
        !store
            .finish_password_reset("t1", "$argon2id$new", now)
            .await
            .expect("finish"),
        "a newer link replaces an older one"
    );
    assert!(
        !store
            .finish_password_reset("nope", "$argon2id$new", now)
            .await
            .expect("finish")
    );
    assert!(
        !store
            .finish_password_reset("t2", "$argon2id$new", now + hour * 2)
            .await
            .expect("finish"),
        "expired"
    );
    assert!(
        store
            .finish_password_reset("t2", "$argon2id$new", now)
            .await
            .expect("finish")
    );
    assert!(
        !store
            .finish_password_reset("t2", "$argon2id$newer", now)
            .await
            .expect("finish"),
        "used"
    );
    let login = store
        .login_record(&email("lata@example.in"))
        .await
        .expect("login")
        .expect("found");
    assert_eq!(login.password_hash, "$argon2id$new");
    assert!(
        store
            .session_account("sess", now)
            .await
            .expect("read")
            .is_none(),
        "a reset signs the account out everywhere"
    );
}
