//! Deployment of a multi-stack export in its manifest's order, each stack's outputs offered
//! as parameters to the stacks after it.

use std::collections::BTreeMap;
use std::future::Future;

use serde::Serialize;
use ts_rs::TS;

use crate::connection::AwsConnection;
use crate::deploy::change_set::{PreparedDeployment, discard_deployment, prepare_deployment};
use crate::deploy::execute::{DeployOutcome, StackOutput, execute_deployment};
use crate::deploy::request::{DeployRequest, PollSettings};
use crate::error::{Error, Result};
use crate::progress::ProgressSink;

/// The stacks of a multi-stack export, in deployment order (a stack comes after every stack
/// whose exports or outputs it uses).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StackManifest {
    /// The stacks, in order.
    pub stacks: Vec<ManifestStack>,
}

/// One stack of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestStack {
    /// The request, whose `parameters` hold the literal values.
    pub request: DeployRequest,
    /// Parameters taken from a named output of an earlier stack.
    pub parameters_from_outputs: BTreeMap<String, ParameterValue>,
}

/// Where a parameter's value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParameterValue {
    /// The output `output` of the earlier stack `stack`.
    FromOutput {
        /// The stack that produces it.
        stack: String,
        /// Its output key.
        output: String,
    },
}

/// What happened to a manifest's stacks.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
pub struct StackManifestOutcome {
    /// The stacks deployed (or found unchanged), in order.
    pub deployed: Vec<DeployOutcome>,
    /// The stack whose change set was declined; it and the stacks after it were not deployed.
    pub declined_at: Option<String>,
}

/// Decides whether a prepared change set runs: a prompt in the CLI, `--yes` in a pipeline.
pub trait Confirmation {
    /// Whether to execute `prepared`. Called only for change sets that change something.
    fn confirm(&self, prepared: &PreparedDeployment) -> impl Future<Output = bool> + Send;
}

/// Approves every change set, for `--yes`.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproveAll;

impl Confirmation for ApproveAll {
    async fn confirm(&self, _prepared: &PreparedDeployment) -> bool {
        true
    }
}

/// The request for `stack` once the outputs of the stacks before it are known: named
/// outputs are resolved (a missing one is an error naming both stacks), and every earlier
/// output is offered for parameters of the same name, later stacks' outputs winning.
pub fn resolve_parameters(
    stack: &ManifestStack,
    earlier_outputs: &[(String, Vec<StackOutput>)],
) -> Result<DeployRequest> {
    let mut request = stack.request.clone();
    for (parameter, source) in &stack.parameters_from_outputs {
        let ParameterValue::FromOutput {
            stack: source_stack,
            output,
        } = source;
        let missing = |problem: &str| Error::MissingOutput {
            stack_name: request.stack_name.clone(),
            parameter: parameter.clone(),
            source_stack: source_stack.clone(),
            output: output.clone(),
            problem: problem.to_owned(),
        };
        let outputs = earlier_outputs
            .iter()
            .find(|(name, _)| name == source_stack)
            .map(|(_, outputs)| outputs)
            .ok_or_else(|| missing("is not deployed before it in the manifest"))?;
        let value = outputs
            .iter()
            .find(|candidate| &candidate.key == output)
            .ok_or_else(|| missing("has no such output"))?;
        request
            .parameters
            .insert(parameter.clone(), value.value.clone());
    }
    for (_, outputs) in earlier_outputs {
        for output in outputs {
            request
                .offered_parameters
                .insert(output.key.clone(), output.value.clone());
        }
    }
    Ok(request)
}

/// Deploys the manifest's stacks one after another, each through its own approved change
/// set. Stops at the first failure (the error) or the first declined change set (recorded in
/// the outcome), since later stacks depend on earlier ones.
pub async fn deploy_manifest(
    connection: &AwsConnection,
    manifest: &StackManifest,
    confirmation: &impl Confirmation,
    poll: PollSettings,
    progress: &dyn ProgressSink,
) -> Result<StackManifestOutcome> {
    let mut outcome = StackManifestOutcome::default();
    let mut earlier_outputs: Vec<(String, Vec<StackOutput>)> = Vec::new();
    for stack in &manifest.stacks {
        let request = resolve_parameters(stack, &earlier_outputs)?;
        let prepared = prepare_deployment(connection, &request, poll, progress).await?;
        if prepared.has_changes() && !confirmation.confirm(&prepared).await {
            discard_deployment(connection, &prepared).await?;
            outcome.declined_at = Some(prepared.stack_name);
            return Ok(outcome);
        }
        let deployed = execute_deployment(connection, &prepared, poll, progress).await?;
        earlier_outputs.push((deployed.stack_name.clone(), deployed.outputs.clone()));
        outcome.deployed.push(deployed);
    }
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(key: &str, value: &str) -> StackOutput {
        StackOutput {
            key: key.to_owned(),
            value: value.to_owned(),
            description: None,
            export_name: None,
        }
    }

    #[test]
    fn named_outputs_resolve_and_all_outputs_are_offered() {
        let mut stack = ManifestStack {
            request: DeployRequest::new("app", "{}"),
            parameters_from_outputs: BTreeMap::new(),
        };
        stack.parameters_from_outputs.insert(
            "Subnet".to_owned(),
            ParameterValue::FromOutput {
                stack: "network".to_owned(),
                output: "PrivateSubnetId".to_owned(),
            },
        );
        let earlier = vec![(
            "network".to_owned(),
            vec![
                output("PrivateSubnetId", "subnet-1"),
                output("VpcId", "vpc-1"),
            ],
        )];
        let request = resolve_parameters(&stack, &earlier).unwrap();
        assert_eq!(request.parameters["Subnet"], "subnet-1");
        assert_eq!(request.offered_parameters["VpcId"], "vpc-1");
    }

    #[test]
    fn a_missing_output_names_both_stacks() {
        let mut stack = ManifestStack {
            request: DeployRequest::new("app", "{}"),
            parameters_from_outputs: BTreeMap::new(),
        };
        stack.parameters_from_outputs.insert(
            "Subnet".to_owned(),
            ParameterValue::FromOutput {
                stack: "network".to_owned(),
                output: "Nope".to_owned(),
            },
        );
        let earlier = vec![("network".to_owned(), vec![output("VpcId", "vpc-1")])];
        let error = resolve_parameters(&stack, &earlier)
            .unwrap_err()
            .to_string();
        assert!(error.contains("stack app takes parameter Subnet from output Nope of stack network, which has no such output"), "{error}");
    }
}
