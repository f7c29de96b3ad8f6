//! The one HTTP client of the e2e crate (hyper, the client fantoccini already brings), for what
//! is not a WebDriver command: a driver's `GET /status`, chromedriver's CDP endpoint, and header
//! checks on the test server without a browser. Plain http to 127.0.0.1 only.

use std::collections::HashMap;
use std::time::Duration;

use anyhow::{anyhow, Context};
use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::Request;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

/// One request may take this long, answer included.
const TIMEOUT: Duration = Duration::from_secs(30);

/// A reply: its status, its headers (names lower-cased) and its body.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as (lossy) UTF-8.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// `GET http://127.0.0.1:<port><path>`.
pub async fn get(port: u16, path: &str) -> crate::Result<Reply> {
    request(port, "GET", path, &[], Vec::new()).await
}

/// `POST http://127.0.0.1:<port><path>` with a JSON body.
pub async fn post_json(port: u16, path: &str, json: String) -> crate::Result<Reply> {
    let json_type = [("content-type", "application/json; charset=utf-8")];
    request(port, "POST", path, &json_type, json.into_bytes()).await
}

/// Any request to `http://127.0.0.1:<port><path>`, with these extra headers and body.
pub async fn request(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Vec<u8>,
) -> crate::Result<Reply> {
    // The Host header carries the port: geckodriver refuses one without it (DNS-rebinding
    // protection).
    let mut request = Request::builder()
        .method(method)
        .uri(format!("http://127.0.0.1:{port}{path}"))
        .header("host", format!("127.0.0.1:{port}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request
        .body(Full::new(Bytes::from(body)))
        .with_context(|| format!("building {method} {path}"))?;
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build(HttpConnector::new());
    let exchange = async {
        let response = client.request(request).await?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(name, value)| {
                let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
                (name.as_str().to_ascii_lowercase(), value)
            })
            .collect();
        let body = response.into_body().collect().await?.to_bytes().to_vec();
        anyhow::Ok(Reply {
            status,
            headers,
            body,
        })
    };
    tokio::time::timeout(TIMEOUT, exchange)
        .await
        .map_err(|_| anyhow!("{method} 127.0.0.1:{port}{path}: no answer within {TIMEOUT:?}"))?
        .with_context(|| format!("{method} 127.0.0.1:{port}{path}"))
}
