//! Image commands (issue #14): an image pasted or dropped (its bytes, sent raw), a file picked
//! in the native dialog, its texts (default alt, decorative, caption, credit), and the list.
//! Each copies or reads through the library on the blocking pool: the window never waits on
//! decoding or hashing a 12-megapixel photo.

use std::path::PathBuf;

use edito::images::ImageId;
use edito::library::{ImageRecord, ImageText};
use tauri::ipc::{InvokeBody, Request};
use tauri::{AppHandle, State};

use crate::commands::export::pick;
use crate::error::Problem;
use crate::picks::{Dialog, Picks};
use crate::{AppState, UiError};

/// The header carrying a pasted or dropped file's original name, percent-encoded: header
/// values cross as Latin-1, a file name may be any Unicode (`IMAGE_NAME_HEADER` in
/// `ui/src/api/ipc.ts`).
pub const NAME_HEADER: &str = "x-edito-name";

/// Copies the image whose bytes are the request's raw body (a paste or a drop: the web side
/// read them, no path crosses) into the library; the same bytes twice give the same record.
/// `x-edito-name`: the original file's name, when it had one.
#[tauri::command]
pub async fn add_image(
    state: State<'_, AppState>,
    request: Request<'_>,
) -> Result<ImageRecord, UiError> {
    // A JSON body (an old window, a wrong call) carries no image.
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(Problem::ImageNotAnImage.into());
    };
    let bytes = bytes.clone();
    let name = request
        .headers()
        .get(NAME_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(|value| {
            percent_encoding::percent_decode_str(value)
                .decode_utf8_lossy()
                .into_owned()
        });
    let record = state
        .with_library(move |lib| lib.add_image(&bytes, name.as_deref()))
        .await?;
    state.images_changed();
    Ok(record)
}

/// The native dialog for an image file (`near`: a path typed in the text; the dialog opens in
/// its folder with its name filled in, for the person to confirm). Returns the chosen path
/// (`null`: cancelled), which [`add_image_picked`] then accepts.
#[tauri::command]
pub async fn pick_image(
    app: AppHandle,
    title: String,
    near: Option<PathBuf>,
) -> Result<Option<String>, UiError> {
    let picked = pick(app, move || Dialog::Image { near }, title).await?;
    Ok(picked.and_then(|mut paths| paths.pop()))
}

/// Copies the image file `path` into the library. `path` must come from [`pick_image`] this
/// session: the web side cannot make Edito read a file by naming it.
#[tauri::command]
pub async fn add_image_picked(
    state: State<'_, AppState>,
    picks: State<'_, Picks>,
    path: PathBuf,
) -> Result<ImageRecord, UiError> {
    picks.check(&path, &[])?;
    let record = state
        .with_library(move |lib| lib.add_image_file(&path))
        .await?;
    state.images_changed();
    Ok(record)
}

/// Stores image `id`'s default alt text, decorative flag, caption and credit.
#[tauri::command]
pub async fn describe_image(
    state: State<'_, AppState>,
    id: String,
    text: ImageText,
) -> Result<ImageRecord, UiError> {
    let id = image_id(&id)?;
    let record = state
        .with_library(move |lib| lib.describe_image(&id, &text))
        .await?;
    state.images_changed();
    Ok(record)
}

/// One library image's record (the lead image's texts in the details panel, the image under
/// the caret in the image dialog); `image_not_found` when the library has no such image.
#[tauri::command]
pub async fn image_record(state: State<'_, AppState>, id: String) -> Result<ImageRecord, UiError> {
    let id = image_id(&id)?;
    state.with_library(move |lib| lib.image(&id)).await
}

/// Every image of the library, with its texts.
#[tauri::command]
pub async fn list_images(state: State<'_, AppState>) -> Result<Vec<ImageRecord>, UiError> {
    state.with_library(|lib| lib.images()).await
}

/// A bare 32-hex image id from the window, or `invalid` (`image`).
fn image_id(id: &str) -> Result<ImageId, UiError> {
    ImageId::parse(id).ok_or_else(|| {
        Problem::Invalid {
            field: "image".to_owned(),
        }
        .into()
    })
}
