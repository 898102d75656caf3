"""A sentence per commune that says why it scores as it does: its strongest and weakest indicators.

Strong and weak are read on the normalised values (0–100 on the score's own
scale, a "−" indicator already reversed), so that a commune's vacancy and its
jobs compare; each is told with its raw value and its rank among the layer's
communes (1 = the most favourable):

    "Strengths: Jobs at place of work 2018 17,961 (2nd); Shops (BPE domain B) 412 (2nd).
     Weaknesses: Annual population growth 2013-2018 (%) -0.4 (250th); …"
"""

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
    sentences = [None] * len(values)
    for position, row in enumerate(rows.tolist()):
        kept = [text for text, ok in zip(strong_items[position], strong_ok[position]) if ok]
        text = strengths_text.format(items="; ".join(kept))
        lost = [text for text, ok in zip(weak_items[position], weak_ok[position]) if ok]
        if lost:
            text += " " + weaknesses_text.format(items="; ".join(lost))
        sentences[row] = text
    return pd.Series(sentences, index=normalised.index, dtype=object)


def _items(item, names, raw, ranks, rows, chosen):
    """The item text of each chosen indicator (rows x slots of indicator positions) of each row."""
    picked = np.take_along_axis(raw[rows], chosen, axis=1)
    picked_ranks = np.take_along_axis(ranks[rows], chosen, axis=1)
    # A rank is none for an imputed value (no raw value to rank).
    rank_texts = np.where(np.isnan(picked_ranks), -1, picked_ranks).astype(np.int64).tolist()
    return [[item.format(label=names[k], value=number_text(value), rank="—" if rank < 0 else rank)
             for k, value, rank in zip(ks, values, rank_row)]
            for ks, values, rank_row in zip(chosen.tolist(), picked.tolist(), rank_texts)]


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

