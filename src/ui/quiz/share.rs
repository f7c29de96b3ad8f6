//! The results' Share button. It hands the score and tier to `web::share` (share sheet, else
//! clipboard), says how that went in a polite status line, and where the browser refused both, shows
//! the text in a read-only field, focused and selected, for the reader to copy by hand. It tells
//! the host page with a `cto-cio-quiz:share` event; a closed share sheet shows and tells nothing.

use leptos::html;
use leptos::prelude::*;

use crate::present::share::{ShareData, ShareMethod};
use crate::quiz::QuizResults;
use crate::ui::effect::effect;
use crate::ui::listener::listener;
use crate::ui::live::live;
use crate::web::events::{emit, HostEvent};
use crate::web::share::{self, Outcome};

/// What the button works with, in one stored value.
struct Sharing {
    results: QuizResults,
    /// The text of the copy-by-hand field, once it is needed.
    manual: String,
    /// A second click while the share sheet is open would be refused by the browser and then
    /// copied instead: one attempt at a time.
    busy: bool,
}

#[component]
pub fn ShareResult(results: QuizResults) -> impl IntoView {
    let sharing = StoredValue::new(Sharing {
        results,
        manual: String::new(),
        busy: false,
    });
    let done = RwSignal::new(None::<ShareMethod>);
    let button = NodeRef::<html::Button>::new();
    let field = NodeRef::<html::Input>::new();
    effect(move || {
        if let Some(input) = field.get() {
            // Set here, not as a view prop: the selection must cover the value, so the value has
            // to be in place before select().
            sharing.with_value(|sharing| input.set_value(&sharing.manual));
            let _ = input.focus();
            input.select();
        }
    });
    let on_click = move |_: leptos::ev::MouseEvent| {
        let Some(data) = sharing
            .try_update_value(|sharing| {
                (!sharing.busy).then(|| {
                    sharing.busy = true;
                    ShareData::new(&sharing.results, share::page_url())
                })
            })
            .flatten()
        else {
            return;
        };
        done.set(None);
        leptos::task::spawn_local(async move {
            let outcome = share::share(&data).await;
            let method = match outcome {
                Outcome::Done(method) => Some(method),
                Outcome::Cancelled => None,
            };
            // The widget may have been removed meanwhile: then there is no one left to tell.
            let finished = sharing.try_update_value(|sharing| {
                sharing.busy = false;
                if method == Some(ShareMethod::Manual) {
                    sharing.manual = data.clipboard_text();
                }
            });
            let (Some(()), Some(method)) = (finished, method) else {
                return;
            };
            done.set(Some(method));
            if let Some(button) = button.get_untracked() {
                sharing.with_value(|Sharing { results, .. }| {
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
            <button type="button" class="ccq-btn" node_ref=button on:click=listener(on_click)>
                "Share your result"
            </button>
            <p class="ccq-status" role="status">
                {live(move || done.get().map(ShareMethod::status))}
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
