//! The sign-up form's state machine: what was typed, what is wrong with it, and where the sending
//! stands. The component only renders this and forwards events; the web edge performs the [`Request`]
//! and reports back with [`SignupForm::on_sent`] or [`SignupForm::on_failed`].
//!
//! ```text
//! Editing --submit: Send--> Sending --on_sent--> Sent(Delivery)      (never sends twice...
//!    ^                         |                        |
//!    |                         |                        +--start_again--> Editing  (...unless asked)
//!    |                         +--on_failed--> Failed(Failure) --submit: Send--> Sending (retry)
//!    +-- submit: Invalid (also from Failed, so a stale failure message goes away)
//! ```
//!
//! `submit` decides in this order, first match wins:
//! 1. `Busy` when already `Sending` or `Sent`: a double click never sends twice.
//! 2. `Ignored` when our honeypot field holds anything but whitespace: a bot. Nothing changes and
//!    nothing is said, so the bot learns nothing.
//! 3. `Invalid` with every field error, in the form's order (e-mail, then consent), so the UI can
//!    focus the first and list them all.
//! 4. `Send` otherwise.

use std::borrow::Cow;

use super::email::{is_valid_email, normalize_email};
use super::endpoint::{form_urlencoded, Endpoint};

/// How a sent sign-up ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// The reply was opaque (a provider without CORS headers, even a 404 for a wrong account): the
    /// request left, but whether the service took it is unknown. It is remembered as a request,
    /// and the reader is told to look for the confirmation e-mail and to sign up again without one.
    Unconfirmed,
    /// A generic endpoint answered 2xx, readably: the only reply that means "on the list".
    Confirmed,
}

/// Why a sign-up did not go through. In every case the typed address is kept and the reader may
/// send it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The request failed while the browser said it was offline (`navigator.onLine` false).
    Offline,
    /// The request failed while the browser was online: the service could not be reached, or (a
    /// generic endpoint without CORS headers, which the browser reports the same way) it may have
    /// taken the sign-up but did not say so readably.
    Unreachable,
    /// No answer within [`super::REPLY_TIMEOUT_MS`]; the request was abandoned.
    TimedOut,
    /// A generic endpoint answered with this non-2xx status.
    Rejected { status: u16 },
}

/// Where the form stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FormState {
    #[default]
    Editing,
    Sending,
    Sent(Delivery),
    Failed(Failure),
}

/// Which input a [`FieldError`] belongs to (for `aria-invalid` and focus).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Email,
    Consent,
}

/// A problem with what the reader entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Nothing but whitespace in the e-mail field.
    EmailMissing,
    /// Not an address a browser's `<input type=email>` would accept.
    EmailInvalid,
    /// The consent box is not ticked.
    ConsentMissing,
}

impl FieldError {
    /// The text shown next to the field, in plain English.
    pub fn message(self) -> &'static str {
        match self {
            Self::EmailMissing => "Enter your e-mail address, like name@example.com.",
            Self::EmailInvalid => {
                "Check your e-mail address: it should look like name@example.com, with no spaces."
            }
            Self::ConsentMissing => "Tick the box to confirm you want to receive the newsletter.",
        }
    }

    pub fn field(self) -> Field {
        match self {
            Self::EmailMissing | Self::EmailInvalid => Field::Email,
            Self::ConsentMissing => Field::Consent,
        }
    }
}

/// One POST for the web edge to perform, with `Content-Type: application/x-www-form-urlencoded`
/// ([`super::CONTENT_TYPE`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub url: String,
    /// Form-urlencoded fields.
    pub body: String,
    /// `true`: fetch in `cors` mode and report the status (`Confirmed` on 2xx, else `Rejected`).
    /// `false`: fetch in `no-cors` mode; a resolved fetch means `Unconfirmed`.
    /// Either way a rejected fetch means [`Failure::Offline`].
    pub read_reply: bool,
}

/// What [`SignupForm::submit`] decided (see the module doc for the order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitDecision {
    /// Perform this request; the form is now `Sending`.
    Send(Request),
    /// Show these errors; nothing is sent.
    Invalid(Vec<FieldError>),
    /// Our honeypot was filled: a bot. Silently do nothing.
    Ignored,
    /// Already sending or already sent: do nothing.
    Busy,
}

/// The sign-up form: the e-mail text, the consent box, the sending state and the last errors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignupForm {
    email: String,
    consent: bool,
    state: FormState,
    errors: Vec<FieldError>,
}

impl SignupForm {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records what is in the e-mail field (as typed; it is trimmed only when sent). Ignored while
    /// `Sending` or `Sent`, when the UI shows the field read-only. If the field already has an error
    /// from the last submit, the error is updated as the reader types and disappears once fixed; no new
    /// error appears before the next submit.
    pub fn set_email(&mut self, s: &str) {
        if !self.accepts_input() {
            return;
        }
        s.clone_into(&mut self.email);
        if let Some(i) = self.errors.iter().position(|e| e.field() == Field::Email) {
            match email_error(&self.email) {
                Some(err) => {
                    if let Some(slot) = self.errors.get_mut(i) {
                        *slot = err;
                    }
                }
                None => {
                    self.errors.remove(i);
                }
            }
        }
    }

    /// Records the consent box. Ignored while `Sending` or `Sent`. Ticking it clears its error.
    pub fn set_consent(&mut self, b: bool) {
        if !self.accepts_input() {
            return;
        }
        self.consent = b;
        if b {
            self.errors.retain(|e| *e != FieldError::ConsentMissing);
        }
    }

    /// Decides what a click on "Subscribe" does (see the module doc); on `Send` the state becomes
    /// `Sending` and the errors are cleared, on `Invalid` the state becomes `Editing`.
    /// `honeypot_value` is the content of the widget's own hidden bot-trap input.
    pub fn submit(
        &mut self,
        endpoint: &Endpoint,
        tag: Option<&str>,
        honeypot_value: &str,
    ) -> SubmitDecision {
        if !self.accepts_input() {
            return SubmitDecision::Busy;
        }
        if !honeypot_value.trim_ascii().is_empty() {
            return SubmitDecision::Ignored;
        }
        self.errors.clear();
        if let Some(err) = email_error(&self.email) {
            self.errors.push(err);
        }
        if !self.consent {
            self.errors.push(FieldError::ConsentMissing);
        }
        if !self.errors.is_empty() {
            self.state = FormState::Editing;
            return SubmitDecision::Invalid(self.errors.clone());
        }
        let fields = endpoint.form_fields(normalize_email(&self.email), tag);
        self.state = FormState::Sending;
        SubmitDecision::Send(Request {
            url: endpoint.url().to_owned(),
            body: form_urlencoded(&fields),
            read_reply: endpoint.reads_reply(),
        })
    }

    /// The request succeeded. Only has an effect while `Sending`.
    pub fn on_sent(&mut self, delivery: Delivery) {
        if self.state == FormState::Sending {
            self.state = FormState::Sent(delivery);
        }
    }

    /// The request failed; what was typed is kept. Only has an effect while `Sending`.
    pub fn on_failed(&mut self, failure: Failure) {
        if self.state == FormState::Sending {
            self.state = FormState::Failed(failure);
        }
    }

    /// The reader asked to sign up again after a request nobody confirmed: the form takes input
    /// again, with what was typed still in it. Only has an effect once `Sent`.
    pub fn start_again(&mut self) {
        if let FormState::Sent(_) = self.state {
            self.state = FormState::Editing;
        }
    }

    pub fn state(&self) -> &FormState {
        &self.state
    }

    /// The e-mail field's text as typed.
    pub fn email(&self) -> &str {
        &self.email
    }

    pub fn consent(&self) -> bool {
        self.consent
    }

    /// The errors of the last submit that are not fixed yet, e-mail first.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The error to show next to `field`, if any.
    pub fn error_for(&self, field: Field) -> Option<FieldError> {
        self.errors.iter().copied().find(|e| e.field() == field)
    }

    /// True in `Editing` and `Failed`: the inputs and the button are enabled. False in `Sending` and
    /// `Sent`, when the UI should make them read-only.
    pub fn accepts_input(&self) -> bool {
        matches!(self.state, FormState::Editing | FormState::Failed(_))
    }
}

fn email_error(raw: &str) -> Option<FieldError> {
    let email = normalize_email(raw);
    if email.is_empty() {
        Some(FieldError::EmailMissing)
    } else if is_valid_email(email) {
        None
    } else {
        Some(FieldError::EmailInvalid)
    }
}

/// The line the UI shows for a state (in a polite live region), or `None` while editing.
/// Failures are worded to say what happened and what to do; `Rejected` includes the status code,
/// which is why this returns a `Cow`.
pub fn status_message(state: &FormState) -> Option<Cow<'static, str>> {
    let text = match state {
        FormState::Editing => return None,
        FormState::Sending => "Sending…",
        FormState::Sent(Delivery::Unconfirmed) => {
            "Check your inbox to confirm — nothing there in a few minutes? Sign up again."
        }
        FormState::Sent(Delivery::Confirmed) => "You’re on the list — thanks!",
        FormState::Failed(Failure::Offline) => {
            "You seem to be offline. Your e-mail is still here; try again when you’re connected."
        }
        FormState::Failed(Failure::Unreachable) => {
            "The newsletter service could not be reached or did not confirm the sign-up. Your \
             e-mail is still here: if no confirmation arrives, try again."
        }
        FormState::Failed(Failure::TimedOut) => {
            "The newsletter service did not answer in time. Your e-mail is still here; try again."
        }
        FormState::Failed(Failure::Rejected { status }) => {
            // One format! outside any loop: the status code helps the blog owner if a reader reports it.
            return Some(Cow::Owned(if (400..500).contains(status) {
                format!("The newsletter service refused the sign-up (error {status}). Please try again later.")
            } else {
                format!("The newsletter service could not take the sign-up (error {status}). Please try again later.")
            }));
        }
    };
    Some(Cow::Borrowed(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsletter::action::parse_action_url;
    use crate::newsletter::provider::Provider;

    fn endpoint(provider: Provider, url: &str) -> Endpoint {
        match parse_action_url(url).and_then(|a| Endpoint::new(provider, a)) {
            Ok(e) => e,
            Err(e) => panic!("test endpoint: {e}"),
        }
    }

    fn generic() -> Endpoint {
        endpoint(Provider::Generic, "https://blog.example/subscribe")
    }

    fn filled(email: &str) -> SignupForm {
        let mut form = SignupForm::new();
        form.set_email(email);
        form.set_consent(true);
        form
    }

    #[test]
    fn starts_empty_and_editing() {
        let form = SignupForm::new();
        assert_eq!(form.state(), &FormState::Editing);
        assert_eq!(form.email(), "");
        assert!(!form.consent());
        assert!(form.errors().is_empty());
        assert!(form.accepts_input());
    }

    #[test]
    fn sends_trimmed_address_with_provider_fields() {
        let mut form = filled("  reader+quiz@example.com ");
        let decision = form.submit(&generic(), Some("cto quiz"), "");
        assert_eq!(
            decision,
            SubmitDecision::Send(Request {
                url: "https://blog.example/subscribe".into(),
                body: "email=reader%2Bquiz%40example.com&tag=cto+quiz".into(),
                read_reply: true,
            })
        );
        assert_eq!(form.state(), &FormState::Sending);
        assert_eq!(
            form.email(),
            "  reader+quiz@example.com ",
            "the field keeps what was typed"
        );
        assert!(!form.accepts_input());
    }

    #[test]
    fn mailchimp_request_is_opaque() {
        let mc = endpoint(
            Provider::Mailchimp,
            "https://x.us1.list-manage.com/subscribe/post?u=aa&id=bb",
        );
        let mut form = filled("a@b.c");
        assert_eq!(
            form.submit(&mc, Some("ignored"), ""),
            SubmitDecision::Send(Request {
                url: "https://x.us1.list-manage.com/subscribe/post?u=aa&id=bb".into(),
                body: "EMAIL=a%40b.c&b_aa_bb=".into(),
                read_reply: false,
            })
        );
    }

    #[test]
    fn reports_every_error_in_form_order() {
        let mut form = SignupForm::new();
        let e = generic();
        assert_eq!(
            form.submit(&e, None, ""),
            SubmitDecision::Invalid(vec![FieldError::EmailMissing, FieldError::ConsentMissing])
        );
        assert_eq!(form.state(), &FormState::Editing);
        form.set_email("   ");
        assert_eq!(
            form.errors(),
            &[FieldError::EmailMissing, FieldError::ConsentMissing]
        );
        form.set_email("not an address");
        form.set_consent(true);
        assert_eq!(
            form.submit(&e, None, ""),
            SubmitDecision::Invalid(vec![FieldError::EmailInvalid])
        );
        assert_eq!(form.error_for(Field::Email), Some(FieldError::EmailInvalid));
        assert_eq!(form.error_for(Field::Consent), None);
    }

    #[test]
    fn errors_update_and_clear_as_fixed_but_never_appear_early() {
        let mut form = SignupForm::new();
        form.set_email("x");
        assert!(form.errors().is_empty(), "no error before the first submit");
        let e = generic();
        let _ = form.submit(&e, None, "");
        assert_eq!(
            form.errors(),
            &[FieldError::EmailInvalid, FieldError::ConsentMissing]
        );
        form.set_email("");
        assert_eq!(
            form.errors(),
            &[FieldError::EmailMissing, FieldError::ConsentMissing]
        );
        form.set_email("a@b.c");
        assert_eq!(form.errors(), &[FieldError::ConsentMissing]);
        form.set_email("a@");
        assert_eq!(
            form.errors(),
            &[FieldError::ConsentMissing],
            "fixed errors stay gone until submit"
        );
        form.set_consent(true);
        assert!(form.errors().is_empty());
        form.set_consent(false);
        assert!(form.errors().is_empty());
    }

    #[test]
    fn honeypot_filled_is_ignored_silently() {
        let mut form = filled("a@b.c");
        assert_eq!(
            form.submit(&generic(), None, "http://spam"),
            SubmitDecision::Ignored
        );
        assert_eq!(form.state(), &FormState::Editing);
        let mut empty = SignupForm::new();
        assert_eq!(
            empty.submit(&generic(), None, "x"),
            SubmitDecision::Ignored,
            "before validation"
        );
        assert!(empty.errors().is_empty());
        let mut ws = filled("a@b.c");
        assert!(matches!(
            ws.submit(&generic(), None, " \n"),
            SubmitDecision::Send(_)
        ));
    }

    #[test]
    fn never_sends_twice() {
        let mut form = filled("a@b.c");
        let e = generic();
        assert!(matches!(form.submit(&e, None, ""), SubmitDecision::Send(_)));
        assert_eq!(form.submit(&e, None, ""), SubmitDecision::Busy);
        assert_eq!(
            form.submit(&e, None, "bot"),
            SubmitDecision::Busy,
            "busy wins over honeypot"
        );
        form.on_sent(Delivery::Confirmed);
        assert_eq!(form.state(), &FormState::Sent(Delivery::Confirmed));
        assert_eq!(form.submit(&e, None, ""), SubmitDecision::Busy);
        form.on_failed(Failure::Offline);
        assert_eq!(
            form.state(),
            &FormState::Sent(Delivery::Confirmed),
            "late failure ignored"
        );
    }

    #[test]
    fn input_is_frozen_while_sending_and_after_sent() {
        let mut form = filled("a@b.c");
        let _ = form.submit(&generic(), None, "");
        form.set_email("other@b.c");
        form.set_consent(false);
        assert_eq!(form.email(), "a@b.c");
        assert!(form.consent());
        form.on_sent(Delivery::Unconfirmed);
        form.set_email("x");
        assert_eq!(form.email(), "a@b.c");
    }

    #[test]
    fn failure_keeps_input_and_allows_retry() {
        let mut form = filled("a@b.c");
        let e = generic();
        let _ = form.submit(&e, None, "");
        form.on_failed(Failure::Offline);
        assert_eq!(form.state(), &FormState::Failed(Failure::Offline));
        assert_eq!(form.email(), "a@b.c");
        assert!(form.consent());
        assert!(form.accepts_input());
        form.set_email("b@c.d");
        assert_eq!(
            form.state(),
            &FormState::Failed(Failure::Offline),
            "message stays until retry"
        );
        assert!(matches!(form.submit(&e, None, ""), SubmitDecision::Send(_)));
        form.on_failed(Failure::Rejected { status: 422 });
        assert_eq!(
            form.state(),
            &FormState::Failed(Failure::Rejected { status: 422 })
        );
        form.set_email("");
        assert!(matches!(
            form.submit(&e, None, ""),
            SubmitDecision::Invalid(_)
        ));
        assert_eq!(
            form.state(),
            &FormState::Editing,
            "stale failure message goes away"
        );
    }

    #[test]
    fn signing_up_again_keeps_what_was_typed() {
        let mut form = filled("reader@example.com");
        form.start_again();
        assert_eq!(form.state(), &FormState::Editing, "nothing was sent yet");
        assert!(matches!(
            form.submit(&generic(), None, ""),
            SubmitDecision::Send(_)
        ));
        form.start_again();
        assert_eq!(
            form.state(),
            &FormState::Sending,
            "not while a request is out"
        );
        form.on_sent(Delivery::Unconfirmed);
        assert_eq!(form.submit(&generic(), None, ""), SubmitDecision::Busy);
        form.start_again();
        assert_eq!(form.state(), &FormState::Editing);
        assert!(form.accepts_input());
        assert_eq!(form.email(), "reader@example.com");
        assert!(form.consent());
        assert!(matches!(
            form.submit(&generic(), None, ""),
            SubmitDecision::Send(_)
        ));
    }

    #[test]
    fn results_only_count_while_sending() {
        let mut form = SignupForm::new();
        form.on_sent(Delivery::Confirmed);
        assert_eq!(form.state(), &FormState::Editing);
        form.on_failed(Failure::Offline);
        assert_eq!(form.state(), &FormState::Editing);
    }

    #[test]
    fn status_messages() {
        let msg = |s: FormState| status_message(&s).map(Cow::into_owned);
        assert_eq!(msg(FormState::Editing), None);
        assert_eq!(msg(FormState::Sending).as_deref(), Some("Sending…"));
        assert_eq!(
            msg(FormState::Sent(Delivery::Unconfirmed)).as_deref(),
            Some("Check your inbox to confirm — nothing there in a few minutes? Sign up again.")
        );
        assert_eq!(
            msg(FormState::Sent(Delivery::Confirmed)).as_deref(),
            Some("You’re on the list — thanks!")
        );
        assert_eq!(
            msg(FormState::Failed(Failure::Offline)).as_deref(),
            Some("You seem to be offline. Your e-mail is still here; try again when you’re connected.")
        );
        let unreachable = msg(FormState::Failed(Failure::Unreachable)).unwrap_or_default();
        assert!(
            unreachable.starts_with("The newsletter service could not be reached")
                && !unreachable.contains("offline"),
            "online, a failed request is not called offline: {unreachable}"
        );
        let timed_out = msg(FormState::Failed(Failure::TimedOut)).unwrap_or_default();
        assert!(timed_out.contains("did not answer") && timed_out.contains("try again"));
        assert_eq!(
            msg(FormState::Failed(Failure::Rejected { status: 422 })).as_deref(),
            Some("The newsletter service refused the sign-up (error 422). Please try again later.")
        );
        assert_eq!(
            msg(FormState::Failed(Failure::Rejected { status: 503 })).as_deref(),
            Some("The newsletter service could not take the sign-up (error 503). Please try again later.")
        );
    }

    #[test]
    fn field_error_messages_and_fields() {
        assert_eq!(
            FieldError::EmailMissing.message(),
            "Enter your e-mail address, like name@example.com."
        );
        assert!(FieldError::EmailInvalid
            .message()
            .contains("name@example.com"));
        assert!(FieldError::ConsentMissing
            .message()
            .starts_with("Tick the box"));
        assert_eq!(FieldError::EmailInvalid.field(), Field::Email);
        assert_eq!(FieldError::ConsentMissing.field(), Field::Consent);
    }
}
