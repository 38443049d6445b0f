//! The Edito desktop shell: opens the library, registers the commands, shows the window.
//! Everything it does is a thin call into the `edito` core.

mod commands;
mod error;
mod spellcheck;
mod state;

use tauri::Manager;

pub use error::UiError;
pub use state::AppState;

/// Builds and runs the application until the last window closes.
pub fn run() {
    let result = tauri::Builder::default()
        .setup(|app| {
            let state = AppState::open()?;
            app.manage(state);
            spellcheck::enable(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::drafts::list_drafts,
            commands::drafts::get_draft,
            commands::drafts::create_draft,
            commands::drafts::save_draft,
            commands::drafts::offer_welcome_draft,
            commands::render::render_preview,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(err) = result {
        eprintln!("edito: the application could not start: {err}");
        std::process::exit(1);
    }
}
