//! Native spell checking in the window's WebKitGTK web context (Linux only): French and
//! American English dictionaries from the system's hunspell packages.

use tauri::{AppHandle, Manager, Runtime};

/// The dictionaries asked for. enchant drops unknown names silently, so the accepted list is
/// logged: an empty list means `hunspell-fr`/`hunspell-en-us` are not installed.
#[cfg(target_os = "linux")]
const LANGUAGES: [&str; 2] = ["fr_FR", "en_US"];

/// Turns on spell checking for the main window. A failure only costs the red underlines, so it
/// is reported on stderr and never stops the app.
pub fn enable<R: Runtime>(app: &AppHandle<R>) {
    let Some(window) = app.get_webview_window("main") else {
        eprintln!("edito: spell checking not enabled: the main window is missing");
        return;
    };
    if let Err(err) = window.with_webview(configure) {
        eprintln!("edito: spell checking not enabled: {err}");
    }
}

#[cfg(target_os = "linux")]
fn configure(webview: tauri::webview::PlatformWebview) {
    use webkit2gtk::{WebContextExt, WebViewExt};
    let Some(context) = webview.inner().context() else {
        eprintln!("edito: spell checking not enabled: the webview has no web context");
        return;
    };
    context.set_spell_checking_enabled(true);
    context.set_spell_checking_languages(&LANGUAGES);
    let accepted: Vec<String> = context
        .spell_checking_languages()
        .iter()
        .map(|lang| lang.to_string())
        .collect();
    eprintln!("edito: spell checking languages: {accepted:?}");
}

/// Other platforms' webviews check spelling with the system's own settings.
#[cfg(not(target_os = "linux"))]
fn configure(_webview: tauri::webview::PlatformWebview) {}
