//! A signal bound to one storage key, with one writer: an effect that writes the value whenever
//! this widget changed it (the shape of leptos's todomvc, "synchronize reactive state with
//! something outside the reactive system"). Values that came from storage (the first load, another
//! tab, Forget my data) are recorded as already stored, so they are never written back: no echo
//! between tabs, no key re-created after it was removed. A value that must reach storage in the
//! same task as the read it was merged from ([`Persisted::save_now`]) skips the effect.

use crate::storage::Keys;
use crate::ui::effect::effect;
use crate::ui::kept::Kept;
use crate::web::store::Store;
use leptos::prelude::*;

/// The signal, and where the widget's [`Kept`] keeps what storage holds for it, as far as this
/// widget knows (there rather than in a stored value of its own: each stored type compiles its
/// own copy of Leptos's arena code).
pub struct Persisted<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    kept: StoredValue<Kept, LocalStorage>,
    stored: fn(&mut Kept) -> &mut T,
    key: fn(&Keys) -> &str,
    save: fn(&Store, &str, &T),
    persistent: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Persisted<T> {
    /// Binds the key `key` picks to a signal holding `loaded`, which is what storage held and
    /// what `stored` finds in `kept`. `save` stores a value under the key (or removes it);
    /// `persistent` follows whether writes survive a reload.
    pub fn bind(
        kept: StoredValue<Kept, LocalStorage>,
        stored: fn(&mut Kept) -> &mut T,
        key: fn(&Keys) -> &str,
        loaded: T,
        save: fn(&Store, &str, &T),
        persistent: RwSignal<bool>,
    ) -> Persisted<T> {
        let persisted = Persisted {
            value: RwSignal::new(loaded),
            kept,
            stored,
            key,
            save,
            persistent,
        };
        effect(move || {
            persisted
                .value
                .with(|value| persisted.write_if_changed(value));
        });
        persisted
    }

    /// Writes `value` unless storage is known to hold it already.
    fn write_if_changed(self, value: &T) {
        let (stored, key, save) = (self.stored, self.key, self.save);
        let wrote = self.kept.try_update_value(|kept| {
            let stored = stored(kept);
            if stored == value {
                return None;
            }
            stored.clone_from(value);
            save(&kept.store, key(&kept.keys), value);
            Some(kept.store.is_persistent())
        });
        if let Some(Some(is_persistent)) = wrote {
            self.persistent.try_set(is_persistent);
        }
    }

    /// Writes `value` to storage now, in this task, and shows it. A read-merge-write that waited
    /// for the effect could be overwritten by another tab or frame writing in between.
    pub fn save_now(self, value: T) {
        self.write_if_changed(&value);
        self.value.try_set(value);
    }

    /// Shows `value`, which storage already holds (or which needs no storing).
    pub fn set_from_storage(self, value: T) {
        let stored = self.stored;
        self.kept
            .try_update_value(|kept| stored(kept).clone_from(&value));
        self.value.try_set(value);
    }
}
