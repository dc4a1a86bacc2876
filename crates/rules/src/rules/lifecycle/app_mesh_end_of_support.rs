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
    /// Move service-to-service traffic to Amazon ECS Service Connect (for ECS) or Amazon VPC
    /// Lattice (across compute types and accounts, with IAM auth policies).
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
            "Migrate to Amazon ECS Service Connect, or to Amazon VPC Lattice for traffic across compute types and accounts.",
        );
    }
}
