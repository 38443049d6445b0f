//! Quotation marks (issue #12, kinds 1 and 2). A straight quote is read from both of its
//! neighbours and from the quotes already open, so one odd spacing no longer flips every
//! later quote of the paragraph. In expectations `¤` is U+00A0 and `¦` U+202F.

use edito::render::Lang;

use crate::render_typography::check;

/// Kind 1: `Il a dit : " Bonjour ".` gave `«¤Bonjour “.`: a closing quote after a space was
/// taken for an opening one. Spaces inside, marks after numbers, a URL before the closing
/// quote, a quote after an apostrophe.
#[test]
fn straight_double_quotes_pair_whatever_the_spacing() {
    check(
        Lang::Fr,
        &[
            ("Il a dit : \" Bonjour \".", "Il a dit¤: «¤Bonjour¤»."),
            (
                "Il a dit : \" Bonjour \", puis \"adieu\".",
                "Il a dit¤: «¤Bonjour¤», puis «¤adieu¤».",
            ),
            (
                "\" Bonjour \" et \" au revoir \"",
                "«¤Bonjour¤» et «¤au revoir¤»",
            ),
            ("\"Bonjour \"", "«¤Bonjour¤»"),
            ("\" Bonjour\"", "«¤Bonjour¤»"),
            (
                "Il dit \"non\"; puis \"oui\"!",
                "Il dit «¤non¤»; puis «¤oui¤»!",
            ),
            ("(\"a\") et [\"b\"]", "(«¤a¤») et [«¤b¤»]"),
            ("\"Elle a dit \"oui\" \" puis", "«¤Elle a dit “oui”¤» puis"),
            ("—\"Vous\" — \"Moi\"", "—«¤Vous¤» — «¤Moi¤»"),
        ],
    );
}

/// `27"` and `32"` are inches (or seconds): ″, never a guillemet, and the quotes after them
/// still pair.
#[test]
fn inch_and_second_marks_are_not_quotes() {
    check(
        Lang::Fr,
        &[
            (
                "Un écran de 27\" et un autre de 32\".",
                "Un écran de 27″ et un autre de 32″.",
            ),
            (
                "Un écran de 27\" et \"un autre\".",
                "Un écran de 27″ et «¤un autre¤».",
            ),
            ("Il a couru en 9\"58.", "Il a couru en 9″58."),
            ("45° 30' 15\"", "45° 30′ 15″"),
            ("\"Il mesure 1990\" dit-il", "«¤Il mesure 1990¤» dit-il"),
            ("\"27\"", "«¤27¤»"),
        ],
    );
    check(
        Lang::En,
        &[(
            "A 27\" screen and a \"big\" one",
            "A 27″ screen and a “big” one",
        )],
    );
}

/// A URL right before the closing quote used to swallow it (and the sentence's period).
#[test]
fn a_url_before_the_closing_quote_leaves_it_a_quote() {
    check(
        Lang::Fr,
        &[
            (
                "\"voir https://exemple.fr\".",
                "«¤voir https://exemple.fr¤».",
            ),
            ("\"www.exemple.fr\" ici", "«¤www.exemple.fr¤» ici"),
            ("Voir https://exemple.fr.", "Voir https://exemple.fr."),
            ("(https://exemple.fr/a_(b))", "(https://exemple.fr/a_(b))"),
            ("(voir https://exemple.fr/a)", "(voir https://exemple.fr/a)"),
            ("«https://exemple.fr»", "«¤https://exemple.fr¤»"),
        ],
    );
    check(
        Lang::En,
        &[("\"see https://example.com\".", "“see https://example.com”.")],
    );
}

/// A quote right after an apostrophe (`l'"Express"`) opens: the apostrophe ends a word.
#[test]
fn a_quote_after_an_apostrophe_opens() {
    check(
        Lang::Fr,
        &[
            (
                "l'\"Express\" et le \"Monde\"",
                "l’«¤Express¤» et le «¤Monde¤»",
            ),
            ("d'\"autres\" choses", "d’«¤autres¤» choses"),
            ("aujourd'hui \"demain\"", "aujourd’hui «¤demain¤»"),
        ],
    );
}

/// Kind 2, English: leading elisions take the apostrophe (’), not an opening quote.
#[test]
fn english_leading_elisions_take_the_apostrophe() {
    check(
        Lang::En,
        &[
            (
                "I won't do it 'cause I can't.",
                "I won’t do it ’cause I can’t.",
            ),
            (
                "'Tis the season, 'twas the night",
                "’Tis the season, ’twas the night",
            ),
            ("rock 'n' roll", "rock ’n’ roll"),
            (
                "Get 'em 'til dawn, 'round noon",
                "Get ’em ’til dawn, ’round noon",
            ),
            ("the '90s", "the ’90s"),
            ("He said 'no' twice", "He said ‘no’ twice"),
            (
                "\"He said 'cause' was a word\"",
                "“He said ’cause’ was a word”",
            ),
        ],
    );
}

/// Kind 2, French: a quotation inside « » takes “ ” (Lexique, "Guillemets"), and single
/// quotes around a word are quotation marks, never two apostrophes.
#[test]
fn french_nested_quotes_follow_the_french_convention() {
    check(
        Lang::Fr,
        &[
            ("« Il a dit 'non' hier »", "«¤Il a dit “non” hier¤»"),
            ("\"Il a dit 'non' hier\"", "«¤Il a dit “non” hier¤»"),
            ("Le mot 'liberté' suffit", "Le mot «¤liberté¤» suffit"),
            ("« Le 'vrai' et le 'faux' »", "«¤Le “vrai” et le “faux”¤»"),
            ("« l'été 'chaud' »", "«¤l’été “chaud”¤»"),
            ("'aujourd'hui' dit-il", "«¤aujourd’hui¤» dit-il"),
            ("l'été, l'an, c'est", "l’été, l’an, c’est"),
            ("Un plan en 5' chrono", "Un plan en 5′ chrono"),
            // An elision before a number never opens a quotation that nothing closes.
            (
                "Les années '80 et 'quoi' ? Voici \"un \"double\" niveau\".",
                "Les années ’80 et «¤quoi¤»¦? Voici «¤un “double” niveau¤».",
            ),
        ],
    );
}
