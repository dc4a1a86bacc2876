//! ZT-NET-031: a carried network ACL admits remote administration from anywhere.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::carried::settings::{Setting, resolve};
use crate::carried::{self, CarriedResource, flag, reference};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Reads the network ACLs in the design's `carried_cloudformation` as AWS evaluates them:
    /// for each ACL, the inbound entries in order of their rule number, the first that matches
    /// deciding. Flags an inbound entry that allows SSH (TCP 22) or RDP (TCP 3389) from
    /// anywhere (`0.0.0.0/0`, or `::/0` for IPv6; all protocols or a TCP port range holding the
    /// port) unless an earlier entry of the ACL denies that port from anywhere in the same
    /// address family, and names the subnets
    /// the ACL is associated with. Entries, ACLs and associations count as judged when their
    /// settings are written in the template; an entry whose settings are computed at
    /// deployment is not judged.
    ///
    /// ## Why it matters
    /// A network ACL is the subnet's stateless perimeter: an entry that allows every source on
    /// the administration ports leaves security groups as the only thing between the internet
    /// and a shell, and one broad security group later the hosts are open to password and
    /// exploit spraying.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     PublicInbound:
    ///       Type: AWS::EC2::NetworkAclEntry
    ///       Properties: {NetworkAclId: {Ref: PublicAcl}, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0}
    /// ```
    ///
    /// ## What to do instead
    /// Allow only the ports the subnet serves (HTTPS to a load balancer's subnets), deny 22 and
    /// 3389 from anywhere ahead of broader entries, and administer hosts through Session
    /// Manager.
    code: "ZT-NET-031",
    name: "carried-network-acl-open-admin",
    title: "Carried network ACL admits remote administration from anywhere",
    family: Segmentation,
    severity: High,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

const ENTRY: &str = "AWS::EC2::NetworkAclEntry";
const ACL: &str = "AWS::EC2::NetworkAcl";
const ASSOCIATION: &str = "AWS::EC2::SubnetNetworkAclAssociation";

/// The administration ports, with the protocol names findings give them.
const ADMIN_PORTS: [(i64, &str); 2] = [(22, "SSH"), (3389, "RDP")];

/// An inbound entry as written, when every setting that decides a match is known.
struct Entry<'a> {
    logical_id: &'a str,
    rule_number: i64,
    allow: bool,
    /// From every IPv4 address (`0.0.0.0/0`).
    anywhere_v4: bool,
    /// From every IPv6 address (`::/0`).
    anywhere_v6: bool,
    /// The TCP ports it matches, inclusive; all ports for protocol `-1`. `None` when it
    /// matches no TCP traffic (UDP, ICMP).
    tcp_ports: Option<(i64, i64)>,
}

impl Entry<'_> {
    /// Whether it matches TCP traffic to `port` from every address of a family (`ipv6` or
    /// IPv4): entries of the other family never match that traffic.
    fn matches_from_anywhere(&self, ipv6: bool, port: i64) -> bool {
        (if ipv6 {
            self.anywhere_v6
        } else {
            self.anywhere_v4
        }) && self
            .tcp_ports
            .is_some_and(|(from, to)| from <= port && port <= to)
    }
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    let resources: Vec<CarriedResource<'_>> = carried::resources(cx.design).collect();
    // Inbound entries by the logical id of the ACL they belong to.
    let mut entries: BTreeMap<&str, Vec<Entry<'_>>> = BTreeMap::new();
    for resource in resources.iter().filter(|r| r.resource_type == ENTRY) {
        let Some((acl, entry)) = read_entry(cx, resource) else {
            continue;
        };
        out.evaluate(&carried::subject("Resources", resource.logical_id));
        if let Some(entry) = entry {
            entries.entry(acl).or_default().push(entry);
        }
    }
    // The subnets each ACL applies to, as the associations name them.
    let mut subnets: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for association in resources.iter().filter(|r| r.resource_type == ASSOCIATION) {
        let acl = association
            .properties
            .and_then(|properties| properties.get("NetworkAclId"))
            .and_then(reference);
        let Some(acl) = acl else {
            continue;
        };
        let subnet = association
            .properties
            .and_then(|properties| properties.get("SubnetId"))
            .and_then(|subnet| {
                reference(subnet)
                    .map(str::to_owned)
                    .or_else(|| carried::spelled(subnet))
            });
        if let Some(subnet) = subnet
            && resources
                .iter()
                .any(|r| r.resource_type == ACL && r.logical_id == acl)
        {
            out.evaluate(&carried::subject("Resources", association.logical_id));
            subnets.entry(acl).or_default().push(subnet);
        }
    }
    for acl in resources.iter().filter(|r| r.resource_type == ACL) {
        if let Some(acl_entries) = entries.get_mut(acl.logical_id) {
            out.evaluate(&carried::subject("Resources", acl.logical_id));
            acl_entries.sort_by_key(|entry| entry.rule_number);
            let applies_to = subnets.get(acl.logical_id).map_or_else(
                || "the subnets it is associated with".to_owned(),
                |names| {
                    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
                    format!("subnets {}", names.join(", "))
                },
            );
            report_open_admin(out, acl.logical_id, acl_entries, &applies_to);
        }
    }
}

/// The ACL an entry belongs to, and the entry when it is inbound; `None` when a setting that
/// decides a match is computed at deployment.
fn read_entry<'a>(
    cx: &Context<'a>,
    resource: &CarriedResource<'a>,
) -> Option<(&'a str, Option<Entry<'a>>)> {
    let properties = resource.properties?;
    let acl = properties.get("NetworkAclId").and_then(reference)?;
    let known = |name: &str| -> Option<Option<&'a Value>> {
        match properties.get(name) {
            None => Some(None),
            Some(value) => match resolve(cx.design, value, 0).as_slice() {
                [Setting::Known(value)] => Some(Some(*value)),
                [Setting::Absent] => Some(None),
                _ => None,
            },
        }
    };
    let number = |value: &Value| {
        value
            .as_i64()
            .or_else(|| value.as_str().and_then(|text| text.trim().parse().ok()))
    };
    if known("Egress")?.and_then(flag) == Some(true) {
        return Some((acl, None));
    }
    let rule_number = known("RuleNumber")?.and_then(number)?;
    let allow = known("RuleAction")?
        .and_then(Value::as_str)?
        .eq_ignore_ascii_case("allow");
    let cidr = known("CidrBlock")?.and_then(Value::as_str);
    let cidr_v6 = known("Ipv6CidrBlock")?.and_then(Value::as_str);
    let protocol = known("Protocol")?.and_then(number)?;
    let tcp_ports = match protocol {
        -1 => Some((0, 65535)),
        6 => {
            let range = known("PortRange")?;
            let port = |name: &str| range.and_then(|range| range.get(name)).and_then(number);
            Some((port("From")?, port("To")?))
        }
        _ => None,
    };
    Some((
        acl,
        Some(Entry {
            logical_id: resource.logical_id,
            rule_number,
            allow,
            anywhere_v4: cidr == Some("0.0.0.0/0"),
            anywhere_v6: cidr_v6 == Some("::/0"),
            tcp_ports,
        }),
    ))
}

/// Reports each entry that is the first, in rule order, to allow an administration port from
/// every address of IPv4 or IPv6.
fn report_open_admin(out: &mut Emitter, acl: &str, entries: &[Entry<'_>], applies_to: &str) {
    let mut opened: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for ipv6 in [false, true] {
        for (port, name) in ADMIN_PORTS {
            let deciding = entries
                .iter()
                .find(|entry| entry.matches_from_anywhere(ipv6, port));
            if let Some(entry) = deciding.filter(|entry| entry.allow) {
                let protocols = opened.entry(entry.logical_id).or_default();
                if !protocols.contains(&name) {
                    protocols.push(name);
                }
            }
        }
    }
    for (entry, protocols) in opened {
        let subject = carried::subject("Resources", entry);
        out.report_carried(
            format!(
                "Carried resource `{entry}` ({ENTRY}) lets network ACL `{acl}` admit {} from anywhere into {applies_to}",
                protocols.join(" and ")
            ),
            &subject,
            format!(
                "Narrow `{entry}` to the ports the subnets serve, or deny {} from 0.0.0.0/0 in an entry of `{acl}` with a lower rule number.",
                protocols.join(" and ")
            ),
        );
    }
}
