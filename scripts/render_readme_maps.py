"""Render docs/carte_niveaux.png and docs/atlas_page.png (README, "Maps for the report").

Runs the demo's diagnosis (join_tables and centrality_score on the sample territory with the real
France-wide comparateur 2021 and BPE 2019 of ../shared, the default profile and its national
reference), styles the levels with the pies of the four functions (apply_style), then exports the
single-page layout and the atlas by intercommunality (export_layout) at a resolution fit for the
README. The atlas page kept is the CA de Béthune-Bruay's.

    python scripts/render_readme_maps.py [output folder, default docs/]
"""

import glob
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

FRANCE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee", "france"))
ATLAS_PAGE_OF = "Béthune-Bruay"


def main(folder):
    app = start_qgis()  # noqa: F841 — kept alive while exporting
    from centralites.i18n import install_translator

    install_translator("fr")  # the legend and the chart in French, as in an agency's document
    from qgis.PyQt.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))  # "31 000" in the legend
    import processing

    work = tempfile.mkdtemp(prefix="centralites-readme-")
    communes = os.path.join(PLUGIN_ROOT, "resources", "sample", "territoire_aula.gpkg") + "|layername=communes"
    joined = processing.run("centralites:join_tables", {
        "INPUT": communes,
        "TABLES": [os.path.join(FRANCE, "base_cc_comparateur_2021.csv"), os.path.join(FRANCE, "bpe2019_domaines.csv")],
        "OUTPUT": os.path.join(work, "joined.gpkg")})["OUTPUT"]
    scores = processing.run("centralites:centrality_score", {
        "INPUT": joined, "OUTPUT": os.path.join(work, "centralites.gpkg")})["OUTPUT"]
    processing.run("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    common = {"INPUT": scores, "TITLE": "Centralités du territoire de l'AULA",
              "SUBTITLE": "Niveau de centralité et équilibre des quatre fonctions (secteurs : Habiter, "
                          "Travailler, Consommer, Services)", "DPI": 100}
    processing.run("centralites:export_layout", dict(
        common, OUTPUT=os.path.join(work, "carte.pdf"), OUTPUT_PNG=os.path.join(folder, "carte_niveaux.png")))
    processing.run("centralites:export_layout", dict(
        common, ATLAS_FIELD="NOM_EPCI", OUTPUT=os.path.join(work, "atlas.pdf"),
        OUTPUT_PNG=os.path.join(work, "atlas.png")))
    pages = sorted(glob.glob(os.path.join(work, "atlas_*.png")))
    page = pick_atlas_page(pages, scores)
    shutil.copyfile(page, os.path.join(folder, "atlas_page.png"))
    print(os.path.join(folder, "carte_niveaux.png"), os.path.join(folder, "atlas_page.png"))


def pick_atlas_page(pages, scores):
    """The page of the intercommunality named ATLAS_PAGE_OF: pages follow the groups' names in order."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(scores, "scores", "ogr")
    groups = sorted({feature["NOM_EPCI"] for feature in layer.getFeatures()})
    index = next(i for i, name in enumerate(groups) if ATLAS_PAGE_OF in name)
    return pages[index]


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(PLUGIN_ROOT, "docs"))
