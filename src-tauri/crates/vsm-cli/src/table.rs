//! The human-readable metrics table of `vsm metrics`.

use std::fmt::Write;

use vsm_metrics::{Figure, MapMetrics};
use vsm_model::Map;

/// Renders one map's headline figures and warnings.
pub fn render(map: &Map, metrics: &MapMetrics) -> String {
    let mut out = String::new();
    let title = if map.title.is_empty() { map.id.as_str() } else { map.title.as_str() };
    let _ = writeln!(out, "{title}  [{}]", map.id);
    let day = metrics.pace.day_length_s.clone().unwrap_or(86_400.0);
    let basis = if day == 86_400.0 { "calendar days" } else { "working days" };
    let row = |out: &mut String, label: &str, text: String| {
        let _ = writeln!(out, "  {label:<18}{text}");
    };
    row(
        &mut out,
        "Lead time",
        show(&metrics.lead_time_s, |s| format!("{:.1} {basis} ({:.1} h)", s / day, s / 3600.0)),
    );
    if metrics.lead_time_first_pass_s != metrics.lead_time_s {
        row(
            &mut out,
            "  without rework",
            show(&metrics.lead_time_first_pass_s, |s| format!("{:.1} h", s / 3600.0)),
        );
    }
    row(&mut out, "Processing time", show(&metrics.processing_time_s, duration));
    row(&mut out, "VA ratio", show(&metrics.va_ratio, |r| format!("{:.3} %", r * 100.0)));
    row(&mut out, "Takt", show(&metrics.pace.takt_s, duration));
    let demand_unit = map.demand.as_ref().and_then(|demand| demand.unit.as_deref()).unwrap_or("units");
    row(
        &mut out,
        "Daily demand",
        show(&metrics.pace.daily_demand, |d| format!("{} {demand_unit}", quantity(d))),
    );
    if metrics.pace.pitch_s.is_ok() {
        row(&mut out, "Pitch", show(&metrics.pace.pitch_s, duration));
    }
    row(&mut out, "Rolled %C/A", show(&metrics.rolled_pca, |p| format!("{:.1} %", p * 100.0)));
    let balance = &metrics.balance;
    if balance.operators_needed.is_ok() {
        let rounded = balance.operators_needed_rounded.clone().unwrap_or(0.0);
        row(
            &mut out,
            "Operators needed",
            show(&balance.operators_needed, |n| format!("{n:.2} → {rounded} ({})", balance.cell.join(", "))),
        );
        row(
            &mut out,
            "Balance",
            show(&balance.balance_efficiency, |b| format!("{:.0} % of the slowest station", b * 100.0)),
        );
    }
    if balance.labour_required.is_ok() {
        row(
            &mut out,
            "Labour required",
            show(&balance.labour_required, |l| format!("{l:.1} person-shifts per day")),
        );
    }
    let name =
        |id: &&str| map.node(id).map(|n| if n.name.is_empty() { (*id).to_owned() } else { n.name.clone() });
    let bottleneck: Vec<String> = metrics.bottleneck.iter().filter_map(name).collect();
    row(&mut out, "Bottleneck", if bottleneck.is_empty() { "—".into() } else { bottleneck.join(", ") });
    row(&mut out, "Critical path", metrics.critical_path.join(" → "));
    match &metrics.monte_carlo {
        Some(Ok(mc)) => {
            let days = |s: f64| format!("{:.1}", s / day);
            row(
                &mut out,
                "Monte Carlo",
                format!(
                    "p50 {} · p85 {} · p95 {} {basis} ({} trials, seed {})",
                    days(mc.p50_s),
                    days(mc.p85_s),
                    days(mc.p95_s),
                    mc.trials,
                    mc.seed
                ),
            );
            if let (Some(target), Some(chance)) = (mc.target_s, mc.probability_meeting_target) {
                row(
                    &mut out,
                    "  meets target",
                    format!("{:.1} % of trials ≤ {} {basis}", chance * 100.0, days(target)),
                );
            }
        }
        Some(Err(reason)) => row(&mut out, "Monte Carlo", format!("— ({})", reason.0)),
        None => {}
    }
    if metrics.warnings.is_empty() {
        let _ = writeln!(out, "  No warnings.");
    } else {
        let _ = writeln!(out, "  Warnings:");
        for warning in &metrics.warnings {
            let _ = writeln!(out, "    - [{}] {}", warning.code, warning.message);
        }
    }
    out.push('\n');
    out
}

fn show(figure: &Figure, format: impl Fn(f64) -> String) -> String {
    match figure {
        Ok(value) => format(*value),
        Err(reason) => format!("— ({})", reason.0),
    }
}

/// A count to one decimal, without a trailing `.0`: `920`, `45.5`.
fn quantity(value: f64) -> String {
    vsm_model::problem::show_number((value * 10.0).round() / 10.0)
}

/// Seconds as the largest sensible unit: `188 s`, `10.0 min`, `4.0 h`.
fn duration(seconds: f64) -> String {
    if seconds < 600.0 {
        format!("{} s", vsm_model::problem::show_number((seconds * 10.0).round() / 10.0))
    } else if seconds < 3.0 * 3600.0 {
        format!("{:.1} min", seconds / 60.0)
    } else {
        format!("{:.1} h", seconds / 3600.0)
    }
}

/// Renders a comparison: structural changes, then each headline figure with its deltas.
pub fn render_comparison(comparison: &vsm_kaizen::Comparison) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} → {}", comparison.from, comparison.to);
    let list = |ids: &[String]| if ids.is_empty() { "—".to_owned() } else { ids.join(", ") };
    let _ = writeln!(out, "  Symbols added     {}", list(&comparison.nodes_added));
    let _ = writeln!(out, "  Symbols removed   {}", list(&comparison.nodes_removed));
    let changed: Vec<String> =
        comparison.nodes_changed.iter().map(|c| format!("{} ({})", c.id, c.fields.join(", "))).collect();
    let _ = writeln!(out, "  Symbols changed   {}", list(&changed));
    let _ = writeln!(out, "  Arrows added      {}", list(&comparison.edges_added));
    let _ = writeln!(out, "  Arrows removed    {}", list(&comparison.edges_removed));
    let _ = writeln!(out, "  {:<24}{:>16}{:>16}{:>16}{:>10}", "figure", "from", "to", "change", "%");
    let number = |v: Option<f64>| v.map_or("—".to_owned(), significant);
    for metric in &comparison.metrics {
        let percent = metric.delta_ratio.map_or("—".to_owned(), |r| format!("{:+.1}", r * 100.0));
        let _ = writeln!(
            out,
            "  {:<24}{:>16}{:>16}{:>16}{:>10}",
            metric.metric,
            number(metric.from),
            number(metric.to),
            number(metric.delta),
            percent
        );
    }
    out
}

/// A figure with four significant digits (whole numbers as they are): `0.00009212`, `23.62`.
fn significant(value: f64) -> String {
    if value == 0.0 || value.abs() >= 1000.0 {
        return format!("{value:.0}");
    }
    let digits = (3 - value.abs().log10().floor() as i32).max(0) as usize;
    let text = format!("{value:.digits$}");
    if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_owned() } else { text }
}

/// Renders suggestions: numbered, each with the figures it moves, its reason and assumption.
pub fn render_suggestions(map: &Map, suggestions: &[vsm_kaizen::Suggestion]) -> String {
    let mut out = String::new();
    if suggestions.is_empty() {
        let _ = writeln!(out, "{}: no rule finds anything to improve", map.id);
        return out;
    }
    let day_s = vsm_metrics::Pace::of(map).day_length_s.ok();
    let lead_time = |seconds: f64| match day_s {
        Some(day) if seconds >= 2.0 * day => format!("{:.1} days", seconds / day),
        _ => duration(seconds),
    };
    let percent = |fraction: f64| format!("{} %", significant(fraction * 100.0));
    for (i, suggestion) in suggestions.iter().enumerate() {
        let _ = writeln!(out, "{}. {} [{}]", i + 1, suggestion.title, suggestion.rule);
        let mut moved = 0;
        for figure in &suggestion.effect {
            let (name, show): (&str, &dyn Fn(f64) -> String) = match figure.metric.as_str() {
                "lead_time_s" => ("lead time", &lead_time),
                "processing_time_s" => ("processing time", &duration),
                "va_ratio" => ("value-added ratio", &percent),
                "rolled_pca" => ("rolled %C/A", &percent),
                "operators_needed" => ("operators needed", &significant),
                "labour_required" => ("labour required", &significant),
                _ => continue,
            };
            let show_or_dash = |value: Option<f64>| value.map_or("—".to_owned(), show);
            let change = figure.delta_ratio.map_or(String::new(), |r| format!(" ({:+.1} %)", r * 100.0));
            let _ = writeln!(
                out,
                "   {name} {} → {}{change}",
                show_or_dash(figure.from),
                show_or_dash(figure.to)
            );
            moved += 1;
        }
        if moved == 0 {
            let _ = writeln!(out, "   no headline figure changes");
        }
        let _ = writeln!(out, "   why: {}", suggestion.why);
        if let Some(assumption) = &suggestion.assumption {
            let _ = writeln!(out, "   assuming: {assumption}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_keep_one_decimal_only_when_they_have_one() {
        assert_eq!(quantity(920.0), "920");
        assert_eq!(quantity(18_400.0 / 22.0), "836.4");
        assert_eq!(quantity(0.04), "0");
        assert_eq!(quantity(2.96), "3");
    }
}
