//! Library-wide settings: typed values kept as JSON under a key in the `settings` table
//! (migration 0001), for what must outlive the window's localStorage and travel with the
//! library file and its backups — the archive's site settings, export preferences, publishing
//! accounts. **Never secrets**: passwords and tokens belong in the system keyring, since the
//! library is copied into every backup and readable by anyone who gets the file.

use std::marker::PhantomData;

use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::{Library, LibraryError};

/// The name a setting is stored under and the type it is read back as, so a key cannot be
/// written as one type and read as another by mistake. Keys are dotted, by feature
/// (`export.site`); `welcome_offered` predates this module and holds plain text, not JSON.
#[derive(Debug)]
pub struct SettingKey<T> {
    name: &'static str,
    value: PhantomData<fn() -> T>,
}

impl<T> SettingKey<T> {
    /// A key named `name` holding a `T`.
    pub const fn new(name: &'static str) -> Self {
        SettingKey {
            name,
            value: PhantomData,
        }
    }

    /// The key as stored in the table.
    pub const fn name(&self) -> &'static str {
        self.name
    }
}

impl Library {
    /// The value stored under `key`, `None` when it was never set.
    ///
    /// Errors: [`LibraryError::BadSetting`] when the stored JSON is not a `T` (written by a
    /// different Edito, or by hand); the usual database errors otherwise.
    pub fn setting<T: DeserializeOwned>(
        &self,
        key: &SettingKey<T>,
    ) -> Result<Option<T>, LibraryError> {
        self.read(|conn| read(conn, key))
    }

    /// Stores `value` under `key`, replacing what was there, in one durable transaction.
    pub fn set_setting<T: Serialize>(
        &self,
        key: &SettingKey<T>,
        value: &T,
    ) -> Result<(), LibraryError> {
        self.write(|tx| write(tx, key, value))
    }

    /// Reads the value under `key` (the default when unset), lets `change` edit it and stores
    /// it back, all in one write transaction: two windows changing different fields of the
    /// same setting keep both changes. Returns the value stored.
    pub fn update_setting<T, F>(&self, key: &SettingKey<T>, change: F) -> Result<T, LibraryError>
    where
        T: Serialize + DeserializeOwned + Default,
        F: FnOnce(&mut T),
    {
        self.write(|tx| {
            let mut value = read(tx, key)?.unwrap_or_default();
            change(&mut value);
            write(tx, key, &value)?;
            Ok(value)
        })
    }
}

fn read<T: DeserializeOwned>(
    conn: &Connection,
    key: &SettingKey<T>,
) -> Result<Option<T>, LibraryError> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [key.name],
            |row| row.get(0),
        )
        .optional()?;
    stored
        .map(|json| serde_json::from_str(&json).map_err(|source| bad(key, source)))
        .transpose()
}

fn write<T: Serialize>(
    conn: &Connection,
    key: &SettingKey<T>,
    value: &T,
) -> Result<(), LibraryError> {
    let json = serde_json::to_string(value).map_err(|source| bad(key, source))?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) \
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key.name, json],
    )?;
    Ok(())
}

fn bad<T>(key: &SettingKey<T>, source: serde_json::Error) -> LibraryError {
    LibraryError::BadSetting {
        key: key.name.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::super::tests::temp_library;
    use super::*;

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Site {
        title: String,
        base_url: Option<String>,
    }

    const SITE: SettingKey<Site> = SettingKey::new("test.site");

    #[test]
    fn an_unset_setting_is_none() {
        let (_dir, library) = temp_library();
        assert_eq!(library.setting(&SITE).expect("read"), None);
    }

    #[test]
    fn a_setting_survives_reopening_the_file() {
        let (dir, library) = temp_library();
        let site = Site {
            title: "Les Archives".into(),
            base_url: Some("https://example.org/".into()),
        };
        library.set_setting(&SITE, &site).expect("write");
        drop(library);
        let library = Library::open_in(dir.path()).expect("reopen");
        assert_eq!(library.setting(&SITE).expect("read"), Some(site));
    }

    #[test]
    fn setting_again_replaces_the_value() {
        let (_dir, library) = temp_library();
        library.set_setting(&SITE, &Site::default()).expect("first");
        let second = Site {
            title: "Deux".into(),
            base_url: None,
        };
        library.set_setting(&SITE, &second).expect("second");
        assert_eq!(library.setting(&SITE).expect("read"), Some(second));
    }

    #[test]
    fn update_starts_from_the_default_and_keeps_other_fields() {
        let (_dir, library) = temp_library();
        let stored = library
            .update_setting(&SITE, |site| site.title = "Édito".into())
            .expect("first update");
        assert_eq!(stored.title, "Édito");
        library
            .update_setting(&SITE, |site| site.base_url = Some("https://a.fr/".into()))
            .expect("second update");
        assert_eq!(
            library.setting(&SITE).expect("read"),
            Some(Site {
                title: "Édito".into(),
                base_url: Some("https://a.fr/".into()),
            })
        );
    }

    /// The welcome flag is plain text, not JSON: reading it as a setting must say which key is
    /// unreadable rather than fail somewhere else.
    #[test]
    fn a_value_that_is_not_the_type_is_refused_by_name() {
        let (_dir, library) = temp_library();
        library.offer_welcome_piece().expect("welcome");
        let err = library
            .setting(&SettingKey::<String>::new("welcome_offered"))
            .expect_err("a timestamp is not JSON");
        assert!(
            matches!(&err, LibraryError::BadSetting { key, .. } if key == "welcome_offered"),
            "{err:?}"
        );
    }
}
