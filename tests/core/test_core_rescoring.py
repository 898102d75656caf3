"""core.rescoring: re-scoring with other weights gives exactly what compute_scores gives."""

import copy
import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.profile import LEVEL_METHODS, NORMALISATIONS, load_profile, validate_profile
from centralites.core.vocabulary import COMPOSITE_FIELD, FUNCTIONS, LEVEL_CODE_FIELD
from centralites.core.rescoring import Rescorer, matches_scores
from centralites.core.scoring import ScoringError, compute_scores

PROFILE = validate_profile({
    "name": "test",
    "levels": {"method": "thresholds", "thresholds": [80, 60, 40, 20]},
    "functions": {
        "habiter": {"indicators": [{"id": "a", "formula": "A", "transform": "log"},
                                   {"id": "b", "formula": "B", "weight": 0.5}]},
        "travailler": {"indicators": [{"id": "c", "formula": "C"},
                                      {"id": "r", "formula": {"ratio": ["C", "A"]}, "missing": "median"}]},
        "consommer": {"indicators": [{"id": "d", "formula": "D", "missing": "zero"}]},
        "services": {"weight": 2, "indicators": [{"id": "e", "formula": "E", "direction": "-"},
                                                 {"id": "f", "formula": "A", "transform": "winsorise"}]},
    },
})
KEYS = ["habiter.a", "habiter.b", "travailler.c", "travailler.r", "consommer.d", "services.e", "services.f"]


def random_frame(rows, seed):
    rng = np.random.default_rng(seed)
    values = rng.lognormal(3.0, 1.5, size=(rows, 5))
    values[rng.random(values.shape) < 0.1] = np.nan  # gaps for every missing-data policy
    values[0] = np.nan  # one commune with no data at all: kept, unscored
    return pd.DataFrame(values, columns=list("ABCDE"), index=[f"{i:05d}" for i in range(rows)])


def profile_with_weights(profile, function_weights, indicator_weights):
    data = copy.deepcopy(profile)
    for function, spec in data["functions"].items():
        spec["weight"] = function_weights.get(function, spec["weight"])
        for indicator in spec["indicators"]:
            indicator["weight"] = indicator_weights.get(f"{function}.{indicator['id']}", indicator["weight"])
    return data


def assert_same(result, expected):
    pd.testing.assert_frame_equal(result.scores, expected.scores)
    assert result.thresholds == expected.thresholds
    assert result.unscored == expected.unscored


# "national" needs the national reference of each indicator: tested on the shipped profile's, below.
WITHIN = [n for n in NORMALISATIONS if n != "national"]
METHODS = list(itertools.product(WITHIN, ("arithmetic", "geometric"), LEVEL_METHODS))


@pytest.mark.parametrize(("normalisation", "aggregation", "levels"), METHODS)
def test_rescoring_equals_compute_scores_for_every_method(normalisation, aggregation, levels):
    frame = random_frame(60, seed=len(normalisation) + len(aggregation) + len(levels))
    reference = "00007" if normalisation == "reference" else None
    frame.loc["00007"] = frame.loc["00007"].fillna(10.0)  # the reference needs every value
    methods = dict(normalisation=normalisation, aggregation=aggregation, levels=levels, reference=reference)
    rescorer = Rescorer(frame, PROFILE, **methods)
    function_weights = {"habiter": 0.5, "travailler": 3.0, "services": 0.2}
    indicator_weights = {"travailler.r": 4.0, "services.f": 0.1}
    expected = compute_scores(frame, profile_with_weights(PROFILE, function_weights, indicator_weights), **methods)
    result = rescorer.score(function_weights, indicator_weights)
    assert_same(result, expected)
    # The profile's own weights give the profile's scores, and the frame was not changed between calls.
    assert_same(rescorer.score(), compute_scores(frame, PROFILE, **methods))
    # A different weighting does change the scores (the comparison above can fail).
    assert not result.scores[COMPOSITE_FIELD].equals(rescorer.score().scores[COMPOSITE_FIELD])


weight = st.floats(min_value=0.05, max_value=20, allow_nan=False, allow_infinity=False)


@settings(max_examples=60, deadline=None)
@given(functions=st.fixed_dictionaries({f: weight for f in FUNCTIONS}),
       indicators=st.fixed_dictionaries({k: weight for k in KEYS}),
       method=st.sampled_from(METHODS), seed=st.integers(0, 1000), rows=st.integers(1, 40))
def test_property_rescoring_equals_compute_scores(functions, indicators, method, seed, rows):
    normalisation, aggregation, levels = method
    frame = random_frame(rows, seed)
    reference = None
    if normalisation == "reference":
        reference = frame.index[-1]
        frame.iloc[-1] = frame.iloc[-1].fillna(1.0)
    methods = dict(normalisation=normalisation, aggregation=aggregation, levels=levels, reference=reference)
    expected = compute_scores(frame, profile_with_weights(PROFILE, functions, indicators), **methods)
    assert_same(Rescorer(frame, PROFILE, **methods).score(functions, indicators), expected)


def test_aula_profile_on_the_sample_frame():
    profile = load_profile()
    rng = np.random.default_rng(3)
    columns = sorted({c for c in _columns(profile)})
    frame = pd.DataFrame(rng.lognormal(5, 1.2, size=(300, len(columns))), columns=columns)
    rescorer = Rescorer(frame, profile)
    weights = {"travailler": 3.0}
    expected = compute_scores(frame, profile_with_weights(profile, weights, {}))
    assert_same(rescorer.score(weights), expected)
    assert not matches_scores(rescorer.score(), expected.scores)  # ×3 on jobs moves the composite
    assert matches_scores(rescorer.score(weights), expected.scores)


def _columns(profile):
    """The columns the profile reads on the 2021 edition of the comparateur."""
    from centralites.core.profile import fit_profile, profile_columns

    from test_core_scoring import BPE_COLUMNS, COMPARATEUR_COLUMNS

    return profile_columns(fit_profile(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS)[0])


def test_profile_with_weights_is_a_valid_profile_that_scores_the_same(tmp_path):
    import json

    frame = random_frame(30, seed=5)
    rescorer = Rescorer(frame, PROFILE, levels="quantiles")
    saved = rescorer.profile_with({"consommer": 2.5}, {"habiter.b": 3.0}, name="Commerce ×2.5")
    path = tmp_path / "p.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    reloaded = load_profile(str(path))
    assert reloaded["name"] == "Commerce ×2.5"
    assert reloaded["functions"]["consommer"]["weight"] == 2.5
    assert reloaded["levels"]["method"] == "quantiles"  # the method in use travels with the weights
    assert_same(compute_scores(frame, reloaded), rescorer.score({"consommer": 2.5}, {"habiter.b": 3.0}))


def test_bad_weights_are_refused():
    rescorer = Rescorer(random_frame(10, seed=1), PROFILE)
    with pytest.raises(ScoringError, match="positive"):
        rescorer.score({"habiter": 0})
    with pytest.raises(ScoringError, match="Unknown indicator"):
        rescorer.score(indicator_weights={"habiter.zz": 1})


def test_matches_scores_compares_composite_and_levels():
    frame = random_frame(25, seed=9)
    result = Rescorer(frame, PROFILE).score()
    stored = result.scores.copy()
    assert matches_scores(result, stored)
    stored.loc[stored.index[3], COMPOSITE_FIELD] += 0.5
    assert not matches_scores(result, stored)
    stored = result.scores.copy()
    stored[LEVEL_CODE_FIELD] = 3
    assert not matches_scores(result, stored)


def plain_jenks(values, classes):
    """Natural breaks by the plain dynamic programme, one end point at a time (the reference
    for core.breaks' blocked version, which the live re-scoring relies on for speed)."""
    data = np.asarray(values, dtype="float64")
    points, counts = np.unique(data, return_counts=True)
    n = points.size
    w = np.concatenate([[0.0], np.cumsum(counts)])
    s1 = np.concatenate([[0.0], np.cumsum(counts * points)])
    s2 = np.concatenate([[0.0], np.cumsum(counts * points ** 2)])

    def ssd(starts, end):
        count = w[end + 1] - w[starts]
        total = s1[end + 1] - s1[starts]
        return (s2[end + 1] - s2[starts]) - total ** 2 / count

    cost = np.full((classes, n), np.inf)
    start = np.zeros((classes, n), dtype=int)
    cost[0] = ssd(np.zeros(n, dtype=int), np.arange(n))
    for k in range(1, classes):
        for j in range(k, n):
            starts = np.arange(k, j + 1)
            candidates = cost[k - 1][starts - 1] + ssd(starts, j)
            best = int(np.argmin(candidates))
            cost[k][j] = candidates[best]
            start[k][j] = starts[best]
    limits, end = [], n - 1
    for k in range(classes - 1, 0, -1):
        limits.append(float(points[start[k][end]]))
        end = start[k][end] - 1
    return limits


@settings(max_examples=80, deadline=None)
@given(values=st.lists(st.one_of(st.integers(0, 40).map(float), st.floats(0, 100, allow_nan=False)),
                       min_size=8, max_size=400),
       classes=st.integers(2, 6))
def test_natural_breaks_equal_the_plain_dynamic_programme(values, classes):
    from centralites.core.breaks import jenks_breaks

    if len(set(values)) <= classes:
        return  # handled before the programme
    assert jenks_breaks(values, classes=classes) == plain_jenks(values, classes)


def test_natural_breaks_on_many_points():
    from centralites.core.breaks import jenks_breaks

    rng = np.random.default_rng(4)
    for values in (rng.lognormal(2, 1, 1500), np.round(rng.random(1800) * 100, 1),
                   np.concatenate([np.zeros(700), rng.random(900) * 100])):
        assert jenks_breaks(values, classes=5) == plain_jenks(values, 5)


def test_with_levels_and_known_weights():
    frame = random_frame(40, seed=11)
    rescorer = Rescorer(frame, PROFILE)
    for levels in LEVEL_METHODS:
        assert_same(rescorer.with_levels(levels).score({"consommer": 2.0}),
                    Rescorer(frame, PROFILE, levels=levels).score({"consommer": 2.0}))
    assert rescorer.method.levels == "thresholds"  # the original is left as it was
    with pytest.raises(ScoringError, match="level method"):
        rescorer.with_levels("equal")
    assert rescorer.known_weights({"habiter": 2, "culture": 1}, {"habiter.a": 3, "habiter.gone": 1}) == (
        {"habiter": 2}, {"habiter.a": 3})


@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
@pytest.mark.parametrize("levels", LEVEL_METHODS)
def test_rescoring_equals_compute_scores_against_france(aggregation, levels):
    profile = load_profile()
    rng = np.random.default_rng(5)
    columns = sorted(set(_columns(profile)))
    frame = pd.DataFrame(rng.lognormal(5, 1.2, size=(300, len(columns))), columns=columns)
    functions, indicators = {"travailler": 3.0}, {"habiter.vacance": 2.0}
    methods = dict(normalisation="national", aggregation=aggregation, levels=levels)
    expected = compute_scores(frame, profile_with_weights(profile, functions, indicators), **methods)
    assert_same(Rescorer(frame, profile, **methods).score(functions, indicators), expected)


@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
def test_a_sequence_of_moves_on_one_rescorer_equals_fresh_scores(aggregation):
    """The scorer keeps, between moves, what a function weight leaves as it was (the panel's sliders): a
    sequence of function and indicator moves, on the rescorer and on copies of it sharing what it kept
    (other levels, the other aggregation), gives at each step what a fresh computation gives."""
    frame = random_frame(80, seed=11)
    rescorer = Rescorer(frame, PROFILE, aggregation=aggregation)
    moves = [({"habiter": 3.0}, {}), ({"habiter": 3.0}, {"travailler.r": 4.0}), ({"services": 0.2}, {}),
             ({"services": 0.2}, {"travailler.r": 4.0, "habiter.a": 0.1}), ({"habiter": 3.0}, {})]
    for function_weights, indicator_weights in moves:
        expected = compute_scores(frame, profile_with_weights(PROFILE, function_weights, indicator_weights),
                                  aggregation=aggregation)
        assert_same(rescorer.score(function_weights, indicator_weights), expected)
        other_levels = rescorer.with_levels("quantiles")
        assert_same(other_levels.score(function_weights, indicator_weights),
                    compute_scores(frame, profile_with_weights(PROFILE, function_weights, indicator_weights),
                                   aggregation=aggregation, levels="quantiles"))
    other = {"arithmetic": "geometric", "geometric": "arithmetic"}[aggregation]
    other_aggregation = copy.copy(rescorer)
    other_aggregation.method = Rescorer(frame, PROFILE, aggregation=other).method
    assert_same(other_aggregation.score({"habiter": 3.0}, {}),
                compute_scores(frame, profile_with_weights(PROFILE, {"habiter": 3.0}, {}), aggregation=other))


@pytest.mark.parametrize(("normalisation", "aggregation", "levels"), METHODS)
def test_the_composite_alone_is_the_scores_composite(normalisation, aggregation, levels):
    """What the panel compares methods with (``composite``) is the composite ``score`` gives, NaN included."""
    frame = random_frame(50, seed=3)
    frame.loc["00007"] = frame.loc["00007"].fillna(10.0)
    reference = "00007" if normalisation == "reference" else None
    rescorer = Rescorer(frame, PROFILE, normalisation=normalisation, aggregation=aggregation, levels=levels,
                        reference=reference)
    for weights in (({}, {}), ({"services": 0.3}, {"habiter.b": 3.0})):
        composite = rescorer.composite(*weights)
        expected = rescorer.score(*weights).scores[COMPOSITE_FIELD].to_numpy(dtype="float64")
        np.testing.assert_array_equal(composite, expected)
        assert np.isnan(composite[0])  # the commune with no data
