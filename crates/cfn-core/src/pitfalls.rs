//! Template mistakes that deploy badly yet pass cfn-lint (listed in the project's toolchain
//! notes): a generator runs [`find_pitfalls`] on what it writes, and its tests assert none.
//!
//! SSH open to the world is also one cfn-lint misses, but it is a design decision the rules
//! report on, not a writing mistake, so it is not checked here.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::template::Template;
use crate::value::{Function, Value, ValueKind};

/// One mistake, on one resource.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pitfall {
    pub logical_id: String,
    pub kind: PitfallKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PitfallKind {
    /// An ARN written with the `aws` partition instead of `${AWS::Partition}`: the template then
    /// fails in China and GovCloud regions.
    HardCodedPartition,
    /// A Cognito user pool with `MfaConfiguration: ON` but no `EnabledMfas`: the deployment fails.
    MfaWithoutEnabledMfas,
    /// A WAF rule using a managed rule group with `Action` instead of `OverrideAction`.
    ManagedRuleGroupWithAction,
    /// WAF logging to `!GetAtt LogGroup.Arn`, which ends in `:*` and is refused; the ARN must be
    /// built with `!Sub`.
    WafLoggingToLogGroupArnAttribute,
}

/// Every pitfall in the template, in resource order.
pub fn find_pitfalls(template: &Template) -> Vec<Pitfall> {
    let mut found = Vec::new();
    for (logical_id, resource) in &template.resources {
        let mut report = |kind| {
            found.push(Pitfall {
                logical_id: logical_id.clone(),
                kind,
            });
        };
        if resource
            .properties
            .values()
            .any(|value| any_string(value, &has_hard_coded_partition))
        {
            report(PitfallKind::HardCodedPartition);
        }
        match resource.resource_type.as_str() {
            "AWS::Cognito::UserPool" => {
                let mfa_on = resource
                    .property("MfaConfiguration")
                    .and_then(Value::as_str)
                    .is_some_and(|mode| mode == "ON" || mode == "OPTIONAL");
                if mfa_on && resource.property("EnabledMfas").is_none() {
                    report(PitfallKind::MfaWithoutEnabledMfas);
                }
            }
            "AWS::WAFv2::WebACL" | "AWS::WAFv2::RuleGroup" => {
                let rules = resource.property("Rules").and_then(Value::as_list);
                let misused = rules.unwrap_or_default().iter().any(|rule| {
                    let managed = rule
                        .get("Statement")
                        .and_then(|statement| statement.get("ManagedRuleGroupStatement"))
                        .is_some();
                    managed && rule.get("Action").is_some()
                });
                if misused {
                    report(PitfallKind::ManagedRuleGroupWithAction);
                }
            }
            "AWS::WAFv2::LoggingConfiguration" => {
                let destinations = resource
                    .property("LogDestinationConfigs")
                    .and_then(Value::as_list)
                    .unwrap_or_default();
                let to_attribute = destinations.iter().any(|destination| {
                    destination.as_get_att().is_some_and(|(target, attribute)| {
                        attribute == "Arn"
                            && template.resources.get(target).is_some_and(|resource| {
                                resource.resource_type == "AWS::Logs::LogGroup"
                            })
                    })
                });
                if to_attribute {
                    report(PitfallKind::WafLoggingToLogGroupArnAttribute);
                }
            }
            _ => {}
        }
    }
    found
}

/// The opening every partition's ARN shares, searched for with a searcher built once: the
/// check runs on every string of every exported template.
static ARN_OPENING: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("arn:aws"));

/// Whether the text holds an ARN in the `aws`, `aws-cn` or `aws-us-gov` partition. The three
/// share the opening `arn:aws`, so one search finds every candidate.
fn has_hard_coded_partition(text: &str) -> bool {
    let bytes = text.as_bytes();
    ARN_OPENING.find_iter(bytes).any(|start| {
        let rest = &bytes[start + ARN_OPENING.needle().len()..];
        [&b":"[..], b"-cn:", b"-us-gov:"]
            .iter()
            .any(|partition| rest.starts_with(partition))
    })
}

/// Whether any string in the value (including `Sub` templates) satisfies `test`.
fn any_string(value: &Value, test: &dyn Fn(&str) -> bool) -> bool {
    match &value.kind {
        ValueKind::String(text) => test(text),
        ValueKind::List(items) => items.iter().any(|item| any_string(item, test)),
        ValueKind::Map(map) => map.values().any(|item| any_string(item, test)),
        ValueKind::Intrinsic(intrinsic) if intrinsic.function != Function::Ref => {
            any_string(&intrinsic.argument, test)
        }
        ValueKind::Tagged { value, .. } => any_string(value, test),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Resource;

    fn template_with(resources: Vec<(&str, Resource)>) -> Template {
        let mut template = Template::default();
        for (logical_id, resource) in resources {
            template.resources.insert(logical_id.to_owned(), resource);
        }
        template
    }

    fn kinds(template: &Template) -> Vec<PitfallKind> {
        find_pitfalls(template)
            .into_iter()
            .map(|pitfall| pitfall.kind)
            .collect()
    }

    #[test]
    fn a_hard_coded_partition_is_found_and_the_partition_pseudo_parameter_is_not() {
        let bad = Resource::new("AWS::IAM::Role").with_property(
            "ManagedPolicyArns",
            Value::list([Value::from("arn:aws:iam::aws:policy/ReadOnlyAccess")]),
        );
        let good = Resource::new("AWS::IAM::Role").with_property(
            "ManagedPolicyArns",
            Value::list([Value::sub(
                "arn:${AWS::Partition}:iam::aws:policy/ReadOnlyAccess",
            )]),
        );
        let template = template_with(vec![("Bad", bad), ("Good", good)]);
        assert_eq!(
            find_pitfalls(&template),
            vec![Pitfall {
                logical_id: "Bad".into(),
                kind: PitfallKind::HardCodedPartition
            }]
        );
    }

    #[test]
    fn every_partition_is_found_wherever_it_sits_in_the_text() {
        for text in [
            "arn:aws:s3:::bucket",
            "prefix arn:aws-cn:s3:::bucket",
            "arn:${AWS::Partition}:s3:::a and arn:aws-us-gov:s3:::b",
            "arn:awsx then arn:aws:iam::aws:policy/ReadOnlyAccess",
        ] {
            assert!(has_hard_coded_partition(text), "{text}");
        }
        for text in [
            "arn:${AWS::Partition}:s3:::bucket",
            "arn:aws",
            "arn:aws-eu:s3:::bucket",
            "arn:awsx:s3",
        ] {
            assert!(!has_hard_coded_partition(text), "{text}");
        }
    }

    #[test]
    fn cognito_mfa_needs_enabled_mfas() {
        let pool = Resource::new("AWS::Cognito::UserPool").with_property("MfaConfiguration", "ON");
        assert_eq!(
            kinds(&template_with(vec![("Pool", pool.clone())])),
            vec![PitfallKind::MfaWithoutEnabledMfas]
        );
        let fixed = pool.with_property(
            "EnabledMfas",
            Value::list([Value::from("SOFTWARE_TOKEN_MFA")]),
        );
        assert!(kinds(&template_with(vec![("Pool", fixed)])).is_empty());
    }

    #[test]
    fn managed_rule_groups_take_override_action() {
        let rule = |action_key: &'static str| {
            Value::map([
                ("Name", Value::from("common")),
                (
                    "Statement",
                    Value::map([(
                        "ManagedRuleGroupStatement",
                        Value::map([("VendorName", Value::from("AWS"))]),
                    )]),
                ),
                (action_key, Value::map([("None", Value::map::<&str>([]))])),
            ])
        };
        let acl = |action_key| {
            Resource::new("AWS::WAFv2::WebACL")
                .with_property("Rules", Value::list([rule(action_key)]))
        };
        assert_eq!(
            kinds(&template_with(vec![("Acl", acl("Action"))])),
            vec![PitfallKind::ManagedRuleGroupWithAction]
        );
        assert!(kinds(&template_with(vec![("Acl", acl("OverrideAction"))])).is_empty());
    }

    #[test]
    fn waf_logging_needs_a_sub_built_log_group_arn() {
        let logs = Resource::new("AWS::Logs::LogGroup");
        let logging = |destination| {
            Resource::new("AWS::WAFv2::LoggingConfiguration")
                .with_property("LogDestinationConfigs", Value::list([destination]))
        };
        let bad = template_with(vec![
            ("Logs", logs.clone()),
            ("Logging", logging(Value::get_att("Logs", "Arn"))),
        ]);
        assert_eq!(
            kinds(&bad),
            vec![PitfallKind::WafLoggingToLogGroupArnAttribute]
        );
        let good = template_with(vec![
            ("Logs", logs),
            (
                "Logging",
                logging(Value::sub(
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Logs}",
                )),
            ),
        ]);
        assert!(kinds(&good).is_empty());
    }
}
