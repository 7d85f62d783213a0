use crate::PgStore;
use crate::rows::{self, bump, db, enqueue};
use async_trait::async_trait;
use disha_domain::{
    Account, Article, Comment, CommentTarget, Profile, QueuedComment, Slug, Username,
};
use disha_store::decode::{self, ArticleColumns, CommentColumns};
use disha_store::scopes;
use disha_store::{
    AccountChanges, Actor, ArticleEdit, ArticleFilter, ArticleScope, Changed, CommentCounts,
    CommentWriter, CommunityStore, Moderation, NewArticleRecord, NewCommentRecord, ReaderMarks,
    Registration, StoreError, Verification,
};
use sqlx::PgConnection;
use std::sync::LazyLock;
use time::OffsetDateTime;

/// Marks SQL built only from this file's constants (never from input) as safe to send.
fn sql(text: String) -> sqlx::AssertSqlSafe<String> {
    sqlx::AssertSqlSafe(text)
}

static ARTICLE_SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {},
                coalesce((SELECT string_agg(tag, ' ' ORDER BY position) FROM article_tags t
                          WHERE t.article_id = a.id), '') AS tags
         FROM articles a JOIN accounts u ON u.id = a.author_id",
        decode::article_columns_sql("$1")
    )
});

static COMMENT_SELECT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {} FROM comments c LEFT JOIN accounts u ON u.id = c.author_id
                         LEFT JOIN articles a ON a.id = c.article_id",
        decode::comment_columns_sql("$1")
    )
});

async fn article_by_id(
    c: &mut PgConnection,
    id: i64,
    viewer: Option<i64>,
) -> Result<Article, StoreError> {
    let row: ArticleColumns = sqlx::query_as(sql(format!("{} WHERE a.id = $2", *ARTICLE_SELECT)))
        .bind(viewer)
        .bind(id)
        .fetch_one(c)
        .await
        .map_err(db)?;
    row.decode()
}

async fn comment_by_id(
    c: &mut PgConnection,
    id: i64,
    viewer: Option<i64>,
) -> Result<Comment, StoreError> {
    let row: CommentColumns = sqlx::query_as(sql(format!("{} WHERE c.id = $2", *COMMENT_SELECT)))
        .bind(viewer)
        .bind(id)
        .fetch_one(c)
        .await
        .map_err(db)?;
    Ok(row.decode()?.comment)
}

async fn account_by_id(c: &mut PgConnection, id: i64) -> Result<Account, StoreError> {
    let row: decode::AccountColumns = sqlx::query_as(
        "SELECT id, email, username, role, bio, image, email_verified_at IS NOT NULL AS verified
         FROM accounts WHERE id = $1",
    )
    .bind(id)
    .fetch_one(c)
    .await
    .map_err(db)?;
    row.decode()
}

/// An article's number, author and status, for permission checks.
async fn article_owner(
    c: &mut PgConnection,
    slug: &Slug,
) -> Result<Option<(i64, i64, String)>, StoreError> {
    sqlx::query_as("SELECT id, author_id, status FROM articles WHERE slug = $1")
        .bind(slug.as_str())
        .fetch_optional(c)
        .await
        .map_err(db)
}

/// Whether `actor` may change an article: its author or an editor. Someone who may not even see an
/// unpublished article is told it is not there.
fn permission(actor: Actor, author_id: i64, status: &str) -> Changed<()> {
    if actor.editor || actor.id == author_id {
        Changed::Done(())
    } else if status == "published" {
        Changed::Forbidden
    } else {
        Changed::NotFound
    }
}

async fn write_tags(
    c: &mut PgConnection,
    article_id: i64,
    tags: &[String],
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM article_tags WHERE article_id = $1")
        .bind(article_id)
        .execute(&mut *c)
        .await
        .map_err(db)?;
    for (i, tag) in tags.iter().enumerate() {
        sqlx::query("INSERT INTO article_tags (article_id, tag, position) VALUES ($1, $2, $3)")
            .bind(article_id)
            .bind(tag)
            .bind(i32::try_from(i).unwrap_or(i32::MAX))
            .execute(&mut *c)
            .await
            .map_err(db)?;
    }
    Ok(())
}

async fn save_revision(
    c: &mut PgConnection,
    article_id: i64,
    edited_by: i64,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO article_revisions (article_id, revision, title, description, body, tags, edited_by, created_at)
         SELECT a.id, a.revision, a.title, a.description, a.body,
                coalesce((SELECT string_agg(tag, ' ' ORDER BY position) FROM article_tags t
                          WHERE t.article_id = a.id), ''),
                $2, $3
         FROM articles a WHERE a.id = $1",
    )
    .bind(article_id)
    .bind(edited_by)
    .bind(now)
    .execute(c)
    .await
    .map_err(db)?;
    Ok(())
}

/// The target as the two columns a comment row uses: an article's number or a career's slug. `None` when
/// the article does not exist or is not published.
async fn resolve_target(
    c: &mut PgConnection,
    target: &CommentTarget,
    viewer: Option<i64>,
) -> Result<Option<(Option<i64>, Option<String>)>, StoreError> {
    match target {
        CommentTarget::Career(slug) => Ok(Some((None, Some(slug.as_str().to_owned())))),
        CommentTarget::Article(slug) => {
            let id: Option<i64> = sqlx::query_scalar(
                "SELECT id FROM articles WHERE slug = $1 AND (status = 'published' OR author_id = $2)",
            )
            .bind(slug.as_str())
            .bind(viewer)
            .fetch_optional(c)
            .await
            .map_err(db)?;
            Ok(id.map(|id| (Some(id), None)))
        }
    }
}

fn scope_sql(scope: ArticleScope) -> &'static str {
    match scope {
        ArticleScope::Published => "a.status = 'published'",
        ArticleScope::PublishedAndOwn => "(a.status = 'published' OR a.author_id = $1)",
        ArticleScope::All => "1 = 1",
    }
}

#[async_trait]
impl CommunityStore for PgStore {
    async fn register(&self, r: &Registration) -> Result<i64, StoreError> {
        let now = rows::now();
        let a = &r.account;
        let mut tx = self.pool.begin().await.map_err(db)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO accounts (email, username, username_key, password_hash, role, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(a.email.as_str())
        .bind(a.username.as_str())
        .bind(a.username.key())
        .bind(&a.password_hash)
        .bind(a.role.key())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(|e| db(e).rename_field("username_key", "username"))?;
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE email = $1 AND email_verified_at IS NOT NULL)",
        )
        .bind(a.email.as_str())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        if taken {
            enqueue(&mut tx, &r.taken_mail, now).await?;
        } else {
            sqlx::query(
                "INSERT INTO account_tokens (token_hash, account_id, purpose, created_at, expires_at)
                 VALUES ($1, $2, 'verify', $3, $4)",
            )
            .bind(&r.verify_token_hash)
            .bind(id)
            .bind(now)
            .bind(r.verify_expires_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            enqueue(&mut tx, &r.verify_mail, now).await?;
        }
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(&r.session_token_hash)
        .bind(id)
        .bind(now)
        .bind(r.session_expires_at)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(id)
    }

    async fn verify_email(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Verification, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let id: Option<i64> = sqlx::query_scalar(
            "UPDATE account_tokens SET used_at = $1
             WHERE token_hash = $2 AND purpose = 'verify' AND used_at IS NULL AND expires_at > $1
             RETURNING account_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(id) = id else {
            return Ok(Verification::Invalid);
        };
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM accounts o JOIN accounts me ON me.email = o.email
                            WHERE me.id = $1 AND o.id <> me.id AND o.email_verified_at IS NOT NULL)",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        if taken {
            tx.commit().await.map_err(db)?;
            return Ok(Verification::AddressTaken);
        }
        sqlx::query("UPDATE accounts SET email_verified_at = $1 WHERE id = $2 AND email_verified_at IS NULL")
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        // Other unverified registrations of the same address can never be verified now; they go, so the
        // names they hold are free again.
        sqlx::query(
            "DELETE FROM accounts WHERE email_verified_at IS NULL AND id <> $1
             AND email = (SELECT email FROM accounts WHERE id = $1)",
        )
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let account = account_by_id(&mut tx, id).await?;
        tx.commit().await.map_err(db)?;
        Ok(Verification::Verified(account))
    }

    async fn update_account(&self, id: i64, ch: &AccountChanges) -> Result<Account, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        sqlx::query(
            "UPDATE accounts SET username = coalesce($1, username), username_key = coalesce($2, username_key),
                                 bio = coalesce($3, bio), image = coalesce($4, image),
                                 password_hash = coalesce($5, password_hash)
             WHERE id = $6",
        )
        .bind(ch.username.as_ref().map(Username::as_str))
        .bind(ch.username.as_ref().map(Username::key))
        .bind(ch.bio.as_deref())
        .bind(ch.image.as_deref())
        .bind(ch.password_hash.as_deref())
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(|e| db(e).rename_field("username_key", "username"))?;
        if ch.username.is_some() || ch.bio.is_some() || ch.image.is_some() {
            // The public profile shows on their articles and beside their comments: those pages change too.
            bump(&mut tx, scopes::ARTICLES).await?;
            sqlx::query(
                "INSERT INTO content_versions (scope, version)
                 SELECT DISTINCT CASE WHEN c.article_id IS NOT NULL THEN 'comments:article:' || a.slug
                                      ELSE 'comments:career:' || c.career_slug END, 1
                 FROM comments c LEFT JOIN articles a ON a.id = c.article_id
                 WHERE c.author_id = $1
                 ON CONFLICT (scope) DO UPDATE SET version = content_versions.version + 1",
            )
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        let account = account_by_id(&mut tx, id).await?;
        tx.commit().await.map_err(db)?;
        Ok(account)
    }

    async fn profile(
        &self,
        username: &Username,
        viewer: Option<i64>,
    ) -> Result<Option<Profile>, StoreError> {
        let row: Option<(String, String, String, bool)> = sqlx::query_as(
            "SELECT username, bio, image,
                    EXISTS (SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = accounts.id)
             FROM accounts WHERE username_key = $2",
        )
        .bind(viewer)
        .bind(username.key())
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.map(|(u, b, i, f)| decode::profile(u, b, i, f))
            .transpose()
    }

    async fn set_follow(
        &self,
        viewer: i64,
        username: &Username,
        follow: bool,
    ) -> Result<Option<Profile>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let row: Option<(i64, String, String, String)> =
            sqlx::query_as("SELECT id, username, bio, image FROM accounts WHERE username_key = $1")
                .bind(username.key())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let Some((id, name, bio, image)) = row else {
            return Ok(None);
        };
        let sql = if follow {
            "INSERT INTO follows (follower_id, followee_id, created_at) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2 AND $3::timestamptz IS NOT NULL"
        };
        sqlx::query(sql)
            .bind(viewer)
            .bind(id)
            .bind(rows::now())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        decode::profile(name, bio, image, follow).map(Some)
    }

    async fn create_article(&self, r: &NewArticleRecord) -> Result<Article, StoreError> {
        let now = rows::now();
        let mut tx = self.pool.begin().await.map_err(db)?;
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO articles (slug, author_id, title, description, body, status, created_at, updated_at,
                                   published_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, CASE WHEN $6 = 'published' THEN $7 END) RETURNING id",
        )
        .bind(r.slug.as_str())
        .bind(r.author_id)
        .bind(&r.draft.title)
        .bind(&r.draft.description)
        .bind(&r.draft.body)
        .bind(r.status.as_ref())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        write_tags(&mut tx, id, &r.draft.tags).await?;
        bump(&mut tx, scopes::ARTICLES).await?;
        save_revision(&mut tx, id, r.author_id, now).await?;
        let article = article_by_id(&mut tx, id, Some(r.author_id)).await?;
        tx.commit().await.map_err(db)?;
        Ok(article)
    }

    async fn article(
        &self,
        slug: &Slug,
        reader: Option<Actor>,
    ) -> Result<Option<Article>, StoreError> {
        let row: Option<ArticleColumns> = sqlx::query_as(sql(format!(
            "{} WHERE a.slug = $2 AND (a.status = 'published' OR a.author_id = $1 OR $3)",
            *ARTICLE_SELECT
        )))
        .bind(reader.map(|r| r.id))
        .bind(slug.as_str())
        .bind(reader.is_some_and(|r| r.editor))
        .fetch_optional(&self.pool)
        .await
        .map_err(db)?;
        row.map(ArticleColumns::decode).transpose()
    }

    async fn edit_article(
        &self,
        slug: &Slug,
        actor: Actor,
        edit: &ArticleEdit,
    ) -> Result<Changed<Article>, StoreError> {
        let now = rows::now();
        let mut tx = self.pool.begin().await.map_err(db)?;
        let Some((id, author, status)) = article_owner(&mut tx, slug).await? else {
            return Ok(Changed::NotFound);
        };
        match permission(actor, author, &status) {
            Changed::Done(()) => {}
            Changed::NotFound => return Ok(Changed::NotFound),
            Changed::Forbidden => return Ok(Changed::Forbidden),
        }
        let new_status = edit.status.map(|s| -> &'static str { s.into() });
        sqlx::query(
            "UPDATE articles SET title = coalesce($1, title), description = coalesce($2, description),
                                 body = coalesce($3, body), status = coalesce($4, status),
                                 published_at = CASE WHEN coalesce($4, status) = 'published'
                                                     THEN coalesce(published_at, $5) END,
                                 revision = revision + 1, updated_at = $5
             WHERE id = $6",
        )
        .bind(edit.title.as_deref())
        .bind(edit.description.as_deref())
        .bind(edit.body.as_deref())
        .bind(new_status)
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if let Some(tags) = &edit.tags {
            write_tags(&mut tx, id, tags).await?;
        }
        bump(&mut tx, scopes::ARTICLES).await?;
        save_revision(&mut tx, id, actor.id, now).await?;
        let article = article_by_id(&mut tx, id, Some(actor.id)).await?;
        tx.commit().await.map_err(db)?;
        Ok(Changed::Done(article))
    }

    async fn delete_article(&self, slug: &Slug, actor: Actor) -> Result<Changed<()>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let Some((id, author, status)) = article_owner(&mut tx, slug).await? else {
            return Ok(Changed::NotFound);
        };
        let allowed = permission(actor, author, &status);
        if allowed == Changed::Done(()) {
            bump(&mut tx, scopes::ARTICLES).await?;
            sqlx::query("DELETE FROM articles WHERE id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            tx.commit().await.map_err(db)?;
        }
        Ok(allowed)
    }

    async fn list_articles(&self, f: &ArticleFilter) -> Result<(Vec<Article>, u64), StoreError> {
        let filter = format!(
            " WHERE {}
               AND ($2 IS NULL OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = $2))
               AND ($3 IS NULL OR u.username_key = $3)
               AND ($4 IS NULL OR EXISTS (SELECT 1 FROM favorites v JOIN accounts fa ON fa.id = v.account_id
                                          WHERE v.article_id = a.id AND fa.username_key = $4))
               AND ($5 IS NULL OR EXISTS (SELECT 1 FROM follows f
                                          WHERE f.follower_id = $5 AND f.followee_id = a.author_id))",
            scope_sql(f.scope)
        );
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let total: i64 = sqlx::query_scalar(sql(format!(
            // PostgreSQL must know every parameter's type, and the count may not otherwise mention the viewer.
            "SELECT count(*) FROM articles a JOIN accounts u ON u.id = a.author_id{filter}
               AND ($1::bigint IS NULL OR TRUE)"
        )))
        .bind(f.viewer)
        .bind(f.tag.as_deref())
        .bind(f.author.as_ref().map(Username::key))
        .bind(f.favorited_by.as_ref().map(Username::key))
        .bind(f.feed_of)
        .fetch_one(&mut *conn)
        .await
        .map_err(db)?;
        let rows: Vec<ArticleColumns> = sqlx::query_as(sql(format!(
            "{}{filter} ORDER BY coalesce(a.published_at, a.created_at) DESC, a.id DESC LIMIT $6 OFFSET $7",
            *ARTICLE_SELECT
        )))
        .bind(f.viewer)
        .bind(f.tag.as_deref())
        .bind(f.author.as_ref().map(Username::key))
        .bind(f.favorited_by.as_ref().map(Username::key))
        .bind(f.feed_of)
        .bind(i64::from(f.limit))
        .bind(i64::try_from(f.offset).unwrap_or(i64::MAX))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let articles = rows
            .into_iter()
            .map(ArticleColumns::decode)
            .collect::<Result<_, _>>()?;
        Ok((articles, decode::count(total)))
    }

    async fn reader_marks(
        &self,
        viewer: i64,
        articles: &[i64],
        authors: &[String],
    ) -> Result<ReaderMarks, StoreError> {
        let rows: Vec<(i32, Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT 1, article_id, NULL::text FROM favorites
              WHERE account_id = $1 AND article_id = ANY($2::bigint[])
             UNION ALL
             SELECT 2, NULL::bigint, u.username_key FROM follows f JOIN accounts u ON u.id = f.followee_id
              WHERE f.follower_id = $1 AND u.username_key = ANY($3::text[])
             UNION ALL
             SELECT 3, NULL::bigint, NULL::text
              WHERE EXISTS (SELECT 1 FROM articles WHERE author_id = $1 AND status <> 'published')",
        )
        .bind(viewer)
        .bind(articles)
        .bind(authors)
        .fetch_all(&self.pool)
        .await
        .map_err(db)?;
        Ok(decode::reader_marks(
            rows.into_iter()
                .map(|(k, id, name)| (i64::from(k), id, name)),
        ))
    }

    async fn set_favorite(
        &self,
        slug: &Slug,
        viewer: i64,
        on: bool,
    ) -> Result<Option<Article>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let id: Option<i64> =
            sqlx::query_scalar("SELECT id FROM articles WHERE slug = $1 AND status = 'published'")
                .bind(slug.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let Some(id) = id else {
            return Ok(None);
        };
        let sql = if on {
            "INSERT INTO favorites (account_id, article_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
        } else {
            "DELETE FROM favorites WHERE account_id = $1 AND article_id = $2 AND $3::timestamptz IS NOT NULL"
        };
        sqlx::query(sql)
            .bind(viewer)
            .bind(id)
            .bind(rows::now())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        // The count shows in every list, so lists are rebuilt.
        bump(&mut tx, scopes::ARTICLES).await?;
        let article = article_by_id(&mut tx, id, Some(viewer)).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(article))
    }

    async fn tags(&self) -> Result<Vec<String>, StoreError> {
        sqlx::query_scalar(
            "SELECT t.tag FROM article_tags t JOIN articles a ON a.id = t.article_id
             WHERE a.status = 'published' GROUP BY t.tag ORDER BY count(*) DESC, t.tag LIMIT 100",
        )
        .fetch_all(&self.pool)
        .await
        .map_err(db)
    }

    async fn comments(
        &self,
        target: &CommentTarget,
        viewer: Option<i64>,
    ) -> Result<Option<Vec<Comment>>, StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let Some((article_id, career)) = resolve_target(&mut conn, target, viewer).await? else {
            return Ok(None);
        };
        let rows: Vec<CommentColumns> = sqlx::query_as(sql(format!(
            "{} WHERE (c.article_id = $2 OR c.career_slug = $3)
                  AND (c.status = 'published' OR (c.status = 'pending' AND c.author_id = $1))
             ORDER BY c.created_at, c.id",
            *COMMENT_SELECT
        )))
        .bind(viewer)
        .bind(article_id)
        .bind(career)
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        rows.into_iter()
            .map(|r| r.decode().map(|q| q.comment))
            .collect::<Result<Vec<_>, _>>()
            .map(Some)
    }

    async fn add_comment(&self, r: &NewCommentRecord) -> Result<Option<Comment>, StoreError> {
        let now = rows::now();
        let member = match &r.writer {
            CommentWriter::Member(id) => Some(*id),
            CommentWriter::Guest(_) => None,
        };
        let mut tx = self.pool.begin().await.map_err(db)?;
        let Some((article_id, career)) = resolve_target(&mut tx, &r.target, member).await? else {
            return Ok(None);
        };
        let parent = match r.parent_id {
            None => None,
            Some(p) => {
                let found: Option<(i64, Option<i64>)> = sqlx::query_as(
                    "SELECT id, parent_id FROM comments
                     WHERE id = $1 AND (article_id = $2 OR career_slug = $3) AND status = 'published'",
                )
                .bind(p)
                .bind(article_id)
                .bind(career.as_deref())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
                match found {
                    Some((id, grand)) => Some(grand.unwrap_or(id)),
                    None => return Ok(None),
                }
            }
        };
        let guest = match &r.writer {
            CommentWriter::Guest(g) => Some(g),
            CommentWriter::Member(_) => None,
        };
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO comments (article_id, career_slug, parent_id, author_id, guest_name, guest_email,
                                   guest_website, body, status, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
        )
        .bind(article_id)
        .bind(career.as_deref())
        .bind(parent)
        .bind(member)
        .bind(guest.map(|g| g.name.as_str()))
        .bind(guest.map(|g| g.email.as_str()))
        .bind(guest.and_then(|g| g.website.as_deref()))
        .bind(&r.body)
        .bind(r.status.as_ref())
        .bind(now)
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        bump(&mut tx, &scopes::comments_on(&r.target)).await?;
        let comment = comment_by_id(&mut tx, id, member).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(comment))
    }

    async fn delete_comment(
        &self,
        target: &CommentTarget,
        id: i64,
        actor: Actor,
    ) -> Result<Changed<()>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let Some((article_id, career)) = resolve_target(&mut tx, target, Some(actor.id)).await?
        else {
            return Ok(Changed::NotFound);
        };
        let author: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT author_id FROM comments WHERE id = $1 AND (article_id = $2 OR career_slug = $3)",
        )
        .bind(id)
        .bind(article_id)
        .bind(career)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        let Some(author) = author else {
            return Ok(Changed::NotFound);
        };
        if !actor.editor && author != Some(actor.id) {
            return Ok(Changed::Forbidden);
        }
        bump(&mut tx, &scopes::comments_on(target)).await?;
        sqlx::query("DELETE FROM comments WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(Changed::Done(()))
    }

    async fn moderation_queue(
        &self,
        limit: u32,
    ) -> Result<(Vec<QueuedComment>, CommentCounts), StoreError> {
        let mut conn = self.pool.acquire().await.map_err(db)?;
        let rows: Vec<CommentColumns> = sqlx::query_as(sql(format!(
            "{} WHERE c.status = 'pending' ORDER BY c.created_at, c.id LIMIT $2",
            *COMMENT_SELECT
        )))
        .bind(None::<i64>)
        .bind(i64::from(limit))
        .fetch_all(&mut *conn)
        .await
        .map_err(db)?;
        let counts: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, count(*) FROM comments GROUP BY status")
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
        let queue = rows
            .into_iter()
            .map(CommentColumns::decode)
            .collect::<Result<_, _>>()?;
        Ok((queue, decode::comment_counts(&counts)))
    }

    async fn moderate(
        &self,
        id: i64,
        action: Moderation,
    ) -> Result<Option<CommentTarget>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(db)?;
        let row: Option<CommentColumns> =
            sqlx::query_as(sql(format!("{} WHERE c.id = $2", *COMMENT_SELECT)))
                .bind(None::<i64>)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let Some(row) = row else {
            return Ok(None);
        };
        let target = row.decode()?.target;
        bump(&mut tx, &scopes::comments_on(&target)).await?;
        let sql = match action {
            Moderation::Approve => {
                "UPDATE comments SET status = 'published', updated_at = $2 WHERE id = $1"
            }
            Moderation::Spam => {
                "UPDATE comments SET status = 'spam', updated_at = $2 WHERE id = $1"
            }
            Moderation::Delete => {
                "DELETE FROM comments WHERE id = $1 AND $2::timestamptz IS NOT NULL"
            }
        };
        sqlx::query(sql)
            .bind(id)
            .bind(rows::now())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(Some(target))
    }
}
