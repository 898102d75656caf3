"""Population and jobs between two censuses, per level of centrality: what the panel's "Change by level" shows."""

import re

import pandas as pd

from .indicators import evaluate
from .messages import tr
from .vocabulary import LEVEL_CODE_FIELD, LEVEL_LABELS

CHANGE_MEASURES = ("POP", "EMPLT")  # census population and jobs at place of work: P13_POP, P18_EMPLT…
CHANGE_COLUMN = re.compile(r"P\d\d_(POP|EMPLT)")  # the census counts a layer may hold, any edition


def change_fields(names):
    """{"POP": (13, 18), "EMPLT": (13, 18)}: the earliest and latest census years of each measure
    found among ``names`` (P13_POP, P18_POP… or P16_POP, P22_POP: any edition), and the columns
    missing for a measure with fewer than two, named by role (P{previous}_POP)."""
    found, missing = {}, []
    for measure in CHANGE_MEASURES:
        years = sorted(int(m.group(1)) for m in (re.fullmatch(rf"P(\d\d)_{measure}", n) for n in names) if m)
        if len(years) >= 2:
            found[measure] = (years[0], years[-1])
        else:
            present = {f"P{y:02d}_{measure}" for y in years}
            # Named by role: the comparateur's edition says which years (P16_POP, P22_POP in 2025).
            missing += [f"P{{previous}}_{measure}"] if present else [f"P{{previous}}_{measure}", f"P{{census}}_{measure}"]
    return found, missing


def change_by_level(data):
    """(table, years per measure, missing columns): per level and for all communes, the number of
    communes, the sums of population and jobs at two census dates and their annual change rate (%).
    The table is None when neither population nor jobs have two dates."""
    names = [c for c in data.columns if isinstance(c, str)]
    years, missing = change_fields(names)
    if not years or not len(data):
        return None, years, missing
    columns = [f"P{y:02d}_{m}" for m, pair in years.items() for y in pair]
    frame = data[columns].apply(pd.to_numeric, errors="coerce")
    codes = pd.to_numeric(data[LEVEL_CODE_FIELD], errors="coerce").fillna(0).astype(int).to_numpy()
    groups = frame.groupby(codes)  # 1 majeure … 5 hors centralité, 0 unscored
    sums = groups.sum(min_count=1)
    sums.loc[-1] = frame.sum(min_count=1)  # every commune
    counts = groups.size()
    counts.loc[-1] = len(frame)
    order = [code for code in (1, 2, 3, 4, 5, 0) if code in sums.index] + [-1]
    sums = sums.loc[order]
    labels = {code: label for code, label in enumerate(LEVEL_LABELS, start=1)}
    labels.update({0: "—", -1: tr("All communes")})
    table = pd.DataFrame({"level": [labels[code] for code in order],
                          "communes": counts.loc[order].to_numpy()})
    for measure, (first, last) in years.items():
        start, end = f"P{first:02d}_{measure}", f"P{last:02d}_{measure}"
        table[start] = sums[start].to_numpy()
        table[end] = sums[end].to_numpy()
        growth = evaluate({"growth": [start, end], "years": [2000 + first, 2000 + last]}, sums)
        table[f"{measure}_rate"] = growth.to_numpy()
    return table, {m: (2000 + a, 2000 + b) for m, (a, b) in years.items()}, missing
