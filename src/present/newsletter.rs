//! What the call to action says about a sign-up the widget remembers: only what it knows. A
//! request nobody confirmed is called a request, with the day it was sent when that is known.

/// The months as the note writes them.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The line shown, after a reload, for a sign-up that was sent but not confirmed: `date` is the
/// reader's calendar day it was sent, (year, month 1-12, day), when known. The view follows it
/// with a "Sign up again" button.
pub fn requested_note(date: Option<(u32, u32, u32)>) -> String {
    let month = date.and_then(|(_, month, _)| MONTHS.get(month.wrapping_sub(1) as usize));
    let when = match (date, month) {
        (Some((year, _, day)), Some(month)) => {
            ["on ", &day.to_string(), " ", month, " ", &year.to_string()].concat()
        }
        _ => "from this browser".to_owned(),
    };
    [
        "You asked to join the newsletter ",
        &when,
        ". Nothing in your inbox?",
    ]
    .concat()
}

/// The button that offers the form again after an unconfirmed request.
pub const SIGN_UP_AGAIN: &str = "Sign up again";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_request_says_when_it_was_sent_and_never_that_the_reader_is_subscribed() {
        assert_eq!(
            requested_note(Some((2026, 12, 7))),
            "You asked to join the newsletter on 7 December 2026. Nothing in your inbox?"
        );
        assert_eq!(
            requested_note(Some((2027, 1, 31))),
            "You asked to join the newsletter on 31 January 2027. Nothing in your inbox?"
        );
        for unknown in [None, Some((2026, 0, 1)), Some((2026, 13, 1))] {
            assert_eq!(
                requested_note(unknown),
                "You asked to join the newsletter from this browser. Nothing in your inbox?"
            );
        }
        for date in [None, Some((2026, 12, 7))] {
            assert!(!requested_note(date).contains("on the list"));
        }
    }
}
