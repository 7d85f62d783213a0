//! Prometheus metrics on an internal listener, never on the public port.

use anyhow::Context;
use axum::Router;
use axum::routing::get;
use disha_store::Store;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide recorder once and returns its handle.
///
/// # Errors
/// When another recorder is already installed.
pub fn recorder() -> anyhow::Result<PrometheusHandle> {
    if let Some(h) = HANDLE.get() {
        return Ok(h.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(
            Matcher::Full("http_request_duration_seconds".into()),
            &[
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ],
        )
        .context("metric buckets")?
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder).context("a metrics recorder is already installed")?;
    Ok(HANDLE.get_or_init(|| handle).clone())
}

/// Serves `/metrics` on `addr` until the runtime stops. Pool gauges are sampled at each scrape.
///
/// # Errors
/// When the address cannot be bound.
pub async fn spawn(addr: SocketAddr, store: Arc<dyn Store>) -> anyhow::Result<SocketAddr> {
    let handle = recorder()?;
    let app = Router::new().route(
        "/metrics",
        get(move || {
            let handle = handle.clone();
            let store = Arc::clone(&store);
            async move {
                for p in store.pool_stats() {
                    metrics::gauge!("db_pool_connections", "pool" => p.name, "state" => "open")
                        .set(f64::from(p.size));
                    metrics::gauge!("db_pool_connections", "pool" => p.name, "state" => "idle")
                        .set(f64::from(p.idle));
                    metrics::gauge!("db_pool_connections", "pool" => p.name, "state" => "max")
                        .set(f64::from(p.max));
                }
                handle.render()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot bind metrics listener on {addr}"))?;
    let local = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, app).await {
            tracing::error!(error = %e, "metrics listener stopped");
        }
    });
    tracing::info!(addr = %local, "metrics listener (internal)");
    Ok(local)
}
