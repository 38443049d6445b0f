//! The sites a library publishes to: name, address, user, kept as a library setting
//! (`publish.sites`, so they travel with the library and its backups). The password is never
//! here: it lives in the keyring ([`super::secrets`]).

use serde::{Deserialize, Serialize};

use super::PublishError;
use crate::library::{Library, SettingKey};

/// One site Edito publishes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SiteAccount {
    /// The name the editor gives it (`magazine`), unique in the library.
    pub name: String,
    /// The site's address, `http(s)://host[/path]`, no trailing slash.
    pub url: String,
    /// The WordPress user the application password belongs to.
    pub user: String,
}

/// The library setting holding the sites, in the order they were added.
pub const SITES: SettingKey<Vec<SiteAccount>> = SettingKey::new("publish.sites");

impl SiteAccount {
    /// A site with its values checked: a name of letters, digits, `-`, `_` or `.`; an
    /// `http(s)://` address (the trailing `/` dropped); a user name.
    pub fn new(name: &str, url: &str, user: &str) -> Result<Self, PublishError> {
        let name = name.trim();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err(PublishError::Invalid {
                field: "site name",
                reason: format!("`{name}`: use letters, digits, `-`, `_` or `.` (e.g. `magazine`)"),
            });
        }
        let url = url.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"));
        if rest.is_none_or(|host| host.is_empty() || host.contains(char::is_whitespace)) {
            return Err(PublishError::Invalid {
                field: "site address",
                reason: format!("`{url}`: write it whole, e.g. `https://www.example.fr`"),
            });
        }
        let user = user.trim();
        if user.is_empty() {
            return Err(PublishError::Invalid {
                field: "user",
                reason: "empty: give the WordPress user name of the application password".into(),
            });
        }
        Ok(SiteAccount {
            name: name.to_owned(),
            url: url.to_owned(),
            user: user.to_owned(),
        })
    }
}

/// The library's sites, in the order they were added.
pub fn sites(library: &Library) -> Result<Vec<SiteAccount>, PublishError> {
    Ok(library.setting(&SITES)?.unwrap_or_default())
}

/// The site named `name`.
pub fn site(library: &Library, name: &str) -> Result<SiteAccount, PublishError> {
    sites(library)?
        .into_iter()
        .find(|site| site.name == name)
        .ok_or_else(|| PublishError::UnknownSite(name.to_owned()))
}

/// Adds `site`, or replaces the site of the same name.
pub fn save_site(library: &Library, site: &SiteAccount) -> Result<(), PublishError> {
    library.update_setting(&SITES, |sites| {
        match sites.iter_mut().find(|s| s.name == site.name) {
            Some(existing) => *existing = site.clone(),
            None => sites.push(site.clone()),
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_values_are_checked() {
        let site = SiteAccount::new(" mag ", "https://mag.example/", "edito").expect("valid");
        assert_eq!(site.url, "https://mag.example");
        assert_eq!(site.name, "mag");
        for (name, url, user) in [
            ("a b", "https://x", "u"),
            ("mag", "mag.example", "u"),
            ("mag", "ftp://mag.example", "u"),
            ("mag", "https://", "u"),
            ("mag", "https://x", " "),
        ] {
            assert!(
                SiteAccount::new(name, url, user).is_err(),
                "{name} {url} {user}"
            );
        }
    }
}
