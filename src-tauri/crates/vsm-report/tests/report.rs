//! The PDF report read back with poppler-utils (`pdftotext`, `pdfinfo`, `pdffonts`), as a reader
//! and a PDF viewer see it: the title, figures, owners and non-ASCII names are text; the fonts
//! are embedded subsets; metadata is set; the same input gives the same bytes; bad options are
//! refused with the reason.

use std::path::Path;
use std::process::Command;

use vsm_model::{DayBasis, Document, read_document};
use vsm_report::{Options, Paper, render};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../../tests/fixtures/{name}.vsm.json", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

fn options(paper: Paper) -> Options {
    Options { paper, date: "2026-11-27".to_owned(), name: "Acme".to_owned(), ..Options::default() }
}

/// Runs a poppler tool on the PDF and returns its output.
fn poppler(tool: &str, pdf: &[u8], extra: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("report.pdf");
    std::fs::write(&file, pdf).expect("write");
    let mut args: Vec<&str> = extra.to_vec();
    args.push(file.to_str().expect("utf-8 path"));
    if tool == "pdftotext" {
        args.push("-");
    }
    let output = Command::new(tool)
        .args(&args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) must be installed: {e}"));
    assert!(output.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8")
}

/// Asserts that each of `expected` is in the report's `text`.
fn assert_has(text: &str, expected: &[&str]) {
    for expected in expected {
        assert!(text.contains(expected), "{expected:?} not in the report's text:\n{text}");
    }
}

/// Asserts that none of `unexpected` is in the report's `text`.
fn assert_lacks(text: &str, unexpected: &[&str]) {
    for unexpected in unexpected {
        assert!(!text.contains(unexpected), "{unexpected:?} in the report's text:\n{text}");
    }
}

#[test]
fn the_a3_report_carries_the_charter_maps_figures_and_actions_as_text() {
    let report = render(&fixture("acme-kaizen"), &options(Paper::A3)).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &["-layout"]);
    assert_has(
        &text,
        &[
            "Steering brackets: one week of stock",
            "Background",
            "Target condition",
            "Michigan Steel Co.",
            "Assembly #1",
            "Bottleneck",
            "23.6 d",
            "Current vs future",
            "−8.6 d",
            "Dana (maintenance)",
            "Sam (production)",
            "SMED workshop on the press",
            "takt 60 s",
            "Waste: where it is seen",
            "15 tags on steps and kaizen bursts",
            "Inventory, Overproduction",
            "Page 1 of",
        ],
    );
    assert!(report.pages <= 3, "{} pages", report.pages);
    assert!(report.smallest_text_pt >= 6.0, "text at {} pt", report.smallest_text_pt);
    assert!(report.missing_characters.is_empty());

    let info = poppler("pdfinfo", &report.pdf, &[]);
    assert!(info.contains("Title:           Steering brackets: one week of stock"), "{info}");
    assert!(info.contains("Author:          Value stream manager"), "{info}");
    assert!(info.contains("Subject:         Value stream"), "{info}");
    assert!(info.contains("Page size:       1190.55 x 841.89"), "A3 landscape: {info}");
    assert!(info.contains(&format!("Pages:           {}", report.pages)), "{info}");

    let fonts = poppler("pdffonts", &report.pdf, &[]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{fonts}");
    for row in rows {
        let columns: Vec<&str> = row.split_whitespace().collect();
        // name type… encoding emb sub uni object-id generation
        let n = columns.len();
        assert_eq!(
            &columns[n - 5..n - 2],
            ["yes", "yes", "yes"],
            "embedded, subset, with a Unicode map: {row}"
        );
    }
}

#[test]
fn a4_portrait_fits_the_same_story_on_more_pages() {
    let report = render(&fixture("acme-kaizen"), &options(Paper::A4)).expect("renders");
    let info = poppler("pdfinfo", &report.pdf, &[]);
    assert!(info.contains("Page size:       595.28 x 841.89"), "{info}");
    let text = poppler("pdftotext", &report.pdf, &[]);
    assert!(text.contains("Assembly #1") && text.contains("Countermeasures"), "{text}");
    assert!(report.smallest_text_pt >= 6.0);
}

#[test]
fn days_are_the_maps_days_as_in_the_app() {
    // On a working-day basis one day of Acme is (8 h − 20 min) × 2 shifts = 15.3 h. Every figure
    // in days — the lead time in the headline table and the ladder, each wait on the ladder — is
    // in those days, as the app's metrics strip and ladder print them; a calendar day would make
    // the lead time 15.1 d and the 1.8 days before S. Weld #2 "27.6 h".
    let mut document = fixture("acme-stamping");
    let calendar = document.maps[0].calendar.as_mut().expect("Acme has a calendar");
    calendar.day_basis = Some(DayBasis::Working);
    let report = render(&document, &options(Paper::A3)).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &["-layout"]);
    assert_has(
        &text,
        &["15.3 h (the working time of a day)", "23.6 d (362", "Lead time 23.6 d", "1.8 d", "7.6 d"],
    );
    assert_lacks(&text, &["15.1 d", "27.6 h", "LT "]);

    let calendar_days = render(&fixture("acme-stamping"), &options(Paper::A3)).expect("renders");
    let text = poppler("pdftotext", &calendar_days.pdf, &["-layout"]);
    assert!(text.contains("24 h (calendar day)") && text.contains("Lead time 23.6 d"), "{text}");
}

#[test]
fn a_document_without_a_future_state_fits_on_one_a3_page() {
    // The software delivery example has a current state, bursts and a note, no future state and
    // no actions: the plan and the follow-up go under the analysis instead of onto a page of their own.
    let report = render(&fixture("software-delivery"), &options(Paper::A3)).expect("renders");
    assert_eq!(report.pages, 1);
    let text = poppler("pdftotext", &report.pdf, &["-layout"]);
    assert_has(
        &text,
        &[
            "Observations (notes on the map)",
            "Countermeasures: action plan",
            "No actions planned yet.",
            "Follow-up",
        ],
    );
}

#[test]
fn names_under_symbols_wrap_instead_of_being_cut() {
    // "Ready for development" (a queue) and "Business stakeholders" (a supplier) are wider than
    // their symbols: as on the canvas they go on two lines, every word kept.
    let report = render(&fixture("software-delivery"), &options(Paper::A3)).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &[]);
    assert_lacks(&text, &["Ready for d…", "Business stakehold…", "Waiting for…"]);
    // The last words, which cutting dropped (lower-case "development" is only in the queue's name).
    assert_has(&text, &["development", "stakeholders", "CAB\n"]);
}

#[test]
fn the_same_document_and_options_give_the_same_bytes() {
    let document = fixture("acme-kaizen");
    let first = render(&document, &options(Paper::A3)).expect("renders").pdf;
    let second = render(&document, &options(Paper::A3)).expect("renders").pdf;
    assert!(first == second, "two renders differ");
    let other_day = render(&document, &Options { date: "2026-11-28".to_owned(), ..options(Paper::A3) })
        .expect("renders")
        .pdf;
    assert!(first != other_day, "the date is part of the file");
    assert!(first.len() < 1_000_000, "{} bytes", first.len());
}

fn with_names(names: (&str, &str, &str)) -> Document {
    let mut document = fixture("acme-kaizen");
    let charter = document.charter.as_mut().expect("charter");
    charter.theme = names.0.to_owned();
    charter.owner = names.1.to_owned();
    document.maps[0].nodes[0].name = names.2.to_owned();
    document
}

#[test]
fn greek_and_cyrillic_names_render_and_missing_characters_are_named() {
    let document = with_names(("Штамповка и сварка — Σφράγιση", "Zoë Ångström", "Поставщик 鋼"));
    let bundled = Options { bundled_fonts_only: true, ..options(Paper::A3) };
    let report = render(&document, &bundled).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &[]);
    assert!(text.contains("Штамповка и сварка — Σφράγιση"), "{text}");
    assert!(text.contains("Zoë Ångström"), "{text}");
    assert!(text.contains("Поставщик ?"), "{text}");
    assert_eq!(report.missing_characters, vec!['鋼']);
    assert!(
        text.contains("no glyph for U+92FC"),
        "the report names the character it could not show:\n{text}"
    );
}

/// Needs a CJK font on the machine (CI installs fonts-wqy-microhei; fonts-noto-cjk works too).
#[test]
fn cjk_text_is_set_in_a_font_found_on_the_machine_and_embedded() {
    let document = with_names(("鋼材の一個流し", "王 芳", "供应商 鋼"));
    let report = render(&document, &options(Paper::A3)).expect("renders");
    assert!(
        report.missing_characters.is_empty(),
        "no CJK font found (install fonts-wqy-microhei): missing {:?}",
        report.missing_characters
    );
    let text = poppler("pdftotext", &report.pdf, &[]);
    for expected in ["鋼材の一個流し", "王 芳", "供应商 鋼"] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
    let fonts = poppler("pdffonts", &report.pdf, &[]);
    assert!(
        fonts.lines().any(|l| l.starts_with("KVSMAC+")),
        "the fallback is embedded as a subset:\n{fonts}"
    );
    assert!(report.pdf.len() < 1_000_000, "a subset, not the whole font: {} bytes", report.pdf.len());
}

#[test]
fn a_large_generated_map_is_split_so_labels_stay_legible() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../tests/fixtures/software-delivery.vsm.json");
    let mut document = read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid");
    // Spread the map out to ten times its width: too wide for one legible drawing.
    for node in &mut document.maps[0].nodes {
        node.x *= 10.0;
    }
    let report = render(&document, &options(Paper::A3)).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &[]);
    assert!(text.contains("(part 1 of"), "{text}");
    assert!(report.smallest_text_pt >= 6.0);
}

#[test]
fn bad_options_are_refused_with_the_reason() {
    let document = fixture("acme-kaizen");
    let error =
        render(&document, &Options { date: "27.11.2026".to_owned(), ..options(Paper::A3) }).unwrap_err();
    assert!(error.contains("\"27.11.2026\"") && error.contains("YYYY-MM-DD"), "{error}");
    let error =
        render(&document, &Options { map: Some("nope".to_owned()), ..options(Paper::A3) }).unwrap_err();
    assert!(error.contains("no map \"nope\""), "{error}");
}

#[test]
fn the_waste_pareto_counts_each_tag_once_largest_first() {
    let document = fixture("acme-kaizen");
    let (current, future) =
        (document.map("current").expect("current"), document.map("future").expect("future"));
    let (current_report, future_report) = (
        vsm_metrics::report::map_report(&vsm_metrics::map_metrics(current)),
        vsm_metrics::report::map_report(&vsm_metrics::map_metrics(future)),
    );
    let states = vsm_report::sections::States {
        current: (current, &current_report),
        future: Some((future, &future_report)),
    };
    // Current state: 6 stocks, 2 processes and the SMED burst; the future state adds the FIFO burst
    // (its copies of the current nodes are not counted again).
    assert_eq!(
        vsm_report::sections::waste_pareto(&states),
        [("Inventory".to_owned(), 8), ("Waiting".to_owned(), 4), ("Overproduction".to_owned(), 3)]
    );
}

#[test]
fn notes_on_the_map_appear_among_the_observations() {
    let report = render(&fixture("software-delivery"), &options(Paper::A4)).expect("renders");
    let text = poppler("pdftotext", &report.pdf, &[]);
    assert!(text.contains("Observations (notes on the map)"), "{text}");
    assert!(text.contains("Times from the team"), "{text}");
}
