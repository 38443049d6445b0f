//! Integration tests of the core and the `edito` CLI, in one test binary so it links once.

mod cli;
mod kill;
mod library_cli;
mod support;
