//! Shared by these tests and the fuzz targets (fuzz/fuzz_targets/ include
//! this folder), so a regression test runs exactly what the fuzzer ran.

pub mod fuzzed;
