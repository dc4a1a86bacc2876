//! ZT-ID-012: a workload takes calls about personal or cardholder data without knowing who calls.

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;
use crate::rules::east_west::judge_calls;

declare_rule! {
    /// ## What it checks
    /// Flags calls from one workload to another (directly, or through an internal load
    /// balancer or API) with `auth: none`, where the call carries, or the called workload
    /// handles, personal (`pii`) or cardholder data. A call through a balancer passes when
    /// every flow into the balancer is authenticated.
    ///
    /// ## Why it matters
    /// Communication is secured whatever the network location (NIST SP 800-207
    /// tenets 2 and 6): a service that answers anyone who can reach it on the network hands
    /// the data it serves to whatever first compromises a neighbour. PCI DSS 8.3.1 and
    /// GDPR Article 32 expect access to this data to be authenticated.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: checkout-to-payments, source: checkout, target: payments, protocol: https, tls: '1.2', auth: none, data: [cardholder]}
    /// ```
    ///
    /// ## What to do instead
    /// Authenticate the caller: `auth: iam` (SigV4, for Lambda or through VPC Lattice with an
    /// IAM auth policy), `auth: mtls`, or `auth: jwt` with the token's `issuer`.
    code: "ZT-ID-012",
    name: "unauthenticated-regulated-call",
    title: "Workload handling personal or cardholder data accepts unauthenticated calls",
    family: Identity,
    severity: High,
    tenets: [T2, T6],
    pillar: Applications,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    judge_calls(cx, out, true);
}
