//! The report's fonts: DejaVu Sans Condensed, regular and bold, bundled with the crate (Latin,
//! Greek and Cyrillic; embedded as subsets, so the PDF carries only the glyphs it uses).
//!
//! printpdf has no font fallback: a character the font lacks would come out as an empty box.
//! [`Fonts::shown`] replaces such characters with `?` and remembers them, so the report can say
//! which characters it could not show instead of printing silent boxes.

use std::collections::BTreeSet;

use printpdf::{FontId, ParsedFont, PdfDocument};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed-Bold.ttf");

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings and figures.
    Bold,
}

/// The two faces, registered with the document.
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    regular_id: FontId,
    bold_id: FontId,
}

impl Fonts {
    /// Parses the bundled faces and registers them with `document` under fixed ids (printpdf's
    /// own ids are random, which would make the bytes differ from run to run).
    pub fn register(document: &mut PdfDocument) -> Self {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu font parses")
        };
        let (regular, bold) = (parse(REGULAR), parse(BOLD));
        let regular_id = FontId("KVSMAA".to_owned());
        let bold_id = FontId("KVSMAB".to_owned());
        for (id, font) in [(&regular_id, &regular), (&bold_id, &bold)] {
            document.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(font.clone()));
        }
        Self { regular, bold, regular_id, bold_id }
    }

    fn face(&self, weight: Weight) -> &ParsedFont {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The document's id of a face.
    pub fn id(&self, weight: Weight) -> &FontId {
        match weight {
            Weight::Regular => &self.regular_id,
            Weight::Bold => &self.bold_id,
        }
    }

    /// Whether the face has a glyph for `c`.
    pub fn has(&self, weight: Weight, c: char) -> bool {
        self.face(weight).as_azul().lookup_glyph_index(c as u32).is_some_and(|gid| gid != 0)
    }

    /// `text` as it can be shown: characters without a glyph become `?` and are added to
    /// `missing`. Line breaks and tabs become spaces.
    pub fn shown(&self, weight: Weight, text: &str, missing: &mut BTreeSet<char>) -> String {
        text.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                c if self.has(weight, c) => c,
                c => {
                    missing.insert(c);
                    '?'
                }
            })
            .collect()
    }

    /// Width of `text` at `size` points, in points (no kerning: DejaVu's advances are what
    /// printpdf writes).
    pub fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        let face = self.face(weight).as_azul();
        let units = f32::from(face.font_metrics.units_per_em.max(1));
        let advance: u32 = text
            .chars()
            .map(|c| {
                let gid = face.lookup_glyph_index(c as u32).or_else(|| face.lookup_glyph_index('?' as u32));
                gid.map_or(0, |gid| u32::from(face.get_horizontal_advance(gid)))
            })
            .sum();
        advance as f32 / units * size
    }
}
