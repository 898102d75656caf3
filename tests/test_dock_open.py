"""Opening the panel on a large layer: a GeoPackage read whole straight from its file (GDAL's Arrow stream),
the same values as QGIS gives; a layer with unsaved edits or a filter read through QGIS; the Change by level
tab summed when it is shown (pytest-qgis, real QGIS, real GeoPackages)."""

import pandas as pd
import pytest
from qgis.core import QgsFeedback, QgsVectorLayer
from qgis.PyQt.QtTest import QTest

from test_dock_weights import dock, scored_layer, scored_path  # noqa: F401

osgeo = pytest.importorskip("osgeo.ogr")


def _geopackage(path, with_style_table=False):
    """A GeoPackage of every field type the panel reads, with NULLs, text of numbers and a code."""
    from osgeo import ogr

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("communes", geom_type=ogr.wkbPolygon)
    for name, kind in (("INSEE_COM", ogr.OFTString), ("NOM", ogr.OFTString), ("score", ogr.OFTReal),
                       ("rang", ogr.OFTInteger), ("complet", ogr.OFTInteger), ("grand", ogr.OFTInteger64),
                       ("en_texte", ogr.OFTString), ("code_num", ogr.OFTInteger)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    rows = [("62498", "Lens", 61.25, 1, 10, 10 ** 12, "12.5", 62),
            ("62119", "Béthune", None, None, 11, None, "3", 62),
            ("59350", "Lille — centre", 88.0, 2, 12, 7, None, None),
            ("01001", None, 0.1, 3, 13, 8, "40", 1)]
    for row in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        for name, value in zip(("INSEE_COM", "NOM", "score", "rang", "complet", "grand", "en_texte", "code_num"),
                               row):
            if value is not None:
                feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
        layer.CreateFeature(feature)
    if with_style_table:  # as QGIS saves a style in the file: a second table after the layer's
        styles = source.CreateLayer("layer_styles", geom_type=ogr.wkbNone)
        styles.CreateField(ogr.FieldDefn("styleName", ogr.OFTString))
    source = None
    return str(path)


@pytest.mark.parametrize("with_style_table", [False, True])
def test_a_geopackage_read_from_its_file_as_qgis_reads_it(qgis_iface, tmp_path, with_style_table):
    from centralites.processing.frames import WholeLayer, read_attributes
    from centralites.processing.geopackage_columns import read_geopackage_columns

    layer = QgsVectorLayer(_geopackage(tmp_path / "communes.gpkg", with_style_table), "communes", "ogr")
    assert layer.isValid() and layer.featureCount() == 4
    names = ["INSEE_COM", "NOM", "score", "rang", "complet", "grand", "en_texte", "code_num"]
    whole = WholeLayer(layer)
    expected_ids, ids = [], []
    expected = read_attributes(QgsVectorLayer(layer.source(), "through QGIS", "ogr"), names, QgsFeedback(),
                               code_field="INSEE_COM", feature_ids=expected_ids)
    frame = read_geopackage_columns(whole.geopackage_table, layer.fields(), names, "INSEE_COM", ids,
                                    layer.featureCount())
    assert frame is not None
    pd.testing.assert_frame_equal(frame, expected)
    assert ids == expected_ids == [1, 2, 3, 4]
    # A missing name: None, or NaN in pandas 3's text columns (as read_attributes gives it there).
    assert frame["NOM"].tolist()[:3] == ["Lens", "Béthune", "Lille — centre"] and pd.isna(frame["NOM"][3])
    assert frame["en_texte"].tolist()[:2] == [12.5, 3.0] and pd.isna(frame["en_texte"][2])  # text of numbers
    assert frame["complet"].dtype == "int64" and frame["rang"].dtype == "float64"
    # Not what QGIS shows (a feature count that differs): read the usual way.
    assert read_geopackage_columns(whole.geopackage_table, layer.fields(), names, "INSEE_COM", [], 5) is None


def test_a_geopackage_with_unsaved_edits_is_read_with_them(qgis_iface, dock, scored_layer, monkeypatch):  # noqa: F811
    """The file does not hold the user's unsaved edits: the panel reads the layer through QGIS then."""
    from centralites.ui import layer_io

    from_file = []
    original = layer_io.read_geopackage_columns
    monkeypatch.setattr(layer_io, "read_geopackage_columns",
                        lambda *args, **kwargs: from_file.append(args[2]) or original(*args, **kwargs))
    feature = next(scored_layer.getFeatures())
    name_index = scored_layer.fields().lookupField("NOM")
    assert scored_layer.startEditing()
    assert scored_layer.changeAttributeValue(feature.id(), name_index, "Commune renommée")
    dock.set_layer(None)
    dock.set_layer(scored_layer)
    assert from_file == []
    assert dock.data.loc[feature.id(), "name"] == "Commune renommée"
    assert dock.model.rowCount() == scored_layer.featureCount()
    scored_layer.rollBack()


def test_a_filtered_geopackage_shows_its_filtered_communes(qgis_iface, dock, scored_layer):  # noqa: F811
    assert dock.model.rowCount() == scored_layer.featureCount() == 319
    scored_layer.setSubsetString("\"INSEE_COM\" LIKE '62%'")
    kept = {f.id(): f["NOM"] for f in scored_layer.getFeatures()}
    assert 0 < len(kept) < 319
    dock.set_layer(None)
    dock.set_layer(scored_layer)
    assert sorted(dock.data.index) == sorted(kept) and dock.model.rowCount() == len(kept)
    assert dock.data["name"].to_dict() == kept
    scored_layer.setSubsetString("")


def test_the_change_by_level_tab_is_summed_when_shown(qgis_iface, dock, scored_layer):  # noqa: F811
    """Behind the ranking on a panel on screen, a slider move leaves the sums by level for when the tab is
    shown; shown, they are the levels of the last move."""
    dock.show()
    dock.tabs.setCurrentIndex(0)  # the ranking
    QTest.qWait(50)
    table = dock.change_table
    before = [table.item(row, 1).text() for row in range(table.rowCount())]
    dock.weights.move("travailler", 5.0)
    dock.apply_weights()
    assert dock.change._waiting is not None  # not summed behind the ranking
    assert [table.item(row, 1).text() for row in range(table.rowCount())] == before
    dock.tabs.setCurrentWidget(dock.change_pages)
    QTest.qWait(50)
    assert dock.change._waiting is None
    top_code = int(dock.data["niveau_code"].min())
    assert int(table.item(0, 1).text()) == int((dock.data["niveau_code"] == top_code).sum())
    dock.hide()


def test_the_rank_and_score_columns_fit_their_widest_text(qgis_iface, dock):  # noqa: F811
    from centralites.ui.ranking import RANK, SCORE

    metrics = dock.table.fontMetrics()
    widest_rank = f"{dock.data['rang'].max():.0f}"
    assert dock.table.columnWidth(RANK) > metrics.horizontalAdvance(widest_rank)
    assert dock.table.columnWidth(RANK) >= dock.table.horizontalHeader().sectionSizeHint(RANK)
    assert dock.table.columnWidth(SCORE) > metrics.horizontalAdvance(f"{dock.data['score_centralite'].max():.1f}")


def test_the_explanation_is_read_for_the_commune_shown(qgis_iface, dock, scored_layer):  # noqa: F811
    """France's long explanations are not read when the panel opens: the shown commune's is, as the layer
    holds it (its unsaved edit included)."""
    assert dock.data["explication"].isna().all()  # none read at opening
    lens = next(scored_layer.getFeatures("\"INSEE_COM\" = '62498'"))
    bethune = next(scored_layer.getFeatures("\"INSEE_COM\" = '62119'"))
    scored_layer.selectByIds([lens.id()])
    assert lens["explication"] and lens["explication"] in dock.why.sentences.text()
    assert dock.data.at[lens.id(), "explication"] == lens["explication"]
    assert dock.data.drop(index=[lens.id()])["explication"].isna().all()
    assert scored_layer.startEditing()
    index = scored_layer.fields().lookupField("explication")
    assert scored_layer.changeAttributeValue(bethune.id(), index, "Une explication modifiée.")
    scored_layer.selectByIds([bethune.id()])
    assert "Une explication modifiée." in dock.why.sentences.text()
    scored_layer.rollBack()


def test_the_reference_communes_are_listed_and_completed_by_name(qgis_iface, dock, scored_layer):  # noqa: F811
    box = dock.reference_box
    names = sorted(f["NOM"] for f in scored_layer.getFeatures())
    assert box.count() == len(names) + 1 and [box.itemText(i) for i in range(1, box.count())] == names
    assert dock.reference_ids[names.index("Lens") + 1] == next(scored_layer.getFeatures("\"NOM\" = 'Lens'")).id()
    completer = box.completer()
    completer.setCompletionPrefix("éthun")  # anywhere in the name
    assert completer.completionCount() >= 1 and completer.currentCompletion() == "Béthune"
    box.setCurrentIndex(names.index("Lens") + 1)
    assert dock.reference_fid == dock.reference_ids[names.index("Lens") + 1]
