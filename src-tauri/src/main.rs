//! Entry point of the Edito desktop application.

// Without a console window on Windows release builds; harmless elsewhere.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    edito_desktop::run();
}
