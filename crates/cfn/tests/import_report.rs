//! The import report tells the truth: on small templates shaped like the corpus's (a SAM
//! application, an alarm that outputs and `DependsOn` name, a `Rules` section), the report says
//! what became of each resource, pinned by a snapshot, and each claim holds in the design and in
//! its export: a mapped resource is an element, a carried one is written back under its logical
//! id, and the SAM transform is kept when serverless resources are carried.

use zta_cfn::export::{ExportOptions, export_design};
use zta_cfn::import::Disposition;
use zta_cfn::{ImportOptions, import_template};

const SAM_APPLICATION: &str = r#"
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrdersFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: s3://bucket/code.zip
  OrdersMachine:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: s3://bucket/machine.json
      Policies:
        - LambdaInvokePolicy:
            FunctionName: !Ref OrdersFunction
  SharedLayer:
    Type: AWS::Serverless::LayerVersion
    Properties:
      ContentUri: s3://bucket/layer.zip
"#;

const ALARM_NAMED_ELSEWHERE: &str = r#"
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
  QueueDepthAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: AWS/SQS
      MetricName: ApproximateNumberOfMessagesVisible
      Dimensions:
        - Name: QueueName
          Value: !GetAtt Queue.QueueName
      Statistic: Maximum
      Period: 60
      EvaluationPeriods: 1
      Threshold: 100
      ComparisonOperator: GreaterThanThreshold
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: QueueDepthAlarm
Outputs:
  AlarmName:
    Value: !Ref QueueDepthAlarm
"#;

const RULES_SECTION: &str = r#"
AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Environment:
    Type: String
    AllowedValues: [test, prod]
Rules:
  ProdOnly:
    Assertions:
      - Assert: !Contains [[prod, test], !Ref Environment]
        AssertDescription: An environment the account knows
      - Assert:
          Fn::EachMemberIn: [[!Ref Environment], [prod, test]]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
"#;

/// The report's lines for a template, and the problems with its claims.
fn checked(name: &str, text: &str) -> (String, Vec<String>) {
    let outcome = import_template(text, name, &ImportOptions::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"));
    let export = export_design(&outcome.design, &ExportOptions::default())
        .unwrap_or_else(|error| panic!("{name}: {error}"));
    let exported: Vec<&zta_cfn::Template> =
        export.stacks.iter().map(|stack| &stack.template).collect();
    let written = |logical_id: &str| {
        exported
            .iter()
            .any(|template| template.resources.contains_key(logical_id))
    };
    let mut problems = Vec::new();
    let mut lines = Vec::new();
    for entry in &outcome.report.entries {
        lines.push(format!(
            "{} {}: {:?}",
            entry.logical_id, entry.resource_type, entry.disposition
        ));
        let problem = match &entry.disposition {
            Disposition::Mapped { element } if outcome.design.element(element).is_none() => {
                Some("maps to no element")
            }
            Disposition::Absorbed {
                element: Some(element),
                ..
            } if outcome.design.element(element).is_none() => {
                Some("is absorbed into a missing element")
            }
            Disposition::Carried { .. } | Disposition::AlsoCarried { .. }
                if !written(&entry.logical_id) =>
            {
                Some("is reported carried but the export does not write it")
            }
            _ => None,
        };
        if let Some(problem) = problem {
            problems.push(format!("{name}: {} {problem}", entry.logical_id));
        }
        if entry.resource_type.starts_with("AWS::Serverless::")
            && matches!(
                entry.disposition,
                Disposition::Carried { .. } | Disposition::AlsoCarried { .. }
            )
            && !exported.iter().all(|template| template.transform.is_some())
        {
            problems.push(format!(
                "{name}: {} is carried but the export drops the SAM transform",
                entry.logical_id
            ));
        }
    }
    lines.extend(
        outcome
            .report
            .notes
            .iter()
            .map(|note| format!("note: {note}")),
    );
    (lines.join("\n"), problems)
}

#[test]
fn the_report_says_what_became_of_each_resource_and_the_export_agrees() {
    let mut problems = Vec::new();
    for (name, text) in [
        ("sam-application.yaml", SAM_APPLICATION),
        ("alarm-named-elsewhere.yaml", ALARM_NAMED_ELSEWHERE),
        ("rules-section.yaml", RULES_SECTION),
    ] {
        let (report, found) = checked(name, text);
        insta::assert_snapshot!(format!("report__{name}"), report);
        problems.extend(found);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn rules_come_back_verbatim_with_their_functions() {
    let outcome = import_template(RULES_SECTION, "rules.yaml", &ImportOptions::default())
        .expect("the template imports");
    let export = export_design(&outcome.design, &ExportOptions::default()).expect("it exports");
    let text = zta_cfn::to_json(&export.stacks[0].template);
    for function in ["\"Fn::Contains\"", "\"Fn::EachMemberIn\""] {
        assert!(
            text.contains(function),
            "the export's Rules lose {function}:\n{text}"
        );
    }
}
