//! What real templates say, read as they say it: the shapes real templates take (AWS
//! documentation examples, the corpus's linters' and scanners' test templates), one fixture per
//! case, each test naming the case it pins. Each fixture (in `fuzz/seeds/real-*`, also the
//! fuzzers' seeds) is imported, judged and snapshotted.

use std::path::PathBuf;

use zta_cfn::{Error, ImportOptions, ImportOutcome, import_template};
use zta_model::{Auth, ComponentKind, Design, FunctionUrlAuth, Protocol, SegmentKind, Tls};

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(name);
    std::fs::read_to_string(path).expect("seed is readable")
}

/// Imports a fixture, checks the design's integrity, and snapshots the import report with the
/// findings the rules give (rule and message, suppressed ones marked).
fn import_and_judge(name: &str) -> (Design, Vec<(String, Vec<String>)>) {
    let outcome: ImportOutcome = import_template(&seed(name), name, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"));
    let issues = zta_model::integrity::check(&outcome.design);
    assert!(issues.is_empty(), "{name}: {issues:#?}");
    let report = zta_rules::validate(&outcome.design);
    let mut text = outcome.report.to_string();
    text.push_str("\nFindings:\n");
    for finding in &report.findings {
        text.push_str(&format!(
            "  {} {}: {}\n",
            finding.rule, finding.severity, finding.message
        ));
    }
    text.push_str(&format!("\nCoverage: {}\n", report.coverage.summary()));
    insta::assert_snapshot!(name.replace('.', "_"), text);
    let findings = report
        .findings
        .into_iter()
        .map(|finding| (finding.rule, finding.elements))
        .collect();
    (outcome.design, findings)
}

fn named(findings: &[(String, Vec<String>)], rule: &str, element: &str) -> bool {
    findings
        .iter()
        .any(|(code, elements)| code == rule && elements.iter().any(|id| id == element))
}

#[test]
fn aws_star_principals_are_anyone() {
    let (design, findings) = import_and_judge("real-principal-aws-star.yaml");
    for id in ["key", "images", "orders", "alerts"] {
        let component = design.component(id).unwrap_or_else(|| panic!("no `{id}`"));
        assert!(
            component
                .properties
                .resource_policy
                .iter()
                .any(|statement| statement.principals == ["*"]),
            "{id}: {:#?}",
            component.properties.resource_policy
        );
        assert!(named(&findings, "ZT-IAM-011", id), "{id}: {findings:#?}");
    }
}

#[test]
fn public_canned_acls_make_the_bucket_public() {
    let (design, findings) = import_and_judge("real-canned-acl.yaml");
    for id in ["website", "uploads"] {
        let bucket = design.component(id).unwrap();
        assert_eq!(bucket.properties.block_public_access, Some(false), "{id}");
        assert!(named(&findings, "ZT-IAM-011", id), "{id}: {findings:#?}");
    }
    let logs = design.component("logs").unwrap();
    assert!(logs.properties.resource_policy.is_empty());
    assert!(!named(&findings, "ZT-IAM-011", "logs"), "{findings:#?}");
}

#[test]
fn policy_documents_written_as_json_text_are_read() {
    let (design, findings) = import_and_judge("real-policy-json-string.json");
    let queue = design.component("orders").unwrap();
    assert_eq!(queue.properties.resource_policy.len(), 1);
    assert_eq!(queue.properties.resource_policy[0].principals, ["*"]);
    assert!(named(&findings, "ZT-IAM-011", "orders"), "{findings:#?}");
    let worker = design.identity("worker").unwrap();
    assert!(
        worker
            .policies
            .iter()
            .any(|statement| statement.actions == ["*"]),
        "{:#?}",
        worker.policies
    );
}

#[test]
fn the_range_of_an_existing_vpc_is_not_an_outside_network() {
    let (design, _) = import_and_judge("real-existing-vpc.yaml");
    let outside: Vec<String> = design
        .segments
        .iter()
        .filter(|segment| segment.kind == SegmentKind::OnPremises)
        .map(|segment| {
            segment
                .cidr
                .clone()
                .or_else(|| segment.description.clone())
                .unwrap_or_default()
        })
        .collect();
    // The office range a parameter names is outside; the VPC's own range, whether a parameter
    // or another stack's export, is not.
    assert_eq!(outside, ["203.0.113.0/24"]);
}

#[test]
fn for_each_over_a_find_in_map_is_expanded() {
    let (design, _) = import_and_judge("real-foreach-findinmap.yaml");
    let queues = design
        .components
        .iter()
        .filter(|component| component.kind == ComponentKind::SqsQueue)
        .count();
    assert_eq!(queues, 2);
}

#[test]
fn a_custom_macro_is_named_in_the_refusal() {
    let error = import_template(
        &seed("real-custom-macro.yaml"),
        "real-custom-macro.yaml",
        &ImportOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(&error, Error::MacroRequired { macro_name, .. } if macro_name == "CompanyTagging"),
        "{error}"
    );
    assert!(error.to_string().contains("`CompanyTagging`"), "{error}");
}

/// A security group says who may connect; the target says how (the fixture's header names the
/// AWS pages). A flow drawn from a group rule takes IAM from a database with IAM
/// authentication and a password from one without, TLS but no credentials from a cache with
/// in-transit encryption and neither AUTH token nor user groups, and HTTPS from the listener on
/// the port, which the port's number does not say.
#[test]
fn security_group_flows_take_the_targets_own_settings() {
    let (design, findings) = import_and_judge("real-target-settings.yaml");
    let only = |target: &str| {
        let flows: Vec<_> = design
            .flows
            .iter()
            .filter(|flow| flow.source == "app-function" && flow.target == target)
            .collect();
        assert_eq!(flows.len(), 1, "app-function -> {target}: {flows:#?}");
        flows[0]
    };
    let iam = only("iam-db");
    assert_eq!((iam.protocol, iam.auth), (Protocol::Postgresql, Auth::Iam));
    assert_eq!(only("password-db").auth, Auth::Password);
    let cache = only("transit-cache");
    assert_eq!((cache.tls, cache.auth), (Tls::Tls12, Auth::None));
    let balancer = only("balancer");
    assert_eq!(
        (balancer.protocol, balancer.tls),
        (Protocol::Https, Tls::Tls12)
    );
    assert!(!named(&findings, "ZT-ID-010", "iam-db"), "{findings:#?}");
    assert!(
        named(&findings, "ZT-ID-010", "transit-cache"),
        "{findings:#?}"
    );
}

#[test]
fn flow_collections_indented_no_deeper_than_their_key_are_imported() {
    // The bucket's encryption and the output's list continue on lines at or left of their
    // key, as CloudFormation and cfn-lint accept.
    let (design, _) = import_and_judge("real-flow-shallow-indent.yaml");
    let logs = design.component("logs").expect("the bucket is imported");
    assert_eq!(logs.kind, ComponentKind::S3Bucket);
    assert_eq!(logs.properties.encrypted_at_rest, Some(true), "{logs:#?}");
    let queue = design.component("queue").expect("the queue is imported");
    assert_eq!(queue.kind, ComponentKind::SqsQueue);
}

/// Auto Scaling groups become groups, not instances: what their launch template or launch
/// configuration says (metadata options, public addresses, volume encryption, instance
/// profile) are their properties, the launch template and configuration are absorbed, and the
/// rules that judge instances judge them.
#[test]
fn auto_scaling_groups_take_their_launch_settings() {
    let (design, findings) = import_and_judge("real-auto-scaling.yaml");
    let web = design.component("web").expect("the launch-template group");
    assert_eq!(web.kind, ComponentKind::AutoScalingGroup);
    assert_eq!(web.properties.imdsv2, Some(false), "{web:#?}");
    assert_eq!(web.properties.publicly_accessible, Some(true), "{web:#?}");
    assert_eq!(web.properties.encrypted_at_rest, Some(false), "{web:#?}");
    assert_eq!(web.properties.instance_type.as_deref(), Some("t3.small"));
    assert_eq!(web.properties.desired_count, Some(2));
    assert_eq!(web.identity.as_deref(), Some("web-role"));
    let workers = design
        .component("workers")
        .expect("the launch-configuration group");
    assert_eq!(workers.kind, ComponentKind::AutoScalingGroup);
    assert_eq!(workers.properties.imdsv2, Some(true), "{workers:#?}");
    assert_eq!(workers.properties.publicly_accessible, Some(false));
    assert_eq!(workers.properties.encrypted_at_rest, Some(true));
    assert_eq!(workers.encryption_key.as_deref(), Some("worker-key"));
    assert_eq!(workers.properties.desired_count, Some(2));
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "balancer" && flow.target == "web"),
        "the target group's flow reaches the group: {:#?}",
        design.flows
    );
    assert!(named(&findings, "ZT-VUL-006", "web"), "{findings:#?}");
    assert!(named(&findings, "ZT-NET-006", "web"), "{findings:#?}");
    assert!(!named(&findings, "ZT-VUL-006", "workers"), "{findings:#?}");
}

/// EBS volumes become volumes, judged for encryption at rest like every data store: one that
/// does not say `Encrypted: true` is not encrypted, and an attached one sits where its instance
/// does.
#[test]
fn ebs_volumes_are_data_stores() {
    let (design, findings) = import_and_judge("real-ebs-volumes.yaml");
    let data = design
        .component("data-volume")
        .expect("the attached volume");
    assert_eq!(data.kind, ComponentKind::EbsVolume);
    assert_eq!(data.properties.encrypted_at_rest, Some(false), "{data:#?}");
    let server = design.component("server").expect("the instance");
    assert_eq!(data.segment, server.segment);
    let archive = design
        .component("archive-volume")
        .expect("the encrypted volume");
    assert_eq!(
        archive.properties.encrypted_at_rest,
        Some(true),
        "{archive:#?}"
    );
    assert_eq!(archive.encryption_key.as_deref(), Some("archive-key"));
    assert!(
        named(&findings, "ZT-ENC-005", "data-volume"),
        "{findings:#?}"
    );
    assert!(
        !named(&findings, "ZT-ENC-005", "archive-volume"),
        "{findings:#?}"
    );
}

#[test]
fn efs_file_systems_become_file_system_components() {
    let (design, findings) = import_and_judge("real-efs.yaml");
    let web = design.component("web-content").unwrap();
    assert_eq!(web.kind, ComponentKind::EfsFileSystem);
    assert_eq!(web.properties.encrypted_at_rest, Some(false));
    assert_eq!(web.properties.encrypted_in_transit, Some(false));
    assert_eq!(web.properties.iam_auth, Some(false));
    for rule in ["ZT-ENC-005", "ZT-ENC-008", "ZT-ID-014"] {
        assert!(
            named(&findings, rule, "web-content"),
            "{rule}: {findings:#?}"
        );
    }
    let records = design.component("records").unwrap();
    assert_eq!(records.kind, ComponentKind::EfsFileSystem);
    assert_eq!(records.properties.encrypted_at_rest, Some(true));
    assert_eq!(records.properties.encrypted_in_transit, Some(true));
    assert_eq!(records.properties.iam_auth, Some(true));
    assert_eq!(records.encryption_key.as_deref(), Some("key"));
    for rule in ["ZT-ENC-005", "ZT-ENC-008", "ZT-ID-014"] {
        assert!(!named(&findings, rule, "records"), "{rule}: {findings:#?}");
    }
    let a = design.component("web-content").unwrap();
    assert!(
        design
            .segment(&a.segment)
            .is_some_and(|segment| segment.kind == SegmentKind::Subnet),
        "{a:#?}"
    );
}

#[test]
fn kinesis_streams_become_stream_components() {
    let (design, findings) = import_and_judge("real-kinesis.yaml");
    let clicks = design.component("clicks").unwrap();
    assert_eq!(clicks.kind, ComponentKind::KinesisStream);
    assert_eq!(clicks.properties.encrypted_at_rest, Some(false));
    assert!(named(&findings, "ZT-ENC-005", "clicks"), "{findings:#?}");
    let audit = design.component("audit-events").unwrap();
    assert_eq!(audit.kind, ComponentKind::KinesisStream);
    assert_eq!(audit.properties.encrypted_at_rest, Some(true));
    assert_eq!(audit.properties.resource_policy.len(), 1);
    assert_eq!(audit.properties.resource_policy[0].principals, ["*"]);
    assert!(
        !named(&findings, "ZT-ENC-005", "audit-events"),
        "{findings:#?}"
    );
    assert!(
        named(&findings, "ZT-IAM-011", "audit-events"),
        "{findings:#?}"
    );
}

/// SAM writes each policy template's statements into the function's role; the imported role
/// holds the same actions, on the resources the template names, and an entry that names no
/// template is reported rather than silently dropped.
#[test]
fn sam_policy_templates_grant_what_sam_grants() {
    let outcome = import_template(
        &seed("real-sam-policy-templates.yaml"),
        "real-sam-policy-templates.yaml",
        &ImportOptions::default(),
    )
    .expect("the SAM template imports");
    let report = outcome.report.to_string();
    assert!(
        report.contains("policy NoSuchTemplatePolicy is no policy template SAM knows"),
        "{report}"
    );
    let (design, _) = import_and_judge("real-sam-policy-templates.yaml");
    let role = design
        .identities
        .iter()
        .find(|identity| identity.id.to_lowercase().contains("worker"))
        .unwrap_or_else(|| panic!("the function's role: {:#?}", design.identities));
    let grants = |action: &str| {
        role.policies
            .iter()
            .filter(|statement| statement.actions.iter().any(|granted| granted == action))
            .flat_map(|statement| statement.resources.clone())
            .collect::<Vec<_>>()
    };
    assert!(
        !grants("dynamodb:PutItem").is_empty(),
        "{:#?}",
        role.policies
    );
    assert!(!grants("s3:GetObject").is_empty(), "{:#?}", role.policies);
    assert!(
        !grants("sqs:SendMessage*").is_empty(),
        "{:#?}",
        role.policies
    );
    // The template scopes each grant: no statement the templates wrote allows every resource.
    for action in ["dynamodb:PutItem", "s3:GetObject", "sqs:SendMessage*"] {
        assert!(
            grants(action).iter().all(|resource| resource != "*"),
            "{action}: {:#?}",
            role.policies
        );
    }
}

/// A delivery stream is a data store: records from an encrypted Kinesis stream rest as the
/// stream keeps them, direct puts only with server-side encryption; each stream reads its source
/// and writes to its destinations (an HTTP endpoint over the internet), and one without error
/// logging is named by ZT-MON-011.
#[test]
fn firehose_delivery_streams_become_stream_components() {
    let (design, findings) = import_and_judge("real-firehose.yaml");
    let clicks = design.component("click-delivery").unwrap();
    assert_eq!(clicks.kind, ComponentKind::FirehoseStream);
    assert_eq!(clicks.properties.encrypted_at_rest, Some(true));
    assert_eq!(clicks.properties.logging, Some(true));
    assert_eq!(clicks.identity.as_deref(), Some("delivery-role"));
    let reads = |source: &str, target: &str| {
        design
            .flows
            .iter()
            .find(|flow| flow.source == source && flow.target == target)
    };
    assert!(reads("click-delivery", "clicks").is_some());
    assert!(reads("click-delivery", "archive").is_some());
    let metrics = design.component("metrics-delivery").unwrap();
    assert_eq!(metrics.properties.encrypted_at_rest, Some(false));
    assert_eq!(metrics.properties.logging, Some(false));
    assert!(
        named(&findings, "ZT-ENC-005", "metrics-delivery"),
        "{findings:#?}"
    );
    assert!(
        named(&findings, "ZT-MON-011", "metrics-delivery"),
        "{findings:#?}"
    );
    assert!(
        !named(&findings, "ZT-MON-011", "click-delivery"),
        "{findings:#?}"
    );
    let partner = design.component("partner-delivery").unwrap();
    assert_eq!(partner.properties.encrypted_at_rest, Some(true));
    let internet = design
        .segments
        .iter()
        .find(|segment| segment.kind == SegmentKind::Internet)
        .unwrap();
    let endpoint = reads("partner-delivery", &internet.id).unwrap();
    assert_eq!(endpoint.protocol, Protocol::Https);
    assert_eq!(endpoint.tls, Tls::Tls12);
    assert_eq!(endpoint.auth, Auth::ApiKey);
    assert!(reads("partner-delivery", "archive").is_some());
}

/// A function URL is read into the function: `AuthType: NONE` makes it internet-facing for
/// anyone, which ZT-EDGE-006 reports, and `AWS_IAM` admits only signed callers. The URL and the
/// permissions that open it are absorbed into the function, not carried.
#[test]
fn function_urls_are_read_into_their_functions() {
    for (name, open, signed) in [
        ("real-lambda-url.yaml", "webhook", "reports"),
        (
            "real-sam-function-url.yaml",
            "public-function",
            "private-function",
        ),
    ] {
        let (design, findings) = import_and_judge(name);
        let open_fn = design.component(open).unwrap();
        assert_eq!(open_fn.properties.function_url, Some(FunctionUrlAuth::None));
        let signed_fn = design.component(signed).unwrap();
        assert_eq!(
            signed_fn.properties.function_url,
            Some(FunctionUrlAuth::Iam)
        );
        let entry = |target: &str| {
            design
                .flows
                .iter()
                .find(|flow| flow.target == target && flow.protocol == Protocol::Https)
                .unwrap_or_else(|| panic!("{name}: no flow into {target}"))
                .auth
        };
        assert_eq!(entry(open), Auth::None, "{name}");
        assert_eq!(entry(signed), Auth::Iam, "{name}");
        assert!(
            named(&findings, "ZT-EDGE-006", open),
            "{name}: {findings:#?}"
        );
        assert!(
            !named(&findings, "ZT-EDGE-006", signed),
            "{name}: {findings:#?}"
        );
        let index = zta_model::DesignIndex::new(&design);
        assert!(index.is_internet_facing(open_fn) && index.is_internet_facing(signed_fn));
    }
}

/// A state machine is read with its role, logging, tracing and key, and what its definition
/// calls becomes flows: a function named as a task's `Resource` through `Fn::Sub`, and the queue,
/// table and state machine an integration's parameters name, directly or through
/// `DefinitionSubstitutions`. ZT-MON-011 reports the one that logs nothing.
#[test]
fn state_machines_are_read_with_what_their_definitions_call() {
    let (design, findings) = import_and_judge("real-step-functions.yaml");
    let stock = design.component("stock-workflow").unwrap();
    assert_eq!(stock.kind, ComponentKind::StepFunctionsStateMachine);
    assert_eq!(stock.properties.logging, Some(false));
    assert_eq!(stock.properties.tracing, Some(false));
    assert_eq!(stock.identity.as_deref(), Some("workflow-role"));
    let orders = design.component("order-workflow").unwrap();
    assert_eq!(orders.properties.logging, Some(true));
    assert_eq!(orders.properties.tracing, Some(true));
    assert_eq!(orders.encryption_key.as_deref(), Some("workflow-key"));
    let calls = |source: &str, target: &str| {
        design
            .flows
            .iter()
            .find(|flow| flow.source == source && flow.target == target)
            .map(|flow| flow.actions.clone())
            .unwrap_or_else(|| panic!("no flow from {source} to {target}"))
    };
    assert_eq!(
        calls("stock-workflow", "check-stock"),
        ["lambda:InvokeFunction"]
    );
    assert_eq!(
        calls("stock-workflow", "notifications"),
        ["sqs:SendMessage"]
    );
    assert_eq!(calls("order-workflow", "orders"), ["dynamodb:PutItem"]);
    assert_eq!(
        calls("order-workflow", "stock-workflow"),
        ["states:StartExecution"]
    );
    assert!(
        named(&findings, "ZT-MON-011", "stock-workflow"),
        "{findings:#?}"
    );
    assert!(
        !named(&findings, "ZT-MON-011", "order-workflow"),
        "{findings:#?}"
    );
}

/// SAM's state machine expands as SAM expands it: the role with its policy templates, the
/// logging and tracing, the schedule's rule, and the flows its definition's substitutions name.
#[test]
fn sam_state_machines_expand_to_state_machines() {
    let (design, findings) = import_and_judge("real-sam-state-machine.yaml");
    let nightly = design.component("nightly-workflow").unwrap();
    assert_eq!(nightly.kind, ComponentKind::StepFunctionsStateMachine);
    assert_eq!(nightly.properties.logging, Some(true));
    assert_eq!(nightly.properties.tracing, Some(true));
    let role = design
        .identity(nightly.identity.as_deref().expect("the generated role"))
        .unwrap();
    assert!(
        role.policies.iter().any(|statement| statement
            .actions
            .iter()
            .any(|a| a == "lambda:InvokeFunction")),
        "{role:#?}"
    );
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "nightly-workflow"
                && flow.target == "process-function"
                && flow.actions == ["lambda:InvokeFunction"])
    );
    let unlogged = design.component("unlogged-workflow").unwrap();
    assert_eq!(unlogged.properties.logging, Some(false));
    assert!(
        named(&findings, "ZT-MON-011", "unlogged-workflow"),
        "{findings:#?}"
    );
}

/// An AppSync API is read with its visibility, logging and ways of authenticating, its data
/// sources become flows, and its schema, keys and resolvers are read into it. ZT-MON-011 reports
/// the one that logs nothing, and ZT-EDGE-001 the public one no web ACL protects.
#[test]
fn appsync_apis_are_read_with_their_data_sources() {
    let (design, findings) = import_and_judge("real-appsync.yaml");
    let blog = design.component("blog-api").unwrap();
    assert_eq!(blog.kind, ComponentKind::AppsyncApi);
    assert_eq!(
        blog.properties.scheme,
        Some(zta_model::Scheme::InternetFacing)
    );
    assert_eq!(blog.properties.logging, Some(false));
    let members = design.component("members-api").unwrap();
    assert_eq!(members.properties.scheme, Some(zta_model::Scheme::Internal));
    assert_eq!(members.properties.logging, Some(true));
    let entry = design
        .flows
        .iter()
        .find(|flow| flow.target == "blog-api")
        .expect("the internet reaches the public API");
    assert_eq!(entry.auth, Auth::ApiKey);
    for target in ["posts", "enrich"] {
        assert!(
            design
                .flows
                .iter()
                .any(|flow| flow.source == "blog-api" && flow.target == target),
            "no flow from the API to {target}"
        );
    }
    assert!(named(&findings, "ZT-MON-011", "blog-api"), "{findings:#?}");
    assert!(named(&findings, "ZT-EDGE-001", "blog-api"), "{findings:#?}");
    assert!(
        !named(&findings, "ZT-MON-011", "members-api"),
        "{findings:#?}"
    );
    let acl = design.component("members-acl").unwrap();
    assert_eq!(acl.properties.protects, ["members-api"]);
}

/// SAM's GraphQL API expands as SAM expands it: the user pool and the API key both admit
/// callers, logging is on by SAM's default, and the DynamoDB data source is a flow.
#[test]
fn sam_graphql_apis_expand_to_appsync_apis() {
    let (design, _) = import_and_judge("real-sam-graphql-api.yaml");
    let api = design.component("notes-api").unwrap();
    assert_eq!(api.kind, ComponentKind::AppsyncApi);
    assert_eq!(api.properties.logging, Some(true));
    let ways: Vec<Auth> = design
        .flows
        .iter()
        .filter(|flow| flow.target == "notes-api")
        .map(|flow| flow.auth)
        .collect();
    assert!(
        ways.contains(&Auth::Jwt) && ways.contains(&Auth::ApiKey),
        "{ways:?}"
    );
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "notes-api" && flow.target == "notes")
    );
}

/// SAM's HTTP APIs expand as SAM expands them: routes of `HttpApi` events become flows from the
/// internet with the route's authorizer (the API's default one unless the event opts out) and
/// flows from the API to the function; a function's event without an `ApiId` lands on the
/// implicit API.
#[test]
fn sam_http_apis_expand_to_http_apis() {
    let (design, _) = import_and_judge("real-sam-http-api.yaml");
    let api = design.component("orders-api").unwrap();
    assert_eq!(api.kind, ComponentKind::ApiGateway);
    let ways: Vec<Auth> = design
        .flows
        .iter()
        .filter(|flow| flow.target == "orders-api")
        .map(|flow| flow.auth)
        .collect();
    assert!(
        ways.contains(&Auth::Jwt) && ways.contains(&Auth::None),
        "{ways:?}"
    );
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "orders-api" && flow.target == "list-orders")
    );
    let implicit = design.component("serverless-http-api").unwrap();
    assert_eq!(implicit.kind, ComponentKind::ApiGateway);
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "serverless-http-api" && flow.target == "echo")
    );
}

/// A WebSocket API is an API Gateway whose connection is authorized once, on `$connect`: its
/// message routes give no flow from the internet, the `$connect` route's authorization is the
/// entry flow's, and a stage without access logs is reported by ZT-MON-031.
#[test]
fn websocket_apis_are_judged_on_connect_and_their_stage_logs() {
    let (design, findings) = import_and_judge("real-websocket-api.yaml");
    for id in ["chat-api", "open-api"] {
        assert_eq!(
            design.component(id).unwrap().kind,
            ComponentKind::ApiGateway
        );
    }
    let entries = |api: &str| -> Vec<Auth> {
        design
            .flows
            .iter()
            .filter(|flow| flow.target == api)
            .map(|flow| flow.auth)
            .collect()
    };
    assert_eq!(entries("chat-api"), [Auth::Iam]);
    assert_eq!(entries("open-api"), [Auth::None]);
    // A carried resource's finding names no element; the snapshot pins that the one stage
    // reported is `ChatStage`, the stage without access logs.
    let stage_findings = findings
        .iter()
        .filter(|(rule, _)| rule == "ZT-MON-031")
        .count();
    assert_eq!(stage_findings, 1, "{findings:#?}");
    assert!(named(&findings, "ZT-EDGE-006", "open-api"), "{findings:#?}");
}

#[test]
fn documentdb_clusters_become_cluster_components() {
    let (design, findings) = import_and_judge("real-documentdb.yaml");
    let sessions = design.component("sessions").unwrap();
    assert_eq!(sessions.kind, ComponentKind::DocumentdbCluster);
    assert_eq!(sessions.properties.encrypted_at_rest, Some(false));
    assert_eq!(sessions.properties.encrypted_in_transit, Some(false));
    assert_eq!(sessions.properties.logging, Some(false));
    assert_eq!(
        sessions.properties.instance_type.as_deref(),
        Some("db.t3.medium")
    );
    assert!(
        design
            .segment(&sessions.segment)
            .is_some_and(|segment| segment.kind == SegmentKind::Subnet),
        "{sessions:#?}"
    );
    for rule in ["ZT-ENC-005", "ZT-ENC-008", "ZT-MON-011"] {
        assert!(named(&findings, rule, "sessions"), "{rule}: {findings:#?}");
    }
    let catalog = design.component("catalog").unwrap();
    assert_eq!(catalog.properties.encrypted_at_rest, Some(true));
    assert_eq!(catalog.properties.encrypted_in_transit, Some(true));
    assert_eq!(catalog.properties.logging, Some(true));
    assert_eq!(catalog.encryption_key.as_deref(), Some("key"));
    for rule in ["ZT-ENC-005", "ZT-ENC-008", "ZT-MON-011"] {
        assert!(!named(&findings, rule, "catalog"), "{rule}: {findings:#?}");
    }
    // The third cluster's parameter group is a template parameter: neither TLS nor the audit
    // log is known, and neither rule judges them.
    let profiles = design.component("profiles").unwrap();
    assert_eq!(profiles.properties.encrypted_in_transit, None);
    assert_eq!(profiles.properties.logging, None);
    assert_eq!(profiles.not_known, ["encrypted_in_transit", "logging"]);
    for rule in ["ZT-ENC-008", "ZT-MON-011"] {
        assert!(!named(&findings, rule, "profiles"), "{rule}: {findings:#?}");
    }
    assert!(design.component("catalog-instance1").is_none());
}

#[test]
fn neptune_clusters_become_cluster_components() {
    let (design, findings) = import_and_judge("real-neptune.yaml");
    let graph = design.component("graph").unwrap();
    assert_eq!(graph.kind, ComponentKind::NeptuneCluster);
    assert_eq!(graph.properties.encrypted_at_rest, Some(false));
    assert_eq!(graph.properties.iam_auth, Some(false));
    assert_eq!(graph.properties.logging, Some(false));
    assert_eq!(
        graph.properties.instance_type.as_deref(),
        Some("db.r5.large")
    );
    for rule in ["ZT-ENC-005", "ZT-ID-014", "ZT-MON-011"] {
        assert!(named(&findings, rule, "graph"), "{rule}: {findings:#?}");
    }
    let fraud = design.component("fraud-graph").unwrap();
    assert_eq!(fraud.properties.encrypted_at_rest, Some(true));
    assert_eq!(fraud.properties.iam_auth, Some(true));
    assert_eq!(fraud.properties.logging, Some(true));
    assert_eq!(fraud.encryption_key.as_deref(), Some("key"));
    for rule in ["ZT-ENC-005", "ZT-ID-014", "ZT-MON-011"] {
        assert!(
            !named(&findings, rule, "fraud-graph"),
            "{rule}: {findings:#?}"
        );
    }
    assert!(
        design
            .segment(&fraud.segment)
            .is_some_and(|segment| segment.kind == SegmentKind::Subnet),
        "{fraud:#?}"
    );
}

#[test]
fn redshift_clusters_become_cluster_components() {
    let (design, findings) = import_and_judge("real-redshift.yaml");
    let sandbox = design.component("sandbox").unwrap();
    assert_eq!(sandbox.kind, ComponentKind::RedshiftCluster);
    assert_eq!(sandbox.properties.publicly_accessible, Some(true));
    assert_eq!(sandbox.properties.encrypted_at_rest, Some(false));
    assert_eq!(sandbox.properties.logging, Some(false));
    assert_eq!(sandbox.properties.enhanced_vpc_routing, Some(false));
    // The service's default parameter group: whether it requires TLS is not known.
    assert_eq!(sandbox.properties.encrypted_in_transit, None);
    assert_eq!(sandbox.not_known, ["encrypted_in_transit"]);
    for rule in ["ZT-NET-002", "ZT-ENC-005", "ZT-MON-011"] {
        assert!(named(&findings, rule, "sandbox"), "{rule}: {findings:#?}");
    }
    assert!(!named(&findings, "ZT-ENC-008", "sandbox"), "{findings:#?}");
    let sales = design.component("sales").unwrap();
    assert_eq!(sales.properties.publicly_accessible, Some(false));
    assert_eq!(sales.properties.encrypted_at_rest, Some(true));
    assert_eq!(sales.properties.encrypted_in_transit, Some(true));
    assert_eq!(sales.properties.logging, Some(true));
    assert_eq!(sales.properties.enhanced_vpc_routing, Some(true));
    assert_eq!(sales.encryption_key.as_deref(), Some("key"));
    for rule in ["ZT-NET-002", "ZT-ENC-005", "ZT-ENC-008", "ZT-MON-011"] {
        assert!(!named(&findings, rule, "sales"), "{rule}: {findings:#?}");
    }
    // A parameter group of the template's own that leaves require_ssl out keeps it off.
    let reporting = design.component("reporting").unwrap();
    assert_eq!(reporting.properties.encrypted_in_transit, Some(false));
    assert!(named(&findings, "ZT-ENC-008", "reporting"), "{findings:#?}");
    assert!(design.component("serverless-workgroup").is_none());
}

#[test]
fn aurora_clusters_take_tls_from_their_cluster_parameter_group() {
    let (design, findings) = import_and_judge("real-aurora-tls.yaml");
    let tls = |id: &str| {
        let cluster = design.component(id).unwrap_or_else(|| panic!("no `{id}`"));
        assert_eq!(cluster.kind, ComponentKind::Rds, "{id}");
        (
            cluster.properties.encrypted_in_transit,
            cluster.not_known.clone(),
        )
    };
    // Serverless v2 with rds.force_ssl set: enforced.
    assert_eq!(tls("orders"), (Some(true), vec![]));
    // The cluster's own group leaves require_secure_transport at Aurora MySQL's default, off.
    assert_eq!(tls("catalog"), (Some(false), vec![]));
    // The cluster's group turns it off.
    assert_eq!(tls("legacy"), (Some(false), vec![]));
    // The service's default group, and a group named by a template parameter: not known.
    let not_known = vec!["encrypted_in_transit".to_owned()];
    assert_eq!(tls("reports"), (None, not_known.clone()));
    assert_eq!(tls("ledger"), (None, not_known));
    for id in ["catalog", "legacy"] {
        assert!(named(&findings, "ZT-ENC-008", id), "{id}: {findings:#?}");
    }
    for id in ["orders", "reports", "ledger"] {
        assert!(!named(&findings, "ZT-ENC-008", id), "{id}: {findings:#?}");
    }
}

/// Classic Load Balancers become load balancers judged like the others: the one facing the
/// internet serves plain HTTP, negotiates with AWS's default policy (TLS 1.0 allowed), keeps no
/// access log and cannot have a WAF; it forwards to the Auto Scaling group that names it. The
/// internal one with a TLS 1.2 policy and access logs is not reported for either.
#[test]
fn classic_load_balancers_are_judged() {
    let (design, findings) = import_and_judge("real-classic-load-balancer.yaml");
    let web = design.component("web-elb").expect("the web balancer");
    assert_eq!(web.kind, ComponentKind::ClassicLoadBalancer);
    assert_eq!(
        web.properties.scheme,
        Some(zta_model::Scheme::InternetFacing)
    );
    assert_eq!(
        web.properties.tls_policy.as_deref(),
        Some("ELBSecurityPolicy-2016-08")
    );
    assert_eq!(web.properties.logging, Some(false));
    assert_eq!(web.properties.certificate.as_deref(), Some("certificate"));
    for rule in ["ZT-ENC-004", "ZT-MON-011", "ZT-EDGE-001", "ZT-EDGE-005"] {
        assert!(named(&findings, rule, "web-elb"), "{rule}: {findings:#?}");
    }
    assert!(
        design
            .flows
            .iter()
            .any(|flow| flow.source == "web-elb" && flow.target == "web-servers"),
        "{:#?}",
        design.flows
    );
    let app = design.component("app-elb").expect("the app balancer");
    assert_eq!(app.properties.scheme, Some(zta_model::Scheme::Internal));
    assert_eq!(app.properties.logging, Some(true));
    assert!(
        design.flows.iter().any(|flow| flow.source == "app-elb"
            && flow.target == "app-server"
            && flow.tls != Tls::None),
        "{:#?}",
        design.flows
    );
    for rule in ["ZT-ENC-004", "ZT-MON-011", "ZT-EDGE-001"] {
        assert!(!named(&findings, rule, "app-elb"), "{rule}: {findings:#?}");
    }
}

/// A template's identity pool that admits the users of its user pool becomes part of that user
/// pool: its basic flow is the pool's `classic_flow`, its roles trust the user pool, and the role
/// it hands to guests is reachable from the internet without signing in. A role of an identity pool of no user pool whose trust names no `aud` stays a trust
/// of `cognito-identity.amazonaws.com`, judged unscoped.
#[test]
fn cognito_identity_pools_are_read() {
    let (design, findings) = import_and_judge("real-cognito-identity-pool.yaml");
    let pool = design.identity("user-pool").expect("the user pool");
    assert_eq!(pool.classic_flow, Some(true), "{pool:#?}");
    let guest = design.identity("guest-role").expect("the guest role");
    assert!(
        guest
            .trusts
            .iter()
            .any(|trust| trust.id == "user-pool" && trust.admits_guests()),
        "{guest:#?}"
    );
    let signed_in = design
        .identity("auth-role")
        .expect("the authenticated role");
    assert!(
        signed_in
            .trusts
            .iter()
            .any(|trust| trust.id == "user-pool" && !trust.admits_guests()),
        "{signed_in:#?}"
    );
    assert!(named(&findings, "ZT-ID-020", "guest-role"), "{findings:#?}");
    assert!(!named(&findings, "ZT-ID-020", "auth-role"), "{findings:#?}");
    assert!(named(&findings, "ZT-ID-021", "user-pool"), "{findings:#?}");
    assert!(
        named(&findings, "ZT-ID-018", "partner-role"),
        "{findings:#?}"
    );
}

/// Transfer Family servers as the documentation writes them. The public SFTP server with AWS's
/// defaults is internet-facing, negotiates with the default `TransferSecurityPolicy-2018-11`
/// and keeps no logs; its user is folded in, the user's role becoming the server's identity and
/// the bucket of the user's home directory a flow from the server. SFTP from the internet is not
/// remote administration. The internal FTP/FTPS server whose users a Lambda function checks is
/// flagged for plain FTP, not for its policy or its logs.
#[test]
fn transfer_servers_are_judged() {
    let (design, findings) = import_and_judge("real-transfer.yaml");
    let sftp = design.component("sftp-server").expect("the SFTP server");
    assert_eq!(sftp.kind, ComponentKind::TransferServer);
    assert_eq!(
        sftp.properties.scheme,
        Some(zta_model::Scheme::InternetFacing)
    );
    assert_eq!(
        sftp.properties.tls_policy.as_deref(),
        Some("TransferSecurityPolicy-2018-11")
    );
    assert_eq!(sftp.properties.logging, Some(false));
    assert_eq!(sftp.identity.as_deref(), Some("partner-role"));
    assert!(
        design.flows.iter().any(|flow| flow.source == "sftp-server"
            && flow.target == "data-bucket"
            && flow.auth == Auth::Iam),
        "{:#?}",
        design.flows
    );
    assert!(
        design.flows.iter().any(|flow| flow.target == "sftp-server"
            && flow.ports.iter().any(|range| range.contains(22))
            && flow.tls != Tls::None),
        "{:#?}",
        design.flows
    );
    for rule in ["ZT-ENC-004", "ZT-MON-011"] {
        assert!(
            named(&findings, rule, "sftp-server"),
            "{rule}: {findings:#?}"
        );
    }
    for rule in ["ZT-NET-007", "ZT-NET-008", "ZT-NET-009", "ZT-EDGE-005"] {
        assert!(
            !named(&findings, rule, "sftp-server"),
            "{rule}: {findings:#?}"
        );
    }
    let ftp = design.component("ftp-server").expect("the FTP server");
    assert_eq!(ftp.properties.scheme, Some(zta_model::Scheme::Internal));
    assert_eq!(
        ftp.properties.identity_provider,
        Some(zta_model::TransferIdentityProvider::AwsLambda)
    );
    assert_eq!(ftp.properties.logging, Some(true));
    assert_eq!(
        ftp.properties.certificate.as_deref(),
        Some("ftp-certificate")
    );
    assert!(
        named(&findings, "ZT-ENC-008", "ftp-server"),
        "{findings:#?}"
    );
    for rule in ["ZT-ENC-004", "ZT-MON-011"] {
        assert!(
            !named(&findings, rule, "ftp-server"),
            "{rule}: {findings:#?}"
        );
    }
}

/// An OpenSearch domain is a data store: one in the VPC is private, one outside it has a public
/// endpoint; HTTPS enforcement with node-to-node encryption, the TLS policy, audit logs and an
/// access policy given as JSON text are read, and the rules name what is missing.
#[test]
fn opensearch_domains_become_search_components() {
    let (design, findings) = import_and_judge("real-opensearch.yaml");
    let orders = design.component("order-search").unwrap();
    assert_eq!(orders.kind, ComponentKind::OpensearchDomain);
    assert_eq!(orders.properties.publicly_accessible, Some(false));
    assert_eq!(orders.properties.encrypted_at_rest, Some(true));
    assert_eq!(orders.properties.encrypted_in_transit, Some(true));
    assert_eq!(orders.properties.multi_az, Some(true));
    assert_eq!(orders.properties.logging, Some(true));
    assert_ne!(
        design.segment(&orders.segment).map(|segment| segment.kind),
        Some(SegmentKind::Account)
    );
    for rule in [
        "ZT-ENC-004",
        "ZT-ENC-005",
        "ZT-ENC-008",
        "ZT-MON-011",
        "ZT-NET-002",
    ] {
        assert!(
            !named(&findings, rule, "order-search"),
            "{rule}: {findings:#?}"
        );
    }
    let public = design.component("public-search").unwrap();
    assert_eq!(public.properties.publicly_accessible, Some(true));
    assert_eq!(public.properties.resource_policy.len(), 1);
    assert_eq!(public.properties.resource_policy[0].principals, ["*"]);
    for rule in [
        "ZT-ENC-004",
        "ZT-ENC-005",
        "ZT-ENC-008",
        "ZT-MON-011",
        "ZT-NET-002",
        "ZT-IAM-011",
    ] {
        assert!(
            named(&findings, rule, "public-search"),
            "{rule}: {findings:#?}"
        );
    }
    let legacy = design.component("legacy-logs").unwrap();
    assert_eq!(legacy.kind, ComponentKind::OpensearchDomain);
    assert_eq!(legacy.properties.encrypted_at_rest, Some(true));
    assert_eq!(legacy.properties.encrypted_in_transit, Some(false));
    assert!(
        !named(&findings, "ZT-IAM-011", "legacy-logs"),
        "{findings:#?}"
    );
}

/// An MSK cluster is a data store in its brokers' subnets: TLS, IAM client authentication and
/// broker logs are read; MSK's defaults (unauthenticated clients, no logs) are named by the
/// rules, a security group's clients reach such a cluster without authentication, and a SAM
/// function's MSK event source draws a flow from the function to the cluster.
#[test]
fn msk_clusters_become_cluster_components() {
    let (design, findings) = import_and_judge("real-msk.yaml");
    let orders = design.component("orders").unwrap();
    assert_eq!(orders.kind, ComponentKind::MskCluster);
    assert_eq!(orders.properties.encrypted_in_transit, Some(true));
    assert_eq!(orders.properties.iam_auth, Some(true));
    assert_eq!(orders.properties.logging, Some(true));
    for rule in ["ZT-ENC-008", "ZT-ID-014", "ZT-MON-011"] {
        assert!(!named(&findings, rule, "orders"), "{rule}: {findings:#?}");
    }
    let consumer = design
        .flows
        .iter()
        .find(|flow| flow.source == "order-consumer" && flow.target == "orders")
        .expect("the MSK event source is a flow");
    assert!(
        consumer
            .actions
            .iter()
            .any(|action| action == "kafka-cluster:Connect")
    );
    let legacy = design.component("legacy-events").unwrap();
    assert_eq!(legacy.properties.encrypted_in_transit, Some(false));
    assert_eq!(legacy.properties.iam_auth, Some(false));
    assert_eq!(legacy.properties.logging, Some(false));
    for rule in ["ZT-ENC-008", "ZT-ID-014", "ZT-MON-011", "ZT-ID-010"] {
        assert!(
            named(&findings, rule, "legacy-events"),
            "{rule}: {findings:#?}"
        );
    }
    let telemetry = design.component("telemetry").unwrap();
    assert_eq!(telemetry.kind, ComponentKind::MskCluster);
    assert_eq!(telemetry.properties.iam_auth, Some(true));
    assert_eq!(telemetry.properties.logging, None);
}

/// An Amazon MQ broker is a data store in its subnets: a public endpoint, the deployment mode,
/// the customer-managed key and the logs are read (RabbitMQ's general log, since it keeps no
/// audit log; one a parameter decides is not known), its configuration is folded into it, and
/// a security group's clients reach it over TLS, signing in as a broker user.
#[test]
fn amazon_mq_brokers_become_broker_components() {
    let (design, findings) = import_and_judge("real-amazon-mq.yaml");
    let basic = design.component("basic-broker").unwrap();
    assert_eq!(basic.kind, ComponentKind::MqBroker);
    assert_eq!(basic.properties.engine.as_deref(), Some("activemq"));
    assert_eq!(basic.properties.publicly_accessible, Some(true));
    assert_eq!(basic.properties.multi_az, Some(false));
    assert_eq!(basic.properties.logging, Some(false));
    assert_eq!(basic.encryption_key, None);
    for rule in ["ZT-NET-002", "ZT-MON-011"] {
        assert!(
            named(&findings, rule, "basic-broker"),
            "{rule}: {findings:#?}"
        );
    }
    let orders = design.component("orders-broker").unwrap();
    assert_eq!(orders.properties.multi_az, Some(true));
    assert_eq!(orders.properties.publicly_accessible, Some(false));
    assert_eq!(orders.properties.encrypted_in_transit, Some(true));
    assert_eq!(orders.properties.logging, Some(true));
    assert_eq!(orders.encryption_key.as_deref(), Some("broker-key"));
    for rule in ["ZT-NET-002", "ZT-MON-011", "ZT-ENC-008"] {
        assert!(
            !named(&findings, rule, "orders-broker"),
            "{rule}: {findings:#?}"
        );
    }
    let producer = design
        .flows
        .iter()
        .find(|flow| flow.source == "order-producer" && flow.target == "orders-broker")
        .expect("the security group's client is a flow");
    assert_eq!(producer.tls, Tls::Tls12);
    assert_eq!(producer.auth, Auth::Password);
    let events = design.component("events-broker").unwrap();
    assert_eq!(events.properties.engine.as_deref(), Some("rabbitmq"));
    assert_eq!(events.properties.logging, None);
    assert!(!events.is_known("logging"));
    assert!(
        !named(&findings, "ZT-MON-011", "events-broker"),
        "{findings:#?}"
    );
}
