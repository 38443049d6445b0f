//! Tauri build step: reads the app config kept at the repository root.

fn main() {
    let attributes = tauri_build::Attributes::new().config_path("../tauri.conf.json");
    if let Err(err) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri build failed: {err:#}");
        std::process::exit(1);
    }
}
