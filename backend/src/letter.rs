//! The postal activation letter: the one-page A4 letter the fund prints and mails to a member,
//! carrying the activation code with which the member creates their online account.
//!
//! The PDF ([`render`]) and the plain text ([`text`], shown by the demo outbox) are both built
//! from the same list of blocks, so they always say the same thing in the same order.
//!
//! Widths are measured with the advance widths of the bundled DejaVu fonts (read from their
//! `cmap`/`hmtx` tables here, as krilla keeps its own metrics private), so paragraphs are
//! wrapped to the real text width.

use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::text::{Font, TextDirection};
use time::Date;

/// What one activation letter says.
#[derive(Debug, Clone, Copy)]
pub struct Letter<'a> {
    /// The sending fund, e.g. "Caisse de démonstration Portail".
    pub fund_name: &'a str,
    /// The recipient's name, already formatted, e.g. "Mme Camille Martin".
    pub recipient_name: &'a str,
    /// The postal lines after the name, e.g. `["12 rue des Lilas", "69003 LYON"]`.
    pub address_lines: &'a [&'a str],
    /// The activation code, e.g. "7KQ4M-T9XWP".
    pub code: &'a str,
    /// The last day the code can be used.
    pub expires_on: Date,
    /// The date of the letter.
    pub issued_on: Date,
    /// Where the member types the code, e.g. "https://portail.example.fr/creer-mon-compte".
    pub portal_url: &'a str,
}

/// Why a letter could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// A bundled font could not be read.
    #[error("the bundled font {0} could not be read")]
    Font(&'static str),
    /// The content does not fit on one page, even at the smallest type size.
    #[error("the letter does not fit on one page")]
    TooLong,
    /// A shape of the layout had an invalid size.
    #[error("invalid geometry in the letter layout")]
    Geometry,
    /// krilla could not write the PDF.
    #[error("could not write the PDF: {0}")]
    Pdf(#[from] krilla::error::KrillaError),
}

/// Renders the letter as a one-page A4 PDF.
pub fn render(letter: &Letter<'_>) -> Result<Vec<u8>, LetterError> {
    let faces = Faces::load()?;
    let blocks = blocks(letter);
    let ops = SCALES
        .iter()
        .find_map(|&scale| {
            let (ops, bottom) = layout(&blocks, &faces, scale);
            (bottom <= PAGE_H - MARGIN).then_some(ops)
        })
        .ok_or(LetterError::TooLong)?;

    let mut document = Document::new();
    let mut metadata = Metadata::new()
        .title("Code d'activation".to_owned())
        .language("fr".to_owned())
        .creator("Portail".to_owned());
    if let Ok(year) = u16::try_from(letter.issued_on.year()) {
        metadata = metadata.creation_date(
            DateTime::new(year)
                .month(u8::from(letter.issued_on.month()))
                .day(letter.issued_on.day()),
        );
    }
    document.set_metadata(metadata);

    let settings = PageSettings::from_wh(PAGE_W, PAGE_H).ok_or(LetterError::Geometry)?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    for op in ops {
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
                    Point::from_xy(x, baseline),
                    faces.get(face).font.clone(),
                    size,
                    &text,
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
                let rect = Rect::from_xywh(x, y, w, h).ok_or(LetterError::Geometry)?;
                let mut builder = PathBuilder::new();
                builder.push_rect(rect);
                let path = builder.finish().ok_or(LetterError::Geometry)?;
                surface.set_fill(Some(fill(background)));
                surface.set_stroke(Some(Stroke {
                    paint: border.into(),
                    width: border_width,
                    ..Stroke::default()
                }));
                surface.draw_path(&path);
            }
        }
    }
    surface.finish();
    page.finish();
    Ok(document.finish()?)
}

/// The letter's words as plain text, same content and order as the PDF (used by the demo
/// outbox to show the letter in the browser).
pub fn text(letter: &Letter<'_>) -> String {
    let mut out = String::new();
    let mut previous_was_step = false;
    for block in blocks(letter) {
        let is_step = matches!(block, Block::Step(..));
        if !out.is_empty() {
            out.push_str(if is_step && previous_was_step {
                "\n"
            } else {
                "\n\n"
            });
        }
        match &block {
            Block::Sender(s)
            | Block::Date(s)
            | Block::Subject(s)
            | Block::Paragraph(s)
            | Block::Code(s)
            | Block::Signature(s) => out.push_str(s),
            Block::Step(number, s) => out.push_str(&format!("{number}. {s}")),
            Block::Recipient(lines) | Block::Warning(lines) => out.push_str(&lines.join("\n")),
        }
        previous_was_step = is_step;
    }
    out.push('\n');
    out
}

/// One piece of the letter, in reading order.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    /// The sender, top left.
    Sender(String),
    /// Name and postal lines, in the envelope window.
    Recipient(Vec<String>),
    /// "Le 26 novembre 2026".
    Date(String),
    /// "Objet : …".
    Subject(String),
    /// A body paragraph.
    Paragraph(String),
    /// The activation code, large and framed.
    Code(String),
    /// A numbered step.
    Step(u8, String),
    /// The framed warning, one string per paragraph.
    Warning(Vec<String>),
    /// The sign-off signature.
    Signature(String),
}

/// The sentence warning against anyone asking for the code.
const PHISHING_WARNING: &str = "Attention : votre caisse ne vous demandera jamais ce code, votre mot \
     de passe ou vos coordonnées bancaires par téléphone, SMS ou e-mail. Ne le communiquez à \
     personne.";

/// The one list both the PDF and the text are made from.
fn blocks(letter: &Letter<'_>) -> Vec<Block> {
    let fund = clean(letter.fund_name);
    let url = clean(letter.portal_url);
    let mut recipient = vec![clean(letter.recipient_name)];
    recipient.extend(letter.address_lines.iter().map(|line| clean(line)));
    recipient.retain(|line| !line.is_empty());
    vec![
        Block::Sender(fund.clone()),
        Block::Recipient(recipient),
        Block::Date(format!("Le {}", french_date(letter.issued_on))),
        Block::Subject("Objet : votre code pour créer votre compte en ligne".to_owned()),
        Block::Paragraph("Madame, Monsieur,".to_owned()),
        Block::Paragraph(
            "Vous avez demandé à créer votre compte en ligne sur Portail, le site de votre \
             caisse. Voici le code personnel qui vous permettra de le faire :"
                .to_owned(),
        ),
        Block::Code(clean(letter.code)),
        Block::Paragraph(format!(
            "Ce code est valable jusqu'au {} et ne sert qu'une fois.",
            french_date(letter.expires_on)
        )),
        Block::Paragraph("Pour créer votre compte, suivez ces trois étapes :".to_owned()),
        Block::Step(
            1,
            format!(
                "Ouvrez l'adresse {url} sur votre ordinateur, votre tablette ou votre téléphone."
            ),
        ),
        Block::Step(
            2,
            "Saisissez votre numéro de sécurité sociale et le code ci-dessus.".to_owned(),
        ),
        Block::Step(
            3,
            "Choisissez votre mot de passe, puis confirmez votre adresse e-mail.".to_owned(),
        ),
        Block::Paragraph(
            "Prenez votre temps : la création du compte ne demande que quelques minutes."
                .to_owned(),
        ),
        Block::Warning(vec![
            PHISHING_WARNING.to_owned(),
            "Si vous n'avez rien demandé, vous pouvez ignorer ce courrier : aucun compte ne \
             sera créé sans ce code."
                .to_owned(),
        ]),
        Block::Paragraph(
            "Une question ? Appelez le 36 46 (service gratuit + prix d'un appel).".to_owned(),
        ),
        Block::Paragraph(
            "Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.".to_owned(),
        ),
        Block::Signature(fund),
    ]
}

/// One line of input: control characters (line breaks, tabs) become spaces, runs of spaces
/// collapse, ends are trimmed.
fn clean(s: &str) -> String {
    s.split(|c: char| c.is_control() || c == ' ')
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "26 novembre 2026"; the first of the month is "1er janvier 2027".
fn french_date(date: Date) -> String {
    crate::clock::date_words(date, portail_shared::Lang::Fr)
}

// ---- Layout -------------------------------------------------------------------------------

/// Points per millimetre.
const PT_PER_MM: f32 = 72.0 / 25.4;
/// A4 width in points.
const PAGE_W: f32 = 210.0 * PT_PER_MM;
/// A4 height in points.
const PAGE_H: f32 = 297.0 * PT_PER_MM;
/// Page margins.
const MARGIN: f32 = 20.0 * PT_PER_MM;
/// Left edge of the envelope window (DL window, French standard position).
const WINDOW_X: f32 = 110.0 * PT_PER_MM;
/// Top of the envelope window.
const WINDOW_Y: f32 = 47.0 * PT_PER_MM;
/// Where the body may start at the earliest, below the window.
const BODY_Y: f32 = 95.0 * PT_PER_MM;
/// Type scales tried in turn until the letter fits on the page.
const SCALES: [f32; 6] = [1.0, 0.94, 0.88, 0.82, 0.76, 0.7];

/// Text colour.
fn ink() -> rgb::Color {
    rgb::Color::new(20, 20, 20)
}

/// Millimetres to points.
fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// A solid fill of one colour.
fn fill(color: rgb::Color) -> Fill {
    Fill {
        paint: color.into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

/// Which of the three fonts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
    /// DejaVu Sans Mono Bold, for the code.
    Mono,
}

/// A font for krilla plus its metrics for measuring.
struct FontFace {
    /// The font handed to krilla.
    font: Font,
    /// Advance widths.
    metrics: Metrics,
}

impl FontFace {
    /// Loads one bundled font.
    fn load(name: &'static str, data: &'static [u8]) -> Result<Self, LetterError> {
        let font = Font::new(data.into(), 0).ok_or(LetterError::Font(name))?;
        let metrics = Metrics::parse(data).ok_or(LetterError::Font(name))?;
        Ok(Self { font, metrics })
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        self.metrics.width(text) * size
    }
}

/// The three fonts of the letter.
struct Faces {
    /// DejaVu Sans.
    regular: FontFace,
    /// DejaVu Sans Bold.
    bold: FontFace,
    /// DejaVu Sans Mono Bold.
    mono: FontFace,
}

impl Faces {
    /// Loads the bundled DejaVu fonts.
    fn load() -> Result<Self, LetterError> {
        Ok(Self {
            regular: FontFace::load("DejaVu Sans", dejavu::sans::regular())?,
            bold: FontFace::load("DejaVu Sans Bold", dejavu::sans::bold())?,
            mono: FontFace::load("DejaVu Sans Mono Bold", dejavu::sans_mono::bold())?,
        })
    }

    /// The face for a [`Face`].
    fn get(&self, face: Face) -> &FontFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Mono => &self.mono,
        }
    }
}

/// Something to draw, in points, origin top left, y downwards.
#[derive(Debug, Clone, PartialEq)]
enum Op {
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

/// Lays the blocks out at `scale` times the normal type size; returns the drawing and the
/// lowest y used.
fn layout(blocks: &[Block], faces: &Faces, scale: f32) -> (Vec<Op>, f32) {
    let body = 11.0 * scale;
    let gap = body * 0.8;
    let left = MARGIN;
    let width = PAGE_W - 2.0 * MARGIN;
    let mut ops = Vec::new();
    let lines = |ops: &mut Vec<Op>, x: f32, y: f32, face: Face, size: f32, w: f32, s: &str| {
        let wrapped = wrap(s, faces.get(face), size, w);
        let count = wrapped.len();
        for (i, line) in wrapped.into_iter().enumerate() {
            ops.push(Op::Text {
                x,
                baseline: y + size + i as f32 * size * 1.4,
                face,
                size,
                text: line,
            });
        }
        y + count as f32 * size * 1.4
    };

    let mut y = MARGIN;
    let mut sender_bottom = MARGIN;
    let mut first_body = true;
    for block in blocks {
        match block {
            Block::Sender(s) => {
                sender_bottom = lines(
                    &mut ops,
                    left,
                    MARGIN,
                    Face::Bold,
                    11.0 * scale,
                    mm(80.0),
                    s,
                );
            }
            Block::Recipient(address) => {
                let w = PAGE_W - MARGIN - WINDOW_X;
                let mut wy = WINDOW_Y;
                for line in address {
                    wy = lines(&mut ops, WINDOW_X, wy, Face::Regular, body, w, line);
                }
                y = wy.max(sender_bottom);
            }
            Block::Date(s) => {
                y = (y + gap * 2.0).max(BODY_Y);
                y = lines(
                    &mut ops,
                    WINDOW_X,
                    y,
                    Face::Regular,
                    body,
                    PAGE_W - MARGIN - WINDOW_X,
                    s,
                );
            }
            Block::Subject(s) => {
                y = lines(&mut ops, left, y + gap * 2.0, Face::Bold, body, width, s);
            }
            Block::Paragraph(s) => {
                y += if first_body { gap * 2.0 } else { gap };
                first_body = false;
                y = lines(&mut ops, left, y, Face::Regular, body, width, s);
            }
            Block::Code(code) => {
                let pad = 12.0 * scale;
                let mono = faces.get(Face::Mono);
                // Shrink a code too long for the line, down to a floor, then wrap it.
                let natural = mono.width(code, 1.0);
                let room = width - 2.0 * pad;
                let size = (22.0 * scale).min(room / natural).max(10.0);
                let wrapped = wrap(code, mono, size, room);
                let line_h = size * 1.25;
                let text_w = wrapped
                    .iter()
                    .map(|l| mono.width(l, size))
                    .fold(0.0_f32, f32::max);
                let box_w = (text_w + 2.0 * pad).max(mm(90.0)).min(width);
                let box_h = wrapped.len() as f32 * line_h + 2.0 * pad - (line_h - size);
                let top = y + gap * 1.5;
                let box_x = left + (width - box_w) / 2.0;
                ops.push(Op::Frame {
                    x: box_x,
                    y: top,
                    w: box_w,
                    h: box_h,
                    background: rgb::Color::new(238, 243, 250),
                    border: rgb::Color::new(30, 60, 120),
                    border_width: 1.5,
                });
                for (i, line) in wrapped.into_iter().enumerate() {
                    let line_w = mono.width(&line, size);
                    ops.push(Op::Text {
                        x: box_x + (box_w - line_w) / 2.0,
                        // Cap height of DejaVu is about 0.73 em: centre capitals in the box.
                        baseline: top + pad + size * 0.8 + i as f32 * line_h,
                        face: Face::Mono,
                        size,
                        text: line,
                    });
                }
                y = top + box_h + gap * 0.5;
            }
            Block::Step(number, s) => {
                y += gap * 0.5;
                let number = format!("{number}.");
                ops.push(Op::Text {
                    x: left + mm(4.0),
                    baseline: y + body,
                    face: Face::Bold,
                    size: body,
                    text: number,
                });
                let indent = mm(11.0);
                y = lines(
                    &mut ops,
                    left + indent,
                    y,
                    Face::Regular,
                    body,
                    width - indent,
                    s,
                );
            }
            Block::Warning(paragraphs) => {
                let pad = 10.0 * scale;
                let inner = width - 2.0 * pad;
                // Measure first, so the frame can be drawn under the text.
                let mut inner_ops = Vec::new();
                let top = y + gap * 1.5;
                let mut iy = top + pad;
                for (i, p) in paragraphs.iter().enumerate() {
                    if i > 0 {
                        iy += gap * 0.6;
                    }
                    let face = if i == 0 { Face::Bold } else { Face::Regular };
                    iy = lines(&mut inner_ops, left + pad, iy, face, body, inner, p);
                }
                let bottom = iy + pad - body * 0.3;
                ops.push(Op::Frame {
                    x: left,
                    y: top,
                    w: width,
                    h: bottom - top,
                    background: rgb::Color::new(255, 245, 230),
                    border: rgb::Color::new(170, 80, 10),
                    border_width: 1.5,
                });
                ops.extend(inner_ops);
                y = bottom + gap * 0.5;
            }
            Block::Signature(s) => {
                y = lines(
                    &mut ops,
                    WINDOW_X,
                    y + gap * 2.0,
                    Face::Bold,
                    body,
                    PAGE_W - MARGIN - WINDOW_X,
                    s,
                );
            }
        }
    }
    (ops, y)
}

/// Splits `text` into lines no wider than `width`: at spaces, never before a lone `:`, `?`,
/// `!` or `;` nor between two groups of digits ("36 46"), and inside a word only when the word
/// alone is wider than the line (a long address).
fn wrap(text: &str, face: &FontFace, size: f32, width: f32) -> Vec<String> {
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
struct Metrics {
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
    fn glyph(&self, c: char) -> u16 {
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
    fn width(&self, text: &str) -> f32 {
        text.chars().map(|c| self.advance(self.glyph(c))).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn sample<'a>(address: &'a [&'a str]) -> Letter<'a> {
        Letter {
            fund_name: "Caisse de démonstration Portail",
            recipient_name: "Mme Camille Martin",
            address_lines: address,
            code: "7KQ4M-T9XWP",
            expires_on: date!(2026 - 12 - 26),
            issued_on: date!(2026 - 11 - 26),
            portal_url: "https://portail.example.fr/creer-mon-compte",
        }
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle)
            .count()
    }

    /// Page objects: `/Type/Page` (krilla's spelling) or `/Type /Page`, not `/Pages`.
    fn pages(pdf: &[u8]) -> usize {
        [&b"/Type/Page"[..], &b"/Type /Page"[..]]
            .iter()
            .map(|needle| {
                pdf.windows(needle.len() + 1)
                    .filter(|w| w.starts_with(needle) && w[needle.len()] != b's')
                    .count()
            })
            .sum()
    }

    fn assert_pdf(pdf: &[u8]) {
        assert!(pdf.starts_with(b"%PDF-"), "no PDF header");
        let end = pdf.trim_ascii_end();
        assert!(end.ends_with(b"%%EOF"), "no %%EOF trailer");
        assert_eq!(pages(pdf), 1, "expected exactly one page");
        assert_eq!(
            count(pdf, b"/Count 1"),
            1,
            "page tree should count one page"
        );
        assert!(count(pdf, b"/FontFile2") >= 1, "no embedded TrueType font");
    }

    #[test]
    fn renders_a_one_page_pdf_with_embedded_fonts() {
        let address = ["12 rue des Lilas", "69003 LYON"];
        let pdf = render(&sample(&address)).unwrap();
        assert_pdf(&pdf);
        // Regular, bold and mono bold are all used.
        assert_eq!(count(&pdf, b"/FontFile2"), 3);
        assert_eq!(count(&pdf, b"/Title(Code d'activation)"), 1);
        assert_eq!(count(&pdf, b"/Lang(fr)"), 1);
    }

    #[test]
    fn text_carries_every_piece_of_the_letter() {
        let address = ["Bâtiment B, escalier 3", "12 rue des Lilas", "69003 LYON"];
        let letter = sample(&address);
        let text = text(&letter);
        for needle in [
            "7KQ4M-T9XWP",
            "26 décembre 2026",
            "Le 26 novembre 2026",
            "Mme Camille Martin",
            "Bâtiment B, escalier 3",
            "12 rue des Lilas",
            "69003 LYON",
            "https://portail.example.fr/creer-mon-compte",
            "36 46",
            "Objet : votre code pour créer votre compte en ligne",
            "Caisse de démonstration Portail",
            "Ce code est valable jusqu'au 26 décembre 2026 et ne sert qu'une fois.",
            PHISHING_WARNING,
            "Si vous n'avez rien demandé, vous pouvez ignorer ce courrier",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
        }
        assert!(text.contains("Attention : votre caisse ne vous demandera jamais ce code"));
        // Reading order: recipient, code, expiry, steps, warning, help, signature.
        let at = |needle: &str| text.find(needle).unwrap();
        assert!(at("Mme Camille Martin") < at("Objet"));
        assert!(at("7KQ4M-T9XWP") < at("valable jusqu'au"));
        assert!(at("1. Ouvrez") < at("2. Saisissez"));
        assert!(at("2. Saisissez") < at("3. Choisissez"));
        assert!(at("3. Choisissez") < at("Attention :"));
        assert!(at("Attention :") < at("36 46"));
        assert!(text.trim_end().ends_with("Caisse de démonstration Portail"));
        for forbidden in ["ameli", "Assurance Maladie", "assurance maladie"] {
            assert!(!text.contains(forbidden), "names {forbidden}");
        }
    }

    #[test]
    fn pdf_and_text_come_from_the_same_blocks() {
        let address = ["12 rue des Lilas", "69003 LYON"];
        let letter = sample(&address);
        let faces = Faces::load().unwrap();
        let (ops, _) = layout(&blocks(&letter), &faces, 1.0);
        let drawn: String = ops
            .iter()
            .filter_map(|op| match op {
                Op::Text { text, .. } => Some(text.as_str()),
                Op::Frame { .. } => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        let normalise = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(normalise(&drawn), normalise(&text(&letter)));
    }

    #[test]
    fn french_dates() {
        assert_eq!(french_date(date!(2027 - 01 - 01)), "1er janvier 2027");
        assert_eq!(french_date(date!(2026 - 08 - 15)), "15 août 2026");
        assert_eq!(french_date(date!(2026 - 12 - 26)), "26 décembre 2026");
        assert_eq!(french_date(date!(2026 - 02 - 02)), "2 février 2026");
    }

    #[test]
    fn long_address_and_fund_name_still_render() {
        let long_line = "Résidence des Très Longs Noms de Bâtiments, entrée numéro quarante-deux, \
                         escalier C, appartement 1207, chez Monsieur et Madame Dupont-Lefebvre";
        let unbroken = "ZoneArtisanaleDesGrandsChampsSansAucunEspacePourCouperLaLigneNullePart";
        let address = [long_line, unbroken, "69003 LYON CEDEX 03"];
        let mut letter = sample(&address);
        letter.fund_name = "Caisse de démonstration Portail pour les assurés de la région \
                            Auvergne-Rhône-Alpes, service des comptes en ligne et des démarches";
        letter.portal_url =
            "https://portail.example.fr/creer-mon-compte/avec/un/chemin/vraiment/tres/long";
        let pdf = render(&letter).unwrap();
        assert_pdf(&pdf);
        let text = text(&letter);
        assert!(text.contains(long_line));
        assert!(text.contains(unbroken));
    }

    #[test]
    fn content_that_cannot_fit_is_an_error_not_a_second_page() {
        let address = ["12 rue des Lilas"; 120];
        let result = render(&sample(&address));
        assert!(matches!(result, Err(LetterError::TooLong)), "{result:?}");
    }

    #[test]
    fn wrapping_stays_within_the_width() {
        let faces = Faces::load().unwrap();
        let text = "Une question ? Appelez le 36 46 (service gratuit + prix d'un appel). \
                    ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ";
        let width = 120.0;
        let lines = wrap(text, &faces.regular, 10.0, width);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(
                faces.regular.width(line, 10.0) <= width + 0.01,
                "{line:?} too wide"
            );
            assert!(!line.starts_with('?') && !line.starts_with(':'), "{line:?}");
        }
        assert!(lines.iter().any(|l| l.contains("36 46")), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn metrics_are_read_from_the_font() {
        let faces = Faces::load().unwrap();
        // DejaVu Sans Mono: every glyph is 1233 units of 2048.
        let mono = faces.mono.metrics.width("W");
        assert!((mono - 1233.0 / 2048.0).abs() < 1e-4, "{mono}");
        assert!((faces.mono.metrics.width("i") - mono).abs() < 1e-4);
        // Proportional: "i" is narrower than "W", and accented letters are mapped.
        let regular = &faces.regular.metrics;
        assert!(regular.width("i") < regular.width("W"));
        assert_ne!(regular.glyph('é'), 0);
        assert_ne!(regular.glyph('\u{202f}'), 0);
        assert_ne!(regular.glyph('’'), 0);
    }

    #[test]
    fn control_characters_do_not_reach_the_page() {
        let address = ["12 rue\ndes   Lilas\t", "", "69003 LYON"];
        let text = text(&sample(&address));
        assert!(text.contains("\n12 rue des Lilas\n69003 LYON\n"), "{text}");
    }
}
