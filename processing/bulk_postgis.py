"""Writing a commune layer plus new columns to a PostGIS table in bulk, in one transaction.

QGIS's provider inserts features one statement at a time: France-wide, copying the joined layer took 8.4 s
through it and 1.8 s with ``ogr2ogr``. When the output is a PostGIS table (``postgres://…``, ``postgis:…``)
and the input the whole of a PostGIS table of the same database or of a file GDAL reads, the same table is
written so instead:

1. QGIS creates the empty table, under a temporary name beside the destination, with the fields, geometry
   type, CRS and key the feature sink would give it (the same provider call);
2. a file input is copied by GDAL (``COPY``) into a scratch table of the database, in a background thread
   while the algorithm reads and computes; a PostGIS input of the same database is read where it is;
3. the new columns go by ``COPY`` into a temporary table, and one ``INSERT … SELECT`` joins them to the
   input by feature id into the new table, which gets its spatial index;
4. at the end of the run, with the other outputs (``failures.guarded``), one transaction drops the older
   table of that name, if any, and renames the new one onto it: a failed or cancelled run leaves the
   destination as it was, and every step until then happens in a transaction rolled back on failure.

A destination that views depend on, another input (memory layer, selection, filter, unsaved edits…), a
column of a type not copied as is, or anything that fails, is written by the feature sink instead, with
the reason in the log.
"""

import os
import uuid

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from ..compat import SQLITE_LIKE_TYPES
from ..i18n import tr
from .bulk_geopackage import BulkUnavailable, BulkWriter, _field_kind, _gdal_checked
from .frames import CollectorFreeThread, _plain_values, output_fields, paused_gc
from .postgis_reading import connect, feature_ids_by_key, postgis_table_behind, quoted
from .postgis_tables import views_depending_on

# Output destinations QGIS processing writes with its postgres provider.
POSTGRES_PREFIXES = ("postgres://", "postgis:")
SCRATCH_PREFIX = "centralites_tmp_"  # tables of a run under way: a run killed outright may leave one
COPIED_KEY = "centralites_fid"  # the feature id of a file copied by GDAL
# Types of the input's columns copied by the server as they are: what the feature sink would write too
# (float4 is widened to double differently by QGIS and PostgreSQL; dates and others go through the sink).
# A file's fields: integers, reals and text (compat.SQLITE_LIKE_TYPES).
_COPIED_PG_TYPES = frozenset(("int2", "int4", "int8", "float8", "numeric", "text", "varchar", "bool"))


class PostgisUnavailable(BulkUnavailable):
    """This input or output cannot take the PostGIS bulk path; the feature sink can (whatever the error says:
    a database's refusal is not a folder's, and the sink gives its own message)."""

    file_error = False


def postgres_destination(destination):
    """The QgsDataSourceUri of an output written to PostGIS (``postgres://…``, ``postgis:…``), or None."""
    text = (destination or "").strip()
    prefix = next((p for p in POSTGRES_PREFIXES if text.lower().startswith(p)), None)
    if prefix is None:
        return None
    uri = QgsDataSourceUri(text[len(prefix):])
    return uri if uri.table() and not uri.table().startswith("(") else None


class PostgisTarget:
    """Where and from what a PostGIS bulk write happens."""

    def __init__(self, destination, uri, source_table, file_source, load_details, create_options):
        self.destination = destination  # as given: the output's id, as the feature sink's
        self.uri = uri
        self.schema = uri.schema() or "public"
        self.table = uri.table()
        self.source_table = source_table  # PostgisTable of the same database, or None
        self.file_source = file_source  # (path, layer name or None) GDAL reads, or None
        self.load_details = load_details
        self.create_options = create_options

    @property
    def qualified(self):
        return f"{quoted(self.schema)}.{quoted(self.table)}"


def postgis_target(algorithm, parameters, input_name, output_name, context, source):
    """The PostgisTarget for these parameters, or None when only the feature sink can write the output."""
    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context)
    uri = postgres_destination(destination)
    if uri is None:
        return None
    value = parameters.get(input_name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit >= 0 or getattr(value, "filterExpression", "") \
                or bool(value.flags):
            return None
    layer = algorithm.parameterAsVectorLayer(parameters, input_name, context)
    if not isinstance(layer, QgsVectorLayer) or layer.subsetString() or layer.isEditable() \
            or layer.featureCount() != source.featureCount():
        return None
    source_table, file_source = None, None
    if layer.providerType() == "postgres":
        source_table = postgis_table_behind(layer)
        if source_table is None or source_table.key is None or not source_table.same_database(uri):
            return None
    elif layer.providerType() == "ogr":
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path", "")
        if not os.path.isfile(path) or parts.get("subset") \
                or (not parts.get("layerName") and parts.get("layerId") not in (None, "", 0)):
            return None
        file_source = (path, parts.get("layerName") or None)
    else:
        return None
    definition = parameters.get(output_name)
    load_details, options = None, {}
    if isinstance(definition, QgsProcessingOutputLayerDefinition):
        options = dict(definition.createOptions or {})
        if definition.destinationProject is not None:
            load_details = (definition.destinationName or algorithm.parameterDefinition(output_name).description(),
                            definition.destinationProject, output_name)
    return PostgisTarget(destination, uri, source_table, file_source, load_details, options)


class PostgisBulkCopy(BulkWriter):
    """A bulk write to a PostGIS table: started with the target, finished with the new columns, moved into
    place by ``commit`` (the interface of failures.CheckedSink and bulk_geopackage.BulkCopy)."""

    def attribute_reader(self):
        """None: the input is read by frames.read_attributes (BulkCopy's reader of a memory layer's copy is
        for GeoPackage outputs)."""
        return None

    def __init__(self, target, source, drop_fields=()):
        self.target = target
        self.source = source
        self.drop_fields = tuple(drop_fields)
        self._file_fid_column = _file_fid_column(target.file_source) if target.file_source else None
        suffix = uuid.uuid4().hex[:12]
        self.new_table = SCRATCH_PREFIX + suffix  # the output, until it is renamed onto the destination
        self.copied_table = SCRATCH_PREFIX + "input_" + suffix if target.file_source else None
        self._connection = None
        self._finished = False
        self._error = None
        self._thread = CollectorFreeThread(self._copy_file)
        self._thread.start()

    # --- 2. the file input, copied by GDAL while the algorithm works --------------------------------------

    def _copy_file(self):
        if self.copied_table is None:
            return
        try:
            _copy_file_to_table(self.target, self.copied_table)
        except Exception as error:  # noqa: BLE001 — reported in the algorithm's thread by finish()
            self._error = error

    def finish(self, frame, feature_ids, context, is_cancelled=None, defer=False):
        """Write the table: the input's fields (but ``drop_fields``) and the columns of ``frame`` (one row per
        id of ``feature_ids``); moved onto the destination now, or by ``commit`` with ``defer``. Returns False
        when cancelled; raises PostgisUnavailable (nothing written) when the feature sink must write instead."""
        import psycopg2

        self._thread.join()
        if self._error is not None:
            raise PostgisUnavailable(str(self._error))
        if is_cancelled is not None and is_cancelled():
            return False
        target, source = self.target, self.source
        fields = output_fields(source, frame, drop_fields=self.drop_fields)
        connection = connect(target.uri)
        if connection is None:
            raise PostgisUnavailable("psycopg2 cannot connect with the output's connection")
        self._connection = connection
        try:
            with connection.cursor() as cursor:
                views = views_depending_on(cursor, target.schema, target.table)
                if views:
                    raise PostgisUnavailable(tr("views depend on the table {table}: {views}").format(
                        table=f"{target.schema}.{target.table}", views=", ".join(views)))
            connection.rollback()
            self._create_empty_table(source, fields)
            with connection.cursor() as cursor:
                columns = _columns_of(cursor, target.schema, self.new_table)
                geometry = _geometry_column(cursor, target.schema, self.new_table)
                source_columns, key = self._source_columns(cursor, fields, frame)
                new_values = _copy_new_columns(cursor, frame, *self._keys(feature_ids))
                cancelled = is_cancelled is not None and is_cancelled()
                if not cancelled:
                    self._insert(cursor, columns, geometry, source_columns, key, frame, new_values, len(feature_ids))
                    if geometry is not None:
                        cursor.execute(f"CREATE INDEX ON {self._new_qualified} USING GIST ({quoted(geometry)})")
            if cancelled:
                self.abandon()
                return False
            if self.copied_table is not None:
                with connection.cursor() as cursor:
                    cursor.execute(f"DROP TABLE IF EXISTS {quoted(target.schema)}.{quoted(self.copied_table)}")
        except psycopg2.Error as error:
            self.abandon()  # rolled back, the scratch tables dropped
            raise PostgisUnavailable(str(error).strip()) from None
        except PostgisUnavailable:
            self.abandon()
            raise
        return self._complete(context, defer)

    def _keys(self, feature_ids):
        """The input's key of each feature id, and its SQL type."""
        table = self.target.source_table
        if table is None or table.key_is_feature_id:
            return [int(fid) for fid in feature_ids], "bigint"
        key_of = {fid: key for key, fid in feature_ids_by_key(self.source, table.key).items()}
        keys = [key_of.get(fid) for fid in feature_ids]
        if None in keys:
            raise PostgisUnavailable("the layer changed while it was read")
        return keys, table.key_type

    @property
    def _new_qualified(self):
        return f"{quoted(self.target.schema)}.{quoted(self.new_table)}"

    def _create_empty_table(self, source, fields):
        """1. The empty table, made by QGIS's provider as the feature sink makes it (names, types, key)."""
        uri = QgsDataSourceUri(self.target.uri.uri(False))
        uri.setDataSource(self.target.schema, self.new_table, self.target.uri.geometryColumn(),
                          "", self.target.uri.keyColumn())
        exporter = QgsVectorLayerExporter(uri.uri(False), "postgres", fields, source.wkbType(), source.sourceCrs(),
                                          True, self.target.create_options)
        failed = exporter.errorCode() != 0
        message = exporter.errorMessage()
        del exporter
        if failed:
            raise PostgisUnavailable(message or "the table could not be created")

    def _source_columns(self, cursor, fields, frame):
        """{output column: the input's expression} and the input's key, for the input's fields."""
        target = self.target
        new = set(map(str, frame.columns))
        if target.source_table is not None:
            relation, key = target.source_table.qualified, target.source_table.key
            types = dict(_column_types(cursor, target.source_table.schema, target.source_table.table))
            geometry = target.source_table.uri.geometryColumn()
            fid_column = None
        else:
            relation, key = f"{quoted(target.schema)}.{quoted(self.copied_table)}", COPIED_KEY
            types = dict(_column_types(cursor, target.schema, self.copied_table))
            geometry = _geometry_column(cursor, target.schema, self.copied_table)
            fid_column = self._file_fid_column
        expressions = {}
        for field in fields:
            name = field.name()
            if name in new:
                continue
            if target.source_table is None and field.type() not in SQLITE_LIKE_TYPES:
                raise PostgisUnavailable(f"the field {name} is of a type not copied as is")
            if name in types:
                if target.source_table is not None and types[name] not in _COPIED_PG_TYPES:
                    raise PostgisUnavailable(f"the column {name} is of type {types[name]}")
                expressions[name] = f"s.{quoted(name)}"
            elif fid_column is not None and name == fid_column:
                expressions[name] = f"s.{quoted(COPIED_KEY)}"  # a GeoPackage's fid: GDAL's feature id
            else:
                raise PostgisUnavailable(f"the input has no column {name}")
        self._source_geometry = f"s.{quoted(geometry)}" if geometry else None
        self._relation = relation
        return expressions, key

    def _insert(self, cursor, columns, geometry, source_columns, key, frame, new_values, count):
        """3. One INSERT … SELECT: the input's row joined with its new values (``new_values``: their expressions
        and the joins of their temporary tables, from _copy_new_columns) by feature id."""
        expressions, joins = new_values
        targets, values = [], []
        for name, expression in source_columns.items():
            if name not in columns:
                raise PostgisUnavailable(f"the new table has no column {name}")
            targets.append(quoted(name))
            values.append(expression)
        for index, name in enumerate(frame.columns):
            if str(name) not in columns:
                raise PostgisUnavailable(f"the new table has no column {name}")
            targets.append(quoted(str(name)))
            values.append(expressions[index])
        if geometry is not None:
            if self._source_geometry is None:
                raise PostgisUnavailable("the input has no geometry column")
            targets.append(quoted(geometry))
            values.append(self._source_geometry)
        cursor.execute(
            f"INSERT INTO {self._new_qualified} ({', '.join(targets)}) SELECT {', '.join(values)} "
            f"FROM {self._relation} s "
            + " ".join(f"JOIN pg_temp.{table} {alias} ON {alias}.fid = s.{quoted(key)}" for table, alias in joins)
            + f" ORDER BY s.{quoted(key)}")
        if cursor.rowcount != count:
            raise PostgisUnavailable(f"{cursor.rowcount} features of {count} were matched by feature id")

    def done_message(self):
        return tr("Written in bulk to the PostGIS table {table} (COPY, one transaction).").format(
            table=f"{self.target.schema}.{self.target.table}")

    def discard(self):
        """Drop the tables of an unfinished write (always called, in a ``finally``)."""
        self._thread.join()
        if not self._finished:
            self._drop_scratch()

    def _drop_scratch(self):
        connection = self._connection or connect(self.target.uri)
        if connection is None:
            return
        try:
            connection.rollback()
            with connection.cursor() as cursor:
                for table in (self.new_table, self.copied_table):
                    if table:
                        cursor.execute(f"DROP TABLE IF EXISTS {quoted(self.target.schema)}.{quoted(table)}")
            connection.commit()
        except Exception:  # noqa: BLE001 — nothing more to undo; the scratch tables are named as such
            pass
        finally:
            connection.close()
            self._connection = None

    # The interface of failures.CheckedSink: the guard closes, verifies, then commits every output.
    def commit(self):
        """4. The older table of that name dropped and the new one renamed onto it, in the same transaction as
        the writing: whole or not at all."""
        if not self._finished or self._connection is None:
            return
        import psycopg2

        target, connection = self.target, self._connection
        try:
            with connection.cursor() as cursor:
                # A session holding the older table (a transaction left open) makes this fail, not wait forever.
                cursor.execute("SET LOCAL lock_timeout = '60s'")
                cursor.execute("SELECT to_regclass(%s)", (target.qualified,))
                if cursor.fetchone()[0] is not None:
                    cursor.execute(f"LOCK TABLE {target.qualified} IN ACCESS EXCLUSIVE MODE")
                    views = views_depending_on(cursor, target.schema, target.table)
                    if views:
                        raise QgsProcessingException(tr(
                            "The table {table} was not replaced: views depend on it ({views}). Its data are kept; "
                            "write to another table, or drop the views and run again.").format(
                            table=f"{target.schema}.{target.table}", views=", ".join(views)))
                    cursor.execute(f"DROP TABLE {target.qualified}")
                cursor.execute(f"ALTER TABLE {self._new_qualified} RENAME TO {quoted(target.table)}")
                _rename_own_objects(cursor, target.schema, target.table, self.new_table)
            connection.commit()
        except psycopg2.Error as error:
            self.abandon()
            raise QgsProcessingException(tr("The table {table} could not be written: {error}").format(
                table=f"{target.schema}.{target.table}", error=str(error).strip())) from None
        except QgsProcessingException:
            self.abandon()
            raise
        self._finished = False
        connection.close()
        self._connection = None

    def abandon(self):
        self._finished = False
        self._drop_scratch()


def _rename_own_objects(cursor, schema, table, old):
    """The key's constraint, the indexes and the key's sequence named after the table, as PostgreSQL names
    them when the feature sink creates it (each in a savepoint: a name taken elsewhere keeps the old one)."""
    renames = []
    cursor.execute("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(%s) AND contype = 'p'",
                   (f"{quoted(schema)}.{quoted(table)}",))
    renames += [("CONSTRAINT", name, f"{table}_pkey") for (name,) in cursor.fetchall()]
    cursor.execute("SELECT indexname FROM pg_indexes WHERE schemaname = %s AND tablename = %s "
                   "AND indexdef ILIKE '%% USING gist %%'", (schema, table))
    renames += [("INDEX", name, name.replace(old, table, 1)) for (name,) in cursor.fetchall()]
    cursor.execute("SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid "
                   "WHERE s.relkind = 'S' AND d.refobjid = to_regclass(%s)", (f"{quoted(schema)}.{quoted(table)}",))
    renames += [("SEQUENCE", name, name.replace(old, table, 1)) for (name,) in cursor.fetchall()]
    for kind, name, new in renames:
        if name == new or len(new.encode("utf-8")) > 63:
            continue
        cursor.execute("SAVEPOINT centralites_rename")
        try:
            if kind == "CONSTRAINT":
                cursor.execute(f"ALTER TABLE {quoted(schema)}.{quoted(table)} RENAME CONSTRAINT {quoted(name)} "
                               f"TO {quoted(new)}")
            else:
                cursor.execute(f"ALTER {kind} {quoted(schema)}.{quoted(name)} RENAME TO {quoted(new)}")
            cursor.execute("RELEASE SAVEPOINT centralites_rename")
        except Exception:  # noqa: BLE001 — a name taken: the object keeps its name
            cursor.execute("ROLLBACK TO SAVEPOINT centralites_rename")


def _columns_of(cursor, schema, table):
    return {name for name, _ in _column_types(cursor, schema, table)}


def _column_types(cursor, schema, table):
    cursor.execute("SELECT attname, format_type(atttypid, NULL) FROM pg_attribute WHERE attrelid = to_regclass(%s) "
                   "AND attnum > 0 AND NOT attisdropped", (f"{quoted(schema)}.{quoted(table)}",))
    names = {"integer": "int4", "smallint": "int2", "bigint": "int8", "double precision": "float8",
             "character varying": "varchar", "boolean": "bool"}
    return [(name, names.get(kind, kind)) for name, kind in cursor.fetchall()]


def _geometry_column(cursor, schema, table):
    cursor.execute("SELECT f_geometry_column FROM geometry_columns WHERE f_table_schema = %s AND f_table_name = %s",
                   (schema, table))
    rows = cursor.fetchall()
    if len(rows) > 1:
        raise PostgisUnavailable(f"the table {table} has several geometry columns")
    return rows[0][0] if rows else None


_SQL_TYPES = {"integer": "bigint", "integer64": "bigint", "real": "double precision", "text": "text"}
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_new_columns(cursor, frame, keys, key_type):
    """The new columns, by COPY, into temporary tables keyed by the input's key (``key_type``): numbers in
    COPY's binary format (made by numpy, read as is by the server; NaN, which the feature sink writes as
    NULL, made NULL by the INSERT), the rest as text. Returns the expression of each column and the
    (table, alias) to join."""
    import io

    import numpy as np

    kinds = [_field_kind(frame[name]) for name in frame.columns]
    binary = [key_type == "bigint" and _binary_kind(frame[name]) is not None for name in frame.columns]
    expressions, joins = [], []
    for table, alias, wanted in (("centralites_new_numbers", "n", True), ("centralites_new_text", "t", False)):
        chosen = [index for index, flag in enumerate(binary) if flag == wanted]
        if not chosen and (wanted or joins):
            continue  # no column of this kind (the text table holds the keys when there is no other)
        columns = "".join(f", c{index} {_SQL_TYPES[kinds[index]]}" for index in chosen)
        cursor.execute(f"CREATE TEMPORARY TABLE {table} (fid {key_type} PRIMARY KEY{columns}) ON COMMIT DROP")
        joins.append((table, alias))
        names = ", ".join(["fid"] + [f"c{index}" for index in chosen])
        with paused_gc():
            if wanted:
                payload = _binary_rows(np.asarray(keys, dtype="int64"), [frame[frame.columns[i]] for i in chosen])
                cursor.copy_expert(f"COPY {table} ({names}) FROM STDIN WITH (FORMAT binary)", io.BytesIO(payload))
            else:
                cells = [[_copy_text(key) for key in keys]] + [_copy_column(frame[frame.columns[i]]) for i in chosen]
                text = "".join(line + "\n" for line in map("\t".join, zip(*cells)))
                del cells
                cursor.copy_expert(f"COPY {table} ({names}) FROM STDIN", io.StringIO(text))
                del text
    for index, flag in enumerate(binary):
        if flag and kinds[index] == "real":
            expressions.append(f"NULLIF(n.c{index}, 'NaN'::float8)")
        else:
            expressions.append(f"{'n' if flag else 't'}.c{index}")
    return expressions, joins


def _binary_kind(column):
    """'>f8' or '>i8' for a column of floats or integers numpy holds (written in binary), else None."""
    import numpy as np

    if not isinstance(column.dtype, np.dtype):
        return None
    kind, size = column.dtype.kind, column.dtype.itemsize
    if kind == "f" and size <= 8:
        return ">f8"
    if kind == "i" or (kind == "u" and size <= 4):
        return ">i8"
    return None


def _binary_rows(keys, columns):
    """COPY's binary format of (key, columns…): every field 8 bytes, built by numpy in one pass per column."""
    import numpy as np

    layout = [("count", ">i2"), ("key_length", ">i4"), ("key", ">i8")]
    for index, column in enumerate(columns):
        layout += [(f"length{index}", ">i4"), (f"value{index}", _binary_kind(column))]
    rows = np.empty(len(keys), dtype=np.dtype(layout))
    rows["count"] = len(columns) + 1
    rows["key_length"] = 8
    rows["key"] = keys
    for index, column in enumerate(columns):
        rows[f"length{index}"] = 8
        rows[f"value{index}"] = column.to_numpy()
    header = b"PGCOPY\n\xff\r\n\x00" + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00"
    return header + rows.tobytes() + b"\xff\xff"


def _copy_column(column):
    """A column as the cells of COPY's text format: NULL as \\N, floats as repr (exact), text escaped."""
    import numpy as np

    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else None
    if kind == "f" and column.dtype.itemsize <= 8:
        numbers = column.to_numpy(dtype="float64")
        cells = list(map(repr, numbers.tolist()))
        for position in np.flatnonzero(np.isnan(numbers)).tolist():
            cells[position] = NULL
        return cells
    if kind in ("i", "u"):
        return list(map(str, column.to_numpy().tolist()))
    return [_copy_text(value) for value in _plain_values(column)]


NULL = "\\N"


def _copy_text(value):
    if value is None:
        return NULL
    kind = type(value)
    if kind is str:
        return value.translate(_COPY_ESCAPES)
    if kind is float:
        return repr(value)
    if kind is bool:
        return "true" if value else "false"  # as QGIS writes a boolean into a text field
    return str(value).translate(_COPY_ESCAPES)


def _copy_file_to_table(target, table):
    """2. The file input copied by GDAL into ``table`` of the output's database (COPY), its feature ids kept
    in COPIED_KEY."""
    from osgeo import gdal

    path, layer_name = target.file_source
    try:
        source = _gdal_checked(gdal, lambda: gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY))
        layer = source.GetLayerByName(layer_name) if layer_name else source.GetLayer(0)
        if layer is None:
            raise PostgisUnavailable(f"no layer {layer_name!r} in {path}")
        connection = target.uri.connectionInfo(True)
        options = ["-preserve_fid", "-nln", table, "-lco", f"SCHEMA={target.schema}", "-lco", f"FID={COPIED_KEY}",
                   "-lco", "GEOMETRY_NAME=geom", "-lco", "LAUNDER=NO", "-lco", "SPATIAL_INDEX=NONE",
                   "-lco", "PRECISION=NO", layer.GetName()]
        gdal.SetThreadLocalConfigOption("PG_USE_COPY", "YES")
        try:
            result = _gdal_checked(gdal, lambda: gdal.VectorTranslate(
                "PG:" + connection, source, format="PostgreSQL", options=options))
        finally:
            gdal.SetThreadLocalConfigOption("PG_USE_COPY", None)
        result = layer = source = None  # noqa: F841 — closing the dataset ends the copy
    except PostgisUnavailable:
        raise
    except BulkUnavailable as error:
        raise PostgisUnavailable(str(error)) from None


def start_postgis_copy(algorithm, parameters, context, source, input_name="INPUT", output_name="OUTPUT",
                       drop_fields=()):
    """A PostgisBulkCopy under way when the output can be written in bulk to PostGIS, else None."""
    target = postgis_target(algorithm, parameters, input_name, output_name, context, source)
    if target is None:
        return None
    return PostgisBulkCopy(target, source, drop_fields)


def _file_fid_column(file_source):
    """The name of the file's feature id column (a GeoPackage's fid), which QGIS shows as a field."""
    from osgeo import gdal

    path, layer_name = file_source
    dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    return layer.GetFIDColumn() if layer is not None else None
