//! The dashboard in a real browser: headless Chromium, driven over WebDriver by its chromedriver (Debian's
//! `chromium` and `chromium-driver`, installed by `.ci/install-chromium.sh` when missing), loads `/__mock/`
//! from a running mock; requests the test sends appear, the session filter narrows them, a rejected request
//! opened from the keyboard shows its violation and masked credentials, and the coverage page lists what was
//! served. Screenshots of the journal, a request's detail and the coverage view are written to
//! `target/dashboard-screenshots/` (not committed). Without Chromium the test fails, unless
//! `MOCK_SERVER_SKIP_BROWSER=1` is set for a local run.

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;
use serde_json::{Value, json};

use crate::support::*;

/// W3C WebDriver's key for an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

struct Driver {
    child: Child,
    url: String,
    session: String,
    http: reqwest::Client,
}

impl Drop for Driver {
    /// Stops chromedriver and every browser process it started: they share chromedriver's process group, and
    /// killing chromedriver alone leaves a Chromium that is still quitting orphaned and running.
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// chromedriver on a free port with a headless Chromium session; `None` only when they are missing and the
/// skip is asked for.
async fn start_browser() -> Option<Driver> {
    if !programs_installed(
        &["chromium", "chromedriver"],
        "install-chromium.sh",
        "MOCK_SERVER_SKIP_BROWSER",
    ) {
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .process_group(0)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            Instant::now() < deadline,
            "chromedriver did not listen on {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut driver = Driver {
        child,
        url: format!("http://127.0.0.1:{port}"),
        session: String::new(),
        http: reqwest::Client::new(),
    };
    let created = driver
        .call(
            reqwest::Method::POST,
            "/session",
            json!({"capabilities": {"alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {"args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1440,1000"
                ]}
            }}}),
        )
        .await;
    driver.session = created["sessionId"]
        .as_str()
        .unwrap_or_else(|| panic!("no WebDriver session: {created}"))
        .to_string();
    Some(driver)
}

impl Driver {
    /// One WebDriver command; its `value`.
    async fn call(&self, method: reqwest::Method, path: &str, body: Value) -> Value {
        let url = if path == "/session" {
            format!("{}{path}", self.url)
        } else {
            format!("{}/session/{}{path}", self.url, self.session)
        };
        let mut request = self.http.request(method.clone(), &url);
        if method != reqwest::Method::GET {
            request = request.json(&body);
        }
        let answer: Value = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{url}: {e}"))
            .json()
            .await
            .unwrap();
        answer["value"].clone()
    }

    async fn open(&self, url: &str) {
        self.call(reqwest::Method::POST, "/url", json!({"url": url}))
            .await;
    }

    async fn elements(&self, css: &str) -> Vec<String> {
        let found = self
            .call(
                reqwest::Method::POST,
                "/elements",
                json!({"using": "css selector", "value": css}),
            )
            .await;
        found
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    }

    async fn type_into(&self, element: &str, text: &str) {
        self.call(
            reqwest::Method::POST,
            &format!("/element/{element}/value"),
            json!({"text": text}),
        )
        .await;
    }

    /// The texts of the elements `css` selects once `ready` accepts them, within 10 s.
    async fn wait_for(&self, css: &str, ready: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            // Read in one script: element by element is slow, and rows scrolled out of view have no
            // rendered text for WebDriver.
            let read = self
                .call(
                    reqwest::Method::POST,
                    "/execute/sync",
                    json!({
                        "script": "return [...document.querySelectorAll(arguments[0])].map((e) => e.tagName === 'TR' ? [...e.cells].map((c) => c.textContent).join(' ') : e.innerText);",
                        "args": [css],
                    }),
                )
                .await;
            let texts: Vec<String> = read
                .as_array()
                .map(|list| {
                    list.iter()
                        .map(|t| t.as_str().unwrap_or_default().to_string())
                        .collect()
                })
                .unwrap_or_default();
            if ready(&texts) {
                return texts;
            }
            assert!(
                Instant::now() < deadline,
                "{css} never became ready: {texts:?}"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    async fn screenshot(&self, name: &str) {
        let encoded = self
            .call(reqwest::Method::GET, "/screenshot", Value::Null)
            .await;
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded.as_str().unwrap_or_default())
            .expect("a base64 screenshot");
        let dir = std::env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"))
            .join("dashboard-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dashboard_shows_requests_filters_them_and_explains_a_rejected_one() {
    let Some(browser) = start_browser().await else {
        return;
    };
    let server = vendored().await;
    browser.open(&format!("{}/__mock/", server.url())).await;
    // The page has polled once (the routes are listed): from now on the journal keeps request details.
    browser
        .wait_for("#routes tbody tr", |rows| rows.len() > 10)
        .await;

    let http = client();
    delete_backup_chain(&server, &http)
        .header("X-Mock-Session", "browser-a")
        .send()
        .await
        .unwrap();
    // No X-Project-ID: rejected with the spec's 400 and a violation.
    let rejected = http
        .delete(format!(
            "{}/raff/api/v1/backups/{BACKUP_ID}/chain",
            server.url()
        ))
        .header("X-API-Key", "very-secret-key")
        .header("X-Mock-Session", "browser-b")
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), 400);
    http.get(format!("{}/nowhere", server.url()))
        .header("X-Mock-Session", "browser-a")
        .send()
        .await
        .unwrap();

    let rows = browser
        .wait_for("#journal tbody tr", |rows| rows.len() == 3)
        .await;
    assert!(rows[0].contains("/nowhere"), "newest first: {rows:?}");
    assert!(
        rows[1].contains("browser-b") && rows[1].contains("400"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("raff.deleteBackupChain") && rows[2].contains("200"),
        "{rows:?}"
    );
    browser.screenshot("journal").await;

    let session = browser.elements("#session").await.remove(0);
    browser.type_into(&session, "browser-b").await;
    let rows = browser
        .wait_for("#journal tbody tr", |rows| rows.len() == 1)
        .await;
    assert!(rows[0].contains("browser-b"), "{rows:?}");

    // Opened from the keyboard: Enter on the row's button.
    let open = browser.elements("#journal tbody tr button").await.remove(0);
    browser.type_into(&open, "\u{E007}").await;
    let violation = server
        .requests(&mock_server::JournalFilter {
            session: Some("browser-b".into()),
            ..Default::default()
        })
        .await
        .unwrap()[0]
        .validation
        .violations[0]
        .message
        .clone();
    let detail = browser
        .wait_for("#detail-body", |texts| {
            texts
                .first()
                .is_some_and(|t| t.contains("Validation: failed"))
        })
        .await
        .remove(0);
    assert!(
        detail.contains(&violation),
        "the violation `{violation}` in:\n{detail}"
    );
    assert!(
        detail.contains("in the spec at") && detail.contains("/parameters/"),
        "the violation's place in the spec:\n{detail}"
    );
    assert!(detail.contains("x-api-key"), "{detail}");
    assert!(detail.contains("•••• (15 characters)"), "{detail}");
    assert!(
        !detail.contains("very-secret-key"),
        "the credential is masked:\n{detail}"
    );
    assert!(detail.contains("curl -X DELETE"), "{detail}");
    browser.screenshot("detail").await;

    let served = browser
        .wait_for("#routes tbody tr", |rows| {
            rows.iter()
                .any(|r| r.contains("deleteBackupChain") && r.contains("400"))
        })
        .await;
    assert!(
        served.iter().any(|r| r.contains("deleteBackupChain")
            && r.contains("400")
            && r.contains("served ×1")),
        "{served:?}"
    );

    browser
        .open(&format!(
            "{}/__mock/coverage?session=browser-a&format=html",
            server.url()
        ))
        .await;
    let heading = browser
        .wait_for("h1", |texts| !texts.is_empty())
        .await
        .remove(0);
    assert!(heading.contains("Coverage of browser-a: 1 of"), "{heading}");
    browser.screenshot("coverage").await;
    browser.call(reqwest::Method::DELETE, "", Value::Null).await;
}
