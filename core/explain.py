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
    sentences = []
    for row in range(len(values)):
        n = int(present[row])
        if not scored[row] or n == 0:
            sentences.append(None)
            continue
        strong = order[row, :min(count, n)]
        weak = [k for k in order[row, :n][::-1][:count] if k not in strong]

        def told(k, row=row):
            rank = ranks[row, k]  # none for an imputed value (no raw value to rank)
            return item.format(label=names[k], value=number_text(raw[row, k]), rank="—" if np.isnan(rank) else int(rank))

        text = strengths_text.format(items="; ".join(told(k) for k in strong))
        if weak:
            text += " " + weaknesses_text.format(items="; ".join(told(k) for k in weak))
        sentences.append(text)
    return pd.Series(sentences, index=normalised.index, dtype=object)


def number_text(value):
    """1 234 for counts, 2.4 for rates: what a reader expects of each."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
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

