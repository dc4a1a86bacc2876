//! The importer on small templates written for the purpose (also the fuzzer's seeds): what each
//! construct becomes in the design.

use std::path::PathBuf;

use zta_cfn::{Error, ImportOptions, import_template};
use zta_model::{Auth, ComponentKind, Design, IdentityKind, Protocol, SegmentKind, Tier};

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds")
        .join(name);
    std::fs::read_to_string(path).expect("seed is readable")
}

fn import(name: &str) -> Design {
    let outcome = import_template(&seed(name), name, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let issues = zta_model::integrity::check(&outcome.design);
    assert!(issues.is_empty(), "{name}: {issues:#?}");
    for element in outcome.design.elements() {
        let is_flow = matches!(element, zta_model::ElementRef::Flow(_));
        assert!(
            is_flow || outcome.design.layout.nodes.contains_key(element.id()),
            "{name}: `{}` has no place in the layout",
            element.id()
        );
    }
    outcome.design
}

fn flow<'a>(design: &'a Design, source: &str, target: &str) -> Vec<&'a zta_model::Flow> {
    design
        .flows
        .iter()
        .filter(|flow| flow.source == source && flow.target == target)
        .collect()
}

#[test]
fn networking_reads_tiers_from_routes() {
    let design = import("network.yaml");
    let tier = |id: &str| design.segment(id).and_then(|segment| segment.tier);
    assert_eq!(tier("public"), Some(Tier::Public));
    assert_eq!(tier("private"), Some(Tier::Isolated));
    let public = design.segment("public").unwrap();
    assert_eq!(
        public.cidr.as_deref(),
        Some("10.0.0.0/24"),
        "Fn::Cidr is resolved"
    );
    let vpc = design.segment("vpc").unwrap();
    assert_eq!(
        vpc.cidr.as_deref(),
        Some("10.0.0.0/16"),
        "the parameter default is used"
    );
    assert_eq!(vpc.flow_logs, Some(false));
    let endpoint = design.component("endpoint").unwrap();
    assert_eq!(endpoint.kind, ComponentKind::VpcEndpoint);
    assert_eq!(endpoint.properties.service.as_deref(), Some("s3"));
    assert_eq!(endpoint.properties.resource_policy[0].actions, ["*"]);
    assert_eq!(design.component("nat").unwrap().segment, "public");
    assert_eq!(design.component("igw").unwrap().segment, "vpc");
    let carried = &design.carried_cloudformation;
    assert!(
        carried["Resources"].get("Acl").is_some(),
        "the NACL is carried"
    );
    assert_eq!(
        carried["Outputs"]["VpcId"]["Export"]["Name"],
        serde_json::json!({"Fn::Sub": "${AWS::StackName}-Vpc"})
    );
}

#[test]
fn security_groups_listeners_and_policies_become_flows() {
    let design = import("web.yaml");
    let open = flow(&design, "internet", "alb");
    assert!(
        open.iter().any(|flow| flow.ports[0].is_all()),
        "the ALB's group is open on all ports: {open:#?}"
    );
    assert!(
        open.iter()
            .any(|flow| flow.protocol == Protocol::Http && flow.ports[0].from == 80)
    );
    let admin = design
        .segments
        .iter()
        .find(|segment| segment.kind == SegmentKind::OnPremises)
        .expect("the SSH source network is an outside zone");
    assert_eq!(admin.cidr.as_deref(), Some("203.0.113.0/24"));
    assert_eq!(flow(&design, &admin.id, "alb")[0].protocol, Protocol::Ssh);
    let to_service = flow(&design, "alb", "service");
    // The group rule and the target group say the same (HTTP on 8080): one flow.
    assert_eq!(to_service.len(), 1, "{to_service:#?}");
    assert_eq!(
        (to_service[0].protocol, to_service[0].ports[0].from),
        (Protocol::Http, 8080)
    );
    let service = design.component("service").unwrap();
    assert_eq!(service.identity.as_deref(), Some("role"));
    assert_eq!(service.properties.cpu, Some(256));
    let reads = flow(&design, "role", "bucket");
    assert_eq!(reads[0].actions, ["s3:GetObject"]);
    assert_eq!(reads[0].auth, Auth::Iam);
    assert_eq!(
        design
            .component("db")
            .unwrap()
            .properties
            .publicly_accessible,
        Some(true)
    );
}

#[test]
fn sam_functions_become_what_they_imply() {
    let design = import("sam.yaml");
    let api = design
        .components
        .iter()
        .find(|component| component.kind == ComponentKind::ApiGateway)
        .expect("the implicit API");
    let entry = flow(&design, "internet", &api.id);
    assert_eq!(entry.len(), 1);
    assert_eq!(
        entry[0].auth,
        Auth::None,
        "an implicit API without authorizer is public"
    );
    assert_eq!(
        flow(&design, &api.id, "fn")[0].actions,
        ["lambda:InvokeFunction"]
    );
    let function = design.component("fn").unwrap();
    assert_eq!(function.identity.as_deref(), Some("fn-role"));
    let role = design.identity("fn-role").unwrap();
    assert!(
        role.managed_policies
            .iter()
            .any(|policy| policy.ends_with("AmazonS3ReadOnlyAccess"))
    );
    assert_eq!(flow(&design, "fn-role", "queue")[0].actions, ["sqs:*"]);
    assert!(
        flow(&design, "fn", "queue")[0]
            .actions
            .contains(&"sqs:ReceiveMessage".to_owned())
    );
    assert_eq!(
        design.component("table").unwrap().kind,
        ComponentKind::DynamodbTable
    );
}

#[test]
fn for_each_loops_are_expanded() {
    let design = import("foreach.yaml");
    let buckets: Vec<&str> = design
        .components
        .iter()
        .map(|component| component.id.as_str())
        .collect();
    assert_eq!(buckets, ["bucket-a", "bucket-b"]);
}

#[test]
fn identities_keep_their_policies_groups_keys_and_trusts() {
    let design = import("identities.yaml");
    let user = design.identity("user").unwrap();
    assert_eq!(user.kind, IdentityKind::IamUser);
    assert_eq!(user.groups, ["group"]);
    assert_eq!(user.access_keys.len(), 1);
    assert_eq!(user.console_access, Some(true));
    let group = design.identity("group").unwrap();
    assert_eq!(group.policies[0].actions, ["cloudformation:*"]);
    let deploy = design.identity("deploy").unwrap();
    assert_eq!(deploy.session_duration_seconds, Some(3600));
    let trusts: Vec<String> = deploy
        .trusts
        .iter()
        .map(|principal| format!("{:?}:{}", principal.kind, principal.id))
        .collect();
    assert_eq!(
        trusts,
        ["Federated:provider", "ExternalAccount:123456789012"]
    );
    assert_eq!(
        deploy.policies[0].actions,
        ["*"],
        "NotAction reads as everything"
    );
    let pool = design.identity("pool").unwrap();
    assert_eq!(pool.mfa, Some(zta_model::MfaMode::Required));
    assert_eq!(pool.token_validity_minutes, Some(60));
}

#[test]
fn api_methods_carry_their_authentication() {
    let design = import("api.json");
    let entries = flow(&design, "internet", "api");
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().any(|flow| flow.auth == Auth::None));
    let authenticated = entries.iter().find(|flow| flow.auth == Auth::Jwt).unwrap();
    assert_eq!(authenticated.issuer.as_deref(), Some("pool"));
    assert_eq!(flow(&design, "api", "fn")[0].protocol, Protocol::AwsApi);
    assert_eq!(
        design.carried_cloudformation.get("Resources"),
        None,
        "everything in this template maps"
    );
}

#[test]
fn unresolvable_networks_get_stand_ins_and_symbols_stay_symbolic() {
    let design = import("yaml-edges.yaml");
    let eks = design.component("eks").unwrap();
    assert_eq!(
        eks.properties.publicly_accessible,
        Some(true),
        "the EKS endpoint defaults to public"
    );
    let subnet = design.segment(&eks.segment).unwrap();
    assert!(
        subnet.cidr.as_deref().unwrap().starts_with("198.19."),
        "{subnet:?}"
    );
    let carried = &design.carried_cloudformation["Resources"]["Embedded"];
    assert_eq!(
        carried["Properties"]["TemplateBody"],
        serde_json::json!({"Rain::Embed": "child.yaml"})
    );
    let nested = import("nested.yaml");
    assert!(
        nested.carried_cloudformation["Resources"]
            .get("Child")
            .is_some()
    );
    assert!(
        nested.carried_cloudformation["Conditions"]
            .get("HasBucket")
            .is_some()
    );
    assert!(
        nested.carried_cloudformation["Parameters"]
            .get("Bucket")
            .is_some()
    );
}

#[test]
fn an_unknown_macro_is_named() {
    let error =
        import_template(&seed("macro.yaml"), "macro.yaml", &ImportOptions::default()).unwrap_err();
    assert!(
        matches!(&error, Error::MacroRequired { macro_name, .. } if macro_name == "ExecutionRoleBuilder")
    );
}

/// Every fuzz seed, including the inputs the fuzzer once crashed on, reads back through both
/// writers and imports to a valid design or fails with an error.
#[test]
fn every_fuzz_seed_imports_cleanly() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    for entry in std::fs::read_dir(folder).expect("seeds are readable") {
        let path = entry.expect("seed entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("seed is text");
        for origin in [format!("{name}.yaml"), format!("{name}.json")] {
            let Ok(template) = zta_cfn::Template::parse(&text, &origin) else {
                continue;
            };
            let yaml = zta_cfn::to_yaml(&template);
            let reread = zta_cfn::Template::parse(&yaml, "written.yaml")
                .unwrap_or_else(|error| panic!("{name}: {error}\n{yaml}"));
            assert_eq!(zta_cfn::to_yaml(&reread), yaml, "{name}");
            if let Ok(outcome) = import_template(&text, &origin, &ImportOptions::default()) {
                let issues = zta_model::integrity::check(&outcome.design);
                assert!(issues.is_empty(), "{name}: {issues:#?}");
            }
        }
    }
}

/// The rule codes of the findings that name an element.
fn findings_on(design: &Design, element: &str) -> Vec<String> {
    zta_rules::validate(design)
        .findings
        .into_iter()
        .filter(|finding| finding.elements.iter().any(|id| id == element))
        .map(|finding| finding.rule)
        .collect()
}

#[test]
fn trust_policies_keep_their_conditions() {
    let outcome = import_template(
        &seed("trust-conditions.yaml"),
        "trust-conditions.yaml",
        &ImportOptions::default(),
    )
    .unwrap_or_else(|error| panic!("{error}"));
    let design = outcome.design;
    let trust = |role: &str| {
        let role = design
            .identity(role)
            .unwrap_or_else(|| panic!("no role `{role}`"));
        assert_eq!(role.trusts.len(), 1, "{}: {:?}", role.id, role.trusts);
        role.trusts[0].clone()
    };
    let vendor = trust("vendor");
    assert_eq!(vendor.id, "999988887777");
    assert_eq!(
        vendor.conditions().external_id.as_deref(),
        Some("Unique-Id-7f3a")
    );
    let organization = trust("organization");
    assert_eq!(organization.id, "*");
    assert_eq!(
        organization.conditions().organization_id.as_deref(),
        Some("o-a1b2c3d4e5")
    );
    let task = trust("task").conditions();
    assert!(task.source_account.is_some(), "{task:?}");
    assert!(
        task.source_arn
            .as_deref()
            .is_some_and(|arn| arn.contains(":ecs:")),
        "{task:?}"
    );
    let deploy = trust("deploy");
    assert_eq!(
        deploy.conditions().audience.as_deref(),
        Some("sts.amazonaws.com")
    );
    assert!(
        outcome
            .report
            .notes
            .iter()
            .any(|note| note.contains("token.actions.githubusercontent.com:sub")),
        "the subject condition the model does not hold is named: {:#?}",
        outcome.report.notes
    );
    let app = trust("app-users").conditions();
    assert_eq!(app.amr.as_deref(), Some("authenticated"));
    assert!(
        app.audience
            .is_some_and(|audience| audience.starts_with("us-east-1:"))
    );
    assert_eq!(
        design.identity("operator").and_then(|role| role.mfa),
        Some(zta_model::MfaMode::Required)
    );
    assert!(findings_on(&design, "anyone").contains(&"ZT-ID-018".to_owned()));
    for (role, rule) in [
        ("vendor", "ZT-ID-015"),
        ("organization", "ZT-IAM-005"),
        ("task", "ZT-ID-016"),
        ("deploy", "ZT-ID-017"),
        ("app-users", "ZT-ID-018"),
    ] {
        assert!(
            !findings_on(&design, role).contains(&rule.to_owned()),
            "{rule} on `{role}`, whose trust is scoped"
        );
    }
}

/// Secure shapes of real templates that were judged insecure: each is named with the finding
/// it no longer gets.
#[test]
fn secure_shapes_are_not_judged_insecure() {
    let design = import("false-positives.yaml");
    assert!(
        !findings_on(&design, "s3-endpoint").contains(&"ZT-IAM-011".to_owned()),
        "a gateway endpoint's policy with Principal * grants nothing"
    );
    let into_alb = flow(&design, "internet", "alb");
    assert!(
        into_alb.iter().all(|flow| flow.protocol == Protocol::Https),
        "the HTTP listener only redirects: {into_alb:#?}"
    );
    assert!(!findings_on(&design, "alb").contains(&"ZT-EDGE-005".to_owned()));
    let into_chat = flow(&design, "internet", "chat");
    assert!(
        !into_chat.is_empty() && into_chat.iter().all(|flow| flow.auth != Auth::None),
        "a WebSocket API authorizes on $connect: {into_chat:#?}"
    );
    let to_cache = flow(&design, "app-function", "cache");
    assert!(!to_cache.is_empty());
    for flow in &to_cache {
        assert_eq!(flow.tls, zta_model::Tls::Tls12, "the cache requires TLS");
        assert_eq!(
            flow.auth,
            Auth::Password,
            "the cache requires its AUTH token"
        );
    }
    let cache_findings = findings_on(&design, "cache");
    for rule in ["ZT-ID-010", "ZT-ENC-001", "ZT-ENC-002"] {
        assert!(
            !cache_findings.contains(&rule.to_owned()),
            "{rule} on the cache: {cache_findings:?}"
        );
    }
    assert!(
        !findings_on(&design, "cdn").contains(&"ZT-EDGE-001".to_owned()),
        "the distribution names a web ACL"
    );
}

/// Service Connect, a firewall's domain allow-list, a hosted sign-in domain, EKS compute,
/// Transit Gateway routing and ElastiCache IAM users, each written as AWS documents it (the
/// fixture's header names the pages), come back as the properties that state them, and the
/// resources the next export writes again from those properties are not carried beside them.
#[test]
fn network_and_compute_settings_are_read_as_aws_documents_them() {
    let name = "network-and-compute.yaml";
    let outcome = import_template(&seed(name), name, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{error}"));
    let issues = zta_model::integrity::check(&outcome.design);
    assert!(issues.is_empty(), "{issues:#?}");
    let design = outcome.design;
    let component = |id: &str| {
        design
            .component(id)
            .unwrap_or_else(|| panic!("no `{id}` in {:#?}", design.components))
    };
    let cluster = &component("cluster").properties;
    assert_eq!(
        cluster.service_connect_namespace.as_deref(),
        Some("orders.internal")
    );
    assert_eq!(cluster.service_connect_tls, Some(true));
    let firewall = &component("egress-firewall").properties;
    assert_eq!(firewall.allowed_domains, [".amazon.com", "example.com"]);
    let nodes = &component("nodes-cluster").properties;
    assert_eq!(nodes.launch_type, Some(zta_model::LaunchType::Ec2));
    assert_eq!(nodes.instance_type.as_deref(), Some("t3.medium"));
    assert_eq!(nodes.desired_count, Some(2));
    assert_eq!(
        component("fargate-cluster").properties.launch_type,
        Some(zta_model::LaunchType::Fargate)
    );
    let mut attached = component("transit-gateway").properties.attachments.clone();
    attached.sort();
    assert_eq!(attached, ["app-vpc", "inspection-vpc"]);
    let pool = design.identity("user-pool").expect("the user pool");
    assert_eq!(pool.domain_prefix.as_deref(), Some("orders-sign-in"));
    assert_eq!(pool.callback_urls, ["https://orders.example.com/callback"]);
    assert_eq!(pool.oauth_scopes, ["openid", "email"]);
    // The firewall's own policy is carried, so the section exists to look in.
    let carried = &design.carried_cloudformation["Resources"];
    assert!(carried.is_object(), "{carried:?}");
    for logical_id in [
        "OrdersNamespace",
        "UserPoolDomain",
        "WebClientStyle",
        "NodeGroup",
        "FargateProfile",
        "SpokeRouteTable",
        "SpokeAssociation",
        "SpokeDefaultRoute",
        "InspectionRouteTable",
        "InspectionAssociation",
        "SpokePropagation",
        "CacheDefaultUser",
        "CacheOrdersUser",
        "CacheUsers",
    ] {
        assert!(
            carried.get(logical_id).is_none(),
            "{logical_id} is carried beside the property that states it"
        );
    }
}
