//! The diagram laid out here, for a design whose layout does not place every element: a
//! simple recursive flow layout that places each segment's child segments and then its
//! components left to right, wrapping at the width its parent gives it, in three rows (actors,
//! the segment trees, identities); flows are straight arrows between the boxes.

use std::collections::HashMap;

use crate::model::{Architecture, NodeEntry, NodeRole};
use crate::pdf::canvas::Canvas;
use crate::pdf::compose::{INK, MUTED};
use crate::pdf::diagram::{Box2, finding_badge, segment_fill};
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::text::{TextStyle, measure, truncate, wrap};

const NODE_WIDTH: f32 = 84.0;
const NODE_HEIGHT: f32 = 32.0;
const GAP: f32 = 10.0;
const PADDING: f32 = 7.0;
const TITLE: f32 = 13.0;
const NAME_STYLE: TextStyle = TextStyle::new(6.5);
const KIND_STYLE: TextStyle = TextStyle::new(5.5);
const SEGMENT_STYLE: TextStyle = TextStyle::new(6.5);
const FLOW_STYLE: TextStyle = TextStyle::new(5.0);

/// An item with its position relative to its parent's top-left corner.
pub(super) type Placed = (f32, f32, Item);

/// A laid-out item, positioned relative to its parent's top-left corner.
pub(super) enum Item {
    Segment {
        index: usize,
        width: f32,
        height: f32,
        children: Vec<Placed>,
    },
    Node {
        index: usize,
    },
}

impl Item {
    fn size(&self) -> (f32, f32) {
        match self {
            Item::Segment { width, height, .. } => (*width, *height),
            Item::Node { .. } => (NODE_WIDTH, NODE_HEIGHT),
        }
    }
}

/// Places items left to right, wrapping at `max_width`; returns positions and the size used.
fn flow(items: Vec<Item>, max_width: f32) -> (Vec<Placed>, f32, f32) {
    let mut placed = Vec::new();
    let (mut x, mut y, mut row_height, mut used_width) = (0.0_f32, 0.0_f32, 0.0_f32, 0.0_f32);
    for item in items {
        let (width, height) = item.size();
        if x > 0.0 && x + width > max_width {
            x = 0.0;
            y += row_height + GAP;
            row_height = 0.0;
        }
        placed.push((x, y, item));
        x += width + GAP;
        used_width = used_width.max(x - GAP);
        row_height = row_height.max(height);
    }
    (placed, used_width, y + row_height)
}

struct Layout<'a> {
    architecture: &'a Architecture,
}

impl Layout<'_> {
    fn segment(&self, index: usize, max_width: f32) -> Item {
        let segment = &self.architecture.segments[index];
        let inner = (max_width - 2.0 * PADDING).max(NODE_WIDTH);
        let mut items: Vec<Item> = self
            .architecture
            .segments
            .iter()
            .enumerate()
            .filter(|(_, child)| child.parent.as_deref() == Some(segment.id.as_str()))
            .map(|(child, _)| self.segment(child, inner))
            .collect();
        items.extend(
            self.architecture
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, node)| node.segment.as_deref() == Some(segment.id.as_str()))
                .map(|(node, _)| Item::Node { index: node }),
        );
        let (children, used_width, used_height) = flow(items, inner);
        let title_width = measure(&segment.name, &SEGMENT_STYLE.bold())
            + measure(&segment.kind, &SEGMENT_STYLE)
            + 16.0;
        Item::Segment {
            index,
            width: (used_width + 2.0 * PADDING)
                .max(title_width.min(max_width))
                .max(NODE_WIDTH + 2.0 * PADDING),
            height: used_height + TITLE + PADDING,
            children,
        }
    }
}

/// A row of the diagram: its top and its items.
pub(super) type Row = (f32, Vec<Placed>);

/// Lays the architecture out within `max_width` points: its width, its height and its rows.
pub(super) fn lay_out(architecture: &Architecture, max_width: f32) -> (f32, f32, Vec<Row>) {
    let layout = Layout { architecture };
    let segment_ids: Vec<&str> = architecture
        .segments
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    let is_outside = |node: &NodeEntry| {
        node.segment
            .as_deref()
            .is_none_or(|segment| !segment_ids.contains(&segment))
    };
    let actors: Vec<Item> = architecture
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| is_outside(node) && node.role != NodeRole::Identity)
        .map(|(index, _)| Item::Node { index })
        .collect();
    let roots: Vec<Item> = architecture
        .segments
        .iter()
        .enumerate()
        .filter(|(_, segment)| {
            segment
                .parent
                .as_deref()
                .is_none_or(|parent| !segment_ids.contains(&parent))
        })
        .map(|(index, _)| layout.segment(index, max_width))
        .collect();
    let identities: Vec<Item> = architecture
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| is_outside(node) && node.role == NodeRole::Identity)
        .map(|(index, _)| Item::Node { index })
        .collect();
    let mut rows = Vec::new();
    let (mut width, mut height) = (0.0_f32, 0.0_f32);
    for items in [actors, roots, identities] {
        if items.is_empty() {
            continue;
        }
        let (placed, used_width, used_height) = flow(items, max_width);
        rows.push((height, placed));
        width = width.max(used_width);
        height += used_height + 2.0 * GAP;
    }
    (width, (height - 2.0 * GAP).max(0.0), rows)
}

/// Draws the rows scaled by `scale` with their top-left corner at `origin`.
pub(super) fn draw(
    architecture: &Architecture,
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    rows: &[Row],
    scale: f32,
    origin: (f32, f32),
) {
    let mut painter = Painter {
        architecture,
        canvas,
        used,
        scale,
        origin,
        node_boxes: HashMap::new(),
        placed_nodes: Vec::new(),
        drawn_nodes: Vec::new(),
    };
    for (row_y, placed) in rows {
        for (x, y, item) in placed {
            painter.item(item, *x, row_y + y);
        }
    }
    let labels = painter.flow_lines();
    painter.nodes();
    painter.flow_labels(labels);
    painter.markers();
}

struct Painter<'a, 'b> {
    architecture: &'a Architecture,
    canvas: &'b mut Canvas,
    used: &'b mut UsedCharacters,
    scale: f32,
    origin: (f32, f32),
    node_boxes: HashMap<&'a str, Box2>,
    /// The nodes placed while the segments were drawn, drawn themselves after the flow lines so
    /// that a line crossing a node passes under it instead of through its name.
    placed_nodes: Vec<(usize, Box2)>,
    /// The boxes of the nodes drawn, which flow labels keep clear of.
    drawn_nodes: Vec<Box2>,
}

/// A flow line's start and end on the page, and its label.
type FlowLabel = ((f32, f32), (f32, f32), String);

impl<'a> Painter<'a, '_> {
    fn at(&self, x: f32, y: f32) -> (f32, f32) {
        (
            self.origin.0 + x * self.scale,
            self.origin.1 + y * self.scale,
        )
    }

    fn style(&self, style: TextStyle) -> TextStyle {
        TextStyle {
            size: style.size * self.scale,
            ..style
        }
    }

    fn item(&mut self, item: &Item, x: f32, y: f32) {
        match item {
            Item::Segment {
                index,
                width,
                height,
                children,
            } => {
                let segment = &self.architecture.segments[*index];
                let (fill, stroke) = segment_fill(&segment.kind);
                let (left, top) = self.at(x, y);
                self.canvas.rect(
                    left,
                    top,
                    width * self.scale,
                    height * self.scale,
                    Some(fill),
                    Some((stroke, 0.8 * self.scale)),
                );
                let name_style = self.style(SEGMENT_STYLE.bold().coloured(stroke));
                let kind_style = self.style(SEGMENT_STYLE.coloured(MUTED));
                let name_room = (width - 2.0 * PADDING) * self.scale * 0.7;
                let name = truncate(&segment.name, &name_style, name_room);
                let (text_x, text_y) = self.at(x + PADDING, y + 3.0);
                self.canvas
                    .text(self.used, text_x, text_y, &name, &name_style);
                let kind_x = text_x + measure(&name, &name_style) + 5.0 * self.scale;
                let kind_room = left + width * self.scale - kind_x - PADDING * self.scale;
                if kind_room > 10.0 * self.scale {
                    let kind = truncate(&segment.kind, &kind_style, kind_room);
                    self.canvas
                        .text(self.used, kind_x, text_y, &kind, &kind_style);
                }
                // Flows may start or end at a segment (the internet, a partner network).
                self.node_boxes.insert(
                    segment.id.as_str(),
                    Box2 {
                        x: left,
                        y: top,
                        width: width * self.scale,
                        height: height * self.scale,
                    },
                );
                for (child_x, child_y, child) in children {
                    self.item(child, x + PADDING + child_x, y + TITLE + child_y);
                }
            }
            Item::Node { index } => {
                let node = &self.architecture.nodes[*index];
                let (left, top) = self.at(x, y);
                let node_box = Box2 {
                    x: left,
                    y: top,
                    width: NODE_WIDTH * self.scale,
                    height: NODE_HEIGHT * self.scale,
                };
                self.node_boxes.insert(node.id.as_str(), node_box);
                self.placed_nodes.push((*index, node_box));
            }
        }
    }

    /// Draws every placed node: its box, its name on up to two lines and its kind.
    fn nodes(&mut self) {
        for (index, node_box) in std::mem::take(&mut self.placed_nodes) {
            self.drawn_nodes.push(node_box);
            let node = &self.architecture.nodes[index];
            let Box2 {
                x: left,
                y: top,
                width,
                height,
            } = node_box;
            let (fill, stroke) = match node.role {
                NodeRole::Component => ((1.0, 1.0, 1.0), (0.35, 0.38, 0.45)),
                NodeRole::Identity => ((1.0, 0.98, 0.92), (0.70, 0.55, 0.20)),
                NodeRole::Actor => ((0.96, 0.96, 0.97), (0.30, 0.30, 0.34)),
            };
            self.canvas.rect(
                left,
                top,
                width,
                height,
                Some(fill),
                Some((stroke, 0.7 * self.scale)),
            );
            let name_style = self.style(NAME_STYLE.bold().coloured(INK));
            let kind_style = self.style(KIND_STYLE.coloured(MUTED));
            let room = width - 6.0 * self.scale;
            let mut lines = wrap(&node.name, &name_style, room);
            if lines.len() > 2 {
                let rest = lines[1..].join(" ");
                lines.truncate(1);
                lines.push(truncate(&rest, &name_style, room));
            }
            let mut line_top = top + 3.0 * self.scale;
            for line in &lines {
                self.canvas.text(
                    self.used,
                    left + 3.0 * self.scale,
                    line_top,
                    line,
                    &name_style,
                );
                line_top += name_style.line_height();
            }
            let kind = truncate(&node.kind, &kind_style, room);
            let kind_top = top + height - kind_style.line_height() - 2.0 * self.scale;
            self.canvas.text(
                self.used,
                left + 3.0 * self.scale,
                kind_top,
                &kind,
                &kind_style,
            );
        }
    }

    /// Draws each flow's line and arrowhead; returns each line's ends and label, to draw once
    /// the nodes are.
    fn flow_lines(&mut self) -> Vec<FlowLabel> {
        let mut labels = Vec::new();
        for flow in &self.architecture.flows {
            let (Some(source), Some(target)) = (
                self.node_boxes.get(flow.source.as_str()).copied(),
                self.node_boxes.get(flow.target.as_str()).copied(),
            ) else {
                continue;
            };
            let (tx, ty) = target.centre();
            let (sx, sy) = source.centre();
            let start = source.border_towards(tx, ty);
            let end = target.border_towards(sx, sy);
            let colour = if flow.encrypted {
                (0.25, 0.32, 0.45)
            } else {
                (0.75, 0.20, 0.15)
            };
            self.canvas
                .line(&[start, end], colour, 0.7 * self.scale, !flow.encrypted);
            let (dx, dy) = (end.0 - start.0, end.1 - start.1);
            let length = (dx * dx + dy * dy).sqrt().max(0.01);
            let (ux, uy) = (dx / length, dy / length);
            let head = 5.0 * self.scale;
            let base = (end.0 - ux * head, end.1 - uy * head);
            let (px, py) = (-uy * head * 0.45, ux * head * 0.45);
            self.canvas.polygon(
                &[end, (base.0 + px, base.1 + py), (base.0 - px, base.1 - py)],
                colour,
            );
            labels.push((start, end, flow.label.clone()));
        }
        labels
    }

    /// Draws the flow labels on white, on top of every line and node. Each sits at the first
    /// point along its line, from the middle outwards, where it covers no node and no label
    /// already placed; where there is none, at the middle.
    fn flow_labels(&mut self, labels: Vec<FlowLabel>) {
        const ALONG: [f32; 7] = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
        let label_style = self.style(FLOW_STYLE.coloured((0.20, 0.22, 0.28)));
        let height = label_style.line_height();
        let mut taken: Vec<Box2> = self.drawn_nodes.clone();
        for (start, end, label) in labels {
            let width = measure(&label, &label_style) + 2.0;
            let at = |t: f32| Box2 {
                x: start.0 + (end.0 - start.0) * t - width / 2.0,
                y: start.1 + (end.1 - start.1) * t - height / 2.0,
                width,
                height,
            };
            let place = ALONG
                .iter()
                .map(|&t| at(t))
                .find(|candidate| !taken.iter().any(|other| candidate.overlaps(other)))
                .unwrap_or_else(|| at(0.5));
            self.canvas.rect(
                place.x,
                place.y,
                place.width,
                place.height,
                Some((1.0, 1.0, 1.0)),
                None,
            );
            self.canvas.text(
                self.used,
                place.x + 1.0,
                place.y + 0.5,
                &label,
                &label_style,
            );
            taken.push(place);
        }
    }

    fn markers(&mut self) {
        let style = self.style(TextStyle::new(5.5).bold().coloured((1.0, 1.0, 1.0)));
        for node in &self.architecture.nodes {
            let (Some(severity), Some(node_box)) =
                (node.worst_finding, self.node_boxes.get(node.id.as_str()))
            else {
                continue;
            };
            let radius = 5.0 * self.scale;
            finding_badge(
                self.canvas,
                self.used,
                node_box,
                radius,
                (severity, node.finding_count),
                &style,
            );
        }
    }
}
