//! Each response shape the generator handles, served by a real HTTP server and decoded by the generated client.

use canned_server::{Canned, CannedServer};
use client_shapes::runtime::{ClientConfig, Error, Response, RetryPolicy};
use client_shapes::{differing_errors, ok_or_no_content, paged_lists, problem_json};
use serde_json::json;

fn no_retries() -> ClientConfig {
    ClientConfig::default().retry(RetryPolicy::disabled())
}

async fn delete_system_backup(
    canned: Canned,
) -> Result<
    Response<differing_errors::types::DeleteSystemBackupResponse>,
    Error<differing_errors::responses::DeleteSystemBackupError>,
> {
    let server = CannedServer::always(canned).await;
    let client = differing_errors::Client::builder(&server.url)
        .credentials(differing_errors::Credentials::BearerAuth("token".into()))
        .config(no_retries())
        .build()
        .unwrap();
    client
        .delete_system_backup()
        .id("sys_1")
        .backup_id("b1")
        .send()
        .await
}

#[tokio::test]
async fn differing_error_bodies_each_decode_to_their_own_type() {
    use differing_errors::responses::DeleteSystemBackupError as E;

    let ok = delete_system_backup(Canned::json(
        200,
        &json!({"code": 200, "data": {"backup_id": "b1"}}),
    ))
    .await
    .unwrap();
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.into_inner().data.backup_id, "b1");

    let validation =
        json!({"code": 400, "data": {"errors": [{"key": "backup_id", "message": "invalid"}]}});
    match delete_system_backup(Canned::json(400, &validation)).await {
        Err(Error::Documented(response)) => match response.into_inner() {
            E::BadRequest(body) => assert_eq!(body.data.errors[0].key, "backup_id"),
            other => panic!("expected BadRequest, got {other:?}"),
        },
        other => panic!("expected a typed 400, got {other:?}"),
    }

    let envelope = json!({"code": 401, "message": "invalid token", "data": null});
    match delete_system_backup(Canned::json(401, &envelope)).await {
        Err(Error::Documented(response)) => {
            assert_eq!(response.status(), 401);
            let E::Unauthorized(body) = response.into_inner() else {
                panic!("expected Unauthorized")
            };
            assert_eq!(
                (body.code, body.message.as_str(), body.data),
                (401, "invalid token", None)
            );
        }
        other => panic!("expected a typed 401, got {other:?}"),
    }
}

#[tokio::test]
async fn errors_documented_without_a_body_come_back_as_their_status() {
    use differing_errors::responses::DeleteSystemBackupError as E;
    for (status, expected) in [(502, E::BadGateway), (503, E::ServiceUnavailable)] {
        match delete_system_backup(Canned::empty(status)).await {
            Err(Error::Documented(response)) => {
                assert_eq!(response.status(), status);
                assert_eq!(response.into_inner(), expected);
            }
            other => panic!("{status}: expected a typed error, got {other:?}"),
        }
        // A body the spec does not document is ignored rather than failing the decode.
        let with_body = Canned::body(status, "text/html", "<h1>Bad gateway</h1>");
        assert!(
            matches!(
                delete_system_backup(with_body).await,
                Err(Error::Documented(_))
            ),
            "{status} with a stray body"
        );
    }
}

#[tokio::test]
async fn an_undocumented_status_is_an_unexpected_response() {
    match delete_system_backup(Canned::json(418, &json!({}))).await {
        Err(Error::Undocumented(response)) => {
            assert_eq!(response.status(), 418);
            assert_eq!(response.into_inner(), "{}", "the body, as text");
        }
        other => panic!("expected Undocumented, got {other:?}"),
    }
}

#[tokio::test]
async fn problem_json_errors_are_typed_and_their_headers_readable() {
    use problem_json::responses::DeleteVpsBackupError as E;
    let problem = json!({"type": "https://example.com/errors/not_found", "title": "Not found", "status": 404, "code": "vps_not_found"});
    let server = CannedServer::start(move |n| match n {
        0 => Canned::empty(204),
        1 => Canned::body(404, "application/problem+json", problem.to_string()),
        _ => Canned::body(429, "application/problem+json", json!({"type": "about:blank", "title": "Slow down", "status": 429, "code": "rate_limit_exceeded"}).to_string())
            .header("Retry-After", "30")
            .header("X-RateLimit-Remaining", "0"),
    })
    .await;
    let client = problem_json::Client::builder(&server.url)
        .credentials(problem_json::Credentials::ApiKey("key".into()))
        .config(no_retries())
        .build()
        .unwrap();
    let delete = || client.delete_vps_backup().id("vps_1").backup_id("bkp_1");

    let deleted = delete().send().await.unwrap();
    assert_eq!((deleted.status().as_u16(), deleted.into_inner()), (204, ()));

    match delete().send().await {
        Err(Error::Documented(response)) => {
            let E::NotFound(problem) = response.into_inner() else {
                panic!("expected NotFound")
            };
            assert_eq!(problem.code, "vps_not_found");
        }
        other => panic!("expected a typed 404, got {other:?}"),
    }

    match delete().send().await {
        Err(Error::Documented(response)) => {
            assert_eq!(response.headers()["x-ratelimit-remaining"], "0");
            assert_eq!(response.headers()["retry-after"], "30");
            assert!(
                matches!(response.into_inner(), E::TooManyRequests(p) if p.code == "rate_limit_exceeded")
            );
        }
        other => panic!("expected a typed 429, got {other:?}"),
    }

    let accept = server.requests()[0].headers["accept"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        accept, "application/problem+json",
        "the client asks for the media type the spec documents"
    );
}

#[tokio::test]
async fn two_hundred_beside_two_hundred_four_and_two_hundred_two_are_distinct_successes() {
    use ok_or_no_content::responses::{GetJobError, GetJobSuccess};
    let server = CannedServer::start(|n| match n {
        0 => Canned::json(200, &json!({"id": "j1", "state": "done"})),
        1 => Canned::json(202, &json!({"poll_after": 5})),
        2 => Canned::empty(204),
        3 => Canned::json(404, &json!({"reason": "gone"})),
        4 => Canned::body(409, "text/plain", "busy"),
        _ => Canned::json(500, &json!({"id": "j1", "state": "failed"})),
    })
    .await;
    let client = ok_or_no_content::Client::builder(&server.url)
        .config(no_retries())
        .build()
        .unwrap();
    let get_job = || client.get_job().id("j1").send();

    let done = get_job().await.unwrap().into_inner();
    assert!(
        matches!(done, GetJobSuccess::Ok(job) if job.state == ok_or_no_content::types::JobState::Done)
    );
    let running = get_job().await.unwrap().into_inner();
    assert!(matches!(running, GetJobSuccess::Accepted(r) if r.poll_after == 5));
    assert_eq!(
        get_job().await.unwrap().into_inner(),
        GetJobSuccess::NoContent
    );

    let error = |result: Result<_, Error<GetJobError>>| match result {
        Err(Error::Documented(response)) => (response.status().as_u16(), response.into_inner()),
        other => panic!(
            "expected a typed error, got {:?}",
            other.map(|_: Response<GetJobSuccess>| ())
        ),
    };
    let (status, not_found) = error(get_job().await);
    assert!(status == 404 && matches!(not_found, GetJobError::NotFound(b) if b.reason == "gone"));
    let (status, conflict) = error(get_job().await);
    assert_eq!(
        (status, conflict),
        (409, GetJobError::ClientError("busy".into())),
        "4XX range with a text body"
    );
    let (status, other) = error(get_job().await);
    assert!(
        status == 500 && matches!(other, GetJobError::Other(job) if job.id == "j1"),
        "default"
    );
}

#[tokio::test]
async fn a_body_that_breaks_its_schema_is_a_payload_error_not_a_panic() {
    match delete_system_backup(Canned::json(200, &json!({"code": "two hundred"}))).await {
        Err(Error::Undecodable { response, reason }) => {
            assert_eq!(response.status(), 200);
            assert!(!response.is_empty());
            assert!(reason.contains("invalid type"), "{reason}");
        }
        other => panic!("expected Undecodable, got {other:?}"),
    }
}

#[tokio::test]
async fn page_numbers_run_from_the_documented_first_page_until_the_total() {
    let server = CannedServer::start(|n| match n {
        0 => Canned::json(
            200,
            &json!({"snapshots": [{"id": "a"}, {"id": "b"}], "total_count": 3}),
        ),
        _ => Canned::json(200, &json!({"snapshots": [{"id": "c"}], "total_count": 3})),
    })
    .await;
    let client = paged_lists::Client::builder(&server.url).build().unwrap();

    let snapshots = client
        .list_snapshots()
        .per_page(2)
        .items()
        .collect()
        .await
        .unwrap();

    let ids: Vec<&str> = snapshots.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    let uris: Vec<String> = server.requests().iter().map(|r| r.uri.clone()).collect();
    assert_eq!(
        uris,
        [
            "/snapshots?page=1&per_page=2",
            "/snapshots?page=2&per_page=2"
        ]
    );
}

#[tokio::test]
async fn page_tokens_are_followed_until_none_comes() {
    let server = CannedServer::start(|n| match n {
        0 => Canned::json(200, &json!({"items": ["x", "y"], "next_page_token": "t2"})),
        _ => Canned::json(200, &json!({"items": ["z"], "next_page_token": null})),
    })
    .await;
    let client = paged_lists::Client::builder(&server.url).build().unwrap();

    let events = client
        .list_events()
        .limit(2)
        .items()
        .collect()
        .await
        .unwrap();

    assert_eq!(events, ["x", "y", "z"]);
    let uris: Vec<String> = server.requests().iter().map(|r| r.uri.clone()).collect();
    assert_eq!(uris, ["/events?limit=2", "/events?limit=2&page_token=t2"]);
}

#[tokio::test]
async fn a_default_success_leaves_the_documented_errors_their_own() {
    use ok_or_no_content::responses::CreateKeyError as E;
    let create_key = |canned: Canned| async move {
        let server = CannedServer::always(canned).await;
        let client = ok_or_no_content::Client::builder(&server.url)
            .config(no_retries())
            .build()
            .unwrap();
        client.create_key().send().await
    };
    match create_key(Canned::json(401, &json!({"reason": "no token"}))).await {
        Err(Error::Documented(response)) => match response.into_inner() {
            E::Unauthorized(body) => assert_eq!(body.reason, "no token"),
            other => panic!("expected Unauthorized, got {other:?}"),
        },
        other => panic!("expected a typed 401, got {other:?}"),
    }
    match create_key(Canned::empty(410)).await {
        Err(Error::Documented(response)) => assert_eq!(response.into_inner(), E::Gone),
        other => panic!("expected a typed 410, got {other:?}"),
    }
    let job = create_key(Canned::json(201, &json!({"id": "k1", "state": "done"})))
        .await
        .unwrap();
    assert_eq!(job.status(), 201);
    assert_eq!(job.into_inner().id, "k1");
}

#[tokio::test]
async fn one_of_two_properties_not_both_is_a_value_the_client_can_send() {
    use ok_or_no_content::types::ImageRef;
    let server = CannedServer::always(Canned::empty(204)).await;
    let client = ok_or_no_content::Client::builder(&server.url)
        .config(no_retries())
        .build()
        .unwrap();

    let sent = client
        .edit_image()
        .body(ImageRef::Variant1 {
            file_id: "file-abc123".into(),
        })
        .send()
        .await
        .unwrap();

    assert_eq!(sent.status(), 204);
    let body: serde_json::Value = serde_json::from_slice(&server.requests()[0].body).unwrap();
    assert_eq!(body, json!({"file_id": "file-abc123"}));
}

#[tokio::test]
async fn a_deep_object_query_parameter_is_sent_under_its_name_in_brackets() {
    use ok_or_no_content::types::SearchFilter;
    let server = CannedServer::always(Canned::empty(204)).await;
    let client = ok_or_no_content::Client::builder(&server.url)
        .config(no_retries())
        .build()
        .unwrap();

    client
        .search()
        .filter(SearchFilter {
            status: Some("open".into()),
            limit: Some(3),
        })
        .send()
        .await
        .unwrap();

    assert_eq!(
        server.requests()[0].uri,
        "/searches?filter%5Blimit%5D=3&filter%5Bstatus%5D=open"
    );
}

#[tokio::test]
async fn parameters_whose_rust_names_meet_are_both_sent_under_their_own_names() {
    let server = CannedServer::always(Canned::empty(204)).await;
    let client = ok_or_no_content::Client::builder(&server.url)
        .config(no_retries())
        .build()
        .unwrap();

    client.search().limit(3).limit_2("10").send().await.unwrap();

    assert_eq!(server.requests()[0].uri, "/searches?Limit=10&limit=3");
}
