//! Import: the report, unknown keys kept, and the import → export Markdown → import round trip.

use edito::export::{to_markdown, Article};
use edito::import::{import_path, parse_markdown};
use edito::library::{Lang, PieceFields, Status};

use crate::export_support::{all_pieces, fixture};

#[test]
fn round_trip_keeps_every_field() {
    // The fixture sets every field and carries unknown keys (layout, weight, aliases).
    for original in all_pieces() {
        let again = parse_markdown(&to_markdown(&original)).expect("reimport");
        assert_eq!(again, original, "round trip changed {}", original.slug);
        assert_eq!(to_markdown(&again), to_markdown(&original));
    }
}

#[test]
fn every_field_is_read_from_the_full_fixture() {
    let report = import_path(&fixture("pieces/edito-avril-2002.md"));
    let (_, a) = &report.imported[0];
    assert_eq!(a.slug, "edito-avril-2002");
    let f = &a.fields;
    assert_eq!(f.kicker, "Édito");
    assert_eq!(f.author, "Marie Durand");
    assert_eq!(f.author_role, "Directrice de la rédaction");
    assert_eq!(f.category, "Editos du magazine En-Contact");
    assert_eq!(a.tags, ["Relation client", "Centres d'appels", "Qualité"]);
    assert_eq!(f.lang, Lang::Fr);
    assert_eq!(f.publication_date.as_deref(), Some("2002-04-12"));
    assert_eq!(f.issue_number, Some(42));
    assert_eq!(f.target_signs, Some(2500));
    assert_eq!(a.status, Status::Published);
    assert_eq!(a.updated_at.as_deref(), Some("2002-04-13T09:30:00+02:00"));
    assert!(f.body.starts_with("Le téléphone sonne"));
    assert_eq!(a.extra["layout"], "editorial");
    assert_eq!(a.extra["weight"], 3);
    assert_eq!(a.extra["aliases"][0], "/2002/04/edito");
}

#[test]
fn round_trip_of_an_article_built_in_memory() {
    // What the library will hand over: odd characters, empty optional fields, nested extras.
    let mut original = Article {
        fields: PieceFields {
            title: "Titre : « guillemets » et \"apostrophes\" l'été\n"
                .trim()
                .into(),
            kicker: "---".into(),
            standfirst: "Chapô sur\ndeux lignes".into(),
            body: "# Corps\n\n---\n\nAprès une règle.\n".into(),
            author: "Ana Ñúñez".into(),
            author_role: "".into(),
            category: "".into(),
            lang: Lang::En,
            publication_date: None,
            issue_number: Some(7),
            target_signs: Some(0),
            lead_image: Some("image:portrait.jpg".into()),
        },
        slug: "deux-points".into(),
        tags: vec!["yes".into(), "123".into(), "null".into()],
        status: Status::Review,
        updated_at: None,
        extra: Default::default(),
    };
    original.extra.insert(
        "params".into(),
        serde_json::json!({"a": [1, 2.5, true, null]}),
    );
    let again = parse_markdown(&to_markdown(&original)).expect("reimport");
    assert_eq!(again, original);
}

#[test]
fn folder_import_reports_refused_files_with_reasons() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("ok.md"), "---\ntitle: Bon\n---\nTexte").expect("write");
    std::fs::write(
        dir.path().join("bad-date.md"),
        "---\ntitle: T\ndate: demain\n---\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("bad-yaml.md"), "---\ntitle: [\n---\n").expect("write");
    let report = import_path(dir.path());
    assert_eq!(report.imported.len(), 1);
    let reasons: Vec<&str> = report.refused.iter().map(|(_, r)| r.as_str()).collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(
        reasons[0].contains("`date`") && reasons[0].contains("YYYY-MM-DD"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("YAML") && reasons[1].contains("line"),
        "{reasons:?}"
    );
}

#[test]
fn hostile_slug_becomes_a_safe_one() {
    let a = parse_markdown("---\ntitle: T\nslug: ../../etc/passwd\n---\n").expect("parse");
    assert_eq!(a.slug, "etc-passwd");
}
