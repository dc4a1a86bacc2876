//! The design marker an export of ZTA Designer writes into each template's Metadata, applied
//! after the resources are read: the accounts, regions and outside zones, the actors and flows,
//! and the elements no resource implements come back as the design had them, and the elements
//! the resources implement are placed in the account and region segments they sat in.

use std::collections::{HashMap, HashSet};

use super::Importer;
use crate::marker::{self, DesignMarker};

impl Importer<'_> {
    /// Whether a root output is carried: every output of a template that is not an export of
    /// ZTA Designer, and of one that is, those its design marker lists as carried.
    pub(crate) fn carries_output(&self, name: &str) -> bool {
        self.carried_outputs
            .as_ref()
            .is_none_or(|carried| carried.contains(name))
    }

    /// Adds the root template's design-marker segments (accounts, regions, outside zones)
    /// before the resources are read, so that readers can name them: a permission set's
    /// assignments name accounts.
    pub(crate) fn add_marker_segments(&mut self) {
        let Some(found) = marker::read_design_marker(&self.stacks[0].template.metadata) else {
            return;
        };
        if !found.segments.is_empty() {
            self.carried_outputs = Some(found.carried_outputs.into_iter().collect());
        }
        for segment in found.segments {
            if self.design.segment(&segment.id).is_none() {
                // Claimed, so that what the import makes up takes other ids.
                self.ids.claim(&segment.id);
                self.design.segments.push(segment);
            }
        }
    }

    /// Applies the root template's design marker, when it has one that names the design's
    /// segments (a template this tool exported).
    pub(crate) fn apply_design_marker(&mut self) {
        let Some(found) = marker::read_design_marker(&self.stacks[0].template.metadata) else {
            return;
        };
        if found.segments.is_empty() {
            return;
        }
        let DesignMarker {
            name,
            version,
            account,
            description,
            segments,
            components,
            identities,
            actors,
            flows,
            transfer_safeguards,
            placement,
            stated,
            carried_outputs: _,
        } = found;
        if self.options.design_name.is_none()
            && let Some(name) = name
        {
            self.design.name = name;
        }
        self.design.version = version;
        self.design.description = description;
        let placement: HashMap<String, String> = placement.into_iter().collect();
        let marked: HashSet<&str> = segments.iter().map(|s| s.id.as_str()).collect();
        // What the import made up for the account the template deploys into, and for the
        // internet, gives way to the design's own segments.
        let stand_in = self.account.clone();
        let target = account
            .filter(|id| marked.contains(id.as_str()))
            .unwrap_or_else(|| stand_in.clone());
        for segment in &mut self.design.segments {
            if let Some(parent) = placement.get(&segment.id) {
                segment.parent = Some(parent.clone());
            } else if segment.parent.as_deref() == Some(stand_in.as_str()) {
                segment.parent = Some(target.clone());
            }
        }
        for component in &mut self.design.components {
            if let Some(segment) = placement.get(&component.id) {
                component.segment = segment.clone();
            } else if component.segment == stand_in {
                component.segment = target.clone();
            }
        }
        for identity in &mut self.design.identities {
            identity.account = placement.get(&identity.id).cloned();
            // A trust of the deploying account, or a condition naming it, named the stand-in.
            for trust in &mut identity.trusts {
                if trust.kind == zta_model::PrincipalKind::Account && trust.id == stand_in {
                    trust.id = target.clone();
                }
                if let Some(conditions) = &mut trust.conditions
                    && conditions.source_account.as_deref() == Some(stand_in.as_str())
                {
                    conditions.source_account = Some(target.clone());
                }
            }
        }
        let stated: HashMap<String, serde_json::Value> = stated.into_iter().collect();
        // The marker's own segments are whole already.
        for segment in &mut self.design.segments {
            if marked.contains(segment.id.as_str()) {
                continue;
            }
            let fields = marker::segment_fields(segment.kind);
            restate(segment, stated.get(&segment.id), fields);
        }
        for component in &mut self.design.components {
            restate(component, stated.get(&component.id), &[]);
        }
        for identity in &mut self.design.identities {
            let manual = marker::manual_fields(identity.kind);
            restate(identity, stated.get(&identity.id), manual);
        }
        let made_up: Vec<String> = [Some(stand_in), self.internet.clone()]
            .into_iter()
            .flatten()
            .collect();
        // The zones outside AWS the import made up for the addresses of security-group rules
        // go too: the marker's flows replace the ones they stood for, and an address that is a
        // subnet of the design in another account's stack is no zone outside AWS.
        let implemented: HashSet<&String> = self.elements.values().collect();
        let outside_network = |segment: &zta_model::Segment| {
            segment.kind == zta_model::SegmentKind::OnPremises && !implemented.contains(&segment.id)
        };
        // The marker's own segments were added before the resources were read.
        self.design.segments.retain(|segment| {
            marked.contains(segment.id.as_str())
                || !(made_up.contains(&segment.id) || outside_network(segment))
        });
        let present: HashSet<String> = self
            .design
            .components
            .iter()
            .map(|c| c.id.clone())
            .chain(self.design.identities.iter().map(|i| i.id.clone()))
            .collect();
        self.design.components.extend(
            components
                .into_iter()
                .filter(|component| !present.contains(&component.id)),
        );
        self.design.identities.extend(
            identities
                .into_iter()
                .filter(|identity| !present.contains(&identity.id)),
        );
        self.design.actors = actors;
        self.design.flows = flows;
        self.design.transfer_safeguards = transfer_safeguards;
    }
}

/// Gives an element the fields the design marker states for it, and no others of those.
fn restate<T>(element: &mut T, fields: Option<&serde_json::Value>, manual: &[&str])
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let names: Vec<String> = marker::STATED_FIELDS
        .iter()
        .chain(manual)
        .map(|name| (*name).to_owned())
        .collect();
    let Some(cleared) = marker::without_fields(&*element, &names) else {
        return;
    };
    *element = match fields {
        Some(fields) => marker::with_fields(&cleared, fields).unwrap_or(cleared),
        None => cleared,
    };
}
