//! Compliance reports: validate a design, assess it against the selected frameworks and render
//! the one report model as PDF, JSON or Markdown.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

pub use zta_compliance::Framework;
use zta_model::Design;
pub use zta_report::{Format as ReportFormat, Paper};

use crate::{Error, Result};

/// What to put in a report and how to write it.
#[derive(Debug, Clone)]
pub struct ReportRequest {
    /// The frameworks whose control matrices the report holds.
    pub frameworks: Vec<Framework>,
    /// PDF, JSON or Markdown.
    pub format: ReportFormat,
    /// Page size, for PDF.
    pub paper: Paper,
}

/// Builds and renders the report of a design file, returning the bytes to write.
pub fn report_file(design_path: &Path, request: &ReportRequest) -> Result<Vec<u8>> {
    let bytes = std::fs::read(design_path).map_err(|source| Error::Read {
        path: design_path.to_path_buf(),
        source,
    })?;
    let design = crate::load_design(design_path)?;
    render_report(&design, &bytes, request)
}

/// Renders the report of the design file at `design_path` and writes it atomically to
/// `output`, as `zta report` and the app's Export report do. Returns the report's size in bytes.
pub fn write_report(design_path: &Path, request: &ReportRequest, output: &Path) -> Result<usize> {
    let bytes = report_file(design_path, request)?;
    zta_model::write_atomic(output, &bytes)?;
    Ok(bytes.len())
}

/// Builds and renders the report of a design whose file held `design_file`.
pub fn render_report(
    design: &Design,
    design_file: &[u8],
    request: &ReportRequest,
) -> Result<Vec<u8>> {
    let validation = zta_report::Validation::from_rules(design, &zta_rules::validate(design));
    let mut options =
        zta_report::ReportOptions::new(today(), format!("zta {}", env!("CARGO_PKG_VERSION")));
    options.frameworks = request.frameworks.clone();
    options.logical_ids = logical_ids(design);
    options.export = export_evidence(design);
    let report = zta_report::build(design, design_file, &validation, &options);
    Ok(zta_report::render(&report, request.format, request.paper)?)
}

/// The CloudFormation logical id of every element the export turns into a resource, for the
/// evidence chain (finding → element → logical id).
fn logical_ids(design: &Design) -> BTreeMap<String, String> {
    let segments = design
        .segments
        .iter()
        .filter(|segment| segment.kind.is_aws())
        .map(|segment| (&segment.id, &segment.logical_id));
    let components = design
        .components
        .iter()
        .map(|component| (&component.id, &component.logical_id));
    let identities = design
        .identities
        .iter()
        .map(|identity| (&identity.id, &identity.logical_id));
    segments
        .chain(components)
        .chain(identities)
        .map(|(id, explicit)| {
            let logical = explicit
                .clone()
                .unwrap_or_else(|| zta_cfn::export::logical_id(id));
            (id.clone(), logical)
        })
        .collect()
}

/// What the export of the design leaves to a person, or why it refuses the design.
fn export_evidence(design: &Design) -> zta_report::ExportEvidence {
    match zta_cfn::export::export_design(design, &zta_cfn::export::ExportOptions::default()) {
        Ok(export) => zta_report::ExportEvidence::Exported {
            manual_steps: export.manual_steps,
        },
        Err(refusal) => zta_report::ExportEvidence::Refused {
            reason: refusal.to_string(),
        },
    }
}

/// Today's date in UTC as `YYYY-MM-DD`, from the system clock (civil-from-days conversion).
fn today() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_a_plausible_date() {
        let date = today();
        assert_eq!(date.len(), 10);
        let year: i32 = date[..4].parse().unwrap();
        assert!(year >= 2025, "{date}");
    }
}
