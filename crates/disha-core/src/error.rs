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
    /// The database is down or overloaded; retrying later may work.
    #[error("temporarily unavailable: {0}")]
    Unavailable(String),
    /// A bug or corrupt data; logged, never shown in detail.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for CoreError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unavailable(m) => CoreError::Unavailable(m),
            other => CoreError::Internal(other.to_string()),
        }
    }
}

impl From<FieldErrors> for CoreError {
    fn from(e: FieldErrors) -> Self {
        CoreError::Invalid(e)
    }
}
