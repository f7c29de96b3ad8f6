//! The newsletter call to action, pure parts: e-mail validation, the `newsletter-action` URL check,
//! provider field mapping and the sign-up form's state machine. The POST itself is done by the web edge
//! from a [`Request`]; nothing here touches the browser.

pub mod action;
pub mod email;
pub mod endpoint;
pub mod form;
pub mod provider;
pub mod tag;
mod url;

pub(crate) use url::{has_bad_character, split_web_url, write_quoted};

pub use action::{parse_action_url, ActionUrl, ActionUrlError, ActionUrlProblem};
pub use email::{is_valid_email, normalize_email};
pub use endpoint::{form_urlencoded, Endpoint, CONTENT_TYPE};
pub use form::{
    status_message, Delivery, Failure, Field, FieldError, FormState, Request, SignupForm,
    SubmitDecision,
};
pub use provider::Provider;
pub use tag::resolve_tag;

/// How long a sign-up request may take before it is abandoned and the reader may send it again.
pub const REPLY_TIMEOUT_MS: u32 = 15_000;
