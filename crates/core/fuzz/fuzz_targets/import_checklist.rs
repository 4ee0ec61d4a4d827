//! Any text given to the checklist importer yields a catalog or an error, never a panic.
//!
//! Each input is imported as it is, and again with every line made the cross-reference cells
//! of a numbered row: random text seldom has a row of five fields behind an item number, and
//! without one the reference parser is never reached.
#![no_main]

mod text;

use libfuzzer_sys::fuzz_target;
use tekigo_core::import::import_checklist;

fuzz_target!(|data: &[u8]| {
    let text = text::utf8_prefix(data);
    let _ = import_checklist(text);
    let rows: String = text
        .lines()
        .enumerate()
        .map(|(index, line)| format!("{}\t大分類\t中分類\t対策項目\t例\t{line}\n", index + 1))
        .collect();
    let _ = import_checklist(&rows);
});
