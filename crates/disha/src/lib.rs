//! Assembling Disha: configuration, the store chosen by `DATABASE_URL`, the starter catalog, the web app, the
//! metrics listener and graceful shutdown. `main.rs` parses the command line and calls into here; the HTTP
//! tests call the same functions, so they exercise the real start-up path.

pub mod catalog;
pub mod config;
pub mod guidance;
pub mod import;
pub mod mail;
pub mod metrics;
pub mod server;

use anyhow::Context;
use config::{Backend, Config};
use disha_core::{ContentVersions, Library};
use disha_store::Store;
use disha_store_postgres::PgStore;
use disha_store_sqlite::SqliteStore;
use std::future::Future;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Opens the store named by the configuration (creating the SQLite file's folder if needed), without
/// migrating it.
///
/// # Errors
/// When the database cannot be opened.
pub async fn open_store(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match config.backend()? {
        Backend::Sqlite { path } => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("cannot create {}", parent.display()))?;
            }
            Arc::new(SqliteStore::open(&config.database_url, config.db_pool_size).await?)
        }
        Backend::Postgres => {
            Arc::new(PgStore::open(&config.database_url, config.db_pool_size).await?)
        }
    })
}

/// A migrated store with the starter catalog loaded if it was empty, and the library over it.
pub struct Prepared {
    /// The store.
    pub store: Arc<dyn Store>,
    /// The library use cases.
    pub library: Library,
    /// This instance's view of the content version.
    pub version: Arc<ContentVersions>,
}

/// Opens, migrates and (when empty) seeds the database.
///
/// # Errors
/// When the database cannot be opened or migrated, or the embedded catalog is unsound.
pub async fn prepare(config: &Config) -> anyhow::Result<Prepared> {
    let store = open_store(config).await?;
    store.migrate().await.context("migrating the database")?;
    let version = Arc::new(ContentVersions::default());
    version.refresh(store.as_ref()).await?;
    let profiles = catalog::embedded().map_err(anyhow::Error::msg)?;
    let synonyms = catalog::synonyms(&profiles).map_err(anyhow::Error::msg)?;
    let courses = catalog::courses(&profiles).map_err(anyhow::Error::msg)?;
    let institutes = catalog::institutes(&profiles).map_err(anyhow::Error::msg)?;
    let items = catalog::items().map_err(anyhow::Error::msg)?;
    let library = Library::new(Arc::clone(&store), Arc::clone(&version))
        .with_synonyms(synonyms)
        .with_courses(courses)
        .with_institutes(institutes.clone())
        .with_items(items);
    if let Some(out) = library.seed_if_empty(&profiles).await? {
        tracing::info!(
            careers = out.created,
            "empty database: loaded the starter catalog"
        );
    }
    // The curated institutes ship with the binary: each start makes the store hold exactly them, which
    // writes nothing when they are already stored as given.
    let loaded = library.load_institutes(&institutes).await?;
    if loaded.inserted + loaded.updated + loaded.removed > 0 {
        tracing::info!(
            inserted = loaded.inserted,
            updated = loaded.updated,
            removed = loaded.removed,
            "curated institutes loaded"
        );
    }
    Ok(Prepared {
        store,
        library,
        version,
    })
}

/// Serves the site on `listener` until `shutdown` completes, then lets in-flight requests finish.
///
/// # Errors
/// When the web state cannot be built or the server fails.
pub async fn serve(
    config: &Config,
    prepared: Prepared,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let Prepared {
        store,
        library,
        version,
    } = prepared;
    let watcher = version.watch(Arc::clone(&store));
    let state = disha_web::AppState::new(
        library,
        Arc::clone(&store),
        disha_web::WebConfig {
            base_url: config.public_url()?,
            cache_bytes: config.cache_mb.saturating_mul(1024 * 1024),
            trusted_proxies: config.trusted_proxies()?,
        },
    )
    .map_err(anyhow::Error::msg)?;
    state.warm_search();
    let app = disha_web::router(state);
    tracing::info!(addr = %listener.local_addr()?, backend = store.backend(), "serving");
    if store.backend() == "sqlite" {
        tracing::info!(
            "SQLite mode serves from one instance; run several instances against PostgreSQL instead"
        );
    }
    let local = listener.local_addr()?;
    let (stopped_tx, mut stopped_rx) = tokio::sync::watch::channel(false);
    let dispatcher = disha_core::Dispatcher::new(
        Arc::clone(&store),
        mail::transport(config)?,
        format!("{local}/{}", std::process::id()),
    );
    let mail_task = tokio::spawn(
        dispatcher.run(std::time::Duration::from_secs(1), async move {
            let _ = stopped_rx.wait_for(|stopped| *stopped).await;
        }),
    );
    let shutdown = async move {
        shutdown.await;
        let _ = stopped_tx.send(true);
    };
    server::run(listener, app, config.connection_limits(), shutdown).await;
    // The dispatcher finishes the message in hand; what it has not reached stays in the outbox.
    if let Err(e) = mail_task.await {
        tracing::warn!(error = %e, "the mail dispatcher stopped abnormally");
    }
    watcher.abort();
    store.close().await;
    Ok(())
}

/// Completes on SIGINT (Ctrl-C) or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}
