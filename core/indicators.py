"""Derived indicators from a fixed vocabulary of formulas.

A formula is a column name or a one-key object whose operands are column
names or nested formulas, e.g.
``{"ratio": ["P18_EMPLT", {"difference": ["P18_ACT1564", "P18_CHOM1564"]}], "scale": 100}``.
Divisions by zero and missing operands give missing values, never errors.
"""

import numpy as np
import pandas as pd

# Column the QGIS side fills with each commune's ellipsoidal area in km²,
# used by "density" when the profile names no area column or the layer lacks it.
AREA_COLUMN = "__area_km2"

# kind -> (optional extra keys, number of operands)
FORMULAS = {
    "column": (set(), 1),
    "ratio": ({"scale", "min_base"}, 2),
    "per_1000": ({"min_base"}, 2),
    "share": ({"min_base"}, 2),
    "density": ({"area"}, 1),
    "growth": ({"years", "min_base"}, 2),
    "difference": (set(), 2),
}
# "min_base": a rate on a tiny base says little (+18 %/year from 5 jobs to 12): below this base — the
# denominator, or a growth's starting value — the score leaves the rate out (see small_base).


def formula_columns(formula, with_area=True):
    """Source columns a formula reads; a density's area column only if ``with_area``
    (it is optional: the geometry's area replaces it)."""
    if isinstance(formula, str):
        return [formula]
    (kind,) = [key for key in formula if key in FORMULAS]
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    columns = []
    for operand in operands:
        columns.extend(formula_columns(operand, with_area))
    if kind == "density" and formula.get("area") and with_area:
        columns.append(formula["area"])
    return columns


def evaluate(formula, frame):
    """The formula's values for every row of ``frame``, as floats (NaN when undefined)."""
    if isinstance(formula, str):
        return pd.to_numeric(frame[formula], errors="coerce").astype("float64")
    (kind,) = [key for key in formula if key in FORMULAS]
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    values = [evaluate(operand, frame) for operand in operands]
    return _evaluate_kind(kind, formula, values, frame)


def small_base(formula, frame):
    """True where the formula's rate stands on a base below its "min_base" (the denominator, or a growth's
    starting value): the score leaves such a value out, whatever the missing-data policy."""
    if isinstance(formula, str) or "min_base" not in formula:
        return pd.Series(False, index=frame.index)
    (kind,) = [key for key in formula if key in FORMULAS]
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    base = evaluate(operands[0] if kind == "growth" else operands[1], frame)
    return (base < float(formula["min_base"])).fillna(False)


def _evaluate_kind(kind, formula, values, frame):
    if kind == "column":
        return values[0]
    if kind == "ratio":
        return _divide(values[0], values[1]) * float(formula.get("scale", 1))
    if kind == "per_1000":
        return _divide(values[0], values[1]) * 1000.0
    if kind == "share":
        return _divide(values[0], values[1]) * 100.0
    if kind == "difference":
        return values[0] - values[1]
    if kind == "density":
        area_column = formula.get("area")
        if not area_column or area_column not in frame:
            area_column = AREA_COLUMN
        return _divide(values[0], pd.to_numeric(frame[area_column], errors="coerce"))
    if kind == "growth":
        start, end = formula["years"]
        with np.errstate(divide="ignore", invalid="ignore"):
            rate = (_divide(values[1], values[0]) ** (1.0 / (end - start)) - 1.0) * 100.0
        return rate.replace([np.inf, -np.inf], np.nan)
    raise ValueError(kind)  # unreachable: profiles are validated


def _divide(numerator, denominator):
    with np.errstate(divide="ignore", invalid="ignore"):
        result = numerator / denominator.where(denominator != 0)
    return result.replace([np.inf, -np.inf], np.nan)


def uses_geometry_area(formula, columns):
    """True when the formula needs the geometry's area (a density with no area column available)."""
    if isinstance(formula, str):
        return False
    (kind,) = [key for key in formula if key in FORMULAS]
    if kind == "density" and formula.get("area") not in columns:
        return True
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    return any(uses_geometry_area(operand, columns) for operand in operands)
