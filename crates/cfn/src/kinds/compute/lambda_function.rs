//! Lambda functions: in the VPC when placed in a subnet, with a dead-letter queue and a role of
//! their own when the design gives none.

use zta_model::{Component, ComponentKind, Tier};

use crate::export::builder::{Builder, tags};
use crate::export::roles::own_role;
use crate::import::eval::Sym;
use crate::import::{Importer, ResourceKey};
use crate::policy::sid;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Lambda::Function";

pub(crate) fn export(b: &mut Builder<'_>, c: &Component) {
    let unit = b.unit_of_component(c);
    let group = b.workload_group(c);
    let subnet = b.subnet_of(c);
    let queue = b.logical_id_for(&c.id, "DeadLetterQueue");
    let key = b.default_key_arn(&unit);
    let dlq = Resource::new("AWS::SQS::Queue")
        .with_property("KmsMasterKeyId", key.clone())
        .with_property("MessageRetentionPeriod", 1_209_600_u32);
    b.put(&unit, queue.clone(), &c.id, group.clone(), dlq);
    let basic = if subnet.is_some() {
        "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
    } else {
        "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
    };
    let send = ["sqs:SendMessage"];
    let role = match &c.identity {
        Some(identity) => {
            b.role_managed_policy(identity, basic);
            let owner = b
                .identity(identity)
                .map(|i| b.unit_of_identity(i))
                .unwrap_or_else(|| unit.clone());
            if owner == unit {
                b.role_statement(
                    identity,
                    sid::DEAD_LETTERS,
                    &send,
                    Value::get_att(&queue, "Arn"),
                );
            }
            b.role_arn(&unit, identity)
        }
        None => {
            let role = own_role(
                b,
                &unit,
                c,
                "lambda.amazonaws.com",
                vec![crate::policy::portable_arn(basic)],
                vec![crate::policy::allow_statement(
                    sid::DEAD_LETTERS,
                    &send.map(str::to_owned),
                    vec![Value::get_att(&queue, "Arn")],
                )],
            );
            Value::get_att(role, "Arn")
        }
    };
    let bucket = b.parameter(
        &unit,
        "ArtifactBucket",
        Parameter::new("String").with(
            "Description",
            "The S3 bucket holding the functions' deployment packages (KEY: <function id>.zip).",
        ),
    );
    let mut resource = Resource::new(RESOURCE_TYPE)
        .with_property("Description", &c.name)
        .with_property(
            "Runtime",
            c.properties
                .runtime
                .clone()
                .unwrap_or_else(|| "python3.13".into()),
        )
        .with_property("Handler", "index.handler")
        .with_property(
            "Code",
            Value::map([
                ("S3Bucket", bucket),
                ("S3Key", Value::string(format!("{}.zip", c.id))),
            ]),
        )
        .with_property("Role", role)
        .with_property(
            "MemorySize",
            c.properties.memory.unwrap_or(256).clamp(128, 10240),
        )
        .with_property("Timeout", 30_u32)
        .with_property("KmsKeyArn", key)
        .with_property("ReservedConcurrentExecutions", 10_u32)
        .with_property(
            "TracingConfig",
            Value::map([("Mode", Value::string("Active"))]),
        )
        .with_property(
            "DeadLetterConfig",
            Value::map([("TargetArn", Value::get_att(&queue, "Arn"))]),
        )
        .with_property("Tags", tags(&c.id, &c.tags));
    if let Some(subnet) = subnet {
        let subnets = b.segment_refs(&b.spread_subnets(subnet));
        resource = resource.with_property(
            "VpcConfig",
            Value::map([
                ("SubnetIds", Value::list(subnets)),
                (
                    "SecurityGroupIds",
                    Value::list([Value::get_att(
                        b.logical_id_for(&c.id, "SecurityGroup"),
                        "GroupId",
                    )]),
                ),
            ]),
        );
    }
    let function = b.logical_id(&c.id);
    b.put(&unit, function.clone(), &c.id, group.clone(), resource);
    if c.properties.runtime.is_some() {
        for check in ["W2531", "W2533"] {
            b.ignore_lint(
                &unit,
                &function,
                check,
                "The design states this runtime: the export implements it as stated, and the design's rules report a deprecated runtime.",
            );
        }
    }
    if subnet.is_none() {
        b.skip_checkov(
            &unit,
            &function,
            "CKV_AWS_117",
            "The design places this function outside any VPC: it reaches only AWS APIs, which IAM guards.",
        );
    }
    b.log_group(
        &unit,
        b.logical_id_for(&c.id, "LogGroup"),
        &c.id,
        group,
        None,
        Some(Value::sub(format!("/aws/lambda/${{{function}}}"))),
    );
}

/// Reads `AWS::Lambda::Function` into a component.
pub(crate) fn import(im: &mut Importer<'_>, key: &ResourceKey) -> Option<Component> {
    let account = im.account.clone();
    let subnets = im.property(key.0, &key.1, &["VpcConfig", "SubnetIds"]);
    let segment = if matches!(subnets, Sym::NoValue) {
        account
    } else {
        im.subnet_for(&subnets, Tier::Private)
    };
    let mut component = im.new_component(key, ComponentKind::LambdaFunction, segment);
    component.properties.runtime = im.text(key, &["Runtime"]);
    component.properties.memory = im.number(key, &["MemorySize"]);
    component.identity = im.role_of(&im.property(key.0, &key.1, &["Role"]));
    Some(component)
}
