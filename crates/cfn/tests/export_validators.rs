//! The export checked by the real validators from the project's virtualenvs: cfn-lint (no error
//! and no warning) on every example, the two-zone placement design and six random valid designs
//! (`ZTA_LINT_RANDOM_DESIGNS=200` lints that many: `make lint-export-wide`) that, with the
//! examples, hold every kind, checkov (no failed check) on
//! the secure examples, and parliament with its community auditors on every IAM policy document
//! the secure examples generate.

mod export_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use export_support::{checkov_failures, example_name, examples, load, policies, run, tool};
use zta_cfn::export::{Export, ExportOptions, TemplateFormat, export_design};
use zta_model::{ComponentKind, IdentityKind};

/// Examples meant to be insecure export insecure templates (the rules are the gate), so only
/// the others must pass checkov and parliament.
fn is_secure(name: &str) -> bool {
    !name.contains("insecure")
}

fn write_export(dir: &Path, prefix: &str, export: &Export, format: TemplateFormat) -> Vec<PathBuf> {
    let mut written = Vec::new();
    for file in export.files(format) {
        if file.name == "manifest.json" {
            continue;
        }
        let path = dir.join(format!("{prefix}--{}", file.name));
        std::fs::write(&path, file.contents).expect("the temporary folder is writable");
        written.push(path);
    }
    written
}

/// Six valid designs from the workspace's shared generator, each of one account and one VPC
/// (110 elements, about 180 resources in one stack). cfn-lint's time grows with the resources it
/// reads (about 0.02 s of CPU each), so the test lints a few designs that, with the examples,
/// hold every kind (checked by [`uncovered`]), rather than many: several VPCs, accounts and
/// split stacks are linted in the examples, and split stacks are checked in `export_limits.rs`.
/// `ZTA_LINT_RANDOM_DESIGNS` asks for another number, for a wider run than every `make test`
/// can afford.
fn random_designs() -> Vec<(String, zta_model::Design)> {
    let count = std::env::var("ZTA_LINT_RANDOM_DESIGNS").map_or(6, |value| {
        value
            .parse::<u64>()
            .expect("ZTA_LINT_RANDOM_DESIGNS is a number of designs")
    });
    (1..=count)
        .map(|seed| {
            let design = zta_model::synthetic::generate(seed, 110);
            let issues = zta_model::integrity::check(&design);
            assert!(
                issues.is_empty(),
                "random design {seed} is not valid: {issues:?}"
            );
            (format!("random-{seed:03}"), design)
        })
        .collect()
}

/// What the generator adds beyond its random placement of components, by kind and property:
/// the test checks that its designs state each one somewhere, so that they keep covering the
/// export of Service Connect, Transit Gateway routing, firewall domains and EKS compute.
const GENERATED: [(ComponentKind, &str); 8] = [
    (ComponentKind::EcsCluster, "service_connect_namespace"),
    (ComponentKind::EcsCluster, "service_connect_tls"),
    (ComponentKind::EcsService, "launch_type"),
    (ComponentKind::EksCluster, "launch_type"),
    (ComponentKind::EksCluster, "instance_type"),
    (ComponentKind::EksCluster, "desired_count"),
    (ComponentKind::NetworkFirewall, "allowed_domains"),
    (ComponentKind::TransitGateway, "attachments"),
];

/// The user pool fields the generator states for hosted sign-in.
const GENERATED_POOL_FIELDS: [&str; 3] = ["domain_prefix", "callback_urls", "oauth_scopes"];

/// The kinds neither the examples nor the random designs hold, and what of [`GENERATED`] and
/// [`GENERATED_POOL_FIELDS`] no random design states.
fn uncovered(
    examples: &[zta_model::Design],
    random: &[(String, zta_model::Design)],
) -> Vec<String> {
    let random = || random.iter().map(|(_, design)| design);
    let components = || random().flat_map(|design| &design.components);
    let mut missing: Vec<String> = zta_model::component_kind::CATALOG
        .iter()
        .filter(|info| {
            !examples
                .iter()
                .chain(random())
                .flat_map(|design| &design.components)
                .any(|component| component.kind == info.kind)
        })
        .map(|info| format!("kind {}", info.name))
        .collect();
    for (kind, property) in GENERATED {
        let stated = components().any(|component| {
            component.kind == kind
                && serde_json::to_value(&component.properties)
                    .is_ok_and(|properties| properties.get(property).is_some())
        });
        if !stated {
            missing.push(format!("{kind:?}.{property}"));
        }
    }
    for field in GENERATED_POOL_FIELDS {
        let stated = random()
            .flat_map(|design| &design.identities)
            .any(|identity| {
                identity.kind == IdentityKind::CognitoUserPool
                    && serde_json::to_value(identity)
                        .is_ok_and(|fields| fields.get(field).is_some())
            });
        if !stated {
            missing.push(format!("cognito_user_pool.{field}"));
        }
    }
    missing
}

/// Runs cfn-lint on the files in two processes (the machine has two cores) and returns every
/// error and warning it prints.
fn cfn_lint(files: &[PathBuf]) -> Vec<String> {
    let cfn_lint = tool(".venv/bin/cfn-lint");
    let halves: Vec<Vec<PathBuf>> = files
        .chunks(files.len().div_ceil(2).max(1))
        .map(<[PathBuf]>::to_vec)
        .collect();
    let handles: Vec<_> = halves
        .into_iter()
        .map(|chunk| {
            let cfn_lint = cfn_lint.clone();
            std::thread::spawn(move || {
                let output = run(Command::new(&cfn_lint)
                    .arg("--format")
                    .arg("parseable")
                    .arg("--")
                    .args(&chunk));
                let code = output.status.code().unwrap_or(1);
                let text = String::from_utf8_lossy(&output.stdout).into_owned();
                let mut problems: Vec<String> = text
                    .lines()
                    .filter(|line| line.contains(":E") || line.contains(":W"))
                    .map(str::to_owned)
                    .collect();
                if code & 0b111 != 0 && problems.is_empty() {
                    problems.push(format!(
                        "cfn-lint exited with {code}: {text}{}",
                        String::from_utf8_lossy(&output.stderr)
                    ));
                }
                problems
            })
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().expect("the cfn-lint thread finishes"))
        .collect()
}

#[test]
fn cfn_lint_passes_every_example_and_random_designs() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut files = Vec::new();
    let mut example_designs = Vec::new();
    for path in examples() {
        let design = load(&path);
        let export =
            export_design(&design, &ExportOptions::default()).expect("the example exports");
        example_designs.push(design);
        files.extend(write_export(
            dir.path(),
            &example_name(&path),
            &export,
            TemplateFormat::Yaml,
        ));
        files.extend(write_export(
            dir.path(),
            &format!("{}-json", example_name(&path)),
            &export,
            TemplateFormat::Json,
        ));
    }
    // The two-zone shop whose placement `export_as_drawn.rs` checks resource by resource.
    let two_zone =
        load(&export_support::workspace().join("crates/cfn/tests/placement/two-zone.zta.yaml"));
    let export = export_design(&two_zone, &ExportOptions::default()).expect("the design exports");
    files.extend(write_export(
        dir.path(),
        "two-zone",
        &export,
        TemplateFormat::Yaml,
    ));
    let designs = random_designs();
    let missing = uncovered(&example_designs, &designs);
    assert!(missing.is_empty(), "the linted designs miss {missing:?}");
    for (name, design) in designs {
        let export =
            export_design(&design, &ExportOptions::default()).expect("the random design exports");
        files.extend(write_export(
            dir.path(),
            &name,
            &export,
            TemplateFormat::Yaml,
        ));
    }
    // Every kind of trust and condition, in the same cfn-lint run.
    let trusts = load(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/designs/trust-conditions.zta.yaml"),
    );
    let export =
        export_design(&trusts, &ExportOptions::default()).expect("the trust design exports");
    files.extend(write_export(
        dir.path(),
        "trust-conditions",
        &export,
        TemplateFormat::Yaml,
    ));
    let problems = cfn_lint(&files);
    assert!(
        problems.is_empty(),
        "cfn-lint reports:\n{}",
        problems.join("\n")
    );
}

#[test]
fn checkov_finds_no_failed_check_in_the_secure_examples() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut files = Vec::new();
    for path in examples() {
        let name = example_name(&path);
        if is_secure(&name) {
            let export = export_design(&load(&path), &ExportOptions::default())
                .expect("the example exports");
            files.extend(write_export(
                dir.path(),
                &name,
                &export,
                TemplateFormat::Yaml,
            ));
        }
    }
    let failures: Vec<String> = checkov_failures(&files)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        failures.is_empty(),
        "checkov fails:\n{}",
        failures.join("\n")
    );
}

#[test]
fn checkov_suppressions_carry_reasons() {
    for path in examples() {
        let export =
            export_design(&load(&path), &ExportOptions::default()).expect("the example exports");
        for stack in &export.stacks {
            for (logical, resource) in &stack.template.resources {
                let skips = resource
                    .metadata
                    .as_ref()
                    .and_then(|m| m.get("checkov"))
                    .and_then(|c| c.get("skip"))
                    .and_then(|s| s.as_list())
                    .unwrap_or_default();
                for skip in skips {
                    let reason = skip
                        .get("comment")
                        .and_then(|c| c.as_str())
                        .unwrap_or_default();
                    assert!(
                        reason.len() > 40,
                        "{logical}: a suppression needs a real reason, got {reason:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn parliament_finds_nothing_in_the_generated_policies() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut exports: Vec<(String, Export)> = Vec::new();
    for path in examples() {
        let name = example_name(&path);
        if is_secure(&name) {
            exports.push((
                name,
                export_design(&load(&path), &ExportOptions::default()).expect("exports"),
            ));
        }
    }
    // The random designs are left out: the shared generator gives flows actions without regard
    // to their targets (`s3:GetObject` on a key or a topic), and the export writes exactly those
    // actions on exactly those targets, so parliament would judge the generator's designs there,
    // not the export.
    let mut count = 0;
    for (name, export) in &exports {
        for stack in &export.stacks {
            for (policy, document) in
                policies::identity_policies(&format!("{name}-{}", stack.name), &stack.template)
            {
                let text = serde_json::to_string_pretty(&document).expect("a policy serialises");
                std::fs::write(dir.path().join(format!("{policy}.json")), text).expect("writable");
                count += 1;
            }
        }
    }
    assert!(count > 10, "the examples generate IAM policies ({count})");
    let output = run(Command::new(tool(".venv/bin/parliament"))
        .arg("--directory")
        .arg(dir.path())
        .args([
            "--include_policy_extension",
            "json",
            "--include-community-auditors",
            "--json",
        ]));
    // One exception, for one action: rds-db:connect is how IAM database authentication works
    // (the export's zero-trust default for RDS); it yields a 15-minute token for exactly the one
    // database user the statement's ARN names. The community auditors class every action that
    // returns credentials as exposure and permission management; for this action that is the
    // intended, least-privileged design. Parliament's own `ignore_locations` setting does not
    // apply to community auditor findings, so the exception is made here, for that action only.
    let stdout = String::from_utf8_lossy(&output.stdout);
    let findings: String = stdout
        .lines()
        .filter(|line| {
            let finding: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            finding["location"]["actions"] != serde_json::json!(["rds-db:connect"])
        })
        .map(|line| format!("{line}\n"))
        .collect();
    // Show each policy parliament objects to, so that a failure explains itself.
    let mut shown = Vec::new();
    for line in findings.lines() {
        let finding: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
        if let Some(path) = finding["location"]["filepath"].as_str()
            && !shown.contains(&path.to_owned())
            && shown.len() < 3
        {
            eprintln!(
                "{path}:\n{}",
                std::fs::read_to_string(path).unwrap_or_default()
            );
            shown.push(path.to_owned());
        }
    }
    assert!(
        findings.trim().is_empty(),
        "parliament reports on {count} policies:\n{findings}{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
