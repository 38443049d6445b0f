//! Starting the app under tauri-driver, and waiting for conditions in its window.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

/// One window at a time: two WebKit processes on two cores make every wait flaky.
static ONE_APP_AT_A_TIME: Mutex<()> = Mutex::new(());

/// How long a condition may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(20);

/// True (after saying so on stderr) when the E2E tests were explicitly skipped.
pub fn skipped() -> bool {
    if std::env::var("EDITO_E2E").as_deref() == Ok("skip") {
        eprintln!("E2E SKIPPED: EDITO_E2E=skip is set; the real window was not tested");
        return true;
    }
    false
}

/// The desktop binary cargo built beside this test binary, or `EDITO_E2E_APP` (a release
/// build, for performance figures).
fn app_binary() -> PathBuf {
    if let Some(app) = std::env::var_os("EDITO_E2E_APP") {
        return PathBuf::from(app);
    }
    built_binary("edito-desktop")
}

/// The `edito` CLI built beside this test binary. It belongs to the `edito-cli` package, so
/// cargo's `CARGO_BIN_EXE_edito` does not exist for these tests.
pub fn cli_binary() -> PathBuf {
    built_binary("edito")
}

/// `target/<profile>/<name>`, found from this test executable (`target/<profile>/deps/e2e-xxxx`).
fn built_binary(name: &str) -> PathBuf {
    let test_exe = std::env::current_exe().expect("current exe");
    let profile_dir = test_exe
        .parent()
        .and_then(Path::parent)
        .expect("target dir");
    let binary = profile_dir.join(name);
    assert!(
        binary.is_file(),
        "{} is missing: run `cargo build --workspace --all-targets` first",
        binary.display()
    );
    binary
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// The file the debug build reads its file dialogs' answers from.
fn picks_file(data_dir: &Path) -> PathBuf {
    data_dir.join("test-picks.txt")
}

/// Makes the next file dialog of the app on `data_dir` answer `paths` (several: a multiple
/// choice), as if the person had chosen them.
pub fn answer_next_pick(data_dir: &Path, paths: &[&Path]) {
    let line: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    std::fs::write(picks_file(data_dir), line.join("\t")).expect("write the dialog's answer");
}

/// The command prefix that runs what follows in a private mount namespace where `dir` is
/// bind-mounted read-only: a read-only medium, which (unlike permissions) stops root too
/// (EROFS). `None`, after printing why, where mount namespaces are not permitted.
pub fn read_only_mount(dir: &Path) -> Option<Vec<String>> {
    const SCRIPT: &str =
        r#"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99; shift; exec "$@""#;
    let probe = Command::new("unshare")
        .args(["-m", "sh", "-c", SCRIPT, "sh"])
        .arg(dir)
        .args(["touch"])
        .arg(dir.join(".probe"))
        .output();
    match probe {
        // The probe's touch must fail: the folder is read-only inside, and nothing leaked out.
        Ok(out) if out.status.code() == Some(1) && !dir.join(".probe").exists() => Some(
            ["unshare", "-m", "sh", "-c", SCRIPT, "sh"]
                .iter()
                .map(|s| (*s).to_owned())
                .chain([dir.display().to_string()])
                .collect(),
        ),
        Ok(out) => {
            eprintln!(
                "SKIPPED: cannot mount {} read-only in a private namespace: {}",
                dir.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            );
            None
        }
        Err(err) => {
            eprintln!("SKIPPED: `unshare` cannot run here: {err}");
            None
        }
    }
}

/// A running app: tauri-driver, the WebDriver session, and the data dir it was given.
pub struct App {
    pub client: Client,
    driver: Child,
}

impl App {
    /// Starts tauri-driver and the app on `data_dir`, and waits for the window's UI.
    pub async fn start(data_dir: &Path) -> App {
        App::start_with(data_dir, &[]).await
    }

    /// Like [`App::start`], with extra environment for the app (`LANG` for the UI language).
    /// The webview's own storage (localStorage: UI preferences) goes under `data_dir` too, so
    /// runs never see each other's settings.
    pub async fn start_with(data_dir: &Path, env: &[(&str, &str)]) -> App {
        App::start_wrapped(data_dir, env, &[]).await
    }

    /// Like [`App::start_with`], with tauri-driver (and so WebKitWebDriver and the app, its
    /// children) started through `wrapper`, a command prefix such as [`read_only_mount`]'s.
    pub async fn start_wrapped(data_dir: &Path, env: &[(&str, &str)], wrapper: &[String]) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "no DISPLAY: run the E2E tests under xvfb-run (make test does), or set EDITO_E2E=skip"
        );
        let (port, native_port) = (free_port(), free_port());
        let mut command = match wrapper.split_first() {
            Some((program, args)) => {
                let mut command = Command::new(program);
                command.args(args).arg(tauri_driver());
                command
            }
            None => Command::new(tauri_driver()),
        };
        let driver = command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("EDITO_DATA_DIR", data_dir)
            .env("XDG_DATA_HOME", data_dir.join("xdg-data"))
            .env("XDG_CACHE_HOME", data_dir.join("xdg-cache"))
            // The library folder chosen in the app is remembered in the config dir: never
            // the real one.
            .env("XDG_CONFIG_HOME", data_dir.join("xdg-config"))
            // Native file dialogs cannot be driven through WebDriver: debug builds answer them
            // from this file instead (src-tauri/src/picks.rs; `answer_next_pick`).
            .env("EDITO_TEST_PICKS", picks_file(data_dir))
            // The UI's language follows LC_ALL, else LC_MESSAGES, else LANG: only what a test
            // passes in `env` counts, never the locale the tests happen to run under.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start tauri-driver (cargo install tauri-driver --locked --version '^2')");
        let caps = json!({
            "browserName": "wry",
            "tauri:options": { "application": app_binary() }
        });
        let caps = caps.as_object().expect("object").clone();
        let url = format!("http://127.0.0.1:{port}");
        let client = connect_with_retry(&url, caps).await;
        let app = App { client, driver };
        app.wait_for_js("return document.querySelector('.piece-item') !== null || document.readyState === 'complete'").await;
        app
    }

    /// Evaluates `script` in the window and returns its value.
    pub async fn js(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("execute script")
    }

    /// True when `script` returns a truthy value within 3 s (for an assertion that names
    /// what failed, where [`App::wait_for_js`] would only time out).
    pub async fn wait_for_js_or_timeout(&self, script: &str) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if truthy(&self.js(script).await) {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    /// Waits until `script` returns a truthy value.
    pub async fn wait_for_js(&self, script: &str) -> Value {
        let start = Instant::now();
        loop {
            let value = self.js(script).await;
            if truthy(&value) {
                return value;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for: {script}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `script` returns exactly `expected`, with a message naming both.
    pub async fn wait_for_value(&self, script: &str, expected: Value) {
        let start = Instant::now();
        loop {
            let value = self.js(script).await;
            if value == expected {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out: {script} gave {value}, want {expected}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the window has gone (the app closed itself), then stops tauri-driver.
    pub async fn wait_closed(mut self) {
        let start = Instant::now();
        while self.client.execute("return 1", vec![]).await.is_ok() {
            assert!(start.elapsed() < PATIENCE, "the window did not close");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        stop_gracefully(&mut self.driver);
    }

    /// Ends the session (which closes the app) and stops tauri-driver gracefully.
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        stop_gracefully(&mut self.driver);
    }
}

impl Drop for App {
    fn drop(&mut self) {
        stop_gracefully(&mut self.driver);
    }
}

impl App {
    /// SIGKILLs the app's own process (found below this session's tauri-driver by parent
    /// ids, never by name), as a crash or a power cut would end it, then stops the driver.
    pub fn kill_app(mut self) {
        let app = descendants(self.driver.id())
            .into_iter()
            .find(|pid| {
                std::fs::read_to_string(format!("/proc/{pid}/comm"))
                    .is_ok_and(|comm| comm.trim_end() == "edito-desktop")
            })
            .expect("the app's process under tauri-driver");
        let status = Command::new("kill")
            .args(["-KILL", &app.to_string()])
            .status()
            .expect("kill");
        assert!(status.success(), "SIGKILL {app}");
        stop_gracefully(&mut self.driver);
    }
}

/// Every process below `root`, from the parent ids in /proc.
fn descendants(root: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
            // `pid (comm) state ppid …`: comm may hold spaces, so read after the last ')'.
            let ppid = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .nth(1)?
                .parse()
                .ok()?;
            Some((pid, ppid))
        })
        .collect();
    let mut found = vec![root];
    let mut i = 0;
    while i < found.len() {
        let parent = found[i];
        found.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    found.split_off(1)
}

/// SIGTERM, not SIGKILL: tauri-driver then stops WebKitWebDriver too instead of leaving it
/// holding the native port.
fn stop_gracefully(driver: &mut Child) {
    if let Ok(Some(_)) = driver.try_wait() {
        return;
    }
    let _ = Command::new("kill")
        .args(["-TERM", &driver.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = driver.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = driver.kill();
    let _ = driver.wait();
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let home_bin = dirs_home().join(".cargo/bin/tauri-driver");
    if home_bin.is_file() {
        home_bin
    } else {
        PathBuf::from("tauri-driver")
    }
}

fn dirs_home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

async fn connect_with_retry(url: &str, caps: serde_json::Map<String, Value>) -> Client {
    let start = Instant::now();
    loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(url)
            .await
        {
            Ok(client) => return client,
            Err(err) if start.elapsed() < PATIENCE => {
                let _ = err;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(err) => panic!("cannot start a WebDriver session on {url}: {err}"),
        }
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// Runs an async scenario on a fresh runtime (the test functions stay plain `#[test]`s).
/// Scenarios take turns: the lock is held for the whole scenario, outside async code.
pub fn run<F: std::future::Future<Output = ()>>(scenario: F) {
    let _turn = ONE_APP_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(scenario);
}
