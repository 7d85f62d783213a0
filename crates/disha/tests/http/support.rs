use disha::config::Config;
use disha_core::Library;
use disha_domain::CareerProfile;
use disha_store::Store;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::sync::oneshot;

/// A running app and a client for it.
pub struct TestApp {
    pub addr: SocketAddr,
    pub client: reqwest::Client,
    pub library: Library,
    pub store: Arc<dyn Store>,
    pub database_url: String,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<anyhow::Result<()>>>,
    _dir: Option<Arc<tempfile::TempDir>>,
}

/// A new empty database: a SQLite file in a temporary folder, or with `DISHA_TEST_DB=postgres` a new
/// database on the throwaway server (made with `psql`, so the tests hold no SQL client code of their own).
pub fn fresh_database_url() -> (String, Option<Arc<tempfile::TempDir>>) {
    {
        if std::env::var("DISHA_TEST_DB").as_deref() == Ok("postgres") {
            let admin = std::env::var("TEST_POSTGRES_URL")
                .expect("DISHA_TEST_DB=postgres needs TEST_POSTGRES_URL (scripts/with-postgres)");
            let name = format!("h_{}", uuid::Uuid::new_v4().simple());
            let (base, _) = admin
                .rsplit_once('/')
                .expect("TEST_POSTGRES_URL has a database part");
            let status = std::process::Command::new("psql")
                .args([
                    admin.as_str(),
                    "-q",
                    "-c",
                    &format!("CREATE DATABASE {name}"),
                ])
                .status()
                .expect("psql runs");
            assert!(status.success(), "could not create {name}");
            (format!("{base}/{name}"), None)
        } else {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("disha.db").display());
            (url, Some(Arc::new(dir)))
        }
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.text().await.expect("body"))
    }

    pub async fn get_json(&self, path: &str) -> (u16, serde_json::Value) {
        let r = self.get(path).await;
        let status = r.status().as_u16();
        (status, r.json().await.expect("json body"))
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            h.await.expect("server task").expect("server result");
        }
    }
}

/// Starts the app on a fresh database.
pub async fn spawn_app() -> TestApp {
    let (url, dir) = fresh_database_url();
    spawn_app_on(url, dir).await
}

/// Starts the app on a fresh database with some settings changed.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Config)) -> TestApp {
    let (url, dir) = fresh_database_url();
    spawn_configured(url, dir, configure).await
}

/// Starts another instance on an existing database.
pub async fn spawn_app_on(database_url: String, dir: Option<Arc<tempfile::TempDir>>) -> TestApp {
    spawn_configured(database_url, dir, |_| {}).await
}

async fn spawn_configured(
    database_url: String,
    dir: Option<Arc<tempfile::TempDir>>,
    configure: impl FnOnce(&mut Config),
) -> TestApp {
    let mut config = Config::for_database(database_url.clone());
    configure(&mut config);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    config.public_url = Some(format!("http://{addr}"));
    let prepared = disha::prepare(&config).await.expect("prepare");
    let library = prepared.library.clone();
    let store = Arc::clone(&prepared.store);
    let (tx, rx) = oneshot::channel::<()>();
    let server = tokio::spawn(async move {
        let r = disha::serve(&config, prepared, listener, async {
            let _ = rx.await;
        })
        .await;
        if let Err(e) = &r {
            eprintln!("server ended: {e:#}");
        }
        r
    });
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    TestApp {
        addr,
        client,
        library,
        store,
        database_url,
        shutdown: Some(tx),
        server: Some(server),
        _dir: dir,
    }
}

impl TestApp {
    /// The temporary folder keeping a SQLite database alive, for a second instance on the same file.
    pub fn dir(&self) -> Option<Arc<tempfile::TempDir>> {
        self._dir.clone()
    }

    /// A profile from the starter catalog, to edit in tests.
    pub fn catalog_profile(slug: &str) -> CareerProfile {
        disha::catalog::embedded()
            .expect("catalog")
            .into_iter()
            .find(|p| p.slug.as_str() == slug)
            .expect("profile in catalog")
    }

    /// A separate store handle on the same database, as another process would have.
    pub async fn second_store(&self) -> Arc<dyn Store> {
        let store = disha::open_store(&Config::for_database(self.database_url.clone()))
            .await
            .expect("open");
        store.migrate().await.expect("migrate");
        store
    }
}

/// A page parsed as a browser would, so assertions look at elements and their text rather than at one of
/// several possible escapings of the markup.
pub struct Page(scraper::Html);

impl Page {
    pub fn parse(html: &str) -> Self {
        Self(scraper::Html::parse_document(html))
    }

    fn selector(css: &str) -> scraper::Selector {
        scraper::Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e}"))
    }

    /// How many elements match.
    pub fn count(&self, css: &str) -> usize {
        self.0.select(&Self::selector(css)).count()
    }

    /// The text of every matching element, whitespace collapsed.
    pub fn texts(&self, css: &str) -> Vec<String> {
        self.0
            .select(&Self::selector(css))
            .map(|e| {
                e.text()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// The text of the first matching element; panics when none matches.
    pub fn text(&self, css: &str) -> String {
        self.texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css}"))
    }

    /// An attribute of every matching element.
    pub fn attrs(&self, css: &str, attr: &str) -> Vec<String> {
        self.0
            .select(&Self::selector(css))
            .filter_map(|e| e.value().attr(attr).map(str::to_owned))
            .collect()
    }
}

/// The first address in a received mail that starts with `prefix` (quoted-printable soft breaks joined).
pub fn link_in(mail: &str, prefix: &str) -> String {
    let joined = mail.replace("=\r\n", "").replace("=\n", "");
    let start = joined
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} in {joined}"));
    joined[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | ':' | '.' | '-'))
        .collect()
}

impl TestApp {
    /// Creates a verified account `name@example.in` with `role` and returns a session token for it.
    pub async fn account_token(&self, name: &str, role: disha_domain::Role) -> String {
        let accounts = disha_core::Accounts::new(Arc::clone(&self.store)).expect("accounts");
        let email = format!("{name}@example.in");
        accounts
            .create(&email, name, "river-mango-kite-42", role)
            .await
            .expect("create");
        accounts
            .sign_in(&email, "river-mango-kite-42", "test")
            .await
            .expect("sign in")
            .token
    }
}
