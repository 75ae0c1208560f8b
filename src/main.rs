//! The `cloudplan` binary: the desktop app with no command, the CLI with one.

use clap::Parser;
use cloudplan::cli::{Cli, run};
use std::process::ExitCode;

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
