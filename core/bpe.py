"""BPE (Base permanente des équipements) in INSEE's long layout -> counts per commune.

One row per commune (or IRIS: DCIRIS is cut to its commune) and equipment
type (TYPEQU) with NB_EQUIP becomes one row per commune with the total, the
count per domain (the first letter of TYPEQU: A services, B shops,
C education, D health and social, E transport, F sport and culture, G
tourism), per gamme (proximité, intermédiaire, supérieure, from an editable
list of a given year) and the number of distinct equipment types. Without
NB_EQUIP (INSEE's detailed file, one row per equipment) each row counts one.

The gamme lists follow the BPE's year: ``choose_gammes`` takes the shipped
list of that year (``resources/bpe/gammes_<year>.csv``), or of the nearest
earlier year, or the latest shipped when none is earlier, and says which and
why. A point-level file (one row per equipment with LAMBERT_X/LAMBERT_Y or
LONGITUDE/LATITUDE, and EPSG) also gives its equipments as points
(``aggregate(..., points=True)``): coordinates parsed and checked here, the
rows without usable coordinates counted and reported; the writing (and the
reprojection to EPSG:2154) is QGIS's, in processing/.
"""

import os
import re
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .codes import find_key_column, is_valid_code, normalise_code, plain_codes
from .messages import report_row, tr, translate_problems
from .plm import CITIES
from .tables import TableError, parse_number, read_table

DOMAINS = tuple("ABCDEFG")
COMMUNE_COLUMNS = ("DEPCOM", "CODGEO", "COM")
GAMMES = ("proximité", "intermédiaire", "supérieure")
GAMMES_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "bpe")
GAMMES_FILE = os.path.join(GAMMES_DIR, "gammes_2021.csv")
_GAMMES_NAME = re.compile(r"^gammes_(\d{4})\.csv$")
# The year in INSEE's file names: bpe2019_…, bpe21_ensemble_xy…, BPE24.csv, BPE25.parquet.
_YEAR_IN_NAME = re.compile(r"bpe_?(\d{4}|\d{2})(?!\d)", re.IGNORECASE)
FIRST_BPE_YEAR, LAST_PLAUSIBLE_YEAR = 2007, 2040
TOTAL_COLUMN = "NB_EQUIP_TOTAL"
OUT_OF_GAMME_COLUMN = "NB_EQUIP_HORS_GAMME"
TYPES_COLUMN = "NB_TYPEQU"
_TYPEQU = re.compile(r"^[A-G]\d{3}$")

# Coordinates of a point-level file, in the order they are tried: INSEE's LAMBERT_X/LAMBERT_Y
# (Lambert 93, or the overseas UTM zone the EPSG column names) then LONGITUDE/LATITUDE (WGS 84,
# BPE 2024 and later). Column names are compared case-insensitively.
COORDINATE_PAIRS = (("LAMBERT_X", "LAMBERT_Y"), ("LONGITUDE", "LATITUDE"))
EPSG_COLUMN = "EPSG"
LAMBERT_93 = 2154
WGS84 = 4326
# Files without an EPSG column (BPE 2018-2022 "ensemble xy"): INSEE's documentation gives Lambert 93
# for metropolitan France and the local UTM zone overseas; the official CRS of each département.
OVERSEAS_EPSG = {"971": 5490, "972": 5490, "973": 2972, "974": 2975, "976": 4471}
POINT_GAMME_NONE = "hors gamme"

# Report problems (same vocabulary as the join report): English constants, written in the
# user's language by problem_labels().
INVALID = "invalid code"
INVALID_TYPE = "invalid equipment type"
NOT_NUMERIC = "not numeric"
OTHER_YEAR = "other year"
SUMMED = "summed"
NO_GAMME = "no gamme"
GAMME_LISTS = "gamme lists"
NO_COORDINATES = "no coordinates"


def problem_labels():
    """{problem constant: its label in the user's language}."""
    return {
        INVALID: tr("invalid code"),
        INVALID_TYPE: tr("invalid equipment type"),
        NOT_NUMERIC: tr("not numeric"),
        OTHER_YEAR: tr("other year"),
        SUMMED: tr("summed"),
        NO_GAMME: tr("no gamme"),
        GAMME_LISTS: tr("gamme lists"),
        NO_COORDINATES: tr("no coordinates"),
    }


def types_column(gamme):
    """NB_TYPEQU_PROXIMITE for 'proximité': the number of distinct types of the gamme."""
    return TYPES_COLUMN + gamme_column(gamme)[len("NB_EQUIP"):]


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


def shipped_gamme_years(folder=None):
    """{year: path} of the gamme lists shipped in ``resources/bpe/`` (gammes_<year>.csv)."""
    folder = folder or GAMMES_DIR
    years = {}
    for name in sorted(os.listdir(folder)):
        match = _GAMMES_NAME.match(name)
        if match:
            years[int(match.group(1))] = os.path.join(folder, name)
    return years


def year_from_name(name):
    """The BPE year an INSEE file name gives (bpe2019_…, bpe21_…, BPE24.csv), or None."""
    for match in _YEAR_IN_NAME.finditer(os.path.basename(str(name or ""))):
        year = int(match.group(1))
        year = year + 2000 if year < 100 else year
        if FIRST_BPE_YEAR <= year <= LAST_PLAUSIBLE_YEAR:  # not a département (bpe_62.csv)
            return year
    return None


@dataclass
class GammeChoice:
    gammes: dict  # {TYPEQU: gamme}
    path: str
    list_year: int = None  # None: a user's file
    note: str = ""  # which lists and why, for the log and the report


def choose_gammes(bpe_year=None, how=None, folder=None):
    """The shipped gamme lists for a BPE of ``bpe_year``, with the reason.

    The list of that year; otherwise the nearest earlier year's; otherwise
    (no list that early) the latest shipped. ``how`` says where the year
    came from (the AN column, the YEAR parameter, the file name).
    """
    years = shipped_gamme_years(folder)
    if not years:
        raise TableError(tr("No gamme list found in {folder} (files gammes_<year>.csv).").format(
            folder=folder or GAMMES_DIR))
    year = None
    if bpe_year is not None and str(bpe_year).strip().isdigit():
        year = int(str(bpe_year).strip())
    latest = max(years)
    if year is None:
        chosen = latest
        note = tr("BPE year unknown (no AN column, no year given, none in the file name): "
                  "the {chosen} gamme lists used, the latest shipped").format(chosen=chosen)
    else:
        earlier = [y for y in years if y <= year]
        chosen = max(earlier) if earlier else latest
        origin = how or tr("given")
        if chosen == year:
            note = tr("BPE {year} ({origin}): gammes of {year}").format(year=year, origin=origin)
        elif earlier:
            note = tr("BPE {year} ({origin}): no list shipped for {year}, the {chosen} lists used "
                      "(the nearest earlier year)").format(year=year, origin=origin, chosen=chosen)
        else:
            note = tr("BPE {year} ({origin}): no list shipped for {year} or before, the {chosen} lists used "
                      "(the latest shipped)").format(year=year, origin=origin, chosen=chosen)
    path = years[chosen]
    return GammeChoice(gammes=load_gammes(path), path=path, list_year=chosen, note=note)


def user_gammes(path):
    """A user's gamme file (the GAMMES parameter) as a GammeChoice."""
    return GammeChoice(gammes=load_gammes(path), path=path, list_year=None,
                       note=tr("gamme lists of {path} (GAMMES parameter)").format(path=path))


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
    gamme_note: str = ""
    gamme_year: int = None

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
class EquipmentPoints:
    """The equipments of a point-level file, one row each, ready to be written as points."""

    table: pd.DataFrame  # x, y (float), epsg (int), TYPEQU, DEPCOM, DOMAINE, GAMME
    columns: tuple  # the coordinate columns read, e.g. ("LAMBERT_X", "LAMBERT_Y")
    placed: int = 0
    without_coordinates: int = 0
    by_epsg: dict = field(default_factory=dict)  # {epsg: equipments}
    inferred_epsg: int = 0  # rows whose CRS came from the département (no EPSG given)

    def line(self):
        other = {epsg: count for epsg, count in self.by_epsg.items() if epsg != LAMBERT_93}
        return tr(
            "{placed} equipments placed from {columns}; {other} in another CRS reprojected to EPSG:2154 ({crs}); "
            "{missing} rows without usable coordinates (in the report)"
        ).format(placed=self.placed, columns="/".join(self.columns), other=sum(other.values()),
                 crs=", ".join(f"EPSG:{epsg} {count}" for epsg, count in sorted(other.items())) or "-",
                 missing=self.without_coordinates)


class NoCoordinates(TableError):
    """Points were asked of a file without coordinate columns."""


@dataclass
class BpeResult:
    table: pd.DataFrame  # DEPCOM (text), then integer counts
    report: list  # dicts: source, line, code, problem, action (as the join report)
    summary: BpeSummary
    points: EquipmentPoints = None


def aggregate(frame, source="BPE", gammes=None, year=None, sum_arrondissements=False, bpe_year=None,
              points=False):
    """One row per commune: NB_EQUIP_TOTAL, A…G, per gamme, out of gamme, NB_TYPEQU.

    ``frame`` holds text cells as ``read_table`` gives them. ``year`` keeps
    the rows of that AN (default: the latest year of the file). Every row
    left out is reported; ``sum_arrondissements`` counts the arrondissements
    of Paris, Lyon and Marseille in their commune (distinct types counted
    once for the whole city).

    ``gammes``: None chooses the shipped lists of the BPE's year (its AN;
    without an AN column, ``year`` or else ``bpe_year``, e.g. from the file
    name), a ``GammeChoice`` or a plain ``{TYPEQU: gamme}`` dict is used as
    given. The choice is written in ``summary.gamme_note`` and the report.
    ``points`` also returns the equipments with their coordinates
    (``result.points``); a file without coordinate columns raises NoCoordinates.
    """
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
    coordinates = _coordinate_columns(upper) if points else None
    if points and not coordinates:
        raise NoCoordinates(tr(
            "{source}: the file has no coordinates (looked for the columns {looked}), so its equipments "
            "cannot be written as points. Columns found: {columns}. Give INSEE's geolocated BPE file "
            "(one row per equipment, e.g. BPE24.csv or bpe21_ensemble_xy.csv), or leave the points output "
            "empty to count the equipments per commune only."
        ).format(source=source, looked=", ".join("/".join(pair) for pair in COORDINATE_PAIRS),
                 columns=", ".join(map(str, frame.columns))))
    summary = BpeSummary(source=source, code_column=str(code_column), rows_read=len(frame))
    report = []
    lines = pd.Series(np.asarray(frame.attrs.get("line_numbers") or range(2, len(frame) + 2), dtype=np.int64),
                      index=frame.index)

    raw = frame[code_column].astype(str)
    is_iris = str(code_column).strip().upper() == "DCIRIS"
    # A long file repeats a few thousand codes, a few hundred types and counts over hundreds of thousands of
    # rows: every cell is read through its column's distinct values (_by_value), each converted once.
    code_values = _Distinct(raw).map(lambda cell: normalise_code(cell.strip()[:5] if is_iris else cell),
                                     unchanged=None if is_iris else plain_codes)
    type_values = _Distinct(frame[upper["TYPEQU"]].astype(str)).map(lambda cell: cell.strip().upper())
    codes, types = code_values.series(frame.index), type_values.series(frame.index)
    if "NB_EQUIP" in upper:
        counts = _by_value(frame[upper["NB_EQUIP"]], parse_number, "float64")
    else:
        counts = pd.Series(1.0, index=frame.index)
    keep = pd.Series(True, index=frame.index)

    how = None
    if "AN" in upper:
        year_values = _Distinct(frame[upper["AN"]].astype(str)).map(str.strip)
        found = sorted({y for y in year_values.values.tolist() if y})
        if year is not None and str(year) not in found:
            raise TableError(tr("{source}: no row of year {year}. Years in the file: {years}.").format(
                source=source, year=year, years=", ".join(found) or tr("none")))
        summary.year = str(year) if year is not None else (found[-1] if found else None)
        how = tr("AN column") if year is None else tr("AN column, year chosen")
        # Compared once per distinct year, not per row.
        other = year_values.test(lambda value: value != summary.year, frame.index) if summary.year \
            else pd.Series(False, index=frame.index)
        summary.other_year = int(other.sum())
        years = year_values.series(frame.index) if summary.other_year else pd.Series([], dtype=object)
        for other_year, count in years[other].value_counts().sort_index().items():
            label = other_year or tr("(empty)")
            report.append(report_row(source, None, None, OTHER_YEAR,
                               tr("{count} rows of year {year} left out: only {kept} is counted").format(
                                   count=count, year=label, kept=summary.year)))
        keep &= ~other
    elif year is not None:
        summary.year, how = str(year), tr("year given")
    elif bpe_year is not None:
        summary.year, how = str(bpe_year), tr("file name")

    if gammes is None:
        choice = choose_gammes(summary.year, how=how)
    elif isinstance(gammes, GammeChoice):
        choice = gammes
    else:
        choice = GammeChoice(gammes=gammes, path=None, note=tr("gamme lists given"))
    summary.gamme_note, summary.gamme_year = choice.note, choice.list_year
    gammes = choice.gammes
    report.append(report_row(source, None, None, GAMME_LISTS, choice.note))

    valid = code_values.test(is_valid_code, frame.index, holds=plain_codes)
    not_a_code = tr("row left out: not a commune code")
    for index in frame.index[keep & ~valid]:
        summary.invalid += 1
        report.append(report_row(source, int(lines[index]), raw[index], INVALID, not_a_code))
    keep &= valid
    good_type = type_values.test(_TYPEQU.match, frame.index)
    not_a_type = tr("row left out: '{typequ}' is not an equipment type (a letter A-G and 3 digits)")
    for index in frame.index[keep & ~good_type]:
        summary.invalid_types += 1
        report.append(report_row(source, int(lines[index]), codes[index], INVALID_TYPE,
                           not_a_type.format(typequ=types[index])))
    keep &= good_type
    numeric = counts.notna() & (counts >= 0)
    not_a_count = tr("row left out: NB_EQUIP '{value}' is not a count")
    for index in frame.index[keep & ~numeric]:
        summary.not_numeric += 1
        value = frame.at[index, upper["NB_EQUIP"]] if "NB_EQUIP" in upper else ""
        report.append(report_row(source, int(lines[index]), codes[index], NOT_NUMERIC, not_a_count.format(value=value)))
    keep &= numeric

    equipment_points = None
    if points:
        equipment_points = _points(frame, upper, coordinates, keep, codes, types, counts, gammes, lines,
                                   source, report)

    summary.rows_used = int(keep.sum())
    kept = keep.to_numpy()
    final_codes = code_values.values  # each distinct code as it is counted: an arrondissement's city's
    if sum_arrondissements:
        from .plm import city_of

        cities = np.array([city_of(code) if code is not None else None for code in final_codes], dtype=object)
        row_cities = pd.Series(cities[code_values.positions[kept]])
        moved = row_cities.notna()
        summary.summed = int(moved.sum())
        for city, count in row_cities[moved].value_counts().sort_index().items():
            report.append(report_row(source, None, city, SUMMED,
                               tr("{count} rows of the arrondissements of {city} counted in {code}").format(
                                   count=count, city=CITIES[city][0], code=city)))
        final_codes = np.where(pd.isna(cities), final_codes, cities)

    counted = kept & (counts > 0).to_numpy()
    counts = counts.to_numpy(dtype="float64")[counted]
    # Counted on integer positions (numpy), not by grouping text: communes and types are numbered once,
    # among the distinct values of their columns.
    commune_of_value, communes = pd.factorize(final_codes)
    type_of_value, type_names = pd.factorize(type_values.values)
    commune_of_row = commune_of_value[code_values.positions[counted]]
    type_of_row = type_of_value[type_values.positions[counted]]
    used, commune_of_row = _renumbered(commune_of_row, len(communes))  # communes with equipment counted,
    communes = np.asarray(communes, dtype=object)[used]                 # not merely named in the file
    used_types, type_of_row = _renumbered(type_of_row, len(type_names))
    type_names = np.asarray(type_names, dtype=object)[used_types]
    order = np.argsort(communes, kind="stable")  # communes in code order
    rank = np.empty(len(communes), dtype=np.int64)
    rank[order] = np.arange(len(communes))
    commune_of_row = rank[commune_of_row]
    communes = communes[order]
    gamme_names = list(GAMMES) + [OUT_OF_GAMME_COLUMN]
    domain_of_type = np.array([DOMAINS.index(name[:1]) for name in type_names], dtype=np.int64)
    gamme_of_type = np.array([gamme_names.index(gammes.get(name, OUT_OF_GAMME_COLUMN)) for name in type_names],
                             dtype=np.int64)
    summary.types_without_gamme = sorted(type_names[gamme_of_type == len(GAMMES)].tolist())
    if summary.types_without_gamme:
        report.append(report_row(source, None, None, NO_GAMME,
                           tr("types in no gamme, counted in {column}: {types}").format(
                               column=OUT_OF_GAMME_COLUMN, types=", ".join(summary.types_without_gamme))))

    def summed(category_of_row, categories, weights=counts, rows=commune_of_row):
        flat = np.bincount(rows * categories + category_of_row, weights=weights, minlength=len(communes) * categories)
        return flat.reshape(len(communes), categories)

    by_domain = summed(domain_of_type[type_of_row], len(DOMAINS)).astype("int64")
    by_gamme = summed(gamme_of_type[type_of_row], len(gamme_names)).astype("int64")
    # Distinct types of each commune, of each gamme: the distinct (commune, type) pairs counted.
    pairs = _distinct(commune_of_row * max(len(type_names), 1) + type_of_row, len(communes) * max(len(type_names), 1))
    pair_commune, pair_type = pairs // max(len(type_names), 1), pairs % max(len(type_names), 1)
    diversity = summed(gamme_of_type[pair_type], len(gamme_names), weights=None, rows=pair_commune).astype("int64")
    columns = {"DEPCOM": communes, TOTAL_COLUMN: by_domain.sum(axis=1)}
    columns.update((f"NB_EQUIP_{d}", by_domain[:, i]) for i, d in enumerate(DOMAINS))
    columns.update((gamme_column(g), by_gamme[:, i]) for i, g in enumerate(GAMMES))
    columns[OUT_OF_GAMME_COLUMN] = by_gamme[:, len(GAMMES)]
    columns[TYPES_COLUMN] = diversity.sum(axis=1)
    # Diversity per gamme, as INRAE/ANCT measure centres: how many of a gamme's types a commune has.
    columns.update((types_column(g), diversity[:, i]) for i, g in enumerate(GAMMES))
    result = pd.DataFrame(columns)
    summary.communes = len(result)
    summary.equipment = int(result[TOTAL_COLUMN].sum())
    return BpeResult(table=result, report=translate_problems(report, problem_labels()),
                     summary=summary, points=equipment_points)


def _distinct(numbers, bound):
    """``np.unique`` of non-negative integers below ``bound``, by counting them (no sort of the rows)."""
    return np.flatnonzero(np.bincount(numbers, minlength=bound)) if len(numbers) else np.empty(0, np.int64)


def _renumbered(numbers, bound):
    """(the distinct values of ``numbers``, integers in [0, ``bound``), ascending; each number's position
    among them): ``np.unique`` and ``np.searchsorted`` in two passes over the rows instead of a sort."""
    used = _distinct(numbers, bound)
    position = np.zeros(max(bound, 1), dtype=np.int64)
    position[used] = np.arange(len(used))
    return used, position[numbers]


class _Distinct:
    """A text column as the distinct values of its cells and the position of each cell's value among them."""

    def __init__(self, column, positions=None, values=None):
        if positions is None:
            positions, distinct = pd.factorize(column)
            values = np.empty(len(distinct) + 1, dtype=object)  # the last for missing cells (position -1)
            values[:-1] = list(distinct)
        self.positions, self.values = positions, values

    def map(self, convert, unchanged=None):
        """Each distinct value converted once (a missing cell stays None); ``unchanged(values)``, a boolean
        array, marks values ``convert`` would return as they are (not converted)."""
        values = np.empty(len(self.values), dtype=object)
        distinct = self.values[:-1].tolist()
        kept = unchanged(distinct) if unchanged is not None else np.zeros(len(distinct), dtype=bool)
        values[:-1] = [value if keep else convert(value) for value, keep in zip(distinct, kept.tolist())]
        return _Distinct(None, self.positions, values)

    def series(self, index):
        return pd.Series(self.values[self.positions], index=index)

    def test(self, predicate, index, holds=None):
        """The cells for which ``predicate`` holds, as a boolean Series (a missing cell: False); ``holds(values)``,
        a boolean array, marks values for which it surely holds (not tested one by one)."""
        values = self.values.tolist()
        sure = holds(values) if holds is not None else np.zeros(len(values), dtype=bool)
        passed = np.array([bool(ok) or (value is not None and bool(predicate(value)))
                           for value, ok in zip(values, sure.tolist())], dtype=bool)
        return pd.Series(passed[self.positions], index=index)


def _by_value(column, convert, dtype=object):
    """``column.map(convert)`` with ``convert`` called once per distinct value (a missing cell gives None)."""
    positions, distinct = pd.factorize(column)
    converted = [convert(value) for value in distinct.tolist()]
    if dtype == "float64":
        table = np.array([np.nan if value is None else value for value in converted] + [np.nan], dtype="float64")
    else:
        table = np.empty(len(converted) + 1, dtype=object)
        table[:-1] = converted
    return pd.Series(table[positions], index=column.index)  # position -1 (missing) takes the last entry


def _coordinate_columns(upper):
    """[(x column, y column, is_wgs84)] of the coordinate pairs present, in COORDINATE_PAIRS order."""
    return [(upper[x], upper[y], x == "LONGITUDE") for x, y in COORDINATE_PAIRS if x in upper and y in upper]


def _numbers(column):
    """A text column as floats, vectorised: decimal comma and spaces accepted; '', '_Z', words, inf -> NaN."""
    values = pd.to_numeric(column, errors="coerce").astype("float64")
    retry = values.isna() & (column.astype(str) != "")
    if retry.any():  # only the cells plain parsing refused go through the string cleaning
        text = column[retry].astype(str).str.strip().str.replace(",", ".", regex=False)
        values[retry] = pd.to_numeric(text, errors="coerce").astype("float64")
    return values.where(np.isfinite(values))


def _points(frame, upper, coordinates, keep, codes, types, counts, gammes, lines, source, report):
    """The kept rows as equipments with x, y and EPSG; rows without usable coordinates reported."""
    index = frame.index[keep]
    x = pd.Series(np.nan, index=index)
    y = pd.Series(np.nan, index=index)
    epsg = pd.Series(0, index=index, dtype="int64")
    inferred = pd.Series(False, index=index)
    if EPSG_COLUMN in upper:
        given = frame.loc[index, upper[EPSG_COLUMN]].astype(str).str.extract(r"(\d{4,5})", expand=False)
        given = pd.to_numeric(given, errors="coerce")
    else:
        given = pd.Series(np.nan, index=index)
    for x_column, y_column, is_wgs84 in coordinates:
        todo = x.isna()
        if not todo.any():
            break
        xs = _numbers(frame.loc[index[todo], x_column])
        ys = _numbers(frame.loc[index[todo], y_column])
        good = xs.notna() & ys.notna()
        rows = good.index[good]
        x[rows], y[rows] = xs[rows], ys[rows]
        if is_wgs84:
            epsg[rows] = WGS84
        else:
            from_column = given[rows]
            by_department = codes[rows].str[:3].map(OVERSEAS_EPSG).fillna(LAMBERT_93).astype("int64")
            inferred[rows] = from_column.isna()
            epsg[rows] = from_column.fillna(by_department).astype("int64")
    placed = x.notna()
    missing = index[~placed.to_numpy()]
    columns = [name for x_column, y_column, _ in coordinates for name in (x_column, y_column)]
    looked = "/".join(str(name) for name in columns)
    action = tr("equipment {typequ} not placed: no usable coordinates in {columns} ({values}); "
                "it is still counted in its commune")
    for row in missing:
        values = ", ".join(repr(frame.at[row, name]) for name in columns)
        report.append(report_row(source, int(lines[row]), codes[row], NO_COORDINATES,
                           action.format(typequ=types[row], columns=looked, values=values)))
    rows = index[placed.to_numpy()]
    repeat = np.rint(counts[rows].to_numpy()).astype("int64")
    table = pd.DataFrame({
        "x": x[rows].to_numpy(), "y": y[rows].to_numpy(), "epsg": epsg[rows].to_numpy(),
        "TYPEQU": types[rows].to_numpy(), "DEPCOM": codes[rows].to_numpy(),
    })
    if (repeat != 1).any():  # a file with NB_EQUIP and coordinates: one point per equipment
        table = table.loc[table.index.repeat(repeat)].reset_index(drop=True)
    table["DOMAINE"] = table["TYPEQU"].str[:1]
    table["GAMME"] = table["TYPEQU"].map(gammes).astype(object).fillna(POINT_GAMME_NONE)
    by_epsg = {int(k): int(v) for k, v in table["epsg"].value_counts().sort_index().items()}
    return EquipmentPoints(table=table, columns=tuple(str(c) for c in columns), placed=len(table),
                           without_coordinates=len(missing), by_epsg=by_epsg,
                           inferred_epsg=int(inferred[rows].sum()))


def domain_counts(frame, source="BPE"):
    """DataFrame DEPCOM, NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (text codes, integer counts)."""
    result = aggregate(frame, source=source, gammes={})
    return result.table[["DEPCOM", TOTAL_COLUMN] + [f"NB_EQUIP_{d}" for d in DOMAINS]]
