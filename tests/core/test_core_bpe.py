"""BPE long and point-level layouts summed per commune and domain, checked against INSEE's own
per-domain file; gamme lists of the BPE's year; equipments as points."""

import os

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.bpe import (
    GAMMES_FILE,
    OUT_OF_GAMME_COLUMN,
    TOTAL_COLUMN,
    TYPES_COLUMN,
    NoCoordinates,
    aggregate,
    choose_gammes,
    domain_counts,
    gamme_column,
    load_gammes,
    shipped_gamme_years,
    user_gammes,
    year_from_name,
)
from centralites.core.tables import TableError, read_table
from testdata import SAMPLE, real_insee


def test_domain_counts_sum_types_into_domains_and_total():
    frame = pd.DataFrame({
        "DEPCOM": ["62001", "62001", "62001", "1001"],
        "TYPEQU": ["A101", "B201", "B202", "D201"],
        "NB_EQUIP": ["2", "1", "3", "1"],
    })
    counts = domain_counts(frame).set_index("DEPCOM")
    assert counts.loc["62001", "NB_EQUIP_A"] == 2
    assert counts.loc["62001", "NB_EQUIP_B"] == 4
    assert counts.loc["62001", "NB_EQUIP_TOTAL"] == 6
    assert counts.loc["01001", "NB_EQUIP_D"] == 1  # code zero-padded
    assert counts.loc["01001", "NB_EQUIP_G"] == 0


def test_iris_codes_are_cut_to_their_commune():
    frame = pd.DataFrame({"DCIRIS": ["621190101", "621190102"], "TYPEQU": ["B101", "B101"], "NB_EQUIP": ["1", "1"]})
    counts = domain_counts(frame)
    assert counts["DEPCOM"].tolist() == ["62119"] and counts["NB_EQUIP_B"].tolist() == [2]


def test_a_file_without_typequ_is_refused_with_the_reason():
    with pytest.raises(TableError, match="TYPEQU"):
        domain_counts(pd.DataFrame({"DEPCOM": ["62001"], "NB": ["1"]}), source="x.csv")


def test_illustrative_long_file_matches_the_illustrative_domain_file():
    long = read_table(f"{SAMPLE}/illustratif_bpe_communes.csv")
    domains = read_table(f"{SAMPLE}/illustratif_bpe_domaines.csv").set_index("DEPCOM").astype(int)
    computed = domain_counts(long).set_index("DEPCOM")
    pd.testing.assert_frame_equal(computed.sort_index(), domains.sort_index(), check_names=False)


def test_real_bpe_2019_long_file_gives_insee_domain_counts():
    long = read_table(real_insee("bpe2019_communes_dep62.csv"))
    domains = read_table(real_insee("bpe2019_domaines_dep62.csv")).set_index("DEPCOM").astype(int)
    computed = domain_counts(long).set_index("DEPCOM")
    assert len(computed) == len(domains) == 858
    pd.testing.assert_frame_equal(computed.sort_index(), domains.sort_index(), check_names=False)


# --------------------------------------------------------------------------- gammes, types, years, report

GAMME_COLUMNS = ["NB_EQUIP_PROXIMITE", "NB_EQUIP_INTERMEDIAIRE", "NB_EQUIP_SUPERIEURE", OUT_OF_GAMME_COLUMN]


def test_shipped_gammes_are_insee_2021_lists():
    gammes = load_gammes()
    assert GAMMES_FILE.endswith("gammes_2021.csv")
    assert len(gammes) == 126
    counts = pd.Series(gammes).value_counts().to_dict()
    assert counts == {"proximité": 34, "intermédiaire": 41, "supérieure": 51}
    assert gammes["B203"] == "proximité"  # boulangerie
    assert gammes["A206"] == gammes["A207"] == gammes["A208"] == "proximité"  # post office group AR03
    assert "C101" not in gammes  # école maternelle: in no list of the source (see resources/bpe/README.md)
    assert gamme_column("intermédiaire") == "NB_EQUIP_INTERMEDIAIRE"


def test_reference_gamme_file_is_what_we_ship():
    import os

    from testdata import SHARED_REFERENCE

    path = os.path.join(SHARED_REFERENCE, "bpe_gammes_2021_par_typequ.csv")
    if not os.path.exists(path):
        pytest.skip(f"reference gammes absent ({path})")
    reference = read_table(path)
    assert dict(zip(reference["typequ"], reference["gamme"])) == load_gammes()


def test_aggregate_gammes_types_and_accounting():
    frame = pd.DataFrame({
        "DEPCOM": ["62001", "62001", "62001", "62001", "1001", "abc", "62002", "62002"],
        "AN": ["2019"] * 7 + ["2018"],
        "TYPEQU": ["B203", "B203", "D201", "Z999", "C101", "B203", "A101", "A101"],
        "NB_EQUIP": ["2", "1", "3", "1", "1", "1", "x", "4"],
    })
    gammes = {"B203": "proximité", "D201": "intermédiaire"}
    result = aggregate(frame, source="bpe.csv", gammes=gammes)
    table = result.table.set_index("DEPCOM")
    assert table.loc["62001", TOTAL_COLUMN] == 6
    assert table.loc["62001", "NB_EQUIP_PROXIMITE"] == 3
    assert table.loc["62001", "NB_EQUIP_INTERMEDIAIRE"] == 3
    assert table.loc["62001", TYPES_COLUMN] == 2  # B203 twice is one type
    # Diversity per gamme: one proximity type (B203), one intermediate (D201), none higher.
    assert table.loc["62001", ["NB_TYPEQU_PROXIMITE", "NB_TYPEQU_INTERMEDIAIRE", "NB_TYPEQU_SUPERIEURE"]].tolist() == [
        1, 1, 0]
    assert table.loc["01001", ["NB_TYPEQU_PROXIMITE", "NB_TYPEQU_INTERMEDIAIRE", "NB_TYPEQU_SUPERIEURE"]].tolist() == [
        0, 0, 0]  # C101 is in no gamme here
    assert table.loc["01001", OUT_OF_GAMME_COLUMN] == 1
    assert list(table.index) == ["01001", "62001"]  # 62002: its only 2019 row is not a count
    for code in table.index:
        assert table.loc[code, GAMME_COLUMNS].sum() == table.loc[code, TOTAL_COLUMN]
    summary = result.summary
    assert summary.year == "2019"
    assert (summary.rows_read, summary.other_year, summary.invalid, summary.invalid_types, summary.not_numeric) == (
        8, 1, 1, 1, 1)
    assert summary.rows_used == 4
    problems = [(row["problem"], row["line"]) for row in result.report]
    assert ("other year", None) in problems
    assert ("invalid code", 7) in problems
    assert ("invalid equipment type", 5) in problems
    assert ("not numeric", 8) in problems
    assert summary.types_without_gamme == ["C101"]
    # Every row read is either used or reported.
    assert summary.rows_used + summary.other_year + summary.invalid + summary.invalid_types + summary.not_numeric \
        == summary.rows_read


def test_aggregate_year_choice_and_unknown_year():
    frame = pd.DataFrame({"DEPCOM": ["62001", "62001"], "AN": ["2018", "2019"],
                          "TYPEQU": ["B203", "B203"], "NB_EQUIP": ["5", "1"]})
    assert aggregate(frame, gammes={}, year="2018").table[TOTAL_COLUMN].tolist() == [5]
    with pytest.raises(TableError, match="2018, 2019"):
        aggregate(frame, gammes={}, year="2021")


def test_detailed_file_without_nb_equip_counts_rows():
    frame = pd.DataFrame({"DCIRIS": ["621190101", "621190102", "62001"], "TYPEQU": ["B203", "B203", "A101"]})
    table = aggregate(frame, gammes={}).table.set_index("DEPCOM")
    assert table.loc["62119", TOTAL_COLUMN] == 2 and table.loc["62001", TOTAL_COLUMN] == 1


def test_arrondissements_counted_in_their_city_with_types_once():
    frame = pd.DataFrame({"DEPCOM": ["75101", "75102", "69381", "13055"], "TYPEQU": ["B203", "B203", "A101", "A101"],
                          "NB_EQUIP": ["2", "3", "1", "1"]})
    kept = aggregate(frame, gammes={}).table
    assert kept["DEPCOM"].tolist() == ["13055", "69381", "75101", "75102"]
    summed = aggregate(frame, gammes={}, sum_arrondissements=True)
    table = summed.table.set_index("DEPCOM")
    assert table.loc["75056", TOTAL_COLUMN] == 5
    assert table.loc["75056", TYPES_COLUMN] == 1  # not 2: the same type in two arrondissements
    assert table.loc["69123", TOTAL_COLUMN] == 1
    assert summed.summary.summed == 3
    assert sorted(row["code"] for row in summed.report if row["problem"] == "summed") == ["69123", "75056"]


def test_bad_gamme_files(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("TYPEQU;GAMME\nB203;proximité\nB203;supérieure\n", encoding="utf-8")
    with pytest.raises(TableError, match="line 3.*two gammes"):
        load_gammes(str(path))
    path.write_text("TYPEQU;GAMME\nB203;haute\n", encoding="utf-8")
    with pytest.raises(TableError, match="line 2.*'haute'"):
        load_gammes(str(path))
    path.write_text("TYPEQU;NIVEAU\nB203;proximité\n", encoding="utf-8")
    with pytest.raises(TableError, match="GAMME"):
        load_gammes(str(path))


def test_real_bpe_france_gammes_and_cities():
    long = read_table(real_insee("france/bpe2019_communes.csv"))
    domains = read_table(real_insee("france/bpe2019_domaines.csv")).set_index("DEPCOM")
    result = aggregate(long, source="bpe2019", sum_arrondissements=True)
    table = result.table.set_index("DEPCOM")
    summary = result.summary
    assert summary.rows_read == summary.rows_used == 668099
    assert summary.year == "2019"
    # 45 arrondissements become 3 communes; everything else as INSEE's domain file.
    assert len(domains) == 33784 and len(table) == 33784 - 45 + 3
    assert table[TOTAL_COLUMN].sum() == domains["NB_EQUIP_TOTAL"].astype(int).sum()
    for city, prefix in (("75056", "751"), ("69123", "6938"), ("13055", "132")):
        parts = domains[domains.index.str.startswith(prefix)]
        assert table.loc[city, TOTAL_COLUMN] == parts["NB_EQUIP_TOTAL"].astype(int).sum()
        assert table.loc[city, "NB_EQUIP_B"] == parts["NB_EQUIP_B"].astype(int).sum()
    assert table.loc["2A004", TOTAL_COLUMN] == int(domains.loc["2A004", "NB_EQUIP_TOTAL"])  # Ajaccio
    assert (table[GAMME_COLUMNS].sum(axis=1) == table[TOTAL_COLUMN]).all()
    assert (table[TYPES_COLUMN] >= 1).all()
    # BPE 2019 has types the 2021 lists do not know: listed, counted out of gamme.
    assert "C101" in summary.types_without_gamme
    assert table.loc["62498", "NB_EQUIP_PROXIMITE"] > table.loc["62498", "NB_EQUIP_SUPERIEURE"] > 0


# --------------------------------------------------------------------------- property: no BPE row lost

BPE_ROWS = st.tuples(
    st.sampled_from(["62001", "1001", "75101", "75120", "69381", "13055", "2A004", "abc", "", "621190101"]),
    st.sampled_from(["2019", "2018"]),
    st.sampled_from(["B203", "D201", "A101", "C101", "Z999", "b203", ""]),
    st.sampled_from(["1", "2", "0", "3,0", "x", "", "-1"]),
)


@settings(max_examples=150, deadline=None)
@given(rows=st.lists(BPE_ROWS, min_size=1, max_size=30), sum_arrondissements=st.booleans())
def test_property_every_bpe_row_used_or_reported(rows, sum_arrondissements):
    frame = pd.DataFrame(rows, columns=["DEPCOM", "AN", "TYPEQU", "NB_EQUIP"])
    result = aggregate(frame, gammes={"B203": "proximité", "D201": "intermédiaire"},
                       sum_arrondissements=sum_arrondissements)
    summary = result.summary
    assert (summary.rows_used + summary.other_year + summary.invalid + summary.invalid_types
            + summary.not_numeric) == summary.rows_read == len(rows)
    lines = [r["line"] for r in result.report if r["line"] is not None]
    assert len(lines) == len(set(lines)) == summary.invalid + summary.invalid_types + summary.not_numeric
    table = result.table
    assert (table[GAMME_COLUMNS].sum(axis=1) == table[TOTAL_COLUMN]).all()
    assert table[TOTAL_COLUMN].sum() == summary.equipment
    if sum_arrondissements:
        assert not table["DEPCOM"].str.match(r"^(751|6938|132)").any()


# --------------------------------------------------------------------------- gamme lists of the BPE's year

def _gamme_folder(tmp_path, years):
    for year in years:
        (tmp_path / f"gammes_{year}.csv").write_text(
            f"TYPEQU;GAMME\nB203;proximité\nD201;{'intermédiaire' if year < 2022 else 'supérieure'}\n",
            encoding="utf-8")
    (tmp_path / "README.md").write_text("not a list\n", encoding="utf-8")
    return str(tmp_path)


def test_shipped_gamme_years_include_2021():
    years = shipped_gamme_years()
    assert years[2021] == GAMMES_FILE
    assert all(os.path.basename(path) == f"gammes_{year}.csv" for year, path in years.items())


def test_gamme_list_of_the_year_or_the_nearest_earlier_or_the_latest(tmp_path):
    folder = _gamme_folder(tmp_path, [2019, 2023])
    assert shipped_gamme_years(folder) == {2019: f"{folder}/gammes_2019.csv", 2023: f"{folder}/gammes_2023.csv"}
    same = choose_gammes(2019, how="AN column", folder=folder)
    assert (same.list_year, same.note) == (2019, "BPE 2019 (AN column): gammes of 2019")
    earlier = choose_gammes("2021", how="AN column", folder=folder)
    assert earlier.list_year == 2019
    assert earlier.note == ("BPE 2021 (AN column): no list shipped for 2021, the 2019 lists used "
                            "(the nearest earlier year)")
    before = choose_gammes(2017, how="file name", folder=folder)
    assert before.list_year == 2023 and "no list shipped for 2017 or before, the 2023 lists used" in before.note
    unknown = choose_gammes(None, folder=folder)
    assert unknown.list_year == 2023 and unknown.note.startswith("BPE year unknown")
    assert choose_gammes(2030, folder=folder).gammes == {"B203": "proximité", "D201": "supérieure"}
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(TableError, match="No gamme list"):
        choose_gammes(2021, folder=str(empty))


@pytest.mark.parametrize("name, year", [
    ("bpe2019_communes_dep62.csv", 2019), ("BPE24.csv", 2024), ("bpe21_ensemble_xy.csv", 2021),
    ("/data/bpe18_ensemble_xy_csv.zip", 2018), ("BPE_2023.parquet", 2023), ("equipements.csv", None),
    ("bpe123456.csv", None), ("bpe_62.csv", None), ("bpe_1999.csv", None), ("bpe_dep62_bpe21.csv", 2021),
])
def test_year_from_an_insee_file_name(name, year):
    assert year_from_name(name) == year


def test_aggregate_chooses_the_list_of_the_year_and_reports_it():
    frame = pd.DataFrame({"DEPCOM": ["62001", "62001"], "AN": ["2021", "2021"], "TYPEQU": ["B203", "G999"]})
    result = aggregate(frame, source="bpe.csv")
    assert result.summary.gamme_year == 2021
    assert result.summary.gamme_note == "BPE 2021 (AN column): gammes of 2021"
    rows = [(row["problem"], row["action"]) for row in result.report]
    assert ("gamme lists", "BPE 2021 (AN column): gammes of 2021") in rows
    assert result.table.loc[0, "NB_EQUIP_PROXIMITE"] == 1
    # Without AN: the year given, else the file's year (e.g. from its name), else unknown.
    no_an = frame.drop(columns="AN")
    assert aggregate(no_an, year="2023").summary.gamme_note.startswith("BPE 2023 (year given): no list shipped")
    assert aggregate(no_an, bpe_year=2022).summary.gamme_note.startswith("BPE 2022 (file name)")
    assert aggregate(no_an).summary.gamme_note.startswith("BPE year unknown")
    # A user's list is used as given, and said so.
    given = aggregate(frame, gammes={"G999": "supérieure"})
    assert given.summary.gamme_note == "gamme lists given" and given.summary.gamme_year is None
    assert given.table.loc[0, "NB_EQUIP_SUPERIEURE"] == 1


def test_user_gamme_file_is_named_in_the_note(tmp_path):
    path = tmp_path / "mes_gammes.csv"
    path.write_text("TYPEQU;GAMME\nB203;supérieure\n", encoding="utf-8")
    choice = user_gammes(str(path))
    assert choice.gammes == {"B203": "supérieure"}
    assert choice.note == f"gamme lists of {path} (GAMMES parameter)"
    result = aggregate(pd.DataFrame({"DEPCOM": ["62001"], "TYPEQU": ["B203"]}), gammes=choice)
    assert result.summary.gamme_note == choice.note and result.table.loc[0, "NB_EQUIP_SUPERIEURE"] == 1


# --------------------------------------------------------------------------- point-level layout

def point_level(long, columns=("LAMBERT_X", "LAMBERT_Y"), code_column="DEPCOM"):
    """INSEE's point-level layout from a long file: each row repeated NB_EQUIP times, one equipment a row,
    with deterministic coordinates (a grid position per commune, a small offset per equipment)."""
    counts = long["NB_EQUIP"].astype(int)
    rows = long.loc[long.index.repeat(counts)].drop(columns="NB_EQUIP").reset_index(drop=True)
    rows.attrs = {}  # the long file's line numbers are not this table's
    rank = rows.groupby("DEPCOM").cumcount()
    commune = rows["DEPCOM"].str[2:].astype(int)
    rows[columns[0]] = (600000 + 1000 * commune + rank % 50).astype(float).map("{:.1f}".format)
    rows[columns[1]] = (7000000 + 1000 * commune + rank // 50).astype(float).map("{:.1f}".format)
    rows["QUALITE_XY"] = "Bonne"
    rows["EPSG"] = "2154"
    if code_column == "DCIRIS":
        rows.insert(0, "DCIRIS", rows.pop("DEPCOM") + "0000")
    return rows


@pytest.mark.parametrize("code_column", ["DEPCOM", "DCIRIS"])
def test_real_bpe_point_level_layout_counts_as_the_long_layout(code_column):
    long = read_table(real_insee("bpe2019_communes_dep62.csv"))
    expected = aggregate(long, source="long").table.set_index("DEPCOM")
    points = point_level(long, code_column=code_column)
    assert len(points) == long["NB_EQUIP"].astype(int).sum() and "NB_EQUIP" not in points.columns
    per_iris = long.assign(DCIRIS=long["DEPCOM"] + "0000").drop(columns="DEPCOM")  # same rows, same lines
    for frame in (points, per_iris if code_column == "DCIRIS" else long):
        result = aggregate(frame, source="bpe2019")
        pd.testing.assert_frame_equal(result.table.set_index("DEPCOM"), expected)
        assert result.summary.rows_used == len(frame)
    placed = aggregate(points, source="bpe2019", points=True).points
    assert placed.placed == len(points) and placed.without_coordinates == 0 and placed.by_epsg == {2154: len(points)}
    per_commune = placed.table.groupby("DEPCOM").size()
    assert (per_commune == expected["NB_EQUIP_TOTAL"].reindex(per_commune.index)).all()
    assert set(placed.table.columns) == {"x", "y", "epsg", "TYPEQU", "DEPCOM", "DOMAINE", "GAMME"}


def test_points_read_insee_coordinates_and_report_the_rest():
    frame = pd.DataFrame({
        "AN": ["2024"] * 7,
        "DEPCOM": ["62001", "62001", "97411", "97611", "97209", "62002", "62003"],
        "TYPEQU": ["B203", "A101", "D201", "A101", "F101", "C101", "B203"],
        "LAMBERT_X": ["650000.5", "_Z", "338000", "", "710000", "651000,5", "652000"],
        "LAMBERT_Y": ["7000000", "_Z", "7690000", "", "1620000", "7001000", "x"],
        "LONGITUDE": ["", "", "", "45.2", "", "", "2.5"],
        "LATITUDE": ["", "", "", "-12.8", "", "", "50.5"],
        "EPSG": ["2154", "2154", "2975", "4471", "", "EPSG:2154", "2154"],
    })
    result = aggregate(frame, source="BPE24.csv", points=True)
    points = result.points
    table = points.table.set_index("DEPCOM")
    assert points.columns == ("LAMBERT_X", "LAMBERT_Y", "LONGITUDE", "LATITUDE")
    assert points.placed == 6 and points.without_coordinates == 1
    assert table.loc["62001", ["x", "y", "epsg"]].tolist() == [650000.5, 7000000.0, 2154]
    assert table.loc["97411", "epsg"] == 2975
    assert table.loc["97611", ["x", "y", "epsg"]].tolist() == [45.2, -12.8, 4326]  # Lambert empty: WGS 84 used
    assert table.loc["97209", "epsg"] == 5490 and points.inferred_epsg == 1  # no EPSG value: the département's
    assert table.loc["62002", ["x", "epsg"]].tolist() == [651000.5, 2154]  # decimal comma, "EPSG:" prefix
    assert table.loc["62003", "epsg"] == 4326  # unreadable Lambert, readable longitude/latitude
    assert points.by_epsg == {2154: 2, 2975: 1, 4326: 2, 5490: 1}
    assert table.loc["62002", "GAMME"] in ("hors gamme", "proximité")
    missing = [row for row in result.report if row["problem"] == "no coordinates"]
    assert len(missing) == 1 and missing[0]["line"] == 3 and missing[0]["code"] == "62001"
    assert "A101" in missing[0]["action"] and "'_Z'" in missing[0]["action"]
    # Still counted in its commune.
    assert result.table.set_index("DEPCOM").loc["62001", TOTAL_COLUMN] == 2
    assert "6 equipments placed" in points.line() and "1 rows without usable coordinates" in points.line()


def test_points_repeat_nb_equip_and_keep_arrondissements():
    frame = pd.DataFrame({"DEPCOM": ["75101", "62001"], "TYPEQU": ["B203", "A101"], "NB_EQUIP": ["3", "1"],
                          "LAMBERT_X": ["652000", "650000"], "LAMBERT_Y": ["6862000", "7000000"]})
    result = aggregate(frame, points=True, sum_arrondissements=True)
    assert result.points.placed == 4
    assert result.points.table["DEPCOM"].tolist() == ["75101"] * 3 + ["62001"]
    assert result.table.set_index("DEPCOM").loc["75056", TOTAL_COLUMN] == 3


def test_points_of_a_file_without_coordinates_is_a_clear_error():
    frame = pd.DataFrame({"DEPCOM": ["62001"], "TYPEQU": ["B203"], "NB_EQUIP": ["1"]})
    with pytest.raises(NoCoordinates, match=r"bpe\.csv: the file has no coordinates \(looked for the columns "
                                            r"LAMBERT_X/LAMBERT_Y, LONGITUDE/LATITUDE\).*Columns found: DEPCOM"):
        aggregate(frame, source="bpe.csv", points=True)
    assert aggregate(frame, source="bpe.csv").points is None  # counting needs no coordinates


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.tuples(
    st.sampled_from(["62001", "97411", "abc", "75101"]),
    st.sampled_from(["B203", "Z999", "b203", ""]),
    st.sampled_from(["650000", "_Z", "", "6,5e5", "inf", "x"]),
    st.sampled_from(["7000000", "_Z", "", "7e6"]),
    st.sampled_from(["2154", "2975", "", "_Z"]),
), min_size=1, max_size=25))
def test_property_every_point_row_placed_or_reported(rows):
    frame = pd.DataFrame(rows, columns=["DEPCOM", "TYPEQU", "LAMBERT_X", "LAMBERT_Y", "EPSG"])
    result = aggregate(frame, gammes={}, points=True)
    points = result.points
    assert points.placed + points.without_coordinates == result.summary.rows_used
    assert sum(points.by_epsg.values()) == points.placed
    missing = [row["line"] for row in result.report if row["problem"] == "no coordinates"]
    assert len(missing) == len(set(missing)) == points.without_coordinates


def test_spellings_of_one_code_or_one_type_are_one_commune_and_one_type():
    """Codes and types are converted once per distinct spelling, then counted: two spellings of a commune
    are one row, two spellings of a type one type, and a city's arrondissements share their types."""
    frame = pd.DataFrame({
        "DEPCOM": ["1001", "01001", " 01001", "75101", "75102", "75102", "75056", "x"],
        "TYPEQU": ["A101", " a101 ", "B201", "A101", "a101", "B101", "B101", "A101"],
        "NB_EQUIP": ["2", "3", "0", "1", "1", "1", "4", "1"],
    })
    result = aggregate(frame, gammes={"A101": "proximité"}, sum_arrondissements=True)
    table = result.table.set_index("DEPCOM")
    assert list(table.index) == ["01001", "75056"]
    assert table.loc["01001", "NB_EQUIP_A"] == 5 and table.loc["01001", "NB_EQUIP_B"] == 0
    assert table.loc["01001", TYPES_COLUMN] == 1  # B201 counted 0 times: not a type the commune has
    assert table.loc["01001", gamme_column("proximité")] == 5
    assert table.loc["75056", TOTAL_COLUMN] == 7 and table.loc["75056", TYPES_COLUMN] == 2
    assert table.loc["75056", "NB_TYPEQU_PROXIMITE"] == 1
    assert table.loc["75056", OUT_OF_GAMME_COLUMN] == 5
    assert result.summary.invalid == 1 and result.summary.summed == 3
    assert result.summary.types_without_gamme == ["B101"]
