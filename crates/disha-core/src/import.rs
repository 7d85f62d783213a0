//! What every import reports: rows read, what changed, and each row it could not use with its file, line and
//! reason. An import writes all of its rows or none.

use disha_store::{ImportCounts, InstitutionRecord};
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// A row an import could not use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The file it is in.
    pub file: String,
    /// Its line (1-based).
    pub line: u64,
    /// Why it was not used.
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// The outcome of an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Rows read from the files.
    pub read: u64,
    /// What the store changed.
    pub counts: ImportCounts,
    /// Rows not used.
    pub rejected: Vec<Rejection>,
}

impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let c = self.counts;
        write!(
            f,
            "{} read, {} inserted, {} updated, {} unchanged, {} removed, {} rejected",
            self.read,
            c.inserted,
            c.updated,
            c.unchanged,
            c.removed,
            self.rejected.len()
        )?;
        if c.inserted + c.updated + c.removed == 0 {
            f.write_str(" (nothing changed)")?;
        }
        Ok(())
    }
}

/// SHA-256 over the parts, each ended by a unit separator (which no source's text holds), as hex.
pub(crate) fn sha256_hex(parts: &[&str]) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0x1f]);
    }
    h.finalize()
        .iter()
        .fold(String::with_capacity(64), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// A digest of everything an institution's record says but its slug.
pub(crate) fn digest(r: &InstitutionRecord) -> String {
    let mut text = String::new();
    // The unit separator cannot occur in the source's text, so fields cannot run into each other.
    let _ = write!(
        text,
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        r.name,
        <&'static str>::from(r.kind),
        r.address,
        r.district,
        r.state,
        r.university,
        r.women_only,
        r.minority,
        r.programmes.len()
    );
    for p in &r.programmes {
        let _ = write!(
            text,
            "\u{1e}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{:?}",
            <&'static str>::from(p.level),
            p.discipline,
            p.course,
            p.shift,
            p.mode,
            p.intake
        );
    }
    Sha256::digest(text.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}
