//! Library-wide settings the window reads and writes: the archive's site settings (title,
//! description, address, language, author), stored in the library rather than localStorage
//! so they travel with its backups. No secrets here (see `edito::library::SettingKey`).

use edito::export::SiteSettings;
use edito::library::SettingKey;
use tauri::State;

use crate::{AppState, UiError};

/// Where the archive's site settings are stored.
pub const SITE_SETTINGS: SettingKey<SiteSettings> = SettingKey::new("export.site");

/// The archive's site settings (the defaults until first saved).
#[tauri::command]
pub async fn site_settings(state: State<'_, AppState>) -> Result<SiteSettings, UiError> {
    state
        .with_library(|lib| lib.setting(&SITE_SETTINGS))
        .await
        .map(Option::unwrap_or_default)
}

/// Stores the archive's site settings, replacing the previous ones.
#[tauri::command]
pub async fn save_site_settings(
    state: State<'_, AppState>,
    settings: SiteSettings,
) -> Result<(), UiError> {
    state
        .with_library(move |lib| lib.set_setting(&SITE_SETTINGS, &settings))
        .await
}
