//! Chrome DevTools Protocol commands for a Chromium session, through chromedriver's extension
//! command `POST /session/{id}/goog/cdp/execute` with `{"cmd": …, "params": …}` (they go to the
//! session's page target). Used by the load benchmark (CPU throttling, cache off) and by
//! [`crate::prefs`] (emulated media features).
//!
//! Sent through the crate's one HTTP client ([`crate::http`]) rather than fantoccini's
//! `Client::issue_cmd`: a `WebDriverCompatibleCommand` implementation has to name `url::Url` and
//! `http::Method`, and the e2e crate does not depend on the `url` and `http` crates.

use std::time::Duration;

use anyhow::{anyhow, bail, Context};
use fantoccini::Client;
use serde_json::{json, Value};

/// Limit for one CDP command.
const CDP_TIMEOUT: Duration = Duration::from_secs(30);

/// The CDP endpoint of one chromedriver session.
#[derive(Clone, Debug)]
pub struct Cdp {
    port: u16,
    session: String,
}

impl Cdp {
    /// The endpoint for `client`'s session on the chromedriver at `driver_url`
    /// (`http://127.0.0.1:<port>`).
    pub async fn for_session(driver_url: &str, client: &Client) -> crate::Result<Cdp> {
        let session = client
            .session_id()
            .await?
            .ok_or_else(|| anyhow!("the WebDriver session has no id"))?;
        Ok(Cdp {
            port: port_of(driver_url)?,
            session,
        })
    }

    /// Runs `cmd` and returns its result; a WebDriver error becomes an error naming the command.
    pub async fn send(&self, cmd: &str, params: Value) -> crate::Result<Value> {
        let body = json!({ "cmd": cmd, "params": params }).to_string();
        let path = format!("/session/{}/goog/cdp/execute", self.session);
        let answer =
            tokio::time::timeout(CDP_TIMEOUT, crate::http::post_json(self.port, &path, body))
                .await
                .map_err(|_| anyhow!("CDP {cmd}: no answer within {CDP_TIMEOUT:?}"))?
                .with_context(|| format!("CDP {cmd}: talking to chromedriver"))?;
        let (status, reply) = (answer.status, answer.text());
        let json: Value = serde_json::from_str(&reply)
            .with_context(|| format!("CDP {cmd}: chromedriver answered {status} with {reply}"))?;
        let value = json.get("value").cloned().unwrap_or(Value::Null);
        if status != 200 {
            let message = value
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or(reply.as_str());
            bail!("CDP {cmd} failed ({status}): {message}");
        }
        Ok(value)
    }
}

/// The port of `http://127.0.0.1:<port>`.
fn port_of(url: &str) -> crate::Result<u16> {
    url.rsplit(':')
        .next()
        .and_then(|p| p.trim_end_matches('/').parse().ok())
        .ok_or_else(|| anyhow!("no port in the driver URL {url}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_of_reads_the_driver_port() {
        assert_eq!(port_of("http://127.0.0.1:9515").unwrap(), 9515);
        assert_eq!(port_of("http://127.0.0.1:9515/").unwrap(), 9515);
        assert!(port_of("http://127.0.0.1").is_err());
    }
}
