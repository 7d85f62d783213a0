use super::{Card, Head, render};
use crate::i18n::{Messages, fill};
use crate::respond::{Kind, cached};
use crate::state::AppState;
use crate::{AppError, pages::error_page};
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

struct StreamLink {
    key: &'static str,
    name: String,
    count: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeView<'a> {
    t: &'a Messages,
    head: Head,
    intro: String,
    streams: Vec<StreamLink>,
    featured: Vec<Card>,
    all_link: String,
}

/// `/`: search box, streams and featured careers.
pub async fn home(State(app): State<AppState>, headers: HeaderMap) -> Response {
    cached(&app, "page:/", Kind::Html, &headers, || async {
        let data = app
            .library
            .home()
            .await
            .map_err(|e| error_page(&app, &AppError::from(e)))?;
        let t = &app.t;
        let view = HomeView {
            t,
            head: Head::new(
                &app,
                t.home_title.clone(),
                t.home_description.clone(),
                "/",
                "home",
            ),
            intro: fill(&t.home_intro, &[("total", &data.total)]),
            streams: data
                .streams
                .iter()
                .map(|s| StreamLink {
                    key: s.stream.key(),
                    name: t.stream(s.stream).to_owned(),
                    count: t.stream_count(s.careers),
                })
                .collect(),
            featured: data.featured.iter().map(|c| Card::new(t, c)).collect(),
            all_link: fill(&t.home_all_careers, &[("total", &data.total)]),
        };
        render(&app, &view)
    })
    .await
}
