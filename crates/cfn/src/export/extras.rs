//! What an export hands back beside its templates: the steps CloudFormation cannot take, and
//! the values one account's stack passes to another's.

/// Something the deployer must do by hand because CloudFormation cannot express it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualStep {
    /// The design element the step completes.
    pub element: String,
    /// The account segment (or `main`) whose stack the step belongs to.
    pub stack_account: String,
    pub title: String,
    pub instructions: String,
}

/// A value one account's stack outputs and another's takes as a parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterWiring {
    pub from_unit: String,
    pub output: String,
    pub to_unit: String,
    pub parameter: String,
}
