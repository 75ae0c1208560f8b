//! Plan editing in the core: the schema 1 → 2 migration (nested groups), parameter renames
//! (every formula and growth driver follows) and deletes (refused while used), group edits and
//! rolled-up subtotals, and quantities typed with units.

use cloudplan::catalog::load;
use cloudplan::cost;
use cloudplan::plan::edit;
use cloudplan::plan::file::{self, PlanError};
use cloudplan::plan::{Num, Resource, SCHEMA_VERSION};
use cloudplan::units::quantity::{Unit, parse};

fn sample(stem: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/samples/{stem}.cloudplan.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn version_1_files_migrate_to_2_and_read_the_same() {
    assert_eq!(SCHEMA_VERSION, 2);
    let catalog = load::embedded();
    for stem in [
        "seoul-web-app",
        "serverless-api",
        "data-archive",
        "spot-batch",
    ] {
        let text = sample(stem);
        assert!(
            text.contains("\"schema_version\": 1"),
            "{stem} is a version-1 file"
        );
        let plan = file::from_json_str(&text, stem).unwrap();
        assert_eq!(plan.schema_version, 2, "{stem} migrated");
        assert!(plan.groups.iter().all(|g| g.parent.is_none()));
        // Saved as version 2 and read back equal, with the same estimate.
        let saved = file::to_json_string(&plan);
        assert!(saved.contains("\"schema_version\": 2"));
        let again = file::from_json_str(&saved, stem).unwrap();
        assert_eq!(again, plan);
        let a = cost::estimate(&plan, catalog).unwrap().total.monthly_usd;
        let b = cost::estimate(&again, catalog).unwrap().total.monthly_usd;
        assert_eq!(a, b);
    }
}

#[test]
fn nested_groups_need_version_2_known_parents_and_no_circle() {
    let base = sample("seoul-web-app");
    let plan = file::from_json_str(&base, "s").unwrap();
    let (a, b) = (plan.groups[0].name.clone(), plan.groups[1].name.clone());
    // A version-1 file naming a parent is refused at the field.
    let v1 = base.replacen(
        &format!("\"name\": \"{b}\""),
        &format!("\"name\": \"{b}\", \"parent\": \"{a}\""),
        1,
    );
    let err = file::from_json_str(&v1, "v1.json").unwrap_err();
    assert!(
        matches!(&err, PlanError::Invalid { field, .. } if field == "groups[1].parent"),
        "{err}"
    );
    assert!(err.to_string().contains("schema_version 2"), "{err}");
    // The same as version 2 reads, nested.
    let v2 = v1.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1);
    let nested = file::from_json_str(&v2, "v2.json").unwrap();
    assert_eq!(nested.groups[1].parent.as_deref(), Some(a.as_str()));
    // An unknown parent and a circle are refused.
    let unknown = v2.replacen(&format!("\"parent\": \"{a}\""), "\"parent\": \"nope\"", 1);
    let err = file::from_json_str(&unknown, "u.json").unwrap_err();
    assert!(err.to_string().contains("`nope`"), "{err}");
    let mut circle = nested.clone();
    circle.groups[0].parent = Some(b.clone());
    let p = file::validate(&circle).unwrap_err();
    assert!(p.message.contains("circle"), "{}", p.message);
    // A newer version is refused with a clear message.
    let v3 = base.replacen("\"schema_version\": 1", "\"schema_version\": 3", 1);
    let err = file::from_json_str(&v3, "v3.json").unwrap_err();
    assert!(
        err.to_string()
            .contains("schema version 3 is not supported"),
        "{err}"
    );
}

#[test]
fn renaming_a_parameter_rewrites_every_formula_and_driver() {
    let catalog = load::embedded();
    let mut plan = file::from_json_str(&sample("seoul-web-app"), "s").unwrap();
    let before = cost::estimate(&plan, catalog).unwrap().total.monthly_usd;
    let uses = edit::parameter_uses(&plan, "users");
    assert!(!uses.is_empty());
    // Growth drivers target parameters by name.
    plan.growth = vec![cloudplan::forecast::GrowthDriver::Compound {
        target: cloudplan::plan::growth::Target::Parameter("users".into()),
        pct: 5.0,
        per: Default::default(),
        from: None,
    }];
    edit::rename_parameter(&mut plan, "users", "monthly_users").unwrap();
    file::validate(&plan).unwrap();
    assert!(edit::parameter_uses(&plan, "users").is_empty());
    assert_eq!(
        edit::parameter_uses(&plan, "monthly_users").len(),
        uses.len() + 1,
        "every use follows, and the driver"
    );
    assert_eq!(
        cost::estimate(&plan, catalog).unwrap().total.monthly_usd,
        before
    );
    // Names that cannot be used are refused, the plan unchanged.
    let snapshot = plan.clone();
    for bad in ["2x", "ceil", "peak_rps", "a b"] {
        assert!(
            edit::rename_parameter(&mut plan, "monthly_users", bad).is_err(),
            "{bad}"
        );
    }
    assert_eq!(plan, snapshot);
    // A longer name containing the old one, numbers and function calls are untouched.
    assert_eq!(
        edit::rename_in_formula("ceil(users / users_eu) * 1e3 + users", "users", "u"),
        "ceil(u / users_eu) * 1e3 + u"
    );
}

#[test]
fn deleting_a_used_parameter_is_refused_naming_the_uses() {
    let mut plan = file::from_json_str(&sample("seoul-web-app"), "s").unwrap();
    let err = edit::delete_parameter(&mut plan, "peak_rps").unwrap_err();
    assert!(err.contains("still used by"), "{err}");
    // Each use is named: an item (name, id) and field, or a parameter.
    let uses = edit::parameter_uses(&plan, "peak_rps");
    for u in &uses {
        assert!(err.contains(u.as_str()), "{err} lacks {u}");
    }
    plan.parameters.push(cloudplan::plan::Parameter {
        name: "spare".into(),
        value: Num::Value(1.0),
        description: String::new(),
    });
    edit::delete_parameter(&mut plan, "spare").unwrap();
    assert!(!plan.parameters.iter().any(|p| p.name == "spare"));
}

#[test]
fn group_edits_keep_items_and_subtotals_roll_up() {
    let catalog = load::embedded();
    let mut plan = file::from_json_str(&sample("seoul-web-app"), "s").unwrap();
    let g0 = plan.groups[0].name.clone();
    let g1 = plan.groups[1].name.clone();
    let in_g1 = plan.items.iter().filter(|i| i.group == g1).count();
    assert!(in_g1 > 0);
    edit::add_group(&mut plan, "Platform", None).unwrap();
    assert!(edit::add_group(&mut plan, "Platform", None).is_err());
    edit::set_group_parent(&mut plan, &g0, Some("Platform")).unwrap();
    edit::set_group_parent(&mut plan, &g1, Some("Platform")).unwrap();
    assert!(
        edit::set_group_parent(&mut plan, "Platform", Some(&g0)).is_err(),
        "circle"
    );
    file::validate(&plan).unwrap();
    // Platform's subtotal is its two sub-groups'; the plain subtotals still sum to the total.
    let est = cost::estimate(&plan, catalog).unwrap();
    let rolled = cost::totals::group_rollup(&est.by_group, &plan);
    let sum = est.by_group[&g0].monthly_usd + est.by_group[&g1].monthly_usd;
    assert!((rolled["Platform"].monthly_usd - sum).abs() < 1e-9);
    assert_eq!(rolled[&g0].monthly_usd, est.by_group[&g0].monthly_usd);
    // The tree lists Platform's children under it.
    let tree: Vec<(usize, String)> = edit::group_tree(&plan)
        .into_iter()
        .map(|(d, g)| (d, g.name.clone()))
        .collect();
    let at = tree.iter().position(|(_, n)| n == "Platform").unwrap();
    assert_eq!(tree[at + 1], (1, g0.clone()));
    // Rename: items and children follow.
    edit::rename_group(&mut plan, &g1, "Application").unwrap();
    assert_eq!(
        plan.items
            .iter()
            .filter(|i| i.group == "Application")
            .count(),
        in_g1
    );
    edit::rename_group(&mut plan, "Platform", "Core").unwrap();
    assert!(
        plan.groups
            .iter()
            .filter(|g| g.parent.as_deref() == Some("Core"))
            .count()
            == 2
    );
    // Delete Core: its children move up to the top level; delete Application moving items to g0.
    edit::delete_group(&mut plan, "Core", None).unwrap();
    assert!(plan.groups.iter().all(|g| g.parent.is_none()));
    assert!(edit::delete_group(&mut plan, "Application", Some("Application")).is_err());
    edit::delete_group(&mut plan, "Application", Some(&g0)).unwrap();
    assert_eq!(
        plan.items
            .iter()
            .filter(|i| i.group == "Application")
            .count(),
        0
    );
    file::validate(&plan).unwrap();
    // Or to no group.
    let n0 = plan.items.iter().filter(|i| i.group == g0).count();
    edit::delete_group(&mut plan, &g0, None).unwrap();
    assert!(plan.items.iter().filter(|i| i.group.is_empty()).count() >= n0);
    // Reorder among siblings.
    let names =
        |p: &cloudplan::plan::Plan| p.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
    let first = names(&plan)[0].clone();
    edit::move_group(&mut plan, &first, 1).unwrap();
    assert_eq!(names(&plan)[1], first);
    edit::move_group(&mut plan, &first, -1).unwrap();
    assert_eq!(names(&plan)[0], first);
    let _ = Resource::Custom;
}

#[test]
fn quantities_with_units() {
    assert_eq!(parse("1 TB", Unit::Gigabytes), Ok(Some(1024.0)));
    assert_eq!(parse("1 TiB", Unit::Gigabytes), Ok(Some(1024.0)));
    assert_eq!(parse("500 GiB", Unit::Gigabytes), Ok(Some(500.0)));
    assert_eq!(
        parse("2.5 PB", Unit::Gigabytes),
        Ok(Some(2.5 * 1024.0 * 1024.0))
    );
    assert_eq!(parse("256 MB", Unit::Gigabytes), Ok(Some(0.25)));
    assert_eq!(parse("1 GB", Unit::Megabytes), Ok(Some(1024.0)));
    assert_eq!(parse("3M", Unit::Count), Ok(Some(3e6)));
    assert_eq!(parse("1.5k", Unit::Count), Ok(Some(1500.0)));
    assert_eq!(parse("2B", Unit::Count), Ok(Some(2e9)));
    assert_eq!(parse("12,500", Unit::Count), Ok(Some(12500.0)));
    assert_eq!(parse("0.25 s", Unit::Milliseconds), Ok(Some(250.0)));
    assert_eq!(parse("$1,200", Unit::Usd), Ok(Some(1200.0)));
    assert_eq!(parse("30 %", Unit::Percent), Ok(Some(30.0)));
    assert_eq!(parse("730 h", Unit::Hours), Ok(Some(730.0)));
    // Formulas are left to the formula parser.
    assert_eq!(parse("users * 0.002", Unit::Count), Ok(None));
    assert_eq!(parse("2 * users", Unit::Gigabytes), Ok(None));
    // Wrong units and infinities are refused with words (a negative is the field's to refuse).
    let e = parse("3 ms", Unit::Gigabytes).unwrap_err();
    assert!(
        e.0.contains("`ms` is not a unit") && e.0.contains("500 GB"),
        "{}",
        e.0
    );
    assert!(parse("5 GB", Unit::Count).is_err());
    assert!(
        parse("1e400", Unit::Count)
            .unwrap_err()
            .0
            .contains("finite")
    );
    // Through Num: a value, or a formula, or the refusal.
    assert_eq!(
        Num::parse_in("1 TB", Unit::Gigabytes),
        Ok(Num::Value(1024.0))
    );
    assert_eq!(
        Num::parse_in("=users / 10", Unit::Count),
        Ok(Num::Formula("users / 10".into()))
    );
    assert!(Num::parse_in("", Unit::Count).is_err());
}
