//! Any bytes given to the loaders yield a file or an error, never a panic;
//! and whatever loads writes back to JSON that loads to the same assessment.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(assessment) = tekigo_core::load_assessment(data) {
        let json = tekigo_core::to_json(&assessment);
        let again = tekigo_core::load_assessment(json.as_bytes()).expect("own output loads");
        assert_eq!(again, assessment);
    }
    let _ = tekigo_core::load_catalog(data);
    let _ = tekigo_core::load_file(data);
});
