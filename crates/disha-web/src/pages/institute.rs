//! A curated institute's page (an IIT, NIT, AIIMS, NLU …): how admission works, its main programmes, seats
//! kept for some students, what is still being confirmed and the official sources. An institute AICTE also
//! lists (FTII, MICA) shows the same facts on its AICTE page.

use super::{Head, render};
use crate::error::AppResult;
use crate::format;
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use disha_core::InstitutePage;

pub(super) struct SourceRow {
    pub(super) title: String,
    pub(super) url: String,
}

/// What the catalog says about an institute, ready for a page.
pub(super) struct Facts {
    pub(super) short_name: Option<String>,
    pub(super) website: String,
    pub(super) established: Option<u16>,
    pub(super) admission: String,
    pub(super) seat_notes: Vec<SourceRow>,
    pub(super) pending: Vec<String>,
    pub(super) sources: Vec<SourceRow>,
    pub(super) reviewed: String,
}

/// The catalog's facts about `i`, as a page shows them.
pub(super) fn facts(t: &Messages, i: &InstitutePage) -> Facts {
    let d = &i.details;
    Facts {
        short_name: d.short_name.clone(),
        website: d.website.as_str().to_owned(),
        established: d.established,
        admission: d.admission.clone(),
        seat_notes: d
            .seat_notes
            .iter()
            .map(|n| SourceRow {
                title: n.note.clone(),
                url: n.source.as_str().to_owned(),
            })
            .collect(),
        pending: d.pending.clone(),
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
    }
}

#[derive(Template)]
#[template(path = "institute.html")]
struct InstituteView<'a> {
    t: &'a Messages,
    head: Head,
    slug: &'a str,
    name: &'a str,
    kind: &'static str,
    place: String,
    women_only: bool,
    programmes: &'a [String],
    f: Facts,
}

/// Renders the page of a curated institute AICTE does not list.
pub(super) fn render_page(app: &AppState, i: &InstitutePage) -> AppResult<String> {
    let t = &app.t;
    let place = format!("{}, {}", i.details.city, i.state);
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
        slug: i.slug.as_str(),
        name: &i.name,
        kind: i.kind.label(),
        place,
        women_only: i.women_only,
        programmes: &i.details.programmes,
        f: facts(t, i),
    })
}
