"""centralites:compare_levels and core.agreement: a layer's levels against a reference classification."""

import os

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from centralites.core.agreement import AgreementError, anct_to_codes, compare, weighted_kappa

from testdata import SAMPLE_COMMUNES, real_insee


# --------------------------------------------------------------------------- core


def test_kappa_of_a_two_by_two_table_is_cohens():
    # The textbook example: 20 + 15 agreements of 50, chance 0.5 → κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
    assert weighted_kappa([[20, 5], [10, 15]], power=1) == pytest.approx(0.4)
    assert weighted_kappa([[20, 5], [10, 15]], power=2) == pytest.approx(0.4)


def test_kappa_weights_distance():
    perfect = np.diag([10, 5, 3, 2, 1])
    assert weighted_kappa(perfect) == pytest.approx(1.0)
    near = perfect.copy()
    near[0, 0], near[0, 1] = 9, 1  # one commune one level off
    far = perfect.copy()
    far[0, 0], far[0, 4] = 9, 1  # one commune four levels off
    assert 1.0 > weighted_kappa(near) > weighted_kappa(far)
    assert weighted_kappa(near, power=2) > weighted_kappa(near, power=1)


def test_compare_counts_what_it_cannot_compare():
    levels = pd.Series([1, 2, 3, 5, None, 4], index=list("abcdef"))
    reference = pd.Series([1, 4, 3, 5, 2], index=list("abcde"))  # f absent from the reference
    result = compare(levels, reference)
    assert result.compared == 4 and result.without_level == 1 and result.without_reference == 1
    assert result.exact == pytest.approx(0.75)
    assert result.confusion.loc[2, 4] == 1 and int(result.confusion.to_numpy().sum()) == 4
    assert result.differences["code"].tolist() == ["b"] and result.differences["ecart"].tolist() == [-2]
    assert result.higher == 1 and result.lower == 0


def test_anct_coding_is_reversed():
    assert anct_to_codes(["4", "0", "", None, "2"]).tolist()[:2] == [1.0, 5.0]
    assert anct_to_codes(["4", "0", "", None, "2"]).isna().tolist() == [False, False, True, True, False]


@pytest.mark.parametrize("levels, message", [
    (pd.Series([1, 7], index=["a", "b"]), "1 \\(majeure\\) to 5"),
    (pd.Series([1, "x"], index=["a", "b"]), "not a level code"),
    (pd.Series([1, 2], index=["a", "a"]), "more than once"),
    (pd.Series([None, None], index=["a", "b"]), "No commune has both"),
])
def test_compare_refuses_what_it_cannot_read(levels, message):
    with pytest.raises(AgreementError, match=message):
        compare(levels, pd.Series([1, 2], index=["a", "b"]))


# --------------------------------------------------------------------------- the algorithm


@pytest.fixture()
def scored_real(run_algorithm, tmp_path):
    joined = str(tmp_path / "joined.gpkg")
    run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
        "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv"), real_insee("bpe2019_domaines_dep62.csv")],
        "OUTPUT": joined})
    scored = str(tmp_path / "scored.gpkg")
    run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": scored})
    return scored


def test_against_the_shipped_anct_levels(run_algorithm, scored_real, tmp_path):
    chart = str(tmp_path / "matrix.png")
    results, log = run_algorithm("centralites:compare_levels", {
        "INPUT": scored_real, "OUTPUT": str(tmp_path / "matrix.csv"),
        "DIFFERENCES": str(tmp_path / "apart.gpkg"), "CHART": chart})
    # The commune of the Somme has no data in the Pas-de-Calais files: unscored, counted, not compared.
    assert results["COMPARED"] == 318
    assert 0.5 < results["KAPPA_QUADRATIC"] <= 1 and 0 < results["AGREEMENT"] <= 1
    assert any("318 communes compared with INRAE/ANCT 2021 levels" in line for line in log), log
    assert any("Communes without a level (not compared): 1." in line for line in log), log
    matrix = pd.read_csv(tmp_path / "matrix.csv")
    assert matrix["niveau_code"].tolist() == [1, 2, 3, 4, 5] and int(matrix["total"].sum()) == 318
    # The ANCT counts of the AULA territory (resources/reference/README.md): 2 majeur, 4 structurant,
    # 45 intermédiaire, 67 local, 201 non centre — less the commune of the Somme.
    reference_counts = matrix[["ref_majeure", "ref_structurante", "ref_intermediaire", "ref_locale",
                               "ref_hors_centralite"]].sum().tolist()
    assert reference_counts[:2] == [2, 4] and sum(reference_counts) == 318
    assert [a - b for a, b in zip([2, 4, 45, 67, 201], reference_counts)].count(1) == 1
    apart = QgsVectorLayer(str(tmp_path / "apart.gpkg"), "apart", "ogr")
    assert all(abs(f["ecart"]) >= 2 and f.hasGeometry() for f in apart.getFeatures())
    assert os.path.getsize(chart) > 1000


def test_a_field_against_itself_agrees_perfectly(run_algorithm, scored_real, tmp_path):
    results, _ = run_algorithm("centralites:compare_levels", {
        "INPUT": scored_real, "REFERENCE_FIELD": "niveau_code", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert results["KAPPA_QUADRATIC"] == pytest.approx(1.0) and results["AGREEMENT"] == pytest.approx(1.0)


def test_a_missing_level_field_is_said(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="niveau_code"):
        run_algorithm("centralites:compare_levels", {"INPUT": SAMPLE_COMMUNES, "OUTPUT": "TEMPORARY_OUTPUT"})


def test_the_shipped_model_compares_the_levels(tmp_path):
    """The model's last step: its figures in the model's log."""
    import processing
    from logs import LogFeedback

    feedback = LogFeedback()
    processing.run("centralites:diagnostic_centralites", {
        "communes": SAMPLE_COMMUNES, "code_field": "INSEE_COM",
        "tables": [real_insee("base_cc_comparateur_2021_dep62.csv"), real_insee("bpe2019_domaines_dep62.csv")],
        "title": "Test", "layout:carte_pdf": str(tmp_path / "map.pdf"), "score:communes_scorees": str(tmp_path / "s.gpkg"),
    }, feedback=feedback)
    assert any("318 communes compared with INRAE/ANCT 2021 levels" in line for line in feedback.lines)


def test_a_memory_layer_chained_from_the_score(run_algorithm, tmp_path):
    """As in the Python console or a model: the score's memory layer handed on as an object."""
    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
        "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv"), real_insee("bpe2019_domaines_dep62.csv")],
        "OUTPUT": "TEMPORARY_OUTPUT"})
    scored, _ = run_algorithm("centralites:centrality_score", {"INPUT": joined["OUTPUT"], "OUTPUT": "TEMPORARY_OUTPUT"})
    results, _ = run_algorithm("centralites:compare_levels", {
        "INPUT": scored["OUTPUT"], "OUTPUT": "TEMPORARY_OUTPUT", "DIFFERENCES": "TEMPORARY_OUTPUT"})
    assert results["COMPARED"] == 318 and results["KAPPA_QUADRATIC"] > 0.9
    assert {f["millesimes"] for f in scored["OUTPUT"].getFeatures()} == {
        "INSEE comparateur 2021: RP 2018, RP 2013, Filosofi 2019, REE 2018"}
