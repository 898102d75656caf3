"""What the panel reads from its layer and writes back: the fields shown, the profile's columns, the
score fields re-scored (one bulk change), and the weights kept in the project file."""

import json
import time

import numpy as np
import pandas as pd
from qgis.core import QgsFeatureRequest, QgsFeedback, QgsProcessingContext, QgsProject, QgsVectorLayer

from ..compat import REQUEST_NO_GEOMETRY, python_value
from ..processing.frames import WholeLayer, ellipsoidal_areas_km2, read_attributes
from ..processing.geopackage_columns import read_geopackage_columns
from ..core.change import CHANGE_COLUMN
from ..core.editions import has_placeholders
from ..core.explain import EXPLANATION_FIELD
from ..core.indicators import AREA_COLUMN
from ..core.profile import needs_geometry_area, profile_columns
from ..core.rescoring import WEIGHTED_FIELDS
from ..core.vocabulary import (
    CODE_FIELD,
    COMPOSITE_FIELD,
    CONTRIBUTION_PREFIX,
    LEVEL_CODE_FIELD,
    LEVEL_FIELD,
    RANK_FIELD,
    SCORE_FIELDS,
    group_field,
    name_field,
)

PROJECT_SCOPE = "centralites"
# Providers of database tables others may read too: the panel writes them only when asked.
SHARED_PROVIDERS = ("postgres", "mssql", "oracle", "hana", "db2")
SHARED_OGR_PREFIXES = ("PG:", "MSSQL:", "OCI:", "MYSQL:")


def is_shared_database(layer):
    """Whether ``layer`` is a table of a database server (PostGIS…): moving a slider must not overwrite the
    scores the whole team sees."""
    if layer.providerType() in SHARED_PROVIDERS:
        return True
    return layer.providerType() == "ogr" and layer.source().upper().startswith(SHARED_OGR_PREFIXES)


def has_scores(layer):
    return isinstance(layer, QgsVectorLayer) and all(
        layer.fields().lookupField(name) >= 0 for name in (COMPOSITE_FIELD, RANK_FIELD, *SCORE_FIELDS))


def read_columns(layer, names, code_field=None, feature_ids=None):
    """``names`` of every feature of ``layer`` (frames.read_attributes: rows in feature order, their ids
    appended to ``feature_ids``); a GeoPackage table with no unsaved edit nor filter straight from its file
    by GDAL (a tenth of a second for France), any other layer through QGIS."""
    whole = WholeLayer(layer)  # no geopackage_table when the layer is being edited or filtered
    if whole.geopackage_table is not None:
        ids = []
        frame = read_geopackage_columns(whole.geopackage_table, layer.fields(), list(names), code_field, ids,
                                        layer.featureCount())
        if frame is not None:
            if feature_ids is not None:
                feature_ids.extend(ids)
            return frame
    return read_attributes(whole, list(names), QgsFeedback(), code_field=code_field, feature_ids=feature_ids)


class LayerTable:
    """The attributes the panel needs of a layer, read once when the panel opens on it (one bulk read:
    read_columns), then sliced by ``read_layer_data``, ``read_stored_scores`` and ``read_frame``
    (a France-wide layer is read in one pass, not once per use and per profile tried)."""

    def __init__(self, layer, columns):
        names = set(layer.fields().names())
        self.layer = layer
        self.feature_ids = []
        read = [name for name in dict.fromkeys(columns) if name in names]
        self.frame = read_columns(layer, read, CODE_FIELD if CODE_FIELD in read else None, self.feature_ids)
        self._areas = None

    def covers(self, layer, columns):
        """Whether ``columns`` of ``layer`` can be taken here: those not read yet are read now (one read),
        e.g. the columns of a second profile tried."""
        if layer is not self.layer:
            return False
        names = set(layer.fields().names())
        missing = [name for name in dict.fromkeys(columns) if name in names and name not in self.frame.columns]
        if missing:
            ids = []
            more = read_columns(layer, missing, CODE_FIELD if CODE_FIELD in missing else None, ids)
            if ids != self.feature_ids:  # the layer changed since: read as before, not from here
                return False
            more.index = self.frame.index
            self.frame = pd.concat([self.frame, more], axis=1)
        return all(name in self.frame.columns for name in columns)

    def columns(self, columns, feature_ids=None):
        """A copy of ``columns`` (rows in feature order; their ids appended to ``feature_ids``)."""
        if feature_ids is not None:
            feature_ids.extend(self.feature_ids)
        return self.frame.loc[:, list(columns)].copy()

    def areas(self, context):
        """Ellipsoidal areas (km²) of the features, computed once (densities of any profile tried)."""
        if self._areas is None:
            self._areas = ellipsoidal_areas_km2(WholeLayer(self.layer), context, QgsFeedback())
        return self._areas


def display_columns(names):
    """The fields ``read_layer_data`` reads: name, intercommunality, scores, contributions, code and census
    changes (the explanation, long texts, is read for the commune shown: ``read_explanation``)."""
    names_field, groups_field = name_field(names), group_field(names)
    change_columns = [n for n in names if CHANGE_COLUMN.fullmatch(n)]
    wanted = [n for n in (COMPOSITE_FIELD, RANK_FIELD, LEVEL_FIELD, LEVEL_CODE_FIELD, *SCORE_FIELDS) if n in names]
    contributions = [n for n in names if n.startswith(CONTRIBUTION_PREFIX)]
    extra = [n for n in (CODE_FIELD,) if n in names]
    columns = wanted + contributions + extra + change_columns
    return list(dict.fromkeys([n for n in [names_field, groups_field] if n] + columns))


def read_layer_data(layer, table=None):
    """One row per feature (index = feature id): name, intercommunality, code, score fields, contributions,
    the score's explanation and census counts (taken from ``table``, a LayerTable, when it has them)."""
    names = layer.fields().names()
    names_field, groups_field = name_field(names), group_field(names)
    contributions = [n for n in names if n.startswith(CONTRIBUTION_PREFIX)]
    read = display_columns(names)
    ids = []
    if table is not None and table.covers(layer, read):
        data = table.columns(read, ids)
    else:
        data = read_columns(layer, read, CODE_FIELD if CODE_FIELD in read else None, ids)
    data.index = pd.Index(ids, dtype="int64")
    data["name"] = data[names_field].map(str) if names_field else [str(i) for i in ids]
    data["group"] = data[groups_field].map(lambda v: "" if v is None else str(v)) if groups_field else ""
    for name in (LEVEL_FIELD, LEVEL_CODE_FIELD):
        if name not in data:
            data[name] = None
    if EXPLANATION_FIELD in names:  # filled commune by commune when shown (read_explanation)
        data[EXPLANATION_FIELD] = None
    data[LEVEL_CODE_FIELD] = pd.to_numeric(data[LEVEL_CODE_FIELD], errors="coerce")
    data[RANK_FIELD] = pd.to_numeric(data[RANK_FIELD], errors="coerce")
    for name in (COMPOSITE_FIELD, *SCORE_FIELDS, *contributions):
        data[name] = pd.to_numeric(data[name], errors="coerce").astype("float64")
    return data.loc[:, ~data.columns.duplicated()]


def read_explanation(layer, feature_id):
    """The layer's explanation of its score for feature ``feature_id`` (None when it has none): France's
    35,000 long texts are not read when the panel opens, only the shown commune's."""
    index = layer.fields().lookupField(EXPLANATION_FIELD)
    if index < 0:
        return None
    request = QgsFeatureRequest().setFilterFid(int(feature_id)).setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([index])
    feature = next(layer.getFeatures(request), None)
    value = python_value(feature.attribute(index)) if feature is not None else None
    return value if isinstance(value, str) else None


def read_frame(layer, profile, feature_ids=None, table=None):
    """The profile's columns (and ellipsoidal areas when a density needs them), in feature order (the ids
    appended to ``feature_ids``), indexed by commune code when the layer has INSEE_COM (for a reference
    commune). ``profile`` is resolved on the layer's columns; taken from ``table`` when it has them."""
    from ..processing.profile_inputs import read_profile_frame

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())  # the project's ellipsoid, as the algorithm uses
    names = layer.fields().names()
    by_code = CODE_FIELD in names
    columns = [c for c in profile_columns(profile) if c in names] + ([CODE_FIELD] if by_code else [])
    columns = list(dict.fromkeys(columns))
    if table is not None and not has_placeholders(profile) and table.covers(layer, columns):
        frame = table.columns(columns, feature_ids)
        if by_code:
            frame.index = frame[CODE_FIELD].fillna("").str.strip()
        if needs_geometry_area(profile, names):
            frame[AREA_COLUMN] = table.areas(context).to_numpy()
        return frame
    return read_profile_frame(WholeLayer(layer), profile, context, QgsFeedback(), CODE_FIELD if by_code else None,
                              by_code, feature_ids)


def read_stored_scores(layer, feature_ids=None, table=None):
    """The weight-dependent score fields the layer has, in feature order (the ids appended to ``feature_ids``)."""
    fields = layer.fields()
    names = [name for name in weighted_fields(fields.names()) if fields.lookupField(name) >= 0]
    if table is not None and table.covers(layer, names):
        return table.columns(names, feature_ids).reset_index(drop=True)
    return read_columns(layer, names, feature_ids=feature_ids).reset_index(drop=True)


def weighted_fields(names):
    """The score fields a weight change alters, with the layer's contributions (contrib_*)."""
    return list(WEIGHTED_FIELDS) + [name for name in names if name.startswith(CONTRIBUTION_PREFIX)]


def write_scores(layer, feature_ids, scores, previous=None):
    """Write the weight-dependent score fields of ``scores`` (rows in the order of
    ``feature_ids``) into the layer in one bulk change; returns (success, milliseconds).

    With ``previous`` (the values the layer holds, same rows), only the values that
    differ are written: a function weight leaves the four sub-scores as they are.
    Only score fields change: the attributes the scores are computed from are never
    written. With the layer in edit mode the values go to its edit buffer (the user
    saves or discards them, with undo); otherwise straight to the data provider.
    """
    start = time.perf_counter()
    fields = layer.fields()
    names = [name for name in weighted_fields(fields.names()) if fields.lookupField(name) >= 0 and name in scores]
    changes = {}
    for name in names:
        index = fields.lookupField(name)
        values = plain_values(scores[name])
        rows = range(len(values))
        if previous is not None and name in previous:
            rows = np.flatnonzero(_differs(scores[name], previous[name])).tolist()
        for row in rows:
            changes.setdefault(feature_ids[row], {})[index] = values[row]
    ok = True
    if not changes:
        pass
    elif layer.isEditable():
        layer.beginEditCommand("Centralités weights")
        for fid, values in changes.items():
            layer.changeAttributeValues(fid, values)
        layer.endEditCommand()
    else:
        ok = layer.dataProvider().changeAttributeValues(changes)
    layer.triggerRepaint()
    return ok, (time.perf_counter() - start) * 1000.0


def _differs(new, old):
    new, old = pd.Series(new).reset_index(drop=True), pd.Series(old).reset_index(drop=True)
    if new.dtype == object or old.dtype == object:
        same = (new.isna() & old.isna()) | (new.astype(object) == old.astype(object))
        return ~same.to_numpy(dtype=bool)
    a = new.to_numpy(dtype="float64", na_value=np.nan)
    b = pd.to_numeric(old, errors="coerce").to_numpy(dtype="float64", na_value=np.nan)
    return ~((a == b) | (np.isnan(a) & np.isnan(b)))


def plain_values(column):
    """Plain Python values for QVariant: NaN and pd.NA as None (NULL), numpy scalars unwrapped."""
    values = column.astype(object).where(column.notna(), None).tolist()
    return [value.item() if hasattr(value, "item") else value for value in values]


# ------------------------------------------------------------------ project file


def save_weights(layer, profile_path, function_weights, indicator_weights):
    """The weights of ``layer`` in the project file (scope "centralites", key per layer id)."""
    value = json.dumps({"profile": profile_path, "functions": function_weights, "indicators": indicator_weights})
    QgsProject.instance().writeEntry(PROJECT_SCOPE, f"weights/{layer.id()}", value)


def clear_weights(layer):
    QgsProject.instance().removeEntry(PROJECT_SCOPE, f"weights/{layer.id()}")


def saved_weights(layer):
    """{"profile", "functions", "indicators"} saved for ``layer`` in the project, or None."""
    text, found = QgsProject.instance().readEntry(PROJECT_SCOPE, f"weights/{layer.id()}", "")
    if not found or not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) else None
