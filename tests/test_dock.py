"""The panel with pytest-qgis: it opens on a scored layer and keeps its selection in sync with the map."""

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QLabel

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES


@pytest.fixture()
def scored_layer(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:diagnostic_centralites", {
        "communes": SAMPLE_COMMUNES, "tables": SAMPLE_TABLES,
        "score:communes_scorees": str(tmp_path / "scores.gpkg"), "layout:carte_pdf": str(tmp_path / "map.pdf"),
    })
    layer = QgsVectorLayer(results["score:communes_scorees"], "scores", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def dock(qgis_iface, scored_layer):
    from centralites.ui.dock import CentralitesDock

    panel = CentralitesDock(qgis_iface)
    yield panel
    panel.teardown()
    panel.deleteLater()


def test_dock_lists_every_commune_by_rank(dock, scored_layer):
    assert dock.layer is scored_layer
    assert dock.model.rowCount() == 319
    assert dock.model.index(0, 0).data() == "1"
    assert dock.bars is not None and dock.histogram is not None


def test_map_selection_is_followed_by_the_panel(dock, scored_layer):
    lens = next(scored_layer.getFeatures("\"INSEE_COM\" = '62498'"))
    scored_layer.selectByIds([lens.id()])
    assert dock.title.text().startswith("Lens: rank ")
    selected = dock.table.selectionModel().selectedRows()
    assert selected and selected[0].data(256) == lens.id()  # Qt.UserRole
    heights = dock.bars.commune.opts["height"]
    assert heights == pytest.approx([lens[f"score_{f}"] for f in ("habiter", "travailler", "consommer", "services")])
    assert dock.histogram.marker.value() == pytest.approx(lens["score_centralite"])


def test_a_closed_panel_shown_again_still_follows_the_project(dock, scored_layer, tmp_path):
    # The plugin shows the same panel again after it was closed: it must still hear the project
    # (here: a project opened afterwards, whose scored layer the panel takes up).
    project_file = str(tmp_path / "diagnostic.qgz")
    project = QgsProject.instance()
    assert project.write(project_file)
    dock.show()
    dock.close()
    dock.show()
    project.clear()
    assert dock.layer is None
    assert project.read(project_file)
    assert dock.layer is not None and dock.layer.name() == "scores"
    assert dock.model.rowCount() == 319


def test_table_row_selects_the_commune_on_the_map(dock, scored_layer):
    dock.table.selectRow(5)
    feature_id = dock.model.index(5, 0).data(256)
    assert scored_layer.selectedFeatureIds() == [feature_id]


def test_search_hides_other_communes(dock):
    dock.search.setText("béthune")
    visible = [dock.model.index(i, 1).data() for i in range(dock.model.rowCount())]
    assert "Béthune" in visible and len(visible) == 4  # and Annezin-lès-, Vendin-lès-, Verquigneul-lès-Béthune…
    assert all("béthune" in name.lower() for name in visible)
    dock.search.setText("BETHUNE")  # without accents nor case, as people type
    assert [dock.model.index(i, 1).data() for i in range(dock.model.rowCount())] == visible


def test_without_pyqtgraph_the_panel_says_how_to_install_it(qgis_iface, scored_layer, monkeypatch):
    from centralites.ui import dock as dock_module

    monkeypatch.setattr(dock_module, "pyqtgraph_or_none", lambda: None)
    panel = dock_module.CentralitesDock(qgis_iface)
    texts = [label.text() for label in panel.findChildren(QLabel)]
    assert any("python3-pyqtgraph" in text for text in texts)
    assert panel.model.rowCount() == 319  # the ranking still works
    panel.deleteLater()


def test_copy_table_gives_the_visible_rows_as_csv(dock):
    from qgis.PyQt.QtWidgets import QApplication

    dock.search.setText("lens")
    dock.copy_table()
    lines = QApplication.clipboard().text().splitlines()
    assert lines[0] == "Rank;Commune;Score;Level"
    assert lines[1].startswith("1;Lens;")  # the ranking order, Lens first
    assert len(lines) > 2 and all("lens" in line.lower() for line in lines[1:])  # only the visible rows


def test_export_charts_to_png_and_svg(dock, tmp_path):
    from qgis.PyQt.QtGui import QImage

    written = dock.export_charts(str(tmp_path / "chart.png"))
    assert [p.rsplit("/", 1)[-1] for p in written] == ["chart.png", "chart_histogramme.png"]
    assert all(not QImage(p).isNull() for p in written)
    svg = dock.export_charts(str(tmp_path / "chart.svg"))
    assert all(open(p, encoding="utf-8").read().lstrip().startswith(("<?xml", "<svg")) for p in svg)
