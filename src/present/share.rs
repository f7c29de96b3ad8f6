//! What sharing a result says and where it points: the shared title, text and post URL, the one
//! line the clipboard gets, and what the widget says after each way of sharing. Pure; the browser
//! calls are in `web::share`.

use crate::quiz::{share_text, QuizResults};

/// The title handed to the browser's share sheet.
pub const SHARE_TITLE: &str = "The CTO vs CIO quiz";

/// What the reader shares.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareData {
    pub title: &'static str,
    /// "I scored 8/10 on the CTO vs CIO quiz: Race strategist"
    pub text: String,
    /// The post's address (see [`post_url`]); empty when the document has no web address to
    /// share (a `data:`, `blob:` or `about:srcdoc` frame without a `share-url`).
    pub url: String,
}

impl ShareData {
    pub fn new(results: &QuizResults, url: String) -> ShareData {
        ShareData {
            title: SHARE_TITLE,
            text: share_text(results),
            url,
        }
    }

    /// The text and the link as one line, for the clipboard and the copy-by-hand field.
    pub fn clipboard_text(&self) -> String {
        if self.url.is_empty() {
            return self.text.clone();
        }
        [&*self.text, " ", &self.url].concat()
    }
}

/// The post's address. The owner's `share-url` first (already checked to be an absolute
/// http(s) URL: in a frame it names the post, not the frame page); then the page's
/// `<link rel="canonical">` (as the browser resolved it) when it is an http(s) URL, since blogs
/// reach one post through many addresses; then the page's own address without its query and
/// fragment, which may carry tracking or a reader's session. A document whose address is not
/// http(s) has nothing to share: empty.
pub fn post_url(share_url: Option<&str>, canonical: Option<&str>, location: &str) -> String {
    let web = |href: &&str| href.starts_with("https://") || href.starts_with("http://");
    if let Some(href) = share_url.or(canonical.map(str::trim).filter(web)) {
        return href.to_owned();
    }
    let page = location.split(['?', '#']).next().unwrap_or(location);
    if web(&page) {
        page.to_owned()
    } else {
        String::new()
    }
}

/// Where the results' Share button stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sharing {
    #[default]
    Idle,
    /// The share sheet is open (a second click would be refused by the browser and then copied
    /// instead): one attempt at a time.
    Busy,
    Done(ShareMethod),
}

/// How a result was shared: the `method` of the `cto-cio-quiz:share` event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareMethod {
    /// The browser's share sheet (`navigator.share`).
    Share,
    /// Copied to the clipboard.
    Clipboard,
    /// Both refused: shown in a field to copy by hand.
    Manual,
}

impl ShareMethod {
    /// The event's `method`: `share`, `clipboard` or `manual`.
    pub fn id(self) -> &'static str {
        match self {
            ShareMethod::Share => "share",
            ShareMethod::Clipboard => "clipboard",
            ShareMethod::Manual => "manual",
        }
    }

    /// What the widget says afterwards; the share sheet speaks for itself.
    pub fn status(self) -> &'static str {
        match self {
            ShareMethod::Share => "",
            ShareMethod::Clipboard => {
                "Copied your result and a link to this post: paste it wherever you like."
            }
            ShareMethod::Manual => {
                "Your browser did not let the quiz copy it. Copy your result from the field below."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::TIERS;

    #[test]
    fn the_owner_s_share_url_wins_then_the_canonical_link() {
        assert_eq!(
            post_url(
                Some("https://blog.example/post"),
                Some("https://blog.example/cto-vs-cio"),
                "https://blog.example/widgets/frame.html?parts=quiz"
            ),
            "https://blog.example/post"
        );
        assert_eq!(
            post_url(
                None,
                Some("https://blog.example/cto-vs-cio"),
                "https://blog.example/cto-vs-cio?utm_source=x#quiz"
            ),
            "https://blog.example/cto-vs-cio"
        );
    }

    #[test]
    fn a_document_without_a_web_address_shares_no_link() {
        for location in [
            "about:srcdoc",
            "data:text/html,x",
            "blob:https://blog.example/1-2",
            "",
        ] {
            assert_eq!(post_url(None, None, location), "", "{location}");
            assert_eq!(
                post_url(Some("https://blog.example/p"), None, location),
                "https://blog.example/p"
            );
        }
        let results = QuizResults {
            score: 3,
            total: 5,
            percent: 60,
            tier: &TIERS[0],
            topics: Vec::new(),
            topics_to_reread: Vec::new(),
            review: Vec::new(),
        };
        let data = ShareData::new(&results, String::new());
        assert_eq!(data.clipboard_text(), data.text, "no dangling space");
    }

    #[test]
    fn without_a_usable_canonical_the_address_loses_query_and_fragment() {
        let location = "https://blog.example/post/?utm_source=news&ref=a#ccq-quiz";
        for canonical in [
            None,
            Some(""),
            Some("  "),
            Some("javascript:alert(1)"),
            Some("data:,x"),
        ] {
            assert_eq!(
                post_url(None, canonical, location),
                "https://blog.example/post/",
                "{canonical:?}"
            );
        }
        assert_eq!(
            post_url(None, None, "http://127.0.0.1:8080/p#a?b"),
            "http://127.0.0.1:8080/p"
        );
        assert_eq!(
            post_url(None, None, "https://x.example/p"),
            "https://x.example/p"
        );
    }

    #[test]
    fn the_clipboard_gets_the_text_then_the_link() {
        let results = QuizResults {
            score: 3,
            total: 5,
            percent: 60,
            tier: &TIERS[0],
            topics: Vec::new(),
            topics_to_reread: Vec::new(),
            review: Vec::new(),
        };
        let data = ShareData::new(&results, "https://blog.example/p".into());
        assert_eq!(data.title, "The CTO vs CIO quiz");
        assert_eq!(
            data.clipboard_text(),
            [
                "I scored 3/5 on the CTO vs CIO quiz: ",
                TIERS[0].title,
                " https://blog.example/p"
            ]
            .concat()
        );
    }

    #[test]
    fn each_method_has_its_event_id_and_a_status_only_where_the_widget_must_speak() {
        let methods = [
            ShareMethod::Share,
            ShareMethod::Clipboard,
            ShareMethod::Manual,
        ];
        let ids: Vec<_> = methods.iter().map(|m| m.id()).collect();
        assert_eq!(ids, ["share", "clipboard", "manual"]);
        assert!(ShareMethod::Share.status().is_empty());
        assert!(ShareMethod::Clipboard.status().contains("Copied"));
        assert!(ShareMethod::Manual.status().contains("field below"));
    }
}
