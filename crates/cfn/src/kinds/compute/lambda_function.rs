//! Lambda functions: in the VPC when placed in a subnet, with a dead-letter queue and a role of
//! their own when the design gives none, and the function URL the design states.

use zta_model::{Component, ComponentKind, FunctionUrlAuth, Tier};

use crate::export::builder::{Builder, Group, tags};
use crate::export::roles::own_role;
use crate::import::eval::Sym;
use crate::import::{Disposition, Importer, ResourceKey};
use crate::policy::sid;
use crate::template::{Parameter, Resource};
use crate::value::Value;

/// The resource type this kind is written as and read from.
pub(crate) const RESOURCE_TYPE: &str = "AWS::Lambda::Function";

/// A function's URL, read into its `function_url`.
const URL: &str = "AWS::Lambda::Url";

/// The permissions that let callers of a function URL in.
const PERMISSION: &str = "AWS::Lambda::Permission";

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
    if let Some(auth) = c.properties.function_url {
        function_url(b, &unit, c, &function, group.clone(), auth);
    }
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

/// The function's URL as the design states it. A URL that admits anyone needs resource-based
/// permissions for every principal: `lambda:InvokeFunctionUrl` for URLs of `AuthType: NONE`, and,
/// since October 2025, `lambda:InvokeFunction` for calls made through the URL
/// (<https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html>). A URL that asks for IAM needs
/// none: the callers' own roles grant the actions their flows state.
fn function_url(
    b: &mut Builder<'_>,
    unit: &str,
    c: &Component,
    function: &str,
    group: Group,
    auth: FunctionUrlAuth,
) {
    let auth_type = match auth {
        FunctionUrlAuth::None => "NONE",
        FunctionUrlAuth::Iam => "AWS_IAM",
    };
    let url = b.logical_id_for(&c.id, "Url");
    b.put(
        unit,
        url.clone(),
        &c.id,
        group.clone(),
        Resource::new(URL)
            .with_property(
                "TargetFunctionArn",
                Value::get_att(function.to_owned(), "Arn"),
            )
            .with_property("AuthType", auth_type),
    );
    if auth != FunctionUrlAuth::None {
        return;
    }
    b.skip_checkov(
        unit,
        &url,
        "CKV_AWS_258",
        "The design states `function_url: none`: the URL admits anyone, and ZT-EDGE-006 judges the flows that reach it.",
    );
    for (suffix, action) in [
        ("UrlPublicPermission", "lambda:InvokeFunctionUrl"),
        ("UrlPublicInvokePermission", "lambda:InvokeFunction"),
    ] {
        let permission = Resource::new(PERMISSION)
            .with_property("FunctionName", Value::reference(function.to_owned()))
            .with_property("Action", action)
            .with_property("Principal", "*");
        let permission = if action == "lambda:InvokeFunctionUrl" {
            permission.with_property("FunctionUrlAuthType", "NONE")
        } else {
            permission.with_property("InvokedViaFunctionUrl", true)
        };
        b.put(
            unit,
            b.logical_id_for(&c.id, suffix),
            &c.id,
            group.clone(),
            permission,
        );
    }
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
    component.properties.function_url = read_function_url(im, key, &component.id);
    Some(component)
}

/// Reads the function's URL (one of the function itself, not of an alias) and absorbs it with
/// the permissions that let its callers in. An `AuthType` the template does not fix (a
/// parameter) is read as `NONE`, the weaker, with a note: reading it as IAM would claim what the
/// template does not show.
fn read_function_url(
    im: &mut Importer<'_>,
    key: &ResourceKey,
    element: &str,
) -> Option<FunctionUrlAuth> {
    let urls = im.referring(URL, &["TargetFunctionArn"], key);
    let url = urls.first()?;
    let auth = match im.text(url, &["AuthType"]).as_deref() {
        Some("AWS_IAM") => FunctionUrlAuth::Iam,
        Some("NONE") => FunctionUrlAuth::None,
        other => {
            im.notes.push(format!(
                "function URL {}: AuthType `{}` is not known from the template; read as NONE",
                url.1,
                other.unwrap_or("(not given)")
            ));
            FunctionUrlAuth::None
        }
    };
    for url in urls {
        im.mark(
            url,
            Disposition::Absorbed {
                element: Some(element.to_owned()),
                how: "the function's URL".to_owned(),
            },
        );
    }
    for permission in im.referring(PERMISSION, &["FunctionName"], key) {
        let for_url = im.text(&permission, &["Action"]).as_deref()
            == Some("lambda:InvokeFunctionUrl")
            || im.flag(&permission, &["InvokedViaFunctionUrl"]) == Some(true);
        if for_url {
            im.mark(
                permission,
                Disposition::Absorbed {
                    element: Some(element.to_owned()),
                    how: "who may call the function's URL".to_owned(),
                },
            );
        }
    }
    Some(auth)
}
