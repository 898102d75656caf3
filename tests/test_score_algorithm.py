"""centralites:centrality_score with its method parameters and its statistics table."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES


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
            "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM", "TABLES": SAMPLE_TABLES, "OUTPUT": joined_path})
    return joined_path


def scores_by_code(path, field="score_centralite"):
    return {f["INSEE_COM"]: f[field] for f in open_layer(path).getFeatures()}


def test_defaults_are_the_profiles_methods(run_algorithm, joined, tmp_path):
    default, _ = run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": str(tmp_path / "a.gpkg")})
    explicit, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "NORMALISATION": 5, "AGGREGATION": 1, "LEVEL_METHOD": 1, "OUTPUT": str(tmp_path / "b.gpkg")})
    assert scores_by_code(default["OUTPUT"]) == scores_by_code(explicit["OUTPUT"])
    from centralites.core.profile import load_profile

    limits = ", ".join(f"{t:.1f}" for t in load_profile()["levels"]["thresholds"])
    assert any(f"normalisation national, aggregation arithmetic, levels thresholds (limits {limits})"
               in line for line in log), log
    assert "STATISTICS" not in default  # optional, not created by default


def test_fixed_limits_are_not_applied_to_another_scale(run_algorithm, joined, tmp_path):
    """The profile's limits are set on its national scale: a min-max run classes by quantiles, and says so."""
    _, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "NORMALISATION": 1, "OUTPUT": str(tmp_path / "m.gpkg")})
    assert any("levels by quantiles instead" in line for line in log), log
    assert any("normalisation minmax, aggregation arithmetic, levels quantiles" in line for line in log), log


@pytest.mark.parametrize("normalisation, aggregation, levels", [(2, 2, 2), (3, 1, 3), (4, 2, 3)])
def test_every_method_gives_scores_within_bounds(run_algorithm, joined, tmp_path, normalisation, aggregation, levels):
    results, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "NORMALISATION": normalisation, "AGGREGATION": aggregation, "LEVEL_METHOD": levels,
        "REFERENCE": "62498", "OUTPUT": str(tmp_path / "s.gpkg")})
    layer = open_layer(results["OUTPUT"])
    features = list(layer.getFeatures())
    assert len(features) == 319
    scored = [f for f in features if f["score_centralite"] is not None]
    assert len(scored) >= 318
    assert all(0 <= f["score_centralite"] <= 100 for f in scored)
    assert {f["niveau_code"] for f in scored} >= {1, 5}
    if normalisation == 4:  # Lens is the reference: it reaches itself on every indicator
        lens = next(f for f in features if f["INSEE_COM"] == "62498")
        assert lens["score_centralite"] == pytest.approx(100)


def test_reference_commune_errors(run_algorithm, joined, tmp_path):
    target = tmp_path / "r.gpkg"
    with pytest.raises(QgsProcessingException, match="'99999' is not in the layer"):
        run_algorithm("centralites:centrality_score", {
            "INPUT": joined, "NORMALISATION": 4, "REFERENCE": "99999", "OUTPUT": str(target)})
    with pytest.raises(QgsProcessingException, match="needs the code of a reference commune"):
        run_algorithm("centralites:centrality_score", {"INPUT": joined, "NORMALISATION": 4, "OUTPUT": str(target)})
    with pytest.raises(QgsProcessingException, match="'CODE' is not in the layer"):
        run_algorithm("centralites:centrality_score", {
            "INPUT": joined, "NORMALISATION": 4, "REFERENCE": "62498", "CODE_FIELD": "CODE", "OUTPUT": str(target)})
    assert not target.exists()


def test_statistics_table(run_algorithm, joined, tmp_path):
    results, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "OUTPUT": str(tmp_path / "s.gpkg"), "STATISTICS": str(tmp_path / "stats.csv")})
    table = open_layer(results["STATISTICS"])
    rows = {f["indicateur"]: f for f in table.getFeatures()}
    assert len(rows) == 14  # the AULA profile's indicators
    names = table.fields().names()
    assert names[:7] == ["fonction", "indicateur", "libelle", "n", "min", "mediane", "max"]
    assert "r_habiter_population" in names and "r_services_equipements_1000" in names
    population = rows["population"]
    joined_layer = open_layer(joined)
    values = sorted(f["P18_POP"] for f in joined_layer.getFeatures() if f["P18_POP"] is not None)
    assert float(population["min"]) == pytest.approx(values[0])
    assert float(population["max"]) == pytest.approx(values[-1])
    assert float(population["r_habiter_population"]) == pytest.approx(1.0)
    # Jobs and establishments rise together in the territory.
    assert float(rows["emplois"]["r_consommer_etab_commerce"]) > 0.5


def test_statistics_say_what_each_indicator_really_weighs(run_algorithm, joined, tmp_path):
    results, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "OUTPUT": str(tmp_path / "s.gpkg"), "STATISTICS": str(tmp_path / "stats.csv")})
    table = open_layer(results["STATISTICS"])
    names = table.fields().names()
    assert names[7:15] == ["asymetrie", "kurtosis", "asymetrique", "ecretees", "r_composite", "poids_nominal",
                           "part_effective", "rapport_poids"]
    rows = {f["indicateur"]: f for f in table.getFeatures()}
    # The effective shares of the composite's variance add up to 100, the nominal weights too.
    assert sum(float(f["part_effective"]) for f in rows.values()) == pytest.approx(100.0)
    assert sum(float(f["poids_nominal"]) for f in rows.values()) == pytest.approx(100.0)
    for f in rows.values():
        assert float(f["rapport_poids"]) == pytest.approx(float(f["part_effective"]) / float(f["poids_nominal"]))
        assert int(f["asymetrique"]) == int(abs(float(f["asymetrie"])) > 2 and float(f["kurtosis"]) > 3.5)
    assert float(rows["population"]["r_composite"]) > 0.5
    # Against France (the default), outliers are clipped at the goalposts: counted for each indicator.
    assert all(0 <= int(f["ecretees"]) <= 319 for f in rows.values())
    assert sum(int(f["ecretees"]) for f in rows.values()) > 0
    # Every flagged indicator and every weight beyond a factor of two is warned in the log.
    for f in rows.values():
        if int(f["asymetrique"]):
            assert any(f["libelle"] in line and "very skewed" in line for line in log), f["libelle"]
        ratio = float(f["rapport_poids"])
        if ratio > 2 or ratio < 0.5:
            assert any(f["libelle"] in line and "of the composite's variance" in line for line in log)


def test_without_the_statistics_table_the_log_warns_the_same(run_algorithm, joined, tmp_path):
    """The table's ranks and correlations are left out when it is not asked for; its warnings are not."""
    with_table, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined, "OUTPUT": str(tmp_path / "s.gpkg"), "STATISTICS": str(tmp_path / "stats.csv")})
    without, other_log = run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert "STATISTICS" not in without
    warned = [line for line in log if "very skewed" in line or "of the composite's variance" in line]
    assert warned and warned == [line for line in other_log if "very skewed" in line
                                 or "of the composite's variance" in line]
