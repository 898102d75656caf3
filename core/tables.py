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
import zipfile

import numpy as np
import pandas as pd

from .messages import tr

SEPARATORS = (";", ",", "\t", "|")
# Markers INSEE and agencies use for secret or unavailable values.
SECRET_MARKERS = frozenset({"s", "nd", "n.d.", "secret", "se", "c", "na", "n/a", "nan", "-", "x"})
# Columns that hold identifiers, not quantities: kept as text even when all digits.
IDENTIFIER_PREFIXES = ("COD", "DEP", "REG", "SIREN", "SIRET", "EPCI", "INSEE", "IRIS", "DCIRIS", "TYPEQU", "LIB", "NOM")


_LEADING_ZERO_CODE = re.compile(r"^0\d+$")
# The same tests on a column's cells joined by NUL: a cell starts after a NUL
# (or at the start) and ends before one (or at the end). \s is what str.strip removes.
_CELL_SEPARATOR = "\x00"
_EDGE_SPACE = re.compile(r"(?<![^\x00])\s|\s(?![^\x00])")
# Led by the literal 0, which the regex engine finds fast; the lookbehind then checks a cell starts there.
_JOINED_ZERO_CODE = re.compile(r"0(?<![^\x00]0)\d+(?![^\x00])")


class TableError(Exception):
    """A table that cannot be read, with a message for the user."""


def read_table(path):
    """Read a CSV/TXT file into a DataFrame of text cells ('' for empty).

    The separator and the encoding are detected; ``df.attrs`` records them.
    """
    if not os.path.isfile(path):
        raise TableError(tr("{path}: file not found.").format(path=path))
    if os.path.getsize(path) == 0:
        raise TableError(tr("{path}: the file is empty.").format(path=path))
    if zipfile.is_zipfile(path):
        path, data = _zip_member(path)
    else:
        with open(path, "rb") as handle:
            data = handle.read()
    if b"\x00" in data[:65536]:
        raise TableError(tr(
            "{path}: this looks like a binary file, not a text table "
            "(save it as CSV, or load it in QGIS and pass the layer)."
        ).format(path=path))
    # The whole file decides the encoding: one accented name on the last line is enough.
    encoding, text = _decode(data)
    separator = _detect_separator(text[:65536])
    try:
        frame = pd.read_csv(
            io.BytesIO(data),  # pandas decodes the bytes itself, faster than from the text
            encoding=encoding,
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=False,
            skip_blank_lines=False,  # kept, then dropped below, so that line numbers stay true
            na_filter=False,  # no NA markers at all: skipping the search is faster
        )
    except pd.errors.ParserError as error:
        raise TableError(_parser_message(path, str(error), separator)) from error
    except pd.errors.EmptyDataError as error:
        raise TableError(tr("{path}: no header line found.").format(path=path)) from error
    # Only rows with an empty first cell can be blank: the other cells are compared for those alone.
    blank = (frame.iloc[:, 0] == "").to_numpy(dtype=bool, copy=True)
    if blank.any():
        blank[blank] = (frame[blank] == "").all(axis=1).to_numpy(dtype=bool)
    # Rows keep the number of the line they start on in the file (line 1 is the header;
    # a quoted cell spanning several lines moves the next rows' numbers on).
    lengths, starts = _record_layout(text, separator, width=len(frame.columns))
    if len(starts) != len(frame) + 1:  # the csv module and pandas disagree on records: count rows
        lengths, starts = lengths[:len(frame) + 1], list(range(1, len(frame) + 2))
    record_starts = _int_array(starts[1:])
    line_numbers = record_starts[~blank].tolist()
    if blank.any():
        frame = frame[~blank].reset_index(drop=True)
    if frame.empty:
        raise TableError(tr("{path}: the file has a header but no data rows.").format(path=path))
    frame.columns = [str(c).strip() for c in frame.columns]
    # Rows with fewer cells than the header: pandas fills them silently; kept, their lines noted for the report.
    width = len(frame.columns)
    cells = np.asarray(lengths[1:], dtype=np.int64)
    short_lines = record_starts[(cells > 0) & (cells < width)].tolist()
    frame.attrs.update(path=path, encoding=encoding, separator=separator, line_numbers=line_numbers,
                       short_lines=short_lines)
    return frame


def _int_array(values):
    """``values`` (a list, or a range: the usual line numbers) as an int64 array, a range without a Python loop."""
    if isinstance(values, range):
        return np.arange(values.start, values.stop, values.step, dtype=np.int64)
    return np.asarray(values, dtype=np.int64)


def zip_table(archive, path):
    """The table of a zip as INSEE publishes it: its largest CSV (the data, not the list of variables
    next to it). ``archive`` is an open ZipFile; TableError when it holds none."""
    tables = [info for info in archive.infolist()
              if not info.is_dir() and os.path.splitext(info.filename)[1].lower() in (".csv", ".txt")]
    if not tables:
        raise TableError(tr("{path}: the zip holds no CSV file (it holds: {names}).").format(
            path=path, names=", ".join(archive.namelist()[:10]) or tr("nothing")))
    return max(tables, key=lambda info: info.file_size)


def _zip_member(path):
    """(``archive.zip/member.csv``, its bytes): a zip read without unpacking (see zip_table)."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = zip_table(archive, path)
            data = archive.read(member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise TableError(tr("{path}: the zip cannot be read ({error}). Unpack it and give the CSV file.").format(
            path=path, error=error)) from error
    if not data:
        raise TableError(tr("{path}: the file is empty.").format(path=f"{path}/{member.filename}"))
    return f"{path}/{member.filename}", data


def _record_layout(text, separator, width=None):
    """(cells of each record (a list or an array), line each record starts on), as the csv module reads them
    (0 cells: blank).

    ``width``: the header's cells, when pandas has read the file (no line then holds more).
    """
    unix = text.replace("\r\n", "\n")
    # Without quotes, lone carriage returns, NULs or huge cells (where the csv
    # module parses or refuses differently) a line is a record and its cells are its separators + 1.
    lengths = None if ('"' in text or "\r" in unix or "\x00" in text) else _line_lengths(unix)
    # A line's bytes are at least its characters: a line over the limit in bytes only goes to the csv module too.
    if lengths is None or (len(lengths) and int(lengths.max()) > csv.field_size_limit()):
        # The csv module refuses cells over its field size limit (128 KB); pandas read them: so may it.
        limit = csv.field_size_limit()
        csv.field_size_limit(max(limit, len(text) + 1))
        try:
            reader = csv.reader(io.StringIO(text), delimiter=separator)
            cells, starts, previous = [], [], 0
            for row in reader:
                cells.append(len(row))
                starts.append(previous + 1)
                previous = reader.line_num
        finally:
            csv.field_size_limit(limit)
        return cells, starts
    starts = range(1, len(lengths) + 1)
    empty = lengths == 0
    blank = int(empty.sum())
    if width and unix.count(separator) == (width - 1) * (len(lengths) - blank):
        # No line holds more cells than the header (pandas refuses those), and together they hold as many
        # separators as full lines would: every line that is not blank is full, none was counted one by one.
        return np.where(empty, 0, width), starts
    lines = unix.split("\n")
    return [line.count(separator) + 1 if line else 0 for line in lines[:len(lengths)]], starts


def _line_lengths(text):
    """The length in bytes (UTF-8) of each line of ``text`` (lines end with "\n"; the final line end does not
    start a line), found by numpy: splitting a long file into line strings cost more than reading it."""
    raw = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    ends = np.flatnonzero(raw == 10)
    lengths = np.diff(np.concatenate(([-1], ends, [len(raw)]))) - 1
    return lengths[:-1] if lengths[-1] == 0 else lengths


_TOO_MANY = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def _parser_message(path, error, separator):
    shown = tr("tab") if separator == "\t" else separator
    too_many = _TOO_MANY.search(error)
    if too_many:
        expected, line, seen = too_many.groups()
        return tr("{path}, line {line}: {seen} cells where the header has {expected} (separator '{separator}'). "
                  "A value holding the separator must be quoted; fix or remove that line.").format(
            path=path, line=line, seen=seen, expected=expected, separator=shown)
    open_quote = _OPEN_QUOTE.search(error)
    if open_quote:
        return tr("{path}, line {line}: a quoted value opens there and is never closed: "
                  "the file is truncated or a quote is missing. Download or export it again.").format(
            path=path, line=int(open_quote.group(1)) + 1)
    # pandas' own words name the line: they stay as pandas wrote them.
    return tr("{path}: malformed table ({error}). Check the line it names.").format(path=path, error=error.strip())


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
    numeric = {}
    secret_counts = {}
    for column in frame.columns:
        if column in exclude or str(column).upper().startswith(IDENTIFIER_PREFIXES):
            continue
        if frame[column].dtype.kind == "f":  # numbers already (a layer's number field): nothing to read
            numeric[column] = frame[column]
            secret_counts[column] = int(frame[column].isna().sum())
            continue
        values = frame[column].astype(str)
        # One regex over the joined column instead of a Python call per cell.
        joined = _joined(values)
        if joined is None or (_has_space(joined) and _EDGE_SPACE.search(joined)):
            values = values.str.strip()
            joined = _joined(values)
        if joined is None:
            zero_led = values.str.startswith("0")
            if zero_led.any() and values[zero_led].str.match(_LEADING_ZERO_CODE).any():
                continue
        elif _JOINED_ZERO_CODE.search(joined):
            continue  # "01", "0123": codes whose zeros matter, not numbers
        # Plain numbers in one vectorised pass; only the rest (decimal comma,
        # thousands spaces, secrecy markers, words) cell by cell.
        numbers = _plain_numbers(values, joined)
        plain = numbers.to_numpy()
        if np.isinf(plain).any():
            continue  # 'inf' is not a figure INSEE publishes: keep the column as text
        gaps = np.isnan(plain)
        if not gaps.any():  # every cell a plain number (a count column): nothing else to read
            numeric[column] = numbers
            secret_counts[column] = 0
            continue
        # An empty cell is always NaN here: only the missing ones are compared with "".
        missing = values[gaps]
        empty = missing == ""
        rest = missing[~empty]
        secret = rest.str.lower().isin(SECRET_MARKERS)
        parsed = rest[~secret].map(parse_number)
        if parsed.isna().any() or int((~gaps).sum()) + len(parsed) == 0:
            continue
        if len(parsed):
            numbers[parsed.index] = parsed.astype("float64")
        numeric[column] = numbers
        secret_counts[column] = int(empty.sum() + secret.sum())
    if not numeric or not frame.columns.is_unique:
        converted = frame.copy()
        for column, numbers in numeric.items():
            converted[column] = numbers
        return converted, secret_counts
    # One new frame: replacing columns one at a time copies the rest of the text block each time.
    converted = pd.concat([numeric.get(column, frame[column]) for column in frame.columns], axis=1)
    converted.columns = frame.columns
    converted.index = frame.index
    return converted.__finalize__(frame), secret_counts


def _plain_numbers(values, joined):
    """The cells as floats, NaN where a cell is not a plain number (empty, secret, decimal comma…)."""
    # Most INSEE columns are plain numbers with empty cells: numpy converts those at C speed.
    # Python's float() would also take "1_000", which is not a number in a table: left to pandas.
    if joined is not None and "_" not in joined:
        cells = values.to_numpy(dtype=object, copy=True)
        cells[cells == ""] = "nan"
        try:
            return pd.Series(cells.astype("float64"), index=values.index)
        except ValueError:
            pass
    return pd.to_numeric(values, errors="coerce").astype("float64")


def _joined(values):
    """The cells joined by NUL, or None when a cell holds a NUL itself (then tested cell by cell)."""
    joined = _CELL_SEPARATOR.join(values.tolist())
    return joined if joined.count(_CELL_SEPARATOR) == max(len(values) - 1, 0) else None


def _has_space(text):
    # str.split stops at the first whitespace (the set str.strip removes), far faster than a regex scan.
    return bool(text) and (text[0].isspace() or len(text.split(None, 1)[0]) != len(text))


def table_from_rows(rows, line_numbers, source, key_column=None):
    """A DataFrame of text from spreadsheet rows (lists of cells, None for empty), header found by content.

    Title lines above the header are skipped: the header is the first row
    naming a commune-code column (``key_column`` when given), else the first
    of the fullest rows among the first 50. ``line_numbers`` are the rows'
    numbers in the sheet, kept for the report.
    """
    from .codes import find_key_column

    cells = [["" if c is None else str(c).strip() for c in row] for row in rows]
    filled = [sum(1 for c in row if c) for row in cells]
    if not any(filled):
        raise TableError(tr("{source}: the sheet is empty.").format(source=source))
    head = range(min(len(cells), 50))
    header_at = next((i for i in head if find_key_column([c for c in cells[i] if c], key_column)), None)
    if header_at is None:
        fullest = max(filled[i] for i in head)
        header_at = next(i for i in head if filled[i] == fullest)
    width = max(len(row) for row in cells)
    header = cells[header_at] + [""] * (width - len(cells[header_at]))
    data = [(line, row + [""] * (width - len(row))) for line, row, count
            in zip(line_numbers[header_at + 1:], cells[header_at + 1:], filled[header_at + 1:]) if count]
    if not data:
        raise TableError(tr("{source}: the header (line {line}) has no data rows below it.").format(
            source=source, line=line_numbers[header_at]))
    used = [j for j in range(width) if header[j] or any(row[j] for _, row in data)]
    names, seen = [], set()
    for j in used:
        name = header[j] or f"COLUMN_{j + 1}"
        while name.upper() in seen:  # two columns with one title: the second gets the column number
            name = f"{name}_{j + 1}"
        seen.add(name.upper())
        names.append(name)
    frame = pd.DataFrame([[row[j] for j in used] for _, row in data], columns=names)
    frame.attrs.update(path=source, line_numbers=[line for line, _ in data], header_line=line_numbers[header_at])
    return frame
