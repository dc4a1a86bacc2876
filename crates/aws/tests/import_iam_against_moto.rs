//! `import iam` against a real moto_server: roles, policies, users, groups, access keys and
//! MFA devices are seeded through the SDK, imported, and checked in the resulting design,
//! which must load back as a valid design file and hold no credential.

mod support;

use aws_sdk_iam::Client;
use serde_json::json;
use support::{MotoServer, assert_no_credentials, child_endpoint, is_child, run_child};
use zta_aws::import::{import_iam, read_iam};
use zta_aws::{AwsConnection, ConnectionOptions};
use zta_model::{IdentityKind, MfaMode, Principal, PrincipalKind};

const ADMINISTRATOR_ACCESS: &str = "arn:aws:iam::aws:policy/AdministratorAccess";

#[test]
fn imports_identities_and_flows_against_moto() {
    if is_child() {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime")
            .block_on(import_scenario());
        return;
    }
    let server = MotoServer::start();
    let output = run_child("imports_identities_and_flows_against_moto", &server);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_no_credentials("the import's stdout", &stdout);
    assert_no_credentials(
        "the import's stderr",
        &String::from_utf8_lossy(&output.stderr),
    );
    assert!(
        stdout.contains("schema_version"),
        "the design was printed:\n{stdout}"
    );
}

async fn import_scenario() {
    let endpoint = child_endpoint();
    let sdk_config = aws_config::defaults(aws_config::BehaviorVersion::latest())
        .endpoint_url(&endpoint)
        .load()
        .await;
    let iam = Client::new(&sdk_config);
    let seeded_key = seed(&iam).await;

    let connection = AwsConnection::connect(&ConnectionOptions {
        endpoint_url: Some(endpoint),
        ..ConnectionOptions::default()
    })
    .await
    .expect("connected");
    let snapshot = read_iam(&connection).await.expect("IAM is read");
    println!("snapshot: {}", serde_json::to_string(&snapshot).unwrap());
    let design = import_iam(&connection).await.expect("the design is built");
    let yaml = zta_model::to_yaml(&design, None);
    println!("{yaml}");

    // The design is a valid design file.
    let reloaded = zta_model::load_str(&yaml, "imported.zta.yaml")
        .unwrap_or_else(|error| panic!("the imported design does not load: {error:?}"));
    assert_eq!(reloaded.identities.len(), design.identities.len());
    assert_eq!(reloaded.flows.len(), design.flows.len());

    // No credential of the account reaches the design: neither the seeded user's key id and
    // secret nor the caller's.
    for secret in [&seeded_key.0, &seeded_key.1] {
        assert!(
            !yaml.contains(secret.as_str()),
            "a seeded access key leaked into the design"
        );
        assert!(
            !serde_json::to_string(&snapshot)
                .unwrap()
                .contains(secret.as_str())
        );
    }
    assert_no_credentials("the design", &yaml);

    let identity = |id: &str| {
        design
            .identity(id)
            .unwrap_or_else(|| panic!("identity {id} in {yaml}"))
    };

    // The task role: trusted by ECS, no MFA question, and flows to exactly what it may use.
    let task = identity("role-orders-task");
    assert_eq!(task.kind, IdentityKind::IamRole);
    assert_eq!(
        task.trusts,
        [Principal::new(
            PrincipalKind::Service,
            "ecs-tasks.amazonaws.com".to_owned()
        )]
    );
    assert_eq!(task.mfa, None);
    assert_eq!(task.policies.len(), 2);
    let task_targets: Vec<&str> = design
        .flows
        .iter()
        .filter(|flow| flow.source == task.id)
        .map(|flow| flow.target.as_str())
        .collect();
    assert_eq!(
        task_targets,
        ["dynamodb-orders", "s3-orders-data"],
        "{yaml}"
    );
    let bucket_flow = design
        .flows
        .iter()
        .find(|flow| flow.source == task.id && flow.target == "s3-orders-data")
        .unwrap();
    assert_eq!(bucket_flow.actions, ["s3:GetObject", "s3:PutObject"]);

    // The admin role people assume without MFA.
    let admin = identity("role-account-admin");
    assert_eq!(
        admin.trusts,
        [Principal::new(PrincipalKind::Account, "account".to_owned())]
    );
    assert_eq!(admin.mfa, Some(MfaMode::Off));
    assert_eq!(admin.managed_policies, [ADMINISTRATOR_ACCESS]);
    // Its blast radius is every component the import found.
    let admin_flows = design
        .flows
        .iter()
        .filter(|flow| flow.source == admin.id)
        .count();
    assert_eq!(admin_flows, design.components.len());

    // The break-glass role requires MFA in its trust policy.
    assert_eq!(identity("role-break-glass").mfa, Some(MfaMode::Required));

    // Users: console access, keys by date only, MFA devices, groups.
    let alice = identity("user-alice");
    assert_eq!(alice.console_access, Some(true));
    assert_eq!(alice.mfa, Some(MfaMode::Off));
    assert_eq!(alice.access_keys.len(), 1);
    assert_eq!(alice.access_keys[0].created.len(), "2026-11-29".len());
    assert!(alice.access_keys[0].active);
    assert_eq!(alice.groups, ["group-operators"]);
    assert_eq!(alice.managed_policies, [ADMINISTRATOR_ACCESS]);
    let bob = identity("user-bob");
    assert_eq!(bob.console_access, Some(false));
    assert_eq!(bob.mfa, Some(MfaMode::Required));

    // Activity as IAM records it, observed on the day of the import: alice's key was used
    // by the seeding, bob never signed in. Both were created today, so neither is inactive,
    // and both are judged.
    let today = snapshot.read_on.clone();
    assert_eq!(today.len(), "2026-11-29".len(), "{today}");
    let alice_activity = alice.activity.as_ref().expect("alice's activity");
    assert_eq!(alice_activity.as_of, today);
    assert_eq!(alice_activity.created.as_deref(), Some(today.as_str()));
    assert_eq!(
        alice.access_keys[0].last_used.as_deref(),
        Some(today.as_str())
    );
    assert_eq!(alice.last_used(), Some(today.as_str()));
    let bob_activity = bob.activity.as_ref().expect("bob's activity");
    assert_eq!(bob_activity.password_last_used, None);
    assert_eq!(bob.last_used(), None);

    // The rule engine judges the real account from the imported design.
    let report = zta_rules::validate(&design);
    let findings: Vec<(&str, &[String])> = report
        .findings
        .iter()
        .map(|finding| (finding.rule.as_str(), finding.elements.as_slice()))
        .collect();
    println!("findings: {findings:?}");
    let has_finding = |rule: &str, element: &str| {
        findings
            .iter()
            .any(|(code, elements)| *code == rule && elements.iter().any(|id| id == element))
    };
    assert!(
        has_finding("ZT-ID-005", "user-alice"),
        "alice's active key: {findings:?}"
    );
    assert!(
        !has_finding("ZT-ID-005", "user-bob"),
        "bob has no key: {findings:?}"
    );
    let inactivity = report.run_of("ZT-ID-011").expect("the inactivity rule ran");
    assert_eq!(
        (inactivity.subjects, inactivity.findings),
        (2, 0),
        "both users judged from the imported dates, neither inactive"
    );
    assert!(
        has_finding("ZT-ID-009", "role-alice-admin"),
        "alice assumes an admin role without MFA: {findings:?}"
    );
    assert!(
        !has_finding("ZT-ID-009", "role-break-glass"),
        "{findings:?}"
    );
    let alice_admin = identity("role-alice-admin");
    assert_eq!(
        alice_admin.trusts,
        [Principal::new(
            PrincipalKind::Identity,
            "user-alice".to_owned()
        )]
    );

    // The customer-managed policy's statements are carried on the group, named after it.
    let operators = identity("group-operators");
    assert!(
        operators
            .policies
            .iter()
            .any(|statement| statement.sid.as_deref() == Some("ReadDbSecret:ReadSecret")),
        "{yaml}"
    );
    assert!(
        design.flows.iter().any(|flow| {
            flow.source == operators.id && flow.target == "secretsmanager-orders-db"
        })
    );
}

/// Seeds the account and returns the access key id and secret created for alice, which the
/// import must not carry.
async fn seed(iam: &Client) -> (String, String) {
    let ecs_trust = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole"}]});
    let account_trust = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
        "Action": "sts:AssumeRole"}]});
    let mfa_trust = json!({"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
        "Action": "sts:AssumeRole",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]});
    for (name, trust) in [
        ("orders-task", &ecs_trust),
        ("account-admin", &account_trust),
        ("break-glass", &mfa_trust),
    ] {
        iam.create_role()
            .role_name(name)
            .assume_role_policy_document(trust.to_string())
            .send()
            .await
            .expect("role created");
    }
    iam.put_role_policy()
        .role_name("orders-task")
        .policy_name("orders-data")
        .policy_document(
            json!({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"],
                 "Resource": "arn:aws:s3:::orders-data/*"},
                {"Effect": "Allow", "Action": "dynamodb:Query",
                 "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"}
            ]})
            .to_string(),
        )
        .send()
        .await
        .expect("inline policy put");
    iam.attach_role_policy()
        .role_name("account-admin")
        .policy_arn(ADMINISTRATOR_ACCESS)
        .send()
        .await
        .expect("admin attached");

    let read_secret = iam
        .create_policy()
        .policy_name("ReadDbSecret")
        .policy_document(
            json!({"Version": "2012-10-17", "Statement": [{
                "Sid": "ReadSecret", "Effect": "Allow",
                "Action": "secretsmanager:GetSecretValue",
                "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders-db"}]})
            .to_string(),
        )
        .send()
        .await
        .expect("managed policy created");
    iam.create_group()
        .group_name("operators")
        .send()
        .await
        .expect("group created");
    iam.attach_group_policy()
        .group_name("operators")
        .policy_arn(read_secret.policy().and_then(|p| p.arn()).unwrap())
        .send()
        .await
        .expect("group policy attached");

    for user in ["alice", "bob"] {
        iam.create_user()
            .user_name(user)
            .send()
            .await
            .expect("user created");
    }
    iam.add_user_to_group()
        .group_name("operators")
        .user_name("alice")
        .send()
        .await
        .expect("alice joins operators");
    iam.attach_user_policy()
        .user_name("alice")
        .policy_arn(ADMINISTRATOR_ACCESS)
        .send()
        .await
        .expect("alice is an admin");
    iam.create_login_profile()
        .user_name("alice")
        .password("Zta-Test-Password-1!")
        .send()
        .await
        .expect("alice gets a console password");
    // A role alice assumes straight from her user, without MFA: the rule engine's
    // "human role without MFA".
    iam.create_role()
        .role_name("alice-admin")
        .assume_role_policy_document(
            json!({"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::123456789012:user/alice"},
                "Action": "sts:AssumeRole"}]})
            .to_string(),
        )
        .send()
        .await
        .expect("alice's role created");
    iam.attach_role_policy()
        .role_name("alice-admin")
        .policy_arn(ADMINISTRATOR_ACCESS)
        .send()
        .await
        .expect("admin attached to alice's role");
    let key = iam
        .create_access_key()
        .user_name("alice")
        .send()
        .await
        .expect("alice gets a key");
    let key = key.access_key().unwrap();
    // One call signed with alice's key, so that IAM records its last use.
    let as_alice = Client::from_conf(
        iam.config()
            .to_builder()
            .credentials_provider(aws_sdk_iam::config::Credentials::new(
                key.access_key_id(),
                key.secret_access_key(),
                None,
                None,
                "alice",
            ))
            .build(),
    );
    as_alice
        .list_users()
        .send()
        .await
        .expect("alice's key is used once");

    let device = iam
        .create_virtual_mfa_device()
        .virtual_mfa_device_name("bob-phone")
        .send()
        .await
        .expect("virtual MFA device created");
    iam.enable_mfa_device()
        .user_name("bob")
        .serial_number(
            device
                .virtual_mfa_device()
                .map(|d| d.serial_number())
                .unwrap(),
        )
        .authentication_code1("123456")
        .authentication_code2("654321")
        .send()
        .await
        .expect("bob's MFA enabled");
    (
        key.access_key_id().to_owned(),
        key.secret_access_key().to_owned(),
    )
}
