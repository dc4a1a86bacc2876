//! CloudFront distributions: HTTPS only with a modern TLS policy, origin access control for bucket
//! origins, a web ACL.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::template::{Output, Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::CloudFront::Distribution";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    // An origin is what CloudFront can fetch from and the export writes: a bucket, a load
    // balancer or an instance in a subnet, or an API.
    let origin = b
        .flows_from(&c.id)
        .iter()
        .filter_map(|f| b.component(&f.target))
        .find(|target| match target.kind {
            ComponentKind::S3Bucket | ComponentKind::ApiGateway => true,
            ComponentKind::Alb | ComponentKind::Nlb | ComponentKind::Ec2Instance => {
                b.subnet_of(target).is_some()
            }
            _ => false,
        });
    let Some(origin) = origin else {
        b.warn(format!(
            "CloudFront distribution `{}` has no flow to an origin (a bucket, a load balancer, an instance or an API); not exported",
            c.id
        ));
        return;
    };
    let origin_id = origin.id.clone();
    let origin_value = match origin.kind {
        ComponentKind::S3Bucket => {
            let control = b.logical_id_for(&c.id, "OriginAccessControl");
            b.put(
                &unit,
                control.clone(),
                &c.id,
                b.workload_group(c),
                Resource::new("AWS::CloudFront::OriginAccessControl").with_property(
                    "OriginAccessControlConfig",
                    Value::map([
                        ("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id))),
                        ("OriginAccessControlOriginType", Value::string("s3")),
                        ("SigningBehavior", Value::string("always")),
                        ("SigningProtocol", Value::string("sigv4")),
                    ]),
                ),
            );
            Value::map([
                ("Id", Value::string(&origin_id)),
                (
                    "DomainName",
                    b.component_ref(&unit, &origin.id, Some("RegionalDomainName")),
                ),
                ("OriginAccessControlId", Value::get_att(&control, "Id")),
                (
                    "S3OriginConfig",
                    Value::map([("OriginAccessIdentity", Value::string(""))]),
                ),
            ])
        }
        kind => Value::map([
            ("Id", Value::string(&origin_id)),
            (
                "DomainName",
                match kind {
                    ComponentKind::ApiGateway => Value::sub_with(
                        "${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}",
                        [("Api", b.component_ref(&unit, &origin.id, None))],
                    ),
                    ComponentKind::Ec2Instance => {
                        b.component_ref(&unit, &origin.id, Some("PublicDnsName"))
                    }
                    _ => b.component_ref(&unit, &origin.id, Some("DNSName")),
                },
            ),
            (
                "CustomOriginConfig",
                Value::map([
                    ("OriginProtocolPolicy", Value::string("https-only")),
                    (
                        "OriginSSLProtocols",
                        Value::list([Value::string("TLSv1.2")]),
                    ),
                ]),
            ),
        ]),
    };
    let certificate = b.parameter(
        &unit,
        &b.logical_id_for(&c.id, "CertificateArn"),
        Parameter::new("String")
            .with("AllowedPattern", "^arn:aws[a-z-]*:acm:us-east-1:.+$")
            .with("Description", format!("The ACM certificate in us-east-1 that distribution `{}` serves (CloudFront takes certificates only from us-east-1).", c.id)),
    );
    let mut config = crate::value::Map::default();
    config.insert("Enabled".into(), Value::from(true));
    config.insert("HttpVersion".into(), Value::string("http2and3"));
    config.insert("Origins".into(), Value::list([origin_value]));
    config.insert(
        "DefaultCacheBehavior".into(),
        Value::map([
            ("TargetOriginId", Value::string(&origin_id)),
            (
                "ViewerProtocolPolicy",
                Value::string(if c.properties.http_redirect == Some(false) {
                    "https-only"
                } else {
                    "redirect-to-https"
                }),
            ),
            (
                "CachePolicyId",
                Value::string("658327ea-f89d-4fab-a63d-7e88639e58f6"),
            ),
        ]),
    );
    if let Some(domain) = &c.properties.domain_name {
        config.insert("Aliases".into(), Value::list([Value::string(domain)]));
    }
    config.insert(
        "ViewerCertificate".into(),
        Value::map([
            ("AcmCertificateArn", certificate),
            (
                "MinimumProtocolVersion",
                Value::string(
                    c.properties
                        .tls_policy
                        .clone()
                        .unwrap_or_else(|| "TLSv1.2_2021".into()),
                ),
            ),
            ("SslSupportMethod", Value::string("sni-only")),
        ]),
    );
    if b.components_of(ComponentKind::WafWebAcl)
        .any(|w| w.properties.protects.iter().any(|p| p == &c.id))
    {
        let acl = b.parameter(
            &unit,
            &b.logical_id_for(&c.id, "WebAclArn"),
            Parameter::new("String").with(
                "Description",
                format!(
                    "The CLOUDFRONT-scope web ACL (created in us-east-1) that protects `{}`.",
                    c.id
                ),
            ),
        );
        config.insert("WebACLId".into(), acl);
    }
    let distribution = b.logical_id(&c.id);
    b.put(
        &unit,
        distribution.clone(),
        &c.id,
        b.workload_group(c),
        Resource::new(RESOURCE_TYPE)
            .with_property("DistributionConfig", Value::from(config))
            .with_property("Tags", tags(&c.id, &c.tags)),
    );
    b.output(
        &unit,
        &b.logical_id_for(&c.id, "DomainName"),
        Output {
            description: Some(Value::string(format!("Domain of `{}`", c.name))),
            ..Output::new(Value::get_att(&distribution, "DomainName"))
        },
    );
}

/// Reads `AWS::CloudFront::Distribution` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::Cloudfront);
    let at = |path: &[&'static str]| -> Vec<&'static str> {
        std::iter::once("DistributionConfig")
            .chain(path.iter().copied())
            .collect()
    };
    component.properties.tls_policy =
        im.text(key, &at(&["ViewerCertificate", "MinimumProtocolVersion"]));
    component.properties.certificate = im.element_of(&im.property(
        key.0,
        &key.1,
        &at(&["ViewerCertificate", "AcmCertificateArn"]),
    ));
    component.properties.domain_name = im
        .property(key.0, &key.1, &at(&["Aliases"]))
        .values()
        .first()
        .and_then(|alias| alias.as_text().map(str::to_owned));
    component.properties.http_redirect = im
        .text(key, &at(&["DefaultCacheBehavior", "ViewerProtocolPolicy"]))
        .map(|policy| policy != "allow-all");
    outside_web_acl(im, key, &component.id);
    Some(component)
}

/// A web ACL that a distribution names (`WebACLId`) but the template does not define stands in
/// the design as a web ACL outside the template that protects the distribution: CLOUDFRONT-scope
/// ACLs are created in us-east-1, so a distribution's template usually takes one by ARN
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-distributionconfig.html#cfn-cloudfront-distribution-distributionconfig-webaclid>).
/// A web ACL of the template is read as itself, and an export of ZTA Designer's own (whose
/// design marker names the design's web ACLs) needs no stand-in.
fn outside_web_acl(im: &mut Importer<'_>, key: &ResourceKey, distribution: &str) {
    if im.designer_element(key).is_some() {
        return;
    }
    let acl = im.property(key.0, &key.1, &["DistributionConfig", "WebACLId"]);
    if matches!(acl, Sym::NoValue | Sym::Unknown) || !acl.resources().is_empty() {
        return;
    }
    let arn = acl.describe();
    let segment = im.account.clone();
    let id = im.ids.claim(&format!("{distribution}-web-acl"));
    im.design.components.push(Component {
        id: id.clone(),
        kind: ComponentKind::WafWebAcl,
        name: "Web ACL outside the template".to_owned(),
        segment,
        description: Some(format!(
            "The web ACL `{arn}` that distribution `{distribution}` names; its rules are not in the template."
        )),
        identity: None,
        stores: Vec::new(),
        encryption_key: None,
        properties: zta_model::ComponentProperties {
            protects: vec![distribution.to_owned()],
            ..Default::default()
        },
        tags: Default::default(),
        logical_id: None,
        suppress: Vec::new(),
        not_known: Vec::new(),
    });
    im.notes.push(format!(
        "Distribution `{distribution}` uses web ACL `{arn}`, defined outside the template: it is drawn as `{id}`, whose rule groups are not known."
    ));
}
