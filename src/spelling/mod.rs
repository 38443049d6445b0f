//! Spell checking in the piece's language, in the core: the words of prose in a Markdown piece
//! are checked against the system's Hunspell dictionaries (through `spellbook`, pure Rust) and
//! the misspellings come back with UTF-16 offsets, the positions CodeMirror uses.

mod dictionaries;
mod user_words;
mod words;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde::Serialize;
use spellbook::Dictionary;

pub use dictionaries::SYSTEM_DICTIONARY_DIRS;
use user_words::UserWords;

use crate::render::Lang;

/// Most suggestions offered for one word: a short menu reads faster.
pub const MAX_SUGGESTIONS: usize = 6;

/// A word the dictionary does not know, at `from..to` in UTF-16 code units of the Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Misspelling {
    /// Start of the word (UTF-16 code units from the start of the Markdown).
    pub from: usize,
    /// End of the word, exclusive.
    pub to: usize,
    /// The word as written.
    pub word: String,
}

/// What can stop spell checking; the writer can fix each by installing or repairing a package.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpellingError {
    /// No dictionary for the language in the system folders.
    #[error("{}", missing_message(.lang))]
    Missing {
        /// The piece's language.
        lang: Lang,
    },
    /// A dictionary is there but cannot be read or parsed.
    #[error("the {lang} dictionary could not be read ({reason}): reinstall {}", package(.lang))]
    Unreadable {
        /// The piece's language.
        lang: Lang,
        /// What went wrong, for the log.
        reason: String,
    },
    /// The writer's word list could not be saved.
    #[error("the personal word list `{path}` could not be saved ({reason}): check that the data folder is writable")]
    WordList {
        /// The word list's path.
        path: String,
        /// What went wrong.
        reason: String,
    },
}

fn missing_message(lang: &Lang) -> &'static str {
    match lang {
        Lang::Fr => "dictionnaire français absent: installez hunspell-fr",
        Lang::En => "dictionnaire anglais absent: installez hunspell-en-us",
    }
}

fn package(lang: &Lang) -> &'static str {
    match lang {
        Lang::Fr => "hunspell-fr",
        Lang::En => "hunspell-en-us",
    }
}

/// The spell checker: one lazily loaded dictionary per language, plus the writer's own words.
/// Share it behind an `Arc`; every method takes `&self` and is safe from several threads.
pub struct Speller {
    dirs: Vec<PathBuf>,
    french: OnceLock<Result<Dictionary, SpellingError>>,
    english: OnceLock<Result<Dictionary, SpellingError>>,
    user_words: UserWords,
}

impl Speller {
    /// A checker over the dictionaries in `dirs` (first match wins) and the word list at
    /// `user_words` (one word a line; none: no personal words). Nothing is read yet.
    pub fn new(dirs: Vec<PathBuf>, user_words: Option<PathBuf>) -> Self {
        Speller {
            dirs,
            french: OnceLock::new(),
            english: OnceLock::new(),
            user_words: UserWords::new(user_words),
        }
    }

    /// A checker over the system dictionaries, with the word list `<data dir>/words.txt`.
    pub fn system(data_dir: Option<PathBuf>) -> Self {
        let dirs = SYSTEM_DICTIONARY_DIRS.iter().map(PathBuf::from).collect();
        Speller::new(dirs, data_dir.map(|dir| dir.join("words.txt")))
    }

    /// Loads the dictionary for `lang` now if it is not loaded yet (call it off the UI thread);
    /// `check` and `suggest` do it themselves on first use.
    pub fn preload(&self, lang: Lang) -> Result<(), SpellingError> {
        self.dictionary(lang).map(|_| ())
    }

    fn dictionary(&self, lang: Lang) -> Result<&Dictionary, SpellingError> {
        let cell = match lang {
            Lang::Fr => &self.french,
            Lang::En => &self.english,
        };
        cell.get_or_init(|| dictionaries::load(&self.dirs, lang))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The misspelt words of the prose of `markdown`, in source order.
    pub fn check(&self, markdown: &str, lang: Lang) -> Result<Vec<Misspelling>, SpellingError> {
        let dictionary = self.dictionary(lang)?;
        let mut known: HashMap<&str, bool> = HashMap::new();
        let mut offsets = Utf16Offsets::new(markdown);
        let mut misspelt = Vec::new();
        for range in words::prose_words(markdown) {
            let word = &markdown[range.clone()];
            let correct = *known
                .entry(word)
                .or_insert_with(|| self.is_correct(dictionary, word));
            if !correct {
                misspelt.push(Misspelling {
                    from: offsets.at(range.start),
                    to: offsets.at(range.end),
                    word: word.to_owned(),
                });
            }
        }
        Ok(misspelt)
    }

    /// Up to [`MAX_SUGGESTIONS`] replacements for `word`, best first.
    pub fn suggest(&self, word: &str, lang: Lang) -> Result<Vec<String>, SpellingError> {
        let dictionary = self.dictionary(lang)?;
        let mut suggestions = Vec::new();
        dictionary.suggest(word.trim(), &mut suggestions);
        suggestions.truncate(MAX_SUGGESTIONS);
        Ok(suggestions)
    }

    /// Adds `word` to the writer's word list (saved at once): it is never marked again.
    pub fn add_word(&self, word: &str) -> Result<(), SpellingError> {
        self.user_words.add(word)
    }

    fn is_correct(&self, dictionary: &Dictionary, word: &str) -> bool {
        if dictionary.check(word) || self.user_words.contains(word) {
            return true;
        }
        // Hunspell's own rule for compounds it does not list: `porte-voix-géant` passes when
        // each part does.
        word.contains('-')
            && word.split('-').all(|part| {
                part.is_empty() || dictionary.check(part) || self.user_words.contains(part)
            })
    }
}

/// Converts byte offsets, asked in increasing order, to UTF-16 code units in one pass.
struct Utf16Offsets<'a> {
    text: &'a str,
    byte: usize,
    unit: usize,
}

impl<'a> Utf16Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Offsets {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.unit = 0;
        }
        let between = self.text.get(self.byte..byte).unwrap_or_default();
        self.unit += between.chars().map(char::len_utf16).sum::<usize>();
        self.byte = byte;
        self.unit
    }
}

#[cfg(test)]
mod tests;
