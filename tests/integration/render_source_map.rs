//! `data-line` attributes for scroll sync, and counts of the visible text.

use edito::render::{count_text, render, render_document, Lang, RenderOptions};

fn mapped(markdown: &str) -> String {
    let options = RenderOptions {
        source_map: true,
        typography: false,
        ..RenderOptions::default()
    };
    render(markdown, &options).html
}

#[test]
fn every_kind_of_block_carries_its_source_line() {
    let source = "# Titre\n\nUn paragraphe\nsur deux lignes.\n\n- un\n- deux\n\n> cité\n\n---\n\n```rust\nfn x() {}\n```\n\n1. premier\n\n3. autre";
    let out = mapped(source);
    for fragment in [
        "<h1 data-line=\"1\">Titre</h1>",
        "<p data-line=\"3\">Un paragraphe",
        "<ul data-line=\"6\">",
        "<li data-line=\"6\">un</li>",
        "<li data-line=\"7\">deux</li>",
        "<blockquote data-line=\"9\">",
        "<p data-line=\"9\">cité</p>",
        "<hr data-line=\"11\" />",
        "<pre data-line=\"13\"><code class=\"language-rust\">fn x() {}",
        "<ol data-line=\"17\">",
    ] {
        assert!(out.contains(fragment), "{fragment} missing in {out}");
    }
}

#[test]
fn source_map_is_off_by_default_and_changes_nothing_else() {
    let source = "# T\n\npara *em*\n\n- a\n\n    code\n";
    let plain = render(
        source,
        &RenderOptions {
            typography: false,
            ..RenderOptions::default()
        },
    )
    .html;
    assert!(!plain.contains("data-line"));
    let stripped = mapped(source)
        .split(" data-line=\"")
        .enumerate()
        .map(|(i, part)| {
            if i == 0 {
                part
            } else {
                part.split_once('"').map_or(part, |(_, rest)| rest)
            }
        })
        .collect::<String>();
    assert_eq!(stripped, plain);
}

#[test]
fn ordered_list_start_and_nested_lists_are_mapped() {
    let out = mapped("5. cinq\n6. six\n   - sous\n");
    assert!(out.contains("<ol start=\"5\" data-line=\"1\">"), "{out}");
    assert!(out.contains("<ul data-line=\"3\">"), "{out}");
    assert!(out.contains("<li data-line=\"3\">sous</li>"), "{out}");
}

#[test]
fn lines_count_from_the_top_of_the_file_after_front_matter() {
    let source = "---\ntitle: T\nlang: en\n---\n\n# \"Hello\"\n";
    let options = RenderOptions {
        source_map: true,
        ..RenderOptions::default()
    };
    let document = render_document(source, &options, None);
    assert_eq!(document.lang, Lang::En);
    assert_eq!(document.rendered.html, "<h1 data-line=\"6\">“Hello”</h1>\n");
    let forced = render_document(source, &options, Some(Lang::Fr));
    assert_eq!(forced.lang, Lang::Fr);
    assert!(!forced.rendered.html.contains("title: T"));
}

#[test]
fn counts_cover_visible_text_only() {
    let options = RenderOptions {
        typography: false,
        ..RenderOptions::default()
    };
    let rendered = render(
        "# Titre\n\nDu **gras** et [un lien](https://exemple.fr).\n\n![alt caché](a.png)",
        &options,
    );
    // Visible: "Titre" + "Du gras et un lien." — no syntax, no URL, no alt text.
    assert_eq!(rendered.counts.words, 6);
    assert_eq!(
        rendered.counts.signs,
        "Titre".len() + "Du gras et un lien.".len()
    );
    assert_eq!(rendered.counts.signs_no_spaces, rendered.counts.signs - 4);
}

#[test]
fn counts_join_words_split_by_markup_and_separate_blocks() {
    let options = RenderOptions::default();
    assert_eq!(render("**gr**as", &options).counts.words, 1);
    assert_eq!(render("fin\n\ndébut", &options).counts.words, 2);
    assert_eq!(render("un\ndeux", &options).counts.words, 2);
    assert_eq!(render("un\ndeux", &options).counts.signs, 7);
}

#[test]
fn counts_follow_the_documented_word_rule() {
    let counts = count_text("L’année dernière, aujourd’hui : peut-être — « oui » !");
    // L’année, dernière, aujourd’hui, peut-être, oui; punctuation alone is no word.
    assert_eq!(counts.words, 5);
    let typed = render("L'année : \"oui\" !", &RenderOptions::default()).counts;
    assert_eq!(typed.words, 2);
    // Typography adds the no-break spaces, which are signs: L’année¤:¤«¤oui¤»¦!
    assert_eq!(typed.signs, 19);
}

#[test]
fn feuillets_and_reading_time_follow_the_signs_and_words() {
    let text = "mot ".repeat(750);
    let counts = count_text(&text);
    assert_eq!(counts.signs, 3000);
    assert!((counts.feuillets - 2.0).abs() < 1e-9);
    assert!((counts.reading_minutes - 750.0 / 230.0).abs() < 1e-9);
}

#[test]
fn counts_serialize_in_snake_case() {
    let json = serde_json::to_value(count_text("un deux")).expect("json");
    for key in [
        "signs",
        "signs_no_spaces",
        "words",
        "feuillets",
        "reading_minutes",
    ] {
        assert!(json.get(key).is_some(), "{key} in {json}");
    }
}
