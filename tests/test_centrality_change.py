"""centralites:centrality_change on the AULA sample territory with the real comparateur 2021 and BPE 2013 and 2019."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, real_insee

LENS, BETHUNE = "62498", "62119"


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


@pytest.fixture(scope="module")
def joined_path(tmp_path_factory):
    return str(tmp_path_factory.mktemp("joined") / "joined.gpkg")


@pytest.fixture()
def joined(run_algorithm, joined_path):
    import os

    if not os.path.exists(joined_path):
        run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
            "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv")], "OUTPUT": joined_path})
    return joined_path


@pytest.fixture()
def bpe():
    return {"BPE_BEFORE": real_insee("bpe2013_communes_dep62.csv"),
            "BPE_AFTER": real_insee("bpe2019_communes_dep62.csv")}


def by_code(path, field):
    return {f["INSEE_COM"]: f[field] for f in open_layer(path).getFeatures()}


def test_change_on_aula_with_the_bpe_of_two_years(run_algorithm, joined, bpe, tmp_path):
    results, log = run_algorithm("centralites:centrality_change", dict(
        bpe, INPUT=joined, OUTPUT=str(tmp_path / "change.gpkg"), TRANSITIONS=str(tmp_path / "transitions.gpkg")))
    layer = open_layer(results["OUTPUT"])
    names = layer.fields().names()
    for field in ("score_centralite_avant", "score_centralite_apres", "evol_centralite", "evol_habiter",
                  "niveau_avant", "niveau_apres", "mouvement", "moteurs_evolution", "evol_contrib_population",
                  "evol_contrib_commerces", "communes_fusionnees"):
        assert field in names, field
    assert "evol_contrib_vacance" not in names  # no vacancy at the 2013 census in the comparateur
    assert layer.featureCount() == 319
    text = "\n".join(log)
    assert "Dates: census 2013 and census 2018" in text
    assert "habiter.croissance_pop" in text and "consommer.etab_commerce" in text  # left out, and said
    assert "BPE nomenclature: 18 equipment types" in text
    # The contributions of the change add up to it.
    for feature in layer.getFeatures():
        if feature["evol_centralite"] is None or str(feature["evol_centralite"]) == "NULL":
            continue
        parts = sum(feature[n] or 0.0 for n in names if n.startswith("evol_contrib_"))
        assert parts == pytest.approx(feature["evol_centralite"], abs=1e-6)
    population = by_code(results["OUTPUT"], "evol_contrib_population")
    assert population[LENS] <= 1e-9 and population[BETHUNE] <= 1e-9
    table = open_layer(results["TRANSITIONS"])
    rows = [f.attributes() for f in table.getFeatures()]
    fields = table.fields().names()
    territory, communes = fields.index("territoire"), fields.index("communes")
    whole = [row for row in rows if row[territory] == "Ensemble du territoire"]
    assert sum(row[communes] for row in whole) == 319
    assert sum(row[communes] for row in rows if row[territory] != "Ensemble du territoire") == 319
    assert len({row[territory] for row in rows}) == 6  # the territory and its five intercommunalities
    assert any("rose" in line and "fell" in line for line in log)


def test_with_minmax_the_poles_lose_population_points(run_algorithm, joined, bpe, tmp_path):
    results, log = run_algorithm("centralites:centrality_change", dict(
        bpe, INPUT=joined, NORMALISATION=1, OUTPUT=str(tmp_path / "m.gpkg"),
        TRANSITIONS="TEMPORARY_OUTPUT"))
    population = by_code(results["OUTPUT"], "evol_contrib_population")
    assert population[LENS] < 0 and population[BETHUNE] < 0
    assert any("over both dates together" in line for line in log)


def test_without_bpe_the_equipment_indicators_are_left_out(run_algorithm, joined, tmp_path):
    results, log = run_algorithm("centralites:centrality_change", {
        "INPUT": joined, "OUTPUT": str(tmp_path / "n.gpkg"), "TRANSITIONS": "TEMPORARY_OUTPUT"})
    names = open_layer(results["OUTPUT"]).fields().names()
    assert "evol_contrib_commerces" not in names and "evol_contrib_population" in names
    assert any("No BPE files given" in line for line in log)


def test_one_bpe_file_is_refused(run_algorithm, joined, bpe, tmp_path):
    with pytest.raises(QgsProcessingException, match="both dates"):
        run_algorithm("centralites:centrality_change", {
            "INPUT": joined, "BPE_BEFORE": bpe["BPE_BEFORE"], "OUTPUT": str(tmp_path / "x.gpkg"),
            "TRANSITIONS": "TEMPORARY_OUTPUT"})
    assert not (tmp_path / "x.gpkg").exists()


def test_the_change_style_is_diverging_around_a_neutral_band(qgis_app, tmp_path):
    from centralites.processing.qml_styles import apply_change_style

    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=evol_centralite:double", "c", "memory")
    renderer = apply_change_style(layer, neutral=3.0)
    ranges = renderer.ranges()
    assert [(r.lowerValue(), r.upperValue()) for r in ranges] == [(-100, -6), (-6, -3), (-3, 3), (3, 6), (6, 100)]
    colours = [r.symbol().color().name() for r in ranges]
    assert colours[0] != colours[4] and colours[2] == "#f7f7f7"
    assert renderer.classAttribute() == "evol_centralite"


def test_apply_style_draws_the_change(run_algorithm, joined, bpe, tmp_path):
    results, _ = run_algorithm("centralites:centrality_change", dict(
        bpe, INPUT=joined, OUTPUT=str(tmp_path / "c.gpkg"), TRANSITIONS="TEMPORARY_OUTPUT"))
    layer = open_layer(results["OUTPUT"])
    _, log = run_algorithm("centralites:apply_style", {"INPUT": layer, "STYLE": 2, "SAVE_AS_DEFAULT": False})
    assert layer.renderer().classAttribute() == "evol_centralite"
    assert len(layer.renderer().ranges()) == 5
    assert any("Stable (within 2 points)" in line for line in log)


def test_rank_bands_of_the_sensitivity_make_moves_within_them_stable(run_algorithm, joined, bpe, tmp_path):
    banded, _ = run_algorithm("native:fieldcalculator", {
        "INPUT": joined, "FIELD_NAME": "rang_p05", "FIELD_TYPE": 1, "FORMULA": "1", "OUTPUT": "TEMPORARY_OUTPUT"})
    banded, _ = run_algorithm("native:fieldcalculator", {
        "INPUT": banded["OUTPUT"], "FIELD_NAME": "rang_p95", "FIELD_TYPE": 1,
        "FORMULA": "CASE WHEN \"INSEE_COM\" = '62498' THEN 1 ELSE 400 END", "OUTPUT": "TEMPORARY_OUTPUT"})
    results, log = run_algorithm("centralites:centrality_change", dict(
        bpe, INPUT=banded["OUTPUT"], OUTPUT=str(tmp_path / "b.gpkg"), TRANSITIONS="TEMPORARY_OUTPUT"))
    flags = by_code(results["OUTPUT"], "evolution_significative")
    ranks = by_code(results["OUTPUT"], "rang_avant")
    assert flags[LENS] == (1 if ranks[LENS] > 1 else 0)
    assert flags[BETHUNE] == 0  # rank band 1-400: every earlier rank within it
    assert any("Rank bands of the sensitivity found" in line for line in log)
    from centralites.processing.qml_styles import apply_change_style

    layer = open_layer(results["OUTPUT"])
    renderer = apply_change_style(layer)
    assert "evolution_significative" in renderer.classAttribute()


def test_territory_summary_counts_the_moves_per_intercommunality(run_algorithm, joined, bpe, tmp_path):
    results, _ = run_algorithm("centralites:centrality_change", dict(
        bpe, INPUT=joined, OUTPUT=str(tmp_path / "s.gpkg"), TRANSITIONS="TEMPORARY_OUTPUT"))
    summary, _ = run_algorithm("centralites:territory_summary", {
        "INPUT": results["OUTPUT"], "OUTPUT": "TEMPORARY_OUTPUT"})
    table = summary["OUTPUT"]
    names = table.fields().names()
    assert {"nb_progresse", "nb_recule", "nb_stable", "moy_evol_centralite"} <= set(names)
    total = [f for f in table.getFeatures() if f["territoire"] == "TOTAL"][0]
    changes = open_layer(results["OUTPUT"])
    moves = [f["mouvement"] for f in changes.getFeatures()]
    assert total["nb_progresse"] == moves.count("progresse") and total["nb_recule"] == moves.count("recule")
