//! Segments: the places elements live in, nested as a tree (account → region → VPC → subnet),
//! plus the zones outside AWS (the internet, on-premises networks, partner networks).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Suppression;

/// A segment of the design: a container that other segments or components sit in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Unique id across the whole design (lowercase letters, digits, `-` and `_`).
    pub id: String,
    /// What kind of segment this is; it decides which parent it may have.
    pub kind: SegmentKind,
    /// The name people read on the canvas and in reports.
    pub name: String,
    /// The segment this one is nested in (a subnet's VPC, a VPC's account or region).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Free text for reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The 12-digit AWS account id, for accounts, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<String>,
    /// For accounts: the account administers the organization's IAM Identity Center, as its
    /// management account or as the delegated administrator. Permission sets and account
    /// assignments deploy only from such an account, so the export writes them into its stack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_role: Option<OrganizationRole>,
    /// The AWS region code (e.g. `eu-west-1`), for regions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The IPv4 CIDR block, for VPCs, subnets and on-premises or partner networks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cidr: Option<String>,
    /// The availability zone, for subnets (e.g. `eu-west-1a`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub az: Option<String>,
    /// The routing tier, for subnets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    /// Whether VPC flow logs are on, for VPCs; absent means the zero-trust default (on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flow_logs: Option<bool>,
    /// The CloudFormation logical id this segment maps to, when it came from a template.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logical_id: Option<String>,
    /// Rules accepted as risks for this segment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

/// What an account does in its AWS Organization, where that decides what may deploy in it
/// (<https://docs.aws.amazon.com/singlesignon/latest/userguide/delegated-admin.html>).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationRole {
    /// The organization's management account.
    Management,
    /// The member account registered as IAM Identity Center's delegated administrator.
    DelegatedAdministrator,
}

impl OrganizationRole {
    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            OrganizationRole::Management => "management",
            OrganizationRole::DelegatedAdministrator => "delegated_administrator",
        }
    }
}

/// The kinds of segment.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// An AWS account.
    Account,
    /// An AWS region inside an account.
    Region,
    /// A virtual private cloud.
    Vpc,
    /// A subnet of a VPC, in one availability zone and one tier.
    Subnet,
    /// The public internet.
    Internet,
    /// An on-premises network, reached over VPN or Direct Connect.
    OnPremises,
    /// A partner's network.
    PartnerNetwork,
}

/// The routing tier of a subnet, read from its route table.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Routes to an internet gateway: reachable from the internet.
    Public,
    /// Routes out through a NAT gateway but is not reachable from the internet.
    Private,
    /// No route to or from the internet at all.
    Isolated,
}

impl SegmentKind {
    /// The kinds of segment this kind may be nested in; an empty list means it is a root.
    pub fn allowed_parents(self) -> &'static [SegmentKind] {
        match self {
            SegmentKind::Account
            | SegmentKind::Internet
            | SegmentKind::OnPremises
            | SegmentKind::PartnerNetwork => &[],
            SegmentKind::Region => &[SegmentKind::Account],
            SegmentKind::Vpc => &[SegmentKind::Account, SegmentKind::Region],
            SegmentKind::Subnet => &[SegmentKind::Vpc],
        }
    }

    /// Whether the segment is part of AWS (as opposed to a zone outside it).
    pub fn is_aws(self) -> bool {
        !matches!(
            self,
            SegmentKind::Internet | SegmentKind::OnPremises | SegmentKind::PartnerNetwork
        )
    }

    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            SegmentKind::Account => "account",
            SegmentKind::Region => "region",
            SegmentKind::Vpc => "vpc",
            SegmentKind::Subnet => "subnet",
            SegmentKind::Internet => "internet",
            SegmentKind::OnPremises => "on_premises",
            SegmentKind::PartnerNetwork => "partner_network",
        }
    }

    /// The fields that mean something for this kind; the loader rejects the others.
    pub fn applicable_fields(self) -> &'static [&'static str] {
        match self {
            SegmentKind::Account => &["account_id", "organization_role"],
            SegmentKind::Region => &["region"],
            SegmentKind::Vpc => &["cidr", "flow_logs"],
            SegmentKind::Subnet => &["cidr", "az", "tier"],
            SegmentKind::Internet => &[],
            SegmentKind::OnPremises | SegmentKind::PartnerNetwork => &["cidr"],
        }
    }
}

impl Tier {
    /// The name used in the file format and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Public => "public",
            Tier::Private => "private",
            Tier::Isolated => "isolated",
        }
    }
}
