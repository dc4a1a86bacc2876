//! ZT-DATA-014: a carried output exposes an access key's secret.

use serde_json::Value;

use crate::carried;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags outputs in the design's `carried_cloudformation` whose value reads the
    /// `SecretAccessKey` attribute of an access key (`Fn::GetAtt`, or `${Key.SecretAccessKey}`
    /// in `Fn::Sub`). The finding names the output and the access key by their logical ids.
    ///
    /// ## Why it matters
    /// Stack outputs are plain text to anyone who may describe the stack, kept in the stack's
    /// history and often exported to other stacks: the secret of a long-lived access key there
    /// is a credential handed to every reader, valid until someone rotates it by hand.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Outputs:
    ///     DeployerSecret:
    ///       Value: {Fn::GetAtt: [DeployerKey, SecretAccessKey]}
    /// ```
    ///
    /// ## What to do instead
    /// Remove the output; store the secret in Secrets Manager (a secret whose `SecretString`
    /// reads the attribute) and grant read access to it, or better, replace the access key
    /// with a role that the workload assumes.
    code: "ZT-DATA-014",
    name: "carried-secret-key-output",
    title: "Carried output exposes an access key's secret",
    family: DataProtection,
    severity: Critical,
    tenets: [T6],
    pillar: Identity,
    check: check,
}

const ATTRIBUTE: &str = "SecretAccessKey";

fn check(cx: &Context<'_>, out: &mut Emitter) {
    for (logical_id, value) in carried::outputs(cx.design) {
        out.evaluate(&carried::subject("Outputs", logical_id));
        let mut keys = Vec::new();
        secret_key_reads(value, &mut keys);
        keys.dedup();
        for key in keys {
            out.report_carried(
                format!(
                    "Carried output `{logical_id}` exposes the secret access key of `{key}`"
                ),
                &carried::subject("Outputs", logical_id),
                format!(
                    "Remove output `{logical_id}` from carried_cloudformation; keep the secret of `{key}` in Secrets Manager, or replace the key with a role."
                ),
            );
        }
    }
}

/// Collects the logical ids whose `SecretAccessKey` a value reads.
fn secret_key_reads(value: &Value, keys: &mut Vec<String>) {
    if let Some(argument) = carried::intrinsic(value, "Fn::GetAtt") {
        let read = match argument {
            Value::Array(parts) => match parts.as_slice() {
                [Value::String(resource), Value::String(attribute)] if attribute == ATTRIBUTE => {
                    Some(resource.clone())
                }
                _ => None,
            },
            Value::String(dotted) => dotted
                .split_once('.')
                .filter(|(_, attribute)| *attribute == ATTRIBUTE)
                .map(|(resource, _)| resource.to_owned()),
            _ => None,
        };
        keys.extend(read);
        return;
    }
    if let Some(argument) = carried::intrinsic(value, "Fn::Sub") {
        let template = match argument {
            Value::Array(parts) => parts.first().and_then(Value::as_str),
            other => other.as_str(),
        };
        let suffix = format!(".{ATTRIBUTE}}}");
        for variable in template.unwrap_or_default().split("${").skip(1) {
            if let Some(end) = variable.find('}')
                && variable[..=end].ends_with(&suffix)
            {
                keys.push(variable[..end - ATTRIBUTE.len() - 1].to_owned());
            }
        }
    }
    match value {
        Value::Array(items) => items.iter().for_each(|item| secret_key_reads(item, keys)),
        Value::Object(object) => object
            .values()
            .for_each(|inner| secret_key_reads(inner, keys)),
        _ => {}
    }
}
