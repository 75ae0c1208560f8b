//! DynamoDB tables: on-demand request units or provisioned capacity, and storage.
//!
//! Billing rules (aws.amazon.com/dynamodb/pricing): on-demand tables pay per write request
//! unit and per read request unit; provisioned tables pay per WCU-hour and RCU-hour for the
//! capacity held, i.e. `units × 730 h` a month; storage per GB-month (table class `standard`
//! or `standard_ia` is the product key).

use super::line::{Ctx, Line};
use crate::catalog::vocab::dynamodb as v;
use crate::plan::{DynamodbMode, DynamodbTable};
use crate::units::HOURS_PER_MONTH;

/// Push request-unit lines (on-demand) or WCU/RCU-hour lines (provisioned), and storage GB-months.
pub fn lines<'a>(ctx: &Ctx<'a>, t: &'a DynamodbTable, out: &mut Vec<Line<'a>>) {
    let class = t.table_class.as_str();
    if class != "standard" && class != "standard_ia" {
        ctx.error(
            "dynamodb.table_class",
            format!("unknown table class `{class}` (known: standard, standard_ia)"),
        );
        return;
    }
    match t.mode {
        DynamodbMode::OnDemand => {
            let w = ctx.opt(&t.write_request_units, "dynamodb.write_request_units");
            let r = ctx.opt(&t.read_request_units, "dynamodb.read_request_units");
            out.push(Line::new(
                ctx,
                "Write request units",
                class,
                v::WRITE_REQUEST_UNITS,
                w,
                "WRU",
            ));
            out.push(Line::new(
                ctx,
                "Read request units",
                class,
                v::READ_REQUEST_UNITS,
                r,
                "RRU",
            ));
        }
        DynamodbMode::Provisioned => {
            let w = ctx.opt(&t.write_capacity_units, "dynamodb.write_capacity_units");
            let r = ctx.opt(&t.read_capacity_units, "dynamodb.read_capacity_units");
            out.push(
                Line::new(
                    ctx,
                    "Provisioned write capacity",
                    class,
                    v::WCU_HOURS,
                    w * HOURS_PER_MONTH,
                    "WCU-h",
                )
                .basis(&[(w, " WCU"), (HOURS_PER_MONTH, " h")]),
            );
            out.push(
                Line::new(
                    ctx,
                    "Provisioned read capacity",
                    class,
                    v::RCU_HOURS,
                    r * HOURS_PER_MONTH,
                    "RCU-h",
                )
                .basis(&[(r, " RCU"), (HOURS_PER_MONTH, " h")]),
            );
        }
    }
    let gb = ctx.num(&t.storage_gb, "dynamodb.storage_gb");
    out.push(Line::new(ctx, "Storage", class, v::STORAGE, gb, "GB-mo"));
}
