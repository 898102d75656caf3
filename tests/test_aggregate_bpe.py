"""centralites:aggregate_bpe through processing.run, its output fed to join_tables; equipments as points."""

import os

import pytest
from qgis.core import QgsFeatureRequest, QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE, SAMPLE_COMMUNES, real_insee


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


def test_real_bpe_aggregated_then_joined(run_algorithm, tmp_path):
    bpe = real_insee("bpe2019_communes_dep62.csv")
    results, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": bpe, "OUTPUT": str(tmp_path / "bpe.gpkg"), "REPORT": str(tmp_path / "bpe_report.csv")})
    table = open_layer(results["OUTPUT"])
    assert table.featureCount() == 858
    names = table.fields().names()
    for name in ("DEPCOM", "NB_EQUIP_TOTAL", "NB_EQUIP_A", "NB_EQUIP_G", "NB_EQUIP_PROXIMITE",
                 "NB_EQUIP_INTERMEDIAIRE", "NB_EQUIP_SUPERIEURE", "NB_EQUIP_HORS_GAMME", "NB_TYPEQU"):
        assert name in names
    lens = next(table.getFeatures("\"DEPCOM\" = '62498'"))
    assert lens["NB_EQUIP_TOTAL"] == (lens["NB_EQUIP_PROXIMITE"] + lens["NB_EQUIP_INTERMEDIAIRE"]
                                      + lens["NB_EQUIP_SUPERIEURE"] + lens["NB_EQUIP_HORS_GAMME"])
    assert any("15407 rows read, 15407 used" in line for line in log)
    assert any("in no gamme" in line for line in log)
    # The gamme lists follow the BPE's year (AN = 2019): no list shipped that early, said so.
    said = "BPE 2019 (AN column): no list shipped for 2019 or before, the 2021 lists used (the latest shipped)"
    assert any(line == f"Gamme lists: {said}." for line in log)
    assert any(line.startswith(said + "; ") and "types in no gamme" in line for line in log)
    report = {f["probleme"]: f["action"] for f in open_layer(results["REPORT"]).getFeatures()}
    assert list(report) == ["gamme lists", "no gamme"]
    assert report["gamme lists"] == said

    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [results["OUTPUT"]], "OUTPUT": str(tmp_path / "joined.gpkg")})
    output = open_layer(joined["OUTPUT"])
    assert output.featureCount() == 319
    lens_joined = next(output.getFeatures("\"INSEE_COM\" = '62498'"))
    assert lens_joined["NB_EQUIP_SUPERIEURE"] == lens["NB_EQUIP_SUPERIEURE"]
    assert lens_joined["NB_TYPEQU"] == lens["NB_TYPEQU"]


def test_csv_output_feeds_the_join_with_codes_as_text(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": f"{SAMPLE}/illustratif_bpe_communes.csv", "OUTPUT": str(tmp_path / "bpe.csv")})
    _, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [results["OUTPUT"]], "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert any(line.startswith("bpe.csv:") and "0 invalid codes" in line for line in log)


def test_year_not_in_the_file_is_a_clear_error(run_algorithm, tmp_path):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("DEPCOM;AN;TYPEQU;NB_EQUIP\n62001;2019;B203;1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no row of year 2021. Years in the file: 2019"):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "YEAR": "2021",
                                                    "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("content, message", [
    ("DEPCOM;NB_EQUIP\n62001;1\n", "no TYPEQU column.*Columns found: DEPCOM, NB_EQUIP"),
    ("TYPEQU;NB_EQUIP\nB203;1\n", "no DEPCOM or DCIRIS column"),
    ("DEPCOM;TYPEQU;NB_EQUIP\n", "no data rows"),
])
def test_bad_bpe_files_are_clear_errors(run_algorithm, tmp_path, content, message):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text(content, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()


def test_a_file_with_no_countable_row_is_a_clear_error(run_algorithm, tmp_path):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("DEPCOM;TYPEQU;NB_EQUIP\nabc;B203;1\n62001;Z99;1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no row could be counted.*1 invalid codes, 1 invalid equipment"):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()


# --------------------------------------------------------------------------- equipments as points

@pytest.fixture(scope="module")
def aula_point_file(tmp_path_factory):
    """INSEE's point-level layout built from the real BPE 2019 long file for the 319 communes of the
    sample territory: each row repeated NB_EQUIP times at a point inside its commune (EPSG:2154),
    plus one equipment in La Réunion (EPSG:2975) and one without coordinates."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject

    from centralites.core.tables import read_table

    long = read_table(real_insee("bpe2019_communes_dep62.csv"))
    communes = open_layer(SAMPLE_COMMUNES)
    to_lambert = QgsCoordinateTransform(communes.crs(), QgsCoordinateReferenceSystem("EPSG:2154"),
                                        QgsProject.instance())
    shapes = {}
    for feature in communes.getFeatures():
        geometry = feature.geometry()
        geometry.transform(to_lambert)
        shapes[feature["INSEE_COM"]] = geometry
    inside = long[long["DEPCOM"].isin(shapes)]
    lines = ["AN;DEPCOM;DCIRIS;TYPEQU;LAMBERT_X;LAMBERT_Y;QUALITE_XY;EPSG"]
    for code, typequ, count in zip(inside["DEPCOM"], inside["TYPEQU"], inside["NB_EQUIP"].astype(int)):
        point = shapes[code].pointOnSurface().asPoint()
        lines += [f"2019;{code};{code}0000;{typequ};{point.x():.2f};{point.y():.2f};Bonne;2154"] * count
    lines.append("2019;97411;974110101;D201;338000.00;7690000.00;Bonne;2975")  # Saint-Denis, La Réunion
    lines.append("2019;62498;624980000;B203;_Z;_Z;Non géolocalisé;2154")
    path = tmp_path_factory.mktemp("bpe") / "bpe19_ensemble_xy.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, inside, shapes, len(lines)


def test_point_level_file_counted_and_written_as_points(run_algorithm, tmp_path, aula_point_file):
    path, inside, shapes, last_line = aula_point_file
    results, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": str(path), "OUTPUT": str(tmp_path / "bpe.gpkg"), "POINTS": str(tmp_path / "points.gpkg"),
        "REPORT": str(tmp_path / "report.csv")})
    equipment = int(inside["NB_EQUIP"].astype(int).sum())
    # Counts per commune: those of the long file, the equipment without coordinates included.
    table = {f["DEPCOM"]: f["NB_EQUIP_TOTAL"] for f in open_layer(results["OUTPUT"]).getFeatures()}
    expected = inside.assign(n=inside["NB_EQUIP"].astype(int)).groupby("DEPCOM")["n"].sum().to_dict()
    expected["62498"] += 1
    expected["97411"] = 1
    assert table == expected
    # One point per equipment with coordinates, in EPSG:2154, inside its commune.
    points = open_layer(results["POINTS"])
    assert points.crs().authid() == "EPSG:2154"
    assert points.fields().names()[-4:] == ["TYPEQU", "DEPCOM", "DOMAINE", "GAMME"]
    assert points.featureCount() == equipment + 1
    per_commune = {}
    for feature in points.getFeatures():
        code = feature["DEPCOM"]
        per_commune[code] = per_commune.get(code, 0) + 1
        if code in shapes:
            assert shapes[code].contains(feature.geometry()), code
        else:
            reunion = feature.geometry().asPoint()  # reprojected: far away from metropolitan France
            assert feature["TYPEQU"] == "D201" and feature["DOMAINE"] == "D"
    assert not (0 < reunion.x() < 1300000 and 6000000 < reunion.y() < 7200000)
    assert per_commune["62498"] == expected["62498"] - 1
    lens = [f for f in points.getFeatures("\"DEPCOM\" = '62498' AND \"TYPEQU\" = 'B203'")]
    assert lens and {f["GAMME"] for f in lens} == {"proximité"}
    assert any("1 in another CRS reprojected to EPSG:2154 (EPSG:2975 1)" in line for line in log)
    assert any(f"{equipment + 1} equipments placed from LAMBERT_X/LAMBERT_Y" in line for line in log)
    assert any("BPE 2019 (AN column)" in line for line in log)
    report = [(f["probleme"], f["ligne"], f["code"]) for f in open_layer(results["REPORT"]).getFeatures()]
    assert ("no coordinates", str(last_line), "62498") in report  # a CSV report reads back as text


def test_points_are_not_written_unless_asked(run_algorithm, tmp_path, aula_point_file):
    results, _ = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": str(aula_point_file[0]), "OUTPUT": str(tmp_path / "bpe.csv")})
    assert "POINTS" not in results
    assert sorted(os.listdir(tmp_path)) == ["bpe.csv"]


def test_points_of_a_long_file_is_a_clear_error(run_algorithm, tmp_path):
    bpe = real_insee("bpe2019_communes_dep62.csv")
    with pytest.raises(QgsProcessingException, match=(
            r"bpe2019_communes_dep62\.csv: the file has no coordinates \(looked for the columns "
            r"LAMBERT_X/LAMBERT_Y, LONGITUDE/LATITUDE\).*leave the points output empty")):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": bpe, "OUTPUT": str(tmp_path / "out.gpkg"),
                                                    "POINTS": str(tmp_path / "points.gpkg")})
    assert os.listdir(tmp_path) == []


def test_a_cancelled_run_leaves_no_output(provider, tmp_path, aula_point_file):
    import processing
    from qgis.core import QgsProcessingFeedback

    class CancelWhilePlacing(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802
            super().setProgress(progress)
            if progress >= 40:  # the table is written; the points are next
                self.cancel()

    out = tmp_path / "out"
    processing.run("centralites:aggregate_bpe", {
        "INPUT": str(aula_point_file[0]), "OUTPUT": str(out / "bpe.gpkg"), "POINTS": str(out / "points.gpkg"),
        "REPORT": str(out / "report.csv")}, feedback=CancelWhilePlacing())
    # Nothing left: the run removes what it made, the folder it created included.
    assert not os.path.exists(out) or not [name for name in os.listdir(out) if not name.endswith(("-wal", "-shm"))]


def test_gamme_list_of_the_year_from_the_file_name(run_algorithm, tmp_path):
    bpe = tmp_path / "bpe2023_communes.csv"
    bpe.write_text("DEPCOM;TYPEQU;NB_EQUIP\n62001;B203;2\n62001;C101;1\n", encoding="utf-8")
    results, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": str(bpe), "OUTPUT": str(tmp_path / "out.csv"), "REPORT": str(tmp_path / "report.csv")})
    said = "BPE 2023 (file name): no list shipped for 2023, the 2021 lists used (the nearest earlier year)"
    assert f"Gamme lists: {said}." in log
    assert f"{said}; 1 types in no gamme (counted in NB_EQUIP_HORS_GAMME): C101." in log
    report = {f["probleme"]: f["action"] for f in open_layer(results["REPORT"]).getFeatures()}
    assert report["gamme lists"] == said


def test_user_gamme_file_still_works(run_algorithm, tmp_path):
    gammes = tmp_path / "gammes.csv"
    gammes.write_text("TYPEQU;GAMME\nB203;supérieure\n", encoding="utf-8")
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("DEPCOM;AN;TYPEQU;NB_EQUIP\n62001;2019;B203;2\n", encoding="utf-8")
    results, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": str(bpe), "GAMMES": str(gammes), "OUTPUT": str(tmp_path / "out.gpkg")})
    assert next(open_layer(results["OUTPUT"]).getFeatures())["NB_EQUIP_SUPERIEURE"] == 2
    assert f"Gamme lists: gamme lists of {gammes} (GAMMES parameter)." in log


def test_points_in_bulk_and_through_the_sink_are_the_same(run_algorithm, tmp_path, aula_point_file):
    """A GeoPackage takes the bulk path (blobs and R-tree written directly); other formats the sink."""
    import sqlite3

    path = str(aula_point_file[0])
    bulk, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": path, "OUTPUT": str(tmp_path / "a.csv"), "POINTS": str(tmp_path / "bulk.gpkg")})
    assert any(line.startswith("Points written in bulk") for line in log)
    sink, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": path, "OUTPUT": str(tmp_path / "b.csv"), "POINTS": str(tmp_path / "sink.geojson")})
    assert not any(line.startswith("Points written in bulk") for line in log)

    def points(output):
        layer = open_layer(output)
        return [(round(f.geometry().asPoint().x(), 6), round(f.geometry().asPoint().y(), 6),
                 f["TYPEQU"], f["DEPCOM"], f["DOMAINE"], f["GAMME"]) for f in layer.getFeatures()]

    written = points(bulk["POINTS"])
    assert written == points(sink["POINTS"]) and len(written) > 10000
    # A regular GeoPackage: extent, feature count, a full R-tree and GDAL's triggers kept.
    layer = open_layer(bulk["POINTS"])
    assert layer.extent().contains(open_layer(sink["POINTS"]).extent())
    with sqlite3.connect(bulk["POINTS"]) as connection:
        assert connection.execute("SELECT count(*) FROM rtree_bulk_geom").fetchone()[0] == len(written)
        assert connection.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchone()[0] == len(written)
        triggers = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"rtree_bulk_geom_insert", "rtree_bulk_geom_delete"} <= triggers
        lens = connection.execute("SELECT fid FROM bulk WHERE DEPCOM = '62498' LIMIT 1").fetchone()[0]
    found = [f["DEPCOM"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(
        layer.getFeature(lens).geometry().boundingBox().buffered(1)))]
    assert "62498" in found  # the spatial index answers
    assert [name for name in os.listdir(tmp_path) if name.startswith(".centralites-")] == []


def test_points_written_in_bulk_are_loaded_like_any_output(provider, tmp_path, aula_point_file):
    """In QGIS desktop the bulk-written points are loaded in the project, as the sink's outputs are."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingOutputLayerDefinition,
        QgsProject,
    )

    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("centralites:aggregate_bpe")
    points = str(tmp_path / "points.gpkg")
    results, ok = algorithm.run({
        "INPUT": str(aula_point_file[0]),
        "OUTPUT": QgsProcessingOutputLayerDefinition(str(tmp_path / "counts.gpkg"), QgsProject.instance()),
        "POINTS": QgsProcessingOutputLayerDefinition(points, QgsProject.instance())}, context, feedback)
    assert ok and results["POINTS"] == points
    loaded = {os.path.basename(layer.split("|")[0]): details.outputName
              for layer, details in context.layersToLoadOnCompletion().items()}
    assert loaded.get("points.gpkg") == "POINTS" and "counts.gpkg" in loaded


def test_the_counts_written_in_bulk_are_the_sinks(run_algorithm, tmp_path, monkeypatch):
    """A GeoPackage OUTPUT is written in bulk (GDAL creates the table, one executemany fills it): the same table
    as QGIS's feature sink writes — its layer name, fields and their OGR types, rows and values, feature count —
    and nothing left beside it."""
    import sqlite3

    from osgeo import ogr

    from centralites.processing.algorithms import aggregate_bpe

    bpe = real_insee("bpe2019_communes_dep62.csv")

    def table(path):
        dataset = ogr.Open(path)
        layer = dataset.GetLayer(0)
        definition = layer.GetLayerDefn()
        fields = [(definition.GetFieldDefn(i).GetName(), definition.GetFieldDefn(i).GetTypeName(),
                   definition.GetFieldDefn(i).GetWidth()) for i in range(definition.GetFieldCount())]
        rows = [(feature.GetFID(), *[feature.GetField(i) for i in range(definition.GetFieldCount())])
                for feature in layer]
        described = (layer.GetName(), layer.GetGeomType(), layer.GetFIDColumn(), layer.GetFeatureCount(), fields)
        return described, rows

    (tmp_path / "bulk").mkdir()
    (tmp_path / "sink").mkdir()
    results, log = run_algorithm("centralites:aggregate_bpe", {"INPUT": bpe, "OUTPUT": str(tmp_path / "bulk" / "bpe.gpkg")})
    assert results["OUTPUT"] == str(tmp_path / "bulk" / "bpe.gpkg")
    assert any(line.startswith("Written in bulk to") for line in log)
    monkeypatch.setattr(aggregate_bpe, "table_target", lambda *args: None)
    run_algorithm("centralites:aggregate_bpe", {"INPUT": bpe, "OUTPUT": str(tmp_path / "sink" / "bpe.gpkg")})
    bulk, sink = table(str(tmp_path / "bulk" / "bpe.gpkg")), table(str(tmp_path / "sink" / "bpe.gpkg"))
    assert bulk[0] == sink[0] and bulk[0][3] == 858
    assert bulk[1] == sink[1]
    with sqlite3.connect(str(tmp_path / "bulk" / "bpe.gpkg")) as connection:
        assert connection.execute("SELECT data_type FROM gpkg_contents").fetchall() == [("attributes",)]
    assert sorted(os.listdir(tmp_path / "bulk")) == ["bpe.gpkg"]
    assert open_layer(str(tmp_path / "bulk" / "bpe.gpkg")).fields().names() == \
        open_layer(str(tmp_path / "sink" / "bpe.gpkg")).fields().names()
