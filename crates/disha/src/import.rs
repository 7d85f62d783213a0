//! `disha import`: reading public data sets into the store, with a progress bar on a terminal and a line per
//! file otherwise, ending with a summary of what was read, changed and rejected.

use crate::config::Config;
use crate::{Prepared, prepare};
use anyhow::Context;
use disha_core::{Colleges, ImportSummary, aicte, onet, wages as bls};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Progress for a run over files: a bar on a terminal, a plain line per file otherwise.
struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    fn new(files: usize, what: &str) -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(u64::try_from(files).unwrap_or(u64::MAX));
            bar.set_style(
                ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar())
                    .progress_chars("=> "),
            );
            bar.set_prefix(what.to_owned());
            bar
        });
        Self { bar }
    }

    fn file_done(&self, name: &str, read: u64, rejected: usize) {
        match &self.bar {
            Some(bar) => {
                bar.set_message(name.to_owned());
                bar.inc(1);
            }
            None => eprintln!("read {name}: {read} records, {rejected} rejected"),
        }
    }

    fn finish(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.finish_with_message(message.to_owned()),
            None => eprintln!("{message}"),
        }
    }
}

/// The JSON files of a folder, by name, leaving out metadata files.
fn json_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "json")
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().ends_with(".meta.json"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!("{} has no .json files", dir.display());
    }
    Ok(files)
}

/// Reads AICTE's state files from `dir` and makes the stored AICTE institutions exactly what they list.
///
/// # Errors
/// When the folder or a file cannot be read, or the store fails (then nothing was written).
pub async fn aicte(config: &Config, dir: &Path) -> anyhow::Result<ImportSummary> {
    let files = json_files(dir)?;
    let progress = Progress::new(files.len(), "reading");
    let mut summary = ImportSummary::default();
    let mut records = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let file = aicte::read_file(&name, &text);
        progress.file_done(&name, file.read, file.rejected.len());
        summary.read += file.read;
        summary.rejected.extend(file.rejected);
        records.extend(file.records);
    }
    let records = aicte::merge(records);
    progress.finish(&format!(
        "{} institutions after merging those listed twice; writing",
        records.len()
    ));
    let Prepared { store, library, .. } = prepare(config).await?;
    let colleges = Colleges::new(std::sync::Arc::clone(&store), library);
    let summary = colleges.import_aicte(&records, summary).await?;
    store.close().await;
    Ok(summary)
}

/// Reads O*NET's text release from `dir` and makes the stored occupations exactly what it lists.
///
/// # Errors
/// When a file cannot be read or lacks a needed column, or the store fails (then nothing was written).
pub async fn onet(config: &Config, dir: &Path) -> anyhow::Result<ImportSummary> {
    let progress = Progress::new(onet::FILES.len(), "reading");
    let mut reader = onet::Reader::default();
    for name in onet::FILES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let count = reader.add_file(name, &text).map_err(anyhow::Error::msg)?;
        progress.file_done(name, count.read, count.rejected);
    }
    let summary = ImportSummary {
        read: reader.read,
        rejected: std::mem::take(&mut reader.rejected),
        ..ImportSummary::default()
    };
    let occupations = reader.finish();
    progress.finish(&format!("{} occupations; writing", occupations.len()));
    let Prepared { store, library, .. } = prepare(config).await?;
    let summary = library.import_onet(&occupations, summary).await?;
    store.close().await;
    Ok(summary)
}

/// Reads the BLS OEWS national file and makes the stored US wages exactly what it lists.
///
/// # Errors
/// When the file cannot be read or is not the national file, or the store fails (then nothing was written).
pub async fn wages(config: &Config, file: &Path) -> anyhow::Result<ImportSummary> {
    let progress = Progress::new(1, "reading");
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let read = bls::read(&name, &bytes).map_err(anyhow::Error::msg)?;
    progress.file_done(&name, read.read, read.rejected.len());
    progress.finish(&format!(
        "{} occupations with wages; writing",
        read.wages.len()
    ));
    let summary = ImportSummary {
        read: read.read,
        rejected: read.rejected,
        ..ImportSummary::default()
    };
    let Prepared { store, library, .. } = prepare(config).await?;
    let summary = library.import_wages(&read.wages, summary).await?;
    store.close().await;
    Ok(summary)
}
