//! The benchmark's baseline: a bare axum handler that answers deleteBackupChain's route with the same bytes the mock
//! serves, and nothing else (no validation, no logging). `TCP_NODELAY` is set on each connection, as the mock
//! sets it. `cargo run --release --example bare_axum -- PORT`.

use axum::Router;
use axum::http::header;
use axum::routing::delete;
use axum::serve::ListenerExt;

const BODY: &str = r#"{"success":true,"message":"Backup series deleted successfully"}"#;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port: u16 = std::env::args()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    let app = Router::new().route(
        "/raff/api/v1/backups/{id}/chain",
        delete(|| async { ([(header::CONTENT_TYPE, "application/json")], BODY) }),
    );
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, app).await
}
