//! ZT-ID-013: a workload takes calls from other workloads without knowing who calls.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::east_west::judge_calls;

declare_rule! {
    /// ## What it checks
    /// Flags calls from one workload to another (directly, or through an internal load
    /// balancer or API) with `auth: none`, where neither the call nor the called workload
    /// involves personal or cardholder data (ZT-ID-012 judges those). A call through a
    /// balancer passes when every flow into the balancer is authenticated.
    ///
    /// ## Why it matters
    /// Zero trust grants nothing for being inside the network (NIST SP 800-207 tenets 2 and
    /// 6). An anonymous internal API lets any compromised workload act through it, and
    /// leaves no record of who did what.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: web-to-catalog, source: web, target: catalog, protocol: http, tls: none, auth: none, data: [internal]}
    /// ```
    ///
    /// ## What to do instead
    /// Authenticate the caller: `auth: iam` (SigV4, for Lambda or through VPC Lattice with an
    /// IAM auth policy), `auth: mtls`, or `auth: jwt` with the token's `issuer`.
    code: "ZT-ID-013",
    name: "unauthenticated-workload-call",
    title: "Workload accepts unauthenticated calls from other workloads",
    family: Identity,
    severity: Medium,
    tenets: [T2, T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge_calls(cx, out, false);
}
