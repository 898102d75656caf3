"""The bulk GeoPackage write gives exactly what QGIS's feature sink gives, or steps aside for it."""

import os
import sqlite3

import pytest
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorLayer,
)

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES


def _features(path_or_layer):
    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(path_or_layer, "x", "ogr")
    assert layer.isValid(), path_or_layer
    names = layer.fields().names()
    rows = {}
    for feature in layer.getFeatures(QgsFeatureRequest()):
        values = dict(zip(names, [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v
                                  for v in feature.attributes()]))
        rows[values["INSEE_COM"]] = (values, feature.geometry().asWkb().data())
    return names, [f.typeName().lower() for f in layer.fields()], rows


def _join(run_algorithm, output, source=SAMPLE_COMMUNES):
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": source, "TABLES": SAMPLE_TABLES, "OUTPUT": output, "REPORT": "TEMPORARY_OUTPUT"})
    return results, log


def test_bulk_output_equals_the_feature_sink_output(run_algorithm, tmp_path):
    bulk, log = _join(run_algorithm, str(tmp_path / "bulk.gpkg"))
    assert any(line.startswith("Written in bulk") for line in log)
    sink, log = _join(run_algorithm, "memory:")
    assert not any(line.startswith("Written in bulk") for line in log)
    bulk_names, bulk_types, bulk_rows = _features(bulk["OUTPUT"])
    sink_names, _types, sink_rows = _features(sink["OUTPUT"])
    assert bulk_names == sink_names and len(bulk_rows) == 319
    assert bulk_rows.keys() == sink_rows.keys()
    for code, (values, geometry) in sink_rows.items():
        assert bulk_rows[code][1] == geometry  # geometry untouched
        for name, value in values.items():
            other = bulk_rows[code][0][name]
            if isinstance(value, float):
                assert other == pytest.approx(value, rel=1e-12, abs=0), (code, name)
            else:
                assert other == value, (code, name)
    assert "real" in bulk_types and "string" in bulk_types or "text" in bulk_types
    # Nothing left behind but the output: no scratch copy, no scratch table.
    assert sorted(os.listdir(tmp_path)) == ["bulk.gpkg"]
    with sqlite3.connect(str(tmp_path / "bulk.gpkg")) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not any(name.startswith("_centralites") for name in tables) and "bulk" in tables


def test_rescoring_a_scored_layer_replaces_its_fields_in_bulk(run_algorithm, tmp_path):
    joined, _ = _join(run_algorithm, str(tmp_path / "joined.gpkg"))
    first, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined["OUTPUT"], "OUTPUT": str(tmp_path / "first.gpkg")})
    second, log = run_algorithm("centralites:centrality_score", {
        "INPUT": first["OUTPUT"], "LEVEL_METHOD": 2, "OUTPUT": str(tmp_path / "second.gpkg")})
    assert any("replaced" in line for line in log) and any(line.startswith("Written in bulk") for line in log)
    names, _types, rows = _features(second["OUTPUT"])
    assert names.count("score_centralite") == 1 and names.count("niveau") == 1
    _names, _types, first_rows = _features(first["OUTPUT"])
    assert {code: values["score_centralite"] for code, (values, _g) in rows.items()} == pytest.approx(
        {code: values["score_centralite"] for code, (values, _g) in first_rows.items()})
    levels = [values["niveau_code"] for values, _g in rows.values()]
    assert levels != [values["niveau_code"] for values, _g in first_rows.values()]  # quantiles, not thresholds


def test_selected_features_only_are_written_by_the_sink(run_algorithm, tmp_path):
    layer = QgsVectorLayer(SAMPLE_COMMUNES, "communes", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        chosen = [f.id() for f in layer.getFeatures("\"INSEE_COM\" IN ('62498', '62119', '62427')")]
        layer.selectByIds(chosen)
        source = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        results, log = _join(run_algorithm, str(tmp_path / "selected.gpkg"), source)
        assert not any(line.startswith("Written in bulk") for line in log)
        _names, _types, rows = _features(results["OUTPUT"])
        assert sorted(rows) == ["62119", "62427", "62498"]
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_a_shapefile_input_keeps_every_commune_and_its_values(run_algorithm, tmp_path):
    import processing

    shapefile = str(tmp_path / "communes.shp")
    # Without the GeoPackage's fid as a field (GDAL would take it for the ids): bulk path.
    processing.run("native:deletecolumn", {"INPUT": SAMPLE_COMMUNES, "COLUMN": ["fid"], "OUTPUT": shapefile})
    from_shapefile, log = _join(run_algorithm, str(tmp_path / "from_shp.gpkg"), shapefile)
    assert any(line.startswith("Written in bulk") for line in log), log
    # With it: the feature sink, same values.
    with_fid = str(tmp_path / "with_fid.shp")
    processing.run("native:savefeatures", {"INPUT": SAMPLE_COMMUNES, "OUTPUT": with_fid})
    from_fid, log = _join(run_algorithm, str(tmp_path / "from_fid.gpkg"), with_fid)
    assert any("feature by feature (the layer has a field named fid)" in line for line in log), log
    _n, _t, fid_rows = _features(from_fid["OUTPUT"])
    from_geopackage, _ = _join(run_algorithm, str(tmp_path / "from_gpkg.gpkg"))
    _n, _t, shp_rows = _features(from_shapefile["OUTPUT"])
    _n, _t, gpkg_rows = _features(from_geopackage["OUTPUT"])
    assert shp_rows.keys() == gpkg_rows.keys() == fid_rows.keys() and len(shp_rows) == 319
    for code in ("62498", "62119", "80810"):
        assert shp_rows[code][0]["P18_POP"] == gpkg_rows[code][0]["P18_POP"] == fid_rows[code][0]["P18_POP"]


def test_the_output_is_loaded_in_qgis_desktop_as_with_a_sink(provider, tmp_path):
    from qgis.core import QgsProcessingFeedback

    from centralites.processing.bulk_geopackage import start_bulk_copy, write_layer_with_columns
    from centralites.processing.algorithms.join_tables import JoinTables

    algorithm = JoinTables()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    destination = QgsProcessingOutputLayerDefinition(str(tmp_path / "loaded.gpkg"), QgsProject.instance())
    destination.destinationName = "Communes jointes"
    parameters = {"INPUT": SAMPLE_COMMUNES, "OUTPUT": destination}
    source = algorithm.parameterAsSource(parameters, "INPUT", context)
    import pandas as pd

    ids = [f.id() for f in source.getFeatures()]
    frame = pd.DataFrame({"extra": [float(i) for i in range(len(ids))]})
    bulk_copy = start_bulk_copy(algorithm, parameters, context, source)
    assert bulk_copy is not None
    output = write_layer_with_columns(algorithm, parameters, context, QgsProcessingFeedback(), source, frame, ids,
                                      bulk_copy)
    assert output == str(tmp_path / "loaded.gpkg")
    assert context.willLoadLayerOnCompletion(output)
    assert context.layerToLoadOnCompletionDetails(output).name == "Communes jointes"
    layer = QgsVectorLayer(output, "x", "ogr")
    by_id = {f.id(): f["extra"] for f in layer.getFeatures()}
    assert by_id == {fid: float(i) for i, fid in enumerate(ids)}


def test_a_cancelled_bulk_write_leaves_nothing(provider, tmp_path):
    from qgis.core import QgsProcessingFeedback

    from centralites.processing.bulk_geopackage import start_bulk_copy, write_layer_with_columns
    from centralites.processing.algorithms.join_tables import JoinTables

    import pandas as pd

    algorithm = JoinTables()
    algorithm.initAlgorithm()
    context = QgsProcessingContext()
    parameters = {"INPUT": SAMPLE_COMMUNES, "OUTPUT": str(tmp_path / "cancelled.gpkg")}
    source = algorithm.parameterAsSource(parameters, "INPUT", context)
    ids = [f.id() for f in source.getFeatures()]
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    bulk_copy = start_bulk_copy(algorithm, parameters, context, source)
    assert bulk_copy is not None
    output = write_layer_with_columns(algorithm, parameters, context, feedback, source,
                                      pd.DataFrame({"extra": [1.0] * len(ids)}), ids, bulk_copy)
    assert output is None
    assert os.listdir(tmp_path) == []


def test_a_failing_join_leaves_no_scratch_copy(run_algorithm, tmp_path):
    from qgis.core import QgsProcessingException

    broken = tmp_path / "broken.csv"
    broken.write_text("CODGEO;P18_POP\n", encoding="utf-8")  # header only: a clear error, after the copy started
    output = tmp_path / "out" / "joined.gpkg"
    with pytest.raises(QgsProcessingException):
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [str(broken)],
                                                  "OUTPUT": str(output), "REPORT": "TEMPORARY_OUTPUT"})
    assert not output.exists()
    assert not output.parent.exists() or os.listdir(output.parent) == []


def test_the_cycle_collector_is_paused_while_gdal_copies_and_resumed_after(run_algorithm, tmp_path):
    """A collection run by the copy's thread would destroy the main thread's QGIS objects there (QGIS 3.40
    crashed inside a GDAL copy): paused while the copy runs, resumed whether the run succeeds or fails."""
    import gc

    from centralites.processing.frames import CollectorFreeThread

    seen = []
    worker = CollectorFreeThread(lambda: seen.append(gc.isenabled()))
    worker.start()
    worker.join()
    assert seen == [False] and gc.isenabled()
    run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES,
                                              "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert gc.isenabled()
    broken = tmp_path / "broken.csv"
    broken.write_text("CODGEO;P18_POP\n", encoding="utf-8")
    with pytest.raises(Exception):
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [str(broken)],
                                                  "OUTPUT": str(tmp_path / "broken.gpkg")})
    assert gc.isenabled()


@pytest.mark.parametrize("algorithm_id", ["centralites:join_tables", "centralites:centrality_score"])
def test_the_commune_layer_file_is_never_overwritten(run_algorithm, tmp_path, algorithm_id):
    import shutil

    from qgis.core import QgsProcessingException

    territory = tmp_path / "territoire.gpkg"
    if algorithm_id == "centralites:join_tables":
        shutil.copy(SAMPLE_COMMUNES.split("|")[0], territory)
        parameters = {"INPUT": f"{territory}|layername=communes", "TABLES": SAMPLE_TABLES}
    else:
        _join(run_algorithm, str(territory))
        parameters = {"INPUT": str(territory)}
    before = territory.read_bytes()
    with pytest.raises(QgsProcessingException, match="is the commune layer's own file"):
        run_algorithm(algorithm_id, {**parameters, "OUTPUT": str(territory)})
    assert territory.read_bytes() == before


def test_the_sink_pairs_rows_with_features_by_id(qgis_app):
    """write_with_columns pairs each feature with its row by feature id, not by the order of a second
    iteration (a provider need not return its features in the same order twice); a feature the rows
    were not read from is an error, not another commune's values."""
    import pandas as pd
    import pytest
    from qgis.core import QgsFeature, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

    from centralites.processing.frames import output_fields, write_with_columns

    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=code:string", "communes", "memory")
    features = []
    for code in ("a", "b", "c"):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    ids = {f["code"]: f.id() for f in layer.getFeatures()}
    order = ["c", "a", "b"]  # the rows, read in another order than the layer's
    frame = pd.DataFrame({"score": [3.0, 1.0, 2.0]})
    sink = QgsVectorLayer("Point?crs=EPSG:2154", "out", "memory")
    sink.dataProvider().addAttributes(output_fields(layer, frame).toList())
    sink.updateFields()
    assert write_with_columns(layer, sink.dataProvider(), frame, QgsProcessingFeedback(),
                              feature_ids=[ids[code] for code in order])
    assert {f["code"]: f["score"] for f in sink.getFeatures()} == {"a": 1.0, "b": 2.0, "c": 3.0}
    with pytest.raises(QgsProcessingException, match="changed while it was being read"):
        write_with_columns(layer, sink.dataProvider(), frame.head(2), QgsProcessingFeedback(),
                           feature_ids=[ids["a"], ids["b"]])


def test_plain_columns_give_each_cell_as_clean_does():
    """The columns handed to the writers: every missing cell (NaN, None, pd.NA, NaT) as None, numpy scalars as
    Python values, text as it is — the vectorised paths give exactly what the cell by cell cleaning gives."""
    import numpy as np
    import pandas as pd

    from centralites.processing.frames import _clean, plain_columns

    frame = pd.DataFrame({
        "text": ["a", None, np.nan, "é", pd.NA],
        "mixed": ["x", np.int64(3), np.float64(2.5), np.nan, None],
        "floats": [1.5, np.nan, 3.0, -0.0, 1e300],
        "ints": np.arange(5, dtype="int64"),
        "nullable": pd.array([1, None, 3, None, 5], dtype="Int64"),
        "strings": pd.array(["p", None, "q", "r", None], dtype="string"),
        "flags": [True, False, True, True, False],
        "times": pd.to_datetime(["2021-01-01", None, "2021-03-01", None, "2021-05-01"]),
    })
    expected = [[_clean(value) for value in frame[name].astype(object).tolist()] for name in frame.columns]
    got = plain_columns(frame)
    assert got == expected
    assert [list(map(type, column)) for column in got] == [list(map(type, column)) for column in expected]
