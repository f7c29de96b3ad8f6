//! A signal bound to one storage key, with one writer: an effect that writes the value whenever
//! this widget changed it (the shape of leptos's todomvc, "synchronize reactive state with
//! something outside the reactive system"). Values that came from storage (the first load, another
//! tab, Forget my data) are recorded as already stored, so they are never written back: no echo
//! between tabs, no key re-created after it was removed.

use crate::web::store::Store;
use leptos::prelude::*;

/// The signal and what storage holds for it, as far as this widget knows.
pub struct Persisted<T: Send + Sync + 'static> {
    pub value: RwSignal<T>,
    stored: StoredValue<T>,
}

impl<T: Send + Sync + 'static> Clone for Persisted<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Persisted<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Persisted<T> {
    /// Binds `key` to a signal holding `loaded` (what storage held). `save` stores a value under
    /// the key (or removes it); `persistent` follows whether writes survive a reload.
    pub fn bind(
        store: StoredValue<Store, LocalStorage>,
        key: String,
        loaded: T,
        save: fn(&Store, &str, &T),
        persistent: RwSignal<bool>,
    ) -> Persisted<T> {
        let persisted = Persisted {
            value: RwSignal::new(loaded.clone()),
            stored: StoredValue::new(loaded),
        };
        Effect::new(move |_| {
            persisted.value.with(|value| {
                if persisted.stored.with_value(|stored| stored == value) {
                    return;
                }
                store.with_value(|store| {
                    save(store, &key, value);
                    persistent.set(store.is_persistent());
                });
                persisted.stored.set_value(value.clone());
            });
        });
        persisted
    }

    /// Shows `value`, which storage already holds (or which needs no storing).
    pub fn set_from_storage(self, value: T) {
        self.stored.set_value(value.clone());
        self.value.set(value);
    }
}
