//! Any bytes given to the XLSX reader yield a workbook or an error, never a panic, and a
//! workbook that reads as an assessment writes back to XLSX without loss.
//!
//! Random bytes are seldom a zip, so an input that is not one is split at its first NUL into
//! a worksheet and a shared-strings part and packed into an otherwise valid workbook: that
//! is how the inputs reach the XML and cell readers.
#![no_main]

mod read;
mod zip;

use libfuzzer_sys::fuzz_target;
use tekigo_formats::xlsx::{self, Properties};

fuzz_target!(|data: &[u8]| {
    let bytes = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        let split = data.iter().position(|b| *b == 0).unwrap_or(data.len());
        let (sheet, strings) = (&data[..split], data.get(split + 1..).unwrap_or_default());
        zip::workbook(sheet, strings)
    };
    if let Ok(workbook) = xlsx::read(&bytes) {
        // A cell longer than Excel holds is refused by the writer, and rightly.
        read::interpret(&workbook, |written| {
            let bytes = xlsx::write(written, &Properties::default()).ok()?;
            Some(xlsx::read(&bytes).expect("our own file reads"))
        });
    }
});
