//! The binary Trunk builds: it only links the library, whose `#[wasm_bindgen]` exports `embed.js`
//! calls. A `cdylib` would be ~50% larger, and without this `use` the exports vanish from the glue.

use cto_cio_quiz as _;

fn main() {}
