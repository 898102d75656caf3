"""BPE long layout summed per commune and domain, checked against INSEE's own per-domain file."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.bpe import (
    GAMMES_FILE,
    OUT_OF_GAMME_COLUMN,
    TOTAL_COLUMN,
    TYPES_COLUMN,
    aggregate,
    domain_counts,
    gamme_column,
    load_gammes,
)
from centralites.core.tables import TableError, read_table
from conftest import SAMPLE, real_insee


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

    from conftest import SHARED_REFERENCE

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
