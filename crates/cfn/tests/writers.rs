//! The writers: short-form tags where YAML allows them, YAML 1.1 look-alikes quoted (checked by
//! PyYAML, a real YAML 1.1 reader, the kind CloudFormation tooling uses), and every template read
//! back unchanged from both writers.

mod common;

use std::path::PathBuf;
use std::process::Command;

use proptest::prelude::*;
use zta_cfn::{
    Function, Map, Output, Parameter, Resource, Template, Value, ValueKind, to_json, to_yaml,
};

/// A template that uses every intrinsic function, a kept unknown tag and the resource attributes.
fn every_function_template() -> Template {
    let mut template = Template {
        format_version: Some(Value::string("2010-09-09")),
        description: Some(Value::string("Every function, written by hand")),
        ..Template::default()
    };
    template.parameters.insert(
        "Environment".into(),
        Parameter::new("String")
            .with("Default", "prod")
            .with("AllowedValues", Value::list(["prod".into(), "dev".into()])),
    );
    template.mappings.insert(
        "Cidrs".into(),
        Value::map([("prod", Value::map([("Vpc", Value::from("10.0.0.0/16"))]))]),
    );
    template.conditions.insert(
        "IsProd".into(),
        Value::equals(Value::reference("Environment"), "prod".into()),
    );
    template.conditions.insert(
        "IsNotProdOrDev".into(),
        Value::and([
            Value::negation(Value::condition("IsProd")),
            Value::or([
                Value::equals(Value::reference("Environment"), "dev".into()),
                Value::condition("IsProd"),
            ]),
        ]),
    );
    let vpc = Resource::new("AWS::EC2::VPC")
        .with_property(
            "CidrBlock",
            Value::find_in_map("Cidrs", Value::reference("Environment"), "Vpc".into()),
        )
        .with_property("EnableDnsSupport", true);
    template.resources.insert("Vpc".into(), vpc);
    let mut subnet = Resource::new("AWS::EC2::Subnet")
        .with_property("VpcId", Value::reference("Vpc"))
        .with_property(
            "CidrBlock",
            Value::select(0, Value::cidr(Value::get_att("Vpc", "CidrBlock"), 4, 8)),
        )
        .with_property(
            "AvailabilityZone",
            Value::select(1, Value::get_azs(Value::string(""))),
        )
        .with_property(
            "Tags",
            Value::list([Value::map([
                ("Key", Value::from("Name")),
                (
                    "Value",
                    Value::join("-", [Value::reference("AWS::StackName"), Value::from("ON")]),
                ),
            ])]),
        );
    subnet.condition = Some("IsProd".into());
    subnet.depends_on = vec!["Vpc".into()];
    subnet.deletion_policy = Some("Retain".into());
    subnet.update_replace_policy = Some("Retain".into());
    subnet.metadata = Some(Value::map([("Owner", Value::from("network"))]));
    subnet.other_attributes.insert(
        "CreationPolicy".into(),
        Value::map([("Count", Value::from(1_i64))]),
    );
    template.resources.insert("Subnet".into(), subnet);
    let function = Resource::new("AWS::Lambda::Function")
        .with_property(
            "Code",
            Value::map([(
                "ZipFile",
                Value::base64(Value::sub("#!/bin/sh\necho ${AWS::Region}\n")),
            )]),
        )
        .with_property(
            "Environment",
            Value::map([(
                "Variables",
                Value::map([
                    (
                        "Shared",
                        Value::import_value(Value::sub("${AWS::StackName}-Shared")),
                    ),
                    (
                        "Parts",
                        Value::split(",", Value::sub_with("a,${B}", [("B", Value::from("b"))])),
                    ),
                    (
                        "Maybe",
                        Value::if_then_else(
                            "IsProd",
                            Value::from("yes"),
                            Value::reference("AWS::NoValue"),
                        ),
                    ),
                    (
                        "Embedded",
                        Value::new(ValueKind::Tagged {
                            tag: "!Rain::Embed".into(),
                            value: Box::new(Value::from("handler.py")),
                        }),
                    ),
                    (
                        "Transformed",
                        Value::intrinsic(
                            Function::Transform,
                            Value::map([("Name", Value::from("AWS::Include"))]),
                        ),
                    ),
                    (
                        "Length",
                        Value::intrinsic(
                            Function::Other("Fn::Length".into()),
                            Value::list([Value::from(1_i64), Value::from(2_i64)]),
                        ),
                    ),
                ]),
            )]),
        );
    template.resources.insert("Function".into(), function);
    let mut output = Output::new(Value::get_att("Vpc", "CidrBlock"));
    output.export = Some(Value::map([("Name", Value::sub("${AWS::StackName}-Cidr"))]));
    output.condition = Some("IsProd".into());
    template.outputs.insert("VpcCidr".into(), output);
    template
}

#[test]
fn yaml_uses_short_forms_and_reads_back() {
    let template = every_function_template();
    let yaml = to_yaml(&template);
    insta::assert_snapshot!("every_function.yaml", yaml);
    let reread = Template::parse(&yaml, "written.yaml").unwrap();
    common::assert_same_template(&reread, &template, "through YAML");
}

#[test]
fn json_uses_long_forms_and_reads_back() {
    let mut template = every_function_template();
    let json = to_json(&template);
    insta::assert_snapshot!("every_function.json", json);
    assert_eq!(
        zta_cfn::write::json_size(&template),
        json.len(),
        "the size checked against CloudFormation's limits is the written JSON's"
    );
    let reread = Template::parse(&json, "written.json").unwrap();
    // JSON has no tags: the kept `!Rain::Embed` comes back in its key form, as rain writes it.
    let Some(ValueKind::Map(variables)) = template.resources["Function"].properties["Environment"]
        .get("Variables")
        .map(|value| value.kind.clone())
    else {
        panic!("the test template has variables");
    };
    let mut variables = variables;
    variables.insert(
        "Embedded".into(),
        Value::map([("Rain::Embed", Value::from("handler.py"))]),
    );
    template.resources["Function"].properties["Environment"] =
        Value::map([("Variables", Value::from(variables))]);
    common::assert_same_template(&reread, &template, "through JSON");
}

#[test]
fn a_function_whose_argument_is_a_tagged_function_is_written_long_form() {
    let value = Value::map([("UserData", Value::base64(Value::sub("echo ${AWS::Region}")))]);
    let yaml = zta_cfn::write::value_to_yaml(&value);
    assert_eq!(yaml, "UserData:\n  Fn::Base64: !Sub echo ${AWS::Region}\n");
}

fn workspace_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Strings that a YAML 1.1 reader takes for booleans, numbers, dates or null when unquoted.
const LOOK_ALIKES: [&str; 24] = [
    "ON",
    "on",
    "Off",
    "yes",
    "No",
    "y",
    "n",
    "true",
    "FALSE",
    "null",
    "~",
    "0123",
    "017",
    "1_000",
    "1:20",
    "0x1F",
    "1e3",
    "6.5",
    ".5",
    ".inf",
    "2012-10-17",
    "2001-12-14t21:59:43.10-05:00",
    "+12",
    "<<",
];

#[test]
fn strings_that_yaml_1_1_reads_otherwise_are_quoted_for_pyyaml() {
    let python = workspace_dir().join(".venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run make setup (PyYAML comes with cfn-lint)",
        python.display()
    );
    let value = Value::map(
        LOOK_ALIKES
            .iter()
            .enumerate()
            .map(|(index, text)| (format!("k{index}"), Value::from(*text))),
    );
    let mut keys = Map::default();
    for text in LOOK_ALIKES {
        keys.insert(text.to_owned().into(), Value::from("key"));
    }
    let document = Value::map([("values", value), ("keys", Value::from(keys))]);
    let yaml = zta_cfn::write::value_to_yaml(&document);
    let script = "import sys, yaml, json\n\
        doc = yaml.safe_load(sys.stdin)\n\
        values = [v for v in doc['values'].values()]\n\
        keys = list(doc['keys'].keys())\n\
        print(json.dumps({'values': values, 'keys': keys, 'types': sorted({type(x).__name__ for x in values + keys})}))\n";
    let output = Command::new(&python)
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(yaml.as_bytes())?;
            child.wait_with_output()
        })
        .expect("PyYAML runs");
    assert!(output.status.success(), "PyYAML failed on:\n{yaml}");
    let read: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(read["types"], serde_json::json!(["str"]), "{yaml}");
    assert_eq!(read["values"], serde_json::json!(LOOK_ALIKES));
    assert_eq!(read["keys"], serde_json::json!(LOOK_ALIKES));
}

/// Random values of every kind, within the depths templates use.
fn any_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        "[A-Za-z0-9 :._/${}*#'\"-]{0,12}",
        proptest::sample::select(LOOK_ALIKES.to_vec()).prop_map(str::to_owned),
        "[a-z]{1,4}\n[ a-z]{0,6}\n?",
        "\\PC{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Value::null()),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        text.clone().prop_map(Value::from),
        "[A-Za-z][A-Za-z0-9]{0,8}".prop_map(Value::reference),
        ("[A-Za-z][A-Za-z0-9]{0,8}", "[A-Za-z][A-Za-z0-9.]{0,8}")
            .prop_map(|(resource, attribute)| Value::get_att(resource, attribute)),
        text.clone().prop_map(Value::sub),
    ];
    leaf.prop_recursive(5, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::list),
            proptest::collection::vec(("[A-Za-z][A-Za-z0-9:]{0,8}|ON|0123", inner.clone()), 0..5)
                .prop_map(|entries| {
                    let map: Map = entries
                        .into_iter()
                        .map(|(key, value)| (key.into(), value))
                        .collect();
                    // A lone `Fn::`/`Ref` key is a function, which is tested separately.
                    if map.len() == 1
                        && zta_cfn::Function::from_key(map.keys().next().unwrap()).is_some()
                    {
                        Value::list(map.into_values())
                    } else {
                        Value::from(map)
                    }
                }),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| { Value::intrinsic(Function::If, Value::list([a, b, c])) }),
            inner.clone().prop_map(Value::base64),
            inner.prop_map(|value| Value::join(",", [value])),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_value_reads_back_from_both_writers(value in any_value()) {
        let document = Value::map([("Value", value)]);
        let yaml = zta_cfn::write::value_to_yaml(&document);
        let from_yaml = zta_cfn::parse_value(&yaml, "p.yaml", zta_cfn::Format::Yaml, &Default::default());
        prop_assert_eq!(from_yaml.as_ref().ok(), Some(&document), "YAML:\n{}", yaml);
        let json = zta_cfn::write::value_to_json(&document);
        let from_json = zta_cfn::parse_value(&json, "p.json", zta_cfn::Format::Json, &Default::default());
        prop_assert_eq!(from_json.as_ref().ok(), Some(&document), "JSON:\n{}", json);
    }
}

/// Found by the fuzzer: YAML allows implicit keys of at most 1024 characters on one line, as
/// written, so a shorter key whose escapes make it longer counts too.
#[test]
fn long_and_multi_line_keys_read_back() {
    let long = "k".repeat(2000);
    let escaped = format!("k{}", "\u{c}".repeat(300));
    for key in [long.as_str(), escaped.as_str(), "two\nlines"] {
        for value in [
            Value::from("v"),
            Value::map([("a", Value::from(1_i64))]),
            Value::list([Value::from("x")]),
        ] {
            let document = Value::map([(key.to_owned(), value)]);
            let yaml = zta_cfn::write::value_to_yaml(&document);
            let reread =
                zta_cfn::parse_value(&yaml, "k.yaml", zta_cfn::Format::Yaml, &Default::default())
                    .unwrap_or_else(|error| panic!("{error}\n{yaml}"));
            assert_eq!(reread, document, "{yaml}");
        }
    }
}
