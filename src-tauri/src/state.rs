//! The state every command shares: the open library.

use std::sync::Arc;

use edito::{paths, Library};

/// Managed Tauri state. The library is behind an `Arc` so blocking work can move to a
/// worker thread without holding up the UI thread.
pub struct AppState {
    library: Arc<Library>,
}

impl AppState {
    /// Opens the library in the data directory (`EDITO_DATA_DIR` or the platform default).
    pub fn open() -> Result<Self, Box<dyn std::error::Error>> {
        let dir = paths::data_dir(None)
            .ok_or("no data directory on this system: set EDITO_DATA_DIR to a writable folder")?;
        let library = Library::open_in(&dir)?;
        Ok(AppState {
            library: Arc::new(library),
        })
    }

    /// Makes the daily backup if the newest one is more than a day old, on a worker thread so
    /// the window opens without waiting for it. A failure is logged: the writer can still work,
    /// and the next launch tries again.
    pub fn backup_in_background(&self) {
        let library = Arc::clone(&self.library);
        std::thread::spawn(move || {
            if let Err(err) = library.backup_if_due() {
                eprintln!("edito: the daily backup failed: {err}");
            }
        });
    }

    /// Runs `work` against the library on tokio's blocking pool: SQLite calls (and the fsync
    /// of a save) must never run on the thread that paints the window.
    pub async fn with_library<T, F>(&self, work: F) -> Result<T, crate::UiError>
    where
        T: Send + 'static,
        F: FnOnce(&Library) -> Result<T, edito::LibraryError> + Send + 'static,
    {
        let library = Arc::clone(&self.library);
        tauri::async_runtime::spawn_blocking(move || work(&library))
            .await
            .map_err(|_| crate::UiError::internal())?
            .map_err(crate::UiError::from)
    }
}
