//! Registration and the community: profiles and follows, articles with tags, favourites and revisions, and
//! comments with moderation. Who may change what is decided inside the same transaction as the change, so a
//! check and its write can never be separated by someone else's write.

use crate::{NewAccountRecord, NewMail, StoreError};
use async_trait::async_trait;
use disha_domain::{
    Account, Article, ArticleDraft, ArticleStatus, Comment, CommentStatus, CommentTarget,
    GuestDetails, Profile, QueuedComment, Slug, Username,
};
use time::OffsetDateTime;

/// A registration: the account, its first session, and both possible mails. Which mail goes out depends on
/// whether a verified account already has the address, and only the store knows that.
#[derive(Debug, Clone)]
pub struct Registration {
    /// The new, unverified account.
    pub account: NewAccountRecord,
    /// SHA-256 of the verification link's token.
    pub verify_token_hash: String,
    /// When the link stops working.
    pub verify_expires_at: OffsetDateTime,
    /// SHA-256 of the first session's token.
    pub session_token_hash: String,
    /// When that session ends.
    pub session_expires_at: OffsetDateTime,
    /// Sent when the address is free: the verification link.
    pub verify_mail: NewMail,
    /// Sent instead when a verified account has the address: "you already have an account".
    pub taken_mail: NewMail,
}

/// What following a verification link did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verification {
    /// The account is verified now.
    Verified(Account),
    /// Another account verified the address first; this one stays unverified.
    AddressTaken,
    /// The link is unknown, used or expired.
    Invalid,
}

/// Changes to one's own account; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct AccountChanges {
    /// New public name.
    pub username: Option<Username>,
    /// New biography.
    pub bio: Option<String>,
    /// New picture address.
    pub image: Option<String>,
    /// New password, hashed.
    pub password_hash: Option<String>,
}

/// Who is acting, for rules about ownership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    /// Their account.
    pub id: i64,
    /// Editors and admins may change and see anyone's articles and comments.
    pub editor: bool,
}

/// The outcome of a change that needs permission.
#[derive(Debug, Clone, PartialEq)]
pub enum Changed<T> {
    /// Done.
    Done(T),
    /// Nothing there (or nothing the actor may see).
    NotFound,
    /// There, but not theirs to change.
    Forbidden,
}

/// A signed-in reader's marks on a page of articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderMarks {
    /// The articles among those asked about that the reader has favourited.
    pub favorited: Vec<i64>,
    /// The username keys among those asked about that the reader follows.
    pub following: Vec<String>,
    /// Whether the reader has a draft or an article waiting for an editor.
    pub has_unpublished: bool,
}

/// A new article as stored.
#[derive(Debug, Clone)]
pub struct NewArticleRecord {
    /// Author.
    pub author_id: i64,
    /// Address (`Conflict` on `slug` when taken).
    pub slug: Slug,
    /// Content.
    pub draft: ArticleDraft,
    /// Published, pending or draft.
    pub status: ArticleStatus,
}

/// An edit; `None` leaves a field as it is. Each edit saves a revision.
#[derive(Debug, Clone, Default)]
pub struct ArticleEdit {
    /// New title.
    pub title: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New body.
    pub body: Option<String>,
    /// New tags (already parsed).
    pub tags: Option<Vec<String>>,
    /// New status; only editors may publish.
    pub status: Option<ArticleStatus>,
}

/// Which articles a list may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleScope {
    /// Published ones only (pages, feeds, the sitemap).
    Published,
    /// Published ones and the viewer's own (the API, so authors see what waits for an editor).
    PublishedAndOwn,
    /// Everything (editors' pages).
    All,
}

/// A list of articles.
#[derive(Debug, Clone)]
pub struct ArticleFilter {
    /// Who is looking (for `following`, `favorited` and their own articles).
    pub viewer: Option<i64>,
    /// What may be shown.
    pub scope: ArticleScope,
    /// Only with this tag.
    pub tag: Option<String>,
    /// Only by this author.
    pub author: Option<Username>,
    /// Only those this user favourited.
    pub favorited_by: Option<Username>,
    /// Only by authors this account follows.
    pub feed_of: Option<i64>,
    /// Page size.
    pub limit: u32,
    /// Articles skipped.
    pub offset: u64,
}

/// Who writes a comment.
#[derive(Debug, Clone)]
pub enum CommentWriter {
    /// An account.
    Member(i64),
    /// A guest.
    Guest(GuestDetails),
}

/// A new comment as stored.
#[derive(Debug, Clone)]
pub struct NewCommentRecord {
    /// What it is on.
    pub target: CommentTarget,
    /// The comment it answers; a reply to a reply answers the first comment, so replies stay one level deep.
    pub parent_id: Option<i64>,
    /// Who wrote it.
    pub writer: CommentWriter,
    /// Text.
    pub body: String,
    /// Published or pending.
    pub status: CommentStatus,
}

/// How many comments are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CommentCounts {
    /// Waiting for an editor.
    pub pending: u64,
    /// Shown.
    pub published: u64,
    /// Marked as spam.
    pub spam: u64,
}

/// An editor's decision on a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumString, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Moderation {
    /// Publish it.
    Approve,
    /// Hide it as spam.
    Spam,
    /// Remove it (and its replies).
    Delete,
}

/// Registration, profiles, articles and comments.
#[async_trait]
pub trait CommunityStore: Send + Sync {
    /// Stores an unverified account with its first session, and queues the verification mail (or, when a
    /// verified account already has the address, the "you already have an account" mail), in one
    /// transaction. `Conflict` naming `username` when the name is taken.
    async fn register(&self, r: &Registration) -> Result<i64, StoreError>;

    /// Spends a verification token.
    async fn verify_email(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Verification, StoreError>;

    /// Changes one's own account. `Conflict` naming `username` when the new name is taken.
    async fn update_account(
        &self,
        id: i64,
        changes: &AccountChanges,
    ) -> Result<Account, StoreError>;

    /// A public profile, as `viewer` sees it.
    async fn profile(
        &self,
        username: &Username,
        viewer: Option<i64>,
    ) -> Result<Option<Profile>, StoreError>;

    /// Follows or unfollows; `None` when no such user.
    async fn set_follow(
        &self,
        viewer: i64,
        username: &Username,
        follow: bool,
    ) -> Result<Option<Profile>, StoreError>;

    /// Stores a new article and its first revision. `Conflict` naming `slug` when the address is taken.
    async fn create_article(&self, r: &NewArticleRecord) -> Result<Article, StoreError>;

    /// One article as `reader` sees it: published ones to all, others to their author and editors.
    async fn article(
        &self,
        slug: &Slug,
        reader: Option<Actor>,
    ) -> Result<Option<Article>, StoreError>;

    /// Edits an article (its author or an editor), saving a revision.
    async fn edit_article(
        &self,
        slug: &Slug,
        actor: Actor,
        edit: &ArticleEdit,
    ) -> Result<Changed<Article>, StoreError>;

    /// Deletes an article with its comments, tags and favourites (its author or an editor).
    async fn delete_article(&self, slug: &Slug, actor: Actor) -> Result<Changed<()>, StoreError>;

    /// A page of articles, newest first, with the number matching the filter.
    async fn list_articles(&self, f: &ArticleFilter) -> Result<(Vec<Article>, u64), StoreError>;

    /// What a signed-in reader's view of a page of published articles adds to everyone's: which of
    /// `articles` they have favourited, which of `authors` (username keys) they follow, and whether they
    /// have articles of their own that are not published (which their view of lists includes).
    async fn reader_marks(
        &self,
        viewer: i64,
        articles: &[i64],
        authors: &[String],
    ) -> Result<ReaderMarks, StoreError>;

    /// Favourites or unfavourites a published article; `None` when there is no such article.
    async fn set_favorite(
        &self,
        slug: &Slug,
        viewer: i64,
        on: bool,
    ) -> Result<Option<Article>, StoreError>;

    /// Tags of published articles, most used first.
    async fn tags(&self) -> Result<Vec<String>, StoreError>;

    /// Comments on a target, oldest first: published ones, and the viewer's own that wait. `None` when the
    /// target is an article that does not exist or the reader may not see.
    async fn comments(
        &self,
        target: &CommentTarget,
        viewer: Option<i64>,
    ) -> Result<Option<Vec<Comment>>, StoreError>;

    /// Stores a comment. `None` when the article or the parent comment (on the same target) is missing.
    async fn add_comment(&self, r: &NewCommentRecord) -> Result<Option<Comment>, StoreError>;

    /// Deletes a comment on `target` (its author or an editor), with its replies.
    async fn delete_comment(
        &self,
        target: &CommentTarget,
        id: i64,
        actor: Actor,
    ) -> Result<Changed<()>, StoreError>;

    /// The oldest comments waiting for an editor, and the counts in each state.
    async fn moderation_queue(
        &self,
        limit: u32,
    ) -> Result<(Vec<QueuedComment>, CommentCounts), StoreError>;

    /// Applies an editor's decision; returns what the comment was on, or `None` when it does not exist.
    async fn moderate(
        &self,
        id: i64,
        action: Moderation,
    ) -> Result<Option<CommentTarget>, StoreError>;
}
