//! Turning a design into what `zta deploy` and the app's deploy dialog hand to AWS: the
//! export's stacks, in their deployment order, as a manifest of deploy requests.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;
use zta_aws::deploy::{DeployRequest, ManifestStack, ParameterValue, StackManifest};
use zta_cfn::export::{ExportOptions, ManualStep, TemplateFormat, export_design};

use crate::{Result, load_design};

/// Whether `path` names a design file (`NAME.zta.yaml`, `.zta.yml` or `.zta.json`) rather
/// than a CloudFormation template, which is how `zta deploy` tells what it was given.
pub fn is_design_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    [".zta.yaml", ".zta.yml", ".zta.json"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
}

/// One stack of a design's deployment, with the account it belongs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedStack {
    /// The stack's request and the parameters it takes from earlier stacks' outputs.
    pub stack: ManifestStack,
    /// The AWS account id the design places the stack in, when the design names one.
    pub account_id: Option<String>,
    /// The region the design places the stack in, when it names one.
    pub region: Option<String>,
    /// The parameters the stack's template declares.
    pub declared_parameters: Vec<String>,
    /// Those of them without a default: a value must come from an earlier stack's output or
    /// from the deployer.
    pub required_parameters: Vec<String>,
}

/// A design's stacks in deployment order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignDeployment {
    /// The design's name.
    pub design: String,
    /// The stacks, each after the stacks whose outputs it uses.
    pub stacks: Vec<PlannedStack>,
    /// What CloudFormation cannot do and a person must (enabling Inspector, say), each with
    /// the command or console path that does it.
    pub manual_steps: Vec<ManualStep>,
}

/// One stack of an account's plan, as the deploy dialog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StackPlan {
    /// The stack's name.
    pub name: String,
    /// The account the design places it in, if it names one.
    pub account_id: Option<String>,
    /// The parameters its template declares that no earlier stack's output provides: the
    /// deployer gives those that have no default (images, Identity Center groups and the like).
    pub parameters: Vec<String>,
}

/// What deploying a design with one account's credentials would do, before anything changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AccountPlan {
    /// The account the credentials belong to.
    pub account_id: String,
    /// The region deployed to.
    pub region: String,
    /// The stacks deployed in this account, in order.
    pub stacks: Vec<StackPlan>,
    /// The stacks the design places in other accounts, for their own credentials.
    pub elsewhere: Vec<StackPlan>,
    /// What a person must do by hand, each with its command or console path.
    pub manual_steps: Vec<ManualStep>,
}

/// Why parameter values given for a deployment cannot be used as they are.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParameterProblem {
    /// Values were given that no stack of the account declares (a likely typo).
    #[error("no stack of the design in this account declares the parameter(s) {}", .0.join(", "))]
    Undeclared(Vec<String>),
    /// Required parameters have no value, as (stack, parameter) pairs.
    #[error("give a value for each parameter the stacks need: {}", .0.iter().map(|(stack, parameter)| format!("{parameter} (stack {stack})")).collect::<Vec<_>>().join(", "))]
    Missing(Vec<(String, String)>),
}

impl DesignDeployment {
    /// The manifest of the stacks that belong in `account_id` (and of those the design
    /// places in no particular account), for deploying with that account's credentials. A
    /// parameter wired to the output of a stack in another account cannot be read with these
    /// credentials, so it becomes one the deployer gives (a transit gateway's id, say).
    pub fn manifest_for_account(&self, account_id: &str) -> StackManifest {
        let mut stacks: Vec<ManifestStack> = self
            .stacks
            .iter()
            .filter(|planned| {
                planned
                    .account_id
                    .as_deref()
                    .is_none_or(|id| id == account_id)
            })
            .map(|planned| planned.stack.clone())
            .collect();
        let here: Vec<String> = stacks
            .iter()
            .map(|stack| stack.request.stack_name.clone())
            .collect();
        for stack in &mut stacks {
            stack
                .parameters_from_outputs
                .retain(|_, ParameterValue::FromOutput { stack, .. }| here.contains(stack));
        }
        StackManifest { stacks }
    }

    /// The parameters of a stack of `manifest` that the deployer gives: those its template
    /// declares that no earlier stack of the manifest provides.
    pub fn deployer_parameters(&self, manifest: &StackManifest, stack_name: &str) -> Vec<String> {
        let Some((planned, stack)) = self.planned_in(manifest, stack_name) else {
            return Vec::new();
        };
        planned
            .declared_parameters
            .iter()
            .filter(|name| !stack.parameters_from_outputs.contains_key(*name))
            .cloned()
            .collect()
    }

    /// The required parameters of each stack of `manifest` that have no value yet, as
    /// (stack, parameter) pairs: checked before anything is sent, so that the deployer hears
    /// every missing value at once rather than from CloudFormation, one stack at a time.
    pub fn missing_parameters(&self, manifest: &StackManifest) -> Vec<(String, String)> {
        let mut missing = Vec::new();
        for stack in &manifest.stacks {
            let name = &stack.request.stack_name;
            let Some((planned, _)) = self.planned_in(manifest, name) else {
                continue;
            };
            for parameter in &planned.required_parameters {
                if !stack.parameters_from_outputs.contains_key(parameter)
                    && !stack.request.parameters.contains_key(parameter)
                {
                    missing.push((name.clone(), parameter.clone()));
                }
            }
        }
        missing
    }

    /// The plan of a stack of `manifest` and the manifest's own entry for it.
    fn planned_in<'a>(
        &'a self,
        manifest: &'a StackManifest,
        stack_name: &str,
    ) -> Option<(&'a PlannedStack, &'a ManifestStack)> {
        let planned = self
            .stacks
            .iter()
            .find(|planned| planned.stack.request.stack_name == stack_name)?;
        let stack = manifest
            .stacks
            .iter()
            .find(|stack| stack.request.stack_name == stack_name)?;
        Some((planned, stack))
    }

    /// Sets `values` on every stack of `account_id` that declares them. Returns the names no
    /// such stack declares, which the caller reports as mistakes.
    pub fn set_parameters(
        &self,
        manifest: &mut StackManifest,
        values: &[(String, String)],
    ) -> Vec<String> {
        let mut unused: Vec<String> = values.iter().map(|(name, _)| name.clone()).collect();
        for stack in &mut manifest.stacks {
            let Some(planned) = self
                .stacks
                .iter()
                .find(|planned| planned.stack.request.stack_name == stack.request.stack_name)
            else {
                continue;
            };
            for (name, value) in values {
                if planned.declared_parameters.contains(name) {
                    stack.request.parameters.insert(name.clone(), value.clone());
                    unused.retain(|unused_name| unused_name != name);
                }
            }
        }
        unused
    }

    /// What deploying with the credentials of `account_id` in `region` would do: the stacks
    /// deployed there with the parameters the deployer gives, and the stacks that belong
    /// elsewhere.
    pub fn plan_for_account(&self, account_id: &str, region: &str) -> AccountPlan {
        let manifest = self.manifest_for_account(account_id);
        let elsewhere = self.stacks_elsewhere(account_id);
        let summary = |planned: &PlannedStack| {
            let name = &planned.stack.request.stack_name;
            StackPlan {
                name: name.clone(),
                account_id: planned.account_id.clone(),
                parameters: self.deployer_parameters(&manifest, name),
            }
        };
        AccountPlan {
            account_id: account_id.to_owned(),
            region: region.to_owned(),
            stacks: self
                .stacks
                .iter()
                .filter(|planned| !elsewhere.contains(planned))
                .map(summary)
                .collect(),
            elsewhere: elsewhere.iter().copied().map(summary).collect(),
            manual_steps: self.manual_steps.clone(),
        }
    }

    /// The manifest of `account_id` with `values` set on the stacks that declare them, checked
    /// before anything is sent: a value no stack declares, or a required parameter left
    /// without one, is a [`ParameterProblem`] naming every such parameter at once.
    pub fn manifest_with_parameters(
        &self,
        account_id: &str,
        values: &[(String, String)],
    ) -> std::result::Result<StackManifest, ParameterProblem> {
        let mut manifest = self.manifest_for_account(account_id);
        let undeclared = self.set_parameters(&mut manifest, values);
        if !undeclared.is_empty() {
            return Err(ParameterProblem::Undeclared(undeclared));
        }
        let missing = self.missing_parameters(&manifest);
        if !missing.is_empty() {
            return Err(ParameterProblem::Missing(missing));
        }
        Ok(manifest)
    }

    /// The stacks that belong in another account than `account_id`.
    pub fn stacks_elsewhere(&self, account_id: &str) -> Vec<&PlannedStack> {
        self.stacks
            .iter()
            .filter(|planned| {
                planned
                    .account_id
                    .as_deref()
                    .is_some_and(|id| id != account_id)
            })
            .collect()
    }
}

/// Exports the design at `design` and plans its deployment. `single_stack_name` renames the
/// stack when the design becomes exactly one (the CLI's `--stack-name`); a multi-stack
/// export keeps the export's names, which the outputs-to-parameters wiring refers to.
pub fn plan_design_deployment(
    design: &Path,
    single_stack_name: Option<&str>,
) -> Result<DesignDeployment> {
    let loaded = load_design(design)?;
    let export = export_design(&loaded, &ExportOptions::default())?;
    let rename = single_stack_name.filter(|_| export.stacks.len() == 1);
    let stacks = export
        .stacks
        .iter()
        .map(|exported| {
            let name = rename.unwrap_or(&exported.name);
            let request = DeployRequest::new(name, TemplateFormat::Yaml.write(&exported.template));
            let parameters_from_outputs: BTreeMap<String, ParameterValue> = exported
                .parameters_from
                .iter()
                .map(|source| {
                    (
                        source.parameter.clone(),
                        ParameterValue::FromOutput {
                            stack: source.stack.clone(),
                            output: source.output.clone(),
                        },
                    )
                })
                .collect();
            PlannedStack {
                stack: ManifestStack {
                    request,
                    parameters_from_outputs,
                },
                account_id: exported.account_id.clone(),
                region: exported.region.clone(),
                declared_parameters: exported.template.parameters.keys().cloned().collect(),
                required_parameters: exported
                    .template
                    .parameters
                    .iter()
                    .filter(|(_, parameter)| !parameter.attributes.contains_key("Default"))
                    .map(|(name, _)| name.clone())
                    .collect(),
            }
        })
        .collect();
    Ok(DesignDeployment {
        design: export.design.clone(),
        stacks,
        manual_steps: export.manual_steps.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(format!("{name}.zta.yaml"))
    }

    #[test]
    fn design_files_are_told_from_templates_by_their_suffix() {
        assert!(is_design_file(Path::new("shop.zta.yaml")));
        assert!(is_design_file(Path::new("dir/Shop.ZTA.JSON")));
        assert!(!is_design_file(Path::new("template.yaml")));
        assert!(!is_design_file(Path::new("zta.yaml")));
    }

    #[test]
    fn a_single_stack_design_takes_the_requested_name() {
        let plan = plan_design_deployment(&example("three-tier-web-app"), Some("shop")).unwrap();
        assert_eq!(plan.stacks.len(), 1);
        assert_eq!(plan.stacks[0].stack.request.stack_name, "shop");
        assert!(
            plan.stacks[0]
                .stack
                .request
                .template_body
                .contains("AWSTemplateFormatVersion")
        );
    }

    #[test]
    fn a_multi_account_design_keeps_its_order_and_wiring_per_account() {
        let plan =
            plan_design_deployment(&example("multi-account-transit"), Some("ignored")).unwrap();
        assert!(plan.stacks.len() > 1, "{plan:#?}");
        let names: Vec<&str> = plan
            .stacks
            .iter()
            .map(|planned| planned.stack.request.stack_name.as_str())
            .collect();
        assert!(!names.contains(&"ignored"));
        // Every stack an output comes from is deployed before the stack that takes it.
        for (position, planned) in plan.stacks.iter().enumerate() {
            for source in planned.stack.parameters_from_outputs.values() {
                let ParameterValue::FromOutput { stack, .. } = source;
                let source_position = names.iter().position(|name| name == stack).unwrap();
                assert!(source_position < position, "{stack} after {names:?}");
            }
        }
        let first_account = plan.stacks[0].account_id.clone().unwrap();
        let mine = plan.manifest_for_account(&first_account);
        let elsewhere = plan.stacks_elsewhere(&first_account);
        assert!(!mine.stacks.is_empty());
        assert_eq!(mine.stacks.len() + elsewhere.len(), plan.stacks.len());
    }

    #[test]
    fn outputs_of_another_account_become_parameters_the_deployer_gives() {
        let plan = plan_design_deployment(&example("aws-zta-reference"), None).unwrap();
        // The workload stack takes the transit gateway from the network account's stack.
        let (taker, source) = plan
            .stacks
            .iter()
            .find_map(|planned| {
                planned
                    .stack
                    .parameters_from_outputs
                    .iter()
                    .next()
                    .map(|(name, value)| (planned, (name.clone(), value.clone())))
            })
            .expect("the reference wires an output across accounts");
        let (
            parameter,
            ParameterValue::FromOutput {
                stack: producer, ..
            },
        ) = source;
        let account = taker.account_id.clone().unwrap();
        let taker_name = taker.stack.request.stack_name.clone();

        let manifest = plan.manifest_for_account(&account);
        assert!(
            manifest
                .stacks
                .iter()
                .all(|s| s.request.stack_name != producer)
        );
        assert!(
            plan.deployer_parameters(&manifest, &taker_name)
                .contains(&parameter)
        );
        let missing = plan.missing_parameters(&manifest);
        assert!(
            missing.contains(&(taker_name.clone(), parameter.clone())),
            "{missing:?}"
        );

        let mut filled = manifest.clone();
        let values: Vec<(String, String)> = missing
            .iter()
            .map(|(_, name)| (name.clone(), "value".to_owned()))
            .collect();
        assert!(plan.set_parameters(&mut filled, &values).is_empty());
        assert!(plan.missing_parameters(&filled).is_empty());

        let summary = plan.plan_for_account(&account, "eu-west-1");
        let listed =
            |stacks: &[StackPlan]| stacks.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert!(listed(&summary.stacks).contains(&taker_name));
        assert!(listed(&summary.elsewhere).contains(&producer));
        assert_eq!(
            plan.manifest_with_parameters(&account, &[]),
            Err(ParameterProblem::Missing(missing.clone()))
        );
        let typo = [("NoSuchParameter".to_owned(), "x".to_owned())];
        assert_eq!(
            plan.manifest_with_parameters(&account, &typo),
            Err(ParameterProblem::Undeclared(vec![
                "NoSuchParameter".to_owned()
            ]))
        );
        assert_eq!(plan.manifest_with_parameters(&account, &values), Ok(filled));
    }
}
