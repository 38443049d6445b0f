//! Finds and loads the system's Hunspell dictionaries (Debian: `hunspell-fr`,
//! `hunspell-en-us`), once each, the first time a piece in that language is checked.

use std::path::{Path, PathBuf};

use spellbook::Dictionary;

use super::SpellingError;
use crate::render::Lang;

/// Where Debian and most distributions put Hunspell dictionaries.
pub const SYSTEM_DICTIONARY_DIRS: &[&str] = &["/usr/share/hunspell", "/usr/share/myspell/dicts"];

/// File stems to try for a language, most specific first.
fn stems(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Fr => &["fr_FR", "fr"],
        Lang::En => &["en_US", "en_GB"],
    }
}

/// Reads and parses the dictionary for `lang` from the first folder that has it. Parsing the
/// French one takes tens of milliseconds (see docs/SPELLCHECK.md): callers keep the result.
pub(crate) fn load(dirs: &[PathBuf], lang: Lang) -> Result<Dictionary, SpellingError> {
    let (aff_path, dic_path) = find(dirs, lang).ok_or(SpellingError::Missing { lang })?;
    let aff = read(&aff_path, lang)?;
    let dic = read(&dic_path, lang)?;
    Dictionary::new(&aff, &dic).map_err(|err| SpellingError::Unreadable {
        lang,
        reason: err.to_string(),
    })
}

fn find(dirs: &[PathBuf], lang: Lang) -> Option<(PathBuf, PathBuf)> {
    dirs.iter().find_map(|dir| {
        stems(lang).iter().find_map(|stem| {
            let aff = dir.join(format!("{stem}.aff"));
            let dic = dir.join(format!("{stem}.dic"));
            (aff.is_file() && dic.is_file()).then_some((aff, dic))
        })
    })
}

fn read(path: &Path, lang: Lang) -> Result<String, SpellingError> {
    std::fs::read_to_string(path).map_err(|err| SpellingError::Unreadable {
        lang,
        reason: err.to_string(),
    })
}
