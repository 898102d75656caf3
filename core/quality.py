"""A planner's quality check of the indicators: their range and how they correlate.

Two indicators correlated near ±1 count the same thing twice; an indicator
whose minimum equals its maximum does not discriminate at all.
"""

import re

import numpy as np
import pandas as pd

STAT_COLUMNS = ("fonction", "indicateur", "libelle", "n", "min", "mediane", "max")


def correlation_column(key):
    """Field name of the correlation with indicator ``key`` ("habiter.population" -> "r_habiter_population")."""
    return "r_" + re.sub(r"[^0-9A-Za-z_]", "_", key)


def indicator_statistics(raw, profile):
    """One row per indicator: count, min, median and max of its raw values, then its
    Spearman rank correlation with every indicator (over the communes having both)."""
    labels = {f"{function}.{i['id']}": i["label"]
              for function, spec in profile["functions"].items() for i in spec["indicators"]}
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
