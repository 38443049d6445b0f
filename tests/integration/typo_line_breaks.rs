//! A line break in the source next to punctuation that takes a no-break space (issue #12,
//! kind 5): `question\n?` used to keep the break, so `?` could start a line. The break
//! becomes the space the rule asks for. `¤` is U+00A0, `¦` U+202F.

use edito::render::{render, Lang, RenderOptions};

use crate::render_typography::check;

#[test]
fn french_line_breaks_before_high_punctuation_become_ties() {
    check(
        Lang::Fr,
        &[
            (
                "et la question\n? Et la réponse\n: oui.",
                "et la question¦? Et la réponse¤: oui.",
            ),
            ("Quelle audace\n!", "Quelle audace¦!"),
            ("D'abord\n; ensuite", "D’abord¦; ensuite"),
            ("*Vraiment*\n?", "<em>Vraiment</em>¦?"),
            ("Note\n:b reste", "Note\n:b reste"),
            ("Fin de ligne\nnormale", "Fin de ligne\nnormale"),
        ],
    );
}

#[test]
fn french_line_breaks_inside_guillemets_become_ties() {
    check(
        Lang::Fr,
        &[
            ("«\nBonjour\n»", "«¤Bonjour¤»"),
            ("\"Bonjour\n\" dit-il", "«¤Bonjour¤» dit-il"),
            ("« Bonjour\n»", "«¤Bonjour¤»"),
            ("\"\nBonjour\"", "«¤Bonjour¤»"),
        ],
    );
}

#[test]
fn a_number_keeps_its_unit_across_a_line_break() {
    check(
        Lang::Fr,
        &[
            ("Il coûte 12\n€", "Il coûte 12¤€"),
            ("Hausse de 50\n%", "Hausse de 50¦%"),
            ("à 25\ncm²", "à 25¤cm²"),
        ],
    );
    check(Lang::En, &[("It weighs 12\nkg", "It weighs 12¤kg")]);
}

#[test]
fn english_line_breaks_before_high_punctuation_vanish() {
    check(
        Lang::En,
        &[
            ("Really\n? Yes\n!", "Really? Yes!"),
            ("Note\n: here", "Note: here"),
        ],
    );
}

/// The tie replaces the break, it is not added to it: the counts see one space, as for
/// `question ?` typed on one line.
#[test]
fn an_absorbed_break_counts_as_the_space_it_replaces() {
    let options = RenderOptions::default();
    assert_eq!(
        render("question\n?", &options).counts,
        render("question ?", &options).counts
    );
}
