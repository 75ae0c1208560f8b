//! Forecast engine tests: growth-driver arithmetic, projection through the cost engine, bill
//! history parsing, model fits, interval coverage, and AirPassengers against statsmodels.

use cloudplan::forecast::history;
use cloudplan::forecast::models::{self, ModelKind};

fn airpassengers() -> Vec<f64> {
    let text = include_str!("data/airpassengers.csv");
    let h = history::parse_str(text, "airpassengers.csv").expect("AirPassengers parses");
    assert_eq!(h.len(), 144);
    assert_eq!(h.total.iter().sum::<f64>(), 40363.0);
    h.total
}

#[test]
fn airpassengers_probe() {
    let y = airpassengers();
    let (train, test) = y.split_at(120);
    for kind in ModelKind::ALL {
        let f = models::fit(kind, train, 12).unwrap();
        let m = models::mape(test, &f.forecast(24));
        eprintln!("{:40} {:8.3}  {}", kind.name(), m, f.describe());
    }
}
