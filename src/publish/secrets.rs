//! Application passwords: in the OS keyring (Secret Service on Linux, Keychain, Credential
//! Manager) through the `keyring` crate; where none answers, in a fallback file readable by
//! the user only (mode 0600), which the caller is told about. Never in the library, a log or
//! the window's storage.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{PublishError, SiteAccount};

/// The keyring's service name for Edito's passwords.
const SERVICE: &str = "edito";

/// Set to `file` to skip the keyring and use the fallback file (machines without a keyring,
/// tests); any other value, or unset, tries the keyring first.
pub const SECRETS_ENV: &str = "EDITO_SECRETS";

/// Overrides the configuration directory holding the fallback file (tests).
pub const CONFIG_DIR_ENV: &str = "EDITO_CONFIG_DIR";

/// Name of the fallback file, which says what it is.
pub const FALLBACK_FILE: &str = "passwords-not-in-keyring.json";

/// Where a password was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretPlace {
    /// The OS keyring.
    Keyring,
    /// The fallback file (no keyring answered): readable by the user only, not encrypted.
    File(PathBuf),
}

impl std::fmt::Display for SecretPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SecretPlace::Keyring => f.write_str("the system keyring"),
            SecretPlace::File(path) => write!(
                f,
                "`{}` (no keyring available: a file readable by you only, not encrypted)",
                path.display()
            ),
        }
    }
}

/// The password store: the keyring, or the fallback file under the config directory.
#[derive(Debug, Clone)]
pub struct Secrets {
    file: PathBuf,
    keyring: bool,
}

impl Secrets {
    /// The store for this user: keyring first unless `EDITO_SECRETS=file`; the fallback file
    /// in `$EDITO_CONFIG_DIR`, else `<config dir>/edito/`.
    pub fn for_user() -> Result<Self, PublishError> {
        let dir = std::env::var_os(CONFIG_DIR_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| dirs::config_dir().map(|d| d.join("edito")))
            .ok_or_else(|| {
                PublishError::Secrets("no configuration directory: set EDITO_CONFIG_DIR".into())
            })?;
        let keyring = std::env::var(SECRETS_ENV).map_or(true, |v| v != "file");
        Ok(Self::new(&dir, keyring))
    }

    /// A store whose fallback file is in `dir`, trying the keyring first when `keyring`.
    pub fn new(dir: &Path, keyring: bool) -> Self {
        Secrets {
            file: dir.join(FALLBACK_FILE),
            keyring,
        }
    }

    /// Stores `password` for `site`: in the keyring when one answers, else in the fallback
    /// file. Says where.
    pub fn store(&self, site: &SiteAccount, password: &str) -> Result<SecretPlace, PublishError> {
        if self.keyring {
            if let Ok(entry) = keyring::Entry::new(SERVICE, &account(site)) {
                if entry.set_password(password).is_ok() {
                    // A stale copy in the file would win nowhere, but must not linger.
                    self.write_file(|map| {
                        map.remove(&account(site));
                    })?;
                    return Ok(SecretPlace::Keyring);
                }
            }
        }
        self.write_file(|map| {
            map.insert(account(site), password.to_owned());
        })?;
        Ok(SecretPlace::File(self.file.clone()))
    }

    /// The password of `site`: the keyring's, else the fallback file's.
    ///
    /// Errors: [`PublishError::NoSecret`] when neither has one.
    pub fn password(&self, site: &SiteAccount) -> Result<String, PublishError> {
        if self.keyring {
            if let Ok(password) =
                keyring::Entry::new(SERVICE, &account(site)).and_then(|e| e.get_password())
            {
                return Ok(password);
            }
        }
        self.read_file()?
            .remove(&account(site))
            .ok_or_else(|| PublishError::NoSecret(site.name.clone()))
    }

    /// Where `site`'s password is, `None` when nowhere.
    pub fn place(&self, site: &SiteAccount) -> Option<SecretPlace> {
        if self.keyring
            && keyring::Entry::new(SERVICE, &account(site))
                .and_then(|e| e.get_password())
                .is_ok()
        {
            return Some(SecretPlace::Keyring);
        }
        self.read_file()
            .ok()?
            .contains_key(&account(site))
            .then(|| SecretPlace::File(self.file.clone()))
    }

    fn read_file(&self) -> Result<BTreeMap<String, String>, PublishError> {
        match std::fs::read(&self.file) {
            Ok(bytes) => serde_json::from_slice::<FallbackFile>(&bytes)
                .map(|f| f.passwords)
                .map_err(|e| {
                    PublishError::Secrets(format!(
                        "`{}` is damaged ({e}): delete it and add the sites again",
                        self.file.display()
                    ))
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(e) => Err(PublishError::Secrets(format!(
                "cannot read `{}`: {e}",
                self.file.display()
            ))),
        }
    }

    /// Rewrites the fallback file with `change` applied, created with mode 0600 from the
    /// start (never readable by others, not even for an instant).
    fn write_file(
        &self,
        change: impl FnOnce(&mut BTreeMap<String, String>),
    ) -> Result<(), PublishError> {
        let mut passwords = self.read_file()?;
        let before = passwords.len();
        change(&mut passwords);
        if passwords.is_empty() && before == 0 && !self.file.exists() {
            return Ok(());
        }
        let failed = |e: std::io::Error| {
            PublishError::Secrets(format!("cannot write `{}`: {e}", self.file.display()))
        };
        if let Some(dir) = self.file.parent() {
            std::fs::create_dir_all(dir).map_err(failed)?;
        }
        let json = serde_json::to_vec_pretty(&FallbackFile {
            warning: WARNING.into(),
            passwords,
        })
        .map_err(|e| PublishError::Secrets(e.to_string()))?;
        let temp = self.file.with_extension("json.tmp");
        write_private(&temp, &json).map_err(failed)?;
        std::fs::rename(&temp, &self.file).map_err(failed)
    }
}

const WARNING: &str = "Edito's application passwords, kept here because no system keyring \
    answered. Readable by you only (mode 0600), NOT encrypted: anyone with your account can \
    read them. Revoke them in wp-admin if this file leaks.";

#[derive(serde::Serialize, serde::Deserialize)]
struct FallbackFile {
    warning: String,
    passwords: BTreeMap<String, String>,
}

/// The keyring account of a site: user and address, so two sites may share a name elsewhere.
fn account(site: &SiteAccount) -> String {
    format!("{}@{}", site.user, site.url)
}

#[cfg(unix)]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let _ = std::fs::remove_file(path);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fallback_file_is_private_and_labelled() {
        let dir = tempfile::tempdir().expect("temp dir");
        let secrets = Secrets::new(dir.path(), false);
        let site = SiteAccount::new("mag", "https://mag.example", "edito").expect("site");
        let place = secrets.store(&site, "abcd efgh").expect("store");
        assert_eq!(place, SecretPlace::File(dir.path().join(FALLBACK_FILE)));
        assert_eq!(secrets.password(&site).expect("read"), "abcd efgh");
        let text = std::fs::read_to_string(dir.path().join(FALLBACK_FILE)).expect("file");
        assert!(text.contains("NOT encrypted"), "{text}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(FALLBACK_FILE))
                .expect("meta")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let other = SiteAccount::new("b", "https://b.example", "edito").expect("site");
        assert!(matches!(
            secrets.password(&other),
            Err(PublishError::NoSecret(_))
        ));
    }
}
