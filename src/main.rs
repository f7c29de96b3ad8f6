//! The binary Trunk builds: it only links the library, whose `#[wasm_bindgen]` exports `embed.js`
//! calls, and picks the shipped wasm's allocator. A `cdylib` would be ~50% larger, and without
//! this `use` the exports vanish from the glue.

use cto_cio_quiz as _;

/// A free-list allocator instead of std's dlmalloc: 0.7 KB brotli less in the bundle, the same
/// load time (`cargo xtask bench`). The widget allocates little, mostly while mounting.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
// SAFETY: `AssumeSingleThreaded` is sound when no two threads allocate at once. The widget is built
// for wasm32-unknown-unknown without the `atomics` feature: one thread, no shared memory.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {}
