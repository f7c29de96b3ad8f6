//! `cargo xtask bench`: for now the release bundle's size table only; the performance
//! benchmarks are not implemented yet.

use crate::context::Ctx;
use crate::dist;

/// Builds the release bundle, prints its sizes and says what is still missing.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    dist::run(ctx)?;
    println!("\nbench: performance benchmarks are not implemented yet (sizes above only)");
    Ok(())
}
