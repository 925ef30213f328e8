//! A `multipart/form-data` body goes out as a form a real parser (axum's, on multer) reads back: the file
//! field typed as bytes arrives as a file part with its bytes intact, text fields as text parts.

use axum::extract::Multipart;
use axum::http::StatusCode;
use tokio::sync::mpsc;

/// One part as the server read it: name, file name, content type, bytes.
type Part = (String, Option<String>, Option<String>, Vec<u8>);

async fn form_server() -> (String, mpsc::UnboundedReceiver<Vec<Part>>) {
    let (sender, received) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/files/content",
        axum::routing::post(move |mut form: Multipart| {
            let sender = sender.clone();
            async move {
                let mut parts = Vec::new();
                while let Some(field) = form.next_field().await.expect("a well-formed form") {
                    let name = field.name().unwrap_or_default().to_string();
                    let file_name = field.file_name().map(str::to_string);
                    let content_type = field.content_type().map(str::to_string);
                    let bytes = field.bytes().await.expect("the part's bytes").to_vec();
                    parts.push((name, file_name, content_type, bytes));
                }
                sender.send(parts).unwrap();
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, received)
}

#[tokio::test]
async fn a_typed_form_body_arrives_as_file_and_text_parts() {
    use corpus_shapes::multipart::{Client, types::UploadFileBody};
    let (url, mut received) = form_server().await;
    let client = Client::builder(&url).build().unwrap();
    let contents = b"restore point\x00\xff\r\n--not-a-boundary".to_vec();

    let response = client
        .upload_file()
        .body(UploadFileBody {
            file: contents.clone(),
            purpose: Some("backup".into()),
        })
        .send()
        .await;

    assert!(response.is_ok(), "{response:?}");
    let parts = received.recv().await.unwrap();
    assert_eq!(
        parts,
        [
            (
                "file".to_string(),
                Some("file".to_string()),
                Some("application/x-tar".to_string()),
                contents
            ),
            ("purpose".to_string(), None, None, b"backup".to_vec()),
        ]
    );
}
