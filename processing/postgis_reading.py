"""PostGIS tables read in one SQL query: the few columns an algorithm needs, instead of QGIS's cell by cell.

Reading a France-wide PostGIS layer through QGIS's provider turns every attribute of every feature into a
QVariant, then into Python: seconds for a 70-column table. When a layer is a plain PostGIS table (no query,
no filter, no unsaved edit) and psycopg2 (which comes with QGIS) connects with the layer's own connection
string, the needed columns come in one ``SELECT`` instead, typed as QGIS would give them; anything else
(another column type, a view without a key for feature ids, authentication QGIS alone knows) is read
feature by feature as before.
The bulk writer (processing/bulk_postgis.py) shares its connection and key helpers.
"""

from qgis.core import QgsDataSourceUri

# Column types read in SQL: the values psycopg2 gives are the ones QGIS gives (numeric is cast to float8,
# as QGIS reads it as a double). Others (dates, arrays, float4 widened differently…) are read by QGIS.
_READ_TYPES = frozenset(("int2", "int4", "int8", "float8", "numeric", "text", "varchar"))
# A single key column of these types: QGIS takes an int2/int4 key's value as feature id, and numbers the
# features of an int8 or text key itself (read_postgis_attributes then pairs them by key).
_KEY_TYPES = {"int2": "integer", "int4": "integer", "int8": "bigint", "text": "text", "varchar": "text"}


class PostgisTable:
    """A PostGIS table behind a layer: its connection, schema, name and integer key (feature ids), if any."""

    def __init__(self, uri, key, key_type=None):
        self.uri = uri  # QgsDataSourceUri
        self.schema = uri.schema() or "public"
        self.table = uri.table()
        self.key = key  # the table's single key column QGIS reads it by, or None
        self.key_type = key_type  # its SQL type: integer (its values are QGIS's feature ids), bigint or text

    @property
    def key_is_feature_id(self):
        return self.key_type == "integer"

    @property
    def qualified(self):
        return f"{quoted(self.schema)}.{quoted(self.table)}"

    def same_database(self, other):
        return _connection_key(self.uri) == _connection_key(other)


def _connection_key(uri):
    return (uri.host(), uri.port() or "5432", uri.database(), uri.username(), uri.service())


def postgis_table_behind(layer):
    """The PostgisTable a whole layer reads (provider postgres, a plain table, no filter nor edit), or None."""
    if layer is None or layer.providerType() != "postgres" or layer.isEditable() or layer.subsetString():
        return None
    uri = QgsDataSourceUri(layer.source())
    if not uri.table() or uri.table().startswith("(") or uri.sql():
        return None  # a query as table, or a filter
    provider = layer.dataProvider()
    keys = provider.pkAttributeIndexes() if provider is not None else []
    key, key_type = None, None
    if len(keys) == 1 and layer.fields().at(keys[0]).typeName() in _KEY_TYPES:
        key, key_type = layer.fields().at(keys[0]).name(), _KEY_TYPES[layer.fields().at(keys[0]).typeName()]
    return PostgisTable(uri, key, key_type)


def feature_ids_by_key(source, key):
    """{key value: QGIS's feature id} of a PostGIS layer or source, read by QGIS (the key column only)."""
    from qgis.core import QgsFeatureRequest

    from ..compat import REQUEST_NO_GEOMETRY

    index = source.fields().lookupField(key)
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([index])
    return {feature.attribute(index): feature.id() for feature in source.getFeatures(request)}


def quoted(name):
    return '"' + str(name).replace('"', '""') + '"'


def connect(uri):
    """A psycopg2 connection with a QGIS data source URI's connection (its auth configuration expanded), or
    None when psycopg2 is missing or the connection fails (then QGIS's provider reads and writes)."""
    try:
        import psycopg2
    except ImportError:
        return None
    try:
        return psycopg2.connect(uri.connectionInfo(True))
    except psycopg2.Error:
        return None


def readable_in_sql(fields, names):
    """Whether the columns ``names`` of a PostGIS layer are of types read in SQL as QGIS reads them."""
    indexes = [fields.lookupField(name) for name in names]
    return all(index >= 0 and fields.at(index).typeName() in _READ_TYPES for index in indexes)


def _column(name, type_name):
    return f"{quoted(name)}::float8" if type_name == "numeric" else quoted(name)


def read_columns(table, fields, names, with_key=True):
    """(keys, columns) of ``names`` in one query (keys: the table's key, ordered by it, or None), or None
    when the table cannot be read so (no psycopg2, no connection, a type QGIS reads otherwise, an error)."""
    import psycopg2

    if not readable_in_sql(fields, names) or (with_key and table.key is None):
        return None
    connection = connect(table.uri)
    if connection is None:
        return None
    columns = [_column(name, fields.at(fields.lookupField(name)).typeName()) for name in names]
    if with_key:
        columns.insert(0, quoted(table.key))
    sql = "SELECT {columns} FROM {table}".format(columns=", ".join(columns) or "NULL", table=table.qualified)
    if with_key:
        sql += f" ORDER BY {quoted(table.key)}"
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            rows = cursor.fetchall()
    except psycopg2.Error:
        return None
    finally:
        connection.close()
    width = len(columns)
    values = list(zip(*rows)) if rows else [() for _ in range(width)]
    if with_key:
        return list(values[0]), [list(column) for column in values[1:]]
    return None, [list(column) for column in values]


def read_postgis_attributes(source, table, fields, field_names, feedback, code_field, feature_ids, count):
    """``frames.read_attributes`` of a PostGIS table in one query (ids: QGIS's feature ids, its key's values
    or paired with them), or None when it cannot be read so (then feature by feature)."""
    import pandas as pd

    from .frames import _typed, paused_gc

    with paused_gc():
        read = read_columns(table, fields, field_names)
        if read is None or len(read[0]) != count or feedback.isCanceled():
            return None
        keys, columns = read
        if not table.key_is_feature_id:
            id_of = feature_ids_by_key(source, table.key)
            keys = [id_of.get(key) for key in keys]
            if None in keys or len(set(keys)) != len(keys):
                return None
        frame = pd.DataFrame(dict(zip(field_names, columns)), columns=list(field_names))
    _typed(frame, field_names, code_field, feature_ids, keys)
    feedback.setProgress(20)
    return frame
