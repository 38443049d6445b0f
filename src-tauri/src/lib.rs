//! The Edito desktop shell: opens the library, registers the commands, shows the window.
//! Everything it does is a thin call into the `edito` core.

mod commands;
#[cfg(test)]
mod contract;
mod error;
mod image_scheme;
mod jobs;
mod picks;
mod spellcheck;
mod state;

use tauri::Manager;

pub use error::{ErrorCode, Problem, UiError};
pub use state::AppState;

/// Builds and runs the application until the last window closes.
pub fn run() {
    let result = tauri::Builder::default()
        // Native file pickers, the clipboard for CMS fragments, and opening the exported
        // folder: each reachable only through the permissions in capabilities/main.json.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        // Library images for the preview and the thumbnails, by id only (image_scheme.rs).
        .register_asynchronous_uri_scheme_protocol(image_scheme::SCHEME, image_scheme::serve)
        .setup(|app| {
            let state = AppState::open()?;
            state.backup_in_background();
            app.manage(state);
            app.manage(picks::Picks::default());
            app.manage(commands::spelling::SpellState::system());
            spellcheck::enable(app.handle());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::pieces::list_pieces,
            commands::pieces::get_piece,
            commands::pieces::create_piece,
            commands::pieces::save_piece,
            commands::pieces::offer_welcome_piece,
            commands::pieces::set_status,
            commands::pieces::status_history,
            commands::pieces::trash_piece,
            commands::pieces::restore_from_trash,
            commands::pieces::list_trash,
            commands::pieces::empty_trash,
            commands::pieces::search,
            commands::tags::list_tags,
            commands::tags::add_tags,
            commands::tags::remove_tags,
            commands::tags::rename_tag,
            commands::tags::merge_tags,
            commands::revisions::list_revisions,
            commands::revisions::get_revision,
            commands::revisions::diff_revisions,
            commands::revisions::restore_revision,
            commands::render::render_preview,
            commands::render::preview_page,
            commands::export::export_formats,
            commands::export::export_piece,
            commands::export::export_fragment,
            commands::export::export_site,
            commands::export::cancel_job,
            commands::settings::site_settings,
            commands::settings::save_site_settings,
            commands::export::open_last_export,
            commands::export::import_paths,
            commands::export::pick_export_file,
            commands::export::pick_site_folder,
            commands::export::pick_import,
            commands::library::restore_latest_backup,
            commands::spelling::check_spelling,
            commands::spelling::check_rendered_spelling,
            commands::spelling::spelling_suggestions,
            commands::spelling::add_spelling_word,
            commands::images::add_image,
            commands::images::pick_image,
            commands::images::add_image_picked,
            commands::images::describe_image,
            commands::images::list_images,
            commands::images::image_record,
        ])
        .run(tauri::generate_context!("../tauri.conf.json"));
    if let Err(err) = result {
        eprintln!("edito: the application could not start: {err}");
        std::process::exit(1);
    }
}
