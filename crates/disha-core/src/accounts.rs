//! Signing in and out. Passwords are hashed with argon2id (the `argon2` crate's defaults: 19 MiB, two passes,
//! one lane, as OWASP recommends) on the blocking pool, never on the async threads. A session is a random
//! 256-bit token the client keeps; the database keeps only its SHA-256.

use crate::{CoreError, Library};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use disha_domain::{Account, Email, FieldErrors, Problem, Role, Username, parse_new_account};
use disha_store::{NewAccountRecord, Store, scopes};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::sync::Arc;
use time::{Duration, OffsetDateTime};

/// How long a session lasts.
pub const SESSION_DAYS: i64 = 30;
/// Sign-in attempts allowed per client address, and per account, in each window.
pub const SIGN_INS_PER_CLIENT: u32 = 20;
/// See [`SIGN_INS_PER_CLIENT`].
pub const SIGN_INS_PER_ACCOUNT: u32 = 10;
const SIGN_IN_WINDOW_SECS: u32 = 15 * 60;
/// How long a reset link works.
pub const RESET_HOURS: i64 = 1;
/// How long a verification link works.
pub const VERIFY_HOURS: i64 = 48;
/// Registrations allowed from one client address an hour.
pub const REGISTRATIONS_PER_CLIENT: u32 = 10;

/// Changes to one's own account as sent; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct RawAccountChanges {
    /// Address (only the current one is accepted).
    pub email: Option<String>,
    /// New public name.
    pub username: Option<String>,
    /// New biography.
    pub bio: Option<String>,
    /// New picture address.
    pub image: Option<String>,
    /// New password.
    pub password: Option<String>,
}

/// A new session: the token to give the client, and whose it is.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The secret the client sends back (cookie or `Authorization: Token …`).
    pub token: String,
    /// The account.
    pub account: Account,
}

/// The account use cases.
#[derive(Clone)]
pub struct Accounts {
    store: Arc<dyn Store>,
    /// Checked when no account has the email, so a sign-in takes as long whether or not the email exists.
    dummy_hash: Arc<str>,
    /// Sessions read recently, when this instance keeps them.
    sessions: Option<SessionCache>,
}

/// Live sessions this instance has read, each with the `sessions` scope's version when it was read, and kept
/// only while that version is current: any ended session or changed account anywhere bumps it (database
/// triggers do), so a session ended on another instance stops working here within one poll of the versions.
/// Copies also expire after a minute, which bounds how long past its end a session can be honoured should
/// the versions stop being read.
#[derive(Clone)]
struct SessionCache {
    library: Library,
    cache: moka::future::Cache<String, (i64, Account)>,
}

/// Most sessions kept in memory.
const CACHED_SESSIONS: u64 = 100_000;
/// Longest a session is kept in memory.
const CACHED_SESSION_TTL: std::time::Duration = std::time::Duration::from_secs(60);

impl std::fmt::Debug for Accounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Accounts").finish_non_exhaustive()
    }
}

pub(crate) fn random_bytes<const N: usize>() -> Result<[u8; N], CoreError> {
    let mut b = [0_u8; N];
    getrandom::fill(&mut b).map_err(|e| CoreError::Crypto(e.to_string()))?;
    Ok(b)
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The stored form of a session token.
#[must_use]
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hash_password(password: &str) -> Result<String, CoreError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>()?)
        .map_err(|e| CoreError::Crypto(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CoreError::Crypto(e.to_string()))
}

fn verify_password(password: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, CoreError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| CoreError::Crypto(e.to_string()))
}

impl Accounts {
    /// The use cases over `store`.
    ///
    /// # Errors
    /// When the system's random source or the hasher fails.
    pub fn new(store: Arc<dyn Store>) -> Result<Self, CoreError> {
        let dummy = hash_password(&hex(&random_bytes::<16>()?))?;
        Ok(Self {
            store,
            dummy_hash: dummy.into(),
            sessions: None,
        })
    }

    /// Keeps live sessions in memory, checked against `library`'s `sessions` version, and has this instance
    /// read the versions after its own writes to accounts and sessions, so its cached copies of sessions and
    /// of pages that show a public profile change at once rather than at the next poll.
    #[must_use]
    pub fn observing(mut self, library: Library) -> Self {
        self.sessions = Some(SessionCache {
            library,
            cache: moka::future::Cache::builder()
                .max_capacity(CACHED_SESSIONS)
                .time_to_live(CACHED_SESSION_TTL)
                .build(),
        });
        self
    }

    /// Creates an account (for operators and, later, registration).
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `Conflict` when the email or username is taken.
    pub async fn create(
        &self,
        email: &str,
        username: &str,
        password: &str,
        role: Role,
    ) -> Result<i64, CoreError> {
        let (email, username, password) = parse_new_account(email, username, password)?;
        let password_hash = blocking(move || hash_password(password.expose())).await??;
        Ok(self
            .store
            .create_account(&NewAccountRecord {
                email,
                username,
                password_hash,
                role,
                // Operators vouch for the addresses they enter.
                verified: true,
            })
            .await?)
    }

    /// Registers a student account and signs it in. The answer is the same whether or not the address
    /// already belongs to someone: a free address gets a verification link, a taken one a note to its
    /// owner, and either way the new account cannot sign in with a password until its address is verified.
    /// `make_mails` turns the address and the link's token into those two messages.
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `Conflict` naming `username` when the name is taken; `RateLimited`
    /// after too many registrations from one client.
    pub async fn register(
        &self,
        email: &str,
        username: &str,
        password: &str,
        client: &str,
        make_mails: impl FnOnce(&Email, &str) -> (disha_store::NewMail, disha_store::NewMail),
    ) -> Result<SignedIn, CoreError> {
        let now = OffsetDateTime::now_utc();
        let (email, username, password) = parse_new_account(email, username, password)?;
        self.limit_for(
            format!("register-client:{client}"),
            REGISTRATIONS_PER_CLIENT,
            3600,
            now,
        )
        .await?;
        let password_hash = blocking(move || hash_password(password.expose())).await??;
        let verify_token = hex(&random_bytes::<32>()?);
        let session_token = hex(&random_bytes::<32>()?);
        let (verify_mail, taken_mail) = make_mails(&email, &verify_token);
        let account = NewAccountRecord {
            email,
            username,
            password_hash,
            role: Role::Student,
            verified: false,
        };
        let id = self
            .store
            .register(&disha_store::Registration {
                account: account.clone(),
                verify_token_hash: token_hash(&verify_token),
                verify_expires_at: now + Duration::hours(VERIFY_HOURS),
                session_token_hash: token_hash(&session_token),
                session_expires_at: now + Duration::days(SESSION_DAYS),
                verify_mail,
                taken_mail,
            })
            .await?;
        tracing::info!(account = id, "registered");
        Ok(SignedIn {
            token: session_token,
            account: Account {
                id,
                email: account.email,
                username: account.username,
                role: account.role,
                bio: String::new(),
                image: String::new(),
                verified: false,
            },
        })
    }

    /// Spends a verification link's token.
    ///
    /// # Errors
    /// `NotFound` for a token that is unknown, used or expired; `Conflict` naming `email` when another
    /// account verified the address first.
    pub async fn verify_email(&self, token: &str) -> Result<Account, CoreError> {
        match self
            .store
            .verify_email(&token_hash(token), OffsetDateTime::now_utc())
            .await?
        {
            disha_store::Verification::Verified(a) => {
                tracing::info!(account = a.id, "address verified");
                self.observe().await;
                Ok(a)
            }
            disha_store::Verification::AddressTaken => Err(CoreError::Conflict {
                field: "email".into(),
                source: disha_store::StoreError::Corrupt(
                    "address verified by another account".into(),
                ),
            }),
            disha_store::Verification::Invalid => Err(CoreError::NotFound),
        }
    }

    /// Changes one's own name, biography, picture or password. A new address is not taken here: addresses
    /// change only through a verification link (`Invalid` naming `email`).
    ///
    /// # Errors
    /// `Invalid` naming each bad field; `Conflict` naming `username`.
    pub async fn update(
        &self,
        account: &Account,
        changes: RawAccountChanges,
    ) -> Result<Account, CoreError> {
        let mut e = disha_domain::FieldErrors::default();
        if let Some(addr) = changes.email.as_deref()
            && Email::parse(addr).ok().as_ref() != Some(&account.email)
        {
            e.at(
                "email",
                disha_domain::Problem::invalid("cannot be changed here yet; write to the editors"),
            );
        }
        let username = changes
            .username
            .as_deref()
            .map(Username::parse)
            .transpose()
            .map_err(|p| e.at("username", p))
            .ok()
            .flatten();
        let bio = changes.bio.map(|b| b.trim().to_owned());
        if bio.as_ref().is_some_and(|b| {
            b.chars().count() > 500
                || b.chars()
                    .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        }) {
            e.at("bio", disha_domain::Problem::length(0, 500, 501));
        }
        let image = changes.image.map(|i| i.trim().to_owned());
        if let Some(i) = &image
            && !i.is_empty()
            && (!i.starts_with("https://")
                || i.len() > 300
                || i.chars()
                    .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>')))
        {
            e.at(
                "image",
                disha_domain::Problem::format("an address starting with https://"),
            );
        }
        let password = changes
            .password
            .as_deref()
            .map(|p| disha_domain::NewPassword::parse(p, Some(&account.email), None))
            .transpose()
            .map_err(|p| e.at("password", p))
            .ok()
            .flatten();
        if !e.is_empty() {
            return Err(CoreError::Invalid(e));
        }
        let password_hash = match password {
            Some(p) => Some(blocking(move || hash_password(p.expose())).await??),
            None => None,
        };
        let updated = self
            .store
            .update_account(
                account.id,
                &disha_store::AccountChanges {
                    username,
                    bio,
                    image,
                    password_hash,
                },
            )
            .await?;
        self.observe().await;
        Ok(updated)
    }

    async fn limit(&self, bucket: String, max: u32, now: OffsetDateTime) -> Result<(), CoreError> {
        self.limit_for(bucket, max, SIGN_IN_WINDOW_SECS, now).await
    }

    async fn limit_for(
        &self,
        bucket: String,
        max: u32,
        window_secs: u32,
        now: OffsetDateTime,
    ) -> Result<(), CoreError> {
        crate::limits::admit(self.store.as_ref(), bucket, max, window_secs, now).await
    }

    /// Checks an email and password and starts a session. Every attempt counts against the client's and the
    /// account's limits, and a wrong email, a wrong password and a malformed email are the same answer.
    ///
    /// # Errors
    /// `Unauthenticated` for any bad credentials; `RateLimited` after too many attempts.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: &str,
    ) -> Result<SignedIn, CoreError> {
        let now = OffsetDateTime::now_utc();
        self.limit(format!("signin-client:{client}"), SIGN_INS_PER_CLIENT, now)
            .await?;
        let email = Email::parse(email).ok();
        if let Some(e) = &email {
            self.limit(
                format!("signin-account:{}", e.as_str()),
                SIGN_INS_PER_ACCOUNT,
                now,
            )
            .await?;
        }
        let record = match &email {
            Some(e) => self.store.login_record(e).await?,
            None => None,
        };
        let phc = record.as_ref().map_or_else(
            || Arc::clone(&self.dummy_hash),
            |r| r.password_hash.as_str().into(),
        );
        let given = password.to_owned();
        let ok = blocking(move || verify_password(&given, &phc)).await?;
        let Some(record) = record.filter(|_| ok) else {
            return Err(CoreError::Unauthenticated);
        };
        let token = hex(&random_bytes::<32>()?);
        self.store
            .start_session(
                record.account.id,
                &token_hash(&token),
                now + Duration::days(SESSION_DAYS),
            )
            .await?;
        let account = record.account;
        tracing::info!(account = account.id, "signed in");
        Ok(SignedIn { token, account })
    }

    /// Checks a signed-in student's password again before something that cannot be undone (deleting the
    /// account); attempts count against the same limits as signing in.
    ///
    /// # Errors
    /// `Invalid` naming `password` when it does not match; `RateLimited` after too many attempts.
    pub async fn confirm_password(
        &self,
        account: &Account,
        password: &str,
        client: &str,
    ) -> Result<(), CoreError> {
        let now = OffsetDateTime::now_utc();
        self.limit(format!("signin-client:{client}"), SIGN_INS_PER_CLIENT, now)
            .await?;
        self.limit(
            format!("signin-account:{}", account.email.as_str()),
            SIGN_INS_PER_ACCOUNT,
            now,
        )
        .await?;
        let record = self.store.login_record(&account.email).await?;
        let phc = record.as_ref().map_or_else(
            || Arc::clone(&self.dummy_hash),
            |r| r.password_hash.as_str().into(),
        );
        let given = password.to_owned();
        let ok = blocking(move || verify_password(&given, &phc)).await?;
        if ok && record.is_some_and(|r| r.account.id == account.id) {
            Ok(())
        } else {
            let mut e = FieldErrors::default();
            e.at(
                "password",
                Problem::invalid("does not match this account's password"),
            );
            Err(CoreError::Invalid(e))
        }
    }

    /// The account a session token belongs to, if the session is live.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn account_for(&self, token: &str) -> Result<Option<Account>, CoreError> {
        // Tokens are 64 hex digits; anything else cannot be one, and is not looked up.
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let hash = token_hash(token);
        let Some(sessions) = &self.sessions else {
            return Ok(self
                .store
                .session_account(&hash, OffsetDateTime::now_utc())
                .await?);
        };
        // Read before the lookup: a change during it leaves the copy under the older version, so the next
        // request looks again.
        let version = sessions.library.content_version(scopes::SESSIONS);
        if let Some((read_at, account)) = sessions.cache.get(&hash).await
            && read_at == version
        {
            return Ok(Some(account));
        }
        let account = self
            .store
            .session_account(&hash, OffsetDateTime::now_utc())
            .await?;
        // Only live sessions are kept: unknown tokens cost a lookup each, and cannot fill memory.
        if let Some(a) = &account {
            sessions.cache.insert(hash, (version, a.clone())).await;
        }
        Ok(account)
    }

    /// Sends a single-use reset link to the account with this email, if there is one. The answer is the
    /// same either way, so it tells no one whether the email is registered; `make_mail` turns the link's token
    /// into the message (its words come from the message catalog, its address from the site's public URL).
    ///
    /// # Errors
    /// `RateLimited` after too many requests from the client or for the address; store failures.
    pub async fn request_password_reset(
        &self,
        email: &str,
        client: &str,
        make_mail: impl FnOnce(&Email, &str) -> disha_store::NewMail,
    ) -> Result<(), CoreError> {
        let now = OffsetDateTime::now_utc();
        self.limit(format!("reset-client:{client}"), SIGN_INS_PER_CLIENT, now)
            .await?;
        let Ok(email) = Email::parse(email) else {
            return Ok(());
        };
        self.limit(format!("reset-account:{}", email.as_str()), 3, now)
            .await?;
        let token = hex(&random_bytes::<32>()?);
        let mail = make_mail(&email, &token);
        let found = self
            .store
            .start_password_reset(
                &email,
                &token_hash(&token),
                now + Duration::hours(RESET_HOURS),
                &mail,
            )
            .await?;
        tracing::info!(found, "password reset requested");
        Ok(())
    }

    /// Spends a reset link's token: sets the new password and signs the account out everywhere.
    ///
    /// # Errors
    /// `Invalid` naming `password` for a weak one; `NotFound` for a token that is unknown, used or expired.
    pub async fn reset_password(&self, token: &str, password: &str) -> Result<(), CoreError> {
        let password = disha_domain::NewPassword::parse(password, None, None).map_err(|p| {
            let mut e = disha_domain::FieldErrors::default();
            e.at("password", p);
            CoreError::Invalid(e)
        })?;
        let hash = blocking(move || hash_password(password.expose())).await??;
        if self
            .store
            .finish_password_reset(&token_hash(token), &hash, OffsetDateTime::now_utc())
            .await?
        {
            self.observe().await;
            Ok(())
        } else {
            Err(CoreError::NotFound)
        }
    }

    /// Ends the session with this token.
    ///
    /// # Errors
    /// When the store fails.
    pub async fn sign_out(&self, token: &str) -> Result<(), CoreError> {
        self.store.end_session(&token_hash(token)).await?;
        self.observe().await;
        Ok(())
    }

    /// After a write that ends sessions or changes accounts: this instance reads the versions at once, so
    /// its copies of sessions go now rather than at the next poll.
    async fn observe(&self) {
        if let Some(sessions) = &self.sessions {
            sessions.library.observe_writes().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_salted_and_verify_only_the_right_password() {
        let a = hash_password("river-mango-kite-42").expect("hash");
        let b = hash_password("river-mango-kite-42").expect("hash");
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(verify_password("river-mango-kite-42", &a));
        assert!(!verify_password("river-mango-kite-43", &a));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn token_hashes_are_sha256_hex() {
        assert_eq!(
            token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
