//! What an export hands back beside its templates: the steps CloudFormation cannot take, and
//! the values one account's stack passes to another's.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Something the deployer must do by hand because CloudFormation cannot express it. The one
/// type the CLI prints, the manifest lists, the app's deploy dialog shows and the report's
/// evidence chapter holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManualStep {
    /// The design element the step completes.
    pub element: String,
    /// The account segment (or `main`) whose stack the step belongs to.
    pub account: String,
    /// What to do, in a few words.
    pub title: String,
    /// Why the step is needed and when to take it.
    pub instructions: String,
    /// How to take it: the exact AWS CLI command, console path or template edit, with what the
    /// design does not know (an ARN, a secret) in angle brackets. Every step has at least one.
    pub actions: Vec<StepAction>,
}

/// One way of taking a manual step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum StepAction {
    /// An AWS CLI command, run with credentials of the step's account.
    Command(String),
    /// Where to click in the AWS Management Console, as `Service console > Page > Control`.
    Console(String),
    /// What to change in the exported template before deploying it.
    Template(String),
}

impl ManualStep {
    /// Adds the AWS CLI command that takes the step.
    pub(crate) fn command(&mut self, command: impl Into<String>) -> &mut Self {
        self.actions.push(StepAction::Command(command.into()));
        self
    }

    /// Adds the console path that takes the step.
    pub(crate) fn console(&mut self, path: impl Into<String>) -> &mut Self {
        self.actions.push(StepAction::Console(path.into()));
        self
    }

    /// Adds the template edit that takes the step.
    pub(crate) fn template(&mut self, edit: impl Into<String>) -> &mut Self {
        self.actions.push(StepAction::Template(edit.into()));
        self
    }

    /// The step as one line of text: title, instructions and actions.
    pub fn to_text(&self) -> String {
        let mut text = format!("{}. {}", self.title, self.instructions);
        for action in &self.actions {
            let (label, what) = match action {
                StepAction::Command(command) => ("Run", command),
                StepAction::Console(path) => ("Console", path),
                StepAction::Template(edit) => ("Template", edit),
            };
            text.push_str(&format!(" {label}: {what}"));
        }
        text
    }
}

/// A value one account's stack outputs and another's takes as a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterWiring {
    pub from_unit: String,
    pub output: String,
    pub to_unit: String,
    pub parameter: String,
}
