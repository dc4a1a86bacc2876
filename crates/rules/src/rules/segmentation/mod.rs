//! Micro-segmentation rules: data stores and workloads in the right tiers, no broad or
//! administrative ingress, egress inspected, and VPCs joined through Transit Gateway or
//! PrivateLink rather than peering or the internet.

pub(crate) mod aws_api_without_endpoint;
pub(crate) mod carried_network_acl_open_admin;
pub(crate) mod carried_public_access;
pub(crate) mod cross_vpc_peering;
pub(crate) mod cross_vpc_without_private_route;
pub(crate) mod data_store_exposed_without_authentication;
pub(crate) mod data_store_in_public_subnet;
pub(crate) mod data_store_publicly_accessible;
pub(crate) mod egress_not_inspected;
pub(crate) mod eks_public_endpoint;
pub(crate) mod fargate_pods_in_public_subnet;
pub(crate) mod internet_flow_to_data_store;
pub(crate) mod internet_flow_to_internal_endpoint;
pub(crate) mod internet_ingress_not_https_edge;
pub(crate) mod isolated_tier_internet_egress;
pub(crate) mod outside_zone_unauthenticated;
pub(crate) mod remote_admin_from_outside;
pub(crate) mod remote_admin_protocol;
pub(crate) mod tgw_auto_accept;
pub(crate) mod tier_lacks_second_zone;
pub(crate) mod workload_in_public_subnet;
pub(crate) mod workload_public_address;
