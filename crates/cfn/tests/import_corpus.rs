//! Every corpus template imports (or, where it needs a macro, fails naming it), with a snapshot
//! of its import report; the design passes the model's integrity check and accounts for every
//! resource; the YAML and JSON twins import to the same design.

mod common;

use common::import_file;
use zta_cfn::Error;

fn snapshot_name(name: &str) -> String {
    name.replace(['/', '.'], "_")
}

#[test]
fn every_corpus_template_imports_with_a_report() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    for path in common::corpus_templates(&corpus) {
        let name = common::relative_name(&corpus, &path);
        let report = match import_file(&path, &name) {
            Ok(outcome) => {
                let issues = zta_model::integrity::check(&outcome.design);
                assert!(
                    issues.is_empty(),
                    "{name}: the imported design is not a valid design: {issues:#?}"
                );
                let text = std::fs::read_to_string(&path).unwrap();
                let template = zta_cfn::Template::parse(&text, &name).unwrap();
                let own_entries = outcome
                    .report
                    .entries
                    .iter()
                    .filter(|entry| entry.template == name)
                    .count();
                assert!(
                    own_entries >= template.resources.len(),
                    "{name}: the report accounts for {own_entries} of {} resources",
                    template.resources.len()
                );
                outcome.report.to_string()
            }
            Err(error @ Error::MacroRequired { .. }) => format!("error: {error}\n"),
            Err(error) => panic!("{name} does not import: {error}"),
        };
        insta::assert_snapshot!(snapshot_name(&name), report);
    }
}

#[test]
fn a_template_that_needs_an_unavailable_macro_fails_naming_it() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let name = "aws-cloudformation__aws-cloudformation-templates/CloudFormation/MacrosExamples/ExecutionRoleBuilder/example.yaml";
    let error = import_file(&corpus.join(name), name).unwrap_err();
    assert!(
        matches!(&error, Error::MacroRequired { macro_name, .. } if macro_name == "ExecutionRoleBuilder"),
        "{error}"
    );
    assert!(
        error.to_string().contains("`ExecutionRoleBuilder`"),
        "{error}"
    );
}

#[test]
fn yaml_and_json_twins_import_to_the_same_design() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let base = "aws-cloudformation__aws-cloudformation-templates/VPC/VPC_With_Managed_NAT_And_Private_Subnet";
    let import = |ext: &str| {
        let name = format!("{base}.{ext}");
        import_file(&corpus.join(&name), &name).unwrap().design
    };
    let (yaml, json) = (import("yaml"), import("json"));
    assert_eq!(
        zta_model::to_yaml(&yaml, None),
        zta_model::to_yaml(&json, None)
    );
    assert!(!yaml.segments.is_empty() && !yaml.components.is_empty());
}
