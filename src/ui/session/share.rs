//! Sharing a result: the share sheet, else the clipboard, else a field to copy by hand
//! (`web::share`), then the host page's `cto-cio-quiz:share` event and, for the field, focus on
//! its selected text. A closed share sheet shows and tells nothing.

use leptos::prelude::*;

use super::{FocusTarget, Session};
use crate::present::share::{ShareData, ShareMethod, Sharing};
use crate::web::events::HostEvent;
use crate::web::share::{self, Outcome};

impl Session {
    /// What Share hands the browser: the latest results and the post's address.
    pub fn share_data(self) -> Option<ShareData> {
        let url = self.with_config(|config| share::page_url(config.share_url.as_deref()));
        self.derived
            .results
            .with_untracked(|results| results.as_ref().map(|results| ShareData::new(results, url)))
    }

    /// "Share your result", one attempt at a time.
    pub fn share(self) {
        if self.sharing.get_untracked() == Sharing::Busy {
            return;
        }
        let (Some(data), Some(results)) = (self.share_data(), self.derived.results.get_untracked())
        else {
            return;
        };
        self.sharing.set(Sharing::Busy);
        leptos::task::spawn_local(async move {
            let outcome = share::share(&data).await;
            // After the `.await`: the widget may be gone, so only `try_` forms below.
            let method = match outcome {
                Outcome::Done(method) => method,
                Outcome::Cancelled => {
                    self.sharing.try_set(Sharing::Idle);
                    return;
                }
            };
            if self.sharing.try_set(Sharing::Done(method)).is_some() {
                return; // disposed: `try_set` handed the value back
            }
            self.emit(HostEvent::Share {
                method: method.id(),
                score: results.score,
                total: results.total,
                tier: results.tier.id,
            });
            if method == ShareMethod::Manual {
                self.request_focus(Some(FocusTarget::ShareText));
            }
        });
    }
}
