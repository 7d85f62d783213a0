//! What can go wrong in storage, in terms callers can act on.

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique value is already taken.
    #[error("{field} is already taken")]
    Conflict {
        /// The field whose value clashed.
        field: &'static str,
    },
    /// The database could not be reached or timed out; the request may be retried.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    /// Stored data could not be read back into domain types.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Database(String),
}
