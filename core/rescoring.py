"""Re-scoring with other weights, fast enough for sliders.

``core.scoring.Scorer`` is the score's one pipeline: indicators, imputation,
transformation and normalisation once, then ``score(function_weights,
indicator_weights)`` aggregates, re-expresses, ranks and classes — the same
ScoreResult as ``compute_scores`` with a profile carrying those weights
(tests/core/test_core_rescoring.py checks it), in a few milliseconds for the
35,000 communes of France. ``Rescorer`` adds what the panel needs around it.
"""

import copy

import numpy as np
import pandas as pd

from .profile import validate_profile
from .vocabulary import (
    COMPOSITE_FIELD,
    FUNCTIONS,
    LEVEL_CODE_FIELD,
    MISSING_FIELD,
    MISSING_LIST_FIELD,
    OUTPUT_FIELDS,
)
from .scoring import Scorer

# Fields a weight change can alter (donnees_manquantes and indicateurs_manquants depend on the data only).
WEIGHTED_FIELDS = tuple(name for name in OUTPUT_FIELDS if name not in (MISSING_FIELD, MISSING_LIST_FIELD))


class Rescorer(Scorer):
    """A Scorer with what the panel needs around it: the weights it knows, and the profile those
    weights make ("Save as profile"). The scores are the Scorer's: one pipeline."""

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

    def profile_with(self, function_weights=None, indicator_weights=None, name=None):
        """A copy of the profile carrying these weights, validated (what "Save as profile" writes)."""
        functions, indicators = self._weights(function_weights, indicator_weights)
        data = copy.deepcopy(self.profile)
        positions = {key: i for i, key in enumerate(self.prepared.keys)}
        for position, function in enumerate(FUNCTIONS):
            spec = data["functions"][function]
            spec["weight"] = float(functions[position])
            for indicator in spec["indicators"]:
                key = f"{function}.{indicator['id']}"
                if key in positions:  # an optional indicator left out on this layer keeps its weight
                    indicator["weight"] = float(indicators[positions[key]])
        if name:
            data["name"] = name
        data["normalisation"] = self.method.normalisation
        data["aggregation"] = self.method.aggregation
        data["levels"]["method"] = self.method.levels
        if self.method.reference is not None:
            data["reference"] = str(self.method.reference)
        return validate_profile(data, source=data.get("name", "profile"))


def matches_scores(result, scores, tolerance=1e-6):
    """True when ``result`` reproduces the composite score and level of ``scores`` (a frame with
    score_centralite and, when present, niveau_code, in the same row order)."""
    if not matches_composite(result.scores[COMPOSITE_FIELD], scores, tolerance):
        return False
    if LEVEL_CODE_FIELD in scores:
        stored_codes = _floats(scores[LEVEL_CODE_FIELD])
        computed_codes = _floats(result.scores[LEVEL_CODE_FIELD])
        if not np.array_equal(np.nan_to_num(stored_codes, nan=-1), np.nan_to_num(computed_codes, nan=-1)):
            return False
    return True


def matches_composite(composite, scores, tolerance=1e-6):
    """True when the composite scores ``composite`` (same row order) are those of ``scores``."""
    computed = _floats(composite)
    stored = _floats(scores[COMPOSITE_FIELD])
    if computed.shape != stored.shape or not np.array_equal(np.isnan(computed), np.isnan(stored)):
        return False
    known = ~np.isnan(computed)
    return not (known.any() and np.nanmax(np.abs(computed[known] - stored[known])) > tolerance)


def _floats(values):
    # Int64 columns with pd.NA, floats with NaN, None from a layer: all to float64 with NaN.
    series = pd.Series(values).reset_index(drop=True)
    if pd.api.types.is_extension_array_dtype(series.dtype):
        return series.to_numpy(dtype="float64", na_value=np.nan)
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype="float64")
