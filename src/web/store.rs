//! The one place that touches `localStorage`. It decides once, through web-sys and a probe write,
//! whether storage is usable; only then does it call gloo-storage, whose `LocalStorage::raw()`
//! throws an uncatchable JS exception where storage is refused (a sandboxed iframe, blocked
//! cookies, Firefox answering `null`). Where it is not usable, where a write fails (quota) and for
//! the keys a newer release wrote, values live in memory and the UI says, discreetly, that
//! progress will not be saved. gloo's `get_all` and `clear` are never called: they walk every key
//! of the blog's origin.
//!
//! Two widgets on one page with the same `storage-key` would overwrite each other's progress: the
//! first to mount owns the key; a second one while the first is on the page reads what is stored
//! but keeps its own changes in memory, and says so once in the console.

use std::cell::RefCell;

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde::de::DeserializeOwned;
use serde::Serialize;

use web_sys::Element;

use crate::storage::{Read, Source};
use crate::web::console;

/// One widget's values by key: `localStorage` where it works, memory where it does not.
pub struct Store {
    usable: bool,
    /// Another widget on the page owns this namespace: read storage, write memory only.
    read_only: bool,
    /// This widget's hold on its namespace, released when the store goes with the widget.
    _claim: Option<Claim>,
    /// JSON of values that could not or must not go to `localStorage`, by key (`None`: removed
    /// here); they shadow what is there. A list, not a map: it holds at most the widget's three
    /// keys.
    memory: RefCell<Vec<(String, Option<String>)>>,
    /// Keys holding a newer release's data: never written, only removed on request.
    held: RefCell<Vec<String>>,
}

impl Store {
    /// Opens `localStorage` for the widget of `host` under `namespace` (its `storage-key`),
    /// checking that a write really works (some browsers expose a store whose every write throws)
    /// and that no other widget on the page owns the namespace.
    pub fn open(namespace: &str, host: &Element) -> Store {
        let probe_key = [namespace, ":probe"].concat();
        let usable = web_sys::window()
            .and_then(|window| window.local_storage().ok().flatten())
            .is_some_and(|storage| {
                let written = storage.set_item(&probe_key, "1").is_ok();
                let _ = storage.remove_item(&probe_key);
                written
            });
        let claim = Claim::take(namespace, host);
        if claim.is_none() {
            console::error(&[
                "two widgets on this page use storage-key=\"",
                namespace,
                "\": this one keeps its progress in memory only, so neither overwrites the other. Give each widget its own storage-key.",
            ]
            .concat());
        }
        Store {
            usable,
            read_only: claim.is_none(),
            _claim: claim,
            memory: RefCell::default(),
            held: RefCell::default(),
        }
    }

    /// A store that keeps everything in memory (component tests).
    pub fn in_memory() -> Store {
        Store {
            usable: false,
            read_only: false,
            _claim: None,
            memory: RefCell::default(),
            held: RefCell::default(),
        }
    }

    /// Whether everything written so far survives a reload.
    pub fn is_persistent(&self) -> bool {
        self.writes_storage() && self.memory.borrow().is_empty() && self.held.borrow().is_empty()
    }

    /// Whether what other tabs write to `localStorage` is this widget's to show.
    pub fn follows_storage(&self) -> bool {
        self.writes_storage()
    }

    fn writes_storage(&self) -> bool {
        self.usable && !self.read_only
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
        if self.writes_storage() && !held && LocalStorage::set(key, value).is_ok() {
            self.forget_in_memory(key);
            return;
        }
        let Ok(json) = serde_json::to_string(value) else {
            return;
        };
        self.keep_in_memory(key, Some(json));
    }

    /// Removes `key` everywhere, held or not (only from memory for a widget that does not own
    /// its namespace: the other widget's data is not this one's to remove).
    pub fn remove(&self, key: &str) {
        self.forget_in_memory(key);
        self.held.borrow_mut().retain(|k| k != key);
        if self.writes_storage() {
            LocalStorage::delete(key);
        } else if self.usable {
            // Shadows what storage holds, so this widget reads the key as removed.
            self.keep_in_memory(key, None);
        }
    }

    /// Keeps `json` (`None`: removed) for `key` in memory, shadowing localStorage.
    fn keep_in_memory(&self, key: &str, json: Option<String>) {
        let mut memory = self.memory.borrow_mut();
        match memory.iter_mut().find(|(k, _)| k == key) {
            Some((_, value)) => *value = json,
            None => memory.push((key.to_owned(), json)),
        }
    }

    fn forget_in_memory(&self, key: &str) {
        self.memory.borrow_mut().retain(|(k, _)| k != key);
    }

    /// What memory holds for `key`, if it shadows localStorage: the JSON, or `None` if removed.
    fn shadowed(&self, key: &str) -> Option<Option<String>> {
        let memory = self.memory.borrow();
        memory
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, json)| json.clone())
    }
}

thread_local! {
    /// The namespaces owned by mounted widgets on this page, with their hosts.
    static CLAIMS: RefCell<Vec<(String, Element)>> = const { RefCell::new(Vec::new()) };
}

/// A widget's hold on its namespace (through its host element); dropping it (the widget
/// unmounted) lets the next one have it.
struct Claim(Element);

impl Claim {
    /// The namespace for `host`, unless a widget whose element is still on the page holds it. A
    /// removed element's claim does not count: a single-page app may mount its successor before
    /// the loader has unmounted it.
    fn take(namespace: &str, host: &Element) -> Option<Claim> {
        CLAIMS.with_borrow_mut(|claims| {
            let taken = claims
                .iter()
                .any(|(name, other)| name == namespace && other != host && other.is_connected());
            if taken {
                return None;
            }
            claims.push((namespace.to_owned(), host.clone()));
            Some(Claim(host.clone()))
        })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        let _ = CLAIMS.try_with(|claims| {
            if let Ok(mut claims) = claims.try_borrow_mut() {
                claims.retain(|(_, host)| *host != self.0);
            }
        });
    }
}

impl Source for Store {
    fn read<T: DeserializeOwned>(&self, key: &str) -> Read<T> {
        if let Some(json) = self.shadowed(key) {
            return (|_: &str| json.clone()).read(key);
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
