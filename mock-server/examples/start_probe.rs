//! Measures start-up for the benchmark: starts the mock-server binary with the given arguments, and prints
//! the milliseconds until it prints its address and until a first request (`GET PATH`) is answered, then
//! its resident memory, and stops it. `start_probe BINARY PATH [ARGS...]`

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let binary = args.next().expect("the mock-server binary");
    let path = args.next().expect("a path to request");
    let rest: Vec<String> = args.collect();
    let started = Instant::now();
    let mut child = Command::new(&binary)
        .args(["--port", "0"])
        .args(&rest)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let stdout = child.stdout.take().expect("piped");
    let mut address = String::new();
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(url) = line.strip_prefix("listening on http://") {
            address = url.to_string();
            break;
        }
    }
    let listening = started.elapsed();
    let mut stream = TcpStream::connect(&address).expect("connects");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("sends");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("reads");
    let first_response = started.elapsed();
    let status = response.lines().next().unwrap_or_default().to_string();
    let rss_kb = std::fs::read_to_string(format!("/proc/{}/status", child.id()))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .unwrap_or(0);
    let _ = child.kill();
    let _ = child.wait();
    println!(
        "listening_ms={:.1} first_response_ms={:.1} rss_mb={:.1} status=\"{status}\"",
        listening.as_secs_f64() * 1000.0,
        first_response.as_secs_f64() * 1000.0,
        rss_kb as f64 / 1024.0
    );
}
