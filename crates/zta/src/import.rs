//! Importing CloudFormation templates into designs, reading nested stacks' templates from the
//! files beside the parent when they are there.

use std::path::Path;

use zta_cfn::{ImportOptions, ImportOutcome, NestedTemplate, nested_template_candidates};

use crate::{Error, Result};

/// Imports a CloudFormation template file (YAML or JSON, SAM included) into a design.
///
/// A nested stack whose `TemplateURL` names a file that exists beside the parent template (by
/// any suffix of the URL's path) is imported too; otherwise it is carried verbatim.
pub fn import_cloudformation(
    template: &Path,
    design_name: Option<String>,
) -> Result<ImportOutcome> {
    let text = std::fs::read_to_string(template).map_err(|source| Error::Read {
        path: template.to_path_buf(),
        source,
    })?;
    let folder = template.parent().unwrap_or(Path::new(".")).to_path_buf();
    let load_nested = move |url: &str| {
        nested_template_candidates(url)
            .into_iter()
            .find_map(|candidate| {
                let path = folder.join(&candidate);
                let text = std::fs::read_to_string(&path).ok()?;
                Some(NestedTemplate {
                    origin: path.display().to_string(),
                    text,
                })
            })
    };
    let options = ImportOptions {
        load_nested: Some(&load_nested),
        design_name,
        ..ImportOptions::default()
    };
    Ok(zta_cfn::import_template(
        &text,
        &template.display().to_string(),
        &options,
    )?)
}

/// Imports a template held in memory, such as a deployed stack's (`zta import stack`).
/// `origin` names it in errors and in the import report, as a file name would; nested stacks
/// are carried verbatim, since there is no folder to find their templates in.
pub fn import_cloudformation_text(
    text: &str,
    origin: &str,
    design_name: Option<String>,
) -> Result<ImportOutcome> {
    let options = ImportOptions {
        design_name,
        ..ImportOptions::default()
    };
    Ok(zta_cfn::import_template(text, origin, &options)?)
}
