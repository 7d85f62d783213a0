//! Results are written in groups. A commit waits for the disk (SQLite syncs every commit), so one
//! transaction per student would cap how many results an instance can keep a second. Each result goes on a
//! queue; one task takes everything queued while the previous commit ran and writes it in one transaction
//! (each student's rate limit counted in it), then answers each waiting request. A result is acknowledged
//! only after its transaction commits.

use crate::CoreError;
use disha_store::{Admission, RateLimit, ResultRecord, Store, StoreError};
use std::sync::{Arc, OnceLock};
use time::OffsetDateTime;
use tokio::sync::{mpsc, oneshot};

/// Most results in one transaction.
const MAX_GROUP: usize = 256;
/// Results waiting at most; a request beyond this waits for room.
const QUEUE: usize = 4_096;

struct Pending {
    record: ResultRecord,
    limit: RateLimit,
    reply: oneshot::Sender<Result<Admission, CoreError>>,
}

/// The queue of results to write, started on first use (inside the runtime).
pub(crate) struct ResultWriter {
    store: Arc<dyn Store>,
    queue: OnceLock<mpsc::Sender<Pending>>,
}

fn stopped() -> CoreError {
    CoreError::Unavailable(StoreError::Unavailable(
        "the result writer has stopped".into(),
    ))
}

impl ResultWriter {
    pub(crate) fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            queue: OnceLock::new(),
        }
    }

    fn sender(&self) -> mpsc::Sender<Pending> {
        self.queue
            .get_or_init(|| {
                let (tx, rx) = mpsc::channel(QUEUE);
                tokio::spawn(run(Arc::clone(&self.store), rx));
                tx
            })
            .clone()
    }

    /// Writes `record` if `limit` admits it; returns once it is committed (or refused).
    pub(crate) async fn save(
        &self,
        record: ResultRecord,
        limit: RateLimit,
    ) -> Result<Admission, CoreError> {
        let (reply, answer) = oneshot::channel();
        self.sender()
            .send(Pending {
                record,
                limit,
                reply,
            })
            .await
            .map_err(|_closed| stopped())?;
        answer.await.map_err(|_dropped| stopped())?
    }
}

async fn run(store: Arc<dyn Store>, mut rx: mpsc::Receiver<Pending>) {
    let mut group: Vec<Pending> = Vec::with_capacity(MAX_GROUP);
    while rx.recv_many(&mut group, MAX_GROUP).await > 0 {
        let now = OffsetDateTime::now_utc();
        let batch: Vec<(ResultRecord, RateLimit)> = group
            .iter()
            .map(|p| (p.record.clone(), p.limit.clone()))
            .collect();
        match store.save_results(&batch, now).await {
            Ok(admissions) => {
                for (p, a) in group.drain(..).zip(admissions) {
                    // A request that gave up waiting has nobody to tell.
                    let _gone = p.reply.send(Ok(a));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, results = group.len(), "a group of results failed; writing each alone");
                // One failure must not fail the others: each is written alone and gets its own answer.
                for p in group.drain(..) {
                    let one = store
                        .save_results(&[(p.record, p.limit)], now)
                        .await
                        .map_err(CoreError::from)
                        .map(|v| v.into_iter().next().unwrap_or(Admission::Allowed));
                    let _gone = p.reply.send(one);
                }
            }
        }
    }
}
