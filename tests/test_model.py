"""The shipped Model Builder model, through processing.run, by id and from its file."""

import os

import pytest
from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer

from testdata import ROOT, SAMPLE_COMMUNES, SAMPLE_TABLES

MODEL = os.path.join(ROOT, "resources", "models", "diagnostic_centralites.model3")


def model_parameters(tmp_path):
    return {
        "communes": SAMPLE_COMMUNES,
        "tables": SAMPLE_TABLES,
        "title": "Test",
        "score:communes_scorees": str(tmp_path / "scores.gpkg"),
        "join:rapport_jointure": str(tmp_path / "report.csv"),
        "layout:carte_pdf": str(tmp_path / "map.pdf"),
        "layout:carte_png": str(tmp_path / "map.png"),
    }


def test_model_chains_the_five_algorithms():
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    steps = sorted(child.algorithmId() for child in model.childAlgorithms().values())
    assert steps == ["centralites:apply_style", "centralites:centrality_score", "centralites:compare_levels",
                     "centralites:export_layout", "centralites:join_tables"]


@pytest.mark.parametrize("how", ["provider id", "model file"])
def test_model_runs_the_whole_diagnosis(run_algorithm, tmp_path, how):
    algorithm = "centralites:diagnostic_centralites" if how == "provider id" else MODEL
    if how == "model file":
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(MODEL)
        algorithm = model
    results, _ = run_algorithm(algorithm, model_parameters(tmp_path))
    assert results["layout:carte_pdf"] == str(tmp_path / "map.pdf")
    assert (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "map.png").stat().st_size > 10000
    layer = QgsVectorLayer(str(tmp_path / "scores.gpkg"), "scores", "ogr")
    assert layer.featureCount() == 319
    assert "score_centralite" in layer.fields().names()
    assert layer.renderer().classAttribute() == "score_centralite"
    report = QgsVectorLayer(str(tmp_path / "report.csv"), "report", "ogr")
    assert report.isValid() and report.featureCount() == 2  # the two villages absent from the BPE
