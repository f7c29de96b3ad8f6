//! The one place that touches `localStorage`. It decides once, through web-sys and a probe write,
//! whether storage is usable; only then does it call gloo-storage, whose `LocalStorage::raw()`
//! throws an uncatchable JS exception where storage is refused (a sandboxed iframe, blocked
//! cookies, Firefox answering `null`). Where it is not usable, where a write fails (quota) and for
//! the keys a newer release wrote, values live in memory and the UI says, discreetly, that
//! progress will not be saved. gloo's `get_all` and `clear` are never called: they walk every key
//! of the blog's origin.

use std::cell::RefCell;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::storage::{Read, Source};

/// One widget's values by key: `localStorage` where it works, memory where it does not.
pub struct Store {
    usable: bool,
    /// JSON of values that could not or must not go to `localStorage`, by key; they shadow what
    /// is there. A list, not a map: it holds at most the widget's three keys.
    memory: RefCell<Vec<(String, String)>>,
    /// Keys holding a newer release's data: never written, only removed on request.
    held: RefCell<Vec<String>>,
}

impl Store {
    /// Opens `localStorage`, checking that a write really works (some browsers expose a store
    /// whose every write throws).
    pub fn open(probe_key: &str) -> Store {
        let usable = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .is_some_and(|storage| {
                let written = storage.set_item(probe_key, "1").is_ok();
                let _ = storage.remove_item(probe_key);
                written
            });
        Store {
            usable,
            memory: RefCell::default(),
            held: RefCell::default(),
        }
    }

    /// A store that keeps everything in memory (component tests).
    pub fn in_memory() -> Store {
        Store {
            usable: false,
            memory: RefCell::default(),
            held: RefCell::default(),
        }
    }

    /// Whether everything written so far survives a reload.
    pub fn is_persistent(&self) -> bool {
        self.usable && self.memory.borrow().is_empty() && self.held.borrow().is_empty()
    }

    /// From now on `key` (a newer release's data) is never written, only kept in memory.
    pub fn hold(&self, key: &str) {
        let mut held = self.held.borrow_mut();
        if !held.iter().any(|k| k == key) {
            held.push(key.to_owned());
        }
    }

    /// Writes `value` as JSON; where `localStorage` refuses (quota) or the key is held, keeps it
    /// in memory instead, leaving what is stored untouched.
    pub fn write<T: Serialize>(&self, key: &str, value: &T) {
        let held = self.held.borrow().iter().any(|k| k == key);
        if self.usable && !held && LocalStorage::set(key, value).is_ok() {
            self.forget_in_memory(key);
            return;
        }
        let Ok(json) = serde_json::to_string(value) else {
            return;
        };
        let mut memory = self.memory.borrow_mut();
        match memory.iter_mut().find(|(k, _)| k == key) {
            Some((_, value)) => *value = json,
            None => memory.push((key.to_owned(), json)),
        }
    }

    /// Removes `key` everywhere, held or not.
    pub fn remove(&self, key: &str) {
        self.forget_in_memory(key);
        self.held.borrow_mut().retain(|k| k != key);
        if self.usable {
            LocalStorage::delete(key);
        }
    }

    fn forget_in_memory(&self, key: &str) {
        self.memory.borrow_mut().retain(|(k, _)| k != key);
    }

    /// The JSON kept in memory for `key`, which shadows localStorage.
    fn in_memory_json(&self, key: &str) -> Option<String> {
        let memory = self.memory.borrow();
        memory
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, json)| json.clone())
    }
}

impl Source for Store {
    fn read<T: DeserializeOwned>(&self, key: &str) -> Read<T> {
        if let Some(json) = self.in_memory_json(key) {
            return (|_: &str| Some(json.clone())).read(key);
        }
        if !self.usable {
            return Read::Missing;
        }
        match LocalStorage::get(key) {
            Ok(value) => Read::Found(value),
            Err(StorageError::SerdeError(error)) => Read::Unreadable(error),
            Err(StorageError::KeyNotFound(_) | StorageError::JsError(_)) => Read::Missing,
        }
    }
}
