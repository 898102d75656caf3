"""The panel's live weights, profiles, project persistence, filters, reference commune and clicks (pytest-qgis)."""

import copy
import json

import pandas as pd
import pytest
from qgis.core import QgsFeedback, QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtTest import QTest

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

SCORE_COLUMNS = ["score_habiter", "score_travailler", "score_consommer", "score_services", "score_centralite",
                 "rang", "niveau", "niveau_code"]
LENS, BETHUNE = "62498", "62119"


@pytest.fixture()
def scored_path(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:diagnostic_centralites", {
        "communes": SAMPLE_COMMUNES, "tables": SAMPLE_TABLES,
        "score:communes_scorees": str(tmp_path / "scores.gpkg"), "layout:carte_pdf": str(tmp_path / "map.pdf"),
    })
    return results["score:communes_scorees"]


@pytest.fixture()
def scored_layer(scored_path):
    layer = QgsVectorLayer(scored_path, "scores", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()
    QgsProject.instance().clear()


@pytest.fixture()
def dock(qgis_iface, scored_layer):
    from centralites.ui.dock import CentralitesDock

    panel = CentralitesDock(qgis_iface)
    yield panel
    panel.teardown()
    panel.deleteLater()


def read_back(path):
    """The score fields as written in the file, by commune code (a fresh layer: what is on disk)."""
    layer = QgsVectorLayer(path, "check", "ogr")
    rows = {f["INSEE_COM"]: [_plain(f[name]) for name in SCORE_COLUMNS] for f in layer.getFeatures()}
    return pd.DataFrame.from_dict(rows, orient="index", columns=SCORE_COLUMNS)


def _plain(value):
    from centralites.compat import python_value

    return python_value(value)


def expected_scores(layer, function_weights=None, indicator_weights=None, **methods):
    """compute_scores, the algorithm's own core, on the layer's columns with these weights."""
    from centralites.core.profile import load_profile
    from centralites.core.scoring import compute_scores
    from centralites.processing.profile_inputs import read_profile_frame

    profile = copy.deepcopy(load_profile())
    for name, weight in (function_weights or {}).items():
        profile["functions"][name]["weight"] = weight
    for key, weight in (indicator_weights or {}).items():
        function, indicator_id = key.split(".")
        next(i for i in profile["functions"][function]["indicators"] if i["id"] == indicator_id)["weight"] = weight
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    frame = read_profile_frame(layer, profile, context, QgsFeedback(), "INSEE_COM", True)
    return compute_scores(frame, profile, **methods).scores


def assert_layer_holds(path, expected):
    stored = read_back(path).loc[expected.index]
    for name in ("score_habiter", "score_travailler", "score_consommer", "score_services", "score_centralite"):
        assert stored[name].astype(float).to_numpy() == pytest.approx(expected[name].astype(float).to_numpy(),
                                                                       abs=1e-9), name
    assert stored["rang"].tolist() == [int(v) for v in expected["rang"]]
    assert stored["niveau"].tolist() == expected["niveau"].tolist()
    assert stored["niveau_code"].tolist() == [int(v) for v in expected["niveau_code"]]


def test_the_panel_finds_the_profile_that_made_the_scores(dock):
    assert dock.live is not None and dock.live.matched
    assert dock.live.profile["name"] == "AULA 360°"
    assert dock.profile_box.currentText() == "AULA 360°"
    assert "reproduces the layer's scores" in dock.profile_status.text()
    assert dock.weights.weights()[0] == {"habiter": 1.0, "travailler": 1.0, "consommer": 1.0, "services": 1.0}
    assert dock.weights.indicator_box.isCollapsed()  # indicator sliders folded by default
    assert len(dock.weights.indicator_keys) == len(dock.live.rescorer.indicator_keys) > 4
    # The sliders say the years of the layer's edition, not the profile's placeholders.
    from qgis.PyQt.QtWidgets import QLabel

    texts = [label.text() for label in dock.weights.findChildren(QLabel)]
    assert "Population 2018" in texts and not any("{census}" in text for text in texts)


def test_travailler_weight_times_three_rewrites_the_layer(dock, scored_layer, scored_path):
    before = read_back(scored_path)
    dock.weights.move("travailler", 3.0)
    assert dock.controller.rescore_timer.isActive()  # debounced: nothing written while the slider moves
    assert read_back(scored_path)["score_centralite"].equals(before["score_centralite"])
    QTest.qWait(200)  # the panel follows first…
    assert not dock.controller.rescore_timer.isActive() and dock.controller.write_timer.isActive()
    assert dock.data.loc[dock.live.feature_ids, "score_centralite"].to_numpy() == pytest.approx(
        expected_scores(scored_layer, {"travailler": 3.0})["score_centralite"].to_numpy())
    QTest.qWait(300)  # …then the layer
    assert not dock.controller.write_timer.isActive()
    after = read_back(scored_path)
    assert not after["score_centralite"].equals(before["score_centralite"])
    assert_layer_holds(scored_path, expected_scores(scored_layer, {"travailler": 3.0}))
    # The contributions follow the weights too: they still add up to the new composite.
    layer = QgsVectorLayer(scored_path, "check", "ogr")
    names = [n for n in layer.fields().names() if n.startswith("contrib_")]
    assert names
    for feature in layer.getFeatures():
        total = sum(feature[n] for n in names if _plain(feature[n]) is not None)
        assert total == pytest.approx(feature["score_centralite"], abs=1e-6)
    # The source columns are untouched, the panel follows the new scores.
    assert read_back(scored_path).index.tolist() == before.index.tolist()
    lens_rank = int(after.loc[LENS, "rang"])
    assert dock.model.row_of(dock.data.index[dock.data["name"] == "Lens"][0]) == lens_rank - 1
    assert dock.last_timings["communes"] == 319 and dock.last_timings["write_ms"] > 0


def test_indicator_weight_changes_the_scores(dock, scored_layer, scored_path):
    key = "consommer." + dock.live.profile["functions"]["consommer"]["indicators"][0]["id"]
    dock.weights.move(key, 4.0)
    dock.apply_weights()
    assert_layer_holds(scored_path, expected_scores(scored_layer, indicator_weights={key: 4.0}))


def test_reset_goes_back_to_the_profile_scores(dock, scored_path):
    original = read_back(scored_path)
    dock.weights.move("services", 0.2)
    dock.weights.move("habiter", 4.5)
    dock.apply_weights()
    assert not read_back(scored_path)["rang"].equals(original["rang"])
    dock.reset_weights()
    assert dock.weights.weights()[0]["habiter"] == 1.0
    pd.testing.assert_frame_equal(read_back(scored_path), original)


def test_save_as_profile_round_trip(dock, scored_layer, scored_path, run_algorithm, tmp_path):
    from centralites.core.profile import load_profile

    dock.weights.move("consommer", 2.5)
    dock.apply_weights()
    written = dock.save_as_profile(str(tmp_path / "commerce.json"))
    profile = load_profile(written)  # validates
    assert profile["name"] == "commerce"
    assert profile["functions"]["consommer"]["weight"] == 2.5
    assert json.loads(open(written, encoding="utf-8").read())["functions"]["travailler"]["weight"] == 1.0
    assert dock.profile_box.currentText() == "commerce" and dock.live.matched  # the new profile is the panel's
    dock.set_profile(dock.profile_box.itemData(0))  # back to AULA 360°: its own weights no longer fit the layer
    assert not dock.live.matched and "does not reproduce" in dock.profile_status.text()
    dock.set_profile(written)
    # The algorithm with the saved profile gives what the panel wrote.
    results, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": scored_path, "PROFILE": written, "OUTPUT": str(tmp_path / "rescored.gpkg")})
    panel = read_back(scored_path)
    algorithm = read_back(results["OUTPUT"]).loc[panel.index]
    assert algorithm["score_centralite"].to_numpy() == pytest.approx(panel["score_centralite"].to_numpy(), abs=1e-9)
    assert algorithm["niveau"].tolist() == panel["niveau"].tolist()


def test_weights_are_kept_in_the_project_file(dock, scored_layer, tmp_path):
    dock.weights.move("travailler", 3.0)
    dock.apply_weights()
    project = QgsProject.instance()
    stored, found = project.readEntry("centralites", f"weights/{scored_layer.id()}", "")
    assert found and json.loads(stored)["functions"]["travailler"] == 3.0
    path = str(tmp_path / "diagnostic.qgz")
    assert project.write(path)
    project.clear()
    assert dock.layer is None
    assert project.read(path)
    assert dock.layer is not None and dock.layer.name() == "scores"
    assert dock.weights.weights()[0]["travailler"] == 3.0  # restored
    assert dock.live.matched and "reproduces" in dock.profile_status.text()  # with the restored weights
    # The restored weights are the ones in the layer: re-scoring with them changes nothing.
    assert "write_ms" not in dock.last_timings


def test_filters_by_intercommunality_and_level(dock):
    groups = [dock.group_filter.itemText(i) for i in range(1, dock.group_filter.count())]
    assert len(groups) == 5 and "Communauté d'agglomération de Lens - Liévin" in groups
    dock.group_filter.setCurrentIndex(groups.index("Communauté d'agglomération de Lens - Liévin") + 1)
    assert dock.model.rowCount() == 36
    lens_level = int(dock.data.loc[dock.data["name"] == "Lens", "niveau_code"].iloc[0])
    dock.level_filter.setCurrentIndex(lens_level)  # 1 majeure … (0: every level)
    label = dock.level_filter.currentText()
    names = [dock.model.index(i, 1).data() for i in range(dock.model.rowCount())]
    assert "Lens" in names and all(dock.model.index(i, 3).data() == label for i in range(len(names)))
    assert "Béthune" not in names  # another intercommunality
    dock.group_filter.setCurrentIndex(0)
    names = [dock.model.index(i, 1).data() for i in range(dock.model.rowCount())]
    assert "Lens" in names and len(names) == int((dock.data["niveau_code"] == lens_level).sum())
    lines = dock.table_csv().splitlines()
    assert len(lines) == len(names) + 1


def test_reference_commune_is_drawn_next_to_the_selection(dock, scored_layer):
    lens = next(scored_layer.getFeatures(f"\"INSEE_COM\" = '{LENS}'"))
    bethune = next(scored_layer.getFeatures(f"\"INSEE_COM\" = '{BETHUNE}'"))
    dock.set_reference(lens.id())
    scored_layer.selectByIds([bethune.id()])
    functions = ("habiter", "travailler", "consommer", "services")
    assert dock.bars.commune.opts["height"] == pytest.approx([bethune[f"score_{f}"] for f in functions])
    assert dock.bars.reference.opts["height"] == pytest.approx([lens[f"score_{f}"] for f in functions])
    assert dock.bars.reference.isVisible()
    assert "Lens" in dock.bars.widget.getPlotItem().titleLabel.text
    assert dock.histogram.reference_marker.isVisible()
    assert dock.histogram.reference_marker.value() == pytest.approx(lens["score_centralite"])
    assert dock.histogram.marker.value() == pytest.approx(bethune["score_centralite"])


def click(widget, x, y):
    """A real left click on a pyqtgraph plot at data coordinates (x, y)."""
    view_box = widget.getPlotItem().getViewBox()
    point = widget.mapFromScene(view_box.mapViewToScene(QPointF(x, y)))
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_clicking_the_reference_bar_selects_that_commune(dock, scored_layer):
    lens = next(scored_layer.getFeatures(f"\"INSEE_COM\" = '{LENS}'"))
    bethune = next(scored_layer.getFeatures(f"\"INSEE_COM\" = '{BETHUNE}'"))
    dock.show()
    dock.resize(500, 900)
    QTest.qWait(50)
    dock.set_reference(lens.id())
    scored_layer.selectByIds([bethune.id()])
    QTest.qWait(50)
    click(dock.bars.widget, 1.0, 5.0)  # the reference's Travailler bar
    assert scored_layer.selectedFeatureIds() == [lens.id()]
    click(dock.bars.widget, 0.72, 5.0)  # the commune's (now Lens) Habiter bar: stays on Lens
    assert scored_layer.selectedFeatureIds() == [lens.id()]


def test_clicking_a_histogram_bar_selects_its_communes(dock, scored_layer):
    dock.show()
    dock.resize(500, 900)
    QTest.qWait(50)
    click(dock.histogram.widget, 22.5, 1.0)  # the bar 20–25
    scores = {f.id(): f["score_centralite"] for f in scored_layer.getFeatures()}
    expected = sorted(fid for fid, score in scores.items() if 20 <= score < 25)
    assert expected and sorted(scored_layer.selectedFeatureIds()) == expected
    assert dock.title.text() == f"{len(expected)} communes selected on the map."


def test_population_and_jobs_by_level(dock, scored_layer):
    table = dock.change_table
    headers = [table.horizontalHeaderItem(c).text().replace("\n", " ") for c in range(table.columnCount())]
    assert headers[:5] == ["Level", "Communes", "Population 2013", "Population 2018", "Population %/year"]
    assert headers[5:] == ["Jobs 2013", "Jobs 2018", "Jobs %/year"]
    rows = [table.item(r, 0).text() for r in range(table.rowCount())]
    features = list(scored_layer.getFeatures())
    present = [label for label in ("majeure", "structurante", "intermédiaire", "locale", "hors centralité")
               if any(f["niveau"] == label for f in features)]
    assert rows[:len(present)] == present and rows[-1] == "All communes"  # the levels the layer has, in order
    top = [f for f in features if f["niveau"] == present[0]]
    assert int(table.item(0, 1).text()) == len(top)
    pop13, pop18 = sum(f["P13_POP"] for f in top), sum(f["P18_POP"] for f in top)
    assert table.item(0, 3).text().replace("\u202f", "") == f"{pop18:.0f}"
    assert float(table.item(0, 4).text()) == pytest.approx(((pop18 / pop13) ** (1 / 5) - 1) * 100, abs=0.005)
    jobs18 = sum(f["P18_EMPLT"] for f in features)
    assert table.item(table.rowCount() - 1, 6).text().replace("\u202f", "") == f"{jobs18:.0f}"
    # The levels follow the weights.
    dock.weights.move("travailler", 5.0)
    dock.apply_weights()
    top_code = int(dock.data["niveau_code"].min())
    assert int(table.item(0, 1).text()) == int((dock.data["niveau_code"] == top_code).sum())


def test_missing_census_columns_are_named(qgis_iface):
    from centralites.core.change import change_by_level

    frame = pd.DataFrame({"P18_POP": [10.0, 20.0], "niveau": ["majeure", "locale"]})
    table, years, missing = change_by_level(frame)
    # Named by role: which years depends on the comparateur's edition.
    assert table is None and set(missing) == {"P{previous}_POP", "P{previous}_EMPLT", "P{census}_EMPLT"}
    frame = pd.DataFrame({"P22_POP": [10.0, 20.0], "P16_POP": [9.0, 21.0], "niveau_code": [1, 4]})
    table, years, missing = change_by_level(frame)
    assert years == {"POP": (2016, 2022)} and table is not None


def test_in_edit_mode_the_new_scores_go_to_the_edit_buffer(dock, scored_layer, scored_path):
    before = read_back(scored_path)
    assert scored_layer.startEditing()
    dock.weights.move("consommer", 4.0)
    dock.apply_weights()
    assert read_back(scored_path).equals(before)  # the file waits for the user's save
    in_layer = {f["INSEE_COM"]: f["score_centralite"] for f in scored_layer.getFeatures()}
    expected = expected_scores(scored_layer, {"consommer": 4.0})["score_centralite"]
    assert [in_layer[code] for code in expected.index] == pytest.approx(expected.to_numpy())
    assert scored_layer.rollBack()  # discarded: the layer is as before
    assert {f["INSEE_COM"]: f["score_centralite"] for f in scored_layer.getFeatures()} == \
        before["score_centralite"].to_dict()
    # The panel follows: the layer's values, the profile's weights.
    assert dock.weights.weights()[0]["consommer"] == 1.0
    assert sorted(dock.data["score_centralite"]) == sorted(before["score_centralite"])
    assert read_back(scored_path).equals(before)


def test_no_layer_write_while_a_slider_is_held(dock, scored_path):
    before = read_back(scored_path)
    slider = dock.weights.sliders["habiter"]
    slider.setSliderDown(True)
    dock.weights.move("habiter", 3.0)
    QTest.qWait(500)
    assert read_back(scored_path).equals(before)  # the panel has re-scored, the layer waits
    assert dock.controller.pending is not None
    slider.setSliderDown(False)
    QTest.qWait(300)
    assert not read_back(scored_path)["score_centralite"].equals(before["score_centralite"])


def test_a_read_only_layer_is_re_scored_in_the_panel_only(dock, scored_layer, tmp_path):
    from qgis.core import QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "CSV"
    options.layerOptions = ["GEOMETRY=AS_WKT"]
    path = str(tmp_path / "scores.csv")
    QgsVectorFileWriter.writeAsVectorFormatV3(scored_layer, path, QgsProject.instance().transformContext(), options)
    before = open(path, encoding="utf-8").read()
    uri = f"file://{path}?delimiter=,&wktField=WKT&crs=EPSG:2154&detectTypes=yes"
    layer = QgsVectorLayer(uri, "read only", "delimitedtext")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    dock.set_layer(layer)
    assert dock.live is not None and dock.live.matched
    composite_before = dock.data["score_centralite"].copy()
    dock.weights.move("services", 4.0)
    dock.apply_weights()
    assert "read-only" in dock.profile_status.text()
    assert not dock.data["score_centralite"].equals(composite_before)  # the panel shows the new scores
    assert open(path, encoding="utf-8").read() == before


def test_a_shared_database_table_is_written_only_when_asked(qgis_iface, scored_layer, monkeypatch):
    # A PostGIS table is the team's: the sliders re-score in the panel, the table changes on the button only.
    from centralites.ui import live_controller
    from centralites.ui.dock import CentralitesDock

    monkeypatch.setattr(live_controller, "is_shared_database", lambda layer: True)
    path = scored_layer.source().split("|")[0]
    before = read_back(path)
    dock = CentralitesDock(qgis_iface)
    try:
        assert dock.write_button.isVisibleTo(dock) and not dock.write_button.isEnabled()
        dock.weights.set_weights({"habiter": 1.0, "travailler": 3.0, "consommer": 1.0, "services": 1.0}, {})
        dock.apply_weights()
        dock.controller.flush()
        pd.testing.assert_frame_equal(read_back(path), before)  # nothing written
        assert dock.write_button.isEnabled()
        expected = expected_scores(scored_layer, {"habiter": 1.0, "travailler": 3.0, "consommer": 1.0,
                                                  "services": 1.0})
        shown = dock.data.set_index("INSEE_COM")["score_centralite"]  # the panel shows the new scores
        assert shown.to_numpy() == pytest.approx(expected.loc[shown.index, "score_centralite"].to_numpy(), nan_ok=True)
        QTest.mouseClick(dock.write_button, Qt.MouseButton.LeftButton)
        after = read_back(path)
        assert not after.equals(before) and not dock.write_button.isEnabled()
        assert after["score_centralite"].to_numpy() == pytest.approx(
            expected.loc[after.index, "score_centralite"].to_numpy(), nan_ok=True)
    finally:
        dock.teardown()
        dock.deleteLater()


def test_a_file_layer_is_written_without_the_button(dock):
    assert not dock.write_button.isVisibleTo(dock)
