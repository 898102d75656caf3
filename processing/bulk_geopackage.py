"""Writing a commune layer plus new columns to a GeoPackage in bulk, through GDAL.

QGIS's feature sink takes every value of every feature one call at a time;
for all of France (35,000 communes, 70 joined columns) that alone costs more
than copying the layer. When the input is a plain file layer and the output a
GeoPackage file, the same result is written in three bulk steps instead:

1. GDAL copies the layer (geometry and attributes byte for byte, feature ids kept);
   — in a background thread, while the algorithm reads and joins its tables;
2. the new columns go into scratch tables of the copy (one ``executemany`` each, at most
   ``SCRATCH_COLUMNS`` columns a table: SQLite allows 2,000);
3. one SQL ``UPDATE`` a scratch table fills the added fields from it, by feature id.

The copy is written under a temporary name next to the destination, read back,
and only renamed onto it once complete — at the end of the run, with the other
outputs (``failures.guarded``): a failed or cancelled run leaves no half-written
file and keeps an older one. Every name in SQL is quoted as an identifier. Anything unusual (a selection, a filter, unsaved edits, a database output,
ids that do not survive the copy) falls back to the feature sink, whose result
is the same.
"""

import functools
import os
import sqlite3
import tempfile

import pandas as pd
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFields,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..compat import ARRAY_AGGREGATE, SQLITE_LIKE_TYPES
from ..i18n import tr
from .failures import (
    FULL,
    LOCKED,
    READ_ONLY,
    TOO_LARGE,
    check_output_fields,
    explain,
    is_file_destination,
    kind_of_error,
)
from .frames import (
    CollectorFreeThread,
    discard_output,
    new_memory_layer,
    output_exists,
    output_fields,
    paused_gc,
    plain_columns,
    read_attributes,
    read_geopackage_table,
    write_fields_copy,
    write_with_columns,
)
from .geopackage_columns import read_geopackage_columns

SCRATCH_TABLE = "_centralites_new_columns"
# New columns per scratch table: SQLite allows 2,000 columns a table (SQLITE_MAX_COLUMN), the id included.
SCRATCH_COLUMNS = 1000
# Columns of a GeoPackage table, the feature id and the geometry included (GDAL refuses more).
GEOPACKAGE_MAX_COLUMNS = 2000
INT32 = 2**31 - 1
SQLITE_CACHE_MB = 256  # page cache of the scratch copy's connections (a ceiling, not an allocation)


class BulkUnavailable(Exception):
    """This input or output cannot take the bulk path; the feature sink can."""

    file_error = True  # a full disk, a read-only folder…: said as such (the sink would meet the same wall)


class BulkTarget:
    """Where and from what a bulk write happens."""

    def __init__(self, path, layer_name, source_layer_name, destination, output_name, load_details,
                 memory_layer=None):
        self.path = path
        self.memory_layer = memory_layer  # a memory layer to copy instead of the file at ``path``
        self.layer_name = layer_name  # in the source file
        self.source_layer_name = source_layer_name
        self.destination = destination
        self.output_name = output_name  # the layer's name in the output GeoPackage
        self.load_details = load_details  # (name, project, parameter) when QGIS desktop loads the output


def bulk_target(algorithm, parameters, input_name, output_name, context, source):
    """The BulkTarget for these parameters, or None when only the feature sink can write the output."""
    value = parameters.get(input_name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", ""):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, input_name, context)
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() not in ("ogr", "memory"):
        return None
    if layer.subsetString() or layer.isEditable() or layer.featureCount() != source.featureCount():
        return None
    memory_layer = None
    if layer.providerType() == "memory":  # copied by QGIS's file writer instead of GDAL's
        path, layer_name, memory_layer = None, None, layer
    else:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path", "")
        if not os.path.isfile(path) or parts.get("subset"):
            return None
        layer_name = parts.get("layerName") or None
        if layer_name is None and parts.get("layerId") not in (None, "", 0):
            return None  # a layer chosen by number only: let QGIS resolve it

    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context)
    if not destination or "|" in destination or not destination.lower().endswith(".gpkg"):
        return None
    if not is_file_destination(destination):
        return None
    output_layer_name = os.path.splitext(os.path.basename(destination))[0]
    return BulkTarget(path, layer_name, layer.name(), destination, output_layer_name,
                      _load_details(parameters.get(output_name), algorithm, output_name), memory_layer)


def _load_details(definition, algorithm, output_name):
    # What parameterAsSink would have registered for QGIS desktop to load the output.
    if not isinstance(definition, QgsProcessingOutputLayerDefinition) or definition.destinationProject is None:
        return None
    name = definition.destinationName or algorithm.parameterDefinition(output_name).description()
    return name, definition.destinationProject, output_name


class BulkWriter:
    """What the bulk writers (this GeoPackage copy, bulk_postgis's table) share: the interface of
    failures.CheckedSink, by which the algorithm's guard closes, verifies, then commits every output, and the
    ending of a finished write."""

    _finished = False

    def close(self):
        pass

    def verify(self):
        pass  # the writers check what they wrote before it is finished

    def _complete(self, context, defer):
        """Finished: moved into place now, or by ``commit`` once every output is complete (``defer``), and
        loaded on completion as the feature sink's layer would be. Returns True."""
        self._finished = True
        if not defer:
            self.commit()
        if self.target.load_details is not None:
            name, project, output_name = self.target.load_details
            context.addLayerToLoadOnCompletion(
                self.target.destination, QgsProcessingContext.LayerDetails(name, project, output_name))
        return True


class BulkCopy(BulkWriter):
    """The GDAL copy of the source layer, started in a background thread as soon as the target is known.

    GDAL releases Python's lock while it copies, so the copy runs while the
    algorithm reads and joins its tables; ``finish`` then adds the new columns.
    ``discard`` (always called, in a ``finally``) waits for the thread and
    removes the scratch file when the copy was not used.
    """

    def __init__(self, target, drop_fields=(), read_first=False):
        self.target = target
        folder = os.path.dirname(os.path.abspath(target.destination))
        os.makedirs(folder, exist_ok=True)
        handle, self.scratch = tempfile.mkstemp(suffix=".gpkg", prefix=".centralites-", dir=folder)
        os.close(handle)
        os.remove(self.scratch)  # GDAL creates it
        self._error = None
        self._finished = False
        self._id_of = None  # {the layer's feature id: the copy's}, when they differ
        self._source_ids = None  # the memory layer's feature ids in the order the writer copies them
        drop_fields = tuple(drop_fields)
        if target.memory_layer is not None:
            # A memory layer is read in the thread that owns it; only its features, taken now, go to the thread.
            self._id_of, self._source_ids, write = self._guarded(
                lambda: _memory_layer_copy(target, self.scratch, drop_fields)) or (None, None, None)
        else:
            def write():
                from osgeo import gdal

                _copy_layer(gdal, target, self.scratch, drop_fields)
        self._thread = CollectorFreeThread(functools.partial(self._guarded, write or (lambda: None)))
        self._started = False
        # A memory layer whose fields are read first (attribute_reader): its copy starts once they are, the two
        # copies by QGIS's writer slowed each other down (France: the scores written 0.3 s sooner). Else now.
        if not (read_first and self._source_ids is not None):
            self._start()

    def _start(self):
        if not self._started:
            self._started = True
            self._thread.start()

    def _wait(self):
        self._start()
        self._thread.join()

    def _guarded(self, call):
        """``call()``, its exception kept for finish() to report in the algorithm's thread."""
        if self._error is not None:
            return None
        try:
            return call()
        except Exception as error:  # noqa: BLE001 — reported in the algorithm's thread by finish()
            self._error = error
            return None

    def attribute_reader(self):
        """A ``frames.read_attributes`` that reads a memory layer's fields from its copy once written (one SQLite
        query by feature id, the copy's ids given back as the layer's): the layer is then read once, by the
        copy, instead of twice. None when the copy is not of a memory layer's features."""
        if self._source_ids is None:
            return None

        def read(source, field_names, feedback, code_field=None, feature_ids=None):
            fields = source.fields()
            plain = all(fields.at(fields.lookupField(name)).type() in SQLITE_LIKE_TYPES for name in field_names)
            if plain and self.target.memory_layer is not None:
                # While the thread copies every field and the geometry, the needed fields alone are copied here
                # (C++, no geometry) and read back: the scores are computed meanwhile instead of after the copy.
                frame = self._read_narrow_copy(field_names, feedback, code_field, feature_ids)
                self._start()
                if frame is not None or feedback.isCanceled():
                    return frame
            self._wait()
            frame, copy_ids = None, []
            if self._error is None and plain:
                frame = read_geopackage_table((self.scratch, self.target.output_name), field_names, feedback,
                                              code_field, copy_ids, len(self._source_ids))
            if feedback.isCanceled():
                return None
            layer_ids = self._layer_ids(copy_ids) if frame is not None else None
            if layer_ids is None:  # the copy cannot be read as written: the layer is
                return read_attributes(source, field_names, feedback, code_field, feature_ids)
            if feature_ids is not None:
                feature_ids.extend(layer_ids)
            return frame

        return read

    def _read_narrow_copy(self, field_names, feedback, code_field, feature_ids):
        """The memory layer's ``field_names``, written without geometry to a GeoPackage of their own by QGIS's file
        writer and read by SQLite; None when that copy is not the layer as taken for the thread (then the full
        copy is read once written)."""
        layer = self.target.memory_layer
        narrow = self.scratch[:-len(".gpkg")] + "-fields.gpkg"
        try:
            if not write_fields_copy(layer, field_names, narrow):
                return None
            copy_ids, fields = [], QgsFields()
            for name in field_names:
                fields.append(layer.fields().field(name))
            # GDAL's Arrow stream into numpy when this GDAL has it, else one SQLite query.
            frame = read_geopackage_columns((narrow, "fields"), fields, field_names, code_field, copy_ids,
                                            len(self._source_ids))
            if frame is None:
                copy_ids = []
                frame = read_geopackage_table((narrow, "fields"), field_names, feedback, code_field, copy_ids,
                                              len(self._source_ids))
        finally:
            if os.path.exists(narrow):
                os.remove(narrow)
        # The writer numbers the features 1, 2, … in the layer's order: the order they were taken in.
        if frame is None or copy_ids != list(range(1, len(self._source_ids) + 1)):
            return None
        if feature_ids is not None:
            feature_ids.extend(self._source_ids)
        return frame

    def _layer_ids(self, copy_ids):
        """The layer's feature id of each copy id (the writer numbers them 1, 2, … in the layer's order, or
        takes the layer's field fid), or None when one has none."""
        if self._id_of is not None:
            layer_of = {copy: layer for layer, copy in self._id_of.items()}
            ids = [layer_of.get(copy) for copy in copy_ids]
            return None if None in ids else ids
        return list(self._source_ids) if copy_ids == list(range(1, len(self._source_ids) + 1)) else None

    def finish(self, frame, feature_ids, context, is_cancelled=None, defer=False):
        """Add the columns of ``frame`` (one row per id of ``feature_ids``) and move the file into place
        (with ``defer``, when ``commit`` is called: the algorithm's guard does it once every output is complete).

        Returns False when cancelled (nothing written); raises BulkUnavailable when
        the bulk path does not apply after all (nothing written either).
        """
        from osgeo import gdal, ogr

        if is_cancelled is not None and is_cancelled():
            return False
        target = self.target
        if self._id_of is not None:
            feature_ids = [self._id_of.get(fid) for fid in feature_ids]
            if None in feature_ids:
                raise BulkUnavailable("the layer changed while it was read")
        kinds = [_field_kind(frame[name]) for name in frame.columns]
        # The new columns go to a database of their own while the thread may still be copying the layer.
        columns_file = self.scratch[:-len(".gpkg")] + "-columns.sqlite"
        try:
            with paused_gc():
                _fill_scratch_table(columns_file, frame, feature_ids, kinds)
            self._wait()
            if self._error is not None:
                raise BulkUnavailable(str(self._error))
            if is_cancelled is not None and is_cancelled():
                return False
            _check_ids(self.scratch, target.output_name, feature_ids)
            _add_columns(gdal, ogr, self.scratch, target.output_name, frame.columns, kinds, columns_file)
        finally:
            if os.path.exists(columns_file):
                os.remove(columns_file)
        _check_copy(gdal, self.scratch, target.output_name, len(feature_ids), frame.columns)
        return self._complete(context, defer)

    def done_message(self):
        return tr("Written in bulk to {path} (GDAL).").format(path=self.target.destination)

    def discard(self):
        """Remove the copy unless it is finished and waiting for ``commit``."""
        if self._started:
            self._thread.join()
        if not self._finished and os.path.exists(self.scratch):
            os.remove(self.scratch)

    def commit(self):
        if self._finished and os.path.exists(self.scratch):
            try:
                os.replace(self.scratch, self.target.destination)
            except OSError as error:
                if os.path.exists(self.target.destination) and kind_of_error(error) in (READ_ONLY, LOCKED):
                    # The folder took the copy: it is the existing output that is held open (Windows).
                    raise QgsProcessingException(explain(LOCKED, self.target.destination)) from None
                raise

    def abandon(self):
        self._finished = False
        self.discard()


def start_bulk_copy(algorithm, parameters, context, source, input_name="INPUT", output_name="OUTPUT",
                    drop_fields=(), read_first=False):
    """A BulkCopy under way when the output can be written in bulk, else None.

    ``read_first``: the algorithm reads its fields through the copy's ``attribute_reader`` first; a memory
    layer's copy then starts once they are read (see BulkCopy).

    Refuses (QgsProcessingException) an output file that is the input layer's own file: writing
    it would replace the source, every other layer of its GeoPackage included.
    """
    refuse_overwriting_the_source(algorithm, parameters, input_name, output_name, context)
    target = bulk_target(algorithm, parameters, input_name, output_name, context, source)
    if target is None:  # a PostGIS output, perhaps: processing/bulk_postgis.py
        from .bulk_postgis import start_postgis_copy

        return start_postgis_copy(algorithm, parameters, context, source, input_name, output_name, drop_fields)
    return BulkCopy(target, drop_fields, read_first)


def refuse_overwriting_the_source(algorithm, parameters, input_name, output_name, context):
    layer = algorithm.parameterAsVectorLayer(parameters, input_name, context)
    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context) or ""
    if layer is None or not is_file_destination(destination):
        return
    source_path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path", "")
    output_path = destination.split("|")[0]
    if source_path and os.path.exists(output_path) and os.path.exists(source_path) \
            and os.path.samefile(source_path, output_path):
        algorithm.fail(tr("The output file {path} is the commune layer's own file: writing it would replace "
                          "the layer and every other layer of the file. Choose another output file.").format(
            path=output_path))


def _copy_layer(gdal, target, scratch, drop_fields):
    options = ["-preserve_fid", "-nln", target.output_name]
    source = _gdal_checked(gdal, lambda: gdal.OpenEx(target.path, gdal.OF_VECTOR | gdal.OF_READONLY))
    layer = source.GetLayerByName(target.layer_name) if target.layer_name else source.GetLayer(0)
    if layer is None:
        raise BulkUnavailable(f"no layer {target.layer_name!r} in {target.path}")
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    if drop_fields:
        kept = [name for name in names if name not in drop_fields]
        if not kept:
            raise BulkUnavailable("every field of the layer is replaced")
        options += ["-select", ",".join(kept)]
    if any("," in name for name in names):
        raise BulkUnavailable("a field name holds a comma")
    if any(name.lower() == "fid" for name in names):
        # GeoPackage's id column is "fid": GDAL would take that field's values as ids.
        raise BulkUnavailable("the layer has a field named fid")
    options.append(layer.GetName())
    result = _gdal_checked(gdal, lambda: gdal.VectorTranslate(scratch, source, format="GPKG", options=options))
    result = None  # noqa: F841 — closing the dataset writes it
    source = None  # noqa: F841


def _memory_layer_copy(target, scratch, drop_fields):
    """(id_of, ids, write): the copy of a memory layer to the scratch GeoPackage by QGIS's file writer (C++),
    the replaced fields left out. The layer is read now — ``id_of``, {its feature id: the copy's} when its
    field fid gives the copy's ids, else None; its features, and their ``ids`` in the order written — and
    ``write`` writes them in the copy's thread, which shares nothing with the layer (``ids`` and ``write``
    are None when the copy is already written).

    The writer numbers the features 1, 2, … in the layer's order (a memory layer's: by id), so the copy's
    ids are the layer's exactly when those are 1 to N — what ``_check_ids`` then checks (else the sink writes).
    """
    layer = target.memory_layer
    names = layer.fields().names()
    with_fid = names.count("fid") == 1 and sum(name.lower() == "fid" for name in names) == 1 \
        and layer.fields().field("fid").isNumeric() and "fid" not in drop_fields
    if not with_fid and any(name.lower() == "fid" for name in names):
        raise BulkUnavailable("the layer has a field named fid")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = target.output_name
    options.fileEncoding = "UTF-8"
    # The spatial index built once the features are in (_spatial_index): built row by row as they were
    # written, it cost half the copy.
    options.layerOptions = ["SPATIAL_INDEX=NO"]
    options.attributes = [i for i, name in enumerate(names) if name not in drop_fields]
    if not options.attributes:
        raise BulkUnavailable("every field of the layer is replaced")
    if drop_fields:  # the writer leaves the fields out as it reads the layer: written now, in this thread
        id_of = _fid_values(layer.aggregate(ARRAY_AGGREGATE, 'array($id, "fid")')[0] or []) if with_fid else None
        _write_layer(layer, scratch, options)
        return id_of, None, None
    # Taken as QGIS gives them (geometry and attributes shared, not converted), they are all the thread needs.
    fields, kind, crs, features = layer.fields(), layer.wkbType(), layer.crs(), list(layer.getFeatures())
    ids = [feature.id() for feature in features]
    # A layer read from a GeoPackage keeps its ids in a field fid, and the writer makes them the copy's ids.
    fid = names.index("fid") if with_fid else None
    id_of = _fid_values(zip(ids, (feature.attribute(fid) for feature in features))) if with_fid else None
    return id_of, ids, lambda: _write_features(scratch, fields, kind, crs, features, options)


def _fid_values(pairs):
    """{feature id: its field fid} of (id, fid) pairs, each fid a distinct whole number, else BulkUnavailable."""
    id_of = dict(pairs)
    if not id_of or any(type(fid) is not int for fid in id_of.values()) or len(set(id_of.values())) != len(id_of):
        raise BulkUnavailable("the layer's field fid does not hold one whole number per feature")
    return id_of


def _write_layer(layer, scratch, options):
    error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, scratch, QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.WriterError.NoError:
        raise BulkUnavailable(message or "QGIS's file writer failed")
    _spatial_index(scratch, options.layerName)


def _write_features(scratch, fields, kind, crs, features, options):
    """The features to a new GeoPackage by QGIS's file writer, as writeAsVectorFormatV3 writes a layer."""
    writer = QgsVectorFileWriter.create(scratch, fields, kind, crs, QgsCoordinateTransformContext(), options)
    try:
        if writer is None or writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise BulkUnavailable((writer.errorMessage() if writer is not None else "") or
                                  "QGIS's file writer failed")
        if not writer.addFeatures(features):
            raise BulkUnavailable(writer.lastError() or "QGIS's file writer failed")
    finally:
        del writer  # closes the file
    _spatial_index(scratch, options.layerName)


def _spatial_index(scratch, layer_name):
    """The GeoPackage layer's spatial index (an R-tree, as the writer makes it), built in one statement."""
    from osgeo import gdal

    dataset = _gdal_checked(gdal, lambda: gdal.OpenEx(scratch, gdal.OF_VECTOR | gdal.OF_UPDATE))
    layer = dataset.GetLayerByName(layer_name)
    if layer is None:
        raise BulkUnavailable(f"the copy has no layer {layer_name!r}")
    if layer.GetGeometryColumn():  # none for a table without geometry
        result = _gdal_checked(gdal, lambda: dataset.ExecuteSQL("SELECT CreateSpatialIndex({}, {})".format(
            _literal(layer_name), _literal(layer.GetGeometryColumn()))), none_is_error=False)
        if result is not None:
            dataset.ReleaseResultSet(result)
    layer = dataset = None  # noqa: F841 — closed


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def _check_ids(scratch, layer_name, feature_ids):
    # The join is by feature id: QGIS's ids must be the ones GDAL kept.
    with sqlite3.connect(scratch) as connection:
        copied = [row[0] for row in connection.execute(
            f"SELECT {_quote(_fid_column(connection, layer_name))} FROM {_quote(layer_name)} ORDER BY 1")]
    connection.close()
    if copied != sorted(feature_ids):
        raise BulkUnavailable("feature ids differ between QGIS and GDAL")


def _fid_column(connection, table):
    for _cid, name, _type, _notnull, _default, primary in connection.execute(f"PRAGMA table_info({_quote(table)})"):
        if primary:
            return name
    raise BulkUnavailable("the copy has no feature id column")


def _field_kind(column):
    """'integer', 'integer64', 'real' or 'text', as fields_for decides for the feature sink."""
    dtype = column.dtype
    if pd.api.types.is_integer_dtype(dtype):
        largest = column.abs().max() if len(column) else 0
        return "integer64" if pd.notna(largest) and largest > INT32 else "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "real"
    return "text"


def _check_copy(gdal, scratch, layer_name, count, names):
    """The finished copy opens, with its layer, every feature and the new fields: else nothing is moved."""
    dataset = _gdal_checked(gdal, lambda: gdal.OpenEx(scratch, gdal.OF_VECTOR | gdal.OF_READONLY))
    layer = dataset.GetLayerByName(layer_name)
    if layer is None:
        raise BulkUnavailable(f"the copy has no layer {layer_name!r}")
    definition = layer.GetLayerDefn()
    present = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
    missing = [str(name) for name in names if str(name) not in present]
    if missing or layer.GetFeatureCount() != count:
        raise BulkUnavailable(f"the copy lacks fields {missing} or holds {layer.GetFeatureCount()} of {count} "
                              "features")
    layer = dataset = None  # noqa: F841 — closed before it is moved


def _chunks(count):
    """Ranges of at most SCRATCH_COLUMNS new columns: one scratch table each (SQLite caps a table's columns)."""
    return [range(start, min(start + SCRATCH_COLUMNS, count)) for start in range(0, count, SCRATCH_COLUMNS)]


def _scratch_name(number):
    return f"{SCRATCH_TABLE}_{number}"


def _fill_scratch_table(columns_file, frame, feature_ids, kinds):
    sql_types = {"integer": "INTEGER", "integer64": "INTEGER", "real": "REAL", "text": "TEXT"}
    connection = sqlite3.connect(columns_file)
    connection.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_MB * 1024}")  # in KiB
    # A throwaway file, removed after the update: no journal, no waiting for the disk.
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    try:
        values = plain_columns(frame)
        for number, chunk in enumerate(_chunks(len(kinds))):
            columns = ", ".join(f'"c{i}" {sql_types[kinds[i]]}' for i in chunk)
            table = _quote(_scratch_name(number))
            connection.execute(f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY, {columns})")
            marks = ", ".join("?" * (len(chunk) + 1))
            # Rows as tuples straight from the columns: no list built per row.
            connection.executemany(f"INSERT INTO {table} VALUES ({marks})",
                                   zip(feature_ids, *(values[i] for i in chunk)))
        connection.commit()
    finally:
        connection.close()


def _add_columns(gdal, ogr, scratch, layer_name, names, kinds, columns_file):
    ogr_types = {"integer": ogr.OFTInteger, "integer64": ogr.OFTInteger64, "real": ogr.OFTReal,
                 "text": ogr.OFTString}
    # SQLite's page cache (2 MB by default) made the UPDATE grow faster than the table: up to 256 MB.
    # The copy is the algorithm's own scratch file, moved into place only once complete (and removed on any
    # failure): a rollback journal of every page the update rewrites, and waiting for the disk, buy nothing.
    # Set for this thread alone, while it opens the file (GDAL reads them then).
    options = {"OGR_SQLITE_CACHE": gdal.GetConfigOption("OGR_SQLITE_CACHE") or str(SQLITE_CACHE_MB),
               "OGR_SQLITE_JOURNAL": "OFF", "OGR_SQLITE_SYNCHRONOUS": "OFF"}
    previous = {name: gdal.GetThreadLocalConfigOption(name, None) for name in options}
    for name, value in options.items():
        gdal.SetThreadLocalConfigOption(name, value)
    try:
        dataset = _gdal_checked(gdal, lambda: gdal.OpenEx(scratch, gdal.OF_VECTOR | gdal.OF_UPDATE))
    finally:
        for name, value in previous.items():
            gdal.SetThreadLocalConfigOption(name, value)
    layer = dataset.GetLayerByName(layer_name)
    for name, kind in zip(names, kinds):
        if layer.CreateField(ogr.FieldDefn(str(name), ogr_types[kind])) != 0:
            raise BulkUnavailable(f"field {name!r} could not be added")
    fid = layer.GetFIDColumn() or "fid"
    names = list(names)
    _gdal_checked(gdal, lambda: dataset.ExecuteSQL(f"ATTACH DATABASE {_literal(columns_file)} AS {COLUMNS_SCHEMA}"),
                  none_is_error=False)
    for number, chunk in enumerate(_chunks(len(kinds))):
        table = f"{COLUMNS_SCHEMA}.{_quote(_scratch_name(number))}"
        targets = ", ".join(_quote(names[i]) for i in chunk)
        scratch_columns = ", ".join(f'"c{i}"' for i in chunk)
        # One statement a scratch table: the added fields of every feature, by id (SQLite ≥ 3.15).
        _gdal_checked(gdal, lambda: dataset.ExecuteSQL(
            f"UPDATE {_quote(layer_name)} SET ({targets}) = (SELECT {scratch_columns} FROM {table} "
            f"WHERE {table}.fid = {_quote(layer_name)}.{_quote(fid)})"), none_is_error=False)
    _gdal_checked(gdal, lambda: dataset.ExecuteSQL(f"DETACH DATABASE {COLUMNS_SCHEMA}"), none_is_error=False)
    dataset = None  # noqa: F841


COLUMNS_SCHEMA = "centralites_columns"  # the new columns' database, attached to the copy for the update


def _quote(name):
    return '"' + str(name).replace('"', '""') + '"'


def _gdal_checked(gdal, call, none_is_error=True):
    """Run a GDAL call whether GDAL raises (QGIS ≥ 3.40 sessions) or only records the error (3.22).

    GDAL's messages are kept quiet: a failure here only means the feature sink writes instead.
    """
    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        result = call()
    except RuntimeError as error:
        raise BulkUnavailable(str(error)) from error
    finally:
        gdal.PopErrorHandler()
    if gdal.GetLastErrorType() >= gdal.CE_Failure or (none_is_error and result is None):
        raise BulkUnavailable(gdal.GetLastErrorMsg() or "GDAL failed")
    return result


def write_layer_with_columns(algorithm, parameters, context, feedback, source, frame, feature_ids,
                             bulk_copy=None, output_name="OUTPUT", drop_fields=()):
    """Every feature of ``source`` with the columns of ``frame``: in bulk when ``bulk_copy``
    (from start_bulk_copy) is given and works, else feature by feature through the sink.

    Returns the output's id, or None when cancelled (no output left behind).
    """
    fields = output_fields(source, frame, drop_fields=drop_fields)
    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context)
    check_output_fields(destination, fields.names())
    if bulk_copy is not None:
        try:
            deferred = algorithm.__dict__.get("_centralites_guarded_run", False)  # moved into place at the run's end
            if not bulk_copy.finish(frame, feature_ids, context, feedback.isCanceled, defer=deferred):
                return None
            if deferred:
                algorithm.__dict__["_centralites_sinks"].append(bulk_copy)
            feedback.pushInfo(bulk_copy.done_message())
            return bulk_copy.target.destination
        except BulkUnavailable as reason:
            kind = kind_of_error(str(reason))
            # The sink would meet the same wall (a database's refusals are the sink's to say).
            if reason.file_error and kind in (FULL, READ_ONLY, LOCKED, TOO_LARGE):
                algorithm.fail(explain(kind, destination, str(reason)))
            feedback.pushInfo(tr("Writing feature by feature ({reason}).").format(reason=reason))
        finally:
            bulk_copy.discard()
    existed = output_exists(destination)
    sink, sink_id = algorithm.parameterAsSink(
        parameters, output_name, context, fields, source.wkbType(), source.sourceCrs())
    if sink is None:
        algorithm.fail(tr("The output layer could not be created."))
    if not write_with_columns(source, sink, frame, feedback, progress_from=50.0, drop_fields=drop_fields,
                              feature_ids=feature_ids, memory_layer=new_memory_layer(sink_id, context)):
        if hasattr(sink, "abandon"):
            sink.abandon()
        del sink
        discard_output(existed, sink_id)
        return None
    return sink_id
