"""A planner's quality check of the indicators: their range, their shape, how they correlate,
and how much each really weighs in the composite.

Two indicators correlated near ±1 count the same thing twice; an indicator
whose minimum equals its maximum does not discriminate at all; a very skewed
indicator (|skewness| > 2 and kurtosis > 3.5, the JRC/COINr rule) is decided by
a few outliers once normalised; an indicator whose effective share of the
composite's variance is more than twice, or less than half, its nominal weight
is not weighing what the profile says.
"""

import re

import numpy as np
import pandas as pd

from .messages import tr

STAT_COLUMNS = ("fonction", "indicateur", "libelle", "n", "min", "mediane", "max")
DIAGNOSTIC_COLUMNS = ("asymetrie", "kurtosis", "asymetrique", "ecretees", "r_composite", "poids_nominal",
                      "part_effective", "rapport_poids")
# The JRC/COINr rule for outliers: an indicator to treat when both are exceeded.
SKEWNESS_LIMIT, KURTOSIS_LIMIT = 2.0, 3.5
# Effective share against nominal weight: beyond this factor either way, the log warns.
WEIGHT_FACTOR = 2.0


def correlation_column(key):
    """Field name of the correlation with indicator ``key`` ("habiter.population" -> "r_habiter_population")."""
    return "r_" + re.sub(r"[^0-9A-Za-z_]", "_", key)


def _labels(profile):
    return {f"{function}.{i['id']}": i["label"]
            for function, spec in profile["functions"].items() for i in spec["indicators"]}


def indicator_statistics(raw, profile):
    """One row per indicator: count, min, median and max of its raw values, then its
    Spearman rank correlation with every indicator (over the communes having both)."""
    labels = _labels(profile)
    raw = raw.astype("float64")
    # Spearman: Pearson on ranks; ranks are unchanged by the log or winsorising transforms.
    correlations = raw.rank().corr(method="pearson", min_periods=3)
    rows = []
    for key in raw.columns:
        values = raw[key].dropna()
        function, indicator = key.split(".", 1)
        row = {
            "fonction": function,
            "indicateur": indicator,
            "libelle": labels.get(key, indicator),
            "n": int(values.size),
            "min": float(values.min()) if values.size else np.nan,
            "mediane": float(values.median()) if values.size else np.nan,
            "max": float(values.max()) if values.size else np.nan,
        }
        for other in raw.columns:
            row[correlation_column(other)] = float(correlations.loc[key, other])
        rows.append(row)
    columns = list(STAT_COLUMNS) + [correlation_column(k) for k in raw.columns]
    return pd.DataFrame(rows, columns=columns)


def score_diagnostics(result, profile, statistics=True):
    """(the statistics table with the diagnostics of each indicator, the warnings to log); without
    ``statistics``, (None, the same warnings): the table's ranks and correlations are not computed.

    Against France, each indicator's values beyond the national goalposts are clipped (the JRC
    practice against outliers): ``ecretees`` counts the communes clipped, at 0 or at 100.

    Per indicator, over the scored communes: the skewness and excess kurtosis of the values the
    score normalises (after imputation and transformation), flagged when both exceed the JRC/COINr
    limits; the Spearman correlation of its raw values with score_centralite; its nominal weight in
    the composite, (W_f / ΣW) × (w_i / Σw_f) in %; its effective share of the composite's variance,
    cov(contrib_i, score) / var(score) in % (the shares add up to 100: the contributions add up to
    the score); and the ratio of the two.
    """
    table = indicator_statistics(result.indicators, profile) if statistics else None
    labels = _labels(profile)
    scores = result.scores
    # Positional arrays: the scores may have been re-indexed (row numbers) by the caller.
    composite = scores["score_centralite"].to_numpy(dtype="float64", na_value=np.nan)
    scored = ~np.isnan(composite)
    keys = list(result.indicators.columns)
    contributions = scores[[c for c in scores.columns if c.startswith("contrib_")]].to_numpy(
        dtype="float64", na_value=np.nan)
    nominal = _nominal_weights(profile, keys)
    target = composite[scored]
    variance = float(target.var()) if target.size > 1 else 0.0
    warnings, skew, kurt, flags, r_composite, effective = [], [], [], [], [], []
    for position, key in enumerate(keys):
        transformed = (result.transformed[key].to_numpy(dtype="float64") if result.transformed is not None
                       else np.full(len(composite), np.nan))[scored]
        s, k = _shape(transformed[~np.isnan(transformed)])
        skew.append(s)
        kurt.append(k)
        flags.append(bool(abs(s) > SKEWNESS_LIMIT and k > KURTOSIS_LIMIT) if np.isfinite(s) else False)
        if statistics:
            raw = result.indicators[key].to_numpy(dtype="float64")[scored]
            both = ~np.isnan(raw)
            r_composite.append(float(pd.Series(raw[both]).rank().corr(pd.Series(target[both]).rank()))
                               if both.sum() > 2 else np.nan)
        contribution = np.nan_to_num(contributions[scored, position], nan=0.0) \
            if position < contributions.shape[1] else np.zeros(target.size)
        share = float(((contribution - contribution.mean()) * (target - target.mean())).mean()
                      / variance * 100.0) if variance > 0 else np.nan
        effective.append(share)
        label = labels.get(key, key.split(".", 1)[1])
        if flags[-1]:
            warnings.append(tr(
                "Indicator '{indicator}' is very skewed (skewness {skewness:.1f}, kurtosis {kurtosis:.1f}, beyond "
                "{skew_limit:g} and {kurt_limit:g}): a few communes decide its normalised values. Consider "
                "\"transform\": \"log\" or \"winsorise\" in the profile."
            ).format(indicator=label, skewness=s, kurtosis=k, skew_limit=SKEWNESS_LIMIT, kurt_limit=KURTOSIS_LIMIT))
        if np.isfinite(share) and nominal[position] > 0 and not (
                nominal[position] / WEIGHT_FACTOR <= share <= nominal[position] * WEIGHT_FACTOR):
            warnings.append(tr(
                "Indicator '{indicator}' carries {effective:.1f} % of the composite's variance for a nominal weight "
                "of {nominal:.1f} %: it weighs {how} than the profile says."
            ).format(indicator=label, effective=share, nominal=nominal[position],
                     how=tr("more") if share > nominal[position] else tr("less")))
    if not statistics:
        return None, warnings
    table["asymetrie"] = skew
    table["kurtosis"] = kurt
    table["asymetrique"] = [int(f) for f in flags]
    # The treatment of outliers against France: values beyond the national goalposts are clipped to 0 or 100.
    if result.method is not None and result.method.normalisation == "national" and result.normalised is not None:
        normalised = result.normalised.to_numpy(dtype="float64")[scored]
        table["ecretees"] = [int(((normalised[:, k] <= 0.0) | (normalised[:, k] >= 100.0)).sum())
                             for k in range(len(keys))]
    else:
        table["ecretees"] = [0] * len(keys)
    table["r_composite"] = r_composite
    table["poids_nominal"] = nominal
    table["part_effective"] = effective
    with np.errstate(invalid="ignore", divide="ignore"):
        table["rapport_poids"] = np.asarray(effective) / np.asarray(nominal)
    order = list(STAT_COLUMNS) + list(DIAGNOSTIC_COLUMNS)
    return table[order + [c for c in table.columns if c not in order]], warnings


def _nominal_weights(profile, keys):
    """Each indicator's weight in the composite, in %: (W_f / ΣW) × (w_i / Σw_f)."""
    functions = profile["functions"]
    total = sum(spec["weight"] for spec in functions.values())
    weights = []
    for key in keys:
        function, indicator_id = key.split(".", 1)
        spec = functions[function]
        inner = sum(i["weight"] for i in spec["indicators"])
        weight = next(i["weight"] for i in spec["indicators"] if i["id"] == indicator_id)
        weights.append(100.0 * spec["weight"] / total * weight / inner)
    return weights


def _shape(values):
    """(skewness, excess kurtosis) of a sample, NaN with fewer than 4 values or no spread."""
    values = np.asarray(values, dtype="float64")
    if values.size < 4:
        return np.nan, np.nan
    centred = values - values.mean()
    squares = centred * centred  # products, not powers: numpy's float powers are ten times slower
    sd = np.sqrt(squares.mean())
    if sd == 0:
        return np.nan, np.nan
    return float((squares * centred).mean() / sd ** 3), float((squares * squares).mean() / sd ** 4 - 3.0)
