"""Lay out the real INSEE 2021 files as another edition publishes them, for `make demo DATA=…` and tests.

    .venv/bin/python scripts/build_edition_layout.py --edition 2025 --output folder

writes into ``folder``:

* ``base_cc_comparateur_csv.zip`` — the comparateur of ../shared/data/insee
  (2021 edition, Pas-de-Calais) with the column names of ``--edition``
  (resources/editions/comparateur.json: P22_POP/P16_POP, MED21, ETTOT24… for
  2025; the columns that edition no longer has, such as ETGZ in 2025, left
  out), zipped with its list of variables as INSEE publishes it;
* ``bpe_ensemble_xy.csv`` — the BPE 2019 counts per commune and TYPEQU
  expanded into INSEE's point-level layout, one row per equipment
  (AN;DEPCOM;DOM;SDOM;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY;EPSG), each
  placed at a random point (fixed seed) inside its commune for the communes of
  the sample territory, without coordinates elsewhere (as INSEE leaves the
  equipments it could not place).

The figures are the 2021 edition's: only the names change, so a score of the
new layout must rank the communes as the 2021 files do (up to the growth
period, 6 years from the 2022 edition on). Not INSEE's newer figures.
"""

import argparse
import csv
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

SHARED_INSEE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee"))
TERRITORY = os.path.join(PLUGIN_ROOT, "resources", "sample", "territoire_aula.gpkg")


def build_comparateur(edition, output):
    from centralites.core.editions import edition_renames
    from centralites.core.tables import read_table

    renames, dropped = edition_renames(2021, edition)
    frame = read_table(os.path.join(SHARED_INSEE, "base_cc_comparateur_2021_dep62.csv"))
    frame = frame.drop(columns=dropped).rename(columns=renames)
    variables = read_table(os.path.join(SHARED_INSEE, "base_cc_comparateur_2021_variables.csv"))
    variables = variables[~variables["COD_VAR"].isin(dropped)]
    variables["COD_VAR"] = variables["COD_VAR"].map(lambda name: renames.get(name, name))
    path = os.path.join(output, "base_cc_comparateur_csv.zip")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("base_cc_comparateur.csv", frame.to_csv(sep=";", index=False))
        archive.writestr("meta_base_cc_comparateur.csv", variables.to_csv(sep=";", index=False))
    return path, dropped


def build_points(output):
    from qgis.core import QgsVectorLayer

    communes = QgsVectorLayer(f"{TERRITORY}|layername=communes", "communes", "ogr")
    if communes.crs().authid() != "EPSG:2154":
        raise SystemExit(f"{TERRITORY}: expected Lambert 93 (EPSG:2154), found {communes.crs().authid()}")
    geometries = {f["INSEE_COM"]: f.geometry() for f in communes.getFeatures()}
    path = os.path.join(output, "bpe_ensemble_xy.csv")
    rows = 0
    with open(os.path.join(SHARED_INSEE, "bpe2019_communes_dep62.csv"), encoding="utf-8") as source, \
            open(path, "w", encoding="utf-8", newline="") as target:
        writer = csv.writer(target, delimiter=";")
        writer.writerow(["AN", "DEPCOM", "DOM", "SDOM", "TYPEQU", "LAMBERT_X", "LAMBERT_Y", "QUALITE_XY", "EPSG"])
        for seed, row in enumerate(csv.DictReader(source, delimiter=";"), start=1):
            count = int(row["NB_EQUIP"])
            geometry = geometries.get(row["DEPCOM"])
            points = geometry.randomPointsInPolygon(count, seed) if geometry is not None else []
            for number in range(count):
                typequ = row["TYPEQU"]
                if number < len(points):
                    x, y, quality = f"{points[number].x():.1f}", f"{points[number].y():.1f}", "Bonne"
                else:
                    x, y, quality = "", "", "Non géolocalisé"
                writer.writerow([row["AN"], row["DEPCOM"], typequ[0], typequ[:2], typequ, x, y, quality, "2154"])
                rows += 1
    return path, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edition", type=int, default=2025)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    if not os.path.isdir(SHARED_INSEE):
        raise SystemExit(f"The real INSEE files are needed: {SHARED_INSEE} is absent.")
    os.makedirs(args.output, exist_ok=True)
    app = start_qgis()
    comparateur, dropped = build_comparateur(args.edition, args.output)
    print(f"{comparateur}: the 2021 figures with the {args.edition} edition's names"
          + (f" (without {', '.join(dropped)})" if dropped else ""))
    points, rows = build_points(args.output)
    print(f"{points}: {rows} equipments, one row each (BPE 2019 figures, point-level layout)")
    del app


if __name__ == "__main__":
    main()
