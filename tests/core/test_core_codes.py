"""INSEE commune codes: normalisation, validity, key-column detection."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from centralites.core.codes import find_key_column, is_valid_code, normalise_code

# --------------------------------------------------------------------------- normalise_code


@pytest.mark.parametrize(
    "raw, expected",
    [
        (1001, "01001"),  # an integer that lost its leading zero
        ("1001", "01001"),
        (1001.0, "01001"),  # went through a float
        ("62498.0", "62498"),
        ("62498.00", "62498"),
        ("1001.0", "01001"),
        (" 62498 ", "62498"),
        ("\t62498\n", "62498"),
        ("62498", "62498"),
        ("01001", "01001"),
        ("2a004", "2A004"),
        ("2B033", "2B033"),
        (" 2b033 ", "2B033"),
        ("75056", "75056"),
        ("97101", "97101"),
    ],
)
def test_normalise_code_repairs(raw, expected):
    assert normalise_code(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "   ", "nan", "NaN", "NAN", float("nan"), "None", "NULL", "null"])
def test_normalise_code_empty_is_none(raw):
    assert normalise_code(raw) is None


def test_normalise_code_does_not_invent_a_valid_code():
    # Too long, letters, Corsica in its old numeric department: given back as is
    # (upper-cased, stripped), for is_valid_code to reject or the caller to report.
    assert normalise_code("624980") == "624980"
    assert normalise_code("abc") == "ABC"
    assert normalise_code("20004") == "20004"
    assert normalise_code("62 498") == "62 498"
    assert normalise_code("62498.5") == "62498.5"


# --------------------------------------------------------------------------- is_valid_code


@pytest.mark.parametrize("code", ["01001", "62498", "2A004", "2B033", "97101", "75101", "00000"])
def test_valid_codes(code):
    assert is_valid_code(code) is True


@pytest.mark.parametrize(
    "code",
    [None, "", "1001", "624980", "2a004", "2C004", "2A04", "2A0045", "ABCDE", " 62498", "62498 ", "62498.0",
     "6249A", "62-98"],
)
def test_invalid_codes(code):
    assert is_valid_code(code) is False


def test_normalised_float_artefacts_become_valid():
    assert is_valid_code(normalise_code(1001)) is True
    assert is_valid_code(normalise_code("62498.0")) is True
    assert is_valid_code(normalise_code("2a004")) is True
    assert is_valid_code(normalise_code("nan")) is False


# --------------------------------------------------------------------------- find_key_column


@pytest.mark.parametrize(
    "columns, expected",
    [
        (["CODGEO", "P18_POP"], "CODGEO"),
        (["P18_POP", "codgeo"], "codgeo"),  # any case; the column's own spelling is returned
        (["DEPCOM", "TYPEQU", "NB_EQUIP"], "DEPCOM"),
        (["fid", "insee_com", "nom"], "insee_com"),
        (["Code_Insee", "Nom"], "Code_Insee"),
        (["INSEE", "POP"], "INSEE"),
        (["code_commune", "x"], "code_commune"),
        (["COD_COM"], "COD_COM"),
        (["CodeCommune"], "CodeCommune"),
        (["COM", "LIBELLE"], "COM"),
        (["code", "value"], "code"),
        ([" CODGEO ", "P18_POP"], " CODGEO "),  # blanks around a header name
    ],
)
def test_find_key_column_usual_names(columns, expected):
    assert find_key_column(columns) == expected


def test_find_key_column_most_specific_first():
    # CODGEO beats the generic CODE and COM whatever the column order.
    assert find_key_column(["CODE", "COM", "CODGEO"]) == "CODGEO"
    assert find_key_column(["COM", "DEPCOM"]) == "DEPCOM"
    assert find_key_column(["CODE", "INSEE_COM"]) == "INSEE_COM"


def test_find_key_column_override_wins():
    assert find_key_column(["CODGEO", "MY_KEY"], preferred="MY_KEY") == "MY_KEY"
    assert find_key_column(["CODGEO", "my_key"], preferred="MY_KEY") == "my_key"
    assert find_key_column(["CODGEO", "MY_KEY"], preferred=" my_key ") == "MY_KEY"


def test_find_key_column_override_absent_is_none():
    # A named override that is not there is not silently replaced by a guess.
    assert find_key_column(["CODGEO", "P18_POP"], preferred="INSEE_COM") is None


def test_find_key_column_absent_is_none():
    assert find_key_column(["P18_POP", "LIBGEO", "NB_EQUIP"]) is None
    assert find_key_column([]) is None
    # A column merely containing a candidate name is not a match.
    assert find_key_column(["CODGEO_2", "DEPCOM_OLD", "NOM_COM"]) is None


# --------------------------------------------------------------------------- properties

numeric_codes = st.text(alphabet="0123456789", min_size=5, max_size=5)
corsican_codes = st.builds(lambda d, rest: "2" + d + rest, st.sampled_from("AB"),
                           st.text(alphabet="0123456789", min_size=3, max_size=3))
valid_codes = st.one_of(numeric_codes, corsican_codes)
blanks = st.text(alphabet=" \t\r\n\u00a0", max_size=3)


@settings(max_examples=100, deadline=None)
@given(code=valid_codes, left=blanks, right=blanks)
def test_property_valid_code_round_trips(code, left, right):
    assert is_valid_code(code)
    assert normalise_code(code) == code
    assert normalise_code(left + code + right) == code
    assert normalise_code(code.lower()) == code
    if code.isdigit():
        number = int(code)  # leading zeros stripped
        assert normalise_code(number) == code
        assert normalise_code(str(number)) == code
        assert normalise_code(f"{number}.0") == code
        assert normalise_code(float(number)) == code


@settings(max_examples=100, deadline=None)
@given(value=st.one_of(st.text(max_size=12), st.integers(min_value=-10**7, max_value=10**7), st.none(),
                       valid_codes))
def test_property_normalise_code_is_idempotent(value):
    once = normalise_code(value)
    assert normalise_code(once) == once
