"""The tables an algorithm is given (TABLES, PASSAGE, BPE): files, spreadsheets and layers read as text.

Codes and numbers of every kind of table then go through the core's one set of readers.
"""

import os

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..compat import REQUEST_NO_GEOMETRY, python_value
from ..core.codes import find_key_column
from ..core.tables import IDENTIFIER_PREFIXES, TableError, read_table, table_from_rows
from ..i18n import tr
from .addresses import address_hint, database_layer, is_database_address
from .frames import COPIED_READ_VALUES, copied_memory_columns, paused_gc
from .geopackage_columns import decoded_texts
from .postgis_reading import postgis_table_behind, read_columns
from .spreadsheets import SPREADSHEET_DRIVERS, spreadsheet_rows

TEXT_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".zip")  # a zip as INSEE publishes it: its CSV is read


def table_entries(algorithm, parameters, context):
    """The TABLES: file paths or layer sources, and layer objects as they are (a memory layer, e.g. the
    output of a previous processing.run, has no source QGIS can open again)."""
    entries = algorithm.parameterAsFileList(parameters, algorithm.TABLES, context)
    given = parameters.get(algorithm.TABLES)
    given = list(given) if isinstance(given, (list, tuple)) else [given]
    if len(given) == len(entries):
        entries = [value if isinstance(value, QgsVectorLayer) and (not entry or value.providerType() == "memory")
                   else entry for value, entry in zip(given, entries)]
    return entries


def refuse_writing_onto_inputs(algorithm, parameters, context, entries):
    """Refuse outputs written onto a file read as a table: the table would be read, then replaced."""
    inputs = []
    for entry in entries:
        if isinstance(entry, QgsVectorLayer):
            entry = entry.source()
        path = entry.split("|")[0]
        if not os.path.isfile(path):
            layer = QgsProcessingUtils.mapLayerFromString(entry, context)
            if layer is not None:
                path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path", "")
        if path and os.path.isfile(path):
            inputs.append(path)
    for name in (algorithm.OUTPUT, algorithm.REPORT):
        output = (algorithm.parameterAsOutputLayer(parameters, name, context) or "").split("|")[0]
        if not output or not os.path.isfile(output):
            continue
        for path in inputs:
            if os.path.samefile(path, output):
                algorithm.fail(tr("The output file {path} is also one of the tables to join: writing it would "
                                  "replace the table. Choose another output file.").format(path=output))


def read_table_entry(entry, context, sheet=None, key_column=None, numbers=False):
    """(name, DataFrame of text) for a CSV file, a spreadsheet (XLSX, XLS, ODS) or any table layer.

    A spreadsheet's sheet is ``file.xlsx|layername=Sheet`` or ``sheet`` (a
    name or a number); its header is found by content below any title lines.
    ``numbers``: a layer's number fields (but its code column) are given as numbers, not text (for readers,
    as core.tables.numeric_columns, that take either).
    """
    if isinstance(entry, QgsVectorLayer):  # a layer object (a memory layer): read as it is
        frame = layer_as_text_frame(entry, numbers, key_column)
        if frame.empty:
            raise QgsProcessingException(tr("{entry}: the table has no rows.").format(entry=entry.name()))
        return entry.name(), frame
    if not entry:
        raise QgsProcessingException(tr("A table was given as a layer QGIS cannot open again (a layer without a "
                                        "source): save it to a file or add it to the project, then run again."))
    if is_database_address(entry):  # postgres://…, dbname=… table=…, PG:…: opened, or the form to use said
        layer = database_layer(entry, context)
        if layer is None:
            raise QgsProcessingException(address_hint(entry))
        frame = layer_as_text_frame(layer, numbers, key_column)
        if frame.empty:
            raise QgsProcessingException(tr("{entry}: the table has no rows.").format(entry=entry))
        return layer.name() or entry, frame
    path, _, options = entry.partition("|")
    suffix = os.path.splitext(path)[1].lower()
    try:
        if os.path.isfile(path) and suffix in TEXT_TABLE_SUFFIXES:
            return os.path.basename(path), read_table(path)
        if os.path.isfile(path) and suffix in SPREADSHEET_DRIVERS:
            named = options.split("layername=", 1)[1].split("|")[0] if "layername=" in options else None
            chosen, rows, numbers = spreadsheet_rows(path, named or sheet)
            name = f"{os.path.basename(path)} [{chosen}]"
            return name, table_from_rows(rows, numbers, name, key_column)
    except TableError as error:
        raise QgsProcessingException(str(error)) from error
    if suffix and not os.path.exists(path) and not path.startswith("memory:"):
        raise QgsProcessingException(tr("{path}: file not found.").format(path=path))
    layer = QgsProcessingUtils.mapLayerFromString(entry, context)
    if layer is None or not hasattr(layer, "getFeatures"):
        raise QgsProcessingException(
            tr("{entry}: neither a CSV file nor a table QGIS can open.").format(entry=entry))
    frame = layer_as_text_frame(layer, numbers, key_column)
    if frame.empty:
        raise QgsProcessingException(tr("{entry}: the table has no rows.").format(entry=entry))
    return layer.name() or os.path.basename(path), frame


def layer_as_text_frame(layer, numbers=False, key_column=None):
    """A table layer's attributes as text cells, so codes and numbers go through the same readers.

    Column by column: a column of whole numbers (the counts of aggregate_bpe, say) is written as text in
    one numpy pass, the others value by value. With ``numbers``, a number field's column is given as
    numbers instead (float64, NULL as NaN) — never the code column (``key_column`` or the usual names) nor an
    identifier — when its values are numbers that float64 holds exactly: written as text, it was only read back.
    """
    import pandas as pd

    names = layer.fields().names()
    keys = own_key_columns(layer)
    as_numbers = _number_fields(layer, key_column) if numbers else set()
    read = _read_postgis_table(layer, [name for name in names if name not in keys])
    if read is not None:  # one SQL query instead of QGIS's cell by cell
        kept, columns = read
        with paused_gc():
            return pd.DataFrame({name: _cells(values, name in as_numbers) for name, values in zip(kept, columns)},
                                columns=kept)
    kept = [name for name in names if name not in keys]
    copied = _memory_table_columns(layer, kept, as_numbers)
    if copied is not None:
        return pd.DataFrame(copied, columns=kept)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    with paused_gc():
        rows = [feature.attributes() for feature in layer.getFeatures(request)]
        columns = list(zip(*rows)) if rows else [() for _ in names]
        del rows
        return pd.DataFrame({name: _cells(values, name in as_numbers) for name, values in zip(names, columns)
                             if name not in keys}, columns=kept)


def _memory_table_columns(layer, names, as_numbers):
    """{name: cells as ``_cells`` gives them} of a memory layer with many values, its fields copied by QGIS's
    file writer and read back by GDAL (frames.copied_memory_columns): asking each feature for its attributes
    turned every value into Python, the join's largest read. None for a few values, or when that cannot be."""
    import numpy as np

    if layer.providerType() != "memory" or len(names) * layer.featureCount() < COPIED_READ_VALUES:
        return None
    read = copied_memory_columns(layer, names)
    if read is None:
        return None
    _, _, arrays = read
    columns = {}
    for name in names:
        mask, data = np.ma.getmaskarray(arrays[name]), np.ma.getdata(arrays[name])
        if name in as_numbers and data.dtype.kind in "iuf" and (
                data.dtype.kind == "f" or not (np.abs(data[~mask]) >= 2**53).any()):
            numbers = data.astype("float64")
            numbers[mask] = np.nan
            columns[name] = numbers
            continue
        try:  # the values as the layer's features give them (NULL as None), then as any layer's cells
            values = decoded_texts(data) if data.dtype.kind == "S" else data.astype(object)
        except UnicodeDecodeError:
            return None
        values[mask] = None
        columns[name] = _cells(values.tolist(), name in as_numbers)
    return columns


def _number_fields(layer, key_column):
    """The layer's number fields that may be read as numbers: not its code column, not an identifier."""
    names = layer.fields().names()
    key = find_key_column(names, key_column) if key_column else None
    codes = {key, find_key_column(names)}
    return {field.name() for field in layer.fields() if field.isNumeric() and field.name() not in codes
            and not str(field.name()).upper().startswith(IDENTIFIER_PREFIXES)}


def _cells(values, as_number):
    """The column's cells as text, or as float64 numbers when asked and every value is a number float64 holds
    exactly (else as text, for the readers to judge)."""
    if as_number:
        import numpy as np

        kinds = set(map(type, values))
        if not kinds <= _NUMBER_CELLS:  # NULL (a null QVariant on Qt5) as None
            values = [value if type(value) in _NUMBER_CELLS else python_value(value) for value in values]
            kinds = set(map(type, values))
        if kinds <= _NUMBER_CELLS:
            numbers = np.array(values, dtype="float64")  # None becomes NaN
            if int not in kinds or not (np.abs(numbers) >= 2**53).any():
                return numbers
    return _text_cells(values)


_NUMBER_CELLS = frozenset({int, float, type(None)})


def _read_postgis_table(layer, names):
    """(names, columns) of a PostGIS table layer read in one SQL query, in the order QGIS reads its rows (the
    table's), or None when it is not one or cannot be read so (postgis_tables)."""
    table = postgis_table_behind(layer)
    if table is None:
        return None
    with paused_gc():
        read = read_columns(table, layer.fields(), names, with_key=False)
    if read is None or (read[1] and len(read[1][0]) != layer.featureCount()):
        return None
    return names, read[1]


# The feature ids databases and GDAL add to a table (ogr2ogr's ogc_fid, a GeoPackage's fid): not data.
KEY_NAMES = ("fid", "ogc_fid", "gid")


def own_key_columns(layer):
    """The table's own key columns: its provider's integer primary key named as GDAL and databases name
    feature ids (``ogc_fid``, ``fid``, ``gid``), never joined as data."""
    provider = layer.dataProvider()
    if provider is None:
        return set()
    fields = layer.fields()
    return {fields.at(index).name() for index in provider.pkAttributeIndexes()
            if 0 <= index < fields.count() and fields.at(index).isNumeric()
            and fields.at(index).name().lower() in KEY_NAMES}


def _text_cells(values):
    import numpy as np

    kinds = set(map(type, values))
    if kinds == {str}:
        return list(values)
    if kinds == {int} or kinds == {float}:
        numbers = np.asarray(values)
        whole = numbers.dtype == np.int64 or (
            numbers.dtype == np.float64 and np.isfinite(numbers).all() and (numbers == np.round(numbers)).all()
            and np.abs(numbers).max(initial=0) < 2**53)
        if whole:  # as _text writes them: 12, never 12.0
            return list(map(str, values if numbers.dtype == np.int64 else numbers.astype(np.int64).tolist()))
    return ["" if python_value(v) is None else _text(python_value(v)) for v in values]


def _text(value):
    # Integers stored as floats by a spreadsheet driver would read "1001.0": keep them integral.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
