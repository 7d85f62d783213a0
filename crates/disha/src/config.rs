//! Configuration from flags and environment variables (flags win).

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the data lives and how to reach it.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// `sqlite://path/to/file.db` (created on first start) or `postgres://user:password@host:port/database`.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/disha.db",
        global = true
    )]
    pub database_url: String,

    /// Most database connections this instance opens (SQLite: readers; the writer is always one).
    #[arg(long, env = "DISHA_DB_POOL", default_value_t = 8, global = true)]
    pub db_pool_size: u32,

    /// Most memory for rendered pages kept in the cache, in MiB.
    #[arg(long, env = "DISHA_CACHE_MB", default_value_t = 64, global = true)]
    pub cache_mb: u64,

    /// Public address to listen on.
    #[arg(
        long,
        env = "DISHA_ADDR",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub addr: SocketAddr,

    /// Internal address for Prometheus metrics (`/metrics`); `off` disables it. Never the public address.
    #[arg(
        long,
        env = "DISHA_METRICS_ADDR",
        default_value = "127.0.0.1:9464",
        global = true
    )]
    pub metrics_addr: String,

    /// The site's public URL, for canonical links and the sitemap. Defaults to `http://<addr>`.
    #[arg(long, env = "DISHA_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Load balancers and proxies whose `X-Forwarded-For` is believed, as addresses or CIDR ranges separated
    /// by commas (`10.0.0.0/8,192.0.2.7`). A request from anyone else is its own client, whatever it claims.
    /// Rate limits count per client.
    #[arg(
        long,
        env = "DISHA_TRUSTED_PROXIES",
        global = true,
        value_delimiter = ','
    )]
    pub trusted_proxies: Vec<String>,

    /// Seconds a client gets to send a request's headers, counted from when the connection opens or its
    /// last response ends; also how long an idle keep-alive connection stays open.
    #[arg(long, env = "DISHA_HEADER_TIMEOUT", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300), global = true)]
    pub header_timeout_secs: u64,

    /// Most connections open at once; more are closed as soon as they are accepted.
    #[arg(long, env = "DISHA_MAX_CONNECTIONS", default_value_t = 4096, value_parser = clap::value_parser!(u32).range(1..), global = true)]
    pub max_connections: u32,

    /// Where mail goes: `smtp://host:port` (plain, for a local relay), `smtp://user:pass@host:587?tls=required`
    /// (STARTTLS) or `smtps://user:pass@host:465` (TLS). Unset, mail is written as files to `DISHA_MAIL_DIR`.
    #[arg(long, env = "DISHA_SMTP_URL", global = true)]
    pub smtp_url: Option<String>,

    /// The sender of every mail.
    #[arg(
        long,
        env = "DISHA_MAIL_FROM",
        default_value = "Disha <no-reply@localhost>",
        global = true
    )]
    pub mail_from: String,

    /// Without `DISHA_SMTP_URL`: the folder mail is written to, one `.eml` file per message.
    #[arg(
        long,
        env = "DISHA_MAIL_DIR",
        default_value = "data/outbox",
        global = true
    )]
    pub mail_dir: PathBuf,

    /// Log format.
    #[arg(long, env = "DISHA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Which database engine the URL names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite at this path.
    Sqlite {
        /// The database file.
        path: PathBuf,
    },
    /// A PostgreSQL server.
    Postgres,
}

impl Config {
    /// Settings for tests and embedding: the given database, a free port, no metrics.
    #[must_use]
    pub fn for_database(database_url: String) -> Self {
        Self {
            database_url,
            db_pool_size: 4,
            cache_mb: 16,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            metrics_addr: "off".into(),
            public_url: None,
            trusted_proxies: Vec::new(),
            header_timeout_secs: 10,
            max_connections: 4096,
            smtp_url: None,
            mail_from: "Disha <no-reply@localhost>".into(),
            mail_dir: std::env::temp_dir().join("disha-test-mail"),
            log_format: LogFormat::Text,
        }
    }

    /// The backend the URL selects.
    ///
    /// # Errors
    /// For a URL that is neither SQLite nor PostgreSQL.
    pub fn backend(&self) -> anyhow::Result<Backend> {
        let url = self.database_url.as_str();
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Backend::Postgres);
        }
        if let Some(rest) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            let path = rest.split('?').next().unwrap_or_default();
            if path.is_empty() || path == ":memory:" {
                bail!(
                    "DATABASE_URL must name a SQLite file (in-memory databases lose acknowledged writes)"
                );
            }
            return Ok(Backend::Sqlite {
                path: PathBuf::from(path),
            });
        }
        bail!("DATABASE_URL must start with sqlite:// or postgres://");
    }

    /// The metrics address, or `None` when disabled.
    ///
    /// # Errors
    /// When it is not an address or equals the public address.
    pub fn metrics_addr(&self) -> anyhow::Result<Option<SocketAddr>> {
        if self.metrics_addr.eq_ignore_ascii_case("off") || self.metrics_addr.is_empty() {
            return Ok(None);
        }
        let addr: SocketAddr = self.metrics_addr.parse().map_err(|e| {
            anyhow::anyhow!(
                "DISHA_METRICS_ADDR is not an address ({e}): {}",
                self.metrics_addr
            )
        })?;
        if addr == self.addr {
            bail!(
                "DISHA_METRICS_ADDR must differ from DISHA_ADDR: metrics are never served on the public port"
            );
        }
        Ok(Some(addr))
    }

    /// The public URL without a trailing slash.
    ///
    /// # Errors
    /// When a given public URL is not http(s).
    pub fn public_url(&self) -> anyhow::Result<String> {
        match &self.public_url {
            Some(u) if u.starts_with("http://") || u.starts_with("https://") => {
                Ok(u.trim_end_matches('/').to_owned())
            }
            Some(u) => bail!("DISHA_PUBLIC_URL must start with http:// or https://, not {u:?}"),
            None => Ok(format!("http://{}", self.addr)),
        }
    }

    /// The limits each accepted connection lives under.
    #[must_use]
    pub fn connection_limits(&self) -> crate::server::ConnectionLimits {
        crate::server::ConnectionLimits {
            header_timeout: std::time::Duration::from_secs(self.header_timeout_secs),
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
        }
    }

    /// The trusted proxies, parsed; a bare address is a range of one.
    ///
    /// # Errors
    /// When an entry is neither an address nor a CIDR range.
    pub fn trusted_proxies(&self) -> anyhow::Result<Vec<ipnet::IpNet>> {
        self.trusted_proxies
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| {
                s.parse::<ipnet::IpNet>()
                    .or_else(|_| s.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .with_context(|| {
                        format!("DISHA_TRUSTED_PROXIES: {s:?} is not an address or a CIDR range")
                    })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cfg(url: &str) -> Config {
        Config::for_database(url.to_owned())
    }

    #[test]
    fn the_url_scheme_picks_the_backend() {
        assert_eq!(
            cfg("sqlite://data/disha.db").backend().ok(),
            Some(Backend::Sqlite {
                path: "data/disha.db".into()
            })
        );
        assert_eq!(
            cfg("sqlite:x.db?mode=rwc").backend().ok(),
            Some(Backend::Sqlite {
                path: "x.db".into()
            })
        );
        assert_eq!(
            cfg("postgres://u@h/db").backend().ok(),
            Some(Backend::Postgres)
        );
        assert!(cfg("mysql://h/db").backend().is_err());
        assert!(cfg("sqlite::memory:").backend().is_err());
    }

    #[test]
    fn metrics_never_share_the_public_port() {
        let mut c = cfg("sqlite://x.db");
        c.addr = "127.0.0.1:8080".parse().expect("addr");
        c.metrics_addr = "127.0.0.1:8080".into();
        assert!(c.metrics_addr().is_err());
        c.metrics_addr = "off".into();
        assert_eq!(c.metrics_addr().ok(), Some(None));
    }
}
