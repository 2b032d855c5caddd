//! The report's fonts: DejaVu Sans Condensed, regular and bold, bundled with the crate (Latin,
//! Greek and Cyrillic; embedded as subsets, so the PDF carries only the glyphs it uses), and a
//! fallback for what DejaVu lacks (CJK above all) looked up on the machine at run time — a CJK
//! font weighs 5–20 MB, too much to bundle for the few reports that need one.
//!
//! printpdf has no font fallback of its own: a character the font lacks would come out as an
//! empty box. [`Fonts::runs`] splits text into runs by the face that has each character; a
//! character no face has becomes `?` and is remembered, so the report can say which characters
//! it could not show instead of printing silent boxes.

use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;

use printpdf::{FontId, ParsedFont, PdfDocument};

const REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../fonts/DejaVuSansCondensed-Bold.ttf");

/// Fonts that cover CJK, where Debian and Ubuntu install them (used when `fc-match` is missing).
const FALLBACK_PATHS: &[&str] = &[
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
];

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// Body text.
    Regular,
    /// Headings and figures.
    Bold,
}

/// Which face a run of text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu in a weight.
    Bundled(Weight),
    /// The font found on the machine for what DejaVu lacks.
    Fallback,
}

struct Fallback {
    font: ParsedFont,
    id: FontId,
    file: PathBuf,
}

/// The faces, registered with the document.
pub struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
    regular_id: FontId,
    bold_id: FontId,
    /// Looked up on the first character DejaVu lacks; `None` when the machine has no such font.
    fallback: OnceCell<Option<Fallback>>,
}

impl Fonts {
    /// Parses the bundled faces and registers them with `document` under fixed ids (printpdf's
    /// own ids are random, which would make the bytes differ from run to run). Six capital
    /// letters make the PDF name a subset tag (`KVSMAA+DejaVu…`), as PDF readers expect.
    /// With `look_up_fallback` false only the bundled faces are used (reports then come out the
    /// same on every machine).
    pub fn register(document: &mut PdfDocument, look_up_fallback: bool) -> Self {
        let parse = |bytes: &[u8]| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled DejaVu font parses")
        };
        let (regular, bold) = (parse(REGULAR), parse(BOLD));
        let regular_id = FontId("KVSMAA".to_owned());
        let bold_id = FontId("KVSMAB".to_owned());
        for (id, font) in [(&regular_id, &regular), (&bold_id, &bold)] {
            document.resources.fonts.map.insert(id.clone(), printpdf::PdfFont::new(font.clone()));
        }
        let fallback = OnceCell::new();
        if !look_up_fallback {
            let _ = fallback.set(None);
        }
        Self { regular, bold, regular_id, bold_id, fallback }
    }

    /// Adds the fallback font to `document` if the report used it.
    pub fn finish(&self, document: &mut PdfDocument) {
        if let Some(Some(fallback)) = self.fallback.get() {
            document
                .resources
                .fonts
                .map
                .insert(fallback.id.clone(), printpdf::PdfFont::new(fallback.font.clone()));
        }
    }

    /// The fallback font's file, if one was needed and found.
    pub fn fallback_file(&self) -> Option<PathBuf> {
        self.fallback.get().and_then(Option::as_ref).map(|f| f.file.clone())
    }

    fn bundled(&self, weight: Weight) -> &ParsedFont {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    fn face(&self, face: Face) -> Option<&ParsedFont> {
        match face {
            Face::Bundled(weight) => Some(self.bundled(weight)),
            Face::Fallback => self.fallback.get().and_then(Option::as_ref).map(|f| &f.font),
        }
    }

    /// The document's id of a face.
    pub fn id(&self, face: Face) -> &FontId {
        match face {
            Face::Bundled(Weight::Regular) => &self.regular_id,
            Face::Bundled(Weight::Bold) => &self.bold_id,
            Face::Fallback => {
                self.fallback.get().and_then(Option::as_ref).map_or(&self.regular_id, |f| &f.id)
            }
        }
    }

    fn covers(font: &ParsedFont, c: char) -> bool {
        font.as_azul().lookup_glyph_index(c as u32).is_some_and(|gid| gid != 0)
    }

    /// The face that shows `c` in `weight`, looking a fallback up on the first miss.
    fn face_for(&self, weight: Weight, c: char) -> Option<Face> {
        if Self::covers(self.bundled(weight), c) {
            return Some(Face::Bundled(weight));
        }
        let fallback = self.fallback.get_or_init(|| find_fallback(c));
        fallback.as_ref().filter(|f| Self::covers(&f.font, c)).map(|_| Face::Fallback)
    }

    /// `text` split into runs by the face that shows each character. A character no face has
    /// becomes `?` and is added to `missing`; line breaks and tabs become spaces.
    pub fn runs(&self, weight: Weight, text: &str, missing: &mut BTreeSet<char>) -> Vec<(Face, String)> {
        let mut runs: Vec<(Face, String)> = Vec::new();
        for c in text.chars() {
            let (face, shown) = match c {
                '\n' | '\r' | '\t' => (Face::Bundled(weight), ' '),
                c => match self.face_for(weight, c) {
                    Some(face) => (face, c),
                    None => {
                        missing.insert(c);
                        (Face::Bundled(weight), '?')
                    }
                },
            };
            match runs.last_mut() {
                Some((last, run)) if *last == face => run.push(shown),
                _ => runs.push((face, shown.to_string())),
            }
        }
        runs
    }

    /// Width of `text` at `size` points, in points (no kerning: the advances are what printpdf
    /// writes).
    pub fn width(&self, weight: Weight, text: &str, size: f32) -> f32 {
        let mut ignored = BTreeSet::new();
        self.runs(weight, text, &mut ignored)
            .iter()
            .map(|(face, run)| {
                let font = self.face(*face).unwrap_or(&self.regular).as_azul();
                let units = f32::from(font.font_metrics.units_per_em.max(1));
                let advance: u32 = run
                    .chars()
                    .map(|c| {
                        font.lookup_glyph_index(c as u32)
                            .map_or(0, |gid| u32::from(font.get_horizontal_advance(gid)))
                    })
                    .sum();
                advance as f32 / units * size
            })
            .sum()
    }
}

/// A font on this machine that has `c`: asked of fontconfig first, then the usual paths.
fn find_fallback(c: char) -> Option<Fallback> {
    let asked = Command::new("fc-match")
        .args(["--format=%{file}|%{index}", &format!(":charset={:x}", u32::from(c))])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .and_then(|out| String::from_utf8(out.stdout).ok())
        .and_then(|line| {
            let (file, index) = line.trim().split_once('|')?;
            Some((PathBuf::from(file), index.parse::<usize>().unwrap_or(0)))
        });
    let candidates = asked.into_iter().chain(FALLBACK_PATHS.iter().map(|p| (PathBuf::from(p), 0)));
    for (file, index) in candidates {
        let Ok(bytes) = std::fs::read(&file) else { continue };
        let Some(font) = ParsedFont::from_bytes(&bytes, index, &mut Vec::new()) else { continue };
        if Fonts::covers(&font, c) {
            return Some(Fallback { font, id: FontId("KVSMAC".to_owned()), file });
        }
    }
    None
}
