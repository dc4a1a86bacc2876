//! What the design cannot express is carried verbatim in the design's `carried_cloudformation`
//! (CloudFormation's JSON form), with the parameters, conditions, mappings and resources it
//! depends on, and the root template's outputs, metadata and rules, so that an export writes it
//! back unchanged. Resources of nested stacks are carried under their stack-prefixed logical ids.

use std::collections::{BTreeSet, HashSet};

use indexmap::IndexMap;

use super::{Disposition, Importer, ResourceKey};
use crate::json_value::to_json_value;
use crate::template::layout::resource_to_value;
use crate::value::{Function, Intrinsic, Map, Value, ValueKind};

/// The names a value refers to, by what they are.
#[derive(Default)]
struct Names {
    references: BTreeSet<String>,
    conditions: BTreeSet<String>,
    mappings: BTreeSet<String>,
    /// Outputs of nested stacks read through `GetAtt Stack.Outputs.Name`: (stack resource,
    /// output name).
    nested_outputs: BTreeSet<(String, String)>,
}

impl Importer<'_> {
    pub(crate) fn carry_the_rest(&mut self) {
        for stack in 0..self.stacks.len() {
            let keys: Vec<String> = self.stacks[stack]
                .template
                .resources
                .keys()
                .cloned()
                .collect();
            for logical_id in keys {
                let key = (stack, logical_id);
                let carried = matches!(
                    self.dispositions.get(&key),
                    None | Some(Disposition::Carried { .. })
                );
                if !carried {
                    continue;
                }
                // What the export generated for an element it regenerates from the design.
                let disposition = match self.designer_element(&key) {
                    Some(element) => Disposition::Absorbed {
                        how: format!("written by the export for `{element}`, which regenerates it"),
                        element: self.design.element(&element).map(|_| element),
                    },
                    None => match self.dispositions.remove(&key) {
                        Some(carried) => carried,
                        None => Disposition::Carried {
                            reason: default_reason(&self.resource(&key).resource_type),
                        },
                    },
                };
                self.dispositions.insert(key, disposition);
            }
        }
        let mut carried: Vec<ResourceKey> = Vec::new();
        for stack in 0..self.stacks.len() {
            for logical_id in self.stacks[stack].template.resources.keys() {
                let key = (stack, logical_id.clone());
                if matches!(
                    self.dispositions.get(&key),
                    Some(Disposition::Carried { .. })
                ) {
                    carried.push(key);
                }
            }
        }
        let root_outputs: Vec<Value> = self.stacks[0]
            .template
            .outputs
            .iter()
            .filter(|(name, _)| self.carries_output(name))
            .map(|(_, output)| {
                let mut value = output.value.clone();
                if let Some(condition) = &output.condition {
                    value = Value::list([value, Value::condition(condition)]);
                }
                value
            })
            .collect();
        // Resources that carried ones (or the outputs) depend on are carried too, whatever else
        // they became, so that every reference in the carried content still resolves.
        let mut pending: Vec<(usize, Names)> = carried
            .iter()
            .map(|key| (key.0, resource_names(self.resource(key))))
            .collect();
        let mut output_names = Names::default();
        for value in &root_outputs {
            collect_names(value, &mut output_names, 0);
        }
        pending.push((0, output_names));
        // Parameters that the design's policies name (`${BucketName}`) are carried too, so that
        // the export declares what its `Sub` values refer to.
        let named = self.names_in_design_texts();
        for (stack, state) in self.stacks.iter().enumerate() {
            let mut names = Names::default();
            for parameter in state.template.parameters.keys() {
                if named.contains(&self.prefixed(stack, parameter)) {
                    names.references.insert(parameter.clone());
                }
            }
            pending.push((stack, names));
        }
        let mut parameters: IndexMap<(usize, String), ()> = IndexMap::new();
        let mut conditions: IndexMap<(usize, String), ()> = IndexMap::new();
        let mut mappings: IndexMap<(usize, String), ()> = IndexMap::new();
        let mut seen: HashSet<ResourceKey> = carried.iter().cloned().collect();
        while let Some((stack, names)) = pending.pop() {
            // A nested stack's output that carried content reads is written in its place (the
            // nested stack itself is imported, not carried), so what the output refers to in the
            // child is carried too.
            for (nested, output) in &names.nested_outputs {
                if let Some(child) = self.child_stack(stack, nested)
                    && let Some(output) = self.stacks[child].template.outputs.get(output)
                {
                    let mut inner = Names::default();
                    collect_names(&output.value, &mut inner, 0);
                    pending.push((child, inner));
                }
            }
            let template = &self.stacks[stack].template;
            for name in &names.references {
                let key = (stack, name.clone());
                if template.resources.contains_key(name) {
                    let nested = matches!(
                        self.dispositions.get(&key),
                        Some(Disposition::NestedStack { .. })
                    );
                    let mapped = matches!(
                        self.dispositions.get(&key),
                        Some(Disposition::Mapped { .. })
                    );
                    let generated = self.designer_element(&key).is_some();
                    if !mapped && !nested && !generated && seen.insert(key.clone()) {
                        pending.push((stack, resource_names(self.resource(&key))));
                        carried.push(key);
                    }
                } else if template.parameters.contains_key(name)
                    && parameters.insert(key, ()).is_none()
                {
                    let mut inner = Names::default();
                    for value in template.parameters[name].attributes.values() {
                        collect_names(value, &mut inner, 0);
                    }
                    pending.push((stack, inner));
                }
            }
            for name in &names.conditions {
                if let Some(condition) = template.conditions.get(name.as_str())
                    && conditions.insert((stack, name.clone()), ()).is_none()
                {
                    let mut inner = Names::default();
                    collect_names(condition, &mut inner, 0);
                    pending.push((stack, inner));
                }
            }
            for name in &names.mappings {
                if template.mappings.contains_key(name.as_str()) {
                    mappings.insert((stack, name.clone()), ());
                }
            }
        }
        let mut rules_names = Names::default();
        for rule in self.stacks[0].template.rules.values() {
            collect_names(rule, &mut rules_names, 0);
        }
        for name in rules_names.references {
            if self.stacks[0].template.parameters.contains_key(&name) {
                parameters.insert((0, name), ());
            }
        }
        self.write_carried(&carried, &parameters, &conditions, &mappings);
    }

    fn write_carried(
        &mut self,
        carried: &[ResourceKey],
        parameters: &IndexMap<(usize, String), ()>,
        conditions: &IndexMap<(usize, String), ()>,
        mappings: &IndexMap<(usize, String), ()>,
    ) {
        let mut sections: IndexMap<String, serde_json::Value> = IndexMap::new();
        let root = &self.stacks[0].template;
        // SAM resources the import did not expand need the SAM transform, which the import took
        // off the template when it expanded the others.
        let serverless = carried.iter().any(|key| {
            self.resource(key)
                .resource_type
                .starts_with("AWS::Serverless::")
        });
        let transform = if serverless {
            Some(super::transforms::with_sam(root.transform.clone()))
        } else {
            root.transform.clone()
        };
        if let Some(transform) = &transform {
            sections.insert("Transform".into(), to_json_value(transform));
        }
        let mut put = |name: &str, map: Map| {
            if !map.is_empty() {
                sections.insert(name.to_owned(), to_json_value(&Value::from(map)));
            }
        };
        // The marker of an export of ZTA Designer is the next export's to write again.
        let mut metadata = root.metadata.clone();
        metadata.shift_remove(crate::marker::METADATA_KEY);
        put("Metadata", metadata);
        put("Rules", root.rules.clone());
        let mut parameter_map = Map::default();
        for (stack, name) in parameters.keys() {
            let mut attributes = self.stacks[*stack].template.parameters[name]
                .attributes
                .clone();
            // A nested stack's parameter takes the value its parent passes, when that is known.
            if let Some((parent, value)) = self.stacks[*stack].passed_parameter(name)
                && let Some(text) = self.eval(parent, value).as_text()
            {
                attributes.insert("Default".into(), Value::string(text.to_owned()));
            }
            parameter_map.insert(
                self.prefixed(*stack, name).into(),
                self.renamed(*stack, &Value::from(attributes)),
            );
        }
        put("Parameters", parameter_map);
        let mapping_map: Map = mappings
            .keys()
            .map(|(stack, name)| {
                (
                    self.prefixed(*stack, name).into(),
                    self.stacks[*stack].template.mappings[name.as_str()].clone(),
                )
            })
            .collect();
        put("Mappings", mapping_map);
        let condition_map: Map = conditions
            .keys()
            .map(|(stack, name)| {
                let condition = &self.stacks[*stack].template.conditions[name.as_str()];
                (
                    self.prefixed(*stack, name).into(),
                    self.renamed(*stack, condition),
                )
            })
            .collect();
        put("Conditions", condition_map);
        let mut resource_map = Map::default();
        for stack in 0..self.stacks.len() {
            for logical_id in self.stacks[stack].template.resources.keys() {
                let key = (stack, logical_id.clone());
                if carried.contains(&key) {
                    let value =
                        self.with_nested_outputs(stack, &resource_to_value(self.resource(&key)), 0);
                    resource_map.insert(
                        self.prefixed(stack, logical_id).into(),
                        self.renamed_resource(stack, &value),
                    );
                }
            }
        }
        resource_map.extend(root.resource_loops.clone());
        put("Resources", resource_map);
        let mut outputs = Map::default();
        for (name, output) in &root.outputs {
            if !self.carries_output(name) {
                continue;
            }
            let mut attributes = Map::default();
            if let Some(description) = &output.description {
                attributes.insert("Description".into(), description.clone());
            }
            if let Some(condition) = &output.condition {
                attributes.insert("Condition".into(), Value::string(condition));
            }
            attributes.insert(
                "Value".into(),
                self.with_nested_outputs(0, &output.value, 0),
            );
            if let Some(export) = &output.export {
                attributes.insert("Export".into(), export.clone());
            }
            attributes.extend(output.other_attributes.clone());
            outputs.insert(name.into(), Value::from(attributes));
        }
        outputs.extend(root.output_loops.clone());
        put("Outputs", outputs);
        for key in carried {
            if !matches!(
                self.dispositions.get(key),
                Some(Disposition::Carried { .. })
            ) {
                let previous = self
                    .dispositions
                    .remove(key)
                    .expect("carried keys have a disposition");
                self.dispositions.insert(
                    key.clone(),
                    Disposition::AlsoCarried {
                        previous: Box::new(previous),
                    },
                );
            }
        }
        self.design.carried_cloudformation = sections;
    }

    /// The `${...}` variable names (without attribute) in the texts the design's components'
    /// properties and identities' policies hold: statements' principals, resources and condition
    /// values, managed policy ARNs, permissions boundaries, and property values such as an
    /// endpoint's service or a container image.
    fn names_in_design_texts(&self) -> HashSet<String> {
        let mut names = HashSet::new();
        for component in &self.design.components {
            let properties =
                serde_json::to_value(&component.properties).expect("properties serialise");
            collect_json_sub_names(&properties, &mut names);
        }
        let statements = self
            .design
            .identities
            .iter()
            .flat_map(|identity| &identity.policies)
            .chain(
                self.design
                    .components
                    .iter()
                    .flat_map(|component| &component.properties.resource_policy),
            );
        let statement_texts = statements.flat_map(|statement| {
            statement
                .principals
                .iter()
                .chain(&statement.resources)
                .chain(
                    statement
                        .conditions
                        .values()
                        .flat_map(|tests| tests.values().flatten()),
                )
        });
        let identity_texts = self.design.identities.iter().flat_map(|identity| {
            identity
                .managed_policies
                .iter()
                .chain(&identity.permissions_boundary)
        });
        names.extend(
            statement_texts
                .chain(identity_texts)
                .flat_map(|text| sub_names(text)),
        );
        names
    }

    /// A name of a stack as it is carried: nested stacks' names carry their stack's prefix.
    fn prefixed(&self, stack: usize, name: &str) -> String {
        format!("{}{name}", self.stacks[stack].prefix)
    }

    /// A value of a stack with every `GetAtt Stack.Outputs.Name` of a nested stack whose child
    /// template was imported replaced by that output's value, written as the child's carried
    /// content is (its names prefixed).
    fn with_nested_outputs(&self, stack: usize, value: &Value, depth: usize) -> Value {
        if depth > 128 {
            return value.clone();
        }
        let kind = match &value.kind {
            ValueKind::List(items) => ValueKind::List(
                items
                    .iter()
                    .map(|item| self.with_nested_outputs(stack, item, depth + 1))
                    .collect(),
            ),
            ValueKind::Map(map) => ValueKind::Map(
                map.iter()
                    .map(|(key, item)| {
                        (
                            key.clone(),
                            self.with_nested_outputs(stack, item, depth + 1),
                        )
                    })
                    .collect(),
            ),
            ValueKind::Intrinsic(intrinsic) => {
                if let Some((nested, attribute)) = value.as_get_att()
                    && let Some(output) = attribute.strip_prefix("Outputs.")
                    && let Some(child) = self.child_stack(stack, nested)
                    && let Some(output) = self.stacks[child].template.outputs.get(output)
                {
                    let inlined = self.with_nested_outputs(child, &output.value, depth + 1);
                    return self.renamed(child, &inlined);
                }
                ValueKind::Intrinsic(Box::new(Intrinsic {
                    function: intrinsic.function.clone(),
                    argument: self.with_nested_outputs(stack, &intrinsic.argument, depth + 1),
                }))
            }
            other => other.clone(),
        };
        Value {
            kind,
            mark: value.mark,
        }
    }

    /// A carried resource of a nested stack with its names prefixed, `DependsOn` included (a
    /// resource attribute, not a value that `renamed` reads).
    fn renamed_resource(&self, stack: usize, resource: &Value) -> Value {
        let mut renamed = self.renamed(stack, resource);
        if self.stacks[stack].prefix.is_empty() {
            return renamed;
        }
        let template = &self.stacks[stack].template;
        let rename = |name: &Value| match name.as_str() {
            Some(name) if template.resources.contains_key(name) => {
                Value::string(self.prefixed(stack, name))
            }
            _ => name.clone(),
        };
        if let ValueKind::Map(map) = &mut renamed.kind
            && let Some(depends_on) = map.get_mut("DependsOn")
        {
            *depends_on = match &depends_on.kind {
                ValueKind::List(names) => Value::list(names.iter().map(rename)),
                _ => rename(depends_on),
            };
        }
        renamed
    }

    /// A value of a nested stack with the names of that stack's resources, parameters,
    /// conditions and mappings prefixed; root values are unchanged.
    fn renamed(&self, stack: usize, value: &Value) -> Value {
        if self.stacks[stack].prefix.is_empty() {
            return value.clone();
        }
        let template = &self.stacks[stack].template;
        let rename = |name: &str| -> String {
            let local = template.resources.contains_key(name)
                || template.parameters.contains_key(name)
                || template.conditions.contains_key(name)
                || template.mappings.contains_key(name);
            if local {
                self.prefixed(stack, name)
            } else {
                name.to_owned()
            }
        };
        rename_value(value, &rename, 0)
    }
}

fn default_reason(resource_type: &str) -> String {
    if resource_type.starts_with("Custom::")
        || resource_type == "AWS::CloudFormation::CustomResource"
    {
        return "custom resource: its behaviour is code the design cannot show; kept verbatim"
            .to_owned();
    }
    if resource_type.starts_with("AWS::Serverless::") {
        return "SAM resource type not expanded by the import; kept verbatim with the SAM transform".to_owned();
    }
    if resource_type == crate::kinds::monitoring::cloudwatch_alarm::RESOURCE_TYPE {
        return "an alarm on a metric other than the critical events the designer writes metric filters for; kept verbatim".to_owned();
    }
    format!("no element of the design stands for {resource_type}; kept verbatim")
}

fn resource_names(resource: &crate::template::Resource) -> Names {
    let mut names = Names::default();
    collect_names(&resource_to_value(resource), &mut names, 0);
    names.references.extend(resource.depends_on.iter().cloned());
    if let Some(condition) = &resource.condition {
        names.conditions.insert(condition.clone());
    }
    names
}

/// Collects the names a value refers to: `Ref`, `GetAtt`, `Sub` variables, conditions (through
/// `Condition` and `If`) and `FindInMap` mappings.
fn collect_names(value: &Value, names: &mut Names, depth: usize) {
    if depth > 128 {
        return;
    }
    match &value.kind {
        ValueKind::List(items) => items
            .iter()
            .for_each(|item| collect_names(item, names, depth + 1)),
        ValueKind::Map(map) => map
            .values()
            .for_each(|item| collect_names(item, names, depth + 1)),
        ValueKind::Tagged { value, .. } => collect_names(value, names, depth + 1),
        ValueKind::Intrinsic(intrinsic) => {
            let args = intrinsic.argument.as_list().unwrap_or_default();
            match intrinsic.function {
                Function::Ref => {
                    if let Some(name) = intrinsic.argument.as_str() {
                        names.references.insert(name.to_owned());
                    }
                }
                Function::GetAtt => {
                    if let Some(name) = args.first().and_then(Value::as_str) {
                        names.references.insert(name.to_owned());
                        if let Some(output) = args
                            .get(1)
                            .and_then(Value::as_str)
                            .and_then(|attribute| attribute.strip_prefix("Outputs."))
                        {
                            names
                                .nested_outputs
                                .insert((name.to_owned(), output.to_owned()));
                        }
                    }
                    args.iter()
                        .skip(1)
                        .for_each(|item| collect_names(item, names, depth + 1));
                }
                Function::Sub => {
                    let text = intrinsic
                        .argument
                        .as_str()
                        .or_else(|| args.first().and_then(Value::as_str))
                        .unwrap_or_default();
                    for name in sub_names(text) {
                        names.references.insert(name);
                    }
                    args.iter()
                        .skip(1)
                        .for_each(|item| collect_names(item, names, depth + 1));
                }
                Function::Condition => {
                    if let Some(name) = intrinsic.argument.as_str() {
                        names.conditions.insert(name.to_owned());
                    }
                }
                Function::If => {
                    if let Some(name) = args.first().and_then(Value::as_str) {
                        names.conditions.insert(name.to_owned());
                    }
                    args.iter()
                        .skip(1)
                        .for_each(|item| collect_names(item, names, depth + 1));
                }
                Function::FindInMap => {
                    if let Some(name) = args.first().and_then(Value::as_str) {
                        names.mappings.insert(name.to_owned());
                    }
                    args.iter()
                        .for_each(|item| collect_names(item, names, depth + 1));
                }
                _ => collect_names(&intrinsic.argument, names, depth + 1),
            }
        }
        _ => {}
    }
}

/// The `Sub` variable names in every string of a JSON value.
fn collect_json_sub_names(value: &serde_json::Value, names: &mut HashSet<String>) {
    match value {
        serde_json::Value::String(text) => names.extend(sub_names(text)),
        serde_json::Value::Array(items) => items
            .iter()
            .for_each(|item| collect_json_sub_names(item, names)),
        serde_json::Value::Object(entries) => entries
            .values()
            .for_each(|item| collect_json_sub_names(item, names)),
        _ => {}
    }
}

/// The resource or parameter names of a `Sub` template's variables (`${A.B}` names `A`).
fn sub_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        let name = rest[start + 2..start + length].trim();
        if !name.starts_with('!') {
            let base = name.split('.').next().unwrap_or(name);
            names.push(base.to_owned());
        }
        rest = &rest[start + length + 1..];
    }
    names
}

fn rename_value(value: &Value, rename: &dyn Fn(&str) -> String, depth: usize) -> Value {
    if depth > 128 {
        return value.clone();
    }
    let kind = match &value.kind {
        ValueKind::List(items) => ValueKind::List(
            items
                .iter()
                .map(|item| rename_value(item, rename, depth + 1))
                .collect(),
        ),
        ValueKind::Map(map) => ValueKind::Map(
            map.iter()
                .map(|(key, item)| (key.clone(), rename_value(item, rename, depth + 1)))
                .collect(),
        ),
        ValueKind::Intrinsic(intrinsic) => {
            let argument = match (&intrinsic.function, &intrinsic.argument.kind) {
                (Function::Ref | Function::Condition, ValueKind::String(name)) => {
                    Value::string(rename(name))
                }
                (Function::Sub, ValueKind::String(text)) => Value::string(rename_sub(text, rename)),
                (
                    Function::GetAtt | Function::If | Function::FindInMap | Function::Sub,
                    ValueKind::List(items),
                ) => {
                    let mut items: Vec<Value> = items
                        .iter()
                        .map(|item| rename_value(item, rename, depth + 1))
                        .collect();
                    if let Some(first) = items.first_mut()
                        && let Some(name) = first.as_str()
                    {
                        *first = Value::string(if intrinsic.function == Function::Sub {
                            rename_sub(name, rename)
                        } else {
                            rename(name)
                        });
                    }
                    Value::list(items)
                }
                _ => rename_value(&intrinsic.argument, rename, depth + 1),
            };
            ValueKind::Intrinsic(Box::new(Intrinsic {
                function: intrinsic.function.clone(),
                argument,
            }))
        }
        other => other.clone(),
    };
    Value {
        kind,
        mark: value.mark,
    }
}

fn rename_sub(text: &str, rename: &dyn Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let name = &rest[start + 2..start + length];
        if name.starts_with('!') {
            out.push_str(&rest[start..start + length + 1]);
        } else {
            let (base, attribute) = match name.split_once('.') {
                Some((base, attribute)) => (base, Some(attribute)),
                None => (name, None),
            };
            out.push_str("${");
            out.push_str(&rename(base));
            if let Some(attribute) = attribute {
                out.push('.');
                out.push_str(attribute);
            }
            out.push('}');
        }
        rest = &rest[start + length + 1..];
    }
    out.push_str(rest);
    out
}
