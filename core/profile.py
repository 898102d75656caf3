"""Indicator profiles: which indicators make each function, and how they weigh.

A profile is a JSON file. It is validated field by field, and its formulas use
a fixed vocabulary (``core.indicators.FORMULAS``): nothing read from a file is
ever executed as code.
"""

import json
import math
import os
import re

from .editions import (
    SLOTS,
    EditionError,
    growth_slots,
    is_known_variable,
    resolve_profile,
    slots_of,
    unknown_column_hint,
)
from .indicators import AREA_COLUMN, FORMULAS, formula_columns, uses_geometry_area
from .messages import tr, translated_data
from .reference import GOALPOSTS, QUANTILES
from .vocabulary import FUNCTIONS, LEVEL_LABELS

_BRACES = re.compile(r"\{([^{}]*)\}")

DIRECTIONS = ("+", "-")
TRANSFORMS = ("none", "log", "winsorise")
MISSING_POLICIES = ("reweight", "zero", "median")
NORMALISATIONS = ("minmax", "zscore", "percentile", "reference", "national")
AGGREGATIONS = ("arithmetic", "geometric")
LEVEL_METHODS = ("thresholds", "quantiles", "jenks")
DEFAULT_THRESHOLDS = [88.0, 72.0, 52.0, 35.0]
# Cumulative shares of communes from the top, as in the INRAE/ANCT 2021 levels of
# all France (majeur 142, structurant 742, intermédiaire 2,880, local 7,007 of 34,746).
DEFAULT_SHARES = [0.004, 0.025, 0.11, 0.31]
DEFAULT_WINSORISE_PERCENTILE = 95.0
# A commune is scored on at least three functions, each with at least half of its indicators.
DEFAULT_AVAILABILITY = {"function": 0.5, "functions": 3}

_PROFILE_KEYS = {"name", "description", "version", "sources", "missing", "levels", "functions", "comment", "availability",
                 "goalposts",
                 "normalisation", "aggregation", "reference"}
_FUNCTION_KEYS = {"label", "weight", "indicators", "comment"}
_INDICATOR_KEYS = {"id", "label", "formula", "direction", "weight", "transform", "percentile", "missing", "comment",
                   "optional"}
_LEVEL_KEYS = {"method", "thresholds", "shares", "comment"}


class ProfileError(Exception):
    """An invalid profile, with a message naming the file and the faulty entry."""


def profiles_dir():
    return os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "profiles")


def default_profile_path():
    return os.path.join(profiles_dir(), "aula_360.json")


def load_profile(path=None):
    """Read and validate a profile file (the built-in default when ``path`` is empty)."""
    path = path or default_profile_path()
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as error:
        raise ProfileError(tr("{path}: profile file not found.").format(path=path)) from error
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProfileError(tr("{path}: not a valid JSON file ({error}).").format(path=path, error=error)) from error
    except RecursionError:
        raise ProfileError(tr("{path}: the profile is nested too deeply to be read (formulas hold at most "
                              "{depth} levels).").format(path=path, depth=MAX_FORMULA_DEPTH)) from None
    profile = validate_profile(data, source=path)
    if os.path.dirname(os.path.abspath(path)) == os.path.abspath(profiles_dir()):
        _translate_labels(profile)
    return profile


def _translate_labels(profile):
    """A shipped profile's indicator labels in the user's language (they are in the plugin's catalogue,
    placeholders kept: "Population {census}" → "Population {census}", "Vacant dwellings {census} (%)" →
    "Logements vacants {census} (%)"); a user's own profile keeps its labels as written."""
    for spec in profile["functions"].values():
        for indicator in spec["indicators"]:
            indicator["label"] = translated_data(indicator["label"])


def validate_profile(data, source="profile"):
    """Check the structure of a profile and fill defaults; return it."""
    if not isinstance(data, dict):
        raise ProfileError(tr("{source}: a profile is a JSON object.").format(source=source))
    _no_unknown_keys(data, _PROFILE_KEYS, source)
    profile = {
        "name": str(data.get("name", os.path.basename(str(source)))),
        "description": str(data.get("description", "")),
        "sources": str(data.get("sources", "")),
        "missing": data.get("missing", "reweight"),
        "normalisation": data.get("normalisation", "minmax"),
        "aggregation": data.get("aggregation", "arithmetic"),
        "reference": data.get("reference"),
        "levels": _levels(data.get("levels", {}), source),
        "availability": _availability(data.get("availability", {}), source),
        "goalposts": _goalposts(data.get("goalposts", list(GOALPOSTS)), source),
        "functions": {},
    }
    if profile["missing"] not in MISSING_POLICIES:
        raise ProfileError(tr("{source}: 'missing' must be one of {expected}.").format(
            source=source, expected=", ".join(MISSING_POLICIES)))
    if profile["normalisation"] not in NORMALISATIONS:
        raise ProfileError(tr("{source}: 'normalisation' must be one of {expected}, not {value}.").format(
            source=source, expected=", ".join(NORMALISATIONS), value=repr(profile["normalisation"])))
    if profile["aggregation"] not in AGGREGATIONS:
        raise ProfileError(tr("{source}: 'aggregation' must be one of {expected}, not {value}.").format(
            source=source, expected=", ".join(AGGREGATIONS), value=repr(profile["aggregation"])))
    if profile["reference"] is not None:
        if not isinstance(profile["reference"], str) or not profile["reference"].strip():
            raise ProfileError(tr("{source}: 'reference' is a commune code written as text, e.g. \"62498\".").format(
                source=source))
        profile["reference"] = profile["reference"].strip()
    if profile["normalisation"] == "reference" and not profile["reference"]:
        raise ProfileError(tr("{source}: normalisation 'reference' needs 'reference', the code of the "
                              "reference commune (e.g. \"62498\").").format(source=source))
    functions = data.get("functions")
    if not isinstance(functions, dict):
        raise ProfileError(tr("{source}: 'functions' must be an object with {expected}.").format(
            source=source, expected=", ".join(FUNCTIONS)))
    for name in functions:
        if name not in FUNCTIONS:
            raise ProfileError(tr("{source}: unknown function '{name}'; expected {expected}.").format(
                source=source, name=name, expected=", ".join(FUNCTIONS)))
    for name in FUNCTIONS:
        where = f"{source}: functions.{name}"
        if name not in functions:
            raise ProfileError(tr("{where} is missing: a profile defines the four functions.").format(where=where))
        profile["functions"][name] = _function(functions[name], where, profile["missing"])
    return profile


def _function(data, where, default_missing):
    if not isinstance(data, dict):
        raise ProfileError(tr("{where}: must be an object.").format(where=where))
    _no_unknown_keys(data, _FUNCTION_KEYS, where)
    indicators = data.get("indicators")
    if not isinstance(indicators, list) or not indicators:
        raise ProfileError(tr("{where}.indicators: give at least one indicator.").format(where=where))
    parsed = [_indicator(item, f"{where}.indicators[{i}]", default_missing) for i, item in enumerate(indicators)]
    ids = [item["id"] for item in parsed]
    if len(set(ids)) != len(ids):
        raise ProfileError(tr("{where}: indicator ids must be unique.").format(where=where))
    return {
        "label": str(data.get("label", where.rsplit(".", 1)[-1].capitalize())),
        "weight": _weight(data.get("weight", 1), f"{where}.weight"),
        "indicators": parsed,
    }


def _indicator(data, where, default_missing):
    if not isinstance(data, dict):
        raise ProfileError(tr("{where}: must be an object.").format(where=where))
    _no_unknown_keys(data, _INDICATOR_KEYS, where)
    for required in ("id", "formula"):
        if required not in data:
            raise ProfileError(tr("{where}: '{key}' is required.").format(where=where, key=required))
    direction = data.get("direction", "+")
    if direction not in DIRECTIONS:
        raise ProfileError(tr("{where}.direction: '+' or '-', not {value}.").format(where=where, value=repr(direction)))
    transform = data.get("transform", "none")
    if transform not in TRANSFORMS:
        raise ProfileError(tr("{where}.transform: one of {expected}, not {value}.").format(
            where=where, expected=", ".join(TRANSFORMS), value=repr(transform)))
    percentile = data.get("percentile", DEFAULT_WINSORISE_PERCENTILE)
    if "percentile" in data and transform != "winsorise":
        raise ProfileError(tr("{where}.percentile: only with \"transform\": \"winsorise\".").format(where=where))
    if (not isinstance(percentile, (int, float)) or isinstance(percentile, bool)
            or not 50 < percentile < 100):
        raise ProfileError(tr("{where}.percentile: a number between 50 and 100 (exclusive), e.g. 95, "
                              "not {value}.").format(where=where, value=repr(percentile)))
    missing = data.get("missing", default_missing)
    if missing not in MISSING_POLICIES:
        raise ProfileError(tr("{where}.missing: one of {expected}, not {value}.").format(
            where=where, expected=", ".join(MISSING_POLICIES), value=repr(missing)))
    _check_formula(data["formula"], f"{where}.formula")
    optional = data.get("optional", False)
    if not isinstance(optional, bool):
        raise ProfileError(tr("{where}.optional: true or false, not {value}.").format(where=where, value=repr(optional)))
    indicator = {
        "missing": missing,
        "id": str(data["id"]),
        "label": str(data.get("label", data["id"])),
        "formula": data["formula"],
        "direction": direction,
        "weight": _weight(data.get("weight", 1), f"{where}.weight"),
        "transform": transform,
    }
    if transform == "winsorise":
        indicator["percentile"] = float(percentile)
    if optional:
        indicator["optional"] = True
    return indicator


MAX_FORMULA_DEPTH = 20  # formulas inside formulas: far more than any indicator needs, far less than Python's stack


def _check_formula(formula, where, depth=0):
    if isinstance(formula, str):
        _check_column_reference(formula, where)
        return
    if depth >= MAX_FORMULA_DEPTH:
        raise ProfileError(tr("{where}: formulas nested more than {depth} levels deep.").format(
            where=where, depth=MAX_FORMULA_DEPTH))
    if not isinstance(formula, dict):
        raise ProfileError(tr("{where}: a column name or an object such as {example}.").format(
            where=where, example='{"ratio": ["A", "B"]}'))
    kinds = [key for key in formula if key in FORMULAS]
    if len(kinds) != 1:
        raise ProfileError(tr("{where}: exactly one of {expected} expected, got {found}.").format(
            where=where, expected=", ".join(FORMULAS), found=", ".join(formula) or tr("nothing")))
    kind = kinds[0]
    allowed, arity = FORMULAS[kind]
    _no_unknown_keys(formula, {kind} | allowed, where)
    operands = formula[kind]
    operands = operands if isinstance(operands, list) else [operands]
    if len(operands) != arity:
        raise ProfileError(tr("{where}: {arity} operand(s) expected, got {count}.").format(
            where=f"{where}.{kind}", arity=arity, count=len(operands)))
    for i, operand in enumerate(operands):
        _check_formula(operand, f"{where}.{kind}[{i}]", depth + 1)
    if kind == "growth":
        _check_growth_years(formula, where)
    if kind == "density" and "area" in formula:
        if not isinstance(formula["area"], str):
            raise ProfileError(tr("{where}.area: the name of a column of areas in km², e.g. \"SUPERF\".").format(
                where=where))
        _check_column_reference(formula["area"], f"{where}.area")
    if "scale" in formula and not _is_positive(formula["scale"]):
        raise ProfileError(tr("{where}.scale: a positive number.").format(where=where))
    if "min_base" in formula and not _is_positive(formula["min_base"]):
        raise ProfileError(tr("{where}.min_base: the smallest base (denominator, or a growth's starting value) "
                              "a rate is computed on, a positive number such as 50.").format(where=where))


def _check_column_reference(name, where):
    """A column name, or a name with year placeholders such as P{census}_POP."""
    if not name.strip():
        raise ProfileError(tr("{where}: a column name cannot be empty.").format(where=where))
    for placeholder in _BRACES.findall(name):
        if placeholder not in SLOTS:
            raise ProfileError(tr(
                "{where}: unknown placeholder {{{placeholder}}} in {name}; the years a column name can follow "
                "are {expected}."
            ).format(where=where, placeholder=placeholder, name=name,
                     expected=", ".join("{" + slot + "}" for slot in SLOTS)))


def _check_growth_years(formula, where):
    """Two increasing years, two placeholders ("{previous}", "{census}"), or none when each
    operand follows one placeholder (the period is then read from the columns)."""
    years = formula.get("years")
    example = tr("{where}.years: two increasing years, e.g. [2013, 2018], or the placeholders of the "
                 "operands' years, e.g. [\"{{previous}}\", \"{{census}}\"].").format(where=where)
    if years is None:
        slots = growth_slots(formula)
        if None in slots or slots[0] == slots[1]:
            raise ProfileError(tr(
                "{where}: without \"years\", each operand of a growth names its columns with one placeholder "
                "(e.g. P{{previous}}_POP and P{{census}}_POP), which gives the period. {example}"
            ).format(where=where, example=example))
        return
    if not (isinstance(years, list) and len(years) == 2):
        raise ProfileError(example)
    if all(isinstance(y, int) and not isinstance(y, bool) for y in years):
        if years[1] <= years[0]:
            raise ProfileError(example)
        return
    if all(isinstance(y, str) and len(slots_of(y)) == 1 and y.strip() == "{" + slots_of(y)[0] + "}"
           for y in years) and years[0] != years[1]:
        return
    raise ProfileError(example)


def _goalposts(value, where):
    """The national quantiles a "national" normalisation maps to 0 and 100 (clipped beyond)."""
    if (not isinstance(value, list) or len(value) != 2 or not all(_is_number(v) and v in QUANTILES for v in value)
            or value[0] >= value[1]):
        raise ProfileError(tr("{where}: 'goalposts' is two increasing shares of communes among {allowed}, e.g. "
                              "[0.01, 0.99] (France's 1st and 99th percentiles); not {value}.").format(
            where=where, allowed=", ".join(f"{q:g}" for q in QUANTILES), value=repr(value)))
    return [float(v) for v in value]


def _availability(data, where):
    """The data floor: a function counts when at least ``function`` of its indicators have a value
    (a value imputed as zero counts, a median does not); a commune is scored when at least
    ``functions`` of the four count."""
    if not isinstance(data, dict):
        raise ProfileError(tr("{where}: 'availability' must be an object such as {example}.").format(
            where=where, example='{"function": 0.5, "functions": 3}'))
    _no_unknown_keys(data, {"function", "functions", "comment"}, f"{where}: availability")
    share = data.get("function", DEFAULT_AVAILABILITY["function"])
    count = data.get("functions", DEFAULT_AVAILABILITY["functions"])
    if not _is_number(share) or not 0 <= share <= 1:
        raise ProfileError(tr("{where}: availability.function: the share of a function's indicators that must have "
                              "a value, between 0 and 1, e.g. 0.5; not {value}.").format(where=where, value=repr(share)))
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= len(FUNCTIONS):
        raise ProfileError(tr("{where}: availability.functions: how many of the four functions a commune needs, "
                              "1 to 4, e.g. 3; not {value}.").format(where=where, value=repr(count)))
    return {"function": float(share), "functions": count}


def _levels(data, where):
    if not isinstance(data, dict):
        raise ProfileError(tr("{where}: 'levels' must be an object.").format(where=where))
    _no_unknown_keys(data, _LEVEL_KEYS, f"{where}: levels")  # a location: profile keys are not translated
    method = data.get("method", "thresholds")
    if method not in LEVEL_METHODS:
        raise ProfileError(tr("{where}: levels.method: one of {expected}, not {value}.").format(
            where=where, expected=", ".join(LEVEL_METHODS), value=repr(method)))
    thresholds = data.get("thresholds", DEFAULT_THRESHOLDS)
    if (not isinstance(thresholds, list) or len(thresholds) != len(LEVEL_LABELS) - 1
            or not all(_is_number(t) for t in thresholds)
            or sorted(thresholds, reverse=True) != thresholds):
        raise ProfileError(tr("{where}: levels.thresholds: four decreasing scores, e.g. [88, 72, 52, 35].").format(
            where=where))
    shares = data.get("shares", DEFAULT_SHARES)
    if (not isinstance(shares, list) or len(shares) != len(LEVEL_LABELS) - 1
            or not all(_is_number(s) and 0 < s < 1 for s in shares)
            or sorted(shares) != shares or len(set(shares)) != len(shares)):
        raise ProfileError(tr("{where}: levels.shares: four increasing cumulative shares of communes from the "
                              "top, between 0 and 1, e.g. [0.004, 0.025, 0.11, 0.31].").format(where=where))
    return {"method": method, "thresholds": [float(t) for t in thresholds], "shares": [float(s) for s in shares]}


def profile_columns(profile, with_area=True):
    """Every source column the profile reads (a density's area column only if ``with_area``)."""
    columns = []
    for function in profile["functions"].values():
        for indicator in function["indicators"]:
            for column in formula_columns(indicator["formula"], with_area):
                if column not in columns:
                    columns.append(column)
    return columns


def needs_geometry_area(profile, columns):
    """True when a density of the profile has no area column among ``columns``."""
    return any(
        uses_geometry_area(indicator["formula"], set(columns))
        for function in profile["functions"].values()
        for indicator in function["indicators"]
    )


def check_columns(profile, available):
    """Raise ProfileError when the profile reads columns that ``available`` lacks (its placeholders
    resolved first: see ``fit_profile``)."""
    fit_profile(profile, available)


def _check_resolved_columns(profile, available, recognition=None):
    """Raise ProfileError when the resolved profile reads columns that ``available`` lacks, saying
    for each why when an edition of INSEE's files explains it."""
    available = set(available) | {AREA_COLUMN}
    missing = [c for c in profile_columns(profile, with_area=False) if c not in available]
    if missing:
        listed = ", ".join(sorted(c for c in available if c != AREA_COLUMN))
        hints = []
        if recognition is not None:
            for column in missing:
                hint = unknown_column_hint(column, recognition)
                if hint is None and slots_of(column) == [] and not is_known_variable(column) \
                        and recognition.years and _looks_like_comparateur(column):
                    hint = tr("{column} exists in no edition of INSEE's comparateur known to the plugin: "
                              "check its spelling.").format(column=column)
                if hint:
                    hints.append(hint)
        raise ProfileError(tr(
            "Profile '{profile}' needs the column(s) {missing}, absent from the "
            "layer. Join the tables that carry them first. Columns available: {available}."
        ).format(profile=profile["name"], missing=", ".join(missing), available=listed)
            + "".join(" " + hint for hint in hints))


def _looks_like_comparateur(column):
    # P22_POPX, MED2O…: the comparateur's shapes (census columns and year-suffixed counts).
    return bool(re.match(r"^(P|C)\d\d_[A-Z0-9_]+$|^(MED|PIMP|TP60|NBMENFISC|ET[A-Z]{2,5}\d*|NAISD|DECESD)\d\d$",
                         column))


def fit_profile(profile, available):
    """(the profile resolved against the columns ``available``, the ``Recognition``): placeholders
    replaced by the years found, then every column checked. Raises ProfileError."""
    try:
        resolved, recognition = resolve_profile(profile, available)
    except EditionError as error:
        raise ProfileError(str(error)) from error
    resolved = _matched_by_case(resolved, available, recognition)
    resolved = _without_absent_optional(resolved, set(available) | {AREA_COLUMN}, recognition)
    _check_resolved_columns(resolved, available, recognition)
    return resolved, recognition


def _matched_by_case(profile, available, recognition):
    """The profile reading, for each column absent from ``available``, the one available column of the
    same name in another case (``p18_pop`` for ``P18_POP``: ogr2ogr lower-cases a database table's
    columns by default), said in ``recognition.notes``."""
    available = [str(name) for name in available]
    present = set(available)
    by_folded = {}
    for name in available:
        by_folded.setdefault(name.casefold(), []).append(name)
    renames = {}
    for column in profile_columns(profile):
        candidates = by_folded.get(column.casefold(), [])
        if column not in present and len(candidates) == 1:
            renames[column] = candidates[0]
    if not renames:
        return profile
    recognition.notes.append(tr("Columns matched whatever their case: {pairs}.").format(
        pairs=", ".join(f"{column} → {name}" for column, name in renames.items())))
    functions = {
        name: dict(function, indicators=[dict(indicator, formula=_renamed(indicator["formula"], renames))
                                         for indicator in function["indicators"]])
        for name, function in profile["functions"].items()}
    return dict(profile, functions=functions)


def _renamed(formula, renames):
    """The formula with its column names replaced by ``renames`` (a density's area column too)."""
    if isinstance(formula, str):
        return renames.get(formula, formula)
    renamed = dict(formula)
    (kind,) = [key for key in formula if key in FORMULAS]
    operands = formula[kind]
    renamed[kind] = ([_renamed(operand, renames) for operand in operands] if isinstance(operands, list)
                     else _renamed(operands, renames))
    if kind == "density" and isinstance(formula.get("area"), str):
        renamed["area"] = renames.get(formula["area"], formula["area"])
    return renamed


def _without_absent_optional(profile, available, recognition):
    """The profile without its optional indicators whose columns are absent (an edition that no longer
    publishes them), each said in ``recognition.warnings``; a function keeps at least one indicator."""
    dropped = False
    kept_functions = {}
    for name, function in profile["functions"].items():
        kept = []
        for indicator in function["indicators"]:
            absent = [c for c in formula_columns(indicator["formula"], with_area=False) if c not in available]
            if absent and indicator.get("optional"):
                dropped = True
                recognition.warnings.append(tr(
                    "Indicator '{indicator}' ({function}) left out: the layer has no {columns} (optional in the "
                    "profile; the other indicators of the function share its weight)."
                ).format(indicator=indicator["id"], function=name, columns=", ".join(absent)))
                continue
            kept.append(indicator)
        if not kept:
            raise ProfileError(tr(
                "Profile '{profile}': no indicator of the function {function} can be computed on this layer "
                "(columns absent: {columns})."
            ).format(profile=profile["name"], function=name, columns=", ".join(
                c for i in function["indicators"] for c in formula_columns(i["formula"], with_area=False)
                if c not in available)))
        kept_functions[name] = dict(function, indicators=kept)
    if not dropped:
        return profile
    return dict(profile, functions=kept_functions)


def _weight(value, where):
    if not _is_positive(value):
        raise ProfileError(tr("{where}: a weight is a positive number, not {value}.").format(
            where=where, value=repr(value)))
    return float(value)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _is_positive(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value > 0


def _no_unknown_keys(data, allowed, where):
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise ProfileError(tr("{where}: unknown key(s) {unknown}; allowed: {allowed}.").format(
            where=where, unknown=", ".join(unknown), allowed=", ".join(sorted(allowed))))
