"""Totals and means per territory (intercommunality or any grouping field).

Per group: the number of communes, the sums of count columns, the
population-weighted means of score columns (Σ score × population / Σ
population over the communes that have both), the number of communes at
each level of centrality and, for a layer of centrality_change, the communes
that rose, fell or held a level (``mouvement``).
"""

import re

import numpy as np
import pandas as pd

from .messages import tr
from .vocabulary import LEVEL_LABELS

GROUP_FIELD = "territoire"
LABEL_FIELD = "nom"
COUNT_FIELD = "nb_communes"
TOTAL_KEY = "TOTAL"


class SummaryError(Exception):
    """A column that cannot be summed or averaged, named with what to do."""


def level_count_field(label):
    """Field name of the communes at one level: "hors centralité" -> "nb_hors_centralite"."""
    plain = label.replace("é", "e").replace("è", "e")
    return "nb_" + re.sub(r"[^0-9a-z]+", "_", plain.lower()).strip("_")


def mean_field(column):
    return f"moy_{column}"


MOVES = ("progresse", "recule", "stable")  # core/trajectory.py's moves between two dates


def summarise(frame, group, label=None, sums=(), weight=None, means=(), level_code=None, total=True, moves=None):
    """One row per value of ``group`` (sorted), then a TOTAL row when ``total``.

    ``level_code`` names a column of niveau codes (1 majeure … 5 hors centralité); ``moves`` a column of
    moves between two dates (progresse, recule, stable), counted as nb_progresse, nb_recule, nb_stable.
    Communes whose group is empty are gathered under an empty key.
    """
    numbers = {}
    for column in list(sums) + list(means) + ([weight] if weight else []):
        values = pd.to_numeric(frame[column], errors="coerce")
        if values.isna().all() and frame[column].notna().any():
            raise SummaryError(tr("Column '{column}' holds no numbers: choose a numeric column to sum or "
                                  "average.").format(column=column))
        numbers[column] = values.astype("float64")
    keys = frame[group].map(lambda v: "" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v))
    work = pd.DataFrame(numbers, index=frame.index)
    work["__key"] = keys.to_numpy()
    groups = [(key, work[work["__key"] == key]) for key in sorted(work["__key"].unique())]
    if total:
        groups.append((TOTAL_KEY, work))
    labels = {}
    if label:
        first = frame.groupby(keys.to_numpy(), sort=False)[label].first()
        labels = {k: ("" if v is None or pd.isna(v) else str(v)) for k, v in first.items()}
    rows = []
    for position, (key, part) in enumerate(groups):
        is_total = total and position == len(groups) - 1
        row = {GROUP_FIELD: key, LABEL_FIELD: "Total" if is_total else labels.get(key, ""),
               COUNT_FIELD: int(len(part))}
        for column in sums:
            row[column] = float(part[column].sum(min_count=1)) if part[column].notna().any() else np.nan
        for column in means:
            row[mean_field(column)] = _weighted_mean(part[column], part[weight] if weight else None)
        if level_code:
            codes = pd.to_numeric(frame.loc[part.index, level_code], errors="coerce")
            for code, level in enumerate(LEVEL_LABELS, start=1):
                row[level_count_field(level)] = int((codes == code).sum())
        if moves:
            moved = frame.loc[part.index, moves].astype(object)
            for move in MOVES:
                row[f"nb_{move}"] = int((moved == move).sum())
        rows.append(row)
    columns = [GROUP_FIELD, LABEL_FIELD, COUNT_FIELD] + list(sums) + [mean_field(c) for c in means]
    if level_code:
        columns += [level_count_field(level) for level in LEVEL_LABELS]
    if moves:
        columns += [f"nb_{move}" for move in MOVES]
    return pd.DataFrame(rows, columns=columns)


def _weighted_mean(values, weights):
    if weights is None:
        known = values.dropna()
        return float(known.mean()) if len(known) else np.nan
    both = values.notna() & weights.notna() & (weights > 0)
    total = weights[both].sum()
    if total <= 0:
        return np.nan
    return float((values[both] * weights[both]).sum() / total)
