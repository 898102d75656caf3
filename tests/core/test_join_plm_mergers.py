"""Arrondissements of Paris, Lyon, Marseille and merged communes in the join: summed, kept or reported."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.codes import is_valid_code, normalise_code
from centralites.core.join import (
    ABSENT,
    AMBIGUOUS,
    DUPLICATE,
    INVALID,
    NOT_SUMMABLE,
    SECRET,
    SUMMED,
    UNMATCHED,
    join_tables,
)
from centralites.core.mergers import Passage
from centralites.core.plm import arrondissements_onto_cities
from centralites.core.regroup import is_summable
from centralites.core.tables import TableError


def rows_of(result, problem):
    return [row for row in result.report if row["problem"] == problem]


def paris_table():
    return pd.DataFrame({
        "CODGEO": ["75101", "75102", "69381", "62001"],
        "LIBGEO": ["Paris 1er", "Paris 2e", "Lyon 1er", "Achicourt"],
        "P18_POP": ["16000", "21000", "29000", "7800"],
        "MED19": ["30000", "28000", "25000", "22000"],
        "P18_EMPLT": ["50000", "", "10", "900"],
    })


def value(result, position, column):
    v = result.values.loc[position, column]
    return None if pd.isna(v) else v


def test_arrondissements_summed_onto_the_city_when_the_layer_holds_communes():
    result = join_tables(["75056", "69123", "62001"], [("t.csv", paris_table())])
    assert value(result, 0, "P18_POP") == 37000.0
    assert value(result, 1, "P18_POP") == 29000.0
    assert value(result, 2, "P18_POP") == 7800.0
    # Not summable: the median and the name, left empty (only on the summed communes).
    assert value(result, 0, "MED19") is None and value(result, 0, "LIBGEO") is None
    assert value(result, 2, "MED19") == 22000.0 and value(result, 2, "LIBGEO") == "Achicourt"
    # A secret part leaves the sum empty rather than understated.
    assert value(result, 0, "P18_EMPLT") is None
    assert value(result, 1, "P18_EMPLT") == 10.0
    summary = result.summaries[0]
    assert (summary.matched, summary.summed, summary.unmatched) == (1, 3, 0)
    assert sorted((r["line"], r["code"]) for r in rows_of(result, SUMMED)) == [(2, "75101"), (3, "75102"), (4, "69381")]
    assert "75056" in rows_of(result, SUMMED)[0]["action"] and "Paris" in rows_of(result, SUMMED)[0]["action"]
    not_summable = {r["code"]: r["action"] for r in rows_of(result, NOT_SUMMABLE)}
    assert set(not_summable) == {"75056", "69123"}
    assert "LIBGEO" in not_summable["75056"] and "MED19" in not_summable["75056"]
    assert "P18_POP" not in not_summable["75056"]
    assert any(r["code"] == "75056" and "P18_EMPLT" in r["action"] for r in rows_of(result, SECRET))
    assert rows_of(result, ABSENT) == []
    assert "3 summed onto today's commune" in summary.line()


def test_arrondissements_kept_when_the_layer_holds_them():
    result = join_tables(["75101", "75102", "69123"], [("t.csv", paris_table())])
    assert [value(result, i, "P18_POP") for i in range(3)] == [16000.0, 21000.0, 29000.0]
    assert value(result, 0, "MED19") == 30000.0
    summary = result.summaries[0]
    assert (summary.matched, summary.summed, summary.unmatched) == (2, 1, 1)  # Lyon summed, 62001 unmatched


def test_table_with_both_the_city_and_its_arrondissements_uses_the_city_row():
    frame = pd.DataFrame({"CODGEO": ["75056", "75101", "75102"], "P18_POP": ["2175601", "16000", "21000"]})
    result = join_tables(["75056"], [("t.csv", frame)])
    assert value(result, 0, "P18_POP") == 2175601.0  # not counted twice
    unmatched = rows_of(result, UNMATCHED)
    assert [r["code"] for r in unmatched] == ["75101", "75102"]
    assert "the table's own row for 75056 was used" in unmatched[0]["action"]


def test_only_arrondissements_in_the_table_still_match():
    frame = pd.DataFrame({"CODGEO": ["13201", "13216"], "V": ["1", "2"]})
    result = join_tables(["13055"], [("t.csv", frame)])
    assert value(result, 0, "V") == 3.0


def test_arrondissement_mapping_per_city():
    codes = ["75101", "69381", "13201", "62001"]
    assert arrondissements_onto_cities(codes, ["75056", "69123", "13201", "13055"]) == {
        "75101": "75056", "69381": "69123"}  # Marseille's arrondissements are in the layer: kept
    assert arrondissements_onto_cities(codes, ["62001"]) == {}


@pytest.mark.parametrize("column, summable", [
    ("P18_POP", True), ("SUPERF", True), ("ETTOT18", True), ("NB_EQUIP_B", True), ("NBMENFISC19", True),
    ("MED19", False), ("TP6019", False), ("PIMP19", False), ("NB_TYPEQU", False), ("taux_chomage", False),
    ("POP_DENS", False), ("revenu_med", False),
])
def test_summable_columns(column, summable):
    assert is_summable(column) is summable


# --------------------------------------------------------------------------- mergers


def hesdin_table():
    return pd.DataFrame({
        "CODGEO": ["62447", "62461", "62549", "62743", "62001"],
        "P18_POP": ["2000", "700", "1100", "800", "7800"],
        "MED19": ["18000", "21000", "20000", "22000", "22000"],
    })


def test_without_passage_merged_codes_are_reported_with_a_hint():
    others = [f"62{n:03d}" for n in range(100, 140)]
    layer = ["62447", "62001"] + others
    # The table covers the department: 42 of its 45 codes are in the layer.
    table = pd.concat([hesdin_table(), pd.DataFrame({"CODGEO": others, "P18_POP": ["1"] * 40, "MED19": ["1"] * 40})])
    result = join_tables(layer, [("t.csv", table.reset_index(drop=True))])
    unmatched = {r["code"]: r["action"] for r in rows_of(result, UNMATCHED)}
    assert set(unmatched) == {"62461", "62549", "62743"}
    assert all("merged since" in action and "table de passage" in action for action in unmatched.values())
    assert result.summaries[0].merged_hints == 3
    assert "3 unmatched codes look like communes merged since" in result.summaries[0].line()


def test_no_merged_hint_when_the_layer_covers_a_small_part_of_the_department():
    table = pd.DataFrame({"CODGEO": [f"62{n:03d}" for n in range(1, 21)], "V": ["1"] * 20})
    result = join_tables(["62001", "62002"], [("t.csv", table)])
    assert all("merged" not in r["action"] for r in rows_of(result, UNMATCHED))
    assert result.summaries[0].merged_hints == 0


def test_two_column_passage_sums_onto_todays_code():
    passage = Passage(pd.DataFrame({"COM_ANCIEN": ["62461", "62549", "62743", "62447"],
                                    "COM_NOUVEAU": ["62447", "62447", "62447", "62447"]}), "passage.csv")
    result = join_tables(["62447", "62001"], [("t.csv", hesdin_table())], passage=passage)
    assert value(result, 0, "P18_POP") == 4600.0
    assert value(result, 0, "MED19") is None
    assert value(result, 1, "MED19") == 22000.0
    summary = result.summaries[0]
    assert (summary.matched, summary.summed, summary.unmatched) == (2, 3, 0)
    assert sorted(r["code"] for r in rows_of(result, SUMMED)) == ["62461", "62549", "62743"]
    assert "passage.csv, COM_ANCIEN -> COM_NOUVEAU" in rows_of(result, SUMMED)[0]["action"]


def test_insee_multi_year_passage_columns_chosen_by_content():
    # INSEE's layout: one row per commune of the initial year, one column per year.
    passage = Passage(pd.DataFrame({
        "CODGEO_2013": ["62447", "62461", "62549", "62743", "62001", "49069"],
        "LIBGEO_2013": ["Hesdin", "Huby-Saint-Leu", "Marconne", "Sainte-Austreberthe", "Achicourt", "X"],
        "CODGEO_2021": ["62447", "62461", "62549", "62743", "62001", "49126"],
        "CODGEO_2025": ["62447", "62447", "62447", "62447", "62001", "49126"],
    }), "table_passage.csv")
    old, new, mapping, _ = passage.mapping_for(["62447", "62461", "62001"], ["62447", "62001"])
    assert (old, new) == ("CODGEO_2021", "CODGEO_2025")
    assert mapping == {"62461": "62447", "62549": "62447", "62743": "62447"}
    old, _, mapping, _ = passage.mapping_for(["62447", "49069"], ["62447", "49126"])
    assert old == "CODGEO_2013" and mapping["49069"] == "49126"


def test_passage_giving_two_new_codes_is_not_used_and_reported():
    passage = Passage(pd.DataFrame({"CODE_OLD": ["62461", "62461"], "CODE_NEW": ["62447", "62001"]}), "p.csv")
    result = join_tables(["62447", "62001"], [("t.csv", hesdin_table())], passage=passage)
    assert [r["code"] for r in rows_of(result, AMBIGUOUS)] == ["62461"]
    assert "62461" in [r["code"] for r in rows_of(result, UNMATCHED)]
    assert value(result, 0, "P18_POP") == 2000.0


def test_passage_without_two_code_columns_is_refused():
    with pytest.raises(TableError, match="two columns of commune codes.*Columns found: CODE, NOM"):
        Passage(pd.DataFrame({"CODE": ["62001"], "NOM": ["Achicourt"]}), "p.csv")


# --------------------------------------------------------------------------- columns and prefixes


def test_chosen_columns_and_prefixes():
    a = pd.DataFrame({"CODGEO": ["62001"], "P18_POP": ["1"], "MED19": ["2"], "LIBGEO": ["A"]})
    b = pd.DataFrame({"DEPCOM": ["62001"], "NB_EQUIP_TOTAL": ["3"], "P18_POP": ["4"]})
    result = join_tables(["62001"], [("a", a), ("b", b)], columns=["p18_pop", "NB_EQUIP_TOTAL"],
                         prefixes=["cc_", "bpe_"])
    assert list(result.values.columns) == ["cc_P18_POP", "bpe_NB_EQUIP_TOTAL", "bpe_P18_POP"]
    assert result.values.loc[0, "bpe_P18_POP"] == 4.0
    # Fewer prefixes than tables: the others get none; a collision is still renamed.
    result = join_tables(["62001"], [("a", a), ("b", b)], columns=["P18_POP"], prefixes=["x_"],
                         existing_columns=["x_P18_POP"])
    assert list(result.values.columns) == ["x_P18_POP_2", "P18_POP"]


def test_chosen_column_in_no_table_and_too_many_prefixes_are_errors():
    a = pd.DataFrame({"CODGEO": ["62001"], "P18_POP": ["1"]})
    with pytest.raises(TableError, match="chosen columns in no table: NOPE. Columns found: CODGEO, P18_POP"):
        join_tables(["62001"], [("a", a)], columns=["NOPE", "P18_POP"])
    with pytest.raises(TableError, match="2 prefixes given for 1 tables"):
        join_tables(["62001"], [("a", a)], prefixes=["a_", "b_"])


# --------------------------------------------------------------------------- property: no row lost

LAYER_POOL = ["75056", "75101", "69123", "13055", "62447", "62001", "2A004", "01001"]
TABLE_POOL = LAYER_POOL + ["75102", "69381", "69389", "13201", "13216", "62461", "62549", "62743", "49069",
                           "2B033", "1001", "abc", ""]
PASSAGE = pd.DataFrame({"CODE_AVANT": ["62461", "62549", "62743", "49069", "62001"],
                        "CODE_APRES": ["62447", "62447", "62447", "49126", "62001"]})


@settings(max_examples=150, deadline=None)
@given(
    layer=st.lists(st.sampled_from(LAYER_POOL), min_size=1, max_size=6, unique=True),
    codes=st.lists(st.sampled_from(TABLE_POOL), min_size=1, max_size=25),
    use_passage=st.booleans(),
)
def test_property_no_row_lost_with_cities_and_mergers(layer, codes, use_passage):
    frame = pd.DataFrame({"CODGEO": codes, "V": ["1"] * len(codes)})
    passage = Passage(PASSAGE, "p.csv") if use_passage else None
    try:
        result = join_tables(layer, [("t", frame)], passage=passage)
    except TableError:
        return  # nothing matched: the whole table refused with a message, nothing half-joined
    (summary,) = result.summaries
    assert (summary.matched + summary.summed + summary.unmatched + summary.duplicates + summary.invalid
            == summary.rows_read == len(codes))
    # Each line of the table is accounted for exactly once: matched, or reported with its line.
    outcome = {}
    for row in result.report:
        if row["problem"] in (INVALID, DUPLICATE, UNMATCHED, SUMMED):
            assert row["line"] not in outcome
            outcome[row["line"]] = row["problem"]
    matched_lines = [line for line, code in enumerate(codes, start=2)
                     if line not in outcome and is_valid_code(normalise_code(code))]
    assert len(matched_lines) == summary.matched
    assert all(normalise_code(codes[line - 2]) in layer for line in matched_lines)
    # The sum of V over the layer is the number of rows matched or summed (V = 1 a row; summed values
    # carry no secret part here).
    assert result.values["V"].sum() == summary.matched + summary.summed
