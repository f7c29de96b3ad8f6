//! Which newsletter service receives the sign-up, chosen by the `newsletter-provider` attribute. Each
//! names the e-mail field differently; see [`crate::newsletter::Endpoint::form_fields`].

/// A newsletter service whose embeddable form we post to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Provider {
    /// Buttondown's embed-subscribe endpoint: `email`, `embed=1`, optional `tag`.
    Buttondown,
    /// A Mailchimp embedded form: `EMAIL` plus its empty honeypot `b_<u>_<id>`.
    Mailchimp,
    /// Kit (formerly ConvertKit) form subscriptions: `email_address`.
    Kit,
    /// The blog owner's own endpoint: `email`, optional `tag`. The only one whose reply is read.
    #[default]
    Generic,
}

impl Provider {
    /// Parses an attribute value: surrounding whitespace ignored, case-insensitive. `convertkit` is
    /// accepted as Kit's former name.
    pub fn parse(s: &str) -> Option<Provider> {
        let s = s.trim_ascii();
        let known = [
            ("buttondown", Self::Buttondown),
            ("mailchimp", Self::Mailchimp),
            ("kit", Self::Kit),
            ("convertkit", Self::Kit),
            ("generic", Self::Generic),
        ];
        for (name, provider) in known {
            if s.eq_ignore_ascii_case(name) {
                return Some(provider);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_case_insensitively_and_trimmed() {
        assert_eq!(Provider::parse("buttondown"), Some(Provider::Buttondown));
        assert_eq!(Provider::parse(" MailChimp "), Some(Provider::Mailchimp));
        assert_eq!(Provider::parse("KIT"), Some(Provider::Kit));
        assert_eq!(Provider::parse("ConvertKit"), Some(Provider::Kit));
        assert_eq!(Provider::parse("\tgeneric\n"), Some(Provider::Generic));
    }

    #[test]
    fn refuses_unknown_names() {
        for s in [
            "",
            " ",
            "substack",
            "mail chimp",
            "mailchimpp",
            "kit2",
            "generic!",
        ] {
            assert_eq!(Provider::parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn every_documented_name_parses() {
        for (name, p) in [
            ("buttondown", Provider::Buttondown),
            ("mailchimp", Provider::Mailchimp),
            ("kit", Provider::Kit),
            ("generic", Provider::Generic),
        ] {
            assert_eq!(Provider::parse(name), Some(p));
        }
        assert_eq!(Provider::default(), Provider::Generic);
    }
}
