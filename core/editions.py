"""Editions of INSEE's files: a profile names what it measures, the columns found say which year.

A column reference in a profile may carry year placeholders instead of one
edition's years: ``P{census}_POP`` is the population at the latest census,
``P{previous}_POP`` at the previous one, ``MED{income}`` the median income,
``ETGZ{establishments}`` the trade establishments, ``NAISD{civil}`` the births
of the civil-registration year. ``resolve_profile`` reads the years from the
columns of the layer — the names of INSEE's "base du comparateur de
territoires" (resources/editions/comparateur.json lists each edition's years
and variables, with their source) — and returns the profile with plain column
names, the growth periods in real years and the labels with those years.
Plain column names are left as they are.

Nothing is guessed silently: two editions side by side, a year that cannot
be found or a column no edition has give an ``EditionError`` naming what was
found and what to do; an edition not in the list is resolved from the names
and said so.
"""

import copy
import json
import os
import re
from dataclasses import dataclass, field

from .indicators import FORMULAS, formula_columns
from .messages import tr

SLOTS = ("census", "previous", "births", "income", "establishments", "civil")
# A placeholder of a column reference: {census} ... (two digits, as INSEE writes them);
# in labels and sources, the same placeholders give four-digit years, and {edition} the edition.
_PLACEHOLDER = re.compile(r"\{(" + "|".join(SLOTS) + r")\}")
_LABEL_PLACEHOLDER = re.compile(r"\{(" + "|".join(SLOTS + ("edition",)) + r")\}")
EDITIONS_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "editions",
                             "comparateur.json")
# The sources' short names, INSEE's own (language-neutral): RP census, Filosofi income,
# REE establishments, état civil births and deaths.
# Output field of the score: the editions and years of the data, for a map's sources line.
VINTAGE_FIELD = "millesimes"
SOURCE_NAMES = {"census": "RP", "income": "Filosofi", "establishments": "REE", "civil": "état civil"}


class EditionError(Exception):
    """The columns do not say which years the profile's placeholders mean."""


def slots_of(text):
    """The placeholders of a column reference, in order (``NAIS{previous}{census}`` -> both)."""
    return _PLACEHOLDER.findall(text) if isinstance(text, str) else []


def has_placeholders(profile):
    """True when a formula of the profile names a column by its role."""
    return any(
        slots_of(column)
        for function in profile["functions"].values()
        for indicator in function["indicators"]
        for column in formula_columns(indicator["formula"])
    )


@dataclass
class Edition:
    edition: int
    years: dict  # slot -> four-digit year
    templates: list  # its column names with placeholders
    source: str
    evidence: str = ""  # "header": a real file's header; "partial": some names seen, the rest inferred
    snapshots: list = field(default_factory=list)  # {slot: year} of other releases of the same edition
    renamed: dict = field(default_factory=dict)  # usual template -> this edition's

    def variables(self):
        """The edition's column names."""
        return [fill(template, self.years) for template in self.templates]

    def has_years(self, slot, year):
        return self.years.get(slot) == year or any(s.get(slot) == year for s in self.snapshots)


@dataclass
class Recognition:
    """What the columns say: the year of each placeholder, the edition, and the evidence."""

    years: dict = field(default_factory=dict)  # slot -> four-digit year, resolved slots only
    found: dict = field(default_factory=dict)  # slot -> sorted years seen (several: ambiguous)
    evidence: dict = field(default_factory=dict)  # slot -> {year: columns it was read from}
    edition: int = None  # the known edition whose years these are, None when none is
    warnings: list = field(default_factory=list)  # the result is valid but may be wrong: say it
    notes: list = field(default_factory=list)  # what was done beyond the plain names: say it too

    def describe(self):
        """E.g. "comparateur 2025 edition: census 2022 and 2016, income 2021, establishments 2021"."""
        parts = []
        if "census" in self.years:
            if "previous" in self.years:
                parts.append(tr("census {latest} and {previous}").format(
                    latest=self.years["census"], previous=self.years["previous"]))
            else:
                parts.append(tr("census {latest}").format(latest=self.years["census"]))
        if "income" in self.years:
            parts.append(tr("income {year}").format(year=self.years["income"]))
        if "establishments" in self.years:
            parts.append(tr("establishments {year}").format(year=self.years["establishments"]))
        if not parts:
            return ""
        if self.edition:
            head = tr("comparateur {edition} edition").format(edition=self.edition)
        else:
            head = tr("comparateur, edition not in the plugin's list (years read from the column names)")
        return f"{head}: {', '.join(parts)}"

    def mixed(self):
        """A message when the columns hold several editions side by side (None otherwise)."""
        seen = []
        for group, years in self.found.items():
            if len(years) > (2 if group == "census" else 1):
                evidence = self.evidence.get(group, {})
                seen.append("; ".join(f"{year}: {', '.join(evidence[year][:3])}" for year in years))
        if not seen:
            return None
        return tr("Columns of several editions of INSEE's comparateur side by side ({seen}): a profile that "
                  "names its columns by their role (P{{census}}_POP…) cannot tell which to use. Join one "
                  "edition only, or name the columns in the profile.").format(seen=" | ".join(seen))

    def vintage(self):
        """The data's years in INSEE's own short names, for a map's sources line and the output
        layer: "INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2024"."""
        parts = []
        for slot in ("census", "previous", "income", "establishments"):
            if slot in self.years:
                parts.append(f"{SOURCE_NAMES.get(slot, 'RP')} {self.years[slot]}")
        if not parts:
            return ""
        head = tr("INSEE comparateur {edition}").format(edition=self.edition) if self.edition \
            else tr("INSEE comparateur")
        return f"{head}: {', '.join(parts)}"


def slot_label(slot):
    """What a placeholder stands for, in the user's language."""
    return {
        "census": tr("census"), "previous": tr("previous census"), "births": tr("end of the births period"),
        "income": tr("income"),
        "establishments": tr("establishments"), "civil": tr("births and deaths"),
    }[slot]


def fill(template, years):
    """``template`` with each placeholder replaced by the two digits of its year (kept when unknown)."""
    def year(match):
        slot = match.group(1)
        return f"{years[slot] % 100:02d}" if slot in years else match.group(0)

    return _PLACEHOLDER.sub(year, template)


def load_editions(path=None):
    """The known editions of the comparateur (resources/editions/comparateur.json)."""
    path = path or EDITIONS_FILE
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    editions = []
    for entry in data["editions"]:
        years = {slot: int(entry[slot]) for slot in SLOTS if entry.get(slot) is not None}
        renamed = entry.get("renamed", {})
        dropped = set(entry.get("dropped", []))
        templates = [renamed.get(t, t) for t in data["templates"] if t not in dropped]
        snapshots = [{slot: int(year) for slot, year in snapshot.items()} for snapshot in entry.get("snapshots", [])]
        editions.append(Edition(edition=int(entry["edition"]), years=years, templates=templates,
                                source=entry.get("source", ""), evidence=entry.get("evidence", ""),
                                snapshots=snapshots, renamed=renamed))
    return editions


_EDITIONS = None


def known_editions():
    global _EDITIONS
    if _EDITIONS is None:
        _EDITIONS = load_editions()
    return _EDITIONS


def _template_pattern(template):
    """A regular expression matching the template's columns, one named group per placeholder."""
    pattern, position = "", 0
    for match in _PLACEHOLDER.finditer(template):
        pattern += re.escape(template[position:match.start()]) + f"(?P<{match.group(1)}>\\d\\d)"
        position = match.end()
    # Whatever the case: ogr2ogr writes a database table's columns in lower case by default (p18_pop).
    return re.compile("^" + pattern + re.escape(template[position:]) + "$", re.IGNORECASE)


def _all_templates(editions):
    templates = []
    for edition in editions:
        for template in edition.templates:
            if slots_of(template) and template not in templates:
                templates.append(template)
    return templates


def _year(two_digits):
    return 2000 + int(two_digits)  # INSEE's two-digit years of these bases are all after 2000


def recognise(columns, editions=None):
    """The years the columns carry, slot by slot, and the edition they make (a ``Recognition``).

    The latest and previous censuses are told apart by their order (the latest is the larger);
    births and deaths over the period (NAIS1318) pair them when present.
    """
    editions = known_editions() if editions is None else editions
    seen = {slot: {} for slot in SLOTS}  # slot -> {year: [columns]}
    census_pool = {}  # years of columns that could be either census
    pairs = set()
    for template in _all_templates(editions):
        pattern = _template_pattern(template)
        slots = slots_of(template)
        for column in columns:
            match = pattern.match(str(column))
            if not match:
                continue
            groups = {slot: _year(match.group(slot)) for slot in slots}
            if set(slots) == {"census", "previous"}:
                pairs.add((groups["previous"], groups["census"]))
                continue
            if "births" in groups:  # NAIS1621: the births' period starts at the previous census
                groups.pop("previous", None)
            for slot, year in groups.items():
                target = census_pool if slot in ("census", "previous") else seen[slot]
                columns_seen = target.setdefault(year, [])
                if column not in columns_seen:
                    columns_seen.append(column)
    recognition = Recognition()
    _census_years(recognition, census_pool, pairs)
    for slot in ("births", "income", "establishments", "civil"):
        years = sorted(seen[slot])
        if years:
            recognition.found[slot] = years
            recognition.evidence[slot] = seen[slot]
        if len(years) == 1:
            recognition.years[slot] = years[0]
    _match_edition(recognition, editions)
    return recognition


def _census_years(recognition, pool, pairs):
    years = sorted(pool)
    if years:
        recognition.found["census"] = years
        recognition.evidence["census"] = pool
    if len(pairs) == 1:
        previous, latest = next(iter(pairs))
        if set(years) <= {previous, latest}:
            recognition.years.update(census=latest, previous=previous)
            return
    if len(years) == 2:
        recognition.years.update(census=years[1], previous=years[0])
    elif len(years) == 1:
        recognition.years["census"] = years[0]


def _match_edition(recognition, editions):
    """The edition of the census years found; other years that no release of it has are said."""
    resolved = recognition.years
    ambiguous = [group for group, years in recognition.found.items() if len(years) > (2 if group == "census" else 1)]
    if "census" not in resolved or ambiguous:
        return  # two editions side by side are no edition: resolving a placeholder there says so
    same_census = [e for e in editions if e.years.get("census") == resolved["census"]]
    matching = [e for e in same_census
                if "previous" not in resolved or e.years.get("previous") == resolved["previous"]]
    if not matching:
        if same_census and "previous" in resolved:
            edition = same_census[0]
            recognition.warnings.append(tr(
                "The census {census} goes with the previous census {expected} in the comparateur's {edition} "
                "edition, but the previous census found is {found}: are tables of two editions mixed? Check "
                "the tables joined."
            ).format(census=resolved["census"], expected=edition.years["previous"], edition=edition.edition,
                     found=resolved["previous"]))
        return
    edition = matching[0]
    recognition.edition = edition.edition
    others = [slot for slot, year in resolved.items()
              if slot not in ("census", "previous") and not edition.has_years(slot, year)]
    if others:
        recognition.notes.append(tr(
            "{found}: a release of the {edition} edition the plugin's list does not have (it has {expected}); "
            "the years are read from the column names."
        ).format(edition=edition.edition,
                 found=", ".join(f"{slot_label(slot)} {resolved[slot]}" for slot in others),
                 expected=", ".join(f"{slot_label(slot)} {edition.years.get(slot, '—')}" for slot in others)))


# --------------------------------------------------------------------------- profiles


def resolve_profile(profile, columns, editions=None):
    """(the profile with plain column names and real years, the ``Recognition``).

    A profile without placeholders is returned as it is (with the recognition of the columns,
    for the log). Raises EditionError when a placeholder the profile uses has no year, or
    several, among ``columns``.
    """
    editions = known_editions() if editions is None else editions
    recognition = recognise(columns, editions)
    needed = _needed_slots(profile)
    problems = []  # optional indicators may miss their year: they are left out afterwards, and said
    for slot in _needed_slots(profile, required_only=True):
        problem = None if slot in recognition.years else _slot_problem(slot, recognition)
        if problem and problem not in problems:  # census and previous share theirs
            problems.append(problem)
    if problems:
        raise EditionError(tr("Profile '{profile}': {problems}").format(
            profile=profile["name"], problems=" ".join(problems)))
    if not needed:
        return profile, recognition
    resolved = copy.deepcopy(profile)
    columns = set(map(str, columns))

    def column(template):
        return _fill_reference(template, recognition, columns, editions)

    for function in resolved["functions"].values():
        for indicator in function["indicators"]:
            # As the profile writes it: the national reference is keyed by it, for every edition.
            indicator["source_formula"] = indicator["formula"]
            indicator["formula"] = _resolve_formula(indicator["formula"], recognition.years, column)
            indicator["label"] = resolve_text(indicator["label"], recognition)
    resolved["sources"] = resolve_text(resolved.get("sources", ""), recognition)
    resolved["description"] = resolve_text(resolved.get("description", ""), recognition)
    return resolved, recognition


def resolve_at(profile, years, columns, editions=None):
    """The profile with its placeholders filled with ``years`` ({slot: four-digit year}); a placeholder
    without a year is kept as written (core/trajectory.py then leaves its indicator out)."""
    editions = known_editions() if editions is None else editions
    recognition = Recognition(years=dict(years))
    columns = set(map(str, columns))
    resolved = copy.deepcopy(profile)
    for function in resolved["functions"].values():
        for indicator in function["indicators"]:
            written = indicator.get("source_formula", indicator["formula"])
            indicator["source_formula"] = written  # the national reference is keyed by it
            indicator["formula"] = _resolve_formula(
                written, years, lambda template: _fill_reference(template, recognition, columns, editions))
            indicator["label"] = resolve_text(indicator["label"], recognition)
    return resolved


def resolve_text(text, recognition):
    """Labels and sources: each placeholder whose year is known becomes that year (four digits)."""
    def year(match):
        slot = match.group(1)
        if slot == "edition":
            return str(recognition.edition) if recognition.edition else match.group(0)
        return str(recognition.years[slot]) if slot in recognition.years else match.group(0)

    return _LABEL_PLACEHOLDER.sub(year, text) if isinstance(text, str) else text


def _needed_slots(profile, required_only=False):
    needed = []
    for function in profile["functions"].values():
        for indicator in function["indicators"]:
            if required_only and indicator.get("optional"):
                continue
            for column in formula_columns(indicator["formula"]):
                needed.extend(s for s in slots_of(column) if s not in needed)
            for year in _growth_years(indicator["formula"]):
                needed.extend(s for s in slots_of(year) if s not in needed)
    return [slot for slot in SLOTS if slot in needed]


def _slot_problem(slot, recognition):
    group = "census" if slot in ("census", "previous") else slot
    what = {
        "census": tr("the census years ({{census}}, {{previous}})"),
        "income": tr("the income year ({{income}})"),
        "establishments": tr("the establishments' year ({{establishments}})"),
        "civil": tr("the year of domiciled births and deaths ({{civil}})"),
        "births": tr("the period of births and deaths ({{births}})"),
    }[group].format()
    found = recognition.found.get(group, [])
    evidence = recognition.evidence.get(group, {})
    seen = "; ".join(f"{year}: {', '.join(evidence[year][:3])}" for year in found)
    if len(found) > (2 if group == "census" else 1):
        return tr(
            "{what} cannot be told: the layer has columns of several years ({seen}), as when two "
            "editions of the comparateur are joined side by side. Join one edition only, or name the "
            "columns in the profile."
        ).format(what=what, seen=seen)
    if slot == "previous" and len(found) == 1:
        return tr(
            "The previous census ({{previous}}) cannot be found: the layer has the columns of one census "
            "only ({seen}). Join the whole comparateur file, which has both censuses, or name the columns "
            "in the profile."
        ).format(seen=seen)
    examples = {"census": "P22_POP, P16_POP", "income": "MED21", "establishments": "ETTOT24",
                "civil": "NAISD24", "births": "NAIS1621"}[group]
    return tr(
        "{what} cannot be found: no column of INSEE's comparateur carries it (such as {examples}). "
        "Join the comparateur first, or name the columns in the profile."
    ).format(what=what, examples=examples)


def _growth_years(formula):
    if isinstance(formula, str):
        return []
    kind = next(key for key in formula if key in FORMULAS)
    operands = formula[kind] if isinstance(formula[kind], list) else [formula[kind]]
    years = [y for operand in operands for y in _growth_years(operand)]
    if kind == "growth" and isinstance(formula.get("years"), list):
        years.extend(y for y in formula["years"] if isinstance(y, str))
    return years


def growth_slots(formula):
    """For a growth without "years": the placeholder of each operand (None when an operand has none
    or several), which give the period once resolved."""
    operands = formula["growth"]
    slots = []
    for operand in operands:
        found = {s for column in formula_columns(operand) for s in slots_of(column)}
        slots.append(found.pop() if len(found) == 1 else None)
    return slots


def _fill_reference(template, recognition, columns, editions):
    """The column a reference names: its template filled with the years, or the name an edition
    gave the same variable (P19_CHOMEUR1564 in the 2022 edition for P{census}_CHOM1564)."""
    name = fill(template, recognition.years)
    if name in columns or not slots_of(template):
        return name
    for edition in editions:
        other = edition.renamed.get(template)
        if other and fill(other, recognition.years) in columns:
            note = tr("{found} read for {template}: the name of the comparateur's {edition} edition.").format(
                found=fill(other, recognition.years), template=template, edition=edition.edition)
            if note not in recognition.notes:
                recognition.notes.append(note)
            return fill(other, recognition.years)
    return name


def _resolve_formula(formula, years, column):
    if isinstance(formula, str):
        return column(formula)
    resolved = dict(formula)
    kind = next(key for key in formula if key in FORMULAS)
    operands = formula[kind]
    if isinstance(operands, list):
        resolved[kind] = [_resolve_formula(operand, years, column) for operand in operands]
    else:
        resolved[kind] = _resolve_formula(operands, years, column)
    if kind == "density" and isinstance(formula.get("area"), str):
        resolved["area"] = column(formula["area"])
    if kind == "growth":
        period = formula.get("years")
        if period is None:
            period = [f"{{{slot}}}" for slot in growth_slots(formula)]
        resolved["years"] = [years.get(slots_of(y)[0], y) if isinstance(y, str) else y for y in period]
    return resolved


# --------------------------------------------------------------------------- messages


def unknown_column_hint(column, recognition, editions=None):
    """Why a column the profile names is absent, when an edition explains it: the name of another
    edition's year, or a name no edition has. None when the column is not a comparateur name."""
    editions = known_editions() if editions is None else editions
    for template in _all_templates(editions):
        match = _template_pattern(template).match(column)
        if not match:
            continue
        slots = slots_of(template)
        owners = [e.edition for e in editions
                  if template in e.templates and all(e.years.get(s) and e.years[s] % 100 == int(match.group(s))
                                                     for s in slots)]
        here = fill(template, recognition.years) if all(s in recognition.years for s in slots) else None
        role = template
        if owners and here:
            return tr("{column} is the name of the comparateur's {editions} edition; this layer has {here} "
                      "({describe}). Write {role} in the profile to follow the editions.").format(
                column=column, editions=", ".join(map(str, owners)), here=here,
                describe=recognition.describe(), role=role)
        return tr("{column} is a comparateur column of another year; write {role} in the profile to follow "
                  "the editions.").format(column=column, role=role)
    return None


def is_known_variable(column, editions=None):
    """True when ``column`` is, or follows the pattern of, a variable of a known edition."""
    editions = known_editions() if editions is None else editions
    for edition in editions:
        for template in edition.templates:
            if template == column or (slots_of(template) and _template_pattern(template).match(column)):
                return True
    return False


def edition_renames(source, target, editions=None):
    """({column of edition ``source``: the same variable's name in edition ``target``}, [columns of
    ``source`` that ``target`` no longer has]) — to lay out one edition's figures as another's."""
    editions = {e.edition: e for e in (known_editions() if editions is None else editions)}
    old, new = editions[source], editions[target]
    renames, dropped = {}, []
    new_templates = set(new.templates)
    for template in old.templates:
        usual = next((t for t, renamed in old.renamed.items() if renamed == template), template)
        target_template = new.renamed.get(usual, usual)
        if target_template in new_templates:
            renames[fill(template, old.years)] = fill(target_template, new.years)
        else:
            dropped.append(fill(template, old.years))
    return renames, dropped
