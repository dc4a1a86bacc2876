//! What every rule reads: the design, the design index built once per validation, the graph and
//! the shared analyses. Rules never rebuild any of these; they ask the context.

use zta_model::{ComponentKind, Design, Segment, SegmentKind};

use crate::analysis::Analyses;
use crate::graph::DesignGraph;

/// The lookup tables rules read: the model's design index, so that every rule answers shared
/// questions (where an element sits, whether it faces the internet) as the exporter does.
pub type Index<'a> = zta_model::DesignIndex<'a>;
pub use zta_model::{Place, Zone};

/// Everything a rule may read about the design under validation.
pub struct Context<'a> {
    /// The design itself.
    pub design: &'a Design,
    /// Lookup tables.
    pub index: Index<'a>,
    /// The design as a graph.
    pub graph: DesignGraph,
    /// The shared analyses, computed once.
    pub analyses: Analyses,
}

impl<'a> Context<'a> {
    /// Builds the index, graph and analyses for a design.
    pub fn new(design: &'a Design) -> Self {
        let index = Index::new(design);
        let graph = DesignGraph::build(design, &index);
        let analyses = Analyses::compute(design, &index, &graph);
        Context {
            design,
            index,
            graph,
            analyses,
        }
    }

    /// How messages name an element: its name and, in backticks, its id.
    pub fn label(&self, id: &str) -> String {
        let name = if let Some(component) = self.index.component(id) {
            Some(component.name.as_str())
        } else if let Some(identity) = self.index.identity(id) {
            Some(identity.name.as_str())
        } else if let Some(actor) = self.index.actor(id) {
            Some(actor.name.as_str())
        } else if let Some(segment) = self.index.segment(id) {
            Some(segment.name.as_str())
        } else {
            self.index.flow(id).and_then(|flow| flow.name.as_deref())
        };
        match name {
            Some(name) if name != id => format!("{name} (`{id}`)"),
            _ => format!("`{id}`"),
        }
    }

    /// The account segments that hold at least one component, in design order: "every
    /// account of the design" in the monitoring rules.
    pub fn accounts_with_components(&self) -> impl Iterator<Item = &'a Segment> + '_ {
        self.design.segments.iter().filter(move |segment| {
            segment.kind == SegmentKind::Account
                && !self.index.components_in_account(&segment.id).is_empty()
        })
    }

    /// Whether an account holds a component of a kind.
    pub fn account_has(&self, account: &str, kind: ComponentKind) -> bool {
        self.index
            .components_in_account(account)
            .iter()
            .any(|component| component.kind == kind)
    }
}
