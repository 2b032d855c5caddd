//! Speed and size of the PDF Kaizen report (issue "Kaizen report": a 50-step current + future
//! report renders in under 300 ms and weighs under 1 MB; figures in docs/performance.md).
//! Run: `cargo bench -p vsm-report --bench report` (with `KAIZEN_BENCH_PDF=DIR` it also writes the
//! two PDFs to DIR).
//!
//! The current state is `fifty-steps.vsm.json`, made by `shared/tools/gen-map 25` (supplier →
//! (inventory → process) × 25 → customer with skip edges: 50 steps, 52 nodes, 56 edges). The
//! future state is built the way the app builds it: added through a change batch, then the top
//! suggestions accepted (each adds its improvement, a kaizen burst and an action). A charter,
//! owners and due dates, and a snapshot with a measured effect give every section content.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use vsm_kaizen::{Settings, accept, future_state_of, measured_effect, suggest};
use vsm_model::{
    Action, ActionStatus, Change, ChangeBatch, Charter, Document, Snapshot, Target, apply, read_document,
};
use vsm_report::{Options, Paper, render};

/// How many suggestions are accepted into the future state.
const ACCEPTED: usize = 5;

fn batch(map: Option<&str>, changes: Vec<Change>) -> ChangeBatch {
    ChangeBatch { map: map.map(str::to_owned), changes }
}

fn set(fields: serde_json::Value) -> serde_json::Map<String, serde_json::Value> {
    fields.as_object().expect("an object").clone()
}

/// The 50-step document with its future state, charter, action plan and a snapshot.
fn kaizen_document() -> Document {
    let mut document = read_document(include_str!("fifty-steps.vsm.json")).expect("valid fixture");
    let current = document.maps[0].id.clone();

    // The future state, derived from the current one.
    let future = future_state_of(&document, &document.maps[0]);
    let future_id = future.id.clone();
    document = apply(&document, &batch(None, vec![Change::AddMap { map: future, index: None }]))
        .expect("the future state is added");

    // The top suggestions found on the current state, accepted into the future state (one that
    // an earlier acceptance already covers is refused and skipped).
    let settings = Settings::default();
    let mut accepted = 0;
    for suggestion in suggest(&document, &current, &settings) {
        if accepted == ACCEPTED {
            break;
        }
        if let Ok(acceptance) = accept(&document, &current, &suggestion.rule, &suggestion.targets, &settings)
        {
            assert_eq!(acceptance.map, future_id);
            document = apply(&document, &acceptance.batch).expect("the acceptance applies");
            accepted += 1;
        }
    }
    assert_eq!(accepted, ACCEPTED, "the map offers {ACCEPTED} suggestions to accept");

    // Owners, due dates and progress on the accepted actions, plus one written by hand.
    let owners = ["Dana (maintenance)", "Sam (production)", "Ana (logistics)", "Lee (quality)"];
    let statuses = ["done", "in_progress", "planned"];
    let mut changes: Vec<Change> = document
        .actions
        .iter()
        .enumerate()
        .map(|(i, action)| Change::UpdateAction {
            id: action.id.clone(),
            set: set(serde_json::json!({
                "owner": owners[i % owners.len()],
                "due": format!("2027-0{}-15", 1 + i % 9),
                "status": statuses[i % statuses.len()],
            })),
        })
        .collect();
    changes.push(Change::AddAction {
        action: Box::new(Action {
            id: "walk".to_owned(),
            title: "Walk the value stream with the team leads every Monday".to_owned(),
            owner: "Value stream manager".to_owned(),
            due: Some("2027-01-11".to_owned()),
            status: ActionStatus::InProgress,
            map: Some(future_id.clone()),
            burst: None,
            rule: None,
            expected: None,
            actual: None,
            notes: String::new(),
        }),
        index: None,
    });
    let charter = Charter {
        theme: "Generated 50-step stream: halve the lead time".to_owned(),
        sponsor: "Plant manager".to_owned(),
        owner: "Value stream manager".to_owned(),
        team: ["Dana", "Sam", "Ana", "Lee"].map(str::to_owned).to_vec(),
        map: Some(current.clone()),
        scope_from: Some("p-0".to_owned()),
        scope_to: Some("p-24".to_owned()),
        start: Some("2026-11-23".to_owned()),
        end: Some("2026-11-27".to_owned()),
        background: "Customers wait weeks for an order that takes minutes of work: stock piles up \
                     between 25 process steps, changeovers are long and batches large. The event \
                     maps the stream, agrees a future state and the actions that get there."
            .to_owned(),
        targets: vec![
            Target {
                metric: "lead_time_days".to_owned(),
                from: None,
                to: 10.0,
                by: Some("2027-06-30".into()),
            },
            Target { metric: "va_ratio".to_owned(), from: None, to: 0.01, by: Some("2027-06-30".into()) },
            Target { metric: "rolled_pca".to_owned(), from: None, to: 0.9, by: None },
        ],
    };
    changes.push(Change::SetCharter { charter: Some(Box::new(charter)) });
    document = apply(&document, &batch(None, changes)).expect("the plan and charter apply");

    // A snapshot of the future state as achieved, recorded as the first action's actual effect.
    let snapshot = Snapshot {
        id: "achieved".to_owned(),
        taken_on: "2027-02-01".to_owned(),
        label: "as achieved".to_owned(),
        map: document.map(&future_id).expect("future state").clone(),
    };
    document = apply(
        &document,
        &batch(None, vec![Change::AddSnapshot { snapshot: Box::new(snapshot), index: None }]),
    )
    .expect("the snapshot applies");
    let actual = measured_effect(&document, "achieved").expect("measured");
    let first = document.actions[0].id.clone();
    let actual = serde_json::to_value(actual).expect("serialisable");
    document = apply(
        &document,
        &batch(
            None,
            vec![Change::UpdateAction { id: first, set: set(serde_json::json!({ "actual": actual })) }],
        ),
    )
    .expect("the actual effect applies");
    document
}

fn options(paper: Paper) -> Options {
    Options { paper, date: "2026-11-27".to_owned(), name: "Bench".to_owned(), ..Options::default() }
}

fn benches(c: &mut Criterion) {
    let document = kaizen_document();
    let nodes: usize = document.maps.iter().map(|m| m.nodes.len()).sum();
    println!(
        "document: {} maps ({nodes} nodes), {} actions, {} snapshot(s)",
        document.maps.len(),
        document.actions.len(),
        document.snapshots.len()
    );
    for (name, paper) in [("A3", Paper::A3), ("A4", Paper::A4)] {
        let options = options(paper);
        let report = render(&document, &options).expect("renders");
        assert!(report.missing_characters.is_empty(), "{:?}", report.missing_characters);
        println!(
            "report/{name}-50-steps: {} bytes ({:.0} KiB), {} pages, smallest text {} pt",
            report.pdf.len(),
            report.pdf.len() as f64 / 1024.0,
            report.pages,
            report.smallest_text_pt
        );
        // To look at the benchmark's report: `KAIZEN_BENCH_PDF=/tmp cargo bench …`.
        if let Some(dir) = std::env::var_os("KAIZEN_BENCH_PDF") {
            let path = std::path::Path::new(&dir).join(format!("report-{name}-50-steps.pdf"));
            std::fs::write(&path, &report.pdf).expect("write the PDF");
            println!("wrote {}", path.display());
        }
        c.bench_function(&format!("report/{name}-50-steps"), |b| {
            b.iter(|| render(black_box(&document), black_box(&options)))
        });
    }
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(20);
    targets = benches
}
criterion_main!(group);
