"""Rows of codes absent from the layer summed onto today's commune.

Used for the arrondissements of Paris, Lyon and Marseille and for communes
merged since the table's year. Counts add up; rates, medians, shares and text
do not: those are left empty on the summed commune and reported. A sum with a
secret or empty part is left empty too, rather than understated.
"""

import re

import pandas as pd

# INSEE names of values that are not counts (comparateur, Filosofi, BPE distinct
# types), compared as prefixes or as parts of a name, any case.
NOT_SUMMABLE_PREFIXES = (
    "MED", "TP", "PIMP", "PACT", "PPEN", "PPAT", "PPSOC", "PPFAM", "PPMINI", "PPLOGT", "PTSA", "PCHO",
    "PBEN", "RD", "D1", "D9", "Q1", "Q2", "Q3", "GI", "TX", "TAUX", "PART", "PCT", "MOY", "DENS",
    "RATIO", "INDICE", "NB_TYPEQU",
)
_NOT_SUMMABLE_PART = re.compile(r"_(TX|TAUX|PART|PCT|MOY|MED|MEDIANE|RATIO|DENS|INDICE)(_|$)")


def is_summable(column):
    """True for a column whose values add up across communes (a count, an area)."""
    name = str(column).strip().upper()
    return not name.startswith(NOT_SUMMABLE_PREFIXES) and not _NOT_SUMMABLE_PART.search(name)


def sum_onto(table, moves, private=()):
    """Sum the rows of ``moves`` ({code: target}) onto their target.

    ``table`` is indexed by code; its float columns are numbers, the others
    text. Returns (table, details) where each target is one row (with its own
    row, if any, in the sum) and ``details`` maps each target to
    (columns left empty as not summable, columns left empty for a missing part).
    ``private`` columns are bookkeeping: the target's own values are kept.
    """
    if not moves:
        return table, {}
    keys = pd.Series([moves.get(code, code) for code in table.index], index=table.index)
    targets = set(moves.values())
    involved = keys.isin(targets).to_numpy()
    parts, group = table[involved], keys[involved]
    columns = [c for c in table.columns if c not in private]
    numbers = [c for c in columns if pd.api.types.is_float_dtype(table[c].dtype)]
    summable = [c for c in numbers if is_summable(c)]
    not_summable = [c for c in columns if c not in summable]

    sums = parts[summable].groupby(group).sum()
    missing_part = parts[summable].isna().groupby(group).any()
    summed = pd.DataFrame(index=sums.index, columns=table.columns, dtype=object)
    for column in table.columns:
        if column in summable:
            summed[column] = sums[column].mask(missing_part[column])
        elif column in private:
            summed[column] = [table.at[t, column] if t in table.index else None for t in sums.index]
        elif column in numbers:
            summed[column] = float("nan")
        else:
            summed[column] = None
    details = {
        target: (not_summable, [c for c in summable if missing_part.at[target, c]]) for target in sums.index
    }
    result = pd.concat([table[~involved], summed.astype({c: "float64" for c in numbers})])
    return result, details
