//! The results' Share button. It hands the score and tier to `web::share` (share sheet, else
//! clipboard), says how that went in a polite status line, and where the browser refused both, shows
//! the text in a read-only field, focused and selected, for the reader to copy by hand. It tells
//! the host page with a `cto-cio-quiz:share` event; a closed share sheet shows and tells nothing.

use leptos::html;
use leptos::prelude::*;

use crate::present::share::{ShareData, ShareMethod};
use crate::quiz::QuizResults;
use crate::web::events::{emit, HostEvent};
use crate::web::share::{self, Outcome};

#[component]
pub fn ShareResult(results: QuizResults) -> impl IntoView {
    let results = StoredValue::new(results);
    let done = RwSignal::new(None::<ShareMethod>);
    // The text of the copy-by-hand field, once it is needed.
    let manual = StoredValue::new(String::new());
    // A second click while the share sheet is open would be refused by the browser and then
    // copied instead: one attempt at a time.
    let busy = StoredValue::new(false);
    let button = NodeRef::<html::Button>::new();
    let field = NodeRef::<html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = field.get() {
            // Set here, not as a view prop: the selection must cover the value, so the value has
            // to be in place before select().
            input.set_value(&manual.get_value());
            let _ = input.focus();
            input.select();
        }
    });
    let on_click = move |_| {
        if busy.get_value() {
            return;
        }
        busy.set_value(true);
        done.set(None);
        let data = results.with_value(|results| ShareData::new(results, share::page_url()));
        leptos::task::spawn_local(async move {
            let outcome = share::share(&data).await;
            // The widget may have been removed meanwhile: then there is no one left to tell.
            if busy.try_set_value(false).is_some() {
                return;
            }
            let Outcome::Done(method) = outcome else {
                return;
            };
            if method == ShareMethod::Manual {
                manual.set_value(data.clipboard_text());
            }
            done.set(Some(method));
            if let Some(button) = button.get_untracked() {
                results.with_value(|results| {
                    // Dispatched from the button: composed and bubbling, it reaches the page as
                    // an event of the <cto-cio-quiz> element, like the others.
                    emit(
                        &button,
                        HostEvent::Share {
                            method: method.id(),
                            score: results.score,
                            total: results.total,
                            tier: results.tier.id,
                        },
                    )
                });
            }
        });
    };
    view! {
        <div class="ccq-share">
            <button type="button" class="ccq-btn" node_ref=button on:click=on_click>
                "Share your result"
            </button>
            <p class="ccq-status" role="status">
                {move || done.get().map(ShareMethod::status)}
            </p>
            {move || {
                (done.get() == Some(ShareMethod::Manual))
                    .then(|| {
                        view! {
                            <input
                                class="ccq-input ccq-share-text"
                                readonly
                                aria-label="Your result and the link, to copy"
                                node_ref=field
                            />
                        }
                    })
            }}
        </div>
    }
}
