//! The "Catalogue" tab: a filterable, sortable table of EC2 instance types with their prices
//! from the open catalogue, "Add to plan", switching catalogues, and importing AWS price files.
//!
//! [`rows`] is pure (catalogue + filter → rows); [`ui`] draws them with egui_extras'
//! `TableBuilder`. "Add to plan" sends one [`Command::AddInstance`] with the region chosen in the
//! tab's filter, so it is one undoable step. The filter/sort state lives in egui memory under
//! this tab's id.
//!
//! **Import** ("Import AWS price file…"): the files are read on a worker thread
//! ([`ImportJob`], `std::thread` + `mpsc` channel) by `catalog::import::import_files`, which
//! reports bytes read and watches a cancel flag ([`Control`]); the tab shows a progress bar
//! and a Cancel button and asks egui to repaint while the job runs. The catalogue is written
//! with `write::write_dir` (temporary directory, checked by loading it, then renamed), and the
//! cancel flag is looked at once more just before the rename, so a cancelled import leaves the
//! catalogue in use and the output directory untouched. A finished import becomes the
//! catalogue in use, and stays selectable next to the embedded one.

use crate::catalog::import::{self, Control, ImportError};
use crate::catalog::{
    Arch, Catalog, OfferingClass, Payment, PriceOption, Reservation, Service, Term, vocab,
};
use crate::plan::{Item, Plan, Resource};
use crate::ui::app::App;
use crate::ui::commands::Command;
use crate::units::HOURS_PER_MONTH;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

/// The tab's state kept in the app: catalogues to switch between and a running import.
#[derive(Default)]
pub struct TabState {
    /// Catalogues loaded in this session (the one the app started with first, then imports).
    pub catalogs: Vec<&'static Catalog>,
    /// The running import, if any.
    pub job: Option<ImportJob>,
}

/// What an import job sends back.
pub type JobResult = Result<Done, JobError>;

/// A finished import: the loaded catalogue (imported rows over the embedded ones), where it
/// was written, and the import summary's totals.
pub struct Done {
    /// The imported catalogue, loaded over the embedded one.
    pub catalog: Catalog,
    /// The catalogue directory it was written to.
    pub out: PathBuf,
    /// Price rows read from the input files.
    pub rows_read: u64,
    /// Price rows kept in the catalogue (the rest were filtered out).
    pub rows_kept: u64,
}

/// Why an import job ended without a catalogue.
#[derive(Debug, Clone, PartialEq)]
pub enum JobError {
    /// Cancel was pressed: nothing was written and the catalogue in use is unchanged.
    Cancelled,
    /// The import, write or check failed; the message says why.
    Failed(String),
}

/// An import running on a worker thread.
pub struct ImportJob {
    /// Progress (bytes read of the total) and the cancel flag, shared with the worker.
    pub ctl: Arc<Control>,
    /// The AWS price files being imported.
    pub files: Vec<PathBuf>,
    /// The catalogue directory the import will be written to.
    pub out: PathBuf,
    rx: mpsc::Receiver<JobResult>,
}

impl ImportJob {
    /// Start importing `files` into the catalogue directory `out` on a new thread; `repaint`
    /// is called when the job ends (the app passes egui's `request_repaint`).
    pub fn start(
        files: Vec<PathBuf>,
        out: PathBuf,
        base: &'static Catalog,
        repaint: impl Fn() + Send + 'static,
    ) -> ImportJob {
        let ctl = Arc::new(Control::default());
        let (tx, rx) = mpsc::channel();
        let (c, f, o) = (ctl.clone(), files.clone(), out.clone());
        std::thread::spawn(move || {
            let r = run_job(&f, &o, base, &c);
            let _ = tx.send(r);
            repaint();
        });
        ImportJob {
            ctl,
            files,
            out,
            rx,
        }
    }

    /// The result, once the worker has finished.
    pub fn poll(&self) -> Option<JobResult> {
        match self.rx.try_recv() {
            Ok(r) => Some(r),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(Err(JobError::Failed("the import thread stopped".into())))
            }
        }
    }
}

/// The worker: import, render, write atomically after the catalogue loads (alone when it has
/// rates, as the CLI checks, and over `base`), and never rename into place once cancelled.
fn run_job(files: &[PathBuf], out: &std::path::Path, base: &Catalog, ctl: &Control) -> JobResult {
    use crate::catalog::load;
    use import::write;
    let imported =
        import::import_files(files, &import::Options::default(), ctl).map_err(|e| match e {
            ImportError::Cancelled => JobError::Cancelled,
            e => JobError::Failed(e.to_string()),
        })?;
    let rendered = write::render(&imported);
    let mut loaded: Option<Catalog> = None;
    let has_rates = !imported.rates.is_empty();
    write::write_dir(out, &rendered, |dir| {
        let cat = if has_rates {
            load::load_dir_checked(dir, base)
        } else {
            load::load_dir(dir, Some(base))
        }
        .map_err(|e| JobError::Failed(e.to_string()))?;
        if ctl.cancelled() {
            return Err(JobError::Cancelled);
        }
        loaded = Some(cat);
        Ok(())
    })
    .map_err(|e| match e {
        write::WriteError::Invalid(e) => e,
        write::WriteError::Io(m) => JobError::Failed(m),
    })?;
    let mut catalog = loaded.ok_or_else(|| JobError::Failed("catalogue not loaded".into()))?;
    // It was loaded from the temporary directory: name it after where it now is.
    catalog.id.name = format!("{} + {}", base.id.name, out.display());
    Ok(Done {
        catalog,
        out: out.to_path_buf(),
        rows_read: imported.summary.rows_read,
        rows_kept: imported.summary.rows_kept,
    })
}

/// The plan item "Add to plan" creates: an EC2 fleet of one `instance_type` instance in
/// `region` (left unset when it is the plan's default region), named after the type.
pub fn instance_item(plan: &Plan, catalog: &Catalog, instance_type: &str, region: &str) -> Item {
    let mut item = crate::ui::commands::new_item(plan, catalog, Service::Ec2);
    if let Resource::Ec2(e) = &mut item.resource {
        e.instance_type = instance_type.to_string();
    }
    item.name = instance_type.to_string();
    item.region = (region != plan.default_region).then(|| region.to_string());
    item
}

/// Filter and sort of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    /// Region whose prices are listed (starts as the plan's default region).
    pub region: String,
    /// Instance type contains this text (`m5`, `m7g.large` …).
    pub text: String,
    /// Only types with at least this many vCPUs (0: no limit).
    pub min_vcpu: u32,
    /// Only types with at least this much memory, GiB (0: no limit).
    pub min_memory_gib: f64,
    /// Only this CPU architecture (`None`: any).
    pub arch: Option<Arch>,
    /// Column the rows are sorted by.
    pub sort: SortBy,
    /// Sort from highest to lowest (Z to A for the type name) instead of ascending.
    pub descending: bool,
}

impl Filter {
    /// No filtering in `region`, sorted by On-Demand price, cheapest first.
    pub fn new(region: &str) -> Self {
        Filter {
            region: region.to_string(),
            text: String::new(),
            min_vcpu: 0,
            min_memory_gib: 0.0,
            arch: None,
            sort: SortBy::OnDemand,
            descending: false,
        }
    }
}

/// Sortable columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// Instance type name, alphabetically.
    Type,
    /// Number of vCPUs.
    Vcpu,
    /// Memory in GiB.
    Memory,
    /// On-Demand USD per hour (an unpriced type counts as the dearest).
    OnDemand,
    /// On-Demand USD per vCPU-hour (an unpriced type counts as the dearest).
    PerVcpu,
    /// Spot saving against On-Demand, percent (a type without Spot advice counts as −1 %).
    SpotSavings,
}

/// One instance type in one region.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// API name of the instance type, e.g. `m7g.large`.
    pub instance_type: String,
    /// Instance family, e.g. `m7g`.
    pub family: String,
    /// Number of vCPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory_gib: f64,
    /// CPU architecture.
    pub arch: Arch,
    /// On-demand USD per hour (`None`: the catalogue has no price here).
    pub on_demand: Option<f64>,
    /// Effective hourly rate of a 1-year / 3-year standard No Upfront RI (hourly + upfront
    /// amortised over the term's hours).
    pub ri_1yr: Option<f64>,
    /// The 3-year counterpart of `ri_1yr`, USD per hour.
    pub ri_3yr: Option<f64>,
    /// Spot USD per hour (`None`: no Spot price in the catalogue).
    pub spot: Option<f64>,
    /// Spot saving against On-Demand from the Spot Instance Advisor, percent.
    pub spot_savings_pct: Option<f64>,
    /// Spot interruption-frequency band from the Spot Instance Advisor (`<5%` … `>20%`).
    pub interruption: Option<String>,
}

impl Row {
    /// On-Demand USD per 730-hour month.
    pub fn monthly(&self) -> Option<f64> {
        self.on_demand.map(|h| h * HOURS_PER_MONTH)
    }
    /// On-Demand USD per vCPU-hour.
    pub fn per_vcpu(&self) -> Option<f64> {
        self.on_demand.map(|h| h / f64::from(self.vcpu.max(1)))
    }
    /// On-Demand USD per GiB-hour of memory (`None` also when the memory is unknown, 0).
    pub fn per_gib(&self) -> Option<f64> {
        self.on_demand
            .filter(|_| self.memory_gib > 0.0)
            .map(|h| h / self.memory_gib)
    }
}

fn hourly(cat: &Catalog, region: &str, it: &str, opt: PriceOption) -> Option<f64> {
    let t = cat.tiers(region, Service::Ec2, it, vocab::ec2::INSTANCE_HOURS, opt);
    t.first().map(|r| {
        let hours = match opt {
            PriceOption::Reserved(res) => res.term.hours(),
            _ => 1.0,
        };
        r.usd + r.upfront_usd / hours
    })
}

/// The instance types of `cat` that pass `f`, sorted. Types without any price in the region
/// are left out.
pub fn rows(cat: &Catalog, f: &Filter) -> Vec<Row> {
    let ri = |term| {
        PriceOption::Reserved(Reservation {
            class: OfferingClass::Standard,
            term,
            payment: Payment::NoUpfront,
        })
    };
    let text = f.text.trim().to_lowercase();
    let mut out: Vec<Row> = cat
        .instances()
        .iter()
        .filter(|s| text.is_empty() || s.instance_type.to_lowercase().contains(&text))
        .filter(|s| s.vcpu >= f.min_vcpu && s.memory_gib >= f.min_memory_gib)
        .filter(|s| f.arch.is_none_or(|a| a == s.architecture))
        .filter_map(|s| {
            let it = s.instance_type.as_str();
            let advice = cat.spot_advice(&f.region, it);
            let row = Row {
                instance_type: it.to_string(),
                family: s.family.clone(),
                vcpu: s.vcpu,
                memory_gib: s.memory_gib,
                arch: s.architecture,
                on_demand: hourly(cat, &f.region, it, PriceOption::OnDemand),
                ri_1yr: hourly(cat, &f.region, it, ri(Term::OneYear)),
                ri_3yr: hourly(cat, &f.region, it, ri(Term::ThreeYears)),
                spot: hourly(cat, &f.region, it, PriceOption::Spot),
                spot_savings_pct: advice.map(|a| a.savings_pct),
                interruption: advice.map(|a| a.interruption_band.clone()),
            };
            (row.on_demand.is_some() || row.spot.is_some()).then_some(row)
        })
        .collect();
    let key = |r: &Row| -> f64 {
        match f.sort {
            SortBy::Type | SortBy::Vcpu => f64::from(r.vcpu),
            SortBy::Memory => r.memory_gib,
            SortBy::OnDemand => r.on_demand.unwrap_or(f64::INFINITY),
            SortBy::PerVcpu => r.per_vcpu().unwrap_or(f64::INFINITY),
            SortBy::SpotSavings => r.spot_savings_pct.unwrap_or(-1.0),
        }
    };
    out.sort_by(|a, b| {
        let o = if f.sort == SortBy::Type {
            a.instance_type.cmp(&b.instance_type)
        } else {
            key(a).total_cmp(&key(b))
        };
        let o = o.then_with(|| a.instance_type.cmp(&b.instance_type));
        if f.descending { o.reverse() } else { o }
    });
    out
}

fn money(x: Option<f64>, digits: usize) -> String {
    x.map(|v| format!("${v:.digits$}"))
        .unwrap_or_else(|| "—".into())
}

/// The catalogue selector, the import button, and a running import's progress and Cancel.
fn import_bar(app: &mut App, ui: &mut egui::Ui) {
    let s = app.strings();
    if app.catalog_tab.catalogs.is_empty() {
        app.catalog_tab.catalogs.push(app.catalog);
    }
    // A finished job: switch to its catalogue, or say why there is none.
    if let Some(r) = app.catalog_tab.job.as_ref().and_then(ImportJob::poll) {
        app.catalog_tab.job = None;
        match r {
            Ok(done) => {
                let cat: &'static Catalog = Box::leak(Box::new(done.catalog));
                app.catalog_tab.catalogs.push(cat);
                app.catalog = cat;
                app.doc.reprice(cat);
                app.notice = Some(crate::ui::app::Notice {
                    text: format!(
                        "{}: {} ({} {}, {} {}) — {}",
                        s.catalog_imported,
                        done.out.display(),
                        done.rows_read,
                        s.catalog_rows_read,
                        done.rows_kept,
                        s.catalog_rows_kept,
                        cat.id
                    ),
                    error: false,
                });
            }
            Err(JobError::Cancelled) => {
                app.notice = Some(crate::ui::app::Notice {
                    text: s.catalog_import_cancelled.into(),
                    error: false,
                })
            }
            Err(JobError::Failed(m)) => {
                app.notice = Some(crate::ui::app::Notice {
                    text: format!("{}: {m}", s.catalog_import_failed),
                    error: true,
                })
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(s.catalog_source);
        let mut current = app.catalog;
        egui::ComboBox::from_id_salt("catalog_source")
            .selected_text(app.catalog.id.to_string())
            .show_ui(ui, |ui| {
                for &c in &app.catalog_tab.catalogs {
                    let on = std::ptr::eq(c, current);
                    if ui.selectable_label(on, c.id.to_string()).clicked() {
                        current = c;
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if !std::ptr::eq(current, app.catalog) {
            app.catalog = current;
            app.doc.reprice(current);
        }
        match &app.catalog_tab.job {
            None => {
                if ui.button(s.catalog_import).clicked() {
                    let kind = crate::ui::dialogs::FileKind::OfferFile;
                    if let Some(file) = app.dialogs.pick_open(kind)
                        && let Some(out) = app.dialogs.pick_save(
                            crate::ui::dialogs::FileKind::CatalogDir,
                            "imported-catalogue",
                        )
                    {
                        let ctx = ui.ctx().clone();
                        app.catalog_tab.job = Some(ImportJob::start(
                            vec![file],
                            out,
                            crate::catalog::load::embedded(),
                            move || ctx.request_repaint(),
                        ));
                    }
                }
            }
            Some(job) => {
                let cancelled = job.ctl.cancelled();
                ui.label(s.catalog_importing);
                ui.add(
                    egui::ProgressBar::new(job.ctl.fraction())
                        .desired_width(240.0)
                        .show_percentage(),
                );
                if ui
                    .add_enabled(!cancelled, egui::Button::new(s.catalog_cancel))
                    .clicked()
                {
                    job.ctl
                        .cancel
                        .store(true, std::sync::atomic::Ordering::Relaxed);
                }
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(100));
            }
        }
    });
}

/// The catalogue's price files, newest first: publication date, source id, the copy it was read
/// from and the AWS address (`sources.csv`), collapsed by default.
fn price_files(catalog: &Catalog, heading: &str, ui: &mut egui::Ui) {
    let c = &catalog.id;
    egui::CollapsingHeader::new(format!(
        "{heading} · {} – {}",
        c.effective_from, c.effective_to
    ))
    .id_salt("catalog_price_files")
    .show(ui, |ui| {
        let mut srcs: Vec<_> = catalog.sources().iter().collect();
        srcs.sort_by(|a, b| b.published.cmp(&a.published).then(a.id.cmp(&b.id)));
        egui::ScrollArea::vertical()
            .id_salt("catalog_price_files_scroll")
            .max_height(180.0)
            .show(ui, |ui| {
                for src in srcs {
                    let date = src
                        .published
                        .map_or_else(|| src.effective_date.clone(), |d| d.to_string());
                    ui.label(egui::RichText::new(format!("{date}  {}", src.id)).strong())
                        .on_hover_text(&src.url);
                    ui.label(egui::RichText::new(&src.description).small().weak());
                }
            });
    });
}

/// When the type filter names one instance type exactly: its prices in every region, sorted by
/// On-Demand price (click the header to reverse), `catalog::across`.
fn across_regions(catalog: &Catalog, instance_type: &str, heading: &str, ui: &mut egui::Ui) {
    use crate::catalog::across::{SortKey, instance_across_regions};
    let id = egui::Id::unique("catalog_across_descending");
    let mut descending = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
    egui::CollapsingHeader::new(format!("{heading}: {instance_type}"))
        .id_salt("catalog_across_regions")
        .default_open(true)
        .show(ui, |ui| {
            let rows =
                instance_across_regions(catalog, instance_type, SortKey::OnDemand, descending);
            egui::ScrollArea::vertical()
                .id_salt("catalog_across_scroll")
                .max_height(220.0)
                .show(ui, |ui| {
                    egui::Grid::new("catalog_across_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong("region");
                            let arrow = if descending { " ▼" } else { " ▲" };
                            if ui
                                .add(
                                    egui::Label::new(
                                        egui::RichText::new(format!("On-Demand $/h{arrow}"))
                                            .strong(),
                                    )
                                    .sense(egui::Sense::click()),
                                )
                                .clicked()
                            {
                                descending = !descending;
                            }
                            for h in [
                                "RI 1yr",
                                "RI 3yr",
                                "SP 1yr",
                                "SP 3yr",
                                "Spot $/h",
                                "interruption",
                            ] {
                                ui.strong(h);
                            }
                            ui.end_row();
                            for r in &rows {
                                ui.label(catalog.region_label(&r.region));
                                for v in
                                    [r.on_demand, r.ri_1yr, r.ri_3yr, r.sp_1yr, r.sp_3yr, r.spot]
                                {
                                    ui.label(money(v, 4));
                                }
                                ui.label(r.interruption.as_deref().unwrap_or("—"));
                                ui.end_row();
                            }
                        });
                });
        });
    ui.data_mut(|d| d.insert_temp(id, descending));
}

/// Draw the tab.
pub fn ui(app: &mut App, ui: &mut egui::Ui) {
    let id = egui::Id::unique("catalog_tab_filter");
    let default_region = app.doc.plan.default_region.clone();
    let mut f: Filter = ui
        .data_mut(|d| d.get_temp::<Filter>(id))
        .unwrap_or_else(|| Filter::new(&default_region));
    let s = app.strings();
    import_bar(app, ui);
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(s.catalog_region);
        egui::ComboBox::from_id_salt("catalog_region")
            .selected_text(app.catalog.region_label(&f.region))
            .show_ui(ui, |ui| {
                for r in app.catalog.regions() {
                    ui.selectable_value(&mut f.region, r.to_string(), app.catalog.region_label(r));
                }
            })
            .response
            .labelled_by(l.id);
        let l = ui.label(s.catalog_type_filter);
        ui.add(egui::TextEdit::singleline(&mut f.text).desired_width(90.0))
            .labelled_by(l.id);
        let l = ui.label(s.catalog_min_vcpu);
        ui.add(egui::DragValue::new(&mut f.min_vcpu).range(0..=448))
            .labelled_by(l.id);
        let l = ui.label(s.catalog_min_memory);
        ui.add(egui::DragValue::new(&mut f.min_memory_gib).range(0.0..=24576.0))
            .labelled_by(l.id);
        let l = ui.label(s.catalog_arch);
        egui::ComboBox::from_id_salt("catalog_arch")
            .selected_text(f.arch.map_or(s.catalog_any, Arch::as_str))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut f.arch, None, s.catalog_any);
                ui.selectable_value(&mut f.arch, Some(Arch::X86_64), "x86_64");
                ui.selectable_value(&mut f.arch, Some(Arch::Arm64), "arm64");
            })
            .response
            .labelled_by(l.id);
    });
    let list = rows(app.catalog, &f);
    ui.label(
        egui::RichText::new(format!(
            "{} · {} {}",
            app.catalog.id.name,
            list.len(),
            s.catalog_types
        ))
        .weak(),
    );
    price_files(app.catalog, s.catalog_price_files, ui);
    if app.catalog.instance(f.text.trim()).is_some() {
        across_regions(app.catalog, f.text.trim(), s.catalog_across_regions, ui);
    }
    let mut add: Option<String> = None;
    let sort_hint = s.catalog_sort_hint;
    let header = |ui: &mut egui::Ui, f: &mut Filter, label: &str, by: Option<SortBy>| match by {
        Some(by) => {
            let arrow = match (f.sort == by, f.descending) {
                (true, false) => " ▲",
                (true, true) => " ▼",
                _ => "",
            };
            // Drawn like the other headers (bold text), with a hand cursor: a row of buttons
            // among plain headings looked uneven.
            let r = ui
                .add(
                    egui::Label::new(egui::RichText::new(format!("{label}{arrow}")).strong())
                        .sense(egui::Sense::click()),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand)
                .on_hover_text(sort_hint);
            if r.clicked() {
                if f.sort == by {
                    f.descending = !f.descending;
                } else {
                    f.sort = by;
                    f.descending = false;
                }
            }
        }
        None => {
            ui.strong(label);
        }
    };
    use egui_extras::{Column, TableBuilder};
    TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .column(Column::auto().at_least(90.0))
        .columns(Column::auto(), 12)
        .column(Column::remainder())
        .header(22.0, |mut h| {
            h.col(|ui| header(ui, &mut f, s.catalog_col_type, Some(SortBy::Type)));
            h.col(|ui| header(ui, &mut f, "vCPU", Some(SortBy::Vcpu)));
            h.col(|ui| header(ui, &mut f, "GiB", Some(SortBy::Memory)));
            h.col(|ui| header(ui, &mut f, s.catalog_arch, None));
            h.col(|ui| header(ui, &mut f, s.catalog_col_od_hour, Some(SortBy::OnDemand)));
            h.col(|ui| header(ui, &mut f, s.catalog_col_od_month, None));
            h.col(|ui| header(ui, &mut f, s.catalog_col_ri1, None));
            h.col(|ui| header(ui, &mut f, s.catalog_col_ri3, None));
            h.col(|ui| header(ui, &mut f, s.catalog_col_spot, None));
            h.col(|ui| {
                header(
                    ui,
                    &mut f,
                    s.catalog_col_spot_savings,
                    Some(SortBy::SpotSavings),
                )
            });
            h.col(|ui| header(ui, &mut f, s.catalog_col_interruption, None));
            h.col(|ui| header(ui, &mut f, s.catalog_col_per_vcpu, Some(SortBy::PerVcpu)));
            h.col(|ui| header(ui, &mut f, s.catalog_col_per_gib, None));
            h.col(|ui| header(ui, &mut f, "", None));
        })
        .body(|body| {
            body.rows(20.0, list.len(), |mut row| {
                let r = &list[row.index()];
                row.col(|ui| {
                    ui.label(&r.instance_type);
                });
                row.col(|ui| {
                    ui.label(r.vcpu.to_string());
                });
                row.col(|ui| {
                    ui.label(format!("{}", r.memory_gib));
                });
                row.col(|ui| {
                    ui.label(r.arch.as_str());
                });
                row.col(|ui| {
                    ui.label(money(r.on_demand, 4));
                });
                row.col(|ui| {
                    ui.label(money(r.monthly(), 2));
                });
                row.col(|ui| {
                    ui.label(money(r.ri_1yr, 4));
                });
                row.col(|ui| {
                    ui.label(money(r.ri_3yr, 4));
                });
                row.col(|ui| {
                    ui.label(money(r.spot, 4));
                });
                row.col(|ui| {
                    ui.label(
                        r.spot_savings_pct
                            .map(|p| format!("{p}%"))
                            .unwrap_or_else(|| "—".into()),
                    );
                });
                row.col(|ui| {
                    ui.label(r.interruption.as_deref().unwrap_or("—"));
                });
                row.col(|ui| {
                    ui.label(money(r.per_vcpu(), 5));
                });
                row.col(|ui| {
                    ui.label(money(r.per_gib(), 5));
                });
                row.col(|ui| {
                    if ui.button(s.catalog_add_to_plan).clicked() {
                        add = Some(r.instance_type.clone());
                    }
                });
            });
        });
    if let Some(it) = add {
        app.commands.push(Command::AddInstance {
            instance_type: it,
            region: f.region.clone(),
        });
    }
    ui.data_mut(|d| d.insert_temp(id, f));
}
