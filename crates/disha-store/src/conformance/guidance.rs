//! Conformance cases for what students keep, and for removing an account with all of it.

use super::{new_account, slug};
use crate::{Admission, RateLimit, ResultRecord, StepRecord, Store};
use disha_domain::StepStatus;
use time::{Duration, OffsetDateTime};

fn taken(token: &str, at: OffsetDateTime) -> ResultRecord {
    ResultRecord {
        token: token.into(),
        account_id: None,
        body: format!("{{\"token\":\"{token}\"}}"),
        created_at: at,
    }
}

fn open_limit() -> RateLimit {
    RateLimit {
        bucket: "assessment:test".into(),
        max: 1_000,
        window_secs: 3_600,
    }
}

async fn save(store: &dyn Store, r: ResultRecord) {
    let admitted = store
        .save_results(&[(r, open_limit())], OffsetDateTime::now_utc())
        .await
        .expect("save");
    assert_eq!(admitted, [Admission::Allowed]);
}

/// Case.
pub async fn results_saved_together_are_each_counted_against_their_limit_in_one_transaction(
    store: &dyn Store,
) {
    let now = OffsetDateTime::now_utc();
    let tight = |client: &str| RateLimit {
        bucket: format!("assessment:{client}"),
        max: 2,
        window_secs: 3_600,
    };
    let batch: Vec<(ResultRecord, RateLimit)> =
        [("a1", "a"), ("b1", "b"), ("a2", "a"), ("a3", "a")]
            .into_iter()
            .map(|(token, client)| (taken(token, now), tight(client)))
            .collect();
    let admitted = store.save_results(&batch, now).await.expect("save");
    assert_eq!(&admitted[..3], [Admission::Allowed; 3]);
    assert!(
        matches!(admitted[3], Admission::Limited { .. }),
        "{admitted:?}"
    );
    for (token, kept) in [("a1", true), ("b1", true), ("a2", true), ("a3", false)] {
        assert_eq!(
            store.result(token).await.expect("read").is_some(),
            kept,
            "{token}"
        );
    }
}

/// Case.
pub async fn a_result_is_claimed_once_and_a_student_keeps_careers_steps_and_colleges(
    store: &dyn Store,
) {
    let asha = store
        .create_account(&new_account("asha@example.in", "asha"))
        .await
        .expect("asha");
    let ravi = store
        .create_account(&new_account("ravi@example.in", "ravi"))
        .await
        .expect("ravi");
    let now = OffsetDateTime::now_utc();
    save(store, taken("first", now - Duration::hours(1))).await;
    save(store, taken("second", now)).await;
    let read = store.result("first").await.expect("read").expect("found");
    assert_eq!(
        (read.account_id, read.body.as_str()),
        (None, "{\"token\":\"first\"}")
    );
    assert!(store.result("nobody").await.expect("read").is_none());

    assert!(store.claim_result("first", asha).await.expect("claim"));
    assert!(
        store.claim_result("first", asha).await.expect("again"),
        "still hers"
    );
    assert!(
        !store.claim_result("first", ravi).await.expect("claim"),
        "not his"
    );
    assert!(!store.claim_result("nobody", ravi).await.expect("claim"));
    assert!(store.claim_result("second", asha).await.expect("claim"));

    let doctor = slug("doctor");
    store.keep_career(asha, &doctor, true).await.expect("save");
    store.keep_career(asha, &doctor, true).await.expect("twice");
    store
        .keep_career(asha, &slug("nurse"), true)
        .await
        .expect("save");
    store
        .keep_career(asha, &slug("nurse"), false)
        .await
        .expect("unsave");
    let step = |status, note: &str| StepRecord {
        key: "choose-science-with-pcb-after-class-10".into(),
        status,
        note: note.into(),
        updated_at: now,
    };
    store
        .set_step(asha, &step(StepStatus::Learning, ""))
        .await
        .expect("step");
    store
        .set_step(asha, &step(StepStatus::Done, "Got 92% in science"))
        .await
        .expect("step again");
    store
        .keep_college(asha, &slug("aiims-new-delhi"), true)
        .await
        .expect("college");
    store
        .keep_college(ravi, &slug("iit-bombay"), true)
        .await
        .expect("his");

    let kept = store.kept_by(asha).await.expect("kept");
    assert_eq!(
        kept.results
            .iter()
            .map(|r| r.token.as_str())
            .collect::<Vec<_>>(),
        ["second", "first"],
        "newest first"
    );
    assert_eq!(
        kept.careers
            .iter()
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>(),
        ["doctor"]
    );
    assert_eq!(kept.steps.len(), 1);
    assert_eq!(
        (kept.steps[0].status, kept.steps[0].note.as_str()),
        (StepStatus::Done, "Got 92% in science")
    );
    assert_eq!(
        kept.colleges
            .iter()
            .map(|(s, _)| s.as_str())
            .collect::<Vec<_>>(),
        ["aiims-new-delhi"]
    );
}

/// Case.
pub async fn deleting_an_account_removes_everything_it_kept_and_nothing_of_anyone_else(
    store: &dyn Store,
) {
    let asha = store
        .create_account(&new_account("asha@example.in", "asha"))
        .await
        .expect("asha");
    let ravi = store
        .create_account(&new_account("ravi@example.in", "ravi"))
        .await
        .expect("ravi");
    let now = OffsetDateTime::now_utc();
    for (token, who) in [("hers", asha), ("his", ravi)] {
        save(store, taken(token, now)).await;
        assert!(store.claim_result(token, who).await.expect("claim"));
        store
            .keep_career(who, &slug("doctor"), true)
            .await
            .expect("career");
        store
            .keep_college(who, &slug("iit-bombay"), true)
            .await
            .expect("college");
        store
            .set_step(
                who,
                &StepRecord {
                    key: "get-your-first-job".into(),
                    status: StepStatus::Learning,
                    note: "note".into(),
                    updated_at: now,
                },
            )
            .await
            .expect("step");
    }
    save(store, taken("nobodys", now)).await;
    assert!(store.delete_account(asha).await.expect("delete"));
    assert!(
        !store.delete_account(asha).await.expect("again"),
        "already gone"
    );
    assert!(
        store.result("hers").await.expect("read").is_none(),
        "her result went with her"
    );
    assert_eq!(
        store.kept_by(asha).await.expect("kept"),
        crate::KeptByAccount::default()
    );
    let his = store.kept_by(ravi).await.expect("kept");
    assert_eq!(
        (
            his.results.len(),
            his.careers.len(),
            his.steps.len(),
            his.colleges.len()
        ),
        (1, 1, 1, 1)
    );
    assert!(store.result("nobodys").await.expect("read").is_some());
    assert!(
        store
            .login_record(&disha_domain::Email::parse("asha@example.in").expect("email"))
            .await
            .expect("read")
            .is_none()
    );
}
