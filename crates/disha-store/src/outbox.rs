//! The mail outbox: messages written in the same transaction as the change that causes them, then claimed
//! by a dispatcher under a lease and marked sent, retried later, or dead. Claiming is where the engines
//! differ (PostgreSQL skips rows another instance has locked; SQLite has one writer), so it is its own trait
//! with its own conformance cases: with several dispatchers, each message is claimed by one at a time.

use crate::StoreError;
use async_trait::async_trait;
use time::OffsetDateTime;

/// A message to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMail {
    /// Recipient address.
    pub to: String,
    /// Subject line.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// Extra headers (`List-Unsubscribe`, …), in order.
    pub headers: Vec<(String, String)>,
    /// What kind of mail, for logs and metrics (`verify`, `reset`, `newsletter`, `test`).
    pub kind: String,
}

/// A message a dispatcher holds under a lease.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedMail {
    /// Its number.
    pub id: i64,
    /// The lease this claim holds; marking it sent or failed needs the same lease.
    pub lease: String,
    /// The message.
    pub mail: NewMail,
    /// How many times it has been claimed, this time included.
    pub attempts: i64,
}

/// How many messages are in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    /// Waiting to be sent (or retried).
    pub pending: u64,
    /// Sent.
    pub sent: u64,
    /// Given up on.
    pub dead: u64,
}

/// The outbox.
#[async_trait]
pub trait OutboxStore: Send + Sync {
    /// Adds a message on its own (mail that goes with another change is added in that change's transaction).
    async fn enqueue_mail(&self, mail: &NewMail) -> Result<i64, StoreError>;

    /// Claims up to `limit` pending messages that are due at `now` and not leased by anyone, oldest first,
    /// under the lease `lease` until `lease_until`. A message is never held by two leases at once.
    async fn claim_mail(
        &self,
        lease: &str,
        limit: u32,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
    ) -> Result<Vec<ClaimedMail>, StoreError>;

    /// Marks a message sent; false when the lease is no longer the message's (it expired and was re-claimed).
    async fn mail_sent(
        &self,
        id: i64,
        lease: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError>;

    /// Records a failed attempt: due again at `retry_at`, or dead when `None`. False when the lease is gone.
    async fn mail_failed(
        &self,
        id: i64,
        lease: &str,
        error: &str,
        retry_at: Option<OffsetDateTime>,
    ) -> Result<bool, StoreError>;

    /// Messages per state.
    async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError>;
}
