//! AWS Transfer Family servers: managed SFTP, FTPS, FTP and AS2 endpoints that write the files
//! their users send into S3 buckets or EFS file systems, each user acting as its role. The users
//! (`AWS::Transfer::User`) are folded into the server: the role of its users is the server's
//! identity, and the bucket or file system a user's home directory names is a flow from the
//! server.
//!
//! A drawn server exports as a VPC endpoint in its subnets with its own security group (Elastic
//! IP addresses when it is internet-facing), SFTP with service-managed SSH-key users unless the
//! design says otherwise, a current security policy, and structured logs to a log group of its
//! own.
//! Shape: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-transfer-server.html>.

use zta_model::{
    Component, ComponentKind, Scheme, Tier, TransferIdentityProvider, TransferProtocol,
};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role_named;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::kinds::edge::acm_certificate::certificate_arn;
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Transfer::Server";

/// The users of a server, folded into it.
pub(crate) const USER: &str = "AWS::Transfer::User";

/// The security policy the export writes when the design names none: TLS 1.2 and current SSH
/// algorithms only
/// (<https://docs.aws.amazon.com/transfer/latest/userguide/security-policies.html>).
pub(crate) const SECURITY_POLICY: &str = "TransferSecurityPolicy-2024-01";

/// The policy AWS applies to a server that names none: it still accepts SHA-1 SSH algorithms
/// and TLS ciphers that current guidance rules out.
pub(crate) const DEFAULT_POLICY: &str = "TransferSecurityPolicy-2018-11";

/// The AWS managed policy that lets Transfer Family write its structured logs.
const LOGGING_ACCESS: &str = "arn:aws:iam::aws:policy/service-role/AWSTransferLoggingAccess";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let (Some(subnet), Some(vpc)) = (b.subnet_of(c), b.vpc_of(c)) else {
        return;
    };
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let logical = b.logical_id(&c.id);
    let subnets = b.spread_subnets(subnet);
    let mut endpoint = vec![
        ("VpcId", Value::reference(b.logical_id(&vpc.id))),
        ("SubnetIds", Value::list(b.segment_refs(&subnets))),
        (
            "SecurityGroupIds",
            Value::list([Value::get_att(
                b.logical_id_for(&c.id, "SecurityGroup"),
                "GroupId",
            )]),
        ),
    ];
    // A VPC endpoint faces the internet through one Elastic IP address per subnet; without them
    // it is reachable from the VPC only.
    if b.is_internet_facing(c) {
        let addresses: Vec<Value> = (1..=subnets.len())
            .map(|n| {
                let address = b.logical_id_for(&c.id, &format!("Address{n}"));
                b.put(
                    &unit,
                    address.clone(),
                    &c.id,
                    group.clone(),
                    Resource::new("AWS::EC2::EIP")
                        .with_property("Domain", "vpc")
                        .with_property("Tags", tags(&c.id, &c.tags)),
                );
                Value::get_att(address, "AllocationId")
            })
            .collect();
        endpoint.push(("AddressAllocationIds", Value::list(addresses)));
    }
    let protocols = if c.properties.transfer_protocols.is_empty() {
        vec![TransferProtocol::Sftp]
    } else {
        c.properties.transfer_protocols.clone()
    };
    let provider = c
        .properties
        .identity_provider
        .unwrap_or(TransferIdentityProvider::ServiceManaged);
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("EndpointType", "VPC")
        .with_property("EndpointDetails", Value::map(endpoint))
        .with_property(
            "Protocols",
            Value::list(protocols.iter().map(|p| Value::string(protocol_name(*p)))),
        )
        .with_property("IdentityProviderType", provider_name(provider))
        .with_property(
            "SecurityPolicyName",
            c.properties
                .tls_policy
                .clone()
                .unwrap_or_else(|| SECURITY_POLICY.to_owned()),
        );
    if let Some(details) = provider_details(b, &unit, c, provider) {
        resource = resource.with_property("IdentityProviderDetails", details);
    }
    if protocols.contains(&TransferProtocol::Ftps) {
        resource = resource.with_property("Certificate", certificate_arn(b, &unit, c));
    }
    if protocols.contains(&TransferProtocol::As2) {
        resource = resource.with_property(
            "ProtocolDetails",
            Value::map([("As2Transports", Value::list([Value::string("HTTP")]))]),
        );
    }
    if c.properties.logging != Some(false) {
        let log_group = b.log_group(
            &unit,
            b.logical_id_for(&c.id, "LogGroup"),
            &c.id,
            group.clone(),
            None,
            None,
        );
        let role = own_role_named(
            b,
            &unit,
            c,
            "LoggingRole",
            "transfer.amazonaws.com",
            vec![crate::policy::portable_arn(LOGGING_ACCESS)],
        );
        resource = resource
            .with_property("LoggingRole", Value::get_att(role, "Arn"))
            .with_property(
                "StructuredLogDestinations",
                Value::list([Value::get_att(log_group, "Arn")]),
            );
    }
    resource = resource.with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, logical.clone(), &c.id, group, resource);
    let users = users(b, c, provider, &unit, &logical);
    if !users {
        let role = c.identity.as_deref().map_or_else(
            || "a role granted the flows the design draws from the server".to_owned(),
            |role| format!("role `{role}`"),
        );
        b.manual_step(
            &c.id,
            &unit,
            "Add the server's users",
            format!("Give the users of `{}` {role} and a home directory in the bucket or file system the design draws the server reaching.", c.id),
        )
        .console("AWS Transfer Family > Servers > the server > Add user");
    }
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "ServerId"),
        Output {
            description: Some(Value::string(format!("Server id of `{}`", c.name))),
            ..Output::new(Value::get_att(&logical, "ServerId"))
        },
    );
}

/// Writes one service-managed user per bucket or file system of its own account the design draws
/// the server reaching, named after it, with the server's identity as its role (granted exactly
/// the drawn flows) and that store as its home; the deployer adds their SSH keys. Returns whether
/// it wrote any: a custom identity provider returns its users' roles and homes itself, and a
/// server without an identity has no role to give them.
fn users(
    b: &mut Builder<'_>,
    c: &Component,
    provider: TransferIdentityProvider,
    unit: &str,
    server: &str,
) -> bool {
    let Some(identity) = c.identity.as_deref() else {
        return false;
    };
    if provider != TransferIdentityProvider::ServiceManaged {
        return false;
    }
    let homes: Vec<String> = b
        .flows_from(&c.id)
        .iter()
        .filter_map(|flow| b.component(&flow.target))
        .filter(|target| {
            matches!(
                target.kind,
                ComponentKind::S3Bucket | ComponentKind::EfsFileSystem
            ) && b.unit_of_component(target) == unit
        })
        .map(|target| target.id.clone())
        .collect();
    let role = b.role_arn(unit, identity);
    for home in &homes {
        let user = b.logical_id_for(&c.id, &format!("{}User", b.logical_id(home)));
        let resource = Resource::new(USER)
            .with_property("ServerId", Value::get_att(server.to_owned(), "ServerId"))
            .with_property("UserName", Value::string(home.clone()))
            .with_property("Role", role.clone())
            .with_property("HomeDirectoryType", "LOGICAL")
            .with_property(
                "HomeDirectoryMappings",
                Value::list([Value::map([
                    ("Entry", Value::string("/")),
                    (
                        "Target",
                        Value::sub(format!("/${{{}}}", b.logical_id(home))),
                    ),
                ])]),
            )
            .with_property("Tags", tags(&c.id, &c.tags));
        b.put(unit, user, &c.id, b.workload_group(c), resource);
    }
    if !homes.is_empty() {
        b.manual_step(
            &c.id,
            unit,
            "Add the users' SSH keys",
            format!("Add the SSH public key of each person who uses `{}` to the user of the store they work in; the service-managed users sign in with keys only.", c.id),
        )
        .console("AWS Transfer Family > Servers > the server > the user > Add SSH public key");
    }
    !homes.is_empty()
}

/// The details a custom identity provider needs, as parameters the deployer fills in: the design
/// draws who authenticates the users, not the function, API or directory that does.
fn provider_details(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    provider: TransferIdentityProvider,
) -> Option<Value> {
    let mut parameter = |suffix: &str, pattern: &'static str, description: String| {
        b.parameter(
            unit,
            &b.logical_id_for(&c.id, suffix),
            Parameter::new("String")
                .with("AllowedPattern", pattern)
                .with("Description", description),
        )
    };
    match provider {
        TransferIdentityProvider::ServiceManaged => None,
        TransferIdentityProvider::AwsLambda => Some(Value::map([(
            "Function",
            parameter(
                "IdentityFunction",
                "^arn:aws[a-z-]*:lambda:.+",
                format!(
                    "The ARN of the Lambda function that authenticates the users of `{}`.",
                    c.id
                ),
            ),
        )])),
        TransferIdentityProvider::AwsDirectoryService => Some(Value::map([(
            "DirectoryId",
            parameter(
                "Directory",
                "^d-[0-9a-f]{10}$",
                format!(
                    "The AWS Managed Microsoft AD directory that authenticates the users of `{}`.",
                    c.id
                ),
            ),
        )])),
        TransferIdentityProvider::ApiGateway => Some(Value::map([
            (
                "Url",
                parameter(
                    "IdentityApiUrl",
                    "^https://.+",
                    format!(
                        "The URL of the API Gateway stage that authenticates the users of `{}`.",
                        c.id
                    ),
                ),
            ),
            (
                "InvocationRole",
                parameter(
                    "IdentityApiRole",
                    "^arn:aws[a-z-]*:iam::.+",
                    format!(
                        "The ARN of the role with which `{}` invokes its identity API.",
                        c.id
                    ),
                ),
            ),
        ])),
    }
}

/// A protocol as the template writes it.
fn protocol_name(protocol: TransferProtocol) -> &'static str {
    match protocol {
        TransferProtocol::Sftp => "SFTP",
        TransferProtocol::Ftps => "FTPS",
        TransferProtocol::Ftp => "FTP",
        TransferProtocol::As2 => "AS2",
    }
}

/// An identity provider type as the template writes it.
fn provider_name(provider: TransferIdentityProvider) -> &'static str {
    match provider {
        TransferIdentityProvider::ServiceManaged => "SERVICE_MANAGED",
        TransferIdentityProvider::ApiGateway => "API_GATEWAY",
        TransferIdentityProvider::AwsLambda => "AWS_LAMBDA",
        TransferIdentityProvider::AwsDirectoryService => "AWS_DIRECTORY_SERVICE",
    }
}

/// Reads `AWS::Transfer::Server` into a component: whether it faces the internet, its protocols,
/// identity provider, security policy and logs, and the role of its users (`AWS::Transfer::User`,
/// folded in). What a setting given by a parameter would be stays not known.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let endpoint_type = if im.present(key, &["EndpointType"]) {
        im.text(key, &["EndpointType"])
            .map(|text| text.to_ascii_uppercase())
    } else {
        Some("PUBLIC".to_owned())
    };
    // A VPC endpoint faces the internet when it has Elastic IP addresses; a public endpoint
    // always does. `VPC_ENDPOINT`, the retired type, is reachable from the VPC only.
    let scheme = match endpoint_type.as_deref() {
        Some("PUBLIC") => Some(Scheme::InternetFacing),
        Some("VPC") if im.present(key, &["EndpointDetails", "AddressAllocationIds"]) => {
            Some(Scheme::InternetFacing)
        }
        Some("VPC" | "VPC_ENDPOINT") => Some(Scheme::Internal),
        _ => None,
    };
    let subnets = im.property(key.0, &key.1, &["EndpointDetails", "SubnetIds"]);
    let subnet = im.subnet_for_spread(
        &subnets,
        if scheme == Some(Scheme::Internal) {
            Tier::Private
        } else {
            Tier::Public
        },
    );
    let mut component = im.new_component(key, ComponentKind::TransferServer, subnet);
    component.properties.scheme = scheme;
    if scheme.is_none() {
        component.not_known.push("scheme".to_owned());
    }
    // AWS offers SFTP when the template names no protocol.
    let protocols = im.property(key.0, &key.1, &["Protocols"]);
    let names: Vec<Option<String>> = match &protocols {
        crate::import::eval::Sym::NoValue => vec![Some("SFTP".to_owned())],
        crate::import::eval::Sym::List(items) => items
            .iter()
            .map(|item| item.as_text().map(str::to_ascii_uppercase))
            .collect(),
        other => vec![other.as_text().map(str::to_ascii_uppercase)],
    };
    for name in names {
        match name.as_deref().and_then(protocol_of) {
            Some(protocol) => {
                if !component.properties.transfer_protocols.contains(&protocol) {
                    component.properties.transfer_protocols.push(protocol);
                }
            }
            None => {
                component.not_known.push("transfer_protocols".to_owned());
                break;
            }
        }
    }
    component.properties.identity_provider = if im.present(key, &["IdentityProviderType"]) {
        im.text(key, &["IdentityProviderType"])
            .and_then(|text| provider_of(&text))
    } else {
        Some(TransferIdentityProvider::ServiceManaged)
    };
    if component.properties.identity_provider.is_none() {
        component.not_known.push("identity_provider".to_owned());
    }
    component.properties.tls_policy = if im.present(key, &["SecurityPolicyName"]) {
        im.text(key, &["SecurityPolicyName"])
    } else {
        Some(DEFAULT_POLICY.to_owned())
    };
    if component.properties.tls_policy.is_none() {
        component.not_known.push("tls_policy".to_owned());
    }
    if component
        .properties
        .transfer_protocols
        .contains(&TransferProtocol::Ftps)
        && let Some(certificate) = im.resource(key).property("Certificate").cloned()
    {
        let certificate = im.eval(key.0, &certificate);
        component.properties.certificate = im.elements_of(&certificate).into_iter().find(|id| {
            im.design
                .component(id)
                .is_some_and(|component| component.kind == ComponentKind::AcmCertificate)
        });
    }
    // A logging role lets the server write its CloudWatch logs (the older form), structured log
    // destinations name the log groups it writes JSON logs to; without either it logs nothing.
    component.properties.logging =
        Some(im.present(key, &["LoggingRole"]) || im.present(key, &["StructuredLogDestinations"]));
    let users = im.referring(USER, &["ServerId"], key);
    component.identity = users
        .iter()
        .find_map(|user| im.role_of(&im.property(user.0, &user.1, &["Role"])));
    for user in users {
        im.mark(
            user,
            Disposition::Absorbed {
                element: Some(component.id.clone()),
                how: "a user of the Transfer Family server: its role is the server's identity, its home directory a flow".to_owned(),
            },
        );
    }
    Some(component)
}

/// A protocol named in a template.
fn protocol_of(name: &str) -> Option<TransferProtocol> {
    Some(match name {
        "SFTP" => TransferProtocol::Sftp,
        "FTPS" => TransferProtocol::Ftps,
        "FTP" => TransferProtocol::Ftp,
        "AS2" => TransferProtocol::As2,
        _ => return None,
    })
}

/// An identity provider type named in a template.
fn provider_of(name: &str) -> Option<TransferIdentityProvider> {
    Some(match name.to_ascii_uppercase().as_str() {
        "SERVICE_MANAGED" => TransferIdentityProvider::ServiceManaged,
        "API_GATEWAY" => TransferIdentityProvider::ApiGateway,
        "AWS_LAMBDA" => TransferIdentityProvider::AwsLambda,
        "AWS_DIRECTORY_SERVICE" => TransferIdentityProvider::AwsDirectoryService,
        _ => return None,
    })
}
