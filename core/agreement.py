"""Agreement between two classifications of the same communes into ordered levels.

Levels are the score's codes, 1 (majeure) … 5 (hors centralité). Measures, over
the communes that have both levels (the others are counted, not compared):

- exact agreement: the share of communes at the same level;
- Cohen's weighted kappa, κ = 1 − Σ w·O / Σ w·E, with O the observed confusion
  matrix (proportions), E the matrix expected by chance (the product of its
  margins) and the disagreement weight of levels i and j w = |i − j| (linear)
  or (i − j)² (quadratic): 1 is perfect agreement, 0 what chance gives;
- the confusion matrix, and the communes two levels apart or more.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .messages import tr
from .vocabulary import LEVEL_LABELS

LEVELS = tuple(range(1, len(LEVEL_LABELS) + 1))


class AgreementError(Exception):
    """Nothing to compare (no commune with both levels, levels outside 1–5)."""


@dataclass
class Agreement:
    confusion: pd.DataFrame  # counts: rows the layer's levels, columns the reference's, 1…5
    compared: int  # communes with both levels
    without_level: int  # communes of the layer without a level (unscored)
    without_reference: int  # communes with a level but none in the reference
    exact: float  # share at the same level
    kappa_linear: float
    kappa_quadratic: float
    differences: pd.DataFrame = field(default=None)  # code, level, reference, difference (|·| ≥ 2)
    higher: int = 0  # communes the layer puts above the reference
    lower: int = 0  # … below


def compare(levels, reference):
    """``levels`` and ``reference``: Series of codes 1–5 (NaN / None when absent) indexed by commune code."""
    duplicated = pd.Index(levels.index)[pd.Index(levels.index).duplicated()].unique()
    if len(duplicated):
        raise AgreementError(tr(
            "Commune codes appear more than once in the layer ({codes}): one level per commune is compared."
        ).format(codes=", ".join(map(str, duplicated[:5]))))
    levels = _codes(levels, tr("the layer's levels"))
    reference = _codes(reference, tr("the reference levels")).reindex(levels.index)
    has_level = levels.notna()
    both = has_level & reference.notna()
    if not both.any():
        raise AgreementError(tr(
            "No commune has both a level and a reference level ({levels} with a level, none of them in the "
            "reference): check the commune code field and that the reference covers the layer's communes."
        ).format(levels=int(has_level.sum())))
    ours, theirs = levels[both].astype(int), reference[both].astype(int)
    confusion = pd.crosstab(ours, theirs).reindex(index=LEVELS, columns=LEVELS, fill_value=0)
    observed = confusion.to_numpy(dtype="float64")
    n = observed.sum()
    difference = ours - theirs
    apart = difference[difference.abs() >= 2]
    return Agreement(
        confusion=confusion,
        compared=int(n),
        without_level=int((~has_level).sum()),
        without_reference=int((has_level & reference.isna()).sum()),
        exact=float(np.trace(observed) / n),
        kappa_linear=weighted_kappa(observed, power=1),
        kappa_quadratic=weighted_kappa(observed, power=2),
        differences=pd.DataFrame({"code": apart.index, "niveau_code": ours[apart.index].to_numpy(),
                                  "niveau_reference": theirs[apart.index].to_numpy(),
                                  "ecart": apart.to_numpy()}),
        # A smaller code is a higher level (1 majeure).
        higher=int((difference < 0).sum()),
        lower=int((difference > 0).sum()),
    )


def weighted_kappa(confusion, power=2):
    """Cohen's weighted kappa of a square confusion matrix (counts); disagreement weights |i − j|^power."""
    observed = np.asarray(confusion, dtype="float64")
    total = observed.sum()
    if total == 0:
        return float("nan")
    observed = observed / total
    expected = np.outer(observed.sum(axis=1), observed.sum(axis=0))
    k = observed.shape[0]
    weights = np.abs(np.subtract.outer(np.arange(k), np.arange(k))) ** power
    chance = (weights * expected).sum()
    if chance == 0:
        return 1.0  # a single level everywhere, in both: nothing chance could get wrong
    return float(1.0 - (weights * observed).sum() / chance)


def anct_to_codes(values):
    """INRAE/ANCT levels (4 majeur … 0 non centre) → the score's codes (1 majeure … 5 hors centralité)."""
    numbers = pd.to_numeric(pd.Series(values), errors="coerce")
    return (len(LEVELS) - numbers).where(numbers.notna())


def _codes(values, what):
    series = pd.Series(values)
    numbers = pd.to_numeric(series, errors="coerce")
    bad = numbers.notna() & ~numbers.isin(LEVELS)
    if bad.any():
        examples = ", ".join(f"{code}: {value}" for code, value in list(series[bad].items())[:5])
        raise AgreementError(tr(
            "{what}: levels are codes 1 (majeure) to 5 (hors centralité); found {examples}."
        ).format(what=what, examples=examples))
    unreadable = series.notna() & numbers.isna() & (series.astype(str).str.strip() != "")
    if unreadable.any():
        examples = ", ".join(f"{code}: {value}" for code, value in list(series[unreadable].items())[:5])
        raise AgreementError(tr("{what}: not a level code: {examples}.").format(what=what, examples=examples))
    return numbers
