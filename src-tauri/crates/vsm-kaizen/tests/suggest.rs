//! Improvement suggestions on the fixtures: which rules fire, with effects worked out by hand from
//! the maps' data (Rother & Shook's Acme Stamping, *Learning to See*; a software delivery stream
//! after Martin & Osterling), and properties that hold for every suggestion on every map.

use vsm_kaizen::{RULES, Settings, Suggestion, suggest};
use vsm_metrics::report::map_report;
use vsm_model::{Document, read_document};

fn fixture(name: &str) -> Document {
    let path = format!("{}/../../../tests/fixtures/{name}.vsm.json", env!("CARGO_MANIFEST_DIR"));
    read_document(&std::fs::read_to_string(path).expect("fixture")).expect("valid")
}

fn fixtures() -> Vec<Document> {
    ["acme-stamping", "software-delivery", "acme-kaizen"].into_iter().map(fixture).collect()
}

fn lead_time_delta(suggestion: &Suggestion, metric: &str) -> f64 {
    suggestion.effect.iter().find(|e| e.metric == metric).and_then(|e| e.delta).unwrap_or(0.0)
}

fn find<'a>(suggestions: &'a [Suggestion], rule: &str, target: &str) -> &'a Suggestion {
    suggestions
        .iter()
        .find(|s| s.rule == rule && s.targets.iter().any(|t| t == target))
        .unwrap_or_else(|| panic!("no {rule} suggestion for {target}"))
}

#[test]
fn acme_gets_the_learning_to_see_guidelines_in_order_of_effect() {
    let suggestions = suggest(&fixture("acme-stamping"), "current", &Settings::default());
    let rules: Vec<&str> = suggestions.iter().map(|s| s.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "changeover_reduction",  // 7,000 stamped parts → a 1,380-part supermarket: −6.1 days
            "raw_material_delivery", // 5 days of coils → 1: −4 days
            "continuous_flow",       // 1,700 between the welders: −1.8 days
            "fifo_lane",             // 2,450 after weld 2 → 920: −1.7 days
            "fifo_lane",             // 1,840 after assembly 1 → 920: −1 day
            "produce_to_takt",       // Assembly #1: 62 s > takt 60 s
            "pacemaker",
            "level_the_mix",
            "level_the_volume",
        ]
    );
    // Daily demand 920 (18,400 a month over 20 days): a stock of q pieces is q ÷ 920 days.
    let days = |s: &Suggestion| lead_time_delta(s, "lead_time_days");
    // The press changes over in 1 h with a 10-day EPE, so it cannot feed a FIFO lane: SMED first
    // (C/O 30 min, EPE 1 day), then a supermarket of one day's batch + ½ day safety = 1,380.
    let smed = find(&suggestions, "changeover_reduction", "stamping");
    let batch = serde_json::to_value(&smed.changes).expect("json");
    assert_eq!(batch["changes"][0]["set"], serde_json::json!({ "changeover_s": 1800.0, "epe_days": 1.0 }));
    assert_eq!(batch["changes"][1]["set"]["kind"], "supermarket");
    assert_eq!(batch["changes"][1]["set"]["quantity"], 1380.0);
    assert!((days(smed) + (7000.0 - 1380.0) / 920.0).abs() < 1e-9);
    assert!(
        suggestions.iter().all(|s| !(s.rule == "fifo_lane" && s.targets.contains(&"inv-stamped".to_owned())))
    );
    assert!((days(find(&suggestions, "raw_material_delivery", "coils")) + 4.0).abs() < 1e-9);
    let flow = find(&suggestions, "continuous_flow", "inv-weld-1");
    assert!((days(flow) + 1700.0 / 920.0).abs() < 1e-9);
    assert!((days(find(&suggestions, "fifo_lane", "inv-assembly-1")) + 1.0).abs() < 1e-9);
    // Welding flows: the stock is gone and the two welders are joined.
    assert!(flow.projected.critical_path.windows(2).any(|w| w == ["weld-1", "weld-2"]));
    // Assembly #1 runs 62 s against a 60 s takt: two stations side by side.
    let takt = find(&suggestions, "produce_to_takt", "assembly-1");
    assert_eq!(serde_json::to_value(&takt.changes).expect("json")["changes"][0]["set"]["parallel"], 2.0);
    // Pitch = takt 60 s × 20 per pack = 20 min, released at Assembly #2, nearest the customer.
    assert_eq!(
        find(&suggestions, "level_the_volume", "assembly-2").title,
        "Release work to Assembly #2 every pitch (20 min)"
    );
    // Scheduling guidelines change no figure of this model, and say so rather than invent one.
    for rule in ["pacemaker", "level_the_mix", "level_the_volume", "produce_to_takt"] {
        let suggestion = suggestions.iter().find(|s| s.rule == rule).expect(rule);
        assert!(suggestion.effect.iter().all(|e| e.metric != "lead_time_s"), "{rule}");
        assert!(suggestion.assumption.is_some(), "{rule} must state why no change is projected");
    }
}

#[test]
fn delivery_stream_gets_wait_automation_quality_and_wip_suggestions() {
    let suggestions = suggest(&fixture("software-delivery"), "current", &Settings::default());
    let seconds = |s: &Suggestion| lead_time_delta(s, "lead_time_s");
    // Backlog of 10 days halved to 2.5 days by a WIP limit: −7.5 days of 24 h.
    assert_eq!(suggestions[0].rule, "wip_limit");
    assert!((seconds(&suggestions[0]) + 7.5 * 86_400.0).abs() < 1e-6);
    // CAB: 48 h elapsed for 0.5 h of work (96×) → 1 h (2× PT): −47 h.
    assert!((seconds(find(&suggestions, "hand_off_wait", "approval")) + 47.0 * 3600.0).abs() < 1e-6);
    // QA: 72 h → 8 h, inside the rework loop sent back with r = 0.15, so every hour counts
    // 1 ÷ 0.85 times: −64 h ÷ 0.85.
    assert!((seconds(find(&suggestions, "hand_off_wait", "qa")) + 64.0 * 3600.0 / 0.85).abs() < 1e-6);
    // Work waits 4 days for the weekly CAB: twice as many meetings halve it, −2 days.
    assert!((seconds(find(&suggestions, "smaller_batches", "cab-queue")) + 2.0 * 86_400.0).abs() < 1e-6);
    // Quality at source in QA halves both its errors (70 % → 85 %) and the rework (15 % → 7.5 %).
    let quality = find(&suggestions, "quality_at_source", "qa");
    let batch = serde_json::to_value(&quality.changes).expect("json");
    assert_eq!(batch["changes"][0]["set"]["pca"], 0.85);
    assert_eq!(batch["changes"][1]["set"]["probability"], 0.075);
    let pca = quality.effect.iter().find(|e| e.metric == "rolled_pca").expect("rolled %C/A moves");
    assert!((pca.to.expect("to") / pca.from.expect("from") - 0.85 / 0.7).abs() < 1e-9);
    // No manufacturing guidance on a delivery map.
    assert!(suggestions.iter().all(|s| !matches!(
        s.rule.as_str(),
        "pacemaker" | "level_the_mix" | "fifo_lane" | "raw_material_delivery"
    )));
}

#[test]
fn every_proposal_applies_and_its_projection_is_what_applying_gives() {
    for document in fixtures() {
        for map in &document.maps {
            let proposals: usize =
                RULES.iter().map(|rule| (rule.check)(map, &Settings::default()).len()).sum();
            let suggestions = suggest(&document, &map.id, &Settings::default());
            assert_eq!(suggestions.len(), proposals, "{}: a rule proposed a batch the model refuses", map.id);
            for suggestion in &suggestions {
                let changed = vsm_model::apply(&document, &suggestion.changes).expect("applies");
                let metrics = vsm_metrics::map_metrics(changed.map(&map.id).expect("map"));
                assert_eq!(map_report(&metrics), suggestion.projected, "{} {}", map.id, suggestion.title);
            }
        }
    }
}

#[test]
fn no_suggestion_lengthens_lead_time_or_yields_a_non_finite_figure() {
    for document in fixtures() {
        for map in &document.maps {
            let suggestions = suggest(&document, &map.id, &Settings::default());
            let deltas: Vec<f64> = suggestions.iter().map(|s| lead_time_delta(s, "lead_time_s")).collect();
            assert!(deltas.iter().all(|d| *d <= 0.0), "{}: {deltas:?}", map.id);
            assert!(deltas.windows(2).all(|w| w[0] <= w[1]), "{}: not sorted by effect: {deltas:?}", map.id);
            for suggestion in &suggestions {
                for figure in &suggestion.effect {
                    let values = [figure.from, figure.to, figure.delta, figure.delta_ratio];
                    assert!(
                        values.iter().flatten().all(|v| v.is_finite()),
                        "{}: {figure:?}",
                        suggestion.title
                    );
                }
            }
        }
    }
}

#[test]
fn thresholds_decide_what_fires() {
    let document = fixture("software-delivery");
    let strict = Settings { wait_ratio: 50.0, large_queue_days: 20.0, low_pca: 0.5, ..Settings::default() };
    let suggestions = suggest(&document, "current", &strict);
    let waits: Vec<&str> = suggestions
        .iter()
        .filter(|s| s.rule == "hand_off_wait")
        .flat_map(|s| &s.targets)
        .map(String::as_str)
        .collect();
    assert_eq!(waits, ["approval"], "only CAB waits 50× its process time or more");
    assert!(suggestions.iter().all(|s| s.rule != "wip_limit" && s.rule != "quality_at_source"));
    // Settings read from JSON fill what is missing with the defaults.
    let partial: Settings = serde_json::from_str(r#"{"wait_ratio": 50}"#).expect("settings");
    assert_eq!(partial, Settings { wait_ratio: 50.0, ..Settings::default() });
}

#[test]
fn a_batching_process_with_too_much_stock_after_it_gets_a_supermarket() {
    // EPE 2 days at 920 a day: a supermarket of (2 + ½) × 920 = 2,300 replaces 4,600 pieces.
    let mut document = fixture("acme-stamping");
    let map = &mut document.maps[0];
    let stamping = map.nodes.iter_mut().find(|n| n.id == "stamping").expect("stamping");
    stamping.epe_days = Some(2.0);
    stamping.changeover_s = Some(600.0);
    map.nodes.iter_mut().find(|n| n.id == "inv-stamped").expect("stock").quantity = Some(4600.0);
    let suggestions = suggest(&document, "current", &Settings::default());
    let market = find(&suggestions, "supermarket_pull", "inv-stamped");
    let batch = serde_json::to_value(&market.changes).expect("json");
    assert_eq!(
        batch["changes"][0]["set"],
        serde_json::json!({ "kind": "supermarket", "quantity": 2300.0, "max_quantity": 2300.0 })
    );
    assert!((lead_time_delta(market, "lead_time_days") + 2300.0 / 920.0).abs() < 1e-9);
    assert!(
        suggestions.iter().all(|s| s.rule != "fifo_lane" || !s.targets.contains(&"inv-stamped".to_owned()))
    );
}

#[test]
fn a_map_without_demand_or_data_gets_no_invented_suggestions() {
    let document = read_document(
        r#"{"format":"kaizen-vsm","version":1,"maps":[{"id":"m","title":"Sketch","nodes":[
            {"id":"s","kind":"supplier","name":"Supplier","x":0,"y":0},
            {"id":"i","kind":"inventory","name":"","x":100,"y":0,"quantity":500},
            {"id":"p","kind":"process","name":"Press","x":200,"y":0},
            {"id":"c","kind":"customer","name":"Customer","x":300,"y":0}],
          "edges":[{"id":"e1","from":"s","to":"i","kind":"push"},{"id":"e2","from":"i","to":"p","kind":"push"},
                   {"id":"e3","from":"p","to":"c","kind":"push"}]}]}"#,
    )
    .expect("valid sketch");
    assert!(suggest(&document, "m", &Settings::default()).is_empty());
    assert!(suggest(&document, "no-such-map", &Settings::default()).is_empty());
}
