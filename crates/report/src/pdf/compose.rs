//! Flowing content onto pages: headings that feed the table of contents, wrapped
//! paragraphs, tables that break across pages and repeat their header, and blocks of
//! free drawing (charts, the diagram) that move to a new page when they do not fit.

use crate::pdf::canvas::Canvas;
use crate::pdf::fonts::UsedCharacters;
use crate::pdf::text::{Colour, TextStyle, truncate, wrap};

pub const INK: Colour = (0.12, 0.12, 0.14);
pub const MUTED: Colour = (0.38, 0.40, 0.45);
pub const RULE: Colour = (0.78, 0.80, 0.84);
pub const ACCENT: Colour = (0.09, 0.27, 0.52);
pub const HEADER_FILL: Colour = (0.90, 0.92, 0.95);
pub const ZEBRA_FILL: Colour = (0.97, 0.975, 0.98);

pub const BODY: TextStyle = TextStyle::new(9.5);
pub const SMALL: TextStyle = TextStyle::new(8.0);
pub const TABLE: TextStyle = TextStyle::new(8.0);

/// Page size and margins in points.
#[derive(Debug, Clone, Copy)]
pub struct PageGeometry {
    pub width: f32,
    pub height: f32,
    pub margin: f32,
    /// Space above the body for the running header.
    pub top: f32,
    /// Space below the body for the footer.
    pub bottom: f32,
}

impl PageGeometry {
    pub fn content_width(&self) -> f32 {
        self.width - 2.0 * self.margin
    }

    pub fn body_bottom(&self) -> f32 {
        self.height - self.bottom
    }

    /// The same page turned on its side, with the same margins.
    pub fn landscape(&self) -> PageGeometry {
        PageGeometry {
            width: self.height,
            height: self.width,
            ..*self
        }
    }
}

/// A heading as the table of contents lists it.
#[derive(Debug, Clone)]
pub struct Heading {
    pub level: u8,
    pub title: String,
    /// Index of the page within the composer's own pages.
    pub page: usize,
}

/// A table column: its header and its share of the content width.
pub struct Column {
    pub title: String,
    pub share: f32,
}

impl Column {
    pub fn new(title: &str, share: f32) -> Column {
        Column {
            title: title.to_string(),
            share,
        }
    }
}

/// A table cell: text, with an optional colour for status words.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub colour: Option<Colour>,
    pub bold: bool,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }

    pub fn marked(text: impl Into<String>, colour: Colour) -> Cell {
        Cell {
            text: text.into(),
            colour: Some(colour),
            bold: true,
        }
    }
}

/// Lays content out page by page.
pub struct Composer {
    /// The geometry of the current page.
    pub geometry: PageGeometry,
    /// The geometry of the pages the composer opens unless told otherwise.
    portrait: PageGeometry,
    pub pages: Vec<Canvas>,
    /// The geometry of each page: a page may be turned or larger (the diagram's).
    pub page_geometries: Vec<PageGeometry>,
    /// The level-1 section each page belongs to, for the running header.
    pub page_sections: Vec<String>,
    pub headings: Vec<Heading>,
    pub used: UsedCharacters,
    y: f32,
    section: String,
}

const CELL_PADDING: f32 = 3.0;

impl Composer {
    pub fn new(geometry: PageGeometry) -> Composer {
        Composer {
            geometry,
            portrait: geometry,
            pages: Vec::new(),
            page_geometries: Vec::new(),
            page_sections: Vec::new(),
            headings: Vec::new(),
            used: UsedCharacters::default(),
            y: 0.0,
            section: String::new(),
        }
    }

    pub fn new_page(&mut self) {
        self.new_page_with(self.portrait);
    }

    /// Opens a page of another size or orientation; the pages after it are the usual ones.
    pub fn new_page_with(&mut self, geometry: PageGeometry) {
        self.geometry = geometry;
        self.pages.push(Canvas::new(geometry.height));
        self.page_geometries.push(geometry);
        self.page_sections.push(self.section.clone());
        self.y = geometry.top;
    }

    /// Points left on the current page above the footer.
    pub fn remaining(&self) -> f32 {
        self.geometry.body_bottom() - self.y
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.remaining() < height {
            self.new_page();
        }
    }

    /// Names the section pages opened from now on belong to (for pages that are not
    /// started by [`Composer::section`], such as the contents).
    pub fn set_section(&mut self, title: &str) {
        self.section = title.to_string();
    }

    /// The current position from the top of the page.
    pub fn y(&self) -> f32 {
        self.y
    }

    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    fn canvas(&mut self) -> &mut Canvas {
        self.pages.last_mut().expect("a page is open")
    }

    /// A main section: always on a new page, listed in the table of contents.
    pub fn section(&mut self, title: &str) {
        self.section_on(title, self.portrait);
    }

    /// A main section starting on a page of the given geometry (a landscape diagram page).
    pub fn section_on(&mut self, title: &str, geometry: PageGeometry) {
        self.section = title.to_string();
        self.new_page_with(geometry);
        self.y += 4.0;
        let style = TextStyle::new(17.0).bold().coloured(ACCENT);
        self.headings.push(Heading {
            level: 1,
            title: title.to_string(),
            page: self.pages.len() - 1,
        });
        self.draw_lines(title, &style);
        let (x, width, y) = (self.geometry.margin, self.geometry.content_width(), self.y);
        self.canvas()
            .line(&[(x, y + 2.0), (x + width, y + 2.0)], ACCENT, 1.2, false);
        self.y += 12.0;
    }

    /// A subsection, kept together with at least a few lines of what follows it.
    pub fn subsection(&mut self, title: &str) {
        let style = TextStyle::new(12.0).bold().coloured(ACCENT);
        self.ensure(style.line_height() + 60.0);
        self.y += 4.0;
        self.headings.push(Heading {
            level: 2,
            title: title.to_string(),
            page: self.pages.len() - 1,
        });
        self.draw_lines(title, &style);
        self.y += 3.0;
    }

    /// A wrapped paragraph, continued on the next page when it runs out of room.
    pub fn paragraph(&mut self, text: &str, style: &TextStyle) {
        self.ensure(style.line_height());
        self.draw_lines(text, style);
        self.y += style.size * 0.5;
    }

    /// A bulleted paragraph.
    pub fn bullet(&mut self, text: &str, style: &TextStyle) {
        let indent = 12.0;
        let width = self.geometry.content_width() - indent;
        let lines = wrap(text, style, width);
        for (index, line) in lines.iter().enumerate() {
            self.ensure(style.line_height());
            let x = self.geometry.margin;
            let y = self.y;
            if index == 0 {
                let mut used = std::mem::take(&mut self.used);
                self.canvas().text(&mut used, x + 2.0, y, "•", style);
                self.used = used;
            }
            self.draw_at(x + indent, line, style);
            self.y += style.line_height();
        }
        self.y += style.size * 0.25;
    }

    fn draw_lines(&mut self, text: &str, style: &TextStyle) {
        for line in wrap(text, style, self.geometry.content_width()) {
            self.ensure(style.line_height());
            self.draw_at(self.geometry.margin, &line, style);
            self.y += style.line_height();
        }
    }

    fn draw_at(&mut self, x: f32, text: &str, style: &TextStyle) {
        let y = self.y;
        let mut used = std::mem::take(&mut self.used);
        self.canvas().text(&mut used, x, y, text, style);
        self.used = used;
    }

    /// Reserves a block of free drawing `height` points tall (on a new page if needed)
    /// and hands the closure the canvas, the block's top-left corner, and the record of
    /// used characters.
    pub fn block(
        &mut self,
        height: f32,
        draw: impl FnOnce(&mut Canvas, &mut UsedCharacters, f32, f32),
    ) {
        self.ensure(height);
        let (x, y) = (self.geometry.margin, self.y);
        let mut used = std::mem::take(&mut self.used);
        draw(
            self.pages.last_mut().expect("a page is open"),
            &mut used,
            x,
            y,
        );
        self.used = used;
        self.y += height;
    }

    /// The height a full page offers to a block.
    pub fn page_body_height(&self) -> f32 {
        self.geometry.body_bottom() - self.geometry.top
    }

    /// A table. Rows are wrapped to their column widths; a row that does not fit goes
    /// to the next page (or, when taller than a whole page, continues there), and the
    /// header row is drawn again at the top of every page the table reaches.
    pub fn table(&mut self, columns: &[Column], rows: &[Vec<Cell>]) {
        self.table_with(columns, rows, true);
    }

    /// A two-column list of labels and values (a finding's evidence chain): a table
    /// without a header row.
    pub fn key_values(&mut self, rows: &[(&str, String)]) {
        let columns = [Column::new("", 0.22), Column::new("", 0.78)];
        let rows: Vec<Vec<Cell>> = rows
            .iter()
            .map(|(label, value)| {
                vec![
                    Cell {
                        text: (*label).to_string(),
                        colour: Some(MUTED),
                        bold: true,
                    },
                    Cell::plain(value.clone()),
                ]
            })
            .collect();
        self.table_with(&columns, &rows, false);
    }

    /// The height [`Composer::key_values`] will take for these rows, so that a caller can
    /// keep a short block together on one page.
    pub fn key_values_height(&self, rows: &[(&str, String)]) -> f32 {
        let width = self.geometry.content_width();
        rows.iter()
            .map(|(label, value)| {
                let label_lines =
                    wrap(label, &TABLE.bold(), 0.22 * width - 2.0 * CELL_PADDING).len();
                let value_lines = wrap(value, &TABLE, 0.78 * width - 2.0 * CELL_PADDING).len();
                label_lines.max(value_lines) as f32 * TABLE.line_height() + 2.0 * CELL_PADDING
            })
            .sum::<f32>()
            + 8.0
    }

    fn table_with(&mut self, columns: &[Column], rows: &[Vec<Cell>], header: bool) {
        let total_share: f32 = columns.iter().map(|column| column.share).sum();
        let widths: Vec<f32> = columns
            .iter()
            .map(|column| column.share / total_share * self.geometry.content_width())
            .collect();
        let header_style = TABLE.bold();
        let header_lines: Vec<Vec<String>> = columns
            .iter()
            .zip(&widths)
            .map(|(column, width)| wrap(&column.title, &header_style, width - 2.0 * CELL_PADDING))
            .collect();
        let header_height = if header {
            header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * header_style.line_height()
                + 2.0 * CELL_PADDING
        } else {
            0.0
        };
        let line_height = TABLE.line_height();

        self.ensure(header_height + line_height + 2.0 * CELL_PADDING);
        self.table_header(&widths, &header_lines, header_height);
        for (row_index, row) in rows.iter().enumerate() {
            let wrapped: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(cell, width)| {
                    let style = cell_style(cell);
                    wrap(&cell.text, &style, width - 2.0 * CELL_PADDING)
                })
                .collect();
            let line_count = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            let mut first_line = 0;
            while first_line < line_count {
                let room = ((self.remaining() - 2.0 * CELL_PADDING) / line_height).floor();
                let left = line_count - first_line;
                // Move the row on when fewer than its lines (or two, for a long row) fit.
                if room < left.min(2) as f32 || (left <= 6 && room < left as f32) {
                    self.new_page();
                    self.table_header(&widths, &header_lines, header_height);
                    continue;
                }
                let take = left.min(room as usize);
                let height = take as f32 * line_height + 2.0 * CELL_PADDING;
                let (x0, y) = (self.geometry.margin, self.y);
                let full_width: f32 = widths.iter().sum();
                if row_index % 2 == 1 {
                    self.canvas()
                        .rect(x0, y, full_width, height, Some(ZEBRA_FILL), None);
                }
                let mut x = x0;
                for ((cell, lines), width) in row.iter().zip(&wrapped).zip(&widths) {
                    let style = cell_style(cell);
                    for (offset, line) in lines.iter().skip(first_line).take(take).enumerate() {
                        let mut used = std::mem::take(&mut self.used);
                        let top = y + CELL_PADDING + offset as f32 * line_height;
                        self.canvas()
                            .text(&mut used, x + CELL_PADDING, top, line, &style);
                        self.used = used;
                    }
                    x += width;
                }
                self.canvas().line(
                    &[(x0, y + height), (x0 + full_width, y + height)],
                    RULE,
                    0.4,
                    false,
                );
                self.y += height;
                first_line += take;
            }
        }
        self.y += 8.0;
    }

    fn table_header(&mut self, widths: &[f32], lines: &[Vec<String>], height: f32) {
        if height == 0.0 {
            return;
        }
        let (x0, y) = (self.geometry.margin, self.y);
        let full_width: f32 = widths.iter().sum();
        self.canvas()
            .rect(x0, y, full_width, height, Some(HEADER_FILL), None);
        let style = TABLE.bold();
        let mut x = x0;
        for (cell_lines, width) in lines.iter().zip(widths) {
            for (offset, line) in cell_lines.iter().enumerate() {
                let mut used = std::mem::take(&mut self.used);
                let top = y + CELL_PADDING + offset as f32 * style.line_height();
                self.canvas()
                    .text(&mut used, x + CELL_PADDING, top, line, &style);
                self.used = used;
            }
            x += width;
        }
        self.y += height;
    }

    /// Draws the running header and the "page X of Y" footer on every page, numbering
    /// from `first_number` out of `total`.
    pub fn decorate(&mut self, title: &str, footer_note: &str, first_number: usize, total: usize) {
        self.decorate_from(0, title, footer_note, first_number, total);
    }

    /// As [`Composer::decorate`], leaving the first `skip` pages (the cover) bare.
    pub fn decorate_from(
        &mut self,
        skip: usize,
        title: &str,
        footer_note: &str,
        first_number: usize,
        total: usize,
    ) {
        let mut used = std::mem::take(&mut self.used);
        let pages = self
            .pages
            .iter_mut()
            .zip(&self.page_sections)
            .zip(&self.page_geometries)
            .enumerate()
            .skip(skip);
        for (index, ((page, section), &geometry)) in pages {
            let style = SMALL.coloured(MUTED);
            let half = geometry.content_width() / 2.0 - 6.0;
            let header_y = geometry.top - 26.0;
            page.text(
                &mut used,
                geometry.margin,
                header_y,
                &truncate(title, &style, half),
                &style,
            );
            let section_text = truncate(section, &style, half);
            let section_x =
                geometry.width - geometry.margin - crate::pdf::text::measure(&section_text, &style);
            page.text(&mut used, section_x, header_y, &section_text, &style);
            let rule_y = header_y + style.line_height() + 2.0;
            page.line(
                &[
                    (geometry.margin, rule_y),
                    (geometry.width - geometry.margin, rule_y),
                ],
                RULE,
                0.5,
                false,
            );
            let footer_y = geometry.height - geometry.bottom + 16.0;
            page.line(
                &[
                    (geometry.margin, footer_y - 4.0),
                    (geometry.width - geometry.margin, footer_y - 4.0),
                ],
                RULE,
                0.5,
                false,
            );
            page.text(
                &mut used,
                geometry.margin,
                footer_y,
                &truncate(footer_note, &style, half + 60.0),
                &style,
            );
            let number = format!("Page {} of {total}", first_number + index);
            let number_x =
                geometry.width - geometry.margin - crate::pdf::text::measure(&number, &style);
            page.text(&mut used, number_x, footer_y, &number, &style);
        }
        self.used = used;
    }
}

fn cell_style(cell: &Cell) -> TextStyle {
    let mut style = TABLE;
    if cell.bold {
        style = style.bold();
    }
    if let Some(colour) = cell.colour {
        style = style.coloured(colour);
    }
    style
}
