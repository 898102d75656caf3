"""Four sub-scores, composite score, rank and level of centrality.

Method (the algorithm help gives the same formulas to the users):

1. Each indicator is computed from the columns (``core.indicators``); a missing
   value follows its policy: "reweight" (left out for that commune, the other
   weights re-spread), "zero" (the raw value read as 0) or "median" (the
   territory's median). It is then optionally transformed: log(1+x) (sign kept)
   or winsorised (clipped to the territory's (100−p)th and pth percentiles).
2. Normalisation, over the communes that have a value (x the value, reversed
   for a "−" indicator):
   - minmax: y = 100·(x − min)/(max − min) (50 when all equal);
   - zscore: z = (x − mean)/sd (population sd), y = 100·Φ(z), Φ the standard
     normal distribution: 50 = the territory's mean;
   - percentile: y = 100·(r − 1)/(n − 1), r the commune's rank from the lowest
     (ties share their mean rank), n the communes with a value;
   - reference: y = min(100, 100·(x − min)/(x_ref − min)): the share of the way
     from the territory's lowest value to the reference commune's (100 = the
     reference or better).
3. Aggregation with the weights, of the indicators into each function, then of
   the four functions into the composite:
   - arithmetic (compensatory): Σ w·y / Σ w;
   - geometric (a weakness is not fully made up by a strength):
     exp(Σ w·ln(1 + y) / Σ w) − 1.
4. Re-expression: except with zscore (already on 0–100 around the mean), each
   sub-score and the composite are re-expressed min-max on 0–100 over the
   territory (100 = the highest commune). The composite aggregates the function
   scores *before* this re-expression, and every normalisation above can only
   lower the other communes when one commune's value rises: so raising a "+"
   indicator never lowers that commune's composite.
5. Levels (niveau_code 1 majeure … 5 hors centralité) from the composite:
   fixed thresholds, quantiles (cumulative shares of communes from the top) or
   natural breaks (Jenks, five classes).

A commune with no raw value at all is kept, unscored, and counted.
"""

import copy
import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .breaks import jenks_breaks
from .editions import has_placeholders
from .indicators import evaluate, small_base
from .messages import tr
from .numpy_versions import quantile
from .profile import (
    AGGREGATIONS,
    DEFAULT_AVAILABILITY,
    LEVEL_METHODS,
    NORMALISATIONS,
    ProfileError,
    fit_profile,
    profile_columns,
)
from .reference import GOALPOSTS, ReferenceError, goalposts
from .vocabulary import (
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    FUNCTIONS,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    LEVEL_LABELS,
    MISSING_FIELD,
    MISSING_LIST_FIELD,
    OUTPUT_FIELDS,
    RANK_FIELD,
)


class ScoringError(Exception):
    """A scoring choice that cannot be applied to these data (e.g. an unknown reference commune)."""


@dataclass
class Method:
    normalisation: str = "minmax"
    aggregation: str = "arithmetic"
    levels: str = "thresholds"
    reference: object = None  # the reference commune's row label (normalisation "reference")
    note: str = ""  # what was changed to keep the method coherent, for the log


@dataclass
class Prepared:
    """Indicators ready to normalise: what scoring and the Monte Carlo share."""

    raw: pd.DataFrame  # raw indicator values, columns function.indicator
    values: np.ndarray  # imputed and transformed, NaN where left out (N × K)
    directions: np.ndarray  # +1 / -1 per indicator
    weights: np.ndarray  # indicator weights (K)
    function_of: np.ndarray  # index into FUNCTIONS of each indicator (K)
    function_weights: np.ndarray  # (4)
    no_data: np.ndarray  # communes not scored: below the data floor (N, bool)
    keys: list = field(default_factory=list)
    no_value: np.ndarray = None
    indicators: list = field(default_factory=list)  # the (resolved) profile entries, in the order of keys
    small_base: pd.DataFrame = None  # N × K: a rate on a base below its min_base, left out  # communes without a single value (N, bool): a subset of no_data


@dataclass
class ScoreResult:
    scores: pd.DataFrame  # OUTPUT_FIELDS then contrib_* (adding up to score_centralite), one row per commune
    indicators: pd.DataFrame  # raw indicator values, columns named function.indicator
    unscored: int  # communes not scored: without a single value, or below the data floor
    below_floor: int = 0  # of them, communes with some values but below the profile's data floor
    method: Method = None
    thresholds: list = None  # the composite's level limits actually used
    transformed: pd.DataFrame = None  # the values normalised: imputed and transformed, columns as indicators
    normalised: pd.DataFrame = None  # their normalised values (0–100, a "−" indicator reversed)


def resolve_method(profile, normalisation=None, aggregation=None, levels=None, reference=None):
    """The profile's methods, each overridden by the argument when given."""
    method = Method(
        normalisation=normalisation or profile.get("normalisation", "minmax"),
        aggregation=aggregation or profile.get("aggregation", "arithmetic"),
        levels=levels or profile["levels"]["method"],
        reference=reference if reference not in (None, "") else profile.get("reference"),
    )
    for value, allowed, what in ((method.normalisation, NORMALISATIONS, "normalisation"),
                                 (method.aggregation, AGGREGATIONS, "aggregation"),
                                 (method.levels, LEVEL_METHODS, "levels")):
        if value not in allowed:
            unknown = {
                "normalisation": tr("Unknown normalisation {value}: expected one of {expected}."),
                "aggregation": tr("Unknown aggregation {value}: expected one of {expected}."),
                "levels": tr("Unknown level method {value}: expected one of {expected}."),
            }[what]
            raise ScoringError(unknown.format(value=repr(value), expected=", ".join(allowed)))
    if method.normalisation == "reference" and method.reference in (None, ""):
        raise ScoringError(tr("Normalisation 'reference' needs the code of a reference commune."))
    if (method.levels == "thresholds" and method.normalisation != profile.get("normalisation", "minmax")):
        # Fixed limits belong to the scale they were set on: another normalisation classes by quantiles.
        method.note = tr(
            "The profile's fixed level limits are set for its normalisation ({profile}), not for {chosen}: "
            "levels by quantiles instead (the profile's shares of communes)."
        ).format(profile=profile.get("normalisation", "minmax"), chosen=method.normalisation)
        method.levels = "quantiles"
    return method


def compute_scores(frame, profile, normalisation=None, aggregation=None, levels=None, reference=None):
    """Score every row of ``frame`` (one row per commune) with ``profile``.

    The method arguments override the profile's; ``reference`` is the row label
    of the reference commune (normalisation "reference"). The one pipeline:
    a ``Scorer`` run once with the profile's weights.
    """
    return Scorer(frame, profile, normalisation, aggregation, levels, reference).score()


class Scorer:
    """The score in two steps: what does not depend on the weights (indicators, imputation,
    transformation, normalisation), done once; then ``score(weights)`` — aggregation,
    re-expression, rank and levels — as often as needed (the panel's sliders re-score France
    in a few milliseconds). ``compute_scores`` is one Scorer run once."""

    def __init__(self, frame, profile, normalisation=None, aggregation=None, levels=None, reference=None,
                 prepared=None):
        """``prepared``: the indicators already prepared (``prepare_values``) for the rows of ``frame``,
        then only its index is read (the two dates of core/trajectory.py)."""
        self.profile = profile
        self.method = resolve_method(profile, normalisation, aggregation, levels, reference)
        if len(frame) == 0:  # every reduction below (min, max, quantiles) needs at least one commune
            raise ScoringError(tr("There is no commune to score: the layer has no feature."))
        self.prepared = prepare(frame, profile) if prepared is None else prepared
        reference_row = (reference_position(frame.index, self.method)
                         if self.method.normalisation == "reference" else None)
        self.normalised = normalise(self.prepared.values, self.prepared.directions, self.method.normalisation,
                                    reference_row, self.prepared.keys,
                                    national_bounds(self.prepared, self.method, profile))
        self.index = frame.index
        self.missing = self.prepared.raw.isna().sum(axis=1).astype("int64")
        self.missing_list = _missing_list(self.prepared.raw, profile, self.prepared.small_base)

    def with_levels(self, levels):
        """The same normalised indicators, levels classed by another method (thresholds, quantiles, jenks)."""
        if levels not in LEVEL_METHODS:
            raise ScoringError(tr("Unknown level method {value}: expected one of {expected}.").format(
                value=repr(levels), expected=", ".join(LEVEL_METHODS)))
        other = copy.copy(self)
        other.method = dataclasses.replace(self.method, levels=levels)
        return other

    def _weights(self, function_weights, indicator_weights):
        functions = self.prepared.function_weights.copy()
        for name, weight in (function_weights or {}).items():
            functions[FUNCTIONS.index(name)] = _checked(weight, name)
        indicators = self.prepared.weights.copy()
        positions = {key: i for i, key in enumerate(self.prepared.keys)}
        for key, weight in (indicator_weights or {}).items():
            if key not in positions:
                raise ScoringError(tr("Unknown indicator {key}: expected one of {expected}.").format(
                    key=repr(key), expected=", ".join(positions)))
            indicators[positions[key]] = _checked(weight, key)
        return functions, indicators

    def score(self, function_weights=None, indicator_weights=None):
        """ScoreResult with these weights ({function: w}, {"function.indicator": w}); the others stay
        the profile's. Weights are positive, as in a profile."""
        functions, indicators = self._weights(function_weights, indicator_weights)
        prepared = copy.copy(self.prepared)  # shallow: only the weights differ
        prepared.weights = indicators
        means, composite = self._aggregated(prepared, functions)

        rescaled = self.method.normalisation not in UNSCALED
        scores = pd.DataFrame(
            {f"score_{f}": _finish(means[:, i], rescaled) for i, f in enumerate(FUNCTIONS)}, index=self.index)
        scores[COMPOSITE_FIELD] = _finish(composite, rescaled)
        composite = scores[COMPOSITE_FIELD].to_numpy(dtype="float64")
        scores[RANK_FIELD] = _whole_numbers(scores[COMPOSITE_FIELD].rank(ascending=False, method="min").to_numpy())
        limits = level_limits(composite[None, :], self.profile["levels"], self.method.levels)
        codes = classify(composite[None, :], limits)[0]
        scores[LEVEL_CODE_FIELD] = _whole_numbers(codes)
        scores[LEVEL_FIELD] = pd.Series(_LEVEL_NAMES[np.nan_to_num(codes, nan=0).astype(int)], index=self.index,
                                        dtype=object)
        scores[MISSING_FIELD] = self.missing
        scores[MISSING_LIST_FIELD] = self.missing_list
        contributions = self._contributions(prepared, functions, composite)
        scores = pd.concat([scores[list(OUTPUT_FIELDS)], contributions], axis=1)
        return ScoreResult(scores=scores, indicators=self.prepared.raw,
                           unscored=int(np.isnan(composite).sum()), method=self.method,
                           below_floor=int((self.prepared.no_data & ~self.prepared.no_value).sum()),
                           thresholds=[float(t) for t in limits[0]],
                           transformed=pd.DataFrame(self.prepared.values, index=self.index,
                                                    columns=self.prepared.keys),
                           normalised=pd.DataFrame(self.normalised, index=self.index, columns=self.prepared.keys))

    # What a slider move leaves as it was, kept between moves (France re-scored in tens of milliseconds): the
    # normalised values filled, and what depends on the indicator weights only (a function weight moved).
    # Keyed by what they depend on: copies (with_levels) share the cache and the normalised values.
    def _cached(self, key, make):
        cache = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            if len(cache) > 16:
                cache.clear()
            cache[key] = make()
        return cache[key]

    def _filled(self, aggregation):
        """(present, values filled with 0) of the normalised indicators; ln(1 + value) for "geometric"."""
        def make():
            present = ~np.isnan(self.normalised)
            filled = np.where(present, self.normalised, 0.0)
            return present, (np.log1p(filled) if aggregation == "geometric" else filled)
        return self._cached(("filled", aggregation == "geometric"), make)

    def _function_means(self, prepared, aggregation):
        return self._cached(("means", aggregation, prepared.weights.tobytes()),
                            lambda: function_means(self.normalised, prepared, aggregation))

    def _indicator_shares(self, prepared):
        """(N × K share of each indicator in its function, N × 4 whether the function has a value)."""
        def make():
            present = self._filled("arithmetic")[0]
            indicator_share = np.zeros(present.shape)
            function_present = np.zeros((len(present), len(FUNCTIONS)), dtype=bool)
            for i in range(len(FUNCTIONS)):
                columns = prepared.function_of == i
                weights = np.where(present[:, columns], prepared.weights[columns], 0.0)
                total = weights.sum(axis=1, keepdims=True)
                with np.errstate(invalid="ignore", divide="ignore"):
                    indicator_share[:, columns] = np.where(total > 0, weights / np.where(total > 0, total, 1.0),
                                                           0.0)
                function_present[:, i] = total[:, 0] > 0
            return indicator_share, function_present
        return self._cached(("shares", prepared.weights.tobytes()), make)

    def composite(self, function_weights=None, indicator_weights=None):
        """score_centralite alone, as ``score`` gives it: the panel compares methods with it (France's
        scores recognised without scoring everything for each method tried)."""
        functions, indicators = self._weights(function_weights, indicator_weights)
        prepared = copy.copy(self.prepared)
        prepared.weights = indicators
        return _finish(self._aggregated(prepared, functions)[1], self.method.normalisation not in UNSCALED)

    def _aggregated(self, prepared, functions):
        """(N × 4 function means, N composite) before re-expression, NaN where a commune has no data."""
        means = self._function_means(prepared, self.method.aggregation).copy()
        composite = aggregate(means, functions, self.method.aggregation)
        means[prepared.no_data] = np.nan
        composite[prepared.no_data] = np.nan
        return means, composite

    def _contributions(self, prepared, function_weights, composite):
        """N × K points of each indicator in score_centralite, which they add up to.

        Before its re-expression, the composite is a sum of one term per indicator present —
        arithmetic: (W_f/ΣW)·(w_i/Σw_f)·y_i (the weights re-spread over what is present);
        geometric: the same weights on ln(1 + y_i), a sum of ln(1 + composite). Each indicator gets
        its term's share of score_centralite: contrib_i = score · term_i / Σ terms.
        """
        present, filled = self._filled(self.method.aggregation)
        indicator_share, function_present = self._indicator_shares(prepared)
        function_weight = np.where(function_present, function_weights, 0.0)
        total = function_weight.sum(axis=1, keepdims=True)
        function_share = function_weight / np.where(total > 0, total, 1.0)
        share = indicator_share * function_share[:, prepared.function_of]  # each indicator's weight in the composite
        terms = share * filled
        total = terms.sum(axis=1, keepdims=True)
        points = composite[:, None] * np.where(total > 0, terms / np.where(total > 0, total, 1.0), 0.0)
        points = np.where(present & ~np.isnan(composite)[:, None], points, np.nan)
        return pd.DataFrame(points, index=self.index, columns=contribution_fields(prepared.keys))


def _missing_list(raw, profile, small=None):
    """Per commune, the indicators without a value and what the score did with each (None when none):
    "vacance (médiane), sante (0), emplois, croissance_emploi (petite base)"."""
    policy = {f"{function}.{i['id']}": i["missing"]
              for function, spec in profile["functions"].items() for i in spec["indicators"]}
    marks = {"zero": " (0)", "median": " (médiane)", "reweight": ""}  # French, as the other score fields
    ids = {key: key.split(".", 1)[1] + marks.get(policy.get(key), "") for key in raw.columns}
    missing = raw.isna().to_numpy()
    names = np.array([ids[key] for key in raw.columns], dtype=object)
    tiny = small.to_numpy(dtype=bool) & ~missing if small is not None else np.zeros(missing.shape, dtype=bool)
    small_names = np.array([key.split(".", 1)[1] + " (petite base)" for key in raw.columns], dtype=object)
    # Column by column (numpy adds object arrays of text element by element): the missing ones, then the small.
    text, started = np.full(len(missing), "", dtype=object), np.zeros(len(missing), dtype=bool)
    for flags, labels in ((missing, names), (tiny, small_names)):
        for column in np.flatnonzero(flags.any(axis=0)).tolist():
            listed = flags[:, column]
            text[listed & started] = text[listed & started] + ", "
            text[listed] = text[listed] + labels[column]
            started |= listed
    rows = np.full(len(missing), None, dtype=object)
    rows[started] = text[started]
    return pd.Series(rows, index=raw.index, dtype=object)


def contribution_fields(keys):
    """contrib_<indicator id> for each ``function.indicator`` key; contrib_<function>_<id> when
    two functions share an id."""
    ids = [key.split(".", 1)[1] for key in keys]
    return [CONTRIBUTION_PREFIX + (key.replace(".", "_") if ids.count(key.split(".", 1)[1]) > 1
                                   else key.split(".", 1)[1]) for key in keys]


_LEVEL_NAMES = np.array([None, *LEVEL_LABELS], dtype=object)


def _whole_numbers(values):
    """Float values holding whole numbers (NaN: none) as pandas' Int64, built from arrays (not value by value)."""
    values = np.asarray(values, dtype="float64")
    missing = np.isnan(values)
    return pd.arrays.IntegerArray(np.where(missing, 0, values).astype("int64"), missing)
# Normalisations already on a fixed 0–100 scale: the composite is not re-expressed over the layer.
UNSCALED = ("zscore", "national")  # niveau by niveau_code, None for unscored


def _checked(weight, what):
    weight = float(weight)
    if not weight > 0 or weight == float("inf"):
        raise ScoringError(tr("The weight of {what} must be a positive number, not {weight}.").format(
            what=what, weight=repr(weight)))
    return weight


# --------------------------------------------------------------------------- steps


def refuse_text_columns(frame, profile):
    """A ScoringError naming the first column the profile reads that holds text, not numbers:
    its values would all be missing, and silently reweighted away."""
    for column in profile_columns(profile, with_area=False):
        if column not in frame.columns or pd.api.types.is_numeric_dtype(frame[column].dtype):
            continue
        values = frame[column].dropna()
        values = values[values.astype(str).str.strip() != ""]  # empty cells are missing values, not text
        numbers = pd.to_numeric(values, errors="coerce")
        if numbers.isna().any():
            example = values[numbers.isna()].iloc[0]
            raise ScoringError(tr(
                "The column '{column}' holds text, not numbers (e.g. '{example}'): an indicator needs a numeric "
                "column. Name another column in the profile, or convert this one to numbers.").format(
                column=column, example=str(example)[:40]))


def prepare(frame, profile):
    """Raw indicators, then imputation and transformation, as arrays.

    A profile naming columns by their role (P{census}_POP) is resolved against the frame's columns."""
    if has_placeholders(profile):
        try:
            profile, _ = fit_profile(profile, frame.columns)
        except ProfileError as error:
            raise ScoringError(str(error)) from error
    refuse_text_columns(frame, profile)
    raw, small = indicator_values(frame, profile)
    return prepare_values(raw, small, profile)


def indicator_values(frame, profile):
    """(raw indicator values, N × K, columns "function.indicator"; N × K booleans: a rate on a base below
    its min_base) of a profile whose columns are the frame's."""
    raw, small = {}, {}
    for function, spec in profile["functions"].items():
        for indicator in spec["indicators"]:
            key = f"{function}.{indicator['id']}"
            raw[key] = evaluate(indicator["formula"], frame)
            small[key] = small_base(indicator["formula"], frame).to_numpy(dtype=bool)
    keys = list(raw)
    return (pd.DataFrame(raw, index=frame.index, columns=keys),
            pd.DataFrame(small, index=frame.index, columns=keys, dtype=bool))


def prepare_values(raw, small, profile):
    """Imputation, transformation and the data floor of raw indicator values (``indicator_values``):
    the values ready to normalise. The rows may be any set of observations — one per commune, or
    the communes at two dates stacked (core/trajectory.py), which then share one imputation,
    winsorising and normalisation."""
    prepared, keys, directions, weights, function_of, entries = [], [], [], [], [], []
    for position, (function, spec) in enumerate(profile["functions"].items()):
        for indicator in spec["indicators"]:
            key = f"{function}.{indicator['id']}"
            treated = _impute_and_transform(raw[key], indicator).to_numpy(dtype="float64", copy=True)
            treated[small[key].to_numpy(dtype=bool)] = np.nan  # a rate on a tiny base is left out, whatever the policy
            prepared.append(treated)
            keys.append(key)
            entries.append(indicator)
            directions.append(-1.0 if indicator["direction"] == "-" else 1.0)
            weights.append(indicator["weight"])
            function_of.append(FUNCTIONS.index(function) if function in FUNCTIONS else position)
    frame = raw  # the rows' index and count
    raw = raw[keys]
    values = np.column_stack(prepared) if prepared else np.empty((len(frame), 0))
    function_of = np.asarray(function_of)
    # The data floor, decided after the "zero" policy (a commune absent from the BPE has no
    # equipment: that is a value) and before the median (an estimate is not data).
    zero = np.asarray([i["missing"] == "zero" for spec in profile["functions"].values() for i in spec["indicators"]])
    small = small[keys]
    known = raw.notna().to_numpy() | zero[None, :] if len(keys) else np.zeros((len(frame), 0), dtype=bool)
    known &= ~small.to_numpy(dtype=bool)
    floor = profile.get("availability", DEFAULT_AVAILABILITY)
    counted = np.zeros((len(frame), len(FUNCTIONS)), dtype=bool)
    for i in range(len(FUNCTIONS)):
        columns = function_of == i
        if columns.any():
            counted[:, i] = known[:, columns].mean(axis=1) >= floor["function"]
            values[~counted[:, i][:, None] & columns[None, :]] = np.nan  # a function on too little data: none
    no_value = ~known.any(axis=1) if len(keys) else np.ones(len(frame), dtype=bool)
    below_floor = (counted.sum(axis=1) < floor["functions"]) | no_value
    values[below_floor] = np.nan  # an unscored commune does not shape the others' normalisation
    return Prepared(
        raw=raw,
        values=values,
        directions=np.asarray(directions),
        weights=np.asarray(weights, dtype="float64"),
        function_of=function_of,
        function_weights=np.asarray([profile["functions"][f]["weight"] for f in FUNCTIONS], dtype="float64"),
        no_data=below_floor,
        keys=keys,
        no_value=no_value,
        indicators=entries,
        small_base=small,
    )


def _impute_and_transform(values, indicator):
    # "zero" imputes the raw value (a commune absent from the BPE has no equipment);
    # "median" the territory's median; "reweight" leaves the gap to the aggregation.
    if indicator["missing"] == "zero":
        values = values.fillna(0.0)
    elif indicator["missing"] == "median" and values.notna().any():
        values = values.fillna(values.median())
    if indicator["transform"] == "log":
        values = np.sign(values) * np.log1p(values.abs())
    elif indicator["transform"] == "winsorise":
        known = values.dropna()
        if len(known):
            upper = indicator.get("percentile", 95.0)
            low, high = np.percentile(known, [100.0 - upper, upper])
            values = values.clip(lower=low, upper=high)
    return values


def reference_position(index, method):
    """Row position of the reference commune, or a ScoringError saying what to do."""
    reference = method.reference
    matches = np.flatnonzero(index.astype(str) == str(reference))
    if len(matches) != 1:
        message = (tr("The reference commune '{reference}' is not in the layer (or appears more than once): "
                      "give the code of one of its communes, e.g. {examples}.") if len(matches) > 1
                   else tr("The reference commune '{reference}' is not in the layer: give the code of one of its "
                           "communes, e.g. {examples}."))
        raise ScoringError(message.format(reference=reference, examples=", ".join(str(c) for c in list(index[:3]))))
    return int(matches[0])


def national_bounds(prepared, method, profile):
    """The national goalposts of each indicator when the normalisation is "national", else None."""
    if method.normalisation != "national":
        return None
    try:
        return goalposts(prepared.indicators, prepared.keys, profile.get("goalposts", GOALPOSTS))
    except ReferenceError as error:
        raise ScoringError(str(error)) from error


def normalise(values, directions, method, reference_row=None, keys=None, bounds=None):
    """N × K values → N × K normalised values on 0–100 (NaN stays NaN); ``bounds`` (K × 2, the national
    1st and 99th percentiles) for "national"."""
    values = np.asarray(values, dtype="float64") * directions  # a "−" indicator reversed
    present = ~np.isnan(values)
    out = np.full(values.shape, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "minmax":
            low, high = np.nanmin(_guard(values), axis=0), np.nanmax(_guard(values), axis=0)
            span = high - low
            out = np.where(span > 0, (values - low) / np.where(span > 0, span, 1.0) * 100.0, 50.0)
        elif method == "zscore":
            mean = np.nanmean(_guard(values), axis=0)
            sd = np.nanstd(_guard(values), axis=0)
            z = np.where(sd > 0, (values - mean) / np.where(sd > 0, sd, 1.0), 0.0)
            out = 100.0 * _normal_cdf(z)
        elif method == "percentile":
            out = _percentile_ranks(values)
        elif method == "national":
            if bounds is None:
                raise ScoringError(tr("Normalisation 'national' needs the national reference of each indicator."))
            # A "−" indicator is reversed: its goalposts too, swapped.
            low = np.where(directions > 0, bounds[:, 0], -bounds[:, 1])
            high = np.where(directions > 0, bounds[:, 1], -bounds[:, 0])
            span = high - low
            out = np.where(span > 0, np.clip((values - low) / np.where(span > 0, span, 1.0), 0.0, 1.0) * 100.0,
                           50.0)
        elif method == "reference":
            if reference_row is None:
                raise ScoringError(tr("Normalisation 'reference' needs the code of a reference commune."))
            low = np.nanmin(_guard(values), axis=0)
            target = values[reference_row]
            if np.isnan(target).any():
                names = [keys[i] if keys else str(i) for i in np.flatnonzero(np.isnan(target))]
                raise ScoringError(tr(
                    "The reference commune has no value for {indicators}: choose another reference "
                    "commune, or give these indicators the missing-data policy \"zero\" or \"median\".").format(
                        indicators=", ".join(names)))
            span = target - low
            # The reference at the territory's lowest: every commune reaches it. A tiny span overflows to
            # infinity, capped at 100 as any value beyond the reference is.
            with np.errstate(over="ignore"):
                out = np.where(span > 0, np.minimum(100.0, (values - low) / np.where(span > 0, span, 1.0) * 100.0),
                               100.0)
        else:
            raise ScoringError(tr("Unknown normalisation {value}: expected one of {expected}.").format(
                value=repr(method), expected=", ".join(NORMALISATIONS)))
    return np.where(present, out, np.nan)


def _guard(values):
    # nanmin and friends warn on all-NaN columns; an all-NaN column stays NaN anyway.
    return np.where(np.isnan(values).all(axis=0), 0.0, values) if values.size else values


_ERF = np.frompyfunc(math.erf, 1, 1)


def _normal_cdf(z):
    return 0.5 * (1.0 + _ERF(np.asarray(z) / math.sqrt(2.0)).astype("float64"))


def _percentile_ranks(values):
    out = np.full(values.shape, np.nan)
    for k in range(values.shape[1]):
        column = pd.Series(values[:, k])
        n = column.notna().sum()
        if n == 0:
            continue
        ranks = column.rank(method="average")
        out[:, k] = (ranks - 1.0) / (n - 1) * 100.0 if n > 1 else np.where(column.notna(), 50.0, np.nan)
    return out


def function_means(normalised, prepared, aggregation):
    """N × 4: each function's aggregate of its normalised indicators."""
    means = np.full((normalised.shape[0], len(FUNCTIONS)), np.nan)
    for i in range(len(FUNCTIONS)):
        columns = prepared.function_of == i
        if columns.any():
            means[:, i] = aggregate(normalised[:, columns], prepared.weights[columns], aggregation)
    return means


def aggregate(values, weights, aggregation):
    """Row-wise weighted mean over the available values (weights re-spread over them).

    ``weights`` is one weight per column (K) or one column of weights per draw
    (K × D, then the result is N × D).
    """
    values = np.asarray(values, dtype="float64")
    weights = np.asarray(weights, dtype="float64")
    present = ~np.isnan(values)
    if aggregation == "geometric":
        filled = np.where(present, np.log1p(np.where(present, values, 0.0)), 0.0)
    elif aggregation == "arithmetic":
        filled = np.where(present, values, 0.0)
    else:
        raise ScoringError(tr("Unknown aggregation {value}: expected one of {expected}.").format(
            value=repr(aggregation), expected=", ".join(AGGREGATIONS)))
    total_weight = present.astype("float64") @ weights
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (filled @ weights) / total_weight
    if aggregation == "geometric":
        mean = np.expm1(mean)
    return np.where(total_weight > 0, mean, np.nan)


def _finish(values, rescaled):
    series = pd.Series(values)
    if not rescaled:
        return series.to_numpy()
    return _rescale(series).to_numpy()


def _rescale(values):
    low, high = values.min(), values.max()
    if pd.isna(low):
        return values
    if high == low:
        return values.where(values.isna(), 100.0)
    return (values - low) / (high - low) * 100.0


# --------------------------------------------------------------------------- levels


def level_limits(composites, levels, method=None):
    """D × 4 decreasing limits of levels 1–4, one row per scoring (``composites`` is D × N).

    The only place levels are decided: the score, the panel's re-scoring and every Monte Carlo draw
    call it, so that a draw without perturbation is classed exactly like the reference run.
    """
    method = method or levels["method"]
    composites = np.atleast_2d(np.asarray(composites, dtype="float64"))
    d = composites.shape[0]
    fixed = np.tile(np.asarray(levels["thresholds"], dtype="float64"), (d, 1))
    if method == "thresholds":
        return fixed
    if method not in ("quantiles", "jenks"):
        raise ScoringError(tr("Unknown level method {value}: expected one of {expected}.").format(
            value=repr(method), expected=", ".join(LEVEL_METHODS)))
    # Rows with nothing scored keep the profile's thresholds (nothing is classed with them).
    limits = fixed.copy() if fixed.shape[1] == len(LEVEL_LABELS) - 1 else np.full((d, len(LEVEL_LABELS) - 1), np.nan)
    for row in range(d):
        known = composites[row][~np.isnan(composites[row])]
        if known.size == 0:
            continue  # nothing scored: nothing to class
        if method == "quantiles":
            # A commune is in the top share s when its composite reaches the (1 − s) quantile.
            limits[row] = [quantile(known, 1.0 - share, "higher") for share in levels["shares"]]
        else:
            limits[row] = jenks_breaks(known, classes=len(LEVEL_LABELS), max_values=JENKS_MAX_VALUES)
    return limits


# Natural breaks on at most this many quantiles of the composite: fast enough for a thousand
# Monte Carlo draws of France, and the same for the reference run as for the draws.
JENKS_MAX_VALUES = 2000


def classify(composites, limits):
    """D × N level codes 1 (majeure) … 5 (hors centralité) as floats, NaN where unscored: one plus the
    number of limits of its row the composite falls below."""
    composites = np.atleast_2d(np.asarray(composites, dtype="float64"))
    codes = np.ones(composites.shape)
    for t in range(limits.shape[1]):
        codes += composites < limits[:, t][:, None]
    return np.where(np.isnan(composites), np.nan, codes)


def level_thresholds(composite, levels, method=None):
    """The four decreasing limits of one composite (a 1-D series or array) under ``method``."""
    values = pd.Series(composite).to_numpy(dtype="float64", na_value=np.nan)
    return [float(t) for t in level_limits(values[None, :], levels, method)[0]]


def level_codes(composite, thresholds):
    """1 (majeure) … 5 (hors centralité) from decreasing thresholds; missing stays missing."""
    composite = pd.Series(composite)
    values = composite.to_numpy(dtype="float64", na_value=np.nan)
    codes = classify(values[None, :], np.asarray(thresholds, dtype="float64")[None, :])[0]
    return pd.Series(pd.array(np.where(np.isnan(codes), pd.NA, codes), dtype="Int64"), index=composite.index)
