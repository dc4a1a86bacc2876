//! Network Firewall with its policy, stateful rule groups for the flows, and logging.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, Group, tags};
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::NetworkFirewall::Firewall";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (Some(vpc), Some(subnet)) = (b.vpc_of(c), b.subnet_of(c)) else {
        return;
    };
    // The design's flows through the firewall are the only traffic it passes; the policy
    // drops everything else (strict order, default drop).
    let mut rules = Vec::new();
    for flow in b.flows_via(&c.id) {
        let source = b
            .component(&flow.source)
            .and_then(|s| b.subnet_of(s).or_else(|| b.vpc_of(s)))
            .and_then(|s| s.cidr.clone())
            .unwrap_or_else(|| "ANY".into());
        for range in crate::export::security_groups::flow_ports(flow) {
            let sid = i64::try_from(rules.len() + 1).unwrap_or(1);
            let port = if range.from == range.to {
                range.from.to_string()
            } else {
                format!("{}:{}", range.from, range.to)
            };
            rules.push(Value::map([
                ("Action", Value::string("PASS")),
                (
                    "Header",
                    Value::map([
                        ("Protocol", Value::string("TCP")),
                        ("Source", Value::string(&source)),
                        ("SourcePort", Value::string("ANY")),
                        ("Direction", Value::string("FORWARD")),
                        ("Destination", Value::string("ANY")),
                        ("DestinationPort", Value::string(port)),
                    ]),
                ),
                (
                    "RuleOptions",
                    Value::list([Value::map([
                        ("Keyword", Value::string("sid")),
                        ("Settings", Value::list([Value::string(sid.to_string())])),
                    ])]),
                ),
            ]));
        }
    }
    let mut policy = crate::value::Map::default();
    policy.insert(
        "StatelessDefaultActions".into(),
        Value::list([Value::string("aws:forward_to_sfe")]),
    );
    policy.insert(
        "StatelessFragmentDefaultActions".into(),
        Value::list([Value::string("aws:forward_to_sfe")]),
    );
    policy.insert(
        "StatefulDefaultActions".into(),
        Value::list([
            Value::string("aws:drop_established"),
            Value::string("aws:alert_established"),
        ]),
    );
    policy.insert(
        "StatefulEngineOptions".into(),
        Value::map([("RuleOrder", Value::string("STRICT_ORDER"))]),
    );
    if !rules.is_empty() {
        let group = b.logical_id_for(&c.id, "RuleGroup");
        let rule_group = Resource::new("AWS::NetworkFirewall::RuleGroup")
            .with_property(
                "RuleGroupName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("Type", "STATEFUL")
            .with_property("Capacity", 100_u32)
            .with_property(
                "RuleGroup",
                Value::map([
                    (
                        "RulesSource",
                        Value::map([("StatefulRules", Value::list(rules))]),
                    ),
                    (
                        "StatefulRuleOptions",
                        Value::map([("RuleOrder", Value::string("STRICT_ORDER"))]),
                    ),
                ]),
            );
        b.put(&unit, group.clone(), &c.id, Group::Network, rule_group);
        policy.insert(
            "StatefulRuleGroupReferences".into(),
            Value::list([Value::map([
                ("ResourceArn", Value::reference(&group)),
                ("Priority", Value::from(100_u32)),
            ])]),
        );
    }
    let policy_id = b.logical_id_for(&c.id, "Policy");
    b.put(
        &unit,
        policy_id.clone(),
        &c.id,
        Group::Network,
        Resource::new("AWS::NetworkFirewall::FirewallPolicy")
            .with_property(
                "FirewallPolicyName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("FirewallPolicy", Value::from(policy)),
    );
    let firewall = b.logical_id(&c.id);
    b.put(
        &unit,
        firewall.clone(),
        &c.id,
        Group::Network,
        Resource::new(RESOURCE_TYPE)
            .with_property(
                "FirewallName",
                Value::sub(format!("${{AWS::StackName}}-{}", c.id)),
            )
            .with_property("FirewallPolicyArn", Value::reference(&policy_id))
            .with_property("VpcId", Value::reference(b.logical_id(&vpc.id)))
            .with_property("DeleteProtection", true)
            .with_property(
                "SubnetMappings",
                Value::list([Value::map([(
                    "SubnetId",
                    Value::reference(b.logical_id(&subnet.id)),
                )])]),
            )
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Network,
        None,
        None,
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Logging"),
        &c.id,
        Group::Network,
        Resource::new("AWS::NetworkFirewall::LoggingConfiguration")
            .with_property("FirewallArn", Value::reference(&firewall))
            .with_property(
                "LoggingConfiguration",
                Value::map([(
                    "LogDestinationConfigs",
                    Value::list(["ALERT", "FLOW"].map(|kind| {
                        Value::map([
                            ("LogType", Value::string(kind)),
                            ("LogDestinationType", Value::string("CloudWatchLogs")),
                            (
                                "LogDestination",
                                Value::map([("logGroup", Value::reference(&logs))]),
                            ),
                        ])
                    })),
                )]),
            ),
    );
}

/// Reads `AWS::NetworkFirewall::Firewall` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mappings = im
        .resource(key)
        .property("SubnetMappings")
        .cloned()
        .unwrap_or(Value::null());
    let subnets: Vec<Sym> = im
        .list_items(key.0, &mappings)
        .iter()
        .filter_map(|mapping| mapping.get("SubnetId"))
        .map(|subnet| im.eval(key.0, subnet))
        .collect();
    let subnet = im.subnet_for(&Sym::List(subnets), Tier::Public);
    Some(im.new_component(key, ComponentKind::NetworkFirewall, subnet))
}
