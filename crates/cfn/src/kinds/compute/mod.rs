//! Where code runs: EC2 instances and Auto Scaling groups (IMDSv2, encrypted volumes, Session
//! Manager instead of SSH),
//! Lambda functions (in the VPC, with a dead-letter queue), ECS services on Fargate with
//! read-only root file systems, joined by ECS Service Connect with TLS from a private CA, private
//! EKS clusters with encrypted secrets and their Fargate profile or managed node group, ECR
//! repositories that scan on push, App Mesh (flagged: its support ends on 2026-09-30), and Step
//! Functions state machines that log, trace and encrypt their executions.

pub(crate) mod app_mesh;
pub(crate) mod auto_scaling_group;
pub(crate) mod ec2_instance;
pub(crate) mod ecr_repository;
pub(crate) mod ecs_cluster;
pub(crate) mod ecs_service;
pub(crate) mod eks_cluster;
pub(crate) mod lambda_function;
pub(crate) mod service_connect;
pub(crate) mod step_functions_state_machine;

use zta_model::ComponentKind;

use crate::export::builder::Builder;

pub(crate) fn generate(b: &mut Builder<'_>) {
    for c in &b.design.components {
        match c.kind {
            ComponentKind::Ec2Instance => ec2_instance::export(b, c),
            ComponentKind::AutoScalingGroup => auto_scaling_group::export(b, c),
            ComponentKind::LambdaFunction => lambda_function::export(b, c),
            ComponentKind::EcsCluster => ecs_cluster::export(b, c),
            ComponentKind::EcsService => ecs_service::export(b, c),
            ComponentKind::EksCluster => eks_cluster::export(b, c),
            ComponentKind::EcrRepository => ecr_repository::export(b, c),
            ComponentKind::AppMesh => app_mesh::export(b, c),
            ComponentKind::StepFunctionsStateMachine => step_functions_state_machine::export(b, c),
            _ => {}
        }
    }
}
