"""What the panel reads from a centrality_change output: the two dates' fields, and the later date as the
panel's scores (ranking, charts, title), so that the rest of the panel reads it as a scored layer."""

import pandas as pd
from qgis.core import QgsFeedback, QgsVectorLayer

from ..core.editions import fill
from ..core.trajectory import (
    AFTER,
    BEFORE,
    BEYOND_BAND_FIELD,
    CONTRIBUTION_CHANGE_PREFIX,
    SCORED,
    census_dates,
    dated_field,
    is_change_output,
    output_fields,
)
from ..core.vocabulary import CODE_FIELD, LEVEL_CODE_FIELD, LEVEL_FIELD, RANK_FIELD, group_field, name_field
from ..processing.frames import WholeLayer, read_attributes

POPULATION_BEFORE, POPULATION_AFTER = "population_avant", "population_apres"  # the panel's names


def is_change_layer(layer):
    return isinstance(layer, QgsVectorLayer) and is_change_output(layer.fields().names())


def read_change_data(layer):
    """One row per feature (index = feature id): name, intercommunality, code, the change's fields, the
    population at each date (population_avant, population_apres when the census columns are there), and
    the later date's scores under the score's own names (score_centralite, rang, niveau…)."""
    names = layer.fields().names()
    names_field, groups_field = name_field(names), group_field(names)
    years = census_dates(names)
    populations = {}
    if years:
        for date, target in ((BEFORE, POPULATION_BEFORE), (AFTER, POPULATION_AFTER)):
            column = fill("P{census}_POP", {"census": years[date]})
            if column in names:
                populations[column] = target
    wanted = [n for n in output_fields() + [BEYOND_BAND_FIELD] if n in names]
    contributions = [n for n in names if n.startswith(CONTRIBUTION_CHANGE_PREFIX)]
    read = list(dict.fromkeys([n for n in (names_field, groups_field) if n]
                              + [n for n in (CODE_FIELD,) if n in names] + wanted + contributions
                              + list(populations)))
    ids = []
    data = read_attributes(WholeLayer(layer), read, QgsFeedback(),
                           code_field=CODE_FIELD if CODE_FIELD in read else None, feature_ids=ids)
    data.index = pd.Index(ids, dtype="int64")
    data["name"] = data[names_field].map(str) if names_field else [str(i) for i in ids]
    data["group"] = data[groups_field].map(lambda v: "" if v is None else str(v)) if groups_field else ""
    text = {dated_field(LEVEL_FIELD, BEFORE), dated_field(LEVEL_FIELD, AFTER), "mouvement", "moteurs_evolution"}
    for name in wanted + contributions + list(populations):
        if name not in text:
            data[name] = pd.to_numeric(data[name], errors="coerce").astype("float64")
    for column, target in populations.items():
        data[target] = data[column]
    for name in SCORED + (RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD):  # the later date, as the panel shows it
        data[name] = data[dated_field(name, AFTER)] if dated_field(name, AFTER) in data else None
    return data.loc[:, ~data.columns.duplicated()]
