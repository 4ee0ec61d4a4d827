//! The committed catalogs are what the importers make of the seeds, and every item text is the
//! seed's text. Run with `UPDATE_EXPECT=1` to rewrite `crates/core/data/` after an importer
//! change, then review the diff.

use std::path::{Path, PathBuf};

use tekigo_core::import::{import_seed, SeedImport};
use tekigo_core::{load_assessment, load_catalog, to_json, Catalog};

const SEEDS: [&str; 3] = [
    "003_8f87f65dda490ce1.txt",
    "004_82653e598a87a77b.txt",
    "002_6840460b5352da36.txt",
];

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(manifest_dir().join("tests/seeds").join(name)).expect("seed fixture")
}

fn import(name: &str) -> SeedImport {
    import_seed(&fixture(name)).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn check_or_update(path: &Path, expected: &str) {
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(path, expected).expect("write data file");
        return;
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == expected,
        "{} differs from what the importer makes of the seeds; run with UPDATE_EXPECT=1 and review the diff",
        path.display()
    );
}

#[test]
fn committed_data_files_equal_a_fresh_import() {
    let data = manifest_dir().join("data");
    for seed in SEEDS {
        let imported = import(seed);
        for catalog in &imported.catalogs {
            check_or_update(
                &data.join(format!("{}.json", catalog.id)),
                &to_json(catalog),
            );
        }
        for assessment in &imported.assessments {
            check_or_update(
                &data.join(format!("sample-{}.json", assessment.id)),
                &to_json(assessment),
            );
        }
    }
}

/// The fixtures are the seeds of `../shared`. Ignored by a plain `cargo test`, so a machine
/// without that folder reports it skipped instead of passing; `cargo xtask test` runs it
/// whenever the folder is there and says "skipped" otherwise.
#[test]
#[ignore = "compares with ../shared/seeds; cargo xtask test runs it when that folder exists"]
fn fixtures_equal_shared_seeds() {
    let shared = manifest_dir().join("../../../shared/seeds");
    assert!(
        shared.exists(),
        "{} is missing: this test compares the fixtures with it",
        shared.display()
    );
    for seed in SEEDS {
        let original = std::fs::read(shared.join(seed)).expect("shared seed");
        assert!(
            original == fixture(seed),
            "{seed}: fixture differs from ../shared/seeds"
        );
    }
}

#[test]
fn committed_crosswalk_equals_a_fresh_build() {
    let checklist = catalog_of(SEEDS[0]);
    let meti = catalog_of(SEEDS[1]);
    let crosswalk = tekigo_core::crosswalk::build_crosswalk(&checklist, &meti);
    check_or_update(
        &manifest_dir().join("data/crosswalk-checklist-meti-2012.json"),
        &to_json(&crosswalk),
    );
}

#[test]
fn data_files_load_through_the_public_loader() {
    let data = manifest_dir().join("data");
    for entry in std::fs::read_dir(&data).expect("data dir") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("read");
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with("sample-") {
            load_assessment(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        } else if name.starts_with("crosswalk") {
            continue;
        } else if name.starts_with("profile-") {
            tekigo_core::applicability::load_profile(&bytes)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        } else {
            load_catalog(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}

fn catalog_of(seed: &str) -> Catalog {
    import(seed).catalogs.remove(0)
}

/// Every checklist item: its number starts exactly one seed line, and that line holds the
/// item's text and evidence examples as whole tab-separated fields.
#[test]
fn every_checklist_item_is_its_seed_row_verbatim() {
    let seed = String::from_utf8(fixture(SEEDS[0])).unwrap();
    let catalog = catalog_of(SEEDS[0]);
    assert_eq!(catalog.items.len(), 253);
    for item in &catalog.items {
        let prefix = format!("{}\t", item.id);
        let rows: Vec<&str> = seed
            .lines()
            .filter(|line| line.starts_with(&prefix))
            .collect();
        assert_eq!(rows.len(), 1, "item {}", item.id);
        let fields: Vec<&str> = rows[0].split('\t').collect();
        assert_eq!(fields[3], item.text, "item {} text", item.id);
        assert_eq!(
            Some(fields[4]),
            item.evidence_examples.as_deref(),
            "item {} evidence",
            item.id
        );
        let group_path: Vec<&str> = catalog
            .group_path(&item.group)
            .iter()
            .map(|group| group.title.as_str())
            .collect();
        // A row that spells its 中分類 otherwise than the group keeps it says so.
        let spelled = item
            .annotations
            .iter()
            .find(|note| note.field == "group")
            .map_or(fields[2].trim(), |note| {
                assert_eq!(note.excerpt, fields[2].trim(), "item {}", item.id);
                note.intended.as_str()
            });
        assert_eq!(group_path, [fields[1].trim(), spelled], "item {}", item.id);
        for reference in &item.references {
            assert!(
                rows[0].contains(&reference.raw),
                "item {} ref {}",
                item.id,
                reference.raw
            );
        }
    }
}

/// Every METI 2012 item text is made of whole cells of the seed, in file order, once each
/// cell has had its extraction artefacts removed (pieces joined directly, by a space or by the
/// line break before a list entry); and the numbers run 1–182 exactly once.
#[test]
fn every_meti_item_is_made_of_whole_seed_cells() {
    let seed = String::from_utf8(fixture(SEEDS[1])).unwrap();
    let cleaner = tekigo_core::import::CellCleaner::for_document(&seed);
    let cells: Vec<String> = seed
        .lines()
        .flat_map(|line| line.split('\t'))
        .map(|cell| cleaner.clean(cell))
        .filter(|cell| !cell.is_empty())
        .collect();
    let catalog = catalog_of(SEEDS[1]);
    let ids: Vec<String> = catalog.items.iter().map(|item| item.id.clone()).collect();
    let expected: Vec<String> = (1..=182).map(|n| n.to_string()).collect();
    assert_eq!(ids, expected);
    let mut cursor = 0;
    for item in &catalog.items {
        let mut rest = item.text.as_str();
        let start = cells[cursor..]
            .iter()
            .position(|cell| rest.starts_with(cell.as_str()))
            .unwrap_or_else(|| panic!("item {}: no seed cell starts its text", item.id));
        cursor += start;
        while !rest.is_empty() {
            let next = cells[cursor..]
                .iter()
                .position(|cell| rest.starts_with(cell.as_str()))
                .unwrap_or_else(|| panic!("item {}: {rest:?} is not made of seed cells", item.id));
            cursor += next;
            rest = &rest[cells[cursor].len()..];
            rest = rest.strip_prefix(['\n', ' ']).unwrap_or(rest);
            cursor += 1;
        }
    }
}

#[test]
fn meti_numbers_the_extraction_lost_are_annotated() {
    let catalog = catalog_of(SEEDS[1]);
    for id in ["8", "9", "10", "160"] {
        let item = catalog.item(id).unwrap();
        assert!(
            item.annotations.iter().any(|note| note.field == "id"),
            "item {id} should say its number was inferred"
        );
    }
    assert!(catalog
        .item("8")
        .unwrap()
        .text
        .starts_with("(2) 情報の所有者"));
    // 160 is the lead-in of 2.6.15, which the vendor counted: its note says so, and the
    // section's clause (1) is 161.
    let lead_in = catalog.item("160").unwrap();
    assert!(lead_in.text.starts_with("各作業者に対しては"));
    assert_eq!(lead_in.label, None);
    assert!(lead_in.annotations[0].note.contains("導入文"));
    assert_eq!(catalog.item("161").unwrap().label.as_deref(), Some("(1)"));
}

/// Labels are the item's own `(n)` as written, full-width where the text is (73–79).
#[test]
fn meti_labels_are_written_as_the_text_writes_them() {
    let catalog = catalog_of(SEEDS[1]);
    for item in &catalog.items {
        if let Some(label) = &item.label {
            assert!(item.text.starts_with(label.as_str()), "item {}", item.id);
        }
    }
    assert_eq!(catalog.item("73").unwrap().label.as_deref(), Some("（2）"));
}

/// Extraction left wrap spaces in `2.6. 7.` and `I D`, and lost text of item 11 at a page
/// break: the first two are undone, the third is said.
#[test]
fn meti_wrap_artefacts_are_undone_and_lost_text_is_noted() {
    let catalog = catalog_of(SEEDS[1]);
    assert!(catalog
        .item("169")
        .unwrap()
        .text
        .contains("「2.6.7. 電子媒体の取扱」"));
    assert_eq!(
        catalog.group("2.6.14").unwrap().title,
        "作業者アクセス及び作業者IDの管理"
    );
    let item = catalog.item("11").unwrap();
    assert!(
        item.text.contains("つけること）る方式には"),
        "the text stays as extracted"
    );
    assert!(item
        .annotations
        .iter()
        .any(|note| note.field == "text" && note.excerpt == "）る方式には"));
}

/// One 中分類 spelled two ways (`記録 (ログ)` on six rows, `記録（ログ）` on two) is one group
/// with the first title; the two rows keep their spelling in an annotation.
#[test]
fn one_group_for_one_minor_heading_spelled_two_ways() {
    let catalog = catalog_of(SEEDS[0]);
    let logs: Vec<&tekigo_core::Group> = catalog
        .groups
        .iter()
        .filter(|group| group.title.starts_with("記録"))
        .collect();
    assert_eq!(logs.len(), 1);
    assert_eq!(logs[0].title, "記録 (ログ)");
    let in_group: Vec<&str> = catalog
        .items
        .iter()
        .filter(|item| item.group == logs[0].id)
        .map(|item| item.id.as_str())
        .collect();
    assert_eq!(
        in_group,
        ["104", "105", "106", "107", "108", "109", "110", "111"]
    );
    for id in ["110", "111"] {
        let note = &catalog.item(id).unwrap().annotations[0];
        assert_eq!(
            (note.field.as_str(), note.excerpt.as_str()),
            ("group", "記録（ログ）")
        );
    }
}

/// Conversion errors and slips the source keeps, each annotated where it stands.
#[test]
fn checklist_source_slips_are_annotated() {
    let catalog = catalog_of(SEEDS[0]);
    for (item, field, written, meant) in [
        ("4", "evidenceExamples", "各種手帳書", "各種手順書"),
        ("171", "text", "危険化", "危殆化"),
        ("190", "text", "鍵照戻", "鍵回復 (推定)"),
        ("209", "text", "轟断", "裁断"),
        ("214", "text", "轟断", "裁断"),
        ("15", "references", "(ロ)", "(コ) (推定)"),
        ("194", "references", "(ロ)", "(コ) (推定)"),
        ("195", "references", "(ロ)", "(コ) (推定)"),
    ] {
        let item = catalog.item(item).unwrap();
        assert!(
            item.annotations.iter().any(|note| note.field == field
                && note.excerpt == written
                && note.intended == meant),
            "item {}: {written}",
            item.id
        );
    }
}

/// The overview of the MHLW guideline disagrees with itself in two places; both are noted.
#[test]
fn mhlw_inconsistencies_are_annotated() {
    let catalog = catalog_of(SEEDS[2]);
    let note = &catalog.item("6.11").unwrap().annotations[0];
    assert_eq!(
        (note.excerpt.as_str(), note.intended.as_str()),
        ("診療情報", "医療情報")
    );
    let note = &catalog.item("mitsf.13").unwrap().annotations[0];
    assert_eq!(note.excerpt, "電子証明書管理");
    assert!(note.intended.starts_with("電子署名管理"));
    // The id is the number: no label repeats it.
    assert!(catalog.items.iter().all(|item| item.label.is_none()));
}

#[test]
fn known_source_typos_stay_and_are_annotated() {
    let catalog = catalog_of(SEEDS[0]);
    let item = catalog.item("147").unwrap();
    assert!(item.text.contains("見逃しが確保"));
    assert!(item.annotations.iter().any(|a| a.intended == "見読性"));
    let item = catalog.item("190").unwrap();
    assert!(item.references[0].raw.contains("番号による管理策"));
    assert!(item
        .annotations
        .iter()
        .any(|a| a.intended == "暗号による管理策"));
}

#[test]
fn mhlw_skeleton_has_its_sections_items_and_activities() {
    let catalog = catalog_of(SEEDS[2]);
    let in_group = |group: &str| catalog.items.iter().filter(|i| i.group == group).count();
    assert_eq!(in_group("6"), 12);
    assert_eq!(in_group("7"), 3);
    assert_eq!(in_group("8.1.2"), 7);
    assert_eq!(in_group("mitsf"), 13);
    assert_eq!(
        catalog.item("6.12").unwrap().text,
        "法令で定められた記名・押印を電子署名で行うことについて"
    );
    assert!(catalog
        .item("8.1.2(ア)")
        .unwrap()
        .text
        .starts_with("外部保存を受託事業者と、守秘に関連した事項"));
}

/// Every MHLW skeleton item: its text, with the line breaks of wrapped paragraphs removed,
/// stands in the seed once the seed's lines are trimmed and joined.
#[test]
fn every_mhlw_item_is_seed_text() {
    let seed = String::from_utf8(fixture(SEEDS[2])).unwrap();
    let joined: String = seed
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let catalog = catalog_of(SEEDS[2]);
    assert_eq!(catalog.items.len(), 35);
    for item in &catalog.items {
        let text = item.text.replace('\n', "");
        assert!(joined.contains(&text), "item {}: {text}", item.id);
        if let Some(label) = &item.label {
            assert!(
                joined.contains(&format!("{label}{text}"))
                    || joined.contains(&format!("{label} {text}")),
                "item {}",
                item.id
            );
        }
    }
}

/// The PDF merged the answer cell of 175 over 175–178 (a list of three activities, then a
/// sentence) and that of 88 over 88–89; every row of a merged cell carries the whole answer.
#[test]
fn merged_answer_cells_count_for_every_row_they_span() {
    let sample = import(SEEDS[1]).assessments.remove(0);
    let statement = |id: &str| sample.answers[id].statement.clone();
    for id in ["176", "177", "178"] {
        assert_eq!(statement(id), statement("175"), "item {id}");
    }
    assert!(statement("175").contains("(1) システムを停止させず"));
    assert!(statement("175").contains("を講じています"));
    assert_eq!(statement("89"), statement("88"));
    assert!(
        statement("79").starts_with("いずれの第三者サービス"),
        "an answer may start with kana"
    );
}

/// Long runs of short lines inside one cell made the METI importer quadratic: it copied and
/// rescanned the whole cell for every line, and 1 MB of such lines took over a minute. Linear,
/// this input imports in well under a second; a quadratic regression makes the test hang.
#[test]
fn long_runs_of_short_lines_in_one_cell_import() {
    const LINES: usize = 20_000;
    let mut text = String::from_utf8(fixture(SEEDS[1])).unwrap();
    text.push('\n');
    for n in 0..LINES {
        text.push_str(&format!("\t\t\t\t続き{n}。\n"));
    }
    for n in 0..LINES {
        text.push_str(&format!("項目番号\tNo\n\t\t続き{n}\n"));
    }
    let (catalog, sample) = tekigo_core::import::import_meti2012(&text).expect("imports");
    let last = LINES - 1;
    assert!(sample.answers["181"]
        .statement
        .ends_with(&format!("続き{last}。")));
    assert!(catalog
        .item("182")
        .unwrap()
        .text
        .ends_with(&format!("続き{last}")));
}
