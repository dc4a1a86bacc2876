//! The fonts the PDF report embeds (from `assets/fonts/`), character-to-face fallback,
//! glyph advance widths for measuring text, and per-document subsetting.
//!
//! printpdf 0.12 without its `text_layout` feature embeds whole font files. A whole
//! DejaVu pair plus the CJK fallback would put about 5.5 MB into every report, so the
//! report subsets each face itself to the characters the document uses and hands
//! printpdf the subset. The subset keeps the original advance widths, so text measured
//! against the full face lays out identically.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use printpdf::ParsedFont;

use crate::error::{Error, Result};

const REGULAR_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
const BOLD_TTF: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");
const CJK_TTF: &[u8] = include_bytes!("../../../../assets/fonts/WenQuanYiMicroHei.ttf");

/// One of the embedded font faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Face {
    Regular,
    Bold,
    /// WenQuanYi Micro Hei: Chinese, Japanese and Korean, drawn when DejaVu lacks a glyph.
    Cjk,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Cjk];

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR_TTF,
            Face::Bold => BOLD_TTF,
            Face::Cjk => CJK_TTF,
        }
    }
}

/// A parsed face with what layout needs: the character map, advance widths and
/// vertical metrics in font units.
pub struct FaceMetrics {
    pub parsed: ParsedFont,
    units_per_em: f32,
}

impl FaceMetrics {
    fn load(face: Face) -> FaceMetrics {
        // The fonts are compiled in and parsed by the tests, so failure is a build defect.
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())
            .unwrap_or_else(|| panic!("embedded font {face:?} does not parse"));
        let units_per_em = f32::from(parsed.units_per_em);
        FaceMetrics {
            parsed,
            units_per_em,
        }
    }

    /// Whether the face has a glyph for the character.
    pub fn has_glyph(&self, character: char) -> bool {
        self.parsed
            .codepoint_to_glyph
            .get(&u32::from(character))
            .is_some_and(|&glyph| glyph != 0)
    }

    /// The advance width of a character at a size, in points.
    pub fn advance(&self, character: char, size: f32) -> f32 {
        let glyph = self
            .parsed
            .codepoint_to_glyph
            .get(&u32::from(character))
            .copied()
            .unwrap_or(0);
        let units = self.parsed.glyph_widths.get(&glyph).copied().unwrap_or(0);
        f32::from(units) / self.units_per_em * size
    }

    /// The ascender height at a size, in points.
    pub fn ascent(&self, size: f32) -> f32 {
        f32::from(self.parsed.font_metrics.ascent) / self.units_per_em * size
    }
}

/// The three faces, parsed once per process.
pub fn metrics(face: Face) -> &'static FaceMetrics {
    static FACES: OnceLock<[FaceMetrics; 3]> = OnceLock::new();
    let faces = FACES.get_or_init(|| Face::ALL.map(FaceMetrics::load));
    &faces[face as usize]
}

/// The face that draws a character in a style: the styled DejaVu face when it has the
/// glyph, else the CJK fallback when that has it, else the styled face (which draws
/// its missing-glyph box, so the gap is visible rather than silent).
pub fn face_for(character: char, bold: bool) -> Face {
    let styled = if bold { Face::Bold } else { Face::Regular };
    if character.is_ascii() || metrics(styled).has_glyph(character) {
        styled
    } else if metrics(Face::Cjk).has_glyph(character) {
        Face::Cjk
    } else {
        styled
    }
}

/// The characters a document draws with each face, collected while laying it out.
#[derive(Debug, Default)]
pub struct UsedCharacters {
    by_face: BTreeMap<Face, BTreeSet<char>>,
}

impl UsedCharacters {
    pub fn record(&mut self, face: Face, text: &str) {
        self.by_face.entry(face).or_default().extend(text.chars());
    }

    /// Adds the characters another part of the document used.
    pub fn merge(&mut self, other: UsedCharacters) {
        for (face, characters) in other.by_face {
            self.by_face.entry(face).or_default().extend(characters);
        }
    }

    /// The faces that draw at least one character, with their subset font programs.
    pub fn subset_fonts(&self) -> Result<Vec<(Face, ParsedFont)>> {
        self.by_face
            .iter()
            .filter(|(_, characters)| !characters.is_empty())
            .map(|(&face, characters)| Ok((face, subset_face(face, characters)?)))
            .collect()
    }
}

/// Cuts a face down to the glyphs of the given characters, keeping a Unicode cmap so the
/// subset maps characters to its renumbered glyphs, and parses the result for printpdf.
fn subset_face(face: Face, characters: &BTreeSet<char>) -> Result<ParsedFont> {
    let full = metrics(face);
    // Glyph 0 (.notdef) must come first; allsorts numbers the subset in this order.
    let mut glyphs: Vec<u16> = vec![0];
    let used: BTreeSet<u16> = characters
        .iter()
        .filter_map(|&c| full.parsed.codepoint_to_glyph.get(&u32::from(c)).copied())
        .filter(|&glyph| glyph != 0)
        .collect();
    glyphs.extend(used);
    let font_error = |message: String| Error::Font {
        face: format!("{face:?}"),
        message,
    };
    let scope = ReadScope::new(face.bytes());
    let font_data = scope
        .read::<FontData<'_>>()
        .map_err(|error| font_error(error.to_string()))?;
    let provider = font_data
        .table_provider(0)
        .map_err(|error| font_error(error.to_string()))?;
    let bytes = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|error| font_error(error.to_string()))?;
    ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
        .ok_or_else(|| font_error("the subset font does not parse".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_cyrillic_and_greek_come_from_dejavu_and_cjk_from_the_fallback() {
        for character in ['é', 'Å', 'ж', 'Ω', '→'] {
            assert_eq!(face_for(character, false), Face::Regular, "{character}");
        }
        for character in ['東', 'デ', '한'] {
            assert_eq!(face_for(character, true), Face::Cjk, "{character}");
        }
    }

    #[test]
    fn a_subset_keeps_advance_widths_and_maps_every_used_character() {
        let mut used = UsedCharacters::default();
        used.record(Face::Regular, "Zoë Привет");
        used.record(Face::Cjk, "注文");
        let subsets = used.subset_fonts().unwrap();
        assert_eq!(subsets.len(), 2);
        for (face, font) in subsets {
            let full = metrics(face);
            let sample = if face == Face::Cjk {
                "注文"
            } else {
                "Zoë Привет"
            };
            for character in sample.chars() {
                let glyph = font.codepoint_to_glyph[&u32::from(character)];
                let width = font.glyph_widths[&glyph];
                let full_glyph = full.parsed.codepoint_to_glyph[&u32::from(character)];
                assert_eq!(width, full.parsed.glyph_widths[&full_glyph], "{character}");
            }
            assert!(font.original_bytes.len() < face.bytes().len() / 10);
        }
    }
}
