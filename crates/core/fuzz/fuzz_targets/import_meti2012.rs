//! Any text given to the meti2012 importer yields a catalog or an error, never a panic.
//!
//! Text with the page header the importer looks for is imported as it is. Other text, which
//! the importer would refuse at that check, is imported twice instead: as the title page in
//! front of a header, and as table rows behind one; so short inputs reach the title and the
//! table parsers rather than stopping at the header check.
#![no_main]

mod text;

use libfuzzer_sys::fuzz_target;
use tekigo_core::import::import_meti2012;

const PAGE_HEADER: &str = "医療情報を受託管理する情報処理事業者における";
const HEADER: &str = "医療情報を受託管理する情報処理事業者における 安全管理ガイドライン（平成24年10月）\t\t\t対応状況\n項目番号\tNo\t要求事項\t仮想層に係る当社の対応状況\t物理層\n";

fuzz_target!(|data: &[u8]| {
    let text = text::utf8_prefix(data);
    if text.lines().any(|line| line.starts_with(PAGE_HEADER)) {
        let _ = import_meti2012(text);
    } else {
        let _ = import_meti2012(&format!("{text}\n{HEADER}"));
        let _ = import_meti2012(&format!("{HEADER}{text}"));
    }
});
