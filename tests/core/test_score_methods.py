"""Scoring methods: normalisations, aggregations, level methods, natural breaks; their properties."""

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from centralites.core.breaks import jenks_breaks
from centralites.core.profile import AGGREGATIONS, LEVEL_METHODS, NORMALISATIONS, validate_profile
from centralites.core.vocabulary import (
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    LEVEL_CODE_FIELD,
    LEVEL_LABELS,
    RANK_FIELD,
    SCORE_FIELDS,
)
from centralites.core.scoring import ScoringError, compute_scores, level_thresholds

from test_core_scoring import FOUR, frame_of, small_profile, small_profile_data

# Normalisations within the layer: "national" (tests/test_national.py) needs each indicator's reference.
COMBINATIONS = list(itertools.product([n for n in NORMALISATIONS if n != "national"], AGGREGATIONS, LEVEL_METHODS))


def one_indicator_profile(**top):
    data = {"functions": {f: {"indicators": [{"id": "x", "formula": "A"}]}
                          for f in ("habiter", "travailler", "consommer", "services")}}
    data.update(top)
    return validate_profile(data)


def column_frame(values):
    return pd.DataFrame({"A": values}, index=[f"c{i + 1}" for i in range(len(values))], dtype="float64")


# --------------------------------------------------------------------------- normalisations by hand


def test_zscore_is_the_normal_distribution_of_the_standard_score():
    frame = column_frame([1, 2, 3, 4, 5])
    scores = compute_scores(frame, one_indicator_profile(), normalisation="zscore").scores
    sd = math.sqrt(2.0)  # population sd of 1..5
    expected = [100 * 0.5 * (1 + math.erf((x - 3) / sd / math.sqrt(2))) for x in [1, 2, 3, 4, 5]]
    assert scores[COMPOSITE_FIELD].tolist() == pytest.approx(expected)
    assert scores[COMPOSITE_FIELD].iloc[2] == pytest.approx(50)  # the mean commune
    assert scores["score_habiter"].tolist() == pytest.approx(expected)  # not re-expressed


def test_percentile_rank_with_ties():
    frame = column_frame([10, 20, 20, 1000, np.nan])
    profile = one_indicator_profile()
    result = compute_scores(frame, profile, normalisation="percentile")
    # Ranks 1, 2.5, 2.5, 4 of 4 values -> 0, 50, 50, 100; re-expression keeps them.
    assert result.scores[COMPOSITE_FIELD].tolist()[:4] == pytest.approx([0, 50, 50, 100])
    assert math.isnan(result.scores[COMPOSITE_FIELD].iloc[4]) and result.unscored == 1


def test_reference_commune_is_100_and_better_communes_are_capped():
    frame = column_frame([0, 10, 20, 40, 80])
    profile = one_indicator_profile()
    scores = compute_scores(frame, profile, normalisation="reference", reference="c3").scores
    # (x - 0) / (20 - 0) * 100, capped at 100: 0, 50, 100, 100, 100 (re-expression keeps them).
    assert scores[COMPOSITE_FIELD].tolist() == pytest.approx([0, 50, 100, 100, 100])
    assert scores[RANK_FIELD].tolist() == [5, 4, 1, 1, 1]
    # Two indicators that rank communes differently: the reference weighs them on its own scale.
    two = frame_of(FOUR)
    by_reference = compute_scores(two, small_profile(), normalisation="reference", reference="c2").scores
    assert by_reference.loc["c2", COMPOSITE_FIELD] == 100  # c2 reaches itself on every indicator


def test_reference_errors_say_what_to_do():
    frame = column_frame([1, 2, 3])
    with pytest.raises(ScoringError, match="'62498' is not in the layer.*c1, c2, c3"):
        compute_scores(frame, one_indicator_profile(), normalisation="reference", reference="62498")
    with pytest.raises(ScoringError, match="needs the code of a reference commune"):
        compute_scores(frame, one_indicator_profile(), normalisation="reference")
    gap = column_frame([1, np.nan, 3])
    with pytest.raises(ScoringError, match="reference commune has no value for habiter.x.*\"zero\" or \"median\""):
        compute_scores(gap, one_indicator_profile(), normalisation="reference", reference="c2")
    # The profile can name the method and the reference itself.
    profile = one_indicator_profile(normalisation="reference", reference="c2")
    assert compute_scores(frame, profile).scores[COMPOSITE_FIELD].tolist() == pytest.approx([0, 100, 100])


def test_geometric_does_not_compensate():
    # c1 is strong on one function and nil on the others; c2 average on all four.
    frame = pd.DataFrame({"A": [100, 50, 0], "B": [0, 50, 0], "C": [0, 50, 0], "D": [0, 50, 0]},
                         index=["c1", "c2", "c3"], dtype="float64")
    data = {"functions": {f: {"indicators": [{"id": "x", "formula": col}]}
                          for f, col in zip(("habiter", "travailler", "consommer", "services"), "ABCD")}}
    profile = validate_profile(data)
    arithmetic = compute_scores(frame, profile, aggregation="arithmetic").scores[COMPOSITE_FIELD]
    geometric = compute_scores(frame, profile, aggregation="geometric").scores[COMPOSITE_FIELD]
    # Normalised: c1 100, 0, 0, 0; c2 50, 100, 100, 100; c3 0 everywhere.
    # Arithmetic: 25, 87.5, 0. Geometric: exp(mean ln(1+y)) - 1: 101^0.25 - 1 = 2.17, (51·101³)^0.25 - 1, 0.
    assert arithmetic.tolist() == pytest.approx([25 / 87.5 * 100, 100, 0])
    c2 = (51 * 101 ** 3) ** 0.25 - 1
    assert geometric.tolist() == pytest.approx([(101 ** 0.25 - 1) / c2 * 100, 100, 0])
    assert geometric["c1"] < 3 < arithmetic["c1"]


def test_default_method_is_todays():
    frame = frame_of(FOUR)
    default = compute_scores(frame, small_profile())
    explicit = compute_scores(frame, small_profile(), normalisation="minmax", aggregation="arithmetic",
                              levels="thresholds")
    pd.testing.assert_frame_equal(default.scores, explicit.scores)
    assert default.method.normalisation == "minmax" and default.thresholds == [88, 72, 52, 35]


# --------------------------------------------------------------------------- levels


def test_quantile_levels():
    composite = pd.Series(np.arange(100, dtype="float64"))
    limits = level_thresholds(composite, {"thresholds": [], "shares": [0.01, 0.05, 0.2, 0.5]}, "quantiles")
    assert limits == [99, 95, 80, 50]
    frame = column_frame(list(range(100)))
    profile = one_indicator_profile(levels={"method": "quantiles", "shares": [0.01, 0.05, 0.2, 0.5]})
    codes = compute_scores(frame, profile).scores[LEVEL_CODE_FIELD]
    assert codes.value_counts().sort_index().tolist() == [1, 4, 15, 30, 50]


def test_jenks_known_breaks():
    values = [1, 2, 3, 10, 11, 12, 50, 51, 100, 101, 102, 500]
    assert jenks_breaks(values, classes=5) == [500, 100, 50, 10]
    assert jenks_breaks([5, 5, 5], classes=5) == [5, math.inf, math.inf, math.inf]
    assert jenks_breaks([], classes=5) == [math.inf] * 4
    # Weighted by counts: duplicates pull a break as repeated values would.
    assert jenks_breaks([0] * 50 + [1, 2, 3, 20, 21, 22, 60, 61, 100], classes=3) == [60, 20]


def test_jenks_matches_brute_force():
    rng = np.random.default_rng(4)
    values = np.round(rng.lognormal(2, 1, 14), 1)
    best, best_cost = None, math.inf
    points = np.sort(values)
    for cuts in itertools.combinations(range(1, len(points)), 3):
        groups = np.split(points, cuts)
        cost = sum(((g - g.mean()) ** 2).sum() for g in groups)
        if cost < best_cost - 1e-9:
            best, best_cost = [float(points[c]) for c in reversed(cuts)], cost
    assert jenks_breaks(values, classes=4) == best


def test_jenks_on_many_values_is_sampled_and_sensible():
    rng = np.random.default_rng(1)
    values = np.concatenate([rng.normal(10, 1, 20000), rng.normal(50, 1, 5000), rng.normal(90, 1, 500)])
    limits = jenks_breaks(values, classes=3)
    assert 40 < limits[1] < 48 and 80 < limits[0] < 88  # the lower edges of the 50 and 90 clusters


def test_jenks_levels_in_the_score():
    frame = column_frame([1, 2, 3, 10, 11, 12, 50, 51, 100, 101, 102, 500])
    result = compute_scores(frame, one_indicator_profile(), levels="jenks")
    assert result.scores[LEVEL_CODE_FIELD].tolist() == [5, 5, 5, 4, 4, 4, 3, 3, 2, 2, 2, 1]
    assert result.scores.loc["c12", "niveau"] == LEVEL_LABELS[0]


def test_winsorise_clips_the_tails():
    frame = column_frame(list(range(1, 21)) + [10000])
    data = {"functions": {f: {"indicators": [{"id": "x", "formula": "A", "transform": "winsorise",
                                              "percentile": 90}]}
                          for f in ("habiter", "travailler", "consommer", "services")}}
    result = compute_scores(frame, validate_profile(data))
    low, high = np.percentile(list(range(1, 21)) + [10000], [10, 90])
    expected = (np.clip(frame["A"], low, high) - low) / (high - low) * 100
    assert result.scores[COMPOSITE_FIELD].tolist() == pytest.approx(expected.tolist())
    assert result.indicators["habiter.x"].iloc[-1] == 10000  # the raw value is kept


def test_unknown_method_argument():
    with pytest.raises(ScoringError, match="Unknown aggregation 'median'"):
        compute_scores(frame_of(FOUR), small_profile(), aggregation="median")


# --------------------------------------------------------------------------- properties, every combination

value = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
maybe_value = st.one_of(value, value, value, st.just(float("nan")))
rows_strategy = st.lists(st.lists(maybe_value, min_size=5, max_size=5), min_size=2, max_size=10)
full_rows = st.lists(st.lists(value, min_size=5, max_size=5), min_size=2, max_size=10)


def property_profile():
    data = small_profile_data()
    data["functions"]["habiter"]["indicators"][0]["transform"] = "log"
    data["functions"]["habiter"]["indicators"][1]["weight"] = 0.5
    data["functions"]["travailler"]["indicators"][0].update(transform="winsorise", percentile=80)
    data["functions"]["services"]["weight"] = 2
    return validate_profile(data)


PROFILE = property_profile()


def score(frame, combination, reference="c1"):
    normalisation, aggregation, levels = combination
    return compute_scores(frame, PROFILE, normalisation=normalisation, aggregation=aggregation, levels=levels,
                          reference=reference if normalisation == "reference" else None)


def reference_ok(frame, combination):
    # The reference commune needs every value (they are all "reweight" here).
    return combination[0] != "reference" or not frame.loc["c1"].isna().any()


@settings(max_examples=60, deadline=None)
@given(rows=rows_strategy, combination=st.sampled_from(COMBINATIONS))
def test_property_bounds_every_method(rows, combination):
    frame = frame_of(rows)
    assume(reference_ok(frame, combination))
    result = score(frame, combination)
    scores = result.scores
    for name in SCORE_FIELDS + (COMPOSITE_FIELD,):
        known = scores[name].dropna()
        assert ((known >= -1e-9) & (known <= 100 + 1e-9)).all(), name
    composite = scores[COMPOSITE_FIELD]
    assert scores[RANK_FIELD].isna().tolist() == composite.isna().tolist()
    assert scores[LEVEL_CODE_FIELD].isna().tolist() == composite.isna().tolist()
    assert result.unscored == int(composite.isna().sum())
    # Levels follow the composite: a higher composite never gets a lower level.
    known = scores[composite.notna()].sort_values(COMPOSITE_FIELD)
    assert known[LEVEL_CODE_FIELD].is_monotonic_decreasing


@settings(max_examples=60, deadline=None)
@given(rows=rows_strategy, combination=st.sampled_from(COMBINATIONS), data=st.data())
def test_property_row_order_every_method(rows, combination, data):
    frame = frame_of(rows)
    assume(reference_ok(frame, combination))
    order = data.draw(st.permutations(list(frame.index)))
    before = score(frame, combination).scores
    after = score(frame.loc[order], combination).scores
    pd.testing.assert_frame_equal(after.loc[frame.index], before, check_exact=False, rtol=1e-9, atol=1e-9)


@settings(max_examples=150, deadline=None)
@given(
    rows=st.one_of(full_rows, rows_strategy),
    combination=st.sampled_from([c for c in COMBINATIONS if c[2] == "thresholds"]),
    position=st.integers(min_value=0, max_value=9),
    column=st.sampled_from(["A", "B", "C", "D", "E"]),
    increase=st.floats(min_value=1e-3, max_value=1e6),
)
def test_property_monotone_every_method(rows, combination, position, column, increase):
    frame = frame_of(rows)
    commune = frame.index[position % len(frame)]
    assume(not math.isnan(frame.loc[commune, column]))
    assume(reference_ok(frame, combination))
    before = score(frame, combination).scores.loc[commune, COMPOSITE_FIELD]
    changed = frame.copy()
    changed.loc[commune, column] += increase
    after = score(changed, combination).scores.loc[commune, COMPOSITE_FIELD]
    assert not math.isnan(before) and not math.isnan(after)
    if column == "E":  # direction "-"
        assert after <= before + 1e-7
    else:
        assert after >= before - 1e-7


@settings(max_examples=150, deadline=None)
@given(rows=rows_strategy, combination=st.sampled_from(COMBINATIONS))
def test_property_contributions_add_up_to_the_composite_every_method(rows, combination):
    """contrib_* fields: one per indicator, none for a missing value, never negative, adding up to
    score_centralite to 0.1 point (to 1e-6 in fact) for every method combination."""
    frame = frame_of(rows)
    assume(reference_ok(frame, combination))
    scores = score(frame, combination).scores
    contributions = scores[[c for c in scores.columns if c.startswith(CONTRIBUTION_PREFIX)]]
    assert list(contributions.columns) == ["contrib_a", "contrib_b", "contrib_c", "contrib_d", "contrib_e"]
    composite = scores[COMPOSITE_FIELD]
    total = contributions.sum(axis=1, min_count=1)
    assert total.isna().tolist() == composite.isna().tolist()
    assert ((total - composite).abs().dropna() < 1e-6).all()
    assert (contributions.stack().dropna() >= -1e-9).all()  # stack keeps NaN from pandas 3 on
    # A commune missing an indicator has no contribution for it.
    missing = frame.isna().to_numpy() & composite.notna().to_numpy()[:, None]
    assert contributions.isna().to_numpy()[missing].all()


def test_contributions_of_the_default_profile_name_its_indicators():
    result = compute_scores(frame_of([[1.0, 2.0, 3.0, 4.0, 5.0], [2.0, 1.0, 5.0, 3.0, 1.0]]), PROFILE)
    assert [c for c in result.scores.columns if c.startswith(CONTRIBUTION_PREFIX)] == [
        "contrib_a", "contrib_b", "contrib_c", "contrib_d", "contrib_e"]
    from centralites.core.scoring import contribution_fields

    # Two functions with the same indicator id: the function names it.
    assert contribution_fields(["habiter.x", "travailler.x", "services.y"]) == [
        "contrib_habiter_x", "contrib_travailler_x", "contrib_y"]


def test_the_explanation_names_the_strongest_and_weakest_indicators():
    from centralites.core.explain import explanations

    frame = frame_of([[1.0, 2.0, 3.0, 4.0, 5.0], [9.0, 2.0, 1.0, 4.0, 1.0], [5.0, 5.0, 5.0, 5.0, 5.0]])
    result = compute_scores(frame, PROFILE)
    sentences = explanations(result, PROFILE)
    # c2: the highest A (rank 1) and the lowest E, which counts against (rank 1); its C and D at the bottom.
    assert sentences["c2"] == ("Strengths: a 9.0 (rank 1); e 1.0 (rank 1). "
                               "Weaknesses: d 4.0 (rank 2); c 1.0 (rank 3).")
    unscored = compute_scores(frame_of([[1.0] * 5, [float("nan")] * 5]), PROFILE)
    assert explanations(unscored, PROFILE)["c2"] is None


def test_a_rate_on_a_tiny_base_is_left_out_and_said():
    """"min_base": a growth from 5 jobs to 12 says little; the rate is left out whatever the policy, the
    commune keeps its other indicators, and indicateurs_manquants says why."""
    data = small_profile_data()
    data["functions"]["travailler"]["indicators"] = [
        {"id": "c", "formula": "C"},
        {"id": "g", "formula": {"growth": ["A", "C"], "years": [2013, 2018], "min_base": 50}, "missing": "zero"}]
    profile = validate_profile(data)
    frame = frame_of([[100.0, 1.0, 150.0, 1.0, 1.0], [5.0, 2.0, 12.0, 2.0, 2.0], [80.0, 3.0, 70.0, 3.0, 3.0]])
    result = compute_scores(frame, profile)
    assert result.indicators.loc["c2", "travailler.g"] > 15  # the raw rate is kept for the statistics…
    assert np.isnan(result.normalised.loc["c2", "travailler.g"])  # …but not scored, not even as zero
    assert result.scores.loc["c2", "indicateurs_manquants"] == "g (petite base)"
    assert np.isnan(result.scores.loc["c2", "contrib_g"]) and not np.isnan(result.scores.loc["c2", COMPOSITE_FIELD])
    with pytest.raises(Exception, match="min_base"):
        data["functions"]["travailler"]["indicators"][1]["formula"]["min_base"] = -1
        validate_profile(data)
