//! ZT-LIFE-001: the design uses App Mesh, which reaches end of support on 2026-09-30.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags every `app_mesh` component.
    ///
    /// ## Why it matters
    /// AWS App Mesh reaches end of support on 2026-09-30: no security fixes after that date,
    /// and the mesh's mTLS and authorisation between services go with it.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: mesh, kind: app_mesh, name: Services mesh, segment: prod-region}
    /// ```
    ///
    /// ## What to do instead
    /// AWS closed App Mesh to new customers; move service-to-service traffic to Amazon ECS
    /// Service Connect (for ECS) or Amazon VPC Lattice (across compute types and accounts, with
    /// IAM auth policies). For ECS in the design:
    ///
    /// 1. Give the ECS cluster a namespace: `service_connect_namespace: orders.internal`. TLS
    ///    between its services, with certificates from an AWS Private CA the export creates, is
    ///    on unless `service_connect_tls: false`.
    /// 2. Export and deploy: every ECS service of the cluster joins the namespace and publishes
    ///    the ports its flows reach, each under the service's id.
    /// 3. Point the callers at the Service Connect names (`http://<service-id>:<port>`) instead
    ///    of the mesh's virtual services, one service at a time.
    /// 4. Remove the `app_mesh` component, then the Envoy sidecars and the mesh's virtual
    ///    nodes, routers and services.
    ///
    /// Service Connect TLS encrypts and authenticates the called service, not the caller: keep
    /// `auth: mtls`, `auth: iam` or `auth: jwt` on the flows for caller authentication (the
    /// east-west rules judge it). The whole migration:
    /// [Moving a design from App Mesh to ECS Service Connect](../migrate-app-mesh-to-service-connect.md).
    code: "ZT-LIFE-001",
    name: "app-mesh-end-of-support",
    title: "App Mesh reaches end of support on 2026-09-30",
    family: Lifecycle,
    severity: Medium,
    tenets: [T5],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in cx
        .design
        .components
        .iter()
        .filter(|c| c.kind == ComponentKind::AppMesh)
    {
        out.evaluate(&component.id);
        out.report(
            format!(
                "{} uses AWS App Mesh, which reaches end of support on 2026-09-30",
                cx.label(&component.id)
            ),
            &[&component.id],
            "Migrate to Amazon ECS Service Connect: set `service_connect_namespace` on the ECS cluster (TLS from a private CA is on by default), move callers to the Service Connect names, then remove the mesh. Use Amazon VPC Lattice for traffic across compute types and accounts.",
        );
    }
}
