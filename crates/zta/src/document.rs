//! Opening, checking, formatting and saving design files.

use std::path::Path;

use zta_model::Design;

use crate::{DesignSummary, Error, Result};

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

/// How `fmt` may treat a file it rewrites.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FormatOptions {
    /// Only report whether the file would change.
    pub check_only: bool,
    /// Rewrite a read-only file too.
    pub force: bool,
    /// Rewrite a file although comments after its leading comment block would be lost.
    pub drop_comments: bool,
}

/// Rewrites a design file in canonical form; with `check_only`, only reports whether it would.
///
/// Canonical form keeps only the comment block at the top of a YAML file; a file with comments
/// elsewhere is refused unless `drop_comments` says to lose them, so that no note is lost
/// silently.
pub fn format_file(path: &Path, options: FormatOptions) -> Result<FormatOutcome> {
    let current = zta_model::read_design_text(path)?;
    let design = zta_model::load_str(&current, &path.display().to_string())
        .map_err(zta_model::Error::from)?;
    let canonical = zta_model::render_for_path(path, &design);
    if canonical == current {
        return Ok(FormatOutcome::Unchanged);
    }
    if options.check_only {
        return Ok(FormatOutcome::Changed);
    }
    let is_json = path
        .extension()
        .is_some_and(|extension| extension == "json");
    if !is_json && !options.drop_comments {
        let lost = zta_model::format::comments_after_header(&current);
        if !lost.is_empty() {
            return Err(Error::CommentsWouldBeLost {
                path: path.to_path_buf(),
                lines: lost.iter().map(|location| location.line).collect(),
            });
        }
    }
    zta_model::write_atomic_with(
        path,
        canonical.as_bytes(),
        zta_model::SaveOptions {
            force: options.force,
        },
    )?;
    Ok(FormatOutcome::Changed)
}

/// The JSON Schema of the design format, for editors and other tools (`zta schema`).
pub fn design_json_schema() -> String {
    zta_model::generated::json_schema()
}
