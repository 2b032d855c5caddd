//! The VSM symbols as the canvas draws them: `icons/vsm-symbols/*.svg` are generated from the
//! canvas's own symbol components (ui/src/symbols, checked by a Vitest test), so the report
//! draws the same drawing of each symbol. Each is parsed once and drawn where the map needs it.

use std::collections::HashMap;

use serde::Deserialize;

use crate::svg::Drawing;

/// One symbol's drawing, per node kind, as generated from the canvas.
const SVGS: &[(&str, &str)] = &[
    ("process", include_str!("../../../../icons/vsm-symbols/process.svg")),
    ("inventory", include_str!("../../../../icons/vsm-symbols/inventory.svg")),
    ("supermarket", include_str!("../../../../icons/vsm-symbols/supermarket.svg")),
    ("fifo", include_str!("../../../../icons/vsm-symbols/fifo.svg")),
    ("buffer", include_str!("../../../../icons/vsm-symbols/buffer.svg")),
    ("supplier", include_str!("../../../../icons/vsm-symbols/supplier.svg")),
    ("customer", include_str!("../../../../icons/vsm-symbols/customer.svg")),
    ("production_control", include_str!("../../../../icons/vsm-symbols/production_control.svg")),
    ("kaizen_burst", include_str!("../../../../icons/vsm-symbols/kaizen_burst.svg")),
    ("truck", include_str!("../../../../icons/vsm-symbols/truck.svg")),
    ("operator", include_str!("../../../../icons/vsm-symbols/operator.svg")),
    ("kanban_post", include_str!("../../../../icons/vsm-symbols/kanban_post.svg")),
    ("heijunka", include_str!("../../../../icons/vsm-symbols/heijunka.svg")),
    ("go_see", include_str!("../../../../icons/vsm-symbols/go_see.svg")),
    ("sequenced_pull", include_str!("../../../../icons/vsm-symbols/sequenced_pull.svg")),
    ("note", include_str!("../../../../icons/vsm-symbols/note.svg")),
    ("production_kanban", include_str!("../../../../icons/vsm-symbols/production_kanban.svg")),
    ("withdrawal_kanban", include_str!("../../../../icons/vsm-symbols/withdrawal_kanban.svg")),
    ("signal_kanban", include_str!("../../../../icons/vsm-symbols/signal_kanban.svg")),
];

const MANIFEST: &str = include_str!("../../../../icons/vsm-symbols/manifest.json");

#[derive(Deserialize)]
struct Entry {
    width: f32,
    height: f32,
}

/// A symbol's drawing and size.
#[derive(Debug, Clone)]
pub struct Symbol {
    /// The drawing, in canvas pixels from its top-left corner.
    pub drawing: Drawing,
    /// Its drawn width in canvas pixels.
    pub width: f32,
    /// Its drawn height in canvas pixels.
    pub height: f32,
}

/// The symbols, by node kind (`inventory`, `kaizen_burst`, ...).
pub struct Symbols(HashMap<&'static str, Symbol>);

impl Symbols {
    /// Parses every symbol.
    pub fn load() -> Self {
        let manifest: HashMap<String, Entry> =
            serde_json::from_str(MANIFEST).expect("icons/vsm-symbols/manifest.json is valid");
        let symbols = SVGS
            .iter()
            .map(|&(kind, svg)| {
                let entry = &manifest[kind];
                let drawing =
                    Drawing::parse(svg).unwrap_or_else(|e| panic!("icons/vsm-symbols/{kind}.svg: {e}"));
                (kind, Symbol { drawing, width: entry.width, height: entry.height })
            })
            .collect();
        Self(symbols)
    }

    /// The drawing of a node kind, if it has one.
    pub fn get(&self, kind: &str) -> Option<&Symbol> {
        self.0.get(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_symbol_is_within_the_drawn_subset() {
        let symbols = Symbols::load();
        for (kind, _) in SVGS {
            let symbol = symbols.get(kind).expect("loaded");
            assert!(symbol.width > 0.0 && symbol.height > 0.0, "{kind}");
        }
    }
}
