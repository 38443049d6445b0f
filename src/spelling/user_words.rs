//! The writer's own words (names, jargon), one a line in `<data dir>/words.txt`: read the first
//! time they are needed, appended to when the writer adds one.

use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;
use std::sync::{OnceLock, RwLock};

use super::SpellingError;

/// The word list and its file.
pub(crate) struct UserWords {
    path: Option<PathBuf>,
    words: OnceLock<RwLock<HashSet<String>>>,
}

impl UserWords {
    pub(crate) fn new(path: Option<PathBuf>) -> Self {
        UserWords {
            path,
            words: OnceLock::new(),
        }
    }

    /// True for a listed word, written with either apostrophe, or capitalised at a sentence
    /// start (Hunspell's rule for its own words).
    pub(crate) fn contains(&self, word: &str) -> bool {
        let words = self
            .words()
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let straight = word.replace('’', "'");
        words.contains(&straight) || words.contains(&lower_first(&straight))
    }

    /// Saves `word` (apostrophes made straight, so both forms pass) and accepts it from now on.
    pub(crate) fn add(&self, word: &str) -> Result<(), SpellingError> {
        let word = word.trim().replace('’', "'");
        if word.is_empty() || word.contains(char::is_whitespace) {
            return Ok(());
        }
        if let Some(path) = &self.path {
            append_line(path, &word).map_err(|err| SpellingError::WordList {
                path: path.display().to_string(),
                reason: err.to_string(),
            })?;
        }
        let mut words = self
            .words()
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        words.insert(word);
        Ok(())
    }

    fn words(&self) -> &RwLock<HashSet<String>> {
        self.words.get_or_init(|| {
            // A missing list is the normal case (no word added yet); an unreadable one is
            // treated the same, so checking still works.
            let text = self
                .path
                .as_ref()
                .and_then(|path| std::fs::read_to_string(path).ok())
                .unwrap_or_default();
            let words = text
                .lines()
                .map(|line| line.trim().replace('’', "'"))
                .filter(|line| !line.is_empty())
                .collect();
            RwLock::new(words)
        })
    }
}

fn lower_first(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn append_line(path: &PathBuf, word: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(file, "{word}")
}
