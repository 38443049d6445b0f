//! The `edito` command line: a thin front end over the core library, like the desktop app.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("edito: {err:#}");
            ExitCode::FAILURE
        }
    }
}
