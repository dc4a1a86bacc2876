//! Data-class propagation and PCI DSS scope.
//!
//! A component handles the classes it stores and the classes of every flow that starts, ends or
//! passes through it. The cardholder data environment (CDE) is every component that stores,
//! processes or transmits cardholder data; the connected-to systems are those that exchange a
//! flow with the CDE or provide it a security service (its encryption key, its certificate, its
//! WAF), which PCI DSS also keeps in scope.

use std::collections::{BTreeSet, HashMap};

use serde::Serialize;
use zta_model::{DataClass, Design};

use crate::context::Index;

/// How a component takes part in the cardholder data environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CdeRole {
    /// It stores cardholder data.
    Stores,
    /// It sends or receives flows carrying cardholder data.
    Processes,
    /// Flows carrying cardholder data pass through it.
    Transmits,
}

/// A component of the CDE and its roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CdeMember {
    /// The component.
    pub id: String,
    /// Its roles, in order.
    pub roles: Vec<CdeRole>,
}

/// A component connected to the CDE and what connects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectedMember {
    /// The component.
    pub id: String,
    /// The flows or CDE components that bring it into scope.
    pub because_of: Vec<String>,
}

/// Data classes per component and the PCI scope.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DataScope {
    /// The CDE, in design order.
    pub cde: Vec<CdeMember>,
    /// The connected-to and security-impacting components, in design order.
    pub connected: Vec<ConnectedMember>,
    #[serde(skip)]
    handled: HashMap<String, BTreeSet<DataClass>>,
    #[serde(skip)]
    scope: HashMap<String, bool>,
}

impl DataScope {
    /// Computes classes handled and the PCI scope.
    pub fn compute(design: &Design, index: &Index<'_>) -> Self {
        let mut handled: HashMap<String, BTreeSet<DataClass>> = HashMap::new();
        let mut roles: HashMap<&str, BTreeSet<CdeRole>> = HashMap::new();
        for component in &design.components {
            if !component.stores.is_empty() {
                handled
                    .entry(component.id.clone())
                    .or_default()
                    .extend(component.stores.iter().copied());
            }
            if component.stores.contains(&DataClass::Cardholder) {
                roles
                    .entry(&component.id)
                    .or_default()
                    .insert(CdeRole::Stores);
            }
        }
        for flow in &design.flows {
            let cardholder = flow.data.contains(&DataClass::Cardholder);
            for (end, role) in [
                (flow.source.as_str(), CdeRole::Processes),
                (flow.target.as_str(), CdeRole::Processes),
            ]
            .into_iter()
            .chain(
                flow.via
                    .iter()
                    .map(|via| (via.as_str(), CdeRole::Transmits)),
            ) {
                if index.component(end).is_none() {
                    continue;
                }
                handled
                    .entry(end.to_string())
                    .or_default()
                    .extend(flow.data.iter().copied());
                if cardholder {
                    roles.entry(end).or_default().insert(role);
                }
            }
        }

        let cde: Vec<CdeMember> = design
            .components
            .iter()
            .filter_map(|component| {
                roles.get(component.id.as_str()).map(|roles| CdeMember {
                    id: component.id.clone(),
                    roles: roles.iter().copied().collect(),
                })
            })
            .collect();

        let mut reasons: HashMap<&str, Vec<String>> = HashMap::new();
        let in_cde = |id: &str| roles.contains_key(id);
        for flow in &design.flows {
            for (this, other) in [(&flow.source, &flow.target), (&flow.target, &flow.source)] {
                if in_cde(other) && !in_cde(this) && index.component(this).is_some() {
                    reasons.entry(this).or_default().push(flow.id.clone());
                }
            }
        }
        for member in &cde {
            let Some(component) = index.component(&member.id) else {
                continue;
            };
            let guards = index
                .wafs_of(&component.id)
                .iter()
                .chain(index.shields_of(&component.id))
                .map(|guard| guard.id.as_str());
            let services = component
                .encryption_key
                .as_deref()
                .into_iter()
                .chain(component.properties.certificate.as_deref())
                .chain(guards);
            for service in services {
                if !in_cde(service) && index.component(service).is_some() {
                    reasons.entry(service).or_default().push(member.id.clone());
                }
            }
        }
        let connected: Vec<ConnectedMember> = design
            .components
            .iter()
            .filter_map(|component| {
                reasons.get(component.id.as_str()).map(|because| {
                    let mut because_of = because.clone();
                    because_of.dedup();
                    ConnectedMember {
                        id: component.id.clone(),
                        because_of,
                    }
                })
            })
            .collect();
        let scope = cde
            .iter()
            .map(|member| (member.id.clone(), true))
            .chain(
                connected
                    .iter()
                    .map(|member: &ConnectedMember| (member.id.clone(), false)),
            )
            .collect();
        DataScope {
            cde,
            connected,
            handled,
            scope,
        }
    }

    /// The classes of data a component stores, processes or transmits, least sensitive first.
    pub fn classes_of(&self, id: &str) -> impl Iterator<Item = DataClass> + '_ {
        self.handled.get(id).into_iter().flatten().copied()
    }

    /// Whether a component is in the CDE.
    pub fn in_cde(&self, id: &str) -> bool {
        self.scope.get(id) == Some(&true)
    }

    /// Whether a component is in PCI scope (in the CDE or connected to it).
    pub fn in_pci_scope(&self, id: &str) -> bool {
        self.scope.contains_key(id)
    }
}
