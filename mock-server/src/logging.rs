//! Log output for the binary: `tracing` events formatted as `pretty` (human) or `json` lines, written to
//! stdout through a buffer that a background thread flushes every 50 ms, so one log line per request does
//! not cost one system call per request. `RUST_LOG` overrides the default `info` level.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// How log lines look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Pretty,
    Json,
}

static BUFFER: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Past this many buffered bytes a write flushes at once.
const FLUSH_AT: usize = 64 * 1024;

/// Installs the global subscriber. Call once, early in `main`.
pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(BufferedStdout)
        .with_ansi(std::io::stdout().is_terminal())
        .with_target(false);
    let installed = match format {
        LogFormat::Pretty => builder.compact().try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
    if installed.is_ok() {
        std::thread::Builder::new()
            .name("log-flush".into())
            .spawn(|| {
                loop {
                    std::thread::sleep(Duration::from_millis(50));
                    flush();
                }
            })
            .ok();
    }
}

/// Writes out whatever is buffered.
pub fn flush() {
    let pending = match BUFFER.lock() {
        Ok(mut buffer) => std::mem::take(&mut *buffer),
        Err(_) => return,
    };
    if !pending.is_empty() {
        let mut stdout = std::io::stdout().lock();
        let _ = stdout.write_all(&pending);
        let _ = stdout.flush();
    }
}

struct BufferedStdout;

struct BufferHandle;

impl<'a> MakeWriter<'a> for BufferedStdout {
    type Writer = BufferHandle;

    fn make_writer(&'a self) -> Self::Writer {
        BufferHandle
    }
}

impl Write for BufferHandle {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        let full = match BUFFER.lock() {
            Ok(mut buffer) => {
                buffer.extend_from_slice(bytes);
                buffer.len() >= FLUSH_AT
            }
            Err(_) => false,
        };
        if full {
            flush();
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
