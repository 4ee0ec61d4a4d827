//! A signed assessment verifies after any export it can be read back from — tekigo JSON,
//! XLSX, CSV in either encoding, and the public version from publishing — and a file changed
//! after signing does not.

mod common;

use common::{install_cp932, NOW};
use tekigo_core::export::{Exporter, JsonExporter};
use tekigo_core::publish::publish;
use tekigo_core::{embedded, load_assessment, Assessment, Catalog};
use tekigo_formats::exporters::SHEET_EXPORTERS;
use tekigo_formats::signature::{generate, sign, verify, Verification};
use tekigo_formats::table::Fresh;
use tekigo_formats::{read_assessment, FormatError};

fn signed_sample() -> (&'static Catalog, Assessment) {
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    let key = generate([42; 32], "きりんカルテシステム株式会社", NOW);
    (catalog, sign(&sample, &key, NOW).unwrap())
}

fn read(bytes: &[u8], name: &str, catalog: &Catalog) -> Result<Assessment, FormatError> {
    install_cp932();
    read_assessment(
        bytes,
        name,
        &[catalog],
        Fresh {
            id: "new",
            now: NOW,
        },
    )
    .map(|imported| imported.assessment)
}

#[test]
fn a_signature_survives_every_format_it_is_written_in() {
    let (catalog, signed) = signed_sample();
    let json = JsonExporter.export(catalog, &signed, NOW).unwrap();
    assert!(verify(&load_assessment(&json).unwrap(), None).passed());
    for exporter in SHEET_EXPORTERS {
        let format = exporter.format();
        let bytes = exporter.export(catalog, &signed, NOW).unwrap();
        let name = format!("signed.{}", format.extension);
        let read_back = read(&bytes, &name, catalog).unwrap();
        let verification = verify(&read_back, None);
        assert!(verification.passed(), "{}: {verification:?}", format.id);
    }
}

#[test]
fn the_public_version_can_be_signed() {
    let sample = embedded::sample_assessment();
    let catalog = embedded::catalog(&sample.catalog.id).unwrap();
    let key = generate([9; 32], "きりんカルテシステム株式会社", NOW);
    let public = sign(&publish(catalog, &sample, NOW), &key, NOW).unwrap();
    let json = JsonExporter.export(catalog, &public, NOW).unwrap();
    let opened = load_assessment(&json).unwrap();
    assert!(opened.publication.is_some());
    assert!(verify(&opened, Some(&key.public())).passed());
}

#[test]
fn a_cell_changed_after_signing_is_found() {
    let (catalog, signed) = signed_sample();
    let bytes = SHEET_EXPORTERS[2].export(catalog, &signed, NOW).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let statement = &signed.answers["1"].statement;
    assert!(text.contains(statement.as_str()));
    let tampered = text.replacen(statement.as_str(), "当社は認証を取得していません。", 1);
    let read_back = read(tampered.as_bytes(), "tampered.csv", catalog).unwrap();
    let verification = verify(&read_back, None);
    assert!(
        matches!(verification, Verification::Changed(_)),
        "{verification:?}"
    );
    assert!(verification
        .message(tekigo_core::i18n::Lang::Ja)
        .starts_with("署名後に内容が変更されています。署名者: きりんカルテシステム株式会社"));
}
