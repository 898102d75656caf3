"""A sentence per commune that says why it scores as it does: its strongest and weakest indicators.

Strong and weak are read on the normalised values (0–100 on the score's own
scale, a "−" indicator already reversed), so that a commune's vacancy and its
jobs compare; each is told with its raw value and its rank among the layer's
communes (1 = the most favourable):

    "Strengths: Jobs at place of work 2018 17,961 (2nd); Shops (BPE domain B) 412 (2nd).
     Weaknesses: Annual population growth 2013-2018 (%) -0.4 (250th); …"
"""

import string

import numpy as np
import pandas as pd

from .messages import tr

EXPLANATION_FIELD = "explication"


def explanations(result, profile, count=2):
    """Series of sentences (None for an unscored commune), in the user's language."""
    labels = {f"{function}.{i['id']}": i["label"]
              for function, spec in profile["functions"].items() for i in spec["indicators"]}
    normalised = result.normalised
    keys = list(normalised.columns)
    names = [labels.get(key, key) for key in keys]
    values = normalised.to_numpy(dtype="float64")
    raw = result.indicators[keys].to_numpy(dtype="float64")
    # Ranks among the layer's communes on the raw values, 1 = the most favourable (the highest, the lowest
    # for a "−" indicator): the normalised values may be clipped at the national goalposts.
    directions = {f"{function}.{i['id']}": (-1.0 if i["direction"] == "-" else 1.0)
                  for function, spec in profile["functions"].items() for i in spec["indicators"]}
    signed = pd.DataFrame(raw * np.array([directions.get(key, 1.0) for key in keys]))
    ranks = signed.rank(ascending=False, method="min").to_numpy()
    known = ~np.isnan(values)
    order = np.argsort(np.where(known, -values, np.inf), axis=1, kind="stable")  # strongest first, gaps last
    present = known.sum(axis=1)
    scored = result.scores["score_centralite"].notna().to_numpy()  # positional: the index may be row numbers
    strengths_text, weaknesses_text = tr("Strengths: {items}."), tr("Weaknesses: {items}.")
    item = tr("{label} {value} (rank {rank})")
    rows = np.flatnonzero(scored & (present > 0))
    slots = np.arange(count)
    n = present[rows][:, None]
    # The strongest: the first ``count`` of each row's order; the weakest: its last known ones, read
    # backwards, that are not among the strongest. Every item is written once, column by column.
    strong = order[rows[:, None], np.minimum(slots, order.shape[1] - 1)]
    strong_ok = slots < n
    weak_positions = n - 1 - slots
    weak = order[rows[:, None], np.clip(weak_positions, 0, None)]
    weak_ok = weak_positions >= np.minimum(count, n)
    strong_items, weak_items = _items(item, names, raw, ranks, rows, strong), _items(item, names, raw, ranks, rows, weak)
    # Each sentence put together column by column (numpy adds object arrays of text element by element).
    empty = np.full(len(rows), "", dtype=object)
    strengths, weaknesses = _joined(strong_items, strong_ok, empty), _joined(weak_items, weak_ok, empty)
    text = _filled(strengths_text, len(rows), items=strengths)
    lost = weak_ok.any(axis=1)
    text[lost] = text[lost] + " " + _filled(weaknesses_text, int(lost.sum()), items=weaknesses[lost])
    sentences = np.full(len(values), None, dtype=object)
    sentences[rows] = text
    return pd.Series(sentences, index=normalised.index, dtype=object)


def _items(item, names, raw, ranks, rows, chosen):
    """The item text of each chosen indicator (rows x slots of indicator positions) of each row."""
    picked = np.take_along_axis(raw[rows], chosen, axis=1)
    picked_ranks = np.take_along_axis(ranks[rows], chosen, axis=1)
    # A rank is none for an imputed value (no raw value to rank).
    rank_texts = ["—" if rank < 0 else str(rank)
                  for rank in np.where(np.isnan(picked_ranks), -1, picked_ranks).astype(np.int64).ravel().tolist()]
    labels = np.array(names + [""], dtype=object)[chosen.ravel()]
    texts = _filled(item, chosen.size, label=labels, value=_as_objects(_number_texts(picked.ravel())),
                    rank=_as_objects(rank_texts))
    return texts.reshape(chosen.shape)


def _joined(items, kept, empty):
    """Per row, its kept items (rows x slots) joined by "; ", in slot order."""
    joined, started = empty.copy(), np.zeros(len(empty), dtype=bool)
    for slot in range(items.shape[1]):
        ok = kept[:, slot]
        joined[ok & started] = joined[ok & started] + "; "
        joined[ok] = joined[ok] + items[ok, slot]
        started |= ok
    return joined


def _filled(template, count, **columns):
    """``template.format(**row)`` for each of ``count`` rows, ``columns`` object arrays of text: the
    template's literal parts and fields added column by column."""
    parts = list(string.Formatter().parse(template))
    if any(spec or conversion for _, _, spec, conversion in parts):  # a translation with a format spec
        rows = [dict(zip(columns, values)) for values in zip(*columns.values())]
        return _as_objects([template.format(**row) for row in rows])
    text = np.full(count, "", dtype=object)
    for literal, name, _, _ in parts:
        if literal:
            text = text + literal
        if name is not None:
            text = text + columns[name]
    return text


def _as_objects(texts):
    array = np.empty(len(texts), dtype=object)
    array[:] = texts
    return array


def _number_texts(values):
    """``number_text`` of each value of a float array, each kind of number written in one pass."""
    texts = ["—"] * len(values)
    with np.errstate(invalid="ignore"):
        magnitude = np.abs(values)
        kinds = ((magnitude >= 100, lambda v: f"{v:,.0f}".replace(",", "\u202f")),
                 ((magnitude >= 10) & (magnitude < 100), "{:.0f}".format),
                 (magnitude < 10, "{:.1f}".format))
    for chosen, write in kinds:
        positions = np.flatnonzero(chosen)
        for position, value in zip(positions.tolist(), map(write, values[positions].tolist())):
            texts[position] = value
    return texts


def number_text(value):
    """1 234 for counts, 2.4 for rates: what a reader expects of each."""
    if value is None or value != value:  # NaN
        return "—"
    magnitude = abs(value)
    if magnitude >= 100:
        return f"{value:,.0f}".replace(",", "\u202f")
    if magnitude >= 10:
        return f"{value:.0f}"
    return f"{value:.1f}"


def points_against_median(contributions):
    """Each commune's points per indicator minus the territory's median points for it (the median over the
    communes that have a value): above zero the indicator lifts the commune above a typical commune, below
    zero it holds it back. ``contributions``: the contrib_* columns, one row per commune."""
    points = contributions.apply(pd.to_numeric, errors="coerce").astype("float64")
    return points - points.median()

