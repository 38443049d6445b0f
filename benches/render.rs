//! Rendering throughput: bare pulldown-cmark `push_html`, Edito's full pipeline (parse,
//! typography, safety, source map, counts) and comrak with GFM options, on the same inputs:
//! a ~100 KB and a ~1 MB French piece, a ~10 MB mixed corpus, and a 20,000-word piece.

use std::hint::black_box;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use edito::render::{parser_options, render, render_fragment, Lang, RenderOptions};

/// Deterministic pseudo-random numbers (xorshift), so every run sees the same text.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const FR_WORDS: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "à",
    "en",
    "pour",
    "que",
    "qui",
    "dans",
    "sur",
    "par",
    "avec",
    "ne",
    "pas",
    "plus",
    "rédaction",
    "journal",
    "édito",
    "lecteur",
    "république",
    "année",
    "société",
    "été",
    "était",
    "avait",
    "déjà",
    "entre",
    "après",
    "moins",
    "gouvernement",
    "économie",
    "presse",
    "liberté",
    "histoire",
    "débat",
    "réforme",
    "publié",
    "magazine",
    "rédacteur",
    "chronique",
    "enquête",
    "témoignage",
    "politique",
    "culture",
];
const EN_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "by",
    "newsroom", "editor", "reader", "story", "column", "report", "history", "freedom", "press",
];

fn sentence(rng: &mut Rng, words: &[&str], french: bool, out: &mut String) {
    let len = 8 + rng.below(14);
    for i in 0..len {
        if i > 0 {
            out.push(' ');
        }
        let word = words[rng.below(words.len())];
        match rng.below(40) {
            0 => out.push_str(&format!("**{word}**")),
            1 => out.push_str(&format!("*{word}*")),
            2 => out.push_str(&format!("\"{word} {}\"", words[rng.below(words.len())])),
            3 if french => out.push_str(&format!("l'{word}")),
            4 => out.push_str(&format!("[{word}](https://exemple.fr/{word})")),
            5 => out.push_str(&format!(
                "{}-{}",
                1900 + rng.below(100),
                2000 + rng.below(25)
            )),
            6 => out.push_str(&format!("`{word}`")),
            _ => out.push_str(word),
        }
    }
    out.push_str(match (french, rng.below(8)) {
        (true, 0) => " ?",
        (true, 1) => " !",
        (true, 2) => " : voilà.",
        (_, 3) => "...",
        _ => ".",
    });
}

fn paragraph(rng: &mut Rng, words: &[&str], french: bool, out: &mut String) {
    for _ in 0..3 + rng.below(4) {
        sentence(rng, words, french, out);
        out.push(if rng.below(3) == 0 { '\n' } else { ' ' });
    }
    out.push_str("\n\n");
}

fn block(rng: &mut Rng, words: &[&str], french: bool, out: &mut String) {
    match rng.below(12) {
        0 => out.push_str("## Un intertitre pour la suite\n\n"),
        1 => out.push_str("- premier point\n- second point, l'essentiel\n- dernier point\n\n"),
        2 => {
            out.push_str("> ");
            sentence(rng, words, french, out);
            out.push_str("\n\n");
        }
        _ => paragraph(rng, words, french, out),
    }
}

/// A French piece of about `size` bytes, written like an editorial.
fn french_piece(size: usize) -> String {
    let mut rng = Rng(0x5eed_f00d);
    let mut out = String::with_capacity(size + 1024);
    out.push_str("# Éditorial\n\n");
    while out.len() < size {
        block(&mut rng, FR_WORDS, true, &mut out);
    }
    out
}

/// About 10 MB of mixed Markdown: French and English prose, code, tables, raw HTML and the
/// CommonMark spec itself (the hardest cases for a parser).
fn mixed_corpus() -> String {
    let spec = include_str!("../tests/fixtures/render/commonmark-spec.txt");
    let mut rng = Rng(42);
    let mut out = String::with_capacity(10_500_000);
    while out.len() < 10_000_000 {
        match rng.below(10) {
            0 => {
                out.push_str("```rust\nfn main() {\n    println!(\"l'année : 10:30\");\n}\n```\n\n")
            }
            1 => out.push_str(
                "| Titre | Année |\n|---|---:|\n| L'édito | 1964-2009 |\n| Presse | 2024 |\n\n",
            ),
            2 => out.push_str("Un <abbr title=\"HyperText\">HTML</abbr> brut et <sup>2</sup>.\n\n"),
            3 => block(&mut rng, EN_WORDS, false, &mut out),
            4 if rng.below(20) == 0 => out.push_str(spec),
            _ => block(&mut rng, FR_WORDS, true, &mut out),
        }
    }
    out
}

fn bare_pulldown(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(markdown, parser_options()),
    );
    html
}

fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.tasklist = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options
}

/// What the app's preview asks for: French typography and the source map.
fn full_options() -> RenderOptions {
    RenderOptions {
        lang: Lang::Fr,
        typography: true,
        source_map: true,
        ..RenderOptions::default()
    }
}

/// The same without the source map (the exports, which also skip the counts).
fn no_map_options() -> RenderOptions {
    RenderOptions {
        source_map: false,
        ..full_options()
    }
}

fn throughput(c: &mut Criterion) {
    let inputs = [
        ("fr-100KB", french_piece(100_000)),
        ("fr-1MB", french_piece(1_000_000)),
        ("mixed-10MB", mixed_corpus()),
    ];
    let comrak = comrak_options();
    let options = full_options();
    let no_map = no_map_options();
    let mut group = c.benchmark_group("render");
    for (name, input) in &inputs {
        if *name == "mixed-10MB" {
            group.sample_size(10);
        }
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(BenchmarkId::new("pulldown-cmark", name), input, |b, md| {
            b.iter(|| bare_pulldown(black_box(md)))
        });
        // The issue's pipeline: parse, typography, safety, source map.
        group.bench_with_input(BenchmarkId::new("edito", name), input, |b, md| {
            b.iter(|| render_fragment(black_box(md), &options))
        });
        // What the preview calls: the same and the counts.
        group.bench_with_input(BenchmarkId::new("edito+counts", name), input, |b, md| {
            b.iter(|| render(black_box(md), &options))
        });
        // What the exports call: no source map, no counts.
        group.bench_with_input(BenchmarkId::new("edito-export", name), input, |b, md| {
            b.iter(|| render_fragment(black_box(md), &no_map))
        });
        group.bench_with_input(BenchmarkId::new("comrak", name), input, |b, md| {
            b.iter(|| comrak::markdown_to_html(black_box(md), &comrak))
        });
    }
    group.finish();
}

/// A French piece of at least 20,000 words.
fn twenty_thousand_word_piece() -> String {
    let mut piece = french_piece(100_000);
    while render(&piece, &full_options()).counts.words < 20_000 {
        piece.push_str(&french_piece(10_000));
    }
    piece
}

fn twenty_thousand_words(c: &mut Criterion) {
    let piece = twenty_thousand_word_piece();
    let words = render(&piece, &full_options()).counts.words;
    c.bench_function(&format!("render-with-counts/{words}-words"), |b| {
        b.iter(|| render(black_box(&piece), &full_options()))
    });
}

criterion_group!(benches, throughput, twenty_thousand_words);

/// One render of one input, for an instruction count under callgrind (exact on a loaded
/// machine, where wall-clock time is not): `EDITO_RENDER_ONCE=edito:fr-1MB valgrind
/// --tool=callgrind --toggle-collect='*render_once*' target/release/deps/render-…`.
/// Engines: `pulldown-cmark`, `edito` (no counts), `edito+counts`, `edito-export`, `comrak`;
/// inputs: `fr-100KB`,
/// `fr-1MB`, `mixed-10MB`, `20k-words`.
fn once(spec: &str) {
    let (engine, input) = spec.split_once(':').unwrap_or((spec, "fr-1MB"));
    let markdown = match input {
        "fr-100KB" => french_piece(100_000),
        "mixed-10MB" => mixed_corpus(),
        "20k-words" => twenty_thousand_word_piece(),
        _ => french_piece(1_000_000),
    };
    let bytes = render_once(engine, &markdown);
    println!(
        "{engine} on {input}: {} bytes in, {bytes} bytes out",
        markdown.len()
    );
}

#[inline(never)]
fn render_once(engine: &str, markdown: &str) -> usize {
    match engine {
        "pulldown-cmark" => bare_pulldown(markdown).len(),
        "edito+counts" => render(markdown, &full_options()).html.len(),
        "edito-export" => render_fragment(markdown, &no_map_options()).len(),
        "comrak" => comrak::markdown_to_html(markdown, &comrak_options()).len(),
        _ => render_fragment(markdown, &full_options()).len(),
    }
}

fn main() {
    if let Ok(spec) = std::env::var("EDITO_RENDER_ONCE") {
        once(&spec);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
