//! French rules from the *Lexique des règles typographiques en usage à l'Imprimerie
//! nationale* (issue #12, kind 6): ordinals in superscript, units tied to their number,
//! abbreviations tied to what follows, times tied whole; and what must stay as typed.

use edito::render::Lang;

use crate::render_typography::check;

#[test]
fn ordinals_take_superscript_letters() {
    check(
        Lang::Fr,
        &[
            ("le 1er mai", "le 1<sup>er</sup> mai"),
            ("la 1re fois", "la 1<sup>re</sup> fois"),
            ("les 1ers et 1res", "les 1<sup>ers</sup> et 1<sup>res</sup>"),
            ("le 2e étage", "le 2<sup>e</sup> étage"),
            ("les 3es places", "les 3<sup>es</sup> places"),
            ("le 21e siècle", "le 21<sup>e</sup> siècle"),
            ("la 2de guerre", "la 2<sup>de</sup> guerre"),
            ("le XIXe siècle", "le XIX<sup>e</sup> siècle"),
            ("François Ier", "François I<sup>er</sup>"),
            ("la Ve République", "la V<sup>e</sup> République"),
            ("le XXIe siècle.", "le XXI<sup>e</sup> siècle."),
            ("(XVIe)", "(XVI<sup>e</sup>)"),
        ],
    );
}

/// Forms the Lexique calls wrong are written its way.
#[test]
fn wrong_ordinal_spellings_are_corrected() {
    check(
        Lang::Fr,
        &[
            ("le 2ème étage", "le 2<sup>e</sup> étage"),
            ("le 3eme", "le 3<sup>e</sup>"),
            ("le 4ième", "le 4<sup>e</sup>"),
            ("le 5è", "le 5<sup>e</sup>"),
            ("la 1ère fois", "la 1<sup>re</sup> fois"),
            ("la 1ere", "la 1<sup>re</sup>"),
            ("le XIXème siècle", "le XIX<sup>e</sup> siècle"),
        ],
    );
}

/// What only looks like an ordinal stays as typed.
#[test]
fn what_is_not_an_ordinal_is_left_alone() {
    check(
        Lang::Fr,
        &[
            ("1e10 et 2em", "1e10 et 2em"),
            ("le code A2e", "le code A2e"),
            ("1e est faux", "1e est faux"),
            ("2er", "2er"),
            ("MIXe et AXIXe", "MIXe et AXIXe"),
            ("Il est là, Le mot", "Il est là, Le mot"),
            ("Ives et Xavier", "Ives et Xavier"),
            ("IIXe", "IIXe"),
            ("une image 2d", "une image 2d"),
            (
                "`1er` et https://a.fr/1er",
                "<code>1er</code> et https://a.fr/1er",
            ),
        ],
    );
}

#[test]
fn units_and_currencies_are_tied_to_their_number() {
    check(
        Lang::Fr,
        &[
            ("25 cm²", "25¤cm²"),
            ("9 cm³", "9¤cm³"),
            ("120 m² habitables", "120¤m² habitables"),
            ("3 km² et 2 mm³", "3¤km² et 2¤mm³"),
            ("20 °C", "20¤°C"),
            ("5 µg", "5¤µg"),
            ("30 km/h puis 9 m/s", "30¤km/h puis 9¤m/s"),
            ("1 013 hPa", "1¦013¤hPa"),
            ("100 kWh et 3 TWh", "100¤kWh et 3¤TWh"),
            ("12 ha", "12¤ha"),
            ("50 dB", "50¤dB"),
            ("12 CHF ou 10 USD", "12¤CHF ou 10¤USD"),
            ("5 ¥", "5¤¥"),
            ("2 mots", "2 mots"),
            ("3 ans", "3 ans"),
        ],
    );
}

#[test]
fn abbreviations_are_tied_to_what_follows() {
    check(
        Lang::Fr,
        &[
            ("M. Dupont", "M.¤Dupont"),
            ("MM. Dupont et Durand", "MM.¤Dupont et Durand"),
            ("Mme Roland et Mlle Roux", "Mme¤Roland et Mlle¤Roux"),
            ("Mmes Roland", "Mmes¤Roland"),
            ("Mgr Lustiger", "Mgr¤Lustiger"),
            ("voir p. 12 et pp. 14-16", "voir p.¤12 et pp.¤14–16"),
            ("art. 3 et chap. IV", "art.¤3 et chap.¤IV"),
            ("fig. 2, vol. 3, t. II", "fig.¤2, vol.¤3, t.¤II"),
            ("le n° 5 et le N°6", "le n°¤5 et le N°¤6"),
            ("cf. infra", "cf.¤infra"),
        ],
    );
}

#[test]
fn what_is_not_an_abbreviation_is_left_alone() {
    check(
        Lang::Fr,
        &[
            ("Il dort. Mais", "Il dort. Mais"),
            ("Mmes et messieurs", "Mmes et messieurs"),
            ("MMe Dupont", "MMe Dupont"),
            ("un ton. Puis", "un ton. Puis"),
            ("Le cap. 12", "Le cap. 12"),
            ("Un bon° 5", "Un bon° 5"),
            ("Mme.", "Mme."),
        ],
    );
}

#[test]
fn times_are_tied_whole() {
    check(
        Lang::Fr,
        &[
            ("À 10 h 30", "À 10¤h¤30"),
            ("de 9 h à 18 h", "de 9¤h à 18¤h"),
            ("à 8 h 15 min", "à 8¤h¤15¤min"),
            ("à 10h30", "à 10h30"),
        ],
    );
}

/// The date the export writes on the first of a month: "1er août", the ordinal in
/// superscript like the body's.
#[test]
fn the_exported_date_sets_its_ordinal_in_superscript() {
    let exporter = crate::export_support::exporter(None);
    let article = edito::import::parse_markdown(
        "---\ntitle: Titre\ndate: 2024-08-01\nstatus: published\n---\nCorps\n",
    )
    .expect("parse");
    let page = exporter
        .export(&article, edito::export::ExportFormat::Page)
        .expect("page");
    let page = String::from_utf8(page.bytes).expect("UTF-8");
    assert!(page.contains(">1<sup>er</sup> août 2024</time>"), "{page}");
}
