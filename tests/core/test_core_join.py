"""Joining tables onto the communes by INSEE code: every row accounted for."""

import os
import sqlite3

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.codes import is_valid_code, normalise_code
from centralites.core.join import (
    ABSENT,
    DUPLICATE,
    INVALID,
    RECODED,
    RENAMED,
    SECRET,
    UNMATCHED,
    join_tables,
)
from centralites.core.tables import TableError, read_table

from testdata import SAMPLE_TERRITORY, real_insee

LAYER = ["62001", "62002", "01001", "62498", None, "62002"]


def table_a():
    # Line numbers as in the file: header = 1, first data row = 2.
    return pd.DataFrame(
        {
            "CODGEO": ["62001", "1001", "62999", "62001", "ABC", "", "62498.0", "2a004"],
            "P18_POP": ["100", "200", "300", "400", "500", "600", "700", "800"],
            "MED19": ["", "s", "20000", "21000", "1", "2", "18000", "19000"],
            "NOM": ["Achicourt", "Abergement", "Nulle-Part", "Doublon", "Bad", "Vide", "Lens", "Ajaccio"],
        }
    )


def table_b():
    return pd.DataFrame(
        {
            "DEPCOM": ["62002", "62001"],
            "NB_EQUIP_TOTAL": ["5", "3"],
            "P18_POP": ["9", "8"],
        }
    )


def rows_of(result, source=None, problem=None):
    return [
        r for r in result.report
        if (source is None or r["source"] == source) and (problem is None or r["problem"] == problem)
    ]


@pytest.fixture()
def joined():
    return join_tables(LAYER, [("a.csv", table_a()), ("b.csv", table_b())],
                       existing_columns=["fid", "INSEE_COM", "nom"])


def test_summary_counts(joined):
    a, b = joined.summaries
    assert (a.source, a.key_column) == ("a.csv", "CODGEO")
    assert (a.rows_read, a.matched, a.unmatched, a.duplicates, a.invalid, a.recoded) == (8, 3, 2, 1, 2, 3)
    assert a.secret_cells == 2  # MED19 '' and 's' among the 5 kept rows
    assert a.columns_added == ["P18_POP", "MED19", "NOM_2"]
    assert (b.source, b.key_column) == ("b.csv", "DEPCOM")
    assert (b.rows_read, b.matched, b.unmatched, b.duplicates, b.invalid, b.recoded) == (2, 2, 0, 0, 0, 0)
    assert b.columns_added == ["NB_EQUIP_TOTAL", "P18_POP_2"]
    for summary in joined.summaries:
        assert summary.matched + summary.unmatched + summary.duplicates + summary.invalid == summary.rows_read
    assert "8 rows read, 3 matched, 2 unmatched, 1 duplicates, 2 invalid codes, 3 re-coded" in a.line()


def test_report_lines(joined):
    def lines(problem):
        return [(r["line"], r["code"]) for r in rows_of(joined, "a.csv", problem)]

    assert lines(UNMATCHED) == [(4, "62999"), (9, "2A004")]
    assert lines(DUPLICATE) == [(5, "62001")]
    assert lines(INVALID) == [(6, "ABC"), (7, "")]
    assert lines(RECODED) == [(3, "01001"), (8, "62498"), (9, "2A004")]
    recoded = {r["line"]: r["action"] for r in rows_of(joined, "a.csv", RECODED)}
    assert "'1001'" in recoded[3] and "'01001'" in recoded[3]
    assert "'62498.0'" in recoded[8]
    assert "'2a004'" in recoded[9]
    # The commune of the layer that the table lacks is reported, not dropped.
    assert [(r["line"], r["code"]) for r in rows_of(joined, "a.csv", ABSENT)] == [(None, "62002")]
    assert sorted(r["code"] for r in rows_of(joined, "b.csv", ABSENT)) == ["01001", "62498"]
    assert rows_of(joined, "b.csv", UNMATCHED) == []


def test_secret_cells_reported(joined):
    secret = rows_of(joined, "a.csv", SECRET)
    assert len(secret) == 1
    assert "2 cells of MED19" in secret[0]["action"]


def test_collisions_renamed_and_reported(joined):
    assert "NOM_2" in joined.values.columns  # 'nom' is a field of the layer (any case)
    assert "NOM" not in joined.values.columns
    assert "P18_POP_2" in joined.values.columns  # second table's P18_POP meets the first's
    renamed = [r["action"] for r in rows_of(joined, problem=RENAMED)]
    assert any("NOM" in a and "NOM_2" in a for a in renamed)
    assert any("P18_POP" in a and "P18_POP_2" in a for a in renamed)
    assert len(renamed) == 2
    # The key columns are not added as fields.
    assert "CODGEO" not in joined.values.columns and "DEPCOM" not in joined.values.columns


def test_values_in_layer_order(joined):
    values = joined.values
    assert list(values.index) == list(range(len(LAYER)))
    assert list(values.columns) == ["P18_POP", "MED19", "NOM_2", "NB_EQUIP_TOTAL", "P18_POP_2"]

    def column(name):
        return [None if pd.isna(v) else v for v in values[name]]

    # LAYER = 62001, 62002, 01001, 62498, None, 62002
    assert column("P18_POP") == [100.0, None, 200.0, 700.0, None, None]
    assert column("MED19") == [None, None, None, 18000.0, None, None]
    assert column("NOM_2") == ["Achicourt", None, "Abergement", "Lens", None, None]
    assert column("NB_EQUIP_TOTAL") == [3.0, 5.0, None, None, None, 5.0]
    assert column("P18_POP_2") == [8.0, 9.0, None, None, None, 9.0]
    # The first row for 62001 wins, not the duplicate (400).
    assert values.loc[0, "P18_POP"] == 100.0


def test_layer_codes_normalised():
    # Layer codes that went through numbers are repaired too.
    frame = pd.DataFrame({"CODGEO": ["01001", "62498"], "V": ["1", "2"]})
    result = join_tables([1001, 62498.0, " 62498 "], [("t", frame)])
    assert result.values["V"].tolist() == [1.0, 2.0, 2.0]
    assert result.summaries[0].matched == 2


def test_key_column_override():
    frame = pd.DataFrame({"CODGEO": ["99999", "99998"], "MY_KEY": ["62001", "62002"], "V": ["1", "2"]})
    result = join_tables(["62002", "62001"], [("t", frame)], key_column="my_key")
    assert result.summaries[0].key_column == "MY_KEY"
    assert result.values["V"].tolist() == [2.0, 1.0]
    # The other code-like column is plain data then, kept as text (an identifier, not a quantity).
    assert result.values["CODGEO"].tolist() == ["99998", "99999"]


def test_no_key_column():
    frame = pd.DataFrame({"P18_POP": ["1"], "LIBGEO": ["Lens"]})
    with pytest.raises(TableError) as caught:
        join_tables(["62498"], [("pop.csv", frame)])
    message = str(caught.value)
    assert message.startswith("pop.csv")
    assert "P18_POP, LIBGEO" in message
    assert "CODGEO" in message  # says what it looked for


def test_no_key_column_with_override():
    frame = pd.DataFrame({"CODGEO": ["62498"], "P18_POP": ["1"]})
    with pytest.raises(TableError) as caught:
        join_tables(["62498"], [("pop.csv", frame)], key_column="INSEE")
    assert "'INSEE'" in str(caught.value)
    assert "CODGEO, P18_POP" in str(caught.value)


def test_nothing_matches():
    frame = pd.DataFrame({"CODGEO": ["75056", "69123", "13055"], "V": ["1", "2", "3"]})
    with pytest.raises(TableError) as caught:
        join_tables(["62498", "62119"], [("paris.csv", frame)])
    message = str(caught.value)
    assert message.startswith("paris.csv")
    assert "75056, 69123, 13055" in message
    assert "62498, 62119" in message


def test_only_invalid_codes_is_nothing_matched():
    frame = pd.DataFrame({"CODGEO": ["abc", ""], "V": ["1", "2"]})
    with pytest.raises(TableError) as caught:
        join_tables(["62498"], [("bad.csv", frame)])
    assert "abc" in str(caught.value)


def test_second_table_failing_raises_even_if_first_is_fine():
    good = pd.DataFrame({"CODGEO": ["62498"], "V": ["1"]})
    bad = pd.DataFrame({"X": ["62498"]})
    with pytest.raises(TableError) as caught:
        join_tables(["62498"], [("good.csv", good), ("bad.csv", bad)])
    assert str(caught.value).startswith("bad.csv")


def test_cancelled_before_any_table():
    frame = pd.DataFrame({"CODGEO": ["62498"], "V": ["1"]})
    result = join_tables(["62498"], [("t", frame)], is_cancelled=lambda: True)
    assert result.summaries == []
    assert len(result.values) == 1 and list(result.values.columns) == []


def test_read_table_then_join(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("CODGEO;P18_POP\n01001;776\n1001;1\n62498;32157,5\n", encoding="utf-8")
    result = join_tables(["62498", "01001"], [(str(path), read_table(str(path)))])
    assert result.values["P18_POP"].tolist() == [32157.5, 776.0]
    duplicate = rows_of(result, problem=DUPLICATE)
    assert [(r["line"], r["code"]) for r in duplicate] == [(3, "01001")]


# --------------------------------------------------------------------------- property: no row lost

LAYER_POOL = ["01001", "62001", "62498", "2A004", "62119", "80810"]
OTHER_VALID = ["62999", "2B033", "75056", "59350"]
INVALID_CODES = ["abc", "", "624980", "2C004", "nan", "62 498", "1.5"]
RECODABLE = ["1001", "1001.0", " 62498", "2a004", "62001.0"]


@settings(max_examples=100, deadline=None)
@given(
    layer=st.lists(st.sampled_from(LAYER_POOL + [None]), min_size=1, max_size=8),
    codes=st.lists(st.sampled_from(LAYER_POOL + OTHER_VALID + INVALID_CODES + RECODABLE), min_size=1,
                   max_size=30),
)
def test_property_no_row_lost(layer, codes):
    # Each row carries its own file line number as value, to see which row won.
    frame = pd.DataFrame({"CODGEO": codes, "LINE": [str(i + 2) for i in range(len(codes))]})
    normalised = [normalise_code(c) for c in codes]
    layer_set = {c for c in layer if c is not None}
    if not layer_set.intersection(c for c in normalised if is_valid_code(c)):
        with pytest.raises(TableError):
            join_tables(layer, [("t", frame)])
        return

    result = join_tables(layer, [("t", frame)])
    (summary,) = result.summaries
    assert summary.rows_read == len(codes)
    assert summary.matched + summary.unmatched + summary.duplicates + summary.invalid == summary.rows_read

    # An independent model of the outcome of each line.
    expected, seen = {}, set()
    for line, code in enumerate(normalised, start=2):
        if not is_valid_code(code):
            expected[line] = INVALID
        elif code in seen:
            expected[line] = DUPLICATE
        else:
            seen.add(code)
            expected[line] = "matched" if code in layer_set else UNMATCHED

    reported = {}
    for row in result.report:
        if row["problem"] in (INVALID, DUPLICATE, UNMATCHED):
            assert row["line"] not in reported, f"line {row['line']} reported twice"
            reported[row["line"]] = row["problem"]
    matched_lines = {int(v) for v in result.values["LINE"].dropna()}
    for line in matched_lines:
        reported[line] = "matched"
    assert reported == expected

    assert summary.matched == sum(v == "matched" for v in expected.values())
    assert summary.duplicates == sum(v == DUPLICATE for v in expected.values())
    assert summary.invalid == sum(v == INVALID for v in expected.values())
    # One result row per layer feature, in layer order, the first row of its code.
    assert len(result.values) == len(layer)
    first_line = {}
    for line, code in enumerate(normalised, start=2):
        if is_valid_code(code):
            first_line.setdefault(code, line)
    for position, code in enumerate(layer):
        value = result.values["LINE"].iloc[position]
        if code in first_line:
            assert value == first_line[code]
        else:
            assert pd.isna(value)
    absent = {r["code"] for r in result.report if r["problem"] == ABSENT}
    assert absent == layer_set - set(first_line)


# --------------------------------------------------------------------------- real data


def territory_codes():
    if not os.path.exists(SAMPLE_TERRITORY):
        pytest.skip(f"sample territory absent ({SAMPLE_TERRITORY})")
    with sqlite3.connect(f"file:{SAMPLE_TERRITORY}?mode=ro", uri=True) as connection:
        rows = connection.execute("SELECT INSEE_COM, NOM FROM communes ORDER BY fid").fetchall()
    return [code for code, _ in rows], dict(rows)


def test_real_join_on_sample_territory():
    comparateur_path = real_insee("base_cc_comparateur_2021_dep62.csv")
    bpe_path = real_insee("bpe2019_domaines_dep62.csv")
    codes, names = territory_codes()
    assert len(codes) == 319 and len(set(codes)) == 319
    comparateur, bpe = read_table(comparateur_path), read_table(bpe_path)
    result = join_tables(
        codes,
        [("comparateur", comparateur), ("bpe", bpe)],
        existing_columns=["fid", "INSEE_COM", "NOM", "SIREN_EPCI", "NOM_EPCI", "POPULATION"],
    )
    values = result.values
    assert len(values) == 319  # no commune lost

    cc, equipment = result.summaries
    assert (cc.key_column, equipment.key_column) == ("CODGEO", "DEPCOM")
    assert (cc.rows_read, cc.matched, cc.unmatched) == (890, 318, 572)
    assert (cc.duplicates, cc.invalid, cc.recoded) == (0, 0, 0)
    assert cc.secret_cells > 0
    assert equipment.rows_read == 858
    for summary in result.summaries:
        assert summary.matched + summary.unmatched + summary.duplicates + summary.invalid == summary.rows_read

    absent_cc = [r["code"] for r in rows_of(result, "comparateur", ABSENT)]
    assert absent_cc == ["80810"]
    assert names["80810"] == "Vitz-sur-Authie"
    absent_bpe = {r["code"] for r in rows_of(result, "bpe", ABSENT)}
    # Every commune is either matched or reported absent, per table.
    assert equipment.matched + len(absent_bpe) == 319
    assert "80810" in absent_bpe

    position = {code: i for i, code in enumerate(codes)}
    assert pd.isna(values.loc[position["80810"], "P18_POP"])
    assert values["P18_POP"].notna().sum() == 318
    assert values.loc[position["62498"], "P18_POP"] > 30000  # Lens
    assert values["NB_EQUIP_TOTAL"].notna().sum() == equipment.matched
    # Each commune gets its own row of the table, at its own position in the layer.
    for code in ("62119", "62427", "62510", "62001"):
        expected = float(comparateur.loc[comparateur["CODGEO"] == code, "P18_POP"].iloc[0])
        assert values.loc[position[code], "P18_POP"] == expected


def test_line_numbers_stay_true_after_a_blank_line(tmp_path):
    from centralites.core.tables import read_table

    path = tmp_path / "blank.csv"
    path.write_text("CODGEO;V\n62001;1\n\n62002;2\n99999;3\n", encoding="utf-8")
    result = join_tables(["62001", "62002"], [("blank.csv", read_table(str(path)))])
    unmatched = [row for row in result.report if row["problem"] == "unmatched"]
    assert [(row["code"], row["line"]) for row in unmatched] == [("99999", 5)]


def test_an_invalid_code_is_reported_once_as_invalid():
    frame = pd.DataFrame({"CODGEO": ["62001", "abc"], "V": ["1", "2"]})
    result = join_tables(["62001"], [("t", frame)])
    problems = [(row["problem"], row["code"]) for row in result.report if row["code"] in ("abc", "ABC")]
    assert problems == [("invalid code", "abc")]
    assert result.summaries[0].recoded == 0 and result.summaries[0].invalid == 1
