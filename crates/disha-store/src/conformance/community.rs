//! Conformance cases for registration, articles and comments.

use crate::{
    Actor, ArticleEdit, ArticleFilter, ArticleScope, Changed, CommentWriter, Moderation,
    NewArticleRecord, NewCommentRecord, Registration, Store, StoreError, Verification,
};
use disha_domain::{
    ArticleStatus, CommentAuthor, CommentStatus, CommentTarget, Email, GuestDetails, Role, Slug,
    Username, parse_article,
};
use time::{Duration, OffsetDateTime};

fn email(s: &str) -> Email {
    Email::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

fn name(s: &str) -> Username {
    Username::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

fn slug(s: &str) -> Slug {
    Slug::parse(s).unwrap_or_else(|e| panic!("{e}"))
}

fn kind_mail(kind: &str, to: &str) -> crate::NewMail {
    crate::NewMail {
        to: to.into(),
        subject: kind.into(),
        text: kind.into(),
        headers: Vec::new(),
        kind: kind.into(),
    }
}

fn registration(address: &str, username: &str, token: &str) -> Registration {
    let now = OffsetDateTime::now_utc();
    Registration {
        account: crate::NewAccountRecord {
            email: email(address),
            username: name(username),
            password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g".into(),
            role: Role::Student,
            verified: false,
        },
        verify_token_hash: format!("verify-{token}"),
        verify_expires_at: now + Duration::hours(24),
        session_token_hash: format!("session-{token}"),
        session_expires_at: now + Duration::days(1),
        verify_mail: kind_mail("verify", address),
        taken_mail: kind_mail("taken", address),
    }
}

async fn kinds_sent(store: &dyn Store) -> Vec<String> {
    let now = OffsetDateTime::now_utc();
    let mut kinds: Vec<String> = store
        .claim_mail("check", 100, now, now + Duration::minutes(1))
        .await
        .expect("claim")
        .into_iter()
        .map(|c| c.mail.kind)
        .collect();
    kinds.sort();
    kinds
}

/// Case.
pub async fn a_registration_is_verified_by_its_link_and_a_verified_address_stays_unique(
    store: &dyn Store,
) {
    let now = OffsetDateTime::now_utc();
    let first = store
        .register(&registration("mira@example.in", "mira", "a"))
        .await
        .expect("register");
    let squatter = store
        .register(&registration("mira@example.in", "not-mira", "b"))
        .await
        .expect("anyone may register any address before it is verified");
    assert_eq!(kinds_sent(store).await, ["verify", "verify"]);
    let session = store
        .session_account("session-a", now)
        .await
        .expect("session")
        .expect("a registration starts signed in");
    assert!(!session.verified);
    assert!(
        store
            .login_record(&email("mira@example.in"))
            .await
            .expect("login")
            .is_none(),
        "an unverified address cannot sign in with a password"
    );
    let err = store
        .register(&registration("x@example.in", "MIRA", "c"))
        .await
        .expect_err("name taken");
    assert!(
        matches!(&err, StoreError::Conflict { field, .. } if field == "username"),
        "{err:?}"
    );

    match store.verify_email("verify-a", now).await.expect("verify") {
        Verification::Verified(a) => assert_eq!((a.id, a.verified), (first, true)),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store.verify_email("verify-a", now).await.expect("again"),
        Verification::Invalid,
        "a link works once"
    );
    assert_eq!(
        store.verify_email("verify-b", now).await.expect("squatter"),
        Verification::Invalid,
        "the other registration of the address is gone"
    );
    assert!(
        store
            .session_account("session-b", now)
            .await
            .expect("session")
            .is_none(),
        "with its session ({squatter})"
    );
    let login = store
        .login_record(&email("mira@example.in"))
        .await
        .expect("login")
        .expect("verified");
    assert_eq!(login.account.id, first);

    store
        .register(&registration("mira@example.in", "mira2", "d"))
        .await
        .expect("registering a verified address still answers the same");
    assert_eq!(
        kinds_sent(store).await,
        ["taken"],
        "the owner is told instead of a link being sent"
    );
    assert_eq!(
        store
            .verify_email("verify-d", now + Duration::days(2))
            .await
            .expect("late"),
        Verification::Invalid
    );
}

async fn member(store: &dyn Store, username: &str, role: Role) -> i64 {
    store
        .create_account(&crate::NewAccountRecord {
            email: email(&format!("{username}@example.in")),
            username: name(username),
            password_hash: "$argon2id$x".into(),
            role,
            verified: true,
        })
        .await
        .expect("create")
}

fn article(author_id: i64, s: &str, status: ArticleStatus, tags: &[&str]) -> NewArticleRecord {
    NewArticleRecord {
        author_id,
        slug: slug(s),
        draft: parse_article(
            &format!("About {s}"),
            "A summary.",
            "Some *Markdown*.",
            &tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>(),
        )
        .expect("valid"),
        status,
    }
}

fn filter(viewer: Option<i64>, scope: ArticleScope) -> ArticleFilter {
    ArticleFilter {
        viewer,
        scope,
        tag: None,
        author: None,
        favorited_by: None,
        feed_of: None,
        limit: 20,
        offset: 0,
    }
}

/// Case.
pub async fn articles_show_by_status_edits_keep_revisions_and_only_owners_change_them(
    store: &dyn Store,
) {
    let editor = member(store, "editor", Role::Editor).await;
    let student = member(store, "student", Role::Student).await;
    let other = member(store, "other", Role::Student).await;
    let a = store
        .create_article(&article(
            editor,
            "neet-guide",
            ArticleStatus::Published,
            &["neet", "class-12"],
        ))
        .await
        .expect("create");
    assert_eq!(
        (a.revision, a.tags.join(" ")),
        (1, "neet class-12".to_owned())
    );
    assert!(a.published_at.is_some());
    store
        .create_article(&article(student, "my-story", ArticleStatus::Pending, &[]))
        .await
        .expect("create");
    let err = store
        .create_article(&article(other, "my-story", ArticleStatus::Pending, &[]))
        .await
        .expect_err("slug taken");
    assert!(
        matches!(&err, StoreError::Conflict { field, .. } if field == "slug"),
        "{err:?}"
    );

    let (list, n) = store
        .list_articles(&filter(None, ArticleScope::Published))
        .await
        .expect("list");
    assert_eq!((n, list.len(), list[0].slug.as_str()), (1, 1, "neet-guide"));
    let (_, n) = store
        .list_articles(&filter(Some(student), ArticleScope::PublishedAndOwn))
        .await
        .expect("list");
    assert_eq!(n, 2, "an author sees their own pending article");
    let (_, n) = store
        .list_articles(&filter(None, ArticleScope::All))
        .await
        .expect("list");
    assert_eq!(n, 2);
    let pending = slug("my-story");
    let as_of = |id, editor| Some(Actor { id, editor });
    assert!(store.article(&pending, None).await.expect("read").is_none());
    assert!(
        store
            .article(&pending, as_of(other, false))
            .await
            .expect("read")
            .is_none()
    );
    assert!(
        store
            .article(&pending, as_of(student, false))
            .await
            .expect("read")
            .is_some()
    );
    assert!(
        store
            .article(&pending, as_of(editor, true))
            .await
            .expect("read")
            .is_some()
    );

    let published = slug("neet-guide");
    let edit = ArticleEdit {
        body: Some("Changed.".into()),
        tags: Some(vec!["neet".into()]),
        ..ArticleEdit::default()
    };
    let no = |id| Actor { id, editor: false };
    assert_eq!(
        store
            .edit_article(&published, no(other), &edit)
            .await
            .expect("edit"),
        Changed::Forbidden
    );
    assert_eq!(
        store
            .edit_article(&pending, no(other), &edit)
            .await
            .expect("edit"),
        Changed::NotFound
    );
    assert_eq!(
        store
            .delete_article(&published, no(student))
            .await
            .expect("del"),
        Changed::Forbidden
    );
    let Changed::Done(edited) = store
        .edit_article(&published, no(editor), &edit)
        .await
        .expect("edit")
    else {
        panic!("the author may edit");
    };
    assert_eq!(
        (
            edited.revision,
            edited.body.as_str(),
            edited.tags.as_slice(),
            edited.title.as_str()
        ),
        (
            2,
            "Changed.",
            ["neet".to_owned()].as_slice(),
            "About neet-guide"
        )
    );
    let publish = ArticleEdit {
        status: Some(ArticleStatus::Published),
        ..ArticleEdit::default()
    };
    let Changed::Done(approved) = store
        .edit_article(
            &pending,
            Actor {
                id: editor,
                editor: true,
            },
            &publish,
        )
        .await
        .expect("publish")
    else {
        panic!("an editor may publish");
    };
    assert_eq!(
        (approved.status, approved.author.username.as_str()),
        (ArticleStatus::Published, "student")
    );
    assert_eq!(
        store
            .delete_article(&pending, no(student))
            .await
            .expect("del"),
        Changed::Done(())
    );
    assert!(store.article(&pending, None).await.expect("read").is_none());
}

/// Case.
pub async fn follows_make_the_feed_and_favourites_and_tags_are_counted(store: &dyn Store) {
    let asha = member(store, "asha", Role::Counsellor).await;
    let ravi = member(store, "ravi", Role::Student).await;
    store
        .create_article(&article(asha, "first", ArticleStatus::Published, &["jee"]))
        .await
        .expect("create");
    store
        .create_article(&article(
            asha,
            "second",
            ArticleStatus::Published,
            &["jee", "neet"],
        ))
        .await
        .expect("create");
    store
        .create_article(&article(
            ravi,
            "waiting",
            ArticleStatus::Pending,
            &["secret"],
        ))
        .await
        .expect("create");
    let feed = ArticleFilter {
        feed_of: Some(ravi),
        ..filter(Some(ravi), ArticleScope::Published)
    };
    assert_eq!(store.list_articles(&feed).await.expect("feed").1, 0);
    let p = store
        .set_follow(ravi, &name("ASHA"), true)
        .await
        .expect("follow")
        .expect("found");
    assert!(p.following);
    store
        .set_follow(ravi, &name("asha"), true)
        .await
        .expect("twice is harmless");
    let (items, n) = store.list_articles(&feed).await.expect("feed");
    assert_eq!(
        (n, items[0].slug.as_str(), items[0].author.following),
        (2, "second", true)
    );
    assert!(
        store
            .set_follow(ravi, &name("nobody"), true)
            .await
            .expect("follow")
            .is_none()
    );

    let fav = store
        .set_favorite(&slug("first"), ravi, true)
        .await
        .expect("fav")
        .expect("found");
    assert_eq!((fav.favorited, fav.favorites_count), (true, 1));
    store
        .set_favorite(&slug("first"), ravi, true)
        .await
        .expect("twice");
    assert!(
        store
            .set_favorite(&slug("waiting"), asha, true)
            .await
            .expect("fav")
            .is_none()
    );
    let by_fav = ArticleFilter {
        favorited_by: Some(name("ravi")),
        ..filter(None, ArticleScope::Published)
    };
    let (items, n) = store.list_articles(&by_fav).await.expect("list");
    assert_eq!(
        (n, items[0].favorites_count, items[0].favorited),
        (1, 1, false)
    );
    let by_tag = ArticleFilter {
        tag: Some("neet".into()),
        ..filter(None, ArticleScope::Published)
    };
    assert_eq!(store.list_articles(&by_tag).await.expect("list").1, 1);
    let paged = ArticleFilter {
        limit: 1,
        offset: 1,
        author: Some(name("asha")),
        ..filter(None, ArticleScope::Published)
    };
    let (items, n) = store.list_articles(&paged).await.expect("list");
    assert_eq!((n, items.len(), items[0].slug.as_str()), (2, 1, "first"));
    assert_eq!(
        store.tags().await.expect("tags"),
        ["jee", "neet"],
        "most used first; pending ones' hidden"
    );
    let unfav = store
        .set_favorite(&slug("first"), ravi, false)
        .await
        .expect("unfav")
        .expect("found");
    assert_eq!(unfav.favorites_count, 0);
    store
        .set_follow(ravi, &name("asha"), false)
        .await
        .expect("unfollow");
    assert!(
        !store
            .profile(&name("asha"), Some(ravi))
            .await
            .expect("p")
            .expect("found")
            .following
    );
}

/// Case.
pub async fn a_readers_marks_name_only_their_own_favourites_follows_and_unpublished_articles(
    store: &dyn Store,
) {
    let asha = member(store, "asha", Role::Counsellor).await;
    let ravi = member(store, "ravi", Role::Student).await;
    let meera = member(store, "meera", Role::Student).await;
    let mut ids = Vec::new();
    for s in ["one", "two", "three"] {
        let a = store
            .create_article(&article(asha, s, ArticleStatus::Published, &[]))
            .await
            .expect("create");
        ids.push(a.id);
    }
    let authors = vec!["asha".to_owned(), "meera".to_owned()];
    assert_eq!(
        store
            .reader_marks(ravi, &ids, &authors)
            .await
            .expect("marks"),
        crate::ReaderMarks::default(),
        "nothing favourited, followed or unpublished yet"
    );
    for s in ["one", "three"] {
        store
            .set_favorite(&slug(s), ravi, true)
            .await
            .expect("fav")
            .expect("found");
    }
    store
        .set_favorite(&slug("two"), meera, true)
        .await
        .expect("fav")
        .expect("found");
    store
        .set_follow(ravi, &name("asha"), true)
        .await
        .expect("follow")
        .expect("found");
    store
        .set_follow(meera, &name("ravi"), true)
        .await
        .expect("follow")
        .expect("found");
    let mut marks = store
        .reader_marks(ravi, &ids, &authors)
        .await
        .expect("marks");
    marks.favorited.sort_unstable();
    assert_eq!(
        marks,
        crate::ReaderMarks {
            favorited: vec![ids[0], ids[2]],
            following: vec!["asha".to_owned()],
            has_unpublished: false,
        },
        "only ravi's own favourites and follows"
    );
    let only_two = store
        .reader_marks(ravi, &ids[1..2], &[])
        .await
        .expect("marks");
    assert!(
        only_two.favorited.is_empty() && only_two.following.is_empty(),
        "only the articles and authors asked about: {only_two:?}"
    );
    store
        .create_article(&article(ravi, "my-draft", ArticleStatus::Draft, &[]))
        .await
        .expect("draft");
    assert!(
        store
            .reader_marks(ravi, &ids, &authors)
            .await
            .expect("marks")
            .has_unpublished
    );
    assert!(
        !store
            .reader_marks(meera, &ids, &authors)
            .await
            .expect("marks")
            .has_unpublished,
        "another reader's draft is not theirs"
    );
}

/// The versions of the scopes of pages (leaving out sessions, which any change to an account bumps).
async fn versions(store: &dyn Store) -> std::collections::HashMap<String, i64> {
    store
        .content_versions()
        .await
        .expect("versions")
        .into_iter()
        .filter(|(scope, _)| scope != crate::scopes::SESSIONS)
        .collect()
}

/// Case.
pub async fn a_changed_public_profile_refreshes_the_articles_and_threads_that_show_it(
    store: &dyn Store,
) {
    let asha = member(store, "asha", Role::Counsellor).await;
    let ravi = member(store, "ravi", Role::Student).await;
    for (who, target) in [
        (asha, CommentTarget::Career(slug("nurse"))),
        (ravi, CommentTarget::Career(slug("pilot"))),
    ] {
        store
            .add_comment(&NewCommentRecord {
                target,
                parent_id: None,
                writer: CommentWriter::Member(who),
                body: "Which entrance exam comes first?".into(),
                status: CommentStatus::Published,
            })
            .await
            .expect("add")
            .expect("stored");
    }
    let before = versions(store).await;
    store
        .update_account(
            asha,
            &crate::AccountChanges {
                password_hash: Some("$argon2id$y".into()),
                ..crate::AccountChanges::default()
            },
        )
        .await
        .expect("update");
    assert_eq!(
        versions(store).await,
        before,
        "a new password shows nowhere"
    );
    store
        .update_account(
            asha,
            &crate::AccountChanges {
                bio: Some("Counsellor in Pune".into()),
                ..crate::AccountChanges::default()
            },
        )
        .await
        .expect("update");
    let after = versions(store).await;
    let changed = |scope: &str| after.get(scope) > before.get(scope);
    assert!(changed(crate::scopes::ARTICLES), "{after:?}");
    assert!(changed("comments:career:nurse"), "{after:?}");
    assert!(
        !changed("comments:career:pilot"),
        "a thread they are not in stays cached"
    );
}

/// Case.
pub async fn guest_comments_wait_for_an_editor_and_replies_stay_one_level_deep(store: &dyn Store) {
    let editor = member(store, "editor", Role::Editor).await;
    let ravi = member(store, "ravi", Role::Student).await;
    let career = CommentTarget::Career(slug("nurse"));
    let guest = CommentWriter::Guest(GuestDetails {
        name: "Asha".into(),
        email: email("asha@example.in"),
        website: Some("https://asha.example".into()),
    });
    let add = |target: &CommentTarget, writer: CommentWriter, parent, status| NewCommentRecord {
        target: target.clone(),
        parent_id: parent,
        writer,
        body: "Is GNM still offered?".into(),
        status,
    };
    let waiting = store
        .add_comment(&add(&career, guest.clone(), None, CommentStatus::Pending))
        .await
        .expect("add")
        .expect("stored");
    assert!(matches!(&waiting.author, CommentAuthor::Guest { name, .. } if name == "Asha"));
    let top = store
        .add_comment(&add(
            &career,
            CommentWriter::Member(ravi),
            None,
            CommentStatus::Published,
        ))
        .await
        .expect("add")
        .expect("stored");
    let shown = store
        .comments(&career, None)
        .await
        .expect("list")
        .expect("target");
    assert_eq!(
        shown.iter().map(|c| c.id).collect::<Vec<_>>(),
        [top.id],
        "the guest's waits"
    );
    let reply = store
        .add_comment(&add(
            &career,
            CommentWriter::Member(editor),
            Some(top.id),
            CommentStatus::Published,
        ))
        .await
        .expect("add")
        .expect("stored");
    let deeper = store
        .add_comment(&add(
            &career,
            CommentWriter::Member(ravi),
            Some(reply.id),
            CommentStatus::Published,
        ))
        .await
        .expect("add")
        .expect("stored");
    assert_eq!(
        (reply.parent_id, deeper.parent_id),
        (Some(top.id), Some(top.id))
    );
    assert!(
        store
            .add_comment(&add(
                &career,
                CommentWriter::Member(ravi),
                Some(waiting.id),
                CommentStatus::Published
            ))
            .await
            .expect("add")
            .is_none(),
        "no replies to a comment nobody can see"
    );
    let elsewhere = CommentTarget::Career(slug("doctor"));
    assert!(
        store
            .add_comment(&add(
                &elsewhere,
                CommentWriter::Member(ravi),
                Some(top.id),
                CommentStatus::Published
            ))
            .await
            .expect("add")
            .is_none(),
        "a reply stays on its comment's page"
    );
    assert!(
        store
            .comments(&CommentTarget::Article(slug("no-such")), None)
            .await
            .expect("list")
            .is_none()
    );

    let (queue, counts) = store.moderation_queue(10).await.expect("queue");
    assert_eq!((queue.len(), counts.pending, counts.published), (1, 1, 3));
    assert_eq!(queue[0].target, career);
    assert_eq!(
        store
            .moderate(waiting.id, Moderation::Approve)
            .await
            .expect("mod"),
        Some(career.clone())
    );
    assert_eq!(
        store
            .comments(&career, None)
            .await
            .expect("list")
            .expect("t")
            .len(),
        4
    );
    store
        .moderate(waiting.id, Moderation::Spam)
        .await
        .expect("spam");
    assert_eq!(store.moderation_queue(10).await.expect("q").1.spam, 1);
    assert!(
        store
            .moderate(999_999, Moderation::Delete)
            .await
            .expect("mod")
            .is_none()
    );

    let no = |id| Actor { id, editor: false };
    assert_eq!(
        store
            .delete_comment(&career, reply.id, no(ravi))
            .await
            .expect("del"),
        Changed::Forbidden
    );
    assert_eq!(
        store
            .delete_comment(&elsewhere, top.id, no(ravi))
            .await
            .expect("del"),
        Changed::NotFound
    );
    assert_eq!(
        store
            .delete_comment(&career, top.id, no(ravi))
            .await
            .expect("del"),
        Changed::Done(())
    );
    assert!(
        store
            .comments(&career, None)
            .await
            .expect("list")
            .expect("t")
            .is_empty(),
        "replies go with their comment"
    );
}

fn subscription(address: &str, interests: &str, token: &str) -> crate::Subscription {
    crate::Subscription {
        email: email(address),
        interests: interests.into(),
        confirm_token_hash: format!("confirm-{token}"),
        confirm_expires_at: OffsetDateTime::now_utc() + Duration::hours(48),
        unsubscribe_token: format!("unsub-{token}"),
        mail: kind_mail("confirm", address),
    }
}

/// Case.
pub async fn only_confirmed_readers_get_issues_and_unsubscribing_forgets_the_address(
    store: &dyn Store,
) {
    let now = OffsetDateTime::now_utc();
    assert!(
        store
            .subscribe(&subscription("a@example.in", "pcb", "a1"))
            .await
            .expect("sub")
    );
    assert!(
        store
            .subscribe(&subscription("a@example.in", "pcb commerce", "a2"))
            .await
            .expect("again"),
        "an unconfirmed address gets a fresh link"
    );
    assert!(
        store
            .subscribe(&subscription("b@example.in", "", "b1"))
            .await
            .expect("sub")
    );
    assert!(
        store
            .subscribe(&subscription("c@example.in", "pcm", "c1"))
            .await
            .expect("sub")
    );
    assert_eq!(
        kinds_sent(store).await,
        ["confirm", "confirm", "confirm", "confirm"]
    );
    assert!(
        store.readers(None).await.expect("readers").is_empty(),
        "nobody has confirmed"
    );
    assert!(
        !store
            .confirm_subscription("confirm-a1", now)
            .await
            .expect("old"),
        "the older link is replaced"
    );
    assert!(
        store
            .confirm_subscription("confirm-a2", now)
            .await
            .expect("confirm")
    );
    assert!(
        !store
            .confirm_subscription("confirm-a2", now)
            .await
            .expect("twice"),
        "a link works once"
    );
    assert!(
        store
            .confirm_subscription("confirm-b1", now)
            .await
            .expect("confirm")
    );
    assert!(
        !store
            .confirm_subscription("confirm-c1", now + Duration::hours(49))
            .await
            .expect("late"),
        "links expire"
    );
    assert!(
        !store
            .subscribe(&subscription("a@example.in", "", "a3"))
            .await
            .expect("confirmed"),
        "a confirmed address is left alone"
    );
    let all: Vec<String> = store
        .readers(None)
        .await
        .expect("r")
        .into_iter()
        .map(|r| r.email)
        .collect();
    assert_eq!(all, ["a@example.in", "b@example.in"]);
    let commerce = store.readers(Some("commerce")).await.expect("r");
    assert_eq!(
        commerce.len(),
        2,
        "a reader with no interests wants everything"
    );
    let pcm = store.readers(Some("pcm")).await.expect("r");
    assert_eq!(
        pcm.iter().map(|r| r.email.as_str()).collect::<Vec<_>>(),
        ["b@example.in"]
    );
    assert_eq!(pcm[0].unsubscribe_token, "unsub-b1");

    let mails: Vec<crate::NewMail> = all.iter().map(|a| kind_mail("issue", a)).collect();
    let issue = crate::IssueRecord {
        subject: "November".into(),
        body: "News.".into(),
        interest: None,
        sent_by: member(store, "editor", Role::Editor).await,
    };
    store.queue_issue(&issue, &mails).await.expect("queue");
    assert_eq!(kinds_sent(store).await, ["issue", "issue"]);
    assert!(store.unsubscribe("unsub-a1").await.expect("unsub"));
    assert!(!store.unsubscribe("unsub-a1").await.expect("twice"));
    assert_eq!(store.readers(None).await.expect("r").len(), 1);
}
