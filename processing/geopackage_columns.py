"""A GeoPackage table's attributes read by GDAL straight into numpy arrays (its Arrow stream, GDAL 3.6 and
later): France's 35,000 communes and forty fields in about a tenth of a second, where SQLite rows turned
into Python values, then into pandas columns, take a second. The panel opens on a layer this way."""

import numpy as np
import pandas as pd

from ..compat import FIELD_STRING, SQLITE_LIKE_TYPES


def read_geopackage_columns(table, fields, field_names, code_field=None, feature_ids=None, count=None):
    """``frames.read_attributes`` of the GeoPackage table ``table`` ((file, table name or None for the
    file's only table), as ``frames.geopackage_table_behind`` gives it): the same frame (rows by feature
    id, NULL as None, codes as text, numbers as numbers), the ids appended to ``feature_ids``. None when
    this GDAL cannot, a field is of another type (dates…), or the table is not as QGIS showed it
    (``count`` features): then read the usual way. Call it only on a layer read whole (no edit, no filter)."""
    read = read_raw_columns(table, fields, field_names, count)
    if read is None:
        return None
    ids, arrays = read
    columns = {}
    for name in field_names:
        try:
            columns[name] = geopackage_column(arrays[name], fields.at(fields.lookupField(name)).type(), name == code_field)
        except UnicodeDecodeError:
            return None  # not UTF-8 text: QGIS's own reading decides what it shows
    frame = pd.DataFrame(columns, columns=list(field_names), index=pd.RangeIndex(len(ids)))
    if feature_ids is not None:
        feature_ids.extend(ids.tolist())
    return frame


def read_raw_columns(table, fields, field_names, count=None):
    """(feature ids, {name: numpy masked array as GDAL gives it: numbers, or UTF-8 bytes for text}) of the
    GeoPackage table ``table``, rows by feature id; None as for ``read_geopackage_columns``."""
    indexes = [fields.lookupField(name) for name in field_names]
    if any(index < 0 or fields.at(index).type() not in SQLITE_LIKE_TYPES for index in indexes):
        return None
    try:
        from osgeo import gdal, ogr
    except ImportError:
        return None
    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")  # a failure here only means the usual read
    try:
        batches, fid_name = _read_batches(ogr, table, field_names, fields.names())
    except Exception:  # noqa: BLE001 — GDAL raises in sessions that asked it to (QGIS ≥ 3.40), else records
        return None
    finally:
        gdal.PopErrorHandler()
    if batches is None or gdal.GetLastErrorType() >= gdal.CE_Failure:
        return None
    ids = np.concatenate([batch[fid_name] for batch in batches]) if batches else np.empty(0, "int64")
    if count is not None and len(ids) != count:
        return None
    order = np.argsort(ids, kind="stable") if len(ids) and np.any(np.diff(ids) < 0) else None
    arrays = {}
    for name in field_names:
        values = _joined([batch[name] for batch in batches])
        arrays[name] = values if order is None else values[order]
    return (ids if order is None else ids[order]), arrays


def _read_batches(ogr, table, field_names, layer_names):
    path, name = table
    dataset = ogr.Open(path, 0)
    if dataset is None:
        return None, None
    # No table name: the file's first table, as QGIS opens it (a style table may follow it).
    layer = dataset.GetLayer(0) if name is None else dataset.GetLayerByName(name)
    if layer is None or not hasattr(layer, "GetArrowStreamAsNumPy"):
        return None, None
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    fid_name = layer.GetFIDColumn() or "OGC_FID"
    if [field for field in layer_names if field != fid_name] != names or any(
            field not in names for field in field_names):
        return None, None  # not the table QGIS shows, or the feature id column asked as a field
    wanted = set(field_names)
    layer.SetIgnoredFields([field for field in names if field not in wanted] + ["OGR_GEOMETRY"])
    stream = layer.GetArrowStreamAsNumPy(options=["INCLUDE_FID=YES"])
    batches = [dict(batch) for batch in stream]  # the arrays outlive the stream (copied out of it)
    del stream
    layer = dataset = None  # noqa: F841 — closed
    if batches and fid_name not in batches[0]:
        return None, None
    return batches, fid_name


def _joined(arrays):
    if not arrays:
        return np.ma.masked_array(np.empty(0, "float64"))
    if len(arrays) == 1:
        return arrays[0]
    return np.ma.concatenate(arrays)


def geopackage_column(values, field_type, as_code):
    """A column as ``read_attributes`` gives it: numbers as float64 (int64 when whole and complete), text
    as str with None for NULL, codes as text, text of numbers as numbers."""
    mask = np.ma.getmaskarray(values)
    data = np.ma.getdata(values)
    if field_type == FIELD_STRING or data.dtype.kind == "S":
        texts = decoded_texts(data) if data.dtype.kind == "S" else data.astype(object)
        texts[mask] = None
        # Typed as read_attributes types its lists (pandas 3: str), an empty one as object.
        column = pd.Series(texts, dtype=None if len(texts) else object)
        if as_code:
            return column.map(lambda v: None if v is None else str(v))
        present = np.flatnonzero(~mask)
        if len(present) and pd.isna(pd.to_numeric(column.iloc[present[:1]], errors="coerce")).all():
            return column  # its first text is no number: the column stays text (a long text is not parsed)
        numbers = pd.to_numeric(column, errors="coerce")
        return numbers if numbers.notna().sum() == column.notna().sum() else column
    if as_code:
        column = pd.Series(data.astype(object), dtype=object).map(str)
        column[mask] = None
        return column
    if data.dtype.kind in "iu":
        if not mask.any():
            return pd.Series(data.astype("int64"))
        data = data.astype("float64")
    else:
        data = data.astype("float64", copy=True)
    data[mask] = np.nan
    return pd.Series(data)


def decoded_texts(data):
    """Text of a fixed-width bytes array (UTF-8), decoded in one call rather than value by value."""
    values = data.tolist()
    texts = b"\x00".join(values).decode("utf-8").split("\x00")
    if len(texts) != len(values):  # a NUL inside a text: one by one
        texts = [value.decode("utf-8") for value in values]
    return np.array(texts, dtype=object)
