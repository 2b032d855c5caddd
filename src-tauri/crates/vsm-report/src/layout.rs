//! Flowing blocks into columns and pages. A3 landscape has a narrow text column and a wide map
//! column per page; A4 portrait one column. A block that does not fit in what is left of a
//! column moves to the next one; a column break moves on at once (ignored on A4, where one
//! column follows another anyway). Every page gets the header and the page number.

use crate::blocks::Block;
use crate::fonts::Fonts;
use crate::pen::{Align, Pen, Style, ink};
use crate::symbols::Symbols;

/// Paper size and orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    /// A3 landscape, the A3 of A3 thinking (the default).
    #[default]
    A3,
    /// A4 portrait.
    A4,
}

const MARGIN: f32 = 28.0;
const HEADER: f32 = 44.0;
const FOOTER: f32 = 20.0;
const GAP: f32 = 18.0;

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A3 => (1190.55, 841.89),
            Paper::A4 => (595.28, 841.89),
        }
    }

    /// The columns of a page: (x, width).
    pub fn columns(self) -> Vec<(f32, f32)> {
        let (width, _) = self.size();
        let inner = width - 2.0 * MARGIN;
        match self {
            Paper::A3 => {
                let left = 330.0;
                vec![(MARGIN, left), (MARGIN + left + GAP, inner - left - GAP)]
            }
            Paper::A4 => vec![(MARGIN, inner)],
        }
    }

    /// Top and bottom of the text area.
    pub fn body(self) -> (f32, f32) {
        (MARGIN + HEADER, self.size().1 - MARGIN - FOOTER)
    }

    /// The width of the widest column (where maps go).
    pub fn map_width(self) -> f32 {
        self.columns().iter().map(|c| c.1).fold(0.0, f32::max)
    }
}

/// What the header and footer say.
pub struct Frame<'a> {
    /// The report's title.
    pub title: &'a str,
    /// Under the title: what, whose, when.
    pub subtitle: &'a str,
    /// At the foot of each page.
    pub footer: &'a str,
}

/// Lays out `blocks` on as many pages as they need and returns each page's pen.
pub fn flow<'f>(
    fonts: &'f Fonts,
    symbols: &Symbols,
    paper: Paper,
    frame: &Frame<'_>,
    blocks: &[Block<'_>],
) -> Vec<Pen<'f>> {
    let (_, height) = paper.size();
    let (top, bottom) = paper.body();
    let columns = paper.columns();
    let mut pages = vec![Pen::new(fonts, height)];
    let mut column = 0;
    let mut y = top;
    let next_column = |column: &mut usize, y: &mut f32, pages: &mut Vec<Pen<'f>>| {
        *column += 1;
        *y = top;
        if *column == columns.len() {
            *column = 0;
            pages.push(Pen::new(fonts, height));
        }
    };
    for (index, block) in blocks.iter().enumerate() {
        if let Block::ColumnBreak = block {
            if paper == Paper::A3 && y > top {
                next_column(&mut column, &mut y, &mut pages);
            }
            continue;
        }
        let widest = columns.iter().map(|c| c.1).fold(0.0, f32::max);
        while block.wide() && columns[column].1 < widest {
            next_column(&mut column, &mut y, &mut pages);
        }
        let page = pages.last().expect("a page");
        let mut needed = block.height(page, columns[column].1);
        // A heading stays with the start of what it introduces.
        let keep = match (block, blocks.get(index + 1)) {
            (Block::Heading(_), Some(next)) if !next.wide() => next.height(page, columns[column].1).min(40.0),
            _ => 0.0,
        };
        if y + needed + keep > bottom && y > top {
            next_column(&mut column, &mut y, &mut pages);
            while block.wide() && columns[column].1 < widest {
                next_column(&mut column, &mut y, &mut pages);
            }
            needed = block.height(pages.last().expect("a page"), columns[column].1);
        }
        let (x, width) = columns[column];
        let pen = pages.last_mut().expect("a page");
        block.draw(pen, symbols, x, y, width);
        y += needed + 4.0;
    }
    let count = pages.len();
    for (number, pen) in pages.iter_mut().enumerate() {
        decorate(pen, paper, frame, number + 1, count);
    }
    pages
}

fn decorate(pen: &mut Pen<'_>, paper: Paper, frame: &Frame<'_>, number: usize, count: usize) {
    let (width, height) = paper.size();
    let inner = width - 2.0 * MARGIN;
    let title = if number == 1 { Style::bold(18.0) } else { Style::bold(12.0) };
    pen.text(MARGIN, MARGIN, title, Align::Left, frame.title, Some(inner * 0.7));
    pen.text(
        MARGIN,
        MARGIN + title.line() + 2.0,
        Style::regular(9.0).in_colour(ink::SOFT),
        Align::Left,
        frame.subtitle,
        Some(inner),
    );
    pen.line(
        &[(MARGIN, MARGIN + HEADER - 6.0), (width - MARGIN, MARGIN + HEADER - 6.0)],
        ink::ACCENT,
        1.2,
        None,
    );
    let foot = height - MARGIN - 10.0;
    let small = Style::regular(7.5).in_colour(ink::SOFT);
    pen.text(MARGIN, foot, small, Align::Left, frame.footer, Some(inner * 0.7));
    pen.text(width - MARGIN, foot, small, Align::Right, &format!("Page {number} of {count}"), None);
}
