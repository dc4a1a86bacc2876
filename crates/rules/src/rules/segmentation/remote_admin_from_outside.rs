//! ZT-NET-008: SSH or RDP from the internet or another outside network.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::segmentation::remote_admin_protocol::is_remote_admin;

declare_rule! {
    /// ## What it checks
    /// Flags SSH and RDP flows (by protocol, or TCP on port 22 or 3389) from an actor or zone
    /// outside AWS.
    ///
    /// ## Why it matters
    /// Administrative ports open to the internet are brute-forced continuously; a single weak
    /// key gives a shell inside the network. PCI DSS 1.3.1 forbids such inbound traffic.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: admin-ssh, source: administrator, target: ops-host, protocol: ssh, tls: none, auth: password}
    /// ```
    ///
    /// ## What to do instead
    /// Remove the flow; administrators start Session Manager sessions with `ssm:StartSession`.
    code: "ZT-NET-008",
    name: "remote-admin-from-outside",
    title: "SSH or RDP from outside",
    family: Segmentation,
    severity: Critical,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        let Some(zone) = cx.index.zone_of(&flow.source) else {
            continue;
        };
        out.evaluate(&flow.id);
        if !is_remote_admin(cx, flow) {
            continue;
        }
        out.report(
            format!(
                "{} in {} opens {} to {} (flow `{}`)",
                cx.label(&flow.source),
                zone.as_str(),
                flow.protocol.label(),
                cx.label(&flow.target),
                flow.id
            ),
            &[&flow.id, &flow.target, &flow.source],
            "Remove the flow and use Session Manager.",
        );
    }
}
