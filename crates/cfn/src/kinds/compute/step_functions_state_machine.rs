//! Step Functions state machines: a standard workflow whose definition comes from the artifact
//! bucket (the design draws what the workflow calls, not its states), running as its own role,
//! logging every execution event to a log group of its own, traced with X-Ray, and encrypted
//! with the design's key.
//! Shapes: <https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html>,
//! logging permissions: <https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html>.

use zta_model::{Component, ComponentKind};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role;
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::policy::sid;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::StepFunctions::StateMachine";

/// What Step Functions needs to deliver execution logs to CloudWatch Logs. These actions take
/// no resource-level permissions, so they apply to `*`.
const LOG_DELIVERY: [&str; 8] = [
    "logs:CreateLogDelivery",
    "logs:DeleteLogDelivery",
    "logs:DescribeLogGroups",
    "logs:DescribeResourcePolicies",
    "logs:GetLogDelivery",
    "logs:ListLogDeliveries",
    "logs:PutResourcePolicy",
    "logs:UpdateLogDelivery",
];

/// The managed policy that lets a workflow send its traces to X-Ray.
const XRAY: &str = "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess";

/// What the role needs of the key that encrypts the executions' data.
const KEY_USE: [&str; 2] = ["kms:Decrypt", "kms:GenerateDataKey"];

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let logging = c.properties.logging != Some(false);
    let tracing = c.properties.tracing != Some(false);
    let key = b.key_arn(&unit, c);
    let log_actions = LOG_DELIVERY.map(str::to_owned);
    let key_actions = KEY_USE.map(str::to_owned);
    let role = match &c.identity {
        Some(identity) => {
            if tracing {
                b.role_managed_policy(identity, XRAY);
            }
            if logging {
                b.role_statement(
                    identity,
                    sid::STATE_MACHINE_LOGS,
                    &LOG_DELIVERY,
                    Value::string("*"),
                );
            }
            b.role_statement(identity, sid::STATE_MACHINE_KEY, &KEY_USE, key.clone());
            b.role_arn(&unit, identity)
        }
        None => {
            let mut statements = vec![crate::policy::allow_statement(
                sid::STATE_MACHINE_KEY,
                &key_actions,
                vec![key.clone()],
            )];
            if logging {
                statements.push(crate::policy::allow_statement(
                    sid::STATE_MACHINE_LOGS,
                    &log_actions,
                    vec![Value::string("*")],
                ));
            }
            let managed = if tracing {
                vec![crate::policy::portable_arn(XRAY)]
            } else {
                Vec::new()
            };
            let role = own_role(b, &unit, c, "states.amazonaws.com", managed, statements);
            if logging {
                b.skip_checkov(
                    &unit,
                    &role,
                    "CKV_AWS_111",
                    "CloudWatch Logs log delivery takes no resource-level permissions; Step Functions needs it on `*` to log executions.",
                );
            }
            Value::get_att(role, "Arn")
        }
    };
    let bucket = b.parameter(
        &unit,
        "WorkflowBucket",
        Parameter::new("String").with(
            "Description",
            "The S3 bucket holding the state machines' definitions (KEY: <state machine id>.asl.json).",
        ),
    );
    let logging_configuration = if logging {
        let log_group = b.log_group(
            &unit,
            b.logical_id_for(&c.id, "LogGroup"),
            &c.id,
            group.clone(),
            None,
            None,
        );
        Value::map([
            ("Level", Value::string("ALL")),
            // Execution data holds the workflow's inputs and outputs: kept out of the logs,
            // which more people read than the executions.
            ("IncludeExecutionData", Value::from(false)),
            (
                "Destinations",
                Value::list([Value::map([(
                    "CloudWatchLogsLogGroup",
                    Value::map([("LogGroupArn", Value::get_att(log_group, "Arn"))]),
                )])]),
            ),
        ])
    } else {
        Value::map([("Level", Value::string("OFF"))])
    };
    let resource = Resource::new(RESOURCE_TYPE)
        .with_property("StateMachineType", "STANDARD")
        .with_property(
            "DefinitionS3Location",
            Value::map([
                ("Bucket", bucket),
                ("Key", Value::string(format!("{}.asl.json", c.id))),
            ]),
        )
        .with_property("RoleArn", role)
        .with_property("LoggingConfiguration", logging_configuration)
        .with_property(
            "TracingConfiguration",
            Value::map([("Enabled", Value::from(tracing))]),
        )
        .with_property(
            "EncryptionConfiguration",
            Value::map([
                ("Type", Value::string("CUSTOMER_MANAGED_KMS_KEY")),
                ("KmsKeyId", key),
                ("KmsDataKeyReusePeriodSeconds", Value::from(300_u32)),
            ]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    b.put(&unit, b.logical_id(&c.id), &c.id, group, resource);
}

/// Reads `AWS::StepFunctions::StateMachine` into a component: its role, whether it logs and
/// traces, and its customer-managed key. What its definition calls becomes flows
/// (`import::flows::workflow`). A setting given by a parameter is left unstated, so that no rule
/// judges what the template does not fix.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let mut component = im.account_component(key, ComponentKind::StepFunctionsStateMachine);
    component.identity = im.role_of(&im.property(key.0, &key.1, &["RoleArn"]));
    let p = &mut component.properties;
    // Without a logging configuration, or with level OFF, Step Functions logs nothing.
    p.logging = match im.property(key.0, &key.1, &["LoggingConfiguration", "Level"]) {
        Sym::NoValue => Some(false),
        Sym::Text(level) => {
            Some(level != "OFF" && im.present(key, &["LoggingConfiguration", "Destinations"]))
        }
        _ => None,
    };
    p.tracing = match im.property(key.0, &key.1, &["TracingConfiguration", "Enabled"]) {
        Sym::NoValue => Some(false),
        _ => im.flag(key, &["TracingConfiguration", "Enabled"]),
    };
    if im
        .text(key, &["EncryptionConfiguration", "Type"])
        .as_deref()
        == Some("CUSTOMER_MANAGED_KMS_KEY")
    {
        component.encryption_key = im.key_component(key, &["EncryptionConfiguration", "KmsKeyId"]);
    }
    Some(component)
}
