//! Flows from IAM policies: the actions an identity may call on a component of the template.

use zta_model::{Auth, Protocol, Tls};

use super::{NewFlow, service_prefix};
use crate::import::{Disposition, Importer, ResourceKey};
use crate::value::Value;

impl Importer<'_> {
    /// For each identity, the actions its policies allow on components of the template.
    pub(super) fn identity_flows(&mut self) {
        let mut documents: Vec<(String, usize, Value)> = Vec::new();
        for resource_type in ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"] {
            for key in self.resources_of_type(resource_type) {
                let Some(identity) = self.element_for(&key).cloned() else {
                    continue;
                };
                let policies = self
                    .resource(&key)
                    .property("Policies")
                    .cloned()
                    .unwrap_or(Value::null());
                for policy in self.list_items(key.0, &policies) {
                    if let Some(document) = policy.get("PolicyDocument") {
                        documents.push((identity.clone(), key.0, document.clone()));
                    }
                }
            }
        }
        for resource_type in [
            "AWS::IAM::Policy",
            "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy",
            "AWS::IAM::GroupPolicy",
            "AWS::IAM::ManagedPolicy",
        ] {
            for key in self.resources_of_type(resource_type) {
                let Some(Disposition::Absorbed { how, .. }) = self.dispositions.get(&key) else {
                    continue;
                };
                let targets: Vec<String> = how
                    .trim_start_matches("its statements are on ")
                    .split(", ")
                    .map(str::to_owned)
                    .collect();
                let Some(document) = self.resource(&key).property("PolicyDocument").cloned() else {
                    continue;
                };
                for target in targets {
                    documents.push((target, key.0, document.clone()));
                }
            }
        }
        for (identity, stack, document) in documents {
            let statements = self
                .lookup(stack, &document, "Statement")
                .map(|statement| match self.choose(stack, statement).as_list() {
                    Some(_) => self
                        .list_items(stack, statement)
                        .into_iter()
                        .cloned()
                        .collect(),
                    None => vec![self.choose(stack, statement).clone()],
                })
                .unwrap_or_default();
            for statement in statements {
                if statement.get("Effect").and_then(Value::as_str) != Some("Allow") {
                    continue;
                }
                let actions: Vec<String> = statement
                    .get("Action")
                    .map(|actions| {
                        self.eval(stack, actions)
                            .values()
                            .iter()
                            .filter_map(|action| action.as_text().map(str::to_owned))
                            .collect()
                    })
                    .unwrap_or_default();
                let Some(resources) = statement.get("Resource") else {
                    continue;
                };
                for target in self.referenced_resources(stack, resources) {
                    let Some(element) = self.element_for(&target).cloned() else {
                        continue;
                    };
                    let Some(component) = self.design.component(&element) else {
                        continue;
                    };
                    let prefix = service_prefix(component.kind);
                    let relevant: Vec<String> = actions
                        .iter()
                        .filter(|action| {
                            let service = action.split(':').next().unwrap_or_default();
                            action.as_str() == "*"
                                || prefix.is_none_or(|prefix| service.eq_ignore_ascii_case(prefix))
                        })
                        .cloned()
                        .collect();
                    if relevant.is_empty() {
                        continue;
                    }
                    self.add_flow(NewFlow {
                        source: identity.clone(),
                        target: element,
                        protocol: Protocol::AwsApi,
                        ports: Vec::new(),
                        tls: Tls::Tls12,
                        auth: Auth::Iam,
                        issuer: None,
                        actions: relevant,
                        description: Some("Allowed by an IAM policy.".to_owned()),
                    });
                }
            }
        }
    }

    /// The resources a property refers to, including through `Sub` variables.
    pub(super) fn resources_in(
        &self,
        stack: usize,
        property: &str,
        nested: &str,
        key: &ResourceKey,
    ) -> Vec<ResourceKey> {
        let Some(mut value) = self.resource(key).property(property) else {
            return Vec::new();
        };
        if !nested.is_empty() {
            match self.lookup(stack, value, nested) {
                Some(inner) => value = inner,
                None => return Vec::new(),
            }
        }
        self.referenced_resources(stack, value)
    }
}
