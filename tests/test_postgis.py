"""PostGIS in and out, on a real throwaway PostgreSQL + PostGIS cluster (tests/postgis.py, started once for
the session, skipped with the reason when it cannot start): every step and the model give the GeoPackage
run's scores; every address form users type for a table either works or says which form to use; columns
lower-cased by ogr2ogr are matched; a table's own key is never joined; database outputs make no folder."""

import os

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis

_REFERENCE = {}


def scores_by_code(layer, code_field="INSEE_COM"):
    assert layer.isValid() and layer.featureCount() == 319
    return {str(feature[code_field]): (round(float(feature["score_centralite"]), 6), feature["niveau"],
                                       int(feature["rang"]))
            for feature in layer.getFeatures()}


def postgis_layer(cluster, table):
    return QgsVectorLayer(cluster.uri(table, "geom"), table, "postgres")


@pytest.fixture()
def reference(run_algorithm, tmp_path_factory):
    """The GeoPackage run's scores by INSEE_COM (sample territory and its CSV tables), computed once."""
    if "scores" not in _REFERENCE:
        folder = tmp_path_factory.mktemp("gpkg")
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES,
                                                  "OUTPUT": str(folder / "joined.gpkg")})
        run_algorithm("centralites:centrality_score", {"INPUT": str(folder / "joined.gpkg"),
                                                       "OUTPUT": str(folder / "scored.gpkg")})
        _REFERENCE["scores"] = scores_by_code(QgsVectorLayer(str(folder / "scored.gpkg"), "scored", "ogr"))
    return _REFERENCE["scores"]


def columns_of(cluster, table):
    return [row[0] for row in cluster.psql(
        f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")]


def test_the_cluster_has_the_sample_territory_in_both_spellings(postgis_cluster):
    print(f"PostgreSQL + PostGIS cluster started and loaded in {postgis_cluster.start_seconds:.1f} s")
    assert postgis_cluster.psql("SELECT count(*) FROM communes") == [["319"]]
    assert "insee_com" in columns_of(postgis_cluster, "communes_lower")
    assert "INSEE_COM" not in columns_of(postgis_cluster, "communes_lower")
    assert {"CODGEO", "P18_POP"} <= set(columns_of(postgis_cluster, "comparateur"))
    assert {"codgeo", "p18_pop"} <= set(columns_of(postgis_cluster, "comparateur_lower"))
    assert postgis_layer(postgis_cluster, "communes").featureCount() == 319


@pytest.mark.parametrize("prefix", ["postgres://", "postgis:"])
def test_join_and_score_from_postgis_to_postgis_equal_the_geopackage_run(
        run_algorithm, postgis_cluster, reference, tmp_path, monkeypatch, prefix):
    monkeypatch.chdir(tmp_path)  # a database output must make no folder ("postgres:") here
    suffix = "pg" if prefix == "postgres://" else "pgis"
    tables = [postgis_cluster.postgres_uri("comparateur"), postgis_cluster.postgres_uri("bpe_domaines")]
    results, _ = run_algorithm("centralites:join_tables", {
        "INPUT": postgis_cluster.postgres_uri("communes", "geom"), "TABLES": tables,
        "OUTPUT": prefix + postgis_cluster.uri(f"joined_{suffix}", "geom")})
    joined = columns_of(postgis_cluster, f"joined_{suffix}")
    assert "P18_POP" in joined and "NB_EQUIP_D" in joined
    assert not [name for name in joined if name.lower().startswith("ogc_fid")]  # the tables' own keys
    run_algorithm("centralites:centrality_score", {
        "INPUT": postgis_cluster.postgres_uri(f"joined_{suffix}", "geom"),
        "OUTPUT": prefix + postgis_cluster.uri(f"scored_{suffix}", "geom")})
    assert scores_by_code(postgis_layer(postgis_cluster, f"scored_{suffix}")) == reference
    assert os.listdir(tmp_path) == []


def test_the_commune_layer_as_a_postgis_layer_object_and_a_geopackage_output(run_algorithm, postgis_cluster,
                                                                            reference, tmp_path):
    communes = postgis_layer(postgis_cluster, "communes")
    run_algorithm("centralites:join_tables", {"INPUT": communes, "TABLES": SAMPLE_TABLES,
                                              "OUTPUT": str(tmp_path / "joined.gpkg")})
    run_algorithm("centralites:centrality_score", {"INPUT": str(tmp_path / "joined.gpkg"),
                                                   "OUTPUT": str(tmp_path / "scored.gpkg")})
    assert scores_by_code(QgsVectorLayer(str(tmp_path / "scored.gpkg"), "scored", "ogr")) == reference


@pytest.mark.parametrize("form", ["postgres://", "uri", "postgres:", "postgis:", "PG: socket", "PG: 127.0.0.1"])
def test_every_address_form_of_a_table_is_read(run_algorithm, postgis_cluster, tmp_path, form):
    cluster = postgis_cluster
    address = {
        "postgres://": cluster.postgres_uri("comparateur"),
        "uri": cluster.uri("comparateur"),
        "postgres:": "postgres:" + cluster.uri("comparateur"),
        "postgis:": "postgis:" + cluster.uri("comparateur"),
        "PG: socket": cluster.ogr_uri("comparateur"),
        "PG: 127.0.0.1": cluster.ogr_uri("comparateur", host="127.0.0.1"),
    }[form]
    run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [address],
                                              "OUTPUT": str(tmp_path / "from_db.gpkg")})
    run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES[:1],
                                              "OUTPUT": str(tmp_path / "from_csv.gpkg")})
    from_db = QgsVectorLayer(str(tmp_path / "from_db.gpkg"), "db", "ogr")
    from_csv = QgsVectorLayer(str(tmp_path / "from_csv.gpkg"), "csv", "ogr")
    assert from_db.fields().names() == from_csv.fields().names()  # no ogc_fid joined
    assert {f["INSEE_COM"]: f["P18_POP"] for f in from_db.getFeatures()} == \
        {f["INSEE_COM"]: f["P18_POP"] for f in from_csv.getFeatures()}


def test_a_table_address_without_its_table_says_so(run_algorithm, postgis_cluster, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"names no table.*table="):
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [postgis_cluster.connection()],
                                                  "OUTPUT": str(tmp_path / "joined.gpkg")})
    with pytest.raises(QgsProcessingException, match=r"not a table QGIS can open.*postgres://dbname="):
        run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "TABLES": [postgis_cluster.ogr_uri("no_such_table")],
            "OUTPUT": str(tmp_path / "joined.gpkg")})


@pytest.mark.parametrize("prefix", ["", "postgis:", "PG:"])
def test_a_commune_layer_not_written_postgres_gets_the_address_to_type(run_algorithm, postgis_cluster, tmp_path,
                                                                       prefix):
    given = prefix + postgis_cluster.uri("communes", "geom")
    expected = "postgres://" + postgis_cluster.uri("communes", "geom")
    if prefix == "PG:":  # OGR's form: its geometry column read by OGR
        given = postgis_cluster.ogr_uri("communes")
        expected = "postgres://" + postgis_cluster.connection() + ' table="public"."communes" (geom)'
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("centralites:join_tables", {"INPUT": given, "TABLES": SAMPLE_TABLES,
                                                  "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert f"write a PostGIS layer as {expected}" in str(raised.value)


def test_columns_lower_cased_by_ogr2ogr_are_matched(run_algorithm, postgis_cluster, reference, tmp_path):
    cluster = postgis_cluster
    run_algorithm("centralites:join_tables", {
        "INPUT": cluster.postgres_uri("communes_lower", "geom"),  # insee_com: the default INSEE_COM found
        "TABLES": [cluster.postgres_uri("comparateur_lower"), cluster.postgres_uri("bpe_domaines_lower")],
        "OUTPUT": str(tmp_path / "joined.gpkg")})
    joined = QgsVectorLayer(str(tmp_path / "joined.gpkg"), "joined", "ogr")
    assert "p18_pop" in joined.fields().names() and "ogc_fid" not in joined.fields().names()
    _, log = run_algorithm("centralites:centrality_score", {"INPUT": str(tmp_path / "joined.gpkg"),
                                                            "OUTPUT": str(tmp_path / "scored.gpkg")})
    assert any("Columns matched whatever their case" in line and "P18_POP → p18_pop" in line for line in log)
    scored = QgsVectorLayer(str(tmp_path / "scored.gpkg"), "scored", "ogr")
    assert scores_by_code(scored, "insee_com") == reference


def test_apply_style_stores_the_style_in_the_database(run_algorithm, postgis_cluster, tmp_path):
    cluster = postgis_cluster
    run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES,
                                              "OUTPUT": str(tmp_path / "joined.gpkg")})
    run_algorithm("centralites:centrality_score", {"INPUT": str(tmp_path / "joined.gpkg"),
                                                   "OUTPUT": "postgres://" + cluster.uri("styled", "geom")})
    layer = postgis_layer(cluster, "styled")
    _, log = run_algorithm("centralites:apply_style", {"INPUT": layer})
    assert "Style stored in its database as the layer's default style." in log
    assert cluster.psql("SELECT f_table_name, useasdefault FROM layer_styles WHERE f_table_name = 'styled'") \
        == [["styled", "t"]]
    reopened = postgis_layer(cluster, "styled")  # the default style is loaded with the layer
    assert reopened.renderer().classAttribute() == "score_centralite"


@pytest.mark.parametrize("prefix", ["postgres://", "postgis:"])
def test_the_model_from_postgis_to_postgis(run_algorithm, postgis_cluster, reference, tmp_path, monkeypatch, prefix):
    """The scores written to PostGIS, the next steps (style, layout) reading them: a postgis: output is given
    back as postgres://, which QGIS 3.22 opens (as postgis: the style step could not read the layer)."""
    cluster = postgis_cluster
    monkeypatch.chdir(tmp_path)
    table = "model_scores" if prefix == "postgres://" else "model_scores_postgis"
    results, _ = run_algorithm("centralites:diagnostic_centralites", {
        "communes": cluster.postgres_uri("communes", "geom"),
        "tables": [cluster.postgres_uri("comparateur"), cluster.postgres_uri("bpe_domaines")],
        "title": "PostGIS",
        "score:communes_scorees": prefix + cluster.uri(table, "geom"),
        "join:rapport_jointure": str(tmp_path / "out" / "report.csv"),
        "layout:carte_pdf": str(tmp_path / "out" / "map.pdf"),
        "layout:carte_png": str(tmp_path / "out" / "map.png"),
    })
    assert results["score:communes_scorees"] == cluster.postgres_uri(table, "geom")
    assert scores_by_code(postgis_layer(cluster, table)) == reference
    assert (tmp_path / "out" / "map.pdf").read_bytes().startswith(b"%PDF")
    assert cluster.psql(f"SELECT count(*) FROM layer_styles WHERE f_table_name = '{table}' AND useasdefault") \
        == [["1"]]
    assert sorted(os.listdir(tmp_path)) == ["out"]  # no "postgres:" folder


def test_a_lower_cased_layer_is_labelled_and_outlined(run_algorithm, postgis_cluster, tmp_path):
    """nom and nom_epci (ogr2ogr's names) found for the labels and the intercommunalities' outlines."""
    cluster = postgis_cluster
    run_algorithm("centralites:join_tables", {
        "INPUT": cluster.postgres_uri("communes_lower", "geom"),
        "TABLES": [cluster.postgres_uri("comparateur_lower"), cluster.postgres_uri("bpe_domaines_lower")],
        "OUTPUT": "postgres://" + cluster.uri("lower_joined", "geom")})
    run_algorithm("centralites:centrality_score", {"INPUT": cluster.postgres_uri("lower_joined", "geom"),
                                                   "OUTPUT": "postgres://" + cluster.uri("lower_scored", "geom")})
    layer = postgis_layer(cluster, "lower_scored")
    run_algorithm("centralites:apply_style", {"INPUT": layer})
    assert layer.labelsEnabled() and '"nom"' in layer.labeling().settings().fieldName
    _, log = run_algorithm("centralites:export_layout", {"INPUT": layer, "DPI": 72,
                                                         "OUTPUT": str(tmp_path / "map.pdf")})
    assert "Outlines: 5 groups of communes by nom_epci." in log
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")


def test_a_postgis_table_of_the_project_is_read(run_algorithm, postgis_cluster, tmp_path):
    """A table layer of the project (a saved connection's table dragged in): given as the layer or its id."""
    from qgis.core import QgsProject

    table = QgsVectorLayer(postgis_cluster.uri("comparateur"), "comparateur", "postgres")
    assert table.isValid()
    QgsProject.instance().addMapLayer(table)
    try:
        for given in (table, table.id()):
            output = tmp_path / f"joined_{len(list(tmp_path.iterdir()))}.gpkg"
            run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [given],
                                                      "OUTPUT": str(output)})
            joined = QgsVectorLayer(str(output), "joined", "ogr")
            assert "P18_POP" in joined.fields().names() and "ogc_fid" not in joined.fields().names()
    finally:
        QgsProject.instance().removeMapLayer(table.id())


def test_a_table_by_service_name(run_algorithm, postgis_cluster, tmp_path, monkeypatch):
    """service=… (a connection of pg_service.conf) with its table, as QGIS's URI or after postgres://."""
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[centralites_test]\nhost={postgis_cluster.folder}\nport={postgis_cluster.port}\n"
                        f"dbname=centralites\nuser=postgres\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    for index, address in enumerate(("service=centralites_test table=\"public\".\"comparateur\"",
                                     "postgres://service='centralites_test' table=\"public\".\"comparateur\"")):
        output = tmp_path / f"joined_{index}.gpkg"
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [address],
                                                  "OUTPUT": str(output)})
        assert "P18_POP" in QgsVectorLayer(str(output), "joined", "ogr").fields().names()


def test_without_postgresql_the_tests_say_what_to_install(monkeypatch, tmp_path):
    """No cluster fixture here: the reason the PostGIS tests are skipped on a machine without PostgreSQL."""
    import postgis

    monkeypatch.setattr(postgis, "BINARIES", str(tmp_path / "15" / "bin"))
    reason = postgis.unavailable_reason()
    assert "PostgreSQL is not installed" in reason and "apt-get install postgresql-15-postgis-3" in reason
    with pytest.raises(postgis.ClusterUnavailable, match="PostgreSQL is not installed"):
        postgis.start()
