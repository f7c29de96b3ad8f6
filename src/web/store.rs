//! The one place that touches `localStorage`. When it is missing or throws (Safari private mode, a
//! sandboxed iframe, storage disabled, quota exceeded) the widget keeps working from memory and the
//! UI says, discreetly, that progress will not be saved.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use web_sys::Storage;

/// String values by key: `localStorage` where it works, memory where it does not.
pub struct Store {
    local: Option<Storage>,
    /// Values that could not be written to `localStorage`; they shadow what is stored there.
    memory: RefCell<HashMap<String, String>>,
    persistent: Cell<bool>,
}

impl Store {
    /// Opens `localStorage`, checking that a write really works (some browsers expose a store
    /// whose every write throws).
    pub fn open(probe_key: &str) -> Store {
        let local = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .filter(|storage| {
                let written = storage.set_item(probe_key, "1").is_ok();
                let _ = storage.remove_item(probe_key);
                written
            });
        let persistent = local.is_some();
        Store {
            local,
            memory: RefCell::new(HashMap::new()),
            persistent: Cell::new(persistent),
        }
    }

    /// A store that only keeps values in memory (for tests, and for pages without storage).
    pub fn in_memory() -> Store {
        Store {
            local: None,
            memory: RefCell::new(HashMap::new()),
            persistent: Cell::new(false),
        }
    }

    /// Whether what is written survives a reload.
    pub fn is_persistent(&self) -> bool {
        self.persistent.get()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        if let Some(value) = self.memory.borrow().get(key) {
            return Some(value.clone());
        }
        self.local
            .as_ref()
            .and_then(|storage| storage.get_item(key).ok().flatten())
    }

    /// Writes `value`; when `localStorage` refuses (quota exceeded), keeps it in memory instead.
    pub fn set(&self, key: &str, value: &str) {
        let written = self
            .local
            .as_ref()
            .is_some_and(|storage| storage.set_item(key, value).is_ok());
        let mut memory = self.memory.borrow_mut();
        if written {
            memory.remove(key);
        } else {
            memory.insert(key.to_owned(), value.to_owned());
            self.persistent.set(false);
        }
    }

    pub fn remove(&self, key: &str) {
        self.memory.borrow_mut().remove(key);
        if let Some(storage) = &self.local {
            let _ = storage.remove_item(key);
        }
    }

    /// Every key present, in `localStorage` and in memory.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.memory.borrow().keys().cloned().collect();
        if let Some(storage) = &self.local {
            let length = storage.length().unwrap_or(0);
            for index in 0..length {
                if let Ok(Some(key)) = storage.key(index) {
                    if !keys.contains(&key) {
                        keys.push(key);
                    }
                }
            }
        }
        keys
    }
}
