//! Diagram layout, kept apart from the architecture so that moving a box changes only the
//! layout lines at the end of the file, never the lines that describe what the design is.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Positions and sizes of the canvas nodes, keyed by element id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// One box per element that has been placed; elements without one are laid out automatically.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub nodes: BTreeMap<String, NodeBox>,
    /// The route the canvas drew each flow along when the design was saved, by flow id, so
    /// that the PDF report draws the flows where the architect saw them. The app writes the
    /// routes that hold for the saved boxes; a route whose ends no longer touch its flow's
    /// boxes is ignored by the report.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub routes: BTreeMap<String, FlowRoute>,
}

impl Layout {
    /// Whether nothing has been placed.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.routes.is_empty()
    }
}

/// Where a node sits. Positions are relative to the parent segment's box, as on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct NodeBox {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width, for resizable nodes (segments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<f64>,
    /// Height, for resizable nodes (segments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<f64>,
}

/// A flow's orthogonal route on the canvas: its corner points from the source's border to the
/// target's, in absolute canvas pixels (not relative to a segment: a route crosses segments).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct FlowRoute {
    /// The route's start, corners and end.
    pub points: Vec<RoutePoint>,
    /// The centre of the flow's label, where the canvas placed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<RoutePoint>,
}

/// A point on the canvas, in absolute pixels.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct RoutePoint {
    pub x: f64,
    pub y: f64,
}
