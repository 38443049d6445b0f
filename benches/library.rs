//! Library benchmarks on generated libraries of 10,000 and 100,000 pieces of ~2,500 signes:
//! save (autosave and save point, NORMAL and FULL), filtered list, search (rare, common,
//! prefix) and open; search in a library holding one 50 MB piece (issue #13, item 8: goal
//! < 1 s for every query). Generated files are cached in `target/bench-libraries/` (the 100k one
//! takes a few minutes to build). Figures go into docs/PERFORMANCE.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use edito::library::{
    NewPiece, PieceEdit, PieceFields, PieceFilter, SaveKind, SearchQuery, Status, Synchronous,
};
use edito::Library;

/// Pieces holding the rare word: one in 10,000.
const RARE_EVERY: usize = 10_000;
const RARE_WORD: &str = "zygomatique";

/// Short grammatical words: about half of the words of any French text.
const FUNCTION_WORDS: &[&str] = &[
    "le", "la", "les", "de", "des", "du", "un", "une", "et", "à", "en", "pour", "que", "qui",
    "dans", "sur", "avec", "par", "plus", "pas", "ne", "se", "ce", "cette", "nous", "vous",
];
/// Content words placed at the head of the vocabulary (most frequent first); the rédac*
/// family sits further down (see [`Vocabulary`]), like a word found in a few % of pieces.
const CONTENT_WORDS: &[&str] = &[
    "année",
    "magazine",
    "lecteurs",
    "client",
    "relation",
    "entreprise",
    "marché",
    "économie",
    "société",
    "numéro",
    "édition",
    "été",
    "hiver",
    "réseau",
    "téléphone",
    "centre",
    "contact",
    "qualité",
    "service",
    "équipe",
    "conseiller",
    "écoute",
    "confiance",
    "fidélité",
    "expérience",
    "parcours",
    "données",
    "intelligence",
    "artificielle",
    "humain",
    "métier",
    "formation",
    "salon",
    "prix",
    "innovation",
    "stratégie",
    "direction",
    "transformation",
    "numérique",
    "canal",
    "voix",
    "attente",
    "satisfaction",
    "promesse",
    "marque",
    "engagement",
    "collaborateurs",
    "télétravail",
    "management",
    "crise",
    "croissance",
    "avenir",
    "question",
    "réponse",
    "toujours",
    "jamais",
    "souvent",
    "demain",
    "hier",
];
const REDAC_WORDS: &[&str] = &["rédaction", "rédacteur", "rédactionnel"];
const SYLLABLES: &[&str] = &[
    "ra", "to", "mi", "pé", "lu", "char", "ven", "sou", "tion", "ment", "deau", "gre", "fli",
    "nor", "qué", "bé", "li", "ri", "zon", "cal", "fo", "nè", "vi", "ta",
];
/// Distinct words in the generated vocabulary.
const VOCABULARY: usize = 5_000;

/// A Zipf-like vocabulary: a few words in nearly every piece, most in very few.
struct Vocabulary(Vec<String>);

impl Vocabulary {
    fn new() -> Self {
        let mut words: Vec<String> = CONTENT_WORDS.iter().map(|w| w.to_string()).collect();
        let mut i = 0usize;
        while words.len() < VOCABULARY {
            if words.len() == 900 {
                words.extend(REDAC_WORDS.iter().map(|w| w.to_string()));
            }
            let mut word = String::new();
            let mut k = i + 7;
            for _ in 0..(2 + i % 3) {
                word.push_str(SYLLABLES[k % SYLLABLES.len()]);
                k /= SYLLABLES.len();
                k += i % 5;
            }
            if !words.contains(&word) {
                words.push(word);
            }
            i += 1;
        }
        Vocabulary(words)
    }

    fn word<'a>(&'a self, rng: &mut Rng) -> &'a str {
        if rng.next() % 2 == 0 {
            return rng.pick(FUNCTION_WORDS);
        }
        let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
        let index = (u * u * u * self.0.len() as f64) as usize;
        &self.0[index.min(self.0.len() - 1)]
    }
}

const TAGS: &[&str] = &[
    "Relation client",
    "Économie",
    "Europe",
    "Numérique",
    "Management",
    "Formation",
    "IA",
    "Téléphonie",
    "Qualité",
    "Salons",
    "Portrait",
    "Enquête",
    "Tribune",
    "RH",
    "Data",
];
const CATEGORIES: &[&str] = &[
    "Editos du magazine En-Contact",
    "Tribunes",
    "Portraits",
    "Dossiers",
];

/// A tiny xorshift generator: reproducible text without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 16) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// About `signs` characters of French-looking prose in paragraphs.
fn french_text(vocabulary: &Vocabulary, rng: &mut Rng, signs: usize) -> String {
    let mut text = String::with_capacity(signs + 64);
    while text.chars().count() < signs {
        let words = 8 + rng.next() % 14;
        for i in 0..words {
            let word = vocabulary.word(rng);
            if i == 0 {
                let mut chars = word.chars();
                text.extend(chars.next().into_iter().flat_map(char::to_uppercase));
                text.push_str(chars.as_str());
            } else {
                text.push(' ');
                text.push_str(word);
            }
        }
        text.push_str(if rng.next() % 6 == 0 { ".\n\n" } else { ". " });
    }
    text
}

fn generated_piece(vocabulary: &Vocabulary, rng: &mut Rng, index: usize) -> NewPiece {
    let mut body = french_text(vocabulary, rng, 2_500);
    if index % RARE_EVERY == 0 {
        body.push_str(RARE_WORD);
    }
    NewPiece {
        fields: PieceFields {
            title: french_text(vocabulary, rng, 40).trim_end().to_string(),
            standfirst: french_text(vocabulary, rng, 200),
            body,
            author: "Manuel Jacquinet".into(),
            category: rng.pick(CATEGORIES).into(),
            publication_date: Some(format!(
                "{}-{:02}-{:02}",
                2016 + rng.next() % 10,
                1 + rng.next() % 12,
                1 + rng.next() % 28
            )),
            ..PieceFields::default()
        },
        status: Some(Status::ALL[rng.next() % Status::ALL.len()]),
        tags: vec![rng.pick(TAGS).into(), rng.pick(TAGS).into()],
        slug: None,
        ..NewPiece::default()
    }
}

/// The cached library of `count` pieces, generated on first use.
fn cached_library(count: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-libraries");
    let path = dir.join(format!("library-{count}.db"));
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("bench dir");
    let partial = dir.join(format!("partial-{count}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    eprintln!(
        "generating {count} pieces into {} (cached for later runs)",
        path.display()
    );
    {
        let library = Library::open_file(&partial).expect("open");
        library.set_synchronous(Synchronous::Normal);
        let mut rng = Rng(0x5eed_1234_abcd_ef01);
        let vocabulary = Vocabulary::new();
        for start in (0..count).step_by(5_000) {
            let batch: Vec<NewPiece> = (start..(start + 5_000).min(count))
                .map(|i| generated_piece(&vocabulary, &mut rng, i))
                .collect();
            library.create_pieces(&batch).expect("insert batch");
        }
        // What a maintained library looks like (the app runs this daily).
        library.optimize().expect("optimize");
    }
    std::fs::rename(&partial, &path).expect("cache");
    path
}

/// A private copy of the cached library, for benchmarks that write.
fn scratch_copy(count: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir_in(Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
        .expect("temp dir");
    let path = dir.path().join("library.db");
    std::fs::copy(cached_library(count), &path).expect("copy");
    (dir, path)
}

fn report_size(path: &Path) {
    let bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    eprintln!("file size {}: {:.1} MB", path.display(), bytes as f64 / 1e6);
}

fn bench_save(c: &mut Criterion) {
    let (_dir, path) = scratch_copy(10_000);
    let library = Library::open_file(&path).expect("open");
    let mut group = c.benchmark_group("save_10k");
    for (mode, label) in [(Synchronous::Normal, "normal"), (Synchronous::Full, "full")] {
        library.set_synchronous(mode);
        for (kind, kind_label) in [
            (SaveKind::Autosave, "autosave"),
            (SaveKind::SavePoint, "save_point"),
        ] {
            let mut piece = library.get_piece(4_242).expect("piece");
            let mut n = 0u64;
            group.bench_function(format!("{kind_label}_{label}"), |b| {
                b.iter(|| {
                    n += 1;
                    let mut fields = piece.fields.clone();
                    fields.body.push_str(if n % 2 == 0 { " a" } else { " b" });
                    piece = library
                        .save_piece(&PieceEdit {
                            id: piece.id,
                            base_version: piece.version,
                            kind,
                            fields,
                            slug: None,
                            tags: None,
                            extra: None,
                        })
                        .expect("save");
                });
            });
        }
    }
    group.finish();
}

fn bench_list(c: &mut Criterion) {
    let path = cached_library(10_000);
    report_size(&path);
    let library = Library::open_file(&path).expect("open");
    let mut group = c.benchmark_group("list_10k");
    let filters = [
        ("all", PieceFilter::default()),
        (
            "tag_and_status",
            PieceFilter {
                tags: vec!["relation client".into()],
                statuses: vec![Status::Draft, Status::Review],
                ..PieceFilter::default()
            },
        ),
        (
            "category_and_dates",
            PieceFilter {
                category: Some("Tribunes".into()),
                published_from: Some("2024-01-01".into()),
                published_to: Some("2024-12-31".into()),
                ..PieceFilter::default()
            },
        ),
    ];
    for (label, filter) in filters {
        group.bench_function(label, |b| {
            b.iter(|| black_box(library.list_pieces(&filter).expect("list")));
        });
    }
    group.finish();
}

fn bench_search(c: &mut Criterion) {
    let path = cached_library(100_000);
    report_size(&path);
    let library = Library::open_file(&path).expect("open");
    let mut group = c.benchmark_group("search_100k");
    for (label, text) in [
        ("rare", RARE_WORD),
        ("common", "annee"),
        ("prefix", "redac*"),
    ] {
        let query = SearchQuery {
            text: text.into(),
            filter: PieceFilter {
                limit: Some(50),
                ..PieceFilter::default()
            },
        };
        let hits = library.search(&query).expect("search");
        assert!(!hits.is_empty(), "{text} finds something");
        let all = library
            .search(&SearchQuery {
                filter: PieceFilter {
                    limit: Some(200_000),
                    ..PieceFilter::default()
                },
                ..query.clone()
            })
            .expect("count");
        eprintln!("search {text}: {} matching pieces", all.len());
        group.bench_function(label, |b| {
            b.iter(|| black_box(library.search(&query).expect("search")));
        });
    }
    let mut filtered = SearchQuery {
        text: "annee".into(),
        ..SearchQuery::default()
    };
    filtered.filter.tags = vec!["Europe".into()];
    filtered.filter.statuses = vec![Status::Ready];
    group.bench_function("common_with_filters", |b| {
        b.iter(|| black_box(library.search(&filtered).expect("search")));
    });
    group.finish();
}

/// Bytes of the large piece's body (issue #13, item 8: "a library holding a 50 MB piece").
const LARGE_BODY_BYTES: usize = 50 * 1024 * 1024;
/// The word found once, at the very end of the large body. It starts with `é`, like many
/// French words, so a scan that folds every candidate word pays its worst case.
const LAST_WORD: &str = "épilogue";

/// The cached library of one 50 MB piece of French words ending with [`LAST_WORD`], and one
/// small piece, generated on first use.
fn cached_large_library() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-libraries");
    let path = dir.join("library-large.db");
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(&dir).expect("bench dir");
    let partial = dir.join("partial-large.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    eprintln!("generating a 50 MB piece into {}", path.display());
    {
        let library = Library::open_file(&partial).expect("open");
        library.set_synchronous(Synchronous::Normal);
        let mut rng = Rng(0x5eed_5000_0000_0001);
        let vocabulary = Vocabulary::new();
        let mut body = String::with_capacity(LARGE_BODY_BYTES + 4096);
        while body.len() < LARGE_BODY_BYTES {
            // Paragraphs of ~2,500 signes: generated by length in bytes, the whole body at once
            // would recount its characters at every sentence.
            body.push_str(&french_text(&vocabulary, &mut rng, 2_500));
        }
        body.push_str(LAST_WORD);
        body.push('\n');
        let mut small = generated_piece(&vocabulary, &mut rng, 1);
        small.fields.title = "Le marché de l'année".into();
        let mut large = generated_piece(&vocabulary, &mut rng, 1);
        large.fields.title = "Les archives".into();
        large.fields.body = body;
        library.create_pieces(&[small, large]).expect("insert");
        library.optimize().expect("optimize");
    }
    std::fs::rename(&partial, &path).expect("cache");
    path
}

fn bench_search_large(c: &mut Criterion) {
    let path = cached_large_library();
    report_size(&path);
    let library = Library::open_file(&path).expect("open");
    let mut group = c.benchmark_group("search_50mb");
    group.sample_size(10);
    for (label, text) in [
        ("common", "annee"),
        ("once_at_end", LAST_WORD),
        ("prefix", "redac*"),
        ("two_words", "marché économie"),
    ] {
        let query = SearchQuery {
            text: text.into(),
            ..SearchQuery::default()
        };
        let hits = library.search(&query).expect("search");
        assert!(
            hits.iter()
                .any(|hit| hit.snippet.iter().any(|segment| segment.highlight)),
            "{text}: a snippet showing the match"
        );
        group.bench_function(label, |b| {
            b.iter(|| black_box(library.search(&query).expect("search")));
        });
    }
    group.finish();
}

fn bench_open(c: &mut Criterion) {
    let path = cached_library(10_000);
    c.bench_function("open_10k", |b| {
        b.iter(|| black_box(Library::open_file(&path).expect("open")));
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = bench_open, bench_list, bench_save, bench_search, bench_search_large
}
criterion_main!(benches);
