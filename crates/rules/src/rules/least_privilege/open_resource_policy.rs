//! ZT-IAM-011: a resource policy allows anyone.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::graph::grants_anyone;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resource policies (bucket, key, secret, queue, topic, API policies) with an allow
    /// statement whose principal is `*` and that has no condition. A VPC endpoint's policy is
    /// not judged: it grants nothing, it only limits what the endpoint passes on to callers who
    /// hold IAM permissions of their own, and `Principal: "*"` is its documented form
    /// (<https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html>).
    ///
    /// ## Why it matters
    /// An unconditioned `*` principal opens the resource to every AWS account and, for buckets,
    /// to anonymous requests: the resource is public whatever the network says.
    ///
    /// ## Example
    /// ```yaml
    /// resource_policy:
    /// - {principals: ['*'], actions: ['s3:GetObject'], resources: [documents-bucket]}
    /// ```
    ///
    /// ## What to do instead
    /// Name the principals, or narrow `*` with conditions such as `aws:SourceVpce`,
    /// `aws:PrincipalOrgID` or `aws:SourceAccount`.
    code: "ZT-IAM-011",
    name: "open-resource-policy",
    title: "Resource policy allows anyone",
    family: LeastPrivilege,
    severity: Critical,
    tenets: [T6],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if component.kind == ComponentKind::VpcEndpoint {
            continue;
        }
        if !component.properties.resource_policy.is_empty() {
            out.evaluate(&component.id);
        }
        let open: Vec<String> = component
            .properties
            .resource_policy
            .iter()
            .filter(|statement| grants_anyone(statement))
            .flat_map(|statement| statement.actions.iter().cloned())
            .collect();
        if !open.is_empty() {
            out.report(
                format!(
                    "The resource policy of {} allows anyone (`*`) to {}",
                    cx.label(&component.id),
                    open.join(", ")
                ),
                &[&component.id],
                "Name the principals, or add a condition such as `aws:SourceVpce` or `aws:PrincipalOrgID`.",
            );
        }
    }
}
