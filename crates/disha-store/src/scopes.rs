//! Freshness scopes: the names under which content versions are kept. A write bumps only the scopes whose
//! content it changed, so an edit to one kind of content leaves cached pages built from other kinds alone.
//! Later kinds of content (colleges, articles, comments on one page) add their own scope here.

/// Career profiles: lists, profile pages, the home page, the sitemap.
pub const CAREERS: &str = "careers";
