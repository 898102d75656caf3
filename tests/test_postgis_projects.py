"""Projects and layouts in the database, on the throwaway PostgreSQL + PostGIS cluster (tests/postgis.py): the
steps PostGIS → PostGIS, the style stored in layer_styles, export_layout adding its layout to a project as in
QGIS desktop (its layers written as tables of the commune layer's database), the project saved in PostgreSQL
(``postgresql://`` project storage) and read back in a fresh project: every layer valid, the layout with its
labelled map, legend and outlines, exported again to PNG."""

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutObject,
    QgsProcessingContext,
    QgsProject,
    QgsVectorLayer,
)

from logs import LogFeedback
from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis


def project_storage(cluster, name):
    """A QGIS project in the cluster's database (QGIS's PostgreSQL project storage, table qgis_projects)."""
    return (f"postgresql://postgres@127.0.0.1:{cluster.port}?sslmode=disable&dbname=centralites&schema=public"
            f"&project={name}")


def scored_table(run_algorithm, cluster, table):
    """The steps PostGIS → PostGIS: join, score, style stored in the database; the table's layer."""
    run_algorithm("centralites:join_tables", {
        "INPUT": cluster.postgres_uri("communes", "geom"),
        "TABLES": [cluster.postgres_uri("comparateur"), cluster.postgres_uri("bpe_domaines")],
        "OUTPUT": "postgres://" + cluster.uri(table + "_joined", "geom")})
    run_algorithm("centralites:centrality_score", {"INPUT": cluster.postgres_uri(table + "_joined", "geom"),
                                                   "OUTPUT": "postgres://" + cluster.uri(table, "geom")})
    _, log = run_algorithm("centralites:apply_style", {"INPUT": QgsVectorLayer(cluster.uri(table, "geom"), table,
                                                                               "postgres")})
    assert "Style stored in its database as the layer's default style." in log
    layer = QgsVectorLayer(cluster.uri(table, "geom"), "Centralité", "postgres")  # its default style: layer_styles
    assert layer.isValid() and layer.renderer().classAttribute() == "score_centralite" and layer.labelsEnabled()
    return layer


def export_layout_in_desktop(project, parameters, monkeypatch):
    """export_layout run as in QGIS desktop (its layout added to ``project``); the log."""
    from centralites.processing.algorithms import export_layout

    monkeypatch.setattr(export_layout, "_desktop", lambda: True)  # the tests run as an "external" application
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("centralites:export_layout")
    context = QgsProcessingContext()
    context.setProject(project)
    log = LogFeedback()
    results, ok = algorithm.run(parameters, context, log)
    assert ok, log.lines
    return log.lines


def layers_of(layout, item_id):
    return layout.itemById(item_id).layers()


def project_with_a_layout(run_algorithm, cluster, table, pdf, monkeypatch):
    """A project with the scored PostGIS layer and export_layout's layout as QGIS desktop adds it; the log."""
    communes = scored_table(run_algorithm, cluster, table)
    project = QgsProject()
    project.setCrs(communes.crs())
    project.addMapLayer(communes)
    log = export_layout_in_desktop(project, {"INPUT": communes, "TITLE": "Centralité PostGIS", "DPI": 72,
                                             "OUTPUT": pdf}, monkeypatch)
    return project, log


def test_a_project_saved_in_postgresql_reopens_with_its_labelled_layout(run_algorithm, postgis_cluster, tmp_path,
                                                                        monkeypatch):
    from centralites.processing.qpt_layouts import export_png

    cluster = postgis_cluster
    project, log = project_with_a_layout(run_algorithm, cluster, "project_scores", str(tmp_path / "carte.pdf"),
                                         monkeypatch)
    tables = [row[0] for row in cluster.psql(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'carte_layout_%' ORDER BY 1")]
    assert tables == ["carte_layout_1", "carte_layout_2", "carte_layout_3"]  # outlines, territory, départements
    assert any("saved in the commune layer's database" in line and '"public"."carte_layout_1"' in line
               for line in log)
    assert not (tmp_path / "carte-layout-layers.gpkg").exists()
    assert project.write(project_storage(cluster, "diagnostic")), project.error()
    assert cluster.psql("SELECT name FROM qgis_projects") == [["diagnostic"]]
    del project
    for path in tmp_path.iterdir():  # another workstation: nothing of the export's folder
        path.unlink()

    reopened = QgsProject()
    assert reopened.read(project_storage(cluster, "diagnostic")), reopened.error()
    assert reopened.mapLayers() and all(layer.isValid() for layer in reopened.mapLayers().values())
    assert {layer.providerType() for layer in reopened.mapLayers().values()} == {"postgres"}
    layout = reopened.layoutManager().layoutByName("Centralité PostGIS")
    assert layout is not None
    assert layout.itemById("title").text() == "Centralité PostGIS"
    drawn = layers_of(layout, "map")
    by_name = {layer.name(): layer for layer in drawn}
    assert set(by_name) == {"Intercommunalities", "Composite score (0–100)"}
    scores = by_name["Composite score (0–100)"]
    assert scores.renderer().classAttribute() == "score_centralite"
    assert scores.labelsEnabled() and scores.labeling().settings().fieldName
    assert by_name["Intercommunalities"].featureCount() == 5
    inset = layers_of(layout, "inset")
    assert len(inset) == 2 and all(sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setLimit(1))) == 1
                                   for layer in inset)
    legend = layout.itemById("legend")
    assert isinstance(legend, QgsLayoutItemLegend)
    assert {node.layer().name() for node in legend.model().rootGroup().findLayers()} == set(by_name)
    chart = layout.itemById("chart")
    assert chart.picturePath().startswith("base64:") and not chart.isMissingImage()  # in the project, not a file
    user_layer = [layer for layer in reopened.mapLayers().values() if layer.name() == "Centralité"]
    assert user_layer and user_layer[0].labelsEnabled()

    png = tmp_path / "reopened.png"
    result, written = export_png(layout, str(png), 100)
    assert written == [str(png)] and png.stat().st_size > 50_000
    assert coloured_share(png, right=0.65) > 0.2  # the main map drawn
    print(f"reopened layout exported to {png}")


def test_an_atlas_layout_reopens_from_the_database(run_algorithm, postgis_cluster, tmp_path, monkeypatch):
    """Atlas: coverage (the outlines), veil and inset groups are tables of the database after a reopen."""
    cluster = postgis_cluster
    scores = scored_table(run_algorithm, cluster, "atlas_scores")
    project = QgsProject()
    project.addMapLayer(scores)
    for _ in range(2):  # the second layout of the same PDF gets tables of its own
        export_layout_in_desktop(project, {"INPUT": scores, "TITLE": "Atlas", "ATLAS_FIELD": "NOM_EPCI",
                                           "DPI": 72, "OUTPUT": str(tmp_path / "atlas.pdf")}, monkeypatch)
    tables = [row[0] for row in cluster.psql(
        "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'atlas_layout_%' ORDER BY 1")]
    assert tables == ["atlas_layout_1", "atlas_layout_2", "atlas_layout_2_1", "atlas_layout_2_2",
                      "atlas_layout_2_3", "atlas_layout_3"]
    assert project.write(project_storage(cluster, "atlas")), project.error()

    reopened = QgsProject()
    assert reopened.read(project_storage(cluster, "atlas")), reopened.error()
    for name in ("Atlas", "Atlas (2)"):
        layout = reopened.layoutManager().layoutByName(name)
        assert layout.atlas().enabled() and layout.atlas().coverageLayer().featureCount() == 5
        assert layout.atlas().coverageLayer().providerType() == "postgres"
        pictures = layout.itemById("chart").dataDefinedProperties().property(
            QgsLayoutObject.DataDefinedProperty.PictureSource).expressionString()
        assert pictures.count("'base64:") == 5 and ".png" not in pictures  # one chart a page, in the project
        assert len(layers_of(layout, "map")) == 3 and len(layers_of(layout, "inset")) == 1
        assert all(layer.isValid() and layer.featureCount() > 0 for layer in layers_of(layout, "map")
                   + layers_of(layout, "inset"))
    assert all(layer.isValid() for layer in reopened.mapLayers().values())


def test_without_the_right_to_create_tables_the_layout_layers_go_next_to_the_pdf(run_algorithm, postgis_cluster,
                                                                                 tmp_path, monkeypatch):
    """A reader of the database (no CREATE on the schema): the layout's layers in the GeoPackage, said so."""
    cluster = postgis_cluster
    scored_table(run_algorithm, cluster, "reader_scores")
    cluster.psql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN "
                 "CREATE ROLE reader LOGIN; END IF; END $$; REVOKE CREATE ON SCHEMA public FROM PUBLIC; "
                 "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader")
    connection = cluster.connection().replace("user=postgres", "user=reader")
    scores = QgsVectorLayer(f'{connection} table="public"."reader_scores" (geom)', "Centralité", "postgres")
    assert scores.isValid()
    project = QgsProject()
    project.addMapLayer(scores)
    log = export_layout_in_desktop(project, {"INPUT": scores, "TITLE": "Lecture", "CHART": False, "DPI": 72,
                                             "OUTPUT": str(tmp_path / "lecture.pdf")}, monkeypatch)
    assert (tmp_path / "lecture-layout-layers.gpkg").exists()
    assert any("which the database did not take" in line and "Intercommunalities" in line for line in log)
    assert cluster.psql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'lecture_layout%'") \
        == [["0"]]
    layout = project.layoutManager().layoutByName("Lecture")
    assert not [layer for layer in layers_of(layout, "map") if layer.providerType() == "memory"]


def wms(uri, **parameters):
    """A request to QGIS Server (in this process) on the project ``uri``: (HTTP status, content type, body)."""
    from qgis.server import QgsBufferServerRequest, QgsBufferServerResponse, QgsServer

    server = wms.server = getattr(wms, "server", None) or QgsServer()
    request = QgsBufferServerRequest("http://localhost/ows/?SERVICE=WMS&VERSION=1.3.0")
    request.setParameter("MAP", uri)
    for name, value in parameters.items():
        request.setParameter(name.upper(), str(value))
    response = QgsBufferServerResponse()
    server.handleRequest(request, response)
    return response.statusCode(), response.headers().get("Content-Type", ""), bytes(response.body())


def coloured_share(path, right=1.0):
    """The share of pixels neither white nor transparent in the picture's left ``right`` part (sampled)."""
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    samples = [image.pixelColor(x, y) for x in range(0, int(image.width() * right), 7)
               for y in range(0, image.height(), 7)]
    return sum(1 for colour in samples if colour.alpha() > 0 and colour.lightness() < 235) / len(samples)


def test_qgis_server_publishes_the_project_from_the_database(run_algorithm, postgis_cluster, tmp_path, monkeypatch):
    """What QGIS Server (and Lizmap, which asks it) does with the project saved in PostgreSQL: the styled and
    labelled layer as a WMS map, the layout as a printed page (GetPrint), both from the database alone."""
    pytest.importorskip("qgis.server")
    cluster = postgis_cluster
    project, _ = project_with_a_layout(run_algorithm, cluster, "served_scores", str(tmp_path / "servie.pdf"),
                                       monkeypatch)
    uri = project_storage(cluster, "servie")
    assert project.write(uri), project.error()
    status, kind, body = wms(uri, REQUEST="GetCapabilities")
    if b"Service unknown" in body:
        pytest.skip("QGIS Server's WMS module is not installed: apt-get install qgis-server-wms")
    assert status == 200 and b"<Name>Centralit" in body and b"Centralit\xc3\xa9 PostGIS" in body  # layer, layout
    extent = next(layer for layer in project.mapLayers().values() if layer.name() == "Centralité").extent()
    status, kind, body = wms(uri, REQUEST="GetMap", LAYERS="Centralité", STYLES="", CRS="EPSG:2154", FORMAT="image/png",
                             BBOX=f"{extent.xMinimum()},{extent.yMinimum()},{extent.xMaximum()},{extent.yMaximum()}",
                             WIDTH=900, HEIGHT=480)
    assert status == 200 and kind == "image/png", body[:300]
    (tmp_path / "getmap.png").write_bytes(body)
    # GetPrint draws the maps whose extent the request gives (mapN: the layout's N-th map item), as Lizmap asks.
    layout = project.layoutManager().layoutByName("Centralité PostGIS")
    maps = [item for item in layout.items() if isinstance(item, QgsLayoutItemMap)]
    extents = {f"map{index}:EXTENT": "{},{},{},{}".format(*(round(value) for value in (
        item.extent().xMinimum(), item.extent().yMinimum(), item.extent().xMaximum(), item.extent().yMaximum())))
        for index, item in enumerate(maps)}
    status, kind, body = wms(uri, REQUEST="GetPrint", TEMPLATE="Centralité PostGIS", FORMAT="png", CRS="EPSG:2154",
                             DPI=80, **extents)
    assert status == 200 and kind == "image/png", body[:300]
    (tmp_path / "getprint.png").write_bytes(body)
    assert coloured_share(tmp_path / "getprint.png", right=0.65) > 0.2  # the main map drawn, not an empty frame
    assert coloured_share(tmp_path / "getmap.png") > 0.4
    print(f"QGIS Server's pictures: {tmp_path / 'getmap.png'}, {tmp_path / 'getprint.png'}")
