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
//! the width its parent gives it (`flowed.rs`; the canvas's drawing is `from_canvas.rs`).
//! Either drawing is scaled down, never up, to fit the space on the page; a canvas too large
//! to read on one page is printed again in overlapping parts, one a page (`sheets.rs`).

mod flowed;
mod from_canvas;
mod sheets;

pub use sheets::Sheet;

use zta_compliance::Severity;

use crate::model::Architecture;
use crate::pdf::canvas::Canvas;
use crate::pdf::chart::severity_colour;
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::text::{Colour, TextStyle, measure};

/// A rectangle: on the page in points, or on the canvas in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
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

/// The diagram laid out at scale 1, ready to be scaled onto a page.
pub struct DiagramLayout {
    width: f32,
    height: f32,
    kind: LayoutKind,
}

enum LayoutKind {
    /// Laid out here, in rows: actors, the segment trees, identities.
    Flowed(Vec<flowed::Row>),
    /// The canvas's own layout: the part of the canvas its boxes cover, in canvas pixels, and
    /// the points per canvas pixel.
    Canvas { extent: Box2, scale: f32 },
}

/// Points per canvas pixel at most: the canvas at 100% is about as large as print reads.
const CANVAS_SCALE: f32 = 0.75;
/// Points per canvas pixel below which the canvas's 12 px names print under 5.4 points, too
/// small to read on paper: the report then takes a larger page for the diagram, and prints
/// the canvas again in parts (`sheets.rs`) when even that page does not read.
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
        if !placed {
            let (width, height, rows) = flowed::lay_out(architecture, max_width);
            return DiagramLayout {
                width,
                height,
                kind: LayoutKind::Flowed(rows),
            };
        }
        let mut left = boxes.values().map(|b| b.x).min().unwrap_or(0) as f32;
        let mut top = boxes.values().map(|b| b.y).min().unwrap_or(0) as f32;
        let mut right = boxes.values().map(|b| b.x + b.width).max().unwrap_or(0) as f32;
        let mut bottom = boxes.values().map(|b| b.y + b.height).max().unwrap_or(0) as f32;
        // A saved route may run round the outside of every box, its label beside it: the
        // drawing holds them too, or they would print in the page's margin.
        let label_style = TextStyle::new(10.0);
        for flow in &architecture.flows {
            let Some(route) = architecture.canvas.routes.get(&flow.id) else {
                continue;
            };
            let half_label = (measure(&flow.label, &label_style) / 2.0 + 4.0, 9.0);
            let points = route.points.iter().map(|&point| (point, (0.0, 0.0)));
            for ((x, y), (half_width, half_height)) in
                points.chain(route.label.map(|label| (label, half_label)))
            {
                let (x, y) = (x as f32, y as f32);
                (left, top) = (left.min(x - half_width), top.min(y - half_height));
                (right, bottom) = (right.max(x + half_width), bottom.max(y + half_height));
            }
        }
        let extent = Box2 {
            x: left,
            y: top,
            width: (right - left).max(1.0),
            height: (bottom - top).max(1.0),
        };
        let scale = CANVAS_SCALE.min(max_width / extent.width);
        DiagramLayout {
            width: extent.width * scale,
            height: extent.height * scale,
            kind: LayoutKind::Canvas { extent, scale },
        }
    }

    /// Whether the diagram is the canvas as the architect placed it (else it was laid out here).
    pub fn is_canvas(&self) -> bool {
        matches!(self.kind, LayoutKind::Canvas { .. })
    }

    /// The height the diagram needs when drawn at most `max_height` tall.
    pub fn drawn_height(&self, max_height: f32) -> f32 {
        self.height.min(max_height)
    }

    fn fit(&self, max_height: f32) -> f32 {
        (max_height / self.height.max(1.0)).min(1.0)
    }

    /// Whether the diagram, drawn at most `max_height` tall, keeps its text large enough to
    /// read.
    pub fn reads_at(&self, max_height: f32) -> bool {
        let fit = self.fit(max_height);
        match self.kind {
            LayoutKind::Canvas { scale, .. } => scale * fit >= READABLE_SCALE,
            LayoutKind::Flowed(_) => fit >= READABLE_SCALE / CANVAS_SCALE,
        }
    }

    /// The parts of the canvas to print again on pages of their own, each `room` points
    /// large, when the whole drawn at most `max_height` tall does not read; none otherwise.
    pub fn sheets(
        &self,
        architecture: &Architecture,
        max_height: f32,
        room: (f32, f32),
    ) -> Vec<Sheet> {
        match self.kind {
            LayoutKind::Canvas { extent, .. } if !self.reads_at(max_height) => {
                sheets::tile(architecture, extent, room, READABLE_SCALE)
            }
            _ => Vec::new(),
        }
    }

    /// Draws the diagram with its top-left corner at `origin`, scaled to fit `max_height`,
    /// with the outline and number of each of `sheets` over it.
    pub fn draw(
        &self,
        architecture: &Architecture,
        canvas: &mut Canvas,
        used: &mut UsedCharacters,
        origin: (f32, f32),
        max_height: f32,
        sheets: &[Sheet],
    ) {
        let fit = self.fit(max_height);
        match &self.kind {
            LayoutKind::Canvas { extent, scale } => {
                let scale = scale * fit;
                let origin = (origin.0 - extent.x * scale, origin.1 - extent.y * scale);
                from_canvas::draw(architecture, canvas, used, scale, origin, None);
                sheets::outline(canvas, used, sheets, scale, origin);
            }
            LayoutKind::Flowed(rows) => flowed::draw(architecture, canvas, used, rows, fit, origin),
        }
    }

    /// Draws one sheet: its part of the canvas, `room` points large with its top-left corner
    /// at `origin`, and nothing outside it.
    pub fn draw_sheet(
        architecture: &Architecture,
        canvas: &mut Canvas,
        used: &mut UsedCharacters,
        sheet: &Sheet,
        origin: (f32, f32),
    ) {
        let scale = sheet.scale;
        let clip = Box2 {
            x: origin.0,
            y: origin.1,
            width: sheet.window.width * scale,
            height: sheet.window.height * scale,
        };
        let canvas_origin = (
            origin.0 - sheet.window.x * scale,
            origin.1 - sheet.window.y * scale,
        );
        from_canvas::draw(architecture, canvas, used, scale, canvas_origin, Some(clip));
    }

    pub fn width(&self) -> f32 {
        self.width
    }
}

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
