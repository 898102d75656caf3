"""Benchmark of the panel's live re-scoring (core.rescoring) on all of France.

Builds the France-wide frame as bench_sensitivity.py does (INSEE comparateur
2021 + BPE 2019 domains of ../shared/data/insee/france; a synthetic frame of
35,000 communes with --synthetic or when the files are absent), then times,
for the built-in AULA profile and each normalisation × aggregation × levels:

1. Rescorer(...) once (indicators, imputation, normalisation: what a slider
   move does not redo);
2. Rescorer.score(weights) with new weights, what each slider move costs
   (median of --repeats runs; the panel's target is under 100 ms);
3. a full compute_scores with the same weights, the plain way, for the ratio.

With --layer, QGIS (headless) times what the panel does around it on a
GeoPackage and a memory layer of the same communes: reading the layer and
finding the profile that reproduces its scores (once per layer), then writing
the new score fields back (each slider move). Usage:

    python scripts/bench_rescore.py [--repeats 20] [--data DIR] [--synthetic] [--layer]
"""

import argparse
import copy
import itertools
import os
import shutil
import statistics
import sys
import tempfile
import time

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee", "france"))


sys.path.insert(0, os.path.join(PLUGIN_ROOT, "scripts"))
from bench_sensitivity import france_frame, import_plugin  # noqa: E402


def synthetic_frame(profile, rows=35000, seed=1):
    import numpy as np
    import pandas as pd
    from centralites.core.editions import known_editions
    from centralites.core.profile import fit_profile, profile_columns

    rng = np.random.default_rng(seed)
    # The columns the profile reads on the comparateur's 2021 edition (P18_POP for P{census}_POP).
    edition = next(e for e in known_editions() if e.edition == 2021)
    bpe = ["NB_EQUIP_TOTAL"] + [f"NB_EQUIP_{d}" for d in "ABCDEFG"]
    columns = profile_columns(fit_profile(profile, edition.variables() + bpe)[0])
    values = rng.lognormal(5.0, 1.5, size=(rows, len(columns)))
    values[rng.random(values.shape) < 0.02] = np.nan
    return pd.DataFrame(values, columns=columns, index=[f"{i:05d}" for i in range(rows)])


def timed(function, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000.0)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--data", default=DEFAULT_DATA)
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--layer", action="store_true", help="time the layer read and write in QGIS too")
    args = parser.parse_args()
    if args.layer:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        from qgis_headless import start_qgis

        app = start_qgis()  # makes `centralites` importable too
        folder = tempfile.mkdtemp(prefix="centralites-bench-")
    else:
        folder = import_plugin()
    try:
        from centralites.core.profile import AGGREGATIONS, LEVEL_METHODS, load_profile
        from centralites.core.rescoring import Rescorer
        from centralites.core.scoring import compute_scores

        profile = load_profile()
        real = not args.synthetic and os.path.exists(os.path.join(args.data, "base_cc_comparateur_2021.csv"))
        frame = france_frame(args.data) if real else synthetic_frame(profile)
        print(f"{'France (INSEE comparateur 2021 + BPE 2019)' if real else 'synthetic frame'}: "
              f"{len(frame):,} communes, profile {profile['name']}")
        function_weights = {"travailler": 3.0, "consommer": 0.5}
        indicator_weights = {key: 2.0 for key in Rescorer(frame.head(5), profile).indicator_keys[:3]}
        weighted = copy.deepcopy(profile)
        for name, weight in function_weights.items():
            weighted["functions"][name]["weight"] = weight
        for key, weight in indicator_weights.items():
            function, indicator_id = key.split(".", 1)
            for indicator in weighted["functions"][function]["indicators"]:
                if indicator["id"] == indicator_id:
                    indicator["weight"] = weight
        print(f"{'normalisation':<12} {'aggregation':<11} {'levels':<10} {'prepare ms':>11} "
              f"{'re-score ms':>12} {'compute_scores ms':>18} {'ratio':>6}")
        worst = 0.0
        for normalisation, aggregation, levels in itertools.product(
                ("minmax", "zscore", "percentile"), AGGREGATIONS, LEVEL_METHODS):
            methods = {"normalisation": normalisation, "aggregation": aggregation, "levels": levels}
            prepare_ms, rescorer = timed(lambda m=methods: Rescorer(frame, profile, **m), 1)
            rescore_ms, result = timed(lambda r=rescorer: r.score(function_weights, indicator_weights), args.repeats)
            full_ms, expected = timed(lambda m=methods: compute_scores(frame, weighted, **m), 3)
            same = result.scores.equals(expected.scores)
            worst = max(worst, rescore_ms)
            print(f"{normalisation:<12} {aggregation:<11} {levels:<10} {prepare_ms:>11.0f} {rescore_ms:>12.1f} "
                  f"{full_ms:>18.0f} {full_ms / rescore_ms:>5.0f}×{'' if same else '  DIFFERENT RESULT'}")
        print(f"slowest re-score: {worst:.1f} ms ({'under' if worst < 100 else 'OVER'} the 100 ms target)")
        if args.layer:
            layer_benchmark(frame, profile, folder, function_weights, args.repeats)
            app.exitQgis()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def layer_benchmark(frame, profile, folder, function_weights, repeats):
    """Times of the panel's layer side (ui.live) on a GeoPackage and a memory layer of ``frame``."""
    from centralites.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
    from centralites.core.profile import default_profile_path
    from centralites.core.scoring import compute_scores
    from centralites.processing.frames import attribute_rows
    from centralites.ui import layer_io, live
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsProject,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    scores = compute_scores(frame, profile).scores
    table = frame.copy()
    table.insert(0, "INSEE_COM", frame.index.astype(str))
    for name in scores.columns:
        table[name] = scores[name].to_numpy()
    memory = QgsVectorLayer("MultiPolygon?crs=EPSG:2154", "communes", "memory")
    fields = []
    for name in table.columns:
        # Text columns by their content (explication, indicateurs_manquants…): a number field would
        # make the memory provider refuse every feature that has a text there.
        kind = FIELD_STRING if name in ("INSEE_COM", "niveau") or table[name].dtype == object else (
            FIELD_INT if name in ("rang", "niveau_code", "donnees_manquantes") else FIELD_DOUBLE)
        fields.append(QgsField(name, kind))
    memory.dataProvider().addAttributes(fields)
    memory.updateFields()
    features = []
    for position, values in enumerate(attribute_rows(table)):
        feature = QgsFeature(memory.fields())
        x, y = 100000.0 + (position % 200) * 5000.0, 6000000.0 + (position // 200) * 5000.0
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + 4000.0, y + 4000.0)))
        feature.setAttributes(values)
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    path = os.path.join(folder, "communes.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    QgsVectorFileWriter.writeAsVectorFormatV2(memory, path, QgsProject.instance().transformContext(), options)
    geopackage = QgsVectorLayer(path, "communes", "ogr")
    print(f"\nLayer side (ui.live), {geopackage.featureCount():,} communes:")
    for label, layer in (("GeoPackage", geopackage), ("memory layer", memory)):
        open_ms, scores_live = timed(lambda layer=layer: live.LiveScores(layer, default_profile_path()), 1)
        result = scores_live.score(function_weights, {})
        write_ms, _ = timed(lambda layer=layer, ids=scores_live.feature_ids, scores=result.scores:
                            layer_io.write_scores(layer, ids, scores), max(3, repeats // 4))
        # What a function slider costs: only the values that change (composite, rank, level).
        changed_ms, _ = timed(lambda layer=layer, ids=scores_live.feature_ids, scores=result.scores,
                              before=scores_live.written: layer_io.write_scores(layer, ids, scores, before), 1)
        print(f"  {label:<13} open and find the profile: {open_ms:6.0f} ms (matched: {scores_live.matched}); "
              f"write every score field: {write_ms:6.0f} ms; only the changed values: {changed_ms:6.0f} ms")


if __name__ == "__main__":
    main()
