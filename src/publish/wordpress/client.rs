//! The HTTP side of WordPress's REST API: Basic auth with an application password, the API's
//! address found once (`/wp-json/`, or `?rest_route=` on sites without pretty permalinks), and
//! every failure turned into a [`PublishError`] kind.

use std::time::Duration;

use base64::Engine;
use serde_json::Value;

use crate::publish::{PublishError, SiteAccount};

/// Time allowed for one request, connection included: an upload of a 2560 px JPEG over a slow
/// line fits; a site that does not answer is reported instead of waited for.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// How the site's routes are addressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Routes {
    /// `https://site/wp-json/wp/v2/posts`.
    Pretty,
    /// `https://site/?rest_route=/wp/v2/posts` (plain permalinks).
    Query,
}

/// A status and the JSON body of an answer (`Null` when the body is not JSON).
pub(crate) struct Answer {
    pub status: u16,
    pub body: Value,
}

/// A connection to one site's REST API.
pub(crate) struct Client {
    agent: ureq::Agent,
    url: String,
    user: String,
    auth: String,
    routes: Routes,
}

impl Client {
    /// Finds the site's REST API and checks the credentials (`/wp/v2/users/me`), before
    /// anything is sent: a wrong password creates nothing.
    pub fn connect(site: &SiteAccount, password: &str) -> Result<Self, PublishError> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("Edito/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        // WordPress shows application passwords in groups of four; spaces are not part of it.
        let password: String = password.chars().filter(|c| !c.is_whitespace()).collect();
        let auth =
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{password}", site.user));
        let mut client = Client {
            agent,
            url: site.url.clone(),
            user: site.user.clone(),
            auth: format!("Basic {auth}"),
            routes: Routes::Pretty,
        };
        client.routes = client.find_routes()?;
        let me = client.get("/wp/v2/users/me", &[("context", "edit")])?;
        client.ok(me, "read your profile")?;
        Ok(client)
    }

    fn find_routes(&self) -> Result<Routes, PublishError> {
        let pretty = self.send(self.agent.get(&format!("{}/wp-json/", self.url)))?;
        if is_wordpress_index(&pretty.body) {
            return Ok(Routes::Pretty);
        }
        let query = self.send(self.agent.get(&format!("{}/?rest_route=/", self.url)))?;
        if is_wordpress_index(&query.body) {
            return Ok(Routes::Query);
        }
        Err(PublishError::NotWordPress {
            url: self.url.clone(),
            status: if pretty.body.is_null() && pretty.status == 200 {
                0
            } else {
                pretty.status
            },
        })
    }

    /// The address of `route` (`/wp/v2/posts`) with `query` pairs.
    fn address(&self, route: &str, query: &[(&str, &str)]) -> String {
        let mut url = match self.routes {
            Routes::Pretty => format!("{}/wp-json{route}", self.url),
            Routes::Query => format!("{}/?rest_route={}", self.url, encode(route)),
        };
        for (i, (key, value)) in query.iter().enumerate() {
            let first = i == 0 && self.routes == Routes::Pretty;
            url.push(if first { '?' } else { '&' });
            url.push_str(key);
            url.push('=');
            url.push_str(&encode(value));
        }
        url
    }

    /// `GET route?query`.
    pub fn get(&self, route: &str, query: &[(&str, &str)]) -> Result<Answer, PublishError> {
        let url = self.address(route, query);
        self.send(self.agent.get(&url).header("Authorization", &self.auth))
    }

    /// `POST route` with a JSON body.
    pub fn post_json(&self, route: &str, body: &Value) -> Result<Answer, PublishError> {
        let url = self.address(route, &[]);
        let bytes = serde_json::to_vec(body).map_err(|e| PublishError::BadAnswer(e.to_string()))?;
        let request = self
            .agent
            .post(&url)
            .header("Authorization", &self.auth)
            .header("Content-Type", "application/json; charset=utf-8");
        self.send_body(request, &bytes)
    }

    /// `POST /wp/v2/media` with a file's raw bytes (WordPress needs its name in
    /// `Content-Disposition`, else `400 rest_upload_no_content_disposition`); `query` carries
    /// the attachment's fields (`alt_text`, `caption`).
    pub fn upload(
        &self,
        file_name: &str,
        media_type: &str,
        bytes: &[u8],
        query: &[(&str, &str)],
    ) -> Result<Answer, PublishError> {
        let url = self.address("/wp/v2/media", query);
        let request = self
            .agent
            .post(&url)
            .header("Authorization", &self.auth)
            .header("Content-Type", media_type)
            .header(
                "Content-Disposition",
                &format!("attachment; filename=\"{file_name}\""),
            );
        let answer = self.send_body(request, bytes)?;
        if answer.status == 413 {
            return Err(PublishError::TooLarge {
                file: file_name.to_owned(),
            });
        }
        Ok(answer)
    }

    fn send(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithoutBody>,
    ) -> Result<Answer, PublishError> {
        self.answer(request.call())
    }

    fn send_body(
        &self,
        request: ureq::RequestBuilder<ureq::typestate::WithBody>,
        bytes: &[u8],
    ) -> Result<Answer, PublishError> {
        self.answer(request.send(bytes))
    }

    fn answer(
        &self,
        result: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Answer, PublishError> {
        let mut response = result.map_err(|e| self.transport(e))?;
        let status = response.status().as_u16();
        let text = response
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_string()
            .map_err(|e| self.transport(e))?;
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Ok(Answer { status, body })
    }

    /// A failure below HTTP, by kind.
    fn transport(&self, err: ureq::Error) -> PublishError {
        let url = self.url.clone();
        match err {
            ureq::Error::Timeout(_) => PublishError::Timeout {
                url,
                seconds: TIMEOUT.as_secs(),
            },
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired => {
                PublishError::Tls {
                    url,
                    reason: err.to_string(),
                }
            }
            ureq::Error::Io(ref io) if io.kind() == std::io::ErrorKind::TimedOut => {
                PublishError::Timeout {
                    url,
                    seconds: TIMEOUT.as_secs(),
                }
            }
            // rustls reports a bad certificate through the stream, as an I/O error.
            ureq::Error::Io(ref io) if io.to_string().contains("certificate") => {
                PublishError::Tls {
                    url,
                    reason: err.to_string(),
                }
            }
            other => PublishError::Unreachable {
                url,
                reason: other.to_string(),
            },
        }
    }

    /// The body of a 2xx answer; the error a WordPress refusal means otherwise (`action` says
    /// what was refused, for a 403).
    pub fn ok(&self, answer: Answer, action: &str) -> Result<Value, PublishError> {
        match answer.status {
            200..=299 => Ok(answer.body),
            401 => Err(PublishError::WrongPassword {
                user: self.user.clone(),
            }),
            403 => Err(PublishError::NotAllowed {
                user: self.user.clone(),
                action: action.to_owned(),
            }),
            status => Err(rejected(status, &answer.body)),
        }
    }
}

/// WordPress's error body `{code, message, data: {status}}` as an error.
pub(crate) fn rejected(status: u16, body: &Value) -> PublishError {
    let text = |key: &str| {
        body.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    };
    PublishError::Rejected {
        status,
        code: text("code"),
        message: text("message"),
    }
}

/// Whether `body` is a WordPress REST index offering the `wp/v2` routes.
fn is_wordpress_index(body: &Value) -> bool {
    body.get("namespaces")
        .and_then(Value::as_array)
        .is_some_and(|ns| ns.iter().any(|n| n == "wp/v2"))
}

/// Percent-encodes a query value (everything but unreserved characters and `/`).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_percent_encoded_as_utf8() {
        assert_eq!(
            encode("Portrait d’Élise & co"),
            "Portrait%20d%E2%80%99%C3%89lise%20%26%20co"
        );
        assert_eq!(encode("/wp/v2/posts"), "/wp/v2/posts");
    }

    #[test]
    fn the_index_must_offer_wp_v2() {
        assert!(is_wordpress_index(
            &serde_json::json!({"namespaces": ["oembed/1.0", "wp/v2"]})
        ));
        assert!(!is_wordpress_index(
            &serde_json::json!({"namespaces": ["other/v1"]})
        ));
        assert!(!is_wordpress_index(&Value::Null));
    }
}
