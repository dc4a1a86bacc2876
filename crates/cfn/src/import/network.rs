//! Networking: VPCs and subnets become segments, each subnet's tier read from its route table
//! (a route to an internet gateway makes it public, to a NAT private, neither isolated);
//! gateways, NAT gateways, endpoints, Transit Gateway and peering become components.

use std::collections::HashMap;

use ipnet::Ipv4Net;
use zta_model::{ComponentKind, EndpointType, SegmentKind, Tier};

use super::eval::{Sym, placeholder_vpc};
use super::{Disposition, Importer, ResourceKey};

impl Importer<'_> {
    pub(crate) fn map_network(&mut self) {
        self.map_vpcs();
        self.map_subnets();
        self.map_gateways();
        self.map_endpoints();
        self.map_transit();
        self.carry_network_acls();
    }

    fn map_vpcs(&mut self) {
        let flow_logged: Vec<ResourceKey> = self
            .resources_of_type("AWS::EC2::FlowLog")
            .into_iter()
            .flat_map(|key| {
                let mut targets = self.property(key.0, &key.1, &["ResourceId"]).resources();
                targets.extend(self.property(key.0, &key.1, &["ResourceIds"]).resources());
                targets
            })
            .collect();
        for (index, key) in self
            .element_resources_of_type("AWS::EC2::VPC")
            .into_iter()
            .enumerate()
        {
            let logical_id = self.design_logical_id(&key);
            let id = self.claim_id(&key);
            let block = self.property(key.0, &key.1, &["CidrBlock"]);
            let cidr = match Self::valid_net(block.as_text()).filter(is_vpc_size) {
                Some(net) => net,
                None => {
                    let placeholder = placeholder_vpc(index);
                    self.notes.push(format!(
                        "VPC {logical_id}: CIDR `{}` is not known from the template; placeholder {placeholder} used",
                        block.describe()
                    ));
                    placeholder
                }
            };
            let mut segment = Self::new_segment(
                id.clone(),
                SegmentKind::Vpc,
                self.display_name(&key),
                Some(self.account.clone()),
            );
            segment.cidr = Some(cidr.to_string());
            segment.flow_logs = Some(flow_logged.contains(&key));
            segment.logical_id = Some(logical_id);
            self.design.segments.push(segment);
            self.elements.insert(key.clone(), id.clone());
            self.mark(key, Disposition::Mapped { element: id });
        }
        for key in self.resources_of_type("AWS::EC2::FlowLog") {
            let target = self.element_of(&self.property(key.0, &key.1, &["ResourceId"]));
            self.mark(
                key,
                Disposition::Absorbed {
                    element: target,
                    how: "flow logs on the VPC".to_owned(),
                },
            );
        }
    }

    /// The tier of each route table: public with a route to an internet gateway, private with
    /// one to a NAT gateway or NAT instance, else isolated; and the routes, each with its table.
    fn route_table_tiers(&self) -> (HashMap<ResourceKey, Tier>, Vec<(ResourceKey, ResourceKey)>) {
        let mut tiers: HashMap<ResourceKey, Tier> = self
            .resources_of_type("AWS::EC2::RouteTable")
            .into_iter()
            .map(|key| (key, Tier::Isolated))
            .collect();
        let mut routes = Vec::new();
        for key in self.resources_of_type("AWS::EC2::Route") {
            let Some(table) = self.property(key.0, &key.1, &["RouteTableId"]).resource() else {
                continue;
            };
            let gateway = self.property(key.0, &key.1, &["GatewayId"]);
            let to_internet =
                gateway.resources().iter().any(|gateway| {
                    self.resource(gateway).resource_type == "AWS::EC2::InternetGateway"
                }) || gateway.as_text().is_some_and(|id| id.starts_with("igw-"));
            let to_nat =
                !matches!(
                    self.property(key.0, &key.1, &["NatGatewayId"]),
                    Sym::NoValue
                ) || !matches!(self.property(key.0, &key.1, &["InstanceId"]), Sym::NoValue);
            let tier = if to_internet {
                Tier::Public
            } else if to_nat {
                Tier::Private
            } else {
                Tier::Isolated
            };
            let entry = tiers.entry(table.clone()).or_insert(Tier::Isolated);
            *entry = (*entry).min(tier);
            routes.push((key, table));
        }
        (tiers, routes)
    }

    fn map_subnets(&mut self) {
        let (tiers, routes) = self.route_table_tiers();
        let mut subnet_tables: HashMap<ResourceKey, ResourceKey> = HashMap::new();
        for key in self.resources_of_type("AWS::EC2::SubnetRouteTableAssociation") {
            let subnet = self.property(key.0, &key.1, &["SubnetId"]).resource();
            let table = self.property(key.0, &key.1, &["RouteTableId"]).resource();
            if let (Some(subnet), Some(table)) = (subnet, table) {
                subnet_tables.insert(subnet, table);
            }
        }
        let mut taken: HashMap<String, Vec<Ipv4Net>> = HashMap::new();
        let mut pending_placeholders: Vec<(String, String)> = Vec::new();
        for key in self.element_resources_of_type("AWS::EC2::Subnet") {
            let logical_id = self.design_logical_id(&key);
            let vpc_sym = self.property(key.0, &key.1, &["VpcId"]);
            let vpc = match self.element_of(&vpc_sym) {
                Some(vpc) => vpc,
                None => self.external_vpc(),
            };
            let vpc_net = self
                .design
                .segment(&vpc)
                .and_then(|segment| Self::valid_net(segment.cidr.as_deref()));
            let id = self.claim_id(&key);
            let tier = subnet_tables
                .get(&key)
                .and_then(|table| tiers.get(table))
                .copied()
                .unwrap_or(Tier::Isolated);
            let block = self.property(key.0, &key.1, &["CidrBlock"]);
            let siblings = taken.entry(vpc.clone()).or_default();
            let fits = |net: &Ipv4Net| {
                vpc_net.is_none_or(|vpc| vpc.contains(net))
                    && !siblings.iter().any(|other| {
                        other.contains(&net.network()) || net.contains(&other.network())
                    })
            };
            let cidr = match Self::valid_net(block.as_text()).filter(&fits) {
                Some(net) => Some(net),
                None => {
                    pending_placeholders.push((id.clone(), block.describe()));
                    None
                }
            };
            if let Some(net) = cidr {
                siblings.push(net);
            }
            let mut segment = Self::new_segment(
                id.clone(),
                SegmentKind::Subnet,
                self.display_name(&key),
                Some(vpc),
            );
            segment.cidr = cidr.map(|net| net.to_string());
            segment.tier = Some(tier);
            segment.az = self
                .property(key.0, &key.1, &["AvailabilityZone"])
                .as_text()
                .filter(|az| !az.is_empty())
                .map(str::to_owned);
            segment.logical_id = Some(logical_id);
            self.design.segments.push(segment);
            self.elements.insert(key.clone(), id.clone());
            self.mark(key, Disposition::Mapped { element: id });
        }
        // Subnets whose block is not known get free /24 blocks of their VPC, after the known ones.
        for (id, written) in pending_placeholders {
            let Some(vpc) = self
                .design
                .segment(&id)
                .and_then(|segment| segment.parent.clone())
            else {
                continue;
            };
            let vpc_net = self
                .design
                .segment(&vpc)
                .and_then(|segment| Self::valid_net(segment.cidr.as_deref()))
                .unwrap_or_else(|| placeholder_vpc(0));
            let siblings = taken.entry(vpc.clone()).or_default();
            if let Some(net) = free_block(vpc_net, siblings) {
                siblings.push(net);
                if let Some(segment) = self.segment_mut(&id) {
                    segment.cidr = Some(net.to_string());
                }
                self.notes.push(format!(
                    "subnet {id}: CIDR `{written}` is not known from the template (or lies outside its VPC); placeholder {net} used"
                ));
                continue;
            }
            // A VPC too small for its subnets cannot deploy; the subnet still needs a block, so
            // it moves to the stand-in VPC, which has room, and the note says so.
            let external = self.external_vpc();
            let external_net = self
                .design
                .segment(&external)
                .and_then(|segment| Self::valid_net(segment.cidr.as_deref()))
                .unwrap_or_else(|| placeholder_vpc(1));
            let used: Vec<Ipv4Net> = self
                .design
                .segments
                .iter()
                .filter(|segment| segment.parent.as_deref() == Some(external.as_str()))
                .filter_map(|segment| Self::valid_net(segment.cidr.as_deref()))
                .collect();
            let net = free_block(external_net, &used);
            if let Some(segment) = self.segment_mut(&id) {
                segment.parent = Some(external.clone());
                segment.cidr = net.map(|net| net.to_string());
            }
            self.notes.push(format!(
                "subnet {id}: VPC {vpc} has no room left for a placeholder block for its CIDR `{written}`; the subnet sits in `{external}` instead"
            ));
        }
        // A route goes into the first subnet (in template order) whose tier it sets, so that
        // the rules judging that subnet's tier judge the route too.
        for (route, table) in routes {
            let subnet = self
                .element_resources_of_type("AWS::EC2::Subnet")
                .into_iter()
                .filter(|subnet| subnet_tables.get(subnet) == Some(&table))
                .find_map(|subnet| self.element_for(&subnet).cloned());
            self.mark(
                route,
                Disposition::Absorbed {
                    element: subnet,
                    how: format!("sets the tier of the subnets using route table {}", table.1),
                },
            );
        }
        for (key, table) in subnet_tables {
            let subnet = self.element_for(&key).cloned();
            for association in self.resources_of_type("AWS::EC2::SubnetRouteTableAssociation") {
                if self
                    .property(association.0, &association.1, &["SubnetId"])
                    .resource()
                    == Some(key.clone())
                {
                    self.mark(
                        association,
                        Disposition::Absorbed {
                            element: subnet.clone(),
                            how: "sets the subnet's tier".to_owned(),
                        },
                    );
                }
            }
            let vpc = subnet.as_deref().and_then(|subnet| self.vpc_of(subnet));
            self.mark(
                table,
                Disposition::Absorbed {
                    element: vpc,
                    how: "its routes set the tiers of its subnets".to_owned(),
                },
            );
        }
        for key in self.resources_of_type("AWS::EC2::RouteTable") {
            let vpc = self.element_of(&self.property(key.0, &key.1, &["VpcId"]));
            self.mark(
                key,
                Disposition::Absorbed {
                    element: vpc,
                    how: "a route table with no subnet: its subnets' tier is isolated".to_owned(),
                },
            );
        }
    }

    fn map_gateways(&mut self) {
        let attachments: Vec<(ResourceKey, Sym, Sym)> = self
            .resources_of_type("AWS::EC2::VPCGatewayAttachment")
            .into_iter()
            .map(|key| {
                let gateway = self.property(key.0, &key.1, &["InternetGatewayId"]);
                let vpc = self.property(key.0, &key.1, &["VpcId"]);
                (key, gateway, vpc)
            })
            .collect();
        for key in self.element_resources_of_type("AWS::EC2::InternetGateway") {
            let vpc = attachments
                .iter()
                .find(|(_, gateway, _)| gateway.resource().as_ref() == Some(&key))
                .and_then(|(_, _, vpc)| self.element_of(vpc));
            let Some(vpc) = vpc else {
                self.mark(
                    key,
                    Disposition::Carried {
                        reason: "internet gateway attached to no VPC of the template".to_owned(),
                    },
                );
                continue;
            };
            let component = self.new_component(&key, ComponentKind::InternetGateway, vpc);
            self.push_component(&key, component);
        }
        for (key, gateway, _) in attachments {
            let element = self.element_of(&gateway);
            let how = if element.is_some() {
                "attaches the internet gateway to its VPC"
            } else {
                "attaches a gateway the design does not draw"
            };
            self.mark(
                key,
                Disposition::Absorbed {
                    element,
                    how: how.to_owned(),
                },
            );
        }
        for key in self.element_resources_of_type("AWS::EC2::NatGateway") {
            let subnets = self.property(key.0, &key.1, &["SubnetId"]);
            let subnet = self.subnet_for(&subnets, Tier::Public);
            let component = self.new_component(&key, ComponentKind::NatGateway, subnet);
            let id = self.push_component(&key, component);
            if let Some(eip) = self.property(key.0, &key.1, &["AllocationId"]).resource() {
                self.mark(
                    eip,
                    Disposition::Absorbed {
                        element: Some(id),
                        how: "the NAT gateway's public address".to_owned(),
                    },
                );
            }
        }
    }

    fn map_endpoints(&mut self) {
        for key in self.element_resources_of_type("AWS::EC2::VPCEndpoint") {
            let endpoint_type = match self.property(key.0, &key.1, &["VpcEndpointType"]).as_text() {
                Some("Interface") => EndpointType::Interface,
                Some("Gateway") | None => EndpointType::Gateway,
                Some(_) => EndpointType::Interface,
            };
            let vpc = self.element_of(&self.property(key.0, &key.1, &["VpcId"]));
            let subnet = match endpoint_type {
                EndpointType::Interface => {
                    let subnets = self.property(key.0, &key.1, &["SubnetIds"]);
                    self.first_subnet(&subnets)
                }
                EndpointType::Gateway => {
                    let tables = self.property(key.0, &key.1, &["RouteTableIds"]).resources();
                    self.subnet_of_route_tables(&tables)
                }
            };
            let subnet = subnet
                .or_else(|| vpc.as_deref().and_then(|vpc| self.first_subnet_of_vpc(vpc)))
                .unwrap_or_else(|| self.external_subnet(Tier::Private));
            let mut component = self.new_component(&key, ComponentKind::VpcEndpoint, subnet);
            component.properties.endpoint_type = Some(endpoint_type);
            let service = self.property(key.0, &key.1, &["ServiceName"]).describe();
            component.properties.service = Some(short_service_name(&service));
            if let Some(document) = self.resource(&key).property("PolicyDocument").cloned() {
                component.properties.resource_policy = self.design_statements(&key, &document);
            }
            self.push_component(&key, component);
        }
        for key in self.element_resources_of_type("AWS::EC2::VPCEndpointService") {
            let balancers = self.property(key.0, &key.1, &["NetworkLoadBalancerArns"]);
            let subnets: Vec<Sym> = balancers
                .resources()
                .into_iter()
                .map(|balancer| self.property(balancer.0, &balancer.1, &["Subnets"]))
                .collect();
            let subnet = subnets
                .iter()
                .find_map(|subnets| self.first_subnet(subnets))
                .unwrap_or_else(|| self.external_subnet(Tier::Private));
            let component = self.new_component(&key, ComponentKind::EndpointService, subnet);
            self.push_component(&key, component);
        }
    }

    /// A subnet associated with one of the given route tables.
    fn subnet_of_route_tables(&self, tables: &[ResourceKey]) -> Option<String> {
        self.resources_of_type("AWS::EC2::SubnetRouteTableAssociation")
            .into_iter()
            .find(|association| {
                self.property(association.0, &association.1, &["RouteTableId"])
                    .resource()
                    .is_some_and(|table| tables.contains(&table))
            })
            .and_then(|association| {
                self.element_of(&self.property(association.0, &association.1, &["SubnetId"]))
            })
    }

    fn first_subnet_of_vpc(&self, vpc: &str) -> Option<String> {
        self.design
            .segments
            .iter()
            .find(|segment| {
                segment.kind == SegmentKind::Subnet && segment.parent.as_deref() == Some(vpc)
            })
            .map(|segment| segment.id.clone())
    }

    fn map_transit(&mut self) {
        let attachment_types = [
            "AWS::EC2::TransitGatewayAttachment",
            "AWS::EC2::TransitGatewayVpcAttachment",
        ];
        let attachments: Vec<(ResourceKey, Sym, Sym)> = attachment_types
            .iter()
            .flat_map(|resource_type| self.resources_of_type(resource_type))
            .map(|key| {
                let gateway = self.property(key.0, &key.1, &["TransitGatewayId"]);
                let vpc = self.property(key.0, &key.1, &["VpcId"]);
                (key, gateway, vpc)
            })
            .collect();
        for key in self.element_resources_of_type("AWS::EC2::TransitGateway") {
            let mut component =
                self.new_component(&key, ComponentKind::TransitGateway, self.account.clone());
            component.properties.attachments = attachments
                .iter()
                .filter(|(_, gateway, _)| gateway.resource().as_ref() == Some(&key))
                .filter_map(|(_, _, vpc)| self.element_of(vpc))
                .collect();
            component.properties.auto_accept_attachments = self
                .property(key.0, &key.1, &["AutoAcceptSharedAttachments"])
                .as_text()
                .map(|mode| mode == "enable");
            self.push_component(&key, component);
        }
        for (key, gateway, _) in attachments {
            let element = self.element_of(&gateway);
            self.mark(
                key,
                Disposition::Absorbed {
                    element,
                    how: "a Transit Gateway attachment of the VPC".to_owned(),
                },
            );
        }
        crate::kinds::network::transit_gateway::absorb_routing(self);
        for key in self.element_resources_of_type("AWS::EC2::VPCPeeringConnection") {
            let mut attached = self.elements_of(&self.property(key.0, &key.1, &["VpcId"]));
            attached.extend(self.elements_of(&self.property(key.0, &key.1, &["PeerVpcId"])));
            // A peering is an element only between two VPCs of the design; one with a VPC the
            // template takes as a parameter or import is kept verbatim, so the export writes
            // it back as it was instead of dropping a peering it cannot draw.
            if attached.len() != 2 {
                self.mark(
                    key,
                    Disposition::Carried {
                        reason: "VPC peering with a VPC the template does not define (a parameter or an import names it); kept verbatim".to_owned(),
                    },
                );
                continue;
            }
            let mut component =
                self.new_component(&key, ComponentKind::VpcPeering, self.account.clone());
            component.properties.attachments = attached;
            let peer = self.property(key.0, &key.1, &["PeerVpcId"]).describe();
            component.description = Some(format!("Peers with VPC {peer}."));
            self.push_component(&key, component);
        }
    }

    fn carry_network_acls(&mut self) {
        for resource_type in [
            "AWS::EC2::NetworkAcl",
            "AWS::EC2::NetworkAclEntry",
            "AWS::EC2::SubnetNetworkAclAssociation",
        ] {
            for key in self.resources_of_type(resource_type) {
                self.mark(
                    key,
                    Disposition::Carried {
                        reason: "network ACLs have no element in the design (the export generates NACLs per tier); kept verbatim".to_owned(),
                    },
                );
            }
        }
    }
}

/// `com.amazonaws.${AWS::Region}.s3` → `s3`; other names stay as written.
fn short_service_name(name: &str) -> String {
    let parts: Vec<&str> = name.split('.').collect();
    match parts.as_slice() {
        ["com", "amazonaws", _region, service @ ..] if !service.is_empty() => service.join("."),
        _ => name.to_owned(),
    }
}

/// Whether a block is one AWS accepts for a VPC: from /16 to /28.
fn is_vpc_size(net: &Ipv4Net) -> bool {
    (16..=28).contains(&net.prefix_len())
}

/// The first block of `vpc` that overlaps none of `used`, for a subnet whose block is not known:
/// a /24 where the VPC has room for one, else smaller blocks down to /28, the smallest subnet
/// AWS accepts.
pub(crate) fn free_block(vpc: Ipv4Net, used: &[Ipv4Net]) -> Option<Ipv4Net> {
    (vpc.prefix_len().clamp(24, 28)..=28).find_map(|prefix| {
        vpc.subnets(prefix).ok()?.find(|net| {
            !used
                .iter()
                .any(|other| other.contains(&net.network()) || net.contains(&other.network()))
        })
    })
}
