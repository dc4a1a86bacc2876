//! Network Firewall with its policy, stateful rule groups for the flows and for the design's
//! egress domain allow-list, one endpoint per availability zone of its tier, and logging.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-networkfirewall-firewall.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-networkfirewall-firewallpolicy.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-networkfirewall-rulegroup-rulessourcelist.html>,
//! <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-networkfirewall-loggingconfiguration.html>;
//! domain lists: <https://docs.aws.amazon.com/network-firewall/latest/developerguide/stateful-rule-groups-domain-names.html>.

use zta_model::{Component, ComponentKind, Flow, Protocol, Tier};

use crate::export::builder::{Builder, Group, tags};
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::NetworkFirewall::Firewall";

/// Whether the firewall can match a flow's destination by name: TLS carries the server name
/// (SNI), plain HTTP the Host header.
fn named_by_domain(flow: &Flow) -> bool {
    matches!(
        flow.protocol,
        Protocol::Https | Protocol::Http | Protocol::Grpc | Protocol::AwsApi
    )
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (Some(vpc), Some(subnet)) = (b.vpc_of(c), b.subnet_of(c)) else {
        return;
    };
    let domains = &c.properties.allowed_domains;
    // The design's flows through the firewall are the only traffic it passes; the policy
    // drops everything else (strict order, default drop). Web traffic to the internet passes by
    // the domain allow-list when the design gives one: a port rule would pass every domain.
    let mut rules = Vec::new();
    let flows = b.flows_via(&c.id).to_vec();
    for flow in flows {
        if b.is_to_internet(flow) && named_by_domain(flow) {
            if !domains.is_empty() {
                continue;
            }
            b.warn(format!(
                "Network Firewall `{}` passes flow `{}` to the internet by port, to any domain: give the firewall `allowed_domains`",
                c.id, flow.id
            ));
        }
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
    let mut references = Vec::new();
    if !domains.is_empty() {
        let group = b.logical_id_for(&c.id, "DomainAllowList");
        let rule_group = Resource::new("AWS::NetworkFirewall::RuleGroup")
            .with_property(
                "RuleGroupName",
                Value::sub(format!("${{AWS::StackName}}-{}-domains", c.id)),
            )
            .with_property("Type", "STATEFUL")
            .with_property(
                "Capacity",
                u32::try_from(domains.len() * 2 + 10).unwrap_or(1000),
            )
            .with_property(
                "Description",
                format!("The domains workloads behind {} may reach", c.name),
            )
            .with_property(
                "RuleGroup",
                Value::map([
                    (
                        "RulesSource",
                        Value::map([(
                            "RulesSourceList",
                            Value::map([
                                (
                                    "Targets",
                                    Value::list(domains.iter().map(|domain| b.design_text(domain))),
                                ),
                                (
                                    "TargetTypes",
                                    Value::list([
                                        Value::string("TLS_SNI"),
                                        Value::string("HTTP_HOST"),
                                    ]),
                                ),
                                ("GeneratedRulesType", Value::string("ALLOWLIST")),
                            ]),
                        )]),
                    ),
                    (
                        "StatefulRuleOptions",
                        Value::map([("RuleOrder", Value::string("STRICT_ORDER"))]),
                    ),
                ]),
            )
            .with_property("Tags", tags(&c.id, &c.tags));
        b.put(&unit, group.clone(), &c.id, Group::Network, rule_group);
        references.push(Value::map([
            ("ResourceArn", Value::reference(&group)),
            ("Priority", Value::from(100_u32)),
        ]));
    }
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
        references.push(Value::map([
            ("ResourceArn", Value::reference(&group)),
            ("Priority", Value::from(200_u32)),
        ]));
    }
    if !references.is_empty() {
        policy.insert(
            "StatefulRuleGroupReferences".into(),
            Value::list(references),
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
    // One endpoint per availability zone: the firewall's subnet and the first subnet of its
    // tier in each other zone of the VPC, so that a zone's traffic need not cross to another.
    let endpoint_subnets = b.spread_subnets(subnet);
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
                Value::list(endpoint_subnets.iter().map(|subnet| {
                    Value::map([("SubnetId", Value::reference(b.logical_id(&subnet.id)))])
                })),
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
    let subnet = im.subnet_for_spread(&Sym::List(subnets), Tier::Public);
    let mut component = im.new_component(key, ComponentKind::NetworkFirewall, subnet);
    component.properties.allowed_domains = allowed_domains(im, key);
    Some(component)
}

/// The domains of the allow-list rule groups of the firewall's policy.
fn allowed_domains(im: &Importer<'_>, key: &ResourceKey) -> Vec<String> {
    let Some(policy) = im
        .property(key.0, &key.1, &["FirewallPolicyArn"])
        .resource()
    else {
        return Vec::new();
    };
    let references = im
        .resource(&policy)
        .property("FirewallPolicy")
        .and_then(|policy| policy.get("StatefulRuleGroupReferences"))
        .cloned()
        .unwrap_or(Value::null());
    let mut domains = Vec::new();
    for reference in im.list_items(policy.0, &references) {
        let Some(group) = reference
            .get("ResourceArn")
            .and_then(|arn| im.eval(policy.0, arn).resource())
        else {
            continue;
        };
        let allow_list = im.text(
            &group,
            &[
                "RuleGroup",
                "RulesSource",
                "RulesSourceList",
                "GeneratedRulesType",
            ],
        );
        if allow_list.as_deref() != Some("ALLOWLIST") {
            continue;
        }
        let targets = im.property(
            group.0,
            &group.1,
            &["RuleGroup", "RulesSource", "RulesSourceList", "Targets"],
        );
        domains.extend(
            targets
                .values()
                .iter()
                .filter_map(|target| target.as_text().map(str::to_owned)),
        );
    }
    domains
}
