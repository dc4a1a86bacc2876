//! A page as a list of printpdf operations, drawn with top-left coordinates in points
//! (as layout thinks) and converted to PDF's bottom-left origin here, in one place.

use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfFontHandle, Point, Polygon,
    PolygonRing, Pt, Rect, Rgb, TextItem, WindingOrder,
};

use crate::pdf::fonts::{Face, UsedCharacters, face_for, metrics};
use crate::pdf::text::{Colour, TextStyle, measure};

/// The resource id under which a face is embedded; fixed so that output is reproducible.
pub fn font_id(face: Face) -> FontId {
    FontId(
        match face {
            Face::Regular => "F1",
            Face::Bold => "F2",
            Face::Cjk => "F3",
        }
        .to_string(),
    )
}

fn colour(value: Colour) -> Color {
    Color::Rgb(Rgb {
        r: value.0,
        g: value.1,
        b: value.2,
        icc_profile: None,
    })
}

/// One page being drawn.
pub struct Canvas {
    pub ops: Vec<Op>,
    height: f32,
}

impl Canvas {
    pub fn new(height: f32) -> Canvas {
        Canvas {
            ops: Vec::new(),
            height,
        }
    }

    /// A filled shape of one or more closed outlines (an icon's path): with the even-odd rule,
    /// an outline inside another cuts a hole in it.
    pub fn shape(&mut self, rings: &[Vec<(f32, f32)>], fill: Colour, even_odd: bool) {
        self.ops.push(Op::SetFillColor { col: colour(fill) });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: rings
                    .iter()
                    .map(|ring| PolygonRing {
                        points: ring
                            .iter()
                            .map(|&(x, y)| LinePoint {
                                p: self.point(x, y),
                                bezier: false,
                            })
                            .collect(),
                    })
                    .collect(),
                mode: PaintMode::Fill,
                winding_order: if even_odd {
                    WindingOrder::EvenOdd
                } else {
                    WindingOrder::NonZero
                },
            },
        });
    }

    fn point(&self, x: f32, y: f32) -> Point {
        Point {
            x: Pt(x),
            y: Pt(self.height - y),
        }
    }

    /// Draws one line of text whose top is at `top`. Runs of characters that DejaVu
    /// lacks are drawn with the CJK face, each run placed after the previous one's width.
    pub fn text(
        &mut self,
        used: &mut UsedCharacters,
        x: f32,
        top: f32,
        text: &str,
        style: &TextStyle,
    ) {
        if text.is_empty() {
            return;
        }
        // A fixed ascent (DejaVu's) for every face keeps mixed-script runs on one baseline.
        let baseline = top + metrics(Face::Regular).ascent(style.size);
        let mut cursor = x;
        let mut runs: Vec<(Face, String)> = Vec::new();
        for character in text.chars() {
            let face = face_for(character, style.bold);
            match runs.last_mut() {
                Some((run_face, run)) if *run_face == face => run.push(character),
                _ => runs.push((face, character.to_string())),
            }
        }
        self.ops.push(Op::SetFillColor {
            col: colour(style.colour),
        });
        for (face, run) in runs {
            used.record(face, &run);
            self.ops.push(Op::StartTextSection);
            self.ops.push(Op::SetFont {
                font: PdfFontHandle::External(font_id(face)),
                size: Pt(style.size),
            });
            self.ops.push(Op::SetTextCursor {
                pos: self.point(cursor, baseline),
            });
            self.ops.push(Op::ShowText {
                items: vec![TextItem::Text(run.clone())],
            });
            self.ops.push(Op::EndTextSection);
            cursor += measure(&run, style);
        }
    }

    /// A rectangle, filled and/or outlined.
    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    ) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        if let Some(fill) = fill {
            self.ops.push(Op::SetFillColor { col: colour(fill) });
        }
        if let Some((stroke, thickness)) = stroke {
            self.ops.push(Op::SetOutlineColor {
                col: colour(stroke),
            });
            self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        }
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(mode),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// A straight line through the points, solid or dashed.
    pub fn line(&mut self, points: &[(f32, f32)], stroke: Colour, thickness: f32, dashed: bool) {
        self.ops.push(Op::SetOutlineColor {
            col: colour(stroke),
        });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        if dashed {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern {
                    offset: 0.0,
                    pattern: [3.0, 2.0].into_iter().collect(),
                },
            });
        }
        self.ops.push(Op::DrawLine {
            line: Line {
                points: points
                    .iter()
                    .map(|&(x, y)| LinePoint {
                        p: self.point(x, y),
                        bezier: false,
                    })
                    .collect(),
                is_closed: false,
            },
        });
        if dashed {
            self.ops.push(Op::SetLineDashPattern {
                dash: LineDashPattern::default(),
            });
        }
    }

    /// A filled polygon (arrow heads, markers).
    pub fn polygon(&mut self, points: &[(f32, f32)], fill: Colour) {
        self.ops.push(Op::SetFillColor { col: colour(fill) });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings: vec![PolygonRing {
                    points: points
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: self.point(x, y),
                            bezier: false,
                        })
                        .collect(),
                }],
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Draws nothing outside the rectangle until `end_clip`.
    pub fn clip(&mut self, x: f32, y: f32, width: f32, height: f32) {
        self.ops.push(Op::SaveGraphicsState);
        self.ops.push(Op::DrawRectangle {
            rectangle: Rect {
                x: Pt(x),
                y: Pt(self.height - y - height),
                width: Pt(width),
                height: Pt(height),
                mode: Some(PaintMode::Clip),
                winding_order: Some(WindingOrder::NonZero),
            },
        });
    }

    /// Ends the clip `clip` began, restoring the drawing state from before it.
    pub fn end_clip(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
    }

    /// A filled circle approximated by a 16-sided polygon: small enough that the facets
    /// do not show at the sizes the report draws markers.
    pub fn circle(&mut self, centre_x: f32, centre_y: f32, radius: f32, fill: Colour) {
        let points: Vec<(f32, f32)> = (0..16)
            .map(|step| {
                let angle = step as f32 / 16.0 * std::f32::consts::TAU;
                (
                    centre_x + radius * angle.cos(),
                    centre_y + radius * angle.sin(),
                )
            })
            .collect();
        self.polygon(&points, fill);
    }
}
