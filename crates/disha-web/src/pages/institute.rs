//! `/colleges/{slug}` for a curated institute (an IIT, NIT, AIIMS, NLU …): how admission works, its main
//! programmes, seats kept for some students, what is still being confirmed and the official sources.

use super::{Head, render};
use crate::error::AppResult;
use crate::format;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use disha_core::InstitutePage;

struct SourceRow {
    title: String,
    url: String,
}

#[derive(Template)]
#[template(path = "institute.html")]
struct InstituteView<'a> {
    t: &'a Messages,
    head: Head,
    name: &'a str,
    short_name: Option<&'a str>,
    kind: &'static str,
    place: String,
    established: Option<u16>,
    website: &'a str,
    women_only: bool,
    admission: &'a str,
    programmes: &'a [String],
    seat_notes: Vec<SourceRow>,
    pending: &'a [String],
    sources: Vec<SourceRow>,
    reviewed: String,
}

/// Renders a curated institute's page.
pub(super) fn render_page(app: &AppState, i: &InstitutePage) -> AppResult<String> {
    let t = &app.t;
    let d = &i.details;
    let place = format!("{}, {}", d.city, i.state);
    let head = Head::new(
        app,
        format!("{} · {}", i.name, t.get("site_name")),
        t.fmt(
            "institute_description",
            &[
                ("name", i.name.as_str().into()),
                ("kind", i.kind.label().into()),
                ("place", place.as_str().into()),
            ],
        ),
        &format!("/colleges/{}", i.slug),
        "colleges",
    );
    render(&InstituteView {
        t,
        head,
        name: &i.name,
        short_name: d.short_name.as_deref(),
        kind: i.kind.label(),
        place,
        established: d.established,
        website: d.website.as_str(),
        women_only: i.women_only,
        admission: &d.admission,
        programmes: &d.programmes,
        seat_notes: d
            .seat_notes
            .iter()
            .map(|n| SourceRow {
                title: n.note.clone(),
                url: n.source.as_str().to_owned(),
            })
            .collect(),
        pending: &d.pending,
        sources: d
            .sources
            .iter()
            .map(|s| SourceRow {
                title: s.title.clone(),
                url: s.url.as_str().to_owned(),
            })
            .collect(),
        reviewed: t.fmt(
            "institute_reviewed",
            &[("date", format::day(d.reviewed_on.date()).into())],
        ),
    })
}
