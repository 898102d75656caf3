"""Between QGIS layers and pandas: one read of the attributes, one write of the results."""

import math
import os

import numpy as np
import pandas as pd
from qgis.core import (
    QgsDistanceArea,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsProcessingException,
)

from ..compat import AREA_KM2, DISTANCE_UNKNOWN, FIELD_DOUBLE, FIELD_INT, FIELD_STRING, REQUEST_NO_GEOMETRY, python_value
from ..core.indicators import AREA_COLUMN
from ..i18n import tr


def read_attributes(source, field_names, feedback, code_field=None, feature_ids=None):
    """DataFrame of ``field_names`` for every feature, in feature order, NULL as None.

    The code field is read as text whatever its type in the layer. The features'
    ids are appended to the list ``feature_ids`` when given (for writing results back).
    """
    fields = source.fields()
    indexes = [fields.lookupField(name) for name in field_names]
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes(indexes)
    rows, ids, total = [], [], max(source.featureCount(), 1)
    # Some providers (memory layers) return every attribute whatever the subset asked:
    # converting all of them is the cost, so a few fields are taken one by one.
    few = len(indexes) * 4 < fields.count()
    for count, feature in enumerate(source.getFeatures(request)):
        if feedback.isCanceled():
            return None
        if few:
            rows.append([python_value(feature.attribute(i)) for i in indexes])
        else:
            attributes = feature.attributes()
            rows.append([python_value(attributes[i]) for i in indexes])
        ids.append(feature.id())
        if count % 1000 == 0:
            feedback.setProgress(20.0 * count / total)
    frame = pd.DataFrame(rows, columns=list(field_names))
    if code_field:
        frame[code_field] = frame[code_field].map(lambda v: None if v is None else str(v))
    for name in field_names:
        if name != code_field:
            frame[name] = _as_numbers_when_possible(frame[name])
    if feature_ids is not None:
        feature_ids.extend(ids)
    return frame


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
    columns = [_plain_values(frame[name]) for name in frame.columns]
    for row in zip(*columns):
        yield list(row)


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
    # Text and the rest: cell by cell, but str (most cells) is already plain.
    return [value if type(value) is str else _clean(value) for value in column.astype(object).tolist()]


def _clean(value):
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def write_with_columns(source, sink, frame, feedback, progress_from=50.0, drop_fields=(), feature_ids=None):
    """Copy every feature of ``source`` to ``sink`` with the columns of ``frame`` appended.

    Geometry and the source attributes are copied untouched (except the
    fields in ``drop_fields``, replaced by new values). ``feature_ids`` (the ids the
    rows of ``frame`` were read from) pair each feature with its row by id: a provider
    need not return its features in the same order twice. Returns False when cancelled.
    """
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
    if path.startswith("ogr:") or path.startswith("memory:") or not path:
        return True  # a table inside a database, or no file: never delete anything
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


def write_table(sink, frame, feedback=None):
    """Write every row of ``frame`` to a table sink (fields from ``fields_for(frame)``); False when cancelled."""
    for values in attribute_rows(frame):
        if feedback is not None and feedback.isCanceled():
            return False
        feature = QgsFeature()
        feature.setAttributes(values)
        sink.addFeature(feature)
    return True

