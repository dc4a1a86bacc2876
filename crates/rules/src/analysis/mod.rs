//! The analyses that rules share, computed once per validation from the graph: internet
//! exposure, data-class propagation and PCI scope, identity blast radius, and segmentation.
//! They are part of the report, so that the UI's Paths tab and `zta diff` read the same facts
//! the rules judged.

mod blast_radius;
mod data_scope;
mod exposure;
mod segmentation;

pub use blast_radius::{Access, BlastRadius, IdentityReach, Reach};
pub use data_scope::{CdeMember, CdeRole, ConnectedMember, DataScope};
pub use exposure::{Enforcement, Exposure, ExposurePath};
pub use segmentation::{Crossing, Mechanism, Segmentation};

use serde::Serialize;
use zta_model::Design;

use crate::context::Index;
use crate::graph::DesignGraph;

/// The four shared analyses of one design.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analyses {
    /// Paths from the internet and outside zones to components, with their enforcement points.
    pub exposure: Exposure,
    /// Data classes handled per component, and the PCI scope.
    pub data: DataScope,
    /// The data stores each identity can reach.
    pub blast_radius: BlastRadius,
    /// Flows that cross tiers, VPCs or accounts, and how.
    pub segmentation: Segmentation,
}

impl Analyses {
    /// Runs every analysis.
    pub fn compute(design: &Design, index: &Index<'_>, graph: &DesignGraph) -> Self {
        Analyses {
            exposure: Exposure::compute(design, index, graph),
            data: DataScope::compute(design, index),
            blast_radius: BlastRadius::compute(design, index, graph),
            segmentation: Segmentation::compute(design, index),
        }
    }
}
