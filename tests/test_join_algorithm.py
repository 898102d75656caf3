"""centralites:join_tables through processing.run: passage, columns, prefixes, arrondissements, bad files."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

from testdata import SAMPLE_COMMUNES, SAMPLE_TABLES, real_insee


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


def test_passage_sums_merged_communes_onto_hesdin_la_foret(run_algorithm, tmp_path):
    comparateur = real_insee("base_cc_comparateur_2021_dep62.csv")
    passage = tmp_path / "passage.csv"
    passage.write_text("CODGEO_2021;LIBGEO_2021;CODGEO_2025\n62447;Hesdin;62447\n62461;Huby-Saint-Leu;62447\n"
                       "62549;Marconne;62447\n62743;Sainte-Austreberthe;62447\n", encoding="utf-8")
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [comparateur], "PASSAGE": str(passage),
        "COLUMNS": "P18_POP, MED19", "PREFIXES": "cc_",
        "OUTPUT": str(tmp_path / "joined.gpkg"), "REPORT": str(tmp_path / "report.csv")})
    output = open_layer(results["OUTPUT"])
    assert output.featureCount() == 319
    names = output.fields().names()
    assert "cc_P18_POP" in names and "cc_MED19" in names and "P18_EMPLT" not in names and "cc_P18_EMPLT" not in names
    hesdin = next(output.getFeatures("\"INSEE_COM\" = '62447'"))
    table = open_layer(comparateur)
    populations = {f["CODGEO"]: float(f["P18_POP"]) for f in table.getFeatures()
                   if f["CODGEO"] in ("62447", "62461", "62549", "62743")}
    assert hesdin["cc_P18_POP"] == pytest.approx(sum(populations.values()))
    assert hesdin["cc_MED19"] in (None,) or str(hesdin["cc_MED19"]) == "NULL"
    report = [(f["probleme"], f["code"]) for f in open_layer(results["REPORT"]).getFeatures()]
    assert sorted(code for problem, code in report if problem == "summed") == ["62461", "62549", "62743"]
    assert ("not summable", "62447") in report
    assert any("318 matched, 3 summed onto today's commune, 569 unmatched" in line for line in log)


def test_arrondissements_summed_onto_paris_in_a_layer_of_communes(run_algorithm, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:2154&field=INSEE_COM:string&field=NOM:string", "villes", "memory")
    features = []
    for i, (code, name) in enumerate([("75056", "Paris"), ("69123", "Lyon"), ("13055", "Marseille"),
                                      ("2A004", "Ajaccio"), ("2B033", "Bastia")]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([code, name])
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({i} 0, {i + 1} 0, {i + 1} 1, {i} 1, {i} 0))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    bpe = real_insee("france/bpe2019_domaines.csv")
    results, log = run_algorithm("centralites:join_tables", {
        "INPUT": layer, "TABLES": [bpe], "OUTPUT": str(tmp_path / "cities.gpkg"),
        "REPORT": str(tmp_path / "report.csv")})
    output = {f["INSEE_COM"]: f for f in open_layer(results["OUTPUT"]).getFeatures()}
    totals = {}
    for feature in open_layer(bpe).getFeatures():
        code = feature["DEPCOM"]
        city = {"751": "75056", "693": "69123", "132": "13055"}.get(code[:3], code)
        totals[city] = totals.get(city, 0) + int(feature["NB_EQUIP_TOTAL"])
    for code in ("75056", "69123", "13055", "2A004", "2B033"):
        assert output[code]["NB_EQUIP_TOTAL"] == totals[code], code
    assert any("5 matched" not in line and "45 summed onto today's commune" in line for line in log)


@pytest.mark.parametrize("name, content, message", [
    ("empty.csv", b"", "the file is empty"),
    ("header.csv", b"CODGEO;P18_POP\n", "header but no data rows"),
    ("binary.csv", b"\x00\x01\x02PK" * 100, "binary file"),
    ("cut.csv", b'CODGEO;LIBGEO\n62498;"Lens\n', "line 2: a quoted value opens there and is never closed"),
    ("ragged.csv", b"CODGEO;A\n62498;1\n62119;1;2\n", "line 3: 3 cells where the header has 2"),
    ("nokey.csv", b"NOM;POP\nLens;1\n", "Columns found: NOM, POP"),
])
def test_bad_files_are_clear_errors_and_leave_no_output(run_algorithm, tmp_path, name, content, message):
    table = tmp_path / name
    table.write_bytes(content)
    target = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [str(table)],
                                                  "OUTPUT": str(target)})
    assert not target.exists()


def test_missing_file_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="absent.csv"):
        run_algorithm("centralites:join_tables", {"INPUT": SAMPLE_COMMUNES, "TABLES": [str(tmp_path / "absent.csv")],
                                                  "OUTPUT": str(tmp_path / "out.gpkg")})
    assert not (tmp_path / "out.gpkg").exists()


def test_bad_columns_prefixes_and_passage_are_clear_errors(run_algorithm, tmp_path):
    base = {"INPUT": SAMPLE_COMMUNES, "TABLES": SAMPLE_TABLES, "OUTPUT": str(tmp_path / "out.gpkg")}
    with pytest.raises(QgsProcessingException, match="chosen columns in no table: NOPE"):
        run_algorithm("centralites:join_tables", {**base, "COLUMNS": "P18_POP,NOPE"})
    with pytest.raises(QgsProcessingException, match="3 prefixes given for 2 tables"):
        run_algorithm("centralites:join_tables", {**base, "PREFIXES": "a_,b_,c_"})
    passage = tmp_path / "passage.csv"
    passage.write_text("ANCIEN;NOM\n62461;Huby\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="two columns of commune codes"):
        run_algorithm("centralites:join_tables", {**base, "PASSAGE": str(passage)})
    assert not (tmp_path / "out.gpkg").exists()
