//! Spell checking cost: loading the French and English Hunspell dictionaries (once per launch,
//! on first use) and checking a 20,000-word French piece, both with the repeated vocabulary of
//! real prose and with 20,000 different words (no word checked twice: the worst case).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{criterion_group, Criterion};
use edito::render::Lang;
use edito::spelling::{Speller, SYSTEM_DICTIONARY_DIRS};

const WORDS: usize = 20_000;

/// Sentences of an editorial, with a few misspellings, as a writer's piece repeats them.
const SENTENCES: &[&str] = &[
    "L’année qui s’achève n’a pas été celle qu’on espérait pour la presse régionale.",
    "Aujourd’hui, les rédactions s’interrogent\u{202f}; demain, peut-être, elles s’uniront.",
    "«\u{a0}Nous n’avons jamais autant écrit\u{a0}», confie une journaliste du quotidien.",
    "Le gouvernment a annoncé des aides, mais personne ne sait quand elles arriveront.",
    "Est-ce la fin d’un modèle\u{202f}? Non, c’est le début d’un autre, plus fragile.",
    "Les lecteurs, d’abord\u{a0}; les annonceurs, ensuite\u{a0}: voilà l’ordre des choses.",
    "Dans lannée à venir, il faudra convaincre, expliquer, et surtout *écouter*.",
    "Voir [le rapport](https://exemple.fr/rapport-2026) et le code `edito export`.",
];

fn dirs() -> Vec<PathBuf> {
    SYSTEM_DICTIONARY_DIRS.iter().map(PathBuf::from).collect()
}

/// About `WORDS` words of prose in paragraphs of four sentences.
fn prose_piece() -> String {
    let mut piece = String::new();
    let mut words = 0;
    for (i, sentence) in SENTENCES.iter().cycle().enumerate() {
        if words >= WORDS {
            break;
        }
        piece.push_str(sentence);
        piece.push_str(if i % 4 == 3 { "\n\n" } else { " " });
        words += sentence.split_whitespace().count();
    }
    piece
}

/// `WORDS` different words: the first stems of the French dictionary, ten to a line.
fn distinct_words_piece() -> String {
    let dic = std::fs::read_to_string("/usr/share/hunspell/fr.dic").unwrap_or_default();
    let stems: Vec<&str> = dic
        .lines()
        .skip(1)
        .map(|line| line.split(['/', '\t', ' ']).next().unwrap_or(""))
        .filter(|stem| stem.chars().all(char::is_alphabetic) && !stem.is_empty())
        .take(WORDS)
        .collect();
    stems
        .chunks(10)
        .map(|line| line.join(" "))
        .collect::<Vec<_>>()
        .join(".\n\n")
}

fn bench_load(c: &mut Criterion) {
    let mut group = c.benchmark_group("spelling/load");
    group.sample_size(10);
    for (name, lang) in [("fr", Lang::Fr), ("en", Lang::En)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let speller = Speller::new(dirs(), None);
                black_box(speller.preload(lang).is_ok())
            })
        });
    }
    group.finish();
}

fn bench_check(c: &mut Criterion) {
    let speller = Speller::new(dirs(), None);
    if let Err(err) = speller.preload(Lang::Fr) {
        eprintln!("spelling bench skipped: {err}");
        return;
    }
    let mut group = c.benchmark_group("spelling/check-20000-words");
    group.sample_size(10);
    let prose = prose_piece();
    group.bench_function("prose", |b| {
        b.iter(|| black_box(speller.check(black_box(&prose), Lang::Fr).map(|m| m.len())))
    });
    let distinct = distinct_words_piece();
    group.bench_function("distinct-words", |b| {
        b.iter(|| {
            black_box(
                speller
                    .check(black_box(&distinct), Lang::Fr)
                    .map(|m| m.len()),
            )
        })
    });
    group.finish();
    let mut group = c.benchmark_group("spelling/suggest");
    group.sample_size(10);
    group.bench_function("gouvernment", |b| {
        b.iter(|| black_box(speller.suggest("gouvernment", Lang::Fr).map(|s| s.len())))
    });
    group.finish();
}

criterion_group!(benches, bench_load, bench_check);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
