//! Splitting one account's template into several stacks when it exceeds CloudFormation's
//! limits (500 resources, 1 MB through S3): first by part (network, security baseline,
//! workloads by segment), merging parts that reference each other in a cycle, then, for a part
//! still too large, into consecutive slices of its resources in dependency order. References
//! between the resulting stacks become exports and `Fn::ImportValue`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};

use super::builder::Group;
use crate::template::{Output, Resource, Template};
use crate::value::{Function, Map, Value, ValueKind};
use crate::write::json_size;

/// One stack of a split template.
pub(crate) struct Part {
    /// `network`, `security`, `workloads-<segment>`, with `-2`, `-3`... for slices.
    pub(crate) name: String,
    pub(crate) template: Template,
    /// The names of the parts this one imports from.
    pub(crate) imports_from: Vec<String>,
}

/// The size a template is measured by against CloudFormation's limits: its JSON form, in bytes.
pub(crate) fn size(template: &Template) -> usize {
    json_size(template)
}

/// The resources a value refers to (by `Ref`, `GetAtt` and `Sub` variables), with the attribute
/// used (`None` for `Ref`).
fn references<'a>(value: &'a Value, found: &mut Vec<(&'a str, Option<&'a str>)>) {
    match &value.kind {
        ValueKind::List(items) => items.iter().for_each(|item| references(item, found)),
        ValueKind::Map(map) => map.values().for_each(|item| references(item, found)),
        ValueKind::Tagged { value, .. } => references(value, found),
        ValueKind::Intrinsic(intrinsic) => match intrinsic.function {
            Function::Ref => {
                if let Some(name) = intrinsic.argument.as_str() {
                    found.push((name, None));
                }
            }
            Function::GetAtt => {
                if let Some((resource, attribute)) = get_att_parts(&intrinsic.argument) {
                    found.push((resource, Some(attribute)));
                }
            }
            Function::Sub => {
                let (text, variables) = match &intrinsic.argument.kind {
                    ValueKind::String(text) => (text.as_str(), None),
                    ValueKind::List(items) => (
                        items.first().and_then(Value::as_str).unwrap_or(""),
                        items.get(1),
                    ),
                    _ => ("", None),
                };
                let bound = variables.and_then(Value::as_map);
                for variable in sub_variables(text) {
                    let (name, attribute) = match variable.split_once('.') {
                        Some((name, attribute)) => (name, Some(attribute)),
                        None => (variable, None),
                    };
                    let is_bound = bound.is_some_and(|bound| bound.contains_key(name));
                    if !is_bound && !name.starts_with("AWS::") {
                        found.push((name, attribute));
                    }
                }
                if let Some(variables) = variables {
                    references(variables, found);
                }
            }
            _ => references(&intrinsic.argument, found),
        },
        _ => {}
    }
}

/// The resource and attribute a `GetAtt` argument names: `[resource, attribute]`.
fn get_att_parts(argument: &Value) -> Option<(&str, &str)> {
    match argument.as_list()? {
        [resource, attribute] => Some((resource.as_str()?, attribute.as_str()?)),
        _ => None,
    }
}

/// The `${name}` variables of a `Sub` text (not the `${!literal}` escapes).
fn sub_variables(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.starts_with('!') {
            found.push(name);
        }
        rest = &after[end + 1..];
    }
    found
}

/// Splits `template`; `groups` gives each resource's part and `sizes` the bytes it adds to the
/// template (both by its place in the template), `export_prefix` makes export names unique in
/// the account and region.
pub(crate) fn split(
    mut template: Template,
    groups: &[Group],
    sizes: &[usize],
    export_prefix: &str,
    max_resources: usize,
    max_bytes: usize,
) -> Vec<Part> {
    // Resources are numbered by their place in the template, and everything below works on
    // those numbers; the bodies are taken out one by one as they move to their stacks.
    let (names, mut bodies): (Vec<String>, Vec<Option<Resource>>) =
        std::mem::take(&mut template.resources)
            .into_iter()
            .map(|(logical, resource)| (logical, Some(resource)))
            .unzip();
    let number: FxHashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(index, logical)| (logical.as_str(), index))
        .collect();
    let Needs {
        resources: needs,
        parameters: parameters_used,
    } = resource_needs(&bodies, &number, &template);
    // Each resource's part, numbered in the order parts first appear.
    let mut part_names: Vec<&Group> = Vec::new();
    let mut part_number: FxHashMap<&Group, usize> = FxHashMap::default();
    let mut part_of: Vec<usize> = (0..names.len())
        .map(|resource| {
            let group = groups.get(resource).unwrap_or(&Group::Security);
            *part_number.entry(group).or_insert_with(|| {
                part_names.push(group);
                part_names.len() - 1
            })
        })
        .collect();
    let mut edges: BTreeMap<Group, BTreeSet<Group>> = part_names
        .iter()
        .map(|group| ((*group).clone(), BTreeSet::new()))
        .collect();
    let mut crossings: FxHashSet<(usize, usize)> = FxHashSet::default();
    for (from, targets) in needs.iter().enumerate() {
        for &to in targets {
            let (from, to) = (part_of[from], part_of[to]);
            if from != to && crossings.insert((from, to)) {
                let target = part_names[to].clone();
                edges
                    .entry(part_names[from].clone())
                    .or_default()
                    .insert(target);
            }
        }
    }
    // Parts in a cycle cannot be separate stacks: merge each strongly connected set into its
    // first (smallest) part.
    let merged = merge_cycles(&edges);
    let merged_number: Vec<usize> = part_names
        .iter()
        .map(|group| {
            merged
                .get(*group)
                .map_or(part_number[group], |target| part_number[target])
        })
        .collect();
    for part in &mut part_of {
        *part = merged_number[*part];
    }
    // Resources in dependency order, parts in dependency order, then sliced by the limits.
    let order = topological(&needs);
    let mut part_order: Vec<usize> = Vec::new();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); part_names.len()];
    for resource in order {
        let part = part_of[resource];
        if members[part].is_empty() {
            part_order.push(part);
        }
        members[part].push(resource);
    }
    // Each slice keeps a tenth of the byte limit for the exports and imports that joining the
    // stacks adds.
    let budget = max_bytes * 9 / 10;
    let mut slices: Vec<(String, Vec<usize>)> = Vec::new();
    for &part in &part_order {
        let mut current: Vec<usize> = Vec::new();
        let mut bytes = 0;
        let mut index = 1;
        for &resource in &members[part] {
            let size = sizes[resource];
            if !current.is_empty() && (current.len() >= max_resources || bytes + size > budget) {
                let name = slice_name(part_names[part], index);
                slices.push((name, std::mem::take(&mut current)));
                index += 1;
                bytes = 0;
            }
            bytes += size;
            current.push(resource);
        }
        if !current.is_empty() {
            slices.push((slice_name(part_names[part], index), current));
        }
    }
    let mut stack_of = vec![0; names.len()];
    for (stack, (_, members)) in slices.iter().enumerate() {
        for &resource in members {
            stack_of[resource] = stack;
        }
    }
    let stack_named = |logical: &str| number.get(logical).map(|resource| stack_of[*resource]);
    let mut parts: Vec<Part> = slices
        .iter()
        .map(|(name, _)| Part {
            name: name.clone(),
            template: Template::default(),
            imports_from: Vec::new(),
        })
        .collect();
    for (index, (_, members)) in slices.iter().enumerate() {
        for &member in members {
            let mut resource = bodies[member]
                .take()
                .expect("each resource is in one slice");
            resource
                .depends_on
                .retain(|d| stack_named(d) == Some(index));
            let mut imports = Vec::new();
            // Only a resource that needs one in another stack has references to rewrite.
            let crosses = needs[member]
                .iter()
                .any(|target| stack_of[*target] != index);
            if crosses {
                for value in resource.properties.values_mut() {
                    rewrite(
                        value,
                        &|name: &str| stack_named(name).filter(|s| *s != index),
                        export_prefix,
                        &mut imports,
                    );
                }
            }
            for (name, attribute) in imports {
                let owner = stack_of[number[name.as_str()]];
                let owner_name = parts[owner].name.clone();
                if !parts[index].imports_from.contains(&owner_name) {
                    parts[index].imports_from.push(owner_name);
                }
                let output_name = format!(
                    "{name}{}",
                    attribute.as_deref().unwrap_or("").replace('.', "")
                );
                let value = match &attribute {
                    Some(attribute) => Value::get_att(&name, attribute),
                    None => Value::reference(&name),
                };
                parts[owner]
                    .template
                    .outputs
                    .entry(output_name.clone())
                    .or_insert(Output {
                        export: Some(Value::map([(
                            "Name",
                            Value::string(export_name(export_prefix, &name, attribute.as_deref())),
                        )])),
                        ..Output::new(value)
                    });
            }
            parts[index]
                .template
                .resources
                .insert(names[member].clone(), resource);
        }
    }
    // Parameters go where they are used; outputs where the resource they show lives.
    for (part, (_, members)) in parts.iter_mut().zip(&slices) {
        let used: BTreeSet<usize> = members
            .iter()
            .flat_map(|member| parameters_used[*member].iter().copied())
            .collect();
        part.template.parameters = used
            .into_iter()
            .filter_map(|parameter| template.parameters.get_index(parameter))
            .map(|(name, parameter)| (name.clone(), parameter.clone()))
            .collect();
        part.template.format_version = template.format_version.clone();
        part.template.description = template.description.clone();
    }
    for (name, output) in &template.outputs {
        let mut found = Vec::new();
        references(&output.value, &mut found);
        let owner = found
            .iter()
            .find_map(|(name, _)| stack_named(name))
            .unwrap_or(0);
        if let Some(part) = parts.get_mut(owner) {
            part.template.outputs.insert(name.clone(), output.clone());
            for (parameter, _) in found {
                if let Some(value) = template.parameters.get(parameter) {
                    part.template
                        .parameters
                        .insert(parameter.to_owned(), value.clone());
                }
            }
        }
    }
    parts
}

/// What each resource needs, by number: the other resources (by reference or `DependsOn`), and
/// the template's parameters (by reference).
struct Needs {
    resources: Vec<Vec<usize>>,
    parameters: Vec<Vec<usize>>,
}

fn resource_needs(
    bodies: &[Option<Resource>],
    number: &FxHashMap<&str, usize>,
    template: &Template,
) -> Needs {
    let mut needs = Needs {
        resources: Vec::with_capacity(bodies.len()),
        parameters: Vec::with_capacity(bodies.len()),
    };
    let mut found = Vec::new();
    for (index, body) in bodies.iter().enumerate() {
        let Some(resource) = body else {
            needs.resources.push(Vec::new());
            needs.parameters.push(Vec::new());
            continue;
        };
        found.clear();
        for value in resource.properties.values() {
            references(value, &mut found);
        }
        let referenced = found.iter().map(|(name, _)| *name);
        let depends_on = resource.depends_on.iter().map(String::as_str);
        let mut targets: Vec<usize> = referenced
            .chain(depends_on)
            .filter_map(|name| number.get(name).copied())
            .filter(|target| *target != index)
            .collect();
        targets.sort_unstable();
        targets.dedup();
        needs.resources.push(targets);
        let parameters = found
            .iter()
            .filter_map(|(name, _)| template.parameters.get_index_of(*name))
            .collect();
        needs.parameters.push(parameters);
    }
    needs
}

fn slice_name(part: &Group, index: usize) -> String {
    if index == 1 {
        part.name()
    } else {
        format!("{}-{index}", part.name())
    }
}

fn export_name(prefix: &str, logical: &str, attribute: Option<&str>) -> String {
    match attribute {
        Some(attribute) => format!("{prefix}-{logical}-{}", attribute.replace('.', "")),
        None => format!("{prefix}-{logical}"),
    }
}

/// Replaces references to resources of other stacks by imports of their exports.
fn rewrite(
    value: &mut Value,
    elsewhere: &dyn Fn(&str) -> Option<usize>,
    prefix: &str,
    imports: &mut Vec<(String, Option<String>)>,
) {
    let import =
        |name: &str, attribute: Option<&str>, imports: &mut Vec<(String, Option<String>)>| {
            let key = (name.to_owned(), attribute.map(str::to_owned));
            if !imports.contains(&key) {
                imports.push(key);
            }
            Value::import_value(Value::string(export_name(prefix, name, attribute)))
        };
    let replacement = match &mut value.kind {
        ValueKind::List(items) => {
            items
                .iter_mut()
                .for_each(|item| rewrite(item, elsewhere, prefix, imports));
            None
        }
        ValueKind::Map(map) => {
            map.values_mut()
                .for_each(|item| rewrite(item, elsewhere, prefix, imports));
            None
        }
        ValueKind::Intrinsic(intrinsic) => match intrinsic.function {
            Function::Ref => intrinsic
                .argument
                .as_str()
                .filter(|name| elsewhere(name).is_some())
                .map(|name| name.to_owned())
                .map(|name| import(&name, None, imports)),
            Function::GetAtt => get_att_parts(&intrinsic.argument)
                .filter(|(name, _)| elsewhere(name).is_some())
                .map(|(name, attribute)| (name.to_owned(), attribute.to_owned()))
                .map(|(name, attribute)| import(&name, Some(&attribute), imports)),
            Function::Sub => {
                let (text, mut variables) = match &intrinsic.argument.kind {
                    ValueKind::String(text) => (text.to_string(), Map::default()),
                    ValueKind::List(items) => (
                        items
                            .first()
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_owned(),
                        items
                            .get(1)
                            .and_then(Value::as_map)
                            .cloned()
                            .unwrap_or_default(),
                    ),
                    _ => (String::new(), Map::default()),
                };
                for variable in variables.values_mut() {
                    rewrite(variable, elsewhere, prefix, imports);
                }
                let mut new_text = text.clone();
                for variable in sub_variables(&text) {
                    let (name, attribute) = match variable.split_once('.') {
                        Some((name, attribute)) => (name, Some(attribute)),
                        None => (variable, None),
                    };
                    if variables.contains_key(name) || elsewhere(name).is_none() {
                        continue;
                    }
                    let local = format!("{name}{}", attribute.unwrap_or("").replace('.', ""));
                    variables.insert(local.clone().into(), import(name, attribute, imports));
                    new_text =
                        new_text.replace(&format!("${{{variable}}}"), &format!("${{{local}}}"));
                }
                if variables.is_empty() {
                    None
                } else {
                    Some(Value::sub_with(new_text, variables))
                }
            }
            _ => {
                rewrite(&mut intrinsic.argument, elsewhere, prefix, imports);
                None
            }
        },
        _ => None,
    };
    if let Some(replacement) = replacement {
        *value = replacement;
    }
}

/// Resources in an order where each comes after those it needs, keeping the template's order
/// wherever the references allow (Kahn's algorithm, lowest number first).
fn topological(needs: &[Vec<usize>]) -> Vec<usize> {
    let mut dependants: Vec<Vec<usize>> = vec![Vec::new(); needs.len()];
    let mut pending: Vec<usize> = needs.iter().map(Vec::len).collect();
    for (resource, targets) in needs.iter().enumerate() {
        for &target in targets {
            dependants[target].push(resource);
        }
    }
    let mut ready: BTreeSet<usize> = (0..needs.len()).filter(|i| pending[*i] == 0).collect();
    let mut order = Vec::with_capacity(needs.len());
    while let Some(next) = ready.pop_first() {
        order.push(next);
        for &dependant in &dependants[next] {
            pending[dependant] -= 1;
            if pending[dependant] == 0 {
                ready.insert(dependant);
            }
        }
    }
    // A cycle (which CloudFormation would refuse anyway) keeps its members in template order.
    order.extend((0..needs.len()).filter(|i| pending[*i] > 0));
    order
}

/// For each group in a cycle, the group it merges into (the smallest of its cycle).
fn merge_cycles(edges: &BTreeMap<Group, BTreeSet<Group>>) -> HashMap<Group, Group> {
    let groups: Vec<&Group> = edges.keys().collect();
    let reaches = |from: &Group, to: &Group| {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from];
        while let Some(next) = stack.pop() {
            if next == to {
                return true;
            }
            if seen.insert(next) {
                stack.extend(edges.get(next).into_iter().flatten());
            }
        }
        false
    };
    let mut merged = HashMap::new();
    for group in &groups {
        if let Some(first) = groups
            .iter()
            .find(|other| reaches(group, other) && reaches(other, group))
        {
            merged.insert((*group).clone(), (*first).clone());
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Resource;

    #[test]
    fn sub_variables_skip_escapes() {
        assert_eq!(
            sub_variables("a${X}b${!Literal}${Y.Arn}"),
            vec!["X", "Y.Arn"]
        );
    }

    fn entry_sizes(template: &Template) -> Vec<usize> {
        template
            .resources
            .iter()
            .map(|(logical_id, resource)| crate::write::resource_entry_size(logical_id, resource))
            .collect()
    }

    #[test]
    fn references_across_stacks_become_imports_and_exports() {
        let mut template = Template::default();
        template.resources.insert(
            "Vpc".into(),
            Resource::new("AWS::EC2::VPC").with_property("CidrBlock", "10.0.0.0/16"),
        );
        template.resources.insert(
            "Group".into(),
            Resource::new("AWS::EC2::SecurityGroup")
                .with_property("GroupDescription", "g")
                .with_property("VpcId", Value::reference("Vpc"))
                .with_property("Tag", Value::sub("${Vpc.CidrBlock}-x"))
                .with_property("Cidr", Value::get_att("Vpc", "CidrBlock")),
        );
        let groups = [Group::Network, Group::Workload("app".into())];
        let sizes = entry_sizes(&template);
        let parts = split(template, &groups, &sizes, "p", 500, 1_000_000);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].name, "network");
        let group = &parts[1].template.resources["Group"];
        assert_eq!(
            group.properties["VpcId"],
            Value::import_value(Value::string("p-Vpc"))
        );
        assert_eq!(
            group.properties["Tag"],
            Value::sub_with(
                "${VpcCidrBlock}-x",
                [(
                    "VpcCidrBlock",
                    Value::import_value(Value::string("p-Vpc-CidrBlock"))
                )]
            )
        );
        assert_eq!(
            group.properties["Cidr"],
            Value::import_value(Value::string("p-Vpc-CidrBlock"))
        );
        assert!(parts[0].template.outputs.contains_key("Vpc"));
        assert_eq!(parts[1].imports_from, vec!["network".to_owned()]);
    }

    #[test]
    fn parts_in_a_cycle_merge_and_big_parts_slice() {
        let mut template = Template::default();
        for i in 0..7 {
            let mut resource = Resource::new("AWS::SNS::Topic");
            if i > 0 {
                resource = resource.with_property(
                    "DisplayName",
                    Value::get_att(format!("T{}", i - 1), "TopicName"),
                );
            }
            template.resources.insert(format!("T{i}"), resource);
        }
        template
            .resources
            .get_mut("T0")
            .unwrap()
            .depends_on
            .push("T6".into());
        template.resources.get_mut("T0").unwrap().depends_on.clear();
        let groups: Vec<Group> = (0..7)
            .map(|i| Group::Workload(format!("s{}", i % 2)))
            .collect();
        let sizes = entry_sizes(&template);
        let parts = split(template, &groups, &sizes, "p", 3, 1_000_000);
        let total: usize = parts.iter().map(|p| p.template.resources.len()).sum();
        assert_eq!(total, 7);
        assert!(parts.iter().all(|p| p.template.resources.len() <= 3));
    }
}
