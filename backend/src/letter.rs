//! The postal activation letter: the one-page A4 letter the fund prints and mails to a member,
//! carrying the activation code with which the member creates their online account.
//!
//! The PDF ([`render`]) and the plain text ([`text`], shown by the demo outbox) are both built
//! from the same list of blocks, so they always say the same thing in the same order.
//!
//! Fonts, measuring and wrapping, and writing the PDF are in [`crate::pdf`].

use krilla::color::rgb;
use time::Date;

use crate::pdf::{
    self, Face, Faces, MARGIN, Op, PAGE_H, PAGE_W, PT_PER_MM, PdfError, clean, mm, wrap,
};

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
    /// The content does not fit on one page, even at the smallest type size.
    #[error("the letter does not fit on one page")]
    TooLong,
    /// The PDF could not be made.
    #[error(transparent)]
    Pdf(#[from] PdfError),
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

    pdf::write(
        &faces,
        &[ops],
        &pdf::Info {
            title: "Code d'activation",
            issued_on: letter.issued_on,
            footer: None,
        },
    )
    .map_err(LetterError::from)
}

/// A letter's variable parts, owned, kept (encrypted) until it is printed so that agents can
/// print every waiting letter as one PDF ([`render_batch`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Fields {
    /// See [`Letter::fund_name`].
    pub fund_name: String,
    /// See [`Letter::recipient_name`].
    pub recipient_name: String,
    /// See [`Letter::address_lines`].
    pub address_lines: Vec<String>,
    /// See [`Letter::code`].
    pub code: String,
    /// See [`Letter::expires_on`].
    pub expires_on: Date,
    /// See [`Letter::issued_on`].
    pub issued_on: Date,
    /// See [`Letter::portal_url`].
    pub portal_url: String,
}

impl Fields {
    /// The owned copy of a letter.
    pub fn of(letter: &Letter<'_>) -> Fields {
        Fields {
            fund_name: letter.fund_name.to_owned(),
            recipient_name: letter.recipient_name.to_owned(),
            address_lines: letter
                .address_lines
                .iter()
                .map(|l| (*l).to_owned())
                .collect(),
            code: letter.code.to_owned(),
            expires_on: letter.expires_on,
            issued_on: letter.issued_on,
            portal_url: letter.portal_url.to_owned(),
        }
    }
}

/// Renders several letters as one A4 PDF, one page each, in order (a print batch).
pub fn render_batch(letters: &[Fields], issued_on: Date) -> Result<Vec<u8>, LetterError> {
    let faces = Faces::load()?;
    let mut pages = Vec::with_capacity(letters.len());
    for fields in letters {
        let lines: Vec<&str> = fields.address_lines.iter().map(String::as_str).collect();
        let letter = Letter {
            fund_name: &fields.fund_name,
            recipient_name: &fields.recipient_name,
            address_lines: &lines,
            code: &fields.code,
            expires_on: fields.expires_on,
            issued_on: fields.issued_on,
            portal_url: &fields.portal_url,
        };
        let blocks = blocks(&letter);
        let ops = SCALES
            .iter()
            .find_map(|&scale| {
                let (ops, bottom) = layout(&blocks, &faces, scale);
                (bottom <= PAGE_H - MARGIN).then_some(ops)
            })
            .ok_or(LetterError::TooLong)?;
        pages.push(ops);
    }
    pdf::write(
        &faces,
        &pages,
        &pdf::Info {
            title: "Codes d'activation",
            issued_on,
            footer: None,
        },
    )
    .map_err(LetterError::from)
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

/// "26 novembre 2026"; the first of the month is "1er janvier 2027".
fn french_date(date: Date) -> String {
    crate::clock::date_words(date, portail_shared::Lang::Fr)
}

// ---- Layout -------------------------------------------------------------------------------

/// Left edge of the envelope window (DL window, French standard position).
const WINDOW_X: f32 = 110.0 * PT_PER_MM;
/// Top of the envelope window.
const WINDOW_Y: f32 = 47.0 * PT_PER_MM;
/// Where the body may start at the earliest, below the window.
const BODY_Y: f32 = 95.0 * PT_PER_MM;
/// Type scales tried in turn until the letter fits on the page.
const SCALES: [f32; 6] = [1.0, 0.94, 0.88, 0.82, 0.76, 0.7];

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
