"""The national reference frame: each indicator's distribution over the communes of France.

Normalised within the layer, a score depends on the territory cut and on its
extreme commune (Lens scores 100 over the AULA territory, 69 over France).
Normalised against France ("national"), a commune's indicator is placed
between the national goalposts — the 1st and 99th percentiles of France,
beyond which it is clipped (the JRC practice against outliers):

    y = 100 × clip((x − p01) / (p99 − p01), 0, 1)       (x reversed for a "−" indicator)

so a score, and a level, mean the same in Lens as in Lyon and do not move
when the layer is cut differently. ``resources/reference/reference_nationale.json``
holds, for every indicator of the shipped profiles (keyed by its formula as the
profile writes it and its transformation), the quantiles of its values over
France, written by ``scripts/build_national_reference.py`` from INSEE's files.
"""

import json
import os

import numpy as np

from .messages import tr

REFERENCE_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "reference",
                              "reference_nationale.json")
QUANTILES = (0.0, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 1.0)
GOALPOSTS = (0.01, 0.99)


class ReferenceError(Exception):
    """An indicator without a national reference, or an unreadable reference file."""


def indicator_key(indicator):
    """The key of an indicator in the reference: its formula as the profile writes it (placeholders
    kept, so that one reference serves every edition), its transformation and winsorising percentile."""
    formula = indicator.get("source_formula", indicator["formula"])
    parts = {"formula": formula, "transform": indicator.get("transform", "none")}
    if parts["transform"] == "winsorise":
        parts["percentile"] = indicator.get("percentile", 95.0)
    return json.dumps(parts, sort_keys=True, ensure_ascii=False)


_LOADED = {}


def load_reference(path=None):
    """{key: {"quantiles": [...], "n": …}, ...} and the file's header (source, edition, date)."""
    path = path or REFERENCE_FILE
    if path not in _LOADED:
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError) as error:
            raise ReferenceError(tr("{path}: the national reference cannot be read ({error}).").format(
                path=path, error=error)) from error
        _LOADED[path] = data
    return _LOADED[path]


def goalposts(indicators, keys, shares=GOALPOSTS, path=None):
    """K × 2 array: the national quantiles at ``shares`` (by default the 1st and 99th percentiles) of each
    indicator (``indicators`` in the order of ``keys``, the score's "function.id"). Raises ReferenceError
    naming those without."""
    data = load_reference(path)
    table = data["indicators"]
    bounds, missing = [], []
    for key, indicator in zip(keys, indicators):
        entry = table.get(indicator_key(indicator))
        if entry is None:
            missing.append(key)
            bounds.append((np.nan, np.nan))
            continue
        quantiles = dict(zip(data["quantiles"], entry["quantiles"]))
        bounds.append((quantiles[shares[0]], quantiles[shares[1]]))
    if missing:
        raise ReferenceError(tr(
            "No national reference for {indicators}: the reference of France (resources/reference) covers the "
            "indicators of the shipped profiles. Normalise within the layer (min-max, z-score, percentile), or "
            "add them with scripts/build_national_reference.py."
        ).format(indicators=", ".join(missing)))
    return np.asarray(bounds, dtype="float64")


def describe(path=None):
    """E.g. "France, 34,863 communes, INSEE comparateur 2021 and BPE 2019"."""
    data = load_reference(path)
    return data.get("description", "")


def distribution(values):
    """The quantiles of ``values`` (NaN left out) stored in the reference, and their count."""
    values = np.asarray(values, dtype="float64")
    values = values[~np.isnan(values)]
    if values.size == 0:
        return None
    return {"quantiles": [float(q) for q in np.quantile(values, QUANTILES)], "n": int(values.size)}
