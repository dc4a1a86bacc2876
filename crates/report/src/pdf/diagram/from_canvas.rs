//! The diagram as the canvas drew it: the same boxes at the same places, each with the AWS
//! icon the canvas shows, and each flow along the route the canvas drew it (saved with the
//! layout), its label where the canvas put it. A flow without a saved route that still fits
//! its ends is drawn as an orthogonal line chosen among many candidates so that none crosses a
//! segment's title or another node where a clear one exists, with its label where it covers no
//! title, node or other label.

use crate::model::{Architecture, NodeRole, PlacedBox, PlacedRoute};
use crate::pdf::canvas::Canvas;
use crate::pdf::compose::{INK, MUTED};
use crate::pdf::diagram::{Box2, finding_badge, segment_fill};
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::icons::draw_icon;
use crate::pdf::text::{TextStyle, measure, truncate};

/// Draws the canvas `scale` points per canvas pixel with canvas (0, 0) at `origin`; with
/// `clip`, only what falls within it on the page.
pub(super) fn draw(
    architecture: &Architecture,
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    scale: f32,
    origin: (f32, f32),
    clip: Option<Box2>,
) {
    if let Some(area) = clip {
        canvas.clip(area.x, area.y, area.width, area.height);
    }
    let mut drawing = CanvasDrawing::new(architecture, canvas, used, scale, origin);
    drawing.visible = clip;
    drawing.draw();
    if clip.is_some() {
        canvas.end_clip();
    }
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

/// The smallest box holding every point.
fn bounding_box(points: &[(f32, f32)]) -> Box2 {
    let (mut left, mut top) = (f32::INFINITY, f32::INFINITY);
    let (mut right, mut bottom) = (f32::NEG_INFINITY, f32::NEG_INFINITY);
    for &(x, y) in points {
        (left, top) = (left.min(x), top.min(y));
        (right, bottom) = (right.max(x), bottom.max(y));
    }
    Box2 {
        x: left,
        y: top,
        width: (right - left).max(0.1),
        height: (bottom - top).max(0.1),
    }
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

/// A route's points on the page, and its label's centre when the canvas placed it.
type PageRoute = (Vec<(f32, f32)>, Option<(f32, f32)>);

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
    /// The part of the page drawn on, when not the whole: what falls outside is skipped.
    visible: Option<Box2>,
}

impl<'a, 'b> CanvasDrawing<'a, 'b> {
    fn new(
        architecture: &'a Architecture,
        canvas: &'b mut Canvas,
        used: &'b mut UsedCharacters,
        scale: f32,
        origin: (f32, f32),
    ) -> Self {
        CanvasDrawing {
            architecture,
            canvas,
            used,
            scale,
            origin,
            titles: Vec::new(),
            taken: Vec::new(),
            visible: None,
        }
    }

    /// Whether `area` on the page falls within the part drawn on.
    fn shows(&self, area: &Box2) -> bool {
        self.visible.is_none_or(|visible| visible.overlaps(area))
    }

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
    ) -> Option<PageRoute> {
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
            let bounds = bounding_box(&points);
            routes.push(RoutedFlow {
                points: points.clone(),
                label: flow.label.clone(),
                label_at,
            });
            if !self.shows(&bounds) {
                continue;
            }
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
        }
        routes
    }

    /// Each node: a white box with its icon, its name and its kind.
    fn nodes(&mut self, nodes: &[(String, Box2)]) {
        for (id, area) in nodes {
            let Some(node) = self.architecture.nodes.iter().find(|n| &n.id == id) else {
                continue;
            };
            if !self.shows(area) {
                continue;
            }
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
        self.taken.push(place);
        if !self.shows(&place) {
            return;
        }
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
    }

    fn markers(&mut self) {
        let style = self.style(11.0, 2.5).bold().coloured((1.0, 1.0, 1.0));
        for node in &self.architecture.nodes {
            let (Some(severity), Some(area)) = (node.worst_finding, self.box_of(&node.id)) else {
                continue;
            };
            if !self.shows(&area) {
                continue;
            }
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
    use crate::model::{CanvasPlacement, FlowEntry, NodeEntry, SegmentEntry};
    use crate::pdf::diagram::{DiagramLayout, LayoutKind};

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
        let mut drawing =
            CanvasDrawing::new(&architecture, &mut canvas, &mut used, 0.5, (0.0, 0.0));
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
        let mut drawing =
            CanvasDrawing::new(&architecture, &mut canvas, &mut used, 0.5, (10.0, 0.0));
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
        let mut drawing = CanvasDrawing::new(&moved, &mut canvas, &mut used, 0.5, (10.0, 0.0));
        let routes = drawing.flow_lines(&[]);
        assert_ne!(routes[1].points[2], (242.0, 210.0));
        assert_eq!(routes[1].label_at, None);
    }

    #[test]
    fn the_drawing_holds_a_route_round_the_outside_of_every_box() {
        let mut architecture = shop();
        let inside = DiagramLayout::new(&architecture, 10_000.0).width();
        assert!((inside - 1000.0 * 0.75).abs() < 0.01);
        // The ALB's route to the service leaves by the right, round the account's border.
        architecture.canvas.routes.insert(
            "alb-service".into(),
            PlacedRoute {
                points: vec![(548, 190), (1060, 190), (1060, 450), (548, 450)],
                label: Some((1060, 320)),
            },
        );
        let outside = DiagramLayout::new(&architecture, 10_000.0).width();
        let label = measure("HTTPS 443 · JWT", &TextStyle::new(10.0)) / 2.0 + 4.0;
        assert!(
            (outside - (1060.0 + label) * 0.75).abs() < 0.01,
            "{outside}"
        );
    }

    #[test]
    fn lays_the_diagram_out_afresh_when_the_layout_misses_an_element() {
        let mut architecture = shop();
        architecture.canvas.boxes.remove("service");
        let layout = DiagramLayout::new(&architecture, 500.0);
        assert!(matches!(layout.kind, LayoutKind::Flowed(_)));
    }
}
