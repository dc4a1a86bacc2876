//! ZT-NET-007: SSH or RDP inside the network.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags SSH and RDP flows (by protocol, or TCP on port 22 or 3389) between elements inside
    /// AWS. Those from outside are ZT-NET-008's. SFTP to a Transfer Family server runs on port
    /// 22 but gives no shell: it is file transfer, not remote administration.
    ///
    /// ## Why it matters
    /// Interactive shells need open ports, bastions and long-lived keys, and leave no record of
    /// what was typed. Session Manager gives the same access through IAM, with MFA and a log.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: bastion-ssh, source: bastion, target: app, protocol: ssh, tls: none, auth: password}
    /// ```
    ///
    /// ## What to do instead
    /// Remove the flow; let people start sessions through Session Manager
    /// (`ssm_managed: true` on the instance).
    code: "ZT-NET-007",
    name: "remote-admin-protocol",
    title: "SSH or RDP used inside the network",
    family: Segmentation,
    severity: Medium,
    tenets: [T6],
    pillar: Devices,
    check: check,
}

/// Whether a flow opens an interactive shell or desktop. A Transfer Family server serves files
/// only, whatever its port.
pub(crate) fn is_remote_admin(cx: &Context<'_>, flow: &zta_model::Flow) -> bool {
    let transfer = cx
        .index
        .component(&flow.target)
        .is_some_and(|target| target.kind == zta_model::ComponentKind::TransferServer);
    !transfer
        && (flow.protocol.is_remote_admin()
            || matches!(flow.protocol, zta_model::Protocol::Tcp)
                && flow
                    .ports
                    .iter()
                    .any(|range| range.contains(22) || range.contains(3389)))
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for flow in &cx.design.flows {
        if cx.index.zone_of(&flow.source).is_some() {
            continue;
        }
        out.evaluate(&flow.id);
        if !is_remote_admin(cx, flow) {
            continue;
        }
        out.report(
            format!(
                "{} opens {} to {} (flow `{}`)",
                cx.label(&flow.source),
                flow.protocol.label(),
                cx.label(&flow.target),
                flow.id
            ),
            &[&flow.id, &flow.source, &flow.target],
            "Replace the flow with Session Manager access.",
        );
    }
}
