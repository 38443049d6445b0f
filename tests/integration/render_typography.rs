//! French and English micro-typography through the whole pipeline. In expectations `¤` is a
//! no-break space (U+00A0) and `¦` a narrow no-break space (U+202F).

use edito::render::{render, typography_text, Lang, RenderOptions};

pub fn marks(expected: &str) -> String {
    expected.replace('¤', "\u{a0}").replace('¦', "\u{202f}")
}

pub fn html(markdown: &str, lang: Lang) -> String {
    let options = RenderOptions {
        lang,
        ..RenderOptions::default()
    };
    render(markdown, &options).html
}

/// The inner HTML of a one-paragraph document.
pub fn para(markdown: &str, lang: Lang) -> String {
    let out = html(markdown, lang);
    out.strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>\n"))
        .unwrap_or(&out)
        .to_owned()
}

pub fn check(lang: Lang, cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(input, expected)| {
            let got = para(input, lang);
            (got != marks(expected)).then(|| {
                format!(
                    "{input:?}\n  expected {:?}\n  got      {got:?}",
                    marks(expected)
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn french_high_punctuation_takes_the_right_no_break_space() {
    check(
        Lang::Fr,
        &[
            ("Note : la suite", "Note¤: la suite"),
            ("Vraiment ?", "Vraiment¦?"),
            ("Quelle audace !", "Quelle audace¦!"),
            ("D’abord ; ensuite", "D’abord¦; ensuite"),
            ("Déjà\u{a0}: typé", "Déjà¤: typé"),
            ("Trop  ! d’espaces", "Trop¦! d’espaces"),
            ("Quoi ?!", "Quoi¦?!"),
            ("Quoi ? !", "Quoi¦?¦!"),
            ("Fin :", "Fin¤:"),
            ("*Titre* : suite", "<em>Titre</em>¤: suite"),
        ],
    );
}

#[test]
fn french_leaves_punctuation_without_a_typed_space_alone() {
    check(
        Lang::Fr,
        &[
            ("Rendez-vous à 10:30", "Rendez-vous à 10:30"),
            ("Achetez chez Yahoo! demain", "Achetez chez Yahoo! demain"),
            ("L’adresse ::1 locale", "L’adresse ::1 locale"),
            ("L’hôte fe80::1 répond", "L’hôte fe80::1 répond"),
            ("Ratio 16:9", "Ratio 16:9"),
            (
                "Voir http://exemple.fr:8080/a",
                "Voir http://exemple.fr:8080/a",
            ),
            ("Le mot a :b reste", "Le mot a :b reste"),
            ("Jeopardy! revient", "Jeopardy! revient"),
        ],
    );
}

#[test]
fn french_quotes_become_guillemets_with_no_break_spaces() {
    check(
        Lang::Fr,
        &[
            ("Il dit \"bonjour\" ici", "Il dit «¤bonjour¤» ici"),
            ("\"Début\" de phrase", "«¤Début¤» de phrase"),
            ("Il dit \" bonjour \" ici", "Il dit «¤bonjour¤» ici"),
            ("«test»", "«¤test¤»"),
            ("« test »", "«¤test¤»"),
            ("«\u{a0}déjà\u{a0}»", "«¤déjà¤»"),
            ("(\"entre parenthèses\")", "(«¤entre parenthèses¤»)"),
            ("\"Il a dit \"oui\" hier\"", "«¤Il a dit “oui” hier¤»"),
            ("« Il a dit \"oui\" hier »", "«¤Il a dit “oui” hier¤»"),
            ("\"Vraiment ?\"", "«¤Vraiment¦?¤»"),
        ],
    );
}

/// A quote that opens in one inline element and closes in another must still pair up; the
/// closing quote used to be taken for an opening one after `</strong>`.
#[test]
fn quote_pairs_across_emphasis() {
    check(
        Lang::Fr,
        &[
            (
                "\"**Citation forte !**\"",
                "«¤<strong>Citation forte¦!</strong>¤»",
            ),
            ("\"*Le Monde*\" titre", "«¤<em>Le Monde</em>¤» titre"),
            ("\"un `code` ici\"", "«¤un <code>code</code> ici¤»"),
            ("\"`code`\"", "«¤<code>code</code>¤»"),
            (
                "\"[lien](https://exemple.fr)\"",
                "«¤<a href=\"https://exemple.fr\">lien</a>¤»",
            ),
            ("**\"gras\"** puis", "<strong>«¤gras¤»</strong> puis"),
        ],
    );
}

#[test]
fn quotes_do_not_pair_across_paragraphs() {
    let out = html("\"ouvert\n\nfermé\"", Lang::Fr);
    assert_eq!(out, marks("<p>«¤ouvert</p>\n<p>fermé¤»</p>\n"));
}

#[test]
fn french_apostrophe_ellipsis_and_dashes() {
    check(
        Lang::Fr,
        &[
            ("l'année", "l’année"),
            ("aujourd'hui", "aujourd’hui"),
            ("Et puis...", "Et puis…"),
            ("Et puis... rien", "Et puis… rien"),
            ("Un mot - une incise - fin", "Un mot – une incise – fin"),
            ("Un tiret -- long", "Un tiret — long"),
            ("Trois tirets --- aussi", "Trois tirets — aussi"),
            ("peut-être", "peut-être"),
            ("Les années 1964-2009", "Les années 1964–2009"),
            ("pages 12-15.", "pages 12–15."),
            ("Le 2024-05-12 au matin", "Le 2024-05-12 au matin"),
            ("Tél. 01-23-45-67-89", "Tél. 01-23-45-67-89"),
            ("COVID-19 et A4-5", "COVID-19 et A4-5"),
            ("Score -5 à 3", "Score -5 à 3"),
            ("ISBN 978-2-07-036822-8", "ISBN 978-2-07-036822-8"),
        ],
    );
}

#[test]
fn french_numbers_keep_their_units() {
    check(
        Lang::Fr,
        &[
            ("Il coûte 12 €", "Il coûte 12¤€"),
            ("Hausse de 50 %", "Hausse de 50¦%"),
            ("À 12 km d’ici", "À 12¤km d’ici"),
            ("10 000 habitants", "10¦000 habitants"),
            ("1 000 000 de lecteurs", "1¦000¦000 de lecteurs"),
            ("À 10 h 30", "À 10¤h¤30"),
            ("Les 3 mousquetaires", "Les 3 mousquetaires"),
            ("En 2009 200 personnes", "En 2009 200 personnes"),
            ("5 kg de farine", "5¤kg de farine"),
            ("Il y a 2 m’a-t-on dit", "Il y a 2 m’a-t-on dit"),
        ],
    );
}

#[test]
fn urls_in_text_are_left_verbatim() {
    check(
        Lang::Fr,
        &[
            (
                "Voir https://exemple.fr/a--b...c ensuite",
                "Voir https://exemple.fr/a--b...c ensuite",
            ),
            ("Sur www.exemple.fr/l'a--b !", "Sur www.exemple.fr/l'a--b¦!"),
            (
                "<https://exemple.fr/l'x--y>",
                "<a href=\"https://exemple.fr/l&#x27;x--y\">https://exemple.fr/l'x--y</a>",
            ),
        ],
    );
}

#[test]
fn code_raw_html_and_attributes_are_never_touched() {
    check(
        Lang::Fr,
        &[
            (
                "Le `l'a \"x\" : y...` reste",
                "Le <code>l'a \"x\" : y...</code> reste",
            ),
            (
                "[texte](https://exemple.fr/a'b \"titre : 'x'\")",
                "<a href=\"https://exemple.fr/a&#x27;b\" title=\"titre : &#39;x&#39;\">texte</a>",
            ),
            (
                "![l'image : \"x\"](a.png)",
                "<img src=\"a.png\" alt=\"l&#39;image : &quot;x&quot;\" />",
            ),
            (
                "<abbr title=\"Il a dit : 'non'\">HTML</abbr> !",
                "<abbr title=\"Il a dit : 'non'\">HTML</abbr>¦!",
            ),
        ],
    );
    let block = html("```\nl'a \"x\" : y... -- z\n```", Lang::Fr);
    assert_eq!(block, "<pre><code>l'a \"x\" : y... -- z\n</code></pre>\n");
    let indented = html("    x : \"y\"\n", Lang::Fr);
    assert_eq!(indented, "<pre><code>x : \"y\"\n</code></pre>\n");
}

#[test]
fn english_quotes_apostrophes_and_dashes() {
    check(
        Lang::En,
        &[
            ("He said \"hello\"", "He said “hello”"),
            ("'Single' quotes", "‘Single’ quotes"),
            ("It's fine", "It’s fine"),
            ("the '90s", "the ’90s"),
            ("Wait...", "Wait…"),
            ("pages 10--12", "pages 10–12"),
            ("an em---dash", "an em—dash"),
            ("a word - aside", "a word – aside"),
            ("years 1939-1945", "years 1939–1945"),
            ("No space : here ?", "No space: here?"),
            ("\"**Strong quote!**\"", "“<strong>Strong quote!</strong>”"),
            ("«test»", "«test»"),
            ("the \"`code`\" quote", "the “<code>code</code>” quote"),
        ],
    );
}

#[test]
fn typography_can_be_switched_off() {
    let options = RenderOptions {
        typography: false,
        ..RenderOptions::default()
    };
    let out = render("Il dit \"oui\" : l'année...", &options).html;
    assert_eq!(out, "<p>Il dit \"oui\" : l'année...</p>\n");
}

#[test]
fn headings_list_items_and_cells_get_typography() {
    let out = html(
        "# \"Titre\" : oui\n\n- l'item !\n\n| a |\n|---|\n| l'x |",
        Lang::Fr,
    );
    assert!(out.contains(&marks("<h1>«¤Titre¤»¤: oui</h1>")), "{out}");
    assert!(out.contains(&marks("<li>l’item¦!</li>")), "{out}");
    assert!(out.contains("<td>l’x</td>"), "{out}");
}

#[test]
fn plain_fields_use_the_same_rules() {
    assert_eq!(
        typography_text("L'édito : \"Vive la presse !\"", Lang::Fr),
        marks("L’édito¤: «¤Vive la presse¦!¤»")
    );
    assert_eq!(typography_text("It's \"news\"", Lang::En), "It’s “news”");
    assert_eq!(typography_text("", Lang::Fr), "");
}
