//! The newsletter: double opt-in (nothing is sent to an address until it follows the confirmation link),
//! answers that never say whether an address is already subscribed, and issues that editors send to
//! confirmed readers by interest, each mail with its one-click unsubscribe link.

use crate::CoreError;
use crate::accounts::token_hash;
use disha_domain::{Account, Email, FieldErrors, Problem, SchoolStream, trim_spaces};
use disha_store::{IssueRecord, NewMail, Reader, Store, Subscription};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// How long a confirmation link works.
pub const CONFIRM_HOURS: i64 = 48;
/// Subscriptions allowed from one client an hour.
pub const SUBSCRIPTIONS_PER_CLIENT: u32 = 10;

/// The newsletter use cases.
#[derive(Clone)]
pub struct Newsletter {
    store: Arc<dyn Store>,
}

impl std::fmt::Debug for Newsletter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Newsletter").finish_non_exhaustive()
    }
}

fn random_hex() -> Result<String, CoreError> {
    let mut b = [0_u8; 32];
    getrandom::fill(&mut b).map_err(|e| CoreError::Crypto(e.to_string()))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Interests as stored: known stream keys, space-separated, without repeats.
///
/// # Errors
/// Naming `interests`.
pub fn parse_interests(raw: &[String]) -> Result<String, FieldErrors> {
    let mut keys: Vec<&'static str> = Vec::new();
    for r in raw {
        let Ok(s) = r.parse::<SchoolStream>() else {
            let mut e = FieldErrors::default();
            e.at("interests", Problem::one_of_variants::<SchoolStream>());
            return Err(e);
        };
        if !keys.contains(&s.key()) {
            keys.push(s.key());
        }
    }
    Ok(keys.join(" "))
}

impl Newsletter {
    /// The use cases over `store`.
    #[must_use]
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    async fn limit(&self, bucket: String, max: u32) -> Result<(), CoreError> {
        crate::limits::admit(
            self.store.as_ref(),
            bucket,
            max,
            3600,
            OffsetDateTime::now_utc(),
        )
        .await
    }

    /// Asks an address to confirm its subscription; says nothing about whether it already had one.
    /// `make_mail` turns the address and the link's token into the confirmation mail.
    ///
    /// # Errors
    /// `Invalid` naming `email` or `interests`; `RateLimited`.
    pub async fn subscribe(
        &self,
        email: &str,
        interests: &[String],
        client: &str,
        make_mail: impl FnOnce(&Email, &str) -> NewMail,
    ) -> Result<(), CoreError> {
        let mut e = FieldErrors::default();
        let email = Email::parse(email).map_err(|p| e.at("email", p)).ok();
        let interests = parse_interests(interests)
            .map_err(|ie| e.0.extend(ie.0))
            .ok();
        let (Some(email), Some(interests)) = (email, interests) else {
            return Err(CoreError::Invalid(e));
        };
        self.limit(
            format!("subscribe-client:{client}"),
            SUBSCRIPTIONS_PER_CLIENT,
        )
        .await?;
        // Quietly, so a stranger cannot fill someone's inbox with confirmation requests.
        if self
            .limit(format!("subscribe-address:{}", email.as_str()), 3)
            .await
            .is_err()
        {
            return Ok(());
        }
        let token = random_hex()?;
        let mail = make_mail(&email, &token);
        let sent = self
            .store
            .subscribe(&Subscription {
                email,
                interests,
                confirm_token_hash: token_hash(&token),
                confirm_expires_at: OffsetDateTime::now_utc() + Duration::hours(CONFIRM_HOURS),
                unsubscribe_token: random_hex()?,
                mail,
            })
            .await?;
        tracing::info!(sent, "newsletter subscription requested");
        Ok(())
    }

    /// Confirms a subscription.
    ///
    /// # Errors
    /// `NotFound` for a link that is unknown, used or expired.
    pub async fn confirm(&self, token: &str) -> Result<(), CoreError> {
        if self
            .store
            .confirm_subscription(&token_hash(token), OffsetDateTime::now_utc())
            .await?
        {
            Ok(())
        } else {
            Err(CoreError::NotFound)
        }
    }

    /// Unsubscribes whoever has this token; an unknown token is the same answer (the reader is gone).
    ///
    /// # Errors
    /// When the store fails.
    pub async fn unsubscribe(&self, token: &str) -> Result<(), CoreError> {
        let removed = self.store.unsubscribe(token).await?;
        tracing::info!(removed, "newsletter unsubscribe");
        Ok(())
    }

    /// Sends an issue to every confirmed reader who wants `interest` (everyone for `None`); `make_mail`
    /// addresses one copy to a reader. Returns how many were queued.
    ///
    /// # Errors
    /// `Forbidden` for anyone but editors; `Invalid` naming `subject`, `body` or `interest`.
    pub async fn send_issue(
        &self,
        editor: &Account,
        subject: &str,
        body: &str,
        interest: Option<&str>,
        make_mail: impl Fn(&Reader) -> NewMail,
    ) -> Result<usize, CoreError> {
        if !editor.role.edits() {
            return Err(CoreError::Forbidden);
        }
        let mut e = FieldErrors::default();
        // Lengths count what was sent, so the published limits hold exactly; blank text is refused.
        let n = subject.chars().count();
        if !(1..=150).contains(&n)
            || trim_spaces(subject).is_empty()
            || subject.chars().any(char::is_control)
        {
            e.at(
                "subject",
                Problem::length(1, 150, trim_spaces(subject).chars().count()),
            );
        }
        let subject = trim_spaces(subject);
        let m = body.chars().count();
        if !(1..=60_000).contains(&m)
            || trim_spaces(body).is_empty()
            || body
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        {
            e.at(
                "body",
                Problem::length(1, 60_000, trim_spaces(body).chars().count()),
            );
        }
        let interest = match interest {
            None => None,
            Some(i) => match parse_interests(&[i.to_owned()]) {
                Ok(k) => Some(k),
                Err(ie) => {
                    e.0.extend(ie.0);
                    None
                }
            },
        };
        if !e.is_empty() {
            return Err(CoreError::Invalid(e));
        }
        let readers = self.store.readers(interest.as_deref()).await?;
        let mails: Vec<NewMail> = readers.iter().map(&make_mail).collect();
        let issue = IssueRecord {
            subject: subject.to_owned(),
            body: body.to_owned(),
            interest,
            sent_by: editor.id,
        };
        let id = self.store.queue_issue(&issue, &mails).await?;
        tracing::info!(
            issue = id,
            recipients = mails.len(),
            "newsletter issue queued"
        );
        Ok(mails.len())
    }
}
