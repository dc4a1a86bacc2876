//! Flows from Step Functions state machines: each `Task` state of a definition calls a service,
//! either a Lambda function named as its `Resource` or an integration
//! (`arn:aws:states:::sqs:sendMessage`, `arn:aws:states:::aws-sdk:s3:getObject`) whose
//! parameters name the resource. Where those names lead to an element of the template, directly
//! (`Fn::GetAtt` in a YAML definition, `${Function.Arn}` in a `Fn::Sub` definition string) or
//! through `DefinitionSubstitutions`, the state machine gets a flow to it with the task's
//! action. A name the template does not resolve gives no flow.
//! Shapes: <https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html>.

use zta_model::{Auth, ComponentKind, Protocol, Tls};

use super::{NewFlow, sub_variables};
use crate::import::{Importer, ResourceKey};
use crate::value::{Function, Map, Value, ValueKind};

/// How deep a definition is walked: nested `Parallel` and `Map` states rarely go past a few
/// levels, and the bound keeps a crafted template from recursing without end.
const MAX_DEPTH: usize = 64;

/// How a definition's `${Name}` placeholders are resolved.
struct Names<'v> {
    stack: usize,
    /// `DefinitionSubstitutions`, and the variable map of a `Fn::Sub` definition string.
    substitutions: Vec<&'v Map>,
    /// Whether the definition came through `Fn::Sub`, where a name that is no substitution is
    /// a logical id (`${Function.Arn}`).
    implicit: bool,
}

impl Importer<'_> {
    pub(super) fn state_machine_flows(&mut self) {
        for key in self
            .resources_of_type(crate::kinds::compute::step_functions_state_machine::RESOURCE_TYPE)
        {
            let Some(machine) = self.element_for(&key).cloned() else {
                continue;
            };
            let resource = self.resource(&key).clone();
            let substitutions = resource
                .property("DefinitionSubstitutions")
                .and_then(Value::as_map);
            let (definition, names) = match (
                resource.property("Definition"),
                resource.property("DefinitionString"),
            ) {
                (Some(definition), _) => (
                    definition.clone(),
                    Names {
                        stack: key.0,
                        substitutions: substitutions.into_iter().collect(),
                        implicit: false,
                    },
                ),
                (None, Some(text)) => {
                    let Some((definition, variables)) = definition_text(text) else {
                        continue;
                    };
                    let mut maps: Vec<&Map> = substitutions.into_iter().collect();
                    maps.extend(variables);
                    (
                        definition,
                        Names {
                            stack: key.0,
                            substitutions: maps,
                            implicit: matches!(
                                &text.kind,
                                ValueKind::Intrinsic(intrinsic) if intrinsic.function == Function::Sub
                            ),
                        },
                    )
                }
                (None, None) => continue,
            };
            let mut tasks = Vec::new();
            collect_tasks(&definition, &mut tasks, 0);
            for (resource, parameters) in tasks {
                self.task_flows(&machine, &key, &names, resource, parameters);
            }
        }
    }

    /// The flows of one `Task` state: to what its `Resource` names (a Lambda function), or, for
    /// an integration, to what its parameters name.
    fn task_flows(
        &mut self,
        machine: &str,
        key: &ResourceKey,
        names: &Names<'_>,
        resource: &Value,
        parameters: Option<&Value>,
    ) {
        let integration = resource
            .as_str()
            .and_then(|arn| arn.split_once(":states:::"))
            .map(|(_, rest)| rest.to_owned());
        let (targets, action) = match &integration {
            Some(rest) => {
                let targets = parameters
                    .map(|parameters| self.named_elements(names, parameters))
                    .unwrap_or_default();
                (targets, integration_action(rest))
            }
            None => (
                self.named_elements(names, resource),
                Some("lambda:InvokeFunction".to_owned()),
            ),
        };
        let Some(action) = action else {
            return;
        };
        for target in targets {
            let own = self
                .element_for(key)
                .is_some_and(|element| *element == target);
            let is_lambda = self
                .design
                .component(&target)
                .is_some_and(|component| component.kind == ComponentKind::LambdaFunction);
            // A `Resource` that is not an integration is a function or an activity; only a
            // function is called.
            if own || (integration.is_none() && !is_lambda) {
                continue;
            }
            self.add_flow(NewFlow {
                source: machine.to_owned(),
                target,
                protocol: Protocol::AwsApi,
                ports: Vec::new(),
                tls: Tls::Tls12,
                auth: Auth::Iam,
                issuer: None,
                actions: vec![action.clone()],
                description: Some("A task of the state machine's definition.".to_owned()),
            });
        }
    }

    /// The elements a part of a definition names, through intrinsic functions or `${Name}`
    /// placeholders.
    fn named_elements(&self, names: &Names<'_>, value: &Value) -> Vec<String> {
        let mut found = Vec::new();
        self.collect_named(names, value, &mut found, 0);
        found
    }

    fn collect_named(
        &self,
        names: &Names<'_>,
        value: &Value,
        found: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let mut push = |element: Option<String>| {
            if let Some(element) = element
                && !found.contains(&element)
            {
                found.push(element);
            }
        };
        match &value.kind {
            ValueKind::String(text) => {
                for name in sub_variables(text.as_str()) {
                    let substituted = names
                        .substitutions
                        .iter()
                        .find_map(|map| map.get(name.as_str()));
                    match substituted {
                        Some(substitute) => {
                            for key in self.referenced_resources(names.stack, substitute) {
                                push(self.element_for(&key).cloned());
                            }
                        }
                        None if names.implicit => {
                            let logical = name.split_once('.').map_or(name.as_str(), |(id, _)| id);
                            push(
                                self.element_for(&(names.stack, logical.to_owned()))
                                    .cloned(),
                            );
                        }
                        None => {}
                    }
                }
            }
            ValueKind::Intrinsic(_) => {
                for key in self.referenced_resources(names.stack, value) {
                    push(self.element_for(&key).cloned());
                }
            }
            ValueKind::List(items) => {
                for item in items {
                    self.collect_named(names, item, found, depth + 1);
                }
            }
            ValueKind::Map(map) => {
                for item in map.values() {
                    self.collect_named(names, item, found, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// A `DefinitionString` read as a definition: a JSON string, or a `Fn::Sub` of one (with its
/// variable map, if given). `None` when the text is built some other way or is not JSON.
fn definition_text(value: &Value) -> Option<(Value, Option<&Map>)> {
    let (text, variables) = match &value.kind {
        ValueKind::String(text) => (text.as_str(), None),
        ValueKind::Intrinsic(intrinsic) if intrinsic.function == Function::Sub => {
            match &intrinsic.argument.kind {
                ValueKind::String(text) => (text.as_str(), None),
                ValueKind::List(items) => (
                    items.first()?.as_str()?,
                    items.get(1).and_then(Value::as_map),
                ),
                _ => return None,
            }
        }
        _ => return None,
    };
    let json: serde_json::Value = serde_json::from_str(text).ok()?;
    Some((crate::json_value::from_json_value(&json), variables))
}

/// Every `Task` state of a definition, with its `Resource` and its `Parameters` (JSONPath) or
/// `Arguments` (JSONata), including those nested in `Parallel` branches and `Map` iterators.
fn collect_tasks<'v>(
    value: &'v Value,
    tasks: &mut Vec<(&'v Value, Option<&'v Value>)>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    match &value.kind {
        ValueKind::Map(map) => {
            if map.get("Type").and_then(Value::as_str) == Some("Task")
                && let Some(resource) = map.get("Resource")
            {
                let parameters = map.get("Parameters").or_else(|| map.get("Arguments"));
                tasks.push((resource, parameters));
            }
            for item in map.values() {
                collect_tasks(item, tasks, depth + 1);
            }
        }
        ValueKind::List(items) => {
            for item in items {
                collect_tasks(item, tasks, depth + 1);
            }
        }
        _ => {}
    }
}

/// The IAM action an integration calls: `lambda:invoke` invokes the function; an AWS SDK
/// integration (`aws-sdk:s3:getObject`) and an optimized one (`sqs:sendMessage`) call the
/// API action they name. The `.sync` and `.waitForTaskToken` patterns call the same action.
fn integration_action(integration: &str) -> Option<String> {
    let call = integration.split('.').next().unwrap_or(integration);
    let call = call.strip_prefix("aws-sdk:").unwrap_or(call);
    let (service, api) = call.split_once(':')?;
    if service == "lambda" && api == "invoke" {
        return Some("lambda:InvokeFunction".to_owned());
    }
    let mut letters = api.chars();
    let first = letters.next()?;
    Some(format!(
        "{service}:{}{}",
        first.to_ascii_uppercase(),
        letters.as_str()
    ))
}

#[cfg(test)]
mod tests {
    use super::integration_action;

    #[test]
    fn integrations_name_the_action_they_call() {
        let action = |integration: &str| integration_action(integration).unwrap();
        assert_eq!(action("lambda:invoke"), "lambda:InvokeFunction");
        assert_eq!(
            action("lambda:invoke.waitForTaskToken"),
            "lambda:InvokeFunction"
        );
        assert_eq!(action("sqs:sendMessage"), "sqs:SendMessage");
        assert_eq!(action("dynamodb:putItem"), "dynamodb:PutItem");
        assert_eq!(
            action("states:startExecution.sync:2"),
            "states:StartExecution"
        );
        assert_eq!(action("aws-sdk:s3:getObject"), "s3:GetObject");
        assert_eq!(integration_action("activity"), None);
    }
}
