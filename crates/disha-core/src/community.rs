//! Profiles, articles and comments: who may write what, what waits for an editor, and the limits that keep
//! bots out. Guests' comments and students' articles wait for an editor; members' comments publish at once,
//! as the RealWorld API expects, once their address is verified.

use crate::published_pages::{PublishedPage, PublishedPages};
use crate::{CoreError, Library};
use disha_domain::{
    Account, Article, ArticleStatus, Comment, CommentStatus, CommentTarget, FieldErrors, Problem,
    Profile, QueuedComment, Slug, Username, parse_article, parse_comment_body, parse_guest_comment,
    parse_tags, title_slug,
};
use disha_store::{
    Actor, ArticleEdit, ArticleFilter, ArticleScope, Changed, CommentCounts, CommentWriter,
    Moderation, NewArticleRecord, NewCommentRecord, ReaderMarks, Store, StoreError,
};
use std::sync::Arc;
use time::OffsetDateTime;

/// Guest comments allowed from one client address in ten minutes.
pub const GUEST_COMMENTS_PER_CLIENT: u32 = 5;
/// Comments allowed from one account in ten minutes.
pub const MEMBER_COMMENTS_PER_ACCOUNT: u32 = 20;
/// Largest page of articles.
pub const MAX_PAGE: u32 = 100;

/// Which articles, as a list request asks.
#[derive(Debug, Clone, Default)]
pub struct ArticleQuery {
    /// Only with this tag.
    pub tag: Option<String>,
    /// Only by this author.
    pub author: Option<String>,
    /// Only favourited by this user.
    pub favorited: Option<String>,
    /// Page size (default 20, at most 100).
    pub limit: Option<u32>,
    /// Articles to skip.
    pub offset: Option<u64>,
}

/// An article as sent: `None` fields are left alone on an update.
#[derive(Debug, Clone, Default)]
pub struct RawArticle {
    /// Title.
    pub title: Option<String>,
    /// Summary.
    pub description: Option<String>,
    /// Markdown body.
    pub body: Option<String>,
    /// Tags.
    pub tags: Option<Vec<String>>,
}

/// A guest's comment as sent.
#[derive(Debug, Clone, Default)]
pub struct GuestComment {
    /// Name to show.
    pub name: String,
    /// Address, never shown.
    pub email: String,
    /// Website, optional.
    pub website: String,
    /// Text.
    pub body: String,
    /// A field people never see; bots fill it in.
    pub honeypot: String,
}

/// What happened to a guest's comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuestOutcome {
    /// Stored, waiting for an editor.
    Queued(Comment),
    /// Looked like a bot's; answered as if queued, stored nowhere.
    Dropped,
}

/// A signed-in reader's page of articles.
#[derive(Debug)]
pub enum ReaderList {
    /// The page everyone gets, and the reader's marks to put on it.
    Shared {
        /// The page as a guest sees it.
        page: Arc<PublishedPage>,
        /// Their favourites and follows among it.
        marks: ReaderMarks,
    },
    /// A page with their own unpublished articles in it, made for them alone.
    Own {
        /// The articles, marked for them.
        articles: Vec<Article>,
        /// How many match in all.
        count: u64,
    },
}

impl ReaderList {
    /// The articles with the reader's marks on them, and how many match in all.
    #[must_use]
    pub fn into_articles(self) -> (Vec<Article>, u64) {
        match self {
            ReaderList::Shared { page, marks } => (page.marked(&marks), page.count()),
            ReaderList::Own { articles, count } => (articles, count),
        }
    }
}

/// The store's filter for a list request; `None` when the request names an author, reader or tag that
/// could never exist, so the list is empty without asking the database.
fn article_filter(
    q: &ArticleQuery,
    viewer: Option<&Account>,
    scope: ArticleScope,
) -> Option<ArticleFilter> {
    let name = |raw: &Option<String>| raw.as_deref().map(Username::parse).transpose().ok();
    let author = name(&q.author)?;
    let favorited_by = name(&q.favorited)?;
    let tag = match q.tag.as_deref() {
        None => None,
        Some(t) => parse_tags(&[t.to_owned()]).ok()?.into_iter().next(),
    };
    Some(ArticleFilter {
        viewer: viewer.map(|v| v.id),
        scope,
        tag,
        author,
        favorited_by,
        feed_of: None,
        limit: q.limit.unwrap_or(20).clamp(1, MAX_PAGE),
        offset: q.offset.unwrap_or(0),
    })
}

/// The community use cases.
#[derive(Clone)]
pub struct Community {
    store: Arc<dyn Store>,
    library: Library,
    pages: PublishedPages,
}

impl std::fmt::Debug for Community {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Community").finish_non_exhaustive()
    }
}

fn actor(a: &Account) -> Actor {
    Actor {
        id: a.id,
        editor: a.role.edits(),
    }
}

fn changed<T>(c: Changed<T>) -> Result<T, CoreError> {
    match c {
        Changed::Done(t) => Ok(t),
        Changed::NotFound => Err(CoreError::NotFound),
        Changed::Forbidden => Err(CoreError::Forbidden),
    }
}

fn username(raw: &str) -> Result<Username, CoreError> {
    Username::parse(raw).map_err(|_e| CoreError::NotFound)
}

fn slug(raw: &str) -> Result<Slug, CoreError> {
    Slug::parse(raw).map_err(|_e| CoreError::NotFound)
}

impl Community {
    /// The use cases over `store`; `library` says which careers exist, for comments on profiles.
    #[must_use]
    pub fn new(store: Arc<dyn Store>, library: Library) -> Self {
        Self {
            store,
            library,
            pages: PublishedPages::default(),
        }
    }

    async fn limit(&self, bucket: String, max: u32) -> Result<(), CoreError> {
        crate::limits::admit(
            self.store.as_ref(),
            bucket,
            max,
            600,
            OffsetDateTime::now_utc(),
        )
        .await
    }

    /// A public profile.
    ///
    /// # Errors
    /// `NotFound` when no one has the name.
    pub async fn profile(
        &self,
        name: &str,
        viewer: Option<&Account>,
    ) -> Result<Profile, CoreError> {
        self.store
            .profile(&username(name)?, viewer.map(|v| v.id))
            .await?
            .ok_or(CoreError::NotFound)
    }

    /// Follows or unfollows someone.
    ///
    /// # Errors
    /// `NotFound` when no one has the name.
    pub async fn follow(
        &self,
        viewer: &Account,
        name: &str,
        on: bool,
    ) -> Result<Profile, CoreError> {
        self.store
            .set_follow(viewer.id, &username(name)?, on)
            .await?
            .ok_or(CoreError::NotFound)
    }

    /// Writes an article. Counsellors', editors' and admins' articles publish at once; students' wait for
    /// an editor. A title whose address is taken gets a short random suffix.
    ///
    /// # Errors
    /// `Invalid` naming each bad field.
    pub async fn create_article(
        &self,
        author: &Account,
        raw: RawArticle,
    ) -> Result<Article, CoreError> {
        self.create_article_as(author, raw, None).await
    }

    /// Writes an article with the status an editor asks for (a draft, or published at once); for anyone else
    /// the role decides, as in [`Self::create_article`].
    ///
    /// # Errors
    /// `Invalid` naming each bad field.
    pub async fn create_article_as(
        &self,
        author: &Account,
        raw: RawArticle,
        wanted: Option<ArticleStatus>,
    ) -> Result<Article, CoreError> {
        let draft = parse_article(
            raw.title.as_deref().unwrap_or_default(),
            raw.description.as_deref().unwrap_or_default(),
            raw.body.as_deref().unwrap_or_default(),
            raw.tags.as_deref().unwrap_or_default(),
        )?;
        let status = match wanted {
            Some(w) if author.role.edits() => w,
            _ if author.role.publishes() && author.verified => ArticleStatus::Published,
            _ => ArticleStatus::Pending,
        };
        let base = title_slug(&draft.title);
        let mut candidate = base.clone();
        for _ in 0..4 {
            let record = NewArticleRecord {
                author_id: author.id,
                slug: candidate.clone(),
                draft: draft.clone(),
                status,
            };
            match self.store.create_article(&record).await {
                Err(StoreError::Conflict { field, .. }) if field == "slug" => {
                    let mut b = [0_u8; 3];
                    getrandom::fill(&mut b).map_err(|e| CoreError::Crypto(e.to_string()))?;
                    let suffix = format!("{:02x}{:02x}{:02x}", b[0], b[1], b[2]);
                    let stem: String = base.as_str().chars().take(60).collect();
                    candidate = Slug::parse(&format!("{stem}-{suffix}"))
                        .map_err(|p| CoreError::Invalid(p.at("title").into()))?;
                }
                other => {
                    let article = other?;
                    self.library.observe_writes().await;
                    tracing::info!(article = article.id, status = ?article.status, "article written");
                    return Ok(article);
                }
            }
        }
        Err(CoreError::Internal(StoreError::Corrupt(
            "no free address for the article".into(),
        )))
    }

    /// One article as `viewer` may see it.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn article(
        &self,
        raw_slug: &str,
        viewer: Option<&Account>,
    ) -> Result<Article, CoreError> {
        self.store
            .article(&slug(raw_slug)?, viewer.map(actor))
            .await?
            .ok_or(CoreError::NotFound)
    }

    /// Edits an article (its author or an editor); the address stays as it was.
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `NotFound`; `Forbidden` for someone else's article.
    pub async fn update_article(
        &self,
        viewer: &Account,
        raw_slug: &str,
        raw: RawArticle,
        status: Option<ArticleStatus>,
    ) -> Result<Article, CoreError> {
        let slug = slug(raw_slug)?;
        let (title, description, body, mut e) = match disha_domain::parse_article_changes(
            raw.title.as_deref(),
            raw.description.as_deref(),
            raw.body.as_deref(),
        ) {
            Ok(c) => (c.title, c.description, c.body, FieldErrors::default()),
            Err(e) => (None, None, None, e),
        };
        let tags = match raw.tags.as_deref().map(parse_tags).transpose() {
            Ok(t) => t,
            Err(te) => {
                e.0.extend(te.0);
                None
            }
        };
        if status.is_some() && !viewer.role.edits() {
            e.at("status", Problem::invalid("only editors publish"));
        }
        if !e.is_empty() {
            return Err(CoreError::Invalid(e));
        }
        let edit = ArticleEdit {
            title,
            description,
            body,
            tags,
            status,
        };
        let article = changed(self.store.edit_article(&slug, actor(viewer), &edit).await?)?;
        self.library.observe_writes().await;
        Ok(article)
    }

    /// Deletes an article (its author or an editor).
    ///
    /// # Errors
    /// `NotFound`; `Forbidden`.
    pub async fn delete_article(&self, viewer: &Account, raw_slug: &str) -> Result<(), CoreError> {
        changed(
            self.store
                .delete_article(&slug(raw_slug)?, actor(viewer))
                .await?,
        )?;
        self.library.observe_writes().await;
        Ok(())
    }

    /// A page of articles, newest first. An unknown author or tag is an empty list, not an error.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn articles(
        &self,
        q: &ArticleQuery,
        viewer: Option<&Account>,
        scope: ArticleScope,
    ) -> Result<(Vec<Article>, u64), CoreError> {
        let Some(filter) = article_filter(q, viewer, scope) else {
            return Ok((Vec::new(), 0));
        };
        Ok(self.store.list_articles(&filter).await?)
    }

    /// A signed-in reader's page of articles: everyone's page with their own favourites and follows to mark
    /// on it, unless they have unpublished articles of their own, which belong in their lists; then a page
    /// made for them alone.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn reader_articles(
        &self,
        q: &ArticleQuery,
        viewer: &Account,
    ) -> Result<ReaderList, CoreError> {
        let Some(filter) = article_filter(q, Some(viewer), ArticleScope::PublishedAndOwn) else {
            return Ok(ReaderList::Own {
                articles: Vec::new(),
                count: 0,
            });
        };
        let page = self
            .pages
            .get(self.store.as_ref(), &self.library, &filter)
            .await?;
        let marks = self
            .store
            .reader_marks(viewer.id, &page.ids(), &page.authors())
            .await?;
        if marks.has_unpublished {
            let (articles, count) = self.store.list_articles(&filter).await?;
            return Ok(ReaderList::Own { articles, count });
        }
        Ok(ReaderList::Shared { page, marks })
    }

    /// Articles by the authors `viewer` follows.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn feed(
        &self,
        viewer: &Account,
        limit: Option<u32>,
        offset: Option<u64>,
    ) -> Result<(Vec<Article>, u64), CoreError> {
        let filter = ArticleFilter {
            viewer: Some(viewer.id),
            scope: ArticleScope::Published,
            tag: None,
            author: None,
            favorited_by: None,
            feed_of: Some(viewer.id),
            limit: limit.unwrap_or(20).clamp(1, MAX_PAGE),
            offset: offset.unwrap_or(0),
        };
        Ok(self.store.list_articles(&filter).await?)
    }

    /// Favourites or unfavourites a published article.
    ///
    /// # Errors
    /// `NotFound`.
    pub async fn favorite(
        &self,
        viewer: &Account,
        raw_slug: &str,
        on: bool,
    ) -> Result<Article, CoreError> {
        let article = self
            .store
            .set_favorite(&slug(raw_slug)?, viewer.id, on)
            .await?
            .ok_or(CoreError::NotFound)?;
        self.library.observe_writes().await;
        Ok(article)
    }

    /// Tags in use, most used first.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn tags(&self) -> Result<Vec<String>, CoreError> {
        Ok(self.store.tags().await?)
    }

    async fn check_target(&self, target: &CommentTarget) -> Result<(), CoreError> {
        if let CommentTarget::Career(s) = target {
            self.library.summary(s).await?;
        }
        Ok(())
    }

    /// The comments on a page.
    ///
    /// # Errors
    /// `NotFound` when the article or career does not exist.
    pub async fn comments(
        &self,
        target: &CommentTarget,
        viewer: Option<&Account>,
    ) -> Result<Vec<Comment>, CoreError> {
        self.check_target(target).await?;
        self.store
            .comments(target, viewer.map(|v| v.id))
            .await?
            .ok_or(CoreError::NotFound)
    }

    /// A member's comment: published at once when their address is verified, otherwise held for an editor.
    ///
    /// # Errors
    /// `Invalid` naming `body`; `NotFound` when the page or the parent comment is missing; `RateLimited`.
    pub async fn comment(
        &self,
        viewer: &Account,
        target: &CommentTarget,
        parent_id: Option<i64>,
        body: &str,
    ) -> Result<Comment, CoreError> {
        let body = parse_comment_body(body)?;
        self.check_target(target).await?;
        self.limit(
            format!("comment-account:{}", viewer.id),
            MEMBER_COMMENTS_PER_ACCOUNT,
        )
        .await?;
        let status = if viewer.verified {
            CommentStatus::Published
        } else {
            CommentStatus::Pending
        };
        let record = NewCommentRecord {
            target: target.clone(),
            parent_id,
            writer: CommentWriter::Member(viewer.id),
            body,
            status,
        };
        let comment = self
            .store
            .add_comment(&record)
            .await?
            .ok_or(CoreError::NotFound)?;
        self.library.observe_writes().await;
        Ok(comment)
    }

    /// A guest's comment, held for an editor. A filled-in honeypot is answered as if queued and dropped.
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `NotFound`; `RateLimited` after too many from one client.
    pub async fn guest_comment(
        &self,
        target: &CommentTarget,
        parent_id: Option<i64>,
        raw: &GuestComment,
        client: &str,
    ) -> Result<GuestOutcome, CoreError> {
        let (guest, body) = parse_guest_comment(&raw.name, &raw.email, &raw.website, &raw.body)?;
        self.check_target(target).await?;
        self.limit(
            format!("comment-client:{client}"),
            GUEST_COMMENTS_PER_CLIENT,
        )
        .await?;
        if !raw.honeypot.trim().is_empty() {
            tracing::info!("guest comment dropped by the honeypot");
            return Ok(GuestOutcome::Dropped);
        }
        let record = NewCommentRecord {
            target: target.clone(),
            parent_id,
            writer: CommentWriter::Guest(guest),
            body,
            status: CommentStatus::Pending,
        };
        self.store
            .add_comment(&record)
            .await?
            .map(GuestOutcome::Queued)
            .ok_or(CoreError::NotFound)
    }

    /// Deletes a comment (its author or an editor).
    ///
    /// # Errors
    /// `NotFound`; `Forbidden`.
    pub async fn delete_comment(
        &self,
        viewer: &Account,
        target: &CommentTarget,
        id: i64,
    ) -> Result<(), CoreError> {
        changed(self.store.delete_comment(target, id, actor(viewer)).await?)?;
        self.library.observe_writes().await;
        Ok(())
    }

    /// The comments waiting for an editor, and counts.
    ///
    /// # Errors
    /// `Forbidden` for anyone but editors.
    pub async fn moderation_queue(
        &self,
        viewer: &Account,
    ) -> Result<(Vec<QueuedComment>, CommentCounts), CoreError> {
        if !viewer.role.edits() {
            return Err(CoreError::Forbidden);
        }
        Ok(self.store.moderation_queue(100).await?)
    }

    /// Approves, marks as spam or deletes a comment.
    ///
    /// # Errors
    /// `Forbidden` for anyone but editors; `NotFound`.
    pub async fn moderate(
        &self,
        viewer: &Account,
        id: i64,
        action: Moderation,
    ) -> Result<CommentTarget, CoreError> {
        if !viewer.role.edits() {
            return Err(CoreError::Forbidden);
        }
        let target = self
            .store
            .moderate(id, action)
            .await?
            .ok_or(CoreError::NotFound)?;
        self.library.observe_writes().await;
        tracing::info!(
            comment = id,
            action = <&str>::from(action),
            "comment moderated"
        );
        Ok(target)
    }
}
