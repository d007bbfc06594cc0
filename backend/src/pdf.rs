//! What the portal's PDF documents are made of: the bundled DejaVu fonts and their metrics,
//! line wrapping to the real text width, drawing operations, a writer that turns pages of
//! operations into an A4 PDF (with "Page 1 / 3" footers when asked), and [`Flow`], which lays
//! paragraphs and tables out across as many pages as they need, repeating a table's header at
//! the top of each new page.
//!
//! Widths are measured with the advance widths of the fonts (read from their `cmap`/`hmtx`
//! tables here, as krilla keeps its own metrics private).

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use time::Date;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;
/// A4 width in points.
pub const PAGE_W: f32 = 210.0 * PT_PER_MM;
/// A4 height in points.
pub const PAGE_H: f32 = 297.0 * PT_PER_MM;
/// Page margins.
pub const MARGIN: f32 = 20.0 * PT_PER_MM;
/// Width between the margins.
pub const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// A bundled font could not be read.
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    /// A shape of the layout had an invalid size.
    #[error("invalid geometry in the layout")]
    Geometry,
    /// krilla could not write the PDF.
    #[error("could not write the PDF: {0}")]
    Pdf(#[from] krilla::error::KrillaError),
}

/// Text colour.
pub fn ink() -> rgb::Color {
    rgb::Color::new(20, 20, 20)
}

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A solid fill of one colour.
pub fn fill(color: rgb::Color) -> Fill {
    Fill {
        paint: color.into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// One line of input: control characters (line breaks, tabs) become spaces, runs of spaces
/// collapse, ends are trimmed.
pub fn clean(s: &str) -> String {
    s.split(|c: char| c.is_control() || c == ' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---- Writing ------------------------------------------------------------------------------

/// What the document says about itself.
#[derive(Debug, Clone, Copy)]
pub struct Info<'a> {
    /// The title readers and assistive technology show.
    pub title: &'a str,
    /// When it was made.
    pub issued_on: Date,
    /// Footer text on the left of every page, next to "Page i / n" (`None`: no footer at all).
    pub footer: Option<&'a str>,
}

/// Writes `pages` (each a list of operations) as an A4 PDF in French.
pub fn write(faces: &Faces, pages: &[Vec<Op>], info: &Info<'_>) -> Result<Vec<u8>, PdfError> {
    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title(info.title.to_owned())
        .language("fr".to_owned())
        .creator("Portail".to_owned());
    if let Ok(year) = u16::try_from(info.issued_on.year()) {
        metadata = metadata.creation_date(
            DateTime::new(year)
                .month(u8::from(info.issued_on.month()))
                .day(info.issued_on.day()),
        );
    }
    document.set_metadata(metadata);

    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(PdfError::Geometry)?;
    let count = pages.len();
    for (number, ops) in pages.iter().enumerate() {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        let footer = info
            .footer
            .map(|text| footer_ops(faces, text, number + 1, count))
            .unwrap_or_default();
        for op in ops.iter().chain(&footer) {
            draw(&mut surface, faces, op)?;
        }
        surface.finish();
        page.finish();
    }
    Ok(document.finish()?)
}

/// The size of footer text.
const FOOTER_SIZE: f32 = 7.5;

/// "Page 2 / 5" on the right of the bottom margin, `text` on its left.
fn footer_ops(faces: &Faces, text: &str, number: usize, count: usize) -> Vec<Op> {
    let baseline = PAGE_H - MARGIN + mm(8.0);
    let page = format!("Page {number} / {count}");
    let page_w = faces.regular.width(&page, FOOTER_SIZE);
    let room = TEXT_W - page_w - mm(6.0);
    let mut text = clean(text);
    while !text.is_empty() && faces.regular.width(&text, FOOTER_SIZE) > room {
        text.pop();
    }
    vec![
        Op::Text {
            x: MARGIN,
            baseline,
            face: Face::Regular,
            size: FOOTER_SIZE,
            text,
        },
        Op::Text {
            x: PAGE_W - MARGIN - page_w,
            baseline,
            face: Face::Regular,
            size: FOOTER_SIZE,
            text: page,
        },
    ]
}

/// Draws one operation.
fn draw(
    surface: &mut krilla::surface::Surface<'_>,
    faces: &Faces,
    op: &Op,
) -> Result<(), PdfError> {
    match op {
        Op::Text {
            x,
            baseline,
            face,
            size,
            text,
        } => {
            surface.set_stroke(None);
            surface.set_fill(Some(fill(ink())));
            surface.draw_text(
                Point::from_xy(*x, *baseline),
                faces.get(*face).font.clone(),
                *size,
                text,
                false,
                TextDirection::LeftToRight,
            );
        }
        Op::Frame {
            x,
            y,
            w,
            h,
            background,
            border,
            border_width,
        } => {
            let rect = Rect::from_xywh(*x, *y, *w, *h).ok_or(PdfError::Geometry)?;
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            let path = builder.finish().ok_or(PdfError::Geometry)?;
            surface.set_fill(Some(fill(*background)));
            surface.set_stroke((*border_width > 0.0).then(|| Stroke {
                paint: (*border).into(),
                width: *border_width,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
    }
    Ok(())
}

// ---- Flowing across pages -----------------------------------------------------------------

/// The lowest baseline of flowing content (the footer sits below).
const FLOW_BOTTOM: f32 = PAGE_H - MARGIN;
/// Line height as a multiple of the type size.
const LEADING: f32 = 1.3;
/// Padding inside a table cell.
const CELL_PAD: f32 = 2.0;

/// A colour for rules and table borders.
pub fn grey() -> rgb::Color {
    rgb::Color::new(150, 150, 150)
}

/// The background of table headers.
fn header_background() -> rgb::Color {
    rgb::Color::new(232, 237, 245)
}

/// One column of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Its heading.
    pub title: String,
    /// Its width in points.
    pub width: f32,
    /// Numbers are aligned right.
    pub right: bool,
}

impl Column {
    /// A left-aligned column `width_mm` wide.
    pub fn left(title: &str, width_mm: f32) -> Column {
        Column {
            title: title.to_owned(),
            width: mm(width_mm),
            right: false,
        }
    }

    /// A right-aligned (number) column `width_mm` wide.
    pub fn right(title: &str, width_mm: f32) -> Column {
        Column {
            right: true,
            ..Column::left(title, width_mm)
        }
    }
}

/// A table: its columns and type size.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Columns, left to right from the left margin.
    pub columns: Vec<Column>,
    /// Type size of its cells.
    pub size: f32,
}

/// Lays content out from the top of the first page down, starting new pages as needed.
pub struct Flow<'f> {
    /// The fonts, for measuring.
    faces: &'f Faces,
    /// Pages finished so far.
    pages: Vec<Vec<Op>>,
    /// The page being filled.
    ops: Vec<Op>,
    /// Where the next content starts.
    y: f32,
    /// The table being drawn, whose header is repeated on each new page.
    table: Option<Table>,
}

impl<'f> Flow<'f> {
    /// An empty first page.
    pub fn new(faces: &'f Faces) -> Flow<'f> {
        Flow {
            faces,
            pages: Vec::new(),
            ops: Vec::new(),
            y: MARGIN,
            table: None,
        }
    }

    /// The fonts.
    pub fn faces(&self) -> &'f Faces {
        self.faces
    }

    /// Where the next content starts.
    pub fn y(&self) -> f32 {
        self.y
    }

    /// Moves the next content to `y` (on the same page).
    pub fn set_y(&mut self, y: f32) {
        self.y = y;
    }

    /// Leaves `h` points of space (nothing at the top of a page).
    pub fn space(&mut self, h: f32) {
        if self.y > MARGIN {
            self.y += h;
        }
    }

    /// Adds an operation as is.
    pub fn push(&mut self, op: Op) {
        self.ops.push(op);
    }

    /// Starts a new page (repeating the current table's header).
    pub fn page_break(&mut self) {
        self.pages.push(std::mem::take(&mut self.ops));
        self.y = MARGIN;
        if let Some(table) = self.table.clone() {
            self.header_row(&table);
        }
    }

    /// Starts a new page unless `h` more points fit on this one.
    pub fn keep(&mut self, h: f32) {
        if self.y + h > FLOW_BOTTOM && self.y > MARGIN {
            self.page_break();
        }
    }

    /// Lines of `text` wrapped to `width` at `x`, each moved to the next page if needed;
    /// returns how many lines were drawn.
    pub fn text(&mut self, x: f32, width: f32, face: Face, size: f32, text: &str) -> usize {
        let lines = wrap(&clean(text), self.faces.get(face), size, width);
        let count = lines.len();
        for line in lines {
            self.keep(size * LEADING);
            self.ops.push(Op::Text {
                x,
                baseline: self.y + size,
                face,
                size,
                text: line,
            });
            self.y += size * LEADING;
        }
        count
    }

    /// A paragraph across the text width.
    pub fn paragraph(&mut self, face: Face, size: f32, text: &str) {
        self.text(MARGIN, TEXT_W, face, size, text);
    }

    /// A heading kept with at least `following` points of what comes after it.
    pub fn heading(&mut self, size: f32, text: &str, following: f32) {
        let lines = wrap(&clean(text), &self.faces.bold, size, TEXT_W).len();
        self.keep(lines as f32 * size * LEADING + following);
        self.paragraph(Face::Bold, size, text);
    }

    /// A framed warning across the text width, as tall as its words need: a demonstration
    /// document says it is one.
    pub fn warning(&mut self, text: &str) {
        const SIZE: f32 = 9.0;
        self.space(mm(2.0));
        let width = TEXT_W - mm(6.0);
        let lines = wrap(&clean(text), &self.faces.bold, SIZE, width).len();
        let height = lines as f32 * SIZE * LEADING + mm(4.0);
        self.keep(height);
        let y = self.y;
        self.ops.push(Op::Frame {
            x: MARGIN,
            y,
            w: TEXT_W,
            h: height,
            background: rgb::Color::new(255, 243, 205),
            border: ink(),
            border_width: 0.8,
        });
        self.y += mm(2.0);
        self.text(MARGIN + mm(3.0), width, Face::Bold, SIZE, text);
        self.y = y + height + mm(2.0);
    }

    /// A horizontal rule across the text width.
    pub fn rule(&mut self) {
        self.keep(mm(2.0));
        self.ops.push(rule(MARGIN, self.y, TEXT_W));
        self.y += mm(1.0);
    }

    /// Draws `table`'s header and repeats it on every page until [`Flow::end_table`].
    pub fn start_table(&mut self, table: Table) {
        let header_h = self.row_height(&table, &titles(&table), Face::Bold);
        // Never a header alone at the bottom of a page.
        self.keep(header_h + table.size * LEADING * 2.0 + 2.0 * CELL_PAD);
        self.header_row(&table);
        self.table = Some(table);
    }

    /// Stops repeating the table's header.
    pub fn end_table(&mut self) {
        self.table = None;
    }

    /// One row of the current table (cells beyond its columns are ignored); a row is never
    /// split across pages.
    pub fn row(&mut self, cells: &[String], face: Face) {
        let Some(table) = self.table.clone() else {
            return;
        };
        let h = self.row_height(&table, cells, face);
        self.keep(h);
        self.cells(&table, cells, face, None);
    }

    fn header_row(&mut self, table: &Table) {
        self.cells(table, &titles(table), Face::Bold, Some(header_background()));
    }

    fn row_height(&self, table: &Table, cells: &[String], face: Face) -> f32 {
        let lines = table
            .columns
            .iter()
            .zip(cells)
            .map(|(c, text)| self.cell_lines(c, table.size, face, text).len())
            .max()
            .unwrap_or(1);
        lines as f32 * table.size * LEADING + 2.0 * CELL_PAD
    }

    fn cell_lines(&self, column: &Column, size: f32, face: Face, text: &str) -> Vec<String> {
        wrap(
            &clean(text),
            self.faces.get(face),
            size,
            column.width - 2.0 * CELL_PAD,
        )
    }

    fn cells(
        &mut self,
        table: &Table,
        cells: &[String],
        face: Face,
        background: Option<rgb::Color>,
    ) {
        let h = self.row_height(table, cells, face);
        let top = self.y;
        if let Some(background) = background {
            self.ops.push(Op::Frame {
                x: MARGIN,
                y: top,
                w: table.columns.iter().map(|c| c.width).sum(),
                h,
                background,
                border: background,
                border_width: 0.0,
            });
        }
        let mut x = MARGIN;
        let size = table.size;
        for (column, text) in table.columns.iter().zip(cells) {
            let font = self.faces.get(face);
            for (i, line) in self
                .cell_lines(column, size, face, text)
                .into_iter()
                .enumerate()
            {
                let line_x = if column.right {
                    x + column.width - CELL_PAD - font.width(&line, size)
                } else {
                    x + CELL_PAD
                };
                self.ops.push(Op::Text {
                    x: line_x,
                    baseline: top + CELL_PAD + size + i as f32 * size * LEADING,
                    face,
                    size,
                    text: line,
                });
            }
            x += column.width;
        }
        self.y = top + h;
        let width = table.columns.iter().map(|c| c.width).sum();
        self.ops.push(rule(MARGIN, self.y, width));
    }

    /// The pages laid out (at least one).
    pub fn finish(mut self) -> Vec<Vec<Op>> {
        self.pages.push(self.ops);
        self.pages
    }
}

/// The column headings of a table.
fn titles(table: &Table) -> Vec<String> {
    table.columns.iter().map(|c| c.title.clone()).collect()
}

/// A thin grey horizontal line.
fn rule(x: f32, y: f32, w: f32) -> Op {
    Op::Frame {
        x,
        y,
        w,
        h: 0.5,
        background: grey(),
        border: grey(),
        border_width: 0.0,
    }
}

// ---- Fonts --------------------------------------------------------------------------------

/// Which of the three fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Mono Bold, for the code.
    Mono,
}

/// A font for krilla plus its metrics for measuring.
pub struct FontFace {
    /// The font handed to krilla.
    pub font: Font,
    /// Advance widths.
    pub metrics: Metrics,
}

impl FontFace {
    /// Loads one bundled font.
    fn load(name: &'static str, data: &'static [u8]) -> Result<Self, PdfError> {
        let font = Font::new(data.into(), 0).ok_or(PdfError::Font(name))?;
        let metrics = Metrics::parse(data).ok_or(PdfError::Font(name))?;
        Ok(Self { font, metrics })
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.metrics.width(text) * size
    }
}

/// The three bundled fonts.
pub struct Faces {
    /// DejaVu Sans.
    pub regular: FontFace,
    /// DejaVu Sans Bold.
    pub bold: FontFace,
    /// DejaVu Sans Mono Bold.
    pub mono: FontFace,
}

impl Faces {
    /// Loads the bundled DejaVu fonts.
    pub fn load() -> Result<Self, PdfError> {
        Ok(Self {
            regular: FontFace::load("DejaVu Sans", dejavu::sans::regular())?,
            bold: FontFace::load("DejaVu Sans Bold", dejavu::sans::bold())?,
            mono: FontFace::load("DejaVu Sans Mono Bold", dejavu::sans_mono::bold())?,
        })
    }

    /// The face for a [`Face`].
    pub fn get(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Mono => &self.mono,
        }
    }
}

/// Something to draw, in points, origin top left, y downwards.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// One line of text.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// Font.
        face: Face,
        /// Font size in points.
        size: f32,
        /// The line.
        text: String,
    },
    /// A filled, bordered rectangle (drawn before the text it frames).
    Frame {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Fill colour.
        background: rgb::Color,
        /// Border colour.
        border: rgb::Color,
        /// Border width in points.
        border_width: f32,
    },
}

/// Splits `text` into lines no wider than `width`: at spaces, never before a lone `:`, `?`,
/// `!` or `;` nor between two groups of digits ("36 46"), and inside a word only when the word
/// alone is wider than the line (a long address).
pub fn wrap(text: &str, face: &FontFace, size: f32, width: f32) -> Vec<String> {
    // Unbreakable units.
    let mut units: Vec<String> = Vec::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        match units.last_mut() {
            Some(prev) if sticks(prev, word) => {
                prev.push(' ');
                prev.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
    }

    let space = face.width(" ", size);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0.0;
    for unit in units {
        let unit_w = face.width(&unit, size);
        if !line.is_empty() && line_w + space + unit_w <= width {
            line.push(' ');
            line.push_str(&unit);
            line_w += space + unit_w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if unit_w <= width {
            line = unit;
            line_w = unit_w;
            continue;
        }
        // Too wide for any line: break between characters.
        line_w = 0.0;
        for c in unit.chars() {
            let mut buf = [0; 4];
            let c_w = face.width(c.encode_utf8(&mut buf), size);
            if !line.is_empty() && line_w + c_w > width {
                lines.push(std::mem::take(&mut line));
                line_w = 0.0;
            }
            line.push(c);
            line_w += c_w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Whether `word` must stay on the same line as the unit before it.
fn sticks(prev: &str, word: &str) -> bool {
    let punctuation = word
        .chars()
        .all(|c| matches!(c, ':' | ';' | '?' | '!' | '»'));
    let is_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let last = prev.rsplit(' ').next().unwrap_or(prev);
    punctuation || prev.ends_with('«') || (is_digits(last) && is_digits(word) && word.len() <= 3)
}

// ---- Font metrics -------------------------------------------------------------------------

/// Advance widths of a TrueType font, read from its `head`, `hhea`, `hmtx` and `cmap`
/// (format 4) tables.
pub struct Metrics {
    /// The font file.
    data: &'static [u8],
    /// Font units per em.
    units_per_em: f32,
    /// Offset of the `hmtx` table.
    hmtx: usize,
    /// Number of long horizontal metrics in `hmtx`.
    long_metrics: u16,
    /// Offset of the format 4 `cmap` subtable.
    cmap: usize,
}

/// Big-endian u16 at `offset`.
fn read_u16(data: &[u8], offset: usize) -> Option<u16> {
    let bytes = data.get(offset..offset.checked_add(2)?)?;
    Some(u16::from_be_bytes(bytes.try_into().ok()?))
}

/// Big-endian u32 at `offset`.
fn read_u32(data: &[u8], offset: usize) -> Option<u32> {
    let bytes = data.get(offset..offset.checked_add(4)?)?;
    Some(u32::from_be_bytes(bytes.try_into().ok()?))
}

impl Metrics {
    /// Reads the tables needed; `None` if the font lacks them.
    fn parse(data: &'static [u8]) -> Option<Self> {
        let num_tables = usize::from(read_u16(data, 4)?);
        let table = |tag: &[u8; 4]| -> Option<usize> {
            (0..num_tables).find_map(|i| {
                let record = 12 + i * 16;
                (data.get(record..record + 4)? == tag)
                    .then(|| read_u32(data, record + 8))
                    .flatten()
                    .and_then(|offset| usize::try_from(offset).ok())
            })
        };
        let head = table(b"head")?;
        let hhea = table(b"hhea")?;
        let hmtx = table(b"hmtx")?;
        let cmap_table = table(b"cmap")?;
        let units_per_em = f32::from(read_u16(data, head + 18)?);
        let long_metrics = read_u16(data, hhea + 34)?;
        if units_per_em <= 0.0 || long_metrics == 0 {
            return None;
        }
        let subtables = usize::from(read_u16(data, cmap_table + 2)?);
        let cmap = (0..subtables).find_map(|i| {
            let record = cmap_table + 4 + i * 8;
            let platform = read_u16(data, record)?;
            let encoding = read_u16(data, record + 2)?;
            let offset = cmap_table + usize::try_from(read_u32(data, record + 4)?).ok()?;
            let unicode = (platform == 3 && encoding == 1) || platform == 0;
            (unicode && read_u16(data, offset)? == 4).then_some(offset)
        })?;
        Some(Self {
            data,
            units_per_em,
            hmtx,
            long_metrics,
            cmap,
        })
    }

    /// The glyph of `c` (0, the missing glyph, outside the Basic Multilingual Plane or when
    /// absent).
    pub fn glyph(&self, c: char) -> u16 {
        self.lookup(c).unwrap_or(0)
    }

    /// Format 4 `cmap` lookup.
    fn lookup(&self, c: char) -> Option<u16> {
        let c = u16::try_from(u32::from(c)).ok()?;
        let data = self.data;
        let seg_count = usize::from(read_u16(data, self.cmap + 6)? / 2);
        let ends = self.cmap + 14;
        let starts = ends + seg_count * 2 + 2;
        let deltas = starts + seg_count * 2;
        let range_offsets = deltas + seg_count * 2;
        for i in 0..seg_count {
            if read_u16(data, ends + i * 2)? < c {
                continue;
            }
            let start = read_u16(data, starts + i * 2)?;
            if start > c {
                return None;
            }
            let delta = read_u16(data, deltas + i * 2)?;
            let range_offset = read_u16(data, range_offsets + i * 2)?;
            if range_offset == 0 {
                return Some(c.wrapping_add(delta));
            }
            let at = range_offsets + i * 2 + usize::from(range_offset) + usize::from(c - start) * 2;
            let glyph = read_u16(data, at)?;
            return Some(if glyph == 0 {
                0
            } else {
                glyph.wrapping_add(delta)
            });
        }
        None
    }

    /// Advance width of glyph `glyph`, in em.
    fn advance(&self, glyph: u16) -> f32 {
        let index = usize::from(glyph.min(self.long_metrics - 1));
        read_u16(self.data, self.hmtx + index * 4)
            .map_or(0.6, |units| f32::from(units) / self.units_per_em)
    }

    /// Width of `text` in em (no kerning, so a little wider than shaped text).
    pub fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.advance(self.glyph(c))).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn texts(page: &[Op]) -> Vec<&str> {
        page.iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                Op::Frame { .. } => None,
            })
            .collect()
    }

    #[test]
    fn a_long_table_flows_onto_pages_that_repeat_its_header() {
        let faces = Faces::load().unwrap();
        let mut flow = Flow::new(&faces);
        flow.heading(14.0, "Relevé", 20.0);
        flow.start_table(Table {
            columns: vec![Column::left("Acte", 60.0), Column::right("Montant", 30.0)],
            size: 8.0,
        });
        for i in 0..200 {
            flow.row(&[format!("Ligne {i}"), format!("{i},00 €")], Face::Regular);
        }
        flow.end_table();
        flow.paragraph(Face::Regular, 9.0, "Fin.");
        let pages = flow.finish();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        for page in &pages {
            assert_eq!(texts(page).iter().filter(|t| **t == "Acte").count(), 1);
            for op in page {
                if let Op::Text { baseline, .. } = op {
                    assert!(*baseline <= FLOW_BOTTOM + 0.01, "{op:?} below the bottom");
                }
            }
        }
        let all: Vec<&str> = pages.iter().flat_map(|p| texts(p)).collect();
        for i in 0..200 {
            assert!(all.contains(&format!("Ligne {i}").as_str()), "row {i}");
        }
        assert_eq!(all.last(), Some(&"Fin."));
        let pdf = write(
            &faces,
            &pages,
            &Info {
                title: "Essai",
                issued_on: date!(2026 - 11 - 26),
                footer: Some("Pied de page"),
            },
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }

    #[test]
    fn numbers_are_aligned_right_in_their_column() {
        let faces = Faces::load().unwrap();
        let mut flow = Flow::new(&faces);
        let table = Table {
            columns: vec![Column::left("A", 40.0), Column::right("B", 30.0)],
            size: 8.0,
        };
        flow.start_table(table);
        flow.row(&["x".to_owned(), "12,00 €".to_owned()], Face::Regular);
        let page = &flow.finish()[0];
        let right_edge = MARGIN + mm(70.0) - CELL_PAD;
        let found = page.iter().any(|op| match op {
            Op::Text { x, text, size, .. } if text == "12,00 €" => {
                (x + faces.regular.width(text, *size) - right_edge).abs() < 0.01
            }
            _ => false,
        });
        assert!(found);
    }
}
