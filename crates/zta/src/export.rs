//! Exporting designs to CloudFormation: one template file when the design fits one stack, else
//! a folder with one template per stack and a manifest giving the deploy order.

use std::path::{Path, PathBuf};

pub use zta_cfn::export::TemplateFormat;
use zta_cfn::export::{Export, ExportOptions, INLINE_TEMPLATE_LIMIT, export_design};

use crate::{Result, load_design};

/// What an export wrote.
#[derive(Debug)]
pub struct CloudFormationExport {
    /// The export itself: stacks, manual steps, warnings.
    pub export: Export,
    /// The files written, templates first, then the manifest when there is one.
    pub files: Vec<PathBuf>,
    /// Stacks whose template is over CloudFormation's 51,200-byte inline limit, with their size:
    /// they must be uploaded to S3 and deployed by URL.
    pub over_inline_limit: Vec<(String, usize)>,
}

/// Exports the design in `design` to `output`: the template itself when the design becomes one
/// stack, else a folder of templates and `manifest.json`.
pub fn export_cloudformation(
    design: &Path,
    output: &Path,
    format: TemplateFormat,
) -> Result<CloudFormationExport> {
    let loaded = load_design(design)?;
    let export = export_design(&loaded, &ExportOptions::default())?;
    let mut files = Vec::new();
    let folder = if export.stacks.len() == 1 {
        output
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
    } else {
        Some(output)
    };
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder).map_err(|source| zta_model::Error::Write {
            path: folder.to_path_buf(),
            source,
        })?;
    }
    // Each template's size is taken from the text written, not by writing it again.
    let mut over_inline_limit = Vec::new();
    let mut note_size = |stack: &str, bytes: usize| {
        if bytes > INLINE_TEMPLATE_LIMIT {
            over_inline_limit.push((stack.to_owned(), bytes));
        }
    };
    if export.stacks.len() == 1 {
        let text = format.write(&export.stacks[0].template);
        zta_model::write_atomic(output, text.as_bytes())?;
        note_size(&export.stacks[0].name, text.len());
        files.push(output.to_path_buf());
    } else {
        // The templates come in stack order, then the manifest.
        for (index, file) in export.files(format).into_iter().enumerate() {
            let path = output.join(&file.name);
            zta_model::write_atomic(&path, file.contents.as_bytes())?;
            if let Some(stack) = export.stacks.get(index) {
                note_size(&stack.name, file.contents.len());
            }
            files.push(path);
        }
    }
    Ok(CloudFormationExport {
        export,
        files,
        over_inline_limit,
    })
}
