//! Accounts and their sign-in sessions. Sessions live in the database so that any instance can read and end
//! them; only a hash of each session token is stored, so a copy of the table signs no one in.

use crate::StoreError;
use async_trait::async_trait;
use disha_domain::{Account, Email, Role, Username};
use time::OffsetDateTime;

/// A new account as stored: the password already hashed (argon2id, PHC string).
#[derive(Debug, Clone)]
pub struct NewAccountRecord {
    /// Address, unique.
    pub email: Email,
    /// Public name, unique without case.
    pub username: Username,
    /// The PHC-format hash.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Whether the address counts as checked (accounts operators create); registrations start unchecked.
    pub verified: bool,
}

/// What signing in compares against.
#[derive(Debug, Clone)]
pub struct LoginRecord {
    /// The account, so a successful sign-in needs no second read.
    pub account: Account,
    /// The PHC-format hash.
    pub password_hash: String,
}

/// Reading and writing accounts and sessions.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Stores a new account and returns its number. A taken username, or an address a verified account
    /// has when this one is verified too, is `Conflict` naming `username` or `email`.
    async fn create_account(&self, account: &NewAccountRecord) -> Result<i64, StoreError>;

    /// The hash to check a password against, for the verified account with this email.
    async fn login_record(&self, email: &Email) -> Result<Option<LoginRecord>, StoreError>;

    /// Starts a session for the account: `token_hash` is the SHA-256 of the token the client holds, in hex.
    async fn start_session(
        &self,
        account_id: i64,
        token_hash: &str,
        expires_at: OffsetDateTime,
    ) -> Result<(), StoreError>;

    /// The account a live session belongs to; `None` when the session is unknown, ended or expired at `now`.
    async fn session_account(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> Result<Option<Account>, StoreError>;

    /// Ends one session; ending an unknown one is not an error.
    async fn end_session(&self, token_hash: &str) -> Result<(), StoreError>;

    /// When an account has this email: stores a single-use reset token (its hash) valid until `expires_at`
    /// and queues `mail` to it, in one transaction; earlier unused reset tokens of the account stop working.
    /// Returns whether an account was found (callers must not tell the client).
    async fn start_password_reset(
        &self,
        email: &Email,
        token_hash: &str,
        expires_at: OffsetDateTime,
        mail: &crate::NewMail,
    ) -> Result<bool, StoreError>;

    /// Spends a live reset token: sets the new password hash and ends every session of the account, in one
    /// transaction. False when the token is unknown, used or expired at `now`.
    async fn finish_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> Result<bool, StoreError>;
}
