"""Monte Carlo rank bands: how much a commune's rank and level depend on the scoring choices.

Each draw picks a normalisation and an aggregation among those given, and
perturbs the weights of the profile (of the indicators within each function
and of the four functions):

- "noise": w' = w × (1 + u), u uniform on [−a, a] (a = ``noise``, 0.25 = ±25 %);
- "dirichlet": the weights of a group (the indicators of a function, or the four
  functions) drawn from a Dirichlet distribution with parameters
  c·k·w/Σw (k weights in the group, c = ``concentration``): their mean is the
  profile's weights, and with equal weights and c = 1 every split of the total
  weight is equally likely;
- "none": the profile's weights (only the methods vary).

For every commune: the 5th, 50th and 95th percentiles of its rank over the
draws, and the share of draws in which it keeps the level of the reference
run (the profile's own methods and weights). Draws are computed in batches as
matrix products (N communes × K indicators × D draws): no per-draw Python loop
over communes.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .messages import tr
from .numpy_versions import percentile
from .profile import AGGREGATIONS, NORMALISATIONS
from .vocabulary import FUNCTIONS, LEVEL_CODE_FIELD, RANK_FIELD
from .scoring import (
    UNSCALED,
    ScoringError,
    classify,
    compute_scores,
    level_limits,
    national_bounds,
    normalise,
    prepare,
    reference_position,
    resolve_method,
)

WEIGHT_MODES = ("none", "noise", "dirichlet")
BAND_FIELDS = ("rang_p05", "rang_p50", "rang_p95")
STABLE_FIELD = "part_niveau_stable"
# Which choice moves a commune: the width of its 90 % rank band when only the weights are drawn (the
# profile's methods kept), and when only the methods are (the profile's weights kept).
SPLIT_FIELDS = ("ecart_poids", "ecart_methodes")
OUTPUT_FIELDS = BAND_FIELDS + (STABLE_FIELD,) + SPLIT_FIELDS


@dataclass
class SensitivityResult:
    bands: pd.DataFrame  # OUTPUT_FIELDS, one row per commune, same index as the input
    base_rank: pd.Series  # the reference run's rank
    draws: int
    combinations: dict  # (normalisation, aggregation) -> number of draws


def monte_carlo(frame, profile, draws=1000, weights="dirichlet", noise=0.25, concentration=1.0,
                normalisations=("minmax", "zscore", "percentile"), aggregations=AGGREGATIONS,
                reference=None, seed=1, batch=100, is_cancelled=None, split=True):
    """Rank bands and level stability of every row of ``frame`` over ``draws`` random scorings, and
    (``split``) which choice moves each commune: the width of its 90 % rank band with the weights alone
    drawn, then the methods alone (half as many draws each). None when ``is_cancelled()`` becomes true."""
    result = _monte_carlo(frame, profile, draws, weights, noise, concentration, normalisations, aggregations,
                          reference, seed, batch, is_cancelled)
    if result is None or not split:
        return result
    method = resolve_method(profile, reference=reference)
    half = max(draws // 2, 1)
    runs = {
        "ecart_poids": (weights, (method.normalisation,), (method.aggregation,)),
        "ecart_methodes": ("none", normalisations, aggregations),
    }
    for field_name, (drawn_weights, drawn_normalisations, drawn_aggregations) in runs.items():
        alone = _monte_carlo(frame, profile, half, drawn_weights, noise, concentration, drawn_normalisations,
                             drawn_aggregations, reference, seed + 1, batch, is_cancelled)
        if alone is None:
            return None
        result.bands[field_name] = (alone.bands["rang_p95"] - alone.bands["rang_p05"]).astype("Int64")
    return result


def _monte_carlo(frame, profile, draws, weights, noise, concentration, normalisations, aggregations,
                 reference, seed, batch, is_cancelled):
    """Rank bands and level stability of every row of ``frame`` over ``draws`` random scorings.

    ``reference`` is the row label of the reference commune (normalisation "reference").
    Returns None when ``is_cancelled()`` becomes true.
    """
    reference = reference if reference not in (None, "") else profile.get("reference")
    _check(draws, weights, noise, concentration, normalisations, aggregations, reference)
    base = compute_scores(frame, profile, reference=reference if profile.get("normalisation") == "reference"
                          else None)
    base_codes = base.scores[LEVEL_CODE_FIELD].to_numpy(dtype="float64", na_value=np.nan)
    level_method = base.method.levels
    prepared = prepare(frame, profile)
    reference_row = reference_position(frame.index, resolve_method(profile, "reference", reference=reference)) \
        if "reference" in normalisations else None
    normalised = {name: normalise(prepared.values, prepared.directions, name, reference_row, prepared.keys,
                                  national_bounds(prepared, resolve_method(profile, name, reference=reference),
                                                  profile))
                  for name in normalisations}

    rng = np.random.default_rng(seed)
    combos = [(n, a) for n in normalisations for a in aggregations]
    choice = rng.integers(0, len(combos), size=draws)
    indicator_weights = _draw_weights(rng, prepared.weights, prepared.function_of, draws, weights, noise,
                                      concentration)
    function_weights = _draw_weights(rng, prepared.function_weights, np.zeros(len(FUNCTIONS), dtype=int), draws,
                                     weights, noise, concentration)

    n = len(frame)
    scored = ~prepared.no_data
    terms = _function_terms(normalised, prepared, aggregations)
    # Draws × communes, each draw a contiguous row: sorting and reductions run along rows.
    ranks = np.zeros((draws, n), dtype=np.uint16 if n < 2 ** 16 else np.uint32)
    stable = np.zeros(n)
    counts = {}
    for c, (normalisation, aggregation) in enumerate(combos):
        rows = np.flatnonzero(choice == c)
        counts[(normalisation, aggregation)] = int(rows.size)
        for start in range(0, rows.size, batch):
            if is_cancelled is not None and is_cancelled():
                return None
            chunk = rows[start:start + batch]
            composite = _composites(terms[(normalisation, aggregation)], prepared.function_of,
                                    indicator_weights[:, chunk], function_weights[:, chunk], aggregation,
                                    rescale=normalisation not in UNSCALED)
            composite[:, ~scored] = np.nan
            ranks[chunk] = _ranks(composite)
            # Classed exactly like the reference run (scoring.level_limits): no perturbation, no change.
            # Fixed limits hold on the profile's own scale only (as scoring.resolve_method says).
            method = level_method if normalisation == base.method.normalisation or level_method != "thresholds" \
                else "quantiles"
            codes = classify(composite, level_limits(composite, profile["levels"], method))
            stable += (codes == base_codes[None, :]).sum(axis=0)

    bands = pd.DataFrame(_column_percentiles(ranks, (5, 50, 95)), index=frame.index, columns=list(BAND_FIELDS))
    bands[STABLE_FIELD] = stable / draws * 100.0
    for field in BAND_FIELDS + (STABLE_FIELD,):
        bands.loc[~scored, field] = np.nan
    for field in BAND_FIELDS:
        bands[field] = bands[field].round().astype("Int64")
    return SensitivityResult(bands=bands, base_rank=base.scores[RANK_FIELD], draws=draws, combinations=counts)


def _check(draws, weights, noise, concentration, normalisations, aggregations, reference):
    if not isinstance(draws, (int, np.integer)) or draws < 1:
        raise ScoringError(tr("The number of draws is a positive integer, not {value}.").format(value=repr(draws)))
    if weights not in WEIGHT_MODES:
        raise ScoringError(tr("Weight perturbation {value}: expected one of {expected}.").format(
            value=repr(weights), expected=", ".join(WEIGHT_MODES)))
    if weights == "noise" and not 0 < noise < 1:
        raise ScoringError(tr("The weight noise is a share between 0 and 1 (0.25 = ±25 %), not {value}.").format(
            value=repr(noise)))
    if weights == "dirichlet" and not concentration > 0:
        raise ScoringError(tr("The Dirichlet concentration is a positive number, not {value}.").format(
            value=repr(concentration)))
    if not normalisations or not aggregations:
        raise ScoringError(tr("Choose at least one normalisation and one aggregation to draw from."))
    for value in normalisations:
        if value not in NORMALISATIONS:
            raise ScoringError(tr("Unknown normalisation {value}: expected one of {expected}.").format(
                value=repr(value), expected=", ".join(NORMALISATIONS)))
    for value in aggregations:
        if value not in AGGREGATIONS:
            raise ScoringError(tr("Unknown aggregation {value}: expected one of {expected}.").format(
                value=repr(value), expected=", ".join(AGGREGATIONS)))
    if "reference" in normalisations and reference in (None, ""):
        raise ScoringError(tr("Normalisation 'reference' needs the code of a reference commune."))


def _draw_weights(rng, base, groups, draws, mode, noise, concentration):
    """K × D weights: the base weights perturbed within each group."""
    base = np.asarray(base, dtype="float64")
    if mode == "none":
        return np.repeat(base[:, None], draws, axis=1)
    if mode == "noise":
        return base[:, None] * (1.0 + rng.uniform(-noise, noise, size=(base.size, draws)))
    out = np.empty((base.size, draws))
    for group in np.unique(groups):
        members = np.flatnonzero(groups == group)
        share = base[members] / base[members].sum()
        alpha = concentration * members.size * share
        # Scaled back to the group's total weight: only the split between members changes.
        out[members] = rng.dirichlet(alpha, size=draws).T * base[members].sum()
    return out


def _function_terms(normalised, prepared, aggregations):
    """Per (normalisation, aggregation) and function: the transposed values to weigh (k × N, 0 where
    missing) and the transposed presence mask, computed once for all draws."""
    terms = {}
    for name, values in normalised.items():
        present = ~np.isnan(values)
        for aggregation in aggregations:
            if aggregation == "geometric":
                filled = np.where(present, np.log1p(np.where(present, values, 0.0)), 0.0)
            else:
                filled = np.where(present, values, 0.0)
            terms[(name, aggregation)] = [
                (np.ascontiguousarray(filled[:, prepared.function_of == f].T),
                 np.ascontiguousarray(present[:, prepared.function_of == f].T.astype("float64")))
                for f in range(len(FUNCTIONS))]
    return terms


def _composites(terms, function_of, indicator_weights, function_weights, aggregation, rescale):
    """D × N composites for D draws of weights (the steps of scoring.compute_scores, as matrix products)."""
    d, n = indicator_weights.shape[1], terms[0][0].shape[1]
    numerator, denominator = np.zeros((d, n)), np.zeros((d, n))
    for f, (filled, present) in enumerate(terms):
        if not filled.shape[0]:
            continue
        weights = indicator_weights[function_of == f].T  # D × k
        mean = weights @ filled
        if present.all():  # the usual case: one total weight a draw, no gap to re-spread
            mean /= weights.sum(axis=1)[:, None]
            mean *= function_weights[f][:, None]
            numerator += mean
            denominator += function_weights[f][:, None]
            continue
        weight_total = weights @ present
        known = weight_total > 0
        with np.errstate(invalid="ignore", divide="ignore"):
            mean /= weight_total
        # Geometric: the function's score is expm1(mean of logs) and the composite takes log1p
        # of it again, so the mean of logs carries straight on.
        numerator += np.where(known, mean, 0.0) * function_weights[f][:, None]
        denominator += known * function_weights[f][:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        composite = numerator / denominator
    if aggregation == "geometric":
        np.expm1(composite, out=composite)
    composite[denominator == 0] = np.nan
    if rescale:
        with np.errstate(invalid="ignore"):
            low = np.fmin.reduce(composite, axis=1)[:, None]
            high = np.fmax.reduce(composite, axis=1)[:, None]
            span = high - low
            flat = (span <= 0).ravel()
            composite -= low
            composite *= 100.0 / np.where(span > 0, span, 1.0)
            composite[flat] = np.where(np.isnan(composite[flat]), np.nan, 100.0)
    return composite


def _ranks(composite):
    """D × N ranks, 1 = highest, ties share the best rank (as scoring's "min" rank); unscored last."""
    d, n = composite.shape
    keys = np.negative(composite)  # ascending keys: the highest first, unscored (NaN) sorted last
    order = np.argsort(keys, axis=1)
    ordered = np.take_along_axis(keys, order, axis=1)
    # Rank of a sorted position: one plus the position where its run of equal values starts.
    starts = np.zeros((d, n), dtype=np.int64)
    starts[:, 1:] = np.where(ordered[:, 1:] != ordered[:, :-1], np.arange(1, n), 0)
    np.maximum.accumulate(starts, axis=1, out=starts)
    ranks = np.empty((d, n), dtype=np.int64)
    np.put_along_axis(ranks, order, starts + 1, axis=1)
    return ranks


def _column_percentiles(ranks, percentiles, columns=2048):
    """N × len(percentiles): each commune's rank percentiles over the draws, one partition per block."""
    out = np.empty((ranks.shape[1], len(percentiles)))
    for start in range(0, ranks.shape[1], columns):
        block = np.ascontiguousarray(ranks[:, start:start + columns].T)
        out[start:start + columns] = percentile(block, percentiles, "nearest", axis=1).T
    return out
