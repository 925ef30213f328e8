//! Names that would meet in Rust are all kept, each with its own name on the wire: properties whose field
//! names meet (`auth_time` and `authTime`, as in Keycloak's tokens; the later is `auth_time_2`) and enum
//! values whose variant names meet (`ASC` and `asc`; the later is `Asc2`).

use tokio::sync::mpsc;

#[tokio::test]
async fn properties_that_meet_in_snake_case_both_decode_and_encode_under_their_own_names() {
    use corpus_shapes::property_snake_collision::Client;
    let app = axum::Router::new().route(
        "/token",
        axum::routing::get(|| async {
            axum::Json(serde_json::json!({"auth_time": 1_700_000_000_i64, "authTime": 7}))
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = Client::builder(&url).build().unwrap();

    let token = client
        .get_token()
        .send()
        .await
        .expect("the documented 200")
        .into_inner();

    assert_eq!(token.auth_time, Some(1_700_000_000));
    assert_eq!(token.auth_time_2, Some(7));
    assert_eq!(
        serde_json::to_value(&token).unwrap(),
        serde_json::json!({"auth_time": 1_700_000_000_i64, "authTime": 7})
    );
}

#[tokio::test]
async fn enum_values_that_meet_as_variants_are_sent_parsed_and_shown_as_written() {
    use corpus_shapes::enum_case_collision::{Client, types::ListFilesDirection};
    let (sender, mut received) = mpsc::unbounded_channel();
    let app = axum::Router::new().route(
        "/files",
        axum::routing::get(
            move |axum::extract::RawQuery(query): axum::extract::RawQuery| {
                let sender = sender.clone();
                async move {
                    sender.send(query.unwrap_or_default()).unwrap();
                    axum::http::StatusCode::NO_CONTENT
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = Client::builder(&url).build().unwrap();

    for (direction, wire) in [
        (ListFilesDirection::Asc, "ASC"),
        (ListFilesDirection::Asc2, "asc"),
        (ListFilesDirection::Desc2, "desc"),
    ] {
        client
            .list_files()
            .direction(direction)
            .send()
            .await
            .expect("the documented 204");
        assert_eq!(received.recv().await.unwrap(), format!("direction={wire}"));
        assert_eq!(direction.to_string(), wire);
        assert_eq!(wire.parse::<ListFilesDirection>().unwrap(), direction);
        assert_eq!(serde_json::to_value(direction).unwrap(), wire);
    }
}
