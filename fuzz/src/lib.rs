//! What the fuzz targets check, shared with the regression tests that replay found cases
//! (`crates/crux-cli/tests/fuzz_regressions.rs` includes `check.rs` by path).

#![forbid(unsafe_code)]

pub mod check;
