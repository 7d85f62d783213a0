//! The OpenAPI document is part of the API's contract: any change to it must show up in review as a diff of
//! `tests/snapshots/openapi.json`. Run with `UPDATE_SNAPSHOTS=1` to accept a deliberate change.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn openapi_document_matches_the_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/openapi.json");
    let actual = disha_web::openapi()
        .to_pretty_json()
        .expect("spec serialises")
        + "\n";
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "the OpenAPI document changed; review the diff and rerun with UPDATE_SNAPSHOTS=1 to accept it.\n--- new document ---\n{actual}"
    );
}
