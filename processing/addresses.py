"""Database addresses as users type them (PostGIS): made into the form QGIS processing opens, or a message.

QGIS 3.22's processing opens a PostGIS layer given as text only as ``postgres://`` followed by QGIS's
data source URI (``postgres://dbname=… host=… port=… user=… table="public"."communes" (geom)``). Users
also type the URI alone (``dbname=… table=…``, or ``service=…``), ``postgres:`` or ``postgis:`` before it,
or OGR's ``PG:dbname=… tables=…``: for a table (TABLES) each is opened; for the commune layer (INPUT),
which QGIS itself checks before the algorithm runs, the message gives the address to type.
"""

import re

from qgis.core import QgsDataSourceUri, QgsProcessingUtils, QgsVectorLayer

from ..i18n import tr

POSTGRES = "postgres://"
# A QGIS data source URI's first key: dbname=…, service=…, host=… (in any order after it).
_URI_KEY = re.compile(r"^\s*(dbname|service|host|hostaddr|port|user|authcfg)\s*=", re.IGNORECASE)


def is_ogr_address(text):
    return isinstance(text, str) and text[:3].upper() == "PG:"


def is_database_address(text):
    """Whether ``text`` is written as a PostgreSQL address, in any of the forms users type."""
    if not isinstance(text, str):
        return False
    lowered = text.lstrip().lower()
    return (lowered.startswith(("postgres:", "postgis:", "postgresql:")) or is_ogr_address(text.lstrip())
            or bool(_URI_KEY.match(text)))


def postgres_address(text):
    """``text`` written as processing opens it (``postgres://`` + QGIS's URI), or None for OGR's ``PG:``
    form (opened by OGR) and for what is not a database address."""
    if not is_database_address(text) or is_ogr_address(text.lstrip()):
        return None
    text = text.strip()
    for prefix in ("postgres://", "postgresql://", "postgis://", "postgres:", "postgresql:", "postgis:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):]
            break
    return POSTGRES + text


def names_a_table(address):
    """Whether a ``postgres://`` address names its table (``table=…``)."""
    return bool(QgsDataSourceUri(address[len(POSTGRES):]).table())


def ogr_as_postgres(text):
    """OGR's ``PG:dbname=… tables=schema.table`` written as processing opens it (``postgres://`` + QGIS's URI,
    with the geometry column OGR reads), or None when OGR cannot open that one table."""
    from osgeo import ogr

    connection, _, table = text.strip()[3:].partition("tables=")
    table, _, rest = table.partition(" ")
    table = table.split("|")[0].split(",")[0]
    if not table or "," in table:
        return None
    table, _, geometry = table.partition("(")
    schema, _, name = table.rpartition(".")
    try:
        dataset = ogr.Open(text.strip())
        layer = dataset.GetLayerByName(table) if dataset is not None else None
        geometry = geometry.rstrip(")") or (layer.GetGeometryColumn() if layer is not None else "")
    except RuntimeError:  # GDAL's exceptions may be on (QGIS 3.40+)
        return None
    if layer is None:
        return None
    uri = f"{connection.strip()} {rest.strip()}".strip()
    column = f" ({geometry})" if geometry else ""
    return f'{POSTGRES}{uri} table="{schema or "public"}"."{name}"{column}'


def address_hint(text):
    """What to type instead of ``text``: the ``postgres://`` form when it can be written, else the forms."""
    address = ogr_as_postgres(text) if is_ogr_address(text.lstrip()) else postgres_address(text)
    if address and not names_a_table(address):
        return tr("{entry}: the address names no table. Add the table to it, e.g. "
                  "postgres://dbname=… host=… port=… user=… table=\"public\".\"communes\" (geom).").format(
            entry=text)
    if address and address != text.strip():
        return tr("{entry}: write a PostGIS layer as {address} (QGIS's data source URI after postgres://).").format(
            entry=text, address=address)
    return tr("{entry}: not a table QGIS can open. A PostGIS table is written postgres://dbname=… host=… "
              "port=… user=… table=\"public\".\"table\" (QGIS's form) or PG:dbname=… host=… port=… user=… "
              "tables=public.table (OGR's).").format(entry=text)


def database_layer(text, context):
    """The layer of a database address in any of its forms, or None when it cannot be opened."""
    if is_ogr_address(text.lstrip()):
        layer = QgsVectorLayer(text.strip(), "", "ogr")
        if layer.isValid() and layer.fields().count():  # OGR opens a table that does not exist, without fields
            uri = text.split("tables=", 1)[1].split()[0] if "tables=" in text else ""
            layer.setName(uri.split("|")[0] or "PG")
            return layer
        return None
    address = postgres_address(text)
    if address is None or not names_a_table(address):
        return None
    layer = QgsProcessingUtils.mapLayerFromString(address, context)
    return layer if layer is not None and layer.isValid() else None
