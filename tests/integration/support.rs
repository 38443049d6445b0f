//! Helpers shared by the integration tests: a temporary data dir and the built CLI binary.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs the `edito` binary built by cargo for this test run, with `input` on stdin.
pub fn edito(data_dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_edito"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("EDITO_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn edito");
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
