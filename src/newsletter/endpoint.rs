//! A checked sign-up destination (provider + action URL) and the exact form body it expects.
//!
//! The body is `application/x-www-form-urlencoded`, which makes the POST a CORS "simple request": it
//! reaches the providers without a preflight. The providers send no CORS headers, so their reply is
//! opaque to the page; only a generic endpoint (the owner's own server) can let the widget read it.

use super::action::{ActionUrl, ActionUrlError, ActionUrlProblem};
use super::provider::Provider;

/// The `Content-Type` to send with [`form_urlencoded`] bodies.
pub const CONTENT_TYPE: &str = "application/x-www-form-urlencoded";

/// Where and how a sign-up is posted. Built only by [`Endpoint::new`], so a Mailchimp endpoint always
/// knows its honeypot field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    provider: Provider,
    action: ActionUrl,
    /// Mailchimp's bot trap `b_<u>_<id>`: its embed form always sends it, empty; a sign-up without it
    /// may be treated as a bot.
    honeypot_field: Option<String>,
}

impl Endpoint {
    /// Pairs a provider with its action URL. For Mailchimp the URL must carry the `u` and `id` query
    /// parameters of its embed code (letters, digits, '-' or '_'); otherwise the error's problem is
    /// [`ActionUrlProblem::MailchimpIdsMissing`].
    pub fn new(provider: Provider, action: ActionUrl) -> Result<Endpoint, ActionUrlError> {
        let honeypot_field = match provider {
            Provider::Mailchimp => {
                let u = action.query_param("u").filter(|v| is_plain_id(v));
                let id = action.query_param("id").filter(|v| is_plain_id(v));
                let (Some(u), Some(id)) = (u, id) else {
                    return Err(ActionUrlError::new(
                        ActionUrlProblem::MailchimpIdsMissing,
                        action.as_str(),
                    ));
                };
                let mut name = String::with_capacity(3 + u.len() + id.len());
                name.push_str("b_");
                name.push_str(u);
                name.push('_');
                name.push_str(id);
                Some(name)
            }
            _ => None,
        };
        Ok(Endpoint {
            provider,
            action,
            honeypot_field,
        })
    }

    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The URL to POST to.
    pub fn url(&self) -> &str {
        self.action.as_str()
    }

    /// True only for a generic endpoint: it may answer with CORS headers, so the widget fetches in
    /// `cors` mode and reads the status. The providers send none, so their reply must be treated as
    /// opaque (`no-cors`): success cannot be confirmed, only "check your inbox".
    pub fn reads_reply(&self) -> bool {
        self.provider == Provider::Generic
    }

    /// The form fields for one sign-up, in order. `email` should already be normalised and validated.
    /// `tag` (ignored when empty) is sent only where the provider takes a tag name as a plain field:
    /// Buttondown and generic. Mailchimp and Kit tag by numeric ids set up in their own dashboards, so a
    /// tag name would be ignored at best.
    pub fn form_fields(&self, email: &str, tag: Option<&str>) -> Vec<(String, String)> {
        let tag = tag.filter(|t| !t.is_empty());
        let mut fields = Vec::with_capacity(3);
        match self.provider {
            Provider::Buttondown => {
                fields.push(pair("email", email));
                fields.push(pair("embed", "1"));
                if let Some(tag) = tag {
                    fields.push(pair("tag", tag));
                }
            }
            Provider::Mailchimp => {
                fields.push(pair("EMAIL", email));
                if let Some(honeypot) = &self.honeypot_field {
                    fields.push(pair(honeypot, ""));
                }
            }
            Provider::Kit => fields.push(pair("email_address", email)),
            Provider::Generic => {
                fields.push(pair("email", email));
                if let Some(tag) = tag {
                    fields.push(pair("tag", tag));
                }
            }
        }
        fields
    }
}

fn pair(name: &str, value: &str) -> (String, String) {
    (name.to_owned(), value.to_owned())
}

/// Mailchimp's `u` and `id` are hexadecimal; anything outside this set (a percent-escape, say) would
/// make a wrong honeypot name, so it is refused rather than decoded.
fn is_plain_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Serialises fields as `application/x-www-form-urlencoded`, per the WHATWG URL standard: `name=value`
/// pairs joined by `&`; in each, ASCII letters, digits and `*-._` are kept, space becomes `+`, and every
/// other UTF-8 byte becomes `%XX` (upper-case hex).
pub fn form_urlencoded(fields: &[(String, String)]) -> String {
    let mut out = String::new();
    for (i, (name, value)) in fields.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, name);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

fn encode_into(out: &mut String, s: &str) {
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0x0F));
        }
    }
}

/// Upper-case hex digit of the low four bits; computed rather than looked up in a table, so nothing can
/// index out of bounds or overflow.
fn hex_digit(nibble: u8) -> char {
    let n = nibble & 0x0F;
    char::from(if n < 10 { b'0' + n } else { b'A' + (n - 10) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::newsletter::action::parse_action_url;

    fn endpoint(provider: Provider, url: &str) -> Result<Endpoint, ActionUrlError> {
        Endpoint::new(provider, parse_action_url(url)?)
    }

    fn fields(e: &Result<Endpoint, ActionUrlError>, tag: Option<&str>) -> Vec<(String, String)> {
        e.as_ref()
            .map(|e| e.form_fields("a@b.c", tag))
            .unwrap_or_default()
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(n, v)| pair(n, v)).collect()
    }

    #[test]
    fn buttondown_fields() {
        let e = endpoint(
            Provider::Buttondown,
            "https://buttondown.com/api/emails/embed-subscribe/me",
        );
        assert_eq!(
            fields(&e, None),
            owned(&[("email", "a@b.c"), ("embed", "1")])
        );
        assert_eq!(
            fields(&e, Some("cto quiz")),
            owned(&[("email", "a@b.c"), ("embed", "1"), ("tag", "cto quiz")])
        );
        assert_eq!(
            fields(&e, Some("")),
            owned(&[("email", "a@b.c"), ("embed", "1")])
        );
        assert_eq!(e.map(|e| e.reads_reply()), Ok(false));
    }

    #[test]
    fn mailchimp_fields_include_the_empty_honeypot_and_no_tag() {
        let e = endpoint(
            Provider::Mailchimp,
            "https://x.us21.list-manage.com/subscribe/post?u=0a1b2c&id=9f8e7d&f_id=00",
        );
        assert_eq!(
            fields(&e, Some("quiz")),
            owned(&[("EMAIL", "a@b.c"), ("b_0a1b2c_9f8e7d", "")])
        );
        assert_eq!(e.map(|e| e.reads_reply()), Ok(false));
    }

    #[test]
    fn mailchimp_needs_u_and_id() {
        for url in [
            "https://x.list-manage.com/subscribe/post",
            "https://x.list-manage.com/subscribe/post?u=abc",
            "https://x.list-manage.com/subscribe/post?id=abc",
            "https://x.list-manage.com/subscribe/post?u=&id=abc",
            "https://x.list-manage.com/subscribe/post?u=abc&id=",
            "https://x.list-manage.com/subscribe/post?u=a%20b&id=abc",
            "https://x.list-manage.com/subscribe/post#u=abc&id=def",
        ] {
            let e = endpoint(Provider::Mailchimp, url);
            assert_eq!(
                e.err().map(|e| e.problem()),
                Some(ActionUrlProblem::MailchimpIdsMissing),
                "{url}"
            );
        }
        let e = endpoint(
            Provider::Mailchimp,
            "https://x.list-manage.com/subscribe/post?u=abc",
        );
        assert_eq!(
            e.err().map(|e| e.to_string()).as_deref(),
            Some("newsletter-action must include the u= and id= parameters of Mailchimp’s embedded-form URL; got \"https://x.list-manage.com/subscribe/post?u=abc\"")
        );
    }

    #[test]
    fn kit_fields_are_only_the_address() {
        let e = endpoint(
            Provider::Kit,
            "https://app.convertkit.com/forms/123/subscriptions",
        );
        assert_eq!(
            fields(&e, Some("quiz")),
            owned(&[("email_address", "a@b.c")])
        );
        assert_eq!(e.map(|e| e.reads_reply()), Ok(false));
    }

    #[test]
    fn generic_fields_and_reply() {
        let e = endpoint(Provider::Generic, "https://blog.example/subscribe?u=1");
        assert_eq!(fields(&e, None), owned(&[("email", "a@b.c")]));
        assert_eq!(
            fields(&e, Some("t")),
            owned(&[("email", "a@b.c"), ("tag", "t")])
        );
        assert_eq!(e.as_ref().map(|e| e.reads_reply()), Ok(true));
        assert_eq!(
            e.as_ref().map(|e| e.url()),
            Ok("https://blog.example/subscribe?u=1")
        );
        assert_eq!(e.map(|e| e.provider()), Ok(Provider::Generic));
    }

    #[test]
    fn urlencodes_per_whatwg() {
        assert_eq!(form_urlencoded(&[]), "");
        assert_eq!(
            form_urlencoded(&owned(&[("email", "a+b@c.d"), ("embed", "1")])),
            "email=a%2Bb%40c.d&embed=1"
        );
        assert_eq!(
            form_urlencoded(&owned(&[("tag", "CTO vs CIO & more")])),
            "tag=CTO+vs+CIO+%26+more"
        );
        assert_eq!(
            form_urlencoded(&owned(&[("k", "*-._~!'()=/?#%")])),
            "k=*-._%7E%21%27%28%29%3D%2F%3F%23%25"
        );
        assert_eq!(form_urlencoded(&owned(&[("b_x_y", "")])), "b_x_y=");
        assert_eq!(form_urlencoded(&owned(&[("t", "é€")])), "t=%C3%A9%E2%82%AC");
        assert_eq!(form_urlencoded(&owned(&[("t", "\n\0")])), "t=%0A%00");
        assert_eq!(form_urlencoded(&owned(&[("a b", "c")])), "a+b=c");
    }
}
