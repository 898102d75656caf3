"""INSEE commune codes: always text, five characters.

Readers hand us codes that lost their leading zero (``1001``), that went
through a float (``62498.0``), that carry blanks, or Corsica's ``2a004``.
``normalise_code`` repairs those and says nothing else; callers compare the
result with the raw value to count and report what was re-coded.
"""

import re

import numpy as np

# Common names of the key column, compared case-insensitively, most specific first.
KEY_COLUMN_CANDIDATES = (
    "CODGEO",
    "DEPCOM",
    "INSEE_COM",
    "CODE_INSEE",
    "INSEE",
    "CODE_COMMUNE",
    "COD_COM",
    "CODECOMMUNE",
    "COM",
    "CODE",
)

_FLOAT_ARTEFACT = re.compile(r"^(\d+)\.0+$")
_VALID = re.compile(r"^(\d{5}|2[AB]\d{3})$")


def normalise_code(value):
    """Return the 5-character INSEE code for ``value``, or None when empty.

    The result is not guaranteed valid: use ``is_valid_code`` to check it.
    """
    if value is None:
        return None
    text = str(value).strip().upper()
    if text in ("", "NAN", "NONE", "NULL"):
        return None
    artefact = _FLOAT_ARTEFACT.match(text)
    if artefact:
        text = artefact.group(1)
    if text.isdigit() and len(text) < 5:
        text = text.zfill(5)
    # Corsica written with its old numeric department (20xxx) stays as given:
    # only the data's own 2A/2B can tell which department it is.
    return text


def plain_codes(values):
    """Boolean array: True where a value is a str already a valid code (five ASCII digits, or 2A/2B and
    three), which normalise_code returns unchanged; tested on the characters' code points at once."""
    strings = [v if type(v) is str else "" for v in values]
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    chars = np.array(strings, dtype="<U5").view(np.uint32).reshape(len(strings), 5)
    digit = (chars >= ord("0")) & (chars <= ord("9"))
    corsica = (chars[:, 0] == ord("2")) & ((chars[:, 1] == ord("A")) | (chars[:, 1] == ord("B")))
    return (lengths == 5) & (digit.all(axis=1) | (corsica & digit[:, 2:].all(axis=1)))


def is_valid_code(code):
    """True for a well-formed commune code (``62498``, ``2A004``)."""
    return isinstance(code, str) and bool(code) and bool(_VALID.match(code))


def find_key_column(columns, preferred=None):
    """Name of the commune-code column among ``columns``, or None.

    ``preferred`` (a user override) wins when present, compared
    case-insensitively.
    """
    by_upper = {str(c).strip().upper(): c for c in columns}
    if preferred:
        return by_upper.get(str(preferred).strip().upper())
    for candidate in KEY_COLUMN_CANDIDATES:
        if candidate in by_upper:
            return by_upper[candidate]
    return None
