//! Spell checking commands: the piece's Markdown (or the number of the preview render that
//! showed it, or one word) in, the core's answer out, on the blocking pool since the first
//! call in a language loads its dictionary.

use std::sync::Arc;

use edito::render::Lang;
use edito::spelling::{Misspelling, Speller, SpellingError};
use tauri::State;

use crate::{AppState, UiError};

/// Managed state: the one checker, its dictionaries loaded on first use.
pub struct SpellState(Arc<Speller>);

impl SpellState {
    /// A checker over the system dictionaries, with the writer's word list in `data_dir`.
    pub fn system() -> Self {
        SpellState(Arc::new(Speller::system(edito::paths::data_dir(None))))
    }

    /// Runs `work` with the checker on tokio's blocking pool, off the thread that paints.
    async fn run<T, F>(&self, work: F) -> Result<T, UiError>
    where
        T: Send + 'static,
        F: FnOnce(&Speller) -> Result<T, SpellingError> + Send + 'static,
    {
        let speller = Arc::clone(&self.0);
        tauri::async_runtime::spawn_blocking(move || work(&speller).map_err(UiError::from))
            .await
            .map_err(|_| UiError::internal())?
    }
}

/// The misspelt words of the piece's prose, with UTF-16 offsets (CodeMirror positions).
#[tauri::command]
pub async fn check_spelling(
    spell: State<'_, SpellState>,
    markdown: String,
    lang: Option<Lang>,
) -> Result<Vec<Misspelling>, UiError> {
    let lang = lang.unwrap_or_default();
    spell
        .run(move |speller| speller.check(&markdown, lang))
        .await
}

/// The misspelt words of the text of preview render `generation` (the window names the render
/// instead of sending the body again), or `None` when the preview has rendered something
/// else since: the window then sends the text with [`check_spelling`].
#[tauri::command]
pub async fn check_rendered_spelling(
    state: State<'_, AppState>,
    spell: State<'_, SpellState>,
    generation: u64,
    lang: Option<Lang>,
) -> Result<Option<Vec<Misspelling>>, UiError> {
    let Some(markdown) = state.rendered_text(generation) else {
        return Ok(None);
    };
    let lang = lang.unwrap_or_default();
    spell
        .run(move |speller| speller.check(&markdown, lang))
        .await
        .map(Some)
}

/// A few replacements for a misspelt word, best first.
#[tauri::command]
pub async fn spelling_suggestions(
    spell: State<'_, SpellState>,
    word: String,
    lang: Option<Lang>,
) -> Result<Vec<String>, UiError> {
    let lang = lang.unwrap_or_default();
    spell.run(move |speller| speller.suggest(&word, lang)).await
}

/// Adds a word to the writer's own list (`words.txt` in the data folder).
#[tauri::command]
pub async fn add_spelling_word(spell: State<'_, SpellState>, word: String) -> Result<(), UiError> {
    spell.run(move |speller| speller.add_word(&word)).await
}
