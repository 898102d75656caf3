"""Re-scoring with other weights, fast enough for sliders.

``compute_scores`` reads the indicators, imputes, transforms and normalises
them on every call; none of that depends on the weights. ``Rescorer`` does it
once, then ``score(function_weights, indicator_weights)`` only aggregates,
re-expresses, ranks and classes: the same ScoreResult as ``compute_scores``
with a profile carrying those weights (tests/test_core_rescoring.py checks it),
in a few milliseconds for the 35,000 communes of France.
"""

import copy
import dataclasses

import numpy as np
import pandas as pd

from .messages import tr
from .profile import FUNCTIONS, LEVEL_LABELS, LEVEL_METHODS, validate_profile
from .scoring import (
    COMPOSITE_FIELD,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    MISSING_FIELD,
    OUTPUT_FIELDS,
    RANK_FIELD,
    ScoreResult,
    ScoringError,
    _finish,
    aggregate,
    function_means,
    level_thresholds,
    normalise,
    prepare,
    reference_position,
    resolve_method,
)

# Fields a weight change can alter (donnees_manquantes depends on the data only).
WEIGHTED_FIELDS = tuple(name for name in OUTPUT_FIELDS if name != MISSING_FIELD)


class Rescorer:
    """The weight-independent part of ``compute_scores``, done once for a frame and a profile."""

    def __init__(self, frame, profile, normalisation=None, aggregation=None, levels=None, reference=None):
        self.profile = profile
        self.method = resolve_method(profile, normalisation, aggregation, levels, reference)
        if len(frame) == 0:  # every reduction below needs at least one commune
            raise ScoringError(tr("There is no commune to score: the layer has no feature."))
        self.prepared = prepare(frame, profile)
        reference_row = (reference_position(frame.index, self.method)
                         if self.method.normalisation == "reference" else None)
        self.normalised = normalise(self.prepared.values, self.prepared.directions, self.method.normalisation,
                                    reference_row, self.prepared.keys)
        self.index = frame.index
        self.missing = self.prepared.raw.isna().sum(axis=1).astype("int64")
        self._labels = np.array([None, *LEVEL_LABELS], dtype=object)  # niveau by niveau_code, None for missing

    def with_levels(self, levels):
        """The same normalised indicators, levels classed by another method (thresholds, quantiles, jenks)."""
        if levels not in LEVEL_METHODS:
            raise ScoringError(tr("Unknown level method {value}: expected one of {expected}.").format(
                value=repr(levels), expected=", ".join(LEVEL_METHODS)))
        other = copy.copy(self)
        other.method = dataclasses.replace(self.method, levels=levels)
        return other

    def known_weights(self, function_weights, indicator_weights):
        """The weights this profile has, of those given (e.g. saved with another version of the profile)."""
        keys = set(self.prepared.keys)
        return ({k: w for k, w in (function_weights or {}).items() if k in FUNCTIONS},
                {k: w for k, w in (indicator_weights or {}).items() if k in keys})

    # ------------------------------------------------------------------ weights
    @property
    def indicator_keys(self):
        """``function.indicator`` of every indicator, in the profile's order."""
        return list(self.prepared.keys)

    def profile_function_weights(self):
        return {name: float(w) for name, w in zip(FUNCTIONS, self.prepared.function_weights)}

    def profile_indicator_weights(self):
        return {key: float(w) for key, w in zip(self.prepared.keys, self.prepared.weights)}

    def _weights(self, function_weights, indicator_weights):
        functions = self.prepared.function_weights.copy()
        for name, weight in (function_weights or {}).items():
            functions[FUNCTIONS.index(name)] = _checked(weight, name)
        indicators = self.prepared.weights.copy()
        positions = {key: i for i, key in enumerate(self.prepared.keys)}
        for key, weight in (indicator_weights or {}).items():
            if key not in positions:
                raise ScoringError(tr("Unknown indicator {key}: expected one of {expected}.").format(
                    key=repr(key), expected=", ".join(positions)))
            indicators[positions[key]] = _checked(weight, key)
        return functions, indicators

    # ------------------------------------------------------------------ scoring
    def score(self, function_weights=None, indicator_weights=None):
        """ScoreResult with these weights ({function: w}, {"function.indicator": w}); the others stay
        the profile's. Weights are positive, as in a profile."""
        functions, indicators = self._weights(function_weights, indicator_weights)
        prepared = copy.copy(self.prepared)  # shallow: only the weights differ
        prepared.weights = indicators
        aggregation = self.method.aggregation
        means = function_means(self.normalised, prepared, aggregation)
        composite = aggregate(means, functions, aggregation)
        means[prepared.no_data] = np.nan
        composite[prepared.no_data] = np.nan

        rescaled = self.method.normalisation != "zscore"
        scores = pd.DataFrame(
            {f"score_{f}": _finish(means[:, i], rescaled) for i, f in enumerate(FUNCTIONS)}, index=self.index)
        scores[COMPOSITE_FIELD] = _finish(composite, rescaled)
        composite = scores[COMPOSITE_FIELD]
        scores[RANK_FIELD] = composite.rank(ascending=False, method="min").astype("Int64")
        thresholds = level_thresholds(composite, self.profile["levels"], self.method.levels)
        codes = _level_codes(composite.to_numpy(), thresholds)
        level_code = pd.Series(codes, index=self.index, dtype="Int64")
        level_code[codes == 0] = pd.NA
        scores[LEVEL_CODE_FIELD] = level_code
        scores[LEVEL_FIELD] = pd.Series(self._labels[codes], index=self.index, dtype=object)
        scores[MISSING_FIELD] = self.missing
        return ScoreResult(scores=scores[list(OUTPUT_FIELDS)], indicators=self.prepared.raw,
                           unscored=int(composite.isna().sum()), method=self.method, thresholds=thresholds)

    def profile_with(self, function_weights=None, indicator_weights=None, name=None):
        """A copy of the profile carrying these weights, validated (what "Save as profile" writes)."""
        functions, indicators = self._weights(function_weights, indicator_weights)
        data = copy.deepcopy(self.profile)
        positions = {key: i for i, key in enumerate(self.prepared.keys)}
        for position, function in enumerate(FUNCTIONS):
            spec = data["functions"][function]
            spec["weight"] = float(functions[position])
            for indicator in spec["indicators"]:
                indicator["weight"] = float(indicators[positions[f"{function}.{indicator['id']}"]])
        if name:
            data["name"] = name
        data["normalisation"] = self.method.normalisation
        data["aggregation"] = self.method.aggregation
        data["levels"]["method"] = self.method.levels
        if self.method.reference is not None:
            data["reference"] = str(self.method.reference)
        return validate_profile(data, source=data.get("name", "profile"))


def _level_codes(composite, thresholds):
    # The same rule as scoring.level_codes (codes 1–5: thresholds the score falls below, plus one),
    # as a plain array: 0 where the composite is missing.
    known = ~np.isnan(composite)
    below = np.zeros(composite.shape, dtype="int64")
    for threshold in thresholds:
        below += (composite < threshold) & known
    return np.where(known, below + 1, 0)


def _checked(weight, what):
    weight = float(weight)
    if not weight > 0 or weight == float("inf"):
        raise ScoringError(tr("The weight of {what} must be a positive number, not {weight}.").format(
            what=what, weight=repr(weight)))
    return weight


def matches_scores(result, scores, tolerance=1e-6):
    """True when ``result`` reproduces the composite score and level of ``scores`` (a frame with
    score_centralite and, when present, niveau_code, in the same row order)."""
    computed = _floats(result.scores[COMPOSITE_FIELD])
    stored = _floats(scores[COMPOSITE_FIELD])
    if computed.shape != stored.shape or not np.array_equal(np.isnan(computed), np.isnan(stored)):
        return False
    known = ~np.isnan(computed)
    if known.any() and np.nanmax(np.abs(computed[known] - stored[known])) > tolerance:
        return False
    if LEVEL_CODE_FIELD in scores:
        stored_codes = _floats(scores[LEVEL_CODE_FIELD])
        computed_codes = _floats(result.scores[LEVEL_CODE_FIELD])
        if not np.array_equal(np.nan_to_num(stored_codes, nan=-1), np.nan_to_num(computed_codes, nan=-1)):
            return False
    return True


def _floats(values):
    # Int64 columns with pd.NA, floats with NaN, None from a layer: all to float64 with NaN.
    series = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_extension_array_dtype(series.dtype):
        return series.to_numpy(dtype="float64", na_value=np.nan)
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64")
