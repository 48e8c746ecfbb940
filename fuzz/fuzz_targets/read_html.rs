//! The html reader and the parser behind it: no panic, every span valid, `text` equal to its
//! slice, output linear in the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(input) = std::str::from_utf8(data) {
        crux_fuzz::check::parse(input, crux_parser::InputFormat::Html);
    }
});
