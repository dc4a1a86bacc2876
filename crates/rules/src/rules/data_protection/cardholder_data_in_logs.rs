//! ZT-DATA-008: cardholder data flows into logs, queues or topics.

use zta_model::{ComponentKind, DataClass};

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags log groups, SQS queues and SNS topics that store cardholder data or receive a flow
    /// carrying it.
    ///
    /// ## Why it matters
    /// Card numbers in logs and messages spread the cardholder data environment to every
    /// reader of those logs and break PCI DSS 3.3 and 3.4 (no sensitive authentication data
    /// after authorisation, PAN unreadable wherever stored).
    ///
    /// ## Example
    /// ```yaml
    /// - {id: log-payments, source: payments, target: app-logs, protocol: aws_api, tls: '1.2', auth: iam, data: [cardholder]}
    /// ```
    ///
    /// ## What to do instead
    /// Mask or tokenise card data before logging or queueing it, and keep such stores out of
    /// the CDE.
    code: "ZT-DATA-008",
    name: "cardholder-data-in-logs",
    title: "Cardholder data in logs, queues or topics",
    family: DataProtection,
    severity: High,
    tenets: [T1],
    pillar: Data,
    check: check,
}

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for component in &cx.design.components {
        if !matches!(
            component.kind,
            ComponentKind::LogGroup | ComponentKind::SqsQueue | ComponentKind::SnsTopic
        ) {
            continue;
        }
        out.evaluate(&component.id);
        let flows: Vec<&str> = cx
            .index
            .flows_to(&component.id)
            .iter()
            .filter(|flow| flow.data.contains(&DataClass::Cardholder))
            .map(|flow| flow.id.as_str())
            .collect();
        if flows.is_empty() && !component.stores.contains(&DataClass::Cardholder) {
            continue;
        }
        let mut elements = vec![component.id.as_str()];
        elements.extend(&flows);
        out.report(
            format!(
                "{} ({}) receives cardholder data",
                cx.label(&component.id),
                component.kind.info().label
            ),
            &elements,
            "Mask or tokenise card data before it reaches logs, queues or topics.",
        );
    }
}
