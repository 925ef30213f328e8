//! A header parameter that is a list of scalars is set as a list and sent comma-separated (the `simple`
//! style), as OpenAI's `openai-beta`; an object header is taken as its text.

use tokio::sync::mpsc;

#[tokio::test]
async fn a_list_header_is_sent_comma_separated() {
    use corpus_shapes::array_header::{Client, types::ListResponsesOpenAiBetaItem as Beta};
    let (sender, mut received) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/responses",
        axum::routing::get(move |headers: axum::http::HeaderMap| {
            let sender = sender.clone();
            async move {
                let text = |name: &str| headers.get(name).map(|v| v.to_str().unwrap().to_string());
                sender
                    .send((text("openai-beta"), text("x-ids"), text("x-shape")))
                    .unwrap();
                axum::http::StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = Client::builder(&url).build().unwrap();

    client
        .list_responses()
        .open_ai_beta(vec![Beta::AssistantsV2, Beta::ResponsesV1])
        .x_ids(vec![3, 4])
        .x_shape("a,x")
        .send()
        .await
        .expect("the documented 204");
    assert_eq!(
        received.recv().await.unwrap(),
        (
            Some("assistants=v2,responses=v1".to_string()),
            Some("3,4".to_string()),
            Some("a,x".to_string())
        )
    );

    // Optional and left unset: not sent.
    client
        .list_responses()
        .x_ids(vec![7])
        .send()
        .await
        .expect("the documented 204");
    assert_eq!(
        received.recv().await.unwrap(),
        (None, Some("7".to_string()), None)
    );
}
