//! When a commitment's terms run, on a month axis: the one place the term arithmetic lives.
//!
//! A Reserved Instance or Savings Plan bought in month `start` runs for `term_months` calendar
//! months (12 or 36) and is billed every one of them, used or not ("with Reserved Instances,
//! you pay for the entire term regardless of actual use", Amazon EC2 Reserved Instances and
//! Other AWS Reservation Models whitepaper, docs.aws.amazon.com/whitepapers/latest/
//! cost-optimization-reservation-models/reserved-instances-billing.html). Its upfront fee is
//! paid when a term starts. When `renew` is set a new term starts the month the previous
//! one ends — but only while the item is still in use (`last_used`); a term already running when
//! the item stops is still owed to its end.
//!
//! Used by [`super::cashflow`] (terms from month 0 of a comparison, always renewed) and by
//! `forecast::project` (terms from the commitment's start month, renewal per item).

/// A commitment's terms on a month axis (month indices relative to any origin; may be negative).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermSchedule {
    /// Month the first term starts.
    pub start: i32,
    /// Length of one term, months (12 or 36).
    pub term_months: i32,
    /// Whether a new term starts when one ends.
    pub renew: bool,
    /// Last month the committed item is in use (no renewal starts after it); `None` = always.
    pub last_used: Option<i32>,
}

impl TermSchedule {
    /// Terms from month 0, renewed for ever: the purchase comparison's assumption.
    pub fn renewed_from_zero(term_months: u32) -> TermSchedule {
        TermSchedule {
            start: 0,
            term_months: term_months.max(1) as i32,
            renew: true,
            last_used: None,
        }
    }

    /// Index of the term (0 = the first) that covers month `t`, or `None` when no term does
    /// (before the start, after an expiry without renewal, or after the item stopped and its
    /// last term ended).
    pub fn term_of(&self, t: i32) -> Option<i32> {
        if t < self.start {
            return None;
        }
        let k = (t - self.start) / self.term_months;
        if k == 0 {
            return Some(0);
        }
        if !self.renew {
            return None;
        }
        // Term k exists if every renewal up to it started while the item was still in use;
        // renewal months increase, so checking the last one is enough.
        let renewed_at = self.start + k * self.term_months;
        match self.last_used {
            Some(e) if renewed_at > e => None,
            _ => Some(k),
        }
    }

    /// Month the term covering `t` started (its rates were fixed then), if a term covers `t`.
    pub fn term_start(&self, t: i32) -> Option<i32> {
        self.term_of(t).map(|k| self.start + k * self.term_months)
    }

    /// Whether a term starts in month `t` (the month its upfront fee is paid).
    pub fn starts_term(&self, t: i32) -> bool {
        self.term_of(t).is_some() && (t - self.start) % self.term_months == 0
    }

    /// Last month of the term covering `t`, if one does.
    pub fn term_end(&self, t: i32) -> Option<i32> {
        self.term_of(t)
            .map(|k| self.start + (k + 1) * self.term_months - 1)
    }

    /// Months of the term running in the horizon's last month (`horizon − 1`) that fall after a
    /// horizon of `horizon` months: still owed, but not part of the horizon's total.
    pub fn months_owed_after(&self, horizon: i32) -> i32 {
        self.term_end(horizon - 1)
            .map_or(0, |end| (end + 1 - horizon).max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A 1-year term bought in month 0 and renewed: terms start in months 0, 12, 24 (the
    // "months 1, 13, 25" of a 36-month comparison, `cashflow`'s rule).
    #[test]
    fn renewed_one_year_terms_start_every_twelve_months() {
        let s = TermSchedule::renewed_from_zero(12);
        let starts: Vec<i32> = (0..36).filter(|&t| s.starts_term(t)).collect();
        assert_eq!(starts, vec![0, 12, 24]);
        assert_eq!(s.months_owed_after(36), 0);
        // A 30-month horizon ends 6 months into the third term: 6 months are still owed,
        // as `cashflow` had it: (12 − 30 mod 12) mod 12 = 6.
        assert_eq!(s.months_owed_after(30), 6);
        for h in 1..=120 {
            for tm in [12, 36] {
                let s = TermSchedule::renewed_from_zero(tm as u32);
                assert_eq!(s.months_owed_after(h), (tm - h % tm) % tm, "h={h} tm={tm}");
            }
        }
    }

    #[test]
    fn without_renewal_the_term_ends_and_nothing_more_is_owed() {
        let s = TermSchedule {
            start: 3,
            term_months: 12,
            renew: false,
            last_used: None,
        };
        assert_eq!(s.term_of(2), None);
        assert_eq!(s.term_of(3), Some(0));
        assert_eq!(s.term_of(14), Some(0));
        assert_eq!(s.term_of(15), None);
        assert_eq!(s.term_end(10), Some(14));
        assert_eq!(s.months_owed_after(10), 5);
        assert_eq!(s.months_owed_after(20), 0);
    }

    // An item that stops in month 17 of a renewed 1-year commitment: the second term (12..23)
    // started while it ran, so it is owed to month 23; no third term starts.
    #[test]
    fn a_stopped_item_owes_its_running_term_and_renews_no_more() {
        let s = TermSchedule {
            start: 0,
            term_months: 12,
            renew: true,
            last_used: Some(17),
        };
        assert_eq!(s.term_of(23), Some(1));
        assert_eq!(s.term_of(24), None);
        assert!(!s.starts_term(24));
        assert_eq!(s.months_owed_after(20), 4);
    }

    // A term bought before the horizon (month −6) covers months −6..5; its fee was paid before.
    #[test]
    fn a_term_started_before_the_origin_runs_out_inside_it() {
        let s = TermSchedule {
            start: -6,
            term_months: 12,
            renew: false,
            last_used: None,
        };
        assert_eq!(s.term_of(0), Some(0));
        assert_eq!(s.term_of(5), Some(0));
        assert_eq!(s.term_of(6), None);
        assert!((0..36).all(|t| !s.starts_term(t)));
    }
}
