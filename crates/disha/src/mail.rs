//! Mail transports: SMTP through `lettre` (plain for a local relay, STARTTLS or TLS verified against the
//! system's roots), or `.eml` files in a folder for development.

use anyhow::Context;
use async_trait::async_trait;
use disha_core::{MailTransport, SendFailure};
use disha_store::NewMail;
use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::path::PathBuf;

fn build(from: &Mailbox, mail: &NewMail) -> Result<Message, SendFailure> {
    let permanent = |reason: String| SendFailure {
        permanent: true,
        reason,
    };
    let to: Mailbox = mail
        .to
        .parse()
        .map_err(|e| permanent(format!("bad recipient: {e}")))?;
    let mut msg = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .body(mail.text.clone())
        .map_err(|e| permanent(format!("could not build the message: {e}")))?;
    for (name, value) in &mail.headers {
        let name = HeaderName::new_from_ascii(name.clone())
            .map_err(|e| permanent(format!("bad header name {name}: {e}")))?;
        msg.headers_mut()
            .insert_raw(HeaderValue::new(name, value.clone()));
    }
    Ok(msg)
}

/// Sends over SMTP.
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Smtp {
    /// A transport for `url` (see `DISHA_SMTP_URL`).
    ///
    /// # Errors
    /// When the URL or the sender does not parse.
    pub fn new(url: &str, from: &str) -> anyhow::Result<Self> {
        Ok(Self {
            transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .context("DISHA_SMTP_URL is not an SMTP URL")?
                .build(),
            from: from
                .parse()
                .context("DISHA_MAIL_FROM is not a mail address")?,
        })
    }
}

#[async_trait]
impl MailTransport for Smtp {
    async fn send(&self, mail: &NewMail) -> Result<(), SendFailure> {
        let msg = build(&self.from, mail)?;
        self.transport
            .send(msg)
            .await
            .map(|_| ())
            .map_err(|e| SendFailure {
                permanent: e.is_permanent(),
                reason: e.to_string(),
            })
    }
}

/// Writes each message to a folder as an `.eml` file, for development without a mail server.
pub struct Files {
    dir: PathBuf,
    from: Mailbox,
}

impl Files {
    /// A transport writing to `dir` (created when missing).
    ///
    /// # Errors
    /// When the sender does not parse.
    pub fn new(dir: PathBuf, from: &str) -> anyhow::Result<Self> {
        Ok(Self {
            dir,
            from: from
                .parse()
                .context("DISHA_MAIL_FROM is not a mail address")?,
        })
    }
}

#[async_trait]
impl MailTransport for Files {
    async fn send(&self, mail: &NewMail) -> Result<(), SendFailure> {
        let msg = build(&self.from, mail)?;
        let transient = |reason: String| SendFailure {
            permanent: false,
            reason,
        };
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| transient(format!("cannot create {}: {e}", self.dir.display())))?;
        let name = format!(
            "{}-{}.eml",
            time::OffsetDateTime::now_utc().unix_timestamp_nanos(),
            mail.kind
        );
        tokio::fs::write(self.dir.join(name), msg.formatted())
            .await
            .map_err(|e| transient(format!("cannot write: {e}")))
    }
}

/// The transport the configuration names: SMTP when `DISHA_SMTP_URL` is set, else files in `DISHA_MAIL_DIR`.
///
/// # Errors
/// When the URL or the sender does not parse.
pub fn transport(
    config: &crate::config::Config,
) -> anyhow::Result<std::sync::Arc<dyn MailTransport>> {
    Ok(match &config.smtp_url {
        Some(url) => std::sync::Arc::new(Smtp::new(url, &config.mail_from)?),
        None => std::sync::Arc::new(Files::new(config.mail_dir.clone(), &config.mail_from)?),
    })
}
