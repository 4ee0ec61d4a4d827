//! Any text given to the mhlw importer yields a catalog or an error, never a panic.
//!
//! Each input is imported as it is, and again behind the table of contents (sections 6.1–6.12
//! and 7.1–7.3) that the importer reads first: random text seldom lists all fifteen, and
//! without them it stops before the parsers of items (ア)–(キ) and of the MITSF activities.
#![no_main]

mod text;

use libfuzzer_sys::fuzz_target;
use tekigo_core::import::import_mhlw;

const CONTENTS: &str = "６．１ 方針\n６．２ 実践\n６．３ 組織\n６．４ 物理\n６．５ 技術\n６．６ 人的\n６．７ 破棄\n６．８ 改造\n６．９ 持ち出し\n６．10 災害\n６．11 交換\n６．12 署名\n７．１ 真正性\n７．２ 見読性\n７．３ 保存性\n";

fuzz_target!(|data: &[u8]| {
    let text = text::utf8_prefix(data);
    let _ = import_mhlw(text);
    let _ = import_mhlw(&format!("{CONTENTS}{text}"));
});
