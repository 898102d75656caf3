"""Benchmark of aggregate_bpe on a point-level BPE file: counts alone, and the equipments as points.

Builds a synthetic point-level file (INSEE's BPE 2024 layout: AN, DEPCOM,
DCIRIS, TYPEQU, LAMBERT_X, LAMBERT_Y, QUALITE_XY, EPSG) of --rows equipments
drawn from the real BPE 2019 long file of ../shared/data/insee/france when it
is there (else from made-up codes and types), with random coordinates, the
overseas rows in their UTM CRS and 2 % of rows without coordinates ("_Z").
Then times, each a whole processing.run in the same process:

1. the counts per commune alone (no POINTS);
2. POINTS to a GeoPackage file: the bulk path (processing/bulk_points.py);
3. POINTS to the same GeoPackage through QGIS's feature sink (an ogr: URI);
4. POINTS to GeoJSON (the sink; no spatial index).

Usage: python scripts/bench_bpe_points.py [--rows 600000] [--repeats 1] [--data DIR]
"""

import argparse
import os
import shutil
import sys
import tempfile
import time

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee", "france"))
OVERSEAS = {"971": (5490, 640000, 1780000), "972": (5490, 710000, 1620000), "973": (2972, 350000, 450000),
            "974": (2975, 340000, 7660000), "976": (4471, 520000, 8580000)}


def synthetic_point_file(path, rows, data, seed=1):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    long_file = os.path.join(data, "bpe2019_communes.csv")
    if os.path.exists(long_file):
        long = pd.read_csv(long_file, sep=";", dtype=str)
        picked = long.sample(rows, replace=True, weights=long["NB_EQUIP"].astype(int), random_state=seed)
        codes, types = picked["DEPCOM"].to_numpy(), picked["TYPEQU"].to_numpy()
    else:
        codes = np.array([f"{d:02d}{c:03d}" for d, c in zip(rng.integers(1, 96, rows), rng.integers(1, 600, rows))])
        types = np.array([f"{letter}{n}" for letter, n in zip(rng.choice(list("ABCDEFG"), rows),
                                                               rng.integers(101, 310, rows))])
    x = rng.uniform(100000, 1200000, rows)
    y = rng.uniform(6100000, 7100000, rows)
    epsg = np.full(rows, 2154)
    departments = pd.Series(codes).str[:3].to_numpy()
    for department, (code, x0, y0) in OVERSEAS.items():
        here = departments == department
        epsg[here] = code
        x[here] = x0 + rng.uniform(-20000, 20000, here.sum())
        y[here] = y0 + rng.uniform(-20000, 20000, here.sum())
    xs = pd.Series(x).map("{:.2f}".format)
    ys = pd.Series(y).map("{:.2f}".format)
    missing = rng.random(rows) < 0.02
    xs[missing] = ys[missing] = "_Z"
    pd.DataFrame({"AN": "2024", "DEPCOM": codes, "DCIRIS": pd.Series(codes) + "0000", "TYPEQU": types,
                  "LAMBERT_X": xs, "LAMBERT_Y": ys, "QUALITE_XY": "Bonne", "EPSG": epsg}).to_csv(
        path, sep=";", index=False)
    return int((epsg != 2154).sum()), int(missing.sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=600000)
    parser.add_argument("--repeats", type=int, default=1, help="best of this many runs")
    parser.add_argument("--data", default=DEFAULT_DATA)
    args = parser.parse_args()

    sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
    from qgis_headless import start_qgis

    app = start_qgis()  # noqa: F841 — kept alive for the runs
    import processing
    from qgis.core import QgsProcessingFeedback

    folder = tempfile.mkdtemp(prefix="bench-bpe-points-")
    try:
        source = os.path.join(folder, "bpe24_synthetic.csv")
        start = time.perf_counter()
        overseas, missing = synthetic_point_file(source, args.rows, args.data)
        print(f"{args.rows} equipments ({overseas} overseas, {missing} without coordinates) "
              f"written in {time.perf_counter() - start:.1f} s")
        cases = [
            ("counts per commune only", None),
            ("POINTS to GeoPackage (bulk)", "{folder}/points.gpkg"),
            ("POINTS to GeoPackage (sink)", "ogr:dbname='{folder}/sink.gpkg' table=\"points\" (geom)"),
            ("POINTS to GeoJSON (sink)", "{folder}/points.geojson"),
        ]
        print(f"{'case':32} {'seconds':>8}")
        for label, points in cases:
            best = None
            for _ in range(args.repeats):
                for name in os.listdir(folder):
                    if name != os.path.basename(source):
                        os.remove(os.path.join(folder, name))
                parameters = {"INPUT": source, "OUTPUT": os.path.join(folder, "counts.gpkg")}
                if points:
                    parameters["POINTS"] = points.format(folder=folder)
                start = time.perf_counter()
                processing.run("centralites:aggregate_bpe", parameters, feedback=QgsProcessingFeedback())
                elapsed = time.perf_counter() - start
                best = elapsed if best is None else min(best, elapsed)
            print(f"{label:32} {best:8.1f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
