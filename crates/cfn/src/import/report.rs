//! The import report: for every resource of every template, what it became in the design (a
//! segment, component or identity; a property or flow of one; a nested stack read in) or why it
//! was carried verbatim, with where it is written, plus the notes on anything guessed.

use std::fmt;

use crate::value::Location;

/// What became of one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Disposition {
    /// It is this element of the design.
    Mapped { element: String },
    /// Its meaning is part of an element (a route sets a subnet's tier, a rule becomes flows).
    Absorbed {
        element: Option<String>,
        how: String,
    },
    /// The design has no place for it: it is kept verbatim.
    Carried { reason: String },
    /// Mapped or absorbed, and also kept verbatim because carried content refers to it.
    AlsoCarried { previous: Box<Disposition> },
    /// A nested stack whose child template was imported too.
    NestedStack { child: String },
}

/// One resource in the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportEntry {
    /// The template the resource is written in.
    pub template: String,
    pub logical_id: String,
    /// The logical id the design gives it in `carried_cloudformation` (a nested stack's
    /// resources carry their stack's logical ids in front of their own).
    pub design_logical_id: String,
    pub resource_type: String,
    pub location: Option<Location>,
    pub disposition: Disposition,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub origin: String,
    pub templates: Vec<String>,
    pub entries: Vec<ReportEntry>,
    pub notes: Vec<String>,
}

impl ImportReport {
    fn count(&self, wanted: fn(&Disposition) -> bool) -> usize {
        self.entries
            .iter()
            .filter(|entry| wanted(&entry.disposition))
            .count()
    }

    /// Resources that became an element of the design.
    pub fn mapped(&self) -> usize {
        self.count(|disposition| matches!(disposition, Disposition::Mapped { .. }))
    }

    /// Resources whose meaning went into an element.
    pub fn absorbed(&self) -> usize {
        self.count(|disposition| {
            matches!(
                disposition,
                Disposition::Absorbed { .. } | Disposition::NestedStack { .. }
            )
        })
    }

    /// Resources kept verbatim.
    pub fn carried(&self) -> usize {
        self.count(|disposition| {
            matches!(
                disposition,
                Disposition::Carried { .. } | Disposition::AlsoCarried { .. }
            )
        })
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Imported {}: {} resources in {} template(s): {} mapped, {} absorbed into elements, {} carried verbatim",
            self.origin,
            self.entries.len(),
            self.templates.len(),
            self.mapped(),
            self.absorbed(),
            self.carried()
        )?;
        let mut current_template = None;
        for entry in &self.entries {
            if current_template != Some(&entry.template) {
                writeln!(f, "\n{}:", entry.template)?;
                current_template = Some(&entry.template);
            }
            let at = entry
                .location
                .map_or_else(String::new, |location| format!(" (line {})", location.line));
            writeln!(
                f,
                "  {} {}{at}: {}",
                entry.logical_id,
                entry.resource_type,
                describe(&entry.disposition)
            )?;
        }
        if !self.notes.is_empty() {
            writeln!(f, "\nNotes:")?;
            for note in &self.notes {
                writeln!(f, "  - {note}")?;
            }
        }
        Ok(())
    }
}

fn describe(disposition: &Disposition) -> String {
    match disposition {
        Disposition::Mapped { element } => format!("mapped to `{element}`"),
        Disposition::Absorbed {
            element: Some(element),
            how,
        } => format!("absorbed into `{element}`: {how}"),
        Disposition::Absorbed { element: None, how } => format!("absorbed: {how}"),
        Disposition::Carried { reason } => format!("carried: {reason}"),
        Disposition::AlsoCarried { previous } => {
            format!(
                "{}; also carried verbatim because carried content refers to it",
                describe(previous)
            )
        }
        Disposition::NestedStack { child } => format!("nested stack, imported from {child}"),
    }
}
