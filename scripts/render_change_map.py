"""Render docs/trajectoires.png: the AULA territory's centrality change 2013 → 2018/2019 (README).

Runs centrality_change on the sample territory with the real comparateur 2021 and the BPE 2013 and 2019
of ../shared, styles it with evolution.qml and lays out the map, its legend and the intercommunalities'
outlines. Usage: python scripts/render_change_map.py [output.png]
"""

import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_headless import PLUGIN_ROOT, start_qgis  # noqa: E402

INSEE = os.path.normpath(os.path.join(PLUGIN_ROOT, "..", "shared", "data", "insee"))


def main(output):
    app = start_qgis()  # noqa: F841 — kept alive while rendering
    import processing
    from qgis.core import (
        QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsLayoutPoint,
        QgsLayoutItemPicture, QgsLayoutSize, QgsMapRendererParallelJob, QgsMapSettings, QgsPrintLayout, QgsProject,
        QgsUnitTypes, QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QFont

    from centralites.processing.qml_styles import apply_change_style

    work = tempfile.mkdtemp(prefix="centralites-change-")
    communes = os.path.join(PLUGIN_ROOT, "resources", "sample", "territoire_aula.gpkg") + "|layername=communes"
    joined = processing.run("centralites:join_tables", {
        "INPUT": communes, "TABLES": [os.path.join(INSEE, "base_cc_comparateur_2021_dep62.csv")],
        "OUTPUT": os.path.join(work, "joined.gpkg")})["OUTPUT"]
    result = processing.run("centralites:centrality_change", {
        "INPUT": joined, "BPE_BEFORE": os.path.join(INSEE, "bpe2013_communes_dep62.csv"),
        "BPE_AFTER": os.path.join(INSEE, "bpe2019_communes_dep62.csv"),
        "OUTPUT": os.path.join(work, "change.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT"})
    project = QgsProject.instance()
    layer = QgsVectorLayer(result["OUTPUT"], "Score composite, 2013 → 2018", "ogr")
    renderer = apply_change_style(layer)
    for index, label in enumerate(("Perte de 5 points ou plus", "Perte de 2 à 5 points", "Stable (à 2 points près)",
                                   "Gain de 2 à 5 points", "Gain de 5 points ou plus")):
        renderer.updateRangeLabel(index, label)  # the legend in French (no translator installed here)
    project.setCrs(layer.crs())
    from centralites.processing.qml_styles import apply_main_centre_labels
    apply_main_centre_labels(layer, "NOM")
    settings = layer.labeling().settings()
    settings.fieldName = ('CASE WHEN "niveau_code_apres" <= 1 THEN "NOM" || \' \' || '
                          'CASE WHEN "evol_centralite" >= 0 THEN \'+\' ELSE \'\' END || round("evol_centralite", 1) END')
    from qgis.core import QgsVectorLayerSimpleLabeling
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    project.addMapLayer(layer)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(297, 210, QgsUnitTypes.LayoutMillimeters))
    title = QgsLayoutItemLabel(layout)
    title.setText("Trajectoires de centralité, AULA : évolution du score composite 2013 → 2018 (BPE 2013 → 2019)")
    title.setFont(QFont("DejaVu Sans", 14))
    layout.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(10, 6))
    title.attemptResize(QgsLayoutSize(277, 10))
    # The map drawn by the map renderer and placed as a picture (the legend reads the layer).
    settings_map = QgsMapSettings()
    settings_map.setLayers([layer])
    settings_map.setDestinationCrs(layer.crs())
    extent = layer.extent()
    extent.scale(1.12)
    width_mm, height_mm = 200.0, 185.0
    settings_map.setOutputSize(QSize(int(width_mm * 6), int(height_mm * 6)))
    settings_map.setOutputDpi(150)
    settings_map.setExtent(extent)
    settings_map.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings_map)
    job.start()
    job.waitForFinished()
    picture_path = os.path.join(work, "map.png")
    job.renderedImage().save(picture_path)
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(picture_path)
    layout.addLayoutItem(picture)
    picture.attemptMove(QgsLayoutPoint(10, 18))
    picture.attemptResize(QgsLayoutSize(width_mm, height_mm))
    item = QgsLayoutItemMap(layout)  # not drawn: the legend's link
    item.setLayers([layer])
    item.setKeepLayerSet(True)
    item.setVisibility(False)
    layout.addLayoutItem(item)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(item)
    legend.setTitle("Points gagnés ou perdus")
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(215, 20))
    sources = QgsLayoutItemLabel(layout)
    sources.setText("Sources : INSEE, base comparateur 2021 (RP 2013 et 2018), BPE 2013 et 2019 (types communs aux "
                    "deux années) ; IGN ADMIN EXPRESS. Profil AULA 360°, normalisation nationale, indicateurs "
                    "présents aux deux dates. Étiquettes : centralités majeures et leur évolution en points.")
    sources.setFont(QFont("DejaVu Sans", 7))
    layout.addLayoutItem(sources)
    sources.attemptMove(QgsLayoutPoint(215, 150))
    sources.attemptResize(QgsLayoutSize(75, 50))
    exporter = QgsLayoutExporter(layout)
    image = QgsLayoutExporter.ImageExportSettings()
    image.dpi = 110
    status = exporter.exportToImage(output, image)
    print(output, status)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(PLUGIN_ROOT, "docs", "trajectoires.png"))
