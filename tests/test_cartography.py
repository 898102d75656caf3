"""Styles and layouts rendered for real: the shipped QML and QPT, categories, labels, diagrams, fixed
classes, atlas pages, chart, PNG and SVG."""

import os
import shutil
import subprocess

import pytest
from centralites.compat import is_null
from testdata import ROOT, SAMPLE_COMMUNES, SAMPLE_TABLES
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsGraduatedSymbolRenderer,
    QgsProcessingException,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage


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
    from centralites.processing.qpt_layouts import build_layout, dissolved_outlines

    layer = QgsVectorLayer(scores, "scores", "ogr")
    outlines = dissolved_outlines(layer, "NOM_EPCI", "EPCI")
    assert outlines.featureCount() == 5
    project, layout = build_layout(layer, "Title", "Subtitle", "Sources", "A3", outlines=outlines, atlas=True)
    for item_id in ("title", "subtitle", "map", "legend", "scalebar", "north_arrow", "sources", "date", "inset",
                    "chart"):
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
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProcessingUtils,
        QgsProject,
    )

    import processing

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


# --- shipped styles (resources/styles) and templates (resources/layouts) -------------------------

STYLES = os.path.join(ROOT, "resources", "styles")
LAYOUTS = os.path.join(ROOT, "resources", "layouts")
LEVEL_COLOURS = ["#7a0177", "#c51b8a", "#f768a1", "#fbb4b9", "#f7f4f9", "#d9d9d9"]


def memory_communes():
    fields = "".join(f"&field={name}:double" for name in (
        "score_centralite", "niveau_code", "rang", "score_habiter", "score_travailler", "score_consommer",
        "score_services", "POPULATION"))
    return QgsVectorLayer(f"MultiPolygon?crs=EPSG:2154&field=NOM:string{fields}", "communes", "memory")


def test_shipped_level_qml_gives_the_five_levels_and_the_not_scored_class(qgis_app):
    layer = memory_communes()
    message, ok = layer.loadNamedStyle(os.path.join(STYLES, "niveau.qml"))
    assert ok, message
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "niveau_code"
    values = [category.value() for category in renderer.categories()]
    # The last class, of empty value, takes the communes without a level (NULL).
    assert [int(v) for v in values[:5]] == [1, 2, 3, 4, 5] and (is_null(values[5]) or values[5] == "")
    assert [category.symbol().color().name() for category in renderer.categories()] == LEVEL_COLOURS


def test_shipped_score_qml_is_a_colour_blind_safe_graduated_template(qgis_app):
    layer = memory_communes()
    message, ok = layer.loadNamedStyle(os.path.join(STYLES, "score.qml"))
    assert ok, message
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer) and renderer.classAttribute() == "score_centralite"
    ramp = renderer.sourceColorRamp()
    assert (ramp.color1().name(), ramp.color2().name()) == ("#ffffb2", "#bd0026")  # ColorBrewer YlOrRd


def test_shipped_diagram_and_label_qml_load(qgis_app):
    from qgis.core import QgsHistogramDiagram, QgsPieDiagram

    for name, kind in (("diagrams_pie.qml", QgsPieDiagram), ("diagrams_bars.qml", QgsHistogramDiagram)):
        layer = memory_communes()
        message, ok = layer.loadNamedStyle(os.path.join(STYLES, name))
        assert ok, message
        assert isinstance(layer.diagramRenderer().diagram(), kind), name
        assert layer.diagramRenderer().diagramSettings()[0].categoryAttributes == [
            '"score_habiter"', '"score_travailler"', '"score_consommer"', '"score_services"']
    layer = memory_communes()
    message, ok = layer.loadNamedStyle(os.path.join(STYLES, "labels.qml"))
    assert ok, message
    assert layer.labelsEnabled() and '"NOM"' in layer.labeling().settings().fieldName


def test_level_style_comes_from_the_shipped_qml(run_algorithm, scores, tmp_path):
    # A changed colour in the shipped file changes the styled layer: the QML is what is applied.
    from centralites.processing import qml_styles

    edited = tmp_path / "styles"
    shutil.copytree(STYLES, edited)
    qml = edited / "niveau.qml"
    qml.write_text(qml.read_text(encoding="utf-8").replace("122,1,119,255", "0,128,0,255"), encoding="utf-8")
    original = qml_styles.STYLES_DIR
    qml_styles.STYLES_DIR = str(edited)
    try:
        run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "LABELS": False})
    finally:
        qml_styles.STYLES_DIR = original
    reopened = QgsVectorLayer(scores, "reopened", "ogr")
    assert reopened.renderer().categories()[0].symbol().color().name() == "#008000"


def test_bar_diagrams_scale_with_the_score(run_algorithm, scores):
    from qgis.core import QgsHistogramDiagram

    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 2})
    layer = QgsVectorLayer(scores, "reopened", "ogr")  # kept: the renderer belongs to it
    renderer = layer.diagramRenderer()
    assert isinstance(renderer.diagram(), QgsHistogramDiagram)
    assert renderer.upperValue() == 100.0  # a score of 100 draws the longest bar, on every commune


def test_pies_are_sized_by_the_largest_population(run_algorithm, scores):
    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = QgsVectorLayer(scores, "reopened", "ogr")
    renderer = layer.diagramRenderer()
    largest = max(f["POPULATION"] for f in layer.getFeatures())
    assert renderer.upperValue() == largest
    assert renderer.classificationAttributeExpression() == '"POPULATION"'


@pytest.mark.parametrize("paper, size", [("A4", (297.0, 210.0)), ("A3", (420.0, 297.0))])
def test_shipped_templates_hold_every_item(qgis_app, paper, size):
    from centralites.processing.qpt_layouts import ITEM_IDS, load_template
    from qgis.core import QgsLayoutItemMap, QgsLayoutItemPicture, QgsProject

    path = os.path.join(LAYOUTS, f"centralites_{paper}.qpt")
    project = QgsProject()  # kept: the layout refers to it
    layout = load_template(project, path)
    for item_id in ITEM_IDS:
        assert layout.itemById(item_id) is not None, f"{paper}: {item_id}"
    assert isinstance(layout.itemById("inset"), QgsLayoutItemMap)
    assert isinstance(layout.itemById("chart"), QgsLayoutItemPicture)
    page = layout.pageCollection().page(0).pageSize()
    assert (page.width(), page.height()) == size
    assert os.path.exists(layout.itemById("north_arrow").evaluatedPath())  # found by name in QGIS's SVG folder


def test_legend_holds_the_five_levels(run_algorithm, scores):
    from centralites.processing.qpt_layouts import build_layout, dissolved_outlines
    from qgis.core import QgsLayerTreeLayer
    from qgis.PyQt.QtCore import Qt

    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = QgsVectorLayer(scores, "scores", "ogr")
    project, layout = build_layout(layer, "T", "S", "Sources", outlines=dissolved_outlines(layer, "NOM_EPCI", "EPCI"))
    legend = layout.itemById("legend")
    texts = []
    for node in legend.model().rootGroup().children():
        assert isinstance(node, QgsLayerTreeLayer)
        texts += [n.data(Qt.ItemDataRole.DisplayRole) for n in legend.model().layerLegendNodes(node)]
    for label in ("Major centre", "Structuring centre", "Intermediate centre", "Local centre", "Not a centre"):
        assert label in texts
    assert "Habiter" in texts  # the pies' colours
    # The chart goes under the legend, never over it.
    chart = layout.itemById("chart")
    if chart is not None:
        assert chart.positionWithUnits().y() >= legend.positionWithUnits().y() + 60


def svg_parses(path):
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(path).getroot()
    return root.tag.endswith("svg") and len(list(root.iter())) > 100


def test_single_page_pdf_png_svg_with_chart_and_inset(run_algorithm, scores, tmp_path):
    pytest.importorskip("pyqtgraph")
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "DPI": 72, "INSET_LAYER": SAMPLE_COMMUNES, "OUTPUT": str(tmp_path / "m.pdf"),
        "OUTPUT_PNG": str(tmp_path / "m.png"), "OUTPUT_SVG": str(tmp_path / "m.svg")})
    assert pdf_pages(tmp_path / "m.pdf") == 1
    assert not_blank(tmp_path / "m.png")
    assert results["OUTPUT_SVG"] == str(tmp_path / "m.svg") and svg_parses(tmp_path / "m.svg")
    (chart,) = results["CHARTS"]
    assert chart == str(tmp_path / "m-chart.png") and not_blank(chart)
    page = QImage(str(tmp_path / "m.png"))
    # The chart's bars in the four functions' colours are on the page (the pies are off by default).
    colours = {page.pixelColor(x, y).name() for x in range(page.width() * 2 // 3, page.width())
               for y in range(page.height())}
    assert {"#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3"} <= colours
    assert not any("No inset" in line for line in log)


def test_without_pyqtgraph_the_layout_is_exported_without_chart(run_algorithm, scores, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "pyqtgraph", None)  # `import pyqtgraph` raises ImportError
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "DPI": 72, "OUTPUT": str(tmp_path / "m.pdf"), "OUTPUT_PNG": str(tmp_path / "m.png")})
    assert pdf_pages(tmp_path / "m.pdf") == 1 and not_blank(tmp_path / "m.png")
    assert "CHARTS" not in results and not list(tmp_path.glob("m-chart*"))
    assert any("pyqtgraph is not installed" in line for line in log)
    assert not any("No inset" in line for line in log)  # the shipped départements locate the territory


def test_single_page_inset_locates_the_territory_in_the_shipped_departements(provider, scores):
    from qgis.core import QgsVectorLayer

    from centralites.processing.qpt_layouts import build_layout

    layer = QgsVectorLayer(scores, "scores", "ogr")
    notes = []
    project, layout = build_layout(layer, "Titre", "", "Sources", notes=notes)
    inset = layout.itemById("inset")
    assert inset is not None and not notes
    names = [map_layer.name() for map_layer in inset.layers()]
    assert len(names) == 2 and inset.crs() == layer.crs()  # drawn in the territory's projection
    context = inset.layers()[-1]
    assert context.featureCount() == 96  # metropolitan départements, Corsica's two included
    codes = {f["code"] for f in context.getFeatures()}
    assert {"62", "2A", "2B", "75"} <= codes and not any(code.startswith("97") for code in codes)
    # The inset shows France: its extent is far wider than the territory's.
    assert inset.extent().width() > 10 * layer.extent().width()


def test_no_inset_for_a_territory_outside_metropolitan_france(provider, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    from centralites.processing.qpt_layouts import build_layout

    reunion = QgsVectorLayer("Polygon?crs=EPSG:4326&field=INSEE_COM:string", "reunion", "memory")
    feature = QgsFeature(reunion.fields())
    feature.setAttributes(["97411"])
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((55.4 -20.9, 55.5 -20.9, 55.5 -21.0, 55.4 -21.0, 55.4 -20.9))"))
    reunion.dataProvider().addFeatures([feature])
    reunion.updateExtents()
    notes = []
    project, layout = build_layout(reunion, "Titre", "", "Sources", notes=notes)
    assert layout.itemById("inset") is None
    assert any("outside metropolitan France" in note and "INSET_LAYER" in note for note in notes)


def test_atlas_pages_fade_the_other_groups_and_export_svg(run_algorithm, scores, tmp_path):
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "ATLAS_FIELD": "NOM_EPCI", "DPI": 72, "CHART": False, "OUTPUT": str(tmp_path / "a.pdf"),
        "OUTPUT_PNG": str(tmp_path / "a.png"), "OUTPUT_SVG": str(tmp_path / "a.svg")})
    assert pdf_pages(tmp_path / "a.pdf") == 5
    svgs = sorted(tmp_path.glob("a_*.svg"))
    assert len(svgs) == 5 and all(svg_parses(svg) for svg in svgs)
    # Page 1 (CA d'Hénin-Carvin, first by name): its top class in full colour, the neighbouring
    # group's top class under the white veil (#bd0026 at 40 %: about #e599a8).
    page = QImage(str(tmp_path / "a_01.png"))
    pixels = [page.pixelColor(x, y) for x in range(0, page.width(), 2) for y in range(0, page.height(), 2)]

    def near(colour, rgb, tolerance=8):
        return all(abs(a - b) <= tolerance for a, b in zip((colour.red(), colour.green(), colour.blue()), rgb))

    assert any(near(c, (189, 0, 38)) for c in pixels)
    assert sum(near(c, (229, 153, 168)) for c in pixels) > 200


def test_atlas_pages_draw_the_diagrams_of_their_group_only(run_algorithm, scores, tmp_path):
    from qgis.core import QgsDiagramLayerSettings

    from centralites.processing.algorithms.export_layout import ExportLayout
    from centralites.processing.qpt_layouts import build_layout, dissolved_outlines

    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = ExportLayout()._styled_clone(QgsVectorLayer(scores, "scores", "ogr"), "NOM_EPCI")
    assert layer.diagramRenderer() is not None
    show = layer.diagramLayerSettings().dataDefinedProperties().property(QgsDiagramLayerSettings.Property.Show)
    assert show.isActive()
    outlines = dissolved_outlines(layer, "NOM_EPCI", "EPCI")
    project, layout = build_layout(layer, "Atlas", "", "Sources", outlines=outlines, atlas=True)
    lens = next(layer.getFeatures("\"INSEE_COM\" = '62498'"))
    bethune = next(layer.getFeatures("\"INSEE_COM\" = '62119'"))
    atlas = layout.atlas()
    assert atlas.beginRender()
    for page in range(atlas.count()):  # the page of Lens's intercommunality
        atlas.seekTo(page)
        if atlas.layout().reportContext().feature()["name"] == lens["NOM_EPCI"]:
            break
    context = layout.createExpressionContext()
    for commune, expected in ((lens, True), (bethune, False)):
        context.setFeature(commune)
        assert show.valueAsBool(context, not expected)[0] is expected, show.expressionString()
    atlas.endRender()


def test_user_template_without_some_items(run_algorithm, scores, tmp_path):
    from centralites.processing.qpt_layouts import load_template
    from qgis.core import QgsProject, QgsReadWriteContext

    project = QgsProject()  # kept: the layout refers to it
    layout = load_template(project, os.path.join(LAYOUTS, "centralites_A4.qpt"))
    for item_id in ("chart", "inset", "north_arrow"):
        layout.removeLayoutItem(layout.itemById(item_id))
    assert layout.saveAsTemplate(str(tmp_path / "mine.qpt"), QgsReadWriteContext())
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": scores, "DPI": 72, "TEMPLATE": str(tmp_path / "mine.qpt"), "OUTPUT": str(tmp_path / "m.pdf")})
    assert pdf_pages(tmp_path / "m.pdf") == 1
    assert any("no item of id north_arrow, inset, chart" in line for line in log)

    layout.removeLayoutItem(layout.itemById("map"))
    assert layout.saveAsTemplate(str(tmp_path / "nomap.qpt"), QgsReadWriteContext())
    with pytest.raises(QgsProcessingException, match="no map item of id 'map'"):
        run_algorithm("centralites:export_layout", {
            "INPUT": scores, "TEMPLATE": str(tmp_path / "nomap.qpt"), "OUTPUT": str(tmp_path / "n.pdf")})
    assert not (tmp_path / "n.pdf").exists()


def test_layout_joins_the_project_for_editing(provider, scores, tmp_path):
    # What export_layout does in QGIS desktop (platform "desktop", main thread), on a project of its own here.
    from centralites.processing.algorithms.export_layout import ExportLayout, _desktop
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    assert not _desktop()  # the tests run as an "external" application: the headless path
    before = len(QgsProject.instance().layoutManager().layouts())
    algorithm = ExportLayout()
    algorithm.initAlgorithm()
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    source = QgsVectorLayer(scores, "scores", "ogr")
    project.addMapLayer(source)
    parameters = {"INPUT": source, "TITLE": "Ma carte", "CHART": False, "OUTPUT": str(tmp_path / "m.pdf")}
    algorithm.run(parameters, context, QgsProcessingFeedback())
    assert len(project.layoutManager().layouts()) == 0  # headless: nothing added
    options = dict(title="Ma carte", subtitle="", sources="Sources", paper="A4", legend_title="Centrality score",
                   atlas=False, context_layer=None, template="")
    for _ in range(2):
        algorithm._add_to_project(project, source, lambda: None, options, None, QgsProcessingFeedback())
    names = sorted(layout.name() for layout in project.layoutManager().layouts())
    assert names == ["Ma carte", "Ma carte (2)"]
    layout = project.layoutManager().layoutByName("Ma carte")
    map_layers = layout.itemById("map").layers()
    assert map_layers and all(project.mapLayer(lyr.id()) is lyr for lyr in map_layers)  # saved with the project
    group = project.layerTreeRoot().findGroup("Layout: Ma carte")
    assert group is not None and not group.isVisible()
    assert len(QgsProject.instance().layoutManager().layouts()) == before


def test_layout_in_the_project_keeps_its_layers_when_the_project_is_reopened(provider, scores, tmp_path):
    """Outlines, veil and inset are made in memory: written next to the PDF, they survive a save."""
    from centralites.processing.algorithms.export_layout import ExportLayout
    from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsProject

    algorithm = ExportLayout()
    project = QgsProject()
    source = QgsVectorLayer(scores, "scores", "ogr")
    project.addMapLayer(source)
    from centralites.processing.qpt_layouts import dissolved_outlines

    options = dict(title="Atlas", subtitle="", sources="Sources", paper="A4", legend_title="Centrality score",
                   atlas=True, context_layer=None, template="")
    layers_file = str(tmp_path / "atlas-layout-layers.gpkg")
    algorithm._add_to_project(project, source, lambda: dissolved_outlines(source, "NOM_EPCI", "EPCI"), options,
                              None, QgsProcessingFeedback(), "NOM_EPCI", layers_file=layers_file)
    layout = project.layoutManager().layoutByName("Atlas")
    drawn = layout.itemById("map").layers() + layout.itemById("inset").layers()
    assert drawn and not [lyr.name() for lyr in drawn if lyr.providerType() == "memory"]
    assert os.path.exists(layers_file)
    project.write(str(tmp_path / "projet.qgz"))

    reopened = QgsProject()
    assert reopened.read(str(tmp_path / "projet.qgz"))
    layout = reopened.layoutManager().layoutByName("Atlas")
    assert layout is not None and layout.atlas().enabled()
    assert layout.atlas().coverageLayer() is not None and layout.atlas().coverageLayer().featureCount() == 5
    for item_id in ("map", "inset"):
        layers = layout.itemById(item_id).layers()
        assert layers and all(lyr.isValid() for lyr in layers)
        assert all(sum(1 for _ in lyr.getFeatures(QgsFeatureRequest().setLimit(1))) == 1 for lyr in layers)
    veil = [lyr for lyr in layout.itemById("map").layers() if lyr.name() == "Other groups (faded)"]
    assert veil and veil[0].renderer().type() == "RuleRenderer"  # its style came along


def test_styles_and_templates_are_in_the_plugin_zip():
    import importlib.util

    spec = importlib.util.spec_from_file_location("package_script", os.path.join(ROOT, "scripts", "package.py"))
    package = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package)
    files = set(package.plugin_files())
    for name in ("niveau.qml", "score.qml", "labels.qml", "diagrams_pie.qml", "diagrams_bars.qml"):
        assert os.path.join("resources", "styles", name) in files
    for paper in ("A4", "A3"):
        assert os.path.join("resources", "layouts", f"centralites_{paper}.qpt") in files


def test_a_second_layout_of_the_same_pdf_keeps_the_first_ones_layers(provider, scores, tmp_path):
    """Exporting the same PDF again adds a second layout: the first one's layers file stays its own."""
    from centralites.processing.algorithms.export_layout import ExportLayout
    from centralites.processing.qpt_layouts import dissolved_outlines
    from qgis.core import QgsProcessingFeedback, QgsProject

    algorithm = ExportLayout()
    project = QgsProject()
    source = QgsVectorLayer(scores, "scores", "ogr")
    project.addMapLayer(source)
    options = dict(title="Carte", subtitle="", sources="Sources", paper="A4", legend_title="Centrality score",
                   atlas=False, context_layer=None, template="")
    layers_file = str(tmp_path / "carte-layout-layers.gpkg")
    for _ in range(2):
        algorithm._add_to_project(project, source, lambda: dissolved_outlines(source, "NOM_EPCI", "EPCI"), options,
                                  None, QgsProcessingFeedback(), layers_file=layers_file)
    first = project.layoutManager().layoutByName("Carte").itemById("map").layers()
    second = project.layoutManager().layoutByName("Carte (2)").itemById("map").layers()
    files = {lyr.source().split("|")[0] for lyr in first + second if lyr.providerType() == "ogr"} - {scores}
    assert files == {layers_file, str(tmp_path / "carte-layout-layers-2.gpkg")}
    assert all(lyr.isValid() and lyr.featureCount() > 0 for lyr in first + second)


def test_the_leading_centres_are_always_named_beside_their_pies(run_algorithm, scores):
    """With national goalposts a territory may count one or two major centres only: its five leading
    communes among the main centres must still be named where their pies crowd the map (the
    labelling engine dropped Bruay-la-Buissière's name on the AULA map)."""
    from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize

    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = QgsVectorLayer(scores, "levels", "ogr")
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(790, 730))  # the A4 layout's map frame at 100 dpi
    settings.setOutputDpi(100)
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    named = {label.labelText for label in job.takeLabelingResults().allLabels()}
    leading = {feature["NOM"] for feature in layer.getFeatures()
               if not is_null(feature["rang"]) and feature["rang"] <= 5 and feature["niveau_code"] <= 2}
    assert leading and leading <= named, f"not named: {sorted(leading - named)}"


def test_only_the_named_communes_are_obstacles_and_five_names_are_forced(run_algorithm, scores):
    """On France the names took 80 s for one map (0.8 s without): the boundaries of all 34,875 communes were
    obstacles to every name, and the 138 major centres' names, forced onto the map, covered each other. The
    shipped labels make obstacles of the named communes only and force the five leading names only."""
    from qgis.core import QgsExpressionContext, QgsExpressionContextUtils, QgsPalLayerSettings

    run_algorithm("centralites:apply_style", {"INPUT": scores, "STYLE": 1, "DIAGRAMS": 1})
    layer = QgsVectorLayer(scores, "levels", "ogr")
    settings = layer.labeling().settings()
    assert settings.obstacleSettings().isObstacle()
    properties = settings.dataDefinedProperties()
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    obstacles, forced, named = 0, 0, 0
    for feature in layer.getFeatures():
        context.setFeature(feature)
        is_obstacle, _ = properties.valueAsBool(QgsPalLayerSettings.IsObstacle, context, True)
        always, _ = properties.valueAsBool(QgsPalLayerSettings.AlwaysShow, context, False)
        main_centre = not is_null(feature["niveau_code"]) and feature["niveau_code"] <= 2
        assert is_obstacle == main_centre, feature["NOM"]
        obstacles += is_obstacle
        forced += always
        named += main_centre
    assert 0 < obstacles == named < layer.featureCount() and forced == 5
