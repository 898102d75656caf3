"""centralites:commune_sheets on the real INSEE files: pages, texts, selection, per-commune files,
cancellation, a user's template."""

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree

import processing
import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from testdata import ROOT, SAMPLE_COMMUNES, real_insee

SHIPPED_TEMPLATE = os.path.join(ROOT, "resources", "layouts", "fiche_communale_A4.qpt")
TERNOIS = "\"NOM_EPCI\" = 'Communauté de communes du Ternois'"


@pytest.fixture()
def scored(run_algorithm, tmp_path):
    joined = str(tmp_path / "joined.gpkg")
    run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
        "TABLES": [real_insee("base_cc_comparateur_2021_dep62.csv"), real_insee("bpe2019_domaines_dep62.csv")],
        "OUTPUT": joined})
    path = str(tmp_path / "scored.gpkg")
    run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": path})
    return path


def pdf_pages(path):
    assert shutil.which("pdfinfo"), "pdfinfo is missing: apt-get install poppler-utils (make test does)"
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path, page=None):
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def leftovers(folder):
    return sorted(name for name in os.listdir(folder) if name.startswith(".centralites"))


def test_one_page_per_commune_of_the_filter(run_algorithm, scored, tmp_path):
    layer = QgsVectorLayer(scored, "scored", "ogr")
    expected = sum(1 for f in layer.getFeatures() if f["NOM_EPCI"] == "Communauté de communes du Ternois")
    assert expected > 50
    pdf = tmp_path / "ternois.pdf"
    results, log = run_algorithm("centralites:commune_sheets", {"INPUT": scored, "FILTER": TERNOIS, "OUTPUT": str(pdf)})
    assert results["PAGES"] == expected and pdf_pages(pdf) == expected
    assert f"{expected} sheets to make." in log
    assert leftovers(tmp_path) == []


def test_a_sheet_says_name_level_rank_and_strongest_indicator(run_algorithm, scored, tmp_path):
    pdf = tmp_path / "two.pdf"
    run_algorithm("centralites:commune_sheets", {
        "INPUT": scored, "FILTER": "\"NOM\" IN ('Béthune', 'Auchel')", "OUTPUT": str(pdf)})
    assert pdf_pages(pdf) == 2
    text = pdf_text(pdf, page=2)  # by name: Auchel, then Béthune
    flat = " ".join(text.split())
    assert "Béthune" in text and "Auchel" not in text.split("\n")[0]
    assert "Level: majeure · Rank 1 of 318" in flat
    assert "INSEE code 62119 · Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane" in flat
    assert "Rank band" not in flat  # no sensitivity fields on this layer
    # The strongest indicator named in the sentences is marked a strength in the table.
    strongest = re.search(r"Strongest indicators: (.+?) [\d\u202f]+ \(ahead of (\d+) %", flat)
    assert strongest, flat
    label = strongest.group(1)
    lines = text.splitlines()
    table = lines[next(i for i, line in enumerate(lines) if line.split()[:2] == ["Function", "Indicator"]):]
    at = next(i for i, line in enumerate(table) if label[:20] in line)  # a long label wraps: its row follows
    assert "▲ strength" in table[at] + table[at + 1] and int(strongest.group(2)) >= 75
    # Sources with the editions used, and the change between the two censuses of the edition.
    assert "INSEE comparateur 2021: RP 2018, RP 2013" in flat
    assert "Population: 25 463 in 2013 → 25 193 in 2018" in flat.replace("\u202f", " ")
    assert "Page 2 of 2" in flat


def test_the_rank_band_when_the_layer_has_the_sensitivity_fields(run_algorithm, scored, tmp_path):
    bands = str(tmp_path / "bands.gpkg")
    run_algorithm("centralites:sensitivity", {"INPUT": scored, "DRAWS": 200, "OUTPUT": bands})
    pdf = tmp_path / "bands.pdf"
    run_algorithm("centralites:commune_sheets", {"INPUT": bands, "FILTER": "\"NOM\" = 'Lens'", "OUTPUT": str(pdf)})
    assert re.search(r"Rank band \(p05–p95\): \d+–\d+", " ".join(pdf_text(pdf).split()))


def test_the_selected_communes_only(run_algorithm, scored, tmp_path):
    layer = QgsVectorLayer(scored, "scored", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByExpression("\"NOM\" IN ('Lens', 'Liévin', 'Béthune')")
        assert layer.selectedFeatureCount() == 3
        pdf = tmp_path / "selected.pdf"
        results, _ = run_algorithm("centralites:commune_sheets", {
            "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True), "ORDER": 1, "OUTPUT": str(pdf)})
        assert pdf_pages(pdf) == 3
        firsts = [pdf_text(pdf, page).strip().split("\n")[0].strip() for page in (1, 2, 3)]
        ranks = [int(re.search(r"Rank (\d+) of", pdf_text(pdf, page)).group(1)) for page in (1, 2, 3)]
        assert set(firsts) == {"Lens", "Liévin", "Béthune"} and ranks == sorted(ranks)  # by rank
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_one_pdf_per_commune_named_by_code_and_name(run_algorithm, scored, tmp_path):
    folder = tmp_path / "communes"
    results, _ = run_algorithm("centralites:commune_sheets", {
        "INPUT": scored, "FILTER": "\"INSEE_COM\" IN ('62119', '62498', '62510')",
        "OUTPUT": str(tmp_path / "all.pdf"), "FOLDER": str(folder)})
    assert sorted(os.listdir(folder)) == ["62119_Béthune.pdf", "62498_Lens.pdf", "62510_Liévin.pdf"]
    assert all(pdf_pages(folder / name) == 1 for name in os.listdir(folder))
    assert "Lens" in pdf_text(folder / "62498_Lens.pdf").split("\n")[0]
    assert results["FOLDER"] == str(folder) and pdf_pages(tmp_path / "all.pdf") == 3


class CancelDuringPages(QgsProcessingFeedback):
    """Cancels once the pages are being drawn (progress past the charts)."""

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        if progress > 50:
            self.cancel()


def test_a_cancelled_run_leaves_no_pdf(provider, scored, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.pdf").write_bytes(b"%PDF an older file of another name")
    feedback = CancelDuringPages()
    try:
        processing.run("centralites:commune_sheets", {
            "INPUT": scored, "FILTER": TERNOIS, "OUTPUT": str(out / "sheets.pdf"), "FOLDER": str(out / "files")},
            feedback=feedback)
    except QgsProcessingException:
        pass  # QGIS may say the run was cancelled
    assert feedback.isCanceled()
    assert sorted(os.listdir(out)) == ["old.pdf"] or sorted(os.listdir(out)) == ["files", "old.pdf"]
    if (out / "files").exists():
        assert os.listdir(out / "files") == []


def test_a_user_template_missing_items_is_reported(run_algorithm, scored, tmp_path):
    tree = ElementTree.parse(SHIPPED_TEMPLATE)
    root = tree.getroot()
    removed = 0
    for parent in root.iter():
        for child in list(parent):
            if child.tag == "LayoutItem" and child.get("id") in ("chart", "explanation"):
                parent.remove(child)
                removed += 1
    assert removed == 2
    template = tmp_path / "ours.qpt"
    tree.write(template, encoding="utf-8", xml_declaration=False)
    pdf = tmp_path / "ours.pdf"
    results, log = run_algorithm("centralites:commune_sheets", {
        "INPUT": scored, "FILTER": "\"NOM\" = 'Lens'", "TEMPLATE": str(template), "OUTPUT": str(pdf)})
    assert any("The sheet template has no item of id chart, explanation: left out of the pages." in line
               for line in log), log
    text = " ".join(pdf_text(pdf).split())
    assert pdf_pages(pdf) == 1 and "Lens" in text and "ranks 1" not in text and "ranks 2" not in text


def test_a_template_without_map_is_refused(run_algorithm, scored, tmp_path):
    template = tmp_path / "nomap.qpt"
    template.write_text(open(SHIPPED_TEMPLATE, encoding="utf-8").read().replace('id="map"', 'id="carte"'),
                        encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no map item of id 'map'"):
        run_algorithm("centralites:commune_sheets", {
            "INPUT": scored, "TEMPLATE": str(template), "OUTPUT": str(tmp_path / "x.pdf")})
    assert not (tmp_path / "x.pdf").exists() and leftovers(tmp_path) == []


def test_an_unscored_layer_is_refused(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="run the centrality score first"):
        run_algorithm("centralites:commune_sheets", {"INPUT": SAMPLE_COMMUNES, "OUTPUT": str(tmp_path / "x.pdf")})


def test_a_filter_matching_nothing_is_said(run_algorithm, scored, tmp_path):
    with pytest.raises(QgsProcessingException, match="No commune matches"):
        run_algorithm("centralites:commune_sheets", {
            "INPUT": scored, "FILTER": "\"NOM\" = 'Paris'", "OUTPUT": str(tmp_path / "x.pdf")})
