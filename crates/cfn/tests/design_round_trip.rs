//! A design exported and imported again is the design that was drawn: every example and 200
//! random designs from `zta_model::synthetic` (whose components also state, at random, every
//! property of their kind that the examples give values for), saved, are byte-identical before
//! and after (layout aside, which an import recomputes). For the examples, the second export is
//! byte-identical to the first and the findings are the same. The stacks of an export are
//! imported together, as `import_stacks` joins them.

mod common;

use std::collections::BTreeMap;

use zta_cfn::export::{ExportOptions, export_design};
use zta_cfn::{ImportOptions, import_stacks, to_yaml};
use zta_model::{ComponentKind, ComponentProperties, Design};

/// The design as it is saved, in canonical order and without its layout.
fn saved(design: &Design) -> String {
    let mut design = design.normalized();
    design.layout = Default::default();
    zta_model::to_yaml(&design, None)
}

/// The design after an export and an import of all its stacks.
fn round_trip(design: &Design) -> Result<Design, String> {
    let export = export_design(design, &ExportOptions::default())
        .map_err(|error| format!("the design does not export: {error}"))?;
    let texts: Vec<(String, String)> = export
        .stacks
        .iter()
        .map(|stack| (format!("{}.yaml", stack.name), to_yaml(&stack.template)))
        .collect();
    let stacks: Vec<(&str, &str)> = texts
        .iter()
        .map(|(origin, text)| (origin.as_str(), text.as_str()))
        .collect();
    import_stacks(&stacks, &ImportOptions::default())
        .map(|outcome| outcome.design)
        .map_err(|error| format!("the export does not import: {error}"))
}

/// The first difference between a design and its round trip, if any.
fn difference(design: &Design) -> Option<String> {
    match round_trip(design) {
        Ok(back) => {
            let (before, after) = (saved(design), saved(&back));
            if let Some(folder) = std::env::var_os("ZTA_DUMP") {
                let folder = std::path::PathBuf::from(folder);
                let _ =
                    std::fs::write(folder.join(format!("{}.before.yaml", design.name)), &before);
                let _ = std::fs::write(folder.join(format!("{}.after.yaml", design.name)), &after);
            }
            (before != after).then(|| {
                common::first_difference(&before, &after, ("design", "after export and import"))
            })
        }
        Err(error) => Some(error),
    }
}

fn example(name: &str) -> Design {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the example is readable");
    zta_model::load_str(&text, name).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// Every example's stacks as they are written, by stack name.
fn exported_texts(design: &Design) -> Vec<(String, String)> {
    export_design(design, &ExportOptions::default())
        .unwrap_or_else(|error| panic!("{}: the design does not export: {error}", design.name))
        .stacks
        .iter()
        .map(|stack| (stack.name.clone(), to_yaml(&stack.template)))
        .collect()
}

/// The findings of a design, in a form that compares.
fn findings(design: &Design) -> Vec<String> {
    zta_rules::validate(design)
        .findings
        .iter()
        .map(|finding| format!("{finding:?}"))
        .collect()
}

/// Every kind of trust with each condition it can state, the MFA default and opt-outs of roles
/// people assume, a permission set's actor and a user pool's identity pool.
#[test]
fn trust_conditions_come_back_as_drawn() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/designs/trust-conditions.zta.yaml");
    let text = std::fs::read_to_string(&path).expect("the design is readable");
    let design = zta_model::load_str(&text, "trust-conditions.zta.yaml")
        .unwrap_or_else(|error| panic!("{error}"));
    if let Some(difference) = difference(&design) {
        panic!("{difference}");
    }
}

const EXAMPLES: [&str; 4] = [
    "aws-zta-reference.zta.yaml",
    "insecure-legacy.zta.yaml",
    "multi-account-transit.zta.yaml",
    "three-tier-web-app.zta.yaml",
];

/// Every example comes back as drawn, its second export is byte-identical to its first, and
/// its findings are the same before and after.
#[test]
fn every_example_comes_back_as_drawn() {
    let mut problems = Vec::new();
    for name in EXAMPLES {
        let design = example(name);
        if let Some(difference) = difference(&design) {
            problems.push(format!("{name}: {difference}"));
            continue;
        }
        let back = round_trip(&design).expect("the round trip succeeded above");
        let (first, second) = (exported_texts(&design), exported_texts(&back));
        for ((stack, before), (_, after)) in first.iter().zip(&second) {
            if before != after {
                problems.push(format!(
                    "{name}: stack {stack} differs on a second export\n{}",
                    common::first_difference(before, after, ("first export", "second export"))
                ));
            }
        }
        if first.len() != second.len() {
            problems.push(format!(
                "{name}: {} stacks, then {}",
                first.len(),
                second.len()
            ));
        }
        if findings(&design) != findings(&back) {
            problems.push(format!(
                "{name}: the findings differ after export and import"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Random designs of 20 to 90 elements.
const RANDOM_DESIGNS: u64 = 200;

/// The values random designs give a kind's property beyond those `synthetic` chooses: each
/// value an example gives that kind's property (references to other elements aside, which a
/// random design does not have), and both values of every flag.
fn property_values() -> BTreeMap<(ComponentKind, String), Vec<serde_json::Value>> {
    let mut values: BTreeMap<(ComponentKind, String), Vec<serde_json::Value>> = BTreeMap::new();
    for info in zta_model::component_kind::CATALOG {
        for name in info.properties {
            let flag = serde_json::json!({ *name: true });
            if serde_json::from_value::<ComponentProperties>(flag).is_ok() {
                values.insert(
                    (info.kind, (*name).to_owned()),
                    vec![true.into(), false.into()],
                );
            }
        }
    }
    for name in EXAMPLES {
        for component in example(name).components {
            let stated = serde_json::to_value(&component.properties).unwrap_or_default();
            for (property, value) in stated.as_object().into_iter().flatten() {
                if (value.is_string() || value.is_number())
                    && !REFERENCES.contains(&property.as_str())
                {
                    let known = values
                        .entry((component.kind, property.clone()))
                        .or_default();
                    if !known.contains(value) {
                        known.push(value.clone());
                    }
                }
            }
        }
    }
    for (kind, property, value) in MORE_VALUES {
        values
            .entry((kind, property.to_owned()))
            .or_default()
            .push(value.into());
    }
    values
}

/// Values of text properties that no example states for the kind.
const MORE_VALUES: [(ComponentKind, &str, &str); 6] = [
    (ComponentKind::Cloudfront, "tls_policy", "TLSv1.2_2021"),
    (ComponentKind::Cloudfront, "domain_name", "www.example.com"),
    (
        ComponentKind::Nlb,
        "tls_policy",
        "ELBSecurityPolicy-TLS13-1-2-2021-06",
    ),
    (ComponentKind::Ec2Instance, "image", "ami-0123456789abcdef0"),
    (
        ComponentKind::EcsService,
        "image",
        "public.ecr.aws/nginx/nginx:1.27",
    ),
    (ComponentKind::Elasticache, "engine_version", "7.1"),
];

/// Properties whose values name other elements of a design.
const REFERENCES: [&str; 1] = ["certificate"];

/// A random design whose components also state, at random, the properties of their kind that
/// [`property_values`] has values for.
fn random_design(
    seed: u64,
    values: &BTreeMap<(ComponentKind, String), Vec<serde_json::Value>>,
) -> Design {
    let mut design = zta_model::synthetic::generate(seed, 20 + (seed as usize % 8) * 10);
    let mut rng = zta_model::synthetic::Rng::new(seed.wrapping_add(0x5EED));
    for component in &mut design.components {
        let mut stated = serde_json::to_value(&component.properties).unwrap_or_default();
        let Some(fields) = stated.as_object_mut() else {
            continue;
        };
        for name in component.kind.applicable_properties() {
            if let Some(choices) = values.get(&(component.kind, (*name).to_owned()))
                && !fields.contains_key(*name)
                && rng.chance(50)
            {
                fields.insert((*name).to_owned(), rng.pick(choices).clone());
            }
        }
        if let Ok(properties) = serde_json::from_value(stated) {
            component.properties = properties;
        }
    }
    design
}

#[test]
fn random_designs_come_back_as_drawn() {
    let values = property_values();
    let mut problems = Vec::new();
    for seed in 0..RANDOM_DESIGNS {
        let design = random_design(seed, &values);
        if let Some(difference) = difference(&design) {
            problems.push(format!("seed {seed}: {difference}"));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {RANDOM_DESIGNS} designs; the first:\n{}",
        problems.len(),
        problems[..problems.len().min(3)].join("\n\n")
    );
}
