//! Editor-written Markdown to safe HTML.

/// Renders Markdown and keeps only harmless HTML (no scripts, styles, event handlers or `javascript:` links),
/// whatever the source contains.
#[must_use]
pub fn to_safe_html(md: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    let mut raw = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, parser);
    ammonia::clean(&raw)
}

#[cfg(test)]
mod tests {
    use super::to_safe_html;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_safe_html("Hello **world**").trim(),
            "<p>Hello <strong>world</strong></p>"
        );
    }

    #[test]
    fn scripts_and_handlers_do_not_survive() {
        let out = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [a](javascript:alert(1))",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
    }
}
