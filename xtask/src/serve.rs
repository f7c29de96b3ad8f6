//! `cargo xtask serve`: the demo page with live reload at http://127.0.0.1:8080/ (a debug
//! build by `trunk serve`). It builds into target/trunk-serve, not dist/, so serving never
//! overwrites the release bundle.

use crate::context::Ctx;
use crate::dist;
use crate::tools::{self, Purpose};

const ADDRESS: &str = "127.0.0.1";
const PORT: &str = "8080";

/// Installs what is missing, then runs `trunk serve` until interrupted.
pub fn run(ctx: &Ctx) -> Result<(), String> {
    tools::ensure(ctx, Purpose::Serve)?;
    dist::fetch(ctx)?;
    let serve_dist = ctx.target_dir().join("trunk-serve");
    println!("\nServing the demo at http://{ADDRESS}:{PORT}/ (live reload on; Ctrl-C stops)\n");
    ctx.run(
        ctx.cmd("trunk")
            .args([
                "serve",
                "--address",
                ADDRESS,
                "--port",
                PORT,
                "--open=false",
            ])
            .arg("--dist")
            .arg(&serve_dist),
    )
}
