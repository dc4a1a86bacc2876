//! ZT-ID-016: a service trust without `aws:SourceAccount` or `aws:SourceArn` where the service
//! sets them.

use zta_model::PrincipalKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags roles that trust an AWS service which passes the source of its request when it
    /// assumes a role, with neither a `source_account` nor a `source_arn` condition. The
    /// services are those whose documentation shows these keys in the role's trust policy:
    /// ECS tasks, Step Functions, EventBridge and EventBridge Scheduler, VPC flow logs,
    /// AWS Config, RDS enhanced monitoring, SageMaker and Kinesis Data Firehose. Services that
    /// do not pass them (EC2 instances, Lambda execution roles) are not judged.
    ///
    /// ## Why it matters
    /// Without the source, the service assumes the role for whoever configures it, in any
    /// account: another customer can point their resource at this role's ARN and have the
    /// service act with its permissions (the cross-service confused deputy problem).
    ///
    /// ## Example
    /// ```yaml
    /// - id: task-role
    ///   kind: iam_role
    ///   name: Task role
    ///   trusts: [{kind: service, id: ecs-tasks.amazonaws.com}]
    /// ```
    ///
    /// ## What to do instead
    /// Add `conditions: {source_account: <the account segment>}` to the trust, or
    /// `source_arn` naming the resource that uses the role.
    ///
    /// ## References
    /// - <https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html#cross-service-confused-deputy-prevention>
    /// - <https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html>
    code: "ZT-ID-016",
    name: "service-trust-without-source",
    title: "Service trust without source account or source ARN",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

/// The service principals whose role trust policies AWS documents with `aws:SourceAccount` or
/// `aws:SourceArn`.
const SOURCE_AWARE_SERVICES: [&str; 9] = [
    "ecs-tasks.amazonaws.com",
    "states.amazonaws.com",
    "events.amazonaws.com",
    "scheduler.amazonaws.com",
    "vpc-flow-logs.amazonaws.com",
    "config.amazonaws.com",
    "monitoring.rds.amazonaws.com",
    "sagemaker.amazonaws.com",
    "firehose.amazonaws.com",
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for role in &cx.design.identities {
        let services: Vec<&zta_model::Principal> = role
            .trusts
            .iter()
            .filter(|principal| {
                principal.kind == PrincipalKind::Service
                    && SOURCE_AWARE_SERVICES.contains(&principal.id.as_str())
            })
            .collect();
        if services.is_empty() {
            continue;
        }
        out.evaluate(&role.id);
        for service in services {
            let conditions = service.conditions();
            if conditions.source_account.is_some() || conditions.source_arn.is_some() {
                continue;
            }
            out.report(
                format!(
                    "Role {} trusts {} for any source account or resource",
                    cx.label(&role.id),
                    service.id
                ),
                &[&role.id],
                format!(
                    "Add `conditions: {{source_account: ...}}` or `source_arn` to the trust of `{}` on `{}`.",
                    service.id, role.id
                ),
            );
        }
    }
}
