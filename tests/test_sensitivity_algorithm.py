"""centralites:sensitivity through processing.run on the sample territory."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


@pytest.fixture()
def joined(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "joined.gpkg")})
    return results["OUTPUT"]


def test_rank_bands_on_the_sample_territory(run_algorithm, joined, tmp_path):
    results, log = run_algorithm("centralites:sensitivity", {
        "INPUT": joined, "DRAWS": 200, "OUTPUT": str(tmp_path / "bands.gpkg")})
    layer = open_layer(results["OUTPUT"])
    assert layer.featureCount() == 319
    names = layer.fields().names()
    for name in ("rang_p05", "rang_p50", "rang_p95", "part_niveau_stable", "P18_POP"):
        assert name in names
    features = [f for f in layer.getFeatures() if f["rang_p50"] is not None]
    assert len(features) >= 318
    for f in features:
        assert 1 <= f["rang_p05"] <= f["rang_p50"] <= f["rang_p95"] <= 319
        assert 0 <= f["part_niveau_stable"] <= 100
    assert any("Median width of the 90 % rank band" in line for line in log)
    # Same seed, same bands.
    again, _ = run_algorithm("centralites:sensitivity", {
        "INPUT": joined, "DRAWS": 200, "OUTPUT": str(tmp_path / "again.gpkg")})
    first = {f["INSEE_COM"]: f["rang_p50"] for f in layer.getFeatures()}
    assert {f["INSEE_COM"]: f["rang_p50"] for f in open_layer(again["OUTPUT"]).getFeatures()} == first


def test_without_perturbation_the_bands_are_the_score_rank(run_algorithm, joined, tmp_path):
    bands, _ = run_algorithm("centralites:sensitivity", {
        "INPUT": joined, "DRAWS": 3, "WEIGHTS": 0, "NORMALISATIONS": [4], "AGGREGATIONS": [0],
        "OUTPUT": str(tmp_path / "b.gpkg")})
    scored, _ = run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": str(tmp_path / "s.gpkg")})
    ranks = {f["INSEE_COM"]: f["rang"] for f in open_layer(scored["OUTPUT"]).getFeatures()}
    for f in open_layer(bands["OUTPUT"]).getFeatures():
        assert f["rang_p05"] == f["rang_p95"] == ranks[f["INSEE_COM"]]
        if f["rang_p50"] is not None:
            assert f["part_niveau_stable"] == 100


def test_reference_without_a_code_is_refused(run_algorithm, joined, tmp_path):
    target = tmp_path / "r.gpkg"
    with pytest.raises(QgsProcessingException, match="reference commune"):
        run_algorithm("centralites:sensitivity", {
            "INPUT": joined, "DRAWS": 5, "NORMALISATIONS": [3], "OUTPUT": str(target)})
    assert not target.exists()
