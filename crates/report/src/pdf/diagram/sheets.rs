//! A canvas too large to read on one page, printed again in parts, one a page, the way a large
//! drawing is printed over several sheets. The canvas is cut into a grid of equal windows,
//! each overlapping its neighbours by more than a node or a flow label is wide, so that every
//! element and label is whole on at least one sheet; the grid has as few windows as the
//! readable scale allows, and they are drawn at the largest scale that fills the page. A window
//! with no element in it is left out. The whole diagram outlines and numbers each sheet's
//! window, so that the reader finds where a sheet belongs.

use crate::model::Architecture;
use crate::pdf::canvas::Canvas;
use crate::pdf::compose::ACCENT;
use crate::pdf::diagram::{Box2, CANVAS_SCALE};
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::text::{TextStyle, measure};

/// How far neighbouring windows overlap, in canvas pixels: more than a node (168 px) or a
/// flow label (at most about 200 px) is wide.
const OVERLAP: f32 = 240.0;
/// The colour of a sheet's outline on the whole diagram: grey and dashed, unlike any flow.
const OUTLINE: (f32, f32, f32) = (0.55, 0.58, 0.65);

/// One part of the canvas on a page of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The part of the canvas shown, in canvas pixels.
    pub(super) window: Box2,
    /// Points per canvas pixel.
    pub(super) scale: f32,
    /// The sheet's number, from 1, and how many sheets there are.
    number: usize,
    count: usize,
}

impl Sheet {
    /// What the sheet's page says of it.
    pub fn caption(&self) -> String {
        format!(
            "Sheet {} of {}: the part of the diagram outlined and numbered {} on the whole diagram, at {:.0}% of the size the canvas shows it at 100% zoom.",
            self.number,
            self.count,
            self.number,
            self.scale / CANVAS_SCALE * 100.0
        )
    }
}

/// The windows of `extent` (the canvas's boxes, in canvas pixels) to print on pages `room`
/// points large, at `readable` points per canvas pixel or more.
pub(super) fn tile(
    architecture: &Architecture,
    extent: Box2,
    room: (f32, f32),
    readable: f32,
) -> Vec<Sheet> {
    let grid = |length: f32, room: f32| -> (usize, f32) {
        let window = room / readable;
        let overlap = OVERLAP.min(window / 4.0);
        if length <= window {
            (1, overlap)
        } else {
            (
                ((length - overlap) / (window - overlap)).ceil() as usize,
                overlap,
            )
        }
    };
    let (columns, overlap_x) = grid(extent.width, room.0);
    let (rows, overlap_y) = grid(extent.height, room.1);
    // The windows the grid needs, and the largest scale at which the page holds them.
    let needed_width = (extent.width + (columns - 1) as f32 * overlap_x) / columns as f32;
    let needed_height = (extent.height + (rows - 1) as f32 * overlap_y) / rows as f32;
    let scale = (room.0 / needed_width)
        .min(room.1 / needed_height)
        .min(CANVAS_SCALE);
    let (width, height) = (room.0 / scale, room.1 / scale);
    // The first window's corner and the step to the next; a single window is centred.
    let place = |start: f32, length: f32, window: f32, count: usize| -> (f32, f32) {
        if count == 1 {
            (start - (window - length) / 2.0, 0.0)
        } else {
            (start, (length - window) / (count - 1) as f32)
        }
    };
    let (x, step_x) = place(extent.x, extent.width, width, columns);
    let (y, step_y) = place(extent.y, extent.height, height, rows);
    let elements: Vec<Box2> = architecture
        .nodes
        .iter()
        .filter_map(|node| architecture.canvas.boxes.get(&node.id))
        .map(|placed| Box2 {
            x: placed.x as f32,
            y: placed.y as f32,
            width: placed.width as f32,
            height: placed.height as f32,
        })
        .collect();
    let windows: Vec<Box2> = (0..rows)
        .flat_map(|row| (0..columns).map(move |column| (row, column)))
        .map(|(row, column)| Box2 {
            x: x + column as f32 * step_x,
            y: y + row as f32 * step_y,
            width,
            height,
        })
        .filter(|window| elements.iter().any(|element| window.overlaps(element)))
        .collect();
    let count = windows.len();
    windows
        .into_iter()
        .enumerate()
        .map(|(index, window)| Sheet {
            window,
            scale,
            number: index + 1,
            count,
        })
        .collect()
}

/// Outlines each sheet's window on the whole diagram, drawn `scale` points per canvas pixel
/// with canvas (0, 0) at `origin`, and numbers it in its top-left corner.
pub(super) fn outline(
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    sheets: &[Sheet],
    scale: f32,
    origin: (f32, f32),
) {
    let style = TextStyle::new(7.0).bold().coloured((1.0, 1.0, 1.0));
    for sheet in sheets {
        let (left, top) = (
            origin.0 + sheet.window.x * scale,
            origin.1 + sheet.window.y * scale,
        );
        let (right, bottom) = (
            left + sheet.window.width * scale,
            top + sheet.window.height * scale,
        );
        canvas.line(
            &[
                (left, top),
                (right, top),
                (right, bottom),
                (left, bottom),
                (left, top),
            ],
            OUTLINE,
            0.5,
            true,
        );
        let number = sheet.number.to_string();
        let width = measure(&number, &style) + 6.0;
        canvas.rect(left, top, width, 10.0, Some(ACCENT), None);
        canvas.text(used, left + 3.0, top + 1.0, &number, &style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CanvasPlacement, NodeEntry, NodeRole, PlacedBox};

    /// A row of `count` nodes 168 by 60 pixels, 300 pixels apart, and one far below the rest.
    fn wide(count: usize) -> (Architecture, Box2) {
        let mut canvas = CanvasPlacement::default();
        let mut nodes = Vec::new();
        for index in 0..=count {
            let id = format!("node-{index}");
            let (x, y) = if index == count {
                (0, 2000)
            } else {
                (index as i32 * 300, 0)
            };
            canvas.boxes.insert(
                id.clone(),
                PlacedBox {
                    x,
                    y,
                    width: 168,
                    height: 60,
                },
            );
            nodes.push(NodeEntry {
                id: id.clone(),
                name: id,
                role: NodeRole::Component,
                kind: "ECS service".into(),
                segment: None,
                data: vec![],
                logical_id: None,
                worst_finding: None,
                finding_count: 0,
            });
        }
        let extent = Box2 {
            x: 0.0,
            y: 0.0,
            width: (count - 1) as f32 * 300.0 + 168.0,
            height: 2060.0,
        };
        let architecture = Architecture {
            segments: vec![],
            nodes,
            flows: vec![],
            canvas,
        };
        (architecture, extent)
    }

    #[test]
    fn every_element_is_whole_on_a_sheet_that_reads() {
        let (architecture, extent) = wide(20);
        let sheets = tile(&architecture, extent, (700.0, 450.0), 0.45);
        assert!(sheets.len() > 1);
        for sheet in &sheets {
            assert!(sheet.scale >= 0.45, "{sheet:?}");
            assert!((sheet.window.width * sheet.scale - 700.0).abs() < 0.01);
            assert!((sheet.window.height * sheet.scale - 450.0).abs() < 0.01);
        }
        for placed in architecture.canvas.boxes.values() {
            let element = Box2 {
                x: placed.x as f32,
                y: placed.y as f32,
                width: placed.width as f32,
                height: placed.height as f32,
            };
            let whole = |window: &Box2| {
                window.x <= element.x
                    && window.y <= element.y
                    && element.x + element.width <= window.x + window.width
                    && element.y + element.height <= window.y + window.height
            };
            assert!(
                sheets.iter().any(|sheet| whole(&sheet.window)),
                "{element:?} is whole on no sheet"
            );
        }
        // The windows between the row and the lone node below hold nothing and are left out.
        let numbers: Vec<usize> = sheets.iter().map(|sheet| sheet.number).collect();
        assert_eq!(numbers, (1..=sheets.len()).collect::<Vec<_>>());
        assert!(sheets.iter().all(|sheet| sheet.count == sheets.len()));
        let columns = sheets.iter().filter(|sheet| sheet.window.y == 0.0).count();
        assert!(sheets.len() < columns * 2, "{} sheets", sheets.len());
    }

    #[test]
    fn a_canvas_that_fits_is_one_sheet_centred_on_it() {
        let (architecture, extent) = wide(2);
        let sheets = tile(&architecture, extent, (2000.0, 3000.0), 0.45);
        assert_eq!(sheets.len(), 1);
        let window = sheets[0].window;
        assert!((window.x + window.width / 2.0 - extent.width / 2.0).abs() < 0.01);
    }
}
