//! The localStorage keys the widget writes, all under one namespace (the embed's `storage-key`).

const SUFFIXES: [&str; 3] = ["progress", "history", "newsletter"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub progress: String,
    pub history: String,
    pub newsletter: String,
}

impl Keys {
    /// Every key, for "Forget my data".
    pub fn all(&self) -> [&str; 3] {
        [&self.progress, &self.history, &self.newsletter]
    }
}

pub fn keys(namespace: &str) -> Keys {
    let key = |suffix: &str| [namespace, ":", suffix].concat();
    Keys {
        progress: key("progress"),
        history: key("history"),
        newsletter: key("newsletter"),
    }
}

/// Whether `key` is exactly one of the keys [`keys`] gives for `namespace`. Matching on the whole
/// key (not a prefix) keeps namespace `a` off `ab:progress` and off other widgets' keys.
pub fn is_ours(namespace: &str, key: &str) -> bool {
    key.strip_prefix(namespace)
        .and_then(|rest| rest.strip_prefix(':'))
        .is_some_and(|suffix| SUFFIXES.contains(&suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_namespaced() {
        let k = keys("cto-quiz");
        assert_eq!(k.progress, "cto-quiz:progress");
        assert_eq!(k.history, "cto-quiz:history");
        assert_eq!(k.newsletter, "cto-quiz:newsletter");
        assert_eq!(
            k.all(),
            [
                "cto-quiz:progress",
                "cto-quiz:history",
                "cto-quiz:newsletter"
            ]
        );
    }

    #[test]
    fn is_ours_claims_exactly_our_keys() {
        for key in keys("a").all() {
            assert!(is_ours("a", key));
        }
        for foreign in [
            "ab:progress",
            "a:progressx",
            "a:",
            "a",
            "",
            "b:progress",
            "a:progress:x",
            "xa:progress",
            "A:progress",
            "a:Progress",
        ] {
            assert!(!is_ours("a", foreign), "{foreign}");
        }
    }

    #[test]
    fn namespaces_that_contain_colons_or_prefix_each_other() {
        assert!(is_ours("a:b", "a:b:history"));
        assert!(!is_ours("a", "a:b:history"));
        assert!(!is_ours("a:b", "a:history"));
        assert!(is_ours("", ":newsletter"));
        assert!(!is_ours("", "x:newsletter"));
    }
}
