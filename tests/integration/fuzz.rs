//! Fuzzing without nightly: proptest strategies over hostile input for the render, front
//! matter/import, slugs/paths and search, run as ordinary tests with a few cases, and for as
//! long as asked with `EDITO_FUZZ_SECONDS` (docs/SECURITY.md, "Fuzzing"):
//!
//! ```text
//! EDITO_FUZZ_SECONDS=600 nice -n 15 cargo test -p edito --test integration fuzz::render -- --nocapture
//! ```
//!
//! In a long run a case that takes more than [`SLOW_CASE`] is a finding too (unbounded
//! work), reported with its input; the quick run checks only correctness, never time.

use std::path::Path;
use std::time::{Duration, Instant};

use edito::export::{Article, ExportFormat, Exporter, SiteSettings};
use edito::import::parse_markdown;
use edito::library::{NewPiece, PieceFields, SearchQuery};
use edito::render::{render, render_fragment, Lang, RenderOptions};
use edito::text::{slug_of, slugify, SLUG_MAX_LEN};
use edito::Library;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

/// Cases of the quick run (`make test`).
const QUICK_CASES: u32 = 48;
/// In a long run, a single case taking more CPU time than this is reported as unbounded work.
const SLOW_CASE: Duration = Duration::from_secs(5);

/// Runs `test` on values of `strategy`: [`QUICK_CASES`] of them, or batches until
/// `EDITO_FUZZ_SECONDS` have passed. Panics with proptest's shrunk input on a failure.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let seconds: Option<u64> = std::env::var("EDITO_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok());
    let long = seconds.is_some();
    let timed = |value: S::Value| {
        let shown = long.then(|| format!("{value:?}"));
        let start = cpu_time();
        test(value)?;
        if let Some(shown) = shown {
            let took = cpu_time().saturating_sub(start);
            if took > SLOW_CASE {
                let head: String = shown.chars().take(400).collect();
                return Err(TestCaseError::fail(format!(
                    "slow case ({took:?}, {} chars): {head}…",
                    shown.len()
                )));
            }
        }
        Ok(())
    };
    let deadline = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let mut batches = 0u64;
    loop {
        let config = Config {
            cases: if long { 256 } else { QUICK_CASES },
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        if let Err(err) = runner.run(&strategy, timed) {
            panic!("fuzz {name}: {err}");
        }
        batches += 1;
        match deadline {
            Some(end) if Instant::now() < end => {}
            _ => break,
        }
    }
    if long {
        eprintln!("fuzz {name}: {batches} batches of 256 cases, no finding");
    }
}

/// CPU time of this thread (Linux: `/proc/thread-self/stat`, in clock ticks of 10 ms), so a
/// case is judged by the work it did, not by how busy the shared machine was; wall time
/// elsewhere.
fn cpu_time() -> Duration {
    let ticks = std::fs::read_to_string("/proc/thread-self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name (which may hold spaces) start at `) `.
            let rest = stat.rsplit_once(") ")?.1;
            let fields: Vec<&str> = rest.split(' ').collect();
            let user: u64 = fields.get(11)?.parse().ok()?;
            let system: u64 = fields.get(12)?.parse().ok()?;
            Some(user + system)
        });
    match ticks {
        Some(t) => Duration::from_millis(t * 10),
        None => START.elapsed(),
    }
}

static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);

/// Openers whose runs nest deep, on top of the hostile atoms of `render_props`.
const NESTING: &[&str] = &[
    "<div>",
    "<span>",
    "> ",
    "- ",
    "1. ",
    "* ",
    "[",
    "![",
    "~~~\n",
    "<a href=x>",
    "<table><tr><td>",
    "<ul><li>",
    "***",
    "~~",
];

/// The longest run of one atom: 200 in the quick run, 20,000 in a long one (nesting bombs
/// take seconds only where work is quadratic).
fn max_run() -> usize {
    if std::env::var_os("EDITO_FUZZ_SECONDS").is_some() {
        20_000
    } else {
        200
    }
}

/// An atom, a random char, a word, or one atom repeated up to [`max_run`] times.
fn markdown() -> impl Strategy<Value = String> {
    let atoms: Vec<&str> = crate::render_props::PIECES
        .iter()
        .chain(NESTING)
        .copied()
        .collect();
    let atom = prop::sample::select(atoms).prop_map(str::to_owned);
    let part = prop_oneof![
        6 => atom.clone(),
        2 => any::<char>().prop_map(String::from),
        2 => "[a-zA-Zé ]{0,12}",
        1 => (atom, 1usize..max_run()).prop_map(|(a, n)| a.repeat(n)),
    ];
    prop::collection::vec(part, 0..40).prop_map(|parts| parts.concat())
}

/// Renders `body` in both languages, as the preview and the exports do, and exports it as
/// a page: must not panic, and must come out without a script.
fn render_and_export(body: &str) -> Result<(), TestCaseError> {
    for lang in [Lang::Fr, Lang::En] {
        let options = RenderOptions {
            lang,
            typography: true,
            source_map: true,
            ..RenderOptions::default()
        };
        let html = render(body, &options).html;
        prop_assert!(
            !html.to_lowercase().contains("<script"),
            "script in {html:?}"
        );
        let _ = render_fragment(body, &options);
    }
    let mut article = Article::default();
    article.fields.title = "Fuzz".into();
    article.slug = "fuzz".into();
    article.fields.body = body.to_owned();
    let exporter = Exporter::new(SiteSettings::default(), None).expect("exporter");
    for format in [ExportFormat::Page, ExportFormat::Fragment] {
        let page = exporter.export(&article, format).expect("export");
        let text = String::from_utf8_lossy(&page.bytes).to_lowercase();
        prop_assert!(!text.contains("<script"), "script in export");
    }
    Ok(())
}

#[test]
fn render_and_export_any_markdown() {
    fuzz("render", markdown(), |body| render_and_export(&body));
}

/// YAML and TOML atoms, nesting and aliases among them.
const FRONT_MATTER: &[&str] = &[
    "title: ",
    "tags: ",
    "date: ",
    "slug: ",
    "lang: ",
    "status: ",
    "[",
    "]",
    "{",
    "}",
    "- ",
    "  ",
    "\n",
    ": ",
    ", ",
    "&a ",
    "*a",
    "!!str ",
    "!!binary ",
    "? ",
    "|\n",
    ">\n",
    "\"",
    "'",
    "#",
    "2026-11-29",
    "2026-13-45T99:00",
    "true",
    "~",
    "null",
    "1e999",
    "-0",
    "\t",
    "---\n",
    "+++\n",
    "...\n",
    "= ",
    "[[x]]\n",
    "x.y.z = 1\n",
    "\u{feff}",
    "\r\n",
    "é",
    "\\u0000",
];

fn front_matter_file() -> impl Strategy<Value = String> {
    let atom = prop::sample::select(FRONT_MATTER).prop_map(str::to_owned);
    let part = prop_oneof![
        6 => atom.clone(),
        2 => any::<char>().prop_map(String::from),
        2 => "[a-z ]{0,8}",
        1 => (atom, 1usize..max_run()).prop_map(|(a, n)| a.repeat(n)),
    ];
    let meta = prop::collection::vec(part, 0..40).prop_map(|parts| parts.concat());
    (prop::bool::ANY, meta, markdown()).prop_map(|(yaml, meta, body)| {
        let fence = if yaml { "---" } else { "+++" };
        format!("{fence}\n{meta}\n{fence}\n{body}")
    })
}

#[test]
fn front_matter_and_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("library");
    fuzz("front matter/import", front_matter_file(), |text| {
        let Ok(article) = parse_markdown(&text) else {
            return Ok(());
        };
        // Whatever parsed must be storable or refused with a reason, never a panic.
        let report = edito::import::ImportReport {
            imported: vec![(Path::new("fuzz.md").to_path_buf(), article)],
            refused: Vec::new(),
        };
        let outcome = edito::import::import_into(&library, &report).expect("library readable");
        prop_assert_eq!(
            outcome.written() + outcome.unchanged.len() + outcome.refused.len(),
            1
        );
        Ok(())
    });
}

#[test]
fn slugs_and_paths() {
    let text = prop_oneof![
        any::<String>(),
        "[./\\\\a-zA-Z0-9é:~-]{0,200}",
        prop::collection::vec(
            prop::sample::select(&["..", "/", "\\", ".", "a", "é", "\u{0}"][..]),
            0..50
        )
        .prop_map(|p| p.concat()),
    ];
    fuzz("slugs/paths", text, |text| {
        let slug = slugify(&text);
        prop_assert!(!slug.is_empty() && slug.len() <= SLUG_MAX_LEN, "{slug:?}");
        prop_assert!(
            slug.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{slug:?}"
        );
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'), "{slug:?}");
        prop_assert_eq!(slugify(&slug), slug.clone(), "a slug is its own slug");
        if let Some(s) = slug_of(&text) {
            prop_assert_eq!(s, slug);
        }
        if let Ok(name) = edito::export::safe_name(&text, &text) {
            prop_assert!(!name.contains('/') && !name.contains(".."));
        }
        Ok(())
    });
}

#[test]
fn search_queries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open_in(dir.path()).expect("library");
    for (title, body) in [
        (
            "L'année",
            "Une année «\u{a0}rédac*\u{a0}» AND OR NOT NEAR(a b) \"x\" -y col:z",
        ),
        ("Été", "été ete ÉTÉ l'été d'après"),
    ] {
        let new = NewPiece {
            fields: PieceFields {
                title: title.into(),
                body: body.into(),
                ..PieceFields::default()
            },
            ..NewPiece::default()
        };
        library.create_piece(&new).expect("piece");
    }
    let query = prop_oneof![
        any::<String>(),
        prop::collection::vec(
            prop::sample::select(
                &[
                    "\"", "*", "AND", "OR", "NOT", "NEAR(", ")", "(", ":", "^", "-", "+", "'",
                    "l'", "année", "ete", " ", "\u{0}", "{", "}", "col:", "rédac*", "\u{e000}",
                    "\u{1f}",
                ][..]
            ),
            0..30
        )
        .prop_map(|p| p.concat()),
    ];
    fuzz("search queries", query, |text| {
        let query = SearchQuery {
            text,
            ..SearchQuery::default()
        };
        let hits = library.search(&query);
        prop_assert!(hits.is_ok(), "search failed: {:?}", hits.err());
        Ok(())
    });
}
