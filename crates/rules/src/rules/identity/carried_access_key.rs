//! ZT-ID-030: a carried IAM user holds a long-lived access key.

use serde_json::Value;

use crate::carried;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags `AWS::IAM::AccessKey` resources in the design's `carried_cloudformation` that are
    /// active (no `Status: Inactive`), naming the access key and the user it belongs to. Carried
    /// IAM users count as judged, with or without a key.
    ///
    /// ## Why it matters
    /// An access key is a credential that does not expire: it is copied into laptops, CI
    /// variables and scripts, and whoever finds it acts as the user until someone rotates it
    /// by hand. Carried CloudFormation is deployed with the design but drawn nowhere, so the
    /// design's rules on users and keys never see it.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     DeployerKey:
    ///       Type: AWS::IAM::AccessKey
    ///       Properties: {UserName: {Ref: Deployer}}
    /// ```
    ///
    /// ## What to do instead
    /// Give workloads a role they assume (instance profiles, task roles, OIDC federation for
    /// CI) and people IAM Identity Center; remove the access key.
    code: "ZT-ID-030",
    name: "carried-access-key",
    title: "Carried IAM user holds a long-lived access key",
    family: Identity,
    severity: High,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for resource in carried::resources(cx.design) {
        let subject = carried::subject("Resources", resource.logical_id);
        match resource.resource_type {
            "AWS::IAM::User" => out.evaluate(&subject),
            "AWS::IAM::AccessKey" => {
                out.evaluate(&subject);
                let status = resource
                    .properties
                    .and_then(|properties| properties.get("Status"))
                    .and_then(Value::as_str);
                if status.is_some_and(|status| status.eq_ignore_ascii_case("Inactive")) {
                    continue;
                }
                let user = resource
                    .properties
                    .and_then(|properties| properties.get("UserName"))
                    .and_then(|user| {
                        carried::reference(user)
                            .map(str::to_owned)
                            .or_else(|| carried::spelled(user))
                    })
                    .unwrap_or_else(|| "an unnamed user".to_owned());
                out.report_carried(
                    format!(
                        "Carried resource `{}` (AWS::IAM::AccessKey) is an active long-lived access key of `{user}`",
                        resource.logical_id
                    ),
                    &subject,
                    format!(
                        "Remove `{}` and let the workload assume a role, or people sign in through IAM Identity Center.",
                        resource.logical_id
                    ),
                );
            }
            _ => {}
        }
    }
}
