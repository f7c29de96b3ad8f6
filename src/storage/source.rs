//! Where saved values are read from: anything that can hand back one key's value as a serde type.
//! The web edge reads localStorage through gloo-storage; tests and the in-memory fallback pass a
//! closure over JSON strings.

use serde::de::DeserializeOwned;

/// One key's value as the source read it.
pub enum Read<T> {
    /// Nothing is stored under the key.
    Missing,
    Found(T),
    /// Something is stored, but it is not valid JSON or not a `T`.
    Unreadable(serde_json::Error),
}

/// Reads one key as `T`.
pub trait Source {
    fn read<T: DeserializeOwned>(&self, key: &str) -> Read<T>;
}

/// A closure that returns the raw string stored under a key is a source.
impl<F: Fn(&str) -> Option<String>> Source for F {
    fn read<T: DeserializeOwned>(&self, key: &str) -> Read<T> {
        match self(key) {
            None => Read::Missing,
            Some(raw) => match serde_json::from_str(&raw) {
                Ok(value) => Read::Found(value),
                Err(error) => Read::Unreadable(error),
            },
        }
    }
}
