//! A design exported and imported again is the design that was drawn: the examples and 200
//! random designs from `zta_model::synthetic`, saved, are byte-identical before and after
//! (layout aside, which an import recomputes). The stacks of an export are imported together,
//! as `import_stacks` joins them.

mod common;

use zta_cfn::export::{ExportOptions, export_design};
use zta_cfn::{ImportOptions, import_stacks, to_yaml};
use zta_model::{ComponentKind, Design};

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

/// The lines in which two designs' saved forms differ, position by position.
fn count_lines_differing(left: &Design, right: &Design) -> usize {
    let (left, right) = (saved(left), saved(right));
    let (left, right): (Vec<&str>, Vec<&str>) = (left.lines().collect(), right.lines().collect());
    left.iter().zip(&right).filter(|(a, b)| a != b).count() + left.len().abs_diff(right.len())
}

fn example(name: &str) -> Design {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the example is readable");
    zta_model::load_str(&text, name).unwrap_or_else(|error| panic!("{name}: {error}"))
}

#[test]
fn the_three_tier_example_comes_back_as_drawn() {
    let design = example("three-tier-web-app.zta.yaml");
    if let Some(difference) = difference(&design) {
        panic!("{difference}");
    }
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

/// A known exception's name, its reason, and how to erase it from a design.
type KnownException = (&'static str, &'static str, fn(&mut Design));

/// What a design states that its export does not write, because the exporter decides otherwise,
/// with the reason; each erases that statement from a design (before and after the round trip
/// alike) so that the rest is compared. The test fails when one is no longer needed, so that
/// the list only shrinks.
const KNOWN_EXCEPTIONS: [KnownException; 3] = [
    (
        "internal API",
        "an API Gateway with the internal scheme is exported as a public HTTP API (the exporter \
         has no private REST API yet), so it comes back internet-facing",
        |design| {
            for component in &mut design.components {
                if component.kind == ComponentKind::ApiGateway {
                    component.properties.scheme = None;
                }
            }
        },
    ),
    (
        "EKS cluster role",
        "an EKS cluster whose identity does not trust eks.amazonaws.com gets a role of its own; \
         the identity is written nowhere",
        |design| {
            let trusting: Vec<String> = design
                .identities
                .iter()
                .filter(|identity| {
                    identity
                        .trusts
                        .iter()
                        .any(|trust| trust.id == "eks.amazonaws.com")
                })
                .map(|identity| identity.id.clone())
                .collect();
            for component in &mut design.components {
                if component.kind == ComponentKind::EksCluster
                    && component
                        .identity
                        .as_ref()
                        .is_some_and(|identity| !trusting.contains(identity))
                {
                    component.identity = None;
                }
            }
        },
    ),
    (
        "always encrypted",
        "S3 and DynamoDB encrypt everything at rest: a design's `encrypted_at_rest: false` for \
         them is exported as the default encryption and read back as encrypted",
        |design| {
            for component in &mut design.components {
                if matches!(
                    component.kind,
                    ComponentKind::S3Bucket | ComponentKind::DynamodbTable
                ) && component.properties.encrypted_at_rest == Some(false)
                {
                    component.properties.encrypted_at_rest = Some(true);
                }
            }
        },
    ),
];

/// Random designs of 20 to 90 elements.
const RANDOM_DESIGNS: u64 = 200;

#[test]
fn random_designs_come_back_as_drawn() {
    let mut problems = Vec::new();
    let mut needed = [false; KNOWN_EXCEPTIONS.len()];
    for seed in 0..RANDOM_DESIGNS {
        let design = zta_model::synthetic::generate(seed, 20 + (seed as usize % 8) * 10);
        let back = match round_trip(&design) {
            Ok(back) => back,
            Err(error) => {
                problems.push(format!("seed {seed}: {error}"));
                continue;
            }
        };
        let (mut before, mut after) = (design.clone(), back);
        for (index, (_, _, erase)) in KNOWN_EXCEPTIONS.iter().enumerate() {
            let (mut erased_before, mut erased_after) = (before.clone(), after.clone());
            erase(&mut erased_before);
            erase(&mut erased_after);
            // The exception is needed where erasing it takes differences away.
            if count_lines_differing(&erased_before, &erased_after)
                < count_lines_differing(&before, &after)
            {
                needed[index] = true;
            }
            (before, after) = (erased_before, erased_after);
        }
        let (before, after) = (saved(&before), saved(&after));
        if before != after {
            problems.push(format!(
                "seed {seed}: {}",
                common::first_difference(&before, &after, ("design", "after export and import"))
            ));
        }
    }
    for ((name, reason, _), needed) in KNOWN_EXCEPTIONS.iter().zip(needed) {
        if !needed {
            problems.push(format!(
                "the known exception `{name}` ({reason}) is no longer needed: take it off"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems in {RANDOM_DESIGNS} designs; the first:\n{}",
        problems.len(),
        problems[..problems.len().min(3)].join("\n\n")
    );
}
