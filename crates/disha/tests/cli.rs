//! The operator commands, run as a user runs them: the real `disha` binary against a SQLite file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::{Command, Output};

fn disha(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_disha"))
        .args(args)
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("RUST_LOG", "warn")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn catalog_copy(dir: &Path) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../catalog/careers");
    std::fs::create_dir_all(dir).expect("dir");
    for entry in std::fs::read_dir(src).expect("catalog") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copy");
    }
}

#[test]
fn openapi_prints_the_document_the_server_serves() {
    let dir = tempfile::tempdir().expect("dir");
    let out = disha(&dir.path().join("x.db"), &["openapi"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let printed: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        printed,
        serde_json::to_value(disha_web::openapi()).expect("spec")
    );
}

#[test]
fn catalog_load_adds_then_revises_only_what_changed() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("disha.db");
    let migrate = disha(&db, &["migrate"]);
    assert!(migrate.status.success(), "{}", text(&migrate.stderr));

    let first = disha(&db, &["catalog", "load"]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert_eq!(
        text(&first.stdout).trim(),
        "48 created, 0 updated, 0 unchanged"
    );

    let edited = dir.path().join("edited");
    catalog_copy(&edited);
    let file = edited.join("dietitian.toml");
    let toml = std::fs::read_to_string(&file).expect("read");
    let toml = toml.replacen("summary = \"", "summary = \"Edited: ", 1);
    std::fs::write(&file, toml).expect("write");
    let second = disha(
        &db,
        &["catalog", "load", "--dir", edited.to_str().expect("utf-8")],
    );
    assert!(second.status.success(), "{}", text(&second.stderr));
    assert_eq!(
        text(&second.stdout).trim(),
        "0 created, 1 updated, 47 unchanged"
    );
}

#[test]
fn a_malformed_catalog_is_refused_naming_the_file_and_field_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("disha.db");
    let broken = dir.path().join("broken");
    catalog_copy(&broken);
    let file = broken.join("chef.toml");
    let toml = std::fs::read_to_string(&file).expect("read").replace(
        "education_level = \"after-12\"",
        "education_level = \"class-9\"",
    );
    std::fs::write(&file, toml).expect("write");

    let check = disha(
        &db,
        &["catalog", "check", "--dir", broken.to_str().expect("utf-8")],
    );
    assert!(!check.status.success());
    let err = text(&check.stderr);
    assert!(err.contains("chef.toml: education_level:"), "{err}");

    let load = disha(
        &db,
        &["catalog", "load", "--dir", broken.to_str().expect("utf-8")],
    );
    assert!(!load.status.success());
    assert!(text(&load.stderr).contains("nothing was written"));
    let after = disha(&db, &["catalog", "load"]);
    assert_eq!(
        text(&after.stdout).trim(),
        "48 created, 0 updated, 0 unchanged",
        "the failed load wrote nothing"
    );
}

#[test]
fn a_bad_database_url_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_disha"))
        .args(["migrate"])
        .env("DATABASE_URL", "mysql://somewhere/db")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("DATABASE_URL must start with sqlite:// or postgres://"));
}

#[test]
fn editors_list_and_close_readers_reports() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("disha.db");
    assert!(disha(&db, &["catalog", "load"]).status.success());
    let empty = disha(&db, &["reports", "list"]);
    assert!(empty.status.success(), "{}", text(&empty.stderr));
    assert_eq!(text(&empty.stdout).trim(), "0 open report(s)");

    // A report as the site stores it, written through the same store the server uses.
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    rt.block_on(async {
        let config = disha::config::Config::for_database(format!("sqlite://{}", db.display()));
        let store = disha::open_store(&config).await.expect("open");
        let raw = disha_domain::RawMistakeReport {
            section: Some("jobs".into()),
            message: Some("The starting salary looks two years old.\nSee the new survey.".into()),
            evidence_url: Some("https://example.gov.in/survey".into()),
        };
        let slug = disha_domain::Slug::parse("chef").expect("slug");
        let report = disha_domain::MistakeReport::parse(slug, &raw).expect("valid");
        store.add_mistake_report(&report).await.expect("add");
        store.close().await;
    });

    let list = disha(&db, &["reports", "list"]);
    let out = text(&list.stdout);
    assert!(out.contains("#1 ") && out.contains(" chef [jobs]"), "{out}");
    assert!(
        out.contains("  See the new survey."),
        "later lines are indented: {out}"
    );
    assert!(
        out.contains("source: https://example.gov.in/survey"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("1 open report(s)"), "{out}");

    let close = disha(&db, &["reports", "close", "1"]);
    assert!(close.status.success(), "{}", text(&close.stderr));
    let again = disha(&db, &["reports", "close", "1"]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("no open report has that number"));
    assert_eq!(
        text(&disha(&db, &["reports", "list"]).stdout).trim(),
        "0 open report(s)"
    );
}

#[test]
fn an_operator_creates_an_account_with_the_password_on_standard_input() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("disha.db");
    let create = |args: &[&str], password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_disha"))
            .args(args)
            .env("DATABASE_URL", format!("sqlite://{}", db.display()))
            .env("RUST_LOG", "warn")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(format!("{password}\n").as_bytes())
            .expect("write");
        child.wait_with_output().expect("run")
    };
    let args = [
        "user",
        "create",
        "--email",
        "admin@example.in",
        "--username",
        "admin1",
        "--role",
        "admin",
    ];
    let ok = create(&args, "river-mango-kite-42");
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    assert_eq!(
        text(&ok.stdout).trim(),
        "account #1 created: admin1 (admin)"
    );
    let again = create(&args, "river-mango-kite-42");
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains(": is already taken"),
        "{}",
        text(&again.stderr)
    );
    let weak = create(
        &[
            "user",
            "create",
            "--email",
            "b@example.in",
            "--username",
            "bee",
            "--role",
            "editor",
        ],
        "1234567890",
    );
    assert!(!weak.status.success());
    assert!(
        text(&weak.stderr).contains("password"),
        "{}",
        text(&weak.stderr)
    );
}
