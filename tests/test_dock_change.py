"""The panel's Change tab on a centrality_change output (pytest-qgis, real clicks): the selected commune at
the two dates side by side, and the transition table whose cells select their communes."""

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES, real_insee
from test_dock import dock, scored_layer  # noqa: F401 (an ordinary score layer, for the comparison)

LENS, BETHUNE = "62498", "62119"


@pytest.fixture(scope="module")
def real_change_path(tmp_path_factory):
    return str(tmp_path_factory.mktemp("real_change") / "change.gpkg")


@pytest.fixture()
def real_change_layer(run_algorithm, real_change_path, tmp_path):
    """centrality_change on the AULA territory with the real comparateur 2021 and the BPE 2013 and 2019."""
    import os

    if not os.path.exists(real_change_path):
        joined, _ = run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv")],
            "OUTPUT": str(tmp_path / "joined.gpkg")})
        run_algorithm("centralites:centrality_change", {
            "INPUT": joined["OUTPUT"], "BPE_BEFORE": real_insee("bpe2013_communes_dep62.csv"),
            "BPE_AFTER": real_insee("bpe2019_communes_dep62.csv"), "OUTPUT": real_change_path,
            "TRANSITIONS": "TEMPORARY_OUTPUT"})
    layer = QgsVectorLayer(real_change_path, "change", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().clear()


@pytest.fixture()
def sample_change_layer(run_algorithm, tmp_path):
    """centrality_change on the sample territory and its illustrative tables (shipped with the plugin)."""
    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "joined.gpkg")})
    results, _ = run_algorithm("centralites:centrality_change", {
        "INPUT": joined["OUTPUT"], "OUTPUT": str(tmp_path / "change.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT"})
    layer = QgsVectorLayer(results["OUTPUT"], "change", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().clear()


def _panel(qgis_iface):
    from centralites.ui.dock import CentralitesDock

    return CentralitesDock(qgis_iface)


@pytest.fixture()
def change_dock(qgis_iface, real_change_layer):
    panel = _panel(qgis_iface)
    yield panel
    panel.teardown()
    panel.deleteLater()


def _feature(layer, code):
    return next(layer.getFeatures(f"\"INSEE_COM\" = '{code}'"))


def _click(table, row, column):
    """A real mouse click in the middle of a cell of a QTableWidget."""
    table.scrollToItem(table.item(row, column))
    rect = table.visualItemRect(table.item(row, column))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_the_change_tab_shows_the_two_dates_of_the_selected_commune(change_dock, real_change_layer):
    dock = change_dock
    assert dock.layer is real_change_layer
    tab = dock.tabs.indexOf(dock.change_pages)
    assert dock.tabs.tabText(tab) == "Change between dates"
    assert dock.change_pages.currentWidget() is dock.trajectory
    assert not dock.weights.isEnabled()  # the run's weights: one date re-scored would leave the common scale
    assert not dock.tabs.isTabEnabled(dock.tabs.indexOf(dock.why))  # no one date's score to explain
    assert dock.model.rowCount() == 319
    lens = _feature(real_change_layer, LENS)
    real_change_layer.selectByIds([lens.id()])
    view = dock.trajectory
    assert [view.dates.horizontalHeaderItem(i).text() for i in range(3)] == ["2013", "2018", "Change"]
    shown = [[view.dates.item(r, c).text() for c in range(3)] for r in range(view.dates.rowCount())]
    for row, name in enumerate(("habiter", "travailler", "consommer", "services", "centralite")):
        before, after, change = lens[f"score_{name}_avant"], lens[f"score_{name}_apres"], lens[f"evol_{name}"]
        assert shown[row] == [f"{before:.1f}", f"{after:.1f}", f"{change:+.1f}".replace("-", "\u2212")], name
    assert shown[5][:2] == [str(lens["rang_avant"]), str(lens["rang_apres"])]
    assert shown[6][:2] == [lens["niveau_avant"], lens["niveau_apres"]]
    move = {"progresse": "rose a level", "recule": "fell a level", "stable": "held its level"}[lens["mouvement"]]
    assert move in shown[6][2] and move in view.heading.text()
    assert view.heading.text().startswith(f"Lens: {lens['niveau_avant']} in 2013 → {lens['niveau_apres']} in 2018")
    # The indicators behind the change, as the output names them.
    first_driver = lens["moteurs_evolution"].split(", ")[0].split(" ")[0]
    assert first_driver in view.drivers.text()
    # The ranking and the charts show the later date.
    assert dock.title.text().startswith(f"Lens: rank {lens['rang_apres']}, {lens['niveau_apres']}")
    real_change_layer.selectByIds([])
    assert view.dates.rowCount() == 0 and view.heading.text().startswith("Select a commune")


def test_the_transition_table_counts_the_territory_and_a_click_selects_a_cell(change_dock, real_change_layer):
    dock, view = change_dock, change_dock.trajectory
    features = list(real_change_layer.getFeatures())
    pairs = [(f["niveau_avant"] or "—", f["niveau_apres"] or "—") for f in features]
    matrix = view.matrix
    total = 0
    for row in range(matrix.rowCount()):
        for column in range(matrix.columnCount()):
            item = matrix.item(row, column)
            if item is not None:
                total += int(item.text())
    assert total == 319  # every commune in one cell
    # The cell of the communes that held their level "locale", and one of those that moved.
    held = ("locale", "locale")
    assert int(matrix.item(*view.cell_position(*held)).text()) == pairs.count(held)
    assert "population" in matrix.item(*view.cell_position(*held)).toolTip()
    moved = next(p for p in pairs if p[0] != p[1] and "—" not in p)
    expected = sorted(f.id() for f, p in zip(features, pairs) if p == moved)
    _click(matrix, *view.cell_position(*moved))
    assert sorted(real_change_layer.selectedFeatureIds()) == expected
    if len(expected) > 1:
        assert dock.title.text() == f"{len(expected)} communes selected on the map."
    else:
        assert dock.title.text().startswith(f"{features[[f.id() for f in features].index(expected[0])]['NOM']}: rank")
    # A cell of one commune makes it the panel's commune: the ranking and the two dates follow.
    single = next(p for p in set(pairs) if pairs.count(p) == 1)
    only = features[pairs.index(single)]
    _click(matrix, *view.cell_position(*single))
    assert real_change_layer.selectedFeatureIds() == [only.id()]
    assert dock.current_fid == only.id()
    assert view.heading.text().startswith(f"{only['NOM']}:")
    assert dock.table.selectionModel().selectedRows()[0].data(256) == only.id()


def test_the_transition_table_of_one_intercommunality(change_dock, real_change_layer):
    view = change_dock.trajectory
    name = "Communauté d'agglomération de Lens - Liévin"
    index = view.territory_box.findText(name)
    assert index > 0
    view.territory_box.setCurrentIndex(index)
    cells = [int(view.matrix.item(r, c).text()) for r in range(6) for c in range(6) if view.matrix.item(r, c)]
    members = [f for f in real_change_layer.getFeatures() if f["NOM_EPCI"] == name]
    assert sum(cells) == len(members) == 36
    assert "36 in all" in view.note.text()


def test_on_the_sample_territorys_change_the_tab_works_without_the_real_files(qgis_iface, sample_change_layer):
    dock = _panel(qgis_iface)
    try:
        assert dock.layer is sample_change_layer
        view = dock.trajectory
        bethune = _feature(sample_change_layer, BETHUNE)
        dock.table.selectRow(dock.model.row_of(bethune.id()))
        assert sample_change_layer.selectedFeatureIds() == [bethune.id()]
        assert view.heading.text().startswith("Béthune:")
        assert view.dates.item(4, 2).text() == f"{bethune['evol_centralite']:+.1f}".replace("-", "\u2212")
        row, column = view.cell_position(bethune["niveau_avant"], bethune["niveau_apres"])
        _click(view.matrix, row, column)
        assert bethune.id() in sample_change_layer.selectedFeatureIds()
    finally:
        dock.teardown()
        dock.deleteLater()


def test_an_ordinary_score_layer_keeps_the_change_by_level(dock, scored_layer):
    assert dock.change_pages.currentWidget() is dock.change
    assert dock.tabs.tabText(dock.tabs.indexOf(dock.change_pages)) == "Change by level"
    assert dock.change_table.rowCount() > 0
    assert dock.weights.isEnabled() and dock.tabs.isTabEnabled(dock.tabs.indexOf(dock.why))


def test_from_a_change_layer_back_to_a_score_layer(qgis_iface, real_change_layer, scored_layer):
    dock = _panel(qgis_iface)
    try:
        dock.set_layer(real_change_layer)
        assert dock.change_pages.currentWidget() is dock.trajectory and not dock.weights.isEnabled()
        dock.set_layer(scored_layer)
        assert dock.layer is scored_layer
        assert dock.change_pages.currentWidget() is dock.change
        assert dock.tabs.tabText(dock.tabs.indexOf(dock.change_pages)) == "Change by level"
        assert dock.weights.isEnabled() and dock.tabs.isTabEnabled(dock.tabs.indexOf(dock.why))
        lens = next(scored_layer.getFeatures("\"INSEE_COM\" = '62498'"))
        scored_layer.selectByIds([lens.id()])
        assert dock.title.text().startswith("Lens: rank ")
    finally:
        dock.teardown()
        dock.deleteLater()
