//! Custom lines: a fixed monthly (and optional upfront) amount the user enters, priced as given.

use super::line::{Ctx, Line, Pricing};
use crate::plan::CustomLine;
use std::borrow::Cow;

/// Push the item's entered monthly and upfront amount as one fixed line (no catalogue lookup).
pub fn lines<'a>(ctx: &Ctx<'a>, c: &'a CustomLine, out: &mut Vec<Line<'a>>) {
    let monthly = ctx.num(&c.monthly_usd, "custom.monthly_usd");
    let upfront = ctx.num(&c.upfront_usd, "custom.upfront_usd");
    let mut l = Line::new(ctx, "Fixed amount", "custom", "monthly", 1.0, "month");
    if !c.note.is_empty() {
        l = l.note(Cow::Owned(c.note.clone()));
    }
    l.pricing = Pricing::Fixed { monthly, upfront };
    out.push(l);
}
