//! The interest assessment from the API: items, scoring into a code and matched careers, reading a result
//! again, claiming it, the dashboard built on it, the student's data and deleting it all.

use crate::support::{TestApp, spawn_app};
use disha_domain::Role;
use serde_json::{Value, json};

async fn items(app: &TestApp) -> Vec<Value> {
    let (status, body) = app.get_json("/api/assessment/items").await;
    assert_eq!(status, 200, "{body}");
    body["items"].as_array().expect("items").clone()
}

/// Answers liking the Investigative and Social items and disliking the rest.
fn answers(items: &[Value]) -> Value {
    let mut out = serde_json::Map::new();
    for i in items {
        let high = matches!(i["area"].as_str(), Some("I" | "S"));
        out.insert(
            i["id"].as_str().expect("id").to_owned(),
            json!(if high { 4 } else { 1 }),
        );
    }
    Value::Object(out)
}

async fn send(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> (u16, Value) {
    let mut req = reqwest::Client::new().request(method, app.url(path));
    if let Some(t) = token {
        req = req.header("Authorization", format!("Token {t}"));
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.expect("send");
    let status = res.status().as_u16();
    let text = res.text().await.expect("body");
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

#[tokio::test]
async fn answers_score_into_six_areas_a_code_and_matched_careers_with_reasons() {
    let app = spawn_app().await;
    let items = items(&app).await;
    assert_eq!(items.len(), 60);
    for area in ["R", "I", "A", "S", "E", "C"] {
        assert_eq!(
            items.iter().filter(|i| i["area"] == area).count(),
            10,
            "{area}"
        );
    }
    let (status, result) = send(
        &app,
        reqwest::Method::POST,
        "/api/assessment/results",
        None,
        Some(json!({"answers": answers(&items), "job_zone": 5, "stream": "pcb"})),
    )
    .await;
    assert_eq!(status, 201, "{result}");
    assert_eq!(
        result["scores"],
        json!({"R": 10, "I": 40, "A": 10, "S": 40, "E": 10, "C": 10})
    );
    assert_eq!(result["code"], "ISR");
    let matches = result["matches"].as_array().expect("matches");
    assert!(matches.len() >= 20, "{}", matches.len());
    let fits: Vec<u64> = matches.iter().filter_map(|m| m["fit"].as_u64()).collect();
    assert!(fits.windows(2).all(|w| w[0] >= w[1]) && fits.iter().all(|f| *f <= 100));
    let top: Vec<&str> = matches
        .iter()
        .take(5)
        .filter_map(|m| m["slug"].as_str())
        .collect();
    assert!(
        top.iter().any(|s| [
            "doctor",
            "nurse",
            "physiotherapist",
            "dentist",
            "psychologist"
        ]
        .contains(s)),
        "a student who likes science and helping people, aiming high, in PCB: {top:?}"
    );
    assert!(
        matches[0]["reasons"]
            .as_array()
            .is_some_and(|r| r.iter().any(|x| x["kind"] == "interests"))
    );

    let id = result["id"].as_str().expect("id");
    let (status, again) = app.get_json(&format!("/api/assessment/results/{id}")).await;
    assert_eq!(status, 200);
    assert_eq!(again["matches"], result["matches"], "the same result again");
    let res = app.get(&format!("/api/assessment/results/{id}")).await;
    assert_eq!(
        res.headers()["cache-control"],
        "private, no-store",
        "a student's answers are kept by no shared cache"
    );
    let (status, _) = app
        .get_json("/api/assessment/results/0123456789abcdef0123456789abcdef")
        .await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn missing_unknown_and_out_of_range_answers_are_a_422_naming_each_item() {
    let app = spawn_app().await;
    let mut sent = answers(&items(&app).await);
    let map = sent.as_object_mut().expect("object");
    map.remove("r01");
    map.insert("i02".into(), json!(5));
    map.insert("a03".into(), json!("3"));
    map.insert("z99".into(), json!(1));
    let (status, body) = send(
        &app,
        reqwest::Method::POST,
        "/api/assessment/results",
        None,
        Some(json!({"answers": sent, "job_zone": 0, "stream": "science"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    let fields = body["error"]["fields"].as_object().expect("fields");
    for f in [
        "answers.r01",
        "answers.i02",
        "answers.a03",
        "answers.z99",
        "job_zone",
        "stream",
    ] {
        assert!(fields.contains_key(f), "{f} in {body}");
    }
    let (status, _) = send(
        &app,
        reqwest::Method::POST,
        "/api/assessment/results",
        None,
        Some(json!([1, 2])),
    )
    .await;
    assert_eq!(status, 422);
    app.stop().await;
}

#[tokio::test]
async fn a_claimed_result_leads_to_saved_careers_with_shared_steps_progress_and_a_shortlist() {
    let app = spawn_app().await;
    let items = items(&app).await;
    let (_, result) = send(
        &app,
        reqwest::Method::POST,
        "/api/assessment/results",
        None,
        Some(json!({"answers": answers(&items)})),
    )
    .await;
    let id = result["id"].as_str().expect("id").to_owned();
    assert_eq!(result["claimed"], false);
    let asha = app.account_token("asha", Role::Student).await;
    let ravi = app.account_token("ravi", Role::Student).await;
    let claim = format!("/api/assessment/results/{id}/claim");
    let (status, _) = send(&app, reqwest::Method::POST, &claim, None, None).await;
    assert_eq!(status, 401);
    let (status, claimed) = send(&app, reqwest::Method::POST, &claim, Some(&asha), None).await;
    assert_eq!((status, &claimed["claimed"]), (200, &json!(true)));
    let (status, _) = send(&app, reqwest::Method::POST, &claim, Some(&ravi), None).await;
    assert_eq!(status, 403, "someone else's result");

    for career in ["doctor", "dentist"] {
        let (status, _) = send(
            &app,
            reqwest::Method::PUT,
            &format!("/api/dashboard/careers/{career}"),
            Some(&asha),
            None,
        )
        .await;
        assert_eq!(status, 204);
    }
    let (status, _) = send(
        &app,
        reqwest::Method::PUT,
        "/api/dashboard/careers/astronaut",
        Some(&asha),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (_, board) = send(
        &app,
        reqwest::Method::GET,
        "/api/dashboard",
        Some(&asha),
        None,
    )
    .await;
    assert_eq!(board["latest"]["id"], id.as_str());
    let doctor = board["careers"]
        .as_array()
        .expect("careers")
        .iter()
        .find(|c| c["slug"] == "doctor")
        .expect("doctor saved")
        .clone();
    assert_eq!(doctor["percent"], 0);
    let first = doctor["steps"][0].clone();
    let key = first["key"].as_str().expect("key");

    let (status, step) = send(
        &app,
        reqwest::Method::PUT,
        &format!("/api/dashboard/steps/{key}"),
        Some(&asha),
        Some(json!({"status": "done", "note": "Took PCB in class 11"})),
    )
    .await;
    assert_eq!((status, &step["status"]), (200, &json!("done")), "{step}");
    let (status, bad) = send(
        &app,
        reqwest::Method::PUT,
        &format!("/api/dashboard/steps/{key}"),
        Some(&asha),
        Some(json!({"status": "finished"})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(bad["error"]["fields"]["status"].is_object());
    let (status, _) = send(
        &app,
        reqwest::Method::PUT,
        "/api/dashboard/steps/not-a-step-of-hers",
        Some(&asha),
        Some(json!({"status": "done"})),
    )
    .await;
    assert_eq!(status, 404);

    let (status, _) = send(
        &app,
        reqwest::Method::PUT,
        "/api/dashboard/colleges/aiims-new-delhi",
        Some(&asha),
        None,
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = send(
        &app,
        reqwest::Method::PUT,
        "/api/dashboard/colleges/no-such-college",
        Some(&asha),
        None,
    )
    .await;
    assert_eq!(status, 404);

    let (_, board) = send(
        &app,
        reqwest::Method::GET,
        "/api/dashboard",
        Some(&asha),
        None,
    )
    .await;
    let careers = board["careers"].as_array().expect("careers");
    let progress = |slug: &str| {
        careers
            .iter()
            .find(|c| c["slug"] == slug)
            .map(|c| (c["finished"].clone(), c["percent"].clone()))
            .expect("saved")
    };
    assert_eq!(progress("doctor").0, 1);
    assert!(progress("doctor").1.as_u64() > Some(0));
    let dentist = careers
        .iter()
        .find(|c| c["slug"] == "dentist")
        .expect("dentist");
    assert!(
        dentist["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .any(|s| s["key"] == key && s["status"] == "done"),
        "the step both careers share is done in both: {dentist}"
    );
    assert_eq!(board["colleges"][0]["slug"], "aiims-new-delhi");
    let next = board["next"].as_array().expect("next");
    assert!(
        next.iter().all(|n| n["step"]["key"] != key),
        "a done step is not suggested"
    );
    let (status, theirs) = send(
        &app,
        reqwest::Method::GET,
        "/api/dashboard",
        Some(&ravi),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        theirs["careers"],
        json!([]),
        "one student's dashboard is theirs alone"
    );
    let (status, _) = app.get_json("/api/dashboard").await;
    assert_eq!(status, 401);
    app.stop().await;
}

#[tokio::test]
async fn a_student_downloads_their_data_and_deleting_the_account_removes_it_all() {
    let app = spawn_app().await;
    let items = items(&app).await;
    let asha = app.account_token("asha", Role::Student).await;
    let (status, result) = send(
        &app,
        reqwest::Method::POST,
        "/api/assessment/results",
        Some(&asha),
        Some(json!({"answers": answers(&items)})),
    )
    .await;
    assert_eq!(
        (status, &result["claimed"]),
        (201, &json!(true)),
        "taken signed in: hers at once"
    );
    let id = result["id"].as_str().expect("id").to_owned();
    send(
        &app,
        reqwest::Method::PUT,
        "/api/dashboard/careers/nurse",
        Some(&asha),
        None,
    )
    .await;

    let res = reqwest::Client::new()
        .get(app.url("/api/user/data"))
        .header("Authorization", format!("Token {asha}"))
        .send()
        .await
        .expect("send");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .is_ok_and(|v| v.starts_with("attachment"))
    );
    let data: Value = res.json().await.expect("json");
    assert_eq!(data["account"]["email"], "asha@example.in");
    assert_eq!(data["assessment_results"][0]["id"], id.as_str());
    assert_eq!(data["assessment_results"][0]["answers"]["r01"], 1);
    assert_eq!(data["saved_careers"][0]["slug"], "nurse");

    let (status, wrong) = send(
        &app,
        reqwest::Method::DELETE,
        "/api/user",
        Some(&asha),
        Some(json!({"password": "guess"})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(wrong["error"]["fields"]["password"].is_object());
    let (status, _) = send(
        &app,
        reqwest::Method::DELETE,
        "/api/user",
        Some(&asha),
        Some(json!({"password": "river-mango-kite-42"})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = app.get_json(&format!("/api/assessment/results/{id}")).await;
    assert_eq!(status, 404, "her result went with her account");
    let (status, _) = send(
        &app,
        reqwest::Method::GET,
        "/api/dashboard",
        Some(&asha),
        None,
    )
    .await;
    assert_eq!(status, 401, "her session ended");
    let store = app.second_store().await;
    assert_eq!(
        store.kept_by(1).await.expect("kept"),
        disha_store::KeptByAccount::default()
    );
    app.stop().await;
}
