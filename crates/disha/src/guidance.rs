//! `disha guidance simulate`: the recovery test over the imported O*NET occupations, as a Markdown table.

use crate::config::Config;
use disha_core::guidance::Guidance;
use disha_core::guidance::simulate::{Noise, recovery};
use std::fmt::Write;

/// The noise levels tried: a person's spread around their occupation, each answer's spread.
const LEVELS: [(f64, f64); 6] = [
    (0.05, 0.5),
    (0.10, 1.0),
    (0.15, 1.0),
    (0.20, 1.0),
    (0.25, 1.0),
    (0.30, 1.5),
];

/// Runs the recovery test at each noise level and returns the table.
///
/// # Errors
/// When the database cannot be opened or holds no O*NET occupations.
pub async fn simulate(config: &Config, per_occupation: usize, seed: u64) -> anyhow::Result<String> {
    let prepared = crate::prepare(config).await?;
    let colleges = disha_core::Colleges::new(
        std::sync::Arc::clone(&prepared.store),
        prepared.library.clone(),
    );
    let guidance = Guidance::new(prepared.store, prepared.library, colleges);
    let occupations = guidance.simulation_occupations().await?;
    anyhow::ensure!(
        !occupations.is_empty(),
        "no O*NET occupations with interest scores: run `disha import onet` first"
    );
    let mut out = String::new();
    writeln!(
        out,
        "{} occupations, {per_occupation} students each, seed {seed}\n",
        occupations.len()
    )?;
    writeln!(
        out,
        "| Person σ | Answer σ | Disha top 20 | O*NET list, first 20 | O*NET list, anywhere | O*NET list length (mean) |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for (person, item) in LEVELS {
        let r = recovery(&occupations, Noise { person, item }, per_occupation, seed)?;
        writeln!(
            out,
            "| {person:.2} | {item:.1} | {:.1} % | {:.1} % | {:.1} % | {:.0} |",
            r.disha_top_20 * 100.0,
            r.onet_top_20 * 100.0,
            r.onet_listed * 100.0,
            r.onet_mean_length
        )?;
    }
    Ok(out)
}
