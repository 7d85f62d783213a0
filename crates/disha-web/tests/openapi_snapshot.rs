//! The OpenAPI document is part of the API's contract: any change to it shows up as a diff of
//! `tests/snapshots/openapi_snapshot__openapi.snap`. Review a deliberate change with `cargo insta review`, or
//! accept it with `INSTA_UPDATE=always cargo test -p disha-web --test openapi_snapshot`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn openapi_document_matches_the_snapshot() {
    let spec = disha_web::openapi()
        .to_pretty_json()
        .expect("spec serialises");
    insta::assert_snapshot!("openapi", spec);
}
