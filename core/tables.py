"""Reading the tables technicians get from INSEE: text first, numbers second.

Every cell is read as text (so commune codes keep their zeros), then the
columns that hold numbers are converted, accepting the decimal comma, French
thousands separators and INSEE's secrecy markers, which become missing values
and are counted.
"""

import csv
import io
import math
import os
import re

import pandas as pd

SEPARATORS = (";", ",", "\t", "|")
# Markers INSEE and agencies use for secret or unavailable values.
SECRET_MARKERS = frozenset({"s", "nd", "n.d.", "secret", "se", "c", "na", "n/a", "nan", "-", "x"})
# Columns that hold identifiers, not quantities: kept as text even when all digits.
IDENTIFIER_PREFIXES = ("COD", "DEP", "REG", "SIREN", "SIRET", "EPCI", "INSEE", "IRIS", "DCIRIS", "TYPEQU", "LIB", "NOM")


_LEADING_ZERO_CODE = re.compile(r"^0\d+$")


class TableError(Exception):
    """A table that cannot be read, with a message for the user."""


def read_table(path):
    """Read a CSV/TXT file into a DataFrame of text cells ('' for empty).

    The separator and the encoding are detected; ``df.attrs`` records them.
    """
    if not os.path.isfile(path):
        raise TableError(f"{path}: file not found.")
    if os.path.getsize(path) == 0:
        raise TableError(f"{path}: the file is empty.")
    with open(path, "rb") as handle:
        data = handle.read()
    if b"\x00" in data[:65536]:
        raise TableError(
            f"{path}: this looks like a binary file, not a text table "
            "(save it as CSV, or load it in QGIS and pass the layer)."
        )
    # The whole file decides the encoding: one accented name on the last line is enough.
    encoding, text = _decode(data)
    separator = _detect_separator(text[:65536])
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=False,
            skip_blank_lines=False,  # kept, then dropped below, so that line numbers stay true
        )
    except pd.errors.ParserError as error:
        raise TableError(f"{path}: malformed table ({error}). Check the line it names.") from error
    except pd.errors.EmptyDataError as error:
        raise TableError(f"{path}: no header line found.") from error
    blank = (frame == "").all(axis=1)
    # Line 1 is the header; rows keep the number of the line they start on
    # (a quoted cell spanning several lines shifts the count after it).
    line_numbers = [line for line, is_blank in zip(range(2, len(frame) + 2), blank) if not is_blank]
    frame = frame[~blank].reset_index(drop=True)
    if frame.empty:
        raise TableError(f"{path}: the file has a header but no data rows.")
    frame.columns = [str(c).strip() for c in frame.columns]
    frame.attrs.update(path=path, encoding=encoding, separator=separator, line_numbers=line_numbers)
    return frame


def _decode(data):
    """(encoding, text): UTF-8 (with or without BOM) when the bytes allow it, else cp1252."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return encoding, data.decode(encoding)
        except UnicodeDecodeError:
            pass
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so nothing is refused.
    return "latin-1", data.decode("latin-1")


def _detect_separator(sample):
    header = sample.splitlines()[0] if sample else ""
    try:
        dialect = csv.Sniffer().sniff(sample[:8192], delimiters="".join(SEPARATORS))
        return dialect.delimiter
    except csv.Error:
        counts = {sep: header.count(sep) for sep in SEPARATORS}
        best = max(counts, key=counts.get)
        return best if counts[best] else ";"


def parse_number(text):
    """Float for a French or English number written as text; None when it is not one."""
    cleaned = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        return None
    if "," in cleaned and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def numeric_columns(frame, exclude=()):
    """Convert the columns that hold numbers; return (frame, secret_counts).

    A column is numeric when every non-empty cell is a number or a secrecy
    marker. ``secret_counts`` maps each converted column to the number of
    cells that were empty or secret and became missing.
    """
    converted = frame.copy()
    secret_counts = {}
    for column in frame.columns:
        if column in exclude or str(column).upper().startswith(IDENTIFIER_PREFIXES):
            continue
        values = frame[column].astype(str).str.strip()
        if values.str.match(_LEADING_ZERO_CODE).any():
            continue  # "01", "0123": codes whose zeros matter, not numbers
        missing = (values == "") | values.str.lower().isin(SECRET_MARKERS)
        parsed = values[~missing].map(parse_number)
        if len(parsed) == 0 or parsed.isna().any():
            continue
        numbers = pd.Series(float("nan"), index=frame.index, dtype="float64")
        numbers[~missing] = parsed.astype("float64")
        converted[column] = numbers
        secret_counts[column] = int(missing.sum())
    return converted, secret_counts
