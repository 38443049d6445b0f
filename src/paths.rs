//! Where the library lives: `--data-dir`, then `EDITO_DATA_DIR`, then the folder the writer
//! chose in the app ("Choisir un autre dossier", remembered in the OS config dir), then the
//! platform data dir.

use std::path::{Path, PathBuf};

/// Environment variable that overrides the data directory (tests and power users).
pub const DATA_DIR_ENV: &str = "EDITO_DATA_DIR";

/// File name of the SQLite library inside the data directory.
pub const LIBRARY_FILE: &str = "library.db";

/// File, in `dirs::config_dir()/edito/`, holding the library folder the writer chose (one
/// path, UTF-8). Kept outside the library: it must be readable when the library is not.
pub const CHOSEN_DIR_FILE: &str = "library-folder";

/// Resolves the data directory: an explicit path wins, then `EDITO_DATA_DIR`, then the folder
/// chosen in the app ([`chosen_data_dir`]), then `dirs::data_dir()/edito`. `None` only when the
/// platform has no data directory at all.
pub fn data_dir(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit
        .or_else(|| {
            std::env::var_os(DATA_DIR_ENV)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
        .or_else(chosen_data_dir)
        .or_else(|| dirs::data_dir().map(|d| d.join("edito")))
}

/// `dirs::config_dir()/edito`, where Edito keeps what it must know before opening a library.
pub fn config_dir() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("edito"))
}

/// The library folder chosen in the app, if one was remembered.
pub fn chosen_data_dir() -> Option<PathBuf> {
    chosen_data_dir_in(&config_dir()?)
}

/// The folder remembered in `config/`[`CHOSEN_DIR_FILE`]; `None` when the file is missing,
/// empty or unreadable (the default folder is then used, as before any choice).
pub fn chosen_data_dir_in(config: &Path) -> Option<PathBuf> {
    let text = std::fs::read_to_string(config.join(CHOSEN_DIR_FILE)).ok()?;
    let line = text.lines().next()?.trim_end();
    (!line.is_empty()).then(|| PathBuf::from(line))
}

/// Remembers `dir` as the library folder for the next launches (see [`chosen_data_dir`]).
///
/// # Errors
/// No config dir on this system, or the file could not be written.
pub fn remember_data_dir(dir: &Path) -> std::io::Result<()> {
    let config = config_dir()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no config directory"))?;
    remember_data_dir_in(&config, dir)
}

/// Writes `dir` into `config/`[`CHOSEN_DIR_FILE`], through a temporary file renamed over it
/// so a crash leaves the old choice or the new one, never half a path.
pub fn remember_data_dir_in(config: &Path, dir: &Path) -> std::io::Result<()> {
    let text = dir.to_str().ok_or_else(|| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "the folder's name is not valid UTF-8",
        )
    })?;
    std::fs::create_dir_all(config)?;
    let file = config.join(CHOSEN_DIR_FILE);
    let temp = config.join(format!("{CHOSEN_DIR_FILE}.tmp"));
    std::fs::write(&temp, format!("{text}\n"))?;
    std::fs::rename(&temp, &file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_folder_is_read_back_and_replaced() {
        let config = tempfile::tempdir().expect("temp dir");
        let config = config.path().join("edito");
        assert_eq!(chosen_data_dir_in(&config), None);
        remember_data_dir_in(&config, Path::new("/home/redac/Magazine")).expect("remember");
        assert_eq!(
            chosen_data_dir_in(&config),
            Some(PathBuf::from("/home/redac/Magazine"))
        );
        remember_data_dir_in(&config, Path::new("/media/clé/Edito")).expect("again");
        assert_eq!(
            chosen_data_dir_in(&config),
            Some(PathBuf::from("/media/clé/Edito"))
        );
        std::fs::write(config.join(CHOSEN_DIR_FILE), "\n").expect("empty it");
        assert_eq!(chosen_data_dir_in(&config), None);
    }
}
