//! ZT-NET-030: a carried resource is open to the public by one of its settings.

use crate::carried::settings::{Row, Unsafe, judge, row, unless};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resources in the design's `carried_cloudformation` whose own settings open them
    /// to the internet or to anyone: S3 buckets and access points that turn Block Public
    /// Access off or grant a public canned ACL (`AccessControl: PublicRead`), databases,
    /// Redshift Serverless workgroups, brokers and replication instances marked publicly
    /// accessible, EKS API endpoints left
    /// public, Lambda function URLs and API methods or routes without authorization, Cognito
    /// identity pools that admit unauthenticated identities, instances, launch templates and
    /// Elastic IPs that give public addresses, CloudFront origin access controls that never
    /// sign, endpoint services open to every account, internet-facing load balancers,
    /// OpenSearch domains outside a VPC, public Transfer Family servers, notebooks with direct
    /// internet access and security group ingress from anywhere. The table of resource types
    /// and settings is in the rule's source; a setting computed at deployment is not judged,
    /// except an Elastic IP's instance, which gives a public address whatever it is.
    ///
    /// ## Why it matters
    /// Carried CloudFormation is deployed with the design but drawn nowhere, so the path
    /// analysis cannot see that it faces the internet: a setting is the only place the
    /// exposure shows.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Reports:
    ///       Type: AWS::S3::Bucket
    ///       Properties: {AccessControl: PublicRead}
    /// ```
    ///
    /// ## What to do instead
    /// Keep the resource private (Block Public Access on, no public ACL, not publicly
    /// accessible, inside a VPC, with authorization), and publish through an authenticated
    /// edge such as CloudFront with origin access control, or draw the resource in the design
    /// so that the rules judge its paths.
    code: "ZT-NET-030",
    name: "carried-public-access",
    title: "Carried resource is open to the public",
    family: Segmentation,
    severity: High,
    tenets: [T2, T6],
    pillar: Networks,
    check: check,
}

const PUBLIC_ACLS: &[&str] = &["PublicRead", "PublicReadWrite", "AuthenticatedRead"];
const NONE: &[&str] = &["NONE"];

/// The settings that open a resource to the public, by resource type (AWS CloudFormation
/// resource and property reference, "AWS resource and property types reference").
const TABLE: &[Row] = &[
    row(
        "AWS::S3::Bucket",
        "AccessControl",
        Unsafe::OneOf(PUBLIC_ACLS),
        "grants public access by a canned ACL",
    ),
    row(
        "AWS::S3::Bucket",
        "PublicAccessBlockConfiguration.BlockPublicAcls",
        Unsafe::False,
        "lets public ACLs be set",
    ),
    row(
        "AWS::S3::Bucket",
        "PublicAccessBlockConfiguration.IgnorePublicAcls",
        Unsafe::False,
        "honours public ACLs",
    ),
    row(
        "AWS::S3::Bucket",
        "PublicAccessBlockConfiguration.BlockPublicPolicy",
        Unsafe::False,
        "lets a public bucket policy be set",
    ),
    row(
        "AWS::S3::Bucket",
        "PublicAccessBlockConfiguration.RestrictPublicBuckets",
        Unsafe::False,
        "serves anyone a public policy admits",
    ),
    row(
        "AWS::S3::AccessPoint",
        "PublicAccessBlockConfiguration.BlockPublicPolicy",
        Unsafe::False,
        "lets a public access point policy be set",
    ),
    row(
        "AWS::S3::AccessPoint",
        "PublicAccessBlockConfiguration.RestrictPublicBuckets",
        Unsafe::False,
        "serves anyone a public policy admits",
    ),
    row(
        "AWS::RDS::DBInstance",
        "PubliclyAccessible",
        Unsafe::True,
        "is publicly accessible",
    ),
    row(
        "AWS::RDS::DBCluster",
        "PubliclyAccessible",
        Unsafe::True,
        "is publicly accessible",
    ),
    row(
        "AWS::Redshift::Cluster",
        "PubliclyAccessible",
        Unsafe::True,
        "is publicly accessible",
    ),
    row(
        "AWS::RedshiftServerless::Workgroup",
        "PubliclyAccessible",
        Unsafe::True,
        "is publicly accessible",
    ),
    row(
        "AWS::DMS::ReplicationInstance",
        "PubliclyAccessible",
        Unsafe::UnlessFalse,
        "is publicly accessible (the default)",
    ),
    row(
        "AWS::AmazonMQ::Broker",
        "PubliclyAccessible",
        Unsafe::True,
        "is publicly accessible",
    ),
    row(
        "AWS::EKS::Cluster",
        "ResourcesVpcConfig.EndpointPublicAccess",
        Unsafe::UnlessFalse,
        "serves its Kubernetes API on the internet",
    ),
    row(
        "AWS::Lambda::Url",
        "AuthType",
        Unsafe::OneOf(NONE),
        "accepts unauthenticated calls",
    ),
    unless(
        "AWS::ApiGateway::Method",
        "AuthorizationType",
        Unsafe::AbsentOrOneOf(NONE),
        "accepts unauthenticated calls",
        ("HttpMethod", "OPTIONS"),
    ),
    row(
        "AWS::ApiGatewayV2::Route",
        "AuthorizationType",
        Unsafe::AbsentOrOneOf(NONE),
        "accepts unauthenticated calls",
    ),
    row(
        "AWS::AppSync::GraphQLApi",
        "AuthenticationType",
        Unsafe::OneOf(&["API_KEY"]),
        "admits anyone holding a shared API key",
    ),
    row(
        "AWS::Cognito::IdentityPool",
        "AllowUnauthenticatedIdentities",
        Unsafe::True,
        "hands AWS credentials to unauthenticated identities",
    ),
    row(
        "AWS::EC2::Instance",
        "NetworkInterfaces[].AssociatePublicIpAddress",
        Unsafe::True,
        "gets a public address",
    ),
    row(
        "AWS::EC2::LaunchTemplate",
        "LaunchTemplateData.NetworkInterfaces[].AssociatePublicIpAddress",
        Unsafe::True,
        "gives its instances public addresses",
    ),
    row(
        "AWS::AutoScaling::LaunchConfiguration",
        "AssociatePublicIpAddress",
        Unsafe::True,
        "gives its instances public addresses",
    ),
    row(
        "AWS::EC2::EIP",
        "InstanceId",
        Unsafe::Present,
        "gives an instance a public address",
    ),
    row(
        "AWS::EC2::EIPAssociation",
        "InstanceId",
        Unsafe::Present,
        "gives an instance a public address",
    ),
    row(
        "AWS::CloudFront::OriginAccessControl",
        "OriginAccessControlConfig.SigningBehavior",
        Unsafe::OneOf(&["never"]),
        "sends origin requests unsigned, so its origins must admit anonymous requests",
    ),
    row(
        "AWS::EC2::VPCEndpointServicePermissions",
        "AllowedPrincipals[]",
        Unsafe::OneOf(&["*"]),
        "lets any AWS account connect to the endpoint service",
    ),
    row(
        "AWS::EC2::Subnet",
        "MapPublicIpOnLaunch",
        Unsafe::True,
        "gives every instance launched in it a public address",
    ),
    unless(
        "AWS::ElasticLoadBalancingV2::LoadBalancer",
        "Scheme",
        Unsafe::AbsentOrOneOf(&["internet-facing"]),
        "faces the internet",
        ("Type", "gateway"),
    ),
    row(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        "Scheme",
        Unsafe::AbsentOrOneOf(&["internet-facing"]),
        "faces the internet",
    ),
    row(
        "AWS::OpenSearchService::Domain",
        "VPCOptions",
        Unsafe::Absent,
        "has a public endpoint (no VPC)",
    ),
    row(
        "AWS::Elasticsearch::Domain",
        "VPCOptions",
        Unsafe::Absent,
        "has a public endpoint (no VPC)",
    ),
    row(
        "AWS::Transfer::Server",
        "EndpointType",
        Unsafe::AbsentOrOneOf(&["PUBLIC"]),
        "has a public endpoint",
    ),
    row(
        "AWS::SageMaker::NotebookInstance",
        "DirectInternetAccess",
        Unsafe::AbsentOrOneOf(&["Enabled"]),
        "has direct internet access",
    ),
    row(
        "AWS::MSK::Cluster",
        "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
        Unsafe::OneOf(&["SERVICE_PROVIDED_EIPS"]),
        "gives its brokers public addresses",
    ),
    row(
        "AWS::EC2::SecurityGroupIngress",
        "CidrIp",
        Unsafe::OneOf(&["0.0.0.0/0"]),
        "admits traffic from anywhere",
    ),
    row(
        "AWS::EC2::SecurityGroupIngress",
        "CidrIpv6",
        Unsafe::OneOf(&["::/0"]),
        "admits traffic from anywhere",
    ),
    row(
        "AWS::EC2::SecurityGroup",
        "SecurityGroupIngress[].CidrIp",
        Unsafe::OneOf(&["0.0.0.0/0"]),
        "admits traffic from anywhere",
    ),
    row(
        "AWS::EC2::SecurityGroup",
        "SecurityGroupIngress[].CidrIpv6",
        Unsafe::OneOf(&["::/0"]),
        "admits traffic from anywhere",
    ),
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge(cx.design, out, TABLE, |row| {
        format!(
            "Change `{}` so that the {} is not open to the public, or draw it in the design so that the rules judge its paths.",
            row.path.replace(['?'], "").replace("[]", "[*]"),
            row.resource_type
        )
    });
}
