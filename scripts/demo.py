"""`make demo`: the whole diagnosis, headless, on the sample territory.

Data, in this order: the folder given with --data (INSEE files you
downloaded), else the real INSEE files of ../shared/data/insee when present,
else the illustrative tables shipped in resources/sample (not INSEE figures).
Writes the GeoPackage (style stored inside), the PDF layout, a PNG of the map
and the join report to the output folder, then prints the ten most central
communes.
"""

import argparse
import glob
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

SAMPLE = os.path.join(PLUGIN_ROOT, "resources", "sample")
SHARED_INSEE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee"))
COMMUNES = os.path.join(SAMPLE, "territoire_aula.gpkg") + "|layername=communes"


def choose_tables(data_folder, output):
    """(description, [table paths]) following the order of the module docstring."""
    if data_folder:
        return f"your INSEE files in {data_folder}", user_tables(data_folder, output)
    france = os.path.join(SHARED_INSEE, "france")
    if os.path.isdir(france):
        return (f"the real INSEE files of {france} (comparateur 2021, BPE 2019)",
                [os.path.join(france, "base_cc_comparateur_2021.csv"), os.path.join(france, "bpe2019_domaines.csv")])
    if os.path.isdir(SHARED_INSEE):
        return (f"the real INSEE files of {SHARED_INSEE} (Pas-de-Calais only: the commune of the Somme stays unmatched)",
                [os.path.join(SHARED_INSEE, "base_cc_comparateur_2021_dep62.csv"),
                 os.path.join(SHARED_INSEE, "bpe2019_domaines_dep62.csv")])
    return ("the ILLUSTRATIVE tables of resources/sample (generated, not INSEE figures: do not use in a study)",
            [os.path.join(SAMPLE, "illustratif_base_cc_comparateur.csv"), os.path.join(SAMPLE, "illustratif_bpe_domaines.csv")])


def user_tables(folder, output):
    """The comparator base and a BPE file found in ``folder`` (CSV, or zip as INSEE publishes them);
    a BPE per equipment type or per equipment (TYPEQU) is counted per commune by aggregate_bpe first."""
    if not os.path.isdir(folder):
        raise SystemExit(f"DATA={folder}: no such folder.")
    files = sorted(f for f in glob.glob(os.path.join(folder, "*"))
                   if os.path.splitext(f)[1].lower() in (".csv", ".zip", ".txt"))
    comparateur = [f for f in files if "comparateur" in os.path.basename(f).lower()]
    bpe = [f for f in files if "bpe" in os.path.basename(f).lower()]
    if not comparateur or not bpe:
        raise SystemExit(
            f"DATA={folder}: expected the comparateur ('base_cc_comparateur*.csv' or '.zip') and a BPE file "
            f"('bpe*.csv' or '.zip'); found: {', '.join(os.path.basename(f) for f in files) or 'no CSV or zip file'}. "
            "See the README."
        )
    if "NB_EQUIP_B" in header(bpe[0]):
        return [comparateur[0], bpe[0]]
    import processing

    counts = os.path.join(output, "bpe_communes.csv")
    if os.path.exists(counts):
        os.remove(counts)
    processing.run("centralites:aggregate_bpe", {"INPUT": bpe[0], "OUTPUT": counts})
    print(f"BPE {os.path.basename(bpe[0])} counted per commune, domain and gamme into {counts}")
    return [comparateur[0], counts]


def header(path):
    """The first line of a CSV, or of the largest CSV of a zip (the data, not its list of variables)."""
    if zipfile.is_zipfile(path):
        from centralites.core.tables import zip_table

        with zipfile.ZipFile(path) as archive:
            with archive.open(zip_table(archive, path)) as handle:
                return handle.readline().decode("utf-8", "replace")
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.readline()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="demo_output")
    parser.add_argument("--data", default="", help="folder holding INSEE files you downloaded")
    parser.add_argument("--language", default="fr", help="language of the layout texts (fr or en)")
    args = parser.parse_args()
    output = os.path.abspath(args.output)
    os.makedirs(output, exist_ok=True)

    app = start_qgis()
    from centralites.i18n import install_translator

    install_translator(args.language)  # the layout's texts: the agency's documents are in French
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    description, tables = choose_tables(args.data, output)
    print(f"Data used: {description}")
    for path in tables:
        print(f"  {path}")
    results_path = os.path.join(output, "centralites.gpkg")
    for name in ("centralites.gpkg", "centralites.pdf", "centralites.png", "rapport_jointure.csv"):
        if os.path.exists(os.path.join(output, name)):
            os.remove(os.path.join(output, name))
    try:
        processing.run("centralites:diagnostic_centralites", {
            "communes": COMMUNES,
            "code_field": "INSEE_COM",
            "tables": tables,
            "title": "Centralités du territoire de l'AULA",
            "score:communes_scorees": results_path,
            "join:rapport_jointure": os.path.join(output, "rapport_jointure.csv"),
            "layout:carte_pdf": os.path.join(output, "centralites.pdf"),
            "layout:carte_png": os.path.join(output, "centralites.png"),
        })
    except QgsProcessingException as error:
        raise SystemExit(f"The diagnosis failed: {error}")

    layer = QgsVectorLayer(results_path, "scores", "ogr")
    rows = sorted(
        (f for f in layer.getFeatures() if f["rang"]), key=lambda f: f["rang"]
    )[:10]
    print()
    print("Ten most central communes")
    print(f"{'rang':>4}  {'commune':<28}{'habiter':>9}{'travailler':>11}{'consommer':>10}{'services':>9}{'score':>7}  niveau")
    for f in rows:
        print(f"{f['rang']:>4}  {f['NOM'][:27]:<28}{f['score_habiter']:>9.1f}{f['score_travailler']:>11.1f}"
              f"{f['score_consommer']:>10.1f}{f['score_services']:>9.1f}{f['score_centralite']:>7.1f}  {f['niveau']}")
    print()
    print(f"Outputs in {output}: centralites.gpkg (style stored inside), centralites.pdf, centralites.png, rapport_jointure.csv")
    del app


if __name__ == "__main__":
    main()
