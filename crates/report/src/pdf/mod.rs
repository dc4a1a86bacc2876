//! The PDF renderer: lays the report model out on A4 or US Letter pages with printpdf
//! 0.12's operation lists, embeds subsets of the bundled Unicode fonts, and adds a cover,
//! a table of contents with page numbers, running headers, "page X of Y" footers and
//! bookmarks.
//!
//! The body is laid out first, so that the table of contents, which comes before it,
//! knows the page of every heading; the contents then take a known number of pages
//! because their lines are truncated, never wrapped.

mod canvas;
mod chart;
mod compose;
mod diagram;
mod fonts;
mod icons;
mod sections;
mod text;

use printpdf::{Mm, PdfDocument, PdfFont, PdfPage, PdfSaveOptions};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::Report;
use canvas::font_id;
use compose::{Composer, PageGeometry};

/// Paper sizes the report is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    /// The pages the architecture diagram may take, smallest first: the paper turned on its
    /// side, then the next size up on its side (A3 for A4, Tabloid for Letter), which is what a
    /// printed architecture drawing uses when the design is too large to read on the first.
    fn diagram_pages(self) -> [PageGeometry; 2] {
        let larger = match self {
            Paper::A4 => Paper::A4.with_size((841.89, 1190.55)),
            Paper::Letter => Paper::Letter.with_size((792.0, 1224.0)),
        };
        [self.geometry().landscape(), larger.landscape()]
    }

    fn with_size(self, (width, height): (f32, f32)) -> PageGeometry {
        PageGeometry {
            width,
            height,
            ..self.geometry()
        }
    }

    fn geometry(self) -> PageGeometry {
        let (width, height) = self.size();
        PageGeometry {
            width,
            height,
            margin: 48.0,
            top: 64.0,
            bottom: 52.0,
        }
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(text: &str) -> std::result::Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "letter" | "us-letter" | "usletter" => Ok(Paper::Letter),
            other => Err(format!(
                "unknown paper size `{other}`; expected a4 or letter"
            )),
        }
    }
}

/// The PDF date of a report date written `YYYY-MM-DD`, at midnight UTC.
fn pdf_date(date: &str) -> Result<printpdf::OffsetDateTime> {
    let bytes = date.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(Error::Date(date.to_string()));
    }
    printpdf::parse_pdf_date(&format!(
        "D:{}{}{}000000",
        &date[..4],
        &date[5..7],
        &date[8..]
    ))
    .map_err(|_| Error::Date(date.to_string()))
}

/// Renders the report as a PDF document.
pub fn render(report: &Report, paper: Paper) -> Result<Vec<u8>> {
    let geometry = paper.geometry();

    let mut body = Composer::new(geometry);
    sections::body(&mut body, report, paper.diagram_pages());

    let mut front = Composer::new(geometry);
    sections::cover(&mut front, report);
    let contents_pages = sections::contents_page_count(&front, body.headings.len());
    let body_first_page = 1 + contents_pages + 1;
    sections::contents(&mut front, &body.headings, body_first_page);

    let total = front.pages.len() + body.pages.len();
    let title = format!("{} · {}", report.meta.title, report.meta.design_name);
    let note = format!(
        "{} · design SHA-256 {}",
        report.meta.date,
        &report.meta.design_sha256[..report.meta.design_sha256.len().min(16)]
    );
    front.decorate_from(1, &title, &note, 1, total);
    body.decorate(&title, &note, body_first_page, total);

    let mut used = std::mem::take(&mut front.used);
    used.merge(std::mem::take(&mut body.used));

    let mut document = PdfDocument::new(&title);
    // The document's dates are the report's date (at midnight UTC: the report states a day, and
    // a clock time would make two renderings of one report differ); printpdf's default is 1970.
    let date = pdf_date(&report.meta.date)?;
    document.metadata.info.creation_date = date;
    document.metadata.info.modification_date = date;
    document.metadata.info.metadata_date = date;
    document.metadata.info.author = report.meta.generator.clone();
    document.metadata.info.creator = report.meta.generator.clone();
    for (face, font) in used.subset_fonts()? {
        document
            .resources
            .fonts
            .map
            .insert(font_id(face), PdfFont::new(font));
    }
    for heading in body.headings.iter().filter(|heading| heading.level == 1) {
        document.add_bookmark(&heading.title, body_first_page + heading.page);
    }
    let geometries: Vec<PageGeometry> = front
        .page_geometries
        .iter()
        .chain(&body.page_geometries)
        .copied()
        .collect();
    let pages: Vec<PdfPage> = front
        .pages
        .into_iter()
        .chain(body.pages)
        .zip(geometries)
        .map(|(canvas, geometry)| {
            PdfPage::new(
                Mm::from(printpdf::Pt(geometry.width)),
                Mm::from(printpdf::Pt(geometry.height)),
                canvas.ops,
            )
        })
        .collect();
    document.with_pages(pages);
    Ok(document.save(&PdfSaveOptions::default(), &mut Vec::new()))
}
