//! The community: public profiles, articles with tags, and comments on articles and on career profiles.
//! Everything a person types is parsed here once; rendering treats it as untrusted text (article bodies are
//! Markdown that the web layer sanitises).

use crate::{Email, FieldErrors, Problem, Slug, Username};
use time::OffsetDateTime;

/// What anyone may see of an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    /// Public name.
    pub username: Username,
    /// Short biography, possibly empty.
    pub bio: String,
    /// Picture address, possibly empty.
    pub image: String,
    /// Whether the viewer follows them (false for guests).
    pub following: bool,
}

/// Where an article stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr, strum::AsRefStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum ArticleStatus {
    /// Public.
    Published,
    /// Written by someone whose articles an editor checks first.
    Pending,
    /// An editor's unpublished work.
    Draft,
}

/// An article as readers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Its number.
    pub id: i64,
    /// Its address.
    pub slug: Slug,
    /// Title.
    pub title: String,
    /// One-sentence summary.
    pub description: String,
    /// Markdown.
    pub body: String,
    /// Tags in the author's order.
    pub tags: Vec<String>,
    /// Where it stands.
    pub status: ArticleStatus,
    /// How many saved versions it has.
    pub revision: i64,
    /// First saved.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
    /// First published, if it has been.
    pub published_at: Option<OffsetDateTime>,
    /// Who wrote it.
    pub author: Profile,
    /// Whether the viewer has favourited it.
    pub favorited: bool,
    /// How many people have.
    pub favorites_count: u64,
}

/// Longest title, in characters.
pub const MAX_TITLE: usize = 150;
/// Longest description.
pub const MAX_DESCRIPTION: usize = 300;
/// Longest body.
pub const MAX_BODY: usize = 60_000;
/// Most tags on one article.
pub const MAX_TAGS: usize = 8;
/// Longest tag.
pub const MAX_TAG: usize = 30;

/// A checked article: title, description, body and tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleDraft {
    /// Title, trimmed.
    pub title: String,
    /// Summary, trimmed.
    pub description: String,
    /// Markdown body.
    pub body: String,
    /// Tags: trimmed, lowercase, without repeats.
    pub tags: Vec<String>,
}

fn text(e: &mut FieldErrors, field: &str, raw: &str, min: usize, max: usize, trim: bool) -> String {
    let s = if trim { crate::trim_spaces(raw) } else { raw };
    let n = s.chars().count();
    if n < min || n > max {
        e.at(field, Problem::length(min, max, n));
    } else if raw
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        e.at(field, Problem::invalid("contains control characters"));
    }
    s.to_owned()
}

/// Tags as stored: trimmed, lowercased, spaces as hyphens, repeats dropped; 1–30 characters each, at most 8.
///
/// # Errors
/// Naming `tagList`.
pub fn parse_tags(raw: &[String]) -> Result<Vec<String>, FieldErrors> {
    let mut e = FieldErrors::default();
    let mut tags: Vec<String> = Vec::new();
    if raw.len() > MAX_TAGS {
        e.at("tagList", Problem::invalid("at most 8 tags"));
        return Err(e);
    }
    for given in raw {
        // The published schema allows exactly these characters, so the rule is checked on what was sent.
        if given.chars().count() > MAX_TAG
            || !given
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '.' | '+'))
        {
            e.at(
                "tagList",
                Problem::invalid(
                    "each tag is up to 30 letters a–z, digits, spaces, '-', '.' or '+'",
                ),
            );
            break;
        }
        let t = given
            .to_ascii_lowercase()
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if t.is_empty() {
            continue;
        }
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    if tags.len() > MAX_TAGS {
        e.at("tagList", Problem::invalid("at most 8 tags"));
    }
    e.into_result(tags)
}

/// Checks a whole new article, naming every bad field (`title`, `description`, `body`, `tagList`).
///
/// # Errors
/// The bad fields.
pub fn parse_article(
    title: &str,
    description: &str,
    body: &str,
    tags: &[String],
) -> Result<ArticleDraft, FieldErrors> {
    let mut e = FieldErrors::default();
    let title = text(&mut e, "title", title, 1, MAX_TITLE, true);
    let description = text(&mut e, "description", description, 1, MAX_DESCRIPTION, true);
    let body = text(&mut e, "body", body, 1, MAX_BODY, false);
    let tags = match parse_tags(tags) {
        Ok(t) => t,
        Err(te) => {
            e.0.extend(te.0);
            Vec::new()
        }
    };
    e.into_result(ArticleDraft {
        title,
        description,
        body,
        tags,
    })
}

/// The checked fields of an edit; `None` leaves a field as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleChanges {
    /// New title, trimmed.
    pub title: Option<String>,
    /// New summary, trimmed.
    pub description: Option<String>,
    /// New body.
    pub body: Option<String>,
}

/// Checks the fields an edit changes (absent ones are left alone), with the same rules as a new article.
///
/// # Errors
/// Naming each bad field.
pub fn parse_article_changes(
    title: Option<&str>,
    description: Option<&str>,
    body: Option<&str>,
) -> Result<ArticleChanges, FieldErrors> {
    let mut e = FieldErrors::default();
    let title = title.map(|t| text(&mut e, "title", t, 1, MAX_TITLE, true));
    let description = description.map(|d| text(&mut e, "description", d, 1, MAX_DESCRIPTION, true));
    let body = body.map(|b| text(&mut e, "body", b, 1, MAX_BODY, false));
    e.into_result(ArticleChanges {
        title,
        description,
        body,
    })
}

/// The address an article's title suggests: ASCII words joined by hyphens, at most 60 characters; titles
/// with no ASCII letters or digits get `article`. Callers add a suffix when it is taken.
#[must_use]
pub fn title_slug(title: &str) -> Slug {
    let mut out = String::new();
    for word in title
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 60 {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    if out.len() < 2 {
        out = "article".to_owned();
    }
    Slug::from_words(out)
}

/// What a comment is on.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CommentTarget {
    /// An article, by its slug.
    Article(Slug),
    /// A career profile, by its slug.
    Career(Slug),
}

/// Where a comment stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr, strum::AsRefStr,
)]
#[strum(serialize_all = "kebab-case")]
pub enum CommentStatus {
    /// Shown to everyone.
    Published,
    /// Waiting for an editor.
    Pending,
    /// Marked as spam by an editor; never shown.
    Spam,
}

/// Who wrote a comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommentAuthor {
    /// Someone with an account.
    Member(Profile),
    /// A guest: the name and website they gave (their address is never part of this).
    Guest {
        /// Name as given.
        name: String,
        /// Website, if given.
        website: Option<String>,
    },
}

/// A comment as readers see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its number.
    pub id: i64,
    /// The comment it replies to.
    pub parent_id: Option<i64>,
    /// Plain text.
    pub body: String,
    /// Where it stands.
    pub status: CommentStatus,
    /// Written.
    pub created_at: OffsetDateTime,
    /// Last changed.
    pub updated_at: OffsetDateTime,
    /// Who wrote it.
    pub author: CommentAuthor,
}

/// A comment waiting for an editor, with what the editor needs to judge it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedComment {
    /// The comment.
    pub comment: Comment,
    /// What it is on.
    pub target: CommentTarget,
}

/// Longest comment, in characters.
pub const MAX_COMMENT: usize = 5_000;
/// Most links a guest's comment may carry.
pub const MAX_GUEST_LINKS: usize = 2;

/// What a guest gives besides the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuestDetails {
    /// Name to show, 1–60 characters.
    pub name: String,
    /// Never shown.
    pub email: Email,
    /// `http(s)://…`, if given.
    pub website: Option<String>,
}

fn links_in(s: &str) -> usize {
    let lower = s.to_lowercase();
    lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower.matches("www.").count()
}

/// Checks a comment's text.
///
/// # Errors
/// Naming `body`.
pub fn parse_comment_body(raw: &str) -> Result<String, FieldErrors> {
    let mut e = FieldErrors::default();
    let body = text(&mut e, "body", raw, 1, MAX_COMMENT, true);
    e.into_result(body)
}

/// Checks a guest's comment: name, email, optional website and text, and at most two links in the text.
///
/// # Errors
/// Naming each bad field: `name`, `email`, `website`, `body`.
pub fn parse_guest_comment(
    name: &str,
    email: &str,
    website: &str,
    body: &str,
) -> Result<(GuestDetails, String), FieldErrors> {
    let mut e = FieldErrors::default();
    let name = text(&mut e, "name", name, 1, 60, true);
    let email = Email::parse(email).map_err(|p| e.at("email", p)).ok();
    let website = website.trim();
    let website = if website.is_empty() {
        None
    } else {
        let lower = website.to_ascii_lowercase();
        let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
            && website.len() <= 200
            && website.len() > "https://".len()
            && !website.chars().any(|c| {
                c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\'')
            });
        if !ok {
            e.at(
                "website",
                Problem::format("an address starting with https://"),
            );
        }
        Some(website.to_owned())
    };
    let body = text(&mut e, "body", body, 1, MAX_COMMENT, true);
    if links_in(&body) > MAX_GUEST_LINKS {
        e.at("body", Problem::invalid("at most 2 links"));
    }
    match email {
        Some(email) if e.is_empty() => Ok((
            GuestDetails {
                name,
                email,
                website,
            },
            body,
        )),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_slugs_keep_ascii_words_and_fall_back_when_there_are_none() {
        assert_eq!(
            title_slug("NEET 2027: What Changes?").as_str(),
            "neet-2027-what-changes"
        );
        assert_eq!(title_slug("नीट परीक्षा").as_str(), "article");
        assert!(title_slug(&"word ".repeat(40)).as_str().len() <= 60);
    }

    #[test]
    fn tags_are_normalised_deduplicated_and_limited() {
        assert_eq!(
            parse_tags(&[
                " NEET ".into(),
                "neet".into(),
                "class 12".into(),
                String::new()
            ]),
            Ok(vec!["neet".to_owned(), "class-12".to_owned()])
        );
        assert!(parse_tags(&["<script>".into()]).is_err());
        let many: Vec<String> = (0..9).map(|i| format!("t{i}")).collect();
        assert!(parse_tags(&many).is_err());
    }

    #[test]
    fn a_new_article_names_every_bad_field() {
        let e = parse_article(
            " ",
            "",
            "",
            &["a b c d e f g h i j k l m n o p q r s t u v w x y z".into()],
        )
        .expect_err("bad");
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["title", "description", "body", "tagList"]);
    }

    #[test]
    fn guest_comments_need_a_name_an_address_and_few_links() {
        let (g, body) =
            parse_guest_comment(" Asha ", "ASHA@example.in", "", " Thanks! ").expect("ok");
        assert_eq!(
            (g.name.as_str(), g.email.as_str(), body.as_str()),
            ("Asha", "asha@example.in", "Thanks!")
        );
        let e = parse_guest_comment(
            "",
            "not-an-address",
            "javascript:alert(1)",
            "see https://a.example https://b.example www.c.example",
        )
        .expect_err("bad");
        let fields: Vec<_> = e.0.iter().map(|f| f.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "website", "body"]);
    }
}
