//! Any bytes given to the CSV reader yield a workbook or an error, never a panic; what reads
//! writes back to CSV (UTF-8, and Shift_JIS where every character has a code) and reads the
//! same; and a workbook that reads as an assessment writes back without loss.
#![no_main]

mod read;

use libfuzzer_sys::fuzz_target;
use tekigo_formats::csv::{self, Encoding};
use tekigo_formats::grid::Workbook;

/// The cells of each sheet, without the empty cells ending a row or the empty rows ending a
/// sheet (which a CSV does not keep).
fn cells(workbook: &Workbook) -> Vec<(String, Vec<Vec<String>>)> {
    workbook
        .sheets
        .iter()
        .map(|sheet| {
            let mut rows: Vec<Vec<String>> = sheet
                .rows
                .iter()
                .map(|row| {
                    let mut cells = row.cells.clone();
                    while cells.last().is_some_and(String::is_empty) {
                        cells.pop();
                    }
                    cells
                })
                .collect();
            while rows.last().is_some_and(|row| row.iter().all(|c| c.trim().is_empty())) {
                rows.pop();
            }
            (sheet.name.clone(), rows)
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let Ok((_, workbook)) = csv::read(data, "sheet") else {
        return;
    };
    for encoding in [Encoding::Utf8, Encoding::Cp932] {
        let Ok(written) = csv::write(&workbook, encoding) else {
            continue; // a character Shift_JIS lacks, reported as such
        };
        let read_back = csv::read(&written, "sheet");
        if encoding == Encoding::Cp932 {
            // Shift_JIS bytes that also make UTF-8 are read as UTF-8 (or as damaged UTF-8):
            // without a byte-order mark the two cannot always be told apart.
            let looks_utf8 = std::str::from_utf8(&written).is_ok() || read_back.is_err();
            if !written.is_ascii() && looks_utf8 {
                continue;
            }
        }
        let (_, again) = read_back.expect("our own CSV reads");
        assert_eq!(cells(&again), cells(&workbook), "{encoding:?}");
    }
    read::interpret(&workbook, |written| {
        let bytes = csv::write(written, Encoding::Utf8).expect("UTF-8 holds every character");
        Some(csv::read(&bytes, "sheet").expect("our own CSV reads").1)
    });
});
