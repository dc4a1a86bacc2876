//! ZT-DATA-013: a carried resource holds a secret in plain text.

use serde_json::Value;

use crate::carried;
use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

declare_rule! {
    /// ## What it checks
    /// Flags resources in the design's `carried_cloudformation` whose properties set a secret
    /// (a property named like `Password`, `SecretString`, `AuthToken`, `PrivateKey`,
    /// `ClientSecret` or `PreSharedKey`) to text written in the template, or to a parameter
    /// without `NoEcho`, instead of a dynamic reference (`{{resolve:secretsmanager:...}}`,
    /// `{{resolve:ssm-secure:...}}`) or a `NoEcho` parameter; and carried `NoEcho` parameters
    /// with a `Default`, whose value is then written in the template for all to read; and SSM
    /// parameters whose name says they hold a secret (CloudFormation creates only `String` and
    /// `StringList` parameters, never `SecureString`). The finding names the resource or
    /// parameter by its logical id and the property, never the value. A resource counts as
    /// judged when it has a property named like a secret, and an SSM parameter always.
    ///
    /// ## Why it matters
    /// A template is copied into repositories, tickets and CloudFormation's own console, where
    /// anyone who can read the stack reads the secret; a secret written there is shared with
    /// all of them and is never rotated.
    ///
    /// ## Example
    /// ```yaml
    /// carried_cloudformation:
    ///   Resources:
    ///     Cache:
    ///       Type: AWS::ElastiCache::ReplicationGroup
    ///       Properties: {AuthToken: correct-horse-battery-staple}
    /// ```
    ///
    /// ## What to do instead
    /// Keep the secret in Secrets Manager and refer to it with
    /// `{{resolve:secretsmanager:name:SecretString:field}}`, let the service manage it
    /// (`ManageMasterUserPassword`, `GenerateSecretString`), or pass it as a `NoEcho` parameter.
    code: "ZT-DATA-013",
    name: "carried-plaintext-secret",
    title: "Carried resource holds a plaintext secret",
    family: DataProtection,
    severity: High,
    tenets: [T6],
    pillar: Data,
    check: check,
}

/// Endings of property names that hold a secret, compared in lower case.
const SECRET_NAME_ENDINGS: [&str; 9] = [
    "password",
    "secretstring",
    "authtoken",
    "secretaccesskey",
    "privatekey",
    "clientsecret",
    "apikey",
    "presharedkey",
    "sharedsecret",
];

fn check(cx: &Context<'_>, out: &mut Emitter) {
    no_echo_defaults(cx, out);
    for resource in carried::resources(cx.design) {
        if resource.resource_type == SSM_PARAMETER {
            judge_ssm_parameter(out, &resource);
            continue;
        }
        let Some(properties) = resource.properties else {
            continue;
        };
        let subject = carried::subject("Resources", resource.logical_id);
        let mut found = Vec::new();
        let mut has_secret = false;
        for (name, value) in properties {
            plaintext_secrets(cx, name, value, &mut found, &mut has_secret);
        }
        if has_secret {
            out.evaluate(&subject);
        }
        for (path, how) in found {
            out.report_carried(
                format!(
                    "Carried resource `{}` ({}) sets `{path}` to {how}",
                    resource.logical_id, resource.resource_type
                ),
                &subject,
                format!(
                    "Refer to the secret of `{}` with a dynamic reference to Secrets Manager, or pass it as a NoEcho parameter.",
                    resource.logical_id
                ),
            );
        }
    }
}

const SSM_PARAMETER: &str = "AWS::SSM::Parameter";

/// Judges an SSM parameter by its name (`Name`, else its logical id): one named like a secret
/// holds it in plain text, since CloudFormation cannot create a `SecureString` parameter.
fn judge_ssm_parameter(out: &mut Emitter, resource: &carried::CarriedResource<'_>) {
    let subject = carried::subject("Resources", resource.logical_id);
    out.evaluate(&subject);
    let name = resource
        .properties
        .and_then(|properties| properties.get("Name"))
        .and_then(carried::spelled)
        .unwrap_or_else(|| resource.logical_id.to_owned());
    let normalized: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let secret_like = SECRET_NAME_ENDINGS
        .iter()
        .chain(&["secret", "token"])
        .any(|ending| normalized.ends_with(ending));
    if secret_like {
        out.report_carried(
            format!(
                "Carried resource `{}` ({SSM_PARAMETER}) keeps `{name}`, named like a secret, as a plain-text parameter",
                resource.logical_id
            ),
            &subject,
            format!(
                "Keep the secret of `{}` in Secrets Manager, or create a SecureString parameter outside CloudFormation and refer to it with `{{{{resolve:ssm-secure:...}}}}`.",
                resource.logical_id
            ),
        );
    }
}

/// Flags carried `NoEcho` parameters that have a `Default`: CloudFormation hides what is
/// passed, but the default is written in the template itself.
fn no_echo_defaults(cx: &Context<'_>, out: &mut Emitter) {
    for (logical_id, parameter) in carried::parameters(cx.design) {
        let no_echo = parameter.get("NoEcho").and_then(carried::flag) == Some(true);
        if !no_echo {
            continue;
        }
        let subject = carried::subject("Parameters", logical_id);
        out.evaluate(&subject);
        let default = parameter.get("Default").and_then(Value::as_str);
        if default.is_some_and(|text| !text.is_empty()) {
            out.report_carried(
                format!(
                    "Carried parameter `{logical_id}` has NoEcho but a Default written in the template"
                ),
                &subject,
                format!(
                    "Remove the Default of `{logical_id}` and pass the value at deployment, or refer to Secrets Manager instead."
                ),
            );
        }
    }
}

/// Collects the secret properties under `name` (a property path) whose value is plain text,
/// and notes whether there is any property named like a secret.
fn plaintext_secrets(
    cx: &Context<'_>,
    name: &str,
    value: &Value,
    found: &mut Vec<(String, String)>,
    has_secret: &mut bool,
) {
    match value {
        Value::Object(object) if carried::intrinsic(value, "Fn::If").is_none() => {
            for (key, inner) in object {
                if !key.starts_with("Fn::") && key != "Ref" {
                    plaintext_secrets(cx, &format!("{name}.{key}"), inner, found, has_secret);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                plaintext_secrets(cx, &format!("{name}[{index}]"), item, found, has_secret);
            }
        }
        _ => {}
    }
    let field = name
        .rsplit(['.', '['])
        .next()
        .unwrap_or(name)
        .to_ascii_lowercase();
    if !SECRET_NAME_ENDINGS
        .iter()
        .any(|ending| field.ends_with(ending))
    {
        return;
    }
    *has_secret = true;
    if let Some(how) = exposure(cx, value) {
        found.push((name.to_owned(), how));
    }
}

/// How a secret's value is exposed, if it is: written in the template, or a parameter that
/// CloudFormation shows.
fn exposure(cx: &Context<'_>, value: &Value) -> Option<String> {
    if let Some(Value::Array(arguments)) = carried::intrinsic(value, "Fn::If") {
        return arguments
            .iter()
            .skip(1)
            .find_map(|branch| exposure(cx, branch));
    }
    if let Some(name) = carried::reference(value) {
        let parameter = carried::parameter(cx.design, name)?;
        let no_echo = match parameter.get("NoEcho") {
            Some(Value::Bool(flag)) => *flag,
            Some(Value::String(text)) => text.eq_ignore_ascii_case("true"),
            _ => false,
        };
        return (!no_echo).then(|| format!("parameter `{name}`, which has no NoEcho"));
    }
    // Only text counts: a flag such as `ManageMasterUserPassword: true` is no secret.
    if value.is_object()
        && carried::intrinsic(value, "Fn::Sub").is_none()
        && carried::intrinsic(value, "Fn::Join").is_none()
    {
        return None;
    }
    let text = carried::spelled(value)?;
    let literal = !text.is_empty()
        && !text.contains("{{resolve:")
        && !text.contains("${")
        && !matches!(text.to_ascii_lowercase().as_str(), "true" | "false");
    literal.then(|| "text written in the template".to_owned())
}
