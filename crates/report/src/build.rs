//! Building the report model from a design, its validation and the chosen frameworks.
//!
//! This is where the report's content is decided (what is a top risk, which controls a
//! finding bears on, which elements carry markers); the renderers only present it.

use std::collections::{BTreeMap, HashMap};

use sha2::{Digest, Sha256};
use zta_compliance::{
    Catalog, DesignFacts, FindingRecord, Framework, Mapping, RuleDescriptor, Severity,
    SeverityCounts, assess, score,
};
use zta_model::{ActorKind, DataClass, Design, RoutePoint, SegmentKind, Tier};

use crate::input::{ReportOptions, Validation};
use crate::model::{
    Architecture, CanvasPlacement, ControlRefs, ElementRef, FindingEntry, FlowEntry, Meta,
    MethodSection, NodeEntry, NodeRole, PciScope, PlacedBox, PlacedRoute, Report, RuleEntry,
    ScopeEntry, SegmentEntry, ServiceProviderEntry, Summary,
};

/// How many open findings the executive summary names as top risks.
const TOP_RISKS: usize = 5;

/// Builds the report on `design`, whose file bytes were `design_file`, from its
/// validation.
pub fn build(
    design: &Design,
    design_file: &[u8],
    validation: &Validation,
    options: &ReportOptions,
) -> Report {
    let rules: Vec<RuleDescriptor> = validation
        .rules
        .iter()
        .map(|rule| rule.descriptor.clone())
        .collect();
    let records: Vec<FindingRecord> = validation
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| FindingRecord {
            reference: format!("F-{:03}", index + 1),
            rule: finding.rule.clone(),
            severity: finding.severity,
            message: finding.message.clone(),
            elements: finding.elements.clone(),
            accepted_risk: finding.accepted_risk.clone(),
        })
        .collect();
    let facts = design_facts(design);
    let compliance: Vec<_> = options
        .frameworks
        .iter()
        .map(|&framework| assess(framework, &rules, &records, &facts))
        .collect();
    let zero_trust = score(&rules, &records);

    let names = element_names(design);
    let logical_id = |id: &str| options.logical_ids.get(id).cloned();
    let controls_of = |rule: &str| -> Vec<ControlRefs> {
        options
            .frameworks
            .iter()
            .filter_map(|&framework| {
                let controls = Mapping::of(framework).controls_of(rule);
                (!controls.is_empty()).then(|| ControlRefs {
                    framework: framework.name().to_string(),
                    controls: controls.into_iter().map(str::to_string).collect(),
                })
            })
            .collect()
    };
    let title_of = |code: &str| {
        validation
            .rules
            .iter()
            .find(|rule| rule.descriptor.code == code)
            .map_or_else(|| code.to_string(), |rule| rule.descriptor.title.clone())
    };
    let descriptor_of = |code: &str| rules.iter().find(|rule| rule.code == code);

    let mut findings: Vec<FindingEntry> = validation
        .findings
        .iter()
        .zip(&records)
        .map(|(finding, record)| {
            let descriptor = descriptor_of(&finding.rule);
            FindingEntry {
                reference: record.reference.clone(),
                rule: finding.rule.clone(),
                title: title_of(&finding.rule),
                severity: finding.severity,
                message: finding.message.clone(),
                tenets: descriptor
                    .map(|rule| rule.tenets.clone())
                    .unwrap_or_default(),
                pillars: descriptor
                    .map(|rule| rule.pillars.clone())
                    .unwrap_or_default(),
                controls: controls_of(&finding.rule),
                elements: finding
                    .elements
                    .iter()
                    .map(|id| ElementRef {
                        id: id.clone(),
                        name: names
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| id.clone()),
                        logical_id: logical_id(id),
                    })
                    .collect(),
                path: finding
                    .path
                    .iter()
                    .map(|id| {
                        names
                            .get(id.as_str())
                            .cloned()
                            .unwrap_or_else(|| id.clone())
                    })
                    .collect(),
                remediation: finding.remediation.clone(),
                accepted_risk: finding.accepted_risk.clone(),
            }
        })
        .collect();
    // Most severe first; the engine's order (stable) within a severity.
    findings.sort_by_key(|finding| std::cmp::Reverse(finding.severity));

    let mut open_findings = SeverityCounts::default();
    let mut worst: HashMap<&str, (Severity, usize)> = HashMap::new();
    for finding in validation
        .findings
        .iter()
        .filter(|finding| finding.accepted_risk.is_none())
    {
        open_findings.add(finding.severity);
        for element in &finding.elements {
            let entry = worst
                .entry(element.as_str())
                .or_insert((finding.severity, 0));
            entry.0 = entry.0.max(finding.severity);
            entry.1 += 1;
        }
    }
    let top_risks = findings
        .iter()
        .filter(|finding| finding.accepted_risk.is_none())
        .filter(|finding| finding.severity >= Severity::High)
        .take(TOP_RISKS)
        .map(|finding| {
            format!(
                "{} ({} {}): {}",
                finding.message,
                finding.severity.as_str(),
                finding.rule,
                finding.remediation
            )
        })
        .collect();

    let architecture = architecture(design, &worst, &logical_id);
    let scope_entry = |(id, reason): &(String, String)| {
        let node = architecture.nodes.iter().find(|node| &node.id == id);
        ScopeEntry {
            id: id.clone(),
            name: node.map_or_else(|| id.clone(), |node| node.name.clone()),
            kind: node.map_or_else(String::new, |node| node.kind.clone()),
            reason: reason.clone(),
        }
    };
    let pci_scope = PciScope {
        cde: validation.pci_scope.cde.iter().map(scope_entry).collect(),
        connected: validation
            .pci_scope
            .connected
            .iter()
            .map(scope_entry)
            .collect(),
        service_providers: service_providers(design),
    };

    let catalog_rules = validation
        .rules
        .iter()
        .map(|rule| RuleEntry {
            code: rule.descriptor.code.clone(),
            title: rule.descriptor.title.clone(),
            severity: rule.descriptor.severity,
            tenets: rule.descriptor.tenets.clone(),
            pillars: rule.descriptor.pillars.clone(),
            controls: Framework::ASSESSABLE
                .iter()
                .filter_map(|&framework| {
                    let controls = Mapping::of(framework).controls_of(&rule.descriptor.code);
                    (!controls.is_empty()).then(|| ControlRefs {
                        framework: framework.name().to_string(),
                        controls: controls.into_iter().map(str::to_string).collect(),
                    })
                })
                .collect(),
        })
        .collect();

    Report {
        meta: Meta {
            title: "Zero-trust design report".to_string(),
            design_name: design.name.clone(),
            design_version: design.version.clone(),
            design_description: design.description.clone(),
            date: options.date.clone(),
            design_sha256: sha256_hex(design_file),
            generator: options.generator.clone(),
            frameworks: options
                .frameworks
                .iter()
                .map(|&framework| Catalog::of(framework).label())
                .collect(),
        },
        summary: Summary {
            open_findings,
            accepted_risks: validation
                .findings
                .iter()
                .filter(|finding| finding.accepted_risk.is_some())
                .count(),
            pci_cde_size: pci_scope.cde.len(),
            pci_connected_size: pci_scope.connected.len(),
            top_risks,
            coverage: validation.coverage.clone(),
        },
        zero_trust,
        architecture,
        findings,
        compliance,
        pci_scope,
        export: options.export.clone(),
        rules: catalog_rules,
        method: method(),
    }
}

/// The outside parties (partner and external-system actors) that flows send cardholder data
/// to, in design order, with their service-provider listing: the list PCI DSS 12.8.1 asks
/// for, as far as the design shows it.
fn service_providers(design: &Design) -> Vec<ServiceProviderEntry> {
    design
        .actors
        .iter()
        .filter(|actor| matches!(actor.kind, ActorKind::Partner | ActorKind::ExternalSystem))
        .filter_map(|actor| {
            let flows: Vec<String> = design
                .flows
                .iter()
                .filter(|flow| {
                    flow.target == actor.id && flow.data.contains(&DataClass::Cardholder)
                })
                .map(|flow| flow.id.clone())
                .collect();
            (!flows.is_empty()).then(|| ServiceProviderEntry {
                id: actor.id.clone(),
                name: actor.name.clone(),
                listed: actor.service_provider.is_some(),
                services: actor
                    .service_provider
                    .as_ref()
                    .map(|provider| provider.services.clone())
                    .unwrap_or_default(),
                agreement: actor
                    .service_provider
                    .as_ref()
                    .and_then(|provider| provider.agreement.clone()),
                flows,
            })
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

fn design_facts(design: &Design) -> DesignFacts {
    let carries = |class: DataClass| {
        design
            .components
            .iter()
            .any(|component| component.stores.contains(&class))
            || design.flows.iter().any(|flow| flow.data.contains(&class))
    };
    DesignFacts {
        handles_cardholder_data: carries(DataClass::Cardholder),
        // Cardholder data names a person, so it is personal data under GDPR as well.
        handles_personal_data: carries(DataClass::Pii) || carries(DataClass::Cardholder),
        segment_count: design.segments.len(),
        component_count: design.components.len(),
        identity_count: design.identities.len(),
        flow_count: design.flows.len(),
    }
}

fn element_names(design: &Design) -> HashMap<&str, String> {
    let mut names = HashMap::new();
    for segment in &design.segments {
        names.insert(segment.id.as_str(), segment.name.clone());
    }
    for component in &design.components {
        names.insert(component.id.as_str(), component.name.clone());
    }
    for identity in &design.identities {
        names.insert(identity.id.as_str(), identity.name.clone());
    }
    for actor in &design.actors {
        names.insert(actor.id.as_str(), actor.name.clone());
    }
    for flow in &design.flows {
        let name = flow.name.clone().unwrap_or_else(|| {
            let source = names
                .get(flow.source.as_str())
                .cloned()
                .unwrap_or_else(|| flow.source.clone());
            let target = names
                .get(flow.target.as_str())
                .cloned()
                .unwrap_or_else(|| flow.target.clone());
            format!("{source} → {target}")
        });
        names.insert(flow.id.as_str(), name);
    }
    names
}

fn words(name: &str) -> String {
    name.replace('_', " ")
}

fn architecture(
    design: &Design,
    worst: &HashMap<&str, (Severity, usize)>,
    logical_id: &dyn Fn(&str) -> Option<String>,
) -> Architecture {
    let segments = design
        .segments
        .iter()
        .map(|segment| {
            let mut kind = match segment.kind {
                SegmentKind::Vpc => "VPC".to_string(),
                other => words(other.as_str()),
            };
            if let Some(tier) = segment.tier {
                let tier = serde_json::to_value(tier)
                    .ok()
                    .and_then(|value| value.as_str().map(str::to_string));
                if let Some(tier) = tier {
                    kind.push_str(" · ");
                    kind.push_str(&tier);
                }
            }
            if let Some(cidr) = &segment.cidr {
                kind.push_str(" · ");
                kind.push_str(cidr);
            }
            SegmentEntry {
                id: segment.id.clone(),
                name: segment.name.clone(),
                kind,
                parent: segment.parent.clone(),
            }
        })
        .collect();
    let marker = |id: &str| worst.get(id).copied();
    let mut nodes: Vec<NodeEntry> = Vec::new();
    for actor in &design.actors {
        let found = marker(&actor.id);
        nodes.push(NodeEntry {
            id: actor.id.clone(),
            name: actor.name.clone(),
            role: NodeRole::Actor,
            kind: words(actor.kind.as_str()),
            segment: actor.zone.clone(),
            data: Vec::new(),
            logical_id: None,
            worst_finding: found.map(|(severity, _)| severity),
            finding_count: found.map_or(0, |(_, count)| count),
        });
    }
    for component in &design.components {
        let found = marker(&component.id);
        nodes.push(NodeEntry {
            id: component.id.clone(),
            name: component.name.clone(),
            role: NodeRole::Component,
            kind: component.kind.info().label.to_string(),
            segment: Some(component.segment.clone()),
            data: component
                .stores
                .iter()
                .map(|class| class.as_str().to_string())
                .collect(),
            logical_id: logical_id(&component.id),
            worst_finding: found.map(|(severity, _)| severity),
            finding_count: found.map_or(0, |(_, count)| count),
        });
    }
    for identity in &design.identities {
        let found = marker(&identity.id);
        nodes.push(NodeEntry {
            id: identity.id.clone(),
            name: identity.name.clone(),
            role: NodeRole::Identity,
            kind: words(identity.kind.as_str()),
            segment: None,
            data: Vec::new(),
            logical_id: logical_id(&identity.id),
            worst_finding: found.map(|(severity, _)| severity),
            finding_count: found.map_or(0, |(_, count)| count),
        });
    }
    let flows = design
        .flows
        .iter()
        .map(|flow| FlowEntry {
            id: flow.id.clone(),
            source: flow.source.clone(),
            target: flow.target.clone(),
            label: flow.label(),
            tls: serde_json::to_value(flow.tls)
                .ok()
                .and_then(|value| value.as_str().map(str::to_string))
                .map_or_else(String::new, |tls| {
                    if tls == "none" {
                        tls
                    } else {
                        format!("TLS {tls}")
                    }
                }),
            auth: flow.auth.label().unwrap_or("none").to_string(),
            data: flow
                .data
                .iter()
                .map(|class| class.as_str().to_string())
                .collect(),
            encrypted: flow.is_encrypted(),
        })
        .collect();
    Architecture {
        segments,
        nodes,
        flows,
        canvas: canvas_placement(design),
    }
}

/// The size the canvas draws components, identities and actors at (ui/src/canvas/geometry.ts);
/// segments carry their own size in the layout.
const CANVAS_NODE: (f64, f64) = (168.0, 60.0);

/// The absolute rectangles of the elements the layout places, adding up the parents' offsets
/// as the canvas does. An element with no box, or inside a segment with none, is left out.
fn canvas_placement(design: &Design) -> CanvasPlacement {
    // The parent segment whose node holds the element's node on the canvas (ui/src/model/edit.ts).
    let parent_of = |id: &str| -> Option<&str> {
        let parent = if let Some(segment) = design.segments.iter().find(|s| s.id == id) {
            segment.parent.as_deref()
        } else if let Some(component) = design.components.iter().find(|c| c.id == id) {
            Some(component.segment.as_str())
        } else if let Some(actor) = design.actors.iter().find(|a| a.id == id) {
            actor.zone.as_deref()
        } else {
            design
                .identities
                .iter()
                .find(|i| i.id == id)
                .and_then(|identity| identity.account.as_deref())
        };
        parent.filter(|parent| design.segments.iter().any(|s| s.id == *parent))
    };
    let absolute = |id: &str| -> Option<(f64, f64)> {
        let (mut x, mut y) = (0.0, 0.0);
        let mut current = Some(id);
        let mut depth = 0;
        while let Some(at) = current {
            let node = design.layout.nodes.get(at)?;
            x += node.x;
            y += node.y;
            current = parent_of(at);
            depth += 1;
            if depth > 64 {
                return None;
            }
        }
        Some((x, y))
    };
    let mut placement = CanvasPlacement::default();
    let leaves = design
        .components
        .iter()
        .map(|c| c.id.as_str())
        .chain(design.identities.iter().map(|i| i.id.as_str()))
        .chain(design.actors.iter().map(|a| a.id.as_str()));
    let sized = design
        .segments
        .iter()
        .map(|s| (s.id.as_str(), None))
        .chain(leaves.map(|id| (id, Some(CANVAS_NODE))));
    for (id, size) in sized {
        let (Some((x, y)), Some(node)) = (absolute(id), design.layout.nodes.get(id)) else {
            continue;
        };
        let (width, height) =
            size.unwrap_or((node.width.unwrap_or(240.0), node.height.unwrap_or(180.0)));
        placement.boxes.insert(
            id.to_string(),
            PlacedBox {
                x: x.round() as i32,
                y: y.round() as i32,
                width: width.round() as i32,
                height: height.round() as i32,
            },
        );
    }
    let icons = design
        .segments
        .iter()
        .map(|segment| {
            let key = match (segment.kind, segment.tier) {
                (SegmentKind::Subnet, tier) => {
                    format!("subnet:{}", tier.unwrap_or(Tier::Private).as_str())
                }
                (kind, _) => format!("segment:{}", kind.as_str()),
            };
            (segment.id.clone(), key)
        })
        .chain(design.components.iter().map(|component| {
            (
                component.id.clone(),
                format!("component:{}", component.kind.as_str()),
            )
        }))
        .chain(design.identities.iter().map(|identity| {
            (
                identity.id.clone(),
                format!("identity:{}", identity.kind.as_str()),
            )
        }))
        .chain(
            design
                .actors
                .iter()
                .map(|actor| (actor.id.clone(), format!("actor:{}", actor.kind.as_str()))),
        );
    placement.icons.extend(icons);
    let pixel = |point: &RoutePoint| (point.x.round() as i32, point.y.round() as i32);
    for (flow, route) in &design.layout.routes {
        placement.routes.insert(
            flow.clone(),
            PlacedRoute {
                points: route.points.iter().map(pixel).collect(),
                label: route.label.as_ref().map(pixel),
            },
        );
    }
    placement
}

fn method() -> Vec<MethodSection> {
    let section = |title: &str, paragraphs: &[&str]| MethodSection {
        title: title.to_string(),
        paragraphs: paragraphs
            .iter()
            .map(|paragraph| (*paragraph).to_string())
            .collect(),
    };
    let mut catalogs: BTreeMap<&str, String> = BTreeMap::new();
    for framework in Framework::ALL {
        let catalog = Catalog::of(framework);
        catalogs.insert(
            framework.name(),
            format!(
                "{} {} ({} controls, published {})",
                catalog.name,
                catalog.version,
                catalog.controls.len(),
                catalog.published
            ),
        );
    }
    let sources = format!(
        "Catalogs used: {}. Control titles are short paraphrases, not the standards' text; check the official documents before quoting a requirement.",
        catalogs.into_values().collect::<Vec<_>>().join("; ")
    );
    vec![
        section(
            "Validation",
            &[
                "The design file is validated by the rule engine: the design becomes a graph of components, identities, actors and the internet, joined by flows, containment and role assumption; shared analyses (internet exposure with the enforcement points on each path, data-class propagation and PCI scope, identity blast radius, segmentation) run once; then every rule runs over the design and those analyses. Validation never fails on a design; it returns findings.",
                "A finding may be suppressed on the element it concerns, with a reason. Suppressed findings stay in the report as accepted risks.",
            ],
        ),
        section("Compliance assessment", zta_compliance::assessment::METHOD),
        section("Zero-trust scoring", zta_compliance::scoring::METHOD),
        MethodSection {
            title: "Sources and limits".to_string(),
            paragraphs: vec![
                sources,
                "The report shows what the design enforces at design time. It is evidence for an assessment, not an assessment's conclusion: operating effectiveness, procedures and records are outside what a design can show, and are marked as requiring attestation.".to_string(),
            ],
        },
    ]
}
