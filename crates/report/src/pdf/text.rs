//! Measuring and wrapping text with the advance widths of the embedded fonts.
//!
//! Lines break at spaces and after hyphens and slashes, except inside codes such as
//! `ZT-NET-008` or `F-012` that a reader searches for whole; between two CJK characters, which
//! need no space to break; and, for a word wider than the line (a long ARN or element
//! id), between any two characters, so nothing ever runs past a margin.

use crate::pdf::fonts::{face_for, metrics};

/// A colour as red, green and blue from 0 to 1.
pub type Colour = (f32, f32, f32);

/// How a run of text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Font size in points.
    pub size: f32,
    pub bold: bool,
    pub colour: Colour,
}

impl TextStyle {
    pub const fn new(size: f32) -> TextStyle {
        TextStyle {
            size,
            bold: false,
            colour: (0.12, 0.12, 0.14),
        }
    }

    pub const fn bold(self) -> TextStyle {
        TextStyle { bold: true, ..self }
    }

    pub const fn coloured(self, colour: Colour) -> TextStyle {
        TextStyle { colour, ..self }
    }

    /// Baseline-to-baseline distance for wrapped lines.
    pub fn line_height(&self) -> f32 {
        self.size * 1.3
    }
}

/// The width of a text in a style, in points.
pub fn measure(text: &str, style: &TextStyle) -> f32 {
    text.chars()
        .map(|character| metrics(face_for(character, style.bold)).advance(character, style.size))
        .sum()
}

fn is_cjk(character: char) -> bool {
    matches!(u32::from(character),
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Splits a paragraph into pieces that may not be broken further in normal wrapping:
/// words with their trailing break character, and single CJK characters.
fn break_units(paragraph: &str) -> Vec<&str> {
    let mut units = Vec::new();
    let mut start = 0;
    let mut previous: Option<char> = None;
    let mut before_previous: Option<char> = None;
    // A hyphen between capitals or digits joins the parts of a code (rule, finding, control).
    let code_part =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    for (index, character) in paragraph.char_indices() {
        let break_before = match previous {
            None => false,
            Some('-') if code_part(before_previous) && code_part(Some(character)) => false,
            Some(before) => {
                matches!(before, ' ' | '-' | '/' | ',') && character != ' '
                    || is_cjk(character)
                    || is_cjk(before)
            }
        };
        if break_before && index > start {
            units.push(&paragraph[start..index]);
            start = index;
        }
        before_previous = previous;
        previous = Some(character);
    }
    if start < paragraph.len() {
        units.push(&paragraph[start..]);
    }
    units
}

/// Wraps a text to lines no wider than `width` points. Explicit newlines start new
/// lines; an empty text gives one empty line so that table cells keep their height.
pub fn wrap(text: &str, style: &TextStyle, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for unit in break_units(paragraph) {
            let unit_width = measure(unit, style);
            let trimmed_width = measure(unit.trim_end(), style);
            if line_width + trimmed_width <= width {
                line.push_str(unit);
                line_width += unit_width;
                continue;
            }
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_string());
                line = String::new();
                line_width = 0.0;
            }
            if trimmed_width <= width {
                line.push_str(unit.trim_start());
                line_width = measure(&line, style);
            } else {
                // A single unit wider than the line: break it between characters.
                for character in unit.chars() {
                    let advance = measure(character.encode_utf8(&mut [0; 4]), style);
                    if line_width + advance > width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(character);
                    line_width += advance;
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Shortens a text to fit a width, ending it with an ellipsis when it had to be cut.
pub fn truncate(text: &str, style: &TextStyle, width: f32) -> String {
    if measure(text, style) <= width {
        return text.to_string();
    }
    let ellipsis_width = measure("…", style);
    let mut result = String::new();
    let mut used = 0.0;
    for character in text.chars() {
        let advance = measure(character.encode_utf8(&mut [0; 4]), style);
        if used + advance + ellipsis_width > width {
            break;
        }
        result.push(character);
        used += advance;
    }
    result.push('…');
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle::new(10.0);

    #[test]
    fn wrapped_lines_never_exceed_the_width() {
        let text = "orders-db stores cardholder data and is reachable from the internet \
                    through alb without an authenticating hop; arn:aws:iam::123456789012:role/\
                    a-very-long-role-name-that-cannot-break-anywhere-at-all";
        for width in [40.0, 90.0, 200.0] {
            for line in wrap(text, &BODY, width) {
                assert!(measure(&line, &BODY) <= width + 0.01, "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn wrapping_keeps_every_character_but_the_break_spaces() {
        let text = "Zoë Ångström — Привет мир 注文データベース";
        let joined: String = wrap(text, &BODY, 50.0).concat();
        assert_eq!(joined.replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn codes_stay_whole_where_ids_may_break() {
        let text = "ZT-NET-008, ZT-NET-009 and F-012 judge orders-db-primary";
        assert_eq!(
            break_units(text),
            [
                "ZT-NET-008, ",
                "ZT-NET-009 ",
                "and ",
                "F-012 ",
                "judge ",
                "orders-",
                "db-",
                "primary"
            ]
        );
    }

    #[test]
    fn cjk_breaks_between_characters_without_spaces() {
        let lines = wrap("注文データベース注文データベース", &BODY, 45.0);
        assert!(lines.len() > 2, "{lines:?}");
    }

    #[test]
    fn bold_text_is_wider_than_regular_text() {
        assert!(measure("Network", &BODY.bold()) > measure("Network", &BODY));
    }

    #[test]
    fn truncation_fits_and_marks_the_cut() {
        let cut = truncate("payments-service-production", &BODY, 60.0);
        assert!(cut.ends_with('…'));
        assert!(measure(&cut, &BODY) <= 60.0);
    }
}
