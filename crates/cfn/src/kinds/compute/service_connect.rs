//! ECS Service Connect: the Cloud Map namespace an ECS cluster's services join, and the TLS
//! between them with certificates from an AWS Private CA, the service-to-service encryption the
//! reference architecture once gave App Mesh.
//!
//! Shapes: the cluster's `ServiceConnectDefaults`
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-cluster-serviceconnectdefaults.html>),
//! the service's `ServiceConnectConfiguration` and its `Tls`
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-service-serviceconnecttlsconfiguration.html>),
//! the namespace (`AWS::ServiceDiscovery::HttpNamespace`), the private CA, its certificate and
//! activation (`AWS::ACMPCA::CertificateAuthority`, `AWS::ACMPCA::Certificate`,
//! `AWS::ACMPCA::CertificateAuthorityActivation`), and the infrastructure role ECS assumes to
//! issue the certificates
//! (<https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-tls.html>).
//! Service Connect TLS is one-way: the caller's proxy verifies the called service's
//! certificate, but the called service learns nothing of who calls. It encrypts; it does not
//! authenticate the caller.

use zta_model::Component;

use crate::export::builder::{Builder, Group, tags};
use crate::policy::{inline_policy, policy_document, service_trust_policy};
use crate::template::Resource;
use crate::value::{Map, Value};

/// The resource type of the namespace.
pub(crate) const NAMESPACE: &str = "AWS::ServiceDiscovery::HttpNamespace";

/// The resource type of the private CA.
pub(crate) const CERTIFICATE_AUTHORITY: &str = "AWS::ACMPCA::CertificateAuthority";

/// The AWS-managed policy that lets ECS issue and rotate Service Connect certificates.
const TLS_POLICY: &str = "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity";

/// Writes the namespace of a cluster that has one, and the private CA and role of its TLS;
/// returns the value of the cluster's `ServiceConnectDefaults`.
pub(crate) fn export_cluster(
    b: &mut Builder<'_>,
    unit: &str,
    cluster: &Component,
) -> Option<Value> {
    let name = cluster.properties.service_connect_namespace.as_ref()?;
    let namespace = b.logical_id_for(&cluster.id, "Namespace");
    b.put(
        unit,
        namespace.clone(),
        &cluster.id,
        Group::Network,
        Resource::new(NAMESPACE)
            .with_property("Name", b.design_text(name))
            .with_property(
                "Description",
                format!("Service Connect namespace of {}", cluster.name),
            )
            .with_property("Tags", tags(&cluster.id, &cluster.tags)),
    );
    if cluster.uses_service_connect_tls() {
        export_certificate_authority(b, unit, cluster);
    }
    Some(Value::map([(
        "Namespace",
        Value::get_att(namespace, "Arn"),
    )]))
}

/// A root CA in short-lived certificate mode (the certificates ECS issues for Service Connect
/// live days, not years), its self-signed certificate, its activation, and the role ECS
/// assumes to issue from it.
fn export_certificate_authority(b: &mut Builder<'_>, unit: &str, cluster: &Component) {
    let authority = b.logical_id_for(&cluster.id, "CertificateAuthority");
    let certificate = b.logical_id_for(&cluster.id, "CaCertificate");
    let activation = b.logical_id_for(&cluster.id, "CaActivation");
    b.put(
        unit,
        authority.clone(),
        &cluster.id,
        Group::Security,
        Resource::new(CERTIFICATE_AUTHORITY)
            .with_property("Type", "ROOT")
            .with_property("KeyAlgorithm", "EC_prime256v1")
            .with_property("SigningAlgorithm", "SHA256WITHECDSA")
            .with_property("UsageMode", "SHORT_LIVED_CERTIFICATE")
            .with_property(
                "Subject",
                Value::map([(
                    "CommonName",
                    Value::string(format!("Service Connect {}", cluster.id)),
                )]),
            )
            .with_property("Tags", tags(&cluster.id, &cluster.tags)),
    );
    b.put(
        unit,
        certificate.clone(),
        &cluster.id,
        Group::Security,
        Resource::new("AWS::ACMPCA::Certificate")
            .with_property("CertificateAuthorityArn", Value::get_att(&authority, "Arn"))
            .with_property(
                "CertificateSigningRequest",
                Value::get_att(&authority, "CertificateSigningRequest"),
            )
            .with_property("SigningAlgorithm", "SHA256WITHECDSA")
            .with_property(
                "TemplateArn",
                Value::arn("acm-pca:::template/RootCACertificate/V1"),
            )
            .with_property(
                "Validity",
                Value::map([
                    ("Type", Value::string("YEARS")),
                    ("Value", Value::from(10_u32)),
                ]),
            ),
    );
    b.put(
        unit,
        activation,
        &cluster.id,
        Group::Security,
        Resource::new("AWS::ACMPCA::CertificateAuthorityActivation")
            .with_property("CertificateAuthorityArn", Value::get_att(&authority, "Arn"))
            .with_property("Certificate", Value::get_att(&certificate, "Certificate"))
            .with_property("Status", "ACTIVE"),
    );
    // ECS keeps each certificate's private key in Secrets Manager, encrypted with the
    // cluster's key; the managed policy covers the CA and the secrets, this statement the key.
    let key = b.key_arn(unit, cluster);
    let role = Resource::new("AWS::IAM::Role")
        .with_property(
            "AssumeRolePolicyDocument",
            service_trust_policy("ecs.amazonaws.com"),
        )
        .with_property(
            "ManagedPolicyArns",
            Value::list([crate::policy::portable_arn(TLS_POLICY)]),
        )
        .with_property(
            "Policies",
            inline_policy(
                "service-connect-key",
                policy_document(vec![Value::map([
                    ("Effect", Value::string("Allow")),
                    (
                        "Action",
                        Value::list(
                            [
                                "kms:Encrypt",
                                "kms:Decrypt",
                                "kms:GenerateDataKey",
                                "kms:GenerateDataKeyPair",
                            ]
                            .map(Value::string),
                        ),
                    ),
                    ("Resource", key),
                ])]),
            ),
        );
    b.put(
        unit,
        b.logical_id_for(&cluster.id, "ServiceConnectRole"),
        &cluster.id,
        Group::Security,
        role,
    );
}

/// A name Service Connect accepts for a port or a discovery name: lower-case letters, digits,
/// hyphens and underscores, starting with a letter or digit, at most 64 characters.
fn service_connect_name(text: &str) -> String {
    let name: String = text
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = name.trim_start_matches(['-', '_']).to_owned();
    let name = if name.is_empty() {
        "svc".to_owned()
    } else {
        name
    };
    name.chars().take(64).collect()
}

/// The name of a service's port mapping for `port`, which Service Connect refers to.
pub(crate) fn port_name(port: u16) -> String {
    format!("port-{port}")
}

/// The `ServiceConnectConfiguration` of a service in `cluster`: every service joins the
/// namespace as a client, and each port it serves is published under the service's id (TLS
/// from the cluster's CA when on). Logs of the Service Connect proxy go to the service's group.
pub(crate) fn service_configuration(
    b: &mut Builder<'_>,
    unit: &str,
    cluster: &Component,
    service: &Component,
    ports: &[u16],
    logs: &str,
) -> Option<Value> {
    cluster.properties.service_connect_namespace.as_ref()?;
    let namespace = Value::get_att(b.logical_id_for(&cluster.id, "Namespace"), "Arn");
    let discovery = service_connect_name(&service.id);
    let key = cluster
        .uses_service_connect_tls()
        .then(|| b.key_arn(unit, cluster));
    let tls = key.map(|key| {
        Value::map([
            (
                "IssuerCertificateAuthority",
                Value::map([(
                    "AwsPcaAuthorityArn",
                    Value::get_att(b.logical_id_for(&cluster.id, "CertificateAuthority"), "Arn"),
                )]),
            ),
            ("KmsKey", key),
            (
                "RoleArn",
                Value::get_att(b.logical_id_for(&cluster.id, "ServiceConnectRole"), "Arn"),
            ),
        ])
    });
    let services: Vec<Value> = ports
        .iter()
        .enumerate()
        .map(|(index, port)| {
            let name = if index == 0 {
                discovery.clone()
            } else {
                service_connect_name(&format!("{discovery}-{port}"))
            };
            let mut entry = Map::default();
            entry.insert("PortName".into(), Value::string(port_name(*port)));
            entry.insert("DiscoveryName".into(), Value::string(&name));
            entry.insert(
                "ClientAliases".into(),
                Value::list([Value::map([
                    ("Port", Value::from(*port)),
                    ("DnsName", Value::string(&name)),
                ])]),
            );
            if let Some(tls) = &tls {
                entry.insert("Tls".into(), tls.clone());
            }
            Value::from(entry)
        })
        .collect();
    let mut configuration = Map::default();
    configuration.insert("Enabled".into(), Value::from(true));
    configuration.insert("Namespace".into(), namespace);
    if !services.is_empty() {
        configuration.insert("Services".into(), Value::list(services));
    }
    configuration.insert(
        "LogConfiguration".into(),
        Value::map([
            ("LogDriver", Value::string("awslogs")),
            (
                "Options",
                Value::map([
                    ("awslogs-group", Value::reference(logs.to_owned())),
                    ("awslogs-region", Value::reference("AWS::Region")),
                    ("awslogs-stream-prefix", Value::string("service-connect")),
                ]),
            ),
        ]),
    );
    Some(Value::from(configuration))
}

/// The resources a service must wait for before it starts: the CA must be active before ECS
/// can issue the service's certificate.
pub(crate) fn service_dependencies(b: &Builder<'_>, cluster: &Component) -> Vec<String> {
    if cluster.uses_service_connect_tls() {
        vec![b.logical_id_for(&cluster.id, "CaActivation")]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::service_connect_name;

    #[test]
    fn names_are_ones_service_connect_accepts() {
        assert_eq!(service_connect_name("orders-api"), "orders-api");
        assert_eq!(service_connect_name("Orders.API"), "orders-api");
        assert_eq!(service_connect_name("-x"), "x");
        assert_eq!(service_connect_name("注文"), "svc");
        assert_eq!(service_connect_name(&"a".repeat(80)).len(), 64);
    }
}
