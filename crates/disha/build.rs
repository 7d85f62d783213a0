//! Compiles the starter catalog (`catalog/careers/*.toml`) and the curated institutes
//! (`catalog/institutes/*.toml`) into the binary, so a fresh install can seed its database without the source
//! tree beside it.

use std::error::Error;
use std::fmt::Write;
use std::path::PathBuf;

/// `pub static NAME: &[(&str, &str)]`: every `*.toml` in `folder` as (file name, contents), sorted by name.
fn embed(out: &mut String, folder: &str, name: &str, doc: &str) -> Result<(), Box<dyn Error>> {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?)
        .join("../../catalog")
        .join(folder)
        .canonicalize()?;
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    writeln!(out, "/// {doc}: (file name, contents), sorted by name.")?;
    writeln!(out, "pub static {name}: &[(&str, &str)] = &[")?;
    for path in files {
        println!("cargo::rerun-if-changed={}", path.display());
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        writeln!(
            out,
            "    ({file:?}, include_str!({:?})),",
            path.display().to_string()
        )?;
    }
    out.push_str("];\n");
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut out = String::new();
    embed(
        &mut out,
        "careers",
        "STARTER_CATALOG",
        "The starter catalog",
    )?;
    embed(
        &mut out,
        "institutes",
        "STARTER_INSTITUTES",
        "The curated institutes",
    )?;
    std::fs::write(
        PathBuf::from(std::env::var("OUT_DIR")?).join("catalog.rs"),
        out,
    )?;
    Ok(())
}
