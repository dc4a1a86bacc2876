//! Placing a template's findings at the logical ids they concern, in the file each was read
//! from, and measuring which resources the rules judged.

use std::cell::OnceCell;
use std::collections::HashMap;

use zta_cfn::{Disposition, ImportReport, Location, NestedTemplate, ReportEntry};
use zta_model::Design;
use zta_rules::{Finding, Report, carried_subject};

use super::key_position::KeyPositions;
use super::{PlacedResult, ResourceCoverage, TemplateScan, UnjudgedResource};

/// A template as the scan read it: its file, its text, and the nested templates' texts.
pub(super) struct ReadTemplate<'a> {
    /// The file, as the scan found it (the import report's origin of the template).
    pub file: &'a str,
    /// Its text.
    pub text: &'a str,
    /// The texts of the nested templates its import read, by origin.
    pub nested: &'a [NestedTemplate],
}

impl<'a> ReadTemplate<'a> {
    /// The text the import read for an origin of its report: not the file again, which may
    /// have changed since.
    fn text_of(&self, origin: &str) -> Option<&'a str> {
        if origin == self.file {
            return Some(self.text);
        }
        self.nested
            .iter()
            .find(|nested| nested.origin == origin)
            .map(|nested| nested.text.as_str())
    }
}

/// A place in a template: the file as shown, the 1-based line and column, and the name written
/// there.
type Place = (String, Location, Option<String>);

/// Turns positions of an import report into places of the scan.
struct Places<'a> {
    /// Turns an origin of the import report into the file name the scan shows.
    name: &'a dyn Fn(&str) -> String,
    keys: HashMap<&'a str, KeyPositions<'a>>,
}

impl<'a> Places<'a> {
    fn new(read: &'a ReadTemplate<'a>, name: &'a dyn Fn(&str) -> String) -> Self {
        let keys = std::iter::once((read.file, read.text))
            .chain(
                read.nested
                    .iter()
                    .map(|nested| (nested.origin.as_str(), nested.text.as_str())),
            )
            .map(|(origin, text)| (origin, KeyPositions::new(text)))
            .collect();
        Places { name, keys }
    }

    /// Where `key`, whose value the parser placed at `value`, is written in `origin`.
    fn key(&self, origin: &str, key: &str, value: Option<Location>) -> (String, Location) {
        let value = value.unwrap_or_default();
        let location = self
            .keys
            .get(origin)
            .map_or(value, |keys| keys.key_before(key, value));
        (
            (self.name)(origin),
            Location::new(location.line.max(1), location.column.max(1)),
        )
    }

    fn entry(&self, entry: &ReportEntry) -> Place {
        let (file, location) = self.key(&entry.template, &entry.logical_id, entry.location);
        (file, location, Some(entry.logical_id.clone()))
    }
}

/// Places a template's findings and measures its coverage; `name` turns an origin of the
/// import report into the file name the scan shows.
pub(super) fn place(
    read: &ReadTemplate<'_>,
    design: &Design,
    imported: &ImportReport,
    report: &Report,
    name: &dyn Fn(&str) -> String,
) -> TemplateScan {
    let places = Places::new(read, name);
    let mut by_carried: HashMap<&str, &ReportEntry> = HashMap::new();
    for entry in &imported.entries {
        by_carried.insert(entry.design_logical_id.as_str(), entry);
    }
    // An element is placed at the resource it is (its database, not the security group that
    // went into it); at the first resource that went into it only when none is.
    let mut by_element: HashMap<&str, &ReportEntry> = HashMap::new();
    for entry in &imported.entries {
        if let Some(element) = mapped_element(&entry.disposition) {
            by_element.entry(element).or_insert(entry);
        }
    }
    for entry in &imported.entries {
        if let Some(element) = element_of(&entry.disposition) {
            by_element.entry(element).or_insert(entry);
        }
    }
    // Parsed again only when a finding concerns a parameter or an output.
    let declared = OnceCell::new();
    let place_of = |finding: &Finding| -> Option<Place> {
        let mut parts = finding.carried.as_deref()?.splitn(3, '.').skip(1);
        let (section, id) = (parts.next()?, parts.next()?);
        if section == "Resources" {
            return by_carried.get(id).map(|entry| places.entry(entry));
        }
        let (origin, declared_as, value) = declared
            .get_or_init(|| Declarations::read(read, imported))
            .find(section, id)?;
        let (file, location) = places.key(origin, &declared_as, Some(value));
        Some((file, location, Some(declared_as)))
    };
    let findings = report
        .findings
        .iter()
        .map(|finding| {
            let (file, location, logical_id) = place_of(finding)
                .or_else(|| {
                    finding
                        .elements
                        .iter()
                        .flat_map(|id| with_flow_ends(design, id))
                        .find_map(|id| by_element.get(id).map(|entry| places.entry(entry)))
                })
                // A finding about the account as a whole (no CloudTrail) concerns no
                // resource: it points at the template's start.
                .unwrap_or_else(|| (read.file.to_owned(), Location::new(1, 1), None));
            PlacedResult {
                finding: finding.clone(),
                file,
                line: location.line,
                column: location.column,
                logical_id,
            }
        })
        .collect();
    TemplateScan {
        file: read.file.to_owned(),
        files: imported
            .templates
            .iter()
            .map(|origin| name(origin))
            .collect(),
        coverage: coverage(imported, report, &places),
        summary: report.summary,
        findings,
        not_evaluated: Vec::new(),
    }
}

/// The parameters and outputs of every template an import read, to place findings about
/// carried parameters and outputs, whose design names carry their nested stack's prefix.
struct Declarations {
    /// Each template's origin, the prefix its names carry in the design, and the template.
    templates: Vec<(String, String, zta_cfn::Template)>,
}

impl Declarations {
    fn read(read: &ReadTemplate<'_>, imported: &ImportReport) -> Self {
        let mut templates = Vec::new();
        for origin in &imported.templates {
            let prefix = imported
                .entries
                .iter()
                .find(|entry| entry.template == *origin)
                .and_then(|entry| entry.design_logical_id.strip_suffix(&entry.logical_id))
                .unwrap_or_default()
                .to_owned();
            let parsed = read
                .text_of(origin)
                .and_then(|text| zta_cfn::Template::parse(text, origin).ok());
            if let Some(template) = parsed {
                templates.push((origin.clone(), prefix, template));
            }
        }
        // The longest prefix first, so that a nested stack's names are not taken for the
        // parent's.
        templates.sort_by_key(|(_, prefix, _)| std::cmp::Reverse(prefix.len()));
        Declarations { templates }
    }

    /// Where a carried parameter or output (by its design name) is declared: the template's
    /// origin, its own name there, and the location of its value.
    fn find(&self, section: &str, id: &str) -> Option<(&str, String, Location)> {
        self.templates
            .iter()
            .find_map(|(origin, prefix, template)| {
                let name = id.strip_prefix(prefix.as_str())?;
                let location = match section {
                    "Parameters" => template.parameters.get(name)?.location(),
                    _ => template.outputs.get(name)?.mark.location(),
                }?;
                Some((origin.as_str(), name.to_owned(), location))
            })
    }
}

/// An element id, and for a flow the ids of its ends, in the order a finding is best placed.
fn with_flow_ends<'a>(design: &'a Design, id: &'a str) -> Vec<&'a str> {
    match design.flows.iter().find(|flow| flow.id == id) {
        Some(flow) => vec![id, flow.target.as_str(), flow.source.as_str()],
        None => vec![id],
    }
}

/// The element a resource became.
fn mapped_element(disposition: &Disposition) -> Option<&str> {
    match disposition {
        Disposition::Mapped { element } => Some(element),
        Disposition::AlsoCarried { previous } => mapped_element(previous),
        _ => None,
    }
}

/// The element a resource became or went into.
fn element_of(disposition: &Disposition) -> Option<&str> {
    match disposition {
        Disposition::Mapped { element } => Some(element),
        Disposition::Absorbed {
            element: Some(element),
            ..
        } => Some(element),
        Disposition::AlsoCarried { previous } => element_of(previous),
        _ => None,
    }
}

/// How the rules judged each resource of an import.
fn coverage(imported: &ImportReport, report: &Report, places: &Places<'_>) -> ResourceCoverage {
    let mut coverage = ResourceCoverage::default();
    for entry in &imported.entries {
        if matches!(entry.disposition, Disposition::NestedStack { .. }) {
            continue;
        }
        coverage.resources += 1;
        let by_design =
            element_of(&entry.disposition).is_some_and(|element| report.judged.contains(element));
        let carried = matches!(
            entry.disposition,
            Disposition::Carried { .. } | Disposition::AlsoCarried { .. }
        );
        let by_generic = carried
            && report
                .judged
                .contains(&carried_subject("Resources", &entry.design_logical_id));
        if by_design {
            coverage.by_design_rules += 1;
        } else if by_generic {
            coverage.by_generic_checks += 1;
        } else {
            let (file, location, _) = places.entry(entry);
            coverage.not_judged.push(UnjudgedResource {
                file,
                logical_id: entry.logical_id.clone(),
                resource_type: entry.resource_type.clone(),
                line: location.line,
                column: location.column,
            });
        }
    }
    coverage
}
