//! The PDF Kaizen report: an A3 (or A4) stakeholders can read, drawn from the model — the
//! charter's background, scope and targets, the current state as vector graphics with its
//! ladder and figures, root causes, the future state, current vs future with deltas, the action
//! plan and follow-up.
//!
//! Pure: a document and options in, PDF bytes out. The same input gives the same bytes (the
//! date comes from the options, the PDF ids from the content), so reports can be compared and
//! tested. Text is real text in an embedded, subset DejaVu font, so it can be searched and
//! copied; characters the font lacks are listed in the report rather than left as empty boxes.

pub mod arrows;
pub mod blocks;
pub mod fonts;
pub mod format;
pub mod js;
pub mod layout;
pub mod mapdraw;
pub mod nodes;
pub mod pen;
pub mod sections;
pub mod svg;
pub mod symbols;

use std::collections::BTreeSet;

use printpdf::{Mm, PdfDocument, PdfPage, PdfSaveOptions, Pt};
use vsm_model::{Document, MapState};

pub use layout::Paper;
pub use sections::Sections;

use crate::blocks::Block;
use crate::fonts::Fonts;
use crate::layout::Frame;
use crate::sections::States;
use crate::symbols::Symbols;

/// What to put in the report and how.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Paper size (A3 landscape by default).
    pub paper: Paper,
    /// The current-state map to report on (default: the charter's map, else the first
    /// current state, else the first map).
    pub map: Option<String>,
    /// The report's date, `YYYY-MM-DD` (printed and stored as the PDF's creation date).
    pub date: String,
    /// The author in the PDF's metadata (default: the charter's owner).
    pub author: Option<String>,
    /// The document's name, for the title when the charter has no theme.
    pub name: String,
    /// Which parts to include.
    pub sections: Sections,
    /// Use only the bundled fonts, never one found on the machine (for characters they lack,
    /// such as CJK): the same report on every machine.
    pub bundled_fonts_only: bool,
}

/// A rendered report.
#[derive(Debug, Clone)]
pub struct Report {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Characters no embedded font could show (printed as `?` and listed in the report).
    pub missing_characters: Vec<char>,
    /// The smallest text size used, in points.
    pub smallest_text_pt: f32,
}

/// Renders the report of `document`. Fails only when the map asked for does not exist or the
/// date is not `YYYY-MM-DD`.
pub fn render(document: &Document, options: &Options) -> Result<Report, String> {
    let date = parse_date(&options.date)?;
    let current = pick_map(document, options)?;
    let future = vsm_kaizen::future_state_for(document, &current.id).filter(|m| m.id != current.id);
    let current_report = vsm_metrics::report::map_report(&vsm_metrics::map_metrics(current));
    let future_report = future.map(|m| vsm_metrics::report::map_report(&vsm_metrics::map_metrics(m)));
    let states = States { current: (current, &current_report), future: future.zip(future_report.as_ref()) };

    let charter = document.charter.as_ref();
    let title = charter.map(|c| c.theme.trim()).filter(|t| !t.is_empty()).map_or_else(
        || {
            format!(
                "{}: {}",
                if options.name.is_empty() { "Kaizen report" } else { &options.name },
                current.title
            )
        },
        str::to_owned,
    );
    let owner = charter.map(|c| c.owner.clone()).filter(|o| !o.is_empty());
    let team = charter.map(|c| c.team.join(", ")).filter(|t| !t.is_empty());
    let mut subtitle = format!("Kaizen report · {}", options.date);
    if let Some(owner) = &owner {
        subtitle.push_str(&format!(" · owner {owner}"));
    }
    if let Some(team) = &team {
        subtitle.push_str(&format!(" · team {team}"));
    }
    let footer = format!("{title} — {}", current.title);
    let frame = Frame { title: &title, subtitle: &subtitle, footer: &footer };

    let mut pdf = PdfDocument::new(&title);
    let fonts = Fonts::register(&mut pdf, !options.bundled_fonts_only);
    let symbols = Symbols::load();
    let (top, bottom) = options.paper.body();
    let map_height = (bottom - top) * 0.62;
    let mut blocks =
        sections::blocks(document, &states, options.sections, options.paper.map_width(), map_height);
    let mut pens = layout::flow(&fonts, &symbols, options.paper, &frame, &blocks);
    let mut missing: BTreeSet<char> = pens.iter().flat_map(|p| p.missing.iter().copied()).collect();
    if !missing.is_empty() {
        // Say which characters could not be shown, then lay out again with that note.
        // By code point: the characters themselves are what the fonts cannot show.
        let listed =
            missing.iter().map(|c| format!("U+{:04X}", u32::from(*c))).collect::<Vec<_>>().join(", ");
        blocks.push(Block::Heading("Characters not shown".to_owned()));
        blocks.push(Block::Paragraph(format!(
            "The report's fonts have no glyph for {listed}; they are printed as \"?\". Install a font that covers them (e.g. fonts-noto-cjk or fonts-wqy-microhei) to see them."
        )));
        pens = layout::flow(&fonts, &symbols, options.paper, &frame, &blocks);
        missing = pens.iter().flat_map(|p| p.missing.iter().copied()).collect();
    }
    let (width, height) = options.paper.size();
    let mut smallest = f32::INFINITY;
    let pages: Vec<PdfPage> = pens
        .into_iter()
        .map(|pen| {
            let (ops, _, small) = pen.into_ops();
            smallest = smallest.min(small);
            PdfPage::new(Mm::from(Pt(width)), Mm::from(Pt(height)), ops)
        })
        .collect();
    let page_count = pages.len();

    let info = &mut pdf.metadata.info;
    info.author = options.author.clone().or(owner).unwrap_or_default();
    info.subject =
        format!("Value stream {}: current and future state, targets and action plan", current.title);
    info.creator = "Kaizen VSM".to_owned();
    info.producer = format!("Kaizen VSM {}", env!("CARGO_PKG_VERSION"));
    info.keywords = vec!["value stream map".to_owned(), "kaizen".to_owned(), "A3".to_owned()];
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.identifier = String::new();
    fonts.finish(&mut pdf);
    pdf.with_pages(pages);
    Ok(Report {
        pdf: deterministic_bytes(&pdf),
        pages: page_count,
        missing_characters: missing.into_iter().collect(),
        smallest_text_pt: smallest,
    })
}

fn pick_map<'a>(document: &'a Document, options: &Options) -> Result<&'a vsm_model::Map, String> {
    if let Some(id) = &options.map {
        return document.map(id).ok_or_else(|| {
            let known = document.maps.iter().map(|m| m.id.as_str()).collect::<Vec<_>>().join(", ");
            format!("--map: the document has no map \"{id}\" (it has: {known})")
        });
    }
    let charter_map =
        document.charter.as_ref().and_then(|c| c.map.as_deref()).and_then(|id| document.map(id));
    charter_map
        .or_else(|| document.maps.iter().find(|m| m.state == MapState::Current))
        .or_else(|| document.maps.first())
        .ok_or_else(|| "the document has no map to report on".to_owned())
}

fn parse_date(text: &str) -> Result<printpdf::OffsetDateTime, String> {
    let bad = || format!("date: \"{text}\" is not a date of the form YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let [year, month, day] = parts.as_slice() else { return Err(bad()) };
    let (year, month, day): (i32, u8, u8) = (
        year.parse().map_err(|_| bad())?,
        month.parse().map_err(|_| bad())?,
        day.parse().map_err(|_| bad())?,
    );
    if year.to_string().len() != 4 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return Err(bad());
    }
    Ok(printpdf::OffsetDateTime {
        date: printpdf::Date { year, month, day },
        time: printpdf::Time { hour: 0, minute: 0, second: 0, millisecond: 0 },
        offset: printpdf::Offset { hours: 0, minutes: 0, seconds: 0, milliseconds: 0 },
    })
}

/// The PDF's bytes with its file identifier derived from the content instead of printpdf's
/// random one, so the same report is the same file.
fn deterministic_bytes(pdf: &PdfDocument) -> Vec<u8> {
    let options = PdfSaveOptions { optimize: true, subset_fonts: true, ..PdfSaveOptions::default() };
    let mut document = pdf.to_lopdf_document(&options, &mut Vec::new());
    document.trailer.remove(b"ID");
    document.compress();
    let mut first = Vec::new();
    let _ = document.save_to(&mut first);
    let id = fingerprint(&first);
    document.trailer.set(
        "ID",
        lopdf::Object::Array(vec![
            lopdf::Object::String(id.clone().into_bytes(), lopdf::StringFormat::Literal),
            lopdf::Object::String(id.into_bytes(), lopdf::StringFormat::Literal),
        ]),
    );
    let mut bytes = Vec::new();
    let _ = document.save_to(&mut bytes);
    bytes
}

/// 32 hex digits of FNV-1a over the bytes (an identifier, not a security measure).
fn fingerprint(bytes: &[u8]) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x8422_2325_cbf2_9ce4;
    for &byte in bytes {
        a = (a ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ u64::from(byte.rotate_left(3))).wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{a:016x}{b:016x}")
}

/// Today's date in UTC, `YYYY-MM-DD`: the date a report made now carries (the command line and
/// the app both date reports this way, without a calendar crate).
pub fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_date(i64::try_from(days).unwrap_or(0))
}

/// The `YYYY-MM-DD` date `days` days after 1970-01-01 (Howard Hinnant's civil-from-days).
fn civil_date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn days_since_the_epoch_become_civil_dates() {
        assert_eq!(super::civil_date(0), "1970-01-01");
        assert_eq!(super::civil_date(59), "1970-03-01");
        assert_eq!(super::civil_date(11_016), "2000-02-29");
        assert_eq!(super::civil_date(19_723), "2024-01-01");
        assert_eq!(super::civil_date(20_513), "2026-03-01");
        assert!(super::parse_date(&super::today()).is_ok());
    }
}
