//! ACM certificates, validated by DNS; the certificate ARN other kinds terminate TLS with.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::import::{Importer, ResourceKey};
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::CertificateManager::Certificate";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let domain = c
        .properties
        .domain_name
        .clone()
        .unwrap_or_else(|| format!("{}.example.com", c.id));
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("DomainName", domain.clone())
        .with_property("ValidationMethod", "DNS")
        .with_property("Tags", tags(&c.id, &c.tags));
    let zone = b
        .components_of(ComponentKind::Route53Zone)
        .filter(|z| b.unit_of_component(z) == unit && b.vpc_of(z).is_none())
        .find(|z| {
            z.properties
                .domain_name
                .as_deref()
                .is_some_and(|zone| domain == zone || domain.ends_with(&format!(".{zone}")))
        });
    if let Some(zone) = zone {
        resource = resource.with_property(
            "DomainValidationOptions",
            Value::list([Value::map([
                ("DomainName", Value::string(&domain)),
                ("HostedZoneId", Value::reference(b.logical_id(&zone.id))),
            ])]),
        );
    } else {
        b.manual_step(
            &c.id,
            &unit,
            "Validate the certificate",
            format!("No hosted zone of the design holds {domain}: add the DNS validation record that ACM shows for certificate `{}` where the domain is served.", c.id),
        )
        .command("aws acm describe-certificate --certificate-arn <certificate ARN from the stack's outputs> --query Certificate.DomainValidationOptions[].ResourceRecord")
        .console(format!("Certificate Manager console > List certificates > {domain} > Domains > CNAME name and CNAME value"));
    }
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Workload(c.segment.clone()),
        resource,
    );
}

/// The certificate ARN for an endpoint: its design certificate, else a parameter.
pub(crate) fn certificate_arn(b: &mut Builder<'_>, unit: &str, c: &Component) -> Value {
    match &c.properties.certificate {
        Some(certificate) => b.component_ref(unit, certificate, None),
        None => b.parameter(
            unit,
            &b.logical_id_for(&c.id, "CertificateArn"),
            Parameter::new("String")
                .with("AllowedPattern", "^arn:aws[a-z-]*:acm:.+$")
                .with("Description", format!("The ACM certificate that `{}` serves TLS with (TLS-only is the zero-trust default).", c.id)),
        ),
    }
}

/// Reads `AWS::CertificateManager::Certificate` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::AcmCertificate);
    component.properties.domain_name = im.text(key, &["DomainName"]);
    Some(component)
}
