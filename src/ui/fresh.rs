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

/// Where a part built fresh goes: the slot element (`node`, for the view's `node_ref`), the part
/// shown now, and the owner parts are built under.
pub struct Slot {
    pub node: NodeRef<html::Div>,
    shown: Mounted,
    /// The owner of the component that made the slot. Parts are built under a child of it, not
    /// under the effect that shows them: an effect disposes what it owns each time it runs
    /// again, so a part built under it would stop following the session the first time the
    /// effect ran without rebuilding it (as it does when it keys on a value it compares itself).
    owner: Option<Owner>,
}

/// A part's own owner, cleaned up when the part leaves the slot. Dropping the mount handle alone
/// would not dispose the part's effects while anything else still holds the owner (each event
/// listener does); an old part's focus effect would then still take the focus meant for its
/// successor.
struct PartOwner(Owner);

impl Drop for PartOwner {
    fn drop(&mut self) {
        self.0.cleanup();
    }
}

/// A slot with nothing in it yet, for the component being built.
pub fn slot() -> Slot {
    Slot {
        node: NodeRef::new(),
        shown: StoredValue::new_local(Vec::new()),
        owner: Owner::current(),
    }
}

/// Replaces what `slot` shows with a freshly built `part`. Call it from an effect that reads the
/// part's key: the part is built untracked, so only the key re-runs it, and under the slot's
/// owner, so the part is disposed with the widget (a part built fresh may itself hold slots).
///
/// Read the key with `get`/`with`, never only `track()` it: `Memo::track` subscribes the effect
/// without computing the memo, and a memo that was never computed has no sources, so nothing
/// ever tells it (or the effect) that the quiz changed. That, not ownership, is why a part built
/// fresh inside another one once seemed to stop following the quiz: its key was a new memo that
/// only `track()` had touched.
pub fn show<N>(slot: &Slot, part: impl FnOnce() -> N + 'static)
where
    N: IntoView + 'static,
{
    let Some(element) = slot.node.get() else {
        return;
    };
    // The old part leaves before the new one arrives: never both in the DOM.
    slot.shown.set_value(Vec::new());
    let owner = slot.owner.as_ref().map_or_else(Owner::new, Owner::child);
    let handle = owner.with(|| untrack(|| mount_to(element.unchecked_into(), part)));
    // The owner first: its effects go before the part's elements leave the DOM.
    slot.shown
        .set_value(vec![Box::new((PartOwner(owner), handle)) as Box<dyn Any>]);
}
