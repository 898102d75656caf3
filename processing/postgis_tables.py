"""PostGIS tables the plugin writes: the address forms an output takes, the views that depend on a table
already there, free names for new tables, a layer copied into a table.

QGIS 3.22 overwrites an existing PostGIS output by dropping its table (``DropGeometryTable``, RESTRICT): when a
view depends on the table the run stops on PostgreSQL's own error, after the algorithm's work; OGR's
overwrite (``ogr2ogr -overwrite``, a bulk path) drops it with CASCADE, the views with it. ``refuse_database_outputs``
(called by ``failures.guarded`` before any algorithm's work) refuses both beforehand, saying which views and what
to do, so that the table and its views stay as they were.
"""

import re

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterVectorDestination,
    QgsProviderRegistry,
    QgsVectorLayerExporter,
)

from ..compat import export_layer_result_ok, is_null
from ..i18n import tr
from .addresses import POSTGRES, is_database_address, is_ogr_address, names_a_table, ogr_as_postgres, postgres_address

# What QGIS processing writes to PostGIS: ``postgres://`` + the URI (the form it also opens), ``postgis:`` (the
# form of its own dialogs' "Save to PostGIS table…") and ``postgres:`` + the URI.
_WRITTEN_PREFIXES = ("postgres://", "postgis:", "postgres:")
_NOT_WRITTEN_PREFIXES = ("postgresql://", "postgresql:", "postgis://")

# Views (and materialized views) on a table, and the views on those, through PostgreSQL's rewrite rules.
_DEPENDENT_VIEWS = """
WITH RECURSIVE dependents(oid) AS (
    SELECT DISTINCT rewrite.ev_class FROM pg_depend depend
    JOIN pg_rewrite rewrite ON depend.classid = 'pg_rewrite'::regclass AND depend.objid = rewrite.oid
    WHERE depend.refobjid = to_regclass({table}) AND rewrite.ev_class <> depend.refobjid
    UNION
    SELECT rewrite.ev_class FROM dependents
    JOIN pg_depend depend ON depend.refobjid = dependents.oid
    JOIN pg_rewrite rewrite ON depend.classid = 'pg_rewrite'::regclass AND depend.objid = rewrite.oid
    WHERE rewrite.ev_class <> dependents.oid
)
SELECT quote_ident(namespace.nspname) || '.' || quote_ident(class.relname) FROM dependents
JOIN pg_class class ON class.oid = dependents.oid
JOIN pg_namespace namespace ON namespace.oid = class.relnamespace
ORDER BY 1
"""


def data_source_uri(address):
    """QGIS's data source URI of a PostGIS address (``postgres://``, ``postgis:``, ``postgres:`` or none)."""
    text = address.strip()
    for prefix in _WRITTEN_PREFIXES:
        if text.lower().startswith(prefix):
            return QgsDataSourceUri(text[len(prefix):])
    return QgsDataSourceUri(text)


def connection(uri):
    """QGIS's database connection to the database of ``uri`` (a QgsDataSourceUri)."""
    return QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(uri.uri(False), {})


def _literal(text):
    return "'" + str(text).replace("'", "''") + "'"


def qualified_name(schema, table):
    return '"{}"."{}"'.format((schema or "public").replace('"', '""'), table.replace('"', '""'))


def dependent_views(address):
    """The views (and materialized views, and the views on those) that depend on the table of a PostGIS
    address, as ``schema.view``; [] when the table does not exist. Raises QgsProviderConnectionException
    when the database cannot be reached."""
    uri = data_source_uri(address)
    if not uri.table():
        return []
    rows = connection(uri).executeSql(_DEPENDENT_VIEWS.format(table=_literal(qualified_name(uri.schema(),
                                                                                            uri.table()))))
    return [str(row[0]) for row in rows if row and not is_null(row[0])]


def views_depending_on(cursor, schema, table):
    """``dependent_views`` through an open DB-API cursor (psycopg2: the bulk writer's own connection)."""
    cursor.execute(_DEPENDENT_VIEWS.format(table="%s"), (qualified_name(schema, table),))
    return [str(row[0]) for row in cursor.fetchall() if row and row[0] is not None]


def output_address_problem(text):
    """Why a PostGIS output cannot be written as ``text``, with the form to type; None when it can (or when
    ``text`` is not a database address). QGIS 3.22 writes only ``postgres://``, ``postgis:`` and ``postgres:``
    + the URI: given the URI alone (``dbname=… table=…``, ``service=…``) it writes a GeoPackage file of that
    name in the working folder, given OGR's ``PG:…`` or ``postgresql://`` it fails on a provider's error."""
    if not is_database_address(text):
        return None
    stripped = text.strip()
    lowered = stripped.lower()
    if lowered.startswith(_WRITTEN_PREFIXES) and not lowered.startswith(_NOT_WRITTEN_PREFIXES):
        if data_source_uri(stripped).table():
            return None
        return tr("{entry}: the output address names no table. Add the table to it, e.g. postgres://dbname=… "
                  "host=… port=… user=… table=\"public\".\"scores\" (geom).").format(entry=text)
    address = _ogr_output_as_postgres(stripped) if is_ogr_address(stripped) else postgres_address(stripped)
    if address and names_a_table(address):
        return tr("{entry}: write a PostGIS output as {address} (QGIS's data source URI after postgres://, the "
                  "form QGIS writes and opens).").format(entry=text, address=address)
    return tr("{entry}: not a PostGIS output QGIS can write. Write it postgres://dbname=… host=… port=… user=… "
              "table=\"public\".\"table\" (geom), or with a service: postgres://service=… "
              "table=\"public\".\"table\" (geom).").format(entry=text)


def _ogr_output_as_postgres(text):
    """OGR's ``PG:… tables=schema.table`` of a table that may not exist yet, in QGIS's form (geometry ``geom``)."""
    connection_part, _, table = text[3:].partition("tables=")
    table, _, rest = table.partition(" ")
    table = table.split("|")[0]
    if not table or "," in table:
        return ogr_as_postgres(text)
    table, _, geometry = table.partition("(")
    schema, _, name = table.rpartition(".")
    uri = f"{connection_part.strip()} {rest.strip()}".strip()
    return f'{POSTGRES}{uri} table="{schema or "public"}"."{name}" ({geometry.rstrip(")") or "geom"})'


def output_address(value, context):
    """The text of an output parameter's value (a string or a QgsProcessingOutputLayerDefinition), or ""."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.valueAsString(context.expressionContext())
        value = value[0] if isinstance(value, tuple) else value  # (text, ok) in PyQGIS
    return value if isinstance(value, str) else ""


def database_outputs(algorithm, parameters, context):
    """{parameter name: address} of the outputs given as database addresses."""
    outputs = {}
    for definition in algorithm.destinationParameterDefinitions():
        if not isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
            continue
        address = output_address(parameters.get(definition.name()), context)
        if is_database_address(address):
            outputs[definition.name()] = address
    return outputs


def refuse_database_outputs(algorithm, parameters, context):
    """Raise QgsProcessingException, before anything is written, for a PostGIS output QGIS cannot write as
    given (the form to type) or whose table views depend on (which views, what to do)."""
    for name, address in database_outputs(algorithm, parameters, context).items():
        label = algorithm.parameterDefinition(name).description()
        problem = output_address_problem(address)
        if problem:
            raise QgsProcessingException(f"{label}: {problem}")
        try:
            views = dependent_views(address)
        except Exception:  # noqa: BLE001 — the database unreachable: QGIS's own writer says why, as before
            continue
        if views:
            uri = data_source_uri(address)
            raise QgsProcessingException(tr(
                "{label}: the table {table} already exists and {count} view(s) depend on it ({views}). Writing "
                "the output would drop the table, and the views with it: nothing was written, the table and its "
                "views are as they were. Choose another table name, or drop the views, run again and recreate "
                "them.").format(label=label, table=qualified_name(uri.schema(), uri.table()), count=len(views),
                               views=", ".join(views)))


def free_table_names(uri, base, count):
    """``count`` table names ``<base>_1``…, or ``<base>_2_1``… (the first series of which no table exists) in
    the schema of ``uri``; ``base`` made a plain lower-case PostgreSQL name."""
    base = re.sub(r"[^a-z0-9_]+", "_", base.lower()).strip("_")[:40] or "layout"
    if base[0].isdigit():
        base = "t_" + base
    existing = connection(uri)
    number = 1
    while True:
        series = base if number == 1 else f"{base}_{number}"
        names = [f"{series}_{index}" for index in range(1, count + 1)]
        if not any(existing.tableExists(uri.schema() or "public", name) for name in names):
            return names
        number += 1


def copy_to_table(layer, uri, table):
    """``layer``'s features into a new table of the database and schema of ``uri`` (geometry ``geom``, key
    ``id``); the new table's QgsDataSourceUri, or None when it could not be written."""
    target = QgsDataSourceUri(uri.connectionInfo(False))
    target.setDataSource(uri.schema() or "public", table, "geom", "", "id")
    result, _ = QgsVectorLayerExporter.exportLayer(layer, target.uri(False), "postgres", layer.crs(), False, {})
    return target if export_layer_result_ok(result) else None
