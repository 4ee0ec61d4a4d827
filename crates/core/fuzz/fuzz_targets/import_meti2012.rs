//! Any text given to the meti2012 importer yields a catalog or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = tekigo_core::import::import_meti2012(text);
    }
});
