//! What a rule is: its metadata (stable code, title, severity, zero-trust tags), its
//! documentation, and its check function.
//!
//! A rule's documentation is the doc comment of its declaration, written in fixed sections
//! ([`DOC_SECTIONS`]). The [`declare_rule!`] macro captures the comment as a string, so the one
//! text serves `zta rule CODE`, the JSON and SARIF help and the pages in `docs/rules/`; a test
//! fails when a rule lacks a section.

use serde::Serialize;

use crate::context::Context;
use crate::finding::Emitter;
use crate::{Pillar, Severity, Tenet};

/// The sections every rule's documentation has, in this order.
pub const DOC_SECTIONS: [&str; 4] = [
    "What it checks",
    "Why it matters",
    "Example",
    "What to do instead",
];

/// The families of rules; a rule's code starts with its family's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Who signs in and how: MFA, federation, sessions, authentication of every call.
    Identity,
    /// What identities may do: no wildcards, no admin on workloads, bounded blast radius.
    LeastPrivilege,
    /// Where things sit and who may talk to whom.
    Segmentation,
    /// Encryption in transit and at rest, and key management.
    Encryption,
    /// Logging, detection and alarms in every account.
    Monitoring,
    /// Scanning, patching and instance hygiene.
    Vulnerability,
    /// Protection of internet-facing endpoints.
    Edge,
    /// Protection of the data itself: public access, discovery, secrets, backups.
    DataProtection,
    /// Services and versions at or past their end of support.
    Lifecycle,
}

impl Family {
    /// Every family, in the order the catalog lists them.
    pub const ALL: [Family; 9] = [
        Family::Identity,
        Family::LeastPrivilege,
        Family::Segmentation,
        Family::Encryption,
        Family::Monitoring,
        Family::Vulnerability,
        Family::Edge,
        Family::DataProtection,
        Family::Lifecycle,
    ];

    /// The code prefix of the family's rules, e.g. `ZT-NET`.
    pub fn prefix(self) -> &'static str {
        match self {
            Family::Identity => "ZT-ID",
            Family::LeastPrivilege => "ZT-IAM",
            Family::Segmentation => "ZT-NET",
            Family::Encryption => "ZT-ENC",
            Family::Monitoring => "ZT-MON",
            Family::Vulnerability => "ZT-VUL",
            Family::Edge => "ZT-EDGE",
            Family::DataProtection => "ZT-DATA",
            Family::Lifecycle => "ZT-LIFE",
        }
    }

    /// The family's name for people.
    pub fn title(self) -> &'static str {
        match self {
            Family::Identity => "Identity",
            Family::LeastPrivilege => "Least privilege",
            Family::Segmentation => "Micro-segmentation",
            Family::Encryption => "Encryption",
            Family::Monitoring => "Monitoring",
            Family::Vulnerability => "Vulnerability management",
            Family::Edge => "Edge protection",
            Family::DataProtection => "Data protection",
            Family::Lifecycle => "Lifecycle",
        }
    }

    /// The family's name in files and JSON, e.g. `least_privilege`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Identity => "identity",
            Family::LeastPrivilege => "least_privilege",
            Family::Segmentation => "segmentation",
            Family::Encryption => "encryption",
            Family::Monitoring => "monitoring",
            Family::Vulnerability => "vulnerability",
            Family::Edge => "edge",
            Family::DataProtection => "data_protection",
            Family::Lifecycle => "lifecycle",
        }
    }
}

/// The public description of a rule: everything but its check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RuleMeta {
    /// The stable code, e.g. `ZT-NET-004`. Codes are never reused for another meaning.
    pub code: &'static str,
    /// A kebab-case name, e.g. `ssh-or-rdp-from-internet`.
    pub name: &'static str,
    /// The one-line title.
    pub title: &'static str,
    /// The family the code belongs to.
    pub family: Family,
    /// The severity of the rule's findings.
    pub severity: Severity,
    /// The NIST SP 800-207 tenets the rule serves.
    pub tenets: &'static [Tenet],
    /// The CISA ZTMM pillar or cross-cutting capability the rule serves.
    pub pillar: Pillar,
    /// The raw doc comment, one source line per line.
    #[serde(skip)]
    pub raw_doc: &'static str,
}

impl RuleMeta {
    /// The documentation as Markdown, with the doc comment's leading spaces removed.
    pub fn documentation(&self) -> String {
        let mut text = String::new();
        for line in self.raw_doc.lines() {
            text.push_str(line.strip_prefix(' ').unwrap_or(line));
            text.push('\n');
        }
        text.trim().to_string() + "\n"
    }

    /// The body of one documentation section (without its heading), if present and non-empty.
    pub fn section(&self, heading: &str) -> Option<String> {
        let documentation = self.documentation();
        let marker = format!("## {heading}");
        let mut lines = documentation.lines();
        lines.by_ref().find(|line| line.trim_end() == marker)?;
        let body: Vec<&str> = lines.take_while(|line| !line.starts_with("## ")).collect();
        let body = body.join("\n").trim().to_string();
        (!body.is_empty()).then_some(body)
    }

    /// The first paragraph of "What it checks": the short help of SARIF and listings.
    pub fn summary(&self) -> String {
        self.section(DOC_SECTIONS[0])
            .map(|body| {
                body.split("\n\n")
                    .next()
                    .unwrap_or_default()
                    .replace('\n', " ")
            })
            .unwrap_or_default()
    }
}

/// A rule: its metadata and the function that checks a design against it.
pub struct Rule {
    /// The rule's public description.
    pub meta: RuleMeta,
    /// Reports every violation in the design through the emitter.
    pub check: fn(&Context<'_>, &mut Emitter),
}

/// Declares a rule in its own file: the doc comment becomes the rule's documentation and the
/// fields its metadata; it defines `pub(crate) const RULE`.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        code: $code:literal,
        name: $name:literal,
        title: $title:literal,
        family: $family:ident,
        severity: $severity:ident,
        tenets: [$($tenet:ident),+ $(,)?],
        pillar: $pillar:ident,
        check: $check:path $(,)?
    ) => {
        $(#[doc = $doc])*
        pub(crate) const RULE: $crate::rule::Rule = $crate::rule::Rule {
            meta: $crate::rule::RuleMeta {
                code: $code,
                name: $name,
                title: $title,
                family: $crate::rule::Family::$family,
                severity: $crate::Severity::$severity,
                tenets: &[$($crate::Tenet::$tenet),+],
                pillar: $crate::Pillar::$pillar,
                raw_doc: concat!($($doc, "\n"),*),
            },
            check: $check,
        };
    };
}

pub(crate) use declare_rule;
