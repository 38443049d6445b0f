//! `edito sites add|list` and `edito publish`: the sites a library publishes to (password in
//! the keyring, never on the command line) and publishing a piece to one. Errors are worded in
//! the user's language (`LANG`/`LC_ALL`/`LC_MESSAGES` starting with `fr`: French).

use std::io::{BufRead, IsTerminal};

use anyhow::bail;
use clap::{Args, Subcommand};
use edito::publish::{self, PostStatus, PublishError, PublishOptions, Secrets, SiteAccount};
use edito::{Lang, Library};

use crate::output;

/// Environment variable a script may put the application password in (never an argument:
/// arguments are visible to every user in `ps`).
pub const PASSWORD_ENV: &str = "EDITO_SITE_PASSWORD";

/// Arguments of `edito sites`.
#[derive(Debug, Args)]
pub struct SitesArgs {
    #[command(subcommand)]
    command: SitesCommand,
}

#[derive(Debug, Subcommand)]
enum SitesCommand {
    /// Add a WordPress site (or replace the one of that name). The application password is
    /// read from $EDITO_SITE_PASSWORD, else standard input (one line), else asked for.
    Add(AddArgs),
    /// List the sites, with where each password is kept.
    List(ListArgs),
}

#[derive(Debug, Args)]
struct AddArgs {
    /// A short name for the site (`magazine`).
    name: String,
    /// The site's address, `https://…`.
    #[arg(long)]
    url: String,
    /// The WordPress user the application password belongs to.
    #[arg(long)]
    user: String,
    /// Store without checking the password against the site (offline).
    #[arg(long)]
    no_check: bool,
}

#[derive(Debug, Args)]
struct ListArgs {
    /// Print JSON (an array of `{name, url, user}`).
    #[arg(long)]
    json: bool,
}

/// Arguments of `edito publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    /// The piece's id.
    id: i64,
    /// The site's name (see `edito sites list`).
    #[arg(long)]
    site: String,
    /// The post's status on the site.
    #[arg(long, value_enum, default_value_t = PostStatus::Draft)]
    status: PostStatus,
    /// The post's date, YYYY-MM-DD or YYYY-MM-DDTHH:MM (default: the piece's publication date).
    #[arg(long)]
    date: Option<String>,
    /// Replace the site's version even if it was edited there since the last publish.
    #[arg(long)]
    force: bool,
    /// Create the post again if it was deleted on the site.
    #[arg(long)]
    recreate: bool,
    /// Print the report as JSON (`PublishReport`).
    #[arg(long)]
    json: bool,
}

/// `edito sites …`.
pub fn sites(library: &Library, args: &SitesArgs) -> anyhow::Result<()> {
    let secrets = Secrets::for_user().map_err(worded)?;
    match &args.command {
        SitesCommand::Add(add) => {
            let site = SiteAccount::new(&add.name, &add.url, &add.user).map_err(worded)?;
            let password = read_password()?;
            let place = publish::add_site(library, &secrets, &site, &password, !add.no_check)
                .map_err(worded)?;
            outln!("{}: password stored in {place}", site.name)
        }
        SitesCommand::List(list) => {
            let sites = publish::sites(library).map_err(worded)?;
            if list.json {
                return output::json(&sites);
            }
            for site in sites {
                let place = secrets
                    .place(&site)
                    .map_or("no password".to_owned(), |p| format!("password in {p}"));
                outln!("{}\t{}\t{}\t{place}", site.name, site.url, site.user)?;
            }
            Ok(())
        }
    }
}

/// `edito publish ID --site NAME …`.
pub fn publish(library: &Library, args: &PublishArgs) -> anyhow::Result<()> {
    let secrets = Secrets::for_user().map_err(worded)?;
    let options = PublishOptions {
        status: args.status,
        date: args.date.clone(),
        force: args.force,
        recreate: args.recreate,
    };
    let report =
        publish::publish(library, &secrets, &args.site, args.id, &options).map_err(worded)?;
    if args.json {
        return output::json(&report);
    }
    outln!(
        "{} post {} ({}): {}",
        if report.created { "created" } else { "updated" },
        report.post_id,
        report.status,
        report.link
    )
}

/// The error in the user's language.
fn worded(err: PublishError) -> anyhow::Error {
    anyhow::anyhow!(err.message(user_lang()))
}

/// French when the locale says so (`LC_ALL`, then `LC_MESSAGES`, then `LANG`), else English.
fn user_lang() -> Lang {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.is_empty())
        .unwrap_or_default();
    if locale.starts_with("fr") {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// The application password: `$EDITO_SITE_PASSWORD`, else one line of standard input (asked
/// for on the terminal).
fn read_password() -> anyhow::Result<String> {
    if let Some(password) = std::env::var(PASSWORD_ENV).ok().filter(|p| !p.is_empty()) {
        return Ok(password);
    }
    let stdin = std::io::stdin();
    let password = if stdin.is_terminal() {
        // Typed at a terminal: not echoed, so it is not left on the screen or in a recording.
        rpassword::prompt_password("Application password (wp-admin → Users → Profile): ")?
    } else {
        let mut line = String::new();
        stdin.lock().read_line(&mut line)?;
        line
    };
    let password = password.trim().to_owned();
    if password.is_empty() {
        bail!("no application password given: pipe it on standard input or set {PASSWORD_ENV}");
    }
    Ok(password)
}
