//! Export benchmarks: a single standalone page, the static archive of 1,000 published
//! pieces of ~2,500 signes each, from articles and from the library (goals: < 5 ms and < 2 s),
//! and the model editorial for print (DOCX, ICML < 20 ms; PDF < 300 ms); figures in
//! docs/PERFORMANCE.md. Run `cargo bench -p edito --features proof --bench export` for the PDF.

use std::hint::black_box;
use std::sync::atomic::AtomicBool;

use criterion::{criterion_group, criterion_main, Criterion};
use edito::export::{
    library_articles, Article, ExportFormat, Exporter, SiteSelection, SiteSettings,
};
use edito::library::{Lang, PieceFields, Status};
use edito::{Library, NewPiece};

const PARAGRAPH: &str = "Le téléphone sonne, et **tout commence** : celui qui décroche porte la voix \
de l'entreprise entière. Les équipes apprennent à *écouter* avant de répondre, à laisser finir la \
phrase, à noter ce qui compte. Vingt ans de [centres d'appels](https://example.org/dossier) l'ont montré.";

/// A piece of about 2,500 signes (visible characters): a heading, ten paragraphs, a quote
/// and a list.
fn article(i: usize) -> Article {
    let mut body = format!("## Partie {i}\n\n");
    for _ in 0..10 {
        body.push_str(PARAGRAPH);
        body.push_str("\n\n");
    }
    body.push_str("> Un client écouté est un client qui revient.\n\n- former\n- mesurer\n");
    Article {
        fields: PieceFields {
            title: format!("Édito numéro {i} : l'écoute avant tout"),
            kicker: "Édito".into(),
            standfirst:
                "Vingt ans après les premiers centres d'appels, la patience reste la règle.".into(),
            body,
            author: "Marie Durand".into(),
            author_role: "Directrice de la rédaction".into(),
            category: format!("Rubrique {}", i % 5),
            lang: Lang::Fr,
            publication_date: Some(format!(
                "{}-{:02}-{:02}",
                2000 + i % 25,
                1 + i % 12,
                1 + i % 28
            )),
            ..PieceFields::default()
        },
        slug: format!("piece-{i}"),
        tags: vec![format!("Tag {}", i % 30), format!("Thème {}", i % 7)],
        status: Status::Published,
        ..Article::default()
    }
}

fn exporter() -> Exporter {
    let site = SiteSettings {
        base_url: Some("https://example.org/archives/".into()),
        ..SiteSettings::default()
    };
    Exporter::new(site, None).expect("built-in theme")
}

fn single_page(c: &mut Criterion) {
    let exporter = exporter();
    let piece = article(1);
    c.bench_function("export/page", |b| {
        b.iter(|| {
            exporter
                .export(black_box(&piece), ExportFormat::Page)
                .expect("page")
        })
    });
}

fn archive(c: &mut Criterion) {
    let exporter = exporter();
    let pieces: Vec<Article> = (0..1000).map(article).collect();
    let cancel = AtomicBool::new(false);
    let build = |dir: &std::path::Path| {
        exporter
            .site(
                &pieces,
                SiteSelection::Published,
                dir,
                &mut |_, _| {},
                &cancel,
            )
            .expect("site")
    };
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    // The goal's case: a first export into an empty folder.
    group.bench_function("site_1000_fresh", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("temp dir"),
            // Returning the folder keeps its deletion out of the measurement.
            |dir| (build(dir.path()), dir),
            criterion::BatchSize::PerIteration,
        )
    });
    // Re-export over an existing archive where nothing changed.
    let dir = tempfile::tempdir().expect("temp dir");
    build(dir.path());
    group.bench_function("site_1000_reexport", |b| b.iter(|| build(dir.path())));
    group.finish();
}

/// The archive's source when it is the library: 1,000 published pieces read back as articles,
/// and the whole re-export from the library (read + render + compare with the folder).
fn library_source(c: &mut Criterion) {
    let exporter = exporter();
    let data = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(data.path()).expect("library");
    let new: Vec<NewPiece> = (0..1000).map(|i| NewPiece::from(&article(i))).collect();
    library.create_pieces(&new).expect("fill library");
    let cancel = AtomicBool::new(false);
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("library_articles_1000", |b| {
        b.iter(|| library_articles(&library, SiteSelection::Published, &cancel).expect("read"))
    });
    let out = tempfile::tempdir().expect("temp dir");
    let build = || {
        exporter
            .site_from_library(
                &library,
                SiteSelection::Published,
                out.path(),
                &mut |_, _| {},
                &cancel,
            )
            .expect("site")
    };
    build();
    group.bench_function("site_from_library_1000_reexport", |b| b.iter(build));
    group.finish();
}

/// The model editorial (`tests/fixtures/export/pieces/edito-avril-2002.md`: header, heading,
/// table, quote, task list, links, a footnote) for print: DOCX and ICML (goal < 20 ms each),
/// and, with the `proof` feature, the PDF proof (goal < 300 ms warm).
fn print_formats(c: &mut Criterion) {
    let exporter = exporter();
    let piece = edito::import::parse_markdown(include_str!(
        "../tests/fixtures/export/pieces/edito-avril-2002.md"
    ))
    .expect("the model editorial");
    let mut group = c.benchmark_group("export");
    for format in [ExportFormat::Docx, ExportFormat::Icml] {
        group.bench_function(format!("{}_model_editorial", format.name()), |b| {
            b.iter(|| exporter.export(black_box(&piece), format).expect("print"))
        });
    }
    #[cfg(feature = "proof")]
    group.bench_function("pdf_model_editorial", |b| {
        let options = edito::export::ProofOptions::default();
        b.iter(|| {
            exporter
                .proof(black_box(&piece), &edito::export::NoImages, &options)
                .expect("pdf")
        })
    });
    group.finish();
}

criterion_group!(benches, single_page, archive, library_source, print_formats);
criterion_main!(benches);
