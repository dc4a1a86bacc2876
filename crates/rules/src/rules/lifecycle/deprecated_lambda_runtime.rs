//! ZT-LIFE-002: a function uses a deprecated Lambda runtime.

use zta_model::ComponentKind;

use crate::context::Context;
use crate::finding::Emitter;
use crate::rule::declare_rule;

/// Runtimes whose Lambda deprecation date has passed.
const DEPRECATED: [&str; 17] = [
    "python2.7",
    "python3.6",
    "python3.7",
    "python3.8",
    "nodejs",
    "nodejs4.3",
    "nodejs6.10",
    "nodejs8.10",
    "nodejs10.x",
    "nodejs12.x",
    "nodejs14.x",
    "nodejs16.x",
    "java8",
    "dotnetcore3.1",
    "dotnet6",
    "ruby2.7",
    "go1.x",
];

declare_rule! {
    /// ## What it checks
    /// Flags Lambda functions whose `runtime` has passed its Lambda deprecation date (for
    /// example `python3.8`, `nodejs16.x`, `java8`, `go1.x`).
    ///
    /// ## Why it matters
    /// Deprecated runtimes get no security patches, and Lambda eventually blocks updates to
    /// functions that use them.
    ///
    /// ## Example
    /// ```yaml
    /// - {id: fn, kind: lambda_function, name: Report, segment: prod-region, properties: {runtime: python3.8}}
    /// ```
    ///
    /// ## What to do instead
    /// Move to a supported runtime such as `python3.13` or `nodejs22.x`.
    code: "ZT-LIFE-002",
    name: "deprecated-lambda-runtime",
    title: "Function uses a deprecated runtime",
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
        .filter(|c| c.kind == ComponentKind::LambdaFunction)
    {
        out.evaluate(&component.id);
        if let Some(runtime) = &component.properties.runtime
            && DEPRECATED.contains(&runtime.as_str())
        {
            out.report(
                format!(
                    "Function {} uses deprecated runtime `{runtime}`",
                    cx.label(&component.id)
                ),
                &[&component.id],
                "Move to a supported runtime.",
            );
        }
    }
}
