//! Server-rendered pages. Each handler gathers data through `disha-core`, builds a view of plain strings,
//! and renders it with a compiled template; the text comes from the message catalog.

mod about;
mod account;
mod assessment;
mod blog;
mod career;
mod careers;
mod colleges;
mod comments;
mod compare;
mod dashboard;
mod errors;
mod home;
mod institute;
mod newsletter;
mod notice;
mod occupation;
mod register;
mod report;
mod result;
mod search;
mod seo;

pub use about::{about, guidance};
pub use account::{
    account, forgot, forgot_form, reset, reset_form, sign_in, sign_in_form, sign_out,
};
pub use assessment::{quiz as assessment, submit as assessment_submit};
pub use blog::{
    author, blog, blog_article, blog_tag, create as blog_create, edit as blog_edit,
    edit_form as blog_edit_form, feed as blog_feed, new_form as blog_new_form,
};
pub use career::career;
pub use careers::careers;
pub use colleges::{college, colleges, compare as college_compare};
pub use comments::{
    article_comment_form, article_comment_send, article_comment_thanks, comment_form, comment_send,
    comment_thanks, moderate, moderation,
};
pub use compare::compare;
pub use dashboard::{
    dashboard, delete_account, remove_career, remove_college, save_career, set_step,
    shortlist_college,
};
pub use errors::{error_page, internal_error_html, not_found};
pub use home::home;
pub use newsletter::{
    confirm as newsletter_confirm, confirm_form as newsletter_confirm_form, confirm_mail,
    issue_mail, newsletter, send as newsletter_send, send_form as newsletter_send_form,
    subscribe as newsletter_subscribe, unsubscribe as newsletter_unsubscribe,
    unsubscribe_form as newsletter_unsubscribe_form,
};
pub use register::{register, register_account, register_form, verify, verify_form};
pub use report::{report_form, report_send, report_thanks};
pub use result::{claim as result_claim, result as assessment_result};
pub use search::search;
pub use seo::{robots, sitemap, sitemap_part};

use crate::assets::CSS_HREF;
use crate::error::{AppError, AppResult};
use crate::i18n::Messages;
use crate::state::AppState;
use askama::Template;
use disha_domain::CareerSummary;

/// What the `<head>` of every page needs.
#[derive(Clone)]
pub struct Head {
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub og_type: &'static str,
    pub og_locale: &'static str,
    pub css_href: &'static str,
    /// The search box's suggestions script, for pages with a search box.
    pub suggest_src: &'static str,
    /// Which navigation item is current.
    pub section: &'static str,
    /// Structured data, already escaped for a `<script>` element; empty for none.
    pub json_ld: String,
}

impl Head {
    pub fn new(
        app: &AppState,
        title: String,
        description: String,
        path: &str,
        section: &'static str,
    ) -> Self {
        Self {
            title,
            description,
            canonical: format!("{}{path}", app.base_url),
            og_type: "website",
            og_locale: "en_IN",
            css_href: CSS_HREF.as_str(),
            suggest_src: crate::assets::SUGGEST_HREF.as_str(),
            section,
            json_ld: String::new(),
        }
    }
}

/// A career in a list, borrowing from the summary it shows (lists render up to a hundred of these per miss).
pub struct Card<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    pub stream: std::borrow::Cow<'a, str>,
    /// The class-11 streams that lead here, by name.
    pub schools: String,
    /// The shortest Indian route, in a few words.
    pub level: std::borrow::Cow<'a, str>,
    /// A US occupation from O*NET rather than a curated profile.
    pub us: bool,
}

impl<'a> Card<'a> {
    pub fn new(t: &'a Messages, c: &'a CareerSummary) -> Self {
        Self {
            slug: c.slug.as_str(),
            title: &c.title,
            summary: &c.summary,
            stream: t.stream(c.stream),
            schools: c
                .school_streams
                .iter()
                .map(|s| t.school_stream(*s))
                .collect::<Vec<_>>()
                .join(", "),
            level: t.level_short(c.education_level),
            us: c.source == disha_domain::CareerSource::Onet,
        }
    }
}

/// Renders a template; a failure is a bug, logged and shown as the internal-error page.
pub fn render<T: Template>(view: &T) -> AppResult<String> {
    view.render().map_err(|e| {
        tracing::error!(error = %e, "template failed to render");
        AppError::Internal
    })
}

/// Serialises structured data for a `<script type="application/ld+json">` element: `<`, `>` and `&` are
/// escaped so no value can close the element early.
pub fn json_ld(value: &serde_json::Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}
