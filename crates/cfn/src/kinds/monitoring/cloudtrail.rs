//! CloudTrail trails: multi-region, log file validation, to an encrypted bucket and to CloudWatch
//! Logs.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group, tags};
use crate::export::support::delivery_bucket;
use crate::import::{Importer, ResourceKey};
use crate::policy::{log_delivery_policy, service_trust_policy};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::CloudTrail::Trail";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let p = &c.properties;
    let (bucket, archive) = delivery_bucket(b, &unit, c);
    let key = match (
        &c.encryption_key,
        archive.as_deref().and_then(|a| b.component(a)),
    ) {
        (Some(_), _) => b.key_arn(&unit, c),
        (None, Some(archive)) if archive.encryption_key.is_some() => b.key_arn(&unit, archive),
        _ => b.default_key_arn(&unit),
    };
    let logs = b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        Group::Security,
        p.retention_days,
        None,
    );
    let role = b.logical_id_for(&c.id, "LogsRole");
    b.put(
        &unit,
        role.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::IAM::Role")
            .with_property(
                "AssumeRolePolicyDocument",
                service_trust_policy("cloudtrail.amazonaws.com"),
            )
            .with_property(
                "Policies",
                log_delivery_policy("deliver-to-log-group", &logs),
            ),
    );
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("IsLogging", true)
        .with_property("S3BucketName", Value::reference(&bucket))
        .with_property("IsMultiRegionTrail", p.multi_region != Some(false))
        .with_property("IncludeGlobalServiceEvents", true)
        .with_property(
            "EnableLogFileValidation",
            p.log_file_validation != Some(false),
        )
        .with_property("KMSKeyId", key)
        .with_property("CloudWatchLogsLogGroupArn", Value::get_att(&logs, "Arn"))
        .with_property("CloudWatchLogsRoleArn", Value::get_att(&role, "Arn"))
        .with_property("Tags", tags(&c.id, &c.tags));
    let policy = match &archive {
        Some(archive) => b.logical_id_for(archive, "Policy"),
        None => format!("{bucket}Policy"),
    };
    resource.depends_on.push(policy);
    b.put(&unit, b.logical_id(&c.id), &c.id, Group::Security, resource);
    b.skip_checkov(
        &unit,
        &b.logical_id(&c.id),
        "CKV_AWS_252",
        "Notifications of delivered log files are not needed: alarms on the trail's log group notify on the events that matter.",
    );
}

/// Reads `AWS::CloudTrail::Trail` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::Cloudtrail);
    component.properties.multi_region =
        Some(im.flag(key, &["IsMultiRegionTrail"]).unwrap_or(false));
    component.properties.log_file_validation =
        Some(im.flag(key, &["EnableLogFileValidation"]).unwrap_or(false));
    // The trail's retention is its log group's.
    if let Some(logs) = im
        .property(key.0, &key.1, &["CloudWatchLogsLogGroupArn"])
        .resource()
    {
        component.properties.retention_days = im.number(&logs, &["RetentionInDays"]);
    }
    Some(component)
}
