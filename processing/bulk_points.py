"""Writing many points (the BPE's equipments) to a GeoPackage in bulk.

QGIS's feature sink hands GDAL one feature at a time: for the 2.5 million
equipments of France, writing cost most of the run. When the points output is
a GeoPackage file, the layer is created empty by GDAL (with its spatial index
and the index's triggers), the geometries are built as GeoPackage blobs in one
numpy pass and inserted with ``executemany``, and the spatial index (R-tree)
is filled from the same arrays while GDAL's triggers, which call GDAL's SQL
functions, are set aside; they are put back unchanged at the end.
As in ``bulk_geopackage.py``, the file is written under a hidden temporary
name and renamed onto the destination only when complete: a cancelled or
failed run leaves nothing. Any other destination (memory layer, database,
another format) takes the feature sink.
"""

import os
import sqlite3
import tempfile

import numpy as np
from qgis.core import QgsProcessingContext

from .bulk_geopackage import BulkUnavailable, _gdal_checked, _load_details
from .failures import is_file_destination

CHUNK = 100000
CACHE_KB = 512 * 1024  # SQLite's page cache while writing, at most (used as the file grows)
# A GeoPackage point: header (magic "GP", version 0, flags: no envelope, little endian; srs_id)
# followed by the little-endian WKB point (byte order 1, type 1, x, y): 29 bytes.
_BLOB = np.dtype([("magic", "S2"), ("version", "u1"), ("flags", "u1"), ("srs_id", "<i4"),
                  ("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])


class PointsTarget:
    """A plain GeoPackage file destination written in bulk (the points, or a table: bulk_tables)."""

    def __init__(self, destination, layer_name, load_details):
        self.destination = destination
        self.layer_name = layer_name
        self.load_details = load_details

    def load_on_completion(self, context):
        """Registers the written file for QGIS desktop to load, as the feature sink's layer would be."""
        if self.load_details is not None:
            name, project, output_name = self.load_details
            context.addLayerToLoadOnCompletion(
                self.destination, QgsProcessingContext.LayerDetails(name, project, output_name))


def points_target(algorithm, parameters, output_name, context):
    """A PointsTarget when the output is a plain GeoPackage file, else None (the sink writes it)."""
    destination = algorithm.parameterAsOutputLayer(parameters, output_name, context)
    if not destination or "|" in destination or not destination.lower().endswith(".gpkg"):
        return None
    if not is_file_destination(destination):
        return None
    layer_name = os.path.splitext(os.path.basename(destination))[0]
    return PointsTarget(destination, layer_name, _load_details(parameters.get(output_name), algorithm, output_name))


def point_blobs(xs, ys, srs_id):
    """GeoPackage geometry blobs (bytes) of the points (xs[i], ys[i]), built in one numpy pass."""
    records = np.zeros(len(xs), dtype=_BLOB)
    records["magic"], records["flags"], records["srs_id"] = b"GP", 1, srs_id
    records["order"], records["type"] = 1, 1
    records["x"], records["y"] = xs, ys
    data, size = records.tobytes(), _BLOB.itemsize
    return [data[start:start + size] for start in range(0, len(data), size)]


def write_points(target, crs_wkt, xs, ys, columns, is_cancelled):
    """Write the points with their text ``columns`` ({name: list}) to ``target``; False when cancelled.

    Raises BulkUnavailable when GDAL cannot create the file (the caller then uses the sink).
    """
    from osgeo import gdal, ogr, osr

    def create_layer(dataset):
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
        layer = _gdal_checked(gdal, lambda: dataset.CreateLayer(
            target.layer_name, srs, ogr.wkbPoint, ["GEOMETRY_NAME=geom", "FID=fid"]))
        for name in columns:
            _gdal_checked(gdal, lambda: layer.CreateField(ogr.FieldDefn(name, ogr.OFTString)), none_is_error=False)

    # The R-tree's nodes are revisited at random: a page cache large enough to hold them (SQLite's default
    # is 2 MB) is what keeps its filling near linear.
    return write_geopackage_file(
        target, create_layer, lambda connection: _fill(connection, target.layer_name, xs, ys, columns, is_cancelled),
        is_cancelled, cache_kb=CACHE_KB)


def write_geopackage_file(target, create_layer, fill, is_cancelled, cache_kb=None):
    """Write ``target``'s GeoPackage under a hidden temporary name, renamed onto the destination only when
    complete: ``create_layer(dataset)`` makes the empty layer with GDAL, ``fill(connection)`` inserts the rows
    through SQLite (False when cancelled: nothing committed). Returns False when cancelled; raises
    BulkUnavailable when GDAL or SQLite cannot write the file (the caller then uses the sink)."""
    from osgeo import gdal, ogr

    folder = os.path.dirname(os.path.abspath(target.destination))
    os.makedirs(folder, exist_ok=True)
    handle, scratch = tempfile.mkstemp(suffix=".gpkg", prefix=".centralites-", dir=folder)
    os.close(handle)
    os.remove(scratch)  # GDAL creates it
    try:
        driver = ogr.GetDriverByName("GPKG")
        dataset = _gdal_checked(gdal, lambda: driver.CreateDataSource(scratch))
        create_layer(dataset)
        dataset = None  # closed: the file is complete and empty

        connection = sqlite3.connect(scratch)
        try:
            # A scratch file, renamed into place only when complete: no journal, no sync.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            if cache_kb:
                connection.execute(f"PRAGMA cache_size = {-cache_kb}")
            if not fill(connection):
                return False
            connection.commit()
        finally:
            connection.close()
        if is_cancelled():
            return False
        os.replace(scratch, target.destination)
        return True
    except (OSError, sqlite3.Error) as error:
        raise BulkUnavailable(str(error)) from error
    finally:
        if os.path.exists(scratch):
            os.remove(scratch)


def _fill(connection, layer_name, xs, ys, columns, is_cancelled):
    """Insert the features and their R-tree entries; False when cancelled (nothing committed)."""
    table = _quote(layer_name)
    rtree = f"rtree_{layer_name}_geom"
    srs_id = connection.execute(
        "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (layer_name,)).fetchone()[0]
    # GDAL's R-tree triggers call GDAL's SQL functions (ST_MinX…), unknown to Python's sqlite3.
    triggers = [(name, sql) for name, sql in connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (layer_name,))
        if name.startswith(rtree + "_")]
    has_rtree = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (rtree,)).fetchone() is not None
    for name, _ in triggers:
        connection.execute(f"DROP TRIGGER {_quote(name)}")
    names = ", ".join(_quote(name) for name in columns)
    insert = f"INSERT INTO {table} (fid, geom, {names}) VALUES (?, ?{', ?' * len(columns)})"
    values = list(columns.values())
    for start in range(0, len(xs), CHUNK):
        if is_cancelled():
            return False
        stop = min(start + CHUNK, len(xs))
        fids = range(start + 1, stop + 1)
        blobs = point_blobs(xs[start:stop], ys[start:stop], srs_id)
        connection.executemany(insert, zip(fids, blobs, *(column[start:stop] for column in values)))
        if has_rtree:
            x, y = xs[start:stop].tolist(), ys[start:stop].tolist()
            connection.executemany(f"INSERT INTO {_quote(rtree)} VALUES (?, ?, ?, ?, ?)", zip(fids, x, x, y, y))
    for _, sql in triggers:
        connection.execute(sql)
    if len(xs):
        connection.execute(
            "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
            (float(np.min(xs)), float(np.min(ys)), float(np.max(xs)), float(np.max(ys)), layer_name))
    connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (len(xs), layer_name))
    return True


def _quote(name):
    return '"' + name.replace('"', '""') + '"'
