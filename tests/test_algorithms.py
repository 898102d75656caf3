"""Each algorithm through processing.run, on the sample territory and on real INSEE files."""

import os
import sqlite3

import pytest
from qgis.core import QgsGraduatedSymbolRenderer, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from qgis.PyQt.QtGui import QColor, QImage

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES, SAMPLE_TERRITORY, real_insee

SCORE_FIELDS = ["score_habiter", "score_travailler", "score_consommer", "score_services",
                "score_centralite", "rang", "niveau", "niveau_code", "donnees_manquantes"]


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


@pytest.fixture()
def joined(run_algorithm, tmp_path):
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM", "TABLES": SAMPLE_TABLES,
        "OUTPUT": str(tmp_path / "joined.gpkg"), "REPORT": str(tmp_path / "report.csv"),
    })
    return results, log


@pytest.fixture()
def scored(run_algorithm, joined, tmp_path):
    results, _ = run_algorithm("centralites:centrality_score", {
        "INPUT": joined[0]["OUTPUT"], "OUTPUT": str(tmp_path / "scored.gpkg"),
    })
    return results["OUTPUT"]


def test_join_keeps_every_commune_and_its_geometry(joined):
    results, log = joined
    source = open_layer(SAMPLE_COMMUNES)
    output = open_layer(results["OUTPUT"])
    assert output.featureCount() == source.featureCount() == 319
    names = output.fields().names()
    for column in ("INSEE_COM", "NOM", "P18_POP", "P18_EMPLT", "NB_EQUIP_B", "NB_EQUIP_TOTAL"):
        assert column in names
    assert "CODGEO" not in names and "DEPCOM" not in names  # the key repeats INSEE_COM: not copied
    by_code = {f["INSEE_COM"]: f for f in output.getFeatures()}
    for feature in source.getFeatures():
        assert by_code[feature["INSEE_COM"]].geometry().asWkb() == feature.geometry().asWkb()
    assert by_code["62498"]["P18_POP"] > 20000  # Lens, a number not text
    summary = [line for line in log if line.startswith("illustratif_base_cc_comparateur.csv:")]
    assert summary and "319 matched" in summary[0]


def test_join_report_names_communes_absent_from_a_table(joined):
    report = open_layer(joined[0]["REPORT"])
    rows = [(f["source"], f["code"], f["probleme"]) for f in report.getFeatures()]
    absent_bpe = {code for source, code, problem in rows if problem == "absent" and "bpe" in source}
    assert len(absent_bpe) == 2  # villages without equipment are absent from BPE files


def test_join_real_pas_de_calais_reports_the_commune_of_the_somme(run_algorithm, tmp_path):
    comparateur = real_insee("base_cc_comparateur_2021_dep62.csv")
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [comparateur],
        "OUTPUT": str(tmp_path / "joined.gpkg"), "REPORT": str(tmp_path / "report.csv"),
    })
    output = open_layer(results["OUTPUT"])
    assert output.featureCount() == 319
    vitz = next(output.getFeatures("\"INSEE_COM\" = '80810'"))
    assert vitz["P18_POP"] is None or vitz["P18_POP"] != vitz["P18_POP"] or str(vitz["P18_POP"]) == "NULL"
    report = open_layer(results["REPORT"])
    absent = [f["code"] for f in report.getFeatures() if f["probleme"] == "absent"]
    assert absent == ["80810"]
    unmatched = [f for f in report.getFeatures() if f["probleme"] == "unmatched"]
    assert len(unmatched) == 890 - 318  # the rest of Pas-de-Calais, each row accounted for
    assert any("890 rows read, 318 matched, 572 unmatched" in line for line in log)


def test_join_repairs_codes_read_as_numbers(run_algorithm, tmp_path):
    table = tmp_path / "codes.csv"
    table.write_text("code_commune;valeur\n62498.0;1,5\n 62119 ;2\n62041;s\n", encoding="utf-8")
    results, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [str(table)],
        "OUTPUT": str(tmp_path / "joined.gpkg"), "REPORT": str(tmp_path / "report.csv"),
    })
    output = open_layer(results["OUTPUT"])
    values = {f["INSEE_COM"]: f["valeur"] for f in output.getFeatures()}
    assert values["62498"] == 1.5 and values["62119"] == 2.0
    report = [(f["probleme"], f["code"], f["ligne"]) for f in open_layer(results["REPORT"]).getFeatures()]
    assert ("re-coded", "62498", "2") in report  # a CSV report: every cell is text
    assert ("re-coded", "62119", "3") in report
    assert any(problem == "secret or empty" for problem, _, _ in report)


@pytest.mark.parametrize("parameters, message", [
    ({"CODE_FIELD": "CODE"}, "Fields found"),
    ({"TABLE_KEY": "NOPE"}, "Columns found"),
])
def test_join_errors_are_clear(run_algorithm, tmp_path, parameters, message):
    base = {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES[:1], "OUTPUT": str(tmp_path / "out.gpkg")}
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("centralites:join_tables", {**base, **parameters})
    assert not (tmp_path / "out.gpkg").exists()


def test_join_no_code_matches_says_what_codes_look_like(run_algorithm, tmp_path):
    table = tmp_path / "other.csv"
    table.write_text("CODGEO;x\n01001;1\n01002;2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="look like: 01001, 01002.*62"):
        run_algorithm("centralites:join_tables", {
            "INPUT": SAMPLE_COMMUNES, "TABLES": [str(table)], "OUTPUT": str(tmp_path / "out.gpkg")})


def test_cancelled_join_leaves_no_output(provider, tmp_path):
    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    target = tmp_path / "cancelled.gpkg"
    processing.run("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(target)}, feedback=feedback)
    assert not target.exists()


def test_score_fields_ranks_and_levels(scored):
    layer = open_layer(scored)
    assert layer.featureCount() == 319
    for name in SCORE_FIELDS:
        assert name in layer.fields().names()
    features = list(layer.getFeatures())
    ranks = sorted(f["rang"] for f in features)
    assert ranks[0] == 1 and ranks[-1] <= 319
    for f in features:
        for name in SCORE_FIELDS[:5]:
            assert 0.0 <= f[name] <= 100.0
        assert f["niveau"] in ("majeure", "structurante", "intermédiaire", "locale", "hors centralité")
    first = min(features, key=lambda f: f["rang"])
    # Against France (the built-in profile): 100 only at the national goalposts, not for the layer's top.
    assert 50.0 < first["score_centralite"] <= 100.0
    levels = {f["niveau_code"] for f in features}
    assert len(levels) >= 3 and 5 in levels  # the illustrative figures: no commune majeure on France's scale
    # Why: the strongest and weakest indicators of every scored commune, with their rank.
    assert all(f["explication"].startswith("Strengths: ") and "(rank " in f["explication"]
               for f in features if f["score_centralite"] is not None)
    # Each indicator's points, adding up to the composite.
    contributions = [n for n in layer.fields().names() if n.startswith("contrib_")]
    assert "contrib_population" in contributions and "contrib_emplois" in contributions
    for f in features:
        from centralites.compat import python_value

        points = [python_value(f[n]) for n in contributions]
        total = sum(p for p in points if p is not None and p == p)
        assert total == pytest.approx(f["score_centralite"], abs=1e-6)


def test_scoring_a_scored_layer_replaces_its_contributions(run_algorithm, scored, tmp_path):
    again = str(tmp_path / "again.gpkg")
    run_algorithm("centralites:centrality_score", {"INPUT": scored, "OUTPUT": again})
    names = open_layer(again).fields().names()
    assert names.count("contrib_population") == 1 and not any(n.startswith("contrib_population_") for n in names)
    assert names.count("millesimes") == 1


def test_score_profile_naming_an_absent_column_lists_the_columns(run_algorithm, joined, tmp_path):
    profile = tmp_path / "profile.json"
    profile.write_text(
        '{"functions": {"habiter": {"indicators": [{"id": "x", "formula": "NOT_A_COLUMN"}]},'
        '"travailler": {"indicators": [{"id": "x", "formula": "P18_EMPLT"}]},'
        '"consommer": {"indicators": [{"id": "x", "formula": "NB_EQUIP_B"}]},'
        '"services": {"indicators": [{"id": "x", "formula": "NB_EQUIP_D"}]}}}', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="NOT_A_COLUMN.*Columns available:.*P18_POP"):
        run_algorithm("centralites:centrality_score", {
            "INPUT": joined[0]["OUTPUT"], "PROFILE": str(profile), "OUTPUT": str(tmp_path / "s.gpkg")})


def test_score_density_from_geometry_when_no_area_column(run_algorithm, joined, tmp_path):
    profile = tmp_path / "density.json"
    indicator = '{"indicators": [{"id": "d", "formula": {"density": "P18_POP"}}]}'
    profile.write_text('{"functions": {"habiter": %s, "travailler": %s, "consommer": %s, "services": %s}}'
                       % ((indicator,) * 4), encoding="utf-8")
    results, log = run_algorithm("centralites:centrality_score", {
        "INPUT": joined[0]["OUTPUT"], "PROFILE": str(profile), "OUTPUT": str(tmp_path / "s.gpkg")})
    assert any("ellipsoidal" in line for line in log)
    layer = open_layer(results["OUTPUT"])
    best = min(layer.getFeatures(), key=lambda f: f["rang"])
    densest = max(layer.getFeatures(), key=lambda f: f["P18_POP"] / f["SUPERF"])
    assert best["INSEE_COM"] == densest["INSEE_COM"]


def test_apply_style_is_stored_in_the_geopackage(run_algorithm, scored, tmp_path):
    qml = tmp_path / "style.qml"
    run_algorithm("centralites:apply_style", {"INPUT": scored, "QML": str(qml)})
    with sqlite3.connect(scored) as db:
        styles = db.execute("SELECT f_table_name, useAsDefault FROM layer_styles").fetchall()
    assert styles == [("scored", 1)]
    assert "score_centralite" in qml.read_text(encoding="utf-8")
    reopened = open_layer(scored)  # a new layer loads the default style stored in the file
    renderer = reopened.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "score_centralite"
    assert len(renderer.ranges()) == 5
    assert renderer.ranges()[-1].symbol().color().name() == "#bd0026"


def test_apply_style_refuses_a_layer_without_scores(run_algorithm):
    with pytest.raises(QgsProcessingException, match="run the centrality score first"):
        run_algorithm("centralites:apply_style", {"INPUT": SAMPLE_COMMUNES, "SAVE_AS_DEFAULT": False})


def test_export_layout_pdf_and_png(run_algorithm, scored, tmp_path):
    pdf, png = tmp_path / "maps" / "map.pdf", tmp_path / "maps" / "map.png"
    results, _ = run_algorithm("centralites:export_layout", {
        "INPUT": scored, "TITLE": "Test title", "PAPER": 1, "DPI": 96, "OUTPUT": str(pdf), "OUTPUT_PNG": str(png)})
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page\r") + data.count(b"/Type /Page ") >= 1
    image = QImage(str(png))
    assert not image.isNull()
    assert image.width() > image.height()  # landscape
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 20  # a map, not a blank page
    assert QColor("#bd0026").name() in colours  # the top class is drawn
    assert not list(tmp_path.glob("maps/*.partial.*"))


def test_export_layout_does_not_touch_the_input_layer(run_algorithm, scored, tmp_path):
    before = os.path.getmtime(scored), os.path.getsize(scored)
    run_algorithm("centralites:export_layout", {"INPUT": scored, "DPI": 72, "OUTPUT": str(tmp_path / "m.pdf")})
    assert (os.path.getmtime(scored), os.path.getsize(scored)) == before


def test_sources_are_never_modified(run_algorithm, tmp_path):
    before = {path: os.path.getmtime(path) for path in [SAMPLE_TERRITORY, *SAMPLE_TABLES]}
    run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "j.gpkg")})
    assert {path: os.path.getmtime(path) for path in before} == before


def test_every_algorithm_has_a_name_a_group_and_a_help(provider):
    for algorithm in provider.algorithms():
        assert algorithm.displayName() and algorithm.group()
        if algorithm.id() != "centralites:diagnostic_centralites":
            assert len(algorithm.shortHelpString()) > 200, algorithm.id()
