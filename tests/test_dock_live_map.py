"""The map while the weights are tuned on a layer slow to write (France): a slider move repaints the map
from an in-memory copy, the layer is written on "Write scores to the layer"; the project stays clean, the
user's edits stay theirs; opening the panel reads the layer once (pytest-qgis, real QGIS, real clicks)."""

import xml.etree.ElementTree as ElementTree

import pandas as pd
import pytest
from qgis.core import (
    QgsClassificationJenks,
    QgsGraduatedSymbolRenderer,
    QgsMapRendererSequentialJob,
    QgsPalLayerSettings,
    QgsProject,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtTest import QTest

from test_dock_weights import assert_layer_holds, expected_scores, read_back, scored_layer, scored_path  # noqa: F401


@pytest.fixture()
def styled_layer(scored_layer):
    """The scored sample with the user's style: five natural-break classes of the composite score."""
    renderer = QgsGraduatedSymbolRenderer("score_centralite")
    renderer.setClassificationMethod(QgsClassificationJenks())
    renderer.updateClasses(scored_layer, 5)
    scored_layer.setRenderer(renderer)
    return scored_layer


@pytest.fixture()
def canvas(qgis_iface, styled_layer):
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(styled_layer.crs())
    canvas.setLayers([styled_layer])
    canvas.setExtent(styled_layer.extent())
    yield canvas
    canvas.setLayers([])


@pytest.fixture()
def slow_dock(qgis_iface, canvas, monkeypatch):
    """The panel as on France: the sample's 319 communes are written in milliseconds, so the threshold
    above which a write would stall the sliders is set to nothing."""
    from centralites.ui import live_controller
    from centralites.ui.dock import CentralitesDock

    monkeypatch.setattr(live_controller, "QUICK_WRITE_MS", 0, raising=False)  # (absent before: checks fail there)
    panel = CentralitesDock(qgis_iface)
    yield panel
    panel.teardown()
    panel.deleteLater()


def drawn(canvas):
    """The canvas's layers drawn as QGIS draws them (its own renderer), small."""
    settings = canvas.mapSettings()
    settings.setOutputSize(QSize(240, 200))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def values(layer, name="score_centralite"):
    return {f["INSEE_COM"]: f[name] for f in layer.getFeatures()}


def test_a_slider_move_repaints_the_map_without_writing_the_layer(slow_dock, styled_layer, scored_path, canvas):
    before_file, before_layer = read_back(scored_path), values(styled_layer)
    image_before = drawn(canvas)
    button_before = slow_dock.write_button.isVisibleTo(slow_dock), slow_dock.write_button.isEnabled()
    slow_dock.weights.move("travailler", 3.0)
    QTest.qWait(600)  # the moves pause: re-scored, the map follows
    pd.testing.assert_frame_equal(read_back(scored_path), before_file)  # the provider was not written
    assert values(styled_layer) == before_layer and not styled_layer.isModified()
    assert button_before == (True, False) and slow_dock.write_button.isEnabled()
    drawn_layer = canvas.layers()[0]
    assert drawn_layer is not styled_layer and drawn_layer.id() not in QgsProject.instance().mapLayers()
    image_tuned = drawn(canvas)
    assert image_tuned != image_before  # the map shows the new weights
    # The panel shows the new scores.
    expected = expected_scores(styled_layer, {"travailler": 3.0})
    assert slow_dock.data.set_index("INSEE_COM").loc[expected.index, "score_centralite"].to_numpy() == \
        pytest.approx(expected["score_centralite"].to_numpy())

    QTest.mouseClick(slow_dock.write_button, Qt.MouseButton.LeftButton)
    assert_layer_holds(scored_path, expected)  # written as before: the algorithm's values
    assert canvas.layers() == [styled_layer] and not slow_dock.write_button.isEnabled()
    assert drawn(canvas) == image_tuned  # what was drawn while tuning is what the written layer draws


def test_the_map_follows_each_move_and_the_style_user_changes(slow_dock, styled_layer, canvas):
    slow_dock.weights.move("services", 4.0)
    QTest.qWait(600)
    first = drawn(canvas)
    slow_dock.weights.move("services", 0.2)
    QTest.qWait(600)
    second = drawn(canvas)
    assert second != first
    # The user restyles the layer while tuning: the map takes the new style at once.
    renderer = styled_layer.renderer().clone()
    for index in range(len(renderer.ranges())):
        renderer.updateRangeRenderState(index, index != 0)  # the first class hidden
    styled_layer.setRenderer(renderer)
    styled_layer.emitStyleChanged()
    assert drawn(canvas) != second
    assert canvas.layers()[0].renderer().ranges()[0].renderState() is False
    # Labels by a field the copy did not have: the map copies the layer again, with it.
    labels = QgsPalLayerSettings()
    labels.fieldName = "NOM"
    styled_layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    styled_layer.setLabelsEnabled(True)
    styled_layer.emitStyleChanged()
    copy = canvas.layers()[0]
    assert copy is not styled_layer and "NOM" in copy.fields().names() and copy.labelsEnabled()


def test_a_project_saved_while_tuning_holds_the_users_layer_and_style(slow_dock, styled_layer, canvas, tmp_path):
    style = styled_layer.renderer().clone()
    slow_dock.weights.move("habiter", 3.0)
    QTest.qWait(600)
    copy = canvas.layers()[0]
    assert copy is not styled_layer
    path = str(tmp_path / "tuning.qgs")
    assert QgsProject.instance().write(path)
    text = open(path, encoding="utf-8").read()
    assert copy.id() not in text
    layers = ElementTree.parse(path).getroot().findall(".//projectlayers/maplayer")
    assert len(layers) == 1 and layers[0].findtext("id") == styled_layer.id()
    assert layers[0].findtext("provider") == "ogr"
    renderer = layers[0].find("renderer-v2")
    assert renderer.get("type") == "graduatedSymbol" and renderer.get("attr") == "score_centralite"
    ranges = [(float(r.get("lower")), float(r.get("upper"))) for r in renderer.find("ranges")]
    assert ranges == pytest.approx([(r.lowerValue(), r.upperValue()) for r in style.ranges()])
    # The layer's own style is untouched while tuning.
    assert styled_layer.renderer().classAttribute() == "score_centralite"


def test_the_users_edits_stay_in_the_edit_buffer(slow_dock, styled_layer, scored_path, canvas):
    before_file = read_back(scored_path)
    lens = next(styled_layer.getFeatures("\"INSEE_COM\" = '62498'"))
    name_index = styled_layer.fields().lookupField("NOM")
    assert name_index >= 0
    labels = QgsPalLayerSettings()
    labels.fieldName = "NOM"  # the communes named on the map: the user's edit shows while tuning
    styled_layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    styled_layer.setLabelsEnabled(True)
    assert styled_layer.startEditing()
    assert styled_layer.changeAttributeValue(lens.id(), name_index, "Lens (edited)")
    slow_dock.weights.move("consommer", 3.0)
    QTest.qWait(600)
    copy = canvas.layers()[0]
    assert copy is not styled_layer
    assert "Lens (edited)" in [f["NOM"] for f in copy.getFeatures()]  # the map shows the user's edit
    assert styled_layer.editBuffer().changedAttributeValues() == {lens.id(): {name_index: "Lens (edited)"}}
    QTest.mouseClick(slow_dock.write_button, Qt.MouseButton.LeftButton)
    pd.testing.assert_frame_equal(read_back(scored_path), before_file)  # the file waits for the user's save
    changed = styled_layer.editBuffer().changedAttributeValues()
    assert changed[lens.id()][name_index] == "Lens (edited)"  # the edit kept, beside the new scores
    expected = expected_scores(styled_layer, {"consommer": 3.0})["score_centralite"]
    in_layer = values(styled_layer)
    assert [in_layer[code] for code in expected.index] == pytest.approx(expected.to_numpy())
    assert canvas.layers() == [styled_layer]
    assert styled_layer.rollBack()
    assert values(styled_layer) == before_file["score_centralite"].to_dict()


def test_opening_the_panel_reads_the_layer_once(qgis_iface, scored_layer, monkeypatch):
    from centralites.processing import profile_inputs
    from centralites.ui import layer_io
    from centralites.ui.dock import CentralitesDock

    reads = []
    original = layer_io.read_attributes

    def counted(*args, **kwargs):
        reads.append(args[1])
        return original(*args, **kwargs)

    def counted_file(*args, **kwargs):  # a GeoPackage read straight from its file (GDAL's Arrow stream)
        frame = original_file(*args, **kwargs)
        if frame is not None:
            reads.append(args[2])
        return frame

    original_file = layer_io.read_geopackage_columns
    monkeypatch.setattr(layer_io, "read_attributes", counted)
    monkeypatch.setattr(layer_io, "read_geopackage_columns", counted_file)
    monkeypatch.setattr(profile_inputs, "read_attributes", counted)
    panel = CentralitesDock(qgis_iface)
    try:
        assert panel.live is not None and panel.live.matched and panel.model.rowCount() == 319
        assert len(reads) == 1, reads
    finally:
        panel.teardown()
        panel.deleteLater()


def test_closing_the_panel_writes_the_scores_and_gives_the_map_back(slow_dock, styled_layer, scored_path, canvas):
    slow_dock.weights.move("services", 2.5)
    QTest.qWait(600)
    assert canvas.layers()[0] is not styled_layer
    slow_dock.show()
    slow_dock.close()
    assert canvas.layers() == [styled_layer]
    assert_layer_holds(scored_path, expected_scores(styled_layer, {"services": 2.5}))


def test_a_layer_off_the_map_is_not_copied_until_it_is_shown(slow_dock, styled_layer, scored_path, canvas):
    canvas.setLayers([])  # unticked in the layer tree
    slow_dock.weights.move("habiter", 2.0)
    QTest.qWait(600)
    assert canvas.layers() == [] and not slow_dock.controller.map.showing()
    canvas.setLayers([styled_layer])  # ticked again: drawn with the new scores, still not written
    copy = canvas.layers()[0]
    assert copy is not styled_layer and slow_dock.controller.map.showing()
    # Only the fields the style reads are copied (the composite's classes; the model's labels).
    assert "score_centralite" in copy.fields().names() and copy.fields().count() < 6 < styled_layer.fields().count()
    expected = expected_scores(styled_layer, {"habiter": 2.0})
    renderer = styled_layer.renderer()
    rows = slow_dock.controller.map.rows  # the copy's feature id of each of the layer's
    in_copy = {f.id(): f["score_centralite"] for f in copy.getFeatures()}
    drawn_classes = {f["INSEE_COM"]: renderer.legendKeyForValue(in_copy[rows[f.id()]])
                     for f in styled_layer.getFeatures()}
    assert drawn_classes == {code: renderer.legendKeyForValue(value)
                             for code, value in expected["score_centralite"].items()}
    assert slow_dock.write_button.isEnabled()


def test_the_maps_copy_is_made_once_the_panel_is_idle_not_at_the_first_move(slow_dock, styled_layer, canvas,
                                                                            monkeypatch):
    """On a layer slow to write (France), the copy the map draws while the weights are tuned is made once the
    panel has shown the layer and the interface is idle — not at the first slider move, which it stalled —,
    drawn only from that move on; the move then draws the new scores as before."""
    from centralites.ui.live_map import LiveMap

    QTest.qWait(800)  # the panel idle after opening on the layer
    prepared = slow_dock.controller.map.prepared
    assert prepared is not None and prepared[0] is styled_layer
    assert canvas.layers() == [styled_layer] and not slow_dock.controller.map.showing()  # nothing drawn yet
    copies = []
    copied = LiveMap._copied
    monkeypatch.setattr(LiveMap, "_copied", staticmethod(lambda layer: copies.append(layer) or copied(layer)))
    slow_dock.weights.move("travailler", 3.0)
    QTest.qWait(600)
    assert copies == []  # the first move copied nothing
    assert canvas.layers()[0] is prepared[1] and slow_dock.controller.map.prepared is None
    # Drawn in the class of its new score (the copy's values change where the class does).
    expected = expected_scores(styled_layer, {"travailler": 3.0})
    renderer, rows = styled_layer.renderer(), slow_dock.controller.map.rows
    in_copy = {f.id(): f["score_centralite"] for f in prepared[1].getFeatures()}
    drawn_classes = {f["INSEE_COM"]: renderer.legendKeyForValue(in_copy[rows[f.id()]])
                     for f in styled_layer.getFeatures()}
    assert drawn_classes == {code: renderer.legendKeyForValue(value)
                             for code, value in expected["score_centralite"].items()}
    assert len(set(drawn_classes.values())) > 1


def test_a_layer_edited_before_the_first_move_is_copied_again(slow_dock, styled_layer, canvas):
    """A feature added to the layer after the map's copy was made ahead: that copy is let go, and the first
    move copies the layer as it is now (the new feature drawn too)."""
    from qgis.core import QgsFeature

    QTest.qWait(800)
    assert slow_dock.controller.map.prepared is not None
    styled_layer.startEditing()
    feature = QgsFeature(styled_layer.fields())
    feature.setGeometry(next(styled_layer.getFeatures()).geometry())
    assert styled_layer.addFeature(feature)
    assert slow_dock.controller.map.prepared is None
    slow_dock.weights.move("services", 2.0)
    QTest.qWait(600)
    copy = canvas.layers()[0]
    assert copy is not styled_layer and copy.featureCount() == styled_layer.featureCount()
    styled_layer.rollBack()
