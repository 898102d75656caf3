"""PostGIS in and out, on a real throwaway PostgreSQL + PostGIS cluster (tests/postgis.py): every step
gives the GeoPackage run's scores; every address form users type for a table either works or says which
form to use; columns lower-cased by ogr2ogr are matched."""

import os

import pytest
from qgis.core import QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

pytestmark = pytest.mark.postgis


def scores_by_code(source, code_field="INSEE_COM", provider="ogr"):
    layer = source if isinstance(source, QgsVectorLayer) else QgsVectorLayer(source, "scores", provider)
    assert layer.isValid(), source
    return {feature[code_field]: (feature["score_centralite"], feature["niveau"], feature["rang"])
            for feature in layer.getFeatures()}


def test_the_cluster_has_the_sample_territory_in_both_spellings(postgis_cluster):
    print(f"PostgreSQL + PostGIS cluster started and loaded in {postgis_cluster.start_seconds:.1f} s")
    assert postgis_cluster.psql("SELECT count(*) FROM communes") == [["319"]]
    columns = [row[0] for row in postgis_cluster.psql(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'communes_lower'")]
    assert "insee_com" in columns and "INSEE_COM" not in columns
    columns = [row[0] for row in postgis_cluster.psql(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'comparateur'")]
    assert "P18_POP" in columns and "CODGEO" in columns
    layer = QgsVectorLayer(postgis_cluster.uri("communes", "geom"), "communes", "postgres")
    assert layer.isValid() and layer.featureCount() == 319
