//! Properties whose Rust field names would meet (`auth_time` and `authTime`, as in Keycloak's tokens) are
//! both kept: the later one gets a field of its own (`auth_time_2`) and both keep their names on the wire.

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
