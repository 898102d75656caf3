"""PostGIS outputs, on the throwaway PostgreSQL + PostGIS cluster (tests/postgis.py): every address form users
type for an output either writes the table or says which form to type (QGIS 3.22 made a GeoPackage file of the
URI's name in the working folder, or failed on a provider's error); an output onto a table that views depend on
is refused before anything is written, naming the views, and the table and its views stay as they were (QGIS
3.22 failed on PostgreSQL's "cannot drop table" after the algorithm's work; OGR's overwrite drops them)."""

import os

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis


def columns_of(cluster, table):
    return [row[0] for row in cluster.psql(
        f"SELECT column_name FROM information_schema.columns WHERE table_name = '{table}' ORDER BY ordinal_position")]


def views(cluster):
    return sorted(row[0] for row in cluster.psql(
        "SELECT table_schema || '.' || table_name FROM information_schema.views WHERE table_schema NOT IN "
        "('pg_catalog', 'information_schema') AND table_name NOT IN ('geography_columns', 'geometry_columns')"))


def join(run_algorithm, output, tables=SAMPLE_TABLES):
    return run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": tables, "OUTPUT": output})


def test_rerunning_onto_a_table_views_depend_on_keeps_the_table_and_says_why(run_algorithm, postgis_cluster,
                                                                             tmp_path):
    cluster = postgis_cluster
    output = "postgres://" + cluster.uri("viewed", "geom")
    join(run_algorithm, output)
    cluster.psql('CREATE SCHEMA IF NOT EXISTS "études"; '
                 'CREATE VIEW viewed_population AS SELECT "INSEE_COM", "P18_POP" FROM viewed; '
                 'CREATE VIEW "études"."Grandes communes" AS SELECT * FROM viewed_population '
                 'WHERE "P18_POP"::int > 10000; '
                 'CREATE MATERIALIZED VIEW viewed_summary AS SELECT count(*) AS communes FROM viewed')
    before = columns_of(cluster, "viewed")
    assert "NB_EQUIP_D" in before
    for algorithm, parameters in (
            ("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES[:1], "OUTPUT": output}),
            ("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES[:1],
                                         "OUTPUT": "postgis:" + cluster.uri("viewed", "geom")}),
            ("centralites:centrality_score", {"INPUT": output, "OUTPUT": output})):
        with pytest.raises(QgsProcessingException) as raised:
            run_algorithm(algorithm, parameters)
        message = str(raised.value)
        assert 'the table "public"."viewed" already exists and 3 view(s) depend on it' in message
        assert 'public.viewed_population, public.viewed_summary, "études"."Grandes communes"' in message \
            or '"études"."Grandes communes", public.viewed_population, public.viewed_summary' in message
        assert "Choose another table name, or drop the views" in message
    assert columns_of(cluster, "viewed") == before  # the old data: not the one-table join
    assert cluster.psql("SELECT count(*) FROM viewed") == [["319"]]
    assert cluster.psql('SELECT count(*) FROM "études"."Grandes communes"')[0][0].isdigit()
    assert {"public.viewed_population", "études.Grandes communes"} <= set(views(cluster))
    assert cluster.psql("SELECT communes FROM viewed_summary") == [["319"]]


def test_dependent_views_of_a_table(provider, postgis_cluster):
    from centralites.processing.postgis_tables import dependent_views

    cluster = postgis_cluster
    cluster.psql("CREATE TABLE lonely AS SELECT 1 AS a; CREATE TABLE watched AS SELECT 1 AS a; "
                 "CREATE VIEW watched_1 AS SELECT a FROM watched; CREATE VIEW watched_2 AS SELECT a FROM watched_1")
    assert dependent_views("postgres://" + cluster.uri("watched")) == ["public.watched_1", "public.watched_2"]
    assert dependent_views(cluster.uri("watched")) == ["public.watched_1", "public.watched_2"]
    assert dependent_views("postgres://" + cluster.uri("lonely")) == []
    assert dependent_views("postgres://" + cluster.uri("no_such_table")) == []


def test_rerunning_onto_a_table_without_views_replaces_it(run_algorithm, postgis_cluster):
    cluster = postgis_cluster
    output = "postgres://" + cluster.uri("replaced", "geom")
    join(run_algorithm, output)
    join(run_algorithm, output, SAMPLE_TABLES[:1])
    assert "P18_POP" in columns_of(cluster, "replaced") and "NB_EQUIP_D" not in columns_of(cluster, "replaced")


@pytest.mark.parametrize("form", ["postgres://", "postgis:", "postgres:", "postgres://service="])
def test_the_output_forms_qgis_writes(run_algorithm, postgis_cluster, tmp_path, monkeypatch, form):
    """Written, and given back as postgres://, the form the next step opens."""
    cluster = postgis_cluster
    monkeypatch.chdir(tmp_path)
    table = "out_" + "".join(character for character in form if character.isalpha())
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[centralites_out]\nhost={cluster.folder}\nport={cluster.port}\ndbname=centralites\n"
                        f"user=postgres\n", encoding="utf-8")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    output = f'postgres://service=centralites_out table="public"."{table}" (geom)' if "service" in form \
        else form + cluster.uri(table, "geom")
    results, _ = join(run_algorithm, output)
    assert results["OUTPUT"].startswith("postgres://")
    assert QgsVectorLayer(results["OUTPUT"][len("postgres://"):], table, "postgres").featureCount() == 319
    assert cluster.psql(f"SELECT count(*) FROM {table}") == [["319"]]
    assert sorted(os.listdir(tmp_path)) == ["pg_service.conf"]  # no file, no "postgres:" folder


@pytest.mark.parametrize("form", ["uri", "service=", "PG:", "postgresql://"])
def test_the_output_forms_qgis_does_not_write_say_which_to_type(run_algorithm, postgis_cluster, tmp_path,
                                                                monkeypatch, form):
    """Before: a GeoPackage named 'service=… table=….gpkg' in the working folder, or a provider's error."""
    cluster = postgis_cluster
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PGSERVICEFILE", str(tmp_path / "none.conf"))
    given, expected = {
        "uri": (cluster.uri("out_uri", "geom"), "postgres://" + cluster.uri("out_uri", "geom")),
        "service=": ('service=centralites_out table="public"."out_service" (geom)',
                     'postgres://service=centralites_out table="public"."out_service" (geom)'),
        "PG:": (f"PG:{cluster.connection()} tables=out_pg",
                f'postgres://{cluster.connection()} table="public"."out_pg" (geom)'),
        "postgresql://": ("postgresql://" + cluster.uri("out_postgresql", "geom"),
                          "postgres://" + cluster.uri("out_postgresql", "geom")),
    }[form]
    with pytest.raises(QgsProcessingException) as raised:
        join(run_algorithm, given)
    assert f"Joined communes: {given}: write a PostGIS output as {expected}" in str(raised.value)
    assert os.listdir(tmp_path) == []
    assert cluster.psql("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'out\\_%' "
                        "AND table_name IN ('out_uri', 'out_service', 'out_pg', 'out_postgresql')") == [["0"]]


def test_an_output_address_without_its_table_says_so(run_algorithm, postgis_cluster):
    with pytest.raises(QgsProcessingException, match=r"the output address names no table.*table="):
        join(run_algorithm, "postgres://" + postgis_cluster.connection())


def test_the_model_refuses_an_output_it_would_write_as_a_file(provider, postgis_cluster, tmp_path, monkeypatch):
    """A model's scored layer given as service=… (the URI alone): said in the log, no file in the working folder."""
    import processing
    from logs import LogFeedback

    log = LogFeedback()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(QgsProcessingException, match="Score"):
        processing.run("centralites:diagnostic_centralites", {
            "communes": SAMPLE_COMMUNES, "tables": SAMPLE_TABLES, "title": "PostGIS",
            "score:communes_scorees": 'service=centralites_out table="public"."model_service" (geom)',
            "join:rapport_jointure": str(tmp_path / "out" / "report.csv"),
            "layout:carte_pdf": str(tmp_path / "out" / "map.pdf")}, feedback=log)
    assert any("write a PostGIS output as postgres://service=centralites_out" in line for line in log.lines)
    assert not [name for name in os.listdir(tmp_path) if name.startswith("service=")]
