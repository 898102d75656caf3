"""Profiles and scores: validation, normalisation, weighting, ranks, levels."""

import json
import math
import os
import sqlite3

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from centralites.core.indicators import AREA_COLUMN
from centralites.core.join import join_tables
from centralites.core.profile import (
    ProfileError,
    check_columns,
    load_profile,
    needs_geometry_area,
    profile_columns,
    validate_profile,
)
from centralites.core.vocabulary import (
    COMPOSITE_FIELD,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    LEVEL_LABELS,
    MISSING_FIELD,
    OUTPUT_FIELDS,
    RANK_FIELD,
    SCORE_FIELDS,
)
from centralites.core.scoring import compute_scores, level_codes
from centralites.core.tables import read_table

from testdata import SAMPLE_TERRITORY, real_insee

# --------------------------------------------------------------------------- helpers


def small_profile_data(**top):
    """Five plain-column indicators: A and B make habiter, E counts against services. No data floor
    (a commune is scored on whatever it has): the properties of the aggregation are tested alone;
    the floor has its own tests."""
    data = {
        "name": "test",
        "availability": {"function": 0.0, "functions": 1},
        "functions": {
            "habiter": {"indicators": [{"id": "a", "formula": "A"}, {"id": "b", "formula": "B"}]},
            "travailler": {"indicators": [{"id": "c", "formula": "C"}]},
            "consommer": {"indicators": [{"id": "d", "formula": "D"}]},
            "services": {"indicators": [{"id": "e", "formula": "E", "direction": "-"}]},
        },
    }
    data.update(top)
    return data


def small_profile(**top):
    return validate_profile(small_profile_data(**top))


def frame_of(rows, columns="ABCDE", codes=None):
    codes = codes or [f"c{i + 1}" for i in range(len(rows))]
    return pd.DataFrame(rows, columns=list(columns), index=codes, dtype="float64")


def expected_level(score, thresholds):
    for code, threshold in enumerate(thresholds, start=1):
        if score >= threshold:
            return code
    return len(thresholds) + 1


# --------------------------------------------------------------------------- profile: load and validate


def test_builtin_default_profile():
    profile = load_profile()
    assert profile["name"] == "AULA 360°"
    assert list(profile["functions"]) == ["habiter", "travailler", "consommer", "services"]
    assert [len(f["indicators"]) for f in profile["functions"].values()] == [4, 3, 3, 4]
    # Normalised against France, its limits the national composite's quantiles at the INRAE/ANCT shares
    # (scripts/build_national_reference.py writes them).
    assert profile["levels"]["method"] == "thresholds" and profile["levels"]["shares"] == [0.004, 0.025, 0.11, 0.31]
    assert len(profile["levels"]["thresholds"]) == 4
    assert (profile["normalisation"], profile["aggregation"], profile["reference"]) == ("national", "arithmetic", None)
    assert profile["missing"] == "reweight"
    habiter = {i["id"]: i for i in profile["functions"]["habiter"]["indicators"]}
    assert habiter["vacance"]["direction"] == "-"
    assert habiter["vacance"]["weight"] == 0.5
    assert habiter["population"]["transform"] == "log"
    assert habiter["population"]["missing"] == "reweight"  # the profile's default
    consommer = {i["id"]: i for i in profile["functions"]["consommer"]["indicators"]}
    assert consommer["commerces"]["missing"] == "zero"  # its own policy wins
    assert load_profile(None) == profile
    assert load_profile("") == profile


def test_load_profile_errors(tmp_path):
    with pytest.raises(ProfileError, match="not found"):
        load_profile(str(tmp_path / "absent.json"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"functions": ', encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(broken))
    assert str(broken) in str(caught.value) and "not a valid JSON" in str(caught.value)


def test_load_profile_names_the_file(tmp_path):
    path = tmp_path / "mine.json"
    data = small_profile_data()
    data["functions"]["habiter"]["weight"] = 0
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        load_profile(str(path))
    assert str(caught.value).startswith(f"{path}: functions.habiter.weight")


def test_validate_fills_defaults():
    profile = small_profile()
    a = profile["functions"]["habiter"]["indicators"][0]
    assert a == {"missing": "reweight", "id": "a", "label": "a", "formula": "A", "direction": "+",
                 "weight": 1.0, "transform": "none"}
    assert profile["functions"]["habiter"]["weight"] == 1.0
    assert profile["functions"]["habiter"]["label"] == "Habiter"
    assert profile["levels"]["thresholds"] == [88.0, 72.0, 52.0, 35.0]
    zero = small_profile(missing="zero")
    assert {i["missing"] for f in zero["functions"].values() for i in f["indicators"]} == {"zero"}


def mutated(change):
    data = small_profile_data()
    change(data)
    return data


def first_indicator(data):
    return data["functions"]["habiter"]["indicators"][0]


@pytest.mark.parametrize(
    "change, fragments",
    [
        (lambda d: d.update(colour="red"), ["unknown key(s) colour"]),
        (lambda d: first_indicator(d).update(sens="+"), ["functions.habiter.indicators[0]", "unknown key(s) sens"]),
        (lambda d: d["functions"].update(loisirs={"indicators": [{"id": "x", "formula": "X"}]}),
         ["unknown function 'loisirs'", "habiter, travailler, consommer, services"]),
        (lambda d: d["functions"].pop("services"), ["functions.services is missing"]),
        (lambda d: d.pop("functions"), ["'functions' must be an object"]),
        (lambda d: d["functions"]["travailler"].update(weight=0),
         ["functions.travailler.weight", "positive number", "not 0"]),
        (lambda d: d["functions"]["travailler"].update(weight=-1),
         ["functions.travailler.weight", "positive number", "not -1"]),
        (lambda d: first_indicator(d).update(weight="2"),
         ["functions.habiter.indicators[0].weight", "positive number", "not '2'"]),
        (lambda d: first_indicator(d).update(weight=True),
         ["functions.habiter.indicators[0].weight", "positive number", "not True"]),
        (lambda d: first_indicator(d).update(weight=float("nan")), ["weight", "positive number"]),
        (lambda d: first_indicator(d).update(direction="up"),
         ["functions.habiter.indicators[0].direction", "'+' or '-'", "'up'"]),
        (lambda d: first_indicator(d).update(transform="sqrt"),
         ["functions.habiter.indicators[0].transform", "none, log, winsorise", "'sqrt'"]),
        (lambda d: first_indicator(d).update(transform="winsorise", percentile=100),
         ["functions.habiter.indicators[0].percentile", "between 50 and 100", "not 100"]),
        (lambda d: first_indicator(d).update(transform="winsorise", percentile="95"),
         ["indicators[0].percentile", "between 50 and 100"]),
        (lambda d: first_indicator(d).update(percentile=95), ["indicators[0].percentile", "only with"]),
        (lambda d: d.update(normalisation="robust"), ["'normalisation' must be one of minmax, zscore, "
                                                      "percentile, reference", "'robust'"]),
        (lambda d: d.update(aggregation="harmonic"), ["'aggregation' must be one of arithmetic, geometric"]),
        (lambda d: d.update(normalisation="reference"), ["needs 'reference', the code of the reference commune"]),
        (lambda d: d.update(reference=62498), ["'reference' is a commune code written as text"]),
        (lambda d: d.update(levels={"method": "quantiles", "shares": [0.5, 0.1, 0.2, 0.3]}),
         ["levels.shares", "four increasing cumulative shares"]),
        (lambda d: d.update(levels={"shares": [0.1, 0.2, 0.3, 1.0]}), ["levels.shares"]),
        (lambda d: first_indicator(d).update(missing="drop"),
         ["functions.habiter.indicators[0].missing", "reweight, zero, median", "'drop'"]),
        (lambda d: d.update(missing="ignore"), ["'missing' must be one of reweight, zero, median"]),
        (lambda d: first_indicator(d).update(formula={"sum": ["A", "B"]}),
         ["functions.habiter.indicators[0].formula", "exactly one of", "ratio", "got sum"]),
        (lambda d: first_indicator(d).update(formula={"ratio": ["A", "B"], "share": ["A", "B"]}),
         ["exactly one of", "got ratio, share"]),
        (lambda d: first_indicator(d).update(formula=12), ["formula", "a column name or an object"]),
        (lambda d: first_indicator(d).update(formula={"growth": ["P13_POP", "P18_POP"]}),
         ["functions.habiter.indicators[0].formula.years", "two increasing years"]),
        (lambda d: first_indicator(d).update(formula={"growth": ["P13_POP", "P18_POP"], "years": [2018, 2013]}),
         ["formula.years", "two increasing years"]),
        (lambda d: first_indicator(d).update(formula={"ratio": ["A", "B", "C"]}),
         ["formula.ratio", "2 operand(s) expected, got 3"]),
        (lambda d: first_indicator(d).update(formula={"density": ["A", "B"]}),
         ["formula.density", "1 operand(s) expected, got 2"]),
        (lambda d: first_indicator(d).update(formula={"ratio": ["A", {"difference": ["B"]}]}),
         ["formula.ratio[1].difference", "2 operand(s) expected, got 1"]),
        (lambda d: first_indicator(d).update(formula={"ratio": ["A", "B"], "scale": 0}),
         ["formula.scale", "positive number"]),
        (lambda d: first_indicator(d).update(formula={"share": ["A", "B"], "scale": 10}),
         ["unknown key(s) scale"]),
        (lambda d: first_indicator(d).pop("formula"),
         ["functions.habiter.indicators[0]", "'formula' is required"]),
        (lambda d: first_indicator(d).pop("id"), ["'id' is required"]),
        (lambda d: d["functions"]["consommer"].update(indicators=[]),
         ["functions.consommer.indicators", "at least one indicator"]),
        (lambda d: d["functions"]["habiter"]["indicators"].append({"id": "a", "formula": "Z"}),
         ["functions.habiter", "ids must be unique"]),
        (lambda d: d.update(levels={"thresholds": [88, 72, 52]}), ["four decreasing scores"]),
        (lambda d: d.update(levels={"thresholds": [35, 52, 72, 88]}), ["four decreasing scores"]),
        (lambda d: d.update(levels={"method": "kmeans"}),
         ["levels.method: one of thresholds, quantiles, jenks", "'kmeans'"]),
    ],
)
def test_validate_profile_errors(change, fragments):
    with pytest.raises(ProfileError) as caught:
        validate_profile(mutated(change), source="mine.json")
    message = str(caught.value)
    assert message.startswith("mine.json")
    for fragment in fragments:
        assert fragment in message


def test_validate_profile_not_an_object():
    with pytest.raises(ProfileError, match="a profile is a JSON object"):
        validate_profile([1, 2], source="mine.json")


def test_validate_profile_accepts_nested_formulas():
    data = small_profile_data()
    first_indicator(data)["formula"] = {
        "ratio": ["P18_EMPLT", {"difference": ["P18_ACT1564", "P18_CHOM1564"]}], "scale": 100}
    data["functions"]["habiter"]["indicators"][1]["formula"] = {"density": "P18_POP"}
    profile = validate_profile(data)
    assert profile_columns(profile) == ["P18_EMPLT", "P18_ACT1564", "P18_CHOM1564", "P18_POP", "C", "D", "E"]


# --------------------------------------------------------------------------- columns


COMPARATEUR_COLUMNS = ["CODGEO", "P18_POP", "P13_POP", "SUPERF", "P18_LOG", "P18_LOGVAC", "P18_EMPLT",
                       "P13_EMPLT", "P18_ACT1564", "P18_CHOM1564", "ETTOT18", "ETGZ18", "ETGU18"]
BPE_COLUMNS = ["NB_EQUIP_TOTAL"] + [f"NB_EQUIP_{d}" for d in "ABCDEFG"]


def test_check_columns_lists_the_missing_ones():
    profile = load_profile()
    with pytest.raises(ProfileError) as caught:
        check_columns(profile, COMPARATEUR_COLUMNS)
    message = str(caught.value)
    assert "AULA 360°" in message
    assert "needs the column(s) NB_EQUIP_B, NB_EQUIP_TOTAL, NB_EQUIP_D, NB_EQUIP_C," in message
    assert "P18_POP" not in message.split("Columns available")[0]
    assert AREA_COLUMN not in message


def test_check_columns_all_present():
    profile = load_profile()
    check_columns(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS)
    # The density's area column is optional: the geometry's area replaces it.
    without_area = [c for c in COMPARATEUR_COLUMNS if c != "SUPERF"] + BPE_COLUMNS
    check_columns(profile, without_area)
    with pytest.raises(ProfileError, match="P18_EMPLT"):
        check_columns(profile, [c for c in without_area if c != "P18_EMPLT"])


def test_needs_geometry_area():
    profile = load_profile()
    assert needs_geometry_area(profile, COMPARATEUR_COLUMNS + BPE_COLUMNS) is False
    assert needs_geometry_area(profile, [c for c in COMPARATEUR_COLUMNS if c != "SUPERF"]) is True
    assert needs_geometry_area(small_profile(), ["A", "B", "C", "D", "E"]) is False
    data = small_profile_data()
    first_indicator(data)["formula"] = {"density": "A"}  # no area column named
    assert needs_geometry_area(validate_profile(data), ["A", "B", "C", "D", "E", "SUPERF"]) is True


# --------------------------------------------------------------------------- scores on small frames

FOUR = [
    # A    B   C  D  E
    [100, 10, 50, 0, 5],
    [10, 10, 40, 1, 1],
    [1, 10, 30, 2, 3],
    [0, 10, 20, 3, 5],
]


def test_scores_by_hand():
    result = compute_scores(frame_of(FOUR), small_profile())
    scores = result.scores
    assert list(scores.columns) == list(OUTPUT_FIELDS) + ["contrib_a", "contrib_b", "contrib_c", "contrib_d", "contrib_e"]
    assert list(scores.index) == ["c1", "c2", "c3", "c4"]
    approx = pytest.approx
    # B is constant (50 for all): habiter is A re-expressed on 0-100.
    assert scores["score_habiter"].tolist() == approx([100, 10, 1, 0])
    assert scores["score_travailler"].tolist() == approx([100, 200 / 3, 100 / 3, 0])
    assert scores["score_consommer"].tolist() == approx([0, 100 / 3, 200 / 3, 100])
    # E counts against: the lowest E scores 100.
    assert scores["score_services"].tolist() == approx([0, 100, 50, 0])
    # The composite averages the function means before re-expression: habiter 75, 30, 25.5, 25;
    # travailler 100, 66.7, 33.3, 0; consommer 0, 33.3, 66.7, 100; services 0, 100, 50, 0;
    # means 43.75, 57.5, 43.875, 31.25 re-expressed on 0-100.
    assert scores[COMPOSITE_FIELD].tolist() == approx([12.5 / 26.25 * 100, 100, 12.625 / 26.25 * 100, 0])
    assert scores[RANK_FIELD].tolist() == [3, 1, 2, 4]
    # c1's composite 43.75 is the sum of its terms: a 0.25 × 0.5 × 100 = 12.5, b 0.25 × 0.5 × 50 = 6.25,
    # c 0.25 × 100 = 25, d 0, e 0; each contributes its share of the re-expressed score.
    c1 = scores.loc["c1"]
    assert [c1[f"contrib_{x}"] for x in "abcde"] == approx(
        [c1[COMPOSITE_FIELD] * t / 43.75 for t in (12.5, 6.25, 25.0, 0.0, 0.0)])
    assert scores.loc["c4", [f"contrib_{x}" for x in "abcde"]].sum() == approx(0.0)
    assert scores[LEVEL_CODE_FIELD].tolist() == [4, 1, 4, 5]
    assert scores[LEVEL_FIELD].tolist() == ["locale", "majeure", "locale", "hors centralité"]
    assert scores[MISSING_FIELD].tolist() == [0, 0, 0, 0]
    assert result.unscored == 0
    assert list(result.indicators.columns) == ["habiter.a", "habiter.b", "travailler.c", "consommer.d",
                                               "services.e"]
    assert result.indicators["habiter.a"].tolist() == [100, 10, 1, 0]


def test_weights_matter():
    data = small_profile_data()
    data["functions"]["services"]["weight"] = 3  # c2 is the services pole
    scores = compute_scores(frame_of(FOUR), validate_profile(data)).scores
    # Function means (habiter 75, 30, 25.5, 25), services counted three times:
    # (75+100+0+3*0)/6, (30+66.7+33.3+300)/6, (25.5+33.3+66.7+150)/6, (25+0+100+0)/6.
    means = np.array([175, 430, 275.5, 125]) / 6
    expected = (means - means.min()) / (means.max() - means.min()) * 100
    assert scores[COMPOSITE_FIELD].tolist() == pytest.approx(expected.tolist())
    assert scores[RANK_FIELD].tolist() == [3, 1, 2, 4]


def test_log_transform():
    data = small_profile_data()
    data["functions"]["travailler"]["indicators"][0]["transform"] = "log"
    frame = frame_of(FOUR)
    frame["C"] = [0, math.e - 1, math.e ** 2 - 1, math.e ** 4 - 1]  # log1p: 0, 1, 2, 4
    scores = compute_scores(frame, validate_profile(data)).scores
    assert scores["score_travailler"].tolist() == pytest.approx([0, 25, 50, 100])


def test_aula_profile_indicator_values():
    frame = pd.DataFrame(
        {
            "P18_POP": [1000.0, 2000.0], "P13_POP": [1000.0, 1000.0], "SUPERF": [10.0, 0.0],
            "P18_LOG": [500.0, 800.0], "P18_LOGVAC": [50.0, 20.0], "P18_EMPLT": [300.0, 1200.0],
            "P13_EMPLT": [300.0, 0.0], "P18_ACT1564": [500.0, 900.0], "P18_CHOM1564": [100.0, 100.0],
            "ETGU18": [10.0, 40.0], "NB_EQUIP_TOTAL": [40.0, np.nan], "NB_EQUIP_B": [10.0, np.nan],
            "NB_EQUIP_C": [2.0, np.nan], "NB_EQUIP_D": [5.0, np.nan],
        },
        index=["62001", "62002"],
    )
    result = compute_scores(frame, load_profile())
    raw = result.indicators.loc["62001"]
    assert raw["habiter.population"] == 1000
    assert raw["habiter.densite"] == pytest.approx(100)
    assert raw["habiter.croissance_pop"] == pytest.approx(0)
    assert raw["habiter.vacance"] == pytest.approx(10)
    assert raw["travailler.concentration"] == pytest.approx(75)  # 300 / (500 - 100) * 100
    assert raw["consommer.commerces_1000"] == pytest.approx(10)
    assert raw["services.equipements"] == pytest.approx(30)
    assert raw["services.equipements_1000"] == pytest.approx(30)
    other = result.indicators.loc["62002"]
    assert other["habiter.croissance_pop"] == pytest.approx((2 ** 0.2 - 1) * 100)
    assert math.isnan(other["habiter.densite"])  # area 0: undefined, not an error
    assert math.isnan(other["travailler.croissance_emploi"])  # from 0 jobs: undefined
    assert math.isnan(other["services.sante"])
    # Two undefined indicators and the six read from the absent BPE (counted before imputation).
    assert result.scores.loc["62002", MISSING_FIELD] == 2 + 6
    assert result.scores.loc["62001", MISSING_FIELD] == 0


MISSING_ROWS = [
    # A    B      C  D  E
    [0, 0, 1, 1, 1],
    [100, np.nan, 1, 1, 1],
    [50, 100, 1, 1, 1],
    [100, 20, 1, 1, 1],
]


@pytest.mark.parametrize(
    "policy, habiter",
    [
        # B left out for c2: A alone (100) counts; means 0, 100, 75, 60.
        ("reweight", [0, 100, 75, 60]),
        # B read as 0 for c2: (100 + 0) / 2 = 50, then means 0, 50, 75, 60 on 0-100.
        ("zero", [0, 200 / 3, 100, 80]),
        # B read as the median of 0, 100, 20 (20, where the mean would be 40): means 0, 60, 75, 60.
        ("median", [0, 80, 100, 80]),
    ],
)
def test_missing_policies(policy, habiter):
    data = small_profile_data()
    data["functions"]["habiter"]["indicators"][1]["missing"] = policy
    result = compute_scores(frame_of(MISSING_ROWS), validate_profile(data))
    assert result.scores["score_habiter"].tolist() == pytest.approx(habiter)
    # Whatever the policy, the gap is counted and the raw value stays missing.
    assert result.scores[MISSING_FIELD].tolist() == [0, 1, 0, 0]
    assert math.isnan(result.indicators.loc["c2", "habiter.b"])
    assert result.unscored == 0


def test_profile_level_missing_policy():
    result = compute_scores(frame_of(MISSING_ROWS), small_profile(missing="zero"))
    assert result.scores["score_habiter"].tolist() == pytest.approx([0, 200 / 3, 100, 80])


def test_commune_without_data_is_kept_unscored():
    rows = FOUR + [[np.nan] * 5]
    frame = frame_of(rows)
    result = compute_scores(frame, small_profile())
    scores = result.scores
    assert len(scores) == 5
    assert result.unscored == 1
    empty = scores.loc["c5"]
    for field in SCORE_FIELDS + (COMPOSITE_FIELD,):
        assert math.isnan(empty[field])
    assert pd.isna(empty[RANK_FIELD]) and pd.isna(empty[LEVEL_CODE_FIELD])
    assert empty[LEVEL_FIELD] is None
    assert empty[MISSING_FIELD] == 5
    # The others are scored exactly as without it.
    alone = compute_scores(frame_of(FOUR), small_profile()).scores
    pd.testing.assert_frame_equal(scores.drop(index="c5"), alone)


def test_commune_without_data_is_unscored_whatever_the_policy():
    # ScoreResult.unscored: "communes without a single indicator value". A commune
    # absent from every table (Vitz-sur-Authie, 80810, on the AULA territory) must
    # not get a score of 0 and the level "hors centralité" from imputed zeros.
    # The data floor sees to it: one function of four has a value (a zero), three are needed.
    rows = FOUR + [[np.nan] * 5]
    data = small_profile_data()
    del data["availability"]  # the default floor
    data["functions"]["consommer"]["indicators"][0]["missing"] = "zero"
    result = compute_scores(frame_of(rows), validate_profile(data))
    assert result.scores.loc["c5", MISSING_FIELD] == 5
    assert result.unscored == 1 and result.below_floor == 1
    assert math.isnan(result.scores.loc["c5", COMPOSITE_FIELD])
    assert result.scores.loc["c5", "indicateurs_manquants"] == "a, b, c, d (0), e"
    # Without any policy that gives a value, the commune has no value at all: unscored, whatever the floor.
    result = compute_scores(frame_of(rows), small_profile())
    assert result.unscored == 1 and result.below_floor == 0


def test_zero_scores_a_commune_without_equipment_as_zero_equipment():
    """An equipment profile ("missing": "zero"): a commune absent from the BPE has no equipment — it
    is scored, at the bottom, not left out."""
    data = small_profile_data(missing="zero")
    del data["availability"]
    rows = FOUR + [[np.nan] * 5]
    result = compute_scores(frame_of(rows), validate_profile(data))
    assert result.unscored == 0
    assert result.scores.loc["c5", LEVEL_FIELD] == "hors centralité"
    assert result.scores.loc["c5", "indicateurs_manquants"] == "a (0), b (0), c (0), d (0), e (0)"


def test_the_data_floor_leaves_out_a_commune_scored_on_too_little():
    """The default floor: three functions of four, each with half its indicators. A commune with only
    two functions is not scored, and does not shape the others' normalisation."""
    data = small_profile_data()
    del data["availability"]
    rows = FOUR + [[1e6, 1e6, 1e6, np.nan, np.nan]]  # habiter and travailler only, with huge values
    result = compute_scores(frame_of(rows), validate_profile(data))
    assert result.below_floor == 1 and math.isnan(result.scores.loc["c5", COMPOSITE_FIELD])
    assert result.scores.loc["c5", "indicateurs_manquants"] == "d, e"
    alone = compute_scores(frame_of(FOUR), validate_profile(data)).scores
    pd.testing.assert_series_equal(result.scores.loc[alone.index, COMPOSITE_FIELD], alone[COMPOSITE_FIELD])
    # Half of habiter (a without b) is enough; a commune may miss one function.
    rows = FOUR + [[5.0, np.nan, 2.0, 3.0, np.nan]]
    result = compute_scores(frame_of(rows), validate_profile(data))
    assert result.below_floor == 0 and not math.isnan(result.scores.loc["c5", COMPOSITE_FIELD])
    # The profile sets its own floor, validated.
    loose = small_profile_data(availability={"function": 0.5, "functions": 2})
    assert compute_scores(frame_of(FOUR + [[1e6, 1e6, 1e6, np.nan, np.nan]]),
                          validate_profile(loose)).below_floor == 0
    for bad in ({"function": 2}, {"functions": 0}, {"functions": 2.5}, {"other": 1}, []):
        with pytest.raises(ProfileError, match="availability"):
            validate_profile(small_profile_data(availability=bad))


def test_single_commune_and_constant_values():
    result = compute_scores(frame_of([[1, 2, 3, 4, 5]]), small_profile())
    assert result.scores.iloc[0][list(SCORE_FIELDS) + [COMPOSITE_FIELD]].tolist() == [100] * 5
    assert result.scores.iloc[0][RANK_FIELD] == 1
    same = compute_scores(frame_of([[1, 2, 3, 4, 5]] * 3), small_profile())
    assert same.scores[COMPOSITE_FIELD].tolist() == [100, 100, 100]
    assert same.scores[RANK_FIELD].tolist() == [1, 1, 1]  # ties share the best rank


def test_level_codes_known_values():
    thresholds = [88.0, 72.0, 52.0, 35.0]
    composite = pd.Series([100, 88, 87.99, 72, 71.5, 52, 51.9, 35, 34.99, 0, np.nan])
    codes = level_codes(composite, thresholds)
    assert str(codes.dtype) == "Int64"
    assert codes.iloc[:-1].tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert pd.isna(codes.iloc[-1])
    assert LEVEL_LABELS[0] == "majeure" and LEVEL_LABELS[4] == "hors centralité"


def test_custom_thresholds_drive_the_levels():
    profile = small_profile(levels={"thresholds": [99, 48, 40, 10]})
    scores = compute_scores(frame_of(FOUR), profile).scores
    # Composite 47.6, 100, 48.1, 0.
    assert scores[LEVEL_CODE_FIELD].tolist() == [3, 1, 2, 5]
    assert scores[LEVEL_FIELD].tolist() == ["intermédiaire", "majeure", "structurante", "hors centralité"]


# --------------------------------------------------------------------------- properties

value = st.floats(min_value=0, max_value=1e6, allow_nan=False, allow_infinity=False)
maybe_value = st.one_of(value, value, value, st.just(float("nan")))
rows_strategy = st.lists(st.lists(maybe_value, min_size=5, max_size=5), min_size=1, max_size=12)


def property_profile():
    data = small_profile_data()
    data["functions"]["habiter"]["indicators"][0]["transform"] = "log"
    data["functions"]["habiter"]["indicators"][1]["weight"] = 0.5
    data["functions"]["travailler"]["indicators"].append(
        {"id": "r", "formula": {"ratio": ["C", "A"]}, "missing": "median"})
    data["functions"]["consommer"]["indicators"][0]["missing"] = "zero"
    data["functions"]["services"]["weight"] = 2
    return validate_profile(data)


PROPERTY_PROFILE = property_profile()


@settings(max_examples=100, deadline=None)
@given(rows=rows_strategy)
def test_property_scores_within_bounds(rows):
    result = compute_scores(frame_of(rows), PROPERTY_PROFILE)
    scores = result.scores
    for field in SCORE_FIELDS + (COMPOSITE_FIELD,):
        known = scores[field].dropna()
        assert ((known >= 0) & (known <= 100)).all(), field
        if len(known):
            assert known.max() == 100
    composite = scores[COMPOSITE_FIELD]
    assert result.unscored == int(composite.isna().sum())
    assert scores[RANK_FIELD].isna().tolist() == composite.isna().tolist()
    known = composite.notna()
    if known.any():
        assert composite[scores[RANK_FIELD] == 1].eq(composite.max()).all()
        # rank = 1 + number of communes strictly ahead
        for code in composite[known].index:
            assert scores.loc[code, RANK_FIELD] == 1 + int((composite[known] > composite[code]).sum())
    thresholds = PROPERTY_PROFILE["levels"]["thresholds"]
    for code in composite.index:
        level = scores.loc[code, LEVEL_CODE_FIELD]
        if pd.isna(composite[code]):
            assert pd.isna(level) and scores.loc[code, LEVEL_FIELD] is None
        else:
            assert level == expected_level(composite[code], thresholds)
            assert scores.loc[code, LEVEL_FIELD] == LEVEL_LABELS[level - 1]
    assert (scores[MISSING_FIELD] == result.indicators.isna().sum(axis=1)).all()


@settings(max_examples=100, deadline=None)
@given(rows=rows_strategy, data=st.data())
def test_property_row_order_does_not_matter(rows, data):
    frame = frame_of(rows)
    order = data.draw(st.permutations(list(frame.index)))
    before = compute_scores(frame, PROPERTY_PROFILE)
    after = compute_scores(frame.loc[order], PROPERTY_PROFILE)
    assert list(after.scores.index) == order
    pd.testing.assert_frame_equal(after.scores.loc[frame.index], before.scores, check_exact=False, rtol=1e-9)
    assert after.unscored == before.unscored


full_rows = st.lists(st.lists(value, min_size=5, max_size=5), min_size=2, max_size=10)
sparse_rows = st.lists(st.lists(maybe_value, min_size=5, max_size=5), min_size=2, max_size=10)

# Three communes where raising c1's A (a "+" indicator) from 2 to 3 drops c1 from
# a tie for first place (composite 100) to second (88.9): see
# test_raising_a_plus_indicator_does_not_let_another_commune_overtake.
TIE_ROWS = [
    # A  B  C  D  E
    [2, 1, 1, 1, 0],
    [0, 1, 1, 2, 0],
    [2, 0, 0, 2, 2],
]


@settings(max_examples=100, deadline=None)
@example(rows=TIE_ROWS, position=0, column="A", increase=1.0)
@given(
    rows=st.one_of(full_rows, sparse_rows),
    position=st.integers(min_value=0, max_value=9),
    column=st.sampled_from(["A", "B", "C", "E"]),
    increase=st.floats(min_value=1e-3, max_value=1e6),
)
def test_property_monotone(rows, position, column, increase):
    # small_profile: A, B, C, D count for (+), E against (-); reweight everywhere.
    profile = small_profile()
    frame = frame_of(rows)
    commune = frame.index[position % len(frame)]
    assume(not math.isnan(frame.loc[commune, column]))

    before = compute_scores(frame, profile).scores.loc[commune, COMPOSITE_FIELD]
    changed = frame.copy()
    changed.loc[commune, column] += increase
    after = compute_scores(changed, profile).scores.loc[commune, COMPOSITE_FIELD]
    assert not math.isnan(before) and not math.isnan(after)
    if column == "E":  # direction "-"
        assert after <= before + 1e-9
    else:
        assert after >= before - 1e-9


def test_raising_a_plus_indicator_does_not_let_another_commune_overtake():
    # Before: habiter (mean of A and B on 0-100) is 100/50/50, re-expressed 100/0/0;
    # travailler 100/100/0, consommer 0/100/100, services (E, "-") 100/100/0:
    # composite means 75/75/25, so c1 and c2 share the first rank.
    # c1 raises A from 2 to 3: habiter becomes 100/50/33.3, re-expressed 100/25/0,
    # which lifts c2 (means 75/81.25/25): c2 overtakes c1, whose own sub-scores did
    # not move. c1 did better on a "+" indicator and ends up behind c2.
    profile = small_profile()
    before = compute_scores(frame_of(TIE_ROWS), profile).scores
    improved = frame_of(TIE_ROWS)
    improved.loc["c1", "A"] = 3
    after = compute_scores(improved, profile).scores
    assert after.loc["c1", "score_habiter"] == before.loc["c1", "score_habiter"] == 100
    assert after.loc["c1", COMPOSITE_FIELD] >= before.loc["c1", COMPOSITE_FIELD]
    assert after.loc["c1", RANK_FIELD] <= before.loc["c1", RANK_FIELD]
    if before.loc["c1", COMPOSITE_FIELD] >= before.loc["c2", COMPOSITE_FIELD]:
        assert after.loc["c1", COMPOSITE_FIELD] >= after.loc["c2", COMPOSITE_FIELD]


# --------------------------------------------------------------------------- real data


def test_real_aula_territory():
    comparateur = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    bpe = read_table(real_insee("bpe2019_domaines_dep62.csv"))
    if not os.path.exists(SAMPLE_TERRITORY):
        pytest.skip(f"sample territory absent ({SAMPLE_TERRITORY})")
    with sqlite3.connect(f"file:{SAMPLE_TERRITORY}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT INSEE_COM, NOM FROM communes ORDER BY fid").fetchall()
    codes = [code for code, _ in rows]
    names = dict(rows)
    joined = join_tables(codes, [("comparateur", comparateur), ("bpe", bpe)],
                         existing_columns=["INSEE_COM", "NOM", "SIREN_EPCI", "NOM_EPCI", "POPULATION"])
    frame = joined.values
    frame.index = codes
    profile = load_profile()
    check_columns(profile, frame.columns)
    assert needs_geometry_area(profile, frame.columns) is False  # SUPERF is there
    result = compute_scores(frame, profile)
    scores = result.scores
    assert len(scores) == 319

    # The seven largest job centres of the territory, as in the AULA deck.
    top = frame["P18_EMPLT"].sort_values(ascending=False).head(7)
    assert [names[c] for c in top.index] == [
        "Lens", "Béthune", "Hénin-Beaumont", "Liévin", "Bruay-la-Buissière", "Carvin", "Vendin-le-Vieil"]
    assert list(top.index) == ["62498", "62119", "62427", "62510", "62178", "62215", "62842"]

    assert scores.loc["62498", LEVEL_CODE_FIELD] == 1  # Lens: majeure
    assert scores.loc["62119", LEVEL_CODE_FIELD] == 1  # Béthune: majeure
    assert scores.loc["62498", LEVEL_FIELD] == "majeure"
    # The seven are at least "structurante", and all within the first ten ranks.
    assert (scores.loc[top.index, LEVEL_CODE_FIELD] <= 2).all()
    assert (scores.loc[top.index, RANK_FIELD] <= 10).all()
    # On the national scale: 100 is reached at France's 99th percentile of every indicator, not by the
    # territory's top commune.
    assert 80 < scores[COMPOSITE_FIELD].max() < 100
