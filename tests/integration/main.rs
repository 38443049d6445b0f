//! Integration tests of the core and the `edito` CLI, in one test binary so it links once.

mod cli;
mod render_cli;
mod render_props;
mod render_safety;
mod render_source_map;
mod render_typography;
mod support;
