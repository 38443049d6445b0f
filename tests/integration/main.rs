//! Integration tests of the core and the `edito` CLI, in one test binary so it links once.

mod cli;
mod cli_broken_pipe;
mod export_cli;
mod export_faults;
mod export_feed;
mod export_formats;
mod export_import;
mod export_library;
mod export_library_cli;
mod export_safety;
mod export_site;
mod export_support;
mod export_validate;
mod fuzz;
mod kill;
mod library_cli;
mod render_cli;
mod render_links;
mod render_props;
mod render_safety;
mod render_source_map;
mod render_typography;
mod support;
