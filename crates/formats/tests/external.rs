//! Checks by tools that are not ours, run by `cargo xtask test` (ignored by a plain `cargo
//! test`, which has not installed them): LibreOffice opens the XLSX written, shows the
//! Japanese intact, and saves it again as XLSX that reads back to the same assessment; NIST's
//! OSCAL models, as compliance-trestle implements them, accept the OSCAL written.
//!
//! `TEKIGO_SOFFICE` names LibreOffice's `soffice`, `TEKIGO_OSCAL_PYTHON` the Python of the
//! virtual environment with compliance-trestle (both set by xtask).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{filled_checklist, first_difference, NOW};
use tekigo_core::export::{Exporter, JsonExporter};
use tekigo_core::{embedded, Assessment, Catalog};
use tekigo_formats::exporters::SHEET_EXPORTERS;
use tekigo_formats::oscal::OscalExporter;
use tekigo_formats::table::Fresh;
use tekigo_formats::{read_assessment, Layout};

fn tool(variable: &str) -> PathBuf {
    std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| panic!("{variable} is not set: run these tests with cargo xtask test"))
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tekigo-external-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs LibreOffice headless with its own profile, so it never meets another instance.
fn soffice(dir: &Path, args: &[&str]) {
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.display());
    let output = Command::new(tool("TEKIGO_SOFFICE"))
        .arg(&profile)
        .args(["--headless", "--norestore"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run soffice");
    assert!(
        output.status.success(),
        "soffice {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn checklist() -> (&'static Catalog, Assessment) {
    let catalog = embedded::catalog("cloud-checklist-253").unwrap();
    (catalog, filled_checklist(catalog))
}

#[test]
#[ignore = "needs LibreOffice; run by cargo xtask test"]
fn libreoffice_shows_the_xlsx_with_the_japanese_intact() {
    let (catalog, assessment) = checklist();
    let dir = scratch("csv");
    let exporter = SHEET_EXPORTERS[0];
    assert_eq!(exporter.layout, Layout::Checklist);
    let xlsx = exporter.export(catalog, &assessment, NOW).unwrap();
    std::fs::write(dir.join("checklist.xlsx"), xlsx).unwrap();
    soffice(
        &dir,
        &[
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "checklist.xlsx",
        ],
    );
    let csv = std::fs::read_to_string(dir.join("checklist.csv")).expect("LibreOffice wrote UTF-8");
    for expected in [
        "整理番号",
        "R-2026-001",
        "評価対象プロダクト名",
        "テストクラウド「雲」",
        "No.,大分類,中分類,対策項目,確認対象物例・エビデンス例,対応策,確認したエビデンス (文書名、ページ番号等),判定結果,改善策,総務省GLでの対応項目,経産省GLでの対応項目,備考",
        &catalog.items[0].text,
        "アクセス管理規程を整備し、年1回見直している。 (項目 1)",
        "ｱｸｾｽ ①②③ ～ ￥１，０００ －",
    ] {
        assert!(csv.contains(expected), "LibreOffice's CSV lacks {expected}");
    }
}

#[test]
#[ignore = "needs LibreOffice; run by cargo xtask test"]
fn an_xlsx_saved_again_by_libreoffice_reads_back_to_the_same_assessment() {
    let (catalog, assessment) = checklist();
    let dir = scratch("resave");
    for exporter in &SHEET_EXPORTERS[..2] {
        let xlsx = exporter.export(catalog, &assessment, NOW).unwrap();
        std::fs::write(dir.join("ours.xlsx"), xlsx).unwrap();
        std::fs::create_dir_all(dir.join("out")).unwrap();
        soffice(
            &dir,
            &[
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                "out",
                "ours.xlsx",
            ],
        );
        let resaved = std::fs::read(dir.join("out/ours.xlsx")).unwrap();
        let imported = read_assessment(
            &resaved,
            "ours.xlsx",
            &[catalog],
            Fresh {
                id: "unused",
                now: NOW,
            },
        )
        .unwrap_or_else(|error| panic!("{}", error.both()));
        // LibreOffice saves a CR LF inside a cell as LF (Excel keeps it as `_x000D_`): that
        // change is LibreOffice's, and the only one.
        let json = |a: &Assessment| {
            String::from_utf8(JsonExporter.export(catalog, a, NOW).unwrap())
                .unwrap()
                .replace("\\r\\n", "\\n")
        };
        if let Some(difference) = first_difference(&json(&imported.assessment), &json(&assessment))
        {
            panic!(
                "{:?}: LibreOffice's round trip changed the assessment at {difference}",
                exporter.layout
            );
        }
    }
}

#[test]
#[ignore = "needs compliance-trestle; run by cargo xtask test"]
fn oscal_output_is_valid_for_nists_models() {
    let dir = scratch("oscal");
    let sample = embedded::sample_assessment();
    let sample_catalog = embedded::catalog(&sample.catalog.id).unwrap();
    let (catalog, mut filled) = checklist();
    // Documents and evidence of every kind, and answers on every choice of the scale.
    filled.subject.evaluator = "評価 太郎".into();
    for (name, catalog, assessment) in [
        ("sample", sample_catalog, &sample),
        ("filled", catalog, &filled),
    ] {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(
            &path,
            OscalExporter.export(catalog, assessment, NOW).unwrap(),
        )
        .unwrap();
        let output = Command::new(tool("TEKIGO_OSCAL_PYTHON"))
            .args([
                "-c",
                "import sys, pathlib\nfrom trestle.oscal.assessment_results import AssessmentResults as M\nM.oscal_read(pathlib.Path(sys.argv[1]))",
            ])
            .arg(&path)
            .output()
            .expect("run python");
        assert!(
            output.status.success(),
            "{name}: trestle refuses the OSCAL:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
