//! Items tables as spreadsheets write them (`plan::items_csv::items_from_table` with
//! `plan::items_headers`): human headers and values, Excel's CRLF and quoting, Google Sheets'
//! bare TSV, calculated columns read past with a note, unknown columns refused by name.

use cloudplan::plan::items_csv::items_from_table;
use cloudplan::plan::{Num, PurchaseOption, Resource};

#[test]
fn excel_rows_with_human_headers() {
    // Excel quotes a cell holding a tab, quote or line break; CRLF line ends.
    let tsv = "Name\tService\tInstance type\tQuantity\tRegion\tPricing model\tGroup\tDescription\r\n\
\"Web \"\"blue\"\"\"\tAmazon EC2\tm7g.large\t3\tEU (Ireland)\tSpot\tFront end\tbehind the ALB\r\n\
Support\tCustom\t\t100\t\t\tOps\t\r\n";
    let t = items_from_table(tsv, b'\t', "clipboard").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.items.len(), 2);
    let web = &t.items[0];
    assert_eq!(web.name, "Web \"blue\"");
    assert_eq!(web.id, "web-blue", "an id made from the name");
    assert_eq!(web.group, "Front end");
    assert_eq!(web.region.as_deref(), Some("eu-west-1"));
    assert_eq!(
        web.tags.get("description").map(String::as_str),
        Some("behind the ALB")
    );
    let Resource::Ec2(e) = &web.resource else {
        panic!("{web:?}")
    };
    assert_eq!(e.count, Num::Value(3.0));
    assert_eq!(e.purchase, PurchaseOption::Spot);
    // EBS without a type: the error names the column a person must fill.
    let logs = "Name\tService\tQuantity\nLogs\tAmazon EBS\t2\n";
    let err = items_from_table(logs, b'\t', "clipboard").unwrap_err();
    assert!(err.to_string().contains("volume_type"), "{err}");
    assert_eq!(err.line(), Some(2));
}

#[test]
fn google_sheets_rows_with_type_and_quantity_per_kind() {
    let tsv = "Service\tDescription\tType\tQuantity\tMonthly\tUpfront\tStorage type\tStorage (GB)\n\
Public IPv4\tIPs\t\t2\t$7.30\t\t\t\n\
Amazon RDS for PostgreSQL\tOrders DB\tdb.m7g.large\t1\t\t\tgp3\t100\n\
Amazon S3\tAssets\tstandard\t750\t\t\t\t\n\
Data Transfer\tEgress\t\t1200\t\t\t\t\n\
AWS Lambda\tThumbnails\t\t3000000\t\t\t\t\n";
    let t = items_from_table(tsv, b'\t', "clipboard").unwrap_err();
    // Lambda needs a duration and memory: the message says which column is missing.
    assert!(t.to_string().contains("duration_ms"), "{t}");
    let tsv = tsv.replace("AWS Lambda\tThumbnails\t\t3000000\t\t\t\t\n", "");
    let t = items_from_table(&tsv, b'\t', "clipboard").unwrap_or_else(|e| panic!("{e}"));
    let kinds: Vec<&str> = t
        .items
        .iter()
        .map(|i| cloudplan::plan::items_csv::kind_name(&i.resource))
        .collect();
    assert_eq!(kinds, ["public_ipv4", "rds", "s3", "data_transfer"]);
    match &t.items[0].resource {
        Resource::PublicIpv4(ip) => assert_eq!(ip.in_use, Num::Value(2.0)),
        r => panic!("{r:?}"),
    }
    match &t.items[1].resource {
        Resource::Rds(db) => {
            assert_eq!(db.instance_class, "db.m7g.large");
            assert_eq!(db.engine.as_str(), "postgresql");
        }
        r => panic!("{r:?}"),
    }
    match &t.items[2].resource {
        Resource::S3(s) => assert_eq!(s.storage_gb, Num::Value(750.0)),
        r => panic!("{r:?}"),
    }
    match &t.items[3].resource {
        Resource::DataTransfer(d) => assert_eq!(d.internet_out_gb, Num::Value(1200.0)),
        r => panic!("{r:?}"),
    }
    assert_eq!(t.notes.len(), 2, "{:?}", t.notes);
    assert!(t.notes[0].contains("`Monthly`"), "{:?}", t.notes);
}

#[test]
fn refusals_name_the_column() {
    let cases: &[(&str, &str)] = &[
        (
            "Service\tColour\nAmazon EC2\tred\n",
            "unknown column `Colour`",
        ),
        (
            "Description\tQuantity\nWeb\t2\n",
            "no `kind` (or `Service`) column",
        ),
        (
            "Service\tQuantity\tQty\nAmazon EC2\t1\t2\n",
            "appears twice",
        ),
        (
            "Service\tType\tQuantity\nNAT gateway\tbig\t1\n",
            "column `Type` does not apply to kind `nat_gateway`",
        ),
        (
            "Service\tInstance type\tType\tQuantity\nAmazon EC2\tm7g.large\tc7g.large\t1\n",
            "both give this row's `instance_type`",
        ),
        ("Service\tQuantity\nKinesis\t1\n", "unknown kind `Kinesis`"),
        // The service name sets the load balancer's type; its traffic columns are still needed.
        (
            "Service\tQuantity\nApplication Load Balancer\t2\n",
            "needs a value in column `processed_gb`",
        ),
        (
            "Service\t\tQuantity\nAmazon EC2\tx\t1\n",
            "column 2 has no header",
        ),
    ];
    for (table, fragment) in cases {
        let err = items_from_table(table, b'\t', "clipboard").expect_err(table);
        assert!(
            err.to_string().contains(fragment),
            "`{err}` lacks `{fragment}`"
        );
        assert!(err.to_string().starts_with("clipboard:"), "{err}");
    }
}

#[test]
fn ids_made_from_names_are_unique_in_the_table() {
    let tsv = "Name\tService\tType\tQuantity\nWeb\tEC2\tm7g.large\t1\nWeb\tEC2\tm7g.large\t2\n9 lives\tcustom\t\t5\n";
    let t = items_from_table(tsv, b'\t', "clipboard").unwrap_or_else(|e| panic!("{e}"));
    let ids: Vec<&str> = t.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["web", "web-2", "item-9-lives"]);
}

#[test]
fn a_selection_wider_than_the_table_is_read() {
    // Excel copies the empty columns of a selection that runs past the table's edge.
    let tsv = "Service\tType\tQuantity\t\t\r\nAmazon EC2\tm7g.large\t2\t\t\r\nAmazon S3\tstandard\t10\t\t\t\r\n";
    let t = items_from_table(tsv, b'\t', "clipboard").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.items.len(), 2);
    assert!(t.notes.is_empty(), "{:?}", t.notes);
    // A value under no header is refused, naming the column.
    let err = items_from_table(
        "Service\tQuantity\t\nAmazon EC2\t2\tm7g.large\n",
        b'\t',
        "clipboard",
    )
    .unwrap_err();
    assert!(err.to_string().contains("column 3 has no header"), "{err}");
    assert_eq!(err.line(), Some(2));
}
