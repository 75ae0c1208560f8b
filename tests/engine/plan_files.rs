//! Plan files: the samples parse and round-trip (JSON, CSV, TSV) and price to believable bills;
//! generated items round-trip (proptest); malformed plans and tables give messages naming the
//! file, line and field; saving is atomic and never writes a plan that cannot be read back.

use cloudplan::plan::file::{self, PlanError};
use cloudplan::plan::items_csv::{items_from_delimited, items_to_delimited};
use cloudplan::plan::*;
use std::path::Path;

use crate::common;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"))
}

// ----------------------------------------------------------------------------------- samples

#[test]
fn every_sample_parses_and_round_trips() {
    assert!(file::samples().len() >= 4);
    assert_eq!(file::sample("no-such-sample"), None);
    for (stem, title, text) in file::samples() {
        let origin = format!("samples/{stem}.cloudplan.json");
        let plan = file::from_json_str(text, &origin).unwrap_or_else(|e| panic!("{title}: {e}"));
        assert!(!plan.items.is_empty(), "{stem} has items");
        assert_eq!(
            file::sample(stem).as_ref(),
            Some(&plan),
            "{stem}: by its stem"
        );
        let json = file::to_json_string(&plan);
        let back = file::from_json_str(&json, "round-trip").unwrap();
        assert_eq!(plan, back, "{stem}: JSON round trip");
        assert_eq!(json, file::to_json_string(&back), "{stem}: stable output");
        let has_group = plan
            .items
            .iter()
            .any(|i| matches!(i.resource, Resource::ScalingGroup(_)));
        for delim in [b',', b'\t'] {
            let csv = items_to_delimited(&plan.items, delim);
            let read = items_from_delimited(&csv, delim, "round-trip.csv");
            if has_group {
                // Items CSV cannot hold an Auto Scaling group: reading it back must fail with
                // the error that says so, naming the row's `kind` field.
                let e = read.expect_err("a plan with a scaling group must not round-trip via CSV");
                let msg = e.to_string();
                assert!(
                    msg.contains("kind") && msg.contains("scaling_group") && msg.contains("JSON"),
                    "{stem}: {msg}"
                );
            } else {
                let items = read.unwrap_or_else(|e| panic!("{stem}: {e}\n{csv}"));
                assert_eq!(plan.items, items, "{stem}: delimited round trip");
            }
        }
        assert!(
            has_group || *stem != "autoscaling-web",
            "the autoscaling sample has a scaling group"
        );
    }
}

#[test]
fn sample_files_on_disk_match_the_embedded_ones() {
    for (stem, _, text) in file::samples() {
        let path = format!(
            "{}/samples/{stem}.cloudplan.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let plan = file::load(Path::new(&path)).unwrap();
        assert_eq!(plan, file::from_json_str(text, stem).unwrap());
    }
}

#[test]
fn default_plan_is_the_seoul_sample() {
    let plan = file::default_plan();
    assert_eq!(plan.default_region, "ap-northeast-2");
    assert!(plan.groups.iter().any(|g| g.name == "웹 계층"));
    let kinds: Vec<&str> = plan
        .items
        .iter()
        .map(|i| match i.resource {
            Resource::LoadBalancer(_) => "alb",
            Resource::Ec2(_) => "ec2",
            Resource::Rds(_) => "rds",
            Resource::S3(_) => "s3",
            Resource::DataTransfer(_) => "egress",
            Resource::NatGateway(_) => "nat",
            Resource::Ebs(_) => "ebs",
            Resource::PublicIpv4(_) => "ipv4",
            _ => "other",
        })
        .collect();
    for k in ["alb", "ec2", "rds", "s3", "egress", "nat", "ebs", "ipv4"] {
        assert!(kinds.contains(&k), "default plan has {k}");
    }
}

/// The samples are meant to be believable bills: every one prices against the embedded
/// catalogue (so every instance type and class exists there) to between $100 and $50,000 a month.
#[test]
fn every_sample_prices_to_a_believable_bill() {
    let catalog = cloudplan::catalog::load::embedded();
    for (stem, _, text) in file::samples() {
        let plan = file::from_json_str(text, stem).unwrap();
        let est =
            cloudplan::cost::estimate(&plan, catalog).unwrap_or_else(|e| panic!("{stem}: {e}"));
        let m = est.total.monthly_usd;
        assert!((100.0..50_000.0).contains(&m), "{stem}: {m} USD/month");
    }
}

#[test]
fn items_example_csv_reads_and_round_trips() {
    let path = format!("{}/samples/items-example.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let items = items_from_delimited(&text, b',', &path).unwrap_or_else(|e| panic!("{e}"));
    assert!(items.len() >= 5);
    let again = items_from_delimited(&items_to_delimited(&items, b','), b',', "x").unwrap();
    assert_eq!(items, again);
    // Its groups and formula parameters are the Seoul sample's: as that plan's items it checks
    // and prices.
    let mut plan = file::default_plan();
    plan.items = items;
    file::validate(&plan).unwrap_or_else(|p| panic!("{p:?}"));
    let est = cloudplan::cost::estimate(&plan, cloudplan::catalog::load::embedded())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(est.total.monthly_usd > 100.0);
}

// ------------------------------------------------------------------------- malformed plans

/// (fixture, line, field path, part of the message)
const BAD_PLANS: &[(&str, usize, &str, &str)] = &[
    (
        "unknown-field.cloudplan.json",
        15,
        "items[0].resource.sizegb",
        "unknown field `sizegb`",
    ),
    (
        "wrong-kind.cloudplan.json",
        12,
        "items[0].resource.kind",
        "unknown variant `ec3`",
    ),
    ("bad-month.cloudplan.json", 5, "start_month", "YYYY-MM"),
    (
        "nan-literal.cloudplan.json",
        14,
        "items[0].resource.storage_gb",
        "NaN",
    ),
    (
        "nan-text.cloudplan.json",
        15,
        "items[0].resource.get_requests",
        "not a finite number",
    ),
    (
        "negative-count.cloudplan.json",
        13,
        "items[0].resource.count",
        "≥ 0",
    ),
    (
        "duplicate-id.cloudplan.json",
        14,
        "items[1].id",
        "already used by items[0]",
    ),
    (
        "schema-too-new.cloudplan.json",
        2,
        "schema_version",
        "newer than this build",
    ),
    ("truncated.cloudplan.json", 14, "items[0].resource", "EOF"),
    (
        "bad-purchase.cloudplan.json",
        17,
        "items[0].resource.purchase",
        "unknown variant `2yr`",
    ),
    (
        "unknown-usage-field.cloudplan.json",
        21,
        "items[0].resource.usage.peak_days",
        "unknown field `peak_days`",
    ),
    (
        "number-as-object.cloudplan.json",
        14,
        "items[0].resource.duration_ms",
        "expected a number or a formula",
    ),
    (
        "unknown-group.cloudplan.json",
        12,
        "items[0].group",
        "`wbe` is not among",
    ),
    (
        "unknown-parameter.cloudplan.json",
        14,
        "items[0].resource.internet_out_gb",
        "unknown name `user`",
    ),
    (
        "bad-region.cloudplan.json",
        11,
        "items[0].region",
        "not an AWS region",
    ),
    (
        "parameter-cycle.cloudplan.json",
        8,
        "parameters[0].value",
        "cycle",
    ),
    (
        "horizon-too-long.cloudplan.json",
        6,
        "horizon_months",
        "1 to 60",
    ),
];

#[test]
fn malformed_plans_name_file_line_and_field() {
    assert!(BAD_PLANS.len() >= 12);
    for (name, line, field, fragment) in BAD_PLANS {
        let path = fixture(name);
        let err = file::load(Path::new(&path)).expect_err(name);
        let msg = err.to_string();
        assert_eq!(err.origin(), path, "{name}: origin");
        assert_eq!(err.line(), Some(*line), "{name}: line in `{msg}`");
        assert_eq!(err.field(), *field, "{name}: field in `{msg}`");
        assert!(
            msg.starts_with(&format!("{path}:{line}:")),
            "{name}: `{msg}`"
        );
        assert!(msg.contains(field), "{name}: `{msg}`");
        assert!(msg.contains(fragment), "{name}: `{msg}` lacks `{fragment}`");
    }
}

const MINIMAL: &str = r#"{
  "schema_version": 1,
  "name": "minimal",
  "default_region": "us-east-1",
  "start_month": "2027-01",
  "horizon_months": 12,
  "parameters": [ { "name": "users", "value": 10 } ],
  "groups": [ { "name": "g" } ],
  "items": [
    {
      "id": "x",
      "name": "X",
      "group": "g",
      "resource": RESOURCE
    }
  ]
}"#;

fn with_resource(resource: &str) -> Result<Plan, PlanError> {
    file::from_json_str(&MINIMAL.replace("RESOURCE", resource), "t.json")
}

/// `deny_unknown_fields` must hold through the internally tagged `Resource`, `Usage` and
/// `PurchaseOption` enums and nested structs, and untagged `Num` must refuse non-numbers.
#[test]
fn unknown_fields_are_rejected_at_every_level() {
    let cases = [
        (
            r#"{"kind":"s3","storage_class":"standard","storage_gb":1,"colour":1}"#,
            "items[0].resource.colour",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"purchase":{"type":"spot","bid":1}}"#,
            "items[0].resource.purchase.bid",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"usage":{"pattern":"constant","hours_per_month":1,"x":2}}"#,
            "items[0].resource.usage.x",
        ),
        (
            r#"{"kind":"s3","storage_class":"intelligent_tiering","storage_gb":1,"intelligent_tiering":{"archive":5}}"#,
            "items[0].resource.intelligent_tiering.archive",
        ),
        (
            r#"{"kind":"custom","monthly_usd":5,"kind2":"x"}"#,
            "items[0].resource.kind2",
        ),
    ];
    for (res, field) in cases {
        let err = with_resource(res).expect_err(res);
        assert_eq!(err.field(), field, "{err}");
        assert!(err.to_string().contains("unknown field"), "{err}");
        assert!(err.line().is_some(), "{err}");
    }
    // Unknown fields on the plan, on parameters and on groups.
    for (from, to, field) in [
        (
            "\"name\": \"minimal\",",
            "\"name\": \"minimal\", \"budget\": 5,",
            "budget",
        ),
        (
            "\"value\": 10 }",
            "\"value\": 10, \"unit\": \"people\" }",
            "parameters[0].unit",
        ),
        (
            "{ \"name\": \"g\" }",
            "{ \"name\": \"g\", \"colour\": \"red\" }",
            "groups[0].colour",
        ),
        (
            "\"group\": \"g\",",
            "\"group\": \"g\", \"owner\": \"me\",",
            "items[0].owner",
        ),
    ] {
        let text = MINIMAL.replace("RESOURCE", r#"{"kind":"custom","monthly_usd":5}"#);
        assert!(text.contains(from));
        let err = file::from_json_str(&text.replace(from, to), "t.json").expect_err(field);
        assert_eq!(err.field(), field, "{err}");
    }
    // Num: numbers and strings only.
    for bad in ["true", "[1]", "{\"v\":1}", "null"] {
        let res = format!(r#"{{"kind":"custom","monthly_usd":{bad}}}"#);
        let err = with_resource(&res).expect_err(&res);
        assert_eq!(err.field(), "items[0].resource.monthly_usd", "{err}");
    }
    // The good version of the same document loads.
    with_resource(r#"{"kind":"custom","monthly_usd":"users * 2"}"#).unwrap();
}

#[test]
fn quantity_rules() {
    let bad = [
        (
            r#"{"kind":"ebs","volume_type":"gp3","size_gb":-1}"#,
            "items[0].resource.size_gb",
        ),
        (
            r#"{"kind":"ebs","volume_type":"gp3","size_gb":"users - 20"}"#,
            "items[0].resource.size_gb",
        ),
        (
            r#"{"kind":"ebs","volume_type":"gp3","size_gb":"users / 0"}"#,
            "items[0].resource.size_gb",
        ),
        (
            r#"{"kind":"ebs","volume_type":"gp3","size_gb":""}"#,
            "items[0].resource.size_gb",
        ),
        (
            r#"{"kind":"ebs","volume_type":"gp3","size_gb":"inf"}"#,
            "items[0].resource.size_gb",
        ),
        (
            r#"{"kind":"efs","storage_class":"standard","storage_gb":1,"infrequent_pct":120}"#,
            "items[0].resource.infrequent_pct",
        ),
        (
            r#"{"kind":"efs","storage_class":"regional","storage_gb":1}"#,
            "items[0].resource.storage_class",
        ),
        (
            r#"{"kind":"s3","storage_class":"glacier","storage_gb":1}"#,
            "items[0].resource.storage_class",
        ),
        (
            r#"{"kind":"rds","engine":"mysql","instance_class":"m5.large","storage_type":"gp3","storage_gb":20}"#,
            "items[0].resource.instance_class",
        ),
        (
            r#"{"kind":"nat_gateway","count":1,"hours_per_month":800,"data_processed_gb":1}"#,
            "items[0].resource.hours_per_month",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"usage":{"pattern":"spike","period":"daily","baseline":4,"peak":2,"peak_hours":3}}"#,
            "items[0].resource.usage.peak",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"usage":{"pattern":"spike","period":"weekly","baseline":1,"peak":2,"peak_hours":3}}"#,
            "items[0].resource.usage.days",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"usage":{"pattern":"spike","period":"daily","baseline":1,"peak":2,"peak_hours":30}}"#,
            "items[0].resource.usage.peak_hours",
        ),
        (
            r#"{"kind":"data_transfer","inter_region_gb":{"Ireland":5}}"#,
            "items[0].resource.inter_region_gb.Ireland",
        ),
    ];
    for (res, field) in bad {
        let err = with_resource(res).expect_err(res);
        assert_eq!(err.field(), field, "{err}");
        assert!(err.line().is_some(), "{err}");
    }
}

#[test]
fn parameter_names_must_be_identifiers_and_unique() {
    let base = MINIMAL.replace("RESOURCE", r#"{"kind":"custom","monthly_usd":5}"#);
    for (param, fragment) in [
        (
            r#"{ "name": "2users", "value": 10 }"#,
            "not a valid parameter name",
        ),
        (r#"{ "name": "ceil", "value": 10 }"#, "formula function"),
        (
            r#"{ "name": "users", "value": 10 }, { "name": "users", "value": 3 }"#,
            "defined twice",
        ),
    ] {
        let text = base.replace(r#"{ "name": "users", "value": 10 }"#, param);
        let err = file::from_json_str(&text, "p.json").expect_err(param);
        assert!(err.to_string().contains(fragment), "{err}");
        assert!(err.field().starts_with("parameters["), "{err}");
    }
}

#[test]
fn non_utf8_and_missing_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad.cloudplan.json");
    std::fs::write(&p, b"{\n \"name\": \"\xff\"\n}").unwrap();
    let err = file::load(&p).unwrap_err();
    assert_eq!(err.line(), Some(2), "{err}");
    assert!(err.to_string().contains("UTF-8"));
    let missing = dir.path().join("nope.cloudplan.json");
    let err = file::load(&missing).unwrap_err();
    assert!(matches!(err, PlanError::Io { .. }));
    assert!(err.to_string().contains("nope.cloudplan.json"));
}

// ------------------------------------------------------------------------------ CSV errors

const HEADER: &str = "id,name,group,region,tags,kind,instance_type,count,usage,purchase";

/// (table, line, field, part of the message)
const BAD_TABLES: &[(&str, usize, &str, &str)] = &[
    (
        "id,name,kind,size_gb,colour\nd,D,ebs,10,red\n",
        1,
        "colour",
        "unknown column `colour`",
    ),
    ("id,name,kind,count,count\n", 1, "count", "appears twice"),
    (
        "id,name\nd,D\n",
        1,
        "kind",
        "no `kind` (or `Service`) column",
    ),
    (
        "id,name,kind,instance_type,count,purchase\nweb,Web,ec2,m5.large,2,reserved/standard/2yr/no_upfront\n",
        2,
        "purchase",
        "unknown term `2yr`",
    ),
    (
        "id,name,kind,instance_type,count,purchase\nweb,Web,ec2,m5.large,2,reserved\n",
        2,
        "purchase",
        "is not a purchase option",
    ),
    (
        "id,name,kind,instance_type,count,usage\nweb,Web,ec2,m5.large,2,spike/hourly/baseline=1\n",
        2,
        "usage",
        "unknown spike period `hourly`",
    ),
    (
        "id,name,kind,instance_type,count,usage\nweb,Web,ec2,m5.large,2,spike/daily/baseline=1/peak=3\n",
        2,
        "usage",
        "missing `hours=…`",
    ),
    (
        "id,name,kind,instance_type,count\na,A,ec2,m5.large,1\nb,B,ec2,m5.large,-3\n",
        3,
        "count",
        "≥ 0",
    ),
    (
        "id,name,kind,instance_type,count\na,A,ec2,m5.large,NaN\n",
        2,
        "count",
        "not a finite number",
    ),
    (
        "id,name,kind,instance_type,count\na,A,ec2,m5.large,1\na,B,ec2,m5.large,2\n",
        3,
        "id",
        "already used on line 2",
    ),
    (
        "id,name,kind,instance_type\na,A,ec2,m5.large\n",
        2,
        "count",
        "needs a value in column `count`",
    ),
    (
        "id,name,kind,volume_type,size_gb,instance_type\nd,D,ebs,gp3,10,m5.large\n",
        2,
        "instance_type",
        "does not apply to kind `ebs`",
    ),
    (
        "id,name,kind,tags\nd,D,custom,team\n",
        2,
        "tags",
        "has no `=value`",
    ),
    (
        "id,name,kind,volume_type,size_gb\nd,D,ebs,gp9,10\n",
        2,
        "volume_type",
        "unknown variant `gp9`",
    ),
    (
        "id,name,kind,monthly_usd\nd,D,lambda,5\n",
        2,
        "requests_per_month",
        "needs a value",
    ),
    (
        "id,name,kind,monthly_usd\nd,D,ec2x,5\n",
        2,
        "kind",
        "unknown kind `ec2x`",
    ),
    (
        "id,name,kind,region,monthly_usd\nd,D,custom,Seoul,5\n",
        2,
        "region",
        "not an AWS region",
    ),
];

#[test]
fn malformed_tables_name_origin_line_and_column() {
    for (table, line, field, fragment) in BAD_TABLES {
        let err = items_from_delimited(table, b',', "items.csv").expect_err(table);
        let msg = err.to_string();
        assert_eq!(err.origin(), "items.csv");
        assert_eq!(err.line(), Some(*line), "`{msg}`");
        assert_eq!(err.field(), *field, "`{msg}`");
        assert!(msg.starts_with(&format!("items.csv:{line}")), "`{msg}`");
        assert!(msg.contains(fragment), "`{msg}` lacks `{fragment}`");
    }
    // A known column names its position.
    let err = items_from_delimited(BAD_TABLES[7].0, b',', "items.csv").unwrap_err();
    assert_eq!(err.column(), Some(5));
}

#[test]
fn tables_are_read_by_column_name_in_any_order() {
    let a = "Kind, COUNT ,instance_type,id,Name\nec2,3,m6i.large,web,Web\n";
    let b = format!("{HEADER}\nweb,Web,,,,ec2,m6i.large,3,,\n");
    let ia = items_from_delimited(a, b',', "a.csv").unwrap();
    let ib = items_from_delimited(&b, b',', "b.csv").unwrap();
    assert_eq!(ia, ib);
    let Resource::Ec2(f) = &ia[0].resource else {
        panic!()
    };
    assert_eq!(f.count, Num::Value(3.0));
    assert_eq!(f.usage, Usage::default());
    assert_eq!(f.purchase, PurchaseOption::OnDemand);
}

#[test]
fn compact_texts_read_as_documented() {
    let t = "id\tname\tkind\tinstance_type\tcount\tusage\tpurchase\ttags\n\
             w\tW\tec2\tm5.large\tceil(peak_rps / 120)\tspike/weekly/baseline=users/5000/peak=6/hours=4/days=mon+fri\treserved/convertible/3yr/all_upfront\tenv=prod;a\\;b=c\\=d\n";
    let items = items_from_delimited(t, b'\t', "clipboard").unwrap();
    let Resource::Ec2(f) = &items[0].resource else {
        panic!()
    };
    assert_eq!(f.count, Num::Formula("ceil(peak_rps / 120)".into()));
    assert_eq!(
        f.usage,
        Usage::Spike {
            period: SpikePeriod::Weekly,
            baseline: Num::Formula("users/5000".into()),
            peak: Num::Value(6.0),
            peak_hours: Num::Value(4.0),
            days: vec![Weekday::Mon, Weekday::Fri],
            days_per_month: None,
        }
    );
    assert_eq!(
        f.purchase,
        PurchaseOption::Reserved {
            class: cloudplan::catalog::OfferingClass::Convertible,
            term: cloudplan::catalog::Term::ThreeYears,
            payment: cloudplan::catalog::Payment::AllUpfront,
        }
    );
    assert_eq!(items[0].tags.get("env").map(String::as_str), Some("prod"));
    assert_eq!(items[0].tags.get("a;b").map(String::as_str), Some("c=d"));
}

#[test]
fn spreadsheet_formula_injection_is_neutralised_and_reversible() {
    let item = Item {
        id: "x".into(),
        name: "=HYPERLINK(\"http://evil\")".into(),
        group: "@sum".into(),
        tags: [("k".to_string(), "-1".to_string())].into(),
        region: None,
        resource: Resource::Custom(CustomLine {
            monthly_usd: Num::Value(1.0),
            upfront_usd: Num::Value(0.0),
            note: "'quoted".into(),
        }),
    };
    let csv = items_to_delimited(std::slice::from_ref(&item), b',');
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let c = cell.trim_start_matches('"');
            assert!(
                !c.starts_with(['=', '+', '-', '@']),
                "cell `{cell}` in {csv}"
            );
        }
    }
    let back = items_from_delimited(&csv, b',', "x.csv").unwrap();
    assert_eq!(back, vec![item]);
}

// ---------------------------------------------------------------------------------- saving

fn small_plan() -> Plan {
    file::from_json_str(
        &MINIMAL.replace("RESOURCE", r#"{"kind":"custom","monthly_usd":"users * 2"}"#),
        "t",
    )
    .unwrap()
}

#[test]
fn save_atomic_replaces_and_never_writes_an_unreadable_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.cloudplan.json");
    let plan = small_plan();
    file::save_atomic(&path, &plan).unwrap();
    assert_eq!(file::load(&path).unwrap(), plan);

    let mut bigger = plan.clone();
    bigger.name = "second version".into();
    file::save_atomic(&path, &bigger).unwrap();
    assert_eq!(file::load(&path).unwrap(), bigger);
    let before = std::fs::read(&path).unwrap();

    // NaN would be written as `null` by serde_json: refused, and the old file stays as it was.
    let mut broken = bigger.clone();
    broken.items[0].resource = Resource::Custom(CustomLine {
        monthly_usd: Num::Value(f64::NAN),
        upfront_usd: Num::Value(0.0),
        note: String::new(),
    });
    let err = file::save_atomic(&path, &broken).unwrap_err();
    assert_eq!(err.field(), "items[0].resource.monthly_usd", "{err}");
    assert!(err.to_string().contains("not saved"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A negative quantity and a duplicate id are refused the same way.
    let mut dup = bigger.clone();
    dup.items.push(dup.items[0].clone());
    assert!(file::save_atomic(&path, &dup).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // No temporary files are left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("p.cloudplan.json")]);

    // A directory that does not exist: an I/O error naming the file.
    let err = file::save_atomic(&dir.path().join("no/such/p.json"), &plan).unwrap_err();
    assert!(matches!(err, PlanError::Io { .. }), "{err}");
}

#[test]
fn json_output_is_pretty_and_stable() {
    let plan = file::default_plan();
    let a = file::to_json_string(&plan);
    assert!(a.starts_with("{\n  \"schema_version\": 2,"));
    assert!(a.ends_with("}\n"));
    let again = file::to_json_string(&file::from_json_str(&a, "a").unwrap());
    assert_eq!(a, again);
}

// -------------------------------------------------------------------------------- proptest

mod generated {
    use super::*;
    use cloudplan::catalog::{Arch, OfferingClass, Payment, Term};
    use proptest::prelude::*;

    /// Parameters every generated formula may use (all positive, so formulas stay ≥ 0).
    pub fn parameters() -> Vec<Parameter> {
        [
            ("users", 1000.0),
            ("peak_rps", 50.0),
            ("a", 1.0),
            ("b", 2.0),
        ]
        .into_iter()
        .map(|(n, v)| Parameter {
            name: n.into(),
            value: Num::Value(v),
            description: String::new(),
        })
        .collect()
    }

    const FORMULAS: &[&str] = &[
        "users * 0.002",
        "ceil(peak_rps / 120)",
        "users/peak_rps/2",
        "a max b",
        "(a + b) * 3",
        "floor(users / 7) + 0.5",
    ];

    /// A quantity: a plain finite number ≥ 0 (integers, fractions, tiny and huge) or a formula.
    fn num() -> impl Strategy<Value = Num> {
        prop_oneof![
            (0u32..100_000).prop_map(|v| Num::Value(v as f64)),
            // Up to `limits::MAX_COUNT` (1e9), the lowest upper limit of a quantity field.
            (0.0f64..1e9).prop_map(Num::Value),
            (0.0f64..1e-3).prop_map(Num::Value),
            proptest::sample::select(FORMULAS).prop_map(|f| Num::Formula(f.into())),
        ]
    }
    /// Bounded quantities (percent, hours in a day, days in a month): 0 to 24 or `a + b` (3).
    fn small() -> impl Strategy<Value = Num> {
        prop_oneof![
            (0.0f64..=24.0).prop_map(Num::Value),
            Just(Num::Formula("a + b".into())),
        ]
    }
    fn opt(s: impl Strategy<Value = Num>) -> impl Strategy<Value = Option<Num>> {
        proptest::option::of(s)
    }
    fn term() -> impl Strategy<Value = Term> {
        prop_oneof![Just(Term::OneYear), Just(Term::ThreeYears)]
    }
    fn payment() -> impl Strategy<Value = Payment> {
        proptest::sample::select(Payment::ALL.to_vec())
    }
    fn purchase() -> impl Strategy<Value = PurchaseOption> {
        prop_oneof![
            Just(PurchaseOption::OnDemand),
            Just(PurchaseOption::Spot),
            (
                prop_oneof![
                    Just(OfferingClass::Standard),
                    Just(OfferingClass::Convertible)
                ],
                term(),
                payment()
            )
                .prop_map(|(class, term, payment)| PurchaseOption::Reserved {
                    class,
                    term,
                    payment
                }),
            (
                prop_oneof![
                    Just(SavingsPlanKind::Compute),
                    Just(SavingsPlanKind::Ec2Instance)
                ],
                term(),
                payment()
            )
                .prop_map(|(plan, term, payment)| PurchaseOption::SavingsPlan {
                    plan,
                    term,
                    payment
                }),
        ]
    }
    fn usage() -> impl Strategy<Value = Usage> {
        let days = proptest::sample::subsequence(
            vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
                Weekday::Sat,
                Weekday::Sun,
            ],
            1..=7,
        );
        prop_oneof![
            prop_oneof![
                (0.0f64..=730.0).prop_map(Num::Value),
                Just(Num::Formula("users / 10".into()))
            ]
            .prop_map(|h| Usage::Constant { hours_per_month: h }),
            (
                prop_oneof![
                    (0.0f64..=2.0).prop_map(Num::Value),
                    Just(Num::Formula("a".into()))
                ],
                prop_oneof![
                    (3.0f64..=50.0).prop_map(Num::Value),
                    Just(Num::Formula("a + b".into()))
                ],
                small(),
                days,
                0..3usize,
                small(),
            )
                .prop_map(|(baseline, peak, peak_hours, days, which, dpm)| {
                    let (period, days, days_per_month) = match which {
                        0 => (SpikePeriod::Daily, vec![], None),
                        1 => (SpikePeriod::Weekly, days, None),
                        _ => (SpikePeriod::Monthly, vec![], Some(dpm)),
                    };
                    Usage::Spike {
                        period,
                        baseline,
                        peak,
                        peak_hours,
                        days,
                        days_per_month,
                    }
                }),
        ]
    }

    fn resource() -> impl Strategy<Value = Resource> {
        let ec2 = (
            proptest::sample::select(vec!["m5.large", "c7g.2xlarge", "t4g.micro"]),
            num(),
            usage(),
            purchase(),
        )
            .prop_map(|(t, count, usage, purchase)| {
                Resource::Ec2(Ec2Fleet {
                    instance_type: t.into(),
                    count,
                    usage,
                    purchase,
                })
            });
        let ebs = (
            proptest::sample::select(EbsVolumeType::ALL.to_vec()),
            num(),
            num(),
            opt(num()),
            opt(num()),
            opt(num()),
        )
            .prop_map(
                |(volume_type, size_gb, volume_count, iops, throughput_mibps, snapshot_gb)| {
                    Resource::Ebs(EbsVolumes {
                        volume_type,
                        size_gb,
                        volume_count,
                        iops,
                        throughput_mibps,
                        snapshot_gb,
                    })
                },
            );
        let mix =
            (small(), small(), small(), small()).prop_map(|(a, b, c, d)| IntelligentTieringMix {
                infrequent_pct: a,
                archive_instant_pct: b,
                archive_pct: c,
                deep_archive_pct: d,
            });
        let s3 = (
            proptest::sample::select(cloudplan::catalog::vocab::s3::CLASSES.to_vec()),
            num(),
            (opt(num()), opt(num()), opt(num()), opt(num())),
            (opt(num()), opt(num()), opt(num())),
            proptest::option::of(prop_oneof![
                Just(RetrievalTier::Expedited),
                Just(RetrievalTier::Standard),
                Just(RetrievalTier::Bulk)
            ]),
            proptest::option::of(mix),
        )
            .prop_map(|(class, gb, (oc, kb, put, get), (lt, rg, rd), tier, it)| {
                Resource::S3(S3Storage {
                    storage_class: class.into(),
                    storage_gb: gb,
                    object_count: oc,
                    avg_object_kb: kb,
                    put_requests: put,
                    get_requests: get,
                    lifecycle_transitions: lt,
                    retrieval_gb: rg,
                    retrieval_tier: tier,
                    retention_days: rd,
                    intelligent_tiering: it,
                })
            });
        let efs = (
            proptest::sample::select(vec!["standard", "onezone"]),
            num(),
            opt(small()),
            opt(small()),
            (opt(num()), opt(num()), opt(num())),
        )
            .prop_map(|(c, gb, ia, ar, (r, w, p))| {
                Resource::Efs(EfsFileSystem {
                    storage_class: c.into(),
                    storage_gb: gb,
                    infrequent_pct: ia,
                    archive_pct: ar,
                    read_gb: r,
                    write_gb: w,
                    provisioned_mibps: p,
                })
            });
        let dt = (
            num(),
            num(),
            num(),
            proptest::collection::btree_map(
                proptest::sample::select(vec![
                    "us-east-1",
                    "eu-west-1",
                    "ap-northeast-2",
                    "us-gov-west-1",
                ])
                .prop_map(String::from),
                num(),
                0..3,
            ),
        )
            .prop_map(|(o, i, az, ir)| {
                Resource::DataTransfer(DataTransfer {
                    internet_out_gb: o,
                    internet_in_gb: i,
                    inter_az_gb: az,
                    inter_region_gb: ir,
                })
            });
        let lambda = (
            num(),
            num(),
            num(),
            prop_oneof![Just(Arch::X86_64), Just(Arch::Arm64)],
            opt(num()),
        )
            .prop_map(|(r, d, m, a, e)| {
                Resource::Lambda(LambdaFunction {
                    requests_per_month: r,
                    duration_ms: d,
                    memory_mb: m,
                    architecture: a,
                    ephemeral_storage_mb: e,
                })
            });
        let rds = (
            prop_oneof![Just(RdsEngine::Postgresql), Just(RdsEngine::Mysql)],
            proptest::sample::select(vec!["db.r6g.large", "db.t4g.micro"]),
            any::<bool>(),
            (num(), small(), num()),
            prop_oneof![
                Just(RdsStorageType::Gp2),
                Just(RdsStorageType::Gp3),
                Just(RdsStorageType::Io1),
                Just(RdsStorageType::Io2),
                Just(RdsStorageType::Magnetic)
            ],
            (opt(num()), opt(num()), opt(num())),
            purchase(),
        )
            .prop_map(
                |(engine, class, multi_az, (count, hours, gb), st, (iops, tp, bk), purchase)| {
                    Resource::Rds(RdsDatabase {
                        engine,
                        instance_class: class.into(),
                        multi_az,
                        count,
                        hours_per_month: hours,
                        storage_type: st,
                        storage_gb: gb,
                        iops,
                        throughput_mibps: tp,
                        backup_gb: bk,
                        purchase,
                    })
                },
            );
        let ddb = (
            prop_oneof![
                Just(DynamodbMode::OnDemand),
                Just(DynamodbMode::Provisioned)
            ],
            proptest::sample::select(vec!["standard", "standard_ia"]),
            (opt(num()), opt(num()), opt(num()), opt(num())),
            num(),
        )
            .prop_map(|(mode, tc, (w, r, wc, rc), gb)| {
                Resource::Dynamodb(DynamodbTable {
                    mode,
                    table_class: tc.into(),
                    write_request_units: w,
                    read_request_units: r,
                    write_capacity_units: wc,
                    read_capacity_units: rc,
                    storage_gb: gb,
                })
            });
        let nat = (num(), small(), num()).prop_map(|(c, h, d)| {
            Resource::NatGateway(NatGateway {
                count: c,
                hours_per_month: h,
                data_processed_gb: d,
            })
        });
        let lb = (
            prop_oneof![Just(LoadBalancerType::Alb), Just(LoadBalancerType::Nlb)],
            (num(), small(), num()),
            (num(), num(), num()),
        )
            .prop_map(|(t, (c, h, p), (n, a, r))| {
                Resource::LoadBalancer(LoadBalancer {
                    lb_type: t,
                    count: c,
                    hours_per_month: h,
                    processed_gb: p,
                    new_connections_per_sec: n,
                    active_connections: a,
                    rule_evaluations_per_sec: r,
                })
            });
        let ip = (num(), num(), small()).prop_map(|(u, i, h)| {
            Resource::PublicIpv4(PublicIpv4 {
                in_use: u,
                idle: i,
                hours_per_month: h,
            })
        });
        let custom = (num(), num(), "\\PC{0,20}").prop_map(|(m, u, note)| {
            Resource::Custom(CustomLine {
                monthly_usd: m,
                upfront_usd: u,
                note,
            })
        });
        prop_oneof![ec2, ebs, s3, efs, dt, lambda, rds, ddb, nat, lb, ip, custom]
    }

    /// Free text as people type it: Korean, quotes, separators, leading `=`/`'`, newlines.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,16}",
            "[=+@'\\-][a-z ,;\"]{0,8}",
            "[가-힣 ]{1,8}",
            "[a-z]{1,5}\n[a-z,\"\t]{0,5}",
        ]
    }

    fn item() -> impl Strategy<Value = Item> {
        (
            "[a-z][a-z0-9_-]{0,10}",
            text(),
            proptest::sample::select(vec!["", "웹 계층", "data"]),
            proptest::collection::btree_map("[a-z][a-z0-9=;\\\\:./ -]{0,8}", "\\PC{0,10}", 0..3),
            proptest::option::of(proptest::sample::select(vec![
                "us-east-1",
                "eu-west-1",
                "ap-northeast-2",
            ])),
            resource(),
        )
            .prop_map(|(id, name, group, tags, region, resource)| Item {
                id,
                name,
                group: group.into(),
                tags,
                region: region.map(String::from),
                resource,
            })
    }

    pub fn items() -> impl Strategy<Value = Vec<Item>> {
        proptest::collection::vec(item(), 0..8).prop_map(|mut items| {
            for (i, it) in items.iter_mut().enumerate() {
                it.id = format!("{}-{i}", it.id);
            }
            items
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn items_round_trip_through_csv_and_tsv(items in items()) {
            for delim in [b',', b'\t'] {
                let text = items_to_delimited(&items, delim);
                let back = items_from_delimited(&text, delim, "gen.csv")
                    .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
                prop_assert_eq!(&back, &items);
            }
        }

        #[test]
        fn plans_round_trip_through_json(items in items(), free_tier in any::<bool>(), horizon in 1u32..=60) {
            let plan = Plan {
                schema_version: SCHEMA_VERSION,
                name: "generated".into(),
                description: "with \"quotes\" and 한국어".into(),
                default_region: "ap-northeast-2".into(),
                start_month: "2027-03".into(),
                horizon_months: horizon,
                free_tier,
                tier_mode: if free_tier { TierMode::PerItem } else { TierMode::Aggregate },
                parameters: parameters(),
                groups: vec![
                    Group { name: "웹 계층".into(), description: String::new(), parent: None },
                    Group { name: "data".into(), description: "d".into(), parent: None },
                ],
                items,
                growth: vec![],
            };
            let json = file::to_json_string(&plan);
            let back = file::from_json_str(&json, "gen.json")
                .map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert_eq!(&back, &plan);
        }
    }
}

#[test]
fn a_parameter_value_that_is_not_a_number_names_the_parameter() {
    let text = MINIMAL
        .replace("RESOURCE", r#"{"kind":"custom","monthly_usd":5}"#)
        .replace(r#""value": 10 }"#, r#""value": null }"#);
    let err = file::from_json_str(&text, "p.json").unwrap_err();
    assert_eq!(err.field(), "parameters[0].value", "{err}");
    assert_eq!(err.line(), Some(7), "{err}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any prefix or byte-edited copy of a sample loads whole or fails with a located message.
        #[test]
        fn damaged_plans_fail_cleanly(which in 0usize..4, cut in 0.0f64..1.0, edit in 0usize..4, byte in any::<u8>()) {
            let (_, _, text) = file::samples()[which];
            let mut bytes = text.as_bytes().to_vec();
            let at = ((bytes.len() as f64) * cut) as usize;
            match edit {
                0 => bytes.truncate(at),
                1 => {
                    let i = at.min(bytes.len() - 1);
                    bytes.remove(i);
                }
                2 => bytes.insert(at, byte),
                _ => {
                    let i = at.min(bytes.len() - 1);
                    bytes[i] = byte;
                }
            }
            let Ok(s) = String::from_utf8(bytes) else { return Ok(()) };
            match file::from_json_str(&s, "damaged.json") {
                Ok(plan) => { file::to_json_string(&plan); }
                Err(e) => {
                    prop_assert_eq!(e.origin(), "damaged.json");
                    prop_assert!(e.line().is_some(), "{}", e);
                }
            }
        }

        /// Any text given as a table reads or fails with a message naming the origin.
        #[test]
        fn arbitrary_tables_fail_cleanly(text in "(id,name,kind|kind,id,count,usage,purchase,tags)\n[a-z0-9,;=/\"'\n -]{0,80}") {
            match items_from_delimited(&text, b',', "t.csv") {
                Ok(items) => {
                    let again = items_from_delimited(&items_to_delimited(&items, b','), b',', "t.csv");
                    prop_assert_eq!(again.ok(), Some(items));
                }
                Err(e) => prop_assert_eq!(e.origin(), "t.csv"),
            }
        }
    }
}

#[test]
fn a_missing_value_names_its_key() {
    let text = "{\n  \"schema_version\": 1,\n  \"name\": \n}";
    let err = file::from_json_str(text, "broken.cloudplan.json").unwrap_err();
    assert_eq!(err.line(), Some(4), "{err}");
    assert_eq!(err.field(), "name", "{err}");
    assert!(
        err.to_string()
            .starts_with("broken.cloudplan.json:4:1: name: expected a JSON value")
    );
}

#[test]
fn wrong_types_name_the_field() {
    let cases = [
        (
            r#"{"kind":"rds","engine":"postgresql","instance_class":"db.m6i.large","multi_az":"yes","storage_type":"gp3","storage_gb":20}"#,
            "items[0].resource.multi_az",
            "expected a boolean",
        ),
        (
            r#"{"kind":"ec2","instance_type":"m5.large","count":1,"usage":{"pattern":"spike","period":"weekly","baseline":1,"peak":2,"peak_hours":3,"days":["monday"]}}"#,
            "items[0].resource.usage",
            "unknown variant `monday`",
        ),
        (
            r#"{"kind":"lambda","requests_per_month":1,"duration_ms":1,"memory_mb":128,"architecture":"arm"}"#,
            "items[0].resource.architecture",
            "unknown variant `arm`",
        ),
        (
            r#"{"kind":"dynamodb","mode":"ondemand","storage_gb":1}"#,
            "items[0].resource.mode",
            "unknown variant `ondemand`",
        ),
    ];
    for (res, field, fragment) in cases {
        let err = with_resource(res).expect_err(res);
        assert_eq!(err.field(), field, "{err}");
        assert!(err.to_string().contains(fragment), "{err}");
        assert!(err.line().is_some(), "{err}");
    }
    let base = MINIMAL.replace("RESOURCE", r#"{"kind":"custom","monthly_usd":5}"#);
    for (from, to, field) in [
        (
            "\"horizon_months\": 12",
            "\"horizon_months\": \"12\"",
            "horizon_months",
        ),
        (
            "\"horizon_months\": 12",
            "\"horizon_months\": 12, \"free_tier\": 1",
            "free_tier",
        ),
        (
            "\"group\": \"g\",",
            "\"group\": \"g\", \"tags\": {\"team\": 5},",
            "items[0].tags.team",
        ),
    ] {
        let err = file::from_json_str(&base.replace(from, to), "t.json").expect_err(to);
        assert_eq!(err.field(), field, "{err}");
    }
}

/// Items CSV through LibreOffice and back (CSV → xlsx → CSV, UTF-8) reads back equal: formulas
/// stay text, the `'` injection guard survives, Korean names, quotes and newlines too.
/// Needs `soffice` on PATH and takes ~20 s, so it is run on demand:
/// `cargo test --test plan_files -- --ignored libreoffice`.
#[test]
#[ignore = "needs LibreOffice (soffice); run with --ignored"]
fn items_csv_survives_a_libreoffice_round_trip() {
    let mut items = Vec::new();
    for (_, _, t) in file::samples() {
        items.extend(file::from_json_str(t, "s").unwrap().items);
    }
    // Auto Scaling groups do not fit a CSV row: reading one back is refused with a clear error
    // (checked by the embedded-samples test), so they stay out of this round trip.
    items.retain(|it| !matches!(it.resource, Resource::ScalingGroup(_)));
    for (i, it) in items.iter_mut().enumerate() {
        it.id = format!("{}-{i}", it.id);
    }
    items[0].name = "=HYPERLINK(\"http://example.com\")".into();
    items[1].name = "-danger, \"quoted\"\nsecond line".into();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("items.csv");
    std::fs::write(&csv, items_to_delimited(&items, b',')).unwrap();
    let back = common::libreoffice_round_trip(&csv, dir.path());
    let read =
        items_from_delimited(&back, b',', "libreoffice.csv").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(read, items);
}

#[test]
fn a_list_where_a_map_belongs_is_named() {
    let text = MINIMAL
        .replace("RESOURCE", r#"{"kind":"custom","monthly_usd":5}"#)
        .replace(
            "\"groups\": [ { \"name\": \"g\" } ],",
            "\"groups\": { \"g\": 1 },",
        );
    let err = file::from_json_str(&text, "l.json").unwrap_err();
    assert_eq!(err.field(), "groups", "{err}");
    assert_eq!(err.line(), Some(8), "{err}");
}
