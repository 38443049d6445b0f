//! Checks against the system dictionaries (Debian `hunspell-fr`, `hunspell-en-us`, installed
//! by `make`), with sentences from a French editorial.

use std::sync::OnceLock;

use super::*;

/// One checker for the whole test binary: the French dictionary is loaded once.
fn speller() -> &'static Speller {
    static SPELLER: OnceLock<Speller> = OnceLock::new();
    SPELLER.get_or_init(|| Speller::system(None))
}

fn marked(markdown: &str, lang: Lang) -> Vec<String> {
    speller()
        .check(markdown, lang)
        .expect("dictionaries installed")
        .into_iter()
        .map(|m| m.word)
        .collect()
}

const EDITORIAL: &str = "---\ntitle: L’année des choix\n---\n\
# L’année des choix\n\n\
Il faut le dire d’emblée\u{a0}: l’année qui s’achève n’a pas été celle qu’on espérait. \
Aujourd’hui, les rédactions s’interrogent\u{202f}; demain, peut-être, elles s’uniront.\n\n\
«\u{a0}Nous n’avons jamais autant écrit\u{a0}», confie une journaliste, qu'il faut croire. \
Le 1er janvier 2026, la presse régionale comptait 42 titres de moins qu’en 2016.\n\n\
> Est-ce la fin d’un modèle\u{202f}? Non, c’est le début d’un autre.\n\n\
- les lecteurs, d’abord\u{a0};\n- les annonceurs, ensuite.\n";

#[test]
fn a_correct_french_editorial_has_no_marks() {
    assert_eq!(marked(EDITORIAL, Lang::Fr), Vec::<String>::new());
}

#[test]
fn misspellings_and_english_words_are_marked_in_a_french_piece() {
    let text = "Pendant lannée, le gouvernment a parlé de welcome aux réfugiés.";
    assert_eq!(marked(text, Lang::Fr), ["lannée", "gouvernment", "welcome"]);
}

#[test]
fn french_words_are_marked_in_an_english_piece() {
    assert_eq!(
        marked("The government said l’année was over.", Lang::En),
        ["l’année"]
    );
}

#[test]
fn code_and_urls_are_not_marked() {
    let text = "Lancez `edito exprt` puis ouvrez <https://exemple.fr/pagge> ou \
                [le site](https://exemple.fr/artcle) et https://exemple.fr/xyzzy.\n\n\
                ```rust\nlet gouvernment = 1;\n```\n";
    assert_eq!(marked(text, Lang::Fr), Vec::<String>::new());
}

#[test]
fn hyphenated_and_capitalised_words_pass() {
    let text = "Peut-être. A-t-il vu Jean-Pierre\u{a0}? Va-t-en\u{202f}! Les États-Unis.";
    assert_eq!(marked(text, Lang::Fr), Vec::<String>::new());
}

#[test]
fn offsets_are_utf16_code_units() {
    // `à` is 2 bytes but 1 UTF-16 unit; `🙂` is 4 bytes and 2 units.
    let text = "à🙂 gouvernment";
    let found = speller().check(text, Lang::Fr).expect("dictionary");
    assert_eq!(
        found,
        [Misspelling {
            from: 4,
            to: 15,
            word: "gouvernment".into()
        }]
    );
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(String::from_utf16_lossy(&units[4..15]), "gouvernment");
}

#[test]
fn offsets_count_the_front_matter() {
    let text = "---\ntitle: x\n---\nUn mott.";
    let found = speller().check(text, Lang::Fr).expect("dictionary");
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].from..found[0].to], "mott");
}

#[test]
fn suggestions_offer_the_right_word_and_stay_short() {
    let suggestions = speller()
        .suggest("gouvernment", Lang::Fr)
        .expect("dictionary");
    assert!(
        suggestions.iter().any(|s| s == "gouvernement"),
        "{suggestions:?}"
    );
    assert!(suggestions.len() <= MAX_SUGGESTIONS);
    let suggestions = speller().suggest("lannée", Lang::Fr).expect("dictionary");
    assert!(
        suggestions.iter().any(|s| s == "l’année" || s == "année"),
        "{suggestions:?}"
    );
}

#[test]
fn a_missing_dictionary_is_a_clear_error() {
    let empty = tempfile::tempdir().expect("temp dir");
    let speller = Speller::new(vec![empty.path().to_path_buf()], None);
    let err = speller
        .check("Bonjour", Lang::Fr)
        .expect_err("no dictionary in an empty folder");
    assert_eq!(err, SpellingError::Missing { lang: Lang::Fr });
    assert_eq!(
        err.to_string(),
        "dictionnaire français absent: installez hunspell-fr"
    );
}

#[test]
fn words_the_writer_adds_are_no_longer_marked_and_are_saved() {
    let data = tempfile::tempdir().expect("temp dir");
    let list = data.path().join("words.txt");
    let dirs = SYSTEM_DICTIONARY_DIRS.iter().map(PathBuf::from).collect();
    let speller = Speller::new(dirs, Some(list.clone()));
    assert_eq!(
        speller.check("Un zorglub.", Lang::Fr).expect("dict").len(),
        1
    );
    speller.add_word("zorglub").expect("saved");
    assert!(speller
        .check("Un zorglub.", Lang::Fr)
        .expect("dict")
        .is_empty());
    let capitalised = speller.check("Zorglub l’a dit.", Lang::Fr).expect("dict");
    assert!(capitalised.is_empty(), "{capitalised:?}");
    let other = speller.check("Un zorglubb.", Lang::Fr).expect("dict");
    assert_eq!(other.len(), 1);
    assert_eq!(std::fs::read_to_string(&list).expect("list"), "zorglub\n");
    // A new checker (the next launch) reads the list back.
    let dirs = SYSTEM_DICTIONARY_DIRS.iter().map(PathBuf::from).collect();
    let again = Speller::new(dirs, Some(list));
    assert!(again
        .check("Un zorglub.", Lang::Fr)
        .expect("dict")
        .is_empty());
}
