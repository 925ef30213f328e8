//! Parameters named like a request builder's own fields and methods (`client`, `call`, `send`, `new`) are
//! parameters like any other: the builder keeps them apart from its client and call options, the setters of
//! `send` and `new` are `set_send` and `set_new`, and every value reaches the server's query string. An
//! operation named `builder` is `builder_2`, since `Client::builder` starts building the client; operations
//! whose names make no type name as they are get builders that do (`X4oDBrowseByDate`, `ErrorRequest`,
//! `Self_`).

use axum::extract::RawQuery;
use tokio::sync::mpsc;

async fn no_content() -> axum::http::StatusCode {
    axum::http::StatusCode::NO_CONTENT
}

#[tokio::test]
async fn parameters_named_like_the_builders_own_parts_reach_the_query() {
    use corpus_shapes::builder_name_param::Client;
    let (sender, mut received) = mpsc::unbounded_channel();
    let app = axum::Router::new()
        .route(
            "/clients/{id}/sessions",
            axum::routing::get(move |RawQuery(query): RawQuery| {
                let sender = sender.clone();
                async move {
                    sender.send(query.unwrap_or_default()).unwrap();
                    axum::Json(vec!["session"])
                }
            }),
        )
        .route("/builder", axum::routing::get(no_content))
        .route("/feeds", axum::routing::get(no_content))
        .route("/errors", axum::routing::get(no_content))
        .route("/self", axum::routing::get(no_content));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = Client::builder(&url).build().unwrap();

    let sessions = client
        .list_client_sessions()
        .id("c1")
        .client("web")
        .call("first")
        .set_send(true)
        .set_new(false)
        .max(5)
        .send()
        .await
        .expect("the documented 200");

    assert_eq!(*sessions.into_inner(), ["session"]);
    assert_eq!(
        received.recv().await.unwrap(),
        "call=first&client=web&max=5&new=false&send=true"
    );
    let built = client.builder_2().send().await.expect("the documented 204");
    assert_eq!(built.status(), 204);
    let feeds: corpus_shapes::builder_name_param::builder::X4oDBrowseByDate<'_> =
        client._4o_d_browse_by_date();
    assert_eq!(
        feeds.send().await.expect("the documented 204").status(),
        204
    );
    let errors: corpus_shapes::builder_name_param::builder::ErrorRequest<'_> = client.error();
    assert_eq!(
        errors.send().await.expect("the documented 204").status(),
        204
    );
    assert_eq!(
        client
            .self_()
            .send()
            .await
            .expect("the documented 204")
            .status(),
        204
    );
}
