use disha_domain::FieldErrors;
use disha_store::StoreError;

/// Why a use case could not be carried out, in terms the web layer maps to a status code.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Nothing public lives at that address.
    #[error("not found")]
    NotFound,
    /// The request was malformed; each field says why.
    #[error("invalid input: {0}")]
    Invalid(FieldErrors),
    /// A unique value is already taken; names the field.
    #[error("{field} is already taken")]
    Conflict {
        /// The field whose value clashed.
        field: String,
        /// The store's error.
        #[source]
        source: StoreError,
    },
    /// The credentials or the session were not accepted; says nothing about which part was wrong.
    #[error("not signed in")]
    Unauthenticated,
    /// Signed in, but this is not theirs to change.
    #[error("forbidden")]
    Forbidden,
    /// Too many requests from one client (or from everyone) for now.
    #[error("rate limited; retry in {retry_after_secs} s")]
    RateLimited {
        /// Seconds until the limit's window ends.
        retry_after_secs: u32,
    },
    /// The database is down or overloaded; retrying later may work.
    #[error("temporarily unavailable")]
    Unavailable(#[source] StoreError),
    /// The random source or the password hasher failed; logged, never shown in detail.
    #[error("crypto failure: {0}")]
    Crypto(String),
    /// A bug or corrupt data; logged, never shown in detail.
    #[error("internal error")]
    Internal(#[source] StoreError),
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(_) => CoreError::Unavailable(e),
            StoreError::Conflict { ref field, .. } => CoreError::Conflict {
                field: field.clone(),
                source: e,
            },
            other => CoreError::Internal(other),
        }
    }
}

impl From<FieldErrors> for CoreError {
    fn from(e: FieldErrors) -> Self {
        CoreError::Invalid(e)
    }
}
