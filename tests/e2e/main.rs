//! End-to-end tests of the real desktop window: tauri-driver + WebKitWebDriver drive the built
//! `edito-desktop` binary under Xvfb. `EDITO_E2E=skip` is the only way to skip them, and it
//! says so loudly; a missing display, driver or binary is a failure, not a skip.

mod bad_library;
mod daily_desk;
mod desk;
mod desk_capture;
mod export;
mod first_launch;
mod harness;
mod images;
mod images_edit;
mod ipc_budget;
mod kill_while_typing;
mod library;
mod library_folder;
mod security;
mod sidebar;
mod spelling;
mod typesetting;
mod ui_language;
