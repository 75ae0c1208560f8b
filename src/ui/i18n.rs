//! Every string the app shows, in English and Korean (View ▸ Language). English is the default.
//!
//! One struct of `&'static str` per language keeps lookups free and makes a missing
//! translation a compile error rather than a blank label.

use serde::{Deserialize, Serialize};

/// Languages the app ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English (the default).
    #[default]
    English,
    /// Korean (한국어).
    Korean,
}

impl Lang {
    /// Every language, in the order View ▸ Language lists them.
    pub const ALL: [Lang; 2] = [Lang::English, Lang::Korean];
    /// The language's name in itself, as View ▸ Language shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::Korean => "한국어",
        }
    }
    /// The UI string table of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::English => &EN,
            Lang::Korean => &KO,
        }
    }
}

/// All UI text of one language.
#[derive(Debug)]
pub struct Strings {
    /// File menu title in the menu bar.
    pub file: &'static str,
    /// File ▸ New menu item (Ctrl+N): start an empty plan.
    pub new: &'static str,
    /// File ▸ Open… menu item (Ctrl+O): pick a plan file to open.
    pub open: &'static str,
    /// File ▸ Open sample submenu listing the bundled sample plans.
    pub open_sample: &'static str,
    /// File ▸ Recent submenu of recently opened or saved plan files.
    pub recent: &'static str,
    /// Greyed entry of File ▸ Recent while no file has been opened or saved.
    pub no_recent: &'static str,
    /// File ▸ Save menu item (Ctrl+S); also the Save button of the unsaved-changes dialog.
    pub save: &'static str,
    /// File ▸ Save As… menu item (Ctrl+Shift+S).
    pub save_as: &'static str,
    /// File menu item that adds items from a CSV file to the plan.
    pub import_csv: &'static str,
    /// Export submenu of the File menu, and the Export menu button of the Estimate,
    /// Compare, Scaling and Forecast tabs.
    pub export: &'static str,
    /// Export entry that writes the estimate as CSV (File ▸ Export, Estimate tab).
    pub export_estimate_csv: &'static str,
    /// Export entry for a chart as PNG, followed by " — <chart name>" where there are several.
    pub export_png: &'static str,
    /// Export entry for a chart as SVG, followed by " — <chart name>" where there are several.
    pub export_svg: &'static str,
    /// File ▸ Quit menu item (Ctrl+Q); asks first when there are unsaved changes.
    pub quit: &'static str,
    /// Edit menu title in the menu bar.
    pub edit: &'static str,
    /// Edit ▸ Undo menu item (Ctrl+Z).
    pub undo: &'static str,
    /// Edit ▸ Redo menu item (Ctrl+Y or Ctrl+Shift+Z).
    pub redo: &'static str,
    /// Edit ▸ Add item submenu (one entry per service); also the empty Plan tab's
    /// "＋ Add item · Amazon EC2" button.
    pub add_item: &'static str,
    /// Edit ▸ Duplicate menu item: copies the selected rows as new items.
    pub duplicate: &'static str,
    /// Edit ▸ Delete menu item (Delete key): removes the selected rows.
    pub delete: &'static str,
    /// Edit ▸ Copy rows menu item (Ctrl+C): the selected rows to the clipboard as TSV.
    pub copy_rows: &'static str,
    /// Edit menu: copy the selected rows to the clipboard, then delete them.
    pub cut_rows: &'static str,
    /// Edit ▸ Paste rows menu item (Ctrl+V): clipboard rows become new items.
    pub paste_rows: &'static str,
    /// View menu title in the menu bar.
    pub view: &'static str,
    /// View menu radio button choosing the light theme.
    pub theme_light: &'static str,
    /// View menu radio button choosing the dark theme.
    pub theme_dark: &'static str,
    /// View ▸ Language submenu (each language listed by its own name).
    pub language: &'static str,
    /// Title of the Plan tab (the spreadsheet grid of items).
    pub tab_plan: &'static str,
    /// Title of the Estimate tab (totals, charts and cost breakdown).
    pub tab_estimate: &'static str,
    /// Sidebar heading above the plan's groups and their monthly subtotals.
    pub groups: &'static str,
    /// Name shown for items without a group (sidebar and Estimate breakdown).
    pub ungrouped: &'static str,
    /// Sidebar heading above the plan's parameters.
    pub parameters: &'static str,
    /// Hover text of the sidebar's "＋" button that adds a parameter.
    pub add_parameter: &'static str,
    /// Sidebar note shown while the plan has no parameters.
    pub no_parameters: &'static str,
    /// Plan grid column heading: the item's name.
    pub col_name: &'static str,
    /// Plan grid column heading: the group the item belongs to.
    pub col_group: &'static str,
    /// Plan grid column heading: the AWS service of the item.
    pub col_service: &'static str,
    /// Plan grid column heading: the AWS region the item is priced in.
    pub col_region: &'static str,
    /// Plan grid column heading: instance type, volume type, storage class or other class.
    pub col_kind: &'static str,
    /// Plan grid column heading: the item's main quantity (count, GB, requests …).
    pub col_quantity: &'static str,
    /// Plan grid column heading: usage (EC2 usage pattern, hours per month, group size).
    pub col_usage: &'static str,
    /// Plan grid column heading: purchase option (On-Demand, Reserved, Savings Plan, Spot).
    pub col_purchase: &'static str,
    /// Plan grid column heading: the item's monthly cost in USD.
    pub col_monthly: &'static str,
    /// Plan grid column heading: the item's upfront (one-time) cost in USD.
    pub col_upfront: &'static str,
    /// Plan tab message shown instead of the grid while the plan has no items.
    pub empty_plan: &'static str,
    /// Heading of the detail panel right of the Plan grid.
    pub details: &'static str,
    /// Detail panel hint shown while no row is selected.
    pub no_selection: &'static str,
    /// Detail panel section heading above the item's editable fields.
    pub fields: &'static str,
    /// Detail panel section heading above the item's cost components.
    pub components: &'static str,
    /// Heading for one cost component; not shown by any widget at present.
    pub component: &'static str,
    /// Label for a cost component's quantity; not shown by any widget at present.
    pub quantity: &'static str,
    /// Label for a cost component's unit price; not shown by any widget at present.
    pub unit_price: &'static str,
    /// Label of monthly USD amounts: status bar, sidebar total, Estimate card and column,
    /// detail panel total, Compare table and Scaling summary card.
    pub monthly: &'static str,
    /// Label of upfront (one-time) USD amounts: status bar, Estimate card and column,
    /// detail panel and Compare table.
    pub upfront: &'static str,
    /// Label of the first-12-months total (USD) in the status bar and on the Estimate tab.
    pub first_12_months: &'static str,
    /// Small note under the Estimate tab's monthly total card.
    pub per_month: &'static str,
    /// Error text when the plan, an item or an Auto Scaling simulation cannot be priced.
    pub not_priced: &'static str,
    /// Estimate tab heading above the group → item → component breakdown tree.
    pub breakdown: &'static str,
    /// Label of the grand-total row at the bottom of the Estimate breakdown.
    pub totals: &'static str,
    /// Status bar label before the name of the price catalogue in use.
    pub catalogue: &'static str,
    /// Status bar text before the catalogue's effective date range.
    pub prices_effective: &'static str,
    /// Green status bar indicator shown when every item is priced without problems.
    pub all_valid: &'static str,
    /// Status bar indicator after the number of validation problems (hover lists them).
    pub problems: &'static str,
    /// Heading of the dialog asking whether to discard unsaved changes.
    pub unsaved_title: &'static str,
    /// Body text of the unsaved-changes dialog.
    pub unsaved_body: &'static str,
    /// Button that discards the changes (unsaved-changes dialog) or the autosaved plan
    /// (recovery dialog).
    pub discard: &'static str,
    /// Cancel button of the unsaved-changes dialog.
    pub cancel: &'static str,
    /// Heading of the start-up dialog offering to recover autosaved work.
    pub recover_title: &'static str,
    /// Body text of the recovery dialog.
    pub recover_body: &'static str,
    /// Recovery dialog button that opens the autosaved plan.
    pub recover: &'static str,
    /// Window title's file name for a plan never saved to a file.
    pub untitled: &'static str,
    /// Word after an item count ("12 items"): tab bar, sidebar groups, Estimate breakdown
    /// and recovery dialog.
    pub items: &'static str,
    /// Placeholder of a dropdown cell editor's text field (typing filters the choices).
    pub filter_hint: &'static str,
    /// Status message after a save, followed by the file path.
    pub saved_to: &'static str,
    /// Status message after opening a plan, followed by the file path.
    pub opened: &'static str,
    /// Status message after pasting rows or importing an items CSV, followed by the count.
    pub pasted_rows: &'static str,
    /// A paste or import whose table has a header but no rows.
    pub nothing_to_paste: &'static str,
    /// The app's own file dialog (when the system's cannot open).
    pub fd_open_title: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_save_title: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_why: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_path: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_folders: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_files: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_open: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_unavailable: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_use_own: &'static str,
    /// See [`Strings::fd_open_title`].
    pub fd_press_again: &'static str,
    /// Status message after Copy rows, followed by the number of rows copied.
    pub copied_rows: &'static str,
    /// Status message after a successful export, followed by the file path.
    pub exported_to: &'static str,
    /// Status message when a typed edit is refused, followed by the reason.
    pub edit_rejected: &'static str,
    /// Tooltip of a rejected cell: the plan keeps the value shown.
    pub rejected_keeps: &'static str,
    /// Heading for a cost component's calculation trail; not shown by any widget at present.
    pub calculation: &'static str,
    /// Heading above the charts on the Estimate and Scaling tabs.
    pub charts: &'static str,
    /// Small note under the Estimate tab's first-12-months card: how it is computed.
    pub first_12_note: &'static str,
    /// Hover text of "First 12 months": how it differs from the Forecast tab's total.
    pub first_12_hint: &'static str,
    /// Hover text of a sortable Catalogue column heading.
    pub catalog_sort_hint: &'static str,
    /// Catalogue tab: heading of the list of price files (source, publication date).
    pub catalog_price_files: &'static str,
    /// Catalogue tab: heading of one instance type's prices in every region (then the type).
    pub catalog_across_regions: &'static str,
    /// Hover text of a Plan grid column heading (clicks cycle ascending, descending, off).
    pub sort_hint: &'static str,
    /// Small note under the Estimate tab's upfront total card.
    pub one_time: &'static str,
    /// Title of the Compare tab (purchase options of EC2 and RDS items).
    pub tab_compare: &'static str,
    /// Label of the Compare tab's dropdown choosing one item or the whole plan.
    pub cmp_scope: &'static str,
    /// Compare scope choice that compares every EC2 and RDS item together.
    pub cmp_whole_plan: &'static str,
    /// Compare tab label before the horizon choices (12 months, 36 months, the plan's).
    pub cmp_horizon: &'static str,
    /// Compare horizon choice using the plan's own horizon (its month count follows).
    pub cmp_plan_horizon: &'static str,
    /// Unit word after a horizon's month count on the Compare tab ("36 months").
    pub cmp_months: &'static str,
    /// Compare tab label of the Spot re-run overhead field, in percent.
    pub cmp_overhead: &'static str,
    /// Compare table column heading: the purchase option.
    pub cmp_option: &'static str,
    /// Compare table column heading: recurring plus upfront spread per month, in USD.
    pub cmp_effective: &'static str,
    /// Compare table column heading: total paid over the horizon, in USD.
    pub cmp_total: &'static str,
    /// Compare table column heading: saving against On-Demand in USD; also in the best-mix line.
    pub cmp_saving: &'static str,
    /// Compare table column heading: first month the option's cumulative cost is at or
    /// below On-Demand's.
    pub cmp_break_even: &'static str,
    /// Compare table column heading: utilisation (%) below which a commitment costs more
    /// than On-Demand.
    pub cmp_break_even_use: &'static str,
    /// Compare table column heading: notes (interruptions, unused commitment, amount owed).
    pub cmp_notes: &'static str,
    /// Compare table text for an option the catalogue cannot price, followed by the reason.
    pub cmp_unavailable: &'static str,
    /// Marker after the cheapest option's name in the Compare table ("★ … (cheapest)").
    pub cmp_best: &'static str,
    /// Marker after the name of the option the plan uses today in the Compare table.
    pub cmp_current: &'static str,
    /// Compare table break-even cell of an option that never catches up with On-Demand.
    pub cmp_never: &'static str,
    /// Prefix of the Compare tab's commitment-optimiser lines (best commitment per item).
    pub cmp_optimiser: &'static str,
    /// Compare tab Export entry that writes the comparison CSV.
    pub cmp_export_csv: &'static str,
    /// Compare tab message when the plan has no EC2 or RDS item to compare.
    pub cmp_nothing: &'static str,
    /// Compare tab line: the total when every item takes its own cheapest option.
    pub cmp_best_mix: &'static str,
    // Scaling tab
    /// Title of the Scaling tab (Auto Scaling group simulation).
    pub tab_scaling: &'static str,
    /// Scaling tab message when the plan has no Auto Scaling group.
    pub scaling_no_group: &'static str,
    /// Label of the Scaling tab's dropdown choosing the group to simulate.
    pub scaling_group: &'static str,
    /// Scaling tab label before the chart window choices (day, week, month, all).
    pub scaling_window: &'static str,
    /// Chart window choice: one day.
    pub scaling_day: &'static str,
    /// Chart window choice: one week.
    pub scaling_week: &'static str,
    /// Chart window choice: 30 days.
    pub scaling_month: &'static str,
    /// Chart window choice: the whole simulation.
    pub scaling_all: &'static str,
    /// Label of the slider choosing the first day of the chart window.
    pub scaling_from_day: &'static str,
    /// Scaling summary card: average utilisation of the group's capacity, in percent.
    pub scaling_utilisation: &'static str,
    /// Scaling summary card: hours of demand the group's capacity did not serve.
    pub scaling_unmet_hours: &'static str,
    /// Scaling summary card: average monthly USD at min and at max capacity.
    pub scaling_cost_range: &'static str,
    /// Scaling tab section: min / desired / max size and capacity per unit.
    pub scaling_capacity: &'static str,
    /// Capacity form label: demand one capacity unit serves at 100 % utilisation.
    pub scaling_capacity_per_unit: &'static str,
    /// Scaling tab section: the demand profile form.
    pub scaling_demand: &'static str,
    /// Demand section note when the group's demand comes from a CSV file.
    pub scaling_demand_csv: &'static str,
    /// Demand form label: the base demand level, in the group's demand units.
    pub scaling_base: &'static str,
    /// Demand form checkbox turning on the daily cycle (peak hour, amplitude).
    pub scaling_daily: &'static str,
    /// Demand form checkbox turning on the weekend factor (demand multiplier on weekends).
    pub scaling_weekend: &'static str,
    /// Demand form label: demand growth in percent per month.
    pub scaling_growth: &'static str,
    /// Demand form label: random noise as a standard deviation in percent.
    pub scaling_noise: &'static str,
    /// Scaling tab section: the scaling policies as a JSON editor.
    pub scaling_policies: &'static str,
    /// Hint above the scaling policies JSON editor.
    pub scaling_policies_hint: &'static str,
    /// Button writing the edited JSON (policies or scheduled actions) into the plan.
    pub scaling_apply: &'static str,
    /// Button putting the plan's current value back into the JSON editor.
    pub scaling_revert: &'static str,
    /// Scaling tab Export entry that writes the per-step simulation CSV.
    pub scaling_export_csv: &'static str,
    // Forecast tab
    /// Title of the Forecast tab (the bill month by month under growth drivers).
    pub tab_forecast: &'static str,
    /// Forecast tab heading above the growth-driver forms.
    pub growth_drivers: &'static str,
    /// Forecast tab menu button adding a growth driver of a chosen kind.
    pub add_driver: &'static str,
    /// Forecast tab button importing a past bill history CSV.
    pub import_history: &'static str,
    /// Forecast tab button removing the imported bill history.
    pub clear_history: &'static str,
    /// Forecast table column heading: the month (YYYY-MM).
    pub month: &'static str,
    /// Forecast table column heading for the history model's forecast (USD); also fills
    /// `{model}` of the model summary.
    pub model_forecast: &'static str,
    // Catalogue tab
    /// Title of the Catalogue tab (EC2 instance types and their prices).
    pub tab_catalog: &'static str,
    /// Catalogue tab filter label: the region whose prices are listed.
    pub catalog_region: &'static str,
    /// Catalogue tab filter label: text the instance type must contain.
    pub catalog_type_filter: &'static str,
    /// Catalogue tab filter label: minimum vCPU count.
    pub catalog_min_vcpu: &'static str,
    /// Catalogue tab filter label: minimum memory in GiB.
    pub catalog_min_memory: &'static str,
    /// Catalogue tab filter label and column heading: CPU architecture.
    pub catalog_arch: &'static str,
    /// Architecture filter choice that lists every architecture.
    pub catalog_any: &'static str,
    /// Word after the number of instance types listed under the Catalogue filters.
    pub catalog_types: &'static str,
    /// Catalogue column heading: instance type (sortable).
    pub catalog_col_type: &'static str,
    /// Catalogue column heading: On-Demand price in USD per hour (sortable).
    pub catalog_col_od_hour: &'static str,
    /// Catalogue column heading: On-Demand price in USD per 730-hour month.
    pub catalog_col_od_month: &'static str,
    /// Catalogue column heading: effective USD per hour of a 1-year standard RI.
    pub catalog_col_ri1: &'static str,
    /// Catalogue column heading: effective USD per hour of a 3-year standard RI.
    pub catalog_col_ri3: &'static str,
    /// Catalogue column heading: Spot price in USD per hour.
    pub catalog_col_spot: &'static str,
    /// Catalogue column heading: Spot saving against On-Demand, in percent (sortable).
    pub catalog_col_spot_savings: &'static str,
    /// Catalogue column heading: Spot interruption-frequency band.
    pub catalog_col_interruption: &'static str,
    /// Catalogue column heading: On-Demand USD per vCPU-hour (sortable).
    pub catalog_col_per_vcpu: &'static str,
    /// Catalogue column heading: On-Demand USD per GiB-hour of memory.
    pub catalog_col_per_gib: &'static str,
    /// Catalogue row button adding one instance of that type to the plan.
    pub catalog_add_to_plan: &'static str,
    /// Status message after "Add to plan", followed by the instance type and region.
    pub catalog_added: &'static str,
    /// Catalogue tab label of the dropdown choosing the price catalogue in use.
    pub catalog_source: &'static str,
    /// Catalogue tab button importing an AWS price file as a new catalogue.
    pub catalog_import: &'static str,
    /// Label beside the progress bar while a price-file import runs.
    pub catalog_importing: &'static str,
    /// Button cancelling a running price-file import.
    pub catalog_cancel: &'static str,
    /// Status message when an import has finished and its catalogue is in use.
    pub catalog_imported: &'static str,
    /// Status message after a price-file import was cancelled.
    pub catalog_import_cancelled: &'static str,
    /// Status message when a price-file import fails, followed by the reason.
    pub catalog_import_failed: &'static str,
    /// Word after the number of price rows read, in the import-finished message.
    pub catalog_rows_read: &'static str,
    /// Word after the number of price rows kept, in the import-finished message.
    pub catalog_rows_kept: &'static str,
    /// Button adding a default Auto Scaling group (Edit menu, Plan and Scaling tabs).
    pub add_scaling_group: &'static str,
    // Forecast tab: driver forms and labels
    /// Forecast tab checkbox: stack the chart by group instead of by service.
    pub fc_by_group: &'static str,
    /// Forecast tab Export entry that writes the month-by-month forecast CSV.
    pub fc_export_csv: &'static str,
    /// Forecast table column heading: the plan's projected bill for the month, in USD.
    pub fc_plan: &'static str,
    /// Forecast table column heading: the model's 80 % and 95 % intervals, in USD.
    pub fc_intervals: &'static str,
    /// Line under the forecast table: `{n}` months and their total `{usd}`.
    pub fc_total_over: &'static str,
    /// Line above the forecast table describing the history model (`{model}`, `{desc}`,
    /// held-out `{mape}` and its `{n}` months).
    pub fc_model_summary: &'static str,
    /// Forecast tab message after a bill history import; `{n}` is the month count.
    pub fc_months_imported: &'static str,
    /// Forecast tab note while the plan has no growth drivers.
    pub fc_no_drivers: &'static str,
    /// Add-driver menu note when the plan has no parameter or item to target.
    pub fc_no_target: &'static str,
    /// Button removing a growth driver.
    pub fc_remove: &'static str,
    /// Note under the driver forms on how typed values are applied.
    pub fc_apply_hint: &'static str,
    /// Driver kind (Add driver menu, form heading): a fixed amount added per month.
    pub fc_kind_linear: &'static str,
    /// Driver kind (Add driver menu, form heading): compound growth in percent.
    pub fc_kind_compound: &'static str,
    /// Driver kind (Add driver menu, form heading): S-curve levelling off at a cap.
    pub fc_kind_logistic: &'static str,
    /// Driver kind (Add driver menu, form heading): twelve monthly factors.
    pub fc_kind_seasonal: &'static str,
    /// Driver kind (Add driver menu, form heading): a one-off add or multiply in a month.
    pub fc_kind_step: &'static str,
    /// Driver kind (Add driver menu, form heading): an item's first and last month.
    pub fc_kind_window: &'static str,
    /// Driver kind (Add driver menu, form heading): a price multiplier from a month on.
    pub fc_kind_price: &'static str,
    /// Driver form label of the dropdown choosing the parameter or item field to change.
    pub fc_target: &'static str,
    /// Prefix of a parameter in the driver target dropdown ("Parameter: users").
    pub fc_parameter: &'static str,
    /// Prefix of an item target or price scope ("Item: web · count"); also the item picker's
    /// label.
    pub fc_item: &'static str,
    /// Prefix of a service price scope in the price-change form ("Service: Amazon EC2").
    pub fc_service: &'static str,
    /// Linear driver field: amount added per month, in the target's unit.
    pub fc_per_month: &'static str,
    /// Compound driver field: growth rate in percent.
    pub fc_rate: &'static str,
    /// Compound driver period choice: the rate is percent per month.
    pub fc_pct_per_month: &'static str,
    /// Compound driver period choice: the rate is percent per year.
    pub fc_pct_per_year: &'static str,
    /// Driver field: month the growth starts (YYYY-MM; empty = the plan's start).
    pub fc_from: &'static str,
    /// Logistic driver field: the value the S-curve levels off at.
    pub fc_cap: &'static str,
    /// Logistic driver field: growth rate in percent per month.
    pub fc_logistic_rate: &'static str,
    /// Seasonal driver label above the twelve monthly factors.
    pub fc_factors: &'static str,
    /// Step and price-change driver field: the month the change happens (YYYY-MM).
    pub fc_on_month: &'static str,
    /// Step driver mode: add the value to the target.
    pub fc_step_add: &'static str,
    /// Step driver mode: multiply the target by the value.
    pub fc_step_multiply: &'static str,
    /// Step driver field: the amount to add or the factor to multiply by.
    pub fc_value: &'static str,
    /// Item-window driver field: first month the item is billed (YYYY-MM, optional).
    pub fc_start: &'static str,
    /// Item-window driver field: month the item ends (YYYY-MM, optional).
    pub fc_end: &'static str,
    /// Price-change driver label of the item-or-service dropdown the price applies to.
    pub fc_scope: &'static str,
    /// Price-change driver field: factor applied to prices from that month (1.1 = +10 %).
    pub fc_multiplier: &'static str,
    /// Driver field error after the typed text when it is not a number.
    pub fc_err_number: &'static str,
    /// Driver field error when the number is NaN or infinite.
    pub fc_err_finite: &'static str,
    /// Driver field error when the value must be above 0 (logistic cap and rate).
    pub fc_err_positive: &'static str,
    /// Driver field error when the value must be 0 or more.
    pub fc_err_non_negative: &'static str,
    /// Driver field error when a growth rate is −100 % or less.
    pub fc_err_above_minus_100: &'static str,
    /// Driver field error when a month is not written as YYYY-MM.
    pub fc_err_month: &'static str,
    /// Short month names, January first, labelling the seasonal driver's factors.
    pub fc_month_names: [&'static str; 12],
    // Forecast commitments (RI / Savings Plan terms over the horizon).
    /// Driver kind (Add driver menu, form heading): RI / Savings Plan terms over time.
    pub fc_kind_commitment: &'static str,
    /// Commitment driver field: first billed month of the term (YYYY-MM, optional).
    pub fc_commit_start: &'static str,
    /// Commitment driver label before the renew / let-expire choice.
    pub fc_at_term_end: &'static str,
    /// Choice and Commitments-list text: renew each term, paying upfront again at the same
    /// rates.
    pub fc_renew: &'static str,
    /// Choice and Commitments-list text: let the term expire and pay On-Demand after it.
    pub fc_lapse: &'static str,
    /// Forecast table column heading: upfront USD paid that month (with commitments only).
    pub fc_upfront: &'static str,
    /// Forecast table column heading: the month's commitment events (start, renewal,
    /// expiry).
    pub fc_commitment_events: &'static str,
    /// Heading of the Forecast tab's list of committed items.
    pub fc_commitments_title: &'static str,
    /// Commitments-list text when a term renews only because no commitment driver
    /// says otherwise.
    pub fc_renew_default: &'static str,
    /// Commitments-list text before the USD still owed after the horizon.
    pub fc_owed_after: &'static str,
    /// Commitment driver note when its item is not bought with an RI or Savings Plan.
    pub fc_commit_inert: &'static str,
    // Scaling tab: allocation strategies and scheduled actions in time zones.
    /// Scaling tab section: the On-Demand / Spot split and the allocation strategies.
    pub scaling_purchase: &'static str,
    /// Purchase form label: capacity units always bought On-Demand.
    pub scaling_od_base: &'static str,
    /// Purchase form label: percent of capacity above the base bought On-Demand (the
    /// rest is Spot).
    pub scaling_od_pct: &'static str,
    /// Purchase form label of the Spot allocation strategy dropdown.
    pub scaling_spot_strategy: &'static str,
    /// Purchase form label: number of Spot pools (lowest-price strategy only).
    pub scaling_spot_pools: &'static str,
    /// Purchase form label of the On-Demand allocation strategy dropdown.
    pub scaling_od_strategy: &'static str,
    /// Spot strategy choice for none set: capacity spread evenly over the pools.
    pub scaling_even_spread: &'static str,
    /// Scaling tab section: scheduled actions and their time zones.
    pub scaling_scheduled: &'static str,
    /// Hint above the scheduled actions JSON editor.
    pub scaling_scheduled_hint: &'static str,
    /// Label of a scheduled action's time-zone field.
    pub scaling_time_zone: &'static str,
    /// Error beside the time-zone field when the text is not an IANA zone name.
    pub scaling_zone_invalid: &'static str,
    /// Placeholder of an empty time-zone field: the action keeps its fixed UTC offset.
    pub scaling_fixed_offset: &'static str,
    /// Recovery dialog: the file the recovered plan belongs to / none.
    pub recover_file: &'static str,
    /// Recovery dialog text when the recovered plan was never saved to a file.
    pub recover_unsaved: &'static str,
}

/// English UI text.
pub static EN: Strings = Strings {
    file: "File",
    new: "New",
    open: "Open…",
    open_sample: "Open sample",
    recent: "Recent",
    no_recent: "No recent files",
    save: "Save",
    save_as: "Save As…",
    import_csv: "Import items CSV…",
    export: "Export",
    export_estimate_csv: "Estimate CSV…",
    export_png: "Chart PNG…",
    export_svg: "Chart SVG…",
    quit: "Quit",
    edit: "Edit",
    undo: "Undo",
    redo: "Redo",
    add_item: "Add item",
    duplicate: "Duplicate",
    delete: "Delete",
    copy_rows: "Copy rows",
    cut_rows: "Cut rows",
    paste_rows: "Paste rows",
    view: "View",
    theme_light: "Light",
    theme_dark: "Dark",
    language: "Language",
    tab_plan: "Plan",
    tab_estimate: "Estimate",
    groups: "Groups",
    ungrouped: "(ungrouped)",
    parameters: "Parameters",
    add_parameter: "Add parameter",
    no_parameters: "No parameters yet. Parameters are named numbers formulas can use.",
    col_name: "Name",
    col_group: "Group",
    col_service: "Service",
    col_region: "Region",
    col_kind: "Type / class",
    col_quantity: "Quantity",
    col_usage: "Usage",
    col_purchase: "Purchase",
    col_monthly: "Monthly USD",
    col_upfront: "Upfront USD",
    empty_plan: "This plan has no items yet. Use Edit › Add item, or paste rows from a spreadsheet (Ctrl+V).",
    details: "Details",
    no_selection: "Select a row to see every field and how its cost is calculated.",
    fields: "Fields",
    components: "Cost components",
    component: "Component",
    quantity: "Quantity",
    unit_price: "Unit price",
    monthly: "Monthly",
    upfront: "Upfront",
    first_12_months: "First 12 months",
    per_month: "/ month",
    not_priced: "not priced",
    breakdown: "Breakdown",
    totals: "Totals",
    catalogue: "Catalogue",
    prices_effective: "price files published",
    all_valid: "All items priced",
    problems: "problems",
    unsaved_title: "Unsaved changes",
    unsaved_body: "The plan has changes that are not saved. Discard them?",
    discard: "Discard changes",
    cancel: "Cancel",
    recover_title: "Recover unsaved work?",
    recover_body: "cloudplan found a plan that was not saved when the app last closed.",
    recover: "Recover",
    untitled: "Untitled",
    items: "items",
    filter_hint: "type to filter",
    saved_to: "Saved",
    opened: "Opened",
    pasted_rows: "Pasted rows",
    nothing_to_paste: "no rows under the header row; nothing was added",
    fd_open_title: "Open a file",
    fd_save_title: "Save as",
    fd_why: "cloudplan's own dialog, because",
    fd_path: "Path",
    fd_folders: "Recent folders",
    fd_files: "Files in this folder",
    fd_open: "Open",
    fd_unavailable: "The system file dialog could not open",
    fd_use_own: "Choose the file in cloudplan's own dialog",
    fd_press_again: "Chosen; press the button again to use",
    copied_rows: "Copied rows",
    exported_to: "Exported",
    edit_rejected: "Not applied",
    rejected_keeps: "The cell keeps (and prices) the value shown; type a valid one to fix it.",
    calculation: "Calculation",
    charts: "Charts",
    first_12_note: "upfront + 12 × monthly",
    catalog_sort_hint: "Click to sort by this column; click again to reverse",
    catalog_price_files: "Price files (where each price came from)",
    catalog_across_regions: "In every region",
    first_12_hint: "Upfront fees + 12 × this month's bill, at today's usage and prices. The Forecast tab's total also applies growth drivers, price changes and events.",
    one_time: "one-time (reservations)",
    sort_hint: "Sort by this column (click again to reverse, a third time to clear)",
    tab_compare: "Compare",
    cmp_scope: "Scope",
    cmp_whole_plan: "Whole plan (all EC2 and RDS items)",
    cmp_horizon: "Horizon",
    cmp_plan_horizon: "plan's horizon",
    cmp_months: "months",
    cmp_overhead: "Spot re-run overhead %",
    cmp_option: "Option",
    cmp_effective: "Effective / month",
    cmp_total: "Total",
    cmp_saving: "Saving",
    cmp_break_even: "Break-even month",
    cmp_break_even_use: "Break-even use",
    cmp_notes: "Notes",
    cmp_unavailable: "unavailable",
    cmp_best: "cheapest",
    cmp_current: "current",
    cmp_never: "never",
    cmp_optimiser: "Commitment optimiser",
    cmp_export_csv: "Comparison CSV…",
    cmp_nothing: "This plan has no EC2 or RDS items: there are no purchase options to compare.",
    cmp_best_mix: "Each item its own cheapest way",
    // Scaling tab
    tab_scaling: "Scaling",
    scaling_no_group: "This plan has no Auto Scaling group (an item of kind `scaling_group`; see samples/autoscaling-web.cloudplan.json).",
    scaling_group: "Group",
    scaling_window: "Window",
    scaling_day: "Day",
    scaling_week: "Week",
    scaling_month: "Month",
    scaling_all: "All",
    scaling_from_day: "from day",
    scaling_utilisation: "Average utilisation",
    scaling_unmet_hours: "Unmet-demand hours",
    scaling_cost_range: "Cost range (min – max capacity)",
    scaling_capacity: "Capacity",
    scaling_capacity_per_unit: "Demand per unit at 100 %",
    scaling_demand: "Demand",
    scaling_demand_csv: "Demand comes from a CSV file; edit it in the plan file.",
    scaling_base: "Base demand",
    scaling_daily: "Daily cycle (peak hour, amplitude)",
    scaling_weekend: "Weekend factor",
    scaling_growth: "Growth % / month",
    scaling_noise: "Noise sd %",
    scaling_policies: "Policies",
    scaling_policies_hint: "JSON list of policies: target_tracking, step, simple (see README).",
    scaling_apply: "Apply",
    scaling_revert: "Revert",
    scaling_export_csv: "Per-step CSV",
    tab_forecast: "Forecast",
    growth_drivers: "Growth drivers",
    add_driver: "Add driver",
    import_history: "Import bill history…",
    clear_history: "Clear history",
    month: "Month",
    model_forecast: "Model forecast",
    // Catalogue tab
    tab_catalog: "Catalogue",
    catalog_region: "Region",
    catalog_type_filter: "Type contains",
    catalog_min_vcpu: "vCPU ≥",
    catalog_min_memory: "Memory GiB ≥",
    catalog_arch: "Arch",
    catalog_any: "any",
    catalog_types: "instance types",
    catalog_col_type: "Instance type",
    catalog_col_od_hour: "On-demand $/h",
    catalog_col_od_month: "On-demand $/month",
    catalog_col_ri1: "RI 1yr std (eff. $/h)",
    catalog_col_ri3: "RI 3yr std (eff. $/h)",
    catalog_col_spot: "Spot $/h",
    catalog_col_spot_savings: "Spot savings",
    catalog_col_interruption: "Interruption",
    catalog_col_per_vcpu: "$ per vCPU-h",
    catalog_col_per_gib: "$ per GiB-h",
    catalog_add_to_plan: "Add to plan",
    catalog_added: "Added to the plan",
    catalog_source: "Catalogue",
    catalog_import: "Import AWS price file…",
    catalog_importing: "Importing",
    catalog_cancel: "Cancel",
    catalog_imported: "Imported catalogue in use",
    catalog_import_cancelled: "Import cancelled: the catalogue in use is unchanged and nothing was written",
    catalog_import_failed: "Import failed",
    catalog_rows_read: "rows read",
    catalog_rows_kept: "kept",
    add_scaling_group: "Add Auto Scaling group",
    // Forecast tab: driver forms and labels
    fc_by_group: "by group",
    fc_export_csv: "Forecast CSV…",
    fc_plan: "Plan",
    fc_intervals: "80% / 95% interval",
    fc_total_over: "Total over {n} months: {usd}",
    fc_model_summary: "{model}: {desc} — held-out MAPE {mape}% ({n} months)",
    fc_months_imported: "{n} months imported",
    fc_no_drivers: "No growth drivers: every month is billed like the plan today (an Auto Scaling group at that month of its simulation).",
    fc_no_target: "Add a parameter or an item to the plan first.",
    fc_remove: "Remove",
    fc_apply_hint: "Press Enter or leave the field to apply; each change can be undone.",
    fc_kind_linear: "Linear (+n per month)",
    fc_kind_compound: "Compound (%)",
    fc_kind_logistic: "Logistic S-curve (cap)",
    fc_kind_seasonal: "Seasonal factors (12 months)",
    fc_kind_step: "Step event on a date",
    fc_kind_window: "Item start / end",
    fc_kind_price: "Price change on a date",
    fc_target: "Target",
    fc_parameter: "Parameter",
    fc_item: "Item",
    fc_service: "Service",
    fc_per_month: "Change per month",
    fc_rate: "Growth rate %",
    fc_pct_per_month: "% per month",
    fc_pct_per_year: "% per year",
    fc_from: "From (YYYY-MM, empty = start)",
    fc_cap: "Cap",
    fc_logistic_rate: "Rate % per month",
    fc_factors: "Factors, January to December",
    fc_on_month: "Month (YYYY-MM)",
    fc_step_add: "add",
    fc_step_multiply: "multiply by",
    fc_value: "Value",
    fc_start: "Start (YYYY-MM, optional)",
    fc_end: "End (YYYY-MM, optional)",
    fc_scope: "Applies to",
    fc_multiplier: "Price multiplier",
    fc_err_number: "is not a number",
    fc_err_finite: "must be a finite number (not NaN or infinity)",
    fc_err_positive: "must be above 0",
    fc_err_non_negative: "must be 0 or more",
    fc_err_above_minus_100: "must be above −100",
    fc_err_month: "write the month as YYYY-MM, e.g. 2027-01",
    fc_month_names: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    fc_kind_commitment: "Commitment term (RI / Savings Plan)",
    fc_commit_start: "Start (YYYY-MM, optional: first billed month)",
    fc_at_term_end: "At the end of each term",
    fc_renew: "Renew (upfront again, same rates)",
    fc_lapse: "Let it expire (On-Demand after)",
    fc_upfront: "Upfront",
    fc_commitment_events: "Commitments",
    fc_commitments_title: "Commitments over the horizon",
    fc_renew_default: "renews (default: no commitment driver)",
    fc_owed_after: "owed after the horizon",
    fc_commit_inert: "no effect: this item is not bought with a Reserved Instance or Savings Plan",
    // Scaling tab: allocation strategies and scheduled actions in time zones.
    scaling_purchase: "Purchase options",
    scaling_od_base: "On-Demand base capacity",
    scaling_od_pct: "On-Demand % above base",
    scaling_spot_strategy: "Spot allocation strategy",
    scaling_spot_pools: "Spot pools (lowest-price)",
    scaling_od_strategy: "On-Demand allocation strategy",
    scaling_even_spread: "even spread (plans before strategies)",
    scaling_scheduled: "Scheduled actions",
    scaling_scheduled_hint: "Scheduled actions as JSON; \"time_zone\" takes an IANA name such as America/New_York",
    scaling_time_zone: "Time zone",
    scaling_zone_invalid: "not an IANA time zone name",
    scaling_fixed_offset: "fixed UTC offset",
    recover_file: "File",
    recover_unsaved: "a new plan, never saved to a file",
};

/// Korean UI text (한국어).
pub static KO: Strings = Strings {
    file: "파일",
    new: "새로 만들기",
    open: "열기…",
    open_sample: "예제 열기",
    recent: "최근 파일",
    no_recent: "최근 파일 없음",
    save: "저장",
    save_as: "다른 이름으로 저장…",
    import_csv: "항목 CSV 가져오기…",
    export: "내보내기",
    export_estimate_csv: "견적 CSV…",
    export_png: "차트 PNG…",
    export_svg: "차트 SVG…",
    quit: "종료",
    edit: "편집",
    undo: "실행 취소",
    redo: "다시 실행",
    add_item: "항목 추가",
    duplicate: "복제",
    delete: "삭제",
    copy_rows: "행 복사",
    cut_rows: "행 잘라내기",
    paste_rows: "행 붙여넣기",
    view: "보기",
    theme_light: "밝은 테마",
    theme_dark: "어두운 테마",
    language: "언어",
    tab_plan: "계획",
    tab_estimate: "견적",
    groups: "그룹",
    ungrouped: "(그룹 없음)",
    parameters: "매개변수",
    add_parameter: "매개변수 추가",
    no_parameters: "매개변수가 없습니다. 매개변수는 수식에서 쓰는 이름 있는 숫자입니다.",
    col_name: "이름",
    col_group: "그룹",
    col_service: "서비스",
    col_region: "리전",
    col_kind: "유형 / 클래스",
    col_quantity: "수량",
    col_usage: "사용량",
    col_purchase: "구매 옵션",
    col_monthly: "월 USD",
    col_upfront: "선결제 USD",
    empty_plan: "항목이 없습니다. 편집 › 항목 추가를 쓰거나 스프레드시트에서 행을 붙여넣으세요 (Ctrl+V).",
    details: "상세",
    no_selection: "행을 선택하면 모든 필드와 비용 계산 과정을 볼 수 있습니다.",
    fields: "필드",
    components: "비용 구성 요소",
    component: "구성 요소",
    quantity: "수량",
    unit_price: "단가",
    monthly: "월간",
    upfront: "선결제",
    first_12_months: "첫 12개월",
    per_month: "/ 월",
    not_priced: "가격 없음",
    breakdown: "내역",
    totals: "합계",
    catalogue: "가격표",
    prices_effective: "가격 파일 게시일",
    all_valid: "모든 항목 계산됨",
    problems: "문제",
    unsaved_title: "저장하지 않은 변경 사항",
    unsaved_body: "저장하지 않은 변경 사항이 있습니다. 버리시겠습니까?",
    discard: "변경 사항 버리기",
    cancel: "취소",
    recover_title: "저장하지 않은 작업을 복구할까요?",
    recover_body: "앱이 마지막으로 닫힐 때 저장되지 않은 계획이 있습니다.",
    recover: "복구",
    untitled: "제목 없음",
    items: "항목",
    filter_hint: "입력하여 걸러내기",
    saved_to: "저장됨",
    opened: "열림",
    pasted_rows: "붙여넣은 행",
    nothing_to_paste: "머리글 행 아래에 행이 없어 추가된 항목이 없습니다",
    fd_open_title: "파일 열기",
    fd_save_title: "다른 이름으로 저장",
    fd_why: "cloudplan 자체 대화 상자를 사용하는 이유",
    fd_path: "경로",
    fd_folders: "최근 폴더",
    fd_files: "이 폴더의 파일",
    fd_open: "열기",
    fd_unavailable: "시스템 파일 대화 상자를 열 수 없습니다",
    fd_use_own: "cloudplan 자체 대화 상자에서 파일을 선택하세요",
    fd_press_again: "선택됨. 사용하려면 버튼을 다시 누르세요:",
    copied_rows: "복사한 행",
    exported_to: "내보냄",
    edit_rejected: "적용 안 됨",
    rejected_keeps: "셀은 표시된 값을 유지하고 그 값으로 계산합니다. 올바른 값을 입력하면 해결됩니다.",
    calculation: "계산",
    charts: "차트",
    first_12_note: "선결제 + 12 × 월간",
    catalog_sort_hint: "클릭하면 이 열로 정렬하고, 다시 클릭하면 순서를 바꿉니다",
    catalog_price_files: "가격 파일 (각 가격의 출처)",
    catalog_across_regions: "모든 리전",
    first_12_hint: "선결제 + 12 × 이번 달 청구액(현재 사용량과 가격 기준). 예측 탭의 합계에는 성장 요인, 가격 변경, 이벤트가 반영됩니다.",
    one_time: "일회성 (예약)",
    sort_hint: "이 열로 정렬 (다시 누르면 역순, 세 번째는 해제)",
    tab_compare: "구매 옵션 비교",
    cmp_scope: "비교 대상",
    cmp_whole_plan: "전체 계획 (모든 EC2·RDS 항목)",
    cmp_horizon: "기간",
    cmp_plan_horizon: "계획 기간",
    cmp_months: "개월",
    cmp_overhead: "스팟 재실행 오버헤드 %",
    cmp_option: "옵션",
    cmp_effective: "월 실효 비용",
    cmp_total: "합계",
    cmp_saving: "절감액",
    cmp_break_even: "손익분기 월",
    cmp_break_even_use: "손익분기 사용률",
    cmp_notes: "비고",
    cmp_unavailable: "사용 불가",
    cmp_best: "최저가",
    cmp_current: "현재",
    cmp_never: "없음",
    cmp_optimiser: "약정 최적화",
    cmp_export_csv: "비교 CSV…",
    cmp_nothing: "이 계획에는 EC2나 RDS 항목이 없어 비교할 구매 옵션이 없습니다.",
    cmp_best_mix: "항목별 최저가 조합",
    // Scaling tab
    tab_scaling: "스케일링",
    scaling_no_group: "이 계획에는 Auto Scaling 그룹이 없습니다 (`scaling_group` 항목; samples/autoscaling-web.cloudplan.json 참고).",
    scaling_group: "그룹",
    scaling_window: "기간",
    scaling_day: "일",
    scaling_week: "주",
    scaling_month: "월",
    scaling_all: "전체",
    scaling_from_day: "시작 일",
    scaling_utilisation: "평균 사용률",
    scaling_unmet_hours: "수요 미충족 시간",
    scaling_cost_range: "비용 범위 (최소 – 최대 용량)",
    scaling_capacity: "용량",
    scaling_capacity_per_unit: "단위당 처리량 (100 %)",
    scaling_demand: "수요",
    scaling_demand_csv: "수요는 CSV 파일에서 옵니다. 계획 파일에서 편집하세요.",
    scaling_base: "기본 수요",
    scaling_daily: "일간 주기 (피크 시각, 진폭)",
    scaling_weekend: "주말 배율",
    scaling_growth: "월 성장률 %",
    scaling_noise: "노이즈 표준편차 %",
    scaling_policies: "정책",
    scaling_policies_hint: "정책 JSON 목록: target_tracking, step, simple (README 참고).",
    scaling_apply: "적용",
    scaling_revert: "되돌리기",
    scaling_export_csv: "단계별 CSV",
    tab_forecast: "예측",
    growth_drivers: "성장 요인",
    add_driver: "요인 추가",
    import_history: "청구 내역 가져오기…",
    clear_history: "내역 지우기",
    month: "월",
    model_forecast: "모델 예측",
    // Catalogue tab
    tab_catalog: "카탈로그",
    catalog_region: "리전",
    catalog_type_filter: "유형 포함",
    catalog_min_vcpu: "vCPU ≥",
    catalog_min_memory: "메모리 GiB ≥",
    catalog_arch: "아키텍처",
    catalog_any: "전체",
    catalog_types: "인스턴스 유형",
    catalog_col_type: "인스턴스 유형",
    catalog_col_od_hour: "온디맨드 $/시간",
    catalog_col_od_month: "온디맨드 $/월",
    catalog_col_ri1: "RI 1년 표준 (실효 $/시간)",
    catalog_col_ri3: "RI 3년 표준 (실효 $/시간)",
    catalog_col_spot: "스팟 $/시간",
    catalog_col_spot_savings: "스팟 절감",
    catalog_col_interruption: "중단 빈도",
    catalog_col_per_vcpu: "vCPU·시간당 $",
    catalog_col_per_gib: "GiB·시간당 $",
    catalog_add_to_plan: "계획에 추가",
    catalog_added: "계획에 추가됨",
    catalog_source: "카탈로그",
    catalog_import: "AWS 가격 파일 가져오기…",
    catalog_importing: "가져오는 중",
    catalog_cancel: "취소",
    catalog_imported: "가져온 카탈로그 사용 중",
    catalog_import_cancelled: "가져오기 취소됨: 사용 중인 카탈로그는 그대로이며 아무것도 기록되지 않았습니다",
    catalog_import_failed: "가져오기 실패",
    catalog_rows_read: "행 읽음",
    catalog_rows_kept: "유지",
    add_scaling_group: "Auto Scaling 그룹 추가",
    // Forecast tab: driver forms and labels
    fc_by_group: "그룹별",
    fc_export_csv: "예측 CSV…",
    fc_plan: "계획",
    fc_intervals: "80% / 95% 구간",
    fc_total_over: "{n}개월 합계: {usd}",
    fc_model_summary: "{model}: {desc} — 검증 구간(held-out) MAPE {mape}% ({n}개월)",
    fc_months_imported: "{n}개월 가져옴",
    fc_no_drivers: "성장 요인 없음: 모든 달이 현재 계획과 같이 청구됩니다 (Auto Scaling 그룹은 시뮬레이션의 해당 월 기준).",
    fc_no_target: "먼저 계획에 매개변수나 항목을 추가하세요.",
    fc_remove: "삭제",
    fc_apply_hint: "Enter를 누르거나 칸을 벗어나면 적용됩니다. 모든 변경은 실행 취소할 수 있습니다.",
    fc_kind_linear: "선형 (월 +n)",
    fc_kind_compound: "복리 성장 (%)",
    fc_kind_logistic: "로지스틱 S-곡선 (상한)",
    fc_kind_seasonal: "계절 계수 (12개월)",
    fc_kind_step: "특정 월의 단계 변화",
    fc_kind_window: "항목 시작 / 종료",
    fc_kind_price: "특정 월의 가격 변경",
    fc_target: "대상",
    fc_parameter: "매개변수",
    fc_item: "항목",
    fc_service: "서비스",
    fc_per_month: "월별 변화량",
    fc_rate: "성장률 %",
    fc_pct_per_month: "월 %",
    fc_pct_per_year: "연 %",
    fc_from: "시작 월 (YYYY-MM, 비우면 계획 시작)",
    fc_cap: "상한",
    fc_logistic_rate: "월 성장 속도 %",
    fc_factors: "계수 (1월–12월)",
    fc_on_month: "월 (YYYY-MM)",
    fc_step_add: "더하기",
    fc_step_multiply: "곱하기",
    fc_value: "값",
    fc_start: "시작 (YYYY-MM, 선택)",
    fc_end: "종료 (YYYY-MM, 선택)",
    fc_scope: "적용 대상",
    fc_multiplier: "가격 배수",
    fc_err_number: "숫자가 아닙니다",
    fc_err_finite: "유한한 숫자여야 합니다 (NaN, 무한대 불가)",
    fc_err_positive: "0보다 커야 합니다",
    fc_err_non_negative: "0 이상이어야 합니다",
    fc_err_above_minus_100: "−100보다 커야 합니다",
    fc_err_month: "월은 YYYY-MM 형식으로 쓰세요 (예: 2027-01)",
    fc_month_names: [
        "1월", "2월", "3월", "4월", "5월", "6월", "7월", "8월", "9월", "10월", "11월", "12월",
    ],
    fc_kind_commitment: "약정 기간 (RI / Savings Plan)",
    fc_commit_start: "시작 (YYYY-MM, 선택: 첫 과금 월)",
    fc_at_term_end: "각 기간이 끝나면",
    fc_renew: "갱신 (선결제 다시, 같은 요금)",
    fc_lapse: "만료 (이후 온디맨드)",
    fc_upfront: "선결제",
    fc_commitment_events: "약정",
    fc_commitments_title: "기간 내 약정",
    fc_renew_default: "갱신 (기본값: 약정 드라이버 없음)",
    fc_owed_after: "기간 이후 남은 약정액",
    fc_commit_inert: "효과 없음: 이 항목은 예약 인스턴스나 Savings Plan으로 구매되지 않았습니다",
    // Scaling tab: allocation strategies and scheduled actions in time zones.
    scaling_purchase: "구매 옵션",
    scaling_od_base: "온디맨드 기본 용량",
    scaling_od_pct: "기본 초과분의 온디맨드 비율(%)",
    scaling_spot_strategy: "스팟 할당 전략",
    scaling_spot_pools: "스팟 풀 수(lowest-price)",
    scaling_od_strategy: "온디맨드 할당 전략",
    scaling_even_spread: "균등 분산(전략 이전의 계획)",
    scaling_scheduled: "예약된 작업",
    scaling_scheduled_hint: "예약된 작업(JSON); \"time_zone\"에는 America/New_York 같은 IANA 이름을 씁니다",
    scaling_time_zone: "시간대",
    scaling_zone_invalid: "IANA 시간대 이름이 아닙니다",
    scaling_fixed_offset: "고정 UTC 오프셋",
    recover_file: "파일",
    recover_unsaved: "저장한 적 없는 새 계획",
};
