//! Vector charts for the executive summary: open findings by severity, and the CISA
//! ZTMM stage of every pillar and cross-cutting capability.

use zta_compliance::{PillarScore, Severity, SeverityCounts, Stage};

use crate::pdf::canvas::Canvas;
use crate::pdf::compose::{MUTED, RULE};
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::text::{Colour, TextStyle, measure, truncate};

pub fn severity_colour(severity: Severity) -> Colour {
    match severity {
        Severity::Critical => (0.62, 0.07, 0.10),
        Severity::High => (0.86, 0.30, 0.12),
        Severity::Medium => (0.90, 0.62, 0.07),
        Severity::Low => (0.25, 0.50, 0.78),
        Severity::Info => (0.55, 0.57, 0.62),
    }
}

pub fn stage_colour(stage: Stage) -> Colour {
    match stage {
        Stage::NotAssessed => (0.45, 0.47, 0.52),
        Stage::Traditional => (0.80, 0.26, 0.20),
        Stage::Initial => (0.92, 0.60, 0.15),
        Stage::Advanced => (0.36, 0.62, 0.30),
        Stage::Optimal => (0.12, 0.45, 0.25),
    }
}

const LABEL: TextStyle = TextStyle::new(8.0);
const ROW: f32 = 15.0;

/// Height the severity chart needs.
pub fn severity_chart_height() -> f32 {
    Severity::ALL.len() as f32 * ROW + 4.0
}

/// One horizontal bar per severity, scaled to the largest count, with the count printed.
pub fn severity_chart(
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    (x, y): (f32, f32),
    width: f32,
    counts: &SeverityCounts,
) {
    let label_width = 60.0;
    let track = width - label_width - 30.0;
    let largest = Severity::ALL
        .iter()
        .map(|&severity| counts.get(severity))
        .max()
        .unwrap_or(0)
        .max(1);
    for (row, &severity) in Severity::ALL.iter().enumerate() {
        let top = y + row as f32 * ROW;
        let name = severity.as_str();
        let mut label = name[..1].to_uppercase();
        label.push_str(&name[1..]);
        canvas.text(used, x, top + 2.0, &label, &LABEL);
        let count = counts.get(severity);
        let bar = track * count as f32 / largest as f32;
        canvas.rect(
            x + label_width,
            top + 1.0,
            track,
            ROW - 4.0,
            Some((0.95, 0.95, 0.96)),
            None,
        );
        if count > 0 {
            canvas.rect(
                x + label_width,
                top + 1.0,
                bar.max(1.5),
                ROW - 4.0,
                Some(severity_colour(severity)),
                None,
            );
        }
        canvas.text(
            used,
            x + label_width + track + 5.0,
            top + 2.0,
            &count.to_string(),
            &LABEL.bold(),
        );
    }
}

/// Height the maturity chart needs for a number of pillars.
pub fn maturity_chart_height(pillars: usize) -> f32 {
    14.0 + pillars as f32 * ROW + 4.0
}

/// A pillar's name as the chart prints it.
fn pillar_label(pillar: &PillarScore) -> String {
    if pillar.cross_cutting {
        format!("{} (cross-cutting)", pillar.name)
    } else {
        pillar.name.clone()
    }
}

/// One bar per pillar from Traditional up to its stage, over a scale with the four
/// stages marked, so that the reader compares pillars at a glance. A pillar that is not
/// assessed gets no bar and says so.
pub fn maturity_chart(
    canvas: &mut Canvas,
    used: &mut UsedCharacters,
    (x, y): (f32, f32),
    width: f32,
    pillars: &[PillarScore],
) {
    // The label column fits the longest pillar name (cross-cutting capabilities have long
    // ones), so that no name is cut; the stage track keeps at least three fifths of the width.
    let names: Vec<String> = pillars.iter().map(pillar_label).collect();
    let label_width = names
        .iter()
        .map(|name| measure(name, &LABEL) + 8.0)
        .fold(120.0, f32::max)
        .min(width * 0.4);
    let track = width - label_width - 10.0;
    let step = track / Stage::ALL.len() as f32;
    let scale_style = LABEL.coloured(MUTED);
    for (index, stage) in Stage::ALL.iter().enumerate() {
        let left = x + label_width + index as f32 * step;
        let label = stage.label();
        let centre = left + step / 2.0 - measure(label, &scale_style) / 2.0;
        canvas.text(used, centre, y, label, &scale_style);
    }
    let top_of_rows = y + 14.0;
    let bottom = top_of_rows + pillars.len() as f32 * ROW;
    for index in 0..=Stage::ALL.len() {
        let line_x = x + label_width + index as f32 * step;
        canvas.line(
            &[(line_x, top_of_rows - 2.0), (line_x, bottom)],
            RULE,
            0.5,
            true,
        );
    }
    for (row, (pillar, name)) in pillars.iter().zip(&names).enumerate() {
        let top = top_of_rows + row as f32 * ROW;
        canvas.text(
            used,
            x,
            top + 2.0,
            &truncate(name, &LABEL, label_width - 6.0),
            &LABEL,
        );
        let length = step * f32::from(pillar.stage.level());
        canvas.rect(
            x + label_width,
            top + 1.0,
            length,
            ROW - 4.0,
            Some(stage_colour(pillar.stage)),
            None,
        );
        let label = pillar.stage.label();
        if pillar.stage == Stage::NotAssessed {
            // No bar: nothing was judged, so the pillar sits on no stage, not on the lowest.
            let grey = LABEL.coloured(stage_colour(Stage::NotAssessed));
            canvas.text(used, x + label_width + 4.0, top + 2.0, label, &grey);
        } else {
            let white = LABEL.bold().coloured((1.0, 1.0, 1.0));
            canvas.text(
                used,
                x + label_width + length - measure(label, &white) - 4.0,
                top + 2.0,
                label,
                &white,
            );
        }
    }
}
