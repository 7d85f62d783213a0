//! O*NET's occupations and BLS's US wages, read from the real releases the way an operator imports them.

use crate::support::{Page, TestApp, spawn_app};
use disha::config::Config;
use std::path::{Path, PathBuf};

fn shared(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data")
        .join(path)
}

impl TestApp {
    pub async fn import_onet_from(&self, dir: &Path) -> anyhow::Result<disha_core::ImportSummary> {
        disha::import::onet(&Config::for_database(self.database_url.clone()), dir).await
    }

    pub async fn import_onet(&self) -> disha_core::ImportSummary {
        self.import_onet_from(&shared("onet-27.0"))
            .await
            .expect("import")
    }

    pub async fn import_wages(&self) -> disha_core::ImportSummary {
        disha::import::wages(
            &Config::for_database(self.database_url.clone()),
            &shared("bls-oews-2023/national_M2023_dl.csv"),
        )
        .await
        .expect("import")
    }
}

#[tokio::test]
async fn every_onet_occupation_becomes_a_us_career_page_once_and_curated_profiles_come_first() {
    let app = spawn_app().await;
    let first = app.import_onet().await;
    assert_eq!(first.counts.inserted, 1016, "{first}");
    assert!(first.rejected.is_empty(), "{:?}", first.rejected);
    assert!(first.read > 150_000, "rows across the eight files: {first}");
    let again = app.import_onet().await;
    assert_eq!(
        (
            again.counts.inserted,
            again.counts.updated,
            again.counts.removed,
            again.counts.unchanged
        ),
        (0, 0, 0, 1016),
        "{again}"
    );
    assert!(again.to_string().contains("nothing changed"));

    let (status, list) = app.get_json("/api/careers?per_page=100").await;
    assert_eq!(status, 200);
    assert_eq!(list["total"], 48 + 1016);
    let items = list["items"].as_array().expect("items");
    let sources: Vec<&str> = items.iter().filter_map(|c| c["source"].as_str()).collect();
    assert!(
        sources.iter().take(48).all(|s| *s == "curated"),
        "{sources:?}"
    );
    assert!(sources.iter().skip(48).all(|s| *s == "onet"), "{sources:?}");

    let (_, trades) = app
        .get_json("/api/careers?stream=skilled-trades&per_page=100")
        .await;
    assert!(trades["total"].as_u64() > Some(100), "{}", trades["total"]);

    let (status, dev) = app.get_json("/api/careers/software-developers").await;
    assert_eq!(status, 200, "{dev}");
    assert_eq!(dev["source"], "onet");
    assert_eq!(dev["code"], "15-1252.00");
    assert_eq!(dev["curated"], serde_json::json!(["backend-developer"]));
    assert!(
        dev["attribution"]
            .as_str()
            .is_some_and(|a| a.contains("CC BY 4.0"))
    );
    assert_eq!(dev["job_zone"], 4);
    let (_, chemists) = app.get_json("/api/careers/chemists").await;
    assert!(
        chemists["interests"]["investigative"].as_f64() > Some(5.0),
        "{}",
        chemists["interests"]
    );
    assert!(
        chemists["high_point"]
            .as_str()
            .is_some_and(|h| h.starts_with('I'))
    );
    assert!(
        dev["alternate_titles"]
            .as_array()
            .is_some_and(|t| t.iter().any(|t| t == "Software Engineer")),
        "alternate titles are kept"
    );
    assert_eq!(
        dev["us_wages"],
        serde_json::Value::Null,
        "no wages imported yet"
    );
    let (_, curated) = app.get_json("/api/careers/backend-developer").await;
    assert_eq!(curated["source"], "curated");

    let (status, page) = app.get_text("/careers/software-developers").await;
    assert_eq!(status, 200);
    let page = Page::parse(&page);
    assert_eq!(page.text("h1"), "Software Developers");
    assert!(page.text(".tag.us").contains("US occupation"));
    assert!(page.text(".attribution").contains("USDOL/ETA"));
    assert!(
        page.attrs(".callout a", "href")
            .contains(&"/careers/backend-developer".to_owned()),
        "the Indian profile is offered first"
    );

    let (_, sitemap) = app.get_text("/sitemap.xml").await;
    assert!(sitemap.contains("/careers/software-developers</loc>"));
    app.stop().await;
}

#[tokio::test]
async fn us_wages_join_their_occupations_labelled_as_us_data_and_a_second_run_changes_nothing() {
    let app = spawn_app().await;
    app.import_onet().await;
    let first = app.import_wages().await;
    assert!(first.rejected.is_empty(), "{:?}", first.rejected);
    assert!(first.counts.inserted > 1000, "{first}");
    let again = app.import_wages().await;
    assert_eq!(again.counts.unchanged, first.counts.inserted, "{again}");
    assert!(again.to_string().contains("nothing changed"));

    let (_, dev) = app.get_json("/api/careers/software-developers").await;
    let wages = &dev["us_wages"];
    assert_eq!(wages["period"], "May 2023");
    assert_eq!(
        wages["median"],
        serde_json::json!({"kind": "annual", "usd": 132_270})
    );

    let (_, page) = app.get_text("/careers/software-developers").await;
    let page = Page::parse(&page);
    assert!(
        page.text("#wages").contains("$132,270"),
        "{}",
        page.text("#wages")
    );
    assert!(page.text("#wages .source").contains("May 2023"));

    // A curated profile shows the US facts it lacks, in dollars and marked as US data.
    let (_, profile) = app.get_text("/careers/backend-developer").await;
    let profile = Page::parse(&profile);
    assert!(profile.text("#onet").contains("$132,270"));
    assert!(profile.text("#onet").contains("US data"));
    assert!(
        profile
            .attrs("#onet a", "href")
            .contains(&"/careers/software-developers".to_owned())
    );

    // Top-coded wages read as "or more", never as an exact figure.
    let (_, surgeons) = app
        .get_text("/careers/general-internal-medicine-physicians")
        .await;
    assert!(Page::parse(&surgeons).text("#wages").contains("or more"));
    app.stop().await;
}

const HEADERS: [(&str, &str); 8] = [
    ("Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription"),
    (
        "Interests.txt",
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source",
    ),
    (
        "Job Zones.txt",
        "O*NET-SOC Code\tJob Zone\tDate\tDomain Source",
    ),
    (
        "Education, Training, and Experience.txt",
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value",
    ),
    (
        "Task Statements.txt",
        "O*NET-SOC Code\tTask ID\tTask\tTask Type",
    ),
    (
        "Alternate Titles.txt",
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)",
    ),
    (
        "Related Occupations.txt",
        "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex",
    ),
    (
        "Technology Skills.txt",
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology",
    ),
];

fn release(dir: &Path, occupations: &str, zones: &str) {
    for (name, header) in HEADERS {
        let body = match name {
            "Occupation Data.txt" => occupations,
            "Job Zones.txt" => zones,
            _ => "",
        };
        std::fs::write(dir.join(name), format!("{header}\n{body}")).expect("write");
    }
}

#[tokio::test]
async fn bad_rows_are_named_and_skipped_and_a_release_missing_a_file_writes_nothing() {
    let app = spawn_app().await;
    let dir = tempfile::tempdir().expect("dir");
    release(
        dir.path(),
        "15-1252.00\tSoftware Developers\tWrite software.\n15-1252\tBad Code\tNo.\n",
        "15-1252.00\t4\t07/2014\tAnalyst\n15-1252.00\tfour\t07/2014\tAnalyst\n",
    );
    let got = app.import_onet_from(dir.path()).await.expect("import");
    assert_eq!(got.counts.inserted, 1);
    let where_: Vec<String> = got
        .rejected
        .iter()
        .map(|r| format!("{}:{}", r.file, r.line))
        .collect();
    assert_eq!(where_, ["Occupation Data.txt:3", "Job Zones.txt:3"]);

    // The next release lacks a file: the import fails before writing, and the stored occupation stays.
    std::fs::remove_file(dir.path().join("Technology Skills.txt")).expect("remove");
    std::fs::write(
        dir.path().join("Occupation Data.txt"),
        "O*NET-SOC Code\tTitle\tDescription\n29-1141.00\tRegistered Nurses\tCare.\n",
    )
    .expect("write");
    let err = app
        .import_onet_from(dir.path())
        .await
        .expect_err("missing file");
    assert!(
        format!("{err:#}").contains("Technology Skills.txt"),
        "{err:#}"
    );
    let (status, _) = app.get_json("/api/careers/software-developers").await;
    assert_eq!(status, 200, "nothing was removed");
    let (status, _) = app.get_json("/api/careers/registered-nurses").await;
    assert_eq!(status, 404, "nothing was added");
    app.stop().await;
}
