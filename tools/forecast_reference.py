#!/usr/bin/env python3
"""Reference numbers for the forecast tests: statsmodels' ExponentialSmoothing on AirPassengers.

How the committed file was made (once; the Rust tests only read its output and need no Python):

    python3 -m venv /tmp/smenv && /tmp/smenv/bin/pip install statsmodels
    /tmp/smenv/bin/python tools/forecast_reference.py > tests/data/airpassengers_statsmodels.csv
    /tmp/smenv/bin/python tools/forecast_reference.py --forecasts > tests/data/airpassengers_statsmodels_forecast.csv
    /tmp/smenv/bin/python tools/forecast_reference.py --params > tests/data/airpassengers_statsmodels_params.csv

Split: train on the first 120 months (1949-01 .. 1958-12), forecast the last 24 (1959-01 ..
1960-12). Each configuration is fitted with statsmodels' defaults (initialization_method
"estimated", parameters by least squares) and scored by MAPE and RMSE on the 24 held-out months.
"""
import csv
import sys

import numpy as np
import statsmodels
from statsmodels.tsa.holtwinters import ExponentialSmoothing

ROOT = __file__.rsplit("/tools/", 1)[0]


def load():
    with open(f"{ROOT}/tests/data/airpassengers.csv") as f:
        rows = [r for r in csv.reader(l for l in f if not l.startswith("#"))]
    return np.array([float(r[1]) for r in rows[1:]])


def main():
    y = load()
    assert len(y) == 144 and y.sum() == 40363
    train, test = y[:120], y[120:]
    out = csv.writer(sys.stdout, lineterminator="\n")
    if "--params" in sys.argv:
        print("# statsmodels fitted parameters and initial states (full precision) for the undamped fits; "
              "see tools/forecast_reference.py")
        out.writerow(["seasonal", "alpha", "beta", "gamma", "l0", "b0"] + [f"s{j}" for j in range(12)])
        for s in ["add", "mul"]:
            p = ExponentialSmoothing(train, trend="add", seasonal=s, seasonal_periods=12).fit().params
            out.writerow([s] + [repr(float(p[k])) for k in ["smoothing_level", "smoothing_trend",
                                                             "smoothing_seasonal", "initial_level",
                                                             "initial_trend"]]
                         + [repr(float(v)) for v in p["initial_seasons"]])
        return
    if "--forecasts" in sys.argv:
        print("# statsmodels point forecasts for 1959-01..1960-12 (h = 1..24); see tools/forecast_reference.py")
        out.writerow(["h", "add", "mul"])
        fcs = [ExponentialSmoothing(train, trend="add", seasonal=s, seasonal_periods=12).fit().forecast(24)
               for s in ["add", "mul"]]
        for h in range(24):
            out.writerow([h + 1, f"{fcs[0][h]:.6f}", f"{fcs[1][h]:.6f}"])
        return
    print(f"# statsmodels {statsmodels.__version__} ExponentialSmoothing on AirPassengers, "
          "train 1949-01..1958-12 (120), test 1959-01..1960-12 (24); see tools/forecast_reference.py")
    out.writerow(["trend", "seasonal", "damped", "mape_pct", "rmse", "sse_train", "phi"])
    for seasonal in ["add", "mul"]:
        for damped in [False, True]:
            m = ExponentialSmoothing(train, trend="add", damped_trend=damped, seasonal=seasonal,
                                     seasonal_periods=12).fit()
            fc = m.forecast(24)
            mape = float(np.mean(np.abs((test - fc) / test)) * 100)
            rmse = float(np.sqrt(np.mean((test - fc) ** 2)))
            out.writerow(["add", seasonal, str(damped).lower(), f"{mape:.6f}", f"{rmse:.6f}",
                          f"{m.sse:.6f}", f"{m.params['damping_trend']:.6f}"])


if __name__ == "__main__":
    main()
