//! Conformance cases for imported data sets.

use super::{careers_version, sample, slug};
use crate::{DataRecord, Dataset, ImportCounts, Store};
use disha_domain::Stream;

fn record(key: &str, slug_text: Option<&str>, body: &str) -> DataRecord {
    DataRecord {
        key: key.into(),
        slug: slug_text.map(slug),
        summary: format!("{{\"title\":\"{key}\"}}"),
        body: body.into(),
        digest: format!("{key}:{body}"),
    }
}

/// Case.
pub async fn a_data_set_import_is_exact_keeps_slugs_and_a_second_run_changes_nothing(
    store: &dyn Store,
) {
    // A curated career already holds the slug an occupation asks for.
    store
        .put_careers(&[sample(
            "economists",
            "Economists",
            Stream::ArtsHumanities,
            3,
        )])
        .await
        .expect("put");
    let first = [
        record("19-3011.00", Some("economists"), "{\"v\":1}"),
        record("15-1252.00", Some("software-developers"), "{\"v\":1}"),
        record("15-1253.00", Some("software-developers"), "{\"v\":1}"),
    ];
    let v0 = careers_version(store).await;
    let counts = store
        .import_dataset(Dataset::Onet, &first)
        .await
        .expect("import");
    assert_eq!(
        counts,
        ImportCounts {
            inserted: 3,
            ..ImportCounts::default()
        }
    );
    assert!(
        careers_version(store).await > v0,
        "an import that changes pages bumps careers"
    );
    let by_slug = |s: &'static str| async move {
        store
            .data_record_by_slug(Dataset::Onet, &slug(s))
            .await
            .expect("read")
            .map(|r| r.key)
    };
    assert_eq!(by_slug("economists-2").await.as_deref(), Some("19-3011.00"));
    assert_eq!(
        by_slug("software-developers").await.as_deref(),
        Some("15-1252.00")
    );
    assert_eq!(
        by_slug("software-developers-2").await.as_deref(),
        Some("15-1253.00")
    );
    assert_eq!(
        by_slug("economists").await,
        None,
        "the curated career keeps its slug"
    );

    // The same again: nothing written, nothing bumped.
    let v1 = careers_version(store).await;
    let again = store
        .import_dataset(Dataset::Onet, &first)
        .await
        .expect("import");
    assert_eq!(
        again,
        ImportCounts {
            unchanged: 3,
            ..ImportCounts::default()
        }
    );
    assert_eq!(careers_version(store).await, v1);

    // One changed, one gone, one new: slugs stay with their keys.
    let second = [
        record("15-1252.00", Some("software-developers"), "{\"v\":2}"),
        record("15-1253.00", Some("software-developers"), "{\"v\":1}"),
        record("29-1141.00", Some("registered-nurses"), "{\"v\":1}"),
    ];
    let counts = store
        .import_dataset(Dataset::Onet, &second)
        .await
        .expect("import");
    assert_eq!(
        counts,
        ImportCounts {
            inserted: 1,
            updated: 1,
            unchanged: 1,
            removed: 1
        }
    );
    let got = store
        .data_record(Dataset::Onet, "15-1252.00")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(got.body, "{\"v\":2}");
    assert_eq!(
        got.slug.as_ref().map(|s| s.as_str()),
        Some("software-developers")
    );
    assert!(got.updated_at >= got.created_at);
    assert_eq!(
        by_slug("software-developers-2").await.as_deref(),
        Some("15-1253.00")
    );
    assert_eq!(
        store
            .data_record(Dataset::Onet, "19-3011.00")
            .await
            .expect("read"),
        None
    );

    // Summaries come in key order without bodies; full records with them.
    let summaries = store
        .data_summaries(Dataset::Onet)
        .await
        .expect("summaries");
    let keys: Vec<&str> = summaries.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["15-1252.00", "15-1253.00", "29-1141.00"]);
    assert!(summaries.iter().all(|r| r.body.is_empty()));
    assert_eq!(
        summaries.first().map(|r| r.summary.as_str()),
        Some("{\"title\":\"15-1252.00\"}")
    );
    let full = store.data_records(Dataset::Onet).await.expect("records");
    assert!(full.iter().all(|r| !r.body.is_empty()));

    // Data sets are separate: wages have keys without pages.
    let wages = [record("15-1252", None, "{\"median\":1}")];
    store
        .import_dataset(Dataset::Wages, &wages)
        .await
        .expect("import");
    assert_eq!(
        store.data_summaries(Dataset::Onet).await.expect("s").len(),
        3
    );
    let w = store
        .data_record(Dataset::Wages, "15-1252")
        .await
        .expect("read")
        .expect("found");
    assert_eq!(w.slug, None);
}
