//! Rule documentation, generated from each rule's doc comment: the text of `zta rule CODE` and
//! `zta rules`, and the Markdown pages of `docs/rules/`.

use std::fmt::Write;

use crate::catalog;
use crate::rule::{Family, RuleMeta};

/// One rule as `zta rule CODE` prints it: a heading with its tags, then its documentation.
pub fn rule_text(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", meta.code, meta.title);
    let _ = writeln!(
        out,
        "family: {} · severity: {} · NIST SP 800-207: {} · CISA ZTMM: {}",
        meta.family.title(),
        meta.severity,
        tenet_list(meta),
        meta.pillar.title()
    );
    let _ = writeln!(out);
    out.push_str(&meta.documentation());
    out
}

/// The catalog as a table for people: code, severity, pillar, title.
pub fn rules_text() -> String {
    let mut out = String::new();
    for family in Family::ALL {
        let _ = writeln!(out, "{}", family.title());
        for meta in catalog().into_iter().filter(|meta| meta.family == family) {
            let _ = writeln!(
                out,
                "  {:<13} {:<8} {:<12} {}",
                meta.code,
                meta.severity.as_str(),
                meta.pillar.id(),
                meta.title
            );
        }
    }
    out
}

/// One rule's page in `docs/rules/CODE.md`.
pub fn rule_markdown(meta: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", meta.code, meta.title);
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Name | `{}` |", meta.name);
    let _ = writeln!(out, "| Family | {} |", meta.family.title());
    let _ = writeln!(out, "| Severity | {} |", meta.severity);
    let _ = writeln!(out, "| NIST SP 800-207 tenets | {} |", tenet_list(meta));
    let _ = writeln!(out, "| CISA ZTMM pillar | {} |", meta.pillar.title());
    let _ = writeln!(out);
    out.push_str(&meta.documentation());
    out
}

/// The index page `docs/rules/README.md`: every rule, by family, linking its page.
pub fn rules_index_markdown() -> String {
    let mut out = String::from(
        "# Rules\n\nGenerated from the rules' doc comments by `cargo test -p zta-rules` \
         (set `UPDATE_DOCS=1` to rewrite); do not edit by hand.\n",
    );
    for family in Family::ALL {
        let _ = writeln!(out, "\n## {} (`{}-*`)\n", family.title(), family.prefix());
        let _ = writeln!(
            out,
            "| Code | Title | Severity | Tenets | Pillar |\n|---|---|---|---|---|"
        );
        for meta in catalog().into_iter().filter(|meta| meta.family == family) {
            let _ = writeln!(
                out,
                "| [{code}]({code}.md) | {} | {} | {} | {} |",
                meta.title,
                meta.severity,
                tenet_list(meta),
                meta.pillar.id(),
                code = meta.code,
            );
        }
    }
    out
}

fn tenet_list(meta: &RuleMeta) -> String {
    meta.tenets
        .iter()
        .map(|tenet| tenet.id())
        .collect::<Vec<_>>()
        .join(", ")
}
