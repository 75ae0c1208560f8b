//! The command line: `cloudplan estimate | validate | compare | simulate | forecast | catalog |
//! prices import`, and the app when no verb is given.
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

pub mod compare;
pub mod located;
mod prices;

/// Command-line arguments of `cloudplan`: a command, or a plan file to open in the app.
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
    /// The command to run; `None` opens the desktop app.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Plan file to open in the app.
    pub plan: Option<PathBuf>,
}

/// The `cloudplan` commands, each pricing plans with the same engine as the app.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Price a plan and print the bill (the embedded default plan when PLAN is omitted).
    Estimate {
        /// Plan file (`*.cloudplan.json`).
        plan: Option<PathBuf>,
        /// Output format: a text table, CSV, or the whole estimate as JSON.
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
        /// Plan file (`*.cloudplan.json`).
        plan: PathBuf,
        /// Catalogue directory that extends (or, per its manifest, replaces) the embedded one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// Compare purchase options (On-Demand, Reserved, Savings Plans, Spot) for an EC2/RDS item or the whole plan.
    Compare {
        /// Plan file (`*.cloudplan.json`).
        plan: PathBuf,
        /// Only this item (its id); the whole plan's EC2 and RDS items when omitted.
        #[arg(long)]
        item: Option<String>,
        /// Months to total over: a number (1-120) or `plan` for the plan's horizon [default: plan].
        #[arg(long, allow_negative_numbers = true)]
        horizon: Option<String>,
        /// Output format: a text table, CSV, or the whole comparison as JSON.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write the report to FILE instead of standard output (written only on success).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Catalogue directory that extends (or, per its manifest, replaces) the embedded one.
        #[arg(long)]
        catalog: Option<PathBuf>,
        /// Spot interruption overhead: extra instance-hours to re-run lost work, percent.
        #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
        overhead: f64,
        /// Also write the charts (cumulative cost, commitment curve) as PNG and SVG into DIR.
        #[arg(long)]
        charts: Option<PathBuf>,
    },
    /// Simulate an Auto Scaling group of a plan: per-step CSV, charts, summary on stdout.
    Simulate {
        /// Plan file (`*.cloudplan.json`).
        plan: PathBuf,
        /// Id of the plan item of kind `scaling_group`.
        #[arg(long)]
        group: String,
        /// Write the per-step CSV to FILE (and next to it the monthly CSV, `*.months.csv`, and
        /// hours and cost per instance type and purchase option, `*.types.csv`).
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write the three charts as PNG and SVG into DIR.
        #[arg(long)]
        charts: Option<PathBuf>,
        /// Demand from a `timestamp,value` CSV (minute or hour resolution) instead of the group's.
        #[arg(long)]
        demand: Option<PathBuf>,
        /// Catalogue directory that extends (or, per its manifest, replaces) the embedded one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// Forecast the monthly bill: the plan priced month by month under its growth drivers, and
    /// with --history a model fitted to past bills (80 % and 95 % prediction intervals).
    Forecast {
        /// Plan file (`*.cloudplan.json`).
        plan: PathBuf,
        /// Monthly bill history CSV (`month,cost`, `month,service,cost`, or a Cost Explorer export).
        #[arg(long)]
        history: Option<PathBuf>,
        /// Months to forecast (1–60; default: the plan's horizon).
        #[arg(long, allow_negative_numbers = true, value_parser = clap::value_parser!(u32).range(1..=60))]
        months: Option<u32>,
        /// Output format: a text table, CSV, or the whole forecast as JSON.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write the report to FILE instead of standard output (written only on success).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Also draw the forecast chart to FILE (`.png` or `.svg`).
        #[arg(long)]
        chart: Option<PathBuf>,
        /// Catalogue directory that extends (or, per its manifest, replaces) the embedded one.
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// List catalogue prices. Without a filter the table is a summary (regions with their
    /// names, instance types, price files); `--format csv` without a filter lists every rate.
    Catalog {
        /// Only this service (ec2, ebs, s3, efs, data_transfer, lambda, rds, dynamodb, nat_gateway, elb, public_ipv4, fargate, cloudfront, elasticache, eks).
        #[arg(long)]
        service: Option<String>,
        /// Only this region (e.g. ap-northeast-2).
        #[arg(long)]
        region: Option<String>,
        /// One EC2 instance type across all regions (e.g. m7i.large): On-Demand, RI, Savings Plan, Spot.
        #[arg(long)]
        instance_type: Option<String>,
        /// With --instance-type: sort by on_demand (default), region, ri_1yr, sp_1yr or spot.
        #[arg(long, default_value = "on_demand")]
        sort: String,
        /// With --instance-type: dearest first.
        #[arg(long)]
        descending: bool,
        /// Output format: a text table or CSV.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Catalogue directory to list (extends, or per its manifest replaces, the embedded one).
        #[arg(long)]
        catalog: Option<PathBuf>,
    },
    /// AWS price files: `prices import` turns Price List offer files into a catalogue directory.
    Prices {
        /// What to do with AWS price files (`import`).
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

/// Output format of the `estimate`, `compare` and `forecast` reports.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// Text table for reading in a terminal.
    Table,
    /// CSV with a header row (with a UTF-8 byte-order mark when written to a file).
    Csv,
    /// Pretty-printed JSON of the whole result.
    Json,
}

/// Output format of the `catalog` price listing.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ListFormat {
    /// Text table for reading in a terminal.
    Table,
    /// CSV with the columns of `pricing-data/rates/*.csv` (without `rate_code` and `notes`).
    Csv,
}

/// A failure with its exit code: 2 for bad input, 1 otherwise.
#[derive(Debug)]
pub struct Failure {
    /// Process exit code: 2 for bad input (plan, catalogue or option), 1 for any other failure.
    pub code: u8,
    /// What went wrong, printed on standard error after `cloudplan: `.
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
        Command::Compare {
            plan,
            item,
            horizon,
            format,
            output,
            catalog,
            overhead,
            charts,
        } => compare::run(compare::CompareArgs {
            plan: &plan,
            item: item.as_deref(),
            horizon: horizon.as_deref(),
            format,
            output: output.as_deref(),
            catalog_dir: catalog.as_deref(),
            overhead,
            charts: charts.as_deref(),
        }),
        Command::Simulate {
            plan,
            group,
            csv,
            charts,
            demand,
            catalog,
        } => simulate(
            &plan,
            &group,
            csv.as_deref(),
            charts.as_deref(),
            demand.as_deref(),
            catalog.as_deref(),
        ),
        Command::Forecast {
            plan,
            history,
            months,
            format,
            output,
            chart,
            catalog,
        } => forecast(
            &plan,
            history.as_deref(),
            months,
            format,
            output.as_deref(),
            chart.as_deref(),
            catalog.as_deref(),
        ),
        Command::Catalog {
            service,
            region,
            instance_type,
            sort,
            descending,
            format,
            catalog,
        } => match instance_type {
            Some(t) => list_instance_type(&t, &sort, descending, format, catalog.as_deref()),
            None => list_catalog(
                service.as_deref(),
                region.as_deref(),
                format,
                catalog.as_deref(),
            ),
        },
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
    let plan_path = plan;
    let plan = load_plan(plan)?;
    let est = cost::estimate(&plan, &catalog)
        .map_err(|e| bad_input(located::cost_error(plan_path, &plan, &e)))?;
    let text = render(&est, format);
    write_output(output, text, format)
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
            .map(|p| located::cost_error(Some(path), &plan, p))
            .collect();
        Err(bad_input(format!(
            "{} problem(s):\n{}",
            problems.len(),
            list.join("\n")
        )))
    }
}

fn simulate(
    path: &Path,
    group_id: &str,
    csv_out: Option<&Path>,
    charts: Option<&Path>,
    demand: Option<&Path>,
    catalog_dir: Option<&Path>,
) -> Result<(), Failure> {
    use crate::plan::Resource;
    use crate::report::{scaling_chart, scaling_csv};
    use crate::scaling::demand::{DemandSpec, parse_csv};
    let catalog = load_catalog(catalog_dir)?;
    let plan = load_plan(Some(path))?;
    let Some(item) = plan.items.iter().find(|i| i.id == group_id) else {
        let groups: Vec<&str> = plan
            .items
            .iter()
            .filter(|i| matches!(i.resource, Resource::ScalingGroup(_)))
            .map(|i| i.id.as_str())
            .collect();
        return Err(bad_input(format!(
            "{}: --group: no item `{group_id}` (scaling groups in this plan: {})",
            path.display(),
            if groups.is_empty() {
                "none".to_string()
            } else {
                groups.join(", ")
            }
        )));
    };
    let Resource::ScalingGroup(g) = &item.resource else {
        return Err(bad_input(format!(
            "{}: --group: item `{group_id}` is not a scaling group",
            path.display()
        )));
    };
    let demand_file = match (demand, &g.demand) {
        (Some(d), _) => Some(d.to_path_buf()),
        (None, DemandSpec::Csv { path: rel }) => {
            Some(path.parent().unwrap_or_else(|| Path::new(".")).join(rel))
        }
        _ => None,
    };
    let series = match &demand_file {
        Some(f) => {
            let text = std::fs::read_to_string(f)
                .map_err(|e| bad_input(format!("{}: {e}", f.display())))?;
            Some(parse_csv(&text).map_err(|e| bad_input(format!("{}: {e}", f.display())))?)
        }
        None => None,
    };
    let start = plan
        .start_date()
        .map_err(|e| bad_input(format!("{}: start_month: {e}", path.display())))?;
    let outcome = crate::scaling::run::run(
        g,
        start,
        &catalog,
        item.region(&plan),
        series.as_ref(),
        true,
    )
    .map_err(|e| bad_input(format!("{}: item `{group_id}`: {e}", path.display())))?;
    if let Some(f) = csv_out {
        write_atomic(
            f,
            &report::csv::file_bytes(&scaling_csv::steps_csv(&outcome, g.capacity_per_unit)),
        )
        .map_err(|e| other(format!("cannot write {}: {e}", f.display())))?;
        let months = f.with_extension("months.csv");
        write_atomic(
            &months,
            &report::csv::file_bytes(&scaling_csv::months_csv(&outcome)),
        )
        .map_err(|e| other(format!("cannot write {}: {e}", months.display())))?;
        let types = f.with_extension("types.csv");
        write_atomic(
            &types,
            &report::csv::file_bytes(&scaling_csv::types_csv(&outcome)),
        )
        .map_err(|e| other(format!("cannot write {}: {e}", types.display())))?;
    }
    if let Some(dir) = charts {
        std::fs::create_dir_all(dir)
            .map_err(|e| other(format!("cannot create {}: {e}", dir.display())))?;
        let all = 0..outcome.simulation.steps.len();
        for c in scaling_chart::ScalingChart::ALL {
            let png = dir.join(format!("{}.png", c.stem()));
            scaling_chart::save_png(
                &outcome,
                g.capacity_per_unit,
                c,
                all.clone(),
                1200,
                500,
                &png,
            )
            .map_err(other)?;
            let svg =
                scaling_chart::render_svg(&outcome, g.capacity_per_unit, c, all.clone(), 1200, 500)
                    .map_err(other)?;
            let file = dir.join(format!("{}.svg", c.stem()));
            write_atomic(&file, svg.as_bytes())
                .map_err(|e| other(format!("cannot write {}: {e}", file.display())))?;
        }
    }
    print!("{}", scaling_csv::summary(&item.name, &outcome));
    Ok(())
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
        Some(s) => Some(
            Service::parse(s)
                .filter(|s| *s != Service::Custom)
                .ok_or_else(|| {
                    bad_input(format!(
                        "--service: unknown service `{s}` (known: {})",
                        Service::priced()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?,
        ),
    };
    if service.is_none() && region.is_none() && format == ListFormat::Table {
        print!("{}", report::catalog::summary(&catalog));
        return Ok(());
    }
    if let Some(r) = region
        && !catalog.regions().contains(&r)
        && r != catalog::GLOBAL_REGION
    {
        return Err(bad_input(format!(
            "--region: the catalogue has no prices for `{r}` (it has: {})",
            catalog.regions().join(", ")
        )));
    }
    let rows: Vec<&catalog::Rate> = match region {
        Some(g) => catalog.rates_in(g).iter().collect::<Vec<_>>(),
        None => catalog.rates().collect(),
    }
    .into_iter()
    .filter(|r| service.is_none_or(|s| r.service == s))
    .collect();
    let text = match format {
        ListFormat::Csv => report::catalog::rates_csv(&rows),
        ListFormat::Table => report::catalog::rates_table(&catalog.id, &rows),
    };
    print!("{text}");
    Ok(())
}

fn list_instance_type(
    instance_type: &str,
    sort: &str,
    descending: bool,
    format: ListFormat,
    catalog_dir: Option<&Path>,
) -> Result<(), Failure> {
    use catalog::across::{SortKey, instance_across_regions};
    let catalog = load_catalog(catalog_dir)?;
    let key = SortKey::parse(sort).ok_or_else(|| {
        bad_input(format!(
            "--sort: unknown key `{sort}` (known: {})",
            SortKey::ALL.map(|(_, n)| n).join(", ")
        ))
    })?;
    let rows = instance_across_regions(&catalog, instance_type, key, descending);
    if rows.is_empty() {
        return Err(bad_input(format!(
            "--instance-type: the catalogue has no price for `{instance_type}` in any region"
        )));
    }
    let text = match format {
        ListFormat::Csv => report::catalog::across_csv(instance_type, &rows),
        ListFormat::Table => report::catalog::across_table(&catalog, instance_type, &rows),
    };
    print!("{text}");
    Ok(())
}

fn forecast(
    plan_path: &Path,
    history: Option<&Path>,
    months: Option<u32>,
    format: Format,
    output: Option<&Path>,
    chart: Option<&Path>,
    catalog_dir: Option<&Path>,
) -> Result<(), Failure> {
    use crate::forecast;
    let catalog = load_catalog(catalog_dir)?;
    let plan = load_plan(Some(plan_path))?;
    let history = match history {
        None => None,
        Some(p) => {
            let file = std::fs::File::open(p)
                .map_err(|e| bad_input(format!("{}: cannot open: {e}", p.display())))?;
            Some(
                forecast::history::from_reader(file, &p.display().to_string())
                    .map_err(bad_input)?,
            )
        }
    };
    let f = forecast::forecast(&plan, &catalog, history.as_ref(), months)
        .map_err(|e| bad_input(format!("{}: {e}", plan_path.display())))?;
    let text = match format {
        Format::Table => report::forecast_csv::forecast_table(&f),
        Format::Csv => report::forecast_csv::forecast_csv(&f),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&f).unwrap_or_default();
            s.push('\n');
            s
        }
    };
    if let Some(path) = chart {
        report::forecast_chart::save(&f, report::chart::ChartKind::ByService, 1200, 600, path)
            .map_err(|e| other(format!("cannot write {}: {e}", path.display())))?;
    }
    write_output(output, text, format)
}

fn prices(action: PricesCommand) -> Result<(), Failure> {
    match action {
        PricesCommand::Import { files, out, date } => {
            prices::import_command(&files, &out, date.as_deref())
        }
    }
}

/// A rendered report to standard output, or atomically to `output` (a CSV file gets the UTF-8
/// byte-order mark spreadsheets need; standard output never does).
pub(crate) fn write_output(
    output: Option<&Path>,
    text: String,
    format: Format,
) -> Result<(), Failure> {
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

/// Write a file atomically (reports, charts): see [`crate::atomic_file`].
pub use crate::atomic_file::write as write_atomic;
