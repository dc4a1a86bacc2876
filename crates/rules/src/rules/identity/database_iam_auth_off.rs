//! ZT-ID-014: an RDS database, EFS file system, Neptune cluster or MSK cluster turns IAM
//! authentication off.

use zta_model::{Auth, ComponentKind};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags RDS databases, EFS file systems, Neptune clusters and MSK clusters with
    /// `iam_auth: false`. One that says nothing is exported with IAM authentication (IAM
    /// database authentication; a file system policy that admits only the IAM identities
    /// allowed to mount; SASL/IAM client authentication), so only the stated opt-out is a
    /// finding.
    ///
    /// ## Why it matters
    /// Without IAM authentication every client signs in with a database password: a
    /// long-lived shared secret that is copied into configuration, is not tied to the
    /// caller's workload identity, and leaves no per-caller record in CloudTrail. A file
    /// system without it lets every host that reaches a mount target mount it, whoever runs
    /// there, and a Neptune cluster without it answers every query that reaches its endpoint.
    /// A Kafka cluster without it takes SCRAM passwords, client certificates or anonymous
    /// clients, none tied to the caller's role. A flow drawn with `auth: iam` to a database that
    /// takes passwords cannot work as drawn.
    ///
    /// ## Example
    /// ```yaml
    /// - id: orders-db
    ///   kind: rds
    ///   name: Orders
    ///   segment: data-a
    ///   properties: {iam_auth: false}
    /// ```
    ///
    /// ## What to do instead
    /// Remove `iam_auth: false` and let workloads connect with IAM authentication tokens or
    /// mount with `-o tls,iam`, or sign their Neptune queries (`auth: iam` on their flows).
    code: "ZT-ID-014",
    name: "database-iam-auth-off",
    title: "Data store does not require IAM authentication",
    family: Identity,
    severity: Medium,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for database in cx.design.components.iter().filter(|component| {
        matches!(
            component.kind,
            ComponentKind::Rds
                | ComponentKind::EfsFileSystem
                | ComponentKind::NeptuneCluster
                | ComponentKind::MskCluster
        )
    }) {
        out.evaluate(&database.id);
        if database.properties.iam_auth != Some(false) {
            continue;
        }
        let drawn_with_iam: Vec<&str> = cx
            .index
            .flows_to(&database.id)
            .iter()
            .filter(|flow| flow.auth == Auth::Iam)
            .map(|flow| flow.id.as_str())
            .collect();
        // A file system or a Neptune cluster without IAM lets in whoever reaches it, password
        // or not: a client that signs its requests still reaches a store open to anyone, so
        // only the IAM flows to a database that takes passwords contradict the opt-out.
        let open_to_anyone = matches!(
            database.kind,
            ComponentKind::EfsFileSystem | ComponentKind::NeptuneCluster
        );
        let contradiction = if drawn_with_iam.is_empty() || open_to_anyone {
            String::new()
        } else {
            let (noun, verb) = if drawn_with_iam.len() == 1 {
                ("flow", "is")
            } else {
                ("flows", "are")
            };
            format!(
                "; {noun} {} {verb} drawn with `auth: iam`, which cannot sign in",
                drawn_with_iam
                    .iter()
                    .map(|id| format!("`{id}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let (accepts, fix) = if database.kind == ComponentKind::EfsFileSystem {
            (
                "lets every client that reaches a mount target mount it",
                "mount with `-o tls,iam`",
            )
        } else if database.kind == ComponentKind::NeptuneCluster {
            (
                "lets every client that reaches its endpoint query it",
                "sign queries with the callers' roles (`auth: iam`)",
            )
        } else if database.kind == ComponentKind::MskCluster {
            (
                "lets clients in without IAM (SCRAM passwords, certificates or none)",
                "sign clients in with SASL/IAM",
            )
        } else {
            (
                "accepts only password sign-in",
                "connect with IAM authentication tokens",
            )
        };
        let mut elements = vec![database.id.as_str()];
        if !open_to_anyone {
            elements.extend(&drawn_with_iam);
        }
        out.report(
            format!(
                "{} {accepts} (`iam_auth: false`){contradiction}",
                cx.label(&database.id)
            ),
            &elements,
            format!("Remove `iam_auth: false` from `{}` and {fix}.", database.id),
        );
    }
}
