//! The newsletter: double opt-in subscriptions, one-click unsubscribing, and issues queued to confirmed
//! readers in one transaction.

use crate::{NewMail, StoreError};
use async_trait::async_trait;
use disha_domain::Email;
use time::OffsetDateTime;

/// A request to subscribe.
#[derive(Debug, Clone)]
pub struct Subscription {
    /// The address.
    pub email: Email,
    /// Stream keys, space-separated; empty for everything.
    pub interests: String,
    /// SHA-256 of the confirmation link's token.
    pub confirm_token_hash: String,
    /// When the link stops working.
    pub confirm_expires_at: OffsetDateTime,
    /// The unsubscribe token a new reader gets.
    pub unsubscribe_token: String,
    /// The confirmation mail.
    pub mail: NewMail,
}

/// A confirmed reader, as an issue is addressed to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// The address.
    pub email: String,
    /// Their unsubscribe token.
    pub unsubscribe_token: String,
}

/// An issue as recorded.
#[derive(Debug, Clone)]
pub struct IssueRecord {
    /// Subject line.
    pub subject: String,
    /// Markdown body.
    pub body: String,
    /// Only readers with this interest (or with none, who want everything); `None` for all.
    pub interest: Option<String>,
    /// The editor who sent it.
    pub sent_by: i64,
}

/// Subscriptions and issues.
#[async_trait]
pub trait NewsletterStore: Send + Sync {
    /// Records a subscription and queues its confirmation mail, in one transaction. An address already
    /// confirmed is left alone and gets no mail; an unconfirmed one gets a fresh link. Returns whether mail
    /// was queued (callers must not tell the client).
    async fn subscribe(&self, s: &Subscription) -> Result<bool, StoreError>;

    /// Spends a confirmation token; false when it is unknown, used or expired.
    async fn confirm_subscription(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError>;

    /// Removes the reader with this unsubscribe token; false when there is none.
    async fn unsubscribe(&self, token: &str) -> Result<bool, StoreError>;

    /// Confirmed readers who want `interest` (or everything), in the order they subscribed.
    async fn readers(&self, interest: Option<&str>) -> Result<Vec<Reader>, StoreError>;

    /// Records an issue and queues its mails, in one transaction; returns the issue's number.
    async fn queue_issue(&self, issue: &IssueRecord, mails: &[NewMail]) -> Result<i64, StoreError>;
}
