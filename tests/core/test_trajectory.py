"""Trajectories: one profile scored at two dates on one scale (core/trajectory.py), on the real AULA files."""

import sqlite3

import numpy as np
import pandas as pd
import pytest

from centralites.core.editions import recognise, resolve_at
from centralites.core.join import join_tables
from centralites.core.mergers import Passage
from centralites.core.profile import NORMALISATIONS, load_profile, validate_profile
from centralites.core.scoring import ScoringError
from centralites.core.tables import read_table
from centralites.core import trajectory as T

from testdata import SAMPLE_TERRITORY, real_insee

LENS, BETHUNE = "62498", "62119"


@pytest.fixture(scope="module")
def aula():
    comparateur = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    with sqlite3.connect(f"file:{SAMPLE_TERRITORY}?mode=ro", uri=True) as connection:
        rows = list(connection.execute("SELECT INSEE_COM, NOM_EPCI FROM communes ORDER BY fid"))
    codes = [code for code, _ in rows]
    frame = join_tables(codes, [("comparateur", comparateur)], existing_columns=["INSEE_COM"]).values
    frame.index = codes
    bpe = T.bpe_at_two_dates(read_table(real_insee("bpe2013_communes_dep62.csv")),
                             read_table(real_insee("bpe2019_communes_dep62.csv")), codes)
    result = T.change_scores(frame, load_profile(), bpe.before.set_axis(frame.index), bpe.after.set_axis(frame.index))
    return {"frame": frame, "groups": [group for _, group in rows], "bpe": bpe, "result": result}


def test_the_earlier_date_reads_the_previous_census(aula):
    result, frame = aula["result"], aula["frame"]
    assert result.years[T.BEFORE] == {"census": 2013}
    assert (result.years[T.AFTER]["census"], result.years[T.AFTER]["previous"]) == (2018, 2013)
    np.testing.assert_allclose(result.indicators_before["habiter.population"], pd.to_numeric(frame["P13_POP"]))
    np.testing.assert_allclose(result.indicators_after["habiter.population"], pd.to_numeric(frame["P18_POP"]))
    np.testing.assert_allclose(result.indicators_before["travailler.emplois"], pd.to_numeric(frame["P13_EMPLT"]))


def test_indicators_of_one_date_are_left_out_of_both_and_said(aula):
    result = aula["result"]
    left = {item.key: item.reason for item in result.left_out}
    # Growth needs the census before 2013, vacancy and concentration 2013 columns the comparateur lacks,
    # establishments have one year: none is compared, each with its reason.
    assert set(left) == {"habiter.croissance_pop", "habiter.vacance", "travailler.concentration",
                         "travailler.croissance_emploi", "consommer.etab_commerce"}
    assert "P13_LOGVAC" in left["habiter.vacance"]
    assert set(result.compared).isdisjoint(left)
    contributions = [c for c in result.changes.columns if c.startswith(T.CONTRIBUTION_CHANGE_PREFIX)]
    assert contributions == [T.CONTRIBUTION_CHANGE_PREFIX + key.split(".")[1] for key in result.compared]
    assert "evol_contrib_vacance" not in result.changes.columns


def test_bpe_columns_without_two_dates_are_left_out(aula):
    result = T.change_scores(aula["frame"], load_profile())  # no BPE at either date
    left = {item.key for item in result.left_out}
    assert {"consommer.commerces", "consommer.commerces_1000", "services.sante"} <= left
    assert result.compared == ["habiter.population", "habiter.densite", "travailler.emplois"]
    assert result.notes  # two functions left: the data floor lowered, and said


def test_the_main_poles_lose_population_as_insee_says(aula):
    result = aula["result"]
    change = result.indicators_after["habiter.population"] - result.indicators_before["habiter.population"]
    assert change[LENS] == pytest.approx(31606 - 31647)
    assert change[BETHUNE] == pytest.approx(25193 - 25463)
    # Against France, Lens is beyond the national 99th percentile at both dates (clipped): no point moves;
    # a loss never gains points.
    assert (result.changes.loc[[LENS, BETHUNE], "evol_contrib_population"] <= 1e-9).all()
    for normalisation in ("minmax", "zscore", "percentile"):
        other = T.change_scores(aula["frame"], load_profile(), aula["bpe"].before.set_axis(aula["frame"].index),
                                aula["bpe"].after.set_axis(aula["frame"].index), normalisation=normalisation)
        assert (other.changes.loc[[LENS, BETHUNE], "evol_contrib_population"] < 0).all(), normalisation


def test_the_contributions_of_the_change_add_up_to_it(aula):
    changes = aula["result"].changes
    columns = [c for c in changes.columns if c.startswith(T.CONTRIBUTION_CHANGE_PREFIX)]
    scored = changes["evol_centralite"].notna()
    np.testing.assert_allclose(changes.loc[scored, columns].sum(axis=1), changes.loc[scored, "evol_centralite"],
                               atol=1e-9)
    np.testing.assert_allclose(changes["evol_centralite"],
                               changes["score_centralite_apres"] - changes["score_centralite_avant"])
    assert changes[T.DRIVERS_FIELD].notna().sum() > 250


def test_the_transition_table_adds_up(aula):
    changes, frame = aula["result"].changes, aula["frame"]
    table = T.transitions(changes, aula["groups"], frame["P13_POP"], frame["P18_POP"])
    totals = table.groupby("territoire")["communes"].sum()
    assert totals[T.ALL_TERRITORY] == len(changes) == 319
    assert totals.drop(T.ALL_TERRITORY).sum() == 319
    assert set(totals.index) - {T.ALL_TERRITORY} == set(aula["groups"])
    whole = table[table["territoire"] == T.ALL_TERRITORY]
    counts = T.move_counts(table)[T.ALL_TERRITORY]
    assert counts == {move: int((changes[T.MOVE_FIELD] == move).sum()) for move in (T.ROSE, T.FELL, T.HELD)}
    assert counts[T.ROSE] > 0 and counts[T.FELL] > 0
    scored = whole["mouvement"].notna()
    assert whole.loc[scored, "population_apres"].sum() == pytest.approx(
        pd.to_numeric(frame["P18_POP"])[changes[T.MOVE_FIELD].notna()].sum())
    # Each row's move follows its levels.
    order = {label: code for code, label in enumerate(T.LEVEL_LABELS, start=1)}
    for _, row in whole[scored].iterrows():
        a, b = order[row["niveau_avant"]], order[row["niveau_apres"]]
        assert row["mouvement"] == (T.ROSE if b < a else T.FELL if b > a else T.HELD)


@pytest.mark.parametrize("normalisation", [n for n in NORMALISATIONS if n != "reference"] + ["reference"])
def test_identical_inputs_give_no_change(aula, normalisation):
    frame = pd.concat([aula["frame"], aula["bpe"].after.set_axis(aula["frame"].index)], axis=1)
    profile = load_profile()
    resolved = resolve_at(profile, recognise(frame.columns).years, frame.columns)
    result = T.score_change(frame, resolved, frame, resolved, normalisation=normalisation,
                            reference=LENS if normalisation == "reference" else None)
    changes = result.changes
    for name in T.SCORED:
        scored = changes[T.change_field(name)].notna()
        assert scored.sum() > 300
        assert (changes.loc[scored, T.change_field(name)].abs() < 1e-9).all()
    assert set(changes[T.MOVE_FIELD].dropna()) == {T.HELD}
    assert changes[T.DRIVERS_FIELD].isna().all()
    assert (changes["rang_avant"].dropna() == changes["rang_apres"].dropna()).all()


def test_bpe_types_of_one_date_are_left_out_and_counted(aula):
    bpe = aula["bpe"]
    before = read_table(real_insee("bpe2013_communes_dep62.csv"))
    after = read_table(real_insee("bpe2019_communes_dep62.csv"))
    types_before, types_after = set(before["TYPEQU"]), set(after["TYPEQU"])
    assert bpe.only_before == sorted(types_before - types_after) and bpe.only_before
    assert bpe.only_after == sorted(types_after - types_before) and bpe.only_after
    codes = set(aula["frame"].index)
    shared = types_before & types_after
    kept = before[before["DEPCOM"].isin(codes) & before["TYPEQU"].isin(shared)]
    assert bpe.before["NB_EQUIP_TOTAL"].sum() == pd.to_numeric(kept["NB_EQUIP"]).sum()
    assert list(bpe.before.columns) == list(bpe.after.columns)


def test_merged_communes_are_summed_onto_today_and_said():
    before = pd.DataFrame({"DEPCOM": ["62001", "62002", "62003"], "AN": "2013", "TYPEQU": ["B101", "B101", "A101"],
                           "NB_EQUIP": ["1", "2", "4"]})
    after = pd.DataFrame({"DEPCOM": ["62001", "62003", "62003"], "AN": "2019", "TYPEQU": ["B101", "A101", "C999"],
                          "NB_EQUIP": ["5", "1", "7"]})
    passage = Passage(pd.DataFrame({"CODGEO_2013": ["62001", "62002", "62003"],
                                    "CODGEO_2021": ["62001", "62001", "62003"]}), "passage.csv")
    dates = T.bpe_at_two_dates(before, after, ["62001", "62003"], passage=passage)
    assert dates.before["NB_EQUIP_B"].fillna(0).tolist() == [3, 0]  # 62002 summed onto 62001
    assert dates.after["NB_EQUIP_B"].fillna(0).tolist() == [5, 0]
    assert dates.only_after == ["C999"] and dates.only_before == []
    assert dates.after["NB_EQUIP_TOTAL"].fillna(0).tolist() == [5, 1]  # C999 left out
    assert set(dates.merged) == {"62001"} and "62002" in dates.merged["62001"]


def _tiny_profile():
    indicator = {"formula": "P{census}_POP", "transform": "log"}
    return validate_profile({
        "name": "tiny",
        "availability": {"function": 0.5, "functions": 1},
        "functions": {
            "habiter": {"indicators": [dict(indicator, id="population"),
                                       {"id": "vacance", "formula": "P{census}_LOGVAC", "direction": "-"}]},
            "travailler": {"indicators": [{"id": "emplois", "formula": "P{census}_EMPLT"}]},
            "consommer": {"indicators": [{"id": "commerces", "formula": "NB_EQUIP_B", "missing": "zero"}]},
            "services": {"indicators": [{"id": "ecoles", "formula": "NB_EQUIP_C"}]},
        },
    })


def test_a_column_empty_at_one_date_is_left_out_and_a_profile_with_nothing_to_compare_refused():
    frame = pd.DataFrame({"P18_POP": [100.0, 2000.0, 300.0], "P13_POP": [90.0, 2100.0, 310.0],
                          "P18_EMPLT": [10.0, 900.0, 20.0], "P13_EMPLT": [np.nan] * 3,
                          "P18_LOGVAC": [1.0, 5.0, 2.0], "P13_LOGVAC": [1.0, 6.0, 2.0]},
                         index=["62001", "62002", "62003"])
    values = pd.DataFrame({"NB_EQUIP_B": [1.0, 9.0, 0.0], "NB_EQUIP_C": [0.0, 3.0, 1.0]}, index=frame.index)
    result = T.change_scores(frame, _tiny_profile(), values, values * 2)
    left = {item.key: item.reason for item in result.left_out}
    assert set(left) == {"travailler.emplois"} and "earlier" in left["travailler.emplois"]
    assert result.indicators_before.loc["62002", "habiter.population"] == 2100
    assert result.indicators_after.loc["62002", "habiter.population"] == 2000
    assert result.indicators_before.loc["62002", "consommer.commerces"] == 9  # each date's own table
    assert result.indicators_after.loc["62002", "consommer.commerces"] == 18
    assert result.changes.loc["62002", "evol_contrib_commerces"] > 0
    with pytest.raises(ScoringError):
        T.change_scores(frame, _tiny_profile(), values, values.drop(columns="NB_EQUIP_C"))
    empty = frame.assign(P13_POP=np.nan, P13_LOGVAC=np.nan)
    with pytest.raises(ScoringError, match="No indicator"):
        T.change_scores(empty, _tiny_profile())


def test_a_move_within_the_rank_band_is_not_beyond_the_uncertainty():
    flags = T.beyond_band(pd.Series([3, 10, 5, None], dtype="float64"), [2, 2, 6, 1], [4, 8, 9, 3])
    assert flags.iloc[:3].tolist() == [0, 1, 1] and pd.isna(flags.iloc[3])
    assert str(flags.dtype) == "Int64"


def test_ranks_and_level_codes_stay_integers(aula):
    changes = aula["result"].changes
    for name in ("rang_avant", "rang_apres", "niveau_code_avant", "niveau_code_apres"):
        assert str(changes[name].dtype) == "Int64", name
    assert changes["niveau_avant"].dropna().isin(T.LEVEL_LABELS).all()


def test_the_whole_pas_de_calais():
    comparateur = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    codes = list(comparateur["CODGEO"])
    frame = join_tables(codes, [("comparateur", comparateur)]).values
    frame.index = codes
    bpe = T.bpe_at_two_dates(read_table(real_insee("bpe2013_communes_dep62.csv")),
                             read_table(real_insee("bpe2019_communes_dep62.csv")), codes)
    result = T.change_scores(frame, load_profile(), bpe.before.set_axis(frame.index), bpe.after.set_axis(frame.index))
    changes = result.changes
    assert len(changes) == len(codes) == 890
    table = T.transitions(changes, None, frame["P13_POP"], frame["P18_POP"])
    assert table["communes"].sum() == 890
    scored = changes["evol_centralite"].notna()
    assert scored.sum() > 850
    columns = [c for c in changes.columns if c.startswith(T.CONTRIBUTION_CHANGE_PREFIX)]
    np.testing.assert_allclose(changes.loc[scored, columns].sum(axis=1), changes.loc[scored, "evol_centralite"],
                               atol=1e-9)
    # The BPE 2013 is in the 2013 geography: its codes of communes merged since are not in the 2021 layer;
    # without a table de passage each is reported, never silently dropped.
    merged_since = set(read_table(real_insee("bpe2013_communes_dep62.csv"))["DEPCOM"]) - set(codes)
    assert len(merged_since) == 4
    assert merged_since <= {row["code"] for row in bpe.report}


def test_the_summary_per_intercommunality_counts_the_moves(aula):
    from centralites.core.summary import summarise

    changes = aula["result"].changes.assign(epci=aula["groups"])
    table = summarise(changes, "epci", means=["evol_centralite"], moves=T.MOVE_FIELD)
    total = table[table["territoire"] == "TOTAL"].iloc[0]
    counts = T.move_counts(T.transitions(aula["result"].changes, aula["groups"]))
    assert (total["nb_progresse"], total["nb_recule"], total["nb_stable"]) == (
        counts[T.ALL_TERRITORY]["progresse"], counts[T.ALL_TERRITORY]["recule"], counts[T.ALL_TERRITORY]["stable"])
    for _, row in table[table["territoire"] != "TOTAL"].iterrows():
        assert row["nb_progresse"] == counts[row["territoire"]]["progresse"]
