//! Imported files: any bytes. parse_import must never panic; a plan it accepts
//! must apply to existing data without panicking.
#![no_main]

use kindly_core::store::{apply_import, new_user_data, parse_import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let text = String::from_utf8_lossy(bytes);
    match parse_import(&text) {
        Ok(plan) => {
            let mut data = new_user_data();
            let _ = plan.changes(&data);
            let _ = apply_import(&mut data, plan);
        }
        Err(e) => {
            let _ = e.message();
        }
    }
});
