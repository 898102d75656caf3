"""centralites:aggregate_bpe through processing.run, its output fed to join_tables."""

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from conftest import SAMPLE, SAMPLE_COMMUNES, real_insee


def open_layer(path):
    layer = QgsVectorLayer(path, "test", "ogr")
    assert layer.isValid(), path
    return layer


def test_real_bpe_aggregated_then_joined(run_algorithm, tmp_path):
    bpe = real_insee("bpe2019_communes_dep62.csv")
    results, log = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": bpe, "OUTPUT": str(tmp_path / "bpe.gpkg"), "REPORT": str(tmp_path / "bpe_report.csv")})
    table = open_layer(results["OUTPUT"])
    assert table.featureCount() == 858
    names = table.fields().names()
    for name in ("DEPCOM", "NB_EQUIP_TOTAL", "NB_EQUIP_A", "NB_EQUIP_G", "NB_EQUIP_PROXIMITE",
                 "NB_EQUIP_INTERMEDIAIRE", "NB_EQUIP_SUPERIEURE", "NB_EQUIP_HORS_GAMME", "NB_TYPEQU"):
        assert name in names
    lens = next(table.getFeatures("\"DEPCOM\" = '62498'"))
    assert lens["NB_EQUIP_TOTAL"] == (lens["NB_EQUIP_PROXIMITE"] + lens["NB_EQUIP_INTERMEDIAIRE"]
                                      + lens["NB_EQUIP_SUPERIEURE"] + lens["NB_EQUIP_HORS_GAMME"])
    assert any("15407 rows read, 15407 used" in line for line in log)
    assert any("in no gamme" in line for line in log)
    # The gamme lists follow the BPE's year (AN = 2019): no list shipped that early, said so.
    said = "BPE 2019 (AN column): no list shipped for 2019 or before, the 2021 lists used (the latest shipped)"
    assert any(line == f"Gamme lists: {said}." for line in log)
    assert any(line.startswith(said + "; ") and "types in no gamme" in line for line in log)
    report = {f["probleme"]: f["action"] for f in open_layer(results["REPORT"]).getFeatures()}
    assert list(report) == ["gamme lists", "no gamme"]
    assert report["gamme lists"] == said

    joined, _ = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [results["OUTPUT"]], "OUTPUT": str(tmp_path / "joined.gpkg")})
    output = open_layer(joined["OUTPUT"])
    assert output.featureCount() == 319
    lens_joined = next(output.getFeatures("\"INSEE_COM\" = '62498'"))
    assert lens_joined["NB_EQUIP_SUPERIEURE"] == lens["NB_EQUIP_SUPERIEURE"]
    assert lens_joined["NB_TYPEQU"] == lens["NB_TYPEQU"]


def test_csv_output_feeds_the_join_with_codes_as_text(run_algorithm, tmp_path):
    results, _ = run_algorithm("centralites:aggregate_bpe", {
        "INPUT": f"{SAMPLE}/illustratif_bpe_communes.csv", "OUTPUT": str(tmp_path / "bpe.csv")})
    _, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "TABLES": [results["OUTPUT"]], "OUTPUT": str(tmp_path / "joined.gpkg")})
    assert any(line.startswith("bpe.csv:") and "0 invalid codes" in line for line in log)


def test_year_not_in_the_file_is_a_clear_error(run_algorithm, tmp_path):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("DEPCOM;AN;TYPEQU;NB_EQUIP\n62001;2019;B203;1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no row of year 2021. Years in the file: 2019"):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "YEAR": "2021",
                                                    "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("content, message", [
    ("DEPCOM;NB_EQUIP\n62001;1\n", "no TYPEQU column.*Columns found: DEPCOM, NB_EQUIP"),
    ("TYPEQU;NB_EQUIP\nB203;1\n", "no DEPCOM or DCIRIS column"),
    ("DEPCOM;TYPEQU;NB_EQUIP\n", "no data rows"),
])
def test_bad_bpe_files_are_clear_errors(run_algorithm, tmp_path, content, message):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text(content, encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=message):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()


def test_a_file_with_no_countable_row_is_a_clear_error(run_algorithm, tmp_path):
    bpe = tmp_path / "bpe.csv"
    bpe.write_text("DEPCOM;TYPEQU;NB_EQUIP\nabc;B203;1\n62001;Z99;1\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no row could be counted.*1 invalid codes, 1 invalid equipment"):
        run_algorithm("centralites:aggregate_bpe", {"INPUT": str(bpe), "OUTPUT": str(tmp_path / "out.csv")})
    assert not (tmp_path / "out.csv").exists()
