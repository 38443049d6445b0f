//! The paths the writer chose in a native file dialog this session: the only paths the file
//! commands (`export_piece`, `export_site`, `import_paths`) accept (#13.17). The web side can
//! ask for a dialog but never name a path itself, so a script running in the window could not
//! make Edito write `~/.bashrc`: the dialog is drawn by the shell and answered by the person.
//!
//! Native dialogs cannot be driven through WebDriver. Debug builds only (`debug_assertions`),
//! and only when `EDITO_TEST_PICKS` names a file, answer each dialog with the next line of
//! that file instead (an empty file or line: the dialog was cancelled). Release builds do not
//! contain that code; see docs/SECURITY.md ("Paths from the window").

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::AppHandle;

use crate::error::{name_of, Problem};
use crate::state::lock;
use crate::UiError;

/// What a dialog is for.
pub enum Dialog {
    /// Save one file, suggesting this name and extension.
    SaveFile {
        /// Suggested file name.
        name: String,
        /// The format's extension, without the dot.
        extension: &'static str,
    },
    /// Choose a folder to write into.
    Folder,
    /// Choose files (or folders when true) to read.
    Open {
        /// Folders instead of files.
        folders: bool,
    },
    /// Choose one image file to copy into the library.
    Image {
        /// A path typed in the text: the dialog opens in its folder with its name filled in.
        near: Option<PathBuf>,
    },
}

/// The paths picked this session.
#[derive(Default)]
pub struct Picks {
    granted: Mutex<HashSet<PathBuf>>,
}

impl Picks {
    /// Shows the native dialog (title in the UI's language, opening in `start`) and records
    /// what the person chose. `None`: cancelled.
    pub fn pick(
        &self,
        app: &AppHandle,
        dialog: Dialog,
        title: &str,
        start: Option<PathBuf>,
    ) -> Option<Vec<PathBuf>> {
        let picked = test_answer().unwrap_or_else(|| native(app, &dialog, title, start));
        let picked = picked.filter(|paths| !paths.is_empty())?;
        lock(&self.granted).extend(picked.iter().cloned());
        Some(picked)
    }

    /// Refuses a path no dialog returned this session. For a file to write, the picked path
    /// with another export format's ending is the same choice (the name follows the format
    /// the writer switched to after picking): `suffixes` are the formats' file-name endings,
    /// longest first or not (`.fragment.html`, `.html`, `.md`).
    pub fn check(&self, path: &Path, suffixes: &[&str]) -> Result<(), UiError> {
        let granted = lock(&self.granted);
        let base = |p: &Path| -> Option<(PathBuf, String)> {
            let name = p.file_name()?.to_str()?;
            let stem = suffixes
                .iter()
                .filter_map(|suffix| name.strip_suffix(suffix))
                .min_by_key(|stem| stem.len())?;
            Some((p.parent()?.to_path_buf(), stem.to_owned()))
        };
        let same_choice = granted.contains(path)
            || base(path).is_some_and(|wanted| {
                granted
                    .iter()
                    .any(|picked| base(picked).as_ref() == Some(&wanted))
            });
        if same_choice {
            Ok(())
        } else {
            Err(Problem::NotPicked {
                name: name_of(path),
            }
            .into())
        }
    }
}

fn native(
    app: &AppHandle,
    dialog: &Dialog,
    title: &str,
    start: Option<PathBuf>,
) -> Option<Vec<PathBuf>> {
    use tauri_plugin_dialog::DialogExt;
    let mut builder = app.dialog().file().set_title(title);
    let near = match dialog {
        Dialog::Image { near: Some(near) } => near.parent().map(|dir| (dir, near.file_name())),
        _ => None,
    };
    if let Some((dir, name)) = near {
        builder = builder.set_directory(dir);
        if let Some(name) = name {
            builder = builder.set_file_name(name.to_string_lossy());
        }
    } else if let Some(dir) = start {
        builder = builder.set_directory(dir);
    }
    let into_paths = |paths: Vec<tauri_plugin_dialog::FilePath>| {
        paths
            .into_iter()
            .filter_map(|p| p.into_path().ok())
            .collect::<Vec<_>>()
    };
    match dialog {
        Dialog::SaveFile { name, extension } => builder
            .set_file_name(name)
            .add_filter(extension.to_uppercase(), &[*extension])
            .blocking_save_file()
            .map(|p| into_paths(vec![p])),
        Dialog::Folder => builder.blocking_pick_folder().map(|p| into_paths(vec![p])),
        Dialog::Open { folders: true } => builder.blocking_pick_folders().map(into_paths),
        Dialog::Open { folders: false } => builder
            .add_filter("Markdown", &["md", "markdown", "txt"])
            .blocking_pick_files()
            .map(into_paths),
        // HEIC, AVIF and TIFF are listed so that choosing one gets the clear refusal
        // (`image_unsupported`) rather than a file the dialog hides.
        Dialog::Image { .. } => builder
            .add_filter(
                "Images",
                &[
                    "jpg", "jpeg", "png", "webp", "gif", "heic", "heif", "avif", "tif", "tiff",
                    "JPG", "JPEG", "PNG",
                ],
            )
            .blocking_pick_file()
            .map(|p| into_paths(vec![p])),
    }
}

/// The E2E tests' stand-in for the person at the dialog (debug builds, `EDITO_TEST_PICKS`).
#[cfg(debug_assertions)]
fn test_answer() -> Option<Option<Vec<PathBuf>>> {
    let file = std::env::var_os("EDITO_TEST_PICKS")?;
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let mut lines = text.lines();
    let answer = lines.next().unwrap_or_default().to_owned();
    let rest: Vec<&str> = lines.collect();
    let _ = std::fs::write(&file, rest.join("\n"));
    Some(
        Some(
            answer
                .split('\t')
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect(),
        )
        .filter(|paths: &Vec<PathBuf>| !paths.is_empty()),
    )
}

#[cfg(not(debug_assertions))]
fn test_answer() -> Option<Option<Vec<PathBuf>>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn granted(paths: &[&str]) -> Picks {
        let picks = Picks::default();
        lock(&picks.granted).extend(paths.iter().map(PathBuf::from));
        picks
    }

    // Regression (#13.17): export_piece, export_site and import_paths accepted any path the
    // web side sent, so a script in the window could have written ~/.bashrc.
    #[test]
    fn a_path_no_dialog_returned_is_refused() {
        let picks = granted(&["/home/redac/article.html"]);
        assert!(picks
            .check(Path::new("/home/redac/article.html"), &[])
            .is_ok());
        let err = picks
            .check(Path::new("/home/redac/.bashrc"), &[".html", ".md"])
            .expect_err("refused");
        assert_eq!(err.code(), crate::ErrorCode::NotPicked);
    }

    // Regression: a file picked as `edito.html`, then the format switched to the fragment,
    // became `edito.fragment.html`, which the shell refused as never picked (the check only
    // compared the last extension). Every format's ending, in both directions.
    #[test]
    fn the_picked_file_keeps_its_choice_under_every_formats_ending() {
        let exts = [".fragment.html", ".html", ".md"];
        for picked in [
            "/home/redac/edito.html",
            "/home/redac/edito.fragment.html",
            "/home/redac/edito.md",
        ] {
            let picks = granted(&[picked]);
            for wanted in [
                "/home/redac/edito.html",
                "/home/redac/edito.fragment.html",
                "/home/redac/edito.md",
            ] {
                assert!(
                    picks.check(Path::new(wanted), &exts).is_ok(),
                    "{picked} → {wanted}"
                );
            }
            for refused in [
                "/home/redac/edito.sh",
                "/home/redac/autre.fragment.html",
                "/tmp/edito.md",
                "/home/redac/edito",
            ] {
                assert!(
                    picks.check(Path::new(refused), &exts).is_err(),
                    "{picked} → {refused}"
                );
            }
        }
    }

    #[test]
    fn the_picked_file_may_take_another_formats_extension_only() {
        let picks = granted(&["/home/redac/article.html"]);
        let exts = [".fragment.html", ".html", ".md"];
        assert!(picks
            .check(Path::new("/home/redac/article.md"), &exts)
            .is_ok());
        for refused in [
            "/home/redac/article.sh",
            "/home/redac/autre.md",
            "/tmp/article.md",
        ] {
            assert!(picks.check(Path::new(refused), &exts).is_err(), "{refused}");
        }
    }
}
