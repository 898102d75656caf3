"""Styles and layouts rendered for real: categories, labels, diagrams, fixed classes, atlas pages."""

import shutil
import subprocess

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from conftest import SAMPLE_COMMUNES, SAMPLE_TABLES


@pytest.fixture()
def scores(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:diagnostic_centralites", {
        "communes": SAMPLE_COMMUNES, "tables": SAMPLE_TABLES,
        "score:communes_scorees": str(tmp_path / "scores.gpkg"), "layout:carte_pdf": str(tmp_path / "map.pdf"),
    })
    return results["score:communes_scorees"]


def pdf_pages(path):
    # poppler's pdfinfo (poppler-utils, installed by make): counting page objects in the
    # bytes is not reliable with the PDFs QGIS writes.
    assert shutil.which("pdfinfo"), "pdfinfo is missing: apt-get install poppler-utils (make test does)"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def not_blank(path):
    image = QImage(str(path))
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    return len(colours) > 20


def test_level_style_with_labels_and_diagrams_is_stored(run_algorithm, scores):
    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = QgsVectorLayer(scores, "reopened", "ogr")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "niveau_code"
    labels = [category.label() for category in renderer.categories()]
    assert labels == ["Major centre", "Structuring centre", "Intermediate centre", "Local centre",
                      "Not a centre", "Not scored (no data)"]
    colours = [category.symbol().color().name() for category in renderer.categories()]
    assert colours[0] == "#7a0177" and len(set(colours)) == 6
    assert layer.labelsEnabled()
    assert "niveau_code" in layer.labeling().settings().fieldName
    assert layer.diagramRenderer() is not None
    assert layer.diagramRenderer().diagramSettings()[0].categoryAttributes == [
        '"score_habiter"', '"score_travailler"', '"score_consommer"', '"score_services"']


def test_fixed_bounds(run_algorithm, scores):
    run_algorithm("centralites:apply_style", {"INPUT": scores, "METHOD": 2, "BOUNDS": "35; 52 72,5 88", "LABELS": False})
    reopened = QgsVectorLayer(scores, "reopened", "ogr")
    ranges = reopened.renderer().ranges()
    assert [(r.lowerValue(), r.upperValue()) for r in ranges] == [(0, 35), (35, 52), (52, 72.5), (72.5, 88), (88, 100)]
    assert ranges[0].label() == "0 to 35"


def test_fixed_bounds_must_be_scores(run_algorithm, scores):
    with pytest.raises(QgsProcessingException, match="between 0 and 100"):
        run_algorithm("centralites:apply_style", {"INPUT": scores, "METHOD": 2, "BOUNDS": "35; 120"})


def test_layout_items(scores):
    from centralites.processing.layouts import build_layout, dissolved_outlines

    layer = QgsVectorLayer(scores, "scores", "ogr")
    outlines = dissolved_outlines(layer, "NOM_EPCI", "EPCI")
    assert outlines.featureCount() == 5
    project, layout = build_layout(layer, "Title", "Subtitle", "Sources", "A3", outlines=outlines, atlas=True)
    for item_id in ("title", "subtitle", "map", "legend", "scalebar", "north_arrow", "sources", "inset"):
        assert layout.itemById(item_id) is not None, item_id
    assert layout.atlas().enabled() and layout.atlas().updateFeatures() == 5
    page = layout.pageCollection().page(0).pageSize()
    assert (page.width(), page.height()) == (420.0, 297.0)


def test_atlas_one_page_per_intercommunality(run_algorithm, scores, tmp_path):
    pdf, png = tmp_path / "atlas.pdf", tmp_path / "atlas.png"
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "ATLAS_FIELD": "NOM_EPCI", "DPI": 72, "OUTPUT": str(pdf), "OUTPUT_PNG": str(png)})
    assert pdf_pages(pdf) == 5
    pages = sorted(tmp_path.glob("atlas_*.png"))
    assert [p.name for p in pages] == [f"atlas_{i:02d}.png" for i in range(1, 6)]
    assert all(not_blank(page) for page in pages)
    assert any("Atlas: 5 pages" in line for line in log)


def test_single_page_has_intercommunality_outlines(run_algorithm, scores, tmp_path):
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "DPI": 72, "OUTPUT": str(tmp_path / "m.pdf"), "OUTPUT_PNG": str(tmp_path / "m.png")})
    assert pdf_pages(tmp_path / "m.pdf") == 1
    assert any("5 groups of communes by NOM_EPCI" in line for line in log)
    assert not_blank(tmp_path / "m.png")


def test_scores_loaded_by_qgis_open_styled_by_level(provider, tmp_path):
    # What QGIS desktop does with an output to load: the destination names the project, the
    # algorithm marks it, and the post-processor it set runs on the loaded layer.
    import processing
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProcessingUtils,
        QgsProject,
    )

    joined = tmp_path / "joined.gpkg"
    processing.run("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(joined)})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("centralites:centrality_score")
    output = QgsProcessingOutputLayerDefinition(str(tmp_path / "s.gpkg"), QgsProject.instance())
    _, ok = algorithm.run({"INPUT": str(joined), "OUTPUT": output}, context, feedback)
    assert ok
    (layer_id, details), = context.layersToLoadOnCompletion().items()
    layer = QgsProcessingUtils.mapLayerFromString(layer_id, context)
    assert details.postProcessor() is not None
    details.postProcessor().postProcessLayer(layer, context, feedback)
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    assert layer.renderer().classAttribute() == "niveau_code"
    assert layer.labelsEnabled()
