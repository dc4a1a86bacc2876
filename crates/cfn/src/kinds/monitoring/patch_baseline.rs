//! Systems Manager patch baselines and maintenance windows.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, Group};
use crate::import::{Importer, ResourceKey};
use crate::template::Resource;
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::SSM::PatchBaseline";

pub(crate) fn operating_system(
    os: Option<&str>,
) -> (&'static str, &'static str, &'static [&'static str]) {
    match os.unwrap_or("amazon_linux_2023") {
        os if os.starts_with("windows") => (
            "WINDOWS",
            "CLASSIFICATION",
            &["SecurityUpdates", "CriticalUpdates"],
        ),
        os if os.starts_with("ubuntu") => ("UBUNTU", "PRIORITY", &["Required", "Important"]),
        os if os.starts_with("rhel") || os.starts_with("redhat") => {
            ("REDHAT_ENTERPRISE_LINUX", "CLASSIFICATION", &["Security"])
        }
        "amazon_linux_2" => ("AMAZON_LINUX_2", "CLASSIFICATION", &["Security"]),
        _ => ("AMAZON_LINUX_2023", "CLASSIFICATION", &["Security"]),
    }
}

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let (os, key, values) = operating_system(c.properties.os.as_deref());
    b.put(
        &unit,
        b.logical_id(&c.id),
        &c.id,
        Group::Security,
        Resource::new(RESOURCE_TYPE)
            .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
            .with_property("OperatingSystem", os)
            .with_property("DefaultBaseline", true)
            .with_property(
                "ApprovalRules",
                Value::map([(
                    "PatchRules",
                    Value::list([Value::map([
                        ("ApproveAfterDays", Value::from(7_u32)),
                        ("ComplianceLevel", Value::string("CRITICAL")),
                        (
                            "PatchFilterGroup",
                            Value::map([(
                                "PatchFilters",
                                Value::list([Value::map([
                                    ("Key", Value::string(key)),
                                    (
                                        "Values",
                                        Value::list(values.iter().map(|v| Value::string(*v))),
                                    ),
                                ])]),
                            )]),
                        ),
                    ])]),
                )]),
            ),
    );
    let window = b.logical_id_for(&c.id, "Window");
    b.put(
        &unit,
        window.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindow")
            .with_property("Name", Value::sub(format!("${{AWS::StackName}}-{}", c.id)))
            .with_property("Schedule", "cron(0 3 ? * SUN *)")
            .with_property("Duration", 3_u32)
            .with_property("Cutoff", 1_u32)
            .with_property("AllowUnassociatedTargets", false),
    );
    let target = b.logical_id_for(&c.id, "Targets");
    b.put(
        &unit,
        target.clone(),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindowTarget")
            .with_property("WindowId", Value::reference(&window))
            .with_property("ResourceType", "INSTANCE")
            .with_property(
                "Targets",
                Value::list([Value::map([
                    ("Key", Value::string("tag-key")),
                    ("Values", Value::list([Value::string("zta:element")])),
                ])]),
            ),
    );
    b.put(
        &unit,
        b.logical_id_for(&c.id, "Task"),
        &c.id,
        Group::Security,
        Resource::new("AWS::SSM::MaintenanceWindowTask")
            .with_property("WindowId", Value::reference(&window))
            .with_property("TaskArn", "AWS-RunPatchBaseline")
            .with_property("TaskType", "RUN_COMMAND")
            .with_property("Priority", 1_u32)
            .with_property("MaxConcurrency", "50%")
            .with_property("MaxErrors", "10%")
            .with_property(
                "Targets",
                Value::list([Value::map([
                    ("Key", Value::string("WindowTargetIds")),
                    ("Values", Value::list([Value::reference(&target)])),
                ])]),
            )
            .with_property(
                "TaskInvocationParameters",
                Value::map([(
                    "MaintenanceWindowRunCommandParameters",
                    Value::map([(
                        "Parameters",
                        Value::map([("Operation", Value::list([Value::string("Install")]))]),
                    )]),
                )]),
            ),
    );
}

/// Reads `AWS::SSM::PatchBaseline` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::PatchBaseline);
    component.properties.os = im
        .text(key, &["OperatingSystem"])
        .map(|os| os.to_ascii_lowercase());
    Some(component)
}
