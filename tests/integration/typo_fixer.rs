//! Rules a typography fixer applies that Edito did not (issue #12, kind 7): symbols, the
//! multiplication sign, the comma, English high punctuation and units. `¤` is U+00A0.

use edito::render::Lang;

use crate::render_typography::check;

#[test]
fn letters_in_parentheses_become_signs() {
    for lang in [Lang::Fr, Lang::En] {
        check(
            lang,
            &[
                ("(c) 2024 Edito", "© 2024 Edito"),
                ("Edito(R) et Marque(tm)", "Edito® et Marque™"),
                ("(C) et (TM)", "© et ™"),
                ("(a) un, (b) deux, (c) trois", "(a) un, (b) deux, (c) trois"),
                ("(cf) et (re)", "(cf) et (re)"),
            ],
        );
    }
}

#[test]
fn x_between_numbers_is_the_multiplication_sign() {
    check(
        Lang::Fr,
        &[
            ("une grille 2x3", "une grille 2×3"),
            ("6 x 7 = 42", "6¤×¤7 = 42"),
            ("1920x1080 pixels", "1920×1080 pixels"),
            ("3 X 4", "3¤×¤4"),
            ("0x1F en hexadécimal", "0x1F en hexadécimal"),
            ("2 xylophones", "2 xylophones"),
            ("x2 et 2x", "x2 et 2x"),
        ],
    );
    check(Lang::En, &[("a 2x3 grid, 6 x 7", "a 2×3 grid, 6¤×¤7")]);
}

#[test]
fn a_comma_sticks_to_the_word_before_and_is_followed_by_a_space() {
    for lang in [Lang::Fr, Lang::En] {
        check(
            lang,
            &[
                ("un , deux", "un, deux"),
                ("un,deux", "un, deux"),
                ("un ,deux", "un, deux"),
                ("3,14 et 1,5", "3,14 et 1,5"),
                ("un, deux", "un, deux"),
                ("*un* , deux", "<em>un</em>, deux"),
            ],
        );
    }
}

#[test]
fn english_sets_high_punctuation_close() {
    check(
        Lang::En,
        &[
            ("Really ?", "Really?"),
            ("Stop !", "Stop!"),
            ("First ; then", "First; then"),
            ("Note : this", "Note: this"),
            ("Really\u{a0}?", "Really?"),
            ("at 10:30", "at 10:30"),
            ("https://example.com", "https://example.com"),
        ],
    );
}

#[test]
fn english_ties_numbers_to_units_and_currencies() {
    check(
        Lang::En,
        &[
            ("It weighs 12 kg", "It weighs 12¤kg"),
            ("a 25 cm² tile", "a 25¤cm² tile"),
            ("costs 12 €", "costs 12¤€"),
            ("up 50 %", "up 50%"),
            ("at 3 pm", "at 3 pm"),
            ("2 cats", "2 cats"),
        ],
    );
}

/// The dash conventions written in docs/TYPOGRAPHY.md.
#[test]
fn dashes_follow_the_house_conventions() {
    check(
        Lang::Fr,
        &[
            ("Un mot - une incise - fin", "Un mot – une incise – fin"),
            ("Un mot -- une incise -- fin", "Un mot — une incise — fin"),
            ("1964-2009", "1964–2009"),
        ],
    );
    check(
        Lang::En,
        &[
            ("A word - an aside - end", "A word – an aside – end"),
            ("A word -- an aside -- end", "A word – an aside – end"),
            ("a break---here", "a break—here"),
            ("1964-2009", "1964–2009"),
        ],
    );
}
