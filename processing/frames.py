"""Between QGIS layers and pandas: one read of the attributes, one write of the results."""

import contextlib
import gc
import math
import os
import shutil
import sqlite3
import tempfile
import threading

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..compat import (
    ARRAY_AGGREGATE,
    AREA_KM2,
    DISTANCE_UNKNOWN,
    FIELD_DOUBLE,
    FIELD_INT,
    FIELD_STRING,
    GEOMETRY_SKIP_INVALID,
    NO_GEOMETRY,
    REQUEST_NO_GEOMETRY,
    SINK_FAST_INSERT,
    SQLITE_LIKE_TYPES,
    is_null,
    python_value,
)
from ..core.indicators import AREA_COLUMN
from ..i18n import tr
from .failures import is_file_destination
from .geopackage_columns import geopackage_column, read_geopackage_columns, read_raw_columns
from .postgis_reading import postgis_table_behind, read_postgis_attributes


def whole_layer_behind(algorithm, parameters, name, context, source):
    """The layer a source reads when it reads the whole layer as it is (no selection, limit, filter or
    subset, no unsaved edit, no invalid feature skipped), else None."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", "") \
                or bool(value.flags):  # its own geometry check
            return None
    if context.invalidGeometryCheck() == GEOMETRY_SKIP_INVALID:
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if not isinstance(layer, QgsVectorLayer) or layer.isEditable() or layer.subsetString():
        return None
    return layer if layer.featureCount() == source.featureCount() else None


class WholeLayer:
    """A layer read whole, as ``read_attributes`` reads a processing source: by its bulk paths (one aggregate
    for a memory layer, one SQLite query for a GeoPackage table, one SQL query for a PostGIS table) when it
    has no unsaved edit nor filter, feature by feature otherwise. For the panel, which reads layers outside
    processing."""

    def __init__(self, layer):
        self.layer = layer
        whole = layer if not layer.isEditable() and not layer.subsetString() else None
        self.memory_layer = memory_layer_behind(whole)
        self.geopackage_table = geopackage_table_behind(whole)
        self.postgis_table = postgis_table_behind(whole)

    def __getattr__(self, name):  # fields(), featureCount(), getFeatures(), sourceCrs()…: the layer's
        return getattr(self.layer, name)


def memory_layer_behind(layer):
    """The memory layer itself, or None: its attributes are then taken in one aggregate (``read_attributes``)."""
    return layer if layer is not None and layer.providerType() == "memory" else None


def geopackage_table_behind(layer):
    """(file, table) of a layer that is a GeoPackage file's table, or None: its attributes are then read
    by SQLite directly (``read_attributes``)."""
    if layer is None or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path", ""), parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path) or parts.get("subset") \
            or (not table and parts.get("layerId") not in (None, "", 0)):
        return None
    return path, table or None  # None: the file's only table, as QGIS opens it


def _only_table(connection):
    tables = [row[0] for row in connection.execute("SELECT table_name FROM gpkg_contents")]
    return tables[0] if len(tables) == 1 else None


def read_attributes(source, field_names, feedback, code_field=None, feature_ids=None):
    """DataFrame of ``field_names`` for every feature, in feature order, NULL as None.

    The code field is read as text whatever its type in the layer. The features'
    ids are appended to the list ``feature_ids`` when given (for writing results back).
    """
    layer = getattr(source, "memory_layer", None)  # set by CentralitesAlgorithm.parameterAsSource
    if layer is not None:
        return _read_memory_layer(layer, field_names, feedback, code_field, feature_ids)
    fields = source.fields()
    indexes = [fields.lookupField(name) for name in field_names]
    table = getattr(source, "geopackage_table", None)  # set by CentralitesAlgorithm.parameterAsSource
    if table is not None and all(fields.at(i).type() in SQLITE_LIKE_TYPES for i in indexes):
        # GDAL's Arrow stream into numpy when this GDAL has it, else one SQLite query.
        frame = read_geopackage_columns(table, fields, field_names, code_field, feature_ids, source.featureCount())
        if frame is None:
            frame = read_geopackage_table(table, field_names, feedback, code_field, feature_ids,
                                          source.featureCount())
        if frame is not None:
            return frame
    postgis_table = getattr(source, "postgis_table", None)  # set by CentralitesAlgorithm.parameterAsSource
    if postgis_table is not None:
        frame = read_postgis_attributes(source, postgis_table, fields, field_names, feedback, code_field,
                                        feature_ids, source.featureCount())
        if frame is not None:
            return frame
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes(indexes)
    rows, ids, total = [], [], max(source.featureCount(), 1)
    # Some providers (memory layers) return every attribute whatever the subset asked:
    # converting all of them is the cost, so a few fields are taken one by one.
    few = len(indexes) * 4 < fields.count()
    with paused_gc():
        for count, feature in enumerate(source.getFeatures(request)):
            if count % 1000 == 0:
                if feedback.isCanceled():
                    return None
                feedback.setProgress(20.0 * count / total)
            if few:
                rows.append([feature.attribute(i) for i in indexes])
            else:
                attributes = feature.attributes()
                rows.append([attributes[i] for i in indexes])
            ids.append(feature.id())
        columns = list(zip(*rows)) if rows else [() for _ in field_names]
        del rows
        frame = pd.DataFrame({name: _without_nulls(values) for name, values in zip(field_names, columns)},
                             columns=list(field_names))
    _typed(frame, field_names, code_field, feature_ids, ids)
    return frame


def read_geopackage_table(table, field_names, feedback, code_field, feature_ids, count):
    """``read_attributes`` of a GeoPackage table, (file, table or None), by SQLite (one query, by feature id), or None when the table
    is not as QGIS showed it (then read feature by feature). QGIS's conversion of every attribute of every
    feature was the cost: on 350,000 features, most of the score's time."""
    path, name = table
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            name = name or _only_table(connection)
            if name is None:
                return None
            key = next((column for _, column, _, _, _, primary in
                        connection.execute(f"PRAGMA table_info({_sql_name(name)})") if primary), None)
            if key is None:
                return None
            with paused_gc():
                rows = connection.execute("SELECT {key}, {columns} FROM {table} ORDER BY {key}".format(
                    key=_sql_name(key), columns=", ".join(_sql_name(column) for column in field_names),
                    table=_sql_name(name))).fetchall()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    if len(rows) != count or feedback.isCanceled():
        return None
    with paused_gc():
        columns = list(zip(*rows)) if rows else [() for _ in range(len(field_names) + 1)]
        del rows
        frame = pd.DataFrame({name: list(values) if name == code_field else _number_array(values)
                              for name, values in zip(field_names, columns[1:])}, columns=list(field_names))
    _typed(frame, field_names, code_field, feature_ids, columns[0])
    feedback.setProgress(20)
    return frame


def _number_array(values):
    """SQLite's values of a column as the array ``_typed`` would make of them (whole numbers int64, numbers
    with gaps or decimals float64) in one numpy call; other columns as a list, for ``_typed`` to judge."""
    kinds = set(map(type, values))
    if kinds == {int}:
        return np.array(values, dtype=np.int64)
    if kinds and kinds <= {int, float, type(None)} and kinds != {type(None)}:
        numbers = np.array(values, dtype="float64")  # None becomes NaN
        if int not in kinds or not (np.abs(numbers) >= 2**53).any():
            return numbers
    return list(values)


def _sql_name(name):
    return '"' + str(name).replace('"', '""') + '"'


_gc_holds = {"count": 0, "was_enabled": False}
_gc_lock = threading.Lock()


def hold_gc():
    """Pause Python's cycle collector until the matching ``release_gc`` (holds nest, from any thread)."""
    with _gc_lock:
        if _gc_holds["count"] == 0:
            _gc_holds["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_holds["count"] += 1


def release_gc():
    with _gc_lock:
        if _gc_holds["count"] == 0:
            return
        _gc_holds["count"] -= 1
        if _gc_holds["count"] == 0 and _gc_holds["was_enabled"]:
            gc.enable()


@contextlib.contextmanager
def paused_gc():
    """Python's cycle collector paused while millions of small objects (rows, values) are made: each of its
    passes walks every object alive, so on 350,000 features they made the reading grow faster than the layer."""
    hold_gc()
    try:
        yield
    finally:
        release_gc()


class CollectorFreeThread(threading.Thread):
    """A worker thread (GDAL copies) during whose life the cycle collector is paused: a collection run by the
    worker would destroy QGIS objects left by the main thread (layers, features) in the worker, which crashed
    QGIS 3.40 (a segmentation fault inside a GDAL copy). Resumed by ``join``, which the bulk writers always
    call from the algorithm's thread (``discard`` in a ``finally``)."""

    def __init__(self, target):
        super().__init__(target=target, daemon=True)
        self._held = False

    def start(self):
        hold_gc()
        self._held = True
        super().start()

    def join(self, timeout=None):
        super().join(timeout)
        if self._held and not self.is_alive():
            self._held = False
            release_gc()


def _read_memory_layer(layer, field_names, feedback, code_field, feature_ids):
    """``read_attributes`` of a memory layer. Its provider hands every attribute of every feature whatever
    the subset asked, and turning each into Python was the cost: many values are written by QGIS's file
    writer (C++) to a GeoPackage of their own and read back into numpy (``_read_memory_layer_copied``); a few,
    or when that cannot be, one aggregate (C++) gathers the needed fields and each feature's id."""
    if len(field_names) * layer.featureCount() >= COPIED_READ_VALUES:
        frame = _read_memory_layer_copied(layer, field_names, code_field, feature_ids)
        if frame is not None:
            feedback.setProgress(20)
            return frame
    return _read_memory_layer_aggregated(layer, field_names, feedback, code_field, feature_ids)


# Values (fields × features) from which a memory layer is read through a GeoPackage copy: turning a value
# into Python costs about a microsecond, writing and reading it back a small part of that.
COPIED_READ_VALUES = 200_000


def _read_memory_layer_copied(layer, field_names, code_field, feature_ids):
    """The fields of a memory layer (read whole: no edit, no filter) by a GeoPackage copy without geometry,
    read by GDAL's Arrow stream; None when a field is not one SQLite keeps as QGIS shows it, or this GDAL
    cannot, or the copy is not the layer's features in the order of their ids."""
    read = copied_memory_columns(layer, field_names)
    if read is None:
        return None
    copy_ids, narrow, arrays = read
    # The writer numbers the features 1, 2, … in the order the layer gives them: a memory layer's, by id.
    ids = sorted(layer.allFeatureIds())
    if copy_ids.tolist() != list(range(1, len(ids) + 1)):
        return None
    try:
        frame = pd.DataFrame({name: geopackage_column(arrays[name], narrow.at(narrow.lookupField(name)).type(),
                                                      name == code_field) for name in field_names},
                             columns=list(field_names), index=pd.RangeIndex(len(ids)))
    except UnicodeDecodeError:
        return None
    if feature_ids is not None:
        feature_ids.extend(ids)
    return frame


def copied_memory_columns(layer, field_names):
    """(copy's feature ids 1, 2, … in the layer's order, the fields copied, {name: numpy masked array as
    GDAL gives it}) of a memory layer's fields, copied alone by QGIS's file writer (C++, no geometry) to a
    GeoPackage of their own and read back by GDAL's Arrow stream: turning each value into Python was the
    cost. None when a field is not one SQLite keeps as QGIS shows it, or the copy or the read cannot be."""
    fields = layer.fields()
    narrow = QgsFields()
    for name in field_names:
        index = fields.lookupField(name)
        if index < 0 or fields.at(index).type() not in SQLITE_LIKE_TYPES:
            return None
        narrow.append(fields.at(index))
    folder = tempfile.mkdtemp(prefix="centralites-read-")
    try:
        path = os.path.join(folder, "fields.gpkg")
        if not write_fields_copy(layer, field_names, path):
            return None
        read = read_raw_columns((path, "fields"), narrow, field_names, layer.featureCount())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if read is None:
        return None
    return read[0], narrow, read[1]


def write_fields_copy(layer, field_names, path):
    """``layer``'s ``field_names`` alone, without geometry, written by QGIS's file writer (C++) to the
    GeoPackage ``path`` as its table ``fields``, the features numbered 1, 2, … in the layer's order; False
    when the writer fails."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName, options.fileEncoding = "GPKG", "fields", "UTF-8"
    options.attributes = [layer.fields().lookupField(name) for name in field_names]
    options.overrideGeometryType = NO_GEOMETRY
    error, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsCoordinateTransformContext(), options)
    return error == QgsVectorFileWriter.WriterError.NoError


def _read_memory_layer_aggregated(layer, field_names, feedback, code_field, feature_ids):
    feedback.setProgress(1)
    expression = "array({columns}, $id)".format(
        columns=", ".join(QgsExpression.quotedColumnRef(name) for name in field_names))
    with paused_gc():
        rows, ok = layer.aggregate(ARRAY_AGGREGATE, expression)
        if not ok or rows is None or is_null(rows):
            raise QgsProcessingException(tr("The layer {name} could not be read.").format(name=layer.name()))
        if feedback.isCanceled():
            return None
        columns = list(zip(*rows)) if rows else [() for _ in range(len(field_names) + 1)]
        del rows
        frame = pd.DataFrame({name: _without_nulls(values) for name, values in zip(field_names, columns)},
                             columns=list(field_names))
    _typed(frame, field_names, code_field, feature_ids, columns[-1])
    feedback.setProgress(20)
    return frame


def _typed(frame, field_names, code_field, feature_ids, ids):
    """The read frame's types, whatever path read it: codes as text, numbers as numbers; the ids kept."""
    if code_field:
        frame[code_field] = frame[code_field].map(lambda v: None if v is None else str(v))
    for name in field_names:
        if name != code_field:
            frame[name] = _as_numbers_when_possible(frame[name])
    if feature_ids is not None:
        feature_ids.extend(ids)


def _without_nulls(values):
    """Attribute values as plain Python: NULL (a null QVariant on Qt5) as None."""
    return [value if type(value) in _PLAIN else python_value(value) for value in values]


_PLAIN = frozenset({int, float, str, bool})


def _as_numbers_when_possible(column):
    converted = pd.to_numeric(column, errors="coerce")
    return converted if converted.notna().sum() == column.notna().sum() else column


def ellipsoidal_areas_km2(source, context, feedback):
    """Area of each feature in km² on the project's ellipsoid (WGS 84 when none)."""
    crs = source.sourceCrs()
    if not crs.isValid() or crs.mapUnits() == DISTANCE_UNKNOWN:
        feedback.pushWarning(tr(
            "The layer has no coordinate reference system, or one of unknown units: the areas of the densities "
            "are taken in the layer's own units as if they were metres, and may be wrong. Set the layer's CRS "
            "(Layer Properties → Source) or give the profile an area column, then run again."))
    calculator = QgsDistanceArea()
    calculator.setSourceCrs(crs, context.transformContext())
    calculator.setEllipsoid(context.ellipsoid() or "EPSG:7030")
    areas = []
    for feature in source.getFeatures(QgsFeatureRequest().setNoAttributes()):
        if feedback.isCanceled():
            return None
        geometry = feature.geometry()
        area = calculator.measureArea(geometry) if not geometry.isEmpty() else float("nan")
        areas.append(calculator.convertAreaMeasurement(area, AREA_KM2))
    return pd.Series(areas, name=AREA_COLUMN, dtype="float64")


def fields_for(frame, existing):
    """QgsFields for the columns of ``frame`` (double, integer or text)."""
    fields = QgsFields()
    for name in frame.columns:
        if name in existing:
            continue
        dtype = frame[name].dtype
        if pd.api.types.is_integer_dtype(dtype):
            fields.append(QgsField(name, FIELD_INT))
        elif pd.api.types.is_float_dtype(dtype):
            fields.append(QgsField(name, FIELD_DOUBLE))
        else:
            fields.append(QgsField(name, FIELD_STRING))
    return fields


def attribute_rows(frame):
    """Row-wise plain Python values, with NaN and pd.NA turned into None (NULL)."""
    for row in zip(*plain_columns(frame)):
        yield list(row)


def plain_columns(frame):
    """Column-wise plain Python values (lists), with NaN and pd.NA turned into None (NULL)."""
    return [_plain_values(frame.iloc[:, position]) for position in range(frame.shape[1])]


def _plain_values(column):
    """The column as a list of plain Python values, NaN and pd.NA as None: what _clean gives each cell."""
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else None
    if kind == "f" and column.dtype.itemsize <= 8:  # tolist() gives Python floats; NaN positions become None
        numbers = column.to_numpy()
        values = numbers.tolist()
        for position in np.flatnonzero(np.isnan(numbers)).tolist():
            values[position] = None
        return values
    if kind in ("i", "u", "b"):  # never missing; tolist() gives Python ints and bools
        return column.to_numpy().tolist()
    # Text, nullable integers and the rest: the missing cells (NaN, None, pd.NA, NaT) found in one pass; cell
    # by cell only when some cell is not a plain Python value (a numpy scalar, say).
    values = column.astype(object).tolist()
    for position in np.flatnonzero(pd.isna(column).to_numpy()).tolist():
        values[position] = None
    if set(map(type, values)) <= _PLAIN_OR_NONE:
        return values
    return [value if type(value) is str or value is None else _clean(value) for value in values]


_PLAIN_OR_NONE = frozenset({str, int, float, bool, type(None)})


def _clean(value):
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_with_columns(source, sink, frame, feedback, progress_from=50.0, drop_fields=(), feature_ids=None,
                       memory_layer=None):
    """Copy every feature of ``source`` to ``sink`` with the columns of ``frame`` appended.

    Geometry and the source attributes are copied untouched (except the
    fields in ``drop_fields``, replaced by new values). ``feature_ids`` (the ids the
    rows of ``frame`` were read from) pair each feature with its row by id: a provider
    need not return its features in the same order twice. Returns False when cancelled.
    ``memory_layer``: the (empty) memory layer the sink writes to, filled in bulk instead (``fill_memory_layer``).
    """
    if memory_layer is not None:
        return fill_memory_layer(source, memory_layer, frame, feedback, progress_from, drop_fields, feature_ids)
    source_fields = source.fields()
    kept = [i for i, f in enumerate(source_fields) if f.name() not in drop_fields]
    every_field = len(kept) == len(source_fields)
    rows = list(attribute_rows(frame))
    row_of = {fid: position for position, fid in enumerate(feature_ids)} if feature_ids is not None else None
    total = max(source.featureCount(), 1)
    for count, feature in enumerate(source.getFeatures()):
        if feedback.isCanceled():
            return False
        position = count if row_of is None else row_of.get(feature.id())
        if position is None or position >= len(rows):
            raise QgsProcessingException(tr(
                "The layer changed while it was being read (feature {fid} was not there): run the algorithm again "
                "once the layer is no longer being edited.").format(fid=feature.id()))
        values = rows[position]
        attributes = feature.attributes()
        out = QgsFeature()
        out.setGeometry(feature.geometry())
        if every_field and len(attributes) == len(kept):
            out.setAttributes(attributes + values)  # nothing dropped: no per-field copy
        else:
            out.setAttributes([attributes[i] for i in kept] + values)
        sink.addFeature(out)
        if count % 500 == 0:
            feedback.setProgress(progress_from + (100.0 - progress_from) * count / total)
    return True


def fill_memory_layer(source, layer, frame, feedback, progress_from=50.0, drop_fields=(), feature_ids=None):
    """``write_with_columns`` into an empty memory layer (fields: the source's but ``drop_fields``, then the
    columns of ``frame``), with no QgsFeature built in Python and no sink call per feature.

    The source's features are taken as QGIS gives them (geometry and attributes stay in C++), each gets its
    new values — appended to its attributes when it has fewer than the new columns, else set one by one
    on the feature padded with NULL (reading many attributes into Python was the cost) —, and they go to
    the provider in one call per 10,000. Returns False when cancelled.
    """
    with paused_gc():
        return _fill_memory_layer(source, layer, frame, feedback, progress_from, drop_fields, feature_ids)


def _fill_memory_layer(source, layer, frame, feedback, progress_from, drop_fields, feature_ids):
    source_fields = source.fields()
    # The whole layer's features as they are, its geometries copied unchecked as the bulk copies copy them
    # (the source's check of every geometry's validity cost more than the rest of the reading).
    features = list((getattr(source, "whole_layer", None) or source).getFeatures())
    if feedback.isCanceled():
        return False
    positions = _row_positions([feature.id() for feature in features], feature_ids, len(frame))
    in_order = len(positions) == len(frame) and positions == list(range(len(frame)))  # the usual case
    columns = plain_columns(frame if in_order else frame.iloc[positions])
    rows = list(zip(*columns)) if columns else [()] * len(features)
    kept = [i for i, field in enumerate(source_fields) if field.name() not in drop_fields]
    count = source_fields.count()
    padded = len(kept) == count and count > len(columns)  # many source attributes, none dropped
    indexes = list(range(count, count + len(columns)))
    provider = layer.dataProvider()
    total = max(len(features), 1)
    for start in range(0, len(features), WRITE_BATCH):
        if feedback.isCanceled():
            return False
        batch = features[start:start + WRITE_BATCH]
        for feature, row in zip(batch, rows[start:start + WRITE_BATCH]):
            if padded:
                feature.padAttributes(len(indexes))
                set_attribute = feature.setAttribute
                for index, value in zip(indexes, row):
                    set_attribute(index, value)
            elif len(kept) == count:
                feature.setAttributes(feature.attributes() + list(row))
            else:
                attributes = feature.attributes()
                feature.setAttributes([attributes[i] for i in kept] + list(row))
        if not provider.addFeatures(batch)[0]:
            raise QgsProcessingException(tr("The output layer could not be written: {error}").format(
                error=provider.lastError() or tr("unknown error")))
        feedback.setProgress(progress_from + (100.0 - progress_from) * start / total)
    layer.updateExtents()
    return True


WRITE_BATCH = 10000  # features handed to the provider in one call


def _row_positions(ids, feature_ids, rows):
    """The row of ``frame`` of each feature id (rows in feature order when no ids were recorded)."""
    if feature_ids is None:
        if len(ids) > rows:
            raise QgsProcessingException(tr(
                "The layer changed while it was being read (feature {fid} was not there): run the algorithm again "
                "once the layer is no longer being edited.").format(fid=ids[rows]))
        return list(range(len(ids)))
    row_of = {fid: position for position, fid in enumerate(feature_ids)}
    positions = [row_of.get(fid) for fid in ids]
    if None in positions:
        raise QgsProcessingException(tr(
            "The layer changed while it was being read (feature {fid} was not there): run the algorithm again "
            "once the layer is no longer being edited.").format(fid=ids[positions.index(None)]))
    return positions


def new_memory_layer(sink_id, context):
    """The memory layer behind a sink QGIS just created (a temporary output), or None."""
    if not sink_id:
        return None
    layer = context.temporaryLayerStore().mapLayer(sink_id) if context is not None else None
    if isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory" and layer.featureCount() == 0:
        return layer
    return None


def output_fields(source, frame, drop_fields=()):
    fields = QgsFields()
    for field in source.fields():
        if field.name() not in drop_fields:
            fields.append(field)
    for field in fields_for(frame, existing=()):
        fields.append(field)
    return fields


def output_exists(destination):
    """Whether the file behind an output destination exists before the run.

    Its folder is created when missing, so a new output folder just works.
    """
    path = (destination or "").split("|")[0]
    if not is_file_destination(path):
        return True  # a table inside a database, or no file: never delete anything, never make a folder
    folder = os.path.dirname(path)
    if folder and not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
    return os.path.exists(path)


def discard_output(path_existed_before, destination):
    """Remove an output file this run created but could not finish."""
    path = destination.split("|")[0]
    if not path_existed_before and path and os.path.isfile(path):
        try:
            os.remove(path)
        except OSError:
            pass


def require_field(source, name, parameter_label):
    if source.fields().lookupField(name) < 0:
        names = ", ".join(source.fields().names())
        raise QgsProcessingException(
            tr("{label}: the field '{name}' is not in the layer. Fields found: {names}.").format(
                label=parameter_label, name=name, names=names
            )
        )


def write_table(sink, frame, feedback=None, progress=None):
    """Write every row of ``frame`` to a table sink (fields from ``fields_for(frame)``); False when cancelled.

    The features go to the sink in batches of 10,000 (one call each); ``progress`` is a (from, to) range
    of the feedback's progress to move through.
    """
    total = max(len(frame), 1)
    batch = []
    for count, values in enumerate(attribute_rows(frame), 1):
        feature = QgsFeature()
        feature.setAttributes(values)
        batch.append(feature)
        if len(batch) == WRITE_BATCH:
            if feedback is not None and feedback.isCanceled():
                return False
            sink.addFeatures(batch, SINK_FAST_INSERT)
            batch = []
            if feedback is not None and progress is not None:
                feedback.setProgress(progress[0] + (progress[1] - progress[0]) * count / total)
    if feedback is not None and feedback.isCanceled():
        return False
    if batch:
        sink.addFeatures(batch, SINK_FAST_INSERT)
    return True
