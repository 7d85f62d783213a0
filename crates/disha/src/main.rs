//! `disha`: the Disha server and its operator commands.

use anyhow::Context;
use clap::{Parser, Subcommand};
use disha::config::{Config, LogFormat};
use std::path::PathBuf;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

// Every cache miss allocates and frees many short strings; mimalloc's thread-local free lists make that
// markedly cheaper than glibc's malloc and fragment less, which keeps resident memory close to the cache bound
// (see docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "disha",
    version,
    about = "Disha: career guidance for students in India"
)]
struct Cli {
    #[command(flatten)]
    config: Config,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the site and the API (the default). Migrates first and loads the starter catalog into an empty database.
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Print the OpenAPI document of the JSON API.
    Openapi,
    /// Check or load career profiles.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Read and close readers' reports of mistakes in profiles.
    #[command(subcommand)]
    Reports(ReportsCommand),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Read a public data set into the database: all of it or nothing, and a second run changes nothing.
    #[command(subcommand)]
    Import(ImportCommand),
    /// The interest assessment's matching, tested.
    #[command(subcommand)]
    Guidance(GuidanceCommand),
}

#[derive(Debug, Subcommand)]
enum GuidanceCommand {
    /// Simulate students from each imported O*NET occupation answering the items with noise, and report how
    /// often their occupation is in Disha's top 20 and in O*NET's top-area listing (needs `import onet`).
    Simulate {
        /// Students simulated from each occupation.
        #[arg(long, default_value_t = 10)]
        per_occupation: usize,
        /// Seed of the random numbers, so a run can be repeated.
        #[arg(long, default_value_t = 20_261_129)]
        seed: u64,
    },
}

#[derive(Debug, Subcommand)]
enum ImportCommand {
    /// AICTE's approved institutions and their programmes: a folder of one JSON file per state.
    Aicte {
        /// The folder, e.g. ../shared/data/aicte-institutions.
        dir: PathBuf,
    },
    /// O*NET's occupations (the official text release): each becomes a career page marked as US data.
    Onet {
        /// The release's folder, e.g. ../shared/data/onet-27.0.
        dir: PathBuf,
    },
    /// US wages per occupation from the BLS OEWS national file (CSV), shown on O*NET careers as US data.
    Wages {
        /// The file, e.g. ../shared/data/bls-oews-2023/national_M2023_dl.csv.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account; the password is read from standard input (one line), never from the command line.
    Create {
        /// Email address.
        #[arg(long)]
        email: String,
        /// Public name: 3–30 letters, digits, `_`, `-` or `.`.
        #[arg(long)]
        username: String,
        /// `student`, `counsellor`, `editor` or `admin`.
        #[arg(long, default_value = "student")]
        role: String,
    },
}

#[derive(Debug, Subcommand)]
enum ReportsCommand {
    /// Print every open report, oldest first.
    List,
    /// Mark a report as dealt with.
    Close {
        /// The report's number, as `list` prints it.
        id: i64,
    },
}

#[derive(Debug, Subcommand)]
enum CatalogCommand {
    /// Check catalog files without writing anything.
    Check {
        /// A folder of `<slug>.toml` files; defaults to the catalog built into this binary.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Write catalog files to the database in one transaction: new profiles are added, changed ones get a new revision.
    Load {
        /// A folder of `<slug>.toml` files; defaults to the catalog built into this binary.
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn init_logs(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .init(),
        LogFormat::Text => builder.init(),
    }
}

fn profiles(dir: Option<&PathBuf>) -> anyhow::Result<Vec<disha_domain::CareerProfile>> {
    match dir {
        Some(d) => disha::catalog::from_dir(d),
        None => disha::catalog::embedded().map_err(anyhow::Error::msg),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let metrics_addr = config.metrics_addr()?;
            let public_url = config.public_url()?;
            let listener = tokio::net::TcpListener::bind(config.addr)
                .await
                .with_context(|| format!("cannot listen on {}", config.addr))?;
            let prepared = disha::prepare(&config).await?;
            if let Some(addr) = metrics_addr {
                disha::metrics::spawn(addr, std::sync::Arc::clone(&prepared.store)).await?;
            }
            tracing::info!(url = %public_url, "Disha is starting");
            disha::serve(&config, prepared, listener, disha::shutdown_signal()).await
        }
        Command::Migrate => {
            let store = disha::open_store(&config).await?;
            store.migrate().await?;
            store.close().await;
            tracing::info!("migrations applied");
            Ok(())
        }
        Command::Import(ImportCommand::Aicte { dir }) => {
            report(
                "AICTE institutions",
                &disha::import::aicte(&config, &dir).await?,
            );
            Ok(())
        }
        Command::Import(ImportCommand::Onet { dir }) => {
            report(
                "O*NET occupations",
                &disha::import::onet(&config, &dir).await?,
            );
            Ok(())
        }
        Command::Import(ImportCommand::Wages { file }) => {
            report(
                "US wages (BLS OEWS)",
                &disha::import::wages(&config, &file).await?,
            );
            Ok(())
        }
        Command::Guidance(GuidanceCommand::Simulate {
            per_occupation,
            seed,
        }) => {
            print!(
                "{}",
                disha::guidance::simulate(&config, per_occupation, seed).await?
            );
            Ok(())
        }
        Command::Openapi => {
            println!("{}", disha_web::openapi().to_pretty_json()?);
            Ok(())
        }
        Command::Catalog(CatalogCommand::Check { dir }) => {
            let p = profiles(dir.as_ref())?;
            disha::catalog::synonyms(&p).map_err(anyhow::Error::msg)?;
            let institutes = disha::catalog::institutes(&p).map_err(anyhow::Error::msg)?;
            println!(
                "{} career profiles, the synonym table and {} curated institutes are sound",
                p.len(),
                institutes.len()
            );
            Ok(())
        }
        Command::User(UserCommand::Create {
            email,
            username,
            role,
        }) => {
            let role: disha_domain::Role = role.parse().map_err(|_e| {
                anyhow::anyhow!("--role must be student, counsellor, editor or admin")
            })?;
            let mut password = String::new();
            std::io::stdin()
                .read_line(&mut password)
                .context("reading the password from standard input")?;
            let password = password.trim_end_matches(['\r', '\n']);
            let store = disha::open_store(&config).await?;
            store.migrate().await?;
            let accounts = disha_core::Accounts::new(std::sync::Arc::clone(&store))?;
            let result = accounts.create(&email, &username, password, role).await;
            store.close().await;
            match result {
                Ok(id) => {
                    println!("account #{id} created: {username} ({})", role.key());
                    Ok(())
                }
                Err(disha_core::CoreError::Invalid(errs)) => Err(anyhow::anyhow!("{errs}")),
                Err(disha_core::CoreError::Conflict { field, .. }) => {
                    Err(anyhow::anyhow!("{field}: is already taken"))
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::Reports(cmd) => {
            let store = disha::open_store(&config).await?;
            store.migrate().await?;
            let feedback = disha_core::Feedback::new(std::sync::Arc::clone(&store));
            let result = match cmd {
                ReportsCommand::List => feedback.open_reports().await.map(|reports| {
                    for r in &reports {
                        println!(
                            "#{} {} {} [{}]\n  {}{}\n",
                            r.id,
                            r.created_at.date(),
                            r.career,
                            r.section.key(),
                            r.message.replace('\n', "\n  "),
                            r.evidence_url
                                .as_deref()
                                .map(|u| format!("\n  source: {u}"))
                                .unwrap_or_default()
                        );
                    }
                    println!("{} open report(s)", reports.len());
                }),
                ReportsCommand::Close { id } => feedback
                    .close_report(id)
                    .await
                    .map(|()| println!("report #{id} closed")),
            };
            store.close().await;
            result.map_err(|e| match e {
                disha_core::CoreError::NotFound => {
                    anyhow::anyhow!("no open report has that number")
                }
                other => anyhow::Error::new(other),
            })
        }
        Command::Catalog(CatalogCommand::Load { dir }) => {
            let p = profiles(dir.as_ref())?;
            let store = disha::open_store(&config).await?;
            store.migrate().await?;
            let version = std::sync::Arc::new(disha_core::ContentVersions::default());
            let library = disha_core::Library::new(std::sync::Arc::clone(&store), version);
            let out = library.put_profiles(&p).await?;
            store.close().await;
            println!(
                "{} created, {} updated, {} unchanged",
                out.created, out.updated, out.unchanged
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logs(cli.config.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e:#}");
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Prints an import's rejected rows, one a line, then its summary.
fn report(what: &str, summary: &disha_core::ImportSummary) {
    for r in &summary.rejected {
        eprintln!("rejected {r}");
    }
    println!("{what}: {summary}");
}
