//! Export benchmarks (placeholder, replaced below).
fn main() {}
