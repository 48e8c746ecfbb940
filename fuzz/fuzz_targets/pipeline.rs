//! The whole pipeline as `crux analyze` runs it on one document: the format sniffed, the
//! parser, the analysis and the JSON report. No panic, every span valid, `text` equal to its
//! slice, numbers finite (and never -0), output linear in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        crux_fuzz::check::pipeline(input);
    }
});
