//! WAF web ACLs with AWS managed rule groups, associated with what they protect; the default ACL
//! every internet-facing ALB or API gets.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::WAFv2::WebACL";

/// The resource that puts a web ACL in front of what it protects.
const ASSOCIATION: &str = "AWS::WAFv2::WebACLAssociation";

/// The managed rule groups every web ACL gets (after those the design lists): the common rule set
/// (which covers XSS), known bad inputs (Log4j and the like) and SQL injection.
pub(crate) const DEFAULT_RULE_GROUPS: [&str; 3] = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "AWSManagedRulesSQLiRuleSet",
];

/// The prefix of the name of a rule for a baseline group the design does not state.
const BASELINE_RULE: &str = "Baseline-";

pub(crate) fn protected_by_waf(b: &Builder<'_>, c: &Component) -> bool {
    b.components_of(ComponentKind::WafWebAcl)
        .any(|waf| waf.properties.protects.iter().any(|p| p == &c.id))
}

/// The web ACL of an element with the rule groups the design states for it, then the baseline
/// groups it leaves out, whose rules' names say they are the baseline's (so that an import gives
/// the design back only the groups it stated).
pub(crate) fn web_acl(
    b: &mut Builder<'_>,
    element: &str,
    unit: &str,
    stated: &[String],
    protects: &[String],
) {
    let mut groups: Vec<(String, String)> = stated
        .iter()
        .map(|group| (group.clone(), group.clone()))
        .collect();
    for baseline in DEFAULT_RULE_GROUPS {
        if !stated.iter().any(|g| g == baseline) {
            groups.push((format!("{BASELINE_RULE}{baseline}"), baseline.to_owned()));
        }
    }
    let acl = if b
        .component(element)
        .is_some_and(|c| c.kind == ComponentKind::WafWebAcl)
    {
        b.logical_id(element)
    } else {
        b.logical_id_for(element, "WebAcl")
    };
    let metric = |name: &str| {
        Value::map([
            ("SampledRequestsEnabled", Value::from(true)),
            ("CloudWatchMetricsEnabled", Value::from(true)),
            ("MetricName", Value::string(name.to_owned())),
        ])
    };
    let rules: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(index, (rule, group))| {
            Value::map([
                ("Name", Value::string(rule)),
                ("Priority", Value::from(u32::try_from(index).unwrap_or(0))),
                // Managed rule groups take OverrideAction, never Action (cfn-lint misses that).
                (
                    "OverrideAction",
                    Value::map([("None", Value::map::<&str>([]))]),
                ),
                (
                    "Statement",
                    Value::map([(
                        "ManagedRuleGroupStatement",
                        Value::map([
                            ("VendorName", Value::string("AWS")),
                            ("Name", Value::string(group)),
                        ]),
                    )]),
                ),
                ("VisibilityConfig", metric(rule)),
            ])
        })
        .collect();
    let cloudfront = protects
        .iter()
        .filter_map(|p| b.component(p))
        .any(|p| p.kind == ComponentKind::Cloudfront);
    if cloudfront {
        b.warn(format!(
            "web ACL `{element}` protects a CloudFront distribution: deploy a CLOUDFRONT-scope copy in us-east-1 and pass its ARN to the distribution; this regional one protects the rest"
        ));
    }
    b.put(
        unit,
        acl.clone(),
        element,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Scope", "REGIONAL")
            .with_property(
                "DefaultAction",
                Value::map([("Allow", Value::map::<&str>([]))]),
            )
            .with_property("Rules", Value::list(rules))
            .with_property("VisibilityConfig", metric(&acl)),
    );
    // WAF logs only to log groups whose name starts with `aws-waf-logs-`.
    let logs = b.log_group(
        unit,
        format!("{acl}Logs"),
        element,
        Group::Security,
        None,
        Some(Value::sub(format!(
            "aws-waf-logs-${{AWS::StackName}}-{}",
            crate::export::ids::slug(element)
        ))),
    );
    b.put(
        unit,
        format!("{acl}Logging"),
        element,
        Group::Security,
        Resource::new("AWS::WAFv2::LoggingConfiguration")
            .with_property("ResourceArn", Value::get_att(&acl, "Arn"))
            // The log group's `Arn` attribute ends in `:*`, which WAF refuses: build the ARN.
            .with_property(
                "LogDestinationConfigs",
                Value::list([Value::sub(format!(
                    "arn:${{AWS::Partition}}:logs:${{AWS::Region}}:${{AWS::AccountId}}:log-group:${{{logs}}}"
                ))]),
            ),
    );
    for protected in protects {
        let Some(target) = b.component(protected) else {
            continue;
        };
        let target_unit = b.unit_of_component(target);
        if target_unit != unit {
            b.warn(format!("web ACL `{element}` and `{protected}` are in different accounts; a web ACL protects resources of its own account only"));
            continue;
        }
        let resource_arn = match target.kind {
            ComponentKind::Alb => Value::reference(b.logical_id(protected)),
            ComponentKind::ApiGateway
                if b.has_resource(unit, &b.logical_id_for(protected, "Stage")) =>
            {
                if b.units
                    .get(unit)
                    .and_then(|u| u.template.resources.get(&b.logical_id(protected)))
                    .is_some_and(|r| r.resource_type == "AWS::ApiGateway::RestApi")
                {
                    Value::sub(format!(
                        "arn:${{AWS::Partition}}:apigateway:${{AWS::Region}}::/restapis/${{{}}}/stages/${{{}}}",
                        b.logical_id(protected),
                        b.logical_id_for(protected, "Stage")
                    ))
                } else {
                    continue;
                }
            }
            ComponentKind::AppsyncApi => Value::get_att(b.logical_id(protected), "Arn"),
            ComponentKind::Cloudfront => continue,
            _ => {
                b.warn(format!(
                    "web ACL `{element}` cannot protect `{protected}` ({})",
                    target.kind.as_str()
                ));
                continue;
            }
        };
        b.put(
            unit,
            format!("{acl}{}Association", b.logical_id(protected)),
            element,
            Group::Workload(target.segment.clone()),
            Resource::new(ASSOCIATION)
                .with_property("WebACLArn", Value::get_att(&acl, "Arn"))
                .with_property("ResourceArn", resource_arn),
        );
    }
}

/// Reads `AWS::WAFv2::WebACL` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::WafWebAcl);
    let rules = im
        .resource(key)
        .property("Rules")
        .cloned()
        .unwrap_or(Value::null());
    component.properties.managed_rule_groups = im
        .list_items(key.0, &rules)
        .iter()
        .filter_map(|rule| {
            // A baseline rule the export added is not one the design states.
            let name = rule.get("Name").map(|name| im.eval(key.0, name));
            if name
                .as_ref()
                .and_then(|name| name.as_text())
                .is_some_and(|name| name.starts_with(BASELINE_RULE))
            {
                return None;
            }
            let statement = rule.get("Statement")?.get("ManagedRuleGroupStatement")?;
            im.eval(key.0, statement.get("Name")?)
                .as_text()
                .map(str::to_owned)
        })
        .collect();
    let mut protected = Vec::new();
    for association in im.referring(ASSOCIATION, &["WebACLArn"], key) {
        let arn = im.property(association.0, &association.1, &["ResourceArn"]);
        protected.extend(im.elements_in_arn(association.0, &arn));
    }
    for distribution in im.referring(
        "AWS::CloudFront::Distribution",
        &["DistributionConfig", "WebACLId"],
        key,
    ) {
        protected.extend(im.element_for(&distribution).cloned());
    }
    component.properties.protects = protected;
    Some(component)
}

/// A web ACL of the design: its rule groups, then any baseline group it leaves out (the common
/// rule set for XSS, known bad inputs for Log4j, and SQL injection protect every ACL).
pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    web_acl(
        b,
        &c.id,
        &b.unit_of_component(c),
        &c.properties.managed_rule_groups,
        &c.properties.protects,
    );
}

/// Every internet-facing ALB, API or GraphQL API that no web ACL of the design protects gets one.
pub(crate) fn defaults(b: &mut Builder<'_>) {
    for c in &b.design.components {
        if matches!(
            c.kind,
            ComponentKind::Alb | ComponentKind::ApiGateway | ComponentKind::AppsyncApi
        ) && b.is_internet_facing(c)
            && !protected_by_waf(b, c)
        {
            web_acl(
                b,
                &c.id,
                &b.unit_of_component(c),
                &[],
                std::slice::from_ref(&c.id),
            );
        }
    }
}
