use super::{Card, Head, render};
use crate::error::AppResult;
use crate::i18n::Messages;
use crate::respond::{Kind, cached};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use disha_core::HomeData;
use disha_store::scopes;

struct StreamLink {
    key: &'static str,
    name: String,
    count: String,
}

struct SchoolLink {
    key: &'static str,
    name: String,
    hint: String,
    count: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomeView<'a> {
    t: &'a Messages,
    head: Head,
    intro: String,
    schools: Vec<SchoolLink>,
    streams: Vec<StreamLink>,
    featured: Vec<Card<'a>>,
    all_link: String,
}

fn view<'a>(app: &'a AppState, data: &'a HomeData) -> HomeView<'a> {
    let t = &app.t;
    HomeView {
        t,
        head: Head::new(
            app,
            t.get("home_title").into_owned(),
            t.get("home_description").into_owned(),
            "/",
            "home",
        ),
        intro: t.fmt("home_intro", &[("total", data.total.into())]),
        schools: data
            .school_streams
            .iter()
            .map(|&(s, n)| SchoolLink {
                key: s.key(),
                name: t.school_stream(s).into_owned(),
                hint: t
                    .get(&format!("school_stream_hint_{}", s.key()))
                    .into_owned(),
                count: t.stream_count(n),
            })
            .collect(),
        streams: data
            .streams
            .iter()
            .map(|s| StreamLink {
                key: s.stream.key(),
                name: t.stream(s.stream).into_owned(),
                count: t.stream_count(s.careers),
            })
            .collect(),
        featured: data.featured.iter().map(|c| Card::new(t, c)).collect(),
        all_link: t.fmt("home_all_careers", &[("total", data.total.into())]),
    }
}

/// `/`: search box, fields and featured careers.
pub async fn home(State(app): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    cached(
        &app,
        "page:/",
        &[scopes::CAREERS],
        Kind::Html,
        &headers,
        || async {
            let data = app.library.home().await?;
            render(&view(&app, &data))
        },
    )
    .await
}
