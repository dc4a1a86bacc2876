//! Export: a design becomes CloudFormation that implements it with zero-trust defaults.
//!
//! Every component kind becomes the resources of the product table; wherever the design says
//! nothing, the zero-trust choice is made (KMS encryption with rotation, TLS-only listeners,
//! blocked public access, IAM database authentication, managed passwords, MFA, private
//! endpoints, Session Manager, flow logs, retained and encrypted logs). Flows become least
//! privilege: one security group per component with exactly the flows' ports from exactly their
//! sources, one IAM statement per flow with exactly its actions on its target's ARN, bucket
//! policies that refuse plain HTTP and requests from outside the design's VPC endpoints, key
//! policies naming the roles that use each key, and a WAF web ACL on every internet-facing
//! endpoint. What the design states is exported as stated, secure or not: the rules judge the
//! design, the exporter only implements it.
//!
//! Logical IDs derive from element ids ([`logical_id`]) unless an element carries its own (an
//! imported element keeps its template's), and every resource's Metadata names the element it
//! implements, so the report can chain a finding to the resource; a supporting resource's
//! Metadata also names its part (`Part: LogGroup`), so that importing the template back makes
//! no element of it. A design with
//! several accounts becomes one stack per account, wired together by the manifest; an account
//! whose template would exceed 500 resources or 1 MB is split into several stacks joined by
//! exports. Nothing here does I/O: [`Export::files`] hands back file names and contents.

pub(crate) mod builder;
mod carried;
mod context;
mod error;
mod extras;
pub(crate) mod ids;
pub(crate) mod roles;
pub(crate) mod security_groups;
mod split;
mod stack_name;
pub(crate) mod statements;
pub(crate) mod support;
pub(crate) mod trust;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use zta_model::{Design, SegmentKind};

pub use error::{ExportError, ExportResult};
pub use extras::{ManualStep, ParameterWiring, StepAction};
pub use ids::logical_id;

use crate::pitfalls::{Pitfall, find_pitfalls};
use crate::template::Template;
use crate::value::Value;
use crate::write::{to_json, to_yaml};
use crate::{kinds, marker};

/// The largest template body CloudFormation accepts inline; a larger one must be uploaded to S3
/// and deployed by `TemplateURL`.
pub const INLINE_TEMPLATE_LIMIT: usize = 51_200;

/// Limits for one stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// The most resources one template may hold (CloudFormation's limit is 500).
    pub max_resources: usize,
    /// The largest template, in bytes (CloudFormation's limit through S3 is 1 MB).
    pub max_template_bytes: usize,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            max_resources: 500,
            max_template_bytes: 1_000_000,
        }
    }
}

/// The written form of the templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateFormat {
    Yaml,
    Json,
}

impl TemplateFormat {
    pub fn extension(self) -> &'static str {
        match self {
            TemplateFormat::Yaml => "yaml",
            TemplateFormat::Json => "json",
        }
    }

    pub fn write(self, template: &Template) -> String {
        match self {
            TemplateFormat::Yaml => to_yaml(template),
            TemplateFormat::Json => to_json(template),
        }
    }
}

/// A parameter filled from another stack's output at deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterSource {
    pub parameter: String,
    pub stack: String,
    pub output: String,
}

/// One stack of the export, in deployment order.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportedStack {
    /// The stack name, e.g. `shop-prod-account` or `shop-prod-account-network`.
    pub name: String,
    /// The account segment it deploys to, if the design names accounts.
    pub account: Option<String>,
    pub account_id: Option<String>,
    pub region: Option<String>,
    pub template: Template,
    /// Stacks that must be deployed first.
    pub depends_on: Vec<String>,
    /// Parameters to fill from other stacks' outputs.
    pub parameters_from: Vec<ParameterSource>,
}

/// The export of a design.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub design: String,
    /// Stacks in the order they must be deployed.
    pub stacks: Vec<ExportedStack>,
    pub manual_steps: Vec<ManualStep>,
    pub warnings: Vec<String>,
}

/// One file to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// A file name, relative to the output folder.
    pub name: String,
    pub contents: String,
}

/// Exports a design.
pub fn export_design(design: &Design, options: &ExportOptions) -> ExportResult<Export> {
    let context = builder::Context::new(design)?;
    // The component generators read only the design and write only their own builder, so they
    // run in parallel; joining their builders in this order gives what running them one after
    // another would. Identities come last: they take what the components added to their roles.
    let generators: [fn(&mut builder::Builder<'_>); 6] = [
        kinds::network::generate,
        security_groups::generate,
        kinds::data::generate,
        kinds::compute::generate,
        kinds::edge::generate,
        kinds::monitoring::generate,
    ];
    let mut drafts: Vec<builder::Builder<'_>> = generators
        .par_iter()
        .map(|generate| {
            let mut draft = builder::Builder::new(&context);
            generate(&mut draft);
            draft
        })
        .collect();
    // The identities need only what the components added to their roles; they are written into
    // a builder of their own while the others are joined, and joined last, as they would come.
    let mut roles = builder::Builder::new(&context);
    for draft in &mut drafts {
        roles.add_role_extras(std::mem::take(&mut draft.role_extras));
    }
    let mut builder = drafts.remove(0);
    let ((), roles) = rayon::join(
        || drafts.into_iter().for_each(|draft| builder.absorb(draft)),
        || {
            kinds::identity::generate(&mut roles);
            roles
        },
    );
    builder.absorb(roles);
    kinds::mark_drawn(&mut builder);
    carried::merge(&mut builder)?;
    let (units, extras) = builder.finish()?;
    // The elements some resource stands for; the design marker holds the rest of the design.
    let implemented: HashSet<String> = units
        .values()
        .flat_map(|unit| unit.template.resources.values())
        .filter_map(|resource| marker::field(resource, marker::ELEMENT))
        .map(str::to_owned)
        .collect();
    let mut warnings = extras.warnings;
    let design_slug = ids::slug(&design.name);
    let multi_account = design
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Account)
        .count()
        > 1;
    let mut prepared: Vec<PreparedUnit> = Vec::new();
    for (key, unit) in units {
        let account = design.segment(&key);
        let region = design
            .segments
            .iter()
            .find(|s| s.kind == SegmentKind::Region && s.parent.as_deref() == Some(key.as_str()))
            .and_then(|s| s.region.clone());
        let mut template = unit.template;
        template.format_version = Some(Value::string("2010-09-09"));
        let label = account.map_or_else(
            || design.name.clone(),
            |a| format!("{} / {}", design.name, a.name),
        );
        template.description = Some(Value::string(format!("ZTA Designer export of {label}")));
        template.metadata.insert(
            marker::METADATA_KEY.into(),
            marker::design_marker(design, account.map(|a| a.id.as_str()), &implemented),
        );
        if template.resources.is_empty() {
            continue;
        }
        let base = if multi_account || key != builder::MAIN_UNIT {
            format!("{design_slug}-{}", ids::slug(&key))
        } else {
            design_slug.clone()
        };
        prepared.push(PreparedUnit {
            key,
            account,
            region,
            base,
            template,
            groups: unit.groups,
            sizes: unit.sizes,
        });
    }
    // Measuring, splitting and checking one account's template is independent of every
    // other's; the pitfalls of each part are found while its resources are still in the cache.
    let split_units: Vec<SplitUnit> = prepared
        .into_par_iter()
        .map(|mut unit| {
            let template = std::mem::take(&mut unit.template);
            let (parts, warning) = stack_parts(&design.name, &unit, template, options);
            let pitfalls = parts
                .iter()
                .map(|part| find_pitfalls(&part.template))
                .collect();
            SplitUnit {
                unit,
                parts,
                warning,
                pitfalls,
            }
        })
        .collect();
    let mut stacks: Vec<ExportedStack> = Vec::new();
    let mut unit_of_stack: Vec<String> = Vec::new();
    let mut pitfalls_of_stack: HashMap<String, Vec<Pitfall>> = HashMap::new();
    for SplitUnit {
        unit,
        parts,
        warning,
        pitfalls,
    } in split_units
    {
        warnings.extend(warning);
        let PreparedUnit {
            key,
            account,
            region,
            base,
            ..
        } = unit;
        for (part, pitfalls) in parts.into_iter().zip(pitfalls) {
            let name = stack_name::capped(if part.name.is_empty() {
                base.clone()
            } else {
                format!("{base}-{}", part.name)
            });
            pitfalls_of_stack.insert(name.clone(), pitfalls);
            stacks.push(ExportedStack {
                name,
                account: account.map(|a| a.id.clone()),
                account_id: account.and_then(|a| a.account_id.clone()),
                region: region.clone(),
                template: part.template,
                depends_on: part
                    .imports_from
                    .iter()
                    .map(|p| stack_name::capped(format!("{base}-{p}")))
                    .collect(),
                parameters_from: Vec::new(),
            });
            unit_of_stack.push(key.clone());
        }
    }
    for wiring in &extras.wirings {
        let source = stacks
            .iter()
            .zip(&unit_of_stack)
            .find(|(stack, unit)| {
                **unit == wiring.from_unit && stack.template.outputs.contains_key(&wiring.output)
            })
            .map(|(stack, _)| stack.name.clone());
        let Some(source) = source else { continue };
        for (stack, unit) in stacks.iter_mut().zip(&unit_of_stack) {
            if *unit == wiring.to_unit && stack.template.parameters.contains_key(&wiring.parameter)
            {
                stack.parameters_from.push(ParameterSource {
                    parameter: wiring.parameter.clone(),
                    stack: source.clone(),
                    output: wiring.output.clone(),
                });
                if !stack.depends_on.contains(&source) {
                    stack.depends_on.push(source.clone());
                }
            }
        }
    }
    let stacks = deploy_order(stacks, &mut warnings);
    for stack in &stacks {
        for pitfall in pitfalls_of_stack.remove(&stack.name).unwrap_or_default() {
            warnings.push(format!(
                "stack `{}`, resource `{}`: {:?}",
                stack.name, pitfall.logical_id, pitfall.kind
            ));
        }
    }
    Ok(Export {
        design: design.name.clone(),
        stacks,
        manual_steps: extras.manual_steps,
        warnings,
    })
}

/// One account's template, ready to be measured and split into stacks.
struct PreparedUnit<'d> {
    key: String,
    account: Option<&'d zta_model::Segment>,
    region: Option<String>,
    /// The stack name, or the prefix of the names of the stacks it splits into.
    base: String,
    template: Template,
    groups: Vec<builder::Group>,
    /// The bytes each resource adds to the template's JSON form, by its place.
    sizes: Vec<usize>,
}

/// One account's stacks: the parts its template became, the warning that it was split, and
/// the pitfalls found in each part.
struct SplitUnit<'d> {
    unit: PreparedUnit<'d>,
    parts: Vec<split::Part>,
    warning: Option<String>,
    pitfalls: Vec<Vec<Pitfall>>,
}

/// The stacks one account's template becomes: itself when it is within CloudFormation's limits,
/// else its split, with a warning saying so.
fn stack_parts(
    design: &str,
    unit: &PreparedUnit<'_>,
    mut template: Template,
    options: &ExportOptions,
) -> (Vec<split::Part>, Option<String>) {
    let resources = std::mem::take(&mut template.resources);
    let entries = unit.sizes.iter().sum();
    let bytes = crate::write::json_size_with_resources(&template, entries, resources.len());
    template.resources = resources;
    debug_assert_eq!(
        bytes,
        split::size(&template),
        "the measured resources add up to the template's size"
    );
    if template.resources.len() <= options.max_resources && bytes <= options.max_template_bytes {
        let part = split::Part {
            name: String::new(),
            template,
            imports_from: Vec::new(),
        };
        return (vec![part], None);
    }
    let marker = template.metadata.clone();
    let mut parts = split::split(
        template,
        &unit.groups,
        &unit.sizes,
        &unit.base,
        options.max_resources,
        options.max_template_bytes,
    );
    let warning = format!(
        "the template of `{}` exceeds CloudFormation's limits ({} resources); it is split into {} stacks joined by exports",
        unit.key,
        unit.groups.len(),
        parts.len()
    );
    // The first part keeps the design marker, which an import of the parts together reads once.
    for (index, part) in parts.iter_mut().enumerate() {
        part.template.metadata = if index == 0 {
            marker.clone()
        } else {
            template_metadata(design, unit.account.map(|a| a.id.as_str()))
        };
    }
    (parts, Some(warning))
}

fn template_metadata(design: &str, account: Option<&str>) -> crate::value::Map {
    let mut entries = vec![("Design", Value::string(design.to_owned()))];
    if let Some(account) = account {
        entries.push(("Account", Value::string(account.to_owned())));
    }
    let mut metadata = crate::value::Map::default();
    metadata.insert(marker::METADATA_KEY.into(), Value::map(entries));
    metadata
}

/// Stacks after the stacks they depend on, otherwise in export order; a cycle (which only
/// cross-account references in both directions could make) keeps export order, with a warning.
fn deploy_order(stacks: Vec<ExportedStack>, warnings: &mut Vec<String>) -> Vec<ExportedStack> {
    let mut remaining = stacks;
    let mut ordered: Vec<ExportedStack> = Vec::new();
    while !remaining.is_empty() {
        let ready = remaining.iter().position(|stack| {
            stack
                .depends_on
                .iter()
                .all(|d| ordered.iter().any(|o| &o.name == d))
        });
        match ready {
            Some(index) => ordered.push(remaining.remove(index)),
            None => {
                warnings.push(format!(
                    "stacks {} depend on each other; deploy them in the listed order and update the first with the second's outputs",
                    remaining.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ")
                ));
                ordered.append(&mut remaining);
            }
        }
    }
    ordered
}

impl Export {
    /// The file name of a stack's template: its position and name.
    pub fn file_name(&self, index: usize, format: TemplateFormat) -> String {
        format!(
            "{:02}-{}.{}",
            index + 1,
            self.stacks[index].name,
            format.extension()
        )
    }

    /// Stacks whose template exceeds the inline limit, with their size in bytes.
    pub fn over_inline_limit(&self, format: TemplateFormat) -> Vec<(String, usize)> {
        self.stacks
            .iter()
            .map(|stack| (stack.name.clone(), format.write(&stack.template).len()))
            .filter(|(_, bytes)| *bytes > INLINE_TEMPLATE_LIMIT)
            .collect()
    }

    /// Every template and the manifest, ready to write into a folder. Each template is written
    /// once, the templates in parallel; the manifest takes its size from the written text.
    pub fn files(&self, format: TemplateFormat) -> Vec<ExportFile> {
        let mut files: Vec<ExportFile> = self
            .stacks
            .par_iter()
            .enumerate()
            .map(|(index, stack)| ExportFile {
                name: self.file_name(index, format),
                contents: format.write(&stack.template),
            })
            .collect();
        let bytes: Vec<usize> = files.iter().map(|file| file.contents.len()).collect();
        files.push(ExportFile {
            name: "manifest.json".into(),
            contents: self.manifest_of(format, &bytes),
        });
        files
    }

    /// The manifest: stacks in deployment order with their files, accounts, sizes, the
    /// parameters to fill from other stacks, the manual steps and the warnings.
    pub fn manifest(&self, format: TemplateFormat) -> String {
        let bytes: Vec<usize> = self
            .stacks
            .iter()
            .map(|stack| format.write(&stack.template).len())
            .collect();
        self.manifest_of(format, &bytes)
    }

    /// The manifest, given the size of each stack's written template.
    fn manifest_of(&self, format: TemplateFormat, bytes: &[usize]) -> String {
        let multi_account = self
            .stacks
            .iter()
            .filter_map(|s| s.account.as_ref())
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            > 1;
        let stacks: Vec<serde_json::Value> = self
            .stacks
            .iter()
            .enumerate()
            .map(|(index, stack)| {
                let bytes = bytes[index];
                let mut entry = serde_json::json!({
                    "order": index + 1,
                    "name": stack.name,
                    "file": self.file_name(index, format),
                    "account": stack.account,
                    "account_id": stack.account_id,
                    "region": stack.region,
                    "resources": stack.template.resources.len(),
                    "bytes": bytes,
                    "upload_to_s3": bytes > INLINE_TEMPLATE_LIMIT,
                    "depends_on": stack.depends_on,
                    "parameters_from_outputs": stack.parameters_from.iter().map(|p| serde_json::json!({
                        "parameter": p.parameter, "stack": p.stack, "output": p.output,
                    })).collect::<Vec<_>>(),
                    "parameters_to_provide": stack.template.parameters.iter()
                        .filter(|(name, parameter)| parameter.default_value().is_none() && !stack.parameters_from.iter().any(|p| &p.parameter == *name))
                        .map(|(name, _)| name.clone())
                        .collect::<Vec<_>>(),
                });
                if multi_account && let Some(account_id) = &stack.account_id {
                    // Each account's stack deploys as an instance of a self-managed StackSet from
                    // the management account, so that one pipeline reaches every account.
                    entry["stack_set"] = serde_json::json!({
                        "name": stack.name,
                        "accounts": [account_id],
                        "regions": stack.region.iter().collect::<Vec<_>>(),
                        "permission_model": "SELF_MANAGED",
                    });
                }
                entry
            })
            .collect();
        let manual = serde_json::to_value(&self.manual_steps).expect("manual steps serialise");
        let manifest = serde_json::json!({
            "design": self.design,
            "generator": "zta-designer",
            "format": format.extension(),
            "stacks": stacks,
            "manual_steps": manual,
            "warnings": self.warnings,
        });
        let mut text = serde_json::to_string_pretty(&manifest).expect("the manifest serialises");
        text.push('\n');
        text
    }
}

/// The logical IDs of the resources that implement each element, across all stacks: what the
/// report's evidence chain links a finding to.
pub fn resources_by_element(export: &Export) -> HashMap<String, Vec<(String, String)>> {
    let mut map: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for stack in &export.stacks {
        for (logical, resource) in &stack.template.resources {
            let element = resource
                .metadata
                .as_ref()
                .and_then(|m| m.get(marker::METADATA_KEY))
                .and_then(|z| z.get(marker::ELEMENT))
                .and_then(Value::as_str);
            if let Some(element) = element {
                map.entry(element.to_owned())
                    .or_default()
                    .push((stack.name.clone(), logical.clone()));
            }
        }
    }
    map
}
