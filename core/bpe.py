"""BPE (Base permanente des équipements) in INSEE's long layout -> counts per commune.

One row per commune (or IRIS: DCIRIS is cut to its commune) and equipment
type (TYPEQU) with NB_EQUIP becomes one row per commune with the total, the
count per domain (the first letter of TYPEQU: A services, B shops,
C education, D health and social, E transport, F sport and culture, G
tourism), per gamme (proximité, intermédiaire, supérieure, from an editable
list of a given year) and the number of distinct equipment types. Without
NB_EQUIP (INSEE's detailed file, one row per equipment) each row counts one.
"""

import os
import re
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from .codes import find_key_column, is_valid_code, normalise_code
from .messages import tr, translate_problems
from .plm import CITIES
from .tables import TableError, parse_number, read_table

DOMAINS = tuple("ABCDEFG")
COMMUNE_COLUMNS = ("DEPCOM", "CODGEO", "COM")
GAMMES = ("proximité", "intermédiaire", "supérieure")
GAMMES_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "bpe", "gammes_2021.csv")
TOTAL_COLUMN = "NB_EQUIP_TOTAL"
OUT_OF_GAMME_COLUMN = "NB_EQUIP_HORS_GAMME"
TYPES_COLUMN = "NB_TYPEQU"
_TYPEQU = re.compile(r"^[A-G]\d{3}$")

# Report problems (same vocabulary as the join report): English constants, written in the
# user's language by problem_labels().
INVALID = "invalid code"
INVALID_TYPE = "invalid equipment type"
NOT_NUMERIC = "not numeric"
OTHER_YEAR = "other year"
SUMMED = "summed"
NO_GAMME = "no gamme"


def problem_labels():
    """{problem constant: its label in the user's language}."""
    return {
        INVALID: tr("invalid code"),
        INVALID_TYPE: tr("invalid equipment type"),
        NOT_NUMERIC: tr("not numeric"),
        OTHER_YEAR: tr("other year"),
        SUMMED: tr("summed"),
        NO_GAMME: tr("no gamme"),
    }


def gamme_column(gamme):
    """NB_EQUIP_PROXIMITE for 'proximité': plain ASCII field names."""
    ascii_name = unicodedata.normalize("NFKD", gamme).encode("ascii", "ignore").decode()
    return "NB_EQUIP_" + ascii_name.upper()


def load_gammes(path=None):
    """{TYPEQU: gamme} from a gamme file (TYPEQU;GAMME;…), the shipped 2021 lists by default."""
    path = path or GAMMES_FILE
    frame = read_table(path)
    upper = {str(c).upper(): c for c in frame.columns}
    missing = [name for name in ("TYPEQU", "GAMME") if name not in upper]
    if missing:
        raise TableError(tr(
            "{path}: a gamme file needs the columns TYPEQU and GAMME (missing: {missing}). "
            "Columns found: {columns}."
        ).format(path=path, missing=", ".join(missing), columns=", ".join(frame.columns)))
    gammes = {}
    lines = frame.attrs.get("line_numbers") or range(2, len(frame) + 2)
    for line, typequ, gamme in zip(lines, frame[upper["TYPEQU"]], frame[upper["GAMME"]]):
        typequ, gamme = typequ.strip().upper(), gamme.strip().lower()
        if gamme not in GAMMES:
            raise TableError(tr("{path}, line {line}: gamme '{gamme}' is not one of {gammes}.").format(
                path=path, line=line, gamme=gamme, gammes=", ".join(GAMMES)))
        if gammes.get(typequ, gamme) != gamme:
            raise TableError(tr("{path}, line {line}: {typequ} is in two gammes ({first}, {second}).").format(
                path=path, line=line, typequ=typequ, first=gammes[typequ], second=gamme))
        gammes[typequ] = gamme
    return gammes


@dataclass
class BpeSummary:
    source: str
    code_column: str
    rows_read: int = 0
    rows_used: int = 0
    invalid: int = 0
    invalid_types: int = 0
    not_numeric: int = 0
    other_year: int = 0
    summed: int = 0
    year: str = None
    communes: int = 0
    equipment: int = 0
    types_without_gamme: list = field(default_factory=list)

    def line(self):
        return tr(
            "{source}: {rows} rows read, {used} used, {invalid} invalid codes, "
            "{invalid_types} invalid equipment types, {not_numeric} not numeric, "
            "{other_year} of another year, {summed} arrondissement rows summed onto their commune; "
            "{equipment} equipments in {communes} communes"
        ).format(source=self.source, rows=self.rows_read, used=self.rows_used, invalid=self.invalid,
                 invalid_types=self.invalid_types, not_numeric=self.not_numeric, other_year=self.other_year,
                 summed=self.summed, equipment=self.equipment, communes=self.communes)


@dataclass
class BpeResult:
    table: pd.DataFrame  # DEPCOM (text), then integer counts
    report: list  # dicts: source, line, code, problem, action (as the join report)
    summary: BpeSummary


def aggregate(frame, source="BPE", gammes=None, year=None, sum_arrondissements=False):
    """One row per commune: NB_EQUIP_TOTAL, A…G, per gamme, out of gamme, NB_TYPEQU.

    ``frame`` holds text cells as ``read_table`` gives them. ``year`` keeps
    the rows of that AN (default: the latest year of the file). Every row
    left out is reported; ``sum_arrondissements`` counts the arrondissements
    of Paris, Lyon and Marseille in their commune (distinct types counted
    once for the whole city).
    """
    gammes = load_gammes() if gammes is None else gammes
    upper = {str(c).strip().upper(): c for c in frame.columns}
    code_column = next((upper[name] for name in COMMUNE_COLUMNS if name in upper), None)
    if code_column is None:
        code_column = upper.get("DCIRIS") or find_key_column(frame.columns, None)
    if code_column is None:
        raise TableError(tr("{source}: no DEPCOM or DCIRIS column. Columns found: {columns}.").format(
            source=source, columns=", ".join(map(str, frame.columns))))
    if "TYPEQU" not in upper:
        raise TableError(tr(
            "{source}: no TYPEQU column: is it a BPE file in INSEE's long layout (DEPCOM, TYPEQU, NB_EQUIP)? "
            "Columns found: {columns}."
        ).format(source=source, columns=", ".join(map(str, frame.columns))))
    summary = BpeSummary(source=source, code_column=str(code_column), rows_read=len(frame))
    report = []
    lines = pd.Series(list(frame.attrs.get("line_numbers") or range(2, len(frame) + 2)), index=frame.index)

    raw = frame[code_column].astype(str)
    is_iris = str(code_column).strip().upper() == "DCIRIS"
    codes = (raw.str.strip().str[:5] if is_iris else raw).map(normalise_code)
    types = frame[upper["TYPEQU"]].astype(str).str.strip().str.upper()
    if "NB_EQUIP" in upper:
        counts = frame[upper["NB_EQUIP"]].map(parse_number).astype("float64")
    else:
        counts = pd.Series(1.0, index=frame.index)
    keep = pd.Series(True, index=frame.index)

    if "AN" in upper:
        years = frame[upper["AN"]].astype(str).str.strip()
        found = sorted(y for y in years.unique() if y)
        if year is not None and str(year) not in found:
            raise TableError(tr("{source}: no row of year {year}. Years in the file: {years}.").format(
                source=source, year=year, years=", ".join(found) or tr("none")))
        summary.year = str(year) if year is not None else (found[-1] if found else None)
        other = years != summary.year if summary.year else pd.Series(False, index=frame.index)
        summary.other_year = int(other.sum())
        for other_year, count in years[other].value_counts().sort_index().items():
            label = other_year or tr("(empty)")
            report.append(_row(source, None, None, OTHER_YEAR,
                               tr("{count} rows of year {year} left out: only {kept} is counted").format(
                                   count=count, year=label, kept=summary.year)))
        keep &= ~other

    valid = codes.map(is_valid_code)
    not_a_code = tr("row left out: not a commune code")
    for index in frame.index[keep & ~valid]:
        summary.invalid += 1
        report.append(_row(source, int(lines[index]), raw[index], INVALID, not_a_code))
    keep &= valid
    good_type = types.str.match(_TYPEQU)
    not_a_type = tr("row left out: '{typequ}' is not an equipment type (a letter A-G and 3 digits)")
    for index in frame.index[keep & ~good_type]:
        summary.invalid_types += 1
        report.append(_row(source, int(lines[index]), codes[index], INVALID_TYPE,
                           not_a_type.format(typequ=types[index])))
    keep &= good_type
    numeric = counts.notna() & (counts >= 0)
    not_a_count = tr("row left out: NB_EQUIP '{value}' is not a count")
    for index in frame.index[keep & ~numeric]:
        summary.not_numeric += 1
        value = frame.at[index, upper["NB_EQUIP"]] if "NB_EQUIP" in upper else ""
        report.append(_row(source, int(lines[index]), codes[index], NOT_NUMERIC, not_a_count.format(value=value)))
    keep &= numeric

    codes, types, counts = codes[keep], types[keep], counts[keep]
    summary.rows_used = int(keep.sum())
    if sum_arrondissements:
        from .plm import city_of

        cities = codes.map(city_of)
        moved = cities.notna()
        summary.summed = int(moved.sum())
        for city, count in cities[moved].value_counts().sort_index().items():
            report.append(_row(source, None, city, SUMMED,
                               tr("{count} rows of the arrondissements of {city} counted in {code}").format(
                                   count=count, city=CITIES[city][0], code=city)))
        codes = codes.where(~moved, cities)

    table = pd.DataFrame({"DEPCOM": codes, "TYPEQU": types, "count": counts})
    table = table[table["count"] > 0]
    table["domain"] = table["TYPEQU"].str[:1]
    table["gamme"] = table["TYPEQU"].map(gammes).fillna(OUT_OF_GAMME_COLUMN)
    summary.types_without_gamme = sorted(table.loc[table["gamme"] == OUT_OF_GAMME_COLUMN, "TYPEQU"].unique())
    if summary.types_without_gamme:
        report.append(_row(source, None, None, NO_GAMME,
                           tr("types in no gamme, counted in {column}: {types}").format(
                               column=OUT_OF_GAMME_COLUMN, types=", ".join(summary.types_without_gamme))))

    by_domain = _wide(table, "domain", list(DOMAINS), [f"NB_EQUIP_{d}" for d in DOMAINS])
    gamme_columns = [gamme_column(g) for g in GAMMES] + [OUT_OF_GAMME_COLUMN]
    by_gamme = _wide(table, "gamme", list(GAMMES) + [OUT_OF_GAMME_COLUMN], gamme_columns)
    result = by_domain.join(by_gamme, how="outer").fillna(0).astype("int64")
    result.insert(0, TOTAL_COLUMN, result[[f"NB_EQUIP_{d}" for d in DOMAINS]].sum(axis=1))
    result[TYPES_COLUMN] = table.groupby("DEPCOM")["TYPEQU"].nunique().reindex(result.index).fillna(0).astype("int64")
    result = result.sort_index()
    result.index.name = "DEPCOM"
    summary.communes = len(result)
    summary.equipment = int(result[TOTAL_COLUMN].sum())
    return BpeResult(table=result.reset_index(), report=translate_problems(report, problem_labels()),
                     summary=summary)


def _wide(table, column, values, names):
    wide = table.pivot_table(index="DEPCOM", columns=column, values="count", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=values, fill_value=0)
    wide.columns = names
    return wide


def domain_counts(frame, source="BPE"):
    """DataFrame DEPCOM, NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (text codes, integer counts)."""
    result = aggregate(frame, source=source, gammes={})
    return result.table[["DEPCOM", TOTAL_COLUMN] + [f"NB_EQUIP_{d}" for d in DOMAINS]]


def _row(source, line, code, problem, action):
    return {"source": source, "line": line, "code": code, "problem": problem, "action": action}
