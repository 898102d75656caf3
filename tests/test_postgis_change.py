"""centrality_change from PostGIS to PostGIS, on the throwaway cluster of tests/postgis.py (skipped with the
reason when it cannot start): the joined communes, the BPE tables of the two dates and the outputs (the change
and the transition table) in the database give the GeoPackage run's values."""

import os
import subprocess

import pytest
from qgis.core import QgsVectorLayer

from testdata import SAMPLE, SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis

BPE_LONG = os.path.join(SAMPLE, "illustratif_bpe_communes.csv")
FIELDS = ("score_centralite_avant", "score_centralite_apres", "evol_centralite", "score_habiter_avant",
          "evol_travailler", "rang_avant", "rang_apres", "niveau_avant", "niveau_apres", "mouvement",
          "moteurs_evolution")


def values_by_code(layer):
    from centralites.compat import python_value

    assert layer.isValid() and layer.featureCount() == 319
    names = layer.fields().names()
    contributions = sorted(n for n in names if n.startswith("evol_contrib_"))
    out = {}
    for feature in layer.getFeatures():
        row = []
        for name in FIELDS + tuple(contributions):
            value = python_value(feature[name])
            row.append(round(float(value), 6) if isinstance(value, float) else value)
        out[str(feature["INSEE_COM"])] = tuple(row)
    return contributions, out


def transition_rows(layer):
    from centralites.compat import python_value

    rows = []
    for feature in layer.getFeatures():
        rows.append(tuple(round(v, 6) if isinstance(v, float) else v
                          for v in (python_value(feature[n]) for n in ("territoire", "niveau_avant", "niveau_apres",
                                                                       "mouvement", "communes", "population_avant",
                                                                       "population_apres"))))
    return sorted(rows, key=str)


def load_csv(cluster, path, table):
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", "PG:" + cluster.connection(), path, "-oo", "AUTODETECT_TYPE=NO",
                    "-nln", table, "-lco", "LAUNDER=NO", "-overwrite"],
                   capture_output=True, text=True, check=True, stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("with_bpe", [False, True], ids=["comparateur", "bpe-of-two-dates"])
def test_change_from_postgis_to_postgis_equals_the_geopackage_run(run_algorithm, postgis_cluster, tmp_path,
                                                                  monkeypatch, with_bpe):
    cluster = postgis_cluster
    monkeypatch.chdir(tmp_path)  # a database output makes no folder here
    # The GeoPackage run: the sample's tables, the BPE long table given as a file for both dates.
    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "joined.gpkg")})
    bpe_files = {"BPE_BEFORE": BPE_LONG, "BPE_AFTER": BPE_LONG} if with_bpe else {}
    reference, _ = run_algorithm("centralites:centrality_change", dict(
        bpe_files, INPUT=joined["OUTPUT"], OUTPUT=str(tmp_path / "change.gpkg"),
        TRANSITIONS=str(tmp_path / "transitions.gpkg")))
    contributions, expected = values_by_code(QgsVectorLayer(reference["OUTPUT"], "gpkg", "ogr"))
    expected_transitions = transition_rows(QgsVectorLayer(reference["TRANSITIONS"], "t", "ogr"))
    # The same from the database to the database.
    suffix = "bpe" if with_bpe else "plain"
    run_algorithm("centralites:join_tables", {
        "INPUT": cluster.postgres_uri("communes", "geom"),
        "TABLES": [cluster.postgres_uri("comparateur"), cluster.postgres_uri("bpe_domaines")],
        "OUTPUT": "postgres://" + cluster.uri(f"change_joined_{suffix}", "geom")})
    bpe_tables = {}
    if with_bpe:
        for date in ("avant", "apres"):
            load_csv(cluster, BPE_LONG, f"bpe_long_{date}")
        bpe_tables = {"BPE_BEFORE": cluster.postgres_uri("bpe_long_avant"),
                      "BPE_AFTER": cluster.postgres_uri("bpe_long_apres")}
    results, log = run_algorithm("centralites:centrality_change", dict(
        bpe_tables, INPUT=cluster.postgres_uri(f"change_joined_{suffix}", "geom"),
        OUTPUT="postgres://" + cluster.uri(f"change_{suffix}", "geom"),
        TRANSITIONS="postgres://" + cluster.uri(f"transitions_{suffix}")))
    layer = QgsVectorLayer(cluster.uri(f"change_{suffix}", "geom"), "change", "postgres")
    got_contributions, got = values_by_code(layer)
    assert got_contributions == contributions
    assert ("evol_contrib_commerces" in contributions) == with_bpe  # the BPE's indicators compared with it
    assert got == expected
    table = QgsVectorLayer(cluster.uri(f"transitions_{suffix}"), "transitions", "postgres")
    assert table.isValid() and transition_rows(table) == expected_transitions
    assert os.listdir(tmp_path) and not [name for name in os.listdir(tmp_path) if name.startswith("postgres")]
