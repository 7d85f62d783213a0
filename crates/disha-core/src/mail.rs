//! Sending the outbox. A dispatcher claims due messages under a short lease, hands each to a transport (SMTP
//! in production, files in development), and marks it sent, due again after a growing delay, or dead after
//! [`MAX_ATTEMPTS`]. A dispatcher that stops mid-batch loses nothing: its lease runs out and another takes over.

use crate::CoreError;
use async_trait::async_trait;
use disha_store::{NewMail, Store};
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// Attempts before a message is given up as dead.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a claim holds its messages.
const LEASE: Duration = Duration::minutes(2);
/// Messages claimed per round.
const BATCH: u32 = 20;

/// Why a transport could not send a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendFailure {
    /// True when retrying cannot help (the server refused the address or the message for good).
    pub permanent: bool,
    /// What went wrong, for the outbox row and the logs.
    pub reason: String,
}

/// Something that delivers mail.
#[async_trait]
pub trait MailTransport: Send + Sync {
    /// Sends one message.
    async fn send(&self, mail: &NewMail) -> Result<(), SendFailure>;
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DispatchReport {
    /// Delivered.
    pub sent: u32,
    /// Failed, due again later.
    pub retried: u32,
    /// Failed for good.
    pub dead: u32,
}

/// The wait before attempt `attempts + 1`: 30 s, doubling, at most 6 h.
#[must_use]
pub fn retry_delay(attempts: i64) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    (Duration::seconds(30) * 2_i32.saturating_pow(doublings)).min(Duration::hours(6))
}

/// Sends the outbox through a transport.
#[derive(Clone)]
pub struct Dispatcher {
    store: Arc<dyn Store>,
    transport: Arc<dyn MailTransport>,
    worker: String,
}

impl std::fmt::Debug for Dispatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("worker", &self.worker)
            .finish_non_exhaustive()
    }
}

impl Dispatcher {
    /// A dispatcher named `worker` (it appears in leases, so logs tell instances apart).
    #[must_use]
    pub fn new(store: Arc<dyn Store>, transport: Arc<dyn MailTransport>, worker: String) -> Self {
        Self {
            store,
            transport,
            worker,
        }
    }

    /// Claims one batch of due messages at `now` and tries each once.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn run_once(&self, now: OffsetDateTime) -> Result<DispatchReport, CoreError> {
        let lease = format!("{}:{}", self.worker, now.unix_timestamp_nanos());
        let batch = self
            .store
            .claim_mail(&lease, BATCH, now, now + LEASE)
            .await?;
        let mut report = DispatchReport::default();
        for m in batch {
            match self.transport.send(&m.mail).await {
                Ok(()) => {
                    self.store
                        .mail_sent(m.id, &m.lease, OffsetDateTime::now_utc())
                        .await?;
                    metrics::counter!("mail_sent_total", "kind" => m.mail.kind.clone())
                        .increment(1);
                    report.sent += 1;
                }
                Err(f) if f.permanent || m.attempts >= MAX_ATTEMPTS => {
                    tracing::warn!(id = m.id, kind = %m.mail.kind, attempts = m.attempts, reason = %f.reason, "mail dead");
                    self.store
                        .mail_failed(m.id, &m.lease, &f.reason, None)
                        .await?;
                    metrics::counter!("mail_dead_total", "kind" => m.mail.kind.clone())
                        .increment(1);
                    report.dead += 1;
                }
                Err(f) => {
                    let at = OffsetDateTime::now_utc() + retry_delay(m.attempts);
                    tracing::info!(id = m.id, kind = %m.mail.kind, attempts = m.attempts, reason = %f.reason, "mail will be retried");
                    self.store
                        .mail_failed(m.id, &m.lease, &f.reason, Some(at))
                        .await?;
                    report.retried += 1;
                }
            }
        }
        Ok(report)
    }

    /// Runs rounds every `every` until `stop` resolves; a full batch is followed at once by the next.
    pub async fn run(self, every: std::time::Duration, stop: impl Future<Output = ()> + Send) {
        tokio::pin!(stop);
        loop {
            let full = match self.run_once(OffsetDateTime::now_utc()).await {
                Ok(r) => r.sent + r.retried + r.dead >= BATCH,
                Err(e) => {
                    tracing::warn!(error = %e, "mail dispatch round failed");
                    false
                }
            };
            if !full {
                tokio::select! {
                    () = &mut stop => return,
                    () = tokio::time::sleep(every) => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_from_thirty_seconds_to_six_hours() {
        assert_eq!(retry_delay(1), Duration::seconds(30));
        assert_eq!(retry_delay(2), Duration::seconds(60));
        assert_eq!(retry_delay(5), Duration::seconds(480));
        assert_eq!(retry_delay(20), Duration::hours(6));
    }
}
