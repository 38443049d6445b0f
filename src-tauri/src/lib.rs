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

/// Tells the page the process's own locale before its scripts run, as
/// `window.__EDITO_SYSTEM_LOCALE__` ("" when none is set): WebKitGTK 2.50 reports `LC_ALL=C`
/// and any locale not installed as "en-US", so the UI (`ui/src/i18n/index.ts`, which picks the
/// language) cannot learn it from `navigator.language`.
fn system_locale_script<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    let locale = process_locale(|name| std::env::var(name).ok());
    let literal = serde_json::to_string(&locale).unwrap_or_else(|_| "\"\"".into());
    tauri::plugin::Builder::new("system-locale")
        .js_init_script(format!("window.__EDITO_SYSTEM_LOCALE__ = {literal};"))
        .build()
}

/// The locale messages are shown in, by POSIX precedence: `LC_ALL`, else `LC_MESSAGES`, else
/// `LANG`; an empty variable counts as unset; "" when none is set.
fn process_locale(var: impl Fn(&str) -> Option<String>) -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .unwrap_or_default()
}

/// Builds and runs the application until the last window closes.
pub fn run() {
    let result = tauri::Builder::default()
        // Native file pickers, the clipboard for CMS fragments, and opening the exported
        // folder: each reachable only through the permissions in capabilities/main.json.
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(system_locale_script())
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
            commands::library::library_read_only,
            commands::library::choose_library_folder,
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

#[cfg(test)]
mod tests {
    use super::process_locale;

    // Issue #13: the UI started in English under `LC_ALL=C`; the shell now passes the
    // process's locale, read in POSIX order, an empty variable being unset.
    #[test]
    fn the_process_locale_follows_posix_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(
            process_locale(env(&[("LC_ALL", "C"), ("LANG", "en_US.UTF-8")])),
            "C"
        );
        assert_eq!(
            process_locale(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "fr_FR"),
                ("LANG", "en_US")
            ])),
            "fr_FR"
        );
        assert_eq!(
            process_locale(env(&[("LANG", "en_US.UTF-8")])),
            "en_US.UTF-8"
        );
        assert_eq!(process_locale(env(&[])), "");
    }
}
