//! The `kaizen-vsm` desktop binary: `kaizen-vsm [FILE.vsm]`.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    kaizen_vsm::run();
}
