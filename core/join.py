"""Joining tables onto the communes by INSEE code, accounting for every row.

Each table row ends up either matched to a commune or written to the report
with the reason (unmatched code, duplicate, invalid code); every re-coded key
and every column renamed to avoid a collision is reported too.
"""

from dataclasses import dataclass, field

import pandas as pd

from .codes import find_key_column, is_valid_code, normalise_code
from .tables import TableError, numeric_columns

UNMATCHED = "unmatched"
ABSENT = "absent"
DUPLICATE = "duplicate"
RECODED = "re-coded"
INVALID = "invalid code"
RENAMED = "renamed column"
SECRET = "secret or empty"


@dataclass
class TableSummary:
    source: str
    key_column: str
    rows_read: int = 0
    matched: int = 0
    unmatched: int = 0
    duplicates: int = 0
    invalid: int = 0
    recoded: int = 0
    secret_cells: int = 0
    columns_added: list = field(default_factory=list)

    def line(self):
        return (
            f"{self.source}: {self.rows_read} rows read, {self.matched} matched, "
            f"{self.unmatched} unmatched, {self.duplicates} duplicates, "
            f"{self.invalid} invalid codes, {self.recoded} re-coded, "
            f"{self.secret_cells} secret or empty cells, {len(self.columns_added)} columns added"
        )


@dataclass
class JoinResult:
    values: pd.DataFrame  # one row per commune of the layer, in layer order
    report: list  # dicts: source, line, code, problem, action
    summaries: list


def join_tables(layer_codes, tables, key_column=None, existing_columns=(), is_cancelled=None):
    """Join ``tables`` (list of (source_name, DataFrame of text)) onto ``layer_codes``.

    ``existing_columns`` are the layer's own field names: a table column with
    the same name (any case) is renamed and reported. Raises ``TableError``
    when a table has no key column or none of its codes match the layer.
    """
    codes = pd.Series([normalise_code(c) for c in layer_codes], dtype=object)
    layer_set = set(codes.dropna())
    taken = {str(c).upper() for c in existing_columns}
    joined = pd.DataFrame(index=codes.index)
    report, summaries = [], []

    for source, frame in tables:
        if is_cancelled and is_cancelled():
            break
        key = find_key_column(frame.columns, key_column)
        if key is None:
            wanted = f"'{key_column}'" if key_column else "a commune code column (CODGEO, DEPCOM, INSEE_COM, …)"
            raise TableError(
                f"{source}: no {wanted} found. Columns found: {', '.join(map(str, frame.columns))}."
            )
        summary = TableSummary(source=source, key_column=key, rows_read=len(frame))
        table = _keyed_rows(source, frame, key, summary, report)
        if table.empty or not layer_set.intersection(table.index):
            raise TableError(_nothing_matched_message(source, frame[key], codes))

        table, secret_counts = numeric_columns(table, exclude=("__line",))
        summary.secret_cells = sum(secret_counts.values())
        for column, count in secret_counts.items():
            if count:
                report.append(_row(source, None, None, SECRET,
                                   f"{count} cells of {column} left empty (NULL)"))

        matched = table.index.isin(layer_set)
        summary.matched = int(matched.sum())
        summary.unmatched = int((~matched).sum())
        for code in table.index[~matched]:
            report.append(_row(source, int(table.at[code, "__line"]), code, UNMATCHED,
                               "row not joined: no commune with this code in the layer"))
        for code in sorted(layer_set.difference(table.index)):
            report.append(_row(source, None, code, ABSENT,
                               "commune kept, its columns from this table left empty (NULL)"))

        renamed = {}
        for column in table.columns:
            if column == "__line":
                continue
            name = _free_name(column, taken)
            taken.add(name.upper())
            renamed[column] = name
            if name != column:
                report.append(_row(source, None, None, RENAMED,
                                   f"column {column} renamed {name}: the name was already taken"))
        summary.columns_added = list(renamed.values())
        table = table.drop(columns="__line").rename(columns=renamed)
        joined = joined.join(table.reindex(codes).reset_index(drop=True))
        summaries.append(summary)

    return JoinResult(values=joined, report=report, summaries=summaries)


def _keyed_rows(source, frame, key, summary, report):
    """Rows indexed by normalised code, invalid and duplicate rows reported and dropped."""
    # Line numbers in the file when the reader kept them, else header = 1, first row = 2.
    lines = frame.attrs.get("line_numbers") or range(2, len(frame) + 2)
    rows = frame.copy()
    rows["__line"] = list(lines)
    raw = rows[key].astype(str)
    normalised = raw.map(normalise_code)
    for line, before, after in zip(rows["__line"], raw, normalised):
        if after is not None and after != before and is_valid_code(after):
            summary.recoded += 1
            report.append(_row(source, line, after, RECODED, f"code '{before}' read as '{after}'"))
    valid = normalised.map(is_valid_code)
    for line, before in zip(rows["__line"][~valid], raw[~valid]):
        summary.invalid += 1
        report.append(_row(source, int(line), before, INVALID, "row not joined: not a commune code"))
    rows = rows[valid].assign(**{key: normalised[valid]})
    duplicated = rows[key].duplicated(keep="first")
    for line, code in zip(rows["__line"][duplicated], rows[key][duplicated]):
        summary.duplicates += 1
        report.append(_row(source, int(line), code, DUPLICATE,
                           "row not joined: the first row with this code was kept"))
    return rows[~duplicated].set_index(key)


def _free_name(column, taken):
    name, suffix = str(column), 2
    while name.upper() in taken:
        name = f"{column}_{suffix}"
        suffix += 1
    return name


def _nothing_matched_message(source, table_codes, layer_codes):
    sample_table = ", ".join(map(str, table_codes.astype(str).head(5)))
    sample_layer = ", ".join(map(str, layer_codes.dropna().head(5)))
    return (
        f"{source}: none of its commune codes matches the layer. Codes in the table look "
        f"like: {sample_table}; codes in the layer look like: {sample_layer}. Check the "
        "code field of the layer and the key column of the table."
    )


def _row(source, line, code, problem, action):
    return {"source": source, "line": line, "code": code, "problem": problem, "action": action}
