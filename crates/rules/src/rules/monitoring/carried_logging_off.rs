//! ZT-MON-031: a carried resource keeps no access or audit log.

use crate::carried::settings::{Row, Unsafe, judge, row};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resources in the design's `carried_cloudformation` whose settings keep no log of
    /// who called them or what they did: API Gateway stages without access logs, EKS clusters
    /// without control-plane logs, MSK clusters, OpenSearch domains, Step Functions state
    /// machines, AppSync APIs and Redshift clusters without logging, CloudFront distributions
    /// without access logs, and certificates that opt out of Certificate Transparency logs.
    /// The table of resource types and settings is in the rule's source; a setting computed at
    /// deployment is not judged.
    ///
    /// ## Why it matters
    /// Carried CloudFormation is deployed with the design but drawn nowhere, so the design's
    /// monitoring rules never see it; without its logs an investigation cannot tell who used
    /// the API or cluster, and a certificate issued outside Certificate Transparency goes
    /// unnoticed by the domain's owners.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Prod:
    ///       Type: AWS::ApiGateway::Stage
    ///       Properties: {RestApiId: {Ref: Api}, DeploymentId: {Ref: Deployment}, StageName: prod}
    /// ```
    ///
    /// ## What to do instead
    /// Turn the resource's logging on (an access log destination, control-plane log types, a
    /// log group for the state machine or API), keep the logs a year, and leave Certificate
    /// Transparency logging on.
    code: "ZT-MON-031",
    name: "carried-logging-off",
    title: "Carried resource keeps no access or audit log",
    family: Monitoring,
    severity: Medium,
    tenets: [T7],
    pillar: Visibility,
    check: check,
}

const NO_LOG: &str = "keeps no access or audit log";

/// The settings that turn a resource's logging on, by resource type (AWS CloudFormation
/// resource and property reference, "AWS resource and property types reference").
const TABLE: &[Row] = &[
    row(
        "AWS::ApiGateway::Stage",
        "AccessLogSetting",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::ApiGatewayV2::Stage",
        "AccessLogSettings",
        Unsafe::Absent,
        NO_LOG,
    ),
    row("AWS::EKS::Cluster", "Logging", Unsafe::Absent, NO_LOG),
    row("AWS::MSK::Cluster", "LoggingInfo", Unsafe::Absent, NO_LOG),
    row(
        "AWS::OpenSearchService::Domain",
        "LogPublishingOptions",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::StepFunctions::StateMachine",
        "LoggingConfiguration",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::AppSync::GraphQLApi",
        "LogConfig",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::Redshift::Cluster",
        "LoggingProperties",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::CloudFront::Distribution",
        "DistributionConfig.Logging",
        Unsafe::Absent,
        NO_LOG,
    ),
    row(
        "AWS::CertificateManager::Certificate",
        "CertificateTransparencyLoggingPreference",
        Unsafe::OneOf(&["DISABLED"]),
        "is kept out of Certificate Transparency logs",
    ),
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge(cx.design, out, TABLE, |row| {
        format!(
            "Set `{}` of the {} so that it is logged, or draw it in the design so that the rules judge it.",
            row.path.replace(['?'], "").replace("[]", "[*]"),
            row.resource_type
        )
    });
}
