//! What can go wrong in storage, in terms callers can act on. Each variant keeps the driver's error as its
//! source, so logs show the whole chain while callers match on the kind.

/// The driver's error, kept as the source of a [`StoreError`].
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique value is already taken.
    #[error("{field} is already taken (constraint {constraint})")]
    Conflict {
        /// The column whose value clashed, as callers name the field (`slug`, `email`).
        field: String,
        /// The constraint the database reported (`careers.slug`, `careers_slug_key`).
        constraint: String,
        /// The driver's error.
        #[source]
        source: BoxError,
    },
    /// The database could not be reached or timed out; the request may be retried.
    #[error("the database is unavailable")]
    Unavailable(#[source] BoxError),
    /// Stored data could not be read back into domain types.
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error("database error")]
    Database(#[source] BoxError),
}

#[cfg(feature = "sqlx")]
mod from_sqlx {
    use super::StoreError;
    use sqlx::error::ErrorKind;

    impl StoreError {
        /// Classifies a driver error the same way on both back ends. `unique_field` turns the database's
        /// report of a unique violation into the field name and the constraint name, which the engines spell
        /// differently.
        pub fn from_sqlx(
            e: sqlx::Error,
            unique_field: impl FnOnce(&dyn sqlx::error::DatabaseError) -> (String, String),
        ) -> Self {
            match e {
                sqlx::Error::Database(d) if d.kind() == ErrorKind::UniqueViolation => {
                    let (field, constraint) = unique_field(d.as_ref());
                    StoreError::Conflict {
                        field,
                        constraint,
                        source: Box::new(sqlx::Error::Database(d)),
                    }
                }
                e @ (sqlx::Error::PoolTimedOut
                | sqlx::Error::PoolClosed
                | sqlx::Error::Io(_)
                | sqlx::Error::Tls(_)
                | sqlx::Error::Protocol(_)
                | sqlx::Error::WorkerCrashed) => StoreError::Unavailable(Box::new(e)),
                e => StoreError::Database(Box::new(e)),
            }
        }
    }
}

impl StoreError {
    /// The same error with a conflict's column named as callers name the field (`username_key` → `username`).
    #[must_use]
    pub fn rename_field(self, column: &str, field: &str) -> Self {
        match self {
            StoreError::Conflict {
                field: f,
                constraint,
                source,
            } if f == column => StoreError::Conflict {
                field: field.to_owned(),
                constraint,
                source,
            },
            other => other,
        }
    }
}
