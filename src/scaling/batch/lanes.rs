//! The lock-step lanes of [`super`]: [`LANES`] simulations of the lane shape stepping together,
//! each step's arithmetic in AVX-512 vectors (eight f64, u64 or u32 lanes, comparisons into
//! lane masks), the rare per-lane work in [`super::super::simulate`]'s own code.

use super::{L, STEP_S, SimJob};
use crate::scaling::policy::{Comparison, per_unit_at_target};
use crate::scaling::predictive::{self, PredictiveConfig, PredictiveMode};
use crate::scaling::rng::{self, GAMMA};
use crate::scaling::simulate::{
    MonthAcc, Queue, Simulation, SplitTable, StepPolicy, TargetTracking, interruption_probability,
    month_bounds, run_scheduled, spot_rng, step_proposal, steps_of, within,
};
use crate::scaling::{GroupSpec, schedule};
use std::arch::x86_64::*;

/// The state of [`LANES`] simulations stepping together; arrays are indexed by lane, per-step
/// inputs are interleaved (`[step × LANES + lane]`).
struct Lanes<'a> {
    // Inputs per step.
    demand: Vec<f64>,
    /// The predictive floor of the first two weeks ([`predictive::warm_up_table`]), `warm_rows`
    /// rows.
    floor: Vec<u32>,
    warm_rows: usize,
    // Each lane's parameters.
    cap: [f64; L],
    // Lane masks (bit `l` = lane `l`).
    has_tt: u8,
    tt_target: [f64; L],
    /// [`per_unit_at_target`] of the target.
    tt_per_unit: [f64; L],
    tt_low_pct: [f64; L],
    tt_alarm_high: [u32; L],
    tt_alarm_low: [u32; L],
    /// The lane's target-tracking policy may scale in.
    tt_scale_in: u8,
    has_step: u8,
    step_threshold: [f64; L],
    /// The step alarm's comparison as "breached when greater / equal / less".
    step_gt: u8,
    step_eq: u8,
    step_lt: u8,
    step_evaluation: [u32; L],
    /// Lanes with a predictive floor (forecast-and-scale: every step has one); of them, those launching a buffer early (the floor is
    /// the next hour's forecast).
    has_forecast: u8,
    forecast_next_hour: u8,
    /// The demand a unit serves at the forecast's target.
    forecast_per_unit: [f64; L],
    p_interrupt: [f64; L],
    replace_steps: [usize; L],
    // State.
    min: [u32; L],
    max: [u32; L],
    desired: [u32; L],
    in_service: [u32; L],
    tt_high: [u32; L],
    tt_low: [u32; L],
    step_high: [u32; L],
    pred_floor: [u32; L],
    /// Earliest step a replacement unit is ready, and the step of the next scheduled action
    /// (`u64::MAX`: none).
    ready_at: [u64; L],
    sched_at: [u64; L],
    rng: [u64; L],
    replacing_total: [u32; L],
    scale_events: [u32; L],
    spot_interruptions: [u32; L],
    // Per lane, for the rare steps.
    groups: [&'a GroupSpec; L],
    replacing: [Queue; L],
    timeline: [Vec<(usize, usize)>; L],
    sched_i: [usize; L],
    step_policy: [Option<StepPolicy<'a>>; L],
    predictive: [Option<&'a PredictiveConfig>; L],
    split: [SplitTable<'a>; L],
    /// The split of each running capacity ([`crate::scaling::simulate::Split`]), packed:
    /// Spot units in the low 32 bits, On-Demand instances in the high;
    /// `[lane × stride + running]`.
    split_rows: Vec<u64>,
    /// Reserved Instances of each lane's group (On-Demand instances up to this are covered).
    reserved: [u64; L],
    stride: usize,
    /// `lane × stride`.
    lane_offset: [u32; L],
}

/// Simulate 1 ..= [`LANES`] jobs that [`super::runs_in_lanes`] with the same start and demand
/// length.
pub(super) fn simulate(jobs: &[SimJob<'_>]) -> Vec<Simulation> {
    debug_assert!(!jobs.is_empty() && jobs.len() <= L);
    // Unused lanes repeat the first job (their results are dropped).
    let job = |l: usize| jobs[if l < jobs.len() { l } else { 0 }];
    let n = jobs[0].1.len();
    let start = jobs[0].2.start;
    let default_warm = 0; // `runs_in_lanes`
    let tts: [Option<TargetTracking>; L] = std::array::from_fn(|l| {
        let g = job(l).0;
        g.policies.iter().enumerate().find_map(|(i, p)| {
            // No table: the lanes work out the wanted capacity step by step.
            TargetTracking::of(i, p, &[], g.capacity_per_unit, (default_warm, STEP_S))
        })
    });
    let step_policy: [Option<StepPolicy>; L] = std::array::from_fn(|l| {
        let g = job(l).0;
        g.policies
            .iter()
            .enumerate()
            .find_map(|(i, p)| StepPolicy::of(i, p, (default_warm, STEP_S)))
    });
    // Predictive scaling that scales: the forecast capacity of each hour (launched a buffer
    // early: the next hour's) — tabled for the first two weeks
    // ([`predictive::warm_up_table`]), worked out step by step from the demand afterwards.
    let forecasts: [Option<(f64, usize)>; L] = std::array::from_fn(|l| {
        let g = job(l).0;
        g.predictive
            .as_ref()
            .filter(|p| p.mode == PredictiveMode::ForecastAndScale)
            .map(|p| {
                let ahead = steps_of(p.scheduling_buffer_s, STEP_S) > 0;
                (
                    per_unit_at_target(g.capacity_per_unit, p.target_pct),
                    ahead as usize,
                )
            })
    });
    let warm_rows = n.min(predictive::MAX_HISTORY_HOURS);
    let floors: [Vec<u32>; L] = std::array::from_fn(|l| match forecasts[l] {
        Some((per_unit, ahead)) => predictive::warm_up_table(job(l).1, warm_rows, per_unit, ahead),
        None => Vec::new(),
    });
    let demand = interleave(std::array::from_fn(|l| job(l).1), n);
    let floor = interleave(floors.each_ref().map(Vec::as_slice), warm_rows);
    let timeline: [Vec<(usize, usize)>; L] =
        std::array::from_fn(|l| schedule::timeline(&job(l).0.scheduled, start, 60, n));
    let groups: [&GroupSpec; L] = std::array::from_fn(|l| job(l).0);
    let comparison = |l: usize| step_policy[l].as_ref().map(|p| p.alarm.comparison);
    let split = groups.map(SplitTable::of);
    let mut lanes = Lanes {
        demand,
        floor,
        cap: groups.map(|g| g.capacity_per_unit),
        has_tt: lane_mask(|l| tts[l].is_some()),
        tt_target: std::array::from_fn(|l| tts[l].as_ref().map_or(0.0, |p| p.target_pct)),
        tt_per_unit: std::array::from_fn(|l| {
            tts[l].as_ref().map_or(1.0, |p| {
                per_unit_at_target(groups[l].capacity_per_unit, p.target_pct)
            })
        }),
        tt_low_pct: std::array::from_fn(|l| tts[l].as_ref().map_or(0.0, |p| p.low_pct)),
        tt_alarm_high: std::array::from_fn(|l| tts[l].as_ref().map_or(0, |p| p.alarm_high_minutes)),
        tt_alarm_low: std::array::from_fn(|l| tts[l].as_ref().map_or(0, |p| p.alarm_low_minutes)),
        tt_scale_in: lane_mask(|l| tts[l].as_ref().is_some_and(|p| !p.disable_scale_in)),
        has_step: lane_mask(|l| step_policy[l].is_some()),
        step_threshold: std::array::from_fn(|l| {
            step_policy[l].as_ref().map_or(0.0, |p| p.alarm.threshold)
        }),
        step_gt: lane_mask(|l| {
            matches!(
                comparison(l),
                Some(Comparison::GreaterThan | Comparison::GreaterThanOrEqual)
            )
        }),
        step_eq: lane_mask(|l| {
            matches!(
                comparison(l),
                Some(Comparison::GreaterThanOrEqual | Comparison::LessThanOrEqual)
            )
        }),
        step_lt: lane_mask(|l| {
            matches!(
                comparison(l),
                Some(Comparison::LessThan | Comparison::LessThanOrEqual)
            )
        }),
        step_evaluation: std::array::from_fn(|l| {
            step_policy[l]
                .as_ref()
                .map_or(0, |p| p.alarm.evaluation_minutes)
        }),
        has_forecast: lane_mask(|l| forecasts[l].is_some()),
        forecast_next_hour: lane_mask(|l| forecasts[l].is_some_and(|f| f.1 == 1)),
        forecast_per_unit: std::array::from_fn(|l| forecasts[l].map_or(1.0, |f| f.0)),
        warm_rows,
        p_interrupt: std::array::from_fn(|l| interruption_probability(job(l).2)),
        replace_steps: groups.map(|g| steps_of(g.replacement_delay_s, STEP_S).max(1)),
        min: groups.map(|g| g.min),
        max: groups.map(|g| g.max),
        desired: groups.map(|g| g.desired),
        in_service: groups.map(|g| g.desired),
        tt_high: [0; L],
        tt_low: [0; L],
        step_high: [0; L],
        pred_floor: [0; L],
        ready_at: [u64::MAX; L],
        sched_at: std::array::from_fn(|l| timeline[l].first().map_or(u64::MAX, |s| s.0 as u64)),
        rng: std::array::from_fn(|l| spot_rng(job(l).2).state()),
        replacing_total: [0; L],
        scale_events: [0; L],
        spot_interruptions: [0; L],
        groups,
        replacing: std::array::from_fn(|_| Queue::new()),
        timeline,
        sched_i: [0; L],
        step_policy,
        predictive: groups.map(|g| g.predictive.as_ref()),
        reserved: split.each_ref().map(|s| s.reserved),
        split,
        split_rows: Vec::new(),
        stride: 0,
        lane_offset: [0; L],
    };
    // Room for the starting capacities; the table doubles when a lane runs more.
    let largest = groups.iter().map(|g| g.desired).max().unwrap_or(0);
    lanes.widen_split(largest);

    let (months, month_ends) = month_bounds(start, 60, n);
    let mut months: [Vec<_>; L] = std::array::from_fn(|_| months.clone());
    let mut month_start = 0;
    for (mi, &month_end) in month_ends.iter().enumerate() {
        // SAFETY: `runs_in_lanes` admits jobs only on a processor with the features `steps`
        // is compiled for.
        let totals = unsafe { lanes.steps(month_start, month_end) };
        for (lane_months, mut acc) in months.iter_mut().zip(totals) {
            acc.flush(&mut lane_months[mi], 1.0);
        }
        lanes.scale_events = [0; L];
        lanes.spot_interruptions = [0; L];
        month_start = month_end;
    }
    months
        .into_iter()
        .take(jobs.len())
        .map(|mut months| {
            months.retain(|m| m.hours > 0.0);
            Simulation {
                start,
                step_minutes: 60,
                steps: Vec::new(),
                events: Vec::new(),
                months,
                hourly_capacity: Vec::new(),
                hourly_on_demand: Vec::new(),
            }
        })
        .collect()
}

impl Lanes<'_> {
    /// Steps `from..to` (one month's) and each lane's totals of them (part 7).
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn steps(&mut self, from: usize, to: usize) -> [MonthAcc; L] {
        let mut totals = Totals::new();
        for t in from..to {
            let (d, in_service, running, row) = self.step(t);
            totals.add(d, in_service, running, row, self);
        }
        totals.month(to - from, self)
    }

    /// One step of every lane; returns its demand, the units then in service, the running units
    /// and their split (packed as in `split_rows`). Each numbered part
    /// is [`super::simulate`]'s part of that number, the same IEEE operations lane by lane
    /// (comparisons are ordered and quiet: false with NaN, like Rust's).
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn step(&mut self, t: usize) -> (__m512d, __m256i, __m256i, __m512i) {
        let now = _mm512_set1_epi64(t as i64);
        let zero32 = _mm256_setzero_si256();
        let one32 = _mm256_set1_epi32(1);
        let minutes = _mm256_set1_epi32(60);
        let d = load_f(&self.demand, t);
        // 1. Replacement units ready.
        if _mm512_cmpge_epu64_mask(now, ld_q(&self.ready_at)) != 0 {
            self.take_ready(t);
        }
        let before = ld_u(&self.desired);
        // 2. Scheduled actions.
        if _mm512_cmpeq_epu64_mask(now, ld_q(&self.sched_at)) != 0 {
            self.run_scheduled(t);
        }
        // 3. Predictive floor (and maximum raised for it).
        if self.has_forecast != 0 {
            let f = if t < self.warm_rows {
                load_u(&self.floor, t)
            } else {
                self.forecast(t)
            };
            let floor = _mm256_mask_mov_epi32(ld_u(&self.pred_floor), self.has_forecast, f);
            st_u(&mut self.pred_floor, floor);
            let raise = self.has_forecast & _mm256_cmpgt_epu32_mask(f, ld_u(&self.max));
            if raise != 0 {
                let mut forecast = [0; L];
                st_u(&mut forecast, f);
                self.raise_max(raise, forecast);
            }
        }
        let (min, max) = (ld_u(&self.min), ld_u(&self.max));
        let within = |v| _mm256_min_epu32(_mm256_max_epu32(v, min), max);
        // 4. Metric, target tracking, step policy.
        let in_service = ld_u(&self.in_service);
        let some = _mm256_test_epi32_mask(in_service, in_service);
        let served = _mm512_mul_pd(_mm512_cvtepu32_pd(in_service), ld_f(&self.cap));
        let m = _mm512_mul_pd(_mm512_div_pd(d, served), _mm512_set1_pd(100.0));
        let desired = ld_u(&self.desired);
        let (mut tt_out, mut tt_in) = (zero32, zero32);
        if self.has_tt != 0 {
            let w = wanted(d, ld_f(&self.tt_per_unit));
            let above = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(m, ld_f(&self.tt_target));
            let busy = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(d, _mm512_setzero_pd());
            let high_minutes = _mm256_mask_mov_epi32(
                _mm256_maskz_mov_epi32(busy, ld_u(&self.tt_alarm_high)),
                some,
                _mm256_maskz_add_epi32(above, ld_u(&self.tt_high), minutes),
            );
            let below = some & _mm512_cmp_pd_mask::<_CMP_LT_OQ>(m, ld_f(&self.tt_low_pct));
            let low_minutes = _mm256_maskz_add_epi32(below, ld_u(&self.tt_low), minutes);
            st_u(&mut self.tt_high, high_minutes);
            st_u(&mut self.tt_low, low_minutes);
            let high =
                self.has_tt & _mm256_cmpge_epu32_mask(high_minutes, ld_u(&self.tt_alarm_high));
            let low =
                self.tt_scale_in & _mm256_cmpge_epu32_mask(low_minutes, ld_u(&self.tt_alarm_low));
            let wanted = _mm256_mask_mov_epi32(desired, high | low, within(w));
            tt_out =
                _mm256_maskz_mov_epi32(high & _mm256_cmpgt_epu32_mask(wanted, desired), wanted);
            // Scale-in capacity + 1 (0: none).
            tt_in = _mm256_maskz_add_epi32(
                low & _mm256_cmplt_epu32_mask(wanted, desired),
                wanted,
                one32,
            );
        }
        let threshold = ld_f(&self.step_threshold);
        let breached = (self.step_gt & _mm512_cmp_pd_mask::<_CMP_GT_OQ>(m, threshold))
            | (self.step_eq & _mm512_cmp_pd_mask::<_CMP_EQ_OQ>(m, threshold))
            | (self.step_lt & _mm512_cmp_pd_mask::<_CMP_LT_OQ>(m, threshold));
        let step_minutes = _mm256_maskz_add_epi32(some & breached, ld_u(&self.step_high), minutes);
        st_u(&mut self.step_high, step_minutes);
        let propose = self.has_step
            & some
            & _mm256_cmpge_epu32_mask(step_minutes, ld_u(&self.step_evaluation));
        let (mut step_out, mut step_in) = ([0u32; L], [0u32; L]);
        if propose != 0 {
            let mut metric = [0.0; L];
            st_f(&mut metric, m);
            self.step_proposals(propose, &metric, &mut step_out, &mut step_in);
        }
        // The largest scale-out, else the largest scale-in; the predictive floor; the limits.
        let out = _mm256_max_epu32(tt_out, ld_u(&step_out));
        let scale_in = _mm256_max_epu32(tt_in, ld_u(&step_in));
        let mut new = _mm256_mask_sub_epi32(
            desired,
            _mm256_test_epi32_mask(scale_in, scale_in),
            scale_in,
            one32,
        );
        new = _mm256_mask_mov_epi32(new, _mm256_test_epi32_mask(out, out), out);
        let floor = ld_u(&self.pred_floor);
        new = _mm256_mask_mov_epi32(new, _mm256_cmpgt_epu32_mask(floor, new), within(floor));
        new = within(new);
        let events = ld_u(&self.scale_events);
        let changed = _mm256_cmpneq_epu32_mask(new, before);
        st_u(
            &mut self.scale_events,
            _mm256_mask_add_epi32(events, changed, events, one32),
        );
        st_u(&mut self.desired, new);
        // 5. Reconcile running units with desired (replacements removed lane by lane).
        let replacing = ld_u(&self.replacing_total);
        let now_running = _mm256_add_epi32(in_service, replacing);
        let top = _mm256_max_epu32(now_running, new);
        let (excess, missing) = (
            _mm256_sub_epi32(top, new),
            _mm256_sub_epi32(top, now_running),
        );
        let remove =
            _mm256_test_epi32_mask(excess, excess) & _mm256_test_epi32_mask(replacing, replacing);
        let removed = _mm256_maskz_mov_epi32(!remove, _mm256_min_epu32(excess, in_service));
        st_u(
            &mut self.in_service,
            _mm256_sub_epi32(_mm256_add_epi32(in_service, missing), removed),
        );
        if remove != 0 {
            self.remove_replacements(remove);
        }
        let in_service = ld_u(&self.in_service);
        let running = _mm256_add_epi32(in_service, ld_u(&self.replacing_total));
        // 6. Spot interruptions.
        if _mm256_cmpge_epu32_mask(running, _mm256_set1_epi32(self.stride as i32)) != 0 {
            let mut r = [0u32; L];
            st_u(&mut r, running);
            self.widen_split(r.iter().copied().max().unwrap_or(0));
        }
        let index = _mm256_add_epi32(ld_u(&self.lane_offset), running);
        // SAFETY: lane `l`'s index is `l × stride + running`, and every running capacity is
        // below `stride` (widened just above), so each lies inside `split_rows`
        // (`LANES × stride`).
        let row = unsafe { _mm512_i32gather_epi64::<8>(index, self.split_rows.as_ptr().cast()) };
        let spot = _mm512_cvtepi64_epi32(row);
        let p = ld_f(&self.p_interrupt);
        let draw = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(p, _mm512_setzero_pd())
            & _mm256_test_epi32_mask(spot, spot);
        let state = _mm512_add_epi64(ld_q(&self.rng), _mm512_set1_epi64(GAMMA as i64));
        let kept = _mm512_mask_mov_epi64(ld_q(&self.rng), draw, state);
        st_q(&mut self.rng, kept);
        let mut z = state;
        z = _mm512_mullo_epi64(
            _mm512_xor_si512(z, _mm512_srli_epi64::<30>(z)),
            _mm512_set1_epi64(rng::MIX_1 as i64),
        );
        z = _mm512_mullo_epi64(
            _mm512_xor_si512(z, _mm512_srli_epi64::<27>(z)),
            _mm512_set1_epi64(rng::MIX_2 as i64),
        );
        z = _mm512_xor_si512(z, _mm512_srli_epi64::<31>(z));
        let unit = _mm512_mul_pd(
            _mm512_cvtepi64_pd(_mm512_srli_epi64::<11>(z)),
            _mm512_set1_pd(rng::UNIT),
        );
        let serving = _mm256_min_epu32(spot, in_service);
        let x = _mm512_add_pd(_mm512_mul_pd(_mm512_cvtepu32_pd(serving), p), unit);
        let hit = draw & _mm512_cmp_pd_mask::<_CMP_GE_OQ>(x, _mm512_set1_pd(1.0));
        if hit != 0 {
            let (mut xs, mut ss) = ([0.0; L], [0u32; L]);
            st_f(&mut xs, x);
            st_u(&mut ss, serving);
            self.interrupt(t, hit, &xs, &ss);
        }
        (d, ld_u(&self.in_service), running, row)
    }

    /// The predictive floor at step `t` from two weeks on: [`predictive::capacity_for`] the
    /// mean of the demand a week and two weeks before the forecast hour (`t`, or `t + 1`
    /// launching a buffer early).
    #[inline]
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn forecast(&self, t: usize) -> __m256i {
        const WEEK: usize = 7 * 24;
        let back = |weeks: usize| {
            let at = t - weeks * WEEK;
            _mm512_mask_mov_pd(
                load_f(&self.demand, at),
                self.forecast_next_hour,
                load_f(&self.demand, at + 1),
            )
        };
        let load = _mm512_div_pd(_mm512_add_pd(back(1), back(2)), _mm512_set1_pd(2.0));
        let per_unit = ld_f(&self.forecast_per_unit);
        let (units, beyond) = ceil_units(_mm512_div_pd(load, per_unit));
        let beyond = beyond & self.has_forecast;
        if beyond == 0 {
            return units;
        }
        self.forecast_beyond_u32(units, beyond, load, per_unit)
    }

    /// [`Self::forecast`] for lanes of `beyond`: capacities from 2^32 units on, which
    /// [`predictive::capacity_for`] wraps.
    #[cold]
    #[inline(never)]
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn forecast_beyond_u32(
        &self,
        units: __m256i,
        beyond: u8,
        load: __m512d,
        per_unit: __m512d,
    ) -> __m256i {
        let (mut units_l, mut load_l, mut per_unit_l) = ([0u32; L], [0.0; L], [0.0; L]);
        st_u(&mut units_l, units);
        st_f(&mut load_l, load);
        st_f(&mut per_unit_l, per_unit);
        for l in lanes_of(beyond) {
            units_l[l] = predictive::capacity_for(load_l[l], per_unit_l[l]);
        }
        ld_u(&units_l)
    }

    #[cold]
    #[inline(never)]
    fn take_ready(&mut self, t: usize) {
        for l in 0..L {
            if t as u64 >= self.ready_at[l] {
                self.in_service[l] += self.replacing[l].take_ready(t);
                self.ready_at[l] = self.replacing[l].next as u64;
                self.replacing_total[l] = self.replacing[l].total;
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn run_scheduled(&mut self, t: usize) {
        for l in 0..L {
            if t as u64 == self.sched_at[l] {
                let timeline = &self.timeline[l];
                let before = self.desired[l];
                self.sched_i[l] = run_scheduled(
                    &self.groups[l].scheduled,
                    timeline,
                    self.sched_i[l],
                    before,
                    (&mut self.min[l], &mut self.max[l], &mut self.desired[l]),
                    &mut None,
                );
                self.sched_at[l] = timeline
                    .get(self.sched_i[l])
                    .map_or(u64::MAX, |s| s.0 as u64);
                self.desired[l] = within(self.desired[l], self.min[l], self.max[l]);
            }
        }
    }

    /// The forecast `f` above the maximum in the lanes of `mask`.
    #[cold]
    #[inline(never)]
    fn raise_max(&mut self, mask: u8, f: [u32; L]) {
        for l in lanes_of(mask) {
            if let Some(p) = self.predictive[l] {
                self.max[l] = p.raised_max(f[l], self.max[l]);
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn step_proposals(
        &mut self,
        mask: u8,
        m: &[f64; L],
        out: &mut [u32; L],
        scale_in: &mut [u32; L],
    ) {
        for l in lanes_of(mask) {
            let Some(p) = self.step_policy[l].as_ref() else {
                continue;
            };
            let desired = self.desired[l];
            match step_proposal(p, m[l], desired, 0, self.min[l], self.max[l]) {
                Some(new) if new > desired => out[l] = new,
                Some(new) if new < desired => scale_in[l] = new + 1,
                _ => {}
            }
        }
    }

    /// Part 5 for the lanes of `mask` (above desired, with replacements under way): the
    /// newest replacements go first.
    #[cold]
    #[inline(never)]
    fn remove_replacements(&mut self, mask: u8) {
        for l in lanes_of(mask) {
            let queue = &mut self.replacing[l];
            let mut k = self.in_service[l] + queue.total - self.desired[l];
            k -= queue.remove_newest(k);
            self.ready_at[l] = queue.next as u64;
            self.in_service[l] -= k.min(self.in_service[l]);
            self.replacing_total[l] = queue.total;
        }
    }

    /// Spot interruptions in the lanes of `mask`: `x` = the draw, `serving` = Spot units in
    /// service.
    #[cold]
    #[inline(never)]
    fn interrupt(&mut self, t: usize, mask: u8, x: &[f64; L], serving: &[u32; L]) {
        for l in lanes_of(mask) {
            let k = (x[l] as u32).min(serving[l]);
            self.in_service[l] -= k;
            let queue = &mut self.replacing[l];
            queue.push(t + self.replace_steps[l], k);
            self.ready_at[l] = self.ready_at[l].min(queue.next as u64);
            self.replacing_total[l] = queue.total;
            self.spot_interruptions[l] += k;
        }
    }

    /// Make room in the Spot table for running capacities up to `running`.
    #[cold]
    #[inline(never)]
    fn widen_split(&mut self, running: u32) {
        let stride = (running as usize + 1).max(2 * self.stride).max(16);
        self.split_rows = vec![0; L * stride];
        for (l, split) in self.split.iter_mut().enumerate() {
            split.get(stride as u32 - 1);
            for (n, row) in split.rows[..stride].iter().enumerate() {
                // On-Demand instances are at most the running units (a u32).
                self.split_rows[l * stride + n] = row.spot as u64 | row.od_instances << 32;
            }
            self.lane_offset[l] = (l * stride) as u32;
        }
        self.stride = stride;
    }
}

/// The first `n` values of each lane's series, interleaved (`[step × LANES + lane]`); past
/// the end of a shorter series, the default (a lane's predictive table can end early; the
/// steps never read past it).
fn interleave<T: Copy + Default>(series: [&[T]; L], n: usize) -> Vec<T> {
    let series = series.map(|s| &s[..s.len().min(n)]);
    let common = series.iter().map(|s| s.len()).min().unwrap_or(0);
    let mut out = vec![T::default(); n * L];
    // Row by row: each row is written whole (a cache line of f64).
    let (head, tail) = out.split_at_mut(common * L);
    for (t, row) in head.chunks_exact_mut(L).enumerate() {
        for (x, s) in row.iter_mut().zip(&series) {
            *x = s[t];
        }
    }
    for (t, row) in (common..).zip(tail.chunks_exact_mut(L)) {
        for (x, s) in row.iter_mut().zip(&series) {
            *x = s.get(t).copied().unwrap_or_default();
        }
    }
    out
}

/// The mask of the lanes `f` holds for.
fn lane_mask(f: impl Fn(usize) -> bool) -> u8 {
    (0..L).filter(|&l| f(l)).fold(0, |m, l| m | 1 << l)
}

/// The lanes of a mask.
fn lanes_of(mask: u8) -> impl Iterator<Item = usize> {
    (0..L).filter(move |l| mask & 1 << l != 0)
}

/// Each lane's month totals being summed, as [`crate::scaling::simulate::add_steps`] sums
/// them, the same operations in the same order (scale events and interruptions are counted by
/// the steps).
struct Totals {
    demand: __m512d,
    unmet: __m512d,
    utilisation: __m512d,
    od_instances: __m512i,
    covered: __m512i,
    spot: __m512i,
    running: __m512i,
    unmet_steps: __m512i,
}

impl Totals {
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn new() -> Totals {
        Totals {
            demand: _mm512_setzero_pd(),
            unmet: _mm512_setzero_pd(),
            utilisation: _mm512_setzero_pd(),
            od_instances: _mm512_setzero_si512(),
            covered: _mm512_setzero_si512(),
            spot: _mm512_setzero_si512(),
            running: _mm512_setzero_si512(),
            unmet_steps: _mm512_setzero_si512(),
        }
    }

    /// Add a step: demand `d`, units in service, running units and their packed split.
    #[inline]
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn add(
        &mut self,
        d: __m512d,
        in_service: __m256i,
        running: __m256i,
        row: __m512i,
        lanes: &Lanes,
    ) {
        let zero = _mm512_setzero_pd();
        let served = _mm512_mul_pd(_mm512_cvtepu32_pd(in_service), ld_f(&lanes.cap));
        // `max` returns its second operand when the first is NaN, as `f64::max` returns the
        // number.
        let unmet = _mm512_max_pd(_mm512_sub_pd(d, served), zero);
        self.demand = _mm512_add_pd(self.demand, d);
        self.unmet = _mm512_add_pd(self.unmet, unmet);
        let short = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(unmet, zero);
        self.unmet_steps = _mm512_mask_add_epi64(
            self.unmet_steps,
            short,
            self.unmet_steps,
            _mm512_set1_epi64(1),
        );
        let some = _mm256_test_epi32_mask(in_service, in_service);
        let busy = !some & _mm512_cmp_pd_mask::<_CMP_GT_OQ>(d, zero);
        let ratio = _mm512_mul_pd(_mm512_div_pd(d, served), _mm512_set1_pd(100.0));
        self.utilisation = _mm512_mask_add_pd(self.utilisation, some, self.utilisation, ratio);
        self.utilisation = _mm512_mask_add_pd(
            self.utilisation,
            busy,
            self.utilisation,
            _mm512_set1_pd(100.0),
        );
        let od_instances = _mm512_srli_epi64::<32>(row);
        self.spot = _mm512_add_epi64(
            self.spot,
            _mm512_and_si512(row, _mm512_set1_epi64(u32::MAX as i64)),
        );
        self.od_instances = _mm512_add_epi64(self.od_instances, od_instances);
        self.covered = _mm512_add_epi64(
            self.covered,
            _mm512_min_epu64(od_instances, ld_q(&lanes.reserved)),
        );
        self.running = _mm512_add_epi64(self.running, _mm512_cvtepu32_epi64(running));
    }

    /// The totals of `steps` steps, lane by lane.
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn month(&self, steps: usize, lanes: &Lanes) -> [MonthAcc; L] {
        let lanes_f = |v: __m512d| {
            let mut a = [0.0; L];
            st_f(&mut a, v);
            a
        };
        let lanes_q = |v: __m512i| {
            let mut a = [0u64; L];
            st_q(&mut a, v);
            a
        };
        let (demand, unmet, utilisation) = (
            lanes_f(self.demand),
            lanes_f(self.unmet),
            lanes_f(self.utilisation),
        );
        let [od_instances, covered, spot, running, unmet_steps] = [
            self.od_instances,
            self.covered,
            self.spot,
            self.running,
            self.unmet_steps,
        ]
        .map(lanes_q);
        std::array::from_fn(|l| MonthAcc {
            steps: steps as u64,
            od_instances: od_instances[l],
            covered: covered[l],
            spot_units: spot[l],
            running_units: running[l],
            demand: demand[l],
            unmet: unmet[l],
            unmet_steps: unmet_steps[l],
            utilisation: utilisation[l],
            scale_events: lanes.scale_events[l],
            spot_interruptions: lanes.spot_interruptions[l],
        })
    }
}

/// Target tracking's wanted capacity for demand `d`
/// ([`crate::scaling::simulate::wanted_table`]'s expression:
/// `d / per_unit` rounded up, NaN as 0, held within u32).
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn wanted(d: __m512d, per_unit: __m512d) -> __m256i {
    ceil_units(_mm512_div_pd(d, per_unit)).0
}

/// The capacity for `x` units of load, `ceil(max(x − |x| × 10⁻¹², 0))` (NaN as 0) — the
/// expression of [`crate::scaling::policy::target_tracking_capacity`] — held within u32,
/// and the lanes where it is above `u32::MAX` (held as `u32::MAX`).
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn ceil_units(x: __m512d) -> (__m256i, u8) {
    const MOST: f64 = u32::MAX as f64;
    let nudged = _mm512_sub_pd(x, _mm512_mul_pd(_mm512_abs_pd(x), _mm512_set1_pd(1e-12)));
    // `max` returns its second operand (0) when the first is NaN, as `f64::max` does.
    let c = _mm512_max_pd(nudged, _mm512_setzero_pd());
    let beyond = _mm512_cmp_pd_mask::<_CMP_GT_OQ>(c, _mm512_set1_pd(MOST));
    let c = _mm512_min_pd(c, _mm512_set1_pd(MOST));
    let whole = _mm512_cvttpd_epu32(c);
    let up = _mm512_cmp_pd_mask::<_CMP_LT_OQ>(_mm512_cvtepu32_pd(whole), c);
    (
        _mm256_mask_add_epi32(whole, up, whole, _mm256_set1_epi32(1)),
        beyond,
    )
}

// Lane arrays in and out of vector registers; `load_*` read step `t`'s row of an interleaved
// series.
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn ld_f(a: &[f64; L]) -> __m512d {
    // SAFETY: `a` holds eight f64 (unaligned loads and stores need no alignment).
    unsafe { _mm512_loadu_pd(a.as_ptr()) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn st_f(a: &mut [f64; L], v: __m512d) {
    // SAFETY: as in `ld_f`.
    unsafe { _mm512_storeu_pd(a.as_mut_ptr(), v) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn ld_u(a: &[u32; L]) -> __m256i {
    // SAFETY: `a` holds eight u32 (256 bits).
    unsafe { _mm256_loadu_si256(a.as_ptr().cast()) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn st_u(a: &mut [u32; L], v: __m256i) {
    // SAFETY: as in `ld_u`.
    unsafe { _mm256_storeu_si256(a.as_mut_ptr().cast(), v) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn ld_q(a: &[u64; L]) -> __m512i {
    // SAFETY: `a` holds eight u64 (512 bits).
    unsafe { _mm512_loadu_epi64(a.as_ptr().cast()) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn st_q(a: &mut [u64; L], v: __m512i) {
    // SAFETY: as in `ld_q`.
    unsafe { _mm512_storeu_epi64(a.as_mut_ptr().cast(), v) }
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn load_f(series: &[f64], t: usize) -> __m512d {
    ld_f(
        series[t * L..][..L]
            .try_into()
            .expect("a row of LANES values"),
    )
}
#[inline]
#[target_feature(enable = "avx512f,avx512dq,avx512vl")]
fn load_u(series: &[u32], t: usize) -> __m256i {
    ld_u(
        series[t * L..][..L]
            .try_into()
            .expect("a row of LANES values"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaling::policy::target_tracking_capacity;
    use crate::scaling::rng::SplitMix64;

    /// The lanes' ceilings equal the scalar ones for any load: target tracking's wanted
    /// capacity ([`target_tracking_capacity`], held within u32) and the forecast's
    /// ([`predictive::capacity_for`], wrapping from 2^32 units) — exact fits, a hair either side
    /// of whole units, 2^32 units and beyond, zero, NaN and infinity.
    #[test]
    fn vector_ceilings_equal_the_scalar_ones() {
        if !crate::scaling::wide::has_avx512() {
            return;
        }
        let mut r = SplitMix64::new(11);
        let per_units = [40.0, 240.0, 83.25, 1.0];
        let mut loads = vec![0.0, f64::NAN, f64::INFINITY, -5.0, 1e300];
        for units in [
            1.0,
            7.0,
            4_294_967_295.0,
            4_294_967_296.0,
            4_294_967_297.0,
            1e17,
        ] {
            for per_unit in per_units {
                for nudge in [1.0, 1.0 + 1e-13, 1.0 + 1e-9, 1.0 - 1e-9] {
                    loads.push(units * per_unit * nudge);
                }
            }
        }
        for k in 0..4000 {
            loads.push(r.next_f64() * 10f64.powi(k % 14));
        }
        for chunk in loads.chunks(L) {
            let mut d = [0.0; L];
            d[..chunk.len()].copy_from_slice(chunk);
            for per_unit in per_units {
                // SAFETY: the processor has the features (checked above).
                let (want, forecast) = unsafe { both(&d, per_unit) };
                for l in 0..L {
                    let expected = target_tracking_capacity(d[l], per_unit, 100.0);
                    assert_eq!(
                        want[l] as i64,
                        expected.clamp(0, u32::MAX as i64),
                        "{}",
                        d[l]
                    );
                    let expected = predictive::capacity_for(d[l], per_unit);
                    assert_eq!(forecast[l], expected, "{} / {per_unit}", d[l]);
                }
            }
        }
    }

    /// `wanted` and the forecast's ceiling (with its fallback from 2^32) of each lane of `d`.
    #[target_feature(enable = "avx512f,avx512dq,avx512vl")]
    fn both(d: &[f64; L], per_unit: f64) -> ([u32; L], [u32; L]) {
        let (mut want, mut forecast) = ([0; L], [0; L]);
        let (x, p) = (ld_f(d), _mm512_set1_pd(per_unit));
        st_u(&mut want, wanted(x, p));
        let (units, beyond) = ceil_units(_mm512_div_pd(x, p));
        st_u(&mut forecast, units);
        for l in lanes_of(beyond) {
            forecast[l] = predictive::capacity_for(d[l], per_unit);
        }
        (want, forecast)
    }
}
