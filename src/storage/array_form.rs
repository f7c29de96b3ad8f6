//! Every saved type refuses the JSON array form of a struct (what `objects_only` is for): each
//! file as the widget writes it is loaded once per JSON object in it, with that one object
//! written as an array of its field values instead (serde's derived readers would take that
//! form), and the value it belongs to must not come back.

use core::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{history_file, keys, load, newsletter_file, progress_file};
use super::{HistoryEntry, NewsletterMemory, Saved};
use crate::quiz::testing::{played, BANK};
use crate::quiz::FeedbackMode;

/// A JSON document with its objects' fields in the order they were written.
enum Tree {
    Leaf(serde_json::Value),
    List(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Tree, D::Error> {
        deserializer.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Leaf(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Leaf(v.into()))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Leaf(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Leaf(v.into()))
    }
    fn visit_str<E>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::Leaf(v.into()))
    }
    fn visit_unit<E>(self) -> Result<Tree, E> {
        Ok(Tree::Leaf(serde_json::Value::Null))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Tree::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let mut fields = Vec::new();
        while let Some(field) = map.next_entry()? {
            fields.push(field);
        }
        Ok(Tree::Object(fields))
    }
}

impl Tree {
    fn objects(&self) -> usize {
        match self {
            Tree::Leaf(_) => 0,
            Tree::List(items) => items.iter().map(Tree::objects).sum(),
            Tree::Object(fields) => 1 + fields.iter().map(|(_, t)| t.objects()).sum::<usize>(),
        }
    }

    /// The document as JSON, with the `arrayed`-th object (in document order) written as the
    /// array of its values; `next` counts the objects passed.
    fn render(&self, arrayed: usize, next: &mut usize) -> String {
        match self {
            Tree::Leaf(value) => value.to_string(),
            Tree::List(items) => {
                let items: Vec<String> = items.iter().map(|t| t.render(arrayed, next)).collect();
                ["[", &items.join(","), "]"].concat()
            }
            Tree::Object(fields) => {
                let this = *next;
                *next += 1;
                let parts: Vec<String> = fields
                    .iter()
                    .map(|(name, t)| {
                        let value = t.render(arrayed, next);
                        if this == arrayed {
                            value
                        } else {
                            [
                                &serde_json::Value::from(name.as_str()).to_string(),
                                ":",
                                &value,
                            ]
                            .concat()
                        }
                    })
                    .collect();
                let (open, close) = if this == arrayed {
                    ("[", "]")
                } else {
                    ("{", "}")
                };
                [open, &parts.join(","), close].concat()
            }
        }
    }
}

fn load_one(key: &'static str, raw: String) -> Saved {
    let source = move |k: &str| (k == key).then(|| raw.clone());
    load(&source, &keys("k"), &BANK)
}

#[test]
fn every_saved_type_refuses_a_struct_written_as_an_array() {
    let quiz = played(4, FeedbackMode::Instant, 3, 5);
    let files = [
        ("k:progress", serde_json::to_string(&progress_file(&quiz))),
        (
            "k:history",
            serde_json::to_string(&history_file(&[
                HistoryEntry::finished(3, 4, 1000.0, 1),
                HistoryEntry::finished(4, 4, 2000.0, 2),
            ])),
        ),
        (
            "k:newsletter",
            serde_json::to_string(&newsletter_file(NewsletterMemory::Requested {
                at_ms: Some(5),
            })),
        ),
    ];
    let mut checked = 0;
    for (key, written) in files {
        let written = written.unwrap();
        let whole = load_one(key, written.clone());
        assert!(
            whole.warnings.is_empty(),
            "{key} as written: {:?}",
            whole.warnings
        );
        assert_ne!(whole, Saved::default(), "{key} as written loads something");
        let tree: Tree = serde_json::from_str(&written).unwrap();
        for k in 0..tree.objects() {
            let arrayed = tree.render(k, &mut 0);
            let saved = load_one(key, arrayed.clone());
            assert_ne!(
                saved, whole,
                "{key}: {arrayed} loaded as the object form did"
            );
            assert!(
                !saved.warnings.is_empty(),
                "{key}: {arrayed} dropped without a warning"
            );
            checked += 1;
        }
    }
    // The files, each history entry and the structs nested in the saved quiz.
    assert!(checked >= 6, "only {checked} objects checked");
}
