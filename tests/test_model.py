"""The shipped Model Builder model, through processing.run, by id and from its file."""

import os
import subprocess

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


def test_model_chains_the_six_algorithms():
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    steps = sorted(child.algorithmId() for child in model.childAlgorithms().values())
    assert steps == ["centralites:apply_style", "centralites:centrality_score", "centralites:commune_sheets",
                     "centralites:compare_levels", "centralites:export_layout", "centralites:join_tables"]
    # The sheets are an optional output: left empty, the step makes nothing.
    assert not model.childAlgorithm("sheets").modelOutput("fiches_pdf").isMandatory()


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
    # The sheets were not asked: their step made nothing.
    assert results.get("sheets:fiches_pdf") is None and results["CHILD_RESULTS"]["sheets"]["PAGES"] == 0
    assert [path.name for path in tmp_path.glob("*.pdf")] == ["map.pdf"]


def test_model_makes_the_commune_sheets_when_asked(run_algorithm, tmp_path):
    parameters = model_parameters(tmp_path)
    parameters.update({"sheets:fiches_pdf": str(tmp_path / "fiches.pdf"),
                       "sheets_filter": "\"INSEE_COM\" IN ('62119', '62498')"})
    results, log = run_algorithm("centralites:diagnostic_centralites", parameters)
    assert results["sheets:fiches_pdf"] == str(tmp_path / "fiches.pdf")
    info = subprocess.run(["pdfinfo", str(tmp_path / "fiches.pdf")], capture_output=True, text=True, check=True)
    assert "Pages:           2" in info.stdout
    text = subprocess.run(["pdftotext", str(tmp_path / "fiches.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Béthune" in text and "Lens" in text
