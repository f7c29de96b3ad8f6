//! The results' Share button, its polite status line, and where the browser refused both the
//! share sheet and the clipboard, a read-only field holding the text for the reader to copy by
//! hand. What happens on a click (and the host page's `cto-cio-quiz:share` event) is the
//! session's (`ui::session::share`).

use leptos::html;
use leptos::prelude::*;

use crate::present::share::{ShareMethod, Sharing};
use crate::ui::click::{on_click, Click};
use crate::ui::focus::focus_when;
use crate::ui::live::live;
use crate::ui::session::{FocusTarget, Session};

#[component]
pub fn ShareResult(session: Session) -> impl IntoView {
    let sharing = session.sharing;
    let done = move || match sharing.get() {
        Sharing::Done(method) => Some(method),
        Sharing::Idle | Sharing::Busy => None,
    };
    let field = NodeRef::<html::Input>::new();
    focus_when(session, FocusTarget::ShareText, field);
    view! {
        <div class="ccq-share">
            <button type="button" class="ccq-btn" on:click=on_click(session, Click::Share)>
                "Share your result"
            </button>
            <p class="ccq-status" role="status">
                {live(move || done().map(ShareMethod::status))}
            </p>
            {move || {
                (done() == Some(ShareMethod::Manual))
                    .then(|| {
                        // In place before focus selects it.
                        let text = session
                            .share_data()
                            .map(|data| data.clipboard_text())
                            .unwrap_or_default();
                        view! {
                            <input
                                class="ccq-input ccq-share-text"
                                readonly
                                aria-label="Your result and the link, to copy"
                                prop:value=text
                                node_ref=field
                            />
                        }
                    })
            }}
        </div>
    }
}
