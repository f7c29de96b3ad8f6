//! Component tests in a real browser (wasm-bindgen-test): mount the widget into a fresh element,
//! act as a reader would (click, choose), and assert on what the DOM shows.
#![cfg(target_arch = "wasm32")]

use cto_cio_quiz::config::{Config, NewsletterSetup};
use cto_cio_quiz::content::{ARTICLE, QUESTIONS};
use cto_cio_quiz::ui::app::App;
use cto_cio_quiz::ui::session::Session;
use cto_cio_quiz::web::host::Built;
use cto_cio_quiz::web::store::Store;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The questions in one attempt with the default configuration.
fn run_length() -> usize {
    Config::default().questions.of(QUESTIONS.len())
}

/// Mounts a widget with an in-memory store into a fresh element and returns that element once
/// every part is built.
async fn mount_widget() -> HtmlElement {
    mount_with(Config::default()).await
}

async fn mount_with(config: Config) -> HtmlElement {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let container: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    host.append_child(&container).expect("append");
    let session_host = host.clone();
    // The app builds its parts over the next frames and calls this once all are in, as it
    // tells embed.js.
    let mut told = None;
    let built = js_sys::Promise::new(&mut |resolve, _| told = Some(resolve));
    let told = Built::new(told.expect("the promise's executor runs at once"));
    leptos::mount::mount_to(container, move || {
        let session = Session::open(session_host, config, Store::in_memory());
        view! { <App session built=told/> }
    })
    .forget();
    wasm_bindgen_futures::JsFuture::from(built)
        .await
        .expect("the widget tells that it is built");
    host
}

/// Lets Leptos apply every pending update (effects may schedule further effects), after one
/// timer task.
async fn settle() {
    next_task().await;
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Resolves in a later task of the event loop (a zero-delay timer).
async fn next_task() {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback(&resolve)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(timer)
        .await
        .expect("the timer resolves");
}

fn find(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector).expect("valid selector")
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

fn click(root: &Element, selector: &str) {
    find(root, selector)
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

fn button_with_text(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").expect("selector");
    (0..buttons.length())
        .filter_map(|index| buttons.item(index))
        .map(|node| node.unchecked_into::<HtmlElement>())
        .find(|button| button.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button labelled {label:?}"))
}

/// Picks the right (or a wrong) option of the question currently shown.
fn choose(root: &Element, right: bool) {
    let prompt = text(root, "legend");
    let question = QUESTIONS
        .iter()
        .find(|question| question.prompt == prompt)
        .unwrap_or_else(|| panic!("the legend {prompt:?} is no question of the bank"));
    let option = question
        .options
        .iter()
        .find(|option| option.correct == right)
        .expect("an option");
    let selector = format!("input[type=radio][value=\"{}\"]", option.id);
    if find(root, &selector).is_none() {
        let radios = root
            .query_selector_all("input[type=radio]")
            .expect("selector");
        let values: Vec<String> = (0..radios.length())
            .filter_map(|i| radios.item(i))
            .map(|n| n.unchecked_into::<HtmlInputElement>().value())
            .collect();
        panic!(
            "question {:?} shows options {values:?}; wanted {:?}",
            question.id, option.id
        );
    }
    click(root, &selector);
}

#[wasm_bindgen_test]
async fn renders_every_section_of_the_article() {
    let host = mount_widget().await;
    settle().await;
    assert_eq!(text(&host, "h2"), ARTICLE.title);
    for section in ARTICLE.sections {
        let heading = text(&host, &format!("#{} h3", section.id));
        assert_eq!(heading, section.heading, "section {}", section.id);
    }
    for id in [
        "focus",
        "priorities",
        "stakeholders",
        "metrics",
        "leadership",
    ] {
        let row = find(&host, &format!("#{id}")).unwrap_or_else(|| panic!("no #{id}"));
        assert_eq!(
            row.query_selector_all(".ccq-role")
                .expect("selector")
                .length(),
            2
        );
    }
    assert!(text(&host, "#analogy").contains("The CTO is the engineer"));
}

#[wasm_bindgen_test]
async fn a_question_gives_feedback_then_moves_on() {
    let host = mount_widget().await;
    settle().await;
    button_with_text(&host, "Start the quiz").click();
    settle().await;
    assert_eq!(
        text(&host, ".ccq-progress-text"),
        format!("Question 1 of {}", run_length())
    );
    assert!(
        host.query_selector_all("fieldset input[type=radio]")
            .expect("selector")
            .length()
            >= 2
    );

    // Checking with nothing chosen explains itself and records nothing.
    button_with_text(&host, "Check answer").click();
    settle().await;
    assert_eq!(text(&host, ".ccq-error"), "Choose an answer first.");

    choose(&host, false);
    settle().await;
    button_with_text(&host, "Check answer").click();
    settle().await;
    assert_eq!(text(&host, ".ccq-verdict"), "Not quite.");
    assert!(text(&host, ".ccq-feedback").contains("The right answer:"));
    assert!(
        find(&host, ".ccq-feedback a[data-reveal]").is_some(),
        "a Read more link"
    );
    let radios = host
        .query_selector_all("fieldset input[type=radio]")
        .expect("selector");
    for index in 0..radios.length() {
        let radio: HtmlInputElement = radios.item(index).expect("radio").unchecked_into();
        assert!(radio.disabled(), "answers are locked once checked");
    }
    assert!(find(&host, ".ccq-is-right .ccq-mark").is_some());

    button_with_text(&host, "Next question").click();
    settle().await;
    assert_eq!(
        text(&host, ".ccq-progress-text"),
        format!("Question 2 of {}", run_length())
    );
    assert!(
        find(&host, ".ccq-feedback").is_none(),
        "feedback belongs to the previous question"
    );
}

#[wasm_bindgen_test]
async fn a_full_playthrough_reaches_the_results() {
    let host = mount_widget().await;
    settle().await;
    button_with_text(&host, "Start the quiz").click();
    settle().await;
    for index in 0..run_length() {
        // Every question right except the first.
        choose(&host, index != 0);
        settle().await;
        button_with_text(&host, "Check answer").click();
        settle().await;
        let next = if index + 1 == run_length() {
            "See my results"
        } else {
            "Next question"
        };
        button_with_text(&host, next).click();
        settle().await;
    }
    let total = run_length();
    assert!(
        text(&host, ".ccq-score").starts_with(&format!("{} / {total}", total - 1)),
        "score line: {}",
        text(&host, ".ccq-score")
    );
    assert!(!text(&host, ".ccq-tier").is_empty());
    assert_eq!(
        host.query_selector_all(".ccq-review > li")
            .expect("selector")
            .length() as usize,
        total
    );
    // The assembled lines: no doubled full stop, no unfilled advice slot.
    let shown = text(&host, ".ccq-results");
    assert!(
        !shown.contains(".."),
        "doubled full stop in the results: {shown}"
    );
    assert!(
        !shown.contains("{topics}"),
        "advice without its topics: {shown}"
    );
    assert!(text(&host, ".ccq-review").contains("you answered “"));
    assert!(text(&host, ".ccq-history").contains("Your best so far"));
    assert!(
        text(&host, ".ccq-cta-score").starts_with(&format!("You scored {} / {total}", total - 1))
    );

    button_with_text(&host, "Retake the quiz").click();
    settle().await;
    assert_eq!(
        text(&host, ".ccq-progress-text"),
        format!("Question 1 of {total}")
    );
}

#[wasm_bindgen_test]
async fn without_a_newsletter_action_the_call_to_action_says_so() {
    let host = mount_widget().await;
    settle().await;
    assert!(text(&host, "#newsletter").contains("Subscribe to our newsletter below"));
    assert!(text(&host, ".ccq-cta").contains("not connected yet"));
    assert!(find(&host, ".ccq-cta input[type=email]").is_none());
}

#[wasm_bindgen_test]
async fn review_at_the_end_mode_gives_no_feedback_until_the_results() {
    let config = Config {
        feedback: cto_cio_quiz::quiz::FeedbackMode::AtEnd,
        ..Config::default()
    };
    let host = mount_with(config).await;
    settle().await;
    button_with_text(&host, "Start the quiz").click();
    settle().await;
    choose(&host, true);
    settle().await;
    button_with_text(&host, "Next question").click();
    settle().await;
    assert!(
        find(&host, ".ccq-feedback").is_none(),
        "no feedback in review-at-the-end mode"
    );
    assert_eq!(
        text(&host, ".ccq-progress-text"),
        format!("Question 2 of {}", run_length())
    );
}

#[wasm_bindgen_test]
async fn says_when_progress_cannot_be_saved() {
    let host = mount_widget().await;
    settle().await;
    assert!(text(&host, "#quiz .ccq-note").contains("isn’t letting the page save your progress"));
}

/// `newsletter/url.rs`'s test strings, the same ones its unit tests use.
mod url_cases {
    include!("../src/newsletter/url_cases.rs");
}

/// Whether the widget takes `s` as its `newsletter-action` (the generic provider).
fn accepts_action(s: &str) -> bool {
    let (config, _) =
        Config::from_attributes(|name| (name == "newsletter-action").then(|| s.to_owned()));
    matches!(config.newsletter, NewsletterSetup::Connected(_))
}

/// Whether the browser's reading of `s` is `s` itself (give or take the `/` of an empty path).
fn browser_keeps(url: &web_sys::Url, s: &str) -> bool {
    let href = url.href();
    href == s || href == [s, "/"].concat()
}

#[wasm_bindgen_test]
fn every_url_the_widget_accepts_goes_where_the_browser_sends_it() {
    for &(s, https, host) in url_cases::ACCEPTED {
        assert!(accepts_action(s), "the widget refuses {s:?}");
        let url = web_sys::Url::new(s).unwrap_or_else(|_| panic!("the browser refuses {s:?}"));
        assert_eq!(
            url.protocol(),
            if https { "https:" } else { "http:" },
            "{s:?}"
        );
        assert_eq!(url.hostname(), host.to_ascii_lowercase(), "{s:?}");
    }
}

#[wasm_bindgen_test]
fn every_url_refused_for_its_scheme_or_characters_is_one_the_browser_rejects_or_rewrites() {
    let shapes = [url_cases::REFUSED_SCHEME, url_cases::REFUSED_CHARACTER];
    for s in shapes.into_iter().flatten() {
        assert!(!accepts_action(s), "the widget accepts {s:?}");
        if let Ok(url) = web_sys::Url::new(s) {
            let web = ["https:", "http:"].contains(&url.protocol().as_str());
            assert!(
                !web || !browser_keeps(&url, s),
                "the browser reads {s:?} as written, as a web URL"
            );
        }
    }
}

#[wasm_bindgen_test]
fn every_url_refused_for_credentials_would_carry_them_or_be_rewritten_and_odd_hosts_are_refused() {
    // Refused hosts (an IPv6 literal, `a..b`) are policy, not a different reading: only the
    // widget's side is held.
    for s in url_cases::REFUSED_HOST {
        assert!(!accepts_action(s), "the widget accepts {s:?}");
    }
    for s in url_cases::REFUSED_CREDENTIALS {
        assert!(!accepts_action(s), "the widget accepts {s:?}");
        let url = web_sys::Url::new(s).unwrap_or_else(|_| panic!("the browser refuses {s:?}"));
        let credentials = !url.username().is_empty() || !url.password().is_empty();
        assert!(credentials || !browser_keeps(&url, s), "{s:?}");
    }
}
