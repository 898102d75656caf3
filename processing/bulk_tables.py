"""Writing a table without geometry (aggregate_bpe's counts per commune) to a GeoPackage in bulk.

QGIS's feature sink takes one QgsFeature a row, each value turned into a QVariant and handed to GDAL one
feature at a time: for France's 34,000 communes and 17 counts that was most of the writing. When the output
is a plain GeoPackage file, GDAL creates the empty table with its fields (as the sink's writer declares them)
and the rows go in with one ``executemany``, written as ``bulk_points.py`` writes its file: under a hidden
temporary name, renamed onto the destination only when complete (a cancelled or failed run leaves
nothing). Any other destination takes the feature sink.
"""

from ..compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONG_LONG, FIELD_STRING
from .bulk_geopackage import BulkUnavailable, _gdal_checked, _quote
from .bulk_points import points_target, write_geopackage_file
from .frames import plain_columns


def table_target(algorithm, parameters, output_name, context):
    """A target (bulk_points.PointsTarget: destination, layer name, load details) when the output is a plain
    GeoPackage file, else None (the sink writes it)."""
    return points_target(algorithm, parameters, output_name, context)


def write_table_file(target, frame, fields, is_cancelled):
    """Write the rows of ``frame`` to ``target`` (a bulk_points.PointsTarget) as a table of ``fields`` (a
    QgsFields: ``frames.fields_for(frame)``, what the sink would have been given); False when cancelled.

    Raises BulkUnavailable when GDAL cannot create the file (the caller then uses the sink).
    """
    from osgeo import gdal, ogr

    # The OGR types QGIS's file writer gives these fields.
    kinds = {FIELD_INT: ogr.OFTInteger, FIELD_LONG_LONG: ogr.OFTInteger64, FIELD_DOUBLE: ogr.OFTReal,
             FIELD_STRING: ogr.OFTString}
    names = [field.name() for field in fields]
    types = []
    for field in fields:
        if field.type() not in kinds:
            raise BulkUnavailable(f"field {field.name()!r} is of a type the bulk write does not take")
        types.append(kinds[field.type()])
    if names != [str(name) for name in frame.columns]:
        raise BulkUnavailable("the fields are not the table's columns")
    def create_layer(dataset):
        layer = _gdal_checked(gdal, lambda: dataset.CreateLayer(target.layer_name, None, ogr.wkbNone, ["FID=fid"]))
        for name, kind in zip(names, types):
            _gdal_checked(gdal, lambda: layer.CreateField(ogr.FieldDefn(name, kind)), none_is_error=False)

    def fill(connection):
        columns = ", ".join(_quote(name) for name in names)
        marks = ", ?" * len(names)
        connection.executemany(f"INSERT INTO {_quote(target.layer_name)} (fid, {columns}) VALUES (?{marks})",
                               zip(range(1, len(frame) + 1), *plain_columns(frame)))
        connection.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?",
                           (len(frame), target.layer_name))
        return not is_cancelled()

    return write_geopackage_file(target, create_layer, fill, is_cancelled)
