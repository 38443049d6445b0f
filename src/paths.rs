//! Where the library lives: `--data-dir`, then `EDITO_DATA_DIR`, then the platform data dir.

use std::path::PathBuf;

/// Environment variable that overrides the data directory (tests and power users).
pub const DATA_DIR_ENV: &str = "EDITO_DATA_DIR";

/// File name of the SQLite library inside the data directory.
pub const LIBRARY_FILE: &str = "library.db";

/// Resolves the data directory: an explicit path wins, then `EDITO_DATA_DIR`, then
/// `dirs::data_dir()/edito`. `None` only when the platform has no data directory at all.
pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(|| dirs::data_dir().map(|d| d.join("edito")))
}
