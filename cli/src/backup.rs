//! `edito backup [--restore FILE] [--list]`: snapshots of the library, and putting one back.

use std::path::{Path, PathBuf};

use clap::Args;
use edito::library::restore_backup;

use crate::output;

/// Arguments of `edito backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Replace the library with this backup (the current one is moved into `backups/`).
    #[arg(long, value_name = "FILE", conflicts_with = "list")]
    restore: Option<PathBuf>,
    /// List the backups instead of making one.
    #[arg(long)]
    list: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Makes a backup (printing its path), lists them, or restores one.
pub fn run(data_dir: &Path, args: &BackupArgs) -> anyhow::Result<()> {
    if let Some(file) = &args.restore {
        // Restoring must not open the (possibly damaged) library first.
        let report = restore_backup(data_dir, file)?;
        if args.json {
            return output::json(&report);
        }
        outln!("restored {}", report.restored_from.display())?;
        if let Some(previous) = &report.previous_saved_as {
            outln!("the replaced library was kept as {}", previous.display())?;
        }
        if !report.missing_images.is_empty() {
            eprintln!(
                "edito: {} images the backup lists were not in the `images` folder beside it (the pieces show them as missing; copy that folder too, or add the pictures again): {}",
                report.missing_images.len(),
                report.missing_images.join(", ")
            );
        }
        return Ok(());
    }
    let library = edito::Library::open_in(data_dir)?;
    if let Some(recovery) = library.recovery() {
        eprintln!("edito: {recovery}");
    }
    if args.list {
        let backups = library.list_backups()?;
        if args.json {
            return output::json(&backups);
        }
        for b in backups {
            outln!("{}\t{}\t{}", b.made_at, b.size_bytes, b.path.display())?;
        }
        return Ok(());
    }
    let backup = library.backup_now()?;
    if args.json {
        return output::json(&backup);
    }
    outln!("{}", backup.path.display())?;
    if let Some(larger) = &backup.larger_kept {
        eprintln!(
            "edito: note: the older backup {} holds a larger library than any recent one; it is kept beyond the {} newest (pieces may have been lost since: check, and restore it if so)",
            larger.display(),
            edito::library::BACKUPS_KEPT
        );
    }
    Ok(())
}
