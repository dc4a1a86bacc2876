//! Every template of the shared corpus reads, and reads back unchanged from both writers.

mod common;

use zta_cfn::{Template, ValueKind, to_json, to_yaml};

#[test]
fn every_corpus_template_parses_and_round_trips() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let templates = common::corpus_templates(&corpus);
    assert_eq!(templates.len(), 42, "the corpus README lists 42 templates");
    let mut resources = 0;
    for path in templates {
        let name = common::relative_name(&corpus, &path);
        let text = std::fs::read_to_string(&path).expect("template is readable");
        let template = Template::parse(&text, &name).unwrap_or_else(|error| panic!("{error}"));
        resources += template.resources.len();

        let yaml = to_yaml(&template);
        let reread = Template::parse(&yaml, "rewritten.yaml").unwrap_or_else(|error| {
            panic!("{name} written as YAML does not read back: {error}\n{yaml}")
        });
        common::assert_same_template(
            &reread,
            &template,
            &format!("{name} through the YAML writer"),
        );
        assert_eq!(
            to_yaml(&reread),
            yaml,
            "{name}: the YAML writer is not stable"
        );

        let json = to_json(&template);
        assert_eq!(
            zta_cfn::write::json_size(&template),
            json.len(),
            "{name}: the counted JSON size is not the written one"
        );
        let reread = Template::parse(&json, "rewritten.json")
            .unwrap_or_else(|error| panic!("{name} written as JSON does not read back: {error}"));
        if !has_kept_tags(&template) {
            common::assert_same_template(
                &reread,
                &template,
                &format!("{name} through the JSON writer"),
            );
        }
        assert_eq!(
            to_json(&reread),
            json,
            "{name}: the JSON writer is not stable"
        );
    }
    // 495 resources as written, minus the 2 that `Fn::ForEach` multiplies, which stay one loop.
    assert_eq!(resources, 492);
}

#[test]
fn yaml_and_json_twins_read_to_the_same_template() {
    let Some(corpus) = common::corpus_dir() else {
        return;
    };
    let base = corpus.join(
        "aws-cloudformation__aws-cloudformation-templates/VPC/VPC_With_Managed_NAT_And_Private_Subnet",
    );
    let read = |ext: &str| {
        let path = base.with_extension(ext);
        let text = std::fs::read_to_string(&path).expect("twin is readable");
        Template::parse(&text, &path.to_string_lossy()).expect("twin parses")
    };
    common::assert_same_template(&read("yaml"), &read("json"), "the twins");
}

/// Whether a template holds a YAML tag that is not a CloudFormation function (`!Rain::Embed`),
/// which JSON can only write in its key form.
fn has_kept_tags(template: &Template) -> bool {
    fn walk(value: &zta_cfn::Value) -> bool {
        match &value.kind {
            ValueKind::Tagged { .. } => true,
            ValueKind::List(items) => items.iter().any(walk),
            ValueKind::Map(map) => map.values().any(walk),
            ValueKind::Intrinsic(intrinsic) => walk(&intrinsic.argument),
            _ => false,
        }
    }
    walk(&template.to_value())
}
