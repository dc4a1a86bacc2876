//! Opening, checking, formatting and saving design files.

use std::path::Path;

use zta_model::Design;

use crate::{DesignSummary, Result};

/// Loads and checks a design file.
pub fn load_design(path: &Path) -> Result<Design> {
    Ok(zta_model::load_file(path)?)
}

/// Saves a design atomically, in canonical form.
pub fn save_design(path: &Path, design: &Design) -> Result<()> {
    Ok(zta_model::save_file(path, design)?)
}

/// Loads a design and summarises what it holds.
pub fn check_file(path: &Path) -> Result<DesignSummary> {
    let design = load_design(path)?;
    Ok(DesignSummary::of(&design))
}

/// What `fmt` did or would do to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatOutcome {
    /// The file was already canonical.
    Unchanged,
    /// The file was rewritten (or, when only checking, would be).
    Changed,
}

/// Rewrites a design file in canonical form; with `check_only`, only reports whether it would.
pub fn format_file(path: &Path, check_only: bool) -> Result<FormatOutcome> {
    let design = load_design(path)?;
    let current = std::fs::read_to_string(path).map_err(|source| zta_model::Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let canonical = zta_model::render_for_path(path, &design);
    if canonical == current {
        return Ok(FormatOutcome::Unchanged);
    }
    if !check_only {
        zta_model::write_atomic(path, canonical.as_bytes())?;
    }
    Ok(FormatOutcome::Changed)
}
