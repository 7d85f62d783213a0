use crate::support::spawn_app;

#[tokio::test]
async fn api_lists_careers_with_total_and_filters() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/careers").await;
    assert_eq!(status, 200);
    assert_eq!(body["total"], 48);
    assert_eq!(body["page"], 1);
    assert_eq!(
        body["items"].as_array().map(Vec::len),
        Some(48),
        "up to 100 careers come on one page"
    );
    assert_eq!(body["items"][0]["slug"], "actuary", "sorted by title");

    let (_, body) = app
        .get_json("/api/careers?stream=medicine-health&level=professional")
        .await;
    let items = body["items"].as_array().expect("items");
    let slugs: Vec<&str> = items.iter().filter_map(|c| c["slug"].as_str()).collect();
    assert!(
        slugs.contains(&"doctor") && slugs.contains(&"dentist"),
        "{slugs:?}"
    );
    assert!(
        !slugs.contains(&"nurse"),
        "a nurse can start after a class-12 diploma"
    );
    assert!(
        items
            .iter()
            .all(|c| c["stream"] == "medicine-health" && c["education_level"] == "professional")
    );
    assert_eq!(body["total"].as_u64(), u64::try_from(items.len()).ok());

    let (_, body) = app.get_json("/api/careers?q=eng").await;
    let slugs: Vec<&str> = body["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|c| c["slug"].as_str())
        .collect();
    assert!(
        slugs.contains(&"civil-engineer") && slugs.contains(&"aerospace-engineer"),
        "{slugs:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn api_returns_a_whole_profile_without_personal_data() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/careers/backend-developer").await;
    assert_eq!(status, 200);
    assert_eq!(body["slug"], "backend-developer");
    assert_eq!(body["revision"], 1);
    for key in [
        "overview",
        "responsibilities",
        "steps",
        "courses",
        "colleges",
        "skills",
        "jobs",
        "faqs",
        "related",
        "interests",
    ] {
        assert!(!body[key].is_null(), "missing {key}");
    }
    let salary = &body["jobs"][0]["salary"];
    assert!(
        salary["source"].is_string() && salary["as_of"].is_string() && salary["basis"].is_string()
    );
    assert!(
        body["school_streams"][0]["stream"].is_string(),
        "school streams"
    );
    assert_eq!(body["education_level"], "bachelors");
    assert!(body["route_years"].is_number());
    assert!(
        body["interests"]["job_zone"].is_number(),
        "O*NET's Job Zone stays, labelled as O*NET's"
    );
    assert!(body["reviewed_on"].is_string() && body["reviewed_by"].is_string());
    assert!(body["starting_pay"]["monthly_in_hand_min"].is_number());
    let text = body.to_string();
    assert!(!text.contains('@'), "no email addresses in public data");
    app.stop().await;
}

#[tokio::test]
async fn api_reports_bad_query_parameters_by_field() {
    let app = spawn_app().await;
    let (status, body) = app
        .get_json("/api/careers?level=abc&stream=cooking&per_page=0&q=this+text+is+far+too+long+to+be+the+start+of+any+career+title+at+all")
        .await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_input");
    let fields = body["error"]["fields"].as_object().expect("fields");
    let mut names: Vec<&String> = fields.keys().collect();
    names.sort();
    assert_eq!(names, ["level", "per_page", "q", "stream"]);
    assert_eq!(fields["level"]["code"], "one_of");
    assert_eq!(
        fields["level"]["params"]["allowed"],
        "after-10, after-12, bachelors, professional, masters, doctorate"
    );
    assert_eq!(fields["stream"]["code"], "one_of");
    assert_eq!(fields["q"]["code"], "length");
    assert_eq!(
        fields["level"]["message"],
        "must be one of: after-10, after-12, bachelors, professional, masters, doctorate"
    );
    app.stop().await;
}

#[tokio::test]
async fn api_unknown_slug_is_a_json_404_with_a_stable_code() {
    let app = spawn_app().await;
    for path in [
        "/api/careers/no-such-career",
        "/api/careers/NOT%20A%20SLUG",
        "/api/nothing-here",
    ] {
        let (status, body) = app.get_json(path).await;
        assert_eq!(status, 404, "{path}");
        assert_eq!(body["error"]["code"], "not_found", "{path}");
    }
    app.stop().await;
}

#[tokio::test]
async fn openapi_document_and_docs_page_are_served() {
    let app = spawn_app().await;
    let (status, spec) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    assert!(spec["paths"]["/api/careers"]["get"].is_object());
    assert!(spec["paths"]["/api/careers/{slug}"]["get"].is_object());
    assert_eq!(
        spec,
        serde_json::to_value(disha_web::openapi()).expect("spec"),
        "served spec is the generated one"
    );
    let (status, html) = app.get_text("/api/docs").await;
    assert_eq!(status, 200);
    assert!(html.contains("<code>/api/careers/{slug}</code>") && html.contains("per_page"));
    assert!(
        !html.contains('`'),
        "Markdown in descriptions is rendered, not shown raw"
    );
    app.stop().await;
}

#[tokio::test]
async fn api_refuses_empty_parameters_that_pages_accept() {
    let app = spawn_app().await;
    let (status, body) = app.get_json("/api/careers?per_page=&stream=").await;
    assert_eq!(status, 400);
    let fields = body["error"]["fields"].as_object().expect("fields");
    assert!(
        fields.contains_key("per_page") && fields.contains_key("stream"),
        "{body}"
    );
    assert_eq!(fields["stream"]["code"], "empty");
    let (status, _) = app.get_text("/careers?per_page=&stream=").await;
    assert_eq!(status, 200, "an HTML form sends empty values for 'any'");
    app.stop().await;
}

#[tokio::test]
async fn api_lists_careers_by_the_stream_chosen_after_class_10() {
    let app = spawn_app().await;
    let (status, body) = app
        .get_json("/api/careers?school_stream=pcb&per_page=100")
        .await;
    assert_eq!(status, 200);
    let items = body["items"].as_array().expect("items");
    assert!(items.len() >= 5, "{body}");
    assert!(
        items.iter().all(|c| c["school_streams"]
            .as_array()
            .is_some_and(|s| s.contains(&"pcb".into()))),
        "{body}"
    );
    let slugs: Vec<&str> = items.iter().filter_map(|c| c["slug"].as_str()).collect();
    assert!(
        slugs.contains(&"doctor") && !slugs.contains(&"aerospace-engineer"),
        "{slugs:?}"
    );
    let (status, body) = app.get_json("/api/careers?school_stream=biology").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["fields"]["school_stream"]["code"], "one_of");
    app.stop().await;
}
