//! A panic must not leave a dead widget in silence: the reader is told, once, in the console, what
//! to do. (Release builds abort after the hook, so the hook is the only chance to say anything.)

use std::sync::Once;

use crate::web::console;

static HOOK: Once = Once::new();

/// Installs the panic report; further calls do nothing.
pub fn report_once() {
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|_| {
            console::error("the quiz stopped because of an internal error. Reload the page to continue; your saved progress is kept.");
        }));
    });
}
