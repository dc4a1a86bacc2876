//! Hostile input is refused with a clear error, and every error and value points into the file.

use zta_cfn::{Error, Format, Limits, Location, Template, parse_value};

#[test]
fn a_yaml_alias_bomb_is_refused_without_expanding_it() {
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for level in 1..10 {
        let previous = level - 1;
        bomb.push_str(&format!(
            "a{level}: &a{level} [*a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}, *a{previous}]\n"
        ));
    }
    // Fully expanded this is 10^10 strings; the default budget stops it after 256 MiB.
    let error = parse_value(&bomb, "bomb.yaml", Format::Yaml, &Limits::default()).unwrap_err();
    assert!(
        matches!(error, Error::WorkLimit { limit, .. } if limit == 256 * 1024 * 1024),
        "{error}"
    );
    assert!(error.to_string().starts_with("bomb.yaml:"), "{error}");
    assert!(error.to_string().contains("YAML aliases"), "{error}");
}

#[test]
fn modest_aliases_are_expanded() {
    let text = "Base: &tags [{Key: a, Value: b}]\nCopy: *tags\n";
    let value = parse_value(text, "t.yaml", Format::Yaml, &Limits::default()).unwrap();
    assert_eq!(value.get("Base"), value.get("Copy"));
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_in_both_syntaxes() {
    let limits = Limits {
        max_depth: 20,
        ..Limits::default()
    };
    let deep_yaml = format!("{}{}", "[".repeat(50), "]".repeat(50));
    let error = parse_value(&deep_yaml, "deep.yaml", Format::Yaml, &limits).unwrap_err();
    assert!(matches!(error, Error::TooDeep { limit: 20, .. }), "{error}");

    let deep_json = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = parse_value(&deep_json, "deep.json", Format::Json, &Limits::default()).unwrap_err();
    assert!(
        matches!(error, Error::TooDeep { limit: 128, .. }),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "deep.json:1:129: values nest deeper than the limit of 128 levels"
    );
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let limits = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    let error = parse_value("Resources: {}\n", "big.yaml", Format::Yaml, &limits).unwrap_err();
    assert_eq!(
        error.to_string(),
        "big.yaml: the template is 14 bytes, over the limit of 10 bytes"
    );
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let yaml = "Resources:\n  Bucket:\n    Type: [unclosed\n";
    let error = Template::parse(yaml, "broken.yaml").unwrap_err();
    let Error::Syntax {
        origin, location, ..
    } = &error
    else {
        panic!("expected a syntax error, got {error}");
    };
    assert_eq!(origin, "broken.yaml");
    assert_eq!(location.line, 4, "{error}");

    let json = "{\n  \"Resources\": {\n    \"Bucket\": {\"Type\": tru}\n  }\n}\n";
    let error = Template::parse(json, "broken.json").unwrap_err();
    assert_eq!(error.to_string(), "broken.json:3:24: expected a JSON value");

    let duplicate = "Resources:\n  A:\n    Type: X\n  A:\n    Type: Y\n";
    let error = Template::parse(duplicate, "dup.yaml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "dup.yaml:4:3: duplicate key `A` (first written at 2:3)"
    );
}

#[test]
fn structure_errors_point_at_the_offending_value() {
    let text = "Resources:\n  Bucket:\n    Properties: {}\n";
    let error = Template::parse(text, "t.yaml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "t.yaml:3:5: resource `Bucket` has no `Type`"
    );
    let text = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: [a]\n";
    let error = Template::parse(text, "t.yaml").unwrap_err();
    assert_eq!(
        error.to_string(),
        "t.yaml:4:17: `Properties` of resource `Bucket` must be a mapping"
    );
}

#[test]
fn values_carry_their_line_and_column_in_yaml_and_json() {
    let yaml = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub '${AWS::StackName}-logs'\n";
    let template = Template::parse(yaml, "t.yaml").unwrap();
    let bucket = &template.resources["Bucket"];
    assert_eq!(bucket.location(), Some(Location::new(3, 5)));
    let name = bucket.property("BucketName").unwrap();
    assert_eq!(name.location(), Some(Location::new(5, 19)));

    let json = "{\"Resources\": {\n  \"Bucket\": {\n    \"Type\": \"AWS::S3::Bucket\",\n    \"Properties\": {\"BucketName\": {\"Fn::Sub\": \"x\"}}}}}";
    let template = Template::parse(json, "t.json").unwrap();
    let bucket = &template.resources["Bucket"];
    assert_eq!(bucket.location(), Some(Location::new(2, 13)));
    let name = bucket.property("BucketName").unwrap();
    assert_eq!(name.location(), Some(Location::new(4, 34)));
}

#[test]
fn an_empty_or_multi_document_file_is_not_a_template() {
    assert_eq!(
        Template::parse("", "empty.yaml").unwrap_err().to_string(),
        "empty.yaml:1:1: the template is empty"
    );
    let error = Template::parse("Resources: {}\n---\nResources: {}\n", "two.yaml").unwrap_err();
    assert!(
        error.to_string().contains("more than one YAML document"),
        "{error}"
    );
}

#[test]
fn columns_on_one_long_json_line_count_characters() {
    // Positions are counted from the last one, not from the line's start; multi-byte
    // characters still count as one column each, and an error after them is placed right.
    let json = "{\"Resources\": {\"Bücket\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"Tägs\": [\"é\", tru]}}}}";
    let error = Template::parse(json, "t.json").unwrap_err();
    assert_eq!(error.to_string(), "t.json:1:83: expected a JSON value");
    let json = "{\"Resources\": {\"Bücket\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"Tägs\": [\"é\", 1]}}}}";
    let template = Template::parse(json, "t.json").unwrap();
    let tags = template.resources["Bücket"].property("Tägs").unwrap();
    assert_eq!(tags.location(), Some(Location::new(1, 77)));
    assert_eq!(
        tags.as_list().unwrap()[1].location(),
        Some(Location::new(1, 83))
    );
}

#[test]
fn the_work_budget_counts_bytes_not_values() {
    // Few values, many bytes: one anchored megabyte string aliased three hundred times.
    let mut text = format!("Big: &big {}\nCopies: [", "x".repeat(1024 * 1024));
    text.push_str(&"*big, ".repeat(300));
    text.push_str("*big]\n");
    let error = parse_value(&text, "t.yaml", Format::Yaml, &Limits::default()).unwrap_err();
    assert!(
        error.to_string().starts_with("t.yaml:2:") && matches!(error, Error::WorkLimit { .. }),
        "{error}"
    );
    // The same aliases within a smaller total pass.
    let mut text = format!("Big: &big {}\nCopies: [", "x".repeat(1024));
    text.push_str(&"*big, ".repeat(300));
    text.push_str("*big]\n");
    parse_value(&text, "t.yaml", Format::Yaml, &Limits::default()).unwrap();
}

#[test]
fn flow_collections_indented_no_deeper_than_their_key_are_read_where_written() {
    // CloudFormation and cfn-lint accept continuation lines of a flow collection at or left of
    // its key's column; YAML 1.2 does not. The seed is read as if indented, with every
    // location in the file as written.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/seeds/real-flow-shallow-indent.yaml");
    let text = std::fs::read_to_string(path).expect("seed is readable");
    let template = Template::parse(&text, "shallow.yaml").unwrap();
    let indented = text
        .lines()
        .enumerate()
        .map(|(index, line)| match index + 1 {
            8..=10 | 12 => format!("  {line}"),
            13 => format!("    {line}"),
            20 | 21 => format!("    {line}"),
            25 => format!("      {line}"),
            _ => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    let expected = Template::parse(&indented, "indented.yaml").unwrap();
    assert_eq!(template.resources, expected.resources);
    assert_eq!(
        template.outputs["Names"].value,
        expected.outputs["Names"].value
    );

    let tags = template.resources["Logs"].property("Tags").unwrap();
    let second = &tags.as_list().unwrap()[1];
    assert_eq!(second.location(), Some(Location::new(9, 7)));
    assert_eq!(
        second.get("Value").unwrap().location(),
        Some(Location::new(10, 14))
    );
    let queue_tag = &template.resources["Queue"]
        .property("Tags")
        .unwrap()
        .as_list()
        .unwrap()[0];
    assert_eq!(
        queue_tag.get("Value").unwrap().location(),
        Some(Location::new(20, 16))
    );

    // Text that still fails re-indented reports the error of the text as written.
    let broken = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [\n      {Key: a, Value: b}\n";
    let error = Template::parse(broken, "broken.yaml").unwrap_err();
    assert!(matches!(error, Error::Syntax { .. }), "{error}");
    assert!(error.to_string().starts_with("broken.yaml:"), "{error}");
}

/// Reading shallow flow continuation lines moves each one right by up to the indentation of
/// the line that opened the collection. A crafted file with one deeply indented opening line
/// and many short lines after it would grow to gigabytes that way (500,000 columns times
/// 100,000 lines here); the moved text is held to the template size limit instead, and the
/// file gets the syntax error it has as written.
#[test]
fn shallow_flow_lines_cannot_grow_a_crafted_file_without_bound() {
    let mut text = " ".repeat(500_000);
    text.push_str("Key: [\n");
    text.push_str(&"1,\n".repeat(100_000));
    text.push_str("]\n");
    let error = Template::parse(&text, "crafted.yaml").expect_err("the file is not a template");
    assert!(error.to_string().contains("crafted.yaml"), "{error}");
}
