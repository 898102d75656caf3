"""Four sub-scores, composite score, rank and level of centrality.

Method (the algorithm help gives the same formulas to the users):

1. Each indicator is computed from the columns (``core.indicators``); a missing
   value follows its policy: "reweight" (left out for that commune, the other
   weights re-spread), "zero" (the raw value read as 0) or "median" (the
   territory's median). It is then optionally transformed: log(1+x) (sign kept)
   or winsorised (clipped to the territory's (100−p)th and pth percentiles).
2. Normalisation, over the communes that have a value (x the value, reversed
   for a "−" indicator):
   - minmax: y = 100·(x − min)/(max − min) (50 when all equal);
   - zscore: z = (x − mean)/sd (population sd), y = 100·Φ(z), Φ the standard
     normal distribution: 50 = the territory's mean;
   - percentile: y = 100·(r − 1)/(n − 1), r the commune's rank from the lowest
     (ties share their mean rank), n the communes with a value;
   - reference: y = min(100, 100·(x − min)/(x_ref − min)): the share of the way
     from the territory's lowest value to the reference commune's (100 = the
     reference or better).
3. Aggregation with the weights, of the indicators into each function, then of
   the four functions into the composite:
   - arithmetic (compensatory): Σ w·y / Σ w;
   - geometric (a weakness is not fully made up by a strength):
     exp(Σ w·ln(1 + y) / Σ w) − 1.
4. Re-expression: except with zscore (already on 0–100 around the mean), each
   sub-score and the composite are re-expressed min-max on 0–100 over the
   territory (100 = the highest commune). The composite aggregates the function
   scores *before* this re-expression, and every normalisation above can only
   lower the other communes when one commune's value rises: so raising a "+"
   indicator never lowers that commune's composite.
5. Levels (niveau_code 1 majeure … 5 hors centralité) from the composite:
   fixed thresholds, quantiles (cumulative shares of communes from the top) or
   natural breaks (Jenks, five classes).

A commune with no raw value at all is kept, unscored, and counted.
"""

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .breaks import jenks_breaks
from .indicators import evaluate
from .messages import tr
from .profile import AGGREGATIONS, FUNCTIONS, LEVEL_LABELS, LEVEL_METHODS, NORMALISATIONS, profile_columns

SCORE_FIELDS = tuple(f"score_{name}" for name in FUNCTIONS)
COMPOSITE_FIELD = "score_centralite"
RANK_FIELD = "rang"
LEVEL_FIELD = "niveau"
LEVEL_CODE_FIELD = "niveau_code"
MISSING_FIELD = "donnees_manquantes"
OUTPUT_FIELDS = SCORE_FIELDS + (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD, MISSING_FIELD)


class ScoringError(Exception):
    """A scoring choice that cannot be applied to these data (e.g. an unknown reference commune)."""


@dataclass
class Method:
    normalisation: str = "minmax"
    aggregation: str = "arithmetic"
    levels: str = "thresholds"
    reference: object = None  # the reference commune's row label (normalisation "reference")


@dataclass
class Prepared:
    """Indicators ready to normalise: what scoring and the Monte Carlo share."""

    raw: pd.DataFrame  # raw indicator values, columns function.indicator
    values: np.ndarray  # imputed and transformed, NaN where left out (N × K)
    directions: np.ndarray  # +1 / -1 per indicator
    weights: np.ndarray  # indicator weights (K)
    function_of: np.ndarray  # index into FUNCTIONS of each indicator (K)
    function_weights: np.ndarray  # (4)
    no_data: np.ndarray  # communes without a single raw value (N, bool)
    keys: list = field(default_factory=list)


@dataclass
class ScoreResult:
    scores: pd.DataFrame  # OUTPUT_FIELDS, one row per commune, same index as the input
    indicators: pd.DataFrame  # raw indicator values, columns named function.indicator
    unscored: int  # communes without a single indicator value
    method: Method = None
    thresholds: list = None  # the composite's level limits actually used


def resolve_method(profile, normalisation=None, aggregation=None, levels=None, reference=None):
    """The profile's methods, each overridden by the argument when given."""
    method = Method(
        normalisation=normalisation or profile.get("normalisation", "minmax"),
        aggregation=aggregation or profile.get("aggregation", "arithmetic"),
        levels=levels or profile["levels"]["method"],
        reference=reference if reference not in (None, "") else profile.get("reference"),
    )
    for value, allowed, what in ((method.normalisation, NORMALISATIONS, "normalisation"),
                                 (method.aggregation, AGGREGATIONS, "aggregation"),
                                 (method.levels, LEVEL_METHODS, "levels")):
        if value not in allowed:
            unknown = {
                "normalisation": tr("Unknown normalisation {value}: expected one of {expected}."),
                "aggregation": tr("Unknown aggregation {value}: expected one of {expected}."),
                "levels": tr("Unknown level method {value}: expected one of {expected}."),
            }[what]
            raise ScoringError(unknown.format(value=repr(value), expected=", ".join(allowed)))
    if method.normalisation == "reference" and method.reference in (None, ""):
        raise ScoringError(tr("Normalisation 'reference' needs the code of a reference commune."))
    return method


def compute_scores(frame, profile, normalisation=None, aggregation=None, levels=None, reference=None):
    """Score every row of ``frame`` (one row per commune) with ``profile``.

    The method arguments override the profile's; ``reference`` is the row label
    of the reference commune (normalisation "reference").
    """
    method = resolve_method(profile, normalisation, aggregation, levels, reference)
    if len(frame) == 0:  # every reduction below (min, max, quantiles) needs at least one commune
        raise ScoringError(tr("There is no commune to score: the layer has no feature."))
    refuse_text_columns(frame, profile)
    prepared = prepare(frame, profile)
    reference_row = reference_position(frame.index, method) if method.normalisation == "reference" else None
    normalised = normalise(prepared.values, prepared.directions, method.normalisation, reference_row,
                           prepared.keys)
    means = function_means(normalised, prepared, method.aggregation)  # N × 4
    composite = aggregate(means, prepared.function_weights, method.aggregation)
    means[prepared.no_data] = np.nan
    composite[prepared.no_data] = np.nan

    index = frame.index
    rescaled = method.normalisation != "zscore"
    scores = pd.DataFrame(
        {f"score_{f}": _finish(means[:, i], rescaled) for i, f in enumerate(FUNCTIONS)}, index=index)
    scores[COMPOSITE_FIELD] = _finish(composite, rescaled)
    composite = scores[COMPOSITE_FIELD]
    scores[RANK_FIELD] = composite.rank(ascending=False, method="min").astype("Int64")
    thresholds = level_thresholds(composite, profile["levels"], method.levels)
    codes = level_codes(composite, thresholds)
    scores[LEVEL_CODE_FIELD] = codes
    scores[LEVEL_FIELD] = level_labels(codes)
    scores[MISSING_FIELD] = prepared.raw.isna().sum(axis=1).astype("int64")
    unscored = int(composite.isna().sum())
    return ScoreResult(scores=scores[list(OUTPUT_FIELDS)], indicators=prepared.raw, unscored=unscored,
                       method=method, thresholds=thresholds)


# --------------------------------------------------------------------------- steps


def refuse_text_columns(frame, profile):
    """A ScoringError naming the first column the profile reads that holds text, not numbers:
    its values would all be missing, and silently reweighted away."""
    for column in profile_columns(profile, with_area=False):
        if column not in frame.columns or pd.api.types.is_numeric_dtype(frame[column].dtype):
            continue
        values = frame[column].dropna()
        values = values[values.astype(str).str.strip() != ""]  # empty cells are missing values, not text
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers.isna().any():
            example = values[numbers.isna()].iloc[0]
            raise ScoringError(tr(
                "The column '{column}' holds text, not numbers (e.g. '{example}'): an indicator needs a numeric "
                "column. Name another column in the profile, or convert this one to numbers.").format(
                column=column, example=str(example)[:40]))


def prepare(frame, profile):
    """Raw indicators, then imputation and transformation, as arrays."""
    raw, prepared, keys, directions, weights, function_of = {}, [], [], [], [], []
    for position, (function, spec) in enumerate(profile["functions"].items()):
        for indicator in spec["indicators"]:
            key = f"{function}.{indicator['id']}"
            values = evaluate(indicator["formula"], frame)
            raw[key] = values
            prepared.append(_impute_and_transform(values, indicator).to_numpy(dtype="float64"))
            keys.append(key)
            directions.append(-1.0 if indicator["direction"] == "-" else 1.0)
            weights.append(indicator["weight"])
            function_of.append(FUNCTIONS.index(function) if function in FUNCTIONS else position)
    raw = pd.DataFrame(raw, index=frame.index)
    return Prepared(
        raw=raw,
        values=np.column_stack(prepared) if prepared else np.empty((len(frame), 0)),
        directions=np.asarray(directions),
        weights=np.asarray(weights, dtype="float64"),
        function_of=np.asarray(function_of),
        function_weights=np.asarray([profile["functions"][f]["weight"] for f in FUNCTIONS], dtype="float64"),
        no_data=raw.isna().all(axis=1).to_numpy(),
        keys=keys,
    )


def _impute_and_transform(values, indicator):
    # "zero" imputes the raw value (a commune absent from the BPE has no equipment);
    # "median" the territory's median; "reweight" leaves the gap to the aggregation.
    if indicator["missing"] == "zero":
        values = values.fillna(0.0)
    elif indicator["missing"] == "median" and values.notna().any():
        values = values.fillna(values.median())
    if indicator["transform"] == "log":
        values = np.sign(values) * np.log1p(values.abs())
    elif indicator["transform"] == "winsorise":
        known = values.dropna()
        if len(known):
            upper = indicator.get("percentile", 95.0)
            low, high = np.percentile(known, [100.0 - upper, upper])
            values = values.clip(lower=low, upper=high)
    return values


def reference_position(index, method):
    """Row position of the reference commune, or a ScoringError saying what to do."""
    reference = method.reference
    matches = np.flatnonzero(index.astype(str) == str(reference))
    if len(matches) != 1:
        message = (tr("The reference commune '{reference}' is not in the layer (or appears more than once): "
                      "give the code of one of its communes, e.g. {examples}.") if len(matches) > 1
                   else tr("The reference commune '{reference}' is not in the layer: give the code of one of its "
                           "communes, e.g. {examples}."))
        raise ScoringError(message.format(reference=reference, examples=", ".join(str(c) for c in list(index[:3]))))
    return int(matches[0])


def normalise(values, directions, method, reference_row=None, keys=None):
    """N × K values → N × K normalised values on 0–100 (NaN stays NaN)."""
    values = np.asarray(values, dtype="float64") * directions  # a "−" indicator reversed
    present = ~np.isnan(values)
    out = np.full(values.shape, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "minmax":
            low, high = np.nanmin(_guard(values), axis=0), np.nanmax(_guard(values), axis=0)
            span = high - low
            out = np.where(span > 0, (values - low) / np.where(span > 0, span, 1.0) * 100.0, 50.0)
        elif method == "zscore":
            mean = np.nanmean(_guard(values), axis=0)
            sd = np.nanstd(_guard(values), axis=0)
            z = np.where(sd > 0, (values - mean) / np.where(sd > 0, sd, 1.0), 0.0)
            out = 100.0 * _normal_cdf(z)
        elif method == "percentile":
            out = _percentile_ranks(values)
        elif method == "reference":
            if reference_row is None:
                raise ScoringError(tr("Normalisation 'reference' needs the code of a reference commune."))
            low = np.nanmin(_guard(values), axis=0)
            target = values[reference_row]
            if np.isnan(target).any():
                names = [keys[i] if keys else str(i) for i in np.flatnonzero(np.isnan(target))]
                raise ScoringError(tr(
                    "The reference commune has no value for {indicators}: choose another reference "
                    "commune, or give these indicators the missing-data policy \"zero\" or \"median\".").format(
                        indicators=", ".join(names)))
            span = target - low
            # The reference at the territory's lowest: every commune reaches it.
            out = np.where(span > 0, np.minimum(100.0, (values - low) / np.where(span > 0, span, 1.0) * 100.0),
                           100.0)
        else:
            raise ScoringError(tr("Unknown normalisation {value}: expected one of {expected}.").format(
                value=repr(method), expected=", ".join(NORMALISATIONS)))
    return np.where(present, out, np.nan)


def _guard(values):
    # nanmin and friends warn on all-NaN columns; an all-NaN column stays NaN anyway.
    return np.where(np.isnan(values).all(axis=0), 0.0, values) if values.size else values


_ERF = np.frompyfunc(math.erf, 1, 1)


def _normal_cdf(z):
    return 0.5 * (1.0 + _ERF(np.asarray(z) / math.sqrt(2.0)).astype("float64"))


def _percentile_ranks(values):
    out = np.full(values.shape, np.nan)
    for k in range(values.shape[1]):
        column = pd.Series(values[:, k])
        n = column.notna().sum()
        if n == 0:
            continue
        ranks = column.rank(method="average")
        out[:, k] = (ranks - 1.0) / (n - 1) * 100.0 if n > 1 else np.where(column.notna(), 50.0, np.nan)
    return out


def function_means(normalised, prepared, aggregation):
    """N × 4: each function's aggregate of its normalised indicators."""
    means = np.full((normalised.shape[0], len(FUNCTIONS)), np.nan)
    for i in range(len(FUNCTIONS)):
        columns = prepared.function_of == i
        if columns.any():
            means[:, i] = aggregate(normalised[:, columns], prepared.weights[columns], aggregation)
    return means


def aggregate(values, weights, aggregation):
    """Row-wise weighted mean over the available values (weights re-spread over them).

    ``weights`` is one weight per column (K) or one column of weights per draw
    (K × D, then the result is N × D).
    """
    values = np.asarray(values, dtype="float64")
    weights = np.asarray(weights, dtype="float64")
    present = ~np.isnan(values)
    if aggregation == "geometric":
        filled = np.where(present, np.log1p(np.where(present, values, 0.0)), 0.0)
    elif aggregation == "arithmetic":
        filled = np.where(present, values, 0.0)
    else:
        raise ScoringError(tr("Unknown aggregation {value}: expected one of {expected}.").format(
            value=repr(aggregation), expected=", ".join(AGGREGATIONS)))
    total_weight = present.astype("float64") @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (filled @ weights) / total_weight
    if aggregation == "geometric":
        mean = np.expm1(mean)
    return np.where(total_weight > 0, mean, np.nan)


def _finish(values, rescaled):
    series = pd.Series(values)
    if not rescaled:
        return series.to_numpy()
    return _rescale(series).to_numpy()


def _rescale(values):
    low, high = values.min(), values.max()
    if pd.isna(low):
        return values
    if high == low:
        return values.where(values.isna(), 100.0)
    return (values - low) / (high - low) * 100.0


# --------------------------------------------------------------------------- levels


def level_thresholds(composite, levels, method=None):
    """The four decreasing limits of the composite for levels 1–4 under ``method``."""
    method = method or levels["method"]
    known = pd.Series(composite).dropna().to_numpy(dtype="float64")
    if method == "thresholds":
        return list(levels["thresholds"])
    if known.size == 0:
        return list(levels["thresholds"])
    if method == "quantiles":
        # A commune is in the top share s when its composite reaches the (1 − s) quantile.
        return [float(np.quantile(known, 1.0 - share, method="higher")) for share in levels["shares"]]
    if method == "jenks":
        return jenks_breaks(known, classes=len(LEVEL_LABELS))
    raise ScoringError(tr("Unknown level method {value}: expected one of {expected}.").format(
        value=repr(method), expected=", ".join(LEVEL_METHODS)))


def level_codes(composite, thresholds):
    """1 (majeure) … 5 (hors centralité) from decreasing thresholds; missing stays missing."""
    composite = pd.Series(composite)
    codes = pd.Series(pd.NA, index=composite.index, dtype="Int64")
    known = composite.notna()
    # Number of thresholds the score falls below, plus one.
    below = sum((composite[known] < t).astype(int) for t in thresholds)
    codes[known] = below + 1
    return codes


def level_labels(codes):
    return codes.map(lambda c: LEVEL_LABELS[int(c) - 1] if pd.notna(c) else None).astype(object)
