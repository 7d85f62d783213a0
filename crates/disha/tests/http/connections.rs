//! Slow, silent and idle clients are closed on time, and the server keeps serving everyone else.

use crate::support::spawn_app_with;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Reads until the server closes the connection; how long that took, or `None` if it stayed open past `limit`.
async fn closed_within(stream: &mut TcpStream, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    let mut buf = [0_u8; 4096];
    loop {
        match tokio::time::timeout(limit.saturating_sub(start.elapsed()), stream.read(&mut buf))
            .await
        {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(start.elapsed()),
            Ok(Ok(_)) => {}
        }
    }
}

#[tokio::test]
async fn silent_and_trickling_clients_are_closed_while_others_are_served() {
    let app = spawn_app_with(|c| c.header_timeout_secs = 2).await;
    let mut silent = Vec::new();
    for _ in 0..200 {
        silent.push(TcpStream::connect(app.addr).await.expect("connect"));
    }
    let mut trickling = Vec::new();
    for _ in 0..50 {
        let mut s = TcpStream::connect(app.addr).await.expect("connect");
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .expect("write");
        trickling.push(tokio::spawn(async move {
            // One header line every 500 ms, for up to 20 s: a request that would never finish.
            let start = Instant::now();
            for i in 0..40 {
                tokio::time::sleep(Duration::from_millis(500)).await;
                if s.write_all(format!("X-Slow-{i}: 1\r\n").as_bytes())
                    .await
                    .is_err()
                {
                    return Some(start.elapsed());
                }
            }
            closed_within(&mut s, Duration::from_millis(10)).await
        }));
    }

    // Everyone else is still served while those connections are open.
    let (status, _) = app.get_text("/careers/nurse").await;
    assert_eq!(status, 200);

    for mut s in silent {
        let took = closed_within(&mut s, Duration::from_secs(6)).await;
        assert!(took.is_some(), "a connection that sent nothing stayed open");
    }
    for t in trickling {
        let took = t.await.expect("task");
        assert!(
            took.is_some_and(|d| d < Duration::from_secs(8)),
            "a trickling client stayed open: {took:?}"
        );
    }
    let (status, _) = app.get_text("/").await;
    assert_eq!(status, 200);
    app.stop().await;
}

#[tokio::test]
async fn an_idle_keep_alive_connection_is_closed_after_the_header_timeout() {
    let app = spawn_app_with(|c| c.header_timeout_secs = 1).await;
    let mut s = TcpStream::connect(app.addr).await.expect("connect");
    s.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .expect("write");
    let mut buf = [0_u8; 1024];
    let n = s.read(&mut buf).await.expect("response");
    assert!(
        buf[..n].starts_with(b"HTTP/1.1 200"),
        "{:?}",
        String::from_utf8_lossy(&buf[..n])
    );
    let took = closed_within(&mut s, Duration::from_secs(5)).await;
    assert!(
        took.is_some_and(|d| d >= Duration::from_millis(500)),
        "the idle connection should close after about a second, not at once or never: {took:?}"
    );
    app.stop().await;
}

#[tokio::test]
async fn connections_beyond_the_cap_are_closed_at_once() {
    let app = spawn_app_with(|c| {
        c.max_connections = 3;
        c.header_timeout_secs = 30;
    })
    .await;
    let mut held = Vec::new();
    for _ in 0..3 {
        held.push(TcpStream::connect(app.addr).await.expect("connect"));
    }
    // Give the server a moment to accept the three.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut extra = TcpStream::connect(app.addr).await.expect("connect");
    let took = closed_within(&mut extra, Duration::from_secs(2)).await;
    assert!(
        took.is_some(),
        "a fourth connection should be closed at once"
    );
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (status, _) = app.get_text("/healthz").await;
    assert_eq!(status, 200, "slots come back when connections close");
    app.stop().await;
}
