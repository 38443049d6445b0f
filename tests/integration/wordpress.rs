//! The real WordPress the publishing tests talk to: `scripts/wordpress-test-server` started
//! once per test binary (MariaDB + WordPress 6.1 + `php -S`, ~12 s), shared by every test. Its
//! standard input is a pipe this process holds: when the binary exits, pass or fail or killed,
//! the pipe closes and the script stops both servers and removes its folder.
//!
//! Missing packages fail the tests with what to install (`make deps-test`): a publishing test
//! is never skipped silently. `EDITO_SKIP_WORDPRESS=1` skips them on purpose, and says so.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock};

use serde_json::Value;

/// A running test site: its address and an administrator with an application password.
pub struct Site {
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    /// The administrator's user name.
    pub user: String,
    /// The administrator's application password.
    pub application_password: String,
    /// Held so the script runs as long as this process: closing it stops the site.
    _stdin: Mutex<ChildStdin>,
    _child: Mutex<Child>,
}

static SITE: OnceLock<Option<Site>> = OnceLock::new();

/// The shared site, started on first use; `None` only when `EDITO_SKIP_WORDPRESS=1`.
pub fn site() -> Option<&'static Site> {
    SITE.get_or_init(start).as_ref()
}

fn start() -> Option<Site> {
    if std::env::var("EDITO_SKIP_WORDPRESS").is_ok_and(|v| v == "1") {
        eprintln!("EDITO_SKIP_WORDPRESS=1: the WordPress publishing tests are skipped");
        return None;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/wordpress-test-server");
    let mut child = Command::new(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", script.display()));
    let stdin = child.stdin.take().expect("stdin");
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut values = std::collections::HashMap::new();
    for line in stdout.lines() {
        let line = line.expect("read the script's output");
        if line == "ready" {
            break;
        }
        if let Some((key, value)) = line.split_once('=') {
            values.insert(key.to_owned(), value.to_owned());
        }
    }
    if !values.contains_key("application_password") {
        let status = child.wait().ok();
        panic!(
            "the test WordPress did not start (exit {status:?}; exit 3 = packages missing: \
             run `make deps-test`, or set EDITO_SKIP_WORDPRESS=1 to skip on purpose)"
        );
    }
    let value = |key: &str| values.get(key).cloned().unwrap_or_default();
    Some(Site {
        url: value("url"),
        user: value("user"),
        application_password: value("application_password"),
        _stdin: Mutex::new(stdin),
        _child: Mutex::new(child),
    })
}

/// Skips the calling test when the site is deliberately not started (see the module doc).
macro_rules! wordpress_or_skip {
    () => {
        match crate::wordpress::site() {
            Some(site) => site,
            None => return,
        }
    };
}
pub(crate) use wordpress_or_skip;

impl Site {
    /// Adds this site to `library` as `name` (checked against it), its password in the
    /// fallback file of `<data_dir>/config`, where `support::spawn_edito` points the CLI.
    pub fn add_to(
        &self,
        library: &edito::Library,
        data_dir: &Path,
        name: &str,
    ) -> edito::publish::Secrets {
        let secrets = edito::publish::Secrets::new(&data_dir.join("config"), false);
        let account = edito::publish::SiteAccount::new(name, &self.url, &self.user).expect("site");
        edito::publish::add_site(
            library,
            &secrets,
            &account,
            &self.application_password,
            true,
        )
        .expect("add site");
        secrets
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    fn auth(&self) -> String {
        use base64::Engine;
        let pair = format!("{}:{}", self.user, self.application_password);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }

    /// `GET /wp-json{route}` as the administrator: status and JSON body.
    pub fn get(&self, route: &str) -> (u16, Value) {
        let mut response = Self::agent()
            .get(&format!("{}/wp-json{route}", self.url))
            .header("Authorization", &self.auth())
            .call()
            .expect("GET");
        let status = response.status().as_u16();
        let body = response.body_mut().read_json().unwrap_or(Value::Null);
        (status, body)
    }

    /// `POST /wp-json{route}` with a JSON body, as an editor in wp-admin would.
    pub fn post(&self, route: &str, body: &Value) -> (u16, Value) {
        let mut response = Self::agent()
            .post(&format!("{}/wp-json{route}", self.url))
            .header("Authorization", &self.auth())
            .send_json(body)
            .expect("POST");
        let status = response.status().as_u16();
        let body = response.body_mut().read_json().unwrap_or(Value::Null);
        (status, body)
    }

    /// `DELETE /wp-json{route}`.
    pub fn delete(&self, route: &str) -> u16 {
        Self::agent()
            .delete(&format!("{}/wp-json{route}", self.url))
            .header("Authorization", &self.auth())
            .call()
            .expect("DELETE")
            .status()
            .as_u16()
    }

    /// How many items `GET route` lists (every status, up to 100).
    pub fn count(&self, route: &str) -> usize {
        let (status, body) = self.get(route);
        assert_eq!(status, 200, "{route}: {body}");
        body.as_array().map_or(0, Vec::len)
    }
}
