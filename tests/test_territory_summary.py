"""centralites:territory_summary and core.summary: the AULA table per intercommunality."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES

# The AULA deck: inhabitants per intercommunality (SIREN of today's EPCI).
AULA_TABLE = {
    "200072460": ("CA Béthune-Bruay", 278_000),
    "246200364": ("CA Lens-Liévin", 242_000),
    "246200299": ("CA Hénin-Carvin", 125_000),
    "200069672": ("CC Ternois", 38_500),
    "200044030": ("CC 7 Vallées", 29_700),
}


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


def test_reproduces_the_aula_table(run_algorithm, tmp_path):
    results, log = run_algorithm("centralites:territory_summary", {
        "INPUT": SAMPLE_COMMUNES, "OUTPUT": str(tmp_path / "summary.csv")})
    rows = {f["territoire"]: f for f in open_layer(results["OUTPUT"]).getFeatures()}
    assert set(rows) == set(AULA_TABLE) | {"TOTAL"}
    for siren, (name, inhabitants) in AULA_TABLE.items():
        population = float(rows[siren]["POPULATION"])
        assert abs(population - inhabitants) / inhabitants < 0.015, (name, population)
    assert abs(float(rows["TOTAL"]["POPULATION"]) - 715_000) / 715_000 < 0.015
    assert int(rows["TOTAL"]["nb_communes"]) == 319
    assert rows["246200364"]["nom"] == "Communauté d'agglomération de Lens - Liévin"
    assert any("5 territories summarised" in line for line in log)


def test_scores_levels_and_weighted_means(run_algorithm, tmp_path):
    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "j.gpkg")})
    scored, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined["OUTPUT"], "OUTPUT": str(tmp_path / "s.gpkg")})
    results, _ = run_algorithm("centralites:territory_summary", {
        "INPUT": scored["OUTPUT"], "SUM_FIELDS": ["POPULATION", "P18_EMPLT"], "OUTPUT": str(tmp_path / "t.gpkg")})
    table = open_layer(results["OUTPUT"])
    names = table.fields().names()
    for name in ("moy_score_centralite", "moy_score_habiter", "nb_majeure", "nb_hors_centralite", "P18_EMPLT"):
        assert name in names
    rows = {f["territoire"]: f for f in table.getFeatures()}
    communes = list(open_layer(scored["OUTPUT"]).getFeatures())
    lens_lievin = [f for f in communes if f["SIREN_EPCI"] == "246200364"]
    levels = sum(rows["246200364"][f"nb_{k}"] for k in ("majeure", "structurante", "intermediaire", "locale",
                                                       "hors_centralite"))
    assert levels == len(lens_lievin) == rows["246200364"]["nb_communes"]
    known = [f for f in lens_lievin if f["score_centralite"] is not None]
    expected = sum(f["score_centralite"] * f["POPULATION"] for f in known) / sum(f["POPULATION"] for f in known)
    assert rows["246200364"]["moy_score_centralite"] == pytest.approx(expected)
    # The urban agglomerations are more central than the rural communities, weighted by population.
    assert rows["246200364"]["moy_score_centralite"] > rows["200044030"]["moy_score_centralite"]
    total_levels = sum(rows["TOTAL"][f"nb_{k}"] for k in ("majeure", "structurante", "intermediaire", "locale",
                                                           "hors_centralite"))
    assert 0 < total_levels <= rows["TOTAL"]["nb_communes"]


def test_absent_field_is_named(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="'EPCI' is not in the layer. Fields found"):
        run_algorithm("centralites:territory_summary", {
            "INPUT": SAMPLE_COMMUNES, "GROUP_FIELD": "EPCI", "OUTPUT": str(tmp_path / "t.csv")})
    with pytest.raises(QgsProcessingException, match="'NOM' holds no numbers"):
        run_algorithm("centralites:territory_summary", {
            "INPUT": SAMPLE_COMMUNES, "SUM_FIELDS": ["NOM"], "OUTPUT": str(tmp_path / "t.csv")})
