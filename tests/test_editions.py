"""Every edition of INSEE's comparateur recognised: profiles name roles, the columns give the years."""

import json
import os
import sqlite3
import subprocess
import zipfile

import numpy as np
import pandas as pd
import pytest

from centralites.core.editions import (
    EDITIONS_FILE,
    VINTAGE_FIELD,
    edition_renames,
    known_editions,
    recognise,
)
from centralites.core.indicators import evaluate
from centralites.core.profile import ProfileError, fit_profile, load_profile, profiles_dir, validate_profile

from testdata import SAMPLE_COMMUNES, SAMPLE_TERRITORY, real_insee

BPE_COLUMNS = ["NB_EQUIP_TOTAL"] + [f"NB_EQUIP_{d}" for d in "ABCDEFG"]
EDITIONS = {edition.edition: edition for edition in known_editions()}

# Header lines of real files (sources in resources/editions/comparateur.json).
REAL_HEADERS = {
    2020: "CODGEO;P17_POP;P12_POP;SUPERF;NAIS1217;DECE1217;P17_MEN;NAISD19;DECESD19;P17_LOG;P17_RP;P17_RSECOCC;"
          "P17_LOGVAC;P17_RP_PROP;NBMENFISC17;PIMP17;MED17;TP6017;P17_EMPLT;P17_EMPLT_SAL;P12_EMPLT;P17_POP1564;"
          "P17_CHOM1564;P17_ACT1564;ETTOT15;ETAZ15;ETBE15;ETFZ15;ETGU15;ETGZ15;ETOQ15;ETTEF115;ETTEFP1015",
    2024: "CODGEO;P21_POP;P15_POP;SUPERF;NAIS1520;DECE1520;P21_MEN;NAISD22;DECESD22;P21_LOG;P21_RP;P21_RSECOCC;"
          "P21_LOGVAC;P21_RP_PROP;NBMENFISC21;PIMP21;MED21;TP6021;P21_EMPLT;P21_EMPLT_SAL;P15_EMPLT;P21_POP1564;"
          "P21_CHOM1564;P21_ACT1564;ETTOT21;ETAZ21;ETBE21;ETFZ21;ETGU21;ETGZ21;ETOQ21;ETTEF121;ETTEFP1021",
    2025: "CODGEO;P22_POP;P16_POP;SUPERF;NAIS1621;DECE1621;P22_MEN;NAISD24;DECESD24;P22_LOG;P22_RP;P22_RSECOCC;"
          "P22_LOGVAC;P22_RP_PROP;NBMENFISC21;PIMP21;MED21;TP6021;P22_EMPLT;P22_EMPLT_SAL;P16_EMPLT;P22_POP1564;"
          "P22_CHOM1564;P22_ACT1564;ETTOT24;ETAZ24;ETBE24;ETFZ24;ETGU24;ETOQ24;ETTEF124;ETTEFP1024",
}


def real_2021_header():
    with open(real_insee("base_cc_comparateur_2021_dep62.csv"), encoding="utf-8") as handle:
        return handle.readline().strip().split(";")


# --------------------------------------------------------------------------- the editions' data


def test_the_editions_file_names_a_source_for_every_edition():
    with open(EDITIONS_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    years = [entry["edition"] for entry in data["editions"]]
    assert years == sorted(years) and {2019, 2020, 2021, 2022, 2023, 2024, 2025} <= set(years)
    for entry in data["editions"]:
        assert entry["source"] and entry["evidence"] in ("header", "partial"), entry["edition"]
        assert entry["census"] > entry["previous"]


def test_the_2021_edition_is_the_real_file_header():
    assert EDITIONS[2021].variables() == real_2021_header()


@pytest.mark.parametrize("edition", sorted(REAL_HEADERS))
def test_real_headers_are_their_editions(edition):
    header = REAL_HEADERS[edition].split(";")
    assert EDITIONS[edition].variables() == header
    recognition = recognise(header)
    assert recognition.edition == edition
    assert recognition.years["census"] == EDITIONS[edition].years["census"]
    assert recognition.years["previous"] == EDITIONS[edition].years["previous"]


def test_the_2025_edition_is_described_as_the_issue_says():
    recognition = recognise(REAL_HEADERS[2025].split(";"))
    assert recognition.describe() == "comparateur 2025 edition: census 2022 and 2016, income 2021, establishments 2024"
    assert recognition.vintage() == "INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2024"
    assert not recognition.warnings and not recognition.notes


def test_another_release_of_a_known_edition_is_recognised_and_said():
    # INSEE rewrites the file under the same address: the 2025 edition also came with ETTOT23.
    header = REAL_HEADERS[2025].replace("24;", "23;").replace("24", "23").split(";")
    recognition = recognise([c.replace("NAISD23", "NAISD24").replace("DECESD23", "DECESD24") for c in header])
    assert recognition.edition == 2025 and recognition.years["establishments"] == 2023
    recognition = recognise([c.replace("ETTOT24", "ETTOT19") for c in REAL_HEADERS[2025].split(";")])
    assert recognition.edition is None  # establishments 19 and 24 side by side: no single edition


def test_an_edition_not_in_the_list_is_read_from_the_names_and_said():
    header = [c.replace("P22_", "P23_").replace("P16_", "P17_") for c in REAL_HEADERS[2025].split(";")]
    recognition = recognise(header)
    assert recognition.edition is None
    assert recognition.years["census"] == 2023 and recognition.years["previous"] == 2017
    assert "not in the plugin's list" in recognition.describe()
    profile, _ = fit_profile(load_profile(), header + BPE_COLUMNS)
    population = profile["functions"]["habiter"]["indicators"][0]
    assert population["formula"] == "P23_POP" and population["label"] == "Population 2023"


# --------------------------------------------------------------------------- profiles resolved


@pytest.mark.parametrize("edition", [2019, 2020, 2021, 2022, 2023, 2024, 2025])
def test_every_shipped_profile_runs_on_every_edition(edition):
    columns = EDITIONS[edition].variables() + BPE_COLUMNS + [
        "NB_EQUIP_PROXIMITE", "NB_EQUIP_INTERMEDIAIRE", "NB_EQUIP_SUPERIEURE", "NB_EQUIP_HORS_GAMME", "NB_TYPEQU",
        "NB_TYPEQU_PROXIMITE", "NB_TYPEQU_INTERMEDIAIRE", "NB_TYPEQU_SUPERIEURE"]
    for name in sorted(os.listdir(profiles_dir())):
        if name == "modele_vierge.json":
            continue  # a template: its COLUMN_… are the user's to fill
        profile, recognition = fit_profile(load_profile(os.path.join(profiles_dir(), name)), columns)
        assert recognition.edition == edition


def test_growth_uses_the_real_period():
    profile, _ = fit_profile(load_profile(), REAL_HEADERS[2025].split(";") + BPE_COLUMNS)
    growth = next(i for i in profile["functions"]["habiter"]["indicators"] if i["id"] == "croissance_pop")
    assert growth["formula"] == {"growth": ["P16_POP", "P22_POP"], "years": [2016, 2022], "min_base": 200}
    assert growth["label"] == "Annual population growth 2016-2022 (%)"
    frame = pd.DataFrame({"P16_POP": [1000.0], "P22_POP": [1000.0 * 1.01 ** 6]})
    assert evaluate(growth["formula"], frame).iloc[0] == pytest.approx(1.0)  # 1 %/year over 6 years, not 5


def test_a_growth_without_years_takes_them_from_its_operands():
    data = _profile_with({"growth": ["P{previous}_EMPLT", "P{census}_EMPLT"]})
    profile, _ = fit_profile(validate_profile(data), REAL_HEADERS[2024].split(";"))
    formula = profile["functions"]["habiter"]["indicators"][0]["formula"]
    assert formula == {"growth": ["P15_EMPLT", "P21_EMPLT"], "years": [2015, 2021]}
    with pytest.raises(ProfileError, match="years"):
        validate_profile(_profile_with({"growth": ["A", "B"]}))  # plain names need their years


def test_the_2022_edition_name_of_the_unemployed_is_followed():
    columns = EDITIONS[2022].variables() + BPE_COLUMNS
    assert "P19_CHOMEUR1564" in columns and "P19_CHOM1564" not in columns
    profile, recognition = fit_profile(load_profile(), columns)
    assert "P19_CHOMEUR1564" in json.dumps(profile["functions"]["travailler"])
    assert any("P19_CHOMEUR1564" in note for note in recognition.notes)


def with_optional_etgz():
    """The default profile with INSEE's trade establishments (ETGZ, no longer published in 2025) as an
    optional fourth indicator of Consommer."""
    import copy

    data = copy.deepcopy(load_profile())
    data["functions"]["consommer"]["indicators"].append(
        {"id": "etab_gz", "formula": "ETGZ{establishments}", "optional": True, "transform": "log"})
    for key in ("availability",):
        data.pop(key, None)
    return validate_profile(data)


def test_an_indicator_an_edition_no_longer_publishes_is_left_out_and_said():
    profile, recognition = fit_profile(with_optional_etgz(), REAL_HEADERS[2025].split(";") + BPE_COLUMNS)
    ids = [i["id"] for i in profile["functions"]["consommer"]["indicators"]]
    assert "etab_gz" not in ids and ids
    assert any("etab_gz" in w and "ETGZ24" in w for w in recognition.warnings)
    profile, recognition = fit_profile(with_optional_etgz(), REAL_HEADERS[2024].split(";") + BPE_COLUMNS)
    assert "ETGZ21" in json.dumps(profile["functions"]["consommer"]) and not recognition.warnings


def test_the_shipped_profiles_read_columns_every_edition_has():
    """ETGZ is gone from the 2025 edition: the shipped profiles count the commerce, transport and services
    establishments (ETGU), published in every edition, so that every edition scores alike."""
    for edition in EDITIONS.values():
        profile, recognition = fit_profile(load_profile(), edition.variables() + BPE_COLUMNS)
        assert not recognition.warnings, (edition.edition, recognition.warnings)


# --------------------------------------------------------------------------- nothing guessed


def test_two_editions_side_by_side_are_refused_naming_both():
    columns = real_2021_header() + REAL_HEADERS[2025].split(";") + BPE_COLUMNS
    with pytest.raises(ProfileError) as caught:
        fit_profile(load_profile(), columns)
    message = str(caught.value)
    assert "2018" in message and "2022" in message and "P22_POP" in message and "Join one edition only" in message
    assert recognise(columns).mixed() is not None
    assert recognise(real_2021_header()).mixed() is None


def test_one_census_only_says_which_is_missing():
    columns = [c for c in real_2021_header() if not c.startswith("P13_")] + BPE_COLUMNS
    with pytest.raises(ProfileError, match=r"previous census \(\{previous\}\) cannot be found.*2018"):
        fit_profile(load_profile(), columns)


def test_no_comparateur_at_all_says_to_join_it():
    with pytest.raises(ProfileError, match="census years.*cannot be found.*Join the comparateur"):
        fit_profile(load_profile(), BPE_COLUMNS + ["INSEE_COM", "NOM"])


def test_a_column_of_another_edition_is_explained():
    data = _profile_with("P18_POP")
    with pytest.raises(ProfileError) as caught:
        fit_profile(validate_profile(data), REAL_HEADERS[2025].split(";"))
    message = str(caught.value)
    assert "2021 edition" in message and "P22_POP" in message and "P{census}_POP" in message


def test_a_column_of_no_edition_is_said_to_be_so():
    with pytest.raises(ProfileError, match="P22_POPX exists in no edition"):
        fit_profile(validate_profile(_profile_with("P{census}_POPX")), REAL_HEADERS[2025].split(";"))


def test_an_unknown_placeholder_is_refused_with_the_known_ones():
    with pytest.raises(ProfileError, match=r"unknown placeholder \{cencus\}.*\{census\}, \{previous\}"):
        validate_profile(_profile_with("P{cencus}_POP"))


def test_plain_names_are_used_as_they_are():
    profile = validate_profile(_profile_with({"ratio": ["MY_JOBS", "MY_PEOPLE"]}))
    resolved, _ = fit_profile(profile, ["MY_JOBS", "MY_PEOPLE"])
    assert resolved["functions"]["habiter"]["indicators"][0]["formula"] == {"ratio": ["MY_JOBS", "MY_PEOPLE"]}


def _profile_with(formula):
    indicator = {"id": "x", "formula": formula}
    return {"name": "test", "functions": {f: {"indicators": [dict(indicator)]} for f in
                                          ("habiter", "travailler", "consommer", "services")}}


# --------------------------------------------------------------------------- rankings agree


def _aula_scores(comparateur):
    from centralites.core.join import join_tables
    from centralites.core.scoring import compute_scores
    from centralites.core.tables import read_table

    bpe = read_table(real_insee("bpe2019_domaines_dep62.csv"))
    with sqlite3.connect(f"file:{SAMPLE_TERRITORY}?mode=ro", uri=True) as connection:
        codes = [row[0] for row in connection.execute("SELECT INSEE_COM FROM communes ORDER BY fid")]
    joined = join_tables(codes, [("comparateur", comparateur), ("bpe", bpe)], existing_columns=["INSEE_COM"])
    frame = joined.values
    frame.index = codes
    return compute_scores(frame, load_profile()).scores


def as_edition(comparateur, edition):
    """The real 2021 figures laid out as ``edition`` lays them out (the figures stay the same)."""
    renames, dropped = edition_renames(2021, edition)
    return comparateur.drop(columns=dropped).rename(columns=renames)


@pytest.mark.parametrize("edition", [2019, 2020, 2022, 2023, 2024, 2025])
def test_each_edition_ranks_the_aula_communes_as_the_2021_files(edition):
    from centralites.core.tables import read_table

    comparateur = read_table(real_insee("base_cc_comparateur_2021_dep62.csv"))
    reference = _aula_scores(comparateur)
    scores = _aula_scores(as_edition(comparateur, edition))
    assert len(scores) == 319
    spearman = reference["score_centralite"].rank().corr(scores["score_centralite"].rank())
    same_level = float((reference["niveau_code"] == scores["niveau_code"]).mean())
    # Only the growth period changes (6 years from the 2022 edition on).
    assert spearman >= 0.995 and same_level >= 0.97, (edition, spearman, same_level)
    if edition in (2019, 2020):
        assert np.allclose(reference["score_centralite"], scores["score_centralite"], equal_nan=True)


# --------------------------------------------------------------------------- through QGIS


def _write_edition_files(folder, edition, zipped=False):
    from centralites.core.tables import read_table

    comparateur = as_edition(read_table(real_insee("base_cc_comparateur_2021_dep62.csv")), edition)
    path = os.path.join(folder, "base_cc_comparateur.csv")
    comparateur.to_csv(path, sep=";", index=False)
    if zipped:
        archive = os.path.join(folder, "base_cc_comparateur_csv.zip")
        with zipfile.ZipFile(archive, "w") as handle:
            handle.write(path, "base_cc_comparateur.csv")
        os.remove(path)
        path = archive
    return path


def test_the_2025_edition_through_the_algorithms(tmp_path, run_algorithm):
    """Join a zip of the 2025 layout, score with no profile, map: the log names the edition, the
    output carries its years, the map's sources line says them."""
    from qgis.core import QgsVectorLayer

    comparateur = _write_edition_files(str(tmp_path), 2025, zipped=True)
    joined = str(tmp_path / "joined.gpkg")
    _, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
        "TABLES": [comparateur, real_insee("bpe2019_domaines_dep62.csv")], "OUTPUT": joined})
    assert any("comparateur 2025 edition: census 2022 and 2016" in line for line in log), log
    scored = str(tmp_path / "scored.gpkg")
    _, log = run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": scored})
    assert any("INSEE data recognised: comparateur 2025 edition: census 2022 and 2016, income 2021" in line
               for line in log), log
    layer = QgsVectorLayer(scored, "scored", "ogr")
    vintages = {f[VINTAGE_FIELD] for f in layer.getFeatures()}
    assert vintages == {"INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2024"}
    from centralites.processing.qpt_layouts import data_vintage, default_sources

    assert "INSEE comparateur 2025: RP 2022, RP 2016" in default_sources("1", data_vintage(layer))
    pdf = str(tmp_path / "map.pdf")
    run_algorithm("centralites:export_layout", {"INPUT": scored, "OUTPUT": pdf, "CHART": False})
    text = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout.split())
    # Where the PDF keeps its text as text (QGIS 3.22; later versions may draw it as curves), it says it.
    assert "RP 2022" in text or not text, text


def test_two_editions_joined_are_warned_then_refused_by_the_score(tmp_path, run_algorithm):
    from qgis.core import QgsProcessingException

    old = real_insee("base_cc_comparateur_2021_dep62.csv")
    new = _write_edition_files(str(tmp_path), 2025)
    joined = str(tmp_path / "joined.gpkg")
    _, log = run_algorithm("centralites:join_tables", {
        "INPUT": SAMPLE_COMMUNES, "CODE_FIELD": "INSEE_COM",
        "TABLES": [old, new, real_insee("bpe2019_domaines_dep62.csv")], "OUTPUT": joined})
    assert any("several editions" in line for line in log), log
    with pytest.raises(QgsProcessingException, match="Join one edition only"):
        run_algorithm("centralites:centrality_score", {"INPUT": joined, "OUTPUT": str(tmp_path / "s.gpkg")})
    assert not os.path.exists(tmp_path / "s.gpkg")


def test_make_demo_on_the_2025_layout_ranks_as_the_2021_files(tmp_path):
    """The issue's "done when": `make demo DATA=folder` with a 2025-edition comparateur (zip) and a
    point-level BPE, no profile given, ranks the AULA communes as the 2021 files do."""
    import sys

    real_insee("base_cc_comparateur_2021_dep62.csv")
    scripts = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "scripts")
    folders = {}
    for edition in (2021, 2025):
        data, output = tmp_path / f"data{edition}", tmp_path / f"out{edition}"
        subprocess.run([sys.executable, os.path.join(scripts, "build_edition_layout.py"), "--edition", str(edition),
                        "--output", str(data)], check=True, capture_output=True)
        run = subprocess.run([sys.executable, os.path.join(scripts, "demo.py"), "--data", str(data),
                              "--output", str(output)], capture_output=True, text=True)
        assert run.returncode == 0, run.stdout + run.stderr
        assert "counted per commune" in run.stdout  # the point-level BPE went through aggregate_bpe
        folders[edition] = output
    scores = {}
    for edition, output in folders.items():
        with sqlite3.connect(str(output / "centralites.gpkg")) as connection:
            scores[edition] = pd.read_sql("SELECT INSEE_COM, score_centralite, niveau_code, millesimes "
                                          "FROM centralites", connection).set_index("INSEE_COM")
    new, old = scores[2025].loc[scores[2021].index], scores[2021]
    assert new["score_centralite"].rank().corr(old["score_centralite"].rank()) >= 0.995
    assert (new["niveau_code"] == old["niveau_code"]).mean() >= 0.97
    assert set(new["millesimes"]) == {"INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2024"}
    assert set(old["millesimes"]) == {"INSEE comparateur 2021: RP 2018, RP 2013, Filosofi 2019, REE 2018"}
