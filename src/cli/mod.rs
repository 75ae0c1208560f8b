//! The command line: `cloudplan estimate | validate | catalog`, and the app when no verb is given.
//!
//! A thin shell over the library: parse arguments (clap), load files, call the engine, print a
//! report. Exit codes: 0 success; 2 bad input (plan, catalogue or option) with the message on
//! stderr and nothing written; 1 any other failure (e.g. the output file cannot be written).

use crate::catalog::{self, Catalog, Service};
use crate::cost;
use crate::plan::{Plan, file as plan_file};
use crate::report;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod prices;

#[derive(Parser, Debug)]
#[command(
    name = "cloudplan",
    version,
    about = "AWS cost and capacity planning: price a planned workload from a real, sourced catalogue",
    long_about = "With no command, cloudplan opens the desktop app (on PLAN if given, else on the \
                  embedded default plan). The commands price plans from the command line with the \
                  same engine the app uses.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan file to open in the app.
    pub plan: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Price a plan and print the bill (the embedded default plan when PLAN is omitted).
    Estimate {
        /// Plan file (`*.cloudplan.json`).
        plan: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write the report to FILE instead of standard output (written only on success).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Catalogue directory that extends (or, per its manifest, replaces) the embedded one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// Check a plan against the catalogue and list every problem.
    Validate {
        plan: PathBuf,
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// List catalogue prices.
    Catalog {
        /// Only this service (ec2, ebs, s3, efs, data_transfer, lambda, rds, dynamodb, nat_gateway, elb, public_ipv4).
        #[arg(long)]
        service: Option<String>,
        /// Only this region (e.g. ap-northeast-2).
        #[arg(long)]
        region: Option<String>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// AWS price files: `prices import` turns Price List offer files into a catalogue directory.
    Prices {
        #[command(subcommand)]
        action: PricesCommand,
    },
}

/// `cloudplan prices …`
#[derive(Subcommand, Debug)]
pub enum PricesCommand {
    /// Import AWS Price List offer files (CSV or JSON: AmazonEC2, AmazonS3, AmazonRDS, AWSLambda,
    /// AmazonDynamoDB, AmazonEFS, AWSDataTransfer), Savings Plans files and the Spot Instance
    /// Advisor JSON into a catalogue directory usable with `--catalog DIR`.
    Import {
        /// Offer files (format recognised by content).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Catalogue directory to write (created, or its files of the same name replaced).
        #[arg(long, default_value = "imported-catalogue")]
        out: PathBuf,
        /// Effective date for files that carry none (the Spot Instance Advisor JSON).
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Csv,
}

/// A failure with its exit code: 2 for bad input, 1 otherwise.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    pub message: String,
}

fn bad_input(e: impl std::fmt::Display) -> Failure {
    Failure {
        code: 2,
        message: e.to_string(),
    }
}

fn other(e: impl std::fmt::Display) -> Failure {
    Failure {
        code: 1,
        message: e.to_string(),
    }
}

/// Run a parsed command; `None` means "open the app" and is handled by the binary.
pub fn run(command: Command) -> ExitCode {
    let result = match command {
        Command::Estimate {
            plan,
            format,
            output,
            catalog,
        } => estimate(
            plan.as_deref(),
            format,
            output.as_deref(),
            catalog.as_deref(),
        ),
        Command::Validate { plan, catalog } => validate(&plan, catalog.as_deref()),
        Command::Catalog {
            service,
            region,
            format,
            catalog,
        } => list_catalog(
            service.as_deref(),
            region.as_deref(),
            format,
            catalog.as_deref(),
        ),
        Command::Prices { action } => prices(action),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => {
            eprintln!("cloudplan: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

fn load_catalog(dir: Option<&Path>) -> Result<std::borrow::Cow<'static, Catalog>, Failure> {
    let base = catalog::load::embedded();
    match dir {
        None => Ok(std::borrow::Cow::Borrowed(base)),
        Some(d) => catalog::load::load_dir(d, Some(base))
            .map(std::borrow::Cow::Owned)
            .map_err(bad_input),
    }
}

fn load_plan(path: Option<&Path>) -> Result<Plan, Failure> {
    match path {
        None => Ok(plan_file::default_plan()),
        Some(p) => plan_file::load(p).map_err(bad_input),
    }
}

/// Render the estimate of a plan in a format (shared by the CLI and tests).
pub fn render(est: &cost::Estimate, format: Format) -> String {
    match format {
        Format::Table => report::table::estimate_table(est),
        Format::Csv => report::csv::estimate_csv(est),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(est).unwrap_or_default();
            s.push('\n');
            s
        }
    }
}

fn estimate(
    plan: Option<&Path>,
    format: Format,
    output: Option<&Path>,
    catalog_dir: Option<&Path>,
) -> Result<(), Failure> {
    let catalog = load_catalog(catalog_dir)?;
    let origin = plan.map_or_else(
        || "embedded default plan".to_string(),
        |p| p.display().to_string(),
    );
    let plan = load_plan(plan)?;
    let est = cost::estimate(&plan, &catalog).map_err(|e| bad_input(format!("{origin}: {e}")))?;
    let text = render(&est, format);
    match output {
        None => {
            print!("{text}");
            Ok(())
        }
        Some(path) => {
            let bytes = match format {
                Format::Csv => report::csv::file_bytes(&text),
                Format::Table | Format::Json => text.into_bytes(),
            };
            write_atomic(path, &bytes)
                .map_err(|e| other(format!("cannot write {}: {e}", path.display())))
        }
    }
}

fn validate(path: &Path, catalog_dir: Option<&Path>) -> Result<(), Failure> {
    let catalog = load_catalog(catalog_dir)?;
    let plan = load_plan(Some(path))?;
    let problems = cost::validate(&plan, &catalog);
    if problems.is_empty() {
        println!(
            "{}: OK — {} items priced with {}",
            path.display(),
            plan.items.len(),
            catalog.id
        );
        Ok(())
    } else {
        let list: Vec<String> = problems
            .iter()
            .map(|p| format!("{}: {p}", path.display()))
            .collect();
        Err(bad_input(format!(
            "{} problem(s):\n{}",
            problems.len(),
            list.join("\n")
        )))
    }
}

fn list_catalog(
    service: Option<&str>,
    region: Option<&str>,
    format: ListFormat,
    catalog_dir: Option<&Path>,
) -> Result<(), Failure> {
    let catalog = load_catalog(catalog_dir)?;
    let service = match service {
        None => None,
        Some(s) => Some(Service::parse(s).ok_or_else(|| {
            bad_input(format!(
                "--service: unknown service `{s}` (known: {})",
                Service::ALL
                    .iter()
                    .filter(|s| **s != Service::Custom)
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?),
    };
    if let Some(r) = region
        && !catalog.regions().contains(&r)
    {
        return Err(bad_input(format!(
            "--region: the catalogue has no prices for `{r}` (it has: {})",
            catalog.regions().join(", ")
        )));
    }
    let rows: Vec<&catalog::Rate> = catalog
        .rates()
        .iter()
        .filter(|r| service.is_none_or(|s| r.service == s))
        .filter(|r| region.is_none_or(|g| r.region == g))
        .collect();
    let text = match format {
        ListFormat::Csv => report::catalog::rates_csv(&rows),
        ListFormat::Table => report::catalog::rates_table(&catalog.id, &rows),
    };
    print!("{text}");
    Ok(())
}

fn prices(action: PricesCommand) -> Result<(), Failure> {
    match action {
        PricesCommand::Import { files, out, date } => {
            prices::import_command(&files, &out, date.as_deref())
        }
    }
}

/// Write a file atomically: a temporary file in the same directory, then rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
