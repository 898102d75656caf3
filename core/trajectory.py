"""Trajectories: the same profile scored at two dates on one common scale.

Which column gives each date
    A profile names its census columns by their role (``P{census}_POP``,
    ``P{previous}_EMPLT``: core/editions.py). At the later date ("après") the
    roles are those of the layer's edition, as for the score (census = the latest
    census, e.g. 2018 in the 2021 comparateur). At the earlier date ("avant") every
    role moves one census back: ``{census}`` becomes the previous census (2013) and
    ``{previous}`` the census before it, which a comparateur does not hold; the
    other years (income, establishments, births) have no earlier counterpart. An
    indicator needing a column or a year one date lacks is left out of *both*
    dates and said (``ChangeResult.left_out``) — never computed from another
    year's column.

    Columns without a placeholder (the BPE counts ``NB_EQUIP_B``…) have one date
    only unless a table of each date gives them (``before_values`` and
    ``after_values``, e.g. the BPE 2013 and the BPE 2019 counted over their common
    equipment types): an indicator reading such a column without its two dates is
    left out too. The areas of densities (``SUPERF``, the geometry's area) are
    taken as the same at both dates.

One scale
    The communes at the two dates are stacked (2 × N rows) and prepared,
    normalised, aggregated and re-expressed together by the score's own pipeline
    (core/scoring.py: ``prepare_values`` and ``Scorer``): against France the
    national goalposts are fixed anyway; min-max, z-score, percentile ranks,
    medians imputed, winsorising and quantile levels take their bounds over both
    dates together, so that a point means the same at both dates. The rank is
    each date's own. Each date's contributions add up to its composite, so the
    contributions of the change (``evol_contrib_<id>``, après − avant) add up to
    the change of the composite.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .editions import recognise, resolve_at, slots_of
from .indicators import AREA_COLUMN, FORMULAS, formula_columns, uses_geometry_area
from .messages import tr
from .profile import DEFAULT_AVAILABILITY
from .scoring import Scorer, ScoringError, indicator_values, prepare_values
from .vocabulary import (
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    FUNCTIONS,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    LEVEL_LABELS,
    RANK_FIELD,
)

BEFORE, AFTER = "avant", "apres"  # the two dates, in the output fields' names (French, as users read them)
CHANGE_PREFIX = "evol_"
CONTRIBUTION_CHANGE_PREFIX = "evol_contrib_"
MOVE_FIELD = "mouvement"
DRIVERS_FIELD = "moteurs_evolution"
ROSE, FELL, HELD = "progresse", "recule", "stable"
ALL_TERRITORY = "Ensemble du territoire"
NO_LEVEL = "—"  # not scored at that date
SCORED = tuple(f"score_{name}" for name in FUNCTIONS) + (COMPOSITE_FIELD,)
# The change of the composite; the diverging style (resources/styles/evolution.qml) reads it.
CHANGE_FIELD = f"{CHANGE_PREFIX}centralite"


def change_field(score_field):
    """score_habiter -> evol_habiter, score_centralite -> evol_centralite."""
    return CHANGE_PREFIX + score_field[len("score_"):]


def dated_field(name, date):
    return f"{name}_{date}"


# The fields that make a layer a centrality_change output (the panel and the layouts read it as one).
CHANGE_OUTPUT_FIELDS = (dated_field(COMPOSITE_FIELD, BEFORE), dated_field(COMPOSITE_FIELD, AFTER), CHANGE_FIELD,
                        dated_field(LEVEL_CODE_FIELD, BEFORE), dated_field(LEVEL_CODE_FIELD, AFTER), MOVE_FIELD)


def is_change_output(names):
    """Whether the field ``names`` are those of a centrality_change output."""
    names = set(names)
    return all(name in names for name in CHANGE_OUTPUT_FIELDS)


def census_dates(names):
    """{"avant": 2013, "apres": 2018}: the census years of the two dates of a change output, read from its
    census columns (the output keeps its input's); {} when they cannot be told."""
    before, after = date_years(recognise(names))
    if "census" not in before or "census" not in after:
        return {}
    return {BEFORE: before["census"], AFTER: after["census"]}


def output_fields():
    """The fixed fields of the change, in order (the evol_contrib_<id> follow, one per indicator compared)."""
    fields = []
    for name in SCORED:
        fields += [dated_field(name, BEFORE), dated_field(name, AFTER), change_field(name)]
    fields += [dated_field(RANK_FIELD, BEFORE), dated_field(RANK_FIELD, AFTER),
               dated_field(LEVEL_FIELD, BEFORE), dated_field(LEVEL_FIELD, AFTER),
               dated_field(LEVEL_CODE_FIELD, BEFORE), dated_field(LEVEL_CODE_FIELD, AFTER), MOVE_FIELD, DRIVERS_FIELD]
    return fields


@dataclass
class LeftOut:
    key: str  # function.indicator
    reason: str  # in the user's language


@dataclass
class ChangeResult:
    changes: pd.DataFrame  # output_fields() then evol_contrib_<id>, indexed as the frame
    compared: list  # the keys of the indicators compared (function.indicator)
    left_out: list  # LeftOut: indicators not compared, and why
    years: dict  # {"avant": {slot: year}, "apres": {slot: year}}
    method: object = None  # the scoring Method
    thresholds: list = None
    notes: list = field(default_factory=list)  # what was changed to keep the comparison coherent
    before: pd.DataFrame = None  # the ScoreResult.scores of each date (contrib_* included)
    after: pd.DataFrame = None
    indicators_before: pd.DataFrame = None  # the raw indicator values of each date, columns function.indicator
    indicators_after: pd.DataFrame = None


def date_years(recognition):
    """({slot: year} at the earlier date, at the later date) from the layer's ``Recognition``: at the
    earlier date the census is the previous census, the previous census the one before it when the
    columns hold it; the other years have no earlier counterpart."""
    after = dict(recognition.years)
    before = {}
    if "previous" in after:
        before["census"] = after["previous"]
        earlier = [y for y in recognition.found.get("census", []) if y < after["previous"]]
        if earlier:
            before["previous"] = earlier[-1]
    return before, after


def _unresolved(formula):
    """The placeholders left in a resolved formula (columns or a growth's years)."""
    if isinstance(formula, str):
        return slots_of(formula)
    kind = next(key for key in formula if key in FORMULAS)
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    found = [s for operand in operands for s in _unresolved(operand)]
    if kind == "growth":
        found += [s for y in formula.get("years") or [] if isinstance(y, str) for s in slots_of(y) or [y]]
    if kind == "density" and isinstance(formula.get("area"), str):
        found += slots_of(formula["area"])
    return found


def _undated(written, dated):
    """Columns an indicator reads (as the profile writes it) that have one date only: no placeholder,
    not given at each date, not an area."""
    return [c for c in formula_columns(written, with_area=False) if not slots_of(c) and c not in dated]


def _absent(formula, columns):
    absent = [c for c in formula_columns(formula, with_area=False) if c not in columns]
    if uses_geometry_area(formula, columns) and AREA_COLUMN not in columns:
        absent.append(tr("the communes' areas"))
    return absent


def change_scores(frame, profile, before_values=None, after_values=None, normalisation=None, aggregation=None,
                  levels=None, reference=None, recognition=None):
    """The profile scored at two dates of one layer (``frame``: one row per commune, its columns).

    ``before_values`` and ``after_values`` (same index as ``frame``, the same columns) give the columns
    without a placeholder at each date — the BPE counts of two years —; they replace the frame's own.
    The method arguments override the profile's. Returns a ``ChangeResult``."""
    recognition = recognise(frame.columns) if recognition is None else recognition
    years_before, years_after = date_years(recognition)
    dated = set()
    frame_before, frame_after = frame, frame
    if before_values is not None or after_values is not None:
        if before_values is None or after_values is None or \
                sorted(map(str, before_values.columns)) != sorted(map(str, after_values.columns)):
            raise ScoringError(tr("The tables of the two dates must give the same columns, one table for each date."))
        dated = set(map(str, after_values.columns))
        frame_before = _with_columns(frame, before_values)
        frame_after = _with_columns(frame, after_values)
    return score_change(frame_before, resolve_at(profile, years_before, frame_before.columns),
                        frame_after, resolve_at(profile, years_after, frame_after.columns),
                        normalisation, aggregation, levels, reference, dated=dated,
                        years={BEFORE: years_before, AFTER: years_after})


def _with_columns(frame, values):
    out = frame.drop(columns=[c for c in values.columns if c in frame.columns])
    values = values.copy()
    values.index = frame.index
    return pd.concat([out, values], axis=1)


def score_change(frame_before, profile_before, frame_after, profile_after, normalisation=None, aggregation=None,
                 levels=None, reference=None, dated=None, years=None):
    """The two dates scored on one scale. ``profile_before`` and ``profile_after`` are one profile resolved
    at each date (plain column names of its frame; ``resolve_at``); the frames hold the same communes in
    the same order. ``dated``: the columns without a placeholder that the frames give at their own date
    (None: every column is taken as dated — two frames of two dates)."""
    if len(frame_before) != len(frame_after):
        raise ScoringError(tr("The two dates must hold the same communes, in the same order."))
    if len(frame_after) == 0:
        raise ScoringError(tr("There is no commune to score: the layer has no feature."))
    left_out = []
    keep = {}
    columns_before, columns_after = set(map(str, frame_before.columns)), set(map(str, frame_after.columns))
    for function, spec in profile_after["functions"].items():
        others = {i["id"]: i for i in profile_before["functions"][function]["indicators"]}
        for indicator in spec["indicators"]:
            key = f"{function}.{indicator['id']}"
            earlier = others.get(indicator["id"])
            written = indicator.get("source_formula", indicator["formula"])
            reason = None
            if earlier is None:
                reason = tr("not in the profile at the earlier date")
            elif _unresolved(earlier["formula"]) or _unresolved(indicator["formula"]):
                reason = tr("its years have no earlier date in the layer's columns ({columns})").format(
                    columns=", ".join(c for c in formula_columns(written, with_area=False) if slots_of(c)))
            elif dated is not None and _undated(written, dated):
                reason = tr("{columns}: one date only (give a table of each date, such as the BPE of two "
                            "years)").format(columns=", ".join(_undated(written, dated)))
            elif _absent(earlier["formula"], columns_before):
                reason = tr("no {columns} at the earlier date").format(
                    columns=", ".join(_absent(earlier["formula"], columns_before)))
            elif _absent(indicator["formula"], columns_after):
                reason = tr("no {columns} at the later date").format(
                    columns=", ".join(_absent(indicator["formula"], columns_after)))
            if reason:
                left_out.append(LeftOut(key, reason))
            else:
                keep[key] = (earlier, indicator)
    reduced_before = _reduced(profile_before, {k: v[0] for k, v in keep.items()})
    reduced_after = _reduced(profile_after, {k: v[1] for k, v in keep.items()})
    raw_before, small_before = indicator_values(frame_before, reduced_before)
    raw_after, small_after = indicator_values(frame_after, reduced_after)
    empty = [key for key in raw_after.columns if raw_before[key].isna().all() or raw_after[key].isna().all()]
    if empty:
        for key in empty:
            when = tr("the earlier date") if raw_before[key].isna().all() else tr("the later date")
            left_out.append(LeftOut(key, tr("no value for any commune at {date}").format(date=when)))
            keep.pop(key)
        reduced_before = _reduced(profile_before, {k: v[0] for k, v in keep.items()})
        reduced_after = _reduced(profile_after, {k: v[1] for k, v in keep.items()})
        raw_before, raw_after = raw_before[list(keep)], raw_after[list(keep)]
        small_before, small_after = small_before[list(keep)], small_after[list(keep)]
    if not keep:
        raise ScoringError(tr("No indicator of the profile can be compared between the two dates: {reasons}").format(
            reasons="; ".join(f"{item.key} ({item.reason})" for item in left_out)))
    notes = []
    reduced_after, note = _reachable_floor(reduced_after)
    if note:
        notes.append(note)
    n = len(frame_after)
    stacked = pd.Index([f"\x00{label}" for label in frame_before.index] + list(frame_after.index), dtype=object)
    raw = pd.concat([raw_before, raw_after], ignore_index=True)
    small = pd.concat([small_before, small_after], ignore_index=True)
    prepared = prepare_values(raw, small, reduced_after)
    scorer = Scorer(pd.DataFrame(index=stacked), reduced_after, normalisation, aggregation, levels, reference,
                    prepared=prepared)
    result = scorer.score()
    if result.method.note:
        notes.append(result.method.note)
    before = result.scores.iloc[:n].copy()
    after = result.scores.iloc[n:].copy()
    before.index = frame_after.index
    after.index = frame_after.index
    for scores in (before, after):  # each date's own rank
        scores[RANK_FIELD] = scores[COMPOSITE_FIELD].rank(ascending=False, method="min").astype("Int64")
    changes = _changes(before, after, list(keep))
    return ChangeResult(changes=changes, compared=list(keep), left_out=left_out, years=years or {},
                        method=result.method, thresholds=result.thresholds, notes=notes, before=before, after=after,
                        indicators_before=raw_before.set_axis(frame_after.index),
                        indicators_after=raw_after.set_axis(frame_after.index))


def _reduced(profile, kept):
    """The profile with only the ``kept`` indicators ({key: indicator entry}); a function left without
    indicator keeps its place with none (it scores nothing)."""
    reduced = dict(profile)
    reduced["functions"] = {
        function: dict(spec, indicators=[kept[f"{function}.{i['id']}"] for i in spec["indicators"]
                                         if f"{function}.{i['id']}" in kept])
        for function, spec in profile["functions"].items()
    }
    return reduced


def _reachable_floor(profile):
    """The data floor lowered to the functions still holding an indicator, and the note saying so."""
    floor = dict(profile.get("availability", DEFAULT_AVAILABILITY))
    holding = sum(1 for spec in profile["functions"].values() if spec["indicators"])
    if floor["functions"] <= holding:
        return profile, None
    note = tr("Only {count} functions keep an indicator at both dates: a commune is scored on those {count} "
              "(the profile asks {asked}).").format(count=holding, asked=floor["functions"])
    floor["functions"] = holding
    return dict(profile, availability=floor), note


def _changes(before, after, keys):
    out = pd.DataFrame(index=after.index)
    for name in SCORED:
        out[dated_field(name, BEFORE)] = before[name].to_numpy(dtype="float64", na_value=np.nan)
        out[dated_field(name, AFTER)] = after[name].to_numpy(dtype="float64", na_value=np.nan)
        out[change_field(name)] = out[dated_field(name, AFTER)] - out[dated_field(name, BEFORE)]
    for name in (RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD):
        for date, scores in ((BEFORE, before), (AFTER, after)):
            values = scores[name]
            # Ranks and level codes stay integers (Int64: missing where unscored), the level's name text.
            out[dated_field(name, date)] = (values.to_numpy(dtype=object) if name == LEVEL_FIELD
                                            else pd.array(values.to_numpy(dtype=object), dtype="Int64"))
    out[MOVE_FIELD] = moves(before[LEVEL_CODE_FIELD], after[LEVEL_CODE_FIELD]).to_numpy()
    contributions = {}
    for key in keys:
        indicator = key.split(".", 1)[1]
        column = CONTRIBUTION_PREFIX + indicator
        # An indicator missing at one date for a commune counts 0 points there: its points moved to
        # the others, which is part of the change.
        scored = ~(before[COMPOSITE_FIELD].isna() | after[COMPOSITE_FIELD].isna()).to_numpy()
        change = (after[column].fillna(0.0).to_numpy(dtype="float64")
                  - before[column].fillna(0.0).to_numpy(dtype="float64"))
        contributions[CONTRIBUTION_CHANGE_PREFIX + indicator] = np.where(scored, change, np.nan)
    contributions = pd.DataFrame(contributions, index=after.index)
    out[DRIVERS_FIELD] = drivers(contributions).to_numpy()
    return pd.concat([out, contributions], axis=1)


def moves(codes_before, codes_after):
    """"progresse" (a level up: a smaller code), "recule", "stable"; None when unscored at a date."""
    first = pd.to_numeric(pd.Series(codes_before), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    second = pd.to_numeric(pd.Series(codes_after), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    out = np.where(second < first, ROSE, np.where(second > first, FELL, HELD)).astype(object)
    out[np.isnan(first) | np.isnan(second)] = None
    return pd.Series(out, index=pd.Series(codes_after).index, dtype=object)


DRIVERS = 3  # indicators named per commune
DRIVER_FLOOR = 0.05  # points: below, an indicator did not drive anything


def drivers(contributions):
    """Per commune, the indicators that moved its composite most, with their points:
    "emplois -2.3, commerces +1.1" (None when nothing moved)."""
    names = [c[len(CONTRIBUTION_CHANGE_PREFIX):] for c in contributions.columns]
    values = contributions.to_numpy(dtype="float64", na_value=np.nan)
    out = []
    for row in values:
        order = np.argsort(-np.nan_to_num(np.abs(row), nan=-1.0), kind="stable")[:DRIVERS]
        parts = [f"{names[i]} {row[i]:+.1f}" for i in order if not np.isnan(row[i]) and abs(row[i]) >= DRIVER_FLOOR]
        out.append(", ".join(parts) or None)
    return pd.Series(out, index=contributions.index, dtype=object)


# Whether a commune's move is beyond the uncertainty of its rank: 1 when its rank at the earlier date lies
# outside its band of plausible ranks at the later date (rang_p05–rang_p95 of the sensitivity algorithm,
# whose weights and methods are drawn), 0 within it (the change is no more than the method's choices move).
BEYOND_BAND_FIELD = "evolution_significative"
BAND_FIELDS = ("rang_p05", "rang_p95")


def beyond_band(rank_before, low, high):
    """1 where ``rank_before`` is outside [low, high] (the later date's rank band), 0 inside, None where a
    value is missing."""
    rank = pd.to_numeric(pd.Series(rank_before), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    low = pd.to_numeric(pd.Series(low), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    high = pd.to_numeric(pd.Series(high), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    known = ~(np.isnan(rank) | np.isnan(low) | np.isnan(high))
    with np.errstate(invalid="ignore"):
        outside = (rank < np.fmin(low, high)) | (rank > np.fmax(low, high))
    values = np.where(outside, 1, 0).astype(object)
    values[~known] = None
    return pd.Series(pd.array(list(values), dtype="Int64"), index=pd.Series(rank_before).index)


TRANSITION_COLUMNS = ("territoire", "niveau_avant", "niveau_apres", "mouvement", "communes", "population_avant",
                      "population_apres")


def transitions(changes, groups=None, population_before=None, population_after=None):
    """The transition table: for the whole territory and each group (intercommunality), the communes and
    their population from each level at the earlier date to each level at the later one (only the pairs
    that occur; "—" = not scored at that date), with the move (progresse, recule, stable). The communes
    of each territory add up to its communes."""
    levels = {code: label for code, label in enumerate(LEVEL_LABELS, start=1)}
    first = pd.to_numeric(changes[dated_field(LEVEL_CODE_FIELD, BEFORE)], errors="coerce").fillna(0).astype(int)
    second = pd.to_numeric(changes[dated_field(LEVEL_CODE_FIELD, AFTER)], errors="coerce").fillna(0).astype(int)
    base = pd.DataFrame({
        "first": first.to_numpy(), "second": second.to_numpy(),
        "move": changes[MOVE_FIELD].to_numpy(),
        "pop_before": _numbers(population_before, changes.index),
        "pop_after": _numbers(population_after, changes.index),
    })
    territories = [(ALL_TERRITORY, np.ones(len(base), dtype=bool))]
    if groups is not None:
        names = pd.Series(groups, index=changes.index).astype(object)
        names = names.where(names.notna() & (names.astype(str).str.strip() != ""), None)
        for name in sorted({str(n) for n in names.dropna()}):
            territories.append((name, (names.astype(str) == name).to_numpy() & names.notna().to_numpy()))
        if names.isna().any():
            territories.append((NO_LEVEL, names.isna().to_numpy()))
    rows = []
    order = [1, 2, 3, 4, 5, 0]
    for name, mask in territories:
        part = base[mask]
        counts = part.groupby(["first", "second"]).agg(
            communes=("move", "size"), pop_before=("pop_before", lambda s: s.sum(min_count=1)),
            pop_after=("pop_after", lambda s: s.sum(min_count=1)))
        for (a, b), row in sorted(counts.iterrows(), key=lambda item: (order.index(item[0][0]),
                                                                          order.index(item[0][1]))):
            move = None if 0 in (a, b) else (ROSE if b < a else FELL if b > a else HELD)
            rows.append({"territoire": name, "niveau_avant": levels.get(a, NO_LEVEL),
                         "niveau_apres": levels.get(b, NO_LEVEL),
                         "mouvement": move, "communes": int(row["communes"]),
                         "population_avant": row["pop_before"], "population_apres": row["pop_after"]})
    return pd.DataFrame(rows, columns=list(TRANSITION_COLUMNS))


def _numbers(values, index):
    if values is None:
        return np.full(len(index), np.nan)
    return pd.to_numeric(pd.Series(values, index=index), errors="coerce").to_numpy(dtype="float64", na_value=np.nan)


def move_counts(table):
    """{territory: {"progresse": n, "recule": n, "stable": n}} from a transition table."""
    out = {}
    for name, part in table.groupby("territoire", sort=False):
        out[name] = {move: int(part.loc[part["mouvement"] == move, "communes"].sum()) for move in (ROSE, FELL, HELD)}
    return out


def common_types(before, after, column="TYPEQU"):
    """Two BPE long tables restricted to the equipment types present in both (the nomenclature changed
    between their years): (before, after, types only before, types only after). ``column`` any case."""
    def types(frame):
        name = next((c for c in frame.columns if str(c).strip().upper() == column), None)
        if name is None:
            return None, None
        return name, frame[name].astype(str).str.strip().str.upper()

    name_before, types_before = types(before)
    name_after, types_after = types(after)
    if name_before is None or name_after is None:
        return before, after, [], []
    shared = set(types_before) & set(types_after)
    only_before = sorted(set(types_before) - shared)
    only_after = sorted(set(types_after) - shared)
    return (_kept(before, types_before.isin(shared)), _kept(after, types_after.isin(shared)),
            only_before, only_after)


def _kept(frame, mask):
    kept = frame[mask.to_numpy()]
    lines = frame.attrs.get("line_numbers")
    if lines is not None:
        kept.attrs["line_numbers"] = [line for line, keep in zip(lines, mask.to_numpy()) if keep]
    return kept


@dataclass
class BpeDates:
    before: pd.DataFrame  # the counts per commune of each date (NB_EQUIP_TOTAL, A…G, gammes, NB_TYPEQU),
    after: pd.DataFrame  # on the layer's communes, in its order (merged communes summed through the passage)
    only_before: list  # equipment types of one date only, left out of both
    only_after: list
    report: list  # the BPE and join reports' rows
    lines: list  # the log's lines (the BPE summaries, the gamme lists, the joins)
    merged: dict = field(default_factory=dict)  # {today's code: text of the codes summed onto it}
    kept_types: int = 0  # equipment types compared (present at both dates)
    # Codes of the earlier BPE gone from the later one and absent from the layer, in the layer's
    # départements, that the table de passage does not know: communes outside the territory without
    # equipment at the later date, or communes merged between the two dates.
    vanished: list = field(default_factory=list)


def bpe_at_two_dates(before, after, layer_codes, passage=None, sources=("BPE avant", "BPE après"),
                     bpe_years=(None, None)):
    """Two BPE long tables (DEPCOM, TYPEQU, NB_EQUIP as read_table gives them) counted on the layer's
    communes over the equipment types present at both dates, with the gamme lists of the later BPE's year
    for both (a type keeps its gamme), the rows of communes merged since summed onto today's code through
    the table de passage (``passage``, a mergers.Passage) — the join's own treatment."""
    from .bpe import aggregate, choose_gammes
    from .join import join_tables

    before, after, only_before, only_after = common_types(before, after)
    name = next((c for c in after.columns if str(c).strip().upper() == "TYPEQU"), None)
    kept_types = len(set(after[name].astype(str).str.strip().str.upper())) if name is not None else 0
    later = aggregate(after, source=sources[1], bpe_year=bpe_years[1])
    gammes = choose_gammes(later.summary.year or bpe_years[1])
    results = [aggregate(before, source=sources[0], gammes=gammes, bpe_year=bpe_years[0]), later]
    codes = list(layer_codes)
    layer_set = set(codes)
    tables, report, lines, merged = [], [], [], {}
    for source, result in zip(sources, results):
        report.extend(result.report)
        lines.append(result.summary.line())
        joined = join_tables(codes, [(source, result.table.astype(str))], passage=passage)
        report.extend(joined.report)
        lines.extend(summary.line() for summary in joined.summaries)
        if passage is not None:
            table_codes = [c for c in result.table.iloc[:, 0] if c not in layer_set]
            _, _, mapping, _ = passage.mapping_for(table_codes, layer_set)
            for code in table_codes:
                if mapping.get(code) in layer_set:
                    merged.setdefault(mapping[code], []).append(f"{code} ({source})")
        values = joined.values.apply(pd.to_numeric, errors="coerce")
        values.index = range(len(codes))
        tables.append(values)
    lines.append(tr("Gamme lists of both dates: {note}.").format(note=gammes.note))
    columns = [c for c in tables[1].columns if c in tables[0].columns]
    return BpeDates(before=tables[0][columns], after=tables[1][columns], only_before=only_before,
                    only_after=only_after, report=report, lines=lines,
                    merged={code: ", ".join(parts) for code, parts in merged.items()}, kept_types=kept_types,
                    vanished=vanished_codes(results[0].table.iloc[:, 0], results[1].table.iloc[:, 0], layer_set,
                                            passage))


def _department(code):
    return code[:3] if code.startswith("97") else code[:2]


def vanished_codes(codes_before, codes_after, layer_set, passage=None):
    """Codes of the earlier table absent from the later one and from the layer, in the layer's départements,
    that the table de passage (if any) does not know. A commune merged between the dates looks like this:
    without a passage its rows would be lost to the comparison, silently but for this list."""
    departments = {_department(code) for code in layer_set}
    gone = set(codes_before) - set(codes_after) - layer_set
    gone = {code for code in gone if isinstance(code, str) and _department(code) in departments}
    if passage is not None and gone:
        _, _, mapping, _ = passage.mapping_for(sorted(gone), layer_set)
        gone -= set(mapping)  # merged into a commune of the layer (summed) or outside it (not ours)
    return sorted(gone)
