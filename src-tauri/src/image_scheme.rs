//! The app-served address of library images, `edito-image://localhost/<id>`: a custom URI
//! scheme the webview asks for each `<img>` of the preview, the image dialog and the lead image
//! field. It answers only a bare 32-hex id with that image's original bytes from the open
//! library and its media type; any other path (`..`, a file name, a second segment, a query)
//! is a 404. The web side thus never gets `file:` access or a file-system scope (CSP `img-src`
//! adds `edito-image:` only; docs/SECURITY.md).

use std::borrow::Cow;

use edito::images::ImageId;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::AppState;

/// The scheme's name (`IMAGE_SCHEME` in `ui/src/api/ipc.ts`; the preview's resolver writes
/// `edito::render::APP_IMAGE_URL_PREFIX`).
pub const SCHEME: &str = "edito-image";

/// What the library gives for an image: its media type and bytes, or nothing.
pub type Found = Option<(String, Vec<u8>)>;

/// Answers one request on the blocking pool (reading a 10 MB original must not hold up the
/// thread that paints the window).
pub fn serve<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    request: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    let id = requested_id(
        request.method().as_str(),
        request.uri().path(),
        request.uri().query(),
    );
    tauri::async_runtime::spawn_blocking(move || {
        let found = id.and_then(|id| app.state::<AppState>().image_file(&id));
        responder.respond(response(found));
    });
}

/// The image a request asks for: `GET /<32 lowercase hex>`, nothing more.
pub fn requested_id(method: &str, path: &str, query: Option<&str>) -> Option<ImageId> {
    if method != "GET" || query.is_some() {
        return None;
    }
    ImageId::parse(path.strip_prefix('/')?)
}

/// The answer: the bytes with their media type, or an empty 404. The bytes never change
/// under an id (it is their hash), so the webview may keep them; `nosniff` keeps it from
/// taking them for anything but the type given.
pub fn response(found: Found) -> Response<Cow<'static, [u8]>> {
    let builder = Response::builder().header(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    let built = match found {
        Some((media_type, bytes)) => builder
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, media_type)
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .body(Cow::Owned(bytes)),
        None => builder
            .status(StatusCode::NOT_FOUND)
            .body(Cow::Borrowed(&[][..])),
    };
    built.unwrap_or_else(|_| Response::new(Cow::Borrowed(&[][..])))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0123456789abcdef0123456789abcdef";

    #[test]
    fn only_a_bare_image_id_is_served() {
        assert_eq!(
            requested_id("GET", &format!("/{ID}"), None).map(|id| id.to_string()),
            Some(ID.to_owned())
        );
        for (method, path, query) in [
            ("GET", "/", None),
            ("GET", "", None),
            ("GET", "/../library.db", None),
            ("GET", &format!("/{ID}/../../library.db"), None),
            ("GET", &format!("/../{ID}"), None),
            ("GET", &format!("/{}", ID.to_uppercase()), None),
            ("GET", &format!("/{ID}.jpg"), None),
            ("GET", &format!("//{ID}"), None),
            ("GET", "/etc/passwd", None),
            ("GET", &format!("/{ID}"), Some("x=1")),
            ("POST", &format!("/{ID}"), None),
        ] {
            assert!(
                requested_id(method, path, query).is_none(),
                "{method} {path} {query:?} must be a 404"
            );
        }
    }

    #[test]
    fn an_image_comes_with_its_media_type_and_anything_else_is_a_404() {
        let ok = response(Some(("image/png".to_owned(), vec![1, 2, 3])));
        assert_eq!(ok.status(), StatusCode::OK);
        assert_eq!(ok.headers()[header::CONTENT_TYPE], "image/png");
        assert_eq!(ok.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(ok.body().as_ref(), &[1, 2, 3]);
        let missing = response(None);
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert!(missing.body().is_empty());
    }
}
