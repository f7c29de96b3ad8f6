//! The sign-up request: the form decides (`newsletter::SignupForm`), the web edge sends
//! (`web::submit`), and the reply becomes the form's state, the remembered choice and the focus
//! on the status line that says how it went. Only a readable 2xx is a subscription; an opaque
//! reply is remembered as a request, with its date.

use leptos::prelude::*;

use super::{FocusTarget, Session};
use crate::config::NewsletterSetup;
use crate::newsletter::{resolve_tag, Delivery, Failure, Field, SubmitDecision};
use crate::storage::{self, NewsletterMemory};
use crate::web::{clock, submit};

impl Session {
    /// "Subscribe": sends the sign-up if the form is complete, or moves focus to the first field
    /// to fix. `trap` is what the hidden bot-trap field holds.
    pub fn subscribe(self, trap: &str) {
        let Some((endpoint, template)) = self.with_config(|config| match &config.newsletter {
            NewsletterSetup::Connected(endpoint) => {
                Some((endpoint.clone(), config.newsletter_tag.clone()))
            }
            NewsletterSetup::NotConnected | NewsletterSetup::Misconfigured(_) => None,
        }) else {
            return;
        };
        let tier = self
            .history
            .with_untracked(|history| storage::latest_tier(history));
        let tag = template.and_then(|template| resolve_tag(&template, tier));
        let Some(decision) = self
            .signup
            .try_update(|form| form.submit(&endpoint, tag.as_deref(), trap))
        else {
            return;
        };
        match decision {
            SubmitDecision::Send(request) => leptos::task::spawn_local(async move {
                let reply = submit::send(&request).await;
                self.on_reply(reply);
            }),
            SubmitDecision::Invalid(errors) => match errors.first().map(|error| error.field()) {
                Some(Field::Email) => self.request_focus(Some(FocusTarget::Email)),
                Some(Field::Consent) => self.request_focus(Some(FocusTarget::Consent)),
                None => {}
            },
            SubmitDecision::Ignored | SubmitDecision::Busy => {}
        }
    }

    /// Runs after the request's `.await`: the widget may be gone, so every signal is reached
    /// through a `try_` form (a removed widget's reply changes nothing and breaks nothing).
    fn on_reply(self, reply: Result<Delivery, Failure>) {
        let delivery = match reply {
            Ok(delivery) => delivery,
            Err(failure) => {
                self.signup.try_update(|form| form.on_failed(failure));
                return;
            }
        };
        if self
            .signup
            .try_update(|form| form.on_sent(delivery))
            .is_none()
        {
            return;
        }
        self.remember_newsletter(match delivery {
            Delivery::Confirmed => NewsletterMemory::Subscribed,
            Delivery::Unconfirmed => NewsletterMemory::Requested {
                at_ms: storage::date_ms(clock::now_ms()),
            },
        });
        self.request_focus(Some(FocusTarget::SignupStatus));
    }
}
