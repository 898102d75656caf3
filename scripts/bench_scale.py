"""Benchmark of the cost's growth: join + score on 35,000 and on 350,000 features.

A synthetic layer of square 1 km cells (EPSG:2154), each holding the INSEE code
of a French commune: one cell per commune of the France-wide comparateur
(34,965 cells), then ten cells per commune (349,650 cells, like IRIS or a
grid). Each size is joined (``centralites:join_tables``: the comparateur 2021
and the BPE 2019 counted per commune by ``aggregate_bpe``) and scored
(``centralites:centrality_score``), as a whole process (QGIS start included),
twice: with a memory layer between the steps (the console) and with
GeoPackage files.

Prints seconds (whole process and the steps' own time), peak memory, and the
growth from 35,000 to 350,000 (target: at most 11x for 10x the features, peak
memory at most 3 GB).

    python scripts/bench_scale.py [--data DIR] [--repeat 1] [--factor 10] [--routes memory,files]

``--factor 16`` makes 559,440 cells (a 1 km grid of France is about 550,000); ``--factor 40 --routes files``
1.4 million, the GeoPackage route only (the memory one needs twice the memory).
"""

import argparse
import os
import shutil
import struct
import sys
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
import bench_console  # noqa: E402
import bench_join  # noqa: E402

CHILD = bench_join.CHILD_HEAD + bench_console.TIMED + r'''
if step.startswith(("memory_", "files_")):
    route, size = step.split("_")
    grid = folder + "/grid_" + size + ".gpkg|layername=grid"
    tables = [data + "/base_cc_comparateur_2021.csv", folder + "/bpe2019.csv"]
    joined = folder + "/joined_" + size + ".gpkg" if route == "files" else "TEMPORARY_OUTPUT"
    joined = timed("join_tables", "centralites:join_tables", {{"INPUT": grid, "TABLES": tables, "OUTPUT": joined}})
    timed("centrality_score", "centralites:centrality_score", {{"INPUT": joined["OUTPUT"],
                                                               "OUTPUT": folder + "/" + step + ".gpkg"}})
''' + bench_join.CHILD_TAIL
LIMIT_MB = 3 * 1024


def commune_codes(data):
    """The comparateur's commune codes, Paris, Lyon and Marseille whole (not their arrondissements)."""
    with open(os.path.join(data, "base_cc_comparateur_2021.csv"), encoding="utf-8") as handle:
        handle.readline()
        codes = [line.split(";", 1)[0] for line in handle if line.strip()]
    arrondissements = {f"751{n:02d}" for n in range(1, 21)} | {f"6938{n}" for n in range(1, 10)} \
        | {f"132{n:02d}" for n in range(1, 17)}
    return [code for code in codes if code not in arrondissements]


def build_grid(path, codes, per_code):
    """A GeoPackage layer `grid` of 1 km squares in rows of 1,000, ``per_code`` cells for each code."""
    from osgeo import ogr, osr

    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(2154)
    layer = dataset.CreateLayer("grid", crs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("INSEE_COM", ogr.OFTString))
    definition = layer.GetLayerDefn()
    layer.StartTransaction()
    count = 0
    for code in codes:
        for _ in range(per_code):
            x, y = 100000 + 1000 * (count % 1000), 6000000 + 1000 * (count // 1000)
            ring = (x, y, x + 1000, y, x + 1000, y + 1000, x, y + 1000, x, y)
            feature = ogr.Feature(definition)
            feature.SetField(0, code)
            feature.SetGeometry(ogr.CreateGeometryFromWkb(struct.pack("<BIII10d", 1, 3, 1, 5, *ring)))
            layer.CreateFeature(feature)
            count += 1
    layer.CommitTransaction()
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=bench_join.DEFAULT_DATA, help="folder of the France-wide INSEE files")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each step (the best is kept)")
    parser.add_argument("--factor", type=int, default=10, help="cells per commune of the large layer")
    parser.add_argument("--routes", default="memory,files",
                        help="memory (a memory layer between the steps), files (GeoPackages), or both")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "base_cc_comparateur_2021.csv")):
        sys.exit(f"no France-wide INSEE files in {args.data}")
    folder = tempfile.mkdtemp(prefix="centralites-bench-scale-")
    try:
        codes = commune_codes(args.data)
        sizes = {"small": build_grid(os.path.join(folder, "grid_small.gpkg"), codes, 1),
                 "large": build_grid(os.path.join(folder, "grid_large.gpkg"), codes, args.factor)}
        bench_join.build_layer(os.path.join(folder, "communes.gpkg"))  # the copy's yardstick
        bench_join.run_step("prepare", folder, args.data, CHILD)
        labels = {"copy": "native:savefeatures (France's communes)"}
        routes = [route for route in ("memory", "files") if route in args.routes.split(",")]
        for route, text in (("memory", "memory layer between"), ("files", "GeoPackages between")):
            for size, features in sizes.items() if route in routes else ():
                labels[f"{route}_{size}"] = f"join + score, {features:,} cells, {text}"
        outputs = {}
        best = bench_join.best_runs(labels, folder, args.data, args.repeat, CHILD,
                                    ("joined_small.gpkg", "joined_large.gpkg"), outputs)
        bench_join.print_table(best, labels)
        growth = sizes["large"] / sizes["small"]
        for route in routes:
            small, large = best[f"{route}_small"], best[f"{route}_large"]
            own_small = sum(bench_console.step_times(outputs[f"{route}_small"]).values())
            own_large = sum(bench_console.step_times(outputs[f"{route}_large"]).values())
            print(f"{route}: {growth:.0f}x the features cost {own_large / own_small:.1f}x the steps' own time "
                  f"({own_small:.1f} s -> {own_large:.1f} s; {large[0] / small[0]:.1f}x whole processes) "
                  f"(target <= 11x); peak {small[1]:.0f} MB -> {large[1]:.0f} MB (target <= {LIMIT_MB} MB)")
        print(f"Load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
