"""The layouts and atlas of a centrality_change output: the change style, the title and legend of the two
dates, the ▲ ▼ of the main centres' level moves, the chart of the largest gains and losses (rendered for real,
on the AULA territory with the real comparateur 2021 and BPE 2013 and 2019, and on the sample's tables)."""

import subprocess

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from test_cartography import not_blank, pdf_pages
from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES, real_insee

LOSS, GAIN = "#ca0020", "#0571b0"  # evolution.qml's strongest classes, and the markers' colours


@pytest.fixture(scope="module")
def change_path(tmp_path_factory):
    return str(tmp_path_factory.mktemp("change_layout") / "change.gpkg")


@pytest.fixture()
def change(run_algorithm, change_path, tmp_path):
    import os

    if not os.path.exists(change_path):
        joined, _ = run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv")],
            "OUTPUT": str(tmp_path / "joined.gpkg")})
        run_algorithm("centralites:centrality_change", {
            "INPUT": joined["OUTPUT"], "BPE_BEFORE": real_insee("bpe2013_communes_dep62.csv"),
            "BPE_AFTER": real_insee("bpe2019_communes_dep62.csv"), "OUTPUT": change_path,
            "TRANSITIONS": "TEMPORARY_OUTPUT"})
    return change_path


def pdf_text(path):
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    if not text.strip("\x0c\n "):
        # QGIS 3.40 in the matrix exports the layout's texts as outlines: no text to read back there.
        pytest.skip("this QGIS exports the PDF's texts as outlines (no text to read back)")
    return text


def colours(path, left=0.0, right=1.0):
    image = QImage(str(path))
    return {image.pixelColor(x, y).name() for x in range(int(image.width() * left), int(image.width() * right), 3)
            for y in range(0, image.height(), 3)}


def test_single_page_of_the_change(run_algorithm, change, tmp_path):
    pytest.importorskip("pyqtgraph")
    pdf, png = tmp_path / "change.pdf", tmp_path / "change.png"
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": change, "DPI": 96, "OUTPUT": str(pdf), "OUTPUT_PNG": str(png)})
    assert pdf_pages(pdf) == 1 and not_blank(png)
    text = pdf_text(pdf)
    assert "Change in centrality, 2013 → 2018" in text  # the default title says the two dates
    assert "Change 2013 → 2018" in text and "Loss of 5 points or more" in text  # the legend: the change style
    assert "rose a level" in text and "fell a level" in text  # the markers' legend
    assert "The 10 most central" not in text
    layer = QgsVectorLayer(change, "change", "ogr")
    moved = [f for f in layer.getFeatures() if f["mouvement"] in ("progresse", "recule")
             and min(f["niveau_code_avant"], f["niveau_code_apres"]) <= 3]  # a move: scored at both dates
    assert any(f"Level moves of the main centres marked: {len(moved)}." in line for line in log)
    assert moved and any(f["mouvement"] == "recule" for f in moved)
    map_colours = colours(png, 0.05, 0.65)
    assert {LOSS, GAIN, "#f4a582", "#92c5de"} <= map_colours  # gains and losses drawn
    # The chart of the largest gains and losses, in the change's colours.
    (chart,) = results["CHARTS"]
    assert not_blank(chart) and {LOSS, GAIN} <= colours(chart)


def test_atlas_of_the_change_one_page_per_intercommunality(run_algorithm, change, tmp_path):
    pdf, png = tmp_path / "atlas.pdf", tmp_path / "atlas.png"
    results, log = run_algorithm("centralites:export_layout", {
        "INPUT": change, "ATLAS_FIELD": "NOM_EPCI", "DPI": 72, "OUTPUT": str(pdf), "OUTPUT_PNG": str(png),
        "CHART": False})
    assert pdf_pages(pdf) == 5
    pages = sorted(tmp_path.glob("atlas_*.png"))
    assert len(pages) == 5 and all(not_blank(page) for page in pages)
    text = pdf_text(pdf)
    assert text.count("Change in centrality, 2013 → 2018") == 5  # the subtitle line of every page
    assert "Communauté d'agglomération de Lens - Liévin" in text


def test_a_title_given_is_kept(run_algorithm, change, tmp_path):
    pdf = tmp_path / "t.pdf"
    run_algorithm("centralites:export_layout", {
        "INPUT": change, "TITLE": "Trajectoires AULA", "DPI": 72, "OUTPUT": str(pdf), "CHART": False})
    text = pdf_text(pdf)
    assert "Trajectoires AULA" in text and "Change in centrality" not in text


def test_the_sample_territorys_change_exports_too(run_algorithm, tmp_path):
    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "joined.gpkg")})
    results, _ = run_algorithm("centralites:centrality_change", {
        "INPUT": joined["OUTPUT"], "OUTPUT": str(tmp_path / "c.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT"})
    pdf, png = tmp_path / "s.pdf", tmp_path / "s.png"
    run_algorithm("centralites:export_layout", {
        "INPUT": results["OUTPUT"], "DPI": 72, "OUTPUT": str(pdf), "OUTPUT_PNG": str(png), "CHART": False})
    assert pdf_pages(pdf) == 1 and not_blank(png)
    assert "Change in centrality, 2013 → 2018" in pdf_text(pdf)


def test_move_markers_are_the_main_centres_whose_level_moved(qgis_app, change):
    from centralites.processing.change_map import move_markers

    layer = QgsVectorLayer(change, "change", "ogr")
    markers = move_markers(layer)
    expected = sorted((f["NOM"], f["mouvement"]) for f in layer.getFeatures()
                      if f["mouvement"] in ("progresse", "recule")
                      and min(f["niveau_code_avant"], f["niveau_code_apres"]) <= 3)
    assert sorted((f["nom"], f["mouvement"]) for f in markers.getFeatures()) == expected
    categories = markers.renderer().categories()  # kept: each symbol belongs to its category
    symbols = {c.value(): (c.symbol().color().name(), c.symbol().angle()) for c in categories}
    assert symbols == {"progresse": (GAIN, 0), "recule": (LOSS, 180)}  # ▲ blue, ▼ red
    for marker in markers.getFeatures():  # each on its commune
        commune = next(layer.getFeatures(f"\"NOM\" = '{marker['nom']}'"))
        assert commune.geometry().contains(marker.geometry())


def test_change_labels_name_the_main_centres_with_their_move(qgis_app, change):
    from centralites.compat import python_value
    from centralites.processing.qml_styles import apply_change_labels

    layer = QgsVectorLayer(change, "change", "ogr")
    apply_change_labels(layer, "NOM")
    expression = QgsExpression(layer.labeling().settings().fieldName)
    assert not expression.hasParserError(), expression.parserErrorString()
    context = QgsExpressionContext()
    context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    signs = {"progresse": " ▲", "recule": " ▼", "stable": "", None: ""}  # None: unscored at a date
    named = set()
    for feature in layer.getFeatures():
        context.setFeature(feature)
        label = python_value(expression.evaluate(context))
        codes = [python_value(feature[f"niveau_code_{date}"]) for date in ("avant", "apres")]
        if any(code is not None and code <= 2 for code in codes):
            assert label == feature["NOM"] + signs[python_value(feature["mouvement"])]
            named.add(label)
        else:
            assert label is None
    assert any(label.endswith(("▲", "▼")) for label in named) and "Lens" in named


def test_leading_changes_are_the_largest_gains_then_losses(qgis_app, change):
    from centralites.processing.chart_picture import leading_changes

    layer = QgsVectorLayer(change, "change", "ogr")
    rows = leading_changes(layer, "NOM", 10)[None]
    changes = sorted(f["evol_centralite"] for f in layer.getFeatures() if f["evol_centralite"])
    assert len(rows) == 10
    assert [r[1] for r in rows[:5]] == pytest.approx(changes[::-1][:5])
    assert [r[1] for r in rows[5:]] == pytest.approx(changes[:5][::-1])


def test_apply_style_labels_the_moves_of_the_main_centres(run_algorithm, change):
    layer = QgsVectorLayer(change, "change", "ogr")
    run_algorithm("centralites:apply_style", {"INPUT": layer, "STYLE": 2, "SAVE_AS_DEFAULT": False})
    assert layer.labelsEnabled()
    field = layer.labeling().settings().fieldName
    assert "niveau_code_apres" in field and "▲" in field and "▼" in field
    assert not QgsExpression(field).hasParserError()
