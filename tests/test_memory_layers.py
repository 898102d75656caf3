"""Memory layers between the steps (the Python console, models) give what files give.

The memory paths are separate code (processing/frames.py: a memory input read
in one aggregate, a GeoPackage input read by SQLite, a memory output filled
in batches; processing/bulk_geopackage.py: a memory layer copied by QGIS's
file writer): every test compares them with the file route, value by value.
"""

import os
import sqlite3

import pandas as pd
import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from testdata import SAMPLE, SAMPLE_COMMUNES, SAMPLE_TABLES

BPE_LONG = f"{SAMPLE}/illustratif_bpe_communes.csv"


def _layer(output):
    layer = output if isinstance(output, QgsVectorLayer) else QgsVectorLayer(output, "x", "ogr")
    assert layer.isValid(), output
    return layer


def _rows(output):
    """({code: {field: value}}, {code: geometry WKB}, field names) of a layer or a file."""
    layer = _layer(output)
    names = layer.fields().names()
    rows, geometries = {}, {}
    for feature in layer.getFeatures():
        values = [None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in feature.attributes()]
        values = dict(zip(names, values))
        rows[values["INSEE_COM"]] = values
        geometries[values["INSEE_COM"]] = feature.geometry().asWkb().data()
    return rows, geometries, names


def _memory_table(name, fields, rows):
    """A memory table without geometry: ``fields`` (name, QVariant type) pairs, one feature a row."""
    from qgis.core import QgsField, QgsFields, QgsMemoryProviderUtils

    from centralites.compat import NO_GEOMETRY

    table_fields = QgsFields()
    for field_name, kind in fields:
        table_fields.append(QgsField(field_name, kind))
    table = QgsMemoryProviderUtils.createMemoryLayer(name, table_fields, NO_GEOMETRY)
    features = []
    for row in rows:
        feature = QgsFeature(table_fields)
        feature.setAttributes(list(row))
        features.append(feature)
    assert table.dataProvider().addFeatures(features)[0]
    return table


def _assert_same(first, second, ignore=("fid",)):
    rows, geometries, names = _rows(first)
    other_rows, other_geometries, other_names = _rows(second)
    assert [n for n in names if n not in ignore] == [n for n in other_names if n not in ignore]
    assert rows.keys() == other_rows.keys() and len(rows) > 0
    for code, values in rows.items():
        assert geometries[code] == other_geometries[code], code
        for name, value in values.items():
            if name in ignore:
                continue
            other = other_rows[code][name]
            if isinstance(value, float) and other is not None:
                assert other == pytest.approx(value, rel=1e-9, abs=1e-12), (code, name)
            else:
                assert other == value, (code, name, value, other)


def test_a_memory_bpe_table_object_joins_as_its_file_does(run_algorithm, tmp_path):
    in_memory, _ = run_algorithm("centralites:aggregate_bpe", {"INPUT": BPE_LONG, "OUTPUT": "TEMPORARY_OUTPUT"})
    table = in_memory["OUTPUT"]
    assert isinstance(table, QgsVectorLayer) and table.providerType() == "memory"
    in_file, _ = run_algorithm("centralites:aggregate_bpe", {"INPUT": BPE_LONG, "OUTPUT": str(tmp_path / "bpe.csv")})
    from_memory, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [SAMPLE_TABLES[0], table], "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any(line.startswith(f"Read {table.name()}: ") for line in log), log
    from_file, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [SAMPLE_TABLES[0], in_file["OUTPUT"]], "OUTPUT": "TEMPORARY_OUTPUT"})
    _assert_same(from_memory["OUTPUT"], from_file["OUTPUT"])
    lens = next(from_memory["OUTPUT"].getFeatures("\"INSEE_COM\" = '62498'"))
    assert lens["NB_EQUIP_TOTAL"] > 0 and lens["NB_TYPEQU"] > 0


def test_the_aggregate_table_is_the_same_in_memory_and_in_a_geopackage(run_algorithm, tmp_path):
    in_memory, _ = run_algorithm("centralites:aggregate_bpe", {"INPUT": BPE_LONG, "OUTPUT": "TEMPORARY_OUTPUT"})
    in_file, _ = run_algorithm("centralites:aggregate_bpe", {"INPUT": BPE_LONG, "OUTPUT": str(tmp_path / "b.gpkg")})
    memory, written = _layer(in_memory["OUTPUT"]), _layer(in_file["OUTPUT"])
    key = lambda feature: feature["DEPCOM"]  # noqa: E731
    names = [n for n in memory.fields().names()]
    first = sorted((tuple(f[n] for n in names) for f in memory.getFeatures()), key=lambda row: row[0])
    second = sorted((tuple(f[n] for n in names) for f in written.getFeatures()), key=lambda row: row[0])
    assert first == second and len(first) == memory.featureCount() > 300
    assert key(next(memory.getFeatures())) is not None


@pytest.fixture()
def joined(run_algorithm, tmp_path):
    """The sample communes joined with the sample tables, in memory and in a GeoPackage."""
    parameters = {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES}
    in_memory, _ = run_algorithm("centralites:join_tables", {**parameters, "OUTPUT": "TEMPORARY_OUTPUT"})
    in_file, _ = run_algorithm("centralites:join_tables", {**parameters, "OUTPUT": str(tmp_path / "joined.gpkg")})
    return in_memory["OUTPUT"], in_file["OUTPUT"]


def test_the_join_in_memory_equals_the_join_in_a_geopackage(joined):
    memory, written = joined
    assert memory.providerType() == "memory" and memory.featureCount() == 319
    _assert_same(memory, written)


@pytest.mark.parametrize("output", ["memory", "gpkg"])
def test_scoring_a_memory_layer_equals_scoring_its_geopackage(run_algorithm, joined, tmp_path, output):
    memory, written = joined
    destination = (lambda name: "TEMPORARY_OUTPUT") if output == "memory" else (lambda name: str(tmp_path / name))
    from_memory, log = run_algorithm("centralites:centrality_score", {"INPUT": memory,
                                                                       "OUTPUT": destination("a.gpkg")})
    from_file, _ = run_algorithm("centralites:centrality_score", {"INPUT": written, "OUTPUT": destination("b.gpkg")})
    if output == "gpkg":  # a memory layer copied by QGIS's writer, its fid field as the ids, the scores by SQL
        assert any(line.startswith("Written in bulk") for line in log), log
    _assert_same(from_memory["OUTPUT"], from_file["OUTPUT"])
    scored, _, names = _rows(from_memory["OUTPUT"])
    assert "score_centralite" in names and scored["62498"]["rang"] >= 1


def test_a_memory_layer_whose_ids_have_gaps_is_written_right(run_algorithm, joined, tmp_path):
    memory, written = joined
    copy = memory.materialize(QgsFeatureRequest())
    gone = [f.id() for f in copy.getFeatures()][:3]
    assert copy.dataProvider().deleteFeatures(gone)  # ids 4, 5, … : the writer's 1, 2, … would not match
    QgsProject.instance().addMapLayer(copy)
    try:
        scored, log = run_algorithm("centralites:centrality_score", {"INPUT": copy, "OUTPUT": str(tmp_path / "s.gpkg")})
        reference, _ = run_algorithm("centralites:centrality_score", {"INPUT": copy, "OUTPUT": "TEMPORARY_OUTPUT"})
    finally:
        QgsProject.instance().removeMapLayer(copy.id())
    rows, _, _ = _rows(scored["OUTPUT"])
    assert len(rows) == 316
    _assert_same(scored["OUTPUT"], reference["OUTPUT"])


def test_geopackage_ids_that_are_not_one_to_n_travel_with_their_features(run_algorithm, tmp_path):
    """A GeoPackage whose feature ids are 10, 20, … : the memory join keeps them in its field fid, the bulk
    copy of that memory layer makes them its ids, and every score lands on its own commune."""
    sparse = tmp_path / "sparse.gpkg"
    run_algorithm("native:savefeatures", {"INPUT": SAMPLE_COMMUNES, "OUTPUT": str(sparse)})
    from osgeo import gdal

    dataset = gdal.OpenEx(str(sparse), gdal.OF_VECTOR | gdal.OF_UPDATE)
    name = dataset.GetLayer(0).GetName()
    dataset.ExecuteSQL(f'UPDATE "{name}" SET fid = -fid')  # in two steps: the ids stay unique throughout
    dataset.ExecuteSQL(f'UPDATE "{name}" SET fid = -fid * 10 + 7')
    dataset = None
    joined_memory, _ = run_algorithm("centralites:join_tables", {
        "INPUT": str(sparse), "TABLES": SAMPLE_TABLES, "OUTPUT": "TEMPORARY_OUTPUT"})
    joined_file, _ = run_algorithm("centralites:join_tables", {
        "INPUT": str(sparse), "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert sorted(f["fid"] for f in joined_memory["OUTPUT"].getFeatures())[:2] == [17, 27]
    from_memory, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined_memory["OUTPUT"], "OUTPUT": str(tmp_path / "a.gpkg")})
    assert any(line.startswith("Written in bulk") for line in log), log
    from_file, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined_file["OUTPUT"], "OUTPUT": str(tmp_path / "b.gpkg")})
    _assert_same(from_memory["OUTPUT"], from_file["OUTPUT"], ignore=())
    with sqlite3.connect(str(tmp_path / "a.gpkg")) as connection:
        ids = [row[0] for row in connection.execute('SELECT fid FROM "a"')]
    assert all(fid % 10 == 7 for fid in ids) and len(ids) == 319


def test_rescoring_a_scored_memory_layer_replaces_its_fields(run_algorithm, joined):
    memory, _ = joined
    once, _ = run_algorithm("centralites:centrality_score", {"INPUT": memory, "OUTPUT": "TEMPORARY_OUTPUT"})
    twice, log = run_algorithm("centralites:centrality_score", {"INPUT": once["OUTPUT"], "OUTPUT": "TEMPORARY_OUTPUT"})
    assert any(line.startswith("Existing fields replaced") for line in log)
    names = twice["OUTPUT"].fields().names()
    assert len(names) == len(set(names)) == len(once["OUTPUT"].fields().names())
    _assert_same(once["OUTPUT"], twice["OUTPUT"])


def test_selected_memory_features_only_are_read_and_written(run_algorithm, joined):
    memory, _ = joined
    QgsProject.instance().addMapLayer(memory, False)
    try:
        memory.selectByExpression("\"INSEE_COM\" IN ('62498', '62119', '62427')")
        results, _ = run_algorithm("centralites:centrality_score", {
            "INPUT": QgsProcessingFeatureSourceDefinition(memory.id(), True), "OUTPUT": "TEMPORARY_OUTPUT"})
    finally:
        QgsProject.instance().removeMapLayer(memory.id())
    rows, _, _ = _rows(results["OUTPUT"])
    assert sorted(rows) == ["62119", "62427", "62498"]
    assert all(values["rang"] in (1, 2, 3) for values in rows.values())


def test_a_memory_table_with_nulls_and_decimals_is_read_as_text_cells(run_algorithm, tmp_path):
    table = QgsVectorLayer("None?field=CODGEO:string&field=N:integer&field=X:double&field=W:double", "t", "memory")
    features = []
    for code, n, x, w in (("62498", 3, 1.5, 2.0), ("62119", None, None, 4.0), ("62427", 7, 0.25, None)):
        feature = QgsFeature(table.fields())
        feature.setAttributes([code, n, x, w])
        features.append(feature)
    table.dataProvider().addFeatures(features)
    results, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [table], "OUTPUT": "TEMPORARY_OUTPUT"})
    rows, _, _ = _rows(results["OUTPUT"])
    assert (rows["62498"]["N"], rows["62498"]["X"], rows["62498"]["W"]) == (3, 1.5, 2)
    assert (rows["62119"]["N"], rows["62119"]["X"], rows["62119"]["W"]) == (None, None, 4)
    assert (rows["62427"]["N"], rows["62427"]["X"], rows["62427"]["W"]) == (7, 0.25, None)
    assert rows["62001"]["N"] is None if "62001" in rows else True


@pytest.mark.parametrize("case", ["fid field", "1 to n", "gaps", "date field"])
def test_a_memory_layer_copied_for_a_geopackage_is_read_from_its_copy_as_from_itself(joined, tmp_path, monkeypatch,
                                                                                         case):
    """centrality_score reads a memory layer it copies to a GeoPackage from the copy (one SQLite query): the same
    frame and the same feature ids as reading the layer, whether the copy's ids come from the layer's field fid
    or are 1 to N in the layer's order (with gaps in the layer's ids too); a field SQLite would not give back
    as QGIS does (a date) is read from the layer itself."""
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QVariant

    from centralites.processing import bulk_geopackage
    from centralites.processing.bulk_geopackage import BulkCopy, BulkTarget
    from centralites.processing.frames import WholeLayer, read_attributes, read_geopackage_table
    from centralites.processing.geopackage_columns import read_geopackage_columns

    layer, _ = joined
    names = ["INSEE_COM"] + [field.name() for field in layer.fields() if field.isNumeric()][1:12]
    if case != "fid field":
        layer = layer.materialize(QgsFeatureRequest())
        assert layer.dataProvider().deleteAttributes([layer.fields().lookupField("fid")])
        if case == "date field":
            assert layer.dataProvider().addAttributes([QgsField("jour", QVariant.Date)])
            names.append("jour")
        layer.updateFields()
        if case == "gaps":
            assert layer.dataProvider().deleteFeatures([f.id() for f in layer.getFeatures()][:3])
    expected_ids = []
    expected = read_attributes(WholeLayer(layer), names, QgsFeedback(), code_field="INSEE_COM",
                               feature_ids=expected_ids)
    layer_reads, tables_read = [], []
    monkeypatch.setattr(bulk_geopackage, "read_attributes", lambda *args, **kwargs: layer_reads.append(args) or
                        read_attributes(*args, **kwargs))
    monkeypatch.setattr(bulk_geopackage, "read_geopackage_table", lambda table, *args: tables_read.append(table) or
                        read_geopackage_table(table, *args))
    monkeypatch.setattr(bulk_geopackage, "read_geopackage_columns", lambda table, *args: tables_read.append(table) or
                        read_geopackage_columns(table, *args))
    copy = BulkCopy(BulkTarget(None, None, layer.name(), str(tmp_path / "out.gpkg"), "out", None, memory_layer=layer))
    try:
        got_ids = []
        got = copy.attribute_reader()(WholeLayer(layer), names, QgsFeedback(), code_field="INSEE_COM",
                                      feature_ids=got_ids)
    finally:
        copy.discard()
    pd.testing.assert_frame_equal(got, expected)
    assert got_ids == expected_ids and len(got_ids) == layer.featureCount()
    assert len(layer_reads) == (1 if case == "date field" else 0)
    # The needed fields alone, copied without geometry while the thread writes the whole copy: the scores are
    # computed meanwhile. Removed once read.
    assert [name for _, name in tables_read][:1] == ([] if case == "date field" else ["fields"])
    assert not any(os.path.exists(path) for path, _ in tables_read)


def test_a_commune_with_an_invalid_geometry_is_copied_to_memory_as_to_a_geopackage(run_algorithm, tmp_path):
    """The outputs copy the communes' geometries as they are, a self-intersecting one too, in memory as in a
    GeoPackage (processing.run checks every input geometry by default, which the copies do not need)."""
    from osgeo import ogr, osr

    path = str(tmp_path / "bowtie.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    crs = osr.SpatialReference()
    crs.ImportFromEPSG(2154)
    layer = dataset.CreateLayer("communes", crs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("INSEE_COM", ogr.OFTString))
    for code, wkt in (("62498", "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))"),
                      ("62119", "POLYGON ((20 0, 30 10, 30 0, 20 10, 20 0))")):  # a bow tie: not valid
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("INSEE_COM", code)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    layer = dataset = None
    parameters = {"INPUT": path, "TABLES": [SAMPLE_TABLES[0]]}
    in_memory, _ = run_algorithm("centralites:join_tables", {**parameters, "OUTPUT": "TEMPORARY_OUTPUT"})
    in_file, _ = run_algorithm("centralites:join_tables", {**parameters, "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert in_memory["OUTPUT"].featureCount() == 2
    _assert_same(in_memory["OUTPUT"], in_file["OUTPUT"])


def test_a_memory_layer_scored_to_a_geopackage_has_the_spatial_index_of_a_file_scored(run_algorithm, joined,
                                                                                        tmp_path):
    """The copy of a memory layer gets its spatial index once its features are in (not row by row): the same
    R-tree, declared as GeoPackage declares it, as the GDAL copy of a file gets."""
    from qgis.core import QgsFeatureSource

    memory, written = joined
    for name, source in (("a", memory), ("b", written)):
        run_algorithm("centralites:centrality_score", {"INPUT": source, "OUTPUT": str(tmp_path / f"{name}.gpkg")})
    boxes = {}
    for name in ("a", "b"):
        with sqlite3.connect(str(tmp_path / f"{name}.gpkg")) as connection:
            boxes[name] = connection.execute(f'SELECT * FROM "rtree_{name}_geom" ORDER BY id').fetchall()
            assert connection.execute("SELECT count(*) FROM gpkg_extensions WHERE table_name = ? AND "
                                      "extension_name = 'gpkg_rtree_index'", (name,)).fetchone()[0] == 1
        layer = QgsVectorLayer(str(tmp_path / f"{name}.gpkg"), name, "ogr")
        assert layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    assert len(boxes["a"]) == 319 and boxes["a"] == boxes["b"]


def test_a_memory_table_of_numbers_joins_as_its_csv_does(run_algorithm, tmp_path):
    """A table layer's number fields are taken as numbers (not written as text and read back): an integer code
    field is still a code, a NULL is still counted as an empty cell, a decimal and a huge integer keep their
    values — the same joined layer and the same report as the table saved as CSV."""
    from qgis.PyQt.QtCore import QVariant

    rows = [(62498, 12.75, 2**60, 62), (62119, None, 7, 62), (62065, 3.0, None, 62)]
    table = _memory_table("numbers", (("DEPCOM", QVariant.Int), ("SURFACE", QVariant.Double),
                                      ("N_LOGT", QVariant.LongLong), ("DEP_NUM", QVariant.Int)), rows)
    from centralites.processing.table_inputs import layer_as_text_frame

    read = layer_as_text_frame(table, numbers=True)
    assert {name: read[name].dtype.kind for name in read.columns} == {
        "DEPCOM": "O", "SURFACE": "f", "N_LOGT": "O", "DEP_NUM": "O"}  # the code, a huge integer, an identifier
    assert read["DEPCOM"].tolist() == ["62498", "62119", "62065"]
    csv_path = tmp_path / "numbers.csv"
    csv_path.write_text("DEPCOM;SURFACE;N_LOGT;DEP_NUM\n" + "".join(
        ";".join("" if value is None else str(value) for value in row) + "\n" for row in rows), encoding="utf-8")
    outputs = {}
    for label, entry in (("memory", table), ("csv", str(csv_path))):
        result, _ = run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "TABLES": [entry], "OUTPUT": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / f"report_{label}.csv")})
        outputs[label] = result
    _assert_same(outputs["memory"]["OUTPUT"], outputs["csv"]["OUTPUT"])
    joined = {f["INSEE_COM"]: f for f in outputs["memory"]["OUTPUT"].getFeatures()}
    assert joined["62498"]["SURFACE"] == 12.75 and joined["62498"]["N_LOGT"] == float(2**60)
    assert joined["62119"]["SURFACE"] in (None, NULL) and joined["62065"]["N_LOGT"] in (None, NULL)
    reports = [pd.read_csv(tmp_path / f"report_{label}.csv", dtype=str).drop(columns=["source"], errors="ignore")
               for label in ("memory", "csv")]
    pd.testing.assert_frame_equal(reports[0], reports[1])
    assert reports[0].to_string().count("left empty (NULL)") >= 2


@pytest.mark.parametrize("case", ["1 to n", "gaps", "date field", "fid field"])
def test_a_large_memory_layer_is_read_through_a_copy_as_through_qgis(joined, monkeypatch, case):
    """Many values of a memory layer are read by a GeoPackage copy of the fields (QGIS's writer, GDAL's Arrow
    stream), not turned into Python one by one: the same frame and ids as the aggregate read, with gaps in the
    ids too; a field SQLite would not give back as QGIS shows it (a date), or a field fid asked for, is read the
    usual way."""
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QDate, QVariant

    from centralites.processing import frames
    from centralites.processing.frames import WholeLayer, read_attributes

    layer = joined[0].materialize(QgsFeatureRequest())
    names = ["INSEE_COM", "NOM"] + [field.name() for field in layer.fields() if field.isNumeric()][1:12]
    if case != "fid field":
        assert layer.dataProvider().deleteAttributes([layer.fields().lookupField("fid")])
    else:
        names.append("fid")
    if case == "date field":
        assert layer.dataProvider().addAttributes([QgsField("jour", QVariant.Date)])
        names.append("jour")
    layer.updateFields()
    if case == "date field":
        index = layer.fields().lookupField("jour")
        assert layer.dataProvider().changeAttributeValues({1: {index: QDate(2021, 1, 1)}})
    if case == "gaps":
        assert layer.dataProvider().deleteFeatures([f.id() for f in layer.getFeatures()][:3])
    # Some NULLs among the numbers and the names.
    number = layer.fields().lookupField(names[3])
    assert layer.dataProvider().changeAttributeValues({4: {number: None, layer.fields().lookupField("NOM"): None}})
    copied = []
    read_copy = frames._read_memory_layer_copied


    def recorded(*args):
        copied.append(read_copy(*args))
        return copied[-1]

    monkeypatch.setattr(frames, "_read_memory_layer_copied", recorded)
    expected_ids, got_ids = [], []
    expected = read_attributes(WholeLayer(layer), names, QgsFeedback(), code_field="INSEE_COM",
                               feature_ids=expected_ids)
    assert not copied  # a few values: the aggregate
    monkeypatch.setattr(frames, "COPIED_READ_VALUES", 0)
    got = read_attributes(WholeLayer(layer), names, QgsFeedback(), code_field="INSEE_COM", feature_ids=got_ids)
    assert len(copied) == 1 and (copied[0] is None) == (case in ("date field", "fid field"))
    pd.testing.assert_frame_equal(got, expected)
    assert got_ids == expected_ids and len(got_ids) == layer.featureCount()
    if case == "gaps":
        assert got_ids[0] > 1


@pytest.mark.parametrize("numbers", [False, True])
def test_a_memory_table_with_many_values_is_read_from_its_copy_as_from_its_features(monkeypatch, numbers):
    """A memory table of many values is copied by QGIS's writer and read back by GDAL (the features' values
    are not turned into Python one by one): the same cells as read from its features — codes, accents, an
    empty text and a NULL, whole and decimal numbers, a huge integer, NULL numbers — as text or as numbers."""
    from qgis.PyQt.QtCore import QVariant

    from centralites.processing import table_inputs

    rows = [("01001", "L'Abergement-Clémenciat", 3, 1.5, 2.0, 2**60), ("2A004", "", None, None, 4.0, 7),
            ("62427", None, 7, 0.25, None, None), ("97101", "Les Abymes", 0, -3.0, 1e-7, -12)]
    table = _memory_table("many", (("DEPCOM", QVariant.String), ("NOM", QVariant.String), ("N", QVariant.Int),
                                   ("X", QVariant.Double), ("W", QVariant.Double), ("BIG", QVariant.LongLong)), rows)
    assert table.dataProvider().deleteFeatures([2])  # a gap in the ids
    copies = []
    copy = table_inputs.copied_memory_columns
    monkeypatch.setattr(table_inputs, "copied_memory_columns", lambda *args: copies.append(copy(*args)) or copies[-1])
    expected = table_inputs.layer_as_text_frame(table, numbers=numbers)
    assert not copies  # a few values: read from the features
    monkeypatch.setattr(table_inputs, "COPIED_READ_VALUES", 0)
    got = table_inputs.layer_as_text_frame(table, numbers=numbers)
    assert len(copies) == 1 and copies[0] is not None
    pd.testing.assert_frame_equal(got, expected)
    assert got["DEPCOM"].tolist() == ["01001", "62427", "97101"]
    assert got["NOM"].tolist() == ["L'Abergement-Clémenciat", "", "Les Abymes"]


def test_a_memory_layer_scored_to_a_geopackage_is_copied_once_its_fields_are_read(run_algorithm, joined, tmp_path,
                                                                                  monkeypatch):
    """The whole copy of a memory layer (QGIS's writer, in a thread) starts once the fields scored are copied and
    read: the two copies running together slowed each other down. The output is the same as a file's scored."""
    from centralites.processing import bulk_geopackage

    events = []
    narrow, whole = bulk_geopackage.BulkCopy._read_narrow_copy, bulk_geopackage._write_features

    def read_narrow(self, *args):
        events.append("fields read")
        return narrow(self, *args)

    def write_whole(*args):
        events.append("whole copy")
        return whole(*args)

    monkeypatch.setattr(bulk_geopackage.BulkCopy, "_read_narrow_copy", read_narrow)
    monkeypatch.setattr(bulk_geopackage, "_write_features", write_whole)
    memory, written = joined
    run_algorithm("centralites:centrality_score", {"INPUT": memory, "OUTPUT": str(tmp_path / "a.gpkg")})
    assert events == ["fields read", "whole copy"]
    run_algorithm("centralites:centrality_score", {"INPUT": written, "OUTPUT": str(tmp_path / "b.gpkg")})
    _assert_same(QgsVectorLayer(str(tmp_path / "a.gpkg"), "a", "ogr"), QgsVectorLayer(str(tmp_path / "b.gpkg"), "b", "ogr"))
