//! Parts that change as a whole (the quiz's screen, the results page, the newsletter's body) are
//! built from scratch into a slot element whenever they change, never updated in place. A part
//! returned from a reactive closure instead makes Leptos compile update ("rebuild") code for its
//! whole tree, which such a part never needs: building fresh saves that code (measured: about
//! 2 KB brotli for the three quiz screens alone).

use std::any::Any;

use leptos::html;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Mount handles: dropping one unmounts its content and disposes its owner. A slot holds at most
/// one; the app holds one per part. One type for both, so Leptos's stored-value code is compiled
/// once for them.
pub type Mounted = StoredValue<Vec<Box<dyn Any>>, LocalStorage>;

/// A slot with nothing in it yet.
pub fn slot() -> (NodeRef<html::Div>, Mounted) {
    (NodeRef::new(), StoredValue::new_local(Vec::new()))
}

/// Replaces what `slot` shows with a freshly built `part`. Call it from an effect that reads the
/// part's key: the part is built untracked, so only the key re-runs it, and under the effect's
/// owner, so the part is disposed with the widget (a part built fresh may itself hold slots).
///
/// Read the key with `get`/`with`, never only `track()` it: `Memo::track` subscribes the effect
/// without computing the memo, and a memo that was never computed has no sources, so nothing
/// ever tells it (or the effect) that the quiz changed. That, not ownership, is why a part built
/// fresh inside another one once seemed to stop following the quiz: its key was a new memo that
/// only `track()` had touched.
pub fn show<N>(slot: NodeRef<html::Div>, shown: Mounted, part: impl FnOnce() -> N + 'static)
where
    N: IntoView + 'static,
{
    let Some(element) = slot.get() else { return };
    // The old part leaves before the new one arrives: never both in the DOM.
    shown.set_value(Vec::new());
    let handle: Box<dyn Any> = Box::new(untrack(|| mount_to(element.unchecked_into(), part)));
    shown.set_value(vec![handle]);
}
