//! The outbox on its way out: delivered over SMTP to a real server (aiosmtpd, started here), retried with
//! back-off when delivery fails, and given up after the last attempt.

use crate::support::{fresh_database_url, spawn_app_with};
use disha::config::Config;
use disha_core::{Dispatcher, MailTransport, SendFailure};
use disha_store::NewMail;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

/// An SMTP server writing what it receives to a Maildir; stopped when dropped.
pub struct Smtpd {
    child: Child,
    /// Where it listens on 127.0.0.1.
    pub port: u16,
    /// The Maildir it writes to.
    pub maildir: tempfile::TempDir,
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Smtpd {
    /// Starts aiosmtpd (installed by `scripts/install-test-deps`) on a free port.
    pub async fn start() -> Self {
        let python = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../target/test-tools/venv/bin/python");
        assert!(
            python.exists(),
            "the SMTP server is missing: run scripts/install-test-deps"
        );
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let maildir = tempfile::tempdir().expect("dir");
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir(maildir.path().join(sub)).expect("maildir");
        }
        let mut child = Command::new(python)
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{port}"),
                "-c",
                "aiosmtpd.handlers.Mailbox",
            ])
            .arg(maildir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd starts");
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .is_ok()
            {
                return Self {
                    child,
                    port,
                    maildir,
                };
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not start on port {port}");
    }

    /// The messages received so far, as raw text.
    pub fn messages(&self) -> Vec<String> {
        let new = self.maildir.path().join("new");
        std::fs::read_dir(new)
            .map(|dir| {
                dir.filter_map(Result::ok)
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to 10 s for `n` messages.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.messages()
    }
}

fn letter() -> NewMail {
    NewMail {
        to: "reader@example.in".into(),
        subject: "Confirm your subscription".into(),
        text: "Open this link to confirm: https://disha.example/confirm/abc".into(),
        headers: vec![
            (
                "List-Unsubscribe".into(),
                "<https://disha.example/unsubscribe/xyz>".into(),
            ),
            (
                "List-Unsubscribe-Post".into(),
                "List-Unsubscribe=One-Click".into(),
            ),
        ],
        kind: "test".into(),
    }
}

#[tokio::test]
async fn queued_mail_reaches_a_real_smtp_server_with_its_headers() {
    let smtpd = Smtpd::start().await;
    let app =
        spawn_app_with(|c| c.smtp_url = Some(format!("smtp://127.0.0.1:{}", smtpd.port))).await;
    app.store.enqueue_mail(&letter()).await.expect("enqueue");
    let got = smtpd.wait_for(1).await;
    assert_eq!(got.len(), 1, "one message delivered");
    let m = &got[0];
    assert!(m.contains("To: reader@example.in"), "{m}");
    assert!(m.contains("Subject: Confirm your subscription"), "{m}");
    assert!(
        m.contains("List-Unsubscribe: <https://disha.example/unsubscribe/xyz>"),
        "{m}"
    );
    assert!(
        m.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"),
        "{m}"
    );
    assert!(m.contains("https://disha.example/confirm/abc"), "{m}");
    // The outbox records it as sent, so no other dispatcher sends it again.
    for _ in 0..50 {
        if app.store.outbox_counts().await.expect("counts").sent == 1 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let counts = app.store.outbox_counts().await.expect("counts");
    assert_eq!((counts.pending, counts.sent), (0, 1));
    app.stop().await;
}

struct Refusing;

#[async_trait::async_trait]
impl MailTransport for Refusing {
    async fn send(&self, _: &NewMail) -> Result<(), SendFailure> {
        Err(SendFailure {
            permanent: false,
            reason: "connection refused".into(),
        })
    }
}

#[tokio::test]
async fn failed_mail_is_retried_with_back_off_and_given_up_after_the_last_attempt() {
    let (url, _dir) = fresh_database_url();
    let store = disha::open_store(&Config::for_database(url))
        .await
        .expect("open");
    store.migrate().await.expect("migrate");
    store.enqueue_mail(&letter()).await.expect("enqueue");
    let dispatcher = Dispatcher::new(Arc::clone(&store), Arc::new(Refusing), "test".into());
    let mut now = time::OffsetDateTime::now_utc() + time::Duration::seconds(1);
    let first = dispatcher.run_once(now).await.expect("round");
    assert_eq!((first.sent, first.retried, first.dead), (0, 1, 0));
    let soon = dispatcher
        .run_once(now + time::Duration::seconds(5))
        .await
        .expect("round");
    assert_eq!(
        soon.retried, 0,
        "not due again until the back-off has passed"
    );
    let mut dead = 0;
    for _ in 1..disha_core::mail::MAX_ATTEMPTS {
        now += time::Duration::hours(7);
        let r = dispatcher.run_once(now).await.expect("round");
        dead += r.dead;
    }
    assert_eq!(dead, 1, "dead after the last attempt");
    let counts = store.outbox_counts().await.expect("counts");
    assert_eq!((counts.pending, counts.sent, counts.dead), (0, 0, 1));
    store.close().await;
}
