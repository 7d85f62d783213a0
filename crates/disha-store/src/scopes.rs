//! Freshness scopes: the names under which content versions are kept. A write bumps only the scopes whose
//! content it changed, so an edit to one kind of content leaves cached pages built from other kinds alone.
//! Later kinds of content (colleges) add their own scope here.

/// Career profiles: lists, profile pages, the home page, the sitemap.
pub const CAREERS: &str = "careers";

/// Articles: the blog's lists and pages, its feed and the sitemap.
pub const ARTICLES: &str = "articles";

/// Institutions and their programmes: the college finder's lists and pages, and the sitemap.
pub const COLLEGES: &str = "colleges";

/// Sessions and the accounts they name. Bumped by database triggers on any ended session and any changed or
/// removed account, so copies of sessions kept in memory are dropped on every instance.
pub const SESSIONS: &str = "sessions";

/// The comments shown on one page, so a new comment refreshes only the page it is on.
#[must_use]
pub fn comments_on(target: &disha_domain::CommentTarget) -> String {
    match target {
        disha_domain::CommentTarget::Article(s) => format!("comments:article:{s}"),
        disha_domain::CommentTarget::Career(s) => format!("comments:career:{s}"),
    }
}
