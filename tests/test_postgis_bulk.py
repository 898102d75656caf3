"""PostGIS in bulk (processing/bulk_postgis.py, processing/postgis_tables.py), on the throwaway cluster: the
bulk write gives the feature sink's table (columns, types, key, geometry, values), whole or not at all, an
older table kept until the new one is complete; inputs and tables read in one query as QGIS reads them."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis


def table_shape(cluster, table, schema="public"):
    """Columns (name, type) in order, key, geometry column, type and SRID, indexes' kinds of ``schema.table``."""
    columns = [tuple(row) for row in cluster.psql(
        f"SELECT column_name, udt_name, coalesce(character_maximum_length::text, '') FROM information_schema.columns "
        f"WHERE table_schema = '{schema}' AND table_name = '{table}' ORDER BY ordinal_position")]
    key = cluster.psql(
        f"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
        f"WHERE i.indrelid = to_regclass('\"{schema}\".\"{table}\"') AND i.indisprimary")
    geometry = cluster.psql(f"SELECT f_geometry_column, type, srid, coord_dimension FROM geometry_columns "
                            f"WHERE f_table_schema = '{schema}' AND f_table_name = '{table}'")
    return columns, key, geometry


def table_rows(cluster, table, schema="public", order="INSEE_COM"):
    """Every row as text, the geometry as EWKB, ordered by ``order``."""
    columns = [row for row in cluster.psql(
        f"SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = '{schema}' "
        f"AND table_name = '{table}' ORDER BY ordinal_position")]
    values = " || '|' || ".join(
        f"coalesce(encode(ST_AsEWKB(\"{name}\"), 'hex'), 'NULL')" if kind == "geometry"
        else f"coalesce(\"{name}\"::text, 'NULL')" for name, kind in columns)
    return cluster.psql(f"SELECT {values} FROM \"{schema}\".\"{table}\" ORDER BY \"{order}\"")


def scratch_tables(cluster):
    return cluster.psql("SELECT relname FROM pg_class WHERE relname LIKE 'centralites_tmp_%'")


def join(run_algorithm, cluster, output, source="postgis", schema="public", **extra):
    if source == "by_code":  # keyed by its text code; no other unique column: the output gets a serial id
        cluster.psql('DROP TABLE IF EXISTS communes_by_code; CREATE TABLE communes_by_code AS SELECT * FROM communes '
                     'ORDER BY "INSEE_COM"; ALTER TABLE communes_by_code ADD PRIMARY KEY ("INSEE_COM")')
    inputs = {"postgis": cluster.postgres_uri("communes", "geom"), "gpkg": SAMPLE_COMMUNES,
              "by_code": cluster.postgres_uri("communes_by_code", "geom")}[source]
    tables = SAMPLE_TABLES if source == "gpkg" else \
        [cluster.postgres_uri("comparateur"), cluster.postgres_uri("bpe_domaines")]
    uri = f'{cluster.connection()} table="{schema}"."{output}" (geom)'
    return run_algorithm("centralites:join_tables", {"INPUT": inputs, "TABLES": tables, "OUTPUT": "postgres://" + uri,
                                                     **extra})


@pytest.mark.parametrize("source", ["postgis", "gpkg", "by_code"])
def test_the_bulk_write_gives_the_feature_sinks_table(run_algorithm, postgis_cluster, monkeypatch, source):
    cluster = postgis_cluster
    _, log = join(run_algorithm, cluster, f"bulk_{source}", source)
    assert f"Written in bulk to the PostGIS table public.bulk_{source} (COPY, one transaction)." in log
    from centralites.processing import bulk_postgis

    with monkeypatch.context() as patch:
        patch.setattr(bulk_postgis, "postgis_target", lambda *args: None)
        _, log = join(run_algorithm, cluster, f"sink_{source}", source)
    assert not [line for line in log if "in bulk" in line]
    bulk_columns, bulk_key, bulk_geometry = table_shape(cluster, f"bulk_{source}")
    assert (bulk_columns, bulk_key, bulk_geometry) == table_shape(cluster, f"sink_{source}")
    assert ("INSEE_COM", "varchar") in [column[:2] for column in bulk_columns]
    assert ("P18_POP", "float8") in [column[:2] for column in bulk_columns]
    assert bulk_key == [["id" if source == "by_code" else "fid"]]
    assert bulk_geometry == [["geom", "MULTIPOLYGON", "2154", "2"]]
    assert table_rows(cluster, f"bulk_{source}") == table_rows(cluster, f"sink_{source}")
    assert len(table_rows(cluster, f"bulk_{source}")) == 319
    # The spatial index, the key's constraint named after the table; no scratch table left.
    assert cluster.psql(f"SELECT count(*) FROM pg_indexes WHERE tablename = 'bulk_{source}' "
                        "AND indexdef LIKE '%USING gist%'") == [["1"]]
    assert cluster.psql(f"SELECT conname FROM pg_constraint WHERE conrelid = 'bulk_{source}'::regclass "
                        "AND contype = 'p'") == [[f"bulk_{source}_pkey"]]
    assert scratch_tables(cluster) == []
    if source == "by_code":  # the serial key's sequence, named after the table, goes on from the last id
        assert cluster.psql(f"SELECT pg_get_serial_sequence('bulk_{source}', 'id')") == \
            [[f"public.bulk_{source}_id_seq"]]
        assert cluster.psql(f"SELECT nextval('bulk_{source}_id_seq')") == [["320"]]
    layer = QgsVectorLayer(cluster.uri(f"bulk_{source}", "geom"), "bulk", "postgres")  # QGIS opens it
    assert layer.isValid() and layer.featureCount() == 319 and layer.crs().authid() == "EPSG:2154"


@pytest.mark.parametrize("source", ["postgis", "gpkg"])
def test_the_score_written_in_bulk_equals_the_sinks(run_algorithm, postgis_cluster, monkeypatch, source):
    """From a table keyed by an int4 (QGIS's feature ids) and by an int8 (a GeoPackage's fid, numbered by QGIS)."""
    cluster = postgis_cluster
    join(run_algorithm, cluster, f"to_score_{source}", source)
    key_type = cluster.psql(f"SELECT udt_name FROM information_schema.columns WHERE table_name = 'to_score_{source}' "
                            "AND column_name = 'fid'")
    assert key_type == [["int4" if source == "postgis" else "int8"]]
    scored = {}
    for path in ("bulk", "sink"):
        from centralites.processing import bulk_postgis

        if path == "sink":
            monkeypatch.setattr(bulk_postgis, "postgis_target", lambda *args: None)
        scored[path] = f"scored_{path}_{source}"
        _, log = run_algorithm("centralites:centrality_score", {
            "INPUT": cluster.postgres_uri(f"to_score_{source}", "geom"),
            "OUTPUT": "postgres://" + cluster.uri(scored[path], "geom")})
        assert (path == "bulk") == any(
            f"Written in bulk to the PostGIS table public.{scored[path]} (COPY, one transaction)." in line
            for line in log)
    assert table_shape(cluster, scored["bulk"]) == table_shape(cluster, scored["sink"])
    assert ("explication", "varchar") in [column[:2] for column in table_shape(cluster, scored["bulk"])[0]]
    assert table_rows(cluster, scored["bulk"]) == table_rows(cluster, scored["sink"])


class CancelWhenWritten(QgsProcessingFeedback):
    """Cancels the run once the output table is written, before the run ends."""

    def pushInfo(self, info):  # noqa: N802
        if "Written in bulk" in info or "Read bpe_domaines" in info:
            self.cancel()


def test_a_cancelled_or_failing_run_keeps_the_older_table_and_leaves_nothing(run_algorithm, postgis_cluster,
                                                                             provider):
    import processing

    cluster = postgis_cluster
    join(run_algorithm, cluster, "kept")
    before = table_rows(cluster, "kept")
    cluster.psql("UPDATE kept SET \"NOM\" = 'older run'")
    older = table_rows(cluster, "kept")
    assert older != before
    # Cancelled after the table was written, before the run ended: nothing replaced.
    results = processing.run("centralites:join_tables", {
        "INPUT": cluster.postgres_uri("communes", "geom"),
        "TABLES": [cluster.postgres_uri("comparateur"), cluster.postgres_uri("bpe_domaines")],
        "OUTPUT": "postgres://" + cluster.uri("kept", "geom")}, feedback=CancelWhenWritten())
    assert not results.get("OUTPUT")
    assert table_rows(cluster, "kept") == older and scratch_tables(cluster) == []
    # Failing after the table was written (its report cannot be created): nothing replaced either.
    with pytest.raises(QgsProcessingException):
        join(run_algorithm, cluster, "kept",
             REPORT="postgres://" + f'{cluster.connection()} table="no_such_schema"."report"')
    assert table_rows(cluster, "kept") == older and scratch_tables(cluster) == []
    # A new destination of a failed run is not created at all.
    with pytest.raises(QgsProcessingException):
        join(run_algorithm, cluster, "never_made",
             REPORT="postgres://" + f'{cluster.connection()} table="no_such_schema"."report"')
    assert cluster.psql("SELECT to_regclass('public.never_made') IS NULL") == [["t"]]
    assert scratch_tables(cluster) == []
    # The run that completes replaces it.
    join(run_algorithm, cluster, "kept")
    assert table_rows(cluster, "kept") == before


def test_schema_qualified_mixed_case_and_lower_cased_names(run_algorithm, postgis_cluster, monkeypatch):
    cluster = postgis_cluster
    cluster.psql('CREATE SCHEMA IF NOT EXISTS "Agence"; DROP TABLE IF EXISTS "Agence"."Communes Lower"; '
                 'CREATE TABLE "Agence"."Communes Lower" AS SELECT * FROM communes_lower; '
                 'ALTER TABLE "Agence"."Communes Lower" ADD PRIMARY KEY (fid)')
    tables = [cluster.postgres_uri("comparateur_lower"), cluster.postgres_uri("bpe_domaines_lower")]
    inputs = "postgres://" + f'{cluster.connection()} table="Agence"."Communes Lower" (geom)'
    for name, bulk in (("Scores Agence", True), ("Scores Sink", False)):
        from centralites.processing import bulk_postgis

        if not bulk:
            monkeypatch.setattr(bulk_postgis, "postgis_target", lambda *args: None)
        _, log = run_algorithm("centralites:join_tables", {
            "INPUT": inputs, "TABLES": tables,
            "OUTPUT": "postgres://" + f'{cluster.connection()} table="Agence"."{name}" (geom)'})
        assert bulk == any(f"Written in bulk to the PostGIS table Agence.{name}" in line for line in log)
    shape = table_shape(cluster, "Scores Agence", "Agence")
    assert shape == table_shape(cluster, "Scores Sink", "Agence")
    assert {("insee_com", "varchar"), ("p18_pop", "float8")} <= {column[:2] for column in shape[0]}
    assert table_rows(cluster, "Scores Agence", "Agence", "insee_com") == \
        table_rows(cluster, "Scores Sink", "Agence", "insee_com")
    assert cluster.psql("SELECT count(*) FROM \"Agence\".\"Scores Agence\"") == [["319"]]
    assert scratch_tables(cluster) == []


def test_a_table_views_depend_on_is_not_replaced_in_bulk(run_algorithm, postgis_cluster):
    from centralites.processing.postgis_reading import connect
    from centralites.processing.postgis_tables import views_depending_on

    cluster = postgis_cluster
    join(run_algorithm, cluster, "viewed_bulk")
    cluster.psql("CREATE OR REPLACE VIEW viewed_bulk_names AS SELECT \"INSEE_COM\", \"NOM\" FROM viewed_bulk")
    layer = QgsVectorLayer(cluster.uri("viewed_bulk", "geom"), "viewed_bulk", "postgres")
    connection = connect(layer.dataProvider().uri())
    try:
        with connection.cursor() as cursor:
            assert views_depending_on(cursor, "public", "viewed_bulk") == ["public.viewed_bulk_names"]
            assert views_depending_on(cursor, "public", "communes") == []
            assert views_depending_on(cursor, "public", "no_such_table") == []
    finally:
        connection.close()
    del layer
    # Refused before any work (failures.guarded: tests/test_postgis_outputs.py); the bulk writer's own
    # check (views_depending_on) stays for a writer called outside an algorithm.
    with pytest.raises(QgsProcessingException, match="view"):
        join(run_algorithm, cluster, "viewed_bulk")
    assert cluster.psql("SELECT count(*) FROM viewed_bulk_names") == [["319"]]
    assert scratch_tables(cluster) == []


def test_a_postgis_layer_read_in_one_query_equals_the_feature_by_feature_read(postgis_cluster, qgis_app):
    from centralites.processing.frames import WholeLayer, read_attributes
    from centralites.processing.table_inputs import layer_as_text_frame

    cluster = postgis_cluster
    cluster.psql("DROP TABLE IF EXISTS typed; CREATE TABLE typed (id bigint PRIMARY KEY, code varchar, n numeric, "
                 "i integer, t text, f float8); INSERT INTO typed SELECT 1000 + g * 7, lpad(g::text, 5, '0'), "
                 "g / 3.0, CASE WHEN g % 5 = 0 THEN NULL ELSE g END, 'é\t' || g, g * 0.1 "
                 "FROM generate_series(1, 300) g ORDER BY random()")
    for table, names, code in (("communes", ["INSEE_COM", "POPULATION", "NOM"], "INSEE_COM"),
                               ("typed", ["code", "n", "i", "t", "f"], "code")):
        layer = QgsVectorLayer(cluster.uri(table, "geom" if table == "communes" else None), table, "postgres")
        assert layer.isValid()
        whole = WholeLayer(layer)
        assert whole.postgis_table is not None and whole.postgis_table.key in ("fid", "id")
        one_query_ids, each_ids = [], []
        one_query = read_attributes(whole, names, QgsProcessingFeedback(), code, one_query_ids)
        each = read_attributes(layer, names, QgsProcessingFeedback(), code, each_ids)
        position = {fid: index for index, fid in enumerate(each_ids)}
        order = [position[fid] for fid in one_query_ids]
        assert sorted(one_query_ids) == sorted(each_ids)  # QGIS's feature ids (an int8 key's numbered by QGIS)
        expected = each.iloc[order].reset_index(drop=True)
        assert one_query.equals(expected), (one_query.head(), expected.head())
        assert list(one_query.dtypes) == list(expected.dtypes)
        # A table read as text (TABLES): one query, the cells of the read cell by cell.
        as_text = layer_as_text_frame(layer)
        layer.setSubsetString("TRUE")  # a filter: read by QGIS, cell by cell
        cell_by_cell = layer_as_text_frame(layer)
        assert as_text.equals(cell_by_cell)


def test_reading_postgis_takes_one_query(postgis_cluster, qgis_app, monkeypatch):
    """The reading goes by SQL, not by QGIS's features: the layer's features are never asked for."""
    from centralites.processing.frames import WholeLayer, read_attributes
    from centralites.processing.table_inputs import layer_as_text_frame

    layer = QgsVectorLayer(postgis_cluster.uri("comparateur"), "comparateur", "postgres")
    whole = WholeLayer(QgsVectorLayer(postgis_cluster.uri("communes", "geom"), "communes", "postgres"))

    def refuse(*args, **kwargs):
        raise AssertionError("read feature by feature")

    monkeypatch.setattr(QgsVectorLayer, "getFeatures", refuse)
    assert len(layer_as_text_frame(layer)) == 319
    assert len(read_attributes(whole, ["INSEE_COM"], QgsProcessingFeedback(), "INSEE_COM", [])) == 319


def test_an_output_address_without_geometry_column_or_with_a_key(run_algorithm, postgis_cluster, monkeypatch):
    """The table QGIS's provider makes of ``table=…`` alone, or with ``key=…``, whichever path writes it."""
    from centralites.processing import bulk_postgis

    cluster = postgis_cluster
    for path in ("bulk", "sink"):
        if path == "sink":
            monkeypatch.setattr(bulk_postgis, "postgis_target", lambda *args: None)
        for name, extra in (("no_geometry_column", ""), ("keyed", " key='INSEE_COM'")):
            _, log = run_algorithm("centralites:join_tables", {
                "INPUT": cluster.postgres_uri("communes", "geom"),
                "TABLES": [cluster.postgres_uri("comparateur")],
                "OUTPUT": f'postgres://{cluster.connection()}{extra} table="public"."{name}_{path}"'})
            assert (path == "bulk") == any("Written in bulk" in line for line in log)
    for name in ("no_geometry_column", "keyed"):
        assert table_shape(cluster, f"{name}_bulk") == table_shape(cluster, f"{name}_sink")
        assert table_rows(cluster, f"{name}_bulk") == table_rows(cluster, f"{name}_sink")


def test_a_table_scored_again_onto_itself(run_algorithm, postgis_cluster):
    """INPUT and OUTPUT the same table: read, then replaced only once the new one is complete."""
    cluster = postgis_cluster
    join(run_algorithm, cluster, "in_place")
    run_algorithm("centralites:centrality_score", {"INPUT": cluster.postgres_uri("in_place", "geom"),
                                                   "OUTPUT": "postgres://" + cluster.uri("scored_once", "geom")})
    for _ in range(2):
        _, log = run_algorithm("centralites:centrality_score", {
            "INPUT": cluster.postgres_uri("in_place", "geom"),
            "OUTPUT": "postgres://" + cluster.uri("in_place", "geom")})
        assert any("Written in bulk to the PostGIS table public.in_place" in line for line in log)
    assert table_rows(cluster, "in_place") == table_rows(cluster, "scored_once")
    assert scratch_tables(cluster) == []
