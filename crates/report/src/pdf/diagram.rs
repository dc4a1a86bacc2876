//! The architecture diagram, drawn with vector operations: segments as nested boxes
//! with their components inside, flows as arrows between boxes, and a severity marker on
//! every element with open findings.
//!
//! When the design's layout places every element (a design drawn or saved in the app),
//! the diagram is the canvas: the same boxes at the same places, each with the AWS icon the
//! canvas shows, and each flow along the route the canvas drew it (saved with the layout),
//! its label where the canvas put it. A flow without a saved route that still fits its ends
//! is drawn as an orthogonal line chosen among many candidates so that none crosses a
//! segment's title or another node where a clear one exists, with its label where it covers
//! no title, node or other label. Without a complete layout, a simple recursive flow layout
//! places each segment's child segments and then its components left to right, wrapping at
//! the width its parent gives it. Either drawing is scaled down, never up, to fit the space on
//! the page.

use std::collections::HashMap;

use zta_compliance::Severity;

use crate::model::{Architecture, NodeEntry, NodeRole, PlacedBox, PlacedRoute};
use crate::pdf::canvas::Canvas;
use crate::pdf::chart::severity_colour;
use crate::pdf::compose::{INK, MUTED};
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::icons::draw_icon;
use crate::pdf::text::{Colour, TextStyle, measure, truncate, wrap};

const NODE_WIDTH: f32 = 84.0;
const NODE_HEIGHT: f32 = 32.0;
const GAP: f32 = 10.0;
const PADDING: f32 = 7.0;
const TITLE: f32 = 13.0;
const NAME_STYLE: TextStyle = TextStyle::new(6.5);
const KIND_STYLE: TextStyle = TextStyle::new(5.5);
const SEGMENT_STYLE: TextStyle = TextStyle::new(6.5);
const FLOW_STYLE: TextStyle = TextStyle::new(5.0);

#[derive(Debug, Clone, Copy)]
struct Box2 {
    x: f32,
    y: f32,
    width: f32,
    height: f32,
}

impl Box2 {
    fn overlaps(&self, other: &Box2) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    fn centre(&self) -> (f32, f32) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }

    /// The point where the segment from the centre towards `(tx, ty)` leaves the box.
    fn border_towards(&self, tx: f32, ty: f32) -> (f32, f32) {
        let (cx, cy) = self.centre();
        let (dx, dy) = (tx - cx, ty - cy);
        if dx.abs() < f32::EPSILON && dy.abs() < f32::EPSILON {
            return (cx, cy);
        }
        let scale_x = if dx.abs() > f32::EPSILON {
            (self.width / 2.0) / dx.abs()
        } else {
            f32::INFINITY
        };
        let scale_y = if dy.abs() > f32::EPSILON {
            (self.height / 2.0) / dy.abs()
        } else {
            f32::INFINITY
        };
        let scale = scale_x.min(scale_y);
        (cx + dx * scale, cy + dy * scale)
    }
}

/// An item with its position relative to its parent's top-left corner.
type Placed = (f32, f32, Item);

/// A laid-out item, positioned relative to its parent's top-left corner.
enum Item {
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

/// The diagram laid out at scale 1, ready to be scaled onto a page.
pub struct DiagramLayout {
    width: f32,
    height: f32,
    kind: LayoutKind,
}

enum LayoutKind {
    /// Laid out here, in rows: actors, the segment trees, identities.
    Flowed(Vec<(f32, Vec<Placed>)>),
    /// The canvas's own layout: its top-left corner and the points per canvas pixel.
    Canvas { left: f32, top: f32, scale: f32 },
}

/// Points per canvas pixel at most: the canvas at 100% is about as large as print reads.
const CANVAS_SCALE: f32 = 0.75;
/// Points per canvas pixel below which the canvas's 12 px names print under 5.4 points, too
/// small to read on paper: the report then takes a larger page for the diagram.
const READABLE_SCALE: f32 = 0.45;

impl DiagramLayout {
    /// Lays the architecture out within `max_width` points: as the canvas placed it when
    /// the layout places every element, laid out here otherwise.
    pub fn new(architecture: &Architecture, max_width: f32) -> DiagramLayout {
        let boxes = &architecture.canvas.boxes;
        let placed = !boxes.is_empty()
            && architecture
                .segments
                .iter()
                .all(|s| boxes.contains_key(&s.id))
            && architecture.nodes.iter().all(|n| boxes.contains_key(&n.id));
        if placed {
            let left = boxes.values().map(|b| b.x).min().unwrap_or(0) as f32;
            let top = boxes.values().map(|b| b.y).min().unwrap_or(0) as f32;
            let right = boxes.values().map(|b| b.x + b.width).max().unwrap_or(0) as f32;
            let bottom = boxes.values().map(|b| b.y + b.height).max().unwrap_or(0) as f32;
            let scale = CANVAS_SCALE.min(max_width / (right - left).max(1.0));
            return DiagramLayout {
                width: (right - left) * scale,
                height: (bottom - top) * scale,
                kind: LayoutKind::Canvas { left, top, scale },
            };
        }
        Self::flowed(architecture, max_width)
    }

    fn flowed(architecture: &Architecture, max_width: f32) -> DiagramLayout {
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
        DiagramLayout {
            width,
            height: (height - 2.0 * GAP).max(0.0),
            kind: LayoutKind::Flowed(rows),
        }
    }

    /// The height the diagram needs when drawn at most `max_height` tall.
    pub fn drawn_height(&self, max_height: f32) -> f32 {
        self.height.min(max_height)
    }

    /// Whether the diagram, drawn at most `max_height` tall, keeps its text large enough to
    /// read.
    pub fn reads_at(&self, max_height: f32) -> bool {
        let fit = (max_height / self.height.max(1.0)).min(1.0);
        match self.kind {
            LayoutKind::Canvas { scale, .. } => scale * fit >= READABLE_SCALE,
            LayoutKind::Flowed(_) => fit >= READABLE_SCALE / CANVAS_SCALE,
        }
    }

    /// Draws the diagram with its top-left corner at `origin`, scaled to fit `max_height`.
    pub fn draw(
        &self,
        architecture: &Architecture,
        canvas: &mut Canvas,
        used: &mut UsedCharacters,
        origin: (f32, f32),
        max_height: f32,
    ) {
        let fit = if self.height > max_height {
            max_height / self.height
        } else {
            1.0
        };
        let rows = match &self.kind {
            LayoutKind::Canvas { left, top, scale } => {
                let scale = scale * fit;
                let mut drawing = CanvasDrawing {
                    architecture,
                    canvas,
                    used,
                    scale,
                    origin: (origin.0 - left * scale, origin.1 - top * scale),
                    titles: Vec::new(),
                    taken: Vec::new(),
                };
                drawing.draw();
                return;
            }
            LayoutKind::Flowed(rows) => rows,
        };
        let mut painter = Painter {
            architecture,
            canvas,
            used,
            scale: fit,
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

    pub fn width(&self) -> f32 {
        self.width
    }
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

fn segment_fill(kind: &str) -> (Colour, Colour) {
    let kind = kind.to_ascii_lowercase();
    if kind.contains("public") {
        ((0.93, 0.97, 0.92), (0.45, 0.65, 0.40))
    } else if kind.contains("isolated") {
        ((0.95, 0.93, 0.98), (0.55, 0.45, 0.70))
    } else if kind.contains("private") || kind.contains("subnet") {
        ((0.92, 0.95, 0.99), (0.40, 0.55, 0.78))
    } else if kind.contains("vpc") {
        ((0.98, 0.98, 0.995), (0.30, 0.45, 0.70))
    } else {
        ((0.985, 0.985, 0.985), (0.50, 0.52, 0.56))
    }
}

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

/// The badge on a node's top-right corner: a disc in the colour of its worst open finding,
/// with the number of open findings, drawn the same by both diagram layouts.
fn finding_badge(
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    area: &Box2,
    radius: f32,
    (severity, count): (Severity, usize),
    style: &TextStyle,
) {
    let (cx, cy) = (area.x + area.width - radius * 0.4, area.y + radius * 0.4);
    canvas.circle(cx, cy, radius, severity_colour(severity));
    let count = count.to_string();
    let width = measure(&count, style);
    canvas.text(
        used,
        cx - width / 2.0,
        cy - style.size * 0.55,
        &count,
        style,
    );
}

/// The canvas's segment header height, node icon size and segment icon size, in canvas
/// pixels (ui/src/canvas/geometry.ts and styles.css).
const CANVAS_HEADER: f32 = 34.0;
const CANVAS_ICON: f32 = 34.0;
const CANVAS_SEGMENT_ICON: f32 = 22.0;
/// How far, in canvas pixels, a saved route's end may lie from its element's border and
/// still be taken as touching it (the canvas rounds positions to whole pixels).
const ROUTE_SLACK: f32 = 2.0;
/// What a flow pays for passing through a segment's title, and through a node.
const TITLE_COST: f32 = 1000.0;
const NODE_COST: f32 = 100.0;

/// Whether the axis-parallel piece of a route from `a` to `b` passes through `area`.
fn crosses(a: (f32, f32), b: (f32, f32), area: &Box2) -> bool {
    let (left, right) = (a.0.min(b.0), a.0.max(b.0));
    let (top, bottom) = (a.1.min(b.1), a.1.max(b.1));
    left < area.x + area.width && right > area.x && top < area.y + area.height && bottom > area.y
}

/// A side of a box a route leaves or enters by.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
    Top,
    Bottom,
}

impl Side {
    fn point(self, area: &Box2) -> (f32, f32) {
        let (cx, cy) = area.centre();
        match self {
            Side::Left => (area.x, cy),
            Side::Right => (area.x + area.width, cy),
            Side::Top => (cx, area.y),
            Side::Bottom => (cx, area.y + area.height),
        }
    }

    fn horizontal(self) -> bool {
        matches!(self, Side::Left | Side::Right)
    }

    /// The point a short way out of the box from this side.
    fn out(self, point: (f32, f32), distance: f32) -> (f32, f32) {
        match self {
            Side::Left => (point.0 - distance, point.1),
            Side::Right => (point.0 + distance, point.1),
            Side::Top => (point.0, point.1 - distance),
            Side::Bottom => (point.0, point.1 + distance),
        }
    }
}

/// A flow's route on the page, its label, and the label's centre when the canvas placed it.
struct RoutedFlow {
    points: Vec<(f32, f32)>,
    label: String,
    label_at: Option<(f32, f32)>,
}

struct CanvasDrawing<'a, 'b> {
    architecture: &'a Architecture,
    canvas: &'b mut Canvas,
    used: &'b mut UsedCharacters,
    /// Points per canvas pixel.
    scale: f32,
    /// Where canvas (0, 0) falls on the page.
    origin: (f32, f32),
    /// The segments' titles on the page: no flow line or label may cross them.
    titles: Vec<Box2>,
    /// The labels placed so far.
    taken: Vec<Box2>,
}

impl CanvasDrawing<'_, '_> {
    fn page(&self, placed: &PlacedBox) -> Box2 {
        Box2 {
            x: self.origin.0 + placed.x as f32 * self.scale,
            y: self.origin.1 + placed.y as f32 * self.scale,
            width: placed.width as f32 * self.scale,
            height: placed.height as f32 * self.scale,
        }
    }

    fn style(&self, size_px: f32, floor: f32) -> TextStyle {
        TextStyle::new((size_px * self.scale).max(floor))
    }

    fn box_of(&self, id: &str) -> Option<Box2> {
        self.architecture
            .canvas
            .boxes
            .get(id)
            .map(|placed| self.page(placed))
    }

    fn draw(&mut self) {
        self.segments();
        let node_boxes: Vec<(String, Box2)> = self
            .architecture
            .nodes
            .iter()
            .filter_map(|node| self.box_of(&node.id).map(|b| (node.id.clone(), b)))
            .collect();
        let routes = self.flow_lines(&node_boxes);
        self.nodes(&node_boxes);
        self.flow_labels(routes, &node_boxes);
        self.markers();
    }

    /// Segments from the outermost in, each with its title in its header band.
    fn segments(&mut self) {
        let depth = |id: &str| {
            let mut depth = 0;
            let mut current = self
                .architecture
                .segments
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.parent.clone());
            while let Some(parent) = current {
                depth += 1;
                if depth > 64 {
                    break;
                }
                current = self
                    .architecture
                    .segments
                    .iter()
                    .find(|s| s.id == parent)
                    .and_then(|s| s.parent.clone());
            }
            depth
        };
        let mut order: Vec<(usize, usize)> = (0..self.architecture.segments.len())
            .map(|index| (depth(&self.architecture.segments[index].id), index))
            .collect();
        order.sort();
        for (_, index) in order {
            let segment = &self.architecture.segments[index];
            let Some(area) = self.box_of(&segment.id) else {
                continue;
            };
            let (fill, stroke) = segment_fill(&segment.kind);
            self.canvas.rect(
                area.x,
                area.y,
                area.width,
                area.height,
                Some(fill),
                Some((stroke, (1.2 * self.scale).max(0.3))),
            );
            let name_style = self.style(13.0, 2.5).bold().coloured(stroke);
            let kind_style = self.style(11.0, 2.0).coloured(MUTED);
            let pad = 8.0 * self.scale;
            let icon = CANVAS_SEGMENT_ICON * self.scale;
            let header = CANVAS_HEADER * self.scale;
            let icon_key = self.architecture.canvas.icons.get(&segment.id);
            let drawn = icon_key.is_some_and(|key| {
                draw_icon(
                    self.canvas,
                    key,
                    area.x + pad,
                    area.y + (header - icon) / 2.0,
                    icon,
                )
            });
            let name_x = area.x + pad + if drawn { icon + 6.0 * self.scale } else { 0.0 };
            let room = area.x + area.width - pad - name_x;
            let name = truncate(&segment.name, &name_style, room * 0.7);
            let text_y = area.y + (header - name_style.line_height()) / 2.0;
            self.canvas
                .text(self.used, name_x, text_y, &name, &name_style);
            let mut title_width = name_x - area.x - pad + measure(&name, &name_style);
            let kind_x = area.x + pad + title_width + 5.0 * self.scale;
            let kind_room = area.x + area.width - pad - kind_x;
            if kind_room > 12.0 * self.scale {
                let kind = truncate(&segment.kind, &kind_style, kind_room);
                self.canvas.text(
                    self.used,
                    kind_x,
                    text_y + (name_style.size - kind_style.size) * 0.8,
                    &kind,
                    &kind_style,
                );
                title_width += 5.0 * self.scale + measure(&kind, &kind_style);
            }
            self.titles.push(Box2 {
                x: area.x + pad * 0.5,
                y: area.y,
                width: title_width + pad,
                height: CANVAS_HEADER * self.scale,
            });
        }
    }

    /// What a route costs: titles and nodes it crosses (its own ends excepted), then length
    /// and bends.
    fn cost(&self, points: &[(f32, f32)], nodes: &[(String, Box2)], ends: [&str; 2]) -> f32 {
        let mut cost = 0.0;
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            cost += self
                .titles
                .iter()
                .filter(|title| crosses(a, b, title))
                .count() as f32
                * TITLE_COST;
            cost += nodes
                .iter()
                .filter(|(id, area)| !ends.contains(&id.as_str()) && crosses(a, b, area))
                .count() as f32
                * NODE_COST;
            cost += ((b.0 - a.0).abs() + (b.1 - a.1).abs()) / self.scale * 0.01;
        }
        cost + points.len() as f32 * 2.0
    }

    /// The cheapest orthogonal route between two boxes: out of a side of each, with one
    /// or two bends, the middle piece tried at many places across the drawing.
    fn route(
        &self,
        source: &Box2,
        target: &Box2,
        nodes: &[(String, Box2)],
        ends: [&str; 2],
    ) -> Vec<(f32, f32)> {
        let sides = [Side::Left, Side::Right, Side::Top, Side::Bottom];
        let clearance = 10.0 * self.scale;
        let mut best: Option<(f32, Vec<(f32, f32)>)> = None;
        let consider = |points: Vec<(f32, f32)>, best: &mut Option<(f32, Vec<(f32, f32)>)>| {
            let cost = self.cost(&points, nodes, ends);
            if best.as_ref().is_none_or(|(known, _)| cost < *known) {
                *best = Some((cost, points));
            }
        };
        for from in sides {
            for to in sides {
                let start = from.point(source);
                let end = to.point(target);
                let (lead, tail) = (from.out(start, clearance), to.out(end, clearance));
                match (from.horizontal(), to.horizontal()) {
                    (true, true) | (false, false) => {
                        // Two bends: the middle piece across, at many places between and
                        // around the two ends.
                        let horizontal = from.horizontal();
                        let (a, b) = if horizontal {
                            (lead.0, tail.0)
                        } else {
                            (lead.1, tail.1)
                        };
                        for step in -4..=24 {
                            let at = a + (b - a) * step as f32 / 20.0;
                            let points = if horizontal {
                                vec![start, (at, start.1), (at, end.1), end]
                            } else {
                                vec![start, (start.0, at), (end.0, at), end]
                            };
                            // The first and last pieces must leave and enter outwards.
                            let outwards = |side: Side, at: (f32, f32), next: (f32, f32)| match side
                            {
                                Side::Left => next.0 <= at.0 - clearance,
                                Side::Right => next.0 >= at.0 + clearance,
                                Side::Top => next.1 <= at.1 - clearance,
                                Side::Bottom => next.1 >= at.1 + clearance,
                            };
                            if outwards(from, start, points[1]) && outwards(to, end, points[2]) {
                                consider(points, &mut best);
                            }
                        }
                    }
                    _ => {
                        // One bend: out of the source's side straight to the line of the
                        // target's side.
                        let corner = if from.horizontal() {
                            (end.0, start.1)
                        } else {
                            (start.0, end.1)
                        };
                        let leaves = match from {
                            Side::Left => corner.0 <= start.0 - clearance,
                            Side::Right => corner.0 >= start.0 + clearance,
                            Side::Top => corner.1 <= start.1 - clearance,
                            Side::Bottom => corner.1 >= start.1 + clearance,
                        };
                        let enters = match to {
                            Side::Left => corner.0 <= end.0 - clearance,
                            Side::Right => corner.0 >= end.0 + clearance,
                            Side::Top => corner.1 <= end.1 - clearance,
                            Side::Bottom => corner.1 >= end.1 + clearance,
                        };
                        if leaves && enters {
                            consider(vec![start, corner, end], &mut best);
                        }
                    }
                }
            }
        }
        best.map_or_else(
            || vec![source.centre(), target.centre()],
            |(_, points)| points,
        )
    }

    /// The saved route of a flow on the page, when it still runs from its source's border to
    /// its target's (the boxes were not moved since it was routed), with its label's centre.
    fn saved_route(
        &self,
        route: &PlacedRoute,
        source: &PlacedBox,
        target: &PlacedBox,
    ) -> Option<(Vec<(f32, f32)>, Option<(f32, f32)>)> {
        let touches = |area: &PlacedBox, (x, y): (i32, i32)| {
            let (x, y) = (x as f32, y as f32);
            let (left, top) = (area.x as f32, area.y as f32);
            let (right, bottom) = (left + area.width as f32, top + area.height as f32);
            let within = x >= left - ROUTE_SLACK
                && x <= right + ROUTE_SLACK
                && y >= top - ROUTE_SLACK
                && y <= bottom + ROUTE_SLACK;
            let inside = x > left + ROUTE_SLACK
                && x < right - ROUTE_SLACK
                && y > top + ROUTE_SLACK
                && y < bottom - ROUTE_SLACK;
            within && !inside
        };
        let (first, last) = (*route.points.first()?, *route.points.last()?);
        if route.points.len() < 2 || !touches(source, first) || !touches(target, last) {
            return None;
        }
        let page = |(x, y): (i32, i32)| {
            (
                self.origin.0 + x as f32 * self.scale,
                self.origin.1 + y as f32 * self.scale,
            )
        };
        Some((
            route.points.iter().copied().map(page).collect(),
            route.label.map(page),
        ))
    }

    /// Draws each flow's route and arrowhead; returns the routes with their labels.
    fn flow_lines(&mut self, nodes: &[(String, Box2)]) -> Vec<RoutedFlow> {
        let mut routes = Vec::new();
        for flow in &self.architecture.flows {
            let (Some(source), Some(target)) =
                (self.box_of(&flow.source), self.box_of(&flow.target))
            else {
                continue;
            };
            if flow.source == flow.target {
                continue;
            }
            let boxes = &self.architecture.canvas.boxes;
            let saved = match (
                self.architecture.canvas.routes.get(&flow.id),
                boxes.get(&flow.source),
                boxes.get(&flow.target),
            ) {
                (Some(route), Some(from), Some(to)) => self.saved_route(route, from, to),
                _ => None,
            };
            let (points, label_at) = saved.unwrap_or_else(|| {
                let points = self.route(
                    &source,
                    &target,
                    nodes,
                    [flow.source.as_str(), flow.target.as_str()],
                );
                (points, None)
            });
            let colour = if flow.encrypted {
                (0.25, 0.32, 0.45)
            } else {
                (0.75, 0.20, 0.15)
            };
            let thickness = (1.8 * self.scale).max(0.35);
            self.canvas
                .line(&points, colour, thickness, !flow.encrypted);
            let end = points[points.len() - 1];
            let before = points[points.len() - 2];
            let (dx, dy) = (end.0 - before.0, end.1 - before.1);
            let length = (dx * dx + dy * dy).sqrt().max(0.01);
            let (ux, uy) = (dx / length, dy / length);
            let head = (12.0 * self.scale).max(2.0);
            let base = (end.0 - ux * head, end.1 - uy * head);
            let (px, py) = (-uy * head * 0.45, ux * head * 0.45);
            self.canvas.polygon(
                &[end, (base.0 + px, base.1 + py), (base.0 - px, base.1 - py)],
                colour,
            );
            routes.push(RoutedFlow {
                points,
                label: flow.label.clone(),
                label_at,
            });
        }
        routes
    }

    /// Each node: a white box with its icon, its name and its kind.
    fn nodes(&mut self, nodes: &[(String, Box2)]) {
        for (id, area) in nodes {
            let Some(node) = self.architecture.nodes.iter().find(|n| &n.id == id) else {
                continue;
            };
            let stroke = match node.role {
                NodeRole::Identity => (0.70, 0.55, 0.20),
                _ => (0.55, 0.58, 0.65),
            };
            self.canvas.rect(
                area.x,
                area.y,
                area.width,
                area.height,
                Some((1.0, 1.0, 1.0)),
                Some((stroke, (1.0 * self.scale).max(0.3))),
            );
            let icon = CANVAS_ICON * self.scale;
            let icon_x = area.x + 10.0 * self.scale;
            let icon_y = area.y + (area.height - icon) / 2.0;
            if let Some(key) = self.architecture.canvas.icons.get(id) {
                draw_icon(self.canvas, key, icon_x, icon_y, icon);
            }
            let text_x = icon_x + icon + 8.0 * self.scale;
            let room = area.x + area.width - text_x - 6.0 * self.scale;
            let name_style = self.style(12.0, 2.5).bold().coloured(INK);
            let kind_style = self.style(10.0, 2.0).coloured(MUTED);
            let name = truncate(&node.name, &name_style, room);
            let kind = truncate(&node.kind, &kind_style, room);
            let block = name_style.line_height() + kind_style.line_height();
            let top = area.y + (area.height - block) / 2.0;
            self.canvas.text(self.used, text_x, top, &name, &name_style);
            self.canvas.text(
                self.used,
                text_x,
                top + name_style.line_height(),
                &kind,
                &kind_style,
            );
        }
    }

    /// Each label on white, whole, at the first place along its route (the longest pieces
    /// first, from their middles out) where it covers no title, node or other label; where
    /// there is none, where it covers least.
    fn flow_labels(&mut self, routes: Vec<RoutedFlow>, nodes: &[(String, Box2)]) {
        const ALONG: [f32; 7] = [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9];
        let style = self.style(10.0, 2.5).coloured((0.20, 0.22, 0.28));
        let height = style.line_height() + 2.0 * self.scale;
        for RoutedFlow {
            points,
            label,
            label_at,
        } in routes
        {
            let width = measure(&label, &style) + 8.0 * self.scale;
            if let Some((x, y)) = label_at {
                let place = Box2 {
                    x: x - width / 2.0,
                    y: y - height / 2.0,
                    width,
                    height,
                };
                self.label(place, &label, &style);
                continue;
            }
            let mut pieces: Vec<((f32, f32), (f32, f32))> =
                points.windows(2).map(|pair| (pair[0], pair[1])).collect();
            pieces.sort_by(|a, b| {
                let length =
                    |p: &((f32, f32), (f32, f32))| (p.1.0 - p.0.0).abs() + (p.1.1 - p.0.1).abs();
                length(b).total_cmp(&length(a))
            });
            let mut best: Option<(f32, Box2)> = None;
            'search: for (a, b) in pieces {
                for t in ALONG {
                    let centre = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                    let place = Box2 {
                        x: centre.0 - width / 2.0,
                        y: centre.1 - height / 2.0,
                        width,
                        height,
                    };
                    let cost = self.titles.iter().filter(|o| o.overlaps(&place)).count() as f32
                        * TITLE_COST
                        + nodes.iter().filter(|(_, o)| o.overlaps(&place)).count() as f32
                            * NODE_COST
                        + self.taken.iter().filter(|o| o.overlaps(&place)).count() as f32 * 10.0;
                    if best.as_ref().is_none_or(|(known, _)| cost < *known) {
                        best = Some((cost, place));
                    }
                    if cost == 0.0 {
                        break 'search;
                    }
                }
            }
            if let Some((_, place)) = best {
                self.label(place, &label, &style);
            }
        }
    }

    /// Draws a flow's label on white at `place`, and keeps later labels off it.
    fn label(&mut self, place: Box2, label: &str, style: &TextStyle) {
        self.canvas.rect(
            place.x,
            place.y,
            place.width,
            place.height,
            Some((1.0, 1.0, 1.0)),
            Some(((0.55, 0.58, 0.65), (0.6 * self.scale).max(0.2))),
        );
        self.canvas.text(
            self.used,
            place.x + 4.0 * self.scale,
            place.y + 1.0 * self.scale + (place.height - style.line_height()) / 2.0,
            label,
            style,
        );
        self.taken.push(place);
    }

    fn markers(&mut self) {
        let style = self.style(11.0, 2.5).bold().coloured((1.0, 1.0, 1.0));
        for node in &self.architecture.nodes {
            let (Some(severity), Some(area)) = (node.worst_finding, self.box_of(&node.id)) else {
                continue;
            };
            let radius = (9.0 * self.scale).max(style.size * 0.8);
            finding_badge(
                self.canvas,
                self.used,
                &area,
                radius,
                (severity, node.finding_count),
                &style,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CanvasPlacement, FlowEntry, SegmentEntry};

    fn segment(id: &str, name: &str, kind: &str, parent: Option<&str>) -> SegmentEntry {
        SegmentEntry {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            parent: parent.map(Into::into),
        }
    }

    fn node(id: &str, role: NodeRole, kind: &str, segment: &str) -> NodeEntry {
        NodeEntry {
            id: id.into(),
            name: id.into(),
            role,
            kind: kind.into(),
            segment: Some(segment.into()),
            data: vec![],
            logical_id: None,
            worst_finding: None,
            finding_count: 0,
        }
    }

    fn flow(source: &str, target: &str) -> FlowEntry {
        FlowEntry {
            id: format!("{source}-{target}"),
            source: source.into(),
            target: target.into(),
            label: "HTTPS 443 · JWT".into(),
            tls: "TLS 1.2".into(),
            auth: "jwt".into(),
            data: vec![],
            encrypted: true,
        }
    }

    /// A customer on the internet level with the private subnet's title, so that the
    /// straight line to the service in that subnet would run through titles.
    fn shop() -> Architecture {
        let placed = |x, y, width, height| PlacedBox {
            x,
            y,
            width,
            height,
        };
        let mut canvas = CanvasPlacement::default();
        for (id, b) in [
            ("internet", placed(0, 0, 250, 600)),
            ("customer", placed(40, 300, 168, 60)),
            ("account", placed(300, 0, 700, 620)),
            ("vpc", placed(320, 50, 660, 550)),
            ("public", placed(340, 100, 620, 200)),
            ("alb", placed(380, 160, 168, 60)),
            ("private", placed(340, 320, 620, 260)),
            ("service", placed(380, 420, 168, 60)),
        ] {
            canvas.boxes.insert(id.to_string(), b);
        }
        Architecture {
            segments: vec![
                segment("internet", "Internet", "internet", None),
                segment("account", "Production", "account", None),
                segment("vpc", "shop-vpc", "VPC", Some("account")),
                segment("public", "public-a", "subnet · public", Some("vpc")),
                segment("private", "app-a", "subnet · private", Some("vpc")),
            ],
            nodes: vec![
                node("customer", NodeRole::Actor, "customer", "internet"),
                node(
                    "alb",
                    NodeRole::Component,
                    "Application Load Balancer",
                    "public",
                ),
                node("service", NodeRole::Component, "ECS service", "private"),
            ],
            flows: vec![
                flow("customer", "alb"),
                flow("alb", "service"),
                flow("customer", "service"),
            ],
            canvas,
        }
    }

    #[test]
    fn draws_the_canvas_layout_with_no_flow_or_label_over_a_title() {
        let architecture = shop();
        let layout = DiagramLayout::new(&architecture, 500.0);
        assert!(matches!(layout.kind, LayoutKind::Canvas { .. }));
        assert!((layout.width() - 500.0).abs() < 0.01);
        let mut canvas = Canvas::new(800.0);
        let mut used = UsedCharacters::default();
        let mut drawing = CanvasDrawing {
            architecture: &architecture,
            canvas: &mut canvas,
            used: &mut used,
            scale: 0.5,
            origin: (0.0, 0.0),
            titles: Vec::new(),
            taken: Vec::new(),
        };
        drawing.segments();
        assert_eq!(drawing.titles.len(), 5);
        let nodes: Vec<(String, Box2)> = ["customer", "alb", "service"]
            .iter()
            .map(|id| (id.to_string(), drawing.box_of(id).unwrap()))
            .collect();
        let routes = drawing.flow_lines(&nodes);
        assert_eq!(routes.len(), 3);
        for RoutedFlow { points, .. } in &routes {
            for pair in points.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                assert!(a.0 == b.0 || a.1 == b.1, "not orthogonal: {points:?}");
                for title in &drawing.titles {
                    assert!(!crosses(a, b, title), "{points:?} crosses {title:?}");
                }
            }
        }
        drawing.flow_labels(routes, &nodes);
        assert_eq!(drawing.taken.len(), 3);
        for label in &drawing.taken {
            for other in drawing.titles.iter().chain(nodes.iter().map(|(_, b)| b)) {
                assert!(!label.overlaps(other), "{label:?} over {other:?}");
            }
        }
    }

    /// The canvas's route from the ALB's bottom to the service's top, with its label.
    fn saved_route() -> PlacedRoute {
        PlacedRoute {
            points: vec![(464, 220), (464, 320), (464, 420)],
            label: Some((464, 300)),
        }
    }

    #[test]
    fn draws_a_flow_along_its_saved_route_while_its_ends_stay() {
        let mut architecture = shop();
        architecture
            .canvas
            .routes
            .insert("alb-service".into(), saved_route());
        let mut canvas = Canvas::new(800.0);
        let mut used = UsedCharacters::default();
        let mut drawing = CanvasDrawing {
            architecture: &architecture,
            canvas: &mut canvas,
            used: &mut used,
            scale: 0.5,
            origin: (10.0, 0.0),
            titles: Vec::new(),
            taken: Vec::new(),
        };
        let routes = drawing.flow_lines(&[]);
        let saved = &routes[1];
        assert_eq!(
            saved.points,
            vec![(242.0, 110.0), (242.0, 160.0), (242.0, 210.0)]
        );
        assert_eq!(saved.label_at, Some((242.0, 150.0)));

        // Once the service moved, the route no longer reaches it and is drawn afresh.
        let mut moved = architecture.clone();
        moved.canvas.boxes.get_mut("service").unwrap().x += 200;
        let mut drawing = CanvasDrawing {
            architecture: &moved,
            canvas: &mut canvas,
            used: &mut used,
            scale: 0.5,
            origin: (10.0, 0.0),
            titles: Vec::new(),
            taken: Vec::new(),
        };
        let routes = drawing.flow_lines(&[]);
        assert_ne!(routes[1].points[2], (242.0, 210.0));
        assert_eq!(routes[1].label_at, None);
    }

    #[test]
    fn lays_the_diagram_out_afresh_when_the_layout_misses_an_element() {
        let mut architecture = shop();
        architecture.canvas.boxes.remove("service");
        let layout = DiagramLayout::new(&architecture, 500.0);
        assert!(matches!(layout.kind, LayoutKind::Flowed(_)));
    }
}
