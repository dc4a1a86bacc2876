//! Multi-account deployment through CloudFormation StackSets: a plan of which accounts and
//! regions get the stack, then the StackSet and its instances created or updated.
//!
//! The StackSet uses the self-managed permission model: the administrator account needs the
//! `AWSCloudFormationStackSetAdministrationRole` role and each target account the
//! `AWSCloudFormationStackSetExecutionRole` role (or the names given in the request).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Instant;

use aws_sdk_cloudformation::types::{
    Capability, Parameter, PermissionModels, StackSetOperationStatus,
};
use serde::Serialize;

use crate::connection::AwsConnection;
use crate::deploy::request::{INLINE_TEMPLATE_LIMIT, PollSettings};
use crate::deploy::staging::stage_template;
use crate::error::{Error, Result};
use crate::progress::{DeployProgress, ProgressSink};
use crate::redact::scrub;

/// A StackSet to deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackSetRequest {
    /// The StackSet's name.
    pub stack_set_name: String,
    /// The template every instance runs.
    pub template_body: String,
    /// Parameter values, the same for every instance.
    pub parameters: BTreeMap<String, String>,
    /// Which accounts get the stack in which regions.
    pub targets: Vec<StackSetTarget>,
    /// The administration role's ARN; `None` means the account's
    /// `AWSCloudFormationStackSetAdministrationRole`.
    pub administration_role_arn: Option<String>,
    /// The execution role's name in each target account; `None` means
    /// `AWSCloudFormationStackSetExecutionRole`.
    pub execution_role_name: Option<String>,
    /// The S3 bucket for templates over the inline limit (see
    /// [`crate::deploy::DeployRequest::staging_bucket`]).
    pub staging_bucket: Option<String>,
}

/// One account and the regions it gets the stack in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackSetTarget {
    /// The 12-digit account id.
    pub account_id: String,
    /// The regions, e.g. `eu-west-1`.
    pub regions: Vec<String>,
}

/// Which accounts and regions get which stack, before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackSetPlan {
    /// The StackSet.
    pub stack_set_name: String,
    /// Every (account, region) instance, sorted.
    pub instances: Vec<(String, String)>,
    /// The instances grouped as CloudFormation creates them: accounts that share the same
    /// set of regions go in one operation.
    pub operations: Vec<(Vec<String>, Vec<String>)>,
}

impl StackSetPlan {
    /// One line per instance, for the preview.
    pub fn describe(&self) -> Vec<String> {
        self.instances
            .iter()
            .map(|(account, region)| {
                format!(
                    "+ {} in account {account}, region {region}",
                    self.stack_set_name
                )
            })
            .collect()
    }
}

/// The state of one instance after deployment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackSetInstanceStatus {
    /// The account.
    pub account_id: String,
    /// The region.
    pub region: String,
    /// `CURRENT`, `OUTDATED` or `INOPERABLE`.
    pub status: String,
    /// CloudFormation's reason, when it gave one.
    pub reason: Option<String>,
    /// Whether the plan asked for this instance; instances outside it are left in place,
    /// never deleted.
    pub planned: bool,
}

/// What a StackSet deployment did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StackSetOutcome {
    /// The StackSet.
    pub stack_set_name: String,
    /// Whether the StackSet was new.
    pub created: bool,
    /// The operations run, in order.
    pub operation_ids: Vec<String>,
    /// Every instance of the StackSet afterwards.
    pub instances: Vec<StackSetInstanceStatus>,
}

/// Plans the instances: duplicates merged, accounts grouped by their set of regions.
pub fn plan_stack_set(request: &StackSetRequest) -> StackSetPlan {
    let mut regions_by_account: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for target in &request.targets {
        regions_by_account
            .entry(&target.account_id)
            .or_default()
            .extend(target.regions.iter().map(String::as_str));
    }
    let instances = regions_by_account
        .iter()
        .flat_map(|(account, regions)| {
            regions
                .iter()
                .map(|region| ((*account).to_owned(), (*region).to_owned()))
        })
        .collect();
    let operations = group_by_regions(
        regions_by_account
            .iter()
            .flat_map(|(account, regions)| regions.iter().map(move |region| (*account, *region))),
    );
    StackSetPlan {
        stack_set_name: request.stack_set_name.clone(),
        instances,
        operations,
    }
}

fn group_by_regions<'a>(
    instances: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<(Vec<String>, Vec<String>)> {
    let mut regions_by_account: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (account, region) in instances {
        regions_by_account
            .entry(account)
            .or_default()
            .insert(region);
    }
    let mut accounts_by_regions: BTreeMap<Vec<String>, Vec<String>> = BTreeMap::new();
    for (account, regions) in regions_by_account {
        let regions = regions.into_iter().map(str::to_owned).collect();
        accounts_by_regions
            .entry(regions)
            .or_default()
            .push(account.to_owned());
    }
    accounts_by_regions
        .into_iter()
        .map(|(regions, accounts)| (accounts, regions))
        .collect()
}

/// Creates or updates the StackSet, then adds the planned instances it lacks, waiting for
/// each operation. Instances outside the plan are reported and left alone.
pub async fn deploy_stack_set(
    connection: &AwsConnection,
    request: &StackSetRequest,
    poll: PollSettings,
    progress: &dyn ProgressSink,
) -> Result<StackSetOutcome> {
    let name = request.stack_set_name.as_str();
    let plan = plan_stack_set(request);
    let template_url = if request.template_body.len() > INLINE_TEMPLATE_LIMIT {
        Some(
            stage_template(
                connection,
                name,
                &request.template_body,
                request.staging_bucket.as_deref(),
            )
            .await?
            .url,
        )
    } else {
        None
    };
    let capabilities = required_capabilities(connection, request, template_url.as_deref()).await?;
    let parameters: Vec<Parameter> = request
        .parameters
        .iter()
        .map(|(key, value)| {
            Parameter::builder()
                .parameter_key(key)
                .parameter_value(value)
                .build()
        })
        .collect();

    let mut operation_ids = Vec::new();
    let exists = stack_set_exists(connection, name).await?;
    if exists {
        let mut update = connection
            .cloudformation
            .update_stack_set()
            .stack_set_name(name)
            .set_capabilities(Some(capabilities))
            .set_parameters(Some(parameters))
            .set_administration_role_arn(request.administration_role_arn.clone())
            .set_execution_role_name(request.execution_role_name.clone());
        update = match &template_url {
            Some(url) => update.template_url(url),
            None => update.template_body(&request.template_body),
        };
        let updated = update
            .send()
            .await
            .map_err(|error| Error::from_sdk("UpdateStackSet", error))?;
        let operation_id = updated.operation_id().unwrap_or_default().to_owned();
        wait_for_operation(connection, name, &operation_id, poll, progress).await?;
        operation_ids.push(operation_id);
    } else {
        let mut create = connection
            .cloudformation
            .create_stack_set()
            .stack_set_name(name)
            .description("Deployed by ZTA Designer")
            .permission_model(PermissionModels::SelfManaged)
            .set_capabilities(Some(capabilities))
            .set_parameters(Some(parameters))
            .set_administration_role_arn(request.administration_role_arn.clone())
            .set_execution_role_name(request.execution_role_name.clone());
        create = match &template_url {
            Some(url) => create.template_url(url),
            None => create.template_body(&request.template_body),
        };
        create
            .send()
            .await
            .map_err(|error| Error::from_sdk("CreateStackSet", error))?;
    }

    let existing: BTreeSet<(String, String)> = list_instances(connection, name)
        .await?
        .into_iter()
        .map(|instance| (instance.account_id, instance.region))
        .collect();
    let missing = plan
        .instances
        .iter()
        .filter(|instance| !existing.contains(*instance))
        .map(|(account, region)| (account.as_str(), region.as_str()));
    for (accounts, regions) in group_by_regions(missing) {
        let created = connection
            .cloudformation
            .create_stack_instances()
            .stack_set_name(name)
            .set_accounts(Some(accounts))
            .set_regions(Some(regions))
            .send()
            .await
            .map_err(|error| Error::from_sdk("CreateStackInstances", error))?;
        let operation_id = created.operation_id().unwrap_or_default().to_owned();
        wait_for_operation(connection, name, &operation_id, poll, progress).await?;
        operation_ids.push(operation_id);
    }

    let planned: BTreeSet<&(String, String)> = plan.instances.iter().collect();
    let instances = list_instances(connection, name)
        .await?
        .into_iter()
        .map(|mut instance| {
            instance.planned =
                planned.contains(&(instance.account_id.clone(), instance.region.clone()));
            instance
        })
        .collect();
    Ok(StackSetOutcome {
        stack_set_name: name.to_owned(),
        created: !exists,
        operation_ids,
        instances,
    })
}

async fn required_capabilities(
    connection: &AwsConnection,
    request: &StackSetRequest,
    template_url: Option<&str>,
) -> Result<Vec<Capability>> {
    let mut validate = connection.cloudformation.validate_template();
    validate = match template_url {
        Some(url) => validate.template_url(url),
        None => validate.template_body(&request.template_body),
    };
    let validation = validate.send().await.map_err(|error| {
        match Error::from_sdk("ValidateTemplate", error) {
            Error::Service {
                code: Some(code),
                message,
                ..
            } if code == "ValidationError" => Error::InvalidTemplate {
                stack_name: request.stack_set_name.clone(),
                reason: message,
            },
            other => other,
        }
    })?;
    Ok(validation.capabilities().to_vec())
}

async fn stack_set_exists(connection: &AwsConnection, name: &str) -> Result<bool> {
    match connection
        .cloudformation
        .describe_stack_set()
        .stack_set_name(name)
        .send()
        .await
    {
        Ok(described) => Ok(described.stack_set().is_some()),
        Err(error)
            if error
                .as_service_error()
                .is_some_and(|service| service.is_stack_set_not_found_exception()) =>
        {
            Ok(false)
        }
        Err(error) => Err(Error::from_sdk("DescribeStackSet", error)),
    }
}

async fn list_instances(
    connection: &AwsConnection,
    name: &str,
) -> Result<Vec<StackSetInstanceStatus>> {
    let mut instances = Vec::new();
    let mut next_token: Option<String> = None;
    loop {
        let page = connection
            .cloudformation
            .list_stack_instances()
            .stack_set_name(name)
            .set_next_token(next_token.take())
            .send()
            .await
            .map_err(|error| Error::from_sdk("ListStackInstances", error))?;
        instances.extend(page.summaries().iter().map(|summary| {
            StackSetInstanceStatus {
                account_id: summary.account().unwrap_or_default().to_owned(),
                region: summary.region().unwrap_or_default().to_owned(),
                status: summary
                    .status()
                    .map_or_else(String::new, |status| status.as_str().to_owned()),
                reason: summary.status_reason().map(scrub),
                planned: true,
            }
        }));
        match page.next_token() {
            Some(token) if !token.is_empty() => next_token = Some(token.to_owned()),
            _ => return Ok(instances),
        }
    }
}

async fn wait_for_operation(
    connection: &AwsConnection,
    name: &str,
    operation_id: &str,
    poll: PollSettings,
    progress: &dyn ProgressSink,
) -> Result<()> {
    let started = Instant::now();
    let mut last_status = String::new();
    loop {
        let described = connection
            .cloudformation
            .describe_stack_set_operation()
            .stack_set_name(name)
            .operation_id(operation_id)
            .send()
            .await
            .map_err(|error| Error::from_sdk("DescribeStackSetOperation", error))?;
        let status = described
            .stack_set_operation()
            .and_then(|operation| operation.status())
            .cloned();
        let status_text = status
            .as_ref()
            .map_or_else(String::new, |status| status.as_str().to_owned());
        if status_text != last_status {
            progress.report(&DeployProgress::StackSetOperation {
                stack_set_name: name.to_owned(),
                operation_id: operation_id.to_owned(),
                status: status_text.clone(),
            });
            last_status = status_text.clone();
        }
        match status {
            Some(StackSetOperationStatus::Succeeded) => return Ok(()),
            Some(StackSetOperationStatus::Failed | StackSetOperationStatus::Stopped) => {
                return Err(Error::StackSetOperationFailed {
                    stack_set_name: name.to_owned(),
                    operation_id: operation_id.to_owned(),
                    status: status_text,
                    details: operation_failures(connection, name, operation_id).await?,
                });
            }
            _ => {}
        }
        poll.pause(started, || {
            format!("StackSet {name} operation {operation_id}")
        })
        .await?;
    }
}

async fn operation_failures(
    connection: &AwsConnection,
    name: &str,
    operation_id: &str,
) -> Result<String> {
    let results = connection
        .cloudformation
        .list_stack_set_operation_results()
        .stack_set_name(name)
        .operation_id(operation_id)
        .send()
        .await
        .map_err(|error| Error::from_sdk("ListStackSetOperationResults", error))?;
    let failures: Vec<String> = results
        .summaries()
        .iter()
        .filter(|summary| {
            summary
                .status()
                .is_some_and(|status| status.as_str() != "SUCCEEDED")
        })
        .map(|summary| {
            format!(
                "account {} region {}: {}",
                summary.account().unwrap_or("?"),
                summary.region().unwrap_or("?"),
                scrub(summary.status_reason().unwrap_or("no reason given"))
            )
        })
        .collect();
    Ok(if failures.is_empty() {
        "no per-instance reason was given".to_owned()
    } else {
        failures.join("; ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_merges_duplicates_and_groups_accounts_by_regions() {
        let request = StackSetRequest {
            stack_set_name: "baseline".to_owned(),
            template_body: "{}".to_owned(),
            parameters: BTreeMap::new(),
            targets: vec![
                StackSetTarget {
                    account_id: "111111111111".to_owned(),
                    regions: vec!["eu-west-1".to_owned(), "us-east-1".to_owned()],
                },
                StackSetTarget {
                    account_id: "222222222222".to_owned(),
                    regions: vec!["us-east-1".to_owned(), "eu-west-1".to_owned()],
                },
                StackSetTarget {
                    account_id: "333333333333".to_owned(),
                    regions: vec!["eu-west-1".to_owned()],
                },
                StackSetTarget {
                    account_id: "111111111111".to_owned(),
                    regions: vec!["eu-west-1".to_owned()],
                },
            ],
            administration_role_arn: None,
            execution_role_name: None,
            staging_bucket: None,
        };
        let plan = plan_stack_set(&request);
        assert_eq!(plan.instances.len(), 5);
        assert_eq!(
            plan.operations,
            vec![
                (
                    vec!["333333333333".to_owned()],
                    vec!["eu-west-1".to_owned()]
                ),
                (
                    vec!["111111111111".to_owned(), "222222222222".to_owned()],
                    vec!["eu-west-1".to_owned(), "us-east-1".to_owned()]
                ),
            ]
        );
        assert_eq!(
            plan.describe()[0],
            "+ baseline in account 111111111111, region eu-west-1"
        );
    }
}
