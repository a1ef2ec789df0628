//! `dateline`: one binary runs the whole newsroom.

mod archive;
mod cli;
mod config;
mod demo;
mod narration;
mod webhooks;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

/// jemalloc, not glibc's malloc: under glibc the two async workers queue on
/// malloc's arena locks whenever one frees what the other allocated (a
/// response, a header map), which cost about 30% of the cached-page throughput.
/// mimalloc was as fast but held half as much memory again (docs/BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    init_logs(args.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(cli::run(args)) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr, filtered by `DATELINE_LOG` (default `info`): as text
/// for people, or one JSON object a line (fields at the top level) for log
/// collectors.
fn init_logs(format: cli::LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("DATELINE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        cli::LogFormat::Text => logs.with_ansi(std::io::stderr().is_terminal()).init(),
        cli::LogFormat::Json => logs.json().flatten_event(true).with_current_span(false).init(),
    }
}
