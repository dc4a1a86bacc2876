//! The anti-patterns the corpus README lists each produce the matching finding of the rule
//! engine once the template is imported.

mod common;

use common::import_file;

/// The rule codes the engine reports for an imported corpus template.
fn findings(relative: &str) -> Option<Vec<(String, Vec<String>)>> {
    let corpus = common::corpus_dir()?;
    let outcome =
        import_file(&corpus.join(relative), relative).unwrap_or_else(|error| panic!("{error}"));
    let report = zta_rules::validate(&outcome.design);
    Some(
        report
            .findings
            .into_iter()
            .map(|finding| (finding.rule, finding.elements))
            .collect(),
    )
}

fn assert_finding(findings: &[(String, Vec<String>)], rule: &str, element: &str) {
    assert!(
        findings
            .iter()
            .any(|(code, elements)| code == rule && elements.iter().any(|id| id == element)),
        "expected {rule} on `{element}`; found {findings:#?}"
    );
}

#[test]
fn ssh_open_to_the_world() {
    let Some(found) = findings("widdix__aws-cf-templates/vpc/vpc-ssh-bastion.yaml") else {
        return;
    };
    assert_finding(&found, "ZT-NET-008", "auto-scaling-group");
}

#[test]
fn alb_open_on_all_ports_over_http() {
    let Some(found) = findings("aws-samples__ecs-refarch-cloudformation/master.yaml") else {
        return;
    };
    assert_finding(&found, "ZT-NET-009", "alb-load-balancer");
    assert_finding(&found, "ZT-EDGE-005", "alb-load-balancer");
}

/// A VPC endpoint's policy with `Principal: "*"` grants nothing (callers still need IAM
/// permissions of their own): it is not an open resource policy.
#[test]
fn wildcard_endpoint_policy_is_not_public() {
    let Some(found) = findings(
        "aws-cloudformation__aws-cloudformation-templates/ECS/FargateLaunchType/clusters/private-vpc.yaml",
    ) else {
        return;
    };
    assert!(
        !found.iter().any(|(code, elements)| code == "ZT-IAM-011"
            && elements.iter().any(|id| id == "dynamo-db-endpoint")),
        "ZT-IAM-011 on an endpoint policy: {found:#?}"
    );
}

#[test]
fn public_eks_endpoint() {
    let Some(found) =
        findings("aws-cloudformation__aws-cloudformation-templates/EKS/template.yaml")
    else {
        return;
    };
    assert_finding(&found, "ZT-NET-017", "control-plane");
}

#[test]
fn iam_user_with_an_access_key_and_cloudformation_wildcard() {
    let Some(found) = findings(
        "awslabs__aws-cloudformation-templates/aws/services/IAM/IAM_Users_Groups_and_Policies.yaml",
    ) else {
        return;
    };
    assert_finding(&found, "ZT-ID-005", "cfn-user");
    assert_finding(&found, "ZT-IAM-002", "cfn-admin-group");
}

#[test]
fn methods_without_authorization() {
    let Some(found) = findings(
        "aws-cloudformation__aws-cloudformation-templates/APIGateway/apigateway_lambda_integration.json",
    ) else {
        return;
    };
    assert_finding(&found, "ZT-EDGE-006", "rest-api");
    let Some(found) =
        findings("aws-cloudformation__aws-cloudformation-templates/Solutions/WebApp/webapp.yaml")
    else {
        return;
    };
    assert!(
        found.iter().any(|(code, _)| code == "ZT-EDGE-006"),
        "{found:#?}"
    );
}

#[test]
fn sam_implicit_public_api() {
    let Some(found) = findings(
        "awslabs__aws-cloudformation-templates/community/services/Lambda/SAM/template.yml",
    ) else {
        return;
    };
    assert_finding(&found, "ZT-EDGE-006", "serverless-rest-api");
}
