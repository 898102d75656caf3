"""Reading INSEE-like tables: separators, encodings, numbers, secrecy, errors."""

import math

import pandas as pd
import pytest

from centralites.core.tables import TableError, numeric_columns, parse_number, read_table

from testdata import real_insee


def write(tmp_path, name, text, encoding="utf-8", newline="\n"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return str(path)


# --------------------------------------------------------------------------- separators


@pytest.mark.parametrize("separator", [";", ",", "\t", "|"])
def test_separators_detected(tmp_path, separator):
    rows = [["CODGEO", "LIBGEO", "P18_POP"], ["01001", "L'Abergement-Clémenciat", "776"],
            ["62498", "Lens", "32157"], ["2A004", "Ajaccio", "70817"]]
    text = "\n".join(separator.join(row) for row in rows) + "\n"
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame.attrs["separator"] == separator
    assert list(frame.columns) == ["CODGEO", "LIBGEO", "P18_POP"]
    assert frame["CODGEO"].tolist() == ["01001", "62498", "2A004"]
    assert frame["LIBGEO"].tolist() == ["L'Abergement-Clémenciat", "Lens", "Ajaccio"]
    assert frame["P18_POP"].tolist() == ["776", "32157", "70817"]


def test_semicolon_with_decimal_commas_is_not_read_as_comma(tmp_path):
    # French CSV: ';' between fields, ',' inside numbers. The comma is more
    # frequent than the semicolon on every line here.
    text = "CODGEO;SUPERF;DENS\n62498;11,7;2748,5\n62119;9,46;2670,2\n62510;12,12;2543,1\n"
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame.attrs["separator"] == ";"
    assert frame["SUPERF"].tolist() == ["11,7", "9,46", "12,12"]


def test_semicolon_file_with_commas_in_names(tmp_path):
    text = "CODGEO;LIBGEO;P18_POP\n62001;Achicourt, le bourg, nord;7800\n62002;Agny, sud;2100\n"
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame.attrs["separator"] == ";"
    assert frame["LIBGEO"].tolist() == ["Achicourt, le bourg, nord", "Agny, sud"]


def test_quoted_fields_containing_the_separator(tmp_path):
    text = ('CODGEO;LIBGEO;P18_POP\n'
            '62498;"Lens; chef-lieu";32157\n'
            '62119;"Béthune";24931\n'
            '62427;"Hénin-Beaumont; ""HB""";26022\n')
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame.shape == (3, 3)
    assert frame["LIBGEO"].tolist() == ["Lens; chef-lieu", "Béthune", 'Hénin-Beaumont; "HB"']
    assert frame["P18_POP"].tolist() == ["32157", "24931", "26022"]


def test_quoted_fields_containing_a_comma_separator(tmp_path):
    text = 'CODGEO,LIBGEO,MED19\n"62498","Lens, Pas-de-Calais","17850.5"\n"01001","Ain, France","24000"\n'
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame.attrs["separator"] == ","
    assert frame["CODGEO"].tolist() == ["62498", "01001"]
    assert frame["LIBGEO"].tolist() == ["Lens, Pas-de-Calais", "Ain, France"]


# --------------------------------------------------------------------------- encodings, line ends

ACCENTED = "CODGEO;LIBELLÉ;P18_POP\n62119;Béthune;24931\n62427;Hénin-Beaumont;26022\n62215;Carvin;17180\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings(tmp_path, encoding):
    frame = read_table(write(tmp_path, "t.csv", ACCENTED, encoding=encoding))
    # A BOM must not stick to the first header name.
    assert list(frame.columns) == ["CODGEO", "LIBELLÉ", "P18_POP"]
    assert frame["LIBELLÉ"].tolist() == ["Béthune", "Hénin-Beaumont", "Carvin"]
    assert frame.attrs["encoding"] == ("cp1252" if encoding == "cp1252" else "utf-8-sig")


def test_cp1252_with_accent_on_the_last_line(tmp_path):
    # The only accented letter of a small cp1252 file is among its last bytes:
    # it is not a UTF-8 character cut by the 64 KiB sample, the file is cp1252.
    text = "CODGEO;LIBGEO\n62001;Ablain-Saint-Nazaire\n62240;La Comté\n"
    frame = read_table(write(tmp_path, "t.csv", text, encoding="cp1252"))
    assert frame["LIBGEO"].tolist() == ["Ablain-Saint-Nazaire", "La Comté"]
    assert frame.attrs["encoding"] == "cp1252"


def test_cp1252_accent_far_from_the_start_of_a_large_file(tmp_path):
    # The encoding is guessed from the first 64 KiB; an accent further down must
    # not end in a raw UnicodeDecodeError (a TableError or a correct read).
    lines = ["CODGEO;LIBGEO"] + [f"{62000 + i % 1000:05d};Commune{i}" for i in range(6000)] + ["62119;Béthune"]
    path = write(tmp_path, "big.csv", "\n".join(lines) + "\n", encoding="cp1252")
    try:
        frame = read_table(path)
    except TableError as error:
        assert path in str(error)
    else:
        assert frame["LIBGEO"].iloc[-1] == "Béthune"


@pytest.mark.parametrize("newline", ["\r\n", "\n"])
def test_line_ends(tmp_path, newline):
    frame = read_table(write(tmp_path, "t.csv", ACCENTED, newline=newline))
    assert frame.shape == (3, 3)
    # No '\r' left at the end of the last column.
    assert frame["P18_POP"].tolist() == ["24931", "26022", "17180"]
    assert list(frame.columns)[-1] == "P18_POP"


# --------------------------------------------------------------------------- codes stay text


def test_codes_keep_leading_zeros(tmp_path):
    text = "CODGEO;P18_POP\n01001;776\n01002;248\n2A004;70817\n09001;100\n"
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame["CODGEO"].tolist() == ["01001", "01002", "2A004", "09001"]
    assert frame["CODGEO"].map(type).eq(str).all()
    # Every cell is text before numeric_columns; empty cells are '' not NaN.
    assert frame["P18_POP"].tolist() == ["776", "248", "70817", "100"]


def test_empty_cells_are_empty_text(tmp_path):
    text = "CODGEO;MED19;LIBGEO\n01001;;NA\n01002;21000;\n"
    frame = read_table(write(tmp_path, "t.csv", text))
    assert frame["MED19"].tolist() == ["", "21000"]
    # 'NA' is a word here, not pandas' missing value.
    assert frame["LIBGEO"].tolist() == ["NA", ""]


def test_header_names_stripped(tmp_path):
    frame = read_table(write(tmp_path, "t.csv", " CODGEO ; P18_POP \n62498;32157\n"))
    assert list(frame.columns) == ["CODGEO", "P18_POP"]


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text, expected",
    [
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1 234", 1234.0),
        ("1\u00a0234", 1234.0),
        ("1\u202f234,75", 1234.75),
        (" 42 ", 42.0),
        ("-3,5", -3.5),
        ("0", 0.0),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["", "  ", "abc", "Lens", "12,5,3", "62A"])
def test_parse_number_not_a_number(text):
    assert parse_number(text) is None


def test_numeric_columns(tmp_path):
    text = (
        "CODGEO;LIBGEO;SUPERF;P18_POP;MED19;ETTOT18\n"
        "01001;Abergement;12,5;1 234;21000;s\n"
        "01002;Abergement-de-Varey;9,02;1\u00a0234;nd;12\n"
        "01004;Ambérieu;24,6;14 514;secret;1 028\n"
        "01005;Ambérieux;15,9;1 751;;40\n"
    )
    frame = read_table(write(tmp_path, "t.csv", text))
    converted, secret = numeric_columns(frame, exclude=("CODGEO",))
    assert converted["SUPERF"].tolist() == pytest.approx([12.5, 9.02, 24.6, 15.9])
    assert converted["P18_POP"].tolist() == [1234.0, 1234.0, 14514.0, 1751.0]
    assert converted["MED19"].iloc[0] == 21000.0
    assert converted["MED19"].iloc[1:].isna().all()
    assert converted["ETTOT18"].iloc[0] != converted["ETTOT18"].iloc[0]  # NaN
    assert converted["ETTOT18"].iloc[1:].tolist() == [12.0, 1028.0, 40.0]
    for column in ("SUPERF", "P18_POP", "MED19", "ETTOT18"):
        assert converted[column].dtype == "float64"
    assert secret == {"SUPERF": 0, "P18_POP": 0, "MED19": 3, "ETTOT18": 1}
    # Text and the excluded key stay text, untouched.
    assert converted["LIBGEO"].tolist() == ["Abergement", "Abergement-de-Varey", "Ambérieu", "Ambérieux"]
    assert converted["CODGEO"].tolist() == ["01001", "01002", "01004", "01005"]
    assert "LIBGEO" not in secret and "CODGEO" not in secret
    # The source frame is not modified.
    assert frame["SUPERF"].tolist() == ["12,5", "9,02", "24,6", "15,9"]


def test_numeric_columns_all_secret_markers_counted(tmp_path):
    frame = pd.DataFrame({"V": ["1", "s", "S", "nd", "n.d.", "secret", "", " ", "c", "x", "-", "na", "n/a", "se"]})
    converted, secret = numeric_columns(frame)
    assert secret == {"V": 13}
    assert converted["V"].iloc[0] == 1.0
    assert converted["V"].iloc[1:].isna().all()


def test_numeric_columns_never_convert_code_columns():
    # Even when the caller forgets to exclude it, a code column keeps its zeros.
    frame = pd.DataFrame({"CODGEO": ["01001", "62498"], "LIB": ["a", "b"]})
    converted, _ = numeric_columns(frame, exclude=("CODGEO",))
    assert converted["CODGEO"].tolist() == ["01001", "62498"]
    converted, secret = numeric_columns(frame)
    assert converted["CODGEO"].tolist() == ["01001", "62498"]
    assert secret == {}


def test_numeric_columns_one_word_keeps_the_column_text():
    frame = pd.DataFrame({"V": ["12", "13", "beaucoup"], "E": ["", "", ""]})
    converted, secret = numeric_columns(frame)
    assert converted["V"].tolist() == ["12", "13", "beaucoup"]
    # A column with nothing but blanks is not guessed numeric either.
    assert converted["E"].tolist() == ["", "", ""]
    assert secret == {}


# --------------------------------------------------------------------------- errors


def _raises_with_path(path, fragment):
    with pytest.raises(TableError) as caught:
        read_table(path)
    message = str(caught.value)
    assert path in message
    assert fragment in message.lower()
    return message


def test_missing_file(tmp_path):
    _raises_with_path(str(tmp_path / "absent.csv"), "not found")


def test_empty_file(tmp_path):
    _raises_with_path(write(tmp_path, "empty.csv", ""), "empty")


def test_blank_lines_only_file(tmp_path):
    with pytest.raises(TableError) as caught:
        read_table(write(tmp_path, "blank.csv", "\n\n\n"))
    assert str(tmp_path / "blank.csv") in str(caught.value)


def test_header_only_file(tmp_path):
    _raises_with_path(write(tmp_path, "header.csv", "CODGEO;P18_POP\n"), "no data rows")


def test_binary_file(tmp_path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(range(256)) * 4)
    _raises_with_path(str(path), "binary")


def test_directory_is_not_a_file(tmp_path):
    with pytest.raises(TableError):
        read_table(str(tmp_path))


# --------------------------------------------------------------------------- real INSEE file


def test_real_comparateur_dep62():
    path = real_insee("base_cc_comparateur_2021_dep62.csv")
    frame = read_table(path)
    assert len(frame) == 890
    assert frame.attrs["separator"] == ";"
    assert frame.columns[0] == "CODGEO"
    assert {"P18_POP", "P13_POP", "SUPERF", "P18_EMPLT", "MED19", "ETGZ18"} <= set(frame.columns)
    codes = frame["CODGEO"]
    assert codes.map(type).eq(str).all()
    assert codes.str.fullmatch(r"62\d{3}").all()
    assert codes.is_unique
    assert codes.iloc[0] == "62001"
    lens = frame.index[codes == "62498"]
    assert len(lens) == 1

    converted, secret = numeric_columns(frame, exclude=("CODGEO",))
    assert converted["CODGEO"].tolist() == codes.tolist()
    # MED19 is blank where the median income is secret.
    blanks = int((frame["MED19"] == "").sum())
    assert blanks > 0
    assert secret["MED19"] == blanks
    assert int(converted["MED19"].isna().sum()) == blanks
    assert converted["P18_POP"].dtype == "float64"
    assert converted["P18_POP"].isna().sum() == 0
    # Published 2013 jobs at place of work in Lens (INSEE): 22,364.
    assert converted.loc[lens[0], "P13_EMPLT"] == pytest.approx(22364, abs=1)
    assert math.isclose(converted.loc[lens[0], "SUPERF"], float(frame.loc[lens[0], "SUPERF"]))


def test_identifier_and_zero_led_columns_stay_text():
    frame = pd.DataFrame({"DEP": ["62", "80"], "SIREN_EPCI": ["200072460", "246200364"],
                          "CLASSE": ["01", "12"], "POP": ["1 234", "5"]})
    converted, _ = numeric_columns(frame)
    assert converted["DEP"].tolist() == ["62", "80"]
    assert converted["SIREN_EPCI"].tolist() == ["200072460", "246200364"]
    assert converted["CLASSE"].tolist() == ["01", "12"]
    assert converted["POP"].tolist() == [1234.0, 5.0]


def test_nan_text_is_missing_and_infinity_is_not_a_number():
    converted, counts = numeric_columns(pd.DataFrame({"A": ["1", "nan"], "B": ["1", "inf"]}))
    assert converted["A"].isna().tolist() == [False, True] and counts["A"] == 1
    assert converted["B"].tolist() == ["1", "inf"]  # not numeric: left as text


# --------------------------------------------------------------------------- ragged and truncated files


def test_row_with_too_many_cells_names_its_line(tmp_path):
    path = write(tmp_path, "ragged.csv", "CODGEO;A;B\n62001;1;2\n62002;1;2\n62003;1;2;3\n")
    message = _raises_with_path(path, "line 4")
    assert "4 cells where the header has 3" in message and "separator ';'" in message


def test_unclosed_quote_is_a_truncated_file(tmp_path):
    path = write(tmp_path, "cut.csv", 'CODGEO;LIBGEO\n62001;Achicourt\n62002;"Agny\n')
    message = _raises_with_path(path, "line 3")
    assert "never closed" in message and "truncated" in message


def test_short_rows_are_kept_and_their_lines_noted(tmp_path):
    path = write(tmp_path, "short.csv", "CODGEO;A;B\n62001;1;2\n\n62002;1\n62003;1;2\n")
    frame = read_table(path)
    assert frame["B"].tolist() == ["2", "", "2"]
    assert frame.attrs["short_lines"] == [4]
    assert frame.attrs["line_numbers"] == [2, 4, 5]


def test_short_row_reported_by_the_join(tmp_path):
    from centralites.core.join import SHORT_ROW, join_tables

    path = write(tmp_path, "short.csv", "CODGEO;A;B\n62001;1;2\n62002;1\n")
    result = join_tables(["62001", "62002"], [("short.csv", read_table(path))])
    short = [(r["line"], r["code"]) for r in result.report if r["problem"] == SHORT_ROW]
    assert short == [(3, "62002")]
    assert result.summaries[0].matched == 2  # still joined, its missing cell empty


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_rows_after_a_quoted_multiline_cell_keep_their_file_line(tmp_path, newline):
    text = ('CODGEO;LIBGEO;NOTE;P18_POP\n'
            '62001;Ablain;"une note\nsur deux lignes";1810\n'
            '\n'
            '62002;Ablainzevelle;"trois\nlignes\nici";99\n'
            '62003;Achicourt;;7737\n'
            '62004;Achiet;"court"\n')
    frame = read_table(write(tmp_path, "notes.csv", text, newline=newline))
    assert frame["CODGEO"].tolist() == ["62001", "62002", "62003", "62004"]
    assert frame.loc[1, "NOTE"].replace("\r\n", "\n") == "trois\nlignes\nici"
    # Each row is numbered by the line it starts on, as a text editor shows the file.
    assert frame.attrs["line_numbers"] == [2, 5, 8, 9]
    assert frame.attrs["short_lines"] == [9]


def test_an_invalid_code_after_a_multiline_cell_is_reported_at_its_line(tmp_path):
    from centralites.core.join import INVALID, join_tables

    text = 'CODGEO;NOTE;P18_POP\n62001;"deux\nlignes";1\nXYZ;;2\n62002;;3\n'
    result = join_tables(["62001", "62002"], [("t.csv", read_table(write(tmp_path, "t.csv", text)))])
    assert [(r["line"], r["code"]) for r in result.report if r["problem"] == INVALID] == [(4, "XYZ")]


def test_numeric_columns_takes_a_column_of_numbers_as_it_is():
    """A column already of numbers (a layer's number field) is kept, its missing cells counted as empty; text
    columns beside it are read as before."""
    frame = pd.DataFrame({"P21_POP": [12.5, float("nan"), 3.0], "C21_MEN": ["4", "", "s"]})
    converted, secret = numeric_columns(frame)
    assert converted["P21_POP"].tolist()[0] == 12.5 and converted["P21_POP"].isna().tolist() == [False, True, False]
    assert secret == {"P21_POP": 1, "C21_MEN": 2}
    assert converted["C21_MEN"].tolist()[0] == 4.0


def test_hypothesis_the_line_layout_is_the_csv_modules():
    """Cells per record and the line each starts on, as the fast path finds them (lengths of lines by numpy, no
    split into line strings) and as the csv module reads the text: the same for any unquoted text — blank lines,
    accents, a final line end or none, lines shorter than the header — with the header's width or without."""
    import csv
    import io

    from hypothesis import given, settings
    from hypothesis import strategies as st

    from centralites.core.tables import _record_layout

    cell = st.text(alphabet="ab1é€ -", max_size=4)
    line = st.lists(cell, min_size=0, max_size=4).map(";".join)

    @settings(max_examples=300, deadline=None)
    @given(st.lists(line, min_size=0, max_size=12), st.booleans())
    def check(lines, final_end):
        text = "\n".join(lines) + ("\n" if final_end and lines else "")
        rows = list(csv.reader(io.StringIO(text), delimiter=";"))
        reader = csv.reader(io.StringIO(text), delimiter=";")
        expected_starts, previous = [], 0
        for _ in reader:
            expected_starts.append(previous + 1)
            previous = reader.line_num
        expected = ([len(row) for row in rows], expected_starts)
        cells, starts = _record_layout(text, ";")
        assert (list(cells), list(starts)) == expected
        width = max(expected[0], default=0)
        if width:
            cells, starts = _record_layout(text, ";", width=width)
            assert (list(cells), list(starts)) == expected

    check()
