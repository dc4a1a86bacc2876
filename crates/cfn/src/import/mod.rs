//! Importing a CloudFormation template into a design: networking into segments, resources into
//! components and identities, security-group rules, listeners, integrations and IAM policies
//! into flows, and everything the design cannot express carried verbatim so an export writes it
//! back unchanged. Nothing is dropped silently: the [`ImportReport`] says what became what, and
//! why anything was carried.
//!
//! The importer does no I/O. Nested stacks are read through a loader the caller supplies.

mod carried;
mod components;
mod design_marker;
pub(crate) mod eval;
mod flows;
mod identities;
mod ids;
mod layout;
mod network;
mod report;
mod sam;
mod support;
mod transforms;
mod trust;

use std::cell::RefCell;
use std::collections::HashMap;

use zta_model::{Design, SegmentKind, Tier};

use crate::error::{Error, Result};
use crate::parse::{Budget, Format, Limits, parse_value_within};
use crate::template::Template;
use crate::value::{Location, Map, Value};

pub use report::{Disposition, ImportReport, ReportEntry};

/// Where a nested stack's child template may be found next to its parent, most specific first:
/// the path parts of its `TemplateURL` after the host, then ever shorter tails of them. A part
/// still holding an unresolved `${...}` ends the list, since it cannot name a local file.
///
/// `https://s3.amazonaws.com/bucket/infrastructure/vpc.yaml` gives `bucket/infrastructure/vpc.yaml`,
/// `infrastructure/vpc.yaml` and `vpc.yaml`; a caller joins each to the parent's folder and reads
/// the first that exists.
pub fn nested_template_candidates(url: &str) -> Vec<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, path)| path)
    });
    let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    // Only the parts after the last unresolved one can name a file, and no real layout nests
    // deeper than MAX_URL_PARTS; counting from the end keeps this linear in the URL.
    let usable = parts
        .iter()
        .rposition(|part| part.contains("${"))
        .map_or(0, |last| last + 1)
        .max(parts.len().saturating_sub(MAX_URL_PARTS));
    (usable..parts.len())
        .map(|start| parts[start..].join("/"))
        .collect()
}

/// Most trailing path parts of a `TemplateURL` tried as local files.
const MAX_URL_PARTS: usize = 16;

/// A nested stack's template as the caller's loader found it.
#[derive(Debug, Clone)]
pub struct NestedTemplate {
    /// The name that errors and the report use (normally the file path).
    pub origin: String,
    pub text: String,
}

/// Reads a nested stack's child template from its `TemplateURL`: `Ok(None)` when it is not
/// available locally (the stack is carried), `Err` with the reason when the URL names a file
/// that must not be read (the import stops, naming the `TemplateURL`'s line).
pub type NestedLoader<'a> = &'a dyn Fn(&str) -> std::result::Result<Option<NestedTemplate>, String>;

/// How to import.
#[derive(Default)]
pub struct ImportOptions<'a> {
    pub limits: Limits,
    /// Loads a nested stack's template from its `TemplateURL` (resolved as far as possible);
    /// `None` when it is not available locally. Without a loader, nested stacks are carried.
    pub load_nested: Option<NestedLoader<'a>>,
    /// The design's name; the template's origin when absent.
    pub design_name: Option<String>,
}

/// The imported design and the report of what became what.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub design: Design,
    pub report: ImportReport,
}

/// Most nested-stack levels followed, and most stacks loaded in all, so that a template that
/// nests itself ends.
const MAX_NESTING: usize = 5;
const MAX_STACKS: usize = 64;

/// Imports a template (YAML or JSON, told apart by `origin`'s extension or the text).
pub fn import_template(
    text: &str,
    origin: &str,
    options: &ImportOptions<'_>,
) -> Result<ImportOutcome> {
    let format = Format::detect(origin, text);
    let mut importer = Importer::new(options);
    let value = parse_value_within(text, origin, format, &options.limits, &importer.budget)?;
    let template = Template::from_value(value, origin)?;
    let root = transforms::prepare(template, origin, &importer.budget)?;
    importer.stacks.push(Stack {
        origin: origin.to_owned(),
        template: root.template,
        prefix: String::new(),
        id_prefix: String::new(),
        parent: None,
        passed: Map::default(),
    });
    importer.notes.extend(root.notes);
    importer.load_nested_stacks(0, 1)?;
    let name = options.design_name.clone().unwrap_or_else(|| {
        std::path::Path::new(origin).file_stem().map_or_else(
            || origin.to_owned(),
            |stem| stem.to_string_lossy().into_owned(),
        )
    });
    importer.design = Design::new(name);
    importer.design.description = importer.stacks[0]
        .template
        .description
        .as_ref()
        .and_then(Value::as_str)
        .map(|text| text.trim().to_owned());
    importer.run();
    importer.budget.check()?;
    Ok(importer.finish(origin))
}

/// Imports the stacks of one export together (one per account, and the parts of a stack split
/// at CloudFormation's limits), each given as its origin and text, into one design. Each stack
/// is imported alone and their elements are joined: where two stacks give an element with the
/// same id (an account's segment, an actor from each stack's design marker), the first stack's
/// is kept.
pub fn import_stacks(
    stacks: &[(&str, &str)],
    options: &ImportOptions<'_>,
) -> Result<ImportOutcome> {
    let mut joined: Option<ImportOutcome> = None;
    for (origin, text) in stacks {
        let outcome = import_template(text, origin, options)?;
        match &mut joined {
            None => joined = Some(outcome),
            Some(into) => join(into, outcome),
        }
    }
    let mut outcome = joined.ok_or_else(|| Error::Structure {
        origin: String::new(),
        location: Location::new(1, 1),
        message: "no stacks to import".to_owned(),
    })?;
    outcome.design.normalize();
    outcome.design.layout = layout::lay_out(&outcome.design);
    Ok(outcome)
}

/// Adds the elements, carried content and report of one stack's import to another's.
fn join(into: &mut ImportOutcome, from: ImportOutcome) {
    fn union<T>(into: &mut Vec<T>, from: Vec<T>, id: fn(&T) -> &str) {
        let known: std::collections::HashSet<String> =
            into.iter().map(|item| id(item).to_owned()).collect();
        into.extend(from.into_iter().filter(|item| !known.contains(id(item))));
    }
    let (design, other) = (&mut into.design, from.design);
    union(&mut design.segments, other.segments, |s| &s.id);
    union(&mut design.components, other.components, |c| &c.id);
    union(&mut design.identities, other.identities, |i| &i.id);
    union(&mut design.actors, other.actors, |a| &a.id);
    union(&mut design.flows, other.flows, |f| &f.id);
    for (region, safeguard) in other.transfer_safeguards {
        design
            .transfer_safeguards
            .entry(region)
            .or_insert(safeguard);
    }
    for (section, content) in other.carried_cloudformation {
        match (design.carried_cloudformation.get_mut(&section), content) {
            (Some(serde_json::Value::Object(kept)), serde_json::Value::Object(more)) => {
                for (key, value) in more {
                    kept.entry(key).or_insert(value);
                }
            }
            (Some(_), _) => {}
            (None, content) => {
                design.carried_cloudformation.insert(section, content);
            }
        }
    }
    into.report.templates.extend(from.report.templates);
    into.report.entries.extend(from.report.entries);
    into.report.notes.extend(from.report.notes);
}

/// One template being imported: the root, or a nested stack's child.
pub(crate) struct Stack {
    pub origin: String,
    pub template: Template,
    /// Prefix of logical ids from this stack (empty for the root): the nested-stack resources'
    /// logical ids from the root down, run together as CloudFormation requires.
    pub prefix: String,
    /// The same path as a prefix of element ids, with `-` between the parts.
    pub id_prefix: String,
    /// The parent stack and the logical id of the `AWS::CloudFormation::Stack` resource.
    pub parent: Option<(usize, String)>,
    /// The `Parameters` the parent passes, as written in the parent.
    pub passed: Map,
}

impl Stack {
    /// The value the parent passes for a parameter, with the parent stack to resolve it in.
    pub(crate) fn passed_parameter(&self, name: &str) -> Option<(usize, &Value)> {
        let (parent, _) = self.parent.as_ref()?;
        self.passed.get(name).map(|value| (*parent, value))
    }
}

/// A resource of one of the stacks.
pub(crate) type ResourceKey = (usize, String);

/// An actor's trust statement read before the design marker restores the actors: the trust at
/// `index` of `role` names the actor by its logical id until the actor is known, and the
/// identity the statement names otherwise.
pub(crate) struct ActorTrust {
    pub(crate) role: String,
    pub(crate) index: usize,
    pub(crate) actor_logical_id: String,
    pub(crate) signs_in_with: String,
}

/// The state of one import.
pub(crate) struct Importer<'a> {
    pub options: &'a ImportOptions<'a>,
    pub stacks: Vec<Stack>,
    pub design: Design,
    pub ids: ids::Registry,
    /// The design element each mapped resource became.
    pub elements: HashMap<ResourceKey, String>,
    pub dispositions: HashMap<ResourceKey, Disposition>,
    pub notes: Vec<String>,
    /// The segment that account-wide and regional components sit in.
    pub account: String,
    /// The internet segment, once a flow needs it.
    pub internet: Option<String>,
    /// Stand-in VPC and subnets for resources placed in networks the template does not define.
    pub external_vpc: Option<String>,
    pub external_subnets: HashMap<Tier, String>,
    /// Second stand-in subnets, for resources that must span two subnets.
    pub external_twins: HashMap<Tier, String>,
    /// The one budget of work of this import, nested stacks included.
    pub budget: Budget,
    /// Conditions already decided, by stack and name.
    pub conditions: RefCell<HashMap<(usize, String), Option<bool>>>,
    /// For an export of ZTA Designer, the root outputs that are carried content (the others are
    /// the export's own); `None` for any other template, whose outputs are all carried.
    pub carried_outputs: Option<std::collections::HashSet<String>>,
    /// Trusts of actors, which the design marker's actors resolve.
    pub actor_trusts: Vec<ActorTrust>,
}

impl<'a> Importer<'a> {
    fn new(options: &'a ImportOptions<'a>) -> Self {
        Self {
            options,
            stacks: Vec::new(),
            design: Design::new(""),
            ids: ids::Registry::default(),
            elements: HashMap::new(),
            dispositions: HashMap::new(),
            notes: Vec::new(),
            account: String::new(),
            internet: None,
            external_vpc: None,
            external_subnets: HashMap::new(),
            external_twins: HashMap::new(),
            budget: Budget::new(options.limits.max_work_bytes),
            conditions: RefCell::new(HashMap::new()),
            carried_outputs: None,
            actor_trusts: Vec::new(),
        }
    }

    fn run(&mut self) {
        self.add_marker_segments();
        self.account = self.ids.claim("account");
        self.design.segments.push(zta_model::Segment {
            id: self.account.clone(),
            kind: SegmentKind::Account,
            name: "AWS account".to_owned(),
            parent: None,
            description: Some("The account the template deploys into.".to_owned()),
            account_id: None,
            organization_role: None,
            region: None,
            cidr: None,
            az: None,
            tier: None,
            flow_logs: None,
            logical_id: None,
            suppress: Vec::new(),
        });
        self.map_network();
        self.map_identities();
        self.map_components();
        self.resolve_trust_sources();
        self.map_flows();
        // Unstated properties go first: a parameter that only a default stood for (a service's
        // image) is the export's own, not carried content.
        self.restore_unstated();
        self.carry_the_rest();
        self.apply_design_marker();
        self.restore_actor_trusts();
        self.design.normalize();
        self.design.layout = layout::lay_out(&self.design);
    }

    /// Loads the children of a stack's nested-stack resources, depth first.
    fn load_nested_stacks(&mut self, stack: usize, level: usize) -> Result<()> {
        let Some(loader) = self.options.load_nested else {
            return Ok(());
        };
        let nested: Vec<(String, Value, Map)> = self.stacks[stack]
            .template
            .resources
            .iter()
            .filter(|(_, resource)| resource.resource_type == "AWS::CloudFormation::Stack")
            .map(|(logical_id, resource)| {
                let url = resource
                    .property("TemplateURL")
                    .cloned()
                    .unwrap_or(Value::null());
                let passed = resource
                    .property("Parameters")
                    .and_then(Value::as_map)
                    .cloned()
                    .unwrap_or_default();
                (logical_id.clone(), url, passed)
            })
            .collect();
        for (logical_id, url_value, passed) in nested {
            let key = (stack, logical_id.clone());
            let url = self.eval(stack, &url_value).describe();
            if level > MAX_NESTING || self.stacks.len() >= MAX_STACKS {
                self.dispositions.insert(
                    key,
                    Disposition::Carried {
                        reason: format!("nested stack {url} is nested too deeply to follow"),
                    },
                );
                continue;
            }
            let loaded = loader(&url).map_err(|reason| Error::Structure {
                origin: self.stacks[stack].origin.clone(),
                location: url_value.location().unwrap_or(Location::new(1, 1)),
                message: format!("nested stack {logical_id}: TemplateURL {url}: {reason}"),
            })?;
            let Some(child) = loaded else {
                self.dispositions.insert(
                    key,
                    Disposition::Carried {
                        reason: format!(
                            "nested stack: the child template {url} is not available locally"
                        ),
                    },
                );
                continue;
            };
            let parsed = parse_value_within(
                &child.text,
                &child.origin,
                Format::detect(&child.origin, &child.text),
                &self.options.limits,
                &self.budget,
            )
            .and_then(|value| Template::from_value(value, &child.origin))
            .and_then(|template| transforms::prepare(template, &child.origin, &self.budget));
            match parsed {
                Ok(prepared) => {
                    let parent_prefix = self.stacks[stack].prefix.clone();
                    let parent_id_prefix = self.stacks[stack].id_prefix.clone();
                    self.notes.extend(prepared.notes);
                    self.stacks.push(Stack {
                        origin: child.origin.clone(),
                        template: prepared.template,
                        prefix: format!("{parent_prefix}{logical_id}"),
                        id_prefix: format!("{parent_id_prefix}{logical_id}-"),
                        parent: Some((stack, logical_id.clone())),
                        passed,
                    });
                    self.dispositions.insert(
                        key,
                        Disposition::NestedStack {
                            child: child.origin,
                        },
                    );
                    let child_index = self.stacks.len() - 1;
                    self.load_nested_stacks(child_index, level + 1)?;
                }
                // A spent budget stops the whole import, not only this child.
                Err(error @ (Error::WorkLimit { .. } | Error::LoopLimit { .. })) => {
                    return Err(error);
                }
                Err(error) => {
                    self.dispositions.insert(
                        key,
                        Disposition::Carried {
                            reason: format!(
                                "nested stack: the child template does not import: {error}"
                            ),
                        },
                    );
                }
            }
        }
        Ok(())
    }

    /// The stack loaded for a nested-stack resource of `stack`.
    pub(crate) fn child_stack(&self, stack: usize, logical_id: &str) -> Option<usize> {
        self.stacks.iter().position(|candidate| {
            candidate
                .parent
                .as_ref()
                .is_some_and(|(parent, resource)| *parent == stack && resource == logical_id)
        })
    }

    /// Every resource of every stack with its type, in stack and template order.
    pub(crate) fn resources_of_type(&self, resource_type: &str) -> Vec<ResourceKey> {
        self.stacks
            .iter()
            .enumerate()
            .flat_map(|(index, stack)| {
                stack
                    .template
                    .resources
                    .iter()
                    .filter(move |(_, resource)| resource.resource_type == resource_type)
                    .map(move |(logical_id, _)| (index, logical_id.clone()))
            })
            .collect()
    }

    /// The resources of a type that may become elements of the design: all but those an export
    /// of ZTA Designer wrote as a part of an element (a function's log group, a service's role,
    /// the account's default key), which the next export regenerates from that element.
    pub(crate) fn element_resources_of_type(&self, resource_type: &str) -> Vec<ResourceKey> {
        let mut keys = self.resources_of_type(resource_type);
        keys.retain(|key| self.designer_part(key).is_none());
        keys
    }

    pub(crate) fn resource(&self, key: &ResourceKey) -> &crate::template::Resource {
        &self.stacks[key.0].template.resources[&key.1]
    }

    /// The logical id a resource has in the design (nested stacks' ids carry their stack's).
    pub(crate) fn design_logical_id(&self, key: &ResourceKey) -> String {
        format!("{}{}", self.stacks[key.0].prefix, key.1)
    }

    /// The name an element id is derived from: the logical id, after its stack's path.
    pub(crate) fn element_name(&self, key: &ResourceKey) -> String {
        format!("{}{}", self.stacks[key.0].id_prefix, key.1)
    }

    /// The element a resource value refers to, when it was mapped.
    pub(crate) fn element_for(&self, key: &ResourceKey) -> Option<&String> {
        self.elements.get(key)
    }

    pub(crate) fn mark(&mut self, key: ResourceKey, disposition: Disposition) {
        self.dispositions.entry(key).or_insert(disposition);
    }

    fn finish(self, origin: &str) -> ImportOutcome {
        let report = self.report(origin);
        ImportOutcome {
            design: self.design,
            report,
        }
    }
}
