//! The state every command shares: the open library, the data directory, the preview's last
//! render, the running jobs (archive export…) and the last folder an archive was written to.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use edito::export::{templates_dir, Exporter, SiteSettings};
use edito::images::ImageId;
use edito::preview::{PreviewSession, PreviewUpdate};
use edito::render::{AppImage, AppImages, Links};
use edito::{paths, Library, RenderOptions};

use crate::jobs::Jobs;
use crate::UiError;

/// The preview's last render and the Markdown it was made from, so that the spell checker
/// can check that text by its generation instead of receiving the body a second time.
#[derive(Default)]
struct Preview {
    session: PreviewSession,
    /// `(generation, markdown)` of the last render.
    text: Option<(u64, Arc<str>)>,
}

impl Preview {
    /// Renders `markdown` (see [`PreviewSession::update`]) and keeps it as the last text.
    fn render(
        &mut self,
        markdown: String,
        options: &RenderOptions,
        shown: Option<u64>,
    ) -> PreviewUpdate {
        let update = self.session.update(&markdown, options, shown);
        self.text = Some((update.generation, Arc::from(markdown)));
        update
    }

    /// The Markdown of render `generation`, if it is still the last one made.
    fn text_of(&self, generation: u64) -> Option<Arc<str>> {
        self.text
            .as_ref()
            .filter(|(last, _)| *last == generation)
            .map(|(_, text)| Arc::clone(text))
    }
}

/// Managed Tauri state. The library is behind an `Arc` so blocking work can move to a
/// worker thread without holding up the UI thread.
pub struct AppState {
    /// The open library, or why it could not be opened: the window still starts and shows the
    /// problem with its way out (#13.18), and every library command answers with it.
    library: Mutex<Result<Arc<Library>, UiError>>,
    /// The folder of that library: changes when the writer chooses another one.
    data_dir: Mutex<PathBuf>,
    preview: Arc<Mutex<Preview>>,
    jobs: Jobs,
    last_export: Mutex<Option<PathBuf>>,
    /// The folder the last dialog chose in (exports and imports), where the next one opens.
    last_folder: Mutex<Option<PathBuf>>,
    /// `(piece id, file)` Edito exported this session: replaced again without asking.
    written: Mutex<std::collections::HashSet<(i64, PathBuf)>>,
    /// The preview's resolver for library images (size, caption, credit of each), read from
    /// the library on the first render after an image was added or described.
    preview_images: Mutex<Option<Links>>,
}

impl AppState {
    /// Opens the library in the data directory (`EDITO_DATA_DIR`, else the folder chosen in
    /// the app, else the platform default); a library that can only be read is opened
    /// read-only. A library that cannot be opened (damaged, locked, newer, missing) is kept as
    /// its error, for the window to show.
    pub fn open() -> Result<Self, Box<dyn std::error::Error>> {
        let data_dir = paths::data_dir(None)
            .ok_or("no data directory on this system: set EDITO_DATA_DIR to a writable folder")?;
        let library = open_library(&data_dir);
        Ok(AppState {
            library: Mutex::new(library),
            data_dir: Mutex::new(data_dir),
            preview: Arc::default(),
            jobs: Jobs::default(),
            last_export: Mutex::new(None),
            last_folder: Mutex::new(None),
            written: Mutex::default(),
            preview_images: Mutex::default(),
        })
    }

    /// Makes the daily backup if the newest one is more than a day old, on a worker thread so
    /// the window opens without waiting for it. A failure is logged: the writer can still work,
    /// and the next launch tries again.
    pub fn backup_in_background(&self) {
        let Ok(library) = lock(&self.library).clone() else {
            return;
        };
        std::thread::spawn(move || {
            if let Err(err) = library.backup_if_due() {
                eprintln!("edito: the daily backup failed: {err}");
            }
        });
    }

    /// Runs `work` against the library on tokio's blocking pool: SQLite calls (and the fsync
    /// of a save) must never run on the thread that paints the window.
    pub async fn with_library<T, E, F>(&self, work: F) -> Result<T, UiError>
    where
        T: Send + 'static,
        E: Into<UiError>,
        F: FnOnce(&Library) -> Result<T, E> + Send + 'static,
    {
        let library = lock(&self.library).clone()?;
        tauri::async_runtime::spawn_blocking(move || work(&library).map_err(Into::into))
            .await
            .map_err(|_| UiError::internal())?
    }

    /// Puts the newest backup back in place of a library that could not be opened, and opens
    /// it (the way out the window offers for a damaged or missing library). Refused while a
    /// library is open: the restore must not replace a file in use.
    pub async fn restore_newest_backup(&self) -> Result<(), UiError> {
        if lock(&self.library).is_ok() {
            return Err(crate::Problem::Busy.into());
        }
        let data_dir = self.data_dir();
        let reopened = tauri::async_runtime::spawn_blocking(move || {
            let backup = edito::library::newest_backup(&data_dir).ok_or_else(|| {
                UiError::from(crate::Problem::Backup {
                    name: edito::library::BACKUPS_DIR.to_owned(),
                })
            })?;
            edito::library::restore_backup(&data_dir, &backup)?;
            open_library(&data_dir)
        })
        .await
        .map_err(|_| UiError::internal())?;
        let outcome = reopened.as_ref().map(|_| ()).map_err(|e| e.clone());
        *lock(&self.library) = reopened;
        outcome
    }

    /// Opens (creating it if the folder is empty) the library in `dir`, a folder the writer
    /// chose in the shell's dialog, in place of the current one, and remembers the choice for
    /// the next launches (`edito::paths::remember_data_dir`; `EDITO_DATA_DIR` still wins). On
    /// failure the current library stays open and the error is returned.
    pub async fn open_other_folder(&self, dir: PathBuf) -> Result<(), UiError> {
        let opened = {
            let dir = dir.clone();
            tauri::async_runtime::spawn_blocking(move || open_library(&dir))
                .await
                .map_err(|_| UiError::internal())??
        };
        if let Err(err) = paths::remember_data_dir(&dir) {
            // Opened for this session all the same; the next launch opens the old folder.
            eprintln!("edito: the chosen library folder could not be remembered: {err}");
        }
        *lock(&self.library) = Ok(opened);
        *lock(&self.data_dir) = dir;
        self.images_changed();
        Ok(())
    }

    /// True when the open library can only be read (a read-only medium or folder): every
    /// write fails with `read_only`.
    pub fn read_only(&self) -> bool {
        lock(&self.library)
            .as_ref()
            .is_ok_and(|library| library.is_read_only())
    }

    fn data_dir(&self) -> PathBuf {
        lock(&self.data_dir).clone()
    }

    /// Renders the preview on the blocking pool and returns what changed since render `shown`.
    pub async fn preview_update(
        &self,
        markdown: String,
        options: RenderOptions,
        shown: Option<u64>,
    ) -> Result<PreviewUpdate, UiError> {
        let session = Arc::clone(&self.preview);
        tauri::async_runtime::spawn_blocking(move || {
            // A panic while rendering poisons the lock; the session is only a cache of the
            // last render, so start again from an empty one (the window gets every block).
            let mut preview = session.lock().unwrap_or_else(|poisoned| {
                let mut preview = poisoned.into_inner();
                *preview = Preview::default();
                preview
            });
            preview.render(markdown, &options, shown)
        })
        .await
        .map_err(|_| UiError::internal())
    }

    /// The resolver the preview renders library images with (`edito:image/<id>` to the
    /// app-served URL, with each image's size, caption and credit).
    pub async fn preview_links(&self) -> Result<Links, UiError> {
        if let Some(links) = lock(&self.preview_images).clone() {
            return Ok(links);
        }
        let records = self.with_library(|lib| lib.images()).await?;
        let links = Links::new(AppImages::new(records.into_iter().map(|r| {
            let image = AppImage {
                size: Some((r.width, r.height)),
                alt: r.shown_alt(),
                caption: r.caption,
                credit: r.credit,
            };
            (r.id, image)
        })));
        *lock(&self.preview_images) = Some(links.clone());
        Ok(links)
    }

    /// An image was added or its texts changed: the next preview render reads them again.
    pub fn images_changed(&self) {
        *lock(&self.preview_images) = None;
    }

    /// The media type and bytes of library image `id`, for the `edito-image:` scheme (called
    /// on a worker thread). `None` when no library is open or it has no such image; a file
    /// missing from the images folder is logged.
    pub fn image_file(&self, id: &ImageId) -> Option<(String, Vec<u8>)> {
        let library = lock(&self.library).clone().ok()?;
        let found = library
            .image(id)
            .and_then(|record| Ok((record.media_type, library.image_bytes(id)?)));
        found
            .map_err(|err| eprintln!("edito: image {id}: {err}"))
            .ok()
    }

    /// The Markdown of preview render `generation`, if it is still the last one made.
    pub fn rendered_text(&self, generation: u64) -> Option<Arc<str>> {
        self.preview.lock().ok()?.text_of(generation)
    }

    /// The exporter for single pieces, with the user's templates when they have some.
    pub fn exporter(&self) -> Result<Exporter, UiError> {
        Ok(self.exporter_with(SiteSettings::default())?)
    }

    /// An exporter with these site settings and the user's templates when they have some.
    pub fn exporter_with(
        &self,
        settings: SiteSettings,
    ) -> Result<Exporter, edito::export::ExportError> {
        let templates = templates_dir(&self.data_dir());
        let templates = templates.is_dir().then_some(templates);
        Exporter::new(settings, templates.as_deref())
    }

    /// The long work running now (archive export…), cancellable by id.
    pub fn jobs(&self) -> &Jobs {
        &self.jobs
    }

    /// Records the folder an archive was written to, for "open the folder".
    pub fn remember_export(&self, dir: PathBuf) {
        *lock(&self.last_export) = Some(dir);
    }

    /// Records that Edito wrote `file` for piece `id`, and that its folder is where the next
    /// dialog opens.
    pub fn remember_written(&self, id: i64, file: PathBuf) {
        *lock(&self.last_folder) = file.parent().map(PathBuf::from);
        lock(&self.written).insert((id, file));
    }

    /// True when Edito itself exported piece `id` to `file` this session (#11.4: only other
    /// files are worth a question before they are replaced).
    pub fn wrote_for(&self, id: i64, file: &std::path::Path) -> bool {
        lock(&self.written).contains(&(id, file.to_path_buf()))
    }

    /// Where a file dialog opens: the last export's folder, else the user's documents, else
    /// their home (never the program's working folder).
    pub fn dialog_folder(&self) -> Option<PathBuf> {
        lock(&self.last_folder)
            .clone()
            .or_else(|| self.last_export())
            .or_else(dirs::document_dir)
            .or_else(dirs::home_dir)
    }

    /// The folder of the last archive export.
    pub fn last_export(&self) -> Option<PathBuf> {
        lock(&self.last_export).clone()
    }
}

/// Opens the library, logging what an interrupted restore left to settle.
fn open_library(data_dir: &std::path::Path) -> Result<Arc<Library>, UiError> {
    let library = Library::open_in_or_read_only(data_dir)?;
    if let Some(recovery) = library.recovery() {
        eprintln!("edito: {recovery}");
    }
    Ok(Arc::new(library))
}

/// A poisoned lock here only means a command or a job panicked while holding a plain value
/// (the last render, the running jobs' flags); the value is still the last one written, so
/// keep going.
pub(crate) fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_render_can_be_spell_checked_by_its_generation() {
        let mut preview = Preview::default();
        let options = RenderOptions::default();
        let first = preview.render("Un texte.".into(), &options, None);
        assert_eq!(
            preview.text_of(first.generation).as_deref(),
            Some("Un texte.")
        );
        let second = preview.render("Un autre.".into(), &options, Some(first.generation));
        // The window may ask about the render it showed before: the shell no longer has that
        // text, and says so instead of checking the wrong one.
        assert_eq!(preview.text_of(first.generation), None);
        assert_eq!(
            preview.text_of(second.generation).as_deref(),
            Some("Un autre.")
        );
    }
}
