"""Four sub-scores, composite score, rank and level of centrality.

Method (documented in the algorithm help, kept simple until the score issue
deepens it): each indicator is optionally log-transformed, normalised min-max
to 0–100 over the territory (reversed when its direction is "-"), averaged
with its weight into its function, and the four function means are averaged
with their weights into the composite. Sub-scores and composite are then each
re-expressed on 0–100 over the territory (100 = the highest commune), so that
the level thresholds read the same on any territory. A commune with no raw
value at all is left unscored. Missing values follow each indicator's policy: "reweight" (the
indicator is left out for that commune and the others' weights re-spread),
"zero" (the raw value taken as 0) or "median" (the territory's median).
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .indicators import evaluate
from .profile import FUNCTIONS, LEVEL_LABELS

SCORE_FIELDS = tuple(f"score_{name}" for name in FUNCTIONS)
COMPOSITE_FIELD = "score_centralite"
RANK_FIELD = "rang"
LEVEL_FIELD = "niveau"
LEVEL_CODE_FIELD = "niveau_code"
MISSING_FIELD = "donnees_manquantes"
OUTPUT_FIELDS = SCORE_FIELDS + (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD, MISSING_FIELD)


@dataclass
class ScoreResult:
    scores: pd.DataFrame  # OUTPUT_FIELDS, one row per commune, same index as the input
    indicators: pd.DataFrame  # raw indicator values, columns named function.indicator
    unscored: int  # communes without a single indicator value


def compute_scores(frame, profile):
    """Score every row of ``frame`` (one row per commune) with ``profile``."""
    raw, normalised, weights = {}, {}, {}
    for function, spec in profile["functions"].items():
        for indicator in spec["indicators"]:
            key = f"{function}.{indicator['id']}"
            values = evaluate(indicator["formula"], frame)
            raw[key] = values
            normalised[key] = _normalise(values, indicator)
            weights[key] = indicator["weight"]
    raw = pd.DataFrame(raw, index=frame.index)
    normalised = pd.DataFrame(normalised, index=frame.index)

    means = pd.DataFrame(index=frame.index)
    for function, spec in profile["functions"].items():
        keys = [f"{function}.{i['id']}" for i in spec["indicators"]]
        means[function] = _weighted_mean(normalised[keys], [weights[k] for k in keys])
    # A commune without a single raw value stays unscored, whatever the imputation policies.
    no_data = raw.isna().all(axis=1)
    means[no_data] = np.nan
    function_weights = [profile["functions"][f]["weight"] for f in FUNCTIONS]
    # The composite averages the function means before any re-expression: rescaling each
    # function first would let a commune's rise on one indicator lower its own composite.
    scores = pd.DataFrame({f"score_{f}": _rescale(means[f]) for f in FUNCTIONS}, index=frame.index)
    scores[COMPOSITE_FIELD] = _rescale(_weighted_mean(means[list(FUNCTIONS)], function_weights))

    composite = scores[COMPOSITE_FIELD]
    scores[RANK_FIELD] = composite.rank(ascending=False, method="min").astype("Int64")
    codes = level_codes(composite, profile["levels"]["thresholds"])
    scores[LEVEL_CODE_FIELD] = codes
    scores[LEVEL_FIELD] = codes.map(lambda c: LEVEL_LABELS[c - 1] if pd.notna(c) else None).astype(object)
    scores[MISSING_FIELD] = raw.isna().sum(axis=1).astype("int64")
    unscored = int(composite.isna().sum())
    return ScoreResult(scores=scores[list(OUTPUT_FIELDS)], indicators=raw, unscored=unscored)


def level_codes(composite, thresholds):
    """1 (majeure) … 5 (hors centralité) from decreasing thresholds; missing stays missing."""
    codes = pd.Series(pd.NA, index=composite.index, dtype="Int64")
    known = composite.notna()
    # Number of thresholds the score falls below, plus one.
    below = sum((composite[known] < t).astype(int) for t in thresholds)
    codes[known] = below + 1
    return codes


def _normalise(values, indicator):
    # "zero" imputes the raw value (a commune absent from the BPE has no equipment);
    # "median" the territory's median; "reweight" leaves the gap to _weighted_mean.
    if indicator["missing"] == "zero":
        values = values.fillna(0.0)
    elif indicator["missing"] == "median":
        values = values.fillna(values.median())
    if indicator["transform"] == "log":
        values = np.sign(values) * np.log1p(values.abs())
    low, high = values.min(), values.max()
    if pd.isna(low) or high == low:
        scaled = values.where(values.isna(), 50.0)
    else:
        scaled = (values - low) / (high - low) * 100.0
    if indicator["direction"] == "-":
        scaled = 100.0 - scaled
    return scaled


def _weighted_mean(values, weights):
    """Row-wise weighted mean over the available values (weights re-spread over them)."""
    weights = np.asarray(weights, dtype="float64")
    present = values.notna().to_numpy()
    filled = values.fillna(0.0).to_numpy()
    total_weight = (present * weights).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (filled * weights).sum(axis=1) / total_weight
    return pd.Series(np.where(total_weight > 0, mean, np.nan), index=values.index)


def _rescale(values):
    low, high = values.min(), values.max()
    if pd.isna(low):
        return values
    if high == low:
        return values.where(values.isna(), 100.0)
    return (values - low) / (high - low) * 100.0
