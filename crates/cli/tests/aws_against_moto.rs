//! `zta deploy`, `zta import stack` and `zta import iam` as a pipeline runs them: the real
//! binary, a real moto_server on loopback, credentials only from the standard chain's
//! environment step, and every byte the commands print searched for those credentials.

#[path = "../../aws/tests/support/moto.rs"]
mod moto;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use moto::{MotoServer, assert_no_credentials, with_fake_credentials};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{name}.zta.yaml"))
}

/// Runs `zta` with `arguments` against `server`, standard input closed as in a pipeline, and
/// checks that nothing it printed holds a credential.
fn zta(server: &MotoServer, arguments: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zta"));
    command
        .args(arguments)
        .args(["--endpoint-url", server.endpoint()])
        .stdin(Stdio::null());
    with_fake_credentials(&mut command);
    let output = command.output().expect("zta runs");
    assert_no_credentials(
        &format!("the stdout of zta {arguments:?}"),
        &String::from_utf8_lossy(&output.stdout),
    );
    assert_no_credentials(
        &format!("the stderr of zta {arguments:?}"),
        &String::from_utf8_lossy(&output.stderr),
    );
    output
}

fn printed(output: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// The parameters the fixture's export declares without a default, because only the deployer
/// knows them: the region's prefix lists of S3 and DynamoDB and the service's image.
const PARAMETERS: [&str; 6] = [
    "--parameter",
    "S3EndpointPrefixListId=pl-6da54004",
    "--parameter",
    "DynamodbEndpointPrefixListId=pl-6ea54007",
    "--parameter",
    "OrdersSvcImage=123456789012.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:0000000000000000000000000000000000000000000000000000000000000000",
];

/// The AWS account the design places its stack in.
fn design_account(design: &Path) -> String {
    zta::load_design(design)
        .unwrap()
        .segments
        .iter()
        .find_map(|segment| segment.account_id.clone())
        .expect("the fixture names its account")
}

/// The examples use KMS customer keys and RDS, which moto cannot create from a template (see the
/// fixture's header), so the pipeline deploys a design made for it.
#[test]
fn a_pipeline_deploys_a_design_and_imports_it_back_from_the_account() {
    let design = fixture("orders-api");
    // The credentials belong to the design's account, as a pipeline's role would.
    let server = MotoServer::start_in_account(&design_account(&design));
    let folder = tempfile::tempdir().unwrap();
    let design = design.to_str().unwrap();

    // Without --yes and without a terminal nothing is executed, and the stack is not created.
    // It is a stack of its own: CloudFormation leaves it in REVIEW_IN_PROGRESS, where a later
    // CREATE change set would deploy it, but moto 5.2.5 then executes that change set with an
    // empty template.
    // Parameters only the deployer knows are asked for, all at once, before anything is sent.
    let unfilled = zta(
        &server,
        &["deploy", design, "--stack-name", "orders-review"],
    );
    assert_eq!(unfilled.status.code(), Some(2), "{}", printed(&unfilled));
    let text = printed(&unfilled);
    for parameter in [
        "S3EndpointPrefixListId",
        "DynamodbEndpointPrefixListId",
        "OrdersSvcImage",
    ] {
        assert!(
            text.contains(&format!("--parameter {parameter}=VALUE")),
            "{text}"
        );
    }
    assert!(!text.contains("change set"), "{text}");

    let declined = zta(
        &server,
        &["deploy", design, "--stack-name", "orders-review"]
            .into_iter()
            .chain(PARAMETERS)
            .collect::<Vec<_>>(),
    );
    assert_eq!(declined.status.code(), Some(2), "{}", printed(&declined));
    let text = printed(&declined);
    assert!(
        text.contains("CREATE change set for stack orders-review"),
        "{text}"
    );
    assert!(text.contains("pass --yes to approve"), "{text}");
    // A stack that was never deployed cannot be imported, and the error names it.
    let missing = zta(
        &server,
        &[
            "import",
            "stack",
            "nowhere",
            "-o",
            "/dev/null/never-written",
        ],
    );
    assert_eq!(missing.status.code(), Some(2), "{}", printed(&missing));
    assert!(
        printed(&missing).contains("nowhere"),
        "the error names the stack: {}",
        printed(&missing)
    );

    // Credentials of another account deploy nothing, and say which account the stack is for.
    let elsewhere_server = MotoServer::start();
    let elsewhere = zta(
        &elsewhere_server,
        &["deploy", design, "--stack-name", "orders", "--yes"]
            .into_iter()
            .chain(PARAMETERS)
            .collect::<Vec<_>>(),
    );
    let text = printed(&elsewhere);
    assert_eq!(elsewhere.status.code(), Some(2), "{text}");
    assert!(text.contains("skipping stack orders"), "{text}");
    assert!(
        text.contains("has no stack for account 123456789012"),
        "{text}"
    );

    let deployed = zta(
        &server,
        &["deploy", design, "--stack-name", "orders", "--yes"]
            .into_iter()
            .chain(PARAMETERS)
            .collect::<Vec<_>>(),
    );
    let text = printed(&deployed);
    assert_eq!(deployed.status.code(), Some(0), "{text}");
    assert!(text.contains("stack orders: CREATE_COMPLETE"), "{text}");
    assert!(
        text.contains("AWS::EC2::VPC"),
        "the events name resources: {text}"
    );

    // The transit gateway exists with the options the export gave it: its default route table
    // unused, so that an attachment reaches only what the design's route tables route to.
    let gateways = transit_gateway_options(&server, "eu-west-1");
    assert_eq!(gateways.len(), 1, "one transit gateway: {gateways:?}");
    let options = &gateways[0];
    assert_eq!(
        options["DefaultRouteTableAssociation"], "disable",
        "{options}"
    );
    assert_eq!(
        options["DefaultRouteTablePropagation"], "disable",
        "{options}"
    );
    assert_eq!(
        options["AutoAcceptSharedAttachments"], "disable",
        "{options}"
    );

    // Deploying the same design again finds nothing to change.
    let again = zta(
        &server,
        &["deploy", design, "--stack-name", "orders", "--yes"]
            .into_iter()
            .chain(PARAMETERS)
            .collect::<Vec<_>>(),
    );
    let text = printed(&again);
    assert_eq!(again.status.code(), Some(0), "{text}");

    let imported_path = folder.path().join("orders.zta.yaml");
    let imported = zta(
        &server,
        &[
            "import",
            "stack",
            "orders",
            "-o",
            imported_path.to_str().unwrap(),
        ],
    );
    assert_eq!(imported.status.code(), Some(0), "{}", printed(&imported));
    let design_text = std::fs::read_to_string(&imported_path).unwrap();
    let reloaded = zta::load_design(&imported_path).expect("the imported stack is a valid design");
    assert_eq!(reloaded.name, "orders");
    assert!(
        !reloaded.components.is_empty(),
        "the stack's resources became components:\n{design_text}"
    );
    assert_no_credentials("the imported design", &design_text);
    assert!(
        design_text.contains("kind: transit_gateway"),
        "the transit gateway came back as one:\n{design_text}"
    );

    // Importing an account's IAM finds its roles. moto 5.2.5 answers
    // GetAccountAuthorizationDetails with an internal error once CloudFormation has created a
    // role (it keeps the trust policy as an object, then fails to URL-encode it), so this
    // account is a fresh one whose role was created through the IAM API, as the console or
    // Terraform would.
    let iam_server = MotoServer::start();
    create_role_through_the_iam_api(&iam_server, "orders-operator");
    let iam_path = folder.path().join("account.zta.yaml");
    let iam = zta(
        &iam_server,
        &["import", "iam", "-o", iam_path.to_str().unwrap()],
    );
    assert_eq!(iam.status.code(), Some(0), "{}", printed(&iam));
    let account = zta::load_design(&iam_path).expect("the account's IAM is a valid design");
    assert!(
        account
            .identities
            .iter()
            .any(|identity| identity.name == "orders-operator"),
        "{}",
        printed(&iam)
    );
    assert_no_credentials(
        "the imported IAM design",
        &std::fs::read_to_string(&iam_path).unwrap(),
    );
}

/// Creates an IAM role in moto with boto3 from the project's virtualenv (moto depends on it).
fn create_role_through_the_iam_api(server: &MotoServer, name: &str) {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    let script = r#"
import json, sys
import boto3
iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1")
trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
         "Principal": {"Service": "ec2.amazonaws.com"}}]}
iam.create_role(RoleName=sys.argv[2], AssumeRolePolicyDocument=json.dumps(trust))
"#;
    let mut command = Command::new(python);
    command.args(["-c", script, server.endpoint(), name]);
    with_fake_credentials(&mut command);
    let output = command.output().expect("the virtualenv's python runs");
    assert!(output.status.success(), "{}", printed(&output));
}

/// The `Options` of every transit gateway in a region, read with boto3 from the project's
/// virtualenv.
fn transit_gateway_options(server: &MotoServer, region: &str) -> Vec<serde_json::Value> {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.venv/bin/python");
    let script = r#"
import json, sys
import boto3
ec2 = boto3.client("ec2", endpoint_url=sys.argv[1], region_name=sys.argv[2])
gateways = ec2.describe_transit_gateways()["TransitGateways"]
print(json.dumps([gateway["Options"] for gateway in gateways]))
"#;
    let mut command = Command::new(python);
    command.args(["-c", script, server.endpoint(), region]);
    with_fake_credentials(&mut command);
    let output = command.output().expect("the virtualenv's python runs");
    assert!(output.status.success(), "{}", printed(&output));
    serde_json::from_slice(&output.stdout).expect("boto3 printed JSON")
}

#[test]
fn a_template_needs_a_stack_name_and_a_failed_deploy_says_why() {
    let server = MotoServer::start();
    let folder = tempfile::tempdir().unwrap();
    let template = folder.path().join("bucket.yaml");
    std::fs::write(
        &template,
        "Resources:\n  Archive:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: zta-cli-taken-bucket\n",
    )
    .unwrap();
    let template = template.to_str().unwrap();

    let unnamed = zta(&server, &["deploy", template, "--yes"]);
    assert_eq!(unnamed.status.code(), Some(2), "{}", printed(&unnamed));
    assert!(
        printed(&unnamed).contains("needs --stack-name"),
        "{}",
        printed(&unnamed)
    );

    let first = zta(
        &server,
        &["deploy", template, "--stack-name", "first", "--yes"],
    );
    assert_eq!(first.status.code(), Some(0), "{}", printed(&first));

    // A second stack cannot create a bucket of the same name: the deployment fails, exit 1,
    // and the error names the stack and the provider's reason.
    let second = zta(
        &server,
        &["deploy", template, "--stack-name", "second", "--yes"],
    );
    let text = printed(&second);
    assert_eq!(second.status.code(), Some(1), "{text}");
    assert!(text.contains("deployment of stack second failed"), "{text}");
    assert!(text.contains("BucketAlreadyExists"), "{text}");
}
