//! ZT-EDGE-030: a carried DNS record points at a name on a shared service that the template
//! does not own.

use serde_json::Value;

use crate::carried::settings::{Setting, resolve};
use crate::carried::{self, CarriedResource, intrinsic, one_or_many, reference};
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Reads the targets of the Route 53 records in the design's `carried_cloudformation`
    /// (`ResourceRecords` and `AliasTarget.DNSName` of record sets and record set groups).
    /// A target taken from a resource of the template (`Ref`, `Fn::GetAtt`, or a `Fn::Sub`
    /// naming one) lives and dies with the record; a target written as text is flagged when it
    /// names a shared service where released names can be claimed by anyone: S3 bucket and
    /// website endpoints, CloudFront distributions, Elastic Beanstalk environments, and the
    /// like of other clouds. A target computed at deployment (an import, a parameter without
    /// default) is not judged.
    ///
    /// ## Why it matters
    /// When the bucket, distribution or environment behind a hard-coded name is deleted, the
    /// record dangles: whoever creates a resource of that name serves content, sets cookies
    /// and receives credentials under the organization's domain (subdomain takeover).
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Docs:
    ///       Type: AWS::Route53::RecordSet
    ///       Properties: {Name: docs.example.com, Type: CNAME, TTL: 300, ResourceRecords: [docs-site.s3-website-eu-west-1.amazonaws.com]}
    /// ```
    ///
    /// ## What to do instead
    /// Take the target from the resource in the same template (`!GetAtt Site.DomainName`), so
    /// that the record goes when the resource goes, or delete the record with the resource.
    code: "ZT-EDGE-030",
    name: "carried-dns-record-may-dangle",
    title: "Carried DNS record may dangle",
    family: Edge,
    severity: Medium,
    tenets: [T2],
    pillar: Applications,
    check: check,
}

/// Name endings of shared services whose names are released with the resource and can then
/// be claimed by another account.
const CLAIMABLE_SUFFIXES: &[&str] = &[
    ".cloudfront.net",
    ".elasticbeanstalk.com",
    ".azurewebsites.net",
    ".cloudapp.net",
    ".trafficmanager.net",
    ".azureedge.net",
    ".blob.core.windows.net",
    ".herokuapp.com",
    ".github.io",
];

/// What a record's target is.
enum Target {
    /// Taken from a resource of the template.
    Owned,
    /// Written as text.
    Written(String),
    /// Only known at deployment.
    Unknown,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for resource in carried::resources(cx.design) {
        let records: Vec<&Value> = match resource.resource_type {
            "AWS::Route53::RecordSet" => resource
                .properties
                .map(|properties| {
                    vec![
                        properties.get("ResourceRecords"),
                        properties.get("AliasTarget"),
                    ]
                })
                .into_iter()
                .flatten()
                .flatten()
                .collect(),
            "AWS::Route53::RecordSetGroup" => one_or_many(
                resource
                    .properties
                    .and_then(|properties| properties.get("RecordSets")),
            )
            .into_iter()
            .flat_map(|record| [record.get("ResourceRecords"), record.get("AliasTarget")])
            .flatten()
            .collect(),
            _ => continue,
        };
        judge(cx, out, &resource, &records);
    }
}

/// Judges a record's `ResourceRecords` lists and `AliasTarget` objects.
fn judge(cx: &Context<'_>, out: &mut Emitter, resource: &CarriedResource<'_>, records: &[&Value]) {
    let mut targets = Vec::new();
    for value in records {
        match value {
            Value::Object(alias) if alias.contains_key("DNSName") => {
                targets.push(target(cx, &alias["DNSName"]));
            }
            _ => {
                for setting in resolve(cx.design, value, 0) {
                    if let Setting::Known(Value::Array(items)) = setting {
                        targets.extend(items.iter().map(|item| target(cx, item)));
                    }
                }
            }
        }
    }
    if targets
        .iter()
        .all(|target| matches!(target, Target::Unknown))
    {
        return;
    }
    let subject = carried::subject("Resources", resource.logical_id);
    out.evaluate(&subject);
    let claimable = targets.iter().find_map(|target| match target {
        Target::Written(name) if is_claimable(name) => Some(name),
        _ => None,
    });
    if let Some(name) = claimable {
        out.report_carried(
            format!(
                "Carried resource `{}` ({}) points at `{name}`, a name on a shared service that the template does not own: once released, anyone can claim it",
                resource.logical_id, resource.resource_type
            ),
            &subject,
            format!(
                "Take the target of `{}` from the resource it names in the same template, or delete the record with that resource.",
                resource.logical_id
            ),
        );
    }
}

/// What a target value is: a resource's attribute, text, or unknown.
fn target(cx: &Context<'_>, value: &Value) -> Target {
    let is_resource = |name: &str| {
        let name = name.split('.').next().unwrap_or(name);
        !name.starts_with("AWS::") && carried::parameter(cx.design, name).is_none()
    };
    if intrinsic(value, "Fn::GetAtt").is_some() || reference(value).is_some_and(is_resource) {
        return Target::Owned;
    }
    if let Some(text) = carried::spelled(value)
        && intrinsic(value, "Fn::Sub").is_some()
        && sub_names(&text).any(is_resource)
    {
        return Target::Owned;
    }
    match resolve(cx.design, value, 0).as_slice() {
        [Setting::Known(Value::String(text))] => Target::Written(text.clone()),
        _ => match carried::spelled(value) {
            Some(text) if !text.contains("${") => Target::Written(text),
            _ => Target::Unknown,
        },
    }
}

/// The variable names of a `Fn::Sub` text (`${Name}` and `${Name.Attribute}`; `${!Literal}`
/// is text).
fn sub_names(text: &str) -> impl Iterator<Item = &str> {
    text.split("${")
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.starts_with('!'))
}

/// Whether a host name lies on a shared service where released names can be claimed.
fn is_claimable(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    let s3 = name.ends_with(".amazonaws.com")
        && (name.contains(".s3.") || name.contains(".s3-") || name.contains("s3-website"));
    s3 || CLAIMABLE_SUFFIXES
        .iter()
        .any(|suffix| name.ends_with(suffix))
}
