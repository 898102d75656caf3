"""Joining tables onto the communes by INSEE code, accounting for every row.

Each table row ends up either matched to a commune or written to the report
with the reason (unmatched code, duplicate, invalid code); every re-coded key
and every column renamed to avoid a collision is reported too.
"""

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .codes import find_key_column, is_valid_code, normalise_code, plain_codes
from .messages import report_row, tr, translate_problems
from .plm import arrondissements_onto_cities, city_name
from .regroup import sum_onto
from .tables import TableError, numeric_columns

# Report problems: English constants (what the code and the tests compare), each
# written to the report in the user's language by problem_labels().
UNMATCHED = "unmatched"
ABSENT = "absent"
DUPLICATE = "duplicate"
RECODED = "re-coded"
INVALID = "invalid code"
RENAMED = "renamed column"
SECRET = "secret or empty"
SUMMED = "summed"
NOT_SUMMABLE = "not summable"
AMBIGUOUS = "ambiguous passage"
SHORT_ROW = "short row"


def problem_labels():
    """{problem constant: its label in the user's language}: people filter the report by it."""
    return {
        UNMATCHED: tr("unmatched"),
        ABSENT: tr("absent"),
        DUPLICATE: tr("duplicate"),
        RECODED: tr("re-coded"),
        INVALID: tr("invalid code"),
        RENAMED: tr("renamed column"),
        SECRET: tr("secret or empty"),
        SUMMED: tr("summed"),
        NOT_SUMMABLE: tr("not summable"),
        AMBIGUOUS: tr("ambiguous passage"),
        SHORT_ROW: tr("short row"),
    }


# Share of a department's codes the layer must hold for a missing code to look merged.
MERGED_HINT_COVERAGE = 0.9


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
    summed: int = 0
    merged_hints: int = 0
    secret_cells: int = 0
    columns_added: list = field(default_factory=list)

    def line(self):
        summed = tr("{summed} summed onto today's commune, ").format(summed=self.summed) if self.summed else ""
        merged = (tr("; {merged} unmatched codes look like communes merged since").format(merged=self.merged_hints)
                  if self.merged_hints else "")
        return tr(
            "{source}: {rows} rows read, {matched} matched, {summed}"
            "{unmatched} unmatched, {duplicates} duplicates, "
            "{invalid} invalid codes, {recoded} re-coded, "
            "{secret} secret or empty cells, {columns} columns added{merged}"
        ).format(source=self.source, rows=self.rows_read, matched=self.matched, summed=summed,
                 unmatched=self.unmatched, duplicates=self.duplicates, invalid=self.invalid,
                 recoded=self.recoded, secret=self.secret_cells, columns=len(self.columns_added), merged=merged)


@dataclass
class JoinResult:
    values: pd.DataFrame  # one row per commune of the layer, in layer order
    report: list  # dicts: source, line, code, problem, action
    summaries: list


def join_tables(layer_codes, tables, key_column=None, existing_columns=(), is_cancelled=None, passage=None,
                columns=None, prefixes=None):
    """Join ``tables`` (list of (source_name, DataFrame of text)) onto ``layer_codes``.

    ``existing_columns`` are the layer's own field names: a table column with
    the same name (any case) is renamed and reported. Arrondissements of
    Paris, Lyon and Marseille are summed onto their commune when the layer
    holds the commune and not the arrondissements; with ``passage`` (a
    ``mergers.Passage``) rows of communes merged since are summed onto
    today's code. ``columns`` (names, any case) keeps only those columns of
    each table that has them; ``prefixes`` (one per table, in order, '' for
    none) is put before each added column name. Raises ``TableError`` when a
    table has no key column or none of its codes match the layer, when a
    chosen column is in no table, or when there are more prefixes than tables.
    """
    layer_codes = list(layer_codes)
    plain = plain_codes(layer_codes)
    codes = pd.Series([c if ok else normalise_code(c) for c, ok in zip(layer_codes, plain)], dtype=object)
    layer_set = set(codes.dropna())
    taken = {str(c).upper() for c in existing_columns}
    joined = pd.DataFrame(index=codes.index)
    report, summaries = [], []
    prefixes = list(prefixes or [])
    if len(prefixes) > len(tables):
        raise TableError(tr("{prefixes} prefixes given for {tables} tables: give at most one per table.").format(
            prefixes=len(prefixes), tables=len(tables)))
    wanted_columns = _check_chosen_columns(tables, columns)

    for position, (source, frame) in enumerate(tables):
        if is_cancelled and is_cancelled():
            break
        key = find_key_column(frame.columns, key_column)
        if key is None:
            columns_found = ", ".join(map(str, frame.columns))
            if key_column:
                raise TableError(tr("{source}: no '{key}' found. Columns found: {columns}.").format(
                    source=source, key=key_column, columns=columns_found))
            raise TableError(tr("{source}: no commune code column (CODGEO, DEPCOM, INSEE_COM, …) found. "
                                "Columns found: {columns}.").format(source=source, columns=columns_found))
        if wanted_columns is not None:
            kept = [c for c in frame.columns if c == key or str(c).strip().upper() in wanted_columns]
            frame = _with_attrs(frame[kept], frame)
        prefix = prefixes[position].strip() if position < len(prefixes) else ""
        summary = TableSummary(source=source, key_column=key, rows_read=len(frame))
        _report_short_rows(source, frame, key, report)
        table = _keyed_rows(source, frame, key, summary, report)
        table, secret_counts = numeric_columns(table, exclude=("__line",))
        table["__own"] = True
        table, superseded = _sum_onto_today(source, table, layer_set, passage, summary, report)
        if table.empty or not layer_set.intersection(table.index):
            raise TableError(_nothing_matched_message(source, frame[key], codes))

        summary.secret_cells = sum(secret_counts.values())
        for column, count in secret_counts.items():
            if count:
                report.append(report_row(source, None, None, SECRET,
                                   tr("{count} cells of {column} left empty (NULL)").format(
                                       count=count, column=column)))

        in_layer = table.index.isin(layer_set)
        summary.matched = int((in_layer & table["__own"].astype(bool)).sum())
        summary.unmatched = int((~in_layer).sum())
        looks_merged = _looks_merged(table.index, in_layer)
        not_in_layer = tr("row not joined: no commune with this code in the layer")
        for code in table.index[~in_layer]:
            line = int(table.at[code, "__line"])
            if code in superseded:
                city = superseded[code]
                action = tr("row not joined: arrondissement of {city}; "
                            "the table's own row for {code} was used").format(city=city_name(city), code=city)
            elif code in looks_merged:
                summary.merged_hints += 1
                remedy = (tr("the table de passage does not list it") if passage
                          else tr("a table de passage sums it onto today's commune"))
                action = tr("row not joined: no commune with this code in the layer, which holds the other codes "
                            "of its department: it looks like a commune merged since the table's year "
                            "({remedy})").format(remedy=remedy)
            else:
                action = not_in_layer
            report.append(report_row(source, line, code, UNMATCHED, action))
        covered = {_department(c) for c in looks_merged}
        kept = tr("commune kept, its columns from this table left empty (NULL)")
        kept_new = tr("commune kept, its columns from this table left empty (NULL); its department has codes "
                      "that look merged: it may be a commune created since the table's year, which a table de "
                      "passage fills from its former communes")
        for code in sorted(layer_set.difference(table.index)):
            action = kept_new if _department(code) in covered else kept
            report.append(report_row(source, None, code, ABSENT, action))

        renamed = {}
        for column in table.columns:
            if column in PRIVATE:
                continue
            name = _free_name(f"{prefix}{column}", taken)
            taken.add(name.upper())
            renamed[column] = name
            if name != f"{prefix}{column}":
                report.append(report_row(source, None, None, RENAMED,
                                   tr("column {column} renamed {name}: the name was already taken").format(
                                       column=f"{prefix}{column}", name=name)))
        summary.columns_added = list(renamed.values())
        table = table.drop(columns=list(PRIVATE)).rename(columns=renamed)
        joined = joined.join(table.reindex(codes).reset_index(drop=True))
        summaries.append(summary)

    return JoinResult(values=joined, report=translate_problems(report, problem_labels()), summaries=summaries)


PRIVATE = ("__line", "__own")


def _check_chosen_columns(tables, columns):
    """Upper-cased chosen names, or None for all; a name in no table is an error."""
    if not columns:
        return None
    wanted = {str(c).strip().upper() for c in columns if str(c).strip()}
    found = {str(c).strip().upper() for _, frame in tables for c in frame.columns}
    missing = sorted(wanted - found)
    if missing:
        available = ", ".join(dict.fromkeys(str(c) for _, frame in tables for c in frame.columns))
        raise TableError(tr("chosen columns in no table: {missing}. Columns found: {available}.").format(
            missing=", ".join(missing), available=available))
    return wanted


def _with_attrs(subset, frame):
    subset = subset.copy()
    subset.attrs.update(frame.attrs)
    return subset


def _sum_onto_today(source, table, layer_set, passage, summary, report):
    """Arrondissements and merged communes summed onto the layer's commune.

    Returns (table, superseded): ``superseded`` maps the arrondissements left
    unjoined because the table has its own row for their city.
    """
    moves, reasons, superseded = {}, {}, {}
    for code, city in arrondissements_onto_cities(table.index, layer_set).items():
        if city in table.index:
            superseded[code] = city  # summing would count the city twice
        else:
            moves[code] = city
            reasons[code] = tr("arrondissement of {city}").format(city=city_name(city))
    if passage is not None:
        old, new, mapping, ambiguous = passage.mapping_for(table.index, layer_set)
        for code in table.index:
            target = mapping.get(code)
            if code in layer_set or code in moves or code in superseded or target not in layer_set:
                continue
            moves[code] = target
            reasons[code] = tr("commune merged since: {passage}, {old} -> {new}").format(
                passage=passage.source, old=old, new=new)
        for code in set(ambiguous).intersection(table.index).difference(layer_set):
            report.append(report_row(source, int(table.at[code, "__line"]), code, AMBIGUOUS,
                               tr("{passage} gives several new codes for it ({old} -> {new}): not summed").format(
                                   passage=passage.source, old=old, new=new)))
    lines = {code: table.at[code, "__line"] for code in moves}
    table, details = sum_onto(table, moves, private=PRIVATE)
    table.loc[[t for t in details if pd.isna(table.at[t, "__own"])], "__own"] = False
    for code, target in sorted(moves.items(), key=lambda item: lines[item[0]]):
        summary.summed += 1
        report.append(report_row(source, int(lines[code]), code, SUMMED,
                           tr("row summed onto {code} ({reason})").format(code=target, reason=reasons[code])))
    for target, (not_summable, missing_part) in details.items():
        if not_summable:
            names = ", ".join(map(str, not_summable))
            report.append(report_row(source, None, target, NOT_SUMMABLE,
                               tr("columns left empty, they cannot be summed from the parts: {columns}").format(
                                   columns=names)))
        if missing_part:
            report.append(report_row(source, None, target, SECRET,
                               tr("columns left empty, a part is secret or empty: {columns}").format(
                                   columns=", ".join(map(str, missing_part)))))
    return table, superseded


def _department(code):
    return code[:3] if code.startswith("97") else code[:2]


def _looks_merged(table_codes, in_layer):
    """Codes missing from the layer in departments whose other codes the layer holds."""
    departments = pd.Series([c[:3] if c.startswith("97") else c[:2] for c in table_codes])  # _department, inlined
    coverage = pd.Series(in_layer).groupby(departments).mean()
    covered = set(coverage[coverage >= MERGED_HINT_COVERAGE].index)
    return {code for code, inside in zip(table_codes, in_layer) if not inside and _department(code) in covered}


def _report_short_rows(source, frame, key, report):
    short = frame.attrs.get("short_lines") or ()
    if not short:
        return
    lines = list(frame.attrs.get("line_numbers") or range(2, len(frame) + 2))
    codes = dict(zip(lines, frame[key]))
    action = tr("the line has fewer cells than the header: the missing cells are left empty")
    for line in short:
        report.append(report_row(source, line, normalise_code(codes.get(line)), SHORT_ROW, action))


def _keyed_rows(source, frame, key, summary, report):
    """Rows indexed by normalised code, invalid and duplicate rows reported and dropped."""
    # Line numbers in the file when the reader kept them, else header = 1, first row = 2.
    lines = frame.attrs.get("line_numbers") or range(2, len(frame) + 2)
    rows = frame.copy()
    rows["__line"] = list(lines)
    raw = rows[key].astype(str)
    # Codes already valid as written need no repair: only the others go through normalise_code.
    plain = plain_codes(raw.tolist())
    other = ~plain
    normalised = raw.astype(object)  # None for a code that cannot be read (a text column would make it NaN)
    normalised[other] = raw[other].map(normalise_code).to_numpy(dtype=object)
    recoded = tr("code '{before}' read as '{after}'")
    for line, before, after in zip(rows["__line"][other], raw[other], normalised[other]):
        if after is not None and after != before and is_valid_code(after):
            summary.recoded += 1
            report.append(report_row(source, line, after, RECODED, recoded.format(before=before, after=after)))
    valid = pd.Series(plain, index=raw.index)
    valid[other] = normalised[other].map(is_valid_code).to_numpy(dtype=bool)
    not_a_code = tr("row not joined: not a commune code")
    for line, before in zip(rows["__line"][~valid], raw[~valid]):
        summary.invalid += 1
        report.append(report_row(source, int(line), before, INVALID, not_a_code))
    rows = rows[valid].assign(**{key: normalised[valid]})
    duplicated = rows[key].duplicated(keep="first")
    first_kept = tr("row not joined: the first row with this code was kept")
    for line, code in zip(rows["__line"][duplicated], rows[key][duplicated]):
        summary.duplicates += 1
        report.append(report_row(source, int(line), code, DUPLICATE, first_kept))
    return rows[~duplicated].set_index(key)


def _free_name(column, taken):
    name, suffix = str(column), 2
    while name.upper() in taken:
        name = f"{column}_{suffix}"
        suffix += 1
    return name


_IRIS = re.compile(r"^(\d{5}|2[AB]\d{3})\d{4}$")  # an IRIS: the commune's code and four digits


def _mostly_iris(codes):
    values = [str(c).strip().upper() for c in codes if c is not None and str(c).strip()]
    return bool(values) and sum(1 for v in values if _IRIS.match(v)) * 2 > len(values)


def _nothing_matched_message(source, table_codes, layer_codes):
    sample_table = ", ".join(map(str, table_codes.astype(str).head(5)))
    sample_layer = ", ".join(map(str, layer_codes.dropna().head(5)))
    if _mostly_iris(table_codes.tolist()) or _mostly_iris(layer_codes.dropna().tolist()):
        return tr(
            "{source}: no row can be joined, because these are IRIS codes (9 characters, e.g. {example}), not "
            "commune codes (5 characters): join_tables joins tables per commune, onto a layer of communes. "
            "Sum the IRIS rows per commune first (aggregate_bpe does it for a BPE file by DCIRIS) and use a "
            "commune layer. Codes in the table look like: {table_codes}; codes in the layer look like: "
            "{layer_codes}."
        ).format(source=source, example=next((c for c in list(table_codes.astype(str)) + list(
            layer_codes.dropna().astype(str)) if _IRIS.match(c.strip().upper())), ""),
            table_codes=sample_table, layer_codes=sample_layer)
    return tr(
        "{source}: none of its commune codes matches the layer. Codes in the table look "
        "like: {table_codes}; codes in the layer look like: {layer_codes}. Check the "
        "code field of the layer and the key column of the table."
    ).format(source=source, table_codes=sample_table, layer_codes=sample_layer)
