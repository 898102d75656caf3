"""centralites:territory_summary and core.summary: the AULA table per intercommunality."""

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from centralites.core.summary import level_count_field, summarise

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


def test_summarise_by_hand():
    frame = pd.DataFrame({
        "epci": ["a", "a", "b", None],
        "nom": ["A", "A", "B", None],
        "pop": [100.0, 300.0, 50.0, 10.0],
        "jobs": [10.0, np.nan, 5.0, 1.0],
        "score": [100.0, 0.0, 40.0, np.nan],
        "code": [1, 5, 3, None],
    })
    table = summarise(frame, "epci", label="nom", sums=["pop", "jobs"], weight="pop", means=["score"],
                      level_code="code")
    assert table["territoire"].tolist() == ["", "a", "b", "TOTAL"]
    assert table["nom"].tolist() == ["", "A", "B", "Total"]
    assert table["nb_communes"].tolist() == [1, 2, 1, 4]
    assert table["pop"].tolist() == [10, 400, 50, 460]
    assert table["jobs"].tolist() == [1, 10, 5, 16]
    # (100 × 100 + 0 × 300) / 400 = 25; the TOTAL row leaves out the commune without a score.
    assert table["moy_score"].tolist()[1:] == pytest.approx([25, 40, (10000 + 2000) / 450])
    assert np.isnan(table["moy_score"].iloc[0])
    assert table[level_count_field("majeure")].tolist() == [0, 1, 0, 1]
    assert table[level_count_field("hors centralité")].tolist() == [0, 1, 0, 1]
    assert level_count_field("intermédiaire") == "nb_intermediaire"
    without_total = summarise(frame, "epci", sums=["pop"], total=False)
    assert without_total["territoire"].tolist() == ["", "a", "b"]


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
