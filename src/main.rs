//! The `cloudplan` binary: the desktop app with no command, the CLI with one.

use clap::Parser;
use cloudplan::cli::{Cli, run};
use std::process::ExitCode;

/// mimalloc: the offer-file import allocates and frees millions of small strings across
/// threads; with glibc malloc that cost ~15% of the import's CPU (consolidation, page faults).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(command) => run(command),
        None => match cloudplan::ui::run(cli.plan) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cloudplan: {e:#}");
                ExitCode::from(1)
            }
        },
    }
}
