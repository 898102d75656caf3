"""core/sheets.py: what a commune's sheet says, on a territory small enough to check by hand."""

import numpy as np
import pandas as pd
import pytest

from centralites.core.sheets import build_sheets, percentile_ranks, sheet_file_name, unit_of

PROFILE = {"name": "test", "functions": {
    "habiter": {"indicators": [
        {"id": "population", "label": "Population", "formula": "P18_POP", "direction": "+"},
        {"id": "vacance", "label": "Vacant dwellings (%)", "formula": {"share": ["P18_LOGVAC", "P18_LOG"]},
         "direction": "-"}]},
    "travailler": {"indicators": [
        {"id": "emplois", "label": "Jobs", "formula": "P18_EMPLT", "direction": "+"}]},
}}


def territory():
    return pd.DataFrame({
        "INSEE_COM": ["62001", "62002", "62003", "62004", "62005"],
        "NOM": ["Aa", "Bb", "Cc", "Dd", "Ee"],
        "NOM_EPCI": ["CA", "CA", "CA", "CC", "CC"],
        "P18_POP": [1000.0, 2000.0, 3000.0, 4000.0, 500.0],
        "P13_POP": [1000.0, 2000.0, 3000.0, 4000.0, 500.0],
        "P18_LOG": [100.0, 100.0, 100.0, 100.0, 100.0],
        "P18_LOGVAC": [20.0, 10.0, 5.0, 2.0, 8.0],  # Dd the lowest vacancy: ahead of every other commune
        "P18_EMPLT": [10.0, 300.0, 200.0, 100.0, 50.0],
        "P13_EMPLT": [10.0, 300.0, 200.0, 100.0, np.nan],
        "score_habiter": [10.0, 40.0, 60.0, 90.0, np.nan],
        "score_travailler": [5.0, 90.0, 70.0, 40.0, np.nan],
        "score_consommer": [0.0, 50.0, 50.0, 50.0, np.nan],
        "score_services": [20.0, 40.0, 60.0, 80.0, np.nan],
        "score_centralite": [8.0, 55.0, 60.0, 65.0, np.nan],
        "rang": [4, 3, 2, 1, None],
        "niveau": ["locale", "structurante", "structurante", "majeure", None],
        "niveau_code": [4, 2, 2, 1, None],
        "contrib_population": [1.0, 10.0, 20.0, 30.0, np.nan],
        "contrib_vacance": [0.0, 5.0, 10.0, 15.0, np.nan],
        "contrib_emplois": [0.5, 25.0, 20.0, 10.0, np.nan],
    })


def test_percentile_ranks_share_ties_and_skip_gaps():
    ranks = percentile_ranks(pd.DataFrame({"a": [1.0, 2.0, 2.0, 3.0, np.nan], "b": [np.nan, 5.0, np.nan, np.nan, np.nan]}))
    assert ranks["a"].tolist()[:4] == [0.0, 50.0, 50.0, 100.0] and np.isnan(ranks["a"].iat[4])
    assert ranks["b"].iat[1] == 50.0  # a single value is the middle


def test_medians_and_level_means_are_the_territorys():
    sheets = build_sheets(territory(), PROFILE, [1, 2], "NOM", "INSEE_COM", "NOM_EPCI")
    # Medians over the four scored communes, never over the unscored Ee.
    assert sheets.medians == pytest.approx([50.0, 55.0, 50.0, 50.0])
    # Bb and Cc are the two structurante communes: the mean of their level.
    assert sheets.level_means.loc[1].tolist() == pytest.approx([50.0, 80.0, 50.0, 50.0])


def test_rows_give_value_median_percentile_points_and_marks():
    sheets = build_sheets(territory(), PROFILE, [3], "NOM", "INSEE_COM", "NOM_EPCI")
    rows = sheets.rows.set_index("indicator")
    assert rows.loc["Population", "value"] == "4\u202f000" and rows.loc["Population", "median"] == "2\u202f000"
    assert rows.loc["Population", "percentile"] == "P100" and rows.loc["Population", "points"] == "30.0"
    # Vacancy 2 %, the lowest: percentile 0 of the raw value, and yet a strength (a "−" indicator).
    assert rows.loc["Vacant dwellings (%)", "value"] == "2 %" and rows.loc["Vacant dwellings (%)", "percentile"] == "P0"
    assert rows.loc["Vacant dwellings (%)", "mark"].startswith("▲")
    assert rows.loc["Jobs", "mark"] == ""  # ahead of half the communes: neither
    # Ahead of every commune on population and on vacancy: the tie goes to the points brought (30 > 15).
    assert sheets.strongest.loc[3] == "Population"


def test_sentences_name_rank_level_functions_and_indicators():
    sheets = build_sheets(territory(), PROFILE, [0, 4], "NOM", "INSEE_COM", "NOM_EPCI")
    text = sheets.pages.loc[0, "explanation"]
    assert "Aa ranks 4 of the 4 communes scored" in text and "level locale" in text
    # Aa is below the median on every function: said so, not "strongest".
    assert ("All its functions are at or below the territory's median: the closest is Services (20, median 50), "
            "the furthest behind Travailler (5, median 55).") in text
    # Aa is ahead of a quarter of the communes at best: no strength is claimed, its weakest are said.
    assert "None of its indicators is ahead of half the territory's communes." in text
    assert "Weakest: Vacant dwellings (%) 20 % (ahead of 0 % of the territory's communes); Jobs 10" in text
    assert sheets.strongest.loc[0] == "Population"
    assert sheets.pages.loc[0, "summary"].startswith("Level: locale · Rank 4 of 4 · Composite score 8.0/100")
    assert "Rank band" not in sheets.pages.loc[0, "summary"]  # no sensitivity fields on this layer
    assert sheets.pages.loc[0, "subtitle"] == "INSEE code 62001 · CA"
    assert "not scored" in sheets.pages.loc[4, "explanation"]


def test_rank_band_when_the_sensitivity_fields_are_there():
    frame = territory().assign(rang_p05=[3, 1, 1, 1, None], rang_p50=[4, 3, 2, 1, None], rang_p95=[4, 4, 3, 2, None])
    sheets = build_sheets(frame, PROFILE, [0], "NOM", "INSEE_COM", "NOM_EPCI")
    assert sheets.pages.loc[0, "summary"].endswith("Rank band (p05–p95): 3–4")


def test_change_of_population_and_jobs_between_the_census_years():
    sheets = build_sheets(territory(), PROFILE, [1, 4], "NOM", "INSEE_COM", "NOM_EPCI")
    change = sheets.pages.loc[1, "change"].split("\n")
    assert change[0].startswith("Population: 2\u202f000 in 2013 → 2\u202f000 in 2018, 0.00 % a year")
    assert change[1].startswith("Jobs at place of work: 300 in 2013 → 300 in 2018")
    assert "—" in sheets.pages.loc[4, "change"].split("\n")[1]  # Ee has no 2013 jobs


def test_change_says_which_columns_are_missing():
    frame = territory().drop(columns=["P13_POP", "P13_EMPLT"])
    sheets = build_sheets(frame, PROFILE, [0], "NOM", "INSEE_COM", "NOM_EPCI")
    assert "P{previous}_POP" in sheets.pages.loc[0, "change"]


def test_units_from_the_formula():
    assert unit_of("P18_POP") == ""
    assert unit_of({"share": ["a", "b"]}) == "%"
    assert unit_of({"growth": ["a", "b"], "years": ["2013", "2018"]}) == "%/yr"
    assert unit_of({"density": "P18_POP", "area": "SUPERF"}) == "inh./km²"


def test_file_names_keep_accents_and_drop_what_windows_refuses():
    assert sheet_file_name("62119", "Béthune") == "62119_Béthune"
    assert sheet_file_name("62001", 'A/B:C?') == "62001_A_B_C_"
    assert sheet_file_name("62001", "") == "62001"


def test_a_commune_without_census_figures_says_no_data():
    frame = territory()
    frame.loc[4, ["P13_POP", "P18_POP"]] = np.nan
    sheets = build_sheets(frame, PROFILE, [4], "NOM", "INSEE_COM", "NOM_EPCI")
    assert sheets.pages.loc[4, "change"].split("\n")[0] == "Population: no data"


def test_numbers_in_the_users_decimal_mark():
    sheets = build_sheets(territory(), PROFILE, [0], "NOM", "INSEE_COM", "NOM_EPCI", decimal_mark=",")
    assert "Composite score 8,0/100" in sheets.pages.loc[0, "summary"]
    assert sheets.rows.set_index("indicator").loc["Jobs", "points"] == "0,5"
    assert "INSEE code 62001" in sheets.pages.loc[0, "subtitle"]  # no number's point to change there


def test_a_commune_above_the_median_everywhere_is_not_said_to_have_a_weak_function():
    sheets = build_sheets(territory(), PROFILE, [3], "NOM", "INSEE_COM", "NOM_EPCI")  # Dd: 90, 40, 50, 80
    text = sheets.pages.loc[3, "explanation"]
    assert "strongest function against the territory is Habiter (90, median 50); its weakest, Travailler (40, " \
           "median 55)" in text  # below the median on Travailler: a real weakness
    frame = territory()
    frame.loc[3, "score_travailler"] = 80.0  # the median becomes 75
    text = build_sheets(frame, PROFILE, [3], "NOM", "INSEE_COM", "NOM_EPCI").pages.loc[3, "explanation"]
    assert "All its functions are at or above the territory's median: the furthest ahead is Habiter" in text
