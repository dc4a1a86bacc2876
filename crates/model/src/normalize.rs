//! The canonical order of a design, so that `zta fmt` is idempotent and diffs stay small.
//!
//! Segments follow the containment tree (each parent before its children, siblings by id);
//! every other list is sorted by id; sets inside elements (data classes, actions, ports) are
//! sorted and deduplicated. Policy statements and trust lists keep the order the author chose,
//! since the order of statements is how people read a policy.

use std::collections::{BTreeMap, HashSet};

use crate::{Design, Segment};

impl Design {
    /// A copy of the design in canonical order.
    pub fn normalized(&self) -> Design {
        let mut design = self.clone();
        design.normalize();
        design
    }

    /// Puts the design in canonical order, in place.
    pub fn normalize(&mut self) {
        self.segments = tree_order(std::mem::take(&mut self.segments));
        self.components.sort_by(|a, b| a.id.cmp(&b.id));
        self.identities.sort_by(|a, b| a.id.cmp(&b.id));
        self.actors.sort_by(|a, b| a.id.cmp(&b.id));
        self.flows.sort_by(|a, b| a.id.cmp(&b.id));
        for component in &mut self.components {
            sort_dedup(&mut component.stores);
            let properties = &mut component.properties;
            for list in [
                &mut properties.standards,
                &mut properties.scan_types,
                &mut properties.managed_rule_groups,
                &mut properties.protects,
                &mut properties.attachments,
                &mut properties.shares,
                &mut properties.share_with,
            ] {
                sort_dedup(list);
            }
        }
        for identity in &mut self.identities {
            for list in [
                &mut identity.managed_policies,
                &mut identity.groups,
                &mut identity.federation,
                &mut identity.assigned_accounts,
            ] {
                sort_dedup(list);
            }
            // A trust that states no condition saves as one without `conditions`, which is how
            // it comes back from an export.
            for trust in &mut identity.trusts {
                if trust.conditions.as_ref().is_some_and(|c| c.is_empty()) {
                    trust.conditions = None;
                }
            }
        }
        for flow in &mut self.flows {
            sort_dedup(&mut flow.data);
            sort_dedup(&mut flow.actions);
            sort_dedup(&mut flow.ports);
        }
    }
}

fn sort_dedup<T: Ord>(list: &mut Vec<T>) {
    list.sort();
    list.dedup();
}

/// Orders segments depth-first from the roots, siblings by id. Segments whose parent is missing
/// or that sit in a cycle (which the loader reports) keep a place at the end, by id.
fn tree_order(segments: Vec<Segment>) -> Vec<Segment> {
    let ids: HashSet<String> = segments.iter().map(|segment| segment.id.clone()).collect();
    let mut children: BTreeMap<Option<String>, Vec<Segment>> = BTreeMap::new();
    for segment in segments {
        let parent = segment.parent.clone().filter(|parent| ids.contains(parent));
        children.entry(parent).or_default().push(segment);
    }
    for siblings in children.values_mut() {
        siblings.sort_by(|a, b| a.id.cmp(&b.id));
    }
    let mut ordered = Vec::with_capacity(ids.len());
    let mut stack: Vec<Segment> = children.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(segment) = stack.pop() {
        if let Some(mut kids) = children.remove(&Some(segment.id.clone())) {
            kids.reverse();
            stack.extend(kids);
        }
        ordered.push(segment);
    }
    let mut orphans: Vec<Segment> = children.into_values().flatten().collect();
    orphans.sort_by(|a, b| a.id.cmp(&b.id));
    ordered.extend(orphans);
    ordered
}
