//! Helpers shared by the integration tests: a temporary data dir and the built CLI binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The `edito` CLI cargo built beside this test binary (`target/<profile>/edito`). It belongs
/// to the `edito-cli` package, so cargo's `CARGO_BIN_EXE_edito` does not exist for these tests.
pub fn edito_binary() -> PathBuf {
    let test_exe = std::env::current_exe().expect("current exe");
    // target/<profile>/deps/integration-xxxx → target/<profile>/edito
    let profile_dir = test_exe
        .parent()
        .and_then(Path::parent)
        .expect("target dir");
    let binary = profile_dir.join(format!("edito{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.is_file(),
        "{} is missing: run `cargo build --workspace --all-targets` first",
        binary.display()
    );
    binary
}

/// Starts the `edito` CLI on `data_dir` with its three standard streams piped.
pub fn spawn_edito<S: AsRef<std::ffi::OsStr>>(data_dir: &Path, args: &[S]) -> Child {
    Command::new(edito_binary())
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("EDITO_DATA_DIR")
        // Passwords of the publishing tests go to a file in the test's folder, never to the
        // keyring or the config of the user running the tests.
        .env("EDITO_SECRETS", "file")
        .env("EDITO_CONFIG_DIR", data_dir.join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn edito")
}

/// Runs the `edito` CLI with `input` on stdin.
pub fn edito(data_dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = spawn_edito(data_dir, args);
    // A command that fails before reading its input (a bad argument) closes the pipe first:
    // that broken pipe is the command's answer, not a test failure.
    if let Err(err) = child.stdin.take().expect("stdin").write_all(input) {
        assert_eq!(
            err.kind(),
            std::io::ErrorKind::BrokenPipe,
            "write stdin: {err}"
        );
    }
    child.wait_with_output().expect("wait edito")
}

/// Standard output as text, after asserting the command succeeded.
pub fn stdout_ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "edito failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("utf-8 stdout")
}
