//! The accessibility suites' host page (`tests/a11y_axe.rs`, `a11y_keyboard.rs`,
//! `a11y_reflow.rs`): `pages/a11y-host.html`, whose script builds `<cto-cio-quiz id="quiz">` from
//! the query string (`host-from-query.js`, as `newsletter-host.html` does) between two host links,
//! with the sign-up connected to the test server's recorder.

use std::time::Duration;

use crate::session::Ctx;
use crate::widget::HOST;

/// Scenarios that play the whole quiz get more than the default 120 s per engine.
pub const LONG: Duration = Duration::from_secs(300);

/// The sign-up's endpoint on the test server.
pub const ACTION: &str = "/newsletter/a11y";

/// `/pages/a11y-host.html` with a storage key of its own and the sign-up connected to the test
/// server's recorder (the generic provider: a CORS POST, "You’re on the list — thanks!").
pub fn page(storage_key: &str) -> String {
    format!(
        "/pages/a11y-host.html?storage-key={storage_key}&newsletter-provider=generic\
         &newsletter-action={ACTION}"
    )
}

/// Opens [`page`], scrolls the widget into view and waits for its start screen.
pub async fn open_ready(ctx: &Ctx, storage_key: &str) -> crate::Result<()> {
    ctx.open(&page(storage_key)).await?;
    ctx.scroll_into_view(HOST).await?;
    ctx.wait_ready(HOST).await?;
    ctx.widget(HOST)
        .wait_screen("the start screen", |s| s.kind == "start")
        .await?;
    Ok(())
}
